"""Quitting just after the export dialog was closed while its preview was still being made:
the preview thread is stopped and waited for, so Qt has nothing to warn about."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdf")

ROOT = Path(__file__).resolve().parent.parent

#: The app's way out (the event loop quits, then Python ends) or a script's (Python ends
#: without an event loop). The preview's layout is held for half a second after its
#: QTextDocument is made, as the parsing of a long brief's HTML holds it (one call that
#: never asks whether to stop), so the quit surely comes while the job still uses it.
SCRIPT = """
import sys, threading, time
from dataclasses import replace
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from app.model import Topic
from app.review import ReviewState
from tests.export_support import hand_made_long
from ui import pdf_paint, qt_guard
from ui.export_dialog import ExportDialog

how, delay_ms, settings = sys.argv[1], int(sys.argv[2]), sys.argv[3]
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings)
qt_guard.apply()
app = QApplication([])
laying_out = threading.Event()
layout_document = pdf_paint.layout_document

def held(*args, **kwargs):
    doc = layout_document(*args, **kwargs)
    laying_out.set()
    time.sleep(0.5)
    return doc

pdf_paint.layout_document = held
cmp = hand_made_long(300)
claims = tuple(replace(c, topic=f"t{int(c.id[1:]) // 20}") for c in cmp.claims)
topics = tuple(Topic(f"t{k}", f"Envoys {k}") for k in range(15))
dialog = ExportDialog(ReviewState(replace(cmp, claims=claims, topics=topics)))
dialog.show()
while not laying_out.is_set():
    app.processEvents()
    time.sleep(0.005)
dialog.close()
dialog.deleteLater()
if how == "quit":
    QTimer.singleShot(delay_ms, app.quit)
    sys.exit(app.exec())
app.processEvents()
time.sleep(delay_ms / 1000)
sys.exit(0)
"""

#: what the offscreen platform says whenever a dialog is shown
NOISE = "This plugin does not support propagateSizeHints()"


@pytest.mark.gui
def test_quitting_just_after_closing_the_dialog_is_clean(tmp_path: Path) -> None:
    runs = [("quit", 0), ("quit", 150), ("exit", 0), ("exit", 150)]
    procs = [  # side by side: a run takes a second or so, mostly starting Python and Qt
        subprocess.Popen(
            [sys.executable, "-c", SCRIPT, how, str(delay), str(tmp_path / f"ini{i}")],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i, (how, delay) in enumerate(runs)
    ]
    for (how, delay), proc in zip(runs, procs):
        _out, err = proc.communicate(timeout=60)
        said = [line for line in err.splitlines() if line.strip() and line != NOISE]
        assert proc.returncode == 0 and not said, (how, delay, proc.returncode, err)
