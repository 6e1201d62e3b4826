"""The brief on paper: the brief's HTML laid out by QTextDocument and painted page by page
onto a QPdfWriter, with a header and a "page N of M" footer; also HTML and Markdown files.

We paginate ourselves (rather than QTextDocument.print) so that each page gets a header
and footer that know the total page count, and so that the same code can render a
preview. Text stays text: the PDF is selectable and searchable.
"""

from __future__ import annotations

import bisect
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextFormat,
    QTextTable,
)

from app import __version__
from app.atomic import atomic_write_bytes, atomic_write_text
from app.brief import Brief, BriefOptions, build_brief
from app.brief_html import render_html
from app.brief_markdown import render_markdown
from app.brief_style import INK, MUTED, RULE
from app.model import Comparison
from app.review import ReviewState
from ui import qt_guard

Source = ReviewState | Comparison | Brief

#: Families tried in order; Qt falls back per glyph for scripts a family lacks.
FONT_FAMILIES = ["Noto Sans", "DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial"]
CJK_FALLBACKS = ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC"]
RESOLUTION = 300  # dots per inch for layout; text stays vector at any resolution
MARGINS_MM = QMarginsF(18, 14, 18, 14)
HEADER_MM = 9.0
FOOTER_MM = 9.0


def ensure_gui_app() -> QGuiApplication:
    """Fonts and text layout need a QGuiApplication; make one (headless if need be)."""
    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        qt_guard.apply()
        app = QGuiApplication(["parallax-export"])
    assert isinstance(app, QGuiApplication)
    return app


def _brief(source: Source, options: BriefOptions | None) -> Brief:
    return source if isinstance(source, Brief) else build_brief(source, options)


def body_font() -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES + CJK_FALLBACKS)
    font.setPointSizeF(9.5)
    # No "ff"/"fi" ligatures: a PDF that shows "diﬀers" as one glyph is not found by
    # every reader's search for "differs".
    font.setFeature(QFont.Tag("liga"), 0)
    return font


def page_layout(options: BriefOptions) -> QPageLayout:
    size = QPageSize(QPageSize.PageSizeId.Letter if options.page_size == "Letter"
                     else QPageSize.PageSizeId.A4)  # fmt: skip
    orientation = (QPageLayout.Orientation.Landscape if options.landscape
                   else QPageLayout.Orientation.Portrait)  # fmt: skip
    return QPageLayout(size, orientation, MARGINS_MM, QPageLayout.Unit.Millimeter)


#: ``progress(pages_done, pages)`` while pages are painted; return False to stop.
PageProgress = Callable[[int, int], bool]
#: Asked now and then while the brief is laid out; True stops it (ExportCancelled).
StopCheck = Callable[[], bool]

#: About this much of the brief's HTML (several pages) is laid out for a quick first page
#: of a long brief; a brief less than twice as long is laid out whole at once.
OPENING_CHARS = 40_000


class ExportCancelled(Exception):
    """A PDF export or preview was stopped (by the user, or overtaken by newer options);
    nothing was written."""


def render_pdf(
    source: Source,
    options: BriefOptions | None = None,
    first_page_only: bool = False,
    progress: PageProgress | None = None,
    should_stop: StopCheck | None = None,
) -> tuple[bytes, int]:
    """The brief as PDF bytes, and its page count (``first_page_only``: for a preview, a
    PDF of page 1 alone, still numbered "1 of N")."""
    ensure_gui_app()
    brief = _brief(source, options)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    pages = _paint(brief, buffer, first_page_only, progress, should_stop)
    buffer.close()
    data: QByteArray = buffer.data()
    return bytes(data.data()), pages


