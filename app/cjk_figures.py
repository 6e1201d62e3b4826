"""Figures in Chinese, Japanese and Korean, read into the keys English ones get
(app/figures.py). They stand against the words around them, with no space: "延长30天",
"3月14日". Durations: "30天", "两个小时", "一个半小时", "30日間", "3か月", "2시간", "두 시간";
dates: "2025年3月14日", "3月14日至16日", "14日", "4月", "3월 14일", "昨天", "星期一", "月曜日";
times: "15时30分", "下午3点", "午後3時", "오후 3시"; numbers in digits, and in Chinese
numerals where a measure word or "第" shows them to be one ("一百名", "第三轮").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from app.cjk import CJK
from app.figure_dates import WEEKDAYS, Mention, Span, read_date

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


def add_cjk(
    out: dict[str, list[Mention]], text: str, issued: date | None, english: tuple[Span, ...]
) -> None:
    """Add the Chinese, Japanese and Korean figures of ``text`` to ``out``, outside the
    ``english`` ones' spans; its numbers are read again here, since a number stands
    against the characters around it."""
    found = cjk_found(text, english)
    out["number"] = []
    for f in found:
        shown = text[f.start : f.end].strip()
        if f.kind == "date" and f.word:
            out["date"].append(read_date(shown, issued, f.word))
        else:
            out[f.kind].append(Mention(f.kind, shown, f.key, f.year))


@lru_cache(maxsize=4096)
def cjk_found(text: str, english: tuple[Span, ...]) -> tuple[_Figure, ...]:
    """The figures of ``text`` in reading order, outside the ``english`` ones' spans: times
    first, then durations, dates and numbers outside them."""
    taken = list(english)
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
