"""Hypothesis properties of the whole core on generated texts (lexical engine: fast, exact)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.comparison import CompareOptions, compare
from app.documents import from_text
from app.model import Comparison, Side
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
