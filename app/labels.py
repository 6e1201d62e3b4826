"""Short human labels for topics: the noun phrase that best names a group of claims.

A label is a name ("Black Sea", "Gas interconnector", "Detained citizens"), not a verb
("Held"), a figure ("Million crowns"), a span of time ("Hours") or a piece of a longer
name ("Rim Council" out of "Northern Rim Council"). No tagger is needed for readouts:
the two texts themselves say which words are names (capitalised away from the start of
a sentence) and which are verbs (after "to", "will", "they" ...), and a short list of
suffixes catches adverbs and adjectives. Each topic then takes its most telling phrase:
frequent in the topic, rare in the others, said by both accounts.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from app.cjk import (
    CJK,
    CJK_FRAME,
    KOREAN_STOPS,
    KOREAN_WEAK,
    SPACELESS_RUN,
    grammatical,
    has_cjk,
    has_spaceless,
    is_hangul,
)
from app.engines import Vectors
from app.figures import CALENDAR_WORDS, figure_spans
from app.model import Claim
from app.text import STOPWORDS, TITLES, WEAK_WORDS, bare_name, stem

Embed = Callable[[Sequence[str]], Vectors]

#: How many of a topic's best phrases are re-ranked by meaning, and the weight of meaning.
RERANK = 12
MEANING = 0.5
#: Most words a label may have (a proper name such as "Gulf of Serrin" counts in full),
#: and most characters (text without spaces between words, as in Chinese, runs long).
MAX_WORDS = 4
MAX_CHARS = 40

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
        forward home back chosen given taken worth prime""".split()
    )
)
_NOT_FIRST = _MODIFIERS | _MEASURES | frozenset("each both other held worth prime".split())
_DEMONYM_ENDINGS = ("ese", "ian", "ean", "ish")
_ADVERB_OR_ADJECTIVE = re.compile(r"(?:ly|ful|ous|ible|able|ed)$")


class Phrase(NamedTuple):
    key: str  # stems, so "talks"/"talk" count together
    text: str  # as shown
    partial: bool = False  # followed by another noun: maybe part of a longer phrase


@dataclass(frozen=True)
class _Lexicon:
    """What the texts say about their own words."""

    names: frozenset[str]  # words written capitalised away from the start of a sentence
    verbs: frozenset[str]  # lowercase words seen more often in verb than in noun position
    nouns: frozenset[str]  # lowercase words seen after "the", "a", "of" ...
    #: adjectives of peoples and places: "Chinese" in "the Chinese side", "Kestrian" in
    #: "Kestrian fishermen" (not "the Mediterranean", which also stands alone)
    adjectives: frozenset[str]


def lexicon(texts: Iterable[str]) -> _Lexicon:
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
    return _Lexicon(frozenset(names), frozenset(verbs), frozenset(noun_uses), adjectives)


def candidates(text: str, lex: _Lexicon, people: frozenset[str] = frozenset()) -> list[Phrase]:
    """The phrases in ``text`` that could name a topic: whole proper names (not people's),
    runs of one to three common words ending in a noun, and a name word before a noun
    ("Kestrian fishermen"). Chinese, Japanese and Korean: see ``_cjk_candidates``."""
    if has_cjk(text):
        return _cjk_candidates(text, people) + candidates(_CJK_RE.sub(".", text), lex, people)
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


def _common_candidates(toks: list[str], i: int, lex: _Lexicon) -> list[Phrase]:
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
    run: list[str], toks: list[str], last: int, lex: _Lexicon, people: frozenset[str]
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


def _is_name(w: str, i: int, toks: Sequence[str], lex: _Lexicon) -> bool:
    """A word of a proper name. Weak words may start one ("New Zealand"); a name that is
    only a weak word ("Statement") is dropped later."""
    if not w[:1].isupper():
        return False
    bare = bare_name(w)
    if bare.lower() in STOPWORDS:
        return False
    at_start = i == 0 or toks[i - 1] in _OPENERS
    return bare in lex.names or (not at_start and len(bare) > 1)


def _common(w: str, lex: _Lexicon) -> bool:
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


def _can_join(w: str, lex: _Lexicon) -> bool:
    """Whether a word may stand in the middle of a three-word phrase ("direct passenger
    flights", not "team accepted talks")."""
    return _can_start(w, lex) and not w.lower().endswith("ed")


def _verb(lw: str, lex: _Lexicon, alone: bool) -> bool:
    """A known verb; a word the texts use as a verb counts too, unless it stands alone."""
    return stem(lw) in _VERBS or (not alone and lw in lex.verbs)


def _can_end(w: str, lex: _Lexicon, alone: bool = False) -> bool:
    lw = w.lower()
    return (
        lw not in _NOT_LAST
        and not _verb(lw, lex, alone)
        and not _ADVERB_OR_ADJECTIVE.search(lw)
        # "-ing" words name a topic only where the texts use them as nouns ("the training")
        and (not lw.endswith("ing") or lw in lex.nouns)
    )


