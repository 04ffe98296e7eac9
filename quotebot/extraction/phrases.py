"""Stage 4a, noun phrases: the words of a name, title, role or organisation.

``collect_back`` walks back from a position over the words a subject phrase can hold
("Finance Minister Ada Holm", "the rights group", "Russia's chief negotiator");
``phrase_kind`` classifies them (name, description, organisation) and splits a title
or role from the name. ``candidates`` builds the speaker candidates from these.
"""

from __future__ import annotations

import functools
import re

from .. import lexicon as L
from .text import (
    ABBREV,
    ADJ_ROLE_OK,
    AGE_RE,
    CONNECTORS,
    DETERMINERS,
    FUNCTION_WORDS,
    LOWER_ROLE,
    MONTH_SURNAMES,
    TOKEN_RE,
    clean_tok,
    is_cap,
)


TITLE_ONLY = {w for w in L.TITLES if w not in CONNECTORS}
_WORKS = {"essay", "speech", "remarks", "op-ed", "article", "address", "interview", "book", "memoir",
          "statement", "tweet", "tweets", "post", "letter", "column", "editorial", "testimony",
          "autobiography", "campaign", "ad", "message", "email", "video", "comments"}
_ORG_HEADS = _WORKS | {w for w in L.ORG_WORDS if w.isalpha() and w.islower() and len(w) > 1
                        and w not in FUNCTION_WORDS} | {
    "website", "ad", "ads", "statement", "report", "release", "memo", "letter", "tweet", "post",
    "editorial", "article", "story", "paper", "book", "study", "survey", "poll", "filing", "lawsuit",
    "complaint", "petition", "campaign", "group", "organization", "organisation", "spokesman",
    "spokeswoman", "source", "sources", "crowd", "audience", "protesters", "demonstrators", "sign",
    "signs", "banner", "banners", "headline", "headlines", "caption", "placard", "placards", "poster", "posters"}
ROLE_ABBREV = {"pres.": "president", "sen.": "senator", "rep.": "representative congressman congresswoman lawmaker",
               "gov.": "governor", "gen.": "general", "lt.": "lieutenant", "col.": "colonel",
               "president": "leader", "senator": "lawmaker", "congressman": "lawmaker",
               "ceo": "executive chief", "secretary of state": "diplomat",
               "candidate": "hopeful contender", "nominee": "candidate"}
GENERIC_MODS = L.ROLE_NOUNS | L.HONORIFICS | {
    "deputy", "vice", "prime", "foreign", "former", "acting", "chief", "general", "secretary",
    "state", "defense", "defence", "interior", "finance", "treasury", "senior", "top", "first",
    "assistant", "associate", "executive", "national", "security", "press", "presidential",
    "republican", "democratic", "democrat", "gop", "house", "senate", "majority", "minority",
    "attorney", "special", "then", "ex", "supreme", "high", "lead", "chair", "of", "the", "for"}


INITIAL_RE = re.compile(r"[A-Z]\.")  # a middle or first initial ("Edward D. Kleinbard")


# Courtesy titles, and the offices a speaker is addressed by without a name ("Mr. President").
_COURTESY = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "messrs"}
_ADDRESSED_OFFICES = {"president", "speaker", "chairman", "chairwoman", "chair", "secretary"}


def _courtesy_surname(prev: str, word: str) -> bool:
    """'Mr. Singer', 'Dr. King': after a courtesy title a capitalised word is a surname, even
    one that is also a role noun; 'Mr. President' is an office."""
    return prev.lower().rstrip(".") in _COURTESY and is_cap(word) and word.lower() not in _ADDRESSED_OFFICES


def _month_surname(word: str) -> bool:
    """'May' as the collectors hand it over: after a name or a title, or right before the verb."""
    return word.lower() in MONTH_SURNAMES and word[:1].isupper()


