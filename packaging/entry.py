"""Frozen entry point: one executable for the window and the headless subcommands."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
