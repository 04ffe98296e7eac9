"""What every reader shares: stable ids, ISO dates, and one Article builder.

Every format ends in :func:`build_article`, so a page, a feed entry and a dump
record are cleaned, split and offset exactly like a .txt file
(``articles.article_from_text``); only the metadata comes from elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from ..articles import article_from_text
from ..models import Article

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NOT_ID = re.compile(r"[^A-Za-z0-9._-]+")
# JSON may spell lone surrogates ("\\ud800"); SQLite cannot store them: one U+FFFD each keeps offsets.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def iso_date(value) -> str | None:
    """An ISO date ('2026-11-03') or datetime, or None when the value is no date.

    Feeds give RFC 822 dates, dumps 'YYYY-MM-DD HH:MM:SS', pages ISO: answers
    print one form, and an unreadable date is dropped rather than shown wrong.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "tm_year"):  # feedparser's struct_time, always UTC
        return datetime(*value[:6], tzinfo=timezone.utc).isoformat()
    text = str(value).strip()
    if not text:
        return None
    if _DATE_ONLY.match(text):
        try:
            return datetime.strptime(text, "%Y-%m-%d").date().isoformat()
        except ValueError:
            return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def outlet_of(url: str | None) -> str | None:
    """The site's domain, when the page or record names no outlet."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host or None


def id_for_url(url: str) -> str:
    """A record's id from its URL: the same story in a later dump gets the same id,
    so re-ingesting adds nothing and a changed text replaces the old quotes."""
    host = outlet_of(url) or "url"
    digest = hashlib.sha1(url.strip().encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return f"{_NOT_ID.sub('-', host)}-{digest}"


def id_for_record(stem: str, number: int) -> str:
    """A record without a URL: its file and position (1-based) are all that is stable."""
    return f"{stem}-{number}"


def tidy(value) -> str | None:
    """A metadata value as one line of text; lists (news-please authors) joined."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v).strip() for v in value if v is not None and str(v).strip())
    text = _LONE_SURROGATE.sub("\ufffd", " ".join(str(value).split()))
    return text or None


def build_article(
    article_id: str,
    body: str,
    *,
    path: str | None = None,
    title: str | None = None,
    byline: str | None = None,
    url: str | None = None,
    published=None,
    outlet: str | None = None,
) -> Article:
    """The body through the .txt path (same cleaning, offsets, paragraphs); the title
    and author from metadata. The digest covers the metadata too, so a corrected
    date or title reaches the database on the next ingest."""
    if isinstance(body, str):
        body = _LONE_SURROGATE.sub("\ufffd", body)
    article = article_from_text(article_id, body, path=path)
    article.title = tidy(title)
    article.byline = tidy(byline) or article.byline
    article.url = tidy(url)
    article.published = iso_date(published)
    article.outlet = tidy(outlet) or outlet_of(article.url)
    meta = json.dumps([article.title, article.byline, article.url, article.published, article.outlet])
    article.digest = hashlib.sha256(f"{article.digest}\x00{meta}".encode("utf-8", "surrogatepass")).hexdigest()
    return article


def paragraphs_text(lines) -> str:
    """Paragraphs as the .txt reader expects them: one a line, blank lines between."""
    return "\n\n".join(p.strip() for p in lines if p and p.strip())


@dataclass
class Unit:
    """One article's worth of work: what a worker process reads and extracts.

    Feeds and dumps are split into units in the main process (parsing them is
    cheap next to extraction), so ``--workers`` spreads a 10,000-entry feed as
    well as a folder of files, and each unit pickles small.
    """

    kind: str  # one of the KIND_* below
    label: str  # how messages name it: a path, "dump.jsonl record 7", a URL
    path: str | None = None  # a file to read (txt, html)
    data: str | bytes | None = None  # the body itself (records, entries, fetched pages)
    article_id: str | None = None  # None: derived when read (a fetched page's canonical URL)
    meta: dict = field(default_factory=dict)  # title, byline, url, published, outlet


KIND_TXT = "txt"  # a .txt file: the original path, byte for byte
KIND_HTML = "html"  # a whole page (a saved file or a fetched URL): trafilatura finds the article
KIND_BODY_HTML = "body-html"  # an article body as HTML (a feed entry's content)
KIND_BODY_TEXT = "body-text"  # an article body as plain text (a dump record)
