"""Faults: a killed ingest, readers during an ingest, a full disk, a read-only
database, a missing seeds/ folder, a damaged database file, a lost Discord
connection. Nothing is lost and every failure says what to do.

How the environment faults are made (the tests run as root, so chmod does not
stop writes):
* full disk: ``PRAGMA max_page_count`` on the engine's own connection, so the
  next page SQLite needs fails with SQLITE_FULL exactly as a full disk does;
* read-only database: the engine's connection is opened with the URI
  ``file:...?mode=ro``, which is what SQLite does itself when the file is not
  writable for the user (SQLITE_READONLY on the first write).
"""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import faultlib  # noqa: E402
from bot_fixtures import seeds_db  # noqa: E402,F401 (fixture: seeds/ ingested once per session)

from quotebot import cli, store as store_mod  # noqa: E402
from quotebot.cli import main as cli_main  # noqa: E402
from quotebot.engine import Engine  # noqa: E402
from quotebot.errors import QuotebotError  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
KILLS = int(os.environ.get("QUOTEBOT_TEST_KILLS", "24"))


def file_bytes(path: Path) -> dict[str, str]:
    out = {}
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(path) + suffix)
        if p.exists() and suffix != "-shm":  # -shm is a cache of the WAL index
            out[suffix] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return [line for line in conn.iterdump() if "quotes_fts" not in line]
    finally:
        conn.close()


@pytest.fixture
def db(seeds_db, tmp_path) -> Path:
    path = tmp_path / "q.db"
    faultlib.checkpointed_copy(seeds_db, path)
    return path


# -- SIGKILL mid-ingest -------------------------------------------------------------


@pytest.mark.timeout(120)
def test_sigkill_mid_ingest_leaves_old_or_new_never_half(tmp_path):
    outcomes = faultlib.kill_loop(tmp_path, KILLS, seed=6, n_old=18, n_new=8)
    print("kill loop:", outcomes)
    assert outcomes["mixed"] == 0  # one transaction: never some articles old, some new
    assert outcomes["old"] + outcomes["new"] == KILLS
    # The kills really landed inside ingests, and both outcomes happened.
    assert outcomes["killed_mid_ingest"] >= KILLS // 2
    assert outcomes["old"] > 0 and outcomes["new"] > 0


def test_kill_inside_the_transaction_keeps_the_old_state(tmp_path):
    v1, v2 = faultlib.write_corpus(tmp_path, 10, 4)
    old_db, old, new, _ = faultlib.build_references(tmp_path, v1, v2)
    work = tmp_path / "w.db"
    code = faultlib.kill_once(work, old_db, v2, mode="batch:1", batch=3)
    assert code == -signal.SIGKILL
    assert faultlib.check_after_kill(work, old, new) == "old"
    code = faultlib.kill_once(work, old_db, v2, mode="after_commit", batch=3)
    assert code == -signal.SIGKILL
    assert faultlib.check_after_kill(work, old, new) == "new"


def test_a_killed_first_ingest_leaves_an_empty_intact_database_back_in_wal(tmp_path):
    """The first ingest into an empty database skips the WAL (see QuoteStore._write): a kill
    inside its transaction still leaves nothing half-written, and the next open is in WAL
    mode again; a kill after its commit leaves every article."""
    from quotebot.store import QuoteStore

    _v1, v2 = faultlib.write_corpus(tmp_path, 10, 4)
    empty = tmp_path / "empty.db"
    QuoteStore(empty).close()
    full = tmp_path / "full.db"
    faultlib.checkpointed_copy(empty, full)
    e = Engine(full)
    e.ingest([v2])
    e.close()
    want = faultlib.quote_state(full)
    work = tmp_path / "w.db"
    for mode, expected in (("batch:1", {}), ("after_commit", want)):
        code = faultlib.kill_once(work, empty, v2, mode=mode, batch=3)
        assert code == -signal.SIGKILL
        conn = sqlite3.connect(work)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.close()
        s = QuoteStore(work)
        assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        s.close()
        assert faultlib.quote_state(work) == expected


# -- readers during an ingest ------------------------------------------------------

FERRY_OLD = "Ferry service\n\n“The boats will run every hour from May,” said Lena Fischer, the transport director.\n"
FERRY_NEW = FERRY_OLD.replace("every hour", "every two hours")


