"""The notes panel: a note and review flags on the selected claim or link, and every note.

Changes go on the window's undo stack (NoteCommand), so they can be undone and they make
the window count as modified until the session is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QPainter, QPaintEvent, QUndoCommand
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Comparison
from app.review import Note, claim_target, link_ids, link_target
from ui.commands import claim_snippet, claims_snippet
from ui.selection import Selection

if TYPE_CHECKING:
    from ui.main_window import MainWindow

TYPING_PAUSE_MS = 700
SNIPPET = 48
FLAG_MARKS = {"important": "★", "reviewed": "✓"}


class NoteCommand(QUndoCommand):
    """Replaces the note on one target; consecutive typing on one target merges."""

    ID = 0x4E4F

    def __init__(self, window: MainWindow, before: Note | None, after: Note, typing: bool) -> None:
        super().__init__("Edit note" if typing else "Change flags")
        self.main, self.before, self.after, self.typing = window, before, after, typing

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, NoteCommand) and self.typing and other.typing):
            return False
        if other.after.target != self.after.target:
            return False
        if other.after == (self.before or Note(self.after.target)):
            # typing deleted back to where the step began: a step of its own, so Undo
            # still brings the deleted text back (merged, the step would vanish with it)
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before or Note(self.after.target))

    def _put(self, note: Note) -> None:
        if self.main.state is not None:
            self.main.state = self.main.state.with_note(note)
            self.main.review_changed.emit()


class NoteEditor(QPlainTextEdit):
    """A note editor with no undo of its own: Ctrl+Z and Ctrl+Shift+Z (and the context
    menu's Undo and Redo, which stay disabled) are the window's Undo and Redo, which file
    the typing first. One history, so Undo and Redo are exact inverses: a second history
    in the editor could undo typing that the window's Redo then never brings back."""

    def __init__(self) -> None:
        super().__init__()
        self.setUndoRedoEnabled(False)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            key = QKeySequence.StandardKey
            if event.matches(key.Undo) or event.matches(key.Redo):
                event.ignore()  # not the editor's: the shortcut goes to the window
                return True
        return super().event(event)


class NotesList(QListWidget):
    """Every note of the review; empty, it says what will appear in it (its frame is
    hidden by the style, so an empty list would be a blank patch under its title)."""

    EMPTY = "No notes yet. A note or flag on a claim or link is listed here; click it to go back."

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.count():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().placeholderText().color())
        area = self.viewport().rect().adjusted(4, 4, -4, -4)
        flags = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        painter.drawText(area, flags, self.EMPTY)


