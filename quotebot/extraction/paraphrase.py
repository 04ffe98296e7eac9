"""Reported speech: ``Name said that …`` becomes a PARAPHRASE quote.

Only sentences with a speech verb are read, and only the clause after ``that`` (or
after a verb that takes none, "Holm said the plan failed"), when no direct quote has
already taken those words.
"""

from __future__ import annotations

import bisect
import re

from .. import lexicon as L
from ..models import PARAPHRASE, SHAPE_INDIRECT, Article, Quote
from .text import FRAG_VOCAB, find_words, tls
from .spans import Span
from .candidates import Subj, subject_before
from .phrases import role_like
from .after_cues import try_after
from .after_candidates import sentence_subject
from .entities import Entities
from .resolve import make_quote, resolve_subject


# --------------------------------------------------------------------------
# Paraphrase
# --------------------------------------------------------------------------
_PARA_VERBS = (L.SPEECH_VERBS - {"ask", "asks", "asked", "asking", "urge", "urges", "urged",
                                  "urging", "thank", "thanked", "joke", "joked", "cry", "cried",
                                  "shout", "shouted", "laugh", "laughed", "sigh", "sighed",
                                  "shrugged", "plead", "pleaded", "beg", "begged", "encourage",
                                  "encouraged", "demanded", "praised", "hailed", "blasted",
                                  "slammed", "accused", "accuse", "charge", "charged",
                                  "described", "told", "tell", "tells", "telling", "telling",
                                  "reply", "replied", "reminded", "remind"})
_PARA_NOTHAT = {"said", "says", "added", "argued", "claimed", "insisted", "warned", "wrote",
                "noted", "explained", "stressed", "acknowledged", "admitted", "conceded", "predicted",
                "announced", "declared", "contended", "maintained", "asserted", "suggested",
                "complained", "argues", "claims", "insists", "warns", "writes", "notes", "told"}
_THAT_TAIL_RE = re.compile(r"[^.;:“”\"]{0,90}?\bthat\s+")
_NOTHAT_TAIL_RE = re.compile(
    r"(?:\s+(?:on|last|this|in|at|during|earlier|later|publicly|privately|repeatedly|again|"
    r"also|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|an?|the|"
    r"interview|statement|speech|with|to|reporters|[A-Z][\w.’'\-]*)){0,8}?"
    r"\s+(?=(?:the|a|an|he|she|they|it|we|i|there|this|his|her|their|its|[A-Z][a-z]|[A-Z]{2,}|(?:[A-Z]\.){2,})\b)")
# the one told, then the reported clause: "told CNN she …", "told reporters on Monday the …"
_TOLD_NOTHAT_RE = re.compile(
    r"\s+(?:(?:the|a|an|his|her|their)\s+)?(?:[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3}|[a-z]+)"
    r"(?:\s+(?:on\s+[A-Z][a-z]+|last\s+[a-z]+|this\s+(?:week|month|year|morning|afternoon|evening)|"
    r"in\s+an?\s+[a-z]+|during\s+an?\s+[a-z]+))?"
    r"\s+(?=(?:he|she|they|it|we|i|there|the|his|her|their|its|this|these|those)\s)")
_TOLD_OBJ_RE = re.compile(r"(?:\s+[\w.’'\-]+){1,4}?(?=\s+that\b)")
_MEDIUM_LEAD_RE = re.compile(r"(?:an?|the)[ \t]+(?:interview|statement|speech|email|e-mail|letter|post|tweet|op-ed|"
                             r"video|briefing|conference[ \t]+call|call)(?:[ \t]+(?:on|with|to)[ \t]+[\w.’']+)?[ \t]+"
                             r"(?=(?:he|she|they|it|we|i|there|the|his|her|their|[A-Z])[\w’']*[ \t])")
