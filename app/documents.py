"""Reading accounts from .txt, .md, .html files or pasted text into Documents.

Decoding: a byte-order mark decides first; NULs in the first 8 KB mean UTF-16 or UTF-32
without one, or binary; then UTF-8; then the charset an HTML page declares (``<meta
charset>``, ``http-equiv`` or an XML declaration; a name Python does not know, or bytes that
do not fit it, are ignored). Without one, a file that is mostly UTF-8 keeps its UTF-8 and
reads only its stray bytes as Windows-1252 (text pasted together from two sources); a file
that reads as Chinese, Japanese or Korean in one of their legacy code pages (nearly all of
its characters the common ones of that standard) is read so; any other is read whole as
Windows-1252, or as Windows-1251 when that reading would be Cyrillic mojibake
("Ïðåçèäåíò": mostly letters in À–ÿ, few ASCII).
"""

from __future__ import annotations

import hashlib
import re
import stat
import unicodedata
from collections import Counter
from pathlib import Path

import markdown as markdown_lib

from app.html_text import HtmlBlock, defuse_tail, html_blocks
from app.model import Block, BlockKind, Document

#: Refuse files beyond this: far past any readout, and the GUI must stay responsive.
MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES


class DocumentError(Exception):
    """A file or text that cannot become a Document; the message is for the user."""


def read_path(path: str | Path, label: str = "") -> Document:
    """Read a file into a Document, or raise DocumentError with a one-line reason."""
    p = Path(path)
    shown = printable(str(p))
    try:
        mode = p.stat().st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError(f"{shown}: is a folder, not a file")
        if not stat.S_ISREG(mode):  # /dev/zero never ends, a FIFO waits for a writer
            raise DocumentError(f"{shown}: not a regular file (a device, pipe or socket)")
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # never more, whatever the size claims to be
    except FileNotFoundError:
        raise DocumentError(f"{shown}: no such file") from None
    except PermissionError:
        raise DocumentError(f"{shown}: permission denied") from None
    except OSError as exc:  # a name too long, a parent that is a file, an I/O error
        raise DocumentError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise DocumentError(f"{shown}: too large (the limit is {MAX_BYTES / 1e6:.0f} MB)")
    return from_bytes(data, name=p.name, label=label or p.stem)


def from_bytes(data: bytes, name: str = "", label: str = "") -> Document:
    """Decode and parse file contents; the suffix of ``name`` picks the format."""
    name, label = printable(name), printable(label)
    where = name or "document"
    text = decode(data, where)
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and _looks_like_html(text)):
        doc = from_html(text, label=label, where=where)
    elif suffix in MARKDOWN_SUFFIXES:
        doc = from_markdown(text, label=label, where=where)
    else:
        doc = from_text(text, label=label, where=where)
    digest = hashlib.sha256(data).hexdigest()
    return Document(doc.text, doc.blocks, label=label, source=name, sha256=digest)


_ESCAPED = re.compile("[\udc80-\udcff]+")  # bytes that os.fsdecode or surrogateescape kept
_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(name: str) -> str:
    """``name`` as text that can be written anywhere (UTF-8 JSON, a session, the GUI): a
    file name's undecodable bytes, which ``os.fsdecode`` keeps as lone surrogates, are read
    as Windows-1252 ("r\\udce9sum\\udce9.txt" becomes "résumé.txt"); any other lone
    surrogate becomes U+FFFD."""
    if not _SURROGATE.search(name):
        return name
    return _SURROGATE.sub("\ufffd", _unescape(name))


def _unescape(text: str) -> str:
    """Escaped bytes (U+DC80..U+DCFF) read as Windows-1252 (U+FFFD where it has none)."""
    return _ESCAPED.sub(
        lambda m: bytes(ord(c) - 0xDC00 for c in m.group()).decode("cp1252", "replace"), text
    )


