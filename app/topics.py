"""Grouping the claims of both accounts into topics with short human labels.

The longer account is the spine. Where it has headings, each heading opens a topic
named after it. Otherwise it is cut into runs of consecutive claims at the points where
the subject changes most (adjacent-claim similarity valleys, as in TextTiling), never
inside a sentence and preferably between paragraphs (a readout's paragraph is usually
one subject: real pairs' topic F1 0.40 -> 0.48 with the preference). Claims
of the other account join the topic of the claims they are linked to; unlinked ones
join the topic they are closest to in meaning, with a nudge towards their neighbours'
topic so a paragraph is not scattered. Everything here is linear in the claim count.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from itertools import pairwise

import numpy as np

from app.align import centre
from app.engines import Vectors
from app.labels import Embed, label_topics
from app.model import Block, Claim, Document, Link, Side, Topic
from app.text import people_names

MIN_TOPIC = 2
NEIGHBOUR_BONUS = 0.08
#: how much more alike two claims must look to keep a paragraph break from being a cut
PARAGRAPH_BONUS = 0.2


def topic_target(n_claims: int) -> int:
    """How many topics to aim for: about one per six claims, more slowly for long texts."""
    if n_claims <= 3:
        return 1
    return max(1, min(40, round(math.sqrt(n_claims * 0.9))))


def assign(
    doc_a: Document,
    doc_b: Document,
    claims: list[Claim],
    links: list[Link],
    vectors: Vectors,
    people: frozenset[str] | None = None,
    embed: Embed | None = None,
) -> tuple[list[Topic], list[Claim]]:
    """Topics for the claims, and the claims with their topic set. ``people`` are the
    names of people in the texts (kept out of labels); found here when not given. With the
    engine's ``embed``, labels are chosen by meaning as well as by frequency."""
    if not claims:
        return [], claims
    n_a = sum(1 for c in claims if c.side is Side.A)
    spine_side = Side.A if n_a >= len(claims) - n_a else Side.B
    spine_doc = doc_a if spine_side is Side.A else doc_b
    index = {c.id: i for i, c in enumerate(claims)}
    vec = centre(vectors) if len(vectors) == len(claims) else None
    spine = [c for c in claims if c.side is spine_side]
    other = [c for c in claims if c.side is not spine_side]

    target = topic_target(len(claims))
    groups = _heading_groups(spine_doc, spine) or _tiling_groups(
        spine, vec, index, target, _block_starts(spine_doc)
    )
    topic_of: dict[str, int] = {}
    for g, members in enumerate(groups):
        for c in members:
            topic_of[c.id] = g
    _assign_other(other, groups, topic_of, links, vec, index)

    members_by_topic: dict[int, list[Claim]] = {}
    for c in claims:
        members_by_topic.setdefault(topic_of[c.id], []).append(c)
    heading_labels = _heading_labels(spine_doc, groups)
    if people is None:
        people = people_names([c.text for c in claims])
    centroids = None
    if embed is not None and len(vectors) == len(claims):
        centroids = {}
        for g, members in members_by_topic.items():
            mean = vectors[[index[c.id] for c in members]].mean(axis=0)
            centroids[g] = mean / (float(np.linalg.norm(mean)) or 1.0)
    labels = label_topics(members_by_topic, heading_labels, people, centroids, embed)
    order = sorted(members_by_topic, key=lambda g: g)
    topics = []
    renumber = {}
    for k, g in enumerate(order):
        tid = f"t{k + 1}"
        renumber[g] = tid
        topics.append(Topic(tid, labels[g]))
    out = [replace(c, topic=renumber[topic_of[c.id]]) for c in claims]
    return topics, out


def _section_heads(doc: Document) -> list[Block]:
    """Headings that open sections. A document's title names the whole text, not a
    section: the first block, when it outranks every other heading, or (plain text, where
    all headings rank alike) when it is a long line among short section headings."""
    heads = doc.headings()
    if len(heads) < 2 or heads[0] != doc.blocks[0]:
        return heads
    first, rest = heads[0], heads[1:]
    outranks = all(h.level > first.level for h in rest)
    words = [len(doc.text[h.start : h.end].split()) for h in heads]
    long_line = all(h.level == first.level for h in rest) and words[0] >= max(6, 2 * max(words[1:]))
    return rest if outranks or long_line else heads


