"""The search of the pages and the API on SQLite and PostgreSQL: each article's snippet is read from
the head of its text (serve/listings.read_article_snippets) yet is the one the whole text gives, and
the results come in the listings' order whatever the way the database finds them."""
from __future__ import annotations

from sqlalchemy import select

from claimledger.models import AnalysedDocument, Article, Attribution, Event
from claimledger.serve import open_readonly_store
from claimledger.serve.highlight import hit_snippet
from claimledger.serve.listings import SNIPPET_HEAD_CHARS, article_order, claim_order, read_article_snippets
from claimledger.serve.search_plan import gin_first, matches_first
from claimledger.serve.views import Filters, LedgerViews
from claimledger.store import open_ledger, schema
from claimledger.store.claims import select_claims
from claimledger.store.search import article_text_match, hit_pattern

# Invented filler sentences (no gold text): long texts put a hit past the head that is read first.
FILLER = "Trucks moved grain along the river road while the market stayed open. "


def article(article_id: str, text: str, title: str, published: str) -> AnalysedDocument:
    return AnalysedDocument(Article(id=article_id, text=text, title=title, published=published,
                                    language="en", outlet="Test Wire"), (), (), ())


def stored_texts() -> dict[str, tuple[str, str, str]]:
    """id -> (title, text, published): hits early, late, near the head's end, in the title only."""
    far = FILLER * (2 * SNIPPET_HEAD_CHARS // len(FILLER))
    near_end = (FILLER * 100)[:SNIPPET_HEAD_CHARS - 40].rstrip() + ". "  # its sentence runs past the head
    return {
        "early": ("Morning report", "Drones struck a depot in Zolochiv overnight. " + far, "2026-03-05"),
        "late": ("Evening report", far + "Later a depot in Zolochiv burned again.", "2026-03-04"),
        "edge": ("Noon report", near_end + "Sirens sounded over Zolochiv while the convoy kept moving "
                 "along the river road at noon. " + FILLER * 40,
                 "2026-03-03"),
        "title": ("Zolochiv under fire", far, "2026-03-02"),
        "short": ("Brief", "Zolochiv was quiet.", None),
        "none": ("Other news", "Nothing about that town. " + far, "2026-03-01"),
    }


def test_snippets_read_from_the_head_are_those_of_the_whole_text(ledger_url: str):
    texts = stored_texts()
    docs = [article(key, text, title, published) for key, (title, text, published) in texts.items()]
    with open_ledger(ledger_url) as ledger:
        assert ledger.save_documents(docs, [f"fp-{key}" for key in texts]) == len(docs)
    hits = hit_pattern("zolochiv")
    store = open_readonly_store(ledger_url)
    try:
        found = read_article_snippets(store, list(texts), hits)
        for key, (title, text, _) in texts.items():
            assert found[key] == (hit_snippet(text, hits) or hit_snippet(title, hits)), key
        assert found["title"]["text"] == "Zolochiv under fire" and found["none"] is None
        assert "burned again" in found["late"]["text"] and "noon" in found["edge"]["text"]
        result = LedgerViews(store).search(Filters(search="Zolochiv"))
        listed = [a["id"] for a in result["articles"].items]
        assert listed == ["early", "late", "edge", "title", "short"]  # newest first, undated last
        assert [a["snippet"] for a in result["articles"].items] == [found[key] for key in listed]
    finally:
        store.close()


def dated_report(i: int) -> AnalysedDocument:
    """A report with one attributed claim; every third names Zolochiv, every fifth is undated, and
    many share a date (the order's ties are broken by article and position)."""
    town = "Zolochiv" if i % 3 == 0 else f"Townno{i}"
    text = f"Officials said that drones hit {town} overnight."
    content, trigger = text.index("drones"), text.index("hit")
    published = None if i % 5 == 0 else f"2026-02-{1 + i % 4:02d}"
    return AnalysedDocument(
        Article(id=f"r{i:02d}", text=text, title=f"Report {i}", published=published, language="en",
                outlet="Test Wire"),
        (Attribution(id="a1", content=(content, len(text) - 1), kind="indirect", source=(0, 9),
                     speaker="Officials", cue=(10, 14)),),
        (), (Event(type="strike", trigger=(trigger, trigger + 3), claimed_by="a1"),))


def test_search_pages_are_the_same_read_matches_first_or_in_order(ledger_url: str):
    docs = [dated_report(i) for i in range(40)]
    with open_ledger(ledger_url) as ledger:
        ledger.save_documents(docs, [f"fp-{i}" for i in range(40)])
    store = open_readonly_store(ledger_url)
    articles = schema.articles
    searched = {
        "claims": (select_claims(search="zolochiv drones"), claim_order()),
        "articles": (select(articles.c.id, articles.c.published).where(article_text_match("Zolochiv"))
                     .order_by(*article_order()), ((articles.c.published, True), (articles.c.id, False))),
    }
    try:
        with store.connect() as conn:
            for name, (stmt, order) in searched.items():
                rewritten = matches_first(stmt, order)
                assert "MATERIALIZED" in str(rewritten.compile(dialect=conn.dialect))
                pages = [[tuple(row) for row in conn.execute(query.offset(start).limit(4))]
                         for query in (stmt, rewritten) for start in range(0, 16, 4)]
                assert pages[:4] == pages[4:] and sum(map(len, pages[:4])) == 14, name
            if conn.dialect.name == "postgresql":  # few matches: the GIN index; all: the order
                assert gin_first(conn, "claims", 2, 50) and not gin_first(conn, "claims", 40, 1)
                conn.exec_driver_sql("SET enable_seqscan = off")  # a few rows: else a scan
                for index, (stmt, order) in zip(("ix_claims_text_search", "ix_articles_text_search"),
                                                searched.values()):
                    compiled = matches_first(stmt, order).limit(4).compile(dialect=conn.dialect)
                    plan = "\n".join(conn.exec_driver_sql("EXPLAIN " + str(compiled),
                                                           compiled.params).scalars())
                    assert f"Bitmap Index Scan on {index}" in plan, plan
        views = LedgerViews(store)
        found = views.search(Filters(search="Zolochiv"), per_page=5)
        assert found["claims"].total == found["articles"].total == 14
        assert [c["article_id"] for c in found["claims"].items] == ["r03", "r27", "r39", "r06", "r18"]
        assert [a["id"] for a in found["articles"].items] == ["r03", "r27", "r39", "r06", "r18"]
    finally:
        store.close()


def test_the_filter_menus_are_kept_until_the_store_changes(ledger_url: str):
    with open_ledger(ledger_url) as ledger:
        ledger.save_documents([dated_report(i) for i in range(3)], [f"fp-{i}" for i in range(3)])
        store = open_readonly_store(ledger_url)
        try:
            views = LedgerViews(store)
            first = views.menus()
            assert first["outlets"] == ["Test Wire"] and views.menus() is first  # kept
            doc = dated_report(7)
            moved = AnalysedDocument(Article(id="other", text=doc.article.text, language="uk",
                                             outlet="Other Wire"), doc.attributions, (), doc.events)
            ledger.save_documents([moved], ["fp-other"])
            assert views.menus()["outlets"] == ["Test Wire", "Other Wire"]  # most articles first
            assert "uk" in views.menus()["languages"]
        finally:
            store.close()
