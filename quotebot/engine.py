"""The one object every adapter talks to: ingest, verify, ask, list.

The CLI, the local chat and the Discord cogs hold an ``Engine`` and render
what it returns (``quotebot.answers``). Nothing here knows about Discord.
Each thread gets its own SQLite connection, so the bot can run engine calls
in worker threads (``asyncio.to_thread``) without blocking its event loop.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path

from . import claims, store, verify as verify_mod
from .answers import (
    INTENT_HELP,
    INTENT_QUOTES,
    INTENT_SEARCH,
    INTENT_SOURCE,
    INTENT_VERIFY,
    NOT_FOUND,
    Answer,
    ArticleInfo,
    IngestReport,
    Match,
    SpeakerInfo,
)

DEFAULT_DB = "quotes.db"
_SQLITE_MAX_INT = 2**63 - 1
# Longest claim or question answered; longer ones get a note at once (parsing grows with length).
MAX_QUERY_CHARS = 100_000


def _too_long(text: str | None) -> str | None:
    if text is None or len(text) <= MAX_QUERY_CHARS:
        return None
    return (
        f"That is {len(text):,} characters; the limit is {MAX_QUERY_CHARS:,}. "
        "Check a shorter excerpt: the quoted words and who said them."
    )
# Stored quotes an engine checks when warmed (readers do, before the bot goes online).
WARM_QUESTIONS = 8
QUOTES_PAGE = 25  # "what did X say?" answers with this many; listings page further


def _snapshot(method):
    """Run a read in one SQLite read transaction, so an ingest committing in
    between cannot tear it (quote ids found, then their rows already gone)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        conn = self.store.db.conn
        if conn.in_transaction:
            return method(self, *args, **kwargs)
        conn.execute("BEGIN")
        try:
            return method(self, *args, **kwargs)
        finally:
            if conn.in_transaction:
                conn.rollback()  # nothing was written: just end the snapshot

    wrapper.reads_only = True  # safe to run in a reader process (quotebot.readers)
    return wrapper


def resolve_db_path(db: str | os.PathLike | None = None) -> Path:
    """``--db PATH``, else ``$QUOTEBOT_DB``, else ``quotes.db`` in the working directory."""
    return Path(db or os.environ.get("QUOTEBOT_DB") or DEFAULT_DB)


class Engine:
    def __init__(self, db_path: str | os.PathLike | None = None, *, create: bool = True):
        self.db_path = resolve_db_path(db_path)
        self._local = threading.local()
        self._cache = store.ReadCache()  # speakers and word statistics, shared by all threads
        self._create = create
        # Open once up front so a bad path fails here, with a clear message.
        self.store

    @property
    def store(self) -> store.QuoteStore:
        s = getattr(self._local, "store", None)
        if s is None:
            s = store.QuoteStore(self.db_path, create=self._create, cache=self._cache)
            self._local.store = s
        return s

    def close(self) -> None:
        s = getattr(self._local, "store", None)
        if s is not None:
            s.close()
            self._local.store = None

    def warm(self, questions: int = WARM_QUESTIONS) -> None:
        """Load the speaker tables and check a few stored quotes now, so the first
        questions are as fast as the rest: a fresh process otherwise pays for its
        cold page cache and first calls during its first questions."""
        self.store.warm()
        for quote_id in self.store.sample_quote_ids(questions):
            m = self.store.matches([quote_id])
            if m:
                words = " ".join(m[0].quote.split()[:12])
                self.verify(words, m[0].speaker if quote_id % 2 else None)

    # -- building ---------------------------------------------------------
    def ingest(
        self,
        paths: Iterable[str | os.PathLike],
        *,
        workers: int = 1,
        fields: dict[str, str] | list[str] | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> IngestReport:
        """Files, folders, saved pages, feeds, dumps and http(s) URLs (see quotebot.sources).

        ``fields`` renames a dump's fields (``{"text": "body", "date": "published_at"}``);
        ``progress(done, total)`` is called as each article is extracted.
        """
        return self.store.ingest(paths, workers=workers, fields=fields, progress=progress)

    def ingest_text(self, article_id: str, text: str | bytes) -> IngestReport:
        """Ingest one article given as text (an upload), not a file on disk."""
        return self.store.ingest_text(article_id, text)

    # -- answering ----------------------------------------------------------
    @_snapshot
    def verify(self, text: str, speaker: str | None = None, *, limit: int = 5) -> Answer:
        long = _too_long(text) or _too_long(speaker)
        if long:
            return Answer(verdict=NOT_FOUND, query=text if len(text) <= 200 else text[:200] + "…", note=long)
        return verify_mod.verify(self.store, text, speaker, limit=limit)

    @_snapshot
    def ask(self, question: str, *, limit: int = 5) -> Answer:
        """Understand a free question and answer it."""
        long = _too_long(question)
        if long:
            return Answer(verdict=None, query=question[:200] + "…", intent=INTENT_HELP, note=long)
        q = claims.parse_question(question)
        if q.intent == INTENT_VERIFY:
            ans = self.verify(q.text, q.speaker, limit=limit)
            ans.query = question
            return ans
        if q.intent == INTENT_SOURCE:
            ans = self.verify(q.text, q.speaker, limit=limit)
            ans.intent = INTENT_SOURCE
            ans.query = question
            return ans
        if q.intent == INTENT_QUOTES:
            speaker = self.store.find_speaker(q.speaker) if q.speaker else None
            matches = self.store.quotes(speaker=q.speaker, limit=QUOTES_PAGE) if speaker else []
            note = None if speaker else f"No speaker on record matches {q.speaker!r}."
            total = self.store.count_quotes(speaker=q.speaker) if speaker else 0
            if total > len(matches):
                note = f"Showing the first {len(matches)} of {total} quotes."
            return Answer(
                verdict=None,
                query=question,
                claimed_speaker=q.speaker,
                matches=matches,
                intent=INTENT_QUOTES,
                note=note,
                speaker=speaker.name if speaker else None,
            )
        if q.intent == INTENT_SEARCH:
            return Answer(
                verdict=None, query=question, matches=self.search(q.text), intent=INTENT_SEARCH
            )
        return Answer(verdict=None, query=question, intent=INTENT_HELP, note=claims.HELP)

    @_snapshot
    def quotes(
        self,
        speaker: str | None = None,
        article: str | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        include_paraphrase: bool = True,
    ) -> list[Match]:
        return self.store.quotes(
            speaker=speaker,
            article=article,
            limit=None if limit is None else min(limit, _SQLITE_MAX_INT),
            offset=max(0, min(offset, _SQLITE_MAX_INT)),
            include_paraphrase=include_paraphrase,
        )

    @_snapshot
    def count_quotes(self, speaker: str | None = None, article: str | None = None) -> int:
        return self.store.count_quotes(speaker=speaker, article=article)

    @_snapshot
    def search(self, words: str, *, limit: int = 20) -> list[Match]:
        return self.store.search(words, limit=limit)

    @_snapshot
    def context(self, quote_id: int) -> Match | None:
        if not 0 < quote_id <= _SQLITE_MAX_INT:
            return None  # no such id (and SQLite cannot even take the number)
        return self.store.context(quote_id)

    @_snapshot
    def speakers(self) -> list[SpeakerInfo]:
        return self.store.speakers()

    @_snapshot
    def articles(self) -> list[ArticleInfo]:
        return self.store.articles()

    @_snapshot
    def speaker_names(self, prefix: str = "", *, limit: int = 25) -> list[str]:
        """Speaker names for autocomplete, best first."""
        return self.store.speaker_names(prefix, limit=limit)