def render_first_page(brief: Brief, should_stop: StopCheck | None = None) -> bytes | None:
    """Page 1 of a long brief, quickly: a PDF of it laid out from the opening of the HTML
    alone, numbered "Page 1 of …" since the count is not known yet; None for a brief short
    enough to lay out whole (``render_pdf``). The opening holds two pages at least, so
    page 1 breaks where it does in the whole brief: the layout of a column does not depend
    on what comes after, and the opening ends between two elements, never in a table."""
    ensure_gui_app()
    html = render_html(brief, for_qt=True)
    chars = OPENING_CHARS
    while (opening := html_opening(html, chars)) is not None:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        pages = _paint(brief, buffer, True, None, should_stop, opening)
        buffer.close()
        if pages >= 2:
            data: QByteArray = buffer.data()
            return bytes(data.data())
        chars *= 2  # a page of long tables or full text: take more
    return None


#: The web page in the export dialog's preview, in CSS pixels: a browser window as wide as
#: the brief's column there (60em) and a margin, and about as tall as a page is for it.
WEB_PAGE = QSizeF(808, 1100)
WEB_MARGIN = 24


def render_web_top(brief: Brief, should_stop: StopCheck | None = None) -> bytes:
    """The top of the brief's web page as a browser shows it, as a one-page PDF for the
    export dialog's preview: laid out by Qt from the HTML the PDF is made from (the same
    content; a browser adds cell borders and a little line spacing), at a browser's
    96 pixels an inch, with only the opening of a long brief's HTML."""
    ensure_gui_app()
    pixel = 72 / 96  # of a point
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(96)
    margins = QMarginsF(WEB_MARGIN, WEB_MARGIN, WEB_MARGIN, 0) * pixel
    writer.setPageLayout(QPageLayout(QPageSize(WEB_PAGE * pixel, QPageSize.Unit.Point),
                                     QPageLayout.Orientation.Portrait, margins,
                                     QPageLayout.Unit.Point))  # fmt: skip
    width = float(writer.width())
    doc = layout_document(brief, writer, width, html_top(render_html(brief, for_qt=True)))
    if should_stop is not None and should_stop():
        raise ExportCancelled
    painter = QPainter(writer)
    try:
        _draw_slice(painter, doc, _paint_context(), width, 0, float(writer.height()), 0)
    finally:
        painter.end()
    buffer.close()
    data: QByteArray = buffer.data()
    return bytes(data.data())


def html_top(html: str, chars: int = OPENING_CHARS) -> str:
    """The brief's HTML cut at the first line break ``chars`` into its body (between two
    elements, or two rows of a table: the brief's HTML has a line per row of a long
    table), tables left open closed: more than the top of the page shows."""
    body, end = html.find("<body>"), html.rfind("</body>")
    cut = html.find("\n", body + chars, end) if body >= 0 else -1
    if cut < 0:
        return html
    depth = html.count("<table", body, cut) - html.count("</table>", body, cut)
    return html[:cut] + "</table>" * depth + "\n" + html[end:]


def html_opening(html: str, chars: int) -> str | None:
    """The brief's HTML cut after the first top-level line that ends ``chars`` or more
    into its body (never inside a table), and closed; None when the cut would come past
    the middle of the body (a short brief, or one long table: lay it out whole)."""
    body, end = html.find("<body>"), html.rfind("</body>")
    middle = body + (end - body) // 2
    depth, pos = 0, body
    while body >= 0 and (cut := html.find("\n", pos + 1, middle)) >= 0:
        depth += html.count("<table", pos, cut) - html.count("</table>", pos, cut)
        pos = cut
        if depth == 0 and cut - body >= chars:
            return html[:cut] + "\n" + html[end:]
    return None


