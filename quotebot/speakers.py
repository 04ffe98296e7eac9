"""Who said it: one speaker across articles, and reading a claimed speaker.

Articles spell names differently (Sergei/Sergey), shorten them (Holm,
Ms Holm) or name a role instead (the ministry spokesman). ``SpeakerIndex``
holds every speaker with its aliases and roles in memory (thousands of rows,
not millions) and answers "which speaker is this name?" for both ingest and
claims.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process, utils

from .normalize import norm_token

HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "sen", "senator", "rep", "representative", "gov", "governor", "gen", "general", "col",
    "colonel", "capt", "captain", "lt", "sgt", "adm", "admiral", "rev", "fr", "father",
    "president", "vice", "prime", "minister", "secretary", "chancellor", "mayor", "judge",
    "justice", "ambassador", "pope", "king", "queen", "prince", "princess", "sheikh", "the",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_POSSESSIVE = re.compile(r"['’]s$")


def tidy_name(name: str) -> str:
    """A display name without sentence punctuation or stray spaces around it."""
    name = " ".join((name or "").split()).strip(" ,;:!?\"'“”‘’()[]")
    if name.endswith(".") and not re.search(r"\b(?:[A-Z]|Jr|Sr|St|Co|Inc|Ltd)\.$", name):
        name = name[:-1]
    return name


def name_tokens(name: str) -> list[str]:
    """Normalised words of a name, without honorifics, titles or suffixes."""
    return list(_name_tokens(name or ""))


@functools.lru_cache(maxsize=65536)
def _name_tokens(name: str) -> tuple[str, ...]:
    words = [norm_token(_POSSESSIVE.sub("", w)) for w in re.split(r"[\s\-]+", name or "")]
    words = [w for w in words if w]
    while words and words[0] in HONORIFICS and len(words) > 1:
        words.pop(0)
    while words and words[-1] in _SUFFIXES and len(words) > 1:
        words.pop()
    return tuple(words)


def name_key(name: str) -> str:
    return " ".join(name_tokens(name))


def role_key(role: str) -> str:
    """``the ministry's spokesman`` -> ``ministrys spokesman``: roles compared as written, loosely."""
    words = [norm_token(w) for w in re.split(r"[\s\-]+", role or "")]
    words = [w for w in words if w]
    while words and words[0] in {"the", "a", "an"}:
        words.pop(0)
    return " ".join(words)


def surname(name: str) -> str:
    toks = name_tokens(name)
    return toks[-1] if toks else ""


def same_person(a: str, b: str) -> bool:
    """Two full names of one person: same surname, compatible first names.

    Compatible: one is absent or an initial of the other, or they are spelling
    variants (Sergei/Sergey, Dmitri/Dmitry) by edit similarity.
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb or ta[-1] != tb[-1]:
        return False
    if len(ta) == 1 or len(tb) == 1:
        return True
    fa, fb = ta[0], tb[0]
    if fa == fb or (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb)):
        return True
    return fuzz.ratio(fa, fb) >= 70 and fa[:3] == fb[:3]


@dataclass
class SpeakerEntry:
    id: int
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


class SpeakerIndex:
    """Every speaker, for resolving names at ingest and in claims."""

    def __init__(self, entries: list[SpeakerEntry] | None = None):
        self.entries: dict[int, SpeakerEntry] = {}
        self._by_surname: dict[str, list[int]] = {}
        self._by_key: dict[str, int] = {}
        self._lookup = None
        for e in entries or []:
            self.add(e)

    def add(self, entry: SpeakerEntry) -> None:
        self._lookup = None
        self.entries[entry.id] = entry
        self._by_key.setdefault(name_key(entry.name), entry.id)
        self._by_surname.setdefault(surname(entry.name), []).append(entry.id)

    def rename(self, speaker_id: int, name: str) -> None:
        """Adopt a fuller name for a speaker; the old one stays an alias."""
        self._lookup = None
        entry = self.entries[speaker_id]
        entry.aliases.add(entry.name)
        entry.name = name
        self._by_key.setdefault(name_key(name), speaker_id)

    def find_same(self, name: str, kind: str) -> int | None:
        """The speaker an ingested name refers to, if already known."""
        key = name_key(name)
        if not key:
            return None
        if key in self._by_key:
            return self._by_key[key]
        candidates = [
            i
            for i in self._by_surname.get(surname(name), [])
            if self.entries[i].kind == kind and same_person(self.entries[i].name, name)
        ]
        if len(candidates) == 1:
            return candidates[0]
        if len(name_tokens(name)) > 1:
            # A full name never merges into an ambiguous surname.
            full = [i for i in candidates if len(name_tokens(self.entries[i].name)) > 1]
            return full[0] if len(full) == 1 else None
        return None

    def _lookup_tables(self):
        """Alias and role keys and the fuzzy-match choices, built once per index."""
        if self._lookup is None:
            aliases: dict[str, set[int]] = {}
            roles: dict[str, set[int]] = {}
            choices: list[str] = []
            owners: list[int] = []
            for i, e in self.entries.items():
                for a in e.aliases:
                    aliases.setdefault(name_key(a), set()).add(i)
                for r in e.roles:
                    roles.setdefault(role_key(r), set()).add(i)
                for text in (e.name, *e.roles):
                    choices.append(text)
                    owners.append(i)
            self._lookup = (aliases, roles, choices, owners)
        return self._lookup

    def prepare(self) -> None:
        """Build the alias, role and fuzzy-name tables now, not on the first question."""
        self._lookup_tables()

    def resolve(self, query: str, *, score_cutoff: float = 80) -> list[tuple[int, float]]:
        """Speakers a claimed name or role may mean, best first, with a 0-100 score.

        Full name, surname, spelling variant, alias, or a role as stated in the
        articles ("the ministry spokesman") all count.
        """
        q_tokens = name_tokens(query)
        if not q_tokens:
            return []
        q_key = " ".join(q_tokens)
        scores: dict[int, float] = {}

        def offer(i: int, s: float) -> None:
            if s >= score_cutoff and s > scores.get(i, 0):
                scores[i] = s

        if q_key in self._by_key:
            offer(self._by_key[q_key], 100)
        for i in self._by_surname.get(q_tokens[-1], []):
            e = self.entries[i]
            if len(q_tokens) == 1:
                offer(i, 95)
            elif same_person(e.name, query):
                offer(i, 97)
        aliases, roles, choices, owners = self._lookup_tables()
        for i in aliases.get(q_key, ()):
            offer(i, 96)
        for i in roles.get(role_key(query), ()):
            offer(i, 94)
        # Fuzzy names and roles: one rapidfuzz pass, only when nothing matched as written.
        if choices and not scores:
            for _, s, pos in process.extract(
                query,
                choices,
                scorer=fuzz.WRatio,
                processor=utils.default_process,
                score_cutoff=max(score_cutoff, 86),
                limit=10,
            ):
                is_role = choices[pos] != self.entries[owners[pos]].name
                offer(owners[pos], s - (5 if is_role else 3))
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if ranked:
            best = ranked[0][1]
            ranked = [(i, s) for i, s in ranked if s >= best - 5]
        return ranked
