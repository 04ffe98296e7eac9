"""Text normalisation shared by storage, retrieval and verification.

Verification may ignore case, quote and apostrophe style, whitespace and
punctuation, and nothing else. So both a claim and a stored quote are reduced
to the same word tokens here, and "verified" means the claim's tokens occur as
an unbroken run in the record's tokens.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that look like quote marks or apostrophes (homoglyphs included).
APOSTROPHES = "'’‘‛ʼʹʻʽˈ′‵`´ꞌ＇"
DOUBLE_QUOTES = '"“”„‟〝〞〟＂″‶«»‹›「」『』'
_QUOTE_TABLE = {ord(c): "'" for c in APOSTROPHES}
_QUOTE_TABLE.update({ord(c): '"' for c in DOUBLE_QUOTES})

# Zero-width and directional marks carry no words; drop them before anything else.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\u00ad]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
# Hyphens split words ("dead-end" == "dead end"); apostrophes, dots and commas
# inside a word do not ("don't", "U.S.", "100,000").
_WORD = re.compile(r"\w+(?:['.,]\w+)*")
_NON_ALNUM = re.compile(r"[\W_]+")


def clean(text: str) -> str:
    """Drop invisible characters and lone surrogates; unify quote marks. NFC-composed."""
    text = _SURROGATES.sub("", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text).translate(_QUOTE_TABLE)


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the words of ``text`` (as returned by ``clean``)."""
    return [m.span() for m in _WORD.finditer(text)]


def norm_token(word: str) -> str:
    """``Don’t`` -> ``dont``, ``U.S.`` -> ``us``, ``100,000`` -> ``100000``."""
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", word).casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _NON_ALNUM.sub("", folded)


def tokens(text: str) -> list[str]:
    """The normalised words of ``text``: what verification compares."""
    return [norm for norm, _ in surface_tokens(text)]


def surface_tokens(text: str) -> list[tuple[str, str]]:
    """(normalised, as written) for each word, so diffs can show the article's words."""
    out = []
    for m in _WORD.finditer(clean(text)):
        t = norm_token(m.group())
        if t:
            out.append((t, m.group()))
    return out


def normalize(text: str) -> str:
    """Tokens joined by single spaces. Idempotent: normalize(normalize(x)) == normalize(x)."""
    return " ".join(tokens(text))


def is_excerpt(needle: list[str], haystack: list[str]) -> bool:
    """True when ``needle`` occurs as an unbroken run inside ``haystack``."""
    n = len(needle)
    if n == 0 or n > len(haystack):
        return False
    first = needle[0]
    for i in range(len(haystack) - n + 1):
        if haystack[i] == first and haystack[i : i + n] == needle:
            return True
    return False
