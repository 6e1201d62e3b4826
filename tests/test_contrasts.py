"""Links whose sides share nearly every word yet differ in substance: how often, where,
and opposite stances or a negation (QA: five such pairs were all called "same")."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.comparison import CompareOptions, compare
from app.contrasts import contrasts
from app.documents import read_path
from app.frequencies import frequency_matches
from app.model import Relation
from app.relations import differences, is_different
from app.text import places_in


@pytest.mark.parametrize(
    ("text", "per_year"),
    [
        ("data shared every month", "12/y"),
        ("they meet monthly", "12/y"),
        ("once a month", "12/y"),
        ("every quarter", "4/y"),
        ("quarterly reports", "4/y"),
        ("four times a year", "4/y"),
        ("every three months", "4/y"),
        ("every other week", "26/y"),
        ("every 14 days", "26/y"),
        ("fortnightly", "26/y"),
        ("twice per year", "2/y"),
        ("3 times each week", "1.6e+02/y"),
        ("daily", "3.6e+02/y"),
    ],
)
def test_how_often_is_read_as_times_a_year(text: str, per_year: str) -> None:
    assert [key for _m, key in frequency_matches(text)] == [per_year]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("summits every year", "annual summits"),
        ("every year brings new challenges", "each year brings new challenges"),
        ("meet twice-weekly", "meet twice a week"),
        ("meet bi-weekly", "meet every two weeks"),
        ("meet bi-monthly", "meet every two months"),
        ("meet every second week", "meet every other week"),
    ],
)
def test_one_frequency_in_other_words(a: str, b: str) -> None:
    assert [key for _m, key in frequency_matches(a)] == [key for _m, key in frequency_matches(b)]


def test_a_frequency_on_one_side_only_is_shown_but_decides_nothing() -> None:
    """Review: "the daily newspaper Kommersant" made a link differ."""
    a, b = "He thanked the daily newspaper for its coverage.", "He thanked the newspaper for it."
    found = differences(a, b)
    assert ("frequency", "daily", None) in [(d.kind, d.a, d.b) for d in found]
    assert not is_different(a, b, [d for d in found if d.kind != "phrase"])


def test_a_frequency_is_no_duration_and_compares_across_wordings() -> None:
    kinds = {d.kind for d in differences("Reviewed every 14 days.", "Reviewed fortnightly.")}
    assert not kinds & {"duration", "frequency"}
    found = differences("Inspections take place weekly.", "Inspections take place monthly.")
    assert [(d.kind, d.a, d.b) for d in found] == [("frequency", "weekly", "monthly")]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The talks were held in Geneva on Monday.", ["Geneva"]),
        ("They met in Port Aldane and in Lissar.", ["Port Aldane", "Lissar"]),
        ("The visit will take place in March.", []),
        ("They discussed progress in Russian-US relations.", []),
        ("In Putin's words, the talks went well.", []),
        ("in President Xi's view", []),
    ],
)
def test_the_places_a_text_puts_things_in(text: str, places: list[str]) -> None:
    assert places_in(text) == places


@pytest.mark.parametrize(
    ("a", "b", "found"),
    [
        ("The talks will be held in Geneva.", "The talks will be held in Vienna.",
         ("place", "Geneva", "Vienna")),
        ("The delegation welcomed the agreement.", "The delegation rejected the agreement.",
         ("opposite", "welcomed", "rejected")),
        ("Kestria supports the plan.", "Kestria opposes the plan.",
         ("opposite", "supports", "opposes")),
        ("The minister will attend the summit.", "The minister won't attend the summit.",
         ("opposite", "minister will attend", "minister won't attend")),
        ("He did not rule out new talks.", "He ruled out new talks.",
         ("opposite", "He did not rule out", "He ruled out")),
    ],
)  # fmt: skip
def test_contrasts_that_share_nearly_every_word(a: str, b: str, found: tuple[str, ...]) -> None:
    assert [(d.kind, d.a, d.b) for d in contrasts(a, b)] == [found]
    assert [(d.kind, d.b, d.a) for d in contrasts(b, a)] == [found]  # either way round


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a country and a city that may lie in it; one place in other words
        ("The prime minister paid a visit to Kaldera.", "Talks were held in Tashgor."),
        ("Talks in Tashgor, in Kaldera.", "On 3 March in Tashgor took place the talks."),
        ("The talks in Riyadh went on late.", "The talks in Saudi Arabia went on late."),
        # both sides deny, in their own words
        ("Kyiv has not received the list.", "Kyiv received no list."),
        # where the point starts from, not the point
        ("Ties suspended since 2023 will resume.", "The sides agreed to resume ties."),
        # words that are no opposites in readouts
        ("They raised the question of tariffs.", "They agreed to cut tariffs."),
        ("They agreed to open an office.", "They called for close cooperation."),
        # one side says more without contradicting the other
        ("The ministers welcomed the agreement.", "The ministers welcomed and signed it."),
        # review: set phrases that deny nothing
        ("They discussed not only trade but also energy.", "They discussed trade and energy."),
        (
            "The report is due no later than the end of the year.",
            "The report is due by the end of the year.",
        ),
        ("He said there was no doubt the deal would hold.", "He said the deal would hold."),
        (
            "They agreed, not least because of prices, to cooperate.",
            "They agreed, partly because of prices, to cooperate.",
        ),
        # review: a negation where the rest differs too
        (
            "The crisis cannot be resolved by military means.",
            "The crisis can only be resolved by political means.",
        ),
        ("Russia has never refused dialogue.", "Russia has always been ready for dialogue."),
        # review: opposite words said of different things
        ("They agreed to increase bilateral trade.", "They agreed to reduce trade barriers."),
        (
            "They expressed support for the peace plan.",
            "They backed the peace plan and opposed any delay.",
        ),
        # review: one place in two spellings; two spellings of a town not on our list
        ("The minister arrived in Kyiv.", "The minister arrived in Kiev."),
        ("Ministers met in Turkey.", "Ministers met in Türkiye."),
        ("Delegations met in Odesa.", "Delegations met in Odessa."),
        ("Talks were held in Zaporizhzhia.", "Talks were held in Zaporizhia."),
    ],
)
def test_no_contrast_where_the_sides_agree(a: str, b: str) -> None:
    assert contrasts(a, b) == [] and contrasts(b, a) == []


def test_the_qa_pairs_are_differs_in_the_comparison(tmp_path: Path) -> None:
    lines_a = [
        "Both sides will share catch data every month.",
        "The commission will meet twice a year.",
        "Inspections will take place weekly.",
        "The ministers agreed to hold talks in Geneva.",
        "The delegation welcomed the agreement.",
    ]
    lines_b = [
        "Both sides will share catch data every quarter.",
        "The commission will meet four times a year.",
        "Inspections will take place monthly.",
        "The ministers agreed to hold talks in Vienna.",
        "The delegation rejected the agreement.",
    ]
    (tmp_path / "a.txt").write_text("\n\n".join(lines_a), encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n".join(lines_b), encoding="utf-8")
    doc_a, doc_b = read_path(tmp_path / "a.txt"), read_path(tmp_path / "b.txt")
    cmp = compare(doc_a, doc_b, CompareOptions(engine="lexical"))
    assert len(cmp.links) == 5
    assert all(link.relation is Relation.DIFFERS for link in cmp.links)
    kinds = sorted(d.kind for link in cmp.links for d in link.differences)
    assert kinds == ["frequency", "frequency", "frequency", "opposite", "place"]
