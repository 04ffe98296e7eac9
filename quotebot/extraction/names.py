"""How a run of words is read as a person's name and role, for the entity stage.

``analyse_name_seq`` splits "Finance Minister Ada Holm" into role and name and
refuses places, months and sentence openers; ``key_tokens`` gives the tokens two
mentions of one person share; the patterns below find mentions that speak
("Holm said", "Holm, who said"), and the roles that carry a gender for pronouns.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .. import lexicon as L
from .text import (ARTICLE_PREFIX, CAPW, FUNCTION_WORDS, LOWER_ROLE, MONTH_SURNAMES, NOT_NAME, UP, capw_after_first,
                   is_abbrev_boundary, is_cap, trie_regex)
from .after_candidates import GAP_STOP
from .phrases import INITIAL_RE, org_like_role, split_title_name, verbish


# --------------------------------------------------------------------------
# Entities: canonical names, roles, and resolution of pronouns/descriptions
# --------------------------------------------------------------------------
@dataclass
class Entity:
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
            role = clean_role(role)
            if role and role not in self.roles and len(role) < 160:
                self.roles.append(role)


# A run of capitalised words (with particles) not glued to a word before it. Written as
# "a capital, not after a word character, then the rest of its word" (``_capw_after_first``)
# for the engine's prefix scan; the same matches as
# (?=[{_UP}])(?<![\w’'.\-]){_CAPW}(?:[ \t]+(?:(?:particles|of|the|for)[ \t]+)?{_CAPW}){0,7}
NAME_SEQ_RE = re.compile(
    rf"[{UP}](?<![\w’'.\-].){capw_after_first()}"
    rf"(?:[ \t]+(?:(?:{'|'.join(re.escape(x) for x in sorted(L.NAME_PARTICLES))}|of|the|for)[ \t]+)?"
    rf"(?:{ARTICLE_PREFIX})?{CAPW}){{0,7}}"
)


_LEAD_ARTICLE_RE = re.compile(r"^(?:the|a|an|The|A|An)\s+")


@functools.lru_cache(maxsize=65536)
def clean_role(role: str | None) -> str | None:
    if not role:
        return None
    role = role.strip(" ,;:")
    for m in reversed(list(_SENTENCE_BREAK_RE.finditer(role))):
        if not is_abbrev_boundary(role, m.start()):
            # a role read across a sentence end ('… himself Paul Paul. Another user, Roland Z,
            # wrote'): only the last sentence's words describe the person
            role = role[m.end():]
            break
    role = _LEAD_ARTICLE_RE.sub("", role)
    mrel = _ROLE_RELATIVE_RE.search(role)
    if mrel is not None and mrel.start() > 0:
        role = role[:mrel.start()]  # "adviser who supported a climate policy": the role is "adviser"
    words = role.split()
    if len(words) == 1 and words[0].lower() in _ADVERB_ONLY:
        return None  # "and then Lance Holm continues": "then" alone is no role ("then ambassador" is)
    while words and words[0][-2:] in ("’s", "'s") and words[0][:-2].lower() in NOT_NAME:
        words = words[1:]  # "Here's Ada Holm in 1992:" — a contraction, not a possessor
    if not words:
        return None
    role = " ".join(words)
    if words[-1].lower().rstrip(".") in _COURTESY_ONLY and (
            len(words) == 1 or words[-2].lower() not in ("to", "for", "of", "with", "at", "in", "on")):
        return None  # "Mr." says how the article addresses someone, not what they do; words
        # before one were read up to the next name ("Mr. Autor and Mr. Hanson"); an "aide to
        # Mr." still says what the person does
    return role or None


_ADVERB_ONLY = {"then", "now", "also", "still", "again", "even", "only"}
_ROLE_RELATIVE_RE = re.compile(r"\s+(?:who|whom|whose|which)\s")
_COURTESY_ONLY = {"mr", "mrs", "ms", "miss", "mx", "messrs", "monsieur", "herr", "frau", "madam"}


_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"”’']*\s+(?=[A-Z])")


_NON_PERSON_LAST = L.NOT_SURNAMES | L.PLACES


def _plural_demonym(w: str) -> bool:
    """'americans', 'iranians', 'haitians': the plural of a place's adjective."""
    return w.endswith("s") and len(w) >= 6 and demonym(w[:-1])


