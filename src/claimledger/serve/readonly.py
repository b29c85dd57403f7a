"""Opening a ledger for the web view: read-only, and refusing to be exposed without a token.

SQLite files are opened through a ``mode=ro`` URI with ``PRAGMA query_only`` on every
connection, so no request can write even through a bug; the store is not migrated (a
ledger of an older schema is refused with the command that upgrades it). Other
databases (PostgreSQL URLs) get ``default_transaction_read_only``.
"""
from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from ..errors import ClaimledgerError, StoreError
from ..store import SCHEMA_VERSION, Ledger, schema
from ..store.engines import readonly_sqlite_url
from ..store.migrations import read_schema_version
from ..store.urls import display_target, engine_error, hide_secrets

# Milliseconds a read waits while an ingest holds the write lock (WAL readers rarely wait).
READ_BUSY_TIMEOUT_MS = 5_000
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


# What one request has already read of the store's state (see ReadOnlyStore.articles_state).
_REQUEST_MEMO: ContextVar[dict | None] = ContextVar("claimledger_request_memo", default=None)


@contextmanager
def request_memo() -> Iterator[None]:
    """Within this block (one request), the store's state is read once."""
    token = _REQUEST_MEMO.set({})
    try:
        yield
    finally:
        _REQUEST_MEMO.reset(token)


class ExposureError(ClaimledgerError):
    """The server would be reachable beyond this machine without a token."""


@dataclass
class ReadOnlyStore:
    """A ledger opened read-only, with the engine for the few queries the Ledger lacks."""

    ledger: Ledger
    engine: Engine
    path: str

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """Yield a connection inside a read transaction."""
        try:
            with self.engine.connect() as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            reason = str(getattr(exc, "orig", None) or exc).splitlines()[0]
            raise StoreError(hide_secrets(f"ledger {display_target(self.path)}: {reason}", self.path)) from exc

    def articles_state(self, conn: Connection | None = None) -> tuple[int, int]:
        """Return the state of the stored articles (count, last key): the caches of the web
        view (places, sides, totals) are rebuilt when it changes. Read once per request
        (inside :func:`request_memo`), on ``conn`` when given."""
        memo = _REQUEST_MEMO.get()
        if memo is not None and id(self) in memo:
            return memo[id(self)]
        query = select(func.count(), func.max(schema.articles.c.pk))
        if conn is None:
            with self.connect() as own:
                row = own.execute(query).one()
        else:
            row = conn.execute(query).one()
        state = (int(row[0]), int(row[1] or 0))
        if memo is not None:
            memo[id(self)] = state
        return state

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def _readonly_engine(target: str) -> Engine:
    options: dict[str, Any] = {}
    if "://" in target:
        try:
            url = make_url(target)
        except ArgumentError as exc:
            raise StoreError(f"not a database path or URL: {display_target(target)}") from exc
        if url.get_backend_name() == "postgresql":
            options["connect_args"] = {"options": "-c default_transaction_read_only=on"}
        elif url.get_backend_name() != "sqlite":
            raise StoreError(f"serve reads SQLite files and PostgreSQL URLs, not {url.drivername}")
        url_text = url.render_as_string(hide_password=False)
    else:
        path = Path(target).expanduser()
        if not path.is_file():
            raise StoreError(f"no ledger at {path}")
        url_text = readonly_sqlite_url(path)  # immutable=1 where the WAL index cannot be made
    try:
        engine = create_engine(url_text, **options)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise engine_error(target, make_url(url_text), exc) from exc
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout = {READ_BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA query_only = ON")
            cursor.close()
    return engine


def open_readonly_store(target: str | Path) -> ReadOnlyStore:
    """Open the ledger at a SQLite path (or URL) read-only; raise StoreError if unusable.

    The store must already have this claimledger's schema: an older one is refused
    with the command that upgrades it, since serving never writes.
    """
    engine = _readonly_engine(str(target))
    store = ReadOnlyStore(Ledger(engine), engine, str(target))
    target = display_target(target)  # named in messages without its password
    try:
        with store.connect() as conn:
            version = read_schema_version(conn)
    except StoreError:
        engine.dispose()
        raise
    if version == 0:
        engine.dispose()
        raise StoreError(f"no ledger at {target}")
    if version < SCHEMA_VERSION:
        engine.dispose()
        raise StoreError(f"{target} has schema version {version}, this claimledger reads "
                         f"{SCHEMA_VERSION}: run `claimledger summary {target}` once to upgrade it")
    if version > SCHEMA_VERSION:
        engine.dispose()
        raise StoreError(f"{target} has schema version {version}, newer than this claimledger "
                         f"({SCHEMA_VERSION}); upgrade claimledger")
    return store


def is_loopback(host: str) -> bool:
    """Return True when binding to ``host`` keeps the server on this machine."""
    name = host.strip("[]").lower()
    if name in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def check_exposure(host: str, token: str | None) -> None:
    """Raise ExposureError when ``host`` is reachable from elsewhere and no token is set."""
    if not is_loopback(host) and not token:
        raise ExposureError(
            f"refusing to serve on {host} without a token: anyone on the network could read "
            f"the ledger; pass --token (or set CLAIMLEDGER_TOKEN) or bind to 127.0.0.1")
