"""Messages: questions that mention the bot, and opt-in auto-check channels.

* ``@QuoteBot did Holm say "dead end"?`` is answered in the channel with
  ``engine.ask``, and so is any direct message. Discord delivers the content of
  messages that mention the bot, and of DMs, even without the privileged
  message-content intent.
* In auto-check channels (``QUOTEBOT_AUTOCHECK_CHANNELS`` or ``/autocheck
  enable``), every message that quotes someone (``X said "…"``) gets the
  verdict as a reaction, and a reply only when the quote is altered,
  misattributed or not found. This *does* need the message-content intent.

Auto-check settings made with ``/autocheck`` are stored in the bot's own table
``bot_autocheck`` in the same SQLite database (not part of the engine's schema),
so they survive restarts; channels from the environment are always on unless
disabled with the command.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from ...claims import find_claims, strip_mentions
from ...answers import ALTERED, MISATTRIBUTED, NOT_FOUND, INTENT_QUOTES, INTENT_SOURCE, INTENT_VERIFY
from .. import embeds, views

if TYPE_CHECKING:
    from ..client import QuoteBot

log = logging.getLogger(__name__)

NONE = discord.AllowedMentions.none()
MAX_CLAIMS_PER_MESSAGE = 3
REPLY_VERDICTS = (ALTERED, MISATTRIBUTED, NOT_FOUND)
BUSY_EMOJI = "⏳"


# -- auto-check channel settings ------------------------------------------------------


class AutocheckChannels:
    """Channels where auto-check is on: the environment's, plus/minus ``/autocheck``."""

    TABLE = "bot_autocheck"

    def __init__(self, db_path: str | Path | None, configured: frozenset[int] = frozenset()) -> None:
        self.configured = frozenset(configured)
        self.db_path = None if db_path in (None, "", ":memory:") else Path(db_path)
        self._overrides: dict[int, bool] = {}
        self._lock = threading.Lock()
        self._load()

    def _connect(self) -> sqlite3.Connection:
        assert self.db_path is not None
        conn = sqlite3.connect(self.db_path, timeout=10)
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {self.TABLE} ("
            "channel_id INTEGER PRIMARY KEY, enabled INTEGER NOT NULL, "
            "guild_id INTEGER, changed_by INTEGER, changed_at TEXT DEFAULT CURRENT_TIMESTAMP)"
        )
        return conn

    def _load(self) -> None:
        if self.db_path is None or not self.db_path.parent.exists():
            return
        try:
            with self._lock, self._connect() as conn:
                rows = conn.execute(f"SELECT channel_id, enabled FROM {self.TABLE}").fetchall()
        except sqlite3.Error:
            log.warning("could not read auto-check settings from %s; using the environment only", self.db_path)
            return
        self._overrides = {int(c): bool(e) for c, e in rows}

    def enabled(self, channel_id: int) -> bool:
        override = self._overrides.get(channel_id)
        return override if override is not None else channel_id in self.configured

    @property
    def channels(self) -> frozenset[int]:
        on = set(self.configured)
        for cid, enabled in self._overrides.items():
            (on.add if enabled else on.discard)(cid)
        return frozenset(on)

    def set(self, channel_id: int, enabled: bool, *, guild_id: int | None = None, user_id: int | None = None) -> None:
        """Blocking (SQLite): call it in a worker thread."""
        self._overrides[channel_id] = enabled
        if self.db_path is None:
            return
        with self._lock, self._connect() as conn:
            conn.execute(
                f"INSERT INTO {self.TABLE} (channel_id, enabled, guild_id, changed_by) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(channel_id) DO UPDATE SET enabled=excluded.enabled, guild_id=excluded.guild_id, "
                "changed_by=excluded.changed_by, changed_at=CURRENT_TIMESTAMP",
                (channel_id, int(enabled), guild_id, user_id),
            )


# -- the cog ---------------------------------------------------------------------------


class ListenCog(commands.Cog, name="Listen"):
    def __init__(self, bot: QuoteBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot or message.webhook_id is not None or self.bot.user is None:
            return
        try:
            if message.guild is None or any(u.id == self.bot.user.id for u in message.mentions):
                await self.on_mention(message)  # a direct message is a question too
            elif self.bot.autocheck.enabled(message.channel.id):
                await self.autocheck(message)
        except Exception:  # noqa: BLE001 - a failure on one message must not go unanswered or crash
            log.exception("failed to handle message %s in channel %s", message.id, message.channel.id)
            try:
                await message.reply(
                    "Sorry, something went wrong on my side while checking that.",
                    mention_author=False,
                    allowed_mentions=NONE,
                )
            except discord.HTTPException:
                pass

    async def on_mention(self, message: discord.Message) -> None:
        assert self.bot.user is not None
        question = strip_mentions(message.content)
        first = question.split(" ", 1)[0].lower() if question else ""
        if first and self.bot.get_command(first) is not None:
            # "@QuoteBot sync": a prefix command (owner only).
            await self.bot.process_commands(message)
            return
        if self.bot.limiter.hit(message.author.id) is not None:
            await _react(message, BUSY_EMOJI)
            return
        if not question:
            await message.reply(embed=embeds.help_embed(), mention_author=False, allowed_mentions=NONE)
            return
        answer = await self.bot.call(self.bot.engine.ask, question[:1000])
        view = None
        if answer.intent in (INTENT_VERIFY, INTENT_SOURCE):
            view = views.answer_view(answer)
        elif answer.intent == INTENT_QUOTES and answer.speaker:
            view = views.page_view("s", answer.speaker, 0, len(answer.matches) > views.PAGE_SIZE)
        kwargs: dict[str, Any] = {"embed": embeds.answer_embed(answer), "mention_author": False, "allowed_mentions": NONE}
        if view is not None:
            kwargs["view"] = view
        await message.reply(**kwargs)

    async def autocheck(self, message: discord.Message) -> None:
        text = message.content or ""
        if not text.strip():
            return  # no message-content intent, or an attachment-only message
        found = await self.bot.call(find_claims, text[:4000])
        if not found:
            return
        if self.bot.limiter.hit(message.author.id) is not None:
            return  # quietly skip: auto-check must not become a spam amplifier
        for claim in found[:MAX_CLAIMS_PER_MESSAGE]:
            answer = await self.bot.call(self.bot.engine.verify, claim.text[:1000], claim.speaker)
            emoji = embeds.VERDICT_EMOJI.get(answer.verdict or NOT_FOUND, embeds.VERDICT_EMOJI[NOT_FOUND])
            await _react(message, emoji)
            if answer.verdict in REPLY_VERDICTS:
                kwargs: dict[str, Any] = {
                    "embed": embeds.verdict_embed(answer),
                    "mention_author": False,
                    "allowed_mentions": NONE,
                }
                view = views.answer_view(answer)
                if view is not None:
                    kwargs["view"] = view
                await message.reply(**kwargs)


async def _react(message: discord.Message, emoji: str) -> None:
    try:
        await message.add_reaction(emoji)
    except discord.HTTPException:
        log.debug("could not react to message %s", message.id)
