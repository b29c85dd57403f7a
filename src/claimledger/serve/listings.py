"""Pages of claims and articles read straight from the store, one page at a time.

``Ledger.find_claims`` describes every claim up to the last one asked for, so page 40
of a listing would rebuild 2,000 claims to show 50, and a side filter (decided in
Python from the outlet registry) would rebuild all of them. Here the store's own
``select_claims`` statement yields the ordered claim keys (cheap index rows), the side
filter runs on those rows with a per-article side map, and only the claims of the page
asked for are rebuilt from their documents. Articles likewise: language, dates and
outlet are SQL conditions, the side is checked on rows as they stream, and the place, type
and speaker filters keep the articles of the claims matching them. Each listing's total is
counted in SQL and kept (counts.py); a place filter naming a known place matches its ref and
the names merged into it.
"""
from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Select, func, or_, select

from ..claims import date_bounds, describe_claims, index_keys
from ..errors import StoreError
from ..store import schema
from ..store.claims import select_claims
from ..store.search import article_text_match
from ..store.rows import read_documents
from .counts import Totals, count_claims_of_side, count_rows
from .highlight import hit_snippet, snippet_reach
from .readonly import ReadOnlyStore
from .search_plan import gin_first, matches_first
from .sides import UNKNOWN, side_of_outlet, side_of_speaker


# Rows fetched at a time when a listing reads claims in order until its page is full.
STREAM_ROWS = 500


class ArticleSides:
    """The side of every stored article's outlet (registry by name or URL), cached per
    state of the store (article count and last key), with the languages of the articles."""

    def __init__(self, store: ReadOnlyStore):
        self._store = store
        self._lock = threading.Lock()
        self._state: tuple[int, int] | None = None
        self._sides: dict[str, str] = {}
        self._outlets: dict[str, set[str]] = {}
        self._languages: set[str] = set()

    def snapshot(self, conn: Connection) -> tuple[dict[str, str], dict[str, set[str]]]:
        """Return (article id -> side, side -> lower-case outlet names), rebuilt when the
        store has changed since the last call."""
        articles = schema.articles
        state = self._store.articles_state(conn)
        with self._lock:
            if state != self._state:
                sides: dict[str, str] = {}
                outlets: dict[str, set[str]] = {}
                languages: set[str] = set()
                for row in conn.execute(select(articles.c.id, articles.c.outlet,
                                               articles.c.url, articles.c.language)):
                    side = side_of_outlet(row.outlet, row.url)
                    sides[row.id] = side
                    outlets.setdefault(side, set()).add((row.outlet or "").lower())
                    if row.language:
                        languages.add(row.language)
                self._sides, self._outlets, self._state = sides, outlets, state
                self._languages = languages
            return self._sides, self._outlets

    @property
    def state(self) -> tuple[int, int] | None:
        """The state of the store (article count, last key) the last snapshot was taken in."""
        return self._state

    def present(self) -> tuple[set[str], set[str]]:
        """Return the sides and the languages of the stored articles."""
        if self._state is None or self._store.articles_state() != self._state:
            with self._store.connect() as conn:
                self.snapshot(conn)
        return set(self._outlets), set(self._languages)


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


