"""Hostile input: every entry point answers or explains within a bounded time.

Entry points: Engine.verify / ask / search / quotes / speaker_names / ingest_text,
the command line (in process and as a subprocess) and the local chat
(``quotebot.chat.answer_line``). Inputs: empty and whitespace, 100 KB texts,
a 10 MB line, every Unicode category (zero-width, RTL marks, combining marks,
emoji, lone surrogates), homoglyph quote marks, FTS5 syntax, SQL, Discord
markdown and mentions, 10,000 quote marks. Each must give an answer or a clear
message in time (< 1 s a query, < 10 s an article), never a traceback, and the
database must stay intact.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest

from quotebot import render
from quotebot.answers import INTENT_HELP, VERDICTS
from quotebot.chat import answer_line
from quotebot.cli import main as cli_main
from quotebot.engine import Engine

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
QUOTEBOT = [sys.executable, "-m", "quotebot.cli"]

QUERY_SECONDS = 1.0
ARTICLE_SECONDS = 10.0


def _one_of_each_category() -> str:
    """One code point of every Unicode general category (Cs: a lone surrogate)."""
    seen: dict[str, str] = {}
    for cp in range(0, 0x110000, 7):
        cat = unicodedata.category(chr(cp))
        seen.setdefault(cat, chr(cp))
    seen.setdefault("Cs", "\ud800")
    seen.setdefault("Co", "\ue000")
    return "".join(seen.values())


EVERY_CATEGORY = _one_of_each_category()

HOSTILE: dict[str, str] = {
    "empty": "",
    "spaces": "    ",
    "whitespace_kinds": " \t\n\r\x0b\x0c\u00a0\u1680\u2000\u2028\u2029\u202f\u3000 ",
    "text_100k": ("did Putin say the talks were a dead end and then " * 2100)[:100_000],
    "spaces_100k": "a" + " " * 99_990 + "b",
    "nbsp_100k": "Putin" + "\u00a0 " * 49_990 + "said x",
    "what_did_100k": "what did " + " " * 99_000 + "say",
    "adverbs_100k": "A " + "never " * 16_000 + "said x",
    "quoted_parts_100k": '"a ' * 33_000,
    "single_quotes_100k": "'ab' " * 20_000,
    "one_word_100k": "x" * 100_000,
    "zero_width": 'did Putin say "dead\u200b end\u200d\ufeff\u2060"?',
    "rtl_marks": '\u202edid Putin say \u2067"dead end"\u2069?\u202c\u200f',
    "combining": 'did Putin say "de\u0301ad e\u0308nd"?' + "\u0301" * 500,
    "zalgo": "d\u0336\u0335\u0334e\u0337a\u0338d" * 200,
    "emoji": 'did Putin say "💀 dead 🔥 end 👨‍👩‍👧‍👦"? 🇺🇦🏳️‍🌈',
    "lone_surrogates": 'did Putin say "dead \ud800 end\udfff"?',
    "only_surrogates": "\udc80\udcff\ud800" * 100,
    "every_category": EVERY_CATEGORY,
    "every_category_quoted": f'Putin said "{EVERY_CATEGORY}"',
    "fullwidth_quotes": "did Putin say ＂dead end＂?",
    "guillemets": "did Putin say «dead end»?",
    "low_high_quotes": "did Putin say „dead end‟?",
    "double_prime": "did Putin say ″dead end″?",
    "single_guillemets": "did Putin say ‹dead end›?",
    "cjk_brackets": "did Putin say 「dead end」?",
    "mixed_marks": "did Putin say “dead end\"? «no» „yes‟ ＂maybe″",
    "fts_quote": '"',
    "fts_quotes3": '"""',
    "fts_star": "*",
    "fts_prefix": 'did Putin say "dead*"?',
    "fts_near": "NEAR(dead end, 2)",
    "fts_near_quoted": 'did Putin say "NEAR(dead end"?',
    "fts_bool": "dead OR end AND NOT talks",
    "fts_caret": "^dead ^end",
    "fts_column": "norm: dead",
    "fts_columns": "{norm text}: dead end",
    "fts_parens": "((((( dead ))",
    "fts_minus": "-dead +end",
    "fts_match": "quotes_fts MATCH 'x' --",
    "sql_drop": "'; DROP TABLE quotes; --",
    "sql_in_quotes": "did Putin say \"'; DROP TABLE quotes; --\"?",
    "sql_speaker": "Robert'); DELETE FROM speakers;-- said \"dead end\"",
    "sql_union": "x' UNION SELECT text FROM articles --",
    "discord_mentions": '@everyone @here <@123> <@!123> <@&456> <#789> said Putin "dead end"',
    "discord_markdown": "**did** __Putin__ ~~say~~ ||\"dead end\"|| > `x` ```py\nimport os\nos.system('x')\n```",
    "discord_emoji": '<:kek:123456> <a:dance:987> said "dead end"',
    "marks_10k": '"' * 10_000,
    "curly_marks_10k": "“”" * 5_000,
    "open_marks_10k": "“" * 10_000,
    "apostrophes_10k": "'" * 10_000,
    "nul_and_controls": "dead\x00end " + "".join(chr(i) for i in range(32)) + "\x7f\x85\x9f",
    "format_string": "{0} %s %d {claim!r} ${HOME} $(id) `id`",
    "path_like": "../../../../etc/passwd",
    "help_word": "help",
    "quit_word_inside": 'did quit say "exit"?',
}


