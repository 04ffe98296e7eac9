"""Settings for the Discord bot, read from the environment (and ``.env``).

Variables (all optional except the token, which only ``quotebot bot`` needs):

``DISCORD_TOKEN``
    The bot token from the Developer Portal. Never logged.
``QUOTEBOT_DB``
    The SQLite database (default ``quotes.db``).
``QUOTEBOT_GUILD_ID``
    A test server id: ``--sync`` copies the commands there so they appear at
    once (global commands can take a while to show up).
``QUOTEBOT_AUTOCHECK_CHANNELS``
    Comma-separated channel ids where every message quoting someone is checked
    automatically. Needs the privileged *message content* intent.
``QUOTEBOT_COOLDOWN``
    Per-user rate limit over all commands: ``RATE/SECONDS`` (``5/30``: five
    commands per 30 seconds), or ``SECONDS`` alone (one command per that many
    seconds); ``0`` turns it off. Default ``5/30``.
``QUOTEBOT_LOG_LEVEL``
    ``DEBUG``, ``INFO`` (default), ``WARNING``...
``QUOTEBOT_READ_PROCESSES``
    Processes that answer questions (each opens the database read-only), so
    concurrent questions use every core. Default: one per CPU (none on one
    CPU); ``0`` answers in threads of the bot's own process.
``QUOTEBOT_RESIDENT_MB``
    The largest database (in MB) the bot keeps in memory, so answers never wait
    for the disk after a quiet minute (``quotebot.resident``). Default: half the
    memory available at start; ``0`` keeps nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import QuotebotError
from .readers import default_processes

DEFAULT_COOLDOWN = (5, 30.0)


class ConfigError(QuotebotError, ValueError):
    """A setting has a value we cannot use; the message says which and why (exit status 2)."""


@dataclass(frozen=True)
class Settings:
    token: str | None = None
    db_path: str | None = None
    guild_id: int | None = None
    autocheck_channels: frozenset[int] = field(default_factory=frozenset)
    cooldown_rate: int = DEFAULT_COOLDOWN[0]
    cooldown_per: float = DEFAULT_COOLDOWN[1]
    log_level: str = "INFO"
    # Processes answering engine reads (quotebot.readers); 0 answers in threads.
    read_processes: int = 0
    # Keep the database file in memory up to this many MB (quotebot.resident);
    # None: half the memory available at start; 0: keep nothing.
    resident_mb: int | None = 0

    def __repr__(self) -> str:  # never print the token
        token = "<set>" if self.token else None
        return (
            f"Settings(token={token}, db_path={self.db_path!r}, guild_id={self.guild_id!r}, "
            f"autocheck_channels={sorted(self.autocheck_channels)!r}, "
            f"cooldown={self.cooldown_rate}/{self.cooldown_per:g}s, log_level={self.log_level!r}, "
            f"read_processes={self.read_processes}, resident_mb={self.resident_mb!r})"
        )

    __str__ = __repr__

    @property
    def cooldown_enabled(self) -> bool:
        return self.cooldown_rate > 0 and self.cooldown_per > 0


def _int(name: str, value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise ConfigError(f"{name} must be a number (a Discord id), got {value!r}") from None


def parse_channels(value: str | None, name: str = "QUOTEBOT_AUTOCHECK_CHANNELS") -> frozenset[int]:
    if not value or not value.strip():
        return frozenset()
    return frozenset(_int(name, part) for part in value.replace(";", ",").split(",") if part.strip())


def parse_cooldown(value: str | None) -> tuple[int, float]:
    """``"5/30"`` -> (5, 30.0); ``"10"`` -> (1, 10.0); ``"0"`` -> (0, 0.0)."""
    if value is None or not value.strip():
        return DEFAULT_COOLDOWN
    text = value.strip()
    try:
        if "/" in text:
            rate_s, per_s = text.split("/", 1)
            rate, per = int(rate_s), float(per_s)
        else:
            per = float(text)
            rate = 1 if per > 0 else 0
    except ValueError:
        raise ConfigError(
            f"QUOTEBOT_COOLDOWN must look like RATE/SECONDS (e.g. 5/30) or SECONDS, got {value!r}"
        ) from None
    if rate < 0 or per < 0:
        raise ConfigError(f"QUOTEBOT_COOLDOWN cannot be negative, got {value!r}")
    if rate == 0 or per == 0:
        return (0, 0.0)
    return (rate, per)


def parse_processes(value: str | None) -> int:
    """``QUOTEBOT_READ_PROCESSES``: unset means one reader process per CPU."""
    if value is None or not value.strip():
        return default_processes()
    try:
        n = int(value.strip())
    except ValueError:
        raise ConfigError(f"QUOTEBOT_READ_PROCESSES must be a whole number (0 answers in threads), got {value!r}") from None
    if n < 0 or n > 64:
        raise ConfigError(f"QUOTEBOT_READ_PROCESSES must be between 0 and 64, got {value!r}")
    return n


def parse_resident_mb(value: str | None) -> int | None:
    """``QUOTEBOT_RESIDENT_MB``: unset means half the available memory (None)."""
    if value is None or not value.strip():
        return None
    try:
        n = int(value.strip())
    except ValueError:
        raise ConfigError(f"QUOTEBOT_RESIDENT_MB must be a whole number of MB (0 keeps nothing), got {value!r}") from None
    if n < 0:
        raise ConfigError(f"QUOTEBOT_RESIDENT_MB cannot be negative, got {value!r}")
    return n


def load_settings(env: Mapping[str, str] | None = None, *, dotenv: bool = True) -> Settings:
    """Read the settings from ``env`` (default ``os.environ``, after loading ``.env``).

    Values already in the environment win over ``.env``.
    """
    if env is None:
        if dotenv:
            try:
                from dotenv import load_dotenv

                load_dotenv(override=False)
            except ImportError:  # pragma: no cover - python-dotenv is a dependency
                pass
        env = os.environ
    token = (env.get("DISCORD_TOKEN") or "").strip() or None
    guild = (env.get("QUOTEBOT_GUILD_ID") or "").strip()
    rate, per = parse_cooldown(env.get("QUOTEBOT_COOLDOWN"))
    level = (env.get("QUOTEBOT_LOG_LEVEL") or "INFO").strip().upper() or "INFO"
    return Settings(
        token=token,
        db_path=(env.get("QUOTEBOT_DB") or "").strip() or None,
        guild_id=_int("QUOTEBOT_GUILD_ID", guild) if guild else None,
        autocheck_channels=parse_channels(env.get("QUOTEBOT_AUTOCHECK_CHANNELS")),
        cooldown_rate=rate,
        cooldown_per=per,
        log_level=level,
        read_processes=parse_processes(env.get("QUOTEBOT_READ_PROCESSES")),
        resident_mb=parse_resident_mb(env.get("QUOTEBOT_RESIDENT_MB")),
    )
