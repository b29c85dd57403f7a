"""Time expressions in English news text, normalised to ISO dates, months, years or ranges.

``resolve_when("in November", "2024-12-03")`` gives ``"2024-11"``: expressions without a year
("in November", "on March 5", "today", "on Friday", "last week", "for two days now") are resolved
against the publication date, and give None when there is none. A month or day after the
publication date is taken to be in the previous year (news reports on the past).
Ranges are ``"start/end"``; an open end ("since May 10" with no publication date) is ``".."``.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable, Mapping

from ..language.doc_cache import doc_text
from ..events.quantities import parse_quantity

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
# The start of Russia's full-scale invasion, the reference of "since the full-scale invasion", "с начала СВО",
# "з початку повномасштабного вторгнення".
INVASION_START = date(2022, 2, 24)

# Month names must be capitalised ("May" vs the modal "may"); abbreviations need a day or year.
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_FULL_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY = r"(?P<day>[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"  # (not the "20" of "2022")
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d|,\d)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_COUNT = r"(?P<count>\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several)"
_I = "(?i:"  # case-insensitive group for the function words around names


def parse_published(published: str | None) -> date | None:
    """The date part of an ISO date or datetime string, or None when absent or unreadable."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def start_year(when: str | None) -> int | None:
    """The year a date of the record format starts in (a day, month, year or range "A/B"), or None."""
    found = re.match(r"\d{4}", when or "")
    return int(found.group(0)) if found else None


def _month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


# A day given without a year up to this many days after publication is an announced date in the
# same year ("will meet on November 26" in a report of November 24); further on it is taken to be
# last year's. Calibrated on the dated readouts of data/dev/attribution_dev.jsonl (meetings
# announced days ahead; past dates up to ~10 months back).
FUTURE_WINDOW_DAYS = 45


def year_for_month(month: int, day: int | None, pub: date | None) -> int | None:
    """The year of a month (and day) given without one: the publication year, or the one before
    when that would put it after the publication date (beyond FUTURE_WINDOW_DAYS for a day)."""
    if pub is None:
        return None
    if day is None:
        return pub.year - 1 if month > pub.month else pub.year
    try:
        ahead = (date(pub.year, month, day) - pub).days
    except ValueError:  # 29 February in a common year
        ahead = (date(pub.year, month, 28) - pub).days
    return pub.year - 1 if ahead > FUTURE_WINDOW_DAYS else pub.year


MONTHS_AHEAD_AT_MOST = 6  # how far ahead a month named for an act to come is read (month_ahead)


def month_ahead(value: str, written: str, today: str | None, months: Mapping[str, int]) -> str:
    """The date of an act to come that a month names with no year ("an offensive in May", "наступление в мае",
    said in April 2024): ``value`` (resolved as of past acts, year_for_month) moved to the month's next occurrence
    when it lies before ``today`` (an ISO day); ``written`` is the expression as written, ``months`` its
    language's month words."""
    if today is None or not re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", value) or re.search(r"\d{4}", written) \
            or not any(word in months for word in re.findall(r"\w+", written.lower())) or value >= today[:len(value)]:
        return value
    ahead = f"{int(value[:4]) + 1:04d}{value[4:]}"
    months_ahead = (int(ahead[:4]) - int(today[:4])) * 12 + int(ahead[5:7]) - int(today[5:7])
    # (a month further on is more likely one past that a plan looked back to: "expected to see a parade a few days
    # after February 24", said in April)
    return ahead if months_ahead <= MONTHS_AHEAD_AT_MOST else value


