"""Read-only queries the web view needs and the Ledger does not offer (yet).

Places aggregated over articles, the values the filter menus offer, and the articles'
outlets. Each is a SQLAlchemy Core SELECT over ``store.schema`` with bound parameters:
no request text ever becomes SQL. The aggregate over all places is cached per state of
the store (article count and last article key), so a listing on a store of 10,000
articles costs one cheap check instead of a full GROUP BY.
"""
from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Connection, distinct, func, literal, select

from ..extract.gazetteer import katottg_within
from ..store import schema
from .readonly import ReadOnlyStore

PLACE_LEVEL_ORDER = ("settlement", "raion", "oblast", "region", "country")
NAME_KEY_PREFIX = "name:"


def place_key(ref: str | None, name: str | None) -> str | None:
    """Return the key a place page is found under: its ref, else ``name:<name>``."""
    if ref:
        return ref
    return f"{NAME_KEY_PREFIX}{name}" if name else None


def place_filter_value(key: str) -> str:
    """Return the value ``Ledger.find_claims(place=...)`` matches for a place key."""
    return key[len(NAME_KEY_PREFIX):] if key.startswith(NAME_KEY_PREFIX) else key


def _store_state(conn: Connection) -> tuple[int, int]:
    articles = schema.articles
    row = conn.execute(select(func.count(), func.max(articles.c.pk))).one()
    return int(row[0]), int(row[1] or 0)


def _aggregate_places(conn: Connection) -> list[dict[str, Any]]:
    places = schema.places
    key = func.coalesce(places.c.ref, literal(NAME_KEY_PREFIX) + places.c.name)
    stmt = (
        select(key.label("key"), func.max(places.c.ref).label("ref"),
               func.max(places.c.name).label("name"), func.max(places.c.level).label("level"),
               func.max(places.c.lat).label("lat"), func.max(places.c.lon).label("lon"),
               func.count().label("mentions"),
               func.count(distinct(places.c.article_id)).label("articles"))
        .where(key.is_not(None))
        .group_by(key)
        .order_by(func.count(distinct(places.c.article_id)).desc(), key)
    )
    return [dict(row._mapping) for row in conn.execute(stmt)]


class PlaceCatalogue:
    """Every named place of the store with mention and article counts, cached per store state."""

    def __init__(self, store: ReadOnlyStore):
        self._store = store
        self._lock = threading.Lock()
        self._state: tuple[int, int] | None = None
        self._rows: list[dict[str, Any]] = []
        self._by_key: dict[str, dict[str, Any]] = {}

    def rows(self) -> list[dict[str, Any]]:
        """Return all places, most articles first (each: key, ref, name, level, lat, lon,
        mentions, articles)."""
        with self._store.connect() as conn:
            state = _store_state(conn)
            with self._lock:
                if state != self._state:
                    self._rows = _aggregate_places(conn)
                    self._by_key = {row["key"]: row for row in self._rows}
                    self._state = state
                return self._rows

    def get(self, key: str) -> dict[str, Any] | None:
        """Return the place under this key, or None."""
        self.rows()
        return self._by_key.get(key)

    def find(self, *, search: str | None = None, level: str | None = None,
             oblast_of: str | None = None) -> list[dict[str, Any]]:
        """Return places whose name contains ``search`` (case-insensitive), of ``level``,
        and (``oblast_of`` a KATOTTG oblast code) inside that oblast."""
        rows = self.rows()
        if search:
            needle = search.lower()
            rows = [r for r in rows if needle in (r["name"] or "").lower()
                    or needle == (r["ref"] or "").lower()]
        if level:
            rows = [r for r in rows if r["level"] == level]
        if oblast_of:
            rows = [r for r in rows if katottg_within(r["ref"], oblast_of, "oblast")]
        return rows


def list_event_types(store: ReadOnlyStore) -> list[tuple[str, int]]:
    """Return the event types in the store with their counts, most frequent first."""
    events = schema.events
    stmt = (select(events.c.type, func.count().label("n")).group_by(events.c.type)
            .order_by(func.count().desc(), events.c.type))
    with store.connect() as conn:
        return [(row.type, int(row.n)) for row in conn.execute(stmt)]


def list_outlets(store: ReadOnlyStore) -> list[tuple[str, int]]:
    """Return the outlets of stored articles with their article counts, most first."""
    articles = schema.articles
    outlet = func.coalesce(articles.c.outlet, "")
    stmt = (select(outlet.label("outlet"), func.count().label("n")).group_by(outlet)
            .order_by(func.count().desc(), outlet))
    with store.connect() as conn:
        return [(row.outlet, int(row.n)) for row in conn.execute(stmt)]


def level_rank(level: str | None) -> int:
    """Return the sort rank of a place level (settlements first)."""
    return PLACE_LEVEL_ORDER.index(level) if level in PLACE_LEVEL_ORDER else len(PLACE_LEVEL_ORDER)


__all__ = ["PlaceCatalogue", "level_rank", "list_event_types", "list_outlets",
           "place_filter_value", "place_key"]
