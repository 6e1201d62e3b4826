"""The export dialog keeps the GUI thread free: the Markdown preview of a long brief shows
its beginning only, and the file is written on a thread of its own, with Cancel."""

from __future__ import annotations

import re
import threading
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtPdf import QPdfDocument

from app.brief import build_brief
from app.brief_markdown import render_markdown
from app.model import Topic
from app.review import ReviewState
from tests.export_support import hand_made_long, reviewed
from ui.export_dialog import ExportDialog
from ui.export_job import export_pool
from ui.export_preview import preview_pool
from ui.export_preview_pane import MARKDOWN_PREVIEW_CHARS, markdown_opening

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, qtbot):  # type: ignore[no-untyped-def]
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    yield
    qtbot.waitUntil(lambda: preview_pool().activeThreadCount() == 0, timeout=60000)
    qtbot.waitUntil(lambda: export_pool().activeThreadCount() == 0, timeout=60000)
    QSettings().clear()


def _in_topics(pairs: int) -> ReviewState:
    """``pairs`` pairs in topics of 20: tables a page or two long."""
    cmp = hand_made_long(pairs)
    claims = tuple(replace(c, topic=f"t{int(c.id[1:]) // 20}") for c in cmp.claims)
    topics = tuple(Topic(f"t{k}", f"Envoys {k}") for k in range(pairs // 20))
    return ReviewState(replace(cmp, claims=claims, topics=topics))


def _dialog(qtbot, state: ReviewState, fmt: str = "pdf") -> ExportDialog:  # type: ignore[no-untyped-def]
    ExportDialog.settings().setValue("format", fmt)
    dialog = ExportDialog(state)
    qtbot.addWidget(dialog)
    return dialog


# --- the Markdown preview --------------------------------------------------------------


def test_a_short_markdown_is_shown_whole() -> None:
    text = "# Brief\n\nline\n" * 100
    assert markdown_opening(text) is text


def test_a_long_markdown_is_cut_at_a_line_end_with_a_last_line_saying_so() -> None:
    text = "".join(f"| row {i} | some words in a cell |\n" for i in range(20_000))
    shown = markdown_opening(text)
    body, _gap, last = shown.rpartition("\n\n")
    assert len(shown) < MARKDOWN_PREVIEW_CHARS + 200
    assert text.startswith(body + "\n") and body.endswith("|")  # whole lines only
    lines = body.count("\n") + 1
    assert last == (f"[The preview shows the beginning of the Markdown, {lines:,} of 20,000 "
                    "lines. The exported file holds all of it.]")  # fmt: skip


def test_one_very_long_line_is_cut_all_the_same() -> None:
    shown = markdown_opening("x" * (3 * MARKDOWN_PREVIEW_CHARS))
    assert shown.startswith("x" * MARKDOWN_PREVIEW_CHARS + "\n\n[The preview shows")


def test_the_preview_of_a_long_markdown_holds_its_beginning(qtbot) -> None:  # type: ignore[no-untyped-def]
    state = ReviewState(hand_made_long(1000))
    dialog = _dialog(qtbot, state, "md")
    whole = render_markdown(build_brief(state, dialog.options()))
    assert len(whole) > 1.5 * MARKDOWN_PREVIEW_CHARS
    box = dialog.preview.text
    qtbot.waitUntil(lambda: not box.document().isEmpty(), timeout=30000)
    shown = box.toPlainText()
    body, _gap, last = shown.rpartition("\n\n")
    assert MARKDOWN_PREVIEW_CHARS / 2 < len(body) <= MARKDOWN_PREVIEW_CHARS
    assert whole.startswith(body + "\n")
    assert last.endswith("The exported file holds all of it.]")


def test_the_preview_of_a_short_markdown_is_the_whole_file(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, reviewed(), "md")
    qtbot.waitUntil(lambda: not dialog.preview.text.document().isEmpty(), timeout=30000)
    whole = render_markdown(build_brief(reviewed(), dialog.options()))
    shown = dialog.preview.text.toPlainText()
    # the same but for the minute the brief was made in, if the clock turned meanwhile
    assert shown.split("Generated")[0] == whole.split("Generated")[0]
    assert "preview shows the beginning" not in shown


# --- the export off the GUI thread ------------------------------------------------------


def _export(qtbot, dialog: ExportDialog, path: Path, act=None) -> bool:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.exported, timeout=60000) as done:
        dialog.export_to(path)
        if act is not None:
            act()
    return bool(done.args[0])


def test_the_file_is_written_off_the_gui_thread_while_the_window_goes_on(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch, tmp_path: Path
) -> None:
    from ui import pdf_export

    threads: list[bool] = []  # written on the GUI thread?
    write = pdf_export.atomic_write_bytes

    def watched(path: Path, data: bytes) -> None:
        threads.append(threading.current_thread() is threading.main_thread())
        write(path, data)

    monkeypatch.setattr(pdf_export, "atomic_write_bytes", watched)
    dialog = _dialog(qtbot, ReviewState(hand_made_long(600)))
    ticks: list[int] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    out = tmp_path / "brief.pdf"
    assert _export(qtbot, dialog, out, act=lambda: ticks.clear())
    timer.stop()
    assert threads == [False]
    assert ticks, "the GUI thread saw no timer while the brief was written"
    doc = QPdfDocument()
    doc.load(str(out))
    assert doc.pageCount() > 10 and "Envoy number 599" in " ".join(
        doc.getAllText(i).text() for i in range(doc.pageCount())
    )
    doc.close()
    assert dialog.message is not None and dialog.message.text() == f"Saved {out}"
    assert dialog.choices.isEnabled() and dialog.export_button.isEnabled()


def test_while_writing_the_choices_wait(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, ReviewState(hand_made_long(600)))
    seen: list[bool] = []
    _export(qtbot, dialog, tmp_path / "brief.pdf",
            act=lambda: seen.extend([dialog.choices.isEnabled(),
                                     dialog.export_button.isEnabled()]))  # fmt: skip
    assert seen == [False, False]


@pytest.mark.parametrize("when", ["laying out", "painting"])
def test_cancel_leaves_neither_file_nor_temporary_file(qtbot, tmp_path: Path, when: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "out"
    folder.mkdir()
    dialog = _dialog(qtbot, ReviewState(hand_made_long(1000)))
    dialog.show()
    painting: list[tuple[int, int]] = []  # how far it was when cancelled

    def cancel_while_painting() -> None:
        job = dialog._export
        assert job is not None
        qtbot.waitUntil(lambda: job.progress()[1] > 0, timeout=30000)
        painting.append(job.progress())
        dialog.reject()

    act = dialog.reject if when == "laying out" else cancel_while_painting
    assert not _export(qtbot, dialog, folder / "brief.pdf", act=act)
    assert list(folder.iterdir()) == []
    if painting:
        assert painting[0][0] < painting[0][1] - 1, painting  # pages were left to paint
    assert dialog.isVisible()  # Cancel stopped the writing, not the dialog
    assert dialog.message is None  # nothing to report: the user stopped it
    assert dialog.export_button.isEnabled()


def test_the_progress_dialog_follows_the_pages_and_cancels(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    dialog = _dialog(qtbot, _in_topics(2000))
    dialog.show()
    qtbot.waitUntil(lambda: preview_pool().activeThreadCount() == 0, timeout=60000)
    seen: list[str] = []

    def cancel_from_the_progress_dialog() -> None:
        progress = dialog.findChild(QProgressDialog)
        assert progress is not None
        qtbot.waitUntil(lambda: progress.isVisible() and "Writing page" in progress.labelText(),
                        timeout=30000)  # fmt: skip
        seen.append(progress.labelText())
        progress.findChild(QPushButton).click()  # as the user does

    assert not _export(qtbot, dialog, tmp_path / "brief.pdf", act=cancel_from_the_progress_dialog)
    assert re.fullmatch(r"Writing page \d+ of \d+…", seen[0]), seen
    assert not (tmp_path / "brief.pdf").exists()
    qtbot.waitUntil(lambda: dialog.findChild(QProgressDialog) is None)


def test_a_cancelled_export_leaves_the_old_file(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "brief.pdf"
    out.write_bytes(b"the old brief")
    dialog = _dialog(qtbot, ReviewState(hand_made_long(600)))
    assert not _export(qtbot, dialog, out, act=dialog.reject)
    assert out.read_bytes() == b"the old brief"
    assert [p.name for p in out.parent.iterdir()] == ["brief.pdf"]


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_web_pages_and_markdown_are_written_off_the_gui_thread_too(
    qtbot, tmp_path: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, reviewed(), fmt)
    out = tmp_path / f"brief.{fmt}"
    assert _export(qtbot, dialog, out)
    assert "Kremlin readout" in out.read_text(encoding="utf-8")


def test_a_quit_while_writing_closes_the_dialog_and_stops_the_writing(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    # a quit from the desktop closes every window (not spontaneously): the dialog must let
    # it, or the quit is abandoned; at quit the writing is stopped and waited for
    from ui.export_job import stop_exports

    folder = tmp_path / "out"
    folder.mkdir()
    dialog = _dialog(qtbot, ReviewState(hand_made_long(1000)))
    dialog.show()
    closed: list[bool] = []
    with qtbot.waitSignal(dialog.exported, timeout=60000) as done:
        dialog.export_to(folder / "brief.pdf")
        closed.append(dialog.close())
        stop_exports()
    assert closed == [True] and not dialog.isVisible()
    assert done.args == [False] and list(folder.iterdir()) == []