def split_title_name(tokens: list[str]) -> tuple[list[str], list[str]]:
    """("Finance","Minister","Ada","Holm") -> (role tokens, name tokens)."""
    last_title = -1
    after_first = False
    for i, t in enumerate(tokens):
        low = t.lower().rstrip(",")
        if after_first and i == len(tokens) - 1 and is_cap(t):
            break  # "Harriet Dean": after a first name, a title word is the surname
        if after_first and INITIAL_RE.fullmatch(t):
            continue  # "Peter T. King": a middle initial keeps the first name's reading
        after_first = False
        # (a first name may follow a first name no list knows: "Billie Jean King")
        if low in L.FIRST_NAMES and (i == last_title + 1 or i + 2 == len(tokens)) and i + 1 < len(tokens) and (
                is_cap(tokens[i + 1]) or INITIAL_RE.fullmatch(tokens[i + 1])):
            if tokens[i + 1].lower() not in TITLE_ONLY or (i + 2 == len(tokens) and i > 0):
                after_first = True
                continue  # "Dean Morrow", "Major Olsen": a first name, not a title
        if i == len(tokens) - 1 and (_month_surname(t) or (i and _courtesy_surname(tokens[i - 1], t))):
            break  # "Theresa May", "Mrs. May", "Mr. Singer": a surname, not a month or a role
        if low in L.HONORIFICS or low in TITLE_ONLY or (not is_cap(t) and not INITIAL_RE.fullmatch(t)):
            last_title = i
    role = tokens[: last_title + 1]
    name = tokens[last_title + 1:]
    if role and role[-1] == "of" and len(name) >= 3:
        # "Chief of Staff Katie Walsh", "Director of Government Affairs Phil Smith": the
        # words before a first name complete the title
        j = next((k for k in range(1, len(name) - 1) if name[k].lower() in L.FIRST_NAMES), 0)
        if j and name[0].lower() not in L.FIRST_NAMES:
            role, name = role + name[:j], name[j:]
    if not name and tokens and tokens[0].lower() in L.FIRST_NAMES and \
            all(is_cap(t) for t in tokens):
        return [], tokens  # "Martin Luther King": a title word used as a surname
    return role, name


def org_like_role(role: list[str]) -> bool:
    """'Carnegie Endowment for' + 'International Peace' is an organisation, not a person."""
    return bool(role) and role[-1].lower() in CONNECTORS


def _tokens_backward(text: str, lo: int, end: int):
    """The whitespace-separated tokens of text[lo:end] as (token, start, end), last first.

    Lazily, from the reversed window: a noun phrase walk usually stops after a few
    tokens, so the rest of a long sentence is never split."""
    for m in TOKEN_RE.finditer(text[lo:end][::-1]):
        a, b = m.span()
        yield m.group()[::-1], end - b, end - a


_DOTTED_INITIALS_RE = re.compile(r"(?:[A-Za-z]\.)+")
_LEAD_CONNECTORS = (CONNECTORS | L.NAME_PARTICLES) - {"the"}


def compound_alpha(w: str) -> bool:
    """A word, or a hyphenated compound of words ('conservative-leaning')."""
    return w.isalpha() or (w.count("-") <= 2 and w.replace("-", "").isalpha() and not w.startswith("-")
                           and not w.endswith("-"))


_COMPANY_SUFFIXES = {"corp", "inc", "co", "ltd", "bros", "plc", "llc"}


def collect_back(text: str, lo: int, end: int) -> tuple[int, list[tuple[str, int, int]]]:
    """Tokens of a noun phrase ending at ``end`` (walking back over names/titles)."""
    out: list[tuple[str, int, int]] = []
    for w, s, e in _tokens_backward(text, lo, end):
        if out and (w[-1] in ",;:!?\"“”" or (w.endswith(".") and not is_cap(w) and w.lower() not in L.TITLES
                                              and not INITIAL_RE.fullmatch(w))):
            break
        if out and w.endswith(".") and w[:-1].lower() not in ABBREV and not _DOTTED_INITIALS_RE.fullmatch(w):
            break
        cw = clean_tok(w)
        if not out and cw.endswith(".") and cw[:-1].lower() in _COMPANY_SUFFIXES:
            cw = cw[:-1]  # "Acme Corp. said": the abbreviation's period ends no sentence
        low = cw.lower()
        if not cw or (not out and w.rstrip(",").endswith(("”", '"'))):
            break  # '… on a network’s “Morning Show,” calling …': a quoted title, not a subject
        if is_cap(cw) or low in L.HONORIFICS or (out and INITIAL_RE.fullmatch(cw)):
            out.append((cw, s, e))
        elif not out and low in MONTH_SURNAMES and cw[:1].isupper():
            out.append((cw, s, e))  # "May said": a month right before the verb is its subject
        elif low in LOWER_ROLE or low in ADJ_ROLE_OK or AGE_RE.fullmatch(low):
            out.append((cw, s, e))
        elif not out and low in _ORG_HEADS:
            out.append((cw, s, e))  # "the ad", "the Heritage Foundation website"
        elif out and len(out) <= 3 and compound_alpha(cw) and cw.islower() and low not in FUNCTION_WORDS \
                and ("-" in cw or not verbish(cw)) and all(o[0].islower() for o in out) and \
                (out[0][0].lower() in _ORG_HEADS or out[0][0].lower() in L.ROLE_NOUNS):
            out.append((cw, s, e))  # "the rights group", "a top campaign aide"
        elif low in CONNECTORS or low in L.NAME_PARTICLES:
            if not out:
                break
            out.append((cw, s, e))
        elif low in DETERMINERS:
            out.append((cw, s, e))
            break
        elif low.endswith(("’s", "'s")) and (is_cap(cw) or low[:-2] in LOWER_ROLE or low[:-2] in _ORG_HEADS):
            out.append((cw, s, e))  # "Russia's chief negotiator"
        else:
            break
    # drop dangling connectors at the front
    out.reverse()
    while out and out[0][0].lower() in _LEAD_CONNECTORS and not (
            len(out) > 1 and is_cap(out[0][0]) and out[0][0].lower() in L.FIRST_NAMES):
        out.pop(0)  # ("Ben Carter": a first name that is also a particle stays)
    return (out[0][1] if out else end), out


