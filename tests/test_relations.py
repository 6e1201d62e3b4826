"""What differs inside a link: numbers, dates, durations, actors, one-sided phrases."""

from __future__ import annotations

from datetime import date

import pytest

from app.figures import parse_day
from app.model import Claim, Link, Relation, Side
from app.relations import differences, relate, unmatched_share
from app.text import people_names


def kinds(a: str, b: str) -> dict[str, list[tuple[str | None, str | None]]]:
    out: dict[str, list[tuple[str | None, str | None]]] = {}
    for d in differences(a, b):
        out.setdefault(d.kind, []).append((d.a, d.b))
    return out


def test_duration_missing_on_one_side() -> None:
    k = kinds("The moratorium is valid for 30 days.", "The moratorium is valid.")
    assert k["duration"] == [("30 days", None)]


def test_durations_that_differ() -> None:
    k = kinds("The call lasted two hours.", "The call lasted two and a half hours.")
    assert k["duration"] == [("two hours", "two and a half hours")]


def test_only_figures_of_one_sort_are_set_against_each_other() -> None:
    k = kinds("The first visit in nine years.", "A two-day visit.")
    assert k["duration"] == [("nine years", None), (None, "two-day")]
    assert kinds("Talks took 90 minutes.", "Talks took two hours.")["duration"] == [
        ("90 minutes", "two hours")
    ]
    k = kinds("Trade rose by 2.1 billion, 3 new lines.", "Trade rose 18 percent, 2.3 billion.")
    assert k["number"] == [("2.1", "2.3"), ("3", None), (None, "18 percent")]


def test_equal_durations_in_different_words_do_not_differ() -> None:
    k = kinds("They spoke for 2 hours.", "They spoke for two hours.")
    assert "duration" not in k


def test_dates_in_either_order_match() -> None:
    assert "date" not in kinds("It began on 18 March.", "It began on March 18.")
    assert kinds("It began on 18 March.", "It began on March 19.")["date"] == [
        ("18 March", "March 19")
    ]


def test_a_span_of_days_is_one_date_not_a_number() -> None:
    k = kinds("The visit took place on 17–18 September.", "The visit took place on 18 September.")
    assert k["date"] == [("17–18 September", "18 September")]
    assert "number" not in k
    same = kinds("Talks were held on 3-4 March 2025.", "Talks were held on March 3–4, 2025.")
    assert "date" not in same and "number" not in same
    assert kinds("It ran on 17–18 September.", "It ran on 17 September.")["date"]


def test_today_is_the_day_the_account_was_issued_where_known() -> None:
    a, b = "On 15 February the ministers spoke.", "The ministers spoke today."
    assert kinds(a, b)["date"] == [("15 February", "today")]
    assert differences(a, b, days=(None, date(2025, 2, 15))) == []
    assert differences(a, b, days=(date(2025, 2, 15), None))  # A's day says nothing of B's
    late = differences(a, "The ministers spoke yesterday.", days=(None, date(2025, 2, 17)))
    assert [(d.kind, d.a, d.b) for d in late] == [("date", "15 February", "yesterday")]
    assert differences(a, "The ministers spoke yesterday.", days=(None, date(2025, 2, 16))) == []


def test_the_day_of_issue_is_read_as_people_write_it() -> None:
    for text in ("2025-02-15", "15 February 2025", "February 15, 2025", "15 Feb. 2025",
                 "Saturday, 15th February 2025"):  # fmt: skip
        assert parse_day(text) == date(2025, 2, 15), text
    for text in ("", "February 2025", "31 February 2025", "15/02/2025", "soon",
                 "15 February 2025 and later"):  # fmt: skip
        assert parse_day(text) is None, text


