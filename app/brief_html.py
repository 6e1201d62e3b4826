"""The brief as one self-contained HTML file (inline CSS), in the subset of HTML
and CSS that Qt's QTextDocument understands: the PDF is made from the same HTML."""

from __future__ import annotations

import html
import unicodedata
from collections.abc import Sequence

from app.brief import AnnotatedText, Brief, BriefClaim, Pair, Run, TopicSection
from app.brief_marks import Fragment
from app.brief_style import (
    DIFFERS_SYMBOL,
    DIFFERS_TEXT,
    DIFFERS_TINT,
    FONT_STACK,
    INK,
    LEGEND,
    LOOSE_NOTES_HEADING,
    LOOSE_NOTES_INTRO,
    MARK_TINT,
    MUTED,
    NOTHING_IN_SCOPE,
    ONLY_SYMBOLS,
    ONLY_TEXT,
    ONLY_TINT,
    RULE,
    SAME_SYMBOL,
    SAME_TEXT,
    SAME_TINT,
    cell_items,
    difference_lines,
    flag_words,
    headline,
    not_said,
    plural,
    scope_note,
)
from app.model import BlockKind, Side, Status, web_address


def esc(text: str) -> str:
    return html.escape(text, quote=True)


#: Space above a heading in the PDF and the preview (CSS pixels: 9 and 4.5 points), so that
#: one after a table or a box does not sit against it.
QT_H2_SPACE_PX = 12
QT_H3_SPACE_PX = 6
#: QTextDocument parses and lays out a table in one call each, which holds Python's lock
#: (and so the window) for seconds for a topic of 2,000 pairs; for it a topic's pairs are
#: cut into tables of this many, one right under the other, and ``ui/pdf_pages.py`` takes
#: the later ones as the first table going on (its header row repeated on a new page).
QT_TABLE_ROWS = 200
QT_TABLE_SEAM_PX = 4  # what Qt leaves between two tables: borders, padding


def stylesheet() -> str:
    """CSS understood by QTextDocument and by browsers (browsers get a little more).

    The margins here are QTextDocument's, in CSS pixels (it scales them to the paint
    device): it takes a margin in points as 0, and does not collapse the margin under a
    table with the one above the heading that follows, as a browser does. Browsers get
    their own (``_BROWSER_CSS``)."""
    return f"""
body {{ font-family: {FONT_STACK}; font-size: 9.5pt; color: {INK}; }}
h1 {{ font-size: 19pt; font-weight: 600; margin-top: 0; margin-bottom: 0; }}
h2 {{ font-size: 13pt; font-weight: 600; margin-top: {QT_H2_SPACE_PX}px; margin-bottom: 0;
     color: {INK}; }}
h3 {{ font-size: 9.5pt; font-weight: 600; margin-top: {QT_H3_SPACE_PX}px; margin-bottom: 0;
     color: #3A3F45; }}
p {{ margin-top: 0; margin-bottom: 0; }}
.muted {{ color: {MUTED}; }}
.small {{ font-size: 8pt; }}
.lead {{ font-size: 11pt; margin-top: 0; margin-bottom: 0; }}
table {{ border-collapse: collapse; margin-bottom: 0; }}
.fulltext {{ line-height: 135%; }}
th {{ font-weight: 600; text-align: left; background-color: #EEF0F3; }}
td, th {{ vertical-align: top; }}
.num {{ text-align: right; }}
.status {{ font-weight: 600; white-space: nowrap; }}
.same {{ background-color: {SAME_TINT}; }}
.differs {{ background-color: {DIFFERS_TINT}; }}
.only {{ background-color: {ONLY_TINT}; }}
.mark {{ text-decoration: underline; background-color: {MARK_TINT}; }}
.strong {{ font-weight: 700; }}
.ref {{ color: {MUTED}; font-style: italic; }}
.sym-same {{ color: {SAME_TEXT}; font-weight: 700; }}
.sym-differs {{ color: {DIFFERS_TEXT}; font-weight: 700; }}
.sym-only {{ color: {ONLY_TEXT}; font-weight: 700; }}
.note {{ color: #333333; font-style: italic; }}
.detail {{ font-size: 8.5pt; color: #333333; }}
.tag {{ font-size: 7pt; font-weight: 700; color: {MUTED}; }}
.annex {{ page-break-before: always; }}
"""


