"""Resolution of English toponym mentions in context: candidates, then one pick with the whole article.

``resolve_mentions(doc, gazetteer, mentions)`` takes the mentions places.py found and returns ``Place``
records: candidates by name (a shared "regions" head, a world head such as "province", words that say city
or state), several passes of ``Gazetteer.choose`` with the places already settled as context, and two
checks of the pick against the text: a world town is kept to the country, state or county the text places
it in ("Rice Lake, Illinois"), and a small town far from a one-country report gets no point (a homonym of
a town the gazetteer lacks).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...models import Place
from ..language.doc_cache import doc_tokens, sentence_of
from .gazetteer import (
    CLAIMED_OBLASTS, Companion, Entry, Gazetteer, Resolution, ResolveContext, km_between, settled_alike, theatre_area,
)
from .homonym_areas import oblast_of_homonyms
from .russian_romanised import russian_romanised_settlements
from .unlisted_villages_en import russian_setting, village_governed

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A Ukrainian village farther than this from the Russian region or town a report sets its sentence in is a
# homonym of a Russian village the gazetteer lacks (a border oblast spans ~250 km; Olhivka of Kherson Oblast lies
# ~600 km from Kursk, Vovchansk ~40 km from Belgorod).
SETTING_KM = 300
VILLAGE_POPULATION = 10_000  # ... a village or small town (the category of a city of oblast significance aside)
CITY_CATEGORIES = frozenset({"M", "K"})
# Russian cities this large set no scene: a capital or metropolis names a government or a venue ("Moscow said",
# "talks in Saint Petersburg"); the border regions' towns are smaller (Kursk 0.45 million).
SETTING_CITY_POPULATION = 1_000_000
# Head nouns of world areas dropped when the name with its head is unknown ("Anhui province").
WORLD_HEADS = frozenset("province region district prefecture county state governorate department".split())
# A city named like its state or a state like its city ("Washington", "New York"): words around the name
# that say which one the text means. Before it: "the mayor of New York", "downtown Washington"; after it:
# "Washington, D.C." ("New York City" is a name of its own). The state: "the state of Washington",
# "Washington state", "New York State".
CITY_CUES_BEFORE = frozenset("mayor mayors downtown suburbs suburb outskirts streets city".split())
CITY_CUES_AFTER = frozenset({"d.c.", "dc"})
STATE_CUES = frozenset({"state"})
# A small world town that nothing else in the article is near: when the article's other places all lie in one
# other country and all farther than FOREIGN_TOWN_KM, a town below FOREIGN_TOWN_POPULATION (not a capital) is
# a homonym of a place the gazetteer lacks more often than a real mention ("Malakoff" in a report from
# Texas is no Paris suburb): the name keeps its candidates and gets no point. Calibrated on the tune half
# (even article_index) of GeoVirus (data/dev/geoparsing_dev.jsonl).
FOREIGN_TOWN_KM = 1000.0
FOREIGN_TOWN_POPULATION = 100_000
# A Ukrainian village listed among Russian settlements only, all farther than LISTED_APART_KM ("repelled attacks
# near the villages of Korenevo and Olgovka": Olhivka of Kherson Oblast, 700 km away, is the homonym of a Kursk
# village the gazetteer lacks): the name is that Russian village. A list names neighbours (W_LIST_NEAR).
LISTED_APART_KM = 200.0
OFFICIAL_TITLES = frozenset({"governor", "mayor"})  # an official named after his place ("Kharkiv Governor X")
OFFICIAL_AREA_WORDS = frozenset({"regional", "region", "oblast", "city"})  # ... with his area's word ("regional")
LIST_GAP = frozenset({",", "and", "or"})  # the words between the names of one list ("A, B and C")
CONJUNCTIONS = frozenset({"and", "or"})
COORDINATION_GAP = LIST_GAP | {"the"}  # ... and before an area's name ("Lviv and the Dnipropetrovsk region")
# Words between a town and the area that holds it: "Rice Lake, Illinois", "Austin, in Scott County, Indiana",
# "the Elk Grove area of Cook County".
STATED_AREA_GAP = frozenset({",", "in", "the", "area", "of", "eastern", "western", "northern", "southern",
                             "northeastern", "northwestern", "southeastern", "southwestern", "central"})
STATED_AREA_HOPS = 2  # areas looked through after the town ("Scott County", "Indiana")
# KATOTTG categories a settlement noun before "of" and a list of names allows ("the towns of Kupiansk, Izium,
# Shevchenkove and Balakliia": the town, not the villages of that name), as places_ru_uk.SETTLEMENT_KIND_CATEGORIES.
# Not "village": wire copy calls small towns villages ("the villages of Bohoiavlenka and Hirnyk").
KIND_CATEGORIES = {"town": {"M", "K", "X"}, "city": {"M", "K"}}
SETTLEMENT_NOUNS = frozenset({"city", "town", "village"})  # English nouns of a settlement
SETTLEMENT_WORDS = SETTLEMENT_NOUNS | {"settlement"}  # ... and the word for any ("captured 20 settlements")
LIST_REACH = 12  # tokens walked back over a list of names to the noun that opens it
# Mention labels a Russian name romanised may stand under (the tagger's places, and villages a report names): names
# only the gazetteer matched (GAZ) are known spellings already.
ROMANISED_LABELS = frozenset({"GPE", "LOC", "VILLAGE"})
RESOLVE_PASSES = 3  # context passes over an article's mentions (settles lists of neighbouring villages)


@dataclass
class Mention:
    """A toponym mention: token span, NER label ("GAZ" for a gazetteer-only match) and shared heads."""

    start: int  # token indices
    end: int
    label: str  # NER label or "GAZ"
    area_head: bool = False  # span (or a shared coordinated head) names an oblast/region
    republic_head: bool = False  # shared head "people's republics" ("the Donetsk and Lugansk people's republics")
    name_chars: int | None = None  # the name is only the first characters of a one-token compound ("U.S.-led")


def mention_span(doc: Doc, m: Mention) -> tuple[int, int, str]:
    """Character start, end and text of a mention's name (the name part of a compound token)."""
    span = doc[m.start:m.end]
    if m.name_chars is None:
        return span.start_char, span.end_char, span.text
    return span.start_char, span.start_char + m.name_chars, span.text[:m.name_chars]


