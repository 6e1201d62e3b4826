"""Keyboard focus between the window's areas: the Tab order, and Ctrl+Tab from area to area."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QToolButton, QWidget

from app.model import Side

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class FocusAreas(QObject):
    """Ctrl+Tab and Ctrl+Shift+Tab go round the topics, the two accounts and the notes,
    in the order the window reads, left to right; Tab steps through every control."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.action_set.next_area.triggered.connect(lambda: self.cycle(1))
        window.action_set.previous_area.triggered.connect(lambda: self.cycle(-1))

    def set_tab_order(self) -> None:
        """Tab goes left to right, as the window reads: filters and topics, the two
        accounts, the detail panel, the notes."""
        w = self.window
        notes = w.sessions.notes
        chain: list[QWidget] = [
            *w.sidebar.findChildren(QToolButton),
            w.sidebar.view,
            w.sidebar.only_topic,
            w.view.pane_a,
            w.view.pane_b,
            w.detail.texts[Side.A],
            w.detail.texts[Side.B],
            *w.detail.tool_buttons,
            notes.on_claim,
            notes.on_link,
            notes.editor,
            notes.reviewed,
            notes.important,
            notes.notes_list,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _areas(self) -> list[tuple[QWidget, QWidget | None]]:
        """Every part of the comparison page in reading order, with the widget Ctrl+Tab
        puts the focus in (None: a part it passes over, such as the detail panel)."""
        w = self.window
        notes = w.sessions.notes
        return [
            (w.sidebar, w.sidebar.view),
            (w.view.pane_a, w.view.pane_a),
            (w.view.pane_b, w.view.pane_b),
            (w.view, None),  # the find bar and the legend, under both accounts
            (w.detail, None),
            (notes, notes.editor if notes.editor.isEnabled() else notes.notes_list),
        ]

    def cycle(self, step: int) -> None:
        """Focus the next area (``step`` 1) or the previous one (-1) that is shown, from
        wherever the focus is; from outside the areas (the toolbar), as if it were just
        before account A."""
        areas = self._areas()
        focus = QApplication.focusWidget()
        at = next((i for i, (area, _t) in enumerate(areas) if _within(focus, area)), None)
        n = len(areas)
        if at is None:
            order = [(1 if step > 0 else 0) + step * k for k in range(n)]
        else:
            order = [at + step * k for k in range(1, n)]
        for i in order:
            target = areas[i % n][1]
            if target is not None and target.isVisible() and target.isEnabled():
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def focused_pane(self) -> Side | None:
        """The side whose pane has keyboard focus, if one has."""
        focus = QApplication.focusWidget()
        return next((s for s in Side if _within(focus, self.window.view.pane(s))), None)


def _within(widget: QWidget | None, area: QWidget) -> bool:
    return widget is not None and (widget is area or area.isAncestorOf(widget))
