"""The exported brief as a plain structure: what a comparison (or a review, with its notes)
says, in the scope and order that ``BriefOptions`` asks for, ready for a renderer.

It is rendered to Markdown by app/brief_markdown.py and to self-contained HTML by
app/brief_html.py (the PDF is made from the very same HTML, ui/pdf_export.py); the look
and wording the renderers share is in app/brief_style.py, and the words to mark inside a
claim are found by app/brief_marks.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from app import __version__
from app.brief_marks import Fragment, mark_fragments
from app.model import (
    BlockKind,
    Claim,
    Comparison,
    Difference,
    Document,
    Link,
    Relation,
    Side,
    Status,
    TopicCounts,
)
from app.review import Note, ReviewState, claim_target, link_ids, link_target

NoteMap = dict[str, Note]

SCOPES = ("all", "differences", "omissions", "topics")
PAGE_SIZES = ("A4", "Letter")


class BriefError(ValueError):
    """Options that cannot make a brief (unknown scope, topic, page size)."""


@dataclass(frozen=True)
class BriefOptions:
    """What goes into a brief and how it is laid out on paper."""

    scope: str = "all"  # all | differences | omissions | topics
    topics: tuple[str, ...] = ()  # topic ids or labels, for scope "topics"
    summary: bool = True
    side_by_side: bool = True
    full_texts: bool = False
    notes: bool = True
    legend: bool = True
    provenance: bool = True
    title: str = ""
    page_size: str = "A4"
    landscape: bool = False

    def __post_init__(self) -> None:
        if self.scope not in SCOPES:
            raise BriefError(f"unknown scope {self.scope!r} (use one of {', '.join(SCOPES)})")
        if self.page_size not in PAGE_SIZES:
            raise BriefError(f"unknown page size {self.page_size!r} (use A4 or Letter)")
        if self.scope == "topics" and not self.topics:
            raise BriefError("scope 'topics' needs at least one topic")


# --- the structure ----------------------------------------------------------------


@dataclass(frozen=True)
class BriefClaim:
    id: str
    fragments: tuple[Fragment, ...]
    note: str = ""
    flags: frozenset[str] = frozenset()
    # What goes before this claim when it follows another in the same cell: the source's
    # own punctuation when the two are neighbours in the text, else an ellipsis.
    joiner: str = " "
    # Shown in full in an earlier row (a claim can belong to several links): this row
    # refers back to it instead of printing it again.
    repeat: bool = False

    @property
    def text(self) -> str:
        return "".join(f.text for f in self.fragments)

    def opening(self, words: int = 8) -> str:
        """The first few words, for a reference back to the claim."""
        parts = self.text.split()
        return " ".join(parts[:words]) + ("…" if len(parts) > words else "")


@dataclass(frozen=True)
class Pair:
    """One link: claims of A beside claims of B."""

    status: Status
    a: tuple[BriefClaim, ...]
    b: tuple[BriefClaim, ...]
    differences: tuple[Difference, ...] = ()  # the specific ones (figures, dates, who)
    note: str = ""
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class TopicSection:
    id: str
    label: str
    counts: TopicCounts
    pairs: tuple[Pair, ...]
    only_a: tuple[BriefClaim, ...]
    only_b: tuple[BriefClaim, ...]


@dataclass(frozen=True)
class LooseNote:
    """A note written on a link that has since been removed (unlinked, or re-aligned
    away): the claims it joined, so that the reviewer's words still reach the reader."""

    a: tuple[BriefClaim, ...]
    b: tuple[BriefClaim, ...]
    note: str
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Account:
    side: Side
    label: str
    source: str
    url: str
    date: str
    sha256: str
    claims: int


@dataclass(frozen=True)
class Run:
    """A stretch of an annotated full text: plain, or one claim with its status."""

    text: str
    status: Status | None = None


@dataclass(frozen=True)
class Paragraph:
    kind: BlockKind
    runs: tuple[Run, ...]


@dataclass(frozen=True)
class AnnotatedText:
    side: Side
    label: str
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Totals:
    same_links: int
    differs_links: int
    only_a: int
    only_b: int


