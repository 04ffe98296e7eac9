"""Verdicts with evidence: verified, altered, misattributed or not_found.

A claim is reduced to word tokens (``normalize.tokens``). It is *verified*
only when those tokens occur unbroken in a stored direct quote, so any word
added, dropped, swapped or changed (a negation, a number) cannot verify.
Candidates come from the FTS5 index (``store.candidates``); each is aligned
word by word with rapidfuzz, and the aligned window is scored with
``fuzz.ratio`` on the normalised text.
"""

from __future__ import annotations

import bisect
import heapq
import math
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Indel

from . import claims, normalize
from .answers import ALTERED, MISATTRIBUTED, NOT_FOUND, VERIFIED, Answer, DiffOp, Match
from .models import PARAPHRASE
from .normalize import Token, join_surface

# A record is "close" (altered) from this score of the aligned window, 0-100.
ALTERED_CUTOFF = 72.0
# ... and when at least this share of the claim's words line up with it.
MIN_SHARED_WORDS = 0.5
# Past one changed word, an altered quote must keep this share of the claim's
# meaning: the weight (rarity) of its content words found in the record.
KEPT_WEIGHT = 0.66
# Nearest candidates shown for not_found answers.
NEAREST_CUTOFF = 40.0
MAX_CLAIM_WORDS = 400
# Quoted parts checked in one claim; each costs a full verification.
MAX_PARTS = 12
# Record words a claim's unmatched edge may reach over to meet the record's edge.
EDGE_SLACK = 3
# Rows the rapidfuzz prefilter looks at, after a cheaper shared-word count.
PREFILTER_ROWS = 20
# Candidates aligned word by word after the rapidfuzz prefilter.
DETAILED = 6
# A word alignment this good (0-100) places the claim in a record without
# aligning characters.
WORD_ALIGNED = 50.0


@dataclass
class Scored:
    row: dict
    score: float
    exact: bool
    lo: int  # the aligned window in the record's tokens
    hi: int


def score_record(
    c_norm: list[str], r_norm: list[str], record_text: str, *, by_chars: bool = True
) -> tuple[float, bool, int, int]:
    """How well the claim's tokens fit the best run of the record's: (score, exact, lo, hi).

    Works on the stored normalised tokens; the record's surface form is only
    tokenised when a hit must be checked against hyphenated words. ``by_chars``
    lets a claim that shares few words be placed by its characters (``_window``).
    """
    if not c_norm or not r_norm:
        return 0.0, False, 0, 0
    if normalize.find_excerpt(c_norm, r_norm) >= 0:
        joined = [t.joined for t in normalize.surface_tokens(record_text)] if "-" in record_text else None
        start = normalize.find_excerpt(c_norm, r_norm, joined)
        if start >= 0:
            return 100.0, True, start, start + len(c_norm)
    best = None
    for lo, hi in {_window(c_norm, r_norm, by_chars=by_chars), (0, len(r_norm))}:
        fit = _fit(c_norm, r_norm, lo, hi)
        if fit and (best is None or fit[0] > best[0]):
            best = fit
    if best is None:
        return 0.0, False, 0, 0
    score, lo, hi, shared = best
    if "".join(c_norm) == "".join(r_norm[lo:hi]):
        # Only word breaks differ ("deadend" / "dead end"): the same words, if whole.
        record = normalize.surface_tokens(record_text)
        if not record[lo].joined and (hi == len(record) or not record[hi].joined):
            return 100.0, True, lo, hi
    if shared / len(c_norm) < MIN_SHARED_WORDS:
        score = min(score, ALTERED_CUTOFF - 1)
    return float(score), False, lo, hi


def keeps_substance(c_norm: list[str], window: list[str], weight) -> bool:
    """Does the record's window say what the claim says, give or take one word?

    A score can be high when only the frame is shared ("More than 7 people were
    hired in the last 2 weeks" / "More than 10 people were fired in the last 2
    weeks"): such a record is another statement, not the claim altered. Misspelt
    words count as found; numbers must match exactly.
    """
    content = [t for t in c_norm if t not in normalize.STOPWORDS]
    present = set(window)
    missing = [t for t in content if t not in present and not _near_any(t, present)]
    if len(missing) <= 1:
        return True
    total = sum(weight(t) for t in content)
    return total <= 0 or (total - sum(weight(t) for t in missing)) / total >= KEPT_WEIGHT


def _near_any(token: str, words: set[str]) -> bool:
    if len(token) < 3 or not token.isalpha():
        return False
    return process.extractOne(token, words, scorer=OSA.distance, score_cutoff=normalize.max_edits(token)) is not None


