"""Stage 3b, the frames in order: which attribution frame speaks for one quote span.

``attribute`` tries each frame of ``FRAMES`` on a span, in order, and returns the first
answer: a speaker candidate with its verb and shape, or ``GoesOn`` when the speaker of
the quote before simply goes on. The order is the design and reads top to bottom: the
words around the quote itself, then "it" for an organisation or a document, then the
paragraph, sentence or headline before it, then a quote before it in the same sentence.
``refine`` then maps "they" and documents to who stands behind them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, NamedTuple

from .. import lexicon as L
from ..models import ORGANISATION, SHAPE_AFTER, SHAPE_COLON, SHAPE_BEFORE, SHAPE_FRAGMENT, SHAPE_PRONOUN, Article
from .candidates import Subj, subject_before
from .after_candidates import subject_after
from .after_cues import LOWER_TAIL_RE, it_cue, try_after, try_sentence_end
from .cues import speaker_of_sentence_before, try_before
from .entities import Entities
from .resolve import doc_antecedent_issuer, it_antecedent
from .spans import Span, is_title_case, titled_work
from .text import CAPW, NOT_NAME, SUBJECT_ONLY

Found = tuple[Subj, str, str]  # (speaker candidate, verb, shape)


class GoesOn(NamedTuple):
    """The quote before (``source``) has the speaker; this span takes it with its own cue."""
    source: Span
    verb: str
    shape: str
    kind: str


@dataclass
class SpanContext:
    """What the frames read for one span."""
    text: str
    paras: list
    ents: Entities
    writer_starts: list[int]  # sentence starts outside quotes
    sentence_start: Callable[[int, int], int]
    sp: Span
    prev_span: Span | None
    statement: bool
    sent_start: int
    win_start: int  # the sentence start, or the end of the quote before in this paragraph
    floor: int  # the end of the quote before in this paragraph (else the paragraph start)
    head: Subj | None  # the headline's speaker ("Name: …"), if any

    @property
    def p(self):
        return self.paras[self.sp.para]

    @property
    def inner(self) -> str:
        return self.text[self.sp.start:self.sp.end]


# an active naming verb right before a quote ('what Hedge called "…"'; not 'could be termed "…"')
_NAMING_RIGHT_BEFORE_RE = re.compile(r"(?<![\w’'-])(?<!be )(?<!been )(?<!is )(?<!are )(?<!was )(?<!were )"
                                     r"(?:called|calls|dubbed|dubs|termed|terms)"
                                     r"(?:[ \t]+(?:it|them|him|her|this|that))?[ \t]+(?:an?[ \t]+|the[ \t]+)?$")
# a speech verb and "that" right before a quote ('claimed on Tuesday that "…"'; not one that
# is only possible: 'Comey cannot say that "…," Holm added')
_SAID_THAT_RIGHT_BEFORE_RE = re.compile(r"(?<![\w’'-])(?<!not )(?<!n't )(?<!n’t )(?<!cannot )(?<!will )(?<!would )"
                                        r"(?<!could )(?<!should )(?<!may )(?<!might )(?<!must )(?<!to )([a-z]+)"
                                        r"(?:[ \t]+(?:on|last|this|earlier)[ \t]+[A-Za-z]+)?[ \t]+that[ \t]+$")
# what joins a second quote to the first in one sentence: '…," adding, "…' / ', and added: "'
_OPENING_PARTICIPLE_RE = re.compile(r"\s*(?:Adding|Continuing|Concluding|Explaining)[,:]?\s*")
_PARTICIPLE_CUE_RE = re.compile(r"[\s,;”\"’']*(?:and\s+|then\s+|before\s+)?([a-z]+)[,:]?\s*")


def around_quote(c: SpanContext) -> Found | None:
    """The frame around the quote: '"…," said Name', 'Name said: "…"', 'called it "…"'."""
    text, sp, p, inner = c.text, c.sp, c.p, c.inner
    if c.statement:
        if titled_work(text, sp, inner):
            return None  # 'in his 2012 book, "An American Son."'
        res = try_after(text, sp, p.end) or try_before(text, sp, c.win_start)
        if res is None and sp.close is not None and not text[c.sent_start:sp.open].strip() and \
                LOWER_TAIL_RE.match(text, sp.close + 1):
            # '"We are pleased" about the ruling, said Name.': the quote opens the
            # sentence, the writer's words go on, and the sentence ends attributing it
            res = try_sentence_end(text, sp, p.end)
        return res
    if is_title_case(inner) or titled_work(text, sp, inner):
        return None  # a title or a name in quotes, not speech ('on NBC’s "Meet the Press."')
    ms = _SAID_THAT_RIGHT_BEFORE_RE.search(text, max(c.sent_start, sp.open - 50), sp.open) \
        if text.startswith("that", sp.open - 5) or text.startswith("that", sp.open - 6) else None
    if _NAMING_RIGHT_BEFORE_RE.search(text, max(c.sent_start, sp.open - 40), sp.open) or (
            ms is not None and ms.group(1) in L.SPEECH_VERBS):
        # 'under what Mr. Hedge called "the prior model," the club …', 'even as Holm claimed
        # that "…," a prosecutor said …': the naming or speech verb right before the words
        # attributes them, whatever follows
        return (try_before(text, sp, c.sent_start, c.ents.in_quote, fragment=True)
                or try_after(text, sp, p.end) or try_sentence_end(text, sp, p.end))
    return (possessor_of_words(c) or try_after(text, sp, p.end) or try_sentence_end(text, sp, p.end)
            or try_before(text, sp, c.sent_start, c.ents.in_quote, fragment=True))


# a possessor and a noun for words said, right before a fragment: 'Trump's call for a "…"',
# 'Mr. Obama's patronizing suggestion … that she was "…"'
_SAYING_NOUNS = ("call|calls|claim|claims|remark|remarks|comment|comments|suggestion|assertion|accusation|"
                 "charge|promise|pledge|vow|warning|threat|insistence|characterization|"
                 "characterisation|prediction|declaration|boast|demand|description|line|phrase|words")
_POSSESSOR_BEFORE_RE = re.compile(rf"(?:’s|'s)[ \t]+(?:[a-z]+[ \t]+){{0,2}}?(?:{_SAYING_NOUNS})[ \t]+"
                                  r"(?:for|that|of|to)\b[^.!?;:“”\"]{0,80}$")
_COPULA_BEFORE_RE = re.compile(r"[ \t](?:is|was|are|were|be|been|being)[ \t]+(?:[a-z]+[ \t]+)?$")


def possessor_of_words(c: SpanContext) -> Found | None:
    """The one whose call, claim or remark the fragment is, or who characterised something
    as the fragment ('an incident Trump brought up as "very fishy"')."""
    text, sp = c.text, c.sp
    lo = max(c.sent_start, sp.open - 120)
    m = _POSSESSOR_BEFORE_RE.search(text, lo, sp.open)
    if m is not None and _COPULA_BEFORE_RE.search(text, m.start(), sp.open):
        return None  # ('Rubio's claim that … is "simply not true"': the words judge the claim)
    end = m.start() if m is not None else None
    if m is None:
        ma = _NAME_VERB_AS_RE.search(text, lo, sp.open)
        end = ma.end(1) if ma is not None else None
    if end is None:
        return None
    subj = subject_before(text, c.sent_start, end)
    if subj is None or subj.kind != "name" or subj.end != end:
        return None
    return subj, "said", SHAPE_FRAGMENT


# a name, a verb in the past and "as" right before the words: the name characterises
# something as them ('an incident Trump brought up as "…"'; not 'Holm was seen as "…"')
_NAME_VERB_AS_RE = re.compile(rf"({CAPW}(?:[ \t]+{CAPW}){{0,3}})[ \t]+(?!(?:was|were|is|are|be|been|being|had|has|have)\b)"
                              r"[a-z]+(?:ed|ght|wn|t)(?:[ \t]+(?:up|out|off|down|it|them|him|her|this|that))?"
                              r"[ \t]+as[ \t]+(?:(?:an?|the)[ \t]+)?$")


def it_speaks(c: SpanContext) -> Found | GoesOn | None:
    """'"…," it added.': the organisation quoted just before, or the organisation or
    document the sentence before is about."""
    if is_title_case(c.inner):
        return None
    verb = it_cue(c.text, c.sp, c.win_start)
    if verb is None:
        return None
    prev = c.prev_span
    if prev is not None and prev.speaker_kind == ORGANISATION and prev.speaker_key is not None and \
            prev.para >= c.sp.para - 1:
        return GoesOn(prev, verb, SHAPE_PRONOUN, ORGANISATION)
    subj = it_antecedent(c.text, c.sp.open, c.writer_starts, c.paras[max(0, c.sp.para - 2)].start,
                         c.ents.in_quote)
    return (subj, verb, SHAPE_PRONOUN) if subj is not None else None


def colon_paragraph_before(c: SpanContext) -> Found | None:
    """A quote opening its paragraph after a paragraph that ends with a colon."""
    sp = c.sp
    if sp.open != c.p.start or sp.para == 0:
        return None
    prevp = c.paras[sp.para - 1]
    if not prevp.text.rstrip().endswith(":"):
        return None
    fake = Span(open=prevp.end, close=None, start=sp.start, end=sp.end, para=sp.para)
    return try_before(c.text, fake, c.sentence_start(prevp.end - 1, prevp.start))


def signature_below(c: SpanContext) -> Found | None:
    """'"…"' then '—Ada Brill, Ohio' (digests of the day's quotes), or a pull quote whose
    last line names its speaker inside the marks."""
    if c.statement and c.sp.open == c.p.start:
        return signed_below(c.text, c.sp, c.paras)
    return None


def sentence_before(c: SpanContext) -> Found | None:
    """A quote opening a sentence right after a writer's sentence in which a person speaks."""
    if c.statement and c.sent_start > c.p.start and not c.text[c.sent_start:c.sp.open].strip():
        return speaker_of_sentence_before(c.text, c.sentence_start(c.sent_start - 1, c.p.start), c.sent_start)
    return None


def paragraph_before(c: SpanContext) -> Found | None:
    """A paragraph that is one quote, after a paragraph whose last sentence reports a
    person's speech ('Then Kerry said 100,000 would be accepted.' / '"That adds up …"')."""
    text, sp, p = c.text, c.sp, c.p
    if not c.statement or sp.open != p.start or sp.para == 0 or sp.close is None or \
            text[sp.close + 1:p.end].strip(" \t.,"):
        return None
    prevp = c.paras[sp.para - 1]
    if not prevp.text.strip() or any(ch in prevp.text for ch in "“”\""):
        return None
    return speaker_of_sentence_before(text, c.sentence_start(prevp.end - 1, prevp.start), prevp.end)


def headline(c: SpanContext) -> Found | None:
    """'Name: Rival Is ‘Unfit’ To Lead' (a headline naming its speaker before a colon)."""
    if c.head is not None and c.sp.para == 0 and c.sp.open > c.head.end:
        return c.head, ":", SHAPE_COLON
    return None


def headline_lead(c: SpanContext) -> Found | None:
    """'Name Praises Rival: ‘Very Good Reporter.’', 'Name on the Plan: I Am ‘Horrified’': the
    headline's lead name speaks the words right after its colon, before any name nearer the
    colon does."""
    if c.head is None or c.sp.para != 0 or c.sp.open <= c.head.end:
        return None
    colon = c.text.find(":", c.head.end, c.sp.open)
    if colon < 0 or not c.text[c.head.end:colon].strip():
        return None  # ('Name: …' is the headline frame's, after the frame around the quote)
    between = c.text[colon + 1:c.sp.open].split()
    if between and between[0].lower() not in ("i", "we", "my", "our"):
        return None  # ("The Latest: Sanders declares ‘revolution’": another speaker's sentence)
    return c.head, ":", SHAPE_COLON


def participle_goes_on(c: SpanContext) -> GoesOn | None:
    """'… could be "messy," adding, "Democracy is messy."': the speaker of the quote
    before, in the same sentence, goes on."""
    prev = c.prev_span
    if prev is not None and prev.speaker_key is not None and prev.para >= c.sp.para - 1 and \
            _OPENING_PARTICIPLE_RE.fullmatch(c.text, c.sent_start, c.sp.open):
        # '… the report "wasn't good." Adding, "Now, …"': a sentence opened by nothing but
        # a participle goes on with the speaker before
        return GoesOn(prev, c.text[c.sent_start:c.sp.open].strip(" \t,:").lower(), SHAPE_BEFORE, prev.speaker_kind)
    if not c.statement or prev is None or prev.para != c.sp.para or c.floor <= c.sent_start or \
            prev.speaker_key is None:
        return None
    cue = _PARTICIPLE_CUE_RE.fullmatch(c.text, c.floor, c.sp.open)
    if cue and cue.group(1) in L.SPEECH_VERBS:
        return GoesOn(prev, cue.group(1), SHAPE_BEFORE, prev.speaker_kind)
    return None


FRAMES = (headline_lead, around_quote, it_speaks, colon_paragraph_before, signature_below, sentence_before,
          paragraph_before, headline, participle_goes_on)


def attribute(c: SpanContext) -> Found | GoesOn | None:
    for frame in FRAMES:
        res = frame(c)
        if res is not None:
            return res
    return None


def refine(c: SpanContext, res: Found) -> Found | None:
    """'They' is the group the sentence before is about (a fragment of "they" with no such
    group is nobody's); a document that speaks stands for whoever issued it."""
    subj, verb, shape = res
    if subj.kind == "pronoun" and subj.phrase.lower() == "they":
        # 'Officials say the shoe is on the other foot. They have put forward …'
        grp = it_antecedent(c.text, c.sp.open, c.writer_starts, c.p.start, c.ents.in_quote, plural=True)
        if grp is not None:
            subj, shape = grp, SHAPE_FRAGMENT if shape == SUBJECT_ONLY else shape
        elif shape == SUBJECT_ONLY:
            return None
    if subj.kind in ("org", "desc"):
        issuer = doc_antecedent_issuer(c.text, max(c.p.start - 600, 0, c.sp.open - 700), subj)
        if issuer is not None:
            subj = issuer
    return subj, verb, shape


# -- the layout around a quote: a signature below it, a headline before a colon

_SIGNATURE_RE = re.compile(r"[ \t]*[-–—]+[ \t]*(?=[A-Z])")


def signed_below(text: str, sp: Span, paras) -> tuple[Subj, str, str] | None:
    """A quote that is its paragraph, signed by the next one ('"…"' then '—Ada Brill, Ohio'),
    as in digests of the day's quotes."""
    if sp.close is None:
        return _signed_inside(text, sp, paras)
    if text[sp.close + 1:paras[sp.para].end].strip(" \t.,"):
        return None
    nxt = sp.para + 1
    while nxt < len(paras) and not paras[nxt].text.strip():
        nxt += 1
    if nxt >= len(paras) or paras[nxt].end - paras[nxt].start > 160:
        return None
    q = paras[nxt]
    m = _SIGNATURE_RE.match(text, q.start, q.end)
    if m is None:
        return None
    subj = subject_after(text, m.end(), q.end)
    if subj is None or subj.kind != "name":
        return None
    return subj, "—", SHAPE_AFTER


def _signed_inside(text: str, sp: Span, paras) -> tuple[Subj, str, str] | None:
    """A pull quote whose last line, inside the marks, names its speaker: '"… tax cuts.'
    then 'Dean Baker, Center for Economic and Policy Research."'."""
    nxt = sp.para + 1
    if nxt >= len(paras):
        return None
    q = paras[nxt]
    line = text[q.start:q.end].rstrip()
    if len(line) > 160 or not line.endswith(("\"", "”")) or any(ch in line[:-1] for ch in "\"“”"):
        return None
    m = _SIGNATURE_RE.match(text, q.start, q.end)
    subj = subject_after(text, m.end() if m else q.start, q.end)
    if subj is None or subj.kind != "name" or text[q.start:subj.start].strip(" \t-–—") or \
            not text.startswith(",", subj.end):
        return None
    return subj, "—", SHAPE_AFTER


_HEADLINE_COLON_RE = re.compile(r"[ \t]*((?:[^:“”\"‘’'\n]|(?<=\w)[’'](?=\w)){2,90}?):[ \t]")
# 'Name Praises Rival: …', 'Name on the Plan: …': the headline's lead name, then its verb
_HEADLINE_LEAD_RE = re.compile(r"[ \t]*((?:[A-Z][\w.\-]*[ \t]+){0,3}[A-Z][\w\-]*)[ \t]+(On|on|To|to|[A-Z][a-z]+s)[ \t]")


def headline_speaker(article: Article) -> Subj | None:
    """'Name: Rival’s ‘Hateful Rhetoric’ Hurts The Party' — in a headline, a name and a
    colon before the quoted words give their speaker. Only a name (or organisation)
    that fills everything before the colon and that the body mentions again."""
    if len(article.paragraphs) < 2:
        return None
    p = article.paragraphs[0]
    text = article.text
    if p.end - p.start > 200 or "\n" in text[p.start:p.end]:
        return None  # a headline is one short line
    m = _HEADLINE_COLON_RE.match(text, p.start, p.end)
    if not m:
        return None
    ml = _HEADLINE_LEAD_RE.match(text, p.start, m.end(1))
    verb = ml.group(2).lower() if ml else ""
    lead = subject_after(text, ml.start(1), ml.end(1)) if ml is not None and (
        verb in ("on", "to") or verb in L.SPEECH_VERBS or verb in L.OPINION_VERBS) else None
    if lead is not None and lead.kind in ("name", "org") and lead.end == ml.end(1):
        subj = lead  # "Gillibrand on Hillary Releasing …: ‘…’", "Name Praises Rival: ‘…’": the lead name speaks
    else:
        subj = subject_before(text, p.start, m.end(1))
    if subj is None or subj.kind not in ("name", "org") or text[p.start:subj.start].strip() or \
            (subj is not lead and subj.end != m.end(1)):
        return None
    last = subj.phrase.split()[-1].strip(".,")
    if len(last) < 2 or last.lower() in NOT_NAME:
        return None
    body = text[p.end:]
    flags = re.IGNORECASE if last.isupper() else 0
    if not re.search(rf"(?<![\w’'-]){re.escape(last)}(?![\w-])", body, flags):
        return None
    return subj
