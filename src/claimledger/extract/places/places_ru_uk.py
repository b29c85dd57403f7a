"""Places in Russian and Ukrainian text: inflected toponyms resolved to KATOTTG codes and GeoNames ids.

``find_places_ru_uk(doc)`` takes a ``CyrDoc`` (cyrillic.py) and returns ``Place`` records in the record
format. It finds

* adjective + head noun areas, agreeing in case ("Харьковской области", "Харківській області",
  "Изюмский район"), and adjectives sharing one plural head ("Сумской и Черниговской областях": each
  adjective alone, with the head's level), which area_mentions_ru_uk.py reads;
* front directions named after a place ("на Лиманском направлении", "запорізькому напрямку"): ref null,
  name "<place> axis (front sector)", level region, as the development gold's guide does;
* capitalised names and name runs the gazetteer knows in any case form ("у Вовчанську", "в Волчанске",
  "Нова Каховка"), Russian forms of Ukrainian villages the gazetteer has no Russian alias for
  ("Степаново" -> Степанове), Russian spellings matched to Ukrainian names by systematic vowel
  correspondences within the gazetteer ("Работина" -> Роботине, "Угледаром" -> Вугледар; several fits
  stay ambiguous), seas ("над Черным морем"), and the lower-case "росія" of Ukrainian copy.

The gazetteer entries a name may stand for come from place_candidates_ru_uk.py; this module decides which
words are places at all (not people, organisations, adjectives or common words), with what the words around
a name say (name_context_ru_uk.py: a place preposition, a list of places, a person's name). Names are
resolved with the same context rules as English (gazetteer.choose: areas named in the sentence and the
article, the raions of the sentence's settlements, places already resolved, prominence), in a few passes.
"""
from __future__ import annotations

import functools
from collections import Counter
from dataclasses import replace

from ...models import Place
from .area_mentions_ru_uk import Mention, elided_head_mentions, head_mentions, whole_name
from ..language.cyrillic import CyrDoc, has_reading
from ..event_places.event_places import facility_towns
from .gazetteer_entries import CITY_CATEGORIES
from .gazetteer import (
    HROMADA_CODE_CHARS, Companion, Entry, Gazetteer, ResolveContext, Resolution, km_between, load_gazetteer,
    settled_alike, theatre_area,
)
from .name_context_ru_uk import (
    LIST_JOINERS, MAX_NAME_TOKENS, SETTLEMENT_NOUNS, admissible, guessed, in_organisation_name,
    in_quoted_name, in_settlement_list, is_person, located, lone_name, names_river, placed_elsewhere, substantive_name,
)
from .homonym_areas import oblast_of_homonyms
from .place_adjectives_ru_uk import RussianRaion, adjective_lemma, axis_place, unlisted_axis_name
from .place_candidates_ru_uk import THEATRE, corresponding_settlements, name_candidates
from .place_resolution import coordinated_lists, listed_together
from .place_weights import FRONT_OBLASTS
from .russian_places_ru_uk import (
    NAME_KINDS, city_district, joined_mentions, namesakes_far_off, russian_raions, russian_villages,
    told_in_russia, villages_off_the_list,
)
from .unlisted_villages_ru import settlement_noun_names

AXIS_SUFFIX = " axis (front sector)"  # ... and what an axis place's name ends with ("Pokrovsk axis (front sector)")
# The KATOTTG categories a settlement noun before a name admits (M city, K special city, X selyshche, C village);
# copy calls a selyshche a village too ("село Степовое", KATOTTG's селище Степове), so "село" admits both.
SETTLEMENT_KIND_CATEGORIES = {"город": {"M", "K"}, "місто": {"M", "K"}, "селище": {"X"}, "посёлок": {"X"},
                              "поселок": {"X"}, "село": {"C", "X"}, "деревня": {"C", "X"}, "хутор": {"C", "X"}}
