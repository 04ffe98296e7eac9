"""The extractor's fast paths give exactly what the plain regexes they replace give.

Each helper is compared with its reference expression on many random strings
built from the characters its edge cases turn on (spaces vs. tabs vs. other
whitespace, word vs. non-word characters, apostrophes, repeated words).
"""

from __future__ import annotations

import random
import re

from quotebot import lexicon as L
from quotebot.extraction import candidates
from quotebot.extraction import names
from quotebot.extraction import paraphrase
from quotebot.extraction import text as text_stage

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
            assert names.tokens_before(text, w) == re.findall(rf"(\S+)[ \t]+{re.escape(w)}\b", text), (text, w)


def _spans(pattern: re.Pattern, text: str):
    return [(m.span(), m.groups(), m.group()) for m in pattern.finditer(text)]


def test_word_index_matches_bounded_alternation():
    vocab = {"said", "say", "says", "told", "according", "went", "well-known", "add", "added"}
    words = text_stage.WordIndex("", vocab).vocab_words
    alt = "|".join(sorted(words, key=len, reverse=True))
    old = re.compile(r"(?<![\-’'])\b(?:" + alt + r")\b(?![’'\-])")
    pieces = _PIECES + ["says", "say", "told", "un", "well", "-known", "according", "added", "A"]
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        idx = text_stage.WordIndex(text, vocab)
        assert list(zip(idx.pos, idx.ends, idx.words)) == [
            (m.start(), m.end(), m.group()) for m in old.finditer(text)], text


def test_an_index_of_another_vocabulary_leaves_the_extractor_alone():
    """Each vocabulary gets its own pattern: building an index of a few words first does
    not shrink the cue words the extractor looks up."""
    text = "“We will sign,” Holm added."
    text_stage.WordIndex(text, {"said"})
    assert text_stage.WordIndex(text, text_stage.ANY_VOCAB).words == ["added"]
    assert text_stage.WordIndex(text, {"said"}).words == []


