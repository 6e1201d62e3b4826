"""Splitting a document into sentences and sentences into claims, keeping offsets.

A claim is the unit an analyst would highlight: usually a sentence, but a sentence
that packs several points ("A agreed to X; B stressed Y", "X, and Y", "X as well as Y")
becomes several claims. Every span is ``(start, end)`` into ``Document.text`` and
trimmed of surrounding whitespace, so ``text[start:end]`` is exactly the claim.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from itertools import islice

from app.cjk import SPACELESS_RUN
from app.model import BlockKind, Claim, Document, Side
from app.text import STOPWORDS

#: Words that end with a period but rarely end a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen col lt sgt capt cmdr adm maj brig gov sen rep st jr sr prof rev hon
    no nos vol art fig inc ltd co corp vs cf e.g i.e approx dept est al op sec min amb
    pres jan feb mar apr jun jul aug sep sept oct nov dec mt ft pp para ch""".split()
)
#: Words after which a dotted acronym (U.S., U.K.) does end the sentence.
SENTENCE_STARTERS = frozenset(
    """the a an he she it they we i this that these those in on at but and or however there
    his her its their our after before during while when meanwhile also both""".split()
)
MIN_CLAIM_WORDS = 4
#: a trailing participle clause splits off only when it is this long
MIN_PARTICIPLE_WORDS = 6
#: what follows the participle of a clause ("…, discussing the deal", "…, calling for
#: talks"); a noun there ("…, pumping stations") means a list item instead
_PARTICIPLE_OBJECTS = frozenset(
    """the a an some his her their our its this that these those to with on in for about
    over into from at by both all any no new what how whether it them him us me up out
    further more several many each other one two""".split()
)

# sentence ends: Latin-style stops before a space; Arabic "؟" and "۔" likewise; the CJK
# full-width stops need no space after them
_END_RE = re.compile(r"[.!?…؟۔]+[\"'”’»)\]]*(?=\s|$)|[。！？]+[”’」』）]*")
_ROMAN = r"(?:[IVX]{1,7}|[ivx]{1,7})"
_LIST_MARKER_RE = re.compile(rf"\s*(?:[-*•‣–]|\(?\d{{1,3}}[.)]|\(?[a-zA-Z][.)]|\(?{_ROMAN}[.)])\s+")
#: a marker opening a sentence ("12.", "IV.") is no word of it: the full stop after it
#: ends no sentence
_LEADING_MARKER_RE = re.compile(rf"\s*\(?(?:\d{{1,3}}|{_ROMAN})(?=[.)]\s)")
#: one capital and a full stop before a capitalised word: a list marker ("B. Energy
#: cooperation") or a person's initial ("V. Putin held talks")
_CAPITAL_MARK_RE = re.compile(r"\s*[A-Z]\.\s+")
#: a capital or a roman numeral marking a paragraph: "B. ", "IV. "
_SECTION_MARK_RE = re.compile(r"\s*([A-Z]|[IVX]{1,7})\.\s")
_HEADING_MARK_RE = re.compile(r"#{1,6}\s+")
_WORD_RE = re.compile(r"\w+(?:[’'.-]\w+)*")
# clause joints a claim may be split at; the split falls before the joining word
_JOINT_RE = re.compile(
    r";\s+|；\s*|,\s+(?=(?:and|but|while|whereas|yet|although|though)\s)"
    r"|\s+(?=as well as\s)|\s+(?=in addition to\s)"
    # a trailing participle clause: "..., discussing the trade deal", not "..., including"
    r"|,\s+(?=(?!including|according|regarding|concerning|excluding|following|during)"
    r"[a-z]+ing\s)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans inside ``text[start:end]``."""
    end = len(text) if end is None else end
    out: list[Span] = []
    sent_start = start
    has_words = False  # whether the sentence so far has a word (not just "1." or "a.")
    checked = start  # how far the sentence has been searched for one
    floor = _words_start(text, start, end)  # past a leading "12." or "IV."
    for m in _END_RE.finditer(text, start, end):
        stop = m.end()
        if not has_words:
            # search only what is new since the last look (a word can straddle it)
            has_words = _HEAD_RE.search(text, max(floor, checked - 3), m.start()) is not None
            checked = m.start()
        if not has_words or not _is_boundary(text, m.start(), stop, end):
            continue
        _append_trimmed(out, text, sent_start, stop)
        sent_start = checked = stop
        floor = _words_start(text, stop, end)
        has_words = False
    _append_trimmed(out, text, sent_start, end)
    return out


_HEAD_RE = re.compile(r"[^\W\d_]{2,}|\d{2,}")


def _words_start(text: str, s: int, end: int) -> int:
    """Where the words of a sentence starting at ``s`` may start: after a list marker."""
    m = _LEADING_MARKER_RE.match(text, s, end)
    return m.end() if m else s


_NON_SPACE_RE = re.compile(r"\S")
_WORD_BEFORE_RE = re.compile(r"[\w.]{1,40}$")


def _is_boundary(text: str, dot: int, stop: int, end: int) -> bool:
    """Whether the punctuation at ``dot..stop`` ends a sentence. Looks only at a few
    characters either side, so long texts of odd punctuation stay linear."""
    first_m = _NON_SPACE_RE.search(text, stop, end)
    if first_m is None:
        return True
    nxt = text[first_m.start() : min(end, first_m.start() + 60)]
    punct = text[dot:stop]
    if punct.startswith("."):
        word_m = _WORD_BEFORE_RE.search(text[max(0, dot - 40) : dot])
        word = word_m.group(0).lower() if word_m else ""
        next_word = re.match(r"[\"'“‘(\[]*(\w+)", nxt)
        nw = next_word.group(1) if next_word else ""
        if word in ABBREVIATIONS:
            return False
        if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):  # U.S, e.g
            return nw.lower() in SENTENCE_STARTERS and nw[:1].isupper()
        if len(word) == 1 and word.isalpha() and text[dot - 1].isupper():  # initials: J. Smith
            return False
        if word.isdigit() and nxt[:1].isdigit():  # 2.5 handled by regex; "No. 2" above
            return False
    first = nxt[0]
    caseless = first.isalpha() and first.lower() == first.upper()  # Arabic, CJK, Hebrew...
    return (
        first.isupper()
        or caseless
        or first.isdigit()
        or first in "\"'“‘«([–—-"
        or not first.isalpha()
    )


