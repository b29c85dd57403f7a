"""The weights by which the gazetteer scores the entries a place name may stand for (Gazetteer.choose in
gazetteer.py): the level and category of an entry, its prominence, and what the article around it names.
"""
from __future__ import annotations

# Resolution weights, tuned by hand on the places layer of data/dev/attribution_dev.jsonl and the
# lookup cases of data/gazetteer/ua_toponym_lookup_cases.csv (homonyms stay ambiguous without context).
W_AREA_NEAR = 4.0  # candidate lies in an oblast/raion named in the same sentence
W_AREA_DOC = 2.5  # ... named elsewhere in the article
W_NEAR_PLACE = 2.0  # candidate next to another place resolved in the article, falling to 0 at NEAR_KM
W_SENTENCE_RAION = 1.0  # candidate in the raion of a settlement of its sentence: lists name neighbours
# ... and again in its hromada (a KATOTTG code's first nine characters: UA, oblast, raion, hromada):
# "атакували Іллінку та Курахове" names the Іллінка of Kurakhove's hromada, not the one of Marinka's in
# the same raion. Neither counts against a city of FRONT_PRIOR_MAX_POPULATION ("Zaporizhzhia and Vuhledar")
W_SENTENCE_HROMADA = 1.0
# ... once per other settlement of the sentence in that hromada, up to this many: of two namesakes in neighbouring
# hromadas, the one more of the list lies in ("Стрелечья, Пыльная, Борисовка, Огурцовка и Плетеневка": Pylna of
# Lyptsi hromada with two, not Pilna of Vovchansk hromada with one)
HROMADA_MATES_AT_MOST = 5
# ... and by how near it lies to the nearest settlement of its sentence that is no large city (many villages lie
# near one: "Poltava, Trostyanets, Lebedyn"), falling to 0 at LIST_NEAR_KM: the villages
# a front report lists lie a few kilometres apart ("Новоолександрівка, Керамік та Очеретине": the namesake 17 km
# from the other two, not those at 32 and 55 km, all in one raion and none in their hromada)
W_LIST_NEAR = 2.0
LIST_NEAR_KM = 25.0
HROMADA_CODE_CHARS = 9
# A settlement of the oblasts where ground fighting went on for most of the war (Donetsk, Luhansk, Zaporizhzhia,
# Kherson, Kharkiv) or of Russia's border oblasts under fire and incursion (Kursk, Belgorod, Bryansk): the
# reading of a homonym that war reports mean when nothing in the text names its area ("освободили Великую
# Новоселку": Velyka Novosilka of Donetsk Oblast, not Velyki Novosilky near Lviv; "атака дрона в Льгове": the
# Kursk town, not Lhiv of Chernihiv Oblast). Only when the article names no oblast, raion or other settlement
# (_no_local_context): given every time, it lost Ukrainian event places on war_reports_dev's tune half (0.805 ->
# 0.756: a Kharkiv Krasnopillia drew level with the Sumy one among Sumy towns). Homonyms within these oblasts
# stay ambiguous.
W_FRONT = 1.0
# ... unless a candidate is a city this big, the prominent reading wherever it lies ("в Николаеве": Mykolaiv,
# not the town of Mykolaivka in Donetsk Oblast)
FRONT_PRIOR_MAX_POPULATION = 100_000
FRONT_OBLASTS = frozenset({"UA14000000000091971", "UA44000000000018893", "UA23000000000064947", "UA65000000000030969",
                           "UA63000000000041885", "area:Kursk Oblast", "area:Belgorod Oblast", "area:Bryansk Oblast"})
