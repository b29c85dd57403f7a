"""The search of the pages and the API on SQLite and PostgreSQL: each article's snippet is read from
the head of its text (serve/listings.read_article_snippets) yet is the one the whole text gives, and
the results come in the listings' order whatever the way the database finds them."""
from __future__ import annotations

from claimledger.models import AnalysedDocument, Article
from claimledger.serve import open_readonly_store
from claimledger.serve.highlight import hit_snippet
from claimledger.serve.listings import SNIPPET_HEAD_CHARS, read_article_snippets
from claimledger.serve.views import Filters, LedgerViews
from claimledger.store import open_ledger
from claimledger.store.search import hit_pattern

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
