"""Alignment off the GUI thread: one job per run on the runner's threads, its results
back through ``GuiMethod``s (``ui/gui_thread.py``).

The task receives immutable Documents and never touches a widget, nor holds a Qt object
of the GUI thread. Every run carries a generation number; the runner forwards only
results of the newest generation, so a run that was cancelled or overtaken by a newer one
can finish late without harm.
"""

from __future__ import annotations

import threading
import time
import traceback
from typing import NamedTuple

from PySide6.QtCore import QObject, QThreadPool, Signal

from app.comparison import Cancelled, CompareOptions, compare
from app.documents import DocumentError
from app.engines import EngineError
from app.model import Comparison, Document
from ui.gui_thread import GuiMethod

# Fewer progress reports than the core makes: the event loop needs only a few per second.
_MIN_INTERVAL = 0.05


class _Reports(NamedTuple):
    """The runner's methods a task reports to, called on the GUI thread."""

    progressed: GuiMethod  # (generation, done, total)
    finished: GuiMethod  # (generation, Comparison)
    failed: GuiMethod  # (generation, message)
    cancelled: GuiMethod  # (generation,)


class AlignmentTask:
    def __init__(
        self,
        generation: int,
        doc_a: Document,
        doc_b: Document,
        options: CompareOptions,
        reports: _Reports,
    ) -> None:
        self.generation = generation
        self.doc_a, self.doc_b, self.options = doc_a, doc_b, options
        self._to = reports
        self._cancel = threading.Event()
        self._last = 0.0

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= _MIN_INTERVAL or done >= total:
            self._last = now
            self._to.progressed(self.generation, done, total)

    def run(self) -> None:
        gen = self.generation
        try:
            result = compare(
                self.doc_a,
                self.doc_b,
                self.options,
                progress=self._progress,
                should_cancel=self._cancel.is_set,
            )
        except Cancelled:
            self._to.cancelled(gen)
        except (DocumentError, EngineError) as exc:
            self._to.failed(gen, str(exc))
        except Exception as exc:  # a bug in the core: report it, keep the app alive
            traceback.print_exc()
            self._to.failed(gen, f"Internal error: {type(exc).__name__}: {exc}")
        else:
            self._to.finished(gen, result)


class AlignmentRunner(QObject):
    """Starts alignments and forwards the events of the current one only."""

    started = Signal()
    progressed = Signal(int, int)
    finished = Signal(object)  # Comparison
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.generation = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._tasks: dict[int, AlignmentTask] = {}
        self._reports = _Reports(
            GuiMethod(self._on_progress),
            GuiMethod(self._on_finished),
            GuiMethod(self._on_failed),
            GuiMethod(self._on_cancelled),
        )
        self.stale_dropped = 0

    @property
    def running(self) -> bool:
        return self.generation in self._tasks

    def start(self, doc_a: Document, doc_b: Document, options: CompareOptions) -> int:
        """Start a new run; any run still going is cancelled and its result dropped."""
        for task in self._tasks.values():
            task.cancel()
        self.generation += 1
        task = AlignmentTask(self.generation, doc_a, doc_b, options, self._reports)
        self._tasks[self.generation] = task
        self._pool.start(task.run)
        self.started.emit()
        return self.generation

    def cancel(self) -> None:
        """Stop the current run and report it cancelled now. A result it had already
        sent, still on its way to the GUI thread, is dropped like any stale one."""
        if self.discard():
            self.cancelled.emit()

    def discard(self) -> bool:
        """Stop the current run and drop whatever it still reports; False if none ran."""
        task = self._tasks.get(self.generation)
        if task is None:
            return False
        task.cancel()
        self.generation += 1
        return True

    def wait(self, msecs: int = 5000) -> bool:
        return self._pool.waitForDone(msecs)

    def _done(self, gen: int) -> bool:
        """Forget the task; True when it is the current run."""
        self._tasks.pop(gen, None)
        if gen != self.generation:
            self.stale_dropped += 1
            return False
        return True

    def _on_progress(self, gen: int, done: int, total: int) -> None:
        if gen == self.generation:
            self.progressed.emit(done, total)

    def _on_finished(self, gen: int, result: Comparison) -> None:
        if self._done(gen):
            self.finished.emit(result)

    def _on_failed(self, gen: int, message: str) -> None:
        if self._done(gen):
            self.failed.emit(message)

    def _on_cancelled(self, gen: int) -> None:
        if self._done(gen):
            self.cancelled.emit()
