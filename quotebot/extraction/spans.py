"""Stage 2, quote spans: which characters are quoted, and whether they are speech.

Quotation marks are paired paragraph by paragraph with a small state machine.
Apostrophes are told from single marks by their neighbours; a mark that never closes
is bounded by its paragraph (or cut before an attribution that follows it), and a
paragraph that opens with a mark continues an unclosed quote, giving one ``Span`` per
paragraph. The checks at the end tell a whole statement from words inside the
writer's sentence, and the name of a show, book or film from speech.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon as L
from ..models import STATEMENT, UNKNOWN, Article
from .text import (
    CAPW,
    CLOSERS_AFTER,
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    MARKS_PAIRING_RE,
    OPENERS_BEFORE,
    SPEECH_RE,
    find_words,
    matches_by_paragraph,
)


# --------------------------------------------------------------------------
# Quote-mark pairing
# --------------------------------------------------------------------------
@dataclass
class Span:
    open: int  # index of the opening mark
    close: int | None  # index of the closing mark, None when unclosed
    start: int  # inner text start (after whitespace)
    end: int  # inner text end
    para: int
    single: bool = False
    chain_prev: bool = False  # continues an unclosed quote of the previous paragraph
    # attribution results
    speaker_raw: str | None = None
    speaker_kind: str = UNKNOWN
    speaker_key: int | None = None  # entity id
    role: str | None = None
    verb: str | None = None
    kind: str = STATEMENT
    shape: str | None = None
    cue_pos: int = -1
    group: int = -1  # chain id for multi-paragraph quotes
    sent_start: int = 0


def _flanks(text: str, i: int, lo: int, hi: int) -> tuple[bool, bool]:
    p = text[i - 1] if i > lo else " "
    n = text[i + 1] if i + 1 < hi else " "
    left = (p in OPENERS_BEFORE or p.isspace()) and not n.isspace()
    right = not p.isspace() and (n in CLOSERS_AFTER or n.isspace())
    return left, right


def _find_spans_in_para(text: str, lo: int, hi: int, pidx: int, marks=None) -> list[Span]:
    """Pair the quote marks of one paragraph (``marks``: their (start, end), if already found)."""
    out: list[Span] = []
    d_open: int | None = None
    s_open: int | None = None
    if marks is None:
        marks = [m.span() for m in MARKS_PAIRING_RE.finditer(text, lo, hi)]
    for i, m_end in marks:
        c = text[i]
        wide = m_end - i == 2
        if wide:
            c = '"'
            p = text[i - 1] if i > lo else " "
            n = text[i + 2] if i + 2 < hi else " "
            left = (p in OPENERS_BEFORE or p.isspace()) and not n.isspace()
            right = not p.isspace() and (n in CLOSERS_AFTER or n.isspace())
        else:
            left, right = _flanks(text, i, lo, hi)
            p = text[i - 1] if i > lo else " "
            n = text[i + 1] if i + 1 < hi else " "
        if c in "\"“”„‟«»":
            if c in DOUBLE_OPEN:
                role = "close" if (d_open is not None and right and not left) else "open"
            elif c in DOUBLE_CLOSE:
                role = "open" if (d_open is None and left and not right) else "close"
            else:  # straight "
                if left and not right:
                    role = "open"
                elif right and not left:
                    role = "close"
                else:
                    role = "close" if d_open is not None else "open"
            if role == "open":
                if d_open is not None:
                    # A new opening while one is open: the previous one never closed.
                    out.append(_mk_span(text, d_open, None, i, pidx))
                d_open = i
                s_open = None
            else:
                if d_open is not None:
                    out.append(_mk_span(text, d_open, i + (1 if wide else 0), i, pidx))
                    d_open = None
                # a stray closing mark is ignored
            continue
        # single marks
        if d_open is not None:
            continue  # nested inside a double quote: part of its text
        if c in "‘‚‛":
            if n.isdigit() and c == "‘":
                continue  # ‘90s
            if left:
                s_open = i
            continue
        # ’ or '
        if p.isalnum() and (n.isalpha() or n.isdigit()):
            continue  # don't, Russia's
        if left and not right:
            if n.isdigit():
                continue  # '90s
            if c == "'" or p in "“\"(":
                s_open = i
            continue
        if right and s_open is not None:
            if i - s_open > 2 and i - s_open < 400:
                out.append(_mk_span(text, s_open, i, i, pidx, single=True))
            s_open = None
    if d_open is not None:
        out.append(_mk_span(text, d_open, None, hi, pidx))
    return [s for s in out if s.end > s.start]


def _mk_span(text: str, o: int, c: int | None, stop: int, pidx: int, single: bool = False) -> Span:
    s, e = o + (2 if text.startswith("''", o) else 1), stop
    while s < e and (text[s].isspace()):
        s += 1
    while e > s and (text[e - 1].isspace()):
        e -= 1
    # trailing comma belongs to the writer's punctuation ("…," he said)
    while e > s and text[e - 1] in ",;":
        e -= 1
        while e > s and text[e - 1].isspace():
            e -= 1
    return Span(open=o, close=c, start=s, end=e, para=pidx, single=single)


_POST_ATTR_RE = re.compile(rf"(?:[ \t]+{CAPW}){{0,4}}[ \t]*\.?[ \t]*")
_PRE_ATTR_RE = re.compile(r"[,.!?][\"”’]?\s*(?:[—–-]\s*)?((?:\S+\s+){0,6})$")


def _unclosed_attr_cut(text: str, lo: int, hi: int) -> int | None:
    """In a quote whose closing mark is missing, find a trailing ', Name said.' and cut there."""
    verbs = find_words(text, lo, hi, L.SPEECH_VERBS)
    if not verbs:
        return None
    v = verbs[-1]
    if not _POST_ATTR_RE.fullmatch(text, v.end(), hi):
        return None
    mm = _PRE_ATTR_RE.search(text, max(lo, v.start() - 120), v.start())
    if not mm:
        return None
    return mm.start()


def find_spans(article: Article, bounded: bool | None = None) -> list[Span]:
    text = article.text
    spans: list[Span] = []
    prev_unclosed_para = -2
    marks_by_para = matches_by_paragraph(text, article.paragraphs, MARKS_PAIRING_RE, bounded)
    for k, p in enumerate(article.paragraphs):
        if marks_by_para is None:
            ps = _find_spans_in_para(text, p.start, p.end, p.index)
        else:
            ps = _find_spans_in_para(text, p.start, p.end, p.index, marks_by_para[k]) if marks_by_para[k] else []
        if ps and prev_unclosed_para == p.index - 1 and ps[0].open == p.start:
            ps[0].chain_prev = True
        for s in ps:
            if s.close is None and not s.single:
                # "…the rest, Name said." with the closing mark missing: cut there.
                seg_lo = max(s.start, s.end - 200)
                cut = _unclosed_attr_cut(text, seg_lo, s.end + 1 if s.end < p.end else p.end)
                if cut is not None and cut > s.start:
                    e = cut + (1 if text[cut] in ".!?" else 0)
                    while e > s.start and text[e - 1].isspace():
                        e -= 1
                    s.end = e
                    s.close = cut  # treat the attribution as following the quote
        spans.extend(ps)
        last = ps[-1] if ps else None
        if last is not None and last.close is None and not last.single:
            prev_unclosed_para = p.index
        else:
            prev_unclosed_para = -2
    return spans


_ACCORDING_TAIL_RE = re.compile(r"according to [^,]{2,60},$")
_TITLE_WORD_RE = re.compile(r"[\w’'\-]+")


def looks_statement(text: str, sp: Span, win_start: int) -> bool:
    """Does the quote stand as a whole statement rather than words inside a sentence?"""
    before = text[win_start:sp.open].rstrip()
    if not before:
        return True
    if before.endswith((":", "—", "–", "…")):
        return True
    if before.endswith(","):
        # 'Name said, "…"' / '"…," he said, "…"' but not 'however, "never" may mean'
        tail = before[-60:]
        return bool(SPEECH_RE.search(tail)) or bool(_ACCORDING_TAIL_RE.search(tail))
    return False


# what comes before the name of a show, book or film whose sentence ends inside the marks
_TITLE_LEAD_RE = re.compile(r"(?:[’']s|\b(?:on|of|show|program|programme|podcast|book|film|movie|series|play|"
                            r"memoir|novel|album|song|documentary|column|titled|entitled),?)[ \t]*$")


def titled_work(text: str, sp: Span, inner: str) -> bool:
    """Title-case words whose sentence ends inside the marks, after words that name a work:
    'on NBC’s "Meet the Press."', 'in his book, "An American Son."'."""
    return inner.endswith((".", "!", "?")) and is_title_case(inner.rstrip(".!?")) and \
        _TITLE_LEAD_RE.search(text, max(0, sp.open - 24), sp.open) is not None


def is_title_case(inner: str) -> bool:
    """"Fareed Zakaria GPS", "The Art of the Deal": names of works, not speech."""
    words = _TITLE_WORD_RE.findall(inner)
    if not words or len(words) > 8:
        return False
    small = {"of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "with", "at", "by", "vs"}
    caps = [w for w in words if w.lower() not in small]
    return bool(caps) and all(w[:1].isupper() or w[:1].isdigit() for w in caps) and \
        not inner.rstrip().endswith((".", "!", "?", ","))


def _looks_title_or_scare(text: str, sp: Span) -> bool:
    inner = text[sp.start:sp.end]
    return len(inner.split()) <= 4 and not inner.rstrip().endswith((".", "?", "!"))
