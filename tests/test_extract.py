"""Quote extraction rules, one small invented news snippet per rule.

Every snippet is made up (people, places and events are fictional). Each test
asserts the concrete quotes, speakers, shapes and kinds the extractor must give.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotebot.articles import article_from_text
from quotebot.extract import extract_quotes, split_sentences
from quotebot.models import (
    FRAGMENT,
    ORGANISATION,
    PARAPHRASE,
    PERSON,
    SHAPE_ACCORDING,
    SHAPE_AFTER,
    SHAPE_BEFORE,
    SHAPE_COLON,
    SHAPE_CONTINUATION,
    SHAPE_FRAGMENT,
    SHAPE_INDIRECT,
    SHAPE_PRONOUN,
    STATEMENT,
)


def run(text: str, **kw):
    art = article_from_text("t", text)
    return art, extract_quotes(art, **kw)


def direct(text: str):
    return [q for q in run(text, paraphrase=False)[1]]


def one(text: str):
    qs = direct(text)
    assert len(qs) == 1, [(q.text, q.speaker) for q in qs]
    return qs[0]


# --- attribution shapes -----------------------------------------------------------------
def test_after_said_name_role():
    """'"…," said Name, role.' gives the name, the apposition as role, shape after."""
    q = one("“We will reopen the bridge by spring,” said Marta Kowalczyk, head of the Riverton "
            "transport board.")
    assert q.text == "We will reopen the bridge by spring"
    assert q.speaker == "Marta Kowalczyk"
    assert q.role == "head of the Riverton transport board"
    assert (q.shape, q.kind, q.verb, q.speaker_kind) == (SHAPE_AFTER, STATEMENT, "said", PERSON)


def test_after_name_said():
    """'"…," Name said.' is the other common order."""
    q = one("“The tunnel is safe,” Oskar Lindqvist said on Tuesday.")
    assert (q.text, q.speaker, q.shape) == ("The tunnel is safe", "Oskar Lindqvist", SHAPE_AFTER)


def test_before_name_said_colon():
    """'Name said: "…"' attributes the quote that follows."""
    q = one("Governor Alma Reyes said: “Nobody will lose their home.”")
    assert q.text == "Nobody will lose their home."
    assert (q.speaker, q.role, q.shape, q.kind) == ("Alma Reyes", "Governor", SHAPE_BEFORE, STATEMENT)


def test_before_name_role_said_that_fragment():
    """'Name, role, said that … "…"' attributes a quoted fragment to the subject."""
    q = one("Pavel Duric, a spokesman for the port authority, said that the strike was "
            "“entirely avoidable” and would end soon.")
    assert q.text == "entirely avoidable"
    assert (q.speaker, q.kind) == ("Pavel Duric", FRAGMENT)
    assert q.role == "spokesman for the port authority"


def test_fragment_verbs():
    """called it a "…" / described X as "…" / referred to X as "…" are fragment attributions."""
    qs = direct("Mayor Ines Albrecht called the budget a “dead letter.” Councillor Rui Tavares "
                "described the cuts as “reckless” and later referred to the plan as a "
                "“non-starter.”")
    got = [(q.text, q.speaker, q.shape, q.kind) for q in qs]
    assert got == [
        ("dead letter.", "Ines Albrecht", SHAPE_FRAGMENT, FRAGMENT),
        ("reckless", "Rui Tavares", SHAPE_FRAGMENT, FRAGMENT),
        ("non-starter.", "Rui Tavares", SHAPE_FRAGMENT, FRAGMENT),
    ]
    assert qs[0].verb == "called"


def test_participle_warning_colon():
    """'Name was downbeat, warning …: "…"' gives the sentence subject."""
    q = one("Deputy Minister Lev Arkhipov was downbeat, warning of consequences: “We see no "
            "understanding from the other side.”")
    assert (q.speaker, q.verb, q.kind) == ("Lev Arkhipov", "warning", STATEMENT)


def test_colon_without_speech_verb():
    """'Name was more specific in his choice of words: "…"' — the colon is the cue."""
    q = one("Finance Minister Ada Novak was more specific in her choice of words: “not this year.”")
    assert (q.text, q.speaker, q.shape, q.verb) == ("not this year.", "Ada Novak", SHAPE_COLON, ":")


def test_according_to():
    """'according to Name' before or after the quote."""
    qs = direct("“The reservoir is half empty,” according to hydrologist Chen Bao.\n\n"
                "According to Mayor Ines Albrecht, “the town will ration water.”")
    assert [(q.speaker, q.shape) for q in qs] == [("Chen Bao", SHAPE_ACCORDING),
                                                  ("Ines Albrecht", SHAPE_ACCORDING)]


def test_wrote_told_added_verbs():
    """A broad lexicon of speech verbs: wrote, told, added, tweeted …"""
    qs = direct("“The data are clear,” wrote Priya Raman in a blog post.\n\n"
                "“We are ready,” Tomas Berg told reporters.\n\n"
                "“It was a long night,” Selma Haddad tweeted.")
    assert [(q.speaker, q.verb) for q in qs] == [
        ("Priya Raman", "wrote"), ("Tomas Berg", "told"), ("Selma Haddad", "tweeted")]


# --- pronouns, descriptions, continuation ------------------------------------------------
def test_pronoun_resolves_to_recent_named_person():
    """'he said' resolves to the most recent compatible named person, shape pronoun."""
    _, qs = run("Harbour master Jonas Weber inspected the pier on Monday.\n\n"
                "“The timber is rotten,” he said.", paraphrase=False)
    assert [(q.speaker, q.shape) for q in qs] == [("Jonas Weber", SHAPE_PRONOUN)]


def test_pronoun_gender_skips_incompatible_person():
    """'she said' skips a more recent man and finds the woman."""
    qs = direct("Senator Helen Marsh met Governor Paul Odum on Friday.\n\n"
                "“We agreed on nothing,” she said.")
    assert qs[0].speaker == "Helen Marsh"


def test_description_resolves_to_role_holder():
    """'the Russian president said' resolves by role words, not just recency."""
    qs = direct("Ruritanian President Oleg Varga met U.S. President Dana Cole in Vienna.\n\n"
                "“No one listened to us before,” the Ruritanian president said.")
    assert qs[0].speaker == "Oleg Varga"
    assert qs[0].shape == SHAPE_PRONOUN


def test_continuation_paragraph():
    """A quote paragraph with no attribution continues the previous speaker."""
    qs = direct("“Prices will rise,” said economist Nadia Petrova.\n\n"
                "“There is no way around it.”\n\n"
                "The committee meets again in May.")
    assert [(q.text, q.speaker, q.shape) for q in qs] == [
        ("Prices will rise", "Nadia Petrova", SHAPE_AFTER),
        ("There is no way around it.", "Nadia Petrova", SHAPE_CONTINUATION),
    ]


def test_second_sentence_after_attribution_continues():
    """'"A," Name said. "B."' — B is the same speaker's."""
    qs = direct("“We lost,” Ravi Menon said. “But we will be back next year.”")
    assert [(q.text, q.speaker) for q in qs] == [("We lost", "Ravi Menon"),
                                                ("But we will be back next year.", "Ravi Menon")]
    assert qs[1].shape == SHAPE_CONTINUATION


