"""Time expressions in Russian and Ukrainian news text, normalised like the English ones (dates.py).

``find_time_expressions_ru_uk(text, published)`` returns ``(start, end, value)`` spans: full dates
("19 мая 2024 года", "19.05.2024"), day and month ("19 травня", resolved against the publication date
with the same year rule as English), months ("в ноябре", "у листопаді"), years ("в 2023 году"),
relative days ("сегодня", "вчора"), the overnight of a report ("ночью", "в ночь на 30 мая" ->
"29/30"), the reporting windows of war bulletins ("за сутки", "за минулу добу" -> the day before
publication to publication; "за неделю" -> seven days ending on it), last week and this month ("минулого
тижня" -> Monday to Sunday of the week before), days ago ("три дні тому"), tomorrow, nights from one day to
the next ("у ніч з 4 на 5 травня") and to a weekday ("в ночь на понедельник"), this week ("за цей тиждень"), the
weekend ("в выходные"), "з 2014 року" ranges, weekdays ("у п'ятницю", "минулого понеділка"), "с 24 февраля" ranges
and "с начала (полномасштабного) вторжения" (from 2022-02-24), "від початку травня" ranges, counted
windows ("за п'ять днів", "у попередні два дні"), the Nth day of the war ("восьмий день війни"), day
spans ("20–22 травня") and "за цей день". Relative days count from the speaking day (speaking_day): a
report put out in the small hours speaks of the day before, and an address whose title names the day it
was given speaks of that day (address_day). A day without a year is not put back before
the invasion in a report written after it. Values are ISO dates, months, years or "start/end" ranges;
None when an expression needs a publication date that is missing.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from .dates import INVASION_START, iso_day, parse_published, scan_time_expressions, since_invasion, since_range
from .dates import year_for_month as _year_before_or_on
from ..language.numbers_ru_uk import NUMBER_LEMMAS

# Month names in the case forms news copy uses (nominative, genitive, locative), Russian and Ukrainian.
MONTH_FORMS = {
    1: ("январь", "января", "январе", "січень", "січня", "січні"),
    2: ("февраль", "февраля", "феврале", "лютий", "лютого", "лютому"),
    3: ("март", "марта", "марте", "березень", "березня", "березні"),
    4: ("апрель", "апреля", "апреле", "квітень", "квітня", "квітні"),
    5: ("май", "мая", "мае", "травень", "травня", "травні"),
    6: ("июнь", "июня", "июне", "червень", "червня", "червні"),
    7: ("июль", "июля", "июле", "липень", "липня", "липні"),
    8: ("август", "августа", "августе", "серпень", "серпня", "серпні"),
    9: ("сентябрь", "сентября", "сентябре", "вересень", "вересня", "вересні"),
    10: ("октябрь", "октября", "октябре", "жовтень", "жовтня", "жовтні"),
    11: ("ноябрь", "ноября", "ноябре", "листопад", "листопада", "листопаді"),
    12: ("декабрь", "декабря", "декабре", "грудень", "грудня", "грудні"),
}
MONTHS = {form: number for number, forms in MONTH_FORMS.items() for form in forms}
# Weekdays (Monday = 0) in the accusative of "в понедельник" / "у понеділок" and the nominative.
WEEKDAY_FORMS = {
    0: ("понедельник", "понеділок"), 1: ("вторник", "вівторок"), 2: ("среду", "среда", "середу", "середа"),
    3: ("четверг", "четвер"), 4: ("пятницу", "пятница", "п'ятницю", "п’ятницю", "пʼятницю", "п'ятниця"),
    5: ("субботу", "суббота", "суботу", "субота"), 6: ("воскресенье", "неділю", "неділя"),
}
# Weekdays in the genitive of "минулого понеділка" / "прошлого понедельника" (the one before publication).
WEEKDAY_GENITIVES = {
    0: ("понеділка", "понедельника"), 1: ("вівторка", "вторника"), 2: ("середи", "среды"), 3: ("четверга",),
    4: ("п'ятниці", "п’ятниці", "пʼятниці", "пятницы"), 5: ("суботи", "субботы"), 6: ("неділі", "воскресенья"),
}
WEEKDAYS = {form: number for number, forms in (*WEEKDAY_FORMS.items(), *WEEKDAY_GENITIVES.items()) for form in forms}
# A report published before this hour speaks of the day that has just ended: an evening address put
# out after midnight says "сьогодні" of the day before (the annotation convention of the dev gold,
# tests/data/README.md); dawn is the latest a night report's "today" can still mean yesterday.
SMALL_HOURS_END = 6
MAX_LAST_DAYS = 366  # "за N днів" beyond a year is a duration, not a window ending at publication
# Stems of the ordinals "first" to "tenth" (Ukrainian and Russian), for the day of the war in words.
ORDINAL_STEMS = {stem: n for n, stems in enumerate((
    ("перш", "перв"), ("друг", "втор"), ("трет",), ("четверт",), ("п'ят", "пят"), ("шост", "шест"),
    ("сьом", "седьм"), ("восьм",), ("дев'ят", "девят"), ("десят",)), start=1) for stem in stems}
MAX_WAR_DAY = 5000  # a day count beyond this is not a day of this war
_N_WORD = "(?P<n>\\d{1,3}|" + "|".join(sorted((re.escape(w).replace("'", "['’ʼ]") for w in NUMBER_LEMMAS),
                                                key=len, reverse=True)) + ")"

# An ordinal day, night or week, in figures ("3-й") or words ("третій", "вторые").
_ORDINAL = (r"(?:(?P<ord>\d{1,3})(?:-?(?:й|я|ю|е|ий|ой|у|ий))?|(?P<ordw>перш|перв|друг|втор|трет|четверт|п['’ʼ]ят|пят|"
            r"шост|шест|сьом|седьм|восьм|дев['’ʼ]ят|девят|десят)\w*)")
_MONTH_WORDS = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = "(?P<month>" + _MONTH_WORDS + ")"
# A part of a day named before it, or today, with the words that may stand between the day and it ("Вчора ж пізно
# ввечері", "вчера поздно вечером").
_PART_OF_DAY = ("(?:(?:ж|же|пізно|поздно|рано|ранним|пізнім|поздним)\\s+){0,2}"
                "(?:утром|вечером|зранку|вранці|уранці|ввечері|увечері)")
# "Накануне"/"напередодні" before a gathering or a feast is "on the eve of" it, no day ("Напередодні зустрічі міністрів
# фінансів", "накануне саммита"), unlike "Накануне Минобороны сообщило".
_NOT_EVE_OF = (r"(?!\s+(?:встречи|зустрічі|саммита|саміту|переговоров|переговорів|перемовин|визита|візиту|выборов|"
               r"виборів|праздника|свята|годовщины|річниці|дня|заседания|засідання|голосования|голосування|"
               r"конференции|конференції|форума|форуму)(?!\w))")
# A period of years or of the whole war ("с начала СВО", "з початку повномасштабного вторгнення", "с 2022 года"): a
# total of the war, which neither the settlement of the sentence before (event_places_context_ru_uk.py) nor the day of
# a bulletin's window (event_dates_ru_uk.py) is of.
LONG_PERIOD = re.compile(r"(?<!\w)(?:с|со|з|із|від) (?:начала|початку) (?:\w+ )?(?:\w+ )?(?:СВО|операции|операції|"
                         r"вторжения|вторгнення|войны|війни)|(?<!\w)(?:с|з|від) (?:19|20)\d\d\s*(?:года|году|року|г\.)",
                         re.IGNORECASE)
_WEEKDAY = "(?P<weekday>" + "|".join(sorted((re.escape(w) for w in WEEKDAYS), key=len, reverse=True)) + ")"
_DAY = r"(?P<day>[0-3]?\d)(?:-?(?:го|ого|е|є))?"  # "20 травня", "20-го травня"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_YEAR_WORD = r"(?:\s*(?:года|году|год|г\.|року|році|рік|р\.))?"
_B, _E = r"(?<![\w])", r"(?![\w])"
# An invasion by Ukraine's forces ("с начала вторжения ВСУ в Курскую область"), no start of the full-scale war.
_NOT_INCURSION = r"(?!\s+(?:ВСУ|ЗСУ|украинск|українськ|в Курск|у Курськ|на территорию|на територію))"
# A running count needs no "уже/поспіль" when a present-tense verb follows it ("второй день ведут наступление",
# "третю добу тривають бої", a subject between: "другий тиждень окупанти штурмують"); after a preposition the ordinal names one day ("на второй день наступления").
_PRESENT_VERB = r"\w+(?:ет|ит|ут|ют|ат|ят|ется|ится|утся|ются|атся|ятся|ає|ює|ить|ять|ать|уть|ють|ться)(?![\w])"
_NO_PREPOSITION = "".join(rf"(?<!{p} )" for p in ("на", "в", "во", "у", "за", "до", "к", "по", "з", "с", "із", "від"))
_I = "(?i:"


def year_for_month(month: int, day: int | None, pub: date | None) -> int | None:
    """The year of a month (and day) given without one (dates.year_for_month: the publication year, or
    the one before when that would put it after publication), but a day is never put back before the
    invasion in a report written after it: "15 квітня" in a report of March 2022 is a day to come, not
    April 2021. A month alone may be: "у грудні" in March 2022 tells of the months before the war."""
    year = _year_before_or_on(month, day, pub)
    if year is not None and day is not None and pub is not None and pub >= INVASION_START and year < pub.year \
            and date(year, month, min(day, 28)) < INVASION_START:
        return pub.year
    return year


def _month(m: re.Match) -> int:
    return MONTHS[m["month"].lower()]


def _full_date(m: re.Match, pub: date | None) -> str | None:
    return iso_day(int(m["year"]), _month(m), int(m["day"]))


def _numeric_date(m: re.Match, pub: date | None) -> str | None:
    return iso_day(int(m["year"]), int(m["mon"]), int(m["day"]))


def _numeric_span(m: re.Match, pub: date | None) -> str | None:
    """"з 24.02.22 по 05.09.24" (General Staff loss tallies): the range, two-digit years read as 20xx."""
    def day(d: str, mon: str, year: str) -> str | None:
        return iso_day(int(year) + (2000 if len(year) == 2 else 0), int(mon), int(d))
    start, end = day(m["d1"], m["m1"], m["y1"]), day(m["d2"], m["m2"], m["y2"])
    return f"{start}/{end}" if start and end and start <= end else None


def _day_month(m: re.Match, pub: date | None) -> str | None:
    month, day = _month(m), int(m["day"])
    year = year_for_month(month, day, pub)
    return None if year is None else iso_day(year, month, day)


def _day_span(m: re.Match, pub: date | None) -> str | None:
    """"20–22 травня", "з 20 по 22 мая": the days from the first to the second, in the second's month."""
    end = _full_date(m, pub) if m["year"] else _day_month(m, pub)
    if end is None or not 0 < int(m["day1"]) < int(m["day"]):
        return end
    return f"{end[:8]}{int(m['day1']):02d}/{end}"


