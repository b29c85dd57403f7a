"""The query parameters of the pages and the JSON API, checked before any query runs.

Every integer is bounded (a page number past :data:`MAX_PAGE` is a 400, never an overflow in
SQL), every closed set of values (event type, side, language, level, sort, yes/no) is checked
against the values it can take, dates must be real days (2024-02-30 is refused), and a query
parameter a route does not take is a 400 naming those it does: a misspelt filter never
silently widens a listing. Each refusal is a :class:`BadQuery`, answered with a 400 and its
one-line message.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from fastapi import Request
from fastapi.routing import APIRoute

from ..claims import date_bounds
from ..errors import ClaimledgerError
from ..models import EVENT_TYPES
from .sides import SIDE_ORDER

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
# Pages beyond this are refused (500 items a page: 50 million items, more than any ledger holds);
# without a bound, page=10**23 overflowed SQLite's 64-bit OFFSET and answered 500.
MAX_PAGE = 100_000
PLACE_LEVELS = ("settlement", "raion", "oblast", "region", "country")
# Languages always accepted by the language filter; the ledger's own are added to them.
KNOWN_LANGUAGES = ("en", "ru", "uk")
# A query parameter every route accepts: the access token (moved into a cookie on pages).
TOKEN_PARAMETER = "token"
TRUE_VALUES = ("true", "1", "yes", "on")
FALSE_VALUES = ("false", "0", "no", "off")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


class BadQuery(ClaimledgerError):
    """A query parameter's value is not one the listing takes (answered with a 400)."""


def parse_flag(name: str, value: str | None) -> bool | None:
    """Return a yes/no query parameter as a bool, None when absent or blank; BadQuery for
    anything but true/false (1/0, yes/no, on/off)."""
    if value is None or not value.strip():
        return None
    word = value.strip().lower()
    if word in TRUE_VALUES or word in FALSE_VALUES:
        return word in TRUE_VALUES
    raise BadQuery(f"{name}: not true or false: {value!r}")


def check_choice(name: str, value: str | None, allowed: list[str] | tuple[str, ...]) -> str | None:
    """Return ``value`` when it is one of ``allowed`` (None when absent or blank); BadQuery
    naming the allowed values otherwise (exact, case-sensitive: ``side=Russia`` is refused)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if value not in allowed:
        raise BadQuery(f"{name}: {value!r} is not one of {', '.join(allowed)}")
    return value


def check_date(name: str, value: str | None) -> str | None:
    """Return ``value`` when it is a real year, month or day (YYYY, YYYY-MM, YYYY-MM-DD);
    BadQuery otherwise (``2024-02-30``, ``May 2024``, ``2024-13``)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    match = _DATE.fullmatch(value)
    if match is None:
        raise BadQuery(f"{name}: not an ISO date, month or year (YYYY-MM-DD, YYYY-MM or "
                       f"YYYY): {value!r}")
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise BadQuery(f"{name}: no such date: {value!r}") from None
    return value


def check_period(since: str | None, until: str | None) -> None:
    """Raise BadQuery when both dates are given and ``since`` starts after ``until`` ends
    (both already checked by :func:`check_date`)."""
    first, last = date_bounds(since), date_bounds(until)
    if first and last and first[0] > last[1]:
        raise BadQuery(f"since ({since}) is after until ({until})")


def event_types() -> tuple[str, ...]:
    """Return the event types the type filter takes."""
    return EVENT_TYPES


def known_sides(present: set[str] | list[str] = ()) -> list[str]:
    """Return the sides the side filter takes: the fixed ones and any other present."""
    return [*SIDE_ORDER, *sorted(set(present) - set(SIDE_ORDER))]


def known_languages(present: set[str] | list[str] = ()) -> list[str]:
    """Return the language codes the language filter takes: en, ru, uk and the ledger's."""
    return [*KNOWN_LANGUAGES, *sorted({p for p in present if p} - set(KNOWN_LANGUAGES))]


def _query_names(dependant: Any) -> set[str]:
    """Return the query parameter names of a FastAPI dependant and its sub-dependencies."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def route_parameters(route: APIRoute) -> frozenset[str]:
    """Return the names of the query parameters ``route`` (and its dependencies) take."""
    return frozenset(_query_names(route.dependant))


def reject_unknown_parameters(request: Request) -> None:
    """Raise BadQuery when the request carries a query parameter its route does not take
    (a router-level FastAPI dependency: it runs before the route's own parameters)."""
    route: Any = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = route_parameters(route)
    unknown = [name for name in dict.fromkeys(request.query_params.keys())
               if name not in allowed and name != TOKEN_PARAMETER]
    if unknown:
        takes = ", ".join(sorted(allowed)) or "no query parameters"
        plural = "s" if len(unknown) > 1 else ""
        raise BadQuery(f"unknown query parameter{plural} {', '.join(map(repr, unknown))}: "
                       f"{request.url.path} takes {takes}")


__all__ = ["BadQuery", "DEFAULT_PER_PAGE", "MAX_PAGE", "MAX_PER_PAGE", "PLACE_LEVELS",
           "check_choice", "check_date", "check_period", "known_languages", "known_sides",
           "parse_flag", "reject_unknown_parameters"]
