"""The one entry point of the core: compare two Documents into a Comparison."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from app import align, relations, topics
from app.align import AlignConfig, Cancelled
from app.documents import DocumentError
from app.engines import Bag, Engine, Vectors, lexical_bags, make_engine
from app.model import Claim, Comparison, Document, Link, Side
from app.segment import segment
from app.text import people_names

__all__ = ["Cancelled", "CompareOptions", "compare"]

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

#: Beyond this many claims a side the semantic engine would run for many minutes; such a
#: text is a book, not an account, and is better compared in parts.
MAX_CLAIMS = 20_000

# share of the progress bar each stage takes
_STAGES = {"segment": 2, "embed": 80, "align": 10, "relate": 5, "topics": 3}


@dataclass(frozen=True)
class CompareOptions:
    engine: str = "auto"
    #: None: the engine's own default (see align.default_config)
    align: AlignConfig | None = None


class _Reporter:
    """Turns per-stage progress into one 0..1000 figure and checks for cancellation."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self._progress, self._cancel = progress, cancel
        self._done = 0

    def stage(self, name: str) -> Progress:
        base, width = self._done, _STAGES[name]
        self._done += width

        def report(done: int, total: int) -> None:
            self.check()
            if self._progress and total:
                self._progress(int(10 * (base + width * min(done, total) / total)), 1000)

        return report

    def cancelled(self) -> bool:
        return bool(self._cancel and self._cancel())

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled


def compare(
    doc_a: Document,
    doc_b: Document,
    options: CompareOptions | None = None,
    progress: Progress | None = None,
    should_cancel: Cancel | None = None,
    engine: Engine | None = None,
) -> Comparison:
    """Segment, embed, align, relate and group both documents. Raises Cancelled when
    ``should_cancel`` returns True; ``progress(done, total)`` is called along the way."""
    opts = options or CompareOptions()
    rep = _Reporter(progress, should_cancel)
    seg = rep.stage("segment")
    claims_a = segment(doc_a, Side.A)
    seg(1, 2)
    claims_b = segment(doc_b, Side.B)
    seg(2, 2)
    for label, claims in (("A", claims_a), ("B", claims_b)):
        if len(claims) > MAX_CLAIMS:
            raise DocumentError(
                f"account {label} is too long to compare: {len(claims):,} claims "
                f"(the limit is {MAX_CLAIMS:,}; split it into parts)"
            )
    eng = engine or make_engine(opts.engine, (doc_a.text, doc_b.text))
    texts = [c.text for c in claims_a] + [c.text for c in claims_b]
    sem = eng.embed(texts, rep.stage("embed")) if texts else np.zeros((0, 1), np.float32)
    bags = lexical_bags(texts) if eng.name != "lexical" else None
    cfg = opts.align or align.default_config(eng.name)
    links = align_claims(
        claims_a,
        claims_b,
        doc_a.text,
        doc_b.text,
        sem,
        bags,
        cfg,
        rep.stage("align"),
        rep.cancelled,
    )
    relate = rep.stage("relate")
    by_id = _by_id(claims_a, claims_b)
    people = people_names(texts)
    days = relations.document_days(doc_a, doc_b)
    links = [relations.relate(link, by_id, people, days) for link in links]
    relate(1, 1)
    topic_list, claims = topics.assign(
        doc_a, doc_b, claims_a + claims_b, links, sem, people, eng.embed
    )
    rep.stage("topics")(1, 1)
    return Comparison(
        doc_a, doc_b, tuple(claims), tuple(links), tuple(topic_list),
        engine=eng.name, engine_version=eng.version,
    )  # fmt: skip


def _by_id(claims_a: list[Claim], claims_b: list[Claim]) -> dict[str, Claim]:
    return {c.id: c for c in claims_a + claims_b}


def align_claims(
    claims_a: list[Claim],
    claims_b: list[Claim],
    text_a: str,
    text_b: str,
    sem: Vectors,
    bags: list[Bag] | None,
    cfg: AlignConfig,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> list[Link]:
    """Links between the claims, from their vectors (rows: A's claims, then B's)."""
    n, m = len(claims_a), len(claims_b)
    if not n or not m:
        return []
    la = lb = None
    if bags is not None:
        la, lb = bags[:n], bags[n:]
    half = _half(progress)
    a_idx, a_val = align.topk_scores(sem[:n], sem[n:], la, lb, cfg, half(0), cancel)
    b_idx, b_val = align.topk_scores(sem[n:], sem[:n], lb, la, cfg, half(1), cancel)
    pairs = align.select_pairs(a_idx, a_val, b_idx, b_val, cfg, la, lb)
    pairs = align.without_crosses(pairs, [c.text for c in claims_a], [c.text for c in claims_b])
    out = []

    def a_wins_tie(p: align.Pair) -> bool | None:
        # decided by content alone, so that swapping the documents mirrors the grouping
        ca, cb = claims_a[p.a], claims_b[p.b]
        key_a, key_b = (ca.text, ca.start, ca.end, text_a), (cb.text, cb.start, cb.end, text_b)
        return None if key_a == key_b else key_a < key_b

    for group in align.group_pairs(pairs, a_wins_tie):
        a_ids = tuple(claims_a[i].id for i in sorted({p.a for p in group}))
        b_ids = tuple(claims_b[j].id for j in sorted({p.b for p in group}))
        score = max(p.score for p in group)
        out.append(Link(a_ids, b_ids, relations.Relation.SAME, float(score)))
    out.sort(key=lambda link: (int(link.a[0][1:]), int(link.b[0][1:])))
    return out


def _half(progress: Progress | None) -> Callable[[int], Progress | None]:
    def make(k: int) -> Progress | None:
        if progress is None:
            return None
        p = progress
        return lambda done, total: p(k * total + done, 2 * total)

    return make
