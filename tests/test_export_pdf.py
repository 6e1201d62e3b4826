"""The PDF brief, read back with QtPdf: pages, text, colours, scripts, paper."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFontDatabase, QImage
from PySide6.QtPdf import QPdfDocument

from app import brief_style
from app.brief import BriefOptions, build_brief
from tests.export_support import (
    CHINESE_A,
    CHINESE_B,
    CYRILLIC_A,
    CYRILLIC_B,
    GREEK_A,
    GREEK_B,
    LABEL_A,
    SENTENCES_A,
    SENTENCES_B,
    hand_made_long,
    lexical,
    reviewed,
)
from ui.pdf_export import export_html, export_markdown, export_pdf, render_pdf

pytestmark = pytest.mark.gui


def load(path: Path, qapp) -> QPdfDocument:  # type: ignore[no-untyped-def]
    doc = QPdfDocument(qapp)
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    return doc


def page_texts(doc: QPdfDocument) -> list[str]:
    return [" ".join(doc.getAllText(i).text().split()) for i in range(doc.pageCount())]


def tint_pixels(image: QImage, colour: str, tolerance: int = 6) -> int:
    """How many pixels of ``image`` are within ``tolerance`` of ``colour`` per channel."""
    want = QColor(colour)
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = bytes(rgb.constBits())[: rgb.sizeInBytes()]
    stride, w = rgb.bytesPerLine(), rgb.width()
    count = 0
    r0, g0, b0 = want.red(), want.green(), want.blue()
    for y in range(rgb.height()):
        row = data[y * stride : y * stride + 3 * w]
        for x in range(0, 3 * w, 3):
            if (abs(row[x] - r0) <= tolerance and abs(row[x + 1] - g0) <= tolerance
                    and abs(row[x + 2] - b0) <= tolerance):  # fmt: skip
                count += 1
    return count


def test_pdf_carries_both_sides_omissions_notes_and_page_numbers(qapp, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    pages = export_pdf(reviewed(), BriefOptions(), out)
    doc = load(out, qapp)
    assert doc.pageCount() == pages >= 1
    text = " ".join(page_texts(doc))
    for _topic, sentence in SENTENCES_A + SENTENCES_B:
        assert sentence in text
    assert f"Only in {LABEL_A}" in text and "Only in State <Department> & Co" in text
    assert "Thirty or sixty?" in text
    assert f"Page 1 of {pages}" in text
    assert "differs" in text and not re.search("[\ufb00-\ufb06]", text)  # no ligatures
    assert doc.metaData(QPdfDocument.MetaDataField.Title) == build_brief(reviewed()).title


def test_first_page_shows_the_highlight_colours(qapp, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    export_pdf(reviewed(), BriefOptions(), out)
    image = load(out, qapp).render(0, QSize(620, 877))
    assert not image.isNull()
    for tint in (brief_style.SAME_TINT, brief_style.DIFFERS_TINT, brief_style.ONLY_TINT):
        assert tint_pixels(image, tint) > 300, tint


@pytest.mark.parametrize(
    ("a", "b", "script"),
    [
        (CYRILLIC_A, CYRILLIC_B, "Cyrillic"),
        (GREEK_A, GREEK_B, "Greek"),
        (CHINESE_A, CHINESE_B, "SimplifiedChinese"),
    ],
)
def test_non_latin_text_round_trips(qapp, tmp_path: Path, a: str, b: str, script: str) -> None:
    system = getattr(QFontDatabase.WritingSystem, script)
    if not QFontDatabase.families(system):
        pytest.skip(f"no font for {script} on this machine")
    cmp = lexical(a, b, "Первый — A", "Второй — B")
    out = tmp_path / "brief.pdf"
    export_pdf(cmp, BriefOptions(full_texts=True), out)
    text = "".join("".join(page_texts(load(out, qapp))).split())
    for claim in cmp.claims:
        assert "".join(claim.text.split()) in text
    assert "Первый—A" in text


@pytest.mark.parametrize(
    ("size", "landscape", "points"),
    [
        ("A4", False, (595, 842)),
        ("A4", True, (842, 595)),
        ("Letter", False, (612, 792)),
        ("Letter", True, (792, 612)),
    ],
)
def test_paper(qapp, tmp_path: Path, size: str, landscape: bool, points: tuple[int, int]) -> None:
    out = tmp_path / "brief.pdf"
    export_pdf(reviewed(), BriefOptions(page_size=size, landscape=landscape), out)
    page = load(out, qapp).pagePointSize(0)
    assert (round(page.width()), round(page.height())) == points


def test_long_brief_breaks_pages_without_cutting_or_repeating_lines(qapp, tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    pages = export_pdf(hand_made_long(90), BriefOptions(provenance=False), out)
    texts = page_texts(load(out, qapp))
    assert len(texts) == pages > 2
    for n, text in enumerate(texts, 1):
        assert f"Page {n} of {pages}" in text
    everything = " ".join(texts)
    for i in range(90):
        # once on each side of the table: a line cut by a page break would show twice
        assert len(re.findall(rf"Envoy number {i} arrived", everything)) == 2, i


def test_writes_atomically_and_replaces(tmp_path: Path, qapp) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")
    export_pdf(reviewed(), None, out)
    export_html(reviewed(), None, tmp_path / "brief.html")
    export_markdown(reviewed(), None, tmp_path / "brief.md")
    assert out.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.html", "brief.md", "brief.pdf"]


def test_failed_write_leaves_the_old_file(tmp_path: Path, qapp, monkeypatch) -> None:
    out = tmp_path / "brief.pdf"
    out.write_bytes(b"old")

    def boom(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("ui.pdf_export.atomic_write_bytes", boom)
    with pytest.raises(OSError):
        export_pdf(reviewed(), None, out)
    assert out.read_bytes() == b"old"


def test_readout_sized_pair_is_fast(qapp) -> None:
    import time

    state = reviewed()
    start = time.perf_counter()
    data, _pages = render_pdf(state, BriefOptions(full_texts=True))
    assert time.perf_counter() - start < 2.0
    assert data.startswith(b"%PDF")


def test_a_table_that_goes_on_repeats_its_header(qapp, tmp_path: Path) -> None:
    out = tmp_path / "long.pdf"
    pages = export_pdf(hand_made_long(90), BriefOptions(provenance=False), out)
    texts = page_texts(load(out, qapp))
    assert pages > 2
    for n, text in enumerate(texts[1:], 2):
        # the labels above the two columns, again at the top of every page of the table
        assert re.match(r"Left Right [✓≠]", text), (n, text[:60])


def test_a_header_row_never_stands_alone_on_a_page(qapp, tmp_path: Path) -> None:
    """A page that starts just after a table (with the next topic's heading) does not
    repeat that table's header row: the table's frame reaches below its last row, over
    the top of the heading, which made the page look as if it started inside the table."""
    from dataclasses import replace

    from app.model import Topic
    from app.review import ReviewState

    after_a_table = 0
    for per_topic in range(5, 15):  # six topics each: page breaks fall here and there
        cmp = hand_made_long(6 * per_topic)
        claims = tuple(replace(c, topic=f"t{int(c.id[1:]) // per_topic}") for c in cmp.claims)
        topics = tuple(Topic(f"t{k}", f"Envoys {k}") for k in range(6))
        out = tmp_path / f"topics-of-{per_topic}.pdf"
        export_pdf(ReviewState(replace(cmp, claims=claims, topics=topics)),
                   BriefOptions(summary=False, legend=False, provenance=False), out)  # fmt: skip
        for n, text in enumerate(page_texts(load(out, qapp))[1:], 2):
            if text.startswith("Left Right"):  # the header row, repeated: a row goes on
                assert re.match(r"Left Right [✓≠] (same|differs) Envoy", text), (n, text[:60])
            after_a_table += bool(re.match(r"\d+\. Envoys \d+ Left Right", text))
    assert after_a_table >= 2, "no page break fell just after a table: try other sizes"


def test_a_short_table_is_not_split(qapp) -> None:
    from PySide6.QtGui import QTextDocument, QTextTable

    from ui.pdf_pages import page_tops

    doc = QTextDocument()
    rows = "".join(f"<tr><td>key {i}</td><td>value {i}</td></tr>" for i in range(8))
    doc.setHtml("<p>filler</p>" * 40 + f"<table>{rows}</table>")
    doc.setTextWidth(400)
    table = next(f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable))
    box = doc.documentLayout().frameBoundingRect(table)
    for height in (box.bottom() - 20, box.bottom() - box.height() / 2):
        tops = page_tops(doc, height)
        assert len(tops) == 2
        assert not any(box.top() + 1 < t < box.bottom() - 1 for t in tops), (height, tops)


def test_header_of_a_right_to_left_title_reads_left_to_right(qapp, tmp_path: Path) -> None:
    from PySide6.QtCore import QPointF

    cmp = lexical("Talks were held in Cairo on 3 May.", "Talks were held in Cairo on 5 May.",
                  "الخارجية", "Reuters")  # fmt: skip
    out = tmp_path / "rtl.pdf"
    export_pdf(cmp, BriefOptions(), out)
    doc = load(out, qapp)
    # the header's first words on the left: the brief's title as written, Arabic first
    left = doc.getSelection(0, QPointF(50, 38), QPointF(60, 50)).text()
    assert "and" not in left and re.search("[\u0600-\u06ff]", left), left


def test_table_cells_have_room_between_columns(qapp) -> None:
    """The text of two neighbouring cells is kept about 2.5 mm apart (not run together,
    not spread out): cellpadding is left to Qt's own scaling for the PDF device."""
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QPdfWriter, QTextTable

    from ui.pdf_paint import RESOLUTION, layout_document

    writer = QPdfWriter(QBuffer())
    writer.setResolution(RESOLUTION)
    mm = RESOLUTION / 25.4
    doc = layout_document(build_brief(reviewed()), writer, 180 * mm)
    layout = doc.documentLayout()
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    pairs = next(t for t in tables if t.columns() == 3 and t.rows() > 2)
    left = layout.blockBoundingRect(pairs.cellAt(1, 1).firstCursorPosition().block())
    right = layout.blockBoundingRect(pairs.cellAt(1, 2).firstCursorPosition().block())
    gap = right.left() - left.right()
    assert 1.5 * mm < gap < 4 * mm, gap / mm


def test_a_heading_after_a_table_or_box_has_room_above_it(qapp) -> None:
    """A heading after a table (the pairs, the one-sided boxes, the notes) does not sit
    against it: QTextDocument takes a margin in points as none, so the stylesheet gives
    it in pixels (and the browser's own in points)."""
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QPdfWriter, QTextTable

    from app.brief_html import render_html, stylesheet
    from ui.pdf_paint import RESOLUTION, layout_document

    writer = QPdfWriter(QBuffer())
    writer.setResolution(RESOLUTION)
    point = RESOLUTION / 72
    doc = layout_document(build_brief(reviewed()), writer, 180 * RESOLUTION / 25.4)
    layout = doc.documentLayout()
    gaps: dict[str, list[float]] = {}
    for table in doc.rootFrame().childFrames():
        if not isinstance(table, QTextTable):
            continue
        after = doc.findBlock(table.lastPosition() + 1)  # Qt's empty block after a table
        while after.isValid() and not after.text():
            after = after.next()
        if after.blockFormat().headingLevel() < 2:
            continue
        last_row = (table.cellAt(table.rows() - 1, c) for c in range(table.columns()))
        text_bottom = max(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom()
                          for cell in last_row)  # fmt: skip
        gap = (layout.blockBoundingRect(after).top() - text_bottom) / point
        gaps.setdefault(after.text(), []).append(gap)
    assert {"Provenance", "2. Prisoners"} <= set(gaps) and any("Only in" in h for h in gaps)
    for heading, (gap,) in gaps.items():
        assert gap > (9 if heading[0].isalnum() else 5), (heading, gap)
    assert not re.search(r"margin[^;{}]*\dpt", stylesheet())  # (Qt would read 0)
    assert "h2 { margin-top: 16pt" in render_html(build_brief(reviewed()))  # browsers'


def test_a_long_table_is_cut_in_the_html_qt_lays_out(qapp) -> None:
    """Qt parses and lays out a table in one call each, with Python's lock held: a long
    topic's pairs go to Qt as several tables, one under the other (browsers get one)."""
    from app.brief_html import QT_TABLE_ROWS, render_html

    brief = build_brief(hand_made_long(2 * QT_TABLE_ROWS + 50))
    for_qt = render_html(brief, for_qt=True)
    assert for_qt.count('<table class="pairs"') == 3 and for_qt.count("<thead>") == 2  # + summary
    assert for_qt.count('<td class="same status" width="11%">') + for_qt.count(
        '<td class="differs status" width="11%">') == 2  # the widths of the later ones  # fmt: skip
    assert render_html(brief).count('<table class="pairs"') == 1


def test_a_table_cut_for_qt_looks_and_breaks_as_one(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The rows stand where they would in one table, and the pages break as for one: the
    header row on top of every page the table goes on to, and nowhere else."""
    from PySide6.QtCore import QBuffer
    from PySide6.QtGui import QPdfWriter

    from app import brief_html
    from ui.pdf_paint import RESOLUTION, layout_document

    brief = build_brief(hand_made_long(90), BriefOptions(provenance=False))

    def row_tops(rows: int) -> list[float]:
        monkeypatch.setattr(brief_html, "QT_TABLE_ROWS", rows)
        writer = QPdfWriter(QBuffer())
        writer.setResolution(RESOLUTION)
        doc = layout_document(brief, writer, float(writer.width()))
        layout, block, tops = doc.documentLayout(), doc.begin(), []
        while block.isValid():
            if block.text().startswith("Envoy number"):
                tops.append(layout.blockBoundingRect(block).top())
            block = block.next()
        return tops

    whole, cut = row_tops(10_000), row_tops(7)
    assert len(whole) == len(cut) == 180
    steps = [(b1 - b0) - (a1 - a0) for a0, a1, b0, b1 in zip(whole, whole[1:], cut, cut[1:])]
    assert max(abs(d) for d in steps) <= 3, steps  # device pixels: a quarter of a mm at most
    assert sum(1 for d in steps if d) <= 2 * (90 // 7)  # only where one table meets the next

    out = tmp_path / "cut.pdf"
    pages = export_pdf(brief, None, out)
    monkeypatch.setattr(brief_html, "QT_TABLE_ROWS", 10_000)
    assert pages == export_pdf(brief, None, tmp_path / "whole.pdf")
    texts = page_texts(load(out, qapp))
    for n, text in enumerate(texts[1:], 2):
        assert re.match(r"Left Right [✓≠]", text) and text.count("Left Right") == 1, (n, text)
    everything = " ".join(texts)
    for i in range(90):
        assert len(re.findall(rf"Envoy number {i} arrived", everything)) == 2, i


def test_a_tall_row_is_cut_between_its_lines_rather_than_leave_a_page_half_empty(qapp) -> None:
    """QA: pairs of long passages, each moved whole to the next page, left 40–50% of
    many pages blank. A row still goes whole where that leaves the page 3/4 full."""
    from PySide6.QtGui import QTextDocument

    from ui.pdf_pages import ROW_FILL, paginate

    long = "The delegation set out its position on the corridor at length. " * 40
    rows = "".join(
        f"<tr><td>{long if k % 2 else 'A short point.'}</td><td>Point {k}.</td></tr>"
        for k in range(8)
    )
    doc = QTextDocument()
    doc.setTextWidth(500)
    doc.setHtml(f"<table><thead><tr><th>A</th><th>B</th></tr></thead>{rows}</table>")
    height = 900.0  # a long row is some 500 high: moved whole, it would leave 40% empty
    pages = paginate(doc, height)
    assert len(pages) > 1
    lines = []  # every line of text, none of which a page may cut
    block = doc.begin()
    while block.isValid():
        rect = doc.documentLayout().blockBoundingRect(block)
        for i in range(block.layout().lineCount()):
            r = block.layout().lineAt(i).rect()
            lines.append((rect.top() + r.top(), rect.top() + r.bottom()))
        block = block.next()
    for page, after in pairwise(pages):
        head = page.head[1] - page.head[0] if page.head else 0.0
        assert after.top - page.top >= ROW_FILL * (height - head) - 16  # a line at most
        assert not any(top < after.top < bottom - 0.5 for top, bottom in lines)


def test_a_detail_line_does_not_start_a_page_alone(qapp) -> None:  # type: ignore[no-untyped-def]
    """A pair cut between its lines kept its detail row ("Durations — …") with it, yet the
    cut could fall just above that row: the next page began with the detail alone."""
    from PySide6.QtGui import QTextDocument

    from ui.pdf_pages import paginate

    long = "The delegation set out its position on the corridor at length. " * 30
    rows = "".join(
        f"<tr><td>{long if k % 2 else 'A short point.'}</td><td>Point {k}.</td></tr>"
        f"<tr><td></td><td>Durations: A {k} days, B none</td></tr>"
        for k in range(8)
    )
    doc = QTextDocument()
    doc.setTextWidth(500)
    doc.setHtml(f"<table><thead><tr><th>A</th><th>B</th></tr></thead>{rows}</table>")
    layout = doc.documentLayout()
    table = doc.rootFrame().childFrames()[0]

    def lowest_line(row: int) -> float:
        tops = []
        for col in range(table.columns()):
            block = table.cellAt(row, col).firstCursorPosition().block()
            last = block.layout().lineAt(block.layout().lineCount() - 1).rect().top()
            tops.append(layout.blockBoundingRect(block).top() + last)
        return max(tops)

    details = [  # (the lowest line of the pair, the top of its detail line)
        (lowest_line(row - 1), layout.blockBoundingRect(
            table.cellAt(row, 1).firstCursorPosition().block()).top())
        for row in range(2, table.rows(), 2)
    ]  # fmt: skip
    alone = [
        (height, page.top)
        for height in range(500, 1300, 5)  # some heights cut just above a detail line
        for page in paginate(doc, float(height))[1:]
        for pair_line, detail in details
        if pair_line < page.top <= detail + 0.5
    ]
    assert alone == []
