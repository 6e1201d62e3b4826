"""Re-aligning a reviewed comparison without losing the review: edits, notes and flags.

Claim ids are positions (``a12`` is the 13th claim of A), so after an edit of the text or
a change of engine the same id may name another sentence. Old claims are therefore matched
to new ones by their exact wording, and among equal wordings by the nearest offset; the
reviewer's edits are replayed in order on the new comparison through those matches.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from app.edits import Edit, EditError, EditKind, apply
from app.model import Comparison, Side
from app.review import Note, ReviewState, link_ids, link_target

__all__ = ["match_claims", "realign"]

SNIPPET = 32


def realign(state: ReviewState, new_comparison: Comparison) -> tuple[ReviewState, list[str]]:
    """``state`` moved onto ``new_comparison``: edits replayed, notes and flags kept wherever
    their claims still exist. Returns the new state and one message per thing not kept."""
    old = state.comparison
    ids = match_claims(old, new_comparison)
    messages: list[str] = []
    cmp = new_comparison.replace(extra={**old.extra, **new_comparison.extra})
    kept: list[Edit] = []
    for edit in state.edits:
        cmp, message = _replay(cmp, edit, ids, old, kept)
        if message:
            messages.append(message)
    notes = []
    for note in state.notes:
        target = _map_target(note.target, ids, cmp)
        if target is None:
            messages.append(f"{_note_label(note, old)} dropped: {_gone(note.target)}")
        else:
            notes.append(replace(note, target=target))
    view = state.view
    topic = view.selected_topic
    view = replace(
        view,
        selected_claim=ids.get(view.selected_claim or ""),
        selected_topic=topic if any(t.id == topic for t in cmp.topics) else None,
    )
    return ReviewState(cmp, tuple(notes), tuple(kept), view), messages


def match_claims(old: Comparison, new: Comparison) -> dict[str, str]:
    """Old claim id -> new claim id, for claims whose exact wording survives on the same side.
    Repeated wordings pair up closest offsets first, each new claim used once."""
    pool: dict[tuple[Side, str], list[tuple[int, str]]] = defaultdict(list)
    for c in new.claims:
        pool[(c.side, c.text)].append((c.start, c.id))
    wanted: dict[tuple[Side, str], list[tuple[int, str]]] = defaultdict(list)
    for c in old.claims:
        wanted[(c.side, c.text)].append((c.start, c.id))
    out: dict[str, str] = {}
    for key, olds in wanted.items():
        news = pool.get(key, [])
        if len(olds) == 1 and len(news) == 1:  # the usual case, no need to rank
            out[olds[0][1]] = news[0][1]
            continue
        pairs = sorted((abs(s - t), o, n) for s, o in olds for t, n in news)
        used: set[str] = set()
        for _dist, o, n in pairs:
            if o not in out and n not in used:
                out[o] = n
                used.add(n)
    return out


def _replay(
    cmp: Comparison, edit: Edit, ids: dict[str, str], old: Comparison, kept: list[Edit]
) -> tuple[Comparison, str | None]:
    label = _edit_label(edit, old)
    if any(c not in ids for c in edit.a + edit.b):
        if edit.kind is EditKind.UNLINK:
            return cmp, None  # a claim that is gone cannot be linked: nothing left to keep
        return cmp, f"{label} dropped: {_gone_ids(edit.a + edit.b, ids)}"
    a, b = tuple(ids[c] for c in edit.a), tuple(ids[c] for c in edit.b)
    existing = next((x for x in cmp.links if set(x.a) == set(a) and set(x.b) == set(b)), None)
    if existing is not None and edit.kind is not EditKind.LINK:
        a, b = existing.a, existing.b  # the link's own order, which find_link matches
    mapped = Edit(edit.kind, a, b, edit.relation)
    try:
        if edit.kind is EditKind.LINK and existing is not None:
            # the new alignment already made this link: keep the reviewer's say over it
            relation = edit.relation or existing.relation
            cmp = apply(cmp, Edit(EditKind.RELATION, existing.a, existing.b, relation))
        else:
            cmp = apply(cmp, mapped)
    except EditError as exc:
        if edit.kind is EditKind.UNLINK and not _joined(cmp, a, b):
            return cmp, None  # already apart in the new alignment: nothing left to do
        if existing is None and edit.kind is not EditKind.LINK:
            return cmp, f"{label} dropped: the new alignment does not link these claims"
        return cmp, f"{label} dropped: {exc}"
    kept.append(mapped)
    return cmp, None


def _joined(cmp: Comparison, a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return any(set(link.a) & set(a) and set(link.b) & set(b) for link in cmp.links)


def _map_target(target: str, ids: dict[str, str], cmp: Comparison) -> str | None:
    kind, _, rest = target.partition(":")
    if kind == "claim":
        return f"claim:{ids[rest]}" if rest in ids else None
    if kind == "link":
        order = {c.id: i for i, c in enumerate(cmp.claims)}
        sides = [part.split(",") for part in rest.split("|", 1)]
        if len(sides) != 2 or any(c not in ids for part in sides for c in part):
            return None
        a, b = (sorted((ids[c] for c in part), key=order.__getitem__) for part in sides)
        same = (x for x in cmp.links if set(x.a) == set(a) and set(x.b) == set(b))
        return next((link_target(x) for x in same), f"link:{','.join(a)}|{','.join(b)}")
    return None


def _snippet(cmp: Comparison, claim_id: str) -> str:
    claim = cmp.claim_by_id.get(claim_id)
    if claim is None:
        return claim_id
    text = " ".join(claim.text.split())
    if len(text) <= SNIPPET:
        return f"'{text}'"
    cut = text[:SNIPPET].rsplit(" ", 1)[0] or text[:SNIPPET]
    return f"'{cut.rstrip(' ,;:')}…'"


def _sides_label(cmp: Comparison, a: Sequence[str], b: Sequence[str]) -> str:
    return f"{' + '.join(_snippet(cmp, c) for c in a)} ↔ {' + '.join(_snippet(cmp, c) for c in b)}"


def _edit_label(edit: Edit, old: Comparison) -> str:
    pair = _sides_label(old, edit.a, edit.b)
    if edit.kind is EditKind.LINK:
        return f"Manual link {pair}"
    if edit.kind is EditKind.UNLINK:
        return f"Unlink of {pair}"
    relation = edit.relation.value if edit.relation else "?"
    return f"Relation '{relation}' on {pair}"


def _note_label(note: Note, old: Comparison) -> str:
    what = "Note" if note.text.strip() else f"Flags ({', '.join(sorted(note.flags))})"
    ids = link_ids(note.target)
    if ids is None:
        return f"{what} on {_snippet(old, note.target.partition(':')[2])}"
    return f"{what} on the link {_sides_label(old, *ids)}"


def _gone(target: str) -> str:
    if target.startswith("claim:"):
        return "that claim no longer exists"
    return "its claims no longer all exist"


def _gone_ids(claim_ids: tuple[str, ...], ids: dict[str, str]) -> str:
    missing = [c for c in claim_ids if c not in ids]
    return "that claim no longer exists" if len(missing) == 1 else "those claims no longer exist"
