"""Framing words: the lexicon's terms found in English, Russian and Ukrainian text, by concept."""
from __future__ import annotations

from claimledger.extract.attribution.framing import (find_framing_concepts, find_framing_words,
                                                     load_framing_terms)


def test_lexicon_rows_are_complete():
    rows = load_framing_terms()
    assert rows and all(r.language in ("en", "ru", "uk") and r.leaning in ("ru", "ua", "any") and r.concept
                        for r in rows)


def test_spans_and_concepts_in_english():
    text = "Russian forces liberated the village; Kyiv says the occupiers shelled it."
    found = find_framing_words(text, "en")
    assert [(text[s:e], concept) for s, e, _, concept in found] == [
        ("liberated", "liberated"), ("occupiers", "occupiers"), ("shelled", "shelling")]


def test_inflected_forms_count_as_one_concept_across_languages():
    assert find_framing_concepts("Войска освободили село, ВСУ отбили атаку.", "ru") == ["liberated", "repelled"]
    assert find_framing_concepts("Сили оборони звільнили село.", "uk") == ["liberated"]
    assert find_framing_concepts("the liberation of the town", "en") == ["liberated"]


def test_words_inside_other_words_are_not_terms():
    assert find_framing_words("Terrorism is not the same as a terrace.", "en") == []
