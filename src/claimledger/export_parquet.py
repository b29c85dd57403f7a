"""Parquet export for research: one typed table per kind of row (docs/parquet.md).

``export_parquet(ledger, folder)`` writes ``claims``, ``events``, ``places``, ``links``, ``stories``
and ``story_claims`` as ``<table>.parquet`` files in a new or empty folder; with
``partition_by="month"`` the first three are hive-partitioned datasets instead
(``claims/month=2024-02/part-0.parquet``; ``month=undated`` for rows without a date). Claims,
events and places come from one pass over the stored documents (a page of articles at a time);
claims get the columns of the CSV export (export.claim_columns) with lists kept as lists.
Links and stories are read a page at a time. Rows are written in record batches: memory holds
one page of documents and, per table, at most :data:`CONVERT_ROWS` rows as dicts and
:data:`MAX_BUFFERED_BYTES` of Arrow batches.
"""
from __future__ import annotations

import json
import re
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from .claims import date_bounds, describe_claims, describe_events
from .errors import ExportError
from .export import CLAIM_CSV_COLUMNS, claim_columns
from .models import AnalysedDocument
from .store.stories import story_contradictions

PARTITIONS = ("month",)
UNDATED = "undated"  # the month partition of rows without any date
CONVERT_ROWS = 2_000  # rows of one table held as Python dicts before they become Arrow batches
BATCH_ROWS = 10_000  # rows of a partition written together (one Parquet row group)
MAX_BUFFERED_BYTES = 16 << 20  # Arrow bytes held for one table before every partition is written
MAX_OPEN_FILES = 200  # partition files kept open per table; the least recently used is closed
COMPRESSION = "zstd"
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def _types() -> dict[str, Any]:
    import pyarrow as pa

    return {"string": pa.string(), "int32": pa.int32(), "int64": pa.int64(),
            "float64": pa.float64(), "date": pa.date32(), "bool": pa.bool_(),
            "list<string>": pa.list_(pa.string()), "list<int64>": pa.list_(pa.int64())}


# Every table's columns: (name, type, meaning). docs/parquet.md lists the same (a test compares).
_ARTICLE_COLUMNS = (
    ("outlet", "string", "the article's outlet"),
    ("language", "string", "the article's language code (en, ru, uk, ...)"),
    ("published", "string", "the article's publication date or date-time as the source gave it (ISO 8601)"),
    ("published_date", "date", "the day of `published` as written there (no time-zone shift); null without one"),
)
_CLAIM_TYPES = {"hedges": "list<string>", "event_quantities": "list<int64>", "date": "date",
                "headline": "bool"}
_CLAIM_MEANINGS = {
    "claim": "the claim's id in its article: the attribution id (a1), a1.<n> for the n-th sentence of a long "
    "one, e<n> for the events the outlet asserts in one sentence, h.<id> for a headline's claims",
    "attribution": "the attribution the claim is (or is a sentence of); null for an outlet-asserted event",
    "headline": "true when the claim is made in the article's headline",
    "article_id": "the article it was reported in",
    "outlet": "the article's outlet", "published": _ARTICLE_COLUMNS[2][2],
    "language": "the article's language code", "title": "the article's title", "url": "the article's URL",
    "date": "the first day the claim is about: its events' dates, else the article's publication day",
    "speaker": "who makes the claim, canonical name (null: the outlet itself)",
    "speaker_role": "the speaker's role or body when no name is given",
    "source": "the source as written in the text", "cue": "the reporting verb or phrase (said, according to)",
    "content": "what is claimed: the attributed content, or the sentence of an outlet-asserted event",
    "kind": "direct, indirect, mixed or according_to (null for an outlet-asserted event)",
    "parent": "the attribution this one is nested in (a re-reported source)",
    "hedges": "hedging words around the claim", "evidentiality": "reported, claimed, alleged, denied, warned, "
    "believed or directive (null for an outlet-asserted event)",
    "event_types": "the type of each event of the claim, in order",
    "event_triggers": "the trigger word of each event", "event_places": "every place name of every event",
    "event_whens": "each event's date as extracted (ISO date, month, year or start/end), null when none",
    "event_quantities": "each event's count (killed, wounded, drones ...), null when none",
    "event_polarities": "asserted or denied, per event", "event_modalities": "factual, future or "
    "hypothetical, per event",
    "place_names": "the places the claim mentions (name, else the text)",
    "place_refs": "their gazetteer refs (KATOTTG code or geonames:<id>), null when unresolved",
}
_CLAIM_EXTRA = {  # inserted after the CSV column named
    "article_id": ("ord", "int32", "the claim's position among its article's claims: (article_id, ord) "
                   "is the key that links and story_claims use"),
    "published": ("published_date", "date", _ARTICLE_COLUMNS[3][2]),
    "date": ("date_end", "date", "the last day the claim is about"),
}


