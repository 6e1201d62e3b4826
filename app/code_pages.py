"""Which single-byte code page a file is in when it is not UTF-8 and declares nothing:
Windows-1252 unless its bytes are clearly text in another one.

Every byte decodes in Windows-1252, so only what the text would look like tells the pages
apart. Cyrillic, Greek, Hebrew and Arabic put nearly all of their letters on the high
bytes, where a Western reading has accented Latin letters: text in them read as 1252 is
words made of nothing but accented letters ("Ïðåçèäåíò"), which no Western language
writes; of these pages Windows-1251 is taken (as before), unless Greek, Hebrew or Arabic
is clear from how their letters stand in words. Central European (Windows-1250) and
Turkish (Windows-1254) text shares most of its bytes with Western text: they are taken
when their own letters (ł, ř, ő, ş, ı…) stand inside Latin words, the accented letters
of the text are those of one of their languages and read as 1252 those of no Western
one, and the text is written in that language (its commonest words, not a few names).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache
from itertools import pairwise
from typing import NamedTuple

#: How much of a file the guess looks at: dozens of pages, read in a moment.
_SAMPLE = 65536
_MARKUP = re.compile(rb"<[^>]*>")  # markup is ASCII whatever the text


def guess(data: bytes) -> str:
    """The code page of ``data``: Windows-1252, or another one its start clearly reads in."""
    sample = _MARKUP.sub(b" ", data[:_SAMPLE])
    if len(_HIGH_RUN.findall(sample)) >= _MIN_WORDS:  # else no words of another script
        other = _arabic(sample) or _greek(sample) or _hebrew(sample)
        if other:
            return other
    if _looks_cyrillic(sample):
        return "cp1251"
    if _LATIN_BYTES.search(sample):  # else 1250 and 1254 read it as 1252 does
        return _latin(sample) or "cp1252"
    return "cp1252"


_CP1251_LETTER = re.compile(rb"[\xc0-\xff\xa8\xb8]")
_CP1251_OTHER = re.compile(rb"[\x80-\xa7\xa9-\xb7\xb9-\xbf]")  # punctuation, rarer
_ASCII_LETTER = re.compile(rb"[A-Za-z]")


def _looks_cyrillic(sample: bytes) -> bool:
    """Whether a Windows-1252 reading would be Cyrillic mojibake: most letters in the
    range where Windows-1251 keeps А–я (À–ÿ in 1252), few ASCII letters, and few other
    high bytes. Western text in Windows-1252 has a few accented letters among many plain
    ones; Chinese or Japanese double-byte text has its bytes all over 0x81–0xFE."""
    high = len(_CP1251_LETTER.findall(sample))
    ascii_letters = len(_ASCII_LETTER.findall(sample))
    return high >= 8 and high > 2 * ascii_letters and high > 4 * len(_CP1251_OTHER.findall(sample))


# -- Greek, Hebrew, Arabic -----------------------------------------------------------------
# Each is taken only from words made of its own letters alone (at least three of them and
# eight letters; Western text read so has one such letter among Latin ones, "cafι"), and
# only when those words are written as that language writes them. Cyrillic read in these
# pages gives words of their letters too, but not so written: Russian "т" is Greek's
# final sigma and stands mid-word, its "к", "н", "п" are Hebrew's final letters, and no
# Russian text gives the Arabic article "ال".

_WORD = re.compile(r"[^\W\d_]+")
_HIGH_RUN = re.compile(rb"[\x80-\xff]{2,}")
_MIN_LETTERS = 8
_MIN_WORDS = 3
#: at most this share of the words holding a script's letters may mix in other letters
_MAX_MIXED = 0.1


def _script_reading(
    sample: bytes, encoding: str, first: str, last: str
) -> tuple[str, list[str]] | None:
    """``sample`` decoded, and its words in the script of ``first``..``last`` (see
    ``_script_words``); None if it does not decode or they are not enough."""
    text = _decoded(sample, encoding)
    words = _script_words(text, first, last) if text is not None else None
    return None if text is None or words is None else (text, words)


def _script_words(text: str, first: str, last: str) -> list[str] | None:
    """The words of ``text`` made of letters in ``first``..``last`` alone, once they are
    enough and hardly any word mixes those letters with others; else None."""
    pure: list[str] = []
    mixed = 0
    for word in _WORD.findall(_JOINED.sub("", text)):
        inside = sum(first <= ch <= last for ch in word)
        if inside == len(word):
            pure.append(word)
        elif inside:
            mixed += 1
    if len(pure) < _MIN_WORDS or sum(map(len, pure)) < _MIN_LETTERS:
        return None
    return pure if mixed <= _MAX_MIXED * len(pure) else None


#: the combining marks these code pages hold: Hebrew points, Arabic vowels
_MARKS = "\u0591-\u05c7\u064b-\u065f\u0670"
#: what cuts no word in two: marks, and the left-to-right and right-to-left marks (which
#: Russian "э" and "ю" are in Windows-1255)
_JOINED = re.compile(f"[{_MARKS}\u200e\u200f]")
#: a mark after no letter (nor another mark)
_ORPHAN_MARK = re.compile(rf"(?<![^\W\d_])(?<![{_MARKS}])[{_MARKS}]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _decoded(sample: bytes, encoding: str) -> str | None:
    try:
        return sample.decode(encoding)
    except UnicodeDecodeError:
        return None


_GREEK_ACCENTED = "άέήίόύώΆΈΉΊΌΎΏ"


def _greek(sample: bytes) -> str | None:
    """Windows-1253 or ISO-8859-7 when the text is Greek: every final sigma (ς) at the end
    of a word and a medial one (σ) seldom there, most words of four letters or more with
    their accent, and the rare "ΰ" and "ΐ" rare. Of the two pages, the one whose reading
    has more Greek letters and fewer control characters (ISO-8859-7 has none of 1253's
    quotes and dashes, and its "Ά" is 1253's "¶")."""
    best, score = None, 0
    for encoding in ("cp1253", "iso8859_7"):
        read = _script_reading(sample, encoding, "\u0386", "\u03ce")
        if read is None or not _written_greek(read[1]):
            continue
        text, words = read
        this = sum(map(len, words)) - 10 * len(_CONTROL.findall(text))
        if best is None or this > score:
            best, score = encoding, this
    return best


def _written_greek(words: list[str]) -> bool:
    """Whether Greek ``words`` are written as Greek is (see ``_greek``)."""
    letters = "".join(words).lower()
    finals = letters.count("ς")
    if sum(w.endswith("ς") for w in words) < 0.9 * finals:
        return False  # a final sigma inside a word
    if sum(w.lower().endswith("σ") for w in words) > 0.1 * letters.count("σ"):
        return False
    if letters.count("ΰ") + letters.count("ΐ") > 0.02 * len(letters):
        return False
    if sum(_camel(w) for w in words) > 0.1 * len(words):
        return False  # capitals inside words: another script's letters
    long_words = {w for w in words if len(w) >= 4 and not w.isupper()}
    accented = sum(any(ch in _GREEK_ACCENTED for ch in w) for w in long_words)
    return finals > 0 and accented >= 0.6 * len(long_words)


def _camel(word: str) -> bool:
    """Whether ``word`` has a capital after a small letter ("αΗε")."""
    return any(a.islower() and b.isupper() for a, b in pairwise(word))


_HEBREW_FINALS = "ךםןףץ"
_HEBREW_MEDIALS = "כמנפצ"


def _hebrew(sample: bytes) -> str | None:
    """Windows-1255 when the text is Hebrew: its final letters (ך ם ן ף ץ) end the words
    they stand in, and their other forms (כ מ נ פ צ) seldom do."""
    read = _script_reading(sample, "cp1255", "\u05d0", "\u05ea")
    if read is None:
        return None
    text, words = read
    if len(_ORPHAN_MARK.findall(text)) > 0.05 * len(words):
        return None  # points with no letter before them: Arabic "ا" is one in 1255
    finals = sum(w.count(ch) for w in words for ch in _HEBREW_FINALS)
    finals_at_end = sum(w[-1] in _HEBREW_FINALS for w in words)
    medials_at_end = sum(w[-1] in _HEBREW_MEDIALS for w in words)
    if finals == 0 or finals_at_end < 0.9 * finals:
        return None
    return "cp1255" if medials_at_end <= 0.1 * finals_at_end else None


def _arabic(sample: bytes) -> str | None:
    """Windows-1256 when the text is Arabic (or Persian, Urdu): words of Arabic letters
    alone, with "ل" among them and the article "ال" opening some."""
    read = _script_reading(sample, "cp1256", "\u0621", "\u06d3")
    if read is None:
        return None
    words = read[1]
    letters = sum(map(len, words))
    lam = sum(w.count("ل") for w in words)
    article = sum(w.startswith("ال") for w in words)
    return "cp1256" if lam >= 0.03 * letters and article >= 0.05 * len(words) else None


# -- Central European and Turkish --------------------------------------------------------


class _Alphabet(NamedTuple):
    """The accented letters a language writes, where it never writes them, and its
    commonest words (those that no Western language writes too)."""

    letters: frozenset[str]
    misplaced: re.Pattern[str]
    words: frozenset[str]


def _alphabet(letters: str, misplaced: str = "(?!)", words: str = "") -> _Alphabet:
    both = {ch for ch in letters + letters.upper() if ch > "\x7f"}  # "ı".upper() is "I"
    return _Alphabet(frozenset(both), re.compile(misplaced), frozenset(words.split()))


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
    spoken = any(  # the commonest words of a language whose alphabet it is
        this >= 0.95 and sum(every_word[w] for w in alphabet.words) >= _MIN_SPOKEN * words
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


def _shares(text: str, where: list[int], alphabets: list[_Alphabet]) -> list[float]:
    """The share of the letters of ``text`` at ``where`` that each alphabet holds where its
    language writes them."""
    out = []
    wrong: dict[re.Pattern[str], set[int]] = {}  # the Western languages share one pattern
    for letters, misplaced, _ in alphabets:
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