class NotesPanel(QWidget):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.main = window
        self.target: str | None = None
        self._pinned: str | None = None  # a note on a removed link, opened from the list
        self.on_claim = QRadioButton("Claim")
        self.on_link = QRadioButton("Link")
        self.on_claim.setChecked(True)
        group = self._group = QButtonGroup(self)
        group.addButton(self.on_claim)
        group.addButton(self.on_link)
        self.target_label = QLabel("Select a claim to write a note on it.")
        self.target_label.setWordWrap(True)
        self.target_label.setObjectName("paneDetail")
        self.editor = NoteEditor()
        self.editor.setPlaceholderText("Write a note…")
        self.editor.setAccessibleName("Note")
        self.editor.setTabChangesFocus(True)  # Tab moves on, as keyboard users expect
        self.reviewed = QCheckBox("Reviewed")
        self.important = QCheckBox("Important")
        self.notes_list = NotesList()
        self.notes_list.setAccessibleName("All notes")
        self.notes_list.setWordWrap(True)
        self.notes_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._layout()
        self._typing.timeout.connect(self.commit_text)
        self.editor.textChanged.connect(self._typing.start)
        self.reviewed.toggled.connect(lambda _on: self.commit_flags())
        self.important.toggled.connect(lambda _on: self.commit_flags())
        group.buttonToggled.connect(lambda _b, on: self.show_selection() if on else None)
        self.notes_list.itemActivated.connect(self._go_to)
        self.notes_list.itemClicked.connect(self._go_to)
        window.selection_changed.connect(self.show_selection)
        window.review_replacing.connect(self.detach)
        window.review_changed.connect(self.refresh)
        window.comparison_loaded.connect(self.refresh)
        self.refresh()

    def _layout(self) -> None:
        choose = QHBoxLayout()
        choose.addWidget(QLabel("Note on:"))
        choose.addWidget(self.on_claim)
        choose.addWidget(self.on_link)
        choose.addStretch(1)
        flags = QHBoxLayout()
        flags.addWidget(self.reviewed)
        flags.addWidget(self.important)
        flags.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(choose)
        column.addWidget(self.target_label)
        column.addWidget(self.editor, 1)
        column.addLayout(flags)
        title = QLabel("All notes")
        title.setObjectName("sidebarTitle")
        column.addWidget(title)
        column.addWidget(self.notes_list, 2)

    # -- what the panel is about ---------------------------------------------------------------
    def current_target(self) -> str | None:
        if self._pinned is not None:
            return self._pinned
        cmp = self.main.comparison
        focus = self.main.selection.focus
        if cmp is None or focus is None:
            return None
        idx = self.main.selection.focus_link(cmp)
        self.on_link.setEnabled(idx is not None)
        if self.on_link.isChecked() and idx is not None:
            return link_target(cmp.links[idx])
        return claim_target(focus)

    def show_selection(self) -> None:
        """Follow the window's selection (saving any note still being typed first)."""
        self.commit_text()
        self._pinned = None
        self.target = self.current_target()
        self._show_note()

    def detach(self) -> None:
        """Forget the target without saving the editor: its claim ids mean nothing in the
        review that comes next (they would copy the note onto another claim)."""
        self._typing.stop()
        self.target = self._pinned = None

    def refresh(self) -> None:
        self.target = self.current_target()
        self._show_note()
        self._fill_list()

    def _show_note(self) -> None:
        cmp, state = self.main.comparison, self.main.state
        note = state.note_for(self.target) if state and self.target else None
        for widget in (self.editor, self.reviewed, self.important):
            widget.setEnabled(self.target is not None)
            widget.blockSignals(True)
        if not self.editor.hasFocus() or note is None or note.text != self.editor.toPlainText():
            self.editor.setPlainText(note.text if note else "")
        self.reviewed.setChecked(bool(note and "reviewed" in note.flags))
        self.important.setChecked(bool(note and "important" in note.flags))
        for widget in (self.editor, self.reviewed, self.important):
            widget.blockSignals(False)
        self.target_label.setText(
            describe(cmp, self.target)
            if cmp and self.target
            else "Select a claim to write a note on it."
        )

    def _fill_list(self) -> None:
        self.notes_list.clear()
        state, cmp = self.main.state, self.main.comparison
        if state is None or cmp is None:
            return
        for note in state.notes:
            marks = "".join(FLAG_MARKS[f] for f in ("important", "reviewed") if f in note.flags)
            first = note.text.strip().splitlines()[0] if note.text.strip() else ""
            label = f"{marks} {describe(cmp, note.target)}".strip()
            item = QListWidgetItem(f"{label}\n    {first}" if first else label)
            item.setData(Qt.ItemDataRole.UserRole, note.target)
            self.notes_list.addItem(item)

    # -- changes ---------------------------------------------------------------------------
    def commit_text(self) -> None:
        self._typing.stop()
        self._commit(self.editor.toPlainText(), None, typing=True)

    def commit_flags(self) -> None:
        # read before the text is filed: filing it redraws the boxes from the review
        flags = {f for f, box in (("reviewed", self.reviewed), ("important", self.important))
                 if box.isChecked()}  # fmt: skip
        self.commit_text()
        self._commit(None, frozenset(flags), typing=False)

    def _commit(self, text: str | None, flags: frozenset[str] | None, typing: bool) -> None:
        state = self.main.state
        if state is None or self.target is None:
            return
        before = state.note_for(self.target)
        after = Note(
            self.target,
            before.text if text is None and before else text or "",
            (before.flags if before else frozenset()) if flags is None else flags,
        )
        if after == (before or Note(self.target)):
            return
        self.main.undo_stack.push(NoteCommand(self.main, before, after, typing))

    def typing_pending(self) -> bool:
        """Typing in the editor not yet filed as (or merged into) an "Edit note" step."""
        state = self.main.state
        if state is None or self.target is None:
            return False
        note = state.note_for(self.target)
        return self.editor.toPlainText() != (note.text if note else "")

    def _go_to(self, item: QListWidgetItem) -> None:
        target = str(item.data(Qt.ItemDataRole.UserRole))
        kind, _, rest = target.partition(":")
        cmp = self.main.comparison
        if cmp is None:
            return
        if kind == "claim" and rest in cmp.claim_by_id:
            self.on_claim.setChecked(True)
            self.main.select(Selection((rest,)))
        elif (ids := link_ids(target)) is not None:
            ids_a, ids_b = ids
            if not all(c in cmp.claim_by_id for c in ids_a + ids_b):
                return
            if any(link_target(link) == target for link in cmp.links):
                self.on_link.setChecked(True)
                self.main.select(Selection((ids_a[0],), (ids_a, ids_b)))
                return
            # the link is gone: show its claim, and open the note itself for editing (or
            # clearing) until the selection moves on
            self.main.select(Selection((ids_a[0],)))
            self.commit_text()
            self._pinned = self.target = target
            self._group.blockSignals(True)  # a note on a link, without following the link
            self.on_link.setEnabled(True)
            self.on_link.setChecked(True)
            self._group.blockSignals(False)
            self._show_note()


def describe(cmp: Comparison, target: str) -> str:
    """“claim ‘The call lasted…’” or “link ‘…’ ↔ ‘…’” for a note target."""
    ids = link_ids(target)
    if ids is None:
        return f"Claim {claim_snippet(cmp, target.partition(':')[2], SNIPPET)}"
    ids_a, ids_b = ids
    text = f"Link {claims_snippet(cmp, ids_a, SNIPPET)} ↔ {claims_snippet(cmp, ids_b, SNIPPET)}"
    if all(link_target(link) != target for link in cmp.links):
        # kept (undo brings the link back) and printed apart in the brief
        text += " (link removed)"
    return text


def install_notes_dock(window: MainWindow) -> NotesPanel:
    """The panel in a dock on the right, with its show/hide toggle in the View menu."""
    panel = NotesPanel(window)
    dock = QDockWidget("Notes", window)
    dock.setObjectName("notesDock")
    dock.setWidget(panel)
    dock.setMinimumWidth(200)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    toggle = dock.toggleViewAction()
    toggle.setText("&Notes Panel")
    toggle.setShortcut("Ctrl+Shift+N")
    view_menu = next(
        (m for m in window.menuBar().findChildren(QMenu) if m.title() == "&View"), None
    )
    if view_menu is not None:
        view_menu.addSeparator()
        view_menu.addAction(toggle)
    return panel
