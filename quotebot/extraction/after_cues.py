"""Stage 3b, cues after a quote: the attribution that follows the closing mark.

``"…," said Name``, ``"…," Name said``, ``he said``, ``the email read``, ``"…," an angry
Name retaliated.``, an attribution at the end of the writer's sentence (``He had "…,"
his friend told a newspaper.``) and ``"…," it said``. Each returns ``(Subj, verb, shape)``
or None, like the cues before a quote in ``cues``.
"""

from __future__ import annotations

import re

from .. import lexicon as L
from ..models import SHAPE_ACCORDING, SHAPE_AFTER, SHAPE_PRONOUN
from .text import (
    ABBR_TITLES,
    UP,
    ACCORDING_RE,
    AFTER_VERB_RE,
    FUNCTION_WORDS,
    LOWER_ROLE,
    PRONOUN_SUBJ,
    SKIP_PUNCT_RE,
    SPEECH_RE,
    is_abbrev_boundary,
    trie_regex,
)
from .spans import Span
from .candidates import Subj, subject_before
from .after_candidates import subject_after
from .names import LONE_ING_RE, REPORTED_VERB_RE, role_gap


WHO_BEFORE_RE = re.compile(r",[ \t]+who[ \t]+(?:(?:has|had|have|also|then|later|once|now|recently|often)[ \t]+){0,2}$")


_APPOS_DETS = {"the", "a", "an", "another", "one", "his", "her", "their", "its", "our"}
_APPOS_GAP_RE = re.compile(r"[ \t]*((?:[\w’'\-]+[ \t]+){0,9}[\w’'\-.]+),[ \t]+")


def _role_apposition_gap(text: str, lo: int, end: int) -> bool:
    """'the White House spokesman, ' / 'another friend, ' / 'the director of the agency, ':
    a determiner-led description whose head is a role noun, set off by a comma before
    the speaker's name."""
    m = _APPOS_GAP_RE.fullmatch(text, lo, end)
    if not m:
        return False
    words = m.group(1).split()
    if len(words) < 2 or (words[0].lower() not in _APPOS_DETS and not words[0].endswith(("’s", "'s"))):
        return False  # ("Hale’s spokesman, Tom Lee, said": a possessor leads it too)
    head = words[-1]
    for i, w in enumerate(words[1:], 1):
        if w.lower() in ("of", "for", "at", "to", "with", "in"):
            head = words[i - 1]
            break
    # a role noun, or any common noun a determiner leads ('the assailant, John McGraw, said')
    return head.lower() in LOWER_ROLE or (words[0].lower() in _APPOS_DETS and head.isalpha() and head.islower()
                                           and head not in FUNCTION_WORDS)


# Verbs left out of the speech verbs because they are mostly nouns or other senses
# ("the states", "reads the paper"), but reliable right after a quote that closes on a
# comma: '"…," the email read.', '"…," reads the editorial.', '"…," the ad states.'
_AFTER_ONLY_VERBS = {"read", "reads", "state", "states", "continues", "responds", "counters", "wonders", "asks",
                     "agrees", "disagrees", "echoes", "laughs"}
_AFTER_ONLY_VERB_RE = re.compile(
    rf"^(?:(?:also|later|then|again|further|simply|quickly|once|finally)\s+)?({trie_regex(_AFTER_ONLY_VERBS)})\b")
_AFTER_ONLY_SEARCH_RE = re.compile(rf"(?<![\w’'\-])(?:{trie_regex(_AFTER_ONLY_VERBS)})(?![\w’'\-])")


_BARE_ATTR_END_RE = re.compile(r"[ \t]*(?:(?:on|in|at|last|this)[ \t]+[\w.]+(?:[ \t]+[\w.]+)?)?[ \t]*[.!?]?[ \t]*(?:\n|$)")


def _bare_attribution(text: str, pos: int, hi: int) -> tuple[Subj, str, str] | None:
    """'"…." Rusk said.' — a sentence after a quote that closes on its own period, made
    of a name, a speech verb and at most a short time phrase, ending its paragraph."""
    mv = SPEECH_RE.search(text, pos, min(hi, pos + 60))
    if mv is None or not _BARE_ATTR_END_RE.match(text, mv.end()):
        return None
    subj = subject_before(text, pos, mv.start())
    if subj is None or subj.kind != "name" or subj.start != pos:
        return None
    return subj, mv.group(), SHAPE_AFTER


