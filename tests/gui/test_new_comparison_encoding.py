"""New Comparison says how a file's bytes were read, and lets the reader read them in
another encoding: the preview, the Document, swapping sides and bad choices."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ui.new_comparison import NewComparisonDialog

# Our own sentence, in Russian: "The ministers agreed to resume talks in March."
RUSSIAN = "Министры договорились возобновить переговоры в марте. Стороны обменялись мнениями."


@pytest.fixture
def dialog(qtbot):  # type: ignore[no-untyped-def]
    d = NewComparisonDialog()
    qtbot.addWidget(d)
    return d


@pytest.fixture
def warnings(monkeypatch):  # type: ignore[no-untyped-def]
    said: list[str] = []

    def warn(_parent, title, text, *_args):  # type: ignore[no-untyped-def]
        said.append(f"{title}: {text}")
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warn)
    return said


def choose(side, codec: str) -> None:  # type: ignore[no-untyped-def]
    """What picking an entry with the mouse or keyboard does (``activated``)."""
    index = side.encoding.findData(codec)
    assert index > 0, codec
    side.encoding.setCurrentIndex(index)
    side.encoding.activated.emit(index)


def test_the_encoding_row_belongs_to_files_only(dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    side = dialog.side_a
    assert not side.encoding.isEnabled()  # pasted text has no bytes
    path = tmp_path / "tass.txt"
    path.write_bytes(RUSSIAN.encode("utf-8"))
    side.load_file(str(path))
    assert side.encoding.isEnabled()
    assert side.encoding.currentData() == "" and side.encoding_hint.text() == "Read as UTF-8"
    side.clear_file()
    assert not side.encoding.isEnabled() and side.encoding_hint.text() == "Only for a file"


def test_a_file_is_read_again_in_the_encoding_chosen(dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tass.txt"
    data = RUSSIAN.encode("koi8-r")
    path.write_bytes(data)
    side = dialog.side_a
    side.load_file(str(path))
    guessed = side.text.toPlainText()
    choose(side, "windows-1251")  # a wrong choice reads, wrongly
    assert side.text.toPlainText() == data.decode("cp1251") != RUSSIAN
    choose(side, "koi8-r")
    assert side.text.toPlainText() == RUSSIAN
    assert side.encoding_hint.text() == ""  # the reader chose it: nothing guessed to show
    assert side.document().text.startswith("Министры договорились")
    side.encoding.setCurrentIndex(0)
    side.encoding.activated.emit(0)  # Automatic again: the guess comes back
    assert side.text.toPlainText() == guessed and side.encoding_hint.text().startswith("Read as")


def test_an_encoding_that_cannot_read_the_file_says_so_in_place(
    dialog, tmp_path: Path, warnings
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "note.txt"
    path.write_bytes("Déclaration commune — «paix».".encode("cp1252"))
    side = dialog.side_b
    side.load_file(str(path))
    choose(side, "utf-8")  # 0xE9 cannot start a UTF-8 character here
    assert not warnings  # no box: the menu can be stepped through with the arrow keys
    assert side.encoding.currentData() == "utf-8"  # the menu shows what is tried
    assert side.encoding_hint.text().startswith("Cannot be read as UTF-8 (byte 0xE9")
    assert side.encoding_hint.objectName() == "fieldProblem"
    assert side.text.toPlainText() == ""  # no text that the choice did not give
    dialog.side_a.text.setPlainText("Pasted account of the talks.")
    dialog.accept()  # Compare refuses, and says why
    assert dialog.documents is None and "cannot be read as UTF-8" in "".join(warnings)
    choose(side, "windows-1252")
    assert side.text.toPlainText().startswith("Déclaration commune")
    assert side.encoding_hint.objectName() == "paneDetail"


def test_the_arrow_keys_step_through_the_encodings(dialog, qtbot, tmp_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "note.txt"
    path.write_bytes("Déclaration commune — «paix».".encode("cp1252"))
    side = dialog.side_a
    side.load_file(str(path))
    side.encoding.setFocus()
    for _ in range(3):  # UTF-8 (fails), UTF-16, UTF-16LE: past the one that cannot read it
        qtbot.keyClick(side.encoding, Qt.Key.Key_Down)
    assert side.encoding.currentData() == "utf-16-le" and not warnings


def test_the_encoding_label_takes_alt_e(dialog) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    labels = [w for w in dialog.side_a.findChildren(QLabel) if w.text() == "&Encoding"]
    assert [w.buddy() for w in labels] == [dialog.side_a.encoding]


def test_a_long_file_name_does_not_widen_the_dialog(dialog, tmp_path: Path, warnings) -> None:  # type: ignore[no-untyped-def]
    before = dialog.minimumSizeHint().width()
    path = tmp_path / ("Kestrian_Ministry_readout_" + "x" * 120 + ".txt")
    path.write_bytes("Le ministre a parlé. ".encode() + b"Stray \x92 byte.")  # a long hint too
    dialog.side_a.load_file(str(path))
    assert not warnings and dialog.side_a.encoding_hint.text().startswith("Read as UTF-8, stray")
    assert dialog.minimumSizeHint().width() <= before + 40
    assert dialog.side_a.file_name.toolTip() == str(path)


def test_a_file_dropped_on_pasted_text_asks_first(dialog, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tass.txt"
    path.write_bytes(RUSSIAN.encode("utf-8"))
    side = dialog.side_a
    side.text.setPlainText("My own notes of the call.")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Ok]
    asked: list[str] = []

    def question(_parent, title, *_args):  # type: ignore[no-untyped-def]
        asked.append(title)
        return answers[len(asked) - 1]

    monkeypatch.setattr(QMessageBox, "question", question)
    side.load_file(str(path))
    assert side.text.toPlainText() == "My own notes of the call." and side.path is None
    side.load_file(str(path))
    assert side.path == str(path) and len(asked) == 2
    side.clear_file()
    assert side.label.text() == ""  # the file's name went with it


def test_swap_does_not_read_the_files_again(dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tass.txt"
    path.write_bytes(RUSSIAN.encode("utf-8"))
    dialog.side_a.load_file(str(path))
    path.unlink()  # moved away meanwhile: Compare will say so, Swap must not lose the text
    dialog.swap_sides()
    assert dialog.side_b.text.toPlainText() == RUSSIAN and dialog.side_b.path == str(path)
    assert (
        dialog.side_b.label.text() == "tass"
        and dialog.side_b.encoding_hint.text() == "Read as UTF-8"
    )


def test_swapping_sides_keeps_each_files_encoding(dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "tass.txt"
    path.write_bytes(RUSSIAN.encode("koi8-r"))
    dialog.side_a.load_file(str(path))
    choose(dialog.side_a, "koi8-r")
    dialog.side_b.text.setPlainText("Pasted account of the talks.")
    dialog.swap_sides()
    assert dialog.side_b.encoding.currentData() == "koi8-r"
    assert dialog.side_b.document().text.startswith("Министры")
    assert dialog.side_a.path is None and dialog.side_a.encoding.currentData() == ""


def test_a_new_file_is_guessed_afresh(dialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    russian, english = tmp_path / "ru.txt", tmp_path / "en.txt"
    russian.write_bytes(RUSSIAN.encode("koi8-r"))
    english.write_text("The ministers agreed to meet again in March.", encoding="utf-8")
    side = dialog.side_a
    side.load_file(str(russian))
    choose(side, "koi8-r")
    side.load_file(str(english))  # dropped on the box: a new file, a new guess
    assert side.encoding.currentData() == "" and side.encoding_hint.text() == "Read as UTF-8"
