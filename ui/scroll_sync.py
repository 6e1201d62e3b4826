"""Synchronized scrolling by alignment: the other pane follows the claim being read.

Proportional scrolling drifts as soon as one account dwells on a point the other skips, so
the panes are tied together by their links instead, much as Meld ties two files together
by their diff chunks:

1. Anchors. Every link gives an anchor per run of neighbouring claims on each side: rows
   ``a0..a1`` of A go with rows ``b0..b1`` of B. Its weight is the characters it joins
   times the link's score.
2. The chain. Links may cross (a summary told in another order, a stray match between
   the first paragraph of one account and the last of the other). Only the heaviest chain
   of anchors that goes down both panes at once is kept (a weighted longest increasing
   subsequence: each anchor wholly below the one before it, on both sides). A link that
   crosses the chain does not steer scrolling; a stray one crosses many others and is left
   out.
3. The map. Document y in one pane -> document y in the other is piecewise linear through
   the tops of both panes, the middle of each chained anchor on both sides, and the ends
   of both panes: the middle of a chained claim is read alongside the middle of its
   counterparts, and in between (omissions, headings, crossing links) both panes move
   evenly. Middles rather than edges spread the catching up over the claims either side,
   so where one account has a long passage the other lacks, the other pane speeds up for a
   while instead of jumping. The map only ever goes up, so scrolling one pane down never
   moves the other up.
4. The reading line. The scroll value of a pane gives the y the reader is taken to be at:
   the top edge at the very top, sliding down to ``READING_LINE`` over the first screenful,
   staying there, and sliding on to the bottom edge over the last screenful. The other
   pane is scrolled so that its own reading line sits on the mapped y. Both of these go up
   too, so when one pane is at its top (or end) the other is at its top (or end), and both
   ends of both panes can be reached.

Moving the other pane fires its own scroll signal; that call is dropped by the lock, never
queued, so the panes cannot ping-pong.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import product

from PySide6.QtCore import QObject

from app.model import Comparison, Side
from ui.claim_pane import READING_LINE, ClaimPane

Anchor = tuple[int, int, int, int]  # rows a0..a1 of pane A go with rows b0..b1 of pane B


class ScrollSync(QObject):
    def __init__(self, pane_a: ClaimPane, pane_b: ClaimPane, parent: QObject | None = None):
        super().__init__(parent)
        self.panes = {Side.A: pane_a, Side.B: pane_b}
        self.enabled = True
        self._busy = False
        self._cmp: Comparison | None = None
        self.chain: list[Anchor] = []  # the anchors that steer scrolling, top to bottom
        self.dropped = 0  # re-entrant calls dropped (for tests)
        pane_a.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled(Side.A))
        pane_b.verticalScrollBar().valueChanged.connect(lambda _v: self._scrolled(Side.B))

    def set_comparison(self, cmp: Comparison | None) -> None:
        self._cmp = cmp
        self.chain = _heaviest_chain(_anchors(cmp, *self.panes.values())) if cmp else []

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
        y = _interp(src.offset(), *_reading_line(src))
        values, ys = _reading_line(dst)
        dst.verticalScrollBar().setValue(round(_interp(self.map_y(side, y), ys, values)))

    def map_y(self, side: Side, y: float) -> float:
        """Document y in ``side``'s pane -> matching document y in the other pane."""
        return _interp(y, *self._knots(side))

    def _knots(self, side: Side) -> tuple[list[float], list[float]]:
        """The points the map goes through: the tops, the middle of every chained anchor,
        the ends; as (ys in ``side``'s pane, ys in the other), both going up."""
        src, dst = self.panes[side], self.panes[side.other]
        xs, ys = [0.0], [0.0]
        for a0, a1, b0, b1 in self.chain:
            s0, s1, d0, d1 = (a0, a1, b0, b1) if side is Side.A else (b0, b1, a0, a1)
            xs.append(_middle(src, s0, s1))
            ys.append(_middle(dst, d0, d1))
        xs.append(_end(src))
        ys.append(_end(dst))
        return xs, ys


