"""Keyboard travel through a comparison: differences, omissions, claims; the status line."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from app.edits import link_key
from app.model import Comparison, Side
from ui import navigation
from ui.selection import Selection

if TYPE_CHECKING:
    from ui.claim_pane import ClaimPane
    from ui.main_window import MainWindow


class Lists(NamedTuple):
    differences: list[int]
    omissions: list[str]
    keys: dict[str, float]


class Navigator:
    """Moves the window's selection; knows the reading order, not the widgets."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._cache: tuple[object, str | None, Lists] | None = None
        a = window.action_set
        a.next_difference.triggered.connect(lambda: self.difference(True))
        a.previous_difference.triggered.connect(lambda: self.difference(False))
        a.next_omission.triggered.connect(lambda: self.omission(True))
        a.previous_omission.triggered.connect(lambda: self.omission(False))
        a.next_claim.triggered.connect(lambda: self.claim(1))
        a.previous_claim.triggered.connect(lambda: self.claim(-1))
        a.next_claim_to_link.triggered.connect(lambda: self.claim(1, keep_other=True))
        a.previous_claim_to_link.triggered.connect(lambda: self.claim(-1, keep_other=True))
        a.add_next_claim.triggered.connect(self.add_next_claim)

    def lists(self, cmp: Comparison, topic: str | None) -> Lists:
        """Differences, omissions and reading keys, computed once per comparison value."""
        if self._cache is None or self._cache[0] is not cmp or self._cache[1] != topic:
            lists = Lists(
                navigation.differences(cmp, topic),
                navigation.omissions(cmp, topic),
                navigation.reading_keys(cmp),
            )
            self._cache = (cmp, topic, lists)
        return self._cache[2]

    def difference(self, forward: bool) -> None:
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return
        items, _omitted, keys = self.lists(cmp, w.display.topic_filter())
        if not items:
            w.statusBar().showMessage("No differences to visit.", 3000)
            return
        order = [min(keys[c] for c in cmp.links[i].claim_ids()) for i in items]
        focus_link = w.selection.focus_link(cmp)
        at = items.index(focus_link) if focus_link in items else None
        current = keys.get(w.selection.focus or "")
        i = navigation.step(order, current, at, forward)
        assert i is not None
        link = cmp.links[items[i]]
        w.select(Selection((link.a[0],), link_key(link), shown=True))

    def omission(self, forward: bool) -> None:
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return
        _diffs, items, keys = self.lists(cmp, w.display.topic_filter())
        if not items:
            w.statusBar().showMessage("Neither account leaves anything out.", 3000)
            return
        order = [keys[c] for c in items]
        focus = w.selection.focus
        at = items.index(focus) if focus in items else None
        i = navigation.step(order, keys.get(focus or ""), at, forward)
        assert i is not None
        w.select(Selection((items[i],)))

    def claim(self, delta: int, keep_other: bool = False) -> None:
        """Next or previous claim in the pane with keyboard focus (else in the pane of the
        focus claim), selected alone; with ``keep_other`` it takes the place of this pane's
        claims beside those picked in the other pane: the keyboard's way to pick the two
        sides of a link (Alt+Down in A, Ctrl+Tab, Alt+Shift+Down in B, Ctrl+L)."""
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return
        side = self._side(cmp)
        pane = w.view.pane(side)
        if not pane.ids:
            return
        mine = w.selection.side_ids(cmp, side)
        if mine:
            i = _step_shown(pane, pane.index[mine[-1]], delta)
        else:
            i = self._start(cmp, side)
        if not keep_other:
            w.select(Selection((pane.ids[i],)))
            return
        self._pick(Selection((*w.selection.side_ids(cmp, side.other), pane.ids[i])), side, i)

    def add_next_claim(self) -> None:
        """Add the claim after the last selected one in the focused pane (a side of a link
        with several claims)."""
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return
        side = self._side(cmp)
        pane = w.view.pane(side)
        mine = [pane.index[c] for c in w.selection.side_ids(cmp, side)]
        i = max(mine) + 1 if mine else self._start(cmp, side)
        if i < len(pane.ids):
            self._pick(w.selection.toggled(pane.ids[i]), side, i)

    def _side(self, cmp: Comparison) -> Side:
        """The pane the keys act in: the focused one, else the focus claim's."""
        w = self.window
        side = w.focus_areas.focused_pane()
        if side is None and w.selection.focus:
            side = cmp.claim_by_id[w.selection.focus].side
        return side or Side.A

    def _start(self, cmp: Comparison, side: Side) -> int:
        """Where the keys start in a pane none of whose claims is selected: the counterpart
        of the selected claim when it is in view (the band points there), else the first
        claim shown whole, not one cut off at the top edge."""
        w = self.window
        pane = w.view.pane(side)
        visible = pane.visible_range()
        link = w.selection.focus_link(cmp)
        if link is not None:
            shown = [pane.index[c] for c in cmp.links[link].side_ids(side) if c in pane.index]
            if shown and min(shown) in visible:
                return min(shown)
        tops, _bottoms = pane.geometry_arrays()
        whole = [i for i in visible if tops[i] >= pane.offset()]
        if whole:
            return whole[0]
        return visible.start if len(visible) else 0

    def _pick(self, selection: Selection, side: Side, i: int) -> None:
        """Select, bringing the picked claim into view in its own pane only: the other
        pane keeps showing what was picked there."""
        w = self.window
        w.select(selection, reveal=False)
        with w.view.sync.locked():
            w.view.pane(side).reveal(w.view.pane(side).ids[i])

    def status_text(self) -> str:
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return ""
        topic = w.display.topic_filter()
        diffs, omitted, _keys = self.lists(cmp, topic)
        focus = w.selection.focus
        link = w.selection.focus_link(cmp)
        if len(w.selection.claims) > 1:
            return f"{len(w.selection.claims)} claims selected · {w.review.link_hint(cmp)}"
        if link is not None and link in diffs:
            return f"Difference {diffs.index(link) + 1} of {len(diffs)}"
        if focus in omitted:
            label = cmp.document(cmp.claim_by_id[focus].side).label
            return f"Omission {omitted.index(focus) + 1} of {len(omitted)} · only in {label}"
        counts = (
            _count(len(diffs), "difference"),
            _count(len(omitted), "omission"),
            _count(navigation.agreements(cmp, topic), "agreement"),
        )
        scope = " in this topic" if topic else ""
        return f"{' · '.join(counts)}{scope} · F7 next difference, F8 next omission"

    def update_status(self) -> None:
        self.window.position_label.set_full_text(self.status_text())


def _step_shown(pane: ClaimPane, at: int, delta: int) -> int:
    """The next claim of ``pane`` from ``at`` that the filters leave in view (``at`` at the
    end)."""
    i = at + delta
    while 0 <= i < len(pane.ids):
        if not pane.is_muted(pane.ids[i]):
            return i
        i += delta
    return at


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