def _claim_columns() -> tuple[tuple[str, str, str], ...]:
    columns = []
    for name in CLAIM_CSV_COLUMNS:
        kind = _CLAIM_TYPES.get(name, "list<string>" if name.startswith(("event_", "place_")) else "string")
        columns.append((name, kind, _CLAIM_MEANINGS[name]))
        if name in _CLAIM_EXTRA:
            columns.append(_CLAIM_EXTRA[name])
    return tuple(columns)


TABLES: dict[str, tuple[tuple[str, str, str], ...]] = {
    "claims": _claim_columns(),
    "events": (
        ("article_id", "string", "the article it was reported in"),
        ("ord", "int32", "the event's position in its article's events"),
        ("type", "string", "territory_control, withdrawal, attack_repelled, strike, clash, casualties, "
         "security_zone, evacuation, negotiation or other"),
        ("trigger", "string", "the word that reports the event"),
        ("trigger_start", "int32", "character offset of the trigger in the article text"),
        ("trigger_end", "int32", "character offset just past the trigger"),
        ("actor", "string", "who acted, as extracted"), ("target", "string", "what was acted on"),
        ("places", "list<string>", "the event's place names"),
        ("place_refs", "list<string>", "the event's places as stored: gazetteer refs, or names without one"),
        ("quantity", "int64", "the count reported (killed, wounded, drones ...), null when none"),
        ("when", "string", "the event's date as extracted: ISO date, month, year or start/end"),
        ("when_start", "date", "the first day `when` covers"), ("when_end", "date", "the last day `when` covers"),
        ("claimed_by", "string", "the attribution (claims.claim) that claims it; null when the outlet asserts it"),
        ("polarity", "string", "asserted or denied"), ("modality", "string", "factual, future or hypothetical"),
        *_ARTICLE_COLUMNS,
    ),
    "places": (
        ("article_id", "string", "the article the place is mentioned in"),
        ("ord", "int32", "the mention's position in its article's places"),
        ("text", "string", "the mention as written"),
        ("name", "string", "canonical English name of the resolved place"),
        ("ref", "string", "gazetteer ref: KATOTTG code or geonames:<id>; null when unresolved"),
        ("level", "string", "settlement, raion, oblast, country or region"),
        ("lat", "float64", "latitude (WGS 84) of the resolved place"),
        ("lon", "float64", "longitude (WGS 84)"),
        ("span_start", "int32", "character offset of the mention in the article text"),
        ("span_end", "int32", "character offset just past the mention"),
        ("candidates", "list<string>", "refs still in play when the name is ambiguous"),
        *_ARTICLE_COLUMNS,
    ),
    "links": (
        ("a_article", "string", "the first claim's article"), ("a_ord", "int32", "the first claim's ord"),
        ("b_article", "string", "the second claim's article"), ("b_ord", "int32", "the second claim's ord"),
        ("label", "string", "repeat, agree or contradict"),
        ("score", "float64", "the classifier's confidence in the label (0 to 1)"),
        ("reason", "string", "why, in words"),
    ),
    "stories": (
        ("id", "string", "the story id (as in `claimledger compare`)"),
        ("kind", "string", "event (one event: type, place, time window) or statement"),
        ("title", "string", "the story's title"),
        ("first_date", "date", "the first day the story covers"), ("last_date", "date", "the last day"),
        ("claims", "int32", "how many claims it holds"),
        ("independent_sources", "int32", "its independent sources (re-reports of one source count once)"),
        ("contradictions", "int32", "contradict links between its claims"),
        ("contested", "bool", "whether it has a contradiction"),
        ("types", "list<string>", "its event types, the most reported first"),
        ("places", "list<string>", "its place names, the most reported first"),
        ("sides", "list<string>", "the sides its claims come from (russia, ukraine, ...)"),
    ),
    "story_claims": (
        ("story_id", "string", "the story (stories.id)"),
        ("article_id", "string", "the claim's article"), ("ord", "int32", "the claim's ord"),
        ("side", "string", "the side of the claim's source"), ("camp", "string", "russia, ukraine or other"),
    ),
}
PARTITIONED = ("claims", "events", "places")  # the tables --partition-by splits


def table_schema(name: str) -> Any:
    """Return the pyarrow schema of a table, each field's meaning in its metadata."""
    import pyarrow as pa

    types = _types()
    return pa.schema([pa.field(column, types[kind], metadata={"description": meaning})
                      for column, kind, meaning in TABLES[name]])


