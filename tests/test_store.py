"""Storage: ingest is idempotent, replaces changed articles, and is all-or-nothing."""

from __future__ import annotations

import os
import sqlite3

import pytest

from quotebot import store as store_mod
from quotebot.engine import Engine, resolve_db_path
from quotebot.errors import QuotebotError

ARTICLE_A = """Bridge vote delayed again

The city council postponed its vote on the river bridge on Tuesday.

“We need another month to read the engineers’ report,” said council leader Priya Natarajan.

Opponents were unimpressed. “This is a delay dressed up as diligence,” said Owen Hartley, who chairs the residents’ association.
"""

ARTICLE_B = """Ferry service to resume

“The boats will run every hour from May,” said Lena Fischer, the transport director.
"""


def write(folder, name, text):
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "news"
    write(folder, "bridge.txt", ARTICLE_A)
    write(folder, "ferry.txt", ARTICLE_B)
    return folder


def rows(engine):
    return engine.store.counts()


def test_ingest_finds_quotes_and_speakers(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    report = e.ingest([corpus])
    assert sorted(report.added) == ["bridge", "ferry"]
    assert report.quotes >= 3
    names = {s.name for s in e.speakers()}
    assert {"Priya Natarajan", "Owen Hartley", "Lena Fischer"} <= names


def test_ingest_twice_adds_nothing(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus])
    before = rows(e)
    again = e.ingest([corpus])
    assert again.added == [] and again.replaced == []
    assert sorted(again.unchanged) == ["bridge", "ferry"]
    assert rows(e) == before


def test_same_article_given_twice_in_one_run_is_loaded_once(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus / "ferry.txt", corpus / "ferry.txt"])
    assert rows(e)["articles"] == 1
    assert rows(e)["quote_sources"] == 1


def test_changed_file_replaces_its_old_quotes(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus])
    write(corpus, "ferry.txt", ARTICLE_B.replace("every hour", "every two hours"))
    report = e.ingest([corpus])
    assert report.replaced == ["ferry"]
    texts = [m.quote for m in e.quotes(speaker="Lena Fischer")]
    assert texts == ["The boats will run every two hours from May"]
    assert e.verify("The boats will run every hour from May").verdict == "altered"


def test_parallel_and_serial_ingest_store_the_same_rows(tmp_path, corpus):
    # Workers send ready rows (_ready) and the writer stores them: same result either way.
    write(corpus, "more.txt", ARTICLE_A.replace("Priya Natarajan", "Ivo Brandt"))
    serial, parallel = Engine(tmp_path / "s.db"), Engine(tmp_path / "p.db")
    serial.ingest([corpus], workers=1)
    parallel.ingest([corpus], workers=2)
    def stored(e):
        return [
            (m.quote, m.speaker, m.role, m.kind, [(x.article, x.start, x.end, x.verb) for x in m.sources])
            for m in e.store.quotes()
        ]

    assert stored(serial) == stored(parallel)
    assert len(stored(serial)) == 4  # Hartley's words are one quote with two sources
    assert rows(serial) == rows(parallel)


def test_ingest_widens_the_page_cache_only_while_it_writes(tmp_path, corpus, monkeypatch):
    e = Engine(tmp_path / "q.db")
    before = e.store.db.execute("PRAGMA cache_size").fetchone()[0]
    seen = []
    real = store_mod.QuoteStore._write_batch

    def spy(self, batch, index):
        seen.append(self.db.execute("PRAGMA cache_size").fetchone()[0])
        return real(self, batch, index)

    monkeypatch.setattr(store_mod.QuoteStore, "_write_batch", spy)
    e.ingest([corpus])
    assert seen == [-store_mod._INGEST_CACHE_KIB]
    assert e.store.db.execute("PRAGMA cache_size").fetchone()[0] == before


