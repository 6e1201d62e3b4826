"""Reading documents from awkward input: saved pages of every make, mixed and legacy
encodings, file names that are not UTF-8, special files, pathological Markdown."""

from __future__ import annotations

import io
import math
import os
import random
import struct
import sys
import time
import wave
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

import app.documents as documents
from app.documents import DocumentError, decode, from_bytes, from_html, from_markdown, read_path

ART = "<p>The ministers agreed to reopen the corridor on 3 May. Talks lasted two hours.</p>"
ART_TEXT = "The ministers agreed to reopen the corridor on 3 May. Talks lasted two hours."


@pytest.mark.parametrize(
    "page",
    [
        # </head> is optional: the head ends where the body starts
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Readout</title><body>{ART}',
        f"<html><head><title>Readout</title>{ART}</html>",
        # ASP.NET wraps the whole body in one form
        f'<html><head></head><body><form method="post" id="form1">{ART}</form></body></html>',
        # classes that describe the page, not furniture
        f'<html><body class="single-post has-sidebar">{ART}</body></html>',
        f'<html class="header-fixed"><body>{ART}</body></html>',
        f'<body><div class="with-header">{ART}</div></body>',
        f'<body><article class="category-social">{ART}</article></body>',
        f'<body><main id="main-navigation-target">{ART}</main></body>',
        # an unclosed <svg> (an icon) must not swallow the article after it
        f'<body><svg viewBox="0 0 1 1"><path d="M0"/>{ART}</body>',
        # an unclosed <header> ends where <main> starts
        f'<body><header class="masthead"><a href="/">Home</a><main>{ART}</main></body>',
    ],
)
def test_valid_saved_pages_keep_their_article(page: str) -> None:
    assert from_html(page).text == ART_TEXT


def test_furniture_is_still_dropped() -> None:
    page = f"""<html><head><title>T</title><script>x()</script></head>
    <body class="home has-sidebar"><form id="form1">
    <div id="siteHeader">Logo</div><div class="main-nav">Home World</div>
    <div role="navigation">Sections</div><ul class="breadcrumbs"><li>Home</li></ul>
    <div class="cookie_banner">We use cookies</div>
    <div class="search"><label>Search</label><input><button>Go</button></div>
    <svg><title>icon</title></svg>{ART}
    <div class="social-share">Share this</div><div class="sidebar">More</div>
    <footer>Copyright</footer></form></body></html>"""
    assert from_html(page).text == ART_TEXT


def test_a_page_that_is_all_furniture_is_still_read() -> None:
    # every element carries a furniture class: better its text than "empty"
    page = f'<body><div class="sidebar">{ART}</div><script>x()</script></body>'
    assert from_html(page).text == ART_TEXT


def test_many_unclosed_angle_brackets_are_read_quickly() -> None:
    start = time.perf_counter()
    doc = from_html("<p>The minister spoke. " + "<a " * 30000)
    assert time.perf_counter() - start < 5
    assert doc.text.startswith("The minister spoke. <a <a")


# -- encodings -----------------------------------------------------------------------------


def test_utf8_with_stray_windows_1252_bytes_keeps_its_utf8() -> None:
    data = "The minister’s café talks — résumé.".encode() + b" It\x92s done.\x81"
    assert decode(data) == "The minister’s café talks — résumé. It’s done.\ufffd"


RUSSIAN = "Президент России провёл телефонный разговор. Стороны договорились о встрече."


def test_windows_1251_plain_text_is_read_as_cyrillic() -> None:
    assert from_bytes(RUSSIAN.encode("cp1251"), "kremlin.txt").text == RUSSIAN


def test_western_windows_1252_text_stays_1252() -> None:
    text = "Der Außenminister äußerte sich über die Gespräche in Zürich; à bientôt, façade."
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    ("meta", "encoding"),
    [
        ('<meta charset="windows-1251">', "cp1251"),
        ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1253">', "cp1253"),
        ('<meta charset="koi8-r">', "koi8_r"),
    ],
    ids=["meta-1251", "http-equiv-1253", "meta-koi8-r"],
)
def test_html_declared_charset_is_honoured(meta: str, encoding: str) -> None:
    # mostly English, so only the declaration can tell which 8-bit code page it is
    words = {"cp1253": "Αθήνα", "cp1251": "Москва", "koi8_r": "Москва"}[encoding]
    page = f"<html><head>{meta}</head><body><p>Talks were held in {words} today.</p></body></html>"
    doc = from_bytes(page.encode(encoding), "page.html")
    assert doc.text == f"Talks were held in {words} today."