def resolve_mentions(doc: Doc, gaz: Gazetteer, mentions: list[Mention], companion: Companion = Companion()) -> list[Place]:
    """Place records for the mentions of a Doc (in text order), each resolved with the others and what the
    article's other part (headline or body) names and settles (``companion``) as context."""
    cands = [_candidates(doc, gaz, m) for m in mentions]
    texts = [_name_of(doc, gaz, m) for m in mentions]
    exact = [gaz.has_name(t) for t in texts]
    memo: dict[tuple, Resolution] = {}
    results = [_choose(gaz, memo, c, None, x, t) for c, x, t in zip(cands, exact, texts)]
    sentences = [sentence_of(doc[m.start]).start for m in mentions]  # each mention's sentence, by its start
    siblings = _coordinated_lists(doc, mentions)
    for _ in range(RESOLVE_PASSES):  # each pass resolves with the places the previous one settled
        areas = [r.entry for r in results
                 if r.entry is not None and (r.entry.ref and r.entry.level in ("oblast", "raion")
                                             or r.entry.id in gaz.division_ids)]
        areas_doc = frozenset(e.id for e in areas) | companion.areas
        # (mention, its pick, its sentence, whether the pick is an area), once per pass
        known = [(m, r.entry, s, r.entry in areas) for m, r, s in zip(mentions, results, sentences)
                 if r.entry is not None]
        new = []
        for m, cand, x, t, sent in zip(mentions, cands, exact, texts, sentences):
            # (an area coordinated with the name is a sibling, no locator: "missiles at Lviv and the Dnipropetrovsk
            # region" leaves Lviv the city, not the village of that oblast)
            near = frozenset(e.id for mm, e, s, area in known if area and mm is not m and s == sent
                             and not listed_together(siblings, mm, m))
            rivals = {c.id for c in cand}  # other mentions of the same name must not vote for themselves
            others = tuple({e.id: e for mm, e, _, _ in known if mm is not m and e.id not in rivals}.values())  # once each
            # the settlements of its sentence: a list names neighbours ("seized Illinka and Kreminna Balka")
            beside = tuple({e.id: e for mm, e, s, _ in known if mm is not m and s == sent and e.id not in rivals}.values())
            ctx = ResolveContext(near - rivals, areas_doc - rivals, others, beside)
            new.append(_choose(gaz, memo, cand, ctx, x, t))
        if [r.entry for r in new] == [r.entry for r in results]:
            break
        results = new
    results = settled_alike([companion.settle(_inside_stated_area(doc, gaz, mentions, results, k))
                             for k in range(len(mentions))], [t.lower() for t in texts])
    results = [_governed_oblast(doc, gaz, mentions, _oblast_after_town(doc, gaz, mentions, results, k), k)
               for k in range(len(mentions))]
    resolved = [r.entry for r in results if r.entry is not None]
    ordinal = {start: n for n, start in enumerate(sorted(set(sentences)))}
    settled = [(ordinal[s], r.entry) for r, s in zip(results, sentences) if r.entry is not None]
    lists = _list_numbers(doc, mentions)
    apart = {k for k, r in enumerate(results) if r.entry is not None and _listed_apart(r.entry, [
        x.entry for j, x in enumerate(results) if lists[j] == lists[k] and x.entry is not None
        and x.entry is not r.entry and x.entry.level == "settlement"])}
    settled = [(ordinal[s], r.entry) for k, (r, s) in enumerate(zip(results, sentences))
               if r.entry is not None and k not in apart]
    # a Ukrainian village far from the Russian area its sentence is set in is a Russian village the gazetteer lacks
    # ("near the villages of Kremyanoye, Snagost and Olgovka" after "Russia's Kursk region": no Olhivka of Kherson
    # Oblast)
    homonyms = {k for k, (r, s) in enumerate(zip(results, sentences)) if r.entry is not None and k not in apart
                and _far_from_russian_setting(r.entry, ordinal[s], [(n, x) for n, x in settled if x is not r.entry])}
    settled = [(n, x) for n, x in settled if not any(x is results[k].entry for k in homonyms)]
    sentence_areas: dict[int, set[str]] = {}  # the oblasts and raions each sentence names
    for r, s in zip(results, sentences):
        if r.entry is not None and r.entry.ref and r.entry.level in ("oblast", "raion"):
            sentence_areas.setdefault(s, set()).add(r.entry.id)
    places = []
    for k, (m, cand, res, sent) in enumerate(zip(mentions, cands, results, sentences)):
        start, end, text = mention_span(doc, m)
        e = res.entry
        if e is not None and (_stray_town(e, resolved) or k in apart):
            e, res = None, Resolution(None, res.candidates or (e,), res.scores)
        if k in homonyms:
            e, res = None, Resolution(None, (), res.scores)
        # a village of a Russian report the gazetteer lacks: ref null, its name as written (unlisted_villages_en.py)
        village = e is None and (m.label == "VILLAGE" or village_governed(doc, m.start)) \
            and russian_setting(ordinal[sent], settled)
        if e is None and not cand and m.label in ("GAZ", "VILLAGE") and not village:
            continue
        in_oblast = oblast_of_homonyms(gaz, res.candidates, sentence_areas.get(sent, ())) \
            if e is None and not village else None
        if in_oblast is not None:  # "the village of Blahodatne in the Donetsk region": one of the oblast's six
            places.append(Place(span=(start, end), text=text, ref=None, name=in_oblast[0], level="settlement",
                                candidates=in_oblast[1]))
            continue
        point = e.point if e is not None else None
        places.append(Place(
            span=(start, end), text=text,
            ref=e.ref if e is not None else None, name=e.name if e is not None else text if village else None,
            lat=point[0] if point else None, lon=point[1] if point else None,
            level=e.place_level if e is not None else "settlement" if village else None,
            candidates=tuple(c.ref or c.id for c in res.candidates) if e is None and not village else (),
        ))
    return places


