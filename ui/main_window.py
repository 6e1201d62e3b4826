"""The main window: welcome screen or comparison, menus, status line, opening and closing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
)

from app.comparison import CompareOptions
from app.edits import Edit
from app.model import Comparison, Side
from app.review import ReviewState, ViewState
from ui import dialogs, window_settings
from ui.account_drops import AccountDrops
from ui.actions import Actions
from ui.alignment_controller import AlignmentController
from ui.compare_view import CompareView
from ui.detail_panel import DetailPanel
from ui.elided_label import ElidedLabel
from ui.focus_areas import FocusAreas
from ui.navigator import Navigator
from ui.review_controller import ReviewController
from ui.selection import Selection
from ui.session_controller import RECENT_KEY, SessionController
from ui.topic_sidebar import TopicSidebar
from ui.view_controller import ViewController
from ui.welcome import WelcomeView


class MainWindow(QMainWindow):
    comparison_loaded = Signal()
    review_changed = Signal()  # the comparison, edits or view changed (for autosave)
    selection_changed = Signal()  # the notes panel follows the selection
    review_replacing = Signal()  # another review is about to take the place of this one

    def __init__(self, settings: QSettings | None = None, engine: str = "auto") -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.options = CompareOptions(engine=engine)
        self.state: ReviewState | None = None
        self.selection = Selection()
        self.filter = "all"
        self.topic: str | None = None
        self.session_path: Path | None = None
        self._pending_scroll: tuple[int, int] | None = None  # see _show_view
        self.theme_mode = str(self.settings.value("view/theme", "system"))
        self.undo_stack = QUndoStack(self)
        self.welcome = WelcomeView()
        self.view = CompareView()
        self.sidebar = TopicSidebar()
        self.detail = DetailPanel()
        self.action_set = Actions(self)
        self.review = ReviewController(self)  # selection, links, corrections, Undo/Redo
        self.display = ViewController(self)  # filters, topic, sync scroll, theme
        self.focus_areas = FocusAreas(self)  # Tab order, Ctrl+Tab round the areas
        self.navigator = Navigator(self)  # the Go menu: differences, omissions, claims
        self._build_layout()
        self._build_status_bar()
        self.action_set.build_menus(self.menuBar())
        self.toolbar = QToolBar("Main")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.action_set.build_toolbar(self.toolbar)
        self.addToolBar(self.toolbar)
        self.welcome.set_session_support(dialogs.session_module() is not None)
        self.welcome.set_recent(self.recent_sessions())
        self._connect()
        self.drops = AccountDrops(self)  # files dropped on the window or the welcome page
        self.alignment = AlignmentController(self)  # new/sample/re-align runs, progress, Cancel
        self.sessions = SessionController(self)  # save/open/recent/autosave, notes panel
        self.focus_areas.set_tab_order()
        self._restore_settings()  # after the session docks exist, so their layout returns
        self.apply_theme(self.theme_mode)
        self._update_actions()
        self._update_title()

    # the controllers' methods, under the names the rest of the app calls on the window
    def select(self, selection: Selection, reveal: bool = True) -> None:
        self.review.select(selection, reveal)

    def apply_edit(self, edit: Edit) -> bool:
        return self.review.apply_edit(edit)

    def _claim_clicked(self, cid: str, additive: bool) -> None:
        self.review.claim_clicked(cid, additive)

    def set_filter(self, name: str) -> None:
        self.display.set_filter(name)

    def set_sync_scroll(self, on: bool) -> None:
        self.display.set_sync_scroll(on)

    def apply_theme(self, mode: str) -> None:
        self.display.apply_theme(mode)

    # -- construction ------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.vsplit = QSplitter(Qt.Orientation.Vertical)
        self.vsplit.addWidget(self.view)
        self.vsplit.addWidget(self.detail)
        self.vsplit.setStretchFactor(0, 1)
        self.vsplit.setSizes([640, 190])
        self.hsplit = QSplitter(Qt.Orientation.Horizontal)
        self.hsplit.addWidget(self.sidebar)
        self.hsplit.addWidget(self.vsplit)
        self.hsplit.setStretchFactor(1, 1)
        self.hsplit.setSizes([250, 1150])
        # neither pane collapses under a drag: View ▸ Topic Sidebar / Detail Panel hide them,
        # and a panel dragged to nothing could not be brought back from the menu
        self.hsplit.setCollapsible(0, False)
        self.hsplit.setCollapsible(1, False)
        self.vsplit.setCollapsible(0, False)
        self.vsplit.setCollapsible(1, False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.hsplit)
        self.setCentralWidget(self.stack)
        self._docks_put_away: dict[QDockWidget, bool] = {}
        self.stack.currentChanged.connect(lambda _index: self._docks_follow_page())

    def _build_status_bar(self) -> None:
        # elided: "6 differences · … F8 next omission" must not hold the window wide
        self.position_label = ElidedLabel()
        self.position_label.setObjectName("positionLabel")
        self.statusBar().addWidget(self.position_label, 1)

    def _connect(self) -> None:
        a = self.action_set
        a.open_session.triggered.connect(self.open_session)
        a.export.triggered.connect(self.export)
        a.close_comparison.triggered.connect(self.close_comparison)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(lambda: dialogs.about(self, self.comparison, self.options.engine))
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.find.triggered.connect(self.view.find_bar.open_bar)
        self.welcome.open_requested.connect(self.open_session)
        self.welcome.recent_chosen.connect(lambda p: self.load_session_file(Path(p)))
        self.undo_stack.cleanChanged.connect(self._clean_changed)

    def show_shortcuts(self) -> None:
        from ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    # -- the review state --------------------------------------------------------------------
    @property
    def comparison(self) -> Comparison | None:
        return self.state.comparison if self.state else None

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def review_state(self) -> ReviewState | None:
        """Everything a session keeps: comparison, notes, edits and where the user is."""
        if self.state is None:
            return None
        self.sessions.notes.commit_text()  # a note still being typed belongs to the review
        view = ViewState(
            selected_claim=self.selection.focus,
            selected_topic=self.topic,
            filter=self.filter,
            scroll_a=self.view.pane_a.offset(),
            scroll_b=self.view.pane_b.offset(),
        )
        return replace(self.state, view=view)

    def load_review(self, state: ReviewState, path: Path | str | None = None) -> None:
        """Show a saved review as it was left (the session loader calls this)."""
        self.alignment.stop_alignment()  # a run started before must not replace the session
        self.show_comparison(state.comparison, state)
        self.session_path = Path(path) if path else None
        self._show_view(state.view)
        self._update_title()

    def _show_view(self, v: ViewState) -> None:
        cmp = self.comparison
        assert cmp is not None
        self.set_filter(v.filter)
        self.sidebar.select_topic(v.selected_topic)
        if v.selected_claim in cmp.claim_by_id:
            self.select(Selection((v.selected_claim,)), reveal=False)
        self._scroll_panes(v.scroll_a, v.scroll_b)
        # before the window is shown the panes have no real width yet, so the text is laid
        # out to another height: scroll again once it is on screen
        self._pending_scroll = None if self.isVisible() else (v.scroll_a, v.scroll_b)

    def _scroll_panes(self, a: int, b: int) -> None:
        with self.view.sync.locked():
            self.view.pane_a.verticalScrollBar().setValue(a)
            self.view.pane_b.verticalScrollBar().setValue(b)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        pending, self._pending_scroll = self._pending_scroll, None
        if pending is not None:
            QTimer.singleShot(0, lambda: self._scroll_panes(*pending))

    def install_review(self, state: ReviewState) -> None:
        """Put a whole review in place without touching the undo stack or the session
        path (a re-alignment and its undo come through here)."""
        self.review_replacing.emit()
        self.state = state
        self.selection = Selection()
        self.view.set_comparison(state.comparison)
        self.sidebar.model.set_comparison(state.comparison)
        self.sidebar.select_topic(None)
        self.stack.setCurrentWidget(self.hsplit)
        self.select(Selection(), reveal=False)
        self._show_view(state.view)
        self._update_actions()
        self._update_title()
        self.review_changed.emit()

    def show_comparison(self, cmp: Comparison, state: ReviewState | None = None) -> None:
        self.review_replacing.emit()
        self.state = state or ReviewState(cmp)
        self.selection = Selection()
        self._fresh_history()
        self.session_path = None
        self.view.set_comparison(cmp)
        self.sidebar.model.set_comparison(cmp)
        self.sidebar.select_topic(None)
        from_welcome = self.stack.currentWidget() is self.welcome
        self.stack.setCurrentWidget(self.hsplit)
        if from_welcome:  # the keyboard starts in the first account, not on a filter button
            self.view.pane_a.setFocus(Qt.FocusReason.OtherFocusReason)
        self.display.update_filters()
        self.select(Selection(), reveal=False)
        if self.view.sync.enabled:
            with self.view.sync.locked():
                self.view.sync.follow(Side.A)
        self._update_actions()
        self._update_title()
        self.comparison_loaded.emit()

    # -- opening, closing --------------------------------------------------------------------
    def open_session(self) -> None:
        path = dialogs.choose_session(self)
        if path:
            self.load_session_file(path)

    def load_session_file(self, path: Path) -> bool:
        return self.sessions.open_path(Path(path))

    def recent_sessions(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        return [str(v) for v in (value if isinstance(value, list) else [value] if value else [])]

    def export(self) -> None:
        state = self.review_state()
        if state is not None:
            dialogs.export(self, state)

    def close_comparison(self) -> None:
        if not self.sessions.may_replace():
            return
        self.alignment.stop_alignment()
        self.review_replacing.emit()
        self.state = None
        self._fresh_history()
        self.position_label.set_full_text("")  # "Difference 1 of 6" of a comparison gone
        self.stack.setCurrentWidget(self.welcome)
        self._update_actions()
        self.sessions.update_actions()  # nothing to save on the welcome page
        self._update_title()

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # -- look and state of the chrome --------------------------------------------------------
    def _update_actions(self) -> None:
        a, cmp = self.action_set, self.comparison
        for action in a.comparison_actions():
            action.setEnabled(cmp is not None)
        a.export.setEnabled(cmp is not None and dialogs.export_available())
        a.open_session.setEnabled(dialogs.session_module() is not None)
        self.review.update_actions()

    def _clean_changed(self, _clean: bool) -> None:
        # the stack, our child, is cleared as the window is destroyed (after a Discard,
        # the stack is not clean): no title to update on a window that is gone
        if shiboken6.isValid(self):
            self._update_title()

    def _fresh_history(self) -> None:
        """No undo steps, and clean: clear() alone keeps the stack unclean after a restore
        marked it so (resetClean), and the next comparison would count as modified."""
        self.undo_stack.clear()
        self.undo_stack.setClean()

    def _update_title(self) -> None:
        cmp = self.comparison
        name = "Parallax"
        if self.session_path:
            name = f"{self.session_path.name}[*] — Parallax"
        elif cmp is not None:
            name = f"{cmp.doc_a.label} ↔ {cmp.doc_b.label}[*] — Parallax"
        self.setWindowTitle(name)
        self.setWindowModified(self.modified)

    def _restore_settings(self) -> None:
        window_settings.restore(self)
        self._docks_follow_page()

    def _docks_follow_page(self) -> None:
        """Docks (the notes panel) belong to a comparison: put away on the welcome page,
        back as they were once a comparison is open."""
        if self.stack.currentWidget() is self.welcome:
            for dock in self.findChildren(QDockWidget):
                if dock not in self._docks_put_away:
                    self._docks_put_away[dock] = not dock.isHidden()
                    dock.hide()
        else:
            self._bring_back_docks()

    def _bring_back_docks(self) -> None:
        for dock, shown in self._docks_put_away.items():
            dock.setVisible(shown)
        self._docks_put_away.clear()

    def save_settings(self) -> None:
        window_settings.save(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.sessions.may_close():
            event.ignore()
            return
        self.alignment.runner.cancel()
        self._bring_back_docks()  # remember the layout the user chose, not the welcome one
        self.save_settings()
        self.alignment.runner.wait(3000)
        super().closeEvent(event)
