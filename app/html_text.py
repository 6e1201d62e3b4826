"""The text of an HTML page as blocks: the article of a saved web page, with the page's
furniture (navigation, headers, footers, menus, cookie banners) left out.

``html_blocks`` reads the page as a browser would close its elements (an omitted
``</head>``, an unclosed ``<svg>``), never drops the containers of the page itself, and
falls back to everything but code and controls rather than finding nothing."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from app.model import BlockKind

#: (kind, heading level, text) of one heading, paragraph or list item
HtmlBlock = tuple[BlockKind, int, str]

#: Never text: code, styles, the head, graphics, form controls.
_NOT_TEXT = {
    "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "button",
    "select", "option", "textarea", "label",
}  # fmt: skip
#: Page furniture around an article.
_SKIP_TAGS = _NOT_TEXT | {"nav", "header", "footer", "aside", "menu", "figure", "figcaption"}
#: What holds the article itself: never skipped, whatever its class, id or attributes say
#: (`<body class="has-sidebar">`, ASP.NET's `<form id="form1">` around the whole page).
_STRUCTURAL = {"html", "body", "form", "main", "article"}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "li", "ul", "ol", "dl",
    "dt", "dd", "table", "tr", "td", "th", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "body", "html", "form",
}  # fmt: skip
_VOID_TAGS = {"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col"}
#: What may stand in <head>; anything else ends a head whose </head> was left out.
_HEAD_TAGS = {"title", "meta", "link", "style", "script", "base", "noscript", "template"}
#: HTML tags that end an open <svg> (the HTML standard's rule for foreign content), so an
#: unclosed <svg> cannot swallow the article after it.
_SVG_BREAKOUT = {
    "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
    "embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing",
    "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
    "strike", "sub", "sup", "table", "tt", "u", "ul", "var",
}  # fmt: skip
#: Words in a class or id that mark page furniture; matched against whole words of a
#: class or id ("main-nav", "siteHeader", "cookie_banner"), never inside a word.
_NAV_WORDS = {
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "header",
    "masthead", "sidebar", "cookie", "cookies", "share", "sharing", "social", "related",
    "advert", "promo", "subscribe", "newsletter", "comment", "comments",
}  # fmt: skip
#: A word before one of those that makes the class describe something else:
#: "has-sidebar", "with-header", "no-comments", "category-social".
_NAV_MODIFIERS = {
    "has", "with", "without", "no", "not", "is", "show", "hide", "category", "cat", "tag",
    "tags", "topic", "term",
}  # fmt: skip
_NAV_ROLES = {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "search"}
_WORD_SPLIT = re.compile(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def _is_furniture(attr: dict[str, str]) -> bool:
    """Whether an element's class, id or role marks it as navigation or other furniture."""
    if attr.get("role", "").strip().lower() in _NAV_ROLES:
        return True
    for token in f"{attr.get('class', '')} {attr.get('id', '')}".split():
        words = [w.lower() for w in _WORD_SPLIT.split(token) if w]
        for i, word in enumerate(words):
            if word in _NAV_WORDS and (i == 0 or words[i - 1] not in _NAV_MODIFIERS):
                return True
    return False