W_CONTAINS = 2.5  # a world division (state, province) holding other places resolved in the article
# A world first-level division (state, province) when other divisions of its country are resolved in the
# article: "Georgia" or "Washington" among Iowa and Texas is the state, "Ontario" next to Alberta the
# province. Calibrated on GeoVirus (data/dev/geoparsing_dev.jsonl): it must outweigh a capital's or a
# large city's prominence (Washington, D.C. against the state: 1.3 points).
W_SIBLING_DIVISION = 2.0
W_SAME_COUNTRY = 1.0  # per other place (or the country itself) resolved in the article in the candidate's country
MAX_SAME_COUNTRY = 4  # ... counting at most this many ("Georgia" among Alabama, Iowa, Texas is the state)
W_POPULATION = 1.0  # per decade of population (log10) above POPULATION_FLOOR
POPULATION_FLOOR = 10_000  # GeoNames knows the population of only some villages: no prominence below this
# ... for a Ukrainian or border settlement, whose namesakes are mostly villages GeoNames has no population for: a
# town stands out among them ("Odesa, Mykolaiv, Kherson": the city, not a village Mykolaiv). Measured, place ref
# accuracy: war_reports_dev tune half 0.934 -> 0.943 (report half 0.938 -> 0.950, attribution_dev's 0.933 ->
# 0.944); 1,000 also took a town of 5,000 alone over a village (the lookup cases keep "Борова" ambiguous), and
# lowering the world floor lost GeoVirus 10 places within 161 km.
WAR_POPULATION_FLOOR = 3_000
# A Ukrainian or border city of this many people or more is what its name means beside a town of the same name
# near another place of the report ("Вибухи в Києві, Одесі, Львові ... У Миколаєві загинули": the oblast centre,
# not the small Mykolaiv of Lviv Oblast that Lviv's nearness favours). Tried 2.0 (2026-12-05): an oblast named
# anywhere in the article (2.5) draws a village of that oblast level with the city ("... in the Donetsk region. ...
# a guided bomb attack on Zaporizhzhia" stays unresolved against the village of Pokrovsk raion); 2.0 resolved it and
# raised the report half's place ref accuracy 0.963 -> 0.975, but lost "Каменского Запорожской области" beside
# Пятихатки to the city Kamianske of Dnipro Oblast, which the stated oblast then left ambiguous.
LARGE_CITY_POPULATION = 100_000
W_LARGE_CITY = 1.0
W_LEVEL = {"country": 4.0, "oblast": 3.0, "region": 2.5, "raion": 1.0, "hromada": 0.0, "settlement": 0.0}
W_CATEGORY = {"K": 3.0, "M": 1.5, "X": 0.4, "C": 0.0}  # KATOTTG category: special city, city, selyshche, village
# A national capital (GeoNames feature code PPLC) is the prominent reading of its name: "Sofia" is
# Bulgaria's capital, not the Malagasy region (GeoVirus, data/dev/geoparsing_dev.jsonl).
W_CAPITAL = 2.0
# Categories of a capital: GeoNames' national capital, KATOTTG's special-status cities (Kyiv, Sevastopol).
CAPITAL_CATEGORIES = frozenset({"PPLC", "K"})
W_UKRAINE = 0.5  # the project reads war news: a Ukrainian or border entry beats a foreign homonym on ties
W_PRIMARY_NAME = 1.5  # the surface is the entry's own name, not one of its alternate or historical names
W_EXACT = 0.5  # the surface matched a name or alias exactly, not only its romanisation skeleton
NEAR_KM = 60.0  # "same front sector" distance for the proximity weight
# A candidate in a country the article names nothing else in, but next to other places resolved in it (of
# any level: a country's point counts), falling to 0 at REGION_KM: "Gaza" next to Israel and Egypt is the
# Palestinian city, not the Mozambican province. Calibrated on GeoVirus (data/dev/geoparsing_dev.jsonl).
W_NEAR_REGION = 2.0
REGION_KM = 500.0
MIN_MARGIN = 1.0  # best candidate must beat the runner-up by this much, else the name stays ambiguous
# ... when neither of the two best is Ukrainian or a border place: world geoparsing picks the most
# prominent reading (as GeoNames-based geoparsers do) and keeps only true ties ambiguous ("Scott County"
# in four states). Calibrated on GeoVirus (data/dev/geoparsing_dev.jsonl).
MIN_MARGIN_WORLD = 0.25
SAME_PLACE_KM = 10.0  # two GeoNames settlements of one name and country this close are one town listed twice
