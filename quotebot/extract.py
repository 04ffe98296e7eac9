"""Find every attributed quote in a news article, with its speaker.

Pipeline (all rule based, pure Python, roughly linear in the article length):

1. ``_find_spans``: pair quotation marks paragraph by paragraph with a small
   state machine. Apostrophes are told apart from single marks by their
   neighbours; a mark that never closes is bounded by its paragraph, and a
   paragraph that opens with a mark continues an unclosed quote (multi-paragraph
   quotes give one quote per paragraph).
2. ``_attribute``: look right after the closing mark (``"…," said Name`` /
   ``"…," Name said`` / ``he said`` / ``according to``) and in the writer's
   sentence before the opening mark (``Name said: "…"``, ``Name said that … "…"``,
   ``called it a "…"``, ``…: "…"``). A quote with neither becomes a continuation
   of the previous speaker when it is a whole statement, else it is a scare quote
   and is dropped.
3. ``_Entities``: every person/organisation mention in the article, so that
   ``Holm``, ``Ms Holm`` and ``Finance Minister Ada Holm`` share the
   canonical name ``Ada Holm`` and the role ``Finance Minister``; pronouns
   and descriptions ("the spokesman") resolve to the most recent compatible
   person mention outside quotes.
4. Reported speech (``Name said that …``) becomes PARAPHRASE quotes.
"""

from __future__ import annotations

import bisect
import collections
import functools
import re
import threading
from dataclasses import dataclass, field

from . import lexicon as L
from .models import (
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
    UNKNOWN,
    Article,
    Quote,
)

__all__ = ["extract_quotes", "split_sentences"]

# --------------------------------------------------------------------------
# Character classes and small regexes
# --------------------------------------------------------------------------
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁ"
_TITLE_ABBRS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "St", "Jr", "Sr",
                "Prof", "Rev", "Adm", "Maj", "Ft", "Mt", "Gens", "Sens", "Reps", "Messrs", "Supt", "Insp", "Cmdr",
                "Lt.Col")
_ABBR_TITLES = "(?:" + "|".join(re.escape(t) for t in _TITLE_ABBRS) + r")\."
_CAPW = rf"(?:{_ABBR_TITLES}|[{_UP}]\.(?:[{_UP}]\.)+|[{_UP}]\.(?=[ \t]+[{_UP}])|[{_UP}][\w'’\-]*)"


def _capw_after_first() -> str:
    """The rest of a ``_CAPW`` word once its first capital is consumed: each title
    abbreviation checks that capital with a lookbehind (same alternatives, same order
    among titles of one letter). Lets a pattern open with ``[capitals]`` so the engine
    skips ahead to capitals instead of trying a lookahead at every position."""
    by_first: dict[str, list[str]] = {}
    for t in _TITLE_ABBRS:
        by_first.setdefault(t[0], []).append(re.escape(t[1:]))
    titles = [f"(?<={c})(?:{'|'.join(rests)})\\." for c, rests in by_first.items()]
    return "(?:" + "|".join(titles + [rf"\.(?:[{_UP}]\.)+", rf"\.(?=[ \t]+[{_UP}])", r"[\w'’\-]*"]) + ")"
_CAPW_RE = re.compile(rf"^{_CAPW}$")
# '' is a double mark (some newspapers' style). Patterns that are searched through long
# stretches of text are written to open with a character (set) where they can, so the
# engine skips ahead to candidates instead of trying the pattern at every position:
# alternatives that each open with a literal, "[x][x]*" rather than "[x]+".
_MARKS_RE = re.compile("''|\"|“|”|„|‟|«|»|‘|’|'|‚|‛")
# The same marks less the apostrophes inside a word ("don't", "Russia’s"), which the
# pairing skips anyway (only those between ASCII letters or digits, which it surely skips).
_MARKS_PAIRING_RE = re.compile("''|\"|“|”|„|‟|«|»|‘|‚|‛|"
                               "’(?:(?<![A-Za-z0-9]’)|(?![A-Za-z0-9]))|'(?:(?<![A-Za-z0-9]')|(?![A-Za-z0-9]))")
_DOUBLE_OPEN = "“„‟«"
_DOUBLE_CLOSE = "”»"
_OPENERS_BEFORE = set(" \t\n([{—–-/\u00a0") | set("“‘\"'«„")
_CLOSERS_AFTER = set(" \t\n.,;:!?)]}—–-/\u00a0…") | set("”’\"'»")

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "nos", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
    "u.k", "e.g", "i.e", "a.m", "p.m", "d.c", "mt", "ft", "fig", "adm", "maj", "rev", "supt",
    "pres", "dept", "univ", "assn", "bros", "messrs", "gens", "reps", "sens", "ave", "blvd",
}
_SENT_BOUNDARY_RE = re.compile(r"[.!?…][.!?…]*[\"”’')\]]*\s+(?=(?:''|[\"“‘'(\[])?[0-9" + _UP + r"])")
_WORD_BEFORE_RE = re.compile(r"([\w.\-]+)$")
_WORD_RUN_RE = re.compile(r"[\w.\-]*")


def _word_before(text: str, lo: int, end: int) -> str | None:
    """What ``_WORD_BEFORE_RE.search(text, lo, end)`` captures: the run of word characters,
    dots and hyphens that ends at ``end`` (``$`` also matches just before a final newline),
    found by matching the reversed window instead of trying every start position."""
    if end > lo and text[end - 1] == "\n":
        end -= 1
    n = _WORD_RUN_RE.match(text[lo:end][::-1]).end()
    return text[end - n:end] if n else None


_FRAG_ALT = "|".join(sorted((re.escape(v) for v in L.FRAGMENT_VERBS), key=len, reverse=True))
_LCWORD_RE = re.compile(r"\b[a-z]+(?:-[a-z]+)*\b(?![’'])")
_ANY_VOCAB = L.SPEECH_VERBS | L.FRAGMENT_VERBS
_FRAG_VOCAB = _ANY_VOCAB | L.OPINION_VERBS
_SUBJECT_ONLY = "subject-only"  # internal: fragment attributed to a sentence subject, to be checked
_NAMING_VERBS = {v for v in L.FRAGMENT_VERBS if v.startswith(("call", "describ", "refer", "dub", "brand",
                                                               "label", "term", "characteri", "nicknam"))}


class _WM:
    """A tiny stand-in for re.Match, for words found by _find_words."""

    __slots__ = ("s", "e", "w")

    def __init__(self, s: int, e: int, w: str):
        self.s, self.e, self.w = s, e, w

    def start(self, *_a) -> int:
        return self.s

    def end(self, *_a) -> int:
        return self.e

    def group(self, *_a) -> str:
        return self.w


def _trie_regex(words: set[str]) -> str:
    """A regex alternation shaped as a trie, so the engine tries one branch per letter."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = []
        end = "" in node
        for ch in sorted(k for k in node if k):
            alts.append(re.escape(ch) + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return build(trie)


_PUT_IT_RE = re.compile(r" it[,:]")  # ("put it bluntly:" is read as a colon attribution)


class _WordIndex:
    """Every cue word of the article, found in one pass; windows are then bisect look-ups."""

    _WORDS: frozenset[str] | None = None
    _RE: re.Pattern | None = None

    def __init__(self, text: str, vocab: set[str]):
        self.text = text
        if _WordIndex._RE is None:
            _WordIndex._WORDS = frozenset(
                w for w in vocab | {"according", "went", "put"} if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", w))
            # A cue word is a whole run of word characters, hyphens and apostrophes. The
            # pattern consumes the character before the word (so it opens with a character
            # set the engine skips to, instead of trying a lookbehind at every letter); the
            # text gets a leading newline so that a word at its start has one too.
            _WordIndex._RE = re.compile(r"[^\w\-’'](" + _trie_regex(_WordIndex._WORDS) + r")(?![\w\-’'])")
        ms = [(m.start(1) - 1, m.end() - 1, m.group(1)) for m in _WordIndex._RE.finditer("\n" + text)]
        self.pos = [a for a, _, _ in ms]
        self.ends = [b for _, b, _ in ms]
        self.words = [w for _, _, w in ms]

    def find(self, lo: int, hi: int, vocab: set[str], multi: bool, first: bool) -> list[_WM]:
        text = self.text
        out: list[_WM] = []
        i = bisect.bisect_left(self.pos, lo)
        n = len(self.pos)
        while i < n and self.pos[i] < hi:
            s, e, w = self.pos[i], self.ends[i], self.words[i]
            i += 1
            if e > hi:
                break
            if w in vocab:
                out.append(_WM(s, e, w))
            elif multi and w == "according" and text.startswith(" to", e):
                out.append(_WM(s, e + 3, "according to"))
            elif multi and w == "went" and text.startswith(" on to say", e):
                out.append(_WM(s, e + 10, "went on to say"))
            elif multi and w == "put" and _PUT_IT_RE.match(text, e):
                out.append(_WM(s, e + 3, "put it"))  # 'as Hale put it: "…"'
            else:
                continue
            if first:
                break
        return out


_tls = threading.local()
_PARTY_TAIL_RE = re.compile(r"\s*\([A-Z][^()]{0,24}\)\s*$")


def _party_tail(text: str, lo: int, end: int) -> re.Match | None:
    """``_PARTY_TAIL_RE.search(text, lo, end)``, tried only when ")" ends the window's text."""
    j = end
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == lo or text[j - 1] != ")":
        return None
    return _PARTY_TAIL_RE.search(text, lo, end)


_PARTY_RE = re.compile(r"\([A-Z][^()]{0,24}\)")
_UNNAMED_RE = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Aa]nother|[Oo]ne|[Tt]he|[Tt]wo|[Tt]hree|[Ss]ome|[Ss]everal)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:source|official|aide|adviser|advisor|person|spokesman|spokeswoman|spokesperson|staffer|"
    r"strategist|operative|insider|lawmaker|member|diplomat|officer|user|commenter|reader|viewer|caller|"
    r"resident|voter|attendee|witness|bystander|neighbou?r|participant|protester|protestor)s?\b[^,.;:“”\"()]{0,70}$")
_REL_END_RE = re.compile(r"(?:^|\s)(?:that|which|who)$")
_PRON_END_RE = re.compile(r"(?:^|[\s,(—–])(he|she|they|we|i|He|She|They|We|I)$")
_SKIP_PUNCT_RE = re.compile(r"[\s,;—–\-]*")
_AGE_RE = re.compile(r"\d+-year-old")
_DOTTED_RE = re.compile(r"(?:[a-z]\.)+[a-z]")


def _find_words(text: str, lo: int, hi: int, vocab: set[str], multi: bool = False,
                first: bool = False) -> list[_WM]:
    """Lowercase words of ``vocab`` in text[lo:hi] (fast: one simple regex plus set look-ups)."""
    idx = getattr(_tls, "index", None)
    if idx is not None and idx.text is text:
        return idx.find(lo, hi, vocab, multi, first)
    out: list[_WM] = []
    for m in _LCWORD_RE.finditer(text, lo, hi):
        w = m.group()
        if w in vocab:
            out.append(_WM(m.start(), m.end(), w))
        elif multi and w == "according" and text.startswith(" to", m.end()):
            out.append(_WM(m.start(), m.end() + 3, "according to"))
        elif multi and w == "went" and text.startswith(" on to say", m.end()):
            out.append(_WM(m.start(), m.end() + 10, "went on to say"))
        elif multi and w == "put" and _PUT_IT_RE.match(text, m.end()):
            out.append(_WM(m.start(), m.end() + 3, "put it"))
        else:
            continue
        if first:
            break
    return out


class _SpeechSearch:
    @staticmethod
    def search(text: str, lo: int = 0, hi: int | None = None):
        r = _find_words(text, lo, len(text) if hi is None else hi, L.SPEECH_VERBS, first=True)
        return r[0] if r else None


_SPEECH_RE = _SpeechSearch()
_AFTER_VERB_RE = re.compile(
    # the speech verbs as a trie: the same longest verb a longest-first alternation finds
    rf"^(?:(?:also|later|then|again|further|simply|quickly|once|finally)\s+)?({_trie_regex(L.SPEECH_VERBS)})\b",
)
_ACCORDING_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
_ADJUNCT_TIMES = (r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|"
                  r"month|year|night|morning|afternoon|evening|weekend|January|February|March|April|May|"
                  r"June|July|August|September|October|November|December")
_ADJUNCT_ADVERBS = (r"also|later|then|again|further|has|had|have|was|is|were|are|would|will|"
                    r"previously|recently|once|repeatedly|publicly|privately|reportedly|himself|herself|"
                    r"themselves|itself|first|quickly|simply|even|often|earlier|today|yesterday|tonight|"
                    r"never|initially|then-|still|only|already|subsequently|ultimately|eventually|finally")
_ADJUNCT_TAIL_RE = re.compile(
    r"(?:[\s,]+(?:on|last|this|early|late|earlier|later|in|at|during)\s+"
    rf"(?:a\s+|an\s+|the\s+)?(?:{_ADJUNCT_TIMES})\b\.?(?:\s+\d{{1,2}})?|"
    rf"\s+(?:{_ADJUNCT_ADVERBS}))+\s*$",
    re.IGNORECASE,
)
# Such a tail ends with one of its words (or a day of the month) as the text's last
# whitespace-separated token: checking that token first spares most searches.
_ADJUNCT_LAST_RE = re.compile(rf"(?:{_ADJUNCT_TIMES}|{_ADJUNCT_ADVERBS})\.?|\d{{1,2}}", re.IGNORECASE)


def _adjunct_tail(s: str) -> re.Match | None:
    """``_ADJUNCT_TAIL_RE.search(s)``: the time and adverb words that end ``s``."""
    last = s.rsplit(None, 1)
    if not last or not _ADJUNCT_LAST_RE.fullmatch(last[-1]):
        return None
    return _ADJUNCT_TAIL_RE.search(s)


_TOKEN_RE = re.compile(r"\S+")
_PRONOUN_SUBJ = {"he", "she", "they", "we", "i"}
_DETERMINERS = {"the", "a", "an", "one", "another", "his", "her", "their", "its", "our",
                "two", "three", "several", "some", "many", "other", "both", "most", "few"}
_CONNECTORS = {"of", "the", "for", "and", "on", "to", "&"}
_LOWER_ROLE = {w for w in (L.TITLES | L.ROLE_NOUNS | L.PLURAL_ROLE_NOUNS) if w.replace("-", "").isalpha()}
_LOWER_ROLE -= {"of", "the", "for", "and", "on", "to", "first", "then", "late", "white",
                "house", "state", "us", "home", "top", "team", "both", "others", "some",
                "many", "several", "most", "few", "people", "man", "woman", "groups"}
_LOWER_ROLE |= {"spokesman", "spokeswoman", "spokesperson", "people", "man", "woman"}
_ADJ_ROLE_OK = {"former", "senior", "top", "chief", "deputy", "acting", "then", "late",
                "longtime", "veteran", "incoming", "outgoing", "new", "fellow", "retired",
                "presidential", "vice", "assistant", "associate", "executive", "general",
                "press", "campaign", "party", "republican", "democratic", "white", "house",
                "administration", "government", "state", "federal", "foreign", "defense",
                "military", "national", "security", "intelligence", "u.s.", "us", "eu",
                "nato", "un", "kremlin", "russian", "american", "british", "unnamed",
                "anonymous", "key", "leading", "prominent", "conservative", "liberal",
                "progressive", "independent", "local", "regional", "european", "western"}
_NOT_NAME = L.NOT_NAME_WORDS
_FUNCTION_WORDS = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and",
                   "or", "but", "as", "that", "which", "who", "whom", "whose", "than", "then", "when",
                   "while", "after", "before", "since", "until", "into", "onto", "over", "under",
                   "about", "against", "between", "through", "during", "without", "within", "is",
                   "was", "are", "were", "be", "been", "has", "had", "have", "will", "would", "can",
                   "could", "should", "may", "might", "must", "not", "no", "so", "if", "because",
                   "also", "only", "even", "just", "like", "via", "per", "said", "says", "told",
                   "tells", "say", "near", "across", "among", "toward", "towards", "upon", "off",
                   "up", "down", "out", "her", "his", "their", "its", "our", "my", "your", "this",
                   "these", "those", "there", "here", "where", "what", "how", "why", "all", "any",
                   "both", "each", "few", "more", "most", "other", "some", "such", "own", "same"}
