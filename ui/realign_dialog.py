"""Re-align: pick the engine and correct either account's text, then align again keeping
the review (app.realign); and the report of what could not be kept."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.documents import from_text
from app.model import Comparison, Document, Side
from ui import theme
from ui.new_comparison import ENGINES, AccountsDialog


def edited_document(doc: Document, text: str) -> Document:
    """``doc`` with ``text`` in place of its own. Blocks are rebuilt from the new text;
    label, source, URL and date stay; the sha256 of the source file no longer describes
    the text, so it goes. Raises DocumentError (for the user) on an empty text."""
    if text == doc.text:
        return doc
    where = f"the text of “{doc.label}”" if doc.label else "the edited text"
    fresh = from_text(text, label=doc.label, where=where)
    return dataclasses.replace(doc, text=fresh.text, blocks=fresh.blocks, sha256="")


class AccountEditor(QGroupBox):
    """One account's text, editable, with a way back to what it was."""

    def __init__(self, side: Side, doc: Document, parent: QWidget | None = None) -> None:
        letter = side.value.upper()
        super().__init__(f"{letter} · {doc.label or 'Untitled'}", parent)
        self.doc = doc
        self.text = QPlainTextEdit()
        self.text.setPlainText(doc.text)
        self.text.setAccessibleName(f"Text of account {letter}")
        self.revert = QPushButton(theme.icon("undo-variant"), "Revert")
        self.revert.setToolTip("Put back the text as it was aligned")
        self.revert.setAutoDefault(False)  # Enter presses Re-align, not this
        self.revert.setEnabled(False)
        self.status = QLabel()
        self.status.setObjectName("paneDetail")
        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.revert)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addLayout(row)
        self.text.textChanged.connect(self._changed)
        self.revert.clicked.connect(lambda: self.text.setPlainText(self.doc.text))
        self._changed()

    @property
    def changed(self) -> bool:
        return self.text.toPlainText() != self.doc.text

    def _changed(self) -> None:
        self.revert.setEnabled(self.changed)
        self.status.setText("Edited" if self.changed else "As aligned")

    def typed(self) -> bool:
        return self.changed

    def document(self) -> Document:
        return edited_document(self.doc, self.text.toPlainText())


class RealignDialog(AccountsDialog):
    refusal_title = "Cannot re-align yet"
    discard_question = "Your corrections to the texts will be lost."

    def __init__(self, cmp: Comparison, engine: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Re-align")
        self.resize(980, 620)
        intro = QLabel(
            "Align the two accounts again, with another engine or after correcting their "
            "text. Manual links, relations, notes and flags are kept wherever their claims "
            "still exist; you will be told about anything that could not be kept."
        )
        intro.setWordWrap(True)
        self.side_a = AccountEditor(Side.A, cmp.doc_a)
        self.side_b = AccountEditor(Side.B, cmp.doc_b)
        self.engine = QComboBox()
        for key, name in ENGINES:
            self.engine.addItem(name, key)
        keys = [k for k, _n in ENGINES]
        self.engine.setCurrentIndex(keys.index(engine) if engine in keys else 0)
        engine_label = QLabel("&Match claims")
        engine_label.setBuddy(self.engine)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.realign_button = buttons.addButton("Re-align", QDialogButtonBox.ButtonRole.AcceptRole)
        self.realign_button.setIcon(theme.icon("refresh"))
        self.realign_button.setDefault(True)
        sides = QHBoxLayout()
        sides.addWidget(self.side_a, 1)
        sides.addWidget(self.side_b, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(engine_label)
        bottom.addWidget(self.engine)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(sides, 1)
        layout.addLayout(bottom)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.documents: tuple[Document, Document] | None = None


class ReportDialog(QDialog):
    """What the re-alignment could not keep, one line per thing, selectable for copying."""

    def __init__(self, messages: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Re-aligned")
        self.resize(620, 320)
        n = len(messages)
        what = "correction or note" if n == 1 else "corrections or notes"
        intro = QLabel(
            f"<b>Re-aligned, but {n} {what} could not be kept.</b><br>"
            "Their claims no longer exist or are no longer linked. "
            "Undo (Ctrl+Z) puts the previous alignment back."
        )
        intro.setWordWrap(True)
        self.list = QPlainTextEdit("\n".join(f"• {m}" for m in messages))
        self.list.setReadOnly(True)
        self.list.setAccessibleName("What could not be kept")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)


def report(parent: QWidget, messages: list[str]) -> None:
    """Tell the user what the re-alignment could not keep."""
    ReportDialog(messages, parent).exec()
