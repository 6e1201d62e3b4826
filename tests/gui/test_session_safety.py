"""Session files are not lost or overwritten unasked: a file another window or program saved
over, a comparison that finished while the review was edited, a file that cannot be opened;
and the session file dialogs start where the sessions are."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.edits import Edit, EditKind
from app.review import ReviewState
from app.session import load_session, save_session
from ui.session_controller import Changed, SessionController, Unsaved

ASK_UNSAVED = SessionController.ask_unsaved  # the fixture below answers it; one test asks


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    # pytest-qt closes windows before fixtures tear down: never stop there on a question
    monkeypatch.setattr(SessionController, "ask_unsaved", lambda self: Unsaved.DISCARD)
    return tmp_path / "data"


def unlink_first(window) -> None:  # type: ignore[no-untyped-def]
    link = window.comparison.links[0]
    assert window.apply_edit(Edit(EditKind.UNLINK, link.a, link.b))


@pytest.fixture
def opened(window, long_cmp, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The window with ``shared.parallax`` open and an unsaved correction."""
    path = tmp_path / "shared.parallax"
    save_session(ReviewState(long_cmp), path)
    assert window.sessions.open_path(path)
    unlink_first(window)
    return window


def save_elsewhere(path: Path) -> bytes:
    """Another Parallax window (or program) saves its own review over ``path``."""
    other = load_session(path)
    link = other.comparison.links[1]
    save_session(replace(other, edits=(Edit(EditKind.UNLINK, link.a, link.b),)), path)
    return path.read_bytes()


@pytest.mark.parametrize("answer", list(Changed))
def test_saving_over_a_file_changed_on_disk_asks_first(  # type: ignore[no-untyped-def]
    opened, tmp_path: Path, monkeypatch, answer
) -> None:
    window, ctl = opened, opened.sessions
    path = window.session_path
    theirs = save_elsewhere(path)
    asked: list[tuple[str, bool]] = []
    monkeypatch.setattr(
        ctl, "ask_changed_on_disk", lambda p, saved: asked.append((p.name, saved)) or answer
    )
    monkeypatch.setattr(ctl, "ask_save_path", lambda suggested: tmp_path / "mine.parallax")
    assert ctl.save() is (answer is not Changed.CANCEL)
    assert asked == [("shared.parallax", False)]  # "since you opened it"
    mine = window.review_state()
    if answer is Changed.CANCEL:  # nothing written, still modified
        assert path.read_bytes() == theirs and window.isWindowModified()
        assert not (tmp_path / "mine.parallax").exists()
    elif answer is Changed.SAVE_AS:  # theirs kept, mine beside it
        assert path.read_bytes() == theirs
        assert window.session_path == tmp_path / "mine.parallax"
        assert load_session(tmp_path / "mine.parallax").edits == mine.edits
    else:
        assert load_session(path).edits == mine.edits and not window.isWindowModified()
    window.undo_stack.clear()