def decode(data: bytes, where: str = "document") -> str:
    """Bytes to text (the order is in the module docstring); newlines become \\n."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8", where)
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = _strict(data, "utf-32", where)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", where)
    elif b"\x00" in data[:8192]:  # text has none, unless in UTF-16 or UTF-32
        unmarked = _utf16_or_32(data)
        if unmarked is None:
            raise DocumentError(f"{where}: looks like a binary file, not text")
        text = _strict(data, unmarked, where)
    else:
        text = _decode_unmarked(data, where)
    text = text.lstrip("\ufeff")
    if _control_share(text) > 0.05:
        raise DocumentError(f"{where}: looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_unmarked(data: bytes, where: str) -> str:
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
        return _unescape(escaped)
    cjk = _decode_cjk(data)
    if cjk is not None:
        return cjk
    return _strict(data, "cp1251" if _looks_cyrillic(data) else "cp1252", where)


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
    English names); and some whitespace, unless it is CJK text, which needs none. Binary
    data read so gives U+0000 and other small numbers, or characters from all over; a few
    bytes may pass the first two, but seldom make a space or a line break too."""
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
    return spaced or any(_reads_as(text, language) for language in _CJK_LANGUAGES)


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
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    name = _CHARSET_ALIASES.get(name, name)
    if name.startswith(("utf-16", "utf-32", "utf16", "utf32")):
        return None  # bytes that parse as ASCII are not UTF-16, whatever they say
    try:
        b"a".decode(name)  # LookupError for unknown names and for non-text codecs (base64)
    except (LookupError, UnicodeError):
        return None
    return name


_CP1251_LETTER = re.compile(rb"[\xc0-\xff\xa8\xb8]")
_CP1251_OTHER = re.compile(rb"[\x80-\xa7\xa9-\xb7\xb9-\xbf]")  # punctuation, rarer
_ASCII_LETTER = re.compile(rb"[A-Za-z]")


def _looks_cyrillic(data: bytes) -> bool:
    """Whether a Windows-1252 reading would be Cyrillic mojibake: most letters in the
    range where Windows-1251 keeps А–я (À–ÿ in 1252), few ASCII letters, and few other
    high bytes. Western text in Windows-1252 has a few accented letters among many plain
    ones; Chinese or Japanese double-byte text has its bytes all over 0x81–0xFE."""
    sample = re.sub(rb"<[^>]*>", b" ", data[:65536])  # markup is ASCII whatever the text
    high = len(_CP1251_LETTER.findall(sample))
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    return high >= 8 and high > 2 * ascii_letters and high > 4 * len(_CP1251_OTHER.findall(sample))


