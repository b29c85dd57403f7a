"""Tests of the ingest stage: files, HTML, feeds, JSONL, standard input, bad input, language, fingerprints."""
from __future__ import annotations

import codecs
import io
import json
import os
from pathlib import Path

import pytest

from claimledger.ingest import MAX_INPUT_BYTES, MAX_RECORD_BYTES, identify_language, read_articles, text_fingerprint
from claimledger.models import Article, InputNotice, Rejection

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Rejection)]


def notices_of(items) -> list[InputNotice]:
    return [i for i in items if isinstance(i, InputNotice)]


def only_rejection(paths, **kwargs) -> Rejection:
    articles, rejections = split(read_articles(paths, **kwargs))
    assert not articles and len(rejections) == 1, (articles, rejections)
    return rejections[0]


# --- the bundled examples ---------------------------------------------------------------------------

def test_html_pages_yield_text_title_date_outlet_url(examples_dir):
    pages = sorted((examples_dir / "raw").glob("*.html"))
    articles, rejections = split(read_articles(pages))
    assert not rejections and len(articles) == len(pages) == 6
    for article in articles:
        assert len(article.text) > 300 and article.title and article.published
        assert article.outlet == "President of Russia"
        assert article.url.startswith("http://en.kremlin.ru/events/president/news/")
        assert article.language == "en"
        assert article.origin.endswith(".html")
    summit = next(a for a in articles if a.origin.endswith("62275.html"))
    assert summit.title == "Normandy format summit" and summit.published == "2019-12-09"


def test_atom_feed_yields_one_article_per_entry(examples_dir):
    feed = examples_dir / "raw" / "kremlin_en_president_news_feed_2020-08-27.atom.xml"
    articles, rejections = split(read_articles([feed]))
    assert not rejections and len(articles) == 20
    first = articles[0]
    assert first.id == first.url == "http://en.kremlin.ru/events/president/news/63953"
    assert first.title == "Launching motor traffic on completed sections of Taurida motorway"
    assert first.published == "2020-08-27T15:20:00+04:00"
    assert first.origin == f"{feed}#1"
    assert "<" not in first.text and "Taurida motorway" in first.text
    # markup line breaks are collapsed: sentences are not broken mid-line
    assert "working trip to the Republic of Crimea" in first.text
    assert all(a.text and a.title and a.published and a.language == "en" for a in articles)
    assert len({a.id for a in articles}) == 20


def test_jsonl_corpus_keeps_record_fields(examples_dir):
    path = examples_dir / "corpus" / "articles.jsonl"
    articles, rejections = split(read_articles([path]))
    assert not rejections and len(articles) == 98
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for article, record in zip(articles, records):
        assert (article.id, article.text, article.outlet, article.language) == (
            record["id"], record["text"], record["outlet"], record["language"])
    assert articles[4].origin == f"{path}:5"


def test_sample_text_file(sample_path, sample_text):
    (article,) = read_articles([sample_path])
    assert article.text == sample_text.strip()
    assert article.title is None  # the first line is a sentence, not a headline
    assert article.language == "en"
    assert article.id.startswith("kharkiv_buffer_zone-")
    assert article.origin == str(sample_path)


def test_directory_is_walked_sorted_and_ids_are_stable(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Second report about the front line.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First report about the front line.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Never read.", encoding="utf-8")
    (tmp_path / "b" / "a.txt").write_text("Another text in a file with the same stem.", encoding="utf-8")
    first = [a.origin for a in read_articles([tmp_path])]
    assert first == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "a.txt"), str(tmp_path / "b" / "two.txt")]
    ids = [a.id for a in read_articles([tmp_path])]
    assert ids == [a.id for a in read_articles([tmp_path])]  # re-running gives the same ids
    assert len(set(ids)) == 3 and ids[0] != ids[1]  # same stem, different text: no collision