def _assert_answer(ans, seconds: float, *, verify: bool) -> None:
    assert seconds < QUERY_SECONDS, f"took {seconds:.2f} s"
    if verify:
        assert ans.verdict in VERDICTS
    else:
        assert ans.verdict is None or ans.verdict in VERDICTS
    # Every adapter renders the answer: it must serialise and render.
    json.dumps(ans.to_dict(), ensure_ascii=False)
    json.dumps(ans.to_dict())
    assert isinstance(render.answer_text(ans), str)


def _snapshot(engine: Engine) -> tuple:
    db = engine.store.db
    digest = hashlib.sha256()
    for table in ("articles", "speakers", "quotes", "quote_sources", "speaker_aliases", "speaker_roles"):
        for row in db.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            digest.update(repr(row).encode("utf-8", "surrogatepass"))
    return engine.store.counts(), digest.hexdigest()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile") / "seeds.db"
    e = Engine(path)
    assert e.ingest([SEEDS]).quotes > 0
    e.close()
    return path


@pytest.fixture(scope="module")
def engine(seeded, tmp_path_factory):
    path = tmp_path_factory.mktemp("hostile_q") / "q.db"
    shutil.copy(seeded, path)
    e = Engine(path)
    before = _snapshot(e)
    yield e
    # Nothing a query sent may change the database.
    assert _snapshot(e) == before
    assert e.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    e.close()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_verify_answers_in_time(engine, name):
    text = HOSTILE[name]
    t = time.perf_counter()
    ans = engine.verify(text)
    _assert_answer(ans, time.perf_counter() - t, verify=True)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_speaker_argument(engine, name):
    t = time.perf_counter()
    ans = engine.verify("dead end", HOSTILE[name])
    _assert_answer(ans, time.perf_counter() - t, verify=True)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_ask_answers_in_time(engine, name):
    t = time.perf_counter()
    ans = engine.ask(HOSTILE[name])
    _assert_answer(ans, time.perf_counter() - t, verify=False)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_search_quotes_and_names_in_time(engine, name):
    text = HOSTILE[name]
    t = time.perf_counter()
    found = engine.search(text)
    listed = engine.quotes(speaker=text or None)
    names = engine.speaker_names(text)
    assert time.perf_counter() - t < 3 * QUERY_SECONDS
    assert all(m.id > 0 for m in found + listed)
    assert all(isinstance(n, str) for n in names)


@pytest.mark.parametrize("name", list(HOSTILE))
def test_chat_replies_in_time(engine, name):
    t = time.perf_counter()
    reply = answer_line(engine, HOSTILE[name])
    assert time.perf_counter() - t < QUERY_SECONDS
    assert isinstance(reply, str)


def test_known_quote_survives_disguises(engine):
    """Homoglyph marks, invisible characters and decomposed letters still verify."""
    for name in ("zero_width", "rtl_marks", "emoji", "lone_surrogates", "fullwidth_quotes", "guillemets",
                 "low_high_quotes", "double_prime", "single_guillemets", "cjk_brackets"):
        ans = engine.ask(HOSTILE[name])
        assert ans.verdict == "verified", (name, ans.verdict, ans.note)
        assert ans.matches[0].speaker == "Vladimir Putin"


