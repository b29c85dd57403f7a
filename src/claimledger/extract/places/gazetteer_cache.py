"""A binary cache of the gazetteer's tables: a process reads them in a fraction of the time parsing takes.

The first ``load_gazetteer()`` on a machine parses the packaged TSV (seconds) and writes its tables here
with ``marshal``; later processes read that file. Where: ``$CLAIMLEDGER_CACHE_DIR``, else
``$XDG_CACHE_HOME/claimledger``, else ``~/.cache/claimledger``. The file name carries a digest of the
packaged gazetteer's bytes, the cache format and the Python version (marshal's format is Python's own), so
a changed gazetteer or Python finds no file of its name and builds a new one; the files of older ones are
removed then. The file starts with a digest of the rest: a damaged file is ignored and rewritten. A folder
that cannot be written (a read-only home) is no error: the gazetteer is parsed each time instead.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

from .gazetteer import gazetteer_bytes
from .gazetteer_entries import ENTRY_FIELDS, GazetteerTables, parse_gazetteer

# Bump when the tables change shape (GazetteerTables, ENTRY_FIELDS or their meaning).
CACHE_FORMAT = 1
PREFIX = "gazetteer-"
DIGEST_SIZE = 16


def cache_dir() -> Path:
    """The folder the cache lives in."""
    if os.environ.get("CLAIMLEDGER_CACHE_DIR"):
        return Path(os.environ["CLAIMLEDGER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "claimledger"


def cache_path(raw: bytes) -> Path:
    """The cache file for the gazetteer file whose bytes are ``raw``."""
    source = hashlib.blake2b(raw, digest_size=DIGEST_SIZE).hexdigest()
    python = f"py{sys.version_info[0]}{sys.version_info[1]}"
    return cache_dir() / f"{PREFIX}{source}-v{CACHE_FORMAT}-{python}.bin"


def read_tables(raw: bytes) -> GazetteerTables | None:
    """The cached tables of the gazetteer file ``raw``, or None when there is no sound cache of it."""
    try:
        data = cache_path(raw).read_bytes()
    except OSError:
        return None
    digest, payload = data[:DIGEST_SIZE], data[DIGEST_SIZE:]
    if hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() != digest:
        return None
    try:
        columns, exact, skeletons, division_ids = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    if (len(columns) != len(ENTRY_FIELDS) or len({len(c) for c in columns}) != 1
            or not isinstance(exact, dict) or not isinstance(skeletons, dict)):
        return None
    return GazetteerTables(list(columns), exact, skeletons, list(division_ids))


def write_tables(raw: bytes, tables: GazetteerTables) -> Path | None:
    """Write the tables of the gazetteer file ``raw`` to the cache (atomically); return the file, or None
    when the cache folder cannot be written. Cache files of other gazetteers or formats are removed."""
    path = cache_path(raw)
    payload = marshal.dumps((tables.columns, tables.exact, tables.skeletons, tables.division_ids))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-" + PREFIX, delete=False) as handle:
            handle.write(hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest())
            handle.write(payload)
        os.replace(handle.name, path)
    except OSError:
        try:
            os.unlink(handle.name)
        except (OSError, UnboundLocalError):
            pass
        return None
    for old in path.parent.glob(PREFIX + "*.bin"):
        if old != path:
            try:
                old.unlink()
            except OSError:
                pass
    return path


def load_tables() -> GazetteerTables:
    """The tables of the packaged gazetteer: from the cache when it holds this very file, else parsed
    from the file (and then written to the cache)."""
    raw = gazetteer_bytes()
    tables = read_tables(raw)
    if tables is None:
        tables = parse_gazetteer(raw)
        write_tables(raw, tables)
    return tables
