"""QuoteBot on Discord: a thin adapter over ``quotebot.engine.Engine``.

``create_bot`` builds the bot (tests drive it with simcord); ``run_bot`` is what
``quotebot bot [--sync]`` and ``quotebot run`` call.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from typing import Any

from ..config import ConfigError, Settings, load_settings

__all__ = ["create_bot", "run_bot"]

log = logging.getLogger("quotebot.bot")


def create_bot(
    db_path: str | os.PathLike | None = None,
    *,
    sync_commands: bool = False,
    engine: Any = None,
    settings: Settings | None = None,
):
    """A ready-to-start ``QuoteBot`` holding an Engine on ``db_path``.

    ``sync_commands``: publish the slash commands in ``setup_hook`` (to
    ``QUOTEBOT_GUILD_ID`` if set, else globally). ``engine``/``settings`` can be
    given (tests); by default they come from the environment and ``.env``.
    """
    from .client import QuoteBot

    if settings is None:
        settings = load_settings()
    if engine is None:
        from ..engine import Engine

        engine = Engine(db_path or settings.db_path)
    return QuoteBot(engine, settings, sync_commands=sync_commands)


def _say(message: str) -> None:
    print(f"quotebot: {message}", file=sys.stderr)


def run_bot(db_path: str | os.PathLike | None = None, *, sync: bool = False) -> int:
    """Run the bot until interrupted. Returns an exit status (2: configuration problem).

    A missing or rejected token gives a one-line explanation, no traceback, and
    the token itself is never printed or logged.
    """
    import aiohttp
    import discord

    try:
        settings = load_settings()
    except ConfigError as e:
        _say(str(e))
        return 2
    token = settings.token
    if not token:
        _say(
            "DISCORD_TOKEN is not set. Put the bot token from the Developer Portal "
            "(Applications → your app → Bot → Reset Token) in the environment or in .env; see docs/discord.md."
        )
        return 2
    if any(ch.isspace() for ch in token) or token.lower().startswith("bot "):
        _say("DISCORD_TOKEN looks malformed (it contains spaces or a 'Bot ' prefix); paste the bare token.")
        return 2

    level = getattr(logging, settings.log_level, logging.INFO)
    level = level if isinstance(level, int) else logging.INFO
    root = logging.getLogger()
    if root.handlers:  # the command line already set up logging: one handler, not two
        root.setLevel(min(root.level, level))
    else:
        discord.utils.setup_logging(level=level, root=True)

    try:
        bot = create_bot(db_path, sync_commands=sync, settings=settings)
    except Exception as e:  # noqa: BLE001 - e.g. an unreadable database
        _say(f"cannot open the database: {e}")
        return 1

    async def main() -> None:
        async with bot:
            await bot.start(token)

    try:
        asyncio.run(main())
    except discord.LoginFailure:
        _say("Discord rejected DISCORD_TOKEN (invalid or reset). Copy a fresh token from the Developer Portal → Bot.")
        return 2
    except discord.PrivilegedIntentsRequired:
        _say(
            "auto-check channels are configured, which needs the Message Content intent: enable it in the "
            "Developer Portal → Bot → Privileged Gateway Intents, or unset QUOTEBOT_AUTOCHECK_CHANNELS."
        )
        return 2
    except KeyboardInterrupt:
        return 0
    except (OSError, asyncio.TimeoutError, aiohttp.ClientError, discord.GatewayNotFound, discord.DiscordServerError) as e:
        # aiohttp's ServerDisconnectedError and friends are not OSErrors.
        _say(f"cannot reach Discord: {type(e).__name__}")
        return 1
    return 0
