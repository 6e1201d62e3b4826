"""Cyrillic in a file that declares no charset: Windows-1251, or KOI8-R or KOI8-U when
its letters read far more like Cyrillic text so (app/code_pages.py asks)."""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import pairwise

_CP1251_LETTER = re.compile(rb"[\xc0-\xff\xa8\xb8]")
_CP1251_OTHER = re.compile(rb"[\x80-\xa7\xa9-\xb7\xb9-\xbf]")  # punctuation, rarer
_ASCII_LETTER = re.compile(rb"[A-Za-z]")
_ASCII_BYTES = bytes(range(0x80))
_WORD = re.compile(r"[^\W\d_]+")


def cyrillic(sample: bytes) -> str | None:
    """The Cyrillic code page of ``sample`` (its markup left out), if it is Cyrillic text:
    Windows-1251, or KOI8-R or KOI8-U if that reading fits the letters of Cyrillic text
    clearly better (see ``_best_fit``); else None."""
    high = len(sample.translate(None, _ASCII_BYTES))
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    if high < 8 or high <= 2 * ascii_letters:
        return None  # too few letters outside ASCII for either check below
    # (0x98 is nothing in 1251: U+FFFD, and refused later if 1251 is still the best fit)
    readings = {encoding: sample.decode(encoding, "replace") for encoding in _PAGES}
    page = _best_fit(readings)
    if _looks_cyrillic(sample, ascii_letters) or _cyrillic_words(readings[page], ascii_letters):
        return page
    return None


def reads_as_cyrillic(sample: bytes) -> bool:
    """Whether the Windows-1251 reading of ``sample`` has the letters of Cyrillic text
    beyond doubt (``_score``): 3.3 or more in generated samples of Russian, Ukrainian,
    Bulgarian and Serbian, 3.0 or less in Greek read so."""
    return _score(sample.decode("cp1251", "replace")) >= _CLEARLY_CYRILLIC


def _looks_cyrillic(sample: bytes, ascii_letters: int) -> bool:
    """Whether a Windows-1252 reading would be Cyrillic mojibake: most letters in the
    range where Windows-1251 keeps А–я (À–ÿ in 1252), few ASCII letters, and few other
    high bytes. Western text in Windows-1252 has a few accented letters among many plain
    ones; Chinese or Japanese double-byte text has its bytes all over 0x81–0xFE. (The
    letters of Ukrainian, Belarusian, Serbian and Macedonian that Russian lacks lie among
    those other bytes: ``_cyrillic_words`` counts them.)"""
    high = len(_CP1251_LETTER.findall(sample))
    return high >= 8 and high > 2 * ascii_letters and high > 4 * len(_CP1251_OTHER.findall(sample))


def _cyrillic_words(text: str, ascii_letters: int) -> bool:
    """Whether ``text`` (the best reading of the sample) is Cyrillic text: at least eight
    letters in words of Cyrillic letters alone ("їхні", "љубав", "ќерка" included), more
    than twice its ASCII letters and four times its other non-ASCII characters, and
    letters as Cyrillic text has them (``_score``: 2.8 or more in generated samples of
    Ukrainian, Serbian and Macedonian, 2.2 or less in random bytes that pass the rest)."""
    cyrillic = sum(
        len(word) for word in _WORD.findall(text) if all("\u0400" <= ch <= "\u04ff" for ch in word)
    )
    other = len(text) - len(text.encode("ascii", "ignore")) - cyrillic
    return (
        cyrillic >= 8
        and cyrillic > 2 * ascii_letters
        and cyrillic > 4 * other
        and _score(text) >= _MIN_SCORE
    )


# -- which page: how the letters read ------------------------------------------------
# KOI8 puts the Cyrillic alphabet on the bytes of Windows-1251 in another order (by the
# Latin letter each sounds like, small letters at 0xC0-0xDF and capitals above, where
# 1251 has its capitals first), so text in one read in the other is the right alphabet
# with the letters swapped and the case turned round: "Президент" in KOI8 reads in 1251
# as "рТЕЪЙДЕОФ". Three things tell the right reading, each measured on both: how common
# its letters are in Cyrillic text (mostly "о", "е", "а", "и", "н", "т"; a swapped reading
# has "ю", "ц", "ф", "щ" as often), how many of its words no Slavic language could write
# (no vowel, four consonants or three vowels in a row), and how many have a capital after
# a small letter. Windows-1251 stays unless a KOI8 reading is clearly better. On generated
# samples (one sentence to sixty, as written, in capitals or in small letters) the KOI8
# reading scores 0.36 to 3.5 below the 1251 one for Russian, Bulgarian, Ukrainian,
# Serbian and Macedonian in 1251, and 0.22 to 3.6 above it for Russian and Ukrainian in
# KOI8.

