"""What the readers of figures share (app/figures.py in English, app/cjk_figures.py in
Chinese, Japanese and Korean): the Mention a figure becomes, and dates read into keys that
compare across wordings, relative days ("today", "next year") and weekdays read against the
account's day of issue where it is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: every spelling of a month we read, lower case, to its number: "sept" and "sep" too
MONTH_NUMBERS = {
    **{m: i + 1 for i, m in enumerate(MONTHS)},
    **{m[:3]: i + 1 for i, m in enumerate(MONTHS)},
    "sept": 9,
}
#: numbers as words, for every reader of English figures (durations, how often)
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1e6, "billion": 1e9, "dozen": 12, "half": 0.5, "a": 1, "an": 1,
}  # fmt: skip
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_RELATIVE_YEARS = {"last year": -1, "this year": 0, "next year": 1}
#: how far either side of the day of issue a weekday may fall ("will reopen on Monday",
#: "met on Monday": the text seldom says which week, so both are taken)
WEEKDAY_REACH = 7
#: words the date check compares, so they carry no point of their own
CALENDAR_WORDS = frozenset([*MONTH_NUMBERS, *WEEKDAYS, *_RELATIVE_DAYS])
#: a year as accounts write one: "2025", "1999"
YEAR = r"(?:19|20)\d{2}"
#: where a figure stands in its text: (start, end)
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure as one account words it, and the key that compares it with the other's.
    A date keeps its year apart (one account may leave it out), and a relative day its
    word ("today"), which is its key too while the account's day is unknown. A weekday
    read against the day of issue has several ``days`` it may be, each a (key, year)."""

    kind: str
    text: str
    key: str
    year: str = ""
    word: str = ""
    days: tuple[tuple[str, str], ...] = ()


def read_date(text: str, issued: date | None, word: str = "") -> Mention:
    """``text`` read as a date; ``word``: the English words for it, where it is written in
    another language ("昨天": "yesterday")."""
    low = word or text.lower().replace(".", "")
    if low in _RELATIVE_DAYS or low in _RELATIVE_YEARS or low in WEEKDAYS:
        if issued is None:
            return Mention("date", text, low, word=low)
        if low in _RELATIVE_DAYS:
            day = issued + timedelta(days=_RELATIVE_DAYS[low])
            return Mention("date", text, _day_key(day), str(day.year), low)
        if low in _RELATIVE_YEARS:
            return Mention("date", text, str(issued.year + _RELATIVE_YEARS[low]), word=low)
        near = [issued + timedelta(days=k) for k in range(-WEEKDAY_REACH, WEEKDAY_REACH + 1)]
        days = tuple((_day_key(d), str(d.year)) for d in near if d.weekday() == WEEKDAYS.index(low))
        return Mention("date", text, low, word=low, days=days)
    year = re.search(rf"\b{YEAR}\b", low)
    month = next((n for w, n in MONTH_NUMBERS.items() if re.search(rf"\b{w}\b", low)), 0)
    if not month:
        return Mention("date", text, year.group(0) if year and low == year.group(0) else low)
    body = low[: year.start()] if year else low
    return Mention("date", text, f"{month:02d}-{_days_key(body)}", year.group(0) if year else "")


def _day_key(day: date) -> str:
    return f"{day.month:02d}-{day.day}"


def _days_key(text: str) -> str:
    """The days a date names, in order: a span in full ("23 to 25" is 23-24-25, as is "23,
    24 and 25"), a list as it is ("23 and 25")."""
    found = list(re.finditer(r"\d{1,2}", text))
    days: list[int] = []
    for i, m in enumerate(found):
        day = int(m.group(0))
        between = text[found[i - 1].end() : m.start()] if i else ""
        if days and re.search(r"[–-]|\bto\b", between) and days[-1] < day <= days[-1] + 31:
            days.extend(range(days[-1] + 1, day))
        days.append(day)
    return "-".join(str(d) for d in sorted(set(days)))