_BROWSER_CSS = """
h1 { margin-bottom: 4pt; }
h2 { margin-top: 16pt; margin-bottom: 5pt; }
h3 { margin-top: 6pt; margin-bottom: 3pt; }
p { margin-bottom: 5pt; }
.lead { margin-top: 8pt; margin-bottom: 10pt; }
table { margin-bottom: 8pt; }
table.legend { margin-bottom: 4pt; }
@media screen { body { max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.4; } }
table { width: 100%; }
td, th { border: 1px solid #B8BEC6; padding: 4pt; }
table.meta td, table.meta th { border: none; }
"""


def render_html(brief: Brief, for_qt: bool = False) -> str:
    """The brief as one self-contained HTML page (inline CSS, every user text escaped).

    ``for_qt`` leaves out the few rules that only browsers need (QTextDocument would
    misread them), and cuts a long table of pairs into tables of ``QT_TABLE_ROWS`` pairs
    (see there); the content is the same."""
    o = brief.options
    a, b = brief.account(Side.A), brief.account(Side.B)
    body: list[str] = [f"<h1>{esc(brief.title)}</h1>"]
    body.append(_html_accounts(brief))
    body.append(f'<p class="lead">{esc(headline(brief))}</p>')
    if scope_note(brief):
        body.append(f'<p class="muted">{esc(scope_note(brief))}</p>')
    if o.legend:
        body.append(_html_legend())
    if o.summary:
        body.append(_html_summary(brief, a.label, b.label))
    if o.side_by_side:
        for n, t in enumerate(brief.topics, 1):
            body.append(_html_topic(n, t, a.label, b.label, o.notes,
                                    QT_TABLE_ROWS if for_qt else 0))  # fmt: skip
        if not brief.topics:
            body.append(f'<p class="muted">{NOTHING_IN_SCOPE}</p>')
    if brief.loose_notes:
        body.append(_html_loose_notes(brief, a.label, b.label))
    for k, text in enumerate(brief.texts):
        body.append(_html_annotated(text, first=k == 0))
    if o.provenance:
        body.append(_html_provenance(brief))
    css = stylesheet() + ("" if for_qt else _BROWSER_CSS)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(brief.title)}</title><style>{css}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )


def _html_accounts(brief: Brief) -> str:
    rows = []
    for acc in brief.accounts:
        meta = [esc(x) for x in (acc.date, acc.source) if x]
        if acc.url and web_address(acc.url):
            meta.append(f'<a href="{esc(acc.url)}">{esc(acc.url)}</a>')
        elif acc.url:
            meta.append(esc(acc.url))
        meta.append(plural(acc.claims, "claim", "claims"))
        rows.append(
            f'<tr><td class="status" width="4%">{acc.side.value.upper()}</td>'
            f"<td><b>{_bdi(acc.label)}</b>"
            f'<br><span class="muted small">{" · ".join(meta)}</span></td></tr>'
        )
    table = '<table class="meta" width="100%" cellspacing="0" cellpadding="2">'
    return f"{table}{''.join(rows)}</table>"


def _html_legend() -> str:
    cells = []
    for status, sym, name, text in LEGEND:
        cells.append(
            f'<td class="{status.value}" width="25%"><span class="sym-{status.value}">{sym}</span> '
            f'<b>{name}</b><br><span class="small">{esc(text)}</span></td>'
        )
    cells.append(
        '<td width="25%"><span class="mark">underlined</span> <span class="mark strong">bold'
        '</span><br><span class="small">the words that differ; in bold: figures, dates, '
        "names</span></td>"
    )
    return (
        '<table class="legend" width="100%" cellspacing="0" cellpadding="4" border="0">'
        f"<tr>{''.join(cells)}</tr></table>"
    )


def _html_summary(brief: Brief, label_a: str, label_b: str) -> str:
    head = (
        "<thead><tr><th>Topic</th>"
        f'<th class="num" width="13%"><span class="sym-same">{SAME_SYMBOL}</span> Same</th>'
        f'<th class="num" width="13%"><span class="sym-differs">{DIFFERS_SYMBOL}</span>'
        " Differs</th>"
        '<th class="num" width="13%">◧ Only in A</th>'
        '<th class="num" width="13%">◨ Only in B</th></tr></thead>'
    )
    rows = []
    for label, c in brief.glance:
        rows.append(
            f"<tr><td{_dir(label)}>{esc(label)}</td>"
            f'<td class="num{_shade(c.same_a + c.same_b, "same")}">{c.same_a} / {c.same_b}</td>'
            f'<td class="num{_shade(c.differs_a + c.differs_b, "differs")}">'
            f"{c.differs_a} / {c.differs_b}</td>"
            f'<td class="num{_shade(c.only_a, "only")}">{c.only_a}</td>'
            f'<td class="num{_shade(c.only_b, "only")}">{c.only_b}</td></tr>'
        )
    return (
        '<h2>At a glance</h2><p class="muted small">Claims in each account (A / B), by topic.</p>'
        f'<table class="summary" width="100%" border="1" cellspacing="0" cellpadding="4" '
        f'style="border-color: {RULE};">{head}<tbody>{"".join(rows)}</tbody></table>'
    )


