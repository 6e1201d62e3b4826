"""Figures in a claim: durations, dates, times of day and other numbers, each read into a
key so that two accounts' wordings of one figure compare equal: "18 March" and "March 18",
"from 23 to 25 March" and "23–25 March", "two hours" and "120 minutes", "3 p.m." and
"15:00". Where the account's day of issue is known, "today", "yesterday" and
"tomorrow" are read as that day, "next year" as a year, and a weekday ("on Monday") as the
days of that name within a week either side of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from app.cjk import CJK, has_cjk

__all__ = [
    "CALENDAR_WORDS", "Mention", "comparable", "figure_spans", "figures", "parse_day",
    "same_figure",
]  # fmt: skip

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
_RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_RELATIVE_YEARS = {"last year": -1, "this year": 0, "next year": 1}
#: how far either side of the day of issue a weekday may fall ("will reopen on Monday",
#: "met on Monday": the text seldom says which week, so both are taken)
WEEKDAY_REACH = 7
#: words the date check compares, so they carry no point of their own
CALENDAR_WORDS = frozenset([*MONTH_NUMBERS, *WEEKDAYS, *_RELATIVE_DAYS])

_UNIT_HOURS = {
    "second": 1 / 3600, "minute": 1 / 60, "hour": 1.0, "day": 24.0, "week": 168.0,
    "month": 720.0, "year": 8760.0,
}  # fmt: skip
_NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "million": 1e6, "billion": 1e9, "dozen": 12, "half": 0.5, "a": 1, "an": 1,
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
_YEAR = r"(?:19|20)\d{2}"
#: days before the month may be listed or spanned in words ("23, 24 and 25 March", "from
#: 3 to 4 June"); after it, only a dash may join them unless punctuation or a preposition
#: follows ("March 23 to 25, in Riyadh"), so "March 3 and 12 ministers" is no span
_DATE_RE = re.compile(
    rf"\b(?:{_DAY}(?:{_JOIN}{_DAY})*\s+(?:of\s+)?(?:{_MONTH})(?:,?\s+{_YEAR})?"
    rf"|(?:{_MONTH})\s+{_DAY}(?:{_JOIN}{_DAY})+(?=\s*(?:[,.;:)]|$)|\s+(?:in|at|on|with|"
    rf"during|{_YEAR})\b)(?:,?\s+{_YEAR})?"
    rf"|(?:{_MONTH})\s+{_DAY}(?:\s*[–-]\s*{_DAY})?(?:,?\s+{_YEAR})?"
    rf"|(?:{_MONTH})\s+{_YEAR}"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    rf"|{_YEAR}"
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


def figures(text: str, issued: date | None = None) -> dict[str, list[Mention]]:
    """The durations, dates, times of day and other numbers in ``text``; ``issued`` is
    the day the account was issued, where known."""
    durations, dates, times = _found(text)
    out = {
        "duration": [_duration(m) for m in durations],
        "date": [_date(m.group(0), issued) for m in dates],
        "time": [Mention("time", m.group(0).strip(), key) for m, key in times],
        "number": _numbers(text, figure_spans(text)),
    }
    if has_cjk(text):
        _add_cjk(out, text, issued)
    return out


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Where the durations, dates and times of day stand in ``text``: their words ("two
    hours", "next year") are compared as figures, not as wording. In Chinese, Japanese
    and Korean, numbers too: "一百名" is a figure, and its characters no words."""
    durations, dates, times = _found(text)
    spans = [m.span() for m in durations + dates] + [m.span() for m, _ in times]
    if has_cjk(text):
        spans += [(f.start, f.end) for f in _cjk_found(text)]
    return spans


_Found = tuple[
    tuple[re.Match[str], ...], tuple[re.Match[str], ...], tuple[tuple[re.Match[str], str], ...]
]


