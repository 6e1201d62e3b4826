"""Keyboard use: which pane has focus, claims reached and linked by key, Tab and Enter
where a keyboard user needs them, and a window narrow enough for half a screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from app.edits import Edit, EditKind
from app.model import Side
from ui.claim_pane import MIN_PANE_WIDTH
from ui.selection import Selection

ALT = Qt.KeyboardModifier.AltModifier
ALT_SHIFT = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier


def focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus, timeout=2000)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        parts = [x / 255 for x in (c.red(), c.green(), c.blue())]
        lin = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in parts]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_focused_pane_is_marked_in_both_themes(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    view = window.view
    for mode in ("light", "dark"):
        window.apply_theme(mode)
        accent = view.palette().color(QPalette.ColorRole.Highlight)
        background = view.palette().color(QPalette.ColorRole.Window)
        assert contrast(accent, background) >= 3  # non-text contrast, WCAG 1.4.11
        for side in Side:
            focus(qtbot, view.pane(side))
            image = view.grab().toImage()

            def bar(s: Side, image=image) -> QColor:  # type: ignore[no-untyped-def]
                header = view.headers[s].geometry()
                return image.pixelColor(header.center().x(), header.bottom() - 1)

            def frame(s: Side, image=image) -> QColor:  # type: ignore[no-untyped-def]
                pane = view.pane(s).geometry()
                return image.pixelColor(pane.center().x(), pane.bottom())

            assert bar(side) == accent and frame(side) == accent, (mode, side)
            assert bar(side.other) != accent and frame(side.other) != accent, (mode, side)
    # the window losing focus to another widget takes the mark away
    focus(qtbot, window.sidebar.view)
    assert not view.headers[Side.A].focused and not view.headers[Side.B].focused


def test_next_claim_moves_in_the_pane_with_focus(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    pane_a, pane_b = window.view.pane_a, window.view.pane_b
    focus(qtbot, pane_a)
    qtbot.keyClick(pane_a, Qt.Key.Key_Down, ALT)
    assert window.selection.claims[0] in pane_a.index
    focus(qtbot, pane_b)  # a claim of A is still selected
    qtbot.keyClick(pane_b, Qt.Key.Key_Down, ALT)
    (first,) = window.selection.claims
    assert first in pane_b.index
    qtbot.keyClick(pane_b, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(pane_b, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(pane_b, Qt.Key.Key_Up, ALT)
    assert window.selection.claims == (pane_b.ids[pane_b.index[first] + 1],)


def test_next_claim_steps_over_claims_the_filter_greys_out(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    window.set_filter("omissions")
    pane_a = window.view.pane_a
    only = [c.id for c in sample_cmp.omissions(Side.A)]
    window.select(Selection((only[0],)))
    focus(qtbot, pane_a)
    seen = []
    for _ in range(len(pane_a.ids)):
        qtbot.keyClick(pane_a, Qt.Key.Key_Down, ALT)
        seen.append(window.selection.focus)
    assert seen == [*only[1:], *[only[-1]] * (len(pane_a.ids) - len(only) + 1)]


def test_keyboard_links_a_claim_of_a_with_the_claim_reached_in_b(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    pane_a, pane_b = window.view.pane_a, window.view.pane_b
    omission = sample_cmp.omissions(Side.A)[0].id  # no counterpart to start from
    focus(qtbot, pane_a)
    for _ in range(len(pane_a.ids)):
        qtbot.keyClick(pane_a, Qt.Key.Key_Down, ALT)
        if window.selection.claims == (omission,):
            break
    assert window.selection.claims == (omission,)
    qtbot.keyClick(pane_a, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is pane_b
    qtbot.keyClick(pane_b, Qt.Key.Key_Down, ALT_SHIFT)
    a, start = window.selection.claims
    assert a == omission and start in pane_b.index
    top, _bottom = pane_b.claim_span(pane_b.index[start])
    assert pane_b.offset() <= top  # the first claim shown whole, not one cut off above
    for _ in range(3):
        qtbot.keyClick(pane_b, Qt.Key.Key_Down, ALT_SHIFT)
    qtbot.keyClick(pane_b, Qt.Key.Key_Up, ALT_SHIFT)
    chosen = pane_b.ids[pane_b.index[start] + 2]
    assert window.selection.claims == (omission, chosen)  # exactly the claim reached
    assert pane_b.index[chosen] in pane_b.visible_range()
    assert pane_a.index[omission] in pane_a.visible_range()  # A stayed where it was
    assert window.action_set.link.isEnabled()
    qtbot.keyClick(pane_b, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert any(lk.a == (omission,) and lk.b == (chosen,) for lk in window.comparison.links)


def test_picks_start_at_the_counterpart_and_can_be_several(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    pane_a, pane_b = window.view.pane_a, window.view.pane_b
    linked = sample_cmp.links[3].a[0]
    focus(qtbot, pane_a)
    for _ in range(len(pane_a.ids)):
        qtbot.keyClick(pane_a, Qt.Key.Key_Down, ALT)
        if window.selection.claims == (linked,):
            break
    link = sample_cmp.links[window.selection.focus_link(sample_cmp)]
    focus(qtbot, pane_b)
    qtbot.keyClick(pane_b, Qt.Key.Key_Down, ALT_SHIFT)
    counterpart = min(link.b, key=pane_b.index.__getitem__)  # where its band points
    assert window.selection.claims == (linked, counterpart)
    window.action_set.add_next_claim.trigger()  # one side of a link with two claims
    following = pane_b.ids[pane_b.index[counterpart] + 1]
    assert window.selection.claims == (linked, counterpart, following)


def test_tab_leaves_the_paste_box_of_a_new_comparison(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.new_comparison import NewComparisonDialog

    dialog = NewComparisonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    for editor in (dialog.side_a, dialog.side_b):
        box = editor.text
        focus(qtbot, box)
        qtbot.keyClick(box, Qt.Key.Key_Tab)
        assert not box.hasFocus() and box.toPlainText() == ""
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Backtab)
        assert box.hasFocus()
        qtbot.keyClick(box, Qt.Key.Key_Backtab)
        assert not box.hasFocus() and box.toPlainText() == ""


def test_enter_return_and_space_press_the_welcome_buttons(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.welcome import WelcomeView

    welcome = WelcomeView()
    qtbot.addWidget(welcome)
    welcome.resize(800, 600)
    welcome.show()
    qtbot.waitExposed(welcome)
    welcome.activateWindow()
    buttons = (
        (welcome.new_button, welcome.new_requested),
        (welcome.open_button, welcome.open_requested),
        (welcome.sample_button, welcome.sample_requested),
    )
    for button, signal in buttons:
        focus(qtbot, button)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            with qtbot.waitSignal(signal, timeout=1000):
                qtbot.keyClick(button, key)
        # and the focused one is outlined (Fusion draws nothing for a flat button)
        edge = button.grab().toImage().pixelColor(0, button.height() // 2)
        assert edge == button.palette().color(QPalette.ColorRole.Highlight)


def test_pane_headers_are_no_tab_stops(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    focus(qtbot, window.view.pane_a)
    headers = list(window.view.headers.values())
    reached: list[QWidget] = []
    for _ in range(40):  # once round the window's tab chain
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
        if reached[-1] is window.view.pane_a:
            break
    assert reached[-1] is window.view.pane_a and window.view.pane_b in reached
    assert not [w for w in reached if any(h.isAncestorOf(w) for h in headers)]
    # the source line keeps its link for the mouse
    detail = window.view.headers[Side.A].detail
    assert detail.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByMouse


def test_the_keyboard_starts_in_account_a(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    focus(qtbot, window.welcome.sample_button)
    window.show_comparison(sample_cmp)  # not on a filter button or a header line
    qtbot.waitUntil(window.view.pane_a.hasFocus, timeout=2000)


def test_the_window_fits_half_a_full_hd_screen(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    window.navigator.difference(True)
    window.sidebar.only_topic.setChecked(True)  # a longer status line
    qtbot.wait(20)
    filters = window.sidebar.findChildren(QToolButton)
    assert all(b.width() >= b.sizeHint().width() for b in filters)  # whole names when roomy
    for _ in range(3):  # each step down may lower the minimum (the detail buttons fold)
        window.resize(700, 600)
        qtbot.wait(50)
    assert window.minimumSizeHint().width() <= 900
    assert window.minimumSize().width() <= 900
    assert window.width() <= 900
    assert min(window.view.pane_a.width(), window.view.pane_b.width()) >= MIN_PANE_WIDTH
    assert window.sidebar.isVisible() and window.sessions.notes.isVisible()


def test_a_narrow_window_stacks_the_filters_with_their_whole_names(
    window, sample_cmp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    window.resize(1600, 700)
    qtbot.wait(50)
    filters = window.sidebar.findChildren(QToolButton)
    assert len({b.x() for b in filters}) == len(filters)  # side by side when there is room
    for _ in range(3):
        window.resize(900, 700)
        qtbot.wait(50)
    assert len({b.x() for b in filters}) == 1  # one above the other
    assert all(b.width() >= b.sizeHint().width() for b in filters)  # "Differences", whole
    window.resize(1600, 700)
    qtbot.wait(50)
    assert len({b.x() for b in filters}) == len(filters)


def _new_comparison(qtbot):  # type: ignore[no-untyped-def]
    from ui.new_comparison import NewComparisonDialog

    dialog = NewComparisonDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    return dialog


def test_enter_in_a_new_comparison_form_presses_compare(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _new_comparison(qtbot)
    choosing: list[bool] = []
    dialog.side_a._choose = lambda: choosing.append(True)  # a file dialog would block
    dialog.side_a.choose.clicked.disconnect()
    dialog.side_a.choose.clicked.connect(dialog.side_a._choose)
    dialog.side_a.text.setPlainText("The ministers met in Geneva on 3 May.")
    dialog.side_b.text.setPlainText("The two ministers met in Geneva.")
    focus(qtbot, dialog.side_a.choose)  # the first focus: it used to stay the default
    focus(qtbot, dialog.side_b.label)
    qtbot.keyClick(dialog.side_b.label, Qt.Key.Key_Return)
    assert not choosing and dialog.result() == dialog.DialogCode.Accepted
    assert dialog.documents is not None


@pytest.mark.parametrize("discard", [True, False])
def test_escape_asks_before_pasted_text_is_lost(qtbot, discard) -> None:  # type: ignore[no-untyped-def]
    dialog = _new_comparison(qtbot)
    asked: list[bool] = []
    dialog.confirm_discard = lambda: asked.append(True) or discard
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes without a question
    assert not asked and not dialog.isVisible()
    dialog.show()
    dialog.side_b.text.setPlainText("Only here.")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [True] and dialog.isVisible() is not discard
    dialog.side_b.text.clear()  # teardown closes it without asking


def test_picked_claims_are_marked_apart_from_their_partners(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    pane_a, pane_b = window.view.pane_a, window.view.pane_b
    a1 = pane_a.ids[1]
    partner = next(lk.b[0] for lk in sample_cmp.links if a1 in lk.a)
    picked_b = next(c for c in pane_b.ids[:4] if c != partner)
    window.select(Selection((a1, picked_b)), reveal=False)
    qtbot.wait(50)

    def arrow(pane, cid: str) -> bool:  # type: ignore[no-untyped-def]
        gutter = pane._gutter.grab().toImage()
        top, bottom = pane.claim_span(pane.index[cid])
        dy = pane.viewport().geometry().top() - pane.offset() - pane._gutter.geometry().top()
        mid = int((top + dy + 2 + min(bottom + dy - 2, top + dy + 42)) / 2)
        accent = pane.palette().color(QPalette.ColorRole.Highlight)
        return gutter.pixelColor(2, mid).name() == accent.name()

    assert arrow(pane_a, a1) and arrow(pane_b, picked_b)
    assert not arrow(pane_b, partner)  # tinted as a1's partner, but not picked


CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_ctrl_tab_goes_round_the_areas_both_ways_from_anywhere(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    window.select(Selection((sample_cmp.claims[0].id,)))  # a note can be written
    notes = window.sessions.notes
    topics, pane_a, pane_b = window.sidebar.view, window.view.pane_a, window.view.pane_b

    def round_trip(key: Qt.Key, modifiers: Qt.KeyboardModifier) -> list[QWidget | None]:
        seen = []
        for _ in range(4):
            qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
            seen.append(QApplication.focusWidget())
        return seen

    focus(qtbot, notes.editor)
    assert round_trip(Qt.Key.Key_Tab, CTRL) == [topics, pane_a, pane_b, notes.editor]
    # Shift+Tab arrives as Backtab on some platforms, as Tab with Shift on others
    assert round_trip(Qt.Key.Key_Backtab, CTRL_SHIFT) == [pane_b, pane_a, topics, notes.editor]
    focus(qtbot, topics)
    assert round_trip(Qt.Key.Key_Tab, CTRL_SHIFT) == [notes.editor, pane_b, pane_a, topics]
    # from a part that is no stop (the detail panel, after account B), and past hidden areas
    focus(qtbot, window.detail.texts[Side.A])
    qtbot.keyClick(window.detail.texts[Side.A], Qt.Key.Key_Tab, CTRL_SHIFT)
    assert QApplication.focusWidget() is pane_b
    window.action_set.show_sidebar.setChecked(False)
    focus(qtbot, notes.editor)
    qtbot.keyClick(notes.editor, Qt.Key.Key_Tab, CTRL)
    assert QApplication.focusWidget() is pane_a


def test_ctrl_y_and_ctrl_shift_z_redo(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    a, b = long_cmp.side_claims(Side.A), long_cmp.side_claims(Side.B)
    assert window.apply_edit(Edit(EditKind.LINK, (a[0].id,), (b[1].id,)))
    pane = window.view.pane_a
    focus(qtbot, pane)
    for key, modifiers in ((Qt.Key.Key_Y, CTRL), (Qt.Key.Key_Z, CTRL_SHIFT)):
        qtbot.keyClick(pane, Qt.Key.Key_Z, CTRL)
        assert window.undo_stack.index() == 0
        qtbot.keyClick(pane, key, modifiers)  # Ctrl+Y was bound twice, so neither fired
        assert window.undo_stack.index() == 1


def test_the_topic_list_shows_when_it_has_the_keyboard(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    topics = window.sidebar.view
    rect = topics.visualRect(topics.currentIndex())  # "All topics", selected
    y = rect.center().y()

    def ring() -> bool:  # a light line inside the edge of the selected (dark) row
        image = topics.viewport().grab().toImage()
        edge, inside = (image.pixelColor(rect.left() + x, y).lightness() for x in (2, 8))
        return edge > inside + 60

    focus(qtbot, window.view.pane_a)
    assert not ring()
    qtbot.keyClick(window.view.pane_a, Qt.Key.Key_Tab, CTRL_SHIFT)  # back to the topics
    assert QApplication.focusWidget() is topics and ring()
