"""Shared test set-up: offscreen Qt, isolated settings and data folders, helper paths."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from ui import qt_guard  # noqa: E402

qt_guard.apply()  # pytest-qt makes this process's QApplication, not ui.main

# CI runs the same examples every time (a red run must be reproducible); a developer's
# runs explore new ones
settings.register_profile(
    "parallax",
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),
)
settings.load_profile("parallax")


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test reads or writes the real user's data or config folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PARALLAX_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "share"))
