"""Linking a real ledger and its stories: incremental links, kept vectors, stories by event and
place, contested stories, titles, and the link / stories / compare / relate commands.

Real store (SQLite and PostgreSQL), real pipeline and sentence model; the articles in
tests/fixtures/link are written for these tests (see their README).
"""
from __future__ import annotations

import dataclasses
import json
import os
import re
import sqlite3
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from claimledger.cli import main
from claimledger.link import build_stories, compare_story, link_ledger, load_outlets
from claimledger.link.matching import ClaimLink, LinkClaim, classify_link
from claimledger.link.stories import event_label, summarise_story
from link_claims import claim, event, run

FIXTURES = Path(__file__).parent / "fixtures" / "link"


# -- a real ledger ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def linked_template(request, tmp_path_factory, ledger_backend: str) -> str:
    """The URL of a ledger of the link fixtures, linked, built once per back end; tests get copies
    (linked_db), never this one."""
    from claimledger.build import ingest_paths
    from claimledger.store import open_ledger

    if ledger_backend == "sqlite":
        db = f"sqlite:///{tmp_path_factory.mktemp('linked') / 'ledger.db'}"
    else:
        db = request.getfixturevalue("postgres_server").create_database("linked")
    with open_ledger(db) as ledger:
        ingest_paths(ledger, [str(FIXTURES / "articles.jsonl")])
        link_ledger(ledger)
    return db


@pytest.fixture
def linked_db(request, linked_template: str, ledger_backend: str, tmp_path: Path):
    """The URL of a new ledger of the link fixtures, linked (SQLite and PostgreSQL, conftest.py):
    a copy of linked_template of its own (a PostgreSQL one dropped after the test)."""
    if ledger_backend == "sqlite":
        copy = tmp_path / "ledger.db"
        with closing(sqlite3.connect(linked_template.removeprefix("sqlite:///"))) as source, \
                closing(sqlite3.connect(copy)) as target:
            source.backup(target)
        yield f"sqlite:///{copy}"
        return
    server = request.getfixturevalue("postgres_server")
    url = server.copy_database(linked_template, request.node.originalname)
    yield url
    server.drop_database(url)


def stored_links(db: Path | str) -> list[tuple]:
    from conftest import ledger_engine

    with ledger_engine(db) as engine, engine.connect() as conn:
        return [tuple(row) for row in conn.exec_driver_sql(
            "select a_article, b_article, label, reason from claim_links order by pk")]


@pytest.mark.model
def test_ledger_links_repeats_and_contradictions(linked_db: Path):
    links = {(a, b): (label, reason) for a, b, label, reason in stored_links(linked_db)}
    assert links[("link-ria", "link-tass")][0] == "repeat"
    assert links[("link-reuters", "link-tass")][0] == "repeat"
    assert links[("link-tass", "link-up")][0] == "contradict"
    assert "Lukiantsi" in links[("link-tass", "link-up")][1]
    assert not any("link-ki" in key for key in links)  # Kupiansk shelling: another event


@pytest.mark.model
def test_claim_texts_are_embedded_once_and_kept(tmp_path: Path):
    from claimledger.build import ingest_paths
    from claimledger.store import open_ledger

    embedded: list[int] = []
    with open_ledger(tmp_path / "ledger.db") as ledger:
        ingest_paths(ledger, [str(FIXTURES / "articles.jsonl")])
        link_ledger(ledger, on_embedded=embedded.append)
        first = sum(embedded)
        with sqlite3.connect(tmp_path / "ledger.db") as conn:
            kept = conn.execute("select count(*) from claim_vectors").fetchone()[0]
        assert first > 0 and kept == first  # each distinct text once, all kept
        embedded.clear()
        link_ledger(ledger, rebuild=True, on_embedded=embedded.append)
        assert sum(embedded) == 0  # relinking everything reads the kept vectors back


def stored_stories(db: Path | str) -> list[list[tuple]]:
    from conftest import ledger_engine

    with ledger_engine(db) as engine, engine.connect() as conn:
        return [[tuple(row) for row in conn.exec_driver_sql(f"select * from {table} order by 1, 2, 3")]
                for table in ("stories", "story_claims")]


