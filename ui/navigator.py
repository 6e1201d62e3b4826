"""Keyboard travel through a comparison: differences, omissions, claims; the status line."""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from app.edits import link_key
from app.model import Comparison
from ui import navigation
from ui.selection import Selection

if TYPE_CHECKING:
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
        items, _omitted, keys = self.lists(cmp, w.topic_filter())
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
        w.select(Selection((link.a[0],), link_key(link)))

    def omission(self, forward: bool) -> None:
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return
        _diffs, items, keys = self.lists(cmp, w.topic_filter())
        if not items:
            w.statusBar().showMessage("Neither account leaves anything out.", 3000)
            return
        order = [keys[c] for c in items]
        focus = w.selection.focus
        at = items.index(focus) if focus in items else None
        i = navigation.step(order, keys.get(focus or ""), at, forward)
        assert i is not None
        w.select(Selection((items[i],)))

    def claim(self, delta: int) -> None:
        """Next or previous claim in the pane of the focus claim (or the focused pane)."""
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return
        side = cmp.claim_by_id[w.selection.focus].side if w.selection.focus else w.focused_side()
        pane = w.view.pane(side)
        if not pane.ids:
            return
        if w.selection.focus in pane.index:
            i = min(max(pane.index[w.selection.focus] + delta, 0), len(pane.ids) - 1)
        else:
            visible = pane.visible_range()
            i = visible.start if len(visible) else 0
        w.select(Selection((pane.ids[i],)))

    def add_next_claim(self) -> None:
        """Add the claim after the last selected one in the focused pane (keyboard linking)."""
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return
        side = w.focused_side()
        pane = w.view.pane(side)
        mine = [pane.index[c] for c in w.selection.side_ids(cmp, side)]
        if mine:
            i = max(mine) + 1
        else:
            visible = pane.visible_range()
            i = visible.start if len(visible) else 0
        if i < len(pane.ids):
            w.select(w.selection.toggled(pane.ids[i]))

    def switch_pane(self) -> None:
        w = self.window
        other = w.focused_side().other
        w.view.pane(other).setFocus()

    def status_text(self) -> str:
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return ""
        topic = w.topic_filter()
        diffs, omitted, _keys = self.lists(cmp, topic)
        focus = w.selection.focus
        link = w.selection.focus_link(cmp)
        if len(w.selection.claims) > 1:
            return f"{len(w.selection.claims)} claims selected · Link them with Ctrl+L"
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
        self.window.position_label.setText(self.status_text())


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
