"""Background alignment (progress, cancel, stale results), settings, welcome, screenshot."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QImage

from app.comparison import CompareOptions
from app.documents import from_text
from app.model import Side
from app.resources import sample_paths
from app.synthetic import pair
from ui.worker import AlignmentRunner

LEXICAL = CompareOptions(engine="lexical")


def big_docs(n: int = 400):  # type: ignore[no-untyped-def]
    text_a, text_b = pair(n, seed=11)
    return from_text(text_a, "A"), from_text(text_b, "B")


def test_worker_reports_progress_and_result(qtbot, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    runner = AlignmentRunner()
    progress: list[int] = []
    runner.progressed.connect(lambda done, total: progress.append(done))
    with qtbot.waitSignal(runner.finished, timeout=20000) as blocker:
        runner.start(sample_cmp.doc_a, sample_cmp.doc_b, LEXICAL)
    assert blocker.args[0].claims == sample_cmp.claims
    assert progress and progress == sorted(progress)
    assert not runner.running


def test_worker_cancel(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = AlignmentRunner()
    finished = []
    runner.finished.connect(finished.append)
    with qtbot.waitSignal(runner.cancelled, timeout=20000):
        runner.start(*big_docs(), LEXICAL)
        QTimer.singleShot(50, runner.cancel)
    assert runner.wait(10000)
    qtbot.wait(20)
    assert finished == []


def test_cancel_after_the_run_ended_still_drops_its_result(qtbot, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    """Cancel clicked while a finished result is still queued for the GUI thread: the
    user asked to stop, so the result is dropped and the run reported cancelled."""
    runner = AlignmentRunner()
    finished, cancelled = [], []
    runner.finished.connect(finished.append)
    runner.cancelled.connect(lambda: cancelled.append(True))
    runner.start(sample_cmp.doc_a, sample_cmp.doc_b, LEXICAL)
    assert runner.wait(20000)  # done in the pool; its signals not yet delivered
    runner.cancel()
    qtbot.wait(50)
    assert cancelled == [True]
    assert finished == []
    assert runner.stale_dropped == 1


def test_newer_run_drops_stale_result(qtbot, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    runner = AlignmentRunner()
    results = []
    runner.finished.connect(results.append)
    runner.start(*big_docs(), LEXICAL)
    with qtbot.waitSignal(runner.finished, timeout=20000):
        runner.start(sample_cmp.doc_a, sample_cmp.doc_b, LEXICAL)
    assert runner.wait(10000)
    qtbot.wait(50)
    assert [r.doc_a.label for r in results] == ["Kestria"]
    assert runner.stale_dropped == 1


def test_window_stays_responsive_while_aligning(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    gaps: list[float] = []
    shown: list[bool] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        shown.append(window.alignment.progress.isVisible())
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    started = time.perf_counter()
    with qtbot.waitSignal(window.comparison_loaded, timeout=30000):
        window.alignment.start_comparison(*big_docs(400))
    elapsed = time.perf_counter() - started
    timer.stop()
    assert len(gaps) > 10
    assert max(gaps[:-1]) < 0.25  # the event loop kept turning (the last gap includes loading)
    if elapsed > 0.4:
        assert any(shown)  # a run longer than 200 ms shows its progress bar
    assert not window.alignment.progress.isVisible()
    assert window.comparison is not None


def test_cancel_button_stops_alignment(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.alignment.runner.cancelled, timeout=20000):
        # long enough that the run is still going when its Cancel button appears (200 ms)
        window.alignment.start_comparison(*big_docs(2000))
        qtbot.waitUntil(lambda: window.alignment.cancel_button.isVisible(), timeout=5000)
        window.alignment.cancel_button.click()
    assert not window.alignment.cancel_button.isVisible()
    assert window.comparison is None


def test_welcome_then_sample(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.stack.currentWidget() is window.welcome
    assert not window.action_set.next_difference.isEnabled()
    with qtbot.waitSignal(window.comparison_loaded, timeout=30000):
        window.welcome.sample_button.click()
    assert window.stack.currentWidget() is window.hsplit
    cmp = window.comparison
    assert (cmp.doc_a.label, cmp.doc_b.label) == ("Kestrian Foreign Ministry",
                                                  "Dorvanian Press Office")  # fmt: skip
    assert "Kestrian Foreign Ministry" in window.windowTitle()
    assert window.action_set.next_difference.isEnabled()


def test_sample_files_tell_two_stories(sample_cmp) -> None:  # type: ignore[no-untyped-def]
    a, b = sample_paths()
    for path in (a, b):
        sentences = path.read_text(encoding="utf-8").count(". ") + 1
        assert 8 <= sentences <= 20
    kinds = {d.kind for link in sample_cmp.links for d in link.differences}
    assert {"number", "date", "duration"} <= kinds
    assert sample_cmp.omissions(Side.A) and sample_cmp.omissions(Side.B)


def test_theme_and_layout_are_remembered(qtbot, isolated_settings) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    win = MainWindow(engine="lexical")
    win.resize(1000, 700)
    win.action_set.theme_dark.trigger()
    assert win.palette().color(win.backgroundRole()).lightness() < 100
    win.hsplit.setSizes([300, 700])
    win.action_set.sync_scroll.setChecked(False)
    win.close()
    settings = QSettings()
    assert settings.value("view/theme") == "dark"
    again = MainWindow(engine="lexical")
    assert again.theme_mode == "dark"
    assert not again.view.sync.enabled
    assert again.hsplit.sizes()[0] == win.hsplit.sizes()[0]
    assert list(isolated_settings.rglob("*.ini"))
    again.apply_theme("light")
    again.close()


def test_screenshot_command(tmp_path: Path) -> None:
    from ui.main import main

    a, b = sample_paths()
    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), "--engine", "lexical", str(a), str(b)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1400, 900)
    # not a blank grab: the highlights put several distinct colours on screen
    colours = {image.pixel(x, y) for x in range(0, 1400, 23) for y in range(0, 900, 23)}
    assert len(colours) > 20


def test_a_screenshot_of_a_session_leaves_the_recent_list_alone(tmp_path: Path, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from app.review import ReviewState
    from app.session import save_session
    from ui.main import main
    from ui.session_controller import RECENT_KEY

    session = tmp_path / "review.parallax"
    save_session(ReviewState(sample_cmp), session)
    out = tmp_path / "shot.png"
    assert main(["--screenshot", str(out), str(session)]) == 0
    assert out.exists()
    assert not QSettings().value(RECENT_KEY)


def test_desktop_file_open_event_opens_a_session(window, tmp_path):  # type: ignore[no-untyped-def]
    """macOS hands a double-clicked .parallax file to the app as a QFileOpenEvent."""
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from ui.main import FileOpenFilter

    opened: list[Path] = []
    window.load_session_file = lambda p: opened.append(Path(p)) or True  # type: ignore[method-assign]
    target = tmp_path / "review.parallax"
    event = QFileOpenEvent(str(target))
    handled = FileOpenFilter(window).eventFilter(QApplication.instance(), event)
    assert handled and opened == [target]


def test_notes_dock_is_put_away_on_the_welcome_page(window, qtbot):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDockWidget

    dock = window.findChild(QDockWidget, "notesDock")
    assert dock is not None
    window.close_comparison()
    assert window.stack.currentWidget() is window.welcome
    assert not dock.isVisible()
    window.alignment.open_sample()
    qtbot.waitUntil(lambda: window.comparison is not None, timeout=20000)
    assert dock.isVisible()


def test_filters_wait_for_a_comparison(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    a = window.action_set
    assert window.stack.currentWidget() is window.welcome
    assert not a.filter_differences.isEnabled() and not a.filter_omissions.isEnabled()
    window.show_comparison(sample_cmp)
    assert a.filter_differences.isEnabled() and window.filter == "all"


def test_no_menu_gives_one_access_key_to_two_entries(window) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter must choose, not cycle: each menu's underlined letters are its own."""
    import re

    from PySide6.QtWidgets import QMenu

    menus = [window.menuBar(), *window.menuBar().findChildren(QMenu)]
    for menu in menus:
        keys = [
            m.group(1).lower()
            for a in menu.actions()
            if a.isVisible() and (m := re.search(r"&([^&])", a.text()))
        ]
        assert len(keys) == len(set(keys)), (getattr(menu, "title", lambda: "bar")(), keys)