def _far_from_russian_setting(e: Entry, sentence: int, settled: list[tuple[int, Entry]]) -> bool:
    """True for a Ukrainian village in a Russian setting (unlisted_villages_en.russian_setting) farther than
    SETTING_KM from every Russian region or town of its sentence and the one before (no metropolis). Other such
    villages of its sentence do not make the setting Ukrainian ("в Курской области населенные пункты Мартыновка,
    Мирный, ... Пойма": no Myrne nor Poima of Kherson Oblast)."""
    near = [x for n, x in settled if n in (sentence, sentence - 1) and x.country == "RU" and x.lat is not None
            and (x.population or 0) < SETTING_CITY_POPULATION]  # (not "Moscow-installed officials", "Moscow said")
    return _far_village(e, near) and russian_setting(
        sentence, [(n, x) for n, x in settled if n != sentence or not _far_village(x, near)])


def _far_village(e: Entry, near: list[Entry]) -> bool:
    """True for a Ukrainian village or small town (no city of oblast significance) farther than SETTING_KM from
    each of the Russian places ``near`` (and there are some)."""
    return e.country == "UA" and e.level == "settlement" and e.lat is not None \
        and (e.population or 0) < VILLAGE_POPULATION and e.category not in CITY_CATEGORIES \
        and bool(near) and all(km_between(e, x) > SETTING_KM for x in near)


