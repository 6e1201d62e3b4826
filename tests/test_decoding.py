"""The single-byte code page of a file that declares none (app/code_pages.py), short UTF-16
without a byte-order mark, and the encoding a user chooses (app/decoding.py)."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.decoding import ENCODING_CHOICES, DecodeError, encoding_name, read_text
from app.documents import DocumentError, decode, read_path

# -- other single-byte code pages ----------------------------------------------------------

GREEK = (
    "Ο υπουργός Εξωτερικών είχε τηλεφωνική επικοινωνία με τον ομόλογό του. Οι δύο πλευρές "
    "συμφώνησαν να ανοίξουν ξανά το συνοριακό πέρασμα για το εμπόριο."
)
HEBREW = (
    "שר החוץ שוחח בטלפון עם עמיתו. שני הצדדים הסכימו לפתוח מחדש את מעבר הגבול למסחר "
    "ולקיים פגישה נוספת בחודש הבא."
)
ARABIC = (
    "أجرى وزير الخارجية اتصالا هاتفيا مع نظيره. واتفق الجانبان على إعادة فتح المعبر الحدودي "
    "أمام التجارة وعقد اجتماع آخر الشهر المقبل."
)
TURKISH = (
    "Dışişleri Bakanı mevkidaşıyla telefonda görüştü. İki taraf sınır kapısının ticarete "
    "yeniden açılması ve gelecek ay başka bir toplantı yapılması konusunda anlaştı."
)
POLISH = (
    "Minister spraw zagranicznych rozmawiał telefonicznie ze swoim odpowiednikiem. Obie "
    "strony zgodziły się ponownie otworzyć przejście graniczne dla handlu."
)
CZECH = (
    "Ministr zahraničí hovořil po telefonu se svým protějškem. Obě strany se dohodly na "
    "znovuotevření hraničního přechodu pro obchod a na další schůzce příští měsíc."
)
HUNGARIAN = (
    "A külügyminiszter telefonon beszélt a kollégájával. A két fél megállapodott, hogy "
    "újra megnyitják a határátkelőt a kereskedelem előtt, és a jövő hónapban ismét "
    "találkoznak; a következő forduló időpontja még nyitott."
)
ROMANIAN = (
    "Ministrul de externe a avut o convorbire telefonică cu omologul său. Cele două părţi "
    "au convenit să redeschidă punctul de trecere a frontierei pentru comerţ."
)
CROATIAN = (
    "Ministar vanjskih poslova razgovarao je telefonom sa svojim kolegom. Obje strane "
    "dogovorile su ponovno otvaranje graničnog prijelaza i sljedeći sastanak iduće godine, "
    "čak i prije početka sezone."
)


OTHER_CODE_PAGES = {
    "greek": (GREEK, "cp1253"),
    "greek-iso": ("Ά" + GREEK, "iso8859_7"),  # "Ά" is 0xB6 there, "¶" in Windows-1253
    "hebrew": (HEBREW, "cp1255"),
    "arabic": (ARABIC, "cp1256"),
    "turkish": (TURKISH, "cp1254"),
    "polish": (POLISH, "cp1250"),
    "czech": (CZECH, "cp1250"),  # "ť" and "ř": 0x9D is nothing in Windows-1252
    "hungarian": (HUNGARIAN, "cp1250"),
    "romanian": (ROMANIAN, "cp1250"),
    "croatian": (CROATIAN, "cp1250"),
}


@pytest.mark.parametrize(
    ("text", "encoding"), OTHER_CODE_PAGES.values(), ids=list(OTHER_CODE_PAGES)
)
def test_an_undeclared_code_page_is_told_by_its_letters(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


def test_a_name_in_an_english_text_is_read_so(tmp_path: Path) -> None:
    # "ł" is "³" in Windows-1252: a symbol inside a word is no Western text
    text = "Lech Wałęsa met the delegation in Gdańsk on Tuesday; Wałęsa spoke first."
    assert decode(text.encode("cp1250")) == text


WESTERN = [
    "Le ministre a déclaré que les négociations reprendraient la semaine prochaine à Genève.",
    "Der Außenminister äußerte sich über die Gespräche in Zürich; sie würden fortgesetzt.",
    "¿Cómo será la próxima reunión? El señor Peña dijo que España está de acuerdo.",
    "O ministro disse que as negociações continuarão; as ações põem fim à questão.",
    "Ráðherrann sagði að viðræðurnar myndu halda áfram; Alþingi samþykkti það.",
    "El ministre va dir que la història de València és la nostra; però ara cal acció.",
    "Minister ütles, et läbirääkimised jätkuvad; mõlemad pooled leppisid kokku.",
    "Thuirt am ministear gun leanadh na còmhraidhean an ath sheachdain ann an Dùn Èideann.",
    # English quoting names of many countries, and its typography
    "Lars Løkke Rasmussen met Gustavo Petro in Bogotá and Søren Løkke in Genève; Orbán "
    "and Babiš sent notes.",
    "The minister’s “frank” talks — 40 m³ of water, Nº 5, the report¹ and annex³ — cost £5.",
]
CYRILLIC = [
    "Президент России провёл телефонный разговор. Стороны договорились о встрече.",
    "Міністр заявив, що переговори продовжаться наступного тижня; їхня зустріч у Києві.",
    "Министърът заяви, че преговорите ще продължат следващата седмица в София.",
    "Министар је рекао да ће се преговори наставити следеће недеље у Београду.",
    "ПРЕЗИДЕНТ РОССИИ ПРОВЁЛ ТЕЛЕФОННЫЙ РАЗГОВОР",
]


@pytest.mark.parametrize("text", WESTERN, ids=lambda t: t[:16])
def test_western_text_stays_windows_1252(text: str) -> None:
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize("text", CYRILLIC, ids=lambda t: t[:16])
def test_cyrillic_text_stays_windows_1251(text: str) -> None:
    assert decode(text.encode("cp1251")) == text


#: words of Western news text, with the accents of one language or of names and loanwords
#: from several (drawn among plain words below)
WESTERN_WORDS = (
    "the minister said talks would continue next week both sides agreed to reopen the "
    "crossing le ministre a déclaré que les négociations reprendraient très été à où "
    "français cœur der Außenminister äußerte sich über Gespräche Zürich würden el señor "
    "dijo que España está acuerdo próxima reunión ¿cómo ¡sí Søren Løkke Bogotá Genève "
    "Orbán Babiš São Paulo Piñera “quoted” ‘single’ — – … café résumé naïve crème"
).split()
PLAIN_WORDS = (
    "the minister said that talks would continue next week and both sides agreed to reopen "
    "a crossing for trade while officials met in the capital on Monday after hours of"
).split()
#: (Ukrainian "і", "ї", "є" and Serbian "ђ", "ј", "љ", "њ" have tests of their own, below)
CYRILLIC_WORDS = (
    "министр заявил что переговоры продолжатся на следующей неделе и обе стороны "
    "договорились открыть пограничный переход Президент России провёл разговор "
    "министърът заяви преговорите Министар рекао наставити следеће"
).split()


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(PLAIN_WORDS * 2 + WESTERN_WORDS), min_size=1, max_size=40).map(
        " ".join
    )
)
def test_any_western_words_stay_windows_1252(text: str) -> None:
    # an odd number of bytes: an even number with no NUL may be taken for UTF-16 Chinese
    # ("São São São minister": 口漠口漠…), a guess of its own
    text += "." * (len(text) % 2 == 0)
    assert decode(text.encode("cp1252")) == text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(CYRILLIC_WORDS), min_size=8, max_size=40).map(" ".join))
def test_any_cyrillic_words_stay_windows_1251(text: str) -> None:
    assert decode(text.encode("cp1251")) == text


#: Turkish without any of its commonest words ("ve", "bir", "için", "ile"…): it is told by
#: its grammar, the back vowels that follow a dotless "ı" in its suffixes. Read as 1252 it
#: is Icelandic letters ("baþkaný", "aylarýnda"), so the Western reading competes.
TURKISH_PLAIN = (
    "Belediye başkanı, salı akşamı komşu kasabanın yöneticileriyle buluştu. Kış aylarında "
    "kapanan dağ yolu haftaya açılacak, dedi yardımcısı. Çiftçiler, ürünlerini yakında "
    "pazara taşıyabileceklerini anlattı."
)


@pytest.mark.parametrize("encoding", ["cp1254", "iso8859_9"])
@pytest.mark.parametrize("times", [1, 12], ids=["three-sentences", "two-kilobytes"])
def test_turkish_without_its_commonest_words_is_read(encoding: str, times: int) -> None:
    text = " ".join([TURKISH_PLAIN] * times)
    assert decode(text.encode(encoding)) == text


#: Icelandic: "þ" opening words, "ð" inside and ending them, "ý" — 1254's "ş", "ğ", "ı"
ICELANDIC = [
    "Ráðherrann sagði í gær að þingið myndi ræða nýja frumvarpið til loka vikunnar. Það er "
    "ljóst að margir eru ósáttir við breytingarnar, og þeir vilja fá skýr svör. Veðrið hefur "
    "verið slæmt á Vestfjörðum og skip komust ekki úr höfn.",
    "Það er gott og við erum til.",
    "Þeir segja að það sé ýmislegt að gerast við höfnina. Þar er nýr bátur og þrír menn um borð.",
    "Guðrún Þórsdóttir met Sigurður Ýmisson and Þór Guðmundsson in Reykjavík; the talks went well.",
    "Sigurður and Guðmundur met Þorvaldur at the þing in Ísafjörður on Tuesday.",
]
ICELANDIC_WORDS = (
    "og að við það er til þeir þar þegar þingið þjóðin því þetta nýr nýja nýtt skýr ýmsir "
    "lýstu sýna býður mýri veðrið höfnin sagði voru eða með hafði orðið verður hvað "
    "ráðherra frumvarp Alþingi Guðrún Þór Sigurður"
).split()


@pytest.mark.parametrize("text", ICELANDIC, ids=lambda t: t[:16])
def test_icelandic_stays_windows_1252(text: str) -> None:
    assert decode(text.encode("cp1252")) == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(ICELANDIC_WORDS + PLAIN_WORDS), min_size=1, max_size=60).map(" ".join)
)
def test_any_icelandic_words_stay_windows_1252(text: str) -> None:
    text += "." * (len(text) % 2 == 0)  # (see test_any_western_words_stay_windows_1252)
    assert decode(text.encode("cp1252")) == text


def test_a_few_words_said_over_and_over_stay_windows_1251() -> None:
    # found by Hypothesis: with three words, the KOI8 reading ("ВРН ЯКЕДСЧЫЕИ НАЕ") scored
    # as Russian in capitals
    text = "что следующей обе обе обе обе обе обе"
    assert read_text(text.encode("cp1251")) == (text, "Windows-1251 (Cyrillic)")


# -- Cyrillic beyond Russian, and KOI8 -----------------------------------------------------

#: texts full of the letters Russian lacks, which a Windows-1252 reading makes signs of or
#: cannot read at all ("ђ" is 0x90, nothing in 1252)
UKRAINIAN = (
    "Її історія і їхні звичаї: у Києві й Іршаві є свої інституції, і їх цінують. Ґазда з "
    "Іваничів їде із сином і їсть їжу, яку їм дали."
)
SERBIAN = (
    "Ђорђе и Љиљана ће с њом ићи у Ћићевац; њихова ћерка Јелена је у џепу ђака нашла још љубичица."
)
MACEDONIAN = "Ѓорѓи ќе ѕирне: ќерка му Љупка ќе дојде во Ѓевѓелија, а неговата ѕвезда ќе сјае."
RUSSIAN_LONG = (
    "Министр иностранных дел провёл переговоры с коллегой. Стороны договорились открыть "
    "пограничный переход для торговли и встретиться снова в следующем месяце."
)

CYRILLIC_PAGES = {
    "ukrainian": (UKRAINIAN, "cp1251", "Windows-1251 (Cyrillic)"),
    "serbian": (SERBIAN, "cp1251", "Windows-1251 (Cyrillic)"),
    "macedonian": (MACEDONIAN, "cp1251", "Windows-1251 (Cyrillic)"),
    "russian-koi8": (RUSSIAN_LONG, "koi8_r", "KOI8-R (Russian)"),
    "russian-koi8-capitals": (RUSSIAN_LONG.upper(), "koi8_r", "KOI8-R (Russian)"),
    "russian-koi8-small": (RUSSIAN_LONG.lower(), "koi8_r", "KOI8-R (Russian)"),
    "ukrainian-koi8": (UKRAINIAN, "koi8_u", "KOI8-U (Ukrainian)"),
    "russian-capitals": (RUSSIAN_LONG.upper(), "cp1251", "Windows-1251 (Cyrillic)"),
    # Russian whose KOI8 bytes read as GB18030 Chinese too (its small letters, 0xC0-0xDF,
    # pair up as common Hanzi)
    "russian-koi8-not-chinese": (
        "договорились провёл переговоры России на разговор",
        "koi8_r",
        "KOI8-R (Russian)",
    ),
    # repeated words that read as Greek in Windows-1253 ("ρλεδσώωει"), found by Hypothesis
    "russian-not-greek": (
        "на " + "следующей " * 7 + "Президент провёл",
        "cp1251",
        "Windows-1251 (Cyrillic)",
    ),
}


@pytest.mark.parametrize(
    ("text", "encoding", "name"), CYRILLIC_PAGES.values(), ids=list(CYRILLIC_PAGES)
)
def test_an_undeclared_cyrillic_page_is_read(text: str, encoding: str, name: str) -> None:
    assert read_text(text.encode(encoding)) == (text, name)


def test_a_few_koi8_words_stay_windows_1251() -> None:
    # too few letters to tell the two apart: 1251 is by far the commoner
    assert read_text("Привет, мир".encode("koi8_r"))[1] == "Windows-1251 (Cyrillic)"


#: the Cyrillic words above that KOI8-R has (no Serbian "ћ"); each once, as one word said
#: over and over tells little ("неделе" in KOI8 reads "ОЕДЕМЕ" in 1251, as good a word)
RUSSIAN_WORDS = [w for w in CYRILLIC_WORDS if "ћ" not in w]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(RUSSIAN_WORDS), min_size=8, max_size=40, unique=True).map(" ".join))
def test_any_cyrillic_words_in_koi8_r_are_read(text: str) -> None:
    assert decode(text.encode("koi8_r")) == text


#: words with the letters of Ukrainian, Serbian and Macedonian that Russian lacks (a word
#: said eight times over may be anything: "Її Її Її…" is eight "紊" in GB18030)
SLAVIC_WORDS = sorted(set((UKRAINIAN + " " + SERBIAN + " " + MACEDONIAN).split()))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(SLAVIC_WORDS), min_size=8, max_size=40, unique=True).map(" ".join))
def test_any_ukrainian_or_serbian_words_in_windows_1251_are_read(text: str) -> None:
    assert decode(text.encode("cp1251")) == text


def test_five_megabytes_decode_quickly() -> None:
    data = (WESTERN[0] + " " + WESTERN[1] + "\n").encode("cp1252") * 30_000
    assert len(data) > 5_000_000
    start = time.perf_counter()
    decode(data)
    assert time.perf_counter() - start < 3  # about 0.3 s


# -- UTF-16 and UTF-32 without a byte-order mark, too short for a space --------------------

SHORT = ["Hi.", "OK", "Yes!", "e.g.", "Да.", "Ναι.", "¿Sí?", "“OK”", "שלום."]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
@pytest.mark.parametrize("text", SHORT)
def test_a_short_line_in_utf16_without_a_mark_is_read(text: str, encoding: str) -> None:
    data = text.encode(encoding)
    assert b"\x00" in data and decode(data) == text


# -- the encoding the user chooses ---------------------------------------------------------


def test_a_chosen_encoding_is_read_instead_of_guessed(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes("Talks in Αθήνα.".encode("cp1253"))  # too little Greek to guess
    assert read_path(path).text == "Talks in ÁèÞíá."
    assert read_path(path, encoding="windows-1253").text == "Talks in Αθήνα."
    assert read_path(path, encoding="ISO-8859-7").text == "Talks in Αθήνα."


def test_a_chosen_encoding_reads_as_browsers_do() -> None:
    assert decode(b"It\x92s done.", encoding="latin-1") == "It’s done."  # Windows-1252
    assert decode("\ufeffTalks.".encode(), encoding="utf-8") == "Talks."
    assert decode("Talks.".encode("utf-16"), encoding="utf-16") == "Talks."
    assert encoding_name("Shift_JIS") == "cp932"


@pytest.mark.parametrize(
    ("data", "encoding", "message"),
    [
        (b"Talks.", "klingon", r"unknown encoding 'klingon'"),
        (b"Talks.", "base64", r"unknown encoding 'base64'"),  # a codec, but not of text
        ("Αθήνα".encode("cp1253"), "utf-8", r"cannot be read as UTF-8 \(byte 0xC1 at"),
        (
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "latin-1",
            "read as Windows-1252 \\(Western\\), it is not text",
        ),
    ],
)
def test_a_chosen_encoding_that_does_not_fit_is_a_clear_error(
    tmp_path: Path, data: bytes, encoding: str, message: str
) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError, match=f"^note.txt: {message}"):
        read_path(path, encoding=encoding)


# -- the name of the reading, and the encodings offered ------------------------------------

RUSSIAN = "Министр заявил, что переговоры продолжатся на следующей неделе."
CHINESE = "外交部长周二与邻国外长通了电话，双方同意下个月再次会面。"
JAPANESE = "外務大臣は火曜日、隣国の外相と電話で会談した。来月また会う。"
FRENCH = "Le ministre a déclaré que les négociations reprendraient à Genève."

READINGS = {
    "ascii": (b"Talks resumed.", None, "Talks resumed.", "UTF-8"),
    "utf-8": ("Talks in Zürich.".encode(), None, "Talks in Zürich.", "UTF-8"),
    "utf-8-bom": ("\ufeffTalks.".encode(), None, "Talks.", "UTF-8 with BOM"),
    "utf-16": ("Talks.".encode("utf-16"), None, "Talks.", "UTF-16"),
    "utf-32": ("Talks.".encode("utf-32"), None, "Talks.", "UTF-32"),
    "utf-16-unmarked": ("Hi.".encode("utf-16-le"), None, "Hi.", "UTF-16LE"),
    "stray": (
        "Café ".encode() + b"it\x92s",
        None,
        "Café it’s",
        "UTF-8, stray bytes as Windows-1252",
    ),
    "western": (FRENCH.encode("cp1252"), None, FRENCH, "Windows-1252 (Western)"),
    "cyrillic": (RUSSIAN.encode("cp1251"), None, RUSSIAN, "Windows-1251 (Cyrillic)"),
    "greek": (GREEK.encode("cp1253"), None, GREEK, "Windows-1253 (Greek)"),
    "greek-iso": (("Ά" + GREEK).encode("iso8859_7"), None, "Ά" + GREEK, "ISO-8859-7 (Greek)"),
    "hebrew": (HEBREW.encode("cp1255"), None, HEBREW, "Windows-1255 (Hebrew)"),
    "chinese": (CHINESE.encode("gb18030"), None, CHINESE, "GB18030 (Chinese)"),
    "japanese": (JAPANESE.encode("shift_jis"), None, JAPANESE, "Shift_JIS (Japanese)"),
    "declared": (
        f'<meta charset="windows-1251"><p>{RUSSIAN}</p>'.encode("cp1251"),
        None,
        f'<meta charset="windows-1251"><p>{RUSSIAN}</p>',
        "Windows-1251 (Cyrillic)",
    ),
    "chosen": (
        "Talks in Αθήνα.".encode("cp1253"),
        "ISO-8859-7",
        "Talks in Αθήνα.",
        "ISO-8859-7 (Greek)",
    ),
    "chosen-alias": (b"It\x92s.", "latin-1", "It’s.", "Windows-1252 (Western)"),
    "chosen-sjis": (JAPANESE.encode("cp932"), "Shift_JIS", JAPANESE, "Shift_JIS (Japanese)"),
    "chosen-bom": ("\ufeffTalks.".encode(), "utf-8", "Talks.", "UTF-8 with BOM"),
    "chosen-other": ("Talks ░".encode("cp437"), "cp437", "Talks ░", "CP437"),
}


@pytest.mark.parametrize(
    ("data", "encoding", "text", "name"), READINGS.values(), ids=list(READINGS)
)
def test_read_text_names_the_reading(
    data: bytes, encoding: str | None, text: str, name: str
) -> None:
    assert read_text(data, encoding) == (text, name)
    assert decode(data, encoding=encoding) == text


def test_every_encoding_offered_is_known_and_named_once() -> None:
    codecs_seen = set()
    for choice, label in ENCODING_CHOICES:
        codec = codecs.lookup(encoding_name(choice)).name
        assert codec not in codecs_seen
        codecs_seen.add(codec)
        assert read_text(b"Talks.", choice) == ("Talks.", label) or choice.startswith("utf-16")
    assert len(ENCODING_CHOICES) >= 15


def test_a_stray_byte_the_page_leaves_undefined_does_not_refuse_the_file() -> None:
    # 0x98 is nothing in Windows-1251: one in a Ukrainian text used to refuse the file
    text, name = read_text(UKRAINIAN.encode("cp1251") + b" \x98")
    assert text == UKRAINIAN + " \ufffd"
    assert name == "Windows-1251 (Cyrillic), 1 byte undefined in it shown as �"
    with pytest.raises(DecodeError, match="cannot decode the text: 4 bytes"):
        read_text(UKRAINIAN.encode("cp1251") + b" \x98\x98\x98\x98")


def test_utf_16_chosen_for_a_file_without_a_mark_finds_its_byte_order() -> None:
    text = "The ministers spoke by telephone."
    assert read_text(text.encode("utf-16-be"), "utf-16") == (text, "UTF-16BE")
    assert read_text(text.encode("utf-16-le"), "utf-16") == (text, "UTF-16LE")
    assert read_text(text.encode("utf-16"), "utf-16")[0] == text  # with its mark
