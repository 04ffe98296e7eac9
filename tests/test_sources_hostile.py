"""Whatever bytes arrive as a page, a feed or a dump, ingest reports them and goes on."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotebot import sources
from quotebot.store import _extract_unit

_MARKUP = st.lists(
    st.sampled_from(["<p>", "</p>", "<div>", "</div>", "“", "”", ",” said Ann Lee.", "<![CDATA[", "]]>",
                     "<item>", "</item>", "<rss>", "<content:encoded>", "&amp;", "&#0;", "\x00", "é", "\ud800",
                     "<script>", "</script>", "<!--", "-->", "<html>", "<body>", "Words here"]),
    max_size=60,
).map("".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(st.binary(max_size=400), _MARKUP.map(lambda s: s.encode("utf-8", "surrogatepass"))),
       suffix=st.sampled_from([".html", ".rss", ".jsonl", ".csv", ".dat"]))
def test_any_bytes_give_articles_or_reasons(tmp_path, body, suffix):
    f = tmp_path / f"input{suffix}"
    f.write_bytes(body)
    units, skipped = sources.plan([f])
    for s in skipped:
        assert s.reason and s.path == str(f)
    for unit in units:
        out = _extract_unit(unit)
        # Either an article made ready for writing (with its id) or a reason naming the input.
        assert getattr(out, "id", None) or str(f) in out.reason


def test_json_escaped_lone_surrogate_is_stored(tmp_path):
    from quotebot.engine import Engine

    f = tmp_path / "d.jsonl"
    f.write_text('{"maintext": "\\u201cBroken \\ud800 text,\\u201d said Ola Berg.", "title": "T\\udc00"}\n', encoding="ascii")
    engine = Engine(tmp_path / "q.db")
    report = engine.ingest([f])
    assert report.added == ["d-1"] and not report.skipped
    (match,) = engine.quotes()
    assert match.quote == "Broken \ufffd text"
    assert engine.articles()[0].title == "T\ufffd"
    engine.close()
