"""Pages of claims and articles read straight from the store, one page at a time.

``Ledger.find_claims`` describes every claim up to the last one asked for, so page 40
of a listing would rebuild 2,000 claims to show 50, and a side filter (decided in
Python from the outlet registry) would rebuild all of them. Here the store's own
``select_claims`` statement yields the ordered claim keys (cheap index rows), the side
filter runs on those rows with a per-article side map, and only the claims of the page
asked for are rebuilt from their documents. Articles likewise: language, dates and
outlet are SQL conditions, the side is checked on rows as they stream.
"""
from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from typing import Any

from sqlalchemy import Connection, func, select

from ..claims import date_bounds, describe_claims
from ..errors import StoreError
from ..store import schema
from ..store.claims import select_claims
from ..store.search import article_text_match
from ..store.rows import read_documents
from .readonly import ReadOnlyStore
from .sides import UNKNOWN, side_of_outlet, side_of_speaker


class ArticleSides:
    """The side of every stored article's outlet (registry by name or URL), cached per
    state of the store (article count and last key)."""

    def __init__(self, store: ReadOnlyStore):
        self._store = store
        self._lock = threading.Lock()
        self._state: tuple[int, int] | None = None
        self._sides: dict[str, str] = {}
        self._outlets: dict[str, set[str]] = {}

    def snapshot(self, conn: Connection) -> tuple[dict[str, str], dict[str, set[str]]]:
        """Return (article id -> side, side -> lower-case outlet names), rebuilt when the
        store has changed since the last call."""
        articles = schema.articles
        state = tuple(conn.execute(select(func.count(), func.max(articles.c.pk))).one())
        with self._lock:
            if state != self._state:
                sides: dict[str, str] = {}
                outlets: dict[str, set[str]] = {}
                for row in conn.execute(select(articles.c.id, articles.c.outlet,
                                               articles.c.url)):
                    side = side_of_outlet(row.outlet, row.url)
                    sides[row.id] = side
                    outlets.setdefault(side, set()).add((row.outlet or "").lower())
                self._sides, self._outlets, self._state = sides, outlets, state
            return self._sides, self._outlets


# Articles whose described claims are kept between requests. A stored article's layers never
# change (ingest adds articles, it does not rewrite them), so an entry stays valid; 512 articles of
# ~20 claims hold a few tens of MB and cover the pages a reader moves between.
DESCRIBED_ARTICLES = 512


class DescribedClaims:
    """The claim views of stored articles (claims.describe_claims), kept for the most recently
    shown DESCRIBED_ARTICLES articles, so listings rebuild only articles not seen lately."""

    def __init__(self, size: int = DESCRIBED_ARTICLES):
        self._size = size
        self._lock = threading.Lock()
        self._views: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()

    def views(self, conn: Connection, article_ids: list[str]) -> dict[tuple[str, int], dict[str, Any]]:
        """Return (article id, claim ord) -> claim view for the claims of these articles."""
        with self._lock:
            known = {a: self._views[a] for a in article_ids if a in self._views}
            for article_id in known:
                self._views.move_to_end(article_id)
        missing = [a for a in dict.fromkeys(article_ids) if a not in known]
        for doc in read_documents(conn, missing):
            known[doc.article.id] = [claim["view"] for claim in describe_claims(doc)]
        with self._lock:
            for article_id in missing:
                if article_id in known:
                    self._views[article_id] = known[article_id]
            while len(self._views) > self._size:
                self._views.popitem(last=False)
        return {(article_id, ord_): view for article_id, views in known.items()
                for ord_, view in enumerate(views)}


def _outlet_keys(outlets: dict[str, set[str]], side: str) -> list[str]:
    """Return the outlet names whose articles may hold claims of ``side``: the outlets of
    that side, and the unknown ones (whose claims are decided by speaker)."""
    return sorted(outlets.get(side, set()) | outlets.get(UNKNOWN, set()))


def read_claim_page(store: ReadOnlyStore, sides: ArticleSides, args: dict[str, Any], *,
                    side: str | None, offset: int, per_page: int,
                    described: DescribedClaims | None = None) -> tuple[list[dict[str, Any]], bool]:
    """Return the claims ``[offset, offset + per_page)`` matching ``args`` (the keyword
    arguments of ``Ledger.find_claims``) and ``side``, newest first, and whether more follow;
    ``described`` keeps claim views between calls."""
    claims = schema.claims
    wanted = offset + per_page + 1
    stmt = select_claims(**args, limit=None if side else wanted)  # FTS5 or tsvector search
    keys: list[tuple[str, int]] = []
    with store.connect() as conn:
        by_article, outlets = sides.snapshot(conn)
        if side:
            stmt = stmt.add_columns(claims.c.speaker_key).where(
                claims.c.outlet_key.in_(_outlet_keys(outlets, side)))
        for row in conn.execute(stmt):
            if side:
                found = by_article.get(row.article_id, UNKNOWN)
                if (found if found != UNKNOWN else side_of_speaker(row.speaker_key)) != side:
                    continue
            keys.append((row.article_id, row.ord))
            if len(keys) >= wanted:
                break
        page = keys[offset:offset + per_page]
        views = (described or DescribedClaims(0)).views(conn, [a for a, _ in page])
    # copies: callers annotate the views they get, the cached ones stay as described
    return [copy.deepcopy(views[key]) for key in page if key in views], len(keys) > offset + per_page


def read_article_page(store: ReadOnlyStore, sides: ArticleSides, *, search: str | None,
                      side: str | None, outlet: str | None, language: str | None,
                      since: str | None, until: str | None, offset: int, per_page: int
                      ) -> tuple[list[dict[str, Any]], bool]:
    """Return articles ``[offset, offset + per_page)`` (metadata, no text), newest first,
    matching every filter (``since``/``until`` on the published date), and whether more
    follow. Raises StoreError for a date that is not ISO."""
    articles = schema.articles
    query = select(articles.c.id, articles.c.outlet, articles.c.published,
                   articles.c.language, articles.c.title, articles.c.url)
    match = article_text_match(search)  # FTS5 on SQLite, tsvector on PostgreSQL (store/search.py)
    if match is not None:
        query = query.where(match)
    if outlet:
        query = query.where(articles.c.outlet.ilike(f"%{outlet}%"))
    if language:
        query = query.where(articles.c.language == language)
    day = func.substr(articles.c.published, 1, 10)
    for name, value, index in (("since", since, 0), ("until", until, 1)):
        if value:
            bounds = date_bounds(value)
            if bounds is None:
                raise StoreError(f"{name}: not an ISO date, month or year: {value!r}")
            query = query.where(day >= bounds[0] if index == 0 else day <= bounds[1])
    query = query.order_by(articles.c.published.desc().nulls_last(), articles.c.id)
    wanted = offset + per_page + 1
    kept: list[dict[str, Any]] = []
    with store.connect() as conn:
        by_article, outlets = sides.snapshot(conn)
        if side:
            query = query.where(func.lower(func.coalesce(articles.c.outlet, "")).in_(
                sorted(outlets.get(side, set()))))
        else:
            query = query.limit(wanted)
        for row in conn.execute(query):
            item = dict(row._mapping)
            item["side"] = by_article.get(item["id"], UNKNOWN)
            if side and item["side"] != side:
                continue
            kept.append(item)
            if len(kept) >= wanted:
                break
    return kept[offset:offset + per_page], len(kept) > offset + per_page


__all__ = ["ArticleSides", "DescribedClaims", "read_article_page", "read_claim_page"]