def demonym(w: str) -> bool:
    """'chinese', 'american', 'iranian': a place's adjective (the place is in the lexicon)."""
    for suffix in ("ian", "an", "n", "ese"):
        if w.endswith(suffix):
            stem = w[:-len(suffix)]
            if stem in L.PLACES or stem + "a" in L.PLACES or stem + "o" in L.PLACES or stem + "y" in L.PLACES:
                return True
    return False


@functools.lru_cache(maxsize=65536)
def analyse_name_seq(g: str):
    """Position-independent analysis of a capitalised sequence (cached per string):
    None when it cannot be a person, else (words, role tokens, name tokens, honorific, name)."""
    words = g.split()
    while words and words[0].lower().strip(".,") in NOT_NAME and words[0].lower() not in L.HONORIFICS and \
            not (words[0] == "Will" and len(words) >= 2):
        words = words[1:]  # a sentence-initial function word ("But Holm"; "Will Doyle" is a name)
    if not words:
        return None
    words = [w.rstrip(",;:") for w in words]
    if len(words) >= 4 and "of" in words[2:-1]:
        # "Representative Jane Doe of Florida": the place after "of" is not the surname
        k = len(words) - 1 - words[::-1].index("of")
        tail = [w for w in words[k + 1:] if w.lower() != "the"]
        if k >= 2 and tail and is_cap(words[k - 1]) and words[k - 1].lower() not in L.TITLES and (
                " ".join(tail).lower() in L.PLACES or tail[-1].lower() in L.PLACES):
            words = words[:k]
    for i in range(len(words) - 2, -1, -1):
        if words[i].endswith(("’s", "'s")):
            words = words[i + 1:]  # "Boston’s Walsh", "ABC’s George Stephanopoulos": drop the possessor
            break
    role_toks, name_toks = split_title_name(words)
    if org_like_role(role_toks):
        return None
    hon = next((w for w in words if w.lower() in L.HONORIFICS), None)
    name_toks = [t for t in name_toks if t.lower() not in L.HONORIFICS]
    if not name_toks or len(name_toks) > 4:
        return None
    if any((t.lower().strip(".") in NOT_NAME or t.lower() in L.MONTHS_DAYS) and not (
            t.lower() in MONTH_SURNAMES and (i > 0 or hon is not None or role_toks))
           and not (0 < i < len(name_toks) - 1 and INITIAL_RE.fullmatch(t))  # ("Roberta A. Kaplan")
           for i, t in enumerate(name_toks)):
        return None  # (a month after a first name, an honorific or a title is a surname: 'Theresa May')
    name = " ".join(name_toks)
    if name.endswith(("’s", "'s")):
        name = name[:-2]
        if not name:
            return None
    if L.is_org_phrase(name) or any(t.lower().strip(".’'s") in L.ORG_WORDS for t in name_toks[1:]):
        return None
    if name_toks[-1].lower().replace("’s", "").replace("'s", "") in _NON_PERSON_LAST:
        return None
    if _plural_demonym(name_toks[-1].lower()):
        return None  # "Asian Americans", "Iranians": a people, not a person
    if len(name_toks) == 1 and verbish(name_toks[0]) and hon is None and not role_toks:
        return None
    return words, role_toks, name_toks, hon, name


MENTION_SPEAKS_RE = re.compile(
    rf"({CAPW}(?:[ \t]+{CAPW}){{0,3}})(?:\s*\([^()]{{1,24}}\))?(?:,[^,.;:!?“”\"\n]{{1,90}},)?[ \t]+"
    r"(?:(?:also|then|later|has|had|have|once|again)[ \t]+)?([a-z]+)\b")
NOUN_BEFORE_RE = re.compile(r"(?:(?<![\w’'])(?:the|a|an|his|her|its|their|our|my|your|The|A|An|His|Her|Its|Their)"
                            r"|[\w.]+(?:’s|'s)|[\w.]+s[’'])\s+(?:[A-Z][\w’'\-]*\s+)?$")  # (also "Sanders’ comments")
