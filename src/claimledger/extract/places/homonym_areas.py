"""The oblast a settlement name left ambiguous lies in: "Благодатное в ДНР" names one of six villages Blahodatne of
Donetsk Oblast, which no context picks; the record names it "Blahodatne (Donetsk Oblast)" (ref null, no coordinates,
the refs still in play as its candidates), as the annotation guide's files write such a village, so that an event
and the control ledger can still say where.

``oblast_of_homonyms(gaz, candidates, areas)``: the candidates of one unresolved name and the ids of the areas
(oblasts, raions) the text states it in ("в ДНР"), else those resolved in its sentence, in; that name and those refs,
or None. Pure.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from .gazetteer import Entry, Gazetteer

CITY_CATEGORIES = frozenset({"M", "K"})  # KATOTTG categories of cities: a city the name may mean is no village's


def oblast_of_homonyms(gaz: Gazetteer, candidates: Sequence[Entry],
                       areas: Iterable[str]) -> tuple[str, tuple[str, ...]] | None:
    """("<settlement> (<oblast>)", refs) for the Ukrainian settlements among ``candidates`` that lie in an oblast of
    ``areas``, when they all lie in that one oblast and share one name and no city elsewhere bears it (the
    article's other areas are no clue: an address names many); else None."""
    villages = [c for c in candidates if c.level == "settlement" and c.country == "UA" and c.ref and c.oblast]
    oblasts = {_oblast_id(gaz, a) for a in areas} - {None}
    inside = [c for c in villages if c.oblast in oblasts]
    if not inside or len({c.name for c in inside}) > 1 or len({c.oblast for c in inside}) > 1 \
            or any(c.category in CITY_CATEGORIES for c in villages if c not in inside):
        return None  # ("удари по Львову, по Дніпропетровщині": the city, not a village of Dnipropetrovsk Oblast)
    oblast = gaz.get(inside[0].oblast)
    return (f"{inside[0].name} ({oblast.name})", tuple(c.ref for c in inside)) if oblast is not None else None


def _oblast_id(gaz: Gazetteer, area: str) -> str | None:
    """The oblast id of an oblast or raion id."""
    e = gaz.get(area)
    if e is None:
        return None
    return e.id if e.level == "oblast" else e.oblast
