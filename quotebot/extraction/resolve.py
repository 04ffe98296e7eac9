"""Stage 5b, resolution: one speaker per quote, and the ``Quote`` row.

``resolve_subject`` turns a candidate ``Subj`` into one of the article's entities
(a name by its key tokens, a pronoun or description by the nearest compatible
mention); ``make_quote`` builds the row with canonical speaker, role, aliases and the
sentence around it; ``refresh`` re-reads a row's speaker once every mention is known. ``it_antecedent`` and
``doc_antecedent_issuer`` find who stands behind "it", "they" and a document that speaks.
"""

from __future__ import annotations

import bisect
import re

from .. import lexicon as L
from ..models import ORGANISATION, PERSON, SHAPE_AFTER, SHAPE_CONTINUATION, SHAPE_PRONOUN, STATEMENT, UNKNOWN, Quote
from .text import CAPW, NOT_NAME, SENT_BOUNDARY_RE, SPEECH_RE, is_abbrev_boundary, split_sentences
from .spans import Span
from .candidates import Subj, subject_before
from .after_candidates import DOC_HEADS, sentence_subject
from .cues import DOC_OBJECT_RE
from .entities import Entities


# --------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------
_THE_LOWER_RE = re.compile(r"(?:the|The)\s+[a-z]")
_LEAD_THE_RE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE_RE = re.compile(r"([\w.\-]+)[’']s\s")
_SERVED_RE = re.compile(r"\s(?:to|for)\s+((?:[A-Z][\w.’'\-]*\s+)*[A-Z][\w’'\-]+)$")


_SUBORD_PRONOUN_RE = re.compile(r"[ \t]*(?:After|When|Before|While|Although|Though|Because|Since|Until|Once|As|If)"
                                r"[ \t]+(?:he|she)\b")
_CLAUSE_COMMA_RE = re.compile(r",[”\"’']?[ \t]+(?=[A-Z])")


def cataphor(ents: Entities, subj: Subj) -> int | None:
    """'After he blasted the film as "pro-gay," Pastor Ada Holm turned to …': a pronoun
    opening a sentence's subordinate clause is the person who opens its main clause."""
    text = ents.text
    k = bisect.bisect_right(ents.sent_starts, subj.start) - 1
    m = _SUBORD_PRONOUN_RE.match(text, ents.sent_starts[k] if k >= 0 else 0)
    if m is None or m.end() != subj.end:
        return None
    want = "m" if subj.phrase.lower() == "he" else "f"
    pos = subj.end
    for _ in range(3):  # (a comma inside the quote is not the clause's)
        c = _CLAUSE_COMMA_RE.search(text, pos, min(len(text), subj.end + 300))
        if c is None or any(ch in text[subj.end:c.start()] for ch in ".;!?\n"):
            return None
        i = bisect.bisect_left(ents.mention_pos, c.end())
        if i < len(ents.mentions) and ents.mentions[i][0] - c.end() <= 25:
            mp, eid = ents.mentions[i]
            e = ents.ents[eid]
            if e.kind == PERSON and e.gender in (None, want) and "," not in text[c.end():mp]:
                return eid
        pos = c.end()
    return None


_ASKED_RE = re.compile(r"[ \t]+(?:then[ \t]+|later[ \t]+|also[ \t]+)?asked[ \t]+(?:[A-Z][\w.]*\.[ \t]+)?$")
_ASKED_WHAT_RE = re.compile(r"[^.;:!?\n]{0,40}?[ \t](?:whether|if|about|why|how|what|which|when|where|who)\b")