# the clause after a quote that ends its sentence, when it introduces the next quote:
# '"We are not terrorists." Mr. Zahed said: "The attack …"'
_NEXT_QUOTE_CUE_RE = re.compile(rf"[\s”\"']*(?:\b{ABBR_TITLES}|\b[{UP}]\.|[^.!?“”\"\n])"
                                rf"{{1,80}}?[:,][ \t]*(?:''|[“\"])[ \t]*[{UP}]")


def _inside_sentence(text: str, mark: int) -> bool:
    """Does a word (or a comma) and a space come right before the opening mark at mark?"""
    j = mark - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return 0 <= j < mark - 1 and (text[j].isalnum() or text[j] == ",")


_COLON_QUOTE_NEXT_RE = re.compile(r"[\s”\"']*[^.!?:;“”\"\n]{1,80}?:[ \t]*(?:''|[“\"])")


_CUE_THEN_THAT_RE = re.compile(r"[\s”\"']*[A-Z][^,.;:!?“”\"\n]{0,60}?\b([a-z]+)[ \t]+that\b")


# verbs never inverted before their subject ('"…," said Hale', but not '"…," told Hale')
_NO_INVERSION_VERBS = frozenset({"told", "tells", "tell", "informed", "informs", "assured", "assures",
                                 "reminded", "reminds", "thanked", "thanks", "urged", "urges"})


def last_inside(text: str, sp: Span) -> str:
    """The character right before the closing mark ('' counts as one mark)."""
    if sp.close is None or sp.close == sp.open:
        return ""
    j = sp.close - 1 if text.startswith("''", sp.close - 1) else sp.close
    return text[j - 1:j]


def try_after(text: str, sp: Span, p_end: int) -> tuple[Subj, str, str] | None:
    res = _try_after_with(text, sp, p_end, AFTER_VERB_RE, SPEECH_RE)
    if res is None and last_inside(text, sp) in (",", "!", "?"):
        res = _try_after_with(text, sp, p_end, _AFTER_ONLY_VERB_RE, _AFTER_ONLY_SEARCH_RE) or \
            _any_verb_after(text, sp, p_end)
    if res is not None and last_inside(text, sp) in (".", "!", "?") and \
            _NEXT_QUOTE_CUE_RE.match(text, sp.close + 1, p_end):
        return None  # the attribution introduces the next quote, not this one
    if res is not None and last_inside(text, sp) == "," and _inside_sentence(text, sp.open) and \
            _COLON_QUOTE_NEXT_RE.match(text, sp.close + 1, p_end):
        # 'After Holm said that … "less advanced schools," Marek said: "…"': a colon sends the
        # attribution forwards; the words inside the writer's sentence are the earlier speaker's
        return None
    if res is not None and last_inside(text, sp) in ("!", "?"):
        m = _CUE_THEN_THAT_RE.match(text, sp.close + 1, p_end)
        if m and m.group(1) == res[1]:
            return None  # '"…?" Trump joked that it was Brooklyn.': a new sentence of reported speech
    return res


# a past-tense verb that ends its clause: '"…," Holm deadpanned.', '"…," he retorted on Monday'
_CLAUSE_END_VERB_RE = re.compile(r"(?:also[ \t]+)?([a-z]{3,}ed)(?=[ \t]*[.,;!?]|[ \t]+(?:on|in|at|during|after|"
                                 r"before|as|from|when|while)\b)")


_ARTICLE_ADJ_RE = re.compile(r"(?:an?|the)[ \t]+(?:[a-z\-]+[ \t]+){1,2}")


