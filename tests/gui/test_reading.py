"""Reading in the panes: marks land on their words whatever the characters, a click brings
the counterpart into view, a reopened session scrolls back to where the reader was."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QTextCursor

from app.comparison import compare
from app.documents import from_text
from app.model import Side
from app.session import load_session
from tests.gui.conftest import LEXICAL
from ui.selection import Selection

A = (
    "🇩🇪 Außenministerin Baerbock sprach mit ihrem Amtskollegen 🙂 über die Lage. "
    "Die Ministerin Baerbock forderte eine Waffenruhe von 30 Tagen. "
    "Beide Seiten vereinbarten ein Treffen in Genf."
)
B = (
    "Baerbock und ihr Amtskollege sprachen über die Lage. "
    "Sie forderte eine Waffenruhe von 60 Tagen 𝔞𝔟𝔠. "
    "Ein Treffen in Genf ist geplant."
)


def pane_text(pane, start: int, end: int) -> str:  # type: ignore[no-untyped-def]
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


@pytest.fixture
def wide_chars(window):  # type: ignore[no-untyped-def]
    """Text with characters Qt counts twice (flags, emoji, maths letters) and an "ß"."""
    cmp = compare(from_text(A, "A"), from_text(B, "B"), LEXICAL)
    window.show_comparison(cmp)
    return window


def test_claims_are_marked_on_their_own_words_after_emoji(wide_chars) -> None:  # type: ignore[no-untyped-def]
    cmp = wide_chars.comparison
    for side in Side:
        pane = wide_chars.view.pane(side)
        for cid, start, end in zip(pane.ids, pane.starts, pane.ends, strict=True):
            assert pane_text(pane, start, end) == cmp.claim_by_id[cid].text


def test_find_marks_the_words_found_after_sharp_s_and_emoji(wide_chars) -> None:  # type: ignore[no-untyped-def]
    bar = wide_chars.view.find_bar
    bar.open_bar()
    bar.edit.setText("baerbock")  # any case
    assert [m[0] for m in bar.matches] == [Side.A, Side.A, Side.B]
    for side, start, end in bar.matches:
        assert pane_text(wide_chars.view.pane(side), start, end) == "Baerbock"
    bar.edit.setText("genf")
    for side, start, end in bar.matches:
        assert pane_text(wide_chars.view.pane(side), start, end) == "Genf"


def test_clicking_a_claim_brings_its_counterpart_into_view(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    window.set_sync_scroll(False)
    pane_a, pane_b = window.view.pane_a, window.view.pane_b
    # a link whose B claim sits far down and whose A claim is out of view from the top
    link = next(
        lk for lk in reversed(long_cmp.links)
        if pane_a.claim_span(pane_a.index[lk.a[0]])[0] > 2 * pane_a.viewport().height()
        and len(long_cmp.links_of[lk.b[0]]) == 1
    )  # fmt: skip
    pane_a.verticalScrollBar().setValue(0)
    pane_b.reveal(link.b[0])
    before_b = pane_b.offset()
    window._claim_clicked(link.b[0], False)
    top, bottom = pane_a.claim_span(pane_a.index[link.a[0]])
    assert pane_a.offset() <= top and bottom <= pane_a.offset() + pane_a.viewport().height()
    assert pane_b.offset() == before_b  # the clicked pane stays still under the mouse


def test_a_session_opened_before_the_window_shows_scrolls_back(  # type: ignore[no-untyped-def]
    window, long_cmp, qtbot, tmp_path: Path
) -> None:
    from ui.main_window import MainWindow

    window.show_comparison(long_cmp)
    window.set_sync_scroll(False)
    window.view.pane_a.verticalScrollBar().setValue(900)
    window.view.pane_b.verticalScrollBar().setValue(400)
    path = tmp_path / "where.parallax"
    assert window.sessions.save_to(path)
    saved = load_session(path).view
    assert (saved.scroll_a, saved.scroll_b) == (900, 400)

    later = MainWindow(engine="lexical")  # as `parallax where.parallax` does: open, then show
    later.resize(600, 500)  # narrower than when saved: the text is laid out taller
    try:
        assert later.load_session_file(path)
        later.show()
        qtbot.waitExposed(later)
        qtbot.waitUntil(lambda: later.view.pane_a.offset() == 900, timeout=3000)
        assert later.view.pane_b.offset() == 400
    finally:
        later.undo_stack.clear()
        later.close()
        later.deleteLater()


def test_a_panel_cannot_be_dragged_out_of_reach(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    window.hsplit.setSizes([0, 1200])  # what dragging the handle to the edge asks for
    window.vsplit.setSizes([800, 0])
    assert window.hsplit.sizes()[0] > 0 and window.vsplit.sizes()[1] > 0
    window.select(Selection((long_cmp.claims[0].id,)))
    assert window.detail.isVisible()


def test_export_choices_are_kept_with_the_window_settings(window, isolated_settings: Path) -> None:  # type: ignore[no-untyped-def]
    from ui.export_dialog import ExportDialog

    settings = ExportDialog.settings()
    settings.setValue("format", "md")
    settings.sync()
    assert QSettings().value("export/format") == "md"
    assert Path(settings.fileName()).is_relative_to(isolated_settings)