def test_a_failure_part_way_leaves_the_previous_database(tmp_path, corpus, monkeypatch):
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus / "bridge.txt"])
    before = rows(e)
    real = store_mod.QuoteStore._write_batch

    def explode(self, batch, index):
        real(self, batch, index)
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store_mod.QuoteStore, "_write_batch", explode)
    write(corpus, "bridge.txt", ARTICLE_A + "\n“One more thing,” said Priya Natarajan.\n")
    with pytest.raises(QuotebotError, match="full"):
        e.ingest([corpus])
    assert rows(e) == before
    assert e.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_non_text_file_is_skipped_with_its_name_and_others_load(tmp_path, corpus):
    (corpus / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    e = Engine(tmp_path / "q.db")
    report = e.ingest([corpus])
    assert sorted(report.added) == ["bridge", "ferry"]
    assert [p for p, _ in report.skipped] == [str(corpus / "photo.txt")]


def test_missing_path_is_reported(tmp_path):
    e = Engine(tmp_path / "q.db")
    report = e.ingest([tmp_path / "nope"])
    assert report.skipped == [(str(tmp_path / "nope"), "no such file or folder")]


def test_database_path_precedence(tmp_path, monkeypatch):
    monkeypatch.delenv("QUOTEBOT_DB", raising=False)
    assert str(resolve_db_path(None)) == "quotes.db"
    monkeypatch.setenv("QUOTEBOT_DB", str(tmp_path / "env.db"))
    assert resolve_db_path(None) == tmp_path / "env.db"
    assert resolve_db_path(tmp_path / "flag.db") == tmp_path / "flag.db"


def test_corrupt_database_file_gets_a_clear_message(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(QuotebotError, match=str(bad)) as info:
        Engine(bad)
    assert "Move it aside" in str(info.value)
    assert bad.read_bytes() == b"this is not sqlite" * 100


def test_foreign_sqlite_database_is_not_touched(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(QuotebotError, match="not a QuoteBot"):
        Engine(other)


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_database_gets_a_clear_message(tmp_path, corpus):
    db = tmp_path / "q.db"
    Engine(db).ingest([corpus / "bridge.txt"])
    os.chmod(db, 0o444)
    try:
        with pytest.raises(QuotebotError, match="read-only"):
            Engine(db).ingest([corpus])
    finally:
        os.chmod(db, 0o644)


def test_wal_mode_and_fts_index(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus])
    assert e.store.db.journal_mode == "wal"
    assert "quotes_fts" in e.store.db.table_names()
    assert [m.speaker for m in e.search("diligence")] == ["Owen Hartley"]


def test_parallel_ingest_matches_serial(tmp_path, corpus):
    serial = Engine(tmp_path / "a.db")
    serial.ingest([corpus])
    parallel = Engine(tmp_path / "b.db")
    parallel.ingest([corpus], workers=2)
    strip = lambda ms: sorted((m.quote, m.speaker) for m in ms)  # noqa: E731
    assert strip(serial.quotes()) == strip(parallel.quotes())


def test_context_gives_paragraph_and_neighbouring_sentences(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus])
    qid = e.verify("a delay dressed up as diligence").matches[0].id
    m = e.context(qid)
    src = m.sources[0]
    assert src.article == "bridge"
    assert "Opponents were unimpressed." == src.before
    assert "diligence" in src.paragraph_text


def test_articles_listing(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus])
    arts = {a.id: a for a in e.articles()}
    assert arts["bridge"].title == "Bridge vote delayed again"
    assert arts["ferry"].quotes == 1


def test_speaker_names_for_autocomplete(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus])
    assert e.speaker_names("ha") == ["Owen Hartley"]
    assert "Lena Fischer" in e.speaker_names("")


def test_what_did_x_say_is_paged_with_a_total(tmp_path):
    folder = tmp_path / "many"
    for i in range(30):
        write(folder, f"a{i:02d}.txt", f"Notes {i}\n\n“Point number {i} stands,” said Vera Lund.\n")
    e = Engine(tmp_path / "q.db")
    e.ingest([folder])
    assert e.count_quotes(speaker="Lund") == 30
    page = e.ask("what did Vera Lund say?")
    assert len(page.matches) == 25
    assert page.note == "Showing the first 25 of 30 quotes."
    assert [m.quote for m in e.quotes(speaker="Lund", limit=5, offset=25)] == [
        f"Point number {i} stands" for i in range(25, 30)
    ]


def test_search_index_forgets_replaced_quotes(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus])
    write(corpus, "ferry.txt", ARTICLE_B.replace("The boats will run every hour", "Ferries sail twice daily"))
    e.ingest([corpus])
    db = e.store.db
    db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES('integrity-check')")  # raises if out of sync
    assert e.search("boats") == []
    assert [m.speaker for m in e.search("ferries sail")] == ["Lena Fischer"]


def test_a_reader_sees_speakers_another_process_ingested(tmp_path, corpus):
    writer = Engine(tmp_path / "q.db")
    reader = Engine(tmp_path / "q.db")
    writer.ingest([corpus / "bridge.txt"])
    assert reader.speaker_names("fis") == []
    writer.ingest([corpus / "ferry.txt"])
    assert reader.speaker_names("fis") == ["Lena Fischer"]
    assert reader.verify("The boats will run every hour from May", "Fischer").verdict == "verified"


