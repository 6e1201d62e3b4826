"""Word-level helpers shared by the engines, relations and topics: tokens, stems, stopwords."""

from __future__ import annotations

import re
from functools import lru_cache

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
    """A light English stemmer: enough to meet "agreed"/"agreement"/"agree" halfway."""
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
    """Stems of the words that carry meaning, in order."""
    return [stem(w) for w in words(text) if w.lower() not in STOPWORDS and not w.isdigit()]


#: Titles before a person's name ("President Xi", "Foreign Minister Sergey Lavrov").
TITLES = frozenset(
    """president minister secretary mr mrs ms dr ambassador chancellor king queen prince
    premier spokesperson spokesman spokeswoman envoy general gen senator governor mayor
    leader chairman chair commissioner representative""".split()
)
#: Words of an office's portfolio: "Minister of Foreign Affairs", "Minister for Trade and
#: Investment", "Secretary of State". They sit between a title and the name that follows.
PORTFOLIO = frozenset(
    """foreign affairs state defence defense trade investment economy economic finance
    interior internal home justice health energy agriculture education transport commerce
    treasury external international development industry labour labor culture environment
    security national homeland war navy army information communications digital science
    and the""".split()
)
#: Words that make a capitalised phrase an organisation: "the Vosk Provisional Council".
ORG_WORDS = frozenset(
    """Ministry Department Kremlin Council Commission Parliament Government Army Court Bank
    Union Nations House Office Agency Committee Pentagon NATO Cabinet Assembly""".split()
)
_SPEECH = frozenset("said says told stated added noted stressed emphasized emphasised".split())
_NAME_WORD = re.compile(r"[^\W\d_][\w’'-]*")


def bare_name(word: str) -> str:
    """A name without its possessive: "Trump’s" -> "Trump"."""
    for suffix in ("’s", "'s", "’", "'"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def people_names(texts: list[str]) -> frozenset[str]:
    """Capitalised words naming people: after a title ("Secretary of State Marco Rubio",
    "President of the Republic of Corvenia Oren Saltveit", "President Xi") or before a
    speech verb ("Lavrov said"). A name never runs across punctuation."""
    names: set[str] = set()
    for text in texts:
        toks, gaps = _name_tokens(text)
        joined = [not g for g in gaps]
        for i, w in enumerate(toks):
            if w.lower() in TITLES:
                names.update(_name_after_title(toks, gaps, i + 1))
            if (
                w[:1].isupper()
                and i + 1 < len(toks)
                and joined[i + 1]
                and toks[i + 1].lower() in _SPEECH
                and w.lower() not in STOPWORDS | TITLES | PORTFOLIO
                and w not in ORG_WORDS
            ):
                names.add(bare_name(w))
    return frozenset(names)


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


def _name_after_title(toks: list[str], gaps: list[str], j: int) -> list[str]:
    """The name that follows a title at ``toks[j]``, past its portfolio ("of Foreign
    Affairs", "of the Treasury") and the place it serves ("of Mirovia", "of the Federal
    Republic of Kestrania"); nothing where an organisation follows ("for the Vosk Council")."""
    n = len(toks)

    def attached(k: int) -> bool:
        return k < n and not gaps[k]

    after_of = False
    while attached(j) and toks[j] in ("of", "for"):
        j += 1
        if attached(j) and toks[j] == "the":
            j += 1
        portfolio = j
        while attached(j) and toks[j].lower() in PORTFOLIO:
            j += 1
        after_of = j == portfolio  # no portfolio: a place comes first
        chain_end = j
        while attached(chain_end) and toks[chain_end][:1].isupper():
            chain_end += 1
        if after_of and attached(chain_end) and toks[chain_end] in ("of", "for"):
            j = chain_end  # "the Federal Republic" of ...: the place goes on
    # "Minister for Trade and Investment, Corin Aldous": a comma may part a portfolio and
    # the name
    apposition = not after_of and toks[j - 1].lower() in PORTFOLIO
    chain: list[str] = []
    while j < n and toks[j][:1].isupper() and len(chain) < 6:
        if gaps[j] and not (apposition and not chain and gaps[j] == ","):
            break
        chain.append(bare_name(toks[j]))
        j += 1
    if after_of:  # "Mirovia Claire Dunmore", "United States Donald Trump"
        chain = chain[-2:] if len(chain) >= 3 else chain[1:]
    chain = [t for t in chain if t.lower() not in TITLES]
    if ORG_WORDS.intersection(chain):
        return []
    return chain[:3]
