"""Word-level helpers shared by the engines, relations and topics: tokens, stems, stopwords."""

from __future__ import annotations

import re
from functools import lru_cache

from app.cjk import KOREAN_STOPS, SPACELESS_RUN, cjk_names, has_cjk, is_hangul, pairs
from app.figures import CALENDAR_WORDS
from app.places import MAX_PLACE_WORDS, PLACES

WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+)*")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not of off on once
    only or other our ours ourselves out over own same she should so some such than that
    the their theirs them themselves then there these they this those through to too under
    until up very was we were what when where which while who whom why will with would you
    your yours yourself yourselves said says say added stated noted according also well
    may might must shall upon whether within without toward towards via per amid among""".split()
)
#: Words too general to carry a claim's point; kept out of topic labels and phrase diffs.
WEAK_WORDS = frozenset(
    """statement side sides two one issue issues question way ways part time today thing
    things number lot new said told like made make making take took give given need needs
    needed able already recently including include includes included further other another
    per cent percent mr mrs ms president minister secretary""".split()
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light English stemmer: enough to meet "agreed"/"agreement"/"agree" halfway. A
    Korean word is stemmed to its first two syllables ("협정을", "협정이": "협정")."""
    if is_hangul(word):
        return word[:2]
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3:
        return w
    for suffix, repl in (
        ("ational", "ate"), ("ization", "ize"), ("iveness", "ive"), ("fulness", "ful"),
        ("ements", ""), ("ement", ""), ("ments", ""), ("ment", ""), ("ations", "ate"),
        ("ation", "ate"), ("ities", ""), ("ity", ""), ("ies", "y"), ("ied", "y"),
        ("ing", ""), ("edly", ""), ("ed", ""), ("ly", ""), ("es", ""), ("s", ""),
    ):  # fmt: skip
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == "e":
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiousl":
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    return WORD_RE.findall(text)


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry meaning, in order; Chinese and Japanese characters as
    overlapping pairs (see ``app.cjk``)."""
    if has_cjk(text):
        return _cjk_content_terms(text)
    return [stem(w) for w in words(text) if w.lower() not in STOPWORDS and not w.isdigit()]


def _cjk_content_terms(text: str) -> list[str]:
    """``content_terms`` of a text with Chinese, Japanese or Korean in it: the words
    between runs of Han and kana ("APEC" of "APEC峰会"), the runs as pairs of characters."""
    out: list[str] = []
    for w in words(text):
        for k, part in enumerate(SPACELESS_RUN.split(w)):
            if k % 2:  # a run of Han and kana, kept by ``split``'s group
                out.extend(pairs(part))
            elif (
                part
                and part.lower() not in STOPWORDS
                and not part.isdigit()
                and not (is_hangul(part) and stem(part) in KOREAN_STOPS)
            ):
                out.append(stem(part))
    return out


#: Titles before a person's name ("President Xi", "Foreign Minister Sergey Lavrov"); a
#: hyphenated word with one is a title too ("Secretary-General", "President-elect").
TITLES = frozenset(
    """president minister secretary mr mrs ms dr ambassador chancellor king queen prince
    premier spokesperson spokesman spokeswoman envoy general gen senator governor mayor
    leader chairman chair commissioner representative sheikh emir""".split()
)
#: Words of an office's portfolio: "Minister of Foreign Affairs", "Secretary of State",
#: "Minister for Europe and Foreign Affairs". They sit between a title and the name that
#: follows; "and", "the" and commas join them ("for Foreign, Commonwealth and Development
#: Affairs").
PORTFOLIO = frozenset(
    """foreign affairs state defence defense trade investment economy economic finance
    interior internal home justice health energy agriculture education transport commerce
    treasury external international development industry labour labor culture environment
    security national homeland war navy army information communications digital science
    europe european policy commonwealth cooperation relations public works planning
    climate tourism housing immigration social employment fisheries natural resources
    technology innovation research infrastructure budget intelligence veterans human
    rights youth sport sports women family heritage media humanitarian consular
    multilateral regional""".split()
)
#: Words that make a capitalised phrase an organisation: "the Vosk Provisional Council".
ORG_WORDS = frozenset(
    """Ministry Department Kremlin Council Commission Parliament Government Army Court Bank
    Union Nations House Office Agency Committee Pentagon NATO Cabinet Assembly""".split()
)
#: Words that end the name of the place or body an office serves ("the United States",
#: "the African Union Commission"): the person's name comes after them.
_PLACE_WORDS = ORG_WORDS | frozenset(
    """States Kingdom Republic Federation Emirates Arabia Islands Confederation Community
    Organization Organisation Alliance Authority Secretariat Senate Congress""".split()
)
#: Words inside a name ("von der Leyen", "bin Salman", "Al Nahyan", "al-Sisi"): they lead on
#: to a capitalised word, and are no name themselves.
PARTICLES = frozenset("von der den van de del da di du dos das bin ibn al el la le".split())
_SPEECH = frozenset("said says told stated added noted stressed emphasized emphasised".split())
#: Words that say something but name no one ("the Ministry said", "Foreign Affairs said").
_NOT_SPEAKERS = STOPWORDS | TITLES | PORTFOLIO | CALENDAR_WORDS | {w.lower() for w in _PLACE_WORDS}
_NAME_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def bare_name(word: str) -> str:
    """A name without its possessive: "Trump’s" -> "Trump"."""
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def people_names(texts: list[str]) -> frozenset[str]:
    """Capitalised words naming people: after a title ("Secretary of State Marco Rubio",
    "President of the Republic of Corvenia Oren Saltveit", "The Minister, Sergey Lavrov,",
    "President Xi") or before a speech verb ("Lavrov said"). Initials and particles
    ("Donald J. Trump", "von der Leyen") are left out; "al-Sisi" stays whole. A name runs
    across no punctuation but an initial's full stop.

    A place speaking for its government ("Kyiv said", "New Zealand noted") is no person:
    a country or capital (``app.places``), or a word the texts use as a place, the one an
    office serves ("President of Kestria", "a spokesman for Tavora") or after "in" ("talks
    in Velmora"). That outweighs only a speech verb; a title makes a name whatever else the
    word may be ("Minister Sofia Reyes"). Initials before a speech verb ("NATO said") are
    a body, not a person. Names in Chinese, Japanese and Korean are found by
    ``app.cjk.cjk_names``."""
    names: set[str] = set()
    places: set[str] = set()
    speakers: list[tuple[list[str], list[str], int]] = []
    for text in texts:
        toks, gaps = _name_tokens(text)
        for i, w in enumerate(toks):
            if _is_title(w):
                names.update(_name_after_title(toks, gaps, i + 1, places))
            elif w.lower() == "in":
                places.update(_place_after_in(toks, gaps, i + 1))
            elif (
                i + 1 < len(toks)
                and not gaps[i + 1]
                and toks[i + 1].lower() in _SPEECH
                and len(w) > 1
                and _name_word(w)
                and bare_name(w).lower() not in _NOT_SPEAKERS
                and not _acronym(w)  # "NATO said", "the EU noted": a body, no person
                # "The President of Russia said": a place
                and not (i and not gaps[i] and toks[i - 1].lower() in ("of", "for"))
            ):
                speakers.append((toks, gaps, i))
    for toks, gaps, i in speakers:
        if bare_name(toks[i]) in places or _ends_known_place(toks, gaps, i):
            continue
        names.add(bare_name(toks[i]))
        names.update(_joined_before(toks, gaps, i))
    return frozenset(names) | cjk_names(texts)  # Chinese, Japanese, Korean: see app.cjk


#: a capitalised word that may be an adjective ("Russian", "Chinese", "Euro-Atlantic")
_ADJECTIVE = re.compile(r"(?:ian|ean|can|ese|ish|ic|ern)$|-")


def places_in(text: str) -> list[str]:
    """The places ``text`` puts something in, in order, once each: "talks in Geneva",
    "held in Port Aldane" (not "in Putin's words", "in President Xi", "in March", "in
    Russian-US relations")."""
    toks, gaps = _name_tokens(text)
    found = []
    for i, w in enumerate(toks):
        run = _place_after_in(toks, gaps, i + 1) if w.lower() == "in" else []
        end = i + 1 + len(run)
        if not run or run[0].lower().rstrip(".") in CALENDAR_WORDS:
            continue  # "in March"
        if run[-1].endswith(("'s", "’s")):
            continue  # "in Monday's talks", "in Kestria's view"
        if _ADJECTIVE.search(run[-1]) and end < len(toks) and not gaps[end]:
            continue  # a word that goes on with a noun: "in Russian-US relations"
        found.append(" ".join(run))
    return list(dict.fromkeys(found))


def _acronym(word: str) -> bool:
    """An organisation's initials: "EU", "NATO", "OSCE's" (not "I", not "Xi")."""
    name = bare_name(word)
    return len(name) > 1 and name.isupper()


def _ends_known_place(toks: list[str], gaps: list[str], i: int) -> bool:
    """Whether ``toks[i]`` ends the name of a country or capital: "Kyiv", "New Zealand",
    "Bosnia and Herzegovina" (but "Louis" alone is no "Port Louis")."""
    for k in range(i, max(-1, i - MAX_PLACE_WORDS), -1):
        if " ".join([*toks[k:i], bare_name(toks[i])]) in PLACES:
            return True
        if gaps[k]:
            break
    return False


def _place_after_in(toks: list[str], gaps: list[str], k: int) -> list[str]:
    """The place after "in" ("in Velmora", "in Port Ambril"); nothing where it is a person's
    or a title's ("in Putin's words", "in President Xi")."""
    if k >= len(toks) or gaps[k]:
        return []
    run, end = _name_run(toks, gaps, k)
    if any(_is_title(w) or len(w) == 1 for w in run) or (run and run[-1] != toks[end - 1]):
        return []
    return run


def _joined_before(toks: list[str], gaps: list[str], i: int) -> list[str]:
    """The names that a particle or an initial joins to the speaker ``toks[i]`` ("Lula da
    Silva said", "Ursula von der Leyen said", "Donald J. Trump said"). A capitalised word
    before a speaker with nothing between may open a sentence ("Yesterday Lavrov said"),
    so it is taken only across a particle or an initial, and never a day ("Today da
    Silva said") or an owner ("France's Le Monde said")."""
    out: list[str] = []
    crossed = False
    k = i
    while k > 0:
        prev = toks[k - 1]
        initial = len(prev) == 1 and prev.isupper()
        if gaps[k] and not (gaps[k] == "." and initial):
            break
        if prev.lower() in PARTICLES or initial:
            crossed = True
        elif (
            crossed
            and _name_word(prev)
            and bare_name(prev) == prev  # "France's Le Monde said": an owner, no first name
            and prev.lower() not in _NOT_SPEAKERS
        ):
            out.append(prev)
            crossed = False
        else:
            break
        k -= 1
    return out


def _is_title(word: str) -> bool:
    """A title: "President", "Secretary-General", "President-elect"; not "PRESIDENT" in a
    shouted headline ("READOUT OF PRESIDENT TRUMP'S CALL")."""
    if len(word) > 1 and word.isupper():
        return False
    return any(part in TITLES for part in word.lower().split("-"))


def _name_word(word: str) -> bool:
    """A word that may be part of a name: capitalised and no stopword ("The"), an initial,
    or a particle joined to a name ("al-Sisi")."""
    if len(word) == 1:
        return word.isupper()
    particle, _, rest = word.partition("-")
    return (word[:1].isupper() and word.lower() not in STOPWORDS) or (
        particle in PARTICLES and rest[:1].isupper()
    )


def _name_tokens(text: str) -> tuple[list[str], list[str]]:
    """The words of ``text``, and per word what parts it from the one before, less spaces
    ("" for a space, "," for a comma; "." before the first word)."""
    toks: list[str] = []
    gaps: list[str] = []
    end = -1
    for m in _NAME_WORD.finditer(text):
        toks.append(m.group(0))
        gaps.append(text[end : m.start()].strip() if end >= 0 else ".")
        end = m.end()
    return toks, gaps


def _name_after_title(
    toks: list[str], gaps: list[str], j: int, places: set[str] | None = None
) -> list[str]:
    """The name (up to four words) that follows a title at ``toks[j]``, past its portfolio
    ("of Foreign Affairs", "for Europe and Foreign Affairs") and the place or body it
    serves ("of Mirovia", "of the Federal Republic of Kestrania", "of the European
    Commission"). One comma may come first where the name is closed by punctuation ("of
    Ukraine, Andrii Sybiha,"). Nothing where only a body follows ("for the Vosk Council").
    The words of the place it serves go to ``places``."""
    n = len(toks)

    def attached(k: int) -> bool:
        return k < n and not gaps[k]

    place = False  # a place or body, not a portfolio, came last
    while attached(j) and toks[j] in ("of", "for"):
        j += 1
        if attached(j) and toks[j] == "the":
            j += 1
        start, j = j, _portfolio_end(toks, gaps, j)
        place = j == start
        if place:
            end = _name_run(toks, gaps, j, owner_ends=False)[1] if attached(j) else j
            if attached(end) and toks[end] in ("of", "for"):
                j = end  # "the Federal Republic" of ...: the place goes on
    # "Mr. Lavrov": an abbreviation's full stop
    short = j < n and gaps[j] == "." and toks[j - 1].lower() in ("mr", "mrs", "ms", "dr", "gen")
    run, end = _name_run(toks, gaps, j) if attached(j) or short else ([], j)
    run = [w for w in run if len(w) > 1 and not _is_title(w)]  # no initials
    bodies = [k for k, w in enumerate(run) if w in _PLACE_WORDS]
    if bodies:  # "the United States Donald Trump", "the African Union Commission Moussa..."
        name = run[bodies[-1] + 1 :]
    elif not place:
        name = run
    elif len(run) >= 3:  # "Mirovia Claire Dunmore"
        name = run[-2:]
    else:  # "Mirovia Dunmore"; "South Korea, Lee Jae-myung,": all of it a place
        name = _apposition(toks, gaps, end) or run[1:]
    if place and places is not None:
        places.update(w for w in run if w not in name)
    return (name or _apposition(toks, gaps, end))[:4]


def _portfolio_end(toks: list[str], gaps: list[str], j: int) -> int:
    """Where a portfolio from ``toks[j]`` ends ("Foreign Affairs", "Trade and Investment",
    "Foreign, Commonwealth and Development Affairs"); ``j`` where there is none."""
    end = k = j
    while k < len(toks) and (not gaps[k] or (k > j and gaps[k] == ",")):
        if toks[k].lower() in PORTFOLIO:
            end = k = k + 1
        elif k > j and toks[k] in ("and", "the"):
            k += 1
        else:
            break
    return end


def _name_run(
    toks: list[str], gaps: list[str], k: int, owner_ends: bool = True
) -> tuple[list[str], int]:
    """The name words from ``toks[k]`` on (up to eight; particles skipped, possessives
    bare), and where they end. Only an initial's full stop may part two of them; a
    possessive ends them ("President Trump's Security Council") unless ``owner_ends`` is
    false ("the People's Republic of China")."""
    n, first = len(toks), k
    run: list[str] = []
    while k < n and len(run) < 8:
        if k > first and gaps[k] and not (gaps[k] == "." and len(toks[k - 1]) == 1):
            break
        m = k
        while m < n and toks[m].lower() in PARTICLES and (m == k or not gaps[m]):
            m += 1
        if m >= n or (m > k and gaps[m]) or not _name_word(toks[m]):
            break  # "von der" must lead on to a name
        run.append(bare_name(toks[m]))
        k = m + 1
        if owner_ends and run[-1] != toks[m]:
            break
    return run, k


def _apposition(toks: list[str], gaps: list[str], k: int) -> list[str]:
    """The name of two words or more after a comma at ``toks[k]`` that punctuation or the
    text's end closes ("Minister, Sergey Lavrov, said"); none before a verb ("Minister,
    Canberra noted") nor of one word ("thanked the President, Ukraine, and Europe")."""
    if k >= len(toks) or gaps[k] != ",":
        return []
    run, end = _name_run(toks, gaps, k)
    if end < len(toks) and not gaps[end]:
        return []
    name = [w for w in run if len(w) > 1]
    if len(name) < 2 or any(_is_title(w) or w in _PLACE_WORDS for w in name):
        return []
    return name
