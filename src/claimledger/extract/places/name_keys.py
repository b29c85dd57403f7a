"""Lookup keys of place names: ``normalise`` (case, apostrophes, dashes, ё, Latin diacritics) and ``skeleton``
(a romanisation-blind key: Kharkov ~ Kharkiv, Плетеневка ~ Плетенівка). Text in, key out; pure. The gazetteer
(gazetteer.py) indexes its names by these keys, and scripts/build_gazetteer.py writes them into its tables.
"""
from __future__ import annotations

import functools
import re
import unicodedata

APOSTROPHES = "'’ʼ`‘´ʹ"  # apostrophe signs unified (and dropped) in a key
# Memo size of normalise(): the 65 English articles of examples/corpus ask ~43k names, mostly repeats.
NORMALISED_NAMES = 16_384

@functools.lru_cache(maxsize=NORMALISED_NAMES)
def normalise(text: str) -> str:
    """Lower-case, unify apostrophes, dashes, ё and spacing; strip Latin diacritics and dots."""
    text = unicodedata.normalize("NFC", text).lower()
    text = re.sub(f"[{APOSTROPHES}]", "", text).replace("ё", "е").replace(".", "")
    text = re.sub(r"\s*[‐‑–—-]\s*", "-", text)
    if not text.isascii():  # strip Latin diacritics only (keep й, ї whole)
        text = "".join(_plain_latin(c) if c > "\x7f" else c for c in text)
    return re.sub(r"\s+", " ", text).strip()


# Latin letters that Unicode does not decompose into a base letter and a mark (Østfold ~ Ostfold).
_UNDECOMPOSED = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "þ": "th"}


@functools.lru_cache(maxsize=4096)
def _plain_latin(char: str) -> str:
    if "LATIN" not in unicodedata.name(char, ""):
        return char
    if char in _UNDECOMPOSED:
        return _UNDECOMPOSED[char]
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


_LATIN_SKELETON = (("shch", "sc"), ("kh", "h"), ("zh", "z"), ("ts", "c"), ("tz", "c"), ("ch", "c"),
                   ("sh", "s"), ("w", "v"), ("g", "h"), ("y", "i"), ("j", "i"), ("e", "i"), ("x", "ks"))
_CYR_SKELETON = str.maketrans({"і": "и", "ї": "и", "ы": "и", "й": "и", "е": "и", "є": "и", "э": "и",
                               "ґ": "г", "ь": None, "ъ": None})


def skeleton(key: str) -> str:
    """Romanisation-blind key: Kharkov~Kharkiv, Lugansk~Luhansk, Плетеневка~Плетенівка."""
    if re.search("[а-яіїєґ]", key):
        key = key.translate(_CYR_SKELETON)
        key = re.sub(r"ов(к|ск|ськ)", r"ив\1", key)
        key = re.sub(r"ов\b", "ив", key)
    else:
        for a, b in _LATIN_SKELETON:
            key = key.replace(a, b)
        key = re.sub(r"ov\b", "iv", key)
    return re.sub(r"(.)\1+", r"\1", key)
