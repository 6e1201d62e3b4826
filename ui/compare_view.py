"""Both accounts side by side: headers, the two panes, the link map between, the legend."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from app.model import Comparison, Document, Side, web_address
from ui.claim_pane import ClaimPane
from ui.elided_label import ElidedLabel, ElidingLabel
from ui.find_bar import FindBar
from ui.legend import Legend
from ui.link_map import LinkMap
from ui.scroll_sync import ScrollSync

SEPARATOR = " · "


class PaneSubtitle(ElidingLabel):
    """The quieter line under a pane's title (source, date, address, counts), cut to the
    width it gets with "…" rather than widening the window or clipping mid-letter; the
    whole of it is the tooltip, and what shows of the address stays a link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._parts: list[tuple[str, str | None]] = []  # text, and the address it links to

    def set_parts(self, parts: list[tuple[str, str | None]]) -> None:
        self._parts = parts
        self.setToolTip("\n".join(text for text, _href in parts))
        self._elide()

    def full_text(self) -> str:
        return SEPARATOR.join(text for text, _href in self._parts)

    def _elide(self) -> None:
        full = self.full_text()
        width = self.contentsRect().width() - 2  # rich text lays out a pixel wider
        shown = self.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, width)
        # elidedText keeps a prefix of the text and adds "…": how much of each part shows
        keep = next((i for i, (x, y) in enumerate(zip(shown, full)) if x != y), len(shown))
        pieces: list[tuple[str, str | None]] = []
        for i, part in enumerate(self._parts):
            pieces += [(SEPARATOR, None), part] if i else [part]
        html, pos = [], 0
        for text, href in pieces:
            seen = escape(text[: max(0, keep - pos)])
            pos += len(text)
            if seen and href:
                seen = f'<a href="{escape(href, quote=True)}">{seen}</a>'
            html.append(seen)
        super().setText("".join(html) + ("…" if keep < len(full) else ""))


class PaneHeader(QWidget):
    """Label of one account, with its source and date in a quieter line; an accent bar
    along its foot while its pane has keyboard focus."""

    def __init__(self, side: Side, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ElidedLabel()
        self.title.setObjectName("paneTitle")
        self.detail = PaneSubtitle()
        self.detail.setObjectName("paneDetail")
        self.detail.setOpenExternalLinks(True)
        # the mouse's only: a keyboard focus here would show nothing, and Tab goes pane to pane
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GUTTER_PAD, 6, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        self.side = side
        self.focused = False

    def set_focused(self, focused: bool) -> None:
        self.focused = focused
        self.update()

    def set_document(self, doc: Document, claims: int, only: int) -> None:
        letter = self.side.value.upper()
        self.title.set_full_text(f"{letter} · {doc.label or 'Untitled'}")
        parts: list[tuple[str, str | None]] = [(b, None) for b in (doc.source, doc.date) if b]
        if doc.url:
            parts.append((doc.url, doc.url if web_address(doc.url) else None))
        parts.append((f"{claims} claim{'' if claims == 1 else 's'}, {only} only here", None))
        self.detail.set_parts(parts)

    # Qt API
    def paintEvent(self, event: QPaintEvent) -> None:
        if self.focused:
            bar = QRect(0, self.height() - FOCUS_BAR, self.width(), FOCUS_BAR)
            QPainter(self).fillRect(bar, self.palette().color(QPalette.ColorRole.Highlight))


GUTTER_PAD = 14
FOCUS_BAR = 3  # px, inside the header's bottom margin, right on top of the pane


class CompareView(QWidget):
    claim_clicked = Signal(str, bool)
    link_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pane_a, self.pane_b = ClaimPane(Side.A), ClaimPane(Side.B)
        self.pane_a.setObjectName("paneA")
        self.pane_b.setObjectName("paneB")
        self.pane_a.setAccessibleName("Account A")
        self.pane_b.setAccessibleName("Account B")
        self.link_map = LinkMap(self.pane_a, self.pane_b)
        self.sync = ScrollSync(self.pane_a, self.pane_b, self)
        self.headers = {Side.A: PaneHeader(Side.A), Side.B: PaneHeader(Side.B)}
        self.find_bar = FindBar(self.pane_a, self.pane_b)
        self.find_bar.hide()
        self.legend = Legend()
        self._cmp: Comparison | None = None

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(0)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.headers[Side.A], 0, 0)
        grid.addWidget(self.headers[Side.B], 0, 2)
        grid.addWidget(self.pane_a, 1, 0)
        grid.addWidget(self.link_map, 1, 1)
        grid.addWidget(self.pane_b, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        footer = QHBoxLayout()
        footer.setContentsMargins(6, 4, 6, 2)
        footer.addWidget(self.legend)
        footer.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(grid, 1)
        layout.addWidget(self.find_bar)
        layout.addLayout(footer)

        for side in Side:
            self.pane(side).claim_clicked.connect(self.claim_clicked)
            self.pane(side).focus_changed.connect(self.headers[side].set_focused)
        self.link_map.link_clicked.connect(self.link_clicked)

    def pane(self, side: Side) -> ClaimPane:
        return self.pane_a if side is Side.A else self.pane_b

    def set_comparison(self, cmp: Comparison) -> None:
        self._cmp = cmp
        # one pane holds the new claims while the other still holds the old: a scroll bar
        # moving meanwhile (a shorter text) must not make the other pane follow
        with self.sync.locked():
            for side in Side:
                self.pane(side).set_comparison(cmp)
            self._refresh(cmp)
        self.find_bar.refresh()

    def update_comparison(self, cmp: Comparison) -> None:
        """Same documents and claims, changed links (an edit or its undo)."""
        self._cmp = cmp
        for side in Side:
            self.pane(side).update_statuses(cmp)
        self._refresh(cmp)

    def _refresh(self, cmp: Comparison) -> None:
        self.link_map.set_comparison(cmp)
        self.sync.set_comparison(cmp)
        for side in Side:
            self.headers[side].set_document(
                cmp.document(side), len(cmp.side_claims(side)), len(cmp.omissions(side))
            )

    def set_selection(
        self, selected: Iterable[str], related: Iterable[str], links: set[int]
    ) -> None:
        selected, related = set(selected), set(related)
        for side in Side:
            self.pane(side).set_selection(selected, related)
        self.link_map.set_selected_links(links)

    def set_muted(self, ids: set[str]) -> None:
        for side in Side:
            self.pane(side).set_muted(ids)
        self.link_map.update()

    def set_dark(self, dark: bool) -> None:
        for side in Side:
            self.pane(side).set_dark(dark)
        self.link_map.set_dark(dark)
        self.legend.set_dark(dark)

    def reveal(self, cid: str, others: list[str], own: bool = True) -> None:
        """Bring a claim into view, and the first of its counterparts in the other pane
        (only the counterpart with ``own`` False: the claim was clicked, so it is in view
        and its pane stays still under the mouse)."""
        if self._cmp is None or cid not in self._cmp.claim_by_id:
            return
        side = self._cmp.claim_by_id[cid].side
        with self.sync.locked():
            if own:
                self.pane(side).reveal(cid)
            if others:
                self.pane(side.other).reveal(others[0])
            elif self.sync.enabled:
                self.sync.follow(side)
