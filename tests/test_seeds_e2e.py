"""End to end on the seed articles: ingest seeds/, then ask what a user would ask."""

from __future__ import annotations

import pytest
from conftest import SEEDS

from quotebot.answers import ALTERED, INTENT_QUOTES, MISATTRIBUTED, NOT_FOUND, VERIFIED
from quotebot.engine import Engine


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    e = Engine(tmp_path_factory.mktemp("seeds") / "q.db")
    report = e.ingest([SEEDS])
    assert len(report.added) == 5 and not report.skipped
    return e


@pytest.mark.parametrize(
    "question, verdict, speaker",
    [
        ('did Putin say "dead end"?', VERIFIED, "Vladimir Putin"),
        ('Did Vladimir Putin call the talks a "dead end"?', VERIFIED, "Vladimir Putin"),
        ('did Ryabkov say "never ever"?', VERIFIED, "Sergei Ryabkov"),
        ('did Lavrov say "never ever"?', MISATTRIBUTED, "Sergei Ryabkov"),
        ('did Sherman say "de-escalation and diplomacy, or confrontation and consequences"?', VERIFIED, "Wendy Sherman"),
        ('did Sherman say "escalation and diplomacy, or confrontation and consequences"?', ALTERED, "Wendy Sherman"),
        ('did the Kremlin spokesman say "we are staying on different tracks"?', VERIFIED, "Dmitry Peskov"),
        ('did Peskov say "we are staying on the same tracks"?', ALTERED, "Dmitry Peskov"),
        ('did Sergey Lavrov say "everyone understands that the prospect of reaching an agreement depends on the United States"?', VERIFIED, None),
        ('did Sergei Lavrov say "nobody understands that the prospect of reaching an agreement depends on the United States"?', ALTERED, None),
        ('did Grushko say "intolerable"?', VERIFIED, "Alexander Grushko"),
        ('did Putin say "we will invade Ukraine tomorrow"?', NOT_FOUND, None),
        ('did Trenin say "The lack of a diplomatic solution logically leads to a further aggravation of the crisis"?', VERIFIED, "Dmitri Trenin"),
        ('did Rathke say "The lack of a diplomatic solution logically leads to a further aggravation of the crisis"?', MISATTRIBUTED, "Dmitri Trenin"),
    ],
)
def test_questions_on_the_seeds(engine, question, verdict, speaker):
    a = engine.ask(question)
    assert a.verdict == verdict, (question, a.to_dict())
    if speaker:
        assert a.matches and a.matches[0].speaker == speaker


def test_what_did_x_say(engine):
    a = engine.ask("what did Rathke say?")
    assert a.intent == INTENT_QUOTES
    assert a.speaker == "Jeff Rathke"
    assert len(a.matches) >= 3
    assert all(m.speaker == "Jeff Rathke" for m in a.matches)


def test_same_quote_in_two_articles_has_two_sources(engine):
    m = engine.verify("dead end", "Putin").matches[0]
    assert len({s.article for s in m.sources}) == 2


def test_spelling_variants_across_articles_are_one_speaker(engine):
    names = [s.name for s in engine.speakers() if s.name.endswith("Lavrov") or s.name.endswith("Ryabkov")]
    assert len(names) == 2, names


def test_where_does_it_come_from(engine):
    a = engine.ask('where does "never ever" come from?')
    assert a.verdict == VERIFIED
    src = a.matches[0].sources[0]
    ctx = engine.context(a.matches[0].id).sources[0]
    assert "never ever" in ctx.paragraph_text
    assert src.article == "002_f371b0dce5b464d6"


def test_scare_quotes_are_not_on_record(engine):
    """Words the writer put in quotes without anyone saying them are not attributed quotes."""
    stored = {m.quote.strip(" .,").casefold() for m in engine.quotes()}
    for scare in ("escalation", "ukraine question", "nato expansion question"):
        assert scare not in stored