@lru_cache(maxsize=4096)  # a link's texts are read several times: figures, shares, phrases
def _found(text: str) -> _Found:
    times = tuple((m, key) for m in _TIME_RE.finditer(text) if (key := _time_key(m)))
    clock = [m.span() for m, _ in times]  # "12:30 hours" is a time, not "30 hours"
    durations = tuple(
        m
        for m in _DURATION_RE.finditer(text)
        if not _is_rate(text, m) and not any(s < m.end() and m.start() < e for s, e in clock)
    )
    return durations, tuple(_dates(text)), times


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
        words = [w for w in low.split() if w in _NUMBER_WORDS and w not in ("a", "an", "half")]
        base = float(next((_NUMBER_WORDS[w] for w in words if _NUMBER_WORDS[w]), 0))
        if base == 0 and re.search(r"\ban?\b", low):
            base = 1.0
    if "and a half" in low:
        base += 0.5
    return base


def _date(text: str, issued: date | None, word: str = "") -> Mention:
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
    year = re.search(rf"\b{_YEAR}\b", low)
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


# -- Chinese, Japanese and Korean ---------------------------------------------------------
# Figures there stand against the words around them, with no space: "延长30天", "3月14日".
# Durations: "30天", "两个小时", "一个半小时", "30日間", "3か月", "2시간", "두 시간"; dates:
# "2025年3月14日", "3月14日至16日", "14日", "4月", "3월 14일", "昨天", "星期一", "月曜日";
# times: "15时30分", "下午3点", "午後3時", "오후 3시"; numbers in digits, and in Chinese
# numerals where a measure word or "第" shows them to be one ("一百名", "第三轮").

_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_ZH_TENS = {"十": 10, "百": 100, "千": 1000}
_MYRIADS = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "만": 1e4, "억": 1e8}
#: Korean's own numbers, as they count hours, months and weeks ("두 시간", "한 달")
_KOREAN_NUMBERS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7,
                   "여덟": 8, "아홉": 9, "열": 10, "스무": 20}  # fmt: skip
_ZH_NUM = "[〇零一二两兩三四五六七八九十百千万萬]+"
_ARABIC = r"\d+(?:[.,]\d+)*"
_KO_NUM = "|".join(sorted(_KOREAN_NUMBERS, key=len, reverse=True))
_CJK_UNIT_HOURS = {
    "秒": 1 / 3600, "秒钟": 1 / 3600, "秒鐘": 1 / 3600, "초": 1 / 3600,
    "分": 1 / 60, "分钟": 1 / 60, "分鐘": 1 / 60, "분": 1 / 60,
    "小时": 1.0, "小時": 1.0, "钟头": 1.0, "鐘頭": 1.0, "時間": 1.0, "시간": 1.0,
    "天": 24.0, "日": 24.0, "일": 24.0,
    "星期": 168.0, "周": 168.0, "週": 168.0, "주": 168.0,
    "月": 720.0, "월": 720.0, "개월": 720.0, "달": 720.0,
    "年": 8760.0, "년": 8760.0,
}  # fmt: skip
_CJK_UNIT = "|".join(sorted(_CJK_UNIT_HOURS, key=len, reverse=True))
_CJK_DURATION_RE = re.compile(
    r"(?P<about>约|大约|将近|超过|逾|約|およそ|약|대략)?\s?"
    rf"(?:(?P<n>{_ARABIC}|{_ZH_NUM}|{_KO_NUM})\s?(?P<c1>[个個])?(?P<h1>半)?|(?P<h2>半))"
    rf"(?P<c2>[个個ヶケかカ箇ヵ개])?\s?(?P<unit>{_CJK_UNIT})(?P<tail>間|间|간|\s?동안)?"
)
#: after a Korean count of days, the words that make it a span of time, not a day of the
#: month: "30일 연장" (extended by 30 days), "30일 이내" (within 30 days)
_KOREAN_SPAN_CUE = re.compile(r"\s?(?:연장|이상|이내|만에|가량|정도|안에)")

