"""Running the ``parallax`` command as a user would, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_parallax(
    *args: str | Path, env: Mapping[str, str] | None = None, module: str = "ui.launcher"
) -> subprocess.CompletedProcess[str]:
    """``parallax ARGS`` (the installed command, or ``module``'s), from the checkout."""
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", module, *map(str, args)],
        cwd=ROOT, capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
