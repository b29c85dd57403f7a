"""The gazetteer's entries and the tables they are read from: the packaged TSV parsed into one column per
``Entry`` field and name indexes (``parse_gazetteer``), with entries made only when first asked for
(``LazyEntries``). ``gazetteer.py`` looks names up in them and picks among candidates.
"""
from __future__ import annotations

import gzip
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


# KATOTTG categories of cities (city, special-status city), as opposed to selyshche (X) and village (C).
CITY_CATEGORIES = frozenset({"M", "K"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer unit: a Ukrainian settlement/hromada/raion/oblast, a border place, a country, ..."""

    id: str
    ref: str | None  # KATOTTG code, "geonames:<id>" for Russian border places, None otherwise
    level: str  # settlement | hromada | raion | oblast | country | region
    name: str  # canonical English name
    name_uk: str | None = None
    category: str | None = None
    country: str | None = None
    oblast: str | None = None
    raion: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    population: int | None = None

    @property
    def place_level(self) -> str:
        """The level in the record format (hromadas count as regions)."""
        return "region" if self.level == "hromada" else self.level

    @property
    def point(self) -> tuple[float, float] | None:
        """Coordinates fit to publish: never the approximate hromada centre (the web view draws a
        settlement there, marked approximate: ``approximate_points.py``)."""
        if self.lat is None or self.precision == "hromada_centre_approx":
            return None
        return (self.lat, self.lon)


# The fields of an Entry in order: the columns of the gazetteer's tables.
ENTRY_FIELDS = ("id", "ref", "level", "name", "name_uk", "category", "country", "oblast", "raion", "lat", "lon",
                "precision", "population")


class LazyEntries(Sequence):
    """The gazetteer's entries held as columns (one list per Entry field); each ``Entry`` is made the first
    time it is asked for, so loading does not build ~108k objects that most runs never read."""

    def __init__(self, columns: Sequence[list]):
        self._columns = tuple(columns)
        self._made: list[Entry | None] = [None] * len(self._columns[0])

    def __len__(self) -> int:
        return len(self._made)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        entry = self._made[index]
        if entry is None:
            entry = self._made[index] = Entry(*(column[index] for column in self._columns))
        return entry

    def __iter__(self) -> Iterator[Entry]:
        return (self[i] for i in range(len(self)))

    def column(self, name: str) -> list:
        """One field of every entry, in order (no Entry made)."""
        return self._columns[ENTRY_FIELDS.index(name)]


@dataclass
class GazetteerTables:
    """What a Gazetteer is made of, in plain lists and dicts (what the binary cache stores): one column per
    Entry field, the exact-name and skeleton indexes (key -> entry index or list of them) and the ids of
    the world first-level divisions."""

    columns: list[list]
    exact: dict[str, int | list[int]]
    skeletons: dict[str, int | list[int]]
    division_ids: list[str]


def division_ids_of(entries: Sequence[Entry]) -> frozenset[str]:
    """World first-level divisions that world cities point to (Ukrainian oblasts carry refs instead)."""
    return frozenset(e.oblast for e in entries if e.oblast and e.ref is None and e.country != "UA")


def name_index(keys_per_entry: list[list[str]]) -> dict[str, int | list[int]]:
    """key -> entry index, or a list of them for shared keys (a bare int saves memory: most are unique)."""
    index: dict[str, int | list[int]] = {}
    for i, keys in enumerate(keys_per_entry):
        for key in keys:
            bucket = index.get(key)
            if bucket is None:
                index[key] = i
            elif isinstance(bucket, int):
                if bucket != i:
                    index[key] = [bucket, i]
            elif bucket[-1] != i:
                bucket.append(i)
    return index


def _float(value: str) -> float | None:
    return float(value) if value else None


# Columns with few distinct values (levels, countries, oblast codes...), kept as one object per value.
SHARED_COLUMNS = frozenset(ENTRY_FIELDS.index(name) for name in
                           ("ref", "level", "category", "country", "oblast", "raion", "precision"))


def parse_gazetteer(raw: bytes) -> GazetteerTables:
    """The tables of the packaged gazetteer file (``DATA_FILE``'s gzipped TSV bytes)."""
    lines = gzip.decompress(raw).decode("utf-8").splitlines()
    header = lines[0].split("\t")
    col = {name: i for i, name in enumerate(header)}
    columns: list[list] = [[] for _ in ENTRY_FIELDS]
    shared: dict[str, str] = {}  # one object per distinct short value: a smaller, faster cache
    keys, skeletons = [], []
    for line in lines[1:]:
        f = line.split("\t")
        values = (
            f[col["id"]], f[col["ref"]] or None, f[col["level"]], f[col["name"]],
            f[col["name_uk"]] or None, f[col["category"]] or None,
            f[col["country"]] or None, f[col["oblast"]] or None,
            f[col["raion"]] or None, _float(f[col["lat"]]), _float(f[col["lon"]]),
            f[col["precision"]] or None,
            int(float(f[col["population"]])) if f[col["population"]] else None,
        )
        for i, (column, value) in enumerate(zip(columns, values)):
            column.append(shared.setdefault(value, value) if i in SHARED_COLUMNS and value else value)
        keys.append(f[col["keys"]].split("|"))
        skeletons.append(f[col["skeletons"]].split("|") if f[col["skeletons"]] else [])
    entries = LazyEntries(columns)
    return GazetteerTables(columns, name_index(keys), name_index(skeletons), sorted(division_ids_of(entries)))