def _anchors(cmp: Comparison, pane_a: ClaimPane, pane_b: ClaimPane) -> list[tuple[Anchor, float]]:
    """An anchor and its weight for every run of the link's claims on A and on B."""
    out = []
    for link in cmp.links:
        runs_a = _runs(sorted(pane_a.index[c] for c in link.a))
        runs_b = _runs(sorted(pane_b.index[c] for c in link.b))
        for run_a, run_b in product(runs_a, runs_b):
            chars = sum(len(cmp.claim_by_id[pane_a.ids[r]].text) for r in run_a)
            chars += sum(len(cmp.claim_by_id[pane_b.ids[r]].text) for r in run_b)
            anchor = (run_a[0], run_a[-1], run_b[0], run_b[-1])
            out.append((anchor, max(1, chars) * max(0.05, link.score)))
    return out


def _runs(rows: list[int]) -> list[list[int]]:
    """Sorted rows cut where they lie apart (more than one claim between)."""
    runs: list[list[int]] = []
    for row in rows:
        if not runs or row - runs[-1][-1] > 2:
            runs.append([])
        runs[-1].append(row)
    return runs


def _heaviest_chain(weighted: list[tuple[Anchor, float]]) -> list[Anchor]:
    """The anchors, each wholly below the one before on both sides, of greatest weight.

    Anchors are taken in order of their first row in A; one becomes a possible
    predecessor once its last row in A is above the current anchor's first, and is kept
    in a Fenwick tree by its last row in B, which answers "the heaviest chain ending
    above row b" in log time: O(n log n) in all, so an edit on a 20,000-claim
    comparison does not stall."""
    weighted = sorted(weighted)
    anchors = [anchor for anchor, _w in weighted]
    size = max((a[3] for a in anchors), default=0) + 2
    tree_best = [0.0] * (size + 1)  # Fenwick tree over B's last rows: best chain, its end
    tree_end = [-1] * (size + 1)
    best = [0.0] * len(anchors)
    prev = [-1] * len(anchors)
    by_a1 = sorted(range(len(anchors)), key=lambda k: anchors[k][1])
    ready = 0
    for j, ((a0, _a1, b0, _b1), weight) in enumerate(weighted):
        while ready < len(by_a1) and anchors[by_a1[ready]][1] < a0:
            k = by_a1[ready]
            pos = anchors[k][3] + 1
            while pos <= size:
                if best[k] > tree_best[pos]:
                    tree_best[pos], tree_end[pos] = best[k], k
                pos += pos & -pos
            ready += 1
        top, end, pos = 0.0, -1, b0  # the best over B's last rows 0 .. b0 - 1
        while pos > 0:
            if tree_best[pos] > top:
                top, end = tree_best[pos], tree_end[pos]
            pos -= pos & -pos
        best[j], prev[j] = weight + top, end
    chain, j = [], max(range(len(anchors)), key=best.__getitem__, default=-1)
    while j >= 0:
        chain.append(anchors[j])
        j = prev[j]
    return chain[::-1]


def _reading_line(pane: ClaimPane) -> tuple[list[float], list[float]]:
    """Scroll value -> document y of the reading line, as knots for ``_interp``: the top
    edge at the top, ``READING_LINE`` from a screenful down, the bottom edge at the end."""
    end, height = pane.verticalScrollBar().maximum(), pane.viewport().height()
    if end <= 0:
        return [0.0], [0.0]
    ramp = min(height, end / 2)
    line = READING_LINE * height
    return [0.0, ramp, end - ramp, end], [0.0, ramp + line, end - ramp + line, end + height]


def _middle(pane: ClaimPane, first: int, last: int) -> float:
    """Halfway between the top of claim ``first`` and the bottom of claim ``last``."""
    return float(pane.claim_span(first)[0] + pane.claim_span(last)[1]) / 2


def _end(pane: ClaimPane) -> float:
    """Document y of the bottom edge with the pane scrolled to its end."""
    return float(pane.verticalScrollBar().maximum() + pane.viewport().height())


def _interp(x: float, xs: list[float], ys: list[float]) -> float:
    """Piecewise linear through the knots (``xs`` and ``ys`` going up), flat beyond."""
    k = bisect_right(xs, x)
    if k == 0:
        return ys[0]
    if k == len(xs):
        return ys[-1]
    x0, x1, y0, y1 = xs[k - 1], xs[k], ys[k - 1], ys[k]
    return y0 + (y1 - y0) * (x - x0) / (x1 - x0)