_INTRO_RE = re.compile(
    r"\s*(?:(?:But|And|So|Yet|Still|Now|Then|Meanwhile|However|Also|Later|Earlier|Instead|Indeed|"
    r"Moreover|Separately|Similarly|Finally|Asked|When|While|After|Before|In|On|At|During|"
    r"Speaking|Last|This|Today|Yesterday|On\s+\w+|With|Without|Despite|Although|Though|If|As|Since|"
    r"Because|Unlike|Like|Following|Amid|Under|[A-Z][a-z]+ing)\b[^,.;:]{0,80},\s*"
    r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2},\s*(?=[A-Z]))?|(?:But|And|So|Yet|Still|Now|Then|Also)\s+)?")
# "will" is a modal opening a question, but capitalised inside a sentence it is a first
# name ("said Will Doyle"); months that are names ("April", "June") stay months
_INSIDE_WORDS = _NOT_NAME - {"mr", "mrs", "ms", "dr", "will"}


@functools.lru_cache(maxsize=65536)
def _is_cap(word: str) -> bool:
    return bool(word) and bool(_CAPW_RE.match(word)) and word.lower() not in _INSIDE_WORDS


def _clean_tok(tok: str) -> str:
    return tok.strip(",;:()[]\"“”‘’'")


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------
def _is_abbrev_boundary(text: str, dot_pos: int) -> bool:
    """Is the period at dot_pos part of an abbreviation/initial rather than a sentence end?"""
    if text[dot_pos] != ".":
        return False
    w = _word_before(text, max(0, dot_pos - 20), dot_pos)
    if not w:
        return False
    w = w.lower().strip("-")
    if w in _ABBREV:
        return True
    if len(w) == 1 and w.isalpha():  # an initial: "J. Smith"
        return True
    if _DOTTED_RE.fullmatch(w):  # "U.S" -> only when a name follows
        nxt = text[dot_pos + 1: dot_pos + 40].split()
        if nxt and nxt[0][:1].isupper() and nxt[0].lower().strip(".,") in L.TITLES:
            return True
    return False


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within text[start:end]; a small rule-based splitter."""
    end = len(text) if end is None else end
    return _sentences_between(text, start, end, [m.span() for m in _SENT_BOUNDARY_RE.finditer(text, start, end)])


def _sentences_between(text: str, start: int, end: int, boundaries) -> list[tuple[int, int]]:
    """``split_sentences`` given the (start, end) of the boundary matches in text[start:end]."""
    spans = []
    s = start
    for b_start, b_end in boundaries:
        if _is_abbrev_boundary(text, b_start):
            continue
        e = b_end
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        s = b_end
    if s < end and text[s:end].strip():
        e = end
        while e > s and text[e - 1].isspace():
            e -= 1
        spans.append((s, e))
    return spans


def _paragraphs_between_spaces(text: str, paras) -> bool:
    """Has every paragraph whitespace (or the text's edge) on both sides?"""
    n = len(text)
    for p in paras:
        if (p.start > 0 and not text[p.start - 1].isspace()) or (p.end < n and not text[p.end].isspace()):
            return False
    return True


def _matches_by_paragraph(text: str, paras, pattern: re.Pattern,
                          bounded: bool | None = None) -> list[list[tuple[int, int]]] | None:
    """The (start, end) of ``pattern``'s matches inside each paragraph, from one scan of the
    whole text instead of one scan (pos/endpos) per paragraph; None when that could differ.

    For the quote-mark and sentence-boundary patterns the two agree when every paragraph
    has whitespace (or the text's edge) on both sides, as ``split_paragraphs`` makes them:
    their matches open with a non-space character, so none reaches into a paragraph from
    before it; what they look at beside a match's edges fails on whitespace as it does at
    a window's edge; and a match running past a paragraph's end (a boundary's spaces into
    the next paragraph) is one the paragraph's own scan cannot make, so it is dropped."""
    if not (_paragraphs_between_spaces(text, paras) if bounded is None else bounded):
        return None
    found = [m.span() for m in pattern.finditer(text)]
    starts = [a for a, _ in found]
    out = []
    for p in paras:
        i = bisect.bisect_left(starts, p.start)
        j = bisect.bisect_left(starts, p.end, i)
        out.append([(a, b) for a, b in found[i:j] if b <= p.end])
    return out


# --------------------------------------------------------------------------
# Quote-mark pairing
# --------------------------------------------------------------------------
@dataclass
class _Span:
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
    left = (p in _OPENERS_BEFORE or p.isspace()) and not n.isspace()
    right = not p.isspace() and (n in _CLOSERS_AFTER or n.isspace())
    return left, right


def _find_spans_in_para(text: str, lo: int, hi: int, pidx: int, marks=None) -> list[_Span]:
    """Pair the quote marks of one paragraph (``marks``: their (start, end), if already found)."""
    out: list[_Span] = []
    d_open: int | None = None
    s_open: int | None = None
    if marks is None:
        marks = [m.span() for m in _MARKS_PAIRING_RE.finditer(text, lo, hi)]
    for i, m_end in marks:
        c = text[i]
        wide = m_end - i == 2
        if wide:
            c = '"'
            p = text[i - 1] if i > lo else " "
            n = text[i + 2] if i + 2 < hi else " "
            left = (p in _OPENERS_BEFORE or p.isspace()) and not n.isspace()
            right = not p.isspace() and (n in _CLOSERS_AFTER or n.isspace())
        else:
            left, right = _flanks(text, i, lo, hi)
            p = text[i - 1] if i > lo else " "
            n = text[i + 1] if i + 1 < hi else " "
        if c in "\"“”„‟«»":
            if c in _DOUBLE_OPEN:
                role = "close" if (d_open is not None and right and not left) else "open"
            elif c in _DOUBLE_CLOSE:
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


def _mk_span(text: str, o: int, c: int | None, stop: int, pidx: int, single: bool = False) -> _Span:
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
    return _Span(open=o, close=c, start=s, end=e, para=pidx, single=single)


_POST_ATTR_RE = re.compile(rf"(?:[ \t]+{_CAPW}){{0,4}}[ \t]*\.?[ \t]*")
_PRE_ATTR_RE = re.compile(r"[,.!?][\"”’]?\s*(?:[—–-]\s*)?((?:\S+\s+){0,6})$")


def _unclosed_attr_cut(text: str, lo: int, hi: int) -> int | None:
    """In a quote whose closing mark is missing, find a trailing ', Name said.' and cut there."""
    verbs = _find_words(text, lo, hi, L.SPEECH_VERBS)
    if not verbs:
        return None
    v = verbs[-1]
    if not _POST_ATTR_RE.fullmatch(text, v.end(), hi):
        return None
    mm = _PRE_ATTR_RE.search(text, max(lo, v.start() - 120), v.start())
    if not mm:
        return None
    return mm.start()


def _find_spans(article: Article, bounded: bool | None = None) -> list[_Span]:
    text = article.text
    spans: list[_Span] = []
    prev_unclosed_para = -2
    marks_by_para = _matches_by_paragraph(text, article.paragraphs, _MARKS_PAIRING_RE, bounded)
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


# --------------------------------------------------------------------------
# Subjects (who) around a cue
# --------------------------------------------------------------------------
@dataclass
class _Subj:
    phrase: str  # surface text ("Finance Minister Ada Holm", "he", "the spokesman")
    kind: str  # "name" | "pronoun" | "desc" | "org"
    start: int
    end: int
    role: str | None = None


_TITLE_ONLY = {w for w in L.TITLES if w not in _CONNECTORS}
_WORKS = {"essay", "speech", "remarks", "op-ed", "article", "address", "interview", "book", "memoir",
          "statement", "tweet", "tweets", "post", "letter", "column", "editorial", "testimony",
          "autobiography", "campaign", "ad", "message", "email", "video", "comments"}
_ORG_HEADS = _WORKS | {w for w in L.ORG_WORDS if w.isalpha() and w.islower() and len(w) > 1} | {
    "website", "ad", "ads", "statement", "report", "release", "memo", "letter", "tweet", "post",
    "editorial", "article", "story", "paper", "book", "study", "survey", "poll", "filing", "lawsuit",
    "complaint", "petition", "campaign", "group", "organization", "organisation", "spokesman",
    "spokeswoman", "source", "sources", "crowd", "audience", "protesters", "demonstrators", "sign",
    "signs", "banner", "banners"}
_ROLE_ABBREV = {"sen.": "senator", "rep.": "representative congressman congresswoman lawmaker",
                "gov.": "governor", "gen.": "general", "lt.": "lieutenant", "col.": "colonel",
                "president": "leader", "senator": "lawmaker", "congressman": "lawmaker",
                "ceo": "executive chief", "secretary of state": "diplomat",
                "candidate": "hopeful contender", "nominee": "candidate"}
_GENERIC_MODS = L.ROLE_NOUNS | L.HONORIFICS | {
    "deputy", "vice", "prime", "foreign", "former", "acting", "chief", "general", "secretary",
    "state", "defense", "defence", "interior", "finance", "treasury", "senior", "top", "first",
    "assistant", "associate", "executive", "national", "security", "press", "presidential",
    "republican", "democratic", "democrat", "gop", "house", "senate", "majority", "minority",
    "attorney", "special", "then", "ex", "supreme", "high", "lead", "chair", "of", "the", "for"}


_INITIAL_RE = re.compile(r"[A-Z]\.")  # a middle or first initial ("Edward D. Kleinbard")


def _split_title_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """("Finance","Minister","Ada","Holm") -> (role tokens, name tokens)."""
    last_title = -1
    after_first = False
    for i, t in enumerate(tokens):
        low = t.lower().rstrip(",")
        if after_first and i == len(tokens) - 1 and _is_cap(t):
            break  # "Harriet Dean": after a first name, a title word is the surname
        if after_first and _INITIAL_RE.fullmatch(t):
            continue  # "Peter T. King": a middle initial keeps the first name's reading
        after_first = False
        if low in L.FIRST_NAMES and i == last_title + 1 and i + 1 < len(tokens) and (
                _is_cap(tokens[i + 1]) or _INITIAL_RE.fullmatch(tokens[i + 1])):
            if tokens[i + 1].lower() not in _TITLE_ONLY or (i + 2 == len(tokens) and i > 0):
                after_first = True
                continue  # "Dean Morrow", "Major Olsen": a first name, not a title
        if low in L.HONORIFICS or low in _TITLE_ONLY or (not _is_cap(t) and not _INITIAL_RE.fullmatch(t)):
            last_title = i
    role = tokens[: last_title + 1]
    name = tokens[last_title + 1:]
    if not name and tokens and tokens[0].lower() in L.FIRST_NAMES and \
            all(_is_cap(t) for t in tokens):
        return [], tokens  # "Martin Luther King": a title word used as a surname
    return role, name


def _org_like_role(role: list[str]) -> bool:
    """'Carnegie Endowment for' + 'International Peace' is an organisation, not a person."""
    return bool(role) and role[-1].lower() in _CONNECTORS


def _tokens_backward(text: str, lo: int, end: int):
    """The whitespace-separated tokens of text[lo:end] as (token, start, end), last first.

    Lazily, from the reversed window: a noun phrase walk usually stops after a few
    tokens, so the rest of a long sentence is never split."""
    for m in _TOKEN_RE.finditer(text[lo:end][::-1]):
        a, b = m.span()
        yield m.group()[::-1], end - b, end - a


_DOTTED_INITIALS_RE = re.compile(r"(?:[A-Za-z]\.)+")
_LEAD_CONNECTORS = (_CONNECTORS | L.NAME_PARTICLES) - {"the"}


def _collect_back(text: str, lo: int, end: int) -> tuple[int, list[tuple[str, int, int]]]:
    """Tokens of a noun phrase ending at ``end`` (walking back over names/titles)."""
    out: list[tuple[str, int, int]] = []
    for w, s, e in _tokens_backward(text, lo, end):
        if out and (w[-1] in ",;:!?\"“”" or (w.endswith(".") and not _is_cap(w) and w.lower() not in L.TITLES
                                              and not _INITIAL_RE.fullmatch(w))):
            break
        if out and w.endswith(".") and w[:-1].lower() not in _ABBREV and not _DOTTED_INITIALS_RE.fullmatch(w):
            break
        cw = _clean_tok(w)
        low = cw.lower()
        if not cw or (not out and w.rstrip(",").endswith(("”", '"'))):
            break  # '… on a network’s “Morning Show,” calling …': a quoted title, not a subject
        if _is_cap(cw) or low in L.HONORIFICS or (out and _INITIAL_RE.fullmatch(cw)):
            out.append((cw, s, e))
        elif low in _LOWER_ROLE or low in _ADJ_ROLE_OK or _AGE_RE.fullmatch(low):
            out.append((cw, s, e))
        elif not out and low in _ORG_HEADS:
            out.append((cw, s, e))  # "the ad", "the Heritage Foundation website"
        elif out and len(out) <= 3 and cw.isalpha() and cw.islower() and low not in _FUNCTION_WORDS \
                and not _verbish(cw) and all(o[0].islower() for o in out) and \
                (out[0][0].lower() in _ORG_HEADS or out[0][0].lower() in L.ROLE_NOUNS):
            out.append((cw, s, e))  # "the rights group", "a top campaign aide"
        elif low in _CONNECTORS or low in L.NAME_PARTICLES:
            if not out:
                break
            out.append((cw, s, e))
        elif low in _DETERMINERS:
            out.append((cw, s, e))
            break
        elif low.endswith(("’s", "'s")) and (_is_cap(cw) or low[:-2] in _LOWER_ROLE):
            out.append((cw, s, e))  # "Russia's chief negotiator"
        else:
            break
    # drop dangling connectors at the front
    out.reverse()
    while out and out[0][0].lower() in _LEAD_CONNECTORS and not (
            len(out) > 1 and _is_cap(out[0][0]) and out[0][0].lower() in L.FIRST_NAMES):
        out.pop(0)  # ("Ben Carter": a first name that is also a particle stays)
    return (out[0][1] if out else end), out


# the news agencies' abbreviations of US states ("Raleigh, N.C.", "Austin, Tex."), read as
# places only with their period: "Miss." is a state, "Miss" a title
_STATE_ABBREVIATIONS = {
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y",
    "n.c", "n.d", "okla", "ore", "pa", "r.i", "s.c", "s.d", "tenn", "tex", "vt", "va", "wash", "w.va",
    "wis", "wyo", "d.c"}


def _is_place(phrase: str) -> bool:
    toks = phrase.lower().replace("’s", "").replace("'s", "").split()
    return bool(toks) and all(t.strip(".,") in L.PLACES or t in ("new", "north", "south", "east", "west",
                                                                     "the", "of", "united", "states")
                              or (t.rstrip(",").endswith(".") and t.rstrip(",.") in _STATE_ABBREVIATIONS)
                              for t in toks)


def _role_like(app: str) -> bool:
    """An apposition that describes a role: 'a 55-year-old salesman', 'head of X', 'the chair'."""
    w = app.split()
    if not w:
        return False
    return w[0].lower() in ("a", "an", "the", "his", "her", "their", "its", "former", "then") or \
        w[0].lower() in _LOWER_ROLE or w[0].lower() in _ADJ_ROLE_OK or _is_cap(w[0])


def _verbish(word: str) -> bool:
    """'Holding', 'Ask': capitalised because they open a sentence, not names."""
    low = word.lower()
    return (low.endswith("ing") and len(low) > 5) or low in L.SPEECH_VERBS or low in L.OPINION_VERBS \
        or low in L.FRAGMENT_VERBS


_ORG_OF_LINKS = {"of", "the", "and", "&", "for"}


def _phrase_kind(words: list[str]) -> tuple[str, str | None, str]:
    """Classify a collected phrase: returns (kind, role, core phrase)."""
    return _phrase_kind_cached(tuple(words))


@functools.lru_cache(maxsize=65536)
def _phrase_kind_cached(words: tuple[str, ...]) -> tuple[str, str | None, str]:
    words = list(words)
    if not words:
        return "", None, ""
    if len(words) >= 2 and words[0].lower() in ("his", "her") and words[-1].lower() in _WORKS:
        # "his essay claimed …": the essay's author speaks
        return "pronoun", None, "he" if words[0].lower() == "his" else "she"
    det = words[0].lower() in _DETERMINERS
    body = words[1:] if det else words
    if not body:
        return "", None, ""
    lowbody = [w.lower() for w in body]
    # (each word holding a letter is in capitals; the word test first, the letter scan only if needed)
    if len(body) >= 2 and all(w.isupper() or not any(c.isalpha() for c in w) for w in body):
        return "", None, ""  # "HIGHER TURNOUT IN IOWA": a headline in capitals, not a speaker
    if "of" in body[2:-1]:
        k = body.index("of", 2)
        head = body[:k]
        r0, n0 = _split_title_name(head)
        if len(n0) >= 2 and all(_is_cap(t) for t in body[k + 1:]) and \
                not any(t.endswith(("’s", "'s")) for t in body) and not L.is_org_phrase(" ".join(body)) and \
                not any(t.lower() in L.ORG_WORDS or t.lower() in L.PLACES for t in n0):
            # "Tara Quist of Linden": the person comes before "of", the place after it
            return "name", " ".join(r0 + body[k:]) or None, " ".join(n0)
    role_toks, name_toks = _split_title_name(body)
    if name_toks and role_toks and role_toks[-1] in _ORG_OF_LINKS:
        k = len(role_toks)
        while k and role_toks[k - 1] in _ORG_OF_LINKS:
            k -= 1
        head = role_toks[:k]
        if head and "of" in role_toks[k:] and all(_is_cap(t) for t in head + name_toks) and \
                any(t.lower() in L.ORG_WORDS for t in head):
            # "the Federal Bureau of Investigation", "the Bank of Ruritania": one organisation
            # named by a capitalised head noun and its 'of' complement, not a title plus a name
            return "org", None, " ".join(body)
    name_toks = [t for t in name_toks if t.lower() not in L.HONORIFICS]
    # a possessive ends the phrase's name ("Russia's chief negotiator") — unless a name
    # follows it ("The Ledger’s Ana Voss"): then the possessor is only a role
    poss = [i for i, t in enumerate(body) if t.endswith(("’s", "'s"))]
    if poss and poss[-1] < len(body) - 1:
        r2, n2 = _split_title_name(body[poss[-1] + 1:])
        n2 = [t for t in n2 if t.lower() not in L.HONORIFICS]
        if n2 and all(_is_cap(t) or _INITIAL_RE.fullmatch(t) for t in n2) and _is_cap(n2[-1]) and \
                (len(n2) >= 2 or r2) and not L.is_org_phrase(" ".join(n2)) and \
                n2[-1].lower().strip(".’'s") not in L.PLACES and not _verbish(n2[-1]):
            return "name", " ".join(body[:poss[-1] + 1] + r2), " ".join(n2)
    if poss:
        name_toks = []
    if name_toks and all(_is_cap(t) or _INITIAL_RE.fullmatch(t) for t in name_toks) and _is_cap(name_toks[-1]):
        phrase = " ".join(name_toks)
        role = " ".join(role_toks) or None
        if len(name_toks) == 1 and _verbish(name_toks[0]) and not role_toks:
            return "", None, ""  # ("Mr. Keating", "Gov. Channing": a surname after a title)
        if name_toks[-1].lower().strip(".’'s") in L.PLACES:
            return "org", None, phrase
        if det and words[0].lower() == "the" and not role_toks:
            return "org", None, "the " + phrase
        if L.is_org_phrase(phrase) or (role_toks and lowbody[-1] in L.PLURAL_ROLE_NOUNS):
            return "org", role, phrase
        return "name", role, phrase
    last = lowbody[-1]
    if last in L.PLURAL_ROLE_NOUNS or L.is_org_phrase(" ".join(body)) or (last in _ORG_HEADS and last not in L.ROLE_NOUNS):
        return "org", None, " ".join(words)
    if _AGE_RE.fullmatch(last):
        return "desc", None, " ".join(words)
    if last in L.ROLE_NOUNS or last in L.TITLES and last not in _CONNECTORS:
        return "desc", None, " ".join(words)
    return "", None, ""


# (only ever tested for a match: the role words as a trie, which matches the same texts
# as their longest-first alternation and is tried letter by letter instead of word by word)
_ROLE_OF_RE = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,6}(?:"
    + _trie_regex({w for w in (L.ROLE_NOUNS | L.TITLES) if w.isalpha() and len(w) > 2})
    + r")\s+(?:of|at|for|to)\s", re.IGNORECASE)


