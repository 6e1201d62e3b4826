"""Which single-byte code page a file is in when it is not UTF-8 and declares nothing:
Windows-1252 unless its bytes are clearly text in another one.

Every byte decodes in Windows-1252, so only what the text would look like tells the pages
apart. Cyrillic, Greek, Hebrew and Arabic put nearly all of their letters on the high
bytes, where a Western reading has accented Latin letters: text in them read as 1252 is
words made of nothing but accented letters ("Ïðåçèäåíò"), which no Western language
writes. Greek, Hebrew and Arabic are taken when clear from how their letters stand in
words (app/script_pages.py); Cyrillic is Windows-1251, or KOI8-R or KOI8-U when its
letters read far better so (app/cyrillic_pages.py). Central European (Windows-1250) and
Turkish (Windows-1254) text shares most of its bytes with Western text: they are taken
when their own letters (ł, ř, ő, ş, ı…) stand inside Latin words, the accented letters
of the text are those of one of their languages and read as 1252 those of no Western
one, and the text is written in that language (its commonest words, not a few names;
app/latin_pages.py).
"""

from __future__ import annotations

import re

from app.cyrillic_pages import cyrillic, reads_as_cyrillic
from app.latin_pages import central_or_turkish
from app.script_pages import other_script

#: How much of a file the guess looks at: dozens of pages, read in a moment.
_SAMPLE = 65536
_MARKUP = re.compile(rb"<[^>]*>")  # markup is ASCII whatever the text
#: Greek pages, whose letters stand in the order of Windows-1251's (Α Β Γ Δ Ε at 0xC1-0xC5,
#: А Б В Г Д Е at 0xC0-0xC5): repetitive Cyrillic text may pass for Greek, so it is
#: checked against Cyrillic too
_GREEK = ("cp1253", "iso8859_7")


def guess(data: bytes) -> str:
    """The code page of ``data``: Windows-1252, or another one its start clearly reads in."""
    sample = _MARKUP.sub(b" ", data[:_SAMPLE])
    other = other_script(sample)  # Greek, Hebrew, Arabic (app/script_pages.py)
    if other in _GREEK and reads_as_cyrillic(sample):
        other = None  # Russian read as Greek: "следующей" as "ρλεδσώωει"
    if other:
        return other
    return (
        cyrillic(sample)  # Windows-1251, KOI8-R or KOI8-U (app/cyrillic_pages.py)
        or central_or_turkish(sample)  # app/latin_pages.py
        or "cp1252"
    )