def _any_verb_after(text: str, sp: Span, p_end: int) -> tuple[Subj, str, str] | None:
    """'"…," an angry Holm retaliated.': after a quote that ends in a comma, a subject and a
    past-tense verb closing the clause attribute it, whatever the verb (the lexicon cannot
    hold every way of saying something)."""
    pos = SKIP_PUNCT_RE.match(text, sp.close + 1, p_end).end()
    hi = min(p_end, pos + 100)
    for mv in _CLAUSE_END_VERB_RE.finditer(text, pos, hi):
        subj = subject_before(text, pos, mv.start())
        if subj is None or text[subj.end:mv.start()].strip() or (
                subj.start > pos + 1 and not _ARTICLE_ADJ_RE.fullmatch(text, pos, subj.start)):
            return None  # (the subject opens the clause, or an article and adjectives do: 'an angry Holm')
        if subj.kind == "pronoun" and subj.phrase.lower() in PRONOUN_SUBJ:
            return subj, mv.group(1), SHAPE_PRONOUN
        if subj.kind in ("name", "desc"):
            return subj, mv.group(1), SHAPE_AFTER if subj.kind == "name" else SHAPE_PRONOUN
        return None
    return None


def _try_after_with(text: str, sp: Span, p_end: int, after_verb_re, speech_search) -> tuple[Subj, str, str] | None:
    if sp.close is None:
        return None
    pos = sp.close + 1
    hi = min(p_end, pos + 250)
    m = SKIP_PUNCT_RE.match(text, pos, hi)
    pos = m.end()
    rest = text[pos:hi]
    if not rest:
        return None
    if rest[:1] in "“\"‘":
        return None
    if rest[:1].isupper() and last_inside(text, sp) == "." and not rest.startswith("According"):
        # '… a "dead letter." Councillor X described …': a new sentence — unless that
        # sentence is nothing but its attribution ('"… missing." Rusk said.')
        return _bare_attribution(text, pos, hi) if speech_search is SPEECH_RE else None
    ma = ACCORDING_RE.match(rest)
    if ma:
        subj = subject_after(text, pos + ma.end(), hi)
        if subj and rest[:1].isupper() and not _ENDS_SENTENCE_RE.match(text, subj.end):
            return None  # '"… that much." According to F.A.A. records, the plane …': the next sentence's
        if subj:
            return subj, "according to", SHAPE_ACCORDING
        return None
    mv = after_verb_re.match(rest)
    if mv and (mv.group(1).endswith("ing") or mv.group(1) in _NO_INVERSION_VERBS):
        # '"…," telling Fox 35 that …', '…, told the program': the object is the listener
        return None
    if mv:
        subj = subject_after(text, pos + mv.end(1) + 1, hi) if pos + mv.end(1) < hi else None
        if subj and (REPORTED_VERB_RE.match(text, subj.end) or (
                subj.kind == "name" and _PAST_NEXT_RE.match(text, subj.end))):
            return None  # '…, said Dorsey was …': Dorsey starts a reported clause, he is no speaker
        if subj and subj.kind != "pronoun":
            return subj, mv.group(1), SHAPE_AFTER
        if subj and subj.kind == "pronoun" and subj.phrase.lower() in PRONOUN_SUBJ:
            return subj, mv.group(1), SHAPE_PRONOUN
        return None
    mv = speech_search.search(text, pos, min(hi, pos + 160))
    c = text.find(",", mv.end(), min(hi, mv.end() + 80)) if mv and WHO_BEFORE_RE.search(text, pos, mv.start()) else -1
    if c > 0:  # '…," one resident, who asked not to be named, told the BBC': the verb after the clause
        mv = speech_search.search(text, c, min(hi, c + 40)) or mv
    if not mv:
        return None
    # nothing but the subject between the mark and the verb
    mq = _QUOTED_AS_RE.search(text, pos, mv.start())  # ('"…," Name is quoted as saying')
    if mq is None and mv.group().endswith("ing"):
        return None  # ('"…," a nod to the front-runner acknowledging …': a participle is no attribution)
    subj = subject_before(text, pos, mq.start() if mq else mv.start())
    if subj is None:
        mlone = LONE_ING_RE.fullmatch(text, pos, mv.start())
        if mlone:
            # '"…," Ebeling said': a capitalised -ing word between the quote and the verb
            # is a surname, not a participle
            subj = Subj(mlone.group(1), "name", mlone.start(1), mlone.end(1))
    if subj is not None and subj.start > pos + 1 and subj.kind == "name" and sp.close != sp.open and \
            role_gap(text[pos:subj.start], text[subj.start:subj.start + 40].split(None, 1)[0]):
        pass  # '"…," election law expert Rita Hale tweeted': modifiers of the name's role
    elif subj is not None and subj.start > pos + 1 and subj.kind == "name" and \
            _role_apposition_gap(text, pos, subj.start):
        pass  # '"…," the city's spokesman, Rita Hale, said': a role in apposition before the name
    elif not subj or subj.start > pos + 1:
        return None
    shape = SHAPE_PRONOUN if subj.kind in ("pronoun", "desc") else SHAPE_AFTER
    return subj, mv.group(), shape