def test_today_matches_today_when_one_accounts_day_is_unknown() -> None:
    same = "The ministers spoke today."
    assert differences(same, same, days=(date(2025, 2, 15), None)) == []
    assert differences(same, same, days=(date(2025, 2, 15), date(2025, 2, 16)))
    # at the start of a sentence too
    k = differences(
        "Today the ministers spoke.", "On 15 February the ministers spoke.",
        days=(date(2025, 2, 15), None),
    )  # fmt: skip
    assert k == []


def test_a_manual_link_reads_today_on_the_day_of_issue_too() -> None:
    from dataclasses import replace as with_

    from app.comparison import CompareOptions, compare
    from app.documents import from_text
    from app.edits import Edit, EditKind, apply

    doc_a = from_text("On 15 February the ministers met in Geneva.")
    doc_b = with_(from_text("The ministers met today in Geneva."), date="2025-02-15")
    cmp = compare(doc_a, doc_b, CompareOptions(engine="lexical"))
    (link,) = cmp.links
    assert not [d for d in link.differences if d.kind == "date"]
    unlinked = apply(cmp, Edit(EditKind.UNLINK, link.a, link.b))
    relinked = apply(unlinked, Edit(EditKind.LINK, link.a, link.b))
    assert not [d for d in relinked.links[0].differences if d.kind == "date"]


def test_a_manual_link_knows_the_names_of_the_whole_comparison() -> None:
    from app.comparison import CompareOptions, compare
    from app.documents import from_text
    from app.edits import Edit, EditKind, apply

    # "Arlen" is a name only because another claim puts a title before it
    doc_a = from_text("Minister Arlen spoke first. Arlen then opened the grain corridor.")
    doc_b = from_text("Minister Arlen spoke first. The grain corridor was then opened.")
    cmp = compare(doc_a, doc_b, CompareOptions(engine="lexical"))
    auto = next(lk for lk in cmp.links if "corridor" in cmp.claim_by_id[lk.a[0]].text)
    assert ("actor", "Arlen", None) in [(d.kind, d.a, d.b) for d in auto.differences]
    relinked = apply(
        apply(cmp, Edit(EditKind.UNLINK, auto.a, auto.b)), Edit(EditKind.LINK, auto.a, auto.b)
    )
    manual = next(lk for lk in relinked.links if lk.a == auto.a)
    assert manual.differences == auto.differences


def test_weekdays_are_dates_not_wording() -> None:
    k = kinds("The ministers met on Monday in Geneva.", "The ministers met in Geneva.")
    assert k["date"] == [("Monday", None)] and "phrase" not in k


THURSDAY = date(2026, 2, 26)


def test_a_weekday_is_a_day_within_a_week_of_the_day_of_issue() -> None:
    monday = "The crossing will reopen on Monday."
    # issued on Thursday 26 February: Monday is the 23rd or 2 March (the text seldom says)
    for day in ("2 March", "23 February"):
        assert (
            differences(f"The crossing will reopen on {day}.", monday, days=(None, THURSDAY)) == []
        )
    late = differences("The crossing will reopen on 3 March.", monday, days=(None, THURSDAY))
    assert [(d.kind, d.a, d.b) for d in late] == [("date", "3 March", "Monday")]
    for day in ("9 March", "16 February"):  # eleven and ten days off
        far = differences(f"The crossing will reopen on {day}.", monday, days=(None, THURSDAY))
        assert [d.kind for d in far] == ["date"]
    # without the day of issue a weekday only matches the same weekday
    assert [d.kind for d in differences("The crossing will reopen on 2 March.", monday)] == ["date"]
    assert differences(monday, monday, days=(THURSDAY, None)) == []
    tuesday = differences(monday, "The crossing will reopen on Tuesday.", days=(THURSDAY,) * 2)
    assert [(d.a, d.b) for d in tuesday] == [("Monday", "Tuesday")]


