"""Gazetteer entries a Russian or Ukrainian place name may stand for, in any case form and either spelling:
the name as written and by its dictionary lemmas ("Вовчанська" is the hromada's name and the city's genitive),
Russian forms of Ukrainian villages ("Степаново" -> Степанове), consonant-final stems ("Харкова" -> Харків),
regional names of oblasts ("на Донеччині") and Russian spellings matched by vowel correspondences
(spellings_ru_uk.py). Read by places_ru_uk.py, which decides which capitalised words are places at all.
"""
from __future__ import annotations

import functools
import re

from ..language.cyrillic import CyrDoc, has_reading
from .gazetteer import CLAIMED_OBLASTS, THEATRE, Entry, Gazetteer, own_name
from .name_keys import normalise
from ..language.nlp import load_morphology
from .spellings_ru_uk import corresponding_settlements

# Lemma endings of adjective readings, tried after the noun readings ("Лисичанську" is Лисичанськ first).
ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ій", "ая", "яя")
# Neuter and feminine endings of Russian adjectives: such a word never names a place by its masculine lemma.
NON_MASCULINE_ADJECTIVE = ("ое", "ее", "ая", "яя", "ую", "юю")
# Endings that Russian masculine and neuter adjectives share in the oblique cases ("Северного", "Северному").
NEUTER_SHARED_ENDINGS = ("ого", "его", "ому", "ему", "ым", "им", "ом", "ем")
ADJECTIVAL_CASE_ENDINGS = NEUTER_SHARED_ENDINGS[:4]  # ... which only adjectives take ("ого", "его", "ому", "ему")
CONSONANT_END = re.compile(r"[бвгґджзклмнпрстфхцчшщ]$", re.IGNORECASE)  # (not "й": "Кропивницький")
THEATRE_TOWN_POPULATION = 100_000  # a town of Russia beyond the border regions this big is what its name means
# Case endings stripped to find a consonant-final settlement name (longest first).
CASE_ENDINGS = ("ові", "еві", "ому", "ом", "ем", "ою", "ею", "ом", "у", "ю", "і", "а", "я", "е")
# Regional names of oblasts the gazetteer lacks, by stem (any case ending follows): the doubled-consonant
# forms of Ukrainian ("Донеччині", "Вінниччини"), historical regions used for an oblast, and the Russian
# "-щина" forms. Values: the oblast's KATOTTG code (Russian oblasts: the gazetteer's area id).
OBLAST_NICKNAMES = {
    "донеччин": "UA14000000000091971", "донетчин": "UA14000000000091971", "вінниччин": "UA05000000000010236",
    "винничин": "UA05000000000010236", "хмельниччин": "UA68000000000099709", "хмельничин": "UA68000000000099709",
    "закарпатт": "UA21000000000011690", "закарпатье": "UA21000000000011690", "волин": "UA07000000000024379",
    "буковин": "UA73000000000044923", "харьковщин": "UA63000000000041885", "херсонщин": "UA65000000000030969",
    "сумщин": "UA59000000000057109", "запорожь": "UA23000000000064947", "белгородчин": "area:Belgorod Oblast",
    "курщин": "area:Kursk Oblast", "брянщин": "area:Bryansk Oblast",
}
NICKNAME_ENDINGS = ("", "а", "и", "ы", "і", "у", "ю", "ою", "ой", "е", "я", "ї", "ей", "ью", "ям", "ь", "ню")
# A "-щина" name of a town's district in any case ("Нікопольщині", "Куп'янщину"): the raion named after the town.
RAION_NICKNAME = re.compile(r"^(?P<base>\w[\w'’ʼ]{2,}?)щин(?:а|и|і|у|ою|ой|е|ы)$")
# The cases a Russian preposition governs. A name in -ом/-ем (O_ENDINGS) is a masculine noun's instrumental ("под
# Торецком": the town Торецк) or an adjectival name's prepositional ("в Торецком": the village Торецкое, whose
# instrumental is "Торецким"), so the preposition before it tells which of the two it can be.
PREPOSITION_CASES = {
    "под": frozenset({"ablt", "accs"}), "над": frozenset({"ablt"}), "перед": frozenset({"ablt"}),
    "между": frozenset({"ablt", "gent"}), "за": frozenset({"ablt", "accs"}), "с": frozenset({"ablt", "gent", "accs"}),
    "со": frozenset({"ablt", "gent", "accs"}), "в": frozenset({"loct", "accs"}), "во": frozenset({"loct", "accs"}),
    "на": frozenset({"loct", "accs"}), "о": frozenset({"loct", "accs"}), "об": frozenset({"loct", "accs"}),
    "при": frozenset({"loct"}), "у": frozenset({"gent"}), "около": frozenset({"gent"}), "возле": frozenset({"gent"}),
    "из": frozenset({"gent"}), "от": frozenset({"gent"}), "до": frozenset({"gent"}), "близ": frozenset({"gent"}),
    "к": frozenset({"datv"}), "ко": frozenset({"datv"}), "по": frozenset({"datv", "loct", "accs"}),
}
O_ENDINGS = ("ом", "ем")
# Endings of Ukrainian settlement names that are adjectives (Торецьке, Кам'янське), whose Russian forms decline as
# adjectives ("Торецким"), unlike nouns in -ове or -ине ("под Кураховом": Курахове).
ADJECTIVAL_NAME_ENDINGS = ("ське", "цьке", "зьке")
# The first parts of compound names that copy also writes with a hyphen ("Ново-Михайловка" for Новомихайловка).
COMPOUND_PREFIX = re.compile(r"^(Ново|Старо|Велико|Мало|Верхне|Нижне|Средне|Нове|Верхньо|Нижньо|Середньо)-(\w)")
MAX_FUZZY_TOKENS = 3  # longest name looked up in its case forms ("Донецкой Народной Республике")
MAX_SPELLINGS = 8  # Ukrainian spellings looked up per Russian name (exact look-ups, cheap)
# Russian -> Ukrainian spelling of village names, tried when the gazetteer lacks the Russian form:
# endings first (neuter adjectives and -овка), then single letters.
RU_UK_ENDINGS = (("ово", "ове"), ("ево", "еве"), ("ское", "ське"), ("цкое", "цьке"), ("ое", "е"),
                 ("ая", "а"), ("ый", "ий"), ("ица", "иця"), ("овка", "івка"), ("евка", "івка"), ("ёвка", "івка"))
