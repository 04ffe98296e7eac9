"""Reader processes: the bot's reads run in other processes, with the same answers,
and a reader that dies costs no question."""

from __future__ import annotations

import asyncio
import os
import signal

import pytest
from bot_fixtures import NO_COOLDOWN, bot_engine, embed_text, seeds_db, simcord_bot  # noqa: F401 (fixtures)

from quotebot.config import ConfigError, Settings, load_settings, parse_processes
from quotebot.readers import ReaderPool, default_processes

CLAIM = "an absolute imperative"


@pytest.fixture
def pool(bot_engine):
    p = ReaderPool(bot_engine.db_path, 2)
    yield p
    p.close()


def test_reader_answers_as_the_engine_does(bot_engine, pool):
    direct = bot_engine.verify(CLAIM)
    remote = pool.submit("verify", CLAIM).result(timeout=60)
    assert remote == direct
    assert pool.submit("speakers").result(timeout=60) == bot_engine.speakers()


def test_readers_run_in_other_processes(pool):
    pids = {f.result(timeout=60) for f in pool.warm()}
    assert os.getpid() not in pids
    assert len(pids) >= 1


def test_reader_errors_reach_the_caller(pool):
    with pytest.raises(AttributeError):
        pool.submit("no_such_method").result(timeout=60)


def test_readers_see_an_ingest_made_after_they_started(bot_engine, pool):
    pool.submit("verify", CLAIM).result(timeout=60)  # readers up, caches filled
    text = "Harbour news\n\n“The lighthouse will shine again by spring,” said harbour master Ada Quill.\n"
    bot_engine.ingest_text("harbour", text)
    answer = pool.submit("verify", "The lighthouse will shine again by spring", "Ada Quill").result(timeout=60)
    assert answer.verdict == "verified"


def _bot(engine, processes: int):
    from quotebot.bot.client import QuoteBot

    return QuoteBot(engine, Settings(cooldown_rate=0, cooldown_per=0, read_processes=processes))


def _run(bot, flow):
    """Run a coroutine against the bot, then stop its readers and threads."""
    try:
        return asyncio.run(flow)
    finally:
        bot.readers.close()
        bot.executor.shutdown(wait=True)


def test_bot_sends_engine_reads_to_readers_and_writes_to_threads(bot_engine, monkeypatch):
    bot = _bot(bot_engine, 2)
    sent: list[str] = []
    submit = bot.readers.submit
    monkeypatch.setattr(bot.readers, "submit", lambda method, *a, **k: sent.append(method) or submit(method, *a, **k))

    async def flow():
        answer = await bot.call(bot_engine.verify, CLAIM)
        report = await bot.call(bot_engine.ingest_text, "ferry", "“Boats run hourly,” said Lena Fischer.\n")
        return answer, report

    answer, report = _run(bot, flow())
    assert sent == ["verify"]
    assert answer == bot_engine.verify(CLAIM)
    assert report.quotes == 1


def test_bot_answers_in_a_thread_when_a_reader_dies(bot_engine):
    bot = _bot(bot_engine, 1)
    pids = [f.result(timeout=60) for f in bot.readers.warm()]

    async def flow():
        for pid in set(pids):
            os.kill(pid, signal.SIGKILL)
        await asyncio.sleep(0.5)  # the pool notices its worker is gone
        first = await bot.call(bot_engine.verify, CLAIM)
        second = await bot.call(bot_engine.verify, CLAIM)  # fresh readers
        return first, second

    first, second = _run(bot, flow())
    expected = bot_engine.verify(CLAIM)
    assert first == expected and second == expected


def test_bot_without_read_processes_uses_threads_only(bot_engine):
    assert _bot(bot_engine, 0).readers is None


@pytest.mark.parametrize("value, expected", [("0", 0), ("3", 3), (" 2 ", 2), (None, default_processes()), ("", default_processes())])
def test_read_processes_setting(value, expected):
    assert parse_processes(value) == expected


@pytest.mark.parametrize("value", ["two", "-1", "1000"])
def test_bad_read_processes_setting_says_what_to_write(value):
    with pytest.raises(ConfigError, match="QUOTEBOT_READ_PROCESSES"):
        parse_processes(value)


def test_settings_from_environment_default_to_one_reader_per_cpu():
    assert load_settings({}, dotenv=False).read_processes == default_processes()
    assert NO_COOLDOWN.read_processes == 0  # made in code: threads unless asked


@pytest.fixture
def bot_settings() -> Settings:
    """The simcord bot of this module answers through two reader processes."""
    return Settings(cooldown_rate=0, cooldown_per=0, read_processes=2)


async def test_slash_verify_answered_by_reader_processes(simcord_env, simcord_bot):
    assert simcord_bot.readers is not None and simcord_bot.readers.processes == 2
    guild = simcord_env.create_guild()
    channel = guild.create_text_channel("general")
    alice = guild.add_member(simcord_env.create_user("alice"))
    result = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    embed = result.response.embeds[0]
    assert embed.title.startswith("✅ Verified")
    assert "Vladimir Putin" in embed_text(embed)