#: How common each letter is in running text, per thousand letters: for each letter the
#: most it has in Russian, Ukrainian, Belarusian, Bulgarian, Serbian or Macedonian
#: ("ъ" is Bulgarian's, "і" Ukrainian's, "ј" Serbian's), so that none of them fits badly.
_LETTER_SHARE = {
    "о": 110, "е": 85, "а": 95, "и": 90, "н": 67, "т": 70, "с": 55, "р": 48, "в": 50,
    "л": 44, "к": 35, "м": 32, "д": 33, "п": 29, "у": 33, "я": 24, "ы": 19, "ь": 17,
    "г": 17, "з": 23, "б": 16, "ч": 14, "й": 12, "х": 11, "ж": 10, "ш": 8, "ю": 8,
    "ц": 9, "щ": 5, "э": 3, "ф": 3, "ъ": 25, "ё": 2, "і": 57, "ї": 6, "є": 8, "ґ": 1,
    "ў": 15, "ј": 35, "љ": 4, "њ": 6, "ћ": 6, "ђ": 1, "џ": 1, "ѓ": 1, "ќ": 2, "ѕ": 1,
}  # fmt: skip
_LOG_SHARE = {ch: math.log(n) for ch, n in _LETTER_SHARE.items()}
_LOG_FLOOR = math.log(0.05)  # a character that is no letter above: a sign, box drawing
_MISSHAPEN = re.compile("[бвгджзйклмнпрстфхцчшщґђјљњћџѓќѕ]{4}|[аеёиоуыэюяіїєў]{3}")
_VOWELS = frozenset("аеёиоуыэюяіїєў")
#: how much better a KOI8 reading must score than the Windows-1251 one (a little: 1251 is
#: far the commoner)
_THRESHOLD = 0.05
#: how well a reading must score to be taken for Cyrillic text by its words alone
_MIN_SCORE = 2.5
#: how well the 1251 reading of a text that reads as Greek too must score to be Cyrillic
_CLEARLY_CYRILLIC = 3.2
#: the non-ASCII characters needed to tell KOI8: a few words cannot
_MIN_KOI8 = 24
#: the different words needed too: a few words repeated cannot tell KOI8 either
_KOI8_WORDS = 6
_WORD = re.compile(r"[^\W\d_]*[^\W\d_a-z][^\W\d_]*")  # a word with a letter beyond ASCII
_PAGES = ("cp1251", "koi8_r", "koi8_u")
#: how much of a reading is scored: pages of text, plenty to tell
_SCORED = 16384


def _best_fit(readings: dict[str, str]) -> str:
    """Windows-1251, unless a KOI8 reading scores clearly better (``_score``); of KOI8-R
    and KOI8-U, KOI8-U only if it scores better still (its Ukrainian and Belarusian
    letters are box-drawing signs in KOI8-R)."""
    text = readings["koi8_r"]
    if len(text) - len(text.encode("ascii", "ignore")) < _MIN_KOI8:
        return "cp1251"
    if len(set(_WORD.findall(text.lower()))) < _KOI8_WORDS:
        return "cp1251"  # a few words said over and over ("что обе обе обе") fit either way
    scores = {encoding: _score(text) for encoding, text in readings.items()}
    koi8 = "koi8_u" if scores["koi8_u"] > scores["koi8_r"] else "koi8_r"
    if scores[koi8] < _MIN_SCORE or scores[koi8] <= scores["cp1251"] + _THRESHOLD:
        return "cp1251"  # (Greek or Hebrew mojibake scores low in both)
    return koi8


def _score(text: str) -> float:
    """How much ``text`` reads as Cyrillic text: the mean log share of its non-ASCII
    characters as letters of it (small or capital alike), less the share of its words
    that are misshapen or have a capital after a small letter (on its first pages)."""
    text = text[:_SCORED]
    counts = Counter(ch for ch in text.lower() if ch > "\x7f")
    total = counts.total()
    if not total:
        return _LOG_FLOOR
    fit = sum(_LOG_SHARE.get(ch, _LOG_FLOOR) * n for ch, n in counts.items()) / total
    words = [w for w in _WORD.findall(text) if len(w) >= 2 and not w.isascii()]
    if not words:
        return fit
    misshapen = sum(_misshapen(w.lower()) for w in words)
    camel = sum(_camel(w) for w in words)
    return fit - (misshapen + camel) / len(words)


def _misshapen(word: str) -> bool:
    """Whether a word (in small letters) is one no Slavic language writes: no vowel, or
    four consonants or three vowels in a row."""
    return _VOWELS.isdisjoint(word) or bool(_MISSHAPEN.search(word))


def _camel(word: str) -> bool:
    """Whether ``word`` has a capital right after a small letter ("пВЕ")."""
    return any(a.islower() and b.isupper() for a, b in pairwise(word))
