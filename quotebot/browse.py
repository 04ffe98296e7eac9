"""``quotebot browse``: the whole archive in a browser, through Datasette.

Datasette is an optional extra (``pip install 'quotebot[browse]'``). The database is
served read-only (Datasette opens a file with ``mode=ro``), so browsing never writes
and an ingest in another process shows up on the next page load. What a team looks at
first is the ``quote_list`` view (one row per quote per article, see
``quotebot.store``), faceted by speaker, article and kind and searchable through the
quotes' full-text index.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from .errors import QuotebotError
from .store import FTS_TABLE, QUOTE_LIST

INSTALL_HINT = "Browsing needs the optional extra: pip install 'quotebot[browse]'"

_QUOTE_COLUMNS = {
    "quote_id": "the quote's id (`quotebot context ID` shows it in its paragraph)",
    "quote": "the quoted words as the article prints them",
    "speaker": "who said them, by the name the articles use most",
    "kind": "statement (a whole sentence), fragment (words inside the writer's sentence) or paraphrase (reported speech)",
    "role": "the speaker's role as this article gives it",
    "verb": "the verb of the attribution (said, told, wrote, according to, ...)",
    "shape": "how the attribution is written: after, before, pronoun, continuation, fragment, colon, according, indirect",
    "article": "the article's title (its id when it has none)",
    "outlet": "the outlet, for pages, feeds and dumps",
    "published": "the article's publication date, when its metadata gives one",
    "url": "the article's address, for pages, feeds and dumps",
    "paragraph": "the paragraph's number in the article, from 0",
    "sentence": "the sentence around the quote",
    "article_id": "the article's id in the articles table",
}


def metadata(db_path: str | os.PathLike) -> dict:
    """Datasette metadata for a QuoteBot database: titles, descriptions, facets, search."""
    name = Path(db_path).stem
    hidden = {"hidden": True}
    tables = {
        QUOTE_LIST: {
            "title": "Quotes",
            "description": "Every attributed quote, one row per article that reports it. "
            "Facet by speaker, article or kind; search the quoted words.",
            "facets": ["speaker", "article", "kind"],
            "sortable_columns": ["quote_id", "speaker", "kind", "article", "outlet", "published"],
            "fts_table": FTS_TABLE,
            "fts_pk": "quote_id",
            "columns": _QUOTE_COLUMNS,
            "label_column": "quote",
        },
        "quotes": {
            "description": "One row per distinct quote; quote_sources says where it appears.",
            "facets": ["kind"],
            "label_column": "text",
            "fts_table": FTS_TABLE,
            "fts_pk": "id",
            "columns": {"norm": "the words verification compares (lowercase, no punctuation)",
                        "key": "what makes two reports of one quote the same row"},
        },
        "speakers": {
            "description": "Everyone quoted: people and organisations.",
            "facets": ["kind"],
            "label_column": "name",
        },
        "speaker_aliases": {"description": "Other names a speaker appears under (surnames, spellings)."},
        "speaker_roles": {"description": "Roles the articles give a speaker."},
        "articles": {
            "description": "The articles loaded, with their text and, for pages, feeds and dumps, URL, date and outlet.",
            "facets": ["outlet"],
            "label_column": "title",
        },
        "quote_sources": {"description": "Where each quote appears: article, paragraph, offsets, role, verb."},
        FTS_TABLE: hidden,
        f"{FTS_TABLE}_vocab": hidden,
        "terms": hidden,
        "state": hidden,
    }
    return {
        "title": "QuoteBot archive",
        "description": "The quotes QuoteBot extracted from the news it has read. Start with Quotes.",
        "databases": {name: {"tables": tables}},
    }


def command(db_path: str | os.PathLike, metadata_path: str | os.PathLike, *, host: str = "127.0.0.1",
            port: int = 8001, open_browser: bool = False) -> list[str]:
    """The ``datasette serve`` command line for this database."""
    cmd = [
        sys.executable, "-m", "datasette", "serve", str(db_path),
        "--metadata", str(metadata_path),
        "--host", host, "--port", str(port),
        "--setting", "facet_time_limit_ms", "2000",
        "--setting", "sql_time_limit_ms", "5000",
    ]
    if open_browser:
        cmd.append("--open")
    return cmd


def serve(db_path: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 8001,
          open_browser: bool = False) -> int:
    """Run Datasette on the database until interrupted; its exit status."""
    if importlib.util.find_spec("datasette") is None:
        raise QuotebotError(INSTALL_HINT)
    if not 0 <= port <= 65535:
        raise QuotebotError(f"--port {port} is not a port number (0 to 65535).")
    with tempfile.TemporaryDirectory(prefix="quotebot-browse-") as tmp:
        meta = Path(tmp) / "metadata.json"
        meta.write_text(json.dumps(metadata(db_path), indent=2), encoding="utf-8")
        print(f"Browsing {db_path} at http://{host}:{port}/ (Ctrl-C stops)", file=sys.stderr)
        return _run_until_stopped(command(db_path, meta, host=host, port=port, open_browser=open_browser))


def _run_until_stopped(cmd: list[str]) -> int:
    """Run the server as a child and take it down with us: Ctrl-C, or a SIGTERM from a
    service manager or a test, stops Datasette too instead of leaving it serving."""
    proc = subprocess.Popen(cmd)

    def stop(_signum, _frame) -> None:
        proc.terminate()

    on_main = threading.current_thread() is threading.main_thread()  # (signals: main thread only)
    previous = signal.signal(signal.SIGTERM, stop) if on_main else None
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        proc.wait(timeout=10)
        return 130
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
