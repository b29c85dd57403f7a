"""The packaged gazetteer: candidates for a place name, and one pick among them from context.

``load_gazetteer()`` reads ``data/gazetteer/gazetteer.tsv.gz`` (scripts/build_gazetteer.py: KATOTTG units of
Ukraine, GeoNames Russian border places, world countries, cities and areas) once per process, through a
binary cache of its tables (``gazetteer_cache.py``); an ``Entry`` is made only when first asked for.
``Gazetteer.lookup`` finds candidates for a name in English, Ukrainian or Russian (case forms, romanisation
variants, exonyms, former names); ``Gazetteer.resolve`` picks one by the areas named in the article, the
other places resolved in it (in the same sentence too), and prominence.
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources

from ...errors import ModelError
from ...models import Place
from .gazetteer_entries import Entry, GazetteerTables, LazyEntries, division_ids_of, name_index
from .name_forms import MAX_FORM_COMBINATIONS, word_forms
from .name_keys import normalise, skeleton
from .place_weights import (
    W_AREA_NEAR, W_AREA_DOC, W_NEAR_PLACE, W_SENTENCE_RAION, W_SENTENCE_HROMADA, HROMADA_CODE_CHARS, W_FRONT,
    HROMADA_MATES_AT_MOST, W_LIST_NEAR, LIST_NEAR_KM,
    FRONT_PRIOR_MAX_POPULATION, FRONT_OBLASTS, W_CONTAINS, W_SIBLING_DIVISION, W_SAME_COUNTRY, MAX_SAME_COUNTRY,
    W_POPULATION, POPULATION_FLOOR, WAR_POPULATION_FLOOR, W_LEVEL, W_CATEGORY, W_CAPITAL, W_UKRAINE, W_PRIMARY_NAME,
    W_EXACT, NEAR_KM, W_LARGE_CITY, LARGE_CITY_POPULATION, W_NEAR_REGION, REGION_KM, MIN_MARGIN, MIN_MARGIN_WORLD,
    SAME_PLACE_KM,
)

DATA_FILE = "gazetteer.tsv.gz"

# Prepositions that may precede a name in the query ("у Вовчанську", "в Волчанске", "near Kupiansk").
LEADING_WORDS = {"у", "в", "во", "на", "під", "под", "біля", "возле", "около", "поблизу", "з", "із", "зі", "с",
                 "со", "до", "від", "от", "за", "над", "the", "in", "near", "at"}
# Vowels a name's ending may differ in between its Russian and Ukrainian spellings ("Коренево", "Кореневе").
ENDING_VOWELS = "аеиоуыэюяіїєaeiouy"
# Memo size of km_between(): the 65 English articles of examples/corpus ask ~190k distances, mostly repeats;
# 16k entries hold a few MB.
DISTANCES = 16_384
# Memo size of _name_skeleton(): one short string per candidate name a run meets (a few thousand for the bundled
# corpus).
NAME_SKELETONS_KEPT = 65_536
# Memo size of Gazetteer.lookup(): names asked per run, each a short tuple of entries already made.
LOOKUPS_KEPT = 65_536


@dataclass(frozen=True)
class ResolveContext:
    """What the article says around a name: areas (oblast/raion codes) and places already resolved."""

    areas_near: frozenset[str] = frozenset()
    areas_doc: frozenset[str] = frozenset()
    places: tuple[Entry, ...] = ()
    places_near: tuple[Entry, ...] = ()  # those of ``places`` in the same sentence
    # hromada codes (HROMADA_CODE_CHARS) of the candidates of the sentence's other names still ambiguous: two
    # villages of one list that each have namesakes in the raion are the two of one hromada ("Лысовка,
    # Новотроицкое" near Myrnohrad: both of Pokrovsk hromada)
    hromadas_open: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Companion:
    """Context from an article's other part: oblast and raion ids it names, settlement ids it resolved. The
    areas count as named in the article; a name left ambiguous takes the one settled candidate ("ЗСУ звільнили
    Благодатне" in a headline, the body placing Благодатне in Donetsk Oblast). With ``overrides`` (the body read
    for its headline, whose few words give little context) the settled candidate also replaces another pick
    ("Окупанти захопили Новоолександрівку" is the village the body places on the Pokrovsk axis)."""

    areas: frozenset[str] = frozenset()
    settled: frozenset[str] = frozenset()
    overrides: bool = False

    def settle(self, resolution: Resolution, area: Entry | None = None) -> Resolution:
        """The resolution, or for an ambiguous one (any, with ``overrides``) the single candidate the other part
        settled, unless it lies outside the ``area`` the text states the name lies in ("освободили Жоржевку Донецкой
        Народной Республики" is not the Zhorzhivka of Poltava Oblast a headline settled)."""
        e = resolution.entry
        if not self.settled or e is not None and (not self.overrides or e.id in self.settled):
            return resolution
        picks = [c for c in resolution.candidates if c.id in self.settled
                 and (area is None or area.id in (c.id, c.oblast, c.raion))]
        return Resolution(picks[0], resolution.candidates, resolution.scores) if len(picks) == 1 else resolution


@dataclass(frozen=True)
class Resolution:
    """The pick for a name: ``entry`` is None when nothing matched or the name stays ambiguous."""

    entry: Entry | None
    candidates: tuple[Entry, ...] = ()
    scores: tuple[float, ...] = field(default=(), repr=False)

    @property
    def ambiguous(self) -> bool:
        return self.entry is None and len(self.candidates) > 1

    def inside(self, area: Entry) -> Resolution:
        """This resolution of a settlement kept to the oblast or raion the text states it lies in ("Петровское
        в ДНР", "Petrivske in the Donetsk region"): the pick when it lies there, else the one settlement of the
        candidates that does, else none (several there, or none: a former name of a town elsewhere is no
        reading of a village the text places in another oblast)."""
        e = self.entry
        if e is not None and (e.level != "settlement" or area.id in (e.oblast, e.raion)):
            return self
        inside = {c.id: c for c in self.candidates if c.level == "settlement" and area.id in (c.oblast, c.raion)}
        if len(inside) == 1:
            return Resolution(next(iter(inside.values())), self.candidates, self.scores)
        # still open: the candidates that lie there first, the readings left to a reader
        order = sorted(range(len(self.candidates)), key=lambda k: self.candidates[k].id not in inside)
        return Resolution(None, tuple(self.candidates[k] for k in order),
                          tuple(self.scores[k] for k in order) if self.scores else self.scores)


def settled_alike(results: Sequence[Resolution], names: Sequence[str]) -> list[Resolution]:
    """``results`` with a name left open taking the pick of another mention of the same candidates, or with none
    of the same name as written (``names``, one per result), that a stated area or its context settled: one sense
    per report ("атаке на поселок Октябрьский и село Головчино Белгородской области. ... В поселке Октябрьский дрон
    атаковал частный дом" is the same Oktyabrsky twice). Two senses of a name settle none."""
    picks: dict[object, Entry | None] = {}
    for r, name in zip(results, names):
        if r.entry is not None and r.candidates:
            for key in (frozenset(c.id for c in r.candidates), name):
                picks[key] = r.entry if picks.get(key, r.entry) == r.entry else None
    out = []
    for r, name in zip(results, names):
        pick = picks.get(frozenset(c.id for c in r.candidates) if r.candidates else name) if r.entry is None else None
        out.append(Resolution(pick, r.candidates or (pick,), r.scores) if pick is not None else r)
    return out


# The self-proclaimed republics and the oblast whose territory they claim: a Russian or Ukrainian "ДНР" resolves to
# it, so that "ДНР" in a Russian report and "Донеччина" in a Ukrainian one share a ref (the ru/uk annotation
# convention), and a town stated to lie in the DPR lies in Donetsk Oblast.
CLAIMED_OBLASTS = {"area:Donetsk People's Republic": "UA14000000000091971",
                   "area:Luhansk People's Republic": "UA44000000000018893"}


# Countries of the war: a place of theirs found for a Russian word is what the word names, and Russian
# spellings of Ukrainian villages are tried only when none is ("Курску" is Kursk, never Курське).
THEATRE = frozenset({"UA", "RU"})


def theatre_area(e: Entry | None) -> bool:
    """True for an oblast or raion of Ukraine or Russia, the areas a war report states its villages lie in."""
    return e is not None and e.level in ("oblast", "raion") and e.country in THEATRE


# Leading characters of a KATOTTG code shared by every unit an oblast or raion holds ("UA63..." is
# all of Kharkiv Oblast, "UA6314..." all of Chuhuiv Raion).
KATOTTG_AREA_PREFIX = {"oblast": 4, "raion": 6}


def katottg_within(ref: str | None, area_ref: str | None, area_level: str | None) -> bool:
    """True when the KATOTTG unit ``ref`` lies in the oblast or raion ``area_ref`` (itself excluded)."""
    size = KATOTTG_AREA_PREFIX.get(area_level or "")
    return bool(size and ref and area_ref and ref != area_ref and area_ref.startswith("UA")
                and ref.startswith(area_ref[:size]))


@functools.lru_cache(maxsize=NAME_SKELETONS_KEPT)
def _name_skeleton(name: str) -> str:
    """A gazetteer name's romanisation skeleton (name_keys.skeleton: "Slovyansk" ~ "Sloviansk"); kept, as every
    resolution asks it of every candidate of a name."""
    return skeleton(normalise(name))


def _name_stem(name: str) -> str:
    """A gazetteer name's skeleton less its ending vowels, what other spellings of it share ("Коренево",
    "Кореневе")."""
    return _name_skeleton(name).rstrip(ENDING_VOWELS)


class Gazetteer:
    """Entries indexed by normalised name and by romanisation skeleton."""

    def __init__(self, entries: Sequence[Entry], keys: list[list[str]], skeletons: list[list[str]]):
        """entries with, for each, its normalised names (``normalise``) and their ``skeleton``s."""
        self._set_up(entries, name_index(keys), name_index(skeletons), division_ids_of(entries))

    @classmethod
    def from_tables(cls, tables: GazetteerTables) -> Gazetteer:
        """The gazetteer of tables (read from the binary cache or just parsed)."""
        gazetteer = cls.__new__(cls)
        gazetteer._set_up(LazyEntries(tables.columns), tables.exact, tables.skeletons,
                          frozenset(tables.division_ids))
        return gazetteer

    def _set_up(self, entries: Sequence[Entry], exact: dict, skeletons: dict, division_ids: frozenset[str]) -> None:
        self.entries = entries
        ids = self._column("id")
        self._by_id = {entry_id: i for i, entry_id in enumerate(ids)}  # the last of a repeated id, as before
        self._exact = exact
        self._skeleton = skeletons
        self.division_ids = division_ids
        self._russian_points: dict[tuple[float, float], str] | None = None
        self._names: dict[str, tuple[frozenset[str], str]] = {}  # _named_by's ids and stem of a key, once per key
        self._lookups = functools.lru_cache(maxsize=LOOKUPS_KEPT)(self._lookup)

    def get(self, entry_id: str) -> Entry | None:
        """The entry with this id (KATOTTG code, geonames:<id>, area:<name>), or None."""
        index = self._by_id.get(entry_id)
        return None if index is None else self.entries[index]

    def russian_oblast_at(self, lat: float, lon: float) -> str | None:
        """The oblast id of the Russian settlement at exactly this point, or None (a district of Russia, which
        the gazetteer lacks, is drawn at its centre: place_adjectives_ru_uk.py)."""
        if self._russian_points is None:  # (read from the columns: no Entry is made for the ~108k entries)
            columns = zip(*(self._column(name) for name in ("country", "level", "oblast", "lat", "lon")))
            self._russian_points = {(la, lo): oblast for country, level, oblast, la, lo in columns
                                    if country == "RU" and level == "settlement" and oblast}
        return self._russian_points.get((lat, lon))

    def _column(self, name: str) -> list:
        """One field of every entry, in order (from the columns when the entries are lazy)."""
        if isinstance(self.entries, LazyEntries):
            return self.entries.column(name)
        return [getattr(e, name) for e in self.entries]

    def has_name(self, name: str) -> bool:
        """True when the name (normalised) is exactly a name or alias of some entry."""
        return normalise(name) in self._exact

    def lookup(self, name: str, *, within: str | None = None, fuzzy: bool = True) -> list[Entry]:
        """Candidates for a surface name, any language; ``within`` keeps those in an oblast/raion
        (a KATOTTG code or a name such as "Харківська", "Kharkiv"). ``fuzzy`` allows inflected forms
        and romanisation skeletons when the exact name is unknown."""
        return list(self._lookups(name, within, fuzzy))

    def _lookup(self, name: str, within: str | None, fuzzy: bool) -> tuple[Entry, ...]:
        """:meth:`lookup`'s candidates, as a tuple (kept per name asked: the extractors ask each name many times)."""
        key = normalise(name)
        words = key.split(" ")
        while len(words) > 1 and words[0] in LEADING_WORDS:
            words = words[1:]
        key = " ".join(words)
        hits = _hits(self._exact, key)
        if not hits and fuzzy:
            hits = self._inflected_hits(words)
        if not hits and fuzzy:
            hits = _hits(self._skeleton, skeleton(key))
        found = [self.entries[i] for i in dict.fromkeys(hits)]
        if within is not None:
            area = self._area_code(within)
            found = [e for e in found if area in (e.oblast, e.raion, e.id)]
        return tuple(found)

    def companion(self, places: Sequence[Place], overrides: bool = False) -> Companion:
        """What the resolved places of an article's other part (its headline for the body, the body for its
        headline, which ``overrides`` the headline's own picks) tell the resolution of this one: the oblasts and
        raions named (a headline's "в Курской области": area:Kursk Oblast) and the settlements settled."""
        areas, settled = set(), set()
        for p in places:
            if p.level in ("oblast", "raion"):
                entries = [self.get(p.ref)] if p.ref else self.lookup(p.name or "", fuzzy=False)
                areas.update(e.id for e in entries if e is not None and e.level == p.level)
            elif p.level == "settlement" and p.ref:
                e = self.get(p.ref)
                if e is not None:
                    settled.add(e.id)
        return Companion(frozenset(areas), frozenset(settled), overrides)

    def resolve(self, name: str, context: ResolveContext | None = None) -> Resolution:
        """Pick one candidate for name by context (areas named, nearby places) and prominence."""
        candidates = self.lookup(name)
        return self.choose(candidates, context, exact=self.has_name(name), surface=name)

    def choose(self, candidates: list[Entry], context: ResolveContext | None = None,
               *, exact: bool = True, surface: str | None = None) -> Resolution:
        """Score candidates and return the best one when it wins by MIN_MARGIN; ``surface`` (the text
        as written) favours entries whose own name it is."""
        if not candidates:
            return Resolution(None)
        context = context or ResolveContext()
        key = normalise(surface) if surface else None
        candidates = _neighbours_alias_dropped(candidates, key)
        # a name that is also a world state or country reads as that area, whatever towns of the same
        # name and country lie in other areas named nearby ("California, Oregon and Nevada"); a town
        # abroad still gets its area ("Warwick in Queensland" is no Bermudan parish)
        area_reading = frozenset(c.country for c in candidates
                                 if c.ref is None and c.level in ("country", "region") and c.country)
        front = not any((c.population or 0) >= FRONT_PRIOR_MAX_POPULATION for c in candidates)
        # (a city abroad is no prominent reading against the villages a list names beside front villages: "Пушкино"
        # among villages of Pokrovsk raion is Pushkine there, not the Moscow-region town; alone it stays the town's)
        own = [own_name(e, key) for e in candidates]
        # else its own name in another romanisation ("Slovyansk" is Sloviansk's own; Nikopol's only of old). Latin
        # only: a Cyrillic skeleton joins Russian and Ukrainian spellings, and "Льгов" (Russia's L'gov, which has no
        # Cyrillic name here) would read as the Ukrainian village Льгів
        if key and key.isascii() and not any(own):
            own = [_name_skeleton(key) in (_name_skeleton(e.name), _name_skeleton(e.name_uk or "")) for e in candidates]
        # read by its own name, or by any when no candidate bears it: a city the name reaches only as a former name
        # that villages bear as their own counts as no city ("Новоолександрівка" is none of Melitopol, once so named)
        by_name = [o or not any(own) for o in own]
        listed = not any((c.population or 0) >= FRONT_PRIOR_MAX_POPULATION and c.ref is not None and by_name[k]
                         for k, c in enumerate(candidates))
        named = self._named_by(key) if exact and key else None
        scores = [self._score(e, context, exact and (named is None or named(e)), area_reading, front, listed)
                  + (W_PRIMARY_NAME if own[k] else 0.0) + (W_LARGE_CITY if _large_city(e) and by_name[k] else 0.0)
                  for k, e in enumerate(candidates)]
        order = sorted(range(len(candidates)), key=lambda i: -scores[i])
        ranked = tuple(candidates[i] for i in order)
        ranked_scores = tuple(scores[i] for i in order)
        world = ranked[0].ref is None and ranked[0].country != "UA" and len(ranked) > 1 \
            and ranked[1].ref is None and ranked[1].country != "UA"
        margin = MIN_MARGIN_WORLD if world else MIN_MARGIN
        rival = next((k for k in range(1, len(ranked)) if not _same_place(ranked[0], ranked[k])), None)
        if rival is None or ranked_scores[0] - ranked_scores[rival] >= margin:
            return Resolution(ranked[0], ranked, ranked_scores)
        return Resolution(None, ranked, ranked_scores)

    def _named_by(self, key: str) -> Callable[[Entry], bool] | None:
        """Which candidates a surface exactly known to the gazetteer names: those it is a name of, or whose name
        it spells with other letters or ending (Russian "Коренево", Ukrainian "Кореневе"), not those only its
        inflected forms reached ("Тамбове" is Tambov, no village Tambovka); None when it is no known name."""
        if key not in self._names:
            self._names[key] = (frozenset(self.entries[i].id for i in _hits(self._exact, key)),
                                skeleton(key).rstrip(ENDING_VOWELS))
        named, stem = self._names[key]
        return None if not named else \
            lambda e: e.id in named or stem in (_name_stem(e.name), _name_stem(e.name_uk or ""))

    def _score(self, e: Entry, ctx: ResolveContext, exact: bool, area_reading: frozenset[str] = frozenset(),
               front: bool = False, listed: bool = False) -> float:
        score = W_LEVEL.get(e.level, 0.0) + W_CATEGORY.get(e.category or "", 0.0)
        if e.category == "PPLC":
            score += W_CAPITAL
        floor = POPULATION_FLOOR if e.ref is None else WAR_POPULATION_FLOOR
        if e.population and e.population > floor:
            score += W_POPULATION * math.log10(e.population / floor)
        if e.ref is not None:
            score += W_UKRAINE
        if front and e.level == "settlement" and e.oblast in FRONT_OBLASTS and _no_local_context(e, ctx):
            score += W_FRONT
        if exact:
            score += W_EXACT
        areas = {e.oblast, e.raion} - {None}
        if e.level == "settlement" and e.country in area_reading:
            areas = set()  # a county of that name keeps its state ("Fulton County ... Illinois")
        if areas & ctx.areas_near:
            score += W_AREA_NEAR
        elif areas & ctx.areas_doc:
            score += W_AREA_DOC
        others = [p for p in ctx.places if p.id != e.id]
        if e.ref is None and e.id in self.division_ids:
            if any(p.oblast == e.id for p in others):
                score += W_CONTAINS
            if any(p.id in self.division_ids and p.country == e.country for p in others):
                score += W_SIBLING_DIVISION
        dists = [km_between(e, p) for p in others if p.lat is not None and p.level == "settlement"] if e.lat is not None else []
        if dists:
            score += W_NEAR_PLACE * max(0.0, 1.0 - min(dists) / NEAR_KM)
        shares_open = _katottg(e) and e.ref[:HROMADA_CODE_CHARS] in ctx.hromadas_open
        if listed and e.raion and any(p.raion == e.raion and p.level == "settlement" for p in ctx.places_near
                                     if p.id != e.id):
            score += W_SENTENCE_RAION
            mates = _hromada_mates(e, ctx.places_near)
            if mates or shares_open:  # (the more of the list share it, the likelier: "Стрелечья, Пыльная, Борисовка";
                # a name still open counts as one more: "Часов Яр, Калиновка и Григоровка", two of Chasiv Yar's)
                score += W_SENTENCE_HROMADA * min(mates + shares_open, HROMADA_MATES_AT_MOST)
        elif listed and e.level == "settlement" and shares_open:
            score += W_SENTENCE_HROMADA  # "вошли в Нескучное и Макаровку": two open names, one hromada holds both
        if listed and e.level == "settlement" and e.lat is not None:
            listed_km = [km_between(e, p) for p in ctx.places_near  # (villages near a listed city are many)
                         if p.id != e.id and p.level == "settlement" and p.lat is not None
                         and (p.population or 0) < FRONT_PRIOR_MAX_POPULATION]
            if listed_km:
                score += W_LIST_NEAR * max(0.0, 1.0 - min(listed_km) / LIST_NEAR_KM)
        same = {p.id for p in others if p.country == e.country} if e.country else set()
        score += W_SAME_COUNTRY * min(len(same), MAX_SAME_COUNTRY)
        if not same and e.lat is not None and W_NEAR_REGION:
            around = [km_between(e, p) for p in others if p.lat is not None and p.lon is not None]
            if around:
                score += W_NEAR_REGION * max(0.0, 1.0 - min(around) / REGION_KM)
        return score

    def _area_code(self, within: str) -> str:
        if re.fullmatch(r"UA\d{17}", within):
            return within
        for form in (within, f"{within} область", f"{within} oblast"):
            for e in self.lookup(form):
                if e.level in ("oblast", "raion"):
                    return e.id
        return within

    def _inflected_hits(self, words: list[str]) -> list[int]:
        if not re.search("[а-яіїєґ]", " ".join(words)):
            return []
        options = [word_forms(w) for w in words]
        combos = [[]]
        for forms in options:
            combos = [c + [f] for c in combos for f in forms][:MAX_FORM_COMBINATIONS]
        hits: list[int] = []
        for combo in combos:
            hits += _hits(self._exact, " ".join(combo))
        return hits


def _hits(index: dict[str, int | list[int]], key: str) -> list[int]:
    bucket = index.get(key)
    if bucket is None:
        return []
    return [bucket] if isinstance(bucket, int) else bucket


def _same_place(a: Entry, b: Entry) -> bool:
    """True for two GeoNames entries of one settlement (GeoNames lists some towns twice, a few km apart:
    Льгов as L'gov and L'govskiy); Ukrainian settlements are distinct units of KATOTTG however close, but for
    two of one name and hromada at one point, which no text tells apart (the first is read)."""
    if a.level != "settlement" or b.level != "settlement" or a.lat is None or b.lat is None:
        return False
    if _katottg(a) and _katottg(b):
        return a.name == b.name and a.ref[:HROMADA_CODE_CHARS] == b.ref[:HROMADA_CODE_CHARS] \
            and (a.lat, a.lon) == (b.lat, b.lon)  # ("Новобахмутівка" twice in Ocheretyne hromada)
    return not _katottg(a) and not _katottg(b) and a.country == b.country and km_between(a, b) <= SAME_PLACE_KM


def _large_city(e: Entry) -> bool:
    """True for a Ukrainian or border city of LARGE_CITY_POPULATION or more (see place_weights.W_LARGE_CITY)."""
    return e.ref is not None and e.level == "settlement" and (e.population or 0) >= LARGE_CITY_POPULATION


def _katottg(e: Entry) -> bool:
    return bool(e.ref) and e.ref.startswith("UA")


def own_name(e: Entry, surface: str | None) -> bool:
    """True when the surface (normalised or not) is the entry's own (English or Ukrainian) name, not an alias; "St"
    and "Saint" are one word ("St Petersburg" is Saint Petersburg's own name as much as St. Petersburg's, Florida)."""
    key = _saint(normalise(surface)) if surface else ""
    return bool(key) and key in (_saint(normalise(e.name)), _saint(normalise(e.name_uk or "")))


def _saint(key: str) -> str:
    """A normalised name with its abbreviated "st" written out."""
    return re.sub(r"\bst\b\.?", "saint", key)


def _neighbours_alias_dropped(candidates: list[Entry], key: str | None) -> list[Entry]:
    """``candidates`` less those that hold the name ``key`` only as an alternate name when one settlement of their
    raion has it as its own: the source's alternate names give some towns a neighbour's name (GeoNames lists
    "Hrodivka" for Myrnohrad), which is the neighbour's."""
    named = [e for e in candidates if own_name(e, key)]
    own = [e for e in named if e.level == "settlement" and e.raion]
    if len(own) != 1:
        return candidates
    return [e for e in candidates if e in named or e.raion != own[0].raion]


def _no_local_context(e: Entry, ctx: ResolveContext) -> bool:
    """True when the article names no oblast or raion and no other Ukrainian or border settlement: nothing
    but the war itself says where a homonym lies."""
    return not (ctx.areas_near or ctx.areas_doc) and not any(
        p.id != e.id and p.level == "settlement" and p.ref is not None for p in ctx.places)


def _hromada_mates(e: Entry, places: Sequence[Entry]) -> int:
    """How many other Ukrainian settlements of ``places`` lie in the hromada of settlement ``e``."""
    if e.level != "settlement" or not _katottg(e):
        return 0
    code = e.ref[:HROMADA_CODE_CHARS]
    return sum(1 for p in places
               if p.id != e.id and p.level == "settlement" and (p.ref or "")[:HROMADA_CODE_CHARS] == code)


def km_between(a: Entry, b: Entry) -> float:
    """Great-circle distance in km between two entries with coordinates."""
    return _km_between(a.lat, a.lon, b.lat, b.lon)


@functools.lru_cache(maxsize=DISTANCES)
def _km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def gazetteer_bytes() -> bytes:
    """The packaged gazetteer file's bytes."""
    try:
        return resources.files("claimledger").joinpath("data", "gazetteer", DATA_FILE).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError, OSError) as exc:
        raise ModelError(f"packaged gazetteer {DATA_FILE} is missing: run scripts/build_gazetteer.py") from exc


@functools.lru_cache(maxsize=None)
def load_gazetteer() -> Gazetteer:
    """Load the packaged gazetteer once per process (about 108k entries), from the binary cache when it
    holds the tables of this very file, else from the file (and then write the cache)."""
    from .gazetteer_cache import load_tables

    return Gazetteer.from_tables(load_tables())