_REL_PIECE_RE = re.compile(r"(?:^|\s)(?:who|whose|which|where|whom)\s")
_ROLE_FROM_RE = re.compile(r"(?:^|\s)((?:[Tt]he|[Aa]n?)\s+(?:[a-z\-]+\s+)?)([a-z\-]+)\s+(?:from|of)\s+$")


_TITLE_CLOSE_RE = re.compile(r",(?:''|[”\"])$")
_PASSIVE_AGENT_RE = re.compile(r"\b(?:obtained|reviewed|seen|viewed|acquired|provided|released|leaked|shared|"
                               r"speaking|talking)[ \t]+(?:by|to|with)[ \t]+$")  # (also "a source speaking to CNN said")


def _subject_before(text: str, lo: int, end: int) -> _Subj | None:
    """The subject phrase that ends right before ``end`` (a verb position)."""
    seg = text[lo:end]
    m = _adjunct_tail(seg)
    if m:
        end = lo + m.start()
    m = _party_tail(text, max(lo, end - 40), end)
    if m:
        end = m.start()  # "Sen. Chuck Ames (D-N.Y.) said": drop the party tag
    while end > lo and text[end - 1].isspace():
        end -= 1
    if text[end - 1:end] in ("”", "\"", "'") and text[end - 3:end - 1] != "’s":
        mt = _TITLE_CLOSE_RE.search(text, max(lo, end - 4), end)
        if mt:
            # 'Name, author of "The Long Road," put it': the comma inside the marks
            # closes the apposition; the title is no subject
            end = mt.start() + 1
    mrel = _REL_END_RE.search(text[max(lo, end - 6):end])
    if mrel:
        # "the declaration that stated …": the antecedent speaks
        end = max(lo, end - 6) + mrel.start()
        while end > lo and text[end - 1].isspace():
            end -= 1
        m = _adjunct_tail(text[lo:end])
        if m:
            end = lo + m.start()
    if end <= lo:
        return None
    # pronoun
    m = _PRON_END_RE.search(text[max(lo, end - 5):end])
    if m:
        w = m.group(1)
        return _Subj(w, "pronoun", end - len(w), end)
    role_app = None
    if text[end - 1] == ",":
        # "Name, role, said" / "role, Name, said" / "Name, a salesman from X, Y, says":
        # walk back over comma-separated pieces; the nearest piece that is wholly a
        # name (not a place) is the subject and the piece after it its role.
        pos = end - 1
        later: list[str] = []
        org_piece = desc_piece = None
        found = None
        for _hop in range(5):
            c = text.rfind(",", max(lo, pos - 200), pos)
            seg_lo = c + 1 if c >= lo and c != -1 else lo
            piece = text[seg_lo:pos].strip()
            if _REL_PIECE_RE.search(piece + " "):
                # the pieces after this one sat inside a relative clause
                # ("Name, who lives outside the capital, Sacramento, said")
                found, org_piece, desc_piece = None, None, None
            elif found is None:
                mparty = _party_tail(text, seg_lo, pos)
                piece_end = mparty.start() if mparty and mparty.start() > seg_lo else pos
                s0, toks = _collect_back(text, seg_lo, piece_end)
                kind, role, phrase = _phrase_kind([t[0] for t in toks])
                # (all of the piece, or after 'as': 'as Name, a former aide, put it: "…"')
                covers = bool(toks) and text[seg_lo:toks[0][1]].strip().lower() in ("", "as")
                if piece[:1] in "“\"'‘":
                    covers = False  # a quoted title ('author of "Unwritten Laws,"') names no speaker
                if covers and kind == "name" and not _is_place(phrase) and _ROLE_OF_RE.search(piece):
                    # "a spokesman for Speaker Ada Holm": an apposition, its name is no subject
                    if org_piece is None:
                        org_piece = _Subj(phrase, kind, toks[0][1], toks[-1][2], role)
                elif covers and kind == "name" and not _is_place(phrase):
                    app = later[-1] if later else None
                    if app and (len(app.split()) > 14 or not _role_like(app)):
                        app = None
                    found = _Subj(phrase, kind, toks[0][1], toks[-1][2], role or app)
                elif covers and kind == "org" and not _is_place(phrase) and org_piece is None:
                    # "the ministry, …, said" — but "a spokesman for the port authority" is
                    # more likely an apposition of an earlier name: keep looking first
                    org_piece = _Subj(phrase, kind, toks[0][1], toks[-1][2], None)
                    if not toks[0][0].lower() in ("a", "an", "one", "another") and \
                            not _ROLE_OF_RE.search(piece):
                        found = org_piece
                elif covers and kind == "desc" and desc_piece is None and seg_lo == lo:
                    # '"…," an intelligence source, who …, told Fox News': a description
                    # opening the clause speaks when no name or organisation does
                    desc_piece = _Subj(phrase, kind, toks[0][1], toks[-1][2], None)
            later.append(piece)
            if seg_lo == lo:
                break
            pos = c
        return found or org_piece or desc_piece
    s0, toks = _collect_back(text, lo, end)
    if not toks or not _phrase_kind([t[0] for t in toks])[0]:
        mu = _UNNAMED_RE.search(text, max(lo, end - 120), end)
        if mu:
            # "Another source familiar with the campaign's thinking said": an unnamed speaker
            phrase = text[mu.start():end].strip()
            return _Subj(phrase, "desc", mu.start(), end)
    if not toks:
        return None
    kind, role, phrase = _phrase_kind([t[0] for t in toks])
    if not kind:
        return None
    m_agent = _PASSIVE_AGENT_RE.search(text, max(lo, toks[0][1] - 30), toks[0][1])
    if m_agent is not None and m_agent.start() > lo:
        # "A memo obtained by The Post says …": the memo speaks, not the paper that has it
        head = _subject_before(text, lo, m_agent.start())
        if head is not None:
            return head
    if kind in ("name", "org") and _is_place(phrase) and not role:
        before = text[max(lo, toks[0][1] - 60):toks[0][1]]
        mrole = _ROLE_FROM_RE.search(before)
        if mrole and mrole.group(2) in _LOWER_ROLE:
            # "the senator from Vermont said": a description, not the state
            return _Subj(f"the {phrase} {mrole.group(2)}", "desc", toks[0][1] - len(before) + mrole.start(1),
                         toks[-1][2])
        if before.rstrip().endswith(",") and toks[0][1] - lo > 2:
            # "Tara Quist of Linden, South Dakota says": the place closes an apposition
            c = lo + len(text[lo:toks[0][1]].rstrip()) 
            alt = _subject_before(text, lo, c)
            if alt is not None and alt.kind == "name" and not _is_place(alt.phrase):
                return alt
    if role_app and kind in ("name", "org"):
        if role and len(role_app.split()) > 12:
            pass
        else:
            role = role_app if not role else role
    elif role_app:
        return None
    return _Subj(phrase, kind, toks[0][1], toks[-1][2], role)


_INITIALS_OR_TITLE_RE = re.compile(r"(?:[A-Za-z]\.)+|" + _ABBR_TITLES)
_INITIALS_OR_SHORT_RE = re.compile(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,3}\.")
_APPOSED_DESC_RE = re.compile(r"[^,.;:!?“”\"()\n]{0,50},[ \t]+")
_APPOSITION_RE = re.compile(r",\s*([^,.;:“”\"]{3,140}?)(?:,|\.(?:\s|$)|;|$| who | which )")


_TRAIL_CONNECTORS = _CONNECTORS | L.NAME_PARTICLES
_ROLE_WORDS = _LOWER_ROLE | _ADJ_ROLE_OK


def _subject_after(text: str, start: int, hi: int, _nested: bool = False) -> _Subj | None:
    """The subject right after an inverted verb: ``said Jane Doe, head of X``."""
    toks = []
    for m in _TOKEN_RE.finditer(text, start, min(hi, start + 200)):
        toks.append((m.group(), m.start(), m.end()))
        if len(toks) >= 12:
            break
    if not toks:
        return None
    w0 = _clean_tok(toks[0][0]).lower()
    if w0 in _PRONOUN_SUBJ:
        return _Subj(_clean_tok(toks[0][0]), "pronoun", toks[0][1], toks[0][1] + len(_clean_tok(toks[0][0])))
    out = []
    for w, s, e in toks:
        if out and _PARTY_RE.fullmatch(w.rstrip(",.;:")):
            break  # "said Rep. Ann Lee (R-Ohio), who …"
        cw = _clean_tok(w)
        if cw.endswith(".") and not _INITIALS_OR_TITLE_RE.fullmatch(cw):
            cw = cw.rstrip(".")  # "…," said Pavone.
        low = cw.lower()
        if not cw:
            break
        if low in ("of", "from") and out and _is_cap(out[-1][0]) and out[-1][0].lower() not in _TITLE_ONLY \
                and not (len(out) >= 2 and out[-2][0].lower() in _TITLE_ONLY and out[-2][0][:1].isupper() is False):
            # "Robert Antonacci of the New York delegation": the name ends here
            if any(o[0].lower() in L.FIRST_NAMES for o in out) or len([o for o in out if _is_cap(o[0])]) >= 2:
                break
        ok = (_is_cap(cw) or low in L.HONORIFICS or low in _LOWER_ROLE or low in _ADJ_ROLE_OK
              or _INITIAL_RE.fullmatch(cw) is not None
              or _AGE_RE.fullmatch(low) is not None
              or ((cw.isalpha() or (cw[-2:] in ("’s", "'s") and cw[:-2].isalpha()))  # ("the group’s president, Name")
                  and cw.islower() and low not in _FUNCTION_WORDS and len(out) < 4
                  and not any(_is_cap(o[0]) and o[0].lower() not in _TITLE_ONLY and o[0].lower() not in _ADJ_ROLE_OK
                              for o in out) and _lower_lead_ok(toks, len(out)))
              or (out and _is_cap(out[-1][0]) and len(out) < 6 and _role_between_names(toks, len(out), cw))
              or (out and low in _DOC_HEADS and out[0][0].lower() in _DETERMINERS and len(out) < 4)
              or (low in _DETERMINERS and not out)
              or (out and (low in _CONNECTORS or low in L.NAME_PARTICLES)))
        if not ok:
            break
        out.append((cw, s, s + len(w.rstrip(",;:.()\"”’")) if w.endswith((",", ";", ":")) or (
            w.endswith(".") and not _INITIALS_OR_SHORT_RE.fullmatch(w)) else e))
        if w.endswith((",", ";", ":")) or (w.endswith(".") and not _INITIALS_OR_TITLE_RE.fullmatch(w)):
            break
        if low in _DOC_HEADS and out[0][0].lower() in _DETERMINERS:
            break  # "read the email", "reads a Wednesday editorial in the Register": the head ends it
    while out and out[-1][0].lower() in _TRAIL_CONNECTORS:
        out.pop()
    if not out:
        return None
    kind, role, phrase = _phrase_kind([t[0] for t in out])
    end = out[-1][2]
    m_sp = None
    if (out[0][0].lower() in ("a", "an", "another", "one") or (
            kind == "desc" and out[0][0].lower() in ("the", "his", "her", "its", "their"))) and not _nested and end < hi:
        # "said another Twitter user, Jane Roe", "said the group's president, Jane Roe":
        # the description is an apposition of the name
        m_sp = _APPOSED_DESC_RE.match(text[end:min(hi, end + 56)])
    if m_sp is not None:
        named = _subject_after(text, end + m_sp.end(), hi, _nested=True)
        if named is not None and named.kind == "name" and len(named.phrase.split()) >= 2 and \
                not _is_place(named.phrase):
            return _Subj(named.phrase, "name", named.start, named.end,
                         named.role or text[out[0][1]:end + m_sp.end()].strip(" ,"))
    if not kind:
        return None
    # apposition: ", head of the Carnegie Moscow Center, in an analysis."
    if end < hi and text[end: end + 1] == ",":
        m = _APPOSITION_RE.match(text[end: min(hi, end + 160)] + " ")
        if m:
            app = m.group(1).strip()
            fw = app.split()[0].lower() if app.split() else ""
            if fw in ("the", "a", "an", "who", "which", "in", "on", "at", "after", "before",
                      "adding", "noting", "according", "when", "while", "as", "during") \
                    and fw not in ("the", "a", "an"):
                app = ""
            if app and fw in ("a", "an", "the") or (app and app.split()[0].lower() in _ROLE_WORDS) \
                    or (app and _is_cap(app.split()[0])):
                if not role:
                    role = app
    return _Subj(phrase, kind, out[0][1], end, role)


# the endings of nouns for people ("speechwriter", "loyalist", "confidant"): a role noun
# the lexicon lacks is told from a verb ("Carr met Dole") by its form
_AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "ee", "man", "woman", "person")


