"""Shared fixtures. Engine tests build stores from hand-made records so they do
not depend on the extractor; extractor tests live in test_extract*.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotebot.models import FRAGMENT, ORGANISATION, PARAPHRASE, PERSON, STATEMENT, Article, Paragraph, Quote
from quotebot.store import QuoteStore

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"


def article_with(article_id: str, text: str, quotes: list[tuple]) -> tuple[Article, list[Quote]]:
    """An Article from ``text`` and Quotes from (words, speaker[, role[, kind[, speaker_kind]]])."""
    paras, pos = [], 0
    for i, block in enumerate(text.split("\n")):
        paras.append(Paragraph(i, pos, pos + len(block), block))
        pos += len(block) + 1
    art = Article(id=article_id, text=text, paragraphs=paras, title=article_id.title(), digest=str(hash(text)))
    out = []
    for words, speaker, *rest in quotes:
        role = rest[0] if len(rest) > 0 else None
        kind = rest[1] if len(rest) > 1 else STATEMENT
        skind = rest[2] if len(rest) > 2 else PERSON
        start = text.index(words)
        para = next(p for p in paras if p.start <= start <= p.end)
        out.append(
            Quote(
                text=words,
                start=start,
                end=start + len(words),
                speaker=speaker,
                speaker_kind=skind,
                role=role,
                verb="said",
                kind=kind,
                paragraph=para.index,
                sentence=para.text,
            )
        )
    return art, out


@pytest.fixture
def make_store(tmp_path):
    """Build a QuoteStore holding the given hand-made articles."""
    stores = []

    def build(*articles: tuple[Article, list[Quote]], name: str = "t.db") -> QuoteStore:
        from quotebot.answers import IngestReport

        store = QuoteStore(tmp_path / name)
        store._write(iter(articles), IngestReport())
        stores.append(store)
        return store

    yield build
    for s in stores:
        s.close()


__all__ = ["article_with", "FRAGMENT", "ORGANISATION", "PARAPHRASE", "PERSON", "STATEMENT"]
