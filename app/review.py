"""What a reviewer adds to a comparison: notes, flags, edits and where they were reading.

A ReviewState is everything a ``.parallax`` session file keeps (app.session writes it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from app.edits import Edit
from app.model import Comparison, Link

FLAGS = ("reviewed", "important")


def claim_target(claim_id: str) -> str:
    return f"claim:{claim_id}"


def link_target(link: Link) -> str:
    return f"link:{','.join(link.a)}|{','.join(link.b)}"


def link_ids(target: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The claim ids of each side that a ``link:`` target names (the link itself may be
    gone); None for any other target."""
    kind, _, rest = target.partition(":")
    if kind != "link":
        return None
    a, _, b = rest.partition("|")
    return tuple(a.split(",")), tuple(b.split(","))


@dataclass(frozen=True, slots=True)
class Note:
    """A note and flags on one claim (``claim:a3``) or link (``link:a3,a4|b1``)."""

    target: str
    text: str = ""
    flags: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not self.text.strip() and not self.flags


@dataclass(frozen=True, slots=True)
class ViewState:
    selected_claim: str | None = None
    selected_topic: str | None = None
    filter: str = "all"  # all | differences | omissions
    scroll_a: int = 0
    scroll_b: int = 0


@dataclass(frozen=True)
class ReviewState:
    comparison: Comparison
    notes: tuple[Note, ...] = ()
    edits: tuple[Edit, ...] = ()
    view: ViewState = field(default_factory=ViewState)

    def note_for(self, target: str) -> Note | None:
        return next((n for n in self.notes if n.target == target), None)

    def with_note(self, note: Note) -> ReviewState:
        """Add, replace or (when empty) remove the note on ``note.target``."""
        rest = tuple(n for n in self.notes if n.target != note.target)
        return replace(self, notes=rest if note.empty else (*rest, note))
