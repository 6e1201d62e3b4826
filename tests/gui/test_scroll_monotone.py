"""Synchronized scrolling is monotone: the other pane never moves against the one scrolled,
crossing links do not pull it away, and both ends of both panes can be reached."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest

from app.comparison import CompareOptions, compare
from app.documents import from_text, read_path
from app.model import Comparison, Link, Relation, Side

CASES = Path(__file__).resolve().parents[2] / "eval" / "cases"
LEXICAL = CompareOptions(engine="lexical")
STEP = 30


@pytest.fixture(scope="module")
def crossing_cmp() -> Comparison:
    """pm-visit-readouts: the two readouts tell the visit in different orders, so some
    links cross."""
    case = CASES / "pm-visit-readouts"
    cmp = compare(read_path(case / "a.txt"), read_path(case / "b.txt"), LEXICAL)
    assert _crossing(cmp)
    return cmp


def _paragraphs(n: int) -> list[str]:
    words = "harbour grain bridge school river court vaccine railway".split()
    return [
        f"Item {i}: the {words[i % 8]} plan number {i} was discussed at length by "
        f"delegation {i}, which noted progress on {words[(i + 3) % 8]} works in district {i}."
        for i in range(n)
    ]


@pytest.fixture(scope="module")
def stray_cmp() -> Comparison:
    """Forty paragraphs told in the same order, plus one stray link from the first
    paragraph of A to the last of B."""
    text = "\n\n".join(_paragraphs(40))
    cmp = compare(from_text(text, "A"), from_text(text, "B"), LEXICAL)
    first_a = min(cmp.side_claims(Side.A), key=lambda c: c.start)
    last_b = max(cmp.side_claims(Side.B), key=lambda c: c.start)
    stray = Link((first_a.id,), (last_b.id,), Relation.SAME, 1.0, manual=True)
    return cmp.replace(links=(*cmp.links, stray))


@pytest.fixture(scope="module")
def moved_cmp() -> Comparison:
    """Forty paragraphs; B tells the first three last."""
    paragraphs = _paragraphs(40)
    text_a = "\n\n".join(paragraphs)
    text_b = "\n\n".join(paragraphs[3:] + paragraphs[:3])
    return compare(from_text(text_a, "A"), from_text(text_b, "B"), LEXICAL)


def _crossing(cmp: Comparison) -> bool:
    """Some two links run in opposite orders in A and in B."""
    pos = {c.id: c.start for c in cmp.claims}
    spans = [(min(pos[c] for c in lk.a), min(pos[c] for c in lk.b)) for lk in cmp.links]
    return any((a1 - a2) * (b1 - b2) < 0 for a1, b1 in spans for a2, b2 in spans)


def _open(window, cmp, qtbot):  # type: ignore[no-untyped-def]
    window.resize(900, 700)
    window.show_comparison(cmp)
    qtbot.wait(10)  # let the layout settle
    return window.view.pane_a, window.view.pane_b


def _sweep(src, dst, values) -> list[int]:  # type: ignore[no-untyped-def]
    """Scroll ``src`` through ``values``; where ``dst`` lands each time."""
    out = []
    for value in values:
        src.verticalScrollBar().setValue(value)
        out.append(dst.verticalScrollBar().value())
    return out


def _down(pane) -> list[int]:  # type: ignore[no-untyped-def]
    end = pane.verticalScrollBar().maximum()
    return [*range(0, end, STEP), end]


@pytest.mark.parametrize("name", ["crossing_cmp", "stray_cmp", "moved_cmp"])
def test_scrolling_one_pane_down_never_moves_the_other_up(window, qtbot, request, name) -> None:  # type: ignore[no-untyped-def]
    pane_a, pane_b = _open(window, request.getfixturevalue(name), qtbot)
    for src, dst in ((pane_a, pane_b), (pane_b, pane_a)):
        values = _down(src)
        assert len(values) > 10  # the pane really scrolls
        down = _sweep(src, dst, values)
        assert all(b >= a for a, b in pairwise(down)), down
        up = _sweep(src, dst, values[::-1])
        assert all(b <= a for a, b in pairwise(up)), up
        # no big jumps: one step never carries the other pane a screenful
        height = dst.viewport().height()
        assert max(b - a for a, b in pairwise(down)) < height, down


def test_stray_link_does_not_steer(window, qtbot, stray_cmp) -> None:  # type: ignore[no-untyped-def]
    """Identical texts: the other pane stays level with the one scrolled, even though a
    link joins the first paragraph of A to the last of B."""
    pane_a, pane_b = _open(window, stray_cmp, qtbot)
    values = _down(pane_a)
    for a, b in zip(values, _sweep(pane_a, pane_b, values), strict=True):
        assert abs(a - b) <= 5, (a, b)


@pytest.mark.parametrize("name", ["crossing_cmp", "stray_cmp", "moved_cmp"])
def test_both_panes_open_at_their_tops(window, qtbot, request, name) -> None:  # type: ignore[no-untyped-def]
    pane_a, pane_b = _open(window, request.getfixturevalue(name), qtbot)
    assert (pane_a.offset(), pane_b.offset()) == (0, 0)


@pytest.mark.parametrize("name", ["crossing_cmp", "stray_cmp", "moved_cmp"])
def test_tops_and_ends_reachable_from_either_pane(window, qtbot, request, name) -> None:  # type: ignore[no-untyped-def]
    pane_a, pane_b = _open(window, request.getfixturevalue(name), qtbot)
    for src, dst in ((pane_a, pane_b), (pane_b, pane_a)):
        end_src = src.verticalScrollBar().maximum()
        end_dst = dst.verticalScrollBar().maximum()
        assert end_src > 0 and end_dst > 0
        # the ends: scrolling one pane to its end takes the other to its end
        assert _sweep(src, dst, _down(src))[-1] == end_dst
        # and the tops: back up to the top of one, the other is back at its top
        assert _sweep(src, dst, _down(src)[::-1])[-1] == 0
