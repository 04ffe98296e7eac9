"""Stage 4, speaker candidates: the subject phrase beside a cue, as a ``Subj``.

``subject_before`` reads backwards from a cue ("Finance Minister Ada Holm said",
"the spokesman for the ministry said", "his essay claimed"), ``subject_after`` forwards
("…," said Holm, a former minister), ``sentence_subject`` takes the subject of the
writer's sentence. Each phrase is classified as a name, pronoun, description,
organisation or document, with the title or role the article gives it.
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
    PRON_END_RE,
    PRONOUN_SUBJ,
    REL_END_RE,
    TOKEN_RE,
    UNNAMED_RE,
    adjunct_tail,
    infinitive_tail,
    clean_tok,
    is_abbrev_boundary,
    is_cap,
    party_tail,
    trie_regex,
)
from .phrases import INITIAL_RE, TITLE_ONLY, collect_back, compound_alpha, is_place, phrase_kind, role_like, verbish


# --------------------------------------------------------------------------
# Subjects (who) around a cue
# --------------------------------------------------------------------------
@dataclass
class Subj:
    phrase: str  # surface text ("Finance Minister Ada Holm", "he", "the spokesman")
    kind: str  # "name" | "pronoun" | "desc" | "org"
    start: int
    end: int
    role: str | None = None


_ROLE_OF_RE = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,6}(?:"
    + trie_regex({w for w in (L.ROLE_NOUNS | L.TITLES) if w.isalpha() and len(w) > 2})
    + r")\s+(?:of|at|for|to)\s", re.IGNORECASE)


_PIECE_OPENERS = {"", "as", "but", "and", "yet", "so", "still", "now", "then", "also", "meanwhile",
                  "however", "instead", "indeed", "later", "earlier",
                  # a contrast whose subject is the piece ("…, while Name, the former governor, proposed")
                  "while", "whereas",
                  # the object is "what" ("in what Name, the campaign's treasurer, called …")
                  "what", "in what", "of what", "to what", "by what", "with what", "from what"}
_AFTER_PAREN_RE = re.compile(r"^.*[(—–]", re.S)
_ISSUER_RE = re.compile(r"[ \t]+(?:from|by)[ \t]+(?=\S)")
_WHO_OPEN_RE = re.compile(r",[ \t]+who[ \t]+(?:is|was|has|had|serves|served|runs|ran|leads|led|heads|headed|chairs)[ \t]+[^,.;:!?“”\"()\n—–]{1,100}$")
_ANOTHER_NOUN_RE = re.compile(r"(?:^|(?<=[\s,(—–]))((?:[Aa]nother|[Oo]ne)[ \t]+([a-z]+))[ \t]*$")
_IN_HIS_RE = re.compile(r"(?<=[\w.’'])[ \t]+(?:in|during)[ \t]+$")
_REL_PIECE_RE = re.compile(r"(?:^|\s)(?:who|whose|which|where|whom)\s")
_ROLE_FROM_RE = re.compile(r"(?:^|\s)((?:[Tt]he|[Aa]n?)\s+(?:[a-z\-]+\s+)?)([a-z\-]+)\s+(?:from|of)\s+$")


_TITLE_CLOSE_RE = re.compile(r",(?:''|[”\"])$")
_PASSIVE_AGENT_RE = re.compile(r"\b(?:obtained|reviewed|seen|viewed|acquired|provided|released|leaked|shared|"
                               r"speaking|talking)[ \t]+(?:by|to|with)[ \t]+$")  # (also "a source speaking to CNN said")


# a determiner and a noun for a person by what they do (-er, -or, -ist, -ian)
_AGENT_NOUN_RE = re.compile(r"(?:^|(?<=[\s,(]))((?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother)[ \t]+(?:[a-z\-]+[ \t]+)?"
                            r"([a-z]{3,}(?:er|or|ist|ian)s?|man|woman|men|women|person|boy|girl|student|"
                            r"resident|official|aide|veteran|friend|neighbou?r))[ \t]*$")
_ING_NEXT_RE = re.compile(r"\s*[a-z]+ing\b")  # ("do a cover saying …": an object, not a subject)


def _person_before_apposition(text: str, lo: int, found: Subj) -> Subj | None:
    """'Holger Schmieding of Berenberg, Germany's largest bank, warned', 'Giovanni Vian,
    the editor of the paper, L'Osservatore Romano, said': the nearest piece is an
    apposition (an organisation, or the name of what the role before it names); the
    person named before it speaks (or, with no role of its own, the organisation the
    apposition describes: 'Xinhua, the official news agency, wrote')."""
    head = text[lo:found.start].rstrip()
    if not head.endswith(",") or found.role:
        return None
    cand = subject_before(text, lo, lo + len(head))
    if cand is None or cand.kind != "name" or is_place(cand.phrase) or L.is_org_phrase(cand.phrase):
        return None
    head = found.phrase.split(" of ")[0].split()[-1].lower()
    if found.kind == "org" and head in LOWER_ROLE:
        # 'Tina Tchen, Mrs. Obama's chief of staff, said': the piece is the person's role
        return cand if cand.role else Subj(cand.phrase, cand.kind, cand.start, cand.end, found.phrase)
    if found.kind == "org" and not cand.role:
        # 'Xinhua, the official Chinese news agency, wrote': the name is the organisation's
        return Subj(cand.phrase, "org", cand.start, cand.end, None)
    if found.kind == "org" or (found.kind == "name" and cand.role and
                               found.phrase.split()[0].lower() not in L.FIRST_NAMES):
        return cand
    return None


def subject_before(text: str, lo: int, end: int) -> Subj | None:
    """The subject phrase that ends right before ``end`` (a verb position)."""
    end = infinitive_tail(text, lo, end)
    seg = text[lo:end]
    m = adjunct_tail(seg)
    if m:
        end = lo + m.start()
        core = m.group().rstrip(", \t\n")
        k = core.rfind(",")
        if k >= 0:
            c = end + k
            p = text.rfind(",", lo, c)
            if p >= 0 and _REL_PIECE_RE.search(text[p + 1:c] + " "):
                end = c + 1  # "Name, who … this week, on Friday described": the comma closes the clause
    m = party_tail(text, max(lo, end - 40), end)
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
    mrel = REL_END_RE.search(text[max(lo, end - 6):end])
    rel_who = mrel is not None and mrel.group().strip() == "who"
    if mrel:
        # "the declaration that stated …": the antecedent speaks
        end = max(lo, end - 6) + mrel.start()
        while end > lo and text[end - 1].isspace():
            end -= 1
        m = adjunct_tail(text[lo:end])
        if m:
            end = lo + m.start()
    if end <= lo:
        return None
    # pronoun
    m = PRON_END_RE.search(text[max(lo, end - 5):end])
    if m:
        w = m.group(1)
        return Subj(w, "pronoun", end - len(w), end)
    role_app = None
    if rel_who and text[end - 1] == ",":
        # '… a reaction from President Barack Obama, who called …': the name right before
        # ', who' is the relative clause's subject, not whatever opens the sentence
        ant = _antecedent_of_who(text, lo, end - 1)
        if ant is not None:
            return ant
    if text[end - 1] == ",":
        # "Name, role, said" / "role, Name, said" / "Name, a salesman from X, Y, says":
        # walk back over comma-separated pieces; the nearest piece that is wholly a
        # name (not a place) is the subject and the piece after it its role.
        pos = end - 1
        later: list[str] = []
        org_piece = desc_piece = None
        found = None
        found_piece = None
        for _hop in range(5):
            c = text.rfind(",", max(lo, pos - 200), pos)
            seg_lo = c + 1 if c >= lo and c != -1 else lo
            piece = text[seg_lo:pos].strip()
            if _REL_PIECE_RE.search(piece + " "):
                # the pieces after this one sat inside a relative clause
                # ("Name, who lives outside the capital, Sacramento, said")
                found, org_piece, desc_piece = None, None, None
            elif found is not None:
                if found.role is None and later and later[-1] is found_piece:
                    # "The chancellor, Rachel Reeves, said": the description before the
                    # name is her role
                    s0, toks = collect_back(text, seg_lo, pos)
                    if toks and toks[0][1] - seg_lo <= 1 and phrase_kind([t[0] for t in toks])[0] == "desc" \
                            and role_like(piece):
                        found = Subj(found.phrase, found.kind, found.start, found.end, piece)
            elif found is None:
                mparty = party_tail(text, seg_lo, pos)
                piece_end = mparty.start() if mparty and mparty.start() > seg_lo else pos
                s0, toks = collect_back(text, seg_lo, piece_end)
                kind, role, phrase = phrase_kind([t[0] for t in toks])
                # (all of the piece, or after 'as' or a conjunction: 'as Name, a former aide,
                # put it: "…"', 'But Name, noting …, said')
                # (an opening parenthesis or dash starts a piece too: 'Many agree (Name, who …, said')
                opener = ("" if text[toks[0][1]] in "(—–" else _AFTER_PAREN_RE.sub("", text[seg_lo:toks[0][1]])) \
                    if toks else ""
                covers = bool(toks) and opener.strip().lower() in _PIECE_OPENERS
                if piece[:1] in "“\"'‘":
                    covers = False  # a quoted title ('author of "Unwritten Laws,"') names no speaker
                if covers and kind == "name" and not is_place(phrase) and _ROLE_OF_RE.search(piece):
                    # "a spokesman for Speaker Ada Holm": an apposition, its name is no subject
                    if org_piece is None:
                        org_piece = Subj(phrase, kind, toks[0][1], toks[-1][2], role)
                elif covers and kind == "name" and not is_place(phrase):
                    app = next((p for p in reversed(later) if not _BARE_AGE_RE.fullmatch(p)), None)  # (not "62")
                    if app and (len(app.split()) > 14 or not role_like(app)):
                        app = None
                    found = Subj(phrase, kind, toks[0][1], toks[-1][2], role or app)
                    found_piece = piece
                elif covers and kind == "org" and not is_place(phrase) and org_piece is None:
                    # "the ministry, …, said" — but "a spokesman for the port authority" is
                    # more likely an apposition of an earlier name: keep looking first
                    org_piece = Subj(phrase, kind, toks[0][1], toks[-1][2], None)
                    if not toks[0][0].lower() in ("a", "an", "one", "another") and \
                            not _ROLE_OF_RE.search(piece):
                        found = org_piece
                elif not covers and kind == "org" and seg_lo == lo and org_piece is not None and \
                        org_piece.phrase.split()[0].lower() in ("a", "an") and _GROUP_AT_RE.fullmatch(opener):
                    # "Economists at ING, a Dutch bank, said": the organisation the opening
                    # piece names speaks, not its apposition
                    org_piece = Subj(phrase, kind, toks[0][1], toks[-1][2], None)
                elif covers and kind == "desc" and desc_piece is None and seg_lo == lo:
                    # '"…," an intelligence source, who …, told Fox News': a description
                    # opening the clause speaks when no name or organisation does
                    desc_piece = Subj(phrase, kind, toks[0][1], toks[-1][2], None)
            later.append(piece)
            if seg_lo == lo:
                break
            pos = c
        if found is not None:
            found = _person_before_apposition(text, lo, found) or found
        if found or org_piece or desc_piece or not rel_who:
            return found or org_piece or desc_piece
        return _antecedent_of_who(text, lo, end - 1)
    mw = _WHO_OPEN_RE.search(text, max(lo, end - 140), end)
    if mw is not None and _word_at(text, end) in _SAYING:
        # "Katie Packer, who is chairman of Our Principles PAC said": a relative clause
        # whose closing comma is missing; its antecedent speaks
        ant = _antecedent_of_who(text, lo, mw.start())
        if ant is not None:
            return ant
    s0, toks = collect_back(text, lo, end)
    if not toks or not phrase_kind([t[0] for t in toks])[0]:
        mu = UNNAMED_RE.search(text, max(lo, end - 120), end)
        if mu:
            # "Another source familiar with the campaign's thinking said": an unnamed speaker
            phrase = text[mu.start():end].strip()
            return Subj(phrase, "desc", mu.start(), end)
        mo = _ANOTHER_NOUN_RE.search(text, max(lo, end - 40), end)
        if mo and mo.group(2) not in FUNCTION_WORDS and not verbish(mo.group(2)):
            # "Another child responded": one more unnamed person
            return Subj(mo.group(1), "desc", mo.start(1), mo.end(1))
        ma = None if mrel else _AGENT_NOUN_RE.search(text, max(lo, end - 60), end)
        if ma and ma.group(2) not in FUNCTION_WORDS and not _ING_NEXT_RE.match(text, end):
            # "the moderator said", "an investor told": a person named by what they do
            return Subj(ma.group(1), "desc", ma.start(1), end)
    if not toks:
        return None
    kind, role, phrase = phrase_kind([t[0] for t in toks])
    if kind in ("desc", "org"):
        k = next((i for i in range(len(toks) - 1, 0, -1) if toks[i][0].lower() in ("the", "a", "an")
                  and toks[i - 1][0].lower() not in _JOINS_NOUNS), 0)
        if k:
            # "at which point the crowd chanted": the noun phrase starts at its article
            toks = toks[k:]
            kind, role, phrase = phrase_kind([t[0] for t in toks])
        first = toks[0][0]
        if first.islower() and first not in DETERMINERS:
            before = _word_at_end(text, lo, toks[0][1])
            if before in _AUX_WORDS or (first.endswith("ed") and before in ("and", "or")):
                return None  # "they will hold banners proclaiming", "and placed ads calling": a verb phrase
    if not kind:
        return None
    if kind == "pronoun" and len(toks) >= 2 and toks[0][0].lower() in ("his", "her"):
        mp = _IN_HIS_RE.search(text, max(lo, toks[0][1] - 12), toks[0][1])
        if mp is not None and mp.start() > lo:
            # "when Holm in his speech called …": the one whose speech it is, named before it
            alt = subject_before(text, lo, mp.start())
            if alt is not None and alt.kind == "name" and not is_place(alt.phrase):
                return alt
    m_agent = _PASSIVE_AGENT_RE.search(text, max(lo, toks[0][1] - 30), toks[0][1])
    if m_agent is not None and m_agent.start() > lo:
        # "A memo obtained by The Post says …": the memo speaks, not the paper that has it
        head = subject_before(text, lo, m_agent.start())
        if head is not None:
            return head
    if kind in ("name", "org") and toks[0][1] > lo:
        mf = _ROLE_FOR_BEFORE_RE.search(text, max(lo, toks[0][1] - 90), toks[0][1])
        if mf is not None and mf.group(2).lower() in LOWER_ROLE:
            # "a columnist for the tech news site Pando said": the unnamed columnist speaks,
            # not the site (nor the person a spokesman serves)
            return Subj(text[mf.start(1):toks[-1][2]], "desc", mf.start(1), toks[-1][2])
    if kind in ("name", "org") and is_place(phrase) and not role:
        before = text[max(lo, toks[0][1] - 60):toks[0][1]]
        mrole = _ROLE_FROM_RE.search(before)
        if mrole and mrole.group(2) in LOWER_ROLE:
            # "the senator from Vermont said": a description, not the state
            return Subj(f"the {phrase} {mrole.group(2)}", "desc", toks[0][1] - len(before) + mrole.start(1),
                        toks[-1][2])
        if before.rstrip().endswith(",") and toks[0][1] - lo > 2:
            # "Tara Quist of Linden, South Dakota says": the place closes an apposition
            c = lo + len(text[lo:toks[0][1]].rstrip()) 
            alt = subject_before(text, lo, c)
            if alt is not None and alt.kind == "name" and not is_place(alt.phrase):
                return alt
    # "Anthony Anton, president and CEO of Washington Restaurant Association stated", "Gary
    # Byrne, a former Secret Service agent for President Bill Clinton has written": an
    # apposition whose closing comma is missing; the person before it speaks
    appos = (f"{role} {phrase}" if kind == "org" and role else
             phrase if kind == "desc" and toks[0][0].lower() in ("a", "an") else None)
    if appos and _ROLE_OF_RE.match((role or phrase) + " ") and text.endswith(", ", lo, toks[0][1]):
        _s, ptoks = collect_back(text, lo, toks[0][1] - 2)
        pkind, prole, pphrase = phrase_kind([t[0] for t in ptoks]) if ptoks else (None, None, "")
        if pkind == "name" and not is_place(pphrase):
            return Subj(pphrase, "name", ptoks[0][1], ptoks[-1][2], prole or appos)
    if kind == "name":
        group = _group_of_range(text, lo, toks[-1][2])
        if group is not None:
            return group
    if role_app and kind in ("name", "org"):
        if role and len(role_app.split()) > 12:
            pass
        else:
            role = role_app if not role else role
    elif role_app:
        return None
    return Subj(phrase, kind, toks[0][1], toks[-1][2], role)


_FROM_TO_RE = re.compile(r"((?:[A-Z][\w.’'\-]*[ \t]+){0,2}([a-z]+))[ \t]+(?:ranging[ \t]+)?from[ \t]+"
                         r"[^.;:!?“”\"]{3,240}?[ \t]+to[ \t]+[^.;:!?“”\"]{2,120}$")


def _group_of_range(text: str, lo: int, end: int) -> Subj | None:
    """'U.S. officials from the president to the chief negotiator have said': the name that
    ends a from-to range is not the subject; the group the range spans is."""
    m = _FROM_TO_RE.search(text, max(lo, end - 400), end)
    if m is None or m.group(2) not in L.PLURAL_ROLE_NOUNS:
        return None
    return Subj(m.group(1), "org", m.start(1), m.end(1))


_SAYING = L.SPEECH_VERBS | L.FRAGMENT_VERBS


def _word_at(text: str, pos: int) -> str:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    m = TOKEN_RE.match(text, pos)
    return m.group().lower().rstrip(",.;:") if m else ""


def _antecedent_of_who(text: str, lo: int, comma: int) -> Subj | None:
    """'… from Sen. Ada Holm, who declared: "…"': a person named right before ', who' is
    the relative clause's subject, wherever the name sits in its own clause."""
    _s0, toks = collect_back(text, lo, comma)
    if not toks:
        return None
    kind, role, phrase = phrase_kind([t[0] for t in toks])
    if kind != "name" or is_place(phrase):
        return None
    return Subj(phrase, kind, toks[0][1], toks[-1][2], role)


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