@pytest.mark.parametrize(
    ("declared", "encoding", "words"),
    [("shift_jis", "cp932", "会談～①"), ("big5", "cp950", "會談€"), ("euc-kr", "cp949", "회담똠")],
)
def test_a_declared_east_asian_charset_is_read_as_its_windows_superset(
    declared: str, encoding: str, words: str
) -> None:
    # browsers read these names as the Windows code pages, whose extra characters
    # ("～", circled numbers) the strict standards lack
    page = f'<html><head><meta charset="{declared}"></head><body><p>Talks: {words}.</p></body>'
    assert from_bytes(page.encode(encoding), "page.html").text == f"Talks: {words}."


def test_unknown_or_wrong_declared_charset_falls_back() -> None:
    page = '<html><head><meta charset="x-no-such-charset"></head><body><p>Café talks.</p>'
    assert from_bytes(page.encode("cp1252"), "p.html").text == "Café talks."
    page = '<html><head><meta charset="base64"></head><body><p>Café talks.</p>'
    assert from_bytes(page.encode("cp1252"), "p.html").text == "Café talks."
    page = '<html><head><meta charset="utf-8"></head><body><p>Café talks.</p>'  # it lies
    assert from_bytes(page.encode("cp1252"), "p.html").text == "Café talks."


# -- UTF-16 and UTF-32 without a byte-order mark, legacy CJK code pages ---------------------

ENGLISH = "The two ministers spoke by telephone on Tuesday.\n\nThey agreed to meet again in May.\n"
CHINESE = (
    "外交部长周二与邻国外长通了电话。\n\n"
    "两位部长讨论了恢复边境口岸通行的问题，并同意下个月在首都再次会面。\n"
)
TRADITIONAL = (
    "外交部長週二與鄰國外長通了電話。\n\n"
    "兩位部長討論了邊境口岸的重新開放，並同意下個月在首都再次會面。\n"
)
JAPANESE = (
    "外務大臣は火曜日、隣国の外相と電話で会談した。\n\n"
    "両大臣は国境検問所の再開について話し合い、来月首都で再び会うことで合意した。\n"
)
KOREAN = (
    "외교부 장관은 화요일 이웃 나라 외교장관과 전화 통화를 했다.\n\n"
    "두 장관은 국경 검문소 재개방을 논의했으며 다음 달 수도에서 다시 만나기로 합의했다.\n"
)
#: "一" is U+4E00: in UTF-16-LE its NUL falls in the other column from a newline's, and
#: here there are more of them than newlines, so the column count points the wrong way.
CHINESE_ONE = "双方同意再举行一次会谈，一起研究一个新的方案，一并解决一些问题。\n"

_NAMES = {
    ENGLISH: "english",
    RUSSIAN: "russian",
    CHINESE: "chinese",
    TRADITIONAL: "traditional",
    JAPANESE: "japanese",
    KOREAN: "korean",
    CHINESE_ONE: "chinese-with-yi",
    CHINESE_ONE.strip(): "chinese-with-yi-one-line",
}


def _read(tmp_path: Path, data: bytes, name: str = "account.txt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return read_path(path).text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (ENGLISH, "utf-16-le"),
        (ENGLISH, "utf-16-be"),
        (ENGLISH, "utf-32-le"),
        (ENGLISH, "utf-32-be"),
        (RUSSIAN, "utf-16-le"),
        (RUSSIAN, "utf-16-be"),
        (CHINESE, "utf-16-le"),
        (CHINESE_ONE, "utf-16-le"),
        (CHINESE_ONE.strip(), "utf-16-le"),  # no whitespace at all: read as it is Chinese
        (KOREAN, "utf-32-be"),
    ],
    ids=lambda v: _NAMES.get(v, str(v)),
)
def test_utf16_and_utf32_without_a_byte_order_mark_are_read(
    tmp_path: Path, text: str, encoding: str
) -> None:
    data = text.encode(encoding)
    assert b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    assert _read(tmp_path, data) == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [CHINESE, JAPANESE], ids=["chinese", "japanese"])
