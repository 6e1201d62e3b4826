"""The Parallax desktop application (PySide6). Imports app; app never imports this."""

from ui import qt_guard

qt_guard.apply()
