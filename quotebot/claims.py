"""Reading what people type: a claim, a free question, or a chat message.

``Holm called the plan a "dead end"``    -> check "dead end", speaker Holm
``did Marek say "never ever"?``          -> verify "never ever" by Marek
``what did Marek say?``                  -> every quote by Marek
``where does "dead end" come from?``     -> the sources of "dead end"
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .answers import INTENT_HELP, INTENT_QUOTES, INTENT_SEARCH, INTENT_SOURCE, INTENT_VERIFY
from .normalize import clean

HELP = (
    'Ask me about a quote: did <name> say "<words>"? · what did <name> say? · '
    'where does "<words>" come from? · or paste a claim such as: '
    '<name> said "<words>".'
)

# Quoted spans after ``clean`` has unified every double quote to '"'.
_DOUBLE = re.compile(r'"([^"]{1,5000})"')
_SINGLE = re.compile(r"(?:^|(?<=[\s(\[:]))'([^']{2,5000}?)'(?=$|[\s.,;:!?)\]])")
_SPEECH = (
    r"say|says|said|saying|tell|tells|told|call|calls|called|describe|describes|described|"
    r"write|writes|wrote|claim|claims|claimed|state|states|stated|add|adds|added|warn|warns|"
    r"warned|declare|declares|declared|refer|refers|referred|tweet|tweets|tweeted|insist|"
    r"insists|insisted|argue|argues|argued|put it|mention|mentions|mentioned"
)
_LEAD = re.compile(
    r"^\s*(?:(?:so|ok|okay|hey|but|and|wait|hmm|please|quotebot)[\s,]+)*"
    r"(?:is\s+it\s+true\s+(?:that\s+)?|did|does|do|has|have|had|was\s+it|is\s+it|"
    r"can\s+you\s+(?:check|verify)\s+(?:whether|if|that)?|check\s+(?:whether|if|that)?|"
    r"verify\s+(?:whether|if|that)?)\s*",
    re.I,
)
_ADVERBS = r"(?:really|actually|ever|truly|once|in\s+fact|indeed|never|not)\s+"
_SPEAKER_VERB = re.compile(
    rf"^(?P<speaker>.{{1,200}}?)(?<=\S)\s++(?:{_ADVERBS}){{0,4}}+(?P<verb>{_SPEECH})\b(?P<rest>.*)$", re.I | re.S
)
_QUOTES_Q = re.compile(
    r"^\s*(?:what|which\s+quotes?)\s+(?:did|does|has|have|had)\s++(?P<speaker>.{1,200}?)(?<=\S)\s++"
    r"(?:really\s+|actually\s+|ever\s+)?(?:say|said|tell|told|write|written|wrote|state|stated)"
    r"\b.*$|^\s*(?:quotes|everything|all\s+quotes)\s+(?:by|from|of)\s++(?P<speaker2>.{1,200}?)(?<=\S)\s*+\??\s*+$|"
    r"^\s*(?:show|list)\s++(?:me\s++)?(?P<speaker3>.{1,200}?)(?:'s|’s)\s++quotes\s*+\??\s*+$",
    re.I,
)
_SOURCE_Q = re.compile(
    r"\b(?:where\s+(?:does|did|is|was)|source\s+(?:of|for)|who\s+(?:said|says|wrote|called)|"
    r"which\s+article|context\s+(?:of|for))\b",
    re.I,
)
# Discord mentions and addressing carry no claim: "@QuoteBot did Holm say ...".
_MENTION = re.compile(r"<@[!&]?\d+>|<#\d+>|<a?:\w+:\d+>|@(?:everyone|here)\b")
_NAMEY = re.compile(r"[A-Z][\w.'’\-]+")
_NOT_A_NAME = {"i", "you", "we", "they", "it", "someone", "somebody", "anyone", "who", "what"}


@dataclass
class Claim:
    text: str  # the words to check
    speaker: str | None = None
    parts: tuple[str, ...] = ()  # separately quoted parts, when there are several


@dataclass
class Question:
    intent: str
    text: str = ""
    speaker: str | None = None


def strip_mentions(text: str) -> str:
    return " ".join(_MENTION.sub(" ", text or "").split()) if _MENTION.search(text or "") else (text or "")


def quoted_parts(text: str) -> list[str]:
    """The parts of ``text`` inside quotation marks, double first, then single."""
    text = clean(text)
    parts = [m.group(1).strip() for m in _DOUBLE.finditer(text) if m.group(1).strip()]
    if not parts:
        parts = [m.group(1).strip() for m in _SINGLE.finditer(text) if m.group(1).strip()]
    return parts


def _strip_quoted(text: str) -> str:
    text = clean(text)
    text = _DOUBLE.sub(" ", text)
    return _SINGLE.sub(" ", text)


def _tidy_speaker(raw: str) -> str | None:
    s = raw.strip(" \t\n,:;!?.-–—'\"")
    if len(s) > 200:  # longer than any name, even before trimming; keeps the regexes cheap
        return None
    s = re.sub(r"^(?:that|the\s+claim\s+that|whether|if)\s+", "", s, flags=re.I)
    s = re.sub(r"\s+(?:really|actually|ever|once|in\s+fact|indeed)$", "", s, flags=re.I)
    s = s.strip(" ,")
    if not s or s.casefold() in _NOT_A_NAME or len(s) > 80 or len(s.split()) > 8:
        return None
    return s


def speaker_in(text_outside_quotes: str) -> str | None:
    """The speaker named around a quote: ``Holm called the plan a``, ``did Marek say``."""
    rest = _LEAD.sub("", text_outside_quotes.strip(), count=1)
    m = re.match(rf"^[\s,.]*(?:{_SPEECH})\s+(?P<speaker>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){{0,3}})", rest)
    if m:  # "…," said Marta Kovacs
        return _tidy_speaker(m.group("speaker"))
    m = _SPEAKER_VERB.match(rest)
    if m:
        return _tidy_speaker(m.group("speaker"))
    # "— Ada Holm" or "Holm:" around the quote.
    m = re.search(r"(?:^|[-–—:]\s*)([A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3})\s*+[:,]?\s*+$", rest)
    if m:
        return _tidy_speaker(m.group(1))
    return None


def parse_claim(text: str, speaker: str | None = None) -> Claim:
    """What to check and by whom. An explicit ``speaker`` wins over one found in the text."""
    text = strip_mentions(text)
    parts = quoted_parts(text)
    if parts:
        words = " … ".join(parts) if len(parts) > 1 else parts[0]
        found = speaker or speaker_in(_strip_quoted(text))
        return Claim(words, _tidy_speaker(found) if found else None, tuple(parts) if len(parts) > 1 else ())
    if not speaker:
        # Unquoted: "Holm said we will never raise taxes" -> speaker and words.
        m = _SPEAKER_VERB.match(_LEAD.sub("", clean(text).strip(), count=1))
        if m and _NAMEY.match(m.group("speaker").strip()) and len(m.group("speaker").split()) <= 5:
            rest = re.sub(r"^\s*(?:that|:)\s*", "", m.group("rest")).strip()
            if rest and len(rest.split()) >= 2:
                return Claim(rest, _tidy_speaker(m.group("speaker")))
    return Claim(text.strip(), _tidy_speaker(speaker) if speaker else None)


def parse_question(question: str) -> Question:
    """Work out what a free question asks for."""
    q = clean(strip_mentions(question)).strip()
    if not q:
        return Question(INTENT_HELP)
    if re.fullmatch(r"(?:help|\?|hi|hello|hey|what can you do\??)", q, re.I):
        return Question(INTENT_HELP)
    parts = quoted_parts(q)
    m = _QUOTES_Q.match(q) if not parts else None
    if m:
        speaker = _tidy_speaker(m.group("speaker") or m.group("speaker2") or m.group("speaker3") or "")
        if speaker:
            return Question(INTENT_QUOTES, speaker=speaker)
    if parts:
        claim = parse_claim(q)
        intent = INTENT_SOURCE if _SOURCE_Q.search(_strip_quoted(q)) else INTENT_VERIFY
        if intent == INTENT_SOURCE and claim.speaker and claim.speaker.casefold().startswith("who"):
            claim.speaker = None
        return Question(intent, text=claim.text, speaker=claim.speaker)
    claim = parse_claim(q)
    if claim.speaker:
        return Question(INTENT_VERIFY, text=claim.text, speaker=claim.speaker)
    words = re.sub(r"^(?:search|find|look\s+up)\s+(?:for\s+)?", "", q, flags=re.I)
    return Question(INTENT_SEARCH, text=words)


def find_claims(message: str) -> list[Claim]:
    """Quotes attributed to someone in a chat message (for auto-check).

    Only messages that name a speaker next to quoted words count: ``X said
    "…"``, ``"…" said X``, ``"…" — X``, ``X: "…"``. Plain quoted words are not
    a claim about anyone.
    """
    text = clean(strip_mentions(message))
    out: list[Claim] = []
    last = 0
    for m in _DOUBLE.finditer(text):
        words = m.group(1).strip()
        if len(words.split()) < 2 and len(words) < 8:
            last = m.end()
            continue
        before = text[last : m.start()]
        after = text[m.end() : m.end() + 120]
        speaker = None
        mb = re.search(rf"([A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){{0,3}})\s+(?:{_ADVERBS})*(?:{_SPEECH})\b[^\"]{{0,60}}$", before)
        if mb:
            speaker = mb.group(1)
        else:
            mc = re.search(r"([A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){0,3})\s*:\s*$", before)
            ma = re.match(
                rf"\s*[,.]?\s*(?:(?:{_SPEECH})\s+([A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){{0,3}})|"
                rf"[-–—]+\s*([A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){{0,3}})|"
                rf"([A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){{0,3}})\s+(?:{_SPEECH}))",
                after,
            )
            if mc:
                speaker = mc.group(1)
            elif ma:
                speaker = next(g for g in ma.groups() if g)
        speaker = _tidy_speaker(speaker) if speaker else None
        if speaker:
            out.append(Claim(words, speaker))
        last = m.end()
    return out
