"""Status formats for the claims of one pane, applied block by block as Qt lays them out."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from app.model import Status
from ui import theme

UNDERLINES = {
    Status.SAME: QTextCharFormat.UnderlineStyle.SingleUnderline,
    Status.DIFFERS: QTextCharFormat.UnderlineStyle.WaveUnderline,
    Status.ONLY: QTextCharFormat.UnderlineStyle.NoUnderline,
}


def status_formats(dark: bool) -> dict[tuple[Status, bool], QTextCharFormat]:
    """(status, muted) -> format. Muted claims (filtered out) lose colour and underline."""
    strong, back = theme.highlight_colours(dark), theme.highlight_backgrounds(dark)
    out: dict[tuple[Status, bool], QTextCharFormat] = {}
    for status in Status:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(back[status.value]))
        fmt.setUnderlineStyle(UNDERLINES[status])
        fmt.setUnderlineColor(QColor(strong[status.value]))
        out[(status, False)] = fmt
        muted = QTextCharFormat()
        muted.setForeground(QColor(theme.muted_text(dark)))
        out[(status, True)] = muted
    return out


class ClaimHighlighter(QSyntaxHighlighter):
    """Formats each claim that overlaps the block being highlighted.

    ``starts``/``ends`` are document positions of the claims, sorted and non-overlapping;
    ``format_for(i)`` gives the format of claim ``i`` or None to leave it plain.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self.starts: Sequence[int] = ()
        self.ends: Sequence[int] = ()
        self.format_for: Callable[[int], QTextCharFormat | None] = lambda i: None

    def set_spans(self, starts: Sequence[int], ends: Sequence[int]) -> None:
        self.starts, self.ends = starts, ends

    # Qt API
    def highlightBlock(self, text: str) -> None:
        pos = self.currentBlock().position()
        end = pos + len(text)
        i = bisect_right(self.ends, pos)
        while i < len(self.starts) and self.starts[i] < end:
            fmt = self.format_for(i)
            if fmt is not None:
                s, e = max(self.starts[i], pos), min(self.ends[i], end)
                if e > s:
                    self.setFormat(s - pos, e - s, fmt)
            i += 1
