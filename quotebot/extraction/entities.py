"""Stage 5a, the article's people: every name and organisation mention, merged.

``Entities`` collects the mentions outside quotes (the scan is ``mentions.MentionScan``),
merges ``Holm``, ``Ms Holm`` and ``Finance Minister Ada Holm`` into one entity with a
canonical name, aliases and role, and resolves a pronoun or a description ("the
spokesman") to the most recent compatible mention before it.
"""

from __future__ import annotations

import bisect
import re

from .. import lexicon as L
from . import antecedents
from ..models import ORGANISATION, PERSON
from .text import ADJ_ROLE_OK, CONNECTORS, DETERMINERS, INTRO_RE, LOWER_ROLE, is_cap
from .phrases import GENERIC_MODS, ROLE_ABBREV
from .names import (
    ADDRESSEE_VERBS,
    APPOSED_SPEAKS_RE,
    CLAUSE_END_RE,
    HE_RE,
    LOWER_WORDS_RE,
    MENTION_SPEAKS_RE,
    NAME_RUN_RE,
    SHE_RE,
    WHO_SAID_RE,
    Entity,
    key_tokens,
    lower_word_in,
    role_gender,
    squash_spaces,
)
from .mentions import MentionScan

# words that may precede a sentence's subject ("And even Obama tried …", "Then only Holm …")
_SUBJECT_LEAD_WORDS = frozenset({"the", "a", "an", "former", "even", "also", "only", "now", "then", "still"})
# the subordinator of a clause that opens the sentence: its subject is salient ('When Trump held …')
_SUBORDINATOR_RE = re.compile(r"\s*(?:When|While|After|Before|As|Although|Though|Once|If|Since|Until|Because)[ \t]+"
                              r"(?!for\b|to\b|of\b)")  # (not 'As for Carson')
# where a clause of its own opens inside a sentence
_CLAUSE_OPENING_RE = re.compile(r"(?:,|;|—)\s+(?:but|and|yet|so|while|whereas|although|though|because|since|"
                                r"when|after|before|until|as)\s+(?:then\s+|now\s+|even\s+|also\s+)?"
                                r"(?=\S*$|(?:\S+\s+){0,3}\S*$)")
_VERB_NEXT_RE = re.compile(r"[ \t]+(?!who\b|whose\b|which\b|that\b)[a-z]")
MAX_ANTECEDENTS = 6  # people considered for one pronoun, nearest first


_PREPOSITIONS = frozenset({"for", "of", "to", "with", "by", "from", "against", "about", "under", "toward", "towards"})
_NOUN_OBJECT_RE = re.compile(r"[ \t]+(?:the|a|an|his|her|their|its)[ \t]")
# a title under the noun it qualifies: a vice president is no president
_UNDER_TITLES = {"vice", "deputy", "assistant", "associate", "lieutenant", "under", "sub", "co"}