def test_directory_links_are_not_followed(tmp_path):
    (tmp_path / "report.txt").write_text("A report from the border region.", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    articles, rejections = split(read_articles(str(tmp_path)))  # a bare path is one path
    assert [a.origin for a in articles] == [str(tmp_path / "report.txt")]
    assert [r.reason for r in rejections] == ["symbolic link to a directory (not followed)"]


def test_results_stream_one_path_at_a_time(tmp_path):
    pulled = []
    paths = [tmp_path / "one.txt", tmp_path / "two.txt"]
    for path in paths:
        path.write_text(f"The report in {path.name}.", encoding="utf-8")

    def lazily():
        for path in paths:
            pulled.append(path)
            yield path

    articles = read_articles(lazily())
    assert next(articles).origin == str(paths[0])
    assert pulled == [paths[0]]


def test_metadata_arguments_override_every_article(examples_dir, sample_path):
    paths = [sample_path, examples_dir / "corpus" / "articles.jsonl"]
    articles = list(read_articles(paths, outlet="Desk", published="2024-05-20", language="uk"))
    assert len(articles) == 99
    assert {(a.outlet, a.published, a.language) for a in articles} == {("Desk", "2024-05-20", "uk")}


# --- plain text, feeds and JSONL fixtures -----------------------------------------------------------

def test_obvious_headline_becomes_title():
    (article,) = read_articles([FIXTURES / "headline.txt"])
    assert article.title == "Shelling reported near Kupiansk"
    assert article.text.startswith("Local officials said on Tuesday")


def test_rss_feed_entries_and_entry_without_text():
    articles, rejections = split(read_articles([FIXTURES / "feed.rss"]))
    assert [a.id for a in articles] == ["wire-1", "https://wire.example/news/3"]
    strike = articles[0]
    assert strike.title == "Strike on Kharkiv & region" and strike.outlet == "Example Wire"
    assert strike.text == "Officials said a missile hit an industrial site in Kharkiv.\nTwo people were injured."
    assert strike.published == "2024-05-14T09:30:00+03:00"
    assert [str(r) for r in rejections] == [f"{FIXTURES / 'feed.rss'}#2: feed entry has no text"]


def test_feed_detected_by_content_whatever_the_extension(tmp_path):
    path = tmp_path / "download"
    path.write_bytes((FIXTURES / "feed.rss").read_bytes())
    articles, _ = split(read_articles([path]))
    assert len(articles) == 2


def test_jsonl_bad_lines_are_rejected_and_the_rest_goes_on():
    path = FIXTURES / "mixed.jsonl"
    articles, rejections = split(read_articles([path]))
    assert [a.id for a in articles] == ["good-1", "good-2"]
    assert articles[0].language == "en" and articles[1].language == "uk"  # from the record, else identified
    assert articles[1].origin == f"{path}:6"
    reasons = {r.line: r.reason for r in rejections}
    assert set(reasons) == {3, 4, 5, 7}
    assert reasons[3].startswith("invalid JSON")
    assert reasons[4] == "record has no text"
    assert reasons[5].startswith("not a JSON object")
    assert "title" in reasons[7]
    assert all(r.origin == str(path) for r in rejections)


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty input"), (b"\n\n  \n", "empty input"), (b'{"text": "a"}\x00\x00\n', "binary data (NUL bytes), not JSONL")],
)
def test_empty_or_binary_jsonl_is_rejected_whole(tmp_path, content, reason):
    path = tmp_path / "records.jsonl"
    path.write_bytes(content)
    assert only_rejection([path]).reason == reason


def test_jsonl_line_over_the_record_limit_is_skipped(tmp_path):
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "huge", "text": "x" * (MAX_RECORD_BYTES + 10)}) + "\n")
        handle.write(json.dumps({"id": "after", "text": "The line after a huge one is still read."}) + "\n")
    articles, rejections = split(read_articles([path]))
    assert [a.id for a in articles] == ["after"] and articles[0].origin == f"{path}:2"
    assert rejections[0].line == 1 and "too long" in rejections[0].reason


# --- standard input ---------------------------------------------------------------------------------

