"""The PySide6 refcount guard (None on void calls, True on emits) keeps long Qt sessions
alive."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


LOOP = """
import sys
from ui.main import application
application()  # making the app applies the guard
from PySide6.QtCore import QRectF
r = QRectF()
for _ in range(200_000):
    r.setWidth(1.0)
print("alive")
"""


HEADLESS_LOOP = LOOP.replace(
    "from ui.main import application\napplication()  # making the app applies the guard",
    "from ui.pdf_export import ensure_gui_app\nensure_gui_app()  # so does a headless export",
)


def test_a_headless_export_process_is_guarded_too() -> None:
    assert "ensure_gui_app()" in HEADLESS_LOOP
    out = subprocess.run([sys.executable, "-c", HEADLESS_LOOP], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "alive"


def test_many_void_qt_calls_do_not_crash_the_interpreter() -> None:
    out = subprocess.run([sys.executable, "-c", LOOP], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "alive"


EMITS = """
from ui.main import application
application()  # making the app applies the guard
from PySide6.QtCore import QObject, Signal

class Ticker(QObject):
    ticked = Signal(int)
    moved = Signal()

ticker = Ticker()
ticker.ticked.connect(lambda n: None)
ticker.moved.connect(lambda: None)
for n in range(20_000):
    ticker.ticked.emit(n)
    ticker.moved.emit()
print("alive")
"""


def test_many_signals_emitted_from_python_do_not_crash_the_interpreter() -> None:
    out = subprocess.run([sys.executable, "-c", EMITS], cwd=ROOT, capture_output=True, text=True,
                         timeout=120)  # fmt: skip
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.strip() == "alive"
