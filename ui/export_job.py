"""Writing the brief's file off the GUI thread: the export job on a thread of its own, and
the progress dialog with Cancel that the export dialog shows while it runs."""

from __future__ import annotations

import atexit
import functools
import gc
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.brief import BriefError, BriefOptions, build_brief
from app.review import ReviewState
from ui import pdf_export
from ui.gui_thread import GuiMethod
from ui.pdf_export import ExportCancelled


@dataclass(frozen=True)
class ExportOutcome:
    """How an export ended: written, cancelled (no reason), or failed and why (a sentence
    naming the file or folder)."""

    path: Path
    written: bool
    reason: str = ""


class ExportJob:
    """One export, run on the export thread: the brief built from the immutable review and
    options, laid out, painted and written atomically (``ui/pdf_export.py``), so a file at
    ``path`` is the whole brief or what was there before. Cancel is seen at the job's next
    check (while the brief is laid out, before each page, and just before the write);
    once the write has begun it completes. The job touches no widget and holds no Qt
    object of the GUI thread: it reports its end to ``finished``, a ``GuiMethod`` (see
    ``ui/gui_thread.py``), and its progress is read from it (``progress``), ten times a
    second rather than a call per page."""

    def __init__(
        self,
        state: ReviewState,
        options: BriefOptions,
        fmt: str,
        path: Path,
        finished: GuiMethod,
    ) -> None:
        self._state, self._options, self._format, self._path = state, options, fmt, path
        self._finished = finished
        self._cancelled = threading.Event()
        self._pages = (0, 0)  # painted, in all (0: still being laid out)

    def cancel(self) -> None:
        self._cancelled.set()

    def progress(self) -> tuple[int, int]:
        """Pages painted so far, and pages in all (0 while the brief is laid out)."""
        return self._pages

    def start(self) -> None:
        _jobs.add(self)
        export_pool().start(self.run)

    def run(self) -> None:
        # No cycle collection while the job runs (see ui/export_preview.py, where one on a
        # worker thread met the wrappers of a widget being deleted): by threshold rather
        # than gc.disable(), which a preview job ending meanwhile would undo.
        thresholds = gc.get_threshold()
        gc.set_threshold(0, *thresholds[1:])
        try:
            self._finished(self._write())
        finally:
            gc.set_threshold(*thresholds)
            _jobs.discard(self)

    def _write(self) -> ExportOutcome:
        stop, path = self._cancelled.is_set, self._path
        try:
            if stop():  # cancelled while queued (at quit): build and lay out nothing
                raise ExportCancelled
            if self._format == "pdf":
                pdf_export.export_pdf(self._state, self._options, path, self._progress, stop)
            else:
                brief = build_brief(self._state, self._options)
                if stop():
                    raise ExportCancelled
                write = (
                    pdf_export.export_html if self._format == "html" else pdf_export.export_markdown
                )
                write(brief, None, path)
        except ExportCancelled:
            return ExportOutcome(path, False)
        except OSError as exc:
            return ExportOutcome(path, False, write_failure(path, exc))
        except BriefError as exc:
            return ExportOutcome(path, False, f"Cannot export {path}: {exc}.")
        except Exception as exc:  # a bug: say so, keep the app alive
            traceback.print_exc()
            return ExportOutcome(path, False, f"{type(exc).__name__}: {exc}")
        return ExportOutcome(path, True)

    def _progress(self, done: int, pages: int) -> bool:
        self._pages = (done, pages)  # one assignment: the GUI thread reads a whole pair
        return not self._cancelled.is_set()


def write_failure(path: Path, exc: OSError) -> str:
    """Why ``path`` was not written, as Save Session says it: a missing folder by name,
    otherwise what failed, with the path. (The file is written beside itself first, so
    a folder that takes no new files, such as /proc, fails with "No such file or
    directory", which is said as what it means there.)"""
    folder = path.parent
    if not folder.exists():
        return f"The folder {folder} does not exist."
    if not folder.is_dir():
        return f"{folder} is not a folder."
    if isinstance(exc, FileNotFoundError):
        why = f"no file can be created in {folder}"
    else:
        why = exc.strerror or str(exc)
    return f"Cannot write {path}: {why}."


_jobs: set[ExportJob] = set()  # started and not yet ended


@functools.cache
def export_pool() -> QThreadPool:
    """The one thread that writes exports (apart from the preview's, so an export does not
    wait for a preview's page count)."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop_exports)
    atexit.register(stop_exports)  # before PySide's own clean-up deletes what a job uses
    return pool


def stop_exports(msecs: int = -1) -> bool:
    """Stop every export and wait (for ever, or ``msecs``) until the export thread is
    idle; at quit, and as the export dialog closes. A stopped export writes nothing (a
    write already begun completes). Whether it is idle."""
    for job in list(_jobs):
        job.cancel()
    return export_pool().waitForDone(msecs)


class ExportProgress(QProgressDialog):
    """An export's progress, with Cancel, shown when it takes more than half a second:
    busy while the brief is laid out, then page by page (read from the job ten times a
    second). Cancel stops the job."""

    def __init__(self, parent: QWidget, fmt: str, job: ExportJob) -> None:
        what = {"pdf": "the PDF", "html": "the web page"}.get(fmt, "the Markdown file")
        super().__init__(f"Writing {what}…", "Cancel", 0, 0, parent)
        self.setWindowTitle("Export")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setValue(0)  # the clock for the minimum duration starts now (and not at 4 s)
        self.setMinimumDuration(500)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.canceled.connect(job.cancel)
        self._job = job
        self._timer = QTimer(self, interval=100)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    def _poll(self) -> None:
        done, pages = self._job.progress()
        if pages and not self.wasCanceled():
            self.setMaximum(pages)
            self.setLabelText(f"Writing page {done + 1} of {pages}…")
            self.setValue(done)

    def reject(self) -> None:
        """Escape: as Cancel."""
        self._job.cancel()
        self.cancel()

    def close_for_good(self) -> None:
        self._timer.stop()
        self.close()
        self.deleteLater()
