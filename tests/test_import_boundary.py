"""The core never loads Qt or the GUI: importing every module under app/ (and loading the
CLI's subcommands) leaves PySide6 and ui unloaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


SCRIPT = """
import importlib, pkgutil, sys
import app
names = [m.name for m in pkgutil.walk_packages(app.__path__, "app.")]
for name in names:
    importlib.import_module(name)
from app import cli
cli._load_plugins()
qt = sorted(m for m in sys.modules
            if m == "ui" or m.startswith(("ui.", "PySide6", "shiboken6", "PyQt")))
print(len(names), ",".join(qt))
"""

LAUNCHER = """
import sys
import ui.launcher
print(",".join(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6")))))
"""


def test_importing_every_core_module_loads_no_qt() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, check=True
    )
    count, qt = out.stdout.strip().split(" ", 1) if " " in out.stdout.strip() else (
        out.stdout.strip(), "")  # fmt: skip
    assert int(count) >= 10, "the walk should find the core modules"
    assert qt == "", f"Qt or GUI modules loaded by the core: {qt}"


def test_the_installed_command_loads_qt_only_for_the_window_or_a_pdf() -> None:
    """`parallax compare` goes through ui.launcher; importing it must not start Qt."""
    out = subprocess.run(
        [sys.executable, "-c", LAUNCHER], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""


def test_the_check_would_notice_qt() -> None:
    """Guard against a vacuous test: the same probe does see Qt when it is imported."""
    probe = "import PySide6.QtCore, sys; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
