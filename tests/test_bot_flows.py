"""End-to-end flows: the real bot on the REAL engine (seeds/ ingested once per
session), driven through simcord's simulated Discord (no network, no token)."""

from __future__ import annotations

import discord
import pytest
import simcord
from simcord import SetupError

from bot_fixtures import NO_COOLDOWN, FakeEngine, button_ids, embed_text
from bot_fixtures import bot_engine, bot_settings, seeds_db, simcord_bot  # noqa: F401  (fixtures)
from quotebot.bot import create_bot
from quotebot.bot.client import UserError
from quotebot.config import Settings


def world(env):
    guild = env.create_guild()
    channel = guild.create_text_channel("general")
    alice = guild.add_member(env.create_user("alice"))
    return guild, channel, alice


def admin_in(env, guild):
    role = guild.create_role("Mods", permissions=discord.Permissions(manage_guild=True))
    return guild.add_member(env.create_user("mod"), roles=[role])


def user_errors(env) -> list[str]:
    """Acknowledge the UserErrors the tree reported (simcord records every tree error)."""
    out = []
    for e in env.errors:
        original = getattr(e, "original", e)
        assert isinstance(original, UserError), f"unexpected error: {e!r}"
        out.append(str(original))
    return out


def assert_no_pings(env):
    """Every message the bot sent or edited carried allowed_mentions that ping nobody."""
    sent = [r for r in env.http_requests if r.method in ("POST", "PATCH") and isinstance(r.json, dict)
            and ("content" in r.json or "embeds" in r.json or "data" in r.json)]
    assert sent
    for r in sent:
        body = r.json.get("data", r.json) if isinstance(r.json.get("data"), dict) else r.json
        am = body.get("allowed_mentions")
        assert am is not None, f"no allowed_mentions in {r.method} {r.path}"
        assert am.get("parse") == [] and not am.get("users") and not am.get("roles") and not am.get("replied_user")


# -- slash command, embed, buttons ---------------------------------------------------------


async def test_verify_slash_embed_then_context_button(simcord_env):
    guild, channel, alice = world(simcord_env)
    result = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    assert not result.ephemeral
    embed = result.response.embeds[0]
    assert embed.title.startswith("✅ Verified")
    assert embed.colour == discord.Colour.green()
    text = embed_text(embed)
    assert "Vladimir Putin" in text and "dead end" in text
    assert "2 articles" in text  # two seeds report it
    ids = button_ids(result.response.components)
    assert ids and ids[0].startswith("qb:ctx:")

    clicked = await alice.click(result.response, label="Show context")
    assert clicked.ephemeral
    ctx = clicked.response.embeds[0]
    assert ctx.title.startswith("Context of quote #")
    assert "**dead end" in embed_text(ctx)  # the quote in bold inside its paragraph
    assert_no_pings(simcord_env)


async def test_next_match_pages_through_candidates(simcord_env):
    guild, channel, alice = world(simcord_env)
    result = await alice.slash(channel, "verify", text="NATO")
    ids = button_ids(result.response.components)
    assert any(i.startswith("qb:next:1:") for i in ids)
    second = await alice.click(result.response, label="Next match")
    assert second.ephemeral
    assert second.response.embeds[0].title.startswith("Match 2 of")
    third = await alice.click(second.response, label="Next match")
    assert third.response.embeds[0].title.startswith("Match 3 of")


async def test_buttons_survive_a_restart(simcord_env, bot_engine):
    guild, channel, alice = world(simcord_env)
    result = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    await simcord_env.restart_bot(create_bot(engine=bot_engine, settings=NO_COOLDOWN))
    clicked = await alice.click(result.response, label="Show context")
    assert clicked.response.embeds[0].title.startswith("Context of quote #")


async def test_said_on_the_seeds(simcord_env):
    guild, channel, alice = world(simcord_env)
    result = await alice.slash(channel, "said", speaker="Jeff Rathke")
    embed = result.response.embeds[0]
    assert embed.title == "What Jeff Rathke said"
    assert "**1.**" in embed.description


async def test_said_pages_with_buttons_and_after_restart():
    # 12 quotes from a fake engine, so there are exactly three pages.
    engine = FakeEngine()
    async with simcord.run(create_bot(engine=engine, settings=NO_COOLDOWN, sync_commands=True)) as env:
        guild, channel, alice = world(env)
        result = await alice.slash(channel, "said", speaker="Putin")
        assert "**1.**" in result.response.embeds[0].description
        assert button_ids(result.response.components) == ["qb:page:s:5:Putin"]
        nxt = await alice.click(result.response, label="Next page")
        page2 = nxt.response.embeds[0].description
        assert "**6.**" in page2 and "**10.**" in page2
        await env.restart_bot(create_bot(engine=engine, settings=NO_COOLDOWN))
        last = await alice.click(nxt.response, label="Next page")
        assert "**11.**" in last.response.embeds[0].description
        assert button_ids(last.response.components) == ["qb:page:s:5:Putin"]  # only "Previous page"
        back = await alice.click(last.response, label="Previous page")
        assert "**6.**" in back.response.embeds[0].description


