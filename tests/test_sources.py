"""Real news in, as users have it: saved pages, feeds, dumps and URLs.

The fixtures under tests/fixtures/sources are invented stories in three page
layouts (a wire service, a newspaper with menus, captions, related stories and
comments, a magazine with JSON-LD only), an RSS and an Atom feed, a
news-please JSONL dump and a CSV with its own field names.
"""

from __future__ import annotations

import functools
import http.server
import json
import threading
import time
from pathlib import Path

import pytest

from quotebot import cli, sources
from quotebot.engine import Engine
from quotebot.errors import InputError
from quotebot.extract import extract_quotes
from quotebot.models import PARAPHRASE
from quotebot.sources import pages

FIX = Path(__file__).resolve().parent / "fixtures" / "sources"
CSV_FIELDS = ["text=body", "title=headline", "url=link", "date=published_at", "author=writer", "outlet=site"]


def page(name: str):
    return pages.article_from_html((FIX / name).read_bytes(), Path(name).stem)


def direct(article) -> set[tuple[str, str]]:
    return {(q.speaker, q.text) for q in extract_quotes(article) if q.kind != PARAPHRASE}


PAGES = {
    "wire.html": dict(
        title="Lakeland water utility fined over river spill",
        byline="Jonas Ekberg",
        published="2026-11-20",
        outlet="Meridian Press",
        url="https://meridianpress.example/world/lakeland-water-fine-20261120",
        first="LAKELAND, Nov 20 (Meridian Press) - A regional court fined",
        quotes={
            ("Helena Marsh", "The company knew its pumps were failing and did nothing for months"),
            ("Anders Holt", "We accept the judgment and we have replaced every pump on that line"),
            ("Mira Castell", "A fine this size is a rounding error for a utility"),
        },
        boilerplate=["Nobody told us", "Sign in", "minimum of 15 minutes"],
    ),
    "gazette.html": dict(
        title="Port strike ends after three weeks",
        byline="Nadia Brennan",
        published="2026-11-14",
        outlet="The Harbour Gazette",
        url="https://harbourgazette.example/news/2026/11/port-strike-ends",
        first="Dock workers at Kellport voted on Friday",
        quotes={
            ("Ruth Okafor", "This deal gives our members the security they asked for"),
            ("Tomas Varga", "We are relieved that the cranes are moving again"),
        },
        boilerplate=["We won", "Typical", "We will not be bullied", "Journalism that matters", "Subscribe now"],
    ),
    "magazine.html": dict(
        title="The quiet fight over the town clock",
        byline="Imogen Reyes",
        published="2026-10-02",
        outlet="Northlight Magazine",
        url="https://northlight.example/essays/town-clock",
        first="Every town has an argument it cannot finish.",
        quotes={
            ("Edwin Pryce", "It is not broken, it is resting"),
            ("Sunita Rao", "We have quotes from three clockmakers and a grant that expires in March"),
        },
        boilerplate=["She listens", "I read it before breakfast", "Best read of the week", "Share this"],
    ),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_metadata_body_and_quotes(name):
    want = PAGES[name]
    a = page(name)
    assert (a.title, a.byline, a.published, a.outlet, a.url) == (
        want["title"], want["byline"], want["published"], want["outlet"], want["url"]
    )
    assert a.paragraphs[0].text.startswith(want["first"])  # the headline is the title, not paragraph 0
    assert all(a.text[p.start : p.end] == p.text for p in a.paragraphs)
    assert "\n\n" in a.text  # blank-line separated, as the brief's .txt layout
    assert direct(a) == want["quotes"]


@pytest.mark.parametrize("name", sorted(PAGES))
def test_boilerplate_gives_no_text_and_no_quotes(name):
    a = page(name)
    for words in PAGES[name]["boilerplate"]:
        assert words not in a.text, f"{words!r} from the page's furniture reached the body"
    spoken = " ".join(q.text for q in extract_quotes(a))
    for words in PAGES[name]["boilerplate"]:
        assert words not in spoken


def test_page_paragraph_layout_matches_txt_path():
    """A page's body goes through article_from_text: the same text as .txt gives the same quotes."""
    from quotebot.articles import article_from_text

    a = page("gazette.html")
    same = article_from_text("gazette", a.text)
    assert [(q.speaker, q.text, q.start, q.end) for q in extract_quotes(a)] == [
        (q.speaker, q.text, q.start, q.end) for q in extract_quotes(same)
    ]


def test_rss_feed_entries_become_articles():
    units, skipped = sources.plan([FIX / "feed.rss"])
    arts = [sources.read_unit(u) for u in units]
    assert [a.title for a in arts] == ["Rail link to the coast approved", "School meals to be free from January"]
    rail = arts[0]
    assert rail.url == "https://valleycourier.example/2026/11/rail-link-approved"
    assert rail.published == "2026-11-09T10:15:00+00:00"
    assert rail.outlet == "Valley Courier" and rail.byline == "Petra Lindqvist"
    assert [p.text[:20] for p in rail.paragraphs] == ["The regional assembl", "“This line will put ", "Farmers along the ro"]
    assert direct(rail) == {
        ("Olaf Brandt", "This line will put the coast within an hour of the capital"),
        ("Gerda Mol", "Nobody has told us where the fences go"),
    }
    assert direct(arts[1]) == {("Amara Osei", "No child should learn on an empty stomach")}
    (why,) = [s.reason for s in skipped]
    assert "1 of 3 entries carry only a summary" in why and "quotebot ingest https://" in why


def test_atom_feed():
    (unit,), skipped = sources.plan([FIX / "feed.atom"])
    a = sources.read_unit(unit)
    assert not skipped
    assert (a.title, a.byline, a.published, a.outlet, a.url) == (
        "Ferry fares frozen for a year", "Sven Aarli", "2026-11-12T09:00:00+00:00", "Fjord Daily",
        "https://fjorddaily.example/ferry-fares-frozen",
    )
    assert direct(a) == {("Ingrid Solberg", "Families here have had enough price rises")}


def test_feed_is_sniffed_whatever_its_name(tmp_path):
    f = tmp_path / "download"
    f.write_bytes((FIX / "feed.atom").read_bytes())
    units, _ = sources.plan([f])
    assert [u.kind for u in units] == ["body-html"]


def test_jsonl_news_please_defaults():
    units, skipped = sources.plan([FIX / "dump.jsonl"])
    arts = [sources.read_unit(u) for u in units]
    museum, bakery, crane = arts
    assert museum.title == "Museum reopens after flood repairs"
    assert museum.byline == "Ben Adeyemi, Carla Munt"
    assert museum.published == "2026-11-07T09:30:00"
    assert museum.outlet == "thecitypost.example"
    assert museum.url == "https://thecitypost.example/culture/museum-reopens"
    assert len(museum.paragraphs) == 3
    assert direct(museum) == {("Lotte Vink", "We saved every painting but one")}
    assert direct(bakery) == {("Piet Janssen", "My grandmother would have laughed")}
    assert crane.url is None and crane.id == "dump-5" and crane.published == "2026-11-09"
    assert [s.reason for s in skipped] == [f"{FIX / 'dump.jsonl'}: line 4 has no text in 'maintext': left out"]
    assert museum.id == sources.meta.id_for_url(museum.url) != bakery.id


def test_csv_with_named_fields():
    units, skipped = sources.plan([FIX / "dump.csv"], fields=CSV_FIELDS)
    hospital, library = (sources.read_unit(u) for u in units)
    assert not skipped
    assert (hospital.title, hospital.byline, hospital.published, hospital.outlet) == (
        "Hospital wing named after nurse", "Rosa Delgado", "2026-11-15T11:00:00+00:00", "Southern Herald"
    )
    assert library.url == "https://southernherald.example/local/library-hours" and library.published == "2026-11-16"
    assert direct(hospital) == {("Marcus Fenn", "She held half this town's hands")}
    assert direct(library) == {("Tove Berg", "Students asked and we listened")}


def test_csv_with_default_fields_says_which_field_to_name():
    units, skipped = sources.plan([FIX / "dump.csv"])
    assert units == []
    (why,) = [s.reason for s in skipped]
    assert "no record has text in 'maintext'" in why and "body" in why and "--field text=FIELD" in why


@pytest.mark.parametrize("bad", [["text"], ["colour=red"], ["text="]])
def test_bad_field_option_is_refused(bad):
    with pytest.raises(InputError, match="--field|Unknown field"):
        sources.plan([FIX / "dump.csv"], fields=bad)


def test_dump_reingest_adds_nothing_and_a_changed_record_replaces(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_bytes((FIX / "dump.jsonl").read_bytes())
    engine = Engine(tmp_path / "q.db")
    first = engine.ingest([dump])
    assert len(first.added) == 3 and first.quotes >= 3
    again = engine.ingest([dump])
    assert (again.added, again.replaced, len(again.unchanged)) == ([], [], 3)
    lines = dump.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["maintext"] = record["maintext"].replace("would have laughed", "would have cried")
    lines[1] = json.dumps(record, ensure_ascii=False)
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    changed = engine.ingest([dump])
    assert changed.replaced == [sources.meta.id_for_url(record["url"])] and not changed.added
    words = {m.quote for m in engine.quotes(speaker="Piet Janssen")}
    assert words == {"My grandmother would have cried"}
    engine.close()


def test_duplicate_urls_in_one_dump_are_left_out_with_a_reason(tmp_path):
    rec = {"title": "T", "maintext": "“Yes,” said Al Barr.", "url": "https://x.example/a"}
    dump = tmp_path / "d.ndjson"
    dump.write_text(json.dumps(rec) + "\n" + json.dumps(rec) + "\nnot json\n", encoding="utf-8")
    units, skipped = sources.plan([dump])
    assert len(units) == 1
    assert [s.reason.split(": ", 1)[1] for s in skipped] == [
        "line 2 repeats line 1 (same URL): left out",
        "line 3 is not JSON (Expecting value): left out",
    ]


def test_folder_of_pages_and_txt(tmp_path):
    for name in PAGES:
        (tmp_path / name).write_bytes((FIX / name).read_bytes())
    (tmp_path / "note.txt").write_text("Title\n\n“Plain words,” said Ola Nord.\n", encoding="utf-8")
    (tmp_path / "feed.rss").write_bytes((FIX / "feed.rss").read_bytes())  # feeds are named, not walked
    engine = Engine(tmp_path / "q.db")
    report = engine.ingest([tmp_path])
    assert sorted(report.added) == ["gazette", "magazine", "note", "wire"]
    info = {a.id: a for a in engine.articles()}
    assert info["wire"].url == PAGES["wire.html"]["url"] and info["note"].url is None
    engine.close()


def test_txt_units_read_exactly_as_before(tmp_path):
    from quotebot.articles import read_article
    from quotebot.store import _extract_ready, _extract_unit

    f = tmp_path / "a.txt"
    f.write_bytes("Head\r\n\r\n\ufeff“Same,” said Eva Lund.\x07\n".encode())
    (unit,), _ = sources.plan([f])
    assert _extract_unit(unit) == _extract_ready(str(f))
    assert sources.read_unit(unit).digest == read_article(f).digest


# -- URLs -------------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    """The fixtures folder served on 127.0.0.1 at a random port: nothing leaves the machine."""
    handler = functools.partial(_Quiet, directory=str(FIX))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_is_fetched_and_ingested(site, tmp_path):
    engine = Engine(tmp_path / "q.db")
    report = engine.ingest([f"{site}/wire.html"])
    want = PAGES["wire.html"]
    # The page's canonical URL names the article, not the address it was fetched from.
    assert report.added == [sources.meta.id_for_url(want["url"])] and not report.skipped
    (info,) = engine.articles()
    assert (info.url, info.published, info.outlet) == (want["url"], want["published"], want["outlet"])
    again = engine.ingest([f"{site}/wire.html?utm_source=chat"])
    assert len(again.unchanged) == 1 and not again.added
    engine.close()


def test_fetched_feed_is_read_as_a_feed(site, tmp_path):
    engine = Engine(tmp_path / "q.db")
    report = engine.ingest([f"{site}/feed.atom"])
    assert len(report.added) == 1
    assert engine.articles()[0].outlet == "Fjord Daily"
    engine.close()


def test_unreachable_or_missing_url_loses_nothing(site, tmp_path):
    engine = Engine(tmp_path / "q.db")
    engine.ingest([FIX / "dump.jsonl"])
    before = engine.store.counts()
    closed = http.server.HTTPServer(("127.0.0.1", 0), _Quiet)
    dead = f"http://127.0.0.1:{closed.server_address[1]}/story"
    closed.server_close()  # nobody listens there now
    report = engine.ingest([f"{site}/no-such-story.html", dead, FIX / "feed.atom"])
    reasons = dict(report.skipped)
    assert "HTTP 404" in reasons[f"{site}/no-such-story.html"]
    assert "no connection" in reasons[dead]
    for why in reasons.values():
        assert why.startswith("could not fetch ") and "check the address or your connection; nothing was changed" in why
    assert len(report.added) == 1  # the rest of the batch still loads
    after = engine.store.counts()
    assert after["articles"] == before["articles"] + 1 and after["quotes"] > before["quotes"]
    engine.close()


def test_oversized_download_is_cut_off(site):
    from quotebot.sources import web

    with pytest.raises(web.FetchError, match="limit"):
        web.fetch(f"{site}/wire.html", max_bytes=1000)


# -- bad input --------------------------------------------------------------


def _skip_reason(tmp_path, name: str, data: bytes) -> tuple[str, float]:
    f = tmp_path / name
    f.write_bytes(data)
    engine = Engine(tmp_path / "q.db")
    started = time.perf_counter()
    report = engine.ingest([f])
    took = time.perf_counter() - started
    engine.close()
    assert not report.added
    ((path, reason),) = report.skipped
    assert path == str(f)
    return reason, took


def test_page_without_article_text(tmp_path):
    html = b"<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    reason, _ = _skip_reason(tmp_path, "index.html", html)
    assert "no article text found" in reason and ".txt" in reason


def test_binary_file_named_html(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40
    reason, _ = _skip_reason(tmp_path, "photo.html", png)
    assert "binary data, not an HTML page" in reason


def test_wide_html_bomb_fails_fast(tmp_path):
    bomb = b"<html><body>" + b"<p>x</p>" * 400_000 + b"</body></html>"  # 3.2 MB, 800,000 tags
    reason, took = _skip_reason(tmp_path, "bomb.html", bomb)
    assert "HTML tags (the limit is 60,000)" in reason
    assert took < 5  # trafilatura would take about 25 s on this


def test_deep_html_bomb_fails_fast(tmp_path):
    n = 25_000  # under the tag limit: lxml itself stops at its nesting limit
    bomb = b"<html><body>" + b"<div>" * n + "<p>“Deep,” said Ann Lee.</p>".encode() + b"</div>" * n + b"</body></html>"
    reason, took = _skip_reason(tmp_path, "deep.html", bomb)
    assert "no article text found" in reason
    assert took < 5


def test_huge_page_is_refused_before_parsing(tmp_path):
    data = b"<html><body><p>" + b"word " * (pages.MAX_PAGE_BYTES // 5 + 10) + b"</p></body></html>"
    reason, took = _skip_reason(tmp_path, "huge.html", data)
    assert "page too large" in reason and took < 5


def test_latin1_bytes_in_a_page_declared_utf8(tmp_path):
    html = (FIX / "gazette.html").read_text(encoding="utf-8")
    html = html.replace("Dock workers at Kellport", "Dock workers at Kellport’s café")
    data = html.encode("cp1252")  # curly quotes and é as single bytes, charset still says utf-8
    f = tmp_path / "latin.html"
    f.write_bytes(data)
    a = pages.article_from_html(data, "latin")
    assert "café" in a.text
    assert direct(a) == PAGES["gazette.html"]["quotes"]


def test_ten_thousand_entry_feed(tmp_path):
    items = "".join(
        f"<item><title>Story {i}</title><link>https://big.example/s/{i}</link>"
        f"<pubDate>Tue, 03 Nov 2026 09:{i % 60:02d}:00 GMT</pubDate>"
        f"<content:encoded><![CDATA[<p>“Item {i} is ready,” said Ada Berg.</p>]]></content:encoded></item>"
        for i in range(10_000)
    )
    feed = tmp_path / "big.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Big</title>{items}</channel></rss>",
        encoding="utf-8",
    )
    engine = Engine(tmp_path / "q.db")
    seen = []
    started = time.perf_counter()
    report = engine.ingest([feed], progress=lambda done, total: seen.append((done, total)))
    took = time.perf_counter() - started
    assert len(report.added) == 10_000 and report.quotes == 10_000
    assert seen[-1] == (10_000, 10_000) and len(seen) == 10_000
    assert took < 60  # about 5 s on the project's machine
    engine.close()


def test_bad_files_skip_alone_and_keep_what_is_stored(tmp_path):
    engine = Engine(tmp_path / "q.db")
    engine.ingest([FIX / "feed.rss"])
    before = engine.store.counts()
    (tmp_path / "empty.html").write_bytes(b"<html><body></body></html>")
    (tmp_path / "blob.htm").write_bytes(b"\x00\x01\x02" * 1000)
    (tmp_path / "wire.html").write_bytes((FIX / "wire.html").read_bytes())
    bad_feed = tmp_path / "broken.xml"
    bad_feed.write_bytes(b"<?xml version='1.0'?><rss><channel><title>x</title></channel")
    report = engine.ingest([tmp_path, bad_feed, FIX / "feed.rss"])
    assert report.added == ["wire"] and len(report.unchanged) == 2
    reasons = dict(report.skipped)
    assert set(reasons) >= {str(tmp_path / "empty.html"), str(tmp_path / "blob.htm"), str(bad_feed)}
    assert "not an RSS/Atom feed" in reasons[str(bad_feed)]
    after = engine.store.counts()
    assert after["articles"] == before["articles"] + 1 and after["quotes"] > before["quotes"]
    engine.close()


# -- workers, progress, CLI -----------------------------------------------


def _quote_table(engine):
    return sorted((m.speaker, m.quote, m.sources[0].article, m.sources[0].url) for m in engine.quotes())


def test_workers_spread_feed_and_dump_records(tmp_path):
    inputs = [FIX / "feed.rss", FIX / "dump.jsonl", FIX / "wire.html", FIX / "gazette.html"]
    one, two = Engine(tmp_path / "one.db"), Engine(tmp_path / "two.db")
    r1, r2 = one.ingest(inputs), two.ingest(inputs, workers=2)
    assert sorted(r1.added) == sorted(r2.added) and len(r1.added) == 7
    assert _quote_table(one) == _quote_table(two)
    one.close(), two.close()


def test_cli_end_to_end_answers_carry_url_and_date(tmp_path, capsys):
    db = str(tmp_path / "q.db")
    argv = ["--db", db, "ingest", str(FIX / "dump.csv"), str(FIX / "gazette.html"),
            *sum((["--field", f] for f in CSV_FIELDS), []), "--json"]
    assert cli.main(argv) == 0
    out, err = capsys.readouterr()
    assert len(json.loads(out)["added"]) == 3
    assert err == ""  # no progress bar when stderr is not a terminal, nor with --json
    assert cli.main(["--db", db, "verify", "we are relieved that the cranes are moving again",
                     "--speaker", "Varga", "--json"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert d["verdict"] == "verified"
    src = d["matches"][0]["sources"][0]
    assert src["url"] == PAGES["gazette.html"]["url"] and src["published"] == "2026-11-14"
    assert src["outlet"] == "The Harbour Gazette" and src["title"] == "Port strike ends after three weeks"
    assert cli.main(["--db", db, "ask", 'did Tove Berg say "students asked and we listened"?', "--json"]) == 0
    src = json.loads(capsys.readouterr().out)["matches"][0]["sources"][0]
    assert (src["url"], src["published"]) == ("https://southernherald.example/local/library-hours", "2026-11-16")


def test_cli_bad_field_exits_2(tmp_path, capsys):
    code = cli.main(["--db", str(tmp_path / "q.db"), "ingest", str(FIX / "dump.csv"), "--field", "colour=red"])
    assert code == 2
    assert "Unknown field 'colour'" in capsys.readouterr().err


def test_cli_progress_bar_on_a_terminal(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    assert cli.main(["--db", str(tmp_path / "q.db"), "ingest", str(FIX / "feed.rss")]) == 0
    err = capsys.readouterr().err
    assert "/2 [" in err and "article/s" in err  # tqdm drew its bar (and cleared it at the end)


def test_cli_json_stays_silent_on_a_terminal(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    assert cli.main(["--db", str(tmp_path / "q.db"), "ingest", str(FIX / "feed.rss"), "--json"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and len(json.loads(out)["added"]) == 2


def test_page_without_date_metadata_has_no_date():
    html = (FIX / "gazette.html").read_text(encoding="utf-8")
    html = html.replace('<meta property="article:published_time" content="2026-11-14T08:30:00+00:00">', "")
    html = html.replace("Dock workers at Kellport voted on Friday", "Dock workers at Kellport, idle since 3 March 2019, voted on Friday")
    a = pages.article_from_html(html.encode(), "nodate")
    assert a.published is None and a.title == PAGES["gazette.html"]["title"]


def test_cp1252_csv_export_reads_its_accents(tmp_path):
    f = tmp_path / "export.csv"
    f.write_bytes(
        "title;maintext;url\n"
        "Café reopens;“We missed our regulars,” said owner Zoë Marchetti, who runs the café.;https://x.example/cafe\n"
        .encode("cp1252")
    )
    (unit,), skipped = sources.plan([f])
    a = sources.read_unit(unit)
    assert not skipped and a.title == "Café reopens"
    assert direct(a) == {("Zoë Marchetti", "We missed our regulars")}
