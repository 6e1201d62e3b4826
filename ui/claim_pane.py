"""One account as a read-only text pane: headings, paragraphs, claims marked by status."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QMouseEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from app.model import BlockKind, Comparison, Document, Side, Status
from ui import theme
from ui.claim_highlighter import ClaimHighlighter, status_formats
from ui.pane_gutter import WIDTH as GUTTER_WIDTH
from ui.pane_gutter import PaneGutter

GUTTER = GUTTER_WIDTH
READING_LINE = 0.3  # share of the viewport height where the reader's eye is assumed


def build_document(doc: Document, font: QFont) -> tuple[QTextDocument, list[int], list[int]]:
    """A QTextDocument with one Qt block per Document block; returns it with the
    document offsets and Qt positions where each block starts (for offset mapping)."""
    qdoc = QTextDocument()
    qdoc.setDefaultFont(font)
    qdoc.setDocumentMargin(14)
    cursor = QTextCursor(qdoc)
    offsets: list[int] = []
    positions: list[int] = []
    for n, block in enumerate(doc.blocks):
        bfmt, cfmt = QTextBlockFormat(), QTextCharFormat()
        bfmt.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        bfmt.setBottomMargin(10)
        if block.kind is BlockKind.HEADING:
            cfmt.setFontWeight(QFont.Weight.DemiBold)
            cfmt.setFontPointSize(font.pointSizeF() * (1.3 if block.level <= 1 else 1.15))
            bfmt.setTopMargin(8 if n else 0)
            bfmt.setBottomMargin(4)
        elif block.kind is BlockKind.ITEM:
            bfmt.setLeftMargin(18)
            bfmt.setBottomMargin(4)
        if n:
            cursor.insertBlock(bfmt, cfmt)
        else:
            cursor.setBlockFormat(bfmt)
            cursor.setBlockCharFormat(cfmt)
        offsets.append(block.start)
        positions.append(cursor.position())
        # same length as the source text, so offsets map by plain addition
        cursor.insertText(doc.text[block.start : block.end].replace("\n", " "), cfmt)
    return qdoc, offsets, positions


MIN_PANE_WIDTH = 220  # some 25 characters a line; the whole window then fits 900 px


class ClaimPane(QTextEdit):
    """Shows one side; claims keep their order, so geometry lookups are bisections."""

    claim_clicked = Signal(str, bool)  # claim id, added to the selection (Ctrl)
    geometry_changed = Signal()
    focus_changed = Signal(bool)  # the pane took or lost keyboard focus

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.side = side
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(True)  # Tab and Shift+Tab move between the panes
        # readable lines before anything else gives way: the sidebars and docks shrink
        # or the window grows, never the text to a word a line
        self.setMinimumWidth(MIN_PANE_WIDTH)
        # text wraps to the width: a trailing space overflowing a line is no reason for a
        # horizontal scroll bar
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setViewportMargins(GUTTER, 0, 0, 0)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self._gutter = PaneGutter(self)
        self._cmp: Comparison | None = None
        self.ids: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.index: dict[str, int] = {}
        self._status: list[Status] = []
        self._muted: set[str] = set()
        self._selected: set[str] = set()
        self._related: set[str] = set()
        self._finds: list[tuple[int, int]] = []
        self._current_find: tuple[int, int] | None = None
        self._tops: list[float] | None = None
        self._bottoms: list[float] = []
        self.dark = False
        self.focus_shown = False
        self._formats = status_formats(False)
        self._highlighter: ClaimHighlighter | None = None
        self.verticalScrollBar().valueChanged.connect(self._gutter.update)

    # -- content ---------------------------------------------------------------------------
    def set_comparison(self, cmp: Comparison) -> None:
        self._cmp = cmp
        qdoc, offsets, positions = build_document(cmp.document(self.side), self.font())
        lengths = [b.end - b.start for b in cmp.document(self.side).blocks]
        qdoc.setParent(self)
        self.setDocument(qdoc)  # the pane owns qdoc; Qt deletes the old one
        claims = sorted(cmp.side_claims(self.side), key=lambda c: c.start)
        self.ids = [c.id for c in claims]
        self.index = {cid: i for i, cid in enumerate(self.ids)}
        text = cmp.document(self.side).text
        text = text if has_astral(text) else ""  # most texts: positions map by addition
        self.starts = [_map(c.start, offsets, positions, lengths, text) for c in claims]
        self.ends = [
            max(s, _map(c.end, offsets, positions, lengths, text))
            for s, c in zip(self.starts, claims, strict=True)
        ]
        self._status = [cmp.status(cid) for cid in self.ids]
        self._selected &= set(self.ids)
        self._related &= set(self.ids)
        self._finds, self._current_find = [], None
        self._highlighter = ClaimHighlighter(qdoc)
        self._highlighter.set_spans(self.starts, self.ends)
        self._highlighter.format_for = self._format_for
        self._highlighter.rehighlight()
        qdoc.documentLayout().documentSizeChanged.connect(self._invalidate_geometry)
        self._invalidate_geometry()
        self._update_extra_selections()

    def update_statuses(self, cmp: Comparison) -> None:
        """After an edit: same text and claims, new links."""
        self._cmp = cmp
        status = [cmp.status(cid) for cid in self.ids]
        changed = [i for i, (old, new) in enumerate(zip(self._status, status, strict=True))
                   if old is not new]  # fmt: skip
        self._status = status
        if self._highlighter is not None:  # only the blocks whose claims changed
            doc = self.document()
            blocks = {doc.findBlock(self.starts[i]).blockNumber() for i in changed}
            for number in sorted(blocks):
                self._highlighter.rehighlightBlock(doc.findBlockByNumber(number))
        self._gutter.update()
        self.geometry_changed.emit()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self._formats = status_formats(dark)
        self._rehighlight()
        self._update_extra_selections()

    def set_muted(self, ids: Iterable[str]) -> None:
        muted = set(ids)
        if muted != self._muted:
            self._muted = muted
            self._rehighlight()
            self._update_extra_selections()

    def set_selection(self, selected: Iterable[str], related: Iterable[str]) -> None:
        self._selected, self._related = set(selected), set(related) - set(selected)
        self._update_extra_selections()

    def set_find_matches(
        self, spans: list[tuple[int, int]], current: tuple[int, int] | None
    ) -> None:
        self._finds, self._current_find = spans, current
        self._update_extra_selections()

    def status_of(self, i: int) -> Status:
        return self._status[i]

    def is_muted(self, cid: str) -> bool:
        return cid in self._muted

    def _format_for(self, i: int) -> QTextCharFormat | None:
        return self._formats[(self._status[i], self.ids[i] in self._muted)]

    def _rehighlight(self) -> None:
        if self._highlighter is not None:
            self._highlighter.rehighlight()
        self._gutter.update()
        self.geometry_changed.emit()

    def _update_extra_selections(self) -> None:
        strong = theme.highlight_colours(self.dark)
        # a claim the filter greys out keeps its grey only while it is not chosen: grey on
        # the selection colour is hard to read
        plain = self.palette().text().color().name()
        extras = []
        for cid in self.ids:
            if cid not in self._selected and cid not in self._related:
                continue
            i = self.index[cid]
            colour = QColor(strong[self._status[i].value])
            colour.setAlpha(130 if cid in self._selected else 70)
            text = plain if cid in self._muted else None
            extras.append(self._extra(self.starts[i], self.ends[i], colour, text))
        find_colour = QColor("#F0E442")
        find_colour.setAlpha(150 if self.dark else 200)
        for span in self._finds:
            colour = QColor(find_colour)
            if span == self._current_find:
                colour = QColor("#FF8C1A")
            extras.append(self._extra(*span, colour, text="#000000"))
        self.setExtraSelections(extras)
        self._gutter.update()
        self.geometry_changed.emit()

    def _extra(self, start: int, end: int, bg: QColor, text: str | None = None):  # type: ignore[no-untyped-def]
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format.setBackground(bg)
        if text:
            sel.format.setForeground(QColor(text))
        sel.format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        return sel

    # -- geometry (document coordinates, cached until the layout changes) --------------------
    def _invalidate_geometry(self, *_args: object) -> None:
        self._tops = None
        self.geometry_changed.emit()

    def _geometry(self) -> tuple[list[float], list[float]]:
        if self._tops is None:
            tops, bottoms = [], []
            for s, e in zip(self.starts, self.ends, strict=True):
                tops.append(self._line_span(s)[0])
                bottoms.append(self._line_span(max(s, e - 1))[1])
            self._tops, self._bottoms = tops, bottoms
        return self._tops, self._bottoms

    def _line_span(self, pos: int) -> tuple[float, float]:
        block = self.document().findBlock(pos)
        layout = block.layout()
        line = layout.lineForTextPosition(pos - block.position()) if layout else None
        if line is None or not line.isValid():
            rect = self.document().documentLayout().blockBoundingRect(block)
            return rect.top(), rect.bottom()
        y = layout.position().y() + line.y()
        return y, y + line.height()

    def claim_span(self, i: int) -> tuple[float, float]:
        """Top and bottom of claim ``i`` in document coordinates."""
        tops, bottoms = self._geometry()
        return tops[i], bottoms[i]

    def geometry_arrays(self) -> tuple[list[float], list[float]]:
        return self._geometry()

    def offset(self) -> int:
        """Document y at the top of the viewport."""
        return self.verticalScrollBar().value()

    def visible_range(self, margin: float = 0) -> range:
        """Indexes of the claims that overlap the viewport (plus ``margin`` pixels)."""
        tops, bottoms = self._geometry()
        y0 = self.offset() - margin
        y1 = self.offset() + self.viewport().height() + margin
        return range(bisect_right(bottoms, y0), bisect_left(tops, y1))

    def reading_y(self) -> float:
        return self.offset() + READING_LINE * self.viewport().height()

    def scroll_to_y(self, doc_y: float) -> None:
        """Scroll so that document y ``doc_y`` sits on the reading line."""
        self.verticalScrollBar().setValue(round(doc_y - READING_LINE * self.viewport().height()))

    def reveal(self, cid: str) -> None:
        """Scroll the claim onto the reading line unless it is already comfortably shown."""
        top, bottom = self.claim_span(self.index[cid])
        view_top, height = self.offset(), self.viewport().height()
        if top < view_top + 0.1 * height or bottom > view_top + 0.9 * height:
            self.scroll_to_y(top)

    def reveal_position(self, pos: int) -> None:
        top, bottom = self._line_span(pos)
        if top < self.offset() or bottom > self.offset() + self.viewport().height():
            self.scroll_to_y(top)

    def claim_at_position(self, pos: int) -> str | None:
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.ends[i]:
            return self.ids[i]
        return None

    def claim_at_point(self, point: QPoint) -> str | None:
        cursor = self.cursorForPosition(point)
        rect = self.cursorRect(cursor)
        if abs(rect.center().y() - point.y()) > rect.height():
            return None  # below the last line
        return self.claim_at_position(cursor.position())

    # -- painting the margin markers ---------------------------------------------------------
    def is_highlighted(self, cid: str) -> bool:
        return cid in self._selected or cid in self._related

    def is_selected(self, cid: str) -> bool:
        """Picked by the reader, not merely joined to a picked claim."""
        return cid in self._selected

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cr = self.contentsRect()
        self._gutter.setGeometry(QRect(cr.left(), cr.top(), GUTTER, cr.height()))
        self._invalidate_geometry()

    # -- keyboard focus: the frame here, an accent bar on the header (CompareView) ----------
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_focus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # a menu opened from the keyboard acts on this pane: it keeps the focus mark
        if event.reason() not in (
            Qt.FocusReason.PopupFocusReason,
            Qt.FocusReason.MenuBarFocusReason,
        ):
            self._show_focus(False)

    def _show_focus(self, shown: bool) -> None:
        self.focus_shown = shown
        self.update()  # the frame
        self.focus_changed.emit(shown)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() is QEvent.Type.Paint and self.focus_shown:
            # over the frame the scroll area has just painted (its only paint: the text
            # is the viewport's), in the accent colour
            painter = QPainter(self)
            painter.setPen(self.palette().color(QPalette.ColorRole.Highlight))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        return handled

    # -- mouse -------------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton or self.textCursor().hasSelection():
            return
        cid = self.claim_at_point(event.position().toPoint())
        if cid is not None:
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.claim_clicked.emit(cid, ctrl)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        over = self.claim_at_point(event.position().toPoint()) is not None
        shape = Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.IBeamCursor
        self.viewport().setCursor(shape)


def _map(
    offset: int, offsets: list[int], positions: list[int], lengths: list[int], text: str = ""
) -> int:
    """Document offset -> Qt position (text between blocks collapses to the block end).
    Qt counts UTF-16 units, so a character beyond the BMP (an emoji) counts twice."""
    if not offsets:
        return 0
    i = max(0, bisect_right(offsets, offset) - 1)
    inside = min(max(0, offset - offsets[i]), lengths[i])
    return positions[i] + inside + _astral(text[offsets[i] : offsets[i] + inside])


def has_astral(text: str) -> bool:
    return not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)


def _astral(text: str) -> int:
    """How many characters of ``text`` Qt counts twice (beyond the BMP)."""
    return 0 if text.isascii() else sum(1 for ch in text if ch > "\uffff")


def qt_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of a pane's plain text (Python characters, in order) as Qt positions."""
    if not has_astral(text):
        return spans
    out, done, extra = [], 0, 0
    for start, end in spans:
        extra += _astral(text[done:start])
        inner = _astral(text[start:end])
        out.append((start + extra, end + extra + inner))
        extra += inner
        done = end
    return out
