"""Keep the database file in memory while the bot answers from it.

Some machines drop file pages that nobody has touched for a minute (proactive
reclaim, as virtual machines run it), and a question then reads its quote rows
and index pages back from disk one at a time. At a million quotes that was the
whole latency: after a quiet minute, 50 concurrent questions took 45 s instead
of 0.2 s, with the readers' CPU idle. Pages mapped into a running process are
not dropped that way, so a small keeper process maps the database file,
touches every page once, and maps it again whenever the file grows.

The pages are the kernel's page cache, shared with the reader processes (not
a copy), and the kernel still reclaims them under real memory pressure. A
database larger than the budget (by default half the memory available at
start) is not kept: answers then come from disk as before. The keeper runs in
its own process so that a file truncated under the mapping (SIGBUS) can only
end the keeper, never the bot.
"""

from __future__ import annotations

import logging
import mmap
import multiprocessing
import os
import time
from pathlib import Path

log = logging.getLogger(__name__)

# How often the keeper looks whether the file grew (an ingest in any process).
CHECK_SECONDS = 30.0


def available_bytes() -> int | None:
    """Memory the kernel says is available now (MemAvailable), or None if unknown."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return None


def budget_bytes(limit_mb: int | None) -> int:
    """The most of a database file to keep: ``limit_mb`` if set, else half the available memory."""
    if limit_mb is not None:
        return max(0, limit_mb) * 1024 * 1024
    avail = available_bytes()
    return avail // 2 if avail else 0


def touch(path: str | os.PathLike) -> tuple[mmap.mmap | None, int]:
    """Map ``path`` read-only and fault in every page; (mapping, size). Empty files map nothing."""
    with open(path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        if size == 0:
            return None, 0
        mapping = mmap.mmap(f.fileno(), size, prot=mmap.PROT_READ)
    if hasattr(mapping, "madvise") and hasattr(mmap, "MADV_WILLNEED"):
        mapping.madvise(mmap.MADV_WILLNEED)  # read ahead in large requests, not page by page
    page = mmap.PAGESIZE
    for offset in range(0, size, page):
        mapping[offset]
    return mapping, size


def _keep(path: str, budget: int, parent: int, ready, check_seconds: float) -> None:
    """The keeper process: hold the file mapped until the parent is gone."""
    mapping: mmap.mmap | None = None
    kept = -1  # size of the mapped file; -1 before the first look
    while True:
        try:
            st = os.stat(path)
        except OSError:
            st = None
        size = st.st_size if st else 0
        if size != kept:
            old, mapping = mapping, None
            if st is not None and 0 < size <= budget:
                try:
                    mapping, size = touch(path)
                except (OSError, ValueError):
                    mapping = None
            if old is not None:
                old.close()
            kept = size
        ready.set()
        deadline = time.monotonic() + check_seconds
        while time.monotonic() < deadline:
            if os.getppid() != parent:
                return
            time.sleep(min(0.5, check_seconds))


class Keeper:
    """A process that keeps a database file in memory (see the module docstring)."""

    def __init__(self, path: str | os.PathLike, *, limit_mb: int | None = None,
                 check_seconds: float = CHECK_SECONDS) -> None:
        self.path = str(Path(path).resolve())
        self.budget = budget_bytes(limit_mb)
        self.check_seconds = check_seconds
        self._process: multiprocessing.process.BaseProcess | None = None
        self._ready = None

    def start(self) -> bool:
        """Start keeping the file; False (and a log line saying why) when it is not kept."""
        if self._process is not None:
            return True
        try:
            size = os.path.getsize(self.path)
        except OSError:
            size = 0
        if self.budget <= 0:
            log.info("not keeping %s in memory (QUOTEBOT_RESIDENT_MB is 0 or memory is unknown)", self.path)
            return False
        if size > self.budget:
            log.warning(
                "%s (%.0f MB) is larger than the memory budget (%.0f MB): answers read it from disk. "
                "Set QUOTEBOT_RESIDENT_MB to keep more.", self.path, size / 2**20, self.budget / 2**20)
            return False
        # spawn, not fork: the caller may run an event loop and threads.
        ctx = multiprocessing.get_context("spawn")
        self._ready = ctx.Event()
        self._process = ctx.Process(
            target=_keep, args=(self.path, self.budget, os.getpid(), self._ready, self.check_seconds),
            name="quotebot-resident", daemon=True)
        self._process.start()
        return True

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until the first pass over the file is done (True), or ``timeout`` passes."""
        return bool(self._ready is not None and self._ready.wait(timeout))

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def stop(self) -> None:
        p, self._process = self._process, None
        if p is not None:
            p.terminate()
            p.join(timeout=5)
