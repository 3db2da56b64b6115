"""How names are compared: one folding of case-kept text shared by the tables, ``resolve`` and the
document matcher, so "Erdoğan", "Erdogan" and "Côte d’Ivoire" / "Cote d'Ivoire" meet on one key.
"""

from __future__ import annotations

import functools
import re
import unicodedata

#: Letters NFKD does not split into a base letter and a mark.
_LETTERS = str.maketrans({
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d",
    "\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u00a0": " ",
})
_SPACE = re.compile(r"\s+")
_DET = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)

#: Name particles that belong to the family name ("von der Leyen", "da Silva", "bin Salman").
PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "da", "das", "do", "dos", "di",
                       "du", "la", "le", "bin", "bint", "ibn", "al", "el", "ben", "ter", "zu"})

#: Countries whose names are written family name first in English news ("Xi Jinping" -> "Xi").
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "KHM"})


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Strip accents, straighten quotes and dashes, collapse whitespace; case is kept."""
    text = text.translate(_LETTERS)
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return _SPACE.sub(" ", text).strip()


def name_key(text: str) -> str:
    """The case-kept key of a proper name: folded, without a leading article ("The Kremlin" -> "Kremlin")."""
    return _DET.sub("", fold(text))


def word_key(text: str) -> str:
    """The key of a common-noun phrase ("Defense Ministry" -> "defense ministry")."""
    return name_key(text).lower()


def surname(name: str, country: str | None) -> str | None:
    """The family name news uses alone for a person: "Xi" for Xi Jinping, "von der Leyen", "Erdogan"."""
    words = fold(name).replace(",", " ").split()
    if len(words) < 2:
        return None
    if country in FAMILY_NAME_FIRST:
        return words[0]
    last = len(words) - 1
    while last > 1 and words[last - 1].lower() in PARTICLES:
        last -= 1
    return " ".join(words[last:])


def name_variants(name: str, country: str | None) -> list[str]:
    """Spellings of a full name news also uses: without accents, hyphens as spaces, middle name dropped."""
    base = fold(name)
    out = [name, base]
    if "-" in base:
        out.append(base.replace("-", " "))
    words = base.split()
    if len(words) >= 3 and country not in FAMILY_NAME_FIRST and words[-2].lower() not in PARTICLES:
        out.append(" ".join(words[1:]))          # "Tayyip Erdogan"
        out.append(f"{words[0]} {words[-1]}")    # "Recep Erdogan"
    if len(words) == 3 and country in FAMILY_NAME_FIRST:
        out.append(f"{words[0]} {words[1]}-{words[2].lower()}")  # "Kim Jong-un"
        out.append(f"{words[0]} {words[1]}-{words[2]}")
    seen: list[str] = []
    for v in out:
        if v not in seen:
            seen.append(v)
    return seen


def slug(text: str) -> str:
    """A stable ascii id part: "Taiwan's foreign ministry" -> "taiwan-s-foreign-ministry"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


_NOT_LETTER = re.compile(r"[^a-z ]+")
_VOWELS = re.compile(r"[aeiouyh]+")
_DOUBLE = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def translit_key(name: str) -> str:
    """A spelling-blind key for a person's name, so transliterations meet: "Mohammed Morsi",
    "Mohamed Morsy" and "Muhammad Mursi" all give "md mrs". Vowels and h are dropped, q and c
    read as k, ph as f, doubled letters once. Only used when the exact name is unknown."""
    text = _NOT_LETTER.sub("", fold(name).lower().replace("-", " "))
    words = []
    for word in text.split():
        if word in PARTICLES:
            continue
        word = word.replace("ph", "f").replace("q", "k").replace("c", "k")
        word = _DOUBLE.sub(r"\1", word[:1] + _VOWELS.sub("", word[1:]))
        if word:
            words.append(word)
    return " ".join(words)
