"""Engine answers -> ``discord.Embed``, always within Discord's limits.

Every piece of text that comes from a user or an article is escaped (markdown
and mentions) before it is put in an embed, and every embed goes through
``fit_embed`` before it is returned, so an oversized embed (HTTP 400) cannot
happen whatever the engine answers. Lengths are counted in UTF-16 code units,
which is never less than what Discord counts.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import discord

from ..answers import (
    ALTERED,
    INTENT_HELP,
    INTENT_QUOTES,
    INTENT_SEARCH,
    MISATTRIBUTED,
    NOT_FOUND,
    VERIFIED,
    Answer,
    ArticleInfo,
    IngestReport,
    Match,
    SpeakerInfo,
)

# Discord's limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits)
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELD_COUNT_LIMIT = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
AUTHOR_LIMIT = 256
TOTAL_LIMIT = 6000
CONTENT_LIMIT = 2000  # plain message content

ELLIPSIS = "…"
BLANK = "\u200b"  # Discord rejects empty field names and values

VERDICT_STYLE: dict[str, tuple[str, str, discord.Colour]] = {
    VERIFIED: ("✅", "Verified", discord.Colour.green()),
    ALTERED: ("✏️", "Altered", discord.Colour.orange()),
    MISATTRIBUTED: ("🔀", "Misattributed", discord.Colour.purple()),
    NOT_FOUND: ("❓", "Not found", discord.Colour.light_grey()),
}
INFO_COLOUR = discord.Colour.blurple()
ERROR_COLOUR = discord.Colour.red()

VERDICT_EMOJI = {verdict: style[0] for verdict, style in VERDICT_STYLE.items()}

PAGE_SIZE = 5


# -- text helpers ------------------------------------------------------------------


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


def ulen(text: str) -> int:
    """Length in UTF-16 code units (astral characters count twice)."""
    if text.isascii():
        return len(text)
    return len(text) + len(_ASTRAL.findall(text))


def truncate(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` UTF-16 units, ending with an ellipsis when cut."""
    if limit <= 0:
        return ""
    if len(text) * 2 <= limit or (len(text) <= limit and ulen(text) <= limit):
        return text
    text = text[:limit]  # more code points than that can never fit
    out: list[str] = []
    used = 0
    budget = limit - 1  # room for the ellipsis
    for ch in text:
        w = 2 if ord(ch) > 0xFFFF else 1
        if used + w > budget:
            break
        out.append(ch)
        used += w
    cut = "".join(out)
    # Don't leave a dangling escape backslash or half a word if a space is close.
    cut = cut.rstrip("\\")
    space = cut.rfind(" ")
    if space > len(cut) - 20 and space > 0:
        cut = cut[:space]
    return cut.rstrip() + ELLIPSIS


def one_line(text: str | None) -> str:
    """Collapse whitespace (newlines would break block quotes and lists)."""
    return " ".join((text or "").split())


def escape(text: str | None) -> str:
    """Make user/article text inert: no markdown, no mentions."""
    if not text:
        return ""
    out = discord.utils.escape_markdown(text)
    out = discord.utils.escape_mentions(out)
    # escape_mentions misses role/channel mentions in some forms; neutralise <@..> <#..> too.
    out = re.sub(r"<([@#])", "<\u200b\\1", out)
    return out


