"""The installed ``parallax`` command: the core's headless subcommands (``compare``), the
``export`` subcommand, and the desktop app for anything else.

The dispatch lives here rather than in ``app.cli`` because the core never imports ``ui``.
Importing this module loads no Qt: ``export`` and the window import it when they run.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from app import cli
from ui import export_cli  # noqa: F401  (registers `parallax export`)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, gui=_run_gui)


def _run_gui(argv: list[str]) -> int:
    from ui.main import main as gui_main

    return int(gui_main(argv))


if __name__ == "__main__":
    sys.exit(main())
