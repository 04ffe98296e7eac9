"""Deterministic synthetic news corpus for the scale benchmark.

    python benchmarks/corpus.py --quotes 10000 --seed 1 --out DIR

writes ``DIR/articles/*.txt`` (plain-text news articles, ~10-20 quotes each) and
``DIR/truth.jsonl`` (one line per quote: article, quote, speaker, role, shape, kind)
plus ``DIR/meta.json``.

Everything is derived from ``--seed``: the vocabulary, the speakers and every
article (article ``i`` is generated from its own RNG seeded by ``(seed, i)``), so
the same seed always gives byte-identical files, whatever ``--jobs`` is, and the
10k corpus is the first articles of the 100k corpus with the same seed.

Text model:
* vocabulary = a head of real English content words + thousands of pseudo-words
  built from syllables, per word class (noun, verb, adjective), sampled with a
  Zipf law (weight ~ 1/(rank+2.7)); function words are fixed lists;
* ~20 sentence shapes (statements, conditionals, negations, numbers, questions,
  contrasts, lists) combined into quotes of 2-80 words (fragments 2-5 words);
* a few thousand speakers (first name x syllable surname), each with a fixed role
  and organisation; organisations speak too ("the ministry said in a statement");
* every attribution shape of quotebot.models: after, before (incl. "said that"),
  pronoun, continuation paragraph, fragment verb, colon, according to.

Quotes are written between curly marks “…”; ``truth.jsonl`` holds the exact
characters between the marks.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import math
import os
import random
import shutil
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

VERSION = 2  # bump when the output for a seed changes

# --------------------------------------------------------------------------
# word lists (small, hand written; combined they give thousands of names)

FIRST_MALE = """James John Robert Michael David William Richard Joseph Thomas Charles Daniel
Matthew Anthony Mark Steven Paul Andrew Joshua Kevin Brian George Timothy Ronald Jason Edward
Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Frank Benjamin Gregory
Samuel Raymond Patrick Alexander Jack Dennis Jerry Tyler Aaron Henry Adam Peter Nathan Zachary
Walter Kyle Harold Carl Arthur Gerald Roger Keith Lawrence Terry Sean Albert Joe Christian Austin
Willie Jesse Ethan Billy Bruce Bryan Ralph Roy Jordan Eugene Wayne Louis Dylan Alan Juan Noah
Russell Harry Randy Philip Vincent Gabriel Bobby Johnny Howard Sergey Dmitry Ivan Alexei Mikhail
Olaf Emmanuel Pedro Luis Carlos Ahmed Omar Hassan Ali Tariq Kenji Hiroshi Wei Chen Jian Rahul
Arjun Vikram Kwame Kofi Jens Lars Anders Pieter Jan Tomasz Piotr Andrzej Viktor Yannis Nikos""".split()
FIRST_FEMALE = """Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy
Lisa Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa
Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela
Emma Nicole Helen Samantha Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather
Diane Ruth Julie Olivia Joyce Virginia Victoria Kelly Lauren Christina Joan Evelyn Judith Megan
Andrea Cheryl Hannah Jacqueline Martha Gloria Teresa Ann Sara Madison Frances Kathryn Janice
Jean Abigail Alice Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa
Diana Natalie Brittany Charlotte Marie Kayla Alexis Lori Ursula Annalena Kaja Ingrid Sanna Mette
Elena Olga Natalia Irina Tatiana Fatima Aisha Leila Yuki Mei Priya Ananya Amina Ngozi Agnieszka""".split()

ONSETS = "b br c ch d dr f fr g gr h j k kl l m n p pr r s sh st t tr v w z".split()
VOWELS = "a e i o u a e i o ai ei ou ia".split()
CODAS = ["", "", "", "n", "r", "l", "s", "k", "m", "t", "nd", "rt", "st", "v"]
SURNAME_ENDS = ["", "", "", "son", "ov", "ova", "ski", "er", "man", "ez", "elli", "berg", "ic", "ard", "ley"]

TITLES = """Foreign Minister|Defence Minister|Finance Minister|Interior Minister|Prime Minister|
President|Vice President|Deputy Foreign Minister|Secretary General|spokesperson|spokesman|
chief executive|chair|senior analyst|ambassador|senator|governor|mayor|general|commander|
director|professor|economist|chief negotiator|press secretary|lawmaker|board member|
union leader|police chief|health minister|trade representative|head of research""".replace(
    "\n", ""
).split("|")
TITLES = [t.strip() for t in TITLES if t.strip()]
ORG_KINDS = [
    "Ministry of {N}",
    "{P} Institute",
    "{P} Council",
    "{P} Group",
    "Bank of {P}",
    "{P} Alliance",
    "{P} Party",
    "University of {P}",
    "{P} Foundation",
    "{P} Federation",
    "{P} Agency",
    "{P} Times",
]
PLACES_REAL = """Moscow Kyiv Washington Brussels Geneva Vienna Berlin Paris London Warsaw Tokyo
Beijing Delhi Ankara Rome Madrid Oslo Helsinki Riga Vilnius Tallinn Prague Budapest Minsk""".split()

# real content words head the Zipf distributions; pseudo-words make the long tail
NOUNS_REAL = """government talks security people country war plan deal troops border
agreement proposal crisis question time year week day month leaders sanctions region alliance
market prices economy energy gas oil money budget election vote law court report
policy decision meeting process pressure risk threat future position side peace conflict
relations interests demands guarantees talks progress support situation response attack
weapons forces exercises defence expansion member members parliament minister officials
companies workers families children jobs taxes growth inflation trade exports imports rules
evidence investigation truth answer mistake problem solution step steps effort chance""".split()
VERBS_REAL = [  # base, 3rd person, past, participle, gerund
    ("accept", "accepts", "accepted", "accepted", "accepting"),
    ("reject", "rejects", "rejected", "rejected", "rejecting"),
    ("support", "supports", "supported", "supported", "supporting"),
    ("build", "builds", "built", "built", "building"),
    ("break", "breaks", "broke", "broken", "breaking"),
    ("make", "makes", "made", "made", "making"),
    ("take", "takes", "took", "taken", "taking"),
    ("give", "gives", "gave", "given", "giving"),
    ("allow", "allows", "allowed", "allowed", "allowing"),
    ("protect", "protects", "protected", "protected", "protecting"),
    ("change", "changes", "changed", "changed", "changing"),
    ("stop", "stops", "stopped", "stopped", "stopping"),
    ("discuss", "discusses", "discussed", "discussed", "discussing"),
    ("raise", "raises", "raised", "raised", "raising"),
    ("cut", "cuts", "cut", "cut", "cutting"),
    ("sign", "signs", "signed", "signed", "signing"),
    ("win", "wins", "won", "won", "winning"),
    ("lose", "loses", "lost", "lost", "losing"),
    ("need", "needs", "needed", "needed", "needing"),
    ("see", "sees", "saw", "seen", "seeing"),
    ("find", "finds", "found", "found", "finding"),
    ("defend", "defends", "defended", "defended", "defending"),
    ("respect", "respects", "respected", "respected", "respecting"),
    ("threaten", "threatens", "threatened", "threatened", "threatening"),
    ("expect", "expects", "expected", "expected", "expecting"),
]
ADJS_REAL = """new serious clear important difficult dangerous strong weak possible real
open fair free good bad long short major military economic political public national
global european regional historic unacceptable responsible ready necessary constructive
honest simple broad direct final full""".split()
ADVERBS = """clearly simply really certainly never always again now together already
quickly slowly openly firmly fully""".split()
DETS = ["the", "the", "the", "the", "a", "this", "our", "their", "every", "any", "that"]
PREPS = ["in", "in", "on", "for", "for", "with", "from", "about", "against", "without", "across", "under", "after", "before", "between"]
AUX = ["will", "can", "must", "should", "would", "could", "may"]
SUBJ_PRON = [("we", "p"), ("they", "p"), ("I", "1"), ("you", "p"), ("it", "s"), ("this", "s"), ("nobody", "s"), ("everyone", "s")]
NUM_WORDS = ["two", "three", "four", "five", "ten", "twelve", "twenty", "a hundred", "several"]
UNITS = ["percent", "troops", "people", "days", "years", "billion dollars", "million euros", "kilometres", "tonnes", "months", "jobs", "seats"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday", "last week", "this week", "earlier this month", "in a statement", "in an interview", "at a news conference", "in a speech", "late on Tuesday", "told reporters"]
SAID_AFTER = ["said", "said", "said", "said", "added", "told reporters", "insisted", "warned", "explained", "noted", "argued", "said in a statement", "told the agency"]
SAID_BEFORE = ["said", "said", "told reporters", "wrote", "declared", "said in a statement", "told parliament", "posted"]
FRAG_FRAMES = [
    "{S} called it a “{F}”",
    "{S} called the {N} “{F}”",
    "{S} described the {N} as “{F}”",
    "{S} warned of “{F}”",
    "{S} dismissed the {N} as “{F}”",
    "{S} spoke of “{F}”",
    "{S} promised “{F}”",
    "{S} denounced what {p} called “{F}”",
]
COLON_FRAMES = [
    "{S} was more specific in {pos} remarks:",
    "{S} put it bluntly:",
    "{S} went further:",
    "{S} had a simple message for the {N}:",
    "{S}’s answer was short:",
    "In {pos} closing remarks, {S} returned to the {N}:",
]


# --------------------------------------------------------------------------
def _zipf_cum(n: int, s: float = 1.0, q: float = 2.7) -> list[float]:
    acc, out = 0.0, []
    for r in range(n):
        acc += 1.0 / (r + 1 + q) ** s
        out.append(acc)
    return out


def _pseudo(rng: random.Random, syllables: tuple[int, int]) -> str:
    n = rng.randint(*syllables)
    parts = []
    for i in range(n):
        parts.append(rng.choice(ONSETS) + rng.choice(VOWELS) + (rng.choice(CODAS) if i == n - 1 or rng.random() < 0.3 else ""))
    return "".join(parts)


def _unique_pseudo(rng, count, syllables, taken: set[str], suffix: str = "") -> list[str]:
    out = []
    while len(out) < count:
        w = _pseudo(rng, syllables) + suffix
        if w in taken or len(w) < 4:
            continue
        taken.add(w)
        out.append(w)
    return out


class Lexicon:
    """Vocabulary, names, speakers and organisations; a pure function of the seed."""

    def __init__(self, seed: int, n_speakers: int = 3000):
        rng = random.Random(f"lexicon-{seed}")
        taken: set[str] = set(w.lower() for w in NOUNS_REAL + ADJS_REAL + ADVERBS)
        self.nouns = NOUNS_REAL + _unique_pseudo(rng, 9000, (1, 3), taken)
        verbs = list(VERBS_REAL)
        for base in _unique_pseudo(rng, 2500, (1, 2), taken):
            stem = base[:-1] if base.endswith("e") else base
            third = base + ("es" if base.endswith(("s", "sh", "ch")) else "s")
            verbs.append((base, third, stem + "ed", stem + "ed", stem + "ing"))
        self.verbs = verbs
        self.adjs = ADJS_REAL + [w + rng.choice(["al", "ive", "ous", "ic", "ful", "ent"]) for w in _unique_pseudo(rng, 3000, (1, 2), taken)]
        self.noun_cum = _zipf_cum(len(self.nouns))
        self.verb_cum = _zipf_cum(len(self.verbs))
        self.adj_cum = _zipf_cum(len(self.adjs))
        # places and organisations
        self.places = PLACES_REAL + [w.capitalize() for w in _unique_pseudo(rng, 400, (2, 3), taken)]
        orgs = []
        seen_org = set()
        while len(orgs) < 600:
            tmpl = rng.choice(ORG_KINDS)
            org = tmpl.format(N=rng.choice(["Defence", "Finance", "Health", "Energy", "Foreign Affairs", "Trade", "Labour", "Justice", "Transport"]) + (" of " + rng.choice(self.places) if rng.random() < 0.5 else ""), P=rng.choice(self.places))
            if org not in seen_org:
                seen_org.add(org)
                orgs.append(org)
        self.orgs = orgs
        # people: first name x generated surname, a fixed role and organisation each
        surnames = [w.capitalize() + rng.choice(SURNAME_ENDS) for w in _unique_pseudo(rng, 2600, (1, 3), taken)]
        surnames = list(dict.fromkeys(surnames))
        people, seen_names = [], set()
        while len(people) < n_speakers:
            female = rng.random() < 0.45
            first = rng.choice(FIRST_FEMALE if female else FIRST_MALE)
            last = rng.choice(surnames)
            name = f"{first} {last}"
            if name in seen_names:
                continue
            seen_names.add(name)
            title = rng.choice(TITLES)
            org = rng.choice(self.orgs)
            people.append({"name": name, "first": first, "last": last, "female": female, "title": title, "org": org})
        self.people = people
        self.people_cum = _zipf_cum(len(people), s=0.9, q=10)
        # organisations that speak for themselves
        self.org_speakers = self.orgs[:150]


# --------------------------------------------------------------------------
class Writer:
    """Generates one article with its RNG."""

    def __init__(self, lex: Lexicon, rng: random.Random):
        self.lex = lex
        self.rng = rng

    # words ---------------------------------------------------------------
    def noun(self) -> str:
        lex = self.lex
        return lex.nouns[bisect.bisect(lex.noun_cum, self.rng.random() * lex.noun_cum[-1])]

    def adj(self) -> str:
        lex = self.lex
        return lex.adjs[bisect.bisect(lex.adj_cum, self.rng.random() * lex.adj_cum[-1])]

    def verb(self) -> tuple[str, str, str, str, str]:
        lex = self.lex
        return lex.verbs[bisect.bisect(lex.verb_cum, self.rng.random() * lex.verb_cum[-1])]

    def number(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return str(self.rng.choice([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 50, 75, 90]))
        if r < 0.6:
            return f"{self.rng.randint(1, 99)},{self.rng.choice(['000', '500', '200', '750'])}"
        if r < 0.75:
            return f"{self.rng.randint(1, 9)}.{self.rng.randint(1, 9)}"
        return self.rng.choice(NUM_WORDS)

    def np(self, allow_pp: bool = True) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.12:
            return f"{self.number()} {rng.choice(UNITS)}"
        if r < 0.18:
            return rng.choice(self.lex.places)
        parts = [rng.choice(DETS)]
        if rng.random() < 0.4:
            parts.append(self.adj())
        parts.append(self.noun())
        if parts[0] == "a" and parts[1][0] in "aeiou":
            parts[0] = "an"
        if allow_pp and rng.random() < 0.3:
            parts.append(rng.choice(PREPS))
            parts.append(self.np(False))
        return " ".join(parts)

    def subj(self) -> tuple[str, str]:
        if self.rng.random() < 0.55:
            return self.rng.choice(SUBJ_PRON)
        np = self.np(False)
        return np, ("p" if np.split()[-1].endswith("s") else "s")

    # sentences -------------------------------------------------------------
    def sentence(self) -> str:
        rng = self.rng
        k = rng.randrange(20)
        s, num = self.subj()
        v = self.verb()
        if k < 4:  # modal, maybe negated
            neg = " not" if rng.random() < 0.35 else ""
            adv = f" {rng.choice(ADVERBS)}" if rng.random() < 0.2 else ""
            out = f"{s} {rng.choice(AUX)}{neg}{adv} {v[0]} {self.np()}"
        elif k < 7:  # present simple / past
            if rng.random() < 0.5:
                out = f"{s} {v[1] if num == 's' else v[0]} {self.np()}"
            else:
                out = f"{s} {v[2]} {self.np()} {rng.choice(PREPS)} {self.np(False)}"
        elif k == 7:
            be = "is" if num == "s" else ("am" if s == "I" else "are")
            neg = " not" if rng.random() < 0.4 else ""
            out = f"{s} {be}{neg} {self.adj()}"
        elif k == 8:
            out = f"there is no {self.noun()} for {self.np(False)}"
        elif k == 9:
            out = f"if {s} {v[1] if num == 's' else v[0]} {self.np()}, {self.subj()[0]} will {self.verb()[0]} {self.np()}"
        elif k == 10:
            out = f"it is {self.adj()} to {v[0]} {self.np()}"
        elif k == 11:
            out = f"this is not about {self.np(False)}, it is about {self.np(False)}"
        elif k == 12:
            out = f"more than {self.number()} {rng.choice(UNITS)} {rng.choice(['were', 'have been'])} {v[3]} in the last {self.number()} {rng.choice(['days', 'weeks', 'months', 'years'])}"
        elif k == 13:
            out = f"we have {rng.choice(['never', 'always', 'already', 'not'])} {v[3]} {self.np()}"
        elif k == 14:
            out = f"{s} {rng.choice(AUX)} {v[0]} {self.np()}, but {self.subj()[0]} {rng.choice(AUX)} not {self.verb()[0]} {self.np()}"
        elif k == 15:
            out = f"we {rng.choice(['will', 'cannot', 'do not', 'must'])} {v[0]} {self.np()} until {self.np(False)} {self.verb()[2]} {self.np(False)}"
        elif k == 16:
            out = f"the {self.noun()} {rng.choice(['is', 'was', 'remains'])} {self.adj()}, and {s} {rng.choice(['know', 'knows', 'see', 'said'])} it"
        elif k == 17:
            out = f"nobody {rng.choice(['wants', 'needs', 'expects'])} {self.np()}, {rng.choice(['least of all', 'not even', 'especially not'])} {self.np(False)}"
        elif k == 18:
            out = f"{self.np(False)}, {self.np(False)} and {self.np(False)} {rng.choice(['are', 'were', 'remain'])} {self.adj()}"
        else:
            out = f"{rng.choice(['why', 'how', 'when'])} {rng.choice(['would', 'should', 'can', 'will'])} {s} {v[0]} {self.np()}"
            return out[0].upper() + out[1:] + "?"
        return out[0].upper() + out[1:] + "."

    def quote_text(self, nwords: int) -> str:
        """One to several sentences, cut to about ``nwords`` words."""
        if nwords <= 5:
            return self.short_quote()
        sents, count = [], 0
        while count < nwords:
            s = self.sentence()
            w = s.split()
            if count + len(w) > nwords + 4 and sents:
                break
            if count + len(w) > nwords + 4:
                w = w[: max(nwords, 2)]
                s = " ".join(w).rstrip(",") + "."
            sents.append(s)
            count += len(w)
        return " ".join(sents)

    def short_quote(self) -> str:
        rng = self.rng
        k = rng.randrange(6)
        if k == 0:
            return f"It is {self.adj()}."
        if k == 1:
            return f"We will not {self.verb()[0]} it."
        if k == 2:
            return f"{self.adj().capitalize()} and {self.adj()}."
        if k == 3:
            return f"This {self.noun()} is {self.adj()}."
        if k == 4:
            return f"Never {self.verb()[0]} {self.noun()}!"
        return f"They {rng.choice(AUX)} {self.verb()[0]} {self.number()} {rng.choice(UNITS)}."

    def fragment(self) -> str:
        rng = self.rng
        r = rng.random()
        if r < 0.35:
            f = f"{self.adj()} {self.noun()}"
        elif r < 0.6:
            f = f"{self.adj()} and {self.adj()}"
        elif r < 0.8:
            f = f"a {self.adj()} {self.noun()} {rng.choice(PREPS)} {self.noun()}"
        else:
            f = f"{self.adj()} {self.noun()} {self.noun()}"
        return f

    def narrative(self) -> str:
        rng = self.rng
        sents = []
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(6)
            if k == 0:
                s = f"{self.np(False)} {self.verb()[2]} {self.np()} {rng.choice(DAYS[:10])}"
            elif k == 1:
                s = f"The {self.noun()} in {rng.choice(self.lex.places)} {rng.choice(['has', 'had'])} {self.verb()[3]} {self.np()}"
            elif k == 2:
                s = f"According to figures from the {rng.choice(self.lex.orgs)}, {self.number()} {rng.choice(UNITS)} were {self.verb()[3]} {rng.choice(PREPS)} {self.np(False)}"
            elif k == 3:
                s = f"Officials {self.verb()[2]} {self.np()} after {self.np(False)}"
            elif k == 4:
                s = f"It was not clear whether {self.np(False)} would {self.verb()[0]} {self.np()}"
            else:
                s = f"The {self.adj()} {self.noun()} {self.verb()[2]} {self.np()} and {self.verb()[2]} {self.np(False)}"
            sents.append(s[0].upper() + s[1:] + ".")
        return " ".join(sents)


def _nwords(rng: random.Random) -> int:
    """Quote length in words: mostly 8-35, a tail to 80, some very short."""
    r = rng.random()
    if r < 0.06:
        return rng.randint(2, 5)
    if r < 0.9:
        return max(6, min(80, int(rng.lognormvariate(math.log(18), 0.5))))
    return rng.randint(35, 80)


def _comma_end(q: str) -> str:
    """'We will go.' -> 'We will go,' (quote before an attribution); keep ? and !"""
    return q[:-1] + "," if q.endswith(".") else q


SHAPE_WEIGHTS = [
    ("after", 32),
    ("before", 14),
    ("said_that", 5),
    ("pronoun", 14),
    ("continuation", 9),
    ("fragment", 9),
    ("colon", 7),
    ("according", 10),
]
_SHAPE_NAMES = [s for s, _ in SHAPE_WEIGHTS]
_SHAPE_CUM = list(itertools.accumulate(w for _, w in SHAPE_WEIGHTS))


def make_article(lex: Lexicon, seed: int, idx: int, nquotes: int) -> tuple[str, str, list[dict]]:
    """-> (article id, text, truth rows)."""
    rng = random.Random(f"article-{seed}-{idx}")
    w = Writer(lex, rng)
    art_id = f"a{idx:07d}"
    # cast: 2-6 people (Zipfian popularity) and maybe an organisation
    cast = []
    for _ in range(rng.randint(2, 6)):
        p = lex.people[bisect.bisect(lex.people_cum, rng.random() * lex.people_cum[-1])]
        if p not in cast:
            cast.append(p)
    org_speaker = rng.choice(lex.org_speakers) if rng.random() < 0.3 else None
    introduced: set[str] = set()
    place = rng.choice(lex.places)
    headline = f"{place} {rng.choice(['rejects', 'weighs', 'backs', 'warns over', 'signals shift on', 'faces pressure over'])} {w.noun()} {rng.choice(['plan', 'talks', 'deal', 'vote', 'crisis', 'report'])}"
    if rng.random() < 0.3:
        headline = f"“{w.adj().capitalize()} {w.noun()}”: {headline}"  # headline scare quote, not attributed
        headline = headline.replace("“", "").replace("”", "")
    paras: list[str] = []
    if rng.random() < 0.5:
        paras.append(f"By {rng.choice(FIRST_FEMALE + FIRST_MALE)} {rng.choice(lex.people)['last']}")
    paras.append(f"{place.upper()} — " + w.narrative())
    truth: list[dict] = []

    def ref(p, first_in_sentence=True) -> str:
        """First mention: full name with role; later: surname."""
        if p["name"] not in introduced:
            introduced.add(p["name"])
            if rng.random() < 0.5:
                return f"{p['title'][0].upper() + p['title'][1:]} {p['name']}" if p["title"][0].isupper() else f"{p['name']}, {p['title']} at the {p['org']},"
            return f"{p['name']}, the {p['org']}’s {p['title']},"
        return p["last"] if rng.random() < 0.8 else ("Mr " if not p["female"] else "Ms ") + p["last"]

    def clean(ref_text: str) -> str:
        return ref_text.rstrip(",")

    def pron(p):
        return ("she", "her") if p["female"] else ("he", "his")

    def add(q: str, p, form: str, kind: str = "statement"):
        # shape: quotebot.models.SHAPES; form: the generator's finer variant (said_that, org)
        truth.append({"article": art_id, "quote": q, "speaker": p["name"] if isinstance(p, dict) else p, "role": p["title"] if isinstance(p, dict) else None,
                      "shape": "before" if form == "said_that" else form, "form": form if isinstance(p, dict) else "org_" + form, "kind": kind})

    last_speaker = None  # who spoke in the previous paragraph (for continuation / pronoun)
    made = 0
    while made < nquotes:
        if rng.random() < 0.35:
            paras.append(w.narrative())
            last_speaker = None
            continue
        shape = _SHAPE_NAMES[bisect.bisect(_SHAPE_CUM, rng.random() * _SHAPE_CUM[-1])]
        if shape in ("continuation", "pronoun") and last_speaker is None:
            shape = "after"
        if org_speaker and rng.random() < 0.12 and shape in ("after", "before", "according"):
            # an organisation speaks
            q = w.quote_text(_nwords(rng))
            if shape == "after":
                paras.append(f"“{_comma_end(q)}” the {org_speaker} said {rng.choice(DAYS)}.")
                add(_comma_end(q), org_speaker, "after")
            else:
                paras.append(f"The {org_speaker} said {rng.choice(DAYS[:10])}: “{q}”")
                add(q, org_speaker, "before")
            made += 1
            last_speaker = None
            continue
        p = last_speaker if shape in ("continuation", "pronoun") else rng.choice(cast)
        he, his = pron(p)
        if shape == "after":
            q = _comma_end(w.quote_text(_nwords(rng)))
            r = rng.random()
            if r < 0.4:
                paras.append(f"“{q}” said {clean(ref(p))}.")
            elif r < 0.8:
                paras.append(f"“{q}” {ref(p)} {rng.choice(SAID_AFTER)}.")
            else:
                lead = w.narrative()
                paras.append(f"{lead} “{q}” {ref(p)} said {rng.choice(DAYS)}.")
            add(q, p, "after")
        elif shape == "before":
            q = w.quote_text(_nwords(rng))
            r = rng.random()
            if r < 0.6:
                paras.append(f"{ref(p)} {rng.choice(SAID_BEFORE)}: “{q}”")
            else:
                paras.append(f"{ref(p)} said {rng.choice(DAYS[:10])}: “{q}”")
            add(q, p, "before")
        elif shape == "said_that":
            q = w.quote_text(max(4, _nwords(rng) // 2))
            q = q[0].lower() + q[1:]
            paras.append(f"{ref(p)} said that {w.np(False)} {w.verb()[2]} {w.np(False)} and {rng.choice(['warned', 'argued', 'added'])} that “{q}”")
            add(q, p, "said_that")
        elif shape == "pronoun":
            q = _comma_end(w.quote_text(_nwords(rng)))
            if rng.random() < 0.5:
                paras.append(f"“{q}” {he} {rng.choice(SAID_AFTER)}.")
            else:
                paras.append(f"“{q}” {he} said, adding that {w.np(False)} {w.verb()[2]} {w.np(False)}.")
            add(q, p, "pronoun")
        elif shape == "continuation":
            q = w.quote_text(_nwords(rng))
            paras.append(f"“{q}”")
            add(q, p, "continuation")
        elif shape == "fragment":
            f = w.fragment()
            frame = rng.choice(FRAG_FRAMES)
            if rng.random() < 0.5:  # American style: the full stop inside the marks
                f += "."
                sent = frame.format(S=ref(p), N=w.noun(), F=f, p=he)
                paras.append(sent + (" " + w.narrative() if rng.random() < 0.5 else ""))
            else:
                sent = frame.format(S=ref(p), N=w.noun(), F=f, p=he)
                paras.append(sent + "." + (" " + w.narrative() if rng.random() < 0.5 else ""))
            add(f, p, "fragment", "fragment")
        elif shape == "colon":
            q = w.quote_text(_nwords(rng))
            frame = rng.choice(COLON_FRAMES)
            if frame.startswith("{S}’s"):
                s = clean(ref(p)) if p["name"] in introduced else p["name"]
                introduced.add(p["name"])
                paras.append(frame.format(S=s, N=w.noun(), pos=his) + f" “{q}”")
            else:
                paras.append(frame.format(S=ref(p), N=w.noun(), pos=his) + f" “{q}”")
            add(q, p, "colon")
        elif shape == "according":
            q = w.quote_text(_nwords(rng))
            if rng.random() < 0.6:
                paras.append(f"According to {clean(ref(p))}, “{q}”")
            else:
                paras.append(f"{w.narrative()[:-1]}, according to {clean(ref(p))}, who said “{q}”")
            add(q, p, "according")
        made += 1
        last_speaker = p
    sep = "\n\n" if rng.random() < 0.8 else "\n"
    text = headline + "\n\n" + sep.join(paras) + "\n"
    return art_id, text, truth


# --------------------------------------------------------------------------
def plan(seed: int, quotes: int) -> list[int]:
    """Quotes per article (10-20), summing to exactly ``quotes``."""
    rng = random.Random(f"plan-{seed}")
    counts, total = [], 0
    while total < quotes:
        n = min(rng.randint(10, 20), quotes - total)
        counts.append(n)
        total += n
    return counts


_LEX: Lexicon | None = None
_LEX_SEED = None


def _lex(seed: int) -> Lexicon:
    global _LEX, _LEX_SEED
    if _LEX is None or _LEX_SEED != seed:
        _LEX, _LEX_SEED = Lexicon(seed), seed
    return _LEX


def _chunk(args) -> tuple[int, int, int]:
    seed, start, counts, art_dir, part_path = args
    lex = _lex(seed)
    nbytes = 0
    with open(part_path, "w", encoding="utf-8") as tf:
        for i, n in enumerate(counts):
            art_id, text, truth = make_article(lex, seed, start + i, n)
            data = text.encode("utf-8")
            with open(os.path.join(art_dir, art_id + ".txt"), "wb") as f:
                f.write(data)
            nbytes += len(data)
            for row in truth:
                tf.write(json.dumps(row, ensure_ascii=False) + "\n")
    return start, len(counts), nbytes


def generate(quotes: int, seed: int, out: str | os.PathLike, jobs: int | None = None, quiet: bool = False) -> dict:
    """Write the corpus; returns meta (also written to out/meta.json)."""
    out = Path(out)
    t0 = time.perf_counter()
    meta_path = out / "meta.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("quotes") == quotes and meta.get("seed") == seed and meta.get("complete") and meta.get("version") == VERSION:
            return meta
    if out.exists():
        shutil.rmtree(out)
    art_dir = out / "articles"
    art_dir.mkdir(parents=True)
    parts_dir = out / "parts"
    parts_dir.mkdir()
    counts = plan(seed, quotes)
    chunk = 400
    tasks = []
    for k, start in enumerate(range(0, len(counts), chunk)):
        tasks.append((seed, start, counts[start : start + chunk], str(art_dir), str(parts_dir / f"{k:06d}.jsonl")))
    jobs = jobs or os.cpu_count() or 1
    nbytes = 0
    if jobs > 1 and len(tasks) > 1:
        with ProcessPoolExecutor(jobs) as ex:
            for _, _, b in ex.map(_chunk, tasks):
                nbytes += b
    else:
        for t in tasks:
            nbytes += _chunk(t)[2]
    with open(out / "truth.jsonl", "wb") as tf:
        for t in tasks:
            with open(t[4], "rb") as pf:
                shutil.copyfileobj(pf, tf)
    shutil.rmtree(parts_dir)
    meta = {
        "quotes": quotes,
        "seed": seed,
        "articles": len(counts),
        "bytes": nbytes,
        "seconds": round(time.perf_counter() - t0, 2),
        "complete": True,
        "version": VERSION,
    }
    meta_path.write_text(json.dumps(meta, indent=1))
    if not quiet:
        print(f"corpus: {quotes} quotes in {len(counts)} articles, {nbytes / 1e6:.1f} MB, {meta['seconds']} s -> {out}", file=sys.stderr)
    return meta


def read_truth(out: str | os.PathLike) -> list[dict]:
    with open(Path(out) / "truth.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quotes", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--jobs", type=int, default=None, help="processes (default: all cores); output is identical")
    args = ap.parse_args(argv)
    generate(args.quotes, args.seed, args.out, jobs=args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