def _role_between_names(toks: list[tuple[str, int, int]], i: int, word: str) -> bool:
    """'said George W. Bush speechwriter Noam Neusner': a lowercase noun between two
    capitalised runs names the second one's role (the first only qualifies it)."""
    low = word.lower()
    if not (word.isalpha() and word.islower()) or not low.endswith(_AGENT_SUFFIXES) or \
            low in _FUNCTION_WORDS or low in _GAP_STOP or _verbish(word) or i + 1 >= len(toks):
        return False
    nxt = _clean_tok(toks[i + 1][0])
    return _is_cap(nxt) and nxt.lower() not in L.MONTHS_DAYS


def _lower_lead_ok(toks: list[tuple[str, int, int]], i: int) -> bool:
    """'election officer Bruno Salas': lowercase role words that lead up to a name."""
    for w, _s, _e in toks[i + 1:i + 4]:
        cw = _clean_tok(w)
        if _is_cap(cw):
            return True
        if not (cw.isalpha() and cw.islower() and cw not in _FUNCTION_WORDS):
            return False
    return False


_LEAD_ADVERBIAL_RE = re.compile(
    r"\s*(?:[A-Z][a-z]+(?:\s+[a-z]+){0,3},\s+|(?:[A-Z][a-z]+ing|After|Before|When|While|As|"
    r"Since|Although|Though|If|Because|Despite|In|At|On|During|Speaking|Asked|Following|"
    r"Addressing|Responding|Asked)\b[^,.;:“”\"]{0,120},\s+)?")
_LEAD_PLACE_RE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}),\s+(?=[A-Z])")


def _sentence_subject(text: str, s_start: int, limit: int) -> _Subj | None:
    """The name/pronoun/description that opens a sentence (for participles and colons)."""
    seg_end = min(limit, s_start + 200)
    md = _DATELINE_RE.match(text, s_start, seg_end)
    if md:
        s_start = md.end()  # "PHILADELPHIA, July 25 (UPI) — The committee …"
    # skip a leading adverbial clause ("Meanwhile, ", "On Thursday, ")
    m = _LEAD_ADVERBIAL_RE.match(text[s_start:seg_end])
    pos = s_start + (m.end() if m else 0)
    if m and m.end() > 0:
        # "Speaking in Salem, New Hampshire, Name …": the rest of a place belongs to the introduction
        mp_ = _LEAD_PLACE_RE.match(text[pos:seg_end])
        if mp_ and _is_place(mp_.group(1)):
            pos += mp_.end()
        # "At a rally in Portsmouth, N.H., on Tuesday, Name …": a state abbreviation and a
        # time belong to the introduction too
        for _ in range(2):
            mt = _INTRO_TAIL_RE.match(text, pos, seg_end)
            if not mt:
                break
            pos = mt.end()
    first = _TOKEN_RE.match(text, pos, max(pos, seg_end))
    if not first:
        return None
    w = _clean_tok(first.group())
    if w.lower() in _PRONOUN_SUBJ:
        return _Subj(w, "pronoun", first.start(), first.start() + len(w))
    subj = _subject_after(text, pos, seg_end)
    return subj


# --------------------------------------------------------------------------
# Entities: canonical names, roles, and resolution of pronouns/descriptions
# --------------------------------------------------------------------------
@dataclass
class _Entity:
    id: int
    kind: str
    forms: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    gender: str | None = None
    canonical: str = ""
    firsts: set = field(default_factory=set)  # first names seen in full-name forms
    bare: bool = False  # called by the bare surname, without first name or honorific
    name_gender: bool = False  # the gender came only from the first-name lists

    def add(self, form: str, role: str | None = None) -> None:
        if form and form not in self.forms:
            self.forms.append(form)
            toks = form.split()
            best = self.canonical.split()
            if len(toks) > len(best) or not best:
                self.canonical = form
        if role:
            role = _clean_role(role)
            if role and role not in self.roles and len(role) < 160:
                self.roles.append(role)


# A run of capitalised words (with particles) not glued to a word before it. Written as
# "a capital, not after a word character, then the rest of its word" (``_capw_after_first``)
# for the engine's prefix scan; the same matches as
# (?=[{_UP}])(?<![\w’'.\-]){_CAPW}(?:[ \t]+(?:(?:particles|of|the|for)[ \t]+)?{_CAPW}){0,7}
_NAME_SEQ_RE = re.compile(
    rf"[{_UP}](?<![\w’'.\-].){_capw_after_first()}"
    rf"(?:[ \t]+(?:(?:{'|'.join(re.escape(x) for x in sorted(L.NAME_PARTICLES))}|of|the|for)[ \t]+)?{_CAPW}){{0,7}}"
)


_LEAD_ARTICLE_RE = re.compile(r"^(?:the|a|an|The|A|An)\s+")


@functools.lru_cache(maxsize=65536)
def _clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = role.strip(" ,;:")
    role = _LEAD_ARTICLE_RE.sub("", role)
    return role or None


_NON_PERSON_LAST = L.NOT_SURNAMES | L.PLACES


@functools.lru_cache(maxsize=65536)
def _analyse_name_seq(g: str):
    """Position-independent analysis of a capitalised sequence (cached per string):
    None when it cannot be a person, else (words, role tokens, name tokens, honorific, name)."""
    words = g.split()
    while words and words[0].lower().strip(".,") in _NOT_NAME and words[0].lower() not in L.HONORIFICS and \
            not (words[0] == "Will" and len(words) >= 2):
        words = words[1:]  # a sentence-initial function word ("But Holm"; "Will Doyle" is a name)
    if not words:
        return None
    words = [w.rstrip(",;:") for w in words]
    if len(words) >= 4 and "of" in words[2:-1]:
        # "Representative Jane Doe of Florida": the place after "of" is not the surname
        k = len(words) - 1 - words[::-1].index("of")
        tail = [w for w in words[k + 1:] if w.lower() != "the"]
        if k >= 2 and tail and _is_cap(words[k - 1]) and words[k - 1].lower() not in L.TITLES and (
                " ".join(tail).lower() in L.PLACES or tail[-1].lower() in L.PLACES):
            words = words[:k]
    for i in range(len(words) - 2, -1, -1):
        if words[i].endswith(("’s", "'s")):
            words = words[i + 1:]  # "Boston’s Walsh", "ABC’s George Stephanopoulos": drop the possessor
            break
    role_toks, name_toks = _split_title_name(words)
    if _org_like_role(role_toks):
        return None
    hon = next((w for w in words if w.lower() in L.HONORIFICS), None)
    name_toks = [t for t in name_toks if t.lower() not in L.HONORIFICS]
    if not name_toks or len(name_toks) > 4:
        return None
    if any(t.lower().strip(".") in _NOT_NAME or t.lower() in L.MONTHS_DAYS for t in name_toks):
        return None
    name = " ".join(name_toks)
    if name.endswith(("’s", "'s")):
        name = name[:-2]
        if not name:
            return None
    if L.is_org_phrase(name) or any(t.lower().strip(".’'s") in L.ORG_WORDS for t in name_toks[1:]):
        return None
    if name_toks[-1].lower().replace("’s", "").replace("'s", "") in _NON_PERSON_LAST:
        return None
    if len(name_toks) == 1 and _verbish(name_toks[0]) and hon is None and not role_toks:
        return None
    return words, role_toks, name_toks, hon, name


_MENTION_SPEAKS_RE = re.compile(
    rf"({_CAPW}(?:[ \t]+{_CAPW}){{0,3}})(?:\s*\([^()]{{1,24}}\))?(?:,[^,.;:!?“”\"\n]{{1,90}},)?[ \t]+"
    r"(?:(?:also|then|later|has|had|have|once|again)[ \t]+)?([a-z]+)\b")
_NOUN_BEFORE_RE = re.compile(r"(?:(?<![\w’'])(?:the|a|an|his|her|its|their|our|my|your|The|A|An|His|Her|Its|Their)"
                             r"|[\w.]+(?:’s|'s))\s+(?:[A-Z][\w’'\-]*\s+)?$")
_PAST_IRREGULAR = {"said", "told", "wrote", "spoke", "thought", "sought", "fought", "swore", "gave", "put",
                   "read", "felt", "knew", "drew", "took", "went", "saw", "held", "meant", "sent", "heard",
                   "began", "brought", "forecast", "cast", "told", "set", "let"}
_DASH_NAME_RE = re.compile(rf"\s[-–—]\s+({_CAPW}(?:\s+{_CAPW}){{1,4}}(?:\s+and\s+{_CAPW}(?:\s+{_CAPW}){{1,4}})?)\s*$")
_DATELINE_RE = re.compile(r"\s*[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+)*(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?"
                          r"(?:,[ \t]+[A-Z][a-z]{2,4}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^()\n]{1,20}\))?[ \t]*[—–]+[ \t]*")
_INTRO_TAIL_RE = re.compile(r"(?:[A-Z][a-z]{0,4}\.(?:[A-Z]\.)?|on\s+[A-Z][a-z]+|last\s+[a-z]+|this\s+[a-z]+),\s+")
_FEMALE_ROLES = {"congresswoman", "spokeswoman", "chairwoman", "businesswoman", "councilwoman", "assemblywoman",
                 "wife", "mother", "daughter", "sister", "grandmother", "actress", "widow", "queen", "princess",
                 "duchess", "countess", "girlfriend", "aunt", "niece", "stepmother", "anchorwoman"}
# (not "spokesman", "chairman": used for women too)
_MALE_ROLES = {"husband", "father", "son", "brother", "grandfather", "widower", "king", "prince", "duke",
               "boyfriend", "uncle", "nephew", "stepfather"}
_LONE_ING_RE = re.compile(rf"\s*((?:Mr\.|Mrs\.|Ms\.|Dr\.)?\s?[{_UP}][a-z]+ing)\s+")
_GAP_STOP = {"and", "but", "or", "then", "as", "when", "while", "after", "before", "because", "if", "until",
             "since", "though", "although", "unless", "once", "where", "so", "he", "she", "they", "we", "it",
             "who", "which", "that", "to", "in", "on", "at", "by", "with", "for", "from", "of", "not", "is",
             "was", "were", "are", "has", "had", "have", "also", "even", "only", "just"}


_GAP_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*")


def _role_gap(gap: str) -> bool:
    """'election law expert', 'watchdog group president': words that only qualify the
    name's role between a closing quote and 'Name said'."""
    words = gap.split()
    if not 1 <= len(words) <= 5 or any(not _GAP_WORD_RE.fullmatch(w) and not _INITIAL_RE.fullmatch(w) for w in words):
        return False  # ("George W. Bush speechwriter": an initial is a word of the gap too)
    if words[0].lower() == "the" and len(words) > 1:
        words = words[1:]  # "the Post's senior politics editor Name"
    return not any(w.lower() in _GAP_STOP or w.lower() in _FUNCTION_WORDS or _verbish(w) for w in words)
_SUBORD_INTRO_RE = re.compile(r"\s*(?:When|While|After|Before|Although|Though|Because|Since|Until|Once|If|Even though)"
                              r"\b[^,;:“”\"\n]{3,160},")
# "Name said" at the start of a line or after a sentence end or a comma. The
# position checks sit after the first capital (``(?<![^\n]X)`` is "at the text's or a
# line's start"), so the pattern opens with a character set the engine can skip to.
# Only speech verbs (those of plain letters) are matched as the second word: the
# "Capitalised lowercase" pairs with any other word were matched only to be dropped.
_LONE_SPEAKER_RE = re.compile(rf"([{_UP}](?:(?<![^\n][{_UP}])|(?<=[.!?”\",]\s[{_UP}]))[a-z][\w’'\-]+)[ \t]+"
                              r"(?:also[ \t]+)?(" + _trie_regex({v for v in L.SPEECH_VERBS if re.fullmatch("[a-z]+", v)})
                              + r")\b")
# "Kwame Osei said …": a name whose first name no list knows is a person when a speech
# verb follows it (so that a later "he" can find it)
_SPEAKS_NEXT_RE = re.compile(r"[ \t]+(?:(?:also|then|later|has|had)[ \t]+)?(?:"
                             + _trie_regex({v for v in L.SPEECH_VERBS if re.fullmatch("[a-z]+", v)} | {"spoke"})
                             + r")\b")
_LOWER_VERB_NEXT_RE = re.compile(r"[ \t]+(?:(?:has|had|is|was|also|now)[ \t]+)?[a-z]+(?:s|ed)\b")
_REPORTED_VERB_RE = re.compile(r"[ \t]+(?:was|is|were|are|has|had|have|would|will|could|should|can|may|might|"
                               r"did|does|do|wants|wanted|needs|needed)\b")
_WHO_SAID_RE = re.compile(
    rf"{_CAPW}(?:[ \t]+{_CAPW}){{0,4}}(?:[ \t]+of[ \t]+{_CAPW}(?:[ \t]+{_CAPW}){{0,3}})?(?:\s*\([^()]{{1,24}}\))?"
    rf"(?:,[^.;:!?“”\"\n]{{1,160}}?)?,[ \t]+who[ \t]+"
    r"(?:(?:also|has|had|then|later)[ \t]+)?([a-z]+)\b")
_ROLE_COMMA_RE = re.compile(r"\b([A-Za-z][a-z\-]+|[A-Z]{2,4}),[ \t]+$")
_NAME_RUN_RE = re.compile(rf"{_CAPW}(?:[ \t]+{_CAPW}){{0,4}}")
_CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:!?()\n]|$|(?:of|in|at|from|who)\b)")
_APPOSED_SPEAKS_RE = re.compile(rf"({_CAPW}(?:[ \t]+{_CAPW}){{0,3}}),[ \t]+(?:(?:also|then|later)[ \t]+)?([a-z]+)\b")
# verbs whose object is the person spoken to, not the speaker ("…, she told Lee")
_ADDRESSEE_VERBS = {"told", "tells", "tell", "asked", "asks", "ask", "urged", "urges", "warned", "warns",
                    "reminded", "reminds", "assured", "assures", "informed", "informs", "thanked",
                    "praised", "criticized", "criticised", "accused", "accuses", "questioned", "pressed",
                    "interrupted", "called", "calls", "quoted", "quotes", "quoting", "cited", "cites",
                    "citing", "blamed", "blames", "attacked", "attacks", "mocked", "mocks", "answered",
                    "thank", "thanks"}


@functools.lru_cache(maxsize=65536)
def _squash_spaces(name: str) -> str:
    return " ".join(name.split())


@functools.lru_cache(maxsize=65536)
def _role_gender(role: str) -> str | None:
    """'f' for a role only women hold ("congresswoman", "wife"), 'm' for men, else None."""
    rw = set(role.lower().replace("-", " ").split())
    if rw & _FEMALE_ROLES and not rw & _MALE_ROLES:
        return "f"
    if rw & _MALE_ROLES and not rw & _FEMALE_ROLES:
        return "m"
    return None


@functools.lru_cache(maxsize=65536)
def _key_tokens(name: str) -> tuple[str, ...]:
    toks = [t.lower().strip(".,") for t in name.split()]
    return tuple(t for t in toks if t and t not in L.NAME_SUFFIXES and t not in L.HONORIFICS)


_LOWER_WORD_RE = re.compile(r"[a-z][a-z\-]+")
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz-")


def _lower_word_in(text: str, low: str) -> bool | None:
    r"""``low in set(re.findall(r"(?<![\w’'])[a-z][a-z\-]+", text))`` without building the set:
    a maximal run of [a-z-] equal to ``low`` whose previous character is not a word
    character or apostrophe. None when unsure (a hyphen before the run, which may
    belong to an earlier match, or a text longer than the set's 1,000,000 characters)."""
    if not _LOWER_WORD_RE.fullmatch(low):
        return False
    if len(text) > 1_000_000:
        return None
    n, k = len(text), len(low)
    i = text.find(low)
    while i >= 0:
        j = i + k
        if j >= n or text[j] not in _RUN_CHARS:
            prev = text[i - 1] if i else " "
            if prev == "-":
                return None
            if not (prev.isalnum() or prev in "_’'"):
                return True
        i = text.find(low, i + 1)
    return False


def _is_word_char(c: str) -> bool:
    """What ``\\w`` (and so ``\\b``) counts as a word character in a str pattern."""
    return c.isalnum() or c == "_"