def the_one_asked(ents: Entities, subj: Subj) -> int | None:
    """'Holm asked Reyes whether … .' then '"…," he said': the one asked answers, when the
    question is the last mention of a person before the pronoun (in its paragraph or the
    one before) and both could be 'he'."""
    text = ents.text
    want = "m" if subj.phrase.lower() == "he" else "f" if subj.phrase.lower() == "she" else None
    if want is None:
        return None
    para = text.rfind("\n", 0, subj.start)
    lo = text.rfind("\n", 0, max(0, para - 1)) if para > 0 else 0
    lo = max(lo, subj.start - 800)
    i = bisect.bisect_left(ents.mention_pos, subj.start) - 1
    if i < 1 or ents.mentions[i][0] < lo:
        return None
    mp, eid = ents.mentions[i]
    pp, prev = ents.mentions[i - 1]
    e = ents.ents[eid]
    if pp < lo or prev == eid or e.kind != PERSON or e.gender not in (None, want):
        return None
    gap = text[pp:mp]
    if len(gap) < 60 and not any(ch in gap for ch in ".;!?\n“”\"") and _ASKED_RE.search(gap) and \
            _ASKED_WHAT_RE.match(text, mp):
        return eid  # (the asker's name right before "asked": not 'a young man asked Clinton')
    return None


def resolve_subject(ents: Entities, subj: Subj, pos: int, floor: int) -> tuple[int | None, str | None, str]:
    """Map a subject to (entity id, fallback speaker text, speaker kind)."""
    if subj.kind == "pronoun":
        if subj.phrase.lower() in ("they", "we"):
            eid = ents.resolve_group(subj.start, max(floor, subj.start - 1500))
            return eid, None, ORGANISATION
        if subj.phrase.lower() == "i":
            return None, ents.author, PERSON
        eid = cataphor(ents, subj)
        if eid is None:
            eid = ents.resolve_pronoun(subj.phrase, subj.start, floor)
            asked = the_one_asked(ents, subj)
            if asked is not None and eid is not None and asked != eid:
                eid = asked
        if eid is not None and subj.phrase.lower() in ("he", "she") and ents.ents[eid].gender is None:
            ents.ents[eid].gender = "m" if subj.phrase.lower() == "he" else "f"
        if eid is not None:
            ents.add_mention(subj.start, eid)  # the speaker stays salient
        return eid, None, PERSON
    if subj.kind == "desc" and " " not in subj.phrase and subj.phrase[:1].isupper() and any(
            ents.ents[e].kind == PERSON for e in ents.by_surname.get(subj.phrase.lower(), ())):
        # "King says …" after "Billie Jean King": a title word that is the surname of
        # someone the article named is that person, not a description
        subj = Subj(subj.phrase, "name", subj.start, subj.end, subj.role)
    if subj.kind == "desc" and subj.phrase.split()[0].lower() in ("a", "an", "one", "another", "some"):
        # "said a New Hampshire Democrat": a new, unnamed person, not someone named earlier
        return None, subj.phrase, PERSON
    if subj.kind == "desc":
        eid = ents.resolve_desc(subj.phrase, subj.start, floor)
        owner = _POSSESSIVE_RE.search(subj.phrase) or _SERVED_RE.search(subj.phrase)
        if eid is None and (owner is None or owner.group(1)[:1].isupper()):
            # "the businessman said": the salient person, when no role matches; not the
            # person whose spokesman it is ('Rubio's deputy campaign manager', 'an aide to
            # Rubio'), and nobody
            # for a thing's ('the ad's narrator', 'the group's chairman')
            exclude = ents.named_in_intro(subj.start, subj.end)
            if owner is not None:
                words = owner.group(1).split()
                while len(words) > 1 and (words[0].lower().rstrip(".") in L.TITLES or
                                          words[0].lower().rstrip(".") in L.HONORIFICS):
                    words = words[1:]  # ('President George W. Bush')
                who = ents.lookup_or_add(" ".join(words), PERSON, create=False)
                exclude = exclude | {who} if who is not None else exclude
            eid = ents.resolve_pronoun("", subj.start, max(floor, subj.start - 1500), exclude=exclude)
            for _ in range(3):
                if eid is None or not ents.role_conflicts(eid, subj.phrase):
                    break
                exclude = exclude | {eid}  # (a 'Republican' is not 'the Democratic candidate')
                eid = ents.resolve_pronoun("", subj.start, max(floor, subj.start - 1500), exclude=exclude)
        if eid is not None:
            return eid, None, PERSON
        return None, subj.phrase, PERSON
    if subj.kind == "org":
        name = subj.phrase
        if not _THE_LOWER_RE.match(name):
            name = _LEAD_THE_RE.sub("", name)  # "the Treasury" -> "Treasury"; "the ad" stays
        eid = ents.lookup_or_add(name, ORGANISATION, None)
        if eid is not None:
            ents.add_org_mention(subj.start, eid)
        return eid, name, ORGANISATION
    if " " not in subj.phrase and ents.is_common_word(subj.phrase) and \
            not ents.by_surname.get(subj.phrase.lower().replace("’s", "").replace("'s", "")):
        return None, None, UNKNOWN  # "Audiences said": a capitalised common word, not a name
    eid = ents.lookup_or_add(subj.phrase, PERSON, subj.role)
    if eid is not None:
        ents.add_mention(subj.start, eid)
    return eid, subj.phrase, PERSON