def test_stdin_as_text_and_as_jsonl():
    (text,) = read_articles(["-"], stdin=io.BytesIO("Ukrainian forces said they held the line.\n".encode()))
    assert text.origin == "<stdin>" and text.text == "Ukrainian forces said they held the line."
    lines = b'{"id": "s1", "text": "One record."}\n\n{"id": "s2", "text": "Another record."}\n'
    assert [a.id for a in read_articles(["-"], stdin=io.BytesIO(lines))] == ["s1", "s2"]
    mixed = b'{"id": "s1", "text": "One record."}\nand then a plain line\n'
    (article,) = read_articles(["-"], stdin=io.BytesIO(mixed))
    assert article.text.endswith("and then a plain line")  # not every line is an object: plain text


def test_stdin_too_large_and_not_jsonl_is_refused():
    rejection = only_rejection(["-"], stdin=io.BytesIO(b"a" * (MAX_INPUT_BYTES + 1)))
    assert rejection.origin == "<stdin>" and "too large" in rejection.reason


# --- bad input --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty input"),
        ("blank.txt", "empty input (whitespace only)"),
        ("binary_nul.txt", "binary data (NUL bytes), not text"),
        ("notes.xyz", "unsupported file type .xyz"),
        ("no_text.html", "no extractable text in HTML"),
        ("entity_bomb.rss", "feed declares XML entities (refused: entity expansion risk)"),
        ("not_xml.rss", "not a feed: not well-formed XML"),
    ],
)
def test_bad_files_are_rejected_with_a_reason(name, reason):
    rejection = only_rejection([FIXTURES / name])
    assert rejection.origin == str(FIXTURES / name)
    assert rejection.reason.startswith(reason)
    assert "\n" not in str(rejection)


def test_missing_path_is_a_rejection_and_the_batch_goes_on(sample_path):
    articles, rejections = split(read_articles(["no/such/file.txt", sample_path]))
    assert len(articles) == 1
    assert str(rejections[0]) == "no/such/file.txt: no such file or directory"


def test_an_empty_path_is_refused_not_read_as_the_current_folder(tmp_path, monkeypatch):
    (tmp_path / "report.txt").write_text("A report from the border region.", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert str(only_rejection([""])) == "'': empty path (not read: it would name the current folder)"


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:  # sparse: nothing is written but the size
        handle.truncate(MAX_INPUT_BYTES + 1)
    assert only_rejection([path]).reason.startswith("file too large")


def test_entity_declarations_are_refused_whatever_their_size(tmp_path):
    path = tmp_path / "external.atom"
    path.write_text(
        '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
        '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&ext;</title><summary>x</summary></entry></feed>',
        encoding="utf-8",
    )
    assert "entities" in only_rejection([path]).reason


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("report_cp1251_ru.txt", "ru"), ("report_koi8r_ru.txt", "ru"),
        ("report_utf16_uk.txt", "uk"), ("report_utf8_bom_uk.txt", "uk"),
    ],
)
def test_other_encodings_are_decoded(name, language):
    (article,) = read_articles([FIXTURES / name])
    assert article.language == language
    assert article.text.startswith(("Минобороны России", "Генеральний штаб"))
    assert "\ufeff" not in article.text


def test_undecodable_bytes_are_rejected(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes((i * 37) % 128 + 128 for i in range(3000)))  # high bytes, no text in any encoding
    assert only_rejection([path]).reason == "not UTF-8 and no other encoding decodes it confidently"


def test_control_characters_mean_binary(tmp_path):
    path = tmp_path / "controls.txt"
    path.write_bytes(b"Some text\x01\x02\x03\x04 and \x05\x06\x07\x08 controls " * 10)
    assert only_rejection([path]).reason == "binary data (control characters), not text"


def test_html_in_a_declared_legacy_encoding(tmp_path):
    text = "Минобороны сообщило, что подразделения заняли три населённых пункта в Харьковской области."
    page = f'<html><head><meta charset="windows-1251"><title>Сводка</title></head><body><article><p>{text}</p></article></body></html>'
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("cp1251"))
    (article,) = read_articles([path])
    assert article.text == text and article.title == "Сводка" and article.language == "ru"