# Lower-case nouns that end a sea's or a gulf's name after its adjective ("над Черным морем", "в Азовском море").
WATER_NOUNS = frozenset({"море", "залив", "затока", "пролив", "протока", "лиман"})
# Lower-case country names of Ukrainian and Russian copy (Ukrainian media write "росія" in lower case).
LOWERCASE_TOPONYMS = frozenset({"росія", "россия", "рф"})
# Levels of an area whose acronym may follow a village's name ("Железное ДНР", "Счастье ЛНР").
AREA_LEVELS = frozenset({"oblast", "region", "country"})
# A village of a list of settlements lies within this distance of another the list names (front villages listed
# by a bulletin lie within a few tens of km); one farther from all is a homonym of a village the gazetteer lacks.
LIST_KM = 150.0
# Words between a settlement's name and the oblast or raion stated for it ("Петровское в ДНР"); none for the genitive.
STATED_AREA_GAP = frozenset({"в", "во", "у", "на"})
DASHES = frozenset({"—", "–"})  # a dash opening a list of the names an area holds
POPULATED = ("населен", "населён")  # "населённый пункт": a settlement
RESOLVE_PASSES = 3  # context passes over an article's mentions (settles lists of neighbouring villages)
# Parts of speech a one-word name may have (pymorphy3; None for words it does not know).
NAME_POS = frozenset({"NOUN", "ADJF", "ADJS", None})



def find_places_ru_uk(doc: CyrDoc, gazetteer: Gazetteer | None = None, companion: Companion = Companion()) -> list[Place]:
    """Toponyms of a Russian or Ukrainian CyrDoc as Place records, resolved in the article's context, which
    includes what its other part (headline or body) names and settles (``companion``)."""
    gaz = gazetteer or load_gazetteer()
    towns = facility_towns(doc.text)  # "колония в Еленовке": the Olenivka of Donetsk Oblast (facilities.tsv)
    companion = replace(companion, settled=companion.settled | towns) if towns - companion.settled else companion
    mentions = [whole_name(doc, gaz, m) for m in head_mentions(doc)]
    mentions += elided_head_mentions(doc, mentions)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += _name_mentions(doc, gaz, taken)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += [Mention(a, b, "village") for a, b in settlement_noun_names(doc, taken)]
    mentions.sort(key=lambda m: m.start)
    return _resolve(doc, gaz, mentions, companion)


