"""Queries over the ``claims`` index: full-text search and the filters of ``Ledger.find_claims``.

The claims themselves are described by :mod:`claimledger.claims` (pure); this module turns filters
into SQL over the index rows that description produces.
"""
from __future__ import annotations

import re

from sqlalchemy import Connection, Select, and_, column, select, table, text

from ..claims import date_bounds, index_keys
from ..errors import StoreError
from . import schema

# Search words this long or longer match as prefixes: checked on the dev corpus, where
# "Харьков" finds the oblast's inflected forms, while 3-letter English words as prefixes
# ("war" -> "warn", "ward") match too much.
FTS_PREFIX_MIN_CHARS = 4
_WORD = re.compile(r"\w+")


def fts_query(search: str) -> str | None:
    """Return an FTS5 query matching every word of ``search`` (quoted: no query syntax).

    Words of :data:`FTS_PREFIX_MIN_CHARS` or more match as prefixes, so that an
    inflected Russian or Ukrainian form ("Харьковской") is found from its stem.
    """
    words = _WORD.findall(search)
    terms = [f'"{w}"*' if len(w) >= FTS_PREFIX_MIN_CHARS else f'"{w}"' for w in words]
    return " ".join(terms) if terms else None


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
    query = fts_query(search) if search else None
    if query and use_fts:
        fts = table("claims_fts", column("rowid"))
        matching = select(fts.c.rowid).where(text("claims_fts MATCH :fts").bindparams(fts=query))
        conditions.append(claims.c.pk.in_(matching))
    elif query:
        conditions.append(and_(*(claims.c.text.ilike(f"%{w}%") for w in _WORD.findall(search))))
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
