"""The export dialog's preview pane: page 1 of the PDF with its page count, the top of the
web page, or the Markdown; asked for after the choices settle, made by a ``PreviewJob``
off the GUI thread, and what an overtaken job still sends dropped."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QStackedWidget, QVBoxLayout, QWidget

from app.brief import BriefOptions
from app.review import ReviewState
from ui.export_preview import PreviewJob, PreviewReceiver
from ui.gui_thread import GuiMethod

PREVIEW_DELAY_MS = 300
BUSY_DELAY_MS = 250  # a new preview that takes longer says so under the one it replaces
PREVIEW_SIZE = QSize(360, 510)
PREVIEW_TITLES = {"pdf": "Preview of the first page", "html": "Preview of the top of the page",
                  "md": "Preview of the Markdown file"}  # fmt: skip
PREPARING = "Preparing preview…"
COUNTING = "Counting pages…"  # page 1 is shown, the rest of the brief is laid out
WEB_NOTE = "The top of the web page, much as a browser shows it."
#: The Markdown preview holds about this much of the file: a text box fills on the GUI
#: thread, in time that grows with the text (some 20 ms a megabyte), and nobody reads a
#: whole long brief in a preview box.
MARKDOWN_PREVIEW_CHARS = 100_000
MARKDOWN_CUT = ("[The preview shows the beginning of the Markdown, {shown:,} of {total:,} lines. "
                "The exported file holds all of it.]")  # fmt: skip


def markdown_opening(text: str, limit: int = MARKDOWN_PREVIEW_CHARS) -> str:
    """The Markdown as the preview shows it: whole, or its first ``limit`` characters or
    so, cut at the end of a line, and a last line saying that the file holds the rest."""
    if len(text) <= limit:
        return text
    cut = text.rfind("\n", 0, limit)
    if cut < limit // 2:  # a line longer than half the preview: cut inside it
        cut = limit
    shown = text.count("\n", 0, cut) + 1
    total = text.count("\n") + (not text.endswith("\n"))
    return text[:cut].rstrip("\n") + "\n\n" + MARKDOWN_CUT.format(shown=shown, total=total)


class PreviewPane(QWidget):
    """The preview of the brief the export dialog's choices make."""

    #: Page 1 is in the preview: the brief's page count, or 0 while it is still counted.
    page_shown = Signal(int)
    #: The choices have settled since ``schedule``: time to ``start`` the preview.
    due = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._format = "pdf"
        self._job: PreviewJob | None = None
        self._generation = 0  # of the preview being made; what older ones send is dropped
        self.pdf = QPdfDocument(self)
        self._pdf_buffer = QBuffer(self)
        self._delay = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._delay.timeout.connect(self.due)
        self._resize_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._resize_timer.timeout.connect(self._paint_page)
        self._busy_timer = QTimer(self, singleShot=True, interval=BUSY_DELAY_MS)
        self._busy_timer.timeout.connect(self._show_busy)
        self._receiver = PreviewReceiver(
            GuiMethod(self._show_text),
            GuiMethod(self._show_page),
            GuiMethod(self._show_web),
            GuiMethod(self._show_failure),
        )

        self.title = QLabel()
        self.image = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(PREVIEW_SIZE)
        self.image.setStyleSheet("background: #8A8F96; color: white;")
        self.text = QPlainTextEdit(readOnly=True)
        self.text.setMinimumSize(PREVIEW_SIZE)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.image)
        self.stack.addWidget(self.text)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)

    def set_format(self, fmt: str) -> None:
        self._format = fmt
        self.title.setText(PREVIEW_TITLES[fmt])

    def is_busy(self) -> bool:
        """Whether a preview is being made."""
        return self._job is not None

    # --- asking for a preview -------------------------------------------------------

    def schedule(self) -> None:
        """Ask for a preview (``due``) after the choices have settled for a moment (typing,
        ticking); the one being made for the choices before is stale already, and stopped."""
        self.stop()
        self._delay.start()

    def start(self, state: ReviewState, options: BriefOptions, fmt: str) -> None:
        """Start the preview of these choices on the preview thread; one still being made
        for earlier choices is stopped, and whatever it sends yet is dropped."""
        self.stop()
        self.set_format(fmt)
        job = PreviewJob(self._generation, state, options, fmt, self._receiver)
        self._job = job
        job.start()
        if self._showing_nothing():
            self.image.setText(PREPARING)  # rather than an empty box
            self.stack.setCurrentWidget(self.image)
        self._busy_timer.start()

    def show_problem(self, note: str) -> None:
        """No preview, and why (no page of a brief that cannot be exported)."""
        self.stop()
        self._clear(note)

    def stop(self) -> None:
        self._delay.stop()
        self._busy_timer.stop()
        if self._job is not None:
            self._job.cancel()
            self._job = None
        self._generation += 1

    # --- what the job sends ---------------------------------------------------------

    def _current(self, generation: int, done: bool) -> bool:
        """Whether a result is of the preview being made (and forget the job once done)."""
        if generation != self._generation:
            return False
        if done:
            self._job = None
            self._busy_timer.stop()
        return True

    def _showing_nothing(self) -> bool:
        if self.stack.currentWidget() is self.text:
            return self.text.document().isEmpty()
        return self.image.pixmap().isNull()

    def _show_busy(self) -> None:
        """Under a preview of earlier choices, say that the new one is on its way (an
        empty preview says so itself)."""
        if self._job is not None and not self._showing_nothing():
            self.note.setText(PREPARING)

    def _show_text(self, generation: int, text: str) -> None:
        if self._current(generation, done=True):
            self.text.setPlainText(markdown_opening(text))
            self.stack.setCurrentWidget(self.text)
            self.note.setText("")

    def _show_page(self, generation: int, data: bytes, pages: int) -> None:
        """Page 1 (``pages`` 0: from the opening of a long brief, the count still coming)."""
        if not self._current(generation, done=pages > 0):
            return
        self._load_page(data)
        self.note.setText(f"{pages} page{'s' if pages != 1 else ''} in all." if pages
                          else COUNTING)  # fmt: skip
        job = self._job
        if not pages:
            self.window().repaint()  # on screen now: the job parses the whole brief next
        self.page_shown.emit(pages)
        if job is not None and not pages:
            job.page_seen()

    def _show_web(self, generation: int, data: bytes) -> None:
        """The top of the web page, laid out as a page of its own."""
        if self._current(generation, done=True):
            self._load_page(data)
            self.note.setText(WEB_NOTE)

    def _show_failure(self, generation: int, message: str) -> None:
        if self._current(generation, done=True):
            self._clear(message)

    def _clear(self, note: str) -> None:
        self.image.clear()
        self.text.clear()
        self.pdf.close()
        self.note.setText(note)

    # --- the page -------------------------------------------------------------------

    def _load_page(self, data: bytes) -> None:
        self.pdf.close()
        self._pdf_buffer.close()
        self._pdf_buffer.setData(QByteArray(data))
        self._pdf_buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.pdf.load(self._pdf_buffer)
        self._paint_page()
        self.stack.setCurrentWidget(self.image)

    def _paint_page(self) -> None:
        """The first page of the laid-out brief (or the top of the web page), scaled to the
        preview's size."""
        if self.pdf.pageCount() < 1:
            return
        size = (
            self.pdf.pagePointSize(0)
            .toSize()
            .scaled(self.image.size() - QSize(16, 16), Qt.AspectRatioMode.KeepAspectRatio)
        )
        page = self.pdf.render(0, size * self.devicePixelRatioF())
        paper = QImage(page.size(), QImage.Format.Format_RGB32)  # pages render transparent
        paper.fill(Qt.GlobalColor.white)
        painter = QPainter(paper)
        painter.drawImage(0, 0, page)
        painter.end()
        paper.setDevicePixelRatio(self.devicePixelRatioF())
        self.image.setPixmap(QPixmap.fromImage(paper))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._format != "md" and not self._delay.isActive():
            # the brief is laid out already (seconds for a long comparison): only the
            # page is drawn again at the new size
            self._resize_timer.start()