# a name, then a verb in the past with its object: '…, said Reyes failed to address …' (not a
# participle: 'said a source involved in …')
_PAST_NEXT_RE = re.compile(r"[ \t]+(?!indeed\b)[a-z]{3,}ed[ \t]+(?:to|that|the|a|an|his|her|their|its|this)[ \t]")
_ENDS_SENTENCE_RE = re.compile(r"[ \t]*(?:[.!?]|\n|$)")
_SENTENCE_STOP_RE = re.compile(r"[.!?](?=[\"”’)]*(?:\s|$))")


LOWER_TAIL_RE = re.compile(r"['’]?[ \t]+[a-z]")


_QUOTED_AS_RE = re.compile(r"[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been)[ \t]+(?:also[ \t]+)?quoted[ \t]+as[ \t]+$")


def try_sentence_end(text: str, sp: Span, p_end: int) -> tuple[Subj, str, str] | None:
    """'He had "wanted to be a pilot," his friend told a newspaper.' The writer's sentence
    ends with an attribution clause after a comma: it attributes the quoted words."""
    start = sp.close + 1 if sp.close is not None else sp.end
    if sp.close is not None and last_inside(text, sp) in ".!?":
        return None  # the quote ends its sentence: what follows is the next one's
    hi = min(p_end, start + 400)
    end = None
    for m in _SENTENCE_STOP_RE.finditer(text[start:hi]):
        if not is_abbrev_boundary(text, start + m.start()):
            end = start + m.start()
            break
    if end is None:
        end = hi if hi == p_end else None
    if end is None:
        return None
    tail = text[start:end]
    # (quotes may come between: '"a great deal of weight" and help bring the "firepower"
    # they need, spokesman Name said.' — but not inside the attribution)
    last_mark = max(tail.rfind("“"), tail.rfind("”"), tail.rfind('"'))
    # the attribution is the clause after the last comma, or one before an apposition
    # or two ('…, said Name, director of X, a union that …')
    res, hi = None, end
    for _ in range(3):
        c = tail.rfind(",", 0, hi - start)
        if c < 0 or hi - (start + c) > 110 or c < last_mark:
            return None
        fake = Span(open=start + c - 1, close=start + c - 1, start=sp.start, end=sp.end, para=sp.para)
        res = try_after(text, fake, end)  # (up to the sentence end: 'said the director, Name, on Monday.')
        if res is not None:
            break
        hi = start + c
    if res is None:
        return None
    subj, verb, shape = res
    return subj, verb, (SHAPE_PRONOUN if subj.kind in ("pronoun", "desc") else
                        SHAPE_ACCORDING if verb == "according to" else SHAPE_AFTER)


# "it" speaking: '“…,” it said.' / 'It added: “…”' (a document or an organisation)
_IT_AFTER_RE = re.compile(r"(?:''|[”\"’'»])?,?[ \t]+it[ \t]+(?:also[ \t]+|then[ \t]+|now[ \t]+)?([a-z]+)\b")
_IT_BEFORE_RE = re.compile(r"(?<![\w’'-])[Ii]t[ \t]+(?:also[ \t]+|then[ \t]+|now[ \t]+)?([a-z]+)(?:[ \t]+on)?[ \t]*[,:]?[ \t]*$")
_IT_VERBS = frozenset({"read", "reads"})  # (a sign, an email or a letter "reads")


def it_cue(text: str, sp: Span, win_start: int) -> str | None:
    """The speech verb of '“…,” it said.' or 'It added: “…”' around the span, if any."""
    verb = None
    if sp.close is not None:
        m = _IT_AFTER_RE.match(text, sp.close)
        if m is not None:
            verb = m.group(1)
    if verb is None:
        m = _IT_BEFORE_RE.search(text, max(win_start, sp.open - 30), sp.open)
        if m is not None:
            verb = m.group(1)
    if verb is None or (verb not in L.SPEECH_VERBS and verb not in _IT_VERBS):
        return None
    return verb
