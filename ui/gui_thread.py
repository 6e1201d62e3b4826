"""Handing a worker thread's results to the GUI thread without the worker ever owning a
Qt object.

The usual PySide pattern (a QObject of signals per job, made on the GUI thread, emitted
from the worker) ties that object's life to whichever thread lets go of the job last.
When the worker did, the signals object was deleted on the worker thread while the GUI
thread might be delivering its queued signal or deleting the widget it was connected to.
PySide lets go of Python's lock while it deletes a Qt object and takes it again for the
wrappers inside, and Qt holds its own locks meanwhile, so the two threads could wait for
each other for ever (a test run hung in CI) or free the same thing twice (a crash in a
collection of cycles).

Here every result travels through one relay object, made on the GUI thread the first time
a ``GuiMethod`` is made there and never deleted before the application, and each job holds
only ``GuiMethod``s: plain Python objects with a weak reference to the method to call.
Nothing a worker touches is a Qt object of the GUI thread, and a widget that went away
meanwhile is simply not called.
"""

from __future__ import annotations

import functools
import threading
import weakref
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal


class _Relay(QObject):
    """Lives on the GUI thread; what is posted to it runs there, in order."""

    posted = Signal(object)  # a callable with no arguments

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def _run(self, call: Callable[[], None]) -> None:
        call()


@functools.cache
def _relay() -> _Relay:
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("the relay must be made on the GUI thread")
    return _Relay()


class GuiMethod:
    """A method of a GUI-thread object that any thread may call: the call is queued and
    made on the GUI thread, unless the object has been deleted by then. Make it on the
    GUI thread."""

    def __init__(self, method: Callable[..., None]) -> None:
        self._method = weakref.WeakMethod(method)
        self._relay = _relay()

    def __call__(self, *args: Any) -> None:
        self._relay.posted.emit(functools.partial(self._deliver, args))

    def _deliver(self, args: tuple[Any, ...]) -> None:
        method = self._method()
        if method is not None and shiboken6.isValid(method.__self__):  # type: ignore[attr-defined]
            method(*args)
