"""Inputs as users have them, turned into work units and then into Articles.

A path is a .txt file (read exactly as before), a saved page (.html/.htm), a
feed (.xml/.rss/.atom, or a file that starts like one), a dump (.jsonl/.ndjson,
.csv), a folder (walked for .txt and pages) or an http(s) URL. :func:`plan`
expands them into :class:`Unit` s, one per article; :func:`read_unit` (run in
worker processes too) turns a unit into an Article. The store only sees
Articles, so it knows no format.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from ..articles import NotText
from ..models import Article, Skipped
from . import dumps, feeds, pages, web
from .meta import KIND_BODY_HTML, KIND_BODY_TEXT, KIND_HTML, KIND_TXT, Unit, build_article

__all__ = ["plan", "read_unit", "Unit", "NotText", "FOLDER_SUFFIXES"]

PAGE_SUFFIXES = (".html", ".htm", ".xhtml")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv",)
# What a folder is walked for: articles, one a file. Feeds and dumps are named
# one by one (a folder's stray .csv or .xml is rarely news).
FOLDER_SUFFIXES = (".txt", *PAGE_SUFFIXES)
_SNIFF = 4096


def _folder_files(folder: Path) -> list[Path]:
    # ".txt" exactly, as folders were always walked (rglob is case-sensitive); pages in any case.
    return sorted(
        f for f in folder.rglob("*")
        if (f.suffix == ".txt" or f.suffix.lower() in PAGE_SUFFIXES) and f.is_file()
    )


def _looks_like_html(head: bytes) -> bool:
    h = head[:_SNIFF].lstrip().lower()
    return h.startswith((b"<!doctype html", b"<html")) or b"<html" in h[:1024]


def _file_units(p: Path, fields: dict[str, str]) -> tuple[list[Unit], list[tuple[str, str]]]:
    label, suffix = str(p), p.suffix.lower()
    if suffix == ".txt":
        return [Unit(KIND_TXT, label, path=label)], []
    if suffix in PAGE_SUFFIXES:
        return [Unit(KIND_HTML, label, path=label, article_id=p.stem)], []
    try:
        if suffix in JSONL_SUFFIXES:
            return dumps.units_from_jsonl(p.read_bytes(), label, p.stem, fields)
        if suffix in CSV_SUFFIXES:
            return dumps.units_from_csv(p.read_bytes(), label, p.stem, fields)
        with open(p, "rb") as fh:
            head = fh.read(_SNIFF)
        if suffix in FEED_SUFFIXES or feeds.looks_like_feed(head):
            return feeds.units_from_feed(p.read_bytes(), label, p.stem)
    except OSError as exc:
        return [], [(label, f"{label}: cannot read ({exc.strerror or exc})")]
    if _looks_like_html(head):
        return [Unit(KIND_HTML, label, path=label, article_id=p.stem)], []
    return [Unit(KIND_TXT, label, path=label)], []  # any other file is read as text, as always


def _url_units(url: str, fetch: Callable) -> tuple[list[Unit], list[tuple[str, str]]]:
    try:
        final, ctype, body = fetch(url)
    except web.FetchError as exc:
        return [], [(url, f"could not fetch {url}: {exc} — check the address or your connection; nothing was changed")]
    if "rss" in ctype or "atom" in ctype or feeds.looks_like_feed(body[:_SNIFF]):
        return feeds.units_from_feed(body, url, web_stem(final))
    return [Unit(KIND_HTML, url, data=body, meta={"url": final})], []


def web_stem(url: str) -> str:
    return Path(url.split("?", 1)[0].rstrip("/")).name or "feed"


def plan(
    paths: Iterable[str | os.PathLike],
    *,
    fields: dict[str, str] | list[str] | None = None,
    fetch: Callable = web.fetch,
) -> tuple[list[Unit], list[Skipped]]:
    """One unit per article in the inputs, and a Skipped per input (or record) that gives none.

    Feeds and dumps are parsed here, URLs fetched here: workers get articles.
    """
    names = dumps.resolve_fields(fields)  # a bad --field fails before anything is read
    units: list[Unit] = []
    skipped: list[Skipped] = []
    for raw in paths:
        if isinstance(raw, str) and web.is_url(raw):
            found, problems = _url_units(raw, fetch)
        else:
            p = Path(raw)
            if p.is_dir():
                files = _folder_files(p)
                if not files:
                    skipped.append(Skipped(str(p), "folder holds no .txt or .html articles"))
                found, problems = [], []
                for f in files:
                    more, trouble = _file_units(f, names)
                    found += more
                    problems += trouble
            elif p.is_file():
                found, problems = _file_units(p, names)
            elif p.exists():
                found, problems = [], [(str(p), "not a regular file or folder (a pipe, device or socket)")]
            else:
                found, problems = [], [(str(p), "no such file or folder")]
        units += found
        skipped += [Skipped(path, reason) for path, reason in problems]
    return units, skipped


def read_unit(unit: Unit) -> Article:
    """The unit's Article; NotText (a ValueError) says why there is none."""
    if unit.kind == KIND_TXT:
        from ..articles import read_article

        return read_article(unit.path)
    if unit.kind == KIND_HTML:
        data = Path(unit.path).read_bytes() if unit.path else unit.data
        return pages.article_from_html(data, unit.article_id, path=unit.path, url=unit.meta.get("url"))
    if unit.kind == KIND_BODY_HTML:
        body = pages.text_from_fragment(unit.data)
    elif unit.kind == KIND_BODY_TEXT:
        body = unit.data
    else:
        raise NotText(f"unknown input kind {unit.kind!r}")
    if not body.strip():
        raise NotText("no article text")
    return build_article(unit.article_id, body, path=unit.label, **unit.meta)
