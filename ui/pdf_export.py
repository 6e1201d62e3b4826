"""The brief rendered: as PDF bytes (the whole brief; page 1 of a long one quickly; the
top of its web page, for the export dialog's preview), and as PDF, HTML and Markdown files.

The pages are painted by ``ui/pdf_paint.py`` and broken by ``ui/pdf_pages.py``; the
names other modules and scripts import from here are re-exported.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from app.atomic import atomic_write_bytes, atomic_write_text
from app.brief import Brief, BriefOptions, build_brief
from app.brief_html import render_html
from app.brief_markdown import render_markdown
from app.model import Comparison
from app.review import ReviewState
from ui.pdf_pages import ExportCancelled, StopCheck
from ui.pdf_paint import (
    PageProgress,
    draw_slice,
    ensure_gui_app,
    layout_document,
    paint_brief,
    paint_context,
)

__all__ = [  # with what the preview, the CLI and scripts import from here
    "OPENING_CHARS",
    "ExportCancelled",
    "PageProgress",
    "Source",
    "StopCheck",
    "ensure_gui_app",
    "export_html",
    "export_markdown",
    "export_pdf",
    "html_opening",
    "html_top",
    "render_first_page",
    "render_pdf",
    "render_web_top",
]

Source = ReviewState | Comparison | Brief


def _brief(source: Source, options: BriefOptions | None) -> Brief:
    return source if isinstance(source, Brief) else build_brief(source, options)


#: About this much of the brief's HTML (several pages) is laid out for a quick first page
#: of a long brief; a brief less than twice as long is laid out whole at once.
OPENING_CHARS = 40_000


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
    pages = paint_brief(brief, buffer, first_page_only, progress, should_stop)
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
        pages = paint_brief(brief, buffer, True, None, should_stop, opening)
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
        draw_slice(painter, doc, paint_context(), width, 0, float(writer.height()), 0)
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
    the middle of the body (a short brief, or one long table: lay it out whole). A long
    topic's pairs come as several tables (``app/brief_html.QT_TABLE_ROWS``): the cut may
    fall between two of them."""
    body, end = html.find("<body>"), html.rfind("</body>")
    middle = body + (end - body) // 2
    depth, pos = 0, body
    while body >= 0 and (cut := html.find("\n", pos + 1, middle)) >= 0:
        depth += html.count("<table", pos, cut) - html.count("</table>", pos, cut)
        pos = cut
        if depth == 0 and cut - body >= chars:
            return html[:cut] + "\n" + html[end:]
    return None


def export_pdf(
    source: Source,
    options: BriefOptions | None,
    path: str | Path,
    progress: PageProgress | None = None,
    should_stop: StopCheck | None = None,
) -> int:
    """Write the brief as a PDF at ``path`` (atomically); returns the page count. Raises
    ExportCancelled, writing nothing, when ``progress`` or ``should_stop`` asks to stop
    (``should_stop`` is asked last just before the write)."""
    data, pages = render_pdf(source, options, progress=progress, should_stop=should_stop)
    if should_stop is not None and should_stop():
        raise ExportCancelled
    atomic_write_bytes(Path(path), data)
    return pages


def export_html(source: Source, options: BriefOptions | None, path: str | Path) -> None:
    atomic_write_text(Path(path), render_html(_brief(source, options)))


def export_markdown(source: Source, options: BriefOptions | None, path: str | Path) -> None:
    atomic_write_text(Path(path), render_markdown(_brief(source, options)))
