"""Stage 5a, the people an article mentions: one scan of its capitalised names.

``MentionScan._scan`` finds every name outside quotes that is a person ("Finance Minister
Ada Holm", "Holm", "Okafor said", "Lindqvist defied …") and records the mention with the
entity it belongs to; ``entities.Entities`` holds the entities and resolves pronouns and
descriptions to them.
"""

from __future__ import annotations

import bisect
import collections
import re

from .. import lexicon as L
from ..models import PERSON
from .text import ADJ_ROLE_OK, FUNCTION_WORDS, LOWER_ROLE, NOT_NAME, is_cap
from .phrases import INITIAL_RE, TITLE_ONLY, verbish
from .names import (
    APPOS_FOLLOWS_RE,
    LONE_SPEAKER_RE,
    LOWER_VERB_NEXT_RE,
    NAME_SEQ_RE,
    ROLE_COMMA_RE,
    SPEAKS_NEXT_RE,
    analyse_name_seq,
    clean_role,
    demonym,
    tokens_before,
)


# word endings of adjectives and participles: a headline's "Understated Perez …"
_ADJECTIVE_ENDINGS = ("ed", "ing", "ly", "ous", "ive", "al", "ful", "less", "able", "ible")
# ", a union that …", ", the hedge fund's flagship, …": the head noun of an apposition
_ORG_APPOSITION_RE = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w\-]+[ \t]+){0,3}?([a-z]+)\b"
                                r"(?=[ \t]+(?:that|which|of|in|for|based|with)\b|,|\.)")
_COMMA_WORD_RE = re.compile(r",[ \t]+([a-z][a-z\-]+)")


