"""Read-only ledgers and store faults (issue 16): a copy the user may not write is read by every read
command and served; a store that cannot be used (read-only folder, missing folder, not a database, a
newer schema, a full disk) is one line on stderr, exit code 1, and the store is left as it was.
Every run is the real CLI in its own process (tests/fault_ledgers.py)."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

from conftest import start_ledger_server
from fault_ledgers import (CleanRun, check_integrity, cli, copy_ledger, digest, no_write_access,
                           one_error_line, records, table_counts, write_access_refusal)

pytestmark = [pytest.mark.faults, pytest.mark.model]
SERVED_ROUTES = ("/api/claims", "/api/stories", "/api/articles", "/api/places", "/", "/claims", "/stories")


@pytest.fixture(scope="module")
def clean(clean_run: CleanRun) -> CleanRun:
    return clean_run


@pytest.fixture(scope="module")
def read_only_possible() -> None:
    """Skip (with the reason) where a process cannot be kept from writing files (root without
    CAP_SETPCAP to drop its overrides)."""
    reason = write_access_refusal()
    if reason:
        pytest.skip(reason)


# -- read-only ledgers ---------------------------------------------------------------------------

@pytest.fixture
def read_only_copy(clean: CleanRun, tmp_path: Path, read_only_possible: None):
    """The clean ledger copied to a folder, then the file made 0444 and the folder 0555."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    db = copy_ledger(clean.linked, folder / "ledger.db")
    yield db
    folder.chmod(0o755)
    db.chmod(0o644)


def make_read_only(db: Path) -> str:
    db.chmod(0o444)
    db.parent.chmod(0o555)
    return digest(db)


def test_a_read_only_copy_can_be_read_by_every_read_command(read_only_copy: Path, clean: CleanRun):
    db = read_only_copy
    before = make_read_only(db)
    for args in (("summary", db), ("claims", db), ("stories", db), ("places", db, "Kupiansk"),
                 ("compare", db, clean.link_state[1][0][0])):
        result = cli(*args, preexec_fn=no_write_access)
        assert result.returncode == 0 and result.stdout, (args, result.stderr)
    exported = cli("export", db, "--format", "jsonl", preexec_fn=no_write_access)
    assert exported.returncode == 0 and exported.stdout == clean.export, exported.stderr
    server, url = start_ledger_server(db, log_dir=db.parent.parent, preexec_fn=no_write_access)
    try:
        for route in SERVED_ROUTES:
            with urllib.request.urlopen(url + route, timeout=60) as response:
                assert response.status == 200
    finally:
        server.terminate()
        server.wait()
    assert digest(db) == before and sorted(p.name for p in db.parent.iterdir()) == ["ledger.db"]
    refused = cli("ingest", db, *clean.inputs[1:2], preexec_fn=no_write_access)  # writing: one line
    assert "readonly" in one_error_line(refused) and digest(db) == before


def test_a_read_only_ledger_that_needs_an_upgrade_says_so_and_is_left_as_it_was(read_only_copy: Path):
    from claimledger.store import SCHEMA_VERSION

    db = read_only_copy
    with closing(sqlite3.connect(db)) as raw:  # as if written by the claimledger before the last migration
        raw.execute("DELETE FROM schema_version WHERE version = ?", (SCHEMA_VERSION,))
        raw.commit()
    before = make_read_only(db)
    line = one_error_line(cli("summary", db, preexec_fn=no_write_access))
    assert "needs an upgrade" in line and "read-only" in line, line
    assert digest(db) == before and sorted(p.name for p in db.parent.iterdir()) == ["ledger.db"]


# -- store faults ----------------------------------------------------------------------------------

