"""The note editor's own Ctrl+Z: only typing not yet filed; then the window's Undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from app.edits import Edit, EditKind
from app.model import Side
from app.review import claim_target
from ui.selection import Selection

CTRL = Qt.KeyboardModifier.ControlModifier


def _note_editor(window, cmp, qtbot):  # type: ignore[no-untyped-def]
    window.show_comparison(cmp)
    claim = cmp.claims[2].id
    window.select(Selection((claim,)))
    editor = window.sessions.notes.editor
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=2000)
    return editor, claim_target(claim)


def test_ctrl_z_in_the_editor_stops_at_the_saved_note(
    window, long_cmp, qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    editor, target = _note_editor(window, long_cmp, qtbot)
    qtbot.keyClicks(editor, "First")
    assert window.sessions.save_to(tmp_path / "review.parallax")  # files the note
    assert not editor.document().isUndoAvailable()
    qtbot.keyClicks(editor, " and second")  # not filed yet
    for _ in range(20):  # as often as the editor has typing of its own to undo
        if not editor.document().isUndoAvailable():
            break
        qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert editor.toPlainText() == "First"  # never past what is saved
    assert not window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)  # nothing of its own left: the window's Undo
    assert editor.toPlainText() == "" and window.state.note_for(target) is None
    assert window.undo_stack.index() == 0 and window.isWindowModified()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)  # Redo
    assert editor.toPlainText() == "First" and not window.isWindowModified()


def test_ctrl_z_in_a_fresh_editor_undoes_the_latest_change(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    a, b = long_cmp.side_claims(Side.A), long_cmp.side_claims(Side.B)
    editor, _target = _note_editor(window, long_cmp, qtbot)
    links = window.comparison.links
    assert window.apply_edit(Edit(EditKind.LINK, (a[0].id,), (b[1].id,)))
    assert not editor.document().isUndoAvailable()
    qtbot.keyClick(editor, Qt.Key.Key_Z, CTRL)
    assert window.comparison.links == links and window.undo_stack.index() == 0


def test_a_note_filed_by_another_step_is_out_of_the_editors_reach(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    editor, target = _note_editor(window, long_cmp, qtbot)
    notes = window.sessions.notes
    qtbot.keyClicks(editor, "Ask the embassy")
    notes.commit_text()  # the typing pause passes
    notes.important.setChecked(True)  # a step of its own after the note's
    assert window.undo_stack.count() == 2
    assert not editor.document().isUndoAvailable()
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
