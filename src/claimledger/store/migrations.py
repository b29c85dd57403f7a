"""Versioned schema migrations: an ordered list of steps and a ``schema_version`` table.

Each step is a function of a connection, applied once, in order, inside the single
transaction that opening a ledger runs; the version it brings the store to is then
recorded in ``schema_version``. A released step never changes: a later change to the
schema is a new step at the end of :data:`MIGRATIONS` (``ALTER TABLE ...`` or a new
table), and the table definitions in ``schema.py`` follow it. A store whose version is
newer than the last step was written by a newer claimledger and is refused.

Steps that differ by back end check the dialect: FTS5 tables are SQLite's (steps 1-2), GIN text
search indexes PostgreSQL's (step 8), as are the indexes in the listings' orders (step 11). On PostgreSQL the upgrade
holds a transaction-level advisory lock, so two processes opening a new database at once migrate it
one after the other.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import Connection, String, func, insert, inspect, select, text

from ..errors import StoreError
from . import schema, search
from ..claims import describe_claims
from .rows import page_article_ids, read_documents
from .stories import add_story_facts
from .row_counts import create_row_counts


@dataclass(frozen=True)
class Migration:
    """One schema step: the version it brings the store to and how."""

    version: int
    description: str
    apply: Callable[[Connection], None]


# The key of the PostgreSQL advisory lock held while a store is upgraded (any fixed number).
MIGRATION_LOCK_KEY = 0x636C6D67  # "clmg"


def is_sqlite(conn: Connection) -> bool:
    """Return True when the connection talks to SQLite (FTS5 and PRAGMAs available)."""
    return conn.dialect.name == "sqlite"


def _create_core_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.CORE_TABLES))
    if is_sqlite(conn):
        for statement in schema.SQLITE_ARTICLE_FTS_DDL:
            conn.exec_driver_sql(statement)


def _create_claim_index(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.CLAIM_TABLES))
    if is_sqlite(conn):
        for statement in schema.SQLITE_CLAIM_FTS_DDL:
            conn.exec_driver_sql(statement)
    backfill_claims(conn)


def backfill_claims(conn: Connection) -> int:
    """Derive the ``claims`` rows of every stored article that has none; return how many."""
    have = {row[0] for row in conn.execute(select(schema.claims.c.article_id).distinct())}
    added, last = 0, 0
    while page := page_article_ids(conn, last):
        last = page[-1][0]
        ids = [article_id for _, article_id in page if article_id not in have]
        rows = [c["row"] for doc in read_documents(conn, ids) for c in describe_claims(doc)]
        if rows:
            conn.execute(insert(schema.claims), rows)
            added += len(rows)
    return added


def _add_evidentiality(conn: Connection) -> None:
    if "evidentiality" not in {c["name"] for c in inspect(conn).get_columns("attributions")}:
        conn.exec_driver_sql("ALTER TABLE attributions ADD COLUMN evidentiality VARCHAR(12) "
                             "NOT NULL DEFAULT 'reported'")


def _create_link_tables(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.LINK_TABLES))


def _create_link_claim_cache(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=list(schema.LINK_CACHE_TABLES))


def _create_vector_cache(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.claim_vectors])


def _create_postgres_search(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        for statement in search.POSTGRES_SEARCH_DDL:
            conn.exec_driver_sql(statement)


def _unbound_postgres_text(conn: Connection) -> None:
    """PostgreSQL enforces VARCHAR lengths, SQLite never did: a longer value (the claim vector
    encoder's name, 76 characters in a VARCHAR(64); a free-form ``published`` of a JSONL record)
    failed the whole batch. Every bounded text column of the ledger becomes TEXT there (no table
    is rewritten: the two types share their storage)."""
    if conn.dialect.name != "postgresql":
        return
    found = inspect(conn)
    quote = conn.dialect.identifier_preparer.quote
    for table in schema.metadata.sorted_tables:
        if not found.has_table(table.name):
            continue
        bounded = {c["name"] for c in found.get_columns(table.name) if getattr(c["type"], "length", None)}
        changes = [f"ALTER COLUMN {quote(c.name)} TYPE TEXT" for c in table.columns
                   if isinstance(c.type, String) and c.name in bounded]
        if changes:
            conn.exec_driver_sql(f"ALTER TABLE {quote(table.name)} " + ", ".join(changes))


def _add_headlines_and_sentence_claims(conn: Connection) -> None:
    """Add ``articles.title_layers`` and rebuild the claims index as sentence-sized claims (and
    headline claims once articles are analysed again). Claim numbers change, so the links,
    stories and per-article link claims built on them are dropped: the next ``link`` rebuilds them."""
    if "title_layers" not in {c["name"] for c in inspect(conn).get_columns("articles")}:
        conn.exec_driver_sql("ALTER TABLE articles ADD COLUMN title_layers TEXT")
    if "claim" not in {c["name"] for c in inspect(conn).get_columns("claims")}:
        conn.exec_driver_sql("ALTER TABLE claims ADD COLUMN claim TEXT")
    for table in (schema.story_claims, schema.stories, schema.claim_links, schema.linked_articles,
                  schema.link_claims, schema.claims):
        conn.execute(table.delete())
    backfill_claims(conn)


# The listings' orders: claims newest first, NULL dates last, then article and claim
# (store/claims.select_claims); articles newest first, undated last, then id (serve/listings.py).
# SQLite walks its date indexes for them; PostgreSQL sorted every row for each page (0.4 s at 2.6 M
# claims) until indexes held those very orders, NULLS LAST included (SQLite's CREATE INDEX cannot
# say NULLS LAST, and needs no such index).
POSTGRES_LISTING_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_claims_newest ON claims (date_start DESC NULLS LAST, article_id, ord)",
    "CREATE INDEX IF NOT EXISTS ix_articles_newest ON articles (published DESC NULLS LAST, id)",
)


def _index_postgres_listing_orders(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        for statement in POSTGRES_LISTING_INDEXES:
            conn.exec_driver_sql(statement)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, attributions, places, events, rejections; article FTS",
              _create_core_tables),
    Migration(2, "claims index (one row per attribution or unattributed event); claim FTS",
              _create_claim_index),
    Migration(3, "claim links (repeat/agree/contradict), linked articles, stories",
              _create_link_tables),
    Migration(4, "attributions.evidentiality (reported, claimed, alleged, denied, ...)",
              _add_evidentiality),
    Migration(5, "link claims of each article, kept between link runs", _create_link_claim_cache),
    Migration(6, "sentence vectors of claim texts by encoder, kept between link runs",
              _create_vector_cache),
    Migration(7, "stories.contradictions (contested stories) and story_claims (a claim in several "
                 "stories)", add_story_facts),
    Migration(8, "PostgreSQL full-text search: GIN indexes over to_tsvector('simple', ...) of claim "
                 "text and of article title + text (SQLite keeps FTS5)", _create_postgres_search),
    Migration(9, "PostgreSQL: bounded text columns (VARCHAR(n)) become TEXT, as SQLite always read "
                 "them", _unbound_postgres_text),
    Migration(10, "articles.title_layers (headlines); claims index rebuilt as sentence-sized claims, "
                  "with each claim's id (claims.claim)",
              _add_headlines_and_sentence_claims),
    Migration(11, "PostgreSQL: indexes in the claim and article listings' orders (newest first, "
                  "undated last)", _index_postgres_listing_orders),
    Migration(12, "ledger_counts: row counts of the counted tables and articles per language, kept "
                  "up to date by each write of the ledger", create_row_counts),
)
SCHEMA_VERSION = MIGRATIONS[-1].version


def read_schema_version(conn: Connection) -> int:
    """Return the store's schema version: 0 for an empty database.

    Raises StoreError when the database holds other tables but no ``schema_version``.
    """
    names = set(inspect(conn).get_table_names())
    if "schema_version" not in names:
        if names:
            raise StoreError("database is not a claimledger ledger (no schema_version table)")
        return 0
    return int(conn.execute(select(func.max(schema.schema_version.c.version))).scalar() or 0)


def upgrade_schema(conn: Connection, target: int | None = None) -> list[int]:
    """Apply the missing migration steps up to ``target`` (default: the latest) on ``conn``.

    The caller owns the transaction, so a failing step leaves the store as it was.
    Returns the versions applied. Raises StoreError when the store is newer than the code.
    """
    target = SCHEMA_VERSION if target is None else target
    if conn.dialect.name == "postgresql":  # released when the caller's transaction ends
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY})
    current = read_schema_version(conn)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"ledger has schema version {current}, newer than this claimledger supports "
            f"({SCHEMA_VERSION}); upgrade claimledger"
        )
    applied = []
    for migration in MIGRATIONS:
        if current < migration.version <= target:
            migration.apply(conn)
            conn.execute(insert(schema.schema_version).values(
                version=migration.version, description=migration.description,
                applied_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            ))
            applied.append(migration.version)
    return applied


def require_current_schema(conn: Connection, shown: str) -> None:
    """Check, without writing, that the store named ``shown`` (on a read-only connection) has this
    claimledger's schema. Raises StoreError: no ledger, newer, or older and needing an upgrade it
    cannot get here (the file or its folder may not be written)."""
    current = read_schema_version(conn)
    if current == 0:
        raise StoreError(f"no ledger at {shown}")
    if current > SCHEMA_VERSION:
        raise StoreError(f"ledger has schema version {current}, newer than this claimledger "
                         f"supports ({SCHEMA_VERSION}); upgrade claimledger")
    if current < SCHEMA_VERSION:
        raise StoreError(f"ledger has schema version {current} and needs an upgrade to "
                         f"{SCHEMA_VERSION}, but it is read-only here (the file or its folder may not "
                         f"be written); open it once with write access, or copy it to a writable folder")
