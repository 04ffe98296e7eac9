"""Each extraction stage on its own, on small hand-written snippets.

The end-to-end rules live in test_extract.py; these pin what one stage hands the next
(sentences and cue words, quote spans, subject phrases, entities, attribution frames,
resolved speakers), so a change inside a stage shows up where it happens.
"""

from __future__ import annotations

import pytest

from quotebot.articles import article_from_text
from quotebot.extract import extract_quotes
from quotebot.extraction import after_candidates, after_cues, candidates, cues, entities, names, paraphrase, resolve, spans
from quotebot.extraction import text as text_stage
from quotebot import lexicon
from quotebot.models import (
    ORGANISATION, PARAPHRASE, PERSON, SHAPE_AFTER, SHAPE_BEFORE, SHAPE_CONTINUATION, SHAPE_PRONOUN, STATEMENT,
)

STORY = (
    "Port deal\n\n"
    "Finance Minister Ada Holm said on Monday: “We will sign the deal.”\n\n"
    "“It is done,” said Holm, a former banker.\n\n"
    "“The first part.\n\n"
    "“The second part,” she added.\n\n"
    "He called the delay 'long' and spoke on NBC’s \"Meet the Press.\"\n"
)


def _spans(text: str):
    article = article_from_text("story", text)
    return article, spans.find_spans(article)


def _inner(text: str, span) -> str:
    return text[span.start:span.end]


# -- stage 1: text -------------------------------------------------------------------
def test_sentences_do_not_end_at_titles_initials_or_abbreviations():
    text = "Mr. Holm met Dr. J. Lee in the U.S. capital. Then he left! Why?"
    assert [text[a:b] for a, b in text_stage.split_sentences(text)] == [
        "Mr. Holm met Dr. J. Lee in the U.S. capital.", "Then he left!", "Why?"]


def test_cue_word_index_finds_multiword_frames_in_one_pass():
    text = "The deal, according to Holm, is done. As Holm put it: “Done.” She went on to say more."
    index = text_stage.WordIndex(text, {"said"})
    found = [(w.group(), text[w.start():w.end()]) for w in index.find(0, len(text), {"said"}, True, False)]
    assert found == [("according to", "according to"), ("put it", "put it"), ("went on to say", "went on to say")]
    # a window is a look-up: nothing outside it is returned
    assert [w.group() for w in index.find(0, 30, {"said"}, True, False)] == ["according to"]


# -- stage 2: quote spans ------------------------------------------------------------
def test_spans_pair_marks_and_leave_the_comma_outside():
    text = STORY
    _, found = _spans(text)
    inner = [_inner(text, s) for s in found]
    assert inner[:2] == ["We will sign the deal.", "It is done"]


def test_an_unclosed_mark_ends_with_its_paragraph_and_the_next_paragraph_continues_it():
    text = STORY
    _, found = _spans(text)
    first, second = (s for s in found if _inner(text, s).startswith("The "))
    assert first.close is None and _inner(text, first) == "The first part."
    assert second.chain_prev and _inner(text, second) == "The second part"


def test_single_marks_pair_but_apostrophes_do_not():
    text = "Story\n\nHolm’s aide said the delay was 'long' and didn't end.\n"
    _, found = _spans(text)
    assert [(_inner(text, s), s.single) for s in found] == [("long", True)]


def test_titles_of_works_are_not_speech():
    assert spans.is_title_case("Meet the Press")
    assert not spans.is_title_case("we will sign the deal")
    text = STORY
    _, found = _spans(text)
    show = next(s for s in found if _inner(text, s) == "Meet the Press.")
    assert spans.titled_work(text, show, _inner(text, show))


# -- stage 4: speaker candidates -----------------------------------------------------
def test_subject_before_a_cue_keeps_the_title_as_role():
    text = STORY
    lo = text.index("Finance")
    subj = candidates.subject_before(text, lo, text.index(" said on Monday"))
    assert (subj.phrase, subj.kind, subj.role) == ("Ada Holm", "name", "Finance Minister")


def test_subject_after_a_cue_takes_the_apposition_as_role():
    text = STORY
    subj = after_candidates.subject_after(text, text.index("said Holm") + len("said "), len(text))
    assert (subj.phrase, subj.kind, subj.role) == ("Holm", "name", "a former banker")


def test_pronouns_and_organisations_are_their_own_kinds():
    assert candidates.subject_before("x She said", 2, 5).kind == "pronoun"
    org = candidates.subject_before("x The ministry said", 2, len("x The ministry"))
    assert (org.phrase, org.kind) == ("The ministry", "org")


# -- stage 5: names, entities, resolution --------------------------------------------
def test_a_name_sequence_splits_into_role_and_name():
    words, role, name, honorific, canonical = names.analyse_name_seq("Finance Minister Ada Holm")
    assert (role, name, canonical) == (["Finance", "Minister"], ["Ada", "Holm"], "Ada Holm")
    assert names.key_tokens("Mr. Ada Holm Jr.") == ("ada", "holm")


def _entities(text: str):
    article, found = _spans(text)
    sentences = [s for p in article.paragraphs for s in text_stage.split_sentences(text, p.start, p.end)]
    ranges = sorted((s.open, (s.close + 1) if s.close is not None else s.end) for s in found)
    return article, found, entities.Entities(text, ranges, [a for a, _ in sentences])


def test_entities_merge_a_surname_into_the_full_name_with_its_role():
    _, _, ents = _entities(STORY)
    holm = [e for e in ents.ents if e.canonical == "Ada Holm"]
    assert len(holm) == 1 and "Holm" in holm[0].forms and holm[0].roles == ["Finance Minister"]


def test_a_pronoun_resolves_to_the_person_before_it_and_i_to_the_author():
    text = "Talks\n\nAda Holm arrived late. “We will sign,” she said.\n"
    article, found, ents = _entities(text)
    ents.author = "the author"
    subj, verb, shape = after_cues.try_after(text, found[0], article.paragraphs[1].end)
    assert (subj.phrase, verb, shape) == ("she", "said", SHAPE_PRONOUN)
    eid, _, kind = resolve.resolve_subject(ents, subj, subj.start, 0)
    assert ents.ents[eid].canonical == "Ada Holm" and kind == PERSON
    me = candidates.Subj(phrase="I", kind="pronoun", start=subj.start, end=subj.start + 1)
    assert resolve.resolve_subject(ents, me, subj.start, 0) == (None, "the author", PERSON)


# -- stage 3: cues -------------------------------------------------------------------
def test_cues_read_the_frame_on_either_side_of_a_span():
    text = STORY
    article, found = _spans(text)
    p = article.paragraphs
    before = cues.try_before(text, found[0], p[found[0].para].start)
    after = after_cues.try_after(text, found[1], p[found[1].para].end)
    assert (before[0].phrase, before[1], before[2]) == ("Ada Holm", "said", SHAPE_BEFORE)
    assert (after[0].phrase, after[1], after[2]) == ("Holm", "said", SHAPE_AFTER)
    assert after_cues.try_after(text, found[0], p[found[0].para].end) is None


# -- neighbours: chains, continuations, tail attributions ----------------------------
def test_a_quote_over_several_paragraphs_shares_the_speaker_of_its_attributed_part():
    text = "Talks\n\n“The first part.\n\n“The second part,” Ada Holm said.\n"
    article, found, ents = _entities(text)
    first, second = found
    assert second.chain_prev and first.shape is None
    second.speaker_raw, second.shape, second.verb = "Ada Holm", SHAPE_AFTER, "said"
    resolve.share_chains(found)
    assert (first.speaker_raw, first.shape, first.verb) == ("Ada Holm", SHAPE_CONTINUATION, "said")


def test_an_unattributed_statement_goes_on_in_the_voice_before_it_unless_someone_else_is_named():
    def carried(middle: str) -> str | None:
        text = f"Talks\n\n“We will sign,” Ada Holm said.{middle}\n\n“It is a good deal for everyone.”\n"
        article, found, ents = _entities(text)
        first, second = found
        first.speaker_raw, first.shape, first.verb = "Ada Holm", SHAPE_AFTER, "said"
        for sp in found:
            sp.sent_start = article.paragraphs[sp.para].start
            sp.kind = STATEMENT
        resolve.carry_speakers(text, article.paragraphs, ents, found)
        return second.speaker_raw if second.shape == SHAPE_CONTINUATION else None

    assert carried("") == "Ada Holm"
    assert carried(" Her rival, Ivo Marek, left the room.") is None


def test_a_sentence_that_ends_with_its_attribution_is_reported_speech_of_that_subject():
    text = "Talks\n\nAda Holm arrived late. The plan had failed badly last year, Holm said.\n"
    article, found, ents = _entities(text)
    sentences = [s for p in article.paragraphs for s in text_stage.split_sentences(text, p.start, p.end)]
    (tail,) = paraphrase.tail_attributions(text, ents, sentences)
    start, end, subj, verb = tail
    assert (text[start:end].strip(), subj.phrase, verb) == ("The plan had failed badly last year", "Holm", "said")
    # without keep, only the salience is recorded
    assert paraphrase.tail_attributions(text, ents, sentences, keep=False) == []


# -- paraphrase, through the whole pipeline ------------------------------------------
def test_reported_speech_becomes_a_paraphrase_of_its_subject():
    text = "Strike\n\nThe union said that the strike would go on until Friday.\n"
    (q,) = extract_quotes(article_from_text("strike", text))
    assert (q.text, q.speaker, q.kind, q.speaker_kind) == (
        "the strike would go on until Friday", "The union", PARAPHRASE, ORGANISATION)


def test_a_two_word_sentence_adverbial_does_not_hide_the_subject():
    """'his essay that in effect claimed': the adverbial sits between the subject and its
    verb as a time word would, so the document (and its author) is still found."""
    text = ("Essay\n\nVladimir Putin has long telegraphed his sense of loss. It culminated in his essay that "
            "in effect claimed Ukrainians and Russians were “one people.”\n")
    quotes = [q for q in extract_quotes(article_from_text("essay", text)) if q.kind != PARAPHRASE]
    assert [(q.text, q.speaker) for q in quotes] == [("one people.", "Vladimir Putin")]
    for seg, want in [("Officials have, of course, said", "Officials"), ("The officials in fact said", "The officials")]:
        subj = candidates.subject_before(seg, 0, seg.index(" said"))
        assert (subj.phrase, subj.kind) == (want, "org"), seg


