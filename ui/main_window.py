"""The main window: welcome screen or comparison, menus, status line, opening and closing."""

from __future__ import annotations

import itertools
from dataclasses import replace
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QWidget,
)

from app.comparison import CompareOptions
from app.edits import Edit, EditError, EditKind, link_key
from app.model import Comparison, Relation, Side
from app.review import ReviewState, ViewState
from ui import dialogs, theme, window_settings
from ui.actions import Actions
from ui.alignment_controller import AlignmentController
from ui.commands import EditCommand
from ui.compare_view import CompareView
from ui.detail_panel import DetailPanel
from ui.elided_label import ElidedLabel
from ui.navigator import Navigator
from ui.selection import Selection, muted_claims
from ui.session_controller import RECENT_KEY, SessionController
from ui.topic_sidebar import TopicSidebar
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
        self.action_set = Actions(self)
        self.action_set.set_undo_actions(
            self._step_action(self.undo_stack.createUndoAction(self, "&Undo"), redo=False),
            self._step_action(self.undo_stack.createRedoAction(self, "&Redo"), redo=True),
        )
        self.welcome = WelcomeView()
        self.view = CompareView()
        self.sidebar = TopicSidebar()
        self.detail = DetailPanel()
        self.navigator = Navigator(self)
        self._build_layout()
        self._build_status_bar()
        self.action_set.build_menus(self.menuBar())
        self.toolbar = QToolBar("Main")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.action_set.build_toolbar(self.toolbar)
        self.addToolBar(self.toolbar)
        self.sidebar.set_filter_actions(self.action_set.filters.actions())
        self.detail.set_actions(
            [
                self.action_set.mark_same,
                self.action_set.mark_differs,
                self.action_set.unlink,
                self.action_set.link,
            ]
        )
        self.welcome.set_session_support(dialogs.session_module() is not None)
        self.welcome.set_recent(self.recent_sessions())
        self._connect()
        self.alignment = AlignmentController(self)  # new/sample/re-align runs, progress, Cancel
        self.sessions = SessionController(self)  # save/open/recent/autosave, notes panel
        self._set_tab_order()
        self._restore_settings()  # after the session docks exist, so their layout returns
        self.apply_theme(self.theme_mode)
        self._update_actions()
        self._update_title()

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

    def _set_tab_order(self) -> None:
        """Tab goes left to right, as the window reads: filters and topics, the two
        accounts, the detail panel, the notes."""
        notes = self.sessions.notes
        chain: list[QWidget] = [
            *self.sidebar.findChildren(QToolButton),
            self.sidebar.view,
            self.sidebar.only_topic,
            self.view.pane_a,
            self.view.pane_b,
            self.detail.texts[Side.A],
            self.detail.texts[Side.B],
            *self.detail.tool_buttons,
            notes.on_claim,
            notes.on_link,
            notes.editor,
            notes.reviewed,
            notes.important,
            notes.notes_list,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _step_action(self, action: QAction, redo: bool) -> QAction:
        """The stack's Undo or Redo action (its text and state follow the stack), made to
        file a note still being typed first: that note is the latest change, and filing it
        in the middle of an undo (the selection moves, the notes panel commits) would push
        onto the stack while it runs."""
        action.triggered.disconnect()

        def step() -> None:
            self.sessions.notes.commit_text()
            (self.undo_stack.redo if redo else self.undo_stack.undo)()

        action.triggered.connect(step)
        return action

    def _build_status_bar(self) -> None:
        # elided: "6 differences · … F8 next omission" must not hold the window wide
        self.position_label = ElidedLabel()
        self.position_label.setObjectName("positionLabel")
        self.statusBar().addWidget(self.position_label, 1)

    def _connect(self) -> None:
        a, nav = self.action_set, self.navigator
        a.open_session.triggered.connect(self.open_session)
        a.export.triggered.connect(self.export)
        a.close_comparison.triggered.connect(self.close_comparison)
        a.quit.triggered.connect(self.close)
        a.about.triggered.connect(lambda: dialogs.about(self, self.comparison, self.options.engine))
        a.find.triggered.connect(self.view.find_bar.open_bar)
        a.link.triggered.connect(self.link_selected)
        a.unlink.triggered.connect(lambda: self._edit_focus_link(EditKind.UNLINK))
        a.mark_same.triggered.connect(
            lambda: self._edit_focus_link(EditKind.RELATION, Relation.SAME)
        )
        a.mark_differs.triggered.connect(
            lambda: self._edit_focus_link(EditKind.RELATION, Relation.DIFFERS)
        )
        a.clear_selection.triggered.connect(lambda: self.select(Selection()))
        a.filters.triggered.connect(self._filter_chosen)
        a.only_topic.toggled.connect(self.sidebar.only_topic.setChecked)
        self.sidebar.only_topic.toggled.connect(a.only_topic.setChecked)
        self.sidebar.only_topic.toggled.connect(lambda _on: self._update_filters())
        a.sync_scroll.toggled.connect(self.set_sync_scroll)
        a.show_sidebar.toggled.connect(self.sidebar.setVisible)
        a.show_details.toggled.connect(self.detail.setVisible)
        a.themes.triggered.connect(lambda action: self.apply_theme(action.data()))
        a.next_difference.triggered.connect(lambda: nav.difference(True))
        a.previous_difference.triggered.connect(lambda: nav.difference(False))
        a.next_omission.triggered.connect(lambda: nav.omission(True))
        a.previous_omission.triggered.connect(lambda: nav.omission(False))
        a.next_claim.triggered.connect(lambda: nav.claim(1))
        a.previous_claim.triggered.connect(lambda: nav.claim(-1))
        a.next_claim_to_link.triggered.connect(lambda: nav.claim(1, keep_other=True))
        a.previous_claim_to_link.triggered.connect(lambda: nav.claim(-1, keep_other=True))
        a.add_next_claim.triggered.connect(nav.add_next_claim)
        a.focus_other_pane.triggered.connect(nav.switch_pane)
        self.view.claim_clicked.connect(self._claim_clicked)
        self.view.link_clicked.connect(self._link_clicked)
        self.sidebar.topic_selected.connect(self._topic_selected)
        self.welcome.open_requested.connect(self.open_session)
        self.welcome.recent_chosen.connect(lambda p: self.load_session_file(Path(p)))
        self.welcome.files_dropped.connect(self._files_dropped)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        hints = QGuiApplication.styleHints()
        if hints is not None:
            hints.colorSchemeChanged.connect(lambda _s: self.apply_theme(self.theme_mode))

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
        self._update_filters()
        self.select(Selection(), reveal=False)
        if self.view.sync.enabled:
            with self.view.sync.locked():
                self.view.sync.follow(Side.A)
        self._update_actions()
        self._update_title()
        self.comparison_loaded.emit()

    def _install(self, cmp: Comparison, edits: tuple[Edit, ...]) -> None:
        """Undo commands put a comparison back through here."""
        assert self.state is not None
        self.state = replace(self.state, comparison=cmp, edits=edits)
        self.view.update_comparison(cmp)
        self.sidebar.model.update_counts(cmp)
        self._update_filters()
        self.select(self.selection.valid_in(cmp), reveal=False)
        self.review_changed.emit()

    # -- selection ---------------------------------------------------------------------------
    def select(self, selection: Selection, reveal: bool = True) -> None:
        cmp = self.comparison
        self.selection = selection
        if cmp is None:
            return
        self.view.set_selection(selection.claims, selection.related(cmp), selection.links(cmp))
        focus_link = selection.focus_link(cmp)
        if selection.focus is None:
            self.detail.show_nothing()
        else:
            link = cmp.links[focus_link] if focus_link is not None else None
            others = len(cmp.links_of.get(selection.focus, [])) - (link is not None)
            self.detail.show_claim(cmp, selection.focus, link, others)
        if reveal and selection.focus:
            self._reveal_focus(cmp, focus_link)
        self._update_actions()
        self.navigator.update_status()
        self.selection_changed.emit()

    def _reveal_focus(self, cmp: Comparison, focus_link: int | None, own: bool = True) -> None:
        focus = self.selection.focus
        assert focus is not None
        link = cmp.links[focus_link] if focus_link is not None else None
        side = cmp.claim_by_id[focus].side
        self.view.reveal(focus, list(link.side_ids(side.other)) if link else [], own)

    def _claim_clicked(self, cid: str, additive: bool) -> None:
        if additive:
            self.select(self.selection.toggled(cid), reveal=False)
            return
        self.select(Selection((cid,)), reveal=False)
        cmp = self.comparison
        link = self.selection.focus_link(cmp) if cmp is not None else None
        if cmp is not None and link is not None:  # its counterpart comes into view
            self._reveal_focus(cmp, link, own=False)

    def _link_clicked(self, idx: int) -> None:
        assert self.comparison is not None
        link = self.comparison.links[idx]
        self.select(Selection((link.a[0],), link_key(link)))

    # -- corrections -------------------------------------------------------------------------
    def apply_edit(self, edit: Edit) -> bool:
        if self.state is None:
            return False
        try:
            command = EditCommand(self.state.comparison, self.state.edits, edit, self._install)
        except EditError as exc:
            self.show_error("This correction cannot be made", str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def link_selected(self) -> None:
        cmp = self.comparison
        if cmp is None:
            return
        a, b = self.selection.side_ids(cmp, Side.A), self.selection.side_ids(cmp, Side.B)
        if self.apply_edit(Edit(EditKind.LINK, a, b)):
            key = next(
                (
                    (lk.a, lk.b)
                    for lk in self.comparison.links  # type: ignore[union-attr]
                    if set(lk.a) == set(a) and set(lk.b) == set(b)
                ),
                None,
            )
            self.select(Selection(self.selection.claims, key), reveal=False)

    def _edit_focus_link(self, kind: EditKind, relation: Relation | None = None) -> None:
        cmp = self.comparison
        idx = self.selection.focus_link(cmp) if cmp else None
        if cmp is None or idx is None:
            return
        link = cmp.links[idx]
        self.apply_edit(Edit(kind, link.a, link.b, relation))

    # -- filters and topics ------------------------------------------------------------------
    def set_filter(self, name: str) -> None:
        actions = {
            "all": self.action_set.filter_all,
            "differences": self.action_set.filter_differences,
            "omissions": self.action_set.filter_omissions,
        }
        actions.get(name, self.action_set.filter_all).setChecked(True)
        self.filter = name if name in actions else "all"
        self._update_filters()

    def _filter_chosen(self, action: object) -> None:
        a = self.action_set
        names = {
            a.filter_all: "all",
            a.filter_differences: "differences",
            a.filter_omissions: "omissions",
        }
        self.set_filter(names.get(action, "all"))  # type: ignore[call-overload]

    def topic_filter(self) -> str | None:
        return self.topic if self.sidebar.only_topic.isChecked() else None

    def _update_filters(self) -> None:
        if self.comparison is not None:
            self.view.set_muted(muted_claims(self.comparison, self.filter, self.topic_filter()))
            self.navigator.update_status()

    def _topic_selected(self, topic_id: str | None) -> None:
        self.topic = topic_id
        self._update_filters()
        cmp = self.comparison
        if cmp is None or topic_id is None:
            return
        with self.view.sync.locked():
            for side in Side:
                pane = self.view.pane(side)
                first = next(
                    (i for i, cid in enumerate(pane.ids) if cmp.claim_by_id[cid].topic == topic_id),
                    None,
                )
                if first is not None:
                    pane.scroll_to_y(pane.claim_span(first)[0] - 40)

    def set_sync_scroll(self, on: bool) -> None:
        self.view.sync.enabled = on
        self.action_set.sync_scroll.setChecked(on)
        if on and self.comparison is not None:
            with self.view.sync.locked():
                self.view.sync.follow(Side.A)

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
    def apply_theme(self, mode: str) -> None:
        self.theme_mode = mode if mode in theme.MODES else "system"
        for action in self.action_set.themes.actions():
            action.setChecked(action.data() == self.theme_mode)
        dark = theme.is_dark(self.theme_mode)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, dark)
        self.view.set_dark(dark)
        self.sidebar.set_dark(dark)
        self.detail.dark = dark
        self.action_set.refresh_icons()
        self.welcome.refresh_icons()
        self.view.find_bar.refresh_icons()
        if self.comparison is not None:
            self.select(self.selection, reveal=False)

    def _update_actions(self) -> None:
        a, cmp = self.action_set, self.comparison
        for action in a.comparison_actions():
            action.setEnabled(cmp is not None)
        a.export.setEnabled(cmp is not None and dialogs.export_available())
        a.open_session.setEnabled(dialogs.session_module() is not None)
        link = self.selection.focus_link(cmp) if cmp else None
        relation = cmp.links[link].relation if cmp and link is not None else None
        a.unlink.setEnabled(link is not None)
        a.mark_same.setEnabled(relation is Relation.DIFFERS)
        a.mark_differs.setEnabled(relation is Relation.SAME)
        a.link.setEnabled(cmp is not None and self.can_link(cmp))

    def can_link(self, cmp: Comparison) -> bool:
        """Claims selected on both sides that are not already linked exactly so."""
        a, b = set(self.selection.side_ids(cmp, Side.A)), set(self.selection.side_ids(cmp, Side.B))
        return bool(a and b) and not any(set(lk.a) == a and set(lk.b) == b for lk in cmp.links)

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

    # -- drops: accounts anywhere on the window (sessions: see SessionController) ----------
    def _files_dropped(self, paths: list[str]) -> None:
        # after the drop returns: a modal dialog inside a drop handler stalls some desktops
        QTimer.singleShot(0, lambda: self.alignment.new_comparison(paths[:2]))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_paths(event):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if _local_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _local_paths(event)
        if paths:
            event.acceptProposedAction()
            self._files_dropped(paths)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.sessions.may_close():
            event.ignore()
            return
        self.alignment.runner.cancel()
        self._bring_back_docks()  # remember the layout the user chose, not the welcome one
        self.save_settings()
        self.alignment.runner.wait(3000)
        super().closeEvent(event)

    def focused_pane(self) -> Side | None:
        """The side whose pane has keyboard focus, if one has."""
        focus: QWidget | None = QApplication.focusWidget()
        for side in Side:
            pane = self.view.pane(side)
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return side
        return None


def _local_paths(event: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[str]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