def esc_fit(text: str | None, limit: int) -> str:
    """Escape ``text`` and truncate so the *escaped* result fits ``limit``."""
    raw = one_line(text)
    if len(raw) > limit:  # escaping only adds characters: cut first, it keeps this cheap
        raw = truncate(raw, limit)
    out = escape(raw)
    if ulen(out) <= limit:
        return out
    cut = limit
    for _ in range(60):
        out = escape(truncate(raw, cut))
        n = ulen(out)
        if n <= limit:
            return out
        if cut <= 1:
            break
        cut = max(min(cut - 1, cut * limit // n), 1)
    return ""


def quoted(text: str | None, limit: int) -> str:
    """The quote between typographic quotes, escaped, within ``limit``."""
    return f"“{esc_fit(text, max(limit - 2, 0))}”"


def record_text(match: Match, limit: int) -> str:
    """A stored quote: in quote marks, or in italics when it is only reported speech."""
    if match.kind == "paraphrase":
        suffix = " (paraphrase)"
        return f"*{esc_fit(match.quote, max(limit - 2 - len(suffix), 0))}*{suffix}"
    return quoted(match.quote, limit)


# -- embed limits --------------------------------------------------------------------


def _nonblank(text: str | None, limit: int) -> str:
    text = truncate((text or "").strip(), limit)
    return text if text else BLANK


def embed_size(embed: discord.Embed) -> int:
    """What counts towards the 6000 total (same parts as Discord)."""
    total = 0
    if embed.title:
        total += ulen(embed.title.strip())
    if embed.description:
        total += ulen(embed.description.strip())
    for f in embed.fields:
        total += ulen((f.name or "").strip()) + ulen((f.value or "").strip())
    if embed.footer and embed.footer.text:
        total += ulen(embed.footer.text.strip())
    if embed.author and embed.author.name:
        total += ulen(embed.author.name.strip())
    return total


def fit_embed(embed: discord.Embed) -> discord.Embed:
    """Clamp every part of ``embed`` to Discord's limits, in place; returns it.

    Per-part limits first, then the 6000 total: fields are dropped from the end
    (the most important ones come first), then the description is shortened.
    """
    if embed.title:
        embed.title = truncate(embed.title.strip(), TITLE_LIMIT)
    if embed.description:
        embed.description = truncate(embed.description.strip(), DESCRIPTION_LIMIT)
    if embed.author and embed.author.name:
        embed.set_author(
            name=truncate(embed.author.name.strip(), AUTHOR_LIMIT),
            url=embed.author.url,
            icon_url=embed.author.icon_url,
        )
    if embed.footer and embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text.strip(), FOOTER_LIMIT), icon_url=embed.footer.icon_url)
    fields = [
        (_nonblank(f.name, FIELD_NAME_LIMIT), _nonblank(f.value, FIELD_VALUE_LIMIT), bool(f.inline))
        for f in embed.fields[:FIELD_COUNT_LIMIT]
    ]
    embed.clear_fields()
    for name, value, inline in fields:
        embed.add_field(name=name, value=value, inline=inline)

    over = embed_size(embed) - TOTAL_LIMIT
    while over > 0 and embed.fields:
        last = embed.fields[-1]
        size = ulen(last.name.strip()) + ulen(last.value.strip())
        if size - over >= 80 + ulen(last.name.strip()):  # shorten it rather than drop it
            embed.set_field_at(
                len(embed.fields) - 1,
                name=last.name,
                value=truncate(last.value, ulen(last.value.strip()) - over),
                inline=bool(last.inline),
            )
        else:
            embed.remove_field(len(embed.fields) - 1)
        over = embed_size(embed) - TOTAL_LIMIT
    if over > 0 and embed.description:
        embed.description = truncate(embed.description, max(ulen(embed.description) - over, 1))
        over = embed_size(embed) - TOTAL_LIMIT
    if over > 0 and embed.footer and embed.footer.text:
        embed.set_footer(text=truncate(embed.footer.text, max(ulen(embed.footer.text) - over, 1)))
        over = embed_size(embed) - TOTAL_LIMIT
    if over > 0 and embed.title:
        embed.title = truncate(embed.title, max(ulen(embed.title) - over, 1))
    return embed


def fit_content(text: str) -> str:
    return truncate(text, CONTENT_LIMIT)


# -- pieces -------------------------------------------------------------------------


