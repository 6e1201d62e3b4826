"""Whether linked claims say the same thing, and if not, what differs between them.

A link is ``differs`` when its two sides disagree on a number, date, duration or actor,
or when one side carries a substantial point the other lacks (content words with no
counterpart); otherwise it is ``same``. The differences found are kept on the link so the
detail panel and the brief can show them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from app.model import Claim, Difference, Document, Link, Relation
from app.text import (
    ORG_WORDS,
    STOPWORDS,
    TITLES,
    WEAK_WORDS,
    bare_name,
    people_names,
    stem,
    words,
)

__all__ = ["Relation", "differences", "document_days", "parse_day", "relate"]

#: The day each account was issued, where known: "today" in it means that day.
Days = tuple[date | None, date | None]
NO_DAYS: Days = (None, None)

#: Share of one side's content words with no counterpart from which a link differs.
UNMATCHED_SHARE = 0.5
MAX_PHRASES = 3

_UNITS = {
    "second": ("duration", 1 / 3600), "minute": ("duration", 1 / 60), "hour": ("duration", 1.0),
    "day": ("duration", 24.0), "week": ("duration", 168.0), "month": ("duration", 720.0),
    "year": ("duration", 8760.0),
}  # fmt: skip
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1e6, "billion": 1e9, "dozen": 12, "half": 0.5, "a": 1, "an": 1,
}  # fmt: skip
_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH_RE = (
    "|".join(m.capitalize() for m in _MONTHS)
    + "|"
    + "|".join(m[:3].capitalize() + r"\." for m in _MONTHS)
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_CALENDAR_WORDS = frozenset(
    _MONTHS + _WEEKDAYS + [m[:3] for m in _MONTHS] + ["sept", "yesterday", "today", "tomorrow"]
)

_NUM = r"(?:\d+(?:[.,]\d+)*|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|" \
    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|dozen|several|a few)" \
    r"(?:[\s-]+(?:and\s+a\s+half|hundred|thousand|million))?)"  # fmt: skip
_DURATION_RE = re.compile(
    rf"\b(?:approximately\s+|about\s+|nearly\s+|almost\s+|over\s+|some\s+)?{_NUM}[\s-]+"
    r"(?:and\s+a\s+half\s+)?(second|minute|hour|day|week|month|year)s?\b",
    re.IGNORECASE,
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
#: "17-18 September", "September 17–18", "from 23 to 25 March", "the night of 3 to 4 June":
#: a span of days is one date (a worded span only before the month, which confirms it)
_DAYS = rf"{_DAY}(?:\s*[–-]\s*{_DAY})?"
_DAYS_WORDED = rf"{_DAY}(?:\s*(?:[–-]|to|and)\s*{_DAY})?"
_DATE_RE = re.compile(
    rf"\b(?:{_DAYS_WORDED}\s+(?:of\s+)?(?:{_MONTH_RE})(?:\s+\d{{4}})?"
    rf"|(?:{_MONTH_RE})\s+{_DAYS}(?:,?\s+\d{{4}})?"
    rf"|(?:{_MONTH_RE})\s+\d{{4}}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:19|20)\d{2}"
    r"|(?:yesterday|today|tomorrow|earlier this week|last week|next week))\b"
)
#: clock times: "22:50", "10:30 a.m.", "3 pm", "9 o'clock"
_TIME_RE = re.compile(
    r"\b(\d{1,2})(?::(\d{2}))?(?:\s*([ap])(?:\.\s?m\.|\s?m\b)|\s+o['’]clock\b)"
    r"|\b(\d{1,2}):(\d{2})\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\s?(?:%|percent|per cent))?(?![\w])")
_CAP_RE = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+(?:of\s+the\s+|of\s+|al-|bin\s+)?[A-Z][\w’'.-]*)*")
_NOT_ACTORS = frozenset(
    {m.capitalize() for m in _MONTHS + _WEEKDAYS}
    | {w.capitalize() for w in STOPWORDS}
    | {"Details", "Previously", "Background", "Source", "Noting", "According", "During",
       "Following", "Nothing", "Thank", "Our", "It", "In", "As", "On", "At"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str
    text: str
    key: str


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
        if d.kind == "actor" and d.a and d.b:  # each side names someone else
            return True
    share_a, share_b = unmatched_share(text_a, text_b), unmatched_share(text_b, text_a)
    return max(share_a, share_b) >= UNMATCHED_SHARE


def differences(
    text_a: str, text_b: str, people: frozenset[str] | None = None, days: Days = NO_DAYS
) -> list[Difference]:
    """Numbers, dates, durations and actors that do not match, then one-sided phrases.
    Where an account's day is known, its "today", "yesterday" and "tomorrow" are dates."""
    out: list[Difference] = []
    figures_a, figures_b = _figures(text_a, days[0]), _figures(text_b, days[1])
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
    return [(m.group(0).strip(), content_stems(m.group(0))) for m in _CONDITION_RE.finditer(text)]


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
    keys_a, keys_b = {m.key for m in ma}, {m.key for m in mb}
    only_a = [m for m in ma if not _has_match(m.key, keys_b, kind)]
    only_b = [m for m in mb if not _has_match(m.key, keys_a, kind)]
    # pair mismatches of one sort one to one, in order ("two hours" vs "two and a half
    # hours", "30%" vs "40%"); "nine years" and "a two-day visit" are no pair
    pairs: list[tuple[str | None, str | None]] = []
    free_b = list(only_b)
    for m in only_a:
        partner = next((o for o in free_b if _comparable(m, o)), None)
        if partner is not None:
            free_b.remove(partner)
        pairs.append((m.text, partner.text if partner else None))
    pairs += [(None, o.text) for o in free_b]
    seen: set[tuple[str | None, str | None]] = set()
    for pair in pairs:
        if pair not in seen:
            seen.add(pair)
            yield Difference(kind, *pair)


