"""The row counts the ledger keeps (store/row_counts.py, migration 12) against ``COUNT(*)``, on SQLite
and PostgreSQL: after an ingest through the real pipeline, after the same ingest again (nothing new),
after rejections and a batch that failed, and after an upgrade of a store that had no counts."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert
from sqlalchemy.pool import NullPool

from claimledger.build import ingest_paths
from claimledger.errors import StoreError
from claimledger.models import AnalysedDocument, Article, Attribution, Event, Rejection
from claimledger.store import open_ledger, schema
from claimledger.store.migrations import upgrade_schema
from claimledger.store.row_counts import count_rows
from claimledger.store.rows import make_article_row, make_layer_rows

# Invented reports (not gold text): English, Russian and Ukrainian, each with a claim.
REPORTS = {
    "en.txt": "The regional governor said that drones struck a depot near Sumy overnight. "
              "Two people were injured, officials reported.",
    "ru.txt": "Губернатор заявил, что ночью беспилотники атаковали склад под Белгородом. "
              "По его словам, пострадавших нет.",
    "uk.txt": "Як повідомив голова обласної адміністрації, уночі ворог обстріляв Херсон. "
              "Поранено трьох людей.",
}


def true_counts(url: str) -> dict[str, int]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return count_rows(conn)
    finally:
        engine.dispose()


def write_reports(folder: Path) -> list[str]:
    for name, body in REPORTS.items():
        (folder / name).write_text(body + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")  # a rejection
    return [str(folder / name) for name in (*REPORTS, "empty.txt")]


def test_counts_equal_count_star_after_ingest_and_after_the_same_ingest_again(ledger_url: str,
                                                                               tmp_path: Path):
    paths = write_reports(tmp_path)
    with open_ledger(ledger_url) as ledger:
        ingest_paths(ledger, paths)
        first = ledger.counts()
        assert first == true_counts(ledger_url)
        assert first["articles"] == 3 and first["rejections"] == 1 and first["claims"] > 0
        assert {first[f"language:{code}"] for code in ("en", "ru", "uk")} == {1}
        report = ingest_paths(ledger, paths)
        assert report.ingested == 0
        assert ledger.counts() == first == true_counts(ledger_url)


def test_counts_follow_rejections_and_stay_after_a_failed_batch(ledger_url: str, tmp_path: Path):
    with open_ledger(ledger_url) as ledger:
        ingest_paths(ledger, write_reports(tmp_path))
        late = [Rejection(origin="late.txt", reason="not UTF-8", line=3),
                Rejection(origin="late.txt", reason="not UTF-8", line=3),  # the same: kept once
                Rejection(origin="empty.txt", reason="empty input")]
        assert ledger.record_rejections(late) == 2
        before = ledger.counts()
        ru = next(doc for doc in ledger.iter_documents() if doc.article.language == "ru")
        broken = AnalysedDocument(Article(id="broken", text=ru.article.text, language="ru"),
                                  ru.attributions, (), (Event(type=None, trigger=(0, 3)),))  # NOT NULL
        with pytest.raises(StoreError):
            ledger.save_documents([broken], ["fp-broken"])
        assert ledger.counts() == before == true_counts(ledger_url)
    assert before["rejections"] == 3 and before["language:ru"] == 1


def test_upgrading_a_store_without_counts_fills_them(ledger_url: str):
    doc = AnalysedDocument(
        Article(id="x-1", text="Officials said the bridge was hit.", language=None),
        (Attribution(id="a1", content=(19, 33), kind="indirect", cue=(10, 14), source=(0, 9),
                     speaker="Officials"),),
        (), (Event(type="strike", trigger=(30, 33), claimed_by="a1"),))
    engine = create_engine(ledger_url, poolclass=NullPool)
    with engine.begin() as conn:
        assert upgrade_schema(conn, target=11)[-1] == 11
        conn.execute(insert(schema.articles), [make_article_row(
            doc, "fp", ingested_at="2026-01-01T00:00:00+00:00", extractor_version=None)])
        for table, rows in zip((schema.attributions, schema.places, schema.events), make_layer_rows(doc)):
            if rows:
                conn.execute(insert(table), rows)
    engine.dispose()
    with open_ledger(ledger_url) as ledger:
        counts = ledger.counts()
    assert counts == true_counts(ledger_url)
    assert counts["articles"] == 1 and counts["language:unknown"] == 1 and counts["attributions"] == 1
