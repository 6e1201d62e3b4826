"""Figures in a claim: durations, dates, times of day and other numbers, each read into a
key so that two accounts' wordings of one figure compare equal: "18 March" and "March 18",
"from 23 to 25 March" and "23–25 March", "two hours" and "120 minutes", "3 p.m." and
"15:00". Where the account's day of issue is known, "today", "yesterday" and
"tomorrow" are read as that day, "next year" as a year, and a weekday ("on Monday") as the
days of that name within a week either side of it. Chinese, Japanese and Korean figures
are read in app/cjk_figures.py; dates and the Mention both make, in app/figure_dates.py.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from app.cjk import has_cjk
from app.cjk_figures import add_cjk, cjk_found
from app.figure_dates import (
    CALENDAR_WORDS,
    MONTH_NUMBERS,
    MONTHS,
    NUMBER_WORDS,
    WEEKDAYS,
    YEAR,
    Mention,
    Span,
    read_date,
)
from app.frequencies import frequency_matches

__all__ = [
    "CALENDAR_WORDS", "MONTHS", "WEEKDAYS", "Mention", "comparable", "figure_spans", "figures",
    "parse_day", "same_figure",
]  # fmt: skip

_UNIT_HOURS = {
    "second": 1 / 3600, "minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0,
    "month": 720.0, "year": 8760.0,
}  # fmt: skip

_NUM = r"(?:\d+(?:[.,]\d+)*|(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|" \
    r"twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|dozen|several|a few)" \
    r"(?:[\s-]+(?:and\s+a\s+half|hundred|thousand|million))?)"  # fmt: skip
_DURATION_RE = re.compile(
    rf"\b(?:approximately\s+|about\s+|nearly\s+|almost\s+|over\s+|some\s+)?{_NUM}[\s-]+"
    r"(?:and\s+a\s+half\s+)?(second|minute|hour|day|week|month|year)s?\b",
    re.IGNORECASE,
)

#: what comes before "a day" in a rate, not a duration: "150 trucks a day", "1.2 million
#: tonnes a month", "twice a week", "three times a year"
_RATE_RE = re.compile(
    r"\b(?:once|twice|thrice|times|(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|twelve|twenty|thirty|forty|fifty|hundred|dozen)(?:\s+(?:hundred|thousand|million|"
    r"billion))?\s+(?:[^\W\d_]+\s+)?[^\W\d_]+s)\s+$",
    re.IGNORECASE,
)

# A month as written in running text: capitalised, abbreviations with their full stop
# ("Feb.", "Sept."), so that "may" and "mar" stay words.
_MONTH = "|".join(
    [m.capitalize() for m in MONTHS] + ["Sept\\."] + [m[:3].capitalize() + "\\." for m in MONTHS]
)
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_JOIN = r"\s*(?:[–-]|,\s*and|,|and|to)\s*"
#: days before the month may be listed or spanned in words ("23, 24 and 25 March", "from
#: 3 to 4 June"); after it, only a dash may join them unless punctuation or a preposition
#: follows ("March 23 to 25, in Riyadh"), so "March 3 and 12 ministers" is no span
_DATE_RE = re.compile(
    rf"\b(?:{_DAY}(?:{_JOIN}{_DAY})*\s+(?:of\s+)?(?:{_MONTH})(?:,?\s+{YEAR})?"
    rf"|(?:{_MONTH})\s+{_DAY}(?:{_JOIN}{_DAY})+(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|with|"
    rf"during|{YEAR})\b)(?:,?\s+{YEAR})?"
    rf"|(?:{_MONTH})\s+{_DAY}(?:\s*[–-]\s*{_DAY})?(?:,?\s+{YEAR})?"
    rf"|(?:{_MONTH})\s+{YEAR}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"|{YEAR}"
    r"|(?i:yesterday|today|tomorrow|earlier this week|(?:last|next) week"
    # "over the next year", "for the past year" are spans of time, not a calendar year
    r"|(?<!over the )(?<!for the )(?<!in the )(?<!within the )(?<!during the )"
    r"(?<!throughout the )(?:last|this|next) year))\b"
)
#: times of day: "22:50", "10:30 a.m.", "10.30am", "3 pm", "9 o'clock", "noon"
_TIME_RE = re.compile(
    r"\b(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<half>[ap])(?:\.\s?m\.|\s?m\b)"
    r"|\b(?P<oclock>\d{1,2})\s+o['’]clock\b"
    r"|\b(?P<h24>\d{1,2}):(?P<m24>\d{2})(?::\d{2})?(?![\d,.:]\d)"
    r"|\b(?P<named>noon|midday|midnight)\b",
    re.IGNORECASE,
)
_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\s?(?:%|percent|per cent))?(?![\w])")
_SHARE_RE = re.compile(r"[%％]|per\s?cent")


def figures(text: str, issued: date | None = None) -> dict[str, list[Mention]]:
    """The durations, dates, times of day and other numbers in ``text``; ``issued`` is
    the day the account was issued, where known."""
    durations, dates, times, often = _found(text)
    out = {
        "duration": [_duration(m) for m in durations],
        "date": [read_date(m.group(0), issued) for m in dates],
        "time": [Mention("time", m.group(0).strip(), key) for m, key in times],
        "frequency": [Mention("frequency", m.group(0), key) for m, key in often],
        "number": _numbers(text, figure_spans(text)),
    }
    if has_cjk(text):
        add_cjk(out, text, issued, tuple(_english_spans(text)))
    return out


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Where the durations, dates and times of day stand in ``text``: their words ("two
    hours", "next year") are compared as figures, not as wording. In Chinese, Japanese
    and Korean, numbers too: "一百名" is a figure, and its characters no words."""
    spans = _english_spans(text)
    if has_cjk(text):
        spans += [(f.start, f.end) for f in cjk_found(text, tuple(spans))]
    return spans


