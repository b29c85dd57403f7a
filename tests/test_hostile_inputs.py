"""A corpus of hostile inputs, generated here (no committed binaries), fed to `ingest` and `analyze`
in one real run each, beside a few good articles: every bad input gets exactly one line naming the
file (and line) and the reason, each damaged input that is still read gets one warning line, the
good articles are stored once, the batch goes on, the exit code is 3 and no traceback is printed.

Bounded: only the good and kept articles reach the NLP pipeline (a dozen short texts); the 60 MB
file is refused before it is read, the 10 MB JSONL lines before they are analysed, and the 10,000
feed entries and the 2,000 small files repeat one text each, so all but one are duplicates.
"""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from claimledger.ingest import MAX_INPUT_BYTES, MAX_RECORD_BYTES
from claimledger.ingest.decoding import origin_of
from claimledger.store.schema import articles
from claimledger.terminal import printable

from conftest import count_rows, ledger_engine

pytestmark = [pytest.mark.hostile, pytest.mark.model]

FEED_ENTRIES = 10_000
SMALL_FILES = 2_000
HTML_DEPTH = 100_000
SENTENCE = "Russian forces shelled Kharkiv on Monday, the regional governor said."


@dataclass(frozen=True)
class Expected:
    """One line the run must print: 'rejected' or 'warning', the input (and line), the reason."""

    kind: str
    path: Path
    reason: str
    line: int | None = None

    @property
    def prefix(self) -> str:
        where = printable(origin_of(self.path)) + ("" if self.line is None else f":{self.line}")
        return f"{self.kind} {where}: "


def _record(text: str, **fields) -> str:
    return json.dumps({"text": text, **fields}, ensure_ascii=False)


def _rss(items: str) -> str:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def _item(text: str) -> str:
    return f"<item><title>Report</title><description>{text}</description></item>"