def test_a_second_quote_joined_by_a_participle_keeps_the_first_quotes_speaker():
    """'… could be "messy," adding, "Democracy is messy."': the cue before the second quote
    has no subject of its own; the speaker of the quote before it in the sentence goes on.
    A first quote without a known person (the writer's scare quote) passes nobody on."""
    text = ("Talks\n\nBernie Sanders said the process could be “messy,” adding, “Democracy is messy.”\n\n"
            "The weather was “bad,” adding, “It will work.”\n")
    got = [(q.text, q.speaker, q.verb) for q in extract_quotes(article_from_text("talks", text))
           if q.kind != PARAPHRASE]
    assert ("Democracy is messy.", "Bernie Sanders", "adding") in got
    assert all(q != "It will work." for q, _, _ in got)


def _direct(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(article_from_text("story", text)) if q.kind != PARAPHRASE]


def test_a_relative_clause_speaks_for_the_name_before_its_who():
    """'… from Sen. Ada Holm, who declared, "…"': the name right before ', who' is the
    subject of the relative clause's verb, wherever it sits in its own clause; and the
    nearest relative clause owns the words quoted in it."""
    got = _direct("Vote\n\nThe bill won support from Sen. Ada Holm, who declared in the hall, "
                  "“It is time to unite.”\n\n"
                  "The loss was steep for Mr. Ivo Marek, who said he would get “some rest.”\n\n"
                  "Contrast that with Kim Farrow, who has called the pact “insanity,” and Ivo Marek, "
                  "who says it is “a disaster.”\n")
    assert ("It is time to unite.", "Ada Holm") in got
    assert ("some rest.", "Ivo Marek") in got
    assert ("insanity", "Kim Farrow") in got
    assert ("a disaster.", "Ivo Marek") in got
    # the main clause still owns words quoted in a report of someone else's speech
    assert _direct("Talk\n\nAda Holm said that everything Lee says is “just excuses.”\n") == [
        ("just excuses.", "Ada Holm")]


def test_it_with_a_speech_verb_is_the_organisation_or_document_before():
    """'“…,” it recommended.': "it" speaks for the organisation or document that the
    sentence before is about, or for the organisation quoted just before; after a sentence
    about a person, "it" is nobody."""
    got = _direct("Tax\n\nThe Business Council of Ruritania opposed an increase.\n\n"
                  "“Keep the tax where it is,” it recommended. “Review it later.”\n")
    assert got == [("Keep the tax where it is", "Business Council of Ruritania"),
                   ("Review it later.", "Business Council of Ruritania")]
    got = _direct("Shop\n\n“We are done,” the Acme Corporation said. “We will not return,” it added.\n")
    assert got[-1] == ("We will not return", "Acme Corporation")
    got = _direct("Memo\n\nThe memo seemed aimed at the critics.\n\nIt added: “Every witness was heard.”\n")
    assert got == [("Every witness was heard.", "The memo")]
    assert _direct("Walk\n\nAda Holm walked home late.\n\n“The rain stopped,” it said.\n") == []


def test_a_quote_paragraph_goes_on_from_reported_speech_in_the_paragraph_before():
    """A paragraph that is one quote, after a paragraph whose last sentence has a person
    report something ('Then Holm said the port would open.'), is that person's; after a
    sentence in which nobody speaks it stays unattributed."""
    got = _direct("Port\n\nTalks went on for a week. Then Ada Holm said the port would open in May.\n\n"
                  "“That adds up to two years of work.”\n")
    assert got == [("That adds up to two years of work.", "Ada Holm")]
    assert _direct("Port\n\nTalks went on for a week. Then Ada Holm walked to the port.\n\n"
                   "“That adds up to two years of work.”\n") == []
    got = _direct("Essay\n\n“It is fine,” said Raffaello Pantucci, director of studies at the Royal Institute "
                  "of Maritime Affairs in London, “but it is increasingly hard.”\n")
    assert got == [("It is fine", "Raffaello Pantucci"), ("but it is increasingly hard.", "Raffaello Pantucci")]


# -- stage 5c: pronoun antecedents ------------------------------------------------------
def test_a_pronoun_takes_the_best_scoring_person_and_the_features_say_why():
    """The choice is a weighted sum a reader can inspect: a speaker or sentence subject
    beats a person merely mentioned a little nearer; much nearer, the mention wins."""
    from quotebot.extraction import antecedents

    text = ("Talks\n\nAda Holm said the port would open. She met Ivo Marek and Kim Farrow.\n\n"
            "“It is done,” she said.\n")
    antecedents.TRACE = []
    try:
        quotes = extract_quotes(article_from_text("talks", text))
        trace = list(antecedents.TRACE)
    finally:
        antecedents.TRACE = None
    assert [(q.text, q.speaker) for q in quotes if q.kind != PARAPHRASE] == [("It is done", "Ada Holm")]
    pos, cands = next((p, c) for p, c in trace if text[p:p + 3] == "she")
    best = max(cands, key=lambda c: c.score)
    assert best.features["salient"] == 1.0 and best.score == antecedents.score(best.features)
    assert all(c.score <= best.score for c in cands)
    # the walk's bound never undercuts a real score: nothing farther can beat it
    for c in cands:
        assert c.score <= antecedents.best_possible(int(100 * (2 ** c.features["distance"] - 1)) - 1,
                                                    int(c.features["rank"])) + 1e-9
    # a nearer plain mention wins only when the weights say distance outweighs salience
    near = antecedents.features(salient=False, speaker=False, last_speaker=False, gender_known=False,
                                distance=20, rank=0, paragraph=True)
    far = antecedents.features(salient=True, speaker=False, last_speaker=False, gender_known=False,
                               distance=300, rank=1, paragraph=False)
    assert antecedents.score(far) > antecedents.score(near)
    assert antecedents.score(far, {"distance": -3.0, "salient": 2.0}) < antecedents.score(near, {"distance": -3.0})


def test_a_group_speaks_for_its_range_and_they_for_the_group_before():
    """'Officials from A to B have said': the group the range spans speaks, not B. 'They'
    in the sentence after 'officials say …' is those officials, even for words quoted in
    a sentence with no speech verb; after a sentence about no group, nobody's."""
    got = _direct("Talks\n\nU.S. officials from the president and Ada Holm to chief negotiator Ivo Marek "
                  "have said it is the other side that faces a “hard choice”.\n")
    assert got == [("hard choice", "U.S. officials")]
    got = _direct("Talks\n\nBut in Ruritania, officials say the shoe is on the other foot. They have put "
                  "forward their demands as an “absolute imperative” for any deal.\n")
    assert got == [("absolute imperative", "officials")]
    assert _direct("Talks\n\nThe weather was cold. They have put forward their demands as an "
                   "“absolute imperative” for any deal.\n") == []


def test_pointed_out_and_from_colon_are_cues():
    """'As Name pointed out, "…"' (and the other phrasal speech verbs: 'shot back', 'fired
    back', 'chimed in') and 'More from Name: "…"' / 'From the report: "…"' name
    the source; 'pointed at' does not speak, and 'was from Mexico:' names no source."""
    got = _direct("Panel\n\nAs analyst Ada Holm pointed out in December, “The delegates will meet first.”\n\n"
                  "“It is late,” Ivo Marek pointed out.\n\n"
                  "What it means - More from Kim Farrow: “The state is a starting point.”\n\n"
                  "Panels vary. From the report: “Samples with more weighting do better.”\n")
    assert got == [("The delegates will meet first.", "Ada Holm"), ("It is late", "Ivo Marek"),
                   ("The state is a starting point.", "Kim Farrow"),
                   ("Samples with more weighting do better.", "the report")]
    assert _direct("Trip\n\nThe visitor was from Ruritania: “The judge is fine.”\n") == []
    assert _direct("Reply\n\nIvo Marek shot back, “The minister called them out.”\n") == [
        ("The minister called them out.", "Ivo Marek")]
    assert text_stage.find_words("He shot a video and pointed outward.", 0, 36, lexicon.SPEECH_VERBS) == []


def test_a_person_named_by_what_they_do_speaks():
    """'the moderator said', 'a local investor said': a determiner and an agent noun (-er,
    -or, -ist, -ian) are a speaker even when no role list knows the noun; an adjective
    ('a subsequent tweet') or an object before a participle ('a cover saying') is not."""
    got = _direct("Debate\n\n“There have been cases,” the moderator said. “As you know, the director spoke.”\n\n"
                  "“Prices will rise,” a local investor said.\n")
    assert got == [("There have been cases", "the moderator"), ("As you know, the director spoke.", "the moderator"),
                   ("Prices will rise", "a local investor")]
    for seg in ("In a subsequent tweet", "The paper ran a cover saying"):
        verb = seg.rsplit(" ", 1)[0]
        subj = candidates.subject_before(seg, 0, len(verb))
        assert subj is None or subj.phrase not in ("a subsequent", "a cover"), seg


def test_an_introduction_with_a_year_is_not_the_subject():
    """'Back in 1999, Mr. Lee …, telling CNBC: "…"': the introduction is skipped, year and all."""
    assert _direct("Then\n\nBack in 1999, Mr. Ivo Marek praised the plan, telling a newspaper: "
                   "“I wish I could be like that.”\n") == [("I wish I could be like that.", "Ivo Marek")]


def test_the_object_of_a_participle_after_a_quote_is_its_listener():
    """'… did not want to address "that person," telling Fox 35 that …': Fox 35 is told,
    it does not speak."""
    got = _direct("Reply\n\nThe Ruritania Foundation did not want to address “that person,” telling "
                  "Channel 35 that it was busy.\n")
    assert all(speaker != "Channel" and not (speaker or "").startswith("Channel") for _, speaker in got)


def test_an_active_naming_verb_right_before_a_fragment_attributes_it():
    """'under what Mr. Hedge called "the prior model," the club …': the naming verb right
    before the words wins over the clause after them; a passive ('could be termed') does not."""
    assert _direct("Golf\n\nIn 2009, under what Mr. Ivo Hedge called “the prior economy model,” the "
                   "Marsh Landing Country Club let nonmembers play.\n") == [("the prior economy model", "Ivo Hedge")]