@dataclass(frozen=True)
class Brief:
    title: str
    accounts: tuple[Account, Account]
    totals: Totals
    topics: tuple[TopicSection, ...]
    texts: tuple[AnnotatedText, ...]
    provenance: tuple[tuple[str, str], ...]
    options: BriefOptions
    generated: str = field(default="")
    # The at-a-glance rows: every topic in scope, even one with nothing to list under
    # the scope (so that the table adds up to the headline).
    glance: tuple[tuple[str, TopicCounts], ...] = ()
    loose_notes: tuple[LooseNote, ...] = ()

    def account(self, side: Side) -> Account:
        return self.accounts[0] if side is Side.A else self.accounts[1]


# --- building ---------------------------------------------------------------------


def build_brief(
    source: ReviewState | Comparison, options: BriefOptions | None = None,
    now: datetime | None = None,
) -> Brief:  # fmt: skip
    """The brief of a comparison (or of a review, with its notes) under ``options``."""
    opts = options or BriefOptions()
    state = source if isinstance(source, ReviewState) else ReviewState(source)
    cmp = state.comparison
    notes = {n.target: n for n in state.notes} if opts.notes else {}
    wanted = _wanted_topics(cmp, opts)
    accounts = (_account(cmp, Side.A), _account(cmp, Side.B))
    sections = _refer_back(_sections(cmp, opts, wanted, notes))
    texts = tuple(_annotated(cmp, side) for side in Side) if opts.full_texts else ()
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    title = opts.title.strip() or default_title(cmp)
    counts = cmp.topic_counts()
    glance = tuple((label, counts.get(tid) or _counts_without_topic(cmp)) for tid, label in wanted)
    loose = _loose_notes(cmp, notes, {tid for tid, _ in wanted}) if opts.side_by_side else ()
    return Brief(
        title, accounts, _totals(cmp, wanted), sections, texts,
        _provenance(cmp, accounts, opts, stamp), opts, stamp, glance, loose,
    )  # fmt: skip


def default_title(cmp: Comparison) -> str:
    return f"{label_of(cmp.doc_a, Side.A)} and {label_of(cmp.doc_b, Side.B)} compared"


def label_of(doc: Document, side: Side) -> str:
    return doc.label.strip() or f"Account {side.value.upper()}"


def _account(cmp: Comparison, side: Side) -> Account:
    doc = cmp.document(side)
    return Account(
        side, label_of(doc, side), doc.source, doc.url, doc.date, doc.sha256,
        len(cmp.side_claims(side)),
    )  # fmt: skip


def _wanted_topics(cmp: Comparison, opts: BriefOptions) -> list[tuple[str, str]]:
    """(id, label) of the topics in the brief, in order; "" is claims without a topic."""
    known = [(t.id, t.label) for t in cmp.topics]
    ids = {t.id for t in cmp.topics}
    if any(c.topic is None or c.topic not in ids for c in cmp.claims):
        known.append(("", "Other"))
    if opts.scope != "topics":
        return known
    picked: list[tuple[str, str]] = []
    for want in opts.topics:
        key = want.strip().casefold()
        match = [t for t in known if key in (t[0].casefold(), t[1].casefold())]
        if not match:
            labels = ", ".join(label for _tid, label in known) or "none"
            raise BriefError(f"no topic {want!r} in this comparison (topics: {labels})")
        picked.extend(m for m in match if m not in picked)
    return [t for t in known if t in picked]


def _topic_of(cmp: Comparison, claim_id: str) -> str:
    topic = cmp.claim_by_id[claim_id].topic
    return topic if topic and topic in {t.id for t in cmp.topics} else ""


