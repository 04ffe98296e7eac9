"""Find every attributed quote in a news article, with its speaker.

The stages live in ``quotebot.extraction``; this module runs them over one article.
Following one quote from file to row:

1. ``extraction.text``: the article's sentences and its cue words (speech verbs,
   ``according to``, ``put it``), found once per article into a ``WordIndex`` that
   every later stage looks windows up in.
2. ``extraction.spans``: quotation marks paired paragraph by paragraph into ``Span``
   objects (straight, curly and ``''`` marks, unclosed marks bounded by their
   paragraph, continuation paragraphs); titles of works and scare quotes told apart
   from speech.
3. ``extraction.after_cues`` and ``extraction.cues``: the attribution frame after each
   span (``"…," said Name``, ``the email read``) and before it (``Name said: "…"``,
   ``according to``, a colon, a signature line, the sentence before); each gives a
   speaker candidate, a verb and a shape. ``extraction.frames``
   holds the order in which the frames are tried for one span (``FRAMES``).
4. ``extraction.candidates``: the subject phrase beside a cue (a name with its title,
   a pronoun, a description, an organisation or a document), as a ``Subj``.
5. ``extraction.entities`` (with ``extraction.names``): the article's people and
   organisations, so that ``Holm``, ``Ms Holm`` and ``Finance Minister Ada Holm``
   share one canonical name and role. ``extraction.antecedents`` resolves a pronoun as a
   scored choice among the compatible people before it (salience, distance; weights
   fitted by ``benchmarks/fit_resolver.py``). ``extraction.resolve`` turns a candidate
   into that entity and builds the ``Quote`` row; ``extraction.paraphrase`` adds
   reported speech (``Name said that …``).

A quote with no attribution becomes a continuation of the previous speaker when it is
a whole statement, else it is a scare quote and is dropped.
"""

from __future__ import annotations

import bisect
import re

from . import lexicon as L
from .models import (
    FRAGMENT,
    ORGANISATION,
    PARAPHRASE,
    PERSON,
    SHAPE_AFTER,
    SHAPE_BEFORE,
    SHAPE_CONTINUATION,
    SHAPE_FRAGMENT,
    SHAPE_INDIRECT,
    SHAPE_PRONOUN,
    STATEMENT,
    Article,
    Quote,
)
from .extraction.text import (
    SENT_BOUNDARY_RE,
    SUBJECT_ONLY,
    WordIndex,
    find_words,
    matches_by_paragraph,
    paragraphs_between_spaces,
    sentences_between,
    split_sentences,
    tls,
)
from .extraction.spans import Span, find_spans, looks_statement
from .extraction.candidates import Subj
from .extraction.phrases import role_like
from .extraction.entities import Entities
from .extraction import frames
from .extraction.after_cues import try_after
from .extraction.resolve import (
    unnamed_speaker_goes_on,
    CONTINUATION_LEAD_RE,
    joined_quotes_share,
    make_quote,
    names_other,
    non_overlapping,
    refresh,
    resolve_subject,
    sentence_for,
)
from .extraction.paraphrase import ALL_VOCAB, paraphrases, sentences_with

__all__ = ["extract_quotes", "split_sentences"]


# a word that makes a piece a clause, not a role ("…, said Name, Trump made further demands")
_CLAUSE_WORD_RE = re.compile(r"\b(?:is|was|were|are|must|will|would|can|could|should|has|had|have|made|makes|"
                             r"said|says|did|does|do|wants|wanted)\b")


_OBJECT_CLAUSE_RE = re.compile(r"[ \t]+(?:whether|if|why|how|what|when|where|to|about)[ \t]")
_CLAUSE_AFTER_VERB_RE = re.compile(r"[ \t]+(?:[\w’'.\-]+[ \t]+){0,3}(?:that|he|she|they|we|it|this|there)[ \t]")


def extract_quotes(article: Article, *, paraphrase: bool = True) -> list[Quote]:
    """Every attributed quote in ``article`` (see module docstring). Never raises."""
    try:
        return _extract(article, paraphrase)
    except Exception:  # pragma: no cover - last-resort guard; the tests hunt these down
        try:
            return _extract(article, False, safe=True)
        except Exception:
            return []


def _extract(article: Article, paraphrase: bool, safe: bool = False) -> list[Quote]:
    text = article.text or ""
    if not text.strip() or not article.paragraphs:
        return []
    tls.index = WordIndex(text, ALL_VOCAB)
    try:
        return _extract_indexed(article, paraphrase, safe)
    finally:
        tls.index = None