def test_next_year_is_a_year_where_the_day_of_issue_is_known() -> None:
    a, b = "The next session will be held next year.", "The next session will be held in 2026."
    assert kinds(a, b)["date"] == [("next year", "2026")]
    assert differences(a, b, days=(date(2025, 11, 20), None)) == []
    assert [(d.a, d.b) for d in differences(a, b, days=(date(2026, 1, 5), None))] == [
        ("next year", "2026")
    ]
    last = "Trade grew last year."
    assert differences(last, "Trade grew in 2025.", days=(THURSDAY, None)) == []
    assert differences(last, last, days=(THURSDAY, None)) == []


def test_one_figure_in_other_words_leaves_no_wording_behind() -> None:
    # the figure check compares "two hours" and "120 minutes": "minutes" is no phrase
    assert differences("The call lasted two hours.", "The call lasted 120 minutes.") == []
    assert kinds("The call lasted two hours.", "The call lasted 90 minutes.") == {
        "duration": [("two hours", "90 minutes")]
    }


def test_durations_far_apart_are_not_set_against_each_other() -> None:
    assert kinds("It took three weeks.", "It took two days.")["duration"] == [
        ("three weeks", "two days")
    ]
    assert kinds("It took a year.", "It took two days.")["duration"] == [
        ("a year", None),
        (None, "two days"),
    ]


def test_years_of_one_day_must_agree() -> None:
    assert kinds("They met on 15 February 2025.", "They met on 15 February 2024.")["date"]
    assert "date" not in kinds("They met on 15 February 2025.", "They met on February 15.")
    assert "date" not in kinds(
        "They met in 2025, on 15 February 2025.", "They met on 15 Feb. 2025."
    )
    assert "date" not in kinds("They met on 15 Sept. 2025.", "They met on 15 September 2025.")
    assert "number" not in kinds("They met on 15 Sept. 2025.", "They met on 15 September 2025.")
    assert "date" not in kinds("They met on 08 March.", "They met on 8 March.")


def test_a_worded_span_of_days_is_one_date() -> None:
    k = kinds("Talks ran from 23 to 25 March.", "Talks ran from 23 to 25 March in Riyadh.")
    assert "date" not in k and "number" not in k
    k = kinds("Shelling on the night of 3 to 4 June.", "Shelling on 3 June.")
    assert k["date"] == [("3 to 4 June", "3 June")]
    assert "number" not in k
    # without a month after it, "3 and 40" is no span of days
    assert kinds("Between 3 and 40 people came.", "Between 3 and 45 people came.")["number"]
    # a span spelled out, listed, or after the month is the same span; two days are not
    span = "Talks ran from 23 to 25 March."
    for other in ("Talks ran on 23, 24 and 25 March.", "Talks ran March 23 to 25, in Riyadh.",
                  "Talks ran on 23–25 March."):  # fmt: skip
        k = kinds(span, other)
        assert "date" not in k and "number" not in k, other
    assert kinds(span, "Talks ran on 23 and 25 March.")["date"]
    assert kinds("On March 3 and 12 ministers met.", "On March 3 and 14 ministers met.")["number"]


def test_clock_times_are_times_not_numbers() -> None:
    k = kinds("Fire opened at 22:50 on 3 June.", "Fire opened at 23:40 on 3 June.")
    assert k["time"] == [("22:50", "23:40")]
    assert "number" not in k and "date" not in k
    assert "time" not in kinds("They met at 3 p.m.", "They met at 15:00.")
    assert "time" not in kinds("It began at 10:30 am.", "It began at 10:30.")
    assert kinds("It began at 9 o'clock.", "It began at 9 pm.")["time"] == [("9 o'clock", "9 pm")]
    assert "time" not in kinds("Talks began at 10.30am.", "Talks began at 10:30.")
    assert "number" not in kinds("Talks began at 10.30am.", "Talks began at 10:30.")
    assert "time" not in kinds("They met at noon.", "They met at 12:00.")
    assert "time" not in kinds("It ended at midnight.", "It ended at 24:00.")
    assert "time" not in kinds("They spoke at 3pm.", "They spoke at 15:00.")
    assert kinds("It began at 25:70.", "It began.")["number"]  # no time of day
    assert "time" not in kinds("A map at 1:50,000 was shown.", "A map was shown.")
    # a clock time on one side only makes the link differ, like a date
    link = relate(
        Link(("a0",), ("b0",), Relation.SAME, 0.9),
        {
            "a0": Claim("a0", Side.A, 0, 30, "The call began at 22:50 Moscow time."),
            "b0": Claim("b0", Side.B, 0, 23, "The call began in Moscow time."),
        },
    )
    assert link.relation is Relation.DIFFERS
    assert ("time", "22:50", None) in [(d.kind, d.a, d.b) for d in link.differences]


