"""Read news articles from text files into :class:`~quotebot.models.Article`.

Decoding is strict about what is *not* text (NUL bytes, undecodable bytes ->
``Skipped``) and lenient about what is merely untidy text: a UTF-8 BOM is
dropped, CRLF and lone CR become ``\\n``, and stray control characters become
spaces so that every later offset still points at the same character.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .models import Article, Paragraph, Skipped

__all__ = ["read_article", "article_from_text", "iter_articles", "clean_text", "NotText"]


class NotText(ValueError):
    """Raised when bytes cannot be an article (binary, undecodable)."""


# C0/C1 control characters except \n and \t, plus a few invisible troublemakers.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff]")
# Unicode spaces (no-break, thin, ideographic …): one plain space each, so offsets stay
# and every rule that reads "a space" reads them ('he said on\u00a0"Meet the Press."').
_SPACES_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_BYLINE_RE = re.compile(
    r"^\s*(?:By|BY|Written by|Words by)\s+"
    r"([A-Z][\w'’.\-]*(?:\s+(?:[A-Z][\w'’.\-]*|and|de|van|von|der|la|le|bin|al))*)"
)
_REPUBLISHED_RE = re.compile(
    r"(?:republished|reprinted|originally (?:published|appeared)) (?:from|in|on|by)\s+"
    r"((?:the |The )?[A-Z][\w'’&.\-]*(?:\s+[A-Z][\w'’&.\-]*){0,5})"
)
# "Jane Doe – Publication" / "Jane Doe - Publication" as a last line.
_SIGNOFF_RE = re.compile(
    r"^\s*([A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3})\s+[–—-]\s+"
    r"([A-Z][\w'’&.\-]*(?:\s+[A-Z][\w'’&.\-]*){0,5})\s*$"
)


def clean_text(data: str | bytes) -> str:
    """Decode and normalise; raise :class:`NotText` for binary or undecodable data."""
    if isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
        if b"\x00" in raw:
            raise NotText("binary file (contains NUL bytes)")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise NotText(f"not UTF-8 text (undecodable byte at offset {exc.start})") from None
    else:
        text = str(data)
        if text.startswith("\ufeff"):
            text = text[1:]
        if "\x00" in text:
            # A str handed to us with NULs: keep it, but as spaces.
            text = text.replace("\x00", " ")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL_RE.sub(" ", text)
    return _SPACES_RE.sub(" ", text)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line is a paragraph; offsets exclude surrounding whitespace."""
    paras: list[Paragraph] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        s, e = pos, nl
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            paras.append(Paragraph(index=len(paras), start=s, end=e, text=text[s:e]))
        pos = nl + 1
    return paras


_BY_RE = re.compile(r"^(?:By|BY)\s")


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not words or len(line) > 200 or len(words) > 25:
        return False
    if line.endswith((".", ",", ";")) and not line.endswith(("..", "…")):
        # Body text ends with a period; a headline rarely does.
        return False
    if _BY_RE.match(line):
        return False
    return True


def _find_byline(paras: list[Paragraph]) -> str | None:
    for p in paras[:6]:
        m = _BYLINE_RE.match(p.text)
        if m and len(p.text) < 120:
            return m.group(1).strip()
    for p in reversed(paras[-4:]):
        m = _SIGNOFF_RE.match(p.text)
        if m:
            return f"{m.group(1)} – {m.group(2)}"
    for p in reversed(paras[-4:]):
        m = _REPUBLISHED_RE.search(p.text)
        if m:
            return m.group(1).strip()
    return None


def article_from_text(article_id: str, text_or_bytes: str | bytes, path: str | None = None) -> Article:
    """Build an Article from raw text or bytes. Raises :class:`NotText` for binary data."""
    text = clean_text(text_or_bytes)
    paras = split_paragraphs(text)
    title = None
    if paras and _looks_like_title(paras[0].text) and len(paras) > 1:
        title = paras[0].text
    return Article(
        id=article_id,
        text=text,
        paragraphs=paras,
        title=title,
        byline=_find_byline(paras) if paras else None,
        path=path,
        digest=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
    )


def read_article(path: str | os.PathLike) -> Article:
    """Read one file. Raises :class:`NotText` (a ValueError) if it is not text."""
    p = Path(path)
    data = p.read_bytes()
    return article_from_text(p.stem, data, path=str(p))


def _expand(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*.txt") if q.is_file())
        else:
            yield p


def iter_articles(paths: Iterable[str | os.PathLike] | str | os.PathLike) -> Iterator[Article | Skipped]:
    """Yield an Article per readable file, a Skipped (with the reason) per other file.

    Folders are walked recursively for ``*.txt`` files, in sorted order.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for p in _expand(paths):
        try:
            yield read_article(p)
        except NotText as exc:
            yield Skipped(str(p), f"{p}: {exc}")
        except FileNotFoundError:
            yield Skipped(str(p), f"{p}: no such file")
        except IsADirectoryError:
            yield Skipped(str(p), f"{p}: is a directory")
        except OSError as exc:
            yield Skipped(str(p), f"{p}: cannot read ({exc.strerror or exc})")
