"""The records that flow from a text file to a verdict.

articles.read_article -> Article
extract.extract_quotes(Article) -> list[Quote]
store.QuoteStore.ingest(...) stores them; verify.verify(...) -> Answer

Offsets always index into ``Article.text`` (the decoded, cleaned text that is
also stored in the database), so a quote can be shown in its paragraph later.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# Kinds of quote.
STATEMENT = "statement"  # a whole quoted statement: "We will not ..., " he said.
FRAGMENT = "fragment"  # quoted words inside the writer's sentence: called it a "dead end"
PARAPHRASE = "paraphrase"  # reported speech, no quote marks: Marek said that the plan is ...
QUOTE_KINDS = (STATEMENT, FRAGMENT, PARAPHRASE)

# Kinds of speaker.
PERSON = "person"
ORGANISATION = "organisation"  # also groups ("U.S. officials") and documents ("the declaration")
UNKNOWN = "unknown"
SPEAKER_KINDS = (PERSON, ORGANISATION, UNKNOWN)

# Attribution shapes, for the benchmark's breakdown.
SHAPE_AFTER = "after"  # "…," said Name.  /  "…," Name said.
SHAPE_BEFORE = "before"  # Name said: "…"  /  Name said that … "…"
SHAPE_PRONOUN = "pronoun"  # "…," he said.  (resolved to a name)
SHAPE_CONTINUATION = "continuation"  # a quote paragraph continuing the previous speaker
SHAPE_FRAGMENT = "fragment"  # called it a "dead end"
SHAPE_COLON = "colon"  # was more specific in his words: "…"
SHAPE_ACCORDING = "according"  # according to Name, "…"
SHAPE_INDIRECT = "indirect"  # reported speech
SHAPES = (
    SHAPE_AFTER,
    SHAPE_BEFORE,
    SHAPE_PRONOUN,
    SHAPE_CONTINUATION,
    SHAPE_FRAGMENT,
    SHAPE_COLON,
    SHAPE_ACCORDING,
    SHAPE_INDIRECT,
)


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str


@dataclass
class Article:
    id: str  # the file stem
    text: str  # cleaned text; every offset refers to it
    paragraphs: list[Paragraph]
    title: str | None = None
    byline: str | None = None
    path: str | None = None
    digest: str = ""  # sha256 of the cleaned text: a changed file replaces its quotes
    # Where the article was published, from a page's or a feed's metadata
    # (None for plain .txt): answers cite them so a reader can check the source.
    url: str | None = None
    published: str | None = None  # ISO 'YYYY-MM-DD' or a full ISO datetime
    outlet: str | None = None  # site name or domain

    def paragraph_at(self, offset: int) -> Paragraph | None:
        for p in self.paragraphs:
            if p.start <= offset < p.end:
                return p
        return None


@dataclass
class Quote:
    """One attributed quote as found in one article."""

    text: str  # the exact quoted words, without the enclosing marks
    start: int  # Article.text[start:end] == text
    end: int
    speaker: str | None  # canonical name within the article ("Ada Holm")
    speaker_kind: str = UNKNOWN
    role: str | None = None  # as the article gives it ("Russian President")
    verb: str | None = None  # the speech verb or cue ("said", "called", ":")
    kind: str = STATEMENT
    shape: str = SHAPE_AFTER
    paragraph: int = 0  # Paragraph.index
    sentence: str = ""  # the sentence(s) holding the quote
    aliases: tuple[str, ...] = field(default_factory=tuple)  # other names used in the article

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Skipped:
    """A file that could not be read as an article, and why."""

    path: str
    reason: str
