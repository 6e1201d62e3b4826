"""The one place that finds bundled files, whether running from source or frozen."""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath


def root() -> Path:
    """The folder that holds ``resources/``: the bundle when frozen, else the checkout."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def path(relative: str) -> Path:
    """``resources/<relative>``; refuses absolute paths and ``..`` so callers cannot
    wander outside the resource folder."""
    rel = PurePosixPath(relative)
    if rel.is_absolute() or ".." in rel.parts or not rel.parts:
        raise ValueError(f"not a resource path: {relative!r}")
    return root().joinpath("resources", *rel.parts)


def bundled_model_dir() -> Path | None:
    """A frozen bundle carries the model under ``resources/model``."""
    p = path("model")
    return p if p.is_dir() else None


def sample_paths() -> tuple[Path, Path]:
    return path("samples/sample_a.txt"), path("samples/sample_b.txt")
