"""Guard for speed work on the extractor: the same articles must give the same quotes.

Dump every quote (all fields) the extractor finds in PolNeAR (real news), the
seed articles and a synthetic scale corpus, then compare a later run with it:

    python benchmarks/extract_diff.py --write /tmp/extract-ref.json    # before a change
    python benchmarks/extract_diff.py --check /tmp/extract-ref.json    # after it

``--check`` exits 1 and prints the first differences when anything changed, or when
the pipeline raised on an article (which ``extract_quotes`` would hide). It
also prints the extraction CPU time (process time) per corpus, so a run is a
throughput measurement as well.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotebot.articles import article_from_text, iter_articles  # noqa: E402
from quotebot.extract import _extract, extract_quotes  # noqa: E402
from quotebot.models import Skipped  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "corpora" / "polnear-train" / "text"
SYNTH = ROOT.parent / "main" / "benchmarks" / "out" / "scale" / "corpus-10000-s1" / "articles"
RAISED: list[str] = []  # articles whose extraction raised (see run)
FIELDS = ("text", "start", "end", "speaker", "speaker_kind", "role", "verb", "kind", "shape",
          "paragraph", "sentence", "aliases")


def _rows(quotes) -> list[list]:
    return [[list(q.aliases) if f == "aliases" else getattr(q, f) for f in FIELDS] for q in quotes]


def corpora(args) -> dict[str, list[Path]]:
    out = {
        "polnear": sorted(Path(args.polnear).glob("*.txt")),
        "seeds": sorted((ROOT / "seeds").glob("*.txt")),
        "synthetic": sorted(Path(args.synthetic).glob("*.txt")),
    }
    for extra in args.extra or []:
        out[Path(extra).parent.name] = sorted(Path(extra).glob("*.txt"))
    return out


def run(args) -> dict[str, dict[str, list]]:
    result: dict[str, dict[str, list]] = {}
    for name, files in corpora(args).items():
        arts = []
        for f in files:
            if name == "polnear":  # as benchmarks/extraction.py reads it
                arts.append(article_from_text(f.stem, f.read_text(encoding="utf-8")))
            else:  # as ingest reads it
                item = next(iter(iter_articles([f])))
                if not isinstance(item, Skipped):
                    arts.append(item)
        nbytes = sum(len(a.text.encode("utf-8", "surrogatepass")) for a in arts)
        got: dict[str, list] = {}
        t0 = time.process_time()
        for a in arts:
            got[a.id] = _rows(extract_quotes(a))
        cpu = time.process_time() - t0
        for a in arts:
            # extract_quotes swallows an exception as a last resort (and loses the
            # article's quotes): a change that raises must show here, not as lost recall
            try:
                _extract(a, True)
            except Exception as exc:  # noqa: BLE001 - reported, then the run fails
                print(f"RAISES: {name}/{a.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
                RAISED.append(f"{name}/{a.id}")
        nq = sum(len(v) for v in got.values())
        print(f"{name:10s} {len(arts):5d} articles {nbytes / 1e6:6.2f} MB {nq:6d} quotes  "
              f"extract CPU {cpu:6.2f} s = {1000 * cpu / max(1, len(arts)):5.2f} ms/article "
              f"({nbytes / 1e6 / max(cpu, 1e-9):.2f} MB/s)", file=sys.stderr)
        result[name] = got
    return result


def compare(ref: dict, got: dict, show: int) -> int:
    diffs = 0
    for corpus, arts in ref.items():
        if corpus not in got:
            print(f"{corpus}: not run", file=sys.stderr)
            continue
        for aid, quotes in arts.items():
            new = got[corpus].get(aid)
            if new == quotes:
                continue
            diffs += 1
            if diffs <= show:
                print(f"--- {corpus}/{aid}", file=sys.stderr)
                old_set = {json.dumps(q) for q in quotes}
                new_set = {json.dumps(q) for q in (new or [])}
                for q in quotes:
                    if json.dumps(q) not in new_set:
                        print(f"  - {dict(zip(FIELDS, q))}", file=sys.stderr)
                for q in new or []:
                    if json.dumps(q) not in old_set:
                        print(f"  + {dict(zip(FIELDS, q))}", file=sys.stderr)
                if old_set == new_set:
                    print("  (same quotes, different order)", file=sys.stderr)
    return diffs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--write", metavar="JSON", help="dump the reference")
    g.add_argument("--check", metavar="JSON", help="compare with a reference dump")
    ap.add_argument("--polnear", default=str(POLNEAR))
    ap.add_argument("--synthetic", default=str(SYNTH))
    ap.add_argument("--extra", action="append", help="another folder of .txt articles")
    ap.add_argument("--show", type=int, default=10, help="differing articles to print")
    args = ap.parse_args()
    got = run(args)
    if args.write:
        Path(args.write).write_text(json.dumps(got, ensure_ascii=False))
        print(f"wrote {args.write}", file=sys.stderr)
        return 0
    ref = json.loads(Path(args.check).read_text())
    got = json.loads(json.dumps(got, ensure_ascii=False))  # tuples -> lists, as stored
    diffs = compare(ref, got, args.show)
    total = sum(len(v) for v in ref.values())
    print(f"{'IDENTICAL' if not diffs else 'DIFFERENT'}: {diffs} of {total} articles differ", file=sys.stderr)
    if RAISED:
        print(f"RAISES on {len(RAISED)} articles (above): the pipeline must not raise", file=sys.stderr)
    return 1 if diffs or RAISED else 0


if __name__ == "__main__":
    sys.exit(main())
