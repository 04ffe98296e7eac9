"""The ``commands.Bot`` subclass: an Engine, the cogs, a per-user limiter, error replies.

No matching logic lives here: every answer comes from ``quotebot.engine.Engine``,
called off the event loop (``QuoteBot.call``): reads in reader processes when
``read_processes`` is set (``quotebot.readers``), everything else in worker threads.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import time
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from collections.abc import Callable
from typing import Any, TypeVar

import discord
from discord import app_commands
from discord.ext import commands

from ..config import Settings
from ..readers import ReaderPool
from ..resident import Keeper
from . import embeds
from .views import DYNAMIC_ITEMS

log = logging.getLogger("quotebot.bot")

T = TypeVar("T")
NONE = discord.AllowedMentions.none()


def _log_failure(future: asyncio.Future) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.warning("warming the engine failed: %s", future.exception())


class UserError(Exception):
    """A problem the user can fix; its message is shown to them as is."""


class RateLimiter:
    """At most ``rate`` actions per ``per`` seconds per user, across all commands.

    A sliding window of timestamps per user; ``time.monotonic`` so the test
    clock (simcord) can move it.
    """

    def __init__(self, rate: int, per: float) -> None:
        self.rate = rate
        self.per = per
        self._hits: dict[int, list[float]] = {}

    @property
    def enabled(self) -> bool:
        return self.rate > 0 and self.per > 0

    def hit(self, user_id: int) -> float | None:
        """Record an action; ``None`` if allowed, else seconds to wait."""
        if not self.enabled:
            return None
        now = time.monotonic()
        window = [t for t in self._hits.get(user_id, ()) if now - t < self.per]
        if len(window) >= self.rate:
            self._hits[user_id] = window
            return max(self.per - (now - window[0]), 0.1)
        window.append(now)
        self._hits[user_id] = window
        if len(self._hits) > 10_000:  # forget idle users
            self._hits = {u: w for u, w in self._hits.items() if w and now - w[-1] < self.per}
        return None


class QuoteTree(app_commands.CommandTree):
    """Global cooldown for every command, polite errors for every failure."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        if interaction.type is discord.InteractionType.autocomplete:
            return True
        return await interaction.client.check_cooldown(interaction)  # type: ignore[attr-defined]

    async def on_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError, /) -> None:
        await interaction.client.report_error(interaction, error)  # type: ignore[attr-defined]