def _paint(
    brief: Brief,
    device: QIODevice,
    first_page_only: bool = False,
    progress: PageProgress | None = None,
    should_stop: StopCheck | None = None,
    opening: str | None = None,
) -> int:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(page_layout(brief.options))
    writer.setTitle(brief.title)
    writer.setCreator(f"Parallax {__version__}")
    mm = RESOLUTION / 25.4
    width, height = float(writer.width()), float(writer.height())
    header, footer = HEADER_MM * mm, FOOTER_MM * mm

    doc = layout_document(brief, writer, width, opening)
    body_height = height - header - footer
    layout = paginate(doc, body_height, should_stop)
    tops = [page.top for page in layout]
    pages = len(tops)
    numbered = None if opening is not None else pages  # an opening's count is not the brief's

    painter = QPainter(writer)
    try:
        ctx = _paint_context()
        for page, top in enumerate(tops[:1] if first_page_only else tops):
            if progress is not None and not progress(page, pages):
                raise ExportCancelled
            if page:
                writer.newPage()
            bottom = tops[page + 1] if page + 1 < pages else top + body_height
            y = header
            head = layout[page].head
            if head is not None:  # a table goes on: its header row first, again
                _draw_slice(painter, doc, ctx, width, head[0], head[1], y)
                y += head[1] - head[0]
            _draw_slice(painter, doc, ctx, width, top, bottom, y)
            _header_footer(painter, brief, page + 1, numbered, width, height, mm)
    finally:
        painter.end()
    return pages


def _paint_context() -> QAbstractTextDocumentLayout.PaintContext:
    ctx = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    ctx.palette = palette
    return ctx


def _draw_slice(
    painter: QPainter, doc: QTextDocument, ctx: QAbstractTextDocumentLayout.PaintContext,
    width: float, top: float, bottom: float, y: float,
) -> None:  # fmt: skip
    """Paint the stretch ``top``..``bottom`` of the document's column at ``y`` on the page."""
    painter.save()
    painter.translate(0, y - top)
    # one device pixel short, so a line that starts exactly at the cut is not drawn
    # (clipped, but its text would still be in the page) on this page too
    ctx.clip = QRectF(0, top, width, bottom - top - 1)
    painter.setClipRect(ctx.clip)
    doc.documentLayout().draw(painter, ctx)
    painter.restore()


def layout_document(
    brief: Brief, device: QPaintDevice, width: float, html: str | None = None
) -> QTextDocument:
    """The brief's HTML (or ``html``, an opening of it) laid out for ``device`` as one long,
    unpaginated column."""
    doc = QTextDocument()
    doc.setDocumentMargin(0)
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(body_font())
    # cellpadding is in CSS pixels, which QTextDocument scales to the device itself (the
    # stylesheet leaves cell padding to it: a CSS length there is taken as device pixels)
    doc.setHtml(render_html(brief, for_qt=True) if html is None else html)
    doc.setTextWidth(width)
    return doc


#: A table without a header row shorter than this share of a page is never split (the
#: legend, provenance, a short list of omissions): it moves to the next page whole. A
#: table with a header row may go on over a page: the header is repeated.
KEEP_TOGETHER = 0.25


class Page(NamedTuple):
    """Where a page starts in the document's column, and, when it starts inside a table
    with a header row, that header's stretch of the column (painted again on top)."""

    top: float
    head: tuple[float, float] | None = None


class TableHead(NamedTuple):
    top: float  # the table's top
    rows_bottom: float  # where the text of its last row ends
    head_bottom: float  # where its header row ends and the first body row starts


def page_tops(doc: QTextDocument, height: float) -> list[float]:
    """Where each page starts in the document's one long column (see ``paginate``)."""
    return [page.top for page in paginate(doc, height)]


def paginate(doc: QTextDocument, height: float, should_stop: StopCheck | None = None) -> list[Page]:
    """The pages of the document's one long column.

    Qt's own pagination lets a line straddle a page break now and then (after a table),
    so we cut the column ourselves: never through a line of text or a table row (unless
    it is most of a page tall), never through a short table, never just after a
    heading, and always before a block that asks for a page break. A cut above a table
    row moves up by the row's padding, so the row's background starts on the new page
    rather than peeking out below. A page that starts inside a table with a header row
    repeats that row (the account labels above the two columns) and has that much less
    room.

    The line map asks each block where it is, which lays the document out block by block
    (never a long call that holds Python's lock: see `ui/export_dialog.py`); every so
    often ``should_stop`` is asked whether to go on.
    """
    lines, leads, headings, forced, heads = _line_map(doc, height, should_stop)
    tops_of_lines = [t for t, _b in lines]
    total = doc.size().height()
    pages = [Page(0.0)]
    while True:
        start = pages[-1].top
        head = pages[-1].head
        room = height - (head[1] - head[0] if head else 0.0)
        if start + room >= total - 0.5:
            break
        cut = start + room
        floor = start + room * 0.35  # never leave a page less than a third full
        breaks = [f for f in forced if start < f < cut]
        if breaks:
            cut = min(breaks)
        else:
            cut = _cut_between_lines(lines, tops_of_lines, cut, floor)
            cut = _keep_with_next(headings, lines, tops_of_lines, cut, floor)
            cut -= leads.get(cut, 0.0)
        if cut <= start + 0.5:  # nothing fits (cannot happen with sane sizes): move on
            cut = start + room
        pages.append(Page(cut, _head_at(heads, cut)))
    return pages