def _append_trimmed(out: list[Span], text: str, s: int, e: int) -> None:
    seg = text[s:e]
    stripped = seg.strip()
    if not stripped or not _WORD_RE.search(stripped):
        return
    s += len(seg) - len(seg.lstrip())
    e = s + len(stripped)
    out.append(Span(s, e))


def claim_spans(text: str, sent: Span, in_sequence: bool = False) -> list[Span]:
    """Split one sentence into claim spans at clause joints, never leaving a claim
    shorter than MIN_CLAIM_WORDS words. A list marker opening the sentence is left out;
    ``in_sequence`` says that the paragraphs around carry the markers before or after
    its own (see ``_marker_end``)."""
    s, e = sent.start, sent.end
    s = _marker_end(text, s, e, in_sequence)
    cuts = [s]
    quoted = _Quoted(text, s, e)
    fronted = _fronted_phrase_end(text, s, e)
    if fronted is not None and fronted - 1 not in quoted:
        cuts.append(fronted)
    for m in _JOINT_RE.finditer(text, cuts[-1], e):
        if m.start() in quoted:
            continue
        cut = m.end()
        ahead = text[cut : cut + 60].split()
        participle = m.group().startswith(",") and ahead[0].lower().endswith("ing")
        if participle:
            # "discussing the details", not "pumping stations" in a list
            follows = ahead[1].lower().strip(",;:") if len(ahead) > 1 else ""
            if follows not in _PARTICIPLE_OBJECTS or not _at_least(
                text, cut, e, MIN_PARTICIPLE_WORDS
            ):
                continue
        elif m.group().startswith(",") and not _starts_clause(text, cut, e):
            continue
        at_least = _at_least_cjk if m.group().startswith("；") else _at_least
        if at_least(text, cuts[-1], m.start(), MIN_CLAIM_WORDS) and at_least(
            text, cut, e, MIN_CLAIM_WORDS
        ):
            cuts.append(cut)
    spans = []
    for i, c in enumerate(cuts):
        stop = cuts[i + 1] if i + 1 < len(cuts) else e
        seg = text[c:stop]
        right = seg.rstrip().rstrip(";,；")
        left_trim = len(seg) - len(seg.lstrip())
        spans.append(Span(c + left_trim, c + len(right.rstrip())))
    return [sp for sp in spans if sp.end > sp.start]