def _can_start(w: str, lex: _Lexicon, alone: bool = False) -> bool:
    lw = w.lower()
    return lw not in _NOT_FIRST and not _verb(lw, lex, alone) and not lw.endswith("ly")


# -- Chinese, Japanese and Korean ---------------------------------------------------------

_CJK_RE = re.compile(f"[{CJK}]+")
_FRAME_LENGTHS = sorted({len(w) for w in CJK_FRAME}, reverse=True)
#: the shortest and longest Chinese or Japanese label, in characters
CJK_LABEL_CHARS = (2, 6)
_KOREAN_WORD = re.compile(r"[\uac00-\ud7a3]+|[^\s]+")
#: Korean particles after a noun ("협정을", "정세에", "검문소의"), longest first
_KOREAN_PARTICLES = sorted(
    "에서는 에서 으로 에게 까지 부터 과의 와의 에는 에도 이나 은 는 이 가 을 를 의 에 와 과 도 로"
    " 만".split(),
    key=len,
    reverse=True,
)
#: endings of Korean verbs and adjectives ("합의했다", "강화하고", "긴밀한", "유지하기")
_KOREAN_VERBAL = re.compile("(?:다|고|며|면|서|지|게|는|던|한|할|된|될|기|해|하|여|록|니|요|까)$")
_KOREAN_TITLES = ("장관", "대통령", "총리", "외상", "대사")


def _cjk_candidates(text: str, people: frozenset[str]) -> list[Phrase]:
    """Label candidates in Chinese and Japanese: runs of two to six characters with no
    grammatical character, figure or word of a readout's frame at either end ("经贸磋商",
    "国境検問所"); which of the overlapping runs names the topic is settled by how often each
    is used (see ``_dominated``). In Korean: nouns without their particles ("협정을":
    "협정"), alone or two together ("지역 정세"). No piece of a person's name."""
    out: list[Phrase] = []
    names = [p for p in people if has_cjk(p)]
    spans = figure_spans(text)
    low, high = CJK_LABEL_CHARS
    for m in SPACELESS_RUN.finditer(text):
        start, run = m.start(), m.group(0)
        ok = [
            not grammatical(text, i) and not any(s <= i < e for s, e in spans)
            for i in range(start, m.end())
        ]
        # a label starts or ends where a word does: by a particle, a figure, punctuation
        # or a word of the frame ("保持" in "双方同意保持密切沟通"; not "持密切沟")
        edges = {j for j in range(len(run) + 1) if not (0 < j < len(run) and ok[j - 1] and ok[j])}
        inside: set[int] = set()  # no label starts or ends inside a word of the frame
        for i in range(len(run)):
            for n in _FRAME_LENGTHS:
                if run[i : i + n] in CJK_FRAME:
                    edges.update((i, i + n))
                    inside.update(range(i + 1, i + n))
        for i in range(len(run)):
            for n in range(low, high + 1):
                if i + n > len(run) or not ok[i + n - 1]:
                    break
                piece = run[i : i + n]
                if (
                    ok[i]
                    and (i in edges or i + n in edges)
                    and not {i, i + n} & inside
                    and not _framed(piece)
                    and not any(p in piece or piece in p for p in names)
                ):
                    # where it starts or ends inside a longer word, it may be a piece of it
                    out.append(Phrase(piece, piece, not (i in edges and i + n in edges)))
    nouns = [_korean_noun(w.group(0)) for w in _KOREAN_WORD.finditer(text)]
    for k, (noun, bare) in enumerate(nouns):
        if noun and noun not in people:
            out.append(Phrase(stem(noun), noun))
            after, _ = nouns[k + 1] if k + 1 < len(nouns) else ("", False)
            if bare and after:
                out.append(Phrase(f"{stem(noun)} {stem(after)}", f"{noun} {after}"))
    return out


def _framed(piece: str) -> bool:
    """Whether a Chinese or Japanese run opens or ends with a word of a readout's frame."""
    return any(piece[:n] in CJK_FRAME or piece[-n:] in CJK_FRAME for n in _FRAME_LENGTHS)


def _korean_noun(word: str) -> tuple[str, bool]:
    """A Korean word as a noun without its particle, and whether it had none ("경제" in
    "경제 협력"); ("", False) for a verb, a title, a figure or a word with no point."""
    if not is_hangul(word) or not word.isalpha():
        return "", False
    noun = next(
        (word[: -len(p)] for p in _KOREAN_PARTICLES if word.endswith(p) and len(word) > len(p) + 1),
        word,
    )
    if (
        len(noun) < 2
        or (noun == word and _KOREAN_VERBAL.search(noun))
        or noun.endswith(("하", "기"))
        or stem(noun) in KOREAN_STOPS
        or stem(noun) in KOREAN_WEAK
        or any(t in noun for t in _KOREAN_TITLES)
    ):
        return "", False
    return noun, noun == word


def _dominated(keys: Counter[str], longer: dict[str, set[str]]) -> set[str]:
    """The Chinese and Japanese candidates of a topic used only inside a longer one ("经贸"
    and "磋商" where each use is in "经贸磋商"): the longer one names the topic, if it
    starts and ends where words do (``longer`` holds only those)."""
    return {k for k, n in keys.items() if any(keys.get(x, 0) >= n for x in longer.get(k, ()))}


