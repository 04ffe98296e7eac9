"""Fit the pronoun-antecedent weights (quotebot.extraction.antecedents) by leave-one-outlet-out.

    python benchmarks/fit_resolver.py [--corpus DIR]

Every "he"/"she" that the extractor resolves at the offset of an annotated PolNeAR
Source is one instance; its label is the gold speaker (the benchmark's gold-side
resolution, see benchmarks/extraction.py), and an instance counts only when one of
the candidates is that speaker. For each of the 7 outlets the weights are fitted
(coordinate search over a small grid) on the other six and scored on it; the table
shows top-1 accuracy with the shipped weights and with the fitted ones, then the
weights fitted on all outlets. The gold side is a heuristic, so the figures rank
weightings; they are not the resolver's true accuracy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import extraction as bx  # noqa: E402
from quotebot.articles import article_from_text  # noqa: E402
from quotebot.extract import extract_quotes  # noqa: E402
from quotebot.extraction import antecedents  # noqa: E402

GRID = {
    "salient": [0.0, 1.0, 2.0, 3.0, 4.0, 6.0],
    "speaker": [-1.0, 0.0, 0.5, 1.0, 2.0, 3.0],
    "last_speaker": [-1.0, 0.0, 0.5, 1.0, 2.0, 3.0],
    "gender_known": [-1.0, 0.0, 0.5, 1.0, 2.0],
    "distance": [-3.0, -2.0, -1.5, -1.0, -0.5, 0.0],
    "rank": [-2.0, -1.0, -0.5, 0.0, 0.5],
    "paragraph": [-1.0, 0.0, 0.5, 1.0, 2.0],
}


def instances(corpus: Path) -> dict[str, list[list[tuple[dict, bool]]]]:
    """outlet -> instances; an instance is its candidates, nearest first, as (features, correct)."""
    out: dict[str, list] = {}
    for txt in sorted((corpus / "text").glob("*.txt")):
        ann = corpus / "attributions" / f"{txt.stem}.ann"
        if not ann.exists():
            continue
        raw = txt.read_text(encoding="utf-8")
        ts, events = bx.parse_ann(ann)
        resolved = bx.resolve_sources(raw, ts, events)
        gold_at = {ts[sid].start: name for sid, name in resolved.items()
                   if name and ts[sid].text.strip().lower() in ("he", "she")}
        antecedents.TRACE = []
        try:
            extract_quotes(article_from_text(txt.stem, raw))
            trace = antecedents.TRACE
        finally:
            antecedents.TRACE = None
        seen = set()
        for pos, cands in trace:
            gold = gold_at.get(pos)
            if gold is None or pos in seen:
                continue
            seen.add(pos)
            labelled = [(c.features, any(bx.speaker_ok(n, gold) for n in c.names)) for c in cands]
            if any(ok for _, ok in labelled):
                out.setdefault(bx.outlet_of(txt.stem), []).append(labelled)
    return out


def accuracy(insts: list, weights: dict[str, float]) -> float:
    right = 0
    for cands in insts:
        best, best_score = None, None
        for feats, ok in cands:
            s = antecedents.score(feats, weights)
            if best_score is None or s > best_score:
                best, best_score = ok, s
        right += bool(best)
    return right / len(insts) if insts else 0.0


def fit(insts: list, start: dict[str, float], passes: int = 3) -> dict[str, float]:
    w = dict(start)
    best = accuracy(insts, w)
    for _ in range(passes):
        for k, values in GRID.items():
            for v in values:
                trial = {**w, k: v}
                a = accuracy(insts, trial)
                if a > best + 1e-12:
                    w, best = trial, a
    return w


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=bx.DEFAULT_CORPUS)
    args = ap.parse_args()
    if not (args.corpus / "text").is_dir():
        print(f"corpus not found at {args.corpus}; nothing to fit.")
        return 0
    data = instances(args.corpus)
    shipped = dict(antecedents.WEIGHTS)
    print(f"{'held-out outlet':16s} {'n':>5s} {'shipped':>8s} {'fitted':>8s}")
    rows = []
    for outlet in sorted(data):
        train = [x for o, xs in data.items() if o != outlet for x in xs]
        w = fit(train, shipped)
        rows.append((accuracy(data[outlet], shipped), accuracy(data[outlet], w)))
        print(f"{outlet:16s} {len(data[outlet]):5d} {rows[-1][0]:8.3f} {rows[-1][1]:8.3f}")
    print(f"{'mean of outlets':16s} {'':5s} {sum(a for a, _ in rows) / len(rows):8.3f} "
          f"{sum(b for _, b in rows) / len(rows):8.3f}")
    every = [x for xs in data.values() for x in xs]
    print("weights fitted on all outlets:", fit(every, shipped))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