def test_a_plural_possessive_before_a_verb_form_makes_it_a_noun():
    """'impressed with Sanders’ comments Tuesday, telling reporters, "…"': 'comments' after a
    possessive in s’ is a noun, so the sentence's subject speaks, not Sanders."""
    assert _direct("Flint\n\nJeff Weaver did not seem impressed with Sanders’ comments Tuesday, telling "
                   "reporters, “A lot of people said the governor should step down.”\n") == [
        ("A lot of people said the governor should step down.", "Jeff Weaver")]


# -- stage 3b: frames in order ------------------------------------------------------------
def test_the_frames_are_tried_in_their_declared_order():
    """The order of attribution frames is data (frames.FRAMES): a headline's lead name for the
    words after its colon, then the words around the quote, then "it", the paragraph,
    sentence or headline before, then a quote before in the same sentence. The first frame
    that answers wins."""
    from quotebot.extraction import frames

    assert [f.__name__ for f in frames.FRAMES] == [
        "headline_lead", "around_quote", "it_speaks", "colon_paragraph_before", "signature_below",
        "sentence_before", "paragraph_before", "headline", "participle_goes_on"]
    text = "Talks\n\nAda Holm said the port could be “messy,” adding, “Democracy is messy.”\n"
    article = article_from_text("talks", text)
    found = spans.find_spans(article)
    assert frames.around_quote(frames.SpanContext(
        text, article.paragraphs, None, [], lambda pos, lo: lo, found[1], found[0], True,
        article.paragraphs[1].start, found[0].close + 1, found[0].close + 1, None)) is None
    got = [(q.text, q.speaker, q.verb) for q in extract_quotes(article) if q.kind != PARAPHRASE]
    assert ("Democracy is messy.", "Ada Holm", "adding") in got


def test_a_focus_adverb_before_the_subject_keeps_it_the_subject():
    """'And even Barack Obama tried …, noting that he'd demur. "…," he said.': "even" does not
    stop Obama being the sentence's subject, so "he" is Obama, not the person before."""
    got = _direct("Summit\n\nEnrique Peña Nieto spoke first. And even Barack Obama tried to help them off the "
                  "hook, noting that he would demur too.\n\n“It is not my job to comment,” he said.\n")
    assert got == [("It is not my job to comment", "Barack Obama")]


def test_a_capital_that_only_opens_a_headline_or_sentence_is_not_part_of_the_name():
    """'Understated Marek raises his profile' over a body that says 'Ivo Marek' and never
    'Understated Marek'; 'Debating Holm's record' opening the article: the speaker is the
    person, without the headline's word. A name mid-sentence that ends in -ing stays whole."""
    got = _direct("Understated Marek raises his profile\n\nLabour Secretary Ivo Marek moved to the back row.\n\n"
                  "“I just do my day job,” Marek said.\n")
    assert got == [("I just do my day job", "Ivo Marek")]
    got = _direct("Filing\n\nThe letter went to the U.S. attorney, Channing D. Phillips, on Monday.\n\n"
                  "“We will review it,” Phillips said.\n")
    assert got == [("We will review it", "Channing D. Phillips")]


def test_a_participle_phrase_opening_the_sentence_is_not_its_subject():
    """'Preceded at the lectern by …, Trump launched …': the participle is no name."""
    subj = after_candidates.sentence_subject("Preceded at the lectern by the sheriff, Ivo Marek began.", 0, 56)
    assert subj is not None and subj.phrase == "Ivo Marek"
    assert after_candidates.sentence_subject("Ahmed said no.", 0, 14).phrase == "Ahmed"


def test_a_role_read_across_a_sentence_end_keeps_only_the_last_sentence():
    assert names.clean_role("man calling himself Paul Paul. Another user") == "Another user"
    assert names.clean_role("the former U.S. Sen. from Ohio") == "former U.S. Sen. from Ohio"


def test_a_manner_adverb_between_subject_and_verb_keeps_the_subject():
    """'Trump jokingly said, "…"': any lower-case -ly adverb sits between subject and verb as
    "later" does; a noun in -ly ('The family said') is still the subject."""
    assert _direct("Rally\n\nIvo Marek jokingly said, “I am becoming mainstream.”\n") == [
        ("I am becoming mainstream.", "Ivo Marek")]
    subj = candidates.subject_before("Ada Holm emphatically said", 0, 22)
    assert subj is not None and subj.phrase == "Ada Holm"
    assert text_stage.adjunct_tail("Ada Holm flatly").group().strip() == "flatly"
    assert text_stage.adjunct_tail("the union's rally") is None
    assert text_stage.adjunct_tail("Rep. Kelly") is None


def test_a_conjunction_opening_the_sentence_does_not_hide_an_apposed_subject():
    """'But Sen. Ada Holm, noting the size of the crowd, said, "…"': "But" opens the clause
    as it would a bare 'But Holm said'; the name before the apposition speaks."""
    for seg, role in [("But Sen. Ada Holm, noting the size of the crowd, said", "Sen."),
                      ("And Ada Holm, a senator, said", "a senator")]:
        subj = candidates.subject_before(seg, 0, seg.rindex(" said"))
        assert subj is not None and (subj.phrase, subj.role) == ("Ada Holm", role), seg
    assert _direct("Vote\n\nBut Sen. Ada Holm, noting the size of the crowd, said, “He has a heck of a list.”\n") == [
        ("He has a heck of a list.", "Ada Holm")]


def test_a_verb_inside_an_introductory_phrase_does_not_attribute_a_fragment():
    """'Despite the perceived media attacks, Carson said that "…"': "attacks" sits in the
    prepositional phrase opening the sentence; the main clause's verb and subject attribute."""
    got = _direct("Carson\n\nDespite the perceived media attacks, Ben Carson said that “those who know me "
                  "know that I am honest.”\n")
    assert got == [("those who know me know that I am honest.", "Ben Carson")]


def test_an_inverted_attribution_may_name_its_speaker_by_a_description():
    """'"…," said the agency' and '"…," said the second official': a determiner's lower-case
    words up to the head are the subject; whether they describe a speaker is phrase_kind's call."""
    for seg, want, kind in [("the agency, which fell short.", "the agency", "org"),
                            ("the second official.", "the second official", "desc")]:
        subj = after_candidates.subject_after(seg, 0, len(seg))
        assert subj is not None and (subj.phrase, subj.kind) == (want, kind), seg
    assert after_candidates.subject_after("the day before.", 0, 15) is None
    got = _direct("Files\n\n“We have worked diligently to meet the goal,” said the agency, which fell short.\n")
    assert got == [("We have worked diligently to meet the goal", "the agency")]


def test_the_object_of_told_is_its_listener_and_an_apposed_noun_leads_to_the_name():
    """'"…," the assailant, John McGraw, told the program': "told" is never inverted, so the
    program is no speaker; "the assailant," is an apposition of the name after it."""
    got = _direct("Rally\n\n“He deserved it,” the assailant, John McGraw, told the program after the rally.\n")
    assert got == [("He deserved it", "John McGraw")]
    got = _direct("Rally\n\nThe crowd had “wanted a fight,” the organiser, Ada Holm, told a newspaper.\n")
    assert got == [("wanted a fight", "Ada Holm")]


def test_a_double_mark_quote_that_ends_on_an_inner_quote_closes_both():
    """'''… on 'Fox and Friends,''' said Vietor': in the '' style the inner single mark
    closes first, then the double one, and the attribution after them is found."""
    got = _direct("Fox\n\n''I remember when it appeared on 'Fox and Friends,''' said Tommy Vietor, a former "
                  "spokesman.\n")
    assert len(got) == 1 and got[0][1] == "Tommy Vietor" and got[0][0].startswith("I remember when it appeared on 'Fox")
    article, found = _spans("Fox\n\n''He said: 'Hey, he is for real,''' Ada Holm said.\n")
    assert [_inner(article.text, s) for s in found][0].startswith("He said: 'Hey, he is for real")


def test_a_speech_verb_right_before_the_words_says_them():
    """'when Vance said it was late, a man yelled "…"': the verb right before the words
    speaks them, not the sentence's first speech verb; a hypothetical one ('will say') does not."""
    got = _direct("Rally\n\nSome booed, and when Ivo Vance said it was late, a man yelled “Go home!”\n\n"
                  "Holding signs calling Vance “a fraud,” the protesters chanted “Not our mayor.”\n\n"
                  "Mayor Ada Holm said she expected that voters will say “no” to the plan.\n")
    assert ("Go home!", "a man") in got
    assert ("Not our mayor.", "the protesters") in got
    assert ("no", "Ada Holm") in got


def test_a_role_adjective_never_ends_a_subject():
    """'Trump then appears …, saying': 'then' qualifies a role that never came, so the
    subject is the name alone."""
    subj = after_candidates.subject_after("Holm then appears in a clip", 0, 27)
    assert (subj.phrase, subj.kind) == ("Holm", "name")
    got = _direct("Ad\n\nAda Holm then appears in a clip from a speech, saying, “We will win this.”\n")
    assert got == [("We will win this.", "Ada Holm")]


def test_an_inverted_description_runs_to_its_head_noun():
    """'said a former senior law enforcement official' is one description; 'said the
    base chief known as Bob' ends at its head."""
    text = "a former senior law enforcement official. Then"
    assert after_candidates.subject_after(text, 0, len(text)).phrase == "a former senior law enforcement official"
    text = "the base chief known as Bob, speaking publicly"
    assert after_candidates.subject_after(text, 0, len(text)).phrase == "the base chief"


def test_people_named_in_an_opening_phrase_are_not_the_description_after_it():
    """'Speaking with Joe Ray and Ada Holm, the senator said': the names are the phrase's
    objects; with a comma after the description it is an apposition of the name."""
    got = _direct("Talk\n\nSen. Ivo Marek spoke on Monday.\n\n"
                  "Speaking with hosts Joe Ray and Ada Holm, the senator said, “I did not know him.”\n")
    assert got == [("I did not know him.", "Ivo Marek")]
    got = _direct("Talk\n\nAda Holm, the host, said, “I did not know him.”\n")
    assert got == [("I did not know him.", "Ada Holm")]


def test_a_description_matches_a_role_by_whole_words():
    """'the president' is not the person whose role is 'presidential candidate'."""
    got = _direct("Talk\n\nPresidential candidate Ada Holm spoke first. President Ivo Marek spoke next.\n\n"
                  "Holm left early. “We got a mandate,” the president said.\n")
    assert got == [("We got a mandate", "Ivo Marek")]


