"""Chinese, Japanese and Korean: what the word-based code needs to read them.

Chinese and Japanese leave no space between words, so a whole clause would be one "word".
With no dictionary, their Han and kana are compared by overlapping pairs of characters
(the usual way of indexing such text for retrieval: "停火延长" holds "停火", "火延", "延长"),
and a character of one account counts as found in the other when a pair it stands in is
found there. What one account alone says is then a short run of characters found in the
other in no pair ("无条件"), not the whole sentence.

Korean spaces its words but attaches particles and endings to them ("협정을", "협정이"):
its words are stemmed to their first two syllables (``app.text.stem``), which meets most
Sino-Korean nouns and verb stems halfway ("합의했다", "합의하고").

Grammatical characters (Japanese hiragana, Chinese particles and the commonest
prepositions and conjunctions) carry no point of their own: they never open or end a
phrase and do not count towards what one side lacks, though a phrase runs on across them.
"""

from __future__ import annotations

import re

_HAN = "\u3005\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HIRAGANA = "\u3041-\u309f"
#: katakana without its middle dot ("・" parts a foreign name: "ドナルド・トランプ")
_KATAKANA = "\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f"
_HANGUL = "\uac00-\ud7a3"
#: the characters of scripts written without spaces between words, as a class body
SPACELESS = _HAN + _HIRAGANA + _KATAKANA
#: ... and with Hangul: the characters of Chinese, Japanese and Korean
CJK = SPACELESS + _HANGUL
SPACELESS_RUN = re.compile(f"([{SPACELESS}]+)")  # a group: ``split`` keeps the runs
_SPACELESS_CHAR = re.compile(f"[{SPACELESS}]")
_CJK_CHAR = re.compile(f"[{CJK}]")
#: full-width punctuation, which ends a phrase as "," and "." do
PUNCTUATION = "。、，；：！？「」『』（）《》〈〉【】〔〕［］｛｝…‥・"

#: Chinese particles, prepositions and conjunctions: "的", "了", "和", "在", "将" ...
_ZH_GRAMMAR = frozenset("的了着吗呢吧和与及并在于就将把被也还都又而或等")
#: words that open or end with one of them: "和平" is peace, "参与" taking part
_ZH_WORDS = frozenset(
    """和平 和谈 和解 了解 着力 着眼 及时 就业 将来 将军 把握 在场 被告 与会 都市 等待 而今
    参与 缓和 温和 调和 共和 涉及 普及 合并 吞并 首都 平等 对等 同等 成就 存在 现在 所在
    正在 实在 内在 潜在 外在 自在 旨在""".split()
)

#: Chinese and Japanese words that say little of a point, like "side", "two", "minister"
#: in English: they count for neither side, though a phrase may run across them
CJK_WEAK = frozenset(
    """双方 两国 兩國 両国 両者 两 兩 両 部长 部長 外长 外長 大臣 外相 首相 总理 總理 总统 總統
    主席 大統領 长官 長官 外交部长 外交部長 外務大臣 国务卿 國務卿 国務長官""".split()
)
_CJK_WEAK_RE = re.compile("|".join(sorted(CJK_WEAK, key=len, reverse=True)))

#: Chinese and Japanese words of a readout's frame (speaking, agreeing, meeting), which
#: open and end no topic label, as English verbs do not
CJK_FRAME = CJK_WEAK | frozenset(
    """表示 指出 强调 強調 认为 認為 称 说 說 同意 一致 确认 確認 讨论 討論 通电话 通電話 电话
    電話 通话 通話 会谈 會談 会談 会见 會見 举行 舉行 开催 開催 进行 進行 交换 交換 意见 意見
    看法 述べ 欢迎 歡迎 歓迎 希望 愿意 願意 愿同 愿 願 保持 继续 繼續 続け 加强 加強 强化 強化
    推动 推動 促进 促進 应约 應約 重申 介绍 介紹 双方 問題 问题 方面 有关 有關 相关 相關
    必须 必須 还 還 也 都 已 将 將 行っ 行わ 表明 電話会談""".split()
)

#: Korean words with no point of their own, by their stem (first two syllables):
#: "대해" (about), "위해" (for), "함께" (together), "밝혔다" (stated), "말했다" (said)
KOREAN_STOPS = frozenset(
    """대해 관해 위해 통해 대한 관한 위한 따라 함께 동안 했다 한다 했으 하고 하며 하기 하는
    있다 있는 있으 없다 밝혔 말했 전했 이라 라고 그리 또한 이번 지난 오는 등을 등의""".split()
)
#: Korean words that say little about the point, like "side", "two": "양측", "양국"
KOREAN_WEAK = frozenset("양측 양국 양자 쌍방 장관 대통 총리".split())


def has_cjk(text: str) -> bool:
    """Whether ``text`` has Chinese, Japanese or Korean characters."""
    return not text.isascii() and _CJK_CHAR.search(text) is not None


def has_spaceless(text: str) -> bool:
    """Whether ``text`` has Han or kana, written without spaces between words."""
    return not text.isascii() and _SPACELESS_CHAR.search(text) is not None


def is_hangul(word: str) -> bool:
    """Whether ``word`` is Korean (opens with a Hangul syllable)."""
    return bool(word) and "\uac00" <= word[0] <= "\ud7a3"


def is_spaceless(ch: str) -> bool:
    return _SPACELESS_CHAR.match(ch) is not None