async def test_search_context_speakers_sources(simcord_env):
    guild, channel, alice = world(simcord_env)
    found = await alice.slash(channel, "search", words="NATO")
    assert "#" in found.response.embeds[0].description
    ctx = await alice.slash(channel, "context", quote_id=1)
    assert "dead end" in embed_text(ctx.response.embeds[0])
    speakers = await alice.slash(channel, "speakers")
    assert "Vladimir Putin" in speakers.response.embeds[0].description
    sources = await alice.slash(channel, "sources")
    assert "Articles loaded (5)" == sources.response.embeds[0].title
    missing = await alice.slash(channel, "context", quote_id=999999)
    assert missing.ephemeral and "no quote #999999" in missing.response.embeds[0].description
    assert user_errors(simcord_env) == ["There is no quote #999999."]


# -- the verdicts, via the engine ----------------------------------------------------------


async def test_altered_and_misattributed(simcord_env):
    guild, channel, alice = world(simcord_env)
    altered = await alice.slash(
        channel, "verify", text="the prospect of reaching an agreement depends on Russia", speaker="Lavrov"
    )
    e = altered.response.embeds[0]
    assert e.title.startswith("✏️ Altered")
    assert "→ **Russia**" in embed_text(e)
    mis = await alice.slash(channel, "verify", text="never ever", speaker="Putin")
    e = mis.response.embeds[0]
    assert e.title.startswith("🔀 Misattributed")
    assert "Sergei Ryabkov" in embed_text(e)


async def test_unknown_speaker(simcord_env):
    guild, channel, alice = world(simcord_env)
    verdict = await alice.slash(channel, "verify", text="I like cheese", speaker="Nobody Known")
    e = verdict.response.embeds[0]
    assert e.title.startswith("❓ Not found")
    assert "Nobody Known" in embed_text(e)
    said = await alice.slash(channel, "said", speaker="Nobody Known")
    assert said.ephemeral
    assert "No quotes on record" in said.response.embeds[0].description
    assert len(user_errors(simcord_env)) == 1


async def test_long_input_never_breaks_embed_limits(simcord_env):
    guild, channel, alice = world(simcord_env)
    text = ("**@everyone** 😀 ~~dead end~~ " * 40)[:1000]
    result = await alice.slash(channel, "verify", text=text, speaker="P" * 100)
    e = result.response.embeds[0]
    assert len(e) <= 6000 and len(e.description) <= 4096
    # a real long quote too
    result = await alice.slash(channel, "verify", text="To be honest, everyone understands " * 25)
    assert result.response.embeds


# -- autocomplete -----------------------------------------------------------------------------


async def test_speaker_autocomplete(simcord_env):
    guild, channel, alice = world(simcord_env)
    choices = await alice.autocomplete(channel, "said", "speaker", "Pu")
    assert {"name": "Vladimir Putin", "value": "Vladimir Putin"} in choices
    choices = await alice.autocomplete(channel, "verify", "speaker", "", text="dead end")
    assert 0 < len(choices) <= 25


# -- context menu ------------------------------------------------------------------------------


async def test_verify_quote_context_menu(simcord_env):
    guild, channel, alice = world(simcord_env)
    bob = guild.add_member(simcord_env.create_user("bob"))
    msg = await bob.send(channel, 'lol Putin said "never ever" about NATO')
    result = await alice.context_menu(channel, "Verify quote", msg)
    assert result.ephemeral
    e = result.response.embeds[0]
    assert e.title.startswith("🔀 Misattributed")
    # the bot has no message-content intent: the interaction carried the text
    assert not simcord_env.bot.intents.message_content


async def test_context_menu_on_empty_message(simcord_env):
    guild, channel, alice = world(simcord_env)
    msg = await alice.send(channel, "", attachments=[("pic.png", b"\x89PNG")])
    result = await alice.context_menu(channel, "Verify quote", msg)
    assert result.ephemeral and "no text" in result.response.embeds[0].description
    user_errors(simcord_env)


# -- mentions ----------------------------------------------------------------------------------