def _comparable(x: Mention, y: Mention) -> bool:
    """Whether two mismatched mentions are two versions of one figure: durations of a
    similar length ("90 minutes", "two hours"; not "nine years" and "two-day"), two
    shares or two plain numbers."""
    if x.kind == "duration":
        hx, hy = float(x.key[:-1]), float(y.key[:-1])
        return min(hx, hy) > 0 and max(hx, hy) / min(hx, hy) <= 12
    if x.kind == "number":
        return _is_share(x.text) == _is_share(y.text)
    return True


def _is_share(text: str) -> bool:
    return bool(re.search(r"%|per\s?cent", text))


def _has_match(key: str, others: set[str], kind: str) -> bool:
    if key in others:
        return True
    if kind == "actor":
        return any(_similar_name(key, o) for o in others)
    return False


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


_MONTH_WORD = "|".join(_MONTHS + ["sept"] + [m[:3] for m in _MONTHS])
_ISSUED = re.compile(
    rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_WORD})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_WORD})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})",
    re.IGNORECASE,
)


def parse_day(text: str) -> date | None:
    """A day as people write it in a date field: "2025-02-15", "15 February 2025",
    "February 15, 2025"; None for anything else (blank, a month, a year)."""
    text = text.strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    m = _ISSUED.fullmatch(text)
    if not m:
        return None
    k = "1" if m.group("d1") else "2"
    try:
        return date(int(m.group("y" + k)), _month_number(m.group("m" + k)), int(m.group("d" + k)))
    except ValueError:
        return None


def _month_number(name: str) -> int:
    low = name.lower()[:3]
    return next(i + 1 for i, m in enumerate(_MONTHS) if m.startswith(low))


_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}


def _figures(text: str, issued: date | None = None) -> dict[str, list[Mention]]:
    """Durations, dates, clock times and the numbers that are part of none of them, each
    text scanned once."""
    durations = list(_DURATION_RE.finditer(text))
    dates = list(_DATE_RE.finditer(text))
    times = [m for m in _TIME_RE.finditer(text) if _time_key(m)]
    covered = [m.span() for m in durations + dates + times]
    return {
        "duration": [_duration(m) for m in durations],
        "date": [Mention("date", m.group(0), _date_key(m.group(0), issued)) for m in dates],
        "time": [Mention("time", m.group(0).strip(), _time_key(m)) for m in times],
        "number": _numbers(text, covered),
    }


def _time_key(m: re.Match[str]) -> str:
    """``HH:MM`` on a 24-hour clock; empty for what is no time of day ("25:70")."""
    hour, minute, half = (
        (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), None)
    )
    h, mins = int(hour), int(minute or 0)
    if half:
        if not 1 <= h <= 12:
            return ""
        h = h % 12 + (12 if half.lower() == "p" else 0)
    if h > 24 or mins > 59:
        return ""
    return f"{h % 24:02d}:{mins:02d}"


