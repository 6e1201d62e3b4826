"""Short human labels for topics: the noun phrase that best names a group of claims.

A label is a name ("Black Sea", "Gas interconnector", "Detained citizens"), not a verb
("Held"), a figure ("Million crowns"), a span of time ("Hours") or a piece of a longer
name ("Rim Council" out of "Northern Rim Council"). The candidates come from
app/label_phrases.py (words with spaces between them) and app/cjk_labels.py (Chinese,
Japanese, Korean). Each topic then takes its most telling phrase: frequent in the topic,
rare in the others, said by both accounts, and close to the topic's meaning.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence

from app.cjk import CJK, has_cjk, has_spaceless
from app.cjk_labels import CJK_LABEL_CHARS, cjk_candidates
from app.engines import Vectors
from app.label_phrases import Lexicon, Phrase, lexicon, word_candidates
from app.model import Claim

Embed = Callable[[Sequence[str]], Vectors]

#: How many of a topic's best phrases are re-ranked by meaning, and the weight of meaning.
RERANK = 12
MEANING = 0.5
#: Most characters a label may have (text without spaces between words, as in Chinese,
#: runs long).
MAX_CHARS = 40

_CJK_RE = re.compile(f"[{CJK}]+")


def candidates(text: str, lex: Lexicon, people: frozenset[str] = frozenset()) -> list[Phrase]:
    """The phrases in ``text`` that could name a topic (app/label_phrases.py); in Chinese,
    Japanese and Korean text, also those of app/cjk_labels.py."""
    if has_cjk(text):
        return cjk_candidates(text, people) + candidates(_CJK_RE.sub(".", text), lex, people)
    return word_candidates(text, lex, people)


def _dominated(keys: Counter[str], longer: dict[str, set[str]]) -> set[str]:
    """The Chinese and Japanese candidates of a topic used only inside a longer one ("经贸"
    and "磋商" where each use is in "经贸磋商"): the longer one names the topic, if it
    starts and ends where words do (``longer`` holds only those)."""
    return {k for k, n in keys.items() if any(keys.get(x, 0) >= n for x in longer.get(k, ()))}


def _size(key: str) -> int:
    """A label's length in words; in Chinese and Japanese, two characters to a word."""
    return (len(key) + 1) // 2 if has_spaceless(key) else key.count(" ") + 1


def label_topics(
    members: dict[int, list[Claim]],
    fixed: dict[int, str],
    people: frozenset[str],
    centroids: dict[int, Vectors] | None = None,
    embed: Embed | None = None,
) -> dict[int, str]:
    """A short label per topic (``fixed`` ones, from headings, are kept).

    With the topics' ``centroids`` (mean claim vectors) and the engine's ``embed``, the
    best few phrases of a topic are re-ranked by how close they come to its meaning."""
    all_claims = [c for claims in members.values() for c in claims]
    lex = lexicon(c.text for c in all_claims)
    counts: dict[int, Counter[str]] = {}
    sides: dict[int, dict[str, set[str]]] = {}
    surface: dict[str, Counter[str]] = {}
    fragments: Counter[str] = Counter()  # uses of a phrase inside a longer one
    longer: dict[str, set[str]] = {}  # Chinese or Japanese runs one character longer
    for g, claims in members.items():
        cnt: Counter[str] = Counter()
        said_by: dict[str, set[str]] = {}
        for c in claims:
            seen = set()
            found = candidates(c.text, lex, people)
            for key, _, partial in found:
                if not partial and len(key) > CJK_LABEL_CHARS[0] and has_spaceless(key):
                    longer.setdefault(key[1:], set()).add(key)
                    longer.setdefault(key[:-1], set()).add(key)
            for key, shown, partial in found:
                if len(shown) > MAX_CHARS:
                    continue
                said_by.setdefault(key, set()).add(c.side.value)
                fragments[key] += partial
                surface.setdefault(key, Counter())[shown] += 1
                if key not in seen:
                    seen.add(key)
                    cnt[key] += 1
        counts[g], sides[g] = cnt, said_by
    df: Counter[str] = Counter()
    for cnt in counts.values():
        df.update(cnt.keys())
    n_topics = len(members)

    # each phrase's commonest spelling, the capitalised one on a tie (a name written at the
    # start of a sentence); ties go the same way whichever account comes first
    written = {
        key: max(spellings.items(), key=lambda kv: (kv[1], sum(map(str.isupper, kv[0])), kv[0]))[0]
        for key, spellings in surface.items()
    }

    def score(g: int, key: str) -> float:
        s = counts[g][key] * math.log(1 + n_topics / df[key])
        s *= 1 - 0.5 * fragments[key] / surface[key].total()  # often part of a longer phrase
        n_words = _size(key)
        if n_words > 1:
            s *= 1.6
            if n_words > 2 and surface[key].total() < 2 and not written[key][:1].isupper():
                s *= 0.5  # three common words said once are more often a clause than a name
        elif written[key][:1].isupper():
            s *= 0.7  # a lone name says less than a phrase
        if len(sides[g][key]) == 2:
            s *= 1.3  # both accounts use it
        return s

    def by_score(g: int) -> list[str]:
        dominated = _dominated(counts[g], longer) if longer else set()
        return sorted((k for k in counts[g] if k not in dominated), key=lambda k: (-score(g, k), k))

    ranked = {g: by_score(g) for g in members}
    if embed is not None and centroids is not None:
        free = {g: c for g, c in centroids.items() if g not in fixed}
        _rerank(ranked, score, written, free, embed)
    labels: dict[int, str] = {}
    used = {label.lower() for label in fixed.values()}
    for g in sorted(members):
        if g in fixed:
            labels[g] = fixed[g]
            continue
        text = next((written[k] for k in ranked[g] if written[k].lower() not in used), None)
        if text is None:
            labels[g] = f"Topic {g + 1}"
            continue
        used.add(text.lower())
        labels[g] = text[:1].upper() + text[1:]
    return labels


def _rerank(
    ranked: dict[int, list[str]],
    score: Callable[[int, str], float],
    written: dict[str, str],
    centroids: dict[int, Vectors],
    embed: Embed,
) -> None:
    """Re-order each topic's best ``RERANK`` phrases by a mix of their score and how close
    they come to the topic's centroid (one embedding call for all topics)."""
    tops = {g: keys[:RERANK] for g, keys in ranked.items() if g in centroids and keys}
    texts = sorted({written[k] for keys in tops.values() for k in keys})
    if not texts:
        return
    row = {t: i for i, t in enumerate(texts)}
    vecs = embed(texts)
    for g, top in tops.items():
        best = max(score(g, k) for k in top) or 1.0
        closeness = vecs[[row[written[k]] for k in top]] @ centroids[g]
        mix = {k: MEANING * float(c) + (1 - MEANING) * score(g, k) / best
               for k, c in zip(top, closeness, strict=True)}  # fmt: skip
        ranked[g] = sorted(top, key=lambda k: (-mix[k], k)) + ranked[g][RERANK:]