def _month_span(m: re.Match, pub: date | None) -> str | None:
    """"с 29 июня по 5 июля", "з 28 лютого по 3 березня": the days from the first date to the second, the first in the
    second's year, or the year before when its month comes later."""
    end = _full_date(m, pub) if m["year"] else _day_month(m, pub)
    if end is None:
        return None
    month1 = MONTHS[m["month1"].lower()]
    year1 = int(end[:4]) - (1 if month1 > int(end[5:7]) else 0)
    start = iso_day(year1, month1, int(m["day1"]))
    return f"{start}/{end}" if start and start <= end else end


def _night_before(m: re.Match, pub: date | None) -> str | None:
    """"в ночь на 30 мая": the night from the 29th to the 30th."""
    end = _day_month(m, pub) if not m["year"] else _full_date(m, pub)
    if end is None:
        return None
    return f"{(date.fromisoformat(end) - timedelta(days=1)).isoformat()}/{end}"


def _since_day(m: re.Match, pub: date | None) -> str | None:
    start = _full_date(m, pub) if m["year"] else _day_month(m, pub)
    if start is not None and pub is not None and start > pub.isoformat():
        return None  # "з 20 квітня" ahead of publication starts later, no range up to publication
    return since_range(start, pub)


def _month_year(m: re.Match, pub: date | None) -> str | None:
    return f"{int(m['year']):04d}-{_month(m):02d}"