def test_cycles_are_collected_on_the_gui_thread_only(qtbot) -> None:  # type: ignore[no-untyped-def]
    import gc

    from PySide6.QtWidgets import QApplication

    from ui.main import collect_on_gui_thread

    before = gc.isenabled()
    timer = collect_on_gui_thread(QApplication.instance())
    try:
        assert not gc.isenabled() and timer.isActive()
        timer.setInterval(10)

        class Cycle:
            pass

        ring = Cycle()
        ring.me = ring  # type: ignore[attr-defined]
        gc.collect()
        gc.garbage.clear()
        del ring
        with qtbot.waitSignal(timer.timeout, timeout=2000):
            pass
        assert not any(isinstance(x, Cycle) for x in gc.get_objects())
    finally:
        timer.stop()
        timer.deleteLater()
        if before:
            gc.enable()


def test_ticked_boxes_and_buttons_stand_out_on_both_themes(qtbot, isolated_settings) -> None:  # type: ignore[no-untyped-def]
    """QA: on the dark theme a ticked box lost its box and a chosen radio button its ring
    (Fusion outlines them in a shade of the window colour)."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton

    from ui.main_window import MainWindow

    win = MainWindow(engine="lexical")
    for mode in ("dark", "light"):
        win.apply_theme(mode)
        highlight = win.palette().highlight().color()
        for widget in (QCheckBox("Notes"), QRadioButton("Everything")):
            qtbot.addWidget(widget)
            widget.setChecked(True)
            widget.show()
            image = widget.grab().toImage()
            filled = sum(
                image.pixelColor(x, y) == highlight
                for x in range(min(image.width(), 24))
                for y in range(image.height())
            )
            assert filled > 20, (mode, type(widget).__name__)  # the selection colour
            ticked = sum(
                image.pixelColor(x, y).lightness() > 240
                for x in range(min(image.width(), 24))
                for y in range(image.height())
            )
            assert ticked > 2, (mode, type(widget).__name__)  # and a white tick or dot in it
    win.close()