async def test_mention_question_is_answered_in_channel(simcord_env):
    guild, channel, alice = world(simcord_env)
    me = simcord_env.bot.user
    await alice.send(channel, f'{me.mention} did Putin say "dead end"?')
    reply = channel.last_message
    assert reply.author.id == me.id
    assert reply.embeds[0].title.startswith("✅ Verified")
    assert reply.reference is not None  # a reply to the question


async def test_mention_with_everyone_never_pings(simcord_env):
    guild, channel, alice = world(simcord_env)
    me = simcord_env.bot.user
    await alice.send(channel, f'{me.mention} @everyone did Putin say "dead end"? <@{alice.id}>')
    reply = channel.last_message
    assert reply.author.id == me.id
    assert not reply.mention_everyone and not reply.mentions and not reply.role_mentions
    assert "@everyone" not in embed_text(reply.embeds[0])
    assert_no_pings(simcord_env)


async def test_direct_message_is_a_question(simcord_env):
    carol = simcord_env.create_user("carol")
    await carol.send_dm('did Putin say "dead end"?')
    reply = carol.dm_channel.last_message
    assert reply.author.id == simcord_env.bot.user.id
    assert reply.embeds[0].title.startswith("✅ Verified")


async def test_empty_mention_gets_help(simcord_env):
    guild, channel, alice = world(simcord_env)
    await alice.send(channel, simcord_env.bot.user.mention)
    assert "QuoteBot" in channel.last_message.embeds[0].title


async def test_everyone_in_slash_input_never_pings(simcord_env):
    guild, channel, alice = world(simcord_env)
    result = await alice.slash(channel, "verify", text="@everyone @here dead end", speaker="Putin")
    msg = result.response.message
    assert not msg.mention_everyone
    assert "@everyone" not in embed_text(msg.embeds[0])
    assert_no_pings(simcord_env)


# -- cooldown -----------------------------------------------------------------------------------


async def test_cooldown_stops_spam(bot_engine):
    bot = create_bot(engine=bot_engine, settings=Settings(cooldown_rate=2, cooldown_per=30), sync_commands=True)
    async with simcord.run(bot) as env:
        guild, channel, alice = world(env)
        bob = guild.add_member(env.create_user("bob"))
        assert not (await alice.slash(channel, "speakers")).ephemeral
        assert not (await alice.slash(channel, "sources")).ephemeral
        third = await alice.slash(channel, "speakers")
        assert third.ephemeral
        assert "going a bit fast" in third.response.embeds[0].description
        # others are not affected
        assert not (await bob.slash(channel, "speakers")).ephemeral
        # autocomplete is never rate-limited
        assert await alice.autocomplete(channel, "said", "speaker", "Pu")
        await env.advance_time(31)
        assert not (await alice.slash(channel, "speakers")).ephemeral


async def test_mention_spam_gets_a_busy_reaction(bot_engine):
    bot = create_bot(engine=bot_engine, settings=Settings(cooldown_rate=1, cooldown_per=60), sync_commands=True)
    async with simcord.run(bot) as env:
        guild, channel, alice = world(env)
        await alice.send(channel, f'{env.bot.user.mention} did Putin say "dead end"?')
        assert channel.last_message.author.id == env.bot.user.id
        spam = await alice.send(channel, f'{env.bot.user.mention} did Putin say "dead end"?')
        assert channel.last_message.id == spam.id
        assert _reactions(env, channel, spam) == ["⏳"]


# -- owner sync ------------------------------------------------------------------------------


async def test_owner_can_sync_by_mention_and_slash(simcord_env):
    guild, channel, alice = world(simcord_env)
    bob = guild.add_member(simcord_env.create_user("bob"))
    simcord_env.bot.owner_id = alice.id
    await alice.send(channel, f"{simcord_env.bot.user.mention} sync")
    assert channel.last_message.content.startswith("Synced ") and "all servers" in channel.last_message.content
    await bob.send(channel, f"{simcord_env.bot.user.mention} sync")
    assert channel.last_message.content == "Only the bot owner can sync commands."
    assert [type(e).__name__ for e in simcord_env.errors] == ["NotOwner"]
    guild.set_command_permissions(int(simcord_env.backend.find_command("sync", None)["id"]), {alice: True})
    result = await alice.slash(channel, "sync", scope="guild")
    assert result.ephemeral and f"server {guild.id}" in result.response.content


# -- /ingest --------------------------------------------------------------------------------------

ARTICLE = (
    "Talks resume\n\n"
    'Foreign Minister Sergei Lavrov said: "We are ready for a serious conversation about guarantees."\n\n'
    "The meeting ended without a date for the next round.\n"
).encode()