PAST_IRREGULAR = {"said", "told", "wrote", "spoke", "thought", "sought", "fought", "swore", "gave", "put",
                  "read", "felt", "knew", "drew", "took", "went", "saw", "held", "meant", "sent", "heard",
                  "began", "brought", "forecast", "cast", "told", "set", "let"}
DASH_NAME_RE = re.compile(rf"\s[-–—]\s+({CAPW}(?:\s+{CAPW}){{1,4}}(?:\s+and\s+{CAPW}(?:\s+{CAPW}){{1,4}})?)\s*$")
_FEMALE_ROLES = {"congresswoman", "spokeswoman", "chairwoman", "businesswoman", "councilwoman", "assemblywoman",
                 "wife", "mother", "daughter", "sister", "grandmother", "actress", "widow", "queen", "princess",
                 "duchess", "countess", "girlfriend", "aunt", "niece", "stepmother", "anchorwoman"}
# (not "spokesman", "chairman": used for women too)
_MALE_ROLES = {"husband", "father", "son", "brother", "grandfather", "widower", "king", "prince", "duke",
               "boyfriend", "uncle", "nephew", "stepfather"}
LONE_ING_RE = re.compile(rf"\s*((?:Mr\.|Mrs\.|Ms\.|Dr\.)?\s?[{UP}][a-z]+ing)\s+")


_GAP_WORD_RE = re.compile(r"[A-Za-z][\w’'\-]*")


def role_gap(gap: str, following: str = "") -> bool:
    """'election law expert', 'watchdog group president': words that only qualify the
    name's role between a closing quote and 'Name said' (``following``: the word after
    the gap)."""
    words = gap.split()
    if not 1 <= len(words) <= 5 or any(not _GAP_WORD_RE.fullmatch(w) and not INITIAL_RE.fullmatch(w) for w in words):
        return False  # ("George W. Bush speechwriter": an initial is a word of the gap too)
    if words[0].lower() == "the" and len(words) > 1:
        words = words[1:]  # "the Post's senior politics editor Name"
    # (a capitalised word inside is part of a name, whatever it looks like: "CBS This Morning
    # co-anchor")
    # (an -ing word before a role noun qualifies it: "policy planning director")
    nxt = words[1:] + [following]
    return not any((w.lower() in GAP_STOP or w.lower() in FUNCTION_WORDS or (
        verbish(w) and nxt[i].lower() not in LOWER_ROLE)) and not (i and w[:1].isupper())
                   for i, w in enumerate(words))
SUBORD_INTRO_RE = re.compile(r"\s*(?:When|While|After|Before|Although|Though|Because|Since|Until|Once|If|Even though)"
                             r"\b[^,;:“”\"\n]{3,160},")
# "Name said" at the start of a line or after a sentence end or a comma. The
# position checks sit after the first capital (``(?<![^\n]X)`` is "at the text's or a
# line's start"), so the pattern opens with a character set the engine can skip to.
# Only speech verbs (those of plain letters) are matched as the second word (group 2),
# or, with no group 2, a verb in the past tense, an adverb allowed before it, not before
# a comma, where it is a participle ("Carson defied …", "Cruz openly admitted …"; not
# "Eyebrows raised, he asked"): a subject opening a sentence.
LONE_SPEAKER_RE = re.compile(rf"([{UP}](?:(?<![^\n][{UP}])|(?<=[.!?”\",]\s[{UP}]))[a-z][\w’'\-]+)[ \t]+"
                             r"(?:(?:also[ \t]+)?(" + trie_regex({v for v in L.SPEECH_VERBS if re.fullmatch("[a-z]+", v)})
                             + r")\b|(?:[a-z]++(?<=ly)[ \t]+)?(?:[a-z]{4,}+(?<=ed)|" + trie_regex(PAST_IRREGULAR)
                             + r")\b(?!,))")  # (possessive: each word is read once)