def _english_spans(text: str) -> list[Span]:
    durations, dates, times, often = _found(text)
    return [m.span() for m in durations + dates] + [m.span() for m, _ in times + often]


_Matches = tuple[re.Match[str], ...]
_Keyed = tuple[tuple[re.Match[str], str], ...]
_Found = tuple[_Matches, _Matches, _Keyed, _Keyed]  # durations, dates, times, frequencies


@lru_cache(maxsize=4096)  # a link's texts are read several times: figures, shares, phrases
def _found(text: str) -> _Found:
    times = tuple((m, key) for m in _TIME_RE.finditer(text) if (key := _time_key(m)))
    often = tuple(frequency_matches(text))
    # "12:30 hours" is a time, not "30 hours"; "every 14 days" a frequency
    taken = [m.span() for m, _ in times + often]
    durations = tuple(
        m
        for m in _DURATION_RE.finditer(text)
        if not _is_rate(text, m) and not any(s < m.end() and m.start() < e for s, e in taken)
    )
    return durations, tuple(_dates(text)), times, often


def _dates(text: str) -> list[re.Match[str]]:
    """The dates in ``text``; a weekday written with its date ("Monday, 9 March") is that
    date's, not one of its own."""
    found = list(_DATE_RE.finditer(text))
    return [
        m
        for m, nxt in zip(found, [*found[1:], None], strict=False)
        if not (
            m.group(0).lower() in WEEKDAYS
            and nxt is not None
            and re.fullmatch(r",?\s*", text[m.end() : nxt.start()])
        )
    ]


def same_figure(x: Mention, y: Mention) -> bool:
    """Whether two mentions of one kind name the same figure."""
    if x.kind != "date":
        return x.key == y.key
    # the same relative word matches where an account's day is unknown, and one weekday
    # always does: the reports' days cannot tell which week each meant
    if x.word and x.word == y.word and (_unresolved(x) or _unresolved(y) or x.days or y.days):
        return True
    if _unresolved(x) or _unresolved(y):
        return False
    return any(_same_day(kx, yx, ky, yy) for kx, yx in _days(x) for ky, yy in _days(y))


def _unresolved(m: Mention) -> bool:
    return bool(m.word) and m.key == m.word and not m.days


def _days(m: Mention) -> tuple[tuple[str, str], ...]:
    """The (key, year) days a date may be: one, or a weekday's few."""
    return m.days or ((m.key, m.year),)