async def test_ingest_by_admin(simcord_env, bot_engine):
    guild, channel, alice = world(simcord_env)
    mod = admin_in(simcord_env, guild)
    result = await mod.slash(
        channel,
        "ingest",
        file1=("talks.txt", ARTICLE),
        file2=("photo.png", b"\x89PNG\r\n"),
        file3=("latin1.txt", "caf\xe9 d\xe9j\xe0".encode("latin-1")),
    )
    assert result.ephemeral
    e = result.response.embeds[0]
    text = embed_text(e)
    assert e.title == "Ingested 1 of 3 files"
    assert "only .txt" in text and "not UTF-8" in text
    assert "talks" in [a.id for a in bot_engine.articles()]
    check = await alice.slash(channel, "verify", text="ready for a serious conversation about guarantees", speaker="Lavrov")
    assert check.response.embeds[0].title.startswith("✅ Verified")


async def test_ingest_refused_for_non_admin(simcord_env, bot_engine):
    guild, channel, alice = world(simcord_env)
    # Discord hides the command from members without Manage Server...
    with pytest.raises(SetupError):
        await alice.slash(channel, "ingest", file1=("talks.txt", ARTICLE))
    # ...and if a server admin lets everyone see it, the bot still refuses.
    cmd = simcord_env.backend.find_command("ingest", None)
    guild.set_command_permissions(int(cmd["id"]), {alice: True})
    result = await alice.slash(channel, "ingest", file1=("talks.txt", ARTICLE))
    assert result.ephemeral
    assert "Only server admins" in result.response.embeds[0].description
    assert "talks" not in [a.id for a in bot_engine.articles()]
    user_errors(simcord_env)


# -- auto-check ---------------------------------------------------------------------------------


async def test_autocheck_reacts_and_replies_only_when_wrong(bot_engine):
    # A configured channel id turns the message-content intent on.
    settings = Settings(cooldown_rate=0, cooldown_per=0, autocheck_channels=frozenset({1}))
    bot = create_bot(engine=bot_engine, settings=settings, sync_commands=True)
    assert bot.intents.message_content
    async with simcord.run(bot) as env:
        guild, channel, alice = world(env)
        mod = admin_in(env, guild)
        quiet = await alice.send(channel, 'Putin said "dead end" about the talks')
        assert not env.backend.get_message(channel.id, quiet.id).reactions  # not enabled here yet

        done = await mod.slash(channel, "autocheck", action="enable")
        assert done.ephemeral and "now **on**" in done.response.content

        ok = await alice.send(channel, 'Putin said "dead end" about the talks')
        assert channel.last_message.id == ok.id  # verified: a reaction, no reply
        assert _reactions(env, channel, ok) == ["✅"]

        wrong = await alice.send(channel, 'Putin said "never ever" on Monday')
        assert _reactions(env, channel, wrong) == ["🔀"]
        reply = channel.last_message
        assert reply.author.id == env.bot.user.id and reply.embeds[0].title.startswith("🔀 Misattributed")

        plain = await alice.send(channel, "no quotes here, just chatting")
        assert not _reactions(env, channel, plain)

        off = await mod.slash(channel, "autocheck", action="disable")
        assert "now **off**" in off.response.content
        after = await alice.send(channel, 'Putin said "dead end" again')
        assert not _reactions(env, channel, after)
    # the setting is stored in the database and survives a restart
    again = create_bot(engine=bot_engine, settings=settings)
    assert not again.autocheck.enabled(channel.id)


def _reactions(env, channel, message) -> list[str]:
    stored = env.backend.get_message(channel.id, message.id)
    msg = simcord.results.to_discord_message(env, stored)
    return [str(r.emoji) for r in msg.reactions]


# -- errors -----------------------------------------------------------------------------------------


async def test_unexpected_engine_error_is_answered_politely(simcord_env, bot_engine, monkeypatch, caplog):
    guild, channel, alice = world(simcord_env)

    def boom(*a, **k):
        raise RuntimeError("database exploded")

    monkeypatch.setattr(bot_engine, "verify", boom)
    result = await alice.slash(channel, "verify", text="dead end")
    assert result.ephemeral
    assert "something went wrong" in result.response.embeds[0].description
    assert "database exploded" not in result.response.embeds[0].description
    assert "database exploded" in caplog.text
    errors = simcord_env.errors
    assert len(errors) == 1 and isinstance(errors[0].original, RuntimeError)


async def test_slow_engine_defers_then_answers(simcord_env):
    guild, channel, alice = world(simcord_env)
    simcord_env.bot.defer_after = 0  # every engine call counts as slow
    result = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    callbacks = [r.json for r in simcord_env.http_requests if r.path.endswith("/callback")]
    assert callbacks and callbacks[0].get("type") == 5  # "thinking…" first
    assert result.response.embeds[0].title.startswith("✅ Verified")  # then the answer replaces it
