"""Cog callbacks called directly with spec'd mocks (python-discord style), plus the
small pieces: limiter, custom ids, claim fallback, config, run_bot."""

from __future__ import annotations

import logging
from unittest.mock import AsyncMock, MagicMock, create_autospec

import discord
import pytest
from discord import app_commands

from bot_fixtures import NO_COOLDOWN, FakeEngine, embed_text
from quotebot.bot import create_bot, run_bot, views
from quotebot.bot.client import QuoteBot, RateLimiter, UserError
from quotebot.bot.cogs import admin, listen
from quotebot.bot.cogs.admin import AdminCog
from quotebot.bot.cogs.quotes import QuotesCog
from quotebot.config import ConfigError, Settings, load_settings, parse_channels, parse_cooldown

NONE = discord.AllowedMentions.none()


@pytest.fixture
def engine():
    return FakeEngine()


@pytest.fixture
def bot(engine):
    return create_bot(engine=engine, settings=NO_COOLDOWN)


def make_interaction(bot, *, manage_guild=False, user_id=42, done=False):
    interaction = create_autospec(discord.Interaction, instance=True)
    interaction.client = bot
    interaction.id = 1000 + user_id
    interaction.user = MagicMock(spec=discord.Member, id=user_id)
    interaction.guild = MagicMock(spec=discord.Guild, id=7)
    interaction.guild_id = 7
    interaction.channel_id = 99
    interaction.permissions = discord.Permissions(manage_guild=manage_guild)
    interaction.type = discord.InteractionType.application_command
    interaction.command = None
    interaction.data = {}
    response = create_autospec(discord.InteractionResponse, instance=True)
    response.is_done.return_value = done
    response.type = None
    interaction.response = response
    interaction.followup = create_autospec(discord.Webhook, instance=True)
    return interaction


def sent_kwargs(interaction) -> dict:
    interaction.response.send_message.assert_awaited_once()
    return interaction.response.send_message.await_args.kwargs


# -- /verify -----------------------------------------------------------------------------


async def test_verify_calls_engine_and_answers_with_embed_and_buttons(bot, engine):
    cog = QuotesCog(bot)
    interaction = make_interaction(bot)
    await cog.verify.callback(cog, interaction, '  "dead end"  ', " Putin ")
    assert engine.calls[0] == ("verify", "dead end", "Putin")
    kw = sent_kwargs(interaction)
    assert kw["embed"].title.startswith("✅ Verified")
    assert kw["allowed_mentions"] == NONE or kw["allowed_mentions"].to_dict() == NONE.to_dict()
    assert kw["ephemeral"] is False
    ids = [item.custom_id for item in kw["view"].children]
    assert ids == ["qb:ctx:1", "qb:next:1:1.2"]
    assert kw["view"].timeout is None


async def test_verify_rejects_empty_claim(bot):
    cog = QuotesCog(bot)
    with pytest.raises(UserError):
        await cog.verify.callback(cog, make_interaction(bot), '""', None)


async def test_said_unknown_speaker_suggests(bot, engine):
    cog = QuotesCog(bot)
    with pytest.raises(UserError, match="No quotes on record for “Sergei L”"):
        await cog.said.callback(cog, make_interaction(bot), "Sergei L")


async def test_said_pages(bot, engine):
    cog = QuotesCog(bot)
    interaction = make_interaction(bot)
    await cog.said.callback(cog, interaction, "Putin")
    kw = sent_kwargs(interaction)
    assert "**1.**" in kw["embed"].description and "**5.**" in kw["embed"].description
    assert [c.custom_id for c in kw["view"].children] == ["qb:page:s:5:Putin"]


async def test_speaker_autocomplete(bot):
    cog = QuotesCog(bot)
    choices = await cog.speaker_autocomplete(make_interaction(bot), "serg")
    assert [c.value for c in choices] == ["Sergei Lavrov", "Sergei Ryabkov"]
    assert all(isinstance(c, app_commands.Choice) for c in choices)


async def test_context_unknown_id(bot):
    cog = QuotesCog(bot)
    with pytest.raises(UserError, match="no quote #555"):
        await cog.context.callback(cog, make_interaction(bot), 555)


async def test_context_menu_uses_the_claim_in_the_message(bot, engine):
    cog = QuotesCog(bot)
    interaction = make_interaction(bot)
    message = MagicMock(spec=discord.Message, content='Lavrov said "the talks are a dead end" today')
    await cog.verify_message(interaction, message)
    verb, text, speaker = engine.calls[-1]
    assert verb == "verify" and "dead end" in text and speaker == "Lavrov"
    assert sent_kwargs(interaction)["ephemeral"] is True


