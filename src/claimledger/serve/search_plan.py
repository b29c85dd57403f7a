"""PostgreSQL: a searched listing's page read through the GIN index when its matches are few.

The claim and article listings are ordered newest first, and PostgreSQL keeps an index in each order
(migration 11). With a text search its planner walks that index and computes ``to_tsvector`` of
every row it passes until the page is full: cheap when most rows match, slow when few do ("Donetsk",
0.7% of the claims: 7,000 rows passed for a page of 50, 260 ms). The other way, the GIN index finding
every match (migration 8) and the page sorted out of them, costs in proportion to the matches. The
listing's total, counted (and kept) before the page is read, says which is cheaper
(:func:`gin_first`); :func:`matches_first` writes the second way so that the planner takes it: the
matches in a MATERIALIZED common table expression (no order, no limit: the GIN index serves it),
then ordered and cut. The order is the listing's own, on keys that are unique, so the pages are the
same either way (tests/test_api_search.py). SQLite keeps its plans (FTS5 gives the matches first).
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Column, Connection, Select, select

from ..store.row_counts import read_count

# Measured on the PostgreSQL store of benchmarks/api.py (claims at 9,600 articles, 250,000 claims;
# articles at 13,000), one search of a word of each density, microseconds: walking the order index
# cost this much a row passed, its to_tsvector computed (claims 264 ms for 7,160 rows; articles, whole
# texts, 251 ms for 196), and reading a match through the GIN index and sorting it this much (claims
# 340 ms for 112,000; articles 18 ms for 3,311).
WALK_ROW_US = {"claims": 37, "articles": 1_300}
GIN_MATCH_US = {"claims": 3, "articles": 5}


def gin_first(conn: Connection, table: str, matches: int, wanted: int) -> bool:
    """Return True when, on PostgreSQL, the ``wanted`` first of ``matches`` rows of ``table``
    (claims or articles) are cheaper read through the GIN index (every match, then sorted) than by
    walking the table in the listing's order until ``wanted`` have matched."""
    if conn.dialect.name != "postgresql" or matches <= 0:
        return False
    rows = read_count(conn, table)
    walked = min(rows, wanted * rows / matches)
    return matches * GIN_MATCH_US[table] < walked * WALK_ROW_US[table]


def matches_first(stmt: Select, order: Sequence[tuple[Column, bool]]) -> Select:
    """Return ``stmt`` (a listing's SELECT with a text search) rewritten as its matches first, then
    ordered by ``order`` (columns, each True for newest first with NULLs last): the same rows in
    the same order, the planner kept from walking an index in that order."""
    names = [column.name for column in stmt.selected_columns]
    extra = [column for column, _ in order if column.name not in names]
    found = stmt.order_by(None).add_columns(*extra).cte("matches").prefix_with("MATERIALIZED")
    keys = [found.c[column.name].desc().nulls_last() if newest else found.c[column.name]
            for column, newest in order]
    return select(*(found.c[name] for name in names)).order_by(*keys)
