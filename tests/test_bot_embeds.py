"""Embeds never exceed Discord's limits, whatever the engine answers (property tests),
and they say the right things (examples)."""

from __future__ import annotations

import discord
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from simcord.components import validate_embeds

from bot_fixtures import embed_text, match, src
from quotebot.answers import (
    ALTERED,
    INTENT_HELP,
    INTENT_QUOTES,
    INTENT_SEARCH,
    INTENT_SOURCE,
    INTENT_VERIFY,
    MISATTRIBUTED,
    NOT_FOUND,
    VERDICTS,
    VERIFIED,
    Answer,
    ArticleInfo,
    DiffOp,
    IngestReport,
    Match,
    Source,
    SpeakerInfo,
)
from quotebot.bot import embeds

# Text that tries hard to break things: markdown, mentions, astral characters, huge runs.
nasty = st.one_of(
    st.text(max_size=50),
    st.text(alphabet=st.sampled_from("*_~`|>#\\@<>:!&\n ") , max_size=300),
    # long text, built cheaply: a random chunk repeated (astral emoji included)
    st.builds(lambda chunk, n: chunk * n, st.text(min_size=1, max_size=12), st.integers(100, 800)),
    st.builds(lambda n: "😀*_" * n, st.integers(500, 3000)),
    st.just("@everyone @here <@123> <@&456> <#789> **bold** ~~x~~ ||spoiler|| ```code"),
)
maybe = st.one_of(st.none(), nasty)

sources = st.builds(
    Source,
    article=nasty,
    title=maybe,
    paragraph=st.integers(0, 10_000),
    start=st.integers(0, 10),
    end=st.integers(0, 10),
    context=nasty,
    paragraph_text=maybe,
    before=maybe,
    after=maybe,
)
diffops = st.builds(DiffOp, op=st.sampled_from(["equal", "replace", "insert", "delete"]), claim=nasty, record=nasty)
matches = st.builds(
    Match,
    id=st.integers(1, 2**53),
    quote=nasty,
    speaker=maybe,
    role=maybe,
    kind=st.sampled_from(["statement", "fragment", "paraphrase"]),
    sources=st.lists(sources, max_size=30),
    score=st.one_of(st.none(), st.floats(0, 100)),
    diff=st.one_of(st.none(), st.lists(diffops, max_size=40)),
)
answers = st.builds(
    Answer,
    verdict=st.one_of(st.none(), st.sampled_from(VERDICTS)),
    query=nasty,
    claimed_speaker=maybe,
    matches=st.lists(matches, max_size=8),
    intent=st.sampled_from([INTENT_VERIFY, INTENT_SOURCE, INTENT_QUOTES, INTENT_SEARCH, INTENT_HELP]),
    note=maybe,
    speaker=maybe,
)


def utf16(text: str | None) -> int:
    return len((text or "").encode("utf-16-le")) // 2


def assert_within_limits(embed: discord.Embed) -> None:
    data = embed.to_dict()
    validate_embeds([data])  # simcord's copy of Discord's checks (raises on a 400)
    # and our stricter UTF-16 count, which is never below Discord's
    assert utf16(embed.title) <= 256
    assert utf16(embed.description) <= 4096
    assert len(embed.fields) <= 25
    for f in embed.fields:
        assert 0 < utf16(f.name) <= 256 and 0 < utf16(f.value) <= 1024
    assert utf16(embed.footer.text) <= 2048
    assert embeds.embed_size(embed) <= 6000
    assert len(embed) <= 6000


def assert_no_live_mentions(embed: discord.Embed) -> None:
    text = embed_text(embed)
    assert "@everyone" not in text and "@here" not in text


LIMITS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@LIMITS
@given(answers)
def test_answer_embed_within_limits(answer):
    e = embeds.answer_embed(answer)
    assert_within_limits(e)
    assert_no_live_mentions(e)
    if answer.verdict is not None and answer.intent in (INTENT_VERIFY, INTENT_SOURCE):
        e = embeds.verdict_embed(answer)
        assert_within_limits(e)
        assert_no_live_mentions(e)


