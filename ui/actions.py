"""Every command of the main window as a QAction, and the menus and toolbar built from them.

Actions carry text, shortcut, icon and tooltip here; the window connects them to its
methods. The File menu is built in one method so that session features slot in there.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar

from ui import theme

_Key = QKeySequence.StandardKey


def area_keys(platform: str = sys.platform) -> tuple[list[QKeySequence], list[QKeySequence]]:
    """The keys of Next Area and Previous Area. On macOS Qt reads "Ctrl" as Command, and
    Command+Tab belongs to the system's app switcher; "Meta" there is the Control key."""
    mod = "Meta" if platform == "darwin" else "Ctrl"
    forward = [QKeySequence(f"{mod}+Tab")]
    # Qt reads Shift+Tab as Backtab on some platforms and as Tab on others
    back = [QKeySequence(f"{mod}+Shift+Tab"), QKeySequence(f"{mod}+Shift+Backtab")]
    return forward, back


class Actions(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._icons: dict[QAction, str] = {}
        new = self._make
        # File
        self.new = new("&New Comparison…", _Key.New, "file-compare", "Compare two accounts")
        self.open_session = new("&Open Session…", _Key.Open, "folder-open-outline")
        self.open_sample = new("Open the Sa&mple Comparison", None, "book-open-variant")
        self.export = new("&Export…", "Ctrl+E", "export-variant", "Export a brief or PDF")
        self.close_comparison = new("&Close Comparison", _Key.Close, "close")
        self.quit = new("&Quit", _Key.Quit, None)
        # Edit (undo/redo come from the undo stack, see set_undo_actions)
        self.undo: QAction | None = None
        self.redo: QAction | None = None
        self.find = new("&Find…", _Key.Find, "magnify", "Find in both accounts")
        self.link = new(
            "&Link Selected Claims",
            "Ctrl+L",
            "link-variant",
            "Link the selected claims of A with those of B",
        )
        self.unlink = new("U&nlink", "Ctrl+Shift+L", "link-variant-off", "Remove this link")
        self.mark_same = new("Mark as &Same", "Ctrl+Shift+1", "equal", "Both say the same")
        self.mark_differs = new(
            "Mark as &Differs", "Ctrl+Shift+2", "not-equal-variant", "The two claims differ"
        )
        self.clear_selection = new("Clear &Selection", "Ctrl+Shift+A", None)
        self.realign = new(
            "Re-&align…",
            "Ctrl+Shift+R",
            "refresh",
            "Align again with another engine or corrected text, keeping edits and notes",
        )
        # View
        self.filter_all = new("&All", "Alt+1", None, "Show every claim")
        self.filter_differences = new("&Differences", "Alt+2", None, "Show only claims that differ")
        self.filter_omissions = new(
            "&Omissions", "Alt+3", None, "Show only claims one side leaves out"
        )
        self.filters = QActionGroup(self)
        for action in (self.filter_all, self.filter_differences, self.filter_omissions):
            action.setCheckable(True)
            self.filters.addAction(action)
        self.filter_all.setChecked(True)
        self.only_topic = new("Only the Se&lected Topic", "Ctrl+T", None)
        self.only_topic.setCheckable(True)
        self.sync_scroll = new(
            "S&ynchronized Scrolling",
            "Ctrl+Shift+Y",
            "arrow-up-down-bold-outline",
            "Keep the counterpart of what you read in view",
        )
        self.sync_scroll.setCheckable(True)
        self.sync_scroll.setChecked(True)
        self.show_sidebar = new("Topic &Sidebar", "F9", None)
        self.show_details = new("D&etail Panel", "Ctrl+Shift+D", None)
        for action in (self.show_sidebar, self.show_details):
            action.setCheckable(True)
            action.setChecked(True)
        self.theme_system = new("Follow the &System", None, None)
        self.theme_light = new("&Light", None, None)
        self.theme_dark = new("&Dark", None, None)
        self.themes = QActionGroup(self)
        for action, mode in (
            (self.theme_system, "system"),
            (self.theme_light, "light"),
            (self.theme_dark, "dark"),
        ):
            action.setCheckable(True)
            action.setData(mode)
            self.themes.addAction(action)
        # Go
        self.next_difference = new("&Next Difference", "F7", "chevron-down", "Next difference (F7)")
        self.previous_difference = new(
            "&Previous Difference", "Shift+F7", "chevron-up", "Previous difference (Shift+F7)"
        )
        self.next_omission = new(
            "Next &Omission", "F8", "page-next-outline", "Next claim only one side makes (F8)"
        )
        self.previous_omission = new("Previous O&mission", "Shift+F8", None)
        self.next_claim = new("Next &Claim", "Alt+Down", None)
        self.previous_claim = new("Previous C&laim", "Alt+Up", None)
        # picking the two sides of a link: the claims picked in the other pane stay
        link_tip = "This pane's claim moves on; what is picked in the other pane stays"
        self.next_claim_to_link = new("Next Claim to Lin&k", "Alt+Shift+Down", None, link_tip)
        self.previous_claim_to_link = new("Previous Claim to L&ink", "Alt+Shift+Up", None, link_tip)
        self.add_next_claim = new(
            "&Add Next Claim to Selection", None, None, "One more claim on this side of a link"
        )
        # round the areas, in reading order (ui/focus_areas.py); from account A, the next
        # area is account B: the other side of a link being picked
        areas_tip = "Topics, account A, account B and the notes in turn"
        self.next_area = new("Ne&xt Area", None, None, areas_tip)
        self.previous_area = new("Pre&vious Area", None, None, areas_tip)
        forward, back = area_keys()
        self.next_area.setShortcuts(forward)
        self.previous_area.setShortcuts(back)
        # Help
        self.shortcuts = new(
            "&Keyboard Shortcuts", "Ctrl+/", "keyboard-outline", "Every key, in one list"
        )
        self.shortcuts.setShortcuts([QKeySequence("Ctrl+/"), QKeySequence(_Key.HelpContents)])
        self.about = new("&About Parallax", None, "information-outline")

    def _make(self, text: str, shortcut: object, icon: str | None, tip: str = "") -> QAction:
        action = QAction(text, self.parent())
        if isinstance(shortcut, (str, _Key)):
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setToolTip(tip)
            action.setStatusTip(tip)
        if icon:
            self._icons[action] = icon
            action.setIcon(theme.icon(icon))
        return action

    def set_undo_actions(self, undo: QAction, redo: QAction) -> None:
        self.undo, self.redo = undo, redo
        undo.setShortcut(QKeySequence(_Key.Undo))
        # every key the platform has for Redo (Ctrl+Shift+Z on Linux; QKeySequence(Redo) is
        # only the first, Ctrl+Y), and Ctrl+Y once: twice would make it ambiguous, and dead
        keys, ctrl_y = QKeySequence.keyBindings(_Key.Redo), QKeySequence("Ctrl+Y")
        redo.setShortcuts(keys if ctrl_y in keys else [*keys, ctrl_y])
        self._icons[undo], self._icons[redo] = "undo", "redo"

    def refresh_icons(self) -> None:
        for action, name in self._icons.items():
            action.setIcon(theme.icon(name))

    def comparison_actions(self) -> list[QAction]:
        """Actions that need a comparison on screen."""
        return [
            self.export,
            self.close_comparison,
            self.find,
            self.next_difference,
            self.previous_difference,
            self.next_omission,
            self.previous_omission,
            self.next_claim,
            self.previous_claim,
            self.next_claim_to_link,
            self.previous_claim_to_link,
            self.add_next_claim,
            self.next_area,
            self.previous_area,
            self.clear_selection,
            self.realign,
            self.filter_all,  # a filter picked on the welcome page would carry over unseen
            self.filter_differences,
            self.filter_omissions,
        ]

    # -- menus and toolbar -------------------------------------------------------------------
    def build_menus(self, bar: QMenuBar) -> None:
        self.build_file_menu(bar.addMenu("&File"))
        edit = bar.addMenu("&Edit")
        if self.undo and self.redo:
            edit.addActions([self.undo, self.redo])
            edit.addSeparator()
        edit.addActions([self.find])
        edit.addSeparator()
        edit.addActions([self.link, self.unlink, self.mark_same, self.mark_differs])
        edit.addSeparator()
        edit.addAction(self.realign)
        view = bar.addMenu("&View")
        view.addActions([self.filter_all, self.filter_differences, self.filter_omissions])
        view.addAction(self.only_topic)
        view.addSeparator()
        view.addActions([self.sync_scroll, self.show_sidebar, self.show_details])
        themes = view.addMenu("&Theme")
        themes.addActions(self.themes.actions())
        go = bar.addMenu("&Go")
        go.addActions([self.next_difference, self.previous_difference])
        go.addSeparator()
        go.addActions([self.next_omission, self.previous_omission])
        go.addSeparator()
        go.addActions([self.next_claim, self.previous_claim])
        go.addActions([self.next_claim_to_link, self.previous_claim_to_link, self.add_next_claim])
        go.addAction(self.clear_selection)
        go.addSeparator()
        go.addActions([self.next_area, self.previous_area])
        bar.addMenu("&Help").addActions([self.shortcuts, self.about])

    def build_file_menu(self, menu: QMenu) -> None:
        menu.addActions([self.new, self.open_session, self.open_sample])
        menu.addSeparator()
        menu.addAction(self.export)
        menu.addSeparator()
        menu.addActions([self.close_comparison, self.quit])

    def build_toolbar(self, bar: QToolBar) -> None:
        bar.addActions([self.new, self.open_session])
        bar.addSeparator()
        if self.undo and self.redo:
            bar.addActions([self.undo, self.redo])
            bar.addSeparator()
        bar.addActions([self.previous_difference, self.next_difference, self.next_omission])
        bar.addSeparator()
        bar.addActions([self.link, self.unlink, self.mark_same, self.mark_differs])
        bar.addSeparator()
        bar.addActions([self.sync_scroll, self.find])
