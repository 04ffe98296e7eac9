#!/usr/bin/env python3
"""Score quotebot.extract against the PolNeAR training corpus (real, annotated news).

Usage:
    .venv/bin/python benchmarks/extraction.py [--corpus PATH] [--limit N]
        [--json out.json] [--show-misses N] [--show-wrong-speakers N] [--no-throughput]
        [--half even|odd] [--outlet NAME] [--cv outlet]

The corpus lives outside the repository (default: ../shared/corpora/polnear-train
relative to the repo root). When it is absent the script says so and exits 0.

``--half even|odd`` scores only half of the articles: those whose index in the
sorted list of article names is even (the development half: look at misses here)
or odd (the held-out half: report figures only, never tune on it). ``--limit``
applies after the split. Throughput uses the same selection.

``--outlet NAME`` scores one outlet only (the article name's prefix before the
first ``_``: breitbart, huff-post, nyt, politico, usa-today, wash-post,
west-journal). ``--cv outlet`` is leave-one-outlet-out cross-validation: each
outlet is scored on its own and the table gives every outlet, the mean over
outlets (each outlet weighs the same) and the worst one. The extractor has no
fitted parameters, so a fold's score is its outlet's score; what the table
guards against is rules tuned on some outlets' house style. A rule change
that lifts one outlet and lowers the mean is not a fix.

Scoring rules
=============
Gold direct quotes
    Every brat event ``E… Attribution:… Content:T… Source:T… Cue:T…`` gives a
    Content span (possibly discontinuous). Inside the range the Content covers, we
    pair quotation marks: curly “ ” and straight " (a straight mark opens when
    nothing is open, else closes). An opening mark with no closing mark before the
    end of the Content (or before a new opening mark, or a line break) runs to that
    point; a closing mark with nothing open, when it is the first mark, closes a
    quote that starts at the Content start. Single marks ‘ ’ and ' count only when
    the Content holds no double marks at all (a single-quoted quote, as in
    headlines); inside double quotes they are part of the text. Two straight single
    marks in a row ('') count as one double mark (the New York Times' house style). The gold quote text
    is the part between the marks, stripped of whitespace and a trailing comma;
    pieces that fall outside the Content's own segments (e.g. the "he said" between
    two parts of an interrupted quote) are not quotes. When several attributions
    contain the same quote (nested attributions), the one with the shortest Content
    wins — the innermost speaker said the words.
Gold indirect quotes
    Content spans that hold no quotation marks at all.
Gold speaker
    The annotated Source text. A Source is a *name* when its last word is
    capitalised (``Trump``, ``Sen. Ted Cruz``, ``the White House``), a *pronoun*
    when it is one (he, she, they, I, we, …), else a *description* (``the
    senator``, ``the Republican front-runner``). Pronouns and descriptions are
    resolved on the gold side: a description whose head noun occurs in the text as
    a title right before a name (``front-runner Donald Trump``) or as an apposition
    (``Donald Trump, the front-runner``) before the Source resolves to the nearest
    such name; otherwise pronouns and descriptions resolve to the nearest preceding
    *named* gold Source within 3,000 characters (``they``/``we`` prefer named
    Sources that look like organisations or groups; ``it`` takes only those, and is
    unknown without one); a relative pronoun (who,
    which, that) resolves to the capitalised name right before its comma
    (``Sen. Ada Holm, who declared``); sentence-initial mentions (after
    an optional introductory phrase) of people who are named Sources elsewhere in the
    article also count as antecedents, and he/she skip antecedents whose first name or
    honorific has the other gender. An unresolvable Source leaves
    the gold speaker unknown; such quotes count for P/R but not for speaker accuracy.
    Titles and honorifics are stripped from names (lexicon.TITLES, HONORIFICS).
Matching
    A predicted quote (kind statement/fragment for direct, paraphrase for indirect)
    matches a gold quote when their character spans overlap by at least half of the
    shorter span. Pairs are made one to one, greedily by overlap size.
Speaker correct
    Names are compared as lowercase word sets without titles, honorifics,
    determiners and possessive 's. Correct when the gold surname (last word) is in
    the predicted name, or the predicted surname is in the gold name, or — for
    organisations/groups — when they share any content word (``the Clinton
    campaign`` ~ ``Clinton campaign``). A missing predicted speaker is wrong. When
    nested attributions contain the same quote ("…," X said, according to CNN), the
    speaker counts as correct if it matches any of them; the report also gives the
    figure against the innermost attribution only, and the figure on the quotes whose
    annotated Source is itself a name (``spk-named``: no gold-side resolution involved).
    PolNeAR often annotates only the outer attribution and keeps the inner one inside
    its Content ('"…," Sanders said, according to CNN' is one event, Source CNN). The
    ``spk-inner`` figure also counts a predicted speaker as right when the Content's
    words outside the quote marks attribute it next to a speech verb ("Sanders said",
    "said Sanders", "Sanders writes", "according to Sanders"). It is reported beside
    the speaker figure, never in its place.
Shapes
    Precision per shape uses the predicted Quote.shape. Recall per shape uses a
    gold-side heuristic from the annotation geometry: pronoun/description Source
    -> pronoun; Source after the quote -> after; Cue ``according to`` -> according;
    Cue a fragment verb (called, described, …) -> fragment; Source in an earlier
    paragraph or missing -> continuation; text between Cue and quote ends with ':'
    and the Cue is not a speech verb -> colon; otherwise -> before.
Throughput
    Reading + extraction over the scored articles, one process, then a
    multiprocessing pool with one worker per core.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotebot import lexicon as L  # noqa: E402
from quotebot.articles import article_from_text  # noqa: E402
from quotebot.extract import extract_quotes  # noqa: E402
from quotebot.models import PARAPHRASE  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "polnear-train"

PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "us", "me",
            "his", "their", "its", "our", "my", "himself", "herself", "themselves", "who", "which",
            "that", "this", "one", "some", "others", "both", "many"}
DETS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our"}
STRIP_WORDS = L.TITLES | L.HONORIFICS | DETS | {"’s", "'s"}
ORGISH = L.ORG_WORDS | L.PLURAL_ROLE_NOUNS


# ----------------------------------------------------------------------------- gold
@dataclass
class TSpan:
    id: str
    kind: str
    segs: list[tuple[int, int]]
    text: str

    @property
    def start(self) -> int:
        return min(s for s, _ in self.segs)

    @property
    def end(self) -> int:
        return max(e for _, e in self.segs)


@dataclass
class Gold:
    start: int
    end: int
    text: str
    source: str | None
    speaker: str | None  # resolved name
    shape: str
    content_len: int
    direct: bool = True
    extra: dict = field(default_factory=dict)


def parse_ann(path: Path) -> tuple[dict[str, TSpan], list[dict[str, str]]]:
    ts: dict[str, TSpan] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            head = parts[1].split(" ", 1)
            kind = head[0]
            segs = []
            for seg in head[1].split(";"):
                a, b = seg.split()
                segs.append((int(a), int(b)))
            ts[parts[0]] = TSpan(parts[0], kind, segs, parts[2] if len(parts) > 2 else "")
        elif line.startswith("E"):
            parts = line.split("\t")
            roles = {}
            for item in parts[1].split():
                k, v = item.split(":", 1)
                roles[k.rstrip("0123456789")] = v
            events.append(roles)
    return ts, events


_DQ = "“”\""
_SQ = "‘’'"


def gold_quotes_in(text: str, segs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Quote inner spans inside a Content (see module docstring)."""
    lo = min(s for s, _ in segs)
    hi = max(e for _, e in segs)
    region = text[lo:hi]
    if "''" in region:
        # Two straight single marks stand for a double mark (New York Times style):
        # score on a copy where each pair is '"' plus a filler, so offsets stay put.
        text = text[:lo] + region.replace("''", '"\x00') + text[hi:]
        region = text[lo:hi]
    has_double = any(c in _DQ for c in region)
    out = []
    if has_double:
        open_at = None
        first = True
        for i in range(lo, hi):
            c = text[i]
            if c == "\n" and open_at is not None:
                out.append((open_at + 1, i))
                open_at = None
                continue
            if c not in _DQ:
                continue
            if c == "“" or (c == '"' and open_at is None):
                if open_at is not None:
                    out.append((open_at + 1, i))
                open_at = i
            else:  # closing
                if open_at is not None:
                    out.append((open_at + 1, i))
                    open_at = None
                elif first:
                    out.append((lo, i))
            first = False
        if open_at is not None:
            out.append((open_at + 1, hi))
    else:
        open_at = None
        for i in range(lo, hi):
            c = text[i]
            if c not in _SQ:
                continue
            p = text[i - 1] if i > 0 else " "
            n = text[i + 1] if i + 1 < len(text) else " "
            if p.isalnum() and n.isalnum():
                continue  # apostrophe
            if open_at is None and (c == "‘" or c == "'") and (not p.isalnum()) and not n.isspace():
                open_at = i
            elif open_at is not None and c in "’'" and not n.isalnum():
                out.append((open_at + 1, i))
                open_at = None
    res = []
    for a, b in out:
        while a < b and (text[a].isspace() or text[a] == "\x00"):
            a += 1
        while b > a and (text[b - 1].isspace() or text[b - 1] in ",;"):
            b -= 1
        if b - a < 1:
            continue
        inside = sum(max(0, min(b, e) - max(a, s)) for s, e in segs)
        if inside < 0.5 * (b - a):
            continue
        res.append((a, b))
    return res