# ... and letters ("Соловьево" -> Соловйове; a soft sign before я or ю is the Ukrainian apostrophe: "Лукьянцы" ->
# Лук'янці)
RU_UK_LETTERS = (("ы", "и"), ("э", "е"), ("ьё", "йо"), ("ье", "йо"), ("ё", "ьо"), ("ья", "'я"), ("ью", "'ю"))
UK_READINGS = 3  # Ukrainian dictionary readings of a respelt Russian form tried for its nominative


def name_candidates(gaz: Gazetteer, doc: CyrDoc, start: int, end: int, *,
                    located: bool = False) -> tuple[list[Entry], str, bool]:
    """Gazetteer entries for the name in tokens [start, end), the surface to resolve it by (its
    nominative when the gazetteer knows it) and whether that surface is exactly a known name.

    A one-word name is looked up as written and by each dictionary lemma ("Вовчанська" is both the
    hromada's name and the city's genitive); in Russian text also by its Ukrainian spellings, which
    a word of the dictionary ("Глубокое", deep) gets only when ``located``: its context makes it a place. A Russian
    name in -ом/-ем keeps the candidates its preposition's case allows (PREPOSITION_CASES), and a name in the
    locative after "на" that names an oblast's centre is the oblast ("на Запоріжжі")."""
    t = doc.tokens[start]
    text, lemmas, lemma = doc.span_text(start, end), t.lemmas, t.lemma
    if end - start == 1 and COMPOUND_PREFIX.match(text):  # "Ново-Михайловку": Новомихайловка, written apart
        text = COMPOUND_PREFIX.sub(lambda m: m[1] + m[2].lower(), text)
        lemmas, lemma = tuple(w.replace("-", "", 1) for w in lemmas), lemma.replace("-", "", 1)
    found, surface, exact = _name_candidates(gaz, text, end - start, lemmas, lemma, doc.language, located)
    if doc.language == "ru" and start > 0 and end - start == 1 and t.lower.endswith(O_ENDINGS):
        found = _in_the_case_governed(list(found), PREPOSITION_CASES.get(doc.tokens[start - 1].lower))
    region = _region_named_for(gaz, found) if start > 0 and end - start == 1 and doc.tokens[start - 1].lower == "на" \
        and has_reading(t.text, doc.language, None, "loct") else None
    return ([region] if region is not None else list(found)), surface, exact


