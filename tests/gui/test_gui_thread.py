"""Worker threads hand their results to the GUI thread through ``GuiMethod``s and hold no
Qt object of the GUI thread (one that a worker let go of last was deleted on the worker
thread, which hung or crashed the test run)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QObject

from app.comparison import CompareOptions
from app.documents import from_text
from tests.export_support import reviewed
from ui import gui_thread
from ui.export_dialog import ExportDialog
from ui.export_job import ExportJob
from ui.export_preview import PreviewJob
from ui.gui_thread import GuiMethod
from ui.worker import AlignmentRunner, AlignmentTask

pytestmark = pytest.mark.gui


class Target(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.calls: list[tuple[object, str]] = []

    def receive(self, value: object) -> None:
        self.calls.append((value, threading.current_thread().name))


def _from_a_thread(method: GuiMethod, *args: object) -> None:
    worker = threading.Thread(target=method, args=args, name="worker")
    worker.start()
    worker.join()


def test_a_call_from_a_worker_is_made_on_the_gui_thread(qtbot) -> None:  # type: ignore[no-untyped-def]
    target = Target()
    method = GuiMethod(target.receive)
    _from_a_thread(method, 1)
    _from_a_thread(method, 2)
    assert target.calls == []  # queued, not made on the worker
    qtbot.waitUntil(lambda: len(target.calls) == 2)
    assert target.calls == [(1, "MainThread"), (2, "MainThread")]


def test_an_object_deleted_meanwhile_is_not_called(qtbot) -> None:  # type: ignore[no-untyped-def]
    target = Target()
    calls = target.calls
    method = GuiMethod(target.receive)
    _from_a_thread(method, 1)
    shiboken6.delete(target)  # the C++ object goes, the Python one is still here
    _from_a_thread(method, 2)
    del target  # and now the Python one as well
    _from_a_thread(method, 3)
    qtbot.wait(50)
    assert calls == []


def test_a_gui_method_keeps_its_object_no_longer_alive() -> None:
    target = Target()
    method = GuiMethod(target.receive)
    del target
    assert method._method() is None


def _qt_objects(value: object, depth: int = 0) -> list[QObject]:
    """The Qt objects ``value`` holds, through tuples and our own objects (a GuiMethod's
    weak reference to its method is no hold)."""
    if isinstance(value, QObject):
        return [value]
    if isinstance(value, (tuple, list)):
        return [q for v in value for q in _qt_objects(v, depth)]
    if isinstance(value, GuiMethod):
        return _qt_objects(value._relay, depth)
    own = type(value).__module__.startswith(("ui.", "app."))
    if own and hasattr(value, "__dict__") and depth < 4:
        return [q for v in vars(value).values() for q in _qt_objects(v, depth + 1)]
    return []


def _no_qt_objects(job: object) -> None:
    """Only the relay, which lives as long as the app."""
    held = [q for q in _qt_objects(job) if q is not gui_thread._relay()]
    assert held == [], f"{type(job).__name__} holds Qt objects: {held}"


def test_the_check_sees_a_qt_object_inside_a_tuple() -> None:
    class Job:
        pass

    Job.__module__ = "ui.example"
    job = Job()
    job.receiver = (GuiMethod(Target().receive), QObject())  # type: ignore[attr-defined]
    with pytest.raises(AssertionError):
        _no_qt_objects(job)


def test_no_job_holds_a_qt_object(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(reviewed())
    qtbot.addWidget(dialog)
    target = Target()
    preview = PreviewJob(0, reviewed(), dialog.options(), "pdf", dialog.preview._receiver)
    export = ExportJob(reviewed(), dialog.options(), "pdf", tmp_path / "b.pdf",
                       GuiMethod(target.receive))  # fmt: skip
    runner = AlignmentRunner()
    doc = from_text("One claim here. Another claim there.")
    task = AlignmentTask(1, doc, doc, CompareOptions(), runner._reports)
    for job in (preview, export, task):
        _no_qt_objects(job)
