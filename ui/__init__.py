"""The Parallax desktop application (PySide6). Imports app; app never imports this."""
