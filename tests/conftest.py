"""Shared test set-up: offscreen Qt, isolated settings and data folders, helper paths."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator
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


@pytest.fixture(autouse=True, scope="session")
def _no_automatic_collection() -> Iterator[None]:
    """As in the app (``ui.main.collect_on_gui_thread``): no automatic collection of
    cycles, which starts on whichever thread allocates, a worker's included, and may meet
    the wrappers of a widget being deleted on the GUI thread."""
    gc.disable()
    yield
    gc.collect()  # (collection stays off: a preview may still run, holding it off itself)


_tests_run = 0
WHOLE_COLLECTION_EVERY = 50  # tests; a whole collection takes some 0.1 s by the end


@pytest.fixture(autouse=True)
def _collect_on_the_main_thread() -> Iterator[None]:
    """The collection the app makes from a timer on the GUI thread: after every test what
    it left (the young generations), and now and then everything."""
    global _tests_run
    yield
    _tests_run += 1
    gc.collect(2 if _tests_run % WHOLE_COLLECTION_EVERY == 0 else 1)
