"""Re-aligning keeps the reviewer's edits, notes and flags wherever their claims survive."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from session_support import (
    TEXT_A,
    TEXT_B,
    base_comparison,
    build_state,
    ops_strategy,
    reviewed_state,
    view_strategy,
)

from app.edits import Edit, EditKind
from app.model import Comparison, Relation
from app.review import Note, ReviewState, claim_target
from app.session import realign


def text_of(cmp: Comparison, claim_id: str) -> str:
    return cmp.claim_by_id[claim_id].text


def note_texts(state: ReviewState) -> dict[str, str]:
    """Note text by the wording of what it is attached to (ids change, wording does not)."""
    out = {}
    for note in state.notes:
        rest = note.target.partition(":")[2]
        ids = rest.replace("|", ",").split(",")
        out[" / ".join(text_of(state.comparison, c) for c in ids)] = note.text
    return out


def test_same_comparison_gives_back_the_same_review() -> None:
    state = reviewed_state()
    new, messages = realign(state, base_comparison())
    assert messages == []
    assert new == state


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(ops_strategy, max_size=10), view=view_strategy)
def test_replaying_random_edits_on_the_same_alignment_is_exact(ops, view) -> None:  # type: ignore[no-untyped-def]
    state = build_state(ops, view)
    new, messages = realign(state, base_comparison())
    assert messages == []
    assert new == state


def test_edited_text_keeps_what_survives_and_reports_the_rest() -> None:
    state = reviewed_state()
    old = state.comparison
    # B gains a sentence at the start (every id on B shifts) and loses the weather sentence,
    # which carried a manual link (to a2) and an "important" flag
    text_b = TEXT_B.replace("The call lasted", "Sources spoke on Wednesday. The call lasted")
    text_b = text_b.replace(" The weather in the capital was bad.", "")
    new_cmp = base_comparison(TEXT_A, text_b)
    state = state.with_note(Note(claim_target("a2"), "Count the people in the photo."))
    new, messages = realign(state, new_cmp)

    assert messages == [
        "Manual link 'Ten people were present…' ↔ 'The weather in the capital was…' dropped: "
        "that claim no longer exists",
        "Flags (important) on 'The weather in the capital was…' dropped: that claim no "
        "longer exists",
    ]
    # the unlink and the relation change were replayed on the new ids
    minister_a, minister_b = "The minister spoke to the president about trade.", \
        "The minister spoke to the president about trade."  # fmt: skip
    cmp = new.comparison
    (link,) = [x for x in cmp.links if text_of(cmp, x.a[0]) == minister_a]
    assert text_of(cmp, link.b[0]) == minister_b
    assert link.manual and link.relation is Relation.DIFFERS
    assert [e.kind for e in new.edits] == [EditKind.UNLINK, EditKind.RELATION]
    assert all(c in cmp.claim_by_id for e in new.edits for c in e.a + e.b)
    # notes follow their wording; the selection too
    kept = note_texts(new)
    assert kept["The call lasted two hours on Monday."] == (
        "Check the duration against the transcript.")  # fmt: skip
    assert kept["Ten people were present, according to the ministry."] == (
        "Count the people in the photo.")  # fmt: skip
    assert kept[f"{minister_a} / {minister_b}"] == "Ünïcode ✓ and\nnewlines"
    assert text_of(cmp, new.view.selected_claim or "") == text_of(
        old, state.view.selected_claim or ""
    )


def test_note_on_a_removed_claim_is_reported() -> None:
    state = reviewed_state()
    text_a = TEXT_A.replace("The call lasted two hours on Monday. ", "")
    new, messages = realign(state, base_comparison(text_a, TEXT_B))
    # the unlink of that claim's link is moot now, so only the note is reported
    assert messages == [
        "Note on 'The call lasted two hours on…' dropped: that claim no longer exists"
    ]
    assert all(n.text != "Check the duration against the transcript." for n in new.notes)


def test_repeated_sentences_match_by_nearest_offset() -> None:
    line = "Nobody was hurt."
    text_a = f"Intro one.\n\n{line} The fire began at noon.\n\nMore text here.\n\n{line}\n"
    base = base_comparison(text_a, "The fire began at noon. Nobody was hurt.\n")
    second = [c for c in base.claims if c.text == line][1]
    state = ReviewState(base).with_note(Note(claim_target(second.id), "the second one"))
    moved = base_comparison("New opening sentence.\n\n" + text_a, base.doc_b.text)
    new, messages = realign(state, moved)
    assert messages == []
    (note,) = new.notes
    target = new.comparison.claim_by_id[note.target.removeprefix("claim:")]
    occurrences = [c.id for c in new.comparison.claims if c.text == line]
    assert target.id == occurrences[1]


def test_link_edit_already_made_by_the_new_alignment_is_kept_as_manual() -> None:
    base = base_comparison()
    link = next(x for x in base.links if x.relation is Relation.SAME)
    unlinked = replace(base, links=tuple(x for x in base.links if x != link))
    edit = Edit(EditKind.LINK, link.a, link.b, Relation.DIFFERS)
    from app.edits import apply

    state = ReviewState(apply(unlinked, edit), edits=(edit,))
    new, messages = realign(state, base)  # the new alignment links them by itself
    assert messages == []
    (again,) = [x for x in new.comparison.links if (x.a, x.b) == (link.a, link.b)]
    assert again.manual and again.relation is Relation.DIFFERS
    assert new.edits == (edit,)
