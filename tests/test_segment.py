"""Sentence and claim segmentation, table-driven, with exact offsets."""

from __future__ import annotations

import pytest

from app.documents import from_text
from app.model import Side
from app.segment import segment, sentences


def claims_of(text: str) -> list[str]:
    doc = from_text(text)
    out = []
    for c in segment(doc, Side.A):
        assert doc.text[c.start : c.end] == c.text
        out.append(c.text)
    return out


SENTENCE_TABLE = [
    ("U.S. officials met Mr. Smith on Monday. The talks went on.",
     ["U.S. officials met Mr. Smith on Monday.", "The talks went on."]),
    ("Gen. Ivanov signed Resolution No. 2 at 5.30 p.m. today. Nothing else happened.",
     ["Gen. Ivanov signed Resolution No. 2 at 5.30 p.m. today.", "Nothing else happened."]),
    ("He spoke with the U.S. The delegation left.",
     ["He spoke with the U.S.", "The delegation left."]),
    ("“It proved that dialogue is right,” he said. “We agree.” They left!",
     ["“It proved that dialogue is right,” he said.", "“We agree.”", "They left!"]),
    ('She said "we are close." Then she left.',
     ['She said "we are close."', "Then she left."]),
    ("The talks – long and tense – ended. Why? Nobody knows…",
     ["The talks – long and tense – ended.", "Why?", "Nobody knows…"]),
    ("J. R. Smith and Dr. Who arrived at 3 p.m. on Jan. 5.",
     ["J. R. Smith and Dr. Who arrived at 3 p.m. on Jan. 5."]),
    ("1. The first point is here. 2. The second point follows.",
     ["1. The first point is here.", "2. The second point follows."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SENTENCE_TABLE)
def test_sentences(text: str, expected: list[str]) -> None:
    got = [text[s.start : s.end] for s in sentences(text)]
    assert got == expected


CLAIM_TABLE = [
    # semicolons split claims
    ("Russia agreed to a truce at sea; Ukraine asked for guarantees from Washington.",
     ["Russia agreed to a truce at sea", "Ukraine asked for guarantees from Washington."]),
    # a coordinated clause with its own subject and verb
    ("Xi welcomed the visit to China again, and Trump expressed his sincere gratitude.",
     ["Xi welcomed the visit to China again", "and Trump expressed his sincere gratitude."]),
    # "as well as" joins two points
    ("The ministers discussed energy supplies in detail as well as the release of prisoners.",
     ["The ministers discussed energy supplies in detail",
      "as well as the release of prisoners."]),
    # the last item of a list is not a clause of its own
    ("They will talk about trade, farming, military matters, and law enforcement cooperation.",
     ["They will talk about trade, farming, military matters, and law enforcement cooperation."]),
    # short pieces are not split off
    ("The call was long; it ended well.", ["The call was long; it ended well."]),
    # a numbered list item loses its marker but keeps its words
    ("3. The parties exchanged 175 prisoners each.", ["The parties exchanged 175 prisoners each."]),
    # quotes are not split inside
    ("He said “we agreed on the list; the rest will follow soon” and left the room quickly.",
     ["He said “we agreed on the list; the rest will follow soon” and left the room quickly."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CLAIM_TABLE)
def test_claims(text: str, expected: list[str]) -> None:
    assert claims_of(text) == expected


def test_offsets_index_the_document_across_paragraphs() -> None:
    text = "Heading Here\n\nFirst claim is here. Second one too.\n\n- an item that is long\n"
    doc = from_text(text)
    claims = segment(doc, Side.B)
    assert [c.id for c in claims] == ["b0", "b1", "b2"]
    assert [c.text for c in claims] == ["First claim is here.", "Second one too.",
                                        "an item that is long"]  # fmt: skip
    for c in claims:
        assert text[c.start : c.end] == c.text
    assert claims[0].sentence != claims[1].sentence


FRONTED_TABLE = [
    # a long introductory phrase states a point of its own
    ("As a follow-up to the telephone call between the two presidents on Monday, the "
     "ministers agreed to keep a channel open.",
     ["As a follow-up to the telephone call between the two presidents on Monday",
      "the ministers agreed to keep a channel open."]),
    # a short one does not
    ("During the call, the ministers agreed to keep a channel open.",
     ["During the call, the ministers agreed to keep a channel open."]),
    # a long trailing participle clause carries a second point
    ("I just had a very good call with the prime minister, discussing the details of our "
     "new fishing agreement.",
     ["I just had a very good call with the prime minister",
      "discussing the details of our new fishing agreement."]),
    # "including ..." continues a list rather than adding a point
    ("They discussed regional issues of mutual concern, including the situation in the "
     "northern mountains.",
     ["They discussed regional issues of mutual concern, including the situation in the "
      "northern mountains."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), FRONTED_TABLE)
def test_fronted_and_trailing_phrases(text: str, expected: list[str]) -> None:
    assert claims_of(text) == expected


def test_an_ing_noun_in_a_list_is_not_a_participle_clause() -> None:
    text = (
        "The list also included fuel storage facilities, pumping stations, electricity "
        "generation and transmission infrastructure and dams."
    )
    assert claims_of(text) == [text]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال الوزير إن المحادثات كانت مثمرة. وأضاف أن الجانبين اتفقا على اللقاء مجددا.",
         ["قال الوزير إن المحادثات كانت مثمرة.", "وأضاف أن الجانبين اتفقا على اللقاء مجددا."]),
        ("双方同意恢复谈判。会谈持续了两个小时。", ["双方同意恢复谈判。", "会谈持续了两个小时。"]),
        ("Министр заявил, что переговоры прошли успешно. Стороны договорились о встрече.",
         ["Министр заявил, что переговоры прошли успешно.", "Стороны договорились о встрече."]),
    ],
)  # fmt: skip
def test_sentences_in_other_scripts(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in sentences(text)] == expected


MARKER_TABLE = [
    # a capital and a full stop before a name opening a sentence: a person's initial
    ("V. Putin held talks with the President of France.",
     ["V. Putin held talks with the President of France."]),
    ("The talks were long.\n\nV. Putin thanked the President for the invitation.",
     ["The talks were long.", "V. Putin thanked the President for the invitation."]),
    ("The call lasted an hour. S. Lavrov thanked his counterpart for the call.",
     ["The call lasted an hour.", "S. Lavrov thanked his counterpart for the call."]),
    # between sections "I." and "II." a "V." is out of sequence: still an initial
    ("I. Introduction\n\nV. Putin opened the session in the capital.\n\nII. Trade\n\n"
     "The two sides agreed to cut tariffs on grain.",
     ["V. Putin opened the session in the capital.",
      "The two sides agreed to cut tariffs on grain."]),
    # the neighbouring paragraphs carry the markers before and after: a list
    ("IV. The sides discussed trade at length.\n\nV. Energy cooperation will continue "
     "next year.\n\nVI. Security was raised by both delegations.",
     ["The sides discussed trade at length.", "Energy cooperation will continue next year.",
      "Security was raised by both delegations."]),
    ("A. Gas supplies will resume in May.\n\nB. Trade talks go on in June.\n\n"
     "C. Visas will be eased for students.",
     ["Gas supplies will resume in May.", "Trade talks go on in June.",
      "Visas will be eased for students."]),
    # a lettered list with numbered items inside it: the next letter is still found
    ("A. Energy cooperation will continue.\n\n1. Gas flows will resume.\n\n"
     "2. Oil flows will resume.\n\nB. Trade talks go on in June.",
     ["Energy cooperation will continue.", "Gas flows will resume.", "Oil flows will resume.",
      "Trade talks go on in June."]),
    # no name after the full stop ("The"), or a line that is no sentence: a marker
    ("A. The sides agreed to meet again soon.", ["The sides agreed to meet again soon."]),
    ("The ministers met in Rome on Monday for talks.\n\nB. Energy security",
     ["The ministers met in Rome on Monday for talks.", "Energy security"]),
    # unambiguous markers, wherever the paragraph stands
    ("II. Trade was discussed by the delegations.", ["Trade was discussed by the delegations."]),
    ("(b) Trade was discussed by the delegations.", ["Trade was discussed by the delegations."]),
    ("B) Trade was discussed by the delegations.", ["Trade was discussed by the delegations."]),
    ("(iv) Trade was discussed by the delegations.",
     ["Trade was discussed by the delegations."]),
    # a marker of two characters or more opens its sentence rather than being one
    ("12. The sides agreed to talk again.", ["The sides agreed to talk again."]),
    ("XI. Trade was discussed today.\n\nXII. Energy was discussed too.",
     ["Trade was discussed today.", "Energy was discussed too."]),
    ("The call was long. 12. The sides agreed to talk again.",
     ["The call was long.", "The sides agreed to talk again."]),
    # numbered headings are structure, not claims
    ("I. Introduction\n\nThe talks were held in Paris on Monday.\n\nII. Trade\n\n"
     "The two sides agreed on tariffs.",
     ["The talks were held in Paris on Monday.", "The two sides agreed on tariffs."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), MARKER_TABLE)
def test_list_markers_and_initials(text: str, expected: list[str]) -> None:
    assert claims_of(text) == expected