def _marker_end(text: str, s: int, e: int, in_sequence: bool) -> int:
    """Where a sentence's words start after its list marker ("3. ", "- ", "II. ", "(b) ").
    One capital and a full stop before a name may be a person's initial instead ("V. Putin
    held talks with…"): it is a marker only in a sequence of them, or before a line that
    is no sentence ("B. Energy security"); before a word that opens no name ("A. The
    sides…") it is always one."""
    marker = _LIST_MARKER_RE.match(text, s, e) or _HEADING_MARK_RE.match(text, s, e)
    if not marker or marker.end() >= e:
        return s
    if in_sequence or not _CAPITAL_MARK_RE.fullmatch(marker.group()):
        return marker.end()
    first = _WORD_RE.match(text, marker.end(), e)
    if first is None or not first.group()[:1].isupper() or first.group().lower() in STOPWORDS:
        return marker.end()
    return marker.end() if _is_heading_like(text, marker.end(), e) else s


#: Past tenses that end in no "-ed", for telling a sentence from a heading
_IRREGULAR_PAST = frozenset(
    """held met spoke told led made took gave sent paid began went came saw kept brought
    thought sought won lost left wrote""".split()
)
MAX_HEADING_WORDS = 10


def _is_heading_like(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` reads as a heading or list entry, not a sentence: no closing
    full stop, few words and no verb ("Energy security", not "Putin held talks")."""
    rest = text[s:e].rstrip("\"'”’)] ")
    if not rest or rest[-1] in ".!?…" or _at_least(text, s, e, MAX_HEADING_WORDS + 1):
        return False
    raw = _WORD_RE.findall(text, s, e)
    return not _has_verb(text, s, e) and not any(w.lower() in _IRREGULAR_PAST for w in raw)


def _section_mark(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The place in a sequence of the capital or roman numeral marking a paragraph ("C. "
    is 3rd letter, "IV. " is 4), as (letter, numeral); 0 where it is no such one."""
    m = _SECTION_MARK_RE.match(text, s, e)
    if not m:
        return None
    mark = m.group(1)
    letter = ord(mark) - ord("A") + 1 if len(mark) == 1 else 0
    return letter, _roman_value(mark)


def _roman_value(mark: str) -> int:
    """The value of a roman numeral ("IV" -> 4), 0 where it is none ("IIX", "VV")."""
    return _ROMAN_VALUES.get(mark, 0)


_ROMAN_UNITS = ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
_ROMAN_VALUES = {"X" * (n // 10) + _ROMAN_UNITS[n % 10]: n for n in range(1, 40)}


def _in_sequence(marks: list[tuple[int, int] | None]) -> list[bool]:
    """Per paragraph, whether its marker follows the nearest marker before it or is
    followed by the nearest after it ("B." between "A." and "C."; "V." after "IV."),
    numbered paragraphs ("1.") between them aside."""

    def follows(first: tuple[int, int] | None, then: tuple[int, int] | None) -> bool:
        return bool(first and then and any(a and b == a + 1 for a, b in zip(first, then)))

    out = [False] * len(marks)
    last: int | None = None  # the paragraph of the nearest marker so far
    for k, mark in enumerate(marks):
        if mark is None:
            continue
        if last is not None and follows(marks[last], mark):
            out[last] = out[k] = True
        last = k
    return out


_SUBJECT_WORDS = frozenset(
    """i we you he she it they this that these those there the a an its their his her our
    both each all neither either some many most""".split()
)
_VERBISH = frozenset(
    """is are was were be been being has have had will would shall should can could may might
    must do does did said says say added noted stressed agreed called urged""".split()
)


def _starts_clause(text: str, s: int, e: int) -> bool:
    """Whether the words after a coordinating conjunction form a clause of their own
    ("and the U.S. side should...", "and resulted in...") rather than the last item
    of a list ("..., military, and law enforcement")."""
    e = min(e, s + _WINDOW)
    stop = re.search(r"[,;:]", text[s:e])
    raw = _WORD_RE.findall(text, s, s + stop.start() if stop else e)
    words = [w.lower() for w in raw]
    if len(words) < MIN_CLAIM_WORDS + 1:
        return False
    first, raw_first = words[1], raw[1]
    subjectish = first in _SUBJECT_WORDS or (raw_first[:1].isupper() and first not in ("i",))
    verbish = any(
        w.lower() in _VERBISH or (len(w) > 4 and w.endswith("ed") and w.islower()) for w in raw[1:]
    )
    starts_verb = first.endswith("ed") or first in _VERBISH
    return verbish and (subjectish or starts_verb)


#: Words that open a fronted phrase ("As a follow-up to the call on 12 May, the ministers
#: agreed..."; "Noting that X, Xi said Y"): a long one states a point of its own.
_FRONTED_OPENERS = frozenset(
    """as following noting after before during despite given having in on at amid with
    while under ahead recalling stressing welcoming citing referring responding""".split()
)
MIN_FRONTED_WORDS = 7


def _fronted_phrase_end(text: str, s: int, e: int) -> int | None:
    """Where the main clause starts after a long introductory phrase, or None."""
    first = _WORD_RE.match(text, s)
    if not first or first.group().lower() not in _FRONTED_OPENERS:
        return None
    comma = text.find(", ", s, min(e, s + _WINDOW))
    if comma < 0 or not _at_least(text, s, comma, MIN_FRONTED_WORDS):
        return None
    rest = comma + 2
    if not _at_least(text, rest, e, MIN_CLAIM_WORDS) or not _has_verb(text, rest, e):
        return None
    return rest


def _has_verb(text: str, s: int, e: int) -> bool:
    raw = _WORD_RE.findall(text, s, min(e, s + _WINDOW))[:10]
    return any(
        w.lower() in _VERBISH or (len(w) > 4 and w.endswith("ed") and w.islower()) for w in raw
    )


#: how far the clause tests look ahead (characters): enough for any real clause, and it
#: keeps a pathological one-sentence megabyte linear
_WINDOW = 400


def _at_least(text: str, s: int, e: int, n: int) -> bool:
    """Whether ``text[s:e]`` has ``n`` words or more (stops counting at ``n``)."""
    return sum(1 for _ in islice(_WORD_RE.finditer(text, s, e), n)) >= n


def _at_least_cjk(text: str, s: int, e: int, n: int) -> bool:
    """Whether ``text[s:e]`` has ``n`` words or more, two Chinese or Japanese characters
    counting as one (they have no spaces between words)."""
    piece = text[s:e]
    runs = SPACELESS_RUN.findall(piece)
    return len(_WORD_RE.findall(SPACELESS_RUN.sub(" ", piece))) + sum(map(len, runs)) // 2 >= n


class _Quoted:
    """The stretches of a sentence inside quotation marks (splitting a quote apart reads
    badly), as sorted intervals: cheap even for a sentence a megabyte long."""

    def __init__(self, text: str, s: int, e: int) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        depth, straight_open = 0, False
        for m in _QUOTE_RE.finditer(text, s, e):
            ch, i = m.group(), m.start()
            before = depth
            if ch in "“«":
                depth += 1
            elif ch in "”»":
                depth = max(0, depth - 1)
            else:
                straight_open = not straight_open
                depth = max(0, depth + (1 if straight_open else -1))
            if before == 0 and depth > 0:
                self.starts.append(i)
            elif before > 0 and depth == 0:
                self.ends.append(i)
        if len(self.ends) < len(self.starts):
            self.ends.append(e)

    def __contains__(self, pos: int) -> bool:
        k = bisect.bisect_right(self.starts, pos) - 1
        return k >= 0 and pos < self.ends[k]


_QUOTE_RE = re.compile(r"[“«”»\"]")


def segment(doc: Document, side: Side) -> list[Claim]:
    """All claims of a document, in reading order, with ids ``a0``, ``a1``... ."""
    claims: list[Claim] = []
    sent_no = 0
    blocks = doc.blocks or ()
    in_sequence = _in_sequence([_section_mark(doc.text, b.start, b.end) for b in blocks])
    for k, block in enumerate(blocks):
        if block.kind is BlockKind.HEADING:
            continue  # headings are structure (topics), not claims
        sents = sentences(doc.text, block.start, block.end)
        for n, sent in enumerate(sents):
            for sp in claim_spans(doc.text, sent, in_sequence[k] and n == 0):
                cid = f"{side.value}{len(claims)}"
                claims.append(
                    Claim(
                        cid, side, sp.start, sp.end, doc.text[sp.start : sp.end], sentence=sent_no
                    )
                )
            sent_no += 1
    return claims