def test_a_portfolio_is_no_name() -> None:
    k = kinds(
        "The meeting was chaired by Ms Ilse Marrow, Minister of Foreign Affairs of Tavora.",
        "Minister of Foreign Affairs Rafael Odun headed the delegation at the meeting.",
    )
    assert k["actor"] == [("Ilse Marrow", "Rafael Odun")]
    assert people_names(["Secretary of the Treasury Scott Bessent spoke."]) == {"Scott", "Bessent"}
    assert people_names(["The President of Mirovia Claire Dunmore spoke."]) == {"Claire", "Dunmore"}
    assert not people_names(["A spokesman for the Vosk Provisional Council called it a start."])


def test_names_after_a_title_and_the_place_it_serves() -> None:
    text = (
        "President of the Republic of Corvenia Oren Saltveit called President of the "
        "Federal Republic of Kestrania Dale Brannock. Minister for Trade and Investment, "
        "Corin Aldous, joined them."
    )
    assert people_names([text]) == {"Oren", "Saltveit", "Dale", "Brannock", "Corin", "Aldous"}
    assert people_names(["President of the United States Donald Trump said so."]) == {
        "Donald",
        "Trump",
    }
    # a name ends at a full stop; a title or a ministry before "said" is no name
    assert people_names(["He met Minister Sergey Lavrov. As agreed, talks go on."]) == {
        "Sergey",
        "Lavrov",
    }
    assert not people_names(["The Minister said the Ministry of Foreign Affairs said no."])


def test_each_side_naming_its_own_speaker_is_shown_but_not_enough_to_differ() -> None:
    # each government's readout names its own minister: the same point, said by each
    claims = {
        "a0": Claim("a0", Side.A, 0, 40, "Minister Marrow stressed that the crossing must reopen."),
        "b0": Claim("b0", Side.B, 0, 40, "Minister Odun stressed that the crossing must reopen."),
    }
    link = relate(Link(("a0",), ("b0",), Relation.SAME, 0.9), claims)
    assert link.relation is Relation.SAME
    assert [(d.kind, d.a, d.b) for d in link.differences] == [("actor", "Marrow", "Odun")]


def test_a_name_is_shown_whole_with_its_initials_and_particles() -> None:
    k = kinds(
        "President Donald J. Trump met President of the European Commission Ursula von der Leyen.",
        "The leaders met.",
    )
    assert k["actor"] == [("Donald J. Trump", None), ("Ursula von der Leyen", None)]


def test_an_organisation_ends_at_a_full_stop_and_at_its_owner() -> None:
    k = kinds(
        "A list was agreed by Moscow and Washington. The Kremlin's Telegram channel showed it.",
        "The list was agreed, officials said.",
    )
    assert k["actor"] == [("Kremlin", None)]


def test_numbers_and_actors() -> None:
    k = kinds(
        "Lavrov told Rubio that 175 prisoners would be freed.",
        "Rubio told Lavrov and envoy Witkoff that 150 prisoners would be freed.",
    )
    assert k["number"] == [("175", "150")]
    assert k["actor"] == [(None, "Witkoff")]