def _tokens_before(text: str, w: str) -> list[str]:
    r"""``re.findall(rf"(\S+)[ \t]+{re.escape(w)}\b", text)`` without compiling a pattern per
    word or running one over every position of the text: ``str.find`` visits only the
    occurrences of ``w``. The same non-overlapping matches (a match may not start before
    the previous one ended, so the token before ``w`` can be cut short by it)."""
    out: list[str] = []
    if not w:
        return re.findall(rf"(\S+)[ \t]+{re.escape(w)}\b", text)
    n, k = len(text), len(w)
    w_last_word = _is_word_char(w[-1])
    pos = 0  # where the next match may start
    q = text.find(w)
    while q >= 0:
        e = q + k
        if (e < n and _is_word_char(text[e])) != w_last_word:  # \b after w
            r = q
            while r > 0 and text[r - 1] in " \t":
                r -= 1
            if r < q and r - 1 >= pos and not text[r - 1].isspace():
                a = r - 1
                while a > pos and not text[a - 1].isspace():
                    a -= 1
                out.append(text[a:r])
                pos = e
                q = text.find(w, e)
                continue
        q = text.find(w, q + 1)
    return out


_RECENT, _FAR = 400, 900  # pronoun antecedents: "just before" and "several paragraphs back"


_APPOS_FOLLOWS_RE = re.compile(r",\s+(?:(?:a|an|the|who|whose|of)\s|\d{1,3},)")
_LOWER_WORDS_RE = re.compile(r"(?<![\w’'])[a-z][a-z\-]+")


_SHE_RE = re.compile(r"\b(?:she|her|herself)\b")
_HE_RE = re.compile(r"\b(?:he|him|his|himself)\b")


class _Entities:
    def __init__(self, text: str, quote_ranges: list[tuple[int, int]], sent_starts: list[int]):
        self.text = text
        self.ents: list[_Entity] = []
        self.by_surname: dict[str, list[int]] = {}
        self.by_first: dict[str, list[int]] = {}
        self.mentions: list[tuple[int, int]] = []  # (offset, entity id), persons only, outside quotes
        self.org_mentions: list[tuple[int, int]] = []
        self.q_starts = [a for a, _ in quote_ranges]
        self.q_ranges = quote_ranges
        self.sent_starts = sent_starts
        self.author: str | None = None
        self._tokcount: dict[str, int] | None = None
        self._lower_words: set[str] | None = None
        self.subject_pos: set[int] = set()
        self.org_pos: list[int] = []
        self._scan()

    # -- helpers
    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.q_starts, pos) - 1
        return i >= 0 and self.q_ranges[i][0] <= pos < self.q_ranges[i][1]

    def _key_tokens(self, name: str) -> list[str]:
        return list(_key_tokens(name))

    def lookup_or_add(self, name: str, kind: str, role: str | None = None, honorific: str | None = None,
                      create: bool = True) -> int | None:
        toks = _key_tokens(name)  # (cached tuple; only read here)
        if not toks:
            return None
        if honorific is None and role and role.lower().rstrip(".") in L.HONORIFICS:
            honorific = role  # a subject "Mrs. Dorne" arrives with the honorific as its role
        sur = toks[-1].replace("’s", "").replace("'s", "")
        cands = self.by_surname.get(sur, [])
        hit = None
        if len(toks) == 1 and kind == PERSON and len(cands) > 1:
            # a bare surname shared by several people ("Vance" after "Ivy Vance"): the
            # one the article already calls by the bare surname, else the one named first
            bare = [eid for eid in cands if self.ents[eid].kind == PERSON and self.ents[eid].bare]
            persons = [eid for eid in cands if self.ents[eid].kind == PERSON]
            h = (honorific or "").lower()
            hg = "m" if h in L.MALE_HONORIFICS else "f" if h in L.FEMALE_HONORIFICS else None
            if hg:  # "Mrs. Vance" is not Carl Vance
                bare = [eid for eid in bare if self.ents[eid].gender in (None, hg)]
                persons = [eid for eid in persons if self.ents[eid].gender in (None, hg)] or persons
            if bare:
                cands = bare[-1:]
            elif persons:
                cands = persons[:1]
        for eid in reversed(cands):
            e = self.ents[eid]
            if e.kind != kind and not (kind == PERSON and e.kind == ORGANISATION and len(toks) == 1):
                continue
            if len(toks) >= 2:
                # compare first names when both have them
                firsts = e.firsts
                if firsts and toks[0] not in firsts and not any(
                        f.startswith(toks[0].rstrip(".")) or toks[0].startswith(f) for f in firsts):
                    continue
            hit = eid
            break
        if hit is None and len(toks) == 1 and kind == PERSON:
            # first-name reference ("Ada") to a known full name
            for eid in reversed(self.by_first.get(toks[0], [])):
                if self.ents[eid].kind == PERSON:
                    hit = eid
                    break
        if hit is None:
            if not create:
                return None
            hit = len(self.ents)
            self.ents.append(_Entity(hit, kind))
            self.by_surname.setdefault(sur, []).append(hit)
        e = self.ents[hit]
        e.add(_squash_spaces(name), role)
        if len(toks) == 1 and not honorific and kind == PERSON:
            e.bare = True
        if len(toks) >= 2 and toks[0] not in e.firsts:
            e.firsts.add(toks[0])
            self.by_first.setdefault(toks[0], []).append(hit)
        if honorific:
            h = honorific.lower()
            if h in L.MALE_HONORIFICS:
                e.gender = "m"
            elif h in L.FEMALE_HONORIFICS:
                e.gender = "f"
        if role and e.gender is None and kind == PERSON:
            g = _role_gender(role)  # "Congresswoman Ada Ruiz", "his wife, Jo"
            if g is not None:
                e.gender = g
        return hit

    def _scan(self) -> None:
        text = self.text
        found = [(m.start(), m.end(), m.group()) for m in _NAME_SEQ_RE.finditer(text)]
        # lone capitalised words that say something somewhere ("Okafor said", "Lindqvist told"):
        # people known by surname only
        speakers1: set[str] = set()
        seen1: set[str] = set()
        in_quote = self.in_quote
        for m in _LONE_SPEAKER_RE.finditer(text):
            w = m.group(1)
            lw = w.lower()
            if lw in seen1 or m.group(2) not in L.SPEECH_VERBS or in_quote(m.start(1)):
                continue
            seen1.add(lw)
            if lw not in _NOT_NAME and lw not in L.PLACES and \
                    lw not in L.ORG_WORDS and lw not in _LOWER_ROLE and not L.is_org_phrase(w) and \
                    not _verbish(w) and any(
                        p[:1].islower() or p.lower().rstrip(".") in L.TITLES or p.lower().rstrip(".") in L.HONORIFICS
                        for p in _tokens_before(text, w)):
                speakers1.add(lw)  # (also capitalised mid-sentence or after a title: a name)
        single = [" " not in g and "\t" not in g for _s, _e, g in found]  # a lone capitalised word
        counts: dict[str, int] = collections.Counter(
            g[:-2] if g.endswith(("’s", "'s")) else g for (_s, _e, g), one in zip(found, single) if one)
        for (_s, _e, g), one in zip(found, single):
            if not one:
                first, _, rest = g.partition(" ")
                if first.lower() in _NOT_NAME and " " not in rest.strip() and "\t" not in rest:
                    w = rest.strip()
                    w = w[:-2] if w.endswith(("’s", "'s")) else w
                    counts[w] = counts.get(w, 0) + 1  # "But Holm"
        self._tokcount = counts
        cache: dict = {}
        memo: dict = {}
        by_surname, honorifics = self.by_surname, L.HONORIFICS
        q_starts, q_ranges = self.q_starts, self.q_ranges
        bisect_right = bisect.bisect_right
        for (m_start, m_end, g), one in zip(found, single):
            s = m_start
            if one:
                # fast path for lone capitalised words: only known surnames, or words
                # right after a title/honorific/lowercase role, can be person mentions
                low = g.lower()
                if low in _NOT_NAME:
                    continue
                bare_low = (g[:-2] if g.endswith(("’s", "'s")) else g).lower()
                if bare_low not in by_surname and low not in honorifics and bare_low not in speakers1:
                    j = s - 1
                    if j < 0 or text[j] != " ":
                        continue
                    k = text.rfind(" ", max(0, j - 30), j)
                    prev = text[k + 1:j].lower()
                    if prev not in _LOWER_ROLE and prev not in honorifics:
                        continue
            qi = bisect_right(q_starts, s) - 1  # (self.in_quote, inlined for the hot loop)
            if qi >= 0 and q_ranges[qi][0] <= s < q_ranges[qi][1]:
                continue
            info = cache.get(g, False)
            if info is False:
                info = cache[g] = _analyse_name_seq(g)
            if info is None:
                continue
            words, role_toks, name_toks, hon, name = info
            # lowercase role words right before ("ministry spokesman Ivo Marek")
            lead: list[str] = []
            back = text[max(0, m_start - 80):m_start]
            back = back[back.rfind("\n") + 1:]
            bt = back.rsplit(" ", 6)  # (the same last pieces as split(" "): only five are read)
            if bt and bt[-1] == "":
                bt.pop()
                for w in reversed(bt[-5:]):
                    lw = w.lower()
                    if w and "\n" not in w and (lw in _LOWER_ROLE or lw in _ADJ_ROLE_OK or
                                                  (_is_cap(w) and w[-1] not in ".,;:")) and \
                            lw not in _NOT_NAME:
                        lead.insert(0, w)
                    else:
                        break
                while lead and lead[0][:1].isupper() and lead[0].lower() not in _TITLE_ONLY and \
                        len(lead) > 1 and lead[1][:1].isupper() and lead[1].lower() not in _TITLE_ONLY:
                    lead.pop(0)
                if lead and not any(x.lower() in _LOWER_ROLE for x in lead):
                    lead = []
            role_toks = [t for t in lead + role_toks if t.lower() not in L.HONORIFICS]
            if len(name_toks) == 1 and role_toks and hon is None and not any(
                    t.lower() in L.ROLE_NOUNS for t in role_toks):
                continue
            first = name_toks[0].lower()
            if len(name_toks) == 1:
                # a lone name is a person when the article knows that person already,
                # or a role, an honorific or a speech verb goes with it
                sur = first.strip(".,").replace("’s", "").replace("'s", "")
                ents = self.ents
                known = any(ents[e].kind == PERSON for e in by_surname.get(sur, ()))
                if not known and not role_toks and hon is None and sur not in speakers1:
                    continue
            else:
                prev_word = text[max(0, m_start - 30):m_start].rstrip(" \t").rsplit(None, 1)
                prev_word = prev_word[-1] if prev_word else ""
                lead_lower = prev_word.isalpha() and prev_word.islower() and prev_word not in _FUNCTION_WORDS \
                    and not _verbish(prev_word)
                person = bool(role_toks) or hon is not None or lead_lower or (
                    first in L.FIRST_NAMES or self._reused(name_toks[-1])
                    or _INITIAL_RE.fullmatch(name_toks[0]) is not None
                    or self._appos_follows(m_end) or self._role_before(m_start)
                    or self._speaks_next(m_end, name_toks) or self._opens_clause_as_subject(m_start, m_end, name_toks))
                if not person:
                    continue
            if any(t.isupper() and len(t) > 1 and "." not in t for t in name_toks):
                continue  # acronyms are not people
            role = _clean_role(" ".join(role_toks)) if role_toks else None
            mkey = (name, role, hon)
            eid = memo.get(mkey) if len(name_toks) >= 2 else None
            if eid is None:
                eid = self.lookup_or_add(name, PERSON, role, hon)
                if len(name_toks) >= 2:
                    memo[mkey] = eid
            if eid is not None and len(name_toks) >= 2 and self.ents[eid].gender is None:
                if first in L.MALE_FIRST_NAMES and first not in L.FEMALE_FIRST_NAMES:
                    self.ents[eid].gender = "m"
                    self.ents[eid].name_gender = True
                elif first in L.FEMALE_FIRST_NAMES and first not in L.MALE_FIRST_NAMES:
                    self.ents[eid].gender = "f"
                    self.ents[eid].name_gender = True
            if eid is not None:
                off = g.find(name_toks[0])
                self.mentions.append((m_start + max(0, off), eid))
        self.mentions.sort()
        self.mention_pos = [p for p, _ in self.mentions]

    def _reused(self, surname: str) -> bool:
        """Is the last word used on its own elsewhere ("Marek said")? People are; "War" is not."""
        sur = surname.replace("’s", "").replace("'s", "")
        if len(sur) < 3 or sur.lower() in L.TITLES or sur.lower() in L.ORG_WORDS:
            return False
        if self._tokcount is None:
            counts: dict[str, int] = {}
            for mm in _NAME_SEQ_RE.finditer(self.text):
                ws = [w for w in mm.group().split() if w.lower() not in _NOT_NAME]
                if len(ws) == 1:
                    w = ws[0].replace("’s", "").replace("'s", "")
                    counts[w] = counts.get(w, 0) + 1
            self._tokcount = counts
        return self._tokcount.get(sur, 0) >= 1

    def is_common_word(self, word: str) -> bool:
        """Is this capitalised word used in lower case elsewhere in the article?"""
        low = word.lower()
        if self._lower_words is None:
            found = _lower_word_in(self.text, low)
            if found is not None:
                return found
            self._lower_words = set(_LOWER_WORDS_RE.findall(self.text[:1_000_000]))
        return low in self._lower_words

    def _role_before(self, pos: int) -> bool:
        """'The group's chief executive, Kim Farrow, said': a name apposed to a role."""
        m = _ROLE_COMMA_RE.search(self.text, max(0, pos - 40), pos)
        return m is not None and m.group(1).lower() in _LOWER_ROLE

    def _opens_clause_as_subject(self, start: int, end: int, name_toks: list[str]) -> bool:
        """'Kwame Osei runs a farm.' opening a paragraph: two or three capitalised words that
        no list knows, then a lowercase verb. A person, unless the words read as an
        organisation's or place's (the same test as for a speech verb)."""
        if not 2 <= len(name_toks) <= 3 or (start > 0 and self.text[start - 1] != "\n"):
            return False
        if _LOWER_VERB_NEXT_RE.match(self.text, end) is None:
            return False
        return self._name_like(name_toks)

    def _name_like(self, name_toks: list[str]) -> bool:
        first = name_toks[0].lower()
        if len(first) > 4 and first.endswith(("ed", "ing", "al", "ic", "ive")):
            return False  # (adjectives and participles: "United", "Global", "Pacific")
        return not any(t.lower() in L.ORG_WORDS or t.lower() in L.PLACES or self.is_common_word(t)
                       for t in name_toks)

    def _speaks_next(self, pos: int, name_toks: list[str]) -> bool:
        """'Kwame Osei said …': a speech verb follows a name no first-name list knows. Not
        for words that read as an organisation's ('United Technologies said')."""
        return _SPEAKS_NEXT_RE.match(self.text, pos) is not None and self._name_like(name_toks)

    def _appos_follows(self, pos: int) -> bool:
        return bool(_APPOS_FOLLOWS_RE.match(self.text[pos:pos + 12]))

    def add_mention(self, pos: int, eid: int) -> None:
        self.subject_pos.add(pos)
        i = bisect.bisect_left(self.mention_pos, pos)
        if i < len(self.mention_pos) and self.mention_pos[i] == pos:
            return
        self.mention_pos.insert(i, pos)
        self.mentions.insert(i, (pos, eid))

    def speaks_at(self, mp: int) -> bool:
        """Is the mention at mp directly followed by a speech verb ("…, even Mr. Lee says"),
        or does it follow one ("…, said Lee, a farmer")?"""
        m = _MENTION_SPEAKS_RE.match(self.text, mp, mp + 90)
        if m is None and self._role_before(mp):
            m = _APPOSED_SPEAKS_RE.match(self.text, mp, mp + 90)  # "The CEO, Zorida Pell, said"
        if m is not None and m.group(2).lower() in L.SPEECH_VERBS and not m.group(1).endswith(("’s", "'s")) \
                and not self.text.startswith(" to ", m.end(2)):
            return True  # not "Lee’s remarks", not "Lee agreed to take part"
        m = _WHO_SAID_RE.match(self.text, mp, mp + 260)
        if m is not None and m.group(1).lower() in L.SPEECH_VERBS:
            return True  # "Sen. Ada Fine of Ohio, the ranking Democrat, who said …"
        return self.said_before(mp)

    def said_before(self, mp: int) -> bool:
        """Inverted attribution: "…, said Pentagon spokesman Navy Capt. Lee" (not "told Lee")."""
        words = self.text[max(0, mp - 70):mp].split()
        while words and (_is_cap(words[-1]) or words[-1].lower() in _LOWER_ROLE
                         or words[-1].lower() in _ADJ_ROLE_OK):
            words.pop()
        # the verb must follow a clause or quote ("…, said Lee"), else Lee starts reported
        # speech ("Holm said Lee has …")
        if not (len(words) >= 2 and words[-1] in L.SPEECH_VERBS and words[-1] not in _ADDRESSEE_VERBS
                and words[-2].endswith((",", "”", '"', "''"))):
            return False
        # and the name ends the clause ("said Lee, a farmer."), not "…, said Lee was …"
        m = _NAME_RUN_RE.match(self.text, mp, mp + 90)
        return m is not None and _CLAUSE_END_RE.match(self.text, m.end()) is not None

    def is_subject_at(self, mp: int) -> bool:
        """Is the mention at mp the subject of its sentence (first noun phrase)?"""
        i = bisect.bisect_right(self.sent_starts, mp) - 1
        st = self.sent_starts[i] if i >= 0 else 0
        st = max(st, mp - 200, self.text.rfind("\n", max(0, mp - 200), mp) + 1)
        prefix = self.text[st:mp]
        if not prefix.strip():
            return True
        m = _INTRO_RE.match(prefix)
        rest = prefix[m.end():] if m else prefix
        for w in rest.split():
            lw = w.lower().strip(",")
            if not (lw in _LOWER_ROLE or lw in _ADJ_ROLE_OK or lw in ("the", "a", "an", "former")
                    or lw in L.HONORIFICS or (_is_cap(w) and not w.endswith(","))
                    or lw in _CONNECTORS):
                return False
        return True

    def resolve_pronoun(self, pronoun: str, pos: int, para_start_floor: int,
                        prefer: int | None = None) -> int | None:
        """The most recent compatible person who is a sentence subject or a speaker before pos;
        failing that, the most recent compatible person mention (never inside quotes)."""
        low = pronoun.lower()
        want = "m" if low in L.PRONOUNS_MALE else "f" if low in L.PRONOUNS_FEMALE else None
        i = bisect.bisect_left(self.mention_pos, pos) - 1
        fallback = None
        fallback_pos = -1
        while i >= 0:
            mp, eid = self.mentions[i]
            if mp < para_start_floor:
                break
            e = self.ents[eid]
            if e.kind == PERSON and (want is None or e.gender in (None, want)):
                if mp in self.subject_pos or self.is_subject_at(mp) or self.speaks_at(mp):
                    if fallback is not None and pos - fallback_pos <= _RECENT and pos - mp > _FAR:
                        # a person mentioned just before beats a subject several paragraphs back
                        return fallback
                    return eid
                if fallback is None:
                    fallback = eid
                    fallback_pos = mp
            i -= 1
        if fallback is None and prefer is None and want is not None:
            # nobody of that gender: a person whose gender was only guessed from a first
            # name that the lists put the other way ("Jordan … she said") is the speaker
            # when that person is the nearest subject or speaker
            i = bisect.bisect_left(self.mention_pos, pos) - 1
            while i >= 0:
                mp, eid = self.mentions[i]
                if mp < para_start_floor:
                    break
                e = self.ents[eid]
                if e.kind == PERSON:
                    if e.gender != want and not e.name_gender:
                        return None  # someone known to be of the other gender comes first
                    if (mp in self.subject_pos or self.is_subject_at(mp) or self.speaks_at(mp)) and \
                            self._pronoun_follows(mp, want, i):
                        e.gender, e.name_gender = want, False
                        return eid
                i -= 1
        return fallback if fallback is not None else prefer

    def _pronoun_follows(self, mp: int, want: str, i: int) -> bool:
        """'Varn said she …': the article itself uses the pronoun for the person mentioned
        at mp, in the same sentence and before anyone else is mentioned."""
        text = self.text
        stop = text.find(".", mp)
        stop = len(text) if stop < 0 else min(stop, mp + 200)
        if i + 1 < len(self.mentions):
            stop = min(stop, self.mentions[i + 1][0])
        pat = _SHE_RE if want == "f" else _HE_RE
        return pat.search(text, mp, stop) is not None

    def resolve_group(self, pos: int, floor: int) -> int | None:
        """'they said': the most recent organisation/group speaker."""
        i = bisect.bisect_left(self.org_pos, pos) - 1
        if i >= 0 and self.org_mentions[i][0] >= floor:
            return self.org_mentions[i][1]
        return None

    def add_org_mention(self, pos: int, eid: int) -> None:
        i = bisect.bisect_left(self.org_pos, pos)
        self.org_pos.insert(i, pos)
        self.org_mentions.insert(i, (pos, eid))

    def resolve_desc(self, desc: str, pos: int, floor: int) -> int | None:
        words = [w.lower().strip(".,") for w in desc.split()]
        words = [w for w in words if w not in _DETERMINERS]
        if not words:
            return None
        noun = words[-1]
        adjs = set(words[:-1])
        geo = {w.lower() for w in desc.split()[:-1] if w[:1].isupper() and w.lower() not in _GENERIC_MODS
               and w.lower() not in _DETERMINERS}
        i = bisect.bisect_left(self.mention_pos, pos) - 1
        best = None
        while i >= 0:
            mp, eid = self.mentions[i]
            if mp < floor:
                break
            e = self.ents[eid]
            roles = " ".join(e.roles).lower()
            for ab, full in _ROLE_ABBREV.items():
                if ab in roles:
                    roles += " " + full
            if geo:
                rgeo = {w.lower() for w in " ".join(e.roles).split() if w[:1].isupper()
                        and w.lower() not in _GENERIC_MODS}
                if rgeo and not (rgeo & geo):
                    i -= 1
                    continue
            if noun in roles.replace("-", " ").split() or noun in roles:
                if not adjs or any(a in roles for a in adjs) or best is None:
                    if not adjs or any(a in roles for a in adjs):
                        return eid
                    best = best if best is not None else eid
            i -= 1
        return best