def _day(value: str | None) -> date | None:
    if not value or not _ISO_DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _month(day: date | None) -> str:
    return f"{day.year:04d}-{day.month:02d}" if day else UNDATED


def _article_values(doc: AnalysedDocument) -> dict[str, Any]:
    article = doc.article
    return {"outlet": article.outlet, "language": article.language, "published": article.published,
            "published_date": _day(article.published)}


def claim_rows(doc: AnalysedDocument) -> Iterable[dict[str, Any]]:
    """Yield a document's ``claims`` rows: the CSV export's columns, typed."""
    for ord_, claim in enumerate(describe_claims(doc)):
        row = claim_columns(claim["view"])
        row.update(ord=ord_, published_date=_day(row["published"]), date=_day(claim["row"]["date_start"]),
                   date_end=_day(claim["row"]["date_end"]))
        yield row


def event_rows(doc: AnalysedDocument) -> Iterable[dict[str, Any]]:
    """Yield a document's ``events`` rows."""
    article = _article_values(doc)
    for ord_, (event, view) in enumerate(zip(doc.events, describe_events(doc))):
        bounds = date_bounds(event.when) or (None, None)
        yield {"article_id": doc.article.id, "ord": ord_, "type": event.type, "trigger": view["trigger"],
               "trigger_start": event.trigger[0], "trigger_end": event.trigger[1], "actor": event.actor,
               "target": event.target, "places": view["places"], "place_refs": list(event.places),
               "quantity": event.quantity, "when": event.when, "when_start": _day(bounds[0]),
               "when_end": _day(bounds[1]), "claimed_by": event.claimed_by, "polarity": event.polarity,
               "modality": event.modality, **article}


def place_rows(doc: AnalysedDocument) -> Iterable[dict[str, Any]]:
    """Yield a document's ``places`` rows."""
    article = _article_values(doc)
    for ord_, place in enumerate(doc.places):
        yield {"article_id": doc.article.id, "ord": ord_, "text": place.text, "name": place.name,
               "ref": place.ref, "level": place.level, "lat": place.lat, "lon": place.lon,
               "span_start": place.span[0], "span_end": place.span[1],
               "candidates": list(place.candidates), **article}


