"""Shared fixtures: paths to the bundled data, the loaded NLP pipelines, and ledgers on both back ends.

The store, CLI and API tests run on SQLite and on PostgreSQL: a test (or fixture) that asks for
``ledger_url`` gets a new ledger on each back end in the modules of :data:`BOTH_BACKENDS`, and only
on SQLite elsewhere. The PostgreSQL server comes from ``$CLAIMLEDGER_TEST_POSTGRES_URL`` (a URL whose
user may create databases: each test gets a database of its own, dropped after it). Without it the
PostgreSQL tests are skipped, except under CI (CI=true), where they fail: .ci/run starts a server.
"""
from __future__ import annotations

import hashlib
import os
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TEST_DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return EXAMPLES / "kharkiv_buffer_zone.txt"


@pytest.fixture(scope="session")
def sample_text(sample_path: Path) -> str:
    return sample_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp_en():
    from claimledger.extract.language.nlp import load_english

    return load_english()


# -- the web view (tests/test_api.py, tests/test_pages.py) -------------------------------------
SERVE_CORPUS_LINES = 20  # corpus articles in the served test ledger: enough for every page


def start_ledger_server(db: Path | str, *args: str, log_dir: Path | None = None, preexec_fn=None):
    """Start `claimledger serve DB` on a free port; return (process, base URL) once it answers.
    DB is a SQLite path or a URL; the server's stderr goes to ``log_dir`` (default: beside the
    SQLite file, or a new temporary folder); ``preexec_fn`` runs in the child before it starts."""
    import socket
    import subprocess
    import sys
    import tempfile
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # The server's log goes to a file (a pipe nobody reads would fill up and stall it).
    if log_dir is None:
        log_dir = Path(tempfile.mkdtemp(prefix="claimledger-serve-")) if "://" in str(db) else Path(db).parent
    log = log_dir / f"serve-{port}.log"
    with open(log, "w", encoding="utf-8") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "claimledger", "serve", str(db), "--port",
                                 str(port), *args], stdout=subprocess.DEVNULL, stderr=handle,
                                preexec_fn=preexec_fn)
    url = f"http://127.0.0.1:{port}"
    while True:  # readiness poll, as long as the process lives (no wall-clock limit)
        if proc.poll() is not None:
            raise RuntimeError(f"claimledger serve exited: {log.read_text(encoding='utf-8')}")
        try:
            urllib.request.urlopen(url + "/static/favicon.svg", timeout=5).close()
            return proc, url
        except urllib.error.HTTPError:  # it answers: 401 when a token is required
            return proc, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)


_SERVED: dict[str, Path | str] = {}  # built once per back end, whichever tests ask in which order


def kept_vectors(target: Path | str) -> dict[str, dict[str, bytes]]:
    """Return the claim vectors a ledger keeps (SQLite path or URL), by encoder and text hash."""
    kept: dict[str, dict[str, bytes]] = {}
    with ledger_engine(target) as engine, engine.connect() as conn:
        for encoder, text_hash, vector in conn.exec_driver_sql(
                "select encoder, text_hash, vector from claim_vectors"):
            kept.setdefault(encoder, {})[text_hash] = bytes(vector)
    return kept


def copy_ingested(source: Path | str, ledger) -> None:
    """Store in ``ledger`` what ingest stored in the ledger at ``source``, through the store's own
    writes: its rejections, then its documents in stored order with their fingerprints (the
    analysis is not run again; the documents read back are those stored, tests/test_store.py)."""
    from claimledger.store import open_ledger

    with ledger_engine(source) as engine, engine.connect() as conn:
        stored = conn.exec_driver_sql("select fingerprint, extractor_version from articles order by pk").all()
    (version,) = {row[1] for row in stored}
    with open_ledger(source, reading=True) as ingested:
        rejections = ingested.list_rejections(limit=None)[::-1]  # as recorded
        documents = list(ingested.iter_documents())
    ledger.record_rejections(rejections)
    assert ledger.save_documents(documents, [row[0] for row in stored], extractor_version=version) == len(stored)


