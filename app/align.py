"""Aligning claims of two accounts by meaning: order-free and many-to-many.

Readouts of one event share a vocabulary (the call, the two sides, the leaders' names),
so raw embedding similarity between any two of their claims is high, and sentence
meaning alone cannot tell a shared point from a shared register. Every candidate pair is
scored by a blend of semantic similarity and lexical overlap (names, numbers and the
words that carry the point). Scores are
computed in row blocks, keeping only each claim's best few candidates, so memory stays
O((n + m) * k) and work grows as n * m * d with a small constant (a matrix product).

A pair becomes a link when it is strong on its own, or when it is the best match in
both directions (a mutual best) and clears a lower bar; a claim also joins a second
partner that scores nearly as well as its best (one sentence saying what two say).
A pair far weaker than the best link of either of its claims is dropped, unless that
claim holds most of the other's words (it packs both points). A pair whose two claims
each have a twin on the other side (the same text) goes: it crosses two exact matches
("… on 3 May" and "… on 4 May" in a text compared with itself) and is not a third one.
Pairs that share a claim are then gathered into star-shaped links (one claim on one
side, one or more on the other), which is how analysts draw them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from app.engines import Bag, Vectors, bag_cosine, coverage

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


class Cancelled(Exception):
    """The caller asked to stop."""


@dataclass(frozen=True)
class AlignConfig:
    top_k: int = 4
    #: candidates per claim taken from vector similarity before lexical re-ranking
    candidates: int = 10
    #: weight of the lexical score in the blend (the rest is semantic)
    lexical_weight: float = 0.35
    #: a pair at or above this links on its own
    strong: float = 0.42
    #: a mutual best pair at or above this links
    mutual: float = 0.34
    #: a claim's second partner must be within this of its best and above ``mutual``
    second_margin: float = 0.03
    #: a claim keeps only the partners that score within this of its best partner ...
    partner_margin: float = 0.10
    #: ... unless that share of the weaker partner's words is found in it (it packs both)
    packed_coverage: float = 0.30
    block_rows: int = 512


#: Lexical cosines run far lower than semantic ones: its own bars (tuned the same way).
LEXICAL_CONFIG = AlignConfig(strong=0.30, mutual=0.10)


def default_config(engine: str) -> AlignConfig:
    return LEXICAL_CONFIG if engine == "lexical" else AlignConfig()


@dataclass(frozen=True)
class Pair:
    a: int
    b: int
    score: float


FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


def centre(vectors: Vectors) -> Vectors:
    """Remove the shared direction of both documents and renormalise."""
    if len(vectors) < 3:
        return vectors
    out = vectors - vectors.mean(axis=0, keepdims=True)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    centred: Vectors = (out / norms).astype(np.float32)
    return centred


def topk_scores(
    vec_a: Vectors,
    vec_b: Vectors,
    bags_a: Sequence[Bag] | None,
    bags_b: Sequence[Bag] | None,
    cfg: AlignConfig,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[IntArray, FloatArray]:
    """For every row of A, the indexes and scores of its ``top_k`` best B rows.

    Vector similarity picks ``candidates`` per row, one block of rows at a time; the
    lexical overlap of those candidates is then blended in and they are re-ranked."""
    n, m = len(vec_a), len(vec_b)
    k = min(cfg.top_k, m)
    kc = min(max(cfg.candidates, k), m)
    idx = np.zeros((n, k), dtype=np.int64)
    val = np.zeros((n, k), dtype=np.float32)
    for start in range(0, n, cfg.block_rows):
        if cancel and cancel():
            raise Cancelled
        stop = min(n, start + cfg.block_rows)
        block = vec_a[start:stop] @ vec_b.T
        part = np.argpartition(-block, kc - 1, axis=1)[:, :kc]
        vals = np.take_along_axis(block, part, axis=1)
        if bags_a is not None and bags_b is not None:
            lex = np.array(
                [[bag_cosine(bags_a[start + r], bags_b[j]) for j in row] for r, row in
                 enumerate(part.tolist())],
                dtype=np.float32,
            ).reshape(vals.shape)  # fmt: skip
            vals = blend(vals, lex, cfg)
        # rounding makes A->B and B->A decisions identical despite float summation order
        vals = np.round(vals, 5)
        order = np.lexsort((part, -vals), axis=1)[:, :k]
        idx[start:stop] = np.take_along_axis(part, order, axis=1)
        val[start:stop] = np.take_along_axis(vals, order, axis=1)
        if progress:
            progress(stop, n)
    return idx, val


def blend(sem: FloatArray, lex: FloatArray | None, cfg: AlignConfig) -> FloatArray:
    if lex is None:
        return sem
    w = cfg.lexical_weight
    out: FloatArray = ((1 - w) * sem + w * np.sqrt(np.clip(lex, 0, None))).astype(np.float32)
    return out


def select_pairs(
    a_idx: IntArray,
    a_val: FloatArray,
    b_idx: IntArray,
    b_val: FloatArray,
    cfg: AlignConfig,
    bags_a: Sequence[Bag] | None = None,
    bags_b: Sequence[Bag] | None = None,
) -> list[Pair]:
    """Choose linked pairs from each side's candidate lists (see module docstring).

    With the claims' lexical bags, a weak partner whose words the stronger claim mostly
    contains is kept (one sentence packing two points); without them it is dropped."""
    best_of_a = {i: int(a_idx[i, 0]) for i in range(len(a_idx)) if a_idx.shape[1]}
    best_of_b = {j: int(b_idx[j, 0]) for j in range(len(b_idx)) if b_idx.shape[1]}
    chosen: dict[tuple[int, int], float] = {}

    def consider(i: int, j: int, s: float, rank: int, best: float) -> None:
        mutual = best_of_a.get(i) == j and best_of_b.get(j) == i
        if (
            s >= cfg.strong
            or (mutual and s >= cfg.mutual)
            or (rank > 0 and s >= cfg.mutual and best - s <= cfg.second_margin)
        ):
            chosen[(i, j)] = s

    for i in range(len(a_idx)):
        best = float(a_val[i, 0]) if a_val.shape[1] else 0.0
        for r in range(a_idx.shape[1]):
            consider(i, int(a_idx[i, r]), float(a_val[i, r]), r, best)
    for j in range(len(b_idx)):
        best = float(b_val[j, 0]) if b_val.shape[1] else 0.0
        for r in range(b_idx.shape[1]):
            consider(int(b_idx[j, r]), j, float(b_val[j, r]), r, best)
    # a second partner is only kept if the first one was linked
    linked_a = {i for (i, j), s in chosen.items() if best_of_a.get(i) == j}
    linked_b = {j for (i, j), s in chosen.items() if best_of_b.get(j) == i}
    out = [
        Pair(i, j, s)
        for (i, j), s in chosen.items()
        if s >= cfg.strong or i in linked_a or j in linked_b
    ]
    return sorted(_near_best(out, cfg, bags_a, bags_b), key=lambda p: (p.a, p.b))


def without_crosses(
    pairs: list[Pair], texts_a: Sequence[str], texts_b: Sequence[str]
) -> list[Pair]:
    """Drop a pair between two claims that each have a twin on the other side (the same
    text, whatever the spacing and case)."""

    def key(text: str) -> str:
        return " ".join(text.casefold().split())

    twins = {(p.a, p.b) for p in pairs if key(texts_a[p.a]) == key(texts_b[p.b])}
    if not twins:
        return pairs
    twinned_a, twinned_b = {i for i, _ in twins}, {j for _, j in twins}
    # a sentence repeated as often on both sides: its copies pair in order
    copies: dict[str, tuple[set[int], set[int]]] = {}
    for i, j in twins:
        on_a, on_b = copies.setdefault(key(texts_a[i]), (set(), set()))
        on_a.add(i)
        on_b.add(j)
    for on_a, on_b in copies.values():
        if len(on_a) == len(on_b) > 1:
            twins -= {(i, j) for i in on_a for j in on_b}
            twins |= set(zip(sorted(on_a), sorted(on_b), strict=True))
    return [
        p for p in pairs
        if (p.a, p.b) in twins or p.a not in twinned_a or p.b not in twinned_b
    ]  # fmt: skip


def _near_best(
    pairs: list[Pair], cfg: AlignConfig, bags_a: Sequence[Bag] | None, bags_b: Sequence[Bag] | None
) -> list[Pair]:
    """Drop a pair far weaker than the best link of one of its claims (the hub), unless the
    hub contains most of the other claim's words.

    A claim that names both principals (the opening "X spoke with Y" sentence) scores
    fairly well against every claim on the other side; its real partner scores far
    better, and the rest share little with it but the names. A sentence that packs two
    points ("In a call on Friday the ministers agreed to reopen the corridor") scores far
    better against one of them too, but holds the other's words."""
    best_a: dict[int, float] = {}
    best_b: dict[int, float] = {}
    for p in pairs:
        best_a[p.a] = max(best_a.get(p.a, p.score), p.score)
        best_b[p.b] = max(best_b.get(p.b, p.score), p.score)

    def packed(part: Bag | None, hub: Bag | None) -> bool:
        return part is not None and hub is not None and coverage(part, hub) >= cfg.packed_coverage

    def keep(p: Pair) -> bool:
        bag_a = bags_a[p.a] if bags_a is not None else None
        bag_b = bags_b[p.b] if bags_b is not None else None
        a_is_hub = p.score < best_a[p.a] - cfg.partner_margin
        b_is_hub = p.score < best_b[p.b] - cfg.partner_margin
        return (not a_is_hub or packed(bag_b, bag_a)) and (not b_is_hub or packed(bag_a, bag_b))

    return [p for p in pairs if keep(p)]


