"""Sessions in the window: save/open, the close prompt, drops, notes, crash recovery."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QListWidget

from app.edits import Edit, EditKind
from app.model import Side
from app.review import claim_target
from app.session import list_recoveries, load_session, save_session
from ui import recovery
from ui.selection import Selection
from ui.session_controller import SessionController, Unsaved


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    # pytest-qt closes windows before fixtures tear down: never stop there on a question
    monkeypatch.setattr(SessionController, "ask_unsaved", lambda self: Unsaved.DISCARD)
    return tmp_path / "data"


@pytest.fixture
def reviewed(window, long_cmp):  # type: ignore[no-untyped-def]
    """The window with a comparison, one correction and one note: unsaved work."""
    window.show_comparison(long_cmp)
    first = long_cmp.links[0]
    assert window.apply_edit(Edit(EditKind.UNLINK, first.a, first.b))
    claim = long_cmp.claims[3].id
    window.select(Selection((claim,)))
    panel = window.sessions.notes
    panel.editor.setPlainText("Check this against the recording.")
    panel.commit_text()
    panel.important.setChecked(True)
    return window


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_notes_panel_writes_notes_and_flags_on_the_undo_stack(reviewed) -> None:  # type: ignore[no-untyped-def]
    window, panel = reviewed, reviewed.sessions.notes
    target = claim_target(window.selection.focus)
    note = window.state.note_for(target)
    assert note.text == "Check this against the recording." and note.flags == {"important"}
    assert panel.notes_list.count() == 1
    assert "★" in panel.notes_list.item(0).text()
    assert window.isWindowModified()
    window.undo_stack.undo()  # the flag
    window.undo_stack.undo()  # the text
    assert window.state.note_for(target) is None and panel.notes_list.count() == 0
    window.undo_stack.redo()
    assert window.state.note_for(target).text == "Check this against the recording."
    assert panel.editor.toPlainText() == "Check this against the recording."


def test_an_empty_notes_list_says_what_will_appear_in_it(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    window.resize(1400, 800)
    window.show()
    notes = window.sessions.notes.notes_list
    qtbot.waitUntil(lambda: notes.viewport().height() > 40)

    def inked(widget: QListWidget) -> int:  # pixels not of the background, in the top lines
        image = widget.viewport().grab().toImage()
        pixels = [
            image.pixel(x, y)
            for x in range(0, image.width(), 2)
            for y in range(min(image.height(), 40))
        ]
        background = max(set(pixels), key=pixels.count)
        return sum(p != background for p in pixels)

    plain = QListWidget()  # what it was: an empty list draws nothing
    qtbot.addWidget(plain)
    plain.resize(notes.size())
    plain.show()
    assert inked(plain) == 0 and inked(notes) > 20


def test_note_on_a_link(reviewed) -> None:  # type: ignore[no-untyped-def]
    window, panel = reviewed, reviewed.sessions.notes
    cmp = window.comparison
    link = cmp.links[1]
    window.select(Selection((link.a[0],), (link.a, link.b)))
    panel.on_link.setChecked(True)
    panel.editor.setPlainText("Same event, different times.")
    panel.commit_text()
    targets = [n.target for n in window.state.notes]
    assert f"link:{','.join(link.a)}|{','.join(link.b)}" in targets

    def listed() -> str:
        items = [panel.notes_list.item(i).text() for i in range(panel.notes_list.count())]
        return next(t.split("\n")[0] for t in items if t.startswith("Link"))

    assert not listed().endswith("(link removed)")
    # unlinked, the note stays listed and says so; undo brings the link (and note) back
    window.apply_edit(Edit(EditKind.UNLINK, link.a, link.b))
    assert listed().endswith("(link removed)")
    window.undo_stack.undo()
    assert not listed().endswith("(link removed)")


def test_a_note_on_a_removed_link_can_be_opened_edited_and_cleared(reviewed) -> None:  # type: ignore[no-untyped-def]
    window, panel = reviewed, reviewed.sessions.notes
    link = window.comparison.links[1]
    window.select(Selection((link.a[0],), (link.a, link.b)))
    panel.on_link.setChecked(True)
    panel.editor.setPlainText("Same event, different times.")
    panel.commit_text()
    target = panel.target
    window.apply_edit(Edit(EditKind.UNLINK, link.a, link.b))
    item = next(
        panel.notes_list.item(i) for i in range(panel.notes_list.count())
        if panel.notes_list.item(i).data(Qt.ItemDataRole.UserRole) == target
    )  # fmt: skip
    panel._go_to(item)
    assert panel.target == target and panel.target_label.text().endswith("(link removed)")
    assert panel.editor.toPlainText() == "Same event, different times."
    panel.editor.setPlainText("Not the same event after all.")
    panel.commit_text()  # the review changes and the panel refreshes: still this note
    assert window.state.note_for(target).text == "Not the same event after all."
    panel.editor.setPlainText("")
    panel.commit_text()
    assert window.state.note_for(target) is None  # deleted
    window.select(Selection((link.b[0],)))  # moving on leaves the removed link's note
    assert panel.target != target


def test_save_as_then_save_then_reopen(reviewed, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, ctl = reviewed, reviewed.sessions
    monkeypatch.setattr(ctl, "ask_save_path", lambda suggested: tmp_path / "review")
    assert ctl.save()  # no file yet: Save asks for a name
    path = tmp_path / "review.parallax"
    assert window.session_path == path and not window.isWindowModified()
    assert "review.parallax" in window.windowTitle()
    assert ctl.recent()[0] == str(path.resolve())
    saved = window.review_state()
    assert load_session(path) == saved

    window.set_filter("differences")
    window.apply_edit(Edit(EditKind.UNLINK, window.comparison.links[0].a,
                           window.comparison.links[0].b))  # fmt: skip
    assert window.isWindowModified()
    assert ctl.save() and not window.isWindowModified()
    reopened = load_session(path)
    assert reopened.view.filter == "differences"
    assert reopened.edits == window.state.edits

    window.close_comparison()
    assert window.state is None
    assert ctl.open_path(path)
    assert window.state.notes == reopened.notes and window.filter == "differences"


def test_open_a_damaged_file_says_why(window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: errors.append(message))
    bad = tmp_path / "bad.parallax"
    bad.write_bytes(b'{"format":"parallax.session","version":1,"comp')
    assert not window.load_session_file(bad)
    assert errors and "damaged or incomplete" in errors[0]
    assert bad.read_bytes() == b'{"format":"parallax.session","version":1,"comp'


@pytest.mark.parametrize(("answer", "closes"), [(Unsaved.CANCEL, False), (Unsaved.DISCARD, True)])
def test_close_asks_about_unsaved_work(reviewed, monkeypatch, answer, closes) -> None:  # type: ignore[no-untyped-def]
    window, ctl = reviewed, reviewed.sessions
    asked: list[bool] = []
    monkeypatch.setattr(ctl, "ask_unsaved", lambda: asked.append(True) or answer)
    assert window.close() is closes
    assert asked == [True]
    window.undo_stack.clear()


def test_dropping_a_session_opens_it(window, tmp_path: Path, qtbot, long_cmp) -> None:  # type: ignore[no-untyped-def]
    from app.review import ReviewState

    path = tmp_path / "dropped.parallax"
    save_session(ReviewState(long_cmp), path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    # Qt delivers a Drop only inside a real drag, which offscreen tests cannot start; hand
    # the event to the window's filter as Qt would
    assert window.sessions.eventFilter(window, event) and event.isAccepted()
    qtbot.waitUntil(lambda: window.session_path == path, timeout=5000)
    assert window.comparison == long_cmp


def test_crash_recovery_restores_the_unsaved_review(  # type: ignore[no-untyped-def]
    reviewed, qtbot, tmp_path: Path, monkeypatch, data_dir: Path
):
    from ui.main_window import MainWindow

    crashed = reviewed
    before = crashed.review_state()
    written = crashed.sessions.autosave()  # what the 60-second timer does
    assert written is not None and written.parent == data_dir / "recovery"
    assert list_recoveries() == []  # its writer (this process) is alive: not a crash

    # as if that Parallax (another process) had died without cleaning up
    d = json.loads(written.read_bytes())
    pid = dead_pid()
    d["recovery"]["pid"] = pid
    written.unlink()
    written = written.with_name(f"untitled-{pid}.parallax")
    written.write_text(json.dumps(d), "utf-8")
    crashed.sessions.recovery_file = None
    crashed.undo_stack.clear()

    offered = []

    def answer(parent, info):  # type: ignore[no-untyped-def]
        offered.append(info)
        return recovery.Choice.RESTORE

    monkeypatch.setattr(recovery, "ask_restore", answer)
    window = MainWindow(engine="lexical")
    qtbot.addWidget(window)
    window.show()
    assert window.sessions.offer_recovery()
    assert [i.path for i in offered] == [written]
    restored = window.review_state()
    assert restored.comparison == before.comparison
    assert restored.notes == before.notes and restored.edits == before.edits
    assert window.isWindowModified()  # restored work is unsaved work
    assert not written.exists()  # replaced by this process's own recovery file
    assert window.sessions.recovery_file is not None and window.sessions.recovery_file.exists()

    monkeypatch.setattr(window.sessions, "ask_save_path", lambda s: tmp_path / "saved.parallax")
    assert window.sessions.save()
    assert not window.isWindowModified()
    assert list((data_dir / "recovery").iterdir()) == []
    window.close()


@pytest.mark.parametrize("choice", [recovery.Choice.DISCARD, recovery.Choice.LATER])
def test_declined_recovery(reviewed, monkeypatch, data_dir: Path, choice) -> None:  # type: ignore[no-untyped-def]
    written = reviewed.sessions.autosave()
    d = json.loads(written.read_bytes())
    d["recovery"]["pid"] = dead_pid()
    written.write_text(json.dumps(d), "utf-8")
    reviewed.sessions.recovery_file = None
    monkeypatch.setattr(recovery, "ask_restore", lambda parent, info: choice)
    assert not recovery.offer_recovery(reviewed.sessions)
    assert written.exists() is (choice is recovery.Choice.LATER)
    reviewed.undo_stack.clear()


def test_autosave_only_when_there_is_unsaved_work(window, long_cmp, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    assert window.sessions.autosave() is None
    first = long_cmp.links[0]
    window.apply_edit(Edit(EditKind.UNLINK, first.a, first.b))
    path = window.sessions.autosave()
    assert path is not None and path.exists()
    window.undo_stack.undo()  # back to clean: the recovery file goes
    assert window.sessions.autosave() is None and not path.exists()


@pytest.mark.parametrize("try_again", [True, False])
def test_a_failed_save_offers_save_as(reviewed, tmp_path: Path, monkeypatch, try_again) -> None:  # type: ignore[no-untyped-def]
    window, ctl = reviewed, reviewed.sessions
    gone = tmp_path / "deleted folder" / "review.parallax"  # its folder no longer exists
    offered: list[str] = []
    monkeypatch.setattr(ctl, "ask_save_elsewhere", lambda m: offered.append(m) or try_again)
    monkeypatch.setattr(ctl, "ask_save_path", lambda suggested: tmp_path / "elsewhere")
    window.session_path = gone
    assert ctl.save() is try_again
    assert len(offered) == 1 and "deleted folder" in offered[0]
    if try_again:
        assert window.session_path == tmp_path / "elsewhere.parallax"
        assert load_session(window.session_path) == window.review_state()
        assert not window.isWindowModified()
    else:
        assert window.session_path == gone and window.isWindowModified()


def test_closing_after_a_failed_save_keeps_the_window(reviewed, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, ctl = reviewed, reviewed.sessions
    window.session_path = tmp_path / "missing" / "review.parallax"
    monkeypatch.setattr(ctl, "ask_unsaved", lambda: Unsaved.SAVE)
    monkeypatch.setattr(ctl, "ask_save_elsewhere", lambda message: False)
    assert window.close() is False  # the save failed and Save As was declined: nothing lost
    assert window.state is not None and window.isWindowModified()
    window.undo_stack.clear()


def test_typing_undone_in_the_note_editor_can_be_redone(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    # was: the step vanished (obsolete after the editor's own undo), and Redo with it
    window.show_comparison(long_cmp)
    window.select(Selection((long_cmp.claims[2].id,)))
    panel, stack = window.sessions.notes, window.undo_stack
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "Check")
    panel.commit_text()  # the typing pause passes: an "Edit note" step
    assert stack.count() == 1 and window.isWindowModified()
    qtbot.keyClick(panel.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.editor.toPlainText() == ""  # the window's Undo took the key
    panel.commit_text()
    assert stack.index() == 0 and not window.isWindowModified()
    assert window.state.notes == () or all(n.empty for n in window.state.notes)
    assert stack.redoText() == "Edit note"


def _typing_a_note_after_a_link(window, cmp, qtbot, undone=False):  # type: ignore[no-untyped-def]
    """A link made (and undone), then a note typed on another claim and not yet filed (the
    typing pause has not passed)."""
    window.show_comparison(cmp)
    a, b = cmp.side_claims(Side.A), cmp.side_claims(Side.B)
    assert window.apply_edit(Edit(EditKind.LINK, (a[0].id,), (b[1].id,)))
    if undone:
        window.undo_stack.undo()
    window.select(Selection((a[3].id,)))
    panel = window.sessions.notes
    panel.editor.setFocus()
    qtbot.keyClicks(panel.editor, "Ask the embassy")
    assert panel._typing.isActive()
    return claim_target(a[3].id)


def test_undo_while_a_note_is_typed_undoes_the_typing_first(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    target = _typing_a_note_after_a_link(window, long_cmp, qtbot)
    links = window.comparison.links
    window.action_set.undo.trigger()
    assert window.comparison.links == links  # the link stays: the note was the latest change
    assert window.state.note_for(target) is None
    assert window.undo_stack.redoText() == "Edit note"
    window.action_set.redo.trigger()
    assert window.state.note_for(target).text == "Ask the embassy"
    assert window.isWindowModified()


def test_redo_while_a_note_is_typed_files_the_note(window, long_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    target = _typing_a_note_after_a_link(window, long_cmp, qtbot, undone=True)
    window.action_set.redo.trigger()  # crashed: the note was filed while the redo ran
    assert window.state.note_for(target).text == "Ask the embassy"
    assert window.undo_stack.undoText() == "Edit note" and window.isWindowModified()


def test_a_removed_link_of_several_claims_is_named_whole(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    panel = window.sessions.notes
    a, b = long_cmp.side_claims(Side.A), long_cmp.side_claims(Side.B)
    pair = ((a[0].id, a[1].id), (b[0].id,))
    assert window.apply_edit(Edit(EditKind.LINK, *pair))
    window.select(Selection((a[0].id,), pair))
    panel.on_link.setChecked(True)
    panel.editor.setPlainText("Two sentences say what one says.")
    panel.commit_text()
    target = panel.target
    window.apply_edit(Edit(EditKind.UNLINK, *pair))
    panel.on_claim.setChecked(True)
    (item,) = [panel.notes_list.item(i) for i in range(panel.notes_list.count())]
    assert " +1 ↔ " in item.text() and "(link removed)" in item.text()
    panel._go_to(item)
    assert panel.target == target and panel.on_link.isChecked()
    assert panel.editor.toPlainText() == "Two sentences say what one says."