# the news agencies' abbreviations of US states ("Raleigh, N.C.", "Austin, Tex."), read as
# places only with their period: "Miss." is a state, "Miss" a title
_STATE_ABBREVIATIONS = {
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky",
    "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "n.h", "n.j", "n.m", "n.y",
    "n.c", "n.d", "okla", "ore", "pa", "r.i", "s.c", "s.d", "tenn", "tex", "vt", "va", "wash", "w.va",
    "wis", "wyo", "d.c"}


def is_place(phrase: str) -> bool:
    toks = phrase.lower().replace("’s", "").replace("'s", "").split()
    return bool(toks) and all(t.strip(".,") in L.PLACES or t in ("new", "north", "south", "east", "west",
                                                                     "the", "of", "united", "states")
                              or (t.rstrip(",").endswith(".") and t.rstrip(",.") in _STATE_ABBREVIATIONS)
                              for t in toks)


def role_like(app: str) -> bool:
    """An apposition that describes a role: 'a 55-year-old salesman', 'head of X', 'the chair'."""
    w = app.split()
    if not w:
        return False
    return w[0].lower() in ("a", "an", "the", "his", "her", "their", "its", "former", "then") or \
        w[0].lower() in LOWER_ROLE or w[0].lower() in ADJ_ROLE_OK or is_cap(w[0])


def verbish(word: str) -> bool:
    """'Holding', 'Ask': capitalised because they open a sentence, not names."""
    low = word.lower()
    return (low.endswith("ing") and len(low) > 5) or low in L.SPEECH_VERBS or low in L.OPINION_VERBS \
        or low in L.FRAGMENT_VERBS


_ORG_OF_LINKS = {"of", "the", "and", "&", "for"}


_INDEFINITE = {"a", "an", "one", "another"}


def _SERVES_NAME(role_toks: list[str]) -> bool:
    """Do the role words end '<role noun> to|for (a title)'?"""
    low = [t.lower() for t in role_toks]
    for i in range(len(low) - 1, 0, -1):
        if low[i] in ("to", "for"):
            return low[i - 1] in L.ROLE_NOUNS and all(t in L.TITLES or t.rstrip(".") in L.TITLES
                                                       for t in low[i + 1:])
    return False


def phrase_kind(words: list[str]) -> tuple[str, str | None, str]:
    """Classify a collected phrase: returns (kind, role, core phrase)."""
    return _phrase_kind_cached(tuple(words))