_ZH_DAY = "[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DAY_NUM = rf"(?:3[01]|[12]\d|0?[1-9]|{_ZH_DAY})"
_DAY_UNIT = "[日号號일]"
_DAY_SEP = r"(?:至|到|[-–—~～〜]|から)"
_DAY_PART = (
    rf"(?P<d>{_DAY_NUM})\s?(?:{_DAY_UNIT}(?:\s?{_DAY_SEP}\s?(?P<d2>{_DAY_NUM})\s?{_DAY_UNIT})?"
    rf"|{_DAY_SEP}\s?(?P<d3>{_DAY_NUM})\s?{_DAY_UNIT})"
)
_CJK_YEAR = r"(?:19|20)\d{2}|[〇零一二三四五六七八九]{4}"
_CJK_MONTH = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s?[月월]"
_CJK_DATE_RE = re.compile(
    rf"(?<![\d〇零一二两三四五六七八九十])(?:(?:(?P<y>{_CJK_YEAR})\s?[年년]\s?)?{_CJK_MONTH}"
    rf"(?:\s?{_DAY_PART})?|(?P<ya>{_CJK_YEAR})\s?[年년]|(?P<dd>{_DAY_NUM})\s?[日일](?![间間]))"
)
_CJK_DATE_WORDS = {
    **dict.fromkeys(["今天", "今日", "오늘"], "today"),
    **dict.fromkeys(["昨天", "昨日", "어제"], "yesterday"),
    **dict.fromkeys(["明天", "明日", "내일"], "tomorrow"),
    **dict.fromkeys(["去年", "昨年", "작년"], "last year"),
    **dict.fromkeys(["今年", "올해"], "this year"),
    **dict.fromkeys(["明年", "来年", "내년"], "next year"),
    **dict.fromkeys(["上周", "上星期", "先週", "지난주"], "last week"),
    **dict.fromkeys(["下周", "下星期", "来週", "다음 주"], "next week"),
}
_ZH_WEEKDAYS = "一二三四五六日"
_JA_WEEKDAYS = "月火水木金土日"
_KO_WEEKDAYS = "월화수목금토일"
_CJK_WORD_DATE_RE = re.compile(
    "|".join(sorted(_CJK_DATE_WORDS, key=len, reverse=True))
    + rf"|(?:星期|礼拜|禮拜)[{_ZH_WEEKDAYS}天]|周[{_ZH_WEEKDAYS}](?!年)"
    + rf"|[{_JA_WEEKDAYS}]曜日?|[{_KO_WEEKDAYS}]요일"
)
_CJK_HOUR = r"\d{1,2}|[〇零一二两三四五六七八九十]{1,3}"
_CJK_TIME_RE = re.compile(
    r"(?P<half_day>上午|下午|早上|早晨|晚上|凌晨|中午|午前|午後|오전|오후)?\s?"
    rf"(?P<h>{_CJK_HOUR})\s?(?P<u>[时時点點시])(?![间間候간])"
    rf"(?:\s?(?P<m>{_CJK_HOUR})\s?[分분](?![钟鐘之])|\s?(?P<half>半|반)|(?P<clock>钟|鐘))?"
    r"|(?<!\d)(?P<h24>\d{1,2})[:：](?P<m24>\d{2})(?![\d:])"
)
_AFTERNOON = ("下午", "晚上", "午後", "오후")
#: measure words after a count ("150名", "第三轮", "3回"): the figure's, not words
_MEASURE = "[名人位项項点點条條艘架辆輛吨噸次轮輪届屆批枚件回隻機台个個]"
_CJK_NUMBER_RE = re.compile(
    rf"(?<![^\W{CJK}])(?<![.,])第?(?P<v>{_ARABIC})\s?(?P<x>[万萬亿億만억])?"
    rf"(?P<pct>\s?(?:[%％]|percent|per cent))?{_MEASURE}?(?![^\W{CJK}])"
    rf"|第(?P<ord>{_ZH_NUM}){_MEASURE}?|(?P<zh>{_ZH_NUM}){_MEASURE}"
)