_ROLE_FOR_BEFORE_RE = re.compile(r"(?:^|(?<=[\s,(]))((?:[Aa]|[Aa]n|[Oo]ne|[Aa]nother)[ \t]+(?:[a-z\-]+[ \t]+){0,2}?"
                                 r"([a-z]+)[ \t]+(?:for|of|at|with|from)[ \t]+(?:the[ \t]+)?(?:[a-z\-]+[ \t]+){0,4})$")
_JOINS_NOUNS = {"of", "for", "to", "and", "&", "at", "in", "on", "with", "from", "by", "or"}
_AUX_WORDS = {"will", "would", "can", "could", "should", "may", "might", "must", "to", "did", "does", "do",
              "shall", "cannot", "won't", "won’t", "didn't", "didn’t"}
_LAST_WORD_RE = re.compile(r"([\w’']+)[ \t]*$")


def _word_at_end(text: str, lo: int, end: int) -> str:
    """The lower-cased word that ends text[lo:end] ('' when none)."""
    m = _LAST_WORD_RE.search(text, max(lo, end - 30), end)
    return m.group(1).lower() if m else ""


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
_LEAD_ADVERBIAL_RE = re.compile(
    r"\s*(?:(?!(?:He|She|They|We|It)\b)[A-Z][a-z]+(?!\s+[a-z]+ed\s)(?:\s+(?:[a-z]+|\d{1,4}s?)){0,3},\s+|(?:[A-Z][a-z]+ing|After|Before|When|While|As|"
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
_GROUP_AT_RE = re.compile(r"\s*[A-Za-z]+s[ \t]+(?:at|for|with|from)[ \t]+")  # ("Economists at ")
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
