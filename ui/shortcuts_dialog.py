"""Help ▸ Keyboard Shortcuts: every key of every menu, read from the menus themselves when
the dialog opens (so it never drifts from them), and the mouse gestures no menu shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

#: Ctrl as this platform writes it ("Ctrl" on Linux and Windows, "⌘" on macOS)
_CTRL = QKeySequence("Ctrl+A").toString(QKeySequence.SequenceFormat.NativeText)[:-1]

#: What the panes do without a menu entry: (what, keys or gesture).
GESTURES = (
    ("Select a claim and its counterparts", "Click"),
    ("Add a claim to the selection (one on each side makes a link)", f"{_CTRL}Click"),
    ("Move between fields of a dialog", "Tab / Shift+Tab"),
    ("Close a dialog or the find bar", "Esc"),
)


def plain(text: str) -> str:
    """A menu text as read: no access-key ampersands, no trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


#: Keys of their own on some keyboards ("Redo"), which the platform adds to its bindings
_DEVICE_KEYS = [
    QKeySequence(key)
    for key in (Qt.Key.Key_Redo, Qt.Key.Key_Undo, Qt.Key.Key_Help, Qt.Key.Key_Find)
]


def key_text(action: QAction) -> str:
    fmt = QKeySequence.SequenceFormat.NativeText
    keys = [k for k in action.shortcuts() if not k.isEmpty() and k not in _DEVICE_KEYS]
    # Shift+Tab arrives as Backtab on some platforms: bound both ways, shown once
    names = dict.fromkeys(k.toString(fmt).replace("Backtab", "Tab") for k in keys)
    return " or ".join(names)


def menu_rows(menu: QMenu, path: str = "") -> list[tuple[str, str]]:
    """(entry, keys) for every entry with a key in ``menu`` and its submenus."""
    rows: list[tuple[str, str]] = []
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            rows += menu_rows(sub, f"{path}{plain(sub.title())} ▸ ")
        elif not action.isSeparator() and key_text(action):
            rows.append((path + plain(action.text()), key_text(action)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(560, 620)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Type to find a command or a key…")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Find a shortcut")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self._sections: list[tuple[QTreeWidgetItem, list[QTreeWidgetItem]]] = []
        for entry in bar.actions():  # the menus in the order the bar shows them
            menu = entry.menu()
            if isinstance(menu, QMenu):
                self._section(plain(menu.title()), menu_rows(menu))
        self._section("In the accounts", list(GESTURES))
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.show_matching)

    def _section(self, title: str, rows: list[tuple[str, str]]) -> None:
        if not rows:
            return
        section = QTreeWidgetItem(self.tree, [title])
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        section.setFirstColumnSpanned(True)
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self._sections.append((section, [QTreeWidgetItem(section, list(row)) for row in rows]))

    def show_matching(self, text: str) -> None:
        """Only the rows whose command or keys contain ``text`` (any case); a section with
        none left hides too."""
        needle = text.strip().casefold()
        for section, items in self._sections:
            shown = 0
            for item in items:
                hit = not needle or any(needle in item.text(c).casefold() for c in (0, 1))
                item.setHidden(not hit)
                shown += hit
            section.setHidden(not shown)

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, command, keys) of the rows showing."""
        return [
            (section.text(0), item.text(0), item.text(1))
            for section, items in self._sections
            if not section.isHidden()
            for item in items
            if not item.isHidden()
        ]
