"""Ingest speed: wall MB/s, and CPU per article in the main process and in the workers.

    python benchmarks/ingest_speed.py --workers 2 DIR [DIR ...]

Each run ingests the folders into a fresh database under --tmp (deleted
afterwards). The main process writes; with --workers >= 2 the worker processes
extract, and their CPU is read from RUSAGE_CHILDREN once the pool has shut
down. Wall time is noisy on a shared machine; the CPU figures are the steadier
measure.

``--extractor baseline`` swaps QuoteBot's extractor for one regular expression
(a quote in curly or straight marks, then ``said`` and a capitalised name, or the
name and ``said`` before it): everything else (reading, normalising, the worker
pool, the writer, the search index) stays. It gives the floor that ingest cannot
go under with any extractor, and the share of the time that is extraction.
``--extractor replay`` is the exact floor for QuoteBot's own output: the quotes are
extracted before the clock starts (both cores) and the timed ingest only looks them
up, so it writes the very rows a real ingest writes.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotebot import extract  # noqa: E402
from quotebot.models import Quote  # noqa: E402
from quotebot.store import QuoteStore  # noqa: E402

_NAME = r"([A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){0,2})"
_BASELINE_RE = re.compile(
    r"[“\"]([^”\"\n]{3,}?)[,.?!]?[”\"](?:,? said " + _NAME + r"|,? " + _NAME + r" said)"
)


def baseline_quotes(article, *, paraphrase: bool = True) -> list[Quote]:
    """The simplest extractor worth the name: one pattern, no resolution."""
    return [
        Quote(m.group(1), m.start(1), m.end(1), m.group(2) or m.group(3), verb="said",
              sentence=m.group(0))
        for m in _BASELINE_RE.finditer(article.text)
    ]


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


_REPLAY: dict[tuple[str, str], list[Quote]] = {}


def _extracted(path: str):
    from quotebot.articles import iter_articles

    out = []
    for item in iter_articles([path]):
        if hasattr(item, "digest"):
            out.append(((item.id, item.digest), extract.extract_quotes(item)))
    return out


def replay_quotes(article, *, paraphrase: bool = True) -> list[Quote]:
    """QuoteBot's quotes for this article, extracted before the clock started."""
    return _REPLAY[(article.id, article.digest)]


def _prepare_replay(paths: list[str], workers: int) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from quotebot.store import list_article_files

    files, _skipped = list_article_files(paths)
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        for pairs in pool.map(_extracted, [str(f) for f in files], chunksize=64):
            _REPLAY.update(pairs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--tmp", default=tempfile.gettempdir())
    ap.add_argument("--extractor", choices=("quotebot", "baseline", "replay"), default="quotebot")
    args = ap.parse_args()
    if args.extractor == "baseline":
        # the store imports extract_quotes at call time, in forked workers too
        extract.extract_quotes = baseline_quotes
    elif args.extractor == "replay":
        _prepare_replay(args.paths, args.workers)
        extract.extract_quotes = replay_quotes
    fd, db = tempfile.mkstemp(suffix=".db", dir=args.tmp)
    os.close(fd)
    os.remove(db)
    try:
        store = QuoteStore(db)
        main0, kids0, wall0 = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN), time.perf_counter()
        report = store.ingest(args.paths, workers=args.workers)
        wall = time.perf_counter() - wall0
        main_cpu = _cpu(resource.RUSAGE_SELF) - main0
        kids = _cpu(resource.RUSAGE_CHILDREN) - kids0
        store.close()
        n = len(report.added) + len(report.replaced)
        mb = report.bytes / 1e6
        print(
            f"extractor={args.extractor} workers={args.workers} articles={n} MB={mb:.2f} quotes={report.quotes} wall={wall:.2f}s "
            f"MB/s={mb / wall:.2f}  CPU ms/article: main={1000 * main_cpu / max(n, 1):.2f} "
            f"workers={1000 * kids / max(n, 1):.2f} total={1000 * (main_cpu + kids) / max(n, 1):.2f}"
        )
    finally:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(db + suffix)
            except FileNotFoundError:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
