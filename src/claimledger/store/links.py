"""Claim links in the store: the rows of ``claim_links`` and ``linked_articles``, written by
``Ledger.save_links`` and, with the stories rebuilt from them, by ``Ledger.save_link_run`` in one
transaction (a link run killed half-way leaves the store as it was before the run)."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, select

from . import schema
from .conflicts import insert_counting_new

LINK_COLUMNS = ("a_article", "a_ord", "b_article", "b_ord", "label", "reason", "score")


def link_rows(links: Iterable[Any]) -> list[dict[str, Any]]:
    """Return the ``claim_links`` rows of links (objects with ``to_dict`` or dicts)."""
    rows = []
    for link in links:
        row = link if isinstance(link, dict) else link.to_dict()
        rows.append({k: row[k] for k in LINK_COLUMNS})
    return rows


def store_links(conn: Connection, rows: list[dict[str, Any]], article_ids: Iterable[str], *,
                replace: bool = False) -> int:
    """Insert link rows not stored yet (a pair keeps its first link) and mark the articles
    linked, on ``conn`` (the caller's transaction); ``replace`` first drops every stored link
    and mark. Returns how many links were new."""
    table = schema.claim_links
    if replace:
        conn.execute(sa.delete(table))
        conn.execute(sa.delete(schema.linked_articles))
    seen = {tuple(r) for r in conn.execute(select(
        table.c.a_article, table.c.a_ord, table.c.b_article, table.c.b_ord))}
    new = []
    for row in rows:
        key = (row["a_article"], row["a_ord"], row["b_article"], row["b_ord"])
        if key not in seen:
            seen.add(key)
            new.append(row)
    added = insert_counting_new(conn, table, new)
    linked = set(conn.execute(select(schema.linked_articles.c.article_id)).scalars())
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    marks = [{"article_id": a, "linked_at": now} for a in dict.fromkeys(article_ids) if a not in linked]
    insert_counting_new(conn, schema.linked_articles, marks)
    return added


def read_link_rows(conn: Connection, label: str | None = None) -> list[dict[str, Any]]:
    """Return the stored links as dicts (LINK_COLUMNS) in the order they were stored,
    optionally only those of one label."""
    table = schema.claim_links
    query = select(*(table.c[name] for name in LINK_COLUMNS)).order_by(table.c.pk)
    if label:
        query = query.where(table.c.label == label)
    return [dict(row._mapping) for row in conn.execute(query)]
