"""A ledger shared by a team: writers at once, passwords never shown, text search on its own index.

Tests taking ``ledger_url`` run on SQLite and on PostgreSQL (conftest.py); those taking
``postgres_server`` only on PostgreSQL ($CLAIMLEDGER_TEST_POSTGRES_URL; skipped without it, failing
under CI).
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import event, select, text
from sqlalchemy.engine import make_url

from claimledger.cli import main
from claimledger.models import AnalysedDocument, Article, Attribution, Event
from claimledger.store import open_ledger, schema
from claimledger.store.claims import select_claims
from claimledger.store.search import article_text_match
from claimledger.store.urls import POSTGRES_INSTALL, display_target, hide_secrets

from conftest import ledger_engine, start_ledger_server

SECRET = "s3cret-pw"


def report(i: int) -> AnalysedDocument:
    """A small analysed report: one attribution claiming one strike."""
    text_ = f"Officials said that drones hit Townno{i} overnight."
    content = text_.index("drones")
    trigger = text_.index("hit")
    return AnalysedDocument(
        Article(id=f"r{i}", text=text_, outlet="Wire", published="2024-05-12", language="en"),
        (Attribution(id="a1", content=(content, len(text_) - 1), kind="indirect",
                     source=(0, 9), speaker="Officials", cue=(10, 14)),),
        (),
        (Event(type="strike", trigger=(trigger, trigger + 3), claimed_by="a1"),),
    )


STORED = {"articles": "count(*) from articles", "ids": "count(distinct id) from articles",
          "fingerprints": "count(distinct fingerprint) from articles",
          "attributions": "count(*) from attributions", "events": "count(*) from events",
          "claims": "count(*) from claims"}


def stored(url: str) -> dict[str, int]:
    """Counts of what the ledger holds: rows, and distinct article ids and fingerprints."""
    with ledger_engine(url) as engine, engine.connect() as conn:
        return {name: conn.execute(text(f"select {sql}")).scalar_one() for name, sql in STORED.items()}


# -- two writers --------------------------------------------------------------------------------

def test_a_writer_skips_the_articles_another_is_storing(ledger_url: str, ledger_backend: str):
    """Writer 1 has inserted articles 0-7 and not committed yet when writer 2 stores 4-11: writer 2
    waits (PostgreSQL: on the keys, ON CONFLICT DO NOTHING; SQLite: for the write lock), then
    stores only 8-11, with their layers. Before ON CONFLICT, PostgreSQL lost writer 2's batch."""
    docs = [report(i) for i in range(12)]
    prints = [f"fp-{i}" for i in range(12)]
    first, second = open_ledger(ledger_url), open_ledger(ledger_url)
    inserted, release = threading.Event(), threading.Event()
    results: dict[str, object] = {}

    @event.listens_for(first._engine, "commit")
    def hold(_conn) -> None:  # the batch is written, not yet committed
        if not inserted.is_set():
            inserted.set()
            release.wait(60)

    def save(name: str, ledger, part: slice) -> None:
        try:
            results[name] = ledger.save_documents(docs[part], prints[part])
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            results[name] = exc

    one = threading.Thread(target=save, args=("first", first, slice(0, 8)))
    two = threading.Thread(target=save, args=("second", second, slice(4, 12)))
    try:
        one.start()
        assert inserted.wait(60)
        two.start()
        if ledger_backend == "postgresql":  # until writer 2 waits on writer 1's keys
            with ledger_engine(ledger_url) as engine, engine.connect() as conn:
                for _ in range(600):
                    if conn.execute(text("select count(*) from pg_stat_activity where "
                                         "datname = current_database() and wait_event_type = 'Lock'")).scalar():
                        break
                    time.sleep(0.05)
                else:
                    pytest.fail("the second writer never waited for the first")
        else:
            time.sleep(0.5)  # writer 2 waits in BEGIN IMMEDIATE (busy timeout)
        release.set()
        one.join(60)
        two.join(60)
    finally:
        release.set()
        first.close()
        second.close()
    assert results == {"first": 8, "second": 4}
    assert stored(ledger_url) == {"articles": 12, "ids": 12, "fingerprints": 12, "attributions": 12,
                                  "events": 12, "claims": 12}
    with open_ledger(ledger_url) as ledger:
        assert list(ledger.iter_documents()) == docs


WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    sys.path.insert(0, sys.argv[4])
    from test_shared_store import report
    from claimledger.store import open_ledger

    url, order, folder = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    numbers = list(range(0, 100)) if order == "up" else list(range(149, 49, -1))
    ledger = open_ledger(url)  # both open a new database at once: its migration runs once
    (folder / f"ready-{order}").touch()
    while not (folder / "go").exists():
        time.sleep(0.01)
    new = 0
    for start in range(0, len(numbers), 4):
        batch = numbers[start:start + 4]
        new += ledger.save_documents([report(i) for i in batch], [f"fp-{i}" for i in batch])
    print(new)
""")


def test_two_writer_processes_store_overlapping_batches_once(ledger_url: str, tmp_path: Path):
    """Two processes open a new ledger at once and store 100 articles each in batches of 4, 50 of
    them the same articles in opposite orders: every article is stored once, no batch is lost."""
    tests = str(Path(__file__).parent)
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, ledger_url, order, str(tmp_path), tests],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for order in ("up", "down")]
    try:
        deadline = time.monotonic() + 120
        while not all((tmp_path / f"ready-{o}").exists() for o in ("up", "down")):
            if any(p.poll() is not None for p in procs):  # a writer failed to open it: the other waits for "go"
                for p in procs:
                    p.kill()
                raise AssertionError([p.communicate() for p in procs])
            assert time.monotonic() < deadline, "the writers never opened the ledger"
            time.sleep(0.05)
        (tmp_path / "go").touch()
        outputs = [p.communicate(timeout=300) for p in procs]
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert sum(int(out) for out, _ in outputs) == 150
    assert stored(ledger_url) == {"articles": 150, "ids": 150, "fingerprints": 150,
                                  "attributions": 150, "events": 150, "claims": 150}


def test_link_runs_at_once_replace_the_stories_one_after_the_other(ledger_url: str):
    stories = [[{"id": f"s{run}-{n}", "title": f"story {n}", "claims": [{"article_id": "r0", "ord": n}],
                 "places": {}, "first_date": "2024-05-12", "last_date": "2024-05-12"}
                for n in range(20)] for run in range(2)]
    ledgers = [open_ledger(ledger_url), open_ledger(ledger_url)]
    errors: list[Exception] = []

    def replace(ledger, mine) -> None:
        try:
            for _ in range(5):
                ledger.replace_stories(mine)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=replace, args=pair) for pair in zip(ledgers, stories)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    try:
        assert errors == []
        found = sorted(s["id"] for s in ledgers[0].find_stories(limit=None))
        assert found in (sorted(s["id"] for s in stories[0]), sorted(s["id"] for s in stories[1]))
    finally:
        for ledger in ledgers:
            ledger.close()


# -- passwords ----------------------------------------------------------------------------------

def test_urls_are_shown_without_their_password():
    assert display_target(f"postgresql://team:{SECRET}@db.example:5432/ledger") == \
        "postgresql://team:***@db.example:5432/ledger"
    assert SECRET not in display_target(f"postgresql://db.example/ledger?password={SECRET}&sslmode=require")
    assert display_target(f"postgresql://team:{SECRET}@db.example:notaport/x") == "postgresql://***@db.example:notaport/x"
    assert display_target("ledger.db") == "ledger.db"
    assert display_target(Path("/tmp/a b/ledger.db")) == "/tmp/a b/ledger.db"
    assert display_target("sqlite:////tmp/ledger.db") == "sqlite:////tmp/ledger.db"
    url = f"postgresql://team:{SECRET}@db.example/ledger"
    assert hide_secrets(f"cannot open {url}: password {SECRET} refused", url) == \
        "cannot open postgresql://team:***@db.example/ledger: password *** refused"


def one_line_error(*args: str, env_code: str = "") -> str:
    """Run the CLI in its own process; return its error line, checking there is one (`serve`
    says what it serves first), no traceback, and that nothing shows a password."""
    code = env_code + "from claimledger.cli import main; main()"
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    assert SECRET not in "".join((result.stderr + result.stdout).split())  # wrapped or not
    return errors[0]


def test_a_missing_driver_is_one_line_naming_the_extra():
    url = f"postgresql://team:{SECRET}@127.0.0.1:1/ledger"
    line = one_line_error("claims", url, env_code="import sys; sys.modules['psycopg'] = None; ")
    assert POSTGRES_INSTALL in line and "psycopg" in line and SECRET not in line
    line = one_line_error("serve", url, env_code="import sys; sys.modules['psycopg'] = None; ")
    assert POSTGRES_INSTALL in line and SECRET not in line


def test_an_unreachable_server_is_one_line_without_the_password():
    line = one_line_error("summary", f"postgresql://team:{SECRET}@127.0.0.1:1/ledger")
    assert "postgresql://team:***@127.0.0.1:1/ledger" in line and SECRET not in line


def with_password(url: str) -> tuple[str, str]:
    """Return the URL with a password (its own, or one the server ignores under trust) and it."""
    parsed = make_url(url)
    if parsed.password:
        return url, str(parsed.password)
    return parsed.set(password=SECRET).render_as_string(hide_password=False), SECRET


def test_summary_serve_and_errors_hide_the_password(postgres_server, tmp_path: Path):
    url, password = with_password(postgres_server.create_database("password"))
    with open_ledger(url) as ledger:
        ledger.save_documents([report(1)], ["fp-1"])
        assert password not in ledger.url and "***" in ledger.url
    summary = CliRunner().invoke(main, ["summary", url], catch_exceptions=False)
    shown = "".join(summary.output.split())  # as if no line were wrapped
    assert summary.exit_code == 0 and "1 articles" in summary.output
    assert password not in shown and "".join(display_target(url).split()) in shown
    stories = CliRunner().invoke(main, ["stories", url], catch_exceptions=False)
    assert "no stories yet" in stories.output and password not in "".join(stories.output.split())
    proc, base = start_ledger_server(url, log_dir=tmp_path)
    proc.terminate()
    proc.wait()
    log = "".join(next(tmp_path.glob("serve-*.log")).read_text(encoding="utf-8").split())  # unwrapped
    assert f"serving{display_target(url)}read-only" in log and password not in log

    empty, _ = with_password(postgres_server.create_database("empty"))
    for command in ("claims", "serve"):
        line = one_line_error(command, empty)
        assert "no ledger at" in line and password not in line
    missing = make_url(url).set(database="no_such_database").render_as_string(hide_password=False)
    line = one_line_error("claims", missing)
    assert "no_such_database" in line and password not in line


def test_a_batch_chosen_as_deadlock_victim_is_written_again(ledger_url: str, monkeypatch):
    """PostgreSQL ends one of two writers that wait on each other (same articles, opposite
    orders): that batch is written again instead of being lost."""
    from sqlalchemy.exc import OperationalError

    from claimledger.errors import StoreError
    from claimledger.store.ledger import WRITE_ATTEMPTS, Ledger

    class Deadlock(Exception):
        sqlstate = "40P01"

    real = Ledger._save_batch
    calls: list[int] = []

    def flaky(conn, *args):
        calls.append(1)
        if len(calls) == 1:
            real(conn, *args)  # written, then rolled back
            raise OperationalError("INSERT INTO articles ...", {}, Deadlock("deadlock detected"))
        return real(conn, *args)

    monkeypatch.setattr(Ledger, "_save_batch", staticmethod(flaky))
    with open_ledger(ledger_url) as ledger:
        assert ledger.save_documents([report(1), report(2)], ["fp-1", "fp-2"]) == 2
        assert len(calls) == 2 and ledger.counts()["claims"] == 2
        calls.clear()

        def always(conn, *args):
            calls.append(1)
            raise OperationalError("INSERT INTO articles ...", {}, Deadlock("deadlock detected"))

        monkeypatch.setattr(Ledger, "_save_batch", staticmethod(always))
        with pytest.raises(StoreError, match="deadlock"):
            ledger.save_documents([report(3)], ["fp-3"])
        assert len(calls) == WRITE_ATTEMPTS


# -- text search and listing orders on PostgreSQL --------------------------------------------------

def explain_plans(engine, statements: dict) -> dict[str, str]:
    """PostgreSQL's plan of each statement, with sequential scans off: on a test's few rows the
    planner would scan the table, so this shows whether an index can serve the statement."""
    plans = {}
    with engine.connect() as conn:
        conn.exec_driver_sql("SET enable_seqscan = off")
        for name, stmt in statements.items():
            compiled = stmt.compile(dialect=engine.dialect)
            plans[name] = "\n".join(conn.exec_driver_sql("EXPLAIN " + str(compiled), compiled.params).scalars())
    return plans


def test_postgres_search_runs_on_its_gin_indexes(postgres_server):
    url = postgres_server.create_database("search")
    with open_ledger(url) as ledger:
        ledger.save_documents([report(i) for i in range(30)], [f"fp-{i}" for i in range(30)])
        assert [c["article_id"] for c in ledger.find_claims(search="townno7 drones")] == ["r7"]
        assert [a["id"] for a in ledger.find_articles(search="Townno12 overnight")] == ["r12"]
        searches = {"claims": select_claims(search="Townno7 drones"),
                    "articles": select(schema.articles.c.id).where(article_text_match("Townno12 overnight"))}
        for stmt in searches.values():
            assert "@@ to_tsquery('simple'" in str(stmt.compile(dialect=ledger._engine.dialect))
        plans = explain_plans(ledger._engine, searches)
    assert "ix_claims_text_search" in plans["claims"], plans["claims"]
    assert "ix_articles_text_search" in plans["articles"], plans["articles"]


def test_postgres_listings_walk_an_index_in_their_order(postgres_server):
    """The claim and article listings page newest first, undated last: without indexes in that very
    order PostgreSQL sorted every row for each page (0.4 s at 2.6 M claims)."""
    from claimledger.serve.listings import article_order

    url = postgres_server.create_database("listing")
    with open_ledger(url) as ledger:
        ledger.save_documents([report(i) for i in range(30)], [f"fp-{i}" for i in range(30)])
        plans = explain_plans(ledger._engine, {
            "claims": select_claims().limit(50),
            "articles": select(schema.articles.c.id).order_by(*article_order()).limit(50)})
    for name, index in (("claims", "ix_claims_newest"), ("articles", "ix_articles_newest")):
        assert index in plans[name] and "Sort" not in plans[name], plans[name]


def test_values_longer_than_a_column_bound_are_stored_on_every_back_end(ledger_url: str):
    """PostgreSQL enforces VARCHAR(n) and SQLite does not: the bounded columns are TEXT there
    (migration 9), so a free-form date or a long encoder name cannot cost a batch."""
    doc = report(1)
    published = "Monday, 12 May 2024, 08:00 Kyiv time (UTC+3), updated at 09:30"
    article = Article(id=doc.article.id, text=doc.article.text, published=published,
                      language="english (united kingdom)")
    encoder = "an-encoder-name-" + "x" * 100
    with open_ledger(ledger_url) as ledger:
        assert ledger.save_documents([AnalysedDocument(article, doc.attributions, doc.places, doc.events)],
                                     ["fp-1"]) == 1
        assert next(ledger.iter_documents()).article.published == published
        ledger.save_vectors({"0" * 32: b"\x00\x01"}, encoder)
        ledger.save_vectors({"0" * 32: b"\x00\x02"}, encoder)  # kept once, replaced
        assert ledger.read_vectors(["0" * 32], encoder) == {"0" * 32: b"\x00\x02"}
