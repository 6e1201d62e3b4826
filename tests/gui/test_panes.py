"""Panes, highlighting, selection, detail panel, filters and find."""

from __future__ import annotations

from dataclasses import replace
from unittest import mock

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QTextDocument, QTextDocumentFragment

from app.model import Relation, Side, Status
from ui.claim_highlighter import ClaimHighlighter, status_formats
from ui.claim_pane import build_document
from ui.selection import Selection


def claim_point(pane, cid):  # type: ignore[no-untyped-def]
    """A viewport point inside the claim's first line."""
    i = pane.index[cid]
    pane.reveal(cid)
    cursor = pane.textCursor()
    cursor.setPosition(pane.starts[i] + 1)
    rect = pane.cursorRect(cursor)
    return QPoint(rect.right() + 2, rect.center().y())


def test_highlighter_formats_each_claim_of_a_block() -> None:
    doc = QTextDocument()
    doc.setPlainText("One two. Three four.\nFive six.")
    hl = ClaimHighlighter(doc)
    hl.set_spans([0, 9, 21], [8, 20, 30])
    formats = status_formats(False)
    statuses = [Status.SAME, Status.DIFFERS, Status.ONLY]
    hl.format_for = lambda i: formats[(statuses[i], False)]
    with mock.patch.object(hl, "setFormat") as set_format:
        hl.rehighlight()
    calls = [(c.args[0], c.args[1]) for c in set_format.call_args_list]
    assert calls == [(0, 8), (9, 11), (0, 9)]
    styles = [c.args[2].underlineStyle() for c in set_format.call_args_list]
    assert styles[0] != styles[1]  # same and differs are told apart without colour


def test_document_keeps_offsets(sample_cmp) -> None:  # type: ignore[no-untyped-def]
    doc = sample_cmp.doc_a
    qdoc, offsets, positions = build_document(doc, QFont())
    assert qdoc.blockCount() == len(doc.blocks)
    for off, pos, block in zip(offsets, positions, doc.blocks, strict=True):
        want = doc.text[block.start : block.end].replace("\n", " ")
        assert qdoc.findBlock(pos).text() == want
        assert off == block.start


