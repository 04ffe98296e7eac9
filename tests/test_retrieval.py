"""Candidate retrieval: the quote a claim came from is among the candidates,
whichever retrieval path the claim's word frequencies send it down.

Thresholds are shrunk so a few hand-made quotes exercise the paths a million
quotes would take.
"""

from __future__ import annotations

import pytest
from conftest import article_with

from quotebot import normalize, store as store_mod
from quotebot.answers import ALTERED, MISATTRIBUTED, VERIFIED
from quotebot.normalize import tokens
from quotebot.verify import verify

SOURCE = "The harbour levy will fund every lighthouse repair this winter"


def _store(make_store, decoys: list[str], source: str = SOURCE, speaker: str = "Ines Moreau"):
    # Decoys first: unranked retrieval returns low ids first, so the source is last in line.
    quotes = [(d, "Paul Decoy") for d in decoys] + [(source, speaker)]
    text = "\n".join(f"“{q}”, said {who}." for q, who in quotes)
    return make_store(article_with("harbour", text, quotes))


def test_source_found_when_the_claim_changed_its_only_rare_word(make_store, monkeypatch):
    # Only the rarest word fits the posting budget, and the claim changed exactly that word.
    decoys = ["The beacon was dark all night", "The harbour levy will fund nothing", "Every repair this winter is late"]
    decoys += ["A harbour levy to fund every repair", "Every winter the levy goes up"]
    s = _store(make_store, decoys)
    monkeypatch.setattr(store_mod, "CANDIDATE_POSTINGS", 1)
    claim = "The harbour levy will fund every beacon repair this winter"
    a = verify(s, claim)
    assert a.verdict == ALTERED
    assert a.matches[0].quote == SOURCE
    assert any(op.claim == "beacon" and op.record == "lighthouse" for op in a.matches[0].diff)


def test_rarest_words_rank_the_quote_holding_most_of_them_first(make_store):
    decoys = [f"The levy on lighthouse number {i} was paid" for i in range(12)]
    s = _store(make_store, decoys)
    toks = tokens("harbour levy will fund every lighthouse repair")
    rows = s.candidates(toks, limit=3)
    assert rows[0]["text"] == SOURCE


def test_verbatim_claim_of_common_words_found_as_a_phrase(make_store, monkeypatch):
    # Every decoy holds all the claim's words, out of order; only the phrase tells them apart.
    decoys = [f"Every lighthouse repair of the harbour levy will fund winter number {i}" for i in range(8)]
    s = _store(make_store, decoys)
    monkeypatch.setattr(store_mod, "CANDIDATE_POSTINGS", 0)  # every word counts as common
    monkeypatch.setattr(store_mod, "UNRANKED_CAP", 3)
    a = verify(s, "harbour levy will fund every lighthouse repair")
    assert a.verdict == VERIFIED
    assert a.matches[0].quote == SOURCE


@pytest.mark.parametrize("held", [5000, 0], ids=["speaker ids held in memory", "filtered by SQLite"])
@pytest.mark.parametrize("claimed, verdict", [("Ines Moreau", VERIFIED), ("Paul Decoy", MISATTRIBUTED)])
def test_prolific_speakers_quotes_filtered_after_ranking(make_store, monkeypatch, claimed, verdict, held):
    # Both speakers have too many quotes to compare them all: the ranked ids are filtered by speaker.
    monkeypatch.setattr(store_mod, "SPEAKER_SET_MAX", held)
    quotes = [(f"Harbour repair plan number {i} is ready", "Paul Decoy") for i in range(6)]
    quotes += [(f"The winter ferry timetable {i} is out", "Ines Moreau") for i in range(6)]
    quotes += [(SOURCE, "Ines Moreau")]
    text = "\n".join(f"“{q}”, said {who}." for q, who in quotes)
    s = make_store(article_with("harbour", text, quotes))
    monkeypatch.setattr(store_mod, "SPEAKER_SCAN", 2)
    a = verify(s, "will fund every lighthouse repair this winter", claimed)
    assert a.verdict == verdict
    assert a.matches[0].quote == SOURCE
    assert a.matches[0].speaker == "Ines Moreau"


@pytest.mark.parametrize("held", [5000, 0], ids=["speaker ids held in memory", "filtered by SQLite"])
def test_claimed_prolific_speaker_found_when_the_claim_changed_its_only_rare_word(make_store, monkeypatch, held):
    # The fallback's hits are read once for the claimed speaker and reused for everyone's.
    decoys = ["The beacon was dark all night", "The harbour levy will fund nothing", "Every repair this winter is late"]
    decoys += ["A harbour levy to fund every repair", "Every winter the levy goes up"]
    quotes = [(d, "Paul Decoy") for d in decoys]
    quotes += [(f"The ferry timetable {i} is out", "Ines Moreau") for i in range(4)]
    quotes += [(SOURCE, "Ines Moreau")]
    text = "\n".join(f"“{q}”, said {who}." for q, who in quotes)
    s = make_store(article_with("harbour", text, quotes))
    monkeypatch.setattr(store_mod, "SPEAKER_SCAN", 2)
    monkeypatch.setattr(store_mod, "CANDIDATE_POSTINGS", 1)
    monkeypatch.setattr(store_mod, "SPEAKER_SET_MAX", held)
    claim = "The harbour levy will fund every beacon repair this winter"
    a = verify(s, claim, "Ines Moreau")
    assert a.verdict == ALTERED
    assert a.matches[0].quote == SOURCE
    again = verify(s, claim, "Paul Decoy")
    assert again.verdict == MISATTRIBUTED and again.matches[0].quote == SOURCE


def test_longest_run_of_non_stopwords():
    words = "we have already accepted every war and the plan".split()
    assert store_mod._longest_run(words, lambda w: w not in normalize.STOPWORDS) == ["already", "accepted", "every", "war"]
    assert store_mod._longest_run([], bool) == []
