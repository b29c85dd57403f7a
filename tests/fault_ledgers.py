"""What the fault tests (tests/test_faults.py, tests/test_store_faults.py) share: a generated set of
short articles, the CLI run in its own process (killed on demand, or without the right to write
files), the ledger of a clean run to compare with, and ways to look at a ledger (a SQLite path, or a
PostgreSQL URL for tests/test_faults_postgres.py)."""
from __future__ import annotations

import ctypes
import hashlib
import io
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import ROOT, ledger_engine

KILLS = 10  # kills of each command (the issue asks for at least 10)
KILL_SEED = 16  # the random moments are the same on every run of the tests
# A run is killed after this share of the clean run's duration, drawn uniformly: from early (models
# loading) to near its end (a resumed run is shorter: some runs of a chain finish, and the chain is
# checked whole).
KILL_AFTER = (0.2, 0.9)
# ... or after one of its first changes of the write-ahead log (a transaction being written or just
# committed) and then up to 50 ms: the moments a commit must be all or nothing. An ingest writes its
# schema (new ledger), then a batch at a time; a link run its kept link claims, vectors, then links
# and stories.
KILL_AT_WRITE = {"ingest": (2, 0.05), "link": (2, 0.05)}
WRITE_BURST_GAP = 0.05  # changes of the log closer than this (s) are one write
GENERATED_ARTICLES = 40  # short English reports: 2 batches of analysis (the model loads in 2-3 s)
CLI_ENV = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}

# -- inputs ----------------------------------------------------------------------------------------
PLACES = {"Lukiantsi": "Kharkiv", "Vovchansk": "Kharkiv", "Kupiansk": "Kharkiv", "Pokrovsk": "Donetsk",
          "Chasiv Yar": "Donetsk", "Toretsk": "Donetsk", "Robotyne": "Zaporizhzhia", "Krynky": "Kherson"}
OUTLETS = ("TASS", "RIA Novosti", "Ukrainska Pravda", "Reuters", "Kyiv Independent", "Ukrinform")
SENTENCES = (
    "The Russian Defence Ministry said on {day} that Russian forces had taken control of the village of "
    "{place} in the {region} region.",
    "Ukraine's General Staff said on {day} that Ukrainian forces repelled a Russian assault on {place} in "
    "the {region} region.",
    "Governor Oleh Syniehubov said Russian troops shelled {place} on {day}, killing {n} civilians.",
    "Russian troops captured the village of {place} in the {region} region, the Russian Defence Ministry said.",
    "According to the regional administration, {n} people were evacuated from {place} on {day}.",
)


def generated_articles(count: int, seed: int) -> list[dict[str, Any]]:
    """Short news-style records (invented, like tests/fixtures/link) that link into stories; a few
    repeat another's text, so duplicates are met too."""
    rng = random.Random(seed)
    records = []
    for i in range(count):
        place = rng.choice(sorted(PLACES))
        text = " ".join(rng.choice(SENTENCES).format(
            day=rng.choice(("Sunday", "Monday", "Tuesday")), place=place, region=PLACES[place],
            n=rng.randint(2, 9)) for _ in range(2))
        records.append({"id": f"gen-{i}", "outlet": rng.choice(OUTLETS), "published": f"2024-05-{10 + i % 9:02d}",
                        "language": "en", "title": f"Report {i} on {place}", "text": text})
    return records


# -- running the CLI -------------------------------------------------------------------------------

def cli(*args: str | Path, preexec_fn=None) -> subprocess.CompletedProcess:
    """Run `claimledger ARGS` to its end in its own process."""
    return subprocess.run([sys.executable, "-m", "claimledger", *map(str, args)], capture_output=True,
                          text=True, env=CLI_ENV, preexec_fn=preexec_fn)


