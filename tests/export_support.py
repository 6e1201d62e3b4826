"""Small comparisons for the brief and export tests, written for them (no real readouts).

``hand_made()`` is built claim by claim, so every status (same, differs, only A, only B)
is there whatever the engines decide; ``lexical(...)`` runs the real core quickly.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.comparison import CompareOptions, compare
from app.documents import from_text
from app.model import Claim, Comparison, Difference, Link, Relation, Side, Topic
from app.review import Note, ReviewState, claim_target, link_target

LABEL_A = "Kremlin readout"
LABEL_B = "State <Department> & Co"  # markup in a label must come out as text

SENTENCES_A = (
    ("t1", "The foreign ministers spoke by telephone on 14 March."),
    ("t1", "They agreed to restore the staffing of both embassies within 30 days."),
    ("t2", "The ministers discussed the exchange of 200 prisoners before the summer."),
    ("t2", "Moscow praised the mediation of the Gulf states."),
)
SENTENCES_B = (
    ("t1", "The Secretary and the minister spoke by telephone on 14 March."),
    ("t1", "They agreed to restore the staffing of both embassies within 60 days."),
    ("t2", "The ministers discussed the exchange of 175 prisoners before the summer."),
    ("t2", "The Secretary raised the detention of two reporters."),
)

CYRILLIC_A = (
    "Министры обсудили обмен 200 пленными до лета. "
    "Стороны договорились восстановить работу посольств в течение 30 дней. "
    "Лавров подтвердил готовность к регулярным контактам."
)
CYRILLIC_B = (
    "Министры обсудили обмен 175 пленными до лета. "
    "Стороны договорились восстановить работу посольств в течение 60 дней. "
    "Госсекретарь поднял вопрос о задержанных журналистах."
)
GREEK_A = "Οι υπουργοί συζήτησαν την ανταλλαγή 200 αιχμαλώτων. Η Αθήνα χαιρέτισε τη συμφωνία."
GREEK_B = "Οι υπουργοί συζήτησαν την ανταλλαγή 175 αιχμαλώτων. Η Άγκυρα ζήτησε νέες συνομιλίες."
CHINESE_A = "双方讨论了交换两百名战俘的问题。北京欢迎这一协议。"
CHINESE_B = "双方讨论了交换一百七十五名战俘的问题。华盛顿要求举行新的会谈。"


def _side(sentences: tuple[tuple[str, str], ...], side: Side, label: str):  # type: ignore[no-untyped-def]
    text = " ".join(s for _t, s in sentences)
    doc = replace(from_text(text, label=label), source=f"{side.value}.txt",
                  url=f"https://example.org/{side.value}?x=1&y=2", date="2025-03-14",
                  sha256="ab" * 32)  # fmt: skip
    claims, pos = [], 0
    for i, (topic, s) in enumerate(sentences):
        start = text.index(s, pos)
        pos = start + len(s)
        claims.append(Claim(f"{side.value}{i}", side, start, pos, s, i, topic))
    return doc, claims


DURATION = Difference("duration", "30 days", "60 days")
NUMBER = Difference("number", "200", "175")
UNFOUND = Difference("phrase", "nowhere in the claim", None)


def hand_made() -> Comparison:
    doc_a, claims_a = _side(SENTENCES_A, Side.A, LABEL_A)
    doc_b, claims_b = _side(SENTENCES_B, Side.B, LABEL_B)
    links = (
        Link(("a0",), ("b0",), Relation.SAME, 0.9),
        Link(("a1",), ("b1",), Relation.DIFFERS, 0.95, (DURATION,)),
        Link(("a2",), ("b2",), Relation.DIFFERS, 0.93, (NUMBER, UNFOUND)),
    )
    topics = (Topic("t1", "Embassies"), Topic("t2", "Prisoners"))
    return Comparison(doc_a, doc_b, tuple(claims_a + claims_b), links, topics,
                      engine="lexical", engine_version="test-1")  # fmt: skip


def hand_made_long(n: int) -> Comparison:
    """``n`` one-to-one pairs, every third differing in a figure; claim i says "number i"."""
    say = "Envoy number {} arrived in Geneva with {} advisers."
    a = tuple(("t1", say.format(i, i + 3)) for i in range(n))
    b = tuple(("t1", say.format(i, i + 3 + (i % 3 == 0))) for i in range(n))
    doc_a, claims_a = _side(a, Side.A, "Left")
    doc_b, claims_b = _side(b, Side.B, "Right")
    links = tuple(
        Link((f"a{i}",), (f"b{i}",), Relation.DIFFERS, 0.9,
             (Difference("number", str(i + 3), str(i + 4)),))
        if i % 3 == 0 else Link((f"a{i}",), (f"b{i}",), Relation.SAME, 0.99)
        for i in range(n)
    )  # fmt: skip
    return Comparison(doc_a, doc_b, tuple(claims_a + claims_b), links, (Topic("t1", "Envoys"),))


def reviewed() -> ReviewState:
    cmp = hand_made()
    state = ReviewState(cmp)
    state = state.with_note(Note(claim_target("a3"), "Check <this> against the TASS wire"))
    state = state.with_note(Note(link_target(cmp.links[1]), "Thirty or sixty?",
                                 frozenset({"important"})))  # fmt: skip
    return state


def lexical(text_a: str, text_b: str, label_a: str = "A", label_b: str = "B") -> Comparison:
    return compare(from_text(text_a, label=label_a), from_text(text_b, label=label_b),
                   CompareOptions(engine="lexical"))  # fmt: skip


SHARED_A = (
    "The envoys met in Geneva on 3 May, and they agreed on a ceasefire of 30 days. "
    "The weather was fine. "
    "Both sides will exchange 12 prisoners."
)
SHARED_B = (
    "Envoys agreed in Geneva on a ceasefire of 60 days. "
    "They will exchange 2 prisoners. "
    "Observers will watch the ceasefire."
)


def shared() -> Comparison:
    """Links as the core makes them for real readouts: one side of a link holding two
    claims (neighbours split at ", and", or far apart), and a claim in two links."""

    def claims(side: Side, text: str, pieces: tuple[str, ...]) -> list[Claim]:
        out, pos = [], 0
        for i, piece in enumerate(pieces):
            start = text.index(piece, pos)
            pos = start + len(piece)
            out.append(Claim(f"{side.value}{i}", side, start, pos, piece, i, "t1"))
        return out

    a = claims(Side.A, SHARED_A, ("The envoys met in Geneva on 3 May",
                                  "they agreed on a ceasefire of 30 days.",
                                  "The weather was fine.",
                                  "Both sides will exchange 12 prisoners."))  # fmt: skip
    b = claims(Side.B, SHARED_B, ("Envoys agreed in Geneva on a ceasefire of 60 days.",
                                  "They will exchange 2 prisoners.",
                                  "Observers will watch the ceasefire."))  # fmt: skip
    links = (
        Link(("a0", "a1"), ("b0",), Relation.DIFFERS, 0.9,
             (Difference("duration", "30 days", "60 days"),
              Difference("date", "3 May", None))),
        Link(("a1", "a3"), ("b1",), Relation.DIFFERS, 0.6,
             (Difference("number", "12", "2"),)),
        Link(("a1",), ("b2",), Relation.SAME, 0.5),
    )  # fmt: skip
    return Comparison(from_text(SHARED_A, label="Left"), from_text(SHARED_B, label="Right"),
                      tuple(a + b), links, (Topic("t1", "Ceasefire"),))  # fmt: skip


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """The dialog's remembered choices in a folder of the test's own (autouse wherever a
    test module imports it)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "ini"))
    yield
    QSettings().clear()
