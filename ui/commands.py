"""Undoable corrections: each command swaps whole Comparison values, before and after."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app import edits
from app.edits import Edit
from app.model import Comparison

#: puts a comparison and the list of edits that produced it into the window
Install = Callable[[Comparison, tuple[Edit, ...]], None]


class EditCommand(QUndoCommand):
    """Applies an app.edits.Edit; undo puts back the exact comparison from before.

    Only the comparison and the edit list are swapped: notes and the view are whatever
    the reviewer has at the time, so undoing a link does not undo a note written since.
    """

    def __init__(
        self, cmp: Comparison, done: tuple[Edit, ...], edit: Edit, install: Install
    ) -> None:
        super().__init__(edit.describe())
        self.edit = edit
        # raises EditError before anything is pushed, so a failed edit never enters the stack
        self.after = edits.apply(cmp, edit)
        self.before = cmp
        self._done = done
        self._install = install

    def redo(self) -> None:
        self._install(self.after, (*self._done, self.edit))

    def undo(self) -> None:
        self._install(self.before, self._done)
