"""Where the brief's pages break: the cuts through the one long column that QTextDocument
lays the brief out in, so that no line, table row, short table or heading is cut or left
alone, and where a table's header row is repeated on top of a page.

Nothing here paints; ``ui/pdf_paint.py`` draws each page's stretch of the column.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtGui import QTextDocument, QTextFormat, QTextTable

#: Asked now and then while the brief is laid out; True stops it (ExportCancelled).
StopCheck = Callable[[], bool]


class ExportCancelled(Exception):
    """A PDF export or preview was stopped (by the user, or overtaken by newer options);
    nothing was written."""


#: A table without a header row shorter than this share of a page is never split (the
#: legend, provenance, a short list of omissions): it moves to the next page whole. A
#: table with a header row may go on over a page: the header is repeated.
KEEP_TOGETHER = 0.25
#: A table row goes to the next page whole unless that would leave this page less full
#: than this share: then it is cut between its lines of text (a pair of long passages
#: moved whole left pages half empty).
ROW_FILL = 0.75


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
    so we cut the column ourselves: never through a line of text, nor through a table row
    unless moving it whole would leave the page less than ``ROW_FILL`` full (then
    between its lines), never through a short table, never just after a
    heading, and always before a block that asks for a page break. A cut above a table
    row moves up by the row's padding, so the row's background starts on the new page
    rather than peeking out below. A page that starts inside a table with a header row
    repeats that row (the account labels above the two columns) and has that much less
    room.

    The line map asks each block where it is, which lays the document out block by block
    (never a long call that holds Python's lock: see `ui/export_preview.py`); every so
    often ``should_stop`` is asked whether to go on.
    """
    lines, leads, headings, forced, heads, text_lines = _line_map(doc, height, should_stop)
    tops_of_lines = [t for t, _b in lines]
    tops_of_text = [t for t, _b in text_lines]
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
            whole = _cut_between_lines(lines, tops_of_lines, cut, floor)
            if whole < start + room * ROW_FILL:  # a tall row would leave the page emptier
                whole = max(whole, _cut_between_lines(text_lines, tops_of_text, cut, floor))
            cut = _keep_with_next(headings, lines, tops_of_lines, whole, floor)
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
) -> tuple[Spans, dict[float, float], set[float], list[float], list[TableHead], Spans]:
    """What must not be cut, as (top, bottom) of text in document coordinates, sorted:
    every line, every table row (a pair's detail row and a header row go with their
    neighbour) and every short table without a header (``KEEP_TOGETHER``); the padding
    above each row's text; the tops of heading lines; the tops of blocks that force a
    page break; the tables with a header row; the spans less the table rows."""
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
    rows, leads, heads, tails = _table_rows(doc, height, should_stop)
    # the same without the table rows, which a tall row may be cut between (the lines of
    # text, the short tables and a detail row with the line above it stay whole)
    text_lines = sorted(lines + [span for span in rows if span[0] not in leads] + tails)
    lines.extend(rows + tails)
    lines.sort()
    return lines, leads, headings, forced, heads, text_lines


def _table_rows(
    doc: QTextDocument, height: float = float("inf"), should_stop: StopCheck | None = None
) -> tuple[Spans, dict[float, float], list[TableHead], Spans]:
    """Each table row's text (with a detail row below it, or a header row above) as
    (top, bottom), and each short table without a header (``KEEP_TOGETHER``) whole;
    per row top, how far above it the row itself starts; the tables with header rows;
    each detail row with the last line of text above it (a tall row cut between its
    lines keeps its detail line, "Durations — …", from starting a page alone)."""
    layout = doc.documentLayout()
    out: Spans = []
    tails: Spans = []
    leads: dict[float, float] = {}
    heads: list[TableHead] = []
    previous_table: QTextTable | None = None
    chain: int | None = None  # in heads: the header of the table above (and its cut rest)
    for frame in doc.rootFrame().childFrames():
        if not isinstance(frame, QTextTable):
            continue
        if should_stop is not None and should_stop():
            raise ExportCancelled
        box = layout.frameBoundingRect(frame)
        headers = frame.format().headerRowCount()
        going_on = chain is not None and _goes_on(previous_table, frame)
        previous_table, chain = frame, chain if going_on else None
        if not headers and not going_on and box.height() < KEEP_TOGETHER * height:
            out.append((box.top(), box.bottom()))
        spans: dict[int, list[float]] = {}
        head_bottom = float("-inf")
        last_line = float("-inf")  # the top of the lowest line of text in the row above
        for row in range(frame.rows()):
            first = frame.cellAt(row, 0)
            continuation = row > 0 and first.firstPosition() == first.lastPosition()
            key = row - 1 if continuation else row + 1 if row < headers else row
            span = spans.setdefault(key, [float("inf"), float("-inf")])
            above, last_line = last_line, float("-inf")
            row_bottom = float("-inf")
            for col in range(frame.columns()):
                cell = frame.cellAt(row, col)
                block = cell.firstCursorPosition().block()
                while block.isValid() and block.position() <= cell.lastPosition():
                    rect = layout.blockBoundingRect(block)
                    span[0], span[1] = min(span[0], rect.top()), max(span[1], rect.bottom())
                    row_bottom = max(row_bottom, rect.bottom())
                    count = block.layout().lineCount()
                    if count:
                        bottom_line = block.layout().lineAt(count - 1).rect().top()
                        last_line = max(last_line, rect.top() + bottom_line)
                    if row < headers:
                        head_bottom = max(head_bottom, rect.bottom())
                    block = block.next()
            if continuation and above < row_bottom:
                tails.append((above, row_bottom))  # a detail row goes with a line above
        rows = sorted((t, b) for t, b in spans.values() if t < b)
        if chain is not None and rows:  # the table above goes on: its header row again
            heads[chain] = heads[chain]._replace(rows_bottom=max(b for _t, b in rows))
        elif headers and frame.rows() > headers:
            # the header ends halfway between its text and the first body row's text
            body = frame.cellAt(headers, 0).firstCursorPosition().block()
            body_top = layout.blockBoundingRect(body).top()
            if head_bottom < body_top:
                rows_bottom = max(b for _t, b in rows)
                heads.append(TableHead(box.top(), rows_bottom, (head_bottom + body_top) / 2))
                chain = len(heads) - 1
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
    return out, leads, heads, tails


def _goes_on(above: QTextTable | None, table: QTextTable) -> bool:
    """Whether ``table`` is the table ``above`` going on: a long table cut in the brief's
    HTML (``app/brief_html.QT_TABLE_ROWS``), the rest without a header row, right under
    it (only the block Qt puts after every table between them), with as many columns."""
    if above is None or table.format().headerRowCount() or above.columns() != table.columns():
        return False
    between = table.document().findBlock(above.lastPosition() + 1)
    return not between.text() and between.position() + between.length() >= table.firstPosition()


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
