"""End-to-end flows: the real bot on the real engine (seeds/), driven by simcord."""

from __future__ import annotations

import discord

from bot_fixtures import button_ids, embed_text  # noqa: F401
from bot_fixtures import bot_engine, bot_settings, seeds_db, simcord_bot  # noqa: F401


def world(env):
    guild = env.create_guild()
    channel = guild.create_text_channel("general")
    alice = guild.add_member(env.create_user("alice"))
    return guild, channel, alice


async def test_verify_slash_embed_then_context_button(simcord_env):
    guild, channel, alice = world(simcord_env)
    result = await alice.slash(channel, "verify", text="dead end", speaker="Putin")
    assert not result.ephemeral
    embed = result.response.embeds[0]
    print(embed.to_dict())
    print(result.response.components)
    assert embed.title.startswith("✅ Verified")
    ids = button_ids(result.response.components)
    assert any(i.startswith("qb:ctx:") for i in ids)
    clicked = await alice.click(result.response, label="Show context")
    assert clicked.ephemeral
    print(clicked.response.embeds[0].to_dict())