def _choose(gaz: Gazetteer, memo: dict[tuple, Resolution], candidates: list[Entry], ctx: ResolveContext | None,
            exact: bool, surface: str) -> Resolution:
    """``gaz.choose`` of the candidates in a context, made once per article for the same name in the same
    context (repeated names, and each pass but the first after the picks have settled): ``memo`` holds
    the results of one article, keyed by the very entries asked about (alive while it lasts)."""
    key = (surface, exact, tuple(map(id, candidates)), None if ctx is None else
           (ctx.areas_near, ctx.areas_doc, tuple(map(id, ctx.places)), tuple(map(id, ctx.places_near))))
    found = memo.get(key)
    if found is None:
        found = memo[key] = gaz.choose(candidates, ctx, exact=exact, surface=surface)
    return found


def _candidates(doc, gaz: Gazetteer, m: Mention) -> list[Entry]:
    text = mention_span(doc, m)[2]
    found = gaz.lookup(text)
    if not found and m.label in ROMANISED_LABELS:  # "Rabotino", "Belaya Gora": the Russian name romanised
        found = russian_romanised_settlements(gaz, text)
    if m.republic_head:
        found = [e for e in gaz.lookup(f"{text} People's Republic") if e.level == "region"] or found
    if m.area_head:
        base = re.sub(r"\s+(regions?|oblasts?|provinces?)$", "", text, flags=re.I)
        areas = [e for e in gaz.lookup(f"{base} region") + found if e.level in ("oblast", "region")]
        if areas:
            return list({e.id: e for e in areas}.values())
    found = _of_settlement_kind(doc, m, found)
    reading = _city_or_state(doc, m)
    if reading is not None:
        kept = [e for e in found if (e.level == "settlement") == (reading == "city")]
        if kept:
            return kept
    if not found and m.end - m.start > 1 and doc[m.end - 1].lower_ in WORLD_HEADS:
        # "Anhui province", "Kabanjahe district", "Akita Prefecture": the name without its head, read
        # as an area when the gazetteer has it as one
        base = gaz.lookup(doc[m.start:m.end - 1].text, fuzzy=False)
        return [e for e in base if e.level in ("region", "oblast", "raion")] or base
    return found