def _since_month_start(m: re.Match, pub: date | None) -> str | None:
    """"від початку травня": from the first of that month to publication."""
    year = year_for_month(_month(m), None, pub)
    return None if year is None else since_range(f"{year:04d}-{_month(m):02d}-01", pub)


def _last_days(m: re.Match, pub: date | None) -> str | None:
    """"за п'ять днів (вторгнення)": the N days that end on the publication date."""
    word = m["n"].lower().replace("’", "'").replace("ʼ", "'")
    n = int(word) if word.isdigit() else NUMBER_LEMMAS.get(word)
    if pub is None or not n or n > MAX_LAST_DAYS:
        return None
    return f"{(pub - timedelta(days=n - 1)).isoformat()}/{pub.isoformat()}"


def _day_of_war(m: re.Match, pub: date | None) -> str | None:
    """"на восьмий день війни", "110-й день вторгнення": the Nth day counted from the invasion's start."""
    n = int(m["ord"]) if m["ord"] else ORDINAL_STEMS[_plain_apostrophe(m["ordw"]).lower()]
    return (INVASION_START + timedelta(days=n - 1)).isoformat() if 0 < n <= MAX_WAR_DAY else None


def _running_days(m: re.Match, pub: date | None) -> str | None:
    """"третій день поспіль", "уже вторые сутки", "вже другий тиждень": the N days (or weeks) up to publication."""
    n = int(m["ord"]) if m["ord"] else ORDINAL_STEMS[_plain_apostrophe(m["ordw"]).lower()]
    days = n * 7 if m["unit"].lower().startswith(("тиж", "нед")) else n
    if pub is None or not 0 < days <= MAX_LAST_DAYS:
        return None
    return _days_back(days - 1, 0)(m, pub)