def speaker_line(match: Match, limit: int = 300) -> str:
    name = esc_fit(match.speaker or "unknown speaker", limit // 2)
    if match.role:
        return f"{name} ({esc_fit(match.role, limit // 2 - 3)})"
    return name


def source_line(match: Match, limit: int = 300) -> str:
    if not match.sources:
        return "no article on record"
    s = match.sources[0]
    title = esc_fit(s.title or s.article, limit - 40)
    line = f"{title} (¶{s.paragraph + 1})" if s.paragraph is not None else title
    if s.published:
        line += f", {esc_fit(s.published[:10], 12)}"
    if s.url and s.url.startswith(("https://", "http://")) and len(s.url) + len(line) + 4 <= limit:
        # A masked link: the reader opens the page the quote came from.
        label = line.replace("]", "\\]")
        return f"[{label}]({s.url.replace(')', '%29')})"
    return line


def diff_text(match: Match, limit: int = FIELD_VALUE_LIMIT) -> str | None:
    """The claim against the record: ~~record words~~ → **claim words**."""
    if not match.diff:
        return None
    parts: list[str] = []
    used = 0
    for op in match.diff:
        if used > limit:  # the rest could not be shown anyway
            parts.append(ELLIPSIS)
            break
        claim = esc_fit(op.claim, 300)
        record = esc_fit(op.record, 300)
        if op.op == "equal":
            parts.append(claim or record)
        elif op.op == "replace":
            parts.append(f"~~{record}~~ → **{claim}**")
        elif op.op == "insert":  # only in the claim
            parts.append(f"**+{claim}**" if claim else "")
        elif op.op == "delete":  # only on record
            parts.append(f"~~{record}~~" if record else "")
        used += ulen(parts[-1]) + 1
    text = " ".join(p for p in parts if p)
    if ulen(text) > limit:
        # Cutting formatted text could leave ~~ or ** open: keep whole parts only.
        kept: list[str] = []
        used = 0
        for p in parts:
            if not p:
                continue
            if used + ulen(p) + 1 > limit - 1:
                break
            kept.append(p)
            used += ulen(p) + 1
        text = " ".join(kept) + " " + ELLIPSIS if kept else ELLIPSIS
    return text


def context_text(match: Match, limit: int = FIELD_VALUE_LIMIT) -> str:
    if not match.sources:
        return BLANK
    s = match.sources[0]
    ctx = one_line(s.context)
    return esc_fit(ctx, limit) or BLANK


def reported_by(match: Match, limit: int = FIELD_VALUE_LIMIT) -> str:
    n = len(match.sources)
    head = f"{n} article{'s' if n != 1 else ''}"
    titles = []
    for s in match.sources[:5]:
        titles.append("• " + esc_fit(s.title or s.article, 150))
    if n > 5:
        titles.append(f"… and {n - 5} more")
    text = head + ("\n" + "\n".join(titles) if titles else "")
    return truncate(text, limit)


def _footer_for(match: Match | None, extra: str = "") -> str:
    bits = []
    if match is not None:
        bits.append(f"quote #{match.id}")
        if match.score is not None:
            bits.append(f"match score {match.score:.0f}/100")
        if match.kind and match.kind != "statement":
            bits.append(match.kind)
    if extra:
        bits.append(extra)
    return " · ".join(bits)


# -- answers ------------------------------------------------------------------------


def verdict_embed(answer: Answer) -> discord.Embed:
    """A verify answer: verdict first, then the claim, the record, the source."""
    emoji, label, colour = VERDICT_STYLE.get(answer.verdict or NOT_FOUND, VERDICT_STYLE[NOT_FOUND])
    best = answer.matches[0] if answer.matches else None
    claimed = answer.claimed_speaker or answer.speaker
    who = answer.speaker or answer.claimed_speaker  # the name as resolved in the database
    title = f"{emoji} {label}"
    if who:
        title += f" — {esc_fit(who, 200)}"
    embed = discord.Embed(title=truncate(title, TITLE_LIMIT), colour=colour)

    desc = [f"> {quoted(answer.query, 1500)}"]
    if claimed:
        desc.append(f"claimed speaker: **{esc_fit(claimed, 200)}**")
    if answer.note:
        desc.append(f"*{esc_fit(answer.note, 800)}*")
    if best is None:
        if answer.verdict == NOT_FOUND or answer.verdict is None:
            desc.append("No article on record reports these words.")
    embed.description = "\n".join(desc)

    if best is not None:
        label_on_record = "On record" if answer.verdict != NOT_FOUND else "Closest on record"
        embed.add_field(
            name=label_on_record,
            value=f"{record_text(best, 700)}\n— {speaker_line(best)}",
            inline=False,
        )
        if answer.verdict == MISATTRIBUTED and best.speaker:
            embed.add_field(
                name="Actually said by",
                value=speaker_line(best),
                inline=True,
            )
        if answer.verdict == ALTERED:
            diff = diff_text(best)
            if diff:
                embed.add_field(name="What changed (~~record~~ → **claim**)", value=diff, inline=False)
        if best.sources:
            embed.add_field(name="Source", value=source_line(best), inline=False)
            embed.add_field(name="Context", value=context_text(best, 900), inline=False)
            embed.add_field(name="Reported by", value=reported_by(best), inline=True)
        others = answer.matches[1:4]
        if others:
            lines = [
                f"#{m.id} {record_text(m, 160)} — {esc_fit(m.speaker or 'unknown', 60)}" for m in others
            ]
            embed.add_field(name="Other matches", value="\n".join(lines), inline=False)
    footer = _footer_for(best)
    if footer:
        embed.set_footer(text=footer)
    return fit_embed(embed)


def match_embed(match: Match, *, position: int | None = None, total: int | None = None) -> discord.Embed:
    """One stored quote (a "next match" page)."""
    title = "Match"
    if position is not None and total:
        title = f"Match {position} of {total}"
    embed = discord.Embed(title=title, colour=INFO_COLOUR)
    embed.description = f"> {record_text(match, 2000)}\n— {speaker_line(match)}"
    if match.sources:
        embed.add_field(name="Source", value=source_line(match), inline=False)
        embed.add_field(name="Context", value=context_text(match, 900), inline=False)
        embed.add_field(name="Reported by", value=reported_by(match), inline=True)
    embed.set_footer(text=_footer_for(match))
    return fit_embed(embed)


def _bold_quote_in(paragraph: str, quote: str, limit: int) -> str:
    """The paragraph, escaped, with the quote in bold, cut around the quote to fit."""
    para = one_line(paragraph)
    q = one_line(quote)
    i = para.find(q) if q else -1
    if i < 0 and q:
        q = q.strip(" .,;:!?…")
        i = para.lower().find(q.lower()) if q else -1
        if i >= 0:
            q = para[i : i + len(q)]
    if i < 0:
        return esc_fit(para, limit)
    mid = esc_fit(q, max(limit // 2, 10))
    before, after = para[:i], para[i + len(q) :]
    room = max(limit - ulen(mid) - 6, 0)
    cut_before, cut_after = len(before) > room, len(after) > room
    before, after = (before[-room:] if room else ""), after[:room]
    b_n = min(len(before), room // 2)
    a_n = min(len(after), room - b_n)
    b_n = min(len(before), room - a_n)
    while True:
        b = before[len(before) - b_n :] if b_n else ""
        a = after[:a_n]
        b_e = (ELLIPSIS if b_n < len(before) or cut_before else "") + escape(b)
        a_e = escape(a) + (ELLIPSIS if a_n < len(after) or cut_after else "")
        out = f"{b_e}**{mid}**{a_e}"
        excess = ulen(out) - limit
        if excess <= 0:
            return out
        if b_n == 0 and a_n == 0:
            return truncate(f"**{mid}**", limit) if ulen(mid) + 4 <= limit else truncate(mid, limit)
        step = max(excess // 2 + 1, 1)
        b_n = max(b_n - step, 0)
        a_n = max(a_n - step, 0)


def context_embed(match: Match) -> discord.Embed:
    """``engine.context``: the quote in its paragraph, with the sentences around it."""
    embed = discord.Embed(title=f"Context of quote #{match.id}", colour=INFO_COLOUR)
    embed.description = f"> {record_text(match, 1200)}\n— {speaker_line(match)}"
    for s in match.sources[:5]:
        name = esc_fit(s.title or s.article, 200) + f" (¶{s.paragraph + 1})"
        parts = []
        body = s.paragraph_text or s.context or ""
        flat = one_line(body)
        # before/after are shown only when they are not already in the paragraph.
        if s.before and one_line(s.before) not in flat:
            parts.append(f"*{esc_fit(s.before, 200)}*")
        parts.append(_bold_quote_in(body, match.quote, 600))
        if s.after and one_line(s.after) not in flat:
            parts.append(f"*{esc_fit(s.after, 200)}*")
        embed.add_field(name=name, value="\n".join(parts), inline=False)
    if len(match.sources) > 5:
        embed.add_field(name=BLANK, value=f"… and {len(match.sources) - 5} more articles", inline=False)
    embed.set_footer(text=f"{len(match.sources)} article{'s' if len(match.sources) != 1 else ''} report this quote")
    return fit_embed(embed)


def listing_embed(
    title: str,
    matches: Sequence[Match],
    *,
    offset: int = 0,
    note: str | None = None,
    has_more: bool = False,
) -> discord.Embed:
    """A page of quotes (``/said``, ``/search``)."""
    embed = discord.Embed(title=esc_fit(title, TITLE_LIMIT), colour=INFO_COLOUR)
    lines = []
    if note:
        lines.append(f"*{esc_fit(note, 500)}*")
    if not matches:
        lines.append("Nothing on record." if offset == 0 else "No more quotes.")
    per = max((DESCRIPTION_LIMIT - 600) // max(len(matches), 1), 100)
    for i, m in enumerate(matches, start=offset + 1):
        src = source_line(m, 120) if m.sources else "no source"
        speaker = esc_fit(m.speaker or "unknown", 80)
        lines.append(f"**{i}.** {record_text(m, min(per - 200, 700))} — {speaker}\n   ↳ {src} · #{m.id}")
    embed.description = "\n".join(lines)
    shown = f"{offset + 1}–{offset + len(matches)}" if matches else "none"
    embed.set_footer(text=f"showing {shown}" + (" · more on the next page" if has_more else ""))
    return fit_embed(embed)


def answer_embed(answer: Answer) -> discord.Embed:
    """Any engine answer (``ask`` can return listings and help too)."""
    if answer.intent == INTENT_QUOTES:
        who = answer.speaker or answer.claimed_speaker or "them"
        return listing_embed(
            f"What {who} said", answer.matches[:PAGE_SIZE], note=answer.note, has_more=len(answer.matches) > PAGE_SIZE
        )
    if answer.intent == INTENT_SEARCH:
        return listing_embed(
            f"Quotes matching {answer.query}", answer.matches[:PAGE_SIZE], note=answer.note,
            has_more=len(answer.matches) > PAGE_SIZE,
        )
    if answer.intent == INTENT_HELP or answer.verdict is None:
        return help_embed(answer.note)
    return verdict_embed(answer)


def help_embed(note: str | None = None) -> discord.Embed:
    embed = discord.Embed(title="QuoteBot — did they really say that?", colour=INFO_COLOUR)
    lines = []
    if note:
        lines.append(escape(note))
    lines += [
        "",
        "`/verify text [speaker]` — check a quote",
        "`/said speaker` — what did this person say",
        "`/search words` — find quotes",
        "`/context quote_id` — the quote in its article",
        "`/speakers`, `/sources` — who and what is on record",
        "Or mention me: *@QuoteBot did <name> say \"<words>\"?*",
        "Or right-click a message → Apps → **Verify quote**.",
    ]
    embed.description = "\n".join(lines)
    return fit_embed(embed)


def speakers_embed(speakers: Sequence[SpeakerInfo], *, offset: int = 0, total: int | None = None) -> discord.Embed:
    total = len(speakers) if total is None else total
    embed = discord.Embed(title=f"Speakers on record ({total})", colour=INFO_COLOUR)
    lines = []
    for s in speakers:
        role = f" — {esc_fit(s.roles[0], 80)}" if s.roles else ""
        lines.append(f"• **{esc_fit(s.name, 100)}**{role} · {s.quotes} quote{'s' if s.quotes != 1 else ''}")
    if not lines:
        lines.append("No speakers yet: ingest some articles first.")
    embed.description = _join_within(lines, DESCRIPTION_LIMIT - 100)
    return fit_embed(embed)


def articles_embed(articles: Sequence[ArticleInfo]) -> discord.Embed:
    embed = discord.Embed(title=f"Articles loaded ({len(articles)})", colour=INFO_COLOUR)
    lines = []
    for a in articles:
        title = esc_fit(a.title or a.id, 150)
        by = f" — {esc_fit(a.byline, 60)}" if a.byline else ""
        lines.append(f"• **{title}**{by} · {a.quotes} quote{'s' if a.quotes != 1 else ''} · `{esc_fit(a.id, 60)}`")
    if not lines:
        lines.append("No articles yet: an admin can add some with `/ingest`.")
    embed.description = _join_within(lines, DESCRIPTION_LIMIT - 100)
    return fit_embed(embed)


def _join_within(lines: Sequence[str], limit: int) -> str:
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        if used + ulen(line) + 1 > limit - 30:
            out.append(f"… and {len(lines) - i} more")
            break
        out.append(line)
        used += ulen(line) + 1
    return "\n".join(out)


def ingest_embed(reports: Sequence[tuple[str, IngestReport | None, str | None]]) -> discord.Embed:
    """``/ingest``: one line per uploaded file (name, report or None, error or None)."""
    total = sum(r.quotes for _, r, _ in reports if r is not None)
    ok = sum(1 for _, r, _ in reports if r is not None)
    colour = discord.Colour.green() if ok == len(reports) else (discord.Colour.orange() if ok else ERROR_COLOUR)
    embed = discord.Embed(title=f"Ingested {ok} of {len(reports)} file{'s' if len(reports) != 1 else ''}", colour=colour)
    for name, report, error in reports[:FIELD_COUNT_LIMIT]:
        if report is None:
            value = f"❌ {esc_fit(error or 'failed', 900)}"
        else:
            bits = []
            if report.added:
                bits.append("added")
            if report.replaced:
                bits.append("replaced the previous version")
            if report.unchanged:
                bits.append("unchanged (already loaded)")
            for path, reason in report.skipped:
                bits.append(f"skipped: {esc_fit(reason, 200)}")
            value = f"{report.quotes} quote{'s' if report.quotes != 1 else ''} found" + (
                " · " + ", ".join(bits) if bits else ""
            )
        embed.add_field(name=esc_fit(name, 200), value=value, inline=False)
    embed.description = f"**{total}** quote{'s' if total != 1 else ''} found in total."
    return fit_embed(embed)


def error_embed(message: str) -> discord.Embed:
    return fit_embed(discord.Embed(description=esc_fit(message, 1000), colour=ERROR_COLOUR))