def build_served(request, tmp_path_factory, backend: str) -> Path | str:
    """Build the served ledger on ``backend`` (once). On PostgreSQL it is the SQLite one copied (its
    documents, rejections and kept claim vectors), then linked: the same ledger without analysing
    and embedding the same texts again; every table ends with the SQLite one's row count."""
    from claimledger.build import ingest_paths
    from claimledger.link import link_ledger
    from claimledger.store import open_ledger, schema

    if backend in _SERVED:
        return _SERVED[backend]
    if backend == "postgresql":
        source = build_served(request, tmp_path_factory, "sqlite")
        target: Path | str = request.getfixturevalue("postgres_server").create_database("served")
        with open_ledger(target) as ledger:
            copy_ingested(source, ledger)
            for encoder, found in kept_vectors(source).items():
                ledger.save_vectors(found, encoder)
            link_ledger(ledger)
        tables = tuple(table.name for table in schema.metadata.sorted_tables)
        assert count_rows(target, tables) == count_rows(source, tables)
        _SERVED[backend] = target
        return target
    folder = tmp_path_factory.mktemp("served")
    corpus = folder / "corpus.jsonl"
    lines = (EXAMPLES / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    corpus.write_text("\n".join(lines[:SERVE_CORPUS_LINES]) + "\n", encoding="utf-8")
    target = folder / "ledger.db"
    with open_ledger(target) as ledger:
        ingest_paths(ledger, [str(EXAMPLES / "kharkiv_buffer_zone.txt"), str(corpus),
                              str(EXAMPLES / "raw"), str(ROOT / "tests/fixtures/serve/articles.jsonl")])
        link_ledger(ledger)
    _SERVED[backend] = target
    return target


@pytest.fixture(scope="session")
def served_db(request, tmp_path_factory, ledger_backend: str) -> Path | str:
    """A ledger of the sample, part of the corpus, the raw pages and tests/fixtures/serve articles,
    with its claims linked into stories: a SQLite path, or a PostgreSQL URL (see ledger_url)."""
    return build_served(request, tmp_path_factory, ledger_backend)


@pytest.fixture(scope="session")
def served_url(served_db: Path | str):
    """Base URL of `claimledger serve` running on served_db in its own process."""
    proc, url = start_ledger_server(served_db)
    yield url
    proc.terminate()
    proc.wait()


# -- ledgers on SQLite and PostgreSQL ----------------------------------------------------------
POSTGRES_URL_ENV = "CLAIMLEDGER_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")
# The test modules whose ledgers (ledger_url, served_db) are made on both back ends.
BOTH_BACKENDS = {"test_store", "test_store_counts", "test_cli", "test_api", "test_api_search", "test_link",
                 "test_stories", "test_shared_store", "test_server_fuzz", "test_server_load"}


def under_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "ledger_backend" in metafunc.fixturenames and metafunc.module.__name__ in BOTH_BACKENDS:
        metafunc.parametrize("ledger_backend", BACKENDS, indirect=True)


def pytest_report_header(config: pytest.Config) -> str:
    from claimledger.store.urls import display_target

    url = os.environ.get(POSTGRES_URL_ENV)
    return (f"postgresql: {display_target(url)}" if url
            else f"postgresql: not set ({POSTGRES_URL_ENV}); PostgreSQL tests "
                 + ("fail (CI)" if under_ci() else "skipped"))