class MentionScan:
    """The scan that fills an ``Entities`` with its mentions (a mixin: the state is the
    entities'; these methods only read the text and add mentions)."""

    def _scan(self) -> None:
        text = self.text
        found = [(m.start(), m.end(), m.group()) for m in NAME_SEQ_RE.finditer(text)]
        # lone capitalised words that say something somewhere ("Okafor said", "Lindqvist told"):
        # people known by surname only
        speakers1: set[str] = set()
        seen1: set[str] = set()
        in_quote = self.in_quote
        subjects: list[tuple[str, int]] = []
        for m in LONE_SPEAKER_RE.finditer(text):
            w = m.group(1)
            lw = w.lower()
            if m.group(2) is None:
                if text[m.start(1) - 2:m.start(1) - 1] != ",":
                    subjects.append((w, m.start(1)))  # (not after a comma: the subject opens a sentence)
                continue
            if lw in seen1 or m.group(2) not in L.SPEECH_VERBS or in_quote(m.start(1)):
                continue
            seen1.add(lw)
            if lw not in NOT_NAME and lw not in L.PLACES and \
                    lw not in L.ORG_WORDS and lw not in LOWER_ROLE and not L.is_org_phrase(w) and \
                    not verbish(w) and any(
                        p[:1].islower() or p.lower().rstrip(".") in L.TITLES or p.lower().rstrip(".") in L.HONORIFICS
                        for p in tokens_before(text, w)):
                speakers1.add(lw)  # (also capitalised mid-sentence or after a title: a name)
        full_last: set[str] | None = None
        for w, at in subjects:
            # "Carson defied the question.": a capitalised word opening a sentence, before a
            # past-tense verb, is a person known by surname only when the article never
            # writes it in lower case nor gives a fuller name ending in it (that name
            # introduces the person where it stands), so that a later "he said" can find them
            lw = w.lower()
            if lw in seen1 or in_quote(at):
                continue
            seen1.add(lw)
            if lw in NOT_NAME or lw in L.PLACES or lw in L.ORG_WORDS or lw in LOWER_ROLE or lw in L.FIRST_NAMES or \
                    L.is_org_phrase(w) or verbish(w):
                continue
            if full_last is None:
                full_last = {g.rsplit(None, 1)[-1].lower() for _s, _e, g in found if " " in g or "\t" in g}
            if lw not in full_last and not self.is_common_word(w):
                speakers1.add(lw)
        single = [" " not in g and "\t" not in g for _s, _e, g in found]  # a lone capitalised word
        counts: collections.Counter = collections.Counter(
            g[:-2] if g.endswith(("’s", "'s")) else g for (_s, _e, g), one in zip(found, single) if one)
        for (_s, _e, g), one in zip(found, single):
            if not one:
                first, _, rest = g.partition(" ")
                if first.lower() in NOT_NAME and " " not in rest.strip() and "\t" not in rest:
                    w = rest.strip()
                    w = w[:-2] if w.endswith(("’s", "'s")) else w
                    counts[w] = counts.get(w, 0) + 1  # "But Holm"
        self._tokcount = counts
        cache: dict = {}
        memo: dict = {}
        by_surname, honorifics = self.by_surname, L.HONORIFICS
        q_starts, q_ranges = self.q_starts, self.q_ranges
        bisect_right = bisect.bisect_right
        for (m_start, m_end, g), one in zip(found, single):
            s = m_start
            if one:
                # fast path for lone capitalised words: only known surnames, or words
                # right after a title/honorific/lowercase role, can be person mentions
                low = g.lower()
                if low in NOT_NAME:
                    continue
                bare_low = (g[:-2] if g.endswith(("’s", "'s")) else g).lower()
                if bare_low not in by_surname and low not in honorifics and bare_low not in speakers1:
                    j = s - 1
                    if j < 0 or text[j] != " ":
                        continue
                    k = text.rfind(" ", max(0, j - 30), j)
                    prev = text[k + 1:j].lower()
                    if prev not in LOWER_ROLE and prev not in honorifics or demonym(bare_low):
                        continue  # ('the official Chinese news agency': a people's adjective)
            qi = bisect_right(q_starts, s) - 1  # (self.in_quote, inlined for the hot loop)
            if qi >= 0 and q_ranges[qi][0] <= s < q_ranges[qi][1]:
                continue
            info = cache.get(g, False)
            if info is False:
                info = cache[g] = analyse_name_seq(g)
            if info is None:
                continue
            words, role_toks, name_toks, hon, name = info
            # lowercase role words right before ("ministry spokesman Ivo Marek")
            lead: list[str] = []
            back = text[max(0, m_start - 80):m_start]
            back = back[back.rfind("\n") + 1:]
            bt = back.rsplit(" ", 6)  # (the same last pieces as split(" "): only five are read)
            if bt and bt[-1] == "":
                bt.pop()
                for w in reversed(bt[-5:]):
                    lw = w.lower()
                    if w and "\n" not in w and (lw in LOWER_ROLE or lw in ADJ_ROLE_OK or
                                                  (is_cap(w) and w[-1] not in ".,;:")) and \
                            lw not in NOT_NAME:
                        lead.insert(0, w)
                    else:
                        break
                while lead and lead[0][:1].isupper() and lead[0].lower() not in TITLE_ONLY and \
                        len(lead) > 1 and lead[1][:1].isupper() and lead[1].lower() not in TITLE_ONLY:
                    lead.pop(0)
                if lead and not any(x.lower() in LOWER_ROLE for x in lead):
                    lead = []
            role_toks = [t for t in lead + role_toks if t.lower() not in L.HONORIFICS]
            if len(name_toks) == 1 and role_toks and hon is None and not any(
                    t.lower() in L.ROLE_NOUNS for t in role_toks):
                sur = name_toks[0].lower().replace("’s", "").replace("'s", "")
                if not any(self.ents[e].kind == PERSON for e in by_surname.get(sur, ())):
                    continue
                role_toks = []  # ("the kind of campaign Ayotte hoped for": a known person; no role)
            if len(name_toks) >= 2 and not role_toks and hon is None and self._false_first_word(m_start, name_toks, name):
                name_toks = name_toks[1:]  # "Debating Clinton's Character": Clinton
                name = " ".join(name_toks)
                if name.endswith(("’s", "'s")):
                    name = name[:-2]
            first = name_toks[0].lower()
            if len(name_toks) == 1:
                # a lone name is a person when the article knows that person already,
                # or a role, an honorific or a speech verb goes with it
                sur = first.strip(".,").replace("’s", "").replace("'s", "")
                ents = self.ents
                known = any(ents[e].kind == PERSON for e in by_surname.get(sur, ()))
                if not known and not role_toks and hon is None and sur not in speakers1:
                    continue
            else:
                prev_word = text[max(0, m_start - 30):m_start].rstrip(" \t").rsplit(None, 1)
                prev_word = prev_word[-1] if prev_word else ""
                lead_lower = prev_word.isalpha() and prev_word.islower() and prev_word not in FUNCTION_WORDS \
                    and not verbish(prev_word)
                person = bool(role_toks) or hon is not None or lead_lower or (
                    first in L.FIRST_NAMES or self._reused(name_toks[-1])
                    or INITIAL_RE.fullmatch(name_toks[0]) is not None
                    or self._appos_follows(m_end) or self._role_before(m_start)
                    or self._speaks_next(m_end, name_toks) or self._opens_clause_as_subject(m_start, m_end, name_toks))
                if not person:
                    continue
            if any(t.isupper() and len(t) > 1 and "." not in t and t.lower() not in L.NAME_SUFFIXES for t in name_toks):
                continue  # acronyms are not people ("Joseph R. Murray II" is one)
            mo = _ORG_APPOSITION_RE.match(text, m_end, m_end + 60)
            if mo is not None and mo.group(1).lower() in L.ORG_WORDS:
                continue  # "National Nurses United, a union that …": an organisation
            role = clean_role(" ".join(role_toks)) if role_toks else None
            mkey = (name, role, hon)
            eid = memo.get(mkey) if len(name_toks) >= 2 else None
            if eid is None:
                eid = self.lookup_or_add(name, PERSON, role, hon)
                if len(name_toks) >= 2:
                    memo[mkey] = eid
            if eid is not None and len(name_toks) >= 2 and self.ents[eid].gender is None:
                if first in L.MALE_FIRST_NAMES and first not in L.FEMALE_FIRST_NAMES:
                    self.ents[eid].gender = "m"
                    self.ents[eid].name_gender = True
                elif first in L.FEMALE_FIRST_NAMES and first not in L.MALE_FIRST_NAMES:
                    self.ents[eid].gender = "f"
                    self.ents[eid].name_gender = True
            if eid is not None:
                off = g.find(name_toks[0])
                self.mentions.append((m_start + max(0, off), eid))
        self.mentions.sort()
        self.mention_pos = [p for p, _ in self.mentions]

    def _false_first_word(self, start: int, name_toks: list[str], name: str) -> bool:
        """Is the first word of a capitalised run not part of the name? A verb form opening
        the sentence ("Debating Clinton's Character"), or an adjective-looking word in the
        headline before a name the body uses without it ("Understated Perez raises …" over
        "Thomas Perez")."""
        first = name_toks[0]
        if first.lower() in L.FIRST_NAMES:
            return False
        before = self.text[max(0, start - 3):start].rstrip(" \t“\"‘'")
        opens = start < self.headline_end or not before or before[-1] in ".!?\n:"
        if opens and verbish(first):
            return True  # (a capital that only opens the sentence: not "Channing D. Phillips")
        if start >= self.headline_end or len(first) < 5 or not first.lower().endswith(_ADJECTIVE_ENDINGS):
            return False
        body = self.text[self.headline_end:]
        return name not in body and re.search(rf"(?<![\w’'-]){re.escape(name_toks[-1])}(?![\w-])", body) is not None

    def _reused(self, surname: str) -> bool:
        """Is the last word used on its own elsewhere ("Marek said")? People are; "War" is not."""
        sur = surname.replace("’s", "").replace("'s", "")
        if len(sur) < 3 or sur.lower() in L.TITLES or sur.lower() in L.ORG_WORDS:
            return False
        if self._tokcount is None:
            counts: dict[str, int] = {}
            for mm in NAME_SEQ_RE.finditer(self.text):
                ws = [w for w in mm.group().split() if w.lower() not in NOT_NAME]
                if len(ws) == 1:
                    w = ws[0].replace("’s", "").replace("'s", "")
                    counts[w] = counts.get(w, 0) + 1
            self._tokcount = counts
        return self._tokcount.get(sur, 0) >= 1

    def _role_before(self, pos: int) -> bool:
        """'The group's chief executive, Kim Farrow, said': a name apposed to a role."""
        m = ROLE_COMMA_RE.search(self.text, max(0, pos - 40), pos)
        return m is not None and m.group(1).lower() in LOWER_ROLE

    def _opens_clause_as_subject(self, start: int, end: int, name_toks: list[str]) -> bool:
        """'Kwame Osei runs a farm.' opening a paragraph: two or three capitalised words that
        no list knows, then a lowercase verb. A person, unless the words read as an
        organisation's or place's (the same test as for a speech verb)."""
        if not 2 <= len(name_toks) <= 3 or (start > 0 and self.text[start - 1] != "\n"):
            return False
        if LOWER_VERB_NEXT_RE.match(self.text, end) is None:
            return False
        return self._name_like(name_toks)

    def _name_like(self, name_toks: list[str]) -> bool:
        first = name_toks[0].lower()
        if len(first) > 4 and first.endswith(("ed", "ing", "al", "ic", "ive")):
            return False  # (adjectives and participles: "United", "Global", "Pacific")
        return not any(t.lower() in L.ORG_WORDS or t.lower() in L.PLACES or self.is_common_word(t)
                       for t in name_toks)

    def _speaks_next(self, pos: int, name_toks: list[str]) -> bool:
        """'Kwame Osei said …': a speech verb follows a name no first-name list knows. Not
        for words that read as an organisation's ('United Technologies said')."""
        return SPEAKS_NEXT_RE.match(self.text, pos) is not None and self._name_like(name_toks)

    def _appos_follows(self, pos: int) -> bool:
        """', a …', ', who …', ', 45,' or a role (', executive director of …') after the name."""
        if APPOS_FOLLOWS_RE.match(self.text[pos:pos + 12]):
            return True
        m = _COMMA_WORD_RE.match(self.text, pos, pos + 40)
        return m is not None and (m.group(1) in LOWER_ROLE or m.group(1) in ADJ_ROLE_OK)