def sentence_for(text: str, sent_starts: list[int], sent_spans: list[tuple[int, int]], a: int, b: int) -> str:
    if not sent_spans:
        return ""
    i = max(0, bisect.bisect_right(sent_starts, a) - 1)
    j = max(i, bisect.bisect_right(sent_starts, max(a, b - 1)) - 1)
    s = sent_spans[i][0]
    e = sent_spans[j][1]
    if e < b:
        e = b
    if e - s > 4000:
        s = max(s, a - 200)
        e = min(e, b + 200)
    return text[s:e]


def non_overlapping(quotes: list[Quote]) -> list[Quote]:
    """Quotes in text order, each dropped when it overlaps one kept before it."""
    kept: list[Quote] = []
    last_end = -1
    for q in sorted(quotes, key=lambda q: q.start):
        if q.start >= last_end:
            kept.append(q)
            last_end = q.end
    return kept


def make_quote(article, ents, a, b, subj_or_eid, verb, kind, shape, sentence, _unused=None,
               para: int | None = None) -> Quote | None:
    text = article.text
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b <= a:
        return None  # stored text is always non-empty and stripped
    if isinstance(subj_or_eid, Subj):
        eid, fallback, skind = resolve_subject(ents, subj_or_eid, a, max(0, a - 3000))
    else:
        eid, fallback, skind = subj_or_eid
    speaker = None
    role = None
    aliases: tuple[str, ...] = ()
    if eid is not None:
        e = ents.ents[eid]
        speaker = e.canonical
        skind = e.kind
        role = e.roles[0] if e.roles else None
        aliases = tuple(f for f in e.forms if f != speaker)
    elif fallback:
        speaker = fallback
    if para is None:
        starts = getattr(ents, "para_starts", None)
        if starts is None:
            starts = ents.para_starts = [p.start for p in article.paragraphs]
        i = bisect.bisect_right(starts, a) - 1
        para = article.paragraphs[i].index if i >= 0 else 0
    return Quote(text=text[a:b], start=a, end=b, speaker=speaker, speaker_kind=skind if speaker else UNKNOWN,
                 role=role, verb=verb, kind=kind, shape=shape, paragraph=para, sentence=sentence,
                 aliases=aliases)


_CAP_RUN_RE = re.compile(rf"{CAPW}(?:\s+{CAPW})*")


# a sentence adverb before a quote that goes on from the last one ('… ," he said. Then, "…"')
CONTINUATION_LEAD_RE = re.compile(r"(?:And|But|Then|Instead|Still|Later|Indeed|Yet|Again|Also|Plus),?")


def unnamed_speaker_goes_on(ents: Entities, prev: Span | None, sp: Span, subj: Subj) -> bool:
    """'A reporter for AFP called it "absolute chaos." "We saw people hit," he said.': a
    he/she right after a quote by an unnamed person (who is no entity the resolver knows)
    is that person, unless somebody is named in between."""
    if prev is None or subj.kind != "pronoun" or subj.phrase.lower() not in ("he", "she") or \
            prev.speaker_key is not None or not prev.speaker_raw or prev.speaker_kind != PERSON or \
            prev.para < sp.para - 1 or prev.shape is None or prev.speaker_raw == ents.author:
        return False
    lo = (prev.close + 1) if prev.close is not None else prev.end
    i = bisect.bisect_left(ents.mention_pos, lo)
    return not (i < len(ents.mention_pos) and ents.mention_pos[i] < subj.start)


