"""The export dialog: remembered choices, the preview (off the GUI thread for a long brief),
writing and failing."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox

from app import brief_style
from app.brief import BriefOptions, build_brief
from app.brief_html import render_html
from app.model import Topic
from app.review import ReviewState
from tests.export_support import (  # noqa: F401 (isolated_settings: a fixture)
    SENTENCES_B,
    hand_made_long,
    isolated_settings,
    reviewed,
)
from ui.export_dialog import ExportDialog
from ui.export_preview import preview_pool
from ui.pdf_export import (
    OPENING_CHARS,
    ExportCancelled,
    html_opening,
    html_top,
    render_first_page,
    render_pdf,
)

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot) -> ExportDialog:  # type: ignore[no-untyped-def]
    dlg = ExportDialog(reviewed())
    qtbot.addWidget(dlg)
    return dlg


def export(qtbot, dialog: ExportDialog, path: Path) -> bool:  # type: ignore[no-untyped-def]
    """Export to ``path`` and wait until it is done: whether the file was written."""
    with qtbot.waitSignal(dialog.exported, timeout=60000) as done:
        dialog.export_to(path)
    return bool(done.args[0])


def test_defaults_and_options(dialog: ExportDialog) -> None:
    opts = dialog.options()
    assert (dialog.format(), opts.scope, opts.page_size, opts.landscape) == ("pdf", "all", "A4",
                                                                            False)  # fmt: skip
    assert opts.summary and opts.side_by_side and not opts.full_texts
    assert dialog.choices.title_edit.placeholderText().endswith("compared")


def test_choices_are_remembered(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.choices.format_box.setCurrentIndex(dialog.choices.format_box.findData("md"))
    dialog.choices.scope_buttons.button(1).setChecked(True)  # differences only
    dialog.choices.section_boxes["legend"].setChecked(False)
    dialog.choices.section_boxes["full_texts"].setChecked(True)
    dialog.choices.page_box.setCurrentText("Letter")
    dialog.choices.landscape_box.setCurrentIndex(1)
    assert export(qtbot, dialog, tmp_path / "brief.md")
    again = ExportDialog(reviewed())
    qtbot.addWidget(again)
    opts = again.options()
    assert again.format() == "md" and opts.scope == "differences"
    assert not opts.legend and opts.full_texts
    assert opts.page_size == "Letter" and opts.landscape
    assert Path(str(ExportDialog.settings().value("folder"))) == tmp_path


def test_pdf_preview_shows_page_one(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.preview.image.pixmap() is not None
                    and not dialog.preview.image.pixmap().isNull(), timeout=3000)  # fmt: skip
    assert dialog.preview.stack.currentWidget() is dialog.preview.image
    pages = render_pdf(reviewed())[1]
    assert dialog.preview.note.text() == f"{pages} pages in all."


def test_resizing_redraws_the_page_without_laying_out_the_brief_again(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog, monkeypatch
) -> None:
    import ui.export_preview as export_preview

    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview.image.pixmap() is not None
                    and not dialog.preview.image.pixmap().isNull(), timeout=3000)  # fmt: skip
    width = dialog.preview.image.pixmap().width()
    laid_out: list[bool] = []
    render = export_preview.render_pdf
    monkeypatch.setattr(export_preview, "render_pdf",
                        lambda *a, **k: laid_out.append(True) or render(*a, **k))  # fmt: skip
    dialog.resize(dialog.width() + 300, dialog.height() + 200)
    qtbot.waitUntil(lambda: dialog.preview.image.pixmap().width() > width, timeout=3000)
    assert not laid_out


def test_markdown_preview_is_text_and_debounced(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.choices.format_box.setCurrentIndex(dialog.choices.format_box.findData("md"))
    dialog.choices.title_edit.setText("Call of 14 March")
    assert dialog.preview.text.toPlainText() == ""  # not yet: waiting for typing to settle
    qtbot.waitUntil(lambda: "# Call of 14 March" in dialog.preview.text.toPlainText(),
                    timeout=3000)  # fmt: skip
    assert SENTENCES_B[3][1] in dialog.preview.text.toPlainText()
    assert not dialog.choices.page_box.isEnabled()


def test_html_preview_shows_the_page_not_its_source(qtbot, dialog: ExportDialog,
                                                    monkeypatch) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    import ui.export_preview as export_preview

    threads: list[bool] = []  # made on the GUI thread?
    build = export_preview.build_brief
    monkeypatch.setattr(export_preview, "build_brief", lambda *a, **k: threads.append(
        threading.current_thread() is threading.main_thread()) or build(*a, **k))  # fmt: skip
    dialog.choices.format_box.setCurrentIndex(dialog.choices.format_box.findData("html"))
    qtbot.waitUntil(lambda: bool(threads) and not dialog.preview.is_busy(), timeout=5000)
    assert threads == [False]
    assert dialog.preview.stack.currentWidget() is dialog.preview.image
    assert not dialog.preview.image.pixmap().isNull()
    text = " ".join(dialog.preview.pdf.getAllText(0).text().split())  # the page it shows
    assert SENTENCES_B[0][1] in text and "Kremlin readout and State <Department> & Co" in text
    assert "<table" not in text and "&lt;" not in text and "class=" not in text
    page = dialog.preview.pdf.render(0, QSize(404, 550))
    assert _pixels(page, brief_style.DIFFERS_TINT) > 100  # drawn as the reader sees it
    assert dialog.preview.note.text() == "The top of the web page, much as a browser shows it."


def _pixels(image: QImage, colour: str) -> int:
    want, w, h = QColor(colour), image.width(), image.height()
    return sum(image.pixelColor(x, y) == want for x in range(0, w, 2) for y in range(0, h, 2))


def test_the_web_preview_lays_out_only_the_top_of_a_long_brief() -> None:
    short = render_html(build_brief(reviewed()), for_qt=True)
    assert html_top(short) == short
    html = render_html(build_brief(ReviewState(hand_made_long(600))), for_qt=True)  # one table
    top = html_top(html)
    assert OPENING_CHARS < len(top) < len(html) / 4
    end = "</table>\n</body></html>\n"  # the table left open is closed
    assert top.endswith(end) and top.count("<table") == top.count("</table>")
    assert html.startswith(top.removesuffix(end))


def test_selected_topics_need_a_tick(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.choices.scope_buttons.button(3).setChecked(True)
    assert dialog.choices.topic_list.isEnabled() and not dialog.export_button.isEnabled()
    dialog.choices.topic_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.export_button.isEnabled()
    assert dialog.options().topics == ("t2",)


def test_export_writes_and_offers_to_open(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "brief.pdf"
    assert export(qtbot, dialog, out)
    assert out.read_bytes().startswith(b"%PDF")
    box = dialog.message
    assert box is not None and box.icon() == QMessageBox.Icon.Information
    assert {b.text() for b in box.buttons()} >= {"Open file", "Open folder"}


def test_failure_is_reported_and_nothing_is_written(qtbot, dialog: ExportDialog,
                                                    tmp_path: Path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    out = tmp_path / "no-such-folder" / "brief.pdf"
    assert not export(qtbot, dialog, out)
    box = dialog.message
    assert box is not None and box.icon() == QMessageBox.Icon.Critical
    assert box.text().startswith(f"The folder {out.parent} does not exist.")
    assert "check that you may write" not in box.text()  # there is nothing to write to
    assert not out.parent.exists()


def test_file_dialog_confirms_overwrite(dialog: ExportDialog, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    seen: dict[str, object] = {}

    def fake_exec(self: QFileDialog) -> int:
        seen["confirm"] = not self.testOption(QFileDialog.Option.DontConfirmOverwrite)
        seen["suffix"] = self.defaultSuffix()
        return 0

    monkeypatch.setattr(QFileDialog, "exec", fake_exec)
    assert dialog.choose_path() is None
    assert seen == {"confirm": True, "suffix": "pdf"}


def test_unwritable_folder_is_named_in_the_message(qtbot, dialog: ExportDialog, tmp_path: Path,
                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ui.pdf_export.atomic_write_bytes", refuse)
    out = tmp_path / "locked" / "brief.pdf"
    out.parent.mkdir()
    assert not export(qtbot, dialog, out)
    box = dialog.message
    assert box is not None and box.icon() == QMessageBox.Icon.Critical
    assert box.text().startswith(f"Cannot write {out}: Permission denied.")
    assert "check that you may write to this one" in box.text()
    assert not out.exists()


def test_a_folder_that_takes_no_new_file_is_not_said_to_be_missing(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog, tmp_path: Path, monkeypatch
) -> None:
    """/proc exists, yet making a file in it fails with "No such file or directory"."""

    def no_such_file(*_args: object) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr("ui.pdf_export.atomic_write_bytes", no_such_file)
    out = tmp_path / "brief.pdf"
    assert not export(qtbot, dialog, out)
    assert dialog.message is not None
    text = dialog.message.text()
    assert text.startswith(f"Cannot write {out}: no file can be created in {tmp_path}.")
    assert "No such file" not in text and "does not exist" not in text


def test_a_file_in_the_place_of_the_folder_is_named(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:
    (tmp_path / "notes.txt").write_text("x")
    out = tmp_path / "notes.txt" / "brief.md"
    dialog.choices.format_box.setCurrentIndex(dialog.choices.format_box.findData("md"))
    assert not export(qtbot, dialog, out)
    assert dialog.message is not None
    assert dialog.message.text().startswith(f"{out.parent} is not a folder.")


def test_selected_topics_are_remembered_by_name(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:
    dialog.choices.format_box.setCurrentIndex(dialog.choices.format_box.findData("md"))
    dialog.choices.scope_buttons.button(3).setChecked(True)
    dialog.choices.topic_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert export(qtbot, dialog, tmp_path / "brief.md")
    again = ExportDialog(reviewed())
    qtbot.addWidget(again)
    assert again.scope() == "topics" and again.options().topics == ("t2",)
    assert again.export_button.isEnabled()


def test_remembered_topics_missing_here_fall_back_to_everything(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog
) -> None:
    settings = ExportDialog.settings()
    settings.setValue("scope", "topics")
    settings.setValue("topics", ["Weather"])
    settings.sync()
    again = ExportDialog(reviewed())
    qtbot.addWidget(again)
    assert again.scope() == "all" and again.export_button.isEnabled()


def test_preview_is_cleared_while_the_options_cannot_make_a_brief(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog
) -> None:
    qtbot.waitUntil(lambda: dialog.preview.image.pixmap() is not None
                    and not dialog.preview.image.pixmap().isNull(), timeout=3000)  # fmt: skip
    dialog.choices.scope_buttons.button(3).setChecked(True)  # selected topics, none ticked
    dialog.update_preview()
    assert dialog.preview.image.pixmap().isNull()
    assert dialog.preview.note.text() == "Tick at least one topic."


@pytest.mark.gui
def test_a_cancelled_pdf_export_writes_nothing(tmp_path, qtbot):  # type: ignore[no-untyped-def]
    """Long PDFs show page progress with Cancel; cancelling leaves no file behind."""
    from ui import pdf_export

    target = tmp_path / "brief.pdf"
    seen: list[tuple[int, int]] = []

    def stop_at_once(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    with pytest.raises(pdf_export.ExportCancelled):
        pdf_export.export_pdf(reviewed(), None, target, stop_at_once)
    assert seen and seen[0][0] == 0 and seen[0][1] >= 1
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


# --- a long brief: the preview is made off the GUI thread, page 1 before the count ------


def _long_review(pairs: int = 600, per_topic: int = 20) -> ReviewState:
    """``pairs`` one-to-one pairs in topics of ``per_topic``: a brief of some 30 pages
    whose opening (the summary, the first topics) is a few of them."""
    cmp = hand_made_long(pairs)
    claims = tuple(replace(c, topic=f"t{int(c.id[1:]) // per_topic}") for c in cmp.claims)
    topics = tuple(Topic(f"t{k}", f"Envoys {k}") for k in range(pairs // per_topic))
    return ReviewState(replace(cmp, claims=claims, topics=topics))


def _count(state: ReviewState, options: BriefOptions) -> int:
    return render_pdf(state, options, first_page_only=True)[1]


@pytest.fixture(autouse=True)
def no_preview_left_running(qtbot):  # type: ignore[no-untyped-def]
    yield
    qtbot.waitUntil(lambda: preview_pool().activeThreadCount() == 0, timeout=60000)


@pytest.fixture
def long_dialog(qtbot) -> ExportDialog:  # type: ignore[no-untyped-def]
    dlg = ExportDialog(_long_review())
    qtbot.addWidget(dlg)
    return dlg


def _record(dialog: ExportDialog) -> list[tuple[int, str, bool]]:
    """What each page_shown found: the count (0: counting), the note, a page in view."""
    shown: list[tuple[int, str, bool]] = []

    def seen(pages: int) -> None:
        pixmap = dialog.preview.image.pixmap()
        shown.append(
            (pages, dialog.preview.note.text(), pixmap is not None and not pixmap.isNull())
        )

    dialog.page_shown.connect(seen)
    return shown


def _hold_the_count(monkeypatch, until: threading.Event) -> tuple[threading.Event, list[str]]:  # type: ignore[no-untyped-def]
    """Make the preview's count (the whole brief laid out) wait at its first check until
    ``until`` is set, so a test acts while it is surely under way: an event set once the
    count has begun, and how it ended."""
    import ui.export_preview as export_preview

    begun = threading.Event()
    ended: list[str] = []
    render = export_preview.render_pdf

    def held(*args, should_stop, **kwargs):  # type: ignore[no-untyped-def]
        begun.set()

        def stop() -> bool:
            until.wait(60)
            return bool(should_stop())

        try:
            result = render(*args, should_stop=stop, **kwargs)
        except ExportCancelled:
            ended.append("stopped")
            raise
        ended.append("counted")
        return result

    monkeypatch.setattr(export_preview, "render_pdf", held)
    return begun, ended


def test_a_short_brief_is_shown_with_its_count_at_once(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    shown = _record(dialog)
    qtbot.waitUntil(lambda: bool(shown), timeout=30000)
    pages = render_pdf(reviewed())[1]  # a short brief all the same
    assert 1 < pages < 4 and shown == [(pages, f"{pages} pages in all.", True)]


def test_a_long_brief_shows_page_one_before_its_page_count(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import ui.export_preview as export_preview

    threads: list[bool] = []  # built on the GUI thread?
    build = export_preview.build_brief

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread() is threading.main_thread())
        return build(*args, **kwargs)

    monkeypatch.setattr(export_preview, "build_brief", watched)
    long_dialog = ExportDialog(_long_review())  # its preview starts at once
    qtbot.addWidget(long_dialog)
    shown = _record(long_dialog)
    long_dialog.show()
    qtbot.waitUntil(lambda: bool(shown) and shown[-1][0] > 0, timeout=60000)
    pages = _count(long_dialog._state, long_dialog.options())
    assert pages > 20
    assert shown == [(0, "Counting pages…", True), (pages, f"{pages} pages in all.", True)]
    assert threads == [False]


def test_until_page_one_is_there_the_preview_says_it_is_being_prepared(  # type: ignore[no-untyped-def]
    qtbot, monkeypatch
) -> None:
    import time

    import ui.export_preview as export_preview

    render = export_preview.render_first_page

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        time.sleep(0.6)  # a slow machine: page 1 comes well after the note would show
        return render(*args, **kwargs)

    monkeypatch.setattr(export_preview, "render_first_page", slow)
    dlg = ExportDialog(_long_review())
    qtbot.addWidget(dlg)
    states: list[tuple[str, str, bool]] = []  # the note, the box's text, a page in view

    def look() -> None:
        state = (dlg.preview.note.text(), dlg.preview.image.text(),
                 not dlg.preview.image.pixmap().isNull())  # fmt: skip
        if not states or states[-1] != state:
            states.append(state)

    look()  # at once: the preview is being made already, and says so
    timer = QTimer(interval=10)
    timer.timeout.connect(look)
    timer.start()
    dlg.show()
    qtbot.waitUntil(lambda: states[-1][0].endswith("pages in all."), timeout=60000)
    timer.stop()
    assert states[0] == ("", "Preparing preview…", False)
    assert states[1][0] == "Counting pages…" and states[1][2], states  # over page 1 only
    assert all(page for note, _box, page in states if note == "Counting pages…"), states


def test_no_collection_of_cycles_starts_on_the_preview_thread(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """One that started there could meet the wrappers of a widget the GUI thread is
    deleting (PySide lets go of Python's lock halfway through) and crash: it did, now
    and then, in these tests, when a dialog's preview ran as the last test's was deleted."""
    import gc

    import ui.export_preview as export_preview

    collecting: list[bool] = []
    build = export_preview.build_brief

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        collecting.append(gc.isenabled())
        return build(*args, **kwargs)

    monkeypatch.setattr(export_preview, "build_brief", watched)
    gc.enable()  # as in a script that builds the dialog without ui.main (the suite does not)
    try:
        dlg = ExportDialog(reviewed())
        qtbot.addWidget(dlg)
        qtbot.waitUntil(lambda: preview_pool().activeThreadCount() == 0 and bool(collecting))
        assert collecting == [False] and gc.isenabled()
    finally:
        gc.disable()


def test_new_choices_while_counting_give_their_own_count(  # type: ignore[no-untyped-def]
    qtbot, long_dialog: ExportDialog
) -> None:
    shown = _record(long_dialog)

    def turn_the_page(pages: int) -> None:
        if not pages and long_dialog.choices.landscape_box.currentIndex() == 0:
            long_dialog.choices.landscape_box.setCurrentIndex(1)  # while the portrait count runs

    long_dialog.page_shown.connect(turn_the_page)
    qtbot.waitUntil(lambda: bool(shown) and shown[-1][0] > 0, timeout=60000)
    portrait = _count(long_dialog._state, replace(long_dialog.options(), landscape=False))
    landscape = _count(long_dialog._state, long_dialog.options())
    assert portrait != landscape
    counts = [pages for pages, _note, _page in shown]
    assert counts == [0, 0, landscape]  # the portrait count was dropped, never shown
    assert long_dialog.preview.note.text() == f"{landscape} pages in all."


@pytest.mark.parametrize("how", ["reject", "close"])
def test_closing_while_counting_stops_the_count_and_waits_for_it(  # type: ignore[no-untyped-def]
    qtbot, long_dialog: ExportDialog, monkeypatch, how: str
) -> None:
    """Cancel, or closing the dialog, stops the count and returns once the preview thread has
    let go: the dialog's widgets may be deleted next, and PySide deleting them while the
    preview was inside a long call into Qt (parsing the HTML) deadlocked the test run."""
    go_on = threading.Event()
    begun, ended = _hold_the_count(monkeypatch, go_on)
    shown = _record(long_dialog)
    long_dialog.show()
    qtbot.waitUntil(begun.is_set, timeout=60000)
    threading.Timer(0.3, go_on.set).start()  # the job's call into Qt, 0.3 s long
    getattr(long_dialog, how)()  # while the count waits at its first check
    assert go_on.is_set() and preview_pool().activeThreadCount() == 0
    assert ended == ["stopped"]
    assert [pages for pages, _note, _page in shown] == [0]


def test_a_dialog_deleted_while_counting_is_not_sent_its_count(qtbot, qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    deleted = threading.Event()
    begun, ended = _hold_the_count(monkeypatch, deleted)
    dlg = ExportDialog(_long_review())
    shown = _record(dlg)
    qtbot.waitUntil(begun.is_set, timeout=60000)
    shiboken6.delete(dlg)  # gone without being closed: its count goes on, and ends nowhere
    deleted.set()
    qtbot.waitUntil(lambda: preview_pool().activeThreadCount() == 0, timeout=60000)
    qapp.processEvents()  # whatever the count sent arrives now, for nobody
    assert ended == ["counted"]
    assert [pages for pages, _note, _page in shown] == [0]


def test_export_while_counting(
    qtbot, long_dialog: ExportDialog, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    exported = threading.Event()
    begun, ended = _hold_the_count(monkeypatch, exported)
    shown = _record(long_dialog)
    qtbot.waitUntil(begun.is_set, timeout=60000)
    out = tmp_path / "brief.pdf"
    assert export(qtbot, long_dialog, out)  # while the preview's count waits
    exported.set()
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=60000)
    assert ended == ["counted"]
    pages = _count(long_dialog._state, long_dialog.options())
    assert shown[-1][0] == pages
    doc = QPdfDocument()
    doc.load(str(out))
    assert doc.pageCount() == pages
    doc.close()


@pytest.mark.parametrize("options", [BriefOptions(), BriefOptions(landscape=True),
                                     BriefOptions(summary=False, legend=False)])  # fmt: skip
def test_page_one_from_the_opening_is_page_one_of_the_brief(options: BriefOptions) -> None:
    brief = build_brief(_long_review(), options)
    first = render_first_page(brief)
    whole, pages = render_pdf(brief, first_page_only=True)
    assert first is not None
    opening, everything = _page_text(first), _page_text(whole)
    assert opening.endswith("Page 1 of …") and everything.endswith(f"Page 1 of {pages}")
    assert opening.removesuffix("…") == everything.removesuffix(str(pages))


def _page_text(data: bytes) -> str:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    doc = QPdfDocument()
    doc.load(buffer)
    assert doc.pageCount() == 1
    text = " ".join(doc.getAllText(0).text().split())
    doc.close()
    return text


def test_the_opening_ends_between_elements_and_never_in_a_table() -> None:
    html = render_html(build_brief(_long_review()), for_qt=True)
    opening = html_opening(html, OPENING_CHARS)
    assert opening is not None and OPENING_CHARS < len(opening) < len(html) / 2
    assert opening.count("<table") == opening.count("</table>")
    assert opening.endswith("\n</body></html>\n")
    assert html.startswith(opening.removesuffix("</body></html>\n"))


def test_a_short_brief_has_no_opening() -> None:
    short = render_html(build_brief(reviewed()), for_qt=True)
    assert html_opening(short, OPENING_CHARS) is None


def test_one_long_table_opens_between_the_tables_qt_gets_for_it() -> None:
    """A long topic's pairs go to Qt as tables of QT_TABLE_ROWS pairs: the opening ends
    between two of them, and its page 1 is the brief's."""
    brief = build_brief(ReviewState(hand_made_long(600)))
    one_topic = render_html(brief, for_qt=True)
    assert len(one_topic) > 4 * OPENING_CHARS
    opening = html_opening(one_topic, OPENING_CHARS)
    assert opening is not None and opening.count("<table") == opening.count("</table>")
    assert opening.removesuffix("\n</body></html>\n").endswith("</tbody></table>")
    first = render_first_page(brief)
    whole, pages = render_pdf(brief, first_page_only=True)
    assert first is not None
    assert _page_text(first).removesuffix("…") == _page_text(whole).removesuffix(str(pages))


def test_an_export_leaves_no_hidden_dialog_behind(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QWidget

    from ui import dialogs

    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(ExportDialog, "exec", lambda self: self.reject() or 0)
    for _ in range(2):
        dialogs.export(parent, reviewed())
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert parent.findChildren(ExportDialog) == []
