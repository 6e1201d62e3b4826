"""What a reader of the brief found wrong, pinned down: words glued together in Markdown,
marks on the wrong words, claims printed twice or run together, a summary table that
did not add up, right-to-left labels (no Qt)."""

from __future__ import annotations

import re
from dataclasses import replace

import markdown
import pytest

from app.brief import BriefOptions, build_brief
from app.brief_html import render_html
from app.brief_markdown import md_escape, render_markdown
from app.brief_marks import mark_fragments
from app.brief_style import REFER_BACK
from app.model import Difference, Link, Relation
from tests.export_support import SENTENCES_A, hand_made, lexical, reviewed, shared
from tests.test_brief import visible_text


def flat_text(html: str) -> str:
    """The text of an HTML page as a reader sees it: tags dropped without adding spaces
    (``visible_text`` joins pieces with a space, which hides words run together)."""
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def marked(text: str, needles: list[str], strong: list[str] | None = None) -> list[str]:
    return [f.text for f in mark_fragments(text, needles, strong or []) if f.marked]


# --- Markdown ---------------------------------------------------------------------


def test_markdown_keeps_the_spaces_around_marked_words() -> None:
    md = render_markdown(build_brief(hand_made()))
    assert "within **30 days**." in md and "of **175** prisoners" in md
    html = markdown.markdown(md, extensions=["tables"])
    text = flat_text(html)
    for _topic, sentence in SENTENCES_A[:3]:
        assert sentence in text  # "withinthe", "tookа" were what readers got


def test_markdown_escapes_only_what_markdown_would_misread() -> None:
    assert md_escape("China-U.S. win-win, 12.5 percent") == "China-U.S. win-win, 12.5 percent"
    for text in ("- not a list", "# not a heading", "12. not a list", "a *b* _c_ | [d]"):
        html = markdown.markdown(md_escape(text), extensions=["tables"])
        assert flat_text(html) == text, text


# --- marks ------------------------------------------------------------------------


def test_a_figure_is_marked_as_a_whole_number() -> None:
    assert marked("On 12 March, 2 ships left.", ["2"]) == ["2"]
    fragments = mark_fragments("On 12 March, 2 ships left.", ["2"])
    assert "".join(f.text for f in fragments if not f.marked) == "On 12 March,  ships left."
    assert marked("In 2000 they sent 200 men.", ["200"]) == ["200"]
    assert [f.text for f in mark_fragments("In 2000 they sent 200 men.", ["200"])][:2] == [
        "In 2000 they sent ", "200"]  # fmt: skip


def test_a_mark_covers_whole_words() -> None:
    text = "a meeting at the suggestion of the U.S. side"
    assert marked(text, ["suggestion of the U"]) == ["suggestion of the U.S"]
    assert marked("President Trump's visit", ["Trump"], ["Trump"]) == ["Trump's"]


def test_figures_dates_and_names_are_strong_marks() -> None:
    fragments = mark_fragments(
        "They agreed on 12 measures today.", ["agreed on 12 measures"], ["12"]
    )
    assert [(f.text, f.strong) for f in fragments if f.marked] == [
        ("agreed on ", False), ("12", True), (" measures", False)]  # fmt: skip
    # a name not found as written is marked word by word
    names = marked("Sergey Viktorovich Lavrov spoke.", [], ["Sergey Lavrov"])
    assert names == ["Sergey", "Lavrov"]
    # ... but a figure that is not there marks nothing (not the "a" inside "agreed")
    assert marked("The ministers agreed to stay in contact.", [], ["a month"]) == []
    # ... nor the month of another date ("February" of "February 15" for "February 12")
    assert marked("On February 15 they spoke.", [], ["February 12"]) == []
    html = render_html(build_brief(hand_made()))
    assert '<span class="mark strong">30 days</span>' in html


def test_who_lines_say_none_named_and_figures_not_mentioned() -> None:
    cmp = hand_made()
    who = Link(("a3",), ("b3",), Relation.DIFFERS, 0.5, (Difference("actor", None, "Secretary"),))
    brief = build_brief(replace(cmp, links=(*cmp.links, who)))
    text = visible_text(render_html(brief)).text
    assert "Who — A: none named · B: “Secretary”" in text
    assert "not stated" not in text
    md = render_markdown(brief)
    assert "Who: Kremlin readout: none named" in md
    assert "not mentioned" in render_markdown(build_brief(shared()))


# --- claims in a cell, claims in several links ------------------------------------


def test_claims_of_one_cell_are_joined_as_the_source_has_them() -> None:
    pairs = build_brief(shared()).topics[0].pairs
    first = pairs[0].a
    assert [c.joiner for c in first] == [" ", ", and "]  # split at ", and": neighbours
    assert pairs[1].a[1].joiner == " … "  # a sentence between them is left out
    text = flat_text(render_html(build_brief(shared())))
    assert "The envoys met in Geneva on 3 May, and they agreed on a ceasefire" in text
    md = render_markdown(build_brief(shared()))
    assert "**3 May**, and they agreed" in md
    assert "… Both sides will exchange **12** prisoners" in md


