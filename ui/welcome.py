"""The first screen: start a comparison, open a session, or try the bundled sample."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import theme


class WelcomeView(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    sample_requested = Signal()
    recent_chosen = Signal(str)
    files_dropped = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.logo = QLabel()
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("Parallax")
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tagline = QLabel(
            "Two accounts of one event, side by side: what they share, "
            "where they differ, and what each leaves out."
        )
        tagline.setObjectName("welcomeTagline")
        tagline.setWordWrap(True)
        tagline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.new_button = QCommandLinkButton(
            "New comparison…", "Choose, drop or paste two accounts"
        )
        self.open_button = QCommandLinkButton("Open session…", "Continue a saved review")
        self.sample_button = QCommandLinkButton(
            "Open the sample", "Two readouts of a call between invented ministers"
        )
        self.recent = QListWidget()
        self.recent.setObjectName("recentList")
        self.recent.setAccessibleName("Recent sessions")
        self.recent_label = QLabel("Recent sessions")
        self.recent_label.setObjectName("sidebarTitle")
        self.empty_recent = QLabel("Sessions you save will be listed here.")
        self.empty_recent.setObjectName("paneDetail")
        hint = QLabel("Tip: drop two files anywhere on this window to compare them.")
        hint.setObjectName("paneDetail")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        column = QVBoxLayout()
        column.setSpacing(6)
        column.addStretch(2)
        column.addWidget(self.logo)
        column.addWidget(title)
        column.addWidget(tagline)
        column.addSpacing(18)
        for button in (self.new_button, self.open_button, self.sample_button):
            # Enter and Return press the focused button, as Space does (outside a dialog
            # a push button ignores them unless it is an "auto default" one)
            button.setAutoDefault(True)
            # Fusion draws a flat button's keyboard focus not at all: an accent outline
            button.setStyleSheet(
                "QCommandLinkButton { border: 1px solid transparent; border-radius: 4px; }"
                " QCommandLinkButton:focus { border-color: palette(highlight); }"
            )
            column.addWidget(button)
        column.addSpacing(14)
        column.addWidget(self.recent_label)
        column.addWidget(self.empty_recent)
        column.addWidget(self.recent)
        column.addSpacing(10)
        column.addWidget(hint)
        column.addStretch(3)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(560)
        holder.setMinimumWidth(420)
        outer.addWidget(holder, 3)
        outer.addStretch(1)

        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self.open_requested)
        self.sample_button.clicked.connect(self.sample_requested)
        self.recent.itemActivated.connect(lambda item: self.recent_chosen.emit(item.data(256)))
        self.refresh_icons()

    def refresh_icons(self) -> None:
        self.logo.setPixmap(theme.app_icon().pixmap(QSize(72, 72)))
        self.new_button.setIcon(theme.icon("file-compare"))
        self.open_button.setIcon(theme.icon("folder-open-outline"))
        self.sample_button.setIcon(theme.icon("book-open-variant"))

    def set_session_support(self, available: bool) -> None:
        self.open_button.setEnabled(available)
        if not available:
            self.open_button.setDescription("Session files are not available in this build")

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for path, name in zip(paths, recent_names(paths), strict=True):
            item = QListWidgetItem(theme.icon("history"), name)
            item.setToolTip(path)
            item.setData(256, path)
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.empty_recent.setVisible(not paths)
        self.recent.setMaximumHeight(min(200, 8 + 28 * max(1, len(paths))))

    # Qt API
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)


def recent_names(paths: list[str]) -> list[str]:
    """File names, with as much of the folder as tells apart files of the same name
    ("review.parallax — Kyiv" and "review.parallax — Moscow")."""
    names = [Path(p).name for p in paths]
    for i, path in enumerate(paths):
        same = [Path(q) for q in paths if Path(q).name == names[i]]
        if len(same) < 2:
            continue
        parents = Path(path).parent.parts
        for depth in range(1, len(parents) + 1):
            tail = parents[-depth:]
            if sum(q.parent.parts[-depth:] == tail for q in same) == 1:
                break
        names[i] = f"{names[i]} — {Path(*tail)}" if parents else names[i]
    return names
