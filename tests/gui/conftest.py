"""GUI tests: offscreen Qt, settings in a temporary folder, every test marked ``gui``."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything loads Qt

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings

from app.comparison import CompareOptions, compare
from app.documents import from_text, read_path
from app.model import Comparison
from app.resources import sample_paths
from app.synthetic import pair

QCoreApplication.setOrganizationName("Parallax")
QCoreApplication.setApplicationName("Parallax")
HERE = Path(__file__).resolve().parent
LEXICAL = CompareOptions(engine="lexical")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(scope="session")
def sample_cmp() -> Comparison:
    a, b = sample_paths()
    return compare(read_path(a, "Kestria"), read_path(b, "Dorvany"), LEXICAL)


@pytest.fixture(scope="session")
def long_cmp() -> Comparison:
    """About 80 claims a side: long enough to scroll, quick to align."""
    text_a, text_b = pair(80, seed=3)
    return compare(from_text(text_a, "A"), from_text(text_b, "B"), LEXICAL)


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    win = MainWindow(engine="lexical")
    win.errors = []  # a modal message box would hang the test: record instead

    def record(title: str, message: str) -> None:
        win.errors.append(f"{title}: {message}")

    win.show_error = record
    # not qtbot.addWidget: pytest-qt closes those before fixture teardown, and closing a
    # window with corrections asks whether to save them

    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.undo_stack.clear()  # nothing left to save, so closing asks nothing
    win.alignment.runner.cancel()
    win.alignment.runner.wait(5000)
    win.close()
    win.deleteLater()