# --- language and fingerprints ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Russian troops took three villages.", "en"),
        ("Kharkiv offensive", "en"),
        ("Войска заняли три села в Харьковской области.", "ru"),
        ("Путин провел совещание.", "ru"),
        ("Війська зайняли три села.", "uk"),
        ("У прикордонні Харківщини росіяни намагаються створити буферну зону", "uk"),
        ("Die Truppen haben drei Dörfer eingenommen.", "de"),
        ("Le ministère de la Défense a annoncé la prise de la ville.", "fr"),
        ("Prezydent spotkał się z żołnierzami na froncie.", "pl"),
        ("Войските превзеха три села.", "bg"),
        ("Прэзідэнт сустрэўся з журналістамі ў панядзелак.", "be"),
        ("12345 !!!", None),
        ("", None),
    ],
)
def test_identify_language(text, language):
    assert identify_language(text) == language


def test_fingerprint_ignores_form_not_content():
    plain = 'He said "the zone is a protective measure" - officials agreed.'
    variant = "  he said \u201cthe zone is a\u00a0protective measure\u201d \u2014 OFFICIALS\n agreed.\u200b"
    assert text_fingerprint(plain) == text_fingerprint(variant)
    assert text_fingerprint(plain) != text_fingerprint(plain.replace("protective", "defensive"))
    assert len(text_fingerprint(plain)) == 64 and int(text_fingerprint(plain), 16) >= 0


def test_bom_and_utf16_do_not_change_the_fingerprint(tmp_path):
    text = "Генеральний штаб повідомив про відбиті атаки."
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    first, second = read_articles([tmp_path])
    assert first.id.split("-")[-1] == second.id.split("-")[-1] == text_fingerprint(text)[:10]


# --- damaged input read with a notice, odd files named for what they are ----------------------------

def test_damaged_utf8_is_kept_with_a_notice_naming_line_and_byte(tmp_path):
    good = "The governor said two drones were shot down over Sumy.\nЗеленський заявив про обстріл Харкова"
    data = good.encode("utf-8") + b"\xff\xfe, " + "and the rest is UTF-8 again: Київ.".encode("utf-8")
    path = tmp_path / "damaged.txt"
    path.write_bytes(data)
    items = list(read_articles([path]))
    (article,), rejections = split(items)
    assert not rejections and article.text.startswith(good)  # not decoded whole as another encoding
    assert article.text.endswith("Київ.") and "\ufffd" in article.text
    (notice,) = notices_of(items)
    offset = len(good.encode("utf-8"))
    assert str(notice) == (f"{path}:2: invalid UTF-8 at byte {offset} (invalid start byte); replaced with "
                           "U+FFFD in 2 places; the rest of the text kept")


def test_a_line_in_another_encoding_inside_utf8_is_decoded_in_it(tmp_path):
    uk = "Генеральний штаб повідомив, що сили оборони відбили атаки біля Покровська."
    ru = "Губернатор заявил, что обстрел продолжался всю ночь."
    path = tmp_path / "mixed.txt"
    path.write_bytes((uk + "\n\n").encode("utf-8") + ru.encode("cp1251") + ("\n" + uk).encode("utf-8"))
    items = list(read_articles([path]))
    (article,), _ = split(items)
    assert article.text == f"{uk}\n\n{ru}\n{uk}"
    (notice,) = notices_of(items)
    assert notice.line == 3 and "line 3 decoded as cp1251; the rest of the text kept" in notice.reason


def test_utf8_cut_mid_character_and_utf16_cut_at_an_odd_byte_are_kept(tmp_path):
    text = "Генштаб повідомив про відбиті атаки під Покровськом."
    (tmp_path / "cut8.txt").write_bytes(text.encode("utf-8")[:-2])  # "." and half of "м" gone
    (tmp_path / "cut16.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le")[:-1])
    items = list(read_articles([tmp_path]))
    articles, rejections = split(items)
    assert not rejections and [a.text for a in articles] == [text[:-1] + "\ufffd", text[:-2] + "\ufffd"]
    assert [(n.origin.rsplit("/", 1)[-1], n.line) for n in notices_of(items)] == [("cut16.txt", 1), ("cut8.txt", 1)]
    assert "invalid UTF-16-LE at byte" in str(notices_of(items)[0])