class Entities(MentionScan):
    def __init__(self, text: str, quote_ranges: list[tuple[int, int]], sent_starts: list[int],
                 headline_end: int = 0):
        self.text = text
        self.headline_end = headline_end  # the end of the article's title line, 0 without one
        self.ents: list[Entity] = []
        self.by_surname: dict[str, list[int]] = {}
        self.by_first: dict[str, list[int]] = {}
        self.mentions: list[tuple[int, int]] = []  # (offset, entity id), persons only, outside quotes
        self.org_mentions: list[tuple[int, int]] = []
        self.q_starts = [a for a, _ in quote_ranges]
        self.q_ranges = quote_ranges
        self.sent_starts = sent_starts
        self.author: str | None = None
        self._tokcount: dict[str, int] | None = None
        self._lower_words: set[str] | None = None
        self.subject_pos: set[int] = set()
        self.org_pos: list[int] = []
        self.spoke_at: dict[int, int] = {}  # entity id -> first offset at which it speaks
        self._salient_memo: dict[int, bool] = {}
        self.speech_pos: list[int] = []  # where someone speaks, in text order, and who
        self.speech_eid: list[int] = []
        self._scan()

    # -- helpers
    def in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.q_starts, pos) - 1
        return i >= 0 and self.q_ranges[i][0] <= pos < self.q_ranges[i][1]

    def _key_tokens(self, name: str) -> list[str]:
        return list(key_tokens(name))

    def lookup_or_add(self, name: str, kind: str, role: str | None = None, honorific: str | None = None,
                      create: bool = True) -> int | None:
        toks = key_tokens(name)  # (cached tuple; only read here)
        if not toks:
            return None
        if honorific is None and role and role.lower().rstrip(".") in L.HONORIFICS:
            honorific = role  # a subject "Mrs. Dorne" arrives with the honorific as its role
        sur = toks[-1].replace("’s", "").replace("'s", "")
        cands = self.by_surname.get(sur, [])
        hit = None
        if len(toks) == 1 and kind == PERSON and len(cands) > 1:
            # a bare surname shared by several people ("Vance" after "Ivy Vance"): the
            # one the article already calls by the bare surname, else the one named first
            bare = [eid for eid in cands if self.ents[eid].kind == PERSON and self.ents[eid].bare]
            persons = [eid for eid in cands if self.ents[eid].kind == PERSON]
            h = (honorific or "").lower()
            hg = "m" if h in L.MALE_HONORIFICS else "f" if h in L.FEMALE_HONORIFICS else None
            if hg:  # "Mrs. Vance" is not Carl Vance
                bare = [eid for eid in bare if self.ents[eid].gender in (None, hg)]
                persons = [eid for eid in persons if self.ents[eid].gender in (None, hg)] or persons
            if bare:
                cands = bare[-1:]
            elif persons:
                cands = persons[:1]
        for eid in reversed(cands):
            e = self.ents[eid]
            if e.kind != kind and not (kind == PERSON and e.kind == ORGANISATION and len(toks) == 1):
                continue
            if len(toks) >= 2:
                # compare first names when both have them
                firsts = e.firsts
                if firsts and toks[0] not in firsts and not any(
                        f.startswith(toks[0].rstrip(".")) or toks[0].startswith(f) for f in firsts):
                    continue
            hit = eid
            break
        by_first_name = False
        if hit is None and len(toks) == 1 and kind == PERSON:
            # first-name reference ("Ada") to a known full name
            for eid in reversed(self.by_first.get(toks[0], [])):
                if self.ents[eid].kind == PERSON:
                    hit, by_first_name = eid, True
                    break
        if hit is None:
            if not create:
                return None
            hit = len(self.ents)
            self.ents.append(Entity(hit, kind))
            self.by_surname.setdefault(sur, []).append(hit)
        e = self.ents[hit]
        e.add(squash_spaces(name), role)
        if len(toks) == 1 and not honorific and kind == PERSON and not by_first_name:
            e.bare = True  # (called by the bare surname: "Freddy" is not "Trump")
        if len(toks) >= 2 and toks[0] not in e.firsts:
            e.firsts.add(toks[0])
            self.by_first.setdefault(toks[0], []).append(hit)
        if honorific:
            h = honorific.lower()
            if h in L.MALE_HONORIFICS:
                e.gender = "m"
            elif h in L.FEMALE_HONORIFICS:
                e.gender = "f"
        if role and e.gender is None and kind == PERSON:
            g = role_gender(role)  # "Congresswoman Ada Ruiz", "his wife, Jo"
            if g is not None:
                e.gender = g
        return hit

    def is_common_word(self, word: str) -> bool:
        """Is this capitalised word used in lower case elsewhere in the article, or is it
        the plural of one ('Audiences' opening a sentence, 'audience' elsewhere)?"""
        low = word.lower()
        if low.endswith("s") and len(low) > 4 and not low.endswith("ss"):
            if self._is_lower_word(low[:-1]) or (low.endswith("es") and self._is_lower_word(low[:-2])):
                return True
        return self._is_lower_word(low)

    def _is_lower_word(self, low: str) -> bool:
        if self._lower_words is None:
            found = lower_word_in(self.text, low)
            if found is not None:
                return found
            self._lower_words = set(LOWER_WORDS_RE.findall(self.text[:1_000_000]))
        return low in self._lower_words

    def add_mention(self, pos: int, eid: int) -> None:
        self.subject_pos.add(pos)
        self._salient_memo.pop(pos, None)
        if pos < self.spoke_at.get(eid, pos + 1):
            self.spoke_at[eid] = pos
        j = bisect.bisect_left(self.speech_pos, pos)
        self.speech_pos.insert(j, pos)
        self.speech_eid.insert(j, eid)
        i = bisect.bisect_left(self.mention_pos, pos)
        if i < len(self.mention_pos) and self.mention_pos[i] == pos:
            return
        self.mention_pos.insert(i, pos)
        self.mentions.insert(i, (pos, eid))

    def speaks_at(self, mp: int) -> bool:
        """Is the mention at mp directly followed by a speech verb ("…, even Mr. Lee says"),
        or does it follow one ("…, said Lee, a farmer")?"""
        m = MENTION_SPEAKS_RE.match(self.text, mp, mp + 90)
        if m is not None and self._after_preposition(mp):
            m = None  # ('Byrne, an agent for President Bill Clinton has written …': the object of 'for')
        if m is None and self._role_before(mp):
            m = APPOSED_SPEAKS_RE.match(self.text, mp, mp + 90)  # "The CEO, Zorida Pell, said"
        if m is not None and m.group(2).lower() in L.SPEECH_VERBS and not m.group(1).endswith(("’s", "'s")) \
                and not self.text.startswith(" to ", m.end(2)) and not (
                    m.group(2).endswith("ing") and _NOUN_OBJECT_RE.match(self.text, m.end(2))):
            return True  # not "Lee’s remarks", "Lee agreed to take part", "Lee claiming the nomination"
        m = WHO_SAID_RE.match(self.text, mp, mp + 260)
        if m is not None and m.group(1).lower() in L.SPEECH_VERBS:
            return True  # "Sen. Ada Fine of Ohio, the ranking Democrat, who said …"
        return self.said_before(mp)

    def _after_preposition(self, mp: int) -> bool:
        """Does a preposition come right before the name at mp (and its titles)?"""
        words = self.text[max(0, mp - 70):mp].split()
        while words and (is_cap(words[-1]) or words[-1].lower() in LOWER_ROLE):
            words.pop()
        return bool(words) and words[-1] in _PREPOSITIONS

    def said_before(self, mp: int) -> bool:
        """Inverted attribution: "…, said Pentagon spokesman Navy Capt. Lee" (not "told Lee")."""
        words = self.text[max(0, mp - 70):mp].split()
        while words and (is_cap(words[-1]) or words[-1].lower() in LOWER_ROLE
                         or words[-1].lower() in ADJ_ROLE_OK):
            words.pop()
        # the verb must follow a clause or quote ("…, said Lee"), else Lee starts reported
        # speech ("Holm said Lee has …")
        if not (len(words) >= 2 and words[-1] in L.SPEECH_VERBS and words[-1] not in ADDRESSEE_VERBS
                and words[-2].endswith((",", "”", '"', "''"))):
            return False
        # and the name ends the clause ("said Lee, a farmer."), not "…, said Lee was …"
        m = NAME_RUN_RE.match(self.text, mp, mp + 90)
        return m is not None and CLAUSE_END_RE.match(self.text, m.end()) is not None

    def is_subject_at(self, mp: int) -> bool:
        """Is the mention at mp the subject of its sentence (first noun phrase)?"""
        i = bisect.bisect_right(self.sent_starts, mp) - 1
        st = self.sent_starts[i] if i >= 0 else 0
        st = max(st, mp - 200, self.text.rfind("\n", max(0, mp - 200), mp) + 1)
        prefix = self.text[st:mp]
        if not prefix.strip():
            return True
        ms = _SUBORDINATOR_RE.match(prefix)
        if ms is not None and "," not in prefix[ms.end():]:  # ('When Trump arrived, Holm …': Holm's)
            m = NAME_RUN_RE.match(self.text, mp, mp + 90)
            if m is None or self.text.startswith(("’s", "'s"), m.end()):
                return False  # ('Because Trump’s remarks …': a possessive is no subject)
            prefix = prefix[ms.end():]
        mc = _CLAUSE_OPENING_RE.search(prefix)
        if mc is not None:
            prefix = prefix[mc.end():]  # '…, but Christie wasn't having it': a clause's subject
            if not prefix.strip():
                return True
        rest = prefix
        for k in range(3):  # ("The day before, at a rally in Leeds, Mr. Holm was …")
            m = INTRO_RE.match(rest if k == 0 else rest[:1].upper() + rest[1:])
            if not m or not m.end():
                break
            rest = rest[m.end():]
        for w in rest.split():
            lw = w.lower().strip(",")
            if not (lw in LOWER_ROLE or lw in ADJ_ROLE_OK or lw in _SUBJECT_LEAD_WORDS
                    or lw in L.HONORIFICS or (is_cap(w) and not w.endswith(","))
                    or lw in CONNECTORS):
                return False
        return True

    def resolve_pronoun(self, pronoun: str, pos: int, para_start_floor: int,
                        prefer: int | None = None, exclude: frozenset[int] = frozenset()) -> int | None:
        """The compatible person before pos that scores best as the antecedent
        (``antecedents``: salience, distance, …); never a mention inside quotes."""
        low = pronoun.lower()
        want = "m" if low in L.PRONOUNS_MALE else "f" if low in L.PRONOUNS_FEMALE else None
        cands = [c for c in self._antecedents(pos, para_start_floor, want) if c.eid not in exclude]
        if antecedents.TRACE is not None:
            for c in cands:
                c.names = tuple(self.ents[c.eid].forms)
        best = antecedents.choose(pos, cands)
        if best is not None:
            return best.eid
        if prefer is None and want is not None:
            # nobody of that gender: a person whose gender was only guessed from a first
            # name that the lists put the other way ("Jordan … she said") is the speaker
            # when that person is the nearest subject or speaker
            i = bisect.bisect_left(self.mention_pos, pos) - 1
            while i >= 0:
                mp, eid = self.mentions[i]
                if mp < para_start_floor:
                    break
                e = self.ents[eid]
                if e.kind == PERSON:
                    if e.gender != want and not e.name_gender:
                        return None  # someone known to be of the other gender comes first
                    if (mp in self.subject_pos or self.is_subject_at(mp) or self.speaks_at(mp)) and \
                            self._pronoun_follows(mp, want, i):
                        e.gender, e.name_gender = want, False
                        return eid
                i -= 1
        return prefer

    def _antecedents(self, pos: int, floor: int, want: str | None) -> list[antecedents.Antecedent]:
        """Each compatible person mentioned before pos (back to floor), at the mention that
        scores best, nearest person first. The walk stops once no farther mention could
        outscore the best so far (``antecedents.best_possible``)."""
        by_eid: dict[int, antecedents.Antecedent] = {}
        best = None
        para_start = self.text.rfind("\n", 0, pos) + 1
        k = bisect.bisect_left(self.speech_pos, pos) - 1
        last_speaker = self.speech_eid[k] if k >= 0 else None
        i = bisect.bisect_left(self.mention_pos, pos) - 1
        while i >= 0 and len(by_eid) < MAX_ANTECEDENTS:
            mp, eid = self.mentions[i]
            i -= 1
            if mp < floor:
                break
            e = self.ents[eid]
            if e.kind != PERSON or (want is not None and e.gender not in (None, want)):
                continue
            old = by_eid.get(eid)
            rank = len(by_eid) if old is None else int(old.features["rank"])
            if best is not None and antecedents.TRACE is None and antecedents.best_possible(pos - mp, rank) <= best:
                break
            feats = antecedents.features(
                salient=self._salient(mp), speaker=self.spoke_at.get(eid, pos) < pos,
                gender_known=want is not None and e.gender == want, distance=pos - mp,
                last_speaker=eid == last_speaker, rank=rank, paragraph=mp >= para_start)
            cand = antecedents.Antecedent(eid, mp, feats, antecedents.score(feats))
            if old is None or cand.score > old.score:
                by_eid[eid] = cand
                best = cand.score if best is None else max(best, cand.score)
        return sorted(by_eid.values(), key=lambda c: c.features["rank"])

    def _salient(self, mp: int) -> bool:
        hit = self._salient_memo.get(mp)
        if hit is None:
            hit = self._salient_memo[mp] = mp in self.subject_pos or self.is_subject_at(mp) or self.speaks_at(mp)
        return hit

    def _pronoun_follows(self, mp: int, want: str, i: int) -> bool:
        """'Varn said she …': the article itself uses the pronoun for the person mentioned
        at mp, in the same sentence and before anyone else is mentioned."""
        text = self.text
        stop = text.find(".", mp)
        stop = len(text) if stop < 0 else min(stop, mp + 200)
        if i + 1 < len(self.mentions):
            stop = min(stop, self.mentions[i + 1][0])
        pat = SHE_RE if want == "f" else HE_RE
        return pat.search(text, mp, stop) is not None

    def resolve_group(self, pos: int, floor: int) -> int | None:
        """'they said': the most recent organisation/group speaker."""
        i = bisect.bisect_left(self.org_pos, pos) - 1
        if i >= 0 and self.org_mentions[i][0] >= floor:
            return self.org_mentions[i][1]
        return None

    def add_org_mention(self, pos: int, eid: int) -> None:
        i = bisect.bisect_left(self.org_pos, pos)
        self.org_pos.insert(i, pos)
        self.org_mentions.insert(i, (pos, eid))

    def named_in_intro(self, pos: int, end: int) -> frozenset[int]:
        """The people named in the phrase that opens the sentence, when a name ends it just
        before ', ' at pos: in 'Speaking with Joe Ray and Ada Holm, the senator said' they
        are the phrase's objects, and the description that follows is somebody else."""
        if not self.text.endswith(", ", 0, pos) or not _VERB_NEXT_RE.match(self.text, end):
            return frozenset()  # ('Bush, Florida's former governor, said': an apposition)
        i = bisect.bisect_left(self.mention_pos, pos) - 1
        if i < 0:
            return frozenset()
        mp, eid = self.mentions[i]
        if pos - 2 - mp > 60 or not any(self.text.startswith(f, mp) and mp + len(f) in (pos - 2, pos - 4)
                                        for f in self.ents[eid].forms):
            return frozenset()
        k = bisect.bisect_right(self.sent_starts, pos) - 1
        start = self.sent_starts[k] if k >= 0 else 0
        out = set()
        while i >= 0 and self.mentions[i][0] >= start:
            out.add(self.mentions[i][1])
            i -= 1
        return frozenset(out)

    def role_conflicts(self, eid: int, desc: str) -> bool:
        """Do a description and the entity's roles name different parties ('the Democratic
        presidential candidate' is not the 'Republican front-runner')?"""
        party = {L.PARTY_OF[w.lower()] for w in desc.split() if w[:1].isupper() and w.lower() in L.PARTY_OF}
        if not party:
            return False
        theirs = {L.PARTY_OF[w.lower()] for w in " ".join(self.ents[eid].roles).split()
                  if w[:1].isupper() and w.lower() in L.PARTY_OF}
        return bool(theirs) and not (theirs & party)

    def resolve_desc(self, desc: str, pos: int, floor: int) -> int | None:
        words = [w.lower().strip(".,") for w in desc.split()]
        words = [w for w in words if w not in DETERMINERS]
        if not words:
            return None
        noun = words[-1]
        adjs = set(words[:-1])
        geo = {w.lower() for w in desc.split()[:-1] if w[:1].isupper() and w.lower() not in GENERIC_MODS
               and w.lower() not in DETERMINERS}
        i = bisect.bisect_left(self.mention_pos, pos) - 1
        best = None
        while i >= 0:
            mp, eid = self.mentions[i]
            if mp < floor:
                break
            e = self.ents[eid]
            roles = " ".join(e.roles).lower()
            for ab, full in ROLE_ABBREV.items():
                if ab in roles:
                    roles += " " + full
            if geo:
                rgeo = {w.lower() for w in " ".join(e.roles).split() if w[:1].isupper()
                        and w.lower() not in GENERIC_MODS}
                if rgeo and not (rgeo & geo):
                    i -= 1
                    continue
            rwords = roles.replace("-", " ").split()
            # ('the former president' is no 'Vice President')
            if ((" " in noun and noun in roles) or any(
                    w == noun and not (k and rwords[k - 1] in _UNDER_TITLES and rwords[k - 1] not in adjs)
                    for k, w in enumerate(rwords))) and not self.role_conflicts(eid, desc):
                if not adjs or any(a in roles for a in adjs) or best is None:
                    if not adjs or any(a in roles for a in adjs):
                        return eid
                    best = best if best is not None else eid
            i -= 1
        return best
