"""Exports parse back: JSONL records, the claims CSV and the places GeoJSON."""
from __future__ import annotations

import csv
import io
import json

import pytest

from claimledger.export import (
    CLAIM_CSV_COLUMNS,
    write_claims_csv,
    write_places_geojson,
    write_records,
)
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
    assert props["mentions"] == ["Avdiivka", "Avdiivka"]
    assert props["event_types"] == ["withdrawal", "strike"]
    assert props["claimants"] == ["Armed Forces of Ukraine", 'Daily, "Kyiv"']


def test_empty_geojson_is_valid():
    out = io.StringIO()
    assert write_places_geojson([], out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}