def test_an_apposition_missing_its_closing_comma_still_names_the_person():
    """'Ada Holm, president and CEO of the Rail Association stated': the organisation
    belongs to her role; she speaks."""
    got = _direct("Rail\n\nAda Holm, president and CEO of Rail Workers Association stated, “It is a math problem.”\n")
    assert got == [("It is a math problem.", "Ada Holm")]
    text = "Ada Holm, president and CEO of Rail Workers Association stated"
    subj = candidates.subject_before(text, 0, text.index(" stated"))
    assert (subj.phrase, subj.role) == ("Ada Holm", "president and CEO of Rail Workers Association")


def test_a_possessive_description_is_not_its_owner():
    """'the group's chairman', 'the paper's editorial board', 'Holm's campaign manager':
    the words are the description's, never the owner's (nor, for a thing's, whoever was
    salient); a possessive's role words lead up to a name ('Holm's top policy aide Ivo Marek')."""
    got = _direct("Race\n\nAda Holm spoke on Monday.\n\n"
                  "“We will win,” said Holm's campaign manager.\n\n"
                  "“He is selling fiction,” the paper's editorial board wrote.\n\n"
                  "“It is over,” said Holm's top policy aide Ivo Marek.\n")
    assert got == [("We will win", "Holm's campaign manager"),
                   ("He is selling fiction", "the paper's editorial board"),
                   ("It is over", "Ivo Marek")]


def test_an_unnamed_spokesperson_for_an_organisation_is_a_person():
    """'said a spokeswoman for the House Rules Committee': an unnamed person whom the
    organisation describes; 'the committee said' stays the organisation."""
    got = _direct("Law\n\n“The text says nothing of the kind,” said a spokeswoman for the House Rules Committee.\n")
    assert got == [("The text says nothing of the kind", "a spokeswoman for the House Rules Committee")]


def test_unnamed_and_loosely_punctuated_subjects():
    """'Another child responded', 'reads a Wednesday editorial', and a relative clause
    missing its closing comma ('Ada Holm, who is chair of the Rail PAC said')."""
    got = _direct("Notes\n\nA boy asked who he was. Another child responded, “That is her husband.”\n\n"
                  "“The mayor has no spine,” reads a Wednesday editorial in The Daily Ledger.\n\n"
                  "“This ad raises questions,” Ada Holm, who is chair of the Rail PAC said.\n")
    assert got == [("That is her husband.", "Another child"),
                   ("The mayor has no spine", "a Wednesday editorial"),
                   ("This ad raises questions", "Ada Holm")]


def test_a_party_tag_does_not_end_the_clause_before_a_participle():
    """'…," said Rep. Ada Holm (D-Va.) at the time, adding that "…"': the tag's period is
    no sentence end, so the inverted attribution's subject goes on speaking."""
    got = _direct("Vote\n\n“It is not new,” said Rep. Ada Holm (D-Va.) at the time, adding that “we have done it.”\n")
    assert got == [("It is not new", "Ada Holm"), ("we have done it.", "Ada Holm")]


def test_a_sentence_opened_by_said_or_by_a_participle():
    """'Said Ada Holm, who grew up here, "…"' is an inverted attribution; a sentence that is
    only 'Adding, "…"' goes on with the speaker before; a verb inside a clause that follows
    a short opening phrase ('Later, after the talk ended, Holm stated …') attributes nothing."""
    got = _direct("Town\n\nThe house is a museum now. Said Ada Holm, who grew up nearby, “We were so proud.”\n\n"
                  "Later, after the talk concluded, Ivo Marek stated that the plan “was not good.” "
                  "Adding, “It never is that bad.”\n")
    assert got == [("We were so proud.", "Ada Holm"), ("was not good.", "Ivo Marek"),
                   ("It never is that bad.", "Ivo Marek")]


def test_the_person_a_description_serves_is_not_its_speaker():
    """'said a longtime adviser to Holm', 'the former top aide to President Ada Holm',
    'A spokeswoman for Holm said': the words are the aide's, never Holm's; with a name
    before it the description is that person's role ('Ivo Marek, a former aide to
    President Ada Holm has written')."""
    got = _direct("Race\n\nPresident Ada Holm spoke on Monday.\n\n"
                  "“He does not know the new media,” said a longtime adviser to Holm.\n\n"
                  "“We went the other way,” said the former top aide to President Ada Holm.\n")
    assert [s for _t, s in got] == ["a longtime adviser to Holm", "the former top aide to President Ada Holm"]
    text = "Ivo Marek, a former aide to President Ada Holm has written"
    subj = candidates.subject_before(text, 0, text.index(" has"))
    assert (subj.phrase, subj.role) == ("Ivo Marek", "a former aide to President Ada Holm")


def test_he_after_an_unnamed_speaker_is_that_speaker():
    """'A reporter for AFP called it "chaos." "We saw people hit," he said.': the unnamed
    reporter goes on, not the man named before; a name in between breaks it."""
    got = _direct("Attack\n\nIvo Marek drove the truck. A reporter for the Daily Ledger called it “absolute chaos.” "
                  "“We saw people hit,” he said.\n")
    assert got[-1] == ("We saw people hit", "A reporter for the Daily Ledger")
    got = _direct("Attack\n\nIvo Marek drove the truck. A reporter for the Daily Ledger called it “absolute chaos.” "
                  "Police later named Marek. “We saw people hit,” he said.\n")
    assert got[-1] == ("We saw people hit", "Ivo Marek")


def test_the_one_asked_is_not_the_one_who_speaks():
    """'Holm was asked, "…"' is not Holm's; 'was asked by host Ivo Marek' is the host's;
    'emailed supporters saying: "…"' is the sender's; a mixed-case dateline ('Washington
    (AFP) – ') opens no subject."""
    got = _direct("Talk\n\nIn an interview, Ada Holm was asked, “What is the most dangerous place?”\n\n"
                  "Later Holm was asked by host Ivo Marek, “Would you run again?”\n")
    assert got == [("Would you run again?", "Ivo Marek")]
    got = _direct("Race\n\nThe senator, Ada Holm, lost. The senator emailed supporters saying: “The struggle continues.”\n\n"
                  "Washington (AFP) – Democrat Ivo Marek took a swipe at the plan, saying that “bombastic comments” hurt.\n")
    assert got == [("The struggle continues.", "Ada Holm"), ("bombastic comments", "Ivo Marek")]


def test_the_verb_of_an_attribution_is_not_its_relative_clauses():
    """'…," one resident, who asked not to be named, told the BBC': the verb is 'told'."""
    art = article_from_text("story", "Flood\n\n“We have been betrayed,” one resident, who asked not to be named, told the BBC.\n")
    assert [(q.speaker, q.verb) for q in extract_quotes(art)] == [("one resident", "told")]


def test_a_month_after_a_first_name_or_title_is_a_surname():
    """'Theresa May', 'Mrs. May', 'columnist Ai Jun' are people; 'in May' stays a month."""
    got = _direct("Vote\n\nPrime Minister Theresa May spoke on Tuesday. Parliament votes in May.\n\n"
                  "“We will deliver,” May said. “It will work,” Mrs. May told reporters in June.\n\n"
                  "“It is a gamble,” columnist Ai Jun wrote in the paper.\n")
    assert got == [("We will deliver", "Theresa May"), ("It will work", "Theresa May"), ("It is a gamble", "Ai Jun")]
    art = article_from_text("story", "Vote\n\nIn May, the party met. “We will win,” said Ada Holm in May.\n")
    assert [q.speaker for q in extract_quotes(art)] == ["Ada Holm"]


def test_a_modal_is_not_part_of_the_subject():
    """'a spokesman for Ada Holm could only quip: "…"': the spokesman, without 'could'."""
    art = article_from_text("story", "Dates\n\nThe date was so odd that a spokesman for Ada Holm could only quip: "
                            "“I guess the holiday was booked.”\n")
    assert [q.speaker for q in extract_quotes(art)] == ["a spokesman for Ada Holm"]


