"""``quotebot``: the command line. It mirrors the Engine API one command per method.

Exit status: 0 for any answer whatever the verdict, 2 for bad usage or bad
input (the reason on stderr).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

from . import render
from .engine import Engine, resolve_db_path
from .errors import QuotebotError, database_error

PACKAGE_SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MAX_ARG_CHARS = 100_000


def default_seeds() -> Path:
    local = Path("seeds")
    return local if local.is_dir() else PACKAGE_SEEDS


def _emit(obj, as_json: bool, text: str) -> None:
    if as_json:
        print(json.dumps(obj, ensure_ascii=False, indent=2))
    else:
        print(text)


def _check_text(text: str, what: str) -> str:
    if len(text) > MAX_ARG_CHARS:
        raise QuotebotError(
            f"The {what} is {len(text):,} characters long; the limit is {MAX_ARG_CHARS:,}. "
            "Check a shorter excerpt."
        )
    return text


class _ProgressBar:
    """tqdm on a terminal, drawn once there is enough to wait for; nothing otherwise."""

    def __init__(self) -> None:
        self.bar = None

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="article", file=sys.stderr, leave=False, mininterval=0.2)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def cmd_ingest(engine: Engine, args) -> int:
    paths = args.paths or [str(default_seeds())]
    show = not args.json and sys.stderr.isatty()
    bar = _ProgressBar() if show else None
    try:
        report = engine.ingest(paths, workers=args.workers, fields=args.field, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    _emit(report.to_dict(), args.json, render.ingest_text(report))
    if not (report.added or report.replaced or report.unchanged) and report.skipped:
        print("Nothing was ingested: every path was skipped.", file=sys.stderr)
        return 2
    return 0


def cmd_verify(engine: Engine, args) -> int:
    answer = engine.verify(_check_text(args.text, "claim"), args.speaker)
    _emit(answer.to_dict(), args.json, render.answer_text(answer))
    return 0


def cmd_ask(engine: Engine, args) -> int:
    answer = engine.ask(_check_text(args.question, "question"))
    _emit(answer.to_dict(), args.json, render.answer_text(answer))
    return 0


def cmd_quotes(engine: Engine, args) -> int:
    matches = engine.quotes(args.speaker, args.article, limit=args.limit)
    if args.speaker and not matches and not engine.store.resolve_speakers(args.speaker):
        print(f"No speaker on record matches {args.speaker!r}. See `quotebot speakers`.", file=sys.stderr)
    _emit([m.to_dict(scored=False) for m in matches], args.json, render.quotes_text(matches))
    return 0


def cmd_speakers(engine: Engine, args) -> int:
    speakers = engine.speakers()
    _emit([s.to_dict() for s in speakers], args.json, render.speakers_text(speakers))
    return 0


def cmd_articles(engine: Engine, args) -> int:
    articles = engine.articles()
    _emit([a.to_dict() for a in articles], args.json, render.articles_text(articles))
    return 0


def cmd_context(engine: Engine, args) -> int:
    match = engine.context(args.quote_id)
    if match is None:
        raise QuotebotError(f"No quote #{args.quote_id}. Quote ids appear in `verify` and `quotes` answers.")
    _emit(match.to_dict(scored=False), args.json, render.context_text(match))
    return 0


def cmd_chat(engine: Engine, args) -> int:
    from .chat import run_chat

    return run_chat(engine)


def cmd_bot(engine: Engine, args) -> int:
    from .bot import run_bot

    engine.close()
    return run_bot(engine.db_path, sync=args.sync)


def needs_build(db: Path, seeds: Path) -> bool:
    if not db.exists():
        return True
    newest = max((f.stat().st_mtime for f in seeds.rglob("*.txt")), default=0)
    return newest > db.stat().st_mtime


def cmd_run(engine: Engine, args) -> int:
    """Build the database from seeds/ when missing or stale, then start the bot or the chat."""
    seeds = default_seeds()
    if not seeds.is_dir():
        raise QuotebotError(f"No seeds/ folder at {seeds.resolve()}. Run from the repository root.")
    if needs_build(engine.db_path, seeds) or not engine.articles():
        report = engine.ingest([seeds])
        print(render.ingest_text(report), file=sys.stderr)
        os.utime(engine.db_path)
    from .config import load_settings

    settings = load_settings()
    if settings.token:
        return cmd_bot(engine, argparse.Namespace(sync=args.sync))
    print("No DISCORD_TOKEN set: starting the local chat (see README to run the Discord bot).", file=sys.stderr)
    return cmd_chat(engine, args)


def cmd_browse(engine: Engine, args) -> int:
    from . import browse

    if not engine.articles():
        raise QuotebotError(
            f"{engine.db_path} holds no articles yet: load some first, e.g. `quotebot --db {engine.db_path} ingest seeds/`."
        )
    return browse.serve(engine.db_path, host=args.host, port=args.port, open_browser=args.open)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="quotebot",
        description="Check quotes against the news: did X really say this?",
    )
    p.add_argument("--db", help="database file (default: $QUOTEBOT_DB, else quotes.db)")
    p.add_argument("-v", "--verbose", action="store_true", help="log what happens")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    s = sub.add_parser(
        "ingest", help="extract quotes from articles: .txt, saved pages, RSS/Atom, JSONL/CSV dumps, URLs"
    )
    s.add_argument("paths", nargs="*", help="files, folders or http(s) URLs (default: seeds/)")
    s.add_argument("--workers", type=int, default=1, help="parallel extraction processes")
    s.add_argument(
        "--field",
        action="append",
        metavar="NAME=FIELD",
        help="a dump's field for NAME (title, text, url, date, author, outlet, description); "
        "defaults follow news-please (maintext, date_publish, ...)",
    )
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("verify", help="is this quote on record?")
    s.add_argument("text", help="the claimed words; may carry its own quote marks")
    s.add_argument("--speaker", help="who is claimed to have said it")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_verify)

    s = sub.add_parser("ask", help='a free question: did <name> say "<words>"?')
    s.add_argument("question")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("quotes", help="every quote, by speaker and/or article")
    s.add_argument("--speaker")
    s.add_argument("--article")
    s.add_argument("--limit", type=int)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_quotes)

    for name, func, helptext in (
        ("speakers", cmd_speakers, "everyone quoted"),
        ("articles", cmd_articles, "the loaded articles"),
    ):
        s = sub.add_parser(name, help=helptext)
        s.add_argument("--json", action="store_true")
        s.set_defaults(func=func)

    s = sub.add_parser("context", help="one quote in its paragraph")
    s.add_argument("quote_id", type=int)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_context)

    s = sub.add_parser("chat", help="questions line by line, answered as the bot would")
    s.set_defaults(func=cmd_chat)

    s = sub.add_parser("bot", help="run the Discord bot (needs DISCORD_TOKEN)")
    s.add_argument("--sync", action="store_true", help="sync slash commands at start")
    s.set_defaults(func=cmd_bot)

    s = sub.add_parser("browse", help="look through the archive in a browser (Datasette; the [browse] extra)")
    s.add_argument("--host", default="127.0.0.1", help="address to serve on (default: this machine only)")
    s.add_argument("--port", type=int, default=8001)
    s.add_argument("--open", action="store_true", help="open a browser on the page")
    s.set_defaults(func=cmd_browse, creates_db=False)

    s = sub.add_parser("run", help="build from seeds/ if needed, then start the bot or chat")
    s.add_argument("--sync", action="store_true")
    s.set_defaults(func=cmd_run)
    return p


def main(argv: list[str] | None = None) -> int:
    for stream, errors in ((sys.stdin, "replace"), (sys.stdout, "backslashreplace"), (sys.stderr, "backslashreplace")):
        # Undecodable input bytes and lone surrogates must not crash reading or printing.
        try:
            stream.reconfigure(errors=errors)
        except (AttributeError, ValueError, OSError):
            pass
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if getattr(args, "workers", 1) is not None and getattr(args, "workers", 1) < 1:
        parser.error("--workers must be at least 1")
    engine = None
    try:
        engine = Engine(resolve_db_path(args.db), create=getattr(args, "creates_db", True))
        return args.func(engine, args)
    except QuotebotError as exc:
        print(f"quotebot: {exc}", file=sys.stderr)
        return 2
    except sqlite3.DatabaseError as exc:
        # A damaged database can fail on any read, not only when opened.
        print(f"quotebot: {database_error(resolve_db_path(args.db), exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`quotebot ... | head`): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    finally:
        if engine is not None:
            engine.close()


if __name__ == "__main__":
    sys.exit(main())
