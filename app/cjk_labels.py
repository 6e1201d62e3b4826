"""Label candidates in Chinese, Japanese and Korean: runs of characters that start or end
where a word does, and Korean nouns without their particles (app/labels.py picks one)."""

from __future__ import annotations

import re

from app.cjk import (
    CJK_FRAME,
    KOREAN_STOPS,
    KOREAN_WEAK,
    SPACELESS_RUN,
    grammatical,
    has_cjk,
    is_hangul,
)
from app.figures import figure_spans
from app.label_phrases import Phrase
from app.text import stem

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


def cjk_candidates(text: str, people: frozenset[str]) -> list[Phrase]:
    """Label candidates in Chinese and Japanese: runs of two to six characters with no
    grammatical character, figure or word of a readout's frame at either end ("经贸磋商",
    "国境検問所"); which of the overlapping runs names the topic is settled by how often each
    is used (see ``labels._dominated``). In Korean: nouns without their particles ("협정을":
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
