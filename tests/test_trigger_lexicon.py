"""The English event lexicon's index finds exactly what one Matcher over the whole lexicon finds, and the per-Doc
values the extractors share (doc_cache) are those spaCy would give: the fast paths change no result."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.matcher import Matcher

from claimledger.extract.language.doc_cache import doc_text, doc_tokens, keep_text
from claimledger.extract.events.trigger_lexicon_en import _token_patterns, lexicon_matches, load_event_lexicon

pytestmark = pytest.mark.model

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus" / "articles.jsonl"


def _whole_lexicon_matches(doc) -> set[tuple[int, int, int]]:
    """(row, start, end) of every lexicon match by one Matcher holding every pattern: the plain reading."""
    matcher = Matcher(doc.vocab)
    for number, (_, pattern, _) in enumerate(load_event_lexicon()):
        matcher.add(f"row_{number}", _token_patterns(pattern))
    return {(int(doc.vocab.strings[m].rsplit("_", 1)[1]), s, e) for m, s, e in matcher(doc)}


def _english_texts(count: int) -> list[str]:
    with CORPUS.open(encoding="utf-8") as lines:
        texts = [r["text"] for r in map(json.loads, filter(str.strip, lines)) if r.get("language") == "en"]
    return texts[:count]


def test_the_index_finds_what_one_matcher_over_the_lexicon_finds(nlp_en):
    texts = _english_texts(6) + [
        "Ukrainian troops withdrew to more favourable positions near Avdiivka.",
        "Russia says it is in full control of Bakhmut; the two countries have been at war since 2022.",
        "Attacks on Kharkiv continued. ATTACK DRONES struck the port, and Shelling resumed.",
    ]
    for doc in nlp_en.pipe(texts):
        assert lexicon_matches(doc) == _whole_lexicon_matches(doc), doc.text[:80]


def test_a_pattern_found_only_past_a_window_start_still_needs_its_first_word(nlp_en):
    doc = nlp_en("Troops moved to safer positions.")
    rows = load_event_lexicon()
    assert {rows[i][1] for i, _, _ in lexicon_matches(doc)} >= {"to better|safer|prepared * positions|lines"}
    assert not lexicon_matches(nlp_en("Troops moved safer positions to."))


def test_kept_values_are_spacys(nlp_en):
    text = "Kyiv  said\tthe strike\n\nhit two  villages. "
    doc = keep_text(nlp_en(text), text)
    assert doc_text(doc) == doc.text == text
    assert [t.i for t in doc_tokens(doc)] == [t.i for t in doc] and doc_tokens(doc) is doc_tokens(doc)
