"""Buttons that keep working after a restart.

Every button is a ``discord.ui.DynamicItem``: all the state it needs lives in its
``custom_id`` and the bot registers the templates in ``setup_hook``
(``bot.add_dynamic_items``), so a click on a message sent before a restart is
still dispatched. Views are sent with ``timeout=None``.

custom_id formats (at most 100 characters):

``qb:ctx:<quote id>``
    "Show context": the quote in its paragraph, privately.
``qb:next:<position>:<id>.<id>.<id>``
    "Next match": shows match number ``position`` of the listed quote ids.
``qb:page:<s|q>:<offset>:<speaker or words>``
    "Next page" / "Previous page" of ``/said`` (``s``) or ``/search`` (``q``).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import ui

from ..answers import Answer, Match
from . import embeds

if TYPE_CHECKING:
    from .client import QuoteBot

log = logging.getLogger(__name__)

CUSTOM_ID_LIMIT = 100
PAGE_SIZE = embeds.PAGE_SIZE
NONE = discord.AllowedMentions.none()


def _bot(interaction: discord.Interaction) -> QuoteBot:
    return interaction.client  # type: ignore[return-value]


class _QBItem:
    """Shared behaviour: per-user cooldown, readable errors."""

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return await _bot(interaction).check_cooldown(interaction)

    async def callback(self, interaction: discord.Interaction) -> Any:
        try:
            await self.run(interaction)
        except Exception as error:  # noqa: BLE001 - every failure gets a polite answer
            await _bot(interaction).report_error(interaction, error)

    async def run(self, interaction: discord.Interaction) -> None:  # pragma: no cover
        raise NotImplementedError


class ContextButton(_QBItem, ui.DynamicItem[ui.Button], template=r"qb:ctx:(?P<id>[0-9]{1,19})"):
    def __init__(self, quote_id: int) -> None:
        super().__init__(
            ui.Button(
                label="Show context",
                emoji="📰",
                style=discord.ButtonStyle.secondary,
                custom_id=f"qb:ctx:{quote_id}",
            )
        )
        self.quote_id = quote_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: Any, /):
        return cls(int(match["id"]))

    async def run(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        found: Match | None = await bot.call(bot.engine.context, self.quote_id)
        if found is None:
            await bot.send_error(interaction, f"Quote #{self.quote_id} is no longer in the database.")
            return
        await interaction.response.send_message(
            embed=embeds.context_embed(found), ephemeral=True, allowed_mentions=NONE
        )


def encode_next(position: int, ids: list[int]) -> str | None:
    """``qb:next:<pos>:<ids>`` with as many ids as fit in 100 characters."""
    head = f"qb:next:{position}:"
    kept: list[str] = []
    for quote_id in ids:
        candidate = ".".join([*kept, str(quote_id)])
        if len(head) + len(candidate) > CUSTOM_ID_LIMIT:
            break
        kept.append(str(quote_id))
    if position >= len(kept):
        return None
    return head + ".".join(kept)


class NextMatchButton(
    _QBItem,
    ui.DynamicItem[ui.Button],
    template=r"qb:next:(?P<pos>[0-9]{1,3}):(?P<ids>[0-9]{1,19}(?:\.[0-9]{1,19})*)",
):
    def __init__(self, position: int, ids: list[int], custom_id: str | None = None) -> None:
        custom_id = custom_id or encode_next(position, ids)
        if custom_id is None:
            raise ValueError("no next match")
        super().__init__(
            ui.Button(label="Next match", emoji="➡️", style=discord.ButtonStyle.primary, custom_id=custom_id)
        )
        self.position = position
        self.ids = ids

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: Any, /):
        ids = [int(x) for x in match["ids"].split(".")]
        return cls(int(match["pos"]), ids, custom_id=item.custom_id)

    async def run(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        if self.position >= len(self.ids):
            await bot.send_error(interaction, "There is no other match.")
            return
        quote_id = self.ids[self.position]
        found: Match | None = await bot.call(bot.engine.context, quote_id)
        if found is None:
            await bot.send_error(interaction, f"Quote #{quote_id} is no longer in the database.")
            return
        embed = embeds.match_embed(found, position=self.position + 1, total=len(self.ids))
        view = match_view(quote_id, self.ids, self.position + 1)
        await interaction.response.send_message(embed=embed, view=view, ephemeral=True, allowed_mentions=NONE)


def encode_page(kind: str, offset: int, arg: str) -> str | None:
    custom_id = f"qb:page:{kind}:{offset}:{arg}"
    return custom_id if len(custom_id) <= CUSTOM_ID_LIMIT and arg else None


class PageButton(
    _QBItem,
    ui.DynamicItem[ui.Button],
    template=r"qb:page:(?P<kind>[sq]):(?P<offset>[0-9]{1,6}):(?P<arg>.+)",
):
    def __init__(self, kind: str, offset: int, arg: str, *, label: str = "Next page") -> None:
        custom_id = encode_page(kind, offset, arg)
        if custom_id is None:
            raise ValueError("too long for a custom_id")
        super().__init__(ui.Button(label=label, style=discord.ButtonStyle.secondary, custom_id=custom_id))
        self.kind = kind
        self.offset = offset
        self.arg = arg

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: ui.Button, match: Any, /):
        return cls(match["kind"], int(match["offset"]), match["arg"], label=item.label or "Next page")

    async def run(self, interaction: discord.Interaction) -> None:
        bot = _bot(interaction)
        if self.kind == "s":
            embed, view, _ = await said_page(bot, self.arg, self.offset)
        else:
            embed, view, _ = await search_page(bot, self.arg, self.offset)
        await interaction.response.edit_message(embed=embed, view=view, allowed_mentions=NONE)


DYNAMIC_ITEMS = (ContextButton, NextMatchButton, PageButton)


# -- views ------------------------------------------------------------------------


def match_view(quote_id: int | None, ids: list[int], next_position: int) -> ui.View | None:
    view = ui.View(timeout=None)
    if quote_id is not None:
        view.add_item(ContextButton(quote_id))
    if next_position < len(ids) and encode_next(next_position, ids) is not None:
        view.add_item(NextMatchButton(next_position, ids))
    return view if view.children else None


def answer_view(answer: Answer) -> ui.View | None:
    """Buttons under a verdict: "Show context" for the best match, "Next match"."""
    if not answer.matches:
        return None
    ids = [m.id for m in answer.matches]
    return match_view(ids[0], ids, 1)


def page_view(kind: str, arg: str, offset: int, has_more: bool) -> ui.View | None:
    view = ui.View(timeout=None)
    if offset > 0 and encode_page(kind, max(offset - PAGE_SIZE, 0), arg):
        view.add_item(PageButton(kind, max(offset - PAGE_SIZE, 0), arg, label="Previous page"))
    if has_more and encode_page(kind, offset + PAGE_SIZE, arg):
        view.add_item(PageButton(kind, offset + PAGE_SIZE, arg, label="Next page"))
    return view if view.children else None


async def said_page(bot: QuoteBot, speaker: str, offset: int) -> tuple[discord.Embed, ui.View | None, int]:
    """One page of what ``speaker`` said (``/said`` and its buttons), and how many rows it shows."""
    rows = await bot.call(bot.engine.quotes, speaker, None, limit=PAGE_SIZE + 1, offset=offset)
    has_more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    name = rows[0].speaker if rows and rows[0].speaker else speaker
    embed = embeds.listing_embed(f"What {name} said", rows, offset=offset, has_more=has_more)
    return embed, page_view("s", speaker, offset, has_more), len(rows)


async def search_page(bot: QuoteBot, words: str, offset: int) -> tuple[discord.Embed, ui.View | None, int]:
    rows = await bot.call(bot.engine.search, words, limit=offset + PAGE_SIZE + 1)
    rows = rows[offset:]
    has_more = len(rows) > PAGE_SIZE
    rows = rows[:PAGE_SIZE]
    embed = embeds.listing_embed(f"Quotes matching “{words}”", rows, offset=offset, has_more=has_more)
    return embed, page_view("q", words, offset, has_more), len(rows)
