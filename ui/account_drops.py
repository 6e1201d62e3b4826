"""Accounts dropped anywhere on the window start a new comparison (sessions: SessionController)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QDropEvent

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class AccountDrops(QObject):
    """Watches the window's drag and drop events. The session controller's filter, put on
    the window later, sees them first and takes ``.parallax`` files."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.welcome.files_dropped.connect(self.start)

    def start(self, paths: list[str]) -> None:
        # after the drop returns: a modal dialog inside a drop handler stalls some desktops
        QTimer.singleShot(0, lambda: self.window.alignment.new_comparison(paths[:2]))

    # Qt API
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kinds = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)
        if event.type() in kinds and isinstance(event, QDropEvent):  # drags are drops too
            paths = _local_paths(event)
            if paths:
                event.acceptProposedAction()
                if event.type() == QEvent.Type.Drop:
                    self.start(paths)
                return True
        return super().eventFilter(watched, event)


def _local_paths(event: QDropEvent) -> list[str]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
