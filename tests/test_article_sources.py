"""Where an article was published (URL, date, outlet) travels from the Article
to the articles table, ArticleInfo and every quote source in answers."""

from __future__ import annotations

import json
import sqlite3

import sqlite_utils

from conftest import article_with

from quotebot import cli
from quotebot.store import QuoteStore

TEXT = "“The harbour opens in June,” said Mara Lind.\nShe added nothing."


def _sourced():
    art, quotes = article_with("harbour", TEXT, [("The harbour opens in June,", "Mara Lind")])
    art.url = "https://news.example/harbour"
    art.published = "2026-11-03"
    art.outlet = "Example News"
    return art, quotes


def test_source_fields_reach_matches_and_articles(make_store):
    store = make_store(_sourced())
    (match,) = store.quotes(speaker="Lind")
    src = match.sources[0].to_dict()
    assert (src["url"], src["published"], src["outlet"]) == ("https://news.example/harbour", "2026-11-03", "Example News")
    (info,) = store.articles()
    assert (info.url, info.published, info.outlet) == ("https://news.example/harbour", "2026-11-03", "Example News")


def test_plain_articles_carry_none(make_store):
    store = make_store(article_with("plain", TEXT, [("The harbour opens in June,", "Mara Lind")]))
    src = store.quotes()[0].sources[0].to_dict()
    assert {k: src[k] for k in ("url", "published", "outlet")} == {"url": None, "published": None, "outlet": None}
    assert store.articles()[0].to_dict()["url"] is None


def test_old_database_gains_the_columns_on_open(tmp_path):
    db = tmp_path / "old.db"
    store = QuoteStore(db)
    store.close()
    conn = sqlite3.connect(db)
    conn.execute("DROP VIEW quote_list")  # (older databases have neither the view nor the columns)
    for column in ("url", "published", "outlet"):
        conn.execute(f"ALTER TABLE articles DROP COLUMN {column}")
    conn.commit()
    conn.close()
    store = QuoteStore(db)
    try:
        assert {"url", "published", "outlet"} <= set(store.db["articles"].columns_dict)
        assert store.articles() == []
        assert "quote_list" in store.db.view_names()  # and the browsing view is back
    finally:
        store.close()


def test_read_only_old_database_still_answers(tmp_path, monkeypatch):
    db = tmp_path / "old.db"
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    store = QuoteStore(db)
    store.ingest([tmp_path / "a.txt"])
    store.close()
    conn = sqlite3.connect(db)
    conn.execute("DROP VIEW quote_list")
    conn.execute("ALTER TABLE articles DROP COLUMN outlet")
    conn.commit()
    conn.close()

    def readonly(self, *args, **kwargs):
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(sqlite_utils.db.Table, "add_column", readonly)
    ro = QuoteStore(db, create=False)
    try:
        assert "outlet" not in ro.db["articles"].columns_dict
        src = ro.quotes()[0].sources[0]
        assert src.outlet is None and src.article == "a"
    finally:
        ro.close()


def test_cli_json_sources_carry_the_keys(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "q.db")
    assert cli.main(["--db", db, "ingest", str(tmp_path / "a.txt")]) == 0
    capsys.readouterr()
    assert cli.main(["--db", db, "verify", "The harbour opens in June", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    src = d["matches"][0]["sources"][0]
    assert {"url", "published", "outlet"} <= set(src) and src["url"] is None
