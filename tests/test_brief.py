"""The brief as a structure, as Markdown and as HTML (no Qt)."""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from html.parser import HTMLParser

import markdown
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import brief_style
from app.brief import BriefError, BriefOptions, build_brief
from app.brief_html import render_html
from app.brief_markdown import render_markdown
from app.brief_marks import mark_fragments
from app.model import Side, Status
from tests.export_support import (
    LABEL_A,
    LABEL_B,
    SENTENCES_A,
    SENTENCES_B,
    hand_made,
    lexical,
    reviewed,
)

NOW = datetime(2025, 3, 15, 9, 30, tzinfo=UTC)


class _Text(HTMLParser):
    """Collects the visible text and the tags of an HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._skip += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def visible_text(html: str) -> _Text:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser


def test_structure_has_every_status_per_topic() -> None:
    brief = build_brief(hand_made(), now=NOW)
    assert [t.label for t in brief.topics] == ["Embassies", "Prisoners"]
    embassies, prisoners = brief.topics
    assert [p.status for p in embassies.pairs] == [Status.SAME, Status.DIFFERS]
    assert [c.text for c in prisoners.only_a] == [SENTENCES_A[3][1]]
    assert [c.text for c in prisoners.only_b] == [SENTENCES_B[3][1]]
    assert brief.totals.same_links == 1 and brief.totals.differs_links == 2
    assert brief.generated == "2025-03-15 09:30 UTC"
    assert brief.title == f"{LABEL_A} and {LABEL_B} compared"


def test_differing_words_are_marked_inside_the_claims() -> None:
    pair = build_brief(hand_made()).topics[0].pairs[1]
    assert [f.text for f in pair.a[0].fragments if f.marked] == ["30 days"]
    assert [f.text for f in pair.b[0].fragments if f.marked] == ["60 days"]
    assert [d.kind for d in pair.differences] == ["duration"]
    same = build_brief(hand_made()).topics[0].pairs[0]
    assert not any(f.marked for c in same.a + same.b for f in c.fragments)


@pytest.mark.parametrize(
    ("scope", "statuses", "omissions"),
    [
        ("all", {Status.SAME, Status.DIFFERS}, True),
        ("differences", {Status.DIFFERS}, False),
        ("omissions", set(), True),
    ],
)
def test_scope(scope: str, statuses: set[Status], omissions: bool) -> None:
    brief = build_brief(hand_made(), BriefOptions(scope=scope))
    assert {p.status for t in brief.topics for p in t.pairs} == statuses
    assert any(t.only_a or t.only_b for t in brief.topics) is omissions


def test_topics_by_id_or_label_and_unknown_topic() -> None:
    by_label = build_brief(hand_made(), BriefOptions(scope="topics", topics=("prisoners",)))
    by_id = build_brief(hand_made(), BriefOptions(scope="topics", topics=("t2",)))
    assert [t.label for t in by_label.topics] == [t.label for t in by_id.topics] == ["Prisoners"]
    assert by_label.totals.same_links == 0 and by_label.totals.only_b == 1
    with pytest.raises(BriefError, match="no topic 'Weather'"):
        build_brief(hand_made(), BriefOptions(scope="topics", topics=("Weather",)))


@pytest.mark.parametrize(
    "kwargs", [{"scope": "nonsense"}, {"page_size": "A3"}, {"scope": "topics"}]
)
def test_bad_options(kwargs: dict[str, str]) -> None:
    with pytest.raises(BriefError):
        BriefOptions(**kwargs)  # type: ignore[arg-type]


def test_html_is_self_contained_escaped_and_carries_every_claim() -> None:
    state = reviewed()
    html = render_html(build_brief(state, BriefOptions(full_texts=True)))
    page = visible_text(html)
    for _topic, sentence in SENTENCES_A + SENTENCES_B:
        assert sentence in page.text
    assert f"Only in {LABEL_A}" in page.text and f"Only in {LABEL_B}" in page.text
    assert "State <Department> & Co" in page.text  # shown as text ...
    assert "<Department>" not in html and "&lt;Department&gt; &amp; Co" in html  # ... escaped
    assert "Check <this> against the TASS wire" in page.text
    assert "Thirty or sixty?" in page.text and "IMPORTANT" in page.text
    assert "<style>" in html and not re.search(r"<(link|script|img)\b", html)
    assert "https://example.org/a?x=1&amp;y=2" in html
    assert "ab" * 32 in page.text  # provenance: the sources' sha256
    assert "lexical test-1" in page.text
    for colour in (brief_style.SAME_TINT, brief_style.DIFFERS_TINT, brief_style.ONLY_TINT):
        assert colour in html


def test_legend_does_not_rely_on_colour() -> None:
    text = visible_text(render_html(build_brief(hand_made()))).text
    for words in ("✓ Same", "≠ Differs", "◧ only in A", "◨ only in B", "underlined"):
        assert words in text


def test_sections_can_be_left_out() -> None:
    opts = BriefOptions(summary=False, legend=False, provenance=False, notes=False)
    text = visible_text(render_html(build_brief(reviewed(), opts))).text
    for absent in ("At a glance", "Provenance", "Thirty or sixty?", "both accounts say this"):
        assert absent not in text
    bare = BriefOptions(side_by_side=False)
    assert SENTENCES_A[0][1] not in visible_text(render_html(build_brief(hand_made(), bare))).text


def test_markdown_renders_with_tables_and_bold_differences() -> None:
    md = render_markdown(build_brief(reviewed(), BriefOptions(full_texts=True)))
    assert "==" not in md
    html = markdown.markdown(md, extensions=["tables"])
    page = visible_text(html)
    assert page.tags.count("table") >= 3  # at a glance, two topics, provenance
    assert "<strong>30 days</strong>" in html and "<strong>175</strong>" in html
    for _topic, sentence in SENTENCES_A + SENTENCES_B:
        assert sentence in page.text
    assert "State <Department> & Co" in page.text
    assert f"Only in {LABEL_A}" in page.text


def test_markdown_table_cells_survive_pipes_and_newlines() -> None:
    cmp = lexical("Talks | were held on 3 May.\nThey agreed on *30* days.",
                  "Talks | were held on 5 May.\nThey agreed on 60 days.")  # fmt: skip
    md = render_markdown(build_brief(cmp))
    html = markdown.markdown(md, extensions=["tables"])
    assert "Talks | were held on" in visible_text(html).text
    assert "agreed on *30* days" in visible_text(html).text


def test_real_core_output_round_trips_through_every_renderer() -> None:
    from tests.export_support import CYRILLIC_A, CYRILLIC_B

    cmp = lexical(CYRILLIC_A, CYRILLIC_B, "МИД России", "Госдепартамент")
    brief = build_brief(cmp)
    html_text = visible_text(render_html(brief)).text
    md_text = visible_text(markdown.markdown(render_markdown(brief), extensions=["tables"])).text
    for claim in cmp.claims:
        assert " ".join(claim.text.split()) in html_text
    assert "Только" not in html_text  # the brief's own words stay English
    for side in Side:
        for claim in cmp.omissions(side):
            assert claim.text in md_text


@given(st.text(max_size=40), st.lists(st.text(max_size=8), max_size=4))
def test_mark_fragments_keeps_the_text(text: str, needles: list[str]) -> None:
    fragments = mark_fragments(text, needles)
    assert "".join(f.text for f in fragments) == text
    assert all(f.text for f in fragments) or text == ""


def test_brief_module_does_not_import_qt() -> None:
    code = "import sys, app.brief; print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_tints_match_the_window_theme() -> None:
    theme = pytest.importorskip("ui.theme")
    backgrounds = {k: v.upper() for k, v in theme.highlight_backgrounds(False).items()}
    assert backgrounds == {"same": brief_style.SAME_TINT, "differs": brief_style.DIFFERS_TINT,
                           "only": brief_style.ONLY_TINT}  # fmt: skip


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x"])
def test_only_web_addresses_become_links(url: str) -> None:
    """A source address from a typed field or a session someone sent is shown, never linked,
    unless it is http or https."""
    state = reviewed()
    cmp = state.comparison
    doc_a = replace(cmp.doc_a, url=url)
    brief = build_brief(replace(state, comparison=replace(cmp, doc_a=doc_a)))
    html, md = render_html(brief), render_markdown(brief)
    assert url.split(":")[0] + ":" in visible_text(html).text
    assert f'href="{url.split(":")[0]}' not in html and "https://example.org/b" in html
    assert f"<{url}>" not in md and "<https://example.org/b?x=1&y=2>" in md
