"""Reading accounts from .txt, .md, .html files or pasted text into Documents."""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown as markdown_lib

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
    if not p.exists():
        raise DocumentError(f"{p}: no such file")
    if p.is_dir():
        raise DocumentError(f"{p}: is a folder, not a file")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise DocumentError(
                f"{p}: too large ({size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)"
            )
        data = p.read_bytes()
    except PermissionError:
        raise DocumentError(f"{p}: permission denied") from None
    except OSError as exc:
        raise DocumentError(f"{p}: cannot be read ({exc.strerror or exc})") from None
    return from_bytes(data, name=p.name, label=label or p.stem)


def from_bytes(data: bytes, name: str = "", label: str = "") -> Document:
    """Decode and parse file contents; the suffix of ``name`` picks the format."""
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


def decode(data: bytes, where: str = "document") -> str:
    """Bytes to text: BOMs first, then UTF-8, then Windows-1252; newlines become \\n."""
    if data.startswith(b"\xef\xbb\xbf"):
        text = _strict(data[3:], "utf-8", where)
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        text = _strict(data, "utf-32", where)
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = _strict(data, "utf-16", where)
    else:
        if b"\x00" in data[:8192]:
            raise DocumentError(f"{where}: looks like a binary file, not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _strict(data, "cp1252", where)
    text = text.lstrip("\ufeff")
    if _control_share(text) > 0.05:
        raise DocumentError(f"{where}: looks like a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


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


# -- HTML and Markdown --------------------------------------------------------------------

_SKIP_TAGS = {
    "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside",
    "form", "button", "select", "iframe", "menu", "figure", "figcaption", "head", "title",
}  # fmt: skip
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "li", "ul", "ol", "dl",
    "dt", "dd", "table", "tr", "td", "th", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "body", "html",
}  # fmt: skip
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col"}
_NAV_HINT = re.compile(
    r"(^|[\s_-])(nav|menu|breadcrumb|footer|header|sidebar|cookie|share|"
    r"social|related|advert|promo|subscribe|newsletter|comments?)($|[\s_-])"
)


class _Extractor(HTMLParser):
    """Collects (kind, level, text) blocks from HTML, skipping page furniture."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[BlockKind, int, str]] = []
        self._buf: list[str] = []
        self._kind, self._level = BlockKind.PARAGRAPH, 0
        self._stack: list[tuple[str, bool]] = []
        self._skip = 0
        self.article_depth = 0
        self.saw_article = False
        self.article_blocks: list[tuple[BlockKind, int, str]] = []

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buf)).strip()
        self._buf = []
        if text:
            block = (self._kind, self._level, text)
            self.blocks.append(block)
            if self.article_depth:
                self.article_blocks.append(block)
        self._kind, self._level = BlockKind.PARAGRAPH, 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID_TAGS:
            if tag in ("br", "hr") and not self._skip:
                self._flush()
            return
        attr = {k: (v or "") for k, v in attrs}
        hint = f"{attr.get('class', '')} {attr.get('id', '')} {attr.get('role', '')}".lower()
        skip = tag in _SKIP_TAGS or bool(_NAV_HINT.search(hint)) or "hidden" in attr
        if self._skip or skip:
            self._skip += 1
            self._stack.append((tag, True))
            return
        self._stack.append((tag, False))
        if tag in ("article", "main") or attr.get("role") == "main":
            self.article_depth += 1
            self.saw_article = True
        if tag in _BLOCK_TAGS:
            self._flush()
            if re.fullmatch(r"h[1-6]", tag):
                self._kind, self._level = BlockKind.HEADING, int(tag[1])
            elif tag == "li":
                self._kind = BlockKind.ITEM

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS:
            return
        # pop to the matching tag, tolerating unclosed children
        for k in range(len(self._stack) - 1, -1, -1):
            if self._stack[k][0] == tag:
                break
        else:
            return
        while len(self._stack) > k:
            name, skipped = self._stack.pop()
            if skipped:
                self._skip -= 1
                continue
            if name in _BLOCK_TAGS:
                self._flush()
            if name in ("article", "main"):
                self.article_depth = max(0, self.article_depth - 1)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def from_html(html: str, label: str = "", where: str = "HTML") -> Document:
    """The article text of a saved web page: headings, paragraphs and list items."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    blocks = (
        parser.article_blocks if parser.saw_article and parser.article_blocks else parser.blocks
    )
    return _join_blocks(blocks, label, where)


def from_markdown(text: str, label: str = "", where: str = "Markdown") -> Document:
    """Markdown rendered by the ``markdown`` package, then read as HTML (headings kept)."""
    html = markdown_lib.markdown(text, extensions=["extra", "sane_lists"])
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    return _join_blocks(parser.blocks, label, where)


def _join_blocks(blocks: list[tuple[BlockKind, int, str]], label: str, where: str) -> Document:
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