def _duration(m: re.Match[str]) -> Mention:
    unit = m.group(1).lower()
    value = _value(m.group(0))
    return Mention("duration", m.group(0).strip(), f"{value * _UNITS[unit][1]:.4g}h")


def _value(phrase: str) -> float:
    low = phrase.lower().replace("-", " ")
    m = re.search(r"\d+(?:[.,]\d+)?", low)
    base = float(m.group(0).replace(",", "")) if m else 0.0
    if not m:
        for w in low.split():
            if w in _NUMBER_WORDS and w not in ("a", "an", "half"):
                base = max(base, float(_NUMBER_WORDS[w])) if base == 0 else base
        if base == 0 and re.search(r"\ban?\b", low):
            base = 1.0
    if "and a half" in low:
        base += 0.5
    return base


def _date_key(s: str, issued: date | None = None) -> str:
    low = s.lower().replace(".", "")
    if issued is not None and low in _RELATIVE_DAYS:
        day = issued + timedelta(days=_RELATIVE_DAYS[low])
        low = f"{day.day} {_MONTHS[day.month - 1]}"
    days = [str(int(d)) for d in re.findall(r"\b(\d{1,2})(?:st|nd|rd|th)?\b", low)]
    year = re.search(r"\b(\d{4})\b", low)
    month = next((i + 1 for i, m in enumerate(_MONTHS) if re.search(rf"\b{m[:3]}", low)), 0)
    if month:
        return f"{month:02d}-{'-'.join(days)}"
    if year and low.strip() == year.group(1):
        return year.group(1)
    return low


def _numbers(text: str, covered: list[tuple[int, int]]) -> list[Mention]:
    """Numbers outside the ``covered`` spans (the durations and dates)."""
    out = []
    for m in _NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        out.append(Mention("number", m.group(0), m.group(0).replace(",", "").replace(" ", "")))
    return out


def _actors(text: str, people: frozenset[str]) -> list[Mention]:
    """People (see ``people_names``) and organisations ("the Kremlin", "State Department")
    named in the text; places and other capitalised words are not actors."""
    out = []
    for m in _CAP_RE.finditer(text):
        toks = [bare_name(t.strip(".")) for t in m.group(0).split() if t not in _NOT_ACTORS]
        toks = [t for t in toks if t and t.lower() not in TITLES]
        person = [t for t in toks if t in people]
        if person:
            out.append(Mention("actor", " ".join(person), " ".join(person).lower()))
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
        and lw not in _CALENDAR_WORDS
        and len(lw) > 2
        and not lw.isdigit()
    )


def unmatched_share(text: str, other: str) -> float:
    mine, theirs = content_stems(text), content_stems(other)
    if not mine:
        return 0.0
    return len(mine - theirs) / len(mine)


def _phrases(text_a: str, text_b: str, min_weight: int = 2) -> list[Difference]:
    out = [Difference("phrase", p, None) for p in _one_sided_runs(text_a, text_b, min_weight)]
    out += [Difference("phrase", None, p) for p in _one_sided_runs(text_b, text_a, min_weight)]
    return out


def _one_sided_runs(text: str, other: str, min_weight: int = 2) -> list[str]:
    """The longest runs of words in ``text`` whose content words ``other`` lacks (runs of
    ``min_weight`` content words or more, or one long word)."""
    theirs = content_stems(other)
    runs: list[tuple[int, str]] = []
    current: list[str] = []
    weight = 0

    def close() -> None:
        nonlocal current, weight
        while current and current[-1].lower() in STOPWORDS:
            current.pop()
        while current and current[0].lower() in STOPWORDS:
            current.pop(0)
        if weight >= min_weight or (weight == 1 and current and len(current[0]) >= 7):
            runs.append((weight, " ".join(current)))
        current, weight = [], 0

    for token in re.finditer(r"[^\W_]+(?:['’-][^\W_]+)*|[.,;:!?()\"“”]", text):
        w = token.group(0)
        if not w[0].isalnum():
            close()
            continue
        if _is_content(w):
            if stem(w) in theirs:
                close()
                continue
            weight += 1
            current.append(w)
        elif current:
            current.append(w)
    close()
    runs.sort(key=lambda r: -r[0])
    return [r for _, r in runs[:MAX_PHRASES]]