def test_claim_text_maps_to_pane_text(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    pane = window.view.pane_b
    plain = pane.document().toPlainText()
    for cid, s, e in zip(pane.ids, pane.starts, pane.ends, strict=True):
        assert plain[s:e] == sample_cmp.claim_by_id[cid].text.replace("\n", " ")


def test_click_selects_claim_and_counterparts(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    link = next(lk for lk in sample_cmp.links if lk.relation is Relation.DIFFERS)
    pane_a = window.view.pane_a
    qtbot.mouseClick(pane_a.viewport(), Qt.MouseButton.LeftButton,
                     pos=claim_point(pane_a, link.a[0]))  # fmt: skip
    assert window.selection.focus == link.a[0]
    assert window.view.pane_b._related == set(link.b)
    assert "Differs" in window.detail.heading.text()
    assert f"{link.score:.2f}" in window.detail.heading.text()
    # the wording that differs is marked in the detail panel
    diff = next(d for d in link.differences if d.kind != "phrase" and d.a)
    assert "font-weight:600" in window.detail.texts[Side.A].toHtml() or diff.a in (
        window.detail.texts[Side.A].toPlainText()
    )
    assert window.view.link_map._selected == {sample_cmp.links.index(link)}


def test_ctrl_click_extends_selection(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    only_a = sample_cmp.omissions(Side.A)[0].id
    only_b = sample_cmp.omissions(Side.B)[0].id
    window._claim_clicked(only_a, False)
    pane_b = window.view.pane_b
    qtbot.mouseClick(pane_b.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier, claim_point(pane_b, only_b))  # fmt: skip
    assert window.selection.claims == (only_a, only_b)
    assert window.action_set.link.isEnabled()
    assert "2 claims selected" in window.position_label.text()
    assert window.navigator.status_text().endswith("Link them with Ctrl+L")


def test_the_status_line_says_when_ctrl_l_cannot_link(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    a = [c.id for c in sample_cmp.side_claims(Side.A)]
    window.select(Selection((a[0], a[1])))
    assert not window.action_set.link.isEnabled()
    assert window.navigator.status_text().endswith(
        "pick a claim in the other pane too to link them"
    )
    link = sample_cmp.links[0]
    window.select(Selection((*link.a, *link.b)))
    assert not window.action_set.link.isEnabled()
    assert window.navigator.status_text().endswith("already linked just so")


def test_filters_mute_other_claims(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    pane = window.view.pane_a
    window.action_set.filter_differences.trigger()
    assert window.filter == "differences"
    for cid in pane.ids:
        assert pane.is_muted(cid) == (sample_cmp.status(cid) is not Status.DIFFERS)
    window.action_set.filter_omissions.trigger()
    for cid in pane.ids:
        assert pane.is_muted(cid) == (sample_cmp.status(cid) is not Status.ONLY)
    window.action_set.filter_all.trigger()
    assert not any(pane.is_muted(c) for c in pane.ids)


def test_a_chosen_claim_that_a_filter_greys_takes_the_text_colour_back(window, sample_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    pane = window.view.pane_a
    window.action_set.filter_differences.trigger()
    same = next(lk for lk in sample_cmp.links if lk.relation is Relation.SAME)
    window.select(Selection(same.a[:1]))
    start = pane.starts[pane.index[same.a[0]]]
    chosen = [x for x in pane.extraSelections() if x.cursor.selectionStart() == start]
    text = pane.palette().text().color()
    assert pane.is_muted(same.a[0])
    brush = chosen[0].format.foreground()
    assert brush.style() != Qt.BrushStyle.NoBrush and brush.color() == text
    window.action_set.filter_all.trigger()  # no longer greyed: no colour of its own
    chosen = [x for x in pane.extraSelections() if x.cursor.selectionStart() == start]
    assert chosen[0].format.foreground().style() == Qt.BrushStyle.NoBrush


def test_topic_selection_scrolls_and_filters(window, long_cmp) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(long_cmp)
    topic = long_cmp.topics[-1].id
    window.sidebar.select_topic(topic)
    assert window.topic == topic
    pane = window.view.pane_a
    first = next(i for i, c in enumerate(pane.ids) if long_cmp.claim_by_id[c].topic == topic)
    assert first in pane.visible_range()
    assert not any(pane.is_muted(c) for c in pane.ids)
    window.sidebar.only_topic.setChecked(True)
    assert window.action_set.only_topic.isChecked()
    muted = {c for c in pane.ids if pane.is_muted(c)}
    assert muted == {c for c in pane.ids if long_cmp.claim_by_id[c].topic != topic}
    row = window.sidebar.model.rows[window.sidebar.model.row_of(topic)]
    counts = long_cmp.topic_counts()[topic]
    assert row.side_a == counts.same_a + counts.differs_a + counts.only_a


def test_find_across_both_panes(window, sample_cmp, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.show_comparison(sample_cmp)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.view.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.edit, "orlet")
    assert [m[0] for m in bar.matches] == [Side.A, Side.B]
    assert bar.count.text() == "1 of 2"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert bar.count.text() == "2 of 2"
    assert window.view.pane_b._current_find is not None
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.view.pane_b._finds == []


def test_a_long_pane_subtitle_is_cut_with_an_ellipsis_and_keeps_its_link(
    window, sample_cmp, qtbot
) -> None:  # type: ignore[no-untyped-def]
    url = "https://mfa.kestria.example/press/2024/03/14/joint-statement-on-the-talks"
    doc = replace(sample_cmp.doc_a, source="Kestria MFA", date="2024-03-14", url=url)
    window.show_comparison(sample_cmp)
    window.resize(900, 720)
    header = window.view.headers[Side.A]
    header.set_document(doc, 13, 3)
    qtbot.waitUntil(lambda: header.width() < 400, timeout=2000)
    subtitle = header.detail
    shown = QTextDocumentFragment.fromHtml(subtitle.text()).toPlainText()
    assert shown.startswith("Kestria MFA · 2024-03-14 · http") and shown.endswith("…")
    assert subtitle.fontMetrics().horizontalAdvance(shown) <= subtitle.contentsRect().width()
    assert f'href="{url}"' in subtitle.text()  # what shows of the address still opens it
    assert subtitle.toolTip().split("\n") == [
        "Kestria MFA",
        "2024-03-14",
        url,
        "13 claims, 3 only here",
    ]