_JOINED_RE = re.compile(r"[ \t]*,?[ \t]*(?:and|or|,)[ \t]+")


def joined_quotes_share(text: str, spans: list[Span]) -> None:
    """'Guns are "a crisis" and "stunt growth," Name said': quotes joined by 'and', 'or'
    or a comma, the last of them attributed after itself, share its speaker (the
    attribution after a list of quotes covers the list)."""
    for sp, nxt in zip(reversed(spans[:-1]), reversed(spans[1:])):
        if sp.shape is None and sp.close is not None and nxt.para == sp.para and \
                nxt.shape in (SHAPE_AFTER, SHAPE_PRONOUN) and (nxt.speaker_key is not None or nxt.speaker_raw) and \
                _JOINED_RE.fullmatch(text, sp.close + 1, nxt.open):
            sp.speaker_key, sp.speaker_raw, sp.speaker_kind = nxt.speaker_key, nxt.speaker_raw, nxt.speaker_kind
            sp.verb, sp.shape = nxt.verb, nxt.shape


def share_chains(spans: list[Span]) -> None:
    """A quote that runs over several paragraphs (each opens with a mark, only the last
    closes) is one statement: its unattributed parts take the speaker of the first part
    that has one."""
    group = 0
    for i, sp in enumerate(spans):
        if sp.chain_prev and i > 0:
            sp.group = spans[i - 1].group
        else:
            group += 1
            sp.group = group
    by_group: dict[int, list[Span]] = {}
    for sp in spans:
        by_group.setdefault(sp.group, []).append(sp)
    for members in by_group.values():
        if len(members) < 2:
            continue
        known = [m for m in members if m.shape is not None and (m.speaker_key is not None or m.speaker_raw)]
        if not known:
            continue
        for m in members:
            if m.shape is None:
                src = known[0]
                m.speaker_key, m.speaker_raw, m.speaker_kind = src.speaker_key, src.speaker_raw, src.speaker_kind
                m.verb = src.verb
                m.shape = SHAPE_CONTINUATION
                m.kind = STATEMENT


def carry_speakers(text: str, paras: list, ents: Entities, spans: list[Span]) -> None:
    """An unattributed statement right after an attributed quote (same paragraph or the
    next) goes on in the same voice, unless another person is named in between."""
    last: Span | None = None
    for sp in spans:
        lead = text[max(sp.sent_start, sp.open - 400):sp.open].strip()
        # (a quote after a lead adverb reads as a fragment of the writer's sentence: it is
        # the rest of that sentence, so a statement)
        led = bool(lead) and len(lead) < 12 and CONTINUATION_LEAD_RE.fullmatch(lead) is not None
        if sp.shape is None and last is not None and (sp.kind == STATEMENT and not lead or led) and \
                (len(text[sp.start:sp.end].split()) >= 3 or text[sp.end - 1:sp.end] in ".?!"):
            if last.para in (sp.para, sp.para - 1) or (last.para == sp.para - 2 and
                                                       not paras[sp.para - 1].text.strip()):
                # another person named in between breaks the continuation
                if not names_other(ents, text, (last.close + 1) if last.close is not None else last.end, sp.open, last):
                    sp.speaker_key, sp.speaker_raw, sp.speaker_kind = last.speaker_key, last.speaker_raw, last.speaker_kind
                    sp.verb = last.verb
                    sp.shape = SHAPE_CONTINUATION
                    sp.kind = STATEMENT
        if sp.shape is not None and (sp.speaker_key is not None or sp.speaker_raw):
            last = sp


def names_other(ents: Entities, text: str, lo: int, hi: int, last: Span) -> bool:
    """Does text[lo:hi], between two quotes, bring in another person (so no continuation)?"""
    between = text[lo:hi]
    if len(between) > 600:
        return True
    if (len(between) < 160 or (last.shape in (SHAPE_AFTER, SHAPE_PRONOUN) and len(between) < 400)) and \
            SPEECH_RE.search(between) and len(split_sentences(text, lo, hi)) <= 1:
        # just the previous quote's attribution: '," Name said, "…', however long its
        # apposition ('said Ms. Gil, a lawyer in George W. Bush's administration. "…'):
        # the names in it describe the speaker
        return False
    own: set[str] = set()
    if last.speaker_key is not None:
        for f in ents.ents[last.speaker_key].forms:
            own |= set(ents._key_tokens(f))
    for m in _CAP_RUN_RE.finditer(between):
        w = m.group()
        if w.lower().split()[0] in NOT_NAME:
            continue
        toks = ents._key_tokens(w)
        if not toks or toks[-1] in own:
            continue
        for eid in ents.by_surname.get(toks[-1].replace("’s", "").replace("'s", ""), []):
            if eid != last.speaker_key and ents.ents[eid].kind == PERSON:
                return True
    return False


