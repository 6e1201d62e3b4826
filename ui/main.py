"""Start the desktop app: ``parallax [A B | SESSION] [--screenshot OUT.png] [--engine E]``."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from app import __version__
from app.comparison import CompareOptions, compare
from app.documents import DocumentError
from ui import platform_check, qt_guard, theme
from ui.alignment_controller import read_documents
from ui.main_window import MainWindow

SCREENSHOT_SIZE = QSize(1400, 900)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="parallax", description="Compare two accounts side by side.")
    p.add_argument(
        "inputs",
        nargs="*",
        metavar="A B | SESSION",
        help="two accounts (.txt, .md, .html), or one .parallax session",
    )
    p.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window at 1400x900 to this PNG and exit"
    )
    p.add_argument("--engine", choices=["auto", "semantic", "lexical"], default="auto")
    p.add_argument("--theme", choices=theme.MODES, help="light, dark or follow the system")
    return p


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        QCoreApplication.setOrganizationName("Parallax")
        QCoreApplication.setApplicationName("Parallax")
        QCoreApplication.setApplicationVersion(__version__)
        qt_guard.apply()
        app = QApplication([sys.argv[0] if sys.argv else "parallax"])
        app.setDesktopFileName("org.parallax.Parallax")  # matches the .desktop file
    app.setWindowIcon(theme.app_icon())
    return app


#: how often the GUI thread collects reference cycles (automatic collection is off)
COLLECT_MS = 30_000


def collect_on_gui_thread(app: QApplication) -> QTimer:
    """Turn Python's automatic cycle collection off and collect from a timer on the GUI
    thread instead (as Anki does). A collection may start in any thread that allocates;
    one that starts in a worker (alignment, export preview) while the GUI thread deletes a
    widget, whose wrappers PySide lets go of halfway, crashes the app."""
    gc.disable()
    timer = QTimer(app)
    timer.setInterval(COLLECT_MS)
    timer.timeout.connect(lambda: gc.collect())
    timer.start()
    return timer


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if len(args.inputs) > 2:
        print("parallax: give two accounts, or one session file", file=sys.stderr)
        return 2
    missing = platform_check.problem()
    if missing is not None:
        print(f"parallax: cannot open the window: {missing}", file=sys.stderr)
        return 3
    app = application()
    window = MainWindow(engine=args.engine)
    if args.theme:
        window.apply_theme(args.theme)
    if args.screenshot:
        return screenshot(window, args.inputs, Path(args.screenshot))
    opener = FileOpenFilter(window)  # macOS delivers Finder's "open" as an event
    app.installEventFilter(opener)
    window.show()
    # once the window is up: its panes have their real width, and a message box about a
    # file that cannot be read has a window to belong to
    if len(args.inputs) == 2:
        QTimer.singleShot(0, lambda: window.alignment.open_paths(*args.inputs))
    elif len(args.inputs) == 1:
        QTimer.singleShot(0, lambda: window.load_session_file(Path(args.inputs[0])))
    else:  # a plain start: offer what a crashed run autosaved
        QTimer.singleShot(0, window.sessions.offer_recovery)
    collect_on_gui_thread(app)
    return app.exec()


class FileOpenFilter(QObject):
    """Opens ``.parallax`` files handed over by the desktop (QFileOpenEvent on macOS)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = event.file()
            if path:
                self._window.load_session_file(Path(path))
                return True
        return super().eventFilter(watched, event)


def screenshot(window: MainWindow, inputs: list[str], out: Path) -> int:
    """Load synchronously, select the first difference, grab the window, exit."""

    def fail(title: str, message: str) -> None:
        raise SystemExit(f"parallax: {title}: {message}")

    window.show_error = fail  # type: ignore[method-assign]
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(SCREENSHOT_SIZE)
    window.show()
    if len(inputs) == 2:
        try:
            docs = read_documents(inputs[0], inputs[1])
        except DocumentError as exc:
            print(f"parallax: {exc}", file=sys.stderr)
            return 3
        window.show_comparison(compare(*docs, CompareOptions(engine=window.options.engine)))
    elif len(inputs) == 1:  # a picture of a session is no reason to list it as recent
        window.sessions.open_path(Path(inputs[0]), remember=False)
    settle()
    if window.comparison is not None and window.selection.focus is None:
        window.navigator.difference(True)
    settle()
    pixmap = window.grab()
    if pixmap.size() != SCREENSHOT_SIZE:  # HiDPI screens: store the logical size
        pixmap = pixmap.scaled(
            SCREENSHOT_SIZE,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    if not pixmap.save(str(out), "PNG"):
        print(f"parallax: {out}: cannot write the screenshot", file=sys.stderr)
        return 4
    window.hide()
    return 0


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


if __name__ == "__main__":
    sys.exit(main())