@dataclass(frozen=True, slots=True)
class _Figure:
    """A figure found in Chinese, Japanese or Korean text, before the day of issue is
    known: a date written as a word keeps its English ``word`` ("yesterday")."""

    start: int
    end: int
    kind: str
    key: str
    year: str = ""
    word: str = ""


def _add_cjk(out: dict[str, list[Mention]], text: str, issued: date | None) -> None:
    """Add the Chinese, Japanese and Korean figures of ``text`` to ``out``; its numbers
    are read again here, since a number stands against the characters around it."""
    found = _cjk_found(text)
    out["number"] = []
    for f in found:
        shown = text[f.start : f.end].strip()
        if f.kind == "date" and f.word:
            out["date"].append(_date(shown, issued, f.word))
        else:
            out[f.kind].append(Mention(f.kind, shown, f.key, f.year))


@lru_cache(maxsize=4096)
def _cjk_found(text: str) -> tuple[_Figure, ...]:
    """The figures of ``text`` in reading order, where the English ones (``_found``) are
    not: times first, then durations, dates and numbers outside them."""
    durations, dates, times = _found(text)
    taken = [m.span() for m in durations + dates] + [m.span() for m, _ in times]
    out: list[_Figure] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    def add(f: _Figure | None) -> None:
        if f is not None and f.end > f.start and free(f.start, f.end):
            out.append(f)
            taken.append((f.start, f.end))

    for m in _CJK_TIME_RE.finditer(text):
        add(_cjk_time(m))
    for m in _CJK_DURATION_RE.finditer(text):
        add(_cjk_duration(text, m))
    for m in _CJK_DATE_RE.finditer(text):
        add(_cjk_date(m))
    for m in _CJK_WORD_DATE_RE.finditer(text):
        add(_cjk_word_date(m))
    for m in _CJK_NUMBER_RE.finditer(text):
        add(_cjk_number(m))
    return tuple(sorted(out, key=lambda f: f.start))


def _cjk_value(s: str) -> float | None:
    """A number in digits (full-width too), Chinese numerals ("两", "三十", "二〇二五",
    "一百五十") or Korean's own ("두"); None for what is none."""
    s = s.strip()
    if s in _KOREAN_NUMBERS:
        return float(_KOREAN_NUMBERS[s])
    if s and s[0].isdigit():
        try:
            return float(s.replace(",", ""))
        except ValueError:
            return None
    if s and all(ch in _ZH_DIGITS for ch in s):  # "二〇二五": digit by digit
        return float("".join(str(_ZH_DIGITS[ch]) for ch in s))
    total = section = 0.0
    digit: float | None = None
    for ch in s:
        if ch in _ZH_DIGITS:
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_TENS:
            section += (1 if digit is None else digit) * _ZH_TENS[ch]
            digit = None
        elif ch in _MYRIADS:
            total += (section + (digit or 0)) * _MYRIADS[ch]
            section, digit = 0.0, None
        else:
            return None
    return total + section + (digit or 0)


def _cjk_duration(text: str, m: re.Match[str]) -> _Figure | None:
    unit, n = m.group("unit"), m.group("n") or ""
    counted = bool(m.group("c1") or m.group("c2"))
    tail = m.group("tail")
    if n in _KOREAN_NUMBERS and (
        unit not in ("시간", "달", "주")
        or "\uac00" <= text[m.start("n") - 1 : m.start("n")] <= "\ud7a3"
    ):
        return None  # "세일" is no three days, "정한 시간" no hour
    if unit in ("月", "월") and not counted:
        return None  # "4月" is April, "3个月" three months
    if unit == "日" and not tail:
        return None  # "14日" is a day of the month, "14日間" fourteen days
    if unit == "일" and not tail and not _KOREAN_SPAN_CUE.match(text, m.end()):
        return None
    if unit in ("年", "년") and (len(n) == 4 or re.match(r"\s?\d+\s?[月월]", text[m.end() :])):
        return None  # "2025年" is a year
    if unit in ("周", "週", "주") and text[m.end() : m.end() + 1] in ("年", "년"):
        return None  # "75周年": an anniversary
    if unit in ("分", "秒") and not n[:1].isdigit():
        return None  # "十分重要": "very", not ten minutes
    value = _cjk_value(n) if n else 0.0
    if value is None:
        return None
    if m.group("h1") or m.group("h2"):
        value += 0.5
    if not value:
        return None
    return _Figure(m.start(), m.end(), "duration", f"{value * _CJK_UNIT_HOURS[unit]:.4g}h")


