"""Differences of substance that share most of their words: one account says the talks
are "in Geneva", the other "in Vienna"; one "welcomed" the agreement, the other
"rejected" it; one "will attend", the other "will not attend". Such pairs differ in one
word or two, too few for the share of unmatched words (``app.relations``) to notice, yet
they are what an analyst most needs to see.

- **places**: the places each side puts the event in ("in Geneva", "in Port Aldane"),
  where both name one, they share none and none is the other under another name (Kiev,
  Kyiv); a country against a city is no contrast ("in Kaldera", "in Tashgor": the city
  may be in it);
- **opposites**: a word on one side whose opposite stands on the other, from a short list
  of stances and directions (welcome/reject, support/oppose, confirm/deny,
  increase/reduce, lift/impose…), said of the same thing, where neither side also has
  the other's word, and the word is not a state "since" ("suspended since March": where
  the point starts from);
- **negation**: "not", "no", "never" on one side only, the two sides running alike and
  nothing but the negation differing where it stands ("will not attend" against "will
  attend"), set phrases that deny nothing left out ("not only", "no later than").
"""

from __future__ import annotations

import difflib
import re

from app.model import Difference
from app.places import COUNTRIES, PLACES, place_key
from app.text import STOPWORDS, places_in, stem

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
#: negations that deny nothing: "not only … but also", "no later than", "no doubt"
_SET_PHRASES = frozenset(
    [("not", w) for w in "only least just merely simply yet".split()]
    + [("no", w) for w in "later earlier less more fewer doubt one matter sooner".split()]
)
#: words a negation leans on: "will not attend", "did not rule out", "won't" as "wo n't"
_AUXILIARIES = frozenset(
    "do does did will would shall should can could may might must has have had is are was "
    "were be been wo ca".split()
)
#: how alike two spellings of a place name are at least ("Odesa", "Odessa": 0.91)
_NEARLY_ALIKE = 0.8
#: how alike two sides' words must run for a negation on one side alone to count
_ALIKE = 0.5


def contrasts(text_a: str, text_b: str) -> list[Difference]:
    return _places(text_a, text_b) + _opposites(text_a, text_b) + _negation(text_a, text_b)


def _places(text_a: str, text_b: str) -> list[Difference]:
    at_a, at_b = places_in(text_a), places_in(text_b)
    if not at_a or not at_b:
        return []
    # a place the other side names too, in whatever words ("talks in Tashgor" against "in
    # Tashgor took place the negotiations"), or in another spelling ("Kiev", "Odessa",
    # "Türkiye"), is no contrast
    if any(p in text_b for p in at_a) or any(p in text_a for p in at_b):
        return []
    if any(_one_place(p, q) for p in at_a for q in at_b):
        return []
    countries_a, countries_b = (any(p in COUNTRIES for p in at) for at in (at_a, at_b))
    if countries_a != countries_b:  # a country and a place that may lie in it
        return []
    return [Difference("place", at_a[0], at_b[0])]


def _one_place(x: str, y: str) -> bool:
    """One place under two names: listed as such, or, for places not on our list, spelt
    nearly alike (Zaporizhzhia and Zaporizhia; not Austria and Australia)."""
    if place_key(x) == place_key(y):
        return True
    if x in PLACES and y in PLACES:
        return False
    return difflib.SequenceMatcher(None, x.lower(), y.lower()).ratio() >= _NEARLY_ALIKE


def _opposites(text_a: str, text_b: str) -> list[Difference]:
    """A word and its opposite, said of the same thing: the first content word after each
    ("welcomed the agreement" against "rejected the agreement"; not "increase bilateral
    trade" against "reduce trade barriers")."""
    words_a, words_b = _stems(text_a), _stems(text_b)
    for s, (shown, what) in words_a.items():
        for other in _OPPOSITES.get(s, ()):
            if other in words_b and other not in words_a and s not in words_b:
                shown_b, what_b = words_b[other]
                if what and what == what_b:
                    return [Difference("opposite", shown, shown_b)]
    return []


def _stems(text: str) -> dict[str, tuple[str, str]]:
    """Each word's stem: the word as the text has it (the first it uses) and the stem of
    the content word after it, what it is said of. A state said to have held "since"
    ("sanctions imposed since 2014", "talks suspended since March") is the past the point
    starts from, not the point: it is left out."""
    found = list(_WORD.finditer(text))
    out: dict[str, tuple[str, str]] = {}
    for k, m in enumerate(found):
        if _SINCE.match(text, m.end()):
            continue
        after = (w.group(0).lower() for w in found[k + 1 : k + 4])
        what = next((stem(w) for w in after if w not in STOPWORDS), "")
        out.setdefault(stem(m.group(0).lower()), (m.group(0), what))
    return out


def _negation(text_a: str, text_b: str) -> list[Difference]:
    """A negation on one side only, on words the other side says too: "will not attend"
    against "will attend", "did not rule out" against "ruled out". Not where the rest of
    the stretch differs ("cannot be resolved by force" against "can only be resolved by
    talks"), nor in set phrases that deny nothing ("not only", "no later than", "no
    doubt")."""
    spans_a, spans_b = _words(text_a), _words(text_b)
    words_a = [text_a[s:e].lower().replace("’", "'") for s, e in spans_a]
    words_b = [text_b[s:e].lower().replace("’", "'") for s, e in spans_b]
    neg_a, neg_b = _denials(words_a), _denials(words_b)
    if bool(neg_a) == bool(neg_b):  # both deny something ("has not received", "no list")
        return []
    match = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    if match.ratio() < _ALIKE:
        return []
    for op, i1, i2, j1, j2 in match.get_opcodes():
        if op == "equal" or not (neg_a & set(range(i1, i2)) or neg_b & set(range(j1, j2))):
            continue
        rest_a = {stem(w) for w in words_a[i1:i2] if w not in _NEGATIONS | _AUXILIARIES}
        rest_b = {stem(w) for w in words_b[j1:j2] if w not in _NEGATIONS | _AUXILIARIES}
        if rest_a == rest_b:  # only the negation (and its auxiliary) differs
            # the words around, so that "will attend" faces "will not attend"
            a = _shown(text_a, spans_a, max(0, i1 - 1), i2 + 1)
            b = _shown(text_b, spans_b, max(0, j1 - 1), j2 + 1)
            return [Difference("opposite", a, b)]
    return []


def _denials(words: list[str]) -> set[int]:
    """Where the negations are, less those of set phrases that deny nothing."""
    out = set()
    for k, w in enumerate(words):
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w in _NEGATIONS and (w, nxt) not in _SET_PHRASES:
            out.add(k)
    return out


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
