"""Russian spellings of Ukrainian settlement names: "Работино" -> Роботине, "Угледаром" -> Вугледар.

The KATOTTG gazetteer names settlements in Ukrainian; Russian copy spells them by Russian rules and
sound. ``corresponding_settlements(gaz, name)`` finds the Ukrainian settlements a Russian form (any
case) spells by systematic correspondences. Pure: a name and the gazetteer in, entries out.
"""
from __future__ import annotations

import functools
import re

from .gazetteer import Entry, Gazetteer
from .name_keys import normalise

# Russian spellings that differ from the Ukrainian name by more than those rules (Работино -> Роботине,
# Угледар -> Вугледар, Новоселка -> Новосілка, Орехов -> Оріхів) are matched by correspondence: Ukrainian
# settlement names are indexed by their consonant skeleton, a Russian form's skeleton is looked up there,
# and a candidate stays only when each vowel of its stem answers the Russian vowel by a systematic rule.
# Letters left out of a spelling before it is split into consonant runs and vowel groups.
SILENT_LETTERS = str.maketrans({"ь": None, "ъ": None, "'": None})
VOWEL_LETTERS = frozenset("аеиіїоуыэюяєй")  # й goes with its vowel ("Михайловка": group "ай")
# Russian case endings with a consonant, cut off before the look-up ("Угледаром", "Степового"); endings of
# vowels only need no cut, as the final vowel group (the ending) is never compared.
RU_CONSONANT_ENDINGS = ("ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ом", "ем", "ам", "ям", "ах",
                        "ях", "ым", "им", "ых", "их")
# Free correspondences, Russian vowel -> Ukrainian vowels, inside a name's stem: і for е and и (ѣ, the
# Ukrainian и/і split), є for е, ї after a soft sign or a vowel ("Марьинка" -> Мар'їнка, "Клещеевка" ->
# Кліщіївка), и for ы, е for э.
RU_UK_VOWELS = {"е": "еієї", "и": "иії", "ы": "и", "э": "е", "о": "о", "а": "а", "у": "у", "ю": "ю", "я": "я",
                "й": "й"}
# о (and е) -> і in a closed syllable of the Ukrainian name (Харьков -> Харків, Часов Яр -> Часів Яр).
CLOSED_SYLLABLE_VOWELS = {"о": "і", "е": "і"}
# о after ц, ж, ч, ш, щ is often е in Ukrainian ("Огурцово" -> Огірцеве, "Лисичанск" keeps its а), and е
# after them о ("Черное" -> Чорне).
HUSHING_CONSONANTS = frozenset("цжчшщ")
# е after a labial is 'я in Ukrainian ("Каменское" -> Кам'янське, "Каменка" -> Кам'янка; the apostrophe is
# silent here, and a Ukrainian labial before я always carries it).
LABIAL_CONSONANTS = frozenset("бпвмф")
# Vowels that differ between the two languages' words for one thing, not by a rule: unstressed о and а
# written as heard ("Работино" for Роботине), and Russian у for Ukrainian и or і in a shared root
# ("Глубокое" -> Глибоке, "Огурцово" -> Огірцеве). At most this many per name, so that a common Russian
# word one vowel away from a village does not become it.
MAX_LOOSE_VOWELS = 1
LOOSE_VOWELS = frozenset({("а", "о"), ("о", "а"), ("у", "и"), ("у", "і")})
MIN_SKELETON = 3  # consonant letters a one-word name needs before correspondences are tried
# Roots of place names whose Ukrainian form is another word, not a respelling, at the start of a word or
# inside a compound: the ordinals of "Новоселовка Первая" (Новоселівка Перша) and the roots "железн-"
# (залізн-, "Железное" -> Залізне), "никола-" (микола-, "Николаевка" -> Миколаївка, "Новониколаевка" ->
# Новомиколаївка), "елен-" (олен-, "Новоеленовка" -> Новооленівка), and the first parts "верхне-" and "нижне-"
# (верхньо-, нижньо-: "Верхнекаменское" -> Верхньокам'янське).
RU_UK_ROOTS = {"перв": "перш", "втор": "друг", "железн": "залізн", "никола": "микола", "елен": "олен",
               "верхне": "верхньо", "нижне": "нижньо"}


def corresponding_settlements(gaz: Gazetteer, name: str, level: str = "settlement") -> list[Entry]:
    """Ukrainian settlements (or units of another ``level``: "Белопольская" -> the hromada Білопільська) whose name
    this Russian form (any case) spells by the systematic Russian -> Ukrainian correspondences: "Работина" ->
    Роботине, "Угледаром" -> Вугледар, "Великой Новоселки" -> Велика Новосілка. Every name that fits is returned:
    the caller's context picks one, or reports the name as ambiguous."""
    words = normalise(name).split(" ")
    index = _skeleton_index(gaz, level)
    found: dict[str, Entry] = {}
    for spelling in _cut_forms(words):
        groups = [_segments(w) for w in spelling]
        if sum(len(c) for g in groups for c in g[1]) < MIN_SKELETON:
            continue
        key = _skeleton(groups)
        # a word written with no ending is no case form of a vowel-final name ("Орехов" is not Оріхове)
        bare = [w == word and not g[0][-1] for w, word, g in zip(spelling, words, groups)]
        for uk_name, entries in index.get(key, ()):
            uk_groups = [_segments(w) for w in uk_name.split(" ")]
            if _corresponds(groups, uk_groups) and not any(b and g[0][-1] for b, g in zip(bare, uk_groups)):
                found.update((e.id, e) for e in entries)
    return list(found.values())


