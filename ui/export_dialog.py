"""File > Export…: the choices (``ui/export_choices.py``) beside a preview of the brief
they make (``ui/export_preview_pane.py``); the file written off the GUI thread
(``ui/export_job.py``), with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.brief import BriefError, BriefOptions, default_title
from app.review import ReviewState
from ui.export_choices import FORMATS, ExportChoices, export_settings
from ui.export_job import ExportJob, ExportOutcome, ExportProgress, stop_exports
from ui.export_preview import stop_previews
from ui.export_preview_pane import PreviewPane
from ui.gui_thread import GuiMethod

#: The dialog opens at this share of its window's size (the first time; then as it was
#: left), within the screen's free area: the preview's page is readable, the title field
#: whole.
PARENT_SHARE = 0.8
DEFAULT_SIZE = QSize(1000, 720)  # without a window to size it from
GEOMETRY_KEY = "geometry"  # in the export group of the window's store
JOBS_END_MS = 10_000  # how long closing waits for the preview and export threads to stop


class ExportDialog(QDialog):
    """Export the brief of ``state`` as PDF, HTML or Markdown."""

    #: Page 1 is in the preview: the brief's page count, or 0 while it is still counted.
    page_shown = Signal(int)
    #: An export (``export_to``) ended: True when the file was written.
    exported = Signal(bool)

    def __init__(self, state: ReviewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export brief")
        self._state = state
        self._export: ExportJob | None = None  # being written
        self._progress: ExportProgress | None = None
        self._on_finished = GuiMethod(self._finished)  # the job's end, on this thread
        self.message: QMessageBox | None = None  # the last result shown (for tests too)
        self._build()
        self._connect()
        self._sync_enabled()
        self._restore_geometry()
        self.update_preview()  # at once: there are no choices to settle yet

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        self.choices = ExportChoices(self._state.comparison)
        self.preview = PreviewPane()
        columns = QHBoxLayout()
        columns.addWidget(self.choices)
        columns.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton("&Export…")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.buttons)

    def _connect(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        self.choices.changed.connect(self._changed)
        self.preview.due.connect(self.update_preview)
        self.preview.page_shown.connect(self.page_shown)

    def _restore_geometry(self) -> None:
        """As the dialog was last left; the first time, most of its window (its minimum
        size is a cramped preview), never more than the screen's free area."""
        saved = self.settings().value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray) and not saved.isEmpty() and self.restoreGeometry(saved):
            return
        parent = self.parentWidget()
        size = parent.window().size() * PARENT_SHARE if parent is not None else DEFAULT_SIZE
        screen = (parent or self).screen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size() * 0.95)
        self.resize(size.expandedTo(self.minimumSizeHint()))

    def _save_geometry(self) -> None:
        if self.isVisible():  # a dialog never shown has no geometry of its own to keep
            settings = self.settings()
            settings.setValue(GEOMETRY_KEY, self.saveGeometry())
            settings.sync()

    # --- state ----------------------------------------------------------------------

    def format(self) -> str:
        return self.choices.format()

    def scope(self) -> str:
        return self.choices.scope()

    def options(self) -> BriefOptions:
        """The brief options the dialog shows; raises BriefError if they cannot be used."""
        return self.choices.options()

    @staticmethod
    def settings() -> QSettings:
        """Where the last export's choices are kept (the window's store, group "export")."""
        return export_settings()

    def _changed(self) -> None:
        self._sync_enabled()
        self.schedule_preview()

    def _sync_enabled(self) -> None:
        self.preview.set_format(self.format())
        self.export_button.setEnabled(self.choices.problem() is None and self._export is None)

    # --- preview ----------------------------------------------------------------------

    def schedule_preview(self) -> None:
        """Preview once the choices have settled for a moment (typing, ticking)."""
        self.preview.schedule()

    def update_preview(self) -> None:
        """Preview the current choices now (one being made for earlier ones is dropped)."""
        problem = self.choices.problem()
        if problem:
            self.preview.show_problem(problem)  # no page of a brief that cannot be exported
        else:
            self.preview.start(self._state, self.options(), self.format())

    def reject(self) -> None:
        """Cancel: while a file is being written, stop that (the dialog stays open)."""
        if self._export is not None:
            self._export.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._save_geometry()
        self._stop_jobs()
        super().done(result)

    def _stop_jobs(self) -> None:
        """Stop the preview and any export, and wait (up to ``JOBS_END_MS``) until their
        threads let go: the dialog's widgets may be deleted next, and PySide deleting them
        while a job was inside a long call into Qt (a long brief's HTML is parsed in one
        call of up to a second) deadlocked: the GUI thread waited for Python's lock, held
        by the job, and the job for a lock of Qt's that the GUI thread held meanwhile."""
        self.preview.stop()  # its timers; what its job still sends is dropped
        stop_previews(JOBS_END_MS)
        stop_exports(JOBS_END_MS)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._export is not None:
            if event.spontaneous():  # the close box, as Cancel: the writing stops, not the dialog
                self._export.cancel()
                event.ignore()
                return
            # closed by the application (a quit from the desktop): the writing stops and
            # the dialog goes (once the job has stopped), so the quit goes on
            self.done(QDialog.DialogCode.Rejected)
        self._stop_jobs()  # also when never shown (QDialog rejects only a visible one)
        super().closeEvent(event)

    # --- export -------------------------------------------------------------------------

    def choose_path(self) -> Path | None:
        """Ask where to write; the file dialog itself asks before replacing a file."""
        fmt = self.format()
        folder = Path(str(self.settings().value("folder", str(Path.home()))))
        stem = (self.choices.title_edit.text().strip() or self._default_stem())[:80]
        dialog = QFileDialog(self, "Export brief", str(folder / f"{_safe(stem)}.{fmt}"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(fmt)
        dialog.setNameFilter(FORMATS[fmt][1])
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def _default_stem(self) -> str:
        return default_title(self._state.comparison)

    def export(self) -> None:
        path = self.choose_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> None:
        """Write the brief to ``path`` (atomically) on the export thread, with progress and
        Cancel; say how it went, and emit ``exported``."""
        if self._export is not None:
            return
        try:
            options = self.options()
        except BriefError as exc:  # (the Export button is off meanwhile)
            self._finished(ExportOutcome(path, False, str(exc)))
            return
        job = ExportJob(self._state, options, self.format(), path, self._on_finished)
        self._progress = ExportProgress(self, self.format(), job)
        self._export = job
        self._set_writing(True)
        job.start()

    def _set_writing(self, writing: bool) -> None:
        """While a file is written the choices stay as they are (the progress dialog, once
        shown, holds the dialog itself)."""
        self.choices.setEnabled(not writing)
        if writing:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
        self._sync_enabled()

    def _finished(self, outcome: ExportOutcome) -> None:
        if self._progress is not None:
            self._progress.close_for_good()
            self._progress = None
        self._export = None
        self._set_writing(False)
        path = outcome.path
        if outcome.written:
            self.choices.remember(path.parent)
            self._tell(QMessageBox.Icon.Information, "Brief exported", f"Saved {path}", path=path)
        elif outcome.reason:
            self._tell(QMessageBox.Icon.Critical, "The brief was not exported",
                       f"{outcome.reason}\n\nChoose another folder"
                       + ("." if not path.parent.is_dir()
                          else ", or check that you may write to this one."),
                       path=None)  # fmt: skip
        self.exported.emit(outcome.written)

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str, path: Path | None) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self)
        if path is not None:
            open_file = box.addButton("Open file", QMessageBox.ButtonRole.ActionRole)
            open_folder = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
            open_file.clicked.connect(lambda: _open(path))
            open_folder.clicked.connect(lambda: _open(path.parent))
            box.finished.connect(self.accept)
        self.message = box
        box.open()


def _open(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in name).strip() or "brief"
