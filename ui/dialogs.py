"""Small dialogs and the hooks to features that land in other modules (sessions, export)."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from html import escape
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app import __version__
from app.model import Comparison
from app.review import ReviewState

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SESSION_FILTER = "Parallax sessions (*.parallax);;All files (*)"
T = TypeVar("T")


def engine_summary(cmp: Comparison | None, choice: str = "auto") -> str:
    """Which engine matched the open comparison, and which one a new comparison would use."""
    from app.engines import model_reads_all, semantic_problem

    problem = semantic_problem()
    if choice == "lexical":
        next_one = "by shared words (lexical), as chosen"
    elif problem is None:
        next_one = "by meaning (semantic, all-MiniLM-L6-v2)"
        if choice == "auto":
            next_one += "; accounts mostly in a script other than Latin by shared words"
    else:
        next_one = f"by shared words (lexical), because {problem}"
    lines = []
    if cmp is not None:
        how = "by meaning" if cmp.engine == "semantic" else "by shared words"
        version = f", version {cmp.engine_version}" if cmp.engine_version else ""
        line = f"This comparison was matched {how} ({cmp.engine} engine{version})"
        if cmp.engine == "lexical" and not model_reads_all((cmp.doc_a.text, cmp.doc_b.text)):
            line += ": the semantic model reads English, and an account is mostly in another script"
        lines.append(line)
    lines.append(f"New comparisons match claims {next_one}")
    return "<br>".join(escape(line) for line in lines)


def about(parent: QWidget, cmp: Comparison | None, engine: str = "auto") -> None:
    QMessageBox.about(
        parent,
        "About Parallax",
        f"<h3>Parallax {escape(__version__)}</h3>"
        "<p>Two accounts of one event, side by side: what they share, where they differ, "
        "and what each leaves out.</p>"
        f"<p>{engine_summary(cmp, engine)}</p>"
        f"<p>Qt {escape(qVersion())} · PySide6 {escape(PySide6.__version__)}</p>",
    )


def _optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name != name:
            raise
        return None


def session_module() -> ModuleType | None:
    """``app.session`` once it exists (session files are built separately)."""
    return _optional("app.session")


def load_session(path: Path) -> ReviewState:
    module = session_module()
    loader = None
    if module is not None:
        loader = getattr(module, "load_session", None) or getattr(module, "load", None)
    if loader is None:
        raise RuntimeError("Session files are not supported by this build of Parallax.")
    state = loader(path)
    if not isinstance(state, ReviewState):
        raise RuntimeError(f"{path}: the session loader returned no review")
    return state


def answer(
    box: QMessageBox, answers: Mapping[QPushButton, T], default: QPushButton, otherwise: T
) -> T:
    """Run a question with buttons of its own: what the clicked button stands for, or
    ``otherwise`` (Escape, the close button, a button not in ``answers``)."""
    box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()
    return next((a for button, a in answers.items() if button is clicked), otherwise)


def choose_session(window: MainWindow) -> Path | None:
    """File ▸ Open Session: the file dialog, starting where the window's sessions are
    (``SessionController.ask_open_path``)."""
    return window.sessions.ask_open_path()


def export_available() -> bool:
    return _optional("ui.export_dialog") is not None


def export(parent: QWidget, state: ReviewState) -> None:
    module = _optional("ui.export_dialog")
    if module is None:
        QMessageBox.information(parent, "Export", "Export is not available in this build.")
        return
    dialog = module.ExportDialog(state, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()  # not kept hidden under the window, one per export
