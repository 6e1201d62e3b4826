"""The brief's pages painted onto a QPdfWriter: the HTML laid out by QTextDocument as one
long column, each page's stretch of it (from ``ui/pdf_pages.py``) drawn under a header
and over a "Page N of M" footer. Text stays text: the PDF is selectable and searchable.

We paginate ourselves (rather than QTextDocument.print) so that each page gets a header
and footer that know the total page count, and so that the same code can render a
preview.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QIODevice, QMarginsF, QRectF, Qt
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
)

from app import __version__
from app.brief import Brief, BriefOptions
from app.brief_html import render_html
from app.brief_style import INK, MUTED, RULE
from ui import qt_guard
from ui.pdf_pages import ExportCancelled, StopCheck, paginate

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


def paint_brief(
    brief: Brief,
    device: QIODevice,
    first_page_only: bool = False,
    progress: PageProgress | None = None,
    should_stop: StopCheck | None = None,
    opening: str | None = None,
) -> int:
    """Paint the brief's pages (or only page 1) as PDF onto ``device``; the page count.
    With ``opening`` (the start of the brief's HTML) the pages are that opening's, and
    the footer says "Page 1 of …"."""
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
        ctx = paint_context()
        for page, top in enumerate(tops[:1] if first_page_only else tops):
            if progress is not None and not progress(page, pages):
                raise ExportCancelled
            if page:
                writer.newPage()
            bottom = tops[page + 1] if page + 1 < pages else top + body_height
            y = header
            head = layout[page].head
            if head is not None:  # a table goes on: its header row first, again
                draw_slice(painter, doc, ctx, width, head[0], head[1], y)
                y += head[1] - head[0]
            draw_slice(painter, doc, ctx, width, top, bottom, y)
            _header_footer(painter, brief, page + 1, numbered, width, height, mm)
    finally:
        painter.end()
    return pages


def paint_context() -> QAbstractTextDocumentLayout.PaintContext:
    ctx = QAbstractTextDocumentLayout.PaintContext()
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, QColor(INK))
    ctx.palette = palette
    return ctx


def draw_slice(
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
