"""Text in an encoding of two bytes or more a character that no mark announces: UTF-16 or
UTF-32 without a byte-order mark (told from binary data by how its reading looks), and
the legacy code pages of Chinese, Japanese and Korean (told by their common characters).
app/decoding.py asks, in its order."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

#: How much of a file the guesses below look at: dozens of pages, read in a moment.
_SAMPLE = 65536


def _start(data: bytes, encoding: str) -> str | None:
    """The first ``_SAMPLE`` bytes of ``data`` decoded strictly, or None if they do not fit
    ``encoding``; only a character that the end of the sample cuts in two is forgiven."""
    sample = data[:_SAMPLE]
    try:
        return sample.decode(encoding)
    except UnicodeDecodeError as exc:
        if len(sample) == len(data) or exc.start < len(sample) - 4:
            return None
        return sample[: exc.start].decode(encoding)


def utf16_or_32(data: bytes) -> str | None:
    """The encoding of a file with NULs and no byte-order mark: UTF-32 or UTF-16 if a
    reading of its start is plain text, else None (binary). Latin text in UTF-16-LE has a
    NUL at every odd offset, in UTF-16-BE at every even one, so the column with more NULs
    is tried first; Chinese has few NULs in either (a newline at one, "一" at the other),
    so the other order is tried too. It is the check of the reading that tells text from a
    PNG, a ZIP or an executable, whose headers are full of small numbers."""
    sample = data[:_SAMPLE]
    utf16 = ["utf-16-le", "utf-16-be"]
    if sample[0::2].count(0) > sample[1::2].count(0):
        utf16.reverse()
    for encoding in ["utf-32-le", "utf-32-be", *utf16]:
        text = _start(data, encoding)
        if text is not None and _plain_text(text):
            return encoding
    return None


_WHITESPACE = "\t\n\r\f"
#: Letters whose Unicode name starts so are one writing system: Japanese text mixes them all.
_CJK_NAMES = ("CJK", "HIRAGANA", "KATAKANA", "IDEOGRAPHIC", "FULLWIDTH", "HALFWIDTH")
_CJK_LANGUAGES = ("ja", "ko", "zh-hant", "zh-hans")


def _plain_text(text: str) -> bool:
    """Whether a UTF-16 or UTF-32 reading is text rather than binary data: not one control
    character (but whitespace), unassigned code point, private-use character or lone
    surrogate; 90% of the letters in the two scripts used most (a Russian readout quoting
    English names); and some whitespace, unless it is CJK text or a single word or line
    ("Hi.", "OK"), which need none. Binary data read so gives U+0000 and other small
    numbers, or characters from all over; a few bytes may pass the first two, but seldom
    make a space or a line break too."""
    scripts: Counter[str] = Counter()
    spaced = False
    for ch, n in Counter(text).items():
        category = unicodedata.category(ch)
        if category in ("Cn", "Co", "Cs") or (category == "Cc" and ch not in _WHITESPACE):
            return False
        if category.startswith("L"):
            scripts[_script(ch)] += n
        spaced = spaced or ch.isspace()
    if sum(n for _, n in scripts.most_common(2)) < 0.9 * scripts.total():
        return False
    if spaced or _unspaced_line(text, scripts):
        return True
    return any(_reads_as(text, language) for language in _CJK_LANGUAGES)


#: Alphabets a word or a line without a space may be written in (see below).
_ALPHABETS = frozenset(["LATIN", "GREEK", "CYRILLIC", "ARMENIAN", "GEORGIAN", "HEBREW", "ARABIC"])


def _unspaced_line(text: str, scripts: Counter[str]) -> bool:
    """Whether a reading with no whitespace is still text: a word or a line without a
    space ("Hi.", "OK", "Да.", "¿Sí?"), its letters of one alphabet, its other characters
    punctuation, digits or symbols of ASCII, Latin-1 or the general punctuation and
    currency blocks, and at least one of them ASCII. Such text has its NULs as the high
    bytes of ASCII characters; the few bytes of binary data that pass the checks above read
    as Hanzi, Hangul, Yi or marks from all over, or as no ASCII at all."""
    if len(scripts) > 1 or not _ALPHABETS.issuperset(scripts):
        return False
    some_ascii = False
    for ch in set(text):
        if " " < ch < "\x7f":
            some_ascii = True
        elif not (ch.isalpha() or ch <= "\xbf" or "\u2010" <= ch <= "\u20cf"):
            return False
    return some_ascii


def _script(letter: str) -> str:
    """The writing system of a letter, from the first word of its Unicode name."""
    first = unicodedata.name(letter, "?").split(" ", 1)[0]
    return "CJK" if first.startswith(_CJK_NAMES) else first


#: Legacy code pages of Chinese, Japanese and Korean, tried in this order, each with the
#: languages it is taken for. Japanese first: kana cannot be faked, and Korean and Chinese
#: in EUC form read as Kanji. Korean before Chinese: EUC-KR's Hangul lie on the bytes of
#: GB2312's commonest Hanzi, while Chinese read as Korean turns a third to a half of its
#: characters into Hanja. GB18030 last, as it decodes nearly any pair of high bytes. UTF-16
#: without a mark or any NUL is text with no ASCII at all: in practice Chinese or Japanese.
_CJK_GUESSES = (
    ("cp932", ("ja",)),
    ("euc_jp", ("ja",)),
    ("cp949", ("ko",)),
    ("cp950", ("zh-hant",)),
    ("gb18030", ("zh-hans",)),
    ("utf-16-le", _CJK_LANGUAGES),
    ("utf-16-be", _CJK_LANGUAGES),
)


def decode_cjk(data: bytes) -> tuple[str, str] | None:
    """``data`` decoded by the first of the guesses above whose reading of the sample is
    running text in one of its languages, if the whole file then decodes, and the codec
    that read it; else None."""
    for encoding, languages in _CJK_GUESSES:
        text = _start(data, encoding)
        if text is None or not any(_reads_as(text, language) for language in languages):
            continue
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue  # the sample fits, the rest of the file does not
    return None


#: Where each national standard keeps its commonest characters, as (encoding, byte ranges):
#: its first rows of punctuation and full-width forms (with JIS X 0208's kana), then the
#: first level of GB2312 and JIS X 0208 (3,755 Hanzi and 2,965 Kanji chosen by frequency),
#: Big5's "frequently used" half, the 2,350 Hangul of KS X 1001. Nearly every character of
#: running text is one of them; text in another code page read as this one lands on them
#: only by chance (Western "é" + a letter lands on GBK's rarest extension).
_COMMON = {
    "zh-hans": ("gb2312", ((b"\xa1\xa1", b"\xa3\xfe"), (b"\xb0\xa1", b"\xd7\xf9"))),
    "zh-hant": ("big5", ((b"\xa1\x40", b"\xa3\xbf"), (b"\xa4\x40", b"\xc6\x7e"))),
    "ja": ("euc_jp", ((b"\xa1\xa1", b"\xa5\xf6"), (b"\xb0\xa1", b"\xcf\xd3"))),
    "ko": ("euc_kr", ((b"\xa1\xa1", b"\xa3\xfe"), (b"\xb0\xa1", b"\xc8\xfe"))),
}
#: What each language's text must hold besides (a share of its non-ASCII characters): kana
#: for Japanese, Hangul for Korean; Chinese needs none, as the others are tried first.
_SIGNATURE = {
    "ja": (re.compile("[\u3041-\u30ff]"), 0.1),
    "ko": (re.compile("[\uac00-\ud7a3]"), 0.5),
}
#: Punctuation CJK text uses in any of the languages (ideographic and full-width forms).
_CJK_PUNCT = re.compile("[\u3000-\u303f\uff01-\uff5e\u00b7\u2014\u2018\u2019\u201c\u201d\u2026]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_MIN_CJK = 8  # characters: a sentence; "café" or "Müller" must never be enough
_MIN_COMMON_SHARE = 0.9


def _reads_as(text: str, language: str) -> bool:
    """Whether ``text`` is running text in ``language``: at least eight non-ASCII
    characters, nine in ten of them common characters of the language or CJK punctuation,
    and the language's signature."""
    wide = "".join(_NON_ASCII.findall(text))
    if len(wide) < _MIN_CJK:
        return False
    signature, share = _SIGNATURE.get(language, (None, 0.0))
    if signature is not None and len(signature.findall(wide)) < share * len(wide):
        return False
    encoding, ranges = _COMMON[language]
    common = sum(
        n
        for ch, n in Counter(wide).items()
        if _CJK_PUNCT.match(ch) or _in_ranges(ch, encoding, ranges)
    )
    return common >= _MIN_COMMON_SHARE * len(wide)


def _in_ranges(ch: str, encoding: str, ranges: tuple[tuple[bytes, bytes], ...]) -> bool:
    try:
        code = ch.encode(encoding)
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and any(low <= code <= high for low, high in ranges)