def source_head(src: str) -> str:
    """'Jeff Weaver, Sanders' campaign manager,' -> 'Jeff Weaver'; 'the aide to X' -> 'the aide'."""
    head = src.strip().split(",")[0].strip() or src.strip()
    words = head.split()
    if words and words[0].lower() in DETS:
        m = re.match(r"(.*?)\s+(?:of|to|for|at|from|with|in|on|who|which|that)\s", head + " ")
        if m and m.group(1).split() and not m.group(1).split()[-1][:1].isupper():
            return m.group(1)
    return head


def source_class(src: str) -> str:
    src = source_head(src)
    words = [w for w in re.findall(r"[\w’'.\-]+", src)]
    if not words:
        return "none"
    low = [w.lower() for w in words]
    if all(w in PRONOUNS for w in low):
        return "pronoun"
    last = words[-1].replace("’s", "").replace("'s", "")
    if low[0] in DETS and last.lower() in ("republican", "democrat"):
        return "desc"  # 'the Utah Republican' is capitalised, but no name
    if last[:1].isupper() and last.lower() not in PRONOUNS:
        return "name"
    # "Trump's campaign", "the Clinton camp": a name inside an org description
    return "desc"


def clean_name(name: str) -> str:
    words = re.findall(r"[\w’'.\-]+", name)
    out = []
    for w in words:
        w2 = re.sub(r"(’s|'s)$", "", w)
        if w2.lower() in STRIP_WORDS or not w2:
            continue
        out.append(w2)
    return " ".join(out) if out else name.strip()


