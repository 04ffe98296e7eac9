"""Verdicts on hand-made records: each of the four, and the rules between them."""

from __future__ import annotations

import pytest
from conftest import FRAGMENT, ORGANISATION, PARAPHRASE, article_with

from quotebot.answers import ALTERED, MISATTRIBUTED, NOT_FOUND, VERDICTS, VERIFIED
from quotebot.verify import verify
from quotebot import verify as verify_mod

HARBOUR = (
    "The harbour talks ended without a deal.\n"
    "“We will not sign anything that gives away our fishing rights,” said Marta Kovacs, "
    "the fisheries minister.\n"
    "Her deputy, Tomas Breyer, called the offer a “dead letter”.\n"
    "“The door remains open for 30 more days,” Breyer added.\n"
    "Kovacs said that the fleet would stay in port until spring.\n"
    "The Harbour Authority said the port would “reopen on Monday”."
)


@pytest.fixture
def store(make_store):
    return make_store(
        article_with(
            "harbour",
            HARBOUR,
            [
                ("We will not sign anything that gives away our fishing rights", "Marta Kovacs", "fisheries minister"),
                ("dead letter", "Tomas Breyer", "deputy fisheries minister", FRAGMENT),
                ("The door remains open for 30 more days", "Tomas Breyer"),
                ("the fleet would stay in port until spring", "Marta Kovacs", None, PARAPHRASE),
                ("reopen on Monday", "the Harbour Authority", None, FRAGMENT, ORGANISATION),
            ],
        )
    )


def test_verbatim_quote_is_verified(store):
    a = verify(store, "We will not sign anything that gives away our fishing rights", "Marta Kovacs")
    assert a.verdict == VERIFIED
    assert a.matches[0].speaker == "Marta Kovacs"
    assert a.matches[0].sources[0].article == "harbour"


def test_excerpt_with_other_case_punctuation_and_quote_style_is_verified(store):
    a = verify(store, "‘WE WILL NOT SIGN anything’ ...", "Kovacs")
    assert a.verdict == VERIFIED


def test_unbroken_excerpt_only(store):
    """Words picked from two places of a quote are not an excerpt of it."""
    a = verify(store, "We will not sign our fishing rights", "Kovacs")
    assert a.verdict == ALTERED


def test_dropped_negation_is_altered_with_diff(store):
    a = verify(store, "We will sign anything that gives away our fishing rights", "Marta Kovacs")
    assert a.verdict == ALTERED
    diff = a.matches[0].diff
    assert any(op.op == "delete" and op.record == "not" for op in diff)


def test_changed_number_is_altered(store):
    a = verify(store, "The door remains open for 60 more days", "Breyer")
    assert a.verdict == ALTERED
    assert any(op.op == "replace" and op.claim == "60" and op.record == "30" for op in a.matches[0].diff)


def test_swapped_word_is_altered(store):
    a = verify(store, "We will not sign anything that gives away our farming rights", "Kovacs")
    assert a.verdict == ALTERED
    assert any(op.op == "replace" and op.claim == "farming" for op in a.matches[0].diff)


def test_right_words_wrong_speaker_is_misattributed(store):
    a = verify(store, "the door remains open for 30 more days", "Marta Kovacs")
    assert a.verdict == MISATTRIBUTED
    assert a.matches[0].speaker == "Tomas Breyer"
    assert "Tomas Breyer" in a.note


def test_altered_words_wrong_speaker_is_misattributed(store):
    a = verify(store, "The door remains open for 31 more days", "Kovacs")
    assert a.verdict == MISATTRIBUTED


def test_unknown_speaker_with_words_on_record_is_misattributed(store):
    a = verify(store, "dead letter", "Someone Else")
    assert a.verdict == MISATTRIBUTED
    assert a.matches[0].speaker == "Tomas Breyer"


def test_nothing_close_is_not_found(store):
    a = verify(store, "The moon is made of green cheese", None)
    assert a.verdict == NOT_FOUND


def test_not_found_lists_nearest_candidates_with_scores(store):
    a = verify(store, "our fishing fleet will sail tomorrow", None)
    assert a.verdict == NOT_FOUND
    assert all(m.score is not None for m in a.matches)


def test_no_speaker_claimed_means_anyone(store):
    assert verify(store, "dead letter").verdict == VERIFIED


def test_speaker_by_role_as_the_article_states_it(store):
    assert verify(store, "dead letter", "the deputy fisheries minister").verdict == VERIFIED