def _head_at(heads: list[TableHead], y: float) -> tuple[float, float] | None:
    """The header row to repeat on a page that starts at ``y``: only when a row of its
    table still has text there or below. (Not the bottom of the table's frame: Qt's box of
    a table reaches below the top of the block after it, so a page that started with the
    heading after a table was taken to start inside it, and got its header row, alone.)"""
    for t in heads:
        if t.head_bottom - 0.5 <= y < t.rows_bottom - 0.5:
            return (t.top, t.head_bottom)
    return None


Spans = list[tuple[float, float]]


def _line_map(
    doc: QTextDocument, height: float = float("inf"), should_stop: StopCheck | None = None
) -> tuple[Spans, dict[float, float], set[float], list[float], list[TableHead]]:
    """What must not be cut, as (top, bottom) of text in document coordinates, sorted:
    every line, every table row (a pair's detail row and a header row go with their
    neighbour) and every short table without a header (``KEEP_TOGETHER``); the padding
    above each row's text; the tops of heading lines; the tops of blocks that force a
    page break; the tables with a header row."""
    layout = doc.documentLayout()
    lines: Spans = []
    headings: set[float] = set()
    forced: list[float] = []
    block = doc.begin()
    while block.isValid():
        if should_stop is not None and block.blockNumber() % 64 == 0 and should_stop():
            raise ExportCancelled
        rect = layout.blockBoundingRect(block)
        text_layout = block.layout()
        fmt = block.blockFormat()
        heading = fmt.headingLevel() > 0
        for i in range(text_layout.lineCount()):
            r = text_layout.lineAt(i).rect()
            top = rect.top() + r.top()
            lines.append((top, top + r.height()))
            if heading:
                headings.add(top)
        if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore and rect.top():
            forced.append(rect.top())
        block = block.next()
    rows, leads, heads = _table_rows(doc, height, should_stop)
    lines.extend(rows)
    lines.sort()
    return lines, leads, headings, forced, heads


def _table_rows(
    doc: QTextDocument, height: float = float("inf"), should_stop: StopCheck | None = None
) -> tuple[Spans, dict[float, float], list[TableHead]]:
    """Each table row's text (with a detail row below it, or a header row above) as
    (top, bottom), and each short table without a header (``KEEP_TOGETHER``) whole;
    per row top, how far above it the row itself starts; the tables with header rows."""
    layout = doc.documentLayout()
    out: Spans = []
    leads: dict[float, float] = {}
    heads: list[TableHead] = []
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        if should_stop is not None and should_stop():
            raise ExportCancelled
        box = layout.frameBoundingRect(frame)
        headers = frame.format().headerRowCount()
        if not headers and box.height() < KEEP_TOGETHER * height:
            out.append((box.top(), box.bottom()))
        spans: dict[int, list[float]] = {}
        head_bottom = float("-inf")
        for row in range(frame.rows()):
            first = frame.cellAt(row, 0)
            continuation = row > 0 and first.firstPosition() == first.lastPosition()
            key = row - 1 if continuation else row + 1 if row < headers else row
            span = spans.setdefault(key, [float("inf"), float("-inf")])
            for col in range(frame.columns()):
                cell = frame.cellAt(row, col)
                block = cell.firstCursorPosition().block()
                while block.isValid() and block.position() <= cell.lastPosition():
                    rect = layout.blockBoundingRect(block)
                    span[0], span[1] = min(span[0], rect.top()), max(span[1], rect.bottom())
                    if row < headers:
                        head_bottom = max(head_bottom, rect.bottom())
                    block = block.next()
        rows = sorted((t, b) for t, b in spans.values() if t < b)
        if headers and frame.rows() > headers:
            # the header ends halfway between its text and the first body row's text
            body = frame.cellAt(headers, 0).firstCursorPosition().block()
            body_top = layout.blockBoundingRect(body).top()
            if head_bottom < body_top:
                rows_bottom = max(b for _t, b in rows)
                heads.append(TableHead(box.top(), rows_bottom, (head_bottom + body_top) / 2))
        # Cells share their padding evenly: a row edge lies halfway between the text of
        # one row and the next (and the first row starts at the table's own top).
        previous: float | None = None
        for top, bottom in rows:
            if previous is None:
                leads[top] = max(0.0, top - layout.frameBoundingRect(frame).top())
            else:
                leads[top] = max(0.0, (top - previous) / 2)
            previous = bottom
        out.extend(rows)
    return out, leads, heads