def test_a_nul_in_utf16_text_is_replaced_with_a_notice(tmp_path):
    text = "Генштаб повідомив\x00 про відбиті атаки. " + "Бої тривають під Покровськом. " * 5  # one NUL
    (tmp_path / "nul16.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    items = list(read_articles([tmp_path]))
    (article,), _ = split(items)
    assert article.text == text.replace("\x00", "\ufffd").strip()
    (notice,) = notices_of(items)
    assert "NUL character replaced with U+FFFD in 1 place" in notice.reason


def test_legacy_encodings_give_no_notice():
    items = list(read_articles([FIXTURES / "report_cp1251_ru.txt", FIXTURES / "report_koi8r_ru.txt"]))
    assert len(split(items)[0]) == 2 and not notices_of(items)


def test_html_nested_deeper_than_the_parser_goes_keeps_its_text(tmp_path):
    sentence = "Russian forces shelled Kharkiv on Monday, the governor said."
    depth = 100_000
    page = ("<html><head><title>Deep</title></head><body>" + "<div>" * depth + "<p>" + sentence + "</p>"
            + "</div>" * depth + "<p>After the nesting, officials added details.</p></body></html>")
    path = tmp_path / "deep.html"
    path.write_text(page, encoding="utf-8")
    items = list(read_articles([path]))
    (article,), _ = split(items)
    assert article.text == sentence + "\n\nAfter the nesting, officials added details." and article.title == "Deep"
    (notice,) = notices_of(items)
    assert str(notice).startswith(f"{path}: HTML nested over 256 elements deep: read flat")
    entry = tmp_path / "deep.rss"  # a feed entry's HTML is flattened at any depth too
    entry.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>T</title>'
                     "<description><![CDATA[" + "<div>" * 3000 + sentence + "</div>" * 3000
                     + "]]></description></item></channel></rss>", encoding="utf-8")
    (article,), _ = split(read_articles([entry]))
    assert article.text == sentence


def test_a_deep_page_whose_text_is_too_long_gets_one_line(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>filler text here " * 70_000 + "</div>" * 70_000 + "</body></html>",
                    encoding="utf-8")
    items = list(read_articles([path]))
    assert len(items) == 1 and isinstance(items[0], Rejection)  # no notice beside the rejection
    assert items[0].reason.startswith("text of 1,189,999 characters, over the 1,000,000 analysed")  # stripped


def test_links_and_special_files_are_named_for_what_they_are(tmp_path):
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "a.txt").symlink_to("b.txt")
    (tmp_path / "b.txt").symlink_to("a.txt")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # never opened: reading it would block
    expected = {"loop.txt": "symbolic link loop", "a.txt": "symbolic link loop", "b.txt": "symbolic link loop",
                "gone.txt": "broken symbolic link (to nowhere.txt)", "pipe.txt": "not a regular file (a FIFO)"}
    for name, reason in expected.items():
        assert only_rejection([tmp_path / name]).reason == reason, name  # named on the command line
    walked = split(read_articles([tmp_path]))[1]  # found walking a directory
    assert {Path(r.origin).name: r.reason for r in walked} == expected


def test_a_feed_that_is_not_well_formed_is_read_with_a_notice(tmp_path):
    path = tmp_path / "cut.rss"
    path.write_text('<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Wire</title>\n<item><title>Strike'
                    "</title><description>Russian forces shelled Kharkiv on Monday.</description></item>\n"
                    "<item><title>Second</title><description>Officials said", encoding="utf-8")  # cut short
    items = list(read_articles([path]))
    articles, rejections = split(items)
    assert [a.text for a in articles] == ["Russian forces shelled Kharkiv on Monday."]
    assert [str(r) for r in rejections] == [f"{path}#2: feed entry has no text"]  # the entry cut short
    (notice,) = notices_of(items)
    assert notice.origin == str(path) and notice.line == 4
    assert notice.reason.startswith("not well-formed XML (no element found at column")
    assert notice.reason.endswith("read leniently, 1 of its 2 entries kept; entries after the fault may be missing")