@LIMITS
@given(matches, st.integers(1, 50))
def test_match_and_context_embeds_within_limits(m, pos):
    for e in (embeds.match_embed(m, position=pos, total=pos + 3), embeds.context_embed(m)):
        assert_within_limits(e)
        assert_no_live_mentions(e)


@LIMITS
@given(nasty, st.lists(matches, max_size=6), st.integers(0, 10**6), maybe)
def test_listing_embed_within_limits(title, rows, offset, note):
    e = embeds.listing_embed(title, rows, offset=offset, note=note, has_more=True)
    assert_within_limits(e)


@LIMITS
@given(
    st.lists(
        st.builds(SpeakerInfo, id=st.integers(), name=nasty, kind=st.just("person"),
                  roles=st.lists(nasty, max_size=3), aliases=st.just([]), quotes=st.integers(0, 10**6)),
        max_size=200,
    ),
    st.lists(
        st.builds(ArticleInfo, id=nasty, title=maybe, byline=maybe, path=maybe, quotes=st.integers(0, 10**6)),
        max_size=200,
    ),
)
def test_directory_embeds_within_limits(speakers, articles):
    assert_within_limits(embeds.speakers_embed(speakers))
    assert_within_limits(embeds.articles_embed(articles))


@LIMITS
@given(st.lists(st.tuples(nasty, st.one_of(st.none(), st.builds(IngestReport, quotes=st.integers(0, 10**6),
        skipped=st.lists(st.tuples(nasty, nasty), max_size=5))), maybe), min_size=1, max_size=30))
def test_ingest_embed_within_limits(rows):
    assert_within_limits(embeds.ingest_embed(rows))


@LIMITS
@given(st.text(max_size=20000), st.integers(0, 5000))
def test_truncate(text, limit):
    out = embeds.truncate(text, limit)
    assert utf16(out) <= limit
    if utf16(text) <= limit:
        assert out == text
    elif limit > 0:
        assert out.endswith(embeds.ELLIPSIS)


# -- examples -------------------------------------------------------------------------


def test_altered_shows_the_changed_words():
    answer = Answer(
        verdict=ALTERED,
        query="the prospect of reaching an agreement depends on Russia",
        claimed_speaker="Lavrov",
        matches=[
            match(
                quote="the prospect of reaching an agreement depends on the United States",
                speaker="Sergei Lavrov",
                role="Foreign Minister",
                score=88.0,
                diff=[
                    DiffOp("equal", "the prospect of reaching an agreement depends on", "the prospect of reaching an agreement depends on"),
                    DiffOp("replace", "Russia", "the United States"),
                ],
            )
        ],
    )
    e = embeds.verdict_embed(answer)
    assert e.title.startswith("✏️ Altered")
    assert e.colour == discord.Colour.orange()
    text = embed_text(e)
    assert "~~the United States~~ → **Russia**" in text
    assert "Sergei Lavrov (Foreign Minister)" in text
    assert "1 article" in text


def test_verdict_styles():
    for verdict, (emoji, label, colour) in embeds.VERDICT_STYLE.items():
        e = embeds.verdict_embed(Answer(verdict=verdict, query="x y z", matches=[match()]))
        assert e.title.startswith(f"{emoji} {label}")
        assert e.colour == colour
    assert embeds.VERDICT_EMOJI[VERIFIED] == "✅"
    assert embeds.VERDICT_EMOJI[MISATTRIBUTED] == "🔀"
    assert embeds.VERDICT_EMOJI[NOT_FOUND] == "❓"


def test_user_text_is_escaped():
    answer = Answer(verdict=NOT_FOUND, query="**@everyone** look <@123>", matches=[])
    e = embeds.verdict_embed(answer)
    assert "\\*\\*" in e.description
    assert "@everyone" not in e.description and "<@123>" not in e.description


def test_reported_by_counts_sources():
    m = match(sources=[src(article=f"a{i}", title=f"T{i}") for i in range(7)])
    e = embeds.verdict_embed(Answer(verdict=VERIFIED, query="dead end", matches=[m]))
    assert "7 articles" in embed_text(e)
    assert "… and 2 more" in embed_text(e)