def test_transliterated_names_are_the_same_actor() -> None:
    assert "actor" not in kinds(
        "President Zelenskyy spoke in Kyiv.", "President Zelenskiy spoke in Kyiv."
    )


def test_one_sided_phrase() -> None:
    k = kinds(
        "The moratorium starts on March 18 and could be extended by mutual agreement.",
        "The moratorium starts on March 18.",
    )
    assert ("extended by mutual agreement", None) in k["phrase"]


def _claim(cid: str, text: str) -> Claim:
    side = Side.A if cid.startswith("a") else Side.B
    return Claim(cid, side, 0, len(text), text)


def test_relate_marks_same_and_differs() -> None:
    claims = {
        "a0": _claim("a0", "The ministers agreed to meet again in Geneva."),
        "b0": _claim("b0", "The ministers agreed to meet again in Geneva soon."),
        "a1": _claim("a1", "The truce will last 30 days."),
        "b1": _claim("b1", "The truce will last 60 days."),
    }
    same = relate(Link(("a0",), ("b0",), Relation.DIFFERS, 0.9), claims)
    differs = relate(Link(("a1",), ("b1",), Relation.SAME, 0.9), claims)
    assert same.relation is Relation.SAME
    assert differs.relation is Relation.DIFFERS
    assert differs.differences[0].kind == "duration"


def test_manual_relation_is_kept() -> None:
    claims = {"a0": _claim("a0", "It lasted 30 days."), "b0": _claim("b0", "It lasted 9 days.")}
    link = relate(Link(("a0",), ("b0",), Relation.SAME, 1.0, manual=True), claims)
    assert link.relation is Relation.SAME
    assert link.differences


def test_a_link_that_differs_always_says_how() -> None:
    claims = {
        "a0": _claim("a0", "Both sides said the talks had been tense."),
        "b0": _claim("b0", "Both sides said the talks had been long."),
    }
    link = relate(Link(("a0",), ("b0",), Relation.SAME, 0.7), claims)
    assert link.relation is Relation.DIFFERS
    assert ("tense", None) in [(d.a, d.b) for d in link.differences]


def test_a_condition_on_one_side_only_makes_a_link_differ() -> None:
    k = kinds(
        "Minister Vask asked Kestria to reopen the rail corridor for grain exports.",
        "Minister Vask called on Kestria to reopen the rail corridor without preconditions.",
    )
    assert k["condition"] == [(None, "without preconditions")]
    assert "phrase" not in k or all(b != "preconditions" for _, b in k["phrase"])
    claims = {
        "a0": _claim("a0", "The truce starts on Monday."),
        "b0": _claim("b0", "The truce starts on Monday, provided that both armies withdraw."),
    }
    assert relate(Link(("a0",), ("b0",), Relation.SAME, 0.9), claims).relation is Relation.DIFFERS
    assert kinds("Aid flows.", "Aid flows, provided Kestria opens the corridor.")["condition"]


def test_provided_as_a_verb_is_no_condition() -> None:
    k = kinds(
        "The United States sent aid.",
        "The United States provided Ukraine with humanitarian assistance.",
    )
    assert "condition" not in k
    assert "condition" not in kinds("Each side gave a view.", "Each side provided its assessment.")


def test_provided_by_is_no_condition() -> None:
    k = kinds(
        "The exchange was mediated by Qaristan.",
        "Mediation in the exchange was provided by the Emirate of Sahrun.",
    )
    assert "condition" not in k


def test_conditions_worded_differently_still_pair() -> None:
    k = kinds(
        "If the moratorium is violated by one side, the other is free of it.",
        "If the agreement is breached by one party, the other is released.",
    )
    assert "condition" not in k


def test_an_actor_is_shown_with_the_particles_of_the_name() -> None:
    k = kinds("Ursula von der Leyen said the deal was fair.", "Guillermo del Toro said so.")
    assert k["actor"] == [("Ursula von der Leyen", "Guillermo del Toro")]


