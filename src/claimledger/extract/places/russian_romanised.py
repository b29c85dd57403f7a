"""Ukrainian settlements that English copy names by the Russian name romanised ("Rabotino", "Belaya Gora",
"Novomikhailovka"): the Kremlin's and Russian agencies' English, and wire copy quoting them, spell front villages as
the Russian press does, a spelling no gazetteer lists. The Latin name is read back into Russian letters by the
press romanisation's rules (BGN/PCGN as simplified: "kh" х, "zh" ж, "ts" ц, "ya" я, a final "y" ый ...), and the
Russian form is matched as Russian copy is (spellings_ru_uk.py: "Работино" -> Роботине). A name in, entries out; pure.
"""
from __future__ import annotations

import re

from .gazetteer import Entry, Gazetteer
from .spellings_ru_uk import corresponding_settlements

# Letter groups of the press romanisation of Russian, longest first, and the Cyrillic they write.
GROUPS = (("shch", "щ"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"),
          ("yo", "е"), ("ye", "е"), ("iy", "ий"), ("yy", "ый"))
LETTERS = dict(zip("abvgdezijklmnoprstufhcyw", "абвгдезийклмнопрстуфхкыв"))
VOWELS = frozenset("aeiou")
# Word endings by which a Latin name reads as a Russian toponym romanised ("-ovka", "-ino", "-oye", "-sk", "-aya"):
# only such names are read back, so that no foreign name turns into a Ukrainian village.
# (An ending, not a letter group alone: "Khatyn" is the Belarusian village, no Ukrainian Khotyn.)
RUSSIAN_ENDINGS = re.compile(r"(?:ka|ovo|evo|ino|yno|oye|eye|sk|aya|yy|iy|oy|ye|ets|ok|no|ny|ga|ra|ya)$")


def russian_form(name: str) -> str | None:
    """The Russian spelling a press-romanised name reads as ("Belaya Gora" -> "белая гора", "Novomikhailovka" ->
    "новомихайловка"), or None when it does not read as a Russian toponym."""
    words = name.lower().replace("’", "").replace("'", "").split()
    if not words or not all(re.fullmatch(r"[a-z-]+", w) for w in words):
        return None
    last = words[-1]
    if not RUSSIAN_ENDINGS.search(last):
        return None
    return " ".join(_word(w) for w in words)


def _word(word: str) -> str:
    """One romanised word in Russian letters."""
    out, i = [], 0
    while i < len(word):
        group = next(((latin, cyrillic) for latin, cyrillic in GROUPS if word.startswith(latin, i)), None)
        if group is not None and not (group[0] in ("iy", "yy") and i + len(group[0]) < len(word)):
            # ("Staromayorskoye": й and о after a vowel; "Artyomovsk": ё after a consonant)
            out.append("йо" if group[0] == "yo" and i > 0 and word[i - 1] in VOWELS else group[1])
            i += len(group[0])
            continue
        letter = word[i]
        if letter == "i" and i > 0 and word[i - 1] in VOWELS and (i + 1 == len(word) or word[i + 1] not in VOWELS):
            out.append("й")  # "Mikhailovka": Михайловка
        elif letter == "y" and i + 1 == len(word):
            out.append("ый" if i > 0 and word[i - 1] not in VOWELS else "й")  # "Krasny": Красный
        elif letter == "y" and i > 0 and word[i - 1] in VOWELS:
            out.append("й")
        elif letter == "y" and i > 0 and i + 1 < len(word) and word[i + 1] in VOWELS:
            out.append("ь")  # "Maryinka": Марьинка
        else:
            out.append(LETTERS.get(letter, letter))
        i += 1
    return "".join(out)


def russian_romanised_settlements(gaz: Gazetteer, name: str) -> list[Entry]:
    """The Ukrainian settlements a Latin name spells when read as the Russian name romanised, else []."""
    form = russian_form(name)
    return corresponding_settlements(gaz, form) if form else []
