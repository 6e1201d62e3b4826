"""Synchronized scrolling by alignment: the other pane follows the claim being read.

Proportional scrolling drifts as soon as one account dwells on a point the other skips.
Instead, take the reading line of the pane the user scrolls; if it falls inside a linked
claim, put the same fraction of its counterparts on the other pane's reading line. If it
falls between linked claims (an omission, a heading, a gap), interpolate between the
counterparts of the linked claims before and after; where links cross, the other pane
simply moves at the reader's pace. Near the end of a pane the reading line slides down to
the bottom so both ends can be reached. Moving the other pane fires its own scroll signal;
that call is dropped by the lock, never queued, so the panes cannot ping-pong.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject

from app.model import Comparison, Side
from ui.claim_pane import READING_LINE, ClaimPane


class ScrollSync(QObject):
    def __init__(self, pane_a: ClaimPane, pane_b: ClaimPane, parent: QObject | None = None):
        super().__init__(parent)
        self.panes = {Side.A: pane_a, Side.B: pane_b}
        self.enabled = True
        self._busy = False
        self._cmp: Comparison | None = None
        self._linked: dict[Side, list[int]] = {Side.A: [], Side.B: []}
        self.dropped = 0  # re-entrant calls dropped (for tests)
        pane_a.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled(Side.A))
        pane_b.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled(Side.B))

    def set_comparison(self, cmp: Comparison | None) -> None:
        self._cmp = cmp
        for side, pane in self.panes.items():
            linked = cmp.links_of if cmp else {}
            self._linked[side] = [i for i, cid in enumerate(pane.ids) if linked.get(cid)]

    @contextmanager
    def locked(self) -> Iterator[None]:
        """Move panes programmatically without the other one following."""
        busy, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = busy

    def _scrolled(self, side: Side) -> None:
        if self._busy:
            self.dropped += 1
            return
        if not self.enabled or self._cmp is None:
            return
        with self.locked():
            self.follow(side)

    def follow(self, side: Side) -> None:
        """Scroll the other pane to match ``side``'s reading position."""
        src, dst = self.panes[side], self.panes[side.other]
        frac = _reading_fraction(src)
        y = src.offset() + frac * src.viewport().height()
        target = self.map_y(side, y)
        dst.verticalScrollBar().setValue(round(target - frac * dst.viewport().height()))

    def map_y(self, side: Side, y: float) -> float:
        """Document y in ``side``'s pane -> matching document y in the other pane."""
        src, dst = self.panes[side], self.panes[side.other]
        tops, bottoms = src.geometry_arrays()
        linked = self._linked[side]
        k = bisect_right([tops[i] for i in linked], y) - 1
        if k >= 0:
            i = linked[k]
            top, bottom = self._counter_span(side, i)
            if y <= bottoms[i]:
                t = (y - tops[i]) / max(1.0, bottoms[i] - tops[i])
                return top + t * (bottom - top)
            p_src, p_dst = bottoms[i], bottom
        else:
            p_src, p_dst = 0.0, 0.0
        if k + 1 < len(linked):
            n = linked[k + 1]
            n_src, n_dst = tops[n], self._counter_span(side, n)[0]
        else:
            n_src, n_dst = src.document().size().height(), dst.document().size().height()
        if n_dst <= p_dst or n_src <= p_src:
            return p_dst + (y - p_src)
        return p_dst + (y - p_src) * (n_dst - p_dst) / (n_src - p_src)

    def _counter_span(self, side: Side, i: int) -> tuple[float, float]:
        """Span of claim i's counterparts. They may lie far apart (several links, or one
        link joining scattered claims); then take the run of neighbouring counterparts
        nearest the other pane's reading line, so that pane keeps one of them in view
        instead of landing halfway between."""
        assert self._cmp is not None
        cmp, src, dst = self._cmp, self.panes[side], self.panes[side.other]
        rows = sorted(dst.index[c] for c in cmp.counterparts(src.ids[i]))
        runs: list[list[int]] = [[rows[0]]]
        for row in rows[1:]:
            if row - runs[-1][-1] > 2:
                runs.append([])
            runs[-1].append(row)
        spans = [(dst.claim_span(run[0])[0], dst.claim_span(run[-1])[1]) for run in runs]
        if len(spans) == 1:
            return spans[0]
        here = dst.reading_y()
        return min(spans, key=lambda s: max(s[0] - here, here - s[1], 0.0))


def _reading_fraction(pane: ClaimPane) -> float:
    """READING_LINE, sliding to the bottom edge over the last screenful of the pane."""
    bar, height = pane.verticalScrollBar(), max(1, pane.viewport().height())
    remaining = bar.maximum() - bar.value()
    if bar.maximum() <= 0 or remaining >= height:
        return READING_LINE
    return READING_LINE + (1 - READING_LINE) * (1 - remaining / height)
