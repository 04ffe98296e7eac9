"""Fixtures for the Discord bot tests (imported by tests/test_bot_*.py).

* ``seeds_db``: the repo's seeds/ ingested once per session by the REAL engine.
* ``bot_engine``: a private copy of that database per test (ingest and
  auto-check settings write to it).
* ``simcord_bot``: the real bot on that engine, commands synced, cooldown off.
* ``FakeEngine``: a tiny stand-in for unit tests that need exact answers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import discord
import pytest

from quotebot.answers import (
    ALTERED,
    INTENT_VERIFY,
    NOT_FOUND,
    VERIFIED,
    Answer,
    ArticleInfo,
    DiffOp,
    IngestReport,
    Match,
    Source,
    SpeakerInfo,
)
from quotebot.config import Settings

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

NO_COOLDOWN = Settings(cooldown_rate=0, cooldown_per=0)


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory) -> Path:
    from quotebot.engine import Engine

    path = tmp_path_factory.mktemp("botseeds") / "seeds.db"
    engine = Engine(path)
    report = engine.ingest([SEEDS])
    assert report.quotes > 0, "the engine found no quotes in seeds/"
    engine.close()
    return path


@pytest.fixture
def bot_engine(seeds_db, tmp_path):
    from quotebot.engine import Engine

    path = tmp_path / "bot.db"
    shutil.copy(seeds_db, path)
    engine = Engine(path)
    yield engine
    engine.close()


@pytest.fixture
def bot_settings() -> Settings:
    return NO_COOLDOWN


@pytest.fixture
def simcord_bot(bot_engine, bot_settings):
    from quotebot.bot import create_bot

    return create_bot(engine=bot_engine, settings=bot_settings, sync_commands=True)


def embed_text(embed: discord.Embed) -> str:
    """Everything visible in an embed, for assertions."""
    parts = [embed.title or "", embed.description or ""]
    for f in embed.fields:
        parts += [f.name or "", f.value or ""]
    if embed.footer and embed.footer.text:
        parts.append(embed.footer.text)
    return "\n".join(parts)


def button_ids(components: list[dict]) -> list[str]:
    out = []
    for row in components:
        for c in row.get("components", []):
            if c.get("custom_id"):
                out.append(c["custom_id"])
    return out


# -- a fake engine for unit tests -------------------------------------------------------


def src(article="a1", title="Talks end", paragraph=0, context="Putin called it a “dead end.”") -> Source:
    return Source(article=article, title=title, paragraph=paragraph, start=0, end=8, context=context)


def match(id=1, quote="dead end", speaker="Vladimir Putin", role="President", sources=None, **kw) -> Match:
    return Match(id=id, quote=quote, speaker=speaker, role=role, kind="fragment",
                 sources=sources if sources is not None else [src()], **kw)


class FakeEngine:
    """Records calls; answers from canned data."""

    db_path = None

    def __init__(self) -> None:
        self.calls: list[tuple] = []
        self.answer = Answer(
            verdict=VERIFIED, query="dead end", claimed_speaker="Putin",
            matches=[match(score=100.0), match(id=2, quote="a dead end for talks", score=80.0)],
            intent=INTENT_VERIFY, speaker="Vladimir Putin",
        )
        self.names = ["Vladimir Putin", "Sergei Lavrov", "Sergei Ryabkov"]
        self.rows = [match(id=i, quote=f"quote number {i}") for i in range(1, 13)]

    def verify(self, text, speaker=None, *, limit=5):
        self.calls.append(("verify", text, speaker))
        return self.answer

    def ask(self, question, *, limit=5):
        self.calls.append(("ask", question))
        return self.answer

    def quotes(self, speaker=None, article=None, *, limit=None, offset=0, include_paraphrase=True):
        self.calls.append(("quotes", speaker, offset))
        if speaker and "putin" not in speaker.lower():
            return []
        rows = self.rows[offset:]
        return rows[:limit] if limit else rows

    def search(self, words, *, limit=20):
        self.calls.append(("search", words))
        return self.rows[:limit]

    def context(self, quote_id):
        self.calls.append(("context", quote_id))
        if quote_id > 100:
            return None
        s = src()
        s.paragraph_text = "The talks ended. Putin called it a “dead end.” Nobody was surprised."
        s.before, s.after = "The talks ended.", "Nobody was surprised."
        return match(id=quote_id, sources=[s])

    def speakers(self):
        return [SpeakerInfo(1, "Vladimir Putin", "person", ["President"], ["Putin"], 3)]

    def articles(self):
        return [ArticleInfo("a1", "Talks end", None, None, 3)]

    def speaker_names(self, prefix="", *, limit=25):
        self.calls.append(("speaker_names", prefix))
        return [n for n in self.names if n.lower().startswith(prefix.lower()) or prefix.lower() in n.lower()][:limit]

    def ingest_text(self, article_id, text):
        self.calls.append(("ingest_text", article_id, len(text)))
        return IngestReport(added=[article_id], quotes=2)

    def ingest(self, paths):
        """Links are recorded as given; a link on the host ``offline.test`` fails the way an
        unreachable page does (skipped with a reason). Files are recorded with their bytes."""
        paths = list(paths)
        if all(isinstance(p, str) and p.startswith("http") for p in paths):
            self.calls.append(("ingest", paths))
            if any("offline.test" in p for p in paths):
                return IngestReport(skipped=[(p, "could not fetch the page: no network") for p in paths])
            return IngestReport(added=["page"], quotes=3)
        paths = [Path(p) for p in paths]
        self.calls.append(("ingest", [(p.name, p.read_bytes()) for p in paths]))
        return IngestReport(added=[p.stem for p in paths], quotes=1)

    def close(self):
        pass


__all__ = [
    "ALTERED", "NOT_FOUND", "VERIFIED", "DiffOp", "FakeEngine", "NO_COOLDOWN", "bot_engine", "bot_settings",
    "button_ids", "embed_text", "match", "seeds_db", "simcord_bot", "src",
]