def _of_settlement_kind(doc, m: Mention, found: list[Entry]) -> list[Entry]:
    """``found`` without the Ukrainian settlements of another kind than the noun that opens the mention's list
    names (KIND_CATEGORIES: "the towns of A, B and C", "the village of D"), when one of them is of that kind; right
    after a singular settlement noun and "of", without the areas when a settlement remains ("the town of New York in
    eastern Ukraine" is no state)."""
    k = m.start - 1
    while k > 0 and m.start - k <= LIST_REACH and (doc[k].lower_ in (",", "and") or doc[k].text[:1].isupper()):
        k -= 1
    noun = doc[k - 1].lemma_.lower() if k > 0 and doc[k].lower_ == "of" else None
    if noun in SETTLEMENT_WORDS and doc[k - 1].tag_ == "NN" and k == m.start - 1:
        # (one town: not "other cities of Ukraine", nor a list's later name: "the city of Van, Turkey")
        found = [e for e in found if e.level == "settlement"] or found
    allowed = KIND_CATEGORIES.get(noun or "")
    ukrainian = [e for e in found if e.level == "settlement" and (e.ref or "").startswith("UA")]
    if allowed is None or not any(e.category in allowed for e in ukrainian):
        return found
    return [e for e in found if e not in ukrainian or e.category in allowed]


def _city_or_state(doc, m: Mention) -> str | None:
    """"city" or "state" when the words around a name say which of the two it means (CITY_CUES_BEFORE,
    CITY_CUES_AFTER, STATE_CUES), else None: "the mayor of New York", "in Washington, D.C.", "downtown
    Boston" name the city; "the state of Washington", "a Washington state farm" the state."""
    before = [t.lower_ for t in doc[max(0, m.start - 3):m.start]]
    after = [t.lower_ for t in doc[m.end:m.end + 2]]
    if before[-2:] in (["state", "of"],) or after[:1] and after[0] in STATE_CUES:
        return "state"
    if before and (before[-1] in CITY_CUES_BEFORE or before[-2:-1] and before[-2] in CITY_CUES_BEFORE
                   and before[-1] in ("of", "the")):
        return "city"
    if after and after[0] in CITY_CUES_AFTER or after[:1] == [","] and after[1:2] and after[1] in CITY_CUES_AFTER:
        return "city"
    return None


def _stray_town(e: Entry, resolved: list[Entry]) -> bool:
    """True for a small world town (see FOREIGN_TOWN_KM) when all the article's other resolved places lie in
    one other country and far from it: the pick is likely a homonym of a town the gazetteer lacks."""
    if e.ref is not None or e.country == "UA" or e.level != "settlement" or e.category == "PPLC" \
            or (e.population or 0) >= FOREIGN_TOWN_POPULATION or e.lat is None:
        return False
    others = [p for p in resolved if p.id != e.id]
    countries = {p.country for p in others if p.country}
    # a report from one other country only: an article that names places in several countries may well
    # mention a town abroad; and the gazetteer holds every Ukrainian settlement (KATOTTG), so in a report
    # from Ukraine a town abroad ("Zelensky spoke in Davos") stands in for no missing local one
    if len(countries) != 1 or e.country in countries or countries == {"UA"}:
        return False
    dists = [km_between(e, p) for p in others if p.lat is not None and p.lon is not None]
    return bool(dists) and min(dists) > FOREIGN_TOWN_KM


def _coordinated_lists(doc, mentions: list[Mention]) -> dict[int, int]:
    """For each mention (by id) in a list of names with a conjunction ("Lviv and the Dnipropetrovsk region", "Lviv,
    Kharkiv and Odesa"), the number of its list; the others are left out ("Urozhaine, Donetsk Oblast")."""
    tokens = doc_tokens(doc)

    def gap(k: int) -> tuple[bool, bool]:
        words = {t.lower_ for t in tokens[mentions[k - 1].end:mentions[k].start]}
        return mentions[k - 1].end < mentions[k].start and words <= COORDINATION_GAP, bool(words & CONJUNCTIONS)
    return coordinated_lists(len(mentions), gap, mentions)