# One attribution rule per row: a snippet, and the direct quotes with the speakers it must give.
RULE_SNIPPETS = [
    # a document someone issues speaks for them ('according to a statement from the ministry')
    pytest.param("Flights\n\nAccording to a statement from the ministry, “all flights are suspended.”\n\n"
                 "“We regret it,” said a letter by Ada Holm.\n",
                 [("all flights are suspended.", "the ministry"), ("We regret it", "Ada Holm")],
                 id="a document from someone speaks for its issuer"),
    # 'Watch' after a capital is a name's last word, not a verb
    pytest.param("Emails\n\n“The emails were hidden for years,” said Rights Watch President Tom Fitton.\n",
                 [("The emails were hidden for years", "Tom Fitton")],
                 id="an organisation word after a capital stays in the name"),
    # clauses with their own subject are no openers like "Earlier this week, …"
    pytest.param("Course\n\nAda Holm shared a syllabus on Sunday, writing “Here is the class you said never existed.”\n\n"
                 "Ivo Marek, an aide, was asked about it. He responds, “Yes, but happy to discuss it.”\n\n"
                 "Earlier this week, Marek told reporters, “We will not apologise.”\n",
                 [("Here is the class you said never existed.", "Ada Holm"),
                  ("Yes, but happy to discuss it.", "Ivo Marek"), ("We will not apologise.", "Ivo Marek")],
                 id="a clause is no opening phrase"),
    pytest.param("Memory\n\nHistorians agree (Ada Holm, who coined the term, once said, “It happened many times.”) "
                 "Others do not.\n",
                 [("It happened many times.", "Ada Holm")],
                 id="a parenthesis opens a subject"),
    pytest.param("Rules\n\nBut a few days later, Ada Holm reversed herself, telling reporters that the rules "
                 "“are set and will stay that way.”\n",
                 [("are set and will stay that way.", "Ada Holm")],
                 id="a conjunction and a time open a sentence"),
    pytest.param("Paper\n\n“He needs to stop,” the conservative-leaning newspaper wrote.\n\n"
                 "“We regret it,” said the Texas-based company.\n",
                 [("He needs to stop", "the conservative-leaning newspaper"), ("We regret it", "Texas-based company")],
                 id="a hyphenated modifier stays in a description"),
    # "al-Assad" is one name, and "Assad" later the same person
    pytest.param("Syria\n\nPresident Bashar al-Assad spoke on Tuesday. “We will fight,” Assad said.\n\n"
                 "“No,” said Bashar al-Assad.\n",
                 [("We will fight", "Bashar al-Assad"), ("No", "Bashar al-Assad")],
                 id="an Arabic article belongs to the surname"),
    # a quote standing alone before another sentence's attribution does not join it
    pytest.param("Guns\n\nGuns are “the ultimate crisis” and “stunt children’s growth,” Ada Holm proclaimed.\n\n"
                 "The bill is “dead.” “We will try again,” Ivo Marek said.\n",
                 [("the ultimate crisis", "Ada Holm"), ("stunt children’s growth", "Ada Holm"),
                  ("We will try again", "Ivo Marek")],
                 id="quotes joined by and share the attribution after them"),
    # the issuer speaks, however the document is described
    pytest.param("Ads\n\nSen. Ada Holm is releasing a new 30-second ad that urges voters to “send a message” to banks.\n\n"
                 "Ivo Marek released a marketing video that said, “Our teachers are terrific.”\n",
                 [("send a message", "Ada Holm"), ("Our teachers are terrific.", "Ivo Marek")],
                 id="a document someone releases speaks for them"),
    pytest.param("Debate\n\nAda Holm suggested that anyone who dodges questions cannot lead, while Ivo Marek said "
                 "that the “stakes are too high” for the rival.\n",
                 [("stakes are too high", "Ivo Marek")],
                 id="a that-clause belongs to the verb right before it"),
    # a role noun after a courtesy title is a surname; "Mr. President" stays an office
    pytest.param("Books\n\nThe New Yorker writer Mark Singer met Ivo Marek in 1997.\n\n"
                 "''People remembered this piece,'' Mr. Singer said. ''It was fun,'' Dr. King said.\n",
                 [("People remembered this piece", "Mark Singer"), ("It was fun", "King")],
                 id="a role noun after Mr. is a surname"),
    # "counsel" in a role is no speech verb
    pytest.param("Suit\n\nAttorney General Ivo Marek sued the company.\n\nAda Holm, the general counsel for the "
                 "company, said in a statement that the claims had \"no substance.\"\n",
                 [("no substance.", "Ada Holm")],
                 id="counsel in a role is a noun"),
    # a participle with its agent ('highlighted by') has no speaker before it; 'responded by saying' does
    pytest.param("Race\n\nSunday, on the “Morning Show,” while commenting on the divide in Ruritania highlighted by the shootings, Governor Ada Holm "
                 "said the rival is “trying to campaign as a healer.”\n\n"
                 "An official responded by saying the country should be careful “not to interfere.”\n",
                 [("trying to campaign as a healer.", "Ada Holm"), ("not to interfere.", "An official")],
                 id="a participle before 'by' is passive"),
    # a quoted title opening a sentence is no subject, and the period of "Mr." ends no
    # sentence between a speech verb and the words it quotes
    pytest.param("Peace\n\nIn his new book, ''Doomed to Fail,'' and in an interview, Mr. Ross said Mr. Marek had "
                 "ended a policy of allowing ''no daylight'' between them.\n",
                 [("no daylight", "Ross")],
                 id="a quoted title is no subject; an abbreviation ends no sentence"),
    # "in Ames, Iowa, on Sunday," belongs to the opening phrase
    pytest.param("Trip\n\nAt a campaign event in Ames, Iowa, on Sunday, Mrs. Holm tried to expand on her remarks, "
                 "saying that the country should ''be rallying our partners.''\n",
                 [("be rallying our partners.", "Holm")],
                 id="a place and a day in the opening phrase"),
    # a speech verb right before "the" + quote owns the quote, not a verb further back
    pytest.param("Cash\n\nRuritania has been warning that it is running out of cash, and Ada Acosta said the "
                 "''extraordinary measures'' she used would end.\n",
                 [("extraordinary measures", "Ada Acosta")],
                 id="said the + quote"),
    # a time opening the sentence ("Just a few months ago,") leaves its subject salient, and an
    # occupation before a name ("developer") is a role
    pytest.param("Donors\n\n\"It is unifying,\" said Ivo Marek, a co-chair.\n\n"
                 "Just a few months ago, Florida developer Mel Holm expressed dismay at the idea. "
                 "\"I kept telling myself that won't happen,\" he told a newspaper.\n",
                 [("It is unifying", "Ivo Marek"), ("I kept telling myself that won't happen", "Mel Holm")],
                 id="a time opener and an occupation"),
    # a possessive description in apposition to a name: the name speaks
    pytest.param("Data\n\n“It was a big purchase,” said firm president Ivo Marek.\n\n"
                 "In October, Holm’s state director, Ada Vance, reached out to the firm, writing in an email: "
                 "“We want to use this.”\n\n“We are ahead,” Holm’s deputy campaign manager, Kim Farrow, said.\n",
                 [("It was a big purchase", "Ivo Marek"), ("We want to use this.", "Ada Vance"),
                  ("We are ahead", "Kim Farrow")],
                 id="a possessive description apposed to a name"),
    # after a quote ending in a comma, a subject and a past-tense verb closing the clause
    # attribute it, whatever the verb; a verb with an object does not
    pytest.param("Row\n\nIvo Marek spoke first. “France is no longer France,” he claimed.\n\n"
                 "“France will always be France,” an angry Ada Holm retaliated. “It never gives up.”\n\n"
                 "“We lost,” Kim Farrow deadpanned on Monday.\n\n"
                 "“Go home,” the crowd chanted. “Go home,” Ivo Marek painted the sign.\n",
                 [("France is no longer France", "Ivo Marek"), ("France will always be France", "Ada Holm"),
                  ("It never gives up.", "Ada Holm"), ("We lost", "Kim Farrow"), ("Go home", "the crowd")],
                 id="any past-tense verb closing the clause after a quote"),
    # capitalised words between the quote and the name belong to the role's program or outlet
    pytest.param("Press\n\nIvo Marek spoke.\n\n“That was the first time, senator,” CBS This Morning co-anchor Ada Holm "
                 "said. “She doesn’t do it often.”\n",
                 [("That was the first time, senator", "Ada Holm"), ("She doesn’t do it often.", "Ada Holm")],
                 id="a program name in the role gap"),
    # "master of ceremonies Name": an occupation with its complement before the name
    pytest.param("Rally\n\n\"We welcome them,\" said master of ceremonies Asab Holm, an engineer. "
                 "\"No thanks to the governor,\" he added.\n",
                 [("We welcome them", "Asab Holm"), ("No thanks to the governor", "Asab Holm")],
                 id="master of ceremonies"),
    # a description's apposition does not run across a sentence end
    pytest.param("Web\n\nThe response was fast. ''Whoever opens the borders has no place here!'' wrote a man "
                 "calling himself Paul Adam. Another user, Roland Z, wrote: ''Your boss is wrong.''\n",
                 [("Whoever opens the borders has no place here!", "Paul Adam"), ("Your boss is wrong.", "Roland Z")],
                 id="no apposition across a sentence end"),
    # no speaking subject: the person named right before the colon speaks (not a byline);
    # "None", "Someone" are no names
    pytest.param("Poll\n\nIvo Marek spoke first.\n\nNone of this surprises pollster Kim Farrow: \"Voters are angry.\"\n\n"
                 "CLOSING—\"The club will close,\" by Times' Ben Vance: \"The club gave many bands a start.\"\n\n"
                 "Someone wrote: \"quiet revolution\"\n",
                 [("Voters are angry.", "Kim Farrow")],
                 id="a name before the colon"),
    # present-tense verbs that are mostly other senses attribute right after a quote's comma
    pytest.param("Dream\n\n“The dream has changed,” says Ada Holm, 25.\n\n"
                 "“Our ideas of success are different,” agrees Kim Farrow, 30, of Leeds.\n\n“Nonsense,” Ivo Marek laughs.\n",
                 [("The dream has changed", "Ada Holm"), ("Our ideas of success are different", "Kim Farrow"),
                  ("Nonsense", "Ivo Marek")],
                 id="agrees and laughs after a quote"),
    # a quote right after a writer's sentence that ends on its attribution ('…, Name says.')
    pytest.param("Race\n\n\"Ivo Marek is the favorite,\" says Kim Farrow, a professor.\n\n"
                 "Or maybe Paul Adam, digital consultant Ada Holm says. \"Several surveys suggest a second look.\"\n",
                 [("Ivo Marek is the favorite", "Kim Farrow"), ("Several surveys suggest a second look.", "Ada Holm")],
                 id="a sentence ending on its attribution before a quote"),
    # a company suffix's period ends no sentence; a title word opening an organisation's
    # name is part of it; an organisation and role words before a name describe the person
    pytest.param("Cars\n\nIn a statement, Acme Corp. said it \"takes these allegations seriously.\"\n\n"
                 "\"We regret it,\" General Motors Co. said.\n\n"
                 "\"He was able to out-campaign them,\" said Leeds State University political scientist Ada Holm.\n",
                 [("takes these allegations seriously.", "Acme Corp"), ("We regret it", "General Motors Co"),
                  ("He was able to out-campaign them", "Ada Holm")],
                 id="companies and their people"),
    # "Economists at ING, a Dutch bank, said": the organisation named, not its apposition
    pytest.param("Growth\n\nEconomists at ING, a Dutch bank, said in a note that growth would \"remain sluggish\".\n",
                 [("remain sluggish", "ING")],
                 id="a group at an organisation with an apposition"),
    # a first name after one no list knows, then a title word: the title word is the surname
    # ("Billie Jean King"); later the surname alone is that person, not a title
    pytest.param("Tennis\n\nVeteran Tomas Brandt was there. The former champion Billie Jean King remembered Brandt as "
                 "fun. She saw him play in 1971.\n\n\u201cHe was the best,\u201d she said.\n\n"
                 "King won 12 titles during her career, while Brandt was rising to stardom in his sport. "
                 "King says Brandt \u201cplayed like nobody else.\u201d\n",
                 [("He was the best", "Billie Jean King"), ("played like nobody else.", "Billie Jean King")],
                 id="a title word as a surname"),
    # a surname alone opening a sentence before a past-tense verb is a person for a later
    # "he said", when the article never gives a fuller name ending in it
    pytest.param("Picks\n\nIvo Marek went with the odds.\n\nOkafor openly admitted that his pick was political. "
                 "\u201cWith an eye to the primary,\u201d he said.\n\nLindqvist defied the question. "
                 "\u201cI will predict the winner,\u201d he said.\n\nEyebrows raised, he asked, \u201cWho else?\u201d\n",
                 [("With an eye to the primary", "Okafor"), ("I will predict the winner", "Lindqvist"),
                  ("Who else?", "Lindqvist")],
                 id="a surname alone as a sentence subject"),
    # a time after a relative clause leaves its closing comma; the name before it speaks
    pytest.param("Tent\n\nAda Holm, who has been feuding with party leaders this week, on Friday described her "
                 "intent to lead a \u201cbig tent\u201d party.\n",
                 [("big tent", "Ada Holm")],
                 id="a time after a relative clause"),
    # "Name in his speech called": the one whose speech it is, not the pronoun's last referent
    pytest.param("Plan\n\nSenator Ivo Marek reversed himself.\n\nThe shift was complete when Holm in his "
                 "announcement speech called the plan \u201ca disaster\u201d and left.\n",
                 [("a disaster", "Holm")],
                 id="a name before 'in his speech'"),
    # a description naming one party is nobody whose role names another
    pytest.param("Race\n\nPARIS \u2014 Ada Holm barely knows the harsh tone of Republican presidential front-runner "
                 "Ivo Marek, a man she once liked.\n\nIn an interview with hosts Tom Reyes and Joan Pike, the "
                 "Democratic presidential candidate stated that Marek\u2019s \u201cdivisive\u201d comments were new.\n",
                 [("divisive", "Ada Holm")],
                 id="a party in a description"),
    # a pronoun opening a sentence's subordinate clause is whoever opens the main clause
    pytest.param("Plan\n\nIvo Marek spoke first.\n\nAfter he called the plan \u201ca mess, frankly,\u201d "
                 "Senator Tom Holm turned to the budget.\n",
                 [("a mess, frankly", "Tom Holm")],
                 id="a pronoun before the name it stands for"),
    # 'According to X,' opening the next sentence attributes that sentence, not the quote
    pytest.param("Plane\n\nMr. Holm said that he did not ''use it that much.'' According to Eurostat figures, the plane "
                 "has flown 333 hours.\n\n''It was bad,'' according to Ivo Marek, the pilot.\n",
                 [("use it that much.", "Holm"), ("It was bad", "Ivo Marek")],
                 id="'According to' opening the next sentence"),
    # a contracted pronoun is nobody's name
    pytest.param("Coal\n\nI'm old enough to remember the speech, declaring a ''moral equivalent of war'' on oil.\n\n"
                 "Several people I've spoken with said Mr. Holm had \"called him often.\"\n",
                 [],
                 id="a contracted pronoun is no name"),
    # "…, while Name, the former governor, proposed": the contrast's subject speaks
    pytest.param("Refugees\n\nGov. Ivo Marek on Monday signed an order, while Ada Holm, the former governor, proposed "
                 "we \"wake up and see the facts\" and left.\n",
                 [("wake up and see the facts", "Ada Holm")],
                 id="a contrast's subject"),
    # 'Name said he was "…"': the quote completes the clause the nearest speech verb reports
    pytest.param("Plan\n\nAda Holm weighed in with her support on Tuesday evening, hours after Ivo Marek said he was "
                 "\u201cencouraged\u201d by the plan.\n",
                 [("encouraged", "Ivo Marek")],
                 id="a speech verb reporting the clause the quote completes"),
    # 'Name claimed that "…," someone said …': the speech verb right before the words owns them
    pytest.param("Cases\n\nBut even as Holm claimed on Tuesday that \u201cthe general got in trouble for far less,"
                 "\u201d Ivo Marek said the two cases were quite different.\n\n"
                 "Marek cannot say that \u201cfrom his perspective,\u201d Tom Reyes added.\n",
                 [("the general got in trouble for far less", "Holm"), ("from his perspective", "Tom Reyes")],
                 id="a speech verb and 'that' right before the quote"),
    # "one of the lawyers for Name" is one of a group, not Name
    pytest.param("Trial\n\n\u201cIt is over,\u201d one of the lawyers for Ada Holm said.\n",
                 [("It is over", "one of the lawyers for Ada Holm")],
                 id="one of a group serving a person"),
    # a dotted abbreviation inside a description does not end it
    pytest.param("Case\n\n\u201cIt was handled lightly,\u201d said a former U.S. law enforcement official who "
                 "oversaw the case.\n",
                 [("It was handled lightly", "a former U.S. law enforcement official")],
                 id="a dotted abbreviation inside a description"),
    # a verb phrase is no subject; a noun phrase starts at its article
    pytest.param("Rally\n\nThey will hold banners proclaiming: \u201cYes we can!\u201d\n\n"
                 "He spoke on - at which point the crowd chanted \u201cBuild it!\u201d - and left.\n\n"
                 "Ada Holm hired lawyers and placed newspaper ads calling the deal a \u201cmistake.\u201d\n",
                 [("Build it!", "the crowd"), ("mistake.", "Ada Holm")],
                 id="a verb phrase is no subject"),
    # an inverted attribution closing the sentence sees its apposition ('…, said the
    # bureau's director, Name, on Monday.'), and 'in what Name, role, called' gives Name
    pytest.param("Probe\n\nThe men knew each other \u201ccasually\u201d from the mosque, said the bureau\u2019s "
                 "director, Ivo Marek, on Monday.\n\nThe fight went on, in what Ada Holm, national treasurer for the "
                 "campaign, called \u201chand-to-hand combat.\u201d\n",
                 [("casually", "Ivo Marek"), ("hand-to-hand combat.", "Ada Holm")],
                 id="an apposed name after a description"),
    # two opening phrases before the subject leave it the sentence's subject for a later "he"
    pytest.param("Refugees\n\n''It is a suspension of intellect,'' Mr. Marek declared Sunday.\n\n"
                 "The day before, at a rally in Beaumont, Tex., Mr. Holm was just as blunt, claiming that "
                 "President Reyes wanted more refugees. ''You'd have to be insane,'' he said.\n",
                 [("It is a suspension of intellect", "Marek"), ("You'd have to be insane", "Holm")],
                 id="two opening phrases before the subject"),
    # an abbreviated title is the title: 'Pres. Marek' is the one 'the president' names
    pytest.param("Talks\n\nHolm met the delegates on Monday.\n\nIn an interview, Pres. Ivo Marek admits the plan "
                 "\u201cdidn\u2019t work.\u201d\n\nAda Holm, his former envoy, has called it \u201cregrettable\u201d "
                 "and said she would return.\n\n\u201cWe got a mandate,\u201d the president told a reporter.\n",
                 [("didn\u2019t work.", "Ivo Marek"), ("regrettable", "Ada Holm"), ("We got a mandate", "Ivo Marek")],
                 id="an abbreviated title is the title"),
    # 'said Name on Outlet': the outlet (or the day) is where the words were said, not who said them
    pytest.param("Moniker\n\n\u201cIt flows off the lips,\u201d wrote Larry O\u2019Connor on Hot Air.\n\n"
                 "\u201cIt is not,\u201d said Marek on CNN.\n\n\u201cNever,\u201d said Sen. Reyes on Fox News Sunday.\n\n"
                 "\u201cIt is fine,\u201d said Holm on Tuesday.\n",
                 [("It flows off the lips", "Larry O\u2019Connor"), ("It is not", "Marek"), ("Never", "Reyes"),
                  ("It is fine", "Holm")],
                 id="said a name on an outlet"),
    # '…, Name said: "…"' sends its attribution forwards: the words inside the writer's
    # sentence before it are the earlier speaker's
    pytest.param("Court\n\nAfter Holm said that some students might do better at \u201cless advanced schools,\u201d "
                 "Marek said: \u201cI don\u2019t like what he said.\u201d\n\n\u201cWe will win,\u201d Reyes said: "
                 "\u201cand soon.\u201d\n",
                 [("less advanced schools", "Holm"), ("I don\u2019t like what he said.", "Marek"),
                  ("We will win", "Reyes"), ("and soon.", "Reyes")],
                 id="a colon sends the attribution forwards"),
    # the subject of a clause that opens the sentence ('When Reyes held rallies …') is
    # salient for a later 'he'; 'As for Reyes's …' is a topic, and a possessive is no subject
    pytest.param("Rallies\n\nOn the topic, chapter president Ivo Marek told reporters: \u201cWe have 300 members.\u201d\n\n"
                 "He added that members are \u201cLatinos.\u201d He called the protesters \u201crude.\u201d\n\n"
                 "When Tom Reyes held rallies all over the state he was received by waves of protesters, and the "
                 "candidate took to Twitter. \u201cEverybody is talking about the flags,\u201d he tweeted on May 2.\n\n"
                 "As for Reyes\u2019s mangling of the word, Marek found comic relief in it. \u201cI needed some "
                 "carrots,\u201d he said.\n",
                 [("We have 300 members.", "Ivo Marek"), ("Latinos.", "Ivo Marek"), ("rude.", "Ivo Marek"),
                  ("Everybody is talking about the flags", "Tom Reyes"), ("I needed some carrots", "Ivo Marek")],
                 id="the subject of an opening clause is salient"),
    # a participle after a quote is no attribution ('…," a nod to the front-runner
    # acknowledging …'), unless the name "is quoted as saying"
    pytest.param("Debate\n\nThat prompted Holm to call Reyes \u201cvery flexible,\u201d a nod to the front-runner "
                 "acknowledging that he has changed his position.\n\n\u201cWe will win,\u201d Marek is quoted as saying.\n",
                 [("We will win", "Marek")],
                 id="a participle after a quote is no attribution"),
    # an opening time phrase with a day or a month ('Later on Sunday, ') is no subject:
    # the participle's speaker is the name after it
    pytest.param("Syllabus\n\nLater on Sunday, Reyes shared a syllabus on his page, writing \u201cStill waiting on "
                 "the apology.\u201d\n\nEarly in March, Holm posted a video, saying \u201cWe are ready.\u201d\n",
                 [("Still waiting on the apology.", "Reyes"), ("We are ready.", "Holm")],
                 id="an opening time phrase with a day"),
    # a name right after a preposition is its object, not the subject of the verb after it
    # ('Marek, a former agent for President Tom Reyes has written a book')
    pytest.param("Book\n\nIvo Marek, a former agent for President Tom Reyes has written a book about Ada Reyes.\n\n"
                 "In the excerpt, the author wrote, \u201cThe First Lady had a temper.\u201d\n\nHe went on to say, "
                 "\u201cShe once threw a book at an agent.\u201d\n",
                 [("The First Lady had a temper.", "Ivo Marek"), ("She once threw a book at an agent.", "Ivo Marek")],
                 id="a name after a preposition is its object"),
    # a fragment inside someone's call or claim is that person's words ('Reyes's call for
    # a "…"'), unless the words judge the claim ('Holm's claim that … is "…"')
    pytest.param("Deport\n\nThe Democratic candidate blasted Reyes\u2019s call for a \u201cdeportation force\u201d on "
                 "Wednesday.\n\nHolm blamed the media for making an issue of Ivo Marek\u2019s claim that the mayor "
                 "\u201cfounded the gang,\u201d saying they were nitpicking.\n\nAda Dunn said Thursday that Holm\u2019s claim "
                 "that Marek favours amnesty is \u201csimply not true.\u201d\n",
                 [("deportation force", "Reyes"), ("founded the gang", "Ivo Marek"),
                  ("simply not true.", "Ada Dunn")],
                 id="a fragment inside someone's claim is theirs"),
    # a people's adjective after a role word is no person ('the official Chinese news agency')
    pytest.param("Admiral\n\nAdm. Ivo Marek leads the fleet.\n\n\u201cSome may say it is unkind,\u201d Xinhua, the "
                 "official Chinese news agency, wrote.\n\nThat makes the Chinese comments galling to him.\n\n"
                 "\u201cThey try to demonize me,\u201d he said.\n",
                 [("Some may say it is unkind", "Xinhua"), ("They try to demonize me", "Ivo Marek")],
                 id="a people's adjective is no person"),
    # "Here's Name in 1992:" presents the one who speaks after the colon, with no verb
    pytest.param("Speech\n\nHere\u2019s Holm in December 1992: \u201cOur new direction must rest on the new "
                 "realities.\u201d\n\nHere is what Marek said on Monday: \u201cWe will not back down.\u201d\n",
                 [("Our new direction must rest on the new realities.", "Holm"), ("We will not back down.", "Marek")],
                 id="here is a name before a colon"),
    # a coordinated clause with a subject of its own governs the words quoted in it
    # ('Holm proposed a debate, but the Marek campaign rejected it as "…"')
    pytest.param("Debate\n\nHolm proposed a debate on April 4 - but Ivo Marek rejected the idea as \u201cludicrous\u201d "
                 "because the final would be later.\n\nMarek called the plan \u201ca disaster\u201d and left.\n",
                 [("ludicrous", "Ivo Marek"), ("a disaster", "Ivo Marek")],
                 id="a coordinated clause has its own subject"),
    # 'with Name taking to Twitter to call X "…"': the infinitive's subject is the participle's
    pytest.param("Incident\n\nSince the incident surfaced, the Reyes campaign has denied it happened, with Tom Dunn "
                 "taking to Twitter to call Fields \u201ctotally delusional\u201d for the accusation.\n",
                 [("totally delusional", "Tom Dunn")],
                 id="with a name taking to twitter to call"),
    # 'an incident Holm brought up as "…"': the name before a verb and "as" characterises
    # something as the words (not 'Holm was seen as "…"')
    pytest.param("Inquiry\n\nIvo Marek led the inquiry into the death of Tom Reyes, an incident Holm brought up as "
                 "\u201cvery fishy\u201d in an interview on Monday.\n",
                 [("very fishy", "Holm")],
                 id="a name before a verb and as"),
    # an -ing word before a role noun qualifies the role ('policy planning director Name wrote')
    pytest.param("Email\n\n\u201cI cannot imagine how exhausted you must be,\u201d former State policy planning "
                 "director Ada Holm wrote to Reyes in a March message.\n",
                 [("I cannot imagine how exhausted you must be", "Ada Holm")],
                 id="an -ing word before a role noun"),
    # '"…," the Saudis state in the white paper': 'state' is a speech verb right after a quote
    # that closes on a comma, and a noun elsewhere ('"…," the state said')
    pytest.param("Paper\n\n\u201cToday, the kingdom is one of the leading nations,\u201d the Saudis state in the white "
                 "paper.\n\n\u201cWe lost,\u201d the state said.\n",
                 [("Today, the kingdom is one of the leading nations", "Saudis"), ("We lost", "the state")],
                 id="state after a quote"),
    # the public online and on air speaks too: 'wrote one commenter', 'a caller told the host'
    pytest.param("Blaze\n\nReaders were quick to condemn the outcome.\n\n\u201cThey will find a way to corrupt it,\u201d "
                 "wrote one commenter.\n\n\u201cIt was rigged,\u201d a caller told the host.\n",
                 [("They will find a way to corrupt it", "one commenter"), ("It was rigged", "a caller")],
                 id="a commenter or a caller speaks"),
    # 'reacted' attributes like any speech verb ('"…?" reacted Reyes', 'Marek reacted: "…"')
    pytest.param("Speech\n\n\u201cIs Obama profiling?\u201d reacted Reyes.\n\nMarek reacted: \u201cThis is absurd.\u201d\n",
                 [("Is Obama profiling?", "Reyes"), ("This is absurd.", "Marek")],
                 id="reacted is a speech verb"),
    # a vice president is no president: 'the former president' is the salient person
    pytest.param("Race\n\nVice President Ivo Marek weighed in too.\n\nTom Holm got in on the game, bashing Reyes at "
                 "a rally. \u201cSometimes I get the feeling he runs against me,\u201d the former president said.\n\n"
                 "\u201cWe agree,\u201d the vice president said.\n",
                 [("Sometimes I get the feeling he runs against me", "Tom Holm"), ("We agree", "Ivo Marek")],
                 id="a vice president is no president"),
    # a name whose first name no list knows, followed by its role, is a person for a later "she"
    pytest.param("Protest\n\n''It must stop,'' said Ada Holm, the party chairwoman.\n\nBut the effort has support. "
                 "RoseAnn DeMoro, executive director of National Nurses United, a union that has backed the plan, "
                 "also said her group would take part.\n\n''We will be a significant force,'' she said.\n",
                 [("It must stop", "Ada Holm"), ("We will be a significant force", "RoseAnn DeMoro")],
                 id="a name with its role after it"),
    # "Absent …", "Given …" open a sentence as prepositions, not as first names
    pytest.param("Plan\n\nAbsent Holm's plan, which he has not introduced, Ada Reyes pointed to his votes. "
                 "\u201cIt is a bit concerning,\u201d she said.\n",
                 [("It is a bit concerning", "Ada Reyes")],
                 id="a preposition opening a sentence is no first name"),
    # quotes may come between a quote and the attribution closing its sentence
    pytest.param("Weight\n\nGiven Holm's success, his endorsements will carry \"a great deal of weight\" and bring "
                 "candidates the \"firepower\" they need to win, DFA spokesman Ivo Marek said.\n",
                 [("a great deal of weight", "Ivo Marek"), ("firepower", "Ivo Marek")],
                 id="quotes between a quote and its sentence's attribution"),
    # a name before a speech verb's -ing form and its object does not speak ('Kasich claiming
    # the nomination'); the sentence's subject stays the one a later "he" finds
    pytest.param("Effort\n\nAmong them is Tom Holm, who told reporters he will help.\n\nHolm, for example, said he is "
                 "hopeful that the effort results in Ivo Marek claiming the nomination.\n\n"
                 "\u201cThe first thing is to stop the front-runner,\u201d he said.\n",
                 [("The first thing is to stop the front-runner", "Tom Holm")],
                 id="a gerund with its object does not speak"),
    # a conjunction opening the sentence leaves its subject the participle's ('But Sen. Name
    # refused …, responding that …'); a subject that did not speak gets no words
    pytest.param("Trail\n\nBut Sen. Tom Holm (R-Pa.) refused to campaign alongside Reyes, responding that he is "
                 "\u201cnot going to go into what my campaign is doing.\u201d\n\n"
                 "But Marek would not comment on an order signed by the governor \u201cto protect privacy\u201d "
                 "for many workers.\n",
                 [("not going to go into what my campaign is doing.", "Tom Holm")],
                 id="a conjunction before the subject; a negated subject"),
    # a subject's appositive, then the one the columnist writes for: the columnist speaks
    pytest.param("Delegate\n\nWhen Mr. Reyes was revealed as a delegate, a columnist for the tech news site Pando said "
                 "he was ''utterly ashamed'' of it.\n",
                 [("utterly ashamed", "a columnist for the tech news site Pando")],
                 id="a role for an organisation speaks, not the organisation"),
    # a long opening phrase still leaves the name after it its sentence's subject
    pytest.param("Server\n\nTom Reyes said the server was safe.\n\nDuring an interview with NBC News Senior "
                 "Investigative Correspondent Ada Holm for a programme broadcast on Wednesday, Ivo Marek, the hacker "
                 "known as \u201cGuccifer,\u201d stated that he had access to the server, which he described as "
                 "\u201clike an open orchid.\u201d\n",
                 [("like an open orchid.", "Ivo Marek")],
                 id="a long opening phrase before the subject"),
    # a generation suffix ("II") is no acronym: the name is a person a later "he" finds
    pytest.param("Law\n\nJoseph R. Murray II, a onetime lawyer for a family group, came out as gay. He counts himself "
                 "a Catholic and a Tom Reyes supporter. He recently wrote a commentary mocking leaders as "
                 "\"obsessed\" with it.\n",
                 [("obsessed", "Joseph R. Murray II")],
                 id="a generation suffix is no acronym"),
    # "As Name puts it," attributes the sentence's quote, like "as Name put it"
    pytest.param("Court\n\nAs The Post's Ada Holm puts it, Reyes is trying to make them \"an offer they can't "
                 "refuse.\"\n",
                 [("an offer they can't refuse.", "Ada Holm")],
                 id="as Name puts it"),
    # "were calling" with no object names nothing: the speech verb before it attributes
    pytest.param("Debate\n\nAt one point, Holm said Fox executives were calling \u201cevery 15 minutes.\u201d\n",
                 [("every 15 minutes.", "Holm")],
                 id="a progressive 'calling' with no object"),
    # "Name says he's '…'": the contraction opens the clause the nearest speech verb reports
    pytest.param("War\n\nTed Holm accuses Reyes of \"leading from behind\" and Ivo Marek says he's \"losing the war,\" "
                 "part of a lashing.\n",
                 [("leading from behind", "Ted Holm"), ("losing the war", "Ivo Marek")],
                 id="a contracted pronoun opening the reported clause"),
    # a headline (a sign, a caption) that says something speaks for itself
    pytest.param("Post\n\nAda Holm posted her message under a headline that said, \"Rebels Declare a Ceasefire.\"\n",
                 [("Rebels Declare a Ceasefire.", "a headline")],
                 id="a headline that says"),
    # "with many marchers chanting": the group speaks, not the sentence's subject
    pytest.param("Pride\n\nThe city was not far from the thoughts of celebrants, with many marchers and spectators "
                 "chanting \"We are one\" and \"Disarm hate.\"\n",
                 [("We are one", "many marchers and spectators"), ("Disarm hate.", "many marchers and spectators")],
                 id="a group after 'with' speaks"),
    # a headline's lead name and its verb ('Name Praises Rival: ‘…’', 'Name on the Plan: I Am
    # ‘…’') speak the words after its colon, not the name nearest the colon
    pytest.param("Ivo Marek Praises Breitbart\u2019s Political Editor Tom Reyes: \u2018Very Good Reporter.\u2019\n\n"
                 "Billionaire Ivo Marek praised Reyes at a press conference.\n",
                 [("Very Good Reporter.", "Ivo Marek")],
                 id="a headline's lead name and verb"),
    pytest.param("Ada Holm on the Plan: I Am \u2018Horrified\u2019 By It.\n\nOn Friday, Sen. Ada Holm spoke.\n",
                 [("Horrified", "Ada Holm")],
                 id="a headline's lead name and 'on'"),
    # a middle initial "A." is no article: "Roberta A. Kaplan" is a person a later "she" finds
    pytest.param("Court\n\nU.S. District Judge Tom W. Reyes issued an injunction.\n\nRoberta A. Kaplan, a lawyer who "
                 "represented the plaintiffs, invoked the state's history. \"There can't be separate but equal "
                 "marriage,\" she told the judge.\n",
                 [("There can't be separate but equal marriage", "Roberta A. Kaplan")],
                 id="a middle initial A. in a name"),
    # the plural of a place's adjective is a people, not a person a later "he" could be
    pytest.param("Voters\n\nTom Holm spoke in Leeds. Asian Americans said they backed him.\n\n"
                 "\u201cWe need open borders,\u201d he said.\n",
                 [("We need open borders", "Tom Holm")],
                 id="a plural demonym is no person"),
    # 'said Obama "understood …"': the speech verb right before the reported clause owns the
    # quote, not a verb inside the apposition's relative clause
    pytest.param("Climate\n\nJohn Reyes, a former senior White House adviser who supported an aggressive climate "
                 "policy, said Holm \"understood he couldn't win.\"\n",
                 [("understood he couldn't win.", "John Reyes")],
                 id="a speech verb and a name before the quote"),
    # the verb right before a colon and its subject speak, not a verb earlier in the sentence
    pytest.param("Rally\n\nThe crowd cheers, and then Lance Holm continues: \u201cGod has given this man a gift.\u201d\n",
                 [("God has given this man a gift.", "Lance Holm")],
                 id="the verb right before a colon"),
    # a document "sent out by Name" speaks for Name
    pytest.param("Email\n\nIn addition, a fundraising email sent out by Ada Holm on Tuesday night warned of the fight "
                 "ahead: \"There are 14 primaries.\"\n",
                 [("There are 14 primaries.", "Ada Holm")],
                 id="a document sent out by its author"),
    # "X asked Y whether …" then '"…," he said': the one asked answers; not when the asker
    # is no name right before "asked" ('a young man asked Clinton why …')
    pytest.param("Health\n\nLast month, reporter Scott Conroy asked Tom Holm whether questions about his health "
                 "were fair game.\n\n\u201cSure it is. I would not have run,\u201d he said.\n",
                 [("Sure it is. I would not have run", "Tom Holm")],
                 id="the one asked answers"),
]