class _Extractor(HTMLParser):
    """Collects (kind, level, text) blocks from HTML, skipping page furniture (or, when
    ``lenient``, only what is never text)."""

    def __init__(self, lenient: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[HtmlBlock] = []
        self._buf: list[str] = []
        self._kind, self._level = BlockKind.PARAGRAPH, 0
        self._stack: list[tuple[str, bool]] = []
        self._open: dict[str, int] = {}  # tag -> how many are on the stack
        self._skip = 0
        self._lenient = lenient
        self.article_depth = 0
        self.saw_article = False
        self.article_blocks: list[HtmlBlock] = []
        self._rows = 0  # table rows begun so far
        self.block_rows: list[int] = []  # per block, the table row it stands in (0: none)
        self.article_rows: list[int] = []

    def _flush(self) -> None:
        text = re.sub(r"\s+", " ", "".join(self._buf)).strip()
        self._buf = []
        if text:
            block = (self._kind, self._level, text)
            row = self._rows if self._open.get("tr") else 0
            self.blocks.append(block)
            self.block_rows.append(row)
            if self.article_depth:
                self.article_blocks.append(block)
                self.article_rows.append(row)
        self._kind, self._level = BlockKind.PARAGRAPH, 0

    def _skips(self, tag: str, attr: dict[str, str]) -> bool:
        if self._lenient:
            return tag in _NOT_TEXT
        if tag in _STRUCTURAL:
            return False
        return tag in _SKIP_TAGS or "hidden" in attr or _is_furniture(attr)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: (v or "") for k, v in attrs}
        self._implied_ends(tag, attr)
        if tag in _VOID_TAGS:
            if tag in ("br", "hr") and not self._skip:
                self._flush()
            return
        if self._skip or self._skips(tag, attr):
            self._push(tag, True)
            return
        self._push(tag, False)
        if tag in ("article", "main") or attr.get("role") == "main":
            self.article_depth += 1
            self.saw_article = True
        if tag in _BLOCK_TAGS:
            self._flush()
            self._rows += tag == "tr"
            if re.fullmatch(r"h[1-6]", tag):
                self._kind, self._level = BlockKind.HEADING, int(tag[1])
            elif tag == "li":
                self._kind = BlockKind.ITEM

    def _implied_ends(self, tag: str, attr: dict[str, str]) -> None:
        """End the elements whose end tags are implied (as a browser would), so that an
        unclosed element that is skipped cannot swallow the article."""
        if self._open.get("head") and tag not in _HEAD_TAGS:  # <head><title>…<body>…
            self._close_from(self._index("head"))
        if self._open.get("svg") and tag in _SVG_BREAKOUT and not self._open.get("foreignobject"):
            self._close_from(self._index("svg"))
        if self._skip and (tag == "main" or attr.get("role") == "main"):
            # <main> is never inside nav, header, footer or aside: those were left open
            k = next(i for i, (name, skipped) in enumerate(self._stack) if skipped)
            if "template" not in (name for name, _ in self._stack[k:]):
                self._close_from(k)

    def _index(self, tag: str) -> int:
        return next(i for i, (name, _) in enumerate(self._stack) if name == tag)

    def _push(self, tag: str, skipped: bool) -> None:
        self._stack.append((tag, skipped))
        self._open[tag] = self._open.get(tag, 0) + 1
        self._skip += skipped

    def _close_from(self, k: int) -> None:
        """Close the open elements from stack position ``k`` up, innermost first."""
        while len(self._stack) > k:
            name, skipped = self._stack.pop()
            self._open[name] -= 1
            if skipped:
                self._skip -= 1
                continue
            if name in _BLOCK_TAGS:
                self._flush()
            if name in ("article", "main"):
                self.article_depth = max(0, self.article_depth - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID_TAGS or not self._open.get(tag):
            return
        # pop to the matching tag, tolerating unclosed children
        k = next(i for i in range(len(self._stack) - 1, -1, -1) if self._stack[i][0] == tag)
        self._close_from(k)

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1][0] == "head" and data.strip():
            self._close_from(len(self._stack) - 1)  # text ends a head left open
        if not self._skip:
            self._buf.append(data)

    def close(self) -> None:
        super().close()
        self._flush()


def html_blocks(html: str, prefer_article: bool = False) -> list[HtmlBlock]:
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    blocks = _rows_joined(parser.blocks, parser.block_rows)
    if prefer_article and parser.saw_article and parser.article_blocks:
        blocks = _rows_joined(parser.article_blocks, parser.article_rows)
    if any(re.search(r"\w", text) for _, _, text in blocks):
        return blocks
    # Everything looked like furniture: a page built in a way we did not foresee. Its
    # text is better than refusing it as empty, so read all of it but code and controls.
    parser = _Extractor(lenient=True)
    parser.feed(html)
    parser.close()
    return _rows_joined(parser.blocks, parser.block_rows)


#: a table row whose cells hold no more than this in all reads as one line of data
ROW_CHARS = 300


def _rows_joined(blocks: list[HtmlBlock], rows: list[int]) -> list[HtmlBlock]:
    """A row of a data table as one block, its cells parted by " | " ("Oil refineries |
    30 days"), not a claim per cell ("Item", "14"). A row with more text is a page laid
    out in a table: its cells stay blocks of their own."""
    out: list[HtmlBlock] = []
    k = 0
    while k < len(blocks):
        end = k + 1
        while rows[k] and end < len(blocks) and rows[end] == rows[k]:
            end += 1
        cells = blocks[k:end]
        text = " | ".join(t for _kind, _level, t in cells)
        if (
            end - k > 1
            and len(text) <= ROW_CHARS
            and all(c[0] is not BlockKind.HEADING for c in cells)
        ):
            out.append((BlockKind.PARAGRAPH, 0, text))
        else:
            out.extend(cells)
        k = end
    return out


def defuse_tail(html: str) -> str:
    """After the last ">" no tag can end: escape the "<"s there, which the parser would
    otherwise rescan to the end one by one (minutes for 30,000 of them)."""
    cut = html.rfind(">") + 1
    if "<" not in html[cut:]:
        return html
    return html[:cut] + html[cut:].replace("<", "&lt;")