def coordinated_lists(count: int, gap: Callable[[int], tuple[bool, bool]], mentions: Sequence) -> dict[int, int]:
    """For each of ``count`` mentions (by id) in a list that a conjunction joins, the number of its list:
    ``gap(k)`` says whether mention ``k`` goes on the list of the one before it and whether a conjunction (or the
    like) joins them; lists with no conjunction are left out (a town and its area after a comma)."""
    lists: dict[int, int] = {}
    members, joined = [], False
    for k in range(count):
        linked, conjoined = gap(k) if k else (False, False)
        if linked:
            members.append(mentions[k])
            joined = joined or conjoined
            continue
        if joined:
            lists.update((id(x), k) for x in members)
        members, joined = [mentions[k]], False
    if joined:
        lists.update((id(x), count) for x in members)
    return lists


def listed_together(lists: dict[int, int], a, b) -> bool:
    """True when mentions ``a`` and ``b`` stand in one list of :func:`coordinated_lists` (``lists``)."""
    return id(a) in lists and lists.get(id(a)) == lists.get(id(b))


def _list_numbers(doc, mentions: list[Mention]) -> list[int]:
    """For each mention (in text order), the number of the list of names it stands in: a mention joins the list of
    the one before it when only LIST_GAP words stand between them ("Korenevo and Olgovka"; not a dateline's town
    and a village later in its sentence)."""
    tokens, numbers = doc_tokens(doc), []
    for k, m in enumerate(mentions):
        before = mentions[k - 1] if k else None
        joined = before is not None and before.end < m.start \
            and all(t.lower_ in LIST_GAP for t in tokens[before.end:m.start])
        numbers.append(numbers[-1] if joined else k)
    return numbers


def _listed_apart(e: Entry, mates: list[Entry]) -> bool:
    """True for a Ukrainian village (KATOTTG category C) whose list's other settlements are all Russian and all
    farther than LISTED_APART_KM from it (see there)."""
    if not (e.ref or "").startswith("UA") or e.category != "C" or e.lat is None or not mates:
        return False
    return all(m.country == "RU" and m.lat is not None and km_between(e, m) > LISTED_APART_KM for m in mates)


def _name_of(doc, gaz: Gazetteer, m: Mention) -> str:
    """The name a mention is looked up by: its text, without a world head noun the gazetteer does not know
    the name with ("the Puno region" -> "Puno", so that the town Puno counts as named by it)."""
    text = mention_span(doc, m)[2]
    if m.end - m.start > 1 and doc[m.end - 1].lower_ in WORLD_HEADS and not gaz.has_name(text):
        return doc[m.start:m.end - 1].text
    return text


def _inside_stated_area(doc, gaz: Gazetteer, mentions: list[Mention], results: list[Resolution],
                        k: int) -> Resolution:
    """The resolution of town ``k`` kept to the area the text places it in ("Rice Lake, Illinois", "Austin, in
    Scott County, Indiana", "Petrivske in the Donetsk region"): for a world town, the best-ranked candidate
    inside that country, state or county, or none (no point) when the gazetteer has no town of that name
    there; for an oblast or raion of Ukraine or Russia, :meth:`Resolution.inside`."""
    res = results[k]
    area, end = None, mentions[k].end
    for j in range(k + 1, min(len(mentions), k + 1 + STATED_AREA_HOPS)):
        gap = doc[end:mentions[j].start]
        if not len(gap) or any(t.lower_ not in STATED_AREA_GAP for t in gap):
            break
        found = results[j].entry
        if found is not None and found.id in CLAIMED_OBLASTS:
            found = gaz.get(CLAIMED_OBLASTS[found.id])  # "in the Donetsk People's Republic": in Donetsk Oblast
        if found is not None and found.ref is None and found.level in ("country", "region"):
            area = found
            break
        if theatre_area(found):
            # a Ukrainian or Russian oblast only right after the town, after a comma or "in the" ("Urozhaine, Donetsk Oblast",
            # "Petrivske in the Donetsk region"), not one more item of a list ("in Enerhodar, in the Luhansk region")
            words = [t.lower_ for t in gap]
            area = found if j == k + 1 and (words == [","] or "," not in words) else None
            break
        end = mentions[j].end
    if theatre_area(area):
        return res.inside(area)
    e = res.entry
    if area is not None and e is None:
        # an ambiguous name with one reading in the area stated ("the town of New York in eastern Ukraine")
        inside = [c for c in res.candidates if _holds(gaz, area, c)]
        return Resolution(inside[0], res.candidates, res.scores) if len(inside) == 1 else res
    if area is None or e is None or e.level != "settlement" or e.ref is not None or e.country == "UA" \
            or _holds(gaz, area, e) is not False:
        return res
    inside = [c for c in res.candidates if _holds(gaz, area, c)] or \
        [c for c in res.candidates if _holds(gaz, area, c) is None]  # candidates whose state is unknown
    return Resolution(inside[0] if inside else None, res.candidates, res.scores)


