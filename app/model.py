"""Plain, immutable data that the whole of Parallax passes around."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property


class Side(StrEnum):
    A = "a"
    B = "b"

    @property
    def other(self) -> Side:
        return Side.B if self is Side.A else Side.A


class Relation(StrEnum):
    SAME = "same"
    DIFFERS = "differs"


class Status(StrEnum):
    """How a claim stands once the comparison is done (what the panes colour)."""

    SAME = "same"
    DIFFERS = "differs"
    ONLY = "only"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"


def web_address(url: str) -> bool:
    """Whether ``url`` may be shown as a link: http and https only (a session or a typed
    field could carry ``javascript:`` or ``file:``, which must stay plain text)."""
    scheme, sep, rest = url.strip().partition(":")
    return bool(sep and rest.startswith("//")) and scheme.lower() in ("http", "https")


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, paragraph or list item: ``text[start:end]`` of its document."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True)
class Document:
    """One account, as the text that claim offsets index."""

    text: str
    blocks: tuple[Block, ...]
    label: str = ""
    source: str = ""
    url: str = ""
    date: str = ""
    sha256: str = ""
    #: how a file's bytes were read ("UTF-8", "Windows-1251 (Cyrillic)"), for the reader
    #: to check; empty for pasted text. Not saved in sessions: the text is.
    encoding: str = field(default="", compare=False)

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.HEADING]


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    side: Side
    start: int
    end: int
    text: str
    sentence: int = 0
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class Difference:
    """One thing that differs inside a ``differs`` link.

    ``kind`` is one of ``number``, ``date``, ``time``, ``duration``, ``actor``, ``condition``,
    ``phrase``;
    ``a``/``b`` hold the wording on each side, ``None`` where that side says nothing.
    """

    kind: str
    a: str | None
    b: str | None


@dataclass(frozen=True, slots=True)
class Link:
    a: tuple[str, ...]
    b: tuple[str, ...]
    relation: Relation
    score: float
    differences: tuple[Difference, ...] = ()
    manual: bool = False

    def claim_ids(self) -> tuple[str, ...]:
        return self.a + self.b

    def side_ids(self, side: Side) -> tuple[str, ...]:
        return self.a if side is Side.A else self.b


@dataclass(frozen=True, slots=True)
class Topic:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class TopicCounts:
    """Per topic: claims on each side that agree, differ, or stand alone."""

    same_a: int = 0
    same_b: int = 0
    differs_a: int = 0
    differs_b: int = 0
    only_a: int = 0
    only_b: int = 0


@dataclass(frozen=True)
class Comparison:
    """The result of comparing document A with document B."""

    doc_a: Document
    doc_b: Document
    claims: tuple[Claim, ...]
    links: tuple[Link, ...]
    topics: tuple[Topic, ...] = ()
    engine: str = "lexical"
    engine_version: str = ""
    extra: dict[str, object] = field(default_factory=dict, compare=False)

    def document(self, side: Side) -> Document:
        return self.doc_a if side is Side.A else self.doc_b

    def side_claims(self, side: Side) -> list[Claim]:
        return [c for c in self.claims if c.side is side]

    @cached_property
    def claim_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def links_of(self) -> dict[str, list[int]]:
        """Claim id -> indexes into ``links`` of the links it takes part in."""
        out: dict[str, list[int]] = {}
        for i, link in enumerate(self.links):
            for cid in link.claim_ids():
                out.setdefault(cid, []).append(i)
        return out

    def status(self, claim_id: str) -> Status:
        idx = self.links_of.get(claim_id)
        if not idx:
            return Status.ONLY
        if any(self.links[i].relation is Relation.DIFFERS for i in idx):
            return Status.DIFFERS
        return Status.SAME

    def counterparts(self, claim_id: str) -> list[str]:
        claim = self.claim_by_id[claim_id]
        out: list[str] = []
        for i in self.links_of.get(claim_id, []):
            for cid in self.links[i].side_ids(claim.side.other):
                if cid not in out:
                    out.append(cid)
        return out

    def omissions(self, side: Side) -> list[Claim]:
        return [c for c in self.side_claims(side) if c.id not in self.links_of]

    def topic_counts(self) -> dict[str, TopicCounts]:
        counts: dict[str, dict[str, int]] = {t.id: {} for t in self.topics}
        for c in self.claims:
            if c.topic is None or c.topic not in counts:
                continue
            key = f"{self.status(c.id).value}_{c.side.value}"
            counts[c.topic][key] = counts[c.topic].get(key, 0) + 1
        return {tid: TopicCounts(**vals) for tid, vals in counts.items()}

    def replace(self, **changes: object) -> Comparison:
        """A copy with fields changed (cached lookups are rebuilt)."""
        fields = {
            "doc_a": self.doc_a,
            "doc_b": self.doc_b,
            "claims": self.claims,
            "links": self.links,
            "topics": self.topics,
            "engine": self.engine,
            "engine_version": self.engine_version,
            "extra": dict(self.extra),
        }
        fields.update(changes)
        return Comparison(**fields)  # type: ignore[arg-type]