def refresh(q: Quote, ents: Entities, index: dict[str, int]) -> Quote:
    if not q.speaker:
        return q
    eid = index.get(q.speaker)
    if eid is not None:
        e = ents.ents[eid]
        q.speaker = e.canonical
        q.aliases = tuple(f for f in e.forms if f != e.canonical)
        if e.roles:
            q.role = e.roles[0]
    return q


# --------------------------------------------------------------------------
# Antecedents: "it", "they" and documents
# --------------------------------------------------------------------------
_ORG_OR_DOC_HEADS = DOC_HEADS | L.ORG_WORDS | {"sign", "affidavit", "filing", "complaint", "lawsuit", "suit",
                                               "ruling", "order", "website", "page", "petition", "card", "banner"}


def _sentence_start_before(text: str, lo: int, pos: int, in_quote=None) -> int:
    """Start of the writer's sentence containing pos (not earlier than lo)."""
    best = lo
    for m in SENT_BOUNDARY_RE.finditer(text, lo, min(len(text), pos + 3)):
        if m.end() > pos:
            break
        if in_quote is not None and in_quote(m.start()):
            continue
        if not is_abbrev_boundary(text, m.start()):
            best = m.end()
    return best


def it_antecedent(text: str, pos: int, writer_starts: list[int], floor: int, in_quote,
                  plural: bool = False) -> Subj | None:
    """'The council opposed it. “Keep the tax,” it recommended.': "it" is the organisation
    or document that the nearest sentence before is about. A person as that sentence's
    subject means "it" is something else: no speaker. With ``plural``, "they": the group
    ("officials", "lawmakers") that the sentence before is about."""
    i = bisect.bisect_right(writer_starts, pos) - 1
    for j in range(i - 1, max(-1, i - 4), -1):
        st = writer_starts[j]
        if st < floor:
            break
        subj = sentence_subject(text, st, writer_starts[j + 1])
        if subj is None or in_quote(subj.start):
            continue
        head = subj.phrase.split()[-1].lower().replace("’s", "").replace("'s", "")
        if plural:
            return subj if subj.kind in ("org", "desc") and head in L.PLURAL_ROLE_NOUNS else None
        if subj.kind == "org" or (subj.kind == "desc" and head in _ORG_OR_DOC_HEADS):
            return subj
        return None
    return None


def doc_antecedent_issuer(text: str, lo: int, subj: Subj) -> Subj | None:
    """'The campaign sent out a fundraising email … "…," read the email.': a definite
    document that speaks was issued earlier in the text ('sent out an email'); its
    issuer speaks."""
    words = subj.phrase.split()
    if len(words) != 2 or words[0].lower() != "the" or words[1].lower() not in DOC_HEADS:
        return None
    head = re.escape(words[1].lower())
    last = None
    for m in re.finditer(rf"(?<![\w’'-])(?:a|an)[ \t]+(?:[\w’'\-]+[ \t]+){{0,4}}?{head}(?![\w’'-])",
                         text[lo:subj.start]):
        last = m
    if last is None:
        return None
    a = lo + last.start()
    mo = DOC_OBJECT_RE.search(text, max(lo, a - 20), a)
    if mo is None:
        return None
    s0 = _sentence_start_before(text, lo, mo.start())
    issuer = subject_before(text, s0, mo.start() + (1 if text[mo.start()].isspace() else 0))
    if issuer is None or issuer.kind not in ("name", "org", "desc") or \
            issuer.phrase.split()[-1].lower() in DOC_HEADS:
        return None
    return issuer