def test_utf16_without_any_nul_is_read_when_it_is_cjk_text(
    tmp_path: Path, text: str, encoding: str
) -> None:
    one_line = text.replace("\n", "")  # no ASCII at all, so not one NUL
    data = one_line.encode(encoding)
    assert b"\x00" not in data
    assert _read(tmp_path, data) == one_line


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (CHINESE, "gbk"),
        (CHINESE, "gb18030"),
        (TRADITIONAL, "big5"),
        (JAPANESE, "shift_jis"),
        (JAPANESE, "euc_jp"),
        (KOREAN, "euc_kr"),  # its Hangul bytes are common Hanzi in GBK: Korean must win
    ],
    ids=lambda v: _NAMES.get(v, str(v)),
)
def test_undeclared_legacy_cjk_encodings_are_read(tmp_path: Path, text: str, encoding: str) -> None:
    assert _read(tmp_path, text.encode(encoding)) == text


def test_an_undeclared_cjk_page_is_read(tmp_path: Path) -> None:
    body = "".join(f"<p>{para.strip()}</p>" for para in JAPANESE.split("\n\n"))
    page = f"<html><head><title>T</title></head><body>{body}</body></html>"
    assert _read(tmp_path, page.encode("shift_jis"), "page.html") == JAPANESE.strip()


#: Valid GBK (and for some Big5 or Shift-JIS too) byte for byte: "ü" + a letter is a GBK
#: character. The first gives eleven of them; they are rare ones, so it stays Windows-1252.
WESTERN_VALID_AS_CJK = [
    "Günther Schäuble äußerte sich über Gespräche mit Jürgen Müller über Zölle und Gebühren",
    "Müller said",
    "Émile Zola écrivit",
    "Crème brûlée",
    "Señor Peña Nieto y la señora Ibáñez hablaron",
]


@pytest.mark.parametrize(
    "text", [*WESTERN_VALID_AS_CJK, "café", "déjà vu", "Señora Muñoz"], ids=lambda t: t[:12]
)
def test_western_windows_1252_is_not_taken_for_cjk(tmp_path: Path, text: str) -> None:
    data = text.encode("cp1252")
    assert _read(tmp_path, data) == text


def test_the_western_samples_really_are_valid_cjk() -> None:
    # so the test above proves the guess is careful, not that the bytes could not fit
    for text in WESTERN_VALID_AS_CJK:
        assert text.encode("cp1252").decode("gb18030") != text


def test_windows_1251_capitals_valid_as_shift_jis_stay_cyrillic(tmp_path: Path) -> None:
    text = "ПРЕЗИДЕНТ РОССИИ ПРОВЁЛ ТЕЛЕФОННЫЙ РАЗГОВОР"
    data = text.encode("cp1251")
    data.decode("cp932")  # half-width katakana and Kanji, but no kana a Japanese text has
    assert _read(tmp_path, data) == text


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + bytes(range(i, i + 48)) for i in range(16))
    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _zip() -> bytes:
    # stored, not compressed: UTF-16 text inside, to tempt the guess
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("readout.txt", ENGLISH.encode("utf-16-le"))
        archive.writestr("notes.txt", ENGLISH * 3)
    return out.getvalue()


def _wav() -> bytes:
    # a quiet tone: 16-bit samples near zero, NULs in every other byte as in UTF-16-LE
    out = io.BytesIO()
    with wave.open(out, "wb") as sound:
        sound.setnchannels(1)
        sound.setsampwidth(2)
        sound.setframerate(8000)
        samples = (round(90 * math.sin(i / 5)) for i in range(4000))
        sound.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return out.getvalue()


def _pdf() -> bytes:
    image = random.Random(1).randbytes(3000)
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /XObject /Subtype /Image "
        b"/Width 50 /Height 20 /BitsPerComponent 8 /ColorSpace /DeviceRGB /Length 3000 >>\n"
        b"stream\n" + image + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    )