def group_pairs(
    pairs: list[Pair], tie: Callable[[Pair], bool | None] | None = None
) -> list[list[Pair]]:
    """Gather pairs into star-shaped groups: pairs sharing a hub claim become one link.

    A claim with several partners is a hub; each remaining pair is its own link. A pair
    between two hubs joins the busier one; ``tie(pair)`` says whether the A side wins
    an even contest, or None when the two claims cannot be told apart (the pair then
    stands alone). The caller decides from the texts, so swapping the documents gives
    the mirrored grouping."""
    deg_a: dict[int, int] = {}
    deg_b: dict[int, int] = {}
    for p in pairs:
        deg_a[p.a] = deg_a.get(p.a, 0) + 1
        deg_b[p.b] = deg_b.get(p.b, 0) + 1
    groups: dict[tuple[str, int, int], list[Pair]] = {}
    for p in sorted(pairs, key=lambda p: -p.score):
        da, db = deg_a[p.a], deg_b[p.b]
        verdict: bool | None = da > db
        if da == db:
            verdict = tie(p) if tie else True
        if da == db == 1 or verdict is None:
            key = ("p", p.a, p.b)
        elif (verdict and da > 1) or db == 1:
            key = ("a", p.a, 0)
        else:
            key = ("b", p.b, 0)
        groups.setdefault(key, []).append(p)
    return [sorted(g, key=lambda p: (p.a, p.b)) for g in groups.values()]
