"""Work in the window is never lost without a question: notes still being typed, edits
made while a new comparison aligns, a Discard that was then cancelled, Save As over a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.edits import Edit, EditKind
from app.review import claim_target
from app.session import load_session
from ui.selection import Selection
from ui.session_controller import SessionController, Unsaved


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(SessionController, "ask_unsaved", lambda self: Unsaved.DISCARD)
    return tmp_path / "data"


def type_note(window, text: str) -> str:  # type: ignore[no-untyped-def]
    """Type a note on the third claim without the pause that commits it."""
    claim = window.comparison.claims[3].id
    window.select(Selection((claim,)))
    window.sessions.notes.editor.setPlainText(text)
    return claim


def test_a_note_still_being_typed_is_saved(window, long_cmp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    claim = type_note(window, "Ask the desk about this.")
    path = tmp_path / "typed.parallax"
    assert window.sessions.save_to(path)
    assert load_session(path).note_for(claim_target(claim)).text == "Ask the desk about this."
    assert not window.isWindowModified()  # the note is in the file, so nothing is unsaved


def test_a_note_still_being_typed_counts_when_closing(window, long_cmp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    type_note(window, "Half a thought")
    asked: list[bool] = []
    monkeypatch.setattr(
        window.sessions, "ask_unsaved", lambda: asked.append(True) or Unsaved.CANCEL
    )
    assert not window.close()
    assert asked == [True]
    window.undo_stack.clear()


def test_discard_then_a_failed_open_keeps_the_edits_unsaved(
    window, long_cmp, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    first = long_cmp.links[0]
    assert window.apply_edit(Edit(EditKind.UNLINK, first.a, first.b))
    bad = tmp_path / "bad.parallax"
    bad.write_text("not a session")
    assert not window.load_session_file(bad)  # Discard was answered, then the open failed
    assert window.errors and window.isWindowModified()
    assert window.undo_stack.canUndo()  # the correction can still be undone ...
    window.undo_stack.undo()
    assert window.comparison.links[0] == first  # ... and is the one that was made


@pytest.mark.parametrize(("answer", "replaced"), [(Unsaved.CANCEL, False), (Unsaved.DISCARD, True)])
def test_edits_made_while_a_new_comparison_aligns_are_asked_about(  # type: ignore[no-untyped-def]
    window, long_cmp, sample_cmp, qtbot, monkeypatch, answer, replaced
) -> None:
    window.show_comparison(long_cmp)
    asked: list[bool] = []
    monkeypatch.setattr(window.sessions, "ask_unsaved", lambda: asked.append(True) or answer)
    with qtbot.waitSignal(window.alignment.runner.finished, timeout=20000):
        window.alignment.start_comparison(sample_cmp.doc_a, sample_cmp.doc_b)
        first = long_cmp.links[0]
        assert window.apply_edit(Edit(EditKind.UNLINK, first.a, first.b))  # while it runs
    assert asked == [True]
    assert (window.comparison.doc_a.text == sample_cmp.doc_a.text) is replaced
    if not replaced:
        assert window.isWindowModified() and first not in window.comparison.links


def test_no_question_when_nothing_changed_during_the_run(
    window, long_cmp, sample_cmp, qtbot, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    asked: list[bool] = []
    monkeypatch.setattr(
        window.sessions, "ask_unsaved", lambda: asked.append(True) or Unsaved.CANCEL
    )
    with qtbot.waitSignal(window.alignment.runner.finished, timeout=20000):
        window.alignment.start_comparison(sample_cmp.doc_a, sample_cmp.doc_b)
    assert not asked and window.comparison.doc_a.text == sample_cmp.doc_a.text


@pytest.mark.parametrize("replace_it", [False, True])
def test_save_as_without_the_suffix_asks_before_replacing(  # type: ignore[no-untyped-def]
    window, long_cmp, tmp_path: Path, monkeypatch, replace_it
) -> None:
    window.show_comparison(long_cmp)
    precious = tmp_path / "precious.parallax"
    precious.write_bytes(b"someone's review")
    ctl = window.sessions
    monkeypatch.setattr(ctl, "ask_save_path", lambda suggested: tmp_path / "precious")
    asked: list[Path] = []
    monkeypatch.setattr(ctl, "confirm_overwrite", lambda path: asked.append(path) or replace_it)
    assert ctl.save_as() is replace_it
    assert asked == [precious]
    assert (precious.read_bytes() == b"someone's review") is not replace_it


def test_undo_names_the_claims_not_their_ids(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    link = long_cmp.links[0]
    assert window.apply_edit(Edit(EditKind.UNLINK, link.a, link.b))
    text = window.undo_stack.undoText()
    first_words = " ".join(long_cmp.claim_by_id[link.a[0]].text.split()[:2])
    assert text.startswith("Unlink ‘") and first_words in text
    assert link.a[0] not in text.split("‘")[0]  # no internal id such as "a3"


def test_recent_sessions_of_the_same_name_are_told_apart() -> None:
    from ui.welcome import recent_names

    paths = [
        "/cases/kyiv/review.parallax",
        "/cases/moscow/review.parallax",
        "/x/a/notes/review.parallax",
        "/y/b/notes/review.parallax",
        "/cases/call.parallax",
    ]
    assert recent_names(paths) == [
        "review.parallax — kyiv",
        "review.parallax — moscow",
        "review.parallax — a/notes",
        "review.parallax — b/notes",
        "call.parallax",
    ]


def test_after_a_restored_review_the_next_comparison_starts_saved(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    window.sessions.mark_unsaved()  # as a restore from a recovery file does
    assert window.isWindowModified()
    window.show_comparison(long_cmp)  # Discard, then another comparison
    assert not window.modified and not window.isWindowModified()
    window.sessions.mark_unsaved()
    window.close_comparison()
    assert not window.modified


def test_quitting_after_discard_raises_nothing(qtbot, long_cmp) -> None:  # type: ignore[no-untyped-def]
    """Destroying the window clears its undo stack, which is unclean after a Discard: its
    title was then updated on a window already gone (a traceback on every such quit)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui.main_window import MainWindow

    w = MainWindow()
    w.show()
    w.show_comparison(long_cmp)
    link = w.comparison.links[0]
    w.apply_edit(Edit(EditKind.UNLINK, link.a, link.b))
    assert w.close()  # Discard (the fixture's answer)
    w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_the_welcome_page_shows_no_status_of_the_closed_comparison(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    window.select(Selection((window.comparison.claims[0].id,)))
    assert window.position_label.text()
    window.close_comparison()
    assert window.position_label.text() == ""
    assert not window.sessions.save_action.isEnabled()
