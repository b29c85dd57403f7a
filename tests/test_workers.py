"""Ingest in worker processes: the same ledger as one process, rejections and progress still reported."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimledger.build import ingest_paths
from claimledger.cli import EXIT_REJECTED, main
from claimledger.models import Article
from claimledger.pipeline import analyse_articles
from claimledger.pipeline_workers import OrderedAnalysis, analyse_in_order
from claimledger.store import open_ledger

pytestmark = pytest.mark.model


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def export_jsonl(db: Path) -> bytes:
    result = run("export", str(db), "--format", "jsonl")
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.fixture
def corpus(tmp_path: Path, examples_dir: Path) -> Path:
    """40 corpus records (two batches and more), the 36th repeating the 3rd's text under another id,
    and a line that does not parse."""
    lines = (examples_dir / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    repeat = json.loads(lines[2])
    repeat["id"] = "a-copy-of-the-third"
    lines.insert(35, json.dumps(repeat, ensure_ascii=False))
    lines.insert(20, '{"id": "broken", "text": ')
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_two_workers_store_the_same_ledger_as_one(tmp_path: Path, corpus: Path, sample_path: Path):
    outputs = {}
    for workers in (1, 2):
        db = tmp_path / f"ledger-{workers}.db"
        result = run("ingest", str(db), str(sample_path), str(corpus), "--workers", str(workers))
        assert result.exit_code == EXIT_REJECTED, result.output
        assert "ingested 41 new articles" in result.stdout and "1 duplicates; 1 rejected" in result.stdout
        rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
        assert len(rejected) == 1 and "corpus.jsonl:21" in rejected[0]
        outputs[workers] = export_jsonl(db)
    assert outputs[1].count(b"\n") == 41
    assert outputs[1] == outputs[2]


def test_small_batches_in_flight_keep_input_order_and_duplicates(tmp_path: Path, corpus: Path):
    """Batches of 3 with two workers: a dozen batches in flight at a time, stored in input order;
    the repeated text is a duplicate whether or not its first copy was stored when it was read."""
    reports, exports = {}, {}
    for workers in (1, 2):
        db = tmp_path / f"small-{workers}.db"
        progress = []
        with open_ledger(db) as ledger:
            reports[workers] = ingest_paths(ledger, [corpus], batch_size=3, workers=workers,
                                            on_progress=lambda r: progress.append(r.ingested))
        assert progress == sorted(progress) and progress[-1] == 40
        exports[workers] = export_jsonl(db)
    for report in reports.values():
        assert (report.read, report.ingested, report.duplicates, report.skipped) == (41, 40, 1, 1)
    assert reports[1].languages == reports[2].languages
    assert exports[1] == exports[2]


def test_ordered_analysis_matches_the_pipeline(examples_dir: Path):
    texts = [json.loads(line)["text"][:600] for line in
             (examples_dir / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:7]]
    articles = [Article(id=f"a{i}", text=text) for i, text in enumerate(texts)]
    assert analyse_in_order(articles, 2, batch_size=2) == list(analyse_articles(articles))
    # one batch only: analysed in this process, no pool started
    with OrderedAnalysis(2) as analysis:
        analysis.submit(articles[:2], "only")
        assert list(analysis.ready()) == []
        [(tag, documents)] = list(analysis.finish())
        assert tag == "only" and analysis._pool is None
    assert documents == list(analyse_articles(articles[:2]))


def test_workers_option_is_checked(tmp_path: Path, sample_path: Path):
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "x.db"), str(sample_path), "--workers", "0"])
    assert result.exit_code == 2 and "--workers" in result.output


def test_a_worker_sends_back_the_headline_layers():
    from claimledger.models import Article
    from claimledger.pipeline_workers import analyse_batch, join_layers

    article = Article(id="t", title="Russian troops capture Vovchansk", text="Fighting went on.",
                      language="en", published="2024-05-13")
    [doc] = join_layers([article], analyse_batch([article]))
    assert doc.title_layers is not None and [e.type for e in doc.title_layers.events] == ["territory_control"]


def test_a_dask_local_cluster_stores_the_same_ledger(tmp_path: Path, corpus: Path):
    pytest.importorskip("distributed")
    exports = {}
    for name, args in (("plain", ["--workers", "1"]), ("dask", ["--dask", "local", "--workers", "2"])):
        db = tmp_path / f"{name}.db"
        result = run("ingest", str(db), str(corpus), *args)
        assert result.exit_code == EXIT_REJECTED, result.output
        assert "ingested 40 new articles" in result.stdout and "1 duplicates; 1 rejected" in result.stdout
        exports[name] = export_jsonl(db)
    assert exports["plain"] == exports["dask"]