@pytest.mark.parametrize(
    ("make", "message"),
    [
        pytest.param(_png, "binary", id="png"),
        pytest.param(_zip, "binary", id="zip"),
        pytest.param(_wav, "binary", id="wav"),
        pytest.param(_pdf, "binary", id="pdf"),
        pytest.param(  # ELF, Mach-O or PE
            lambda: Path(sys.executable).read_bytes()[:65536], "binary", id="interpreter"
        ),
        pytest.param(lambda: random.Random(3).randbytes(4096), "binary", id="random"),
        pytest.param(
            lambda: random.Random(4).randbytes(9000).replace(b"\x00", b""),
            "cannot decode",
            id="random-no-nul",
        ),
        pytest.param(lambda: bytes(range(256)) * 16, "binary", id="all-bytes"),
        # valid UTF-16-LE ("Ā̂楢慮祲"), but no whitespace and too short to be Chinese
        pytest.param(lambda: b"\x00\x01\x02\x03binary", "binary", id="tiny"),
        # the first bytes of binary files, as short as a UTF-16 "OK" or "Hi."
        *(
            pytest.param(lambda head=head: head, "binary", id=name)
            for name, head in [
                ("elf-header", b"\x7fELF\x02\x01\x01\x00"),
                ("zip-header", b"PK\x03\x04\x14\x00\x00\x00"),
                ("exe-header", b"MZ\x90\x00\x03\x00"),
                ("gzip-header", b"\x1f\x8b\x08\x00\x00\x00"),
                ("ico-header", b"\x00\x00\x01\x00\x01\x00"),
                ("wasm-header", b"\x00asm\x01\x00\x00\x00"),
                ("class-header", b"\xca\xfe\xba\xbe\x00\x00"),
                ("ogg-header", b"OggS\x00\x02"),
                ("jpeg-header", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"),
                ("sqlite-header", b"SQLite format 3\x00"),
                ("hangul-and-a-bar", b"\xd1\xbb\x00|"),  # "톻|" in UTF-16-BE: no word
                ("yi-and-a-caret", b"\x96\xa3^\x00"),  # "ꎖ^" in UTF-16-LE
            ]
        ),
    ],
)
def test_binary_files_stay_refused(tmp_path: Path, make: Callable[[], bytes], message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        _read(tmp_path, make())


# -- file names and special files -----------------------------------------------------------


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="needs byte file names")
def test_a_file_name_that_is_not_utf8_gives_a_printable_source(tmp_path: Path) -> None:
    p = Path(os.fsdecode(os.fsencode(tmp_path) + b"/r\xe9sum\xe9.txt"))
    p.write_text("Talks resumed today in Geneva.", encoding="utf-8")
    doc = read_path(p)
    assert doc.source == "résumé.txt" and doc.label == "résumé"
    doc.source.encode("utf-8")  # no lone surrogates left
    assert from_bytes(b"Talks.", "x\ud800.txt", "y\udcff").source == "x\ufffd.txt"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_without_reading_it() -> None:
    with pytest.raises(DocumentError, match="not a regular file"):
        read_path("/dev/zero")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    with pytest.raises(DocumentError, match="not a regular file"):
        read_path(fifo)


@pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs /proc")
def test_reading_stops_after_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # /proc files say they are empty: only reading tells how much there is
    monkeypatch.setattr(documents, "MAX_BYTES", 8)
    with pytest.raises(DocumentError, match="too large"):
        read_path("/proc/self/cmdline")


def test_a_folder_that_cannot_be_entered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def denied(self: Path, **_kwargs: object) -> os.stat_result:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "stat", denied)  # as for a file in a folder without x
    with pytest.raises(DocumentError, match="permission denied"):
        read_path(tmp_path / "locked" / "a.txt")


def test_a_file_name_too_long(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match=r"cannot be read|no such file"):
        read_path(tmp_path / ("x" * 300 + ".txt"))


# -- pathological Markdown -------------------------------------------------------------------


def test_deeply_nested_markdown_list_is_read_as_plain_text() -> None:
    text = "".join("  " * i + "- item\n" for i in range(500))
    doc = from_markdown(text)
    assert len(doc.blocks) == 500


def test_markdown_that_blows_the_stack_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def recurse(*_args: object, **_kwargs: object) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(documents.markdown_lib, "markdown", recurse)
    with pytest.raises(DocumentError, match="nested too deeply"):
        from_markdown("- item\n", where="deep.md")


@pytest.mark.parametrize(
    "text", ["[" * 20000 + "x" + "]" * 20000, "[a " * 20000, "[x](" * 20000, "<a " * 20000]
)
def test_markdown_with_thousands_of_open_brackets_is_read_quickly(text: str) -> None:
    start = time.perf_counter()
    doc = from_markdown("The minister spoke.\n\n" + text)
    assert time.perf_counter() - start < 5
    assert doc.text.startswith("The minister spoke.")