def _plain_apostrophe(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'")


def _previous_days(m: re.Match, pub: date | None) -> str | None:
    """"у попередні два дні": the N days before the publication day, up to it (how the dev gold reads it)."""
    word = _plain_apostrophe(m["n"]).lower()
    n = int(word) if word.isdigit() else NUMBER_LEMMAS.get(word)
    if pub is None or not n or n > MAX_LAST_DAYS:
        return None
    return _days_back(n, 0)(m, pub)


def _month_only(m: re.Match, pub: date | None) -> str | None:
    year = year_for_month(_month(m), None, pub)
    return None if year is None else f"{year:04d}-{_month(m):02d}"


def _year_only(m: re.Match, pub: date | None) -> str | None:
    return m["year"]


def _days_back(first: int, last: int) -> Callable[[re.Match, date | None], str | None]:
    """The days from ``first`` to ``last`` days before publication (one day: an ISO date)."""
    def resolve(m: re.Match, pub: date | None) -> str | None:
        if pub is None:
            return None
        start, end = pub - timedelta(days=first), pub - timedelta(days=last)
        return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    return resolve


def _weekday(m: re.Match, pub: date | None) -> str | None:
    if pub is None:
        return None
    back = (pub.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
    return (pub - timedelta(days=back)).isoformat()


def _night_before_weekday(m: re.Match, pub: date | None) -> str | None:
    """"в ночь на понедельник", "у ніч на неділю": the night ending on that weekday's latest date by publication."""
    end = _weekday(m, pub)
    return None if end is None else f"{(date.fromisoformat(end) - timedelta(days=1)).isoformat()}/{end}"


def _recent_weekend(m: re.Match, pub: date | None) -> str | None:
    """"в выходные", "у вихідні": the latest Saturday by publication and the Sunday after it (up to publication)."""
    if pub is None:
        return None
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    end = min(saturday + timedelta(days=1), pub)
    return saturday.isoformat() if end == saturday else f"{saturday.isoformat()}/{end.isoformat()}"


def _this_week(m: re.Match, pub: date | None) -> str | None:
    return None if pub is None else f"{(pub - timedelta(days=pub.weekday())).isoformat()}/{pub.isoformat()}"


def _last_week(m: re.Match, pub: date | None) -> str | None:
    """"минулого тижня", "на прошлой неделе": Monday to Sunday of the week before publication's."""
    if pub is None:
        return None
    monday = pub - timedelta(days=pub.weekday() + 7)
    return f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}"


def _this_month(m: re.Match, pub: date | None) -> str | None:
    return None if pub is None else f"{pub.year:04d}-{pub.month:02d}"


def _night_span(m: re.Match, pub: date | None) -> str | None:
    """"у ніч з 4 на 5 травня": the night from the first day to the second, in the second's month."""
    end = _full_date(m, pub) if m["year"] else _day_month(m, pub)
    if end is None:
        return None
    start = date.fromisoformat(end) - timedelta(days=1)
    return f"{start.isoformat()}/{end}" if start.day == int(m["day1"]) else end


def _days_ago(m: re.Match, pub: date | None) -> str | None:
    """"три дні тому", "два дня назад": the day that many days before publication."""
    word = _plain_apostrophe(m["n"]).lower()
    n = int(word) if word.isdigit() else NUMBER_LEMMAS.get(word)
    if pub is None or not n or n > MAX_LAST_DAYS:
        return None
    return (pub - timedelta(days=n)).isoformat()


def _since_year(m: re.Match, pub: date | None) -> str | None:
    """"з 2014 року", "с 2014 года": from that year to publication."""
    return since_range(m["year"], pub)


def _last_month(m: re.Match, pub: date | None) -> str | None:
    if pub is None:
        return None
    last = pub.replace(day=1) - timedelta(days=1)
    return f"{last.year:04d}-{last.month:02d}"


def _year_relative(offset: int) -> Callable[[re.Match, date | None], str | None]:
    def resolve(m: re.Match, pub: date | None) -> str | None:
        return None if pub is None else str(pub.year + offset)
    return resolve


# Months of the seasons ("летом 2023 года": June to August); winter, which spans two years, gives only its year.
SEASON_MONTHS = {"весн": (3, 5), "навесн": (3, 5), "лет": (6, 8), "влітку": (6, 8), "улітку": (6, 8),
                 "осен": (9, 11), "восен": (9, 11)}


def _season(m: re.Match, pub: date | None) -> str | None:
    """A season of a stated year ("летом 2023 года", "восени минулого року"): its months as a range."""
    if m["year"]:
        year = int(m["year"])
    elif pub is not None:
        year = pub.year - (1 if m["rel"].lower() in ("прошлого", "минулого") else 0)
    else:
        return None
    months = next((v for k, v in SEASON_MONTHS.items() if m["season"].lower().startswith(k)), None)
    return str(year) if months is None else f"{year:04d}-{months[0]:02d}/{year:04d}-{months[1]:02d}"


def _last_weekend(m: re.Match, pub: date | None) -> str | None:
    """The Saturday and Sunday before publication ("в минувшие выходные", "минулих вихідних")."""
    if pub is None:
        return None
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if saturday >= pub - timedelta(days=1):  # published on the weekend itself: the one before
        saturday -= timedelta(days=7)
    return f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}"