def _writer(db: str, rounds: int, go) -> None:
    go.wait(30)
    e = Engine(db)
    for i in range(rounds):
        e.ingest_text("ferry", FERRY_NEW if i % 2 == 0 else FERRY_OLD)
        # Some unrelated articles too, so each transaction is not tiny.
        e.ingest_text(f"filler{i % 5}", f"Filler {i}\n\n“Filler number {i} is here,” said Ann Lee.\n")
    os._exit(0)


@pytest.mark.timeout(120)
def test_readers_keep_answering_during_ingest(db):
    e = Engine(db)
    e.ingest_text("ferry", FERRY_OLD)
    e.close()
    old_q = "The boats will run every hour from May"
    new_q = "The boats will run every two hours from May"
    stop = threading.Event()
    seen: dict[str, int] = {"old": 0, "new": 0}
    errors: list[BaseException] = []
    latencies: list[float] = []

    def reader():
        eng = Engine(db)
        try:
            while not stop.is_set():
                t = time.perf_counter()
                a_old = eng.verify(old_q, "Lena Fischer")
                listing = [m.quote for m in eng.quotes(article="ferry")]
                latencies.append(time.perf_counter() - t)
                assert a_old.verdict in ("verified", "altered"), a_old.verdict
                assert listing in ([old_q], [new_q]), listing
                seen["old" if listing == [old_q] else "new"] += 1
                assert eng.verify("dead end", "Putin").verdict == "verified"
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            eng.close()

    import multiprocessing

    # Fork the writer before any reader thread exists (forking a threaded
    # process can copy a held lock into the child), then let it go.
    ctx = multiprocessing.get_context("fork")
    go = ctx.Event()
    w = ctx.Process(target=_writer, args=(str(db), 40, go))
    w.start()
    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    go.set()
    w.join(90)
    stop.set()
    for t in threads:
        t.join(30)
    assert w.exitcode == 0
    assert not errors, errors[:3]
    assert seen["old"] > 0 and seen["new"] > 0, seen
    latencies.sort()
    assert latencies[int(len(latencies) * 0.99)] < 1.0
    e = Engine(db)
    assert e.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    e.close()


# -- full disk ---------------------------------------------------------------------


def _connect_with(monkeypatch, *, uri_suffix: str = "", pragma: str | None = None):
    """Make the store's sqlite3.connect open the file differently (see module doc)."""
    real = sqlite3.connect

    def connect(database, *args, **kwargs):
        if uri_suffix:
            kwargs["uri"] = True
            database = f"file:{database}{uri_suffix}"
        conn = real(database, *args, **kwargs)
        if pragma:
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(pragma.format(pages=pages))
        return conn

    monkeypatch.setattr(store_mod.sqlite3, "connect", connect)


def test_full_disk_gives_a_clear_message_and_changes_nothing(db, tmp_path, monkeypatch, capsys):
    before_rows, before_bytes = dump(db), file_bytes(db)
    big = tmp_path / "news"
    big.mkdir()
    prose = " ".join(p.read_text() for p in SEEDS.glob("*.txt"))
    for i in range(6):
        (big / f"big{i}.txt").write_text(f"Story {i}\n\n{prose}\n“Number {i} fills the disk,” said Ann Lee.\n")
    with monkeypatch.context() as m:
        _connect_with(m, pragma="PRAGMA max_page_count = {pages}")
        e = Engine(db)
        with pytest.raises(QuotebotError) as info:
            e.ingest([big])
        msg = str(info.value)
        assert str(db) in msg and "full" in msg and "Nothing was changed" in msg
        # Reading still works on the full database.
        assert e.verify("dead end", "Putin").verdict == "verified"
        e.close()
        # Same through the command line: exit 2, one line, no traceback.
        rc = cli_main(["--db", str(db), "ingest", str(big)])
        out, err = capsys.readouterr()
        assert rc == 2 and "full" in err and str(db) in err and "Traceback" not in err
    assert dump(db) == before_rows
    assert file_bytes(db)[""] == before_bytes[""]
    # With space again, the same ingest succeeds.
    e = Engine(db)
    assert len(e.ingest([big]).added) == 6
    e.close()


