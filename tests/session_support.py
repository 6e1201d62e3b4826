"""Small reviewed comparisons for the session tests (lexical engine: milliseconds)."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from hypothesis import strategies as st

from app.comparison import CompareOptions, compare
from app.documents import from_text
from app.edits import Edit, EditError, EditKind, apply
from app.model import Comparison, Relation, Side
from app.review import FLAGS, Note, ReviewState, ViewState, claim_target, link_target

TEXT_A = """The call

The call lasted two hours on Monday. The minister spoke to the president about trade. \
Ten people were present, according to the ministry.

The outcome

Officials said the talks were productive. A second meeting is planned for 12 May in Geneva. \
The ministry did not comment on the sanctions.
"""

TEXT_B = """Talks

The call lasted three hours on Tuesday. The minister spoke to the president about trade. \
The weather in the capital was bad.

Officials said the talks were productive. A second meeting is planned for 14 May in Vienna. \
Reporters were not allowed into the building.
"""


@cache
def base_comparison(text_a: str = TEXT_A, text_b: str = TEXT_B) -> Comparison:
    doc_a = from_text(text_a, label="Ministry statement")
    doc_b = from_text(text_b, label="Press report — “wire” copy")
    return compare(doc_a, doc_b, CompareOptions(engine="lexical"))


def reviewed_state() -> ReviewState:
    """The base comparison after a link, an unlink and a relation change, with notes,
    flags and a view: a bit of everything a session keeps."""
    cmp = base_comparison()
    a = [c.id for c in cmp.side_claims(Side.A)]
    b = [c.id for c in cmp.side_claims(Side.B)]
    edits = []
    first = cmp.links[0]
    for edit in (
        Edit(EditKind.UNLINK, first.a, first.b),
        Edit(EditKind.LINK, (a[2],), (b[2],), None),
        Edit(EditKind.RELATION, cmp.links[1].a, cmp.links[1].b, _other(cmp.links[1].relation)),
    ):
        cmp = apply(cmp, edit)
        edits.append(edit)
    state = ReviewState(cmp, edits=tuple(edits))
    state = state.with_note(Note(claim_target(a[0]), "Check the duration against the transcript."))
    state = state.with_note(Note(claim_target(b[2]), "", frozenset({"important"})))
    state = state.with_note(Note(link_target(cmp.links[0]), "Ünïcode ✓ and\nnewlines", frozenset(
        {"reviewed", "important"})))  # fmt: skip
    view = ViewState(selected_claim=a[1], selected_topic=cmp.topics[0].id, filter="differences",
                     scroll_a=340, scroll_b=12)  # fmt: skip
    return replace(state, view=view)


def _other(relation: Relation) -> Relation:
    return Relation.SAME if relation is Relation.DIFFERS else Relation.DIFFERS


# --- random reviews, for Hypothesis ---------------------------------------------------------

_CMP = base_comparison()
_A = [c.id for c in _CMP.side_claims(Side.A)]
_B = [c.id for c in _CMP.side_claims(Side.B)]

_ids_a = st.lists(st.sampled_from(_A), min_size=1, max_size=2, unique=True).map(tuple)
_ids_b = st.lists(st.sampled_from(_B), min_size=1, max_size=2, unique=True).map(tuple)
_relation = st.none() | st.sampled_from(list(Relation))
ops_strategy = st.one_of(
    st.tuples(st.just("link"), _ids_a, _ids_b, _relation),
    st.tuples(st.just("unlink"), st.integers(0, 30)),
    st.tuples(st.just("relation"), st.integers(0, 30), st.sampled_from(list(Relation))),
    st.tuples(
        st.just("note"),
        st.integers(0, 30),
        st.text(max_size=40),
        st.frozensets(st.sampled_from([*FLAGS, "later"])),
    ),
)
view_strategy = st.builds(
    ViewState,
    selected_claim=st.none() | st.sampled_from(_A + _B),
    selected_topic=st.none() | st.sampled_from([t.id for t in _CMP.topics]),
    filter=st.sampled_from(["all", "differences", "omissions"]),
    scroll_a=st.integers(0, 10**7),
    scroll_b=st.integers(0, 10**7),
)


def build_state(ops: list[tuple[object, ...]], view: ViewState) -> ReviewState:
    """Play random GUI actions on the base comparison; edits that do not apply are skipped,
    as the GUI would refuse them."""
    state = ReviewState(_CMP, view=view)
    for op in ops:
        cmp = state.comparison
        if op[0] == "note":
            _, k, text, flags = op
            targets = [claim_target(c.id) for c in cmp.claims] + [link_target(x) for x in cmp.links]
            state = state.with_note(Note(targets[int(k) % len(targets)], str(text), flags))  # type: ignore[arg-type]
            continue
        if op[0] == "link":
            edit = Edit(EditKind.LINK, op[1], op[2], op[3])  # type: ignore[arg-type]
        elif not cmp.links:
            continue
        else:
            link = cmp.links[int(op[1]) % len(cmp.links)]  # type: ignore[call-overload]
            kind = EditKind.UNLINK if op[0] == "unlink" else EditKind.RELATION
            edit = Edit(kind, link.a, link.b, op[2] if kind is EditKind.RELATION else None)  # type: ignore[arg-type]
        try:
            cmp = apply(cmp, edit)
        except EditError:
            continue
        state = replace(state, comparison=cmp, edits=(*state.edits, edit))
    return state
