"""SQLite storage: articles, speakers, quotes and where each quote was reported.

Tables
  articles         one row per article file (id = file stem), with its cleaned text
  speakers         one row per person or organisation, across articles
  speaker_aliases  other names a speaker goes by ("Holm", "Ada B. Holm")
  speaker_roles    roles as the articles state them ("ministry spokesman")
  quotes           one row per distinct quote: same words by the same speaker
  quote_sources    one row per report of a quote in an article, with offsets
  quotes_fts       FTS5 index over the normalised quote text (candidate retrieval)

Ingest is one transaction: a crash part-way leaves the previous database.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import math
import os
import re
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import sqlite_utils
from rapidfuzz import process
from rapidfuzz.distance import OSA

from . import normalize
from .answers import ArticleInfo, IngestReport, Match, SpeakerInfo, Source
from .errors import InputError, QuotebotError, database_error
from .models import PARAPHRASE, Article, Quote, Skipped
from .speakers import SpeakerEntry, SpeakerIndex, name_key, name_tokens, tidy_name

SCHEMA_VERSION = 3  # 3: articles.url, published, outlet
QUOTE_LIST = "quote_list"
QUOTE_LIST_SQL = """SELECT
    q.id AS quote_id, q.text AS quote, s.name AS speaker, q.kind AS kind, qs.role AS role,
    qs.verb AS verb, qs.shape AS shape, COALESCE(NULLIF(a.title, ''), a.id) AS article, a.outlet AS outlet,
    a.published AS published, a.url AS url, qs.paragraph AS paragraph, qs.sentence AS sentence,
    qs.article_id AS article_id
FROM quote_sources qs
JOIN quotes q ON q.id = qs.quote_id
JOIN articles a ON a.id = qs.article_id
LEFT JOIN speakers s ON s.id = q.speaker_id"""
# One article's size limit (the bot's upload limit too): extraction time grows with it.
MAX_ARTICLE_BYTES = 1024 * 1024  # worst case (all quotes) extracts in well under 10 s
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
FTS_TABLE = "quotes_fts"
_BATCH_ARTICLES = 200
# Page cache an ingest may use (KiB), instead of SQLite's default 2 MB.
_INGEST_CACHE_KIB = 256 * 1024
# Postings of a claim's rare words read and counted: bounds retrieval time.
CANDIDATE_POSTINGS = 2000
# At most this many of a claim's rarest words are counted.
RARE_WORDS = 8
COMMON_CHECKS = 2
# Rows an unranked AND query over common words may return.
UNRANKED_CAP = 100
# Candidates kept when more than the limit tie at the cut (hold the same words).
TIE_CAP = 160
# Hits of a common-word claim tested for holding half the claim as a phrase.
PHRASE_SCAN = 1500
# Rows the fallback for a changed rare word may add.
FALLBACK_CAP = 30
# A claimed speaker with at most this many quotes has all of them compared.
SPEAKER_SCAN = 60
# FTS hits examined when looking for a prolific speaker's quotes.
SPEAKER_FTS_CAP = 2000
# A claimed speaker with at most this many quotes has their quote ids held in
# memory (a set each, SPEAKER_SETS of them) to filter candidates; beyond, SQLite
# filters a chunk at a time.
SPEAKER_SET_MAX = 5000
SPEAKER_SETS = 32
# Close spellings kept for a word the index has never seen.
SPELLINGS = 3
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def _sha1(*parts: str) -> str:
    return hashlib.sha1("\x00".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def list_article_files(paths: Iterable[str | os.PathLike]) -> tuple[list[Path], list[Skipped]]:
    """The .txt files under the given files and folders, and the paths that are neither."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(f for f in p.rglob("*.txt") if f.is_file())
            if not found:
                skipped.append(Skipped(str(p), "folder holds no .txt articles"))
            files.extend(found)
        elif p.is_file():
            files.append(p)
        elif p.exists():
            skipped.append(Skipped(str(p), "not a regular file or folder (a pipe, device or socket)"))
        else:
            skipped.append(Skipped(str(p), "no such file or folder"))
    return files, skipped


def _too_large(nbytes: int) -> str | None:
    if nbytes <= MAX_ARTICLE_BYTES:
        return None
    return (
        f"too large for one article ({nbytes / 1_048_576:.1f} MB; the limit is "
        f"{MAX_ARTICLE_BYTES // 1_048_576} MB): split it into separate article files"
    )