def _shade(n: int, cls: str) -> str:
    return f" {cls}" if n else ""


def _bdi(text: str) -> str:
    """A label inside an English sentence, isolated (browsers) so that a right-to-left
    label does not pull the words around it over."""
    return f"<bdi>{esc(text)}</bdi>"


def _dir(text: str) -> str:
    """`` dir="rtl"`` for text whose first letter is of a right-to-left script (Arabic,
    Hebrew…), so that it lines up on the right with its full stop on the left; else
    nothing (the page is left to right)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return ' dir="rtl"'
        if kind == "L":
            return ""
    return ""


def _cell_dir(claims: Sequence[BriefClaim]) -> str:
    return _dir(claims[0].text) if claims else ""


def _html_fragment(f: Fragment) -> str:
    if not f.marked:
        return esc(f.text)
    cls = "mark strong" if f.strong else "mark"
    return f'<span class="{cls}">{esc(f.text)}</span>'


def _html_claims(claims: Sequence[BriefClaim], notes: bool = False) -> str:
    out = []
    items = cell_items(claims)
    for k, (joiner, c) in enumerate(items):
        if k:
            out.append(esc(joiner))
        if not isinstance(c, BriefClaim):
            out.append(f'<span class="ref">{esc(c)}</span>')
            continue
        # each claim isolated (browsers): its punctuation stays with its own script
        out.append("<bdi>" + "".join(_html_fragment(f) for f in c.fragments) + "</bdi>")
        if notes and (c.note or c.flags):
            out.append(_html_note(c.note, c.flags) + ("<br>" if k + 1 < len(items) else ""))
    return "".join(out) or '<span class="muted">—</span>'


def _html_topic(
    n: int, t: TopicSection, label_a: str, label_b: str, notes: bool, split: int = 0
) -> str:
    """A topic: its pairs side by side (in tables of ``split`` pairs, the later ones
    without a header row of their own, when ``split``), and the claims of one side."""
    out = [f"<h2>{n}. {_bdi(t.label)}</h2>"]
    if t.pairs:
        table = ('<table class="pairs" width="100%" border="1" cellspacing="0" cellpadding="5" '
                 f'style="border-color: {RULE};">')  # fmt: skip
        out.append(
            f'{table}<thead><tr><th width="11%"></th>'
            f'<th width="44.5%">{_bdi(label_a)}</th><th width="44.5%">{_bdi(label_b)}</th>'
            "</tr></thead><tbody>"
        )
        for k, p in enumerate(t.pairs):
            going_on = bool(split and k and not k % split)
            if going_on:  # right under the table before, border on border, no gap
                out.append("</tbody></table>")
                out.append(table.replace('style="', f'style="margin-top: -{QT_TABLE_SEAM_PX}px; ')
                           + "<tbody>")  # fmt: skip
            out.append(_html_pair(p, label_a, label_b, notes, widths=going_on))
        out.append("</tbody></table>")
    for side, claims, label in ((Side.A, t.only_a, label_a), (Side.B, t.only_b, label_b)):
        if claims:
            out.append(f"<h3>{ONLY_SYMBOLS[side]} Only in {_bdi(label)}</h3>")
            out.append(
                '<table class="only-list" width="100%" border="0" cellspacing="1" cellpadding="3">'
            )
            for c in claims:
                extra = _html_note(c.note, c.flags) if notes else ""
                out.append(
                    f'<tr><td class="only sym-only" width="4%">{ONLY_SYMBOLS[side]}</td>'
                    f'<td class="only"{_dir(c.text)}>{esc(c.text)}{extra}</td></tr>'
                )
            out.append("</table>")
    return "\n".join(out)


def _html_pair(p: Pair, label_a: str, label_b: str, notes: bool, widths: bool = False) -> str:
    """A pair's row (and its detail row); ``widths``: the first row of a table without a
    header row, which gives the columns their widths."""
    cls = p.status.value
    sym = SAME_SYMBOL if p.status is Status.SAME else DIFFERS_SYMBOL
    w1, w2 = (' width="11%"', ' width="44.5%"') if widths else ("", "")
    row = (
        f'<tr><td class="{cls} status"{w1}><span class="sym-{cls}">{sym}</span> {cls}</td>'
        f'<td class="{cls}"{w2}{_cell_dir(p.a)}>{_html_claims(p.a, notes)}</td>'
        f'<td class="{cls}"{w2}{_cell_dir(p.b)}>{_html_claims(p.b, notes)}</td></tr>'
    )
    details = [
        f"<b>{esc(kind)}</b> — A: {_quoted(wa, kind)} · B: {_quoted(wb, kind)}"
        for kind, wa, wb in difference_lines(p.differences)
    ]
    if notes and (p.note or p.flags):
        details.append(_html_note(p.note, p.flags, block=False))
    if details:
        row += (
            f'<tr><td class="{cls}"></td><td class="{cls} detail" colspan="2">'
            + "<br>".join(details)
            + "</td></tr>"
        )
    return row


def _html_loose_notes(brief: Brief, label_a: str, label_b: str) -> str:
    out = [
        f"<h2>{LOOSE_NOTES_HEADING}</h2>",
        f'<p class="muted">{LOOSE_NOTES_INTRO}</p>',
        '<table class="pairs" width="100%" border="1" cellspacing="0" cellpadding="5" '
        f'style="border-color: {RULE};"><thead><tr>'
        f'<th width="50%">{_bdi(label_a)}</th><th width="50%">{_bdi(label_b)}</th>'
        "</tr></thead><tbody>",
    ]
    for n in brief.loose_notes:
        out.append(
            f"<tr><td{_cell_dir(n.a)}>{_html_claims(n.a)}</td>"
            f"<td{_cell_dir(n.b)}>{_html_claims(n.b)}</td></tr>"
            '<tr><td class="detail" colspan="2">'
            f"{_html_note(n.note, n.flags, block=False)}</td></tr>"
        )
    out.append("</tbody></table>")
    return "\n".join(out)


def _quoted(words: list[str], kind: str) -> str:
    return ", ".join(f"“{esc(w)}”" for w in words) or f'<span class="muted">{not_said(kind)}</span>'


def _html_note(text: str, flags: frozenset[str], block: bool = True) -> str:
    if not text and not flags:
        return ""
    tags = " · ".join(f'<span class="tag">{esc(w).upper()}</span>' for w in flag_words(flags))
    tags += " " if tags else ""
    inner = f'{tags}<span class="note">Note: {esc(text)}</span>' if text else tags
    return f'<br><span class="detail">{inner}</span>' if block else inner


def _html_annotated(text: AnnotatedText, first: bool) -> str:
    cls = ' class="annex"' if first else ""
    out = [f"<h2{cls}>Full text: {esc(text.label)}</h2>"]
    for p in text.paragraphs:
        inner = "".join(_html_run(r, text.side) for r in p.runs)
        direction = _dir("".join(r.text for r in p.runs))
        tag = f"h3{direction}" if p.kind is BlockKind.HEADING else f'p class="fulltext"{direction}'
        prefix = "• " if p.kind is BlockKind.ITEM else ""
        out.append(f"<{tag}>{prefix}{inner}</{tag.split()[0]}>")
    return "\n".join(out)


def _html_run(run: Run, side: Side) -> str:
    if run.status is None or not run.text.strip():
        return esc(run.text)
    sym = {Status.SAME: SAME_SYMBOL, Status.DIFFERS: DIFFERS_SYMBOL}.get(
        run.status, ONLY_SYMBOLS[side]
    )
    cls = run.status.value
    return (
        f'<span class="sym-{cls} small">{sym}</span>'
        f'<span class="{cls}"><bdi>{esc(run.text)}</bdi></span>'
    )


def _html_provenance(brief: Brief) -> str:
    rows = "".join(
        f'<tr><td class="muted" width="28%">{esc(k)}</td><td>{esc(v)}</td></tr>'
        for k, v in brief.provenance
    )
    return (
        '<h2>Provenance</h2><table class="meta small" width="100%" cellspacing="0" '
        f'cellpadding="2">{rows}</table>'
    )
