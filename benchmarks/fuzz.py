"""Coverage-guided fuzzing (atheris / libFuzzer) of the two parsers that read
untrusted text: the extractor and the query parser.

Targets
  extract  bytes -> articles.article_from_text -> extract.extract_quotes, also as
           a str; invariant: every quote's offsets point at its text.
  query    text -> claims.parse_question / parse_claim / find_claims, then
           Engine.verify and Engine.ask against a small database built from seeds/;
           invariant: a verdict is one of the four (or None for listings).

Each target runs in its own subprocess for --seconds (default 60), seeded with
seeds/ articles and a few questions. A crash, a failed invariant or an input
slower than --timeout seconds is saved by libFuzzer under benchmarks/out/fuzz/
(crash-*, timeout-*, oom-*). The summary (inputs tried, coverage, findings) is
printed and written to benchmarks/out/fuzz/summary.json.

    .venv/bin/python benchmarks/fuzz.py --seconds 120
    .venv/bin/python benchmarks/fuzz.py --target query --seconds 30
    .venv/bin/python benchmarks/fuzz.py --replay benchmarks/out/fuzz/crash-...   # rerun one input
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "benchmarks" / "out" / "fuzz"
SEEDS = REPO / "seeds"
TARGETS = ("extract", "query")
QUESTIONS = [
    'did Putin say "dead end"?',
    "what did Lavrov say?",
    'where does "never ever" come from?',
    'Peskov said "we are staying on different tracks"',
    "Putin called the talks a “dead end”",
    "quotes by Ryabkov",
    "„non-starters“ — Sherman",
    "'; DROP TABLE quotes; -- NEAR(a b) norm: x*",
]


# -- the harness run inside each child ------------------------------------------------


def _child(target: str, db: str | None) -> None:
    import atheris

    with atheris.instrument_imports(include=["quotebot"]):
        from quotebot import articles, claims, extract, normalize
        from quotebot.answers import VERDICTS
        from quotebot.engine import Engine

    engine = Engine(db) if target == "query" else None

    def one_extract(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        as_text = fdp.ConsumeBool()
        raw = fdp.ConsumeBytes(fdp.remaining_bytes())
        payload = raw.decode("utf-8", "replace") if as_text else raw
        try:
            art = articles.article_from_text("fuzz", payload)
        except articles.NotText:
            return
        for q in extract.extract_quotes(art):
            if art.text[q.start : q.end] != q.text:
                raise AssertionError(f"offsets {q.start}:{q.end} do not hold {q.text!r}")

    def one_query(data: bytes) -> None:
        fdp = atheris.FuzzedDataProvider(data)
        speaker = fdp.ConsumeUnicode(fdp.ConsumeIntInRange(0, 40)) if fdp.ConsumeBool() else None
        text = fdp.ConsumeUnicode(fdp.remaining_bytes())
        q = claims.parse_question(text)
        claims.parse_claim(text, speaker)
        for c in claims.find_claims(text):
            if not c.speaker:
                raise AssertionError("find_claims returned a claim without a speaker")
        normalize.normalize(text)
        ans = engine.verify(text, speaker)
        if ans.verdict not in VERDICTS:
            raise AssertionError(f"verify gave {ans.verdict!r}")
        ans = engine.ask(text)
        if ans.verdict is not None and ans.verdict not in VERDICTS:
            raise AssertionError(f"ask gave {ans.verdict!r}")
        if q.intent not in ("verify", "quotes", "source", "search", "help"):
            raise AssertionError(q.intent)

    fn = one_extract if target == "extract" else one_query
    atheris.Setup(sys.argv, fn)  # libFuzzer flags and the corpus folder
    atheris.Fuzz()


# -- the driver -------------------------------------------------------------------------


def _seed_corpus(target: str) -> Path:
    corpus = OUT / f"corpus-{target}"
    corpus.mkdir(parents=True, exist_ok=True)
    if target == "extract":
        for p in SEEDS.glob("*.txt"):
            data = p.read_bytes()
            (corpus / f"seed-{p.stem}").write_bytes(b"\x01" + data[:4000])
    else:
        for i, q in enumerate(QUESTIONS):
            (corpus / f"seed-{i}").write_bytes(b"\x00" + q.encode("utf-8"))
    return corpus


def _query_db() -> Path:
    sys.path.insert(0, str(REPO))
    from quotebot.engine import Engine

    db = OUT / "fuzz-seeds.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    e = Engine(db)
    e.ingest([SEEDS])
    e.close()
    return db


def run_target(target: str, seconds: int, timeout: int, max_len: int) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    corpus = _seed_corpus(target)
    db = _query_db() if target == "query" else None
    before = set(OUT.glob(f"{target}-*"))
    cmd = [
        sys.executable, __file__, "--child", target, *(["--db", str(db)] if db else []),
        f"-max_total_time={seconds}", f"-timeout={timeout}", f"-max_len={max_len}",
        "-rss_limit_mb=4096", "-print_final_stats=1", f"-artifact_prefix={OUT}/{target}-",
        str(corpus),
    ]
    started = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", cwd=REPO)
    wall = time.time() - started
    log = proc.stderr + proc.stdout
    (OUT / f"{target}.log").write_text(log)
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", log)
    if runs:
        inputs = int(runs[-1])
    else:
        counts = re.findall(r"^#(\d+)\s", log, re.M)
        inputs = int(counts[-1]) if counts else 0
    cov = re.findall(r"cov: (\d+)", log)
    ft = re.findall(r"ft: (\d+)", log)
    found = sorted(str(p.relative_to(REPO)) for p in set(OUT.glob(f"{target}-*")) - before)
    return {
        "target": target,
        "seconds": round(wall, 1),
        "inputs": inputs,
        "inputs_per_second": round(inputs / wall, 1) if wall else 0,
        "coverage_edges": int(cov[-1]) if cov else None,
        "features": int(ft[-1]) if ft else None,
        "corpus_files": len(list(corpus.iterdir())),
        "exit_code": proc.returncode,
        "findings": found,
        "last_lines": log.strip().splitlines()[-3:],
    }


def replay(path: str) -> int:
    """Run one saved input through both targets, with a traceback if it fails."""
    Path(path).stat()  # (a clear FileNotFoundError before the child starts)
    target = "query" if "query" in Path(path).name else "extract"
    db = _query_db() if target == "query" else None
    cmd = [sys.executable, __file__, "--child", target, *(["--db", str(db)] if db else []), path]
    return subprocess.call(cmd, cwd=REPO)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        target = argv[1]
        db = argv[argv.index("--db") + 1] if "--db" in argv else None
        sys.argv = [sys.argv[0]] + [a for a in argv[2:] if a != "--db" and a != db]
        _child(target, db)
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--target", choices=TARGETS + ("all",), default="all")
    p.add_argument("--seconds", type=int, default=60, help="fuzzing time per target")
    p.add_argument("--timeout", type=int, default=10, help="an input slower than this is a finding")
    p.add_argument("--max-len", type=int, default=8192)
    p.add_argument("--replay", help="rerun one saved input")
    p.add_argument("--fresh", action="store_true", help="start from the seed corpus only")
    args = p.parse_args(argv)
    if importlib.util.find_spec("atheris") is None:
        print("atheris is not installed: `make bench` (or pip install -c constraints.txt -e '.[bench]') "
              "installs it; nothing was fuzzed.", file=sys.stderr)
        return 2
    if args.replay:
        return replay(args.replay)
    if args.fresh and OUT.exists():
        shutil.rmtree(OUT)
    results = [run_target(t, args.seconds, args.timeout, args.max_len)
               for t in (TARGETS if args.target == "all" else (args.target,))]
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "summary.json").write_text(json.dumps(results, indent=2))
    for r in results:
        print(f"{r['target']:8s} {r['inputs']:>9,} inputs in {r['seconds']:>6.1f} s "
              f"({r['inputs_per_second']:,.0f}/s), coverage {r['coverage_edges']} edges, "
              f"findings: {', '.join(r['findings']) or 'none'}")
    return 1 if any(r["findings"] for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