def test_threads_share_one_reader_cache(tmp_path, corpus):
    import threading

    e = Engine(tmp_path / "q.db")
    e.ingest([corpus])
    indexes = []

    def ask():
        e.verify("a delay dressed up as diligence", "Hartley")
        indexes.append(e.store.speaker_index())

    threads = [threading.Thread(target=ask) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len({id(i) for i in indexes}) == 1


def test_a_named_pipe_is_skipped_for_what_it_is(tmp_path):
    pipe = tmp_path / "feed.txt"
    os.mkfifo(pipe)
    report = Engine(tmp_path / "q.db").ingest([pipe])
    assert report.skipped == [(str(pipe), "not a regular file or folder (a pipe, device or socket)")]


def word_counts(e):
    """terms as ingest keeps it, and as the search index counts it."""
    db = e.store.db
    kept = dict(db.execute("SELECT term, docs FROM terms"))
    indexed = dict(db.execute("SELECT term, doc FROM quotes_fts_vocab"))
    return kept, indexed


def test_word_counts_follow_small_and_large_ingests_and_replacements(tmp_path, corpus):
    # A first ingest recounts from the index; a small one into a bigger table
    # counts its own words; a replacement subtracts the words it orphaned.
    e = Engine(tmp_path / "q.db")
    e.ingest([corpus / "bridge.txt"])
    kept, indexed = word_counts(e)
    assert kept == indexed and kept["report"] == 1
    e.ingest([corpus / "ferry.txt"])
    kept, indexed = word_counts(e)
    assert kept == indexed and kept["boats"] == 1
    write(corpus, "ferry.txt", ARTICLE_B.replace("The boats will run every hour", "Ferries sail twice daily"))
    e.ingest([corpus])
    kept, indexed = word_counts(e)
    assert kept == indexed and "boats" not in kept and kept["ferries"] == 1


def test_warming_checks_quotes_spread_over_the_table(tmp_path, corpus):
    e = Engine(tmp_path / "q.db")
    e.warm()  # an empty database: nothing to check, no error
    assert e.store.sample_quote_ids(4) == []
    e.ingest([corpus])
    ids = [m.id for m in e.store.quotes()]
    sample = e.store.sample_quote_ids(2)
    assert sample == [min(ids), max(ids)]
    assert set(e.store.sample_quote_ids(50)) <= set(ids)
    e.warm()
    assert e.store.cache.freqs  # the checked quotes' words are now known


def _journal_during_write(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = store_mod.QuoteStore._write_all

    def spy(self, results, report):
        seen.append(self.db.execute("PRAGMA journal_mode").fetchone()[0])
        return real(self, results, report)

    monkeypatch.setattr(store_mod.QuoteStore, "_write_all", spy)
    return seen


def test_the_first_ingest_writes_straight_into_the_file_then_returns_to_wal(tmp_path, corpus, monkeypatch):
    seen = _journal_during_write(monkeypatch)
    s = store_mod.QuoteStore(tmp_path / "q.db")
    s.ingest([corpus])
    write(corpus, "later.txt", ARTICLE_B.replace("Lena Fischer", "Omar Haddad"))
    s.ingest([corpus])
    assert seen == ["delete", "wal"]  # only an empty database skips the log
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.counts()["articles"] == 3


def test_the_first_ingest_keeps_wal_while_another_connection_has_the_file(tmp_path, corpus, monkeypatch):
    seen = _journal_during_write(monkeypatch)
    s = store_mod.QuoteStore(tmp_path / "q.db")
    other = sqlite3.connect(tmp_path / "q.db")
    other.execute("BEGIN")
    other.execute("SELECT count(*) FROM articles").fetchone()  # a reader in the middle of a read
    try:
        s.ingest([corpus])
    finally:
        other.rollback()
        other.close()
    assert seen == ["wal"]
    assert s.counts()["articles"] == 2


def test_a_database_left_without_its_log_gets_wal_back_on_open(tmp_path, corpus):
    db = tmp_path / "q.db"
    store_mod.QuoteStore(db).ingest([corpus])
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")  # as a first ingest killed midway leaves it
    conn.close()
    s = store_mod.QuoteStore(db)
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.counts()["articles"] == 2
