"""The selected pair side by side, with the wording that differs marked, and its score."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.model import Comparison, Difference, Link, Side, Status
from ui import theme
from ui.commands import claims_snippet
from ui.elided_label import ElidedLabel

KIND_NAMES = {
    "number": "Number",
    "date": "Date",
    "time": "Time",
    "duration": "Duration",
    "frequency": "How often",
    "place": "Place",
    "opposite": "Opposite",
    "actor": "Who",
    "condition": "Condition",
    "phrase": "Wording",
}
STATUS_TEXT = {Status.SAME: "Same", Status.DIFFERS: "Differs", Status.ONLY: "Omission"}
SNIPPET = 36  # characters of a claim quoted in the preview of a link to make


def mark_ranges(text: str, needles: list[tuple[str, bool]]) -> list[tuple[int, int, bool]]:
    """Where each needle (wording, strong?) occurs in ``text``; overlaps keep the first
    range found, strong needles are placed first."""
    found: list[tuple[int, int, bool]] = []
    folded = text.casefold()
    for needle, strong in sorted(needles, key=lambda n: (not n[1], -len(n[0]))):
        if not needle.strip():
            continue
        start = text.find(needle)
        if start < 0:
            start = folded.find(needle.casefold())
        while start >= 0:
            end = start + len(needle)
            if all(end <= s or start >= e for s, e, _k in found):
                found.append((start, end, strong))
            start = text.find(needle, end)
    return sorted(found)


def marked_html(text: str, ranges: list[tuple[int, int, bool]], dark: bool) -> str:
    colour = theme.highlight_colours(dark)["differs"]
    tint = theme.highlight_backgrounds(dark)["differs"]
    out, pos = [], 0
    for start, end, strong in ranges:
        out.append(escape(text[pos:start]))
        part = escape(text[start:end])
        if strong:
            out.append(
                f'<span style="background-color:{tint}; font-weight:600; '
                f'text-decoration: underline;">{part}</span>'
            )
        else:
            out.append(f'<span style="text-decoration: underline; color:{colour};">{part}</span>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def describe(diff: Difference) -> str:
    a = f"“{diff.a}”" if diff.a else "—"
    b = f"“{diff.b}”" if diff.b else "—"
    return f"<b>{KIND_NAMES.get(diff.kind, diff.kind.title())}</b>: A {escape(a)} · B {escape(b)}"


def link_moves(cmp: Comparison, ids_a: tuple[str, ...], ids_b: tuple[str, ...]) -> list[str]:
    """What a new link of these claims takes from the links they are in now: a claim is
    in one link at most, and a link left with no claim on a side is gone (app.edits)."""
    taken = set(ids_a) | set(ids_b)
    out = []
    for link in cmp.links:
        moving = [c for c in link.claim_ids() if c in taken]
        if not moving:
            continue
        left = tuple(c for c in link.claim_ids() if c not in taken)
        if not left:
            out.append(f"Replaces the link A {_quote(cmp, link.a)} ↔ B {_quote(cmp, link.b)}.")
            continue
        stays = {cmp.claim_by_id[c].side for c in left} == {Side.A, Side.B}
        if len({cmp.claim_by_id[c].side for c in moving}) == 2:  # both sides leave it
            rest = [_quote(cmp, tuple(c for c in left if cmp.claim_by_id[c].side is s))
                    for s in (Side.A, Side.B)]  # fmt: skip
            text = f"{_quote(cmp, tuple(moving))} leave their link"
            if stays:
                text += f"; A {rest[0]} ↔ B {rest[1]} stay linked"
            else:
                alone = "becomes an omission" if len(left) == 1 else "become omissions"
                text += f"; {_quote(cmp, left)} {alone}"
            out.append(text + ".")
            continue
        side = cmp.claim_by_id[moving[0]].side
        mine = tuple(c for c in moving if cmp.claim_by_id[c].side is side)
        letter, picked = side.value.upper(), ids_a if side is Side.A else ids_b
        who = f"The {letter} claim" if len(picked) == 1 else f"{letter} {_quote(cmp, mine)}"
        partner = link.side_ids(side.other)
        text = f"{who} leaves its link with {side.other.value.upper()} {_quote(cmp, partner)}"
        if not stays:  # that link goes
            alone = "becomes an omission" if len(left) == 1 else "become omissions"
            text += f", which {alone}" if left == partner else f"; {_quote(cmp, left)} {alone}"
        out.append(text + ".")
    return out


def _quote(cmp: Comparison, ids: tuple[str, ...], width: int = SNIPPET) -> str:
    return escape(claims_snippet(cmp, ids, width))


class NotesArea(QScrollArea):
    """The lines under the two claims (differences, or what a new link changes): as tall
    as they are up to half the panel, scrolled beyond that, so the claims keep their room
    and no line is cut off."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(label)
        column.addStretch(1)
        self.label = label
        self.setWidget(holder)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    # Qt API
    def sizeHint(self) -> QSize:
        line = self.label.fontMetrics().lineSpacing()
        if not self.label.text():
            return QSize(0, 0)
        width = max(self.viewport().width(), 100)
        height = self.label.heightForWidth(width)
        parent = self.parentWidget()
        cap = max(2 * line, parent.height() // 2) if parent is not None else 6 * line
        return QSize(width, min(max(height, line), cap))

    def minimumSizeHint(self) -> QSize:
        if not self.label.text():
            return QSize(0, 0)
        return QSize(0, min(self.sizeHint().height(), 2 * self.label.fontMetrics().lineSpacing()))


class DetailPanel(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPanel")
        self.dark = False
        self.heading = QLabel()
        self.heading.setObjectName("detailHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.side_titles = {s: ElidedLabel() for s in Side}
        self.texts = {s: QTextBrowser() for s in Side}
        for side, browser in self.texts.items():
            browser.setFrameShape(QFrame.Shape.NoFrame)
            browser.setOpenLinks(False)
            browser.setAccessibleName(f"Selected claim, side {side.value.upper()}")
            self.side_titles[side].setObjectName("detailSideTitle")
        self.differences = QLabel()
        self.differences.setWordWrap(True)
        self.differences.setTextFormat(Qt.TextFormat.RichText)
        self.differences.setObjectName("detailDifferences")
        self.differences.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.differences_area = NotesArea(self.differences)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(2)
        self.tool_buttons: list[QToolButton] = []
        self._text_width = 0
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addLayout(self.buttons)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(2)
        for col, side in enumerate(Side):
            grid.addWidget(self.side_titles[side], 0, col)
            grid.addWidget(self.texts[side], 1, col)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addWidget(self.differences_area)
        self.show_nothing()

    def set_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            self.buttons.addWidget(button)
            self.tool_buttons.append(button)
        self._fit_buttons()

    def _fit_buttons(self) -> None:
        """Buttons with their text when there is room, icons only (with tooltips) when the
        panel is narrow, so that the heading keeps room to say what is selected."""
        if not self.tool_buttons:
            return
        style = Qt.ToolButtonStyle
        if self._text_width == 0:  # measured once, with text
            self._text_width = sum(b.sizeHint().width() for b in self.tool_buttons)
        room = self.width() - self.heading.fontMetrics().horizontalAdvance("M" * 26)
        chosen = (
            style.ToolButtonTextBesideIcon if self._text_width <= room else style.ToolButtonIconOnly
        )
        for button in self.tool_buttons:
            button.setToolButtonStyle(chosen)

    # Qt API
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_buttons()
        self.differences_area.updateGeometry()

    def _set_lines(self, html: str) -> None:
        self.differences.setText(html)
        self.differences_area.updateGeometry()

    def _claims_html(self, texts: list[str], needles: list[tuple[str, bool]]) -> str:
        """Each claim of the side as its own numbered paragraph when there are several, so
        that claims far apart in the account do not read as one sentence."""
        parts = [marked_html(t, mark_ranges(t, needles), self.dark) for t in texts]
        if len(parts) == 1:
            return parts[0]
        muted = theme.muted_text(self.dark)
        return "".join(
            f'<p style="margin: 0 0 4px 0;"><span style="color:{muted};">{i}.</span> {part}</p>'
            for i, part in enumerate(parts, 1)
        )

    def show_nothing(self) -> None:
        self.heading.setText("<b>No claim selected</b>")
        for side in Side:
            self.side_titles[side].set_full_text("")
            self.texts[side].setHtml("")
        # as text, not a placeholder: Qt draws placeholders on one line, cut off
        hint = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.texts[Side.A].setHtml(
            f'<p style="color:{hint}">Click a claim to see it next to its counterpart. '
            "F7 jumps to the next difference, F8 to the next omission.</p>"
        )
        self._set_lines("")

    def show_link_preview(
        self, cmp: Comparison, ids_a: tuple[str, ...], ids_b: tuple[str, ...]
    ) -> None:
        """Claims picked on both sides and not linked so yet: the link Ctrl+L would make,
        in place of the old link of the claim in focus, and the links it would change."""

        def claims(ids: tuple[str, ...]) -> str:
            return "1 claim" if len(ids) == 1 else f"{len(ids)} claims"

        # the claims are quoted whole below: the heading stays short
        pair = f"{claims(ids_a)} of A ↔ {claims(ids_b)} of B"
        self.heading.setText(f"<b>Link to make (Ctrl+L)</b> &nbsp;·&nbsp; {pair}")
        for side, ids in ((Side.A, ids_a), (Side.B, ids_b)):
            count = f" · {len(ids)} claims" if len(ids) > 1 else ""
            label = cmp.document(side).label
            self.side_titles[side].set_full_text(f"{side.value.upper()} · {label}{count}")
            self.texts[side].setHtml(self._claims_html([cmp.claim_by_id[c].text for c in ids], []))
        moves = link_moves(cmp, ids_a, ids_b)
        self._set_lines("<br>".join(moves) or "None of these claims is in a link yet.")

    def show_claim(
        self,
        cmp: Comparison,
        claim_id: str,
        link: Link | None,
        other_links: int = 0,
        by_hand: bool = False,
    ) -> None:
        """The claim and the link shown with it (``by_hand``: a link the reviewer made, whose
        score means nothing). The heading is the shown link's relation, not the claim's
        overall status (a claim in a Same and a Differs link is coloured Differs)."""
        claim = cmp.claim_by_id[claim_id]
        status = cmp.status(claim_id) if link is None else Status(link.relation.value)
        for side in Side:
            doc = cmp.document(side)
            self.side_titles[side].set_full_text(f"{side.value.upper()} · {doc.label}")
        self.texts[Side.A].setPlaceholderText("")
        colour = theme.highlight_colours(self.dark)[status.value]
        head = (
            f'<span style="color:{colour}; font-size:large;">●</span> <b>{STATUS_TEXT[status]}</b>'
        )
        if link is None:
            mine, other = claim.side.value.upper(), claim.side.other.value.upper()
            self.heading.setText(f"{head} &nbsp;·&nbsp; only in {mine}, nothing in {other} matches")
            self.texts[claim.side].setHtml(escape(claim.text))
            self.texts[claim.side.other].setHtml(
                "<i>No counterpart. Ctrl+click a claim on this side (or "
                f"{'Ctrl+Tab' if claim.side is Side.A else 'Ctrl+Shift+Tab'} here and "
                "Alt+Shift+Down to it), then Link (Ctrl+L).</i>"
            )
            self._set_lines("")
            return
        more = "1 more link" if other_links == 1 else f"{other_links} more links"
        extra = f" &nbsp;·&nbsp; {more}" if other_links else ""
        if by_hand:
            how = "linked by hand"
        else:
            how = f"match score {link.score:.2f}"
            how += " &nbsp;·&nbsp; corrected by hand" if link.manual else ""
        self.heading.setText(f"{head} &nbsp;·&nbsp; {how}{extra}")
        for side in Side:
            needles: list[tuple[str, bool]] = []
            for d in link.differences:
                wording = d.a if side is Side.A else d.b
                if wording:
                    needles.append((wording, d.kind != "phrase"))
            texts = [cmp.claim_by_id[c].text for c in link.side_ids(side)]
            self.texts[side].setHtml(self._claims_html(texts, needles))
            if len(texts) > 1:  # one claim here answers several there: say so in the title
                label = cmp.document(side).label
                self.side_titles[side].set_full_text(
                    f"{side.value.upper()} · {label} · {len(texts)} claims"
                )
        diffs = [describe(d) for d in link.differences if d.kind != "phrase"]
        phrases = sum(1 for d in link.differences if d.kind == "phrase")
        if phrases:
            diffs.append(
                "1 wording difference underlined"
                if phrases == 1
                else f"{phrases} wording differences underlined"
            )
        self._set_lines(" &nbsp;&nbsp; ".join(diffs) or "The wording matches closely.")
