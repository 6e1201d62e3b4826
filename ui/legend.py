"""The always-visible key to what the colours, underlines and margin marks mean."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.model import Status
from ui import theme

ENTRIES = (
    (Status.SAME, "Same", "solid underline, solid bar in the margin"),
    (Status.DIFFERS, "Differs", "wavy underline, dashed bar in the margin"),
    (Status.ONLY, "Only on this side", "no underline, dot in the margin"),
)
SWATCH = 40
GAP = 18


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dark = False
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setToolTip("\n".join(f"{name}: {how}" for _s, name, how in ENTRIES))
        self.setAccessibleName("Legend: " + "; ".join(f"{n}: {h}" for _s, n, h in ENTRIES))

    def set_dark(self, dark: bool) -> None:
        self.dark = dark
        self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        width = sum(SWATCH + 8 + fm.horizontalAdvance(name) + GAP for _s, name, _h in ENTRIES)
        return QSize(width, max(fm.height(), 16) + 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        strong, back = theme.highlight_colours(self.dark), theme.highlight_backgrounds(self.dark)
        fm = self.fontMetrics()
        x, h = 0.0, float(self.height())
        for status, name, _how in ENTRIES:
            box = QRectF(x + 12, h / 2 - 8, SWATCH - 12, 16)
            p.fillRect(box, QColor(back[status.value]))
            colour = QColor(strong[status.value])
            _marker(p, colour, status, x + 8, box.top(), box.bottom())
            _underline(p, colour, status, box.left() + 2, box.right() - 2, box.bottom() - 2)
            p.setPen(self.palette().color(self.foregroundRole()))
            text_x = x + SWATCH + 8
            p.drawText(
                QRectF(text_x, 0, fm.horizontalAdvance(name) + 2, h),
                Qt.AlignmentFlag.AlignVCenter,
                name,
            )
            x = text_x + fm.horizontalAdvance(name) + GAP


def _marker(p: QPainter, colour: QColor, status: Status, x: float, top: float, bottom: float):  # type: ignore[no-untyped-def]
    pen = QPen(colour, 3)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    if status is Status.DIFFERS:
        pen.setDashPattern([1.5, 1.0])
    p.setPen(pen)
    p.drawLine(QPointF(x, top), QPointF(x, bottom))
    if status is Status.ONLY:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(QRectF(x - 8, top, 5, 5))


def _underline(p: QPainter, colour: QColor, status: Status, x0: float, x1: float, y: float):  # type: ignore[no-untyped-def]
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setPen(QPen(colour, 1.2))
    if status is Status.SAME:
        p.drawLine(QPointF(x0, y), QPointF(x1, y))
    elif status is Status.DIFFERS:
        path = QPainterPath(QPointF(x0, y))
        steps = int(x1 - x0)
        for k in range(1, steps + 1):
            path.lineTo(QPointF(x0 + k, y - 1.5 * math.sin(k * math.pi / 2.5)))
        p.drawPath(path)
