"""Alignment runs in the window: New Comparison, the sample, Re-align, and the background
run behind them (ui/worker.py) with its progress bar and Cancel in the status line."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton

from app.documents import DocumentError, read_path
from app.model import Comparison, Document
from app.realign import realign
from app.resources import sample_paths
from ui.commands import ReviewCommand
from ui.worker import AlignmentRunner

if TYPE_CHECKING:
    from ui.main_window import MainWindow

PROGRESS_DELAY_MS = 200
WAITING = (
    "A new comparison has finished aligning and is waiting to replace this review. "
    "Cancel keeps the review as it is and discards the new comparison."
)
NOT_OPENED = (
    "The new comparison was not opened; your review is as you left it. Compare again to open it."
)
SAMPLE_LABELS = ("Kestrian Foreign Ministry", "Dorvanian Press Office")


def read_documents(path_a: str, path_b: str) -> tuple[Document, Document]:
    """Both accounts from files; the bundled sample gets its proper labels."""
    doc_a, doc_b = read_path(path_a), read_path(path_b)
    samples = [p.resolve() for p in sample_paths()]
    if [Path(path_a).resolve(), Path(path_b).resolve()] == samples:
        doc_a = replace(doc_a, label=SAMPLE_LABELS[0])
        doc_b = replace(doc_b, label=SAMPLE_LABELS[1])
    return doc_a, doc_b


class AlignmentController(QObject):
    """Runs the comparison worker for the window and puts its result in place; the window
    keeps its state (the review, the compare options)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._realign_generation: int | None = None  # the run that re-aligns this review
        self._review_at_start: object = None  # the review on screen when the run started
        self.last_realign_messages: list[str] = []  # what the last re-alignment dropped
        self.runner = AlignmentRunner(self)
        self._build_progress()
        self._connect()

    def _build_progress(self) -> None:
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setMaximumWidth(220)
        self.progress.setTextVisible(False)
        self.cancel_button = QToolButton()
        self.cancel_button.setText("Cancel")
        self.cancel_button.setToolTip("Stop aligning")
        self.progress_label = QLabel("Aligning claims…")
        for widget in (self.progress_label, self.progress, self.cancel_button):
            self.window.statusBar().addPermanentWidget(widget)
            widget.hide()
        self._progress_timer = QTimer(self)
        self._progress_timer.setSingleShot(True)
        self._progress_timer.setInterval(PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(lambda: self._show_progress(True))

    def _connect(self) -> None:
        a, welcome = self.window.action_set, self.window.welcome
        a.new.triggered.connect(lambda: self.new_comparison())
        a.open_sample.triggered.connect(self.open_sample)
        a.realign.triggered.connect(self.realign)
        welcome.new_requested.connect(lambda: self.new_comparison())
        welcome.sample_requested.connect(self.open_sample)
        self.runner.progressed.connect(self._progressed)
        self.runner.finished.connect(self._alignment_finished)
        self.runner.failed.connect(self._alignment_failed)
        self.runner.cancelled.connect(self._alignment_cancelled)
        self.cancel_button.clicked.connect(self.runner.cancel)

    # -- starting ----------------------------------------------------------------------------
    def new_comparison(self, paths: list[str] | None = None) -> None:
        from ui.new_comparison import NewComparisonDialog

        if not self.window.sessions.may_replace():
            return
        dialog = NewComparisonDialog(self.window, self.window.options.engine)
        if paths:
            dialog.set_paths(paths)
        if dialog.exec() and dialog.documents:
            self.window.options = dialog.options()
            self.start_comparison(*dialog.documents)

    def open_paths(self, path_a: str, path_b: str) -> bool:
        try:
            docs = read_documents(path_a, path_b)
        except DocumentError as exc:
            self.window.show_error("Cannot open the accounts", str(exc))
            return False
        self.start_comparison(*docs)
        return True

    def open_sample(self) -> None:
        if not self.window.sessions.may_replace():
            return
        a, b = sample_paths()
        self.open_paths(str(a), str(b))

    def start_comparison(self, doc_a: Document, doc_b: Document) -> int:
        """Align in the background; the window stays usable and shows progress."""
        generation = self.runner.start(doc_a, doc_b, self.window.options)
        self._realign_generation = None
        self._review_at_start = self.window.state
        self.progress.setValue(0)
        self.window.statusBar().showMessage(f"Aligning “{doc_a.label}” with “{doc_b.label}”…")
        self._progress_timer.start()
        return generation

    def stop_alignment(self) -> None:
        """Cancel any run and drop its result, whenever it comes."""
        self.runner.discard()
        self._realign_generation = None
        self._show_progress(False)

    # -- re-aligning -------------------------------------------------------------------------
    def realign(self) -> None:
        """Ask for the engine and corrected texts, then align again keeping the review."""
        from ui.realign_dialog import RealignDialog

        cmp = self.window.comparison
        if cmp is None:
            return
        dialog = RealignDialog(cmp, self.window.options.engine, self.window)
        if dialog.exec() and dialog.documents:
            self.window.options = dialog.options()
            self.start_realign(*dialog.documents)

    def start_realign(self, doc_a: Document, doc_b: Document) -> int:
        """Align again in the background; the result replaces the comparison through
        app.realign, as one undo step, when it arrives."""
        generation = self.start_comparison(doc_a, doc_b)
        self._realign_generation = generation
        self.window.statusBar().showMessage("Re-aligning…")
        return generation

    def _realign_finished(self, cmp: Comparison) -> None:
        window = self.window
        before = window.review_state()
        assert before is not None
        after, messages = realign(before, cmp)
        window.undo_stack.push(ReviewCommand("Re-align", before, after, window.install_review))
        self.last_realign_messages = messages
        if messages:
            window.statusBar().showMessage(
                f"Re-aligned; {len(messages)} could not be kept (Ctrl+Z undoes)", 8000
            )
            self.report_realign(messages)
        else:
            window.statusBar().showMessage("Re-aligned; all edits and notes kept", 8000)

    def report_realign(self, messages: list[str]) -> None:
        from ui.realign_dialog import report

        report(self.window, messages)

    # -- the run -----------------------------------------------------------------------------
    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(1000 * done / max(1, total)))

    def _alignment_finished(self, cmp: Comparison) -> None:
        self._show_progress(False)
        self.window.statusBar().clearMessage()
        realigning = self._realign_generation == self.runner.generation
        self._realign_generation = None
        if realigning and self.window.state is not None:
            self._realign_finished(cmp)
        elif self._may_replace_after_run():
            self.window.show_comparison(cmp)
        else:  # the result is dropped: nothing keeps it
            self.window.statusBar().showMessage(NOT_OPENED, 10000)

    def _may_replace_after_run(self) -> bool:
        """The question asked before the run covered the review as it was then: if it has
        been edited since (the window stays usable while aligning), ask again."""
        self.window.sessions.notes.commit_text()
        if self.window.state is self._review_at_start:  # reviews change by replacement
            return True
        return self.window.sessions.may_replace(WAITING)

    def _alignment_failed(self, message: str) -> None:
        self._show_progress(False)
        self._realign_generation = None
        self.window.statusBar().clearMessage()
        self.window.show_error("The accounts could not be compared", message)

    def _alignment_cancelled(self) -> None:
        self._show_progress(False)
        self._realign_generation = None
        self.window.statusBar().showMessage("Alignment cancelled.", 4000)

    def _show_progress(self, on: bool) -> None:
        if not on:
            self._progress_timer.stop()
        on = on and self.runner.running
        for widget in (self.progress_label, self.progress, self.cancel_button):
            widget.setVisible(on)
