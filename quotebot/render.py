"""Plain-text rendering of engine answers, for the terminal and the local chat.

The verdict comes first, then speaker, role, article, context and the word diff.
The Discord embeds (``quotebot.bot.embeds``) render the same ``Answer``.
"""

from __future__ import annotations

import textwrap

from .answers import (
    ALTERED,
    INTENT_HELP,
    INTENT_QUOTES,
    INTENT_SEARCH,
    MISATTRIBUTED,
    NOT_FOUND,
    VERIFIED,
    Answer,
    ArticleInfo,
    DiffOp,
    IngestReport,
    Match,
    SpeakerInfo,
)
from .models import PARAPHRASE

VERDICT_LABEL = {
    VERIFIED: "✅ VERIFIED: the words are on record",
    ALTERED: "✏️  ALTERED: a quote on record is close, but words differ",
    MISATTRIBUTED: "🔀 MISATTRIBUTED: on record, but said by someone else",
    NOT_FOUND: "❓ NOT FOUND: nothing on record is close",
}
WIDTH = 88


def _wrap(text: str, indent: str = "   ") -> str:
    return textwrap.fill(
        " ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent
    )


def diff_text(diff: list[DiffOp]) -> str:
    """``[-record-]{+claim+}`` markup, as in ``git diff --word-diff``."""
    parts = []
    for op in diff:
        if op.op == "equal":
            parts.append(op.claim)
        elif op.op == "replace":
            parts.append(f"[-{op.record}-]{{+{op.claim}+}}")
        elif op.op == "insert":
            parts.append(f"{{+{op.claim}+}}")
        else:
            parts.append(f"[-{op.record}-]")
    return " ".join(p for p in parts if p)


def speaker_line(m: Match) -> str:
    who = m.speaker or "unknown speaker"
    return f"{who}, {m.role}" if m.role else who


def match_text(m: Match, *, scored: bool, index: int | None = None) -> str:
    lines = []
    label = "paraphrase (reported speech, not a direct quote)" if m.kind == PARAPHRASE else m.kind
    head = f"#{m.id}" + (f" · score {m.score:.0f}" if scored and m.score is not None else "")
    prefix = f"{index}. " if index is not None else ""
    lines.append(f"{prefix}{head} · {speaker_line(m)} · {label}")
    marks = ("(", ")") if m.kind == PARAPHRASE else ("“", "”")
    lines.append(_wrap(f"{marks[0]}{m.quote}{marks[1]}"))
    if scored and m.diff:
        lines.append("   differs: " + diff_text(m.diff))
    n = len(m.sources)
    for s in m.sources[:3]:
        where = f"{s.article}" + (f" ({s.title})" if s.title else "") + f", paragraph {s.paragraph + 1}"
        lines.append(f"   in {where}")
        published = " · ".join(x for x in (s.outlet, s.published) if x)
        if published or s.url:
            lines.append("   " + " · ".join(x for x in (published, s.url) if x))
        if s.context:
            lines.append(_wrap(s.context, "     > "))
    if n > 3:
        lines.append(f"   … and {n - 3} more articles")
    if n > 1:
        lines.append(f"   reported by {n} articles")
    return "\n".join(lines)


def answer_text(a: Answer) -> str:
    if a.intent == INTENT_HELP:
        return a.note or ""
    lines = []
    if a.intent in (INTENT_QUOTES, INTENT_SEARCH):
        who = a.speaker or a.claimed_speaker
        if a.intent == INTENT_QUOTES:
            lines.append(f"{len(a.matches)} quotes by {who}" if who else "No such speaker.")
        else:
            lines.append(f"{len(a.matches)} quotes match {a.query!r}")
        if a.note:
            lines.append(a.note)
        for i, m in enumerate(a.matches, 1):
            lines.append(match_text(m, scored=False, index=i))
        return "\n".join(lines)
    lines.append(VERDICT_LABEL.get(a.verdict or NOT_FOUND, str(a.verdict)))
    claimed = f" by {a.claimed_speaker}" if a.claimed_speaker else ""
    lines.append(f"   claim{claimed}: {a.query}")
    if a.note:
        lines.append(_wrap(a.note))
    if a.verdict == NOT_FOUND and a.matches:
        lines.append("   nearest on record:")
    for i, m in enumerate(a.matches, 1):
        lines.append(match_text(m, scored=True, index=i))
    return "\n".join(lines)


def quotes_text(matches: list[Match]) -> str:
    if not matches:
        return "No quotes."
    return "\n".join(match_text(m, scored=False, index=i) for i, m in enumerate(matches, 1))


def context_text(m: Match) -> str:
    lines = [match_text(m, scored=False)]
    for s in m.sources:
        lines.append(f"\n— {s.article}" + (f": {s.title}" if s.title else ""))
        if s.before:
            lines.append(_wrap(s.before, "   "))
        lines.append(_wrap(s.context or "", " » "))
        if s.after:
            lines.append(_wrap(s.after, "   "))
    return "\n".join(lines)


def speakers_text(speakers: list[SpeakerInfo]) -> str:
    if not speakers:
        return "No speakers yet: run `quotebot ingest` first."
    rows = []
    for s in speakers:
        role = f" ({'; '.join(s.roles[:2])})" if s.roles else ""
        rows.append(f"{s.quotes:5d}  {s.name}{role} [{s.kind}]")
    return "\n".join(rows)


def articles_text(articles: list[ArticleInfo]) -> str:
    if not articles:
        return "No articles yet: run `quotebot ingest` first."
    return "\n".join(
        f"{a.quotes:5d} quotes  {a.id}  {a.title or '(untitled)'}"
        + (f" · {a.byline}" if a.byline else "")
        for a in articles
    )


def ingest_text(r: IngestReport) -> str:
    lines = [
        f"Ingested {len(r.added)} new and {len(r.replaced)} changed articles "
        f"({len(r.unchanged)} unchanged): {r.quotes} quotes in {r.seconds:.2f} s."
    ]
    for path, reason in r.skipped:
        lines.append(f"skipped {path}: {reason}")
    return "\n".join(lines)
