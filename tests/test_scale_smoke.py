"""Smoke test of the scale benchmark: generator -> ingest -> query mix -> figures.

Asserts that the pipeline works end to end and answers most of the query mix with
the expected verdict; it asserts nothing about speed (figures only have to be numbers).
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from collections import Counter
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402
import scale  # noqa: E402


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted((folder / "articles").iterdir()):
        h.update(p.name.encode())
        h.update(p.read_bytes())
    h.update((folder / "truth.jsonl").read_bytes())
    return h.hexdigest()


def test_corpus_is_deterministic_and_has_every_shape(tmp_path):
    a = corpus.generate(600, 7, tmp_path / "a", jobs=1, quiet=True)
    b = corpus.generate(600, 7, tmp_path / "b", jobs=2, quiet=True)
    assert a["articles"] == b["articles"] and _digest(tmp_path / "a") == _digest(tmp_path / "b")
    corpus.generate(600, 8, tmp_path / "c", jobs=1, quiet=True)
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")
    truth = corpus.read_truth(tmp_path / "a")
    assert len(truth) == 600
    assert set(Counter(r["shape"] for r in truth)) == {"after", "before", "pronoun", "continuation", "fragment", "colon", "according"}
    assert "said_that" in {r["form"] for r in truth}
    for r in truth:  # every truth quote is in its article, between curly marks
        text = (tmp_path / "a" / "articles" / f"{r['article']}.txt").read_text(encoding="utf-8")
        assert f"“{r['quote']}" in text
        assert 1 <= len(r["quote"].split()) <= 90
    assert len({r["speaker"] for r in truth}) > 30


def test_query_mix_is_fixed(tmp_path):
    corpus.generate(1500, 3, tmp_path, jobs=1, quiet=True)
    truth = corpus.read_truth(tmp_path)
    q1 = scale.build_query_mix(truth, 10, 3, 3)
    q2 = scale.build_query_mix(truth, 10, 3, 3)
    assert [(q["cat"], q["text"], q["speaker"]) for q in q1] == [(q["cat"], q["text"], q["speaker"]) for q in q2]
    assert Counter(q["cat"] for q in q1) == {c: 10 for c in scale.CATEGORIES}
    on_record = {scale.norm(r["quote"]) for r in truth}
    for q in q1:
        if q["cat"] == "misattributed":
            assert q["speaker"] != q["truth"]["speaker"]
        if q["cat"] == "altered":
            assert scale.norm(q["text"]) not in scale.norm(q["truth"]["quote"])
        if q["cat"] == "not_found":
            assert scale.norm(q["text"]) not in on_record


def test_near_record_finds_claims_one_word_from_a_stored_quote():
    stored = ["Our plan is ready. It is serious to make that deal without any delay.",
              "More than 84,200 jobs have been lost in the last 9 weeks."]
    pool = [(None, 0.0, 0), (None, 0.0, 1)]
    # one word swapped, added or dropped inside a run of a stored quote's words
    assert scale.near_record("It is broad to make that deal", pool, stored) == "it is serious to make that deal"
    assert scale.near_record("It is serious to make that new deal", pool, stored)
    assert scale.near_record("It is serious to that deal without", pool, stored)
    # numbers count as one word, all alike: a changed number is one word away (none here)
    assert scale.near_record("More than 51,750 jobs have been lost in the last 3 weeks", pool, stored)
    # two words changed, or words the pool does not hold: not near
    assert scale.near_record("It is broad to take that deal", pool, stored) is None
    assert scale.near_record("Nobody expects a quick deal", pool, stored) is None
    assert scale.near_record("It is broad to make that deal", [], stored) is None


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_scale_pipeline_end_to_end(tmp_path, capsys):
    out = tmp_path / "res.json"
    png = tmp_path / "growth.png"
    rc = scale.main(
        ["--quotes", "1000", "2000", "--seed", "2", "--workdir", str(tmp_path / "w"), "--queries", "50",
         "--rounds", "1", "--json", str(out), "--plot", str(png)]
    )
    assert rc == 0
    printed = capsys.readouterr().out
    assert "Verify" in printed and "Targets" in printed and "Growth" in printed
    try:
        import matplotlib  # noqa: F401  (the bench extra; `make test` does not install it)
    except ImportError:
        assert "plot: skipped, matplotlib is not installed" in printed and not png.exists()
    else:
        assert png.exists() and png.stat().st_size > 1000
    res = json.loads(out.read_text())
    r = res["2000"]
    assert r["stored_quotes"] >= 0.8 * 2000
    for w, ing in r["ingest"].items():
        assert ing["added"] == r["articles"] and ing["mb_per_s"] > 0
    for key in ("p50", "p95", "p99"):
        assert math.isfinite(r["verify"][key]) and r["verify"][key] > 0
        assert math.isfinite(r["speaker_lookup"][key])
    assert r["scan"]["mean"] > 0 and r["scan"]["speedup_mean"] > 0
    assert 0 <= r["scan"]["agreement"] <= 1
    assert r["probe"]["peak_rss_mb"] > 0 and r["probe"]["first_answer_s"] > 0
    assert r["concurrency"]["requests"] == 50 and r["concurrency"]["errors"] == 0
    # most of the mix gets the expected verdict
    acc = r["accuracy"]
    total = sum(a["n"] for a in acc.values())
    right = sum(a["accuracy"] * a["n"] for a in acc.values())
    assert right / total >= 0.75, acc
    assert acc["verbatim"]["accuracy"] >= 0.8, acc["verbatim"]
    assert acc["misattributed"]["accuracy"] >= 0.7, acc["misattributed"]
    assert acc["not_found"]["accuracy"] >= 0.6, acc["not_found"]
