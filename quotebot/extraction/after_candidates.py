"""Stage 4b, speaker candidates read forwards, as a ``Subj``.

``subject_after`` takes the subject right after an inverted verb ('"…," said Holm, a
former minister'), ``sentence_subject`` the subject that opens the writer's sentence (for
participles and colons). ``candidates.subject_before`` reads backwards from a cue and
uses both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import lexicon as L
from .text import (
    ABBR_TITLES,
    ADJ_ROLE_OK,
    CLAUSE_CHAR,
    AGE_RE,
    CONNECTORS,
    DETERMINERS,
    FUNCTION_WORDS,
    LOWER_ROLE,
    MONTH_SURNAMES,
    PARTY_RE,
    PRONOUN_SUBJ,
    TOKEN_RE,
    clean_tok,
    is_abbrev_boundary,
    is_cap,
)
from .phrases import INITIAL_RE, TITLE_ONLY, compound_alpha, is_place, phrase_kind, verbish


@dataclass
class Subj:
    phrase: str  # surface text ("Finance Minister Ada Holm", "he", "the spokesman")
    kind: str  # "name" | "pronoun" | "desc" | "org"
    start: int
    end: int
    role: str | None = None


_ISSUER_RE = re.compile(r"[ \t]+(?:from|by)[ \t]+(?=\S)")


_INITIALS_OR_TITLE_RE = re.compile(r"(?:[A-Za-z]\.)+|" + ABBR_TITLES)
_INITIALS_OR_SHORT_RE = re.compile(r"(?:[A-Za-z]\.)+|[A-Z][a-z]{0,3}\.")
_APPOSED_DESC_RE = re.compile(r"[^,.;:!?“”\"()\n]{0,50},[ \t]+")
_APPOSITION_RE = re.compile(r",\s*([^,.;:“”\"]{3,140}?)(?:,|\.(?:\s|$)|;|$| who | which )")


_TRAIL_CONNECTORS = CONNECTORS | L.NAME_PARTICLES
_ROLE_WORDS = LOWER_ROLE | ADJ_ROLE_OK
# role adjectives that cannot end a subject: a role noun or a name must follow them
_NEVER_HEADS = {"then", "former", "late", "acting", "incoming", "outgoing", "longtime", "fellow",
                "leading", "prominent", "key", "unnamed", "anonymous", "new", "top", "senior", "vice"}


def _lower_modifier(w: str) -> bool:
    """Lowercase, or a compound whose last part is ('Texas-based', 'GOP-led'), or a dotted
    abbreviation ('a former U.S. law enforcement official')."""
    return w.islower() or ("-" in w and w.rsplit("-", 1)[1].islower() and compound_alpha(w)) or \
        _DOTTED_ABBREV_RE.fullmatch(w) is not None


_DOTTED_ABBREV_RE = re.compile(r"(?:[A-Z]\.){2,}")


def subject_after(text: str, start: int, hi: int, _nested: bool = False) -> Subj | None:
    """The subject right after an inverted verb: ``said Jane Doe, head of X``."""
    toks = []
    for m in TOKEN_RE.finditer(text, start, min(hi, start + 200)):
        toks.append((m.group(), m.start(), m.end()))
        if len(toks) >= 12:
            break
    if not toks:
        return None
    w0 = clean_tok(toks[0][0]).lower()
    if w0 in PRONOUN_SUBJ:
        return Subj(clean_tok(toks[0][0]), "pronoun", toks[0][1], toks[0][1] + len(clean_tok(toks[0][0])))
    out = []
    for w, s, e in toks:
        if out and PARTY_RE.fullmatch(w.rstrip(",.;:")):
            break  # "said Rep. Ann Lee (R-Ohio), who …"
        cw = clean_tok(w)
        if cw.endswith(".") and not _INITIALS_OR_TITLE_RE.fullmatch(cw):
            cw = cw.rstrip(".")  # "…," said Pavone.
        low = cw.lower()
        if not cw:
            break
        if low in ("of", "from") and out and is_cap(out[-1][0]) and out[-1][0].lower() not in TITLE_ONLY \
                and not (len(out) >= 2 and out[-2][0].lower() in TITLE_ONLY and out[-2][0][:1].isupper() is False):
            # "Robert Antonacci of the New York delegation": the name ends here
            if any(o[0].lower() in L.FIRST_NAMES for o in out) or len([o for o in out if is_cap(o[0])]) >= 2:
                break
        if low == "on" and out and is_cap(out[-1][0]) and out[-1][0].lower() not in TITLE_ONLY \
                and not any(o[0].lower() in L.ORG_WORDS for o in out):
            break  # "wrote Larry O'Connor on Hot Air": the outlet is where, not who ('Council on …' is one name)
        ok = (is_cap(cw) or low in L.HONORIFICS or low in LOWER_ROLE or low in ADJ_ROLE_OK
              or (out and low in MONTH_SURNAMES and cw[:1].isupper() and (  # "said Theresa May"
                  is_cap(out[-1][0]) or out[-1][0].lower() in L.HONORIFICS or out[-1][0].lower() in L.TITLES))
              or INITIAL_RE.fullmatch(cw) is not None
              or AGE_RE.fullmatch(low) is not None
              or ((cw.isalpha() or (cw[-2:] in ("’s", "'s") and cw[:-2].isalpha()))  # ("the group’s president, Name")
                  and cw.islower() and low not in FUNCTION_WORDS and len(out) < 4
                  and not any(is_cap(o[0]) and o[0].lower() not in TITLE_ONLY and o[0].lower() not in ADJ_ROLE_OK
                              for o in out) and _lower_lead_ok(toks, len(out)))
              or (out and is_cap(out[-1][0]) and len(out) < 6 and _role_between_names(toks, len(out), cw))
              or (out and is_cap(out[-1][0]) and cw.istitle() and low in L.ORG_WORDS)  # ('Judicial Watch')
              # "said Clinton's top foreign policy aide Jake Sullivan": a possessive's role
              # words lead up to the name
              or (out and len(out) < 6 and cw.isalpha() and cw.islower() and low not in FUNCTION_WORDS
                  and any(o[0][-2:] in ("’s", "'s") and is_cap(o[0]) for o in out) and _lower_lead_ok(toks, len(out)))
              or (out and low in DOC_HEADS and out[0][0].lower() in DETERMINERS and len(out) < 4)
              # "said the agency", "said the second official": a determiner's lower-case
              # words up to the head; phrase_kind then says whether they describe a speaker
              or (out and out[0][0].lower() in DETERMINERS and len(out) < 5
                  and (cw.islower() or (len(out) == 1 and low in L.MONTHS_DAYS))  # ('a Wednesday editorial')
                  and (compound_alpha(cw) or (len(out) == 1 and cw[-2:] in ("’s", "'s") and cw[:-2].isalpha()))
                  and low not in FUNCTION_WORDS
                  and all(_lower_modifier(o[0]) or o[0].lower() in L.MONTHS_DAYS for o in out)
                  and not any(o[0] in CONNECTORS for o in out[1:])
                  and (len(out) < 2 or out[-1][0] not in LOWER_ROLE or out[-1][0] in ADJ_ROLE_OK))
              or (low in DETERMINERS and not out)
              or (out and (low in CONNECTORS or low in L.NAME_PARTICLES)))
        if not ok:
            break
        out.append((cw, s, s + len(w.rstrip(",;:.()\"”’")) if w.endswith((",", ";", ":")) or (
            w.endswith(".") and not _INITIALS_OR_SHORT_RE.fullmatch(w)) else e))
        if w.endswith((",", ";", ":")) or (w.endswith(".") and not _INITIALS_OR_TITLE_RE.fullmatch(w)):
            break
        if low in DOC_HEADS and out[0][0].lower() in DETERMINERS:
            break  # "read the email", "reads a Wednesday editorial in the Register": the head ends it
    while out and (out[-1][0].lower() in _TRAIL_CONNECTORS or (len(out) > 1 and out[-1][0] in _NEVER_HEADS)):
        out.pop()  # ('Trump then appears …': 'then' qualifies a role that never came)
    if not out:
        return None
    kind, role, phrase = phrase_kind([t[0] for t in out])
    while not kind and len(out) > 2 and out[0][0].lower() in DETERMINERS and out[-1][0].islower():
        out.pop()  # 'said the base chief known as Bob': the description ends at its head
        kind, role, phrase = phrase_kind([t[0] for t in out])
    end = out[-1][2]
    m_sp = None
    if (out[0][0].lower() in ("a", "an", "another", "one") or (
            kind == "desc" and (out[0][0].lower() in ("the", "his", "her", "its", "their") or
                                out[0][0].endswith(("’s", "'s"))))) and not _nested and end < hi:
        # "said another Twitter user, Jane Roe", "said the group's president, Jane Roe",
        # "Trump's state director, Mike Rubino, wrote": the description is an apposition of the name
        if not (text[end - 1:end] in ".!?" and not is_abbrev_boundary(text, end - 1)):
            m_sp = _APPOSED_DESC_RE.match(text[end:min(hi, end + 56)])  # (not across a sentence end)
    if m_sp is not None:
        named = subject_after(text, end + m_sp.end(), hi, _nested=True)
        if named is not None and named.kind == "name" and len(named.phrase.split()) >= 2 and \
                not is_place(named.phrase):
            return Subj(named.phrase, "name", named.start, named.end,
                        named.role or text[out[0][1]:end + m_sp.end()].strip(" ,"))
    if not kind:
        return None
    if kind == "org" and not _nested and end < hi and all(is_cap(t[0]) for t in out):
        mr = _ORG_ROLE_THEN_NAME_RE.match(text, end, hi)
        if mr and mr.group(1).split()[-1] in LOWER_ROLE:
            # "said Montclair State University political scientist Brigid Harrison": the
            # organisation and the role words describe the person named after them
            named = subject_after(text, mr.end(), hi, _nested=True)
            if named is not None and named.kind == "name" and named.start == mr.end():
                return Subj(named.phrase, "name", out[0][1], named.end, text[out[0][1]:mr.end()].strip())
    if out[-1][0].lower() in DOC_HEADS and not _nested and end < hi:
        mf = _ISSUER_RE.match(text, end, hi)
        issuer = subject_after(text, mf.end(), hi, _nested=True) if mf else None
        if issuer is not None and issuer.kind in ("name", "org"):
            return issuer  # 'according to a statement from the ministry': the ministry
    # apposition: ", head of the Carnegie Moscow Center, in an analysis."
    if end < hi and text[end: end + 1] == ",":
        m = _APPOSITION_RE.match(text[end: min(hi, end + 160)] + " ")
        if m and _BARE_AGE_RE.fullmatch(m.group(1).strip()) and m.group(0).endswith(","):
            # "Ada Holm, 45, a teacher from Leeds": the age, then the role
            m = _APPOSITION_RE.match(text[end + m.end() - 1: min(hi, end + 160)] + " ")
        if m:
            app = m.group(1).strip()
            fw = app.split()[0].lower() if app.split() else ""
            if fw in ("the", "a", "an", "who", "which", "in", "on", "at", "after", "before",
                      "adding", "noting", "according", "when", "while", "as", "during") \
                    and fw not in ("the", "a", "an"):
                app = ""
            if app and fw in ("a", "an", "the") or (app and app.split()[0].lower() in _ROLE_WORDS) \
                    or (app and is_cap(app.split()[0])):
                if not role or role.lower().rstrip(".") in L.HONORIFICS:
                    role = app  # ("said Mr Farage, the party leader": the apposition, not "Mr")
    return Subj(phrase, kind, out[0][1], end, role)


# the endings of nouns for people ("speechwriter", "loyalist", "confidant"): a role noun
# the lexicon lacks is told from a verb ("Carr met Dole") by its form
_AGENT_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian", "ee", "man", "woman", "person")


def _role_between_names(toks: list[tuple[str, int, int]], i: int, word: str) -> bool:
    """'said George W. Bush speechwriter Noam Neusner': a lowercase noun between two
    capitalised runs names the second one's role (the first only qualifies it)."""
    low = word.lower()
    if not (word.isalpha() and word.islower()) or not low.endswith(_AGENT_SUFFIXES) or \
            low in FUNCTION_WORDS or low in GAP_STOP or verbish(word) or i + 1 >= len(toks):
        return False
    nxt = clean_tok(toks[i + 1][0])
    return is_cap(nxt) and nxt.lower() not in L.MONTHS_DAYS


