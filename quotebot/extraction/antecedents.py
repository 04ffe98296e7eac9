"""Stage 5c, pronoun antecedents: "he said" resolved as a scored choice.

Every compatible person mentioned before the pronoun (outside quotes, back to the
paragraph floor) is a candidate. Each candidate gets a few features a reader can check
in ``Antecedent.features``; its score is their weighted sum with ``WEIGHTS``, and the
highest score wins (the nearer mention on a tie). The weights are fitted by
leave-one-outlet-out on annotated news with ``benchmarks/fit_resolver.py``, which also
prints how each held-out outlet fares with them.

Features (1 or 0 unless said otherwise):

``salient``      the mention is its sentence's subject or speaks ("Holm said", "said Holm")
``speaker``      the person already speaks a quote in this article (before the pronoun)
``last_speaker`` the person is the last one to speak before the pronoun
``gender_known`` the person's gender is known and is the pronoun's (not merely compatible)
``distance``     log2 of (1 + characters from the mention to the pronoun / 100)
``rank``         how many other compatible people are mentioned nearer the pronoun
``paragraph``    the mention is in the pronoun's paragraph
"""

from __future__ import annotations

import math
from dataclasses import dataclass

WEIGHTS: dict[str, float] = {
    "salient": 2.0,
    "speaker": 0.0,
    "last_speaker": 0.0,
    "gender_known": 0.0,
    "distance": -1.0,
    "rank": 0.0,
    "paragraph": 0.0,
}

# when not None, every choice is appended here as (pronoun position, candidates): for
# fitting the weights (benchmarks/fit_resolver.py), never set in production
TRACE: list | None = None


@dataclass
class Antecedent:
    eid: int
    pos: int  # the mention's offset
    features: dict[str, float]
    score: float = 0.0
    names: tuple[str, ...] = ()  # the person's names, filled only while tracing


def features(*, salient: bool, speaker: bool, gender_known: bool, distance: int, rank: int,
             paragraph: bool, last_speaker: bool) -> dict[str, float]:
    return {
        "salient": float(salient),
        "speaker": float(speaker),
        "last_speaker": float(last_speaker),
        "gender_known": float(gender_known),
        "distance": math.log2(1 + max(0, distance) / 100),
        "rank": float(rank),
        "paragraph": float(paragraph),
    }


_GROWING = ("distance", "rank")  # only grow as the walk goes back from the pronoun


def best_possible(distance: int, rank: int, weights: dict[str, float] | None = None) -> float:
    """An upper bound on the score of any mention this far back or farther (every other
    feature at its most favourable value); +inf when a growing feature is rewarded."""
    w = WEIGHTS if weights is None else weights
    if any(w.get(k, 0.0) > 0 for k in _GROWING):
        return math.inf
    bound = features(salient=False, speaker=False, last_speaker=False, gender_known=False, paragraph=False,
                     distance=distance, rank=rank)
    return sum(w.get(k, 0.0) * v for k, v in bound.items()) + \
        sum(max(0.0, w.get(k, 0.0)) for k in bound if k not in _GROWING)


def score(feats: dict[str, float], weights: dict[str, float] | None = None) -> float:
    w = WEIGHTS if weights is None else weights
    return sum(w.get(k, 0.0) * v for k, v in feats.items())


def choose(pos: int, candidates: list[Antecedent], weights: dict[str, float] | None = None) -> Antecedent | None:
    """The best-scoring candidate; candidates come nearest first, so a tie keeps the nearer."""
    best = None
    for c in candidates:
        c.score = score(c.features, weights)
        if best is None or c.score > best.score:
            best = c
    if TRACE is not None and candidates:
        TRACE.append((pos, candidates))
    return best
