"""Places named by an adjective in Russian and Ukrainian text: the town a front direction is named after
("Купянское направление" -> Kupiansk) and the district of Russia named after its centre ("в Суджанском районе" ->
Sudzhansky District, centre Sudzha, Kursk Oblast), which the gazetteer lacks.

An adjective's dictionary form goes in (``adjective_lemma`` gives it for a token); a gazetteer entry or a
``RussianRaion`` comes out. Pure, over the gazetteer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..language.cyrillic import Token
from .gazetteer import Entry, Gazetteer
from .name_context_ru_uk import CITY_CATEGORIES
from .place_candidates_ru_uk import corresponding_settlements
from ..attribution.romanisation import romanise

# Suffixes of adjectives derived from place names, with the endings that rebuild the place name
# (Купянский -> Купянск, Покровський -> Покровськ, Харківський -> Харків, Авдіївський -> Авдіївка, Донецкий ->
# Донецк; the Russian exonyms: Авдеевский -> Авдеевка, Кураховский -> Курахово, Запорожский -> Запорожье). The
# most prominent settlement any ending gives is the direction's.
PLACE_ADJECTIVE = re.compile(r"(?:ский|ськ[ий]й?|цкий|цький|зький|зкий|ський)$")
# The same adjectives in any case form, for words the dictionary reads as a noun ("Купянском" as the
# instrumental of Купянск): stem group 1, case ending group 2.
INFLECTED_PLACE_ADJECTIVE = re.compile(
    r"^(.+(?:ск|цк|зк|ськ|цьк|зьк))"
    r"(ий|ый|ой|ого|ому|ом|ая|ой|ую|ое|ые|ых|ым|ими|ыми|ій|ої|ою|у|е|і|их|им|ому|ого|ім|ій)$")
ADJECTIVE_STEMS = (("ский", ("ск", "", "а", "и", "ка", "о", "ье", "ово", "ево")),  # курахский: Курахово
                   ("ський", ("ськ", "", "а", "и", "ка")),
                   ("цкий", ("цк", "ц")), ("цький", ("цьк", "ць")), ("зький", ("зьк", "г", "жжя")))  # запорізький
# The first word of a two-word town an axis adjective writes as one ("Великоновосілківський" -> Велика Новосілка,
# "Великобурлукский" -> Великий Бурлук), tried when the one-word town is not found.
COMPOUND_PREFIXES = (("велико", ("велика", "великий", "велике", "великая", "великий", "великое")),
                     ("мало", ("мала", "малий", "мале", "малая", "малый", "малое")),
                     ("красно", ("красный", "красная", "красное")))  # "краснолиманское": Красный Лиман (Lyman)

# The Russian regions whose every place of 500 people the gazetteer holds (GeoNames cities500 of the border
# regions): a district's centre is looked for there alone, as a name elsewhere may be a namesake city
# ("Климовский район" of Bryansk Oblast is Klimovo's, not Klimovsk's of Moscow Oblast).
BORDER_OBLASTS = frozenset({"area:Belgorod Oblast", "area:Kursk Oblast", "area:Bryansk Oblast",
                            "area:Voronezh Oblast", "area:Rostov Oblast"})
# Further endings of the towns Russian districts are named after (Валуйский -> Валуйки, Обоянский -> Обоянь,
# Навлинский -> Навля), and those of towns in -а/-я whose adjective inserts a suffix (суджанский -> Суджа,
# навлинский -> Навля).
CENTRE_ENDINGS = ("ки", "ь", "я")
INSERTED_SUFFIXES = (("ан", ("а",)), ("ин", ("я", "а")), ("н", ("а",)))
# Ukrainian letters of a Russian town's name as Russian writes them ("бєлгородський" -> "белгородский").
UKRAINIAN_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г"})


@dataclass(frozen=True)
class RussianRaion:
    """A district of Russia: English name, centre town and the oblast that holds it."""

    name: str
    centre: Entry
    oblast: Entry


def adjective_lemma(t: Token) -> str:
    """The masculine nominative of a place adjective, also when the dictionary reads it as a noun."""
    if PLACE_ADJECTIVE.search(t.lemma):
        return t.lemma
    m = INFLECTED_PLACE_ADJECTIVE.match(t.lower)
    return m.group(1) + "ий" if m else t.lemma


def axis_place(gaz: Gazetteer, adjective: str) -> Entry | None:
    """The settlement a front direction is named after (купянский -> Kupiansk, великоновосілківський -> Velyka
    Novosilka, великоновоселковский by the Russian spelling of its name), a town of Ukraine or of Russia's border
    regions, or None."""
    names = _place_names(adjective)
    for find in (lambda name: gaz.lookup(name, fuzzy=False), lambda name: corresponding_settlements(gaz, name)):
        hits = [e for name in names for e in find(name) if e.level == "settlement"
                and (e.country == "UA" or e.oblast in BORDER_OBLASTS)]  # a front's: not Kremmen for "кременский"
        if hits:
            return max(hits, key=lambda e: (e.category in CITY_CATEGORIES, e.population or 0, e.ref is not None))
    return None


# Compass words that open a compound front direction ("Южно-Донецкое направление": South Donetsk).
COMPASS_PREFIXES = {"южно": "South", "северо": "North", "западно": "West", "восточно": "East",
                    "південно": "South", "північно": "North", "західно": "West", "східно": "East"}
# Stems of the compass adjectives a compass word may run on to ("північно-східний": North-east).
COMPASS_STEMS = {"южн": "south", "северн": "north", "западн": "west", "восточн": "east",
                 "південн": "south", "північн": "north", "західн": "west", "східн": "east"}


def unlisted_axis_name(gaz: Gazetteer, adjective: str) -> str:
    """The English name of a front direction no town is named after (:func:`axis_place` finds none): a compass word
    and the town of the rest, hyphened or not ("южно-донецкий", "южнодонецкий": South Donetsk), else the adjective
    romanised ("таврический": Tavrichesky; "південно-слобожанський": South Slobozhanskyi)."""
    compass, _, rest = adjective.partition("-")
    if not rest:
        compass = next((c for c in COMPASS_PREFIXES if adjective.startswith(c) and len(adjective) > len(c)), "")
        rest = adjective[len(compass):] if compass else ""
    compassed = bool(rest) and compass in COMPASS_PREFIXES
    e = axis_place(gaz, rest) if compassed else None
    if e is not None:
        return f"{COMPASS_PREFIXES[compass]} {e.name}"
    language = "uk" if re.search("[іїєґ]", adjective) else "ru"
    second = next((name for stem, name in COMPASS_STEMS.items() if rest.startswith(stem)), None) if compassed else None
    if second is not None:  # "північно-східний": North-east
        return f"{COMPASS_PREFIXES[compass]}-{second}"
    if compassed:  # "південно-слобожанський": South Slobozhanskyi
        return f"{COMPASS_PREFIXES[compass]} {romanise(rest, language).capitalize()}"
    return romanise(adjective, language).capitalize()


def russian_raion(gaz: Gazetteer, adjective: str) -> RussianRaion | None:
    """The district of a Russian border region named by ``adjective`` (its dictionary form, "суджанский",
    "глушківський"), its centre the most populous town of those regions the adjective rebuilds; None when there is
    none. A raion and the okrug that succeeded it are one district ("Шебекинский район", "Шебекинский городской
    округ": Shebekinsky District), as the English press names both."""
    spelt = _russian_spelling(adjective)
    stem = spelt[: -len("ский")] if spelt.endswith(("ский", "цкий")) else None
    if stem is None:
        return None
    names = _place_names(spelt) + [stem + ending for ending in CENTRE_ENDINGS]
    names += [stem[: -len(suffix)] + ending for suffix, endings in INSERTED_SUFFIXES if stem.endswith(suffix)
              for ending in endings]
    hits = [e for name in names for e in gaz.lookup(name, fuzzy=False)
            if e.level == "settlement" and e.country == "RU" and e.oblast in BORDER_OBLASTS]
    centre = max(hits, key=lambda e: e.population or 0) if hits else None
    oblast = gaz.get(centre.oblast) if centre is not None else None
    if centre is None or oblast is None:
        return None
    word = romanise(spelt, "ru")
    return RussianRaion(f"{word[:1].upper()}{word[1:]} District", centre, oblast)


def _place_names(adjective: str) -> list[str]:
    """The names of the place an adjective may be derived from, by the suffix it ends in; [] for none."""
    for suffix, endings in ADJECTIVE_STEMS:
        if adjective.endswith(suffix):
            stem = adjective[: -len(suffix)]
            stems = [stem] + [word + " " + stem[len(prefix):] for prefix, words in COMPOUND_PREFIXES
                              if stem.startswith(prefix) and len(stem) > len(prefix) + 3 for word in words]
            # a town in -ка has its adjective in -ковский / -ківський (Новоселка, Новосілка); a Ukrainian town in
            # -ове in -івський (Курахове -> курахівський)
            stems += [s[:-2] for s in stems if s.endswith(("ков", "ків"))]
            stems += [s[:-2] + "ове" for s in stems if s.endswith("ів")]
            stems += [s[:-3] + "оле" for s in stems if s.endswith("іль")]  # Гуляйполе -> гуляйпільський
            return [s + ending for s in stems for ending in endings]
    return []


def _russian_spelling(adjective: str) -> str:
    """A Ukrainian adjective of a Russian town spelt as in Russian ("глушківський" -> "глушковский")."""
    if not adjective.endswith("ський"):
        return adjective
    stem = adjective[: -len("ський")]
    if stem.endswith("ів"):
        stem = stem[:-2] + "ов"
    return stem.translate(UKRAINIAN_LETTERS) + "ский"
