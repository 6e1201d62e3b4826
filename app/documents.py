"""Reading accounts from .txt, .md or .html files or pasted text into Documents: plain
text as paragraphs, headings and list items, Markdown and HTML pages as their article's
blocks (the bytes become text in app/decoding.py)."""

from __future__ import annotations

import hashlib
import re
import stat
from pathlib import Path

import markdown as markdown_lib

from app import decoding
from app.figures import MONTHS, WEEKDAYS
from app.html_text import HtmlBlock, defuse_tail, html_blocks
from app.model import Block, BlockKind, Document
from app.text import STOPWORDS

#: Refuse files beyond this: far past any readout, and the GUI must stay responsive.
MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES


class DocumentError(Exception):
    """A file or text that cannot become a Document; the message is for the user."""


def read_path(path: str | Path, label: str = "", encoding: str | None = None) -> Document:
    """Read a file into a Document, or raise DocumentError with a one-line reason;
    ``encoding``: the one the user chose, instead of the one guessed."""
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
    return from_bytes(data, name=p.name, label=label or p.stem, encoding=encoding)


def from_bytes(
    data: bytes, name: str = "", label: str = "", encoding: str | None = None
) -> Document:
    """Decode (in ``encoding`` if given) and parse file contents; the suffix of ``name``
    picks the format."""
    name, label = printable(name), printable(label)
    where = name or "document"
    text, reading = read_text(data, where, encoding)
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and _looks_like_html(text)):
        doc = from_html(text, label=label, where=where)
    elif suffix in MARKDOWN_SUFFIXES:
        doc = from_markdown(text, label=label, where=where)
    else:
        doc = from_text(text, label=label, where=where)
    digest = hashlib.sha256(data).hexdigest()
    return Document(doc.text, doc.blocks, label=label, source=name, sha256=digest, encoding=reading)


_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(name: str) -> str:
    """``name`` as text that can be written anywhere (UTF-8 JSON, a session, the GUI): a
    file name's undecodable bytes, which ``os.fsdecode`` keeps as lone surrogates, are read
    as Windows-1252 ("r\\udce9sum\\udce9.txt" becomes "résumé.txt"); any other lone
    surrogate becomes U+FFFD."""
    if not _SURROGATE.search(name):
        return name
    return _SURROGATE.sub("\ufffd", decoding.unescape_bytes(name))


def decode(data: bytes, where: str = "document", encoding: str | None = None) -> str:
    """Bytes to text, guessed (app/decoding.py tells how) or in the ``encoding`` the user
    chose; newlines become \\n."""
    return read_text(data, where, encoding)[0]


def read_text(data: bytes, where: str = "document", encoding: str | None = None) -> tuple[str, str]:
    """``decode``, and how the bytes were read ("UTF-8", "Windows-1252 (Western)")."""
    try:
        return decoding.read_text(data, encoding)
    except decoding.DecodeError as exc:
        raise DocumentError(f"{where}: {exc}") from None


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
        blocks = [_line_spans(text, s, e) for s, e in raw]
        # a heading straight above its paragraph, where the text does that more than once
        # (one such line is more often a dateline or a letterhead than a heading)
        headed = [len(lines) > 1 and _heads_its_block(text, lines) for lines in blocks]
        spans: list[tuple[int, int]] = []
        for (s, e), lines, heads in zip(raw, blocks, headed, strict=True):
            if len(lines) > 1 and all(_ITEM_RE.match(text[ls:le]) for ls, le in lines[1:]):
                spans.extend(lines)  # list items inside a paragraph get their own blocks
            elif heads and sum(headed) > 1:
                spans.extend([lines[0], (lines[1][0], e)])  # "Energy" over its paragraph
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


def _heads_its_block(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether a block's first line is a heading written straight above its paragraph
    ("Energy", then the text on the next line): a short line that ends in no punctuation,
    well short of the line after it (a hard-wrapped paragraph's first line is none), on a
    sentence that the next line begins ("The talks lasted 3 hours" over "and covered…" is
    one sentence); not a dateline or a date ("MOSCOW, March 3", "WASHINGTON —", "Tuesday,
    March 3"), a greeting ("Dear Mr President") or a clause that goes on ("The sides
    agreed to")."""
    first = text[lines[0][0] : lines[0][1]].strip()
    second = text[lines[1][0] : lines[1][1]].strip()
    last = first.split()[-1].lower() if first.split() else ""
    return (
        _heading_like(first)
        and len(first) < 0.6 * len(second)
        and second[:1].isupper()
        and last not in STOPWORDS
        and not _DATELINE_RE.search(first)
        and not first.startswith("Dear ")
    )


#: a dateline or a date line: a city in capitals before a comma or a dash, a month, a
#: weekday or a year
_DATELINE_RE = re.compile(
    r"^[A-Z]{2,}[A-Z .'’-]*(?:,|\s[—–-])|\b(?:"
    + "|".join(m.capitalize() for m in (*MONTHS, *WEEKDAYS))
    + r")\b|\b(?:19|20)\d{2}\b"
)


def _heading_like(line: str) -> bool:
    """A line that may be a heading: short, capitalised, ending in no punctuation."""
    return (
        0 < len(line.split()) <= 10
        and len(line) <= 80
        and line[0].isupper()
        and line[-1] not in ".!?:;,\"'”’)…"
    )


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
    is_heading = (
        "\n" not in seg
        and _heading_like(seg)
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
