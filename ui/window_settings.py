"""What the window remembers between runs (QSettings "Parallax"/"Parallax")."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QStandardPaths

if TYPE_CHECKING:
    from ui.main_window import MainWindow

DEFAULT_SIZE = (1400, 900)
SESSION_FOLDER_KEY = "recent/session_folder"


def _flag(window: MainWindow, key: str) -> bool:
    return bool(window.settings.value(key, True, type=bool))


def restore(window: MainWindow) -> None:
    """Geometry, dock and toolbar layout, splitter sizes and view toggles. The theme is
    read when the window is built (``view/theme``)."""
    s = window.settings
    geometry = s.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(*DEFAULT_SIZE)
    state = s.value("window/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)
    for key, splitter in (("window/hsplit", window.hsplit), ("window/vsplit", window.vsplit)):
        value = s.value(key)
        if isinstance(value, QByteArray):
            splitter.restoreState(value)
    window.set_sync_scroll(_flag(window, "view/sync"))
    window.action_set.show_sidebar.setChecked(_flag(window, "view/sidebar"))
    window.action_set.show_details.setChecked(_flag(window, "view/details"))


def save(window: MainWindow) -> None:
    s = window.settings
    s.setValue("window/geometry", window.saveGeometry())
    s.setValue("window/state", window.saveState())
    s.setValue("window/hsplit", window.hsplit.saveState())
    s.setValue("window/vsplit", window.vsplit.saveState())
    s.setValue("view/theme", window.theme_mode)
    s.setValue("view/sync", window.view.sync.enabled)
    s.setValue("view/sidebar", window.action_set.show_sidebar.isChecked())
    s.setValue("view/details", window.action_set.show_details.isChecked())
    s.sync()


def session_folder(window: MainWindow) -> Path:
    """Where Open Session and Save As start: the folder of the open session file, else the
    folder a session was last opened from or saved to, else Documents (or home)."""
    folders = []
    if window.session_path is not None:
        folders.append(Path(window.session_path).absolute().parent)
    last = window.settings.value(SESSION_FOLDER_KEY, "")
    if isinstance(last, str) and last:
        folders.append(Path(last))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents:
        folders.append(Path(documents))
    return next((f for f in folders if f.is_dir()), Path.home())


def remember_session_folder(window: MainWindow, path: Path) -> None:
    """``path`` is a session file just opened or saved: start there next time."""
    window.settings.setValue(SESSION_FOLDER_KEY, str(Path(path).absolute().parent))
