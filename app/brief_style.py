"""The look and wording the brief's renderers share (Markdown, HTML, and the PDF made from
the HTML): colours, tints and symbols that do not rely on colour alone, the names of the
kinds of difference, the headline and the other sentences, the legend, and how one side of
a row refers back to claims already printed in full."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.brief import Brief, BriefClaim
from app.model import Difference, Side, Status

# Okabe-Ito hues (safe for the common colour-vision deficiencies) for text and symbols,
# and light tints of them for backgrounds, so a printed page stays light and the text
# black. The same values as ui/theme.py's light theme
# (strong colours for symbols, 16 % tints over white for backgrounds), so the brief
# looks like the window it came from.
SAME_TEXT = "#0072B2"
DIFFERS_TEXT = "#C77C00"
ONLY_TEXT = "#B8458F"
SAME_TINT = "#D6E8F3"
DIFFERS_TINT = "#F6EAD6"
ONLY_TINT = "#F4E1ED"
MARK_TINT = "#F3CD7E"  # the words that differ, inside a differs tint
INK = "#1A1A1A"
MUTED = "#5A5F66"
RULE = "#B8BEC6"

# Symbols carry the status for readers who cannot see the colours (or print in grey).
SAME_SYMBOL = "✓"
DIFFERS_SYMBOL = "≠"
ONLY_SYMBOLS = {Side.A: "◧", Side.B: "◨"}

DIFFERENCE_KINDS = {
    "number": "Figures",
    "date": "Dates",
    "time": "Times",
    "duration": "Durations",
    "frequency": "How often",
    "place": "Places",
    "opposite": "Opposites",
    "actor": "Who",
    "condition": "Conditions",
    "phrase": "Wording",
}

FONT_STACK = "'Noto Sans', 'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif"


# --- shared wording ---------------------------------------------------------------


def only_in(label: str) -> str:
    return f"Only in {label}"


def not_said(kind: str) -> str:
    """What an empty side of a difference line says: the account names nobody (for
    "Who"), or does not mention that figure, date or duration at all."""
    return "none named" if kind == DIFFERENCE_KINDS["actor"] else "not mentioned"


def difference_lines(differences: Iterable[Difference]) -> list[tuple[str, list[str], list[str]]]:
    """Per kind of difference, in order: (kind's name, A's wordings, B's wordings); an
    empty list means that account does not say (see ``not_said``)."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for d in differences:
        a, b = out.setdefault(DIFFERENCE_KINDS.get(d.kind, d.kind.capitalize()), ([], []))
        for words, into in ((d.a, a), (d.b, b)):
            if words and words not in into:
                into.append(words)
    return [(kind, a, b) for kind, (a, b) in out.items()]


def headline(brief: Brief) -> str:
    t = brief.totals
    a, b = brief.account(Side.A).label, brief.account(Side.B).label
    parts = [
        plural(t.same_links, "passage agrees", "passages agree"),
        plural(t.differs_links, "passage differs", "passages differ"),
        f"{plural(t.only_a, 'claim appears', 'claims appear')} only in {a}",
        f"{plural(t.only_b, 'claim', 'claims')} only in {b}",
    ]
    return ", ".join(parts[:-1]) + " and " + parts[-1] + "."


def scope_note(brief: Brief) -> str:
    """For a brief that leaves something out: what it lists (the headline and the
    at-a-glance table still count everything in its topics)."""
    o = brief.options
    if o.scope == "differences":
        return "Only the passages that differ are listed; the counts cover every claim."
    if o.scope == "omissions":
        return "Only the claims found in one account are listed; the counts cover every claim."
    if o.scope == "topics":
        return "Only the selected topics are covered; the counts are for those topics."
    return ""


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def flag_words(flags: frozenset[str]) -> list[str]:
    return [w for f, w in (("important", "★ Important"), ("reviewed", "Reviewed")) if f in flags]


LEGEND = (
    (Status.SAME, SAME_SYMBOL, "Same", "both accounts say this"),
    (Status.DIFFERS, DIFFERS_SYMBOL, "Differs", "both accounts cover this, but not alike"),
    (Status.ONLY, "◧ ◨", "One account only", "◧ only in A · ◨ only in B"),
)
REFER_BACK = "↑ as above:"  # a claim already printed in full in an earlier row


def cell_items(claims: Sequence[BriefClaim]) -> list[tuple[str, BriefClaim | str]]:
    """One side of a row as (joiner, item): a claim to print, or the words that refer
    back to claims printed in full in an earlier row (neighbouring ones together)."""
    out: list[tuple[str, BriefClaim | str]] = []
    run: list[BriefClaim] = []

    def flush() -> None:
        if run:
            out.append((run[0].joiner, refer_back(run)))
            run.clear()

    for c in claims:
        if c.repeat:
            run.append(c)
            continue
        flush()
        out.append((c.joiner, c))
    flush()
    return out


def refer_back(claims: Sequence[BriefClaim]) -> str:
    if len(claims) == 1:
        return f"{REFER_BACK} “{claims[0].opening(6)}”"
    first, last = claims[0].opening(4), claims[-1].opening(4)
    return f"↑ {len(claims)} claims as above: “{first}” to “{last}”"


NOTHING_IN_SCOPE = "Nothing in this scope."
LOOSE_NOTES_HEADING = "Notes on removed links"
LOOSE_NOTES_INTRO = (
    "These notes were written on links that are no longer in the comparison; "
    "each stands beside the claims it joined."
)
