"""A guard against a reference-count bug in PySide6 6.12.0 on CPython 3.11.

Every Qt method that returns nothing drops one reference to ``None`` there (6.11.3 does
not; from CPython 3.12 on ``None`` is immortal). A long GUI session or a large PDF export
makes enough such calls to bring the count to zero, and CPython aborts with "deallocating
None". ``PySide6-Pdf``, which we need, exists only for 6.12.0, so instead of pinning an
older Qt we detect the leak at start-up and, only when it is present, give ``None`` a
reference count that cannot run out (what CPython 3.12 does for it anyway).
"""

from __future__ import annotations

import ctypes
import sys


def none_refcount_leaks() -> bool:
    """True when calling a Qt method that returns nothing drops a reference to None."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    from PySide6.QtCore import QRectF

    rect = QRectF()
    before = sys.getrefcount(None)
    for _ in range(8):
        rect.setWidth(1.0)
    return sys.getrefcount(None) < before


_applied = False


def apply() -> bool:
    """Make None's reference count inexhaustible if this Qt leaks it (once per process;
    called wherever a Qt application is made); True if applied."""
    global _applied
    if _applied or not none_refcount_leaks():
        return _applied
    _applied = True
    # ob_refcnt is the first field of every CPython object
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    return True