def test_quoted_part_of_a_claim_is_checked_and_speaker_read_from_it(store):
    a = verify(store, 'Breyer called the offer a "dead letter"')
    assert a.verdict == VERIFIED
    assert a.claimed_speaker == "Breyer"


def test_paraphrase_never_verifies_a_verbatim_claim(store):
    a = verify(store, "the fleet would stay in port until spring", "Kovacs")
    assert a.verdict != VERIFIED
    assert "paraphrase" in a.note
    assert any(m.kind == PARAPHRASE for m in a.matches)


def test_organisation_is_a_speaker(store):
    a = verify(store, "reopen on Monday", "Harbour Authority")
    assert a.verdict == VERIFIED
    assert a.matches[0].speaker_kind == ORGANISATION


@pytest.mark.parametrize("text", ["", "   ", "...", "“”", "\u200b\u200f"])
def test_empty_claims_get_an_answer(store, text):
    a = verify(store, text)
    assert a.verdict == NOT_FOUND
    assert a.note


def test_json_shape_is_stable(store):
    d = verify(store, "The door remains open for 60 more days", "Breyer").to_dict()
    assert set(d) >= {"verdict", "query", "claimed_speaker", "matches"}
    m = d["matches"][0]
    assert set(m) >= {"id", "quote", "speaker", "role", "kind", "score", "diff", "sources"}
    assert set(m["sources"][0]) >= {"article", "title", "paragraph", "start", "end", "context"}
    assert d["verdict"] in VERDICTS


def test_same_quote_in_two_articles_is_one_quote_with_two_sources(make_store):
    text = "“Bridges are for crossing,” said Ana Ruiz."
    s = make_store(
        article_with("a1", text, [("Bridges are for crossing", "Ana Ruiz")]),
        article_with("a2", "Later: " + text, [("Bridges are for crossing", "Ana Ruiz")]),
    )
    a = verify(s, "bridges are for crossing", "Ruiz")
    assert a.verdict == VERIFIED
    assert len(a.matches) == 1
    assert {src.article for src in a.matches[0].sources} == {"a1", "a2"}


def test_spelling_variants_are_one_speaker(make_store):
    s = make_store(
        article_with("a1", "“Rivers move slowly,” said Sergei Volkov.", [("Rivers move slowly", "Sergei Volkov")]),
        article_with("a2", "“Mountains wait,” said Sergey Volkov.", [("Mountains wait", "Sergey Volkov")]),
    )
    names = [sp.name for sp in s.speakers()]
    assert len(names) == 1
    assert verify(s, "mountains wait", "Sergei Volkov").verdict == VERIFIED


def test_same_surname_different_first_name_stays_two_speakers(make_store):
    s = make_store(
        article_with("a1", "“Rivers move slowly,” said Joan Pike.", [("Rivers move slowly", "Joan Pike")]),
        article_with("a2", "“Mountains wait,” said Robert Pike.", [("Mountains wait", "Robert Pike")]),
    )
    assert len(s.speakers()) == 2
    assert verify(s, "mountains wait", "Joan Pike").verdict == MISATTRIBUTED


def test_hyphenated_words_match_spaced_but_never_half_a_word(make_store):
    s = make_store(
        article_with(
            "h",
            "“We chose de-escalation over a dead-end policy,” said Ida Marsh.",
            [("We chose de-escalation over a dead-end policy", "Ida Marsh")],
        )
    )
    assert verify(s, "a dead end policy", "Marsh").verdict == VERIFIED
    assert verify(s, "de escalation", "Marsh").verdict == VERIFIED
    # Dropping a prefix flips the meaning: an excerpt may not start inside a word.
    assert verify(s, "escalation over a dead-end policy", "Marsh").verdict == ALTERED
    assert verify(s, "We chose de", "Marsh").verdict == ALTERED


def test_paraphrase_leads_the_evidence_when_nothing_direct_matches(store):
    a = verify(store, "Kovacs said the fleet would stay in port until spring")
    assert a.verdict == NOT_FOUND
    assert a.matches[0].kind == PARAPHRASE
    assert a.matches[0].speaker == "Marta Kovacs"


def test_several_quoted_parts_are_checked_one_by_one(store):
    both = verify(store, 'Breyer called it a "dead letter" and said "The door remains open"')
    assert both.verdict == VERIFIED
    assert {m.quote for m in both.matches} >= {"dead letter", "The door remains open for 30 more days"}
    one_wrong = verify(store, 'Breyer called it a "dead letter" and said "The door is shut"')
    assert one_wrong.verdict == NOT_FOUND
    assert "2 quoted parts" in one_wrong.note


