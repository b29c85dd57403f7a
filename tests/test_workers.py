"""Ingest in worker processes: the same ledger as one process, rejections and progress still reported."""
from __future__ import annotations

import json
import socket
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


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, examples_dir: Path) -> Path:
    """40 corpus records (two batches and more), the 36th repeating the 3rd's text under another id,
    and a line that does not parse (a file the tests only read)."""
    lines = (examples_dir / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:40]
    repeat = json.loads(lines[2])
    repeat["id"] = "a-copy-of-the-third"
    lines.insert(35, json.dumps(repeat, ensure_ascii=False))
    lines.insert(20, '{"id": "broken", "text": ')
    path = tmp_path_factory.mktemp("workers") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def plain_export(tmp_path_factory, corpus: Path) -> bytes:
    """`export --format jsonl` of the corpus ingested by the CLI in one process: what the dask runs
    must store."""
    db = tmp_path_factory.mktemp("plain") / "plain.db"
    result = run("ingest", str(db), str(corpus), "--workers", "1")
    assert result.exit_code == EXIT_REJECTED, result.output
    assert "ingested 40 new articles" in result.stdout and "1 duplicates; 1 rejected" in result.stdout
    return export_jsonl(db)


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


def test_a_dask_local_cluster_stores_the_same_ledger(tmp_path: Path, corpus: Path, plain_export: bytes):
    pytest.importorskip("distributed")
    db = tmp_path / "dask.db"
    result = run("ingest", str(db), str(corpus), "--dask", "local", "--workers", "2")
    assert result.exit_code == EXIT_REJECTED, result.output
    assert "ingested 40 new articles" in result.stdout and "1 duplicates; 1 rejected" in result.stdout
    assert export_jsonl(db) == plain_export


def test_a_dask_scheduler_address_analyses_on_its_cluster_and_stays_up(tmp_path: Path, corpus: Path,
                                                                       plain_export: bytes):
    pytest.importorskip("distributed")
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        db = tmp_path / "scheduler.db"
        result = run("ingest", str(db), str(corpus), "--dask", cluster.scheduler_address)
        assert result.exit_code == EXIT_REJECTED, result.output
        assert "ingested 40 new articles" in result.stdout
        assert export_jsonl(db) == plain_export
        with Client(cluster.scheduler_address) as client:  # the run left the user's cluster as it was
            assert len(client.scheduler_info()["workers"]) == 2


def test_an_unreachable_dask_scheduler_is_one_line(tmp_path: Path, corpus: Path):
    pytest.importorskip("distributed")
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run("ingest", str(tmp_path / "l.db"), str(corpus), "--dask", f"tcp://127.0.0.1:{port}")
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert f"cannot reach the dask scheduler at tcp://127.0.0.1:{port}" in result.output


def test_the_calling_process_of_a_pool_does_not_import_spacy():
    """Ingest's own process only reads, orders and stores: importing what it runs must leave spaCy to the
    workers (a second of CPU on a core they need)."""
    import subprocess
    import sys

    code = ("import sys, claimledger.cli, claimledger.build, claimledger.store, claimledger.pipeline_workers; "
            "print(sorted(m for m in ('spacy', 'thinc', 'natasha') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_languages_are_identified_by_the_analysis_and_stored(tmp_path: Path):
    """Ingest reads texts without identifying their language; the analysis does it (in the workers when
    there are some) and the ledger stores it, the same for one process and two."""
    from claimledger.ingest import read_articles

    folder = tmp_path / "reports"
    folder.mkdir()
    texts = {"en": "The regional governor said on Monday that two bridges near the river had been "
                   "damaged by shelling overnight, and that repairs would begin within a week.",
             "ru": "Губернатор области заявил в понедельник, что ночью в результате обстрела были "
                   "повреждены два моста у реки, а ремонт начнётся в течение недели."}
    for code, text in texts.items():
        for copy in range(20):  # two batches of 32 and more: the pool is used
            (folder / f"{code}-{copy:02d}.txt").write_text(f"{text} Report number {copy}.", encoding="utf-8")
    unread = [a.language for a in read_articles([folder], identify_languages=False)]
    assert unread == [None] * 40
    exports = {}
    for workers in (1, 2):
        db = tmp_path / f"languages-{workers}.db"
        with open_ledger(db) as ledger:
            report = ingest_paths(ledger, [folder], workers=workers)
            counts = ledger.counts()
        assert report.languages == {"en": 20, "ru": 20}
        assert (counts["language:en"], counts["language:ru"]) == (20, 20)
        exports[workers] = export_jsonl(db)
    assert exports[1] == exports[2]


def test_a_rerun_counts_what_is_stored_as_duplicates(tmp_path: Path, corpus: Path):
    """Texts stored by an earlier run are duplicates (looked up batch by batch as they are read): a second
    run stores nothing and counts every article, the repeated text too, as a duplicate."""
    db = tmp_path / "rerun.db"
    with open_ledger(db) as ledger:
        first = ingest_paths(ledger, [corpus], batch_size=8, workers=2)
        second = ingest_paths(ledger, [corpus], batch_size=8, workers=2)
        assert ledger.counts()["articles"] == 40
    assert (first.ingested, first.duplicates) == (40, 1)
    assert (second.ingested, second.duplicates, second.read) == (0, 41, 41)
