"""How often something happens, read into times a year so that two accounts' wordings
compare: "monthly", "every month", "once a month" and "12 times a year" are one figure;
"every quarter", "quarterly", "four times a year" and "every three months" another.

A figure of its own kind (``frequency``) beside durations and dates: "every 14 days" is a
frequency, not a span of 14 days, and "twice a week" no duration of a week.
"""

from __future__ import annotations

import re

from app.figure_dates import NUMBER_WORDS

#: times a year of each period a frequency may name
_PER_YEAR = {
    "hour": 8760.0, "day": 365.0, "week": 52.0, "fortnight": 26.0, "month": 12.0,
    "quarter": 4.0, "year": 1.0, "decade": 0.1,
}  # fmt: skip
_ADVERBS = {
    "hourly": 8760.0, "daily": 365.0, "nightly": 365.0, "weekly": 52.0, "fortnightly": 26.0,
    "biweekly": 26.0, "bi-weekly": 26.0, "monthly": 12.0, "bimonthly": 6.0, "bi-monthly": 6.0,
    "quarterly": 4.0, "half-yearly": 2.0, "semi-annually": 2.0, "semiannually": 2.0,
    "semi-annual": 2.0, "semiannual": 2.0, "biannually": 2.0, "biannual": 2.0,
    "annually": 1.0, "annual": 1.0, "yearly": 1.0, "biennially": 0.5, "biennial": 0.5,
}  # fmt: skip
#: counts of times ("twice a week", "twice-weekly"); other counts are numbers
_TIMES = {"once": 1, "twice": 2, "thrice": 3}
_PERIODS = "hour|day|week|fortnight|month|quarter|year|decade"
_NUMBERS = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_FREQUENCY_RE = re.compile(
    # "twice-weekly", "once-monthly": a count of times in the period the adverb names
    rf"\b(?P<hyphened>once|twice|thrice)[- ](?P<period>weekly|monthly|daily|yearly|annually)\b"
    # "every month", "each year", "every other week", "every second week", "every three
    # months", "every 14 days"
    rf"|\b(?:every|each)\s+(?:(?P<other>other|second)\s+|(?P<gap>{_NUMBERS})\s+)?"
    rf"(?P<p1>{_PERIODS})s?\b"
    # "once a month", "twice per year", "four times a year", "3 times each week"
    rf"|\b(?:(?P<n>once|twice|thrice)|(?P<times>{_NUMBERS})\s+times)\s+"
    rf"(?:a|an|per|each|every)\s+(?P<p2>{_PERIODS})\b"
    rf"|\b(?P<adverb>{'|'.join(sorted(_ADVERBS, key=len, reverse=True))})\b",
    re.IGNORECASE,
)


def frequency_matches(text: str) -> list[tuple[re.Match[str], str]]:
    """Each frequency in ``text`` with its key: times a year to two figures, as "12/y"."""
    out = []
    for m in _FREQUENCY_RE.finditer(text):
        per_year = _per_year(m)
        if per_year:
            out.append((m, f"{per_year:.2g}/y"))  # "every 14 days" is "fortnightly"
    return out


def _per_year(m: re.Match[str]) -> float:
    if m.group("hyphened"):
        return _count(m.group("hyphened")) * _ADVERBS[m.group("period").lower()]
    if m.group("adverb"):
        return _ADVERBS[m.group("adverb").lower()]
    if m.group("p1"):
        period = _PER_YEAR[m.group("p1").lower()]
        gap = 2.0 if m.group("other") else _count(m.group("gap") or "1")
        return period / gap if gap else 0.0
    times = _count(m.group("n") or m.group("times"))
    return times * _PER_YEAR[m.group("p2").lower()]


def _count(word: str) -> float:
    low = word.lower()
    return float(low) if low.isdigit() else float(_TIMES.get(low) or NUMBER_WORDS.get(low, 0))
