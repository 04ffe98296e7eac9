"""RSS and Atom feeds: each entry that carries its full text is an article.

Parsed once in the main process (feedparser, from bytes: never a URL or a
file name, which feedparser would open itself); each entry's HTML goes to a
worker as a unit. A feed of 10,000 entries parses in a few seconds.
"""

from __future__ import annotations

import re

from .meta import KIND_BODY_HTML, KIND_BODY_TEXT, Unit, id_for_record, id_for_url, iso_date, tidy

MAX_FEED_BYTES = 64 * 1024 * 1024
_FEED_HEAD = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)


def looks_like_feed(head: bytes) -> bool:
    """The first kilobytes hold an <rss>, <feed> or <rdf:RDF> root."""
    return bool(_FEED_HEAD.search(head[:4096]))


def _full_text(entry) -> tuple[str, str] | None:
    """The entry's longest content:encoded / atom:content, as (kind, body)."""
    best = None
    for c in entry.get("content") or []:
        value = c.get("value") or ""
        if value.strip() and (best is None or len(value) > len(best[1])):
            kind = KIND_BODY_TEXT if c.get("type") == "text/plain" else KIND_BODY_HTML
            best = (kind, value)
    return best


def units_from_feed(data: bytes, label: str, stem: str) -> tuple[list[Unit], list[tuple[str, str]]]:
    """One unit per entry with full text; problems as (label, reason) for the report."""
    import feedparser

    if len(data) > MAX_FEED_BYTES:
        return [], [(label, f"{label}: feed too large ({len(data) / 1_048_576:.0f} MB; the limit is "
                     f"{MAX_FEED_BYTES // 1_048_576} MB): split it into smaller files")]
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=False)
    if not parsed.entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        return [], [(label, f"{label}: not an RSS/Atom feed with entries{why}")]
    outlet = tidy(parsed.feed.get("title")) if parsed.get("feed") else None
    units: list[Unit] = []
    problems: list[tuple[str, str]] = []
    summary_only = 0
    seen: dict[str, int] = {}
    for n, entry in enumerate(parsed.entries, 1):
        body = _full_text(entry)
        if body is None:
            summary_only += 1
            continue
        link = tidy(entry.get("link"))
        guid = tidy(entry.get("id"))
        article_id = id_for_url(link or guid) if (link or guid) else id_for_record(stem, n)
        if article_id in seen:
            problems.append((label, f"{label}: entry {n} repeats entry {seen[article_id]} (same link): left out"))
            continue
        seen[article_id] = n
        kind, value = body
        units.append(
            Unit(
                kind=kind,
                label=f"{label} entry {n}",
                data=value,
                article_id=article_id,
                meta={
                    "title": entry.get("title"),
                    "byline": entry.get("author"),
                    "url": link,
                    "published": iso_date(entry.get("published_parsed") or entry.get("updated_parsed"))
                    or entry.get("published"),
                    "outlet": outlet,
                },
            )
        )
    if summary_only:
        problems.append(
            (label, f"{label}: {summary_only} of {len(parsed.entries)} entries carry only a summary, "
             "no full text: ingest their pages by URL (quotebot ingest https://...)")
        )
    return units, problems