# "Kwame Osei said …": a name whose first name no list knows is a person when a speech
# verb follows it (so that a later "he" can find it)
SPEAKS_NEXT_RE = re.compile(r"[ \t]+(?:(?:also|then|later|has|had)[ \t]+)?(?:"
                            + trie_regex({v for v in L.SPEECH_VERBS if re.fullmatch("[a-z]+", v)} | {"spoke"})
                            + r")\b")
LOWER_VERB_NEXT_RE = re.compile(r"[ \t]+(?:(?:has|had|is|was|also|now)[ \t]+)?[a-z]+(?:s|ed)\b")
REPORTED_VERB_RE = re.compile(r"[ \t]+(?:was|is|were|are|has|had|have|would|will|could|should|can|may|might|"
                              r"did|does|do|wants|wanted|needs|needed)\b")
WHO_SAID_RE = re.compile(
    rf"{CAPW}(?:[ \t]+{CAPW}){{0,4}}(?:[ \t]+of[ \t]+{CAPW}(?:[ \t]+{CAPW}){{0,3}})?(?:\s*\([^()]{{1,24}}\))?"
    rf"(?:,[^.;:!?“”\"\n]{{1,160}}?)?,[ \t]+who[ \t]+"
    r"(?:(?:also|has|had|then|later)[ \t]+)?([a-z]+)\b")
ROLE_COMMA_RE = re.compile(r"\b([A-Za-z][a-z\-]+|[A-Z]{2,4}),[ \t]+$")
NAME_RUN_RE = re.compile(rf"{CAPW}(?:[ \t]+{CAPW}){{0,4}}")
CLAUSE_END_RE = re.compile(r"\s*(?:[,.;:!?()\n]|$|(?:of|in|at|from|who)\b)")
APPOSED_SPEAKS_RE = re.compile(rf"({CAPW}(?:[ \t]+{CAPW}){{0,3}}),[ \t]+(?:(?:also|then|later)[ \t]+)?([a-z]+)\b")
# verbs whose object is the person spoken to, not the speaker ("…, she told Lee")
ADDRESSEE_VERBS = {"told", "tells", "tell", "asked", "asks", "ask", "urged", "urges", "warned", "warns",
                   "reminded", "reminds", "assured", "assures", "informed", "informs", "thanked",
                   "praised", "criticized", "criticised", "accused", "accuses", "questioned", "pressed",
                   "interrupted", "called", "calls", "quoted", "quotes", "quoting", "cited", "cites",
                   "citing", "blamed", "blames", "attacked", "attacks", "mocked", "mocks", "answered",
                   "thank", "thanks"}


@functools.lru_cache(maxsize=65536)
def squash_spaces(name: str) -> str:
    return " ".join(name.split())


@functools.lru_cache(maxsize=65536)
def role_gender(role: str) -> str | None:
    """'f' for a role only women hold ("congresswoman", "wife"), 'm' for men, else None."""
    rw = set(role.lower().replace("-", " ").split())
    if rw & _FEMALE_ROLES and not rw & _MALE_ROLES:
        return "f"
    if rw & _MALE_ROLES and not rw & _FEMALE_ROLES:
        return "m"
    return None


@functools.lru_cache(maxsize=65536)
def key_tokens(name: str) -> tuple[str, ...]:
    # ("al-Assad" and "Assad" are one surname)
    toks = [_ARTICLE_PREFIX_RE.sub("", t.lower().strip(".,")) for t in name.split()]
    return tuple(t for t in toks if t and t not in L.NAME_SUFFIXES and t not in L.HONORIFICS)


_ARTICLE_PREFIX_RE = re.compile(rf"^{ARTICLE_PREFIX}(?=\w)")


_LOWER_WORD_RE = re.compile(r"[a-z][a-z\-]+")
_RUN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz-")


def lower_word_in(text: str, low: str) -> bool | None:
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


def tokens_before(text: str, w: str) -> list[str]:
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




APPOS_FOLLOWS_RE = re.compile(r",\s+(?:(?:a|an|the|who|whose|of)\s|\d{1,3},)")
LOWER_WORDS_RE = re.compile(r"(?<![\w’'])[a-z][a-z\-]+")


SHE_RE = re.compile(r"\b(?:she|her|herself)\b")
HE_RE = re.compile(r"\b(?:he|him|his|himself)\b")