def name_tokens(name: str | None) -> list[str]:
    if not name:
        return []
    toks = _name_tokens(name)
    if not toks:  # everything was a title word ("the ministry"): keep the words
        toks = [w.lower().strip(".") for w in re.findall(r"[\w’'.\-]+", name) if w.lower() not in DETS]
    return toks


def _name_tokens(name: str) -> list[str]:
    toks = []
    words = re.findall(r"[\w’'.\-]+", name)
    for i, w in enumerate(words):
        w = re.sub(r"(’s|'s|’|')$", "", w).lower().strip(".")
        if not w or w in L.NAME_SUFFIXES:
            continue
        if w in STRIP_WORDS:
            # a title word is the surname itself after an honorific or a first name
            # ("Mr. King", "Matthew Prince"), not a title to strip
            prev = words[i - 1].lower().strip(".") if i > 0 else ""
            # (or after a first name and a middle name: "Anna Richardson White")
            first = words[0].lower().strip(".")
            if not (i == len(words) - 1 and w in L.TITLES and (
                    prev in L.HONORIFICS or prev in L.FIRST_NAMES or
                    (i >= 2 and first in L.FIRST_NAMES and prev not in STRIP_WORDS))):
                continue
        toks.append(w)
    return toks


def speaker_ok(pred: str | None, gold: str | None) -> bool:
    if not pred or not gold:
        return False
    if pred.split()[0].lower() in DETS:
        pred = source_head(pred)  # a description is compared by its head, as the gold side is
    pt, gt = name_tokens(pred), name_tokens(gold)
    if not pt or not gt:
        return pred.strip().lower() == gold.strip().lower()
    if gt[-1] in pt or pt[-1] in gt:
        return True
    orgy = any(t in ORGISH for t in pt + gt)
    return orgy and bool(set(pt) & set(gt))


def _gender(name: str, text: str) -> str | None:
    toks = name.split()
    if not toks:
        return None
    if len(toks) == 1:
        m = re.search(rf"\b(Mr|Mrs|Ms|Miss)\.?\s+{re.escape(toks[0])}\b", text)
        if m:
            return "m" if m.group(1) == "Mr" else "f"
        m = re.search(rf"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?{re.escape(toks[0])}\b", text)
        first = m.group(1).lower() if m else ""
    else:
        first = toks[0].lower()
    if first in L.MALE_FIRST_NAMES and first not in L.FEMALE_FIRST_NAMES:
        return "m"
    if first in L.FEMALE_FIRST_NAMES and first not in L.MALE_FIRST_NAMES:
        return "f"
    return None


_ANTECEDENT_RE = re.compile(r"((?:[A-Z][\w’'.\-]*\s+){0,4}[A-Z][\w’'\-]*\.?)"
                            r"(?:\s+(?:of|from)\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?)?"  # "Sen. Ada Holm of Ohio"
                            r"\s*(?:\([^()]{1,30}\)\s*)?,\s*$")


_TOLD_OBJECT_RE = re.compile(r"[ \t]+(?:told|asked|thanked|urged|warned|reminded|assured)[ \t]+"
                             r"(?:(?:Mr|Mrs|Ms|Dr)\.[ \t]+)?((?:[A-Z][\w’'\-]+[ \t]+){0,2}[A-Z][\w’'\-]+)")


