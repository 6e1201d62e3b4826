"""How the export dialog opens and looks: its size (from its window, then as it was
left) and the topics' check boxes on the dark theme."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from tests.export_support import isolated_settings, reviewed  # noqa: F401 (a fixture)
from ui import theme
from ui.export_choices import TITLE_CHARS
from ui.export_dialog import PARENT_SHARE, ExportDialog

pytestmark = pytest.mark.gui


def _window(width: int = 1400, height: int = 900) -> QWidget:
    """A window for the dialog (the caller keeps it: the dialog is its child)."""
    window = QWidget()
    window.resize(width, height)
    return window


def test_the_dialog_opens_at_most_of_its_window_within_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window()
    dialog = ExportDialog(reviewed(), window)
    free = dialog.screen().availableGeometry().size()
    want = QSize(1400, 900) * PARENT_SHARE
    want = want.boundedTo(free * 0.95).expandedTo(dialog.minimumSizeHint())
    assert dialog.size() == want
    assert dialog.width() <= free.width() and dialog.height() <= free.height()
    # not the cramped minimum it used to open at
    assert dialog.height() > dialog.minimumSizeHint().height() + 50


def test_a_small_window_gives_a_dialog_no_smaller_than_its_minimum(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window(500, 400)
    dialog = ExportDialog(reviewed(), window)
    assert dialog.size() == dialog.minimumSizeHint()


def test_the_dialog_reopens_as_it_was_left(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window()
    first = ExportDialog(reviewed(), window)
    first.show()
    qtbot.waitExposed(first)
    left = first.minimumSizeHint() + QSize(23, 17)
    first.resize(left)
    qtbot.waitUntil(lambda: first.size() == left)
    first.reject()
    again = ExportDialog(reviewed(), window)
    assert again.size() == left


def test_a_dialog_never_shown_keeps_no_geometry(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = _window()
    ExportDialog(reviewed(), window).close()
    assert ExportDialog.settings().value("geometry") is None


def test_unticked_topics_are_visible_on_the_dark_theme(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, True)
    try:
        dialog = ExportDialog(reviewed())
        qtbot.addWidget(dialog)
        dialog.choices.scope_buttons.button(3).setChecked(True)  # selected topics
        dialog.show()
        qtbot.waitExposed(dialog)
        topics = dialog.choices.topic_list
        image = topics.viewport().grab().toImage()
        row = topics.visualItemRect(topics.item(0))  # unticked
        ground = QColor(image.pixel(image.width() - 3, image.height() - 3))  # below the items
        box = [QColor(image.pixel(x, y)) for x in range(row.left(), row.left() + 20)
               for y in range(row.top(), row.bottom())]  # fmt: skip
        contrast = max(abs(c.lightness() - ground.lightness()) for c in box)
        assert contrast > 60, contrast
        assert not ground.lightness() > 128  # (the dark theme's list indeed)
    finally:
        theme.apply(app, False)


def test_the_title_field_shows_a_default_title(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(reviewed())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.choices.title_edit
    metrics = edit.fontMetrics()
    shown = min(metrics.horizontalAdvance(edit.placeholderText()),
                metrics.averageCharWidth() * TITLE_CHARS)  # fmt: skip
    assert edit.width() > shown + 8
