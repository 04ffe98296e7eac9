"""Everyone's commands: /verify, /said, /context, /search, /speakers, /sources, /help,
and the "Verify quote" message context menu."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import discord
from discord import app_commands
from discord.ext import commands

from ...answers import Answer
from .. import embeds, views
from ..client import UserError
from .listen import find_claims

if TYPE_CHECKING:
    from ..client import QuoteBot

log = logging.getLogger(__name__)

MAX_CLAIM = 1000  # characters of a claim we accept
MAX_NAME = 100


class QuotesCog(commands.Cog, name="Quotes"):
    def __init__(self, bot: QuoteBot) -> None:
        self.bot = bot
        self.verify_menu = app_commands.ContextMenu(name="Verify quote", callback=self.verify_message)

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.verify_menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.verify_menu.name, type=self.verify_menu.type)

    async def cog_app_command_error(self, interaction: discord.Interaction, error: app_commands.AppCommandError) -> None:
        # The tree's on_error answers every error; nothing command-specific here.
        return None

    # -- helpers -------------------------------------------------------------------
    async def _answer(self, interaction: discord.Interaction, answer: Answer, *, ephemeral: bool = False) -> None:
        await self.bot.send(
            interaction,
            embed=embeds.verdict_embed(answer),
            view=views.answer_view(answer),
            ephemeral=ephemeral,
        )

    # -- /verify -------------------------------------------------------------------
    @app_commands.command(name="verify", description="Did they really say that? Check a quote against the articles.")
    @app_commands.describe(text="The quote as you saw it", speaker="Who supposedly said it (optional)")
    async def verify(
        self,
        interaction: discord.Interaction,
        text: app_commands.Range[str, 1, MAX_CLAIM],
        speaker: app_commands.Range[str, 1, MAX_NAME] | None = None,
    ) -> None:
        claim = text.strip().strip('"“”«»\'').strip()
        if len(claim) < 2:
            raise UserError("Give me a few words of the quote to check.")
        speaker = " ".join(speaker.split()) if speaker else None
        answer = await self.bot.call_for(interaction, self.bot.engine.verify, claim, speaker or None)
        await self._answer(interaction, answer)

    # -- /said ---------------------------------------------------------------------
    @app_commands.command(name="said", description="What did this person say? Their quotes on record, page by page.")
    @app_commands.describe(speaker="A name on record (start typing for suggestions)")
    async def said(self, interaction: discord.Interaction, speaker: app_commands.Range[str, 1, MAX_NAME]) -> None:
        speaker = " ".join(speaker.split())
        embed, view, shown = await views.said_page(self.bot, speaker, 0)
        if not shown:
            names = await self.bot.call(self.bot.engine.speaker_names, speaker[:3], limit=5)
            hint = f" Did you mean: {', '.join(names)}?" if names else " See `/speakers` for who is on record."
            raise UserError(f"No quotes on record for “{speaker}”.{hint}")
        await self.bot.send(interaction, embed=embed, view=view)

    # -- autocomplete for every "speaker" option -----------------------------------
    @verify.autocomplete("speaker")
    @said.autocomplete("speaker")
    async def speaker_autocomplete(self, interaction: discord.Interaction, current: str) -> list[app_commands.Choice[str]]:
        try:
            names = await self.bot.call(self.bot.engine.speaker_names, current.strip(), limit=25)
        except Exception:  # noqa: BLE001 - autocomplete must never fail loudly
            log.exception("speaker autocomplete failed")
            return []
        seen: set[str] = set()
        choices = []
        for name in names:
            name = name[:100]
            if not name or name in seen:
                continue
            seen.add(name)
            choices.append(app_commands.Choice(name=name, value=name))
        return choices[:25]

    # -- /context ------------------------------------------------------------------
    @app_commands.command(name="context", description="Show a quote in its article: the paragraph around it.")
    @app_commands.describe(quote_id="The quote number (shown as #123 under answers)")
    async def context(self, interaction: discord.Interaction, quote_id: app_commands.Range[int, 1, 2**53]) -> None:
        match = await self.bot.call(self.bot.engine.context, quote_id)
        if match is None:
            raise UserError(f"There is no quote #{quote_id}.")
        ids = [quote_id]
        await self.bot.send(interaction, embed=embeds.context_embed(match), view=views.match_view(None, ids, 1))

    # -- /search -------------------------------------------------------------------
    @app_commands.command(name="search", description="Find quotes containing these words.")
    @app_commands.describe(words="Words to look for")
    async def search(self, interaction: discord.Interaction, words: app_commands.Range[str, 1, 200]) -> None:
        words = " ".join(words.split())
        if not words:
            raise UserError("Give me some words to look for.")
        embed, view, _ = await views.search_page(self.bot, words, 0)
        await self.bot.send(interaction, embed=embed, view=view)

    # -- /speakers, /sources, /help ------------------------------------------------
    @app_commands.command(name="speakers", description="Who is on record, with how many quotes.")
    async def speakers(self, interaction: discord.Interaction) -> None:
        rows = await self.bot.call(self.bot.engine.speakers)
        rows = sorted(rows, key=lambda s: (-s.quotes, s.name))
        await self.bot.send(interaction, embed=embeds.speakers_embed(rows))

    @app_commands.command(name="sources", description="The articles loaded, with how many quotes each.")
    async def sources(self, interaction: discord.Interaction) -> None:
        rows = await self.bot.call(self.bot.engine.articles)
        await self.bot.send(interaction, embed=embeds.articles_embed(rows))

    @app_commands.command(name="help", description="How to use QuoteBot.")
    async def help(self, interaction: discord.Interaction) -> None:
        await self.bot.send(interaction, embed=embeds.help_embed(), ephemeral=True)

    # -- "Verify quote" on a message -------------------------------------------------
    async def verify_message(self, interaction: discord.Interaction, message: discord.Message) -> None:
        """Context menu: works without the message-content intent, since the
        interaction carries the target message (``resolved``)."""
        text = (message.content or "").strip()
        if not text:
            raise UserError("That message has no text I can check.")
        found = await self.bot.call(find_claims, text[:4000])
        if found:
            claim = found[0]
            answer = await self.bot.call_for(
                interaction, self.bot.engine.verify, claim.text[:MAX_CLAIM], claim.speaker, ephemeral=True
            )
        else:
            answer = await self.bot.call_for(interaction, self.bot.engine.verify, text[:MAX_CLAIM], None, ephemeral=True)
        await self._answer(interaction, answer, ephemeral=True)