def align(claim: list[Token], record_text: str) -> tuple[float, bool, list[DiffOp], str]:
    """Score, exactness, word diff and aligned excerpt of a claim against one record."""
    record = normalize.surface_tokens(record_text)
    score, exact, lo, hi = score_record([t.norm for t in claim], [t.norm for t in record], record_text)
    excerpt = join_surface(record[lo:hi])
    if exact:
        return score, True, [DiffOp("equal", join_surface(claim), excerpt)], excerpt
    return score, False, _diff(claim, record[lo:hi]), excerpt


def _fit(c_norm: list[str], r_norm: list[str], lo: int, hi: int) -> tuple[float, int, int, int] | None:
    """Trim r_norm[lo:hi] to the words the claim lines up with; (score, lo, hi, shared words)."""
    ops = Indel.opcodes(c_norm, r_norm[lo:hi])
    equal = [op for op in ops if op.tag == "equal"]
    if not equal:
        return None
    lo, hi = lo + equal[0].dest_start, lo + equal[-1].dest_end
    claim = " ".join(c_norm)
    # Claim words before the first or after the last shared word replace record
    # words there: as many as the claim has, or up to the record's edge when it
    # is close ("depends on Russia" against "depends on the United States").
    # A misspelling of the next record word ("lsat") replaces just that word.
    lead, trail = equal[0].src_start, len(c_norm) - equal[-1].src_end
    if lead:
        reach = lo <= lead + EDGE_SLACK and not _misspells(c_norm[:lead], r_norm[max(0, lo - lead) : lo])
        lo = 0 if reach else max(0, lo - lead)
    if trail:
        reach = len(r_norm) - hi <= trail + EDGE_SLACK and not _misspells(c_norm[-trail:], r_norm[hi : hi + trail])
        hi = len(r_norm) if reach else min(len(r_norm), hi + trail)
    shared = sum(op.src_end - op.src_start for op in equal)
    return fuzz.ratio(claim, " ".join(r_norm[lo:hi])), lo, hi, shared


def _misspells(claim_words: list[str], record_words: list[str]) -> bool:
    """Are the claim's words the record's, word for word, give or take a typo each?"""
    return len(claim_words) == len(record_words) and all(
        _near_any(c, {r}) for c, r in zip(claim_words, record_words)
    )


def _window(c_norm: list[str], r_norm: list[str], slack: int = 2, *, by_chars: bool = True) -> tuple[int, int]:
    """The token range of the record where the claim fits best.

    Aligned over words first (each word one symbol: microseconds, where the
    character alignment of a long claim takes a millisecond); by characters
    when too few words are shared to place it and ``by_chars`` says the claim
    is full of typos (otherwise the record is simply another statement).
    """
    if len(c_norm) >= len(r_norm):
        return 0, len(r_norm)
    al = fuzz.partial_ratio_alignment(c_norm, r_norm)
    if al.score >= WORD_ALIGNED or not by_chars:
        return max(0, al.dest_start - slack), min(len(r_norm), al.dest_end + slack)
    c_str, r_str = " ".join(c_norm), " ".join(r_norm)
    al = fuzz.partial_ratio_alignment(c_str, r_str)
    starts, pos = [], 0
    for t in r_norm:
        starts.append(pos)
        pos += len(t) + 1
    lo = max(0, bisect.bisect_right(starts, al.dest_start) - 1 - slack)
    hi = min(len(r_norm), bisect.bisect_left(starts, al.dest_end) + slack)
    return lo, hi


def _diff(claim: list[Token], window: list[Token]) -> list[DiffOp]:
    """Word runs that are equal, replaced, only in the claim, or only on record."""
    ops = Indel.opcodes([t.norm for t in claim], [t.norm for t in window])
    out: list[DiffOp] = []
    for op in ops:
        c = join_surface(claim[op.src_start : op.src_end])
        r = join_surface(window[op.dest_start : op.dest_end])
        tag = {"equal": "equal", "delete": "insert", "insert": "delete"}[op.tag]
        # Indel speaks of turning the claim into the record: its "delete" is a
        # word only the claim has (our "insert"), its "insert" one only on record.
        if out and {out[-1].op, tag} == {"insert", "delete"}:
            prev = out.pop()
            claim_words = prev.claim if prev.op == "insert" else c
            record_words = prev.record if prev.op == "delete" else r
            out.append(DiffOp("replace", claim_words, record_words))
        else:
            out.append(DiffOp(tag, c, r))
    return out


