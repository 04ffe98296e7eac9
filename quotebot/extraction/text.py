"""Stage 1, text: what every later stage reads instead of rescanning the article.

Character classes for names (``CAPW``: a capitalised word, title abbreviation or
initials), the quote marks, the sentence splitter (abbreviations and initials are not
sentence ends), and ``WordIndex``: every cue word of the article found in one regex
pass, so that a stage asking "is there a speech verb in this window?" does a bisect
look-up. ``find_words`` answers from the index of the article being extracted (held
in ``tls`` for the duration of one ``extract_quotes`` call) and falls back to a scan.
"""

from __future__ import annotations

import bisect
import functools
import re
import threading
from collections.abc import Iterable

from .. import lexicon as L


# --------------------------------------------------------------------------
# Character classes and small regexes
# --------------------------------------------------------------------------
UP = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁ"
_TITLE_ABBRS = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt", "St", "Jr", "Sr",
                "Prof", "Pres", "Rev", "Adm", "Maj", "Ft", "Mt", "Gens", "Sens", "Reps", "Messrs", "Supt", "Insp", "Cmdr",
                "Lt.Col")
ABBR_TITLES = "(?:" + "|".join(re.escape(t) for t in _TITLE_ABBRS) + r")\."
CAPW = rf"(?:{ABBR_TITLES}|[{UP}]\.(?:[{UP}]\.)+|[{UP}]\.(?=[ \t]+[{UP}])|[{UP}][\w'’\-]*)"
# one character of a clause that runs to a comma: the period of a title or an initial
# ("Asked whether Mr. Clinton would …, Mrs. Clinton said") does not end it
CLAUSE_CHAR = rf"(?:[^,.;:“”\"]|(?<=[{UP}])\.|(?<=\b[{UP}][a-z])\.|(?<=\b[{UP}][a-z]{{2}})\.)"


def capw_after_first() -> str:
    """The rest of a ``_CAPW`` word once its first capital is consumed: each title
    abbreviation checks that capital with a lookbehind (same alternatives, same order
    among titles of one letter). Lets a pattern open with ``[capitals]`` so the engine
    skips ahead to capitals instead of trying a lookahead at every position."""
    by_first: dict[str, list[str]] = {}
    for t in _TITLE_ABBRS:
        by_first.setdefault(t[0], []).append(re.escape(t[1:]))
    titles = [f"(?<={c})(?:{'|'.join(rests)})\\." for c, rests in by_first.items()]
    return "(?:" + "|".join(titles + [rf"\.(?:[{UP}]\.)+", rf"\.(?=[ \t]+[{UP}])", r"[\w'’\-]*"]) + ")"
# Arabic names' article before a capital ("al-Assad", "el-Sisi") is part of a capitalised word
ARTICLE_PREFIX = r"(?:al|el|as|ad|ash|at|az|an|ar|ul|ud)[\-‑]"
_CAPW_RE = re.compile(rf"^(?:{ARTICLE_PREFIX})?{CAPW}$")
# '' is a double mark (some newspapers' style). Patterns that are searched through long
# stretches of text are written to open with a character (set) where they can, so the
# engine skips ahead to candidates instead of trying the pattern at every position:
# alternatives that each open with a literal, "[x][x]*" rather than "[x]+".
# A single mark after a word and before '' closes an inner quote first: ",'''" is "'"
# then "''" ('… on 'Fox and Friends,''' said Vietor).
# (Written to open with the mark itself, so the engine still skips ahead to a mark.)
_INNER_CLOSE = r"'(?<=[^\s'(\[{—–/-]')(?='')|"
_MARKS_RE = re.compile(_INNER_CLOSE + "''|\"|“|”|„|‟|«|»|‘|’|'|‚|‛")
# The same marks less the apostrophes inside a word ("don't", "Russia’s"), which the
# pairing skips anyway (only those between ASCII letters or digits, which it surely skips).
MARKS_PAIRING_RE = re.compile(_INNER_CLOSE +
                              "''|\"|“|”|„|‟|«|»|‘|‚|‛|"
                              "’(?:(?<![A-Za-z0-9]’)|(?![A-Za-z0-9]))|'(?:(?<![A-Za-z0-9]')|(?![A-Za-z0-9]))")
