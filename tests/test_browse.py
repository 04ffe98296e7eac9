"""``quotebot browse``: Datasette over the archive, read-only, with facets and search."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from quotebot import browse, cli
from quotebot.engine import Engine
from quotebot.errors import QuotebotError
from quotebot.store import QUOTE_LIST

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browse") / "archive.db"
    engine = Engine(path)
    engine.ingest([SEEDS])
    engine.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    engine.close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_metadata_facets_the_quote_list_and_hides_internal_tables(seeded_db):
    meta = browse.metadata(seeded_db)
    tables = meta["databases"]["archive"]["tables"]
    assert tables[QUOTE_LIST]["facets"] == ["speaker", "article", "kind"]
    assert tables[QUOTE_LIST]["fts_table"] == "quotes_fts"
    assert all(tables[t]["hidden"] for t in ("quotes_fts", "quotes_fts_vocab", "terms", "state"))
    engine = Engine(seeded_db, create=False)
    try:
        db = engine.store.db
        named = set(db.table_names()) | set(db.view_names())
        assert set(tables) <= named  # every table the metadata describes exists
        columns = [c.name for c in db[QUOTE_LIST].columns]
        assert set(tables[QUOTE_LIST]["columns"]) == set(columns)
        assert set(tables[QUOTE_LIST]["facets"]) <= set(columns)
        rows = list(db.query(f"SELECT speaker, kind, article FROM {QUOTE_LIST} WHERE speaker = 'Vladimir Putin'"))
        assert rows and all(r["article"] for r in rows)
    finally:
        engine.close()


def test_browse_without_the_extra_says_how_to_install(seeded_db, monkeypatch, capsys):
    real = browse.importlib.util.find_spec
    monkeypatch.setattr(browse.importlib.util, "find_spec",
                        lambda name, *a: None if name == "datasette" else real(name, *a))
    with pytest.raises(QuotebotError, match=r"pip install 'quotebot\[browse\]'"):
        browse.serve(seeded_db)
    assert cli.main(["--db", str(seeded_db), "browse"]) == 2
    assert "quotebot[browse]" in capsys.readouterr().err


def test_browse_needs_a_database_with_articles(tmp_path, capsys):
    missing = tmp_path / "none.db"
    assert cli.main(["--db", str(missing), "browse"]) == 2
    assert "No database at" in capsys.readouterr().err and not missing.exists()
    Engine(tmp_path / "empty.db").close()
    assert cli.main(["--db", str(tmp_path / "empty.db"), "browse"]) == 2
    assert "holds no articles yet" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str, deadline: float):
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                return json.load(r)
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def test_browse_serves_facets_and_search_without_touching_the_database(seeded_db):
    pytest.importorskip("datasette")
    before = _digest(seeded_db)
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "quotebot.cli", "--db", str(seeded_db), "browse", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}/archive/{QUOTE_LIST}.json"
        page = _get_json(f"{base}?_facet=speaker&_facet=kind&_shape=objects", time.monotonic() + 30)
        assert page["filtered_table_rows_count"] >= 30
        speakers = {f["value"]: f["count"] for f in page["facet_results"]["speaker"]["results"]}
        kinds = {f["value"] for f in page["facet_results"]["kind"]["results"]}
        assert speakers["Vladimir Putin"] >= 3 and {"statement", "fragment"} <= kinds
        found = _get_json(f"{base}?_search=never+ever&_shape=objects", time.monotonic() + 10)
        assert [r["quote"] for r in found["rows"]] == ["never ever."]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            assert "QuoteBot archive" in r.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert _digest(seeded_db) == before
    # stopping `quotebot browse` stops Datasette: nothing answers on the port any more
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
        except OSError:
            break
        time.sleep(0.2)
    else:
        pytest.fail("Datasette still serving after `quotebot browse` was stopped")
