"""Speed at scale, measured against a plain full-scan baseline (issue 5).

    python benchmarks/scale.py --quotes 1000000
    python benchmarks/scale.py --quotes 10000 100000 1000000 --json out.json --plot out.png

At each size: generate a synthetic corpus (benchmarks/corpus.py, seeded), ingest it
with 1 worker and with all cores (two databases), then measure through the engine
API (quotebot.engine.Engine):

* ingest articles/s and MB/s (input bytes), database bytes per quote;
* verify latency p50/p95/p99 over a fixed seeded query mix, and verdict accuracy per
  category (expectations in EXPECTED below);
* speaker look-up latency (engine.quotes(speaker=...));
* a full-scan baseline: rapidfuzz process.extractOne(query, all stored quote texts,
  scorer=partial_ratio), its latency and the engine's speed-up over it; top-match
  agreement on on-record queries (the claim's quote is stored), where the scan's
  best SCAN_POOL are tie-broken by length (scan_top), and also against the raw
  partial_ratio top, which ties short quotes contained in the claim with its source;
* peak RSS and time-to-first-answer of a fresh subprocess that opens the database and
  answers the query mix;
* 50 concurrent verify requests through the bot's code path
  (QuoteBot.call: reader processes, one per CPU, as `quotebot bot` runs by default).

Targets (defined at 1M quotes) are printed with PASS/FAIL. Results per size are cached
in WORKDIR/results-<n>.json, so the growth table / plot cover every size measured with
the same seed, also in earlier runs.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import gc
import io
import json
import math
import os
import pstats
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import textwrap
import time
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

import corpus as corpus_mod  # noqa: E402

CATEGORIES = ("verbatim", "typo", "altered", "misattributed", "not_found")
# What a correct engine answers for each category of the query mix.
EXPECTED = {
    # a contiguous excerpt (6-30 words, or the whole quote) of a quote on record, with the
    # true speaker's full name or with no speaker
    "verbatim": {"verified"},
    # a verbatim excerpt (>= 8 words) with 1-2 character typos (swap/drop/double a letter
    # in a word of >= 4 letters) and a case change (all lower case, or one word in
    # upper case): the words are the same, so "verified" is ideal; "altered" is accepted
    # (the claim does differ in spelling); speaker as for verbatim
    "typo": {"verified", "altered"},
    # an excerpt (>= 8 words) with one meaning change: negation added ("will" -> "will
    # not", "is" -> "is not"), negation dropped ("not"/"never" removed, never at the
    # excerpt's edge, where the rest would be a verbatim excerpt), one content word
    # swapped for another vocabulary word, or a number changed
    "altered": {"altered"},
    # a verbatim excerpt (>= 8 words) claimed for a different speaker on record
    "misattributed": {"misattributed"},
    # new sentences from the same generator and vocabulary (10-25 words), never written
    # into the corpus; half with a real speaker, half without
    "not_found": {"not_found"},
}
ON_RECORD = ("verbatim", "typo", "altered", "misattributed")

TARGETS_AT = 1_000_000


# --------------------------------------------------------------------------
# helpers
def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    k = (len(v) - 1) * p / 100.0
    lo, hi = math.floor(k), math.ceil(k)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


_NORM_RE = re.compile(r"[^\w]+", re.UNICODE)


def norm(text: str) -> str:
    return " ".join(_NORM_RE.sub(" ", text.lower()).split())


def fmt_ms(s: float) -> str:
    return f"{s * 1000:.2f}" if s == s else "n/a"


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# the query mix
_WORD_RE = re.compile(r"\S+")
NEGATABLE = {"will": "will not", "can": "cannot", "must": "must not", "should": "should not",
             "would": "would not", "could": "could not", "is": "is not", "are": "are not",
             "was": "was not", "may": "may not", "have": "have not", "do": "do not"}


def _strip_edges(words: list[str]) -> str:
    s = " ".join(words)
    return s.strip(" ,;:")


def _excerpt(rng: random.Random, words: list[str], lo: int, hi: int, must: int | None = None) -> tuple[int, int]:
    n = len(words)
    if n <= lo:
        return 0, n
    length = rng.randint(lo, min(hi, n))
    if must is None:
        start = rng.randint(0, n - length)
    else:
        start = rng.randint(max(0, must - length + 1), min(must, n - length))
    return start, start + length


def _typo_word(rng: random.Random, w: str) -> str:
    core = re.sub(r"\W", "", w)
    if len(core) < 4 or not core.isalpha():
        return w
    i = rng.randint(1, len(w) - 3) if len(w) > 3 else 1
    k = rng.randrange(3)
    if k == 0 and w[i].isalpha() and w[i + 1].isalpha():
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]
    if k == 1 and w[i].isalpha():
        return w[:i] + w[i + 1:]
    return w[:i] + w[i] + w[i:]


# The scan's best this many (by its scorer) are tie-broken by scan_top.
SCAN_POOL = 200


def scan_top(query: str, pool: list[tuple], texts: list[str]) -> tuple | None:
    """The full scan's top match, with ties broken the way a reader would.

    partial_ratio scores the shorter string inside the longer one, so any short
    stored quote that occurs in the claim ("the government") scores 100, exactly
    like the claim's real source. Among the scan's best, a stored quote is ranked
    by its score times the share of the claim it is long enough to cover, then by
    fuzz.ratio (closest overall). The ranking is computed from the scan's own
    scores and the two strings' lengths only: nothing from the engine.
    """
    from rapidfuzz import fuzz

    if not pool:
        return None
    n = max(1, len(query))
    return max(pool, key=lambda m: (m[1] * min(1.0, len(texts[m[2]]) / n), fuzz.ratio(query, texts[m[2]])))


_SCAN_TEXTS: list[str] = []
_SCAN_SCORER = "partial_ratio"


def _scan_one(job: tuple) -> tuple:
    """The best and the best SCAN_POOL of one query over every text long enough to be its source.

    A text shorter than half the claim cannot be where the claim comes from
    (scan_top ranks it at most half as high), yet partial_ratio gives 100 to
    any short text the claim contains: at a million quotes such texts ("It is
    new.") filled all SCAN_POOL places and pushed the claim's source out.
    They are left out of the scan (None choices are skipped by rapidfuzz).
    """
    from rapidfuzz import fuzz, process

    i, qp, _timed = job
    scorer = {"partial_ratio": fuzz.partial_ratio, "WRatio": fuzz.WRatio}[_SCAN_SCORER]
    half = len(qp) / 2
    choices = [t if len(t) >= half else None for t in _SCAN_TEXTS]
    # One pass: the best SCAN_POOL (extract raises its cutoff as the heap fills).
    pool = process.extract(qp, choices, scorer=scorer, processor=None, limit=SCAN_POOL)
    return i, (pool[0] if pool else None, pool)


def scan_all(jobs: list[tuple], texts: list[str], scorer: str) -> dict[int, tuple]:
    """_scan_one for every job, on every core (forked workers share the texts)."""
    import multiprocessing

    global _SCAN_TEXTS, _SCAN_SCORER
    _SCAN_TEXTS, _SCAN_SCORER = texts, scorer
    try:
        with multiprocessing.get_context("fork").Pool(os.cpu_count() or 1) as pool:
            return dict(pool.imap_unordered(_scan_one, jobs))
    finally:
        _SCAN_TEXTS = []


_WORD_OR_NUMBER_RE = re.compile(r"\d[\d.,]*\d|\d|[^\W\d_]+")


def _word_tokens(text: str) -> list[str]:
    """The benchmark's own words: lower-case runs of letters, and numbers ("84,200") as one word, all alike."""
    return ["#" if t[0].isdigit() else t for t in _WORD_OR_NUMBER_RE.findall(text.lower())]


def near_record(claim: str, pool: list[tuple], texts: list[str]) -> str | None:
    """The run of a stored text's words (numbers as #) the claim is one word away from, or None.

    The not-on-record claims are new sentences from the corpus grammar, and at a
    million quotes a few of them land one word (or only numbers) away from a
    stored quote: by the verdicts' own definitions that claim *is* on record,
    altered ("one word swapped", "a number changed"), so expecting not_found
    for it would count a right answer as wrong. One word away: some run of the
    stored text's words turns into the claim's by one word replaced, added or
    dropped, numbers counted as one word. Checked on the full scan's best
    matches (SCAN_POOL, partial_ratio), independently of the engine.
    """
    from rapidfuzz.distance import Levenshtein

    c = _word_tokens(claim)
    m = len(c)
    if m == 0:
        return None
    for _text, _score, idx in pool:
        r = _word_tokens(texts[idx])
        for size in (m - 1, m, m + 1):
            if size < 1 or size > len(r):
                continue
            for lo in range(len(r) - size + 1):
                if Levenshtein.distance(c, r[lo:lo + size], score_cutoff=1) <= 1:
                    return " ".join(r[lo:lo + size])
    return None


def build_query_mix(truth: list[dict], per_category: int, seed: int, lex_seed: int) -> list[dict]:
    """A fixed, seeded list of {"cat", "text", "speaker", "truth"} (truth = source row)."""
    rng = random.Random(f"queries-{seed}-{per_category}")
    counts = Counter(norm(r["quote"]) for r in truth)
    speakers = sorted({r["speaker"] for r in truth})
    # candidates: statements of >= 6 words whose text is unique in the corpus
    pool = [r for r in truth if r["kind"] == "statement" and len(r["quote"].split()) >= 6 and counts[norm(r["quote"])] == 1]
    long_pool = [r for r in pool if len(r["quote"].split()) >= 8]
    queries: list[dict] = []

    def speaker_for(r):
        return r["speaker"] if rng.random() < 0.5 else None

    # verbatim
    for r in rng.sample(pool, min(per_category, len(pool))):
        words = r["quote"].split()
        if rng.random() < 0.3:
            text = _strip_edges(words)
        else:
            a, b = _excerpt(rng, words, 6, 30)
            text = _strip_edges(words[a:b])
        queries.append({"cat": "verbatim", "text": text, "speaker": speaker_for(r), "truth": r})
    # typos + case
    for r in rng.sample(long_pool, min(per_category, len(long_pool))):
        words = r["quote"].split()
        a, b = _excerpt(rng, words, 8, 30)
        ex = words[a:b]
        cand = [i for i, w in enumerate(ex) if len(re.sub(r"\W", "", w)) >= 4]
        for i in rng.sample(cand, min(len(cand), rng.randint(1, 2))):
            ex[i] = _typo_word(rng, ex[i])
        text = _strip_edges(ex)
        if rng.random() < 0.5:
            text = text.lower()
        else:
            ws = text.split()
            j = rng.randrange(len(ws))
            ws[j] = ws[j].upper()
            text = " ".join(ws)
        queries.append({"cat": "typo", "text": text, "speaker": speaker_for(r), "truth": r})
    # altered: one meaning change inside the excerpt
    vocab = [w for w in corpus_mod._lex(lex_seed).nouns[:3000]]
    ops = ["neg_add", "neg_drop", "swap", "number"]
    shuffled = list(long_pool)
    rng.shuffle(shuffled)
    made = 0
    for r in shuffled:
        if made >= per_category:
            break
        op = ops[made % len(ops)]
        words = r["quote"].split()
        lw = [re.sub(r"\W", "", w).lower() for w in words]
        if op == "neg_add":
            pos = [i for i, w in enumerate(lw) if w in NEGATABLE and (i + 1 >= len(lw) or lw[i + 1] not in ("not", "never"))]
        elif op == "neg_drop":
            pos = [i for i, w in enumerate(lw) if w in ("not", "never") and i > 0]
        elif op == "swap":
            pos = [i for i, w in enumerate(lw) if len(w) >= 5 and w.isalpha()]
        else:
            pos = [i for i, w in enumerate(words) if re.search(r"\d", w)]
        if not pos:
            continue
        i = rng.choice(pos)
        a, b = _excerpt(rng, words, 8, 30, must=i)
        if op == "neg_drop":
            # a word dropped at the edge of the excerpt leaves a verbatim excerpt: keep it inside
            if i == a:
                a = max(0, a - 1)
            if i == b - 1:
                b = min(len(words), b + 1)
            if i == a or i == b - 1:
                continue
        new = list(words)
        if op == "neg_add":
            new[i] = re.sub(re.escape(lw[i]), NEGATABLE[lw[i]], words[i], count=1, flags=re.I)
        elif op == "neg_drop":
            new[i] = ""
        elif op == "swap":
            repl = rng.choice(vocab)
            while repl == lw[i]:
                repl = rng.choice(vocab)
            new[i] = re.sub(r"[A-Za-z]+", repl, words[i], count=1)
        else:
            def bump(m):
                d = m.group(0)
                return str((int(d) + rng.randint(1, 8)) % 10 if len(d) == 1 else int(d) + rng.choice([1, 2, 5, 10]) * 10 ** (len(d) - 2 if len(d) > 1 else 0))
            new[i] = re.sub(r"\d+", bump, words[i], count=1)
            if new[i] == words[i]:
                continue
        text = _strip_edges([w for w in new[a:b] if w])
        queries.append({"cat": "altered", "text": text, "speaker": speaker_for(r), "truth": r, "op": op})
        made += 1
    # misattributed: right words, another speaker on record
    for r in rng.sample(long_pool, min(per_category, len(long_pool))):
        words = r["quote"].split()
        a, b = _excerpt(rng, words, 8, 30)
        other = rng.choice(speakers)
        while other == r["speaker"] or other.split()[-1] == r["speaker"].split()[-1]:
            other = rng.choice(speakers)
        queries.append({"cat": "misattributed", "text": _strip_edges(words[a:b]), "speaker": other, "truth": r})
    # not on record: new text from the same generator, a different RNG stream
    w = corpus_mod.Writer(corpus_mod._lex(lex_seed), random.Random(f"not-on-record-{seed}"))
    all_norm = set(counts)
    made = 0
    while made < per_category:
        text = w.quote_text(rng.randint(10, 25))
        if norm(text) in all_norm:
            continue
        sp = rng.choice(speakers) if rng.random() < 0.5 else None
        queries.append({"cat": "not_found", "text": text, "speaker": sp, "truth": None})
        made += 1
    rng.shuffle(queries)
    return queries


# What every measuring subprocess starts with: its own peak RSS.
SUBPROCESS_PRELUDE = r"""
import json, resource, sys, time

def _hwm_mb():
    # VmHWM: this process's own peak RSS. ru_maxrss is not usable here: Linux keeps it
    # across fork+exec, so a child of a big parent would report the parent's size.
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""


# --------------------------------------------------------------------------
# ingest (in a fresh subprocess each, so memory and imports do not leak)
INGEST_SCRIPT = SUBPROCESS_PRELUDE + r"""
t0 = time.perf_counter()
from quotebot.engine import Engine
db, folder, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
e = Engine(db)
t1 = time.perf_counter()
r = e.ingest([folder], workers=workers)
t2 = time.perf_counter()
e.close()
ru, rc = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": t2 - t1, "report_seconds": r.seconds, "bytes": r.bytes,
    "cpu_self_s": ru.ru_utime + ru.ru_stime, "cpu_children_s": rc.ru_utime + rc.ru_stime,
    "added": len(r.added), "skipped": len(r.skipped), "quotes": r.quotes,
    "peak_rss_mb": _hwm_mb(),
    "children_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run_ingest(db: Path, folder: Path, workers: int, profile_out: Path | None = None) -> dict:
    for suffix in ("", "-wal", "-shm"):
        p = Path(str(db) + suffix)
        if p.exists():
            p.unlink()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    cmd = [sys.executable]
    if profile_out:
        cmd += ["-m", "cProfile", "-o", str(profile_out)]
        script = db.parent / "_ingest_profiled.py"
        script.write_text(INGEST_SCRIPT)
        cmd += [str(script)]
    else:
        cmd += ["-c", INGEST_SCRIPT]
    cmd += [str(db), str(folder), str(workers)]
    t = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    if out.returncode != 0:
        raise RuntimeError(f"ingest failed ({workers} workers):\n{out.stderr[-3000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["wall"] = wall
    res["workers"] = workers
    return res


def git_state() -> str:
    """HEAD and the engine files modified in the working tree (others edit it meanwhile)."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--short", "--", "quotebot"], cwd=ROOT, capture_output=True, text=True).stdout.split("\n")
        dirty = [d.split()[-1] for d in dirty if d.strip()]
        return head + (f" + uncommitted {', '.join(dirty)}" if dirty else "")
    except OSError:
        return "?"


def db_bytes(db: Path) -> int:
    return sum(Path(str(db) + s).stat().st_size for s in ("", "-wal", "-shm") if Path(str(db) + s).exists())


def load_stored(db: Path) -> tuple[list[int], list[str], list[str | None]]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT q.id, q.text, s.name FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id ORDER BY q.id").fetchall()
    con.close()
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


# --------------------------------------------------------------------------
# a fresh process: peak RSS and time to first answer
PROBE_SCRIPT = SUBPROCESS_PRELUDE + r"""
t0 = time.perf_counter()
from quotebot.engine import Engine
t_import = time.perf_counter() - t0
qs = json.load(open(sys.argv[2]))
e = Engine(sys.argv[1], create=False)
t_open = time.perf_counter() - t0
e.verify(qs[0]["text"], qs[0]["speaker"])
t_first = time.perf_counter() - t0
rss_first = _hwm_mb()
for q in qs[1:]:
    e.verify(q["text"], q["speaker"])
t_all = time.perf_counter() - t0
print(json.dumps({"import_s": t_import, "open_s": t_open, "first_answer_s": t_first, "all_s": t_all,
    "peak_rss_mb_first": rss_first, "peak_rss_mb": _hwm_mb(), "ru_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "queries": len(qs)}))
"""


def fresh_process_probe(db: Path, queries: list[dict], workdir: Path) -> dict:
    qfile = workdir / "probe_queries.json"
    qfile.write_text(json.dumps([{"text": q["text"], "speaker": q["speaker"]} for q in queries]))
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", PROBE_SCRIPT, str(db), str(qfile)], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    if out.returncode != 0:
        raise RuntimeError(f"probe failed:\n{out.stderr[-3000:]}")
    res = json.loads(out.stdout.strip().splitlines()[-1])
    res["process_wall_s"] = wall
    return res


# --------------------------------------------------------------------------
# concurrency through the bot's code path
def bot_verify_path(engine, read_processes: int | None = None):
    """The bot's /verify code path if quotebot.bot is importable, else None.

    quotebot.bot.cogs.quotes.Quotes.verify does ``answer = await
    self.bot.call_for(interaction, engine.verify, claim, speaker)`` then renders
    ``embeds.verdict_embed(answer)`` and ``views.answer_view(answer)`` on the event
    loop. ``call_for`` needs a Discord interaction only to defer slow answers, so we
    drive ``QuoteBot.call`` (the same hand-off) on a real QuoteBot made with the
    settings ``quotebot bot`` reads by default: one reader process per CPU
    (QUOTEBOT_READ_PROCESSES) and the database kept in memory (QUOTEBOT_RESIDENT_MB),
    warmed up as its setup_hook does before it goes online.
    """
    try:
        from quotebot.bot import embeds, views
        from quotebot.bot.client import QuoteBot
        from quotebot.config import Settings
        from quotebot.readers import default_processes
    except Exception as exc:  # noqa: BLE001
        log(f"quotebot.bot not importable ({exc}); driving asyncio.to_thread(engine.verify) directly")
        return None
    procs = default_processes() if read_processes is None else read_processes
    # resident_mb=None: the database kept in memory as `quotebot bot` does by default.
    bot = QuoteBot(engine, Settings(cooldown_rate=0, cooldown_per=0, read_processes=procs, resident_mb=None))
    if bot.resident is not None and bot.resident.start():
        bot.resident.wait_ready(timeout=300)
    if bot.readers is not None:
        for f in bot.readers.warm():
            f.result(timeout=120)

    async def run(engine, text, speaker):
        answer = await bot.call(engine.verify, text, speaker)
        embeds.verdict_embed(answer)
        views.answer_view(answer)
        return answer

    where = f"{procs} reader processes" if bot.readers is not None else f"bot executor, {os.cpu_count()} threads"
    where += ", database kept in memory" if bot.resident is not None and bot.resident.pid else ""
    return f"QuoteBot.call(engine.verify, text, speaker) [{where}] + embeds.verdict_embed + views.answer_view, 50 at once with asyncio.gather", run, bot


async def _concurrent(engine, queries: list[dict], n: int, rounds: int, bot_fn=None) -> dict:
    lat: list[float] = []
    errors: list[str] = []
    verdicts: list[tuple[int, str | None]] = []

    async def one(i, q):
        t = time.perf_counter()
        try:
            if bot_fn is not None:
                ans = await bot_fn(engine, q["text"], q["speaker"])
            else:
                ans = await asyncio.to_thread(engine.verify, q["text"], q["speaker"])
            verdicts.append((i, getattr(ans, "verdict", None)))
        except Exception as exc:  # noqa: BLE001
            errors.append(f"{type(exc).__name__}: {exc}")
        lat.append(time.perf_counter() - t)

    round_p99 = []
    t_all = time.perf_counter()
    for r in range(rounds):
        batch = [(r * n + k) % len(queries) for k in range(n)]
        before = len(lat)
        await asyncio.gather(*(one(i, queries[i]) for i in batch))
        round_p99.append(pct(lat[before:], 99))
    total = time.perf_counter() - t_all
    return {"requests": len(lat), "p50": pct(lat, 50), "p99": pct(lat, 99), "max": max(lat) if lat else float("nan"),
            "worst_round_p99": max(round_p99), "round_p99s": round_p99, "errors": len(errors), "error_samples": errors[:5],
            "throughput_qps": len(lat) / total, "verdicts": verdicts}


CONCURRENCY_SCRIPT = r"""
import json, sys
from quotebot.engine import Engine
import scale
db, qfile, rounds, procs = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
engine = Engine(db, create=False)
res = scale.run_concurrency(engine, json.load(open(qfile)), n=50, rounds=rounds,
                            read_processes=None if procs == "default" else int(procs))
print(json.dumps(res))
"""


def concurrency_in_fresh_process(db: Path, queries: list[dict], workdir: Path, rounds: int,
                                 read_processes: int | None) -> dict:
    """run_concurrency in a process of its own, as the bot runs: it holds no quote texts
    and none of this benchmark's state (whose garbage collection stalled the event loop)."""
    qfile = workdir / "concurrency_queries.json"
    qfile.write_text(json.dumps([{"text": q["text"], "speaker": q["speaker"]} for q in queries]))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(HERE), os.environ.get("PYTHONPATH", "")]))
    procs = "default" if read_processes is None else str(read_processes)
    out = subprocess.run([sys.executable, "-c", CONCURRENCY_SCRIPT, str(db), str(qfile), str(rounds), procs],
                         capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"concurrency run failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_concurrency(engine, queries, n=50, rounds=5, read_processes: int | None = None) -> dict:
    found = bot_verify_path(engine, read_processes)
    fn = found[1] if found else None
    try:
        res = asyncio.run(_concurrent(engine, queries, n, rounds, fn))
    finally:
        if found and found[2].readers is not None:
            found[2].readers.close()
        if found and found[2].resident is not None:
            found[2].resident.stop()
    res["path"] = found[0] if found else "asyncio.gather(asyncio.to_thread(engine.verify, text, speaker)) x50 (as the bot does; quotebot.bot not importable)"
    return res


# --------------------------------------------------------------------------
def profile_verify(engine, queries, top=25) -> str:
    pr = cProfile.Profile()
    pr.enable()
    for q in queries:
        engine.verify(q["text"], q["speaker"])
    pr.disable()
    s = io.StringIO()
    st = pstats.Stats(pr, stream=s)
    st.sort_stats("cumulative").print_stats(top)
    st.sort_stats("tottime").print_stats(top)
    return s.getvalue()


def trace_sql(engine, queries) -> list[dict]:
    """Which SQL statements verify runs, how often, and how long each kind takes."""
    conn = None
    st = engine.store
    for path in ("db.conn", "conn", "_conn", "connection"):
        obj = st
        try:
            for part in path.split("."):
                obj = getattr(obj, part)
        except AttributeError:
            continue
        if isinstance(obj, sqlite3.Connection):
            conn = obj
            break
    if conn is None:
        return []
    stmts: list[str] = []
    conn.set_trace_callback(stmts.append)
    per_query = []
    for q in queries:
        before = len(stmts)
        t = time.perf_counter()
        engine.verify(q["text"], q["speaker"])
        per_query.append((time.perf_counter() - t, stmts[before:]))
    conn.set_trace_callback(None)
    # time each statement again on its own (expanded SQL has the values inline)
    shapes: dict[str, dict] = defaultdict(lambda: {"count": 0, "seconds": 0.0, "example": "", "max": 0.0})
    probe = sqlite3.connect(f"file:{engine.db_path}?mode=ro", uri=True)
    for _, ss in per_query:
        for sql in ss:
            shape = re.sub(r"'(?:[^']|'')*'|\b\d+\b", "?", sql)
            shape = re.sub(r"\s+", " ", shape)[:300]
            d = shapes[shape]
            d["count"] += 1
            if not sql.lstrip().upper().startswith("SELECT") and not sql.lstrip().upper().startswith("WITH"):
                continue
            try:
                t = time.perf_counter()
                probe.execute(sql).fetchall()
                dt = time.perf_counter() - t
            except sqlite3.Error:
                continue
            d["seconds"] += dt
            if dt > d["max"]:
                d["max"] = dt
                d["example"] = sql[:600]
                try:
                    d["plan"] = [r[-1] for r in probe.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
                except sqlite3.Error:
                    pass
    probe.close()
    out = sorted(({"shape": k, **v} for k, v in shapes.items()), key=lambda d: -d["seconds"])
    return out


# --------------------------------------------------------------------------
def measure_size(n: int, args) -> dict:
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    cdir = workdir / f"corpus-{n}-s{args.seed}"
    meta = corpus_mod.generate(n, args.seed, cdir)
    folder = cdir / "articles"
    res: dict = {"git": git_state(), "loadavg_start": os.getloadavg(), "quotes_generated": n, "seed": args.seed, "articles": meta["articles"], "corpus_bytes": meta["bytes"], "corpus_gen_s": meta["seconds"]}
    ncores = args.workers or os.cpu_count() or 1
    db1 = workdir / f"db-{n}-s{args.seed}-w1.db"
    dbn = workdir / f"db-{n}-s{args.seed}-w{ncores}.db"
    ingest_cache = workdir / f"ingest-{n}-s{args.seed}.json"

    # ---- ingest: all cores first (the target), 1 worker after the query measurements
    def rates():
        for r in res["ingest"].values():
            r["articles_per_s"] = meta["articles"] / r["seconds"]
            r["mb_per_s"] = meta["bytes"] / 1e6 / r["seconds"]

    if args.reuse and ingest_cache.exists() and dbn.exists():
        res["ingest"] = json.loads(ingest_cache.read_text())
        log(f"[{n}] reusing databases and ingest figures from {ingest_cache}")
    else:
        res["ingest"] = {}
        log(f"[{n}] ingest with {ncores} workers ...")
        res["ingest"][str(ncores)] = run_ingest(dbn, folder, ncores)
        log(f"[{n}]   {res['ingest'][str(ncores)]['seconds']:.1f} s")
        ingest_cache.write_text(json.dumps(res["ingest"]))
    rates()
    ids, texts, spk = load_stored(dbn)
    res["stored_quotes"] = len(ids)
    res["db_bytes"] = db_bytes(dbn)
    res["db_bytes_per_quote"] = res["db_bytes"] / max(1, len(ids))

    # ---- query mix
    truth = corpus_mod.read_truth(cdir)
    per_cat = max(1, args.queries // len(CATEGORIES))
    queries = build_query_mix(truth, per_cat, args.seed, args.seed)
    stored_norm = {}
    for i, t in zip(ids, texts):
        stored_norm.setdefault(norm(t), i)
    for q in queries:
        q["truth_in_db"] = bool(q["truth"]) and norm(q["truth"]["quote"]) in stored_norm
        q["truth_id"] = stored_norm.get(norm(q["truth"]["quote"])) if q["truth"] else None
    del truth

    from quotebot.engine import Engine

    engine = Engine(dbn, create=False)
    for q in queries[:5]:  # warm the page cache and lazy indexes
        engine.verify(q["text"], q["speaker"])
    lat, cpu, by_cat = [], [], defaultdict(list)
    for q in queries:
        t, c = time.perf_counter(), time.thread_time()
        ans = engine.verify(q["text"], q["speaker"])
        dt = time.perf_counter() - t
        cpu.append(time.thread_time() - c)
        lat.append(dt)
        q["latency"] = dt
        q["verdict"] = ans.verdict
        q["top_id"] = ans.matches[0].id if ans.matches else None
        q["top_text"] = ans.matches[0].quote if ans.matches else None
        by_cat[q["cat"]].append(dt)
    res["verify"] = {"cpu_p50": pct(cpu, 50), "cpu_p99": pct(cpu, 99), "n": len(lat), "p50": pct(lat, 50), "p95": pct(lat, 95), "p99": pct(lat, 99), "max": max(lat), "mean": statistics.fmean(lat),
                     "by_category": {c: {"p50": pct(v, 50), "p99": pct(v, 99)} for c, v in by_cat.items()}}
    # ---- speaker look-up
    rng = random.Random(f"speakers-{args.seed}")
    counts = Counter(s for s in spk if s)
    popular = [s for s, _ in counts.most_common(20)]
    names = popular + rng.sample(sorted(counts), min(80, len(counts)))
    slat, nres, slat_lim = [], [], []
    engine.quotes(speaker=names[0])
    for name in names:
        t = time.perf_counter()
        m = engine.quotes(speaker=name)
        slat.append(time.perf_counter() - t)
        nres.append(len(m))
        t = time.perf_counter()
        engine.quotes(speaker=name, limit=25)
        slat_lim.append(time.perf_counter() - t)
    res["speaker_lookup"] = {"n": len(names), "p50": pct(slat, 50), "p95": pct(slat, 95), "p99": pct(slat, 99),
                             "mean_results": statistics.fmean(nres), "max_results": max(nres),
                             "limit25_p50": pct(slat_lim, 50), "limit25_p99": pct(slat_lim, 99)}

    # ---- full-scan baseline
    from rapidfuzz import fuzz, process, utils

    scorer = {"partial_ratio": fuzz.partial_ratio, "WRatio": fuzz.WRatio}[args.scan_scorer]
    proc_texts = [utils.default_process(t) for t in texts]  # once, outside the timing
    on_record = [q for q in queries if q["cat"] in ON_RECORD]
    n_scan = args.scan_queries if args.scan_queries else (len(queries) if n <= 20_000 else 100 if n < 1_000_000 else 30)
    srng = random.Random(f"scan-{args.seed}")
    scan_qs = srng.sample(queries, min(n_scan, len(queries)))
    scan_lat = []
    raw_top: dict[int, tuple | None] = {}  # query index -> extractOne result
    index_of = {id(q): i for i, q in enumerate(queries)}
    for q in scan_qs:
        qp = utils.default_process(q["text"])
        t = time.perf_counter()
        # The timed baseline: one plain rapidfuzz pass over every stored quote.
        raw = process.extractOne(qp, proc_texts, scorer=scorer, processor=None)
        scan_lat.append(time.perf_counter() - t)
        raw_top[index_of[id(q)]] = raw
    # Agreement is measured where the answer is on record (the claim's quote is
    # stored), on more queries than are timed: untimed scans, run in parallel.
    agree_qs = [q for q in queries if q["cat"] in ON_RECORD and q["truth_id"] is not None]
    n_agree = args.agree_queries if args.agree_queries is not None else len(agree_qs)
    agree_qs = random.Random(f"agree-{args.seed}").sample(agree_qs, min(n_agree, len(agree_qs)))
    # The not-on-record claims are scanned too: near_record() looks among their best matches.
    not_found_qs = [q for q in queries if q["cat"] == "not_found"]
    log(f"[{n}] full scan of {len(agree_qs)} on-record queries (agreement) and {len(not_found_qs)} not-on-record ones ...")
    scans = scan_all([(index_of[id(q)], utils.default_process(q["text"]), raw_top.get(index_of[id(q)]))
                      for q in agree_qs + not_found_qs], proc_texts, args.scan_scorer)
    for q in not_found_qs:
        q["near_record"] = near_record(q["text"], scans[index_of[id(q)]][1], texts)
    agree, agree_tie, agree_raw, agree_n = 0, 0, 0, 0
    scan_src, eng_src, src_n = 0, 0, 0
    for q in agree_qs:
        raw, pool = scans[index_of[id(q)]]
        pool = [m for m in pool if raw and m[1] >= raw[1] - 10]  # the near-best, within 10 points
        qp = utils.default_process(q["text"])
        best = scan_top(qp, pool, proc_texts)
        q["scan_top_id"] = ids[best[2]] if best else None
        agree_n += 1
        same = best is not None and q["top_id"] is not None and (q["top_id"] == q["scan_top_id"] or norm(q["top_text"] or "") == norm(texts[best[2]]))
        agree += same
        agree_raw += bool(raw) and q["top_id"] is not None and (q["top_id"] == ids[raw[2]] or norm(q["top_text"] or "") == norm(texts[raw[2]]))
        src_n += 1
        scan_src += best is not None and (q["scan_top_id"] == q["truth_id"] or norm(texts[best[2]]) == norm(q["truth"]["quote"]))
        eng_src += q["top_id"] == q["truth_id"]
        tie = same or bool(raw and q["top_text"] is not None and scorer(qp, utils.default_process(q["top_text"])) >= raw[1])
        agree_tie += tie
        if not same and len(res.setdefault("disagreements", [])) < 10:
            res["disagreements"].append({"cat": q["cat"], "text": q["text"], "speaker": q["speaker"], "tie": tie,
                                         "engine_top": q["top_text"], "scan_top": texts[best[2]] if best else None,
                                         "source": q["truth"]["quote"]})
    # agreement on every on-record query is cheap to extend when the scan ran on all of them
    eng_lat_scan = [q["latency"] for q in scan_qs]
    res["scan"] = {"scorer": args.scan_scorer, "queries": len(scan_qs), "subsampled": len(scan_qs) < len(queries),
                   "agreement_queries": len(agree_qs),
                   "p50": pct(scan_lat, 50), "p99": pct(scan_lat, 99), "mean": statistics.fmean(scan_lat),
                   "engine_mean_same_queries": statistics.fmean(eng_lat_scan),
                   "speedup_mean": statistics.fmean(scan_lat) / statistics.fmean(eng_lat_scan),
                   "speedup_p50": pct(scan_lat, 50) / pct(eng_lat_scan, 50),
                   "scan_top_is_source": scan_src / max(1, src_n), "engine_top_is_source": eng_src / max(1, src_n), "source_n": src_n,
                   "agreement": agree / max(1, agree_n), "agreement_tie_aware": agree_tie / max(1, agree_n),
                   "agreement_raw_top": agree_raw / max(1, agree_n), "agreement_n": agree_n}
    # engine top == truth (does the engine find the quote the claim came from?)
    tq = [q for q in on_record if q["truth_id"] is not None]
    res["top_is_source"] = sum(1 for q in tq if q["top_id"] == q["truth_id"]) / max(1, len(tq))
    # ---- verdict accuracy (after the scan: it tells which not-on-record claims are one word from a stored quote)
    acc = {}
    for c in CATEGORIES:
        qs = [q for q in queries if q["cat"] == c]
        ok = [q for q in qs if q["verdict"] in EXPECTED[c]]
        # on-record categories: the claim's quote was stored; not_found: no stored quote is one word away
        rec = [q for q in qs if not q.get("near_record")] if c == "not_found" else [q for q in qs if q["truth_in_db"]]
        ok_rec = [q for q in rec if q["verdict"] in EXPECTED[c]]
        acc[c] = {"n": len(qs), "accuracy": len(ok) / max(1, len(qs)), "n_extracted": len(rec),
                  "accuracy_extracted": len(ok_rec) / max(1, len(rec)), "verdicts": dict(Counter(q["verdict"] for q in qs))}
        if c == "altered":
            acc[c]["by_op"] = {op: f"{sum(1 for q in qs if q.get('op') == op and q['verdict'] in EXPECTED[c])}/{sum(1 for q in qs if q.get('op') == op)}" for op in ("neg_add", "neg_drop", "swap", "number")}
        if c == "not_found":
            near = [q for q in qs if q.get("near_record")]
            acc[c]["near_record"] = {"n": len(near), "verdicts": dict(Counter(q["verdict"] for q in near)),
                                     "examples": [{"text": q["text"], "speaker": q["speaker"], "verdict": q["verdict"],
                                                   "stored": q["near_record"]} for q in near[:5]]}
    res["accuracy"] = acc
    res["examples_wrong"] = [{k: q[k] for k in ("cat", "text", "speaker", "verdict", "top_text")} | {"truth_quote": q["truth"]["quote"] if q["truth"] else None, "truth_speaker": q["truth"]["speaker"] if q["truth"] else None}
                             for q in queries if q["verdict"] not in EXPECTED[q["cat"]] and not q.get("near_record")][:12]

    # The million strings loaded for the scan are not needed past here.
    del proc_texts, texts, ids, spk, stored_norm
    gc.collect()

    # ---- concurrency through the bot path
    log(f"[{n}] concurrency ...")
    conc = concurrency_in_fresh_process(dbn, queries, workdir, args.rounds, args.read_processes)
    serial = {i: q["verdict"] for i, q in enumerate(queries)}
    conc["verdict_mismatch_vs_serial"] = sum(1 for i, v in conc.pop("verdicts") if serial[i] != v)
    res["concurrency"] = conc

    # ---- fresh process: memory and start-up
    log(f"[{n}] fresh-process probe ...")
    res["probe"] = fresh_process_probe(dbn, queries, workdir)

    # ---- profiling
    if args.profile:
        log(f"[{n}] profiling ...")
        sub = queries[: min(len(queries), args.profile_queries)]
        res["profile_verify"] = profile_verify(engine, sub)
        res["sql"] = trace_sql(engine, sub)[:12]
        pdir = workdir / f"profile-ingest-{n}.prof"
        sample_dir = workdir / f"profile-sample-{n}"
        if not sample_dir.exists():
            sample_dir.mkdir()
            for p in sorted(folder.iterdir())[:300]:
                (sample_dir / p.name).write_bytes(p.read_bytes())
        run_ingest(workdir / f"profile-{n}.db", sample_dir, 1, profile_out=pdir)
        s = io.StringIO()
        st = pstats.Stats(str(pdir), stream=s)
        st.sort_stats("cumulative").print_stats(30)
        st.sort_stats("tottime").print_stats(20)
        res["profile_ingest"] = s.getvalue()
    engine.close()
    res["ncores"] = ncores
    res["loadavg_end"] = os.getloadavg()
    if not args.skip_single and "1" not in res["ingest"] and ncores != 1:
        (workdir / f"results-{n}-s{args.seed}.partial.json").write_text(json.dumps(_jsonable(res), indent=1))
        log(f"[{n}] ingest with 1 worker ...")
        res["ingest"]["1"] = run_ingest(db1, folder, 1)
        log(f"[{n}]   {res['ingest']['1']['seconds']:.1f} s")
        ingest_cache.write_text(json.dumps(res["ingest"]))
        rates()
    return res


# --------------------------------------------------------------------------
def targets(res: dict, base: dict | None) -> list[tuple[str, str, bool | None]]:
    ncores = str(res["ncores"])
    out = []
    v = res["verify"]
    out.append(("verify p50 <= 10 ms", f"{fmt_ms(v['p50'])} ms", v["p50"] <= 0.010))
    out.append(("verify p99 <= 50 ms", f"{fmt_ms(v['p99'])} ms", v["p99"] <= 0.050))
    sc = res["scan"]
    out.append(("speed-up over full scan >= 100x", f"{sc['speedup_mean']:.0f}x (mean/mean, {sc['queries']} queries)", sc["speedup_mean"] >= 100))
    out.append(("top-match agreement >= 99%", f"{sc['agreement'] * 100:.1f}% strict, {sc['agreement_tie_aware'] * 100:.1f}% tie-aware (n={sc['agreement_n']})", sc["agreement"] >= 0.99))
    if base is not None and base is not res:
        # Compared on queries whose quote is stored: which quotes the extractor
        # missed differs by sample and says nothing about the engine at scale.
        worst = min(res["accuracy"][c]["accuracy_extracted"] - base["accuracy"][c]["accuracy_extracted"] for c in CATEGORIES)
        worst_all = min(res["accuracy"][c]["accuracy"] - base["accuracy"][c]["accuracy"] for c in CATEGORIES)
        out.append(("verdict accuracy unchanged from 10k (each category within 2 pp, quote stored)",
                    f"worst change {worst * 100:+.1f} pp ({worst_all * 100:+.1f} pp over all queries)", worst >= -0.02))
    else:
        out.append(("verdict accuracy unchanged from 10k", "no 10k result to compare", None))
    p = res["probe"]
    out.append(("peak RSS <= 300 MB (fresh process, query mix)", f"{p['peak_rss_mb']:.0f} MB", p["peak_rss_mb"] <= 300))
    out.append(("first answer <= 1 s (fresh process, from import)", f"{p['first_answer_s']:.2f} s (process wall incl. interpreter {p['process_wall_s']:.2f} s for all)", p["first_answer_s"] <= 1.0))
    ing = res["ingest"].get(ncores)
    out.append((f"ingest {ncores} cores >= 5 MB/s", f"{ing['mb_per_s']:.2f} MB/s", ing["mb_per_s"] >= 5))
    c = res["concurrency"]
    out.append(("50 concurrent p99 <= 250 ms, 0 errors", f"p99 {fmt_ms(c['p99'])} ms, {c['errors']} errors", c["p99"] <= 0.250 and c["errors"] == 0))
    return out


def report(n: int, res: dict, base: dict | None) -> str:
    L = []
    L.append(f"\n=== {n:,} quotes (seed {res['seed']}): {res['articles']:,} articles, {res['corpus_bytes'] / 1e6:.1f} MB of text; {res['stored_quotes']:,} quotes stored ===")
    if res.get("git"):
        L.append(f"(code: {res['git']})")
    if res.get("loadavg_start"):
        L.append(f"(machine load average at start {res['loadavg_start'][0]:.1f}, at end {res['loadavg_end'][0]:.1f}, {res['ncores']} cores; other jobs share the machine)")
    L.append("Ingest")
    for k in sorted(res["ingest"], key=int):
        r = res["ingest"][k]
        cpu = f", CPU {r['cpu_self_s']:.0f} s main + {r['cpu_children_s']:.0f} s workers" if "cpu_self_s" in r else ""
        L.append(f"  {k} worker(s): {r['seconds']:8.1f} s  {r['articles_per_s']:8.0f} articles/s  {r['mb_per_s']:6.2f} MB/s  ({r['quotes']:,} quotes, peak RSS {r['peak_rss_mb']:.0f} MB parent / {r['children_peak_rss_mb']:.0f} MB worker{cpu})")
    L.append(f"  database: {res['db_bytes'] / 1e6:.1f} MB on disk, {res['db_bytes_per_quote']:.0f} bytes per stored quote (includes article text)")
    v = res["verify"]
    L.append(f"Verify ({v['n']} queries): p50 {fmt_ms(v['p50'])} ms  p95 {fmt_ms(v['p95'])} ms  p99 {fmt_ms(v['p99'])} ms  max {fmt_ms(v['max'])} ms"
             + (f"   [CPU time of the calling thread: p50 {fmt_ms(v['cpu_p50'])} ms p99 {fmt_ms(v['cpu_p99'])} ms]" if "cpu_p50" in v else ""))
    for c in CATEGORIES:
        b = v["by_category"].get(c)
        a = res["accuracy"][c]
        extra = f"  by op {a['by_op']}" if "by_op" in a else ""
        which = "not one word from a stored quote" if c == "not_found" else "whose quote was extracted"
        L.append(f"  {c:14s} expect {'/'.join(sorted(EXPECTED[c])):18s} accuracy {a['accuracy'] * 100:5.1f}% (n={a['n']}; {a['accuracy_extracted'] * 100:5.1f}% of the {a['n_extracted']} {which})  p50 {fmt_ms(b['p50'])} ms p99 {fmt_ms(b['p99'])} ms  verdicts {a['verdicts']}{extra}")
        near = a.get("near_record")
        if near and near["n"]:
            L.append(f"  {'':14s} {near['n']} not-on-record claims are one word (or only numbers) from a stored quote (near_record): verdicts {near['verdicts']}")
            for e in near["examples"][:3]:
                L.append(f"  {'':14s}   {e['verdict']}: {e['text'][:70]!r} ~ stored words {e['stored'][:70]!r}")
    L.append(f"  engine's top match is the source quote: {res['top_is_source'] * 100:.1f}% of on-record queries")
    s = res["speaker_lookup"]
    L.append(f"Speaker look-up ({s['n']} names, 20 most quoted + 80 random): p50 {fmt_ms(s['p50'])} ms  p95 {fmt_ms(s['p95'])} ms  p99 {fmt_ms(s['p99'])} ms  (mean {s['mean_results']:.0f} quotes, max {s['max_results']}); with limit=25: p50 {fmt_ms(s['limit25_p50'])} ms p99 {fmt_ms(s['limit25_p99'])} ms")
    sc = res["scan"]
    sub = f" (subsample of {sc['queries']} queries)" if sc["subsampled"] else f" ({sc['queries']} queries)"
    L.append(f"Full-scan baseline, rapidfuzz process.extractOne(scorer={sc['scorer']}) over {res['stored_quotes']:,} texts{sub}: p50 {fmt_ms(sc['p50'])} ms  p99 {fmt_ms(sc['p99'])} ms  mean {fmt_ms(sc['mean'])} ms")
    L.append(f"  engine on the same queries: mean {fmt_ms(sc['engine_mean_same_queries'])} ms -> speed-up {sc['speedup_mean']:.0f}x (mean), {sc['speedup_p50']:.0f}x (p50)")
    L.append(f"  top-match agreement on on-record queries (the claim's quote is stored), the scan's best {SCAN_POOL} tie-broken by length (scan_top): {sc['agreement'] * 100:.1f}% strict (same id or same text), {sc['agreement_tie_aware'] * 100:.1f}% tie-aware (engine's top scores as high as the scan's raw best), n={sc['agreement_n']}"
             + (f"; {sc['agreement_raw_top'] * 100:.1f}% with the raw {sc['scorer']} top (no tie-break; texts at least half the claim's length)" if "agreement_raw_top" in sc else ""))
    if "scan_top_is_source" in sc:
        L.append(f"  top match is the quote the claim was made from (on-record queries whose source was extracted, n={sc['source_n']}): scan {sc['scan_top_is_source'] * 100:.1f}%, engine {sc['engine_top_is_source'] * 100:.1f}%")
    p = res["probe"]
    L.append(f"Fresh process: import {p['import_s']:.2f} s, open {p['open_s']:.2f} s, first answer {p['first_answer_s']:.2f} s after start of import; peak RSS {p['peak_rss_mb_first']:.0f} MB after first answer, {p['peak_rss_mb']:.0f} MB after {p['queries']} queries")
    c = res["concurrency"]
    L.append(f"Concurrency: {c['requests']} requests in rounds of 50 via {c['path']}: p50 {fmt_ms(c['p50'])} ms  p99 {fmt_ms(c['p99'])} ms  worst round p99 {fmt_ms(c['worst_round_p99'])} ms  {c['throughput_qps']:.0f} req/s  errors {c['errors']}  verdicts differing from serial run {c['verdict_mismatch_vs_serial']}")
    if c.get("round_p99s"):
        L.append("  p99 per round (readers are started and warmed before round 1, as the bot's setup_hook does): " + ", ".join(f"{fmt_ms(x)} ms" for x in c["round_p99s"]))
    if c["error_samples"]:
        L.append(f"  errors: {c['error_samples']}")
    tag = "" if n >= TARGETS_AT else f"  (targets are set for {TARGETS_AT:,}; shown for information)"
    L.append("Targets" + tag)
    for name, val, ok in targets(res, base):
        mark = "n/a " if ok is None else ("PASS" if ok else "FAIL")
        L.append(f"  [{mark}] {name:58s} {val}")
    for d in res.get("disagreements", []):
        L.append(f"  engine and scan disagree{' (a tie: the engine top scores as high)' if d['tie'] else ''} [{d['cat']}] {d['text'][:70]!r}: "
                 f"engine {(d['engine_top'] or '')[:60]!r}, scan {(d['scan_top'] or '')[:60]!r}, source {d['source'][:60]!r}")
    if res.get("examples_wrong"):
        L.append("Some queries answered against expectation:")
        for e in res["examples_wrong"][:8]:
            L.append(f"  [{e['cat']}] got {e['verdict']}: {e['text'][:90]!r} speaker={e['speaker']!r}; source {e['truth_speaker']!r}: {(e['truth_quote'] or '')[:90]!r}; top: {(e['top_text'] or '')[:70]!r}")
    if res.get("sql"):
        L.append("SQL run by verify (re-executed one by one; slowest first):")
        for d in res["sql"][:8]:
            L.append(f"  {d['count']:5d}x total {d['seconds'] * 1000:8.1f} ms  max {d['max'] * 1000:6.1f} ms  {d['shape'][:160]}")
            if d.get("plan"):
                L.append(f"        plan: {' | '.join(d['plan'])[:200]}")
    return "\n".join(L)


def growth(all_res: dict[int, dict]) -> str:
    sizes = sorted(all_res)
    if len(sizes) < 2:
        return ""
    L = ["\n=== Growth ==="]
    hdr = f"{'quotes':>10} {'verify p50':>11} {'verify p99':>11} {'speaker p50':>12} {'scan mean':>10} {'ingest 1w s':>12} {'ingest Nw s':>12} {'MB/s Nw':>8} {'B/quote':>8} {'RSS MB':>7} {'first s':>8}"
    L.append(hdr)

    def row_vals(r):
        nc = str(r["ncores"])
        return {
            "verify p50": r["verify"]["p50"], "verify p99": r["verify"]["p99"], "speaker p50": r["speaker_lookup"]["p50"],
            "scan mean": r["scan"]["mean"], "ingest 1w": r["ingest"].get("1", {}).get("seconds", float("nan")),
            "ingest Nw": r["ingest"][nc]["seconds"], "db bytes/quote": r["db_bytes_per_quote"], "peak RSS": r["probe"]["peak_rss_mb"],
        }

    for n in sizes:
        r = all_res[n]
        nc = str(r["ncores"])
        L.append(f"{n:>10,} {fmt_ms(r['verify']['p50']):>9}ms {fmt_ms(r['verify']['p99']):>9}ms {fmt_ms(r['speaker_lookup']['p50']):>10}ms {fmt_ms(r['scan']['mean']):>8}ms "
                 f"{r['ingest'].get('1', {}).get('seconds', float('nan')):>12.1f} {r['ingest'][nc]['seconds']:>12.1f} {r['ingest'][nc]['mb_per_s']:>8.2f} {r['db_bytes_per_quote']:>8.0f} {r['probe']['peak_rss_mb']:>7.0f} {r['probe']['first_answer_s']:>8.2f}")
    L.append("Growth exponent k between sizes (metric ~ quotes^k; k>1 super-linear, k~0 flat):")
    for a, b in zip(sizes, sizes[1:]):
        va, vb = row_vals(all_res[a]), row_vals(all_res[b])
        parts = []
        for key in va:
            x, y = va[key], vb[key]
            if x and y and x == x and y == y and x > 0 and y > 0:
                k = math.log(y / x) / math.log(b / a)
                parts.append(f"{key} {k:+.2f}" + (" SUPER-LINEAR" if k > 1.1 else ""))
        L.append(f"  {a:,} -> {b:,}: " + ", ".join(parts))
        for why in _reasons(all_res[a], all_res[b], va, vb, a, b):
            L.append(f"    reason: {why}")
    return "\n".join(L)


def _reasons(ra: dict, rb: dict, va: dict, vb: dict, a: int, b: int) -> list[str]:
    """One line per super-linear metric, from what the results can tell."""
    out = []

    def k(key):
        x, y = va.get(key), vb.get(key)
        return math.log(y / x) / math.log(b / a) if x and y and x == x and y == y and x > 0 and y > 0 else None

    for key in ("ingest 1w", "ingest Nw"):
        kk = k(key)
        if kk is None or kk <= 1.1:
            continue
        w = "1" if key == "ingest 1w" else str(rb["ncores"])
        ia, ib = ra["ingest"].get(w, {}), rb["ingest"].get(w, {})
        if "cpu_self_s" in ia and "cpu_self_s" in ib:
            ca = (ia["cpu_self_s"] + ia["cpu_children_s"]) / ra["articles"] * 1000
            cb = (ib["cpu_self_s"] + ib["cpu_children_s"]) / rb["articles"] * 1000
            la, lb = ra.get("loadavg_start", [0])[0], rb.get("loadavg_start", [0])[0]
            if cb <= ca * 1.15:
                out.append(f"{key}: CPU per article is flat ({ca:.1f} -> {cb:.1f} ms), so the extra wall time is waiting, not computing: "
                           f"the single ingest transaction's WAL (~DB size) and final checkpoint, and other load on the machine (load avg {la:.1f} -> {lb:.1f})")
            else:
                out.append(f"{key}: CPU per article grows ({ca:.1f} -> {cb:.1f} ms): per-article work depends on database size (index maintenance, speaker matching)")
    kk = k("speaker p50")
    if kk is not None and kk > 1.1:
        out.append(f"speaker p50: engine.quotes(speaker=...) returns every quote with its sources, unpaged; the mean listing grows "
                   f"{ra['speaker_lookup']['mean_results']:.0f} -> {rb['speaker_lookup']['mean_results']:.0f} quotes")
    for key in ("verify p50", "verify p99"):
        kk = k(key)
        if kk is not None and kk > 1.1:
            out.append(f"{key}: candidate retrieval cost follows FTS posting-list length (see the SQL table with --profile)")
    return out


def plot(all_res: dict[int, dict], path: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(all_res)
    fig, (a1, a2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for key, label in (("p50", "verify p50"), ("p99", "verify p99")):
        a1.plot(sizes, [all_res[n]["verify"][key] * 1000 for n in sizes], "o-", label=label)
    a1.plot(sizes, [all_res[n]["speaker_lookup"]["p50"] * 1000 for n in sizes], "s--", label="speaker look-up p50")
    a1.plot(sizes, [all_res[n]["scan"]["mean"] * 1000 for n in sizes], "x:", label="full scan (rapidfuzz) mean")
    a1.axhline(10, color="grey", lw=0.6, ls="--")
    a1.axhline(50, color="grey", lw=0.6, ls="--")
    a1.set_xscale("log")
    a1.set_yscale("log")
    a1.set_xlabel("quotes in database")
    a1.set_ylabel("ms per query")
    a1.set_title("Query latency")
    a1.legend(fontsize=8)
    for w in sorted({k for n in sizes for k in all_res[n]["ingest"]}, key=int):
        xs = [n for n in sizes if w in all_res[n]["ingest"]]
        a2.plot(xs, [all_res[n]["ingest"][w]["seconds"] for n in xs], "o-", label=f"ingest, {w} worker(s)")
    a2.set_xscale("log")
    a2.set_yscale("log")
    a2.set_xlabel("quotes in corpus")
    a2.set_ylabel("seconds")
    a2.set_title("Ingest time")
    a2.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _jsonable(o):
    if isinstance(o, float) and o != o:
        return None
    if isinstance(o, dict):
        return {str(k): _jsonable(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)):
        return [_jsonable(v) for v in o]
    return o


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="QuoteBot speed at scale vs a full-scan baseline")
    ap.add_argument("--quotes", type=int, nargs="+", default=[10000])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", default=str(HERE / "out" / "scale"))
    ap.add_argument("--queries", type=int, default=500, help="query mix size (split evenly over the 5 categories)")
    ap.add_argument("--scan-queries", type=int, default=None, help="queries timed with the full scan (default: all up to 20k quotes, 100 below 1M, 30 at 1M)")
    ap.add_argument("--agree-queries", type=int, default=None, help="on-record queries whose top match is compared with the full scan (untimed, on every core; default: all of them)")
    ap.add_argument("--scan-scorer", choices=["partial_ratio", "WRatio"], default="partial_ratio")
    ap.add_argument("--workers", type=int, default=None, help="the 'all cores' worker count (default os.cpu_count())")
    ap.add_argument("--rounds", type=int, default=5, help="rounds of 50 concurrent requests")
    ap.add_argument("--read-processes", type=int, default=None,
                    help="the bot's reader processes in the concurrency run (default: one per CPU, as `quotebot bot`; 0 = threads)")
    ap.add_argument("--skip-single", action="store_true", help="skip the 1-worker ingest")
    ap.add_argument("--reuse", action="store_true", help="reuse databases and ingest figures from an earlier run")
    ap.add_argument("--profile", action="store_true", help="cProfile verify and a 300-article ingest, trace verify's SQL")
    ap.add_argument("--profile-queries", type=int, default=200, help="queries profiled / traced with --profile")
    ap.add_argument("--json", help="write all results here")
    ap.add_argument("--plot", help="write the growth plot (PNG) here")
    args = ap.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)

    all_res: dict[int, dict] = {}
    for f in workdir.glob(f"results-*-s{args.seed}.json"):
        try:
            r = json.loads(f.read_text())
            all_res[int(r["quotes_generated"])] = r
        except Exception:  # noqa: BLE001
            pass
    for n in sorted(args.quotes):
        t = time.perf_counter()
        res = measure_size(n, args)
        res["bench_seconds"] = time.perf_counter() - t
        (workdir / f"results-{n}-s{args.seed}.json").write_text(json.dumps(_jsonable(res), indent=1))
        all_res[n] = json.loads(json.dumps(_jsonable(res)))
        base = all_res.get(10000)
        print(report(n, all_res[n], base), flush=True)
        for key in ("profile_verify", "profile_ingest"):
            if res.get(key):
                print(f"\n--- {key} ({n:,}) ---\n" + textwrap.indent(res[key][:6000], "  "))
    earlier = sorted(set(all_res) - set(args.quotes))
    g = growth(all_res)
    if g:
        if earlier:
            g += f"\n(sizes {', '.join(f'{n:,}' for n in earlier)} loaded from earlier runs in {workdir})"
        print(g, flush=True)
    if args.plot:
        try:
            plot(all_res, args.plot)
            print(f"plot: {args.plot}")
        except ImportError:
            print("plot: skipped, matplotlib is not installed (pip install -e '.[bench]')")
    if args.json:
        Path(args.json).write_text(json.dumps(_jsonable({str(n): all_res[n] for n in sorted(all_res)}), indent=1))
        print(f"json: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
