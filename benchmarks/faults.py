"""A longer kill loop than make test runs: SIGKILL an ingest many times and check
after each kill that the database opens, passes PRAGMA integrity_check and holds,
for every article, either its old quotes or its new ones (never half).

Kill points: 70% at a random moment of the ingest, 20% right after the N-th
batch inside the transaction, 10% right after the commit (before the WAL
checkpoint). The same code as tests/test_faults.py (tests/faultlib.py), more
kills and a bigger corpus.

    .venv/bin/python benchmarks/faults.py --kills 200 --seed 6
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO))

import faultlib  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--kills", type=int, default=200)
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--old", type=int, default=60, help="articles in the old state")
    p.add_argument("--new", type=int, default=20, help="articles new in the second ingest")
    args = p.parse_args()
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = faultlib.kill_loop(Path(tmp), args.kills, seed=args.seed, n_old=args.old, n_new=args.new)
    outcomes.update(kills=args.kills, seed=args.seed, seconds=round(time.time() - started, 1))
    print(json.dumps(outcomes))
    out = REPO / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    (out / "faults.json").write_text(json.dumps(outcomes, indent=2))
    return 0 if outcomes["mixed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
