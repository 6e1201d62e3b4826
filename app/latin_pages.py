"""Central European (Windows-1250) and Turkish (Windows-1254) in a file that declares no
charset: they share most bytes with Windows-1252, so they are taken only when the accented
letters of the Latin words are one of their languages' alphabets where it writes them,
clearly not a Western language's, and the text is written in that language
(app/code_pages.py asks)."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from typing import NamedTuple

_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 3  # Latin words (two letters or more, with a vowel) to go on


class _Alphabet(NamedTuple):
    """The accented letters a language writes, where it never writes them, its commonest
    words (those that no Western language writes too), and whether its words follow
    Turkish vowel harmony (see ``_harmonic``)."""

    letters: frozenset[str]
    misplaced: re.Pattern[str]
    words: frozenset[str]
    harmony: bool = False


def _alphabet(
    letters: str, misplaced: str = "(?!)", words: str = "", *, harmony: bool = False
) -> _Alphabet:
    both = {ch for ch in letters + letters.upper() if ch > "\x7f"}  # "ı".upper() is "I"
    return _Alphabet(frozenset(both), re.compile(misplaced), frozenset(words.split()), harmony)


_LETTER = r"[^\W\d_]"
_BEFORE_VOWEL = "(?=[aeiouyąęóáéíAEIOUYĄĘÓÁÉÍ])"
#: Letters of a Windows-1252 reading where no Western language writes them: "æ" ending a
#: word ("veæ", Croatian "već"), "ð" starting one ("Ðakovo"), "ñ" before no vowel ("koñ",
#: Polish "koń"), "õ" ending a word ("jövõ", Hungarian "jövő"; Portuguese has "ões",
#: Estonian "võõras" inside words), "ã" before a letter but "o", "e", "s", "i"
#: ("sãptãmânã", Romanian "săptămână"), "ý" ending a word of four letters or more
#: ("Bakaný", Turkish "Bakanı").
_WESTERN_MISPLACED = (
    rf"æ(?!{_LETTER})|(?<!{_LETTER})[ðÐ]|ñ(?![aeiouáéíóúAEIOU])|(?<={_LETTER})õ(?!{_LETTER})"
    rf"|ã(?=[^\W\d_oesiOESI])|(?<={_LETTER}{{3}})ý(?!{_LETTER})"
)
#: The languages of Windows-1250 and 1254, and those whose 1252 reading is weighed
#: against them. Polish writes "ni", "ci", "si", "zi" before a vowel, never "ń", "ć", "ś",
#: "ź" (Spanish "año" read in 1250 is "ańo"); Czech and Slovak write "ně", "ti", "di"
#: before "e" and "i", never "ň", "ť", "ď", "ľ"; Czech "ů" follows no vowel ("oů", French
#: "où").
_CENTRAL = [
    _alphabet(  # Polish
        "ąćęłńóśźż",
        rf"[ćńśźĆŃŚŹ]{_BEFORE_VOWEL}",
        "się że jak ale już oraz który która które są jego dla przez także może był była "
        "było został podczas od po za ze jest też tylko przed jako jednak będzie tym tego",
    ),
    _alphabet(  # Czech
        "áčďéěíňóřšťúůýž",
        "[ňťďŇŤĎ](?=[eiíěEIÍĚ])|(?<=[aeiouyáéíóúýě])ů",
        "že ve jako který která které také jsou byl byla bylo už podle při mezi nebo jeho "
        "jejich před když však tento tato této pro po od za ze ke ani až jen aby své svým "
        "bude proti během",
    ),
    _alphabet(  # Slovak
        "áäčďéíĺľňóôŕšťúýž",
        "[ňťďľŇŤĎĽ](?=[eiíEIÍ])",
        "že vo pre ako ktorý ktorá ktoré tiež sú bol bola bolo už podľa pri medzi alebo "
        "jeho však keď po od za zo ani len aby svoj bude proti počas",
    ),
    _alphabet(  # Hungarian
        "áéíóöőúüű",
        words="az és hogy egy meg már volt mint csak ezt azt után között szerint pedig "
        "amely amelyek lesz ki fel sem még kell lehet ezért akkor",
    ),
    _alphabet(  # Croatian, Bosnian, Serbian in Latin letters, Slovenian
        "čćđšž",
        words="iz ali što koji koja koje kao će nakon prema također između bio bila za od "
        "ili nije jer još samo sve smo ih ga mu čak",
    ),
    _alphabet(  # Romanian
        "ăâîşţ",
        words="şi în cu că este să pentru fost sunt acest această după fiind lui pe iar fi "
        "avea spus",
    ),
]
_TURKISH = [  # "İ".lower() is two characters
    _alphabet(
        "çğıöşüâîûİ",
        words="ve bir için ile olarak daha çok gibi ki ise kadar sonra değil olan",
        harmony=True,
    )
]
_WESTERN = [
    _alphabet(letters, _WESTERN_MISPLACED)  # (their words are not needed)
    for letters in (
        "àâçéèêëîïôœùûüÿ",  # French ("æ" only in Latin words: "curriculum vitæ")
        "äöüßé",  # German
        "áéíñóúü",  # Spanish, Galician, Basque
        "áâãàçéêíóôõúü",  # Portuguese
        "àèéìíîòóùú",  # Italian
        "àçèéíïòóúü",  # Catalan
        "áéèëïóöü",  # Dutch
        "åæøéá",  # Danish, Norwegian
        "åäöé",  # Swedish
        "äöåšž",  # Finnish
        "äöõüšž",  # Estonian
        "áæðéíóöúýþ",  # Icelandic
        "áæðíóøúý",  # Faroese
        "áéíóú",  # Irish
        "àèìòùé",  # Scottish Gaelic
        "áéèêëíïóôöúû",  # Afrikaans
        "àèòé",  # Haitian Creole
    )
]
#: The bytes Windows-1250 or 1254 read otherwise than Windows-1252.
_LATIN_BYTES = re.compile(
    b"[%s]"
    % b"".join(
        re.escape(bytes([b]))
        for b in range(0x80, 0x100)
        if len({bytes([b]).decode(cp, "replace") for cp in ("cp1250", "cp1252", "cp1254")}) > 1
    )
)
#: How many letters must differ from a Windows-1252 reading: a name or two is no text.
_MIN_DIFFERING = 3
#: The share of words with an accented letter in text written in the language (a fifth
#: or more in each of them) rather than an English text naming a few people.
_MIN_DENSITY = 0.12
#: The share of its commonest words ("że", "hogy", "şi", "için") in text written in the
#: language (a tenth or more of real text; none of them is a Western word).
_MIN_SPOKEN = 0.03
#: Turkish without its commonest words ("ve", "için"): the different words with a dotless
#: "ı" and the share of them with a back vowel after it, if any (see ``_harmonic``).
_MIN_HARMONIC = 4
_HARMONIC_SHARE = 0.8
_FRONT_AFTER_DOTLESS = re.compile("ı[^aeıioöuü]*[eiöü]")


def _decoded(sample: bytes, encoding: str) -> str | None:
    try:
        return sample.decode(encoding)
    except UnicodeDecodeError:
        return None


def central_or_turkish(sample: bytes) -> str | None:
    """Windows-1250 or 1254 when ``sample`` (its markup left out) clearly reads in it and
    not in Windows-1252 (see ``_latin``); else None."""
    if not _LATIN_BYTES.search(sample):
        return None  # 1250 and 1254 read it as 1252 does
    return _latin(sample)


def _latin(sample: bytes) -> str | None:
    """Windows-1250 or Windows-1254 when its reading of the accented letters in Latin words
    is one of its languages' alphabets and clearly better than the Windows-1252 reading
    (see ``_latin_share``); of the two, the better reading."""
    western = sample.decode("cp1252", "replace")
    best, best_share = None, 0.0
    for encoding, alphabets in (("cp1250", _CENTRAL), ("cp1254", _TURKISH)):
        text = _decoded(sample, encoding)
        share = _latin_share(text, western, alphabets) if text else 0.0
        if share > best_share:
            best, best_share = encoding, share
    return best


def _latin_share(text: str, western: str, alphabets: list[_Alphabet]) -> float:
    """How well ``text`` reads in one of the ``alphabets``: the share of the accented
    letters of its Latin words (two letters or more, with a vowel: "m³" and "Nº" are none)
    that the best of them holds where it writes them, if that is nearly all of them, clearly
    more than the best Western language holds of the ``western`` reading of the same bytes,
    and the evidence clear: two letters that are no letters at all in 1252, inside a word
    ("Wa³êsa"), a byte that is none in 1252 ("pøíle\ufffditost"), or three letters that
    differ from 1252's in a text written in the language (an eighth of its words
    accented, three words or more with such letters, half of them in lower case:
    not the names of an English text, and some of the language's commonest words), two of
    them different, two out of place in 1252 or five in all. Else 0."""
    accented: list[int] = []  # where the accented letters of Latin words stand
    inside: set[int] = set()  # of those, the ones with a letter on either side
    words = with_accent = 0
    differing_words: list[str] = []  # the words that read otherwise in 1252
    every_word: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        word = m.group()
        every_word[word.lower()] += 1
        if len(word) < 2 or not any(map(_is_vowel, word)) or not all(map(_is_latin, word)):
            continue
        words += 1
        here = [m.start() + i for i, ch in enumerate(word) if ch > "\x7f"]
        with_accent += bool(here)
        accented += here
        inside.update(i for i in here if m.start() < i < m.end() - 1)
        if any(text[i] != western[i] for i in here):
            differing_words.append(word)
    differing = [i for i in accented if text[i] != western[i]]
    if not differing or words < _MIN_WORDS:
        return 0.0
    shares = _shares(text, accented, alphabets)
    share = max(shares)
    if share < 0.95 or max(_shares(western, accented, _WESTERN)) > share - 0.1:
        return 0.0
    spoken = any(  # the commonest words of a language whose alphabet it is, or its grammar
        this >= 0.95
        and (
            sum(every_word[w] for w in alphabet.words) >= _MIN_SPOKEN * words
            or (alphabet.harmony and _harmonic(every_word))
        )
        for this, alphabet in zip(shares, alphabets, strict=True)
    )
    no_letters = sum(not western[i].isalpha() for i in differing if i in inside)
    misplaced = {m.start() for m in _WESTERN[0].misplaced.finditer(western)}
    written = (
        len(differing) >= _MIN_DIFFERING
        and with_accent >= _MIN_DENSITY * words
        and len({w.lower() for w in differing_words}) >= _MIN_DIFFERING  # not one repeated
        and sum(w[0].islower() for w in differing_words) >= 0.5 * len(differing_words)
        and spoken
        and (
            len({text[i] for i in differing}) >= 2
            or len(misplaced.intersection(differing)) >= 2
            or len(differing) >= 5
        )
    )
    # a byte that is nothing in 1252: the file is not in it, if this reads as words
    impossible = len(differing) >= 2 and "\ufffd" in western
    return share if no_letters >= 2 or written or impossible else 0.0


def _harmonic(words: Counter[str]) -> bool:
    """Whether the (lower-case) ``words`` are Turkish by their grammar rather than by a word
    list: Turkish suffixes follow the vowel before them, so the vowel after a dotless "ı"
    is a back one ("açılacağını", "limanının", "meslektaşıyla", "açılabilir"; a few
    suffixes never change: "yarınki"), and the letter stands in many different words (case
    endings, "-lık", "-dı", "-ın"). Icelandic read in Windows-1254 has "ı" for "ý" before
    front and back vowels alike ("lýsti", "nýja": "lısti", "nıja")."""
    dotless = [w for w in words if "ı" in w]
    harmonic = [w for w in dotless if not _FRONT_AFTER_DOTLESS.search(w)]
    return len(harmonic) >= _MIN_HARMONIC and len(harmonic) >= _HARMONIC_SHARE * len(dotless)


def _shares(text: str, where: list[int], alphabets: list[_Alphabet]) -> list[float]:
    """The share of the letters of ``text`` at ``where`` that each alphabet holds where its
    language writes them."""
    out = []
    wrong: dict[re.Pattern[str], set[int]] = {}  # the Western languages share one pattern
    for letters, misplaced, *_ in alphabets:
        if misplaced not in wrong:
            wrong[misplaced] = {m.start() for m in misplaced.finditer(text)}
        held = sum(text[i] in letters and i not in wrong[misplaced] for i in where)
        out.append(held / len(where))
    return out


@cache
def _is_latin(ch: str) -> bool:
    """Whether ``ch`` is ASCII or a letter of the Latin script ("ł", not "ι" or "³")."""
    return ch < "\x80" or unicodedata.name(ch, "").startswith("LATIN")


@cache
def _is_vowel(ch: str) -> bool:
    """Whether ``ch`` is a vowel, accented or not ("ó", "ą"; not "ł" or "ş")."""
    return unicodedata.normalize("NFD", ch)[0] in "aeiouyAEIOUY"
