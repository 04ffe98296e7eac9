"""Saved or fetched web pages: trafilatura finds the article and its metadata.

Menus, captions, related-story lists and comment sections must not give
quotes, so extraction favours precision and leaves comments, tables and images
out. Size and tag count are checked before parsing: lxml parses a deep bomb
quickly (it stops at its depth limit), but a wide page of a million elements
keeps trafilatura busy for minutes.
"""

from __future__ import annotations

import logging
import re

from ..articles import NotText
from ..models import Article
from .meta import build_article, id_for_url, paragraphs_text

MAX_PAGE_BYTES = 5 * 1024 * 1024  # saved news pages with inline scripts run to 1-2 MB
MAX_PAGE_TAGS = 60_000  # news pages hold a few thousand; 60,000 still parse in ~2 s
# A page whose main text has no line this long is a menu, an index or a wall, not an article.
MIN_SENTENCE_WORDS = 8
_TAG = re.compile(rb"<[A-Za-z!/?]")
_BINARY_SNIFF = 64 * 1024

# trafilatura logs every page it finds nothing in at WARNING: the ingest report says it once.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


class NotAPage(NotText):
    """Bytes that cannot be read as a news page; the message says why and what to do."""


def check_page(data: bytes) -> bytes | str:
    """Refuse, before any parsing, what would be slow or meaningless to parse."""
    if len(data) > MAX_PAGE_BYTES:
        raise NotAPage(
            f"page too large ({len(data) / 1_048_576:.1f} MB; the limit is "
            f"{MAX_PAGE_BYTES // 1_048_576} MB): save the article page alone, or its text as .txt"
        )
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")  # the one honest reason for NUL bytes in a page
        except UnicodeDecodeError:
            raise NotAPage("declares UTF-16 but is not UTF-16 text: re-save the page as UTF-8") from None
    head = data[:_BINARY_SNIFF]
    if b"\x00" in head or (head and sum(b < 9 or 13 < b < 32 for b in head) > len(head) // 100):
        raise NotAPage("binary data, not an HTML page (an image or archive named .html?)")
    if data.count(b"<") > MAX_PAGE_TAGS:
        tags = len(_TAG.findall(data))
        if tags > MAX_PAGE_TAGS:
            raise NotAPage(
                f"holds {tags:,} HTML tags (the limit is {MAX_PAGE_TAGS:,}): not a news page, "
                "or a generated one too large to parse; save the article alone"
            )
    return data


def _extract(data: bytes | str, url: str | None, *, fast: bool, recall: bool):
    import trafilatura

    try:
        return _bare(trafilatura, data, url, fast, recall)
    except RecursionError:
        raise NotAPage("nests its tags too deep to read: not a news page") from None
    except Exception as exc:  # lxml and trafilatura raise their own kinds on malformed markup
        raise NotAPage(f"unreadable HTML ({type(exc).__name__}: {exc}): re-save the page, or its text as .txt") from None


def _bare(trafilatura, data, url, fast, recall):
    return trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=not recall,
        favor_recall=recall,
        fast=fast,
        deduplicate=False,
        # The publication date from the page's metadata, never one guessed from a
        # year in the text ("since the storm of 2019"): a wrong date misleads more than none.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def article_from_html(
    data: bytes | str, article_id: str | None, *, path: str | None = None, url: str | None = None
) -> Article:
    """A whole page: body paragraphs through the .txt path, metadata from the page.

    ``article_id`` None takes the id from the page's canonical URL (else ``url``),
    so the same story fetched twice, under tracking parameters or not, is one article.
    """
    if isinstance(data, (bytes, bytearray)):
        data = check_page(bytes(data))
    doc = _extract(data, url, fast=False, recall=False)
    text = (doc.text or "") if doc is not None else ""
    if not any(len(line.split()) >= MIN_SENTENCE_WORDS for line in text.split("\n")):
        raise NotAPage(
            "no article text found (an index page, a login or cookie wall, or a page that "
            "loads its text with JavaScript?): save the page once the article shows, or its text as .txt"
        )
    lines = text.split("\n")
    title = doc.title
    if title and lines and " ".join(lines[0].split()) == " ".join(title.split()):
        lines = lines[1:]  # the headline: the title, not a paragraph of the body
    page_url = doc.url or url
    if article_id is None:
        if not page_url:
            raise NotAPage("no URL to name the article by")
        article_id = id_for_url(page_url)
    return build_article(
        article_id,
        paragraphs_text(lines),
        path=path,
        title=title,
        byline=doc.author,
        url=page_url,
        published=doc.date,
        outlet=doc.sitename or doc.hostname,
    )


def text_from_fragment(html: str) -> str:
    """A feed entry's HTML body as paragraphs. It is the article already, so nothing
    is thrown away as boilerplate; a body too short for trafilatura's extractor is
    taken whole as text."""
    import trafilatura

    doc = _extract(html, None, fast=True, recall=True)
    text = (doc.text or "") if doc is not None else ""
    if not text.strip():
        text = trafilatura.html2txt(f"<html><body>{html}</body></html>")
    return paragraphs_text(text.split("\n"))
