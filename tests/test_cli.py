"""The command line mirrors the engine: exit codes, JSON shapes, messages."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from conftest import SEEDS

from quotebot import chat, cli
from quotebot.engine import Engine


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "q.db"
    assert cli.main(["--db", str(db), "ingest", str(SEEDS)]) == 0
    return db


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_json_shape(seeded_db, capsys):
    code, out, _ = run(capsys, "--db", str(seeded_db), "verify", "dead end", "--speaker", "Putin", "--json")
    assert code == 0
    d = json.loads(out)
    assert d["verdict"] == "verified"
    assert d["claimed_speaker"] == "Putin"
    m = d["matches"][0]
    assert set(m) >= {"id", "quote", "speaker", "role", "kind", "score", "diff", "sources"}
    assert m["speaker"] == "Vladimir Putin"
    assert {s["article"] for s in m["sources"]} >= {"000_7eda82bc14ff602b", "004_c2431004963922ef"}


def test_verdict_does_not_change_exit_status(seeded_db, capsys):
    code, out, _ = run(capsys, "--db", str(seeded_db), "verify", "bananas are blue", "--json")
    assert code == 0
    assert json.loads(out)["verdict"] == "not_found"


def test_human_output_leads_with_the_verdict(seeded_db, capsys):
    code, out, _ = run(capsys, "--db", str(seeded_db), "ask", 'did Ryabkov say "never ever"?')
    assert code == 0
    assert out.splitlines()[0].startswith("✅ VERIFIED")
    assert "Sergei Ryabkov" in out


def test_quotes_json_has_no_score_or_diff(seeded_db, capsys):
    code, out, _ = run(capsys, "--db", str(seeded_db), "quotes", "--speaker", "Rathke", "--json")
    items = json.loads(out)
    assert code == 0 and items
    assert all("score" not in m and "diff" not in m for m in items)
    assert {m["speaker"] for m in items} == {"Jeff Rathke"}


def test_speakers_articles_context(seeded_db, capsys):
    code, out, _ = run(capsys, "--db", str(seeded_db), "speakers", "--json")
    assert code == 0 and any(s["name"] == "Sergey Lavrov" or s["name"] == "Sergei Lavrov" for s in json.loads(out))
    code, out, _ = run(capsys, "--db", str(seeded_db), "articles", "--json")
    assert code == 0 and len(json.loads(out)) == 5
    code, out, _ = run(capsys, "--db", str(seeded_db), "context", "1", "--json")
    assert code == 0 and json.loads(out)["sources"][0]["paragraph_text"]


def test_unknown_quote_id_is_bad_input(seeded_db, capsys):
    code, _, err = run(capsys, "--db", str(seeded_db), "context", "999999")
    assert code == 2
    assert "No quote #999999" in err


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        cli.main(["verify"])
    assert info.value.code == 2


def test_ingest_of_nothing_readable_exits_2(tmp_path, capsys):
    code, _, err = run(capsys, "--db", str(tmp_path / "q.db"), "ingest", str(tmp_path / "missing"))
    assert code == 2
    assert "missing" in err or "skipped" in err


def test_corrupt_database_exits_2_with_message(tmp_path, capsys):
    bad = tmp_path / "bad.db"
    bad.write_text("garbage" * 500)
    code, _, err = run(capsys, "--db", str(bad), "speakers")
    assert code == 2
    assert str(bad) in err and "Traceback" not in err


def test_chat_answers_line_by_line(seeded_db):
    engine = Engine(seeded_db)
    out = io.StringIO()
    chat.run_chat(engine, io.StringIO('did Putin say "dead end"?\nwhat did Rathke say?\nspeakers\nquit\nnever reached\n'), out)
    text = out.getvalue()
    assert "VERIFIED" in text
    assert "quotes by Jeff Rathke" in text
    assert "never reached" not in text


def test_console_script_runs_as_a_process(seeded_db):
    proc = subprocess.run(
        [sys.executable, "-m", "quotebot.cli", "--db", str(seeded_db), "verify", "never ever", "--speaker", "Lavrov", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert d["verdict"] == "misattributed"
    assert "Ryabkov" in d["matches"][0]["speaker"]