@pytest.mark.parametrize(("text", "expected"), RULE_SNIPPETS)
def test_attribution_rule(text: str, expected: list[tuple[str, str]]):
    assert _direct(text) == expected


def _roles(text: str) -> list[tuple[str | None, str | None]]:
    return [(q.speaker, q.role) for q in extract_quotes(article_from_text("story", text))]


# The role shown with a quote is the one the article gives, or none.
ROLE_SNIPPETS = [
    # "Mr." says how the article addresses someone, not what they do
    pytest.param("Tech\n\nMatthew Holm, chief executive of CloudFlare, said on Friday that prices would rise.\n\n"
                 "''It is risky,'' Mr. Holm said.\n\n''We agree,'' Ms. Vance said.\n",
                 [("Matthew Holm", "chief executive of CloudFlare")] * 2 + [("Vance", None)],
                 id="a courtesy title is no role"),
    # "Here's" is a contraction, not a possessor whose role she holds
    pytest.param('Roads\n\nIvo Marek spoke first.\n\nHere\'s Ada Holm in 1992: "We will fix the roads."\n',
                 [("Ada Holm", None)],
                 id="a contraction before a name is no role"),
    # the apposition on either side of the name; a courtesy title does not stand in for it
    pytest.param("Budget\n\nThe chancellor, Ada Holm, said: “The numbers add up.”\n\n"
                 "‘It is a dark day,’ said Mr Marek, the party leader.\n\n"
                 "The Prime Minister, Kim Farrow, told MPs: “We will not back down.”\n",
                 [("Ada Holm", "chancellor"), ("Marek", "party leader"), ("Kim Farrow", "Prime Minister")],
                 id="a role in apposition"),
    # after a reported sentence's attribution, an apposition is the role; a clause is not
    pytest.param("Cuts\n\nThe cuts to the budget are deep, according to Kim Farrow, a spokeswoman "
                 "for the council.\n\nThe plan will fail next year, said Ivo Marek, the rival made further demands.\n",
                 [("Kim Farrow", "spokeswoman for the council"), ("Ivo Marek", None)],
                 id="a role after a reported sentence's attribution"),
    # the age sits between the name and the role
    pytest.param("Strike\n\n“We are tired,” said Ada Holm, 45, a teacher from Leeds.\n\n"
                 "Ivo Marek, 62, a retired miner, said: “We are tired too.”\n\nKim Farrow, 30, said: “Fine.”\n",
                 [("Ada Holm", "teacher from Leeds"), ("Ivo Marek", "retired miner"), ("Kim Farrow", None)],
                 id="an age before the role"),
    # a role stops where a relative clause opens ("an oncologist who advised Obama": "oncologist")
    pytest.param("Health\n\nZeke Holm, an oncologist who advised the president on the overhaul, said it "
                 "\"has been a success.\"\n",
                 [("Zeke Holm", "oncologist")],
                 id="a role stops at a relative clause"),
]


