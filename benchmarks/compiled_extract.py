"""Would compiling the extractor reach the ingest target? Cython on the unchanged module.

    pip install cython
    python benchmarks/compiled_extract.py [--articles DIR] [--limit 600]

Copies quotebot/ to a temporary folder, compiles extract.py and the stage modules of
quotebot/extraction/ there with Cython
(pure-Python mode: the annotations are not used as C types, so the semantics stay
Python's), then extracts the same articles with the plain and the compiled module,
in fresh processes (alternating, --repeat times), four passes each. It prints the
best CPU ms per article of each pass and whether both give identical quotes. The first pass is the one that matters
for ingest: every article is new to the caches then.

Compiling takes about 1.5 minutes on this machine. QuoteBot does not ship the
compiled module; this script only measures what it would buy.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLES = ROOT / "benchmarks" / "out" / "scale" / "corpus-10000-s1" / "articles"

_CHILD = r"""
import glob, hashlib, json, sys, time
sys.path.insert(0, sys.argv[1])
import quotebot.extract as x
from quotebot.articles import read_article
files = sorted(glob.glob(sys.argv[2] + "/*.txt"))[: int(sys.argv[3])]
arts = [read_article(f) for f in files]
passes, digest = [], hashlib.sha256()
for r in range(4):
    t = time.process_time()
    out = [x.extract_quotes(a) for a in arts]
    passes.append(1000 * (time.process_time() - t) / len(arts))
for qs in out:
    digest.update(repr([q.__dict__ if hasattr(q, "__dict__") else q for q in qs]).encode())
print(json.dumps({"module": x.__file__, "passes": passes, "digest": digest.hexdigest(), "n": len(arts)}))
"""


def _run(tree: Path, articles: Path, limit: int) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(tree), str(articles), str(limit)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES,
                    help="a folder of .txt articles (default: the 10k scale corpus)")
    ap.add_argument("--limit", type=int, default=600)
    ap.add_argument("--repeat", type=int, default=3, help="fresh processes per module; each pass's best is kept")
    args = ap.parse_args()
    if not args.articles.is_dir():
        print(f"no articles at {args.articles}: run `python benchmarks/scale.py --quotes 10000` first, "
              "or pass --articles DIR", file=sys.stderr)
        return 2
    if shutil.which("cythonize") is None:
        print("cythonize not found: `pip install cython` first", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp)
        shutil.copytree(ROOT / "quotebot", tree / "quotebot")
        print("compiling quotebot/extract.py and quotebot/extraction/ with Cython ...", flush=True)
        stages = sorted(str(p.relative_to(tree)) for p in (tree / "quotebot" / "extraction").glob("*.py"))
        subprocess.run(["cythonize", "-i", "-3", "-X", "annotation_typing=False", "quotebot/extract.py", *stages],
                       cwd=tree, check=True, capture_output=True)
        runs: dict[str, list[dict]] = {"plain": [], "compiled": []}
        for _ in range(args.repeat):  # alternating, so drift on a shared machine hits both
            runs["plain"].append(_run(ROOT, args.articles, args.limit))
            runs["compiled"].append(_run(tree, args.articles, args.limit))
    plain, compiled = ({**rs[0], "passes": [min(p) for p in zip(*(r["passes"] for r in rs))],
                        "digest": rs[0]["digest"] if len({r["digest"] for r in rs}) == 1 else "unstable"}
                       for rs in (runs["plain"], runs["compiled"]))
    for name, r in (("plain", plain), ("compiled", compiled)):
        print(f"{name:9} {Path(r['module']).name:42} CPU ms/article per pass: "
              + " ".join(f"{p:.2f}" for p in r["passes"]))
    first = 1 - compiled["passes"][0] / plain["passes"][0]
    warm = 1 - min(compiled["passes"]) / min(plain["passes"])
    print(f"compiled saves {100 * first:.0f}% on the first pass, {100 * warm:.0f}% on the best warm pass; "
          f"identical quotes: {plain['digest'] == compiled['digest']} ({plain['n']} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