def grammatical(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a grammatical character: hiragana, or a Chinese particle,
    preposition or conjunction that is not part of a word with its neighbour ("和" in
    "关系和地区", not in "和平")."""
    ch = text[i]
    if "\u3041" <= ch <= "\u309f":
        return True
    if ch not in _ZH_GRAMMAR:
        return False
    return text[i : i + 2] not in _ZH_WORDS and text[max(0, i - 1) : i + 1] not in _ZH_WORDS


def weak_chars(text: str) -> set[int]:
    """The offsets of the characters of ``CJK_WEAK`` words in ``text``."""
    return {i for m in _CJK_WEAK_RE.finditer(text) for i in range(*m.span())}


def pairs(run: str) -> list[str]:
    """The overlapping pairs of characters of a run of Han and kana (a lone character is
    its own term); pairs of grammatical characters alone ("した", "的了") are left out."""
    if len(run) == 1:
        return [] if grammatical(run, 0) else [run]
    return [
        run[i : i + 2]
        for i in range(len(run) - 1)
        if not (grammatical(run, i) and grammatical(run, i + 1))
    ]


def pair_set(text: str) -> frozenset[str]:
    """Every pair of neighbouring Han or kana characters in ``text``, and every such
    character alone: what another account's characters are looked up in."""
    out: set[str] = set()
    for m in SPACELESS_RUN.finditer(text):
        run = m.group(0)
        out.update(run)
        out.update(run[i : i + 2] for i in range(len(run) - 1))
    return frozenset(out)


def found_chars(text: str, theirs: frozenset[str]) -> set[int]:
    """The offsets of the Han and kana characters in ``text`` that stand in a pair found in
    ``theirs`` (see ``pair_set``); a character standing alone is found if it is there at all."""
    out: set[int] = set()
    for m in SPACELESS_RUN.finditer(text):
        start, run = m.start(), m.group(0)
        if len(run) == 1:
            if run in theirs:
                out.add(start)
            continue
        for i in range(len(run) - 1):
            if run[i : i + 2] in theirs:
                out.update((start + i, start + i + 1))
    return out


# -- people ---------------------------------------------------------------------------------

#: titles written before a Chinese name ("外交部长林启明") and after a Japanese one ("林外務大臣",
#: "陳大臣") or a Korean one ("임 외교장관")
_ZH_TITLES = (
    "部长|部長|外长|外長|总统|總統|主席|总理|總理|首相|大使|发言人|發言人|国务卿|國務卿"
    "|秘书长|秘書長"
)
_JA_TITLES = "外務大臣|大臣|外相|首相|総理大臣|総理|大統領|国務長官|長官|大使|報道官"
_KO_TITLES = "외교장관|외무장관|장관|대통령|총리|대사|대변인"
#: a name's end: a particle, punctuation, a figure, or a word of the frame ("表示", "通电话")
_FRAME_ALT = "|".join(sorted(CJK_FRAME - CJK_WEAK, key=len, reverse=True))
_ZH_NAME_RE = re.compile(
    rf"(?:{_ZH_TITLES})(?P<after>[{_HAN}]{{2,3}}?)(?=(?:{_FRAME_ALT})|[^{_HAN}]|[的了和与及并在于就将也还]|$)"
    rf"|(?:^|(?<=[{PUNCTUATION}\s]))(?P<speaker>[{_HAN}]{{2,3}}?)(?=表示|指出|强调|強調|说|說|称|稱|认为|重申|介绍)"
)
_JA_NAME_RE = re.compile(
    rf"(?:^|(?<=[{_HIRAGANA}{PUNCTUATION}\s]))(?P<before>[{_HAN}]{{1,4}}?|[{_KATAKANA}]{{2,10}})(?={_JA_TITLES})"
)
_KO_NAME_RE = re.compile(rf"(?:^|(?<=\s))(?P<before>[{_HANGUL}]{{1,3}})\s(?={_KO_TITLES})")
#: no person: a side, a country, a ministry ("中方", "两国", "外交部"), both or each ("양", "각")
_NOT_NAMES = re.compile(r"[方国國部府省院会會]$|^[양각두]$")


def cjk_names(texts: list[str]) -> frozenset[str]:
    """People named in Chinese, Japanese or Korean: after a Chinese title ("外交部长林启明")
    or before a speech verb at a clause's start ("林启明表示"), before a Japanese or Korean
    title ("林外務大臣", "임 외교장관"); never a side, a country or a ministry ("中方表示")."""
    names: set[str] = set()
    for text in texts:
        if not has_cjk(text):
            continue
        for regex in (_ZH_NAME_RE, _JA_NAME_RE, _KO_NAME_RE):
            for m in regex.finditer(text):
                name = next(g for g in m.groups() if g)
                if name not in CJK_WEAK and not _NOT_NAMES.search(name):
                    names.add(name)
    return frozenset(names)


def name_at(text: str, name: str) -> int:
    """Where a person found by ``cjk_names`` is named in ``text``, or -1: a Korean name as
    a word of its own ("진", not the "진" of "진행"), a one-character Japanese name before a
    title ("林大臣"; not the "林" of "森林")."""
    if is_hangul(name):
        m = re.search(rf"(?<![{_HANGUL}]){re.escape(name)}(?![{_HANGUL}])", text)
    elif len(name) == 1:
        m = re.search(rf"{re.escape(name)}(?={_JA_TITLES})", text)
    else:
        return text.find(name)
    return m.start() if m else -1
