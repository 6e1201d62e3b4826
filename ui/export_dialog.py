"""File > Export…: choose what the brief holds and how it looks, see page 1, write the file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QImage,
    QPainter,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.brief import BriefError, BriefOptions, default_title
from app.review import ReviewState
from ui.export_preview import PreviewJob
from ui.pdf_export import (
    ExportCancelled,
    export_html,
    export_markdown,
    export_pdf,
)

FORMATS = {"pdf": ("PDF", "PDF documents (*.pdf)"), "html": ("HTML", "Web pages (*.html *.htm)"),
           "md": ("Markdown", "Markdown (*.md)")}  # fmt: skip
SCOPES = (("all", "Everything"), ("differences", "Differences only"),
          ("omissions", "Omissions only"), ("topics", "Selected topics"))  # fmt: skip
SECTIONS = (("summary", "Summary table"), ("side_by_side", "Aligned claims side by side"),
            ("full_texts", "Full annotated texts"), ("notes", "Notes"), ("legend", "Legend"),
            ("provenance", "Provenance"))  # fmt: skip
PREVIEW_DELAY_MS = 300
BUSY_DELAY_MS = 250  # a new preview that takes longer says so under the one it replaces
PREVIEW_SIZE = QSize(360, 510)
PREVIEW_TITLES = {"pdf": "Preview of the first page", "html": "Preview of the top of the page",
                  "md": "Preview of the Markdown file"}  # fmt: skip
PREPARING = "Preparing preview…"
COUNTING = "Counting pages…"  # page 1 is shown, the rest of the brief is laid out
WEB_NOTE = "The top of the web page, much as a browser shows it."


class ExportDialog(QDialog):
    """Export the brief of ``state`` as PDF, HTML or Markdown."""

    #: Page 1 is in the preview: the brief's page count, or 0 while it is still counted.
    page_shown = Signal(int)

    def __init__(self, state: ReviewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export brief")
        self._state = state
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self._resize_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._resize_timer.timeout.connect(self._paint_page)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._job: PreviewJob | None = None
        self._generation = 0  # of the preview being made; what older ones send is dropped
        self._pdf = QPdfDocument(self)
        self._pdf_buffer = QBuffer(self)
        self.message: QMessageBox | None = None  # the last result shown (for tests too)
        self._build()
        self._restore()
        self._connect()
        self._sync_enabled()
        self.update_preview()  # at once: there are no choices to settle yet

    # --- building -----------------------------------------------------------------

    def _build(self) -> None:
        self.format_box = QComboBox()
        for key, (name, _filter) in FORMATS.items():
            self.format_box.addItem(name, key)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(default_title(self._state.comparison))
        self.page_box = QComboBox()
        self.page_box.addItems(["A4", "Letter"])
        self.landscape_box = QComboBox()
        self.landscape_box.addItems(["Portrait", "Landscape"])
        form = QFormLayout()
        form.addRow("&Format:", self.format_box)
        form.addRow("&Title:", self.title_edit)
        form.addRow("&Paper:", self.page_box)
        form.addRow("&Orientation:", self.landscape_box)

        scope_group = QGroupBox("Scope")
        scope_layout = QVBoxLayout(scope_group)
        self.scope_buttons = QButtonGroup(self)
        for i, (key, text) in enumerate(SCOPES):
            button = QRadioButton(text)
            button.setProperty("scope", key)
            self.scope_buttons.addButton(button, i)
            scope_layout.addWidget(button)
        self.topic_list = QListWidget()
        self.topic_list.setMaximumHeight(110)
        for topic in self._state.comparison.topics:
            item = QListWidgetItem(topic.label)
            item.setData(Qt.ItemDataRole.UserRole, topic.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.topic_list.addItem(item)
        scope_layout.addWidget(self.topic_list)

        section_group = QGroupBox("Sections")
        section_layout = QVBoxLayout(section_group)
        self.section_boxes: dict[str, QCheckBox] = {}
        for key, text in SECTIONS:
            self.section_boxes[key] = box = QCheckBox(text)
            section_layout.addWidget(box)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(scope_group)
        left.addWidget(section_group)
        left.addStretch(1)

        self.preview_image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.preview_image.setMinimumSize(PREVIEW_SIZE)
        self.preview_image.setStyleSheet("background: #8A8F96; color: white;")
        self.preview_text = QPlainTextEdit(readOnly=True)
        self.preview_text.setMinimumSize(PREVIEW_SIZE)
        self.preview = QStackedWidget()
        self.preview.addWidget(self.preview_image)
        self.preview.addWidget(self.preview_text)
        self.preview_note = QLabel()
        self.preview_note.setWordWrap(True)
        self.preview_title = QLabel()
        right = QVBoxLayout()
        right.addWidget(self.preview_title)
        right.addWidget(self.preview, 1)
        right.addWidget(self.preview_note)

        columns = QHBoxLayout()
        columns.addLayout(left)
        columns.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton("&Export…")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        outer = QVBoxLayout(self)
        outer.addLayout(columns, 1)
        outer.addWidget(self.buttons)

    def _connect(self) -> None:
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self.export)
        for combo in (self.format_box, self.page_box, self.landscape_box):
            combo.currentIndexChanged.connect(self._changed)
        self.title_edit.textChanged.connect(self._changed)
        self.scope_buttons.idToggled.connect(self._changed)
        self.topic_list.itemChanged.connect(self._changed)
        for box in self.section_boxes.values():
            box.toggled.connect(self._changed)

    # --- state ----------------------------------------------------------------------

    def format(self) -> str:
        return str(self.format_box.currentData())

    def scope(self) -> str:
        button = self.scope_buttons.checkedButton()
        return str(button.property("scope")) if button else "all"

    def selected_topics(self) -> tuple[str, ...]:
        items = (self.topic_list.item(i) for i in range(self.topic_list.count()))
        return tuple(str(it.data(Qt.ItemDataRole.UserRole)) for it in items
                     if it.checkState() == Qt.CheckState.Checked)  # fmt: skip

    def options(self) -> BriefOptions:
        """The brief options the dialog shows; raises BriefError if they cannot be used."""
        sections = {key: box.isChecked() for key, box in self.section_boxes.items()}
        return BriefOptions(
            scope=self.scope(), topics=self.selected_topics() if self.scope() == "topics" else (),
            title=self.title_edit.text().strip(), page_size=self.page_box.currentText(),
            landscape=self.landscape_box.currentIndex() == 1, **sections,
        )  # fmt: skip

    def _changed(self) -> None:
        self._sync_enabled()
        self.schedule_preview()

    def _sync_enabled(self) -> None:
        is_pdf = self.format() == "pdf"
        self.preview_title.setText(PREVIEW_TITLES[self.format()])
        self.page_box.setEnabled(is_pdf)
        self.landscape_box.setEnabled(is_pdf)
        self.topic_list.setEnabled(self.scope() == "topics")
        self.export_button.setEnabled(self._problem() is None)

    def _problem(self) -> str | None:
        try:
            self.options()
        except BriefError as exc:
            return "Tick at least one topic." if self.scope() == "topics" else str(exc)
        return None

    # --- remembered choices -------------------------------------------------------

    @staticmethod
    def settings() -> QSettings:
        # the window's store (QSettings() follows setDefaultFormat/setPath, so tests stay
        # out of the user's own settings; naming the organisation here would not)
        settings = QSettings()
        settings.beginGroup("export")
        return settings

    def _restore(self) -> None:
        s = self.settings()
        index = self.format_box.findData(s.value("format", "pdf"))
        self.format_box.setCurrentIndex(max(index, 0))
        scope = str(s.value("scope", "all"))
        if scope == "topics" and not self._tick_topics(_as_list(s.value("topics", []))):
            scope = "all"  # topics are per comparison: none of the last ones is here
        for button in self.scope_buttons.buttons():
            button.setChecked(button.property("scope") == scope)
        if self.scope_buttons.checkedButton() is None:
            self.scope_buttons.button(0).setChecked(True)
        defaults = BriefOptions()
        for key, box in self.section_boxes.items():
            box.setChecked(_as_bool(s.value(key, getattr(defaults, key))))
        self.page_box.setCurrentText(str(s.value("page_size", "A4")))
        self.landscape_box.setCurrentIndex(1 if _as_bool(s.value("landscape", False)) else 0)

    def _tick_topics(self, labels: list[str]) -> int:
        """Tick the topics with these labels (the last export's); how many were found."""
        wanted = {label.casefold() for label in labels}
        found = 0
        for i in range(self.topic_list.count()):
            item = self.topic_list.item(i)
            if item.text().casefold() in wanted:
                item.setCheckState(Qt.CheckState.Checked)
                found += 1
        return found

    def _remember(self, folder: Path | None = None) -> None:
        s = self.settings()
        s.setValue("format", self.format())
        s.setValue("scope", self.scope())
        ticked = (self.topic_list.item(i) for i in range(self.topic_list.count()))
        s.setValue("topics", [it.text() for it in ticked
                              if it.checkState() == Qt.CheckState.Checked])  # fmt: skip
        for key, box in self.section_boxes.items():
            s.setValue(key, box.isChecked())
        s.setValue("page_size", self.page_box.currentText())
        s.setValue("landscape", self.landscape_box.currentIndex() == 1)
        if folder is not None:
            s.setValue("folder", str(folder))
        s.sync()

    # --- preview ----------------------------------------------------------------------

    def schedule_preview(self) -> None:
        """Preview after the choices have settled for a moment (typing, ticking); the one
        being made for the choices before is stale already, and stopped now."""
        self._stop_preview()
        self._preview_timer.start()

    def update_preview(self) -> None:
        """Start the preview of the current choices on the preview thread; one still being
        made for earlier choices is stopped, and whatever it sends yet is dropped."""
        self._stop_preview()
        problem = self._problem()
        if problem:
            self._clear_preview(problem)  # no page of a brief that cannot be exported
            return
        job = PreviewJob(self._generation, self._state, self.options(), self.format())
        job.signals.text_ready.connect(self._show_text)
        job.signals.page_ready.connect(self._show_page)
        job.signals.web_ready.connect(self._show_web)
        job.signals.failed.connect(self._show_failure)
        self._job = job
        job.start()
        if self._showing_nothing():
            self.preview_image.setText(PREPARING)  # rather than an empty box
            self.preview.setCurrentWidget(self.preview_image)
        self._busy_timer.start()

    def _stop_preview(self) -> None:
        self._preview_timer.stop()
        self._busy_timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._generation += 1

    def _current(self, generation: int, done: bool) -> bool:
        """Whether a result is of the preview being made (and forget the job once done)."""
        if generation != self._generation:
            return False
        if done:
            self._job = None
            self._busy_timer.stop()
        return True

    def _showing_nothing(self) -> bool:
        if self.preview.currentWidget() is self.preview_text:
            return not self.preview_text.toPlainText()
        return self.preview_image.pixmap().isNull()

    def _show_busy(self) -> None:
        """Under a preview of earlier choices, say that the new one is on its way (an
        empty preview says so itself)."""
        if self._job is not None and not self._showing_nothing():
            self.preview_note.setText(PREPARING)

    def _show_text(self, generation: int, text: str) -> None:
        if self._current(generation, done=True):
            self.preview_text.setPlainText(text)
            self.preview.setCurrentWidget(self.preview_text)
            self.preview_note.setText("")

    def _show_page(self, generation: int, data: bytes, pages: int) -> None:
        """Page 1 (``pages`` 0: from the opening of a long brief, the count still coming)."""
        if not self._current(generation, done=pages > 0):
            return
        self._load_page(data)
        self.preview_note.setText(
            f"{pages} page{'s' if pages != 1 else ''} in all." if pages else COUNTING
        )
        job = self._job
        if not pages:
            self.repaint()  # on screen now: the job parses the whole brief next (see there)
        self.page_shown.emit(pages)
        if job is not None and not pages:
            job.page_seen()

    def _show_web(self, generation: int, data: bytes) -> None:
        """The top of the web page, laid out as a page of its own."""
        if self._current(generation, done=True):
            self._load_page(data)
            self.preview_note.setText(WEB_NOTE)

    def _load_page(self, data: bytes) -> None:
        self._pdf.close()
        self._pdf_buffer.close()
        self._pdf_buffer.setData(QByteArray(data))
        self._pdf_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._pdf.load(self._pdf_buffer)
        self._paint_page()
        self.preview.setCurrentWidget(self.preview_image)

    def _show_failure(self, generation: int, message: str) -> None:
        if self._current(generation, done=True):
            self._clear_preview(message)

    def _clear_preview(self, note: str) -> None:
        self.preview_image.clear()
        self.preview_text.clear()
        self._pdf.close()
        self.preview_note.setText(note)

    def done(self, result: int) -> None:
        self._stop_preview()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._stop_preview()  # also when never shown (QDialog rejects only a visible one)
        super().closeEvent(event)

    def _paint_page(self) -> None:
        """The first page of the laid-out brief (or the top of the web page), scaled to the
        preview's size."""
        if self._pdf.pageCount() < 1:
            return
        size = (
            self._pdf.pagePointSize(0)
            .toSize()
            .scaled(self.preview_image.size() - QSize(16, 16), Qt.AspectRatioMode.KeepAspectRatio)
        )
        page = self._pdf.render(0, size * self.devicePixelRatioF())
        paper = QImage(page.size(), QImage.Format.Format_RGB32)  # pages render transparent
        paper.fill(Qt.GlobalColor.white)
        painter = QPainter(paper)
        painter.drawImage(0, 0, page)
        painter.end()
        paper.setDevicePixelRatio(self.devicePixelRatioF())
        self.preview_image.setPixmap(QPixmap.fromImage(paper))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.format() != "md" and not self._preview_timer.isActive():
            # the brief is laid out already (seconds for a long comparison): only the
            # page is drawn again at the new size
            self._resize_timer.start()

    # --- export -------------------------------------------------------------------------

    def choose_path(self) -> Path | None:
        """Ask where to write; the file dialog itself asks before replacing a file."""
        fmt = self.format()
        folder = Path(str(self.settings().value("folder", str(Path.home()))))
        stem = (self.title_edit.text().strip() or self._default_stem())[:80]
        dialog = QFileDialog(self, "Export brief", str(folder / f"{_safe(stem)}.{fmt}"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setDefaultSuffix(fmt)
        dialog.setNameFilter(FORMATS[fmt][1])
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def _default_stem(self) -> str:
        return default_title(self._state.comparison)

    def export(self) -> None:
        path = self.choose_path()
        if path is not None:
            self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the brief to ``path`` (atomically) and say how it went."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        progress = _PageProgress(self)
        try:
            if self.format() == "pdf":
                export_pdf(self._state, self.options(), path, progress)
            elif self.format() == "html":
                export_html(self._state, self.options(), path)
            else:
                export_markdown(self._state, self.options(), path)
        except ExportCancelled:
            return False
        except (OSError, BriefError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._tell(QMessageBox.Icon.Critical, "The brief was not exported",
                       f"Could not write {path.name} in {path.parent}:\n{reason}.\n\n"
                       "Choose another folder, or check that you may write to this one.",
                       path=None)  # fmt: skip
            return False
        finally:
            progress.close()
            QApplication.restoreOverrideCursor()
        self._remember(path.parent)
        self._tell(QMessageBox.Icon.Information, "Brief exported", f"Saved {path}", path=path)
        return True

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str, path: Path | None) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self)
        if path is not None:
            open_file = box.addButton("Open file", QMessageBox.ButtonRole.ActionRole)
            open_folder = box.addButton("Open folder", QMessageBox.ButtonRole.ActionRole)
            open_file.clicked.connect(lambda: _open(path))
            open_folder.clicked.connect(lambda: _open(path.parent))
            box.finished.connect(self.accept)
        self.message = box
        box.open()


class _PageProgress:
    """A progress dialog with Cancel for long PDFs (it shows after half a second), and
    the page painter's callback that keeps the window repainting."""

    def __init__(self, parent: QWidget) -> None:
        self._dialog = QProgressDialog("Writing the PDF…", "Cancel", 0, 1, parent)
        self._dialog.setWindowTitle("Export")
        self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self._dialog.setMinimumDuration(500)
        self._dialog.setAutoClose(False)
        self._dialog.setAutoReset(False)

    def __call__(self, done: int, total: int) -> bool:
        self._dialog.setMaximum(max(1, total))
        self._dialog.setLabelText(f"Writing page {done + 1} of {total}…")
        self._dialog.setValue(done)
        QApplication.processEvents()
        return not self._dialog.wasCanceled()

    def close(self) -> None:
        self._dialog.close()


def _open(path: Path) -> None:
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def _safe(name: str) -> str:
    return "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in name).strip() or "brief"


def _as_list(value: object) -> list[str]:
    # QSettings gives back a one-item list as a plain string, and no list as None
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value] if isinstance(value, (list, tuple)) else []


def _as_bool(value: object) -> bool:
    # QSettings gives back "true"/"false" strings from INI files
    return value in (True, "true", "1", 1)