def _extract_indexed(article: Article, paraphrase: bool, safe: bool) -> list[Quote]:
    text = article.text
    paras = article.paragraphs
    bounded = paragraphs_between_spaces(text, paras)  # (see _matches_by_paragraph)
    spans = find_spans(article, bounded)
    sent_spans: list[tuple[int, int]] = []
    bounds_by_para = matches_by_paragraph(text, paras, SENT_BOUNDARY_RE, bounded)
    for k, p in enumerate(paras):
        if bounds_by_para is None:
            sent_spans.extend(split_sentences(text, p.start, p.end))
        else:
            sent_spans.extend(sentences_between(text, p.start, p.end, bounds_by_para[k]))
    sent_starts = [s for s, _ in sent_spans]
    q_ranges = sorted((s.open, (s.close + 1) if s.close is not None else s.end) for s in spans)
    # a headline: the title, or a short first line ("Understated Perez raises political profile.")
    headline = article.title or (len(paras) > 1 and len(paras[0].text) < 120 and ". " not in paras[0].text)
    ents = Entities(text, q_ranges, sent_starts, headline_end=paras[0].end if headline else 0)
    ents.author = (article.byline.split(" – ")[0].strip() if article.byline and " – " in article.byline
                   else "the author")

    # Reported speech that ends with its attribution ("…, Henson said."): the speaker
    # becomes salient for later pronouns, and the clause is a paraphrase.
    tail_paras: list[tuple[int, int, Subj, str]] = []
    for ss, se in sentences_with(sent_spans, L.SPEECH_VERBS):
        if se - ss > 1500 or se - ss < 25 or ents.in_quote(ss):
            continue
        c = text.rfind(",", max(ss, se - 110), se)
        if c < 0 or c - ss < 15:
            continue
        if any(ch in text[c:se] for ch in "“”\"") or text.startswith("''", c):
            continue
        if not find_words(text, max(ss, c - 90), se, L.SPEECH_VERBS, multi=True, first=True):
            continue  # no speech verb near the end of the sentence
        fake = Span(open=c - 1, close=c - 1, start=ss, end=c, para=0)
        res = try_after(text, fake, se)
        if res is None:
            # "…, said Name, role of X." — the attribution sits before the last comma
            c2 = text.rfind(",", max(ss, c - 90), c)
            if c2 >= 0 and c2 - ss >= 15 and not any(ch in text[c2:c] for ch in "“”\""):
                fake = Span(open=c2 - 1, close=c2 - 1, start=ss, end=c2, para=0)
                res = try_after(text, fake, c)
                if res is not None:
                    app = text[c + 1:se].strip(" .")
                    if res[0].kind == "name" and res[0].role is None and len(app.split()) <= 14 and role_like(app) \
                            and not _CLAUSE_WORD_RE.search(app) and not any(ch in app for ch in "“”\"") \
                            and "''" not in app:
                        # "…, according to Name, a spokeswoman for the council.": her role
                        res = (Subj(res[0].phrase, res[0].kind, res[0].start, res[0].end, app),) + res[1:]
                    c = c2
        if res is None or res[0].kind not in ("name", "pronoun"):
            continue
        subj, verb, _shape = res
        if subj.kind == "name":
            resolve_subject(ents, subj, subj.start, max(0, subj.start - 3000))
        k = text.find(verb, c, se)
        if k >= 0 and _CLAUSE_AFTER_VERB_RE.match(text, k + len(verb), se):
            continue  # '…, Cornyn told reporters this was …': the sentence goes on; its own clause is reported
        if _OBJECT_CLAUSE_RE.match(text, subj.end, se):
            continue  # '…, asked Name whether …': Name is asked; the sentence's subject opens it
        if paraphrase and not any(ch in text[ss:c] for ch in "“”\""):
            tail_paras.append((ss, c, subj, verb))

    # attribution, in reading order
    prev_close_in_para: dict[int, int] = {}
    closes_in_para: dict[int, list[int]] = {}
    writer_starts = [st for st in sent_starts if not ents.in_quote(st - 1)]

    def sentence_start(pos: int, lo: int) -> int:
        i = bisect.bisect_right(writer_starts, pos) - 1
        st = writer_starts[i] if i >= 0 else lo
        return max(st, lo, pos - 400)

    head = frames.headline_speaker(article) if spans and spans[0].para == 0 else None

    before: Span | None = None  # the span just before, in this loop
    for sp in spans:
        prev_span, before = before, sp
        p = paras[sp.para]
        floor_ = prev_close_in_para.get(sp.para, p.start)
        prev_closes = closes_in_para.get(sp.para, [])
        far_floor = prev_closes[-3] if len(prev_closes) >= 3 else p.start
        sent_start = sentence_start(sp.open, far_floor)
        sp.sent_start = sent_start
        win_start = max(sent_start, floor_)
        statement = looks_statement(text, sp, win_start)
        sp.kind = STATEMENT if statement else FRAGMENT
        ctx = frames.SpanContext(text, paras, ents, writer_starts, sentence_start, sp, prev_span, statement,
                                 sent_start, win_start, floor_, head)
        res = frames.attribute(ctx)
        if isinstance(res, frames.GoesOn):
            src = res.source
            sp.speaker_key, sp.speaker_raw, sp.speaker_kind = src.speaker_key, src.speaker_raw, res.kind
            sp.verb, sp.shape = res.verb, res.shape
            res = None
        elif res is not None:
            res = frames.refine(ctx, res)
        if res is not None:
            subj, verb, shape = res
            sp.speaker_raw = subj.phrase
            sp.verb = verb
            sp.shape = shape
            eid, fallback, skind = resolve_subject(ents, subj, sp.open, max(0, sp.open - 3000))
            if unnamed_speaker_goes_on(ents, prev_span, sp, subj):
                eid, fallback, skind = None, prev_span.speaker_raw, PERSON
            if shape == SUBJECT_ONLY:
                # only a person the article has established (full name, role or gender)
                e = ents.ents[eid] if eid is not None else None
                if e is None or e.kind != PERSON or not (
                        e.roles or e.gender or any(len(f.split()) >= 2 for f in e.forms)):
                    eid, fallback, shape = None, None, None
                    sp.shape = None
                else:
                    sp.shape = shape = SHAPE_FRAGMENT
            sp.speaker_key = eid
            sp.speaker_raw = fallback
            sp.speaker_kind = skind
            if subj.kind in ("pronoun", "desc") and shape in (SHAPE_AFTER, SHAPE_BEFORE):
                sp.shape = SHAPE_PRONOUN
        span_end = sp.close + 1 if sp.close is not None else sp.end
        prev_close_in_para[sp.para] = span_end
        closes_in_para.setdefault(sp.para, []).append(span_end)

    joined_quotes_share(text, spans)
    # multi-paragraph chains share a speaker
    group = 0
    for i, sp in enumerate(spans):
        if sp.chain_prev and i > 0:
            sp.group = spans[i - 1].group
        else:
            group += 1
            sp.group = group
    by_group: dict[int, list[Span]] = {}
    for sp in spans:
        by_group.setdefault(sp.group, []).append(sp)
    for members in by_group.values():
        if len(members) < 2:
            continue
        known = [m for m in members if m.shape is not None and (m.speaker_key is not None or m.speaker_raw)]
        if not known:
            continue
        for m in members:
            if m.shape is None:
                src = known[0]
                m.speaker_key, m.speaker_raw, m.speaker_kind = src.speaker_key, src.speaker_raw, src.speaker_kind
                m.verb = src.verb
                m.shape = SHAPE_CONTINUATION
                m.kind = STATEMENT

    # continuations: an unattributed statement right after an attributed quote
    last: Span | None = None
    for sp in spans:
        lead = text[max(sp.sent_start, sp.open - 400):sp.open].strip()
        # (a quote after a lead adverb reads as a fragment of the writer's sentence: it is
        # the rest of that sentence, so a statement)
        led = bool(lead) and len(lead) < 12 and CONTINUATION_LEAD_RE.fullmatch(lead) is not None
        if sp.shape is None and last is not None and (sp.kind == STATEMENT and not lead or led) and \
                (len(text[sp.start:sp.end].split()) >= 3 or text[sp.end - 1:sp.end] in ".?!"):
            if last.para in (sp.para, sp.para - 1) or (last.para == sp.para - 2 and
                                                       not paras[sp.para - 1].text.strip()):
                # another person named in between breaks the continuation
                if not names_other(ents, text, (last.close + 1) if last.close is not None else last.end, sp.open, last):
                    sp.speaker_key, sp.speaker_raw, sp.speaker_kind = last.speaker_key, last.speaker_raw, last.speaker_kind
                    sp.verb = last.verb
                    sp.shape = SHAPE_CONTINUATION
                    sp.kind = STATEMENT
        if sp.shape is not None and (sp.speaker_key is not None or sp.speaker_raw):
            last = sp

    quotes: list[Quote] = []
    for sp in spans:
        if sp.shape is None:
            continue
        if sp.speaker_key is None and not sp.speaker_raw and sp.speaker_kind != ORGANISATION:
            continue
        if sp.end <= sp.start:
            continue
        q = make_quote(article, ents, sp.start, sp.end, (sp.speaker_key, sp.speaker_raw, sp.speaker_kind),
                       sp.verb, sp.kind, sp.shape, sentence_for(text, sent_starts, sent_spans, sp.start, sp.end),
                       para=sp.para)
        if q is None or not q.speaker:
            continue
        quotes.append(q)

    # canonical names may have grown after early quotes: refresh speakers
    kept = non_overlapping(quotes)
    if paraphrase and not safe:
        taken = sorted((q.start, q.end) for q in kept)
        # direct quote marks (even scare quotes) are off limits for paraphrases
        taken_all = sorted(set(taken) | set(q_ranges))
        paras_q = paraphrases(article, ents, taken_all, sent_spans, None)
        for ss, c, subj, verb in tail_paras:
            a, b = ss, c
            while a < b and text[a].isspace():
                a += 1
            if b - a < 12 or len(text[a:b].split()) < 3:
                continue
            q = make_quote(article, ents, a, b, subj, verb, PARAPHRASE, SHAPE_INDIRECT,
                           sentence_for(text, sent_starts, sent_spans, a, b))
            if q is not None and q.speaker:
                paras_q.append(q)
        kept = non_overlapping(kept + paras_q)
    # refresh canonical names and aliases with everything the article said
    index: dict[str, int] = {}
    for e in ents.ents:
        for f in e.forms:
            index.setdefault(f, e.id)
        index[e.canonical] = e.id
    return [refresh(q, ents, index) for q in kept]
