"""Session files in the window: Save, Save As, Open, Open Recent, drops, the close prompt,
and the autosave that a crash recovery restores from (ui/recovery.py)."""

from __future__ import annotations

import contextlib
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.review import ReviewState
from app.session import (
    SUFFIX,
    SessionError,
    discard_recovery,
    load_session,
    save_session,
    write_recovery,
)
from ui import recovery
from ui.dialogs import SESSION_FILTER
from ui.notes_panel import install_notes_dock
from ui.welcome import recent_names

if TYPE_CHECKING:
    from ui.main_window import MainWindow

AUTOSAVE_MS = 60_000
MAX_RECENT = 10
RECENT_KEY = "recent/sessions"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class SessionController(QObject):
    """Owns everything between the window and ``app.session``; the window keeps its state."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recovery_file: Path | None = None
        key = QKeySequence.StandardKey
        self.save_action = self._action("&Save Session", key.Save, self.save)
        self.save_as_action = self._action("Save Session &As…", key.SaveAs, self.save_as)
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._add_to_file_menu()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        window.setAcceptDrops(True)
        window.installEventFilter(self)
        window.welcome.installEventFilter(self)
        self.notes = install_notes_dock(window)
        window.comparison_loaded.connect(self.update_actions)
        window.comparison_loaded.connect(self.drop_recovery)  # what it kept was replaced
        window.undo_stack.cleanChanged.connect(lambda _clean: self.update_actions())
        self.update_actions()

    def _action(self, text: str, shortcut: QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.window.addAction(action)
        return action

    def _add_to_file_menu(self) -> None:
        actions = self.window.action_set
        menu = next(
            (
                m
                for m in self.window.menuBar().findChildren(QMenu)
                if actions.open_session in m.actions()
            ),
            None,
        )
        if menu is None:
            return
        after = menu.actions()[menu.actions().index(actions.open_session) + 1 :]
        before = after[0] if after else None
        menu.insertMenu(before, self.recent_menu)  # type: ignore[arg-type]
        menu.insertSeparator(before)  # type: ignore[arg-type]
        menu.insertActions(before, [self.save_action, self.save_as_action])  # type: ignore[arg-type]
        menu.insertSeparator(before)  # type: ignore[arg-type]

    def offer_recovery(self) -> bool:
        """At startup: offer to restore what a crashed Parallax autosaved."""
        return recovery.offer_recovery(self)

    # -- state -------------------------------------------------------------------------------
    @property
    def path(self) -> Path | None:
        return self.window.session_path

    def update_actions(self) -> None:
        has_review = self.window.state is not None
        self.save_action.setEnabled(has_review)
        self.save_as_action.setEnabled(has_review)

    def mark_unsaved(self) -> None:
        """Make the window count as modified until the next save (e.g. after a restore)."""
        self.window.undo_stack.resetClean()
        self.window._update_title()

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> bool:
        if self.window.state is None:
            return False
        if self.path is None or self.path.suffix.lower() != SUFFIX:
            return self.save_as()
        return self.save_to(self.path)

    def save_as(self) -> bool:
        if self.window.state is None:
            return False
        path = self.ask_save_path(self._suggested_name())
        if path is None:
            return False
        if path.suffix.lower() != SUFFIX:
            path = path.with_name(path.name + SUFFIX)
            # the file dialog checked the name as typed, not this one
            if path.exists() and path != self.path and not self.confirm_overwrite(path):
                return False
        return self.save_to(path)

    def save_to(self, path: Path) -> bool:
        state = self.window.review_state()
        if state is None:
            return False
        try:
            save_session(state, path)
        except SessionError as exc:
            # the review is still only in memory: offer another place rather than a dead end
            if self.ask_save_elsewhere(str(exc)):
                return self.save_as()
            return False
        self.window.session_path = path
        self.window.undo_stack.setClean()
        self.window._update_title()
        self.add_recent(path)
        self.drop_recovery()
        self.window.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def _suggested_name(self) -> str:
        cmp = self.window.comparison
        if self.path is not None:
            return str(self.path)
        if cmp is None:
            return f"Untitled{SUFFIX}"
        name = f"{cmp.doc_a.label} vs {cmp.doc_b.label}"
        safe = "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in name).strip()
        return f"{safe or 'Untitled'}{SUFFIX}"

    # -- opening -----------------------------------------------------------------------------
    def open(self) -> bool:
        path = self.ask_open_path()
        return self.open_path(path) if path else False

    def open_path(self, path: Path, remember: bool = True) -> bool:
        """Open a session file in place of the current review (asking about unsaved work);
        ``remember`` puts it on the recent list."""
        if not self.may_replace():
            return False
        try:
            state = load_session(path)
        except SessionError as exc:
            if not Path(path).exists():
                self.remove_recent(path)
            self.window.show_error("Cannot open the session", str(exc))
            return False
        self.show_review(state, path)
        if remember:
            self.add_recent(path)
        return True

    def show_review(self, state: ReviewState, path: Path | None) -> None:
        self.drop_recovery()
        self.window.load_review(state, path)
        self.update_actions()

    # -- unsaved work ------------------------------------------------------------------------
    def may_replace(self) -> bool:
        """True when the current review may go: saved, discarded, or nothing to lose.
        A discarded review stays as it is, unsaved changes and all, until something
        actually replaces it: the user may still cancel what asked."""
        if self.window.state is None:
            return True
        self.notes.commit_text()  # a note still being typed counts as a change
        if not self.window.modified:
            return True
        answer = self.ask_unsaved()
        if answer is Unsaved.SAVE:
            return self.save()
        return answer is Unsaved.DISCARD

    def may_close(self) -> bool:
        """For the window's close: ask about unsaved work, then clean up the recovery file."""
        if not self.may_replace():
            return False
        self.autosave_timer.stop()
        self.drop_recovery()
        return True

    # -- autosave ----------------------------------------------------------------------------
    def autosave(self) -> Path | None:
        """Write the review to this process's recovery file if it has unsaved changes."""
        state = self.window.review_state()
        if state is None or not self.window.modified:
            self.drop_recovery()
            return None
        try:
            path = write_recovery(state, self.path)
        except SessionError as exc:
            self.window.statusBar().showMessage(f"Autosave failed: {exc}", 8000)
            return None
        if self.recovery_file not in (None, path):  # saved under a new name since
            self.drop_recovery()
        self.recovery_file = path
        return path

    def drop_recovery(self) -> None:
        if self.recovery_file is not None:
            with contextlib.suppress(OSError, ValueError):
                discard_recovery(self.recovery_file)
            self.recovery_file = None

    # -- recent files ------------------------------------------------------------------------
    def recent(self) -> list[str]:
        return self.window.recent_sessions()

    def add_recent(self, path: Path) -> None:
        full = str(Path(path).resolve())
        self._store_recent([full, *(p for p in self.recent() if p != full)][:MAX_RECENT])

    def remove_recent(self, path: Path) -> None:
        full = str(Path(path).resolve())
        self._store_recent([p for p in self.recent() if p not in (full, str(path))])

    def _store_recent(self, paths: list[str]) -> None:
        self.window.settings.setValue(RECENT_KEY, paths)
        self.window.welcome.set_recent(paths)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent()
        for i, (p, name) in enumerate(zip(paths, recent_names(paths), strict=True)):
            action = self.recent_menu.addAction(f"&{i + 1} {name}")
            action.setToolTip(p)
            action.triggered.connect(lambda _checked=False, p=p: self.open_path(Path(p)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent sessions").setEnabled(False)

    # -- drops -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if _session_urls(event):  # type: ignore[arg-type]
                event.acceptProposedAction()  # type: ignore[attr-defined]
                return True
        elif event.type() == QEvent.Type.Drop:
            paths = _session_urls(event)  # type: ignore[arg-type]
            if paths:
                event.acceptProposedAction()  # type: ignore[attr-defined]
                QTimer.singleShot(0, lambda: self.open_path(paths[0]))
                return True
        return super().eventFilter(watched, event)

    # -- questions (tests replace these) -----------------------------------------------------
    def ask_save_path(self, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Save Session", suggested, SESSION_FILTER
        )
        return Path(path) if path else None

    def ask_open_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open Session", "", SESSION_FILTER)
        return Path(path) if path else None

    def confirm_overwrite(self, path: Path) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.warning(
            self.window,
            "Replace the session?",
            f"“{path.name}” already exists in {path.parent}. Replace it?",
            buttons.Yes | buttons.Cancel,
            buttons.Cancel,
        )
        return answer == buttons.Yes

    def ask_save_elsewhere(self, message: str) -> bool:
        """After a failed save: True when the reader chooses Save As to try another place."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Cannot save the session",
            message,
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setInformativeText("The review is still open. Save it somewhere else?")
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(save_as)
        box.exec()
        return box.clickedButton() is save_as

    def ask_unsaved(self) -> Unsaved:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self.window,
            "Save changes?",
            "This review has changes that are not saved. Save them before continuing?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Save:
            return Unsaved.SAVE
        return Unsaved.DISCARD if answer == buttons.Discard else Unsaved.CANCEL


def _session_urls(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [
        Path(u.toLocalFile())
        for u in mime.urls()
        if u.isLocalFile() and u.toLocalFile().lower().endswith(SUFFIX)
    ]
