"""What the reviewer has selected: claims picked by hand and the link in focus (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass

from app.edits import EditError, find_link
from app.model import Comparison, Side, Status

LinkKey = tuple[tuple[str, ...], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Selection:
    """``claims`` were picked (the first is the focus); ``link`` is the link shown in the
    detail panel, kept as its claim ids so it survives edits that reorder the links;
    ``shown``: the link was brought up to be looked at (F7, a click on the link map), not
    picked, so the first Ctrl+click starts a pick of its own."""

    claims: tuple[str, ...] = ()
    link: LinkKey | None = None
    shown: bool = False

    @property
    def focus(self) -> str | None:
        return self.claims[0] if self.claims else None

    def valid_in(self, cmp: Comparison) -> Selection:
        """The part of this selection that still exists in ``cmp``."""
        claims = tuple(c for c in self.claims if c in cmp.claim_by_id)
        link = self.link if self.link and link_index(cmp, self.link) is not None else None
        return Selection(claims, link)

    def focus_link(self, cmp: Comparison) -> int | None:
        """Index of the link in focus: the chosen one, else the focus claim's first."""
        if self.link is not None:
            idx = link_index(cmp, self.link)
            if idx is not None:
                return idx
        links = cmp.links_of.get(self.focus or "", [])
        return links[0] if links else None

    def links(self, cmp: Comparison) -> set[int]:
        return {i for c in self.claims for i in cmp.links_of.get(c, [])}

    def related(self, cmp: Comparison) -> set[str]:
        """Every claim joined to a selected claim by a link."""
        return {c for i in self.links(cmp) for c in cmp.links[i].claim_ids()}

    def side_ids(self, cmp: Comparison, side: Side) -> tuple[str, ...]:
        return tuple(c for c in self.claims if cmp.claim_by_id[c].side is side)

    def toggled(self, claim_id: str) -> Selection:
        """With ``claim_id`` picked too, or no longer (a Ctrl+click)."""
        if self.shown and claim_id not in self.claims:
            return Selection((claim_id,))
        if claim_id in self.claims:
            return Selection(tuple(c for c in self.claims if c != claim_id), self.link)
        return Selection((*self.claims, claim_id), self.link)


def link_index(cmp: Comparison, key: LinkKey) -> int | None:
    try:
        return find_link(cmp, *key)
    except EditError:
        return None


def muted_claims(cmp: Comparison, filter_: str, topic: str | None) -> set[str]:
    """Claims the filters push into the background (``differences``/``omissions``, topic)."""
    keep = {"differences": Status.DIFFERS, "omissions": Status.ONLY}.get(filter_)
    return {
        c.id
        for c in cmp.claims
        if (keep is not None and cmp.status(c.id) is not keep)
        or (topic is not None and c.topic != topic)
    }