# --------------------------------------------------------------------------
# Attribution
# --------------------------------------------------------------------------
def _sentence_start_before(text: str, lo: int, pos: int, in_quote=None) -> int:
    """Start of the writer's sentence containing pos (not earlier than lo)."""
    best = lo
    for m in _SENT_BOUNDARY_RE.finditer(text, lo, min(len(text), pos + 3)):
        if m.end() > pos:
            break
        if in_quote is not None and in_quote(m.start()):
            continue
        if not _is_abbrev_boundary(text, m.start()):
            best = m.end()
    return best


_ACCORDING_TAIL_RE = re.compile(r"according to [^,]{2,60},$")
_TITLE_WORD_RE = re.compile(r"[\w’'\-]+")


def _looks_statement(text: str, sp: _Span, win_start: int) -> bool:
    """Does the quote stand as a whole statement rather than words inside a sentence?"""
    before = text[win_start:sp.open].rstrip()
    if not before:
        return True
    if before.endswith((":", "—", "–", "…")):
        return True
    if before.endswith(","):
        # 'Name said, "…"' / '"…," he said, "…"' but not 'however, "never" may mean'
        tail = before[-60:]
        return bool(_SPEECH_RE.search(tail)) or bool(_ACCORDING_TAIL_RE.search(tail))
    return False


# what comes before the name of a show, book or film whose sentence ends inside the marks
_TITLE_LEAD_RE = re.compile(r"(?:[’']s|\b(?:on|of|show|program|programme|podcast|book|film|movie|series|play|"
                            r"memoir|novel|album|song|documentary|column|titled|entitled),?)[ \t]*$")


_MODIFIER_NEXT_RE = re.compile(r"[ \t]+([a-z][a-z\-]*)\b")
_DETERMINER_BEFORE_RE = re.compile(r"(?:^|\s)(?:the|a|an|his|her|its|their|our|my|your)[ \t]+$", re.IGNORECASE)


def _lone_word_modifier(text: str, subj: _Subj) -> bool:
    """'Partial transcript as follows:', 'her Twitter account posted:': a lone capitalised
    word that only modifies the noun after it (or sits after a determiner) is no speaker."""
    if subj.kind != "name" or " " in subj.phrase:
        return False
    if _DETERMINER_BEFORE_RE.search(text, max(0, subj.start - 8), subj.start):
        return True
    m = _MODIFIER_NEXT_RE.match(text, subj.end)
    if m is None:
        return False
    w = m.group(1)
    return not (w.endswith(("s", "ed")) or w in _PAST_IRREGULAR or w in L.SPEECH_VERBS or w in ("also", "then"))


def _titled_work(text: str, sp: _Span, inner: str) -> bool:
    """Title-case words whose sentence ends inside the marks, after words that name a work:
    'on NBC’s "Meet the Press."', 'in his book, "An American Son."'."""
    return inner.endswith((".", "!", "?")) and _is_title_case(inner.rstrip(".!?")) and \
        _TITLE_LEAD_RE.search(text, max(0, sp.open - 24), sp.open) is not None


def _is_title_case(inner: str) -> bool:
    """"Fareed Zakaria GPS", "The Art of the Deal": names of works, not speech."""
    words = _TITLE_WORD_RE.findall(inner)
    if not words or len(words) > 8:
        return False
    small = {"of", "the", "a", "an", "and", "or", "in", "on", "for", "to", "with", "at", "by", "vs"}
    caps = [w for w in words if w.lower() not in small]
    return bool(caps) and all(w[:1].isupper() or w[:1].isdigit() for w in caps) and \
        not inner.rstrip().endswith((".", "!", "?", ","))


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
    return head.lower() in _LOWER_ROLE


# Verbs left out of the speech verbs because they are mostly nouns or other senses
# ("the states", "reads the paper"), but reliable right after a quote that closes on a
# comma: '"…," the email read.', '"…," reads the editorial.', '"…," the ad states.'
_AFTER_ONLY_VERBS = {"read", "reads", "states", "continues", "responds", "counters", "wonders", "asks"}
_AFTER_ONLY_VERB_RE = re.compile(
    rf"^(?:(?:also|later|then|again|further|simply|quickly|once|finally)\s+)?({_trie_regex(_AFTER_ONLY_VERBS)})\b")
_AFTER_ONLY_SEARCH_RE = re.compile(rf"(?<![\w’'\-])(?:{_trie_regex(_AFTER_ONLY_VERBS)})(?![\w’'\-])")


_BARE_ATTR_END_RE = re.compile(r"[ \t]*(?:(?:on|in|at|last|this)[ \t]+[\w.]+(?:[ \t]+[\w.]+)?)?[ \t]*[.!?]?[ \t]*(?:\n|$)")


def _bare_attribution(text: str, pos: int, hi: int) -> tuple[_Subj, str, str] | None:
    """'"…." Rusk said.' — a sentence after a quote that closes on its own period, made
    of a name, a speech verb and at most a short time phrase, ending its paragraph."""
    mv = _SPEECH_RE.search(text, pos, min(hi, pos + 60))
    if mv is None or not _BARE_ATTR_END_RE.match(text, mv.end()):
        return None
    subj = _subject_before(text, pos, mv.start())
    if subj is None or subj.kind != "name" or subj.start != pos:
        return None
    return subj, mv.group(), SHAPE_AFTER


def _try_after(text: str, sp: _Span, p_end: int) -> tuple[_Subj, str, str] | None:
    res = _try_after_with(text, sp, p_end, _AFTER_VERB_RE, _SPEECH_RE)
    if res is None and sp.close is not None and sp.close != sp.open and text[sp.close - 1:sp.close] in ",!?":
        res = _try_after_with(text, sp, p_end, _AFTER_ONLY_VERB_RE, _AFTER_ONLY_SEARCH_RE)
    return res


def _try_after_with(text: str, sp: _Span, p_end: int, after_verb_re, speech_search) -> tuple[_Subj, str, str] | None:
    if sp.close is None:
        return None
    pos = sp.close + 1
    hi = min(p_end, pos + 250)
    m = _SKIP_PUNCT_RE.match(text, pos, hi)
    pos = m.end()
    rest = text[pos:hi]
    if not rest:
        return None
    if rest[:1] in "“\"‘":
        return None
    if rest[:1].isupper() and text[sp.close - 1:sp.close] == "." and not rest.startswith("According"):
        # '… a "dead letter." Councillor X described …': a new sentence — unless that
        # sentence is nothing but its attribution ('"… missing." Rusk said.')
        return _bare_attribution(text, pos, hi) if speech_search is _SPEECH_RE else None
    ma = _ACCORDING_RE.match(rest)
    if ma:
        subj = _subject_after(text, pos + ma.end(), hi)
        if subj:
            return subj, "according to", SHAPE_ACCORDING
        return None
    mv = after_verb_re.match(rest)
    if mv:
        subj = _subject_after(text, pos + mv.end(1) + 1, hi) if pos + mv.end(1) < hi else None
        if subj and _REPORTED_VERB_RE.match(text, subj.end):
            return None  # '…, said Dorsey was …': Dorsey starts a reported clause, he is no speaker
        if subj and subj.kind != "pronoun":
            return subj, mv.group(1), SHAPE_AFTER
        if subj and subj.kind == "pronoun" and subj.phrase.lower() in _PRONOUN_SUBJ:
            return subj, mv.group(1), SHAPE_PRONOUN
        return None
    mv = speech_search.search(text, pos, min(hi, pos + 160))
    if not mv:
        return None
    # nothing but the subject between the mark and the verb
    mq = _QUOTED_AS_RE.search(text, pos, mv.start())  # ('"…," Name is quoted as saying')
    subj = _subject_before(text, pos, mq.start() if mq else mv.start())
    if subj is None:
        mlone = _LONE_ING_RE.fullmatch(text, pos, mv.start())
        if mlone:
            # '"…," Ebeling said': a capitalised -ing word between the quote and the verb
            # is a surname, not a participle
            subj = _Subj(mlone.group(1), "name", mlone.start(1), mlone.end(1))
    if subj is not None and subj.start > pos + 1 and subj.kind == "name" and sp.close != sp.open and \
            _role_gap(text[pos:subj.start]):
        pass  # '"…," election law expert Rita Hale tweeted': modifiers of the name's role
    elif subj is not None and subj.start > pos + 1 and subj.kind == "name" and \
            _role_apposition_gap(text, pos, subj.start):
        pass  # '"…," the city's spokesman, Rita Hale, said': a role in apposition before the name
    elif not subj or subj.start > pos + 1:
        return None
    shape = SHAPE_PRONOUN if subj.kind in ("pronoun", "desc") else SHAPE_AFTER
    return subj, mv.group(), shape


_DOC_OBJECT_RE = re.compile(
    r"(?:^|\s)(?:issued|issues|issue|released|releases|release|put\s+out|puts\s+out|sent|sends|"
    r"sent\s+out|posted|posts|published|publishes|emailed|emails|gave|gives|delivered|delivers|"
    r"read|reads|wrote|writes|filed|files|signed|signs|tweeted|tweets)\s+(?:out\s+)?$")
_DOC_HEADS = {"statement", "letter", "email", "e-mail", "memo", "note", "release", "tweet", "message",
              "post", "video", "ad", "op-ed", "editorial", "response", "report", "speech", "remarks"}


def _issuer_of(text: str, lo: int, subj: _Subj) -> _Subj | None:
    """'Name issued a statement saying "…"': the statement is the object, its issuer speaks."""
    words = subj.phrase.split()
    if len(words) < 2 or len(words) > 4 or words[0].lower() not in ("a", "an", "the") or \
            words[-1].lower().strip(".,") not in _DOC_HEADS:
        return None
    m = _DOC_OBJECT_RE.search(text, max(lo, subj.start - 20), subj.start)
    if m is None:
        return None
    issuer = _subject_before(text, lo, m.start() + (1 if text[m.start()].isspace() else 0))
    if issuer is None or issuer.kind not in ("name", "pronoun", "org", "desc"):
        return None
    if issuer.kind == "pronoun" and issuer.phrase.lower() not in ("he", "she", "they", "we"):
        return None
    return issuer


def _doc_antecedent_issuer(text: str, lo: int, subj: _Subj) -> _Subj | None:
    """'The campaign sent out a fundraising email … "…," read the email.': a definite
    document that speaks was issued earlier in the text ('sent out an email'); its
    issuer speaks."""
    words = subj.phrase.split()
    if len(words) != 2 or words[0].lower() != "the" or words[1].lower() not in _DOC_HEADS:
        return None
    head = re.escape(words[1].lower())
    last = None
    for m in re.finditer(rf"(?<![\w’'-])(?:a|an)[ \t]+(?:[\w’'\-]+[ \t]+){{0,4}}?{head}(?![\w’'-])",
                         text[lo:subj.start]):
        last = m
    if last is None:
        return None
    a = lo + last.start()
    mo = _DOC_OBJECT_RE.search(text, max(lo, a - 20), a)
    if mo is None:
        return None
    s0 = _sentence_start_before(text, lo, mo.start())
    issuer = _subject_before(text, s0, mo.start() + (1 if text[mo.start()].isspace() else 0))
    if issuer is None or issuer.kind not in ("name", "org", "desc") or \
            issuer.phrase.split()[-1].lower() in _DOC_HEADS:
        return None
    return issuer