def test_fts_and_sql_text_is_just_words(engine):
    # "NEAR(dead end" as a quoted claim: the words dead and end, nothing else.
    ans = engine.ask(HOSTILE["fts_near_quoted"])
    assert ans.verdict in ("altered", "verified") and ans.matches
    ans = engine.ask(HOSTILE["sql_in_quotes"])
    assert ans.verdict == "not_found"
    assert engine.store.counts()["quotes"] > 0


def test_ten_megabyte_query_gets_a_clear_message_at_once(engine):
    line = "did Putin say dead end " * 450_000  # ~10 MB, one line
    assert len(line) > 10_000_000
    for call in (engine.verify, engine.ask, lambda s: answer_line(engine, s)):
        t = time.perf_counter()
        out = call(line)
        assert time.perf_counter() - t < QUERY_SECONDS
        text = out if isinstance(out, str) else out.note
        assert "limit" in text and "100,000" in text
        if not isinstance(out, str):
            assert len(out.query) < 1000  # the answer does not echo 10 MB back
    ans = engine.ask(line)
    assert ans.intent == INTENT_HELP


# -- the command line, in process ---------------------------------------------------


@pytest.fixture
def cli_db(seeded, tmp_path):
    path = tmp_path / "cli.db"
    shutil.copy(seeded, path)
    return path


CLI_CASES = [n for n in HOSTILE if n not in ("empty",)]


@pytest.mark.parametrize("name", CLI_CASES)
def test_cli_ask_and_verify_json(cli_db, capsys, name):
    text = HOSTILE[name]
    t = time.perf_counter()
    rc = cli_main(["--db", str(cli_db), "ask", text])
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert "Traceback" not in err and out.strip()
    rc = cli_main(["--db", str(cli_db), "verify", "--json", text])
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert json.loads(out)["verdict"] in VERDICTS
    assert time.perf_counter() - t < 2 * QUERY_SECONDS


def test_cli_over_long_argument_is_refused_with_the_limit(cli_db, capsys):
    t = time.perf_counter()
    rc = cli_main(["--db", str(cli_db), "verify", "x" * 10_000_000])
    out, err = capsys.readouterr()
    assert rc == 2 and "limit is 100,000" in err and "Traceback" not in err
    assert time.perf_counter() - t < QUERY_SECONDS


def test_cli_empty_claim(cli_db, capsys):
    rc = cli_main(["--db", str(cli_db), "verify", "--json", ""])
    out, _ = capsys.readouterr()
    assert rc == 0 and json.loads(out)["verdict"] == "not_found"


# -- the command line, as a subprocess ----------------------------------------------


def _run(args, *, env_extra=None, stdin=None, timeout=60):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")  # strict UTF-8 stdout, as in a real terminal
    env.pop("DISCORD_TOKEN", None)
    env.update(env_extra or {})
    return subprocess.run(
        [*QUOTEBOT, *args], input=stdin, capture_output=True, timeout=timeout, env=env, cwd=REPO
    )


def test_subprocess_undecodable_argument_bytes(cli_db):
    """Bytes that are not UTF-8 arrive as lone surrogates: printed, not a crash."""
    for args in (
        [b"ask", b'did Putin say "\xed\xa0\x80 dead \xff end"?'],
        [b"verify", b"--json", b"\xff\xfe\x00"[:2] + b" dead end"],
    ):
        r = _run([b"--db", str(cli_db).encode(), *args])
        assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
        assert b"Traceback" not in r.stderr
        assert r.stdout.strip()


def test_subprocess_argument_near_the_os_limit(cli_db):
    # Linux refuses one argument over 128 KiB (MAX_ARG_STRLEN), so a 10 MB
    # argument never reaches us; 120 KB does and is over our 100,000 limit.
    t = time.perf_counter()
    r = _run(["--db", str(cli_db), "ask", "y" * 120_000])
    assert r.returncode == 2
    assert b"limit is 100,000" in r.stderr and b"Traceback" not in r.stderr
    assert time.perf_counter() - t < 10  # includes interpreter start


def test_subprocess_chat_takes_a_ten_megabyte_line(cli_db):
    lines = (
        b"x" * 10_000_000 + b"\n"
        + 'did Putin say ＂dead end＂?\n'.encode()
        + b"'; DROP TABLE quotes; --\n"
        + b"\xff\xfe broken bytes \xed\xa0\x80\n"
        + b"quit\n"
    )
    t = time.perf_counter()
    r = _run(["--db", str(cli_db), "chat"], stdin=lines)
    assert r.returncode == 0, r.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in r.stderr
    assert b"the limit is 100,000" in r.stdout
    assert "VERIFIED".encode() in r.stdout
    assert time.perf_counter() - t < 15
    e = Engine(cli_db)
    assert e.store.counts()["quotes"] > 0
    assert e.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    e.close()