def _lower_lead_ok(toks: list[tuple[str, int, int]], i: int) -> bool:
    """'election officer Bruno Salas': lowercase role words that lead up to a name."""
    for w, _s, _e in toks[i + 1:i + 4]:
        cw = clean_tok(w)
        if is_cap(cw):
            return True
        if not (cw.isalpha() and cw.islower() and cw not in FUNCTION_WORDS):
            return False
    return False


# (not a clause of its own: "Carson shared a syllabus, writing …" and "He responds, …" are
# no "Earlier this week, …")
_DAY_OR_MONTH = "|".join(sorted(w.capitalize() for w in L.MONTHS_DAYS))
_LEAD_ADVERBIAL_RE = re.compile(
    r"\s*(?:(?!(?:He|She|They|We|It)\b)[A-Z][a-z]+(?!\s+[a-z]+ed\s)"
    rf"(?:\s+(?:[a-z]+|\d{{1,4}}s?|{_DAY_OR_MONTH})){{0,3}},\s+|"  # ('Later on Sunday, ')
    r"(?:[A-Z][a-z]+ing|After|Before|When|While|As|"
    r"Since|Although|Though|If|Because|Despite|In|At|On|During|Speaking|Asked|Following|"
    rf"Addressing|Responding|Asked)\b{CLAUSE_CHAR}{{0,120}},\s+|"
    r"(?:But|And|Yet|So|Still|Now|Then)\s+(?:in|at|on|during|after|before|when|while|as|since|for|with)\b"
    rf"{CLAUSE_CHAR}{{0,120}},\s+|"  # ("But in Moscow, officials say …")
    r"(?:But|And|Yet|So|Still|Then)\s+(?!(?:he|she|they|we|it|i)\s)[a-z]+(?:\s+[a-z]+){0,4},\s+|"
    # ("But a few days later, Name …")
    rf"[A-Z][a-z]+ed\s+(?:by|at|in|with|on|from|to|after|before|for|as)\b{CLAUSE_CHAR}{{0,120}},\s+|"
    r"(?:But|And|Yet|So|Still|Then|Now|Also)\s+(?=[A-Z]))?")  # ("But Sen. Ada Holm refused …")