def test_a_claim_in_several_links_is_printed_in_full_once() -> None:
    claim = "they agreed on a ceasefire of 30 days."
    brief = build_brief(shared())
    as_markdown = markdown.markdown(render_markdown(brief), extensions=["tables"])
    for rendered in (flat_text(render_html(brief)), flat_text(as_markdown)):
        assert rendered.count(claim) == 1
        assert rendered.count(f"{REFER_BACK} “they agreed on a ceasefire of…”") == 2
    # the first row in the brief's scope prints it: here the differing one
    only = build_brief(shared(), BriefOptions(scope="differences"))
    assert [c.repeat for p in only.topics[0].pairs for c in p.a] == [False, False, True, False]


def test_neighbouring_repeats_are_referred_to_together() -> None:
    from app.brief import BriefClaim
    from app.brief_marks import Fragment
    from app.brief_style import cell_items

    claims = [BriefClaim(f"a{i}", (Fragment(f"Claim number {i} says this."),), repeat=i < 3)
              for i in range(4)]  # fmt: skip
    items = cell_items(claims)
    assert items[0][1] == "↑ 3 claims as above: “Claim number 0 says…” to “Claim number 2 says…”"
    assert items[1][1] is claims[3]


# --- the summary and the scope --------------------------------------------------


def test_at_a_glance_lists_every_topic_in_scope() -> None:
    # "Prisoners" has a differing pair; with a scope of omissions only, "Embassies" has
    # nothing to list, but its row still belongs in the table the headline adds up to
    brief = build_brief(hand_made(), BriefOptions(scope="omissions"))
    assert [t.label for t in brief.topics] == ["Prisoners"]
    assert [label for label, _c in brief.glance] == ["Embassies", "Prisoners"]
    text = visible_text(render_html(brief)).text
    assert "Embassies 1 / 1 1 / 1 0 0" in text
    assert "Only the claims found in one account are listed" in text
    assert "| Embassies | 1 / 1 | 1 / 1 | 0 | 0 |" in render_markdown(brief)
    assert "are listed" not in visible_text(render_html(build_brief(hand_made()))).text


def test_counts_of_one() -> None:
    cmp = lexical("The river flooded the valley.", "Parliament approved the budget.")
    text = visible_text(render_html(build_brief(cmp))).text
    assert "1 claim" in text and "1 claims" not in text


def test_flags_are_told_apart() -> None:
    from app.review import Note, claim_target

    state = reviewed().with_note(
        Note(claim_target("a0"), "Seen", frozenset({"important", "reviewed"}))
    )
    text = visible_text(render_html(build_brief(state))).text
    assert "★ IMPORTANT · REVIEWED Note: Seen" in text


def test_a_note_on_a_removed_link_still_reaches_the_reader() -> None:
    from app.edits import Edit, EditKind, apply

    state = reviewed()
    link = state.comparison.links[1]
    unlinked = replace(
        state, comparison=apply(state.comparison, Edit(EditKind.UNLINK, link.a, link.b))
    )
    html = flat_text(render_html(build_brief(unlinked)))
    assert "Notes on removed links" in html
    assert "Thirty or sixty?" in html and "★ IMPORTANT" in html
    first_a = state.comparison.claim_by_id[link.a[0]].text
    assert first_a in html.split("Notes on removed links", 1)[1]
    md = render_markdown(build_brief(unlinked))
    assert "## Notes on removed links" in md and "Thirty or sixty?" in md
    # while the link stands, the note sits in its row and there is no such section
    assert "Notes on removed links" not in flat_text(render_html(build_brief(state)))
    # a brief without notes leaves them all out
    bare = build_brief(unlinked, BriefOptions(notes=False))
    assert not bare.loose_notes and "Thirty" not in render_markdown(bare)


# --- right to left ----------------------------------------------------------------


@pytest.mark.parametrize("label", ["الخارجية", "Reuters"])
def test_claims_and_labels_keep_their_own_direction(label: str) -> None:
    cmp = lexical("ناقش الوزراء تبادل 200 أسير في القاهرة.", "The ministers met in Cairo.", label)
    html = render_html(build_brief(cmp, BriefOptions(full_texts=True)))
    # an Arabic claim lines up on the right, full stop on its left; each claim is
    # isolated (browsers), so that its punctuation stays with its own script
    assert re.search(r'<td class="only" dir="rtl">ناقش', html)
    assert '<p class="fulltext" dir="rtl">' in html and '<p class="fulltext">' in html
    assert "<bdi>The ministers met in Cairo.</bdi>" in html
    assert f"Only in <bdi>{label}</bdi>" in html
