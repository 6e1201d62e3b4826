"""Reading order for next/previous difference and omission across both accounts (no Qt).

Differences are links, ordered by where they start in A. Omissions sit on either side;
a claim only in B is placed just after the B claim before it that has a counterpart in A,
so stepping through omissions follows the story instead of finishing A before B starts.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from app.model import Comparison, Relation, Side


def reading_keys(cmp: Comparison) -> dict[str, float]:
    """Claim id -> position in a merged reading order (A's order, B slotted in)."""
    order_a = {c.id: i for i, c in enumerate(sorted(cmp.side_claims(Side.A), key=_start))}
    keys: dict[str, float] = dict(order_a)
    anchor, step = -1.0, 0
    for claim in sorted(cmp.side_claims(Side.B), key=_start):
        partners = [order_a[c] for c in cmp.counterparts(claim.id) if c in order_a]
        if partners:
            anchor, step = float(min(partners)), 0
            keys[claim.id] = anchor
        else:
            step += 1
            keys[claim.id] = anchor + 0.5 - 0.5 / (step + 1)  # after the anchor, before the next
    return keys


def differences(cmp: Comparison, topic: str | None = None) -> list[int]:
    """Indexes of the ``differs`` links, in reading order."""
    keys = reading_keys(cmp)
    found = [
        i
        for i, link in enumerate(cmp.links)
        if link.relation is Relation.DIFFERS and _in_topic(cmp, link.claim_ids(), topic)
    ]
    return sorted(found, key=lambda i: min(keys[c] for c in cmp.links[i].claim_ids()))


def agreements(cmp: Comparison, topic: str | None = None) -> int:
    """How many ``same`` links there are (in the topic, when one is given)."""
    return sum(
        1
        for link in cmp.links
        if link.relation is Relation.SAME and _in_topic(cmp, link.claim_ids(), topic)
    )


def omissions(cmp: Comparison, topic: str | None = None) -> list[str]:
    """Claims that only one side makes, in reading order (A before B on ties)."""
    keys = reading_keys(cmp)
    found = [c.id for side in Side for c in cmp.omissions(side) if _in_topic(cmp, (c.id,), topic)]
    return sorted(found, key=lambda cid: (keys[cid], cmp.claim_by_id[cid].side.value))


def step(keys: list[float], current: float | None, at: int | None, forward: bool) -> int | None:
    """Index of the next (or previous) item. ``at`` is the item the selection is on, if
    any; otherwise ``current`` is the reading key of the selection (None: before the
    start). Wraps around at either end; None when there are no items."""
    if not keys:
        return None
    n = len(keys)
    if at is not None:
        return (at + (1 if forward else -1)) % n
    if current is None:
        return 0 if forward else n - 1
    if forward:
        i = bisect_right(keys, current)
        return i % n
    i = bisect_left(keys, current) - 1
    return i % n


def _in_topic(cmp: Comparison, ids: tuple[str, ...], topic: str | None) -> bool:
    return topic is None or any(cmp.claim_by_id[c].topic == topic for c in ids)


def _start(claim: object) -> int:
    return claim.start  # type: ignore[attr-defined, no-any-return]
