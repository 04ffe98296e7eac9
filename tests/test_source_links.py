"""Answers name the page a quote came from: outlet, date and URL in the CLI, a link in Discord."""

from __future__ import annotations

from quotebot.answers import Match, Source
from quotebot.bot.embeds import source_line
from quotebot.render import match_text


def _match(**source) -> Match:
    s = Source(article="gazette", title="Port strike ends", paragraph=1, start=0, end=10,
               context="“It is over,” said Ruth Okafor.", **source)
    return Match(id=1, quote="It is over", speaker="Ruth Okafor", role=None, kind="statement", sources=[s])


def test_cli_source_line_shows_outlet_date_and_url():
    text = match_text(_match(url="https://gazette.example/a", published="2026-11-14",
                             outlet="The Harbour Gazette"), scored=False)
    assert "in gazette (Port strike ends), paragraph 2" in text
    assert "The Harbour Gazette · 2026-11-14 · https://gazette.example/a" in text


def test_cli_plain_text_article_has_no_extra_line():
    text = match_text(_match(), scored=False)
    assert "http" not in text and " · 20" not in text
    assert len(text.splitlines()) == 4


def test_discord_source_line_links_to_the_page():
    line = source_line(_match(url="https://gazette.example/a(1)", published="2026-11-14T08:00:00"))
    assert line == "[Port strike ends (¶2), 2026-11-14](https://gazette.example/a(1%29)"


def test_discord_source_line_without_url_is_plain():
    assert source_line(_match()) == "Port strike ends (¶2)"
    # Only web links are linked; anything else stays text.
    assert source_line(_match(url="javascript:alert(1)")) == "Port strike ends (¶2)"
