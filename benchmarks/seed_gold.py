#!/usr/bin/env python3
"""Recall, precision and speaker accuracy of the extractor on the five seed articles.

Usage: .venv/bin/python benchmarks/seed_gold.py [--seeds DIR] [--gold FILE] [-v]

Gold: tests/gold/seeds.json, written by hand from the seeds (every attributed direct
quote with its canonical speaker, plus quoted words that nobody said and that must
not be extracted).

Matching: a predicted direct quote (kind statement or fragment) matches a gold quote
of the same article when, after lower-casing and trimming punctuation, one text
contains the other and the shorter is at least half as long as the longer. Pairs are
one to one. Speaker correct: the predicted canonical speaker shares its last word
with one of the acceptable gold speakers (case-insensitive, titles like "U.S." kept).
A listed non-quote is "extracted" when a predicted quote's text equals it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotebot.articles import read_article  # noqa: E402
from quotebot.extract import extract_quotes  # noqa: E402
from quotebot.models import PARAPHRASE  # noqa: E402


def norm(s: str) -> str:
    s = s.lower().replace("’", "'")
    s = re.sub(r"\s+", " ", s)
    return s.strip(" .,;:!?'\"“”‘’")


def same_quote(a: str, b: str) -> bool:
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return short in long_ and len(short) >= 0.5 * len(long_)


def speaker_ok(pred: str | None, golds: list[str]) -> bool:
    if not pred:
        return False
    p = pred.lower().split()
    for g in golds:
        gt = g.lower().split()
        if p and gt and (p[-1] == gt[-1] or p[-1] in gt or gt[-1] in p):
            return True
    return False


def score(seeds: Path, gold_path: Path) -> dict:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    by_article: dict[str, list] = {}
    for g in gold["quotes"]:
        by_article.setdefault(g["article"], []).append(g)
    preds: dict[str, list] = {}
    for path in sorted(seeds.glob("*.txt")):
        art = read_article(path)
        preds[art.id] = [q for q in extract_quotes(art) if q.kind != PARAPHRASE]
    tp = spk_ok = 0
    missed, wrong, extra, leaked = [], [], [], []
    for aid, qs in preds.items():
        golds = by_article.get(aid, [])
        used: set[int] = set()
        for g in golds:
            hit = next((i for i, q in enumerate(qs) if i not in used and same_quote(q.text, g["text"])), None)
            if hit is None:
                missed.append((aid, g["text"]))
                continue
            used.add(hit)
            tp += 1
            if speaker_ok(qs[hit].speaker, g["speakers"]):
                spk_ok += 1
            else:
                wrong.append((aid, g["text"], qs[hit].speaker, g["speakers"]))
        extra += [(aid, q.text, q.speaker) for i, q in enumerate(qs) if i not in used]
    for nq in gold["not_quotes"]:
        for q in preds.get(nq["article"], []):
            if norm(q.text) == norm(nq["text"]):
                leaked.append((nq["article"], q.text, q.speaker))
    n_gold = len(gold["quotes"])
    n_pred = sum(len(v) for v in preds.values())
    return {
        "gold": n_gold, "pred": n_pred, "tp": tp,
        "recall": tp / n_gold if n_gold else 0.0,
        "precision": tp / n_pred if n_pred else 0.0,
        "speaker_accuracy": spk_ok / tp if tp else 0.0,
        "recall_with_speaker": spk_ok / n_gold if n_gold else 0.0,
        "missed": missed, "wrong_speaker": wrong, "extra": extra, "scare_quotes_extracted": leaked,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score the extractor on the seed gold.")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--gold", type=Path, default=ROOT / "tests" / "gold" / "seeds.json")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    r = score(args.seeds, args.gold)
    print(f"seed gold: recall={r['recall']:.3f} precision={r['precision']:.3f} "
          f"speaker accuracy={r['speaker_accuracy']:.3f} recall with right speaker={r['recall_with_speaker']:.3f} "
          f"(gold {r['gold']}, predicted {r['pred']}, matched {r['tp']}); "
          f"scare quotes extracted: {len(r['scare_quotes_extracted'])}")
    if args.verbose or r["missed"] or r["wrong_speaker"] or r["scare_quotes_extracted"]:
        for aid, t in r["missed"]:
            print(f"  missed   {aid}: {t!r}")
        for aid, t, p, g in r["wrong_speaker"]:
            print(f"  speaker  {aid}: {t[:60]!r} predicted {p!r}, gold {g}")
        for aid, t, p in r["extra"]:
            print(f"  extra    {aid}: {t[:60]!r} ({p})")
        for aid, t, p in r["scare_quotes_extracted"]:
            print(f"  SCARE    {aid}: {t!r} ({p})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