_FINITE_VERB_RE = re.compile(r"(?<![\w’'-])(?:is|was|were|are|will|would|has|had|have|can|could|should|may|"
                             r"might|must|did|does|do|[a-z]{2,}(?:ed|s)|[a-z]+n[’']t|"
                             r"(?:he|she|it|they|we|i|you|there|that|who)[’'](?:s|d|ll|re|ve|m)|"
                             r"made|won|lost|got|came|became|began|knew|thought|felt|left|kept|held|brought|"
                             r"bought|found|meant|ran|saw|told|said|took|went|gave|sent|put|let|set|wrote|"
                             r"spoke|drew|grew|fell|stood|paid|led|read|heard)(?![\w’'-])")
_PARA_VOCAB = _PARA_VERBS | {"told", "went"}
ALL_VOCAB = FRAG_VOCAB | _PARA_VOCAB | L.SPEECH_VERBS


_DQ_RE = re.compile("\"|“|”|''")

# a word that makes a piece a clause, not a role ("…, said Name, Trump made further demands")
_CLAUSE_WORD_RE = re.compile(r"\b(?:is|was|were|are|must|will|would|can|could|should|has|had|have|made|makes|"
                             r"said|says|did|does|do|wants|wanted)\b")


_OBJECT_CLAUSE_RE = re.compile(r"[ \t]+(?:whether|if|why|how|what|when|where|to|about)[ \t]")
_CLAUSE_AFTER_VERB_RE = re.compile(r"[ \t]+(?:[\w’'.\-]+[ \t]+){0,3}(?:that|he|she|they|we|it|this|there)[ \t]")


def sentences_with(sent_spans: list[tuple[int, int]], vocab: set[str]) -> list[tuple[int, int]]:
    """Only the sentences holding a word of vocab (from the article's cue-word index)."""
    idx = getattr(tls, "index", None)
    if idx is None:
        return sent_spans
    starts = [a for a, _ in sent_spans]
    keep: list[int] = []
    last = -1
    for p, w in zip(idx.pos, idx.words):
        if w in vocab or w == "went" or w == "according":
            i = bisect.bisect_right(starts, p) - 1
            if i >= 0 and i != last and p < sent_spans[i][1]:
                keep.append(i)
                last = i
    return [sent_spans[i] for i in keep]


def paraphrases(article: Article, ents: Entities, taken: list[tuple[int, int]],
                sent_spans: list[tuple[int, int]], last_speaker_at) -> list[Quote]:
    text = article.text
    out: list[Quote] = []
    taken_starts = [a for a, _ in taken]

    def overlaps(a: int, b: int) -> bool:
        i = bisect.bisect_left(taken_starts, b)
        j = i - 1
        while j >= 0 and j >= i - 3:
            if taken[j][1] > a and taken[j][0] < b:
                return True
            j -= 1
        return False

    for ss, se in sentences_with(sent_spans, _PARA_VOCAB):
        if se - ss > 2000 or se - ss < 20:
            continue
        sent = text[ss:se]
        if _DQ_RE.search(sent):
            continue
        found = None
        for v in find_words(text, ss, se, _PARA_VOCAB, multi=True):
            if v.group() == "went":
                continue
            t = _THAT_TAIL_RE.match(text, v.end(), se)
            if t is None and v.group() in ("told", "tells"):
                t = _TOLD_NOTHAT_RE.match(text, v.end(), se)  # "told CNN she regretted it": not CNN
            elif t is None and v.group() in _PARA_NOTHAT:
                t = _NOTHAT_TAIL_RE.match(text, v.end(), se)
            if t is None:
                continue
            found = (v, t)
            break
        if not found:
            continue
        v, t = found
        verb = v.group().split()[0]
        subj = subject_before(text, ss, v.start())
        if subj is None:
            subj = sentence_subject(text, ss, v.start()) if v.start() - ss < 200 else None
            if subj is None:
                continue
            if verb == "went" or verb.endswith("ing"):
                pass
            elif subj.end + 60 < v.start():
                continue
        if t.re is _TOLD_NOTHAT_RE and subj.kind not in ("name", "pronoun"):
            continue  # (told without "that": only a named or pronoun teller, the rest is too loose)
        cs = t.end()
        mv = _MEDIUM_LEAD_RE.match(text, cs, se) if t.re is _NOTHAT_TAIL_RE else None
        if mv is not None:
            cs = mv.end()  # "said in an interview he's not ready": the clause starts after the medium
        ce = se
        while ce > cs and text[ce - 1] in ".!? \t":
            ce -= 1
        if ce - cs < 12 or len(text[cs:ce].split()) < 3:
            continue
        if t.re is not _THAT_TAIL_RE and not _FINITE_VERB_RE.search(text, cs, ce):
            continue  # ("wrote in a letter to the court": a phrase, no reported clause)
        if overlaps(cs, ce):
            continue
        out.append(make_quote(article, ents, cs, ce, subj, verb, PARAPHRASE, SHAPE_INDIRECT,
                              text[ss:se], last_speaker_at))
    return [q for q in out if q is not None and q.speaker]


