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
MIN_WIDTH = 36  # in a narrow window the bands give up some room before the text does
DENSE = 60  # more links on screen than this: outline the bands, fill the selected


class LinkMap(QWidget):
    link_clicked = Signal(int)  # index into comparison.links

    def __init__(self, pane_a: ClaimPane, pane_b: ClaimPane, parent: QWidget | None = None):
        super().__init__(parent)
        self.panes = {Side.A: pane_a, Side.B: pane_b}
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Expanding)
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

    def minimumSizeHint(self) -> QSize:
        return QSize(MIN_WIDTH, 0)

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

    def _runs(self, side: Side, ids: tuple[str, ...]) -> list[tuple[float, float]]:
        """Spans of the runs of neighbouring claims among ``ids``: a link that joins
        scattered claims gets one band per run, not one band over everything between."""
        pane = self.panes[side]
        rows = sorted(pane.index[c] for c in ids if c in pane.index)
        runs: list[list[int]] = []
        for row in rows:
            if runs and row - runs[-1][-1] <= 2:
                runs[-1].append(row)
            else:
                runs.append([row])
        return [(pane.claim_span(r[0])[0], pane.claim_span(r[-1])[1]) for r in runs]

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
        painter.setBrush(Qt.BrushStyle.NoBrush)
        background = self.palette().color(self.backgroundRole())
        order = self.visible_links()
        order.sort(key=lambda i: i in self._selected)  # selected bands on top
        muted_a, muted_b = self.panes[Side.A].is_muted, self.panes[Side.B].is_muted
        count = 0
        dense = len(order) > DENSE
        for idx in order:
            link = self._cmp.links[idx]
            if all(muted_a(c) for c in link.a) and all(muted_b(c) for c in link.b):
                continue
            colour = QColor(strong[link.relation.value])
            selected = idx in self._selected
            fill = QColor(colour)
            fill.setAlpha(150 if selected else (60 if not self._selected else 35))
            line = QColor(colour)
            if dense and not selected:
                # an opaque colour mixed with the background looks like a translucent
                # one, and Qt draws opaque lines several times faster
                line = _mix(line, background, 0.45)
            # width 0 is Qt's cosmetic one-pixel pen: the fast line rasteriser, for crowds
            pen = QPen(line, 2.0 if selected else 0.0 if dense else 1.0)
            if link.relation is Relation.DIFFERS and (selected or not dense):
                # dashes are the non-colour cue; in a crowd they cost more than they say
                pen.setDashPattern([4, 3])
            for (ta, ba), (tb, bb) in _pairs(
                self._runs(Side.A, link.a), dy[Side.A], self._runs(Side.B, link.b), dy[Side.B], h
            ):
                path = _band(w, ta + 1, ba - 1, tb + 1, bb - 1, h)
                # an aliased fill under an antialiased outline looks the same and is
                # several times faster than an antialiased fill; where bands crowd, the
                # fills only blur into each other, so just the outlines are drawn
                if selected or not dense:
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
                    painter.fillPath(path, fill)
                    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
                # crowded outlines are drawn aliased: thin, translucent and many
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, selected or not dense)
                painter.setPen(pen)
                painter.drawPath(path)
                self._hit.append((path, idx))
                count += 1
        self.last_band_count = count

    def _paint_only_marks(self, painter: QPainter) -> None:
        """A small notch at the edge beside each claim the other side leaves out."""
        colour = QColor(theme.highlight_colours(self.dark)[Status.ONLY.value])
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)  # _paint_links leaves the brush empty
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


Span = tuple[float, float]


def _pairs(
    runs_a: list[Span], dy_a: float, runs_b: list[Span], dy_b: float, h: float
) -> list[tuple[Span, Span]]:
    """Which runs of a link to join, in widget coordinates: each run on screen is joined
    to the nearest run of the other side (so a link that scatters over a long account
    draws a few bands, not every combination)."""
    a = [(t + dy_a, b + dy_a) for t, b in runs_a]
    b = [(t + dy_b, bt + dy_b) for t, bt in runs_b]
    if len(a) == 1 and len(b) == 1:
        return [(a[0], b[0])] if _on_screen(a[0], h) or _on_screen(b[0], h) else []
    out: list[tuple[Span, Span]] = []
    for span in a:
        if _on_screen(span, h):
            out.append((span, min(b, key=lambda o: abs(o[0] - span[0]))))
    for span in b:
        if _on_screen(span, h):
            pair = (min(a, key=lambda o: abs(o[0] - span[0])), span)
            if pair not in out:
                out.append(pair)
    return out


def _on_screen(span: Span, h: float) -> bool:
    return span[1] >= 0 and span[0] <= h


def _mix(colour: QColor, background: QColor, share: float) -> QColor:
    """``share`` of ``colour`` over ``background``, as an opaque colour."""
    return QColor(
        round(colour.red() * share + background.red() * (1 - share)),
        round(colour.green() * share + background.green() * (1 - share)),
        round(colour.blue() * share + background.blue() * (1 - share)),
    )


def _pull_in(top: float, bottom: float, h: float) -> Span:
    """An end far off screen is drawn just past the edge: the band still points the way,
    and Qt does not flatten a curve thousands of pixels long that nobody sees."""
    margin = 60.0
    if top > h + margin:
        return h + margin, h + margin + min(bottom - top, margin)
    if bottom < -margin:
        return -margin - min(bottom - top, margin), -margin
    return top, bottom


def _band(
    w: float, ta: float, ba: float, tb: float, bb: float, h: float | None = None
) -> QPainterPath:
    """A Bézier band from the span (ta, ba) on the left edge to (tb, bb) on the right."""
    if h is not None:
        ta, ba = _pull_in(ta, ba, h)
        tb, bb = _pull_in(tb, bb, h)
    ba, bb = max(ba, ta + 2), max(bb, tb + 2)
    mid = w / 2
    path = QPainterPath(QPointF(0, ta))
    path.cubicTo(QPointF(mid, ta), QPointF(mid, tb), QPointF(w, tb))
    path.lineTo(QPointF(w, bb))
    path.cubicTo(QPointF(mid, bb), QPointF(mid, ba), QPointF(0, ba))
    path.closeSubpath()
    return path