def _in_the_case_governed(found: list[Entry], cases: frozenset[str] | None) -> list[Entry]:
    """The candidates of a Russian name in -ом/-ем that the case ``cases`` of the preposition before it allows: after
    one that takes no prepositional, no Ukrainian village whose name is an adjective (Торецьке); after
    one that takes no instrumental, no Ukrainian settlement whose name ends in a consonant (Торецьк). All of them
    when that would leave none, or when no preposition is known."""
    if cases is None:
        return found
    ukrainian = lambda e: e.level == "settlement" and (e.ref or "").startswith("UA") and e.name_uk
    adjectival = lambda e: ukrainian(e) and normalise(e.name_uk).endswith(ADJECTIVAL_NAME_ENDINGS)
    consonant = lambda e: ukrainian(e) and normalise(e.name_uk)[-1] not in "аеєиіїоуюя"
    kept = [e for e in found if not ("loct" not in cases and adjectival(e) or "ablt" not in cases and consonant(e))]
    return kept or found


def _region_named_for(gaz: Gazetteer, found: tuple[Entry, ...]) -> Entry | None:
    """The oblast named after a settlement of ``found``, its centre, for a name in the locative after "на": a region
    is "on" ("на Запоріжжі", "на Запорожье"), a town "in" ("у Запоріжжі"). None when no such oblast is found."""
    for e in found:
        oblast = gaz.get(e.oblast) if e.level == "settlement" and e.oblast else None
        if oblast is not None and oblast.level == "oblast" and oblast.name == f"{e.name} Oblast":
            return oblast
    return None


