"""Read-only queries the web view needs and the Ledger does not offer (yet).

Places aggregated over articles (a settlement without coordinates with its approximate point,
:mod:`claimledger.approximate_points`), the values the filter menus offer, and the articles' outlets. Each is a SQLAlchemy Core SELECT over ``store.schema`` with bound parameters:
no request text ever becomes SQL. The aggregate over all places is cached per state of
the store (article count and last article key), so a listing on a store of 10,000
articles costs one cheap check instead of a full GROUP BY.
"""
from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Connection, and_, case, distinct, func, literal, select

from ..extract.places.gazetteer import katottg_within
from ..store import schema
from ..approximate_points import add_approximate_points
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


def _aggregate_places(conn: Connection) -> list[dict[str, Any]]:
    """Return one row per real place, most articles first: mentions are grouped by ref, and a
    name-only mention (no ref: another extractor, an unresolved spelling) whose name is the
    canonical name of exactly one ref is counted with that ref ("Russia" and
    geonames:2017370 are one place); other name-only mentions are grouped by name. A settlement
    without coordinates gets its ``approximate_point`` (:mod:`claimledger.approximate_points`), else it is None."""
    places = schema.places
    lowered = func.lower(places.c.name)
    canonical = (select(lowered.label("lname"), func.min(places.c.ref).label("ref"))
                 .where(places.c.ref.is_not(None), places.c.name.is_not(None))
                 .group_by(lowered).having(func.count(distinct(places.c.ref)) == 1)
                 .subquery("canonical"))
    joined = places.outerjoin(canonical, and_(places.c.ref.is_(None),
                                              lowered == canonical.c.lname))
    key = func.coalesce(places.c.ref, canonical.c.ref, literal(NAME_KEY_PREFIX) + places.c.name)
    with_ref = places.c.ref.is_not(None)

    def first(column: Any) -> Any:  # the ref's own value, else the name-only mentions'
        return func.coalesce(func.max(case((with_ref, column))), func.max(column))

    stmt = (
        select(key.label("key"),
               func.max(func.coalesce(places.c.ref, canonical.c.ref)).label("ref"),
               first(places.c.name).label("name"), first(places.c.level).label("level"),
               first(places.c.lat).label("lat"), first(places.c.lon).label("lon"),
               func.max(case((and_(places.c.ref.is_(None), canonical.c.ref.is_not(None)),
                              lowered))).label("alias"),
               func.count().label("mentions"),
               func.count(distinct(places.c.article_id)).label("articles"))
        .select_from(joined)
        .where(key.is_not(None))
        .group_by(key)
        .order_by(func.count(distinct(places.c.article_id)).desc(), key)
    )
    rows = []
    for row in conn.execute(stmt):
        item = dict(row._mapping)
        alias = item.pop("alias")
        item["aliases"] = [alias] if alias else []
        rows.append(item)
    add_approximate_points(rows)
    return rows


class Places:
    """The places of one state of the store: every real place (names merged into refs),
    most articles first, found by key, merged name or name."""

    def __init__(self, rows: list[dict[str, Any]]):
        self.rows = rows
        self._by_key = {row["key"]: row for row in rows}
        self._by_alias = {alias: row for row in rows for alias in row["aliases"]}

    def get(self, key: str) -> dict[str, Any] | None:
        """Return the place under this key, or None; ``name:<name>`` of a name merged into a
        ref finds that place too (any case), so links made before the merge keep working."""
        found = self._by_key.get(key)
        if found is None and key.startswith(NAME_KEY_PREFIX):
            found = self._by_alias.get(key[len(NAME_KEY_PREFIX):].lower())
        return found

    def alias_keys(self) -> dict[str, str]:
        """Return lower-case merged name -> the key of the place it was merged into."""
        return {alias: row["key"] for alias, row in self._by_alias.items()}

    def filter_keys(self, value: str) -> list[str]:
        """Return the values a place filter matches in the claims index: for a known place its
        ref and the names merged into it, else the value itself (a name, mention or ref)."""
        place = self.get(value) or self.get(NAME_KEY_PREFIX + value)
        if place is None:
            return [place_filter_value(value)]
        keys = [place["ref"]] if place["ref"] else [place_filter_value(place["key"])]
        return [*keys, *place["aliases"]]

    def find(self, *, search: str | None = None, level: str | None = None,
             oblast_of: str | None = None) -> list[dict[str, Any]]:
        """Return places whose name contains ``search`` (case-insensitive), of ``level``,
        and (``oblast_of`` a KATOTTG oblast code) inside that oblast."""
        rows = self.rows
        if search:
            needle = search.lower()
            rows = [r for r in rows if needle in (r["name"] or "").lower()
                    or needle == (r["ref"] or "").lower()]
        if level:
            rows = [r for r in rows if r["level"] == level]
        if oblast_of:
            rows = [r for r in rows if katottg_within(r["ref"], oblast_of, "oblast")]
        return rows


class PlaceCatalogue:
    """Every real place of the store (names merged into refs) with mention and article
    counts, cached per store state."""

    def __init__(self, store: ReadOnlyStore):
        self._store = store
        self._lock = threading.Lock()
        self._state: tuple[int, int] | None = None
        self._places = Places([])

    def snapshot(self) -> Places:
        """Return the places of the store as it is now (one cheap check of its state; the
        aggregate is redone only when articles were added)."""
        state = self._store.articles_state()
        with self._lock:
            if state != self._state:
                with self._store.connect() as conn:
                    self._places = Places(_aggregate_places(conn))
                self._state = state
            return self._places

    def rows(self) -> list[dict[str, Any]]:
        """Return all places, most articles first (each: key, ref, name, level, lat, lon,
        approximate_point, mentions, articles, and aliases: the lower-case names merged into it)."""
        return self.snapshot().rows

    def get(self, key: str) -> dict[str, Any] | None:
        """Return the place under this key, or None (see :meth:`Places.get`)."""
        return self.snapshot().get(key)

    def alias_keys(self) -> dict[str, str]:
        """Return lower-case merged name -> the key of the place it was merged into."""
        return self.snapshot().alias_keys()

    def filter_keys(self, value: str) -> list[str]:
        """Return the values a place filter matches (see :meth:`Places.filter_keys`)."""
        return self.snapshot().filter_keys(value)

    def find(self, *, search: str | None = None, level: str | None = None,
             oblast_of: str | None = None) -> list[dict[str, Any]]:
        """Return places by name, level and oblast (see :meth:`Places.find`)."""
        return self.snapshot().find(search=search, level=level, oblast_of=oblast_of)


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


__all__ = ["PlaceCatalogue", "Places", "level_rank", "list_event_types", "list_outlets",
           "place_filter_value", "place_key"]
