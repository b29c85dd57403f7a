"""The ledger store on real SQLite files and PostgreSQL databases (ledger_url in conftest.py):
migrations, round trips, dedup, queries, crashes."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert

from claimledger.errors import StoreError
from claimledger.models import AnalysedDocument, Article, Attribution, Event, Place, Rejection
from claimledger.store import SCHEMA_VERSION, open_ledger
from claimledger.store import schema
from claimledger.store.migrations import upgrade_schema
from claimledger.store.rows import make_article_row, make_layer_rows

KUPIANSK = "UA63120010010096839"
KHARKIV = "UA63120270010096622"


def at(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def english_doc() -> AnalysedDocument:
    text = ("TASS reported that the Russian Defence Ministry said its forces had taken Kupiansk. "
            '"We repelled three attacks near Kupiansk," a Ukrainian military spokesman said. '
            "Shelling hit Kharkiv on Monday.")
    second = text.index("We repelled")
    article = Article(id="en-1", text=text, outlet="Wire One", url="https://example.org/1",
                      published="2023-11-28T09:00:00Z", language="en", title="Kupiansk fighting",
                      origin="wire.jsonl:1")
    attributions = (
        Attribution(id="a1", content=at(text, "the Russian Defence Ministry said its forces had "
                                              "taken Kupiansk"),
                    kind="indirect", source=at(text, "TASS"), speaker="TASS",
                    cue=at(text, "reported")),
        Attribution(id="a2", content=at(text, "its forces had taken Kupiansk"), kind="indirect",
                    source=at(text, "the Russian Defence Ministry"),
                    speaker="Russian Ministry of Defence", cue=at(text, "said"), parent="a1",
                    hedges=("claimed",)),
        Attribution(id="a3", content=at(text, "We repelled three attacks near Kupiansk"),
                    kind="direct", source=at(text, "a Ukrainian military spokesman"),
                    speaker="Ukrainian military spokesman", speaker_role="spokesman",
                    cue=at(text, "said", second)),
    )
    places = (
        Place(span=at(text, "Kupiansk"), text="Kupiansk", ref=KUPIANSK, name="Kupiansk",
              lat=49.7106, lon=37.6156, level="settlement"),
        Place(span=at(text, "Kupiansk", second), text="Kupiansk", ref=KUPIANSK,
              name="Kupiansk", lat=49.7106, lon=37.6156, level="settlement"),
        Place(span=at(text, "Kharkiv"), text="Kharkiv", ref=KHARKIV, name="Kharkiv",
              lat=49.9935, lon=36.2304, level="settlement", candidates=(KHARKIV, "geonames:1")),
    )
    events = (
        Event(type="territory_control", trigger=at(text, "taken"), actor="Russian forces",
              places=(KUPIANSK,), when="2023-11", claimed_by="a2"),
        Event(type="attack_repelled", trigger=at(text, "repelled"), actor="Ukrainian forces",
              places=(KUPIANSK,), quantity=3, when="2023-11-20", claimed_by="a3"),
        Event(type="strike", trigger=at(text, "Shelling"), places=(KHARKIV,), when="2023-11-27"),
    )
    return AnalysedDocument(article, attributions, places, events)


def russian_doc() -> AnalysedDocument:
    text = ("Минобороны России сообщило, что подразделения освободили Синьковку. "
            "В Харькове прогремели взрывы.")
    article = Article(id="ru-1", text=text, outlet="Новости", published="2024-02-01",
                      language="ru", title="Сводка")
    attributions = (
        Attribution(id="a1", content=at(text, "подразделения освободили Синьковку"),
                    kind="indirect", source=at(text, "Минобороны России"),
                    speaker="Минобороны России", cue=at(text, "сообщило")),
    )
    places = (
        Place(span=at(text, "Синьковку"), text="Синьковку", name="Synkivka", level="settlement"),
        Place(span=at(text, "Харькове"), text="Харькове", ref=KHARKIV, name="Kharkiv",
              lat=49.9935, lon=36.2304, level="settlement"),
    )
    events = (
        Event(type="territory_control", trigger=at(text, "освободили"), places=("Synkivka",),
              claimed_by="a1", polarity="asserted", modality="factual"),
        Event(type="strike", trigger=at(text, "взрывы"), places=(KHARKIV,)),
    )
    return AnalysedDocument(article, attributions, places, events)


@pytest.fixture()
def ledger_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture()
def filled(ledger_url: str):
    docs = [english_doc(), russian_doc()]
    with open_ledger(ledger_url) as ledger:
        assert ledger.save_documents(docs, ["fp-en", "fp-ru"]) == 2
        yield ledger


# -- opening and migrations ------------------------------------------------------------

def test_open_creates_schema_and_reopens(ledger_path: Path):
    with open_ledger(ledger_path) as ledger:
        assert ledger.schema_version() == SCHEMA_VERSION
        assert ledger.counts()["articles"] == 0
    with open_ledger(str(ledger_path), create=False) as ledger:
        assert ledger.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(ledger_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        versions = [r[0] for r in raw.execute("SELECT version FROM schema_version ORDER BY 1")]
        assert versions == list(range(1, SCHEMA_VERSION + 1))
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"articles", "attributions", "places", "events", "rejections", "claims",
                "articles_fts", "claims_fts"} <= tables


def test_open_accepts_sqlalchemy_url(ledger_path: Path):
    with open_ledger(f"sqlite:///{ledger_path}") as ledger:
        ledger.save_documents([russian_doc()], ["fp"])
    with open_ledger(ledger_path) as ledger:
        assert ledger.counts()["articles"] == 1


def test_opening_an_older_store_upgrades_it(ledger_url: str):
    doc = english_doc()
    engine = create_engine(ledger_url)
    with engine.begin() as conn:
        assert upgrade_schema(conn, target=1) == [1]
        conn.execute(insert(schema.articles), [make_article_row(
            doc, "fp", ingested_at="2024-01-01T00:00:00+00:00", extractor_version=None)])
        for table, rows in zip((schema.attributions, schema.places, schema.events),
                               make_layer_rows(doc)):
            conn.execute(insert(table), rows)
    engine.dispose()
    with open_ledger(ledger_url) as ledger:
        assert ledger.schema_version() == SCHEMA_VERSION
        claims = ledger.find_claims(limit=None)
        assert [c["claim"] for c in claims if c["article_id"] == "en-1"] == ["a1", "e3", "a3", "a2"]
        assert ledger.find_claims(search="repelled")[0]["claim"] == "a3"
        assert list(ledger.iter_documents()) == [doc]


def test_upgrading_counts_contradictions_and_memberships_of_stored_stories(ledger_path: Path):
    from claimledger.store.migrations import MIGRATIONS
    from claimledger.store.stories import add_story_facts

    before = next(m.version for m in MIGRATIONS if m.apply is add_story_facts) - 1
    claims = [{"article_id": "en-1", "ord": 0}, {"article_id": "en-2", "ord": 3}]
    stored = {"id": "s1", "title": "territory_control at Lukiantsi", "claims": claims,
              "relations": {"contradict": 2, "repeat": 1}, "places": {"Lukiantsi": 2}}
    engine = create_engine(f"sqlite:///{ledger_path}")
    with engine.begin() as conn:
        upgrade_schema(conn, target=before)
        conn.exec_driver_sql("ALTER TABLE stories DROP COLUMN contradictions")  # as it was then
        conn.exec_driver_sql("INSERT INTO stories (id, title, claim_count, place_keys, summary) "
                             "VALUES ('s1', ?, 2, '|lukiantsi|', ?)", (stored["title"], json.dumps(stored)))
    with engine.begin() as conn:  # only this step: a later one rebuilds claims and drops stories
        assert upgrade_schema(conn, target=before + 1) == [before + 1]
    engine.dispose()
    with sqlite3.connect(ledger_path) as raw:
        assert raw.execute("SELECT id, contradictions FROM stories").fetchall() == [("s1", 2)]
        assert raw.execute("SELECT story_id FROM story_claims WHERE article_id = 'en-2' AND ord = 3"
                           ).fetchall() == [("s1",)]


def test_upgrading_rebuilds_claims_as_sentences_and_drops_links_built_on_the_old_ones(ledger_path: Path):
    from claimledger.claims import describe_claims

    doc = english_doc()
    engine = create_engine(f"sqlite:///{ledger_path}")
    with engine.begin() as conn:
        upgrade_schema(conn, target=9)
        conn.exec_driver_sql("ALTER TABLE articles DROP COLUMN title_layers")  # as it was then
        row = make_article_row(doc, "fp", ingested_at="2024-01-01T00:00:00+00:00", extractor_version=None)
        del row["title_layers"]
        conn.execute(insert(schema.articles), [row])
        for table, rows in zip((schema.attributions, schema.places, schema.events), make_layer_rows(doc)):
            conn.execute(insert(table), rows)
        conn.execute(insert(schema.claims), [dict(c["row"], ord=99) for c in describe_claims(doc)][:1])
        conn.execute(insert(schema.claim_links), [{"a_article": "en-1", "a_ord": 99, "b_article": "x",
                                                   "b_ord": 0, "label": "repeat", "score": 1.0, "reason": ""}])
    engine.dispose()
    with open_ledger(ledger_path) as ledger:
        assert ledger.counts()["claims"] == len(describe_claims(doc))
        assert ledger.schema_version() == SCHEMA_VERSION
    with sqlite3.connect(ledger_path) as raw:
        assert raw.execute("SELECT count(*) FROM claim_links").fetchone() == (0,)
        assert "title_layers" in [c[1] for c in raw.execute("PRAGMA table_info(articles)")]


def test_newer_store_is_refused(ledger_path: Path):
    open_ledger(ledger_path).close()
    with sqlite3.connect(ledger_path) as raw:
        raw.execute("INSERT INTO schema_version VALUES (?, 'future', '2099-01-01')",
                    (SCHEMA_VERSION + 1,))
    with pytest.raises(StoreError, match="newer than this claimledger"):
        open_ledger(ledger_path)


def test_unusable_targets_give_store_errors(tmp_path: Path):
    with pytest.raises(StoreError, match="no ledger"):
        open_ledger(tmp_path / "missing.db", create=False)
    with pytest.raises(StoreError, match="does not exist"):
        open_ledger(tmp_path / "no" / "such" / "ledger.db")
    junk = tmp_path / "junk.db"
    junk.write_text("this is not a database, just some words\n" * 100)
    with pytest.raises(StoreError) as error:
        open_ledger(junk)
    assert "\n" not in str(error.value)
    foreign = tmp_path / "foreign.db"
    with sqlite3.connect(foreign) as raw:
        raw.execute("CREATE TABLE people (name TEXT)")
    with pytest.raises(StoreError, match="not a claimledger ledger"):
        open_ledger(foreign)
    with pytest.raises(StoreError):
        open_ledger(tmp_path)


# -- writing -----------------------------------------------------------------------------

def test_documents_read_back_equal(filled):
    docs = list(filled.iter_documents())
    assert docs == [english_doc(), russian_doc()]
    assert isinstance(docs[0].attributions[0].content, tuple)
    assert docs[0].places[2].candidates == (KHARKIV, "geonames:1")
    picked = list(filled.iter_documents(ids=["ru-1", "nope", "en-1"]))
    assert [d.article.id for d in picked] == ["ru-1", "en-1"]


def test_saving_twice_adds_nothing(filled):
    before = filled.counts()
    assert filled.save_documents([english_doc(), russian_doc()], ["fp-en", "fp-ru"]) == 0
    assert filled.counts() == before
    assert filled.has_fingerprint("fp-en") and not filled.has_fingerprint("fp-other")
    # same content under another id, and the same id with other content: both skipped
    en = english_doc()
    renamed = AnalysedDocument(Article(id="en-2", text=en.article.text), (), (), ())
    assert filled.save_documents([renamed, en], ["fp-en", "fp-new"]) == 0
    # duplicates inside one batch count once
    fresh = AnalysedDocument(Article(id="x-1", text="Quiet day."), (), (), ())
    twin = AnalysedDocument(Article(id="x-2", text="Quiet day."), (), (), ())
    assert filled.save_documents([fresh, twin], ["fp-x", "fp-x"]) == 1
    assert filled.counts()["articles"] == before["articles"] + 1


def test_rejections_are_stored_once(ledger_url: str):
    rejections = [Rejection("feed.xml", "malformed XML", 3), Rejection("page.html", "empty file")]
    rejections += rejections
    with open_ledger(ledger_url) as ledger:
        assert ledger.record_rejections(rejections) == 2
        assert ledger.record_rejections(rejections) == 0
        assert ledger.record_rejections([Rejection("feed.xml", "malformed XML", 4)]) == 1
        assert ledger.counts()["rejections"] == 3
        assert Rejection("page.html", "empty file") in ledger.list_rejections()


def test_counts_by_language(filled):
    counts = filled.counts()
    assert counts["articles"] == 2 and counts["attributions"] == 4
    assert counts["places"] == 5 and counts["events"] == 5
    assert counts["language:en"] == 1 and counts["language:ru"] == 1
    assert counts["claims"] == 6  # 4 attributions + 2 unattributed events


# -- queries -----------------------------------------------------------------------------

def test_find_claims_rows(filled):
    rows = filled.find_claims(limit=None)
    assert len(rows) == 6
    by_claim = {(r["article_id"], r["claim"]): r for r in rows}
    a3 = by_claim[("en-1", "a3")]
    assert a3["content"] == "We repelled three attacks near Kupiansk"
    assert a3["cue"] == "said" and a3["speaker_role"] == "spokesman" and a3["kind"] == "direct"
    assert a3["events"][0]["type"] == "attack_repelled" and a3["events"][0]["quantity"] == 3
    assert a3["events"][0]["places"] == ["Kupiansk"]
    assert [p["ref"] for p in a3["places"]] == [KUPIANSK]
    assert by_claim[("en-1", "a2")]["hedges"] == ["claimed"]
    strike = by_claim[("en-1", "e3")]
    assert strike["speaker"] is None and strike["content"] == "Shelling hit Kharkiv on Monday."
    assert rows[0]["date"] >= rows[-1]["date"]  # newest first
    assert len(filled.find_claims(limit=2)) == 2


def test_find_claims_filters(filled):
    def claims(**filters) -> set[tuple[str, str]]:
        return {(r["article_id"], r["claim"]) for r in filled.find_claims(limit=None, **filters)}

    assert claims(speaker="ministry of defence") == {("en-1", "a2")}
    assert claims(speaker="МИНОБОРОНЫ") == {("ru-1", "a1")}
    assert claims(place="kupiansk") == {("en-1", "a1"), ("en-1", "a2"), ("en-1", "a3")}
    assert claims(place=KHARKIV) == {("en-1", "e3"), ("ru-1", "e2")}
    assert claims(place="харькове") == {("ru-1", "e2")}
    assert claims(place="synkivka") == {("ru-1", "a1")}
    assert claims(type="territory_control") == {("en-1", "a2"), ("ru-1", "a1")}
    assert claims(type="strike", language="ru") == {("ru-1", "e2")}
    # a1 has no event of its own: its date is the article's (28 November)
    assert claims(since="2023-11-21", until="2023-11") == {("en-1", "a1"), ("en-1", "a2"),
                                                           ("en-1", "e3")}
    assert claims(until="2023-11-20") == {("en-1", "a2"), ("en-1", "a3")}
    assert claims(since="2024") == {("ru-1", "a1"), ("ru-1", "e2")}
    assert claims(search="attacks Kupiansk") == {("en-1", "a3")}
    assert claims(search="синьковку") == {("ru-1", "a1")}
    assert claims(search="Харьков") == {("ru-1", "e2")}  # prefix of the inflected form
    assert claims(search='forces*) "') == {("en-1", "a1"), ("en-1", "a2")}  # no FTS syntax
    assert claims(outlet="новости") == {("ru-1", "a1"), ("ru-1", "e2")}
    assert claims(speaker="tass", type="strike") == set()
    with pytest.raises(StoreError, match="since"):
        filled.find_claims(since="last week")


def test_find_articles_search(filled):
    assert [a["id"] for a in filled.find_articles(search="shelling")] == ["en-1"]
    assert [a["id"] for a in filled.find_articles(search="Сводка")] == ["ru-1"]
    assert [a["id"] for a in filled.find_articles()] == ["ru-1", "en-1"]


# -- crash safety ------------------------------------------------------------------------

def test_failed_batch_leaves_earlier_batches_intact(ledger_url: str):
    good = english_doc()
    ru = russian_doc()
    broken = AnalysedDocument(ru.article, ru.attributions, ru.places,
                              (Event(type=None, trigger=(0, 3)),))  # NOT NULL violated
    with open_ledger(ledger_url) as ledger:
        assert ledger.save_documents([good], ["fp-en"]) == 1
        with pytest.raises(StoreError):
            ledger.save_documents([broken], ["fp-ru"])
        assert list(ledger.iter_documents()) == [good]
        assert ledger.counts()["attributions"] == 3 and ledger.counts()["claims"] == 4
        assert not ledger.has_fingerprint("fp-ru")
        assert ledger.save_documents([ru], ["fp-ru"]) == 1  # resumes cleanly


CRASHING_WRITER = textwrap.dedent("""
    import os, sys
    from sqlalchemy import event
    from claimledger.store import open_ledger
    from claimledger.models import AnalysedDocument, Article, Event

    ledger = open_ledger(sys.argv[1])
    first = AnalysedDocument(Article(id="first", text="Shelling hit Kharkiv."), (), (),
                             (Event(type="strike", trigger=(0, 8)),))
    ledger.save_documents([first], ["fp-first"])

    @event.listens_for(ledger._engine, "before_cursor_execute")
    def die(conn, cursor, statement, *args):
        if statement.startswith("INSERT INTO events"):
            os._exit(3)  # killed after the article rows went in, before the commit

    second = AnalysedDocument(Article(id="second", text="Drones hit Odesa."), (), (),
                              (Event(type="strike", trigger=(0, 6)),))
    ledger.save_documents([second], ["fp-second"])