def test_diff_reaches_over_the_record_words_a_claim_replaced_at_its_end(make_store):
    s = make_store(
        article_with(
            "e",
            "“Everything depends on the United States,” said Ida Marsh.",
            [("Everything depends on the United States", "Ida Marsh")],
        )
    )
    a = verify(s, "Everything depends on Russia", "Marsh")
    assert a.verdict == ALTERED
    assert [(d.op, d.claim, d.record) for d in a.matches[0].diff if d.op != "equal"] == [
        ("replace", "Russia", "the United States")
    ]


def test_misspelt_words_still_find_their_quote(make_store):
    s = make_store(
        article_with(
            "t",
            "“Our harbour reconstruction budget is exhausted,” said Ida Marsh.\n"
            + "\n".join(f"“Filler sentence number {i} about harbour matters,” said Ole Berg." for i in range(60)),
            [("Our harbour reconstruction budget is exhausted", "Ida Marsh")]
            + [(f"Filler sentence number {i} about harbour matters", "Ole Berg") for i in range(60)],
        )
    )
    a = verify(s, "Our harbour reconstrution budjet is exhausted", "Marsh")
    assert a.verdict == ALTERED
    assert a.matches[0].quote == "Our harbour reconstruction budget is exhausted"
    assert s.spelling("reconstrution") == "reconstruction"


def test_swapped_letters_are_one_edit_and_the_commoner_word_wins(make_store):
    quotes = [("The pier tariff rises in March", "Ida Marsh")]
    quotes += [(f"The tarif {i} is gone", "Ole Berg") for i in range(2)]  # one edit away, rarer
    quotes += [(f"Harbour tariff {i} holds", "Ole Berg") for i in range(3)]
    text = "\n".join(f"“{q}”, said {who}." for q, who in quotes)
    s = make_store(article_with("t", text, quotes))
    # "tarfif" is a swap of two letters: one edit from "tariff" and from nothing closer.
    assert s.spellings("tarfif")[0] == "tariff"
    assert s.spellings("tarifs") == ("tariff", "tarif")  # both one edit away: the commoner first
    assert s.spellings("tarriff") == ("tariff", "tarif")  # one edit, then two
    a = verify(s, "The pier tarfif rises in March", "Marsh")
    assert a.verdict == ALTERED
    assert a.matches[0].quote == "The pier tariff rises in March"
    assert s.spellings("atriff")[0] == "tariff"  # the first two letters swapped
    assert s.spellings("traiff")[0] == "tariff"  # the second and third
    a = verify(s, "The pier atriff rises in March", "Marsh")
    assert a.verdict == ALTERED and a.matches[0].quote == "The pier tariff rises in March"



def test_a_typo_in_the_second_letter_still_finds_the_word(make_store):
    quotes = [("A million euros have been built in the last year", "Ida Marsh")]
    quotes += [(f"A million people {i} have been built in the last year", "Ole Berg") for i in range(5)]
    text = "\n".join(f"“{q}”, said {who}." for q, who in quotes)
    s = make_store(article_with("t", text, quotes))
    assert s.spellings("eros") == ("euros",)  # the second letter dropped
    assert s.spellings("eiros") == ("euros",)  # the second letter mistyped
    assert s.spellings("xuros") == ()  # the first letter is trusted
    a = verify(s, "A million eros have been built in the last year", "Marsh")
    assert a.verdict == ALTERED
    assert a.matches[0].quote == "A million euros have been built in the last year"


STOCK_SOURCE = "The harbour board raised pier taxes last spring"


def _stock_store(make_store):
    """70 quotes of one stock frame, each with a word of its own and all holding the
    words of STOCK_SOURCE, then STOCK_SOURCE itself, stored last (the highest id)."""
    names = [a + b for a in ("bra", "cle", "dro", "fli", "gru", "ple", "sko", "tri", "vra") for b in ("mik", "dol", "sen", "tur", "pav", "zor", "lun", "kev", "wib")]
    quotes = [(f"Pier taxes were raised to {names[i]} by the harbour board last spring", "Ole Berg") for i in range(70)]
    quotes.append((STOCK_SOURCE, "Ida Marsh"))
    text = "\n".join(f"“{q}”, said {who}." for q, who in quotes)
    return make_store(article_with("t", text, quotes))


