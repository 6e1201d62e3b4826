"""Session files in the window: Save, Save As, Open, Open Recent, drops, the close prompt,
and the autosave that a crash recovery restores from (ui/recovery.py)."""

from __future__ import annotations

import contextlib
import hashlib
from dataclasses import dataclass
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
from ui import dialogs, recovery
from ui.dialogs import SESSION_FILTER
from ui.notes_panel import install_notes_dock
from ui.welcome import recent_names
from ui.window_settings import remember_session_folder, session_folder

if TYPE_CHECKING:
    from ui.main_window import MainWindow

AUTOSAVE_MS = 60_000
MAX_RECENT = 10
RECENT_KEY = "recent/sessions"


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class Changed(Enum):
    """The answer when the session file was changed on disk by someone else."""

    OVERWRITE = "overwrite"
    SAVE_AS = "save as"
    CANCEL = "cancel"


@dataclass(frozen=True, slots=True)
class OnDisk:
    """The session file as this window last read or wrote it: before saving over it, a
    file that is no longer this was saved over by another window or program."""

    path: Path  # resolved
    digest: bytes | None  # SHA-256 of its bytes; None if they could not be read
    saved: bool  # written by this window (else read by it)


class SessionController(QObject):
    """Owns everything between the window and ``app.session``; the window keeps its state."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recovery_file: Path | None = None
        self.on_disk: OnDisk | None = None
        self.question_context = ""  # a line under "Save changes?" saying what is waiting
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
        changed = self.changed_on_disk(path)
        if changed is not None:
            answer = self.ask_changed_on_disk(path, changed.saved)
            if answer is Changed.SAVE_AS:
                return self.save_as()
            if answer is not Changed.OVERWRITE:
                return False  # nothing written; the review stays modified
        try:
            save_session(state, path)
        except SessionError as exc:
            # the review is still only in memory: offer another place rather than a dead end
            if self.ask_save_elsewhere(str(exc)):
                return self.save_as()
            return False
        self.window.session_path = path
        self.on_disk = OnDisk(_resolved(path), _digest(path), saved=True)
        remember_session_folder(self.window, path)
        self.window.undo_stack.setClean()
        self.window._update_title()
        self.add_recent(path)
        self.drop_recovery()
        self.window.statusBar().showMessage(f"Saved {path.name}", 4000)
        return True

    def changed_on_disk(self, path: Path) -> OnDisk | None:
        """When ``path`` is this window's session file and what is there now is not what the
        window last read or wrote (another window or program saved over it): what it was.
        None when unchanged, gone (nothing to lose), or not the window's file."""
        known = self.on_disk
        if known is None or self.path is None:
            return None
        if _resolved(path) != known.path or _resolved(self.path) != known.path:
            return None
        now = _digest(known.path)
        return known if now is not None and now != known.digest else None

    def _suggested_name(self) -> str:
        """The file the Save As dialog proposes, in the folder it starts in."""
        cmp = self.window.comparison
        if self.path is not None:
            name = self.path.name
        elif cmp is None:
            name = f"Untitled{SUFFIX}"
        else:
            label = f"{cmp.doc_a.label} vs {cmp.doc_b.label}"
            safe = "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in label).strip()
            name = f"{safe or 'Untitled'}{SUFFIX}"
        return str(session_folder(self.window) / name)

    # -- opening -----------------------------------------------------------------------------
    def open(self) -> bool:
        path = self.ask_open_path()
        return self.open_path(path) if path else False

    def open_path(self, path: Path, remember: bool = True) -> bool:
        """Open a session file in place of the current review; ``remember`` puts it on the
        recent list. The file is read first: one that cannot be opened is reported, with no
        question about the open review, which stays. Unsaved work is asked about only
        when the file will replace it."""
        path = Path(path)
        read = self._read(path)
        if read is None or not self.may_replace():
            return False
        if _digest(path) != read[1]:  # saved over since (Save in the question): read again
            read = self._read(path)
            if read is None:
                return False
        self.show_review(read[0], path, read[1])
        remember_session_folder(self.window, path)
        if remember:
            self.add_recent(path)
        return True

    def _read(self, path: Path) -> tuple[ReviewState, bytes | None] | None:
        """The review in a session file and the digest of the bytes it came from, or None
        once the reason it cannot be opened has been shown."""
        digest = _digest(path)  # before reading: a change while it is read shows as one
        try:
            return load_session(path), digest
        except SessionError as exc:
            if not path.exists():
                self.remove_recent(path)
            self.window.show_error("Cannot open the session", str(exc))
            return None

    def show_review(
        self, state: ReviewState, path: Path | None, digest: bytes | None = None
    ) -> None:
        """Put a saved review in place; ``digest`` is that of the file it was read from
        (by default the file as it is now, e.g. the original of a restored review)."""
        self.drop_recovery()
        self.window.load_review(state, path)
        self.on_disk = None
        if path is not None:
            self.on_disk = OnDisk(_resolved(path), digest or _digest(path), saved=False)
        self.update_actions()

    # -- unsaved work ------------------------------------------------------------------------
    def may_replace(self, context: str = "") -> bool:
        """True when the current review may go: saved, discarded, or nothing to lose.
        A discarded review stays as it is, unsaved changes and all, until something
        actually replaces it: the user may still cancel what asked. ``context`` is shown
        under the question (what is waiting to replace the review)."""
        if self.window.state is None:
            return True
        self.notes.commit_text()  # a note still being typed counts as a change
        if not self.window.modified:
            return True
        self.question_context = context
        try:
            answer = self.ask_unsaved()
        finally:
            self.question_context = ""
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
        folder = str(session_folder(self.window))
        path, _ = QFileDialog.getOpenFileName(self.window, "Open Session", folder, SESSION_FILTER)
        if not path:
            return None
        remember_session_folder(self.window, Path(path))  # even if the file will not open
        return Path(path)

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

    def ask_changed_on_disk(self, path: Path, saved: bool) -> Changed:
        """Before saving over a session file someone else changed since this window read
        (``saved``: wrote) it."""
        since = "you last saved it" if saved else "you opened it"
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Overwrite the session?",
            f"“{path.name}” was changed on disk since {since} "
            "(by another Parallax window or program).",
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setInformativeText(
            "Overwrite it with this review, losing those changes, or save this review "
            "under another name?"
        )
        overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
        answers = {overwrite: Changed.OVERWRITE, save_as: Changed.SAVE_AS}
        return dialogs.answer(box, answers, save_as, Changed.CANCEL)

    def ask_unsaved(self) -> Unsaved:
        """Save, Discard or Cancel; ``question_context`` (from ``may_replace``) is shown
        under the question."""
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Save changes?",
            "This review has changes that are not saved. Save them before continuing?",
            buttons.Save | buttons.Discard | buttons.Cancel,
            self.window,
        )
        box.setDefaultButton(buttons.Save)
        if self.question_context:
            box.setInformativeText(self.question_context)
        box.exec()
        clicked = box.clickedButton()
        answer = box.standardButton(clicked) if clicked is not None else buttons.Cancel
        if answer == buttons.Save:
            return Unsaved.SAVE
        return Unsaved.DISCARD if answer == buttons.Discard else Unsaved.CANCEL


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # a symbolic link loop
        return Path(path).absolute()


def _digest(path: Path) -> bytes | None:
    """SHA-256 of the file's bytes; None when there is no file to read."""
    try:
        with open(path, "rb") as f:
            return hashlib.file_digest(f, "sha256").digest()
    except OSError:
        return None


def _session_urls(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return []
    return [
        Path(u.toLocalFile())
        for u in mime.urls()
        if u.isLocalFile() and u.toLocalFile().lower().endswith(SUFFIX)
    ]
