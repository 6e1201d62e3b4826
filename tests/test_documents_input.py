"""Reading documents from awkward input: saved pages of every make, mixed and legacy
encodings, file names that are not UTF-8, special files, pathological Markdown."""

from __future__ import annotations

import os
import sys
import time
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


def test_unknown_or_wrong_declared_charset_falls_back() -> None:
    page = '<html><head><meta charset="x-no-such-charset"></head><body><p>Café talks.</p>'
    assert from_bytes(page.encode("cp1252"), "p.html").text == "Café talks."
    page = '<html><head><meta charset="base64"></head><body><p>Café talks.</p>'
    assert from_bytes(page.encode("cp1252"), "p.html").text == "Café talks."
    page = '<html><head><meta charset="utf-8"></head><body><p>Café talks.</p>'  # it lies
    assert from_bytes(page.encode("cp1252"), "p.html").text == "Café talks."


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