@pytest.mark.model
def test_link_twice_adds_nothing_and_new_articles_are_linked(linked_db: Path):
    from claimledger.build import ingest_paths
    from claimledger.store import open_ledger

    before, stories = stored_links(linked_db), stored_stories(linked_db)
    with open_ledger(linked_db) as ledger:
        story_ids = [story["id"] for story in ledger.find_stories()]
        again = link_ledger(ledger)
        assert again.nothing_new and again.new_articles == 0 and again.links == 0
        assert stored_links(linked_db) == before
        assert stored_stories(linked_db) == stories  # left as they were: rows, keys and all
        ingest_paths(ledger, [str(FIXTURES / "later.jsonl")])
        report = link_ledger(ledger)
        assert [story["id"] for story in ledger.find_stories()] == story_ids  # ids are stable
    assert report.new_articles == 1 and report.links > 0 and not report.nothing_new
    assert report.stories == len(story_ids) and report.stories_new == report.stories_gone == 0
    assert report.stories_changed >= 1  # the ISW report joins the Lukiantsi story
    assert stored_stories(linked_db) != stories
    added = stored_links(linked_db)[len(before):]
    assert added and all("link-isw" in (a, b) for a, b, _, _ in added)
    assert any(label == "agree" for *_, label, _ in added)


@pytest.mark.model
def test_a_new_article_that_links_to_nothing_leaves_the_stories(linked_db: Path, tmp_path: Path):
    from claimledger.build import ingest_paths
    from claimledger.store import open_ledger

    stories = stored_stories(linked_db)
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "grain", "outlet": "Reuters", "published": "2024-05-14", "language": "en",
                                 "text": "Grain exports through the Black Sea ports rose sharply in March, "
                                         "traders said."}) + "\n", encoding="utf-8")
    with open_ledger(linked_db) as ledger:
        ingest_paths(ledger, [str(other)])
        report = link_ledger(ledger)
        assert report.new_articles == 1 and report.links == 0 and not report.stories_rebuilt
        assert stored_stories(linked_db) == stories
        assert link_ledger(ledger).nothing_new  # marked linked all the same


@pytest.mark.model
def test_a_link_run_cut_short_before_its_stories_is_done_again(linked_db: Path, monkeypatch):
    from claimledger.build import ingest_paths
    from claimledger.link import linker
    from claimledger.store import open_ledger

    def interrupted(claims, links):
        raise KeyboardInterrupt

    with open_ledger(linked_db) as ledger:
        ingest_paths(ledger, [str(FIXTURES / "later.jsonl")])
        links_before, stories_before = ledger.read_links(), ledger.find_stories(limit=None)
        with monkeypatch.context() as patch:
            patch.setattr(linker, "build_stories", interrupted)
            with pytest.raises(KeyboardInterrupt):
                link_ledger(ledger)
        # links, stories and marks are one transaction: nothing of the run is stored
        assert "link-isw" not in ledger.linked_article_ids()
        assert ledger.read_links() == links_before and ledger.find_stories(limit=None) == stories_before
        report = link_ledger(ledger)
        assert not report.nothing_new and report.new_articles == 1 and report.links >= 1
        assert report.stories_changed >= 1 and "link-isw" in ledger.linked_article_ids()
        (story,) = ledger.find_stories(place="Lukiantsi")
        assert "link-isw" in {claim["article_id"] for claim in story["claims"]}
        assert link_ledger(ledger).nothing_new


@pytest.mark.model
def test_link_claims_are_kept_between_runs_and_derived_again_on_a_new_basis(linked_db: Path, tmp_path: Path):
    from claimledger.link.linker import link_claims_basis
    from claimledger.link.matching import link_claims_from_json, make_link_claims
    from claimledger.store import open_ledger

    with open_ledger(linked_db) as ledger:
        registry = load_outlets()
        basis = link_claims_basis(registry)
        kept = ledger.read_link_claims(basis)
        assert set(kept) == set(ledger.article_ids())
        for doc in ledger.iter_documents():  # what is kept is what the documents give
            assert link_claims_from_json(kept[doc.article.id]) == make_link_claims([doc], registry)
        stories = [(s["id"], len(s["claims"])) for s in ledger.find_stories()]
        link_ledger(ledger)  # from the kept claims alone: the same stories
        assert [(s["id"], len(s["claims"])) for s in ledger.find_stories()] == stories
        extra = tmp_path / "outlets.tsv"
        extra.write_text("name\taliases\tdomains\tcountry\townership\tside\tsources\n"
                         "Test Wire\t\ttestwire.example\t\tprivate\tindependent\ta test\n", encoding="utf-8")
        link_ledger(ledger, outlets=[extra])  # another registry: claims derived again
        assert ledger.read_link_claims(link_claims_basis(load_outlets([extra]))).keys() == kept.keys()
        assert ledger.read_link_claims(basis) == {}


