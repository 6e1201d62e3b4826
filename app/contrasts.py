"""Differences of substance that share most of their words: one account says the talks
are "in Geneva", the other "in Vienna"; one "welcomed" the agreement, the other
"rejected" it; one "will attend", the other "will not attend". Such pairs differ in one
word or two, too few for the share of unmatched words (``app.relations``) to notice, yet
they are what an analyst most needs to see.

- **places**: the places each side puts the event in ("in Geneva", "in Port Aldane"),
  where both name one and they share none; a country against a city is no contrast
  ("in Kaldera", "in Tashgor": the city may be in it);
- **opposites**: a word on one side whose opposite stands on the other, from a short list
  of stances and directions (welcome/reject, support/oppose, confirm/deny,
  increase/reduce, lift/impose…), where neither side also has the other's word, and the
  word is not a state "since" ("suspended since March": where the point starts from);
- **negation**: "not", "no", "never" in a stretch of words where the other side has
  none, the rest of the two sides running alike ("will not attend" against "will
  attend").
"""

from __future__ import annotations

import difflib
import re

from app.model import Difference
from app.places import COUNTRIES
from app.text import places_in, stem

__all__ = ["contrasts"]

#: pairs of opposed words, as stems (``app.text.stem``) of their forms
_OPPOSED_WORDS = (
    ("welcome", "reject condemn oppose criticise criticize denounce deplore"),
    ("support", "oppose reject condemn"),
    ("endorse", "reject oppose"),
    ("accept", "reject refuse"),
    ("approve", "reject veto"),
    ("praise", "criticise criticize condemn"),
    ("confirm", "deny"),
    ("agree", "disagree refuse"),
    ("increase", "reduce decrease"),
    ("expand", "reduce"),
    ("strengthen", "weaken"),
    ("lift", "impose"),
    ("ease", "tighten"),
)  # not "open"/"close" ("close cooperation"), "raise"/"cut" ("raised the question")
_OPPOSITES: dict[str, set[str]] = {}
for _word, _others in _OPPOSED_WORDS:
    for _other in _others.split():
        _OPPOSITES.setdefault(stem(_word), set()).add(stem(_other))
        _OPPOSITES.setdefault(stem(_other), set()).add(stem(_word))

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_SINCE = re.compile(r"\s+since\b", re.IGNORECASE)
_NEGATIONS = frozenset({"not", "no", "never", "n't", "cannot", "neither", "nor"})
#: how alike two sides' words must run for a negation on one side alone to count
_ALIKE = 0.5


def contrasts(text_a: str, text_b: str) -> list[Difference]:
    return _places(text_a, text_b) + _opposites(text_a, text_b) + _negation(text_a, text_b)


def _places(text_a: str, text_b: str) -> list[Difference]:
    at_a, at_b = places_in(text_a), places_in(text_b)
    if not at_a or not at_b:
        return []
    # a place the other side names too, in whatever words ("talks in Tashgor" against "in
    # Tashgor took place the negotiations"), is no contrast
    if any(p in text_b for p in at_a) or any(p in text_a for p in at_b):
        return []
    countries_a = {p for p in at_a if p in COUNTRIES}
    countries_b = {p for p in at_b if p in COUNTRIES}
    if bool(countries_a) != bool(countries_b):  # a country and a place that may lie in it
        return []
    return [Difference("place", at_a[0], at_b[0])]


def _opposites(text_a: str, text_b: str) -> list[Difference]:
    words_a, words_b = _stems(text_a), _stems(text_b)
    for s, shown in words_a.items():
        for other in _OPPOSITES.get(s, ()):
            if other in words_b and other not in words_a and s not in words_b:
                return [Difference("opposite", shown, words_b[other])]
    return []


def _stems(text: str) -> dict[str, str]:
    """Each word's stem, and the word as the text has it (the first it uses). A state
    said to have held "since" ("sanctions imposed since 2014", "talks suspended since
    March") is the past the point starts from, not the point: it is left out."""
    out: dict[str, str] = {}
    for m in _WORD.finditer(text):
        if not _SINCE.match(text, m.end()):
            out.setdefault(stem(m.group(0).lower()), m.group(0))
    return out


def _negation(text_a: str, text_b: str) -> list[Difference]:
    spans_a, spans_b = _words(text_a), _words(text_b)
    words_a = [text_a[s:e].lower().replace("’", "'") for s, e in spans_a]
    words_b = [text_b[s:e].lower().replace("’", "'") for s, e in spans_b]
    neg_a, neg_b = _NEGATIONS.intersection(words_a), _NEGATIONS.intersection(words_b)
    if bool(neg_a) == bool(neg_b):  # both deny something ("has not received", "no list")
        return []
    match = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    if match.ratio() < _ALIKE:
        return []
    for op, i1, i2, j1, j2 in match.get_opcodes():
        if op != "equal" and _NEGATIONS.intersection(words_a[i1:i2] + words_b[j1:j2]):
            # the words around, so that "will attend" faces "will not attend"
            a = _shown(text_a, spans_a, max(0, i1 - 1), i2 + 1)
            b = _shown(text_b, spans_b, max(0, j1 - 1), j2 + 1)
            return [Difference("opposite", a, b)]
    return []


def _words(text: str) -> list[tuple[int, int]]:
    """Where the words are; "won't" and "don't" as two, the negation apart."""
    out = []
    for m in _WORD.finditer(text):
        if m.group(0).lower().replace("’", "'").endswith("n't"):
            out += [(m.start(), m.end() - 3), (m.end() - 3, m.end())]
        else:
            out.append(m.span())
    return out


def _shown(text: str, spans: list[tuple[int, int]], i: int, j: int) -> str:
    """Words ``i`` to ``j`` as the text has them."""
    j = min(j, len(spans))
    return text[spans[i][0] : spans[j - 1][1]] if i < j else ""
