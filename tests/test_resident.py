"""The keeper process holds the database file in memory: every page mapped, again
after the file grows, nothing over the budget, and it never outlives the bot."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from bot_fixtures import seeds_db  # noqa: F401 (fixture)

from quotebot.config import ConfigError, Settings, load_settings, parse_resident_mb
from quotebot.resident import Keeper, budget_bytes, touch

pytestmark = pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="needs Linux /proc")

MB = 1024 * 1024


def _resident_bytes(pid: int, path: str | os.PathLike) -> int:
    """How much of ``path`` is mapped into process ``pid`` and in memory (its mappings' Rss, /proc/PID/smaps)."""
    target = str(Path(path).resolve())
    total, inside = 0, False
    for line in Path(f"/proc/{pid}/smaps").read_text().splitlines():
        head = line.split()
        if head and "-" in head[0] and len(head) >= 5 and not head[0].endswith(":"):
            inside = len(head) >= 6 and head[5] == target  # a mapping's header line: range perms offset dev inode path
        elif inside and line.startswith("Rss:"):
            total += int(head[1]) * 1024
    return total


def _wait_for(predicate, timeout: float = 20.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is gone as far as we care
    return "State:\tZ" not in Path(f"/proc/{pid}/status").read_text()


@pytest.fixture
def db_file(tmp_path):
    path = tmp_path / "quotes.db"
    path.write_bytes(os.urandom(4 * MB))
    return path


def test_touch_maps_every_page(db_file):
    mapping, size = touch(db_file)
    try:
        assert size == 4 * MB
        assert mapping[:16] == db_file.read_bytes()[:16]
        assert _resident_bytes(os.getpid(), db_file) >= size
    finally:
        mapping.close()


def test_touch_of_an_empty_file_maps_nothing(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert touch(empty) == (None, 0)


def test_keeper_holds_the_file_and_maps_it_again_when_it_grows(db_file):
    keeper = Keeper(db_file, limit_mb=64, check_seconds=0.2)
    try:
        assert keeper.start()
        assert keeper.wait_ready(timeout=30)
        assert _wait_for(lambda: _resident_bytes(keeper.pid, db_file) >= 4 * MB)
        with open(db_file, "ab") as f:  # an ingest grows the database
            f.write(os.urandom(4 * MB))
        assert _wait_for(lambda: _resident_bytes(keeper.pid, db_file) >= 8 * MB)
    finally:
        keeper.stop()
    assert keeper.pid is None


def test_a_file_over_the_budget_is_not_kept(db_file, caplog):
    keeper = Keeper(db_file, limit_mb=1, check_seconds=0.2)
    with caplog.at_level("WARNING", logger="quotebot.resident"):
        assert not keeper.start()
    assert "larger than the memory budget" in caplog.text and "QUOTEBOT_RESIDENT_MB" in caplog.text
    assert keeper.pid is None


def test_a_file_that_outgrows_the_budget_is_let_go(db_file):
    keeper = Keeper(db_file, limit_mb=6, check_seconds=0.2)
    try:
        assert keeper.start()
        assert _wait_for(lambda: _resident_bytes(keeper.pid, db_file) >= 4 * MB)
        with open(db_file, "ab") as f:
            f.write(os.urandom(4 * MB))  # 8 MB now, over the 6 MB budget
        assert _wait_for(lambda: _resident_bytes(keeper.pid, db_file) == 0)
    finally:
        keeper.stop()


def test_a_zero_budget_starts_no_process(db_file):
    keeper = Keeper(db_file, limit_mb=0)
    assert not keeper.start()
    assert keeper.pid is None
    keeper.stop()  # harmless


def test_the_keeper_ends_when_its_parent_is_killed(db_file, tmp_path):
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
        from quotebot.resident import Keeper
        if __name__ == "__main__":
            k = Keeper({str(db_file)!r}, limit_mb=64, check_seconds=0.2)
            k.start(); k.wait_ready(30)
            print(k.pid, flush=True)
            time.sleep(60)
    """)
    path = tmp_path / "parent.py"
    path.write_text(script)
    parent = subprocess.Popen([sys.executable, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        keeper_pid = int(parent.stdout.readline())
        assert _alive(keeper_pid)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        assert _wait_for(lambda: not _alive(keeper_pid), timeout=10)
    finally:
        parent.kill()


def test_budget_defaults_to_half_the_available_memory(monkeypatch):
    monkeypatch.setattr("quotebot.resident.available_bytes", lambda: 1000 * MB)
    assert budget_bytes(None) == 500 * MB
    assert budget_bytes(300) == 300 * MB
    assert budget_bytes(0) == 0
    monkeypatch.setattr("quotebot.resident.available_bytes", lambda: None)
    assert budget_bytes(None) == 0


def test_resident_setting():
    assert load_settings({}, dotenv=False).resident_mb is None  # half the available memory
    assert load_settings({"QUOTEBOT_RESIDENT_MB": "0"}, dotenv=False).resident_mb == 0
    assert parse_resident_mb(" 2048 ") == 2048
    with pytest.raises(ConfigError, match="whole number of MB"):
        parse_resident_mb("lots")
    with pytest.raises(ConfigError, match="negative"):
        parse_resident_mb("-5")
    assert Settings().resident_mb == 0  # made in code (tests): nothing kept unless asked


def test_the_bot_keeps_its_database_while_it_runs(seeds_db):
    import asyncio

    from quotebot.bot.client import QuoteBot
    from quotebot.engine import Engine

    engine = Engine(seeds_db, create=False)
    bot = QuoteBot(engine, Settings(cooldown_rate=0, cooldown_per=0, resident_mb=64))

    async def flow():
        await bot.setup_hook()
        assert bot.resident.wait_ready(timeout=30)
        pid = bot.resident.pid
        assert _wait_for(lambda: _resident_bytes(pid, seeds_db) >= os.path.getsize(seeds_db))
        await bot.close()
        return pid

    pid = asyncio.run(flow())
    assert _wait_for(lambda: not _alive(pid), timeout=10)
    assert QuoteBot(engine, Settings(cooldown_rate=0, cooldown_per=0)).resident is None