def test_store_faults_are_one_line_and_leave_the_store_as_it_was(clean: CleanRun, tmp_path: Path,
                                                                  read_only_possible: None):
    """ingest into: a new ledger in a read-only folder, a missing folder, a file that is not a
    database, a ledger of a newer schema. (open_ledger's own errors: tests/test_store.py.)"""
    from claimledger.store import SCHEMA_VERSION

    small = clean.inputs[1]
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o555)
    line = one_error_line(cli("ingest", locked / "ledger.db", small, preexec_fn=no_write_access))
    assert "not writable" in line and "ledger.db" in line and list(locked.iterdir()) == []
    locked.chmod(0o755)
    line = one_error_line(cli("ingest", tmp_path / "no" / "such" / "ledger.db", small))
    assert "does not exist" in line and not (tmp_path / "no").exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"these are notes, not a database\n" * 200)
    before = digest(junk)
    line = one_error_line(cli("ingest", junk, small))
    assert "junk.db" in line and digest(junk) == before
    newer = copy_ledger(clean.ingested, tmp_path / "newer.db")
    with closing(sqlite3.connect(newer)) as raw:
        raw.execute("INSERT INTO schema_version VALUES (?, 'future', '2099-01-01')", (SCHEMA_VERSION + 1,))
        raw.commit()
    before = digest(newer)
    for args in (("ingest", newer, small), ("link", newer), ("summary", newer)):
        assert "newer than this claimledger" in one_error_line(cli(*args))
    assert digest(newer) == before


@pytest.fixture
def small_disk(tmp_path: Path):
    """A 3 MB tmpfs mounted for the test (root only; skipped where it cannot be mounted)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a full disk needs a small tmpfs: mount(8) as root")
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_full_disk_is_one_line_and_keeps_what_was_stored(clean: CleanRun, small_disk: Path):
    db = small_disk / "ledger.db"
    result = cli("ingest", db, clean.inputs[1], "--workers", "1")  # the link fixtures: a few articles
    assert result.returncode == 0, result.stderr
    stored = records(db)
    filler = small_disk / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:  # fill the disk to its last byte
        for size in (65536, 4096, 512, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                pass
    finally:
        os.close(fd)
    line = one_error_line(cli("ingest", db, *clean.inputs, "--workers", "1"))
    assert "full" in line, line
    filler.unlink()  # room to read it again (a check writes the WAL index)
    check_integrity(db)
    assert records(db) == stored  # the failed batch is gone, the earlier ones kept whole
    assert cli("ingest", db, *clean.inputs, "--workers", "1").returncode == 3  # and it resumes
    assert table_counts(db) == clean.ingest_counts and set(records(db)) == set(clean.records)


def test_a_read_only_copy_with_changes_in_its_log_is_read_with_them_or_refused_in_one_line(
        clean: CleanRun, tmp_path: Path, read_only_possible: None):
    """A copy of a ledger taken while its write-ahead log held a commit: read with the log when
    its index (-shm) came along, one line when it did not (SQLite cannot read the log without)."""
    live = copy_ledger(clean.linked, tmp_path / "live.db")
    with closing(sqlite3.connect(live)) as raw:
        raw.execute("PRAGMA wal_autocheckpoint = 0")
        raw.execute("INSERT INTO rejections (origin, line, reason, rejected_at) "
                    "VALUES ('late.txt', NULL, 'empty input', '2026-01-01')")
        raw.execute("UPDATE ledger_counts SET n = n + 1 WHERE name = 'rejections'")  # as the ledger does
        raw.commit()
        copies = {}
        for name, suffixes in (("with-index", ("", "-wal", "-shm")), ("log-only", ("", "-wal"))):
            folder = tmp_path / name
            folder.mkdir()
            for suffix in suffixes:
                shutil.copyfile(f"{live}{suffix}", folder / f"ledger.db{suffix}")
            copies[name] = folder / "ledger.db"
    try:
        for db in copies.values():
            for path in db.parent.iterdir():
                path.chmod(0o444)
            db.parent.chmod(0o555)
        result = cli("summary", copies["with-index"], preexec_fn=no_write_access)
        shown = " ".join(result.stdout.split())  # the summary line may wrap
        assert result.returncode == 0 and f"{clean.linked_counts['rejections'] + 1} rejections" in shown, \
            result.stdout + result.stderr
        line = one_error_line(cli("summary", copies["log-only"], preexec_fn=no_write_access))
        assert "write-ahead log" in line and "not writable" in line, line
    finally:
        for db in copies.values():
            db.parent.chmod(0o755)