def test_a_rate_is_no_span_of_time() -> None:
    # "a day" after a count is a rate: no duration against the other side's silence
    assert kinds("It will handle 150 trucks a day.", "It will handle trucks.") == {
        "number": [("150", None)]
    }
    for rate in ("1.2 million tonnes a month", "twice a week", "three times a year"):
        assert "duration" not in kinds(f"Shipments of {rate} resume.", "Shipments resume.")
    assert kinds("The talks lasted a day.", "The talks lasted.")["duration"] == [("a day", None)]
    assert kinds("The meeting lasts a day.", "The meeting lasts.")["duration"] == [("a day", None)]


def test_a_weekday_reaches_a_week_either_way_and_keeps_its_year() -> None:
    monday = "The crossing will reopen on Monday."
    issued = (None, date(2026, 3, 2))  # itself a Monday
    for day, differs in (("23 February", False), ("2 March", False), ("9 March", False),
                         ("16 March", True), ("2 March 2025", True)):  # fmt: skip
        found = differences(f"The crossing will reopen on {day}.", monday, days=issued)
        assert bool(found) is differs, day


def test_a_weekday_with_its_date_is_that_date() -> None:
    text = "Talks open on Monday, 9 March."
    assert differences(text, text, days=(date(2026, 2, 26), date(2026, 3, 20))) == []
    # one weekday on both sides matches whatever the days of issue
    same = "Talks open on Monday."
    assert differences(same, same, days=(date(2026, 2, 26), date(2026, 3, 20))) == []
    # issued on Friday 20 March, "Monday, 9 March" is 9 March, not the 16th or 23rd
    dated = differences(text, "Talks open on 9 March.", days=(date(2026, 3, 20), None))
    assert dated == []


def test_this_year_and_spans_of_a_year() -> None:
    issued = (date(2026, 2, 26), None)
    assert differences("Trade grew this year.", "Trade grew in 2026.", days=issued) == []
    assert differences("Trade grew this year.", "Trade grew in 2025.", days=issued)
    # "over the next year" is a span of time, no calendar year
    k = kinds("Prices will rise over the next year.", "Prices will rise in 2027.")
    assert k["date"] == [(None, "2027")]


def test_the_words_of_figures_count_as_matched() -> None:
    assert unmatched_share("The call lasted 120 minutes.", "The call lasted two hours.") == 0
    assert unmatched_share("The talks began at noon.", "The talks began at 12:00.") == 0
    assert unmatched_share("The talks began at noon.", "The talks began.") == 0
    # a run of one-sided words goes on across a figure inside it, and ends on none
    k = kinds("The pact was signed on Monday in Paris.", "The pact was discussed on Monday.")
    assert k["phrase"] == [("signed on Monday in Paris", None), (None, "discussed")]
    # "12:30 hours" is a time of day, not a duration of 30 hours
    assert kinds("The 12:30 hours meeting was held.", "The meeting was held.") == {
        "time": [("12:30", None)]
    }


PLACE_ACTORS = [
    # a place speaking for its government is no actor, so it is set against no one
    ("Kyiv said the corridor would reopen on Monday.",
     "The Ukrainian President said the corridor would reopen on Monday.", []),
    ("Washington noted progress on trade.", "Beijing stressed progress on trade.", []),
    # a person or a body named as the speaker on one side only still shows
    ("Moscow said the truce holds.", "Putin said the truce holds.", [(None, "Putin")]),
    ("Moscow said the truce holds.", "The Kremlin said the truce holds.", [(None, "Kremlin")]),
    # the Kremlin and Putin are different speakers
    ("The Kremlin said the truce holds.", "Putin said the truce holds.",
     [("Kremlin", "Putin")]),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b", "expected"), PLACE_ACTORS)
def test_a_place_speaking_for_its_government_is_no_actor(
    a: str, b: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert kinds(a, b).get("actor", []) == expected
