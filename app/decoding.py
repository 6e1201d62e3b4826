"""Bytes to text: the encoding of a file, told by its byte-order mark, its NULs, the
charset it declares or a guess from its bytes, unless the user names one.

The order: a byte-order mark decides first; NULs in the first 8 KB mean UTF-16 or UTF-32
without one, or binary; then UTF-8; then the charset an HTML page declares (``<meta
charset>``, ``http-equiv`` or an XML declaration; a name Python does not know, or bytes that
do not fit it, are ignored). Without one, a file that is mostly UTF-8 keeps its UTF-8 and
reads only its stray bytes as Windows-1252 (text pasted together from two sources); a file
that reads as Chinese, Japanese or Korean in one of their legacy code pages (nearly all of
its characters the common ones of that standard) is read so; any other is read in a
single-byte code page: Windows-1252 unless its bytes are clearly Cyrillic, Greek, Hebrew,
Arabic, Turkish or Central European text (app/code_pages.py).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter

from app import code_pages


class DecodeError(ValueError):
    """Bytes that are not text, or not in any encoding tried; the message is for the user."""


_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that os.fsdecode or surrogateescape kept


def unescape_bytes(text: str) -> str:
    """Escaped bytes (U+DC80..U+DCFF) read as Windows-1252 (U+FFFD where it has none)."""
    return _ESCAPED.sub(
        lambda m: bytes(ord(c) - 0xDC00 for c in m.group()).decode("cp1252", "replace"), text
    )


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes to text (the order is in the module docstring), or in the ``encoding`` the
    user chose; newlines become \\n. Raises DecodeError for binary data, an unknown
    encoding or bytes that do not decode in the one chosen."""
    if encoding:
        text = _chosen(data, encoding)
    elif data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8")
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = _strict(data, "utf-32")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16")
    elif b"\x00" in data[:8192]:  # text has none, unless in UTF-16 or UTF-32
        unmarked = _utf16_or_32(data)
        if unmarked is None:
            raise DecodeError("looks like a binary file, not text")
        text = _strict(data, unmarked)
    else:
        text = _decode_unmarked(data)
    text = text.lstrip("\ufeff")
    if _control_share(text) > 0.05:
        raise DecodeError("looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def encoding_name(name: str) -> str:
    """The codec that reads the encoding the user named, as browsers read it ("latin-1" is
    Windows-1252, "shift_jis" Windows-932); DecodeError if Python has no text encoding of
    that name."""
    key = name.strip().lower()
    codec = _CHARSET_ALIASES.get(key, key)
    try:
        b"a".decode(codec)  # LookupError for unknown names and for non-text codecs (base64)
    except LookupError:
        raise DecodeError(
            f"unknown encoding {name!r} (known ones: utf-8, utf-16, windows-1252, "
            "windows-1251, iso-8859-7, shift_jis, gb18030…)"
        ) from None
    except UnicodeError:
        pass  # a text encoding all the same, of two bytes or more a character (UTF-16)
    return codec


def _chosen(data: bytes, name: str) -> str:
    """``data`` decoded strictly in the encoding the user named (a byte-order mark kept by
    the codec is dropped afterwards, as always)."""
    try:
        return data.decode(encoding_name(name))
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"cannot decode the text as {name} (byte {data[exc.start]:#04x} at offset "
            f"{exc.start:,} does not fit it)"
        ) from None


def _decode_unmarked(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # the page says one thing and holds another: guess as if it said nothing
    escaped = data.decode("utf-8", "surrogateescape")
    stray = sum(len(m) for m in _ESCAPED.findall(escaped))
    multibyte = len(escaped) - len(escaped.encode("ascii", "ignore")) - stray
    if multibyte >= stray:  # mostly UTF-8: keep it, and read only the stray bytes as 1252
        return unescape_bytes(escaped)
    cjk = _decode_cjk(data)
    if cjk is not None:
        return cjk
    return _strict(data, code_pages.guess(data))


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


def _utf16_or_32(data: bytes) -> str | None:
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


def _decode_cjk(data: bytes) -> str | None:
    """``data`` decoded by the first of the guesses above whose reading of the sample is
    running text in one of its languages, if the whole file then decodes; else None."""
    for encoding, languages in _CJK_GUESSES:
        text = _start(data, encoding)
        if text is None or not any(_reads_as(text, language) for language in languages):
            continue
        try:
            return data.decode(encoding)
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


_CHARSET_RE = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9._:-]+)"""
    rb"""|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9._:-]+)""",
    re.IGNORECASE,
)
#: Labels browsers read otherwise (WHATWG Encoding): "latin-1" pages are Windows-1252.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252", "iso8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
    "l1": "cp1252", "ascii": "cp1252", "us-ascii": "cp1252",
    # as browsers do: the Windows supersets ("～", the NEC and IBM rows of Shift-JIS)
    "gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932", "shift-jis": "cp932",
    "sjis": "cp932", "x-sjis": "cp932", "big5": "cp950", "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
}  # fmt: skip


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML or XML file declares near its top, if Python knows it."""
    m = _CHARSET_RE.search(data[:4096])
    if not m:
        return None
    try:
        codec = encoding_name((m.group(1) or m.group(2)).decode("ascii"))
    except DecodeError:
        return None
    if codecs.lookup(codec).name.startswith(("utf-16", "utf-32")):
        return None  # bytes that parse as ASCII are not UTF-16, whatever they say
    return codec


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise DecodeError("cannot decode the text (tried UTF-8, UTF-16 and Windows-1252)") from None


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)