def dated_after(value: str, day: str | None) -> bool:
    """True when date or range ``value`` starts after ISO ``day`` (compared at the value's own precision: "2024-03"
    is not after "2024-03-15"): no done act can be dated so ("школы закрыты до 19 марта из-за обстрелов", said on
    March 15, dates the closing, not the shelling)."""
    start = value.split("/")[0]
    return day is not None and bool(re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", start)) and start > day[:len(start)]


def iso_day(year: int, month: int, day: int) -> str | None:
    """Return YYYY-MM-DD, or None for a day the month does not have."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def since_range(start: str | None, pub: date | None) -> str | None:
    """Return the open range "start/publication date" ("start/.." without one), None without start."""
    if start is None:
        return None
    return f"{start}/{pub.isoformat() if pub else '..'}"


def _full_date(m: re.Match, pub: date | None) -> str | None:
    return iso_day(int(m["year"]), _month_number(m["month"]), int(m["day"]))


def _month_day(m: re.Match, pub: date | None) -> str | None:
    month, day = _month_number(m["month"]), int(m["day"])
    year = year_for_month(month, day, pub)
    return None if year is None else iso_day(year, month, day)


def _month_year(m: re.Match, pub: date | None) -> str | None:
    return f"{int(m['year']):04d}-{_month_number(m['month']):02d}"


def _month_only(m: re.Match, pub: date | None) -> str | None:
    month = _month_number(m["month"])
    year = year_for_month(month, None, pub)
    return None if year is None else f"{year:04d}-{month:02d}"


def _year_only(m: re.Match, pub: date | None) -> str | None:
    return m["year"]


def _iso(m: re.Match, pub: date | None) -> str | None:
    return iso_day(int(m["year"]), int(m["mon"]), int(m["day"]))


def _relative_day(offset: int) -> Callable[[re.Match, date | None], str | None]:
    def resolve(m: re.Match, pub: date | None) -> str | None:
        return None if pub is None else (pub + timedelta(days=offset)).isoformat()
    return resolve


def _last_day(m: re.Match, pub: date | None) -> str | None:
    """The day before publication to publication: a bulletin's "overnight", "over the past 24 hours"."""
    return None if pub is None else f"{(pub - timedelta(days=1)).isoformat()}/{pub.isoformat()}"


def _weekday(m: re.Match, pub: date | None) -> str | None:
    """The named weekday on or before the publication date ("on Friday" in a report of the past)."""
    if pub is None:
        return None
    back = (pub.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
    if (m["which"] or "").lower() == "last" and back == 0:
        back = 7
    return (pub - timedelta(days=back)).isoformat()


def _week(m: re.Match, pub: date | None) -> str | None:
    if pub is None:
        return None
    monday = pub - timedelta(days=pub.weekday())
    if m["which"].lower() in {"last", "past", "previous"}:
        start = monday - timedelta(days=7)
        return f"{start.isoformat()}/{(start + timedelta(days=6)).isoformat()}"
    return f"{monday.isoformat()}/{pub.isoformat()}"


def _month_relative(m: re.Match, pub: date | None) -> str | None:
    if pub is None:
        return None
    if m["which"].lower() in {"last", "past", "previous"}:
        first = pub.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    return f"{pub.year:04d}-{pub.month:02d}"


def _year_relative(m: re.Match, pub: date | None) -> str | None:
    if pub is None:
        return None
    return str(pub.year - 1 if m["which"].lower() in {"last", "past", "previous"} else pub.year)


def _days_now(m: re.Match, pub: date | None) -> str | None:
    """"for two days now" / "in the past three days": the N days ending on the publication date."""
    count = parse_quantity(m["count"])
    if pub is None or count is None or count < 1:
        return None
    return f"{(pub - timedelta(days=count - 1)).isoformat()}/{pub.isoformat()}"


# Ordinals of a running count of days ("for the third day in a row").
ORDINAL_DAYS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                "ninth": 9, "tenth": 10}


def _running_days(m: re.Match, pub: date | None) -> str | None:
    """"for the third day in a row", "a second straight day": the N days up to the publication date."""
    if pub is None:
        return None
    n = ORDINAL_DAYS[m["ordinal"].lower()]
    return f"{(pub - timedelta(days=n - 1)).isoformat()}/{pub.isoformat()}"


def _since_month_day(m: re.Match, pub: date | None) -> str | None:
    if m["year"]:
        start = iso_day(int(m["year"]), _month_number(m["month"]), int(m["day"]))
    else:
        start = _month_day(m, pub)
    return since_range(start, pub)


def _since_month(m: re.Match, pub: date | None) -> str | None:
    if m["year"]:
        return since_range(f"{int(m['year']):04d}-{_month_number(m['month']):02d}", pub)
    return since_range(_month_only(m, pub), pub)


def since_invasion(m: re.Match, pub: date | None) -> str | None:
    """From the start of the full-scale invasion to publication ("since the full-scale invasion began")."""
    return since_range(INVASION_START.isoformat(), pub)


def _since_the_war(m: re.Match, pub: date | None) -> str | None:
    """"since the war began": the full-scale invasion's start in a report written after it, else not known."""
    return since_invasion(m, pub) if pub is None or pub >= INVASION_START else None


def _since_weekday(m: re.Match, pub: date | None) -> str | None:
    """From the latest such weekday before publication to publication ("evacuated since Friday")."""
    return since_range(_weekday(m, pub), pub)


def _since_year(m: re.Match, pub: date | None) -> str | None:
    return since_range(m["year"], pub)


# Words one of which every match of a pattern holds, looked for before the pattern is run: most texts
# name no weekday and about half no month (27 of the 65 English articles of examples/corpus), and each
# pattern scans the whole text. Names are looked for as written (the patterns match them so), the other
# words in the text folded (_FOLDED): re.IGNORECASE also matches "i" to "İ" and "ı", "s" to "ſ" and "k" to the
# Kelvin sign, which lower() does not turn into those letters.
_FULL_MONTHS = tuple(_FULL_MONTH[len("(?P<month>"):-1].split("|"))
_MONTH_OPENINGS = tuple(name[:3] for name in _FULL_MONTHS)  # "Jan" opens "Jan", "Jan." and "January"
_WEEKDAYS = tuple(_WEEKDAY[len("(?P<weekday>"):-1].split("|"))
_AS_WRITTEN, _LOWERED = "as written", "lowered"
# The letters re.IGNORECASE takes for an ASCII letter that lower() keeps apart, mapped to it before lowering.
_FOLDED = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u212a": "k"})

# (pattern, resolver, words) triples, most specific first; an earlier pattern wins over overlapping later
# ones. ``words`` is None or (how to look, words): the pattern is run only on a text that holds one.
_TIME_RULES = (
        (rf"{_I}since ){_FULL_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?", _since_month_day, (_AS_WRITTEN, _FULL_MONTHS)),
        (rf"{_I}since ){_DAY}\s+{_FULL_MONTH}(?:,?\s+{_YEAR})?", _since_month_day, (_AS_WRITTEN, _FULL_MONTHS)),
        (rf"{_I}since ){_FULL_MONTH}(?:\s+{_YEAR})?", _since_month, (_AS_WRITTEN, _FULL_MONTHS)),
        (rf"{_I}\bsince (?:the (?:start|beginning|outbreak) of )?(?:(?:Russia's|the) )?"
         rf"(?:(?:full-scale|large-scale) (?:invasion|war)|invasion)(?: began| started)?\b)", since_invasion,
         (_LOWERED, ("invasion", "scale war"))),
        (rf"{_I}\bsince (?:the (?:start|beginning|outbreak) of (?:the )?war"
         rf"|(?:the )?war (?:began|started|broke out))\b)", _since_the_war, (_LOWERED, (" war",))),
        (rf"{_I}\b(?:{_COUNT}|a|one|more than \w+) (?:years?|months?|weeks?|days?) into (?:(?:Russia's|the) )?"
         rf"(?:(?:full-scale|large-scale) )?(?:invasion|war)\b)", _relative_day(0), (_LOWERED, (" into ",))),
        (rf"{_I}since ){_YEAR}", _since_year, (_LOWERED, ("since",))),
        (r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b", _iso, (_AS_WRITTEN, ("-0", "-1"))),
        (rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}", _full_date, (_AS_WRITTEN, _MONTH_OPENINGS)),
        (rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}", _full_date, (_AS_WRITTEN, _MONTH_OPENINGS)),
        (rf"\b{_MONTH}\s+{_DAY}\b(?![,.]?\d)", _month_day, (_AS_WRITTEN, _MONTH_OPENINGS)),
        (rf"\b{_DAY}\s+{_MONTH}\b", _month_day, (_AS_WRITTEN, _MONTH_OPENINGS)),
        (rf"\b{_FULL_MONTH},?\s+(?:{_I}of )?)?{_YEAR}", _month_year, (_AS_WRITTEN, _FULL_MONTHS)),
        (rf"{_I}\b(?:in|since|by|during|until|till|from|through|of|early|late|mid-?|end of|beginning of)\s+(?:the\s+)?){_FULL_MONTH}\b", _month_only, (_AS_WRITTEN, _FULL_MONTHS)),
        (rf"{_I}since (?:(?P<which>last) )?){_WEEKDAY}\b", _since_weekday, (_AS_WRITTEN, _WEEKDAYS)),
        (rf"(?:(?P<which>{_I}last|this|on|past))\s+)?{_WEEKDAY}\b", _weekday, (_AS_WRITTEN, _WEEKDAYS)),
        (rf"{_I}\b(?P<which>this|last|past|previous) week\b)", _week, (_LOWERED, ("week",))),
        (rf"{_I}\b(?P<which>this|last|past|previous) month\b)", _month_relative, (_LOWERED, ("month",))),
        (rf"{_I}\b(?P<which>this|last|past|previous) year\b)", _year_relative, (_LOWERED, ("year",))),
        (rf"{_I}\b(?:for|over|in|during) (?:the )?(?:past |last )?){_COUNT}{_I} days?(?: now)?\b)", _days_now, (_LOWERED, ("day",))),
        (rf"{_I}\b(?:the|a) (?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth) "
         rf"(?:(?:straight|consecutive) (?:day|night)|(?:day|night) (?:in a row|running))\b)", _running_days,
         (_LOWERED, (" day", " night"))),
        (rf"{_I}\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier today)\b)", _relative_day(0),
         (_LOWERED, ("today", "tonight", "this morning", "this afternoon", "this evening"))),
        (rf"{_I}\b(?:yesterday|last night)\b)", _relative_day(-1), (_LOWERED, ("yesterday", "last night"))),
        (rf"{_I}\b(?:overnight|(?:over|in|during) the (?:past|last) (?:24 hours|day))\b)", _last_day,
         (_LOWERED, ("overnight", "24 hours", " day"))),
        (rf"{_I}\btomorrow\b)", _relative_day(1), (_LOWERED, ("tomorrow",))),
        (rf"{_I}\b(?:in|since|by|during|until|till|from|of|early|late|mid-?)\s+){_YEAR}", _year_only,
         (_AS_WRITTEN, ("19", "20"))),
)
# (pattern, resolver) pairs of _TIME_RULES, in order.
TIME_PATTERNS: tuple[tuple[re.Pattern, Callable[[re.Match, date | None], str | None]], ...] = tuple(
    (re.compile(pattern), resolver) for pattern, resolver, _ in _TIME_RULES)
# The words of _TIME_RULES by compiled pattern.
_PATTERN_WORDS = {compiled: words for (compiled, _), (_, _, words) in zip(TIME_PATTERNS, _TIME_RULES)}


def _may_match(pattern: re.Pattern, text: str, lowered: str, held: dict) -> bool:
    """False when the text holds none of the words every match of the pattern holds (_TIME_RULES); ``held`` keeps
    the answers for one text by words (several patterns share theirs: the month names, the weekdays)."""
    words = _PATTERN_WORDS.get(pattern)
    if words is None:
        return True
    if words not in held:
        how, choices = words
        held[words] = any(word in (text if how == _AS_WRITTEN else lowered) for word in choices)
    return held[words]


def scan_time_expressions(text: str, published: str | None, patterns=None) -> list[tuple[int, int, str | None]]:
    """Return (start, end, value) of all non-overlapping time expressions in text, in order,
    earlier patterns first on overlap; ``patterns`` are (regex, resolver) pairs (default: the
    English TIME_PATTERNS), each resolver taking the match and the parsed publication date."""
    pub = parse_published(published)
    taken: list[tuple[int, int, str | None]] = []
    lowered, held = text.translate(_FOLDED).lower(), {}
    for pattern, resolver in TIME_PATTERNS if patterns is None else patterns:
        if not _may_match(pattern, text, lowered, held):
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            if any(start < e and s < end for s, e, _ in taken):
                continue
            taken.append((start, end, resolver(m, pub)))
    return sorted(taken)


def dates_another(start: int, end: int, times: list[tuple[int, int, str | None]], text: str = "") -> bool:
    """True when the trigger at characters [start, end) of ``text`` lies inside a time expression of ``times`` that
    resolves to a span from then on ("since the full-scale invasion began", "з початку повномасштабного
    вторгнення") or counts the time into the war ("Two years into Russia's full-scale invasion", as of
    publication): a generic mention that dates another event, not an event of its own. A day it names stays one
    ("the first day of Russia's attacks")."""
    return any(a <= start and end <= b and ("/" in value or " into " in text[a:b])
               for a, b, value in times if value is not None)


def resolve_when(text: str, published: str | None) -> str | None:
    """Return the ISO date, month, year or "start/end" range the first time expression in text
    names, resolved against the publication date (ISO date or datetime) when it needs one;
    None when there is no expression or it cannot be worked out."""
    for _, _, value in scan_time_expressions(text, published):
        if value is not None:
            return value
    return None


def find_time_expressions(doc, published: str | None = None) -> list[tuple[int, int, str | None]]:
    """Return (start, end, resolution) character spans of the time expressions in a Doc (or a
    string); resolution is None when the expression cannot be worked out."""
    text = doc_text(doc) if hasattr(doc, "user_data") else getattr(doc, "text", doc)  # a Doc's text built once
    return scan_time_expressions(text, published)