# -- hostile articles ----------------------------------------------------------------

PROSE = " ".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))).replace("\n", " ")

ARTICLES: dict[str, str | bytes] = {
    "empty": "",
    "whitespace": " \n\t\n \u3000\n",
    "prose_100k": ("Title\n\n" + PROSE * (100_000 // len(PROSE) + 1))[:100_000],
    "one_line_1mb": (PROSE * (1_000_000 // len(PROSE) + 1))[:1_000_000],
    "marks_10k": '"' * 10_000,
    "marks_10k_words": 'x "' * 10_000,
    "curly_pairs_10k": "“a” " * 10_000,
    "open_marks_10k": "“" + "word " * 10_000,
    "quotes_10k_attributed": "News\n\n" + "“We will win,” said Bob Stone. " * 1_000,
    "every_category": f"Title\n\n“{EVERY_CATEGORY},” said Ann Lee.\n",
    "surrogates": "Talks\n\n“We will \ud800 never \udfff give up,” said Bob Smith, the mayor.\n",
    "homoglyphs": "T\n\n«Homoglyph two,» said Ann Lee. „Homoglyph three,“ said Ann Lee.\n",
    "fullwidth": "T\n\n＂Homoglyph one,＂ said Ann Lee.\n",
    "rtl_zero_width": "T\n\n\u202e“Backwards \u200bwords,” said Ann\u200d Lee.\u202c\n",
    "sql": "T\n\n“'; DROP TABLE quotes; --,” said Robert'); DROP TABLE speakers;--.\n",
    "fts": 'T\n\n“NEAR(a b) OR "c" AND NOT d* ^e norm: f {norm}: g,” said Ann Lee.\n',
    "discord": "T\n\n“@everyone <@123> <@&456> ```rm -rf /```,” said @here Lee.\n",
    "crlf_controls": "T\r\n\r\n“Carriage\rreturns\x00and\x07bells,” said Ann Lee.\r\n",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "latin1_bytes": "“Café olé,” said José.".encode("latin-1", "replace"),
}


@pytest.fixture
def fresh(seeded, tmp_path):
    path = tmp_path / "fresh.db"
    shutil.copy(seeded, path)
    e = Engine(path)
    yield e
    e.close()


def _check_offsets(engine: Engine) -> None:
    db = engine.store.db
    for start, end, text, norm, art, n in db.execute(
        """SELECT qs.start, qs."end", q.text, q.norm, a.text,
                  (SELECT count(*) FROM quote_sources WHERE quote_id = q.id)
           FROM quote_sources qs JOIN quotes q ON q.id = qs.quote_id JOIN articles a ON a.id = qs.article_id"""
    ):
        assert 0 <= start < end <= len(art)
        if n == 1:
            assert art[start:end] == text
        else:
            from quotebot.normalize import normalize

            assert normalize(art[start:end]) == norm


@pytest.mark.parametrize("name", list(ARTICLES))
def test_hostile_article_ingests_or_is_skipped_in_time(fresh, name):
    seeds_before = {m.id: m.quote for m in fresh.quotes(article="000_7eda82bc14ff602b")}
    t = time.perf_counter()
    report = fresh.ingest_text(f"hostile-{name}", ARTICLES[name])
    assert time.perf_counter() - t < ARTICLE_SECONDS
    assert (report.added == [f"hostile-{name}"]) != bool(report.skipped)
    for _, reason in report.skipped:
        assert reason and "Traceback" not in reason
    db = fresh.store.db
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    _check_offsets(fresh)
    # The other articles are untouched.
    assert {m.id: m.quote for m in fresh.quotes(article="000_7eda82bc14ff602b")} == seeds_before
    # And the new article answers questions.
    ans = fresh.verify("We will never give up")
    assert ans.verdict in VERDICTS


def test_ten_megabyte_single_line_article_is_refused_clearly_and_fast(fresh):
    line = "The minister said the plan was fine. " * 270_000  # 10 MB, one line
    before = fresh.store.counts()
    for data in (line, line.encode()):
        t = time.perf_counter()
        report = fresh.ingest_text("huge", data)
        assert time.perf_counter() - t < ARTICLE_SECONDS
        assert not report.added and len(report.skipped) == 1
        assert "too large" in report.skipped[0][1] and "1 MB" in report.skipped[0][1]
    assert fresh.store.counts() == before


def test_ten_megabyte_file_through_the_cli(cli_db, tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_text("x " * 5_000_000)
    t = time.perf_counter()
    rc = cli_main(["--db", str(cli_db), "ingest", str(big)])
    out, err = capsys.readouterr()
    assert time.perf_counter() - t < ARTICLE_SECONDS
    assert rc == 2 and "too large" in out + err and str(big) in out + err


def test_hostile_names_are_stored_as_text(fresh):
    fresh.ingest_text("names", ARTICLES["sql"] + ARTICLES["discord"].replace("T\n\n", "\n"))
    names = [s.name for s in fresh.speakers()]
    assert fresh.store.counts()["quotes"] > 0
    for n in names:
        fresh.quotes(speaker=n)
        fresh.speaker_names(n[:5])
    ans = fresh.verify("'; DROP TABLE quotes; --")
    assert ans.verdict in VERDICTS
    assert {"articles", "quotes", "speakers", "quote_sources"} <= set(fresh.store.db.table_names())


def test_homoglyph_article_quotes_verify(fresh):
    fresh.ingest_text("homoglyphs", ARTICLES["homoglyphs"])
    for words in ("Homoglyph two", "Homoglyph three"):
        ans = fresh.verify(words, "Ann Lee")
        assert ans.verdict == "verified", (words, ans.verdict, [m.quote for m in fresh.quotes(speaker="Ann Lee")])


@pytest.mark.xfail(strict=False, reason="extract.py does not pair fullwidth ＂ marks (U+FF02); reported to the extractor owner")
def test_fullwidth_quote_marks_in_an_article_are_quotes(fresh):
    fresh.ingest_text("fullwidth", ARTICLES["fullwidth"])
    assert fresh.verify("Homoglyph one", "Ann Lee").verdict == "verified"


# -- numbers out of SQLite's range ------------------------------------------------------

HUGE = "99999999999999999999"  # > 2**63: SQLite cannot take it


def test_huge_and_negative_numbers(engine, cli_db, capsys):
    for qid in (int(HUGE), -int(HUGE), -1, 0, 2**63, 2**63 - 1):
        assert engine.context(qid) is None
    assert engine.quotes(limit=int(HUGE), offset=int(HUGE)) == []
    assert len(engine.quotes(limit=int(HUGE))) == len(engine.quotes())
    for args in (["context", HUGE], ["context", "-" + HUGE], ["quotes", "--limit", HUGE]):
        rc = cli_main(["--db", str(cli_db), *args])
        out, err = capsys.readouterr()
        assert rc in (0, 2) and "Traceback" not in err, (args, err)
    for line in (f"context {HUGE}", f"context #{HUGE}", "context #-1", "context 1e9"):
        assert isinstance(answer_line(engine, line), str)


def test_special_files_and_symlink_loops_do_not_hang_ingest(cli_db, tmp_path, capsys):
    news = tmp_path / "news"
    (news / "sub").mkdir(parents=True)
    (news / "real.txt").write_text("“Real words here,” said Ann Lee.\n")
    (news / "sub" / "loop").symlink_to(news)  # a folder that contains itself
    os.mkfifo(news / "pipe.txt")  # reading it would block forever
    (news / "zero.txt").symlink_to("/dev/zero")  # endless
    (news / "dangling.txt").symlink_to(tmp_path / "nowhere")
    t = time.perf_counter()
    rc = cli_main(["--db", str(cli_db), "ingest", str(news), str(news / "pipe.txt"), "/dev/zero"])
    out, err = capsys.readouterr()
    assert time.perf_counter() - t < ARTICLE_SECONDS
    assert rc == 0 and "Traceback" not in err
    assert "1 new" in out and "pipe.txt" in out and "/dev/zero" in out


def test_many_quoted_parts_are_bounded_and_none_is_left_unchecked(engine):
    real = ['"dead end"'] * 12
    t = time.perf_counter()
    ans = engine.ask("Putin said " + " and ".join(real + ['"we will invade everyone tomorrow"']))
    assert time.perf_counter() - t < QUERY_SECONDS
    assert ans.verdict != "verified", ans.note  # the fabricated 13th part counts
    ans = engine.verify(" ".join(f'"dead end {i}"' for i in range(5000)))
    assert ans.verdict in VERDICTS and len(ans.note) < 2000