def _cut_between_lines(
    lines: list[tuple[float, float]], tops: list[float], cut: float, floor: float
) -> float:
    moved = True
    while moved:
        moved = False
        i = bisect.bisect_left(tops, cut)
        for top, bottom in lines[max(0, i - 256) : i]:
            if top < cut < bottom - 0.5 and top > floor:
                cut, moved = top, True
                break
    return cut


def _keep_with_next(
    headings: set[float], lines: list[tuple[float, float]], tops: list[float],
    cut: float, floor: float,
) -> float:  # fmt: skip
    """Move the cut above a heading that would otherwise end a page."""
    while True:
        i = bisect.bisect_left(tops, cut) - 1
        if i < 0 or lines[i][0] not in headings or lines[i][0] <= floor:
            return cut
        cut = lines[i][0]


def _header_footer(
    p: QPainter, brief: Brief, page: int, pages: int | None, width: float, height: float, mm: float
) -> None:
    # the brief's own words are English: a right-to-left title must not flip the header
    p.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    font = body_font()
    font.setPointSizeF(7.5)
    p.setFont(font)
    metrics = QFontMetricsF(font, p.device())
    rule = QPen(QColor(RULE))
    rule.setWidthF(0.25 * mm)
    text_pen = QPen(QColor(MUTED))
    line = metrics.height()
    right = "Comparison brief"
    title = metrics.elidedText(brief.title, Qt.TextElideMode.ElideRight,
                               width - metrics.horizontalAdvance(right) - 8 * mm)  # fmt: skip
    p.setPen(text_pen)
    top = QRectF(0, 0, width, line)
    p.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), title)
    p.drawText(top, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right)
    p.setPen(rule)
    p.drawLine(0, int(line + 1.2 * mm), int(width), int(line + 1.2 * mm))
    base = height - line
    p.drawLine(0, int(base - 1.2 * mm), int(width), int(base - 1.2 * mm))
    p.setPen(text_pen)
    bottom = QRectF(0, base, width, line)
    left = f"Parallax brief · {brief.generated}"
    p.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), left)
    p.drawText(bottom, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
               f"Page {page} of {pages or '…'}")  # fmt: skip


def export_pdf(
    source: Source,
    options: BriefOptions | None,
    path: str | Path,
    progress: PageProgress | None = None,
) -> int:
    """Write the brief as a PDF at ``path`` (atomically); returns the page count. Raises
    ExportCancelled, writing nothing, when ``progress`` asks to stop."""
    data, pages = render_pdf(source, options, progress=progress)
    atomic_write_bytes(Path(path), data)
    return pages


def export_html(source: Source, options: BriefOptions | None, path: str | Path) -> None:
    atomic_write_text(Path(path), render_html(_brief(source, options)))


def export_markdown(source: Source, options: BriefOptions | None, path: str | Path) -> None:
    atomic_write_text(Path(path), render_markdown(_brief(source, options)))
