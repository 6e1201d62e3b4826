"""Whether linked claims say the same thing, and if not, what differs between them.

A link is ``differs`` when its two sides disagree on a number, date, time or duration,
or when one side carries a substantial point the other lacks (content words with no
counterpart); otherwise it is ``same``. The differences found are kept on the link so the
detail panel and the brief can show them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from app.cjk import (
    KOREAN_STOPS,
    KOREAN_WEAK,
    PUNCTUATION,
    SPACELESS,
    SPACELESS_RUN,
    found_chars,
    grammatical,
    has_cjk,
    has_spaceless,
    name_at,
    pair_set,
    weak_chars,
)
from app.contrasts import contrasts
from app.figures import (
    CALENDAR_WORDS,
    MONTHS,
    WEEKDAYS,
    Mention,
    comparable,
    figure_spans,
    figures,
    parse_day,
    same_figure,
)
from app.model import Claim, Difference, Document, Link, Relation
from app.text import (
    ORG_WORDS,
    PARTICLES,
    STOPWORDS,
    TITLES,
    WEAK_WORDS,
    bare_name,
    people_names,
    stem,
    words,
)

__all__ = ["Relation", "differences", "document_days", "relate"]

#: The day each account was issued, where known: "today" in it means that day.
Days = tuple[date | None, date | None]
NO_DAYS: Days = (None, None)

#: Kinds of difference that alone make a link ``differs``; actors and phrases do not.
DECISIVE = frozenset(
    {"number", "date", "time", "duration", "frequency", "condition", "place", "opposite"}
)
#: Share of one side's content words with no counterpart from which a link differs.
UNMATCHED_SHARE = 0.5
MAX_PHRASES = 3

#: a run of capitalised words ("Ministry of Defence", "U.S. State Department"); a full stop
#: only inside a word, so a run never crosses into the next sentence
_CAP_WORD = r"(?:[A-Z]\.(?=\s+[A-Z])|[A-Z](?:[\w’'-]|\.(?=\w))*)"  # an initial: "J."
_PARTICLE = "|".join(sorted(PARTICLES, key=len, reverse=True))  # "von der", "de la"
_LINK = rf"(?:of\s+the|of|(?:{_PARTICLE})(?:\s+(?:{_PARTICLE}))?)"
_CAP_RE = re.compile(rf"\b{_CAP_WORD}(?:\s+(?:{_LINK}\s+|al-)?{_CAP_WORD})*")
_NOT_ACTORS = frozenset(
    {m.capitalize() for m in MONTHS + WEEKDAYS}
    | {w.capitalize() for w in STOPWORDS}
    | {"Details", "Previously", "Background", "Source", "Noting", "According", "During",
       "Following", "Nothing", "Thank", "Our", "It", "In", "As", "On", "At"}
)  # fmt: skip


def relate(
    link: Link,
    claims: dict[str, Claim],
    people: frozenset[str] | None = None,
    days: Days = NO_DAYS,
) -> Link:
    """The link with its relation and differences filled in (manual links keep theirs).
    ``people`` are the names of people in the whole comparison (else found in the link);
    ``days`` the day each account was issued, where known."""
    text_a = " ".join(claims[c].text for c in link.a)
    text_b = " ".join(claims[c].text for c in link.b)
    diffs = differences(text_a, text_b, people, days)
    if link.manual:
        return replace(link, differences=tuple(diffs))
    relation = Relation.DIFFERS if is_different(text_a, text_b, diffs) else Relation.SAME
    if relation is Relation.DIFFERS and not diffs:
        # a link that differs always says how: fall back to single one-sided words
        diffs = _phrases(text_a, text_b, min_weight=1)
    return replace(link, relation=relation, differences=tuple(diffs))


def is_different(text_a: str, text_b: str, diffs: list[Difference]) -> bool:
    for d in diffs:
        # a frequency decides only against another ("weekly", "monthly"): said on one side
        # only, it is as often a word of some other sense ("the daily newspaper")
        if d.kind in DECISIVE and (d.kind != "frequency" or (d.a and d.b)):
            return True
    share_a, share_b = unmatched_share(text_a, text_b), unmatched_share(text_b, text_a)
    return max(share_a, share_b) >= UNMATCHED_SHARE


def differences(
    text_a: str, text_b: str, people: frozenset[str] | None = None, days: Days = NO_DAYS
) -> list[Difference]:
    """Numbers, dates, durations and actors that do not match, then one-sided phrases.
    Where an account's day is known, its "today", "next year" and weekdays are read from
    it (see ``app.figures``)."""
    out: list[Difference] = []
    figures_a, figures_b = figures(text_a, days[0]), figures(text_b, days[1])
    for kind in ("duration", "date", "time", "frequency", "number"):
        out.extend(_mismatches(kind, figures_a[kind], figures_b[kind]))
    who = people if people is not None else people_names([text_a, text_b])
    out.extend(_mismatches("actor", _actors(text_a, who), _actors(text_b, who)))
    out.extend(_condition_mismatches(text_a, text_b))
    out.extend(contrasts(text_a, text_b))
    return out + [p for p in _phrases(text_a, text_b) if not _covered(p, out)]


def _covered(phrase: Difference, found: list[Difference]) -> bool:
    """A one-sided phrase that only repeats a condition (or figure) already listed."""
    return any(
        (phrase.a is not None and d.a is not None and phrase.a in d.a)
        or (phrase.b is not None and d.b is not None and phrase.b in d.b)
        for d in found
    )


#: Words that open a condition ("if the truce holds", "without preconditions",
#: "provided that both sides agree"): a condition on one side only changes the point.
_CONDITION_RE = re.compile(
    r"\b(?:if|unless|provided that|provided(?=\s+(?:the|both|all|it|they|we|he|she|there|its|"
    r"their|this|these|each|either|neither|no|(?-i:[A-Z])\w+)\b)|on condition(?: that)?|as long as|"
    r"only after|"
    r"only if|subject to|without (?:any )?(?:pre)?conditions?|in exchange for|"
    r"in return for|on the understanding that)\b[^,;.!?]*",
    re.IGNORECASE,
)


#: Conditions in Chinese ("只要…", "如果…", "除非…", "无条件"), Japanese (a clause ending
#: "…すれば", "…場合", "無条件") and Korean (a clause ending "…하면", "…조건으로", "무조건"),
#: to the next punctuation; Japanese and Korean ones from the clause's start, which their
#: verb ends. "によれば" (according to) and "なければならない" (must) set none.
_CJK_CONDITION_RE = re.compile(
    r"(?:如果|假如|倘若|若(?!干)|只要|除非|一旦|前提是|条件是|无条件|無條件|无先决条件|不设前提"
    r"|以[^，。；！？、]{1,12}?为(?:前提|条件))[^，。；！？,;.!?]*"
    r"|[^、。，；！？「」,;.!?]*?(?:(?<!によ)れば(?!なら|いけ)|ならば|場合(?:には|は)?|を条件に"
    r"|を前提に)|無条件"
    r"|(?:[^\s,.;!?。]+\s){0,3}[^\s,.;!?。]*(?:하면|되면|다면|라면|으면|시면|조건으로|전제로)"
    r"(?=[\s,.;!?]|$)|무조건"
)


def _conditions(text: str) -> list[tuple[str, set[str]]]:
    out = [
        (m.group(0).strip(), content_stems(m.group(0)))
        for m in _CONDITION_RE.finditer(text)
        if not _provided_as_verb(text, m)
    ]
    if has_cjk(text):
        found = _CJK_CONDITION_RE.finditer(text)
        out += [(m.group(0).strip(), content_stems(m.group(0))) for m in found]
    return out


def _provided_as_verb(text: str, m: re.Match[str]) -> bool:
    """ "The US provided Ukraine with aid": a bare "provided" sets a condition only as a
    clause of its own, after a comma or at the start ("…, provided Kestria agrees")."""
    found = m.group(0).lower()
    if not found.startswith("provided") or found.startswith("provided that"):
        return False
    before = text[: m.start()].rstrip()
    return (bool(before) and before[-1] not in ",;:(—–") or " with " in found


def _condition_mismatches(text_a: str, text_b: str) -> list[Difference]:
    """Conditions stated on one side with no condition, or none like them, on the other.

    Each condition pairs with the other side's condition that shares most of its words;
    conditions worded differently still pair (the phrase differences show the wording),
    so what remains is a condition the other account does not set at all."""
    ca, cb = _conditions(text_a), _conditions(text_b)
    free_b = list(range(len(cb)))
    only_a: list[str] = []
    for text, stems in ca:
        if not free_b:
            only_a.append(text)
            continue
        best = max(free_b, key=lambda j: len(stems & cb[j][1]))
        free_b.remove(best)
    out = [Difference("condition", t, None) for t in only_a]
    out += [Difference("condition", None, cb[j][0]) for j in free_b]
    return out


def _mismatches(kind: str, ma: list[Mention], mb: list[Mention]) -> Iterable[Difference]:
    only_a = [m for m in ma if not any(_same(kind, m, o) for o in mb)]
    only_b = [m for m in mb if not any(_same(kind, o, m) for o in ma)]
    # pair mismatches of one sort one to one, in order ("two hours" vs "two and a half
    # hours", "30%" vs "40%"); "nine years" and "a two-day visit" are no pair
    pairs: list[tuple[str | None, str | None]] = []
    free_b = list(only_b)
    for m in only_a:
        partner = next((o for o in free_b if comparable(m, o)), None)
        if partner is not None:
            free_b.remove(partner)
        pairs.append((m.text, partner.text if partner else None))
    pairs += [(None, o.text) for o in free_b]
    seen: set[tuple[str | None, str | None]] = set()
    for pair in pairs:
        if pair not in seen:
            seen.add(pair)
            yield Difference(kind, *pair)


def _same(kind: str, x: Mention, y: Mention) -> bool:
    if kind == "actor":
        return x.key == y.key or _similar_name(x.key, y.key)
    return same_figure(x, y)


def _similar_name(x: str, y: str) -> bool:
    """Transliteration variants and partial names: Zelenskyy/Zelenskiy, Xi/Xi Jinping."""
    xs, ys = set(x.split()), set(y.split())
    if xs & ys:
        return True
    return any(_close(p, q) for p in xs for q in ys)


def _close(p: str, q: str) -> bool:
    if min(len(p), len(q)) < 4:
        return False
    common = 0
    for a, b in zip(p, q):
        if a != b:
            break
        common += 1
    return common >= max(4, min(len(p), len(q)) - 2)


def document_days(doc_a: Document, doc_b: Document) -> Days:
    return parse_day(doc_a.date), parse_day(doc_b.date)


def _actors(text: str, people: frozenset[str]) -> list[Mention]:
    """People (see ``people_names``) and organisations ("the Kremlin", "State Department")
    named in the text; places and other capitalised words are not actors."""
    out = []
    for m in _CAP_RE.finditer(text):
        run = m.group(0).split()
        owner = next((k for k, t in enumerate(run) if t.endswith(("'s", "’s"))), len(run))
        run = run[: owner + 1]  # "the Kremlin's Telegram channel": the owner ends the name
        bare = [bare_name(t.strip(".")) if t not in _NOT_ACTORS else "" for t in run]
        toks = [t for t in bare if t and t.lower() not in TITLES]
        at = [k for k, t in enumerate(bare) if t in people and t.lower() not in TITLES]
        if at:
            # shown as written, initials and particles kept: "Ursula von der Leyen"
            shown = " ".join([*run[at[0] : at[-1]], bare_name(run[at[-1]].rstrip("."))])
            out.append(Mention("actor", shown, " ".join(bare[k] for k in at).lower()))
        elif any(t in ORG_WORDS for t in toks):
            out.append(Mention("actor", " ".join(toks), " ".join(toks).lower()))
    if has_cjk(text):  # people named in Chinese, Japanese or Korean, in order
        named = sorted((name_at(text, p), p) for p in people if has_cjk(p) and p in text)
        out += [Mention("actor", p, p) for k, p in named if k >= 0]
    return out


def content_stems(text: str) -> set[str]:
    """The stems of the words of ``text`` that carry a point; Chinese and Japanese
    characters as their pairs and themselves (``app.cjk.pair_set``)."""
    if has_spaceless(text):
        return {stem(w) for w in _spaced_words(text) if _is_content(w)} | pair_set(text)
    return {stem(w) for w in words(text) if _is_content(w)}


def _spaced_words(text: str) -> list[str]:
    """The words of ``text`` outside its runs of Han and kana ("APEC" of "APEC峰会")."""
    return [part for w in words(text) for part in SPACELESS_RUN.split(w)[::2] if part]


def _is_content(w: str) -> bool:
    """A word that carries a point. Months and weekdays do not: the date check compares
    them ("February 15" and "today" may be one day)."""
    if "\uac00" <= w[0] <= "\ud7a3":  # Korean: two syllables make a word ("협정")
        return len(w) >= 2 and stem(w) not in KOREAN_STOPS and stem(w) not in KOREAN_WEAK
    lw = w.lower()
    return (
        lw not in STOPWORDS
        and lw not in WEAK_WORDS
        and lw not in CALENDAR_WORDS
        and len(lw) > 2
        and not lw.isdigit()
    )


def _figure_words(text: str) -> set[str]:
    """The content stems inside the durations, dates and times of ``text``: the figure
    checks compare them ("two hours" and "120 minutes" are one figure)."""
    return {stem(w) for s, e in figure_spans(text) for w in words(text[s:e]) if _is_content(w)}


def unmatched_share(text: str, other: str) -> float:
    """The share of ``text``'s content words with no counterpart in ``other``; the words
    of its figures count as matched, since the figure checks compare those. Chinese and
    Japanese count by character: one not found in ``other`` in any pair (``app.cjk``)."""
    if has_spaceless(text):
        units = _units(text, other)
        content = [u for u in units if u.weight]
        figures_in = sum(u.figure for u in units)  # found, as the figure checks compare them
        return sum(not u.found for u in content) / (len(content) + figures_in) if content else 0.0
    mine, theirs = content_stems(text), content_stems(other)
    if not mine:
        return 0.0
    return len(mine - theirs - _figure_words(text)) / len(mine)


class _Unit(NamedTuple):
    """A word of a claim, or a character of its Chinese or Japanese (``char``): where it
    stands, and whether it carries a point (``weight``), is found in the other account
    (``found``: so it ends a one-sided phrase), and may open or end one (``edge``).
    Punctuation ends a phrase (``stop``); a figure's words are left to the figure checks
    (``figure``)."""

    start: int
    end: int
    weight: int
    found: bool
    edge: bool
    stop: bool = False
    char: bool = False
    figure: bool = False


_TOKEN_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*|[.,;:!?()\"“”]")
_NOT_SPACELESS = rf"(?:(?![{SPACELESS}])[^\W_])+"
_CJK_TOKEN_RE = re.compile(
    rf"[{SPACELESS}]|{_NOT_SPACELESS}(?:['’-]{_NOT_SPACELESS})*|[.,;:!?()\"“”{PUNCTUATION}]"
)


def _units(text: str, other: str) -> list[_Unit]:
    """The words of ``text`` in Chinese, Japanese or Korean (and the characters of its
    Chinese and Japanese) as units of a comparison with ``other``, in the order they stand."""
    theirs = content_stems(other)
    figures_at = figure_spans(text)  # their words are left to the figure checks
    spaceless = has_spaceless(text)
    found = found_chars(text, pair_set(other)) if spaceless else set()
    weak = weak_chars(text) if spaceless else set()
    out: list[_Unit] = []
    for token in (_CJK_TOKEN_RE if spaceless else _TOKEN_RE).finditer(text):
        w, at = token.group(0), token.start()
        if not w[0].isalnum():
            out.append(_Unit(at, token.end(), 0, False, False, stop=True))
            continue
        in_figure = any(s <= at < e for s, e in figures_at)
        if spaceless and len(w) == 1 and SPACELESS_RUN.match(w):
            if in_figure or grammatical(text, at):
                out.append(_Unit(at, at + 1, 0, False, False, char=True, figure=in_figure))
            else:
                out.append(_Unit(at, at + 1, 0 if at in weak else 1, at in found, True, char=True))
        elif _is_content(w) and not in_figure:
            out.append(_Unit(at, token.end(), 1, stem(w) in theirs, True))
        else:
            edge = w.lower() not in STOPWORDS and not in_figure
            out.append(_Unit(at, token.end(), 0, False, edge, figure=in_figure and _is_content(w)))
    return out


def _trim(run: list[_Unit]) -> None:
    """Trim a one-sided run to start and end on a word of its own, not a stopword or a
    figure's word; nor on a lone Chinese or Japanese character that a particle parts from
    the rest, a word cut from its ending ("述" of "用意があると述べた")."""
    while True:
        while run and not run[-1].edge:
            run.pop()
        while run and not run[0].edge:
            run.pop(0)
        if len(run) > 2 and _lone(run[-1], run[-2]):
            run.pop()
        elif len(run) > 2 and _lone(run[0], run[1]):
            run.pop(0)
        else:
            return


def _lone(unit: _Unit, neighbour: _Unit) -> bool:
    """Whether a character is parted by a grammatical one from the rest of its run."""
    return unit.char and neighbour.char and not neighbour.edge


def _phrases(text_a: str, text_b: str, min_weight: int = 2) -> list[Difference]:
    out = [Difference("phrase", p, None) for p in _one_sided_runs(text_a, text_b, min_weight)]
    out += [Difference("phrase", None, p) for p in _one_sided_runs(text_b, text_a, min_weight)]
    return out


def _one_sided_runs(text: str, other: str, min_weight: int = 2) -> list[str]:
    """The longest runs of words in ``text`` whose content words ``other`` lacks (runs of
    ``min_weight`` content words or more, or one long word)."""
    if has_cjk(text):
        return _cjk_one_sided_runs(text, other, min_weight)
    theirs = content_stems(other)
    figures_at = figure_spans(text)  # their words are left to the figure checks
    runs: list[tuple[int, str]] = []
    current: list[tuple[str, bool]] = []  # the words, and whether they may end a run
    weight = 0

    def close() -> None:
        nonlocal current, weight
        # a run starts and ends on a word of its own, not a stopword or a figure's word
        while current and not current[-1][1]:
            current.pop()
        while current and not current[0][1]:
            current.pop(0)
        shown = [w for w, _ in current]
        if weight >= min_weight or (weight == 1 and shown and len(shown[0]) >= 7):
            runs.append((weight, " ".join(shown)))
        current, weight = [], 0

    for token in _TOKEN_RE.finditer(text):
        w = token.group(0)
        if not w[0].isalnum():
            close()
            continue
        in_figure = any(s <= token.start() < e for s, e in figures_at)
        if _is_content(w) and not in_figure:
            if stem(w) in theirs:
                close()
                continue
            weight += 1
            current.append((w, True))
        elif current:
            current.append((w, w.lower() not in STOPWORDS and not in_figure))
    close()
    runs.sort(key=lambda r: -r[0])
    return [r for _, r in runs[:MAX_PHRASES]]


def _cjk_one_sided_runs(text: str, other: str, min_weight: int) -> list[str]:
    """``_one_sided_runs`` in Chinese, Japanese or Korean: in Chinese and Japanese, runs of
    characters found in no pair of ``other``'s (``min_weight`` characters or more: "无条件"),
    trimmed of particles; every run shown as the text has it."""
    runs: list[tuple[int, str]] = []
    current: list[_Unit] = []

    def close() -> None:
        nonlocal current
        _trim(current)
        weight = sum(u.weight for u in current)
        first = text[current[0].start : current[0].end] if current else ""
        if weight >= min_weight or (weight == 1 and len(first) >= 7):
            runs.append((weight, text[current[0].start : current[-1].end]))
        current = []

    for u in _units(text, other):
        if u.stop or (u.weight and u.found):
            close()
        elif u.weight or current:
            current.append(u)
    close()
    runs.sort(key=lambda r: -r[0])
    return [r for _, r in runs[:MAX_PHRASES]]