class PostgresServer:
    """The PostgreSQL server of the tests: makes a database per ledger and drops it afterwards."""

    def __init__(self, url: str):
        from sqlalchemy import create_engine
        from sqlalchemy.engine import make_url
        from sqlalchemy.pool import NullPool

        self.url = make_url(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.made: list[str] = []

    def create_database(self, label: str = "test") -> str:
        """Create an empty database (UTF-8, byte order as SQLite) and return its URL, password kept."""
        name = f"claimledger_{label[:20]}_{uuid.uuid4().hex[:10]}".lower()
        with self.admin.connect() as conn:
            try:  # the collation of SQLite (bytes) and a UTF-8 ctype, as .ci/run's cluster has
                conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' '
                                     f"LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'")
            except Exception:  # a server without the C.UTF-8 locale: its own default
                conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        self.made.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def copy_database(self, url: str, label: str = "copy") -> str:
        """Create a database holding what the database at ``url`` holds (no one may be connected to
        it); return its URL."""
        from sqlalchemy.engine import make_url

        name = f"claimledger_{label[:20]}_{uuid.uuid4().hex[:10]}".lower()
        with self.admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(url).database}"')
        self.made.append(name)
        return self.url.set(database=name).render_as_string(hide_password=False)

    def drop_database(self, url: str) -> None:
        from sqlalchemy.engine import make_url

        name = make_url(url).database
        with self.admin.connect() as conn:  # FORCE: a server process may still be connected
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if name in self.made:
            self.made.remove(name)

    def close(self) -> None:
        for name in list(self.made):
            self.drop_database(self.url.set(database=name).render_as_string(hide_password=False))
        self.admin.dispose()


@pytest.fixture(scope="session")
def postgres_server():
    """The server named by $CLAIMLEDGER_TEST_POSTGRES_URL; skips without it (fails under CI)."""
    url = os.environ.get(POSTGRES_URL_ENV)
    if not url:
        reason = f"{POSTGRES_URL_ENV} is not set (a PostgreSQL URL whose user may create databases)"
        if under_ci():
            pytest.fail(f"PostgreSQL tests cannot run under CI: {reason}; .ci/run starts a server "
                        "and sets it", pytrace=False)
        pytest.skip(reason)
    server = PostgresServer(url)
    yield server
    server.close()


@pytest.fixture(scope="session")
def ledger_backend(request) -> str:
    """"sqlite" or "postgresql" (parametrized in BOTH_BACKENDS modules, "sqlite" elsewhere)."""
    backend = getattr(request, "param", "sqlite")
    if backend == "postgresql":
        request.getfixturevalue("postgres_server")  # skip or fail here, before any work
    return backend


@pytest.fixture
def ledger_url(request, ledger_backend: str, tmp_path: Path):
    """The URL of a new, empty ledger: an SQLite file under tmp_path, or a PostgreSQL database of
    its own (dropped after the test)."""
    if ledger_backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'ledger.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    url = server.create_database(request.node.originalname)
    yield url
    server.drop_database(url)


@contextmanager
def ledger_engine(target: Path | str):
    """A SQLAlchemy engine on a ledger (SQLite path or URL), for tests that look at its tables."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    engine = create_engine(str(target) if "://" in str(target) else f"sqlite:///{target}",
                           poolclass=NullPool)
    try:
        yield engine
    finally:
        engine.dispose()


def count_rows(target: Path | str, tables: tuple[str, ...] = (
        "articles", "attributions", "places", "events", "rejections")) -> dict[str, int]:
    """Return the row count of each table of a ledger."""
    from sqlalchemy import text

    with ledger_engine(target) as engine, engine.connect() as conn:
        return {t: conn.execute(text(f"select count(*) from {t}")).scalar_one() for t in tables}


def ledger_snapshot(target: Path | str) -> str:
    """Return a hash of everything a ledger holds: its file's bytes (SQLite path), or every row of
    every table in key order (URL)."""
    if "://" not in str(target):
        return hashlib.sha256(Path(target).read_bytes()).hexdigest()
    from sqlalchemy import select

    from claimledger.store import schema

    digest = hashlib.sha256()
    with ledger_engine(target) as engine, engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            key = list(table.primary_key.columns) or list(table.columns)
            for row in conn.execute(select(table).order_by(*key)):
                digest.update(repr(tuple(row)).encode("utf-8"))
    return digest.hexdigest()


# -- the fault tests (tests/test_faults.py, tests/test_store_faults.py) ---------------------------
@pytest.fixture(scope="session")
def clean_run(tmp_path_factory):
    """A ledger ingested and linked by the CLI, never killed, to compare the fault tests with."""
    from fault_ledgers import make_clean_run

    return make_clean_run(tmp_path_factory.mktemp("clean"))
