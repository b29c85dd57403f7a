"""kill -9 of `ingest` and `link` on a PostgreSQL ledger (issue 14: PostgreSQL as a team's store must
lose nothing either). The SQLite chains of tests/test_faults.py, on a server: each run is the real CLI
in its own process, killed (with its workers) at a seeded share of a clean run's time or just
after one of its transactions began writing (seen in pg_stat_activity); after each kill
what is stored must be part of the clean run's ledger (ingest) or exactly the state before or after
the run (link), and the chain's last run must leave the clean run's ledger."""
from __future__ import annotations

import random
import time
from dataclasses import dataclass

import pytest

from conftest import ledger_engine
from fault_ledgers import (KILL_AFTER, KILL_SEED, CleanRun, cli, kill_after, kill_later, link_state,
                           records, start_cli, table_counts)

pytestmark = [pytest.mark.faults, pytest.mark.model]

POSTGRES_KILLS = 6  # kills of each command, half of them inside a write (the SQLite tests make ten)
WATCH_INTERVAL = 0.005  # s between two looks at the server's sessions
# (n, s): kill at most s seconds after one of the first n writing transactions began; a transaction
# here lasts longer than SQLite's (a batch of articles goes over the socket), so the delays reach past
# its commit as well as into it
KILL_IN_WRITE = {"ingest": (3, 0.6), "link": (2, 1.5)}

# another session of the database in a transaction that has written (or is writing) rows
WRITING_SESSIONS = """SELECT count(*) FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_xid IS NOT NULL"""


def kill_in_write(proc, url: str, nth: int, delay: float) -> bool:
    """SIGKILL the process (and its workers) ``delay`` seconds after the ``nth`` transaction of the
    ledger began writing rows (a transaction id taken), unless it ended first; return True when killed."""
    from sqlalchemy import text

    seen, writing = 0, False
    with ledger_engine(url) as engine, engine.connect() as conn:
        while proc.poll() is None:
            now = conn.execute(text(WRITING_SESSIONS)).scalar_one() > 0
            conn.commit()  # a fresh snapshot of the statistics on the next look
            seen += now and not writing
            writing = now
            if seen >= nth:
                return kill_later(proc, delay)
            time.sleep(WATCH_INTERVAL)
    return False


def kill_somewhen(proc, url: str, seconds: float, rng: random.Random, command: str, at_write: bool) -> bool:
    """Kill at a seeded moment: anywhere in a run as long as the clean one (``seconds``), or with
    ``at_write`` just after one of its first writes began."""
    if not at_write:
        return kill_after(proc, rng.uniform(*KILL_AFTER) * seconds)
    writes, delay = KILL_IN_WRITE[command]
    return kill_in_write(proc, url, rng.randint(1, writes), rng.uniform(0, delay))


@dataclass
class PostgresClean:
    """A clean run on the server: the ingested and the linked database, with their counts and times."""

    ingested: str
    ingest_seconds: float
    link_seconds: float
    ingest_counts: dict[str, int]
    records: list[str]
    linked_counts: dict[str, int]
    link_state: tuple


@pytest.fixture(scope="module")
def pg_clean(postgres_server, clean_run: CleanRun) -> PostgresClean:
    ingested = postgres_server.create_database("faults_ingested")
    started = time.monotonic()
    result = cli("ingest", ingested, *clean_run.inputs, "--workers", "1")
    ingest_seconds = time.monotonic() - started
    assert result.returncode == 3, result.stderr
    stored = records(ingested)
    assert stored == records(clean_run.ingested), "PostgreSQL stores what SQLite stores"
    linked = postgres_server.copy_database(ingested, "faults_linked")
    started = time.monotonic()
    result = cli("link", linked)
    link_seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    state = link_state(linked)
    assert len(state[0]) > 100 and len(state[1]) > 10
    return PostgresClean(ingested, ingest_seconds, link_seconds, table_counts(ingested), stored,
                         table_counts(linked), state)


def test_killed_ingests_on_postgresql_resume_to_the_clean_ledger(postgres_server, clean_run: CleanRun,
                                                                 pg_clean: PostgresClean):
    rng = random.Random(KILL_SEED + 2)
    url = postgres_server.create_database("faults_ingest")
    kills, seen = 0, []
    while kills < POSTGRES_KILLS:  # every other run analyses in a pool of two forked workers
        proc = start_cli("ingest", url, *clean_run.inputs, "--workers", str(1 + kills % 2))
        if kill_somewhen(proc, url, pg_clean.ingest_seconds, rng, "ingest", kills % 2 == 1):
            kills += 1
            counts, stored = table_counts(url), records(url)
            for name, count in counts.items():
                assert count <= pg_clean.ingest_counts[name], (name, count, pg_clean.ingest_counts[name])
            assert len(stored) == len(set(stored)) == counts.get("articles", 0)
            assert set(stored) <= set(pg_clean.records), "an article stored differs from the clean run's"
            seen.append(len(stored))
            continue
        proc.communicate()
        assert proc.returncode == 3
        postgres_server.drop_database(url)  # a new chain
        url = postgres_server.create_database("faults_ingest")
    result = cli("ingest", url, *clean_run.inputs, "--workers", "1")  # the last rerun
    assert result.returncode == 3, result.stderr
    assert table_counts(url) == pg_clean.ingest_counts  # nothing lost, nothing twice
    assert records(url) == pg_clean.records
    print(f"ingest on PostgreSQL: {kills} kills survived, articles stored at each kill {seen}")


def test_killed_link_runs_on_postgresql_store_all_of_a_run_or_nothing(postgres_server, pg_clean: PostgresClean):
    rng = random.Random(KILL_SEED + 3)
    url = postgres_server.copy_database(pg_clean.ingested, "faults_link")
    unlinked = before = link_state(url)
    kills, states = 0, []
    while kills < POSTGRES_KILLS:
        rebuild = before == pg_clean.link_state
        proc = start_cli("link", url, *(["--rebuild"] if rebuild else []))
        if kill_somewhen(proc, url, pg_clean.link_seconds, rng, "link", kills % 2 == 1):
            kills += 1
            state = link_state(url)
            assert state in (before, pg_clean.link_state), (
                f"kill {kills} left {len(state[0])} links, {len(state[1])} stories: neither before nor after")
            states.append(("after" if state == pg_clean.link_state and before != state else "before", rebuild))
            before = state
            continue
        _, stderr = proc.communicate()
        assert proc.returncode == 0, stderr
        assert link_state(url) == pg_clean.link_state
        before = pg_clean.link_state if rng.random() < 0.5 else unlinked
        if before == unlinked:  # a new chain from the unlinked ledger
            postgres_server.drop_database(url)
            url = postgres_server.copy_database(pg_clean.ingested, "faults_link")
    if before != pg_clean.link_state:
        assert cli("link", url).returncode == 0  # the last rerun
    assert link_state(url) == pg_clean.link_state
    assert table_counts(url) == pg_clean.linked_counts
    print(f"link on PostgreSQL: {kills} kills survived, state left by each (and whether a rebuild): {states}")
