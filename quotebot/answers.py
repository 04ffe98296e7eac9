"""What the engine answers. Every adapter (CLI, chat, Discord) renders these.

``to_dict`` is the stable JSON shape documented in the README:
``{"verdict", "query", "claimed_speaker", "matches": [{"id", "quote", "speaker",
"role", "kind", "score", "diff", "sources": [{"article", "title", "paragraph",
"start", "end", "context", "url", "published", "outlet"}]}]}``
"""

from __future__ import annotations

from dataclasses import dataclass, field

VERIFIED = "verified"
ALTERED = "altered"
MISATTRIBUTED = "misattributed"
NOT_FOUND = "not_found"
VERDICTS = (VERIFIED, ALTERED, MISATTRIBUTED, NOT_FOUND)

# What a question asks for; ``ask`` sets it, ``verify`` always answers INTENT_VERIFY.
INTENT_VERIFY = "verify"
INTENT_QUOTES = "quotes"  # what did X say?
INTENT_SOURCE = "source"  # where does this come from?
INTENT_SEARCH = "search"
INTENT_HELP = "help"


@dataclass
class Source:
    """One article that reports a quote."""

    article: str
    title: str | None
    paragraph: int
    start: int
    end: int
    context: str  # the sentence(s) around the quote
    paragraph_text: str | None = None  # filled by ``context``
    before: str | None = None  # the sentence before, filled by ``context``
    after: str | None = None  # the sentence after, filled by ``context``
    verb: str | None = None
    url: str | None = None  # None for plain .txt articles
    published: str | None = None
    outlet: str | None = None

    def to_dict(self) -> dict:
        d = {
            "article": self.article,
            "title": self.title,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "context": self.context,
            "url": self.url,
            "published": self.published,
            "outlet": self.outlet,
        }
        for key in ("paragraph_text", "before", "after", "verb"):
            value = getattr(self, key)
            if value is not None:
                d[key] = value
        return d


@dataclass
class DiffOp:
    """One run of a word-level diff between the claim and the record."""

    op: str  # "equal" | "replace" | "insert" (only in the claim) | "delete" (only on record)
    claim: str
    record: str

    def to_dict(self) -> dict:
        return {"op": self.op, "claim": self.claim, "record": self.record}


@dataclass
class Match:
    """A stored quote, as evidence for an answer or as an item of a listing."""

    id: int
    quote: str
    speaker: str | None
    role: str | None
    kind: str
    sources: list[Source] = field(default_factory=list)
    score: float | None = None  # 0-100, only for verify/ask
    diff: list[DiffOp] | None = None  # only for verify/ask
    speaker_kind: str | None = None
    excerpt: str | None = None  # the part of the record the claim lines up with

    def to_dict(self, scored: bool = True) -> dict:
        d = {
            "id": self.id,
            "quote": self.quote,
            "speaker": self.speaker,
            "role": self.role,
            "kind": self.kind,
        }
        if scored:
            d["score"] = None if self.score is None else round(self.score, 1)
            d["diff"] = None if self.diff is None else [op.to_dict() for op in self.diff]
        d["sources"] = [s.to_dict() for s in self.sources]
        return d


@dataclass
class Answer:
    """The engine's answer to a claim or a question."""

    verdict: str | None  # one of VERDICTS, or None for listings
    query: str
    claimed_speaker: str | None = None
    matches: list[Match] = field(default_factory=list)
    intent: str = INTENT_VERIFY
    note: str | None = None  # one sentence a person should read (e.g. "only a paraphrase matches")
    speaker: str | None = None  # the claimed speaker as resolved in the database

    def to_dict(self) -> dict:
        scored = self.intent in (INTENT_VERIFY, INTENT_SOURCE)
        d = {
            "verdict": self.verdict,
            "query": self.query,
            "claimed_speaker": self.claimed_speaker,
            "matches": [m.to_dict(scored=scored) for m in self.matches],
        }
        d["intent"] = self.intent
        d["note"] = self.note
        d["speaker"] = self.speaker
        return d


@dataclass
class SpeakerInfo:
    id: int
    name: str
    kind: str
    roles: list[str]
    aliases: list[str]
    quotes: int

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class ArticleInfo:
    id: str
    title: str | None
    byline: str | None
    path: str | None
    quotes: int
    paragraphs: int = 0
    url: str | None = None
    published: str | None = None
    outlet: str | None = None

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)  # article ids new to the database
    replaced: list[str] = field(default_factory=list)  # changed files, old quotes replaced
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    quotes: int = 0  # quotes found in added + replaced articles
    seconds: float = 0.0
    bytes: int = 0

    def to_dict(self) -> dict:
        d = dict(self.__dict__)
        d["skipped"] = [{"path": p, "reason": r} for p, r in self.skipped]
        return d
