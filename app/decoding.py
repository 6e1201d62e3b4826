"""Bytes to text: the encoding of a file, told by its byte-order mark, its NULs, the
charset it declares or a guess from its bytes, unless the user names one.

The order: a byte-order mark decides first; NULs in the first 8 KB mean UTF-16 or UTF-32
without one, or binary (app/multibyte_pages.py); then UTF-8; then the charset an HTML
page declares (``<meta charset>``, ``http-equiv`` or an XML declaration; a name Python
does not know, or bytes that do not fit it, are ignored). Without one, a file that is
mostly UTF-8 keeps its UTF-8 and reads only its stray bytes as Windows-1252 (text pasted
together from two sources); a file that reads as Chinese, Japanese or Korean in one of
their legacy code pages (nearly all of its characters the common ones of that standard;
app/multibyte_pages.py) is read so; any other is read in a single-byte code page:
Windows-1252 unless its bytes are clearly Cyrillic (Windows-1251, KOI8-R, KOI8-U), Greek,
Hebrew, Arabic, Turkish or Central European text (app/code_pages.py). ``read_text`` also
names the reading, for the reader to check.
"""

from __future__ import annotations

import codecs
import re

from app import code_pages
from app.multibyte_pages import decode_cjk, utf16_or_32


class DecodeError(ValueError):
    """Bytes that are not text, or not in any encoding tried; the message is for the user."""


_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that os.fsdecode or surrogateescape kept


def unescape_bytes(text: str) -> str:
    """Escaped bytes (U+DC80..U+DCFF) read as Windows-1252 (U+FFFD where it has none)."""
    return _ESCAPED.sub(
        lambda m: bytes(ord(c) - 0xDC00 for c in m.group()).decode("cp1252", "replace"), text
    )


def decode(data: bytes, encoding: str | None = None) -> str:
    """Bytes to text: ``read_text`` without the name of the reading."""
    return read_text(data, encoding)[0]


def read_text(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """Bytes to text (the order is in the module docstring), or in the ``encoding`` the
    user chose, with newlines as \\n; and how the bytes were read, for the reader to check
    ("UTF-8", "Windows-1251 (Cyrillic)"). Raises DecodeError for binary data, an unknown
    encoding or bytes that do not decode in the one chosen."""
    if encoding:
        text, how = _chosen(data, encoding)
    elif data.startswith(b"\xef\xbb\xbf"):
        text, how = _strict(data[3:], "utf-8"), "UTF-8 with BOM"
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text, how = _strict(data, "utf-32"), "UTF-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, how = _strict(data, "utf-16"), "UTF-16"
    elif b"\x00" in data[:8192]:  # text has none, unless in UTF-16 or UTF-32
        unmarked = utf16_or_32(data)
        if unmarked is None:
            raise DecodeError("looks like a binary file, not text")
        text, how = _strict(data, unmarked), reading_name(unmarked)
    else:
        text, how = _decode_unmarked(data)
    text = text.lstrip("\ufeff")
    if _control_share(text) > 0.05:
        if encoding:
            raise DecodeError(f"read as {how}, it is not text: try another encoding")
        raise DecodeError("looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n"), how


#: Encodings to offer the user, as (a name ``encoding_name`` takes, what to call it): the
#: Unicode ones, then the legacy pages of the languages that used them most.
ENCODING_CHOICES: tuple[tuple[str, str], ...] = (
    ("utf-8", "UTF-8"),
    ("utf-16", "UTF-16"),
    ("utf-16-le", "UTF-16LE"),
    ("utf-16-be", "UTF-16BE"),
    ("windows-1252", "Windows-1252 (Western)"),
    ("iso-8859-15", "ISO-8859-15 (Western)"),
    ("windows-1250", "Windows-1250 (Central European)"),
    ("iso-8859-2", "ISO-8859-2 (Central European)"),
    ("windows-1251", "Windows-1251 (Cyrillic)"),
    ("koi8-r", "KOI8-R (Russian)"),
    ("koi8-u", "KOI8-U (Ukrainian)"),
    ("windows-1253", "Windows-1253 (Greek)"),
    ("iso-8859-7", "ISO-8859-7 (Greek)"),
    ("windows-1254", "Windows-1254 (Turkish)"),
    ("windows-1255", "Windows-1255 (Hebrew)"),
    ("windows-1256", "Windows-1256 (Arabic)"),
    ("gb18030", "GB18030 (Chinese)"),
    ("big5", "Big5 (Traditional Chinese)"),
    ("shift_jis", "Shift_JIS (Japanese)"),
    ("euc-jp", "EUC-JP (Japanese)"),
    ("euc-kr", "EUC-KR (Korean)"),
)


def reading_name(codec: str) -> str:
    """What to call a reading in ``codec`` (a name ``encoding_name`` gave): the label of
    ``ENCODING_CHOICES`` for it ("shift_jis" is read as cp932: "Shift_JIS (Japanese)"),
    or else the codec's own name ("CP437")."""
    key = codecs.lookup(codec).name
    return _READING_NAMES.get(key, key.upper())


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


def _chosen(data: bytes, name: str) -> tuple[str, str]:
    """``data`` decoded strictly in the encoding the user named (a byte-order mark kept by
    the codec is dropped afterwards, as always), and the name of that encoding."""
    codec = encoding_name(name)
    if codecs.lookup(codec).name == "utf-16" and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # "UTF-16" with no mark says nothing of the byte order: read it the way that
        # gives text (Python's codec would take little-endian, and a big-endian file
        # would come out as CJK junk)
        unmarked = utf16_or_32(data) if b"\x00" in data[:8192] else None
        codec = unmarked if unmarked in ("utf-16-le", "utf-16-be") else codec
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"cannot be read as {reading_name(codec)} (byte 0x{data[exc.start]:02X} at "
            f"offset {exc.start:,} does not fit it)"
        ) from None
    how = reading_name(codec)
    if how == "UTF-8" and data.startswith(b"\xef\xbb\xbf"):
        how = "UTF-8 with BOM"
    return text, how