def _sections(
    cmp: Comparison, opts: BriefOptions, wanted: list[tuple[str, str]], notes: NoteMap
) -> tuple[TopicSection, ...]:
    pairs: dict[str, list[Pair]] = {tid: [] for tid, _ in wanted}
    only: dict[tuple[str, Side], list[BriefClaim]] = {}
    if opts.scope != "omissions":
        for link in cmp.links:
            if opts.scope == "differences" and link.relation is not Relation.DIFFERS:
                continue
            tid = _topic_of(cmp, (link.a or link.b)[0])
            if tid in pairs:
                pairs[tid].append(_pair(cmp, link, notes))
    if opts.scope != "differences":
        for side in Side:
            for c in cmp.omissions(side):
                tid = _topic_of(cmp, c.id)
                only.setdefault((tid, side), []).append(_claim(c, (), notes))
    counts = cmp.topic_counts()
    out = []
    for tid, label in wanted:
        section = TopicSection(
            tid, label, counts.get(tid) or _counts_without_topic(cmp), tuple(pairs[tid]),
            tuple(only.get((tid, Side.A), ())), tuple(only.get((tid, Side.B), ())),
        )  # fmt: skip
        if section.pairs or section.only_a or section.only_b:
            out.append(section)
    return tuple(out)


def _loose_notes(cmp: Comparison, notes: NoteMap, topics: set[str]) -> tuple[LooseNote, ...]:
    """Notes on links no longer in the comparison whose claims all still exist (a session
    keeps such a note: undoing the unlink brings it back), within the brief's topics."""
    live = {link_target(link) for link in cmp.links}
    out: list[tuple[int, int, LooseNote]] = []
    for note in notes.values():
        ids = link_ids(note.target)
        if ids is None or note.target in live or (not note.text.strip() and not note.flags):
            continue
        ids_a, ids_b = ids
        if not all(i in cmp.claim_by_id for i in ids_a + ids_b):
            continue
        if _topic_of(cmp, ids_a[0]) not in topics:
            continue
        cell_a = _cell(cmp, Side.A, ids_a, (), {})
        cell_b = _cell(cmp, Side.B, ids_b, (), {})
        where = (cmp.claim_by_id[ids_a[0]].start, cmp.claim_by_id[ids_b[0]].start)
        out.append((*where, LooseNote(cell_a, cell_b, note.text.strip(), note.flags)))
    return tuple(n for *_, n in sorted(out, key=lambda x: x[:2]))


def _counts_without_topic(cmp: Comparison) -> TopicCounts:
    counts: dict[str, int] = {}
    for c in cmp.claims:
        if _topic_of(cmp, c.id) == "":
            key = f"{cmp.status(c.id).value}_{c.side.value}"
            counts[key] = counts.get(key, 0) + 1
    return TopicCounts(**counts)


def _pair(cmp: Comparison, link: Link, notes: NoteMap) -> Pair:
    differs = link.relation is Relation.DIFFERS
    diffs = link.differences if differs else ()
    a = _cell(cmp, Side.A, link.a, diffs, notes)
    b = _cell(cmp, Side.B, link.b, diffs, notes)
    specific = tuple(d for d in diffs if d.kind != "phrase")
    note = notes.get(link_target(link))
    status = Status.DIFFERS if differs else Status.SAME
    if note is None:
        return Pair(status, a, b, specific)
    return Pair(status, a, b, specific, note.text.strip(), note.flags)


def _cell(
    cmp: Comparison, side: Side, ids: Sequence[str], diffs: Sequence[Difference], notes: NoteMap
) -> tuple[BriefClaim, ...]:
    """One side of a link: its claims in text order, the differing words marked, each
    joined to the one before it as the source has it (or with an ellipsis)."""
    words = [(d.a if side is Side.A else d.b, d.kind != "phrase") for d in diffs]
    strong = [w for w, specific in words if w and specific]
    phrases = [w for w, specific in words if w and not specific]
    text = cmp.document(side).text
    out: list[BriefClaim] = []
    previous: Claim | None = None
    for claim in sorted((cmp.claim_by_id[i] for i in ids), key=lambda c: (c.start, c.id)):
        joiner = " "
        if previous is not None:
            gap = claim.start - previous.end
            # far apart (or overlapping): text left out, never worth reading through
            joiner = _joiner(text[previous.end : claim.start]) if 0 <= gap <= 80 else " … "
        out.append(_claim(claim, phrases, notes, strong, joiner))
        previous = claim
    return tuple(out)


def _joiner(between: str) -> str:
    """The source's own text between two claims of one cell when they are neighbours:
    spacing and punctuation, or the few words a split left out (", and "); else an
    ellipsis (text left out, or a heading between them)."""
    words = re.findall(r"\w+", between)
    if len(words) > 3 or (words and "\n" in between):
        return " … "
    joined = re.sub(r"\s+", " ", between)
    return joined if joined.endswith(" ") else joined + " "


