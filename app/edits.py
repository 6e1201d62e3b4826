"""Manual corrections to a comparison: link, unlink, change a relation.

Edits are plain values applied by pure functions, so the GUI can undo them (keep the
Comparison before and after) and a session can replay them after re-aligning.

A claim is in one link at most: linking claims that are already linked takes them out of
their old links first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from app import relations
from app.model import Comparison, Link, Relation, Side
from app.text import people_names


class EditKind(StrEnum):
    LINK = "link"
    UNLINK = "unlink"
    RELATION = "relation"


class EditError(Exception):
    """An edit that does not apply to this comparison (claims missing, link absent)."""


@dataclass(frozen=True, slots=True)
class Edit:
    kind: EditKind
    a: tuple[str, ...]
    b: tuple[str, ...]
    relation: Relation | None = None


def link_key(link: Link) -> tuple[tuple[str, ...], tuple[str, ...]]:
    return link.a, link.b


def find_link(cmp: Comparison, a: tuple[str, ...], b: tuple[str, ...]) -> int:
    for i, link in enumerate(cmp.links):
        if link.a == a and link.b == b:
            return i
    raise EditError(f"no link joins {'+'.join(a)} and {'+'.join(b)}")


def apply(cmp: Comparison, edit: Edit) -> Comparison:
    """The comparison with ``edit`` applied; raises EditError if it cannot apply."""
    missing = [c for c in edit.a + edit.b if c not in cmp.claim_by_id]
    if missing:
        raise EditError(f"claims no longer exist: {', '.join(missing)}")
    if any(cmp.claim_by_id[c].side is not Side.A for c in edit.a) or any(
        cmp.claim_by_id[c].side is not Side.B for c in edit.b
    ):
        raise EditError("a link joins claims of A with claims of B")
    links = list(cmp.links)
    if edit.kind is EditKind.LINK:
        if not edit.a or not edit.b:
            raise EditError("a link needs a claim on each side")
        a, b = tuple(sorted(edit.a, key=_order)), tuple(sorted(edit.b, key=_order))
        if any(link.a == a and link.b == b for link in links):
            raise EditError("those claims are already linked")
        new = Link(a, b, edit.relation or Relation.SAME, 1.0, manual=True)
        # read as the alignment reads its links: names known from all claims, days of issue
        people = people_names([c.text for c in cmp.claims])
        days = relations.document_days(cmp.doc_a, cmp.doc_b)
        new = relations.relate(new, cmp.claim_by_id, people, days)
        if edit.relation is None:
            auto = relations.relate(replace(new, manual=False), cmp.claim_by_id, people, days)
            new = replace(new, relation=auto.relation)
        links = _without(
            links,
            set(a + b),
            lambda x: relations.relate(replace(x, manual=False), cmp.claim_by_id, people, days),
        )
        links.append(new)
        links.sort(key=lambda link: (_order(link.a[0]), _order(link.b[0])))
    elif edit.kind is EditKind.UNLINK:
        del links[find_link(cmp, edit.a, edit.b)]
    else:
        if edit.relation is None:
            raise EditError("a relation edit needs a relation")
        i = find_link(cmp, edit.a, edit.b)
        links[i] = replace(links[i], relation=edit.relation, manual=True)
    return cmp.replace(links=tuple(links))


def _without(links: list[Link], taken: set[str], relate: Callable[[Link], Link]) -> list[Link]:
    """The links with the claims of a new link taken out of them: a claim is in one link at
    most. A link left with claims on both sides is read again, relation and all (a relation
    set by hand was about the claims it no longer has), and stays manual if it was; one
    left with no claim on a side is gone (its other claims become omissions)."""
    kept = []
    for link in links:
        a = tuple(c for c in link.a if c not in taken)
        b = tuple(c for c in link.b if c not in taken)
        if (a, b) == (link.a, link.b):
            kept.append(link)
        elif a and b:
            kept.append(replace(relate(replace(link, a=a, b=b)), manual=link.manual))
    return kept


def _order(claim_id: str) -> int:
    digits = claim_id[1:]
    return int(digits) if digits.isdigit() else 0
