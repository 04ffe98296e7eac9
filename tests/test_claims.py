"""How claims, questions and chat messages are read."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from quotebot import claims
from quotebot.answers import INTENT_HELP, INTENT_QUOTES, INTENT_SEARCH, INTENT_SOURCE, INTENT_VERIFY
from quotebot.normalize import normalize, tokens


@pytest.mark.parametrize(
    "text, words, speaker",
    [
        ('Kovacs called the offer a "dead letter"', "dead letter", "Kovacs"),
        ("Kovacs called the offer a “dead letter”", "dead letter", "Kovacs"),
        ('"We will not sign," said Marta Kovacs', "We will not sign,", "Marta Kovacs"),
        ('"We will not sign" — Marta Kovacs', "We will not sign", "Marta Kovacs"),
        ('Marta Kovacs: "We will not sign"', "We will not sign", "Marta Kovacs"),
        ("just some words", "just some words", None),
        ("The minister said we will never sign the deal", "we will never sign the deal", "The minister"),
    ],
)
def test_parse_claim(text, words, speaker):
    c = claims.parse_claim(text)
    assert c.text == words
    assert c.speaker == speaker


def test_explicit_speaker_wins():
    assert claims.parse_claim('Kovacs said "hello there"', "Breyer").speaker == "Breyer"


@pytest.mark.parametrize(
    "question, intent, text, speaker",
    [
        ('did Kovacs say "never ever"?', INTENT_VERIFY, "never ever", "Kovacs"),
        ('Did Marta Kovacs really say "dead letter"?', INTENT_VERIFY, "dead letter", "Marta Kovacs"),
        ('is it true that the fisheries minister said "we will not sign"?', INTENT_VERIFY, "we will not sign", "the fisheries minister"),
        ("what did Breyer say?", INTENT_QUOTES, "", "Breyer"),
        ("What has Tomas Breyer said", INTENT_QUOTES, "", "Tomas Breyer"),
        ("quotes by Kovacs", INTENT_QUOTES, "", "Kovacs"),
        ('where does "dead letter" come from?', INTENT_SOURCE, "dead letter", None),
        ('who said "dead letter"?', INTENT_SOURCE, "dead letter", None),
        ('"dead letter"', INTENT_VERIFY, "dead letter", None),
        ("fishing rights", INTENT_SEARCH, "fishing rights", None),
        ("help", INTENT_HELP, "", None),
        ("", INTENT_HELP, "", None),
    ],
)
def test_parse_question(question, intent, text, speaker):
    q = claims.parse_question(question)
    assert q.intent == intent
    assert q.text == text
    assert q.speaker == speaker


@pytest.mark.parametrize(
    "message, expected",
    [
        ('Kovacs said "we will sign anything today"', [("we will sign anything today", "Kovacs")]),
        ('lol "the door is closed forever" - Tomas Breyer', [("the door is closed forever", "Tomas Breyer")]),
        ('"the door is closed forever," said Breyer', [("the door is closed forever,", "Breyer")]),
        ('Breyer: "the door is closed forever"', [("the door is closed forever", "Breyer")]),
        ('I love the word "door"', []),
        ('the phrase "the door is closed" is overused', []),
        ("no quotes here at all", []),
    ],
)
def test_find_claims(message, expected):
    assert [(c.text, c.speaker) for c in claims.find_claims(message)] == expected


@given(st.text())
def test_parsers_never_raise(text):
    claims.parse_claim(text)
    claims.parse_question(text)
    claims.find_claims(text)


@given(st.text())
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once
    assert tokens(once) == tokens(text)


@pytest.mark.parametrize(
    "a, b",
    [("Don’t", "don't"), ("U.S.", "us"), ("“Hello”", '"hello"'), ("dead-end", "dead end"), ("ÉTÉ", "ete"), ("a\u200bb", "ab")],
)
def test_normalize_ignores_case_quotes_apostrophes_punctuation(a, b):
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize("a, b", [("not", "now"), ("30", "31"), ("never", "ever")])
def test_normalize_keeps_words_apart(a, b):
    assert normalize(a) != normalize(b)


@given(st.text(alphabet=st.sampled_from("ab1 -'.,\"_!?\n"), max_size=40) | st.text())
def test_fast_normalize_equals_the_token_definition(text):
    assert normalize(text) == " ".join(tokens(text))


@pytest.mark.parametrize(
    "question",
    ['@everyone did Kovacs say "never ever"?', '<@123456> did Kovacs say "never ever"?', 'did Kovacs say "never ever"? <@&99>'],
)
def test_mentions_are_not_part_of_the_claim(question):
    q = claims.parse_question(question)
    assert (q.intent, q.text, q.speaker) == (INTENT_VERIFY, "never ever", "Kovacs")