# --- canonical names, roles, organisations -----------------------------------------------
def test_canonical_name_and_aliases():
    """Title + full name, surname and Mr + surname all map to the longest full name."""
    qs = direct("Ruritanian President Oleg Varga spoke first. “We are calm,” Mr Varga said.\n\n"
                "“Very calm,” Varga added.")
    assert {q.speaker for q in qs} == {"Oleg Varga"}
    assert qs[0].role == "Ruritanian President"
    assert set(qs[0].aliases) >= {"Varga"}


def test_organisation_speakers():
    """Governments, ministries and groups are organisations."""
    qs = direct("“The border stays open,” the Interior Ministry said.\n\n"
                "U.S. officials called the plan a “distraction.”")
    assert [(q.speaker, q.speaker_kind) for q in qs] == [
        ("Interior Ministry", ORGANISATION), ("U.S. officials", ORGANISATION)]


# --- not quotes ------------------------------------------------------------------------
def test_scare_quotes_are_not_extracted():
    """Short quoted words with no speech cue and no speaker are the writer's scare quotes."""
    assert direct("But this “escalation” looks like a tactic.") == []
    assert direct("Ruritania also sees the “harbour question” as a test of wills.") == []


def test_show_titles_are_not_quotes():
    """Title-case names of shows and books are not speech even after 'said … on'."""
    qs = direct("“We are on different tracks,” Dmitri Olsen said in an interview on WXN’s "
                "“Morning Harbour Hour” on Sunday.")
    assert [q.text for q in qs] == ["We are on different tracks"]


