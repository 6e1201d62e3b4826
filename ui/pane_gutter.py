"""The margin beside a pane: a marker per claim, shaped by status so colour is not the
only cue (solid bar = same, dashed bar = differs, bar with a dot = only on this side), and
an arrow at each claim the reader picked."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from app.model import Status
from ui import theme

if TYPE_CHECKING:
    from ui.claim_pane import ClaimPane

WIDTH = 16


class PaneGutter(QWidget):
    """Paints the markers of the claims in the pane's visible range only."""

    def __init__(self, pane: ClaimPane) -> None:
        super().__init__(pane)
        self._pane = pane

    def paintEvent(self, event: QPaintEvent) -> None:
        pane = self._pane
        painter = QPainter(self)
        painter.fillRect(self.rect(), pane.palette().color(pane.backgroundRole()))
        if not pane.ids:
            return
        strong = theme.highlight_colours(pane.dark)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dy = pane.viewport().geometry().top() - pane.offset() - self.geometry().top()
        for i in pane.visible_range():
            cid = pane.ids[i]
            if pane.is_muted(cid):
                continue
            status = pane.status_of(i)
            top, bottom = pane.claim_span(i)
            paint_marker(painter, QColor(strong[status.value]), status,
                         top + dy + 2, bottom + dy - 2, pane.is_highlighted(cid))  # fmt: skip
            if pane.is_selected(cid):
                paint_pick(painter, pane.palette().color(QPalette.ColorRole.Highlight),
                           top + dy + 2, bottom + dy - 2)  # fmt: skip


def paint_marker(p: QPainter, colour: QColor, status: Status, top: float, bottom: float,
                 selected: bool) -> None:  # fmt: skip
    x = WIDTH - 6.0
    pen = QPen(colour, 4 if selected else 3)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if status is Status.DIFFERS:
        pen.setDashPattern([1.5, 1.0])
    p.setPen(pen)
    p.drawLine(QLineF(x, top, x, max(top + 4, bottom)))
    if status is Status.ONLY:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(QRectF(2.0, top, 6.0, 6.0))


def paint_pick(p: QPainter, colour: QColor, top: float, bottom: float) -> None:
    """A claim the reader picked (clicked, or reached with the keys) gets an arrow pointing
    at it in the accent colour, beside its status bar: its partners are tinted as well, so
    the tint alone would not tell which claims a link will join."""
    mid = (top + min(bottom, top + 40)) / 2  # by the first lines of a long claim
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawPolygon(QPolygonF([QPointF(0.0, mid - 6), QPointF(8.0, mid), QPointF(0.0, mid + 6)]))
