"""The New Comparison dialog: two accounts from files (chosen or dropped) or pasted text."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.comparison import CompareOptions
from app.decoding import ENCODING_CHOICES
from app.documents import DocumentError, from_text, read_path
from app.figures import MONTHS, WEEKDAYS, parse_day
from app.model import Document
from ui import theme
from ui.elided_label import ElidedLabel

NO_FILE = "or paste the text below, or drop a file on it"
FILE_FILTER = "Accounts (*.txt *.md *.markdown *.html *.htm);;All files (*)"
ENGINES = (
    ("auto", "Automatic"),
    ("semantic", "By meaning (semantic)"),
    ("lexical", "By shared words (fast)"),
)


class DropText(QPlainTextEdit):
    """Paste text here, or drop a file to load it."""

    file_dropped = Signal(str)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            event.acceptProposedAction()
            self.file_dropped.emit(urls[0].toLocalFile())
        else:
            super().dropEvent(event)


@dataclasses.dataclass(frozen=True)
class SideState:
    """What one side holds, as Swap sides moves it across (a file is not read again)."""

    path: str | None
    text: str
    label: str
    url: str = ""
    date: str = ""
    codec: str = ""  # the encoding the file is read in; "" guesses it
    hint: str = ""  # how the file was read, or why it cannot be read in ``codec``
    problem: bool = False
    auto_label: str = ""  # the label taken from the file name, until the user types one


class SideEditor(QGroupBox):
    def __init__(self, letter: str, parent: QWidget | None = None) -> None:
        super().__init__(f"Account {letter}", parent)
        self.letter = letter
        self.path: str | None = None
        self._codec = ""  # the encoding the file is read in; "" guesses it
        self._auto_label = ""  # the label taken from the file name, until the user types one
        self.label = QLineEdit()
        self.label.setPlaceholderText("e.g. Foreign ministry readout")
        self.choose = QPushButton(theme.icon("folder-open-outline"), "Choose file…")
        self.choose.setAutoDefault(False)  # Enter in the form presses Compare, not this
        self.file_name = ElidedLabel(NO_FILE)  # a long name must not widen the dialog
        self.file_name.setObjectName("paneDetail")
        self.clear = QToolButton()
        self.clear.setIcon(theme.icon("close"))
        self.clear.setToolTip("Forget the file and paste text instead")
        self.clear.setAutoRaise(True)
        self.clear.hide()
        self.text = DropText()
        self.text.setPlaceholderText("Paste the account here…")
        self.text.setTabChangesFocus(True)  # Tab moves on; a pasted tab is kept as it is
        self.text.setAccessibleName(f"Text of account {letter}")
        self.url = QLineEdit()
        self.url.setPlaceholderText("https://… (optional)")
        self.date = QLineEdit()
        self.date.setPlaceholderText("e.g. 2024-03-14 (optional)")
        self.date.setToolTip(
            "The day this account was issued. Its “today”, “yesterday” and “tomorrow” "
            "are then compared as that day's dates."
        )
        self.date_hint = QLabel()  # how the date was read: a day, or text only
        self.date_hint.setObjectName("paneDetail")
        self.date_hint.setWordWrap(True)  # the two accounts keep equal widths
        self.date_hint.hide()
        self._build_encoding()
        row = QHBoxLayout()
        row.addWidget(self.choose)
        row.addWidget(self.file_name, 1)
        row.addWidget(self.clear)
        form = QFormLayout()
        form.addRow("&Label", self.label)
        form.addRow("Source &URL", self.url)
        form.addRow("&Date", self.date)
        form.addRow("", self.date_hint)
        encoding_label = QLabel("&Encoding")
        encoding_label.setBuddy(self.encoding)
        form.addRow(encoding_label, self._encoding_row)
        self._form = form
        self._show(SideState(None, "", ""))  # the encoding row is a file's, not pasted
        # text's; it stays, so both accounts' text boxes keep one height
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        self.choose.clicked.connect(self._choose)
        self.clear.clicked.connect(self.clear_file)
        self.text.file_dropped.connect(self.load_file)
        self.date.textChanged.connect(self._show_date_reading)
        self.encoding.activated.connect(self._encoding_chosen)

    def _build_encoding(self) -> None:
        self.encoding = QComboBox()
        self.encoding.addItem("Automatic", "")
        for codec, name in ENCODING_CHOICES:
            self.encoding.addItem(name, codec)
        self.encoding.setToolTip(
            "How the file's bytes become text. If the text above looks garbled "
            "(“Ã©”, “Ð¿”, “â€™”), choose the encoding it was written in."
        )
        self.encoding.setAccessibleName(f"Encoding of account {self.letter}")
        # as wide as a short name: the hint beside it gets the room (the list shows all)
        self.encoding.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.encoding.setMinimumContentsLength(16)
        self.encoding_hint = QLabel()  # how the file was read: "Read as UTF-8", or why not
        self.encoding_hint.setObjectName("paneDetail")
        self.encoding_hint.setWordWrap(True)  # the two accounts keep equal widths
        self.encoding_hint.setMinimumHeight(2 * self.encoding_hint.fontMetrics().lineSpacing())
        self._encoding_row = QWidget()
        row = QHBoxLayout(self._encoding_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.encoding)
        row.addWidget(self.encoding_hint, 1)

    def _show_date_reading(self, text: str) -> None:
        """Say how the date is read, so a typed day is known to be understood."""
        day = parse_day(text)
        if day is not None:
            weekday = WEEKDAYS[day.weekday()].capitalize()
            month = MONTHS[day.month - 1].capitalize()
            self.date_hint.setText(
                f"{weekday} {day.day} {month} {day.year}: “today” and weekdays count from it"
            )
        else:
            self.date_hint.setText("Not read as a day (try 2025-02-15): kept as written")
        self.date_hint.setVisible(bool(text.strip()))

    def _choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, f"Account {self.letter}", "", FILE_FILTER)
        if path:
            self.load_file(path)

    def load_file(self, path: str) -> None:
        """Show the file, its encoding guessed afresh; pasted text goes only when asked."""
        if self.typed() and not self._confirm_replace(path):
            return
        self._read(path, "")

    def _confirm_replace(self, path: str) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, "Replace the pasted text?",
            f"The text pasted in account {self.letter} will be replaced by {Path(path).name}.",
            buttons.Ok | buttons.Cancel, buttons.Cancel,
        )  # fmt: skip
        return answer == buttons.Ok

    def _read(self, path: str, codec: str) -> bool:
        """Show the file read in ``codec`` ("" guesses it); False when it cannot be read
        so. A file that cannot be read at all is refused in a message box and nothing
        changes; one a chosen encoding cannot read says so under the menu (a box on every
        step would make the menu impossible to step through with the arrow keys), and
        Compare refuses it until another encoding reads it."""
        try:
            doc = read_path(path, encoding=codec or None)
        except DocumentError as exc:
            if not codec:
                QMessageBox.warning(self, "Cannot open this file", str(exc))
                return False
            reason = str(exc).removeprefix(f"{Path(path).name}: ")
            reason = reason[:1].upper() + reason[1:]
            self._show(SideState(path, "", self.label.text(), codec=codec, hint=reason,
                                 problem=True, auto_label=self._auto_label))  # fmt: skip
            return False
        label = self.label.text()
        auto = self._auto_label
        if label in ("", auto):  # never overwrite a typed label
            label = auto = doc.label
        hint = "" if codec else f"Read as {doc.encoding}"
        self._show(SideState(path, doc.text, label, codec=codec, hint=hint, auto_label=auto))
        return True

    def _show(self, state: SideState) -> None:
        """Put a file's or pasted text's state in the widgets (URL and date aside)."""
        self.path, self._codec, self._auto_label = state.path, state.codec, state.auto_label
        self.text.setPlainText(state.text)
        self.text.setReadOnly(bool(state.path))
        self.text.setPlaceholderText(
            "Nothing to show in this encoding: choose another below."
            if state.problem
            else "Paste the account here…"
        )
        name = Path(state.path).name if state.path else NO_FILE
        self.file_name.set_full_text(name, tip=state.path or "")
        self.clear.setVisible(bool(state.path))
        self.encoding.setCurrentIndex(max(0, self.encoding.findData(state.codec)))
        self.encoding_hint.setText(state.hint)
        self.encoding_hint.setObjectName("fieldProblem" if state.problem else "paneDetail")
        style = self.encoding_hint.style()  # the stylesheet's rule for the new name
        style.unpolish(self.encoding_hint)
        style.polish(self.encoding_hint)
        self.encoding.setEnabled(bool(state.path))
        if not state.path:
            self.encoding_hint.setText("Only for a file")
        if self.label.text() != state.label:
            self.label.setText(state.label)
            self.label.setCursorPosition(0)  # a long label shows its start

    def _encoding_chosen(self, index: int) -> None:
        if self.path:
            self._read(self.path, self.encoding.itemData(index))

    def clear_file(self) -> None:
        """Forget the file; a label that was only its name goes with it."""
        label = "" if self.label.text() == self._auto_label else self.label.text()
        self._show(SideState(None, "", label))

    def state(self) -> SideState:
        return SideState(
            self.path,
            self.text.toPlainText(),
            self.label.text(),
            self.url.text(),
            self.date.text(),
            self._codec,
            self.encoding_hint.text(),
            self.encoding_hint.objectName() == "fieldProblem",
            self._auto_label,
        )

    def set_state(self, state: SideState) -> None:
        self._show(state)
        self.url.setText(state.url)
        self.date.setText(state.date)

    def typed(self) -> bool:
        return not self.path and bool(self.text.toPlainText().strip())

    def document(self) -> Document:
        """The account as a Document; raises DocumentError with a message for the user."""
        label = self.label.text().strip()
        if self.path:
            doc = read_path(self.path, label=label, encoding=self._codec or None)
        else:
            doc = from_text(
                self.text.toPlainText(),
                label=label or f"Account {self.letter}",
                where=f"the text of account {self.letter}",
            )
        return dataclasses.replace(
            doc,
            label=label or doc.label,
            url=self.url.text().strip(),
            date=self.date.text().strip(),
        )


class AccountSource(Protocol):
    def document(self) -> Document: ...

    def typed(self) -> bool:
        """Whether it holds text that exists nowhere else (pasted, or edited)."""
        ...


class AccountsDialog(QDialog):
    """A dialog that ends with two accounts to align (``side_a``, ``side_b``, ``engine``
    are made by the subclass); refuses to close while either account is unusable."""

    refusal_title = "Cannot compare yet"
    discard_question = "The text pasted here will be lost."
    side_a: AccountSource
    side_b: AccountSource
    engine: QComboBox
    documents: tuple[Document, Document] | None = None

    def options(self) -> CompareOptions:
        return CompareOptions(engine=self.engine.currentData())

    def accept(self) -> None:
        try:
            self.documents = (self.side_a.document(), self.side_b.document())
        except DocumentError as exc:
            QMessageBox.warning(self, self.refusal_title, str(exc))
            return
        super().accept()

    def reject(self) -> None:
        """Cancel, Esc or the close box: text that exists only here goes only when asked."""
        typed = self.side_a.typed() or self.side_b.typed()
        if typed and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self, "Discard the text?", self.discard_question,
            buttons.Discard | buttons.Cancel, buttons.Cancel,
        )  # fmt: skip
        return answer == buttons.Discard


class NewComparisonDialog(AccountsDialog):
    side_a: SideEditor
    side_b: SideEditor

    def __init__(self, parent: QWidget | None = None, engine: str = "auto") -> None:
        super().__init__(parent)
        self.setWindowTitle("New Comparison")
        self.resize(980, 620)
        self.side_a, self.side_b = SideEditor("A"), SideEditor("B")
        self.swap = QToolButton()
        self.swap.setIcon(theme.icon("swap-horizontal"))
        self.swap.setToolTip("Swap sides")
        self.swap.setAccessibleName("Swap sides")
        self.engine = QComboBox()
        for key, name in ENGINES:
            self.engine.addItem(name, key)
        self.engine.setCurrentIndex(max(0, [k for k, _n in ENGINES].index(engine)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.compare_button = buttons.addButton("Compare", QDialogButtonBox.ButtonRole.AcceptRole)
        self.compare_button.setDefault(True)
        sides = QHBoxLayout()
        sides.addWidget(self.side_a, 1)
        sides.addWidget(self.swap, 0, Qt.AlignmentFlag.AlignVCenter)
        sides.addWidget(self.side_b, 1)
        bottom = QHBoxLayout()
        engine_label = QLabel("&Match claims")
        engine_label.setBuddy(self.engine)
        bottom.addWidget(engine_label)
        bottom.addWidget(self.engine)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(sides, 1)
        layout.addLayout(bottom)
        self.swap.clicked.connect(self.swap_sides)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.documents: tuple[Document, Document] | None = None

    def set_paths(self, paths: list[str]) -> None:
        for editor, path in zip((self.side_a, self.side_b), paths, strict=False):
            editor.load_file(path)

    def swap_sides(self) -> None:
        a, b = self.side_a.state(), self.side_b.state()
        self.side_a.set_state(b)
        self.side_b.set_state(a)