def test_apostrophes_are_not_quote_marks():
    """don’t, Ruritania’s, ’90s and the students’ union do not open or close quotes."""
    qs = direct("Ruritania’s leaders don’t agree. Since the ’90s the students’ union has grown. "
                "“It’s our turn,” said Ana Costa.")
    assert [(q.text, q.speaker) for q in qs] == [("It’s our turn", "Ana Costa")]


def test_single_quotes_nested_inside_doubles_stay_in_text():
    """Single marks inside a double-quoted quote are part of its text."""
    q = one("“He told me ‘never again’ and left,” said Lena Fischer.")
    assert q.text == "He told me ‘never again’ and left"


def test_single_quoted_headline_quote():
    """Headline style: 'Name: … ‘words’' or 'Name warns … ‘words’'."""
    qs = direct("Harbour board warns of ‘serious delays’ ahead of storm season\n\n"
                "The board met on Monday.")
    assert [(q.text, q.speaker) for q in qs] == [("serious delays", "Harbour board")]


def test_straight_double_quotes():
    """Straight " marks work like curly ones."""
    q = one('"The vote was fair," said election officer Bruno Salas.')
    assert (q.text, q.speaker) == ("The vote was fair", "Bruno Salas")


# --- long and broken quotes --------------------------------------------------------------
def test_multi_paragraph_quote_one_quote_per_paragraph():
    """Opening mark on each paragraph, closing only on the last: one quote per paragraph."""
    art, qs = run("Mayor Ines Albrecht said:\n\n“The first thing we will do is fix the roads.\n\n"
                  "“The second thing is the schools.”\n\nThe meeting ended at noon.", paraphrase=False)
    assert [q.text for q in qs] == ["The first thing we will do is fix the roads.",
                                    "The second thing is the schools."]
    assert {q.speaker for q in qs} == {"Ines Albrecht"}
    for q in qs:
        assert art.text[q.start:q.end] == q.text


def test_unclosed_quote_is_bounded_by_its_paragraph():
    """A missing closing mark never swallows the rest of the article."""
    art, qs = run("“The plan is dead and everyone knows it, Karl Jansen said.\n\n"
                  "The council adjourned. “We will appeal,” said Mira Holt.", paraphrase=False)
    assert [(q.text, q.speaker) for q in qs] == [
        ("The plan is dead and everyone knows it", "Karl Jansen"), ("We will appeal", "Mira Holt")]


def test_stray_closing_mark_does_not_break_later_quotes():
    """A stray closing mark is ignored."""
    qs = direct("The rally ended.” Later, “we won,” said Ana Costa.")
    assert [(q.text, q.speaker) for q in qs] == [("we won", "Ana Costa")]


# --- paraphrase ------------------------------------------------------------------------
def test_paraphrase_said_that():
    """'Name said that …' is reported speech, kind paraphrase, shape indirect."""
    _, qs = run("Ruritanian spokesman Ivo Marek said that the alliance is a tool of confrontation.")
    assert [(q.text, q.speaker, q.kind, q.shape) for q in qs] == [
        ("the alliance is a tool of confrontation", "Ivo Marek", PARAPHRASE, SHAPE_INDIRECT)]