# -- read-only database --------------------------------------------------------------


def test_read_only_database_answers_but_refuses_ingest_clearly(db, tmp_path, monkeypatch, capsys):
    before_rows, before_bytes = dump(db), file_bytes(db)
    news = tmp_path / "news"
    news.mkdir()
    (news / "ferry.txt").write_text(FERRY_OLD)
    with monkeypatch.context() as m:
        _connect_with(m, uri_suffix="?mode=ro")
        e = Engine(db)
        assert e.verify("dead end", "Putin").verdict == "verified"  # reading works
        with pytest.raises(QuotebotError) as info:
            e.ingest([news])
        assert str(db) in str(info.value) and "read-only" in str(info.value)
        with pytest.raises(QuotebotError, match="read-only"):
            e.ingest_text("upload", FERRY_NEW)
        e.close()
        rc = cli_main(["--db", str(db), "ingest", str(news)])
        out, err = capsys.readouterr()
        assert rc == 2 and "read-only" in err and str(db) in err and "Traceback" not in err
        rc = cli_main(["--db", str(db), "ask", 'did Putin say "dead end"?'])
        out, err = capsys.readouterr()
        assert rc == 0 and "VERIFIED" in out
    assert dump(db) == before_rows
    assert file_bytes(db) == before_bytes


def test_query_only_connection_is_refused_the_same_way(db, monkeypatch):
    with monkeypatch.context() as m:
        _connect_with(m, pragma="PRAGMA query_only = ON")
        e = Engine(db)
        with pytest.raises(QuotebotError, match="read-only"):
            e.ingest_text("upload", FERRY_NEW)
        e.close()


# -- missing seeds/ ------------------------------------------------------------------


def test_missing_seeds_folder(db, tmp_path, monkeypatch, capsys):
    before = dump(db)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(cli, "PACKAGE_SEEDS", tmp_path / "gone" / "seeds")
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    rc = cli_main(["--db", str(db), "run"])
    out, err = capsys.readouterr()
    assert rc == 2 and "No seeds/ folder" in err and "Run from the repository root" in err
    assert "Traceback" not in err
    rc = cli_main(["--db", str(db), "ingest"])
    out, err = capsys.readouterr()
    assert rc == 2 and "Nothing was ingested" in err
    assert str(tmp_path / "gone" / "seeds") in out + err
    assert dump(db) == before


# -- damaged database files ------------------------------------------------------------