DOUBLE_OPEN = "“„‟«"
DOUBLE_CLOSE = "”»"
OPENERS_BEFORE = set(" \t\n([{—–-/\u00a0") | set("“‘\"'«„")
CLOSERS_AFTER = set(" \t\n.,;:!?)]}—–-/\u00a0…") | set("”’\"'»")

ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "etc", "no", "nos", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n",
    "u.k", "e.g", "i.e", "a.m", "p.m", "d.c", "mt", "ft", "fig", "adm", "maj", "rev", "supt",
    "pres", "dept", "univ", "assn", "bros", "messrs", "gens", "reps", "sens", "ave", "blvd",
}
SENT_BOUNDARY_RE = re.compile(r"[.!?…][.!?…]*[\"”’')\]]*\s+(?=(?:''|[\"“‘'(\[])?[0-9" + UP + r"])")
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
ANY_VOCAB = L.SPEECH_VERBS | L.FRAGMENT_VERBS
FRAG_VOCAB = ANY_VOCAB | L.OPINION_VERBS
SUBJECT_ONLY = "subject-only"  # internal: fragment attributed to a sentence subject, to be checked
NAMING_VERBS = {v for v in L.FRAGMENT_VERBS if v.startswith(("call", "describ", "refer", "dub", "brand",
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


def trie_regex(words: Iterable[str]) -> str:
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


# "pointed out", "shot back": head word -> particle (lexicon.PHRASAL_SPEECH_VERBS)
_PARTICLE_OF = {v.split()[0]: v.split()[1] for v in L.PHRASAL_SPEECH_VERBS}


def _phrasal(text: str, w: str, e: int, vocab) -> str | None:
    """'pointed out' when the word ending at e is a phrasal verb's head and its particle
    follows as a whole word, and the vocabulary has the phrasal verb."""
    p = _PARTICLE_OF.get(w)
    if p is None or not text.startswith(p, e + 1) or text[e:e + 1] != " ":
        return None
    after = text[e + 1 + len(p):e + 2 + len(p)]
    v = f"{w} {p}"
    return v if not (after.isalnum() or after in "-’'") and v in vocab else None
_PUT_IT_RE = re.compile(r" it[,:]")  # ("put it bluntly:" is read as a colon attribution)


class WordIndex:
    """Every cue word of the article, found in one pass; windows are then bisect look-ups."""

    # one pattern per vocabulary object (the stages pass module-level sets), built once
    _PATTERNS: dict[int, tuple[set[str], frozenset[str], re.Pattern]] = {}

    def __init__(self, text: str, vocab: set[str]):
        self.text = text
        entry = WordIndex._PATTERNS.get(id(vocab))
        if entry is None or entry[0] is not vocab:
            words = frozenset(w for w in vocab | {"according", "went", "put", "puts"} | set(_PARTICLE_OF)
                              if re.fullmatch(r"[a-z]+(?:-[a-z]+)*", w))
            # A cue word is a whole run of word characters, hyphens and apostrophes. The
            # pattern consumes the character before the word (so it opens with a character
            # set the engine skips to, instead of trying a lookbehind at every letter); the
            # text gets a leading newline so that a word at its start has one too.
            entry = (vocab, words, re.compile(r"[^\w\-’'](" + trie_regex(words) + r")(?![\w\-’'])"))
            WordIndex._PATTERNS[id(vocab)] = entry
        self.vocab_words = entry[1]
        ms = [(m.start(1) - 1, m.end() - 1, m.group(1)) for m in entry[2].finditer("\n" + text)]
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
            elif w in _PARTICLE_OF and _phrasal(text, w, e, vocab):
                out.append(_WM(s, e + 1 + len(_PARTICLE_OF[w]), f"{w} {_PARTICLE_OF[w]}"))  # 'as Byler pointed out, "…"'
            elif multi and w in ("put", "puts") and _PUT_IT_RE.match(text, e):
                out.append(_WM(s, e + 3, "put it"))  # 'as Hale put it: "…"'
            else:
                continue
            if first:
                break
        return out


tls = threading.local()
_PARTY_TAIL_RE = re.compile(r"\s*\([A-Z][^()]{0,24}\)\s*$")


def party_tail(text: str, lo: int, end: int) -> re.Match | None:
    """``_PARTY_TAIL_RE.search(text, lo, end)``, tried only when ")" ends the window's text."""
    j = end
    while j > lo and text[j - 1].isspace():
        j -= 1
    if j == lo or text[j - 1] != ")":
        return None
    return _PARTY_TAIL_RE.search(text, lo, end)


PARTY_RE = re.compile(r"\([A-Z][^()]{0,24}\)")
UNNAMED_RE = re.compile(
    r"\b(?:[Aa]|[Aa]n|[Aa]nother|[Oo]ne|[Tt]he|[Tt]wo|[Tt]hree|[Ss]ome|[Ss]everal)\s+(?:[\w’'\-]+\s+){0,3}?"
    r"(?:source|official|aide|adviser|advisor|person|spokesman|spokeswoman|spokesperson|staffer|"
    r"strategist|operative|insider|lawmaker|member|diplomat|officer|user|commenter|reader|viewer|caller|"
    r"resident|voter|attendee|witness|bystander|neighbou?r|participant|protester|protestor)s?\b[^,.;:“”\"()]{0,70}$")
REL_END_RE = re.compile(r"(?:^|\s)(?:that|which|who)$")
PRON_END_RE = re.compile(r"(?:^|[\s,(—–])(he|she|they|we|i|He|She|They|We|I)$")
SKIP_PUNCT_RE = re.compile(r"[\s,;—–\-]*")
AGE_RE = re.compile(r"\d+-year-old")
_DOTTED_RE = re.compile(r"(?:[a-z]\.)+[a-z]")


def find_words(text: str, lo: int, hi: int, vocab: set[str], multi: bool = False,
               first: bool = False) -> list[_WM]:
    """Lowercase words of ``vocab`` in text[lo:hi] (fast: one simple regex plus set look-ups)."""
    idx = getattr(tls, "index", None)
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
        elif multi and w in ("put", "puts") and _PUT_IT_RE.match(text, m.end()):
            out.append(_WM(m.start(), m.end() + 3, "put it"))
        elif w in _PARTICLE_OF and _phrasal(text, w, m.end(), vocab):
            out.append(_WM(m.start(), m.end() + 1 + len(_PARTICLE_OF[w]), f"{w} {_PARTICLE_OF[w]}"))
        else:
            continue
        if first:
            break
    return out


class _SpeechSearch:
    @staticmethod
    def search(text: str, lo: int = 0, hi: int | None = None):
        r = find_words(text, lo, len(text) if hi is None else hi, L.SPEECH_VERBS, first=True)
        return r[0] if r else None


SPEECH_RE = _SpeechSearch()
AFTER_VERB_RE = re.compile(
    # the speech verbs as a trie: the same longest verb a longest-first alternation finds
    rf"^(?:(?:also|later|then|again|further|simply|quickly|once|finally)\s+)?({trie_regex(L.SPEECH_VERBS)})\b",
)
ACCORDING_RE = re.compile(r"\baccording to\s+", re.IGNORECASE)
_ADJUNCT_TIMES = (r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|"
                  r"month|year|night|morning|afternoon|evening|weekend|January|February|March|April|May|"
                  r"June|July|August|September|October|November|December")
_ADJUNCT_ADVERBS = (r"also|later|then|again|further|has|had|have|was|is|were|are|would|will|"
                    r"previously|recently|once|repeatedly|publicly|privately|reportedly|himself|herself|"
                    r"themselves|itself|first|quickly|simply|even|often|earlier|today|yesterday|tonight|"
                    r"never|initially|then-|still|only|already|subsequently|ultimately|eventually|finally|"
                    # any lower-case manner adverb ("Trump jokingly said"), but not a noun in -ly
                    r"(?-i:(?!(?:family|ally|assembly|rally|daily|weekly|monthly|quarterly|bully|monopoly|"
                    r"anomaly|reply|supply|italy)\b)[a-z]{2,}ly)")
# sentence adverbials of two words ("his essay that in effect claimed")
_ADJUNCT_IDIOM_HEADS = r"effect|fact|turn|particular|essence|part|short|response|return|contrast|first|least|times|course"
_ADJUNCT_IDIOMS = (r"in\s+(?:effect|fact|turn|particular|essence|part|short|response|return|contrast)|"
                   r"at\s+(?:first|least|times)|of\s+course|by\s+contrast")
# what leads to an infinitive of the subject's own speech ("Trump was quick to say",
# "she went on to add"), not one that someone else is asked or urged to say
_CATENATIVES = (r"prompted|moved|forced|compelled|inclined|quick|eager|able|unable|keen|happy|careful|ready|"
                r"willing|sure|expected|set|going|about|continued|continues|began|begins|started|tried|"
                r"tries|wanted|wants|decided|chose|rushed|hastened|seemed|seems|appeared|needed|used|"
                r"proceeded|went\s+on|goes\s+on|the\s+first|the\s+last|be|been")
_ADJUNCT_TAIL_RE = re.compile(
    r"(?:[\s,]+(?:on|last|this|early|late|earlier|later|in|at|during)\s+"
    rf"(?:a\s+|an\s+|the\s+)?(?:{_ADJUNCT_TIMES})\b\.?(?:\s+\d{{1,2}})?|"
    rf"[\s,]+(?:{_ADJUNCT_IDIOMS})\b,?|"
    rf"\s+(?:{_ADJUNCT_ADVERBS}))+\s*$",
    re.IGNORECASE,
)
# Such a tail ends with one of its words (or a day of the month) as the text's last
# whitespace-separated token: checking that token first spares most searches.
_ADJUNCT_LAST_RE = re.compile(rf"(?:{_ADJUNCT_TIMES}|{_ADJUNCT_ADVERBS}|{_ADJUNCT_IDIOM_HEADS}),?\.?|\d{{1,2}}",
                              re.IGNORECASE)


_CATENATIVE_TAIL_RE = re.compile(rf"\s+(?:{_CATENATIVES})\s+to\s*$", re.IGNORECASE)
_INFINITIVE_SPEECH_RE = re.compile(r"(?:say|add|tell|ask|note|write|declare|explain|insist|argue|warn|reply|"
                                   r"respond|answer|call|describe|remark|point\s+out|acknowledge|admit|"
                                   r"concede|predict|joke|quip|tweet|announce|assure|boast)\b")


# (the words come next: "could only quip:", not "could add a title")
_WORDS_FOLLOW_RE = re.compile(r"\w*[ \t]*(?:[,:]|that\b|[“\"‘]|'')")
_MODAL_TAIL_RE = re.compile(r"[ \t]+(?:could|would|can|will|may|might|must|should)"
                            r"(?:[ \t]+(?:only|also|just|still|later|then|again))?[ \t]*$")


def infinitive_tail(text: str, lo: int, end: int) -> int:
    """Where the subject ends when a speech verb at ``end`` is an infinitive of the
    subject's own ("Trump was quick to say", "a spokesman could only quip"): before
    "quick to" or the modal; else ``end``."""
    if not text.endswith("to", lo, end - 1) or not _INFINITIVE_SPEECH_RE.match(text, end):
        mv = _INFINITIVE_SPEECH_RE.match(text, end)
        mm = _MODAL_TAIL_RE.search(text, max(lo, end - 24), end) \
            if mv and _WORDS_FOLLOW_RE.match(text, mv.end()) else None
        return mm.start() if mm else end
    m = _CATENATIVE_TAIL_RE.search(text, max(lo, end - 40), end)
    return m.start() if m else end


def adjunct_tail(s: str) -> re.Match | None:
    """``_ADJUNCT_TAIL_RE.search(s)``: the time and adverb words that end ``s``."""
    last = s.rsplit(None, 1)
    if not last or not _ADJUNCT_LAST_RE.fullmatch(last[-1]):
        return None
    return _ADJUNCT_TAIL_RE.search(s)


TOKEN_RE = re.compile(r"\S+")
PRONOUN_SUBJ = {"he", "she", "they", "we", "i"}
DETERMINERS = {"the", "a", "an", "one", "another", "his", "her", "their", "its", "our",
               "two", "three", "several", "some", "many", "other", "both", "most", "few"}
CONNECTORS = {"of", "the", "for", "and", "on", "to", "&"}
LOWER_ROLE = {w for w in (L.TITLES | L.ROLE_NOUNS | L.PLURAL_ROLE_NOUNS) if w.replace("-", "").isalpha()}
LOWER_ROLE -= {"of", "the", "for", "and", "on", "to", "first", "then", "late", "white",
               "house", "state", "us", "home", "top", "team", "both", "others", "some",
               "many", "several", "most", "few", "people", "man", "woman", "groups"}
LOWER_ROLE |= {"spokesman", "spokeswoman", "spokesperson", "people", "man", "woman"}
ADJ_ROLE_OK = {"former", "senior", "top", "chief", "deputy", "acting", "then", "late",
               "longtime", "veteran", "incoming", "outgoing", "new", "fellow", "retired",
               "presidential", "vice", "assistant", "associate", "executive", "general",
               "press", "campaign", "party", "republican", "democratic", "white", "house",
               "administration", "government", "state", "federal", "foreign", "defense",
               "military", "national", "security", "intelligence", "u.s.", "us", "eu",
               "nato", "un", "kremlin", "russian", "american", "british", "unnamed",
               "anonymous", "key", "leading", "prominent", "conservative", "liberal",
               "progressive", "independent", "local", "regional", "european", "western"}
NOT_NAME = L.NOT_NAME_WORDS
# months that are also surnames, read as names right after a first name, an honorific or a
# title ("Theresa May", "Mrs. May", "Ai Jun"); anywhere else they stay months
MONTH_SURNAMES = {"may", "june", "april", "august", "march", "jun"}
FUNCTION_WORDS = {"the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and",
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
INTRO_RE = re.compile(
    r"\s*(?:(?:But|And|So|Yet|Still|Now|Then|Meanwhile|However|Also|Later|Earlier|Instead|Indeed|"
    r"Moreover|Separately|Similarly|Finally|Asked|When|While|After|Before|In|On|At|During|"
    r"Speaking|Last|This|Today|Yesterday|On\s+\w+|With|Without|Despite|Although|Though|If|As|Since|"
    r"Because|Unlike|Like|Following|Amid|Under|[A-Z][a-z]+ing)\b"
    rf"(?:{CLAUSE_CHAR}|[“”\"]){{0,160}},\s*"
    r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2},\s*(?=[A-Z]))?|(?:But|And|So|Yet|Still|Now|Then|Also)\s+|"
    # a time ("Just a few months ago, Name …", "Until last week, Name …", "Two days later, …")
    r"[A-Z][a-z]+(?:[ \t]+(?:[a-z]+|\d{1,4})){0,4}[ \t]+(?:ago|later|earlier|afterwards?|before|"
    r"(?:day|week|month|year|night|morning|evening|weekend|hour)s?),\s*)?")
# "will" is a modal opening a question, but capitalised inside a sentence it is a first
# name ("said Will Doyle"); months that are names ("April", "June") stay months
_INSIDE_WORDS = NOT_NAME - {"mr", "mrs", "ms", "dr", "will"}


@functools.lru_cache(maxsize=65536)
def is_cap(word: str) -> bool:
    return bool(word) and bool(_CAPW_RE.match(word)) and word.lower() not in _INSIDE_WORDS


def clean_tok(tok: str) -> str:
    return tok.strip(",;:()[]\"“”‘’'")


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------
def is_abbrev_boundary(text: str, dot_pos: int) -> bool:
    """Is the period at dot_pos part of an abbreviation/initial rather than a sentence end?"""
    if text[dot_pos] != ".":
        return False
    w = _word_before(text, max(0, dot_pos - 20), dot_pos)
    if not w:
        return False
    w = w.lower().strip("-")
    if w in ABBREV:
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
    return sentences_between(text, start, end, [m.span() for m in SENT_BOUNDARY_RE.finditer(text, start, end)])


def sentences_between(text: str, start: int, end: int, boundaries) -> list[tuple[int, int]]:
    """``split_sentences`` given the (start, end) of the boundary matches in text[start:end]."""
    spans = []
    s = start
    for b_start, b_end in boundaries:
        if is_abbrev_boundary(text, b_start):
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


def paragraphs_between_spaces(text: str, paras) -> bool:
    """Has every paragraph whitespace (or the text's edge) on both sides?"""
    n = len(text)
    for p in paras:
        if (p.start > 0 and not text[p.start - 1].isspace()) or (p.end < n and not text[p.end].isspace()):
            return False
    return True


def matches_by_paragraph(text: str, paras, pattern: re.Pattern,
                         bounded: bool | None = None) -> list[list[tuple[int, int]]] | None:
    """The (start, end) of ``pattern``'s matches inside each paragraph, from one scan of the
    whole text instead of one scan (pos/endpos) per paragraph; None when that could differ.

    For the quote-mark and sentence-boundary patterns the two agree when every paragraph
    has whitespace (or the text's edge) on both sides, as ``split_paragraphs`` makes them:
    their matches open with a non-space character, so none reaches into a paragraph from
    before it; what they look at beside a match's edges fails on whitespace as it does at
    a window's edge; and a match running past a paragraph's end (a boundary's spaces into
    the next paragraph) is one the paragraph's own scan cannot make, so it is dropped."""
    if not (paragraphs_between_spaces(text, paras) if bounded is None else bounded):
        return None
    found = [m.span() for m in pattern.finditer(text)]
    starts = [a for a, _ in found]
    out = []
    for p in paras:
        i = bisect.bisect_left(starts, p.start)
        j = bisect.bisect_left(starts, p.end, i)
        out.append([(a, b) for a, b in found[i:j] if b <= p.end])
    return out
