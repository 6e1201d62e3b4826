"""Find (Ctrl+F) across both panes: every match highlighted, Enter steps through them."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from app.model import Side
from ui import theme
from ui.claim_pane import ClaimPane, qt_spans


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, pane_a: ClaimPane, pane_b: ClaimPane, parent: QWidget | None = None):
        super().__init__(parent)
        self.panes = {Side.A: pane_a, Side.B: pane_b}
        self.matches: list[tuple[Side, int, int]] = []
        self.current = -1
        self.edit = QLineEdit()
        self.edit.setPlaceholderText("Find in both accounts")
        self.edit.setClearButtonEnabled(True)
        self.edit.setAccessibleName("Find text")
        self.count = QLabel()
        self.count.setMinimumWidth(90)
        self.prev_button, self.next_button, self.close_button = (
            QToolButton(),
            QToolButton(),
            QToolButton(),
        )
        for button, tip in (
            (self.prev_button, "Previous match (Shift+Enter)"),
            (self.next_button, "Next match (Enter)"),
            (self.close_button, "Close (Esc)"),
        ):
            button.setToolTip(tip)
            button.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count)
        layout.addWidget(self.close_button)
        self.refresh_icons()
        self.edit.textChanged.connect(self.search)
        self.edit.installEventFilter(self)
        self.prev_button.clicked.connect(self.previous_match)
        self.next_button.clicked.connect(self.next_match)
        self.close_button.clicked.connect(self.close_bar)

    def refresh_icons(self) -> None:
        self.prev_button.setIcon(theme.icon("chevron-up"))
        self.next_button.setIcon(theme.icon("chevron-down"))
        self.close_button.setIcon(theme.icon("close"))

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        focus = QApplication.focusWidget()
        had_focus = focus is not None and self.isAncestorOf(focus)
        self.hide()
        if had_focus:  # keyboard users go on reading where the last match was
            current = self.matches[self.current] if self.current >= 0 else None
            self.panes[current[0] if current else Side.A].setFocus()
        for pane in self.panes.values():
            pane.set_find_matches([], None)
        self.closed.emit()

    def refresh(self) -> None:
        if self.isVisible() and self.edit.text():
            self.search(self.edit.text())

    def search(self, needle: str) -> None:
        self.matches, self.current = [], -1
        if needle:
            # matched in the text as it is: case folding the text would change its length
            # ("ß" folds to "ss") and every match after it would land off its words
            pattern = re.compile(re.escape(needle), re.IGNORECASE)
            for side, pane in self.panes.items():
                hay = pane.document().toPlainText()
                spans = [m.span() for m in pattern.finditer(hay)]
                for start, end in qt_spans(hay, spans):
                    self.matches.append((side, start, end))
        self.current = 0 if self.matches else -1
        self._show()

    def next_match(self) -> None:
        self._step(1)

    def previous_match(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.matches:
            self.current = (self.current + delta) % len(self.matches)
            self._show()

    def _show(self) -> None:
        current = self.matches[self.current] if self.current >= 0 else None
        for side, pane in self.panes.items():
            spans = [(s, e) for sd, s, e in self.matches if sd is side]
            pane.set_find_matches(spans, current[1:] if current and current[0] is side else None)
        if current:
            self.panes[current[0]].reveal_position(current[1])
            self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        else:
            self.count.setText("No matches" if self.edit.text() else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.previous_match() if shift else self.next_match()
                return True
        return super().eventFilter(watched, event)