def test_damaged_standard_input_gets_its_notice():
    data = "Зеленський заявив про обстріл Харкова.".encode("utf-8") + b"\xff"
    items = list(read_articles(["-"], stdin=io.BytesIO(data)))
    (article,), rejections = split(items)
    assert not rejections and article.text == "Зеленський заявив про обстріл Харкова.\ufffd"
    assert [str(n) for n in notices_of(items)] == [
        f"<stdin>:1: invalid UTF-8 at byte {len(data) - 1} (invalid start byte); replaced with U+FFFD in 1 place; "
        "the rest of the text kept"]


def test_a_file_name_that_is_not_utf8_is_named_with_escapes(tmp_path):
    path = tmp_path / os.fsdecode(b"r\xe9port.txt")  # Latin-1 bytes: Python keeps them as a surrogate
    path.write_text("Officials said the bridge near Zaporizhzhia was closed.", encoding="utf-8")
    (tmp_path / os.fsdecode(b"\xff.txt")).write_bytes(b"")
    article, rejection = read_articles([tmp_path])
    assert article.origin == f"{tmp_path}/r\\xe9port.txt" and article.origin.encode("utf-8")
    assert str(rejection) == f"{tmp_path}/\\xff.txt: empty input"


def test_json_too_deep_or_with_unstorable_characters_gets_one_line_each(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text("[" * 100_000 + "\n" + '{"text": "Kharkiv", "title": ' + "[" * 5000 + "]" * 5000 + "}\n"
                    + '{"id": "\\udfff", "text": "Officials said the bridge \\ud83d near Zaporizhzhia was \\u0000 closed."}\n',
                    encoding="utf-8")
    items = list(read_articles([path]))
    (article,), rejections = split(items)
    assert [str(r) for r in rejections] == [f"{path}:1: JSON nested too deeply", f"{path}:2: JSON nested too deeply"]
    assert article.id == "\ufffd" and article.text == "Officials said the bridge \ufffd near Zaporizhzhia was \ufffd closed."
    assert [str(n) for n in notices_of(items)] == [
        f"{path}:3: NUL or lone UTF-16 surrogate escaped in a JSON string; replaced with U+FFFD in 3 places"]
    feed = tmp_path / "surrogate.rss"  # a character reference XML forbids: feedparser itself fails on it
    feed.write_text('<?xml version="1.0"?><rss version="2.0"><channel><item><description>Kharkiv &#xD800; was '
                    "shelled.</description></item></channel></rss>", encoding="utf-8")
    assert only_rejection([feed]).reason.startswith("not a feed: not well-formed XML (reference to invalid character")


def test_a_tag_with_thousands_of_attributes_is_refused_before_parsing(tmp_path):
    attributes = " ".join(f'a{i}="x"' for i in range(5000))  # parsers take time in their square
    (tmp_path / "page.html").write_text(f"<html><body><div {attributes}><p>Kharkiv was shelled on Monday, the "
                                        "governor said in a statement.</p></div></body></html>", encoding="utf-8")
    (tmp_path / "feed.rss").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><item {attributes}>'
                                       "<description>Kharkiv was shelled.</description></item></channel></rss>",
                                       encoding="utf-8")
    (tmp_path / "image.html").write_text('<html><body><article><img alt="map" src="data:image/png;base64,'
                                         + "QUJD" * 50_000 + '=="><p>Kharkiv was shelled on Monday, the governor '
                                         "said in a statement.</p></article></body></html>", encoding="utf-8")
    articles, rejections = split(read_articles([tmp_path]))
    assert [a.origin for a in articles] == [str(tmp_path / "image.html")]  # one long attribute is fine
    assert [(Path(r.origin).name, r.reason) for r in rejections] == [
        (name, "a tag with 5,000 attributes (over 1,000): refused, parsing it would take minutes")
        for name in ("feed.rss", "page.html")]
