"""How many claims or articles a listing matches (its ``total``), counted in SQL and kept.

A page needs only its own rows (read in order until the page is full), but its total needs
every matching row: one scan of the claims index. The scan is done in SQL, never row by row
in Python: a side filter (decided per article, and per speaker for articles of an outlet of
unknown side) counts groups of (article, speaker) rows, not rows. Totals are kept per
statement, side and state of the store (articles only ever get added), so the next pages of
a listing, and the same listing asked again, do not scan again.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Select, case, func, literal, select

from ..store import schema
from .sides import UNKNOWN, side_of_speaker

# Totals kept: one per listing asked for (filters and side), for the current state of the store.
KEPT_TOTALS = 512


def count_rows(conn: Connection, stmt: Select) -> int:
    """Return how many rows ``stmt`` yields."""
    return int(conn.execute(select(func.count()).select_from(
        stmt.order_by(None).limit(None).offset(None).subquery())).scalar_one())


def count_claims_of_side(conn: Connection, stmt: Select, by_article: dict[str, str],
                         unknown_outlets: set[str], side: str) -> int:
    """Return how many claims of a claims SELECT are of ``side``: per article, its outlet's side;
    for an article whose outlet's side is unknown, per speaker (as listings.row_side decides)."""
    claims = schema.claims
    speaker = case((claims.c.outlet_key.in_(sorted(unknown_outlets)), claims.c.speaker_key),
                   else_=literal(""))
    rows = stmt.order_by(None).limit(None).offset(None).with_only_columns(
        claims.c.article_id.label("article_id"), speaker.label("speaker")).subquery()
    grouped = select(rows.c.article_id, rows.c.speaker, func.count().label("n")).group_by(
        rows.c.article_id, rows.c.speaker)
    total = 0
    for row in conn.execute(grouped):
        found = by_article.get(row.article_id, UNKNOWN)
        if (found if found != UNKNOWN else side_of_speaker(row.speaker or "")) == side:
            total += int(row.n)
    return total


class Totals:
    """Listing totals (and other answers computed from a scan of the index) kept per key for
    one state of the store; the least recently used go first."""

    def __init__(self, size: int = KEPT_TOTALS):
        self._size = size
        self._lock = threading.Lock()
        self._kept: OrderedDict[tuple, Any] = OrderedDict()

    def remember(self, key: tuple, compute: Callable[[], Any]) -> Any:
        """Return the value kept under ``key`` (which includes the store's state), else
        ``compute()``, kept. Callers must not change what they get."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
        value = compute()
        with self._lock:
            self._kept[key] = value
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        return value

    def get(self, state: Any, stmt: Select, extra: Any, count: Callable[[], Any]) -> Any:
        """Return what is kept for ``stmt`` and ``extra`` (a side, say) in ``state``, else
        ``count()``, kept."""
        compiled = stmt.compile()
        params = tuple(sorted((k, repr(v)) for k, v in compiled.params.items()))
        return self.remember(("statement", state, str(compiled), params, extra), count)


__all__ = ["Totals", "count_claims_of_side", "count_rows"]
