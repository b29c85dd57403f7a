"""The command line end to end: real files, a real ledger (SQLite, and PostgreSQL through
ledger_url in conftest.py), the real pipeline."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from claimledger.cli import EXIT_REJECTED, main
from claimledger.store.schema import articles

from conftest import count_rows, ledger_engine

pytestmark = pytest.mark.model

KHARKIV_OBLAST = "UA63000000000041885"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def table_counts(db: Path | str) -> dict[str, int]:
    return count_rows(db)


@pytest.fixture
def small_corpus(tmp_path: Path, examples_dir: Path) -> list[str]:
    """The sample report, the raw HTML/feed files and ten corpus records."""
    lines = (examples_dir / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:10]
    subset = tmp_path / "subset.jsonl"
    subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(examples_dir / "kharkiv_buffer_zone.txt"), str(examples_dir / "raw"), str(subset)]


def test_ingest_twice_adds_nothing(ledger_url: str, small_corpus: list[str]):
    db = ledger_url
    first = run("ingest", str(db), *small_corpus)
    assert first.exit_code == 0, first.output
    counts = table_counts(db)
    assert counts["articles"] == 1 + 6 + 20 + 10
    assert counts["attributions"] > 50 and counts["places"] > 50 and counts["events"] > 20
    second = run("ingest", str(db), *small_corpus)
    assert second.exit_code == 0
    assert "ingested 0 new articles" in second.output
    assert table_counts(db) == counts


def test_bad_inputs_are_rejected_and_the_rest_is_stored(tmp_path: Path, ledger_url: str, sample_path: Path):
    db = ledger_url
    assert run("ingest", str(db), str(sample_path)).exit_code == 0
    before = table_counts(db)

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (bad / "lines.jsonl").write_text(
        '{"id": "ok-1", "text": "The governor said that two drones were shot down over Sumy."}\n'
        '{"id": "broken", "text": \n', encoding="utf-8")
    (bad / "bomb.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
        '<rss><channel><item><title>&lol2;</title></item></channel></rss>', encoding="utf-8")
    (bad / "empty.html").write_text("<html><body><script>x()</script></body></html>", encoding="utf-8")
    (bad / "cyrillic.txt").write_bytes("Губернатор заявил, что обстрел продолжался всю ночь.".encode("cp1251"))

    result = CliRunner().invoke(main, ["ingest", str(db), str(bad)], catch_exceptions=False)
    assert result.exit_code == EXIT_REJECTED
    rejected = [line for line in result.stderr.splitlines() if line.startswith("rejected")]
    named = " ".join(rejected)
    for name in ("empty.txt", "binary.txt", "lines.jsonl:2", "bomb.xml", "empty.html"):
        assert name in named, result.stderr
    assert all(len(line.splitlines()) == 1 for line in rejected)
    after = table_counts(db)
    assert after["articles"] == before["articles"] + 2  # ok-1 and the cp1251 text
    assert after["rejections"] == len(rejected)
    with ledger_engine(db) as engine, engine.connect() as conn:
        text = conn.execute(select(articles.c.text).where(articles.c.origin.endswith("cyrillic.txt"))).scalar_one()
    assert text.startswith("Губернатор заявил")


def test_missing_database_for_query_is_one_line_error(tmp_path: Path):
    result = run("claims", str(tmp_path / "nope.db"))
    assert result.exit_code == 1
    assert len(result.stderr.strip().splitlines()) == 1


def test_analyze_sample_gives_the_claimed_territory(sample_path: Path):
    result = run("analyze", str(sample_path), "--format", "jsonl")
    assert result.exit_code == 0
    record = json.loads(result.stdout.splitlines()[0])
    text = record["text"]
    attributions = {a["id"]: a for a in record["attributions"]}

    def part(span):
        return text[span[0]:span[1]]

    control = [e for e in record["events"] if e["type"] == "territory_control"]
    assert len(control) == 1
    event = control[0]
    assert event["quantity"] == 3
    assert KHARKIV_OBLAST in event["places"]
    assert event["actor"] == "Russian Armed Forces"
    claimant = attributions[event["claimed_by"]]
    assert claimant["speaker"] in ("Valery Gerasimov", "Russian military officials")

    gerasimov = [a for a in record["attributions"] if a["speaker"] == "Valery Gerasimov"]
    assert [part(a["cue"]) for a in gerasimov] == ["according to"]
    putin_cues = {part(a["cue"]) for a in record["attributions"] if a["speaker"] == "Vladimir Putin"}
    assert {"emphasized", "highlighted", "stated", "noting"} <= putin_cues

    hedges = {h for a in record["attributions"] for h in a["hedges"]}
    assert {"a claim that", "alleged", "what it describes as"} <= hedges
    describes = [a for a in record["attributions"] if "what it describes as" in a["hedges"]]
    assert part(describes[0]["content"]) == "unprovoked aggression by Ukraine"


def test_analyze_with_publication_date_resolves_the_month(sample_path: Path):
    result = run("analyze", str(sample_path), "--format", "jsonl", "--published", "2024-12-03")
    record = json.loads(result.stdout.splitlines()[0])
    control = [e for e in record["events"] if e["type"] == "territory_control"]
    assert control[0]["when"] == "2024-11"


def test_analyze_text_report_names_speakers_and_places(sample_path: Path):
    result = run("analyze", str(sample_path))
    assert result.exit_code == 0
    for expected in ("Valery Gerasimov", "Vladimir Putin", "Kharkiv Oblast", "territory_control"):
        assert expected in result.stdout


def test_claims_query_and_exports(tmp_path: Path, ledger_url: str, sample_path: Path, examples_dir: Path):
    db = ledger_url
    assert run("ingest", str(db), str(sample_path), "--published", "2024-12-03").exit_code == 0
    found = run("claims", str(db), "--place", "Kharkiv Oblast", "--type", "territory_control",
                "--format", "jsonl")
    rows = [json.loads(line) for line in found.stdout.splitlines()]
    assert rows and all(any(e["type"] == "territory_control" for e in r["events"]) for r in rows)
    assert run("claims", str(db), "--speaker", "Gerasimov", "--format", "jsonl").stdout.strip()
    assert run("claims", str(db), "--since", "2025-01", "--format", "jsonl").stdout.strip() == ""

    records = run("export", str(db), "--format", "jsonl").stdout.splitlines()
    assert json.loads(records[0])["events"]
    table = list(csv.DictReader(io.StringIO(run("export", str(db), "--format", "csv").stdout)))
    assert {"speaker", "content"} <= set(table[0])
    out = tmp_path / "places.geojson"
    assert run("export", str(db), "--format", "geojson", "-o", str(out)).exit_code == 0
    assert json.loads(out.read_text())["type"] == "FeatureCollection"


def test_summary_prints_what_was_found(ledger_url: str, sample_path: Path):
    db = ledger_url
    run("ingest", str(db), str(sample_path))
    result = run("summary", str(db))
    assert result.exit_code == 0
    assert "Vladimir Putin" in result.stdout and "territory_control" in result.stdout


def test_places_shows_the_ledger_of_an_oblast_with_unnamed_places(ledger_url: str, sample_path: Path):
    db = ledger_url
    assert run("ingest", str(db), str(sample_path), "--published", "2024-12-03").exit_code == 0
    found = run("places", str(db), "Kharkiv region", "--format", "jsonl")
    assert found.exit_code == 0
    ledger = json.loads(found.stdout)
    assert ledger["place"]["key"] == KHARKIV_OBLAST
    unnamed = [c for c in ledger["claims"] if c["unnamed"]]
    assert unnamed and unnamed[0]["date"] == "2024-11" + "-01"
    assert any(e["quantity"] == 3 and e["type"] == "territory_control" for e in unnamed[0]["events"])
    dates = [c["date"] for c in ledger["claims"] if c["date"]]
    assert dates == sorted(dates)
    table = run("places", str(db), "Kharkiv Oblast")
    assert "(unnamed" in table.stdout and "Kharkiv Oblast" in table.stdout


def test_places_lists_candidates_for_an_ambiguous_name(tmp_path: Path, ledger_url: str):
    text = tmp_path / "report.txt"
    text.write_text("Russian troops shelled Chornobaivka in the Kherson region on Monday. "
                    "Officials said that Chornobaivka in the Kharkiv region was hit as well.\n", encoding="utf-8")
    db = ledger_url
    assert run("ingest", str(db), str(text), "--published", "2024-06-03").exit_code == 0
    listed = run("places", str(db), "Chornobaivka")
    assert "fits 2 places" in listed.stdout and "Kherson Oblast" in listed.stdout
    key = next(line.split()[0] for line in listed.stdout.splitlines() if "Kharkiv Oblast" in line)
    one = json.loads(run("places", str(db), key, "--format", "jsonl").stdout)
    assert one["place"]["key"] == key and one["claims"]
    assert "no place called" in run("places", str(db), "Atlantis").stdout


def test_user_text_is_printed_as_it_is_never_as_markup(tmp_path: Path):
    odd = tmp_path / "report [red] [bold].txt"
    odd.write_text("Kyiv officials said [sic] that the [/x] strike on Kharkiv was repelled.", encoding="utf-8")
    shown = run("analyze", str(odd))
    flat = "".join(ch for ch in shown.output if not ch.isspace() and ch != "│")  # cells may wrap
    assert shown.exit_code == 0 and "the[/x]strike" in flat  # a closing tag once raised MarkupError
    empty = tmp_path / "empty [bold]\x1b[31m\nline.txt"
    empty.write_text("", encoding="utf-8")
    result = run("ingest", str(tmp_path / "ledger.db"), str(empty))
    assert result.exit_code == EXIT_REJECTED
    rejected = [line for line in result.output.splitlines() if line.startswith("rejected")]
    assert len(rejected) == 1  # the newline in the name does not split the line
    assert "[bold]" in rejected[0] and "\\x1b" in rejected[0] and "\\x0a" in rejected[0]
    assert "\x1b" not in result.output


def test_bad_option_values_are_refused(tmp_path: Path, sample_path: Path):
    db = tmp_path / "ledger.db"
    bad_date = CliRunner().invoke(main, ["ingest", str(db), str(sample_path), "--published", "notadate"])
    assert bad_date.exit_code == 2 and "notadate" in bad_date.output and "ISO 8601" in bad_date.output
    assert not db.exists() or table_counts(db)["articles"] == 0
    assert run("ingest", str(db), str(sample_path), "--published", "2024-11-25T08:00:00Z").exit_code == 0
    negative = CliRunner().invoke(main, ["claims", str(db), "--limit", "-5"])
    assert negative.exit_code == 2 and "--limit" in negative.output


def test_eval_refuses_a_binary_an_empty_or_an_unannotated_file(tmp_path: Path):
    cases = {"binary.jsonl": b"\x00\x01\xff\xfe binary", "empty.jsonl": b"",
             "plain.jsonl": b'{"id": "x", "text": "Kyiv was shelled."}\n', "deep.jsonl": b"[" * 100_000}
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = CliRunner().invoke(main, ["eval", str(path)])
        assert result.exit_code == 1, name
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error:") and name in lines[0], result.output


def test_a_title_too_long_to_parse_is_rejected_and_the_run_goes_on(tmp_path: Path, sample_path: Path):
    records = tmp_path / "feed.jsonl"
    records.write_text(json.dumps({"id": "huge", "title": "Kharkiv shelled. " * 70_000,
                                   "text": "Russian forces shelled Kharkiv on Monday."}) + "\n", encoding="utf-8")
    result = run("ingest", str(tmp_path / "ledger.db"), str(records), str(sample_path))
    assert result.exit_code == EXIT_REJECTED
    assert "feed.jsonl:1: title of 1,190,000 characters, over the 1,000,000" in result.output
    assert table_counts(tmp_path / "ledger.db")["articles"] == 1


def test_a_text_too_long_to_parse_is_rejected_and_the_run_goes_on(tmp_path: Path, ledger_url: str, sample_path: Path):
    long_text = tmp_path / "book.txt"
    long_text.write_text("Russian forces shelled Kharkiv on Monday. " * 25_000, encoding="utf-8")  # 1.05M chars
    db = ledger_url
    result = run("ingest", str(db), str(long_text), str(sample_path))
    assert result.exit_code == EXIT_REJECTED
    assert "book.txt: text of 1,049,999 characters, over the 1,000,000 analysed" in result.output  # stripped
    assert table_counts(db)["articles"] == 1 and table_counts(db)["rejections"] == 1
    analysed = run("analyze", str(long_text), str(sample_path), "--format", "jsonl")
    assert analysed.exit_code == EXIT_REJECTED and "book.txt: text of 1,049,999 characters" in analysed.output
    assert "sample-kharkiv" in analysed.output or '"text"' in analysed.output  # the sample still analysed


def test_printed_text_carries_no_escape_codes_and_no_emoji_codes(tmp_path: Path):
    report = tmp_path / "report.txt"
    filler = " The regional administration listed the damaged buildings and the roads that were closed." * 4
    report.write_text("Governor Oleh Syniehubov said that two drones were shot down \x1b[2J over Sumy :fire: "
                      "on Monday \u202eyadnoM\u202c." + filler + "\n\nOfficials said that the \x1b]0;pwned\x07 "
                      "strike on Kharkiv was repelled." + filler, encoding="utf-8")
    db = tmp_path / "ledger.db"
    assert run("ingest", str(db), str(report)).exit_code == 0  # 3 control characters in 700: text, kept
    shown = {command: run(command, *args) for command, *args in (
        ("analyze", str(report)), ("claims", str(db)), ("summary", str(db)), ("places", str(db), "Sumy"))}
    for command, result in shown.items():
        assert result.exit_code == 0, command
        assert "\x1b" not in result.output and "\x07" not in result.output and "\u202e" not in result.output, command
        assert "\\x1b" in result.output, command  # shown, not sent to the terminal
    assert ":fire:" in shown["analyze"].output and ":fire:" in shown["claims"].output  # never an emoji


def test_an_error_naming_a_file_stays_on_one_line(tmp_path: Path):
    result = CliRunner().invoke(main, ["summary", str(tmp_path / "bad\nname [/x].db")])
    assert result.exit_code == 1
    assert result.output.splitlines() == [f"error: no ledger at {tmp_path}/bad\\x0aname [/x].db"]


def test_count_options_refuse_negative_values(tmp_path: Path):
    for args in (("summary", "x.db", "--top", "-1"), ("summary", "x.db", "--top", "0"),
                 ("eval", str(tmp_path), "--errors", "-5"), ("stories", "x.db", "--limit", "-1"),
                 ("places", "x.db", "Sumy", "--limit", "-2")):
        result = CliRunner().invoke(main, list(args))
        assert result.exit_code == 2 and "Invalid value" in result.output, args


def test_a_nul_in_utf16_text_is_stored_replaced(tmp_path: Path, ledger_url: str):
    import codecs

    path = tmp_path / "nul16.txt"  # PostgreSQL refuses NUL in text: replaced before the store
    path.write_bytes(codecs.BOM_UTF16_LE + ("Russian forces shelled\x00 Kupiansk. " + "Officials said more fighting followed. " * 4).encode("utf-16-le"))
    result = CliRunner().invoke(main, ["ingest", ledger_url, str(path)])
    assert result.exit_code == 0, result.output
    assert "NUL character replaced" in result.output and "ingested 1 new" in result.output


def test_places_finds_a_village_named_as_one_of_an_oblasts_homonyms(tmp_path: Path, ledger_url: str):
    text = tmp_path / "report.jsonl"
    text.write_text(json.dumps({"id": "r1", "outlet": "ТАСС", "published": "2024-12-08", "language": "ru",
                                "title": "", "text": "Армия России освободила село Благодатное в ДНР."},
                               ensure_ascii=False) + "\n", encoding="utf-8")
    db = ledger_url
    assert run("ingest", str(db), str(text)).exit_code == 0
    for query in ("Blahodatne (Donetsk Oblast)", "Blahodatne"):
        found = json.loads(run("places", str(db), query, "--format", "jsonl").stdout)
        assert found["place"]["name"] == "Blahodatne (Donetsk Oblast)", query
        assert any(e["type"] == "territory_control" for c in found["claims"] for e in c["events"]), found
