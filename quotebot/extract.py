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

A quote with no attribution of its own borrows a neighbour's (``resolve``:
``joined_quotes_share`` for a list of quotes, ``share_chains`` for a quote over several
paragraphs, ``carry_speakers`` for a statement right after an attributed quote); else
it is a scare quote and is dropped. ``_extract_indexed`` below is the whole route, a
line per step.
"""

from __future__ import annotations

import bisect

from .models import (
    FRAGMENT,
    ORGANISATION,
    PARAPHRASE,
    PERSON,
    SHAPE_AFTER,
    SHAPE_BEFORE,
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
    matches_by_paragraph,
    paragraphs_between_spaces,
    sentences_between,
    split_sentences,
    tls,
)
from .extraction.spans import Span, find_spans, looks_statement
from .extraction.entities import Entities
from .extraction import frames
from .extraction.resolve import (
    carry_speakers,
    joined_quotes_share,
    make_quote,
    non_overlapping,
    refresh,
    resolve_subject,
    sentence_for,
    share_chains,
    unnamed_speaker_goes_on,
)
from .extraction.paraphrase import ALL_VOCAB, paraphrases, tail_attributions

__all__ = ["extract_quotes", "split_sentences"]


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
    text, paras = article.text, article.paragraphs
    bounded = paragraphs_between_spaces(text, paras)  # (see matches_by_paragraph)
    spans = find_spans(article, bounded)
    sent_spans = _sentences(text, paras, bounded)
    ents = _entities(article, spans, sent_spans)
    tail_paras = tail_attributions(text, ents, sent_spans, keep=paraphrase)
    _attribute(article, ents, spans, [s for s, _ in sent_spans])
    # quotes that borrow the speaker of a neighbour
    joined_quotes_share(text, spans)
    share_chains(spans)
    carry_speakers(text, paras, ents, spans)
    kept = non_overlapping(_rows(article, ents, spans, sent_spans))
    if paraphrase and not safe:
        kept = non_overlapping(kept + _paraphrases(article, ents, spans, sent_spans, kept, tail_paras))
    return _refreshed(kept, ents)


def _sentences(text: str, paras: list, bounded) -> list[tuple[int, int]]:
    sent_spans: list[tuple[int, int]] = []
    bounds_by_para = matches_by_paragraph(text, paras, SENT_BOUNDARY_RE, bounded)
    for k, p in enumerate(paras):
        if bounds_by_para is None:
            sent_spans.extend(split_sentences(text, p.start, p.end))
        else:
            sent_spans.extend(sentences_between(text, p.start, p.end, bounds_by_para[k]))
    return sent_spans


def _entities(article: Article, spans: list[Span], sent_spans: list[tuple[int, int]]) -> Entities:
    text, paras = article.text, article.paragraphs
    q_ranges = sorted((s.open, (s.close + 1) if s.close is not None else s.end) for s in spans)
    # a headline: the title, or a short first line ("Understated Perez raises political profile.")
    headline = article.title or (len(paras) > 1 and len(paras[0].text) < 120 and ". " not in paras[0].text)
    ents = Entities(text, q_ranges, [s for s, _ in sent_spans], headline_end=paras[0].end if headline else 0)
    ents.author = (article.byline.split(" – ")[0].strip() if article.byline and " – " in article.byline
                   else "the author")
    return ents


def _attribute(article: Article, ents: Entities, spans: list[Span], sent_starts: list[int]) -> None:
    """Each span in reading order: its frame (frames.attribute), then its speaker."""
    text, paras = article.text, article.paragraphs
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
        elif res is not None:
            res = frames.refine(ctx, res)
            if res is not None:
                _settle(ents, sp, prev_span, *res)
        span_end = sp.close + 1 if sp.close is not None else sp.end
        prev_close_in_para[sp.para] = span_end
        closes_in_para.setdefault(sp.para, []).append(span_end)


def _settle(ents: Entities, sp: Span, prev_span: Span | None, subj, verb: str, shape: str | None) -> None:
    """The span's speaker: its frame's subject resolved to one of the article's entities."""
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


def _rows(article: Article, ents: Entities, spans: list[Span], sent_spans: list[tuple[int, int]]) -> list[Quote]:
    """A Quote for each span that has a shape and a speaker; the rest were scare quotes."""
    text = article.text
    sent_starts = [s for s, _ in sent_spans]
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
    return quotes


def _paraphrases(article: Article, ents: Entities, spans: list[Span], sent_spans: list[tuple[int, int]],
                 kept: list[Quote], tail_paras: list) -> list[Quote]:
    """Reported speech outside every quotation mark (even a scare quote's)."""
    text = article.text
    sent_starts = [s for s, _ in sent_spans]
    q_ranges = [(s.open, (s.close + 1) if s.close is not None else s.end) for s in spans]
    taken_all = sorted({(q.start, q.end) for q in kept} | set(q_ranges))
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
    return paras_q


def _refreshed(kept: list[Quote], ents: Entities) -> list[Quote]:
    """Canonical names and aliases may have grown after the early quotes: re-read each
    row's speaker with everything the article said."""
    index: dict[str, int] = {}
    for e in ents.ents:
        for f in e.forms:
            index.setdefault(f, e.id)
        index[e.canonical] = e.id
    return [refresh(q, ents, index) for q in kept]