def _same_day(kx: str, yx: str, ky: str, yy: str) -> bool:
    if kx == ky:  # the year counts only where both give one
        return not (yx and yy and yx != yy)
    if kx.isdigit() or ky.isdigit():  # a year alone: any date in that year
        return kx in (ky, yy) or ky in (kx, yx)
    if kx[:1] == "-" or ky[:1] == "-":  # a day alone ("14日"): that day of any month
        alone, other = (kx, ky) if kx[:1] == "-" else (ky, kx)
        return alone[1:] in other.split("-")[1:]
    return False


def comparable(x: Mention, y: Mention) -> bool:
    """Whether two mentions that do not match are versions of one figure, to be shown side
    by side: durations of a similar length ("90 minutes", "two hours"; not "nine years"
    and "two-day"), two shares or two plain numbers. Dates and times always are."""
    if x.kind == "duration":
        hx, hy = float(x.key[:-1]), float(y.key[:-1])
        return min(hx, hy) > 0 and max(hx, hy) / min(hx, hy) <= 12
    if x.kind == "number":
        return bool(_SHARE_RE.search(x.text)) == bool(_SHARE_RE.search(y.text))
    return True


def _is_rate(text: str, m: re.Match[str]) -> bool:
    """ "a day" in "150 trucks a day" is a rate, no span of time."""
    single = re.match(r"an?\s", m.group(0), re.IGNORECASE)
    return bool(single) and bool(_RATE_RE.search(text, max(0, m.start() - 60), m.start()))


def _duration(m: re.Match[str]) -> Mention:
    unit = m.group(1).lower()
    return Mention("duration", m.group(0).strip(), f"{_value(m.group(0)) * _UNIT_HOURS[unit]:.4g}h")


def _value(phrase: str) -> float:
    low = phrase.lower().replace("-", " ")
    m = re.search(r"\d+(?:[.,]\d+)?", low)
    base = float(m.group(0).replace(",", "")) if m else 0.0
    if not m:  # the first number word ("two and a half hours"), else "a"/"an" for one
        words = [w for w in low.split() if w in NUMBER_WORDS and w not in ("a", "an", "half")]
        base = float(next((NUMBER_WORDS[w] for w in words if NUMBER_WORDS[w]), 0))
        if base == 0 and re.search(r"\ban?\b", low):
            base = 1.0
    if "and a half" in low:
        base += 0.5
    return base


def _time_key(m: re.Match[str]) -> str:
    """``HH:MM`` on a 24-hour clock; empty for what is no time of day ("25:70")."""
    if m.group("named"):
        return "00:00" if m.group("named").lower() == "midnight" else "12:00"
    hour = m.group("h") or m.group("oclock") or m.group("h24")
    h, mins = int(hour), int(m.group("m") or m.group("m24") or 0)
    if m.group("half"):
        if not 1 <= h <= 12:
            return ""
        h = h % 12 + (12 if m.group("half").lower() == "p" else 0)
    if mins > 59 or h > 24 or (h == 24 and mins):
        return ""
    return f"{h % 24:02d}:{mins:02d}"


def _numbers(text: str, covered: list[tuple[int, int]]) -> list[Mention]:
    """Numbers outside the ``covered`` spans (the durations, dates and times)."""
    out = []
    for m in _NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        out.append(Mention("number", m.group(0), m.group(0).replace(",", "").replace(" ", "")))
    return out


# -- the day an account was issued ----------------------------------------------------------

_MONTH_WORD = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_WEEKDAY_WORD = "|".join(WEEKDAYS) + "|" + "|".join(w[:3] for w in WEEKDAYS)
_ISSUED = re.compile(
    rf"(?:(?:{_WEEKDAY_WORD})\.?,?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>{_MONTH_WORD})\.?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MONTH_WORD})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}}))",
    re.IGNORECASE,
)


def parse_day(text: str) -> date | None:
    """A day as people write it in a date field or a dateline: "2025-02-15", "15 February
    2025", "February 15, 2025", "Saturday, 15th February 2025"; None for anything else
    (blank, a month, a year, "15/02/2025", which reads two ways)."""
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
        month = MONTH_NUMBERS[m.group("m" + k).lower()]
        return date(int(m.group("y" + k)), month, int(m.group("d" + k)))
    except ValueError:
        return None
