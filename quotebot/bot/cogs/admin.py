"""Admin commands: /ingest (upload articles), /autocheck (per channel), /sync and
``@QuoteBot sync`` (bot owner: publish the slash commands)."""

from __future__ import annotations

import logging
import re
import tempfile
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from ...errors import InputError
from .. import embeds
from ..client import UserError

if TYPE_CHECKING:
    from ..client import QuoteBot

log = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 1024 * 1024  # per file: the engine's article limit
# Saved pages, feeds and dumps go through the engine's readers (quotebot.sources)
# from a temporary file that keeps the upload's suffix.
SOURCE_SUFFIXES = (".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".jsonl", ".ndjson", ".csv")
ALLOWED_SUFFIXES = (".txt", *SOURCE_SUFFIXES)
MAX_LINKS = 5


async def is_admin(interaction: discord.Interaction) -> bool:
    """The bot owner, or someone with Manage Server here."""
    if await interaction.client.is_owner(interaction.user):  # type: ignore[attr-defined]
        return True
    perms = interaction.permissions
    return bool(perms and (perms.manage_guild or perms.administrator)) and interaction.guild is not None


async def require_admin(interaction: discord.Interaction) -> None:
    if not await is_admin(interaction):
        raise UserError("Only server admins (Manage Server) or the bot owner can do that.")


def article_id_for(filename: str) -> str:
    """A safe article id from an upload's file name: its stem, tidied."""
    stem = PurePath(filename).stem
    stem = re.sub(r"[^\w.-]+", "_", stem, flags=re.UNICODE).strip("._")
    return stem[:100] or "upload"


def decode_upload(data: bytes) -> str:
    """UTF-8 text or a ``UserError`` saying why not."""
    if b"\x00" in data:
        raise UserError("is not a text file (it contains binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError("is not UTF-8 text") from None
    if not text.strip():
        raise UserError("is empty")
    return text


def ingest_source_upload(engine, name: str, data: bytes):
    """Hand a page, feed or dump to the engine as a file named like the upload, so the
    engine picks the reader by suffix; the temporary folder is gone afterwards."""
    suffix = "." + name.rsplit(".", 1)[-1].lower()
    with tempfile.TemporaryDirectory(prefix="quotebot-upload-") as tmp:
        path = Path(tmp) / f"{article_id_for(name)}{suffix}"
        path.write_bytes(data)
        return engine.ingest([path])


def parse_links(links: str | None) -> list[str]:
    """Split the /ingest ``links`` option; anything that is not an http(s) link is refused
    with the offending word, so a typo does not silently ingest nothing."""
    words = (links or "").split()
    bad = [w for w in words if not re.match(r"https?://[^\s/]+", w, re.I)]
    if bad:
        raise UserError(f"`{bad[0][:100]}` is not a link: give http(s) links separated by spaces.")
    if len(words) > MAX_LINKS:
        raise UserError(f"Give at most {MAX_LINKS} links at a time (got {len(words)}).")
    return list(dict.fromkeys(words))


def result_for(name: str, report) -> tuple[str, object, str | None]:
    """A link or feed that produced no article at all is a failure, with the reader's reason."""
    if not (report.added or report.replaced or report.unchanged) and report.skipped:
        return name, None, report.skipped[0][1]
    return name, report, None


class AdminCog(commands.Cog, name="Admin"):
    def __init__(self, bot: QuoteBot) -> None:
        self.bot = bot

    # -- /ingest ---------------------------------------------------------------------
    @app_commands.command(name="ingest", description="Admins: add articles (.txt, .html, RSS/Atom, .jsonl or .csv; up to 1 MB each).")
    @app_commands.describe(
        file1="An article (.txt or saved .html) or a feed/dump (.xml, .rss, .atom, .jsonl, .csv)",
        file2="Another one",
        file3="Another one",
        file4="Another one",
        file5="Another one",
        links=f"Up to {MAX_LINKS} http(s) links to news pages, separated by spaces",
    )
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def ingest(
        self,
        interaction: discord.Interaction,
        file1: discord.Attachment | None = None,
        file2: discord.Attachment | None = None,
        file3: discord.Attachment | None = None,
        file4: discord.Attachment | None = None,
        file5: discord.Attachment | None = None,
        links: str | None = None,
    ) -> None:
        await require_admin(interaction)
        files = [f for f in (file1, file2, file3, file4, file5) if f is not None]
        urls = parse_links(links)
        if not files and not urls:
            raise UserError("Attach a file or give a link (https://…) to ingest.")
        # Validate what we can before downloading anything.
        results: list[tuple[str, object, str | None]] = []
        todo: list[discord.Attachment] = []
        for f in files:
            name = f.filename or "upload"
            if not name.lower().endswith(ALLOWED_SUFFIXES):
                results.append((name, None, "only .txt, .html, .xml/.rss/.atom, .jsonl and .csv files are accepted"))
            elif f.size > MAX_UPLOAD_BYTES:
                results.append((name, None, f"is too large ({f.size / 1_048_576:.1f} MB; the limit is 1 MB)"))
            else:
                todo.append(f)
        if todo or urls:
            await interaction.response.defer(thinking=True, ephemeral=True)
        for url in urls:
            try:
                report = await self.bot.call(self.bot.engine.ingest, [url])
                results.append(result_for(url, report))
            except Exception:  # noqa: BLE001 - report per link, keep going
                log.exception("ingest of link %s failed", url)
                results.append((url, None, "could not be ingested (the error was logged)"))
        for f in todo:
            name = f.filename
            try:
                data = await f.read()
                if len(data) > MAX_UPLOAD_BYTES:
                    raise UserError("is too large (the limit is 1 MB)")
                if name.lower().endswith(SOURCE_SUFFIXES):
                    report = await self.bot.call(ingest_source_upload, self.bot.engine, name, data)
                else:
                    text = decode_upload(data)
                    report = await self.bot.call(self.bot.engine.ingest_text, article_id_for(name), text)
                results.append(result_for(name, report))
            except UserError as e:
                results.append((name, None, str(e)))
            except InputError as e:  # the engine's own words about this file
                results.append((name, None, str(e)))
            except discord.HTTPException:
                log.warning("could not download attachment %s", name, exc_info=True)
                results.append((name, None, "could not be downloaded from Discord"))
            except Exception:  # noqa: BLE001 - report per file, keep going
                log.exception("ingest of upload %s failed", name)
                results.append((name, None, "could not be ingested (the error was logged)"))
        log.info(
            "ingest by user %s in guild %s: %s",
            interaction.user.id,
            interaction.guild_id,
            ", ".join(f"{n}: {'ok' if r else e}" for n, r, e in results),
        )
        await self.bot.send(interaction, embed=embeds.ingest_embed(results), ephemeral=True)  # type: ignore[arg-type]

    # -- /autocheck --------------------------------------------------------------------
    @app_commands.command(name="autocheck", description="Admins: check every quote posted in a channel automatically.")
    @app_commands.describe(action="enable, disable or show the status", channel="Which channel (default: this one)")
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.guild_only()
    async def autocheck(
        self,
        interaction: discord.Interaction,
        action: Literal["enable", "disable", "status"],
        channel: discord.TextChannel | None = None,
    ) -> None:
        await require_admin(interaction)
        target_id = channel.id if channel is not None else interaction.channel_id
        if target_id is None:
            raise UserError("Pick a channel.")
        store = self.bot.autocheck
        mention = f"<#{target_id}>"
        if action == "status":
            state = "on" if store.enabled(target_id) else "off"
            others = sorted(store.channels)
            text = f"Auto-check is **{state}** in {mention}."
            if others:
                text += " On in: " + ", ".join(f"<#{c}>" for c in others[:20])
        else:
            enable = action == "enable"
            await self.bot.call(
                store.set, target_id, enable, guild_id=interaction.guild_id, user_id=interaction.user.id
            )
            text = f"Auto-check is now **{'on' if enable else 'off'}** in {mention}."
            if enable and not self.bot.intents.message_content:
                text += (
                    "\n⚠️ I was started without the *message content* intent, so I can't read messages yet: "
                    "enable it in the Developer Portal and restart me (see the docs)."
                )
        await self.bot.send(interaction, content=text, ephemeral=True)

    # -- /sync and @QuoteBot sync (owner) -----------------------------------------------
    @app_commands.command(name="sync", description="Bot owner: publish the slash commands to Discord.")
    @app_commands.describe(scope="guild: this server only (instant); global: everywhere")
    @app_commands.default_permissions(administrator=True)
    async def sync(self, interaction: discord.Interaction, scope: Literal["default", "guild", "global"] = "default") -> None:
        if not await self.bot.is_owner(interaction.user):
            raise UserError("Only the bot owner can sync commands.")
        await interaction.response.defer(thinking=True, ephemeral=True)
        guild_id = self._scope_guild(scope, interaction.guild_id)
        synced = await self.bot.sync_tree(guild_id)
        where = f"server {guild_id}" if guild_id else "all servers (may take a while to appear)"
        await self.bot.send(interaction, content=f"Synced {len(synced)} commands to {where}.", ephemeral=True)

    def _scope_guild(self, scope: str, here: int | None) -> int | None:
        if scope == "global":
            return None
        if scope == "guild":
            if here is None:
                raise UserError("Use `guild` scope inside a server.")
            return here
        return self.bot.settings.guild_id

    @commands.command(name="sync", hidden=True)
    @commands.is_owner()
    async def sync_prefix(self, ctx: commands.Context, scope: str = "default") -> None:
        """``@QuoteBot sync [guild|global]``: works even before any slash command is synced."""
        if scope not in ("default", "guild", "global"):
            await ctx.reply("Usage: `@QuoteBot sync [guild|global]`", mention_author=False)
            return
        try:
            guild_id = self._scope_guild(scope, ctx.guild.id if ctx.guild else None)
        except UserError as e:
            await ctx.reply(str(e), mention_author=False)
            return
        synced = await self.bot.sync_tree(guild_id)
        where = f"server {guild_id}" if guild_id else "all servers"
        await ctx.reply(f"Synced {len(synced)} commands to {where}.", mention_author=False)

    @sync_prefix.error
    async def sync_prefix_error(self, ctx: commands.Context, error: commands.CommandError) -> None:
        if isinstance(error, commands.NotOwner):
            await ctx.reply("Only the bot owner can sync commands.", mention_author=False)
            return
        log.error("sync failed", exc_info=error)
        await ctx.reply("Sync failed; see the bot's log.", mention_author=False)
