"""Claims as ledger units: sentence-sized, one card per sentence, dated by the news they carry,
and carried by a chain that ends in a name (claims.describe_claims and the stored ledger)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from claimledger.claims import ELLIPSIS, MAX_CLAIM_CHARS, clip, describe_claims
from claimledger.models import AnalysedDocument, Article, Attribution, Event

pytestmark = pytest.mark.model

# Earliest claim date in a ledger of reports on this war (the sample and corpus are 2014 on).
EARLIEST_CLAIM_DATE = "1990-01-01"
# Speakers that always have an antecedent in these reports: the quoted or addressed person, the
# author of an address, a titled official named before. ("they" for news items or crowds is
# still left as written when no group is named before it.)
PERSONAL_PRONOUNS = {"he", "she", "him", "her", "we", "us", "i", "me", "you", "that"}


def _document(text: str, attributions=(), events=(), published="2022-02-21") -> AnalysedDocument:
    article = Article(id="doc", text=text, outlet="Kremlin", published=published, language="en")
    return AnalysedDocument(article=article, attributions=tuple(attributions), places=(),
                            events=tuple(events))


def _event(text: str, trigger: str, type_: str = "strike", when: str | None = None,
           claimed_by: str | None = None) -> Event:
    start = text.index(trigger)
    return Event(type=type_, trigger=(start, start + len(trigger)), actor=None, target=None,
                 places=(), quantity=None, when=when, claimed_by=claimed_by,
                 polarity="asserted", modality="factual")


def _turn(text: str) -> Attribution:
    return Attribution(id="a1", source=None, speaker="Vladimir Putin", speaker_role=None,
                       cue=None, content=(0, len(text)), kind="direct")


def test_a_long_turn_is_split_into_sentence_claims_with_their_own_events():
    sentences = ["Thank you.", "Our troops struck the depot near the border last night.",
                 *[f"Point {n} of the long answer goes on with many words about the economy." for n in range(12)],
                 "The enemy shelled the town again today."]
    text = " ".join(sentences)
    doc = _document(text, [_turn(text)], [_event(text, "struck", claimed_by="a1"),
                                          _event(text, "shelled", claimed_by="a1")])
    claims = [c["view"] for c in describe_claims(doc)]
    assert len(text) > MAX_CLAIM_CHARS
    assert [c["claim"] for c in claims[:2]] == ["a1.1", "a1.2"]
    assert "Thank you." not in [c["content"] for c in claims]  # too short to be a claim
    assert len(claims) == len(sentences) - 1
    struck = next(c for c in claims if c["events"])
    assert struck["content"] == sentences[1] and [e["trigger"] for e in struck["events"]] == ["struck"]
    assert [e["trigger"] for e in claims[-1]["events"]] == ["shelled"]
    assert all(c["attribution"] == "a1" and c["speaker"] == "Vladimir Putin" for c in claims)
    assert all(len(c["content"]) <= MAX_CLAIM_CHARS for c in claims)


def test_a_short_attribution_stays_one_claim():
    text = "The governor said the strike hit a school."
    attribution = Attribution(id="a1", source=(0, 12), speaker="governor", speaker_role=None,
                              cue=(13, 17), content=(18, len(text) - 1), kind="indirect")
    claims = [c["view"] for c in describe_claims(_document(text, [attribution]))]
    assert [(c["claim"], c["content"]) for c in claims] == [("a1", "the strike hit a school")]


def test_events_of_one_sentence_make_one_card():
    text = "Russian forces shelled and stormed the village. Later a drone struck a depot."
    events = [_event(text, "shelled"), _event(text, "stormed", "clash"), _event(text, "struck")]
    claims = [c["view"] for c in describe_claims(_document(text, events=events))]
    assert [(c["claim"], [e["type"] for e in c["events"]]) for c in claims] == [
        ("e1", ["strike", "clash"]), ("e3", ["strike"])]
    assert claims[0]["content"] == "Russian forces shelled and stormed the village."


def test_clip_cuts_only_at_word_boundaries():
    words = [f"word{n}" for n in range(400)]
    text = " ".join(words)
    for around in (None, 5, len(text) // 2, len(text) - 3):
        clipped = clip(text, 120, around=around)
        assert len(clipped) <= 120 + 2 * len(ELLIPSIS)
        inner = clipped.strip(ELLIPSIS).split()
        assert inner and set(inner) <= set(words), clipped
    middle = clip(text, 120, around=text.index("word200"))
    assert "word200" in middle.split() and middle.startswith(ELLIPSIS) and middle.endswith(ELLIPSIS)
    assert clip("short text", 120) == "short text"


def test_history_recalled_in_a_report_does_not_date_its_claim():
    text = "In 1922 the union was founded. In 2014 Crimea was occupied."
    events = [_event(text, "founded", "other", when="1922"),
              _event(text, "occupied", "territory_control", when="2014")]
    claims = [c["view"] for c in describe_claims(_document(text, events=events))]
    assert [c["date"] for c in claims] == [None, "2014-01-01"]
    rows = [c["row"] for c in describe_claims(_document(text, events=events))]
    assert rows[0]["date_start"] is None and rows[1]["date_end"] == "2014-12-31"


# -- the stored ledger of the sample and the corpus (tests/conftest.py served_db) ----------------

@pytest.fixture(scope="module")
def ledger_claims(served_db: Path) -> tuple[list[dict], dict[str, str]]:
    """Every claim card of the served ledger (with its chain), and the article titles and texts by id."""
    from claimledger.serve.readonly import open_readonly_store
    from claimledger.serve.views import LedgerViews

    store = open_readonly_store(served_db)
    views = LedgerViews(store)
    texts = {doc.article.id: f"{doc.article.title or ''}\n{doc.article.text}"
             for doc in store.ledger.iter_documents()}
    claims = [c for article_id in texts for c in views.article(article_id)["claims"]]
    assert len(claims) > 200
    return claims, texts


def test_no_stored_claim_is_longer_than_the_cap(ledger_claims):
    longest = max(ledger_claims[0], key=lambda c: len(c["content"]))
    assert len(longest["content"]) <= MAX_CLAIM_CHARS + 2 * len(ELLIPSIS), longest["content"][:80]


def test_no_stored_claim_is_dated_before_the_period(ledger_claims):
    early = [(c["article_id"], c["date"]) for c in ledger_claims[0]
             if c["date"] and c["date"] < EARLIEST_CLAIM_DATE]
    assert not early


def test_no_duplicate_cards(ledger_claims):
    claims, texts = ledger_claims
    cards = Counter((c["article_id"], c["speaker"], c["content"]) for c in claims)
    # A sentence said twice in one article ("Thank you.") is two claims; a sentence written once
    # is one card, whatever the number of its events.
    duplicates = [key for key, n in cards.items() if n > max(1, texts[key[0]].count(key[2]))]
    assert not duplicates, duplicates[:3]


def test_every_chain_ends_in_a_name_or_a_described_source(ledger_claims):
    pronoun_ends = [(c["article_id"], c["claim"], c["chain"]) for c in ledger_claims[0]
                    if c["chain"][-1].lower() in PERSONAL_PRONOUNS]
    assert not pronoun_ends, pronoun_ends[:5]


def test_a_headline_is_analysed_and_its_claims_are_the_outlets():
    from claimledger.pipeline import analyse_article
    from claimledger.record import document_from_record, document_to_record

    article = Article(id="h", title="Russian troops capture Vovchansk in Kharkiv region",
                      text="Fighting continued on Monday, the ministry said.", language="en",
                      published="2024-05-13", outlet="Wire")
    doc = analyse_article(article)
    record = document_to_record(doc)
    title = record["title_layers"]
    assert [e["type"] for e in title["events"]] == ["territory_control"]
    event = title["events"][0]
    assert article.title[event["trigger"][0]:event["trigger"][1]] == "capture"
    assert document_from_record(record).title_layers == doc.title_layers
    headline = [c for c in describe_claims(doc) if c["view"]["headline"]]
    assert [(c["view"]["claim"], c["view"]["speaker"], c["view"]["content"]) for c in headline] == [
        ("h.e1", None, article.title)]
    assert "vovchansk" in headline[0]["row"]["place_keys"]


def test_a_place_chart_counts_every_claim_not_only_the_page(served_db: Path):
    from claimledger.serve.readonly import open_readonly_store
    from claimledger.serve.views import LedgerViews

    views = LedgerViews(open_readonly_store(served_db))
    key = max(views.places.rows(), key=lambda p: p["articles"])["key"]
    whole = views.place(key, page=1, per_page=1000, with_map=False)
    assert whole["claims"].total > 3
    drawn = whole["chart"]["total"] + whole["chart"]["undated"]
    assert drawn == whole["claims"].total
    second = views.place(key, page=2, per_page=2, with_map=False)
    assert len(second["claims"].items) == 2
    assert second["chart"]["total"] == whole["chart"]["total"]  # the chart is not the page's
    by_day = {}
    for index, claim in enumerate(whole["claims"].items):
        by_day.setdefault((claim["date"] or "")[:10], index)
    for bar in second["chart"]["bars"]:  # each day's bar opens the page holding that day
        if bar["href"]:
            assert bar["page"] == by_day[bar["date"]] // 2 + 1