@functools.lru_cache(maxsize=50_000)
def _name_candidates(gaz: Gazetteer, text: str, n_tokens: int, lemmas: tuple[str, ...], lemma: str,
                     language: str, located: bool = False) -> tuple[tuple[Entry, ...], str, bool]:
    """name_candidates for a surface and its first token's lemmas (cached: names repeat across articles)."""
    upper = text.isupper() and len(text) <= 5  # abbreviations: РФ, ДНР, США
    found = gaz.lookup(text, fuzzy=not upper and n_tokens <= MAX_FUZZY_TOKENS)
    surface, exact = text, gaz.has_name(text)
    if not exact and n_tokens == 1 and not any(gaz.has_name(w) for w in lemmas) \
            and any(load_morphology(language).word_is_known(w) for w in lemmas):
        # "в Палаті представників": a chamber, not Palatka (Florida); a country or region alike stays ("Сибір")
        found = [e for e in found if _of_theatre(e) or e.level != "settlement"]
    # noun readings first: "Лисичанську" is Лисичанськ before the adjective лисичанський
    ordered = sorted(lemmas, key=lambda w: w.endswith(ADJECTIVE_ENDINGS))
    if n_tokens == 1 and not upper:
        own = any(own_name(e, text) for e in found)
        for reading in ordered:
            if reading.endswith(ADJECTIVE_ENDINGS) and text.lower().endswith(NON_MASCULINE_ADJECTIVE):
                continue  # "Глубокое" is no case form of a village Глубокий
            if gaz.has_name(reading):
                hits = gaz.lookup(reading, fuzzy=False)
                found += hits
                if not exact or not own and any(own_name(e, reading) for e in hits):
                    surface, exact, own = reading, True, any(own_name(e, reading) for e in hits)
        if language == "ru" or not found:
            found += _russian_village_forms(gaz, text.lower(), lemma)
        if language == "ru":
            for neuter in _neuter_nominatives(text):  # "у Северного": Северное (Сєверне) as well as Северный
                found += [e for e in gaz.lookup(neuter, fuzzy=False) if e.ref] + _russian_village_forms(gaz, neuter, neuter)
                found += corresponding_settlements(gaz, neuter)
        if not any(e.level == "settlement" for e in found):
            found += _consonant_stem_forms(gaz, text)
        if not found:
            found += _oblast_nickname(gaz, text.lower()) or raion_nickname(gaz, text.lower())
    # a Russian spelling of a Ukrainian village is tried also when only homonyms abroad or deep in Russia were found,
    # or villages whose Ukrainian name it happens to spell ("Пушкино": a Moscow-region town and Пушкіно of
    # Zakarpattia, and Пушкіне of Pokrovsk raion, which the villages named with it choose)
    # ("Глубокое": a Belarusian and a Kazakh Glubokoye, while the report means Глибоке of Kharkiv Oblast),
    # or only places of the war whose names merely look alike ("Каменского": no Kamensk-Shakhtinsky)
    if language == "ru" and not upper and not (exact and any(_of_theatre(e) and e.ref and not _ukrainian_village(e)
                                                             for e in found)) \
            and (located or not _dictionary_word(text, n_tokens)):
        spellings = corresponding_settlements(gaz, text)
        spelled = {e.id for e in spellings}
        if not exact and spelled & {e.id for e in found if _ukrainian_village(e)}:
            # of the villages found alike, those the Russian form spells by the rules ("Пыльная" is Пильна, whose и a
            # Russian ы answers, not Пільна)
            found = [e for e in found if not _ukrainian_village(e) or e.id in spelled]
        found += spellings
    found = [gaz.get(CLAIMED_OBLASTS[e.id]) or e if e.id in CLAIMED_OBLASTS else e for e in found]
    found = list({e.id: e for e in found}.values())
    if n_tokens == 1 and text.lower().endswith(ADJECTIVAL_CASE_ENDINGS):
        # an adjective's case form is no form of a name ending in a consonant ("Острого" is Острое, not Острог)
        found = [e for e in found if not CONSONANT_END.search(e.name_uk or e.name)]
    if any(e.level == "settlement" for e in found):  # a bare "Вовчанська" is the town's genitive, not the hromada
        found = [e for e in found if e.level != "hromada"]
        own = [reading for reading in (text, *ordered)
               if any(e.level == "settlement" and own_name(e, reading) for e in found)]
        if own and n_tokens == 1:
            surface, exact = own[0], True
    return tuple(found), surface, exact


def _ukrainian_village(e: Entry) -> bool:
    """True for a village or selyshche of the KATOTTG codifier (category C or X)."""
    return e.country == "UA" and e.level == "settlement" and e.category in ("C", "X")


def _of_theatre(e: Entry) -> bool:
    """True for a place of the war's countries that a Russian name means when it spells it exactly: a Ukrainian
    unit, a place of Russia's border regions (both with refs), or a big town of Russia; not a village deep in
    Russia ("Ясная Поляна" of Stavropol Krai, when the report means Ясна Поляна of Donetsk Oblast)."""
    return e.country in THEATRE and (e.ref is not None or (e.population or 0) >= THEATRE_TOWN_POPULATION)


def _russian_village_forms(gaz: Gazetteer, lower: str, lemma: str) -> list[Entry]:
    """Ukrainian settlements whose name is the Ukrainian spelling of this Russian form (word, lemma)."""
    found: list[Entry] = []
    spelt = _ukrainian_spellings(lower)[: MAX_SPELLINGS]
    for variants in (spelt, _ukrainian_spellings(lemma)[: MAX_SPELLINGS] if lemma != lower else []):
        for variant in variants:
            found += [e for e in gaz.lookup(variant, fuzzy=False) if e.ref and e.ref.startswith("UA")]
        if found:
            break
    if not found:  # a case form spelt the Ukrainian way, put in the nominative by the Ukrainian dictionary ("в районе
        # Лукьянцев" -> Лук'янців -> Лук'янці): the Russian dictionary reads its lemma as another word
        for variant in spelt:
            for form in dict.fromkeys(p.normal_form for p in load_morphology("uk").parse(variant)[:UK_READINGS]):
                if form != variant:
                    found += [e for e in gaz.lookup(form, fuzzy=False) if _ukrainian_village(e)]
    return list({e.id: e for e in found}.values())


