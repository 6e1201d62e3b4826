"""Our own evaluation pairs (eval/cases) are well formed, so `make eval` scores what the
annotator meant: every gold string occurs exactly once in its account, and the texts are
marked as our own fictional writing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CASES = sorted(p for p in (Path(__file__).parent.parent / "eval" / "cases").iterdir() if p.is_dir())


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_gold_strings_occur_once_and_cover_links(case: Path) -> None:
    a = (case / "a.txt").read_text(encoding="utf-8")
    b = (case / "b.txt").read_text(encoding="utf-8")
    gold = json.loads((case / "gold.json").read_text(encoding="utf-8"))
    meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
    assert meta.get("fictional") is True
    assert gold["links"], "a pair with no links measures nothing"
    strings_a = [link["a"] for link in gold["links"]] + gold["only_a"]
    strings_b = [link["b"] for link in gold["links"]] + gold["only_b"]
    for text, strings in ((a, strings_a), (b, strings_b)):
        for s in strings:
            assert text.count(s) == 1, f"{case.name}: {s!r} occurs {text.count(s)} times"
    assert {link["relation"] for link in gold["links"]} <= {"same", "differs"}
    # a point left out by one side is not also part of a link
    linked_a = {link["a"] for link in gold["links"]}
    linked_b = {link["b"] for link in gold["links"]}
    assert not linked_a & set(gold["only_a"]) and not linked_b & set(gold["only_b"])