# -- /ingest -------------------------------------------------------------------------------


def attachment(name, data, size=None):
    a = create_autospec(discord.Attachment, instance=True)
    a.filename = name
    a.size = len(data) if size is None else size
    a.read = AsyncMock(return_value=data)
    return a


async def test_ingest_refuses_non_admin(bot, engine, monkeypatch):
    monkeypatch.setattr(bot, "is_owner", AsyncMock(return_value=False))
    cog = AdminCog(bot)
    with pytest.raises(UserError, match="Only server admins"):
        await cog.ingest.callback(cog, make_interaction(bot), attachment("a.txt", b"hello"))
    assert not [c for c in engine.calls if c[0] == "ingest_text"]


async def test_ingest_checks_each_file(bot, engine, monkeypatch):
    monkeypatch.setattr(bot, "is_owner", AsyncMock(return_value=False))
    cog = AdminCog(bot)
    interaction = make_interaction(bot, manage_guild=True)
    # after defer(), is_done() is True and the answer replaces the "thinking" message
    interaction.response.defer.side_effect = lambda **kw: setattr(interaction.response, "type",
                                                                   discord.InteractionResponseType.deferred_channel_message)
    interaction.response.is_done.side_effect = lambda: interaction.response.defer.await_count > 0
    files = [
        attachment("My Article (1).txt", "Putin said: “Hello.”".encode()),
        attachment("big.txt", b"x", size=3 * 1024 * 1024),
        attachment("scan.pdf", b"%PDF"),
        attachment("bin.txt", b"ab\x00cd"),
        attachment("empty.txt", b"   \n"),
    ]
    await cog.ingest.callback(cog, interaction, *files)
    assert ("ingest_text", "My_Article_1", len("Putin said: “Hello.”")) in engine.calls
    embed = interaction.edit_original_response.await_args.kwargs["embed"]
    text = embed_text(embed)
    assert embed.title == "Ingested 1 of 5 files"
    assert "too large" in text and "only .txt" in text and "binary" in text and "empty" in text
    assert "2 quotes found" in text


def deferring_admin_interaction(bot):
    interaction = make_interaction(bot, manage_guild=True)
    interaction.response.defer.side_effect = lambda **kw: setattr(interaction.response, "type",
                                                                   discord.InteractionResponseType.deferred_channel_message)
    interaction.response.is_done.side_effect = lambda: interaction.response.defer.await_count > 0
    return interaction


async def test_ingest_hands_pages_and_feeds_to_the_engine_readers(bot, engine, monkeypatch):
    """A saved page or a feed reaches Engine.ingest as a file with the upload's suffix."""
    monkeypatch.setattr(bot, "is_owner", AsyncMock(return_value=False))
    cog = AdminCog(bot)
    interaction = deferring_admin_interaction(bot)
    page = b"<html><body><p>\xe2\x80\x9cHi,\xe2\x80\x9d said Ada Holm.</p></body></html>"
    await cog.ingest.callback(cog, interaction, attachment("Port Story.HTML", page),
                              attachment("news.rss", b"<rss></rss>"))
    calls = [c for c in engine.calls if c[0] == "ingest"]
    assert calls == [("ingest", [("Port_Story.html", page)]), ("ingest", [("news.rss", b"<rss></rss>")])]
    text = embed_text(interaction.edit_original_response.await_args.kwargs["embed"])
    assert "Port Story.HTML" in text and "news.rss" in text


async def test_ingest_fetches_links_and_reports_each(bot, engine, monkeypatch):
    """Links go to Engine.ingest one by one; an unreachable page is a failed line with the
    reader's reason, and the other link still loads."""
    monkeypatch.setattr(bot, "is_owner", AsyncMock(return_value=False))
    cog = AdminCog(bot)
    interaction = deferring_admin_interaction(bot)
    await cog.ingest.callback(cog, interaction, links="https://news.example/a  http://offline.test/b")
    assert ("ingest", ["https://news.example/a"]) in engine.calls
    assert ("ingest", ["http://offline.test/b"]) in engine.calls
    embed = interaction.edit_original_response.await_args.kwargs["embed"]
    text = embed_text(embed)
    assert embed.title == "Ingested 1 of 2 files"
    assert "3 quotes found" in text and "could not fetch the page: no network" in text


