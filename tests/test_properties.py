"""Hypothesis properties of the whole core on generated texts (lexical engine: fast, exact)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from app.comparison import CompareOptions, compare
from app.documents import from_text
from app.model import Comparison, Side
from app.relations import differences
from app.segment import segment

WORDS = ["the", "minister", "agreed", "to", "a", "truce", "of", "30", "days", "Geneva",
         "talks", "prisoners", "were", "exchanged", "U.S.", "Mr.", "No.", "2", "and", "as",
         "well", "grain", "exports", "“quote”", "—", ";", ",", "2.5", "hours", "Russia",
         "Iran"]  # fmt: skip
sentence = st.builds(
    lambda ws, end: " ".join(ws) + end,
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
    st.sampled_from([".", "!", "?", ""]),
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
document = (
    st.lists(paragraph, min_size=1, max_size=4)
    .map("\n\n".join)
    .filter(lambda t: any(ch.isalnum() for ch in t))
)
raw_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300
)

LEXICAL = CompareOptions(engine="lexical")


@given(st.one_of(document, raw_text))
def test_claim_offsets_always_slice_to_the_claim_text(text: str) -> None:
    if not any(ch.isalnum() for ch in text):
        return
    doc = from_text(text)
    previous_end = -1
    for claim in segment(doc, Side.A):
        assert doc.text[claim.start : claim.end] == claim.text
        assert claim.text == claim.text.strip() and claim.text
        assert claim.start >= previous_end, "claims do not overlap and keep reading order"
        previous_end = claim.end


@settings(max_examples=40)
@given(document, document)
def test_every_claim_is_linked_or_an_omission(text_a: str, text_b: str) -> None:
    cmp = compare(from_text(text_a), from_text(text_b), LEXICAL)
    ids = {c.id for c in cmp.claims}
    linked = {cid for link in cmp.links for cid in link.claim_ids()}
    omitted = {c.id for side in Side for c in cmp.omissions(side)}
    assert linked <= ids
    assert linked | omitted == ids and not linked & omitted
    for link in cmp.links:
        assert link.a and link.b
        assert all(cmp.claim_by_id[x].side is Side.A for x in link.a)
        assert all(cmp.claim_by_id[y].side is Side.B for y in link.b)
    assert all(c.topic in {t.id for t in cmp.topics} for c in cmp.claims)


def _pairs(cmp: Comparison, swap: bool) -> set[tuple[int, int, int, int, str]]:
    out = set()
    for link in cmp.links:
        for x in link.a:
            for y in link.b:
                ca, cb = cmp.claim_by_id[x], cmp.claim_by_id[y]
                pa, pb = (ca.start, ca.end), (cb.start, cb.end)
                if swap:
                    pa, pb = pb, pa
                out.add((*pa, *pb, link.relation.value))
    return out


@settings(max_examples=40)
@given(document, document)
def test_swapping_a_and_b_mirrors_the_result(text_a: str, text_b: str) -> None:
    ab = compare(from_text(text_a), from_text(text_b), LEXICAL)
    ba = compare(from_text(text_b), from_text(text_a), LEXICAL)
    assert _pairs(ab, swap=False) == _pairs(ba, swap=True)


FIGURE_WORDS = ["Monday", "Friday", "today", "yesterday", "next year", "last year", "2 March",
                "23 February 2026", "2026", "3 to 4 June", "two hours", "120 minutes", "12:00",
                "noon", "a day", "150 trucks", "over the next year", "talks", "met", "in",
                "Geneva", ",", "Lula da Silva said"]  # fmt: skip
figure_text = st.lists(st.sampled_from(FIGURE_WORDS), min_size=1, max_size=8).map(" ".join)
day_of_issue = st.one_of(
    st.none(), st.dates(min_value=date(2025, 12, 1), max_value=date(2026, 4, 1))
)


@given(figure_text, figure_text, day_of_issue, day_of_issue)
def test_swapping_a_and_b_mirrors_the_differences(
    text_a: str, text_b: str, day_a: date | None, day_b: date | None
) -> None:
    ab = differences(text_a, text_b, days=(day_a, day_b))
    ba = differences(text_b, text_a, days=(day_b, day_a))
    assert sorted((d.kind, d.a or "", d.b or "") for d in ab) == sorted(
        (d.kind, d.b or "", d.a or "") for d in ba
    )