def _score_rows(claim: list[Token], rows: list, *, top: int = DETAILED, by_chars: bool = True) -> list[Scored]:
    """Score candidates, best first: exact hits by substring, the rest prefiltered.

    One rapidfuzz ``process.extract`` pass (partial_ratio, in C) picks the
    ``top`` rows worth a word-by-word alignment; the others are left out.
    """
    c_norm = [t.norm for t in claim]
    padded = f" {' '.join(c_norm)} "
    out: list[Scored] = []
    rest: list[dict] = []
    for row in rows:
        if padded in f" {row['norm']} ":
            score, exact, lo, hi = score_record(c_norm, row["norm"].split(), row["text"], by_chars=by_chars)
            out.append(Scored(row, score, exact, lo, hi))
        else:
            rest.append(row)
    if len(rest) > PREFILTER_ROWS:
        # Many rows (a prolific speaker): keep those sharing the most words first.
        words = set(c_norm)
        rest = heapq.nlargest(PREFILTER_ROWS, rest, key=lambda r: len(words.intersection(r["norm"].split())))
    if rest:
        # Over words, each one symbol: a long claim's character partial_ratio
        # costs up to a millisecond a row, its word alignment microseconds.
        picked = process.extract(
            c_norm,
            [r["norm"].split() for r in rest],
            scorer=fuzz.partial_ratio,
            limit=top,
        )
        for _, _, pos in picked:
            row = rest[pos]
            score, exact, lo, hi = score_record(c_norm, row["norm"].split(), row["text"], by_chars=by_chars)
            out.append(Scored(row, score, exact, lo, hi))
    out.sort(key=lambda s: (-s.score, len(s.row["norm"])))
    return out


def _as_match(store, claim: list[Token], scored: list[Scored]) -> list[Match]:
    """Matches with evidence; only these few are tokenised as written, for the diff."""
    by_id = {m.id: m for m in store.matches([s.row["id"] for s in scored])}
    out = []
    for s in scored:
        m = by_id.get(s.row["id"])
        if m is None:
            continue
        window = normalize.surface_tokens(s.row["text"])[s.lo : s.hi]
        m.score = s.score
        m.excerpt = join_surface(window)
        m.diff = None if s.exact else _diff(claim, window)
        out.append(m)
    return out


def _mostly_misspelt(store, toks: list[str]) -> bool:
    """Are a third or more of the claim's words unknown to the index (typos)?"""
    words = [t for t in toks if len(t) >= 3 and t.isalpha()]
    if not words:
        return False
    freqs = store.doc_frequencies(words[:64])
    return 3 * sum(1 for t in words if not freqs.get(t)) >= len(words)


def _word_weights(store, toks: list[str]):
    """A word's weight is its rarity on record (inverse document frequency)."""
    freqs = store.doc_frequencies(toks[:64])
    total = store.quote_id_bound() + 1
    return lambda t: math.log(total / (1 + freqs.get(t, 0)))


# For a claim with several quoted parts, the whole is as good as its worst part.
_SEVERITY = {VERIFIED: 0, ALTERED: 1, MISATTRIBUTED: 2, NOT_FOUND: 3}


def verify(store, text: str, speaker: str | None = None, *, limit: int = 5) -> Answer:
    """Is ``text`` on record, and by ``speaker`` when one is claimed?"""
    claim = claims.parse_claim(text or "", speaker)
    if claim.parts:
        return _verify_parts(store, text, claim, limit)
    return _verify_claim(store, text or "", claim, limit)


def _verify_parts(store, text: str, claim: claims.Claim, limit: int) -> Answer:
    """Each separately quoted part is its own quote: check each, keep the worst verdict."""
    parts = list(claim.parts)
    if len(parts) > MAX_PARTS:
        # Bounded work, nothing left unchecked: the rest is checked as one last part
        # (its words must then occur unbroken to verify, so the verdict errs low).
        parts = parts[: MAX_PARTS - 1] + [" … ".join(parts[MAX_PARTS - 1 :])]
    answers = [_verify_claim(store, part, claims.Claim(part, claim.speaker), limit) for part in parts]
    worst = max(answers, key=lambda a: _SEVERITY[a.verdict])
    matches, seen = [], set()
    for a in answers:
        for m in a.matches[:2]:
            if m.id not in seen:
                seen.add(m.id)
                matches.append(m)
    summary = "; ".join(f"“{a.query if len(a.query) <= 80 else a.query[:79] + '…'}”: {a.verdict}" for a in answers)
    notes = " ".join(a.note for a in answers if a.note)
    return Answer(
        verdict=worst.verdict,
        query=text,
        claimed_speaker=claim.speaker,
        matches=matches[:limit],
        note=f"{len(answers)} quoted parts checked. {summary}."
        + (
            f" The last {len(claim.parts) - MAX_PARTS + 1} of {len(claim.parts)} quoted parts were checked together as one."
            if len(claim.parts) > MAX_PARTS
            else ""
        )
        + (f" {notes}" if notes else ""),
        speaker=worst.speaker,
    )


