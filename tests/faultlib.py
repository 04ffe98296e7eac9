"""Shared pieces of the fault tests (tests/test_faults.py) and benchmarks/faults.py.

A corpus in two versions (v1: the database's old state; v2: changed articles
plus new ones), reference databases for both states, and a child process that
ingests v2 and is SIGKILLed: either at a random moment or at a chosen point
inside the ingest (after the N-th batch, or right after the commit).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
NAMES = ["Anna Keller", "Marta Kovacs", "Owen Hartley", "Priya Natarajan", "Lena Fischer", "Tomas Berg"]

_FORK = multiprocessing.get_context("fork")


def write_corpus(root: Path, n_old: int = 40, n_new: int = 15) -> tuple[Path, Path]:
    """v1/ and v2/: v2 changes every third article, keeps the rest, adds n_new."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    v1, v2 = root / "v1", root / "v2"
    v1.mkdir(parents=True)
    v2.mkdir(parents=True)
    for i in range(n_old + n_new):
        who = NAMES[i % len(NAMES)]
        base = seeds[i % len(seeds)]
        extra = f"\n\n“Statement number {i} stays on the record,” said {who}.\n"
        if i < n_old:
            (v1 / f"a{i:03d}.txt").write_text(base + extra, encoding="utf-8")
        changed = i % 3 == 0 or i >= n_old
        text = base + extra
        if changed:
            text = text.replace("stays on", "was taken off") + f"\n“Version two of article {i},” said {who}.\n"
        (v2 / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    return v1, v2


def checkpointed_copy(src: Path, dst: Path) -> None:
    conn = sqlite3.connect(src)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(dst) + suffix)
        if p.exists():
            p.unlink()
    shutil.copy(src, dst)


def quote_state(db: Path) -> dict[str, frozenset]:
    """Per article: its quotes as (start, end, words, speaker, kind)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        out: dict[str, set] = {a: set() for (a,) in conn.execute("SELECT id FROM articles")}
        for aid, start, end, text, speaker, kind in conn.execute(
            """SELECT qs.article_id, qs.start, qs."end", substr(a.text, qs.start + 1, qs."end" - qs.start),
                      s.name, q.kind
               FROM quote_sources qs JOIN quotes q ON q.id = qs.quote_id
               JOIN speakers s ON s.id = q.speaker_id JOIN articles a ON a.id = qs.article_id"""
        ):
            out[aid].add((start, end, text, speaker, kind))
        return {a: frozenset(v) for a, v in out.items()}
    finally:
        conn.close()


def build_references(root: Path, v1: Path, v2: Path) -> tuple[Path, dict, dict, float]:
    """(old-state db, old state, new state, seconds a full v2 ingest takes)."""
    from quotebot.engine import Engine

    old = root / "old.db"
    e = Engine(old)
    e.ingest([v1])
    e.close()
    new = root / "new.db"
    checkpointed_copy(old, new)
    e = Engine(new)
    t = time.perf_counter()
    report = e.ingest([v2])
    seconds = time.perf_counter() - t
    e.close()
    assert report.replaced and report.added
    return old, quote_state(old), quote_state(new), seconds


def _child(db: str, v2: str, mode: str, batch: int) -> None:
    from quotebot import store
    from quotebot.engine import Engine

    store._BATCH_ARTICLES = batch  # several batches in the one transaction
    if mode.startswith("batch:"):
        n = int(mode.split(":")[1])
        real = store.QuoteStore._write_batch
        count = [0]

        def write_batch(self, b, index):
            out = real(self, b, index)
            count[0] += 1
            if count[0] >= n:
                os.kill(os.getpid(), signal.SIGKILL)
            return out

        store.QuoteStore._write_batch = write_batch
    elif mode == "after_commit":
        real_write = store.QuoteStore._write

        def write(self, results, report):
            real_exec = self.db.execute

            def execute(sql, *a, **k):
                if "wal_checkpoint" in sql:
                    os.kill(os.getpid(), signal.SIGKILL)
                return real_exec(sql, *a, **k)

            self.db.execute = execute
            return real_write(self, results, report)

        store.QuoteStore._write = write
    e = Engine(db)
    e.ingest([v2])
    os._exit(0)


def kill_once(db: Path, old_db: Path, v2: Path, *, mode: str = "time", delay: float = 0.0, batch: int = 8) -> int:
    """Reset ``db`` to the old state, ingest v2 in a child, SIGKILL it. Returns the exit code."""
    checkpointed_copy(old_db, db)
    p = _FORK.Process(target=_child, args=(str(db), str(v2), mode, batch))
    p.start()
    if mode == "time":
        time.sleep(delay)
        try:
            os.kill(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    p.join(60)
    if p.is_alive():
        p.kill()
        p.join()
        raise AssertionError("ingest child hung")
    return p.exitcode


def check_after_kill(db: Path, old: dict, new: dict) -> str:
    """The database opens, is intact, and each article is wholly old or wholly new.

    Returns "old", "new" or "mixed" (articles of both states: allowed per
    article, though one transaction should never produce it)."""
    from quotebot.engine import Engine

    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    state = quote_state(db)
    kinds = set()
    for aid in set(old) | set(new):
        got = state.get(aid)
        if got == new.get(aid) and got == old.get(aid):
            continue
        if got == old.get(aid):
            kinds.add("old")
        elif got == new.get(aid):
            kinds.add("new")
        else:
            raise AssertionError(f"article {aid} is half-written: neither its old nor its new quotes")
    # The engine opens it and answers.
    e = Engine(db)
    assert e.verify("Statement number 1 stays on the record", "Marta Kovacs").verdict in ("verified", "altered")
    e.close()
    if kinds == {"old", "new"}:
        return "mixed"
    return kinds.pop() if kinds else "old"


def kill_loop(root: Path, kills: int, seed: int = 6, *, n_old: int = 40, n_new: int = 15) -> dict:
    v1, v2 = write_corpus(root, n_old, n_new)
    old_db, old, new, seconds = build_references(root, v1, v2)
    rng = random.Random(seed)
    db = root / "work.db"
    outcomes = {"old": 0, "new": 0, "mixed": 0, "killed_mid_ingest": 0}
    n_batches = (n_old + n_new) // 8 + 1
    for i in range(kills):
        r = rng.random()
        if r < 0.7:
            mode, delay = "time", rng.uniform(0.0, seconds * 1.3)
        elif r < 0.9:
            mode, delay = f"batch:{rng.randint(1, n_batches)}", 0.0
        else:
            mode, delay = "after_commit", 0.0
        code = kill_once(db, old_db, v2, mode=mode, delay=delay)
        if code == -signal.SIGKILL:
            outcomes["killed_mid_ingest"] += 1
        outcomes[check_after_kill(db, old, new)] += 1
    outcomes["full_ingest_seconds"] = round(seconds, 3)
    return outcomes