def build_corpus(root: Path, examples: Path) -> tuple[list[Path], list[Expected], list[Path], list[Path]]:
    """Write the corpus under ``root``; return (paths to give the command, expected lines, inputs
    whose articles must be stored exactly once, stress inputs left out of `analyze`)."""
    good, bad = root / "good", root / "bad"
    good.mkdir(parents=True)
    bad.mkdir()
    expected: list[Expected] = []

    def reject(path: Path, reason: str, line: int | None = None) -> None:
        expected.append(Expected("rejected", path, reason, line))

    def warn(path: Path, reason: str, line: int | None = None) -> None:
        expected.append(Expected("warning", path, reason, line))

    # Good articles: the sample report, a page, two records (English and Ukrainian).
    (good / "sample.txt").write_bytes((examples / "kharkiv_buffer_zone.txt").read_bytes())
    (good / "page.html").write_bytes((examples / "raw" / "kremlin_en_news_62276.html").read_bytes())
    records = (examples / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    (good / "records.jsonl").write_text(records[0] + "\n" + records[5] + "\n", encoding="utf-8")
    kept = [good / "sample.txt", good / "page.html", good / "records.jsonl"]

    # Empty, binary, undecodable, unsupported, too large.
    (bad / "empty.txt").write_bytes(b"")
    reject(bad / "empty.txt", "empty input")
    (bad / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 200)
    reject(bad / "binary.txt", "binary data (NUL bytes), not text")
    (bad / "binary.jsonl").write_bytes(b"\x00\x01\x02\xff" * 500)
    reject(bad / "binary.jsonl", "binary data (NUL bytes), not JSONL")
    (bad / "noise.txt").write_bytes(bytes((i * 37) % 128 + 128 for i in range(3000)))
    reject(bad / "noise.txt", "not UTF-8 and no other encoding decodes it confidently")
    (bad / "scan.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    reject(bad / "scan.pdf", "unsupported file type .pdf")
    (bad / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
                                   encoding="utf-8")
    reject(bad / "menu.html", "no extractable text in HTML")
    with open(bad / "huge.txt", "wb") as handle:  # 60 MB of real text: refused before it is read
        line = (SENTENCE + "\n").encode("utf-8")
        handle.write(line * (60 * 2**20 // len(line) + 1))
    reject(bad / "huge.txt", f"file too large (60.0 MB; limit {MAX_INPUT_BYTES // 2**20} MB)")

    # Truncated and mixed encodings: read, the damage replaced, one warning line each.
    uk = "Генеральний штаб повідомив, що сили оборони відбили атаки біля Покровська та Куп'янська."
    (bad / "cut_utf8.txt").write_bytes((uk + "\n" + uk).encode("utf-8")[:-2])
    warn(bad / "cut_utf8.txt", "invalid UTF-8 at byte", 2)
    (bad / "cut_utf16.txt").write_bytes(codecs.BOM_UTF16_LE + uk.encode("utf-16-le")[:-1])
    warn(bad / "cut_utf16.txt", "invalid UTF-16-LE at byte", 1)
    (bad / "mixed.txt").write_bytes((uk + "\n\n").encode("utf-8") + "Губернатор заявил об обстреле.".encode("cp1251")
                                    + ("\n" + uk).encode("utf-8"))
    warn(bad / "mixed.txt", "line 3 decoded as cp1251", 3)
    kept += [bad / "cut_utf8.txt", bad / "cut_utf16.txt", bad / "mixed.txt"]

    # JSONL: 10 MB lines and wrong types, each bad line named, the good line after them stored.
    huge_text = "Kharkiv was shelled again. " * (10_000_000 // 27)
    oversize = "x" * (MAX_RECORD_BYTES + 1024)
    (bad / "big_lines.jsonl").write_text("\n".join([
        _record(huge_text), _record(oversize), _record("Officials said two drones were shot down over Sumy.")]) + "\n",
        encoding="utf-8")
    reject(bad / "big_lines.jsonl", f"text of {len(huge_text):,} characters, over the 1,000,000 analysed", 1)
    reject(bad / "big_lines.jsonl", f"line too long (over {MAX_RECORD_BYTES // 2**20} MB)", 2)
    (bad / "types.jsonl").write_text("\n".join([
        '{"text": 42}', '{"text": null}', _record("Text.", title=["a", "list"]), "[1, 2, 3]", '"a string"',
        _record("Text.", id={"nested": True}), _record("Text.", published={"year": 2024}), '{"text": "cut',
        _record("The mayor of Odesa said that the port was hit by a missile overnight."), "[" * 100_000,
        '{"text": "Officials said the bridge \\ud83d near Zaporizhzhia \\u0000 was closed."}']) + "\n",
        encoding="utf-8")
    for line, reason in enumerate(("record's text is empty or not a string", "record has no text",
                                   "record's 'title' must be a string, not a list", "not a JSON object (a list)",
                                   "not a JSON object (a str)", "record's 'id' must be a string, not a dict",
                                   "record's 'published' must be a string, not a dict",
                                   "invalid JSON (Unterminated string starting at column 10)"), start=1):
        reject(bad / "types.jsonl", reason, line)
    reject(bad / "types.jsonl", "JSON nested too deeply", 10)
    warn(bad / "types.jsonl", "NUL or lone UTF-16 surrogate escaped in a JSON string; replaced with U+FFFD in 2", 11)
    kept += [bad / "big_lines.jsonl", bad / "types.jsonl"]

    # Deeply nested HTML: its sentence kept (read flat), one warning line.
    (bad / "deep.html").write_text("<html><body>" + "<div>" * HTML_DEPTH + f"<p>{SENTENCE}</p>"
                                   + "</div>" * HTML_DEPTH + "</body></html>", encoding="utf-8")
    warn(bad / "deep.html", "HTML nested over 256 elements deep: read flat")
    kept.append(bad / "deep.html")

    # Feeds: entity bombs refused whole; a stray '&' read leniently with a warning.
    (bad / "laughs.xml").write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
        + ']><rss version="2.0"><channel><item><title>&lol9;</title><description>&lol9;</description></item>'
        "</channel></rss>", encoding="utf-8")
    (bad / "xxe.rss").write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
                                 + _rss(_item("&xxe;")), encoding="utf-8")
    (bad / "parameter.atom").write_text(
        '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;]>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>t</title><summary>x</summary></entry></feed>',
        encoding="utf-8")
    for name in ("laughs.xml", "xxe.rss", "parameter.atom"):
        reject(bad / name, "feed declares XML entities (refused: entity expansion risk)")
    attributes = " ".join(f'a{i}="x"' for i in range(20_000))  # minutes of parsing, were they parsed
    (bad / "attributes.html").write_text(f"<html><body><div {attributes}>{SENTENCE}</div></body></html>",
                                         encoding="utf-8")
    (bad / "attributes.rss").write_text(_rss(f"<item {attributes}><description>{SENTENCE}</description></item>"),
                                        encoding="utf-8")
    for name in ("attributes.html", "attributes.rss"):
        reject(bad / name, "a tag with 20,000 attributes (over 1,000): refused")
    (bad / "surrogate.rss").write_text(_rss(_item("Kharkiv &#xD800; was shelled.")), encoding="utf-8")
    reject(bad / "surrogate.rss", "not a feed: not well-formed XML (reference to invalid character number at column", 1)
    (bad / "stray_amp.rss").write_text(_rss(_item("Officials in Kherson & Mykolaiv said the bridge was hit.")),
                                       encoding="utf-8")
    warn(bad / "stray_amp.rss", "not well-formed XML (invalid token at column", 1)
    kept.append(bad / "stray_amp.rss")

    # Links, a FIFO, names that are markup or hold a newline and escape codes.
    (bad / "loop.txt").symlink_to("loop.txt")
    (bad / "loop_a.txt").symlink_to("loop_b.txt")
    (bad / "loop_b.txt").symlink_to("loop_a.txt")
    (bad / "dangling.txt").symlink_to("nowhere.txt")
    os.mkfifo(bad / "pipe.txt")
    for name in ("loop.txt", "loop_a.txt", "loop_b.txt"):
        reject(bad / name, "symbolic link loop")
    reject(bad / "dangling.txt", "broken symbolic link (to nowhere.txt)")
    reject(bad / "pipe.txt", "not a regular file (a FIFO)")
    (bad / "[").mkdir()
    (bad / "[" / "x] report.txt").write_bytes(b"\x00 markup")
    reject(bad / "[" / "x] report.txt", "binary data (NUL bytes), not text")
    odd = bad / "bad\nname\x1b[31m\u202e.txt"
    odd.write_bytes(b"")
    reject(odd, "empty input")
    not_utf8 = bad / os.fsdecode(b"cp1251 \xd1\xf3\xec\xfb.txt")  # a name from another system: not UTF-8
    not_utf8.write_text("Officials in Sumy said that the power station was hit again.", encoding="utf-8")
    kept.append(not_utf8)
    (bad / os.fsdecode(b"empty \xff.txt")).write_bytes(b"")
    reject(bad / os.fsdecode(b"empty \xff.txt"), "empty input")

    # Stress: a feed of 10,000 entries and 2,000 small files, one text each (one stored, the rest duplicates).
    many_entries = root / "entries.rss"
    many_entries.write_text(_rss(_item("The governor said that two drones were shot down over Sumy.") * FEED_ENTRIES),
                            encoding="utf-8")
    small = root / "small"
    small.mkdir()
    for number in range(SMALL_FILES):
        (small / f"note-{number:04d}.txt").write_text("Officials said the bridge near Zaporizhzhia was closed.",
                                                      encoding="utf-8")
    stress = [many_entries, small]
    return [good, bad, *stress], expected, kept + [many_entries], stress


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, examples_dir: Path):
    root = tmp_path_factory.mktemp("hostile")
    return build_corpus(root / "inputs", examples_dir) + (root,)


def run_command(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.run([sys.executable, "-m", "claimledger", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env)


def check_lines(result: subprocess.CompletedProcess, expected: list[Expected]) -> None:
    """Exactly one line per expected rejection or warning, with its reason, and no other such line."""
    assert "Traceback" not in result.stderr + result.stdout, result.stderr[-3000:]
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr  # escaped, never sent
    lines = result.stderr.splitlines()
    for item in expected:
        matching = [line for line in lines if line.startswith(item.prefix)]
        assert len(matching) == 1, (item, matching)
        assert item.reason in matching[0], (item, matching[0])
    for kind in ("rejected", "warning"):
        assert sum(line.startswith(kind + " ") for line in lines) == sum(e.kind == kind for e in expected), kind


def test_ingest_names_every_bad_input_once_and_stores_the_rest_once(corpus):
    paths, expected, kept, _stress, root = corpus
    db = root / "ledger.db"
    result = run_command("ingest", str(db), *map(str, paths), "--workers", "1")
    assert result.returncode == 3, result.stderr[-3000:]
    check_lines(result, expected)
    rejected = sum(e.kind == "rejected" for e in expected)
    stored = count_rows(db)
    assert stored["rejections"] == rejected
    # good (1 + 1 + 2), kept despite damage (3 encodings, 3 JSONL lines, the deep page, the stray '&',
    # the name that is not UTF-8), the feed's and the small files' one text each
    assert stored["articles"] == 4 + 3 + 3 + 1 + 1 + 1 + 2
    duplicates = FEED_ENTRIES - 1 + SMALL_FILES - 1
    assert result.stdout.strip().endswith(f"; {duplicates} duplicates; {rejected} rejected")
    with ledger_engine(db) as engine, engine.connect() as conn:
        origins = [row[0] for row in conn.execute(select(articles.c.origin))]
        deep = conn.execute(select(articles.c.text).where(articles.c.origin == str(root / "inputs/bad/deep.html")))
        assert deep.scalar_one() == SENTENCE
    files = [o.split("#")[0].rsplit(":", 1)[0] if o.endswith(tuple("0123456789")) else o for o in origins]
    for path in kept:
        assert files.count(origin_of(path)) == {"records.jsonl": 2, "types.jsonl": 2}.get(path.name, 1), path
    assert sum(o.startswith(str(root / "inputs/small/")) for o in origins) == 1


def test_analyze_names_every_bad_input_once_and_analyses_the_rest(corpus):
    paths, expected, _kept, stress, _root = corpus
    result = run_command("analyze", *(str(p) for p in paths if p not in stress), "--format", "jsonl")
    assert result.returncode == 3, result.stderr[-3000:]
    check_lines(result, expected)
    analysed = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(analysed) == 4 + 3 + 3 + 1 + 1 + 1
    assert any(record["text"] == SENTENCE for record in analysed)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="root reads a file whatever its mode (CI runs as root); the FIFO in the corpus is "
                           "the unreadable case there")
def test_a_file_without_read_permission_is_named(tmp_path: Path):
    from claimledger.ingest import read_articles
    from claimledger.models import Rejection

    locked = tmp_path / "locked.txt"
    locked.write_text(SENTENCE, encoding="utf-8")
    locked.chmod(0)
    (item,) = read_articles([locked])
    assert isinstance(item, Rejection) and item.reason == "cannot read file: Permission denied"