@functools.lru_cache(maxsize=65536)
def _phrase_kind_cached(key: tuple[str, ...]) -> tuple[str, str | None, str]:
    words = list(key)
    if not words:
        return "", None, ""
    if len(words) >= 2 and words[0].lower() in ("his", "her") and words[-1].lower() in _WORKS:
        # "his essay claimed …": the essay's author speaks
        return "pronoun", None, "he" if words[0].lower() == "his" else "she"
    det = words[0].lower() in DETERMINERS
    body = words[1:] if det else words
    if not body:
        return "", None, ""
    if words[0].lower() == "one" and body[0] == "of" and len(body) >= 3 and not body[-1].endswith(("’s", "'s")):
        # "one of the lawyers for Ada Holm": one of a group, not the person it serves
        return "desc", None, " ".join(words)
    lowbody = [w.lower() for w in body]
    # (each word holding a letter is in capitals; the word test first, the letter scan only if needed)
    if len(body) >= 2 and all(w.isupper() or not any(c.isalpha() for c in w) for w in body):
        return "", None, ""  # "HIGHER TURNOUT IN IOWA": a headline in capitals, not a speaker
    if "of" in body[2:-1]:
        k = body.index("of", 2)
        head = body[:k]
        r0, n0 = split_title_name(head)
        if len(n0) >= 2 and all(is_cap(t) for t in body[k + 1:]) and \
                not any(t.endswith(("’s", "'s")) for t in body) and not L.is_org_phrase(" ".join(body)) and \
                not any(t.lower() in L.ORG_WORDS or t.lower() in L.PLACES for t in n0):
            # "Tara Quist of Linden": the person comes before "of", the place after it
            return "name", " ".join(r0 + body[k:]) or None, " ".join(n0)
    role_toks, name_toks = split_title_name(body)
    if name_toks and role_toks and role_toks[-1] in _ORG_OF_LINKS:
        k = len(role_toks)
        while k and role_toks[k - 1] in _ORG_OF_LINKS:
            k -= 1
        head = role_toks[:k]
        if head and "of" in role_toks[k:] and all(is_cap(t) for t in head + name_toks) and \
                any(t.lower() in L.ORG_WORDS for t in head):
            # "the Federal Bureau of Investigation", "the Bank of Ruritania": one organisation
            # named by a capitalised head noun and its 'of' complement, not a title plus a name
            return "org", None, " ".join(body)
    name_toks = [t for t in name_toks if t.lower() not in L.HONORIFICS]
    # a possessive ends the phrase's name ("Russia's chief negotiator") — unless a name
    # follows it ("The Ledger’s Ana Voss"): then the possessor is only a role
    poss = [i for i, t in enumerate(body) if t.endswith(("’s", "'s"))]
    if poss and poss[-1] < len(body) - 1:
        r2, n2 = split_title_name(body[poss[-1] + 1:])
        n2 = [t for t in n2 if t.lower() not in L.HONORIFICS]
        if n2 and all(is_cap(t) or INITIAL_RE.fullmatch(t) for t in n2) and is_cap(n2[-1]) and \
                (len(n2) >= 2 or r2) and not L.is_org_phrase(" ".join(n2)) and \
                n2[-1].lower().strip(".’'s") not in L.PLACES and not verbish(n2[-1]):
            return "name", " ".join(body[:poss[-1] + 1] + r2), " ".join(n2)
    if poss:
        name_toks = []
    if name_toks and all(is_cap(t) or INITIAL_RE.fullmatch(t) for t in name_toks[:-1]) and (
            is_cap(name_toks[-1]) or _month_surname(name_toks[-1])):
        phrase = " ".join(name_toks)
        role = " ".join(role_toks) or None
        if len(name_toks) == 1 and verbish(name_toks[0]) and not role_toks:
            return "", None, ""  # ("Mr. Keating", "Gov. Channing": a surname after a title)
        if name_toks[-1].lower().strip(".’'s") in L.PLACES:
            return "org", None, phrase
        if det and words[0].lower() == "the" and not role_toks:
            return "org", None, "the " + phrase
        if det and _SERVES_NAME(role_toks):
            # "the former top aide to President George W. Bush", "a longtime adviser to
            # Trump": the name is whom the person serves; the description speaks
            return "desc", None, " ".join(words)
        if L.is_org_phrase(phrase) or (role_toks and lowbody[-1] in L.PLURAL_ROLE_NOUNS):
            if words[0].lower() in _INDEFINITE and role_toks and role_toks[0].lower() in L.ROLE_NOUNS and \
                    len(role_toks) >= 2 and role_toks[1].lower() in ("for", "of", "at", "with"):
                # "a spokeswoman for the House Armed Services Committee": an unnamed person
                # the organisation describes, not the organisation
                return "desc", None, " ".join(words)
            if role_toks and all(is_cap(t) for t in role_toks) and name_toks[0].lower() not in L.FIRST_NAMES:
                return "org", None, " ".join(role_toks + name_toks)  # "General Motors Co.": one name
            return "org", role, phrase
        return "name", role, phrase
    last = lowbody[-1]
    if last in L.PLURAL_ROLE_NOUNS or L.is_org_phrase(" ".join(body)) or (last in _ORG_HEADS and last not in L.ROLE_NOUNS):
        return "org", None, " ".join(words)
    if AGE_RE.fullmatch(last):
        return "desc", None, " ".join(words)
    if last in L.ROLE_NOUNS or last in L.TITLES and last not in CONNECTORS:
        return "desc", None, " ".join(words)
    return "", None, ""


# (only ever tested for a match: the role words as a trie, which matches the same texts
# as their longest-first alternation and is tried letter by letter instead of word by word)
