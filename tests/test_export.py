"""Exports parse back: JSONL records, the claims CSV, the places GeoJSON and the Parquet tables."""
from __future__ import annotations

import csv
import dataclasses
import datetime
import io
import json
import re
from pathlib import Path

import pytest

from claimledger.export import (
    CLAIM_CSV_COLUMNS,
    write_claims_csv,
    write_places_geojson,
    write_records,
)
from claimledger.errors import ExportError
from claimledger.export_parquet import TABLES, export_parquet, table_schema
from claimledger.models import AnalysedDocument, Article, Attribution, Event, Place
from claimledger.record import document_from_record, document_to_record
from claimledger.store import open_ledger

AVDIIVKA = "UA14020010010088101"


def at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def report() -> AnalysedDocument:
    text = ("Ukraine's army said it withdrew from Avdiivka, an alleged \"tactical\" move. "
            "Russian forces struck Avdiivka and Donetsk Oblast overnight.")
    article = Article(id="r-1", text=text, outlet="Daily, \"Kyiv\"", published="2024-02-17",
                      language="en", title="Withdrawal; strikes")
    attribution = Attribution(id="a1", content=at(text, "it withdrew from Avdiivka"),
                              kind="indirect", source=at(text, "Ukraine's army"),
                              speaker="Armed Forces of Ukraine", cue=at(text, "said"),
                              hedges=("alleged", "tactical"))
    places = (
        Place(span=at(text, "Avdiivka"), text="Avdiivka", ref=AVDIIVKA, name="Avdiivka",
              lat=48.1394, lon=37.7497, level="settlement"),
        Place(span=(text.rindex("Avdiivka"), text.rindex("Avdiivka") + 8), text="Avdiivka",
              ref=AVDIIVKA, name="Avdiivka", lat=48.1394, lon=37.7497, level="settlement"),
        Place(span=at(text, "Donetsk Oblast"), text="Donetsk Oblast", ref="UA14000000000091971",
              name="Donetsk Oblast", level="oblast"),  # no coordinates: not on the map
    )
    events = (
        Event(type="withdrawal", trigger=at(text, "withdrew"), actor="Ukraine",
              places=(AVDIIVKA,), when="2024-02-17", claimed_by="a1"),
        Event(type="strike", trigger=at(text, "struck"), actor="Russia",
              places=(AVDIIVKA, "UA14000000000091971"), quantity=2),
    )
    return AnalysedDocument(article, (attribution,), places, events)


def empty_report() -> AnalysedDocument:
    return AnalysedDocument(Article(id="r-2", text="Nothing new.", language="en"))


def test_records_parse_back():
    out = io.StringIO()
    docs = [report(), empty_report()]
    assert write_records(iter(docs), out) == 2
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert records == [document_to_record(d) for d in docs]
    assert [document_from_record(r) for r in records] == docs


@pytest.fixture()
def claim_rows(tmp_path):
    with open_ledger(tmp_path / "ledger.db") as ledger:
        ledger.save_documents([report(), empty_report()], ["f1", "f2"])
        yield ledger.find_claims(limit=None)


def test_claims_csv_parses_back(claim_rows):
    out = io.StringIO()
    assert write_claims_csv(claim_rows, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2 and list(rows[0]) == list(CLAIM_CSV_COLUMNS)
    by_claim = {row["claim"]: row for row in rows}
    said = by_claim["a1"]
    assert said["hedges"] == "alleged; tactical"
    assert said["content"] == "it withdrew from Avdiivka"
    assert said["event_types"] == "withdrawal" and said["event_whens"] == "2024-02-17"
    assert said["outlet"] == 'Daily, "Kyiv"'
    strike = by_claim["e2"]
    assert strike["speaker"] == "" and strike["event_quantities"] == "2"
    assert strike["event_places"] == "Avdiivka; Donetsk Oblast"
    assert strike["place_refs"] == f"{AVDIIVKA}; UA14000000000091971"


def test_claims_csv_accepts_sparse_rows():
    out = io.StringIO()
    assert write_claims_csv([{"claim": "a1", "content": "line one\nline two"}], out) == 1
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["content"] == "line one\nline two"
    assert row["event_types"] == "" and row["speaker"] == ""


def test_places_geojson_parses_back():
    out = io.StringIO()
    assert write_places_geojson([report(), empty_report()], out) == 1
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    (feature,) = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [37.7497, 48.1394]}
    props = feature["properties"]
    assert props["article_id"] == "r-1" and props["ref"] == AVDIIVKA
    assert props["level"] == "settlement" and props["published"] == "2024-02-17"
    assert props["approximate"] is False
    assert props["mentions"] == ["Avdiivka", "Avdiivka"]
    assert props["event_types"] == ["withdrawal", "strike"]
    assert props["claimants"] == ["Armed Forces of Ukraine", 'Daily, "Kyiv"']