class QuoteBot(commands.Bot):
    def __init__(
        self,
        engine: Any,
        settings: Settings,
        *,
        sync_commands: bool = False,
        intents: discord.Intents | None = None,
    ) -> None:
        from .cogs.listen import AutocheckChannels

        self.engine = engine
        self.settings = settings
        self.autocheck = AutocheckChannels(getattr(engine, "db_path", None), settings.autocheck_channels)
        self.sync_commands = sync_commands
        self.limiter = RateLimiter(settings.cooldown_rate, settings.cooldown_per)
        # Engine calls are mostly Python, so they hold the GIL: more worker threads than
        # CPUs only make the event loop wait for it. Measured with 200 concurrent
        # requests on 2 CPUs: asyncio's default 6 threads left the loop 107-159 ms late,
        # 2 threads 20-98 ms, with the same or better throughput.
        self.executor = ThreadPoolExecutor(max_workers=os.cpu_count() or 1, thread_name_prefix="quotebot-engine")
        # Reads in processes use every core: 50 questions at once no longer queue for one GIL.
        db_path = getattr(engine, "db_path", None)
        self.readers = ReaderPool(db_path, settings.read_processes) if settings.read_processes and db_path else None
        # The database stays in memory while the bot runs, so no answer waits for the disk.
        self.resident = Keeper(db_path, limit_mb=settings.resident_mb) if settings.resident_mb != 0 and db_path else None
        # Buttons are cheap and come in bursts (paging): a separate, twice as generous bucket.
        self.button_limiter = RateLimiter(settings.cooldown_rate * 2, settings.cooldown_per)
        self.defer_after = 2.0  # seconds before a slow engine call defers the interaction
        self._answered: dict[int, None] = {}  # interactions already answered (insertion-ordered)
        if intents is None:
            intents = discord.Intents.default()
            # Privileged: only asked for when auto-check channels are configured.
            intents.message_content = bool(self.autocheck.channels)
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=intents,
            tree_cls=QuoteTree,
            allowed_mentions=NONE,
            help_command=None,
            description="Checks quotes against the news.",
        )

    # -- lifecycle ---------------------------------------------------------------
    async def setup_hook(self) -> None:
        from .cogs import admin, listen, quotes

        if self.resident is not None:
            self.resident.start()
        # Readers (or this process) load the speaker tables now, not on the first question.
        if self.readers is not None:
            self.readers.warm()
        elif callable(getattr(self.engine, "warm", None)):
            self._off_loop(self.engine.warm).add_done_callback(_log_failure)
        await self.add_cog(quotes.QuotesCog(self))
        await self.add_cog(admin.AdminCog(self))
        await self.add_cog(listen.ListenCog(self))
        self.add_dynamic_items(*DYNAMIC_ITEMS)
        if self.sync_commands:
            synced = await self.sync_tree()
            log.info("synced %d application commands (%s)", len(synced), self._sync_scope())

    def _sync_scope(self) -> str:
        gid = self.settings.guild_id
        return f"guild {gid}" if gid else "global"

    async def sync_tree(self, guild_id: int | None = ...) -> list[app_commands.AppCommand]:  # type: ignore[assignment]
        """Sync to ``QUOTEBOT_GUILD_ID`` if set (instant), else globally."""
        if guild_id is ...:
            guild_id = self.settings.guild_id
        if guild_id:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            return await self.tree.sync(guild=guild)
        return await self.tree.sync()

    async def on_message(self, message: discord.Message, /) -> None:
        # Messages are handled by the Listen cog (mentions, auto-check), which runs
        # the prefix commands itself (only "@QuoteBot sync"); nothing to do here.
        return None

    async def on_ready(self) -> None:
        log.info("logged in as %s (id %s) in %d servers", self.user, getattr(self.user, "id", "?"), len(self.guilds))

    async def close(self) -> None:
        await super().close()
        try:
            self.engine.close()
        except Exception:  # noqa: BLE001
            pass
        self.executor.shutdown(wait=False, cancel_futures=True)
        if self.readers is not None:
            self.readers.close()
        if self.resident is not None:
            self.resident.stop()

    # -- engine ------------------------------------------------------------------
    def _off_loop(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> asyncio.Future[T]:
        if self.readers is not None and self._is_engine_read(fn):
            return asyncio.ensure_future(self._in_reader(fn, args, kwargs))
        return asyncio.get_running_loop().run_in_executor(self.executor, functools.partial(fn, *args, **kwargs))

    def _is_engine_read(self, fn: Callable[..., Any]) -> bool:
        """A read-only method of this bot's engine (``Engine`` marks them ``reads_only``)."""
        return getattr(fn, "__self__", None) is self.engine and getattr(fn, "reads_only", False)

    async def _in_reader(self, fn: Callable[..., T], args: tuple, kwargs: dict) -> T:
        assert self.readers is not None
        try:
            return await asyncio.wrap_future(self.readers.submit(fn.__name__, *args, **kwargs))
        except BrokenProcessPool:
            # A reader died mid-question: answer this one in a thread, start fresh readers.
            log.warning("a reader process died; answering in a thread and restarting the readers")
            self.readers.restart()
            return await asyncio.get_running_loop().run_in_executor(self.executor, functools.partial(fn, *args, **kwargs))

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run an engine call off the event loop: a reader process for reads, else a worker thread."""
        return await self._off_loop(fn, *args, **kwargs)

    async def call_for(
        self,
        interaction: discord.Interaction,
        fn: Callable[..., T],
        *args: Any,
        ephemeral: bool = False,
        **kwargs: Any,
    ) -> T:
        """``call``, deferring the interaction if the engine takes longer than ``defer_after``."""
        task = asyncio.ensure_future(self._off_loop(fn, *args, **kwargs))
        try:
            return await asyncio.wait_for(asyncio.shield(task), timeout=self.defer_after)
        except asyncio.TimeoutError:
            if not interaction.response.is_done():
                await interaction.response.defer(thinking=True, ephemeral=ephemeral)
            return await task

    # -- replies -----------------------------------------------------------------
    async def send(
        self,
        interaction: discord.Interaction,
        *,
        content: str | None = None,
        embed: discord.Embed | None = None,
        view: discord.ui.View | None = None,
        ephemeral: bool = False,
    ) -> None:
        """Answer an interaction, whether or not it was deferred. Never pings anyone."""
        kwargs: dict[str, Any] = {"allowed_mentions": NONE}
        if content is not None:
            kwargs["content"] = embeds.fit_content(content)
        if embed is not None:
            kwargs["embed"] = embed
        if view is not None:
            kwargs["view"] = view
        if not interaction.response.is_done():
            await interaction.response.send_message(ephemeral=ephemeral, **kwargs)
        elif interaction.response.type in (
            discord.InteractionResponseType.deferred_channel_message,
        ) and interaction.id not in self._answered:
            # Deferred ("thinking…"): the answer replaces the placeholder.
            await interaction.edit_original_response(**kwargs)
        else:
            await interaction.followup.send(ephemeral=ephemeral, **kwargs)
        self._answered[interaction.id] = None
        while len(self._answered) > 1000:
            self._answered.pop(next(iter(self._answered)))

    async def send_error(self, interaction: discord.Interaction, message: str) -> None:
        """A readable, private error message."""
        embed = embeds.error_embed(message)
        try:
            await self.send(interaction, embed=embed, ephemeral=True)
        except discord.HTTPException:
            log.warning("could not deliver an error message to user %s", interaction.user.id, exc_info=True)

    async def check_cooldown(self, interaction: discord.Interaction) -> bool:
        limiter = self.button_limiter if interaction.type is discord.InteractionType.component else self.limiter
        retry = limiter.hit(interaction.user.id)
        if retry is None:
            return True
        await self.send_error(
            interaction,
            f"Easy there — you're going a bit fast. Try again in {retry:.0f} second{'s' if round(retry) != 1 else ''}.",
        )
        return False

    async def report_error(self, interaction: discord.Interaction, error: BaseException) -> None:
        """Turn any failure into a polite private reply; log what is unexpected. Never raises."""
        try:
            await self._report_error(interaction, error)
        except Exception:  # noqa: BLE001 - the error handler itself must not fail
            log.exception("error while reporting an error")

    async def _report_error(self, interaction: discord.Interaction, error: BaseException) -> None:
        original = getattr(error, "original", None) or error
        if isinstance(error, app_commands.CommandInvokeError) and error.original is not None:
            original = error.original
        if isinstance(original, UserError):
            await self.send_error(interaction, str(original))
            return
        if isinstance(error, app_commands.CommandOnCooldown):
            await self.send_error(interaction, f"Slow down: try again in {error.retry_after:.0f} seconds.")
            return
        if isinstance(error, app_commands.MissingPermissions):
            await self.send_error(interaction, "Only server admins (Manage Server) or the bot owner can do that.")
            return
        if isinstance(error, app_commands.CheckFailure):
            await self.send_error(interaction, str(error) or "You can't use this command here.")
            return
        if isinstance(error, app_commands.TransformerError):
            await self.send_error(interaction, f"I couldn't understand {error.value!r}.")
            return
        command = interaction.command.qualified_name if interaction.command else interaction.data and interaction.data.get("custom_id")
        log.error(
            "unexpected error in %s (user %s, guild %s)",
            command,
            interaction.user.id,
            interaction.guild_id,
            exc_info=(type(original), original, original.__traceback__),
        )
        await self.send_error(interaction, "Sorry, something went wrong on my side. It has been logged; please try again later.")
