"""The note editor has no undo of its own: Ctrl+Z and Ctrl+Shift+Z in it are the window's
Undo and Redo (which file the typing first), so Undo and Redo are exact inverses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.edits import Edit, EditKind
from app.model import Side
from app.review import claim_target
from ui.selection import Selection

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TYPING_WAIT = 1000  # ms: longer than the typing pause that files a note


def _note_editor(window, cmp, qtbot):  # type: ignore[no-untyped-def]
    window.show_comparison(cmp)
    claim = cmp.claims[2].id
    window.select(Selection((claim,)))
    editor = window.sessions.notes.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    return editor, claim_target(claim)


def _text(window, target) -> str:  # type: ignore[no-untyped-def]
    note = window.state.note_for(target)
    return note.text if note else ""


def test_undo_then_redo_in_the_editor_brings_a_filed_note_back(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """QA: "Alpha", a pause, " beta", a pause, Ctrl+Z: the note went with no way back."""
    editor, target = _note_editor(window, long_cmp, qtbot)
    notes, stack = window.sessions.notes, window.undo_stack
    qtbot.keyClicks(editor, "Alpha")
    notes.commit_text()  # the typing pause passes
    qtbot.keyClicks(editor, " beta")
    notes.commit_text()  # merges into the same "Edit note" step
    assert stack.count() == 1 and _text(window, target) == "Alpha beta"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "" and _text(window, target) == ""
    qtbot.wait(TYPING_WAIT)  # the pause after the change files nothing
    assert stack.count() == 1 and stack.index() == 0 and stack.canRedo()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.toPlainText() == "Alpha beta" and _text(window, target) == "Alpha beta"
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    window.action_set.redo.trigger()  # Edit ▸ Redo and Ctrl+Y the same
    assert editor.toPlainText() == "Alpha beta" and window.isWindowModified()


def test_typing_undone_then_an_earlier_link_both_come_back(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """QA: a note typed, Ctrl+Z, Ctrl+Z (a link), Ctrl+Shift+Z twice: the note never came
    back."""
    a, b = long_cmp.side_claims(Side.A), long_cmp.side_claims(Side.B)
    editor, target = _note_editor(window, long_cmp, qtbot)
    assert window.apply_edit(Edit(EditKind.LINK, (a[0].id,), (b[1].id,)))
    linked = window.comparison.links
    editor.setFocus()
    qtbot.keyClicks(editor, "Ask the embassy")  # not filed yet
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the typing
    assert editor.toPlainText() == "" and window.comparison.links == linked
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the link
    assert window.comparison.links != linked
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert window.comparison.links == linked
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert _text(window, target) == "Ask the embassy"
    assert editor.toPlainText() == "Ask the embassy"


def test_ctrl_z_in_the_editor_stops_at_the_saved_note(
    window, long_cmp, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    editor, target = _note_editor(window, long_cmp, qtbot)
    qtbot.keyClicks(editor, "First")
    assert window.sessions.save_to(tmp_path / "review.parallax")  # files the note
    qtbot.keyClicks(editor, " and second")  # not filed yet
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # filed as a step of its own, and undone
    assert editor.toPlainText() == "First"  # back to what is saved, no further
    assert not window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "" and window.state.note_for(target) is None
    assert window.undo_stack.index() == 0 and window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)  # Redo
    assert editor.toPlainText() == "First" and not window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | SHIFT)
    assert editor.toPlainText() == "First and second" and window.isWindowModified()


def test_ctrl_z_in_a_fresh_editor_undoes_the_latest_change(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    a, b = long_cmp.side_claims(Side.A), long_cmp.side_claims(Side.B)
    editor, _target = _note_editor(window, long_cmp, qtbot)
    links = window.comparison.links
    assert window.apply_edit(Edit(EditKind.LINK, (a[0].id,), (b[1].id,)))
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert window.comparison.links == links and window.undo_stack.index() == 0


def test_text_typed_and_deleted_can_be_undone_back(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Typing deleted back to where its step began is a step of its own (merged, the step
    went obsolete and the deleted text with it)."""
    editor, target = _note_editor(window, long_cmp, qtbot)
    notes = window.sessions.notes
    qtbot.keyClicks(editor, "Alpha")
    notes.commit_text()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    notes.commit_text()
    assert _text(window, target) == ""
    window.action_set.undo.trigger()
    assert _text(window, target) == "Alpha" and editor.toPlainText() == "Alpha"


def test_a_note_filed_by_another_step_is_out_of_the_editors_reach(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor, target = _note_editor(window, long_cmp, qtbot)
    notes = window.sessions.notes
    qtbot.keyClicks(editor, "Ask the embassy")
    notes.commit_text()  # the typing pause passes
    notes.important.setChecked(True)  # a step of its own after the note's
    assert window.undo_stack.count() == 2
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # the flag, the latest change
    note = window.state.note_for(target)
    assert note.text == "Ask the embassy" and "important" not in note.flags
    assert editor.toPlainText() == "Ask the embassy"


def test_a_flag_set_while_a_note_is_typed_is_kept(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor, target = _note_editor(window, long_cmp, qtbot)
    notes = window.sessions.notes
    qtbot.keyClicks(editor, "Ask the embassy")
    assert notes._typing.isActive()
    notes.important.setChecked(True)  # files the text first, which redraws the boxes
    assert notes.important.isChecked()
    note = window.state.note_for(target)
    assert note.text == "Ask the embassy" and note.flags == {"important"}
    assert [window.undo_stack.text(i) for i in range(2)] == ["Edit note", "Change flags"]


def test_redo_while_a_note_is_typed_says_why_nothing_was_redone(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Y while a note is typed after an Undo: the typing is the latest change (it ends
    the redo steps, as typing does in any editor); the status line says so."""
    a, b = long_cmp.side_claims(Side.A), long_cmp.side_claims(Side.B)
    editor, target = _note_editor(window, long_cmp, qtbot)
    assert window.apply_edit(Edit(EditKind.LINK, (a[0].id,), (b[1].id,)))
    window.undo_stack.undo()
    editor.setFocus()
    qtbot.keyClicks(editor, "Ask the embassy")
    window.action_set.redo.trigger()
    assert _text(window, target) == "Ask the embassy"
    assert window.undo_stack.undoText() == "Edit note"
    assert "Nothing to redo" in window.statusBar().currentMessage()
