"""Engine reads in worker processes, so answers use every core.

Answering is mostly Python (claim parsing, rapidfuzz calls, alignment), so
threads answer one at a time under the GIL: 50 questions at once wait for
each other. A ``ReaderPool`` runs the engine's read-only methods (those marked
``reads_only`` in ``quotebot.engine``) in processes that each open the
database themselves. Writes (ingest) stay in the calling process; readers see
them at once, because SQLite's WAL gives each query the latest commit and the
read caches are keyed on the ingest generation.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# The engine each worker process opens once (set by _open_engine).
_engine = None


def _open_engine(db_path: str) -> None:
    global _engine
    from .engine import Engine

    _engine = Engine(db_path, create=False)
    _engine.warm()


def _call(method: str, args: tuple, kwargs: dict) -> Any:
    return getattr(_engine, method)(*args, **kwargs)


def _ready() -> int:
    return os.getpid()


def default_processes() -> int:
    """One reader per CPU; none on one CPU, where a process buys nothing."""
    cpus = os.cpu_count() or 1
    return cpus if cpus > 1 else 0


class ReaderPool:
    """A pool of reader processes answering ``Engine`` reads by method name."""

    def __init__(self, db_path: str | os.PathLike, processes: int):
        if processes < 1:
            raise ValueError("a ReaderPool needs at least one process")
        self.db_path = str(Path(db_path).resolve())
        self.processes = processes
        self._executor = self._start()

    def _start(self) -> ProcessPoolExecutor:
        # spawn, not fork: the parent runs an event loop and threads that a fork
        # would copy mid-flight.
        return ProcessPoolExecutor(
            max_workers=self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_open_engine,
            initargs=(self.db_path,),
        )

    def submit(self, method: str, *args: Any, **kwargs: Any) -> Future:
        """Run ``Engine.<method>(*args, **kwargs)`` in a reader process."""
        try:
            return self._executor.submit(_call, method, args, kwargs)
        except (BrokenProcessPool, RuntimeError):
            # A reader died (killed, out of memory): start a fresh pool and retry once.
            log.warning("reader pool broken; restarting it")
            self.restart()
            return self._executor.submit(_call, method, args, kwargs)

    def restart(self) -> None:
        old = self._executor
        self._executor = self._start()
        old.shutdown(wait=False, cancel_futures=True)

    def warm(self) -> list[Future]:
        """Start every reader now (each opens the database), not on the first question."""
        return [self._executor.submit(_ready) for _ in range(self.processes)]

    def close(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
