"""Whether linked claims say the same thing, and if not, what differs between them.

A link is ``differs`` when its two sides disagree on a number, date, time or duration,
or when one side carries a substantial point the other lacks (content words with no
counterpart); otherwise it is ``same``. The differences found are kept on the link so the
detail panel and the brief can show them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from app.figures import (
    CALENDAR_WORDS,
    MONTHS,
    WEEKDAYS,
    Mention,
    comparable,
    figure_spans,
    figures,
    parse_day,
    same_figure,
)
from app.model import Claim, Difference, Document, Link, Relation
from app.text import (
    ORG_WORDS,
    PARTICLES,
    STOPWORDS,
    TITLES,
    WEAK_WORDS,
    bare_name,
    people_names,
    stem,
    words,
)

__all__ = ["Relation", "differences", "document_days", "relate"]

#: The day each account was issued, where known: "today" in it means that day.
Days = tuple[date | None, date | None]
NO_DAYS: Days = (None, None)

#: Share of one side's content words with no counterpart from which a link differs.
UNMATCHED_SHARE = 0.5
MAX_PHRASES = 3

#: a run of capitalised words ("Ministry of Defence", "U.S. State Department"); a full stop
#: only inside a word, so a run never crosses into the next sentence
_CAP_WORD = r"(?:[A-Z]\.(?=\s+[A-Z])|[A-Z](?:[\w’'-]|\.(?=\w))*)"  # an initial: "J."
_PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))  # "von der", "de la"
_LINK = rf"(?:of\s+the|of|(?:{_PARTICLE})(?:\s+(?:{_PARTICLE}))?)"
_CAP_RE = re.compile(rf"\b{_CAP_WORD}(?:\s+(?:{_LINK}\s+|al-)?{_CAP_WORD})*")
_NOT_ACTORS = frozenset(
    {m.capitalize() for m in MONTHS + WEEKDAYS}
    | {w.capitalize() for w in STOPWORDS}
    | {"Details", "Previously", "Background", "Source", "Noting", "According", "During",
       "Following", "Nothing", "Thank", "Our", "It", "In", "As", "On", "At"}
)  # fmt: skip


def relate(
    link: Link,
    claims: dict[str, Claim],
    people: frozenset[str] | None = None,
    days: Days = NO_DAYS,
) -> Link:
    """The link with its relation and differences filled in (manual links keep theirs).
    ``people`` are the names of people in the whole comparison (else found in the link);
    ``days`` the day each account was issued, where known."""
    text_a = " ".join(claims[c].text for c in link.a)
    text_b = " ".join(claims[c].text for c in link.b)
    diffs = differences(text_a, text_b, people, days)
    if link.manual:
        return replace(link, differences=tuple(diffs))
    relation = Relation.DIFFERS if is_different(text_a, text_b, diffs) else Relation.SAME
    if relation is Relation.DIFFERS and not diffs:
        # a link that differs always says how: fall back to single one-sided words
        diffs = _phrases(text_a, text_b, min_weight=1)
    return replace(link, relation=relation, differences=tuple(diffs))


def is_different(text_a: str, text_b: str, diffs: list[Difference]) -> bool:
    for d in diffs:
        if d.kind in ("number", "date", "time", "duration", "condition"):
            return True
    share_a, share_b = unmatched_share(text_a, text_b), unmatched_share(text_b, text_a)
    return max(share_a, share_b) >= UNMATCHED_SHARE


def differences(
    text_a: str, text_b: str, people: frozenset[str] | None = None, days: Days = NO_DAYS
) -> list[Difference]:
    """Numbers, dates, durations and actors that do not match, then one-sided phrases.
    Where an account's day is known, its "today", "next year" and weekdays are read from
    it (see ``app.figures``)."""
    out: list[Difference] = []
    figures_a, figures_b = figures(text_a, days[0]), figures(text_b, days[1])
    for kind in ("duration", "date", "time", "number"):
        out.extend(_mismatches(kind, figures_a[kind], figures_b[kind]))
    who = people if people is not None else people_names([text_a, text_b])
    out.extend(_mismatches("actor", _actors(text_a, who), _actors(text_b, who)))
    out.extend(_condition_mismatches(text_a, text_b))
    return out + [p for p in _phrases(text_a, text_b) if not _covered(p, out)]


def _covered(phrase: Difference, found: list[Difference]) -> bool:
    """A one-sided phrase that only repeats a condition (or figure) already listed."""
    return any(
        (phrase.a is not None and d.a is not None and phrase.a in d.a)
        or (phrase.b is not None and d.b is not None and phrase.b in d.b)
        for d in found
    )


#: Words that open a condition ("if the truce holds", "without preconditions",
#: "provided that both sides agree"): a condition on one side only changes the point.
_CONDITION_RE = re.compile(
    r"\b(?:if|unless|provided that|provided(?=\s+(?:the|both|all|it|they|we|he|she|there|its|"
    r"their|this|these|each|either|neither|no|(?-i:[A-Z])\w+)\b)|on condition(?: that)?|as long as|"
    r"only after|"
    r"only if|subject to|without (?:any )?(?:pre)?conditions?|in exchange for|"
    r"in return for|on the understanding that)\b[^,;.!?]*",
    re.IGNORECASE,
)


def _conditions(text: str) -> list[tuple[str, set[str]]]:
    return [
        (m.group(0).strip(), content_stems(m.group(0)))
        for m in _CONDITION_RE.finditer(text)
        if not _provided_as_verb(text, m)
    ]


def _provided_as_verb(text: str, m: re.Match[str]) -> bool:
    """ "The US provided Ukraine with aid": a bare "provided" sets a condition only as a
    clause of its own, after a comma or at the start ("…, provided Kestria agrees")."""
    found = m.group(0).lower()
    if not found.startswith("provided") or found.startswith("provided that"):
        return False
    before = text[: m.start()].rstrip()
    return (bool(before) and before[-1] not in ",;:(—–") or " with " in found


def _condition_mismatches(text_a: str, text_b: str) -> list[Difference]:
    """Conditions stated on one side with no condition, or none like them, on the other.

    Each condition pairs with the other side's condition that shares most of its words;
    conditions worded differently still pair (the phrase differences show the wording),
    so what remains is a condition the other account does not set at all."""
    ca, cb = _conditions(text_a), _conditions(text_b)
    free_b = list(range(len(cb)))
    only_a: list[str] = []
    for text, stems in ca:
        if not free_b:
            only_a.append(text)
            continue
        best = max(free_b, key=lambda j: len(stems & cb[j][1]))
        free_b.remove(best)
    out = [Difference("condition", t, None) for t in only_a]
    out += [Difference("condition", None, cb[j][0]) for j in free_b]
    return out


def _mismatches(kind: str, ma: list[Mention], mb: list[Mention]) -> Iterable[Difference]:
    only_a = [m for m in ma if not any(_same(kind, m, o) for o in mb)]
    only_b = [m for m in mb if not any(_same(kind, o, m) for o in ma)]
    # pair mismatches of one sort one to one, in order ("two hours" vs "two and a half
    # hours", "30%" vs "40%"); "nine years" and "a two-day visit" are no pair
    pairs: list[tuple[str | None, str | None]] = []
    free_b = list(only_b)
    for m in only_a:
        partner = next((o for o in free_b if comparable(m, o)), None)
        if partner is not None:
            free_b.remove(partner)
        pairs.append((m.text, partner.text if partner else None))
    pairs += [(None, o.text) for o in free_b]
    seen: set[tuple[str | None, str | None]] = set()
    for pair in pairs:
        if pair not in seen:
            seen.add(pair)
            yield Difference(kind, *pair)


def _same(kind: str, x: Mention, y: Mention) -> bool:
    if kind == "actor":
        return x.key == y.key or _similar_name(x.key, y.key)
    return same_figure(x, y)


def _similar_name(x: str, y: str) -> bool:
    """Transliteration variants and partial names: Zelenskyy/Zelenskiy, Xi/Xi Jinping."""
    xs, ys = set(x.split()), set(y.split())
    if xs & ys:
        return True
    return any(_close(p, q) for p in xs for q in ys)


def _close(p: str, q: str) -> bool:
    if min(len(p), len(q)) < 4:
        return False
    common = 0
    for a, b in zip(p, q):
        if a != b:
            break
        common += 1
    return common >= max(4, min(len(p), len(q)) - 2)


def document_days(doc_a: Document, doc_b: Document) -> Days:
    return parse_day(doc_a.date), parse_day(doc_b.date)


def _actors(text: str, people: frozenset[str]) -> list[Mention]:
    """People (see ``people_names``) and organisations ("the Kremlin", "State Department")
    named in the text; places and other capitalised words are not actors."""
    out = []
    for m in _CAP_RE.finditer(text):
        run = m.group(0).split()
        owner = next((k for k, t in enumerate(run) if t.endswith(("'s", "’s"))), len(run))
        run = run[: owner + 1]  # "the Kremlin's Telegram channel": the owner ends the name
        bare = [bare_name(t.strip(".")) if t not in _NOT_ACTORS else "" for t in run]
        toks = [t for t in bare if t and t.lower() not in TITLES]
        at = [k for k, t in enumerate(bare) if t in people and t.lower() not in TITLES]
        if at:
            # shown as written, initials and particles kept: "Ursula von der Leyen"
            shown = " ".join([*run[at[0] : at[-1]], bare_name(run[at[-1]].rstrip("."))])
            out.append(Mention("actor", shown, " ".join(bare[k] for k in at).lower()))
        elif any(t in ORG_WORDS for t in toks):
            out.append(Mention("actor", " ".join(toks), " ".join(toks).lower()))
    return out


def content_stems(text: str) -> set[str]:
    return {stem(w) for w in words(text) if _is_content(w)}


def _is_content(w: str) -> bool:
    """A word that carries a point. Months and weekdays do not: the date check compares
    them ("February 15" and "today" may be one day)."""
    lw = w.lower()
    return (
        lw not in STOPWORDS
        and lw not in WEAK_WORDS
        and lw not in CALENDAR_WORDS
        and len(lw) > 2
        and not lw.isdigit()
    )


def _figure_words(text: str) -> set[str]:
    """The content stems inside the durations, dates and times of ``text``: the figure
    checks compare them ("two hours" and "120 minutes" are one figure)."""
    return {stem(w) for s, e in figure_spans(text) for w in words(text[s:e]) if _is_content(w)}


def unmatched_share(text: str, other: str) -> float:
    """The share of ``text``'s content words with no counterpart in ``other``; the words
    of its figures count as matched, since the figure checks compare those."""
    mine, theirs = content_stems(text), content_stems(other)
    if not mine:
        return 0.0
    return len(mine - theirs - _figure_words(text)) / len(mine)


def _phrases(text_a: str, text_b: str, min_weight: int = 2) -> list[Difference]:
    out = [Difference("phrase", p, None) for p in _one_sided_runs(text_a, text_b, min_weight)]
    out += [Difference("phrase", None, p) for p in _one_sided_runs(text_b, text_a, min_weight)]
    return out


def _one_sided_runs(text: str, other: str, min_weight: int = 2) -> list[str]:
    """The longest runs of words in ``text`` whose content words ``other`` lacks (runs of
    ``min_weight`` content words or more, or one long word)."""
    theirs = content_stems(other)
    figures_at = figure_spans(text)  # their words are left to the figure checks
    runs: list[tuple[int, str]] = []
    current: list[tuple[str, bool]] = []  # the words, and whether they may end a run
    weight = 0

    def close() -> None:
        nonlocal current, weight
        # a run starts and ends on a word of its own, not a stopword or a figure's word
        while current and not current[-1][1]:
            current.pop()
        while current and not current[0][1]:
            current.pop(0)
        shown = [w for w, _ in current]
        if weight >= min_weight or (weight == 1 and shown and len(shown[0]) >= 7):
            runs.append((weight, " ".join(shown)))
        current, weight = [], 0

    for token in re.finditer(r"[^\W_]+(?:['’-][^\W_]+)*|[.,;:!?()\"“”]", text):
        w = token.group(0)
        if not w[0].isalnum():
            close()
            continue
        in_figure = any(s <= token.start() < e for s, e in figures_at)
        if _is_content(w) and not in_figure:
            if stem(w) in theirs:
                close()
                continue
            weight += 1
            current.append((w, True))
        elif current:
            current.append((w, w.lower() not in STOPWORDS and not in_figure))
    close()
    runs.sort(key=lambda r: -r[0])
    return [r for _, r in runs[:MAX_PHRASES]]
