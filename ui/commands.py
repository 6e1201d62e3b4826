"""Undoable corrections: each command swaps whole values (a Comparison, or the whole
ReviewState for a re-alignment), before and after."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app import edits
from app.edits import Edit
from app.model import Comparison
from app.review import ReviewState

#: puts a comparison and the list of edits that produced it into the window
Install = Callable[[Comparison, tuple[Edit, ...]], None]


#: characters of a claim quoted in an undo step's name ("Undo Unlink ‘The call…’ ↔ …")
QUOTE = 28


def claim_snippet(cmp: Comparison, claim_id: str, width: int) -> str:
    """The start of a claim's text, quoted, for a name shown to the reader (its id if the
    comparison has no such claim)."""
    claim = cmp.claim_by_id.get(claim_id)
    if claim is None:
        return claim_id
    text = " ".join(claim.text.split())
    return f"‘{text}’" if len(text) <= width else f"‘{text[:width].rstrip()}…’"


def claims_snippet(cmp: Comparison, ids: tuple[str, ...], width: int) -> str:
    """The first of some claims, quoted, and how many more: "‘The call…’ +1"."""
    if not ids:
        return ""
    more = f" +{len(ids) - 1}" if len(ids) > 1 else ""
    return claim_snippet(cmp, ids[0], width) + more


def describe(cmp: Comparison, edit: Edit) -> str:
    """An edit named by the claims the reader sees, not by their ids."""

    def quote(ids: tuple[str, ...]) -> str:
        return claims_snippet(cmp, ids, QUOTE)

    verb = {
        edits.EditKind.LINK: "Link",
        edits.EditKind.UNLINK: "Unlink",
        edits.EditKind.RELATION: f"Mark as {edit.relation.value if edit.relation else '?'}",
    }[edit.kind]
    return f"{verb} {quote(edit.a)} ↔ {quote(edit.b)}"


class EditCommand(QUndoCommand):
    """Applies an app.edits.Edit; undo puts back the exact comparison from before.

    Only the comparison and the edit list are swapped: notes and the view are whatever
    the reviewer has at the time, so undoing a link does not undo a note written since.
    """

    def __init__(
        self, cmp: Comparison, done: tuple[Edit, ...], edit: Edit, install: Install
    ) -> None:
        super().__init__(describe(cmp, edit))
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


class ReviewCommand(QUndoCommand):
    """Swaps the whole ReviewState (comparison, edits, notes, flags): a re-alignment, whose
    undo must bring back the notes of the old claims as well as the old links."""

    def __init__(
        self,
        text: str,
        before: ReviewState,
        after: ReviewState,
        install: Callable[[ReviewState], None],
    ) -> None:
        super().__init__(text)
        self.before, self.after = before, after
        self._install = install

    def redo(self) -> None:
        self._install(self.after)

    def undo(self) -> None:
        self._install(self.before)