def start_cli(*args: str | Path) -> subprocess.Popen:
    """Start `claimledger ARGS` in a process group of its own (so its workers can be killed too)."""
    return subprocess.Popen([sys.executable, "-m", "claimledger", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=CLI_ENV, start_new_session=True)


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the process, then what is left of its group (analysis workers)."""
    os.kill(proc.pid, signal.SIGKILL)
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()


def kill_after(proc: subprocess.Popen, delay: float) -> bool:
    """SIGKILL the process (and its group) after ``delay`` seconds unless it ended first; return
    True when it was killed."""
    try:
        proc.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        return True
    return False


def kill_at_write(proc: subprocess.Popen, db: Path, nth: int, delay: float) -> bool:
    """SIGKILL the process (and its group) ``delay`` seconds after the ``nth`` write it begins
    (a burst of changes to the ledger's write-ahead log: a transaction being written or just
    committed), unless it ended first; return True when it was killed."""
    wal, seen, last, last_change = Path(f"{db}-wal"), 0, ..., 0.0
    while proc.poll() is None:  # the process loads its models first: the log is seen before it writes
        try:
            stat = wal.stat()
            now: tuple[int, int] | None = (stat.st_size, stat.st_mtime_ns)
        except FileNotFoundError:
            now = None
        if last is ...:
            last = now
        elif now != last:
            moment = time.monotonic()
            if now is not None and now[0] > 0 and moment - last_change > WRITE_BURST_GAP:
                seen += 1  # a new write (not the empty log a connection opens)
            last, last_change = now, moment
            if seen >= nth:
                return kill_later(proc, delay)
        time.sleep(0.001)
    return False


def kill_later(proc: subprocess.Popen, delay: float) -> bool:
    """SIGKILL the process (and its group) after ``delay`` seconds unless it ended by then (no wait
    for the end when it runs on); return True when it was killed."""
    time.sleep(delay)
    if proc.poll() is not None:
        return False
    kill_group(proc)
    return True


def kill_somewhen(proc: subprocess.Popen, db: Path, seconds: float, rng: random.Random, command: str) -> bool:
    """Kill at a random moment: half the time anywhere in a run as long as the clean one
    (``seconds``), half the time just after one of its first writes began (KILL_AT_WRITE)."""
    if rng.random() < 0.5:
        return kill_after(proc, rng.uniform(*KILL_AFTER) * seconds)
    writes, delay = KILL_AT_WRITE[command]
    nth = rng.randint(1, writes) + (not db.exists())  # a new ledger's first write is its schema
    return kill_at_write(proc, db, nth, rng.uniform(0, delay))


def no_write_access() -> None:
    """In a child process: take away the right to write files this user may not write. root
    ignores file modes, so it drops CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from its bounding
    set (the program then runs as root without them, as a plain user would)."""
    if os.geteuid() == 0:
        libc = ctypes.CDLL(None, use_errno=True)
        for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
            if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def write_access_refusal() -> str | None:
    """Return why ``no_write_access`` cannot work on this machine (None when it can)."""
    try:
        subprocess.run([sys.executable, "-c", "pass"], check=True, preexec_fn=no_write_access)
    except (subprocess.SubprocessError, OSError) as exc:
        return f"cannot drop the right to write every file here: {exc}"
    return None


def one_error_line(result: subprocess.CompletedProcess) -> str:
    """Return the single error line of a failed run, checking there is one and no traceback."""
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


# -- looking at a ledger -----------------------------------------------------------------------

# FTS5's own tables: how many rows they hold follows how the index was merged, not what it holds
FTS_SHADOW = re.compile(r"_fts_(data|idx|docsize|config|content)$")


def table_counts(db: Path | str) -> dict[str, int]:
    """Return the row count of every table of a ledger (SQLite path or PostgreSQL URL) but FTS5's
    own ({} when it has no schema yet)."""
    if isinstance(db, str):
        from sqlalchemy import inspect, text

        with ledger_engine(db) as engine, engine.connect() as conn:
            return {name: conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
                    for name in inspect(conn).get_table_names()}
    if not db.exists():
        return {}
    with closing(sqlite3.connect(db)) as raw:
        names = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: raw.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names
                if not FTS_SHADOW.search(name)}


def check_integrity(db: Path) -> None:
    """Assert SQLite's integrity check and the FTS indexes' are clean."""
    if not db.exists():
        return
    with closing(sqlite3.connect(db)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for fts in ("articles_fts", "claims_fts"):
            if fts in names:
                raw.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")


def records(db: Path | str) -> list[str]:
    """Return the ledger's records as `export --format jsonl` writes them (read in this process)."""
    from claimledger.export import write_records
    from claimledger.store import open_ledger

    if "schema_version" not in table_counts(db):
        return []
    stream = io.StringIO()
    with open_ledger(db) as ledger:
        write_records(ledger.iter_documents(), stream)
    return stream.getvalue().splitlines()


def canonical(value: Any) -> Any:
    """A value with every list sorted: story summaries list their links in the order the pairs
    were found, which differs between runs (string hashing); the set is what must not change."""
    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return sorted((canonical(item) for item in value), key=lambda item: json.dumps(item, sort_keys=True))
    return value


LINK_STATE_QUERIES = (
    "SELECT a_article, a_ord, b_article, b_ord, label, reason, score FROM claim_links",
    "SELECT id, summary FROM stories",
    "SELECT story_id, article_id, ord FROM story_claims",
    "SELECT article_id FROM linked_articles",
)


def link_state(db: Path | str) -> tuple:
    """Return what a link run writes as one value: the links, the stories (canonical), their
    memberships and the articles marked linked (of a SQLite path or a PostgreSQL URL)."""
    if isinstance(db, str):
        from sqlalchemy import text

        with ledger_engine(db) as engine, engine.connect() as conn:
            rows = [[tuple(r) for r in conn.execute(text(query))] for query in LINK_STATE_QUERIES]
    else:
        with closing(sqlite3.connect(db)) as raw:
            rows = [list(raw.execute(query)) for query in LINK_STATE_QUERIES]
    links, stories, members, linked = rows
    stories = [(story_id, json.dumps(canonical(json.loads(summary)), sort_keys=True))
               for story_id, summary in stories]
    return sorted(links), sorted(stories), sorted(members), sorted(r[0] for r in linked)


def remove_ledger(db: Path) -> None:
    for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        path.unlink(missing_ok=True)


def copy_ledger(source: Path, target: Path) -> Path:
    """Copy a closed SQLite ledger (WAL checkpointed) to ``target``; return it."""
    remove_ledger(target)
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class CleanRun:
    """The ledger of a run never killed: after ingest and after link, and how long each took."""

    inputs: list[str]
    ingested: Path
    linked: Path
    ingest_seconds: float
    link_seconds: float
    ingest_counts: dict[str, int]
    linked_counts: dict[str, int]
    export: str  # `export --format jsonl` of the linked ledger
    records: list[str]
    link_state: tuple


def make_clean_run(folder: Path) -> CleanRun:
    """Ingest the generated articles, the link fixtures and two bad inputs into a new ledger in
    ``folder``, then link it, timing both; return what a run never killed leaves."""
    corpus = folder / "generated.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in generated_articles(GENERATED_ARTICLES, KILL_SEED)),
                      encoding="utf-8")
    bad = folder / "bad"  # rejections are stored once as well
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00binary\x00")
    inputs = [str(corpus), str(ROOT / "tests/fixtures/link/articles.jsonl"), str(bad)]
    db = folder / "ledger.db"
    started = time.monotonic()
    result = cli("ingest", db, *inputs, "--workers", "1")
    ingest_seconds = time.monotonic() - started
    assert result.returncode == 3, result.stderr  # rejections among the inputs
    ingested = copy_ledger(db, folder / "ingested.db")
    started = time.monotonic()
    result = cli("link", db)
    link_seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    exported = cli("export", db, "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    counts = table_counts(ingested)
    assert counts["articles"] > 32 and counts["rejections"] == 2, counts
    state = link_state(db)
    assert len(state[0]) > 100 and len(state[1]) > 10, "the clean run links its claims into stories"
    return CleanRun(inputs, ingested, db, ingest_seconds, link_seconds, counts, table_counts(db),
                    exported.stdout, records(db), state)