def _cut_forms(words: list[str]) -> list[list[str]]:
    """The Russian words as written and with a consonant case ending cut off, with the Ukrainian
    в- before an initial у ("Угледар" -> Вугледар) and with a root of RU_UK_ROOTS in its Ukrainian form
    ("Новоселовка Первая" -> Перша, "Железное" -> Залізне, "Новоеленовка" -> Новооленівка), each word of a
    name in every such form."""
    def forms(word: str) -> list[str]:
        out = [word] + [word[: -len(e)] for e in RU_CONSONANT_ENDINGS if word.endswith(e) and len(word) >= len(e) + 2]
        out += [w.replace(ru, uk, 1) for w in out for ru, uk in RU_UK_ROOTS.items() if ru in w]
        return out + ["в" + w for w in out if w.startswith("у")]
    options = [[]]
    for word in words:
        options = [o + [f] for o in options for f in forms(word)]
    return options


@functools.lru_cache(maxsize=200_000)
def _segments(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A spelling as vowel groups and the consonant runs between them:
    "роботине" -> (("о", "о", "и", "е"), ("р", "б", "т", "н")); vowel groups are one more than the runs,
    the first and the last possibly empty."""
    vowels: list[str] = []
    consonants: list[str] = []
    current, is_vowel = "", True
    for ch in word.translate(SILENT_LETTERS):
        if (ch in VOWEL_LETTERS) != is_vowel:
            (vowels if is_vowel else consonants).append(current)
            current, is_vowel = "", not is_vowel
        current += ch
    (vowels if is_vowel else consonants).append(current)
    if not is_vowel:
        vowels.append("")
    return tuple(vowels), tuple(consonants)


def _skeleton(words: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> str:
    """The look-up key of segmented words: consonant runs, doubled letters as one ("запоріжжя" -> "з-п-р-ж")."""
    return " ".join("-".join(re.sub(r"(.)\1+", r"\1", c) for c in consonants) for _, consonants in words)


def _corresponds(russian: list[tuple[tuple[str, ...], tuple[str, ...]]],
                 ukrainian: list[tuple[tuple[str, ...], tuple[str, ...]]]) -> bool:
    """True when every vowel group of each Russian word but the last (its case ending) answers the
    Ukrainian one by RU_UK_VOWELS, CLOSED_SYLLABLE_VOWELS, о as е after HUSHING_CONSONANTS, е as я after
    LABIAL_CONSONANTS or at most
    MAX_LOOSE_VOWELS swaps of LOOSE_VOWELS."""
    if len(russian) != len(ukrainian):
        return False
    loose = 0
    for (ru_vowels, _), (uk_vowels, uk_consonants) in zip(russian, ukrainian):
        for k, (a, b) in enumerate(zip(ru_vowels[:-1], uk_vowels[:-1])):
            if len(a) != len(b):
                return False
            closed = len(uk_consonants[k]) > 1 if k < len(uk_consonants) else False
            closed = closed or k == len(uk_vowels) - 2 and not uk_vowels[-1]  # before the final consonant
            after_hushing = k > 0 and uk_consonants[k - 1][-1:] in HUSHING_CONSONANTS
            after_labial = k > 0 and uk_consonants[k - 1][-1:] in LABIAL_CONSONANTS
            for x, y in zip(a, b):
                if y in RU_UK_VOWELS.get(x, x) or closed and CLOSED_SYLLABLE_VOWELS.get(x) == y:
                    continue
                if after_hushing and (x, y) in (("о", "е"), ("е", "о")) or after_labial and (x, y) == ("е", "я"):
                    continue
                if (x, y) in LOOSE_VOWELS:
                    loose += 1
                    continue
                return False
    return loose <= MAX_LOOSE_VOWELS


@functools.lru_cache(maxsize=8)
def _skeleton_index(gaz: Gazetteer, level: str = "settlement") -> dict[str, list[tuple[str, tuple[Entry, ...]]]]:
    """Ukrainian names (KATOTTG) of units of ``level`` by consonant skeleton: "р-б-т-н" -> [("роботине", ...)]."""
    by_name: dict[str, list[Entry]] = {}
    for e in gaz.entries:
        if e.level == level and e.ref and e.ref.startswith("UA") and e.name_uk:
            by_name.setdefault(normalise(e.name_uk), []).append(e)
    index: dict[str, list[tuple[str, tuple[Entry, ...]]]] = {}
    for uk_name, entries in by_name.items():
        key = _skeleton([_segments(w) for w in uk_name.split(" ")])
        index.setdefault(key, []).append((uk_name, tuple(entries)))
    return index