@pytest.mark.model
def test_stories_count_independent_sources_per_side(linked_db: Path):
    from claimledger.store import open_ledger

    with open_ledger(linked_db) as ledger:
        stories = ledger.find_stories(place="Lukiantsi")
        assert len(stories) == 1
        story = ledger.get_story(stories[0]["id"])
    russia = story["sides"]["russia_official"]
    # one ministry, 3 outlets; TASS's headline "Russian forces take Lukiantsi" restates its body's report, which is
    # linked in its place (link.matching._restated_reports)
    assert russia["claims"] == 3 and russia["independent_sources"] == 1
    assert set(russia["outlets"]) == {"TASS", "RIA Novosti", "Reuters"}
    view = compare_story(story)
    assert set(view["columns"]) == {"russia", "ukraine"}
    # TASS and RIA print the ministry's sentence word for word: the copy is linked to TASS's claim
    # and only TASS's is paired with the General Staff's; Reuters' own wording is paired too.
    assert len(view["contradictions"]) == 2
    assert all(c["contradicts"] for c in view["columns"]["ukraine"]["claims"])


# Enough articles of the bundled corpus for stories whose links come out of several candidate blocks.
BUNDLED_ARTICLES = 60


@pytest.fixture(scope="module")
def bundled_ledger(tmp_path_factory, examples_dir: Path) -> tuple[Path, Any]:
    """An SQLite ledger of the bundled corpus's first 60 articles, linked; and the link report."""
    from claimledger.build import ingest_paths
    from claimledger.store import open_ledger

    folder = tmp_path_factory.mktemp("bundled")
    lines = (examples_dir / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    subset = folder / "corpus.jsonl"
    subset.write_text("\n".join(lines[:BUNDLED_ARTICLES]) + "\n", encoding="utf-8")
    with open_ledger(folder / "ledger.db") as ledger:
        ingest_paths(ledger, [str(subset)])
        report = link_ledger(ledger)
    return folder / "ledger.db", report


@pytest.mark.model
def test_stories_from_the_bundled_corpus(bundled_ledger):
    from claimledger.store import open_ledger

    db, report = bundled_ledger
    with open_ledger(db, reading=True) as ledger:
        stories = ledger.find_stories(limit=None)
    assert report.links > 0 and stories and report.stories == len(stories)
    for story in stories:
        assert len(story["claims"]) >= 2 and story["title"] and "unplaced" not in story["title"]
        if story["kind"] == "event":  # one event: one place, a window of at most a week
            anchor = story["anchor"]
            assert story["title"].startswith(tuple(event_label(t) for t in story["types"]))
            assert anchor["place"] in anchor["places"]
            assert (date.fromisoformat(anchor["end"]) - date.fromisoformat(anchor["start"])).days <= 7
        assert "_" not in story["title"] and not re.search(r"UA\d{17}|geonames:", story["title"])
        for side in story["sides"].values():
            assert 1 <= side["independent_sources"] <= side["claims"]


def test_build_stories_joins_linked_claims_only():
    a = claim("a", events=[event("strike", "x")])
    b = claim("b", source="speaker:b", events=[event("strike", "x")])
    c = claim("c", source="speaker:c", events=[event("strike", "y")])
    stories = build_stories([a, b, c], [ClaimLink(a.key, b.key, "agree", "same event", 0.7)])
    assert len(stories) == 1 and {x["article_id"] for x in stories[0]["claims"]} == {"a", "b"}


def related(claims: list[LinkClaim]) -> list[ClaimLink]:
    """Return the links classify_link finds between every pair of claims (unrelated left out)."""
    links = []
    for i, a in enumerate(claims):
        for b in claims[i + 1:]:
            relation = classify_link(a, b)
            if relation.label != "unrelated":
                links.append(ClaimLink(a.key, b.key, relation.label, relation.reason, relation.score))
    return links


def members(story: dict) -> set[str]:
    return {c["article_id"] for c in story["claims"]}


def test_a_claim_naming_many_places_sits_in_two_stories_and_joins_neither(ledger_url: str):
    from claimledger.store import open_ledger

    towns = [f"town{n}" for n in range(1, 9)]
    survey = claim("survey", source="speaker:general staff", text="Strikes hit eight towns overnight",
                   events=[event("strike", town) for town in towns])
    kyiv = claim("kyiv", source="speaker:mayor", text="A missile hit a school",
                 events=[event("strike", "town1")])
    kyiv2 = claim("kyiv2", source="speaker:police", text="Rescuers work at the school",
                  events=[event("strike", "town1")])
    theatre = claim("theatre", source="speaker:city council", text="The theatre was bombed",
                    events=[event("strike", "town2")])
    links = related([survey, kyiv, kyiv2, theatre])
    assert {link.label for link in links} == {"agree"} and len(links) == 4
    stories = build_stories([survey, kyiv, kyiv2, theatre], links)
    assert [members(s) for s in stories] == [{"survey", "kyiv", "kyiv2"}, {"survey", "theatre"}]
    assert [s["title"] for s in stories] == ["strike at Town1 (2024-05-12)", "strike at Town2 (2024-05-12)"]
    assert [s["places"] for s in stories] == [{"Town1": 3}, {"Town2": 2}]
    assert all(s["kind"] == "event" and not s["contested"] for s in stories)
    with open_ledger(ledger_url) as ledger:  # the store keeps a claim in both
        assert ledger.replace_stories(stories) == 2
        assert ledger.find_claim_stories("survey", 0) == sorted(s["id"] for s in stories)
        assert ledger.find_claim_stories("theatre", 0) == [stories[1]["id"]]
        assert [members(s) for s in ledger.find_stories(place="Town2")] == [{"survey", "theatre"}]
        assert ledger.find_stories(place="Town3") == []  # named by the survey only: no story's place


def test_contested_stories_hold_a_contradiction():
    taken = claim("tass", source="speaker:ministry of defence of russia", side="russia_official",
                  text="Russian forces took control of Lukiantsi",
                  events=[event("territory_control", "lukiantsi")])
    repelled = claim("up", source="speaker:general staff", side="ukraine_official",
                     text="Ukrainian forces repelled an attack near Lukiantsi",
                     events=[event("attack_repelled", "lukiantsi")])
    shelled = claim("ki", source="speaker:mayor", text="Shelling hit Kupiansk",
                    events=[event("strike", "kupiansk")])
    shelled2 = claim("ki2", source="speaker:police", text="Kupiansk was shelled",
                     events=[event("strike", "kupiansk")])
    stories = {s["places"] and next(iter(s["places"])): s
               for s in build_stories([taken, repelled, shelled, shelled2],
                                      related([taken, repelled, shelled, shelled2]))}
    lukiantsi, kupiansk = stories["Lukiantsi"], stories["Kupiansk"]
    assert lukiantsi["contested"] is True and lukiantsi["contradictions"] == 1
    # one type names the event, in words (taken or repelled: one claim each, the first claim's)
    assert lukiantsi["title"] == "territory control at Lukiantsi (2024-05-12)"
    assert kupiansk["contested"] is False and kupiansk["contradictions"] == 0
    assert compare_story(lukiantsi)["contested"] and not compare_story(kupiansk)["contested"]


def test_a_contradiction_makes_only_its_own_event_contested():
    a = claim("a", source="speaker:ministry", side="russia_official", text="Strikes; Lukiantsi taken",
              events=[event("strike", "kupiansk"), event("territory_control", "lukiantsi")])
    b = claim("b", source="speaker:general staff", side="ukraine_official", text="Strikes; attack repelled",
              events=[event("strike", "kupiansk"), event("attack_repelled", "lukiantsi")])
    c = claim("c", source="speaker:mayor", text="Shelling hit Kupiansk", events=[event("strike", "kupiansk")])
    links = related([a, b, c])
    assert [link.label for link in links if {link.a[0], link.b[0]} == {"a", "b"}] == ["contradict"]
    stories = build_stories([a, b, c], links)
    contested = [s for s in stories if s["contested"]]
    assert [s["anchor"]["place"] for s in contested] == ["lukiantsi"]
    assert all(not s["contested"] for s in stories if s["anchor"]["place"] == "kupiansk")


def test_statement_stories_and_copies_joining_an_event_story():
    speech = "We will never accept the occupation of our land and will keep fighting for every town"
    said = claim("said", source="speaker:zelensky", text=speech)
    again = claim("again", source="speaker:zelensky", text=speech + " and every village")
    report = ("The mayor said a missile hit a school in the centre of the city early on Sunday "
              "morning and rescuers were at work")
    hit = claim("hit", source="speaker:mayor", text=report, events=[event("strike", "town1")])
    copy = claim("copy", source="speaker:mayor", text=report)  # copied text, its event not found
    police = claim("police", source="speaker:police", text="Rescuers work at the school",
                   events=[event("strike", "town1")])
    stories = build_stories([said, again, hit, copy, police], related([said, again, hit, copy, police]))
    by_kind = {s["kind"]: s for s in stories}
    assert len(stories) == 2 and members(by_kind["event"]) == {"hit", "copy", "police"}
    statement = by_kind["statement"]
    assert members(statement) == {"said", "again"} and statement["anchor"] is None
    assert statement["title"].startswith("zelensky on never, accept, occupation (")
    assert "unplaced" not in statement["title"] and statement["relations"] == {"repeat": 1}


def test_story_titles_name_the_event_and_the_place_in_words():
    code = "UA63000000000041885"
    a = claim("a", source="speaker:mayor", events=[event("other", "town1"), event("strike", code)])
    b = claim("b", source="speaker:police", events=[event("other", "town1"), event("strike", code)])
    titles = sorted(s["title"] for s in build_stories([a, b], related([a, b])))
    unnamed = [dataclasses.replace(c, place_labels=()) for c in (a, b)]  # no name for the code
    titles += [s["title"] for s in build_stories(unnamed, related(unnamed))]
    assert "events at Town1 (2024-05-12)" in titles and "strike at Ua63000000000041885 (2024-05-12)" \
        not in titles and "strike (2024-05-12)" in titles
    assert all("_" not in t and "unplaced" not in t and code not in t for t in titles)
    # a statement story: the speaker on the event most of its claims report, where they say
    said = [dataclasses.replace(claim(n, source="speaker:general staff", text=f"Report {n}"),
                                types=("strike",) if n != "c" else (), place_names=("Vovchansk",))
            for n in "abc"]
    links = [ClaimLink(said[0].key, said[1].key, "repeat", "same source", 0.9),
             ClaimLink(said[1].key, said[2].key, "repeat", "same source", 0.9)]
    assert summarise_story(said, links)["title"] == "general staff on strike at Vovchansk (2024-05-12)"
    quiet = [dataclasses.replace(c, types=(), place_names=()) for c in said]
    assert summarise_story(quiet, links)["title"] == "general staff on report (2024-05-12)"


def test_stories_command_lists_contested_stories(ledger_url: str):
    from claimledger.store import open_ledger

    taken = claim("tass", source="speaker:ministry", side="russia_official", text="Lukiantsi taken",
                  events=[event("territory_control", "lukiantsi")])
    repelled = claim("up", source="speaker:general staff", side="ukraine_official",
                     text="Attack near Lukiantsi repelled", events=[event("attack_repelled", "lukiantsi")])
    shelled = claim("ki", source="speaker:mayor", text="Shelling hit Kupiansk",
                    events=[event("strike", "kupiansk")])
    shelled2 = claim("ki2", source="speaker:police", text="Kupiansk shelled",
                     events=[event("strike", "kupiansk")])
    claims = [taken, repelled, shelled, shelled2]
    db = ledger_url
    with open_ledger(db) as ledger:
        ledger.replace_stories(build_stories(claims, related(claims)))
    everything = run("stories", str(db))
    assert "Kupiansk" in everything.output and "Lukiantsi" in everything.output
    assert everything.output.count("yes (1 contradiction)") == 1
    contested = run("stories", str(db), "--contested")
    assert contested.exit_code == 0 and "contested stories" in contested.output
    assert "Lukiantsi" in contested.output and "Kupiansk" not in contested.output
    lines = run("stories", str(db), "--contested", "--format", "jsonl").output.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["contested"] is True
    first = [json.loads(line)["title"] for line in run("stories", str(db), "--sort", "contested",
                                                     "--format", "jsonl").output.splitlines()]
    assert "Lukiantsi" in first[0] and "Kupiansk" in first[1]  # the contested story first
    assert run("stories", str(db), "--sort", "contested", "--limit", "1").output.count("Lukiantsi") == 1
    refused = CliRunner().invoke(main, ["stories", str(db), "--sort", "random"])
    assert refused.exit_code == 2 and "newest" in refused.output
    with open_ledger(db) as ledger:
        ledger.replace_stories(build_stories([shelled, shelled2], related([shelled, shelled2])))
    assert "no contested stories match" in run("stories", str(db), "--contested").output


# -- the commands -------------------------------------------------------------------------------

@pytest.mark.model
def test_link_stories_compare_commands(tmp_path: Path):
    db = str(tmp_path / "ledger.db")
    assert run("ingest", db, str(FIXTURES / "articles.jsonl")).exit_code == 0
    result = run("stories", db)
    assert "claimledger link" in result.output
    result = run("link", db)
    assert result.exit_code == 0 and "2 contradict" in result.output  # TASS and RIA: one wording
    assert "stories rebuilt: " in result.output and " new, 0 changed" in result.output
    again = run("link", db)
    assert again.exit_code == 0 and "nothing new to link" in again.output
    assert "stories left as they are" in again.output
    listing = run("stories", db, "--place", "Lukiantsi", "--format", "jsonl")
    story = json.loads(listing.output.splitlines()[0])
    assert story["contested"] is True and story["contradictions"] == 2
    contested = run("stories", db, "--contested", "--format", "jsonl").output.splitlines()
    assert story["id"] in {json.loads(line)["id"] for line in contested}
    assert all(json.loads(line)["contested"] for line in contested)
    shown = run("compare", db, story["id"])
    assert shown.exit_code == 0 and "RUSSIA" in shown.output and "UKRAINE" in shown.output
    assert "#1" in shown.output and "Lukiantsi" in shown.output and "contested" in shown.output
    missing = CliRunner().invoke(main, ["compare", db, "nope"])
    assert missing.exit_code == 1 and "no story 'nope'" in missing.output


@pytest.mark.model
def test_relate_and_eval_commands(tmp_path: Path):
    pairs = tmp_path / "pairs.jsonl"
    war_pairs = Path(__file__).parent / "data" / "war_news_pairs_dev.jsonl"
    pairs.write_text("".join(line + "\n" for line in war_pairs.read_text(encoding="utf-8")
                             .splitlines()[:40]), encoding="utf-8")
    output = tmp_path / "related.jsonl"
    result = run("relate", str(pairs), "-o", str(output))
    assert result.exit_code == 0
    related = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    assert len(related) == 40 and all(p["label"] in ("repeat", "agree", "contradict", "unrelated")
                                      and p["reason"] for p in related)
    scored = run("eval", str(pairs))
    assert scored.exit_code == 0 and "STANCE PAIRS" in scored.output and "macro-F1" in scored.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "a": "x"}\n', encoding="utf-8")
    failed = CliRunner().invoke(main, ["relate", str(bad)])
    assert failed.exit_code == 1 and "bad.jsonl:1" in failed.output



@pytest.mark.model
def test_stories_are_the_same_whatever_the_string_hashing(bundled_ledger, tmp_path: Path):
    """Python salts string hashes per process; sets of keys must order neither links nor titles."""
    import shutil
    import subprocess
    import sys

    def run_each(args_of) -> list[str]:
        """Run `claimledger ARGS` once per seed, each on its own copy, the three processes at once."""
        procs = [subprocess.Popen([sys.executable, "-m", "claimledger", *args_of(copy)], text=True,
                                  env={**os.environ, "PYTHONHASHSEED": seed}, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE) for seed, copy in copies.items()]
        done = [proc.communicate() for proc in procs]
        assert [proc.returncode for proc in procs] == [0, 0, 0], [err for _, err in done]
        return [out for out, _ in done]

    copies = {}
    for seed in ("1", "3", "5"):  # seeds that gave three different outputs before links were sorted
        copies[seed] = tmp_path / f"ledger-{seed}.db"
        shutil.copy(bundled_ledger[0], copies[seed])
    run_each(lambda copy: ["link", str(copy), "--rebuild"])
    outputs = run_each(lambda copy: ["stories", str(copy), "--format", "jsonl", "--limit", "100"])
    assert outputs[0] and outputs[0] == outputs[1] == outputs[2]