def _since_year_start(m: re.Match, pub: date | None) -> str | None:
    return None if pub is None else f"{pub.year:04d}-01-01/{pub.isoformat()}"


# (pattern, resolver), most specific first; an earlier pattern wins over overlapping later ones.
TIME_PATTERNS: tuple[tuple[re.Pattern, Callable[[re.Match, date | None], str | None]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), resolver) for pattern, resolver in (
        (rf"{_B}в ночь на {_DAY}\s+{_MONTH}(?:\s+{_YEAR}{_YEAR_WORD})?{_E}", _night_before),
        (rf"{_B}(?:в|у) (?:ночь|ніч) (?:на|проти) {_WEEKDAY}{_E}", _night_before_weekday),
        (rf"{_B}(?:в|у) ніч (?:на|проти) {_DAY}\s+{_MONTH}(?:\s+{_YEAR}{_YEAR_WORD})?{_E}", _night_before),
        (rf"{_B}(?:в|у) (?:ночь|ніч) (?:с|со|з|із) (?P<day1>[0-3]?\d) на {_DAY}\s+{_MONTH}(?:\s+{_YEAR}{_YEAR_WORD})?{_E}", _night_span),
        (rf"{_B}(?:с|со|з|із|від|от) (?P<day1>[0-3]?\d)\s+(?P<month1>{_MONTH_WORDS})\s+(?:по|до) {_DAY}\s+{_MONTH}"
         rf"(?:\s+{_YEAR}{_YEAR_WORD})?{_E}", _month_span),
        (rf"{_B}(?:начиная )?(?:с|со|з|із|від|от) {_DAY}\s+{_MONTH}(?:\s+{_YEAR}{_YEAR_WORD})?{_E}", _since_day),
        (rf"{_B}(?:(?P<ord>\d{{1,4}})(?:-?(?:й|я|е|го|ий|ого|му|ому))?|(?P<ordw>перш|друг|трет|четверт|п['’ʼ]ят|шост|сьом|восьм|дев['’ʼ]ят|десят)\w*)"
         rf"\s+(?:день|дня|дні|добу|доби|ніч|ночі)\s+(?:нашої |повномасштабної |повномасштабного |російської )?"
         rf"(?:війни|вторгнення|оборони|атак|агресії|спротиву|опору){_E}", _day_of_war),
        (rf"{_B}(?:(?P<ord>\d{{1,4}})(?:-?(?:й|я|е|го|ый|ой|ого|му|ом))?|(?P<ordw>перв|втор|трет|четверт|пят|шест|седьм|восьм|девят|десят)\w*)"
         rf"\s+(?:день|дня|дне|сутки|суток|ночь|ночи)\s+(?:специальной военной операции|СВО|войны|вторжения|обороны|агрессии){_E}", _day_of_war),
        (rf"{_B}(?:(?:вже|уже) )?{_ORDINAL}\s+(?P<unit>день|дня|добу|доби|сутки|суток|тиждень|неделю)\s+(?:поспіль|подряд){_E}",
         _running_days),
        (rf"{_B}(?:вже|уже) {_ORDINAL}\s+(?P<unit>день|добу|сутки|тиждень|неделю){_E}", _running_days),
        (rf"{_NO_PREPOSITION}{_B}{_ORDINAL}\s+(?P<unit>день|добу|сутки|тиждень|неделю)(?=\s+(?:\w+\s+)?{_PRESENT_VERB})", _running_days),
        (rf"{_B}{_PRESENT_VERB}\s+{_ORDINAL}\s+(?P<unit>день|добу|сутки|тиждень|неделю){_E}", _running_days),  # "продолжаются третий день"
        (rf"{_B}(?:за|протягом|упродовж|впродовж|в течение) (?:цей|этот|цього|этого|сьогоднішній|сегодняшний) (?:день|дня){_E}|"
         rf"{_B}(?:цього|этого|сьогоднішнього|сегодняшнего) дня{_E}", _days_back(0, 0)),
        (rf"{_B}(?:з|від|с) (?:початку|начала) (?:цього |этого |поточного |текущего )?{_MONTH}{_E}", _since_month_start),
        (rf"{_B}(?:(?:з|с|від|от) )?(?P<day1>[0-3]?\d)\s*(?:[-–—]|(?:по|до) )\s*{_DAY}\s+{_MONTH}(?:\s+{_YEAR}{_YEAR_WORD})?{_E}", _day_span),
        (rf"{_B}{_DAY}\s+{_MONTH}\s+{_YEAR}{_YEAR_WORD}", _full_date),
        (rf"{_B}(?:з|із|с|від|от)\s+(?P<d1>[0-3]?\d)\.(?P<m1>[01]\d)\.(?P<y1>(?:20)?\d\d)\s+(?:по|до)\s+"
         rf"(?P<d2>[0-3]?\d)\.(?P<m2>[01]\d)\.(?P<y2>(?:20)?\d\d){_E}", _numeric_span),
        (rf"{_B}(?P<day>[0-3]?\d)\.(?P<mon>[01]\d)\.(?P<year>(?:19|20)\d\d){_E}", _numeric_date),
        (rf"{_B}(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d){_E}", _numeric_date),
        (rf"{_B}{_DAY}\s+{_MONTH}{_E}", _day_month),
        (rf"{_B}{_MONTH}\s+{_YEAR}{_YEAR_WORD}", _month_year),
        (rf"{_B}(?:в|во|у|с|со|з|із|до|от|від|к|на початку|в начале|в конце|наприкінці|у середині|в середине) {_MONTH}{_E}", _month_only),
        (rf"{_B}(?:с|со|з|із|від|от) (?:начала |початку )?{_YEAR}\s*(?:году|года|г\.|року|р\.){_E}", _since_year),
        (rf"{_B}(?:в|у|до|за|протягом|упродовж|в течение) {_YEAR}\s*(?:году|года|год|г\.|році|року|рік|р\.){_E}",
         _year_only),  # "в 2023 году", "за 2023 год", "протягом 2023 року"
        (rf"{_B}(?:с|з|від) начала (?:полномасштабного )?(?:вторжения{_NOT_INCURSION}|специальной военной операции|СВО){_E}",
         since_invasion),
        (rf"{_B}(?:з|від) початку (?:повномасштабного )?(?:вторгнення{_NOT_INCURSION}|війни|повномасштабної війни){_E}",
         since_invasion),
        (rf"{_B}(?:с начала (?:этого |текущего )?года|з початку (?:цього |поточного )?року){_E}", _since_year_start),
        (rf"{_B}(?:с начала суток|(?:з|від) початку (?:цієї )?доби){_E}", _days_back(0, 0)),
        (rf"{_B}(?:(?:за|в течение|протягом) (?:минувшие |прошедшие |последние |истекшие )?сутки"
         rf"|в течение (?:минувших |прошедших |последних |истекших )?суток){_E}", _days_back(1, 0)),
        (rf"{_B}(?:за|протягом|упродовж|впродовж) (?:минулої |минулу |попередньої |попередню |останньої |останню )?(?:добу|доби){_E}", _days_back(1, 0)),
        (rf"{_B}(?:минулої|попередньої|минувших|прошедших) (?:доби|суток){_E}", _days_back(1, 0)),  # "Минулої доби ворог ..."
        (rf"{_B}(?:за|в течение|протягом|упродовж|впродовж) (?:минувшую |прошедшую |последнюю |минулий |минулого "
         rf"|останній |останнього )?(?:неделю|недели|тиждень|тижня){_E}", _days_back(6, 0)),
        (rf"{_B}(?:за|протягом|упродовж|впродовж|в течение) "
         rf"(?:цей|этот|цього|этой|эту|поточний|поточного|текущую|текущей) (?:тиждень|тижня|неделю|недели){_E}",
         _this_week),
        (rf"{_B}(?:на этой неделе|на текущей неделе|цього тижня|на цьому тижні){_E}", _this_week),
        (rf"{_B}(?:на прошлой неделе|минулого тижня|на минулому тижні|минулий тиждень){_E}", _last_week),
        (rf"{_B}(?:в прошлом месяце|минулого місяця|у минулому місяці){_E}", _last_month),
        (rf"{_B}(?:в этом месяце|в текущем месяце|этого месяца|цього місяця|у цьому місяці|поточного місяця"
         rf"|с начала (?:этого |текущего )?месяца|з початку (?:цього |поточного )?місяця){_E}", _this_month),
        (rf"{_B}{_N_WORD} (?:днів|дні|дня|дней|день|доби|діб|суток) (?:тому|назад){_E}", _days_ago),
        (rf"{_B}(?P<season>летом|весной|осенью|зимой|влітку|улітку|навесні|восени|взимку|узимку)\s+"
         rf"(?:{_YEAR}{_YEAR_WORD}|(?P<rel>прошлого|этого|текущего|минулого|цього|поточного)\s+(?:года|року)){_E}", _season),
        (rf"{_B}(?:(?:в|на) (?:минувшие|прошлые|прошедшие) выходные|(?:на )?минулих вихідних|минулі вихідні){_E}",
         _last_weekend),
        (rf"{_B}(?:(?:в|на) выходные|(?:у|в) вихідні|на вихідних){_E}", _recent_weekend),
        (rf"{_B}(?:в прошлом году|минулого року|торік|у минулому році){_E}", _year_relative(-1)),
        (rf"{_B}(?:в этом году|в текущем году|цього року|у цьому році|этого года){_E}", _year_relative(0)),
        (rf"{_B}(?:(?:у|в|за) )?(?:попередні|предыдущие|прошедшие|минулі) {_N_WORD} (?:днів|дні|дней|дня|доби|діб|суток){_E}", _previous_days),
        (rf"{_B}(?:за|протягом|упродовж|впродовж|в течение) (?:ці |эти |останні |последние )?{_N_WORD} (?:днів|дні|дней|дня|доби|діб|суток){_E}", _last_days),
        (rf"{_B}(?:позавчера|позавчора){_E}", _days_back(2, 2)),
        (rf"{_B}(?:послезавтра|післязавтра){_E}", _days_back(-2, -2)),
        (rf"{_B}(?:завтра){_E}", _days_back(-1, -1)),
        (rf"{_B}(?:вчера|вчора|учора|накануне|напередодні)(?:\s+{_PART_OF_DAY})?{_E}{_NOT_EVE_OF}", _days_back(1, 1)),
        # "Днем ранее", "за день до этого": the day before the day told, most often the day of the report
        (rf"{_B}(?:дн[её]м (?:ранее|раньше)|днем раніше|за день до (?:этого|цього))"
         rf"{_E}", _days_back(1, 1)),
        (rf"{_B}(?:сегодня|сьогодні|нынче){_E}", _days_back(0, 0)),
        (rf"{_B}(?:сьогоднішн|сегодняшн)(?:і|ій|ього|ьому|ім|ю|я|є|е|ие|ий|его|ему|им|юю|яя|ее){_E}(?!\s+(?:день|дня))",
         _days_back(0, 0)),  # "Сьогоднішні російські ракетні удари" (a date phrase with "дня" is the pattern above)
        (rf"{_B}(?:минувшей ночью|прошедшей ночью|этой ночью|сегодня ночью|ночью|минулої ночі|цієї ночі|вночі|уночі){_E}", _days_back(1, 0)),
        # the night as a span ("в течение прошедшей ночи", "за минувшую ночь", "за минулу ніч")
        (rf"{_B}(?:(?:в течение|за) (?:прошедшей|минувшей|этой) ночи|за (?:прошедшую|минувшую|эту) ночь"
         rf"|за (?:минулу|цю) ніч){_E}", _days_back(1, 0)),
        (rf"{_B}(?:нічн|ночн)(?:ої|ий|у|а|ой|ая|ого|ую|ые|і)(?= (?:масован\w* |массирован\w* |комбінован\w* )?"
         rf"(?:атак|удар|обстріл|обстрел)\w*)", _days_back(1, 0)),  # "нічної атаки дронів": last night's
        (rf"{_B}(?:(?:в|во|у) (?:минулий |минулу |минуле |прошлый |прошлую |прошлое )?"
         rf"|(?:минулого|минулої|прошлого|прошлой) ){_WEEKDAY}(?:\s+{_PART_OF_DAY})?{_E}", _weekday),
        # the morning or evening of the report's day ("Утром произошел взрыв", "Зранку російські війська вдарили"),
        # not of a day or date named with it ("вчора зранку", "в понедельник вечером", "утром 5 мая"; asked last)
        (rf"{_B}{_PART_OF_DAY}{_E}(?!\s+(?:\d|[вуо] |во ))", _days_back(0, 0)),
    )
)