def test_a_settlement_located_by_its_hromada_is_exported_at_that_approximate_point():
    text = "Russian forces stormed Robotyne."
    doc = AnalysedDocument(Article(id="r-3", text=text, language="en"), places=(
        Place(span=at(text, "Robotyne"), text="Robotyne", ref="UA23100270150025192", name="Robotyne",
              level="settlement"),))  # the record gives no coordinates: the gazetteer has only its hromada's
    out = io.StringIO()
    assert write_places_geojson([doc], out) == 1
    (feature,) = json.loads(out.getvalue())["features"]
    assert feature["properties"]["approximate"] is True
    lon, lat = feature["geometry"]["coordinates"]
    assert lat == pytest.approx(47.26, abs=0.1) and lon == pytest.approx(35.70, abs=0.1)


def test_empty_geojson_is_valid():
    out = io.StringIO()
    assert write_places_geojson([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


# -- Parquet ------------------------------------------------------------------------------------

def later_reports() -> list[AnalysedDocument]:
    """report() again in another month (a date-time) and without any date (the undated partition)."""
    doc = report()
    dated = dataclasses.replace(doc.article, id="r-3", published="2023-11-05T08:00:00Z")
    undated = dataclasses.replace(doc.article, id="r-4", published=None)
    no_when = tuple(dataclasses.replace(e, when=None) for e in doc.events)
    return [dataclasses.replace(doc, article=dated), dataclasses.replace(doc, article=undated, events=no_when)]


@pytest.fixture()
def parquet_ledger(tmp_path):
    """The small ledger of the tests above, in three months, with two links and a story."""
    with open_ledger(tmp_path / "ledger.db") as ledger:
        ledger.save_documents([report(), empty_report(), *later_reports()], ["f1", "f2", "f3", "f4"])
        ledger.save_links([{"a_article": "r-1", "a_ord": 0, "b_article": "r-3", "b_ord": 0, "label": "repeat",
                            "reason": "copied text", "score": 0.97},
                           {"a_article": "r-1", "a_ord": 1, "b_article": "r-4", "b_ord": 1,
                            "label": "contradict", "reason": "counts differ", "score": 0.6}], ["r-1", "r-3"])
        ledger.replace_stories([{"id": "s1", "kind": "event", "title": "withdrawal at Avdiivka",
                                 "first_date": "2024-02-17", "last_date": "2024-02-17",
                                 "types": {"withdrawal": 2}, "places": {"Avdiivka": 2},
                                 "sides": {"ukraine_official": {}}, "independent_sources": 1,
                                 "contradictions": 0, "claims": [
                                     {"article_id": "r-1", "ord": 0, "side": "ukraine_official", "camp": "ukraine"},
                                     {"article_id": "r-3", "ord": 0, "side": "ukraine_official", "camp": "ukraine"}]}])
        yield ledger


def csv_cell(value) -> str:
    """A Parquet value as the CSV export writes it."""
    if isinstance(value, list):
        return "; ".join(csv_cell(v) for v in value if v is not None and v != "")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else str(value)


def test_parquet_tables_round_trip_with_types(parquet_ledger, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    counts = export_parquet(parquet_ledger, tmp_path / "tables")
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [f"{name}.parquet" for name in sorted(TABLES)]
    read = {name: pq.read_table(tmp_path / "tables" / f"{name}.parquet") for name in TABLES}
    assert counts == {name: table.num_rows for name, table in read.items()}
    # the same rows as the CSV and JSONL exports
    out = io.StringIO()
    write_claims_csv(parquet_ledger.iter_claims(), out)
    csv_rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    records = [document_to_record(doc) for doc in parquet_ledger.iter_documents()]
    assert counts["claims"] == len(csv_rows) == 6
    assert counts["events"] == sum(len(r["events"]) for r in records) == 6
    assert counts["places"] == sum(len(r["places"]) for r in records) == 9
    assert (counts["links"], counts["stories"], counts["story_claims"]) == (2, 1, 2)
    # every CSV cell is the Parquet value written as text: one row-building for both
    claims = {(r["article_id"], r["claim"]): r for r in read["claims"].to_pylist()}
    for row in csv_rows:
        typed = claims[(row["article_id"], row["claim"])]
        assert {column: csv_cell(typed[column]) for column in CLAIM_CSV_COLUMNS} == row
    for name, table in read.items():
        assert table.schema.equals(table_schema(name))
    claim = read["claims"].schema
    assert claim.field("date").type == pa.date32() and claim.field("ord").type == pa.int32()
    assert claim.field("hedges").type == pa.list_(pa.string())
    assert claim.field("event_quantities").type == pa.list_(pa.int64())
    said = claims[("r-1", "a1")]
    assert said["date"] == said["date_end"] == said["published_date"] == datetime.date(2024, 2, 17)
    assert said["hedges"] == ["alleged", "tactical"] and said["ord"] == 0
    assert claims[("r-3", "a1")]["published_date"] == datetime.date(2023, 11, 5)
    strike = claims[("r-1", "e2")]
    assert strike["event_quantities"] == [2] and strike["event_whens"] == [None]
    places = read["places"]
    assert places.schema.field("lat").type == pa.float64() and places.schema.field("span_start").type == pa.int32()
    avdiivka = next(p for p in places.to_pylist() if p["article_id"] == "r-1")
    assert (avdiivka["lat"], avdiivka["lon"], avdiivka["ref"]) == (48.1394, 37.7497, AVDIIVKA)
    events = read["events"].to_pylist()
    withdrawal = next(e for e in events if e["article_id"] == "r-1" and e["type"] == "withdrawal")
    assert withdrawal["when_start"] == withdrawal["when_end"] == datetime.date(2024, 2, 17)
    assert withdrawal["trigger"] == "withdrew" and withdrawal["places"] == ["Avdiivka"]
    strike_event = next(e for e in events if e["article_id"] == "r-1" and e["type"] == "strike")
    assert strike_event["quantity"] == 2 and strike_event["place_refs"] == [AVDIIVKA, "UA14000000000091971"]
    assert read["events"].schema.field("quantity").type == pa.int64()
    link = read["links"].to_pylist()[1]
    assert link == {"a_article": "r-1", "a_ord": 1, "b_article": "r-4", "b_ord": 1, "label": "contradict",
                    "score": 0.6, "reason": "counts differ"}
    (story,) = read["stories"].to_pylist()
    assert story["first_date"] == datetime.date(2024, 2, 17) and story["claims"] == 2
    assert story["types"] == ["withdrawal"] and story["contested"] is False
    assert read["story_claims"].column("article_id").to_pylist() == ["r-1", "r-3"]


def test_parquet_partitioned_by_month_reads_back_the_same_rows(parquet_ledger, tmp_path):
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    export_parquet(parquet_ledger, tmp_path / "flat")
    counts = export_parquet(parquet_ledger, tmp_path / "parts", partition_by="month")
    for name in ("claims", "events", "places"):
        folder = tmp_path / "parts" / name
        assert sorted(p.name for p in folder.iterdir()) == ["month=2023-11", "month=2024-02", "month=undated"]
        dataset = ds.dataset(folder, format="parquet", partitioning="hive").to_table()
        assert dataset.num_rows == counts[name]
        key = lambda row: (row["article_id"], row["ord"])  # noqa: E731
        parted = sorted(dataset.to_pylist(), key=key)
        flat = sorted(pq.read_table(tmp_path / "flat" / f"{name}.parquet").to_pylist(), key=key)
        assert [{k: v for k, v in row.items() if k != "month"} for row in parted] == flat
    claims = ds.dataset(tmp_path / "parts" / "claims", format="parquet", partitioning="hive").to_table()
    months = {(r["article_id"], r["claim"]): r["month"] for r in claims.to_pylist()}
    assert months[("r-1", "a1")] == "2024-02" and months[("r-3", "e2")] == "2023-11"
    assert months[("r-4", "e2")] == "undated"  # no event date, no publication date
    assert (tmp_path / "parts" / "links.parquet").exists()  # links and stories stay one file each


def test_parquet_streams_in_small_batches_and_few_open_files(parquet_ledger, tmp_path, monkeypatch):
    """With tiny buffers every path is taken: rows converted and written in many row groups, files
    closed and reopened as further parts; the tables read back the same."""
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    from claimledger import export_parquet as module

    doc = report()  # February again, after the undated r-4: its partition is written to again
    parquet_ledger.save_documents([dataclasses.replace(doc, article=dataclasses.replace(doc.article, id="r-5"))],
                                  ["f5"])
    export_parquet(parquet_ledger, tmp_path / "flat")
    for name, value in (("CONVERT_ROWS", 2), ("BATCH_ROWS", 3), ("MAX_BUFFERED_BYTES", 1), ("MAX_OPEN_FILES", 1)):
        monkeypatch.setattr(module, name, value)
    export_parquet(parquet_ledger, tmp_path / "small")
    export_parquet(parquet_ledger, tmp_path / "parts", partition_by="month")
    places = pq.ParquetFile(tmp_path / "small" / "places.parquet")
    assert places.metadata.num_row_groups > 1
    assert len(list((tmp_path / "parts" / "claims" / "month=2024-02").iterdir())) > 1  # reopened: part-1
    for name in TABLES:
        flat = pq.read_table(tmp_path / "flat" / f"{name}.parquet")
        assert pq.read_table(tmp_path / "small" / f"{name}.parquet").to_pylist() == flat.to_pylist()
        if name in ("claims", "events", "places"):
            parted = ds.dataset(tmp_path / "parts" / name, format="parquet", partitioning="hive").to_table()
            key = lambda row: (row["article_id"], row["ord"])  # noqa: E731
            assert sorted(({k: v for k, v in r.items() if k != "month"} for r in parted.to_pylist()),
                          key=key) == sorted(flat.to_pylist(), key=key)


def test_parquet_bad_output_paths_are_one_clear_error(parquet_ledger, tmp_path):
    a_file = tmp_path / "claims.csv"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(ExportError, match="it is a file"):
        export_parquet(parquet_ledger, a_file)
    with pytest.raises(ExportError, match="the folder is not empty"):
        export_parquet(parquet_ledger, tmp_path)
    with pytest.raises(ExportError, match="does not exist"):
        export_parquet(parquet_ledger, tmp_path / "missing" / "tables")
    assert not (tmp_path / "missing").exists()


def test_parquet_export_command(parquet_ledger, tmp_path):
    from click.testing import CliRunner

    from claimledger.cli import main

    db = str(tmp_path / "ledger.db")
    runner = CliRunner()
    result = runner.invoke(main, ["export", db, "--format", "parquet", "-o", str(tmp_path / "out"),
                                  "--partition-by", "month"])
    assert result.exit_code == 0, result.output
    assert "exported 6 claims, 6 events, 9 places, 2 links, 1 stories, 2 story_claims" in result.output
    assert (tmp_path / "out" / "claims" / "month=2024-02").is_dir()
    again = runner.invoke(main, ["export", db, "--format", "parquet", "-o", str(tmp_path / "out")])
    assert again.exit_code == 1 and again.output.startswith("error: ") and "not empty" in again.output
    assert again.output.count("\n") == 1
    missing = runner.invoke(main, ["export", db, "--format", "parquet"])
    assert missing.exit_code == 2 and "-o DIR" in missing.output
    wrong = runner.invoke(main, ["export", db, "--format", "csv", "--partition-by", "month"])
    assert wrong.exit_code == 2 and "parquet only" in wrong.output


def test_parquet_columns_are_documented():
    """docs/parquet.md has a table per Parquet table listing each column with its type, in order."""
    doc = (Path(__file__).resolve().parent.parent / "docs" / "parquet.md").read_text(encoding="utf-8")
    documented: dict[str, list[tuple[str, str]]] = {}
    table = None
    for line in doc.splitlines():
        heading = re.match(r"^### `(\w+)`", line)
        if heading:
            table = documented.setdefault(heading.group(1), [])
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("| `") else []
        if table is not None and cells:
            table.append((cells[0].strip("`"), cells[1].strip("`")))
    assert documented == {name: [(column, kind) for column, kind, _ in columns]
                          for name, columns in TABLES.items()}