def clone(value: Any) -> Any:
    """Return a copy of a claim view (dicts and lists of plain values; copy.deepcopy's
    bookkeeping made a third of a place page's time)."""
    if isinstance(value, dict):
        return {k: clone(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clone(v) for v in value]
    return value


def _outlet_keys(outlets: dict[str, set[str]], side: str) -> list[str]:
    """Return the outlet names whose articles may hold claims of ``side``: the outlets of
    that side, and the unknown ones (whose claims are decided by speaker)."""
    return sorted(outlets.get(side, set()) | outlets.get(UNKNOWN, set()))


def row_side(by_article: dict[str, str], article_id: str, speaker_key: str) -> str:
    """Return the side of a claims index row: its article's outlet's, else its speaker's."""
    found = by_article.get(article_id, UNKNOWN)
    return found if found != UNKNOWN else side_of_speaker(speaker_key)


def claim_statement(store: ReadOnlyStore, args: dict[str, Any],
                    place_keys: list[str] | None = None) -> Select:
    """Return the SELECT of (article_id, ord) of the claims matching ``args`` (the keyword
    arguments of ``Ledger.find_claims``; its ``place`` is ignored), newest first, naming one
    of ``place_keys`` when given (a place's ref and the names merged into it)."""
    claims = schema.claims
    stmt = select_claims(**{**args, "place": None})  # FTS5 or tsvector search (store/search.py)
    if place_keys:
        stmt = stmt.where(or_(*(claims.c.place_keys.contains(index_keys([key]), autoescape=True)
                                for key in place_keys)))
    return stmt


def claim_order() -> tuple[tuple[Any, bool], ...]:
    """The claim listings' order as (column, newest first): date, then article and position."""
    claims = schema.claims
    return (claims.c.date_start, True), (claims.c.article_id, False), (claims.c.ord, False)


def read_claim_page(store: ReadOnlyStore, sides: ArticleSides, stmt: Select, *,
                    side: str | None, offset: int, per_page: int,
                    described: DescribedClaims | None = None, totals: Totals | None = None,
                    searched: bool = False) -> tuple[list[dict[str, Any]], bool, int]:
    """Return the claims ``[offset, offset + per_page)`` a :func:`claim_statement` selects
    that are of ``side``, in its order, whether more follow and how many match;
    ``described`` keeps claim views between calls, ``totals`` the counts; ``searched`` says the
    statement has a text search (on PostgreSQL read through its index when matches are few)."""
    claims = schema.claims
    with store.connect() as conn:
        by_article, outlets = sides.snapshot(conn)
        if side:
            def count() -> int:
                return count_claims_of_side(conn, stmt, by_article, outlets.get(UNKNOWN, set()),
                                            side)
        else:
            def count() -> int:
                return count_rows(conn, stmt)
        total = (totals or Totals(0)).get(sides.state, stmt, side, count)
        sparse = searched and gin_first(conn, "claims", total, offset + per_page)
        if offset >= total:
            page: list[tuple[str, int]] = []
        elif side:  # rows in order, the side decided per row, until the page is full
            wanted, keys = offset + per_page, []
            rows = stmt.add_columns(claims.c.speaker_key).where(
                claims.c.outlet_key.in_(_outlet_keys(outlets, side)))
            rows = matches_first(rows, claim_order()) if sparse else rows
            # streamed (a server-side cursor on PostgreSQL, which else sends every row before the first)
            for row in conn.execute(rows.execution_options(yield_per=STREAM_ROWS)):
                if row_side(by_article, row.article_id, row.speaker_key) == side:
                    keys.append((row.article_id, row.ord))
                    if len(keys) >= wanted:
                        break
            page = keys[offset:]
        else:
            ordered = matches_first(stmt, claim_order()) if sparse else stmt
            rows = conn.execute(ordered.offset(offset).limit(per_page))
            page = [(row.article_id, row.ord) for row in rows]
        views = (described or DescribedClaims(0)).views(conn, [a for a, _ in page])
    # copies: callers annotate the views they get, the cached ones stay as described
    items = [clone(views[key]) for key in page if key in views]
    return items, offset + per_page < total, total


def read_claim_keys(store: ReadOnlyStore, sides: ArticleSides, stmt: Select,
                    side: str | None) -> list[tuple[str, int, str | None, str]]:
    """Return the (article id, ord, date, side) of every claim a :func:`claim_statement`
    selects that is of ``side`` (any side when None), in its order; the date is the claim's
    first day (``date_start``), enough to chart claims without rebuilding them."""
    claims = schema.claims
    with store.connect() as conn:
        by_article, outlets = sides.snapshot(conn)
        rows = stmt.add_columns(claims.c.speaker_key, claims.c.date_start)
        if side:
            rows = rows.where(claims.c.outlet_key.in_(_outlet_keys(outlets, side)))
        found = ((row.article_id, row.ord, row.date_start,
                  row_side(by_article, row.article_id, row.speaker_key)) for row in conn.execute(rows))
        return [key for key in found if not side or key[3] == side]


def read_claim_views(store: ReadOnlyStore, keys: list[tuple[str, int]],
                     described: DescribedClaims | None = None) -> list[dict[str, Any]]:
    """Return copies of the claim views of these (article id, ord), in their order."""
    with store.connect() as conn:
        views = (described or DescribedClaims(0)).views(conn, [a for a, _ in keys])
    return [clone(views[key]) for key in keys if key in views]


def read_claim(store: ReadOnlyStore, article_id: str, claim: str,
               described: DescribedClaims | None = None) -> dict[str, Any] | None:
    """Return the claim ``claim`` (its id in the article: a3, e2) of an article, or None."""
    with store.connect() as conn:
        views = (described or DescribedClaims(0)).views(conn, [article_id])
    found = next((view for view in views.values() if view["claim"] == claim), None)
    return clone(found) if found is not None else None


def iter_claim_views(store: ReadOnlyStore, stmt: Select, chunk: int = 200
                     ) -> Iterator[dict[str, Any]]:
    """Yield the claims a :func:`claim_statement` selects, in its order, a chunk at a time."""
    with store.connect() as conn:
        keys = [(row.article_id, row.ord) for row in conn.execute(stmt)]
    for start in range(0, len(keys), chunk):
        page = keys[start:start + chunk]
        with store.connect() as conn:
            docs = read_documents(conn, list(dict.fromkeys(a for a, _ in page)))
        views = {(doc.article.id, ord_): claim["view"] for doc in docs
                 for ord_, claim in enumerate(describe_claims(doc))}
        yield from (views[key] for key in page if key in views)


def read_article_texts(store: ReadOnlyStore, ids: list[str]) -> dict[str, tuple[str, str]]:
    """Return the (title, text) of the stored articles of ``ids`` by id (a page's worth)."""
    if not ids:
        return {}
    articles = schema.articles
    query = select(articles.c.id, articles.c.title, articles.c.text).where(articles.c.id.in_(ids))
    with store.connect() as conn:
        return {row.id: (row.title or "", row.text or "") for row in conn.execute(query)}


# The search page shows one sentence per article around its first hit: only the first this many
# characters of each text are read (a news article's first hit is nearly always in its lead), and
# the whole text only of an article whose first SNIPPET_HEAD_CHARS do not settle its snippet (no
# hit there, or one too near their end; then the hit may be in the title only).
SNIPPET_HEAD_CHARS = 4_000


def read_article_snippets(store: ReadOnlyStore, ids: list[str], hits: re.Pattern[str]
                          ) -> dict[str, dict[str, object] | None]:
    """Return, by id, the :func:`hit_snippet` of the stored articles of ``ids`` (a page's worth): the
    sentence of the text holding the first match of ``hits``, else of the title, else None; the same
    as from the whole text, reading only the first SNIPPET_HEAD_CHARS of most texts."""
    if not ids:
        return {}
    articles = schema.articles
    reach = snippet_reach()
    query = select(articles.c.id, articles.c.title,
                   func.substr(articles.c.text, 1, SNIPPET_HEAD_CHARS).label("head"),
                   func.length(articles.c.text).label("size")).where(articles.c.id.in_(ids))
    found: dict[str, dict[str, object] | None] = {}
    unsettled: list[str] = []
    with store.connect() as conn:
        for row in conn.execute(query):
            head, title = row.head or "", row.title or ""
            match = hits.search(head)
            if (row.size or 0) <= len(head) or (match is not None and match.end() + reach <= len(head)):
                found[row.id] = hit_snippet(head, hits) or hit_snippet(title, hits)
            else:
                unsettled.append(row.id)
    for article_id, (title, text) in read_article_texts(store, unsettled).items():
        found[article_id] = hit_snippet(text, hits) or hit_snippet(title, hits)
    return found


def article_order() -> tuple[Any, ...]:
    """The article listings' order: newest first, undated last, then id (PostgreSQL keeps an index in
    it, store/migrations.py step 11)."""
    articles = schema.articles
    return articles.c.published.desc().nulls_last(), articles.c.id


def read_article_page(store: ReadOnlyStore, sides: ArticleSides, *, search: str | None,
                      side: str | None, outlet: str | None, language: str | None,
                      since: str | None, until: str | None, offset: int, per_page: int,
                      with_claims: Select | None = None, totals: Totals | None = None,
                      id_sets: Totals | None = None) -> tuple[list[dict[str, Any]], bool, int]:
    """Return articles ``[offset, offset + per_page)`` (metadata, no text), newest first,
    matching every filter (``since``/``until`` on the published date; ``with_claims`` a
    :func:`claim_statement` one of the article's claims must match), whether more follow and
    how many match; ``totals`` keeps the counts and ``id_sets`` the ids of the articles of
    the claims matching ``with_claims``. Raises StoreError for a date that is not ISO."""
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
    query = query.order_by(*article_order())
    kept_totals = totals or Totals(0)
    with store.connect() as conn:
        by_article, outlets = sides.snapshot(conn)
        if side:
            query = query.where(func.lower(func.coalesce(articles.c.outlet, "")).in_(
                sorted(outlets.get(side, set()))))
        only: frozenset[str] | None = None
        if with_claims is not None:  # the articles of the matching claims, kept like a total
            ids = with_claims.with_only_columns(schema.claims.c.article_id).order_by(None)
            ids = ids.distinct()
            only = (id_sets or Totals(0)).get(sides.state, ids, "ids", lambda: frozenset(
                row.article_id for row in conn.execute(ids)))

        def keeps(article_id: str) -> bool:
            return (only is None or article_id in only) and \
                (not side or by_article.get(article_id, UNKNOWN) == side)

        def count() -> int:
            if only is None and not side:
                return count_rows(conn, query)
            return sum(1 for row in conn.execute(query.with_only_columns(articles.c.id))
                       if keeps(row.id))

        total = kept_totals.get(sides.state, query, (side, only is not None and hash(only)), count)
        if match is not None and gin_first(conn, "articles", total, offset + per_page):
            query = matches_first(query, ((articles.c.published, True), (articles.c.id, False)))
        kept: list[dict[str, Any]] = []
        if (side or only is not None) and offset < total:  # in order, until the page is full
            for row in conn.execute(query.execution_options(yield_per=STREAM_ROWS)):
                if keeps(row.id):
                    kept.append(dict(row._mapping))
                    if len(kept) >= offset + per_page:
                        break
            kept = kept[offset:]
        elif offset < total:
            rows = conn.execute(query.offset(offset).limit(per_page))
            kept = [dict(row._mapping) for row in rows]
    for item in kept:
        item["side"] = by_article.get(item["id"], UNKNOWN)
    return kept, offset + per_page < total, total


__all__ = ["ArticleSides", "DescribedClaims", "article_order", "claim_statement", "iter_claim_views",
           "read_article_page", "read_article_snippets", "read_article_texts", "read_claim", "read_claim_keys", "read_claim_page",
           "read_claim_views", "row_side"]
