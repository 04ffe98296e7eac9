"""Stage 4, speaker candidates: the subject phrase beside a cue, as a ``Subj``.

``subject_before`` reads backwards from a cue ("Finance Minister Ada Holm said",
"the spokesman for the ministry said", "his essay claimed"); ``after_candidates`` reads
forwards ('"…," said Holm, a former minister') and takes the subject of the writer's
sentence. Each phrase is classified as a name, pronoun, description, organisation or
document, with the title or role the article gives it.
"""

from __future__ import annotations

import re

from .. import lexicon as L
from .text import (
    DETERMINERS,
    FUNCTION_WORDS,
    LOWER_ROLE,
    PRON_END_RE,
    REL_END_RE,
    TOKEN_RE,
    UNNAMED_RE,
    adjunct_tail,
    infinitive_tail,
    party_tail,
    trie_regex,
)
from .phrases import collect_back, is_place, phrase_kind, role_like, verbish
from .after_candidates import _BARE_AGE_RE, Subj


# --------------------------------------------------------------------------
# Subjects (who) around a cue
# --------------------------------------------------------------------------
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
    before = text[max(lo, toks[0][1] - 90):toks[0][1]] if kind in ("name", "org") and toks[0][1] > lo else ""
    if before and (" for " in before or " of " in before or " at " in before or " with " in before
                   or " from " in before):
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


_GROUP_AT_RE = re.compile(r"\s*[A-Za-z]+s[ \t]+(?:at|for|with|from)[ \t]+")  # ("Economists at ")
