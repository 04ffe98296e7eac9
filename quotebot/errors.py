"""Errors people read. Each message says what went wrong and what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class QuotebotError(Exception):
    """A problem with the user's input or environment, not a bug: exit status 2."""


class InputError(QuotebotError):
    pass


class DatabaseError(QuotebotError):
    pass


def database_error(path: Path | str, exc: BaseException) -> DatabaseError:
    """Turn a sqlite3 failure into a message that names the file and the fix."""
    msg = str(exc).lower()
    where = str(path)
    if (
        "not a database" in msg
        or "malformed" in msg
        or "corrupt" in msg
        or "could not decode" in msg  # damaged text pages
        or "vtable constructor failed" in msg  # damaged FTS5 tables
    ):
        text = (
            f"{where} is not a readable QuoteBot database ({exc}). Move it aside and run "
            f"`quotebot --db {where} ingest` to rebuild it, or pass --db to use another file."
        )
    elif "readonly" in msg or "read-only" in msg:
        text = (
            f"{where} is read-only ({exc}). Make the file and its folder writable, "
            "or pass --db to write to another file."
        )
    elif "disk is full" in msg or "full" in msg:
        text = (
            f"The disk holding {where} is full ({exc}). Nothing was changed; "
            "free some space and run the command again."
        )
    elif "unable to open" in msg:
        text = (
            f"Cannot open the database {where} ({exc}). Check that its folder exists "
            "and is writable, or pass --db PATH."
        )
    elif "locked" in msg or "busy" in msg:
        text = f"{where} is busy: another process is writing to it ({exc}). Try again shortly."
    else:
        text = f"Database error on {where}: {exc}."
    return DatabaseError(text)


SQLITE_ERRORS = (sqlite3.DatabaseError,)