@pytest.mark.parametrize(
    ("links", "message"),
    [
        (None, "Attach a file or give a link"),
        ("news.example/a", "is not a link"),
        (" ".join(f"https://n.example/{i}" for i in range(6)), "at most 5 links"),
    ],
)
async def test_ingest_refuses_missing_or_bad_links(bot, engine, monkeypatch, links, message):
    monkeypatch.setattr(bot, "is_owner", AsyncMock(return_value=False))
    cog = AdminCog(bot)
    with pytest.raises(UserError, match=message):
        await cog.ingest.callback(cog, make_interaction(bot, manage_guild=True), links=links)
    assert not [c for c in engine.calls if c[0] == "ingest"]


def test_article_id_and_decoding():
    assert admin.article_id_for("../../etc/passwd.txt") == "passwd"
    assert admin.article_id_for("Über Talks.txt") == "Über_Talks"
    assert admin.article_id_for("???.txt") == "upload"
    assert admin.decode_upload("\ufeffhé".encode()) == "hé"
    with pytest.raises(UserError):
        admin.decode_upload(b"\xff\xfe\x00")


# -- errors and cooldown -------------------------------------------------------------------------


async def test_user_error_is_shown_privately(bot):
    interaction = make_interaction(bot)
    cmd = QuotesCog(bot).verify
    await bot.report_error(interaction, app_commands.CommandInvokeError(cmd, UserError("Nope, not like that.")))
    kw = sent_kwargs(interaction)
    assert kw["ephemeral"] is True and "Nope, not like that." in kw["embed"].description


async def test_unexpected_error_is_logged_and_answered_politely(bot, caplog):
    interaction = make_interaction(bot)
    cmd = QuotesCog(bot).verify
    with caplog.at_level(logging.ERROR):
        await bot.report_error(interaction, app_commands.CommandInvokeError(cmd, KeyError("secret detail")))
    kw = sent_kwargs(interaction)
    assert "something went wrong" in kw["embed"].description and "secret" not in kw["embed"].description
    assert "secret detail" in caplog.text


async def test_error_after_answer_goes_to_followup(bot):
    interaction = make_interaction(bot, done=True)
    interaction.response.type = discord.InteractionResponseType.channel_message
    await bot.send_error(interaction, "late")
    interaction.followup.send.assert_awaited_once()
    assert interaction.followup.send.await_args.kwargs["ephemeral"] is True


async def test_cooldown_check_answers_privately(engine):
    bot = create_bot(engine=engine, settings=Settings(cooldown_rate=1, cooldown_per=60))
    first, second = make_interaction(bot), make_interaction(bot)
    assert await bot.check_cooldown(first)
    assert not await bot.check_cooldown(second)
    assert "going a bit fast" in sent_kwargs(second)["embed"].description


