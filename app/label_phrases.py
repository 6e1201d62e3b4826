"""Label candidates in text with spaces between its words: whole proper names, a name
word before a noun, and runs of common words ending in a noun (app/labels.py picks one).

No tagger is needed for readouts: the two texts themselves say which words are names
(capitalised away from the start of a sentence) and which are verbs (after "to", "will",
"they" ...), and a short list of suffixes catches adverbs and adjectives.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from app.figures import CALENDAR_WORDS
from app.text import STOPWORDS, TITLES, WEAK_WORDS, bare_name, stem

#: Most words a label may have (a proper name such as "Gulf of Serrin" counts in full).
MAX_WORDS = 4

_TOKEN = re.compile(r"[^\W\d_][\w’'-]*|\d[\d.,]*|[.,;:!?()\"“”«»–—]")
#: Punctuation after which a word opens a sentence (its capital says nothing of a name).
_OPENERS = frozenset('.!?:;"“')

#: Words after which the next word is a verb form ("to reopen", "will continue").
_VERB_CUES = frozenset(
    """to will would could should must can cannot shall may might not also they we he she
    i who which sides parties""".split()
)
#: Words after which the next word starts a noun phrase ("the corridor", "of prisoners").
_NOUN_CUES = frozenset("the a an its their his her our this these those of".split())
#: Words that open a verb's object: a word right before them is usually a verb ("set a goal").
_OBJECT_CUES = frozenset("a an the its their his her our".split())

#: Modifiers: they open no label and end none ("Sincere gratitude", "Next year").
_MODIFIERS = (
    frozenset(
        """good new near future important various relevant current specific possible recent main
    major next last previous positive negative great sincere mutual respective additional
    right whole entire different several certain such own full long short high low large
    small big early late very almost entirely nearly approximately previously details
    soon shortly together again already earlier later evening morning foreign joint official
    constructive productive fruitful frank candid friendly warm cordial detailed substantive
    useful excellent strong close deep broad firm clear special particular general overall
    first second third fourth fifth sixth seventh eighth ninth tenth
    despite regarding concerning following during except beyond amid including
    even still just ever quite rather perhaps maybe merely instead along across around behind
    beside inside outside throughout onto unlike versus
    """.split()
    )
    | CALENDAR_WORDS
)
#: Quantities and spans of time: "Hours", "Million crowns", "Dollars".
_MEASURES = frozenset(
    """hour hours minute minutes day days week weeks month months year years fortnight
    decade decades time times hundred hundreds thousand thousands million millions billion
    billions dozen dozens half percent per cent total dollars euros pounds roubles yuan
    kilometres miles tonnes one two three four five six seven eight nine ten eleven twelve
    fifteen twenty thirty forty fifty sixty seventy eighty ninety""".split()
)
#: Verbs common in accounts of talks (base forms; inflections meet them through ``stem``),
#: for the ones the texts do not show in a verb position.
_VERBS = frozenset(
    stem(form)
    for w in """agree discuss pursue strengthen expect welcome express stress reaffirm confirm
    underline emphasise emphasize invite accept reject meet continue resume deepen expand
    develop promote ensure maintain keep seek thank remain become consider propose suggest
    intend urge warn condemn praise inform reopen carry begin give take get go come want
    put set let
    always never honor honour""".split()
    for form in (w, w + "s", w + "es", w + "ed", w + "d", w + "ing", w[:-1] + "ing")
)

#: Words that end no label besides the modifiers: vague nouns and particles.
_NOT_LAST = (
    _MODIFIERS
    | _MEASURES
    | frozenset(
        """bilateral regional international national mutually both each other matters matter
        concerns concern views view importance readiness situation context results result
        level levels basis framework course area areas field fields held continued got going
        forward home back chosen given taken worth prime every once twice per""".split()
    )
)
_NOT_FIRST = _MODIFIERS | _MEASURES | frozenset("each every both other held worth prime".split())
_DEMONYM_ENDINGS = ("ese", "ian", "ean", "ish")
_ADVERB_OR_ADJECTIVE = re.compile(r"(?:ly|ful|ous|ible|able|ed)$")


class Phrase(NamedTuple):
    key: str  # stems, so "talks"/"talk" count together
    text: str  # as shown
    partial: bool = False  # followed by another noun: maybe part of a longer phrase


@dataclass(frozen=True)
class Lexicon:
    """What the texts say about their own words."""

    names: frozenset[str]  # words written capitalised away from the start of a sentence
    verbs: frozenset[str]  # lowercase words seen more often in verb than in noun position
    nouns: frozenset[str]  # lowercase words seen after "the", "a", "of" ...
    #: adjectives of peoples and places: "Chinese" in "the Chinese side", "Kestrian" in
    #: "Kestrian fishermen" (not "the Mediterranean", which also stands alone)
    adjectives: frozenset[str]


def lexicon(texts: Iterable[str]) -> Lexicon:
    names: set[str] = set()
    verb_uses: Counter[str] = Counter()
    noun_uses: Counter[str] = Counter()
    demonyms: set[str] = set()  # "Chinese", "Mediterranean"
    alone: set[str] = set()  # ... seen with no word after them: "the Mediterranean."
    for text in texts:
        toks = _tokens(text)
        prev = ""
        for i, w in enumerate(toks):
            if not w[0].isalpha():
                prev = "." if w in _OPENERS else ","
                continue
            lw = w.lower()
            nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
            if w[0].isupper():
                if lw.endswith(_DEMONYM_ENDINGS):
                    demonyms.add(w)
                    if not nxt[:1].isalpha():
                        alone.add(w)
                if prev not in ("", "."):
                    names.add(bare_name(w))
            if w.islower() and (
                prev in _VERB_CUES or (nxt in _OBJECT_CUES and prev not in _NOUN_CUES)
            ):
                verb_uses[lw] += 1
            elif prev in _NOUN_CUES:
                noun_uses[lw] += 1
            prev = lw
    verbs = {w for w, n in verb_uses.items() if n > noun_uses[w]}
    # a people's adjective always has a word after it; "the Mediterranean." stands alone
    adjectives = frozenset(demonyms - alone)
    return Lexicon(frozenset(names), frozenset(verbs), frozenset(noun_uses), adjectives)


def word_candidates(text: str, lex: Lexicon, people: frozenset[str] = frozenset()) -> list[Phrase]:
    """The phrases in ``text`` (words with spaces between them) that could name a topic:
    whole proper names (not people's), runs of one to three common words ending in a
    noun, and a name word before a noun ("Kestrian fishermen")."""
    toks = _tokens(text)
    out: list[Phrase] = []
    i = 0
    while i < len(toks):
        w = toks[i]
        if _is_name(w, i, toks, lex):
            j = i
            run = [bare_name(w)]
            while j + 1 < len(toks):
                nxt = toks[j + 1]
                if _possessive(toks[j]):
                    break  # "Westmark's Port Authority": the owner ends the name
                if _is_name(nxt, j + 1, toks, lex):
                    run.append(bare_name(nxt))
                    j += 1
                elif nxt == "of":
                    k = j + 3 if j + 2 < len(toks) and toks[j + 2] == "the" else j + 2
                    if k >= len(toks) or not _is_name(toks[k], k, toks, lex):
                        break
                    run += [*toks[j + 1 : k], bare_name(toks[k])]
                    j = k
                else:
                    break
            out.extend(_name_candidates(run, toks, j, lex, people))
            i = j + 1
            continue
        if _common(w, lex) and _can_start(w, lex, alone=True):
            out.extend(_common_candidates(toks, i, lex))
        i += 1
    return out


def _common_candidates(toks: list[str], i: int, lex: Lexicon) -> list[Phrase]:
    """Runs of one to three common words from ``toks[i]`` that end in a noun. A run that
    another content word follows may be part of a longer phrase ("passenger" in "passenger
    flights"): it is marked ``partial``. A word the texts use as a verb may still label a
    topic alone ("Visit"), but opens and ends no longer phrase ("build consensus")."""
    out = []
    for n in range(1, 4):
        j = i + n - 1
        if j >= len(toks) or not _common(toks[j], lex):
            break
        if n == 2 and not _can_start(toks[i], lex):
            break
        if n == 3 and not _can_join(toks[i + 1], lex):
            break
        if not _can_end(toks[j], lex, alone=n == 1):
            continue
        run = toks[i : j + 1]
        key = " ".join(stem(w) for w in run)
        nxt = toks[j + 1] if j + 1 < len(toks) else ""
        partial = _common(nxt, lex) and _can_end(nxt, lex)
        out.append(Phrase(key, " ".join(bare_name(w).lower() for w in run), partial))
    return out


def _name_candidates(
    run: list[str], toks: list[str], last: int, lex: Lexicon, people: frozenset[str]
) -> list[Phrase]:
    words = [w for w in run if w not in ("of", "the")]
    if any(w in people or w.lower() in TITLES for w in words):
        return []
    if any(w.lower() in CALENDAR_WORDS or w.lower() in _MEASURES for w in words):
        return []
    if len(words) > MAX_WORDS or (len(words) == 1 and words[0].lower() in WEAK_WORDS):
        return []
    # a people's adjective alone ("Chinese") names no topic; before a noun it may
    alone = len(run) == 1 and run[0] in lex.adjectives
    out = [] if alone else [Phrase(" ".join(stem(w) for w in run), " ".join(run))]
    # a one-word name that qualifies a common noun: "Kestrian fishermen"
    if len(run) == 1 and last + 1 < len(toks):
        nxt = toks[last + 1]
        if _common(nxt, lex) and _can_end(nxt, lex):
            shown = f"{run[0]} {bare_name(nxt).lower()}"
            out.append(Phrase(f"{stem(run[0])} {stem(nxt)}", shown))
    return out


def _is_name(w: str, i: int, toks: Sequence[str], lex: Lexicon) -> bool:
    """A word of a proper name. Weak words may start one ("New Zealand"); a name that is
    only a weak word ("Statement") is dropped later."""
    if not w[:1].isupper():
        return False
    bare = bare_name(w)
    if bare.lower() in STOPWORDS:
        return False
    at_start = i == 0 or toks[i - 1] in _OPENERS
    return bare in lex.names or (not at_start and len(bare) > 1)


def _common(w: str, lex: Lexicon) -> bool:
    lw = w.lower()
    return (
        w[:1].isalpha()
        and (w[:1].islower() or bare_name(w) not in lex.names)
        and len(lw) > 2
        and lw not in STOPWORDS
        and lw not in WEAK_WORDS
        and lw not in TITLES
        and not lw.endswith(("'s", "’s"))
    )


def _tokens(text: str) -> list[str]:
    """Words and punctuation. Words in capitals for emphasis ("a GREAT call on the TRADE
    DEAL") are lowered; short ones on their own stay acronyms ("NATO")."""
    toks = _TOKEN.findall(text)

    def loud(k: int) -> bool:
        return 0 <= k < len(toks) and len(toks[k]) >= 5 and toks[k].isupper()

    return [
        w.lower() if w.isupper() and len(w) > 1 and (loud(i - 1) or loud(i) or loud(i + 1)) else w
        for i, w in enumerate(toks)
    ]


def _possessive(w: str) -> bool:
    return w.endswith(("'s", "’s", "s'", "s’"))


def _can_join(w: str, lex: Lexicon) -> bool:
    """Whether a word may stand in the middle of a three-word phrase ("direct passenger
    flights", not "team accepted talks")."""
    return _can_start(w, lex) and not w.lower().endswith("ed")


def _verb(lw: str, lex: Lexicon, alone: bool) -> bool:
    """A known verb; a word the texts use as a verb counts too, unless it stands alone."""
    return stem(lw) in _VERBS or (not alone and lw in lex.verbs)


def _can_end(w: str, lex: Lexicon, alone: bool = False) -> bool:
    lw = w.lower()
    return (
        lw not in _NOT_LAST
        and not _verb(lw, lex, alone)
        and not _ADVERB_OR_ADJECTIVE.search(lw)
        # "-ing" words name a topic only where the texts use them as nouns ("the training")
        and (not lw.endswith("ing") or lw in lex.nouns)
    )


def _can_start(w: str, lex: Lexicon, alone: bool = False) -> bool:
    lw = w.lower()
    return lw not in _NOT_FIRST and not _verb(lw, lex, alone) and not lw.endswith("ly")
