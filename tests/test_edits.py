"""Manual links over claims that are already linked: a claim stays in one link at most."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.comparison import CompareOptions, compare
from app.documents import from_text
from app.edits import Edit, EditError, EditKind, apply
from app.model import Comparison, Relation

TEXT_A = (
    "The ministers agreed to reopen the grain corridor on 3 May. "
    "They discussed the exchange of prisoners. "
    "Talks will resume in Geneva next week."
)
TEXT_B = (
    "The grain corridor will reopen on 3 May, the ministers agreed. "
    "A prisoner exchange was discussed. "
    "The two sides will meet again in Geneva."
)


def _cmp() -> Comparison:
    return compare(from_text(TEXT_A), from_text(TEXT_B), CompareOptions(engine="lexical"))


def _pairs(cmp: Comparison) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    return {(link.a, link.b) for link in cmp.links}


def _claims_in_links(cmp: Comparison) -> list[str]:
    return [c for link in cmp.links for c in link.a + link.b]


def test_linking_a_linked_claim_moves_it_out_of_its_old_link() -> None:
    cmp = _cmp()
    assert (("a0",), ("b0",)) in _pairs(cmp)
    moved = apply(cmp, Edit(EditKind.LINK, ("a0",), ("b1",)))
    assert (("a0",), ("b1",)) in _pairs(moved)
    assert not [x for x in moved.links if "b0" in x.b]  # b0 is now an omission
    assert sorted(_claims_in_links(moved)) == sorted(set(_claims_in_links(moved)))


def test_a_link_that_loses_a_claim_keeps_the_rest_and_is_read_again() -> None:
    auto = _cmp()
    first = next(x for x in auto.links if x.a == ("a0",))
    assert first.relation is Relation.SAME  # the corridor reopens on 3 May on both sides
    cmp = apply(auto, Edit(EditKind.UNLINK, ("a0",), ("b0",)))
    cmp = apply(cmp, Edit(EditKind.UNLINK, ("a1",), ("b1",)))
    both = apply(cmp, Edit(EditKind.LINK, ("a0", "a1"), ("b0",), Relation.SAME))
    assert (("a0", "a1"), ("b0",)) in _pairs(both)
    both = apply(both, Edit(EditKind.RELATION, ("a0", "a1"), ("b0",), Relation.DIFFERS))
    split = apply(both, Edit(EditKind.LINK, ("a1",), ("b1",)))
    assert {(("a0",), ("b0",)), (("a1",), ("b1",))} <= _pairs(split)
    kept = next(x for x in split.links if x.a == ("a0",))
    # read again: the relation set by hand was about a1 as well, which it no longer has;
    # the prisoners of a1 no longer count against b0, and it stays a link made by hand
    assert kept.relation is first.relation and kept.differences == first.differences
    assert kept.manual


def test_the_same_link_twice_is_refused() -> None:
    cmp = _cmp()
    link = cmp.links[0]
    try:
        apply(cmp, Edit(EditKind.LINK, link.a, link.b))
    except EditError as exc:
        assert "already linked" in str(exc)
    else:
        raise AssertionError("linking the same claims twice should fail")


_IDS_A = st.lists(st.sampled_from(["a0", "a1", "a2"]), min_size=1, max_size=3, unique=True)
_IDS_B = st.lists(st.sampled_from(["b0", "b1", "b2"]), min_size=1, max_size=3, unique=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_IDS_A, _IDS_B), max_size=6))
def test_any_run_of_links_keeps_each_claim_in_one_link_at_most(
    edits: list[tuple[list[str], list[str]]],
) -> None:
    cmp = _cmp()
    for a, b in edits:
        try:
            cmp = apply(cmp, Edit(EditKind.LINK, tuple(a), tuple(b)))
        except EditError:
            continue
        assert (tuple(sorted(a)), tuple(sorted(b))) in _pairs(cmp)
        claims = _claims_in_links(cmp)
        assert len(claims) == len(set(claims))
