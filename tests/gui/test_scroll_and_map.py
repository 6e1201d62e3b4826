"""Synchronized scrolling by alignment, and the link map's visible-range painting."""

from __future__ import annotations

from app.model import Side


def in_view(pane, i) -> bool:  # type: ignore[no-untyped-def]
    top, bottom = pane.claim_span(i)
    return bottom > pane.offset() and top < pane.offset() + pane.viewport().height()


def test_counterpart_of_reading_claim_stays_in_view(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    """While a claim of the chain that steers scrolling is read, its counterparts are in
    view (links crossing that chain do not steer: see test_scroll_monotone)."""
    window.show_comparison(long_cmp)
    pane_a, pane_b = window.view.pane_a, window.view.pane_b
    bar = pane_a.verticalScrollBar()
    assert bar.maximum() > pane_a.viewport().height()
    chain = window.view.sync.chain
    assert len(chain) >= 10
    checked = 0
    for value in range(0, bar.maximum() - pane_a.viewport().height(), 37):
        bar.setValue(value)
        y = pane_a.reading_y()
        # the chained claims being read, if the reading line is on one
        read = [(b0, b1) for a0, a1, b0, b1 in chain if pane_a.claim_span(a0)[0] <= y]
        if not read or pane_a.claim_span(chain[len(read) - 1][1])[1] < y:
            continue  # the reading line is in a gap, on an omission or a crossing link
        b0, b1 = read[-1]
        assert any(in_view(pane_b, row) for row in range(b0, b1 + 1)), (value, read[-1])
        checked += 1
    assert checked >= 10
    assert window.view.sync.dropped > 0  # B's echo of each move was dropped, not queued


def test_sync_follows_alignment_not_proportion(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    sync = window.view.sync
    pane_a, pane_b = window.view.pane_a, window.view.pane_b
    linked = [i for i, c in enumerate(pane_a.ids) if long_cmp.counterparts(c)]
    i = linked[len(linked) // 2]
    top, bottom = pane_a.claim_span(i)
    mapped = sync.map_y(Side.A, (top + bottom) / 2)
    spans = [pane_b.claim_span(pane_b.index[c]) for c in long_cmp.counterparts(pane_a.ids[i])]
    assert min(s[0] for s in spans) <= mapped <= max(s[1] for s in spans)


def test_sync_toggle_off(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    window.action_set.sync_scroll.trigger()
    assert not window.view.sync.enabled
    before = window.view.pane_b.offset()
    window.view.pane_a.verticalScrollBar().setValue(600)
    assert window.view.pane_b.offset() == before
    window.action_set.sync_scroll.trigger()
    assert window.view.sync.enabled


def test_reentrant_calls_are_dropped(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    sync = window.view.sync
    calls = []
    original = sync.follow
    sync.follow = lambda side: (calls.append(side), original(side))  # type: ignore[method-assign]
    window.view.pane_a.verticalScrollBar().setValue(500)
    assert calls == [Side.A]  # B moved, but its scroll did not move A back


def test_link_map_paints_visible_range_only(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    lm = window.view.link_map
    window.view.pane_a.verticalScrollBar().setValue(
        window.view.pane_a.verticalScrollBar().maximum() // 2
    )
    visible = lm.visible_links()
    assert 0 < len(visible) < len(long_cmp.links)
    lm.repaint()
    assert lm.last_band_count > 0
    assert {idx for _path, idx in lm._hit} <= set(visible)
    assert lm.last_paint_ms < 16
    for idx in visible:  # every band drawn has an end on screen
        link = long_cmp.links[idx]
        ends = [(window.view.pane_a, c) for c in link.a] + [(window.view.pane_b, c) for c in link.b]
        assert any(pane.index[c] in pane.visible_range() for pane, c in ends)
    on_screen = {
        i
        for pane in (window.view.pane_a, window.view.pane_b)
        for row in pane.visible_range()
        for i in long_cmp.links_of.get(pane.ids[row], [])
    }
    assert set(visible) == on_screen


def test_link_map_click_selects_pair(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt

    window.show_comparison(sample_cmp)
    lm = window.view.link_map
    lm.repaint()
    path, _idx = lm._hit[0]
    point = path.boundingRect().center().toPoint()
    if not path.contains(path.boundingRect().center()):
        point = QPoint(lm.width() // 2, int(path.pointAtPercent(0.25).y()) + 3)
    qtbot.mouseClick(lm, Qt.MouseButton.LeftButton, pos=point)
    link = sample_cmp.links[window.selection.focus_link(sample_cmp)]
    assert window.selection.focus in link.a