def test_no_question_over_the_windows_own_saves_or_a_deleted_file(opened, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, ctl = opened, opened.sessions
    asked: list[bool] = []
    monkeypatch.setattr(ctl, "ask_changed_on_disk", lambda p, saved: asked.append(saved))
    assert ctl.save()
    unlink_first(window)
    assert ctl.save()  # over what this window itself wrote
    window.session_path.unlink()  # gone: nothing there to lose
    unlink_first(window)
    assert ctl.save() and window.session_path.exists()
    assert asked == []
    # and after this window saved, another's save is "since you last saved it"
    save_elsewhere(window.session_path)
    unlink_first(window)
    monkeypatch.setattr(
        ctl, "ask_changed_on_disk", lambda p, saved: asked.append(saved) or Changed.CANCEL
    )
    assert not ctl.save()
    assert asked == [True]
    window.undo_stack.clear()


def answer_every_box(monkeypatch, shown: list[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    """A message box records its texts and is answered Cancel (a modal box would hang)."""

    def exec_(box: QMessageBox) -> int:
        shown.append((box.windowTitle(), box.text(), box.informativeText()))
        box.button(QMessageBox.StandardButton.Cancel).click()
        return int(QMessageBox.StandardButton.Cancel.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda parent, title, text, *a: (
            shown.append((title, text, "")) or QMessageBox.StandardButton.Cancel
        ),
    )


def test_the_question_says_a_finished_comparison_waits_and_cancel_discards_it(  # type: ignore[no-untyped-def]
    window, long_cmp, sample_cmp, qtbot, monkeypatch
) -> None:
    window.show_comparison(long_cmp)
    monkeypatch.setattr(SessionController, "ask_unsaved", ASK_UNSAVED)  # the real question
    shown: list[tuple[str, str, str]] = []
    answer_every_box(monkeypatch, shown)
    with qtbot.waitSignal(window.alignment.runner.finished, timeout=20000):
        window.alignment.start_comparison(sample_cmp.doc_a, sample_cmp.doc_b)
        unlink_first(window)  # while it aligns
    ((title, text, context),) = shown
    assert title == "Save changes?" and "not saved" in text
    assert "finished aligning and is waiting to replace this review" in context
    assert "discards the new comparison" in context
    status = window.statusBar().currentMessage()
    assert status.startswith("The new comparison was not opened; your review is as you left it")
    assert "Compare again" in status and "put aside" not in status
    assert window.comparison.doc_a.text == long_cmp.doc_a.text and window.isWindowModified()
    # other questions about unsaved work carry no such line
    shown.clear()
    assert not window.close()
    assert shown == [("Save changes?", text, "")]
    window.undo_stack.clear()


def test_a_file_that_cannot_be_opened_is_reported_without_asking_to_save(  # type: ignore[no-untyped-def]
    window, long_cmp, tmp_path: Path, monkeypatch
) -> None:
    window.show_comparison(long_cmp)
    unlink_first(window)
    before = window.review_state()
    asked: list[bool] = []
    monkeypatch.setattr(window.sessions, "ask_unsaved", lambda: asked.append(True) or Unsaved.SAVE)
    monkeypatch.setattr(window.sessions, "ask_save_path", lambda s: tmp_path / "mine.parallax")
    damaged = tmp_path / "damaged.parallax"
    damaged.write_bytes(b'{"format":"parallax.session","version":1,"comp')
    newer = tmp_path / "newer.parallax"
    newer.write_bytes(b'{"format":"parallax.session","version":99}')
    for path in (damaged, newer, tmp_path / "missing.parallax"):
        assert not window.load_session_file(path)
    assert asked == []  # never "Save changes?" for a file that will not open
    assert len(window.errors) == 3
    assert "damaged or incomplete" in window.errors[0] and "newer" in window.errors[1]
    assert window.review_state() == before and window.isWindowModified()  # nothing lost
    good = tmp_path / "good.parallax"
    save_session(ReviewState(long_cmp), good)
    assert window.load_session_file(good)  # asked, since this one replaces the review
    assert asked == [True] and window.session_path == good
    assert load_session(tmp_path / "mine.parallax").edits == before.edits


def test_reopening_the_open_file_after_saving_it_shows_what_was_saved(opened, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window, ctl = opened, opened.sessions
    edits = window.state.edits
    monkeypatch.setattr(ctl, "ask_unsaved", lambda: Unsaved.SAVE)
    assert ctl.open_path(window.session_path)  # read before the question, saved in it
    assert window.state.edits == edits and not window.isWindowModified()


def test_session_dialogs_start_where_the_sessions_are(  # type: ignore[no-untyped-def]
    window, long_cmp, tmp_path: Path, monkeypatch
) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))  # no user-dirs.dirs
    started: list[str] = []
    chosen: list[str] = []

    def dialog(parent, caption, folder, filters):  # type: ignore[no-untyped-def]
        started.append(folder)
        return (chosen.pop(0) if chosen else "", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window.action_set.open_session.trigger()  # nothing used yet: Documents
    assert started == [str(home / "Documents")]

    window.show_comparison(long_cmp)
    cases = tmp_path / "cases"
    cases.mkdir()
    chosen.append(str(cases / "call.parallax"))
    window.sessions.save_as_action.trigger()
    assert Path(started[-1]).parent == home / "Documents"  # a proposed name in Documents
    assert window.session_path == cases / "call.parallax"
    window.sessions.save_as_action.trigger()  # the session's own folder
    assert started[-1] == str(cases / "call.parallax")

    window.show_comparison(long_cmp)  # no session file: the folder last used
    window.sessions.save_as_action.trigger()
    assert Path(started[-1]).parent == cases
    window.close_comparison()
    window.action_set.open_session.trigger()
    assert started[-1] == str(cases)
