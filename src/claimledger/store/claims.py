"""Queries over the ``claims`` index: the filters of ``Ledger.find_claims``, full-text search among them
(store/search.py: FTS5 on SQLite, a GIN-indexed tsvector on PostgreSQL).

The claims themselves are described by :mod:`claimledger.claims` (pure); this module turns filters
into SQL over the index rows that description produces.
"""
from __future__ import annotations

from sqlalchemy import Connection, Select, select

from ..claims import date_bounds, index_keys
from ..errors import StoreError
from . import schema
from .search import FTS_PREFIX_MIN_CHARS, claim_text_match, fts_query, like_every_word

__all__ = ["FTS_PREFIX_MIN_CHARS", "claim_keys", "fts_query", "select_claims"]


def select_claims(*, speaker: str | None = None, place: str | None = None,
                  type: str | None = None, since: str | None = None,
                  until: str | None = None, search: str | None = None,
                  outlet: str | None = None, language: str | None = None,
                  use_fts: bool = True, limit: int | None = None) -> Select:
    """Return the SELECT of (article_id, ord) of the claims matching every filter given."""
    claims = schema.claims
    conditions = []
    if speaker:
        conditions.append(claims.c.speaker_key.contains(speaker.lower(), autoescape=True))
    if outlet:
        conditions.append(claims.c.outlet_key.contains(outlet.lower(), autoescape=True))
    if type:
        conditions.append(claims.c.type_keys.contains(index_keys([type]), autoescape=True))
    if place:
        conditions.append(claims.c.place_keys.contains(index_keys([place]), autoescape=True))
    if since:
        bounds = date_bounds(since)
        if bounds is None:
            raise StoreError(f"since: not an ISO date, month or year: {since!r}")
        conditions.append(claims.c.date_end >= bounds[0])
    if until:
        bounds = date_bounds(until)
        if bounds is None:
            raise StoreError(f"until: not an ISO date, month or year: {until!r}")
        conditions.append(claims.c.date_start <= bounds[1])
    match = claim_text_match(search)
    if match is not None:  # FTS5 on SQLite, tsvector on PostgreSQL (store/search.py)
        conditions.append(match if use_fts else like_every_word("claims", search))
    stmt = select(claims.c.article_id, claims.c.ord)
    if language:
        stmt = stmt.join(schema.articles, schema.articles.c.id == claims.c.article_id)
        conditions.append(schema.articles.c.language == language)
    stmt = stmt.where(*conditions).order_by(
        claims.c.date_start.desc().nulls_last(), claims.c.article_id, claims.c.ord)
    return stmt if limit is None else stmt.limit(limit)


def claim_keys(conn: Connection, stmt: Select) -> list[tuple[str, int]]:
    """Return the (article_id, ord) pairs a :func:`select_claims` statement yields."""
    return [(row.article_id, row.ord) for row in conn.execute(stmt)]
