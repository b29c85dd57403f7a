"""Datelines: the place (and agency) a wire report opens with.

"KYIV, Ukraine (AP) — ", "MOSCOW, May 5 (Reuters) - ", "КИЕВ, 3 июня. /ТАСС/. ", "KIEV" on a line of its own.
A dateline says where the report was filed: it is a place mention (the places layer keeps it), but not
where an event happened, and no part of what anyone said. Pure: text in, offsets out.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from ..models import Attribution, Place

_CAPITALS = "A-ZА-ЯЁІЇЄҐ"
# The city in capitals, then a line break; or ", country or date" and a dash; or an agency in brackets and a
# dash, or in slashes (TASS). A name in capitals and a dash alone ("NATO — ...") opens no dateline.
DATELINE = re.compile(
    rf"\s*[{_CAPITALS}]{{2}}[{_CAPITALS}'’. -]{{0,30}}?"
    r"(?:[ \t]*\n|(?:,[^\n()/—–]{1,40}?)?\s*(?:\([^()\n]{1,30}\)\s*[—–-]{1,2}|/[^/\n]{1,20}/\.?)[ \t]+"
    r"|,[^\n()/—–]{1,40}?\s*[—–-]{1,2}[ \t]+)")


def dateline_end(text: str) -> int:
    """Offset just after the dateline a text opens with, or 0 when it has none."""
    m = DATELINE.match(text)
    return m.end() if m else 0


def after_dateline(attributions: Iterable[Attribution], end: int) -> list[Attribution]:
    """The attributions with contents that began in the dateline starting after it."""
    return [dataclasses.replace(a, content=(end, a.content[1])) if a.content[0] < end < a.content[1] else a
            for a in attributions]


def event_place_mentions(places: Iterable[Place], end: int) -> list[Place]:
    """The places that may be where an event happened: those after the dateline."""
    return [p for p in places if p.span[0] >= end]
