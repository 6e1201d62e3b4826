"""What the View menu governs in the window: filters, the topic, scrolling and the theme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication

from app.model import Side
from ui import theme
from ui.selection import muted_claims

if TYPE_CHECKING:
    from ui.main_window import MainWindow

FILTERS = ("all", "differences", "omissions")


class ViewController(QObject):
    """Owns how the comparison is shown; the window keeps the choices (``filter``,
    ``topic``, ``theme_mode``) so that sessions and settings find them there."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        a, sidebar = window.action_set, window.sidebar
        sidebar.set_filter_actions(a.filters.actions())
        a.filters.triggered.connect(self._filter_chosen)
        a.only_topic.toggled.connect(sidebar.only_topic.setChecked)
        sidebar.only_topic.toggled.connect(a.only_topic.setChecked)
        sidebar.only_topic.toggled.connect(lambda _on: self.update_filters())
        a.sync_scroll.toggled.connect(self.set_sync_scroll)
        a.show_sidebar.toggled.connect(sidebar.setVisible)
        a.show_details.toggled.connect(window.detail.setVisible)
        a.themes.triggered.connect(lambda action: self.apply_theme(action.data()))
        sidebar.topic_selected.connect(self._topic_selected)
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(lambda _s: self.apply_theme(window.theme_mode))

    def _filter_actions(self) -> dict[str, QAction]:
        a = self.window.action_set
        return dict(zip(FILTERS, (a.filter_all, a.filter_differences, a.filter_omissions)))

    # -- filters and topics ------------------------------------------------------------------
    def set_filter(self, name: str) -> None:
        actions = self._filter_actions()
        actions.get(name, actions["all"]).setChecked(True)
        self.window.filter = name if name in actions else "all"
        self.update_filters()

    def _filter_chosen(self, action: QAction) -> None:
        names = {chosen: name for name, chosen in self._filter_actions().items()}
        self.set_filter(names.get(action, "all"))

    def topic_filter(self) -> str | None:
        w = self.window
        return w.topic if w.sidebar.only_topic.isChecked() else None

    def update_filters(self) -> None:
        w = self.window
        if w.comparison is not None:
            w.view.set_muted(muted_claims(w.comparison, w.filter, self.topic_filter()))
            w.navigator.update_status()

    def _topic_selected(self, topic_id: str | None) -> None:
        w = self.window
        w.topic = topic_id
        self.update_filters()
        cmp = w.comparison
        if cmp is None or topic_id is None:
            return
        with w.view.sync.locked():
            for side in Side:
                pane = w.view.pane(side)
                first = next(
                    (i for i, cid in enumerate(pane.ids) if cmp.claim_by_id[cid].topic == topic_id),
                    None,
                )
                if first is not None:
                    pane.scroll_to_y(pane.claim_span(first)[0] - 40)

    def set_sync_scroll(self, on: bool) -> None:
        w = self.window
        w.view.sync.enabled = on
        w.action_set.sync_scroll.setChecked(on)
        if on and w.comparison is not None:
            with w.view.sync.locked():
                w.view.sync.follow(Side.A)

    # -- theme -------------------------------------------------------------------------------
    def apply_theme(self, mode: str) -> None:
        w = self.window
        w.theme_mode = mode if mode in theme.MODES else "system"
        for action in w.action_set.themes.actions():
            action.setChecked(action.data() == w.theme_mode)
        dark = theme.is_dark(w.theme_mode)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, dark)
        w.view.set_dark(dark)
        w.sidebar.set_dark(dark)
        w.detail.dark = dark
        w.action_set.refresh_icons()
        w.welcome.refresh_icons()
        w.view.find_bar.refresh_icons()
        if w.comparison is not None:
            w.select(w.selection, reveal=False)
