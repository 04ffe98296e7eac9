"""Reading article files: decoding, cleaning, paragraphs, titles, bylines, skipping non-text."""

from __future__ import annotations

import hashlib

import pytest

from quotebot.articles import NotText, article_from_text, iter_articles, read_article
from quotebot.models import Article, Skipped


def test_paragraph_offsets_point_into_text():
    """Every paragraph's offsets must slice its own text out of Article.text."""
    text = "Harbour Plan Stalls\n\nThe council met on Monday.\nIt voted no.\n\n  Indented line.  \n"
    art = article_from_text("a1", text)
    assert [p.text for p in art.paragraphs] == [
        "Harbour Plan Stalls", "The council met on Monday.", "It voted no.", "Indented line."]
    for p in art.paragraphs:
        assert art.text[p.start:p.end] == p.text
    assert [p.index for p in art.paragraphs] == [0, 1, 2, 3]


def test_bom_and_crlf_are_normalised():
    """A UTF-8 BOM is dropped and CRLF/CR become \\n, so offsets are stable across platforms."""
    raw = "\ufeffTitle Here\r\n\r\nFirst line.\rSecond line.\r\n".encode("utf-8")
    art = article_from_text("crlf", raw)
    assert art.text == "Title Here\n\nFirst line.\nSecond line.\n"
    assert art.title == "Title Here"
    assert [p.text for p in art.paragraphs] == ["Title Here", "First line.", "Second line."]


def test_control_characters_become_spaces_keeping_length():
    """Stray control characters are replaced one-for-one so offsets keep their meaning."""
    raw = "Mayor\x07 Lin said\x0b yes.\x1b"
    art = article_from_text("ctl", raw)
    assert art.text == "Mayor  Lin said  yes. "
    assert len(art.text) == len(raw)


def test_unicode_spaces_become_plain_spaces_keeping_length():
    """A no-break or thin space reads as a space to every rule, and offsets stay."""
    raw = "Ruiz said on\u00a0“Meet the Press”\u2009today,\u3000and left.\u202f"
    art = article_from_text("sp", raw)
    assert art.text == "Ruiz said on “Meet the Press” today, and left. "
    assert len(art.text) == len(raw)


def test_digest_is_sha256_of_clean_text():
    """The digest identifies the cleaned text, so a changed file is detected."""
    art = article_from_text("d", b"One.\r\nTwo.")
    assert art.digest == hashlib.sha256("One.\nTwo.".encode()).hexdigest()


def test_title_only_when_first_line_looks_like_a_headline():
    """A short first line without a final period is a title; body text is not."""
    assert article_from_text("t", "Ferry Strike Ends After Ten Days\n\nBody text.").title == \
        "Ferry Strike Ends After Ten Days"
    assert article_from_text("t", "The ferry strike ended on Friday after ten days.\n\nMore.").title is None


@pytest.mark.parametrize(
    "text, byline",
    [
        ("Headline\n\nBy Jane Okafor\n\nBody.", "Jane Okafor"),
        ("Headline\n\nBody.\n\nTomas Berg – Harbour Gazette", "Tomas Berg – Harbour Gazette"),
        ("Headline\n\nBody.\n\nThis article is republished from The Coastal Review under a licence.",
         "The Coastal Review"),
    ],
)
def test_byline_forms(text, byline):
    """The common byline/credit forms are picked up, best effort."""
    assert article_from_text("b", text).byline == byline


def test_read_article_uses_file_stem_as_id(tmp_path):
    """The article id is the file name without extension."""
    f = tmp_path / "harbour_story.txt"
    f.write_text("Headline\n\nText.", encoding="utf-8")
    art = read_article(f)
    assert isinstance(art, Article)
    assert art.id == "harbour_story" and art.path == str(f)


def test_binary_file_is_skipped_with_reason(tmp_path):
    """A file with NUL bytes is not an article: Skipped names the file and says why."""
    (tmp_path / "a.txt").write_text("Good one.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x00\x00\x00binary")
    (tmp_path / "c.txt").write_bytes(b"caf\xe9 au lait")  # Latin-1, not UTF-8
    out = list(iter_articles([tmp_path]))
    assert [type(x).__name__ for x in out] == ["Article", "Skipped", "Skipped"]
    assert out[1].path.endswith("b.txt") and "NUL" in out[1].reason and "b.txt" in out[1].reason
    assert out[2].path.endswith("c.txt") and "UTF-8" in out[2].reason


def test_folders_are_walked_recursively_sorted(tmp_path):
    """Folders yield their *.txt files recursively, in sorted order; other files are ignored."""
    (tmp_path / "z.txt").write_text("Z.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    ids = [a.id for a in iter_articles(tmp_path)]
    assert ids == ["a", "z"]


def test_missing_file_is_skipped_not_raised(tmp_path):
    """A path that does not exist is reported, not raised."""
    out = list(iter_articles([tmp_path / "nope.txt"]))
    assert len(out) == 1 and isinstance(out[0], Skipped) and "no such file" in out[0].reason


def test_not_text_is_a_value_error():
    """article_from_text raises NotText (a ValueError) on binary input."""
    with pytest.raises(NotText):
        article_from_text("x", b"abc\x00def")
    assert issubclass(NotText, ValueError)


def test_empty_input_gives_empty_article():
    """Empty files are valid articles with no paragraphs."""
    art = article_from_text("e", b"")
    assert art.text == "" and art.paragraphs == [] and art.title is None