def tail_attributions(text: str, ents: Entities, sent_spans: list[tuple[int, int]],
                      keep: bool = True) -> list[tuple[int, int, Subj, str]]:
    """Reported speech that ends with its attribution ("…, Henson said."): the speaker
    becomes salient for later pronouns (before any quote is attributed), and with
    ``keep`` the clause (start, end, subject, verb) is returned, to become a paraphrase
    once the direct quotes have taken their words."""
    tail_paras: list[tuple[int, int, Subj, str]] = []
    for ss, se in sentences_with(sent_spans, L.SPEECH_VERBS):
        if se - ss > 1500 or se - ss < 25 or ents.in_quote(ss):
            continue
        c = text.rfind(",", max(ss, se - 110), se)
        if c < 0 or c - ss < 15:
            continue
        if any(ch in text[c:se] for ch in "“”\"") or text.startswith("''", c):
            continue
        if not find_words(text, max(ss, c - 90), se, L.SPEECH_VERBS, multi=True, first=True):
            continue  # no speech verb near the end of the sentence
        fake = Span(open=c - 1, close=c - 1, start=ss, end=c, para=0)
        res = try_after(text, fake, se)
        if res is None:
            # "…, said Name, role of X." — the attribution sits before the last comma
            c2 = text.rfind(",", max(ss, c - 90), c)
            if c2 >= 0 and c2 - ss >= 15 and not any(ch in text[c2:c] for ch in "“”\""):
                fake = Span(open=c2 - 1, close=c2 - 1, start=ss, end=c2, para=0)
                res = try_after(text, fake, c)
                if res is not None:
                    app = text[c + 1:se].strip(" .")
                    if res[0].kind == "name" and res[0].role is None and len(app.split()) <= 14 and role_like(app) \
                            and not _CLAUSE_WORD_RE.search(app) and not any(ch in app for ch in "“”\"") \
                            and "''" not in app:
                        # "…, according to Name, a spokeswoman for the council.": her role
                        res = (Subj(res[0].phrase, res[0].kind, res[0].start, res[0].end, app),) + res[1:]
                    c = c2
        if res is None or res[0].kind not in ("name", "pronoun"):
            continue
        subj, verb, _shape = res
        if subj.kind == "name":
            resolve_subject(ents, subj, subj.start, max(0, subj.start - 3000))
        k = text.find(verb, c, se)
        if k >= 0 and _CLAUSE_AFTER_VERB_RE.match(text, k + len(verb), se):
            continue  # '…, Cornyn told reporters this was …': the sentence goes on; its own clause is reported
        if _OBJECT_CLAUSE_RE.match(text, subj.end, se):
            continue  # '…, asked Name whether …': Name is asked; the sentence's subject opens it
        if keep and not any(ch in text[ss:c] for ch in "“”\""):
            tail_paras.append((ss, c, subj, verb))
    return tail_paras