def _exit_with_parent(parent: int) -> None:
    """Pool initializer: a worker exits when its parent is gone (killed with SIGKILL,
    the pool never shuts down and the worker would wait forever)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="exit-with-parent").start()


def _extract_file(path: str) -> tuple[Article | Skipped, list[Quote]]:
    """Read and extract one file; runs in worker processes too."""
    from .articles import iter_articles
    from .extract import extract_quotes

    try:
        big = _too_large(os.path.getsize(path))
        if big:
            return Skipped(path, f"{path}: {big}"), []
        item = next(iter(iter_articles([path])))
    except StopIteration:
        return Skipped(path, "not readable as an article"), []
    except (OSError, ValueError) as exc:
        return Skipped(path, str(exc)), []
    if isinstance(item, Skipped):
        return item, []
    return item, extract_quotes(item)


class _Ready(NamedTuple):
    """An extracted article as the writer needs it: rows, not objects.

    Built where the article was extracted (a worker process, when there are
    several), so the writing process only looks up speakers and runs SQL, and
    the pickled result is small (no Paragraph texts, no dataclasses).
    """

    id: str
    digest: str
    nbytes: int  # UTF-8 size of the text, for the report
    row: tuple  # the articles row, in _ARTICLE_COLUMNS order but ingested_at
    # (speaker, speaker_kind, aliases, role, text, norm, kind, paragraph, start, end, verb, shape, sentence)
    quotes: list[tuple]


_ARTICLE_COLUMNS = (
    "id", "title", "byline", "path", "digest", "text", "paragraphs", "url", "published", "outlet", "ingested_at"
)
# Added after the first release: a database from before gets them on open.
_SOURCE_COLUMNS = ("url", "published", "outlet")


def _ready(article: Article, quotes: list[Quote]) -> _Ready:
    """What _write_batch stores for one article: the quotes with a speaker, tidied and normalised."""
    rows = []
    for q in quotes:
        speaker = tidy_name(q.speaker or "")
        if not speaker or not q.text.strip():
            continue  # not attributed: not stored
        rows.append(
            (speaker, q.speaker_kind, tuple(q.aliases), q.role, q.text, normalize.normalize(q.text), q.kind,
             q.paragraph, q.start, q.end, q.verb, q.shape, q.sentence)
        )
    a = article
    paragraphs = json.dumps([[p.start, p.end] for p in a.paragraphs])
    return _Ready(
        a.id,
        a.digest,
        len(a.text.encode("utf-8", "surrogatepass")),
        (a.id, a.title, a.byline, a.path, a.digest, a.text, paragraphs, a.url, a.published, a.outlet),
        rows,
    )


def _extract_ready(path: str) -> _Ready | Skipped:
    """_extract_file, made ready for writing; what worker processes run."""
    item, quotes = _extract_file(path)
    return item if isinstance(item, Skipped) else _ready(item, quotes)


def _extract_unit(unit) -> _Ready | Skipped:
    """One work unit, read, extracted and made ready for writing; what workers run.

    A .txt unit takes exactly the path it always took (_extract_ready), so its
    article, quotes and digest cannot move.
    """
    from . import sources
    from .extract import extract_quotes

    if unit.kind == sources.meta.KIND_TXT:
        return _extract_ready(unit.path)
    try:
        article = sources.read_unit(unit)
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return Skipped(unit.label, f"{unit.label}: {reason}")
    big = _too_large(len(article.text.encode("utf-8", "surrogatepass")))
    if big:
        return Skipped(unit.label, f"{unit.label}: {big}")
    return _ready(article, extract_quotes(article))


def _extract_text(article_id: str, text: str | bytes) -> tuple[Article | Skipped, list[Quote]]:
    from .articles import article_from_text
    from .extract import extract_quotes

    big = _too_large(len(text.encode("utf-8", "surrogatepass")) if isinstance(text, str) else len(bytes(text)))
    if big:
        return Skipped(article_id, big), []
    if isinstance(text, str):
        # Lone surrogates cannot be stored as UTF-8: one U+FFFD each keeps every offset.
        text = _LONE_SURROGATE.sub("\ufffd", text)
    try:
        article = article_from_text(article_id, text)
    except (UnicodeDecodeError, ValueError) as exc:
        return Skipped(article_id, str(exc)), []
    if isinstance(article, Skipped):
        return article, []
    return article, extract_quotes(article)


class ReadCache:
    """What readers keep in memory between questions, shared by an engine's threads.

    Valid for one database generation: every ingest that changes anything
    bumps ``state.generation`` in its transaction, and a reader that sees a
    new generation drops the cache and reloads it once (under the lock).
    """

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.generation: int | None = None
        self.index: SpeakerIndex | None = None
        self.counts: dict[int, int] = {}
        self.freqs: dict[str, int] = {}
        self.spellings: dict[str, tuple[str, ...]] = {}
        self.max_id: int | None = None
        self.speaker_quotes: dict[tuple[int, ...], frozenset[int]] = {}

    def reset(self, generation: int) -> None:
        self.generation = generation
        self.index = None
        self.counts = {}
        self.freqs = {}
        self.spellings = {}
        self.max_id = None
        self.speaker_quotes = {}


def _longest_run(items: list[str], keep) -> list[str]:
    """The longest stretch of consecutive items that all pass ``keep``."""
    best: list[str] = []
    run: list[str] = []
    for item in items:
        if keep(item):
            run.append(item)
            if len(run) > len(best):
                best = list(run)
        else:
            run = []
    return best


def sentences(paragraph: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(paragraph) if s.strip()]


class QuoteStore:
    def __init__(self, path: str | os.PathLike, *, create: bool = True, cache: ReadCache | None = None):
        self.path = Path(path)
        self._last_scores: tuple | None = None  # (key, rare-word scores) of the last claim
        self._last_fallback: tuple | None = None  # (key, fallback ids) of the last claim
        if not create and not self.path.exists():
            raise QuotebotError(
                f"No database at {self.path}. Build it with `quotebot --db {self.path} ingest seeds/`."
            )
        try:
            conn = sqlite3.connect(str(self.path), timeout=30, check_same_thread=False)
            self.db = sqlite_utils.Database(conn)
            self.db.execute("PRAGMA foreign_keys = ON")
            self._ensure_schema()
        except sqlite3.DatabaseError as exc:
            raise database_error(self.path, exc) from exc
        self.cache = cache or ReadCache()

    def close(self) -> None:
        self.db.close()

    # -- schema -------------------------------------------------------------
    def _ensure_schema(self) -> None:
        db = self.db
        if "quotes" in db.table_names():
            if db.execute("PRAGMA journal_mode").fetchone()[0] == "delete":
                self._use_wal()  # (a first ingest that did not finish: see _write)
            if "terms" not in db.table_names():
                self._create_terms(populate=True)  # a database from before the terms table
            if "state" not in db.table_names():
                self._create_state()
            self._add_source_columns()
            self._create_quote_list()
            return
        if db.table_names() and "articles" not in db.table_names():
            raise QuotebotError(
                f"{self.path} is an SQLite database but not a QuoteBot one "
                f"(it has tables {', '.join(db.table_names()[:5])}). Pass --db with another path."
            )
        self._use_wal()
        with db.atomic():
            db["articles"].create(
                {
                    "id": str,
                    "title": str,
                    "byline": str,
                    "path": str,
                    "digest": str,
                    "text": str,
                    "paragraphs": str,  # JSON [[start, end], ...]
                    "url": str,
                    "published": str,
                    "outlet": str,
                    "ingested_at": float,
                },
                pk="id",
            )
            db["speakers"].create({"id": int, "name": str, "kind": str, "key": str}, pk="id")
            db["speakers"].create_index(["key"])
            db["speaker_aliases"].create(
                {"speaker_id": int, "alias": str},
                pk=("speaker_id", "alias"),
                foreign_keys=[("speaker_id", "speakers", "id")],
            )
            db["speaker_roles"].create(
                {"speaker_id": int, "role": str},
                pk=("speaker_id", "role"),
                foreign_keys=[("speaker_id", "speakers", "id")],
            )
            db["quotes"].create(
                {"id": int, "text": str, "norm": str, "speaker_id": int, "kind": str, "key": str},
                pk="id",
                foreign_keys=[("speaker_id", "speakers", "id")],
            )
            db["quotes"].create_index(["key"], unique=True)
            db["quotes"].create_index(["speaker_id"])
            db["quote_sources"].create(
                {
                    "quote_id": int,
                    "article_id": str,
                    "paragraph": int,
                    "start": int,
                    "end": int,
                    "role": str,
                    "verb": str,
                    "shape": str,
                    "sentence": str,
                },
                pk=("article_id", "start"),
                foreign_keys=[("quote_id", "quotes", "id"), ("article_id", "articles", "id")],
            )
            db["quote_sources"].create_index(["quote_id"])
            # No per-row triggers: they cost ~200 us a row at ingest. Ingest fills
            # the index once per batch and removes rows explicitly (see _write_batch).
            db["quotes"].enable_fts(["norm"], fts_version="FTS5", tokenize="unicode61")
            db.execute(
                f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE}_vocab "
                f"USING fts5vocab({FTS_TABLE}, 'row')"
            )
            self._create_terms(populate=False)
            self._create_state()
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        self._create_quote_list()
        self._source_select = ", ".join(f"a.{c}" for c in _SOURCE_COLUMNS)

    def _use_wal(self) -> None:
        try:
            self.db.enable_wal()
        except sqlite3.DatabaseError:
            pass  # read-only media, or another connection has it open: stay as it is

    def _add_source_columns(self) -> None:
        """A database built before articles carried their URL, date and outlet gets
        the columns (empty) so it keeps working; a read-only one is read without them."""
        have = set(self.db["articles"].columns_dict)
        missing = [c for c in _SOURCE_COLUMNS if c not in have]
        try:
            for column in missing:
                self.db["articles"].add_column(column, str)
            if missing:
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError:
            pass  # read-only: _source_select reads NULLs instead
        have = set(self.db["articles"].columns_dict)
        self._source_select = ", ".join(
            f"a.{c}" if c in have else f"NULL AS {c}" for c in _SOURCE_COLUMNS
        )

    def _create_quote_list(self) -> None:
        """The view people browse (``quotebot browse``): one row per quote per article,
        with the speaker's name and the article's title instead of ids. Costs nothing
        until read; a read-only database goes without it."""
        if QUOTE_LIST in self.db.view_names():
            return
        try:
            self.db.create_view(QUOTE_LIST, QUOTE_LIST_SQL, ignore=True)
        except sqlite3.OperationalError:
            pass  # read-only

    def _create_terms(self, *, populate: bool) -> None:
        """Document frequency of every indexed word, kept up to date by ingest.

        fts5vocab counts a word's documents by walking its whole posting list,
        which takes milliseconds for common words at a million quotes; this
        table answers in one B-tree lookup and serves prefix scans for spelling.
        """
        with self.db.atomic():
            self.db["terms"].create({"term": str, "docs": int}, pk="term")
            if populate:
                self.db.execute(f"INSERT INTO terms (term, docs) SELECT term, doc FROM {FTS_TABLE}_vocab")
            self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _create_state(self) -> None:
        with self.db.atomic():
            self.db["state"].create({"key": str, "value": int}, pk="key")
            self.db["state"].insert({"key": "generation", "value": 0})

    def generation(self) -> int:
        """Bumped by every ingest that changes the database: what reader caches are valid for."""
        return self.db.execute("SELECT value FROM state WHERE key = 'generation'").fetchone()[0]

    def _count_terms(self, norms: Iterable[str], sign: int) -> None:
        """Add (sign 1) or remove (sign -1) the words of these quote texts from terms."""
        delta = Counter(chain.from_iterable(set(norm.split()) for norm in norms))
        if delta:
            self.db.conn.executemany(
                "INSERT INTO terms (term, docs) VALUES (?, ?) "
                "ON CONFLICT(term) DO UPDATE SET docs = docs + excluded.docs",
                [(t, sign * n) for t, n in delta.items()],
            )

    # -- ingest ---------------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | os.PathLike],
        *,
        workers: int = 1,
        fields: dict[str, str] | list[str] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> IngestReport:
        """Add or refresh articles from files, folders, feeds, dumps and URLs; one
        transaction for the lot.

        ``fields`` names a dump's fields (``{"text": "body"}``, see
        ``sources.dumps``); ``progress(done, total)`` is called as articles are
        extracted, for an adapter to draw (the engine knows no terminal).
        """
        from . import sources

        started = time.perf_counter()
        units, skipped = sources.plan(paths, fields=fields)
        report = IngestReport(skipped=[(s.path, s.reason) for s in skipped])
        results = self._extract_all(units, workers, progress)
        self._write(results, report)
        report.seconds = time.perf_counter() - started
        return report

    def ingest_text(self, article_id: str, text: str | bytes) -> IngestReport:
        started = time.perf_counter()
        report = IngestReport()
        self._write(iter([_extract_text(article_id, text)]), report)
        report.seconds = time.perf_counter() - started
        return report

    def _extract_all(self, units: list, workers: int, progress: Callable[[int, int], None] | None = None) -> Iterator[tuple]:
        total = len(units)
        if workers <= 1 or total < 2:
            done = map(_extract_unit, units)
            pool = None
        else:
            pool = ProcessPoolExecutor(max_workers=workers, initializer=_exit_with_parent, initargs=(os.getpid(),))
            chunksize = max(1, min(64, total // (workers * 8) or 1))
            done = pool.map(_extract_unit, units, chunksize=chunksize)
        try:
            for n, item in enumerate(done, 1):
                yield item, ()
                if progress is not None:
                    progress(n, total)
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)

    def _write(self, results: Iterable[tuple], report: IngestReport) -> None:
        db = self.db
        cache_size = None
        try:
            # One transaction holds every changed page: with the default 2 MB
            # cache, a large ingest spills pages to the WAL and reads them back
            # (the unique quote-key index is written at random places).
            cache_size = db.execute("PRAGMA cache_size").fetchone()[0]
            db.execute(f"PRAGMA cache_size = {-_INGEST_CACHE_KIB}")
        except sqlite3.DatabaseError:
            cache_size = None
        # The first ingest into an empty database writes its pages once, straight into
        # the file (a rollback journal has nothing to save): in WAL mode every page is
        # written twice, to the log and then by the checkpoint at commit, which took
        # 5 s of a 70 s ingest at a million quotes with both cores otherwise idle.
        # Only when no other connection has the file open (else the switch is refused);
        # WAL comes back after, and on the next open should this process die first.
        direct = False
        try:
            if db.execute("SELECT NOT EXISTS (SELECT 1 FROM articles)").fetchone()[0] and \
                    db.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
                direct = db.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
        except sqlite3.DatabaseError:
            direct = False
        try:
            self._write_all(results, report)
        finally:
            if direct:
                self._use_wal()
            if cache_size is not None:
                try:
                    db.execute(f"PRAGMA cache_size = {int(cache_size)}")
                except sqlite3.DatabaseError:
                    pass

    def _write_all(self, results: Iterable[tuple], report: IngestReport) -> None:
        db = self.db
        try:
            with db.atomic():
                index = self._load_index()
                existing = {r["id"]: r["digest"] for r in db.query("SELECT id, digest FROM articles")}
                stored, last_id = db.execute("SELECT count(*), coalesce(max(id), 0) FROM quotes").fetchone()
                batch: list[_Ready] = []
                for item, quotes in results:
                    if isinstance(item, Skipped):
                        report.skipped.append((item.path, item.reason))
                        continue
                    if isinstance(item, Article):
                        item = _ready(item, quotes)
                    report.bytes += item.nbytes
                    old = existing.get(item.id)
                    if old == item.digest:
                        report.unchanged.append(item.id)
                        continue
                    if old is not None:
                        self._delete_article(item.id)
                        report.replaced.append(item.id)
                    else:
                        report.added.append(item.id)
                    existing[item.id] = item.digest
                    batch.append(item)
                    if len(batch) >= _BATCH_ARTICLES:
                        report.quotes += self._write_batch(batch, index)
                        batch = []
                if batch:
                    report.quotes += self._write_batch(batch, index)
                self._index_new_quotes(last_id, stored)
                if report.replaced:
                    self._delete_orphans()
                if report.added or report.replaced:
                    db.execute("UPDATE state SET value = value + 1 WHERE key = 'generation'")
        except sqlite3.DatabaseError as exc:
            raise database_error(self.path, exc) from exc
        if report.added or report.replaced:
            try:
                db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except sqlite3.DatabaseError:
                pass

    def _index_new_quotes(self, last_id: int, stored: int) -> None:
        """Count the words of the quotes stored after last_id into terms, once per ingest.

        Counting per batch in Python cost more than the FTS insert at scale. When
        the ingest at least doubled the table, recounting every word from the FTS
        index (fts5vocab walks each posting list once, in C) is cheaper still, and
        the index, written a batch at a time, is merged into one segment: each
        word's postings are then read in one run (a quarter less time a posting
        at a million quotes, for 1.7 s once).
        """
        db = self.db
        added = db.execute("SELECT count(*) FROM quotes WHERE id > ?", [last_id]).fetchone()[0]
        if not added:
            return
        if added >= stored:
            db.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
            db.execute("DELETE FROM terms")
            db.execute(f"INSERT INTO terms (term, docs) SELECT term, doc FROM {FTS_TABLE}_vocab")
        else:
            self._count_terms((r[0] for r in db.execute("SELECT norm FROM quotes WHERE id > ?", [last_id])), 1)

    def _delete_article(self, article_id: str) -> None:
        self.db.execute("DELETE FROM quote_sources WHERE article_id = ?", [article_id])
        self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])

    def _delete_orphans(self) -> None:
        db = self.db
        orphans = "SELECT id FROM quotes WHERE id NOT IN (SELECT quote_id FROM quote_sources)"
        self._count_terms((r[0] for r in db.execute(f"SELECT norm FROM quotes WHERE id IN ({orphans})")), -1)
        db.execute("DELETE FROM terms WHERE docs <= 0")
        # An external-content FTS5 table forgets a row only when told its old text.
        db.execute(
            f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, norm) "
            f"SELECT 'delete', id, norm FROM quotes WHERE id IN ({orphans})"
        )
        db.execute(f"DELETE FROM quotes WHERE id IN ({orphans})")
        live = "SELECT DISTINCT speaker_id FROM quotes"
        db.execute(f"DELETE FROM speaker_aliases WHERE speaker_id NOT IN ({live})")
        db.execute(f"DELETE FROM speaker_roles WHERE speaker_id NOT IN ({live})")
        db.execute(f"DELETE FROM speakers WHERE id NOT IN ({live})")

    def _speaker_id(self, index: SpeakerIndex, speaker: str, kind: str) -> int:
        sid = index.find_same(speaker, kind)
        if sid is None:
            sid = self.db.conn.execute(
                "INSERT INTO speakers (name, kind, key) VALUES (?, ?, ?)",
                [speaker, kind, name_key(speaker)],
            ).lastrowid
            index.add(SpeakerEntry(sid, speaker, kind))
        else:
            entry = index.entries[sid]
            # Prefer the fuller name (an article may only give "Holm").
            if len(name_tokens(speaker)) > len(name_tokens(entry.name)):
                index.rename(sid, speaker)
                self.db.conn.execute(
                    "UPDATE speakers SET name = ?, key = ? WHERE id = ?", [speaker, name_key(speaker), sid]
                )
        return sid

    def _write_batch(self, batch: list[_Ready], index: SpeakerIndex) -> int:
        # The hot path at scale: prepared executemany with plain tuples, not
        # sqlite-utils' insert_all, which converts values one by one.
        conn = self.db.conn
        now = time.time()
        conn.executemany(
            f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}) VALUES ({', '.join('?' * len(_ARTICLE_COLUMNS))})",
            [(*r.row, now) for r in batch],
        )
        quote_rows: dict[str, tuple] = {}
        source_rows: list[tuple] = []
        aliases: set[tuple[int, str]] = set()
        roles: set[tuple[int, str]] = set()
        sids: dict[str, int] = {}  # speaker name -> id, within this batch
        entries = index.entries
        by_key = index._by_key
        sha1 = hashlib.sha1
        for r in batch:
            article_id = r.id
            for speaker, skind, q_aliases, role, text, norm, kind, paragraph, start, end, verb, shape, sentence in r.quotes:
                sid = sids.get(speaker)
                if sid is None:
                    sid = self._speaker_id(index, speaker, skind)
                    if by_key.get(name_key(speaker)) == sid:
                        # Known by its key: find_same answers the same from now on
                        # (keys are never remapped) and the name is already the fuller one.
                        sids[speaker] = sid
                entry = entries[sid]
                for alias in (speaker, *q_aliases):
                    if alias and alias != entry.name:
                        aliases.add((sid, alias))
                        entry.aliases.add(alias)
                if role:
                    roles.add((sid, role))
                    entry.roles.add(role)
                # _sha1("p" or "d", norm, str(sid)), inlined
                key = sha1(
                    f"{'p' if kind == PARAPHRASE else 'd'}\x00{norm}\x00{sid}".encode("utf-8", "surrogatepass")
                ).hexdigest()
                if key not in quote_rows:
                    quote_rows[key] = (text, norm, sid, kind, key)
                source_rows.append((key, article_id, paragraph, start, end, role, verb, shape, sentence))
        if quote_rows:
            before = conn.execute("SELECT coalesce(max(id), 0) FROM quotes").fetchone()[0]
            conn.executemany(
                "INSERT OR IGNORE INTO quotes (text, norm, speaker_id, kind, key) VALUES (?, ?, ?, ?, ?)",
                list(quote_rows.values()),
            )
            conn.execute(
                f"INSERT INTO {FTS_TABLE}(rowid, norm) SELECT id, norm FROM quotes WHERE id > ?",
                [before],
            )
            ids: dict[str, int] = {}
            keys = list(quote_rows)
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                ids.update(conn.execute(f"SELECT key, id FROM quotes WHERE key IN ({marks})", chunk))
            conn.executemany(
                "INSERT OR IGNORE INTO quote_sources (quote_id, article_id, paragraph, start, end, "
                "role, verb, shape, sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(ids[k], *rest) for k, *rest in source_rows],
            )
        if aliases:
            conn.executemany("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", aliases)
        if roles:
            conn.executemany("INSERT OR IGNORE INTO speaker_roles (speaker_id, role) VALUES (?, ?)", roles)
        return len(source_rows)

    # -- speakers -------------------------------------------------------------
    def _fresh_cache(self) -> ReadCache:
        cache = self.cache
        generation = self.generation()
        if cache.generation != generation:
            with cache.lock:
                if cache.generation != generation:
                    cache.reset(generation)
        return cache

    def _load_index(self) -> SpeakerIndex:
        entries = {
            r["id"]: SpeakerEntry(r["id"], r["name"], r["kind"])
            for r in self.db.query("SELECT id, name, kind FROM speakers")
        }
        for r in self.db.query("SELECT speaker_id, alias FROM speaker_aliases"):
            if r["speaker_id"] in entries:
                entries[r["speaker_id"]].aliases.add(r["alias"])
        for r in self.db.query("SELECT speaker_id, role FROM speaker_roles"):
            if r["speaker_id"] in entries:
                entries[r["speaker_id"]].roles.add(r["role"])
        return SpeakerIndex(list(entries.values()))

    def speaker_index(self) -> SpeakerIndex:
        """The in-memory speaker index, reloaded when the database changed."""
        cache = self._fresh_cache()
        if cache.index is None:
            with cache.lock:
                if cache.index is None:
                    cache.counts = {
                        r[0]: r[1]
                        for r in self.db.execute("SELECT speaker_id, count(*) FROM quotes GROUP BY speaker_id")
                    }
                    cache.index = self._load_index()
        return cache.index

    def warm(self) -> None:
        """Load what the first question would otherwise wait for: the speaker tables."""
        self.speaker_index().prepare()

    def sample_quote_ids(self, n: int) -> list[int]:
        """Up to n quote ids spread evenly over the table (deterministic)."""
        top = self.quote_id_bound()
        if n <= 0 or not top:
            return []
        marks = ",".join("?" * n)
        wanted = [1 + (top - 1) * k // max(1, n - 1) for k in range(n)]
        sql = f"SELECT id FROM quotes WHERE id IN ({marks}) ORDER BY id"
        return [r[0] for r in self.db.conn.execute(sql, wanted)]

    def resolve_speakers(self, name: str) -> list[tuple[int, float]]:
        if not name or not name.strip():
            return []
        return self.speaker_index().resolve(name)

    def find_speaker(self, name: str) -> SpeakerEntry | None:
        found = self.resolve_speakers(name)
        return self.speaker_index().entries[found[0][0]] if found else None

    def speaker_names(self, prefix: str = "", *, limit: int = 25) -> list[str]:
        index = self.speaker_index()
        counts = self.cache.counts
        ranked = sorted(index.entries.values(), key=lambda e: (-counts.get(e.id, 0), e.name))
        p = prefix.strip().casefold()
        if not p:
            return [e.name for e in ranked[:limit]]
        starts, contains = [], []
        for e in ranked:
            names = [e.name, *e.aliases]
            if any(n.casefold().startswith(p) for n in names) or any(
                w.startswith(p) for w in e.name.casefold().split()
            ):
                starts.append(e.name)
            elif any(p in n.casefold() for n in names) or any(p in r.casefold() for r in e.roles):
                contains.append(e.name)
        out = starts + contains
        if not out:
            out = [index.entries[i].name for i, _ in index.resolve(prefix, score_cutoff=70)]
        return out[:limit]

    def speakers(self) -> list[SpeakerInfo]:
        index = self.speaker_index()
        return sorted(
            (
                SpeakerInfo(
                    id=e.id,
                    name=e.name,
                    kind=e.kind,
                    roles=sorted(e.roles),
                    aliases=sorted(e.aliases),
                    quotes=self.cache.counts.get(e.id, 0),
                )
                for e in index.entries.values()
            ),
            key=lambda s: (-s.quotes, s.name),
        )

    def articles(self) -> list[ArticleInfo]:
        counts = {
            r[0]: r[1]
            for r in self.db.execute(
                "SELECT article_id, count(*) FROM quote_sources GROUP BY article_id"
            )
        }
        return [
            ArticleInfo(
                id=r["id"],
                title=r["title"],
                byline=r["byline"],
                path=r["path"],
                quotes=counts.get(r["id"], 0),
                paragraphs=len(json.loads(r["paragraphs"] or "[]")),
                url=r["url"],
                published=r["published"],
                outlet=r["outlet"],
            )
            for r in self.db.query(
                f"SELECT a.id, a.title, a.byline, a.path, a.paragraphs, {self._source_select} "
                "FROM articles a ORDER BY a.id"
            )
        ]

    def counts(self) -> dict[str, int]:
        return {
            t: self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("articles", "speakers", "quotes", "quote_sources")
        }

    # -- reading quotes --------------------------------------------------------
    def matches(self, ids: list[int]) -> list[Match]:
        """Quotes by id, in the order given, each with every article reporting it."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = {
            r["id"]: r
            for r in self.db.query(
                f"""SELECT q.id, q.text, q.kind, s.name AS speaker, s.kind AS speaker_kind
                FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
                WHERE q.id IN ({marks})""",
                ids,
            )
        }
        sources: dict[int, list[Source]] = {}
        roles: dict[int, str | None] = {}
        for r in self.db.query(
            f"""SELECT qs.*, a.title, {self._source_select}
            FROM quote_sources qs JOIN articles a ON a.id = qs.article_id
            WHERE qs.quote_id IN ({marks}) ORDER BY qs.article_id, qs.start""",
            ids,
        ):
            sources.setdefault(r["quote_id"], []).append(
                Source(
                    article=r["article_id"],
                    title=r["title"],
                    paragraph=r["paragraph"],
                    start=r["start"],
                    end=r["end"],
                    context=r["sentence"] or "",
                    verb=r["verb"],
                    url=r["url"],
                    published=r["published"],
                    outlet=r["outlet"],
                )
            )
            if r["role"] and not roles.get(r["quote_id"]):
                roles[r["quote_id"]] = r["role"]
        out = []
        for i in ids:
            r = rows.get(i)
            if r is None:
                continue
            out.append(
                Match(
                    id=r["id"],
                    quote=r["text"],
                    speaker=r["speaker"],
                    role=roles.get(i),
                    kind=r["kind"],
                    sources=sources.get(i, []),
                    speaker_kind=r["speaker_kind"],
                )
            )
        return out

    def _quote_filter(
        self, speaker: str | None, article: str | None, include_paraphrase: bool
    ) -> tuple[str, list] | None:
        """WHERE clause and parameters for listing quotes; None when no speaker matches."""
        where, params = [], []
        if speaker:
            found = self.resolve_speakers(speaker)
            if not found:
                return None
            where.append(f"q.speaker_id IN ({','.join('?' * len(found))})")
            params.extend(i for i, _ in found)
        if article:
            where.append("q.id IN (SELECT quote_id FROM quote_sources WHERE article_id = ?)")
            params.append(article)
        if not include_paraphrase:
            where.append("q.kind != ?")
            params.append(PARAPHRASE)
        return (" WHERE " + " AND ".join(where) if where else ""), params

    def quotes(
        self,
        speaker: str | None = None,
        article: str | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        include_paraphrase: bool = True,
    ) -> list[Match]:
        """Quotes by speaker (fuzzy name) and/or article, in article order."""
        found = self._quote_filter(speaker, article, include_paraphrase)
        if found is None:
            return []
        where, params = found
        # Quote ids follow ingest order (articles in file order, quotes in text
        # order), so id order is first-seen order and pages straight off the index.
        sql = "SELECT q.id FROM quotes q" + where + " ORDER BY q.id"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, int(limit), int(offset)]
        return self.matches([r[0] for r in self.db.execute(sql, params)])

    def count_quotes(
        self, speaker: str | None = None, article: str | None = None, *, include_paraphrase: bool = True
    ) -> int:
        found = self._quote_filter(speaker, article, include_paraphrase)
        if found is None:
            return 0
        where, params = found
        return self.db.execute("SELECT count(*) FROM quotes q" + where, params).fetchone()[0]

    def search(self, words: str, *, limit: int = 20) -> list[Match]:
        toks = normalize.tokens(words)[:32]
        if not toks:
            return []
        ids = self._fts_ids(" AND ".join(f'"{t}"' for t in toks), limit)
        if not ids:
            ids = self._fts_ids(" OR ".join(f'"{t}"' for t in toks), limit)
        return self.matches(ids)

    def _fts_ids(
        self, match: str, limit: int, speaker_ids: list[int] | None = None, *, ranked: bool = True
    ) -> list[int]:
        order = " ORDER BY rank" if ranked else ""
        if speaker_ids:
            # The FTS query runs once, bounded, as the outer loop; joined the
            # other way round, SQLite would run the MATCH once per quote.
            inner = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?{order} LIMIT {SPEAKER_FTS_CAP}"
            sql = (
                f"SELECT q.id FROM ({inner}) f JOIN quotes q ON q.id = f.rowid "
                f"WHERE q.speaker_id IN ({','.join('?' * len(speaker_ids))}) LIMIT ?"
            )
            return [r[0] for r in self.db.execute(sql, [match, *speaker_ids, limit])]
        sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ?{order} LIMIT ?"
        return [r[0] for r in self.db.execute(sql, [match, limit])]

    def doc_frequencies(self, toks: list[str]) -> dict[str, int]:
        """How many quotes hold each token (the terms table), cached until the data changes."""
        freqs = self._fresh_cache().freqs
        if len(freqs) > 200_000:
            freqs.clear()
        sql = "SELECT docs FROM terms WHERE term = ?"
        out = {}
        for t in dict.fromkeys(toks):
            if t not in freqs:
                row = self.db.execute(sql, [t]).fetchone()
                freqs[t] = row[0] if row else 0
            out[t] = freqs[t]
        return out

    def spelling(self, token: str) -> str | None:
        """The indexed word a misspelt one most likely means, or None."""
        found = self.spellings(token)
        return found[0] if found else None

    def spellings(self, token: str) -> tuple[str, ...]:
        """Indexed words a misspelt one may mean, best first: any typo but one in the first letter.

        A typo must not hide a quote: the words sharing the token's first two
        letters (or those letters swapped) are an indexed range of the terms
        table, then rapidfuzz picks; only when none is near enough is the
        token's first-letter range filtered. Several close
        words are kept ("tasit" is as near "taist" as "tacit"); retrieval counts each.
        """
        if len(token) < 4 or not token.isalnum():
            return ()
        cache = self._fresh_cache().spellings
        if token in cache:
            return cache[token]
        rows = []
        # The first two letters as typed, or with a letter swapped in ("baout", "aobut" for "about").
        for prefix in dict.fromkeys((token[:2], token[1] + token[0], token[0] + token[2])):
            upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
            rows += self.db.execute(
                "SELECT term, docs FROM terms WHERE term >= ? AND term < ? LIMIT 5000", [prefix, upper]
            ).fetchall()
        edits = normalize.max_edits(token)
        near = self._nearest(token, rows, edits)
        if not near:
            # A second letter dropped or mistyped ("eros", "eiros" for "euros"):
            # the word shares the first letter and has the token's second or third
            # letter third. The filter runs in SQL over one first-letter range.
            rows = self.db.execute(
                "SELECT term, docs FROM terms WHERE term >= ? AND term < ? AND substr(term, 3, 1) IN (?, ?) "
                "AND length(term) BETWEEN ? AND ? LIMIT 5000",
                [token[0], chr(ord(token[0]) + 1), token[1], token[2], len(token) - edits, len(token) + edits],
            ).fetchall()
            near = self._nearest(token, rows, edits)
        found = tuple(t for t, _, _ in near[:SPELLINGS])
        if len(cache) > 100_000:
            cache.clear()
        cache[token] = found
        return found

    @staticmethod
    def _nearest(token: str, rows: list, edits: int) -> list:
        """The (term, docs) rows within `edits` of token: fewest edits first (a
        swap of two letters is one edit), then the commonest word."""
        near = process.extract(token, [r[0] for r in rows], scorer=OSA.distance, score_cutoff=edits, limit=None)
        near.sort(key=lambda m: (m[1], -rows[m[2]][1]))
        return near

    def candidates(
        self, toks: list[str], *, limit: int = 40, speaker_ids: list[int] | None = None
    ) -> list[dict]:
        """Stored quotes that may match a claim, found through their rarest words.

        Ranking an FTS5 query costs time in proportion to the postings of its
        words, so only rare words (by document frequency, within a posting
        budget) are ranked; claims of common words only are intersected
        unranked. That keeps retrieval fast at a million quotes. A word the
        index has never seen is replaced by its nearest indexed spelling.
        """
        if not toks:
            return []
        freqs = self.doc_frequencies(toks[:64])
        for t in [t for t in freqs if not freqs[t]]:
            for fixed in self.spellings(t):
                freqs[fixed] = self.doc_frequencies([fixed])[fixed]
        # Phrases are read with each misspelt word as its likeliest spelling.
        toks = [t if freqs.get(t, 1) else self.spelling(t) or t for t in toks]
        present = sorted((t for t in freqs if freqs[t]), key=lambda t: freqs[t])
        informative = [t for t in present if t not in normalize.STOPWORDS] or present
        if not informative:
            return []
        if speaker_ids:
            return self._speaker_candidates(toks, informative, freqs, speaker_ids, limit)
        return self._match_rows(toks, informative, freqs, limit)

    def _match_rows(
        self,
        toks: list[str],
        informative: list[str],
        freqs: dict[str, int],
        limit: int,
        speaker_ids: list[int] | None = None,
    ) -> list[dict]:
        if freqs[informative[0]] <= CANDIDATE_POSTINGS:
            ids = self._ids_sharing_rare_words(toks, informative, freqs, limit, speaker_ids)
        else:
            ids = self._ids_sharing_common_words(toks, informative, limit, speaker_ids)
        return self._rows(ids)

    def _ids_sharing_rare_words(
        self, toks: list[str], informative: list[str], freqs: dict[str, int], limit: int, speaker_ids: list[int] | None
    ) -> list[int]:
        """Quotes ranked by the rare claim words they hold, weighted by rarity.

        The postings of the rarest words (within a budget) are read unranked and
        counted here: FTS5's bm25 would look up every hit's length, and a quote
        the claim altered in one rare word still holds the others.
        """
        chosen, scores = self._rare_word_scores(informative, freqs)
        if speaker_ids:
            ids = self._by_speaker(sorted(scores, key=scores.__getitem__, reverse=True), speaker_ids, limit)
        else:
            top = heapq.nlargest(limit, scores.items(), key=itemgetter(1))
            ids = [i for i, _ in top]
            if len(top) == limit < len(scores):
                # Quotes holding the same claim words tie; a cut through them
                # would keep the first by id, not the likeliest: keep them all.
                cut = top[-1][1]
                tied = [i for i, v in scores.items() if v == cut and i not in set(ids)]
                ids.extend(tied[: TIE_CAP - limit])
        if len(chosen) < 3 <= len(informative):
            ids.extend(self._fallback_ids(informative, speaker_ids, toks))
        return list(dict.fromkeys(ids))

    def _fallback_ids(self, informative: list[str], speaker_ids: list[int] | None, toks: list[str]) -> list[int]:
        """The one rare word may be the word the claim changed: the next words
        together still find the quote, unranked and bounded.

        For a claimed speaker the first SPEAKER_FTS_CAP hits are read once and
        kept, so the claim's second look-up (everyone's quotes) reuses them.
        """
        match = " AND ".join(f'"{t}"' for t in informative[1:4])
        key = (self._fresh_cache().generation, match)
        if self._last_fallback is not None and self._last_fallback[0] == key:
            hits = self._last_fallback[1]
        elif speaker_ids:
            hits = self._posting_ids(match, SPEAKER_FTS_CAP)
            self._last_fallback = (key, hits)
        else:
            hits = self._posting_ids(match, FALLBACK_CAP)
            if len(hits) == FALLBACK_CAP:
                hits = self._ids_with_phrase(match, toks)[:FALLBACK_CAP] + hits
            return hits
        if speaker_ids:
            return self._by_speaker(hits, speaker_ids, FALLBACK_CAP)
        return hits[:FALLBACK_CAP]

    def _rare_word_scores(self, informative: list[str], freqs: dict[str, int]) -> tuple[list[str], dict[int, float]]:
        """The counted postings behind ``_ids_sharing_rare_words``, kept for the claim's
        second look-up (the claimed speaker's quotes, then everyone's)."""
        key = (self._fresh_cache().generation, tuple(informative))
        if self._last_scores is not None and self._last_scores[0] == key:
            return self._last_scores[1]
        chosen, budget = [], 0
        for t in informative[:RARE_WORDS]:
            if chosen and budget + freqs[t] > CANDIDATE_POSTINGS:
                break
            chosen.append(t)
            budget += freqs[t]
        total = self.quote_id_bound() + 1
        scores: dict[int, float] = {}
        get = scores.get
        for t in chosen:
            weight = math.log(total / freqs[t])
            for rowid in self._posting_ids(f'"{t}"'):
                scores[rowid] = get(rowid, 0.0) + weight
        # Commoner words still tell those quotes apart: each is intersected
        # with the rare words' postings, which costs no more than those postings.
        anchor = " OR ".join(f'"{t}"' for t in chosen)
        for t in informative[len(chosen) : len(chosen) + COMMON_CHECKS]:
            weight = math.log(total / freqs[t])
            for rowid in self._posting_ids(f'({anchor}) AND "{t}"'):
                scores[rowid] = get(rowid, 0.0) + weight
        self._last_scores = (key, (chosen, scores))
        return chosen, scores

    def _posting_ids(self, match: str, limit: int = -1) -> list[int]:
        """The quote ids an FTS query matches (the first ``limit``), in id order.

        Fetched as one group_concat string: a row per posting costs Python
        about 1.5 us each (a million quotes: a thousand postings a claim), the
        string 0.6 us.
        """
        sql = f"SELECT group_concat(rowid) FROM (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?)"
        joined = self.db.conn.execute(sql, [match, limit]).fetchone()[0]
        return [int(i) for i in joined.split(",")] if joined else []

    def _speaker_quote_ids(self, speaker_ids: list[int]) -> frozenset[int] | None:
        """Every quote id of these speakers, kept for the next claims; None for a
        speaker too prolific to hold (the caller then asks SQLite a chunk at a time)."""
        self.speaker_index()  # loads the quote counts
        cache = self.cache
        if sum(cache.counts.get(i, 0) for i in speaker_ids) > SPEAKER_SET_MAX:
            return None
        key = tuple(sorted(speaker_ids))
        found = cache.speaker_quotes.get(key)
        if found is None:
            marks = ",".join("?" * len(speaker_ids))
            sql = f"SELECT group_concat(id) FROM quotes WHERE speaker_id IN ({marks})"
            joined = self.db.conn.execute(sql, speaker_ids).fetchone()[0]
            found = frozenset(int(i) for i in joined.split(",")) if joined else frozenset()
            if len(cache.speaker_quotes) >= SPEAKER_SETS:
                cache.speaker_quotes.clear()
            cache.speaker_quotes[key] = found
        return found

    def _by_speaker(self, ids: list[int], speaker_ids: list[int], limit: int) -> list[int]:
        """The first ``limit`` of ``ids`` said by one of ``speaker_ids``, in order."""
        theirs = self._speaker_quote_ids(speaker_ids)
        if theirs is not None:
            return [i for i in ids if i in theirs][:limit]
        out: list[int] = []
        marks = ",".join("?" * len(speaker_ids))
        for lo in range(0, len(ids), 200):
            chunk = ids[lo : lo + 200]
            sql = f"SELECT id FROM quotes WHERE speaker_id IN ({marks}) AND id IN ({','.join('?' * len(chunk))})"
            theirs = {r[0] for r in self.db.conn.execute(sql, [*speaker_ids, *chunk])}
            out.extend(i for i in chunk if i in theirs)
            if len(out) >= limit:
                break
        return out[:limit]

    def _ids_sharing_common_words(
        self, toks: list[str], informative: list[str], limit: int, speaker_ids: list[int] | None
    ) -> list[int]:
        """Claims of common words only: the claim's longest run of non-stopwords as a
        phrase, then the words intersected, widest first, all unranked.

        Ranking would score every posting, and a phrase with stopwords in it would
        read their huge position lists; the caller's rapidfuzz pass ranks instead.
        """
        ids: list[int] = []
        run = _longest_run(toks, lambda t: t not in normalize.STOPWORDS)
        if len(run) >= 2:
            ids.extend(self._fts_ids('"' + " ".join(run) + '"', UNRANKED_CAP, speaker_ids, ranked=False))
        for i, n in enumerate(sorted({min(n, len(informative)) for n in (4, 2, 1)}, reverse=True)):
            match = " AND ".join(f'"{t}"' for t in informative[:n])
            found = self._fts_ids(match, UNRANKED_CAP, speaker_ids, ranked=False)
            if i == 0 and len(found) == UNRANKED_CAP and not speaker_ids:
                # More quotes hold these words than are kept: those that also
                # hold half the claim word for word come first (the frame of a
                # stock sentence is shared, the order of its words less so).
                ids.extend(self._ids_with_phrase(match, toks))
            ids.extend(found)
            if len(set(ids)) >= limit:
                break
        return list(dict.fromkeys(ids))

    def _ids_with_phrase(self, match: str, toks: list[str]) -> list[int]:
        """Of the first PHRASE_SCAN quotes matching ``match``, those whose text holds
        the claim's first or second half as written, tested in SQL (FTS5 phrase
        queries with common words read whole position lists: ten times slower)."""
        half = max(2, (len(toks) + 1) // 2)
        phrases = list(dict.fromkeys(" ".join(p) for p in (toks[:half], toks[-half:]) if len(p) >= 2))
        if not phrases:
            return []
        test = " OR ".join("instr(' ' || norm || ' ', ?) > 0" for _ in phrases)
        sql = (
            f"SELECT id FROM quotes WHERE id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH ? LIMIT ?) "
            f"AND ({test}) LIMIT ?"
        )
        rows = self.db.conn.execute(sql, [match, PHRASE_SCAN, *(f" {p} " for p in phrases), UNRANKED_CAP])
        return [r[0] for r in rows]

    def quote_id_bound(self) -> int:
        """The highest quote id: the collection size, for word weights, in one index probe."""
        cache = self._fresh_cache()
        if cache.max_id is None:
            cache.max_id = self.db.execute("SELECT max(id) FROM quotes").fetchone()[0] or 0
        return cache.max_id

    def _speaker_candidates(
        self, toks: list[str], informative: list[str], freqs: dict[str, int], speaker_ids: list[int], limit: int
    ) -> list[dict]:
        """The claimed speaker's quotes: all of them when few, else those sharing rare words."""
        self.speaker_index()
        if sum(self.cache.counts.get(i, 0) for i in speaker_ids) <= SPEAKER_SCAN:
            marks = ",".join("?" * len(speaker_ids))
            return self._candidate_rows(f"speaker_id IN ({marks})", speaker_ids)
        return self._match_rows(toks, informative, freqs, limit, speaker_ids)

    def _rows(self, ids: list[int]) -> list[sqlite3.Row]:
        """Rows for ``ids``, in the order given (best candidates first)."""
        if not ids:
            return []
        rows = self._candidate_rows(f"id IN ({','.join('?' * len(ids))})", ids)
        rank = {i: n for n, i in enumerate(ids)}
        return sorted(rows, key=lambda r: rank[r["id"]])

    def _candidate_rows(self, where: str, params: list) -> list[sqlite3.Row]:
        """Candidate quotes as sqlite3.Row (built in C: hundreds a question at scale)."""
        cur = self.db.conn.cursor()
        cur.row_factory = sqlite3.Row
        return cur.execute(f"SELECT id, text, norm, speaker_id, kind FROM quotes WHERE {where}", params).fetchall()

    def context(self, quote_id: int) -> Match | None:
        """One quote with its paragraph and the sentences around it, in each article."""
        found = self.matches([int(quote_id)])
        if not found:
            return None
        match = found[0]
        texts: dict[str, tuple[str, list]] = {}
        for s in match.sources:
            if s.article not in texts:
                row = self.db.execute(
                    "SELECT text, paragraphs FROM articles WHERE id = ?", [s.article]
                ).fetchone()
                texts[s.article] = (row[0], json.loads(row[1] or "[]"))
            text, paras = texts[s.article]
            p_start, p_end = next(
                ((a, b) for a, b in paras if a <= s.start < b), (s.start, s.end)
            )
            paragraph = text[p_start:p_end]
            s.paragraph_text = paragraph
            sents = sentences(paragraph)
            offset = p_start
            spans = []
            for sent in sents:
                at = text.find(sent, offset, p_end)
                at = offset if at < 0 else at
                spans.append((at, at + len(sent), sent))
                offset = at + len(sent)
            hit = [i for i, (a, b, _) in enumerate(spans) if a < s.end and s.start < b]
            if hit:
                first, last = hit[0], hit[-1]
                s.before = spans[first - 1][2] if first > 0 else ""
                s.after = spans[last + 1][2] if last + 1 < len(spans) else ""
                if not s.context:
                    s.context = " ".join(sp[2] for sp in spans[first : last + 1])
        return match

    def article_text(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        return row[0] if row else None


def require_paths(paths: list[str]) -> None:
    if not paths:
        raise InputError("No articles given: pass files, folders or http(s) URLs of articles.")