def _noun_use(text: str, lo: int, mv) -> bool:
    """'the Vance campaign brass', 'his support': a verb-form word used as a noun."""
    v = mv.group().lower()
    return not v.endswith("ed") and v not in _PAST_IRREGULAR and \
        _NOUN_BEFORE_RE.search(text, max(lo, mv.start() - 40), mv.start()) is not None


_SUBORD_CLAUSE_RE = re.compile(r"\s*(?:While|Although|Though|If|When|As|Because|After|Before|Since|Unless|Whether|"
                               r"Even though|Even if)\b[^,;:“”\"]{0,150},")
_PHRASAL_PARTICLE_RE = re.compile(r"\s+(?:on|for|in|up|out|upon)\b")
_MAIN_VERB_RE = re.compile(r"[\s,]*(?:\([^)]*\)\s*)?(?:(?:also|then|later|again|has|had|was|is)\s+)*"
                           r"([a-z][\w’'\-]*)")
_MAIN_VERB_LONG_RE = re.compile(
    r"[\s,]*(?:\([^)]*\)\s*)?(?:(?:also|then|later|again|once|has|had|have|was|is|will|would)\s+)*"
    r"([a-z][\w’'\-]*)")
_NEW_SENTENCE_RE = re.compile(r"[.!?]\s+[A-Z]")
_CLAUSE_JOIN_END_RE = re.compile(r"(?:^|\s)(?:and|but|or|then|and then|before|after)\s*$")
_WITH_NAME_END_RE = re.compile(rf"\bwith\s+({_CAPW}(?:\s+{_CAPW}){{0,3}})\s+$")
_CLAUSE_PUNCT_RE = re.compile(r"[.!?;:]")
_AFTER_CLOSE_RE = re.compile(r"[,!?]?[”\"'’]+\s+$")


_PREP_BEFORE_RE = re.compile(r"\b(?:to|on|in|at|for|from|via)[ \t]+$")  # (not "with": "with Name saying" has Name speak)
_INVERTED_TAIL_RE = re.compile(r"\s*(?:,[^,.;:!?“”\"\n]{1,80})?,\s*")


def _clause_break(text: str, lo: int, hi: int) -> bool:
    """Does text[lo:hi] end a clause? The period of a title or an initial ('Rep.', 'J.') does not."""
    return any(not _is_abbrev_boundary(text, lo + m.start()) for m in _CLAUSE_PUNCT_RE.finditer(text[lo:hi]))


def _try_before(text: str, sp: _Span, win_start: int, in_quote=None,
                fragment: bool = False) -> tuple[_Subj, str, str] | None:
    window_end = sp.open
    seg = text[win_start:window_end]
    if not seg.strip():
        return None
    ma = None
    if "ccord" in seg.lower():  # (cheap test before the case-insensitive search)
        for ma in _ACCORDING_RE.finditer(seg):
            pass
    verbs = [v for v in _find_words(text, win_start, window_end, _FRAG_VOCAB if fragment else _ANY_VOCAB,
                                    multi=True)
             if (in_quote is None or not in_quote(v.start())) and not _noun_use(text, win_start, v)]
    if ma is not None and (not verbs or verbs[-1].start() <= win_start + ma.start()):
        subj = _subject_after(text, win_start + ma.end(), window_end)
        if subj:
            return subj, "according to", SHAPE_ACCORDING
    order = list(reversed(verbs))
    if fragment and verbs:
        m_sub = _SUBORD_CLAUSE_RE.match(text[win_start:window_end])
        if m_sub:
            # verbs of an introductory clause ("While not everything X says is true, …") do not
            # attribute the rest of the sentence
            verbs = [v for v in verbs if v.start() >= win_start + m_sub.end()] or verbs
        # Words quoted inside the writer's sentence belong to the main clause's
        # speaker ("He said that everything X says is 'just excuses'"), unless a
        # fragment verb sits right before them ("which Jones called 'reckless'").
        near = [v for v in verbs if v.group().lower() in L.FRAGMENT_VERBS and window_end - v.end() <= 120
                and not _PHRASAL_PARTICLE_RE.match(text[v.end():v.end() + 8])]
        order = near[-1:] + [v for v in verbs if v not in near[-1:]]
    m_intro = _SUBORD_INTRO_RE.match(text, win_start, window_end)
    for mv in order:
        v = mv.group().lower()
        if v == "according to":
            continue
        if m_intro and mv.end() <= m_intro.end() and window_end - m_intro.end() > 3:
            # "When Vance suggested …, Okafor fired back: '…'": a verb inside the
            # introductory clause does not attribute; the main clause's subject does
            subj = _sentence_subject(text, m_intro.end(), window_end)
            if subj is not None and (
                    subj.kind == "name" or (subj.kind == "pronoun" and subj.phrase.lower() in ("he", "she"))):
                mverb = _MAIN_VERB_RE.match(text[subj.end:window_end])
                return subj, (mverb.group(1) if mverb else ""), SHAPE_BEFORE
        between = text[mv.end():window_end]
        if _NEW_SENTENCE_RE.search(between) and (in_quote is None or not in_quote(mv.end())):
            continue
        if v in L.FRAGMENT_VERBS and v not in L.SPEECH_VERBS and window_end - mv.end() > 120:
            continue
        participle = v.endswith("ing") and text[max(win_start, mv.start() - 2):mv.start()] == ", "
        subj = None if participle else _subject_before(text, win_start, mv.start())
        if subj is not None and v.endswith("ing") and _PREP_BEFORE_RE.search(text, max(win_start, subj.start - 6),
                                                                           subj.start):
            # "… in a statement to Wired explaining …", "… on Facebook writing, …": the name
            # is a preposition's object; the participle's subject is the clause's
            subj, participle = None, True
        if subj is None and not participle and v in L.SPEECH_VERBS and v not in _ADDRESSEE_VERBS:
            # an inverted attribution right before the quote ('But, said Hale, "…"',
            # '"…," said Hale, the director, "and …"')
            inv = _subject_after(text, mv.end(), window_end)
            if inv is not None and inv.kind in ("name", "org", "desc") and \
                    _INVERTED_TAIL_RE.fullmatch(text, inv.end, window_end):
                subj = inv
        if subj is not None and subj.kind != "name":
            subj = _issuer_of(text, win_start, subj) or subj
        if subj is None:
            # participles ("…, warning that …", "with Name saying …"): the sentence subject
            if v.endswith("ing") or v.startswith("went") or _CLAUSE_JOIN_END_RE.search(
                    text[max(win_start, mv.start() - 12):mv.start()]):
                m2 = _WITH_NAME_END_RE.search(text[win_start:mv.start()])
                if m2:
                    subj = _subject_after(text, win_start + m2.start(1), mv.start())
                if subj is None and participle:
                    # "…," Name said, calling X "…": the subject of the clause before the
                    # participle speaks, not whatever opens the sentence
                    for pv in reversed(verbs):
                        if pv.end() > mv.start() - 2:
                            continue
                        if pv.group().lower() not in L.SPEECH_VERBS or _clause_break(text, pv.end(), mv.start()):
                            break
                        cand = _subject_before(text, win_start, pv.start())
                        if cand is None and _AFTER_CLOSE_RE.search(text, max(win_start, pv.start() - 6), pv.start()):
                            # '"…," said Rep. Name, adding that "…"': the inverted attribution's subject
                            cand = _subject_after(text, pv.end(), mv.start() - 2)
                        if cand is not None and cand.kind in ("name", "pronoun"):
                            subj = cand
                        break
                if subj is None:
                    subj = _sentence_subject(text, win_start, mv.start())
        if subj is None:
            continue
        if v in L.FRAGMENT_VERBS and (v not in L.SPEECH_VERBS or (fragment and v in _NAMING_VERBS)):
            shape = SHAPE_FRAGMENT
        else:
            shape = SHAPE_BEFORE
        return subj, mv.group(), shape
    if seg.rstrip().endswith(":"):
        colon = win_start + len(seg.rstrip()) - 1
        mdash = _DASH_NAME_RE.search(text, max(win_start, colon - 80), colon)
        if mdash:
            # "HEADLINE – Jane Roe and Al Poe:" (a digest): the byline before the colon speaks
            subj = _subject_after(text, mdash.start(1), colon)
            if subj is not None and subj.kind == "name":
                return subj, ":", SHAPE_COLON
        subj = _sentence_subject(text, win_start, window_end)
        if subj and not _lone_word_modifier(text, subj):
            return subj, ":", SHAPE_COLON
    if fragment:
        # Words quoted in a sentence whose subject is a person: that person's words
        # ('Holm went on to promote "…"'); an organisation or no subject: a scare quote.
        subj = _sentence_subject(text, win_start, window_end)
        if subj is not None and (subj.kind == "name" or (subj.kind == "pronoun" and
                                                         subj.phrase.lower() in ("he", "she"))):
            if not L.is_org_phrase(subj.phrase):
                mverb = _MAIN_VERB_LONG_RE.match(text[subj.end:window_end])
                return subj, (mverb.group(1) if mverb else ""), _SUBJECT_ONLY
    return None


_SENTENCE_STOP_RE = re.compile(r"[.!?](?=[\"”’)]*(?:\s|$))")


_LOWER_TAIL_RE = re.compile(r"['’]?[ \t]+[a-z]")


_QUOTED_AS_RE = re.compile(r"[ \t]+(?:is|was|has[ \t]+been|had[ \t]+been)[ \t]+(?:also[ \t]+)?quoted[ \t]+as[ \t]+$")
def _speaker_of_sentence_before(text: str, lo: int, hi: int) -> tuple[_Subj, str, str] | None:
    """'Coan argues that his client was peaceful. "The government is alleging …"': a quote
    opening a sentence, right after a writer's sentence in which a person speaks."""
    if hi - lo > 400 or any(ch in text[lo:hi] for ch in "“”\"") or "''" in text[lo:hi]:
        return None
    mv = _SPEECH_RE.search(text, lo, hi)
    if mv is None or mv.group().lower() in _ADDRESSEE_VERBS - {"told", "tells"}:
        return None
    subj = _subject_before(text, lo, mv.start())
    if subj is None or subj.kind not in ("name", "pronoun") or text[lo:subj.start].strip(" ,"):
        return None  # (the subject must open the sentence)
    return subj, mv.group(), SHAPE_BEFORE


_SIGNATURE_RE = re.compile(r"[ \t]*[-–—]+[ \t]*(?=[A-Z])")


def _signed_below(text: str, sp: _Span, paras) -> tuple[_Subj, str, str] | None:
    """A quote that is its paragraph, signed by the next one ('"…"' then '—Ada Brill, Ohio'),
    as in digests of the day's quotes."""
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
    subj = _subject_after(text, m.end(), q.end)
    if subj is None or subj.kind != "name":
        return None
    return subj, "—", SHAPE_AFTER


def _try_sentence_end(text: str, sp: _Span, p_end: int) -> tuple[_Subj, str, str] | None:
    """'He had "wanted to be a pilot," his friend told a newspaper.' The writer's sentence
    ends with an attribution clause after a comma: it attributes the quoted words."""
    start = sp.close + 1 if sp.close is not None else sp.end
    hi = min(p_end, start + 400)
    end = None
    for m in _SENTENCE_STOP_RE.finditer(text[start:hi]):
        if not _is_abbrev_boundary(text, start + m.start()):
            end = start + m.start()
            break
    if end is None:
        end = hi if hi == p_end else None
    if end is None:
        return None
    tail = text[start:end]
    if "“" in tail or '"' in tail:
        return None
    c = tail.rfind(",")
    if c < 0 or end - (start + c) > 110:
        return None
    fake = _Span(open=start + c - 1, close=start + c - 1, start=sp.start, end=sp.end, para=sp.para)
    res = _try_after(text, fake, end)
    if res is None:
        # '…, said Name, director of X.': the attribution sits before the last comma
        c2 = tail.rfind(",", max(0, c - 90), c)
        if c2 < 0:
            return None
        fake = _Span(open=start + c2 - 1, close=start + c2 - 1, start=sp.start, end=sp.end, para=sp.para)
        res = _try_after(text, fake, start + c)
        if res is None:
            return None
    subj, verb, shape = res
    return subj, verb, (SHAPE_PRONOUN if subj.kind in ("pronoun", "desc") else
                        SHAPE_ACCORDING if verb == "according to" else SHAPE_AFTER)


def _looks_title_or_scare(text: str, sp: _Span) -> bool:
    inner = text[sp.start:sp.end]
    return len(inner.split()) <= 4 and not inner.rstrip().endswith((".", "?", "!"))


# --------------------------------------------------------------------------
# Paraphrase
# --------------------------------------------------------------------------
_PARA_VERBS = (L.SPEECH_VERBS - {"ask", "asks", "asked", "asking", "urge", "urges", "urged",
                                  "urging", "thank", "thanked", "joke", "joked", "cry", "cried",
                                  "shout", "shouted", "laugh", "laughed", "sigh", "sighed",
                                  "shrugged", "plead", "pleaded", "beg", "begged", "encourage",
                                  "encouraged", "demanded", "praised", "hailed", "blasted",
                                  "slammed", "accused", "accuse", "charge", "charged",
                                  "described", "told", "tell", "tells", "telling", "telling",
                                  "reply", "replied", "reminded", "remind"})
_PARA_NOTHAT = {"said", "says", "added", "argued", "claimed", "insisted", "warned", "wrote",
                "noted", "explained", "stressed", "acknowledged", "admitted", "conceded", "predicted",
                "announced", "declared", "contended", "maintained", "asserted", "suggested",
                "complained", "argues", "claims", "insists", "warns", "writes", "notes", "told"}
_THAT_TAIL_RE = re.compile(r"[^.;:“”\"]{0,90}?\bthat\s+")
_NOTHAT_TAIL_RE = re.compile(
    r"(?:\s+(?:on|last|this|in|at|during|earlier|later|publicly|privately|repeatedly|again|"
    r"also|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|an?|the|"
    r"interview|statement|speech|with|to|reporters|[A-Z][\w.’'\-]*)){0,8}?"
    r"\s+(?=(?:the|a|an|he|she|they|it|we|i|there|this|his|her|their|its|[A-Z][a-z]|[A-Z]{2,}|(?:[A-Z]\.){2,})\b)")
_TOLD_OBJ_RE = re.compile(r"(?:\s+[\w.’'\-]+){1,4}?(?=\s+that\b)")
_PARA_VOCAB = _PARA_VERBS | {"told", "went"}
_ALL_VOCAB = _FRAG_VOCAB | _PARA_VOCAB | L.SPEECH_VERBS


_DQ_RE = re.compile("\"|“|”|''")


def _sentences_with(sent_spans: list[tuple[int, int]], vocab: set[str]) -> list[tuple[int, int]]:
    """Only the sentences holding a word of vocab (from the article's cue-word index)."""
    idx = getattr(_tls, "index", None)
    if idx is None:
        return sent_spans
    starts = [a for a, _ in sent_spans]
    keep: list[int] = []
    last = -1
    for p, w in zip(idx.pos, idx.words):
        if w in vocab or w == "went" or w == "according":
            i = bisect.bisect_right(starts, p) - 1
            if i >= 0 and i != last and p < sent_spans[i][1]:
                keep.append(i)
                last = i
    return [sent_spans[i] for i in keep]


def _paraphrases(article: Article, ents: "_Entities", taken: list[tuple[int, int]],
                 sent_spans: list[tuple[int, int]], last_speaker_at) -> list[Quote]:
    text = article.text
    out: list[Quote] = []
    taken_starts = [a for a, _ in taken]

    def overlaps(a: int, b: int) -> bool:
        i = bisect.bisect_left(taken_starts, b)
        j = i - 1
        while j >= 0 and j >= i - 3:
            if taken[j][1] > a and taken[j][0] < b:
                return True
            j -= 1
        return False

    for ss, se in _sentences_with(sent_spans, _PARA_VOCAB):
        if se - ss > 2000 or se - ss < 20:
            continue
        sent = text[ss:se]
        if _DQ_RE.search(sent):
            continue
        found = None
        for v in _find_words(text, ss, se, _PARA_VOCAB, multi=True):
            if v.group() == "went":
                continue
            t = _THAT_TAIL_RE.match(text, v.end(), se)
            if t is None and v.group() in _PARA_NOTHAT:
                t = _NOTHAT_TAIL_RE.match(text, v.end(), se)
            if t is None:
                continue
            found = (v, t)
            break
        if not found:
            continue
        v, t = found
        verb = v.group().split()[0]
        subj = _subject_before(text, ss, v.start())
        if subj is None:
            subj = _sentence_subject(text, ss, v.start()) if v.start() - ss < 200 else None
            if subj is None:
                continue
            if verb == "went" or verb.endswith("ing"):
                pass
            elif subj.end + 60 < v.start():
                continue
        cs = t.end()
        ce = se
        while ce > cs and text[ce - 1] in ".!? \t":
            ce -= 1
        if ce - cs < 12 or len(text[cs:ce].split()) < 3:
            continue
        if overlaps(cs, ce):
            continue
        out.append(_make_quote(article, ents, cs, ce, subj, verb, PARAPHRASE, SHAPE_INDIRECT,
                               text[ss:se], last_speaker_at))
    return [q for q in out if q is not None and q.speaker]


