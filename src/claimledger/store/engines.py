"""Database engines of the ledger: a SQLite path or a SQLAlchemy URL to an Engine. On SQLite the
file runs in WAL mode with foreign keys on and a busy timeout, and every transaction is opened by
us: ``BEGIN``, or ``BEGIN IMMEDIATE`` for a connection marked with WRITE_OPTION, so that two
writers queue instead of failing."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..errors import StoreError
from .urls import display_target, engine_error

# How long a writer waits for another writer's lock before giving up (ms): longer than
# the slowest batch commit measured here (about 1 s for 1,000 documents).
SQLITE_BUSY_TIMEOUT_MS = 30_000
# FULL: a committed batch survives a power cut as well as a killed process.
SQLITE_SYNCHRONOUS = "FULL"
WRITE_OPTION = "claimledger_write"

def _sqlite_url(target: str | Path, create: bool) -> str:
    path = Path(target).expanduser()
    if not create and not path.exists():
        raise StoreError(f"no ledger at {path}")
    if not path.parent.exists():
        raise StoreError(f"cannot create ledger {path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise StoreError(f"cannot open ledger {path}: it is a folder")
    return f"sqlite:///{path.resolve()}"


def make_engine(target: str | Path, create: bool) -> Engine:
    """Return the engine of a SQLite path or a SQLAlchemy URL (SQLite set up for WAL, foreign
    keys, a busy timeout and our own BEGIN). Raises StoreError with a one-line message."""
    text_target = str(target)
    url_text = text_target if "://" in text_target else _sqlite_url(target, create)
    try:
        url = make_url(url_text)
    except ArgumentError as exc:
        raise StoreError(f"not a database path or URL: {display_target(text_target)}") from exc
    options: dict[str, Any] = {}
    if url.get_backend_name() == "sqlite":
        database = url.database or ":memory:"
        if database == ":memory:":
            options["poolclass"] = StaticPool
            options["connect_args"] = {"check_same_thread": False}
        elif not create and not Path(database).exists():
            raise StoreError(f"no ledger at {database}")
    try:
        engine = create_engine(url, **options)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise engine_error(text_target, url, exc) from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute(f"PRAGMA synchronous = {SQLITE_SYNCHRONOUS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
