"""Text normalisation shared by storage, retrieval and verification.

Verification may ignore case, quote and apostrophe style, whitespace and
punctuation, and nothing else. So both a claim and a stored quote are reduced
to the same word tokens here, and "verified" means the claim's tokens occur as
an unbroken run in the record's tokens.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Characters that look like quote marks or apostrophes (homoglyphs included).
APOSTROPHES = "'’‘‛ʼʹʻʽˈ′‵`´ꞌ＇"
DOUBLE_QUOTES = '"“”„‟〝〞〟＂″‶«»‹›「」『』'
_QUOTE_TABLE = {ord(c): "'" for c in APOSTROPHES}
_QUOTE_TABLE.update({ord(c): '"' for c in DOUBLE_QUOTES})

# Zero-width and directional marks carry no words; drop them before anything else.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u00ad]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# A word may hold apostrophes, dots and commas ("don't", "U.S.", "100,000") and
# hyphens; hyphenated words are split into pieces ("dead-end" == "dead end"),
# but an excerpt may not start or end inside one ("escalation" is not "de-escalation").
_WORD = re.compile(r"\w+(?:['.,\-]\w+)*")
_HYPHEN = re.compile(r"-")


class Token(NamedTuple):
    norm: str  # what comparisons use
    surface: str  # as written, for showing diffs
    joined: bool  # continues the previous token inside a hyphenated word
_NON_ALNUM = re.compile(r"[\W_]+")


# What the quote table changes among ASCII characters (the backtick).
_ASCII_QUOTE_FIXES = [(chr(k), v) for k, v in sorted(_QUOTE_TABLE.items()) if k < 128 and v != chr(k)]


def clean(text: str) -> str:
    """Drop invisible characters and lone surrogates; unify quote marks. NFC-composed."""
    if text.isascii():
        # ASCII holds no invisible marks or surrogates and is already NFC: only the ASCII
        # quote marks to unify (the same result as the general path, without its scans)
        for old, new in _ASCII_QUOTE_FIXES:
            if old in text:
                text = text.replace(old, new)
        return text
    text = _SURROGATES.sub("", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text).translate(_QUOTE_TABLE)


def norm_token(word: str) -> str:
    """``Don’t`` -> ``dont``, ``U.S.`` -> ``us``, ``100,000`` -> ``100000``."""
    if word.isascii():  # the common case, without Unicode decomposition
        return _NON_ALNUM.sub("", word.lower())
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", word).casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _NON_ALNUM.sub("", folded)


def tokens(text: str) -> list[str]:
    """The normalised words of ``text``: what verification compares."""
    return [t.norm for t in surface_tokens(text)]


def surface_tokens(text: str) -> list[Token]:
    """Each word normalised and as written, so diffs can show the article's words."""
    out = []
    for m in _WORD.finditer(clean(text)):
        joined = False
        for piece in _HYPHEN.split(m.group()):
            t = norm_token(piece)
            if t:
                out.append(Token(t, piece, joined))
                joined = True
    return out


def join_surface(toks: list[Token]) -> str:
    """Words as written, hyphenated pieces re-joined."""
    out = ""
    for i, t in enumerate(toks):
        out += ("-" if t.joined and i else " " if i else "") + t.surface
    return out


_PIECE = re.compile(r"\w+(?:['.,]\w+)*")
_DROP_INSIDE = str.maketrans("", "", "'.,_")  # ASCII word characters that are not letters or digits


def normalize(text: str) -> str:
    """Tokens joined by single spaces. Idempotent: normalize(normalize(x)) == normalize(x)."""
    cleaned = clean(text)
    if not cleaned.isascii():
        return " ".join(tokens(cleaned))
    # Fast path for storage: the same tokens as ``tokens``, hyphens as word breaks.
    pieces = " ".join(_PIECE.findall(cleaned.replace("-", " ").lower()))
    return " ".join(pieces.translate(_DROP_INSIDE).split())


def find_excerpt(needle: list[str], haystack: list[str], joined: list[bool] | None = None) -> int:
    """Where ``needle`` occurs as an unbroken run of whole words in ``haystack``, or -1.

    ``joined[i]`` marks haystack tokens that continue a hyphenated word: a run
    may not start on one, nor stop just before one.
    """
    n = len(needle)
    if n == 0 or n > len(haystack):
        return -1
    first = needle[0]
    for i in range(len(haystack) - n + 1):
        if haystack[i] == first and haystack[i : i + n] == needle:
            if joined and (joined[i] or (i + n < len(joined) and joined[i + n])):
                continue
            return i
    return -1


def is_excerpt(needle: list[str], haystack: list[str], joined: list[bool] | None = None) -> bool:
    return find_excerpt(needle, haystack, joined) >= 0


# Words too common to find a quote by or to carry its meaning.
STOPWORDS = frozenset(
    """a an and are as at be been but by for from had has have he her his i if in into is it
    its me my no not of on or our she so than that the their them there they this to us was we
    were what when which who will with would you your""".split()
)


def max_edits(word: str) -> int:
    """Edits a misspelling may be away from the word it means: one in short words, two in long."""
    return 1 if len(word) <= 5 else 2