def test_patterns_rewritten_to_open_with_a_character_set():
    """Same matches as the forms they replace (written for the engine's prefix scan)."""
    pairs = [
        (text_stage._MARKS_RE, re.compile(r"(?<=[^\s'(\[{—–/-])'(?='')|" "''|[\"“”„‟«»‘’'‚‛]")),
        (paraphrase._DQ_RE, re.compile("[\"“”]|''")),
        (text_stage.SENT_BOUNDARY_RE, re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=(?:''|[\"“‘'(\[])?[0-9" + text_stage.UP + r"])")),
    ]
    pieces = _PIECES + ["''", "“", "„", "«", "‘", "‛", ".", "!", "?", "…", ")", "(", "[", "9", " The", "."]
    rng = random.Random(13)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        for new, old in pairs:
            assert _spans(new, text) == _spans(old, text), (text, old.pattern)


_OLD_ADJUNCT_TAIL = (
    r"(?:[\s,]+(?:on|last|this|early|late|earlier|later|in|at|during)\s+"
    r"(?:a\s+|an\s+|the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|"
    r"month|year|night|morning|afternoon|evening|weekend|January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b\.?(?:\s+\d{1,2})?|"
    r"[\s,]+(?:in\s+(?:effect|fact|turn|particular|essence|part|short|response|return|contrast)|"
    r"at\s+(?:first|least|times)|of\s+course|by\s+contrast)\b,?|"
    r"\s+(?:also|later|then|again|further|has|had|have|was|is|were|are|would|will|"
    r"previously|recently|once|repeatedly|publicly|privately|reportedly|himself|herself|"
    r"themselves|itself|first|quickly|simply|even|often|earlier|today|yesterday|tonight|"
    r"never|initially|then-|still|only|already|subsequently|ultimately|eventually|finally|"
    r"(?-i:(?!(?:family|ally|assembly|rally|daily|weekly|monthly|quarterly|bully|monopoly|"
    r"anomaly|reply|supply|italy)\b)[a-z]{2,}ly)))+\s*$")


def test_adjunct_tail_is_the_search_it_replaces():
    assert text_stage._ADJUNCT_TAIL_RE.pattern == _OLD_ADJUNCT_TAIL
    pieces = [" ", " ", "\n", "\t", ",", ".", "Ada", "said", "on", "last", "the", "a", "Monday", "MONDAY",
              "Tueſday", "then", "then-", "also", "ſtill", "K", "was", "12", "7", "٣", "x", "-", "in", "week",
              "effect", "fact", "at", "least", "of", "course", "by", "contrast", "İn", "jokingly", "family",
              "Kelly", "FLATLY", "ly", "rally"]
    rng = random.Random(17)
    for _ in range(40000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        got, want = text_stage.adjunct_tail(text), text_stage._ADJUNCT_TAIL_RE.search(text)
        assert (got and got.span()) == (want and want.span()), text


def test_name_sequence_pattern_matches_lookaround_form():
    particles = "|".join(re.escape(x) for x in sorted(L.NAME_PARTICLES))
    old = re.compile(rf"(?=[{text_stage.UP}])(?<![\w’'.\-]){text_stage.CAPW}"
                     rf"(?:[ \t]+(?:(?:{particles}|of|the|for)[ \t]+)?{text_stage.CAPW}){{0,7}}")
    pieces = [" ", " ", "\t", "\n", ".", "-", "’", "'", "x", "Mr", "Mrs", "Lt", ".Col", "Col", "Gen", "Gens",
              "J", "K", "É", "Ана", "Ada", "Holm", "de", "van", "of", "the", "(", ",", "Sen", "St", "Ms", "A."]
    rng = random.Random(19)
    for _ in range(40000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        assert _spans(names.NAME_SEQ_RE, text) == _spans(old, text), text


def test_word_before_is_the_anchored_search():
    pieces = ["a", "B", "é", "_", "-", ".", " ", "\n", "\t", ",", "’", "U.S", "Mr", "1"]
    rng = random.Random(23)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        for lo in range(0, len(text) + 1, 3):
            for end in range(lo, len(text) + 1):
                m = text_stage._WORD_BEFORE_RE.search(text, lo, end)
                assert text_stage._word_before(text, lo, end) == (m.group(1) if m else None), (text, lo, end)


def test_after_verb_trie_finds_the_longest_verb():
    alt = "|".join(sorted((re.escape(v) for v in L.SPEECH_VERBS), key=len, reverse=True))
    old = re.compile(rf"^(?:(?:also|later|then|again|further|simply|quickly|once|finally)\s+)?({alt})\b")
    verbs = sorted(L.SPEECH_VERBS)
    rng = random.Random(29)
    for _ in range(20000):
        parts = [rng.choice(["also ", "then ", "", "  ", "x"]), rng.choice(verbs),
                 rng.choice(["", "s", "ed", " ", ",", "-", "’s", "d", "ing"]), rng.choice(verbs + [""])]
        text = "".join(parts)
        a, b = text_stage.AFTER_VERB_RE.match(text), old.match(text)
        assert (a and (a.span(), a.group(1))) == (b and (b.span(), b.group(1))), text


def test_according_to_always_contains_ccord_in_lower_case():
    rng = random.Random(31)
    for _ in range(20000):
        word = "".join(c.upper() if rng.random() < 0.5 else c for c in "according to")
        word = word.replace("i", rng.choice(["i", "ı", "İ", "I"]))
        text = rng.choice(["", " ", "x"]) + word + rng.choice([" ", "\n", "", " Ada"])
        if text_stage.ACCORDING_RE.search(text):
            assert "ccord" in text.lower(), text


def test_pairing_marks_skip_only_apostrophes_the_pairing_ignores():
    """Paragraph-bounded scans (never starting after a word character, as paragraphs are
    stripped): the marks left out are exactly apostrophes between ASCII letters/digits."""
    pieces = ["a", "Z", "9", "é", " ", "'", "’", "''", "“", "”", "‘", ",", "x", "_"]
    rng = random.Random(37)
    for _ in range(20000):
        text = " " + "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))) + " "
        lo, hi = 1, len(text) - 1
        old = [(m.span(), m.group()) for m in text_stage._MARKS_RE.finditer(text, lo, hi)]
        new = [(m.span(), m.group()) for m in text_stage.MARKS_PAIRING_RE.finditer(text, lo, hi)]
        assert set(new) <= set(old), text
        for (a, b), g in set(old) - set(new):
            assert g in "’'" and lo < a and b < hi and text[a - 1].isascii() and text[a - 1].isalnum() \
                and text[b].isascii() and text[b].isalnum(), text


def test_one_scan_per_article_matches_one_scan_per_paragraph():
    from quotebot.articles import article_from_text

    pieces = _PIECES + ["\n", "\n\n", "  \n ", ". ", "! ", "? ", "… ", ".” ", ". “", "'' ", ". ''A", " The", "U.S. ",
                        "“", "”", "''", "\"", ".\n", "A.", "9"]
    rng = random.Random(41)
    for _ in range(8000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        art = article_from_text("t", text)
        for pattern in (text_stage.MARKS_PAIRING_RE, text_stage.SENT_BOUNDARY_RE):
            got = text_stage.matches_by_paragraph(art.text, art.paragraphs, pattern)
            want = [[m.span() for m in pattern.finditer(art.text, p.start, p.end)] for p in art.paragraphs]
            assert got == want, (text, pattern.pattern)


def test_party_tail_is_the_search_it_replaces():
    pieces = ["(", ")", "D-N.Y.", "R", "x", " ", "\n", "\t", "Ada", "(R-Ohio)", "()", "A"]
    rng = random.Random(43)
    for _ in range(20000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        for lo in range(0, len(text) + 1, 2):
            got, want = text_stage.party_tail(text, lo, len(text)), text_stage._PARTY_TAIL_RE.search(text, lo, len(text))
            assert (got and got.span()) == (want and want.span()), (text, lo)


def test_lone_speaker_pattern_finds_the_speech_verb_pairs_of_the_general_one():
    old = re.compile(rf"(?:^|(?<=[.!?”\"]\s)|(?<=\n)|(?<=,\s))([{text_stage.UP}][a-z][\w’'\-]+)[ \t]+"
                     r"(?:also[ \t]+)?([a-z]+)\b", re.M)
    pieces = _PIECES + ["said", "says", "told", "also ", "also", "e-mailed", "Said", ". ", ", ", "\n", "Lee", "saidx",
                        "Holm-Ross", " \t"]
    rng = random.Random(47)
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        want = [(m.span(), m.groups()) for m in old.finditer(text) if m.group(2) in L.SPEECH_VERBS]
        assert [(m.span(), m.groups()) for m in names.LONE_SPEAKER_RE.finditer(text)] == want, text


def test_role_of_trie_matches_the_same_texts():
    roles = sorted(w for w in (L.ROLE_NOUNS | L.TITLES) if w.isalpha() and len(w) > 2)
    alt = "|".join(sorted((re.escape(w) for w in roles), key=len, reverse=True))
    old = re.compile(r"^(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,6}(?:" + alt + r")\s+(?:of|at|for|to)\s",
                     re.IGNORECASE)
    fillers = ["the", "a", "An", "top", "Ada", "Holm", "former", "of", "for", "to", "at", "-", "x", "ſ", "K"]
    rng = random.Random(53)
    for _ in range(20000):
        words = [rng.choice(roles + fillers).upper() if rng.random() < 0.2 else rng.choice(roles + fillers)
                 for _ in range(rng.randint(0, 9))]
        text = rng.choice([" ", "  ", "\t"]).join(words) + rng.choice(["", " ", " x"])
        assert bool(candidates._ROLE_OF_RE.search(text)) == bool(old.search(text)), text


def test_clean_ascii_shortcut_is_the_general_path():
    import unicodedata

    from quotebot import normalize as N

    def general(text: str) -> str:
        text = N._SURROGATES.sub("", text)
        text = N._INVISIBLE.sub("", text)
        return unicodedata.normalize("NFC", text).translate(N._QUOTE_TABLE)

    assert N._ASCII_QUOTE_FIXES == [("`", "'")]
    rng = random.Random(59)
    for _ in range(20000):
        text = "".join(chr(rng.randrange(128)) for _ in range(rng.randint(0, 12)))
        assert N.clean(text) == general(text), text
        assert N.normalize(text) == " ".join(N.tokens(general(text))), text
