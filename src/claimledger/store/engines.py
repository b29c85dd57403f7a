"""Database engines of the ledger: a SQLite path or a SQLAlchemy URL to an Engine. On SQLite the
file runs in WAL mode with foreign keys on and a busy timeout, and every transaction is opened by
us: ``BEGIN``, or ``BEGIN IMMEDIATE`` for a connection marked with WRITE_OPTION, so that two
writers queue instead of failing.

A SQLite ledger this process may not write (a read-only copy: the file or its folder not writable)
is opened read-only (``read_only=True``): a ``mode=ro`` URI with ``PRAGMA query_only``, and no PRAGMA
that writes. A WAL database needs its index file (``-shm``) to be read; when it is missing and the
folder does not let SQLite create it, the file is opened ``immutable=1`` (SQLite then takes no
locks: right for a copy nobody writes, which a folder we may not write usually holds)."""
from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote
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
WAL_SWITCH_RETRY_S = 0.05  # pause between tries of the switch into WAL mode while another process holds the file

def _sqlite_url(target: str | Path, create: bool) -> str:
    path = Path(target).expanduser()
    if not create and not path.exists():
        raise StoreError(f"no ledger at {path}")
    if not path.parent.exists():
        raise StoreError(f"cannot create ledger {path}: folder {path.parent} does not exist")
    if path.is_dir():
        raise StoreError(f"cannot open ledger {path}: it is a folder")
    if create and not path.exists() and not os.access(path.parent, os.W_OK):
        raise StoreError(f"cannot create ledger {path}: folder {path.parent} is not writable")
    return f"sqlite:///{path.resolve()}"


def sqlite_file(target: str | Path) -> Path | None:
    """Return the file of a SQLite ledger given as a path or a ``sqlite:///`` URL; None for
    other databases, in-memory SQLite and targets that cannot be parsed."""
    text_target = str(target)
    if "://" not in text_target:
        return Path(text_target).expanduser()
    try:
        url = make_url(text_target)
    except ArgumentError:
        return None
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    if url.database.startswith("file:"):  # a URI filename: its path, without the query
        return Path(url.database[len("file:"):].split("?", 1)[0])
    return Path(url.database)


def can_write_sqlite(path: Path) -> bool:
    """Return True when this process may write the SQLite file and create files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def readonly_sqlite_url(path: Path) -> str:
    """Return the URL that reads the SQLite file at ``path`` without writing anything: ``mode=ro``,
    plus ``immutable=1`` when its WAL index is missing and the folder does not let SQLite create
    one. Raises StoreError when a write-ahead log with changes in it cannot be read that way."""
    path = path.expanduser().resolve()
    wal, shm = (Path(f"{path}-{suffix}") for suffix in ("wal", "shm"))
    query = "mode=ro"
    if not shm.exists() and not os.access(path.parent, os.W_OK):
        if wal.exists() and wal.stat().st_size > 0:
            raise StoreError(f"cannot read ledger {path}: its write-ahead log {wal.name} holds changes "
                             f"and its folder is not writable; open it once where it can be written")
        query += "&immutable=1"
    return f"sqlite:///file:{quote(str(path))}?{query}&uri=true"


def make_engine(target: str | Path, create: bool, *, read_only: bool = False) -> Engine:
    """Return the engine of a SQLite path or a SQLAlchemy URL (SQLite set up for WAL, foreign
    keys, a busy timeout and our own BEGIN). ``read_only`` opens a SQLite file so that nothing
    is written (see readonly_sqlite_url). Raises StoreError with a one-line message."""
    text_target = str(target)
    url_text = text_target if "://" in text_target else _sqlite_url(target, create)
    path = sqlite_file(target) if read_only else None
    if path is not None:
        if not path.is_file():
            raise StoreError(f"no ledger at {path}")
        url_text = readonly_sqlite_url(path)
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
        elif path is None and not create and not Path(database).exists():
            raise StoreError(f"no ledger at {database}")
    try:
        engine = create_engine(url, **options)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise engine_error(text_target, url, exc) from exc
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, read_only=path is not None)
    return engine


def _into_wal(cursor: Any) -> None:
    """Put a SQLite file into WAL mode. The switch takes the file's exclusive lock, and SQLite answers "database is
    locked" at once, busy timeout or not, while another process opening the same new file holds it (two ingests
    starting together): it is tried again for up to the busy timeout."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(WAL_SWITCH_RETRY_S)


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves (see _on_begin)
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        if read_only:  # journal_mode and synchronous would write the file
            cursor.execute("PRAGMA query_only = ON")
        else:
            cursor.execute("PRAGMA foreign_keys = ON")
            _into_wal(cursor)
            cursor.execute(f"PRAGMA synchronous = {SQLITE_SYNCHRONOUS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
