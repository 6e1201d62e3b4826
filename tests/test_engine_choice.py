"""Which engine ``auto`` uses: the English sentence model only on text it can read."""

from __future__ import annotations

import pytest

from app.comparison import CompareOptions, compare
from app.documents import from_text
from app.engines import model_reads, semantic_problem

KO_A = "김 장관은 3월 14일 뒤퐁 장관과 통화했다. 양측은 기후 협력을 강화하기로 했다."
KO_B = "뒤퐁 장관은 3월 15일 김 장관과 통화했다. 뒤퐁 장관은 인권 문제도 언급했다."
EN_A = "The ministers spoke by telephone on 14 March. They agreed to work on climate."
EN_B = "The two ministers held a call on 15 March. Human rights were also raised."


@pytest.mark.parametrize(
    ("text", "reads"),
    [
        (EN_A, True),
        ("Les ministres se sont entretenus à Genève ; Zürich, Łódź, çağ.", True),
        (KO_A, False),
        ("两国外交部长通电话。", False),
        ("Министры провели телефонный разговор.", False),
        ("Talks in 北京 went well.", True),  # mostly English, a place in Chinese
        ("", True),
        ("12 — 14.", True),  # no letters at all
    ],
)
def test_the_model_reads_text_mostly_in_latin_letters(text: str, reads: bool) -> None:
    assert model_reads(text) is reads


def test_auto_matches_korean_by_shared_words() -> None:
    cmp = compare(from_text(KO_A), from_text(KO_B), CompareOptions(engine="auto"))
    assert cmp.engine == "lexical"


def test_auto_matches_one_account_in_another_script_by_shared_words() -> None:
    cmp = compare(from_text(EN_A), from_text(KO_B), CompareOptions(engine="auto"))
    assert cmp.engine == "lexical"


@pytest.mark.skipif(semantic_problem() is not None, reason="the semantic model is not installed")
def test_auto_matches_english_by_meaning_and_semantic_stays_semantic() -> None:
    assert compare(from_text(EN_A), from_text(EN_B)).engine == "semantic"
    chosen = compare(from_text(KO_A), from_text(KO_B), CompareOptions(engine="semantic"))
    assert chosen.engine == "semantic"  # asked for by name: the reader's choice stands
