"""Help ▸ Keyboard Shortcuts lists the keys the menus really have, and finds them."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ui.shortcuts_dialog import GESTURES, ShortcutsDialog, plain


def test_every_key_of_the_menus_is_listed_once_with_its_menu(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    keys = {(section, command): k for section, command, k in rows}
    assert keys[("File", "Export")] == "Ctrl+E"
    assert keys[("File", "Save Session")] == "Ctrl+S"  # added by the session controller
    assert keys[("Edit", "Link Selected Claims")] == "Ctrl+L"
    assert "Ctrl+Shift+Z" in keys[("Edit", "Redo")] and "Ctrl+Y" in keys[("Edit", "Redo")]
    assert keys[("Go", "Previous Area")] == "Ctrl+Shift+Tab"  # Backtab too, shown once
    assert (
        "In the accounts",
        "Add a claim to the selection (one on each side makes a link)",
        "Ctrl+Click",
    ) in rows
    assert [s for s, _c, _k in rows if s not in ("File", "Edit", "View", "Go", "Help")] == [
        "In the accounts"
    ] * len(GESTURES)  # only the bar's menus, in its order; Theme has no keys: no section
    assert "Redo" not in keys[("Edit", "Redo")].split(" or ")  # a keyboard's own Redo key
    assert len(keys) == len(rows)  # no entry twice


def test_typing_finds_commands_and_keys(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.filter, "omission")
    commands = [c for _s, c, _k in dialog.rows()]
    assert commands == ["Omissions", "Next Omission", "Previous Omission"]
    dialog.filter.setText("ctrl+l")  # a key, in any case
    assert [c for _s, c, _k in dialog.rows()] == ["Link Selected Claims"]
    dialog.filter.setText("nothing like this")
    assert dialog.rows() == []
    dialog.filter.clear()
    assert len(dialog.rows()) > 30


def test_the_help_menu_opens_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.windowTitle() if box else "")
        if box:
            box.close()

    QTimer.singleShot(100, look)
    window.action_set.shortcuts.trigger()
    assert seen == ["Keyboard Shortcuts"]


def test_menu_texts_read_plainly() -> None:
    assert plain("&Export…") == "Export"
    assert plain("Save Session &As…") == "Save Session As"
    assert plain("Q&&A") == "Q&A"


def test_areas_go_round_with_the_control_key_on_every_system() -> None:
    """On macOS Qt's "Ctrl" is Command, and Command+Tab switches applications there."""
    from PySide6.QtGui import QKeySequence

    from ui.actions import area_keys

    def shown(keys: list[QKeySequence]) -> list[str]:
        return [k.toString(QKeySequence.SequenceFormat.PortableText) for k in keys]

    forward, back = area_keys("linux")
    assert shown(forward) == ["Ctrl+Tab"] and shown(back)[0] == "Ctrl+Shift+Tab"
    forward, back = area_keys("darwin")
    assert shown(forward) == ["Meta+Tab"]
    assert shown(back) == ["Meta+Shift+Tab", "Meta+Shift+Backtab"]
