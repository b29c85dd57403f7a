"""Row counts of the ledger kept in a small table, ``ledger_counts``, so that reading them costs a
few rows whatever the store's size (``COUNT(*)`` of every table took 0.6 s on PostgreSQL at
100,000 articles, 2.6 M claims).

Every write of the ledger that adds counted rows adds its numbers (:func:`add_counts`) in its own
transaction, last (on PostgreSQL two writers then hold the counts' row locks only from there to their
commit, taken in name order: no deadlock), so the counts are exact after every write and a
rolled-back batch leaves them as they were. Rows written into the tables by other means than the
ledger are not counted until :func:`recount`. Triggers were measured and not kept: on SQLite a row
trigger cost 6 µs a row (+20% of the store path's CPU); on PostgreSQL psycopg sends many rows as one
statement per row, so a statement trigger updated the same count once per row in one transaction,
each update slower than the last (3,000 articles stored in 383 s instead of 56).

Rows: one per table of :data:`COUNTED_TABLES` (named as the table) and one per article language,
``language:<code>`` (``language:unknown`` for none). Migration 12 creates the table and fills it with
:func:`recount`; a later migration that rewrites counted rows calls :func:`recount` after.
"""
from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from . import schema

COUNTED_TABLES = ("articles", "attributions", "places", "events", "claims", "rejections")
LANGUAGE_PREFIX = "language:"
UNKNOWN_LANGUAGE = "unknown"


def keeps_counts(conn: Connection) -> bool:
    """Return True when the ledger keeps ``ledger_counts`` on this database (SQLite, PostgreSQL:
    the two whose upsert :func:`add_counts` uses)."""
    return conn.dialect.name in ("sqlite", "postgresql")


def create_row_counts(conn: Connection) -> None:
    """Migration 12: create ``ledger_counts`` and fill it (:func:`recount`)."""
    schema.metadata.create_all(conn, tables=[schema.ledger_counts])
    recount(conn)


def language_count(language: str | None) -> str:
    """Return the name of the count of the articles in ``language`` (None or "": unknown)."""
    return f"{LANGUAGE_PREFIX}{language or UNKNOWN_LANGUAGE}"


def add_counts(conn: Connection, changes: Mapping[str, int]) -> None:
    """Add ``changes`` (count name -> rows added, or removed when negative) to the kept counts, in
    the caller's transaction, in name order; a name not kept yet starts at its change."""
    if not keeps_counts(conn):
        return
    table = schema.ledger_counts
    module = sqlite if conn.dialect.name == "sqlite" else postgresql
    for name in sorted(changes):
        if changes[name]:
            stmt = module.insert(table).values(name=name, n=changes[name])
            conn.execute(stmt.on_conflict_do_update(index_elements=[table.c.name],
                                                    set_={"n": table.c.n + stmt.excluded.n}))


def count_rows(conn: Connection) -> dict[str, int]:
    """Return the counts by ``COUNT(*)``: every counted table, then articles per language."""
    result: dict[str, int] = {}
    for name in COUNTED_TABLES:
        table = schema.metadata.tables[name]
        result[name] = int(conn.execute(select(func.count()).select_from(table)).scalar() or 0)
    language = schema.articles.c.language
    for code, count in conn.execute(select(language, func.count()).group_by(language)):
        key = language_count(code)
        result[key] = result.get(key, 0) + int(count)
    return result


def recount(conn: Connection) -> None:
    """Replace the kept counts with those of ``COUNT(*)`` (one scan of each table)."""
    conn.execute(schema.ledger_counts.delete())
    rows = [{"name": name, "n": n} for name, n in count_rows(conn).items()]
    conn.execute(insert(schema.ledger_counts), rows)


def read_counts(conn: Connection) -> dict[str, int]:
    """Return the row counts: every counted table (0 when empty), then articles per language
    present, in language order. Kept counts where the database keeps them, else ``COUNT(*)``."""
    if not keeps_counts(conn):
        return count_rows(conn)
    table = schema.ledger_counts
    kept = {name: n for name, n in conn.execute(select(table.c.name, table.c.n))}
    result = {name: int(kept.get(name, 0)) for name in COUNTED_TABLES}
    for name in sorted(kept):
        if name.startswith(LANGUAGE_PREFIX) and kept[name] > 0:
            result[name] = int(kept[name])
    return result


def read_count(conn: Connection, name: str) -> int:
    """Return one count: a counted table's rows (kept where the database keeps them)."""
    if not keeps_counts(conn):
        return count_rows(conn)[name]
    table = schema.ledger_counts
    return int(conn.execute(select(table.c.n).where(table.c.name == name)).scalar() or 0)