def _name_mentions(doc: CyrDoc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """Capitalised names (and name runs) the gazetteer knows; lower-case country names."""
    toks, out, i = doc.tokens, [], 0
    while i < len(toks):
        t = toks[i]
        if i in taken or not t.is_word:
            i += 1
            continue
        if (t.lower in LOWERCASE_TOPONYMS or t.lemma in LOWERCASE_TOPONYMS) and not in_quoted_name(doc, i):
            out.append(Mention(i, i + 1, "lower", query=t.text))
            i += 1
            continue
        listed = bool(out) and out[-1].end == i - 1 and toks[i - 1].lower in LIST_JOINERS  # "A, B и C"
        if (not t.is_title or t.pos not in NAME_POS and not guessed(t, doc.language) and not _located_noun(doc, i)
                or in_quoted_name(doc, i)
                or is_person(doc, i, gaz) and not (listed and lone_name(doc, gaz, i) or placed_elsewhere(doc, i))
                or in_organisation_name(doc, i)
                or names_river(doc, i)):
            i += 1
            continue
        for n in range(MAX_NAME_TOKENS, 0, -1):
            run = toks[i:i + n]
            if len(run) < n or any(r.i in taken or not r.is_word or r.sent != t.sent
                                   or not r.is_title and not (k == 1 and set(r.lemmas) & WATER_NOUNS)
                                   for k, r in enumerate(run)):
                continue
            hits, surface, exact = name_candidates(gaz, doc, i, i + n, located=located(doc, i))
            if t.pos == "ADJF" and n == 1 and not exact and not substantive_name(doc, i):
                continue  # a capitalised adjective ("Українські") is a place only by its exact name
            if t.pos == "ADJF" and n == 1 and _opens_longer_name(doc, i):
                continue  # "Нижний Клин": the adjective of a name the gazetteer lacks, no village "Нижній"
            if n == 1 and _closes_longer_name(doc, i, out) and all(e.level == "settlement" for e in hits):
                continue  # "Казачью Локню": the noun of a name the gazetteer lacks, not the village Локня
            if any(admissible(doc, i, i + n, e, exact) for e in hits):
                out.append(Mention(i, i + n, "name", query=surface))
                i += n
                break
        else:
            i += 1
    return out


def _located_noun(doc: CyrDoc, i: int) -> bool:
    """True for a word whose best reading is no name's part of speech but which some reading makes a noun, in a
    place's context ("покинули Бучу": "Бучу" read first as the verb бучить)."""
    return located(doc, i) and has_reading(doc.tokens[i].text, doc.language, "NOUN")


def _opens_longer_name(doc: CyrDoc, i: int) -> bool:
    """True when the capitalised adjective at i is followed by a capitalised noun of its sentence (or a word the
    dictionary lacks, which it may read as a verb: "Локню"): the first word of a longer name ("Нижний Клин",
    "Великий Бурлук", "Новую Локню"), which is not a place by itself."""
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    return nxt is not None and nxt.sent == doc.tokens[i].sent and nxt.is_title and (
        nxt.pos == "NOUN" or guessed(nxt, doc.language)) and not (
        nxt.text.isupper() and any(e.level in AREA_LEVELS for e in load_gazetteer().lookup(nxt.text, fuzzy=False)))
    # (an area's acronym after it is no part of the name: "Железное ДНР"; "Харківської ОДА" stays one)


def _closes_longer_name(doc: CyrDoc, i: int, found: list[Mention]) -> bool:
    """True when the capitalised word at i follows a capitalised adjective inside its sentence that is no place
    itself (:func:`_opens_longer_name`): the last word of a longer name ("Казачью Локню"), which names a settlement
    other than its own ("Локня") though a country may stand there ("Западной Украины")."""
    prev = doc.tokens[i - 1] if i > 0 else None
    return (prev is not None and prev.sent == doc.tokens[i].sent and i - 1 > doc.sents[prev.sent].first
            and prev.is_title and prev.pos == "ADJF" and not (found and found[-1].end == i)
            and _opens_longer_name(doc, i - 1))


def _candidates(gaz: Gazetteer, doc: CyrDoc, m: Mention) -> list[Entry]:
    if m.kind == "area":  # "в Купянском районе": the case form, else the dictionary form
        found = [e for e in gaz.lookup(m.query) if e.level in m.levels] \
            or [e for e in gaz.lookup(m.lemma_query) if e.level in m.levels]
        if not found and m.levels == ("hromada",) and doc.language == "ru":  # "Белопольская" -> Білопільська
            found = corresponding_settlements(gaz, m.lemma_query.split()[0], "hromada")
        if not found and m.levels == ("hromada",) and doc.language == "ru":  # "Волчанская" -> Вовчанська: the
            town = axis_place(gaz, adjective_lemma(doc.tokens[m.start]))  # hromada of the town it is named after
            found = _hromadas_by_code(gaz).get(town.ref[:HROMADA_CODE_CHARS], []) if town and town.ref else []
        return list({e.id: e for e in found}.values())
    if m.kind in ("axis", "village"):
        return []
    found, _, exact = name_candidates(gaz, doc, m.start, m.end, located=located(doc, m.start))
    return _of_kind_named([e for e in found if m.kind == "lower" or admissible(doc, m.start, m.end, e, exact)],
                          doc, m.start)


@functools.lru_cache(maxsize=2)
def _hromadas_by_code(gaz: Gazetteer) -> dict[str, list[Entry]]:
    """The gazetteer's hromadas by the first characters of their KATOTTG code, which their settlements share."""
    found: dict[str, list[Entry]] = {}
    for e in gaz.entries:
        if e.level == "hromada" and e.ref:
            found.setdefault(e.ref[:HROMADA_CODE_CHARS], []).append(e)
    return found


def _of_kind_named(found: list[Entry], doc: CyrDoc, start: int) -> list[Entry]:
    """The candidates of a name whose settlement noun says what kind of settlement it is ("у селищі Золочів": the
    selyshche, not the city of Lviv Oblast): the Ukrainian settlements of that KATOTTG category when there are any,
    with every other candidate."""
    kinds = set(doc.tokens[start - 1].lemmas) & SETTLEMENT_KIND_CATEGORIES.keys() if start > 0 else set()
    if not kinds:
        return found
    allowed = SETTLEMENT_KIND_CATEGORIES[next(iter(kinds))]
    ukrainian = [e for e in found if e.level == "settlement" and (e.ref or "").startswith("UA")]
    if not any(e.category in allowed for e in ukrainian):
        return found
    return [e for e in found if e not in ukrainian or e.category in allowed]


def _stated_area(doc: CyrDoc, mentions: list[Mention], results: list[Resolution], raions: dict[int, RussianRaion],
                 k: int) -> Entry | None:
    """The Ukrainian or Russian oblast or raion the text states name ``k`` lies in: right after it in the genitive
    or after "в"/"у"/"на" ("Петровское Донецкой Народной Республики", "Петровское в ДНР", "Урожайне на
    Донеччині", "Новоивановку Глушковского района"), also for every name of a list the area closes
    ("Ленинское и Цукурино Донецкой Народной Республики"); None when it states none."""
    if mentions[k].kind not in NAME_KINDS:
        return None
    end = mentions[k].end
    for j in range(k + 1, len(mentions)):
        gap = [t.lower for t in doc.tokens[end:mentions[j].start]]
        area = raions[j].oblast if j in raions else results[j].entry
        if theatre_area(area) and len(gap) <= 1 and set(gap) <= STATED_AREA_GAP \
                and not (gap and "accs" in doc.tokens[mentions[j].start].tags):  # "в Донецкую область": whither
            return area
        if mentions[j].kind not in NAME_KINDS or not gap or len(gap) > 2 or not set(gap) <= LIST_JOINERS:
            break
        end = mentions[j].end
    return None


def _area_before_list(doc: CyrDoc, mentions: list[Mention], results: list[Resolution],
                      raions: dict[int, RussianRaion], k: int) -> Entry | None:
    """The oblast or raion named right before the list of names ``k`` is in, with a dash or a settlement noun between
    ("три населенных пункта в Курской области — Мартыновку, Малую Локню и Мирный", "чотири населені пункти на
    Донеччині — Благодатне, ..., Нескучне та Сторожове", "освободили в Курской области населенные пункты
    Мартыновка, Мирный и Пойма"); None otherwise."""
    if mentions[k].kind not in NAME_KINDS:
        return None
    first = k
    while first > 0 and mentions[first - 1].kind in NAME_KINDS \
            and mentions[first].start - mentions[first - 1].end <= 2 \
            and joined_mentions(doc, mentions[first - 1], mentions[first]):
        first -= 1
    j = first - 1
    gap = doc.tokens[mentions[j].end:mentions[first].start] if j >= 0 else []
    if not gap or not (len(gap) == 1 and gap[0].text in DASHES or _settlement_noun_phrase(gap)):
        return None
    area = raions[j].oblast if j in raions else results[j].entry
    return area if theatre_area(area) else None


def _settlement_noun_phrase(words) -> bool:
    """True for words that are a settlement noun, with "населённый" before it ("населенные пункты", "села")."""
    nouns = [bool(set(t.lemmas) & SETTLEMENT_NOUNS) for t in words]
    return len(words) <= 2 and nouns[-1] and all(n or t.lower.startswith(POPULATED) for t, n in zip(words, nouns))


def _opening_area(doc: CyrDoc, mentions: list[Mention], results: list[Resolution],
                  raions: dict[int, RussianRaion], k: int) -> Entry | None:
    """The Russian oblast or raion the sentence of name ``k`` opens with ("В Курской области уничтожены
    подразделения ВСУ у населенных пунктов Николаевка, Ленинский и Свердликово") when ``k`` is a name of a settlement
    list or after a place preposition and no other area is named between them; None otherwise."""
    sent = doc.sents[doc.tokens[mentions[k].start].sent]
    opening = next((j for j, m in enumerate(mentions) if m.start == sent.first + 1), None)
    if opening is None or opening >= k or doc.tokens[sent.first].lower not in STATED_AREA_GAP \
            or mentions[k].kind not in NAME_KINDS or not in_settlement_list(doc, mentions[k].start):
        return None
    area = raions[opening].oblast if opening in raions else results[opening].entry
    if area is None or area.country != "RU" or area.level not in ("oblast", "raion") or any(
            j in raions or results[j].entry is not None and results[j].entry.level in ("oblast", "raion")
            for j in range(opening + 1, k)):
        return None
    return area


def _inside(gaz: Gazetteer, doc: CyrDoc, m: Mention, result: Resolution, area: Entry, listed: bool) -> Resolution:
    """``result`` kept to the oblast or raion the text states its name lies in; when none of its candidates lies
    there, a city of a list the area closes (``listed``: not right before it) as resolved, else the one settlement
    there whose Ukrainian name the Russian one spells ("Макеевка Луганской Народной Республики" is Makiivka of Luhansk
    Oblast, not the city of Donetsk Oblast the exact spelling finds)."""
    kept = result.inside(area)
    if kept.entry is not None or any(area.id in (c.oblast, c.raion) for c in result.candidates):
        return kept
    there = [e for e in corresponding_settlements(gaz, doc.span_text(m.start, m.end))
             if area.id in (e.oblast, e.raion)] if doc.language == "ru" else []
    if len(there) == 1:
        return Resolution(there[0], (there[0], *result.candidates))
    # "коридори з Сум, Полтави та Андріївки в Київській області": a city of the area's country with no namesake in
    # the area stays as resolved (the villages of a Russian oblast are found later: russian_villages)
    e = result.entry
    return result if listed and e is not None and e.category in CITY_CATEGORIES and e.country == area.country else kept


def _apart_from_its_list(doc: CyrDoc, mentions: list[Mention], results: list[Resolution], k: int) -> Resolution:
    """Name ``k`` left unsettled when it is a village of a list of settlements whose pick lies more than LIST_KM
    from every other settlement the list names, at least two of them resolved, or one when the pick lies off the
    front ("в районах населенных пунктов Гуево, Свердликово, ..." of Kursk Oblast: not Свердликове of Kirovohrad
    Oblast). A list names neighbours."""
    e = results[k].entry
    if e is None or e.level != "settlement" or e.lat is None or e.category not in ("C", "X") \
            or not in_settlement_list(doc, mentions[k].start):
        return results[k]
    sentence = doc.tokens[mentions[k].start].sent
    others = [r.entry for j, (m, r) in enumerate(zip(mentions, results)) if j != k
              and doc.tokens[m.start].sent == sentence and r.entry is not None and r.entry.level == "settlement"
              and r.entry.lat is not None and in_settlement_list(doc, m.start)]
    # (one other will do when this pick lies off the front and the border regions where lists of villages are fought)
    if not others or len(others) < 2 and e.oblast in FRONT_OBLASTS or any(km_between(e, o) <= LIST_KM for o in others):
        return results[k]
    return Resolution(None, results[k].candidates, results[k].scores)


def _coordinated_lists(doc: CyrDoc, mentions: list[Mention]) -> dict[int, int]:
    """For each mention (by id) in a list of names with a conjunction or a repeated preposition ("по Львову та
    Дніпропетровщині", "по Львову, по Дніпропетровщині"), the number of its list (place_resolution.coordinated_lists);
    the others are left out."""
    def gap(k: int) -> tuple[bool, bool]:
        words = [t.lower for t in doc.tokens[mentions[k - 1].end:mentions[k].start]]
        before = doc.tokens[mentions[k - 1].start - 1].lower if mentions[k - 1].start else None
        linked = bool(words) and set(words) <= LIST_JOINERS and len(words) <= 2 \
            or words == [",", before] and before in STATED_AREA_GAP | {"по"}
        return linked, linked and words[-1] != ","
    return coordinated_lists(len(mentions), gap, mentions)


def _hromadas(result: Resolution) -> frozenset[str]:
    """The hromada codes of the Ukrainian settlements an ambiguous resolution leaves open; none once resolved."""
    if not result.ambiguous:
        return frozenset()
    return frozenset(c.ref[:HROMADA_CODE_CHARS] for c in result.candidates
                     if c.level == "settlement" and (c.ref or "").startswith("UA"))


def _distinct(entries) -> tuple[Entry, ...]:
    """The entries once each, in first-seen order."""
    return tuple({e.id: e for e in entries}.values())


def place_ref(e: Entry) -> str | None:
    """The record's ref: KATOTTG code, or the GeoNames id of a country or foreign place."""
    if e.ref:
        return e.ref
    return e.id if e.id.startswith("geonames:") else None


def _resolve(doc: CyrDoc, gaz: Gazetteer, mentions: list[Mention], companion: Companion) -> list[Place]:
    cands = [_candidates(gaz, doc, m) for m in mentions]
    texts = [doc.span_text(m.start, m.end) for m in mentions]
    surfaces = [m.query if m.kind == "name" else t for m, t in zip(mentions, texts)]
    exact = [gaz.has_name(t) for t in surfaces]
    axes = [axis_place(gaz, m.query) if m.kind == "axis" else None for m in mentions]
    results = [gaz.choose(c, exact=x, surface=t) for c, x, t in zip(cands, exact, surfaces)]
    siblings = _coordinated_lists(doc, mentions)
    for _ in range(RESOLVE_PASSES):
        # areas named in the article: oblasts and raions, and those of the places directions are named after
        areas = [(m, r.entry.id) for m, r in zip(mentions, results)  # Ukrainian and Russian border oblasts
                 if r.entry is not None and r.entry.level in ("oblast", "raion") and r.entry.country in THEATRE]
        areas += [(m, e.raion) for m, e in zip(mentions, axes) if e is not None and e.raion]
        areas_doc = frozenset(a for _, a in areas) | companion.areas
        # the places and areas resolved, once each, in the article and per sentence: a mention's own pick is
        # among its candidates (rivals), so leaving the rivals out leaves the mention itself out
        # (the town a direction is named after places the villages named with it: "На Лиманському напрямку ...
        # поблизу Невського, Терен, Торського" are those near Lyman)
        known = _distinct([*(r.entry for r in results if r.entry is not None), *(e for e in axes if e is not None)])
        by_sentence: dict[int, list[Entry]] = {}
        area_counts: dict[int, Counter] = {}
        own_areas: dict[int, list[str]] = {}
        for m, r, axis in zip(mentions, results, axes):
            if (r.entry or axis) is not None:
                by_sentence.setdefault(doc.tokens[m.start].sent, []).append(r.entry or axis)
        for m, a in areas:
            area_counts.setdefault(doc.tokens[m.start].sent, Counter())[a] += 1
            own_areas.setdefault(id(m), []).append(a)
        sentence_known = {k: _distinct(v) for k, v in by_sentence.items()}
        open_hromadas: dict[int, list[tuple[int, frozenset[str]]]] = {}  # per sentence: its ambiguous names' hromadas
        for k, (m, r) in enumerate(zip(mentions, results)):
            open_hromadas.setdefault(doc.tokens[m.start].sent, []).append((k, _hromadas(r)))
        new = []
        for k, (m, cand, x, t) in enumerate(zip(mentions, cands, exact, surfaces)):
            sent = doc.tokens[m.start].sent
            own = own_areas.get(id(m), [])
            near = frozenset(a for a, n in area_counts.get(sent, {}).items() if n > own.count(a)) - frozenset(
                a for mm, a in areas if mm is not m and listed_together(siblings, mm, m))
            # (an area coordinated with the name is a sibling, no locator: "по Львову та Дніпропетровщині")
            rivals = {c.id for c in cand}
            hromadas = frozenset().union(*(h for j, h in open_hromadas[sent] if j != k))
            ctx = ResolveContext(near, areas_doc, tuple(e for e in known if e.id not in rivals),
                                 tuple(e for e in sentence_known.get(sent, ()) if e.id not in rivals), hromadas)
            new.append(gaz.choose(cand, ctx, exact=x, surface=t))
        if [r.entry for r in new] == [r.entry for r in results]:
            break
        results = new
    raions = russian_raions(doc, gaz, mentions, results)
    stated = [_stated_area(doc, mentions, results, raions, k) or _area_before_list(doc, mentions, results, raions, k)
              or _opening_area(doc, mentions, results, raions, k) for k in range(len(mentions))]
    more = [k + 1 < len(stated) and stated[k + 1] is not None for k in range(len(stated))]  # not a list's last name
    results = [companion.settle(r if a is None else _inside(gaz, doc, m, r, a, listed), a)
               for m, r, a, listed in zip(mentions, results, stated, more)]
    results = settled_alike([results[k] if stated[k] is not None else _apart_from_its_list(doc, mentions, results, k)
                             for k in range(len(mentions))],  # (not one its own area places: "X в ЛНР")
                            [doc.span_text(m.start, m.end).lower() for m in mentions])
    results = namesakes_far_off(doc, gaz, mentions, results, stated, companion.areas)
    results = villages_off_the_list(doc, mentions, results, stated)
    in_russia = any((e := gaz.get(a)) is not None and e.country == "RU" for a in companion.areas)
    villages = russian_villages(doc, mentions, results, stated, raions, in_russia)
    districts = told_in_russia(doc, gaz, mentions, results, villages, raions, companion.areas)
    areas_by_sentence: dict[int, set[str]] = {}
    for m, r in zip(mentions, results):
        if r.entry is not None and r.entry.level in ("oblast", "raion"):
            areas_by_sentence.setdefault(doc.tokens[m.start].sent, set()).add(r.entry.id)
    places = []
    for k, (m, cand, res, text, axis, village) in enumerate(zip(mentions, cands, results, texts, axes, villages)):
        span = doc.char_span(m.start, m.end)
        if k in districts:
            centre = raions[k].centre.point
            places.append(Place(span=span, text=text, ref=None, name=raions[k].name, level="raion",
                                lat=centre[0] if centre else None, lon=centre[1] if centre else None))
            continue
        if village is not None:
            places.append(Place(span=span, text=text, ref=None, name=village, level="settlement"))
            continue
        if m.kind == "village" and res.entry is None \
                or m.kind == "area" and "raion" in m.levels and city_district(doc, mentions, results, k):
            continue  # (a district of the city named after it: "у Подільському районі Києва", no oblast's raion)
        if m.kind == "axis":
            name = f"{axis.name if axis else unlisted_axis_name(gaz, m.query)}{AXIS_SUFFIX}"
            places.append(Place(span=span, text=text, ref=None, name=name, level="region"))
            continue
        e = res.entry
        if e is None and not cand:
            continue
        homonyms = oblast_of_homonyms(gaz, res.candidates, [stated[k].id] if stated[k] is not None
                                      else areas_by_sentence.get(doc.tokens[m.start].sent, ())) \
            if e is None and m.kind == "name" else None
        if homonyms is not None:  # "село Благодатное в ДНР": one of the oblast's villages of that name
            places.append(Place(span=span, text=text, ref=None, name=homonyms[0], level="settlement",
                                candidates=homonyms[1]))
            continue
        point = e.point if e is not None else None
        places.append(Place(
            span=span, text=text, ref=place_ref(e) if e else None, name=e.name if e else None,
            lat=point[0] if point else None, lon=point[1] if point else None,
            level=e.place_level if e else None,
            candidates=tuple(place_ref(c) or c.id for c in res.candidates) if e is None else (),
        ))
    return places
