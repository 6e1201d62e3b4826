"""What a user review of the main window found: long labels, drops, the detail panel for
a link with several claims, the New Comparison labels, Find and the keyboard, About."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from app.edits import Edit, EditKind, link_key
from app.model import Side
from app.resources import sample_paths
from ui import dialogs
from ui.selection import Selection

LONG = "Ministry of Foreign Affairs and International Cooperation, Department of Press " * 2


def test_a_long_label_does_not_widen_a_small_window(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc_a = dataclasses.replace(sample_cmp.doc_a, label=LONG)
    window.resize(1024, 700)
    window.show_comparison(sample_cmp.replace(doc_a=doc_a))
    window.navigator.difference(True)
    qtbot.wait(20)
    assert window.width() == 1024 and window.minimumSizeHint().width() <= 1024
    title = window.view.headers[Side.A].title
    assert title.text().endswith("…") and title.toolTip() == f"A · {LONG}"
    assert title.width() <= window.view.pane_a.width() + 40
    assert window.detail.side_titles[Side.A].text().endswith("…")
    # the relation buttons give up their text before the heading is squeezed
    heading = window.detail.heading
    assert heading.width() >= heading.fontMetrics().horizontalAdvance("Differs · match score")


def test_dropping_two_accounts_on_the_window_starts_a_comparison(
    window, sample_cmp, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    asked: list[list[str]] = []
    monkeypatch.setattr(window.alignment, "new_comparison", asked.append)
    a, b = (str(p) for p in sample_paths())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(a), QUrl.fromLocalFile(b)])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    assert not window.sessions.eventFilter(window, event)  # not a session: the window's
    assert window.drops.eventFilter(window, event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: asked == [[a, b]], timeout=2000)


def test_detail_panel_lists_each_claim_of_a_many_sided_link(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    first = sample_cmp.links[0]
    extra = sample_cmp.omissions(Side.B)[0].id
    assert window.apply_edit(Edit(EditKind.LINK, first.a, (*first.b, extra)))
    cmp = window.comparison
    link = next(lk for lk in cmp.links if extra in lk.b)
    window.select(Selection((link.a[0],), link_key(link)))
    shown = window.detail.texts[Side.B].toPlainText()
    for n, cid in enumerate(link.b, 1):
        assert f"{n}. {cmp.claim_by_id[cid].text}" in shown
    assert window.detail.side_titles[Side.B].full_text().endswith(f"· {len(link.b)} claims")
    assert "more link(s)" not in window.detail.heading.text()


def test_new_comparison_label_follows_the_file_until_typed(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.new_comparison import NewComparisonDialog

    first, second = tmp_path / "kremlin.txt", tmp_path / "white_house.txt"
    first.write_text("The leaders spoke by phone for two hours.", encoding="utf-8")
    second.write_text("The presidents held a call on Tuesday.", encoding="utf-8")
    dialog = NewComparisonDialog()
    qtbot.addWidget(dialog)
    dialog.side_a.load_file(str(first))
    assert dialog.side_a.label.text() == "kremlin"
    dialog.side_a.clear_file()
    dialog.side_a.load_file(str(second))
    assert dialog.side_a.label.text() == "white_house"  # not the first file's name
    dialog.side_a.label.setText("White House")
    dialog.side_a.load_file(str(first))
    assert dialog.side_a.label.text() == "White House"  # typed: kept
    dialog.side_b.text.setPlainText("Pasted account of the call.")
    dialog.swap_sides()
    assert dialog.side_b.label.text() == "White House" and dialog.side_b.path == str(first)
    assert dialog.side_a.label.text() == "" and dialog.side_a.path is None


def test_new_comparison_says_how_it_reads_a_date(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.new_comparison import NewComparisonDialog

    dialog = NewComparisonDialog()
    qtbot.addWidget(dialog)
    hint = dialog.side_b.date_hint
    assert hint.isHidden()
    dialog.side_b.date.setText("15 February 2025")
    assert not hint.isHidden() and hint.text().startswith("Saturday 15 February 2025")
    dialog.side_b.date.setText("mid-February")
    assert "Not read as a day" in hint.text()
    dialog.side_b.date.setText("")
    assert hint.isHidden()


def test_find_steps_through_both_panes_and_esc_returns_to_the_text(
    window, sample_cmp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.view.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.edit
    qtbot.keyClicks(bar.edit, "Halvek")
    sides = {side for side, _s, _e in bar.matches}
    assert sides == {Side.A, Side.B} and bar.count.text() == f"1 of {len(bar.matches)}"
    for _ in bar.matches:
        qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == f"1 of {len(bar.matches)}"  # wrapped round
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    last_side = bar.matches[bar.current][0]
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert QApplication.focusWidget() is window.view.pane(last_side)


def test_about_names_the_engines(sample_cmp) -> None:  # type: ignore[no-untyped-def]
    text = dialogs.engine_summary(sample_cmp, "lexical")
    assert "This comparison was matched by shared words (lexical engine" in text
    assert "New comparisons match claims by shared words (lexical), as chosen" in text
    assert "This comparison" not in dialogs.engine_summary(None, "auto")


def test_status_line_counts_only_the_filtered_topic(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui import navigation

    window.show_comparison(sample_cmp)
    topic = next(t.id for t in sample_cmp.topics if navigation.agreements(sample_cmp, t.id))
    window.sidebar.select_topic(topic)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.sidebar.only_topic.isChecked()
    window.select(Selection())
    same = navigation.agreements(sample_cmp, topic)
    assert same < navigation.agreements(sample_cmp)
    agreements = "1 agreement " if same == 1 else f"{same} agreements "
    assert f"{agreements}in this topic" in window.position_label.text()


def test_keyboard_linking_and_tab_order(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    pane_a, pane_b = window.view.pane_a, window.view.pane_b
    pane_a.setFocus()
    qtbot.keyClick(pane_a, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(pane_a, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is pane_b
    shift_alt = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane_b, Qt.Key.Key_Down, shift_alt)
    a, b = window.selection.claims
    linked = any(lk.a == (a,) and lk.b == (b,) for lk in sample_cmp.links)
    assert window.action_set.link.isEnabled() is not linked  # no "already linked" error
    # Tab leaves the note editor instead of typing a tab into the note
    notes = window.sessions.notes
    notes.editor.setFocus()
    qtbot.keyClick(notes.editor, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not notes.editor and "\t" not in notes.editor.toPlainText()
    window.sidebar.view.setFocus()
    qtbot.keyClick(window.sidebar.view, Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is pane_a


def test_about_says_why_korean_was_matched_by_shared_words() -> None:
    from app.comparison import CompareOptions, compare
    from app.documents import from_text

    ko = compare(
        from_text("김 장관은 뒤퐁 장관과 통화했다."),
        from_text("뒤퐁 장관은 김 장관과 통화했다."),
        CompareOptions(engine="auto"),
    )
    text = dialogs.engine_summary(ko, "auto")
    assert "(lexical engine, version 1): the semantic model reads English" in text