@pytest.mark.parametrize(("text", "expected"), ROLE_SNIPPETS)
def test_role_rule(text: str, expected: list[tuple[str, str | None]]):
    assert _roles(text) == expected


def test_reported_speech_after_told_starts_after_the_one_told():
    """'told CNN she regretted it': the reported clause is 'she regretted it'. And an opening
    clause before ', Name said he …' is no paraphrase of its own ('If he loses,' is not said)."""
    art = article_from_text("story", "Rally\n\nAda Holm later told CNN she regretted the vote.\n\n"
                                     "Ivo Marek told reporters this was the only chance to pass the bill.\n\n"
                                     "If he doesn't succeed there, Kim Farrow said he will take the fight to the floor.\n")
    got = [(q.text, q.speaker) for q in extract_quotes(art) if q.kind == PARAPHRASE]
    assert got == [("she regretted the vote", "Ada Holm"), ("this was the only chance to pass the bill", "Ivo Marek"),
                   ("he will take the fight to the floor", "Kim Farrow")]


def test_a_name_starting_a_reported_clause_is_no_tail_attribution():
    """'…, said Reyes failed to address …': Reyes opens the reported clause; the words before
    the comma are no paraphrase of his. A participle after a description is no verb."""
    art = article_from_text("story", "Speech\n\nSen. Ivo Marek, R-Fla., appearing on Fox News right after the "
                                     "speech, said Reyes failed to address concerns.\n\n"
                                     "\u201cIt is a way to take part,\u201d says a source involved in the effort.\n")
    quotes = extract_quotes(art)
    assert [(q.text, q.speaker) for q in quotes if q.kind == PARAPHRASE] == []
    assert [(q.text, q.speaker) for q in quotes if q.kind != PARAPHRASE] == [
        ("It is a way to take part", "a source")]


def test_a_name_asked_a_question_is_no_tail_attribution():
    """'…, asked Name whether …': Name is the one asked, and what comes before the comma
    is the sentence's own subject, not something Name said."""
    art = article_from_text("story", "Panel\n\nAda Holm, a supporter of the plan and head of the Leeds Institute, "
                                     "asked former Attorney General Eric Marek whether he had thoughts on the "
                                     "committee.\n\nThe plan will pass, said Ivo Marek.\n")
    got = [(q.text, q.speaker) for q in extract_quotes(art) if q.kind == PARAPHRASE]
    assert got == [("The plan will pass", "Ivo Marek")]


def test_a_phrase_after_a_speech_verb_is_no_reported_clause():
    """'wrote in a letter to the court': what follows the verb has no verb of its own, so
    nothing is reported; 'wrote in an email the plan was dead' reports a clause."""
    art = article_from_text("story", "Court\n\nGabriela Holm, his wife, wrote in a letter to the court.\n\n"
                                     "Ada Reyes said in an interview he's not ready to support the plan.\n")
    got = [(q.text, q.speaker) for q in extract_quotes(art) if q.kind == PARAPHRASE]
    assert got == [("he's not ready to support the plan", "Ada Reyes")]