def _heading_groups(doc: Document, spine: list[Claim]) -> list[list[Claim]]:
    heads = _section_heads(doc)
    if not heads:
        return []
    groups: list[list[Claim]] = [[] for _ in range(len(heads) + 1)]
    for c in spine:
        k = sum(1 for h in heads if h.start <= c.start)
        groups[k].append(c)
    if not groups[0]:
        groups = groups[1:]
    return [g for g in groups if g] or []


def _heading_labels(doc: Document, groups: list[list[Claim]]) -> dict[int, str]:
    heads = _section_heads(doc)
    out: dict[int, str] = {}
    for g, members in enumerate(groups):
        if not members:
            continue
        before = [h for h in heads if h.start <= members[0].start]
        if before:
            h = before[-1]
            label = doc.text[h.start : h.end].lstrip("#").strip()
            if label:
                out[g] = label[:60]
    return out


def _block_starts(doc: Document) -> list[int]:
    return sorted(b.start for b in doc.blocks)


def _tiling_groups(
    spine: list[Claim],
    vec: Vectors | None,
    index: dict[str, int],
    k: int,
    block_starts: list[int] | None = None,
) -> list[list[Claim]]:
    if k <= 1 or vec is None or len(spine) < 2 * MIN_TOPIC:
        return [spine]
    rows = vec[[index[c.id] for c in spine]]
    # similarity across each gap, smoothed over a window of two claims either side
    gaps = []
    for i in range(1, len(spine)):
        left = rows[max(0, i - 2) : i].mean(axis=0)
        right = rows[i : i + 2].mean(axis=0)
        denom = float(np.linalg.norm(left) * np.linalg.norm(right)) or 1.0
        sim = float(left @ right) / denom
        if spine[i].sentence == spine[i - 1].sentence:
            sim += 1.0  # never cut inside a sentence
        elif block_starts and bisect_right(block_starts, spine[i].start) == bisect_right(
            block_starts, spine[i - 1].start
        ):
            sim += PARAGRAPH_BONUS  # rather cut between paragraphs
        gaps.append((sim, i))
    cuts: list[int] = []
    for _sim, i in sorted(gaps):
        if len(cuts) >= k - 1:
            break
        if i < MIN_TOPIC or len(spine) - i < MIN_TOPIC:
            continue
        if any(abs(i - c) < MIN_TOPIC for c in cuts):
            continue
        cuts.append(i)
    bounds = [0, *sorted(cuts), len(spine)]
    return [spine[s:e] for s, e in pairwise(bounds) if e > s]


def _assign_other(
    other: list[Claim],
    groups: list[list[Claim]],
    topic_of: dict[str, int],
    links: list[Link],
    vec: Vectors | None,
    index: dict[str, int],
) -> None:
    partners: dict[str, list[str]] = {}
    for link in links:
        for x in link.a:
            partners.setdefault(x, []).extend(link.b)
        for y in link.b:
            partners.setdefault(y, []).extend(link.a)
    centroids = None
    if vec is not None:
        centroids = np.stack([vec[[index[c.id] for c in g]].mean(axis=0) for g in groups])
        centroids /= np.clip(np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9, None)
    previous: int | None = None
    for c in other:
        votes = Counter(topic_of[p] for p in partners.get(c.id, []) if p in topic_of)
        if votes:
            g = votes.most_common(1)[0][0]
        elif centroids is not None and vec is not None:
            sims = centroids @ vec[index[c.id]]
            if previous is not None:
                sims[previous] += NEIGHBOUR_BONUS
            g = int(np.argmax(sims))
        else:
            g = previous if previous is not None else 0
        topic_of[c.id] = g
        previous = g
