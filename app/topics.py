"""Grouping the claims of both accounts into topics with short human labels.

The longer account is the spine. Where it has headings, each heading opens a topic
named after it. Otherwise it is cut into runs of consecutive claims at the points where
the subject changes most (adjacent-claim similarity valleys, as in TextTiling). Claims
of the other account join the topic of the claims they are linked to; unlinked ones
join the topic they are closest to in meaning, with a nudge towards their neighbours'
topic so a paragraph is not scattered. Everything here is linear in the claim count.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

import numpy as np

from app.align import centre
from app.engines import Vectors
from app.model import Block, Claim, Document, Link, Side, Topic
from app.text import STOPWORDS, TITLES, WEAK_WORDS, people_names, stem

MIN_TOPIC = 2
NEIGHBOUR_BONUS = 0.08


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
) -> tuple[list[Topic], list[Claim]]:
    """Topics for the claims, and the claims with their topic set. ``people`` are the
    names of people in the texts (kept out of labels); found here when not given."""
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
    groups = _heading_groups(spine_doc, spine) or _tiling_groups(spine, vec, index, target)
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
    labels = _labels(members_by_topic, heading_labels, people)
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


def _tiling_groups(
    spine: list[Claim], vec: Vectors | None, index: dict[str, int], k: int
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


_PHRASE_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def _labels(
    members: dict[int, list[Claim]], fixed: dict[int, str], people: frozenset[str]
) -> dict[int, str]:
    """A short label per topic: its most telling one- or two-word phrase."""
    counts: dict[int, Counter[str]] = {}
    surface: dict[str, Counter[str]] = {}
    for g, claims in members.items():
        cnt: Counter[str] = Counter()
        for c in claims:
            seen = set()
            for key, text in _candidates(c.text, people):
                if key not in seen:
                    seen.add(key)
                    cnt[key] += 1
                    surface.setdefault(key, Counter())[text] += 1
        counts[g] = cnt
    n_topics = len(members)
    df: Counter[str] = Counter()
    for cnt in counts.values():
        df.update(cnt.keys())
    labels: dict[int, str] = {}
    used: set[str] = set()
    for g in sorted(members):
        if g in fixed:
            labels[g] = fixed[g]
            continue
        scored = sorted(counts[g].items(), key=lambda kv: -_label_score(kv, n_topics, df, surface))
        label = next((k for k, _ in scored if k not in used), None)
        if label is None:
            labels[g] = f"Topic {g + 1}"
            continue
        used.add(label)
        text = surface[label].most_common(1)[0][0]
        labels[g] = text[:1].upper() + text[1:]
    return labels


#: Words that make poor labels on their own or at the end of one (modifiers, not subjects).
_MODIFIERS = frozenset(
    """good new near future important various relevant current specific possible recent main
    major next last previous positive negative great sincere mutual respective additional
    right whole entire different several certain such own full long short high low large
    small big early late very almost entirely nearly approximately previously details
    soon shortly together again already earlier later evening morning foreign joint official
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday week""".split()
)


_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday today yesterday week""".split()
)


def _label_score(
    item: tuple[str, int], n_topics: int, df: Counter[str], surface: dict[str, Counter[str]]
) -> float:
    """Frequency in the topic times rarity across topics; two-word phrases read better,
    a lone capitalised word (a demonym, a name) usually worse."""
    key, count = item
    score = count * math.log(1 + n_topics / df[key])
    if " " in key:
        score *= 1.6
    elif surface[key].most_common(1)[0][0][:1].isupper():
        score *= 0.7
    return score


def _candidates(text: str, people: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(stem key, shown text) of the one- and two-word phrases that could label a topic."""
    toks = [(m.group(0), m.start()) for m in _PHRASE_WORD.finditer(text)]
    out: list[tuple[str, str]] = []
    good = [_label_word(w) and w not in people for w, _ in toks]
    for i, (w, _) in enumerate(toks):
        if not good[i]:
            continue
        shown = w if _proper(w, i) else w.lower()
        if _can_end(w):
            out.append((stem(w), shown))
        if i + 1 < len(toks) and good[i + 1] and _can_end(toks[i + 1][0]):
            w2 = toks[i + 1][0]
            between = text[toks[i][1] + len(w) : toks[i + 1][1]]
            if between.strip() == "" and not (w.lower().endswith("ed") and w.islower()):
                shown2 = w2 if _proper(w2, i + 1) else w2.lower()
                out.append((f"{stem(w)} {stem(w2)}", f"{shown} {shown2}"))
    return out


def _label_word(w: str) -> bool:
    lw = w.lower()
    if lw in _MODIFIERS and (w[:1].isupper() or lw in _CALENDAR):
        return False  # "14 March Foreign Minister": neither word belongs in a label
    return len(w) > 2 and lw not in STOPWORDS and lw not in WEAK_WORDS and lw not in TITLES


def _can_end(w: str) -> bool:
    """Whether a word can end a label: a noun-like word, not a modifier or verb form."""
    lw = w.lower()
    verb_or_adverb = w.islower() and (lw.endswith("ly") or lw.endswith("ed"))
    return lw not in _MODIFIERS and not verb_or_adverb


def _proper(word: str, position: int) -> bool:
    return word[:1].isupper() and (position > 0 or word.isupper())
