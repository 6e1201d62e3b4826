"""A guard against two reference-count bugs in PySide6 6.12.0 on CPython 3.11.

Every Qt method that returns nothing drops one reference to ``None`` there, and every
``Signal.emit()`` made from Python drops one to ``True`` (6.11.3 does neither; from
CPython 3.12 on both are immortal). A long GUI session or a large PDF export makes
enough such calls to bring a count to zero, and CPython aborts with "deallocating None"
or "deallocating True or False" (about two thousand emits do it). ``PySide6-Pdf``, which
we need, exists only for 6.12.0, so instead of pinning an older Qt we detect each leak
at start-up and, only when it is present, give the object a reference count that cannot
run out (what CPython 3.12 does for them anyway).
"""

from __future__ import annotations

import ctypes
import sys

_PROBES = 8


def _old_cpython() -> bool:
    return sys.version_info < (3, 12) and sys.implementation.name == "cpython"


def none_refcount_leaks() -> bool:
    """True when calling a Qt method that returns nothing drops a reference to None."""
    if not _old_cpython():
        return False
    from PySide6.QtCore import QRectF

    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(_PROBES):
        rect.setWidth(1.0)
    return sys.getrefcount(None) < before


def emit_refcount_leaks() -> bool:
    """True when emitting a signal from Python drops a reference to True (or False)."""
    if not _old_cpython():
        return False
    from PySide6.QtCore import QObject, Signal

    class Probe(QObject):
        pinged = Signal(int)

    probe = Probe()
    probe.pinged.connect(lambda _n: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for n in range(_PROBES):
        probe.pinged.emit(n)
    return sys.getrefcount(True) < before[0] or sys.getrefcount(False) < before[1]


def _immortal(obj: object) -> None:
    # ob_refcnt is the first field of every CPython object
    ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40


_applied: set[str] = set()


def apply() -> bool:
    """Make the reference counts this Qt leaks inexhaustible (once per process; called
    wherever a Qt application is made); True if anything needed it."""
    if "checked" not in _applied:
        _applied.add("checked")
        if none_refcount_leaks():
            _immortal(None)
            _applied.add("None")
        if emit_refcount_leaks():
            _immortal(True)
            _immortal(False)
            _applied.add("bool")
    return len(_applied) > 1