def _claim(
    claim: Claim, marks: Iterable[str], notes: NoteMap, strong: Iterable[str] = (),
    joiner: str = " ",
) -> BriefClaim:  # fmt: skip
    note = notes.get(claim_target(claim.id))
    fragments = mark_fragments(claim.text, marks, strong)
    if note is None:
        return BriefClaim(claim.id, fragments, joiner=joiner)
    return BriefClaim(claim.id, fragments, note.text.strip(), note.flags, joiner)


def _refer_back(sections: tuple[TopicSection, ...]) -> tuple[TopicSection, ...]:
    """A claim in several links is printed in full in its first row only (in the order of
    the brief); later rows refer back to it."""
    seen: set[str] = set()
    out = []
    for section in sections:
        pairs = []
        for p in section.pairs:
            a = tuple(replace(c, repeat=c.id in seen) for c in p.a)
            b = tuple(replace(c, repeat=c.id in seen) for c in p.b)
            seen.update(c.id for c in (*p.a, *p.b))
            pairs.append(replace(p, a=a, b=b))
        out.append(replace(section, pairs=tuple(pairs)))
    return tuple(out)


def _totals(cmp: Comparison, wanted: list[tuple[str, str]]) -> Totals:
    ids = {tid for tid, _ in wanted}
    same = differs = 0
    for link in cmp.links:
        if _topic_of(cmp, (link.a or link.b)[0]) in ids:
            if link.relation is Relation.DIFFERS:
                differs += 1
            else:
                same += 1
    only = {
        side: sum(1 for c in cmp.omissions(side) if _topic_of(cmp, c.id) in ids) for side in Side
    }
    return Totals(same, differs, only[Side.A], only[Side.B])


def _annotated(cmp: Comparison, side: Side) -> AnnotatedText:
    doc = cmp.document(side)
    claims = sorted(cmp.side_claims(side), key=lambda c: c.start)
    paragraphs = []
    k = 0
    blocks = doc.blocks or ()
    if not blocks and doc.text:
        from app.model import Block  # local: only for documents built without blocks

        blocks = (Block(BlockKind.PARAGRAPH, 0, len(doc.text)),)
    for block in blocks:
        runs: list[Run] = []
        pos = block.start
        while k < len(claims) and claims[k].end <= block.start:
            k += 1
        j = k
        while j < len(claims) and claims[j].start < block.end:
            c = claims[j]
            s, e = max(c.start, pos), min(c.end, block.end)
            if s > pos:
                runs.append(Run(doc.text[pos:s]))
            if e > s:
                runs.append(Run(doc.text[s:e], cmp.status(c.id)))
            pos = max(pos, e)
            j += 1
        if pos < block.end:
            runs.append(Run(doc.text[pos : block.end]))
        if any(r.text.strip() for r in runs):
            paragraphs.append(Paragraph(block.kind, tuple(runs)))
    return AnnotatedText(side, label_of(doc, side), tuple(paragraphs))


def _provenance(
    cmp: Comparison, accounts: Sequence[Account], opts: BriefOptions, stamp: str
) -> tuple[tuple[str, str], ...]:
    engine = cmp.engine + (f" {cmp.engine_version}" if cmp.engine_version else "")
    rows = [("Generated", stamp), ("Parallax", __version__), ("Comparison engine", engine)]
    for acc in accounts:
        where = acc.source or "pasted text"
        rows.append((f"{acc.label} — source", where + (f" ({acc.url})" if acc.url else "")))
        rows.append((f"{acc.label} — SHA-256", acc.sha256 or "not recorded"))
    rows.append(("Scope", describe_scope(opts)))
    return tuple(rows)


def describe_scope(opts: BriefOptions) -> str:
    if opts.scope == "differences":
        return "differences only"
    if opts.scope == "omissions":
        return "omissions only (claims found in one account only)"
    if opts.scope == "topics":
        return "selected topics: " + ", ".join(opts.topics)
    return "everything"