def _decode_unmarked(data: bytes) -> tuple[str, str]:
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), reading_name(declared)
        except (UnicodeDecodeError, LookupError):
            pass  # the page says one thing and holds another: guess as if it said nothing
    escaped = data.decode("utf-8", "surrogateescape")
    stray = sum(len(m) for m in _ESCAPED.findall(escaped))
    multibyte = len(escaped) - len(escaped.encode("ascii", "ignore")) - stray
    if multibyte >= stray:  # mostly UTF-8: keep it, and read only the stray bytes as 1252
        return unescape_bytes(escaped), "UTF-8, stray bytes as Windows-1252"
    cjk = decode_cjk(data)  # app/multibyte_pages.py
    page = code_pages.guess(data)
    # small letters of Russian in KOI8 (0xC0-0xDF) pair up as common Hanzi in GB18030:
    # text whose letters read as Russian in KOI8 is not Chinese
    if cjk is not None and not page.startswith("koi8"):
        return cjk[0], reading_name(cjk[1])
    return _single_byte(data, page)


def _single_byte(data: bytes, page: str) -> tuple[str, str]:
    """``data`` in the code page guessed. A stray byte the page leaves undefined (0x98 in
    1251, 0x81 in 1252) is no reason to refuse a file that is text all through: it
    becomes U+FFFD, and the reading's name says so. More than one in a thousand bytes
    (and more than one) means the guess is wrong or the file is no text: refused."""
    try:
        return data.decode(page), reading_name(page)
    except UnicodeDecodeError:
        text = data.decode(page, "replace")
    lost = text.count("\ufffd")  # a single-byte page has no other way to write U+FFFD
    if lost > max(1, len(data) // 1000):
        raise DecodeError(
            f"cannot decode the text: {lost:,} bytes fit neither UTF-8 nor the code page "
            f"it reads best in, {reading_name(page)}"
        )
    bytes_ = "byte" if lost == 1 else "bytes"
    return text, f"{reading_name(page)}, {lost:,} {bytes_} undefined in it shown as �"


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


#: The names of the readings, by the codec's own name (``codecs.lookup``): the choices
#: offered, those the guesses make, and the readings of UTF-16 and UTF-32 without a mark.
_READING_NAMES = {
    codecs.lookup(encoding_name(choice)).name: label for choice, label in ENCODING_CHOICES
} | {
    "utf-16-le": "UTF-16LE", "utf-16-be": "UTF-16BE", "utf-32": "UTF-32",
    "utf-32-le": "UTF-32LE", "utf-32-be": "UTF-32BE",
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
    """``data`` in the Unicode encoding its byte-order mark or NULs say it is in."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"starts as {reading_name(encoding)} but cannot be read so (byte "
            f"0x{data[exc.start]:02X} at offset {exc.start:,} does not fit it)"
        ) from None


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)
