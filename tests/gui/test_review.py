"""Navigation order, corrections with undo/redo, and the review state for sessions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt

from app.edits import Edit, EditKind
from app.model import Relation, Side, Status
from ui import navigation


def test_differences_follow_reading_order(sample_cmp) -> None:  # type: ignore[no-untyped-def]
    order = navigation.differences(sample_cmp)
    assert order and all(sample_cmp.links[i].relation is Relation.DIFFERS for i in order)
    firsts = [min(int(c[1:]) for c in sample_cmp.links[i].a) for i in order]
    assert firsts == sorted(firsts)


def test_omissions_interleave_both_sides(sample_cmp) -> None:  # type: ignore[no-untyped-def]
    order = navigation.omissions(sample_cmp)
    assert set(order) == {c.id for s in Side for c in sample_cmp.omissions(s)}
    sides = [sample_cmp.claim_by_id[c].side for c in order]
    assert sides != sorted(sides)  # not "all of A, then all of B"
    keys = navigation.reading_keys(sample_cmp)
    assert [keys[c] for c in order] == sorted(keys[c] for c in order)


@given(st.lists(st.floats(0, 100), min_size=1, max_size=20), st.integers(0, 19), st.booleans())
def test_step_there_and_back(keys: list[float], at: int, forward: bool) -> None:
    keys = sorted(keys)
    at %= len(keys)
    there = navigation.step(keys, None, at, forward)
    assert there is not None
    assert navigation.step(keys, None, there, not forward) == at


def test_f7_walks_differences_in_order_and_wraps(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    order = navigation.differences(sample_cmp)
    seen = []
    for n in range(len(order) + 1):
        qtbot.keyClick(window, Qt.Key.Key_F7)
        seen.append(window.selection.focus_link(sample_cmp))
        assert window.position_label.text() == f"Difference {n % len(order) + 1} of {len(order)}"
    assert seen == [*order, order[0]]
    qtbot.keyClick(window, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert window.selection.focus_link(sample_cmp) == order[-1]


def test_f8_visits_omissions(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    order = navigation.omissions(sample_cmp)
    seen = []
    for _ in order:
        qtbot.keyClick(window, Qt.Key.Key_F8)
        seen.append(window.selection.focus)
    assert seen == order
    assert window.position_label.text().startswith(f"Omission {len(order)} of {len(order)}")


def test_alt_down_steps_through_claims(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    window.view.pane_b.setFocus()
    qtbot.keyClick(window.view.pane_b, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first = window.selection.focus
    assert first is not None and first.startswith("b")
    qtbot.keyClick(window.view.pane_b, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    pane = window.view.pane_b
    assert pane.index[window.selection.focus] == pane.index[first] + 1


def test_relation_change_undo_redo(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    qtbot.keyClick(window, Qt.Key.Key_F7)
    link = sample_cmp.links[window.selection.focus_link(sample_cmp)]
    cid = link.a[0]
    assert window.action_set.mark_same.isEnabled()
    window.action_set.mark_same.trigger()
    cmp = window.comparison
    assert cmp.status(cid) is Status.SAME
    assert window.view.pane_a.status_of(window.view.pane_a.index[cid]) is Status.SAME
    assert window.isWindowModified()
    assert window.review_state().edits == (Edit(EditKind.RELATION, link.a, link.b, Relation.SAME),)
    window.action_set.undo.trigger()
    assert window.comparison == sample_cmp
    assert window.comparison.status(cid) is Status.DIFFERS
    assert window.review_state().edits == ()
    assert not window.isWindowModified()
    window.action_set.redo.trigger()
    assert window.comparison.status(cid) is Status.SAME


def test_unlink_and_link_again(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    link = next(lk for lk in sample_cmp.links if lk.relation is Relation.SAME)
    window.review.link_clicked(sample_cmp.links.index(link))
    window.action_set.unlink.trigger()
    assert all(window.comparison.status(c) is Status.ONLY for c in link.claim_ids())
    assert not window.action_set.unlink.isEnabled()
    # select both sides by hand and link them (Ctrl+L)
    window._claim_clicked(link.a[0], False)
    window._claim_clicked(link.b[0], True)
    assert window.action_set.link.isEnabled()
    window.action_set.link.trigger()
    assert window.errors == []
    assert window.comparison.counterparts(link.a[0]) == [link.b[0]]
    new = window.comparison.links[window.comparison.links_of[link.a[0]][0]]
    assert new.manual
    assert [e.kind for e in window.review_state().edits] == [EditKind.UNLINK, EditKind.LINK]
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.comparison == sample_cmp
    assert window.undo_stack.isClean()


def test_ctrl_click_after_f7_starts_a_pick_of_its_own(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    """QA: F7, then Ctrl+click a claim on each side and Ctrl+L made a 2:1 link that took
    the claim F7 showed out of its own link."""
    window.show_comparison(sample_cmp)
    window.navigator.difference(True)
    shown = window.selection.focus
    a = next(c.id for c in sample_cmp.side_claims(Side.A) if c.id != shown)
    taken = {*sample_cmp.counterparts(a), *sample_cmp.counterparts(shown)}
    b = next(c.id for c in sample_cmp.side_claims(Side.B) if c.id not in taken)
    window._claim_clicked(a, True)
    window._claim_clicked(b, True)
    assert window.selection.claims == (a, b)
    window.action_set.link.trigger()
    assert sample_cmp.links_of[shown] and window.comparison.links_of.get(shown)  # kept
    linked = window.comparison.links[window.comparison.links_of[a][0]]
    assert (linked.a, linked.b) == ((a,), (b,))
    # the link just made (Ctrl+L) is a pick, not a link shown: Ctrl+click adds to it
    more = next(c.id for c in sample_cmp.side_claims(Side.B) if c.id not in (b, *taken))
    window._claim_clicked(more, True)
    assert window.selection.claims == (a, b, more)
    # picked by hand (a plain click), a claim stays in the pick
    window._claim_clicked(a, False)
    window._claim_clicked(b, True)
    assert window.selection.claims == (a, b)
    # and a link brought up on the map is one shown, as by F7
    window.review.link_clicked(0)
    window._claim_clicked(b, True)
    assert window.selection.claims == (b,)


def test_failed_edit_shows_error_and_pushes_nothing(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    link = sample_cmp.links[0]
    assert not window.apply_edit(Edit(EditKind.LINK, link.a, link.b))  # already linked
    assert window.errors and window.undo_stack.count() == 0


def test_review_state_round_trip(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    qtbot.keyClick(window, Qt.Key.Key_F8)
    window.action_set.filter_omissions.trigger()
    state = window.review_state()
    assert state.view.selected_claim == window.selection.focus
    assert state.view.filter == "omissions"
    window.action_set.filter_all.trigger()
    window.load_review(state)
    assert window.filter == "omissions"
    assert window.selection.focus == state.view.selected_claim
    assert window.action_set.filter_omissions.isChecked()


def test_detail_panel_previews_the_link_being_picked(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.selection import Selection

    window.show_comparison(sample_cmp)
    link = next(lk for lk in sample_cmp.links if len(lk.a) == len(lk.b) == 1)
    (a1,), (partner,) = link.a, link.b
    detail, pane_b = window.detail, window.view.pane_b
    window.select(Selection((a1,)))
    assert "match score" in detail.heading.text()  # its link
    pane_b.setFocus()
    qtbot.waitUntil(pane_b.hasFocus, timeout=2000)
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    for _ in range(len(pane_b.ids)):  # pick in B, as the keyboard does, past its partner
        qtbot.keyClick(pane_b, Qt.Key.Key_Down, alt_shift)
        if window.selection.claims[1:] not in ((), (partner,)):
            break
    _a, picked = window.selection.claims
    assert pane_b.is_selected(picked) and picked != partner
    heading = detail.heading.text()
    assert "Link to make" in heading and "match score" not in heading
    assert detail.texts[Side.A].toPlainText() == sample_cmp.claim_by_id[a1].text
    assert detail.texts[Side.B].toPlainText() == sample_cmp.claim_by_id[picked].text
    moves = detail.differences.text()
    assert "The A claim leaves its link with B" in moves  # a1 leaves its partner
    assert ("The B claim leaves its link" in moves) is bool(sample_cmp.links_of.get(picked))
    qtbot.keyClick(pane_b, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    heading = detail.heading.text()
    # a link made by hand has no match score to show (its 1.00 meant nothing)
    assert "linked by hand" in heading and "Link to make" not in heading
    assert "match score" not in heading


def test_link_moves_say_what_a_new_link_takes_from_the_old_ones(sample_cmp) -> None:  # type: ignore[no-untyped-def]
    from app import edits
    from ui.commands import claim_snippet, claims_snippet
    from ui.detail_panel import SNIPPET, link_moves

    def q(cid: str) -> str:
        return claim_snippet(sample_cmp, cid, SNIPPET)

    link = next(lk for lk in sample_cmp.links if len(lk.a) == len(lk.b) == 1)
    (a1,), (b1,) = link.a, link.b
    only_a, only_b = sample_cmp.omissions(Side.A)[0].id, sample_cmp.omissions(Side.B)[0].id
    assert link_moves(sample_cmp, (only_a,), (only_b,)) == []
    assert link_moves(sample_cmp, (a1,), (b1, only_b)) == [
        f"Replaces the link A {q(a1)} ↔ B {q(b1)}."
    ]
    assert link_moves(sample_cmp, (a1,), (only_b,)) == [
        f"The A claim leaves its link with B {q(b1)}, which becomes an omission."
    ]
    wider = edits.apply(sample_cmp, Edit(EditKind.LINK, (a1,), (b1, only_b)))
    assert link_moves(wider, (only_a,), (b1,)) == [f"The B claim leaves its link with A {q(a1)}."]
    assert link_moves(wider, (a1,), (sample_cmp.omissions(Side.B)[1].id,)) == [
        f"The A claim leaves its link with B {q(b1)} +1, which become omissions."
    ]
    # both sides leave one link: what is left of it stays linked (edits.apply says so too)
    both = edits.apply(wider, Edit(EditKind.LINK, (a1, only_a), (b1, only_b)))
    moved = link_moves(both, (a1,), (b1,))
    assert moved == [f"{claims_snippet(both, (a1, b1), SNIPPET)} leave their link; "
                     f"A {q(only_a)} ↔ B {q(only_b)} stay linked."]  # fmt: skip
    after = edits.apply(both, Edit(EditKind.LINK, (a1,), (b1,)))
    assert any(lk.a == (only_a,) and lk.b == (only_b,) for lk in after.links)