def _strict(data: bytes, encoding: str, where: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise DocumentError(
            f"{where}: cannot decode the text (tried UTF-8, UTF-16 and Windows-1252)"
        ) from None


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / len(sample)


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


def _require_content(text: str, where: str) -> None:
    if not text.strip():
        raise DocumentError(f"{where}: the document is empty")
    if not re.search(r"\w", text):
        raise DocumentError(f"{where}: the document has no words")


# -- plain text ---------------------------------------------------------------------------

_ITEM_RE = re.compile(r"^\s*(?:[-*•‣–]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_BLANK_RE = re.compile(r"\n[ \t]*\n")


def from_text(text: str, label: str = "", where: str = "pasted text") -> Document:
    """Plain text as typed or pasted. Blank lines separate paragraphs when the text has
    any; otherwise every line is a paragraph (readouts copied from web pages)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    _require_content(text, where)
    spans = _paragraph_spans(text)
    blocks = [_classify(text, s, e, i, spans) for i, (s, e) in enumerate(spans)]
    return Document(text, tuple(blocks), label=label)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    if _BLANK_RE.search(text.strip()):
        raw: list[tuple[int, int]] = []
        pos = 0
        for m in _BLANK_RE.finditer(text):
            raw.append((pos, m.start()))
            pos = m.end()
        raw.append((pos, len(text)))
        # list items inside a paragraph get their own blocks
        spans: list[tuple[int, int]] = []
        for s, e in raw:
            lines = _line_spans(text, s, e)
            if len(lines) > 1 and all(_ITEM_RE.match(text[ls:le]) for ls, le in lines[1:]):
                spans.extend(lines)
            else:
                spans.append((s, e))
    else:
        spans = _line_spans(text, 0, len(text))
    out = []
    for s, e in spans:
        seg = text[s:e]
        if not seg.strip():
            continue
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        out.append((s, e))
    return out


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        if text[pos:stop].strip():
            out.append((pos, stop))
        pos = stop + 1
    return out


def _classify(text: str, s: int, e: int, i: int, spans: list[tuple[int, int]]) -> Block:
    seg = text[s:e]
    md = re.match(r"(#{1,6})\s+\S", seg)
    if md:
        return Block(BlockKind.HEADING, s, e, len(md.group(1)))
    if _ITEM_RE.match(seg):
        return Block(BlockKind.ITEM, s, e)
    words = seg.split()
    is_heading = (
        "\n" not in seg
        and 0 < len(words) <= 10
        and len(seg) <= 80
        and seg[0].isupper()
        and seg[-1] not in ".!?:;,\"'”’)…"
        and i + 1 < len(spans)
        and (spans[i + 1][1] - spans[i + 1][0]) > len(seg)
    )
    return Block(BlockKind.HEADING if is_heading else BlockKind.PARAGRAPH, s, e, 2 * is_heading)


# -- HTML and Markdown (reading the HTML itself: app/html_text.py) ---------------------


def from_html(html: str, label: str = "", where: str = "HTML") -> Document:
    """The article text of a saved web page: headings, paragraphs and list items."""
    return _join_blocks(html_blocks(defuse_tail(html), prefer_article=True), label, where)


#: Past these, the ``markdown`` package recurses too deep (lists nested hundreds of levels)
#: or rescans quadratically (thousands of unclosed "[" take minutes); no real document
#: comes near them, and such a file is read as plain text instead.
_MD_MAX_INDENT = 256
_MD_MAX_OPEN = 64


def from_markdown(text: str, label: str = "", where: str = "Markdown") -> Document:
    """Markdown rendered by the ``markdown`` package, then read as HTML (headings kept)."""
    if _pathological_markdown(text):
        return from_text(text, label=label, where=where)
    try:
        html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"])
    except RecursionError:
        raise DocumentError(f"{where}: the Markdown is nested too deeply to read") from None
    except Exception as exc:  # the package's own bug on odd input: still one clear line
        raise DocumentError(f"{where}: the Markdown cannot be read ({exc})") from None
    return _join_blocks(html_blocks(html), label, where)


def _pathological_markdown(text: str) -> bool:
    if re.search(rf"^[ \t]{{{_MD_MAX_INDENT},}}", text, re.MULTILINE):
        return True
    for para in re.split(r"\n[ \t]*\n", text):
        for opener, closer in ("[]", "()", "<>"):
            if (
                para.count(opener) > _MD_MAX_OPEN
                and _max_depth(para, opener, closer) > _MD_MAX_OPEN
            ):
                return True
    return False


def _max_depth(text: str, opener: str, closer: str) -> int:
    """The most ``opener``s left unclosed at any point of ``text``."""
    depth = deepest = 0
    for m in re.finditer(re.escape(opener) + "|" + re.escape(closer), text):
        depth = depth + 1 if m.group() == opener else max(0, depth - 1)
        deepest = max(deepest, depth)
    return deepest


def _join_blocks(blocks: list[HtmlBlock], label: str, where: str) -> Document:
    parts: list[str] = []
    out: list[Block] = []
    pos = 0
    for kind, level, text in blocks:
        if parts:
            parts.append("\n\n")
            pos += 2
        out.append(Block(kind, pos, pos + len(text), level))
        parts.append(text)
        pos += len(text)
    joined = "".join(parts)
    _require_content(joined, where)
    return Document(joined, tuple(out), label=label)
