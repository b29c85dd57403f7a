"""Writes that two writers can make at once on PostgreSQL.

On SQLite every write transaction starts with ``BEGIN IMMEDIATE``, so writers queue and what one
reads before it inserts stays true until it commits. PostgreSQL lets writers run side by side: two
of them may both find an article missing and both insert it, and the second then waits for the
first and fails on the unique key, losing its whole batch. There the inserts of rows that another
writer may store too are ``INSERT ... ON CONFLICT DO NOTHING`` (SQLAlchemy's postgresql dialect
insert), and the writer learns from ``RETURNING`` which rows were its own; rows kept per key
(link claims, claim vectors) are ``ON CONFLICT DO UPDATE``. Other databases insert as SQLite does.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert
from sqlalchemy.dialects import postgresql


def is_postgresql(conn: Connection) -> bool:
    """Return True when the connection talks to PostgreSQL."""
    return conn.dialect.name == "postgresql"


def insert_new(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], key: str) -> set[Any]:
    """Insert rows, skipping on PostgreSQL those whose unique keys another writer has stored
    meanwhile; return the ``key`` values of the rows inserted."""
    if not rows:
        return set()
    if is_postgresql(conn):
        stmt = postgresql.insert(table).on_conflict_do_nothing().returning(table.c[key])
        return set(conn.execute(stmt, list(rows)).scalars())
    conn.execute(insert(table), list(rows))
    return {row[key] for row in rows}


def insert_counting_new(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert rows, skipping on PostgreSQL those another writer has stored meanwhile; return how
    many were inserted."""
    if not rows:
        return 0
    if is_postgresql(conn):
        stmt = postgresql.insert(table).on_conflict_do_nothing().returning(*table.primary_key.columns)
        return len(conn.execute(stmt, list(rows)).all())
    conn.execute(insert(table), list(rows))
    return len(rows)


def upsert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """PostgreSQL only: insert rows, replacing the other columns of those whose ``keys`` are stored."""
    if not rows:
        return
    stmt = postgresql.insert(table)
    others = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in keys}
    conn.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=others), list(rows))
