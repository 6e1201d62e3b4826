"""Made-up pairs of accounts of any length, for benchmarks and stress tests.

Every sentence is assembled from small word lists written for this purpose; the two
accounts share most of their points in different words and each keeps some of its own.
"""

from __future__ import annotations

import random

_ACTORS = [
    "the foreign minister", "the defence ministry", "the prime minister", "the delegation",
    "the envoy", "the president", "the trade commissioner", "the interior minister",
    "the central bank", "the negotiating team", "the parliament speaker", "the army chief",
]  # fmt: skip
_VERBS = [
    ("agreed to", "accepted"), ("proposed", "put forward"), ("rejected", "turned down"),
    ("welcomed", "praised"), ("discussed", "talked about"), ("demanded", "called for"),
    ("postponed", "delayed"), ("announced", "made public"),
]  # fmt: skip
_OBJECTS = [
    "a ceasefire along the northern border", "the exchange of prisoners",
    "new tariffs on steel imports", "a joint inspection of the river dam",
    "the reopening of the grain corridor", "talks on fishing rights",
    "a freeze on troop movements", "the release of detained journalists",
    "a shared power grid", "visa rules for students", "the debt repayment schedule",
    "a summit in the spring", "rules for the mountain pass", "flights between the capitals",
    "aid for the flooded valley", "a study of the lake pollution",
]  # fmt: skip
_DETAILS = [
    "for {n} days", "within {n} weeks", "covering {n} sites", "worth {n} million",
    "starting on {d} March", "after {n} hours of talks", "with {n} observers",
]  # fmt: skip
_EXTRAS = [
    "Officials described the mood as {adj}.", "Observers called the meeting {adj}.",
    "Both sides said the talks had been {adj}.", "Reporters were told the session was {adj}.",
]  # fmt: skip
_ADJ = ["tense", "cordial", "frank", "constructive", "difficult", "warm", "brief", "long"]


def _sentence(rng: random.Random, obj: str, variant: int, detail_n: int) -> str:
    actor = rng.choice(_ACTORS)
    verb = rng.choice(_VERBS)[variant % 2]
    detail = rng.choice(_DETAILS).format(n=detail_n, d=1 + detail_n % 28)
    if variant % 2:
        return f"{actor.capitalize()} {verb} {obj} {detail}."
    return f"{detail.capitalize()}, {actor} {verb} {obj}."


def pair(n_claims: int, seed: int = 7, shared: float = 0.7) -> tuple[str, str]:
    """Two texts of about ``n_claims`` sentences each, in paragraphs of four or five."""
    rng = random.Random(seed)
    a: list[str] = []
    b: list[str] = []
    for i in range(n_claims):
        obj = f"{rng.choice(_OBJECTS)}"
        if i % 9 == 0:
            a.append(rng.choice(_EXTRAS).format(adj=rng.choice(_ADJ)))
            b.append(rng.choice(_EXTRAS).format(adj=rng.choice(_ADJ)))
            continue
        n = rng.randint(2, 90)
        if rng.random() < shared:
            a.append(_sentence(rng, obj, 0, n))
            b.append(_sentence(rng, obj, 1, n if rng.random() < 0.6 else n + rng.randint(1, 9)))
        else:
            a.append(_sentence(rng, obj, 0, n))
            b.append(_sentence(rng, rng.choice(_OBJECTS), 1, rng.randint(2, 90)))
    rng.shuffle(b)
    return _paragraphs(a, rng), _paragraphs(b, rng)


def _paragraphs(sentences: list[str], rng: random.Random) -> str:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        k = rng.randint(3, 5)
        out.append(" ".join(sentences[i : i + k]))
        i += k
    return "\n\n".join(out) + "\n"
