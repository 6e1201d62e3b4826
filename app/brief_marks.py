"""Finding the words to mark inside a claim: the words that differ from the other account,
as whole words where they stand as such, widened to whole words where they do not, and
split into plain and marked ``Fragment``s (a figure, date or name marked more strongly than
wording found in one account only)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.cjk import SPACELESS
from app.figures import CALENDAR_WORDS


@dataclass(frozen=True)
class Fragment:
    """A stretch of a claim; ``marked``: words that differ, ``strong``: of them, a figure,
    date, duration or name (rather than wording found in one account only)."""

    text: str
    marked: bool = False
    strong: bool = False


#: a character of a word; Chinese and Japanese ones are each a word of their own, since
#: their text has no spaces to widen a mark to ("无条件" stays "无条件" inside "必须无条件执行")
_WORD_CHAR = re.compile(rf"(?![{SPACELESS}])\w")


def mark_fragments(
    text: str, needles: Iterable[str], strong: Iterable[str] = ()
) -> tuple[Fragment, ...]:
    """Split ``text`` into plain and marked fragments, marking each needle found in it:
    the first occurrence that stands as whole words (so "2" is not marked inside "12"),
    else the first occurrence at all; exact case first, then ignoring case. A mark is
    widened to whole words ("the U" of "the U.S." becomes "the U.S"). ``strong`` needles
    (figures, dates, names) are marked the same way and win where the two overlap; a
    name not found as written is marked by its capitalised words, where they stand as
    words ("Sergey Lavrov" in "Sergey Viktorovich Lavrov"; never the "a" of "a month"
    inside "agreed", nor the "February" of "February 15" for "February 12")."""
    level = [0] * len(text)
    for needles_of, value in ((needles, 1), (strong, 2)):
        for needle in needles_of:
            spans = _find_marks(text, needle.strip())
            if not spans and value == 2 and len(needle.split()) > 1:
                names = [
                    w
                    for w in needle.split()
                    if len(w) > 2 and w[0].isupper() and w.lower() not in CALENDAR_WORDS
                ]
                spans = [s for w in names for s in _find_marks(text, w, whole_only=True)]
            for s, e in spans:
                for i in range(s, e):
                    level[i] = max(level[i], value)
    out: list[Fragment] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or level[i] != level[start]:
            out.append(Fragment(text[start:i], level[start] > 0, level[start] == 2))
            start = i
    return tuple(out) or (Fragment(text),)


def _find_marks(text: str, needle: str, whole_only: bool = False) -> list[tuple[int, int]]:
    """Where to mark ``needle`` in ``text`` (at most one span), widened to whole words;
    ``whole_only``: only where it stands as whole words."""
    if not needle:
        return []
    folded = text.casefold() if len(text.casefold()) == len(text) else None
    found: tuple[int, int] | None = None
    for haystack, wanted in ((text, needle), (folded, needle.casefold())):
        if haystack is None:
            continue
        at = haystack.find(wanted)
        first = at
        while at >= 0 and not _whole_words(text, at, at + len(wanted)):
            at = haystack.find(wanted, at + 1)
        if at >= 0:
            found = (at, at + len(wanted))
            break
        if first >= 0 and found is None and not whole_only:
            found = (first, first + len(wanted))
    if found is None:
        return []
    return [_widen(text, *found)]


def _whole_words(text: str, start: int, end: int) -> bool:
    before = start == 0 or not _WORD_CHAR.match(text[start - 1])
    after = end >= len(text) or not _WORD_CHAR.match(text[end])
    return before and after


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow a span to whole words: through letters and digits, and through a dot, an
    apostrophe or a hyphen inside a word ("U.S", "Trump's", "re-affirmed")."""

    def inside(i: int) -> bool:
        if _WORD_CHAR.match(text[i]):
            return True
        return (
            text[i] in ".'’-" and 0 < i < len(text) - 1
            and bool(_WORD_CHAR.match(text[i - 1])) and bool(_WORD_CHAR.match(text[i + 1]))
        )  # fmt: skip

    if start < end and _WORD_CHAR.match(text[start]):
        while start > 0 and inside(start - 1):
            start -= 1
    if start < end and _WORD_CHAR.match(text[end - 1]):
        while end < len(text) and inside(end):
            end += 1
    return start, end