def _neuter_nominatives(word: str) -> list[str]:
    """The neuter nominatives of a Russian adjective in a case the masculine shares ("Северного", "Красному"):
    a village is a село, so its adjectival name is neuter, while the lemma the dictionary gives is masculine."""
    lower = word.lower()
    if not lower.endswith(NEUTER_SHARED_ENDINGS):
        return []
    forms = []
    for p in load_morphology("ru").parse(lower):
        if p.tag.POS == "ADJF" and "neut" in p.tag and p.tag.case != "nomn":
            nominative = p.inflect({"nomn"})
            if nominative is not None:
                forms.append(nominative.word)
    return list(dict.fromkeys(forms))


def _dictionary_word(text: str, n_tokens: int) -> bool:
    """True for one word the Russian dictionary knows as an ordinary word (not a geographic name):
    "Работе", "Западе" are never re-spelled into villages."""
    if n_tokens != 1:
        return False
    morph = load_morphology("ru")
    lower = text.lower()
    return morph.word_is_known(lower) and not any("Geox" in str(p.tag) for p in morph.parse(lower)[:3])


def _oblast_nickname(gaz: Gazetteer, lower: str) -> list[Entry]:
    """The oblast a regional name stands for ("на Донеччині" -> Donetsk Oblast), from OBLAST_NICKNAMES."""
    ref = oblast_nickname_ref(lower)
    entry = gaz.get(ref) if ref is not None else None
    return [entry] if entry is not None else []


def raion_nickname(gaz: Gazetteer, lower: str) -> list[Entry]:
    """The raion a "-щина" name of its town stands for ("на Нікопольщині" -> Nikopol Raion, "Куп'янщина",
    "Ізюмщину"): the raion named by the town's adjective, when the gazetteer has one."""
    match = RAION_NICKNAME.match(lower)
    if match is None:
        return []
    base = match["base"]
    for fuzzy in (False, True):  # the Russian spelling is no alias of the gazetteer's ("Никопольщину": Нікопольський)
        for adjective in dict.fromkeys((base, base + "ь", base.rstrip("ь"))):  # "Нікопольщина": Нікопольський
            for ending in ("ський", "ский"):
                hits = [e for e in gaz.lookup(adjective + ending, fuzzy=fuzzy) if e.level == "raion"]
                if hits:
                    return hits
    return []


def oblast_nickname_ref(lower: str) -> str | None:
    """The ref of the oblast a lower-case regional name stands for ("сумщину" -> Sumy Oblast), or None."""
    for stem, ref in OBLAST_NICKNAMES.items():
        if lower.startswith(stem) and lower[len(stem):] in NICKNAME_ENDINGS:
            return ref
    return None


def _consonant_stem_forms(gaz: Gazetteer, word: str) -> list[Entry]:
    """Settlements whose name ends in a consonant, from a case form the dictionary reads otherwise
    ("Донецьку" -> Донецьк, "Лисичанська" -> Лисичанськ), with the closed-syllable і of Ukrainian
    ("Харкова" -> Харків)."""
    lower = word.lower()
    found: list[Entry] = []
    for ending in CASE_ENDINGS:
        if lower.endswith(ending) and len(lower) - len(ending) >= 4:
            stem = lower[: -len(ending)]
            variants = [stem, re.sub(r"[оеє](?=[^аеєиіїоуюяыэ]$)", lambda m: "ї" if m.group() == "є" else "і", stem)]
            for variant in dict.fromkeys(variants):
                found += [e for e in gaz.lookup(variant, fuzzy=False) if e.level == "settlement"]
            if found:
                break
    return found


def _ukrainian_spellings(word: str) -> list[str]:
    """Ukrainian spellings of a Russian place name: ending rules, then е/и -> і at one position."""
    for a, b in RU_UK_ENDINGS:
        if word.endswith(a):
            word = word[: -len(a)] + b
            break
    for a, b in RU_UK_LETTERS:
        word = word.replace(a, b)
    variants = [word]
    for k, ch in enumerate(word[:-1]):
        if ch in "еи":
            variants.append(word[:k] + "і" + word[k + 1:])
    return variants
