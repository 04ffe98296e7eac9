"""The extractor's fast paths give exactly what the plain regexes they replace give.

Each helper is compared with its reference expression on many random strings
built from the characters its edge cases turn on (spaces vs. tabs vs. other
whitespace, word vs. non-word characters, apostrophes, repeated words).
"""

from __future__ import annotations

import random
import re

from quotebot import extract as X

_PIECES = ["Holm", "Holm’", "Ho", "lm", " ", " ", "\t", "\n", "\u00a0", "’", "'", "-", "_", "a", "é",
           "1", "Holm’s", ".", "x", ",", "”", "said", "Ada"]


def _random_texts(n: int, seed: int = 5, longest: int = 14):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, longest)))


def test_tokens_before_matches_findall():
    words = ["Holm", "Holm’", "Holm’s", "Ho-lm", "Holm_", "Hé"]
    for text in _random_texts(20000):
        for w in words:
            assert X._tokens_before(text, w) == re.findall(rf"(\S+)[ \t]+{re.escape(w)}\b", text), (text, w)