def _damage(good: Path, dst: Path, how: str) -> None:
    data = bytearray(good.read_bytes())
    if how == "garbage":
        data = bytearray(b"this is not sqlite " * 500)
    elif how == "truncated":
        data = data[: len(data) // 2]
    elif how == "header_only":
        data = bytearray(b"SQLite format 3\x00") + bytearray(os.urandom(5000))
    elif how == "schema_page":
        data[100:4096] = os.urandom(3996)
    elif how == "data_pages":
        import random

        rng = random.Random(1)
        for off in range(4096 * 3, len(data), 4096):
            for _ in range(200):
                data[off + rng.randrange(min(4096, len(data) - off))] = rng.randrange(256)
    dst.write_bytes(bytes(data))


@pytest.mark.parametrize("how", ["garbage", "truncated", "header_only", "schema_page", "data_pages"])
def test_damaged_database_gives_a_clear_message_and_is_not_touched(db, tmp_path, how, capsys):
    bad = tmp_path / f"{how}.db"
    _damage(db, bad, how)
    before = bad.read_bytes()
    for args in (["ask", 'did Putin say "dead end"?'], ["quotes"], ["speakers"], ["articles"], ["ingest", str(SEEDS)]):
        rc = cli_main(["--db", str(bad), *args])
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        assert rc == 2, (args, out[:200], err)
        assert str(bad) in err and ("Move it aside" in err or "not a QuoteBot" in err), err
        assert bad.read_bytes() == before, f"{args} changed the damaged file"
    # The chat says the same instead of crashing.
    from quotebot.chat import run_chat
    import io

    try:
        e = Engine(bad)
    except QuotebotError:
        return  # refused at open: covered above
    out = io.StringIO()
    run_chat(e, io.StringIO('did Putin say "dead end"?\nspeakers\n'), out)
    e.close()
    assert "Traceback" not in out.getvalue()
    assert bad.read_bytes() == before


def test_database_path_that_cannot_be_opened(tmp_path, capsys):
    for target in (tmp_path / "no" / "such" / "dir" / "q.db", tmp_path):
        rc = cli_main(["--db", str(target), "ask", "x"])
        out, err = capsys.readouterr()
        assert rc == 2 and str(target) in err and "Traceback" not in err


# -- a lost Discord connection ----------------------------------------------------------

simcord = pytest.importorskip("simcord")


@pytest.fixture
def simcord_bot(db):
    from quotebot.bot import create_bot
    from quotebot.config import Settings

    e = Engine(db)
    yield create_bot(engine=e, settings=Settings(cooldown_rate=0, cooldown_per=0), sync_commands=True)
    e.close()


async def test_bot_survives_disconnect_resume_and_rest_failures(simcord_env, simcord_bot):
    env = simcord_env
    bot = simcord_bot
    guild = env.create_guild()
    channel = guild.create_text_channel("general")
    alice = guild.add_member(env.create_user("alice"))
    first = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    assert first.response.embeds[0].title.startswith("✅")
    # The gateway drops and resumes: discord.py dispatches these; state must survive.
    bot.dispatch("disconnect")
    bot.dispatch("resumed")
    await env.settle()
    again = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    assert again.response.embeds[0].title.startswith("✅")
    # Discord's REST side fails once (a 503 on the reply): the bot must not die,
    # and the next request is answered normally from the same engine.
    env.inject_error("*", "/interactions/*", status=503, message="Service Unavailable", times=1)
    failed = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    # The answer could not be delivered: the user gets a private apology instead...
    assert failed.response.ephemeral
    assert "Sorry, something went wrong" in failed.response.embeds[0].description
    # ...and the failure was the injected 503, nothing else.
    assert len(env.errors) == 1 and "503" in str(env.errors[0])
    after = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    assert after.response.embeds[0].title.startswith("✅")
    assert bot.engine.verify("dead end", "Putin").verdict == "verified"


async def test_bot_restart_reopens_the_engine(simcord_env, simcord_bot, db):
    """A full restart (the old client closes, closing its engine; a new client
    starts on the same database, as a supervisor would do) keeps answering."""
    from quotebot.bot import create_bot
    from quotebot.config import Settings

    env = simcord_env
    guild = env.create_guild()
    channel = guild.create_text_channel("general")
    alice = guild.add_member(env.create_user("alice"))
    assert (await alice.slash(channel, "verify", text="dead end", speaker="Putin")).response.embeds[0].title.startswith("✅")
    fresh = create_bot(engine=simcord_bot.engine, settings=Settings(cooldown_rate=0, cooldown_per=0), sync_commands=True)
    await env.restart_bot(fresh)
    res = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    assert res.response.embeds[0].title.startswith("✅")


# -- parallel ingest: workers must not outlive a killed parent ---------------------------


def test_killed_parallel_ingest_leaves_no_orphan_workers(tmp_path):
    import subprocess

    import psutil

    news = tmp_path / "news"
    news.mkdir()
    texts = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(400):
        (news / f"n{i:03d}.txt").write_text(texts[i % len(texts)] + f"\n“Copy {i} here,” said Ann Lee.\n")
    parent = subprocess.Popen(
        [sys.executable, "-m", "quotebot.cli", "--db", str(tmp_path / "w.db"), "ingest", str(news), "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO,
    )
    proc = psutil.Process(parent.pid)
    deadline = time.time() + 20
    workers: list = []
    while time.time() < deadline and len(workers) < 2 and parent.poll() is None:
        workers = proc.children()
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers never started"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    gone, alive = psutil.wait_procs(workers, timeout=10)
    # An exited worker nobody reaps (PID 1 in a container may not) is gone too.
    alive = [p for p in alive if _status(p) not in (psutil.STATUS_ZOMBIE, None)]
    for p in alive:  # do not leak them from the test either
        p.kill()
    assert not alive, f"{len(alive)} ingest workers outlived their killed parent"
    conn = sqlite3.connect(tmp_path / "w.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def _status(p):
    import psutil

    try:
        return p.status()
    except psutil.NoSuchProcess:
        return None