def test_quotes_tied_on_the_claim_words_are_all_compared(make_store):
    # A cut through tied candidates by id would drop the source.
    a = verify(_stock_store(make_store), STOCK_SOURCE)
    assert a.verdict == VERIFIED
    assert a.matches[0].quote == STOCK_SOURCE


def test_common_word_claims_put_quotes_holding_half_the_claim_first(make_store, monkeypatch):
    # Every word of the claim is common here (the cut-offs are lowered to make them
    # so): the source is found among the many quotes holding the same words by
    # holding half the claim word for word, not by coming first.
    import quotebot.store as store_module

    monkeypatch.setattr(store_module, "CANDIDATE_POSTINGS", 5)
    monkeypatch.setattr(store_module, "UNRANKED_CAP", 10)
    a = verify(_stock_store(make_store), "The harbour board lowered pier taxes last spring")
    assert a.verdict == ALTERED
    assert a.matches[0].quote == STOCK_SOURCE


FRAME_QUOTES = [
    ("More than 10 people were hired in the last 2 weeks", "Ida Marsh"),
    ("We will not sign anything that gives away our fishing rights", "Ole Berg"),
]


# Everyday words are common on record, as in any real archive: word weights come from that.
FILLER = [
    (f"More people than ever came in the last {n} weeks, and we will never forget it", "Ann Lee")
    for n in range(2, 40)
]


@pytest.fixture
def frame_store(make_store):
    quotes = FRAME_QUOTES + FILLER
    text = "\n".join(f"“{q}”, said {who}." for q, who in quotes)
    return make_store(article_with("frame", text, quotes))


def test_a_shared_frame_with_other_content_is_not_the_quote_altered(frame_store):
    # Same sentence frame, but the number and the verb (what it says) differ.
    a = verify(frame_store, "More than 7 people were sacked in the last 2 weeks", "Marsh")
    assert a.verdict == NOT_FOUND
    assert a.matches and a.matches[0].quote.startswith("More than 10 people")  # still shown as the nearest


@pytest.mark.parametrize(
    "claim",
    [
        "More than 12 people were hired in the last 2 weeks",  # one number changed
        "We will never sign anything that gives away our farming rights",  # two words, most meaning kept
        "More than 10 poeple were hierd in the lsat 2 weeks",  # typos are not changes
    ],
)
def test_altered_claims_keep_most_of_the_quotes_meaning(frame_store, claim):
    assert verify(frame_store, claim).verdict == ALTERED


def test_misspelt_last_word_replaces_one_record_word_not_the_rest(frame_store):
    a = verify(frame_store, "More than 10 people were hired in the lsat", "Marsh")
    assert a.verdict == ALTERED
    assert a.matches[0].excerpt == "More than 10 people were hired in the last"


def test_window_places_a_claim_by_its_words_in_a_long_record():
    record = ("the council met on tuesday and after a long debate the mayor said we will rebuild "
              "the old bridge before winter and nobody will pay more for it").split()
    claim = "we will rebuild the old bridge before winter".split()
    lo, hi = verify_mod._window(claim, record, slack=0)
    assert record[lo:hi] == claim


def test_window_falls_back_to_characters_when_typos_hide_the_words():
    record = ("the council met on tuesday and after a long debate the mayor said we will rebuild "
              "the old bridge before winter and nobody will pay more for it").split()
    claim = "wee wil rebuilt teh olde brige befor wintr".split()  # no word spelt as on record
    lo, hi = verify_mod._window(claim, record, slack=0)
    assert {"rebuild", "bridge", "winter"} <= set(record[lo:hi])
    assert "council" not in record[lo:hi] and "nobody" not in record[lo:hi]


def test_a_claim_half_misspelt_is_found_altered_with_the_words_it_means(make_store, monkeypatch):
    long_quote = ("The council met on Tuesday and after a long debate we agreed that we will rebuild "
                  "the old bridge before winter and that nobody in this town will pay more for it")
    s = make_store(article_with("bridge", f"“{long_quote},” said Mayor Ada Brook.", [(long_quote, "Ada Brook")]))
    claim = "we will rebiuld the olde brigde before wintr"  # half its words unknown to the index
    a = verify(s, claim)
    assert a.verdict == ALTERED
    excerpt = a.matches[0].excerpt
    assert "rebuild the old bridge before winter" in excerpt and "council" not in excerpt and "nobody" not in excerpt
