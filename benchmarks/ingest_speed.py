"""Ingest speed: wall MB/s, and CPU per article in the main process and in the workers.

    python benchmarks/ingest_speed.py --workers 2 DIR [DIR ...]

Each run ingests the folders into a fresh database under --tmp (deleted
afterwards). The main process writes; with --workers >= 2 the worker processes
extract, and their CPU is read from RUSAGE_CHILDREN once the pool has shut
down. Wall time is noisy on a shared machine; the CPU figures are the steadier
measure.
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotebot.store import QuoteStore  # noqa: E402


def _cpu(who: int) -> float:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--tmp", default=tempfile.gettempdir())
    args = ap.parse_args()
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
            f"workers={args.workers} articles={n} MB={mb:.2f} quotes={report.quotes} wall={wall:.2f}s "
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
