"""The PolNeAR benchmark's own gold-side resolution (benchmarks/extraction.py).

Tiny invented annotations: each checks one rule of how the yardstick resolves a
pronoun or description Source and compares speaker names.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import extraction as B  # noqa: E402


def _resolve(text: str, *attributions: tuple[str, str]) -> list[str | None]:
    """Each attribution is (Source, Content), in text order; each span is the first
    whole-word occurrence after the attribution before ('he', not the 'he' of 'the').
    Returns the resolved speaker of each attribution, in the same order."""
    ts, events, pos = {}, [], 0
    for k, pair in enumerate(attributions):
        ids = (f"T{2 * k + 1}", f"T{2 * k + 2}")
        ends = []
        for tid, kind, span in zip(ids, ("Source", "Content"), pair):
            a = re.compile(rf"(?<!\w){re.escape(span)}(?!\w)").search(text, pos).start()
            ts[tid] = B.TSpan(tid, kind, [(a, a + len(span))], span)
            ends.append(a + len(span))
        events.append({"Source": ids[0], "Content": ids[1]})
        pos = max(ends)
    resolved = B.resolve_sources(text, ts, events)
    return [resolved[ev["Source"]] for ev in events]


def test_apposed_company_does_not_make_a_person_an_organisation():
    """'Name, chief executive of Acme Services, said …' — the head is a person, so a
    later 'he' resolves to him, not to an earlier named person."""
    text = ("Mayor Tom Bell backed the plan. Ray Dunn, chief executive of Acme Services, "
            "said the plan was late. ''It is a mess,'' he said.")
    _, _, he = _resolve(text, ("Tom Bell", "backed the plan"),
                        ("Ray Dunn, chief executive of Acme Services,", "the plan was late"),
                        ("he", "''It is a mess,''"))
    assert he == "Ray Dunn"


def test_surname_that_is_also_a_title_is_kept():
    """'Mr. King' and 'Carla King' are the same person; 'king' is not a title here."""
    assert B.speaker_ok("Carla King", "Mr. King")
    assert B.speaker_ok("Matt Prince", "Prince")
    assert not B.speaker_ok("Carla Stone", "the king")
    # after a first name and a middle name too ("Anna Richardson White" is "Ms. White")
    assert B.speaker_ok("Anna Richardson White", "Ms. White")
    assert not B.speaker_ok("Anna Richardson", "Ms. White")


def test_indefinite_description_is_a_new_speaker():
    """'a company spokesman said' introduces someone new: not the earlier named Source;
    an apposed name ('A top aide, Ray Dunn,') is that person's name."""
    text = ("Mayor Tom Bell backed the plan. ''It works,'' a company spokesman said. "
            "A top aide, Ray Dunn, said it was ''late.''")
    _, spokesman, aide = _resolve(text, ("Tom Bell", "backed the plan"),
                                  ("a company spokesman", "''It works,''"),
                                  ("A top aide, Ray Dunn,", "it was ''late.''"))
    assert spokesman != "Tom Bell" and B.speaker_ok("a company spokesman", spokesman)
    assert aide == "Ray Dunn"


def test_description_with_apposed_name_is_that_name():
    """'Her campaign manager, Ray Dunn, said' — the Source names its speaker."""
    text = "Mayor Ada Bell backed the plan. Her campaign manager, Ray Dunn, said it was ''late.''"
    _, manager = _resolve(text, ("Ada Bell", "backed the plan"),
                          ("Her campaign manager, Ray Dunn,", "it was ''late.''"))
    assert manager == "Ray Dunn"


def test_apposed_name_with_organisation_tail():
    """'another lawyer, Ana Pike of the firm Dole Brown,' names Ana Pike."""
    text = "Mayor Ada Bell backed it. ''It is weak,'' said another lawyer, Ana Pike of the firm Dole Brown."
    _, lawyer = _resolve(text, ("Ada Bell", "backed it"),
                         ("another lawyer, Ana Pike of the firm Dole Brown", "''It is weak,''"))
    assert lawyer == "Ana Pike"


def test_outlet_selection_for_cross_validation():
    """An article's outlet is its name's prefix; --outlet and --half compose."""
    names = ["nyt_2016-01-02_b", "nyt_2016-01-01_a", "huff-post_2016-01-01_c", "nyt_2016-01-03_d"]
    assert B.outlet_of("huff-post_2016-01-01_c") == "huff-post"
    assert B.select(names, None, "nyt") == ["nyt_2016-01-01_a", "nyt_2016-01-02_b", "nyt_2016-01-03_d"]
    assert B.select(names, "odd", "nyt") == ["nyt_2016-01-02_b"]
    assert B.select(names, None) == sorted(names)


def test_an_attribution_inside_the_content_is_counted_apart():
    """'"…," Sanders said, according to CNN' is one PolNeAR event with Source CNN: the
    spk-inner figure accepts Sanders because the Content's own words attribute the quote
    to him next to a speech verb; a name merely mentioned there is not accepted."""
    text = 'Rally\n\n"Stay calm," Sanders said, according to CNN. "We go on," said Sen. Ada Holm.\n'
    a = text.index('"Stay')
    b = text.index("according") - 2
    quote = [(a + 1, text.index('," Sanders'))]
    unquoted = B._unquoted_words(text, [(a, b)], quote)
    assert "Sanders said" in unquoted and "Stay calm" not in unquoted
    assert B.inner_attribution("Bernie Sanders", [unquoted])
    assert not B.inner_attribution("CNN", [unquoted])
    holm = text[text.index('"We go'):-2]
    assert B.inner_attribution("Ada Holm", [holm.split('," ', 1)[1]])
    assert not B.inner_attribution("Donald Trump", ["Trump's offer to make an exception"])


def test_a_pronoun_is_not_the_one_it_told():
    """Gold side: in 'he told Hannity' the pronoun is not Hannity, even when Hannity is
    the last named Source before it."""
    text = ("Donald Trump backed the wall. Sean Hannity asked Trump how high the wall would be. "
            "''Very high,'' he told Hannity.")
    _, _, he = _resolve(text, ("Donald Trump", "backed the wall"),
                        ("Sean Hannity", "how high the wall would be"),
                        ("he", "''Very high,''"))
    assert B.speaker_ok("Donald Trump", he)


def test_a_party_noun_is_a_description_not_a_name():
    """'the Utah Republican' ends in a capital but names nobody: it resolves like any
    description, to the person named before it ('Our neighbour Ray Green' stays a name)."""
    assert B.source_class("the Utah Republican") == "desc"
    assert B.source_class("The Democrat") == "desc"
    assert B.source_class("their neighbor Ray Green, 83,") == "name"
    text = "Rep. Tom Bell said the inquiry was ''overdue.'' ''We will act,'' the Utah Republican said."
    _, republican = _resolve(text, ("Tom Bell", "''overdue.''"), ("the Utah Republican", "''We will act,''"))
    assert republican == "Tom Bell"


def test_a_predicted_description_is_compared_by_its_head():
    """The gold side cuts 'a spokesman for the buyer' to its head ('a spokesman'); the
    prediction is cut the same way, so the same description matches itself."""
    assert B.speaker_ok("a spokesman for Bernie Sanders", "a spokesman")
    assert B.speaker_ok("A reporter for Agence France-Presse", B.source_head("A reporter for Agence France-Presse"))
    assert not B.speaker_ok("a spokesman for Bernie Sanders", "a reporter")
    assert B.speaker_ok("the Department of Justice", "Justice Department")
