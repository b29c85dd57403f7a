"""Names for scripts/build_gazetteer.py: the hand-written tables (oblast names in three spellings,
former names, named areas, country aliases, state abbreviations of news copy, division name parts) and
the name helpers (KMU-2010 romanisation, script checks, alias cleaning, Ukrainian adjective stems).
"""
from __future__ import annotations

import unicodedata
from collections import defaultdict

# Latin aliases shorter than this are dropped (GeoNames lists codes such as "Ko", "IEV").
MIN_ALIAS_LENGTH = 4
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
# Raions whose centre's name is no stem of the raion's adjective (Криворізький: Кривий Ріг), by the adjective.
RAION_CENTRES = {"Криворізький": "Kryvyi Rih", "Білоцерківський": "Bila Tserkva"}
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
    # Russian and Ukrainian names of other states war reports name (embassies hit, arms suppliers, summits); without
    # them a Cyrillic name finds only a town its transliteration spells ("Албании" read as Albany, New York)
    "AL": ("Албания", "Албанія"), "AT": ("Австрия", "Австрія"), "AU": ("Австралия", "Австралія"),
    "BE": ("Бельгия", "Бельгія"), "BG": ("Болгария", "Болгарія"), "BR": ("Бразилия", "Бразилія"),
    "CH": ("Швейцария", "Швейцарія"), "DK": ("Дания", "Данія"), "EG": ("Египет", "Єгипет"),
    "ES": ("Испания", "Іспанія"),
    "GR": ("Греция", "Греція"), "HR": ("Хорватия", "Хорватія"), "IE": ("Ирландия", "Ірландія"), "IQ": ("Ирак", "Ірак"),
    "IS": ("Исландия", "Ісландія"), "JO": ("Иордания", "Йорданія"), "LB": ("Ливан", "Ліван"), "LY": ("Ливия", "Лівія"),
    "MX": ("Мексика",), "NO": ("Норвегия", "Норвегія"), "NZ": ("Новая Зеландия", "Нова Зеландія"),
    "PK": ("Пакистан",), "PT": ("Португалия", "Португалія"), "QA": ("Катар",), "RS": ("Сербия", "Сербія"),
    "SA": ("Саудовская Аравия", "Саудівська Аравія"), "SE": ("Швеция", "Швеція"), "SI": ("Словения", "Словенія"),
    "AR": ("Аргентина",), "CL": ("Чили", "Чилі"), "CU": ("Куба",), "VE": ("Венесуэла", "Венесуела"),
    "VN": ("Вьетнам", "В'єтнам"), "ID": ("Индонезия", "Індонезія"), "AF": ("Афганистан", "Афганістан"),
    "AE": ("ОАЭ", "ОАЕ", "Объединённые Арабские Эмираты", "Об'єднані Арабські Емірати"), "ZA": ("ЮАР", "ПАР"),
    "NG": ("Нигерия", "Нігерія"), "ET": ("Эфиопия", "Ефіопія"), "UZ": ("Узбекистан",), "TJ": ("Таджикистан",),
    "KG": ("Киргизия", "Кыргызстан", "Киргизстан"), "TM": ("Туркмения", "Туркменистан", "Туркменістан"),
    "MN": ("Монголия", "Монголія"), "ME": ("Черногория", "Чорногорія"), "LU": ("Люксембург",), "MT": ("Мальта",),
    "CY": ("Кипр", "Кіпр"), "CO": ("Колумбия", "Колумбія"), "PE": ("Перу",), "VA": ("Ватикан",),
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


# KATOTTG categories from the most urban: special city, city, selyshche, village.
URBAN_RANK = {"K": 3, "M": 2, "X": 1, "C": 0}
# A raion's centre shares at least this many leading letters with the raion's adjective, and lacks at most this
# many of its own ("Вінниця" / "Вінницький": 6 shared, 1 not; "Кременчук" / "Кременчуцький": 8 and 1; "Берегове" /
# "Берегівський": 5 and 2).
CENTRE_MIN_SHARED = 3
CENTRE_MAX_UNSHARED = 3


def name_raions_after_centres(rows: list[dict]) -> None:
    """Name each raion after its centre, the town of the raion whose Ukrainian name its adjective is made from
    (Краматорський -> Kramatorsk Raion, Вінницький -> Vinnytsia Raion, Ялтинський -> Yalta Raion), as English copy
    and the annotation guide write it ("Kupiansk Raion"); the name made from the adjective's stem ("Kramator
    Raion") stays an alias. A raion with no such town keeps the stem name."""
    towns = defaultdict(list)
    for r in rows:
        if r["level"] == "settlement" and r.get("category") in URBAN_RANK and r["category"] != "C":
            towns[r["raion"]].append(r)
    for r in rows:
        if r["level"] != "raion":
            continue
        adjective = r["name_uk"].lower()
        scored = [(_shared_start(adjective, t["name_uk"].lower()), t) for t in towns[r["id"]]]
        scored = [(shared, t) for shared, t in scored
                  if shared >= CENTRE_MIN_SHARED and len(t["name_uk"]) - shared <= CENTRE_MAX_UNSHARED]
        if r["name_uk"] in RAION_CENTRES:
            centre_name = RAION_CENTRES[r["name_uk"]]
        elif scored:
            centre_name = max(scored, key=lambda st: (st[0] - len(st[1]["name_uk"]), URBAN_RANK[st[1]["category"]]))[1]["name"]
        else:
            continue
        r["aliases"].append(r["name"])
        r["name"] = f"{centre_name} Raion"
        r["aliases"] += [f"{centre_name} raion", f"{centre_name} district", f"{centre_name} District"]


def _shared_start(a: str, b: str) -> int:
    """The number of leading letters two words share."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n
