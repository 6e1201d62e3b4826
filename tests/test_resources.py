"""The one resource helper: checkout or frozen bundle, and nothing outside resources/."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from app import resources


def test_resources_resolve_in_the_checkout() -> None:
    a, b = resources.sample_paths()
    assert a.is_file() and b.is_file()
    assert resources.path("styles/parallax.qss").is_file()


def test_a_frozen_bundle_is_the_root(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "resources" / "model").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.root() == tmp_path
    assert resources.path("icons/parallax.svg") == tmp_path / "resources" / "icons" / "parallax.svg"
    assert resources.bundled_model_dir() == tmp_path / "resources" / "model"


@pytest.mark.parametrize("bad", ["/etc/passwd", "../secrets", "icons/../../x", ""])
def test_paths_outside_resources_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        resources.path(bad)
