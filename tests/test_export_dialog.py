"""The export dialog: remembered choices, the preview, writing and failing."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6.QtPdf")

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from tests.export_support import SENTENCES_B, reviewed
from ui.export_dialog import ExportDialog

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path):  # type: ignore[no-untyped-def]
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    yield
    QSettings().clear()


@pytest.fixture
def dialog(qtbot) -> ExportDialog:  # type: ignore[no-untyped-def]
    dlg = ExportDialog(reviewed())
    qtbot.addWidget(dlg)
    return dlg


def test_defaults_and_options(dialog: ExportDialog) -> None:
    opts = dialog.options()
    assert (dialog.format(), opts.scope, opts.page_size, opts.landscape) == ("pdf", "all", "A4",
                                                                            False)  # fmt: skip
    assert opts.summary and opts.side_by_side and not opts.full_texts
    assert dialog.title_edit.placeholderText().endswith("compared")


def test_choices_are_remembered(qtbot, dialog: ExportDialog, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.scope_buttons.button(1).setChecked(True)  # differences only
    dialog.section_boxes["legend"].setChecked(False)
    dialog.section_boxes["full_texts"].setChecked(True)
    dialog.page_box.setCurrentText("Letter")
    dialog.landscape_box.setCurrentIndex(1)
    assert dialog.export_to(tmp_path / "brief.md")
    again = ExportDialog(reviewed())
    qtbot.addWidget(again)
    opts = again.options()
    assert again.format() == "md" and opts.scope == "differences"
    assert not opts.legend and opts.full_texts
    assert opts.page_size == "Letter" and opts.landscape
    assert Path(str(ExportDialog.settings().value("folder"))) == tmp_path


def test_pdf_preview_shows_page_one(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.preview_image.pixmap() is not None
                    and not dialog.preview_image.pixmap().isNull(), timeout=3000)  # fmt: skip
    assert dialog.preview.currentWidget() is dialog.preview_image
    assert "1 page" in dialog.preview_note.text()


def test_resizing_redraws_the_page_without_laying_out_the_brief_again(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog, monkeypatch
) -> None:
    import ui.export_dialog as export_dialog

    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview_image.pixmap() is not None
                    and not dialog.preview_image.pixmap().isNull(), timeout=3000)  # fmt: skip
    width = dialog.preview_image.pixmap().width()
    laid_out: list[bool] = []
    render = export_dialog.render_pdf
    monkeypatch.setattr(export_dialog, "render_pdf",
                        lambda *a, **k: laid_out.append(True) or render(*a, **k))  # fmt: skip
    dialog.resize(dialog.width() + 300, dialog.height() + 200)
    qtbot.waitUntil(lambda: dialog.preview_image.pixmap().width() > width, timeout=3000)
    assert not laid_out


def test_markdown_preview_is_text_and_debounced(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.title_edit.setText("Call of 14 March")
    assert dialog.preview_text.toPlainText() == ""  # not yet: waiting for typing to settle
    qtbot.waitUntil(lambda: "# Call of 14 March" in dialog.preview_text.toPlainText(),
                    timeout=3000)  # fmt: skip
    assert SENTENCES_B[3][1] in dialog.preview_text.toPlainText()
    assert not dialog.page_box.isEnabled()


def test_selected_topics_need_a_tick(qtbot, dialog: ExportDialog) -> None:  # type: ignore[no-untyped-def]
    dialog.scope_buttons.button(3).setChecked(True)
    assert dialog.topic_list.isEnabled() and not dialog.export_button.isEnabled()
    dialog.topic_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.export_button.isEnabled()
    assert dialog.options().topics == ("t2",)


def test_export_writes_and_offers_to_open(dialog: ExportDialog, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    assert dialog.export_to(out)
    assert out.read_bytes().startswith(b"%PDF")
    box = dialog.message
    assert box is not None and box.icon() == QMessageBox.Icon.Information
    assert {b.text() for b in box.buttons()} >= {"Open file", "Open folder"}


def test_failure_is_reported_and_nothing_is_written(dialog: ExportDialog, tmp_path: Path) -> None:
    out = tmp_path / "no-such-folder" / "brief.pdf"
    assert not dialog.export_to(out)
    box = dialog.message
    assert box is not None and box.icon() == QMessageBox.Icon.Critical
    assert "brief.pdf" in box.text()
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


def test_unwritable_folder_is_named_in_the_message(dialog: ExportDialog, tmp_path: Path,
                                                   monkeypatch) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ui.pdf_export.atomic_write_bytes", refuse)
    out = tmp_path / "locked" / "brief.pdf"
    assert not dialog.export_to(out)
    box = dialog.message
    assert box is not None and box.icon() == QMessageBox.Icon.Critical
    assert f"brief.pdf in {out.parent}" in box.text() and "Permission denied" in box.text()
    assert not out.exists()


def test_selected_topics_are_remembered_by_name(  # type: ignore[no-untyped-def]
    qtbot, dialog: ExportDialog, tmp_path: Path
) -> None:
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("md"))
    dialog.scope_buttons.button(3).setChecked(True)
    dialog.topic_list.item(1).setCheckState(Qt.CheckState.Checked)
    assert dialog.export_to(tmp_path / "brief.md")
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
    qtbot.waitUntil(lambda: dialog.preview_image.pixmap() is not None
                    and not dialog.preview_image.pixmap().isNull(), timeout=3000)  # fmt: skip
    dialog.scope_buttons.button(3).setChecked(True)  # selected topics, none ticked
    dialog.update_preview()
    assert dialog.preview_image.pixmap().isNull()
    assert dialog.preview_note.text() == "Tick at least one topic."


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