def _size(key: str) -> int:
    """A label's length in words; in Chinese and Japanese, two characters to a word."""
    return (len(key) + 1) // 2 if has_spaceless(key) else key.count(" ") + 1


def label_topics(
    members: dict[int, list[Claim]],
    fixed: dict[int, str],
    people: frozenset[str],
    centroids: dict[int, Vectors] | None = None,
    embed: Embed | None = None,
) -> dict[int, str]:
    """A short label per topic (``fixed`` ones, from headings, are kept).

    With the topics' ``centroids`` (mean claim vectors) and the engine's ``embed``, the
    best few phrases of a topic are re-ranked by how close they come to its meaning."""
    all_claims = [c for claims in members.values() for c in claims]
    lex = lexicon(c.text for c in all_claims)
    counts: dict[int, Counter[str]] = {}
    sides: dict[int, dict[str, set[str]]] = {}
    surface: dict[str, Counter[str]] = {}
    fragments: Counter[str] = Counter()  # uses of a phrase inside a longer one
    longer: dict[str, set[str]] = {}  # Chinese or Japanese runs one character longer
    for g, claims in members.items():
        cnt: Counter[str] = Counter()
        said_by: dict[str, set[str]] = {}
        for c in claims:
            seen = set()
            found = candidates(c.text, lex, people)
            for key, _, partial in found:
                if not partial and len(key) > CJK_LABEL_CHARS[0] and has_spaceless(key):
                    longer.setdefault(key[1:], set()).add(key)
                    longer.setdefault(key[:-1], set()).add(key)
            for key, shown, partial in found:
                if len(shown) > MAX_CHARS:
                    continue
                said_by.setdefault(key, set()).add(c.side.value)
                fragments[key] += partial
                surface.setdefault(key, Counter())[shown] += 1
                if key not in seen:
                    seen.add(key)
                    cnt[key] += 1
        counts[g], sides[g] = cnt, said_by
    df: Counter[str] = Counter()
    for cnt in counts.values():
        df.update(cnt.keys())
    n_topics = len(members)

    # each phrase's commonest spelling, the capitalised one on a tie (a name written at the
    # start of a sentence); ties go the same way whichever account comes first
    written = {
        key: max(spellings.items(), key=lambda kv: (kv[1], sum(map(str.isupper, kv[0])), kv[0]))[0]
        for key, spellings in surface.items()
    }

    def score(g: int, key: str) -> float:
        s = counts[g][key] * math.log(1 + n_topics / df[key])
        s *= 1 - 0.5 * fragments[key] / surface[key].total()  # often part of a longer phrase
        n_words = _size(key)
        if n_words > 1:
            s *= 1.6
            if n_words > 2 and surface[key].total() < 2 and not written[key][:1].isupper():
                s *= 0.5  # three common words said once are more often a clause than a name
        elif written[key][:1].isupper():
            s *= 0.7  # a lone name says less than a phrase
        if len(sides[g][key]) == 2:
            s *= 1.3  # both accounts use it
        return s

    def by_score(g: int) -> list[str]:
        dominated = _dominated(counts[g], longer) if longer else set()
        return sorted((k for k in counts[g] if k not in dominated), key=lambda k: (-score(g, k), k))

    ranked = {g: by_score(g) for g in members}
    if embed is not None and centroids is not None:
        free = {g: c for g, c in centroids.items() if g not in fixed}
        _rerank(ranked, score, written, free, embed)
    labels: dict[int, str] = {}
    used = {label.lower() for label in fixed.values()}
    for g in sorted(members):
        if g in fixed:
            labels[g] = fixed[g]
            continue
        text = next((written[k] for k in ranked[g] if written[k].lower() not in used), None)
        if text is None:
            labels[g] = f"Topic {g + 1}"
            continue
        used.add(text.lower())
        labels[g] = text[:1].upper() + text[1:]
    return labels


def _rerank(
    ranked: dict[int, list[str]],
    score: Callable[[int, str], float],
    written: dict[str, str],
    centroids: dict[int, Vectors],
    embed: Embed,
) -> None:
    """Re-order each topic's best ``RERANK`` phrases by a mix of their score and how close
    they come to the topic's centroid (one embedding call for all topics)."""
    tops = {g: keys[:RERANK] for g, keys in ranked.items() if g in centroids and keys}
    texts = sorted({written[k] for keys in tops.values() for k in keys})
    if not texts:
        return
    row = {t: i for i, t in enumerate(texts)}
    vecs = embed(texts)
    for g, top in tops.items():
        best = max(score(g, k) for k in top) or 1.0
        closeness = vecs[[row[written[k]] for k in top]] @ centroids[g]
        mix = {k: MEANING * float(c) + (1 - MEANING) * score(g, k) / best
               for k, c in zip(top, closeness, strict=True)}  # fmt: skip
        ranked[g] = sorted(top, key=lambda k: (-mix[k], k)) + ranked[g][RERANK:]
