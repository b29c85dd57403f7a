"""What the extractors keep per Doc (extract/language/doc_cache.py) and the shortcuts that read it change no output."""
from __future__ import annotations

import pytest

from claimledger.extract.attribution.attribution import find_attributions
from claimledger.extract.dates.dates import TIME_PATTERNS, parse_published, scan_time_expressions
from claimledger.extract.language.doc_cache import sentence_of, token_starts, tokens_at, tokens_where
from claimledger.extract.events.events import find_events
from claimledger.extract.places.gazetteer import load_gazetteer
from claimledger.extract.places.places import find_places

TEXT = ("Officials said on Monday that Russian forces shelled Kharkiv and Kupiansk. Is that true? "
        "The mayor of Kharkiv denied it. According to the governor, two villages near Kupiansk were hit "
        "last week, and the army repelled an attack on Vovchansk in the Kharkiv region.\n"
        "Kharkov residents were evacuated on March 3, 2024.")


def _all_patterns(text: str, published: str | None) -> list[tuple[int, int, str | None]]:
    """Every English time pattern run on the whole text, with no word test first."""
    pub = parse_published(published)
    taken: list[tuple[int, int, str | None]] = []
    for pattern, resolver in TIME_PATTERNS:
        for m in pattern.finditer(text):
            if not any(m.start() < e and s < m.end() for s, e, _ in taken):
                taken.append((m.start(), m.end(), resolver(m, pub)))
    return sorted(taken)


@pytest.mark.model
def test_sentence_of_is_token_sent(nlp_en):
    doc = nlp_en(TEXT)
    assert len(list(doc.sents)) > 3
    for token in doc:
        assert sentence_of(token) == token.sent


@pytest.mark.model
def test_tokens_read_from_the_doc_arrays_are_those_a_walk_over_the_tokens_finds(nlp_en):
    doc = nlp_en(TEXT + " U.S.-led talks, a Kyiv-based group.")
    for attribute, words in (("LOWER", frozenset({"kharkiv", "the", "villages", "according"})),
                             ("LEMMA", frozenset({"say", "village", "evacuate", "deny"}))):
        found = tokens_where(doc, attribute, words)
        assert found == [t for t in doc if (t.lower_ if attribute == "LOWER" else t.lemma_) in words]
        assert len(found) > 3
    assert token_starts(doc) == [t.idx for t in doc]
    hyphens = [i for i, char in enumerate(doc.text) if char == "-"]
    assert [t.text for t in tokens_at(doc, hyphens)] == ["U.S.-led", "-"]  # ("Kyiv-based": three tokens)


@pytest.mark.parametrize("text", [
    "The talks began on Friday, and since March 5, 2023 the troops held the line.",
    "THIS WEEK the army said; last MONTH it did not; this year, Sept. 12 and 3 Jan 2022.",
    "The city was quiet for three DAYS now, the governor said TOMORROW would tell.",
    "No date here at all, only a monday in lower case and maybe may.",
    "Laſt week and thiſ month (long s), upon Monday, in the paſt two days.",
    "TONİGHT (a dotted capital I) the town was shelled.",
    "Yeſterday (a long s) the town was shelled.",
    "YESTERDAY, earlier today and this evening the town was shelled.",
    "Reported on 2024-05-11, since 2022 and in 2023; SINCE 2014, during 1999 and until 2030.",
])
def test_time_patterns_skip_only_texts_they_cannot_match(text):
    for published in (None, "2024-06-15"):
        assert scan_time_expressions(text, published) == _all_patterns(text, published)


@pytest.mark.model
def test_a_doc_analysed_twice_gives_the_records_of_a_fresh_doc(nlp_en):
    gazetteer = load_gazetteer()

    def analyse(doc):
        attributions = find_attributions(doc, "2024-03-05")
        places = find_places(doc, gazetteer)
        return attributions, places, find_events(doc, attributions, places, "2024-03-05")

    doc = nlp_en(TEXT)
    first = analyse(doc)
    assert first[1] and first[2]  # the text holds places and events to compare
    assert analyse(doc) == first  # the per-Doc caches now full
    assert analyse(nlp_en(TEXT)) == first
    refs = {p.text: p.ref for p in first[1]}
    assert refs["Kharkiv"] is not None and refs["Kharkov"] == refs["Kharkiv"]