def story_rows(summary: Mapping[str, Any]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Return a story summary's ``stories`` row and its ``story_claims`` rows."""
    claims = summary.get("claims") or []
    contradictions = story_contradictions(summary)
    row = {"id": summary["id"], "kind": summary.get("kind"), "title": summary.get("title"),
           "first_date": _day(summary.get("first_date")), "last_date": _day(summary.get("last_date")),
           "claims": len(claims), "independent_sources": summary.get("independent_sources"),
           "contradictions": contradictions, "contested": bool(contradictions),
           "types": list(summary.get("types") or {}), "places": list(summary.get("places") or {}),
           "sides": list(summary.get("sides") or {})}
    members = {(c["article_id"], c["ord"]): c for c in claims}
    return row, [{"story_id": summary["id"], "article_id": a, "ord": o, "side": c.get("side"),
                  "camp": c.get("camp")} for (a, o), c in members.items()]


class _Table:
    """One table being written, to ``<name>.parquet`` or (partitioned)
    ``<name>/month=<YYYY-MM>/part-<n>.parquet``. Rows are held as dicts until there are
    :data:`CONVERT_ROWS`, then kept per partition as Arrow record batches (compact), and a partition
    is written as one row group once it holds :data:`BATCH_ROWS` rows, or every partition once the
    batches take :data:`MAX_BUFFERED_BYTES`."""

    def __init__(self, folder: Path, name: str, partitioned: bool):
        self.folder, self.name, self.partitioned = folder, name, partitioned
        self.schema = table_schema(name)
        self.pending: dict[str, list[dict[str, Any]]] = {}  # rows not yet converted, per partition
        self.batches: dict[str, list[Any]] = {}  # converted, not yet written, per partition
        self.writers: OrderedDict[str, Any] = OrderedDict()  # least recently used first
        self.parts: dict[str, int] = {}  # files opened so far per partition
        self.pending_rows = self.buffered_bytes = self.rows = 0

    def add(self, row: dict[str, Any], month: str = UNDATED) -> None:
        self.pending.setdefault(month if self.partitioned else "", []).append(row)
        self.pending_rows += 1
        if self.pending_rows >= CONVERT_ROWS:
            self._convert()

    def _convert(self) -> None:
        import pyarrow as pa

        for key, rows in self.pending.items():
            batch = pa.RecordBatch.from_pylist(rows, schema=self.schema)
            self.batches.setdefault(key, []).append(batch)
            self.buffered_bytes += batch.nbytes
        self.pending, self.pending_rows = {}, 0
        full = self.buffered_bytes >= MAX_BUFFERED_BYTES
        for key in list(self.batches):
            if full or sum(b.num_rows for b in self.batches[key]) >= BATCH_ROWS:
                self._write(key)

    def _writer(self, key: str) -> Any:
        import pyarrow.parquet as pq

        if key in self.writers:
            self.writers.move_to_end(key)
            return self.writers[key]
        if len(self.writers) >= MAX_OPEN_FILES:
            self.writers.popitem(last=False)[1].close()
        if self.partitioned:
            part = self.parts.get(key, 0)
            self.parts[key] = part + 1
            path = self.folder / self.name / f"month={key}" / f"part-{part}.parquet"
            path.parent.mkdir(parents=True, exist_ok=True)
        else:
            path = self.folder / f"{self.name}.parquet"
        writer = self.writers[key] = pq.ParquetWriter(path, self.schema, compression=COMPRESSION)
        return writer

    def _write(self, key: str) -> None:
        import pyarrow as pa

        batches = self.batches.pop(key, [])
        if batches:
            table = pa.Table.from_batches(batches, schema=self.schema)
            self._writer(key).write_table(table, row_group_size=table.num_rows)
            self.buffered_bytes -= sum(b.nbytes for b in batches)
            self.rows += table.num_rows

    def close(self, *, complete: bool = True) -> int:
        """Write what is held (unless the export failed: not ``complete``), close the files and
        return the rows written."""
        if complete:
            self._convert()
            for key in list(self.batches):
                self._write(key)
        if not self.partitioned and not self.writers and not self.rows:  # an empty file with the schema
            self._writer("")
        elif self.partitioned and not self.parts:
            (self.folder / self.name).mkdir(exist_ok=True)
        while self.writers:
            self.writers.popitem(last=False)[1].close()
        return self.rows


def prepare_folder(folder: str | Path) -> Path:
    """Return the output folder, made when missing; ExportError unless it is new or empty and
    its parent exists."""
    path = Path(folder).expanduser()
    if path.exists() and not path.is_dir():
        raise ExportError(f"cannot write Parquet tables to {path}: it is a file (give a new or empty folder)")
    if path.is_dir():
        if any(path.iterdir()):
            raise ExportError(f"cannot write Parquet tables to {path}: the folder is not empty "
                              "(give a new or empty folder)")
        return path
    if not path.parent.is_dir():
        raise ExportError(f"cannot create folder {path}: folder {path.parent} does not exist")
    try:
        path.mkdir()
    except OSError as exc:
        raise ExportError(f"cannot create folder {path}: {exc.strerror or exc}") from exc
    return path


def export_parquet(ledger: Any, folder: str | Path, *, partition_by: str | None = None) -> dict[str, int]:
    """Write the ledger's tables as Parquet into ``folder`` (new or empty); return rows per table.

    ``partition_by="month"`` writes claims, events and places as hive-partitioned datasets by the
    month of the claim's date, the event's date (else the article's) and the article's date.
    """
    if partition_by not in (None, *PARTITIONS):
        raise ExportError(f"cannot partition by {partition_by!r}: only by {', '.join(PARTITIONS)}")
    try:
        import pyarrow  # noqa: F401  (a dependency: its absence is a broken install)
    except ImportError as exc:
        raise ExportError(f"the Parquet export needs pyarrow: {exc}") from exc
    path = prepare_folder(folder)
    try:
        return _write_tables(ledger, path, partition_by is not None)
    except OSError as exc:
        raise ExportError(f"cannot write Parquet tables to {path}: {exc.strerror or exc}") from exc


def _write_tables(ledger: Any, path: Path, partitioned: bool) -> dict[str, int]:
    from .store.paging import iter_table_pages

    tables = {name: _Table(path, name, partitioned and name in PARTITIONED) for name in TABLES}
    complete = False
    try:
        for doc in ledger.iter_documents():
            published = _month(_day(doc.article.published))
            for row in claim_rows(doc):
                tables["claims"].add(row, _month(row["date"]))  # the publication day without event dates
            for row in event_rows(doc):
                tables["events"].add(row, _month(row["when_start"]) if row["when_start"] else published)
            for row in place_rows(doc):
                tables["places"].add(row, published)
        link_columns = [column for column, _, _ in TABLES["links"]]
        for page in iter_table_pages(ledger, "claim_links", link_columns):
            for row in page:
                tables["links"].add(row)
        for page in iter_table_pages(ledger, "stories", ["summary"]):
            for row in page:
                story, members = story_rows(json.loads(row["summary"]))
                tables["stories"].add(story)
                for member in members:
                    tables["story_claims"].add(member)
        complete = True
    finally:
        counts = {name: table.close(complete=complete) for name, table in tables.items()}
    return counts
