"""The export dialog's preview, made off the GUI thread: the brief built, page 1 shown
from the opening of a long brief, then the whole brief laid out for its page count; the
top of the web page; the Markdown."""

from __future__ import annotations

import atexit
import functools
import gc
import threading
import traceback
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QThreadPool

from app.brief import BriefError, BriefOptions, build_brief
from app.brief_markdown import render_markdown
from app.review import ReviewState
from ui.gui_thread import GuiMethod
from ui.pdf_export import ExportCancelled, render_first_page, render_pdf, render_web_top

SEEN_TIMEOUT_S = 1.0  # how long page 1 may take to reach the screen before the job goes on


class PreviewReceiver(NamedTuple):
    """Where a preview goes: methods of the preview pane, called on the GUI thread."""

    text_ready: GuiMethod  # (generation, the Markdown)
    page_ready: GuiMethod  # (generation, PDF of page 1, pages: 0 while counting)
    web_ready: GuiMethod  # (generation, PDF of the top of the web page)
    failed: GuiMethod  # (generation, why there is no preview)


class PreviewJob:
    """One preview, made on the preview thread: the brief built, then for a PDF page 1
    from the opening of a long brief (``render_first_page``), then the whole brief laid
    out for its page count and a page 1 that says "of N"; for HTML the top of the web page
    as the reader sees it, shown like a page (``render_web_top``: only an opening is laid
    out); for Markdown its text, the file's own source.

    Why a thread, and why the layout goes block by block: the whole of a 2 × 2,000-claim
    brief takes some 3 s. Qt lets a thread lay out and paint a QTextDocument, a QFont and
    a QPdfWriter of its own (rich text classes are reentrant, as is painting on a print
    device); the job reads only the immutable review and options, makes every Qt object it
    uses and drops them before it ends, and hands back bytes through ``GuiMethod``s (it
    holds no Qt object of the GUI thread, see ``ui/gui_thread.py``). But
    PySide keeps Python's lock through a call into Qt, and the GUI thread needs that lock
    for any Python code, a paint event included: one long call here freezes the window as
    surely as on the GUI thread. So the layout is driven block by block (``paginate``
    asks each block where it is), and only the parsing of the HTML (``setHtml``, about
    0.5 s for 2 × 2,000 claims) is still one call; the job waits for page 1 to be on
    screen before it starts it.
    """

    def __init__(
        self,
        generation: int,
        state: ReviewState,
        options: BriefOptions,
        fmt: str,
        receiver: PreviewReceiver,
    ) -> None:
        self.generation = generation
        self._state, self._options, self._format = state, options, fmt
        self._to = receiver
        self._cancelled = threading.Event()
        self._seen = threading.Event()  # page 1 from the opening is on screen

    def cancel(self) -> None:
        self._cancelled.set()
        self._seen.set()

    def page_seen(self) -> None:
        self._seen.set()

    def start(self) -> None:
        """Run on the preview thread (after the job before it, if that still runs)."""
        _jobs.add(self)
        preview_pool().start(self.run)

    def run(self) -> None:
        # Python collects reference cycles on whichever thread happens to allocate. Here
        # that could be while the GUI thread deletes a widget (a closed dialog): PySide
        # lets go of Python's lock halfway through deleting its wrappers, and a collection
        # that meets them then crashes. So none starts on this thread while it works (the
        # GUI thread's own are held off too, for as long as a preview takes).
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._make()
        finally:
            _jobs.discard(self)
            if collecting:
                gc.enable()

    def _make(self) -> None:
        gen, stop, to = self.generation, self._cancelled.is_set, self._to
        try:
            if stop():
                return
            brief = build_brief(self._state, self._options)
            if self._format == "md":
                to.text_ready(gen, render_markdown(brief))
                return
            if self._format == "html":
                to.web_ready(gen, render_web_top(brief, stop))
                return
            first = render_first_page(brief, stop)
            if first is not None:
                to.page_ready(gen, first, 0)
                self._seen.wait(SEEN_TIMEOUT_S)  # (not for ever: the dialog may be gone)
                if stop():
                    return
            data, pages = render_pdf(brief, first_page_only=True, should_stop=stop)
            to.page_ready(gen, data, pages)
        except ExportCancelled:
            pass
        except BriefError as exc:
            to.failed(gen, str(exc))
        except Exception as exc:  # a bug: say so in the preview, keep the app alive
            traceback.print_exc()
            to.failed(gen, f"No preview: {type(exc).__name__}: {exc}")


_jobs: set[PreviewJob] = set()  # started and not yet ended, whatever their dialog's fate


@functools.cache
def preview_pool() -> QThreadPool:
    """The one thread that makes previews: a preview overtaken by newer choices stops at
    its next check, and the next one waits for that rather than share the processor."""
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(stop_previews)
    atexit.register(stop_previews)  # also without a quit: before PySide's own clean-up
    return pool


def stop_previews(msecs: int = -1) -> bool:
    """Stop every preview and wait (for ever, or ``msecs``) until the preview thread is
    idle, Python's lock let go meanwhile; at quit, and as the export dialog closes. Whether
    it is idle.

    A closed dialog only asks its job to stop, and the job sees that at its next check,
    up to half a second later (parsing a long brief's HTML is one call). Quitting
    meanwhile let PySide's clean-up at exit delete the job's QTextDocument from the GUI
    thread while the job still laid it out: Qt warned that its layout's timer could not
    be stopped from another thread, and the job failed on a deleted object."""
    for job in list(_jobs):
        job.cancel()
    return preview_pool().waitForDone(msecs)