def test_rate_limiter(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr("quotebot.bot.client.time.monotonic", lambda: now[0])
    lim = RateLimiter(2, 10)
    assert lim.hit(1) is None and lim.hit(1) is None
    assert lim.hit(1) == pytest.approx(10)
    assert lim.hit(2) is None
    now[0] += 10.5
    assert lim.hit(1) is None
    assert RateLimiter(0, 0).hit(1) is None


# -- buttons -------------------------------------------------------------------------------------


def test_custom_ids_fit_and_parse():
    cid = views.encode_next(1, list(range(10**17, 10**17 + 50)))
    assert cid is not None and len(cid) <= 100
    assert views.NextMatchButton.__discord_ui_compiled_template__.fullmatch(cid)
    assert views.encode_next(3, [1, 2]) is None
    assert views.encode_page("s", 5, "x" * 200) is None
    page = views.encode_page("s", 5, "Vladimir Putin")
    m = views.PageButton.__discord_ui_compiled_template__.fullmatch(page)
    assert m["arg"] == "Vladimir Putin" and m["offset"] == "5"


async def test_context_button_callback(bot, engine):
    interaction = make_interaction(bot)
    item = await views.ContextButton.from_custom_id(interaction, MagicMock(), {"id": "3"})
    await item.callback(interaction)
    kw = sent_kwargs(interaction)
    assert kw["ephemeral"] and kw["embed"].title == "Context of quote #3"


async def test_button_errors_are_answered(bot, engine, monkeypatch):
    monkeypatch.setattr(engine, "context", MagicMock(side_effect=RuntimeError("x")))
    interaction = make_interaction(bot)
    await views.ContextButton(1).callback(interaction)
    assert "something went wrong" in sent_kwargs(interaction)["embed"].description


# -- claims -----------------------------------------------------------------------------------


def test_auto_check_uses_the_engine_claim_detector():
    found = listen.find_claims('Putin said "dead end and more" yesterday')
    assert [(c.speaker, c.text) for c in found] == [("Putin", "dead end and more")]


def test_strip_mentions():
    assert listen.strip_mentions("<@5> @everyone did <@!5> Putin <@&9> say <#3> hi") == "did Putin say hi"


# -- bot construction -----------------------------------------------------------------------------


def test_intents_only_privileged_when_autocheck(engine):
    assert not create_bot(engine=engine, settings=NO_COOLDOWN).intents.message_content
    assert create_bot(engine=engine, settings=Settings(autocheck_channels=frozenset({5}))).intents.message_content
    b = create_bot(engine=engine, settings=NO_COOLDOWN)
    assert b.allowed_mentions.to_dict() == NONE.to_dict()
    assert isinstance(b, QuoteBot)


async def test_sync_to_test_guild(engine, monkeypatch):
    b = create_bot(engine=engine, settings=Settings(guild_id=1234), sync_commands=True)
    b.tree.sync = AsyncMock(return_value=[])
    b.tree.copy_global_to = MagicMock()
    await b.sync_tree()
    assert b.tree.copy_global_to.call_args.kwargs["guild"].id == 1234
    assert b.tree.sync.await_args.kwargs["guild"].id == 1234
    b2 = create_bot(engine=engine, settings=Settings())
    b2.tree.sync = AsyncMock(return_value=[])
    await b2.sync_tree()
    assert b2.tree.sync.await_args.kwargs == {}


# -- config ---------------------------------------------------------------------------------------


def test_config_parsing():
    assert parse_cooldown("5/30") == (5, 30.0)
    assert parse_cooldown("10") == (1, 10.0)
    assert parse_cooldown("0") == (0, 0.0)
    assert parse_cooldown(None) == (5, 30.0)
    with pytest.raises(ConfigError):
        parse_cooldown("fast")
    assert parse_channels("1, 2,,3") == frozenset({1, 2, 3})
    with pytest.raises(ConfigError):
        parse_channels("general")
    s = load_settings({"DISCORD_TOKEN": "abc.def.ghi", "QUOTEBOT_GUILD_ID": "77", "QUOTEBOT_LOG_LEVEL": "debug"})
    assert s.token == "abc.def.ghi" and s.guild_id == 77 and s.log_level == "DEBUG"
    assert "abc.def.ghi" not in repr(s) and "abc.def.ghi" not in str(s)


# -- run_bot ----------------------------------------------------------------------------------------


def test_run_bot_without_token(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)  # no .env here
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert run_bot(tmp_path / "q.db", sync=False) == 2
    err = capsys.readouterr().err
    assert "DISCORD_TOKEN is not set" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_run_bot_with_rejected_token(monkeypatch, capsys, caplog, tmp_path):
    secret = "MTIz.fake.token-value"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", secret)
    monkeypatch.setattr(discord.utils, "setup_logging", lambda **kw: None)

    async def rejected(self, token, *, reconnect=True):
        raise discord.LoginFailure("Improper token has been passed.")

    monkeypatch.setattr(QuoteBot, "start", rejected)
    assert run_bot(tmp_path / "q.db", sync=True) == 2
    err = capsys.readouterr().err
    assert "rejected DISCORD_TOKEN" in err and "Traceback" not in err
    assert secret not in err and secret not in caplog.text


def test_uploaded_page_and_dump_reach_the_real_readers(tmp_path):
    """The temporary file keeps the upload's suffix, so the engine's page and dump readers
    take it; nothing is left behind in the temporary folder."""
    from pathlib import Path

    from quotebot.engine import Engine

    fixtures = Path(__file__).parent / "fixtures" / "sources"
    engine = Engine(tmp_path / "q.db")
    page = admin.ingest_source_upload(engine, "Wire Story.HTML", (fixtures / "wire.html").read_bytes())
    dump = admin.ingest_source_upload(engine, "crawl.jsonl", (fixtures / "dump.jsonl").read_bytes())
    assert page.added and page.quotes >= 1 and not page.skipped
    assert len(dump.added) == 3 and dump.quotes >= 3
    info = {a.id: a for a in engine.articles()}[page.added[0]]
    assert info.url.startswith("https://") and info.published and info.outlet
    engine.close()