# (a participle's phrase: "Preceded at the lectern by the sheriff, Trump launched …")
_LEAD_PLACE_RE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}),\s+(?=\w)")


def sentence_subject(text: str, s_start: int, limit: int) -> Subj | None:
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
        if mp_ and is_place(mp_.group(1)):
            pos += mp_.end()
        # "At a rally in Portsmouth, N.H., on Tuesday, Name …": a state abbreviation and a
        # time belong to the introduction too
        for _ in range(2):
            mt = _INTRO_TAIL_RE.match(text, pos, seg_end)
            if not mt:
                break
            pos = mt.end()
    first = TOKEN_RE.match(text, pos, max(pos, seg_end))
    if not first:
        return None
    w = clean_tok(first.group())
    if w.lower() in PRONOUN_SUBJ:
        return Subj(w, "pronoun", first.start(), first.start() + len(w))
    subj = subject_after(text, pos, seg_end)
    if subj is not None and (_OPENING_MARK_RE.match(text, subj.start) or _OPENING_MARK_END_RE.search(
            text, max(s_start, subj.start - 3), subj.start)) and _CLOSING_MARK_RE.search(text, subj.end - 3, subj.end + 3):
        return None  # "In his book, ''Doomed to Succeed,'' Mr. Ross said": a quoted title is no subject
    if subj is not None and subj.kind == "name" and subj.role:
        # "When she moved to Jamaica Estates, Queens, the enclave where …, Freddy confided":
        # a name whose apposition runs into another name belongs to the introduction
        m = _APPOSED_THEN_NAME_RE.match(text, subj.end, seg_end)
        nxt = subject_after(text, m.end(), seg_end) if m else None
        if nxt is not None and nxt.kind == "name" and _THEN_VERB_RE.match(text, nxt.end):
            return nxt
    return subj
