"""Datelines: the place (and agency) a wire report opens with.

"KYIV, Ukraine (AP) — ", "MOSCOW, May 5 (Reuters) - ", "КИЕВ, 3 июня. /ТАСС/. ", "KIEV" on a line of its own.
A dateline says where the report was filed: it is a place mention (the places layer keeps it), but not
where an event happened, and no part of what anyone said. Pure: text in, offsets out.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from ...models import Attribution, Place
from ..event_places.event_places import facility_towns

_CAPITALS = "A-ZА-ЯЁІЇЄҐ"
LINE_START = re.compile(r"^", re.M)
# The city in capitals as one word on its own line ("KIEV"; a headline in capitals has several); or the city
# and ", country or date" and a dash; or an agency in brackets and a dash, or in slashes (TASS); or ", day
# month." (TASS); or, as Interfax files, the city in title case, ". day month." and the agency in capitals and a dash
# ("Киев. 3 апреля. ИНТЕРФАКС-УКРАИНА - "), or its site's name alone ("INTERFAX.RU - "); or, with no city, the day
# and the agency ("Aug 14 (Reuters) - "). A name in capitals and a dash alone ("NATO — ...") opens none.
DATELINE = re.compile(
    rf"[ \t]*(?:[{_CAPITALS}]{{2}}[{_CAPITALS}'’-]{{0,30}}[ \t]*\n"
    r"|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?[ \t]+\d{1,2}[ \t]+\([^()\n]{1,30}\)"
    r"[ \t]*[—–-]{1,2}[ \t]+"
    rf"|[{_CAPITALS}]{{3,20}}\.(?:RU|UA|COM|РФ)[ \t]*[—–-]{{1,2}}[ \t]+"
    rf"|[{_CAPITALS}][^\W\d_]+(?:[ -][{_CAPITALS}]?[^\W\d_]+)?\.[ \t]+\d{{1,2}}[ \t]+[^\W\d_]+\.[ \t]+"
    rf"[{_CAPITALS}]{{3}}[{_CAPITALS}.-]{{0,30}}[ \t]*[—–-]{{1,2}}[ \t]+"
    rf"|[{_CAPITALS}]{{2}}[{_CAPITALS}'’. -]{{0,30}}?"
    r"(?:(?:,[^\n()/—–]{1,40}?)?\s*(?:\([^()\n]{1,30}\)\s*[—–-]{1,2}|/[^/\n]{1,20}/\.?)[ \t]+"
    r"|,[^\n()/—–]{1,40}?\s*[—–-]{1,2}[ \t]+"
    r"|,[ \t]*\d{1,2}[ \t]+\w+\.[ \t]+))")  # "МОСКВА, 10 мая. "


def find_datelines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the datelines that open the text or any of its lines (a digest of wire items)."""
    spans = []
    for line in LINE_START.finditer(text):  # each line is tried from its own start: linear in the text
        m = DATELINE.match(text, line.start())
        if m and m.end() > line.start():
            spans.append((line.start(), m.end()))
    return spans


def outside_datelines(text: str, times: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """The time expressions (start, end, value) of ``text`` not in one of its datelines (:func:`find_datelines`): the
    day a report was filed ("МОСКВА, 5 марта. /ТАСС/.") is no day of what it tells, which the annotation guide dates
    only by what the text states."""
    datelines = find_datelines(text) if times else []
    return [t for t in times if not any(a <= t[0] < b for a, b in datelines)]


def after_datelines(attributions: Iterable[Attribution], datelines: list[tuple[int, int]]) -> list[Attribution]:
    """The attributions with contents and sources that began in a dateline starting after it ("HIROSHIMA, Japan
    (AP) - Ukrainian President Volodymyr Zelenskyy on Sunday denied": the source is the president)."""
    out = list(attributions)
    for start, end in datelines:
        out = [dataclasses.replace(a, content=(end, a.content[1])) if a.content[0] < end < a.content[1] else a
               for a in out]
        out = [dataclasses.replace(a, source=(end, a.source[1])) if a.source and a.source[0] < end < a.source[1]
               else a for a in out]
    return out


def event_place_mentions(places: Iterable[Place], datelines: list[tuple[int, int]], text: str = "") -> list[Place]:
    """The places that may be where an event happened: those outside the datelines, and a dateline's town that
    holds a facility ``text`` names ("ЭНЕРГОДАР, 5 августа. /ТАСС/. ... по территории ЗАЭС": the plant's events
    are in Enerhodar, as they would be had the body named the town; event_places.facility_place_keys)."""
    towns = facility_towns(text) if datelines and text else frozenset()
    return [p for p in places if not any(start <= p.span[0] < end for start, end in datelines) or p.ref in towns]