def _cjk_date(m: re.Match[str]) -> _Figure | None:
    year = m.group("y") or m.group("ya") or ""
    if year:
        year = str(int(_cjk_value(year) or 0))
    if m.group("dd"):  # a day alone: "14日"
        day = _cjk_value(m.group("dd"))
        return _Figure(m.start(), m.end(), "date", f"-{day:.0f}") if day else None
    if not m.group("m"):
        return _Figure(m.start(), m.end(), "date", year)
    month = int(_cjk_value(m.group("m")) or 0)
    days = [_cjk_value(m.group(g) or "") for g in ("d", "d2", "d3") if m.group(g)]
    if not 1 <= month <= 12 or any(d is None or not 1 <= d <= 31 for d in days):
        return None
    span = [int(d) for d in days if d]
    if len(span) == 2 and span[0] < span[1]:
        span = list(range(span[0], span[1] + 1))
    return _Figure(m.start(), m.end(), "date", f"{month:02d}-" + "-".join(map(str, span)), year)


def _cjk_word_date(m: re.Match[str]) -> _Figure:
    word = m.group(0)
    if word in _CJK_DATE_WORDS:
        english = _CJK_DATE_WORDS[word]
    elif word[0] in "星礼禮周":  # "星期一", "周日"
        english = WEEKDAYS[6 if word[-1] in "日天" else _ZH_WEEKDAYS.index(word[-1])]
    elif word.endswith("요일"):
        english = WEEKDAYS[_KO_WEEKDAYS.index(word[0])]
    else:  # "月曜日"
        english = WEEKDAYS[_JA_WEEKDAYS.index(word[0])]
    return _Figure(m.start(), m.end(), "date", english, word=english)


def _cjk_time(m: re.Match[str]) -> _Figure | None:
    if m.group("h24"):
        h, mins = int(m.group("h24")), int(m.group("m24"))
    else:
        if m.group("u") in "点點" and not (
            m.group("half_day") or m.group("m") or m.group("half") or m.group("clock")
        ):
            return None  # "三点建议": three points, no time
        h = int(_cjk_value(m.group("h")) or 0)
        mins = 30 if m.group("half") else int(_cjk_value(m.group("m") or "0") or 0)
        half_day = m.group("half_day") or ""
        if (half_day in _AFTERNOON and h < 12) or (half_day == "中午" and h < 6):
            h += 12
    if mins > 59 or h > 24 or (h == 24 and mins):
        return None
    return _Figure(m.start(), m.end(), "time", f"{h % 24:02d}:{mins:02d}")


def _cjk_number(m: re.Match[str]) -> _Figure | None:
    if m.group("v"):
        if m.group("x"):  # "3万": 30000
            value = _cjk_value(m.group("v"))
            if value is None:
                return None
            key = f"{value * _MYRIADS[m.group('x')]:.12g}" + ("%" if m.group("pct") else "")
        else:  # keyed as English numbers are ("1,500" = "1500"), full-width as ASCII
            key = unicodedata.normalize("NFKC", m.group("v") + (m.group("pct") or ""))
            key = key.replace(",", "").replace(" ", "")
        return _Figure(m.start(), m.end(), "number", key)
    numeral = m.group("ord") or m.group("zh")
    value = _cjk_value(numeral)
    if value is None or (m.group("zh") and value < 2):
        return None  # "一名", "一项": more often "a" than a count
    return _Figure(m.start(), m.end(), "number", f"{value:.12g}")


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