def test_paraphrase_in_an_interview_and_went_on_to_say():
    """'said in an interview with X that …' and 'He went on to say that …'."""
    _, qs = run("Deputy Minister Lev Arkhipov said in an interview with Radio Nord that he cannot "
                "rule out new deployments. He went on to say that talks had failed.")
    assert [(q.text, q.speaker) for q in qs] == [
        ("he cannot rule out new deployments", "Lev Arkhipov"),
        ("talks had failed", "Lev Arkhipov")]


def test_paraphrase_can_be_switched_off():
    """paraphrase=False returns direct quotes only."""
    _, qs = run("Ivo Marek said that the alliance is a tool of confrontation.", paraphrase=False)
    assert qs == []


# --- fields and invariants ---------------------------------------------------------------
def test_sentence_and_paragraph_fields():
    """Each quote carries its paragraph index and the sentence holding it."""
    art, qs = run("Intro line here.\n\nThe vote is close. “We will win,” said Ana Costa. Polls open at eight.",
                  paraphrase=False)
    q = qs[0]
    assert q.paragraph == 1
    assert q.sentence == "“We will win,” said Ana Costa."


def test_split_sentences_keeps_abbreviations():
    """Mr., Sen., U.S. and initials do not end sentences."""
    text = "Sen. J. Doe met Mr. Smith in the U.S. Senate. They talked."
    spans = split_sentences(text)
    assert [text[a:b] for a, b in spans] == ["Sen. J. Doe met Mr. Smith in the U.S. Senate.", "They talked."]


def test_empty_and_odd_inputs_do_not_raise():
    """Empty text, only marks, odd Unicode: no exception, offsets valid."""
    for text in ["", " ", "“", "”“", "\"\"\"", "‘’‘’", "“\n\n”", "\u200b“x”\u202e", "’90s", "a" * 1000]:
        art, qs = run(text)
        for q in qs:
            assert art.text[q.start:q.end] == q.text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "“", "”", '"', "‘", "’", "'", " said ", " he said", "Ana Costa", "Mr Varga", ", ", ". ",
    "\n\n", "\n", "We won", " the minister ", ":", " according to ", "called it a ", "—", "x",
    "don’t", "U.S. officials", " that ", "''", "İ", "\u200b", "😀", "\t", "(", ")",
]), max_size=80).map("".join) | st.text(max_size=300))
def test_property_never_raises_offsets_exact_no_overlap(text):
    """For any input: no exception, text == article.text[start:end], quotes never overlap."""
    art = article_from_text("p", text)
    qs = extract_quotes(art)
    # the public function swallows errors as a last resort: the real pipeline must not raise
    from quotebot.extract import _extract
    assert [(q.start, q.end) for q in _extract(art, True)] == [(q.start, q.end) for q in qs]
    last_end = -1
    for q in sorted(qs, key=lambda q: q.start):
        assert art.text[q.start:q.end] == q.text
        assert q.text == q.text.strip() and q.text
        assert q.start >= last_end
        last_end = q.end


def test_lower_word_lookup_agrees_with_the_article_word_set():
    # _Entities.is_common_word looks one word up instead of building the set of
    # lower-case words; it must answer as the set would, or say it is unsure.
    import re

    from quotebot.extraction.names import lower_word_in as _lower_word_in

    text = ("The well-known audiences said it. X-known Audiences cheered; o’neil isn't here, "
            "_under score, 9lives, state-run media and a well-worn path. Über-fans came.\nend")
    words = set(re.findall(r"(?<![\w’'])[a-z][a-z\-]+", text))
    for w in {t.lower() for t in re.findall(r"[\w’'\-]+", text)} | {"known", "worn", "a", "-"}:
        got = _lower_word_in(text, w)
        if got is not None:
            assert got == (w in words), w
    assert _lower_word_in(text, "audiences") is True
    assert _lower_word_in(text, "known") is None  # after a hyphen: the caller builds the set
    assert _lower_word_in(text, "under") is False
    assert _lower_word_in(text, "über-fans") is False