def find_time_expressions_ru_uk(text: str, published: str | None = None) -> list[tuple[int, int, str | None]]:
    """Return (start, end, value) for every Russian or Ukrainian time expression in text, in order;
    value is resolved against ``published`` (ISO date or datetime) and None when it cannot be."""
    return scan_time_expressions(text, speaking_day(published), TIME_PATTERNS)


# Words of a title that names an address, a speech or a statement ("звернувся до українців", "Обращение
# Президента", "виступив"): a day the title names is then the day the text was spoken.
ADDRESS_WORDS = re.compile(r"(?<!\w)(?:звернен|звернув|обращени|обратил|виступ|выступ|заяв|промов|послани|посланн)",
                           re.IGNORECASE)
# An address is put out (a video uploaded, a transcript posted) up to this many days after it was given;
# a day further back named in its title is what the address is about, not when it was given.
MAX_ADDRESS_DELAY_DAYS = 3


def address_day(title: str | None, published: str | None) -> str | None:
    """The day an address was given when its title names one ("... звернувся до українців наприкінці першого
    дня атак Росії"): the only single day among the title's time expressions, up to MAX_ADDRESS_DELAY_DAYS
    before the speaking day of ``published``; else None. The text's "сьогодні" is that day."""
    if not title or not ADDRESS_WORDS.search(title):
        return None
    spoken = parse_published(speaking_day(published))
    days = {value for _, _, value in find_time_expressions_ru_uk(title, published) if value and len(value) == 10}
    if spoken is None or len(days) != 1:
        return None
    day = date.fromisoformat(days.pop())
    return day.isoformat() if 0 < (spoken - day).days <= MAX_ADDRESS_DELAY_DAYS else None


def speaking_day(published: str | None) -> str | None:
    """The day a report speaks of as "today": the publication date, or the day before when the
    report came out in the small hours (before SMALL_HOURS_END o'clock), as an ISO date string."""
    day = parse_published(published)
    if day is None:
        return published
    clock = str(published).strip()[11:13]
    if clock.isdigit() and int(clock) < SMALL_HOURS_END:
        day -= timedelta(days=1)
    return day.isoformat()


def resolve_when_ru_uk(text: str, published: str | None) -> str | None:
    """Return the value of the first resolvable time expression in text, else None."""
    for _, _, value in find_time_expressions_ru_uk(text, published):
        if value is not None:
            return value
    return None