def resolve_sources(text: str, ts: dict[str, TSpan], events: list[dict]) -> dict[str, str | None]:
    """Map Source T-id -> resolved speaker name (gold side)."""
    sources = sorted({ev["Source"] for ev in events if "Source" in ev and ev["Source"] in ts},
                     key=lambda t: ts[t].start)
    contents = [ts[ev["Content"]] for ev in events if ev.get("Content") in ts]
    named: list[tuple[int, str, bool]] = []  # (offset, clean name, orgish)
    resolved: dict[str, str | None] = {}
    # sentence-initial mentions of people who are named Sources somewhere in the article
    surnames = set()
    for sid in sources:
        if source_class(ts[sid].text) == "name":
            toks = clean_name(source_head(ts[sid].text)).split()
            if toks and not any(w in ORGISH for w in name_tokens(source_head(ts[sid].text))):
                surnames.add(toks[-1])
    initial: list[tuple[int, str]] = []
    if surnames:
        pat = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))\s*(?:(?:But|And|So|Yet|Still|Now|Then|Meanwhile|"
                         r"However|Also|Later|Earlier)\s*,?\s+|[A-Z][^.,;:“”\"\n]{0,60},\s+)?"
                         r"((?:[A-Z][\w’'.\-]*\s+){0,3}(%s))\b"
                         % "|".join(re.escape(x) for x in sorted(surnames)), re.M)
        for m in pat.finditer(text):
            if any(c.start <= m.start(2) < c.end for c in contents):
                continue
            initial.append((m.start(2), clean_name(m.group(1))))
    genders: dict[str, str] = {}
    for sid in sources:
        t = ts[sid]
        cls = source_class(t.text)
        if cls == "name":
            nm = clean_name(source_head(t.text))
            orgish = any(w in ORGISH for w in name_tokens(source_head(t.text))) or t.text.strip().isupper()
            named.append((t.start, nm, orgish))
            resolved[sid] = nm
            continue
        low = t.text.strip().lower()
        if low in ("i", "me", "my", "we", "us", "our"):
            resolved[sid] = None  # the writer or an unnamed group: not resolvable from the text
            continue
        if low in ("who", "whom", "which", "that"):
            m_ante = _ANTECEDENT_RE.search(text, max(0, t.start - 160), t.start)
            if m_ante:
                # a relative pronoun's antecedent is the name right before it
                # ("…, from Sen. Ada Holm, who declared …"), not the last named Source
                resolved[sid] = clean_name(m_ante.group(1))
                continue
        want = "m" if low in ("he", "him", "his") else "f" if low in ("she", "her") else None
        cands = [n for n in named if n[0] < t.start and t.start - n[0] <= 3000]
        cands += [(p, nm, False) for p, nm in initial if p < t.start and t.start - p <= 3000]
        cands.sort()
        mobj = _TOLD_OBJECT_RE.match(text, t.end)
        if mobj:
            # "he told Hannity": the one told is not the pronoun's referent
            told = mobj.group(1).split()[-1]
            cands = [n for n in cands if n[1].split()[-1] != told]
        if want:
            def ok(nm: str) -> bool:
                g = genders.get(nm.split()[-1]) or _gender(nm, text)
                return g in (None, want)
            cands = [c for c in cands if ok(c[1])]
        prev = cands
        app = re.search(r",\s+((?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]+)(?:\s+(?:of|from|at)\s+[^,]*)?\s*,?\s*$",
                        t.text) \
            if cls == "desc" else None
        if app:
            # The Source names the speaker in apposition ("Her chief policy aide, Jake
            # Sullivan,", "A top strategist, John Weaver,"): that name is the speaker.
            resolved[sid] = clean_name(app.group(1))
            continue
        if cls == "desc" and re.match(r"(?i)(?:a|an|one|another)\s", source_head(t.text)):
            # An indefinite description ("a Twitter spokesman", "one senior official")
            # introduces a new, unnamed speaker: it never corefers with an earlier named
            # Source; its speaker is the description itself.
            resolved[sid] = clean_name(source_head(t.text))
            continue
        if cls == "desc":
            head = re.findall(r"[\w’'\-]+", t.text)
            head_noun = head[-1].lower() if head else ""
            cand = None
            if head_noun and head_noun not in PRONOUNS:
                pat = re.compile(
                    rf"\b{re.escape(head_noun)}\s+((?:[A-Z][\w’'.\-]+\s+){{0,3}}[A-Z][\w’'\-]+)|"
                    rf"([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){{0,3}}),\s+(?:the|a|an)\s+[^,.;]{{0,60}}?\b{re.escape(head_noun)}\b",
                    re.IGNORECASE if head_noun.islower() is False else 0)
                for m in pat.finditer(text, max(0, t.start - 3000), t.start):
                    nm = m.group(1) or m.group(2)
                    if nm and nm[:1].isupper():
                        cand = clean_name(nm)
            if cand:
                resolved[sid] = cand
                continue
            if any(w[:1].isupper() for w in head[1:]) and head_noun in ORGISH:
                resolved[sid] = clean_name(t.text)  # "the Clinton campaign"
                continue
            if head_noun in L.PLURAL_ROLE_NOUNS or head_noun in L.ORG_WORDS:
                resolved[sid] = clean_name(t.text)  # "officials", "the campaign": a group
                continue
        if prev:
            if low in ("it", "its"):
                # "it" is never a person: the last organisation-like Source, else unknown
                orgs = [n for n in prev if n[2]]
                resolved[sid] = orgs[-1][1] if orgs else None
            elif low in ("they", "we", "them", "us", "their", "our"):
                orgs = [n for n in prev if n[2]]
                resolved[sid] = (orgs or prev)[-1][1]
            else:
                persons = [n for n in prev if not n[2]]
                resolved[sid] = (persons or prev)[-1][1]
                if want and resolved[sid]:
                    genders[resolved[sid].split()[-1]] = want
        else:
            resolved[sid] = None if cls == "pronoun" else clean_name(t.text)
    return resolved


def gold_shape(text: str, q: tuple[int, int], src: TSpan | None, cue: TSpan | None,
               src_cls: str) -> str:
    a, b = q
    if src is None:
        return "continuation"
    if src_cls in ("pronoun", "desc"):
        return "pronoun"
    if cue is not None and cue.text.strip().lower().startswith("according"):
        return "according"
    if src.start >= b:
        return "after"
    if text.count("\n", src.end, a) >= 1:
        return "continuation"
    cue_text = cue.text.strip().lower() if cue else ""
    last = cue_text.split()[-1] if cue_text.split() else ""
    if last in L.FRAGMENT_VERBS and last not in L.SPEECH_VERBS | {"called", "calls", "call"}:
        return "fragment"
    if last in ("called", "calls", "call", "dubbed", "branded", "labeled", "labelled", "referred",
                "described", "termed"):
        return "fragment"
    between = text[(cue.end if cue else src.end):a - 1].rstrip()
    if between.endswith(":") and last not in L.SPEECH_VERBS:
        return "colon"
    return "before"


def load_gold(text: str, ann: Path) -> tuple[list[Gold], list[Gold]]:
    ts, events = parse_ann(ann)
    resolved = resolve_sources(text, ts, events)
    direct: dict[tuple[int, int], Gold] = {}
    indirect: list[Gold] = []
    for ev in events:
        cid = ev.get("Content")
        if not cid or cid not in ts:
            continue
        c = ts[cid]
        src = ts.get(ev.get("Source", ""))
        cue = ts.get(ev.get("Cue", ""))
        spk = resolved.get(src.id) if src else None
        cls = source_class(src.text) if src else "none"
        clen = c.end - c.start
        qs = gold_quotes_in(text, c.segs)
        if not qs:
            if any(ch in _DQ for ch in text[c.start:c.end]):
                continue
            indirect.append(Gold(c.start, c.end, text[c.start:c.end], src.text if src else None, spk,
                                 "indirect", clen, direct=False))
            continue
        unquoted = _unquoted_words(text, c.segs, qs)
        for a, b in qs:
            g = Gold(a, b, text[a:b], src.text if src else None, spk,
                     gold_shape(text, (a, b), src, cue, cls), clen)
            old = direct.get((a, b))
            alts = (old.extra.get("alts", []) if old else []) + [spk]
            inner = (old.extra.get("unquoted", []) if old else []) + [unquoted]
            if old is None or clen < old.content_len:
                direct[(a, b)] = g
            direct[(a, b)].extra["alts"] = [x for x in alts if x]
            direct[(a, b)].extra["unquoted"] = inner
    return sorted(direct.values(), key=lambda g: g.start), indirect


def _unquoted_words(text: str, segs: list[tuple[int, int]], quotes: list[tuple[int, int]]) -> str:
    """The words of a Content's segments outside its quotes (the "Sanders said" a Content holds)."""
    out = []
    for s0, s1 in segs:
        pos = s0
        for a, b in sorted(quotes):
            if a >= s1 or b <= pos:
                continue
            out.append(text[pos:max(pos, a - 1)])
            pos = max(pos, b + 1)
        out.append(text[pos:s1])
    return " ".join(out)


_SPEECH_WORDS = "|".join(sorted((re.escape(v) for v in L.SPEECH_VERBS if v.replace(" ", "").isalpha()),
                                key=len, reverse=True))


_TITLE_WORDS = "|".join(sorted((re.escape(t) for t in L.TITLES | DETS if t.isalpha()), key=len, reverse=True))


def inner_attribution(pred: str | None, unquoted: list[str]) -> bool:
    """Do a Content's unquoted words attribute the quote to pred next to a speech verb?"""
    toks = name_tokens(pred)
    if not toks:
        return False
    name = re.escape(toks[-1])
    # "Sanders said", "said Sen. Bernie Sanders", "said Gowdy spokesman Jamal Ware"
    pat = re.compile(rf"\b(?i:{name})\s+(?:also\s+|then\s+|later\s+)?(?:{_SPEECH_WORDS})\b|"
                     rf"\b(?:{_SPEECH_WORDS}|according\s+to)\s+(?:(?:[A-Z][\w.’'\-]*|{_TITLE_WORDS})\s+){{0,4}}"
                     rf"(?i:{name})\b")
    return any(pat.search(u) for u in unquoted)


# ----------------------------------------------------------------------------- scoring
def overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def pair(preds: list, golds: list[Gold]) -> list[tuple[int, int]]:
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            ov = overlap(p.start, p.end, g.start, g.end)
            if ov <= 0:
                continue
            shorter = min(p.end - p.start, g.end - g.start) or 1
            if ov >= 0.5 * shorter:
                cands.append((ov, i, j))
    cands.sort(reverse=True)
    used_p, used_g, out = set(), set(), []
    for ov, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _ctx(text: str, a: int, b: int, width: int = 110) -> str:
    s = max(0, a - width)
    e = min(len(text), b + width)
    return (text[s:a] + "[[" + text[a:b] + "]]" + text[b:e]).replace("\n", " ⏎ ")


def outlet_of(name: str) -> str:
    return name.split("_", 1)[0]


def select(names: list[str], half: str | None, outlet: str | None = None) -> list[str]:
    """The even (dev) or odd (held-out) half of the sorted names, or all of them;
    only one outlet's articles when ``outlet`` is given."""
    names = sorted(n for n in names if outlet is None or outlet_of(n) == outlet)
    if half == "even":
        return names[0::2]
    if half == "odd":
        return names[1::2]
    return names


def score(corpus: Path, limit: int | None, show: int, show_wrong: int | None = None,
          half: str | None = None, outlet: str | None = None) -> dict:
    names = select([p.stem for p in (corpus / "text").glob("*.txt")], half, outlet)
    if limit:
        names = names[:limit]
    tot = Counter()
    shape_p = defaultdict(Counter)
    shape_r = defaultdict(Counter)
    misses, fps, wrong = [], [], []
    for name in names:
        raw = (corpus / "text" / f"{name}.txt").read_text(encoding="utf-8")
        ann = corpus / "attributions" / f"{name}.ann"
        if not ann.exists():
            continue
        art = article_from_text(name, raw)
        text = art.text
        if len(text) != len(raw):
            print(f"warning: {name}: cleaned text length differs; offsets may shift", file=sys.stderr)
        gd, gi = load_gold(raw, ann)
        qs = extract_quotes(art)
        pd = [q for q in qs if q.kind != PARAPHRASE]
        pi = [q for q in qs if q.kind == PARAPHRASE]
        pairs = pair(pd, gd)
        mp_ = {i for i, _ in pairs}
        mg = {j for _, j in pairs}
        tot["gold"] += len(gd)
        tot["pred"] += len(pd)
        tot["tp"] += len(pairs)
        for q in pd:
            shape_p[q.shape]["pred"] += 1
        for g in gd:
            shape_r[g.shape]["gold"] += 1
        for i, j in pairs:
            q, g = pd[i], gd[j]
            shape_p[q.shape]["tp"] += 1
            shape_r[g.shape]["tp"] += 1
            if g.speaker:
                tot["spk_n"] += 1
                strict = speaker_ok(q.speaker, g.speaker)
                ok = strict or any(speaker_ok(q.speaker, alt) for alt in g.extra.get("alts", []))
                tot["spk_ok"] += ok
                tot["spk_strict"] += strict
                tot["spk_inner_ok"] += ok or inner_attribution(q.speaker, g.extra.get("unquoted", []))
                if source_class(g.source or "") == "name":
                    # the annotation itself names the speaker: no gold-side resolution
                    tot["spk_named_n"] += 1
                    tot["spk_named_ok"] += ok
                shape_p[q.shape]["spk_n"] += 1
                shape_p[q.shape]["spk_ok"] += ok
                if not ok:
                    wrong.append((name, q, g, _ctx(text, q.start, q.end)))
        for j, g in enumerate(gd):
            if j not in mg:
                misses.append((name, g, _ctx(text, g.start, g.end)))
        for i, q in enumerate(pd):
            if i not in mp_:
                fps.append((name, q, _ctx(text, q.start, q.end)))
        ip = pair(pi, gi)
        tot["igold"] += len(gi)
        tot["ipred"] += len(pi)
        tot["itp"] += len(ip)
        for i, j in ip:
            if gi[j].speaker:
                tot["ispk_n"] += 1
                tot["ispk_ok"] += speaker_ok(pi[i].speaker, gi[j].speaker)
        tot["articles"] += 1

    def prf(tp, pred, gold):
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(p, 4), round(r, 4), round(f, 4)

    P, R, F = prf(tot["tp"], tot["pred"], tot["gold"])
    iP, iR, iF = prf(tot["itp"], tot["ipred"], tot["igold"])
    res = {
        "articles": tot["articles"],
        "direct": {"gold": tot["gold"], "pred": tot["pred"], "tp": tot["tp"], "precision": P,
                   "recall": R, "f1": F,
                   "speaker_accuracy": round(tot["spk_ok"] / tot["spk_n"], 4) if tot["spk_n"] else 0.0,
                   "speaker_accuracy_innermost_only": round(tot["spk_strict"] / tot["spk_n"], 4) if tot["spk_n"] else 0.0,
                   "speaker_accuracy_inner_cue": round(tot["spk_inner_ok"] / tot["spk_n"], 4) if tot["spk_n"] else 0.0,
                   "speaker_n": tot["spk_n"],
                   "speaker_accuracy_named_source":
                       round(tot["spk_named_ok"] / tot["spk_named_n"], 4) if tot["spk_named_n"] else 0.0,
                   "speaker_named_n": tot["spk_named_n"]},
        "indirect": {"gold": tot["igold"], "pred": tot["ipred"], "tp": tot["itp"], "precision": iP,
                     "recall": iR, "f1": iF,
                     "speaker_accuracy": round(tot["ispk_ok"] / tot["ispk_n"], 4) if tot["ispk_n"] else 0.0},
        "precision_by_predicted_shape": {
            k: {"pred": v["pred"], "precision": round(v["tp"] / v["pred"], 4) if v["pred"] else 0.0,
                "speaker_accuracy": round(v["spk_ok"] / v["spk_n"], 4) if v["spk_n"] else None}
            for k, v in sorted(shape_p.items())},
        "recall_by_gold_shape": {
            k: {"gold": v["gold"], "recall": round(v["tp"] / v["gold"], 4) if v["gold"] else 0.0}
            for k, v in sorted(shape_r.items())},
    }
    if show:
        print(f"\n--- {min(show, len(misses))} of {len(misses)} missed gold quotes ---")
        for name, g, ctx in misses[:show]:
            print(f"* {name} [{g.shape}] speaker={g.speaker!r} src={g.source!r}\n    {ctx}")
        print(f"\n--- {min(show, len(fps))} of {len(fps)} false positives ---")
        for name, q, ctx in fps[:show]:
            print(f"* {name} [{q.shape}/{q.kind}] speaker={q.speaker!r}\n    {ctx}")
    nw = show if show_wrong is None else show_wrong
    if nw:
        print(f"\n--- {min(nw, len(wrong))} of {len(wrong)} wrong speakers ---")
        for name, q, g, ctx in wrong[:nw]:
            print(f"* {name} [{q.shape}] pred={q.speaker!r} gold={g.speaker!r} (src={g.source!r})\n    {ctx}")
    return res


def _work(path: str) -> int:
    raw = Path(path).read_bytes()
    art = article_from_text(Path(path).stem, raw)
    return len(extract_quotes(art))


def throughput(corpus: Path, limit: int | None, half: str | None = None, outlet: str | None = None) -> dict:
    paths = [str(corpus / "text" / f"{n}.txt")
             for n in select([p.stem for p in (corpus / "text").glob("*.txt")], half, outlet)]
    if limit:
        paths = paths[:limit]
    mb = sum(os.path.getsize(p) for p in paths) / 1e6
    t0 = time.perf_counter()
    for p in paths:
        _work(p)
    t1 = time.perf_counter() - t0
    cores = os.cpu_count() or 1
    t0 = time.perf_counter()
    with mp.Pool(cores) as pool:
        list(pool.imap_unordered(_work, paths, chunksize=8))
    tn = time.perf_counter() - t0
    return {"articles": len(paths), "mb": round(mb, 3),
            "one_process": {"seconds": round(t1, 3), "articles_per_s": round(len(paths) / t1, 1),
                            "mb_per_s": round(mb / t1, 3)},
            "all_cores": {"cores": cores, "seconds": round(tn, 3),
                          "articles_per_s": round(len(paths) / tn, 1), "mb_per_s": round(mb / tn, 3)}}


CV_COLUMNS = (("f1", "F1"), ("precision", "P"), ("recall", "R"), ("speaker_accuracy", "speaker"),
              ("speaker_accuracy_named_source", "spk-named"), ("speaker_accuracy_inner_cue", "spk-inner"))


def cross_validate(corpus: Path, args) -> int:
    """Leave-one-outlet-out: one row per held-out outlet, then the mean and the worst."""
    outlets = sorted({outlet_of(p.stem) for p in (corpus / "text").glob("*.txt")})
    rows = {}
    for outlet in outlets:
        res = score(corpus, args.limit, 0, 0, args.half, outlet)
        rows[outlet] = {**{k: res["direct"][k] for k, _ in CV_COLUMNS},
                        "articles": res["articles"], "gold": res["direct"]["gold"],
                        "indirect_recall": res["indirect"]["recall"]}
    mean = {k: round(sum(r[k] for r in rows.values()) / len(rows), 4) for k, _ in CV_COLUMNS}
    worst = {k: min(rows, key=lambda o: rows[o][k]) for k, _ in CV_COLUMNS}
    print(f"\nPolNeAR leave-one-outlet-out, direct quotes ({sum(r['articles'] for r in rows.values())} articles)")
    print(f"{'held-out outlet':16s} {'articles':>8s} {'gold':>6s} " + " ".join(f"{h:>8s}" for _, h in CV_COLUMNS))
    for outlet, r in rows.items():
        print(f"{outlet:16s} {r['articles']:8d} {r['gold']:6d} " + " ".join(f"{r[k]:8.3f}" for k, _ in CV_COLUMNS))
    print(f"{'mean of outlets':16s} {'':8s} {'':6s} " + " ".join(f"{mean[k]:8.3f}" for k, _ in CV_COLUMNS))
    print(f"{'worst outlet':16s} {'':8s} {'':6s} " + " ".join(f"{rows[worst[k]][k]:8.3f}" for k, _ in CV_COLUMNS))
    print(f"{'(which)':16s} {'':8s} {'':6s} " + " ".join(f"{worst[k][:8]:>8s}" for k, _ in CV_COLUMNS))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"outlets": rows, "mean": mean,
                                         "worst": {k: {"outlet": o, "value": rows[o][k]} for k, o in worst.items()}},
                                        indent=2))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--show-misses", type=int, default=15)
    ap.add_argument("--show-wrong-speakers", type=int, default=None,
                    help="how many wrong-speaker examples to print (default: --show-misses)")
    ap.add_argument("--no-throughput", action="store_true")
    ap.add_argument("--half", choices=("even", "odd"), default=None,
                    help="score only the even-indexed (dev) or odd-indexed (held-out) articles "
                         "of the sorted article list")
    ap.add_argument("--outlet", default=None, help="score only this outlet's articles (e.g. nyt)")
    ap.add_argument("--cv", choices=("outlet",), default=None,
                    help="leave-one-outlet-out: score each outlet on its own; print the table, "
                         "the mean over outlets and the worst outlet")
    args = ap.parse_args(argv)
    corpus = args.corpus
    if not (corpus / "text").is_dir() or not (corpus / "attributions").is_dir():
        print(f"corpus not found at {corpus} (expected text/ and attributions/); nothing to score.")
        return 0
    if args.cv == "outlet":
        return cross_validate(corpus, args)
    res = score(corpus, args.limit, args.show_misses, args.show_wrong_speakers, args.half, args.outlet)
    if not args.no_throughput:
        res["throughput"] = throughput(corpus, args.limit, args.half, args.outlet)
    d, i = res["direct"], res["indirect"]
    which = ", ".join(x for x in (args.outlet, args.half and args.half + " half") if x)
    print(f"\nPolNeAR ({res['articles']} articles{', ' + which if which else ''})")
    print(f"direct quotes: P={d['precision']:.3f} R={d['recall']:.3f} F1={d['f1']:.3f} "
          f"(gold {d['gold']}, pred {d['pred']}, tp {d['tp']}); "
          f"speaker accuracy={d['speaker_accuracy']:.3f} (innermost attribution only: "
          f"{d['speaker_accuracy_innermost_only']:.3f}; accepting an attribution inside the annotated "
          f"Content: {d['speaker_accuracy_inner_cue']:.3f}) on {d['speaker_n']} matched with known speaker; "
          f"where the annotated Source is a name: {d['speaker_accuracy_named_source']:.3f} "
          f"on {d['speaker_named_n']}")
    print(f"indirect (paraphrase): P={i['precision']:.3f} R={i['recall']:.3f} F1={i['f1']:.3f} "
          f"(gold {i['gold']}, pred {i['pred']}); speaker accuracy={i['speaker_accuracy']:.3f}")
    print("precision by predicted shape:")
    for k, v in res["precision_by_predicted_shape"].items():
        print(f"  {k:13s} n={v['pred']:5d} P={v['precision']:.3f} speaker={v['speaker_accuracy']}")
    print("recall by gold shape (heuristic):")
    for k, v in res["recall_by_gold_shape"].items():
        print(f"  {k:13s} n={v['gold']:5d} R={v['recall']:.3f}")
    if "throughput" in res:
        t = res["throughput"]
        print(f"throughput: 1 process {t['one_process']['articles_per_s']} articles/s, "
              f"{t['one_process']['mb_per_s']} MB/s; {t['all_cores']['cores']} cores "
              f"{t['all_cores']['articles_per_s']} articles/s, {t['all_cores']['mb_per_s']} MB/s")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(res, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
