"""Dumps of scraped news, one article per record: JSON Lines and CSV.

Field names default to news-please's layout, the commonest scraper output;
``--field text=body`` (``fields={"text": "body"}``) names another. A record's
id comes from its URL, else the file and record number, so re-ingesting a dump
adds nothing and a corrected record replaces its quotes.
"""

from __future__ import annotations

import csv
import io
import json

from ..errors import InputError
from .meta import KIND_BODY_TEXT, Unit, id_for_record, id_for_url, tidy

MAX_DUMP_BYTES = 512 * 1024 * 1024
# What each piece of an article is called in a news-please record.
DEFAULT_FIELDS = {
    "title": "title",
    "text": "maintext",
    "url": "url",
    "date": "date_publish",
    "author": "authors",
    "outlet": "source_domain",
    "description": "description",
}
# news-please's own names, accepted on the left of --field as well.
_ALIASES = {"maintext": "text", "date_publish": "date", "authors": "author", "source_domain": "outlet",
            "body": "text", "byline": "author", "published": "date"}
# Problems listed one by one per file; the rest are counted.
_LISTED = 10


def resolve_fields(fields: dict[str, str] | list[str] | None) -> dict[str, str]:
    """The defaults with the caller's names applied; ``["text=body"]`` or ``{"text": "body"}``."""
    out = dict(DEFAULT_FIELDS)
    if not fields:
        return out
    pairs = fields.items() if isinstance(fields, dict) else [_split(f) for f in fields]
    for key, name in pairs:
        key = _ALIASES.get(key.strip(), key.strip())
        if key not in out:
            raise InputError(
                f"Unknown field {key!r}: the fields are {', '.join(DEFAULT_FIELDS)} "
                "(e.g. --field text=body --field date=published_at)."
            )
        if not str(name).strip():
            raise InputError(f"--field {key}= names no field: give the record's field, e.g. --field {key}=body.")
        out[key] = str(name).strip()
    return out


def _split(pair: str) -> tuple[str, str]:
    if "=" not in pair:
        raise InputError(f"--field {pair!r} is not NAME=FIELD: e.g. --field text=body.")
    key, _, name = pair.partition("=")
    return key, name


def _decode(data: bytes) -> str:
    """UTF-8 as it should be; else the likeliest charset (a spreadsheet's cp1252 export)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data[: 4 * 1024 * 1024]).best()
        return data.decode(best.encoding if best else "utf-8", errors="replace")


class _Records:
    """Collects units and per-record problems for one dump file."""

    def __init__(self, label: str, stem: str, fields: dict[str, str], what: str = "record"):
        self.label, self.stem, self.fields, self.what = label, stem, fields, what
        self.units: list[Unit] = []
        self.problems: list[tuple[str, str]] = []
        self.unlisted = 0
        self.seen: dict[str, int] = {}
        self.no_text = 0
        self.keys: set[str] = set()

    def problem(self, reason: str) -> None:
        if len(self.problems) < _LISTED:
            self.problems.append((self.label, f"{self.label}: {reason}"))
        else:
            self.unlisted += 1

    def add(self, n: int, record) -> None:
        if not isinstance(record, dict):
            self.problem(f"{self.what} {n} is not an object of fields")
            return
        self.keys.update(str(k) for k in record)
        f = self.fields
        text = record.get(f["text"])
        if not (isinstance(text, str) and text.strip()):
            text = record.get(f["description"])
        if not (isinstance(text, str) and text.strip()):
            self.no_text += 1
            self.problem(f"{self.what} {n} has no text in {f['text']!r}: left out")
            return
        url = tidy(record.get(f["url"]))
        article_id = id_for_url(url) if url else id_for_record(self.stem, n)
        if article_id in self.seen:
            self.problem(f"{self.what} {n} repeats {self.what} {self.seen[article_id]} (same URL): left out")
            return
        self.seen[article_id] = n
        self.units.append(
            Unit(
                kind=KIND_BODY_TEXT,
                label=f"{self.label} {self.what} {n}",
                data=text,
                article_id=article_id,
                meta={
                    "title": record.get(f["title"]),
                    "byline": record.get(f["author"]),
                    "url": url,
                    "published": record.get(f["date"]),
                    "outlet": record.get(f["outlet"]),
                },
            )
        )

    def done(self) -> tuple[list[Unit], list[tuple[str, str]]]:
        if self.no_text and not self.units:
            # Every record lacks the text field: the names are wrong, not the records.
            fields = ", ".join(sorted(self.keys)[:20]) or "none"
            return [], [(self.label, f"{self.label}: no record has text in {self.fields['text']!r} "
                         f"(the records' fields: {fields}): name it with --field text=FIELD")]
        if self.unlisted:
            self.problems.append((self.label, f"{self.label}: {self.unlisted} more {self.what}s left out, as above"))
        return self.units, self.problems


def _too_large(label: str, nbytes: int) -> list[tuple[str, str]]:
    if nbytes <= MAX_DUMP_BYTES:
        return []
    return [(label, f"{label}: dump too large ({nbytes / 1_048_576:.0f} MB; the limit is "
             f"{MAX_DUMP_BYTES // 1_048_576} MB): split it into smaller files")]


def units_from_jsonl(data: bytes, label: str, stem: str, fields: dict[str, str]):
    big = _too_large(label, len(data))
    if big:
        return [], big
    records = _Records(label, stem, fields, "line")
    for n, line in enumerate(_decode(data).splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            records.problem(f"line {n} is not JSON ({exc.msg}): left out")
            continue
        records.add(n, record)
    return records.done()


def units_from_csv(data: bytes, label: str, stem: str, fields: dict[str, str]):
    big = _too_large(label, len(data))
    if big:
        return [], big
    text = _decode(data)
    # An article's text is far longer than csv's default field limit (128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), 16 * 1024 * 1024))
    # The header line tells the delimiter; csv.Sniffer reads the article texts too and guesses wrong.
    header = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=header.count)
    records = _Records(label, stem, fields)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for n, row in enumerate(reader, 1):
            records.add(n, {k: v for k, v in row.items() if k is not None})
    except csv.Error as exc:
        records.problem(f"unreadable CSV after record {reader.line_num} ({exc}): the rest left out")
    return records.done()
