"""Selection, linking and corrections in the window: what the reviewer picks and changes."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QShortcut

from app.edits import Edit, EditError, EditKind, link_key
from app.model import Comparison, Link, Relation, Side
from ui.commands import EditCommand
from ui.selection import Selection

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class ReviewController(QObject):
    """Owns selecting and correcting; the window keeps the state (``selection``,
    ``state``), the panes, the detail panel and the undo stack."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        stack = window.undo_stack
        window.action_set.set_undo_actions(
            self._step_action(stack.createUndoAction(window, "&Undo"), redo=False),
            self._step_action(stack.createRedoAction(window, "&Redo"), redo=True),
        )
        a = window.action_set
        a.link.triggered.connect(self.link_selected)
        # Ctrl+L while Link is disabled (a side not picked, or linked just so) says why
        self._why_not_link = QShortcut(a.link.shortcut(), window)
        self._why_not_link.activated.connect(self.explain_no_link)
        a.link.changed.connect(lambda: self._why_not_link.setEnabled(not a.link.isEnabled()))
        self._why_not_link.setEnabled(not a.link.isEnabled())
        a.unlink.triggered.connect(lambda: self.edit_focus_link(EditKind.UNLINK))
        a.mark_same.triggered.connect(
            lambda: self.edit_focus_link(EditKind.RELATION, Relation.SAME)
        )
        a.mark_differs.triggered.connect(
            lambda: self.edit_focus_link(EditKind.RELATION, Relation.DIFFERS)
        )
        a.clear_selection.triggered.connect(lambda: self.select(Selection()))
        window.detail.set_actions([a.mark_same, a.mark_differs, a.unlink, a.link])
        window.view.claim_clicked.connect(self.claim_clicked)
        window.view.link_clicked.connect(self.link_clicked)

    def _step_action(self, action: QAction, redo: bool) -> QAction:
        """The stack's Undo or Redo action (its text and state follow the stack), made to
        file a note still being typed first: that note is the latest change, and filing it
        in the middle of an undo (the selection moves, the notes panel commits) would push
        onto the stack while it runs."""
        action.triggered.disconnect()
        stack = self.window.undo_stack

        def step() -> None:
            notes = self.window.sessions.notes
            lost = redo and stack.canRedo() and notes.typing_pending()
            notes.commit_text()
            if lost:  # typing after an undo ends its redo steps, as in any editor: say so
                self.window.statusBar().showMessage(
                    "Nothing to redo: the note you were typing is now the latest change "
                    "(Undo takes it back).",
                    6000,
                )
                return
            (stack.redo if redo else stack.undo)()

        action.triggered.connect(step)
        return action

    # -- selection ---------------------------------------------------------------------------
    def select(self, selection: Selection, reveal: bool = True) -> None:
        w, cmp = self.window, self.window.comparison
        w.selection = selection
        if cmp is None:
            return
        w.view.set_selection(selection.claims, selection.related(cmp), selection.links(cmp))
        focus_link = selection.focus_link(cmp)
        self._show_detail(cmp, focus_link)
        if reveal and selection.focus:
            self._reveal_focus(cmp, focus_link)
        w._update_actions()
        w.navigator.update_status()
        w.selection_changed.emit()

    def _show_detail(self, cmp: Comparison, focus_link: int | None) -> None:
        """The link in focus, or, while claims are picked on both sides for a new link,
        the link Ctrl+L would make."""
        selection, detail = self.window.selection, self.window.detail
        a, b = selection.side_ids(cmp, Side.A), selection.side_ids(cmp, Side.B)
        if selection.focus is None:
            detail.show_nothing()
        elif self.previewing(cmp):
            detail.show_link_preview(cmp, a, b)
        else:
            link = cmp.links[focus_link] if focus_link is not None else None
            others = len(cmp.links_of.get(selection.focus, [])) - (link is not None)
            detail.show_claim(cmp, selection.focus, link, others, self.made_by_hand(link))

    def made_by_hand(self, link: Link | None) -> bool:
        """A link the reviewer made (Ctrl+L), or what is left of one: its score is the 1.0
        a new link is given, not a match score."""
        state = self.window.state
        if link is None or not link.manual or state is None:
            return False
        return any(
            e.kind is EditKind.LINK and set(link.a) <= set(e.a) and set(link.b) <= set(e.b)
            for e in state.edits
        )

    def _reveal_focus(self, cmp: Comparison, focus_link: int | None, own: bool = True) -> None:
        focus = self.window.selection.focus
        assert focus is not None
        link = cmp.links[focus_link] if focus_link is not None else None
        side = cmp.claim_by_id[focus].side
        self.window.view.reveal(focus, list(link.side_ids(side.other)) if link else [], own)

    def claim_clicked(self, cid: str, additive: bool) -> None:
        w = self.window
        if additive:
            # a link shown by F7 or a click on the map is being looked at, not picked: the
            # first Ctrl+click starts a pick of its own (``Selection.shown``), else its
            # claim would be taken into the link being made, out of its own link
            self.select(w.selection.toggled(cid), reveal=False)
            return
        self.select(Selection((cid,)), reveal=False)
        cmp = w.comparison
        link = w.selection.focus_link(cmp) if cmp is not None else None
        if cmp is not None and link is not None:  # its counterpart comes into view
            self._reveal_focus(cmp, link, own=False)

    def link_clicked(self, idx: int) -> None:
        assert self.window.comparison is not None
        link = self.window.comparison.links[idx]
        self.select(Selection((link.a[0],), link_key(link), shown=True))

    # -- corrections -------------------------------------------------------------------------
    def apply_edit(self, edit: Edit) -> bool:
        w = self.window
        if w.state is None:
            return False
        try:
            command = EditCommand(w.state.comparison, w.state.edits, edit, self.install)
        except EditError as exc:
            w.show_error("This correction cannot be made", str(exc))
            return False
        w.undo_stack.push(command)
        return True

    def install(self, cmp: Comparison, edits: tuple[Edit, ...]) -> None:
        """A correction and its undo put the comparison in place through here."""
        w = self.window
        assert w.state is not None
        w.state = replace(w.state, comparison=cmp, edits=edits)
        w.view.update_comparison(cmp)
        w.sidebar.model.update_counts(cmp)
        w.display.update_filters()
        self.select(w.selection.valid_in(cmp), reveal=False)
        w.review_changed.emit()

    def link_selected(self) -> None:
        w, cmp = self.window, self.window.comparison
        if cmp is None:
            return
        a, b = w.selection.side_ids(cmp, Side.A), w.selection.side_ids(cmp, Side.B)
        if self.apply_edit(Edit(EditKind.LINK, a, b)):
            key = next(
                (
                    (lk.a, lk.b)
                    for lk in w.comparison.links  # type: ignore[union-attr]
                    if set(lk.a) == set(a) and set(lk.b) == set(b)
                ),
                None,
            )
            self.select(Selection(w.selection.claims, key), reveal=False)

    def edit_focus_link(self, kind: EditKind, relation: Relation | None = None) -> None:
        cmp = self.window.comparison
        idx = self.window.selection.focus_link(cmp) if cmp else None
        if cmp is None or idx is None:
            return
        link = cmp.links[idx]
        self.apply_edit(Edit(kind, link.a, link.b, relation))

    # -- what the correction actions may do --------------------------------------------------
    def update_actions(self) -> None:
        a, cmp, selection = self.window.action_set, self.window.comparison, self.window.selection
        link = selection.focus_link(cmp) if cmp else None
        if cmp is not None and self.previewing(cmp):
            link = None  # the panel shows the link to make: the focus's old one is not in view
        relation = cmp.links[link].relation if cmp and link is not None else None
        a.unlink.setEnabled(link is not None)
        a.mark_same.setEnabled(relation is Relation.DIFFERS)
        a.mark_differs.setEnabled(relation is Relation.SAME)
        a.link.setEnabled(cmp is not None and self.can_link(cmp))

    def previewing(self, cmp: Comparison) -> bool:
        """The detail panel shows the link Ctrl+L would make (not the focus's own link)."""
        return self.window.selection.focus is not None and self.can_link(cmp)

    def can_link(self, cmp: Comparison) -> bool:
        """Claims selected on both sides that are not already linked exactly so."""
        selection = self.window.selection
        a, b = set(selection.side_ids(cmp, Side.A)), set(selection.side_ids(cmp, Side.B))
        return bool(a and b) and not any(set(lk.a) == a and set(lk.b) == b for lk in cmp.links)

    def explain_no_link(self) -> None:
        """Ctrl+L with Link disabled: the status line says what is missing."""
        cmp = self.window.comparison
        if cmp is None:
            return
        self.window.statusBar().showMessage(f"Nothing to link: {self.link_hint(cmp)}.", 6000)

    def link_hint(self, cmp: Comparison) -> str:
        """What Ctrl+L would do with the selected claims, or why it would not."""
        selection = self.window.selection
        if not selection.claims:
            return "pick a claim in A and one in B (Ctrl+click) to link them"
        if not (selection.side_ids(cmp, Side.A) and selection.side_ids(cmp, Side.B)):
            return "pick a claim in the other pane too to link them"
        if not self.can_link(cmp):
            return "already linked just so"
        return "Link them with Ctrl+L"
