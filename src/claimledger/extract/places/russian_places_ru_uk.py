"""Places of Russia the gazetteer lacks, for places_ru_uk.py: the districts of the border regions ("в Суджанском
районе": place_adjectives_ru_uk.py names them) and the villages of reports told there ("Мартыновка и Мальцевка
Курской области": unlisted_villages_ru.py names them), and the Ukrainian namesakes such a report does not mean.

Each function takes the parsed text, the resolver's mentions (start, end, kind, levels, lemma_query) and their
resolutions, in text order, and returns per mention what it stands for (``city_district`` tells a district of a
city from a raion, for either country). Pure, over the gazetteer.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..language.cyrillic import CyrDoc
from .gazetteer import THEATRE, Entry, Gazetteer, Resolution, km_between
from .name_context_ru_uk import LIST_JOINERS, in_settlement_list
from .place_adjectives_ru_uk import RussianRaion, russian_raion
from .place_weights import FRONT_OBLASTS
from .unlisted_villages_ru import village_name

# Mentions that name a place by its own name: found in the gazetteer, or a settlement's name it lacks; levels of
# the places a Russian or Ukrainian setting is told by.
NAME_KINDS = frozenset({"name", "village"})
LOCAL_LEVELS = frozenset({"settlement", "hromada", "raion", "oblast"})
# A Ukrainian village this far from every Russian region a report names is no village of a list that report tells
# of that region ("в направлении населенных пунктов Комаровка, ... Любимовка" of Kursk Oblast is no pair of
# namesakes in Rivne Oblast); the Sumy and Kharkiv villages next to the border regions lie well within it.
NAMESAKE_KM = 300.0
# A city noun in the genitive (or its abbreviation) after a district's head noun: the district is the city's.
CITY_GENITIVES = frozenset({"города", "міста", "г", "г."})


def russian_raions(doc: CyrDoc, gaz: Gazetteer, mentions: Sequence, results: Sequence[Resolution]
                   ) -> dict[int, RussianRaion]:
    """Mention index -> the raion or okrug of Russia the gazetteer lacks, named after a Russian town it knows
    ("Глушковского района": Glushkovsky District of Kursk Oblast); not a district of a city named after it
    ("Куйбышевского и Киевского районов Донецка")."""
    found = {}
    for k, (m, r) in enumerate(zip(mentions, results)):
        if m.kind != "area" or r.entry is not None or "raion" not in m.levels:
            continue
        raion = russian_raion(gaz, m.lemma_query.split(" ", 1)[0])
        if raion is not None and not city_district(doc, mentions, results, k):
            found[k] = raion
    return found


def city_district(doc: CyrDoc, mentions: Sequence, results: Sequence[Resolution], k: int) -> bool:
    """True when area mention ``k`` is a district of the city named right after its head noun ("Куйбышевского и
    Киевского районов Донецка", "у Подільському районі Києва") or of one a city noun there refers to ("жилые
    кварталы Днепровского района города", "Шевченківського району міста"): no raion of an oblast."""
    m = mentions[k]
    noun = m.lemma_query.split()[-1]
    after = next((t.i + 1 for t in doc.tokens[m.start:doc.sentence_of(m.start).last] if noun in t.lemmas), None)
    if after is not None and after < len(doc.tokens) and doc.tokens[after].lower in CITY_GENITIVES:
        return True
    city = next((r for n, r in zip(mentions, results) if n.start == after), None)
    return city is not None and city.entry is not None and city.entry.level == "settlement"


def told_in_russia(doc: CyrDoc, gaz: Gazetteer, mentions: Sequence, results: Sequence[Resolution],
                   villages: Sequence[str | None], raions: dict[int, RussianRaion], areas: frozenset[str]) -> set[int]:
    """The districts of ``raions`` a report places acts in: those whose oblast it (or its headline: ``areas``)
    names, or a Russian place (a village the gazetteer lacks too) in the district's sentence or the one before, or
    all when it names no Ukrainian place; not a district of a Ukrainian city's report ("ракетный удар по Харькову
    ... в Слободском районе")."""
    named = areas | {r.entry.id for r in results if r.entry is not None and r.entry.level == "oblast"}
    local = {country: {doc.tokens[m.start].sent for m, r in zip(mentions, results) if r.entry is not None
                       and r.entry.country == country and r.entry.level in LOCAL_LEVELS} for country in THEATRE}
    local["RU"] |= {doc.tokens[m.start].sent for m, village in zip(mentions, villages) if village is not None}
    in_ukraine = bool(local["UA"]) or any((e := gaz.get(a)) is not None and e.country == "UA" for a in areas)
    return {k for k, raion in raions.items() if raion.oblast.id in named or not in_ukraine
            or {doc.tokens[mentions[k].start].sent, doc.tokens[mentions[k].start].sent - 1} & local["RU"]}


def russian_villages(doc: CyrDoc, mentions: Sequence, results: Sequence[Resolution], stated: Sequence[Entry | None],
                     raions: dict[int, RussianRaion], in_russia: bool) -> list[str | None]:
    """Per mention, the canonical name of a Russian village the gazetteer lacks (unlisted_villages_ru.py), else
    None: a name the gazetteer settles nowhere in the Russian oblast or raion stated for it, or one a settlement
    noun governs that it cannot settle, in a sentence naming no Ukrainian place, itself or the one before it
    naming a Russian one, or in a report naming Russian places (or ``in_russia``: its headline names a Russian
    region) and no Ukrainian one."""
    russian, ukrainian = set(), set()
    for k, (m, r) in enumerate(zip(mentions, results)):
        sentence = doc.tokens[m.start].sent
        if k in raions or r.entry is not None and r.entry.country == "RU" and r.entry.level in LOCAL_LEVELS:
            russian.add(sentence)
        elif r.entry is not None and r.entry.country == "UA" and r.entry.level in LOCAL_LEVELS:
            ukrainian.add(sentence)
    names: list[str | None] = []
    for m, r, area in zip(mentions, results, stated):
        sentence = doc.tokens[m.start].sent
        if area is not None:
            village = area.country == "RU" and r.entry is None
        else:
            village = r.entry is None and m.kind in NAME_KINDS and sentence not in ukrainian \
                and (bool({sentence, sentence - 1} & russian) or (bool(russian) or in_russia) and not ukrainian) \
                and (m.kind == "village" or in_settlement_list(doc, m.start))  # (a village: what governs it is said)
        names.append(village_name(doc, m.start, m.end) if village else None)
    return names


def namesakes_far_off(doc: CyrDoc, gaz: Gazetteer, mentions: Sequence, results: Sequence[Resolution],
                      stated: Sequence[Entry | None], areas: frozenset[str]) -> list[Resolution]:
    """``results`` with the villages of a list left unsettled when the report is told in a Russian border region (its
    headline names one: ``areas``, or its text, and it names no Ukrainian oblast) and the village the gazetteer picks
    lies off the front, more than NAMESAKE_KM from every such region, with no area stated for it (module
    docstring); such a list names Russian villages the gazetteer lacks."""
    regions = [e for a in areas | {r.entry.id for r in results if r.entry is not None}
               if (e := gaz.get(a)) is not None and e.country == "RU" and e.level == "oblast" and e.lat is not None]
    if not regions or any(r.entry is not None and r.entry.country == "UA" and r.entry.level == "oblast"
                          for r in results):
        return list(results)
    out = []
    for m, r, area in zip(mentions, results, stated):
        e = r.entry
        if area is None and e is not None and e.country == "UA" and e.level == "settlement" and e.lat is not None \
                and e.category in ("C", "X") and e.oblast not in FRONT_OBLASTS and in_settlement_list(doc, m.start) \
                and all(km_between(e, region) > NAMESAKE_KM for region in regions):
            r = Resolution(None, r.candidates, r.scores)
        out.append(r)
    return out


def villages_off_the_list(doc: CyrDoc, mentions: Sequence, results: Sequence[Resolution],
                          stated: Sequence[Entry | None]) -> list[Resolution]:
    """``results`` with a village of a list left unsettled when it lies off the front, more than NAMESAKE_KM from
    every settlement resolved that the list joins to it, which all lie on the front, and no area is stated for it
    ("окраины Острого, Цукурино и Горняка": no Ostra of Chernivtsi Oblast beside two villages of Donetsk Oblast);
    a front report's list names neighbours, and the one the gazetteer placed far off is one it lacks."""
    out = list(results)
    for n, (m, r, area) in enumerate(zip(mentions, results, stated)):
        e = r.entry
        if area is not None or e is None or e.country != "UA" or e.level != "settlement" or e.lat is None \
                or e.category not in ("C", "X") or e.oblast in FRONT_OBLASTS:
            continue
        first = last = n  # the list: the mentions joined to this one by commas and conjunctions
        while first > 0 and joined_mentions(doc, mentions[first - 1], mentions[first]):
            first -= 1
        while last + 1 < len(mentions) and joined_mentions(doc, mentions[last], mentions[last + 1]):
            last += 1
        mates = [x.entry for k, x in enumerate(results[first:last + 1], first)
                 if k != n and x.entry is not None and x.entry.level == "settlement" and x.entry.lat is not None]
        if mates and all(x.oblast in FRONT_OBLASTS and km_between(e, x) > NAMESAKE_KM for x in mates):
            out[n] = Resolution(None, r.candidates, r.scores)
    return out


def joined_mentions(doc: CyrDoc, before, after) -> bool:
    """True when only commas and conjunctions stand between two mentions ("Острого, Цукурино и Горняка")."""
    return before.end < after.start and all(t.lower in LIST_JOINERS for t in doc.tokens[before.end:after.start])
