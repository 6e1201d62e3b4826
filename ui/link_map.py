"""The strip between the panes: a band from each claim to its counterparts.

Like Meld's link map it only asks for the claims in the visible range of either pane, so
its cost follows what is on screen rather than the size of the documents.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QPoint, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.model import Comparison, Relation, Side, Status
from ui import theme
from ui.claim_pane import ClaimPane

WIDTH = 64


class LinkMap(QWidget):
    link_clicked = Signal(int)  # index into comparison.links

    def __init__(self, pane_a: ClaimPane, pane_b: ClaimPane, parent: QWidget | None = None):
        super().__init__(parent)
        self.panes = {Side.A: pane_a, Side.B: pane_b}
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._cmp: Comparison | None = None
        self._selected: set[int] = set()
        self._hit: list[tuple[QPainterPath, int]] = []
        self.dark = False
        self.last_paint_ms = 0.0
        self.last_band_count = 0
        for pane in self.panes.values():
            pane.verticalScrollBar().valueChanged.connect(self.update)
            pane.geometry_changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 200)

    def set_comparison(self, cmp: Comparison | None) -> None:
        self._cmp = cmp
        self.update()

    def set_selected_links(self, indexes: set[int]) -> None:
        self._selected = set(indexes)
        self.update()

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.update()

    def visible_links(self) -> list[int]:
        """Links with at least one claim in the visible range of either pane."""
        if self._cmp is None:
            return []
        found: set[int] = set()
        for pane in self.panes.values():
            for i in pane.visible_range():
                found.update(self._cmp.links_of.get(pane.ids[i], ()))
        return sorted(found)

    def _pane_dy(self, side: Side) -> float:
        """Add to a pane's document y to get this widget's y."""
        pane = self.panes[side]
        origin = pane.viewport().mapTo(self.window(), QPoint(0, 0)).y()
        return origin - self.mapTo(self.window(), QPoint(0, 0)).y() - pane.offset()

    def _span(self, side: Side, ids: tuple[str, ...]) -> tuple[float, float]:
        pane = self.panes[side]
        spans = [pane.claim_span(pane.index[cid]) for cid in ids if cid in pane.index]
        return min(s[0] for s in spans), max(s[1] for s in spans)

    # Qt API
    def paintEvent(self, event: QPaintEvent) -> None:
        started = time.perf_counter()
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()))
        self._hit = []
        if self._cmp is not None:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._paint_links(painter)
            self._paint_only_marks(painter)
        painter.end()
        self.last_paint_ms = (time.perf_counter() - started) * 1000

    def _paint_links(self, painter: QPainter) -> None:
        assert self._cmp is not None
        strong = theme.highlight_colours(self.dark)
        dy = {side: self._pane_dy(side) for side in Side}
        w, h = float(self.width()), float(self.height())
        order = self.visible_links()
        order.sort(key=lambda i: i in self._selected)  # selected bands on top
        muted_a, muted_b = self.panes[Side.A].is_muted, self.panes[Side.B].is_muted
        count = 0
        for idx in order:
            link = self._cmp.links[idx]
            if all(muted_a(c) for c in link.a) and all(muted_b(c) for c in link.b):
                continue
            ta, ba = self._span(Side.A, link.a)
            tb, bb = self._span(Side.B, link.b)
            ta, ba, tb, bb = ta + dy[Side.A], ba + dy[Side.A], tb + dy[Side.B], bb + dy[Side.B]
            if max(ba, bb) < 0 or min(ta, tb) > h:
                continue
            path = _band(w, ta + 1, ba - 1, tb + 1, bb - 1)
            colour = QColor(strong[link.relation.value])
            selected = idx in self._selected
            fill = QColor(colour)
            fill.setAlpha(150 if selected else (60 if not self._selected else 35))
            pen = QPen(colour, 2.0 if selected else 1.0)
            if link.relation is Relation.DIFFERS:
                pen.setDashPattern([4, 3])
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(path)
            self._hit.append((path, idx))
            count += 1
        self.last_band_count = count

    def _paint_only_marks(self, painter: QPainter) -> None:
        """A small notch at the edge beside each claim the other side leaves out."""
        colour = QColor(theme.highlight_colours(self.dark)[Status.ONLY.value])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for side, x, direction in ((Side.A, 0.0, 1.0), (Side.B, float(self.width()), -1.0)):
            pane, dy = self.panes[side], self._pane_dy(side)
            for i in pane.visible_range():
                if pane.status_of(i) is not Status.ONLY or pane.is_muted(pane.ids[i]):
                    continue
                top, bottom = pane.claim_span(i)
                mid = (top + bottom) / 2 + dy
                tip = QPointF(x + direction * 7, mid)
                painter.drawPolygon([QPointF(x, mid - 5), tip, QPointF(x, mid + 5)])

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position()
        for path, idx in reversed(self._hit):
            if path.contains(point):
                self.link_clicked.emit(idx)
                return
        super().mousePressEvent(event)


def _band(w: float, ta: float, ba: float, tb: float, bb: float) -> QPainterPath:
    """A Bézier band from the span (ta, ba) on the left edge to (tb, bb) on the right."""
    ba, bb = max(ba, ta + 2), max(bb, tb + 2)
    mid = w / 2
    path = QPainterPath(QPointF(0, ta))
    path.cubicTo(QPointF(mid, ta), QPointF(mid, tb), QPointF(w, tb))
    path.lineTo(QPointF(w, bb))
    path.cubicTo(QPointF(mid, bb), QPointF(mid, ba), QPointF(0, ba))
    path.closeSubpath()
    return path
