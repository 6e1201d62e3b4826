"""Reading documents: encodings, newlines, Markdown and HTML structure, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.documents import DocumentError, from_html, from_markdown, from_text, read_path
from app.model import BlockKind

TEXT = "Le ministre a parlé d’un accord — «très proche».\nSecond paragraph here."


@pytest.mark.parametrize(
    ("encoded", "name"),
    [
        (TEXT.encode("utf-8"), "utf8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf8-bom"),
        (TEXT.encode("utf-16"), "utf16-bom"),
        (TEXT.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf16be-bom"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_common_encodings_decode_to_the_same_text(
    tmp_path: Path, encoded: bytes, name: str
) -> None:
    p = tmp_path / f"{name}.txt"
    p.write_bytes(encoded)
    doc = read_path(p)
    assert doc.text == TEXT
    assert [doc.text[b.start : b.end] for b in doc.blocks] == TEXT.split("\n")
    assert len(doc.sha256) == 64


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_any_newline_style(tmp_path: Path, newline: str) -> None:
    p = tmp_path / "n.txt"
    p.write_bytes(newline.join(["One line here.", "", "Another para."]).encode())
    doc = read_path(p)
    assert "\r" not in doc.text
    assert [doc.text[b.start : b.end] for b in doc.blocks] == ["One line here.", "Another para."]


def test_blank_lines_separate_paragraphs_and_soft_wraps_stay_inside() -> None:
    doc = from_text("First line\nwraps here.\n\nSecond paragraph.\n")
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "First line\nwraps here.",
        "Second paragraph.",
    ]


def test_plain_text_heading_is_detected() -> None:
    doc = from_text("Black Sea\n\nThe two sides agreed to a truce at sea.\n")
    assert doc.blocks[0].kind is BlockKind.HEADING
    assert doc.blocks[1].kind is BlockKind.PARAGRAPH


def test_a_heading_straight_above_its_paragraph_is_a_heading() -> None:
    """QA: "Energy" on the line above its text became part of the first claim."""
    text = (
        "Talks of the Northern Council\n\nEnergy\nThe Council agreed to build a line.\n\n"
        "Fisheries\nQuotas for cod will fall by 15 percent next year.\n"
    )
    doc = from_text(text)
    kinds = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert kinds[1:] == [
        (BlockKind.HEADING, "Energy"),
        (BlockKind.PARAGRAPH, "The Council agreed to build a line."),
        (BlockKind.HEADING, "Fisheries"),
        (BlockKind.PARAGRAPH, "Quotas for cod will fall by 15 percent next year."),
    ]


@pytest.mark.parametrize(
    "first",
    [
        "MOSCOW, March 3",  # a dateline
        "WASHINGTON —",
        "Tuesday, March 3, 2024",  # a date
        "Dear Mr President",  # a greeting
        "The sides agreed to",  # a clause that goes on
    ],
)
def test_a_line_over_its_paragraph_that_is_no_heading(first: str) -> None:
    """Review: a dateline over the text made the whole comparison one topic."""
    body = "The ministers held talks in the capital on energy, trade and the border."
    text = f"{first}\n{body}\n\nEnergy\nThey agreed on a line.\n\nTrade\nIt grew by a tenth.\n"
    doc = from_text(text)
    assert doc.text[doc.blocks[0].start : doc.blocks[0].end] == f"{first}\n{body}"
    assert [b.kind for b in doc.blocks].count(BlockKind.HEADING) == 2  # Energy, Trade


def test_one_sentence_over_two_lines_and_a_lone_header_line_stay_whole() -> None:
    # the next line goes on with the sentence: "… 3 hours" / "and covered …"
    doc = from_text(
        "The talks lasted 3 hours\nand covered energy, trade and the situation in the region."
        "\n\nEnergy\nThey agreed on a line.\n\nTrade\nIt grew by a tenth.\n"
    )
    assert doc.blocks[0].kind is BlockKind.PARAGRAPH and "\n" in doc.text[: doc.blocks[0].end]
    # one such line only is more often a letterhead or a dateline than a heading
    doc = from_text("Press Service of the Ministry\nSmolenskaya Square 32, Moscow.\n\nEnd.\n")
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_a_hard_wrapped_paragraph_keeps_its_first_line() -> None:
    text = (
        "The ministers of the two countries met in the capital on Monday and\n"
        "agreed to resume the talks on the border crossings next month.\n\n"
        "Both sides agreed to meet again in the spring of next\n"  # ten words, no stop
        "year and to keep the hotline open at all times, day or night.\n"
    )
    doc = from_text(text)
    assert [b.kind for b in doc.blocks] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]


def test_a_table_row_is_one_line_of_data_not_a_claim_per_cell() -> None:
    """QA: a Markdown table made "Item" and "14" claims of their own."""
    doc = from_markdown(
        "The list covers these targets.\n\n| Item | Days |\n|---|---|\n"
        "| Oil refineries | 30 |\n| Pipelines | 14 |\n"
    )
    assert [doc.text[b.start : b.end] for b in doc.blocks] == [
        "The list covers these targets.",
        "Item | Days",
        "Oil refineries | 30",
        "Pipelines | 14",
    ]
    # a page laid out in a table keeps its long cells apart
    article = "The ministers met in the capital and agreed on a plan. " * 8
    page = from_html(f"<table><tr><td><p>{article}</p></td><td>Contact us</td></tr></table>")
    assert len(page.blocks) == 2


def test_markdown_keeps_headings_as_structure() -> None:
    doc = from_markdown(
        "# Talks\n\nThey met *twice*.\n\n## Prisoners\n\n- 30 released\n- more later\n"
    )
    kinds = [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks]
    assert kinds[0] == (BlockKind.HEADING, "Talks")
    assert kinds[1] == (BlockKind.PARAGRAPH, "They met twice.")
    assert kinds[2] == (BlockKind.HEADING, "Prisoners")
    assert (BlockKind.ITEM, "30 released") in kinds


def test_html_article_text_only() -> None:
    html = """<html><head><title>T</title><style>p{color:red}</style>
    <script>var x = "not text";</script></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <div class="cookie-banner">We use cookies</div>
    <article><h1>Leaders spoke</h1><p>The call lasted <b>two</b> hours.</p>
    <p>They agreed &amp; parted.</p></article>
    <footer>Copyright</footer></body></html>"""
    doc = from_html(html)
    assert doc.text == "Leaders spoke\n\nThe call lasted two hours.\n\nThey agreed & parted."
    assert doc.blocks[0].kind is BlockKind.HEADING


def test_html_without_article_uses_body(tmp_path: Path) -> None:
    p = tmp_path / "page.htm"
    p.write_text("<body><p>Only paragraph.</p><script>bad()</script></body>", encoding="utf-8")
    assert read_path(p).text == "Only paragraph."


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"   \n\n \t", "empty"),
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        (b"\x81\x8d\x8f\x90\x9d" * 10, "cannot decode"),
        (b"<html><body><script>x()</script></body></html>", "empty"),
    ],
)
def test_bad_content_is_refused_with_a_clear_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    p = tmp_path / ("x.html" if content.startswith(b"<html") else "x.txt")
    p.write_bytes(content)
    with pytest.raises(DocumentError, match=message):
        read_path(p)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(DocumentError, match="folder"):
        read_path(tmp_path)
