"""Who a text names: people's names after a title or before a speech verb."""

from __future__ import annotations

import pytest

from app.text import PORTFOLIO, people_names


def names(text: str) -> set[str]:
    return set(people_names([text]))


def test_one_comma_may_come_before_a_name_that_punctuation_closes() -> None:
    assert names("Foreign Minister of Ukraine, Andrii Sybiha, briefed the press.") == {
        "Andrii",
        "Sybiha",
    }
    assert names("The President of Russia, Vladimir Putin, received him.") == {
        "Vladimir",
        "Putin",
    }
    assert names("Ukraine's Foreign Minister, Andrii Sybiha, said so.") == {"Andrii", "Sybiha"}
    assert names(
        "The Secretary of State, Marco Rubio, and the Foreign Minister, Sergey Lavrov, met."
    ) == {"Marco", "Rubio", "Sergey", "Lavrov"}
    assert names("They met the Foreign Minister, Sergey Lavrov") == {"Sergey", "Lavrov"}
    text = "A spokesman for the Vosk Provisional Council, Teodor Marrin, called the list a start"
    assert names(text) == {"Teodor", "Marrin"}
    # a place before a verb, or a lone word in a list, is no name
    assert not names("Minister for Foreign Affairs, Canberra welcomed the change.")
    assert not names("Minister for Foreign Affairs, New Caledonia welcomed the change.")
    assert not names("We thank the President, Ukraine, and Europe.")


def test_an_initial_does_not_end_a_name_and_is_no_name() -> None:
    assert names("President Donald J. Trump spoke.") == {"Donald", "Trump"}
    assert names("Vice President J.D. Vance spoke.") == {"Vance"}
    assert names("Minister Sergey V. Lavrov spoke.") == {"Sergey", "Lavrov"}
    assert names("He met Mr. Lavrov and Ms. Ilse Marrow.") == {"Lavrov", "Ilse", "Marrow"}


def test_a_name_comes_after_the_body_or_place_an_office_serves() -> None:
    text = "President of the European Commission Ursula von der Leyen welcomed the deal."
    assert names(text) == {"Ursula", "Leyen"}
    assert names("President of the United States Trump said so.") == {"Trump"}
    assert names("Chair of the African Union Commission Moussa Faki Mahamat spoke.") == {
        "Moussa",
        "Faki",
        "Mahamat",
    }
    assert names("President of South Korea, Lee Jae-myung, spoke.") == {"Lee", "Jae-myung"}


def test_portfolios_of_several_words() -> None:
    assert names("Minister for Europe and Foreign Affairs Jean-Noël Barrot spoke.") == {
        "Jean-Noël",
        "Barrot",
    }
    text = "High Representative for Foreign Affairs and Security Policy Kaja Kallas spoke."
    assert names(text) == {"Kaja", "Kallas"}
    text = "Secretary of State for Foreign, Commonwealth and Development Affairs David Lammy"
    assert names(text) == {"David", "Lammy"}
    # "and" and "the" join a portfolio's words but are none
    assert not {"and", "the"} & PORTFOLIO


def test_hyphenated_titles() -> None:
    assert names("Secretary-General António Guterres spoke.") == {"António", "Guterres"}
    assert names("President-elect Mark Carney spoke.") == {"Mark", "Carney"}
    assert names("Vice-President Kamala Harris spoke.") == {"Kamala", "Harris"}
    assert names("Under-Secretary Rose Gottemoeller spoke.") == {"Rose", "Gottemoeller"}
    assert not names("The Secretary-General said so.")


def test_particles_go_on_to_a_name_and_are_none() -> None:
    assert names("Crown Prince Mohammed bin Salman spoke.") == {"Mohammed", "Salman"}
    # whole, as the actor check meets it in the text
    assert names("President Abdel Fattah al-Sisi spoke.") == {"Abdel", "Fattah", "al-Sisi"}
    assert names("Commission President Ursula von der Leyen spoke.") == {"Ursula", "Leyen"}
    assert names("Vice President Al Gore spoke.") == {"Gore"}


def test_a_shouted_title_starts_no_name() -> None:
    assert not names("READOUT OF PRESIDENT TRUMP'S CALL WITH PRESIDENT PUTIN")
    # a possessive ends a name
    assert names("Readout of President Trump’s Call With President Putin") == {"Trump", "Putin"}


def test_a_place_before_a_speech_verb_is_no_name() -> None:
    assert not names("The President of Russia said so.")
    assert not names("A spokesman for Kestrania said so.")
    assert names("Lavrov said so.") == {"Lavrov"}


def test_initials_before_a_speech_verb_are_a_body() -> None:
    assert not names("The EU said the talks were useful. NATO’s said nothing. IAEA noted it.")
    assert names("Borrell said the EU would help. Xi said so.") == {"Borrell", "Xi"}


def test_a_name_has_four_words_at_most() -> None:
    assert names("Chair Aino Britt Cala Dove Enna spoke.") == {"Aino", "Britt", "Cala", "Dove"}


def test_a_particle_or_an_initial_joins_first_names_to_a_speaker() -> None:
    assert names("Lula da Silva said the deal was fair.") == {"Lula", "Silva"}
    assert names("Ursula von der Leyen said so.") == {"Ursula", "Leyen"}
    assert names("Donald J. Trump said so.") == {"Donald", "Trump"}
    # a capitalised word just before a speaker may open the sentence: not taken
    assert names("Yesterday Lavrov said so.") == {"Lavrov"}
    assert names("Xi Jinping said so.") == {"Jinping"}
    assert names("In the talks of de Gaulle said so.") == {"Gaulle"}


def test_no_day_owner_or_title_is_joined_as_a_first_name() -> None:
    assert names("Today da Silva said so.") == {"Silva"}
    owner = names("France's Le Monde said the talks failed.")
    assert not any(n.startswith("France") for n in owner)
    assert names("Minister da Silva said so.") == {"Silva"}
    assert names("Lula, da Silva said so.") == {"Silva"}
    # one first name across the particle, not every word before it
    assert names("Luiz Inácio Lula da Silva said so.") == {"Lula", "Silva"}


PLACE_SPEAKERS = [
    # a country or its capital speaking for its government is no person
    (["Kyiv said the talks had failed."], set()),
    (["Moscow said so.", "Beijing stressed the point.", "Washington noted progress."], set()),
    (["Britain said so.", "Ukraine said so.", "Kiev said so."], set()),
    # names of several words: the word before the verb is only the end of one
    (["New Zealand said so.", "Kuala Lumpur said so.", "Port Louis said so."], set()),
    (["Louis said so."], {"Louis"}),
    # a place the text itself names: the place an office serves, or "in ..."
    (["The President of Kestria Dale Brannock spoke.", "Kestria said no."], {"Dale", "Brannock"}),
    (["A spokesman for Tavora said so.", "Tavora stressed the point."], set()),
    (["Talks were held in Velmora on Monday.", "Velmora said the border is open."], set()),
    # a person is still a person
    (["Lavrov said so.", "Xi stressed the point."], {"Lavrov", "Xi"}),
    (["He met Putin in Moscow.", "Putin said so."], {"Putin"}),
    # a title makes a name even of a word that is also a place
    (["Minister Sofia Reyes arrived.", "Sofia said so."], {"Sofia", "Reyes"}),
]  # fmt: skip


@pytest.mark.parametrize(("texts", "expected"), PLACE_SPEAKERS)
def test_a_country_or_capital_before_a_speech_verb_is_no_person(
    texts: list[str], expected: set[str]
) -> None:
    assert set(people_names(texts)) == expected
