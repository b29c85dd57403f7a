"""The gazetteer's binary cache: the same gazetteer as the packaged file, rebuilt when that file changes."""
from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from claimledger.extract.places import gazetteer_cache as cache_module
from claimledger.extract.places.gazetteer import Gazetteer, gazetteer_bytes, load_gazetteer
from claimledger.extract.places.gazetteer_entries import parse_gazetteer
from claimledger.extract.places.gazetteer_cache import cache_path, read_tables, write_tables

HEADER = "id\tref\tlevel\tcategory\tname\tname_uk\tcountry\toblast\traion\tlat\tlon\tprecision\tpopulation\tkeys\tskeletons"
ROWS = [
    "UA63000000000041885\tUA63000000000041885\toblast\t\tKharkiv Oblast\tХарківська область\tUA\t"
    "UA63000000000041885\t\t49.99\t36.23\t\t2600000\tkharkiv oblast|харківська область\tharkiv oblast",
    "UA63140010010035757\tUA63140010010035757\tsettlement\tM\tVovchansk\tВовчанськ\tUA\tUA63000000000041885\t"
    "UA63140000000070311\t50.29\t36.94\t\t17000\tvovchansk|вовчанськ|волчанск\tvovcansk|вовчанськ",
    "geonames:1\t\tsettlement\tPPLA\tSpringfield\t\tUS\tgeonames:2\t\t39.8\t-89.6\t\t114000\tspringfield\tsprinfild",
]


def small_gazetteer_bytes(rows=ROWS) -> bytes:
    return gzip.compress(("\n".join([HEADER, *rows]) + "\n").encode("utf-8"))


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CLAIMLEDGER_CACHE_DIR", str(folder))
    return folder


def test_tables_read_back_make_the_same_gazetteer(cache_dir: Path):
    raw = small_gazetteer_bytes()
    tables = parse_gazetteer(raw)
    assert read_tables(raw) is None
    path = write_tables(raw, tables)
    assert path == cache_path(raw) and path.parent == cache_dir
    cached = Gazetteer.from_tables(read_tables(raw))
    parsed = Gazetteer.from_tables(tables)
    assert list(cached.entries) == list(parsed.entries) and len(cached.entries) == 3
    assert cached.division_ids == parsed.division_ids == {"geonames:2"}
    assert cached.lookup("Волчанск") == parsed.lookup("Волчанск") == [parsed.get("UA63140010010035757")]
    assert cached.lookup("Vovchansk")[0].oblast == "UA63000000000041885"
    assert cached.get("geonames:1").population == 114000 and cached.get("nope") is None


def test_a_changed_gazetteer_finds_no_cache_and_replaces_it(cache_dir: Path):
    raw = small_gazetteer_bytes()
    old = write_tables(raw, parse_gazetteer(raw))
    changed = small_gazetteer_bytes(ROWS[:2])
    assert cache_path(changed) != old and read_tables(changed) is None
    new = write_tables(changed, parse_gazetteer(changed))
    assert new.exists() and not old.exists()
    assert len(Gazetteer.from_tables(read_tables(changed)).entries) == 2


def test_a_damaged_or_unwritable_cache_is_ignored(cache_dir: Path, tmp_path: Path, monkeypatch):
    raw = small_gazetteer_bytes()
    path = write_tables(raw, parse_gazetteer(raw))
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    assert read_tables(raw) is None
    path.write_bytes(b"")
    assert read_tables(raw) is None
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("CLAIMLEDGER_CACHE_DIR", str(blocker / "cache"))
    assert write_tables(raw, parse_gazetteer(raw)) is None


def test_load_gazetteer_writes_the_cache_then_reads_it(cache_dir: Path, monkeypatch):
    load_gazetteer.cache_clear()
    try:
        first = load_gazetteer()
        assert cache_path(gazetteer_bytes()).exists()
        load_gazetteer.cache_clear()

        def no_parsing(raw):
            raise AssertionError("the cache should have been read")

        monkeypatch.setattr(cache_module, "parse_gazetteer", no_parsing)
        second = load_gazetteer()
        assert second is not first and len(second.entries) == len(first.entries) > 100_000
        for name in ("Kharkiv", "Вовчанськ", "Волчанске", "Washington", "Sofia"):
            assert second.lookup(name) == first.lookup(name)
        assert second.division_ids == first.division_ids
    finally:
        load_gazetteer.cache_clear()