""")


def test_killed_writer_loses_only_the_batch_in_flight(ledger_path: Path):
    result = subprocess.run([sys.executable, "-c", CRASHING_WRITER, str(ledger_path)],
                            capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    with open_ledger(ledger_path) as ledger:
        assert [d.article.id for d in ledger.iter_documents()] == ["first"]
        assert ledger.counts()["events"] == 1
    with sqlite3.connect(ledger_path) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert raw.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def test_parallel_writers_queue_instead_of_failing(ledger_url: str):
    docs = [AnalysedDocument(Article(id=f"d{i}", text=f"Report number {i}.")) for i in range(40)]
    with open_ledger(ledger_url) as ledger:
        def save(start: int) -> int:
            fingerprints = [f"fp{i}" for i in range(start, start + 5)]
            return ledger.save_documents(docs[start:start + 5], fingerprints)

        with ThreadPoolExecutor(max_workers=4) as pool:
            saved = list(pool.map(save, range(0, 40, 5)))
        assert sum(saved) == 40 and ledger.counts()["articles"] == 40


def test_schema_and_queries_compile_for_postgresql():
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    from claimledger.store.claims import select_claims

    dialect = postgresql.dialect()
    for table in schema.metadata.sorted_tables:
        assert "CREATE TABLE" in str(CreateTable(table).compile(dialect=dialect))
        for index in table.indexes:
            str(CreateIndex(index).compile(dialect=dialect))
    sql = str(select_claims(speaker="x", place="y", type="strike", since="2024", until="2024-05",
                            search="buffer zone", language="ru", use_fts=False, limit=10)
              .compile(dialect=dialect))
    assert "ILIKE" in sql and "MATCH" not in sql and "NULLS LAST" in sql


def test_event_naming_an_unknown_attribution_is_its_own_claim(ledger_url: str):
    text = "Officials said a strike hit Izium."
    doc = AnalysedDocument(
        Article(id="d", text=text, published="2022-09-10"),
        (Attribution(id="a1", content=at(text, "a strike hit Izium"), kind="indirect"),),
        (),
        (Event(type="strike", trigger=at(text, "strike"), claimed_by="a7"),),
    )
    with open_ledger(ledger_url) as ledger:
        ledger.save_documents([doc], ["fp"])
        rows = ledger.find_claims(type="strike")
    assert [(r["claim"], r["events"][0]["claimed_by"]) for r in rows] == [("e1", "a7")]
    assert rows[0]["content"] == text and rows[0]["date"] == "2022-09-10"
