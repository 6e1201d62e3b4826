"""Greek (Windows-1253, ISO-8859-7), Hebrew (Windows-1255) and Arabic (Windows-1256) in a
file that declares no charset: taken from words of their own letters, written as each
language writes them (app/code_pages.py asks)."""

from __future__ import annotations

import re
from itertools import pairwise

# Each is taken only from words made of its own letters alone (at least three of them and
# eight letters; Western text read so has one such letter among Latin ones, "cafι"), and
# only when those words are written as that language writes them. Cyrillic read in these
# pages gives words of their letters too, but not so written: Russian "т" is Greek's
# final sigma and stands mid-word, its "к", "н", "п" are Hebrew's final letters, and no
# Russian text gives the Arabic article "ال".

_WORD = re.compile(r"[^\W\d_]+")
_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")
_MIN_LETTERS = 8
_MIN_WORDS = 3
#: at most this share of the words holding a script's letters may mix in other letters
_MAX_MIXED = 0.1


def other_script(sample: bytes) -> str | None:
    """The Arabic, Greek or Hebrew code page of ``sample`` (its markup left out) if it is
    clearly text in one of them, else None."""
    if len(_HIGH_RUN.findall(sample)) < _MIN_WORDS:
        return None  # no words of another script
    return _arabic(sample) or _greek(sample) or _hebrew(sample)


def _script_reading(
    sample: bytes, encoding: str, first: str, last: str
) -> tuple[str, list[str]] | None:
    """``sample`` decoded, and its words in the script of ``first``..``last`` (see
    ``_script_words``); None if it does not decode or they are not enough."""
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return None
    words = _script_words(text, first, last)
    return None if words is None else (text, words)


def _script_words(text: str, first: str, last: str) -> list[str] | None:
    """The words of ``text`` made of letters in ``first``..``last`` alone, once they are
    enough and hardly any word mixes those letters with others; else None."""
    pure: list[str] = []
    mixed = 0
    for word in _WORD.findall(_JOINED.sub("", text)):
        inside = sum(first <= ch <= last for ch in word)
        if inside == len(word):
            pure.append(word)
        elif inside:
            mixed += 1
    if len(pure) < _MIN_WORDS or sum(map(len, pure)) < _MIN_LETTERS:
        return None
    return pure if mixed <= _MAX_MIXED * len(pure) else None


#: the combining marks these code pages hold: Hebrew points, Arabic vowels
_MARKS = "\u0591-\u05c7\u064b-\u065f\u0670"
#: what cuts no word in two: marks, and the left-to-right and right-to-left marks (which
#: Russian "э" and "ю" are in Windows-1255)
_JOINED = re.compile(f"[{_MARKS}\u200e\u200f]")
#: a mark after no letter (nor another mark)
_ORPHAN_MARK = re.compile(rf"(?<![^\W\d_])(?<![{_MARKS}])[{_MARKS}]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


_GREEK_ACCENTED = "άέήίόύώΆΈΉΊΌΎΏ"


def _greek(sample: bytes) -> str | None:
    """Windows-1253 or ISO-8859-7 when the text is Greek: every final sigma (ς) at the end
    of a word and a medial one (σ) seldom there, most words of four letters or more with
    their accent, and the rare "ΰ" and "ΐ" rare. Of the two pages, the one whose reading
    has more Greek letters and fewer control characters (ISO-8859-7 has none of 1253's
    quotes and dashes, and its "Ά" is 1253's "¶")."""
    best, score = None, 0
    for encoding in ("cp1253", "iso8859_7"):
        read = _script_reading(sample, encoding, "\u0386", "\u03ce")
        if read is None or not _written_greek(read[1]):
            continue
        text, words = read
        this = sum(map(len, words)) - 10 * len(_CONTROL.findall(text))
        if best is None or this > score:
            best, score = encoding, this
    return best


def _written_greek(words: list[str]) -> bool:
    """Whether Greek ``words`` are written as Greek is (see ``_greek``)."""
    letters = "".join(words).lower()
    finals = letters.count("ς")
    if sum(w.endswith("ς") for w in words) < 0.9 * finals:
        return False  # a final sigma inside a word
    if sum(w.lower().endswith("σ") for w in words) > 0.1 * letters.count("σ"):
        return False
    if letters.count("ΰ") + letters.count("ΐ") > 0.02 * len(letters):
        return False
    if sum(_camel(w) for w in words) > 0.1 * len(words):
        return False  # capitals inside words: another script's letters
    long_words = {w for w in words if len(w) >= 4 and not w.isupper()}
    accented = sum(any(ch in _GREEK_ACCENTED for ch in w) for w in long_words)
    return finals > 0 and accented >= 0.6 * len(long_words)


def _camel(word: str) -> bool:
    """Whether ``word`` has a capital after a small letter ("αΗε")."""
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


_HEBREW_FINALS = "ךםןףץ"
_HEBREW_MEDIALS = "כמנפצ"


def _hebrew(sample: bytes) -> str | None:
    """Windows-1255 when the text is Hebrew: its final letters (ך ם ן ף ץ) end the words
    they stand in, and their other forms (כ מ נ פ צ) seldom do."""
    read = _script_reading(sample, "cp1255", "\u05d0", "\u05ea")
    if read is None:
        return None
    text, words = read
    if len(_ORPHAN_MARK.findall(text)) > 0.05 * len(words):
        return None  # points with no letter before them: Arabic "ا" is one in 1255
    finals = sum(w.count(ch) for w in words for ch in _HEBREW_FINALS)
    finals_at_end = sum(w[-1] in _HEBREW_FINALS for w in words)
    medials_at_end = sum(w[-1] in _HEBREW_MEDIALS for w in words)
    if finals == 0 or finals_at_end < 0.9 * finals:
        return None
    return "cp1255" if medials_at_end <= 0.1 * finals_at_end else None


def _arabic(sample: bytes) -> str | None:
    """Windows-1256 when the text is Arabic (or Persian, Urdu): words of Arabic letters
    alone, with "ل" among them and the article "ال" opening some."""
    read = _script_reading(sample, "cp1256", "\u0621", "\u06d3")
    if read is None:
        return None
    words = read[1]
    letters = sum(map(len, words))
    lam = sum(w.count("ل") for w in words)
    article = sum(w.startswith("ال") for w in words)
    return "cp1256" if lam >= 0.03 * letters and article >= 0.05 * len(words) else None
