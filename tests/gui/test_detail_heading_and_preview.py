"""The detail panel: its heading describes the pair shown; the preview of a link being
picked keeps every line reachable and offers only what applies to it; Ctrl+L that cannot
link says why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea

from app.edits import Edit, EditKind, link_key
from app.model import Link, Relation, Side
from ui.selection import Selection


def _same_and_differs(cmp):  # type: ignore[no-untyped-def]
    """A claim of A in a Same link and, by a second link, in a Differs one (as the
    alignment makes them in long accounts)."""
    same = next(lk for lk in cmp.links if lk.relation is Relation.SAME and len(lk.a) == 1)
    other_b = cmp.omissions(Side.B)[0].id
    extra = Link(same.a, (other_b,), Relation.DIFFERS, 0.4)
    return cmp.replace(links=(*cmp.links, extra)), same


def test_the_heading_is_the_relation_of_the_link_shown(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    """QA: a claim's Same link shown under the heading "Differs · 1 more link"."""
    cmp, same = _same_and_differs(long_cmp)
    window.show_comparison(cmp)
    window.select(Selection((same.a[0],), link_key(same)))
    heading = window.detail.heading.text()
    assert "<b>Same</b>" in heading and "Differs" not in heading
    assert "1 more link" in heading
    assert window.action_set.mark_differs.isEnabled()  # the link shown is Same
    links = window.comparison.links
    differs = next(lk for lk in links if lk.relation is Relation.DIFFERS and lk.a == same.a)
    window.select(Selection((same.a[0],), link_key(differs)))
    assert "<b>Differs</b>" in window.detail.heading.text()


def test_a_link_made_by_hand_shows_no_match_score(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    a, b = long_cmp.side_claims(Side.A), long_cmp.side_claims(Side.B)
    window.show_comparison(long_cmp)
    assert window.apply_edit(Edit(EditKind.LINK, (a[0].id,), (b[5].id,)))
    window.select(Selection((a[0].id,), ((a[0].id,), (b[5].id,))))
    heading = window.detail.heading.text()
    assert "linked by hand" in heading and "match score" not in heading
    found = next(lk for lk in long_cmp.links if lk.a[0] != a[0].id and len(lk.a) == 1)
    flipped = Relation.DIFFERS if found.relation is Relation.SAME else Relation.SAME
    assert window.apply_edit(Edit(EditKind.RELATION, found.a, found.b, flipped))
    window.select(Selection((found.a[0],), link_key(found)))
    heading = window.detail.heading.text()  # a relation corrected: its score still means much
    assert "match score" in heading and "corrected by hand" in heading


def _preview_five(window, sample_cmp, size):  # type: ignore[no-untyped-def]
    window.resize(*size)
    window.show_comparison(sample_cmp)
    a = [c.id for c in sample_cmp.side_claims(Side.A)]
    b = [c.id for c in sample_cmp.side_claims(Side.B)]
    linked_a = [c for c in a if c in sample_cmp.links_of][:3]
    linked_b = [c for c in b if c in sample_cmp.links_of][2:4]
    window.select(Selection((*linked_a, *linked_b)))
    assert "Link to make" in window.detail.heading.text()
    return window.detail


def test_every_line_of_the_preview_can_be_reached(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """QA: three claims in A and two in B at 1300x760: the lines saying what the link
    changes were cut off at the bottom, with no scroll bar."""
    for size in ((1300, 900), (1300, 760), (900, 760)):
        detail = _preview_five(window, sample_cmp, size)
        qtbot.wait(50)
        label = detail.differences
        assert label.text().count("<br>") >= 2  # several lines of consequences
        needed = label.heightForWidth(label.width())
        area = _scroll_area_of(label, detail)
        if area is None:  # all of it shown, inside the panel
            bottom = label.mapTo(detail, label.rect().bottomLeft()).y()
            assert label.height() >= needed and bottom <= detail.contentsRect().bottom()
        else:  # or scrolled to, inside the panel
            assert area.geometry().bottom() <= detail.contentsRect().bottom()
            shown = area.viewport().height() + area.verticalScrollBar().maximum()
            assert shown >= needed - 1
            if needed > area.viewport().height():
                assert area.verticalScrollBar().isVisible()
        line = label.fontMetrics().lineSpacing()
        for side in Side:  # the claims keep room for about three lines
            assert detail.texts[side].viewport().height() >= 2.5 * line


def _scroll_area_of(widget, panel):  # type: ignore[no-untyped-def]
    parent = widget.parentWidget()
    while parent is not None and parent is not panel:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def test_the_preview_offers_only_what_applies_to_it(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    """QA: Mark as Differs and Unlink acted on the focus's old link, not the one shown."""
    detail = _preview_five(window, sample_cmp, (1300, 900))
    acts = window.action_set
    assert acts.link.isEnabled()
    assert not acts.unlink.isEnabled()
    assert not acts.mark_same.isEnabled() and not acts.mark_differs.isEnabled()
    enabled = [b.defaultAction() for b in detail.tool_buttons if b.isEnabled()]
    assert enabled == [acts.link]


def test_ctrl_l_with_one_side_picked_says_what_is_missing(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    a = [c.id for c in sample_cmp.side_claims(Side.A)]
    window.select(Selection((a[0], a[1])))
    assert not window.action_set.link.isEnabled()
    pane = window.view.pane_a
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus, timeout=2000)
    qtbot.keyClick(pane, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    message = window.statusBar().currentMessage()
    assert "Nothing to link" in message and "other pane" in message
    assert window.undo_stack.count() == 0