# --------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------
_THE_LOWER_RE = re.compile(r"(?:the|The)\s+[a-z]")
_LEAD_THE_RE = re.compile(r"^(?:the|The)\s+")


def _resolve_subject(ents: _Entities, subj: _Subj, pos: int, floor: int) -> tuple[int | None, str | None, str]:
    """Map a subject to (entity id, fallback speaker text, speaker kind)."""
    if subj.kind == "pronoun":
        if subj.phrase.lower() in ("they", "we"):
            eid = ents.resolve_group(subj.start, max(floor, subj.start - 1500))
            return eid, None, ORGANISATION
        if subj.phrase.lower() == "i":
            return None, ents.author, PERSON
        eid = ents.resolve_pronoun(subj.phrase, subj.start, floor)
        if eid is not None and subj.phrase.lower() in ("he", "she") and ents.ents[eid].gender is None:
            ents.ents[eid].gender = "m" if subj.phrase.lower() == "he" else "f"
        if eid is not None:
            ents.add_mention(subj.start, eid)  # the speaker stays salient
        return eid, None, PERSON
    if subj.kind == "desc" and subj.phrase.split()[0].lower() in ("a", "an", "one", "another", "some"):
        # "said a New Hampshire Democrat": a new, unnamed person, not someone named earlier
        return None, subj.phrase, PERSON
    if subj.kind == "desc":
        eid = ents.resolve_desc(subj.phrase, subj.start, floor)
        if eid is None:
            # "the businessman said": the salient person, when no role matches
            eid = ents.resolve_pronoun("", subj.start, max(floor, subj.start - 1500))
        if eid is not None:
            return eid, None, PERSON
        return None, subj.phrase, PERSON
    if subj.kind == "org":
        name = subj.phrase
        if not _THE_LOWER_RE.match(name):
            name = _LEAD_THE_RE.sub("", name)  # "the Treasury" -> "Treasury"; "the ad" stays
        eid = ents.lookup_or_add(name, ORGANISATION, None)
        if eid is not None:
            ents.add_org_mention(subj.start, eid)
        return eid, name, ORGANISATION
    if " " not in subj.phrase and ents.is_common_word(subj.phrase) and \
            not ents.by_surname.get(subj.phrase.lower().replace("’s", "").replace("'s", "")):
        return None, None, UNKNOWN  # "Audiences said": a capitalised common word, not a name
    eid = ents.lookup_or_add(subj.phrase, PERSON, subj.role)
    if eid is not None:
        ents.add_mention(subj.start, eid)
    return eid, subj.phrase, PERSON


def _sentence_for(text: str, sent_starts: list[int], sent_spans: list[tuple[int, int]], a: int, b: int) -> str:
    if not sent_spans:
        return ""
    i = max(0, bisect.bisect_right(sent_starts, a) - 1)
    j = max(i, bisect.bisect_right(sent_starts, max(a, b - 1)) - 1)
    s = sent_spans[i][0]
    e = sent_spans[j][1]
    if e < b:
        e = b
    if e - s > 4000:
        s = max(s, a - 200)
        e = min(e, b + 200)
    return text[s:e]


def _non_overlapping(quotes: list[Quote]) -> list[Quote]:
    """Quotes in text order, each dropped when it overlaps one kept before it."""
    kept: list[Quote] = []
    last_end = -1
    for q in sorted(quotes, key=lambda q: q.start):
        if q.start >= last_end:
            kept.append(q)
            last_end = q.end
    return kept


def _make_quote(article, ents, a, b, subj_or_eid, verb, kind, shape, sentence, _unused=None,
                para: int | None = None) -> Quote | None:
    text = article.text
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b <= a:
        return None  # stored text is always non-empty and stripped
    if isinstance(subj_or_eid, _Subj):
        eid, fallback, skind = _resolve_subject(ents, subj_or_eid, a, max(0, a - 3000))
    else:
        eid, fallback, skind = subj_or_eid
    speaker = None
    role = None
    aliases: tuple[str, ...] = ()
    if eid is not None:
        e = ents.ents[eid]
        speaker = e.canonical
        skind = e.kind
        role = e.roles[0] if e.roles else None
        aliases = tuple(f for f in e.forms if f != speaker)
    elif fallback:
        speaker = fallback
    if para is None:
        starts = getattr(ents, "para_starts", None)
        if starts is None:
            starts = ents.para_starts = [p.start for p in article.paragraphs]
        i = bisect.bisect_right(starts, a) - 1
        para = article.paragraphs[i].index if i >= 0 else 0
    return Quote(text=text[a:b], start=a, end=b, speaker=speaker, speaker_kind=skind if speaker else UNKNOWN,
                 role=role, verb=verb, kind=kind, shape=shape, paragraph=para, sentence=sentence,
                 aliases=aliases)


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
    _tls.index = _WordIndex(text, _ALL_VOCAB)
    try:
        return _extract_indexed(article, paraphrase, safe)
    finally:
        _tls.index = None


_HEADLINE_COLON_RE = re.compile(r"[ \t]*([^:“”\"‘’'\n]{2,60}?):[ \t]")


def _headline_speaker(article: Article) -> _Subj | None:
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
    subj = _subject_before(text, p.start, m.end(1))
    if subj is None or subj.kind not in ("name", "org") or text[p.start:subj.start].strip() or \
            subj.end != m.end(1):
        return None
    last = subj.phrase.split()[-1].strip(".,")
    if len(last) < 2 or last.lower() in _NOT_NAME:
        return None
    body = text[p.end:]
    flags = re.IGNORECASE if last.isupper() else 0
    if not re.search(rf"(?<![\w’'-]){re.escape(last)}(?![\w-])", body, flags):
        return None
    return subj


def _extract_indexed(article: Article, paraphrase: bool, safe: bool) -> list[Quote]:
    text = article.text
    paras = article.paragraphs
    bounded = _paragraphs_between_spaces(text, paras)  # (see _matches_by_paragraph)
    spans = _find_spans(article, bounded)
    sent_spans: list[tuple[int, int]] = []
    bounds_by_para = _matches_by_paragraph(text, paras, _SENT_BOUNDARY_RE, bounded)
    for k, p in enumerate(paras):
        if bounds_by_para is None:
            sent_spans.extend(split_sentences(text, p.start, p.end))
        else:
            sent_spans.extend(_sentences_between(text, p.start, p.end, bounds_by_para[k]))
    sent_starts = [s for s, _ in sent_spans]
    q_ranges = sorted((s.open, (s.close + 1) if s.close is not None else s.end) for s in spans)
    ents = _Entities(text, q_ranges, sent_starts)
    ents.author = (article.byline.split(" – ")[0].strip() if article.byline and " – " in article.byline
                   else "the author")

    # Reported speech that ends with its attribution ("…, Henson said."): the speaker
    # becomes salient for later pronouns, and the clause is a paraphrase.
    tail_paras: list[tuple[int, int, _Subj, str]] = []
    for ss, se in _sentences_with(sent_spans, L.SPEECH_VERBS):
        if se - ss > 1500 or se - ss < 25 or ents.in_quote(ss):
            continue
        c = text.rfind(",", max(ss, se - 110), se)
        if c < 0 or c - ss < 15:
            continue
        if any(ch in text[c:se] for ch in "“”\"") or text.startswith("''", c):
            continue
        if not _find_words(text, max(ss, c - 90), se, L.SPEECH_VERBS, multi=True, first=True):
            continue  # no speech verb near the end of the sentence
        fake = _Span(open=c - 1, close=c - 1, start=ss, end=c, para=0)
        res = _try_after(text, fake, se)
        if res is None:
            # "…, said Name, role of X." — the attribution sits before the last comma
            c2 = text.rfind(",", max(ss, c - 90), c)
            if c2 >= 0 and c2 - ss >= 15 and not any(ch in text[c2:c] for ch in "“”\""):
                fake = _Span(open=c2 - 1, close=c2 - 1, start=ss, end=c2, para=0)
                res = _try_after(text, fake, c)
                if res is not None:
                    c = c2
        if res is None or res[0].kind not in ("name", "pronoun"):
            continue
        subj, verb, _shape = res
        if subj.kind == "name":
            _resolve_subject(ents, subj, subj.start, max(0, subj.start - 3000))
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

    head = _headline_speaker(article) if spans and spans[0].para == 0 else None

    for sp in spans:
        p = paras[sp.para]
        floor_ = prev_close_in_para.get(sp.para, p.start)
        prev_closes = closes_in_para.get(sp.para, [])
        far_floor = prev_closes[-3] if len(prev_closes) >= 3 else p.start
        sent_start = sentence_start(sp.open, far_floor)
        sp.sent_start = sent_start
        win_start = max(sent_start, floor_)
        statement = _looks_statement(text, sp, win_start)
        sp.kind = STATEMENT if statement else FRAGMENT
        inner = text[sp.start:sp.end]
        res = None
        if statement and _titled_work(text, sp, inner):
            res = None  # 'in his 2012 book, "An American Son."'
        elif statement:
            res = _try_after(text, sp, p.end) or _try_before(text, sp, win_start)
            if res is None and sp.close is not None and not text[sent_start:sp.open].strip() and \
                    _LOWER_TAIL_RE.match(text, sp.close + 1):
                # '"We are pleased" about the ruling, said Name.': the quote opens the
                # sentence, the writer's words go on, and the sentence ends attributing it
                res = _try_sentence_end(text, sp, p.end)
        elif _is_title_case(inner) or _titled_work(text, sp, inner):
            res = None  # a title or a name in quotes, not speech ('on NBC’s "Meet the Press."')
        else:
            res = (_try_after(text, sp, p.end) or _try_sentence_end(text, sp, p.end)
                   or _try_before(text, sp, sent_start, ents.in_quote, fragment=True))
        if res is None and sp.open == p.start and sp.para > 0:
            prevp = paras[sp.para - 1]
            if prevp.text.rstrip().endswith(":"):
                ws = sentence_start(prevp.end - 1, prevp.start)
                fake = _Span(open=prevp.end, close=None, start=sp.start, end=sp.end, para=sp.para)
                res = _try_before(text, fake, ws)
        if res is None and statement and sp.close is not None and sp.open == p.start:
            res = _signed_below(text, sp, paras)
        if res is None and statement and sent_start > p.start and not text[sent_start:sp.open].strip():
            res = _speaker_of_sentence_before(text, sentence_start(sent_start - 1, p.start), sent_start)
        if res is None and head is not None and sp.para == 0 and sp.open > head.end:
            res = head, ":", SHAPE_COLON  # "Name: Rival Is ‘Unfit’ To Lead" (a headline)
        if res is not None and res[0].kind in ("org", "desc"):
            issuer = _doc_antecedent_issuer(text, max(p.start - 600, 0, sp.open - 700), res[0])
            if issuer is not None:
                res = issuer, res[1], res[2]
        if res is not None:
            subj, verb, shape = res
            sp.speaker_raw = subj.phrase
            sp.verb = verb
            sp.shape = shape
            eid, fallback, skind = _resolve_subject(ents, subj, sp.open, max(0, sp.open - 3000))
            if shape == _SUBJECT_ONLY:
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

    # multi-paragraph chains share a speaker
    group = 0
    for i, sp in enumerate(spans):
        if sp.chain_prev and i > 0:
            sp.group = spans[i - 1].group
        else:
            group += 1
            sp.group = group
    by_group: dict[int, list[_Span]] = {}
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
    last: _Span | None = None
    for sp in spans:
        lead = text[max(sp.sent_start, sp.open - 400):sp.open].strip()
        # (a quote after a lead adverb reads as a fragment of the writer's sentence: it is
        # the rest of that sentence, so a statement)
        led = bool(lead) and len(lead) < 12 and _CONTINUATION_LEAD_RE.fullmatch(lead) is not None
        if sp.shape is None and last is not None and (sp.kind == STATEMENT and not lead or led) and \
                (len(text[sp.start:sp.end].split()) >= 3 or text[sp.end - 1:sp.end] in ".?!"):
            if last.para in (sp.para, sp.para - 1) or (last.para == sp.para - 2 and
                                                       not paras[sp.para - 1].text.strip()):
                # another person named in between breaks the continuation
                if not _names_other(ents, text, (last.close + 1) if last.close is not None else last.end, sp.open, last):
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
        q = _make_quote(article, ents, sp.start, sp.end, (sp.speaker_key, sp.speaker_raw, sp.speaker_kind),
                        sp.verb, sp.kind, sp.shape, _sentence_for(text, sent_starts, sent_spans, sp.start, sp.end),
                        para=sp.para)
        if q is None or not q.speaker:
            continue
        quotes.append(q)

    # canonical names may have grown after early quotes: refresh speakers
    kept = _non_overlapping(quotes)
    if paraphrase and not safe:
        taken = sorted((q.start, q.end) for q in kept)
        # direct quote marks (even scare quotes) are off limits for paraphrases
        taken_all = sorted(set(taken) | set(q_ranges))
        paras_q = _paraphrases(article, ents, taken_all, sent_spans, None)
        for ss, c, subj, verb in tail_paras:
            a, b = ss, c
            while a < b and text[a].isspace():
                a += 1
            if b - a < 12 or len(text[a:b].split()) < 3:
                continue
            q = _make_quote(article, ents, a, b, subj, verb, PARAPHRASE, SHAPE_INDIRECT,
                            _sentence_for(text, sent_starts, sent_spans, a, b))
            if q is not None and q.speaker:
                paras_q.append(q)
        kept = _non_overlapping(kept + paras_q)
    # refresh canonical names and aliases with everything the article said
    index: dict[str, int] = {}
    for e in ents.ents:
        for f in e.forms:
            index.setdefault(f, e.id)
        index[e.canonical] = e.id
    return [_refresh(q, ents, index) for q in kept]


_CAP_RUN_RE = re.compile(rf"{_CAPW}(?:\s+{_CAPW})*")


# a sentence adverb before a quote that goes on from the last one ('… ," he said. Then, "…"')
_CONTINUATION_LEAD_RE = re.compile(r"(?:And|But|Then|Instead|Still|Later|Indeed|Yet|Again|Also|Plus),?")


def _names_other(ents: _Entities, text: str, lo: int, hi: int, last: _Span) -> bool:
    """Does text[lo:hi], between two quotes, bring in another person (so no continuation)?"""
    between = text[lo:hi]
    if len(between) > 600:
        return True
    if (len(between) < 160 or (last.shape in (SHAPE_AFTER, SHAPE_PRONOUN) and len(between) < 400)) and \
            _SPEECH_RE.search(between) and len(split_sentences(text, lo, hi)) <= 1:
        # just the previous quote's attribution: '," Name said, "…', however long its
        # apposition ('said Ms. Gil, a lawyer in George W. Bush's administration. "…'):
        # the names in it describe the speaker
        return False
    own: set[str] = set()
    if last.speaker_key is not None:
        for f in ents.ents[last.speaker_key].forms:
            own |= set(ents._key_tokens(f))
    for m in _CAP_RUN_RE.finditer(between):
        w = m.group()
        if w.lower().split()[0] in _NOT_NAME:
            continue
        toks = ents._key_tokens(w)
        if not toks or toks[-1] in own:
            continue
        for eid in ents.by_surname.get(toks[-1].replace("’s", "").replace("'s", ""), []):
            if eid != last.speaker_key and ents.ents[eid].kind == PERSON:
                return True
    return False


def _refresh(q: Quote, ents: _Entities, index: dict[str, int]) -> Quote:
    if not q.speaker:
        return q
    eid = index.get(q.speaker)
    if eid is not None:
        e = ents.ents[eid]
        q.speaker = e.canonical
        q.aliases = tuple(f for f in e.forms if f != e.canonical)
        if e.roles:
            q.role = e.roles[0]
    return q
