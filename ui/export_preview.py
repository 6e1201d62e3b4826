"""The export dialog's preview, made off the GUI thread: the brief built, page 1 shown
from the opening of a long brief, then the whole brief laid out for its page count."""

from __future__ import annotations

import functools
import threading
import traceback

from PySide6.QtCore import QObject, QThreadPool, Signal

from app.brief import BriefError, BriefOptions, build_brief
from app.brief_html import render_html
from app.brief_markdown import render_markdown
from app.review import ReviewState
from ui.pdf_export import ExportCancelled, render_first_page, render_pdf

SEEN_TIMEOUT_S = 1.0  # how long page 1 may take to reach the screen before the job goes on


class PreviewSignals(QObject):
    text_ready = Signal(int, str)  # generation, the Markdown or HTML
    page_ready = Signal(int, object, int)  # generation, PDF of page 1, pages (0: counting)
    failed = Signal(int, str)  # generation, why there is no preview


class PreviewJob:
    """One preview, made on the preview thread: the brief built, then for a PDF page 1
    from the opening of a long brief (``render_first_page``), then the whole brief laid
    out for its page count and a page 1 that says "of N".

    Why a thread, and why the layout goes block by block: the whole of a 2 × 2,000-claim
    brief takes some 3 s. Qt lets a thread lay out and paint a QTextDocument, a QFont and
    a QPdfWriter of its own (rich text classes are reentrant, as is painting on a print
    device); the job reads only the immutable review and options, makes every Qt object it
    uses and drops them before it ends, and hands back bytes over queued signals. But
    PySide keeps Python's lock through a call into Qt, and the GUI thread needs that lock
    for any Python code, a paint event included: one long call here freezes the window as
    surely as on the GUI thread. So the layout is driven block by block (``paginate``
    asks each block where it is), and only the parsing of the HTML (``setHtml``, about
    0.5 s for 2 × 2,000 claims) is still one call; the job waits for page 1 to be on
    screen before it starts it.
    """

    def __init__(
        self, generation: int, state: ReviewState, options: BriefOptions, fmt: str
    ) -> None:
        self.generation = generation
        self._state, self._options, self._format = state, options, fmt
        self.signals = PreviewSignals()
        self._cancelled = threading.Event()
        self._seen = threading.Event()  # page 1 from the opening is on screen

    def cancel(self) -> None:
        self._cancelled.set()
        self._seen.set()

    def page_seen(self) -> None:
        self._seen.set()

    def run(self) -> None:
        gen, stop, emit = self.generation, self._cancelled.is_set, self.signals
        try:
            if stop():
                return
            brief = build_brief(self._state, self._options)
            if self._format != "pdf":
                text = render_html(brief) if self._format == "html" else render_markdown(brief)
                emit.text_ready.emit(gen, text)
                return
            first = render_first_page(brief, stop)
            if first is not None:
                emit.page_ready.emit(gen, first, 0)
                self._seen.wait(SEEN_TIMEOUT_S)  # (not for ever: the dialog may be gone)
                if stop():
                    return
            data, pages = render_pdf(brief, first_page_only=True, should_stop=stop)
            emit.page_ready.emit(gen, data, pages)
        except ExportCancelled:
            pass
        except BriefError as exc:
            emit.failed.emit(gen, str(exc))
        except Exception as exc:  # a bug: say so in the preview, keep the app alive
            traceback.print_exc()
            emit.failed.emit(gen, f"No preview: {type(exc).__name__}: {exc}")


@functools.cache
def preview_pool() -> QThreadPool:
    """The one thread that makes previews: a preview overtaken by newer choices stops at
    its next check, and the next one waits for that rather than share the processor."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    return pool
