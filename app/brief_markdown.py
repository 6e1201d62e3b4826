"""The brief as Markdown, structured so the ``markdown`` package renders it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.brief import Account, Brief, BriefClaim, Pair, Paragraph, TopicSection
from app.brief_style import (
    DIFFERS_SYMBOL,
    LEGEND,
    LOOSE_NOTES_HEADING,
    LOOSE_NOTES_INTRO,
    NOTHING_IN_SCOPE,
    ONLY_SYMBOLS,
    SAME_SYMBOL,
    cell_items,
    difference_lines,
    flag_words,
    headline,
    not_said,
    only_in,
    scope_note,
)
from app.model import BlockKind, Side, Status, web_address

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")
_MD_LINE_START = re.compile(r"^(\s*)([-+#>]|\d+(?=\.\s))")


def md_escape(text: str) -> str:
    """Text that Markdown shows as written (also safe inside a table cell), with as few
    backslashes as that takes: the inline markers anywhere, a list or heading marker
    only where it would start a line. ``<`` has no backslash escape in Python-Markdown,
    so it becomes an entity."""
    escaped = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    escaped = _MD_LINE_START.sub(_md_line_start, escaped)
    return escaped.replace("<", "&lt;")


def _md_line_start(m: re.Match[str]) -> str:
    """ "- x", "# x", "> x" lose their meaning with a backslash before the marker; "12. x"
    with one before the dot."""
    space, marker = m.group(1), m.group(2)
    return space + (marker + "\\" if marker[0].isdigit() else "\\" + marker)


def _md_inline(text: str) -> str:
    """``md_escape`` for a piece of a line: keeps one space where the piece starts or
    ends with white space (it joins the words of the pieces around it)."""
    if not text.strip():
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return lead + md_escape(text) + trail


def _md_claim(c: BriefClaim) -> str:
    runs: list[tuple[bool, str]] = []  # (marked, text): neighbouring marks become one
    for f in c.fragments:
        marked = f.marked and bool(f.text.strip())
        if runs and runs[-1][0] == marked:
            runs[-1] = (marked, runs[-1][1] + f.text)
        else:
            runs.append((marked, f.text))
    out = []
    for marked, text in runs:
        if not marked:
            out.append(_md_inline(text))
            continue
        # the markers hug the words: "**30 days**", never "** 30 days**"
        core = text.strip()
        lead = " " if text[0].isspace() else ""
        trail = " " if text[-1].isspace() else ""
        out.append(f"{lead}**{md_escape(core)}**{trail}")
    return "".join(out).strip()


def _md_claims(claims: Sequence[BriefClaim]) -> str:
    parts = []
    for k, (joiner, item) in enumerate(cell_items(claims)):
        if k:
            parts.append(_md_inline(joiner))
        parts.append(_md_claim(item) if isinstance(item, BriefClaim) else f"*{md_escape(item)}*")
    return "".join(parts).strip() or "—"


def render_markdown(brief: Brief) -> str:
    """The brief as Markdown (renders with the ``markdown`` package's ``tables``)."""
    o = brief.options
    a, b = brief.account(Side.A), brief.account(Side.B)
    out = [f"# {md_escape(brief.title)}", ""]
    for acc in brief.accounts:
        out.append(f"- **{acc.side.value.upper()}: {md_escape(acc.label)}**{_md_meta(acc)}")
    out += ["", md_escape(headline(brief)), ""]
    if scope_note(brief):
        out += [f"*{md_escape(scope_note(brief))}*", ""]
    if o.legend:
        out += ["## Legend", ""]
        out += [f"- {sym} **{name}**: {md_escape(text)}" for _s, sym, name, text in LEGEND]
        out += ["- **Bold** inside a claim: the words that differ", ""]
    if o.summary:
        out += ["## At a glance", "", "Claims in each account (A / B).", ""]
        out.append(
            f"| Topic | {SAME_SYMBOL} Same | {DIFFERS_SYMBOL} Differs | ◧ Only in "
            f"{md_escape(a.label)} | ◨ Only in {md_escape(b.label)} |"
        )
        out.append("|---|---:|---:|---:|---:|")
        for label, c in brief.glance:
            out.append(
                f"| {md_escape(label)} | {c.same_a} / {c.same_b} | "
                f"{c.differs_a} / {c.differs_b} | {c.only_a} | {c.only_b} |"
            )
        out.append("")
    if o.side_by_side:
        for n, t in enumerate(brief.topics, 1):
            out += _md_topic(n, t, a.label, b.label, o.notes)
        if not brief.topics:
            out += [f"*{NOTHING_IN_SCOPE}*", ""]
    if brief.loose_notes:
        out += [f"## {LOOSE_NOTES_HEADING}", "", f"*{LOOSE_NOTES_INTRO}*", ""]
        for loose in brief.loose_notes:
            side_a = f"{md_escape(a.label)}: {_md_claims(loose.a)}"
            out.append(f"- {side_a} ↔ {md_escape(b.label)}: {_md_claims(loose.b)}")
            out.append(f"    - *Note:* {_md_note(loose.note, loose.flags)}")
        out.append("")
    if brief.texts:
        for text in brief.texts:
            out += [f"## Full text: {md_escape(text.label)}", ""]
            out += [_md_paragraph(p, text.side) for p in text.paragraphs]
    if o.provenance:
        out += ["## Provenance", "", "| | |", "|---|---|"]
        out += [f"| {md_escape(k)} | {md_escape(v)} |" for k, v in brief.provenance]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_meta(acc: Account) -> str:
    bits = [md_escape(x) for x in (acc.source, acc.date) if x]
    if acc.url:
        link = web_address(acc.url) and not any(c in acc.url for c in " <>")
        bits.append(f"<{acc.url}>" if link else md_escape(acc.url))
    return (" — " + ", ".join(bits)) if bits else ""


def _md_topic(n: int, t: TopicSection, label_a: str, label_b: str, notes: bool) -> list[str]:
    out = [f"## {n}. {md_escape(t.label)}", ""]
    if t.pairs:
        out += [f"| | {md_escape(label_a)} | {md_escape(label_b)} |", "|---|---|---|"]
        for p in t.pairs:
            sym = SAME_SYMBOL if p.status is Status.SAME else DIFFERS_SYMBOL
            out.append(f"| {sym} {p.status.value} | {_md_claims(p.a)} | {_md_claims(p.b)} |")
        out.append("")
        for p in t.pairs:
            out += _md_pair_details(p, label_a, label_b, notes)
    for side, claims, label in ((Side.A, t.only_a, label_a), (Side.B, t.only_b, label_b)):
        if claims:
            out += [f"**{ONLY_SYMBOLS[side]} {md_escape(only_in(label))}**", ""]
            for c in claims:
                out.append(f"- {md_escape(c.text)}")
                if notes and (c.note or c.flags):
                    out.append(f"    - *Note:* {_md_note(c.note, c.flags)}")
            out.append("")
    return out


def _md_pair_details(p: Pair, label_a: str, label_b: str, notes: bool) -> list[str]:
    lines = []
    lead = md_escape(next((c for c in (*p.a, *p.b) if not c.repeat), (p.a or p.b)[0]).opening())
    for kind, wa, wb in difference_lines(p.differences):
        lines.append(
            f"- *{lead}* — {kind}: {md_escape(label_a)}: {_md_words(wa, kind)}; "
            f"{md_escape(label_b)}: {_md_words(wb, kind)}"
        )
    if notes:
        for c in (*p.a, *p.b):
            if (c.note or c.flags) and not c.repeat:
                about = md_escape(c.opening())
                lines.append(f"- *Note on “{about}”:* {_md_note(c.note, c.flags)}")
        if p.note or p.flags:
            lines.append(f"- *Note on “{lead}”:* {_md_note(p.note, p.flags)}")
    return [*lines, ""] if lines else []


def _md_words(words: list[str], kind: str) -> str:
    return ", ".join(f"“{md_escape(w)}”" for w in words) or not_said(kind)


def _md_note(text: str, flags: frozenset[str]) -> str:
    return " ".join([*(f"**{w}**" for w in flag_words(flags)), md_escape(text)]).strip()


def _md_paragraph(p: Paragraph, side: Side) -> str:
    parts = []
    for run in p.runs:
        text = md_escape(run.text)
        if run.status is None or not text.strip():
            parts.append(text)
        else:
            sym = {Status.SAME: SAME_SYMBOL, Status.DIFFERS: DIFFERS_SYMBOL}.get(
                run.status, ONLY_SYMBOLS[side]
            )
            parts.append(f"[{sym}] {text}")
    body = "".join(parts).strip()
    if p.kind is BlockKind.HEADING:
        return f"### {body}\n"
    if p.kind is BlockKind.ITEM:
        return f"- {body}\n"
    return body + "\n"