def _oblast_after_town(doc, gaz: Gazetteer, mentions: list[Mention], results: list[Resolution], k: int) -> Resolution:
    """The resolution of mention ``k``, or the oblast of its name when it is a city named like its oblast said right
    after a town of that oblast with "in" between ("the town of Lyman in Donetsk": Donetsk Oblast, as the annotation
    guide reads a bare "Kharkiv" of "a buffer zone in Kharkiv")."""
    e = results[k].entry
    if k == 0 or e is None or e.level != "settlement" or e.country != "UA":
        return results[k]
    town = results[k - 1].entry
    if town is None or town.level != "settlement" or town is e \
            or [t.lower_ for t in doc[mentions[k - 1].end:mentions[k].start]] not in (["in"], [",", "in"]):
        return results[k]
    text = mention_span(doc, mentions[k])[2]
    oblast = next((a for a in gaz.lookup(f"{text} region") if a.level == "oblast" and a.id == town.oblast), None)
    return Resolution(oblast, results[k].candidates, results[k].scores) if oblast is not None else results[k]


def _governed_oblast(doc, gaz: Gazetteer, mentions: list[Mention], result: Resolution, k: int) -> Resolution:
    """``result``, or the oblast named like the city of mention ``k`` when a governor's title follows it ("Kharkiv
    Governor Oleh Syniehubov", "Kharkiv's regional governor": the governor of Kharkiv Oblast, not of the city)."""
    e = result.entry
    if e is None or e.level != "settlement" or e.country not in ("UA", "RU") \
            or official_title_at(doc, mentions[k].end) != "governor":
        return result
    oblast = next((a for a in gaz.lookup(f"{mention_span(doc, mentions[k])[2]} region")
                   if a.level == "oblast" and a.id == e.oblast), None)
    return Resolution(oblast, result.candidates, result.scores) if oblast is not None else result


def _holds(gaz: Gazetteer, area: Entry, town: Entry) -> bool | None:
    """Whether a world country, state or county holds a town; None when the gazetteer cannot tell."""
    if area.level == "country":
        return town.country == area.country
    if not town.oblast:
        return None if town.country == area.country else False
    if area.id in gaz.division_ids:
        return town.oblast == area.id
    if area.id.startswith("admin2:") and area.oblast:
        return town.oblast == area.oblast  # towns know their state, not their county
    return None


def official_title_at(tokens, j: int) -> str | None:
    """The lower-case title of a place's official at token ``j`` ("regional governor": "governor"; "mayor"), after
    the place's name ("Kharkiv regional governor Oleh Syniehubov", "Kharkiv's governor"): a role phrase, whose
    toponym the annotation guide keeps (a capitalised title, "Kharkiv Mayor", is a name, whose toponym it leaves
    out); None when none stands there."""
    j += j < len(tokens) and tokens[j].lower_ == "'s"
    if j < len(tokens) and tokens[j].text in OFFICIAL_AREA_WORDS:
        j += 1
    return tokens[j].text if j < len(tokens) and tokens[j].text in OFFICIAL_TITLES else None
