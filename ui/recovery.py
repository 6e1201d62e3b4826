"""After a crash: offer, at the next start, to restore the review the autosave kept."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from app.session import RecoveryInfo, SessionError, discard_recovery, list_recoveries, load_session
from ui import dialogs

if TYPE_CHECKING:
    from ui.session_controller import SessionController


class Choice(Enum):
    RESTORE = "restore"
    DISCARD = "discard"
    LATER = "later"


def offer_recovery(controller: SessionController) -> bool:
    """Ask about each recovery file a crashed Parallax left, newest first; restore at most
    one (the window shows one review). Returns True if a review was restored."""
    for info in list_recoveries():
        choice = ask_restore(controller.window, info)
        if choice is Choice.LATER:
            continue
        if choice is Choice.DISCARD:
            discard_recovery(info.path)
            continue
        if restore(controller, info):
            return True
    return False


def restore(controller: SessionController, info: RecoveryInfo) -> bool:
    try:
        state = load_session(info.path)
    except SessionError as exc:
        controller.window.show_error("Cannot restore the review", f"{exc}\nThe file is kept.")
        return False
    controller.show_review(state, info.original)
    controller.mark_unsaved()  # restored work is not saved until the user saves it
    mine = controller.autosave()
    if mine is not None and mine != info.path:  # safe under this process's name: drop the old
        discard_recovery(info.path)
    return True


def ask_restore(parent: QWidget, info: RecoveryInfo) -> Choice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Restore unsaved work?")
    where = f"“{info.original.name}”" if info.original else "a review that was never saved"
    when = info.saved.astimezone().strftime("%d %b %Y, %H:%M")
    box.setText(f"Parallax did not close properly. Restore {where} ({info.title})?")
    box.setInformativeText(f"Autosaved {when}.")
    restore_button = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard_button = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
    answers = {restore_button: Choice.RESTORE, discard_button: Choice.DISCARD}
    return dialogs.answer(box, answers, restore_button, Choice.LATER)