def _verify_claim(store, text: str, claim: claims.Claim, limit: int) -> Answer:
    answer = Answer(verdict=NOT_FOUND, query=text, claimed_speaker=claim.speaker)
    words = normalize.surface_tokens(claim.text)[:MAX_CLAIM_WORDS]
    if not words:
        answer.note = "There are no words to check. Put the quoted words in the question."
        return answer

    speaker_ids: list[int] = []
    if claim.speaker:
        speaker_ids = [i for i, _ in store.resolve_speakers(claim.speaker)]
        if speaker_ids:
            answer.speaker = store.speaker_index().entries[speaker_ids[0]].name
    toks = [t.norm for t in words]
    typos = _mostly_misspelt(store, toks)
    scored: list[Scored] = []
    if speaker_ids:
        # The claimed speaker's nearest quotes first: a verbatim hit there settles
        # the verdict, and the search over everyone else can be skipped.
        found = store.candidates(toks, limit=20, speaker_ids=speaker_ids)
        scored = _score_rows(words, found, top=4, by_chars=typos)
    if not any(s.exact and s.row["kind"] != PARAPHRASE for s in scored):
        seen = {s.row["id"] for s in scored}
        others = [r for r in store.candidates(toks) if r["id"] not in seen]
        scored = sorted(scored + _score_rows(words, others, by_chars=typos), key=lambda s: (-s.score, len(s.row["norm"])))
    direct = [s for s in scored if s.row["kind"] != PARAPHRASE]
    paraphrase = [s for s in scored if s.row["kind"] == PARAPHRASE]

    weight = _word_weights(store, toks)

    def close(s: Scored) -> bool:
        if s.exact:
            return True
        return s.score >= ALTERED_CUTOFF and keeps_substance(toks, s.row["norm"].split()[s.lo : s.hi], weight)

    by_claimed = [s for s in direct if s.row["speaker_id"] in speaker_ids]
    others = [s for s in direct if s.row["speaker_id"] not in speaker_ids]
    best_claimed = by_claimed[0] if by_claimed else None
    best_other = others[0] if others else None
    best_any = direct[0] if direct else None

    chosen: list[Scored]
    if not claim.speaker:
        if best_any and best_any.exact:
            answer.verdict = VERIFIED
            chosen = [s for s in direct if s.exact] or [best_any]
        elif best_any and close(best_any):
            answer.verdict = ALTERED
            chosen = [s for s in direct if close(s)]
        else:
            chosen = [s for s in direct if s.score >= NEAREST_CUTOFF][:3]
    else:
        if best_claimed and best_claimed.exact:
            answer.verdict = VERIFIED
            chosen = [s for s in by_claimed if s.exact]
        elif best_other and best_other.exact:
            answer.verdict = MISATTRIBUTED
            chosen = [s for s in others if s.exact]
        elif best_claimed and close(best_claimed):
            if best_other and close(best_other) and best_other.score - best_claimed.score >= 15:
                answer.verdict = MISATTRIBUTED
                chosen = [best_other, best_claimed]
            else:
                answer.verdict = ALTERED
                chosen = [s for s in by_claimed if close(s)]
        elif best_other and close(best_other):
            answer.verdict = MISATTRIBUTED
            chosen = [s for s in others if close(s)]
        else:
            chosen = [s for s in direct if s.score >= NEAREST_CUTOFF][:3]
        if claim.speaker and not speaker_ids:
            answer.note = f"No speaker on record matches {claim.speaker!r}."
    if answer.verdict == MISATTRIBUTED and chosen:
        answer.note = (
            f"On record as said by {store.speaker_index().entries[chosen[0].row['speaker_id']].name}, "
            f"not {answer.speaker or claim.speaker}."
        )
    para_close = [s for s in paraphrase if close(s)]
    if para_close and (answer.verdict == NOT_FOUND or para_close[0].score > (chosen[0].score if chosen else 0)):
        who = store.speaker_index().entries[para_close[0].row["speaker_id"]].name
        extra = (
            f"These words match only a paraphrase (reported speech) attributed to {who}, "
            "not a direct quote: the article does not put them in quotation marks."
        )
        if answer.verdict == NOT_FOUND:
            answer.note = extra
            chosen = para_close[:2] + chosen  # the paraphrase is the evidence that matters
        else:
            answer.note = f"{answer.note} {extra}" if answer.note else extra
            chosen = chosen + para_close[:2]
    answer.matches = _as_match(store, words, chosen[:limit])
    return answer
