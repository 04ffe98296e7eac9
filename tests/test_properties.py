"""Property-based tests (hypothesis): invariants that must hold for any input.

* extraction never raises, on article-shaped text and on arbitrary text;
* every stored quote's offsets point at exactly its text in the stored article
  (checked through the database: quote_sources.start/end against articles.text);
* stored quotes of one article never overlap;
* verification and question parsing never raise, and every claim gets exactly
  one of the four verdicts;
* a verbatim excerpt (a contiguous run of words) of any stored direct quote is
  ``verified`` for its speaker;
* normalisation is idempotent.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from quotebot import claims, normalize
from quotebot.answers import VERDICTS, VERIFIED
from quotebot.articles import article_from_text
from quotebot.engine import Engine
from quotebot.extract import extract_quotes
from quotebot.models import PARAPHRASE

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

FAST = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples every run: make test is reproducible
)

# -- strategies -------------------------------------------------------------------

FIRST = ["Anna", "Vladimir", "Olaf", "Maria", "José", "Zoë", "Sergei", "Li", "O'Brien", "Jean-Luc"]
LAST = ["Lee", "Putin", "Scholz", "Kovács", "Ng", "Smith-Jones", "Lavrov", "Ødegaard", "MacLeod"]
WORDS = (
    "we will never talk again the plan is a dead end not ever peace war talks people "
    "must can it this that 100,000 U.S. don’t isn't well Mr. Dr. said says told and or"
).split()
MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "„", "‟", "＂", "″", "‹", "›"]
VERBS = ["said", "says", "told reporters", "added", "warned", "insisted", "wrote", "called it"]
ROLES = ["", "the mayor", "Russian President", "a spokesman for the ministry"]

name = st.builds(lambda f, l: f"{f} {l}", st.sampled_from(FIRST), st.sampled_from(LAST))
word = st.one_of(
    st.sampled_from(WORDS),
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=6),
)
words = st.lists(word, min_size=1, max_size=14).map(" ".join)


def _sentence(kind, n, w, verb, role, mark):
    if kind == 0:
        return f"“{w},” {verb.split()[0]} {n}."
    if kind == 1:
        return f"{n}, {role}, {verb}: “{w}.”" if role else f"{n} {verb}: “{w}.”"
    if kind == 2:
        return f"{n} called the plan a “{w}”."
    if kind == 3:
        return f"“{w},” he said."
    if kind == 4:
        return f"{n} said that {w}."
    if kind == 5:
        return f"According to {n}, “{w}.”"
    if kind == 6:
        return f"{mark}{w}{mark} {verb} {n}."
    return w


sentence = st.builds(
    _sentence,
    st.integers(0, 7),
    name,
    words,
    st.sampled_from(VERBS),
    st.sampled_from(ROLES),
    st.sampled_from(MARKS),
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
article_text = st.builds(
    lambda title, paras, sep: title + sep + sep.join(paras),
    words,
    st.lists(paragraph, min_size=1, max_size=6),
    st.sampled_from(["\n\n", "\n", "\r\n", "\n \n"]),
)
any_text = st.text(max_size=400)
quotey_text = st.lists(
    st.one_of(st.sampled_from(MARKS + ["\n", " ", ",", ".", ":", "—"] + VERBS), word, name),
    max_size=60,
).map("".join)


# -- fixtures -----------------------------------------------------------------------

_ids = itertools.count()
WORD_RE = re.compile(r"\w+(?:['.,\-]\w+)*")  # a word, as verification reads one


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    path = tmp_path_factory.mktemp("props") / "p.db"
    e = Engine(path)
    e.ingest([SEEDS])
    yield e
    e.close()


def _article_rows(engine: Engine, article_id: str):
    db = engine.store.db
    text = engine.store.article_text(article_id)
    rows = list(
        db.execute(
            """SELECT qs.start, qs."end", q.text, q.norm, q.kind, s.name,
                      (SELECT count(*) FROM quote_sources x WHERE x.quote_id = q.id)
               FROM quote_sources qs JOIN quotes q ON q.id = qs.quote_id
               JOIN speakers s ON s.id = q.speaker_id
               WHERE qs.article_id = ? ORDER BY qs.start""",
            [article_id],
        )
    )
    return text, rows


def _check_article(engine: Engine, article_id: str) -> None:
    text, rows = _article_rows(engine, article_id)
    if text is None:
        return
    prev_end = -1
    for start, end, qtext, norm, kind, speaker, n in rows:
        assert 0 <= start < end <= len(text)
        span = text[start:end]
        if n == 1:
            # The quote row's text came from this very span.
            assert span == qtext, (span, qtext)
        else:
            # One quote reported by several spans (same words, same speaker): the
            # row keeps the first wording; every span holds the same words.
            assert normalize.normalize(span) == norm, (span, norm)
        assert start >= prev_end, f"quotes overlap at {start} (previous ended at {prev_end})"
        prev_end = end


# -- extraction ---------------------------------------------------------------------


@FAST
@given(article_text)
def test_extraction_never_raises_and_offsets_hold(text):
    article = article_from_text("a", text)
    for q in extract_quotes(article):
        assert article.text[q.start : q.end] == q.text
        assert q.kind in ("statement", "fragment", "paraphrase")


@FAST
@given(st.one_of(any_text, quotey_text, st.binary(max_size=300)))
def test_extraction_never_raises_on_arbitrary_input(data):
    try:
        article = article_from_text("a", data)
    except ValueError:  # NotText: binary or undecodable bytes, reported as a skip
        assert isinstance(data, bytes)
        return
    for q in extract_quotes(article):
        assert article.text[q.start : q.end] == q.text


@FAST
@given(st.one_of(article_text, quotey_text))
def test_stored_offsets_point_at_the_text_and_never_overlap(engine, text):
    aid = f"gen-{next(_ids)}"
    report = engine.ingest_text(aid, text)
    assert report.added == [aid]
    _check_article(engine, aid)


@settings(FAST, max_examples=60)
@given(article_text, article_text)
def test_replacing_an_article_keeps_offsets(engine, first, second):
    aid = f"rep-{next(_ids)}"
    engine.ingest_text(aid, first)
    engine.ingest_text(aid, second)
    _check_article(engine, aid)
    assert engine.store.article_text(aid) == article_from_text(aid, second).text


def test_every_stored_quote_in_the_database_points_at_its_text(engine):
    """After all the generated articles above (and seeds/), across the whole database."""
    for (aid,) in list(engine.store.db.execute("SELECT id FROM articles")):
        _check_article(engine, aid)


# -- verification -------------------------------------------------------------------


@FAST
@given(st.one_of(any_text, quotey_text), st.one_of(st.none(), st.text(max_size=40), name))
def test_verify_never_raises_and_gives_one_verdict(engine, text, speaker):
    ans = engine.verify(text, speaker)
    assert ans.verdict in VERDICTS
    assert sum(ans.verdict == v for v in VERDICTS) == 1


@FAST
@given(st.one_of(any_text, quotey_text))
def test_questions_and_chat_claims_never_raise(engine, text):
    q = claims.parse_question(text)
    assert q.intent in ("verify", "quotes", "source", "search", "help")
    claims.parse_claim(text)
    for c in claims.find_claims(text):
        assert c.speaker and c.text
    ans = engine.ask(text)
    assert ans.verdict is None or ans.verdict in VERDICTS


def _direct_quotes(engine):
    return list(
        engine.store.db.execute(
            "SELECT q.text, s.name FROM quotes q JOIN speakers s ON s.id = q.speaker_id WHERE q.kind != ?",
            [PARAPHRASE],
        )
    )


@FAST
@given(st.data())
def test_a_verbatim_excerpt_of_a_stored_quote_is_verified_for_its_speaker(engine, data):
    quotes = _direct_quotes(engine)
    assume(quotes)
    text, speaker = data.draw(st.sampled_from(quotes))
    cleaned = normalize.clean(text)
    spans = [m.span() for m in WORD_RE.finditer(cleaned) if normalize.norm_token(m.group())]
    assume(spans)
    i = data.draw(st.integers(0, len(spans) - 1))
    j = data.draw(st.integers(i, min(len(spans) - 1, i + 30)))
    excerpt = cleaned[spans[i][0] : spans[j][1]]
    ans = engine.verify(excerpt, speaker)
    assert ans.verdict == VERIFIED, (excerpt, speaker, ans.verdict, ans.note)
    # And with the claimed speaker written into a question.
    ans = engine.ask(f'did {speaker} say "{excerpt}"?')
    assert ans.verdict == VERIFIED, (excerpt, speaker, ans.verdict, ans.note)


# -- normalisation ------------------------------------------------------------------


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.one_of(any_text, quotey_text, st.text(st.characters(), max_size=50)))
def test_normalisation_is_idempotent(text):
    once = normalize.normalize(text)
    assert normalize.normalize(once) == once
    assert normalize.tokens(once) == normalize.tokens(text)
    c = normalize.clean(text)
    assert normalize.clean(c) == c
    for t in normalize.tokens(text):
        assert normalize.norm_token(t) == t and t