# (not a relative clause: "Mr. Slinker, whose start-up, Paradata, uses …, said")
_APPOSED_THEN_NAME_RE = re.compile(r",(?![ \t]+(?:who|whose|which)\b)[^,.;:“”\"\n]{1,80},[ \t]+(?=[A-Z])")
_THEN_VERB_RE = re.compile(r"[ \t]+[a-z]")
_ORG_ROLE_THEN_NAME_RE = re.compile(r"[ \t]+((?:[a-z][a-z\-]*[ \t]+){0,2}[a-z][a-z\-]*)[ \t]+(?=[A-Z])")
_BARE_AGE_RE = re.compile(r"\d{1,3}")  # "Ada Holm, 45, a teacher"
_OPENING_MARK_RE = re.compile(r"(?:[“\"‘]|'')")
_CLOSING_MARK_RE = re.compile(r"[”\"’]|''")
_OPENING_MARK_END_RE = re.compile(r"(?:[“\"‘]|'')\s*$")
_DATELINE_RE = re.compile(r"\s*(?:[A-Z][A-Z.'\-]+(?:[ \t]+[A-Z][A-Z.'\-]+)*(?:,[ \t]+[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*)?)?"
                          r"(?:,[ \t]+[A-Z][a-z]{2,4}\.?[ \t]+\d{1,2})?[ \t]*(?:\([^()\n]{1,20}\))?|"
                          # ('Washington (AFP) – '): a city in mixed case, then the agency
                          r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+\([A-Z][A-Za-z.]{1,12}\))[ \t]*[—–]+[ \t]*")
_INTRO_TAIL_RE = re.compile(r"(?:[A-Z][a-z]{0,4}\.(?:[A-Z]\.)?|on\s+[A-Z][a-z]+|last\s+[a-z]+|this\s+[a-z]+),\s+")
GAP_STOP = {"and", "but", "or", "then", "as", "when", "while", "after", "before", "because", "if", "until",
            "since", "though", "although", "unless", "once", "where", "so", "he", "she", "they", "we", "it",
            "who", "which", "that", "to", "in", "on", "at", "by", "with", "for", "from", "of", "not", "is",
            "was", "were", "are", "has", "had", "have", "also", "even", "only", "just"}
DOC_HEADS = {"statement", "letter", "email", "e-mail", "memo", "note", "release", "tweet", "message",
             "post", "video", "ad", "op-ed", "editorial", "response", "report", "speech", "remarks",
             "headline", "sign", "banner", "caption", "petition", "resolution", "poster", "placard"}
