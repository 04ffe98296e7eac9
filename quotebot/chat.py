"""The local chat: questions line by line, answered as the bot would answer them.

Reads a terminal or piped stdin. Besides free questions it takes a few short
commands (``speakers``, ``sources``, ``context 12``, ``quit``).
"""

from __future__ import annotations

import sqlite3
import sys
from typing import TextIO

from . import render
from .claims import HELP
from .engine import Engine
from .errors import QuotebotError, database_error

MAX_LINE = 100_000
PROMPT = "quotebot> "


def answer_line(engine: Engine, line: str) -> str | None:
    """One reply for one line; None means the user wants to leave."""
    line = line.strip()
    if not line:
        return ""
    low = line.casefold()
    if low in {"quit", "exit", ":q", "bye"}:
        return None
    if len(line) > MAX_LINE:
        return f"That line is {len(line):,} characters; the limit is {MAX_LINE:,}. Paste a shorter excerpt."
    if low in {"help", "?"}:
        return HELP + "\nCommands: speakers · sources · context ID · quit"
    if low in {"speakers", "/speakers"}:
        return render.speakers_text(engine.speakers())
    if low in {"sources", "articles", "/sources"}:
        return render.articles_text(engine.articles())
    parts = low.split()
    if len(parts) == 2 and parts[0] in {"context", "/context"}:
        if not parts[1].lstrip("#").isdigit():
            return "Usage: context QUOTE_ID (a number from an answer, like #12)."
        match = engine.context(int(parts[1].lstrip("#")))
        return render.context_text(match) if match else f"No quote #{parts[1].lstrip('#')}."
    return render.answer_text(engine.ask(line))


def run_chat(engine: Engine, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    interactive = stdin.isatty()
    if interactive:
        n = len(engine.articles())
        print(f"QuoteBot chat: {n} articles loaded. {HELP}\nType 'quit' to leave.", file=stdout)
    while True:
        if interactive:
            print(PROMPT, end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        try:
            reply = answer_line(engine, line)
        except QuotebotError as exc:
            reply = f"Sorry: {exc}"
        except sqlite3.DatabaseError as exc:
            reply = f"Sorry: {database_error(engine.db_path, exc)}"
        if reply is None:
            break
        if reply:
            print(reply + "\n", file=stdout, flush=True)
    return 0
