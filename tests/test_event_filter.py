"""The learned event filter experiment's features (scripts/event_filter_features.py) on invented texts.

The filter is not wired into the pipeline (docs/event_filter_experiment.md); these tests keep the
script that measures it runnable: they fail when the extractors' internals it reads change.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimledger.extract.language.cyrillic import parse_cyrillic
from claimledger.extract.events.events import find_events
from claimledger.extract.events.events_ru_uk import find_events_ru_uk

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from event_filter_features import (  # noqa: E402
    context_text, features_en, features_ru_uk, rejected_matches_en, rejected_matches_ru_uk, sentence_text,
)

pytestmark = pytest.mark.model


def test_english_features_read_the_tree_and_the_rules_decisions(nlp_en):
    text = 'The mayor spoke at noon.\n"We repelled the assault near the bridge," the commander said on Tuesday.'
    doc = nlp_en(text)
    events = find_events(doc, [], [], "2024-05-10")
    assert [e.type for e in events] == ["attack_repelled"]
    features = features_en(doc, events[0], events)
    assert {"type=attack_repelled", "lemma=attack_repelled:repel", "tense=VBD", "subject=1", "quoted",
            "lang=en"} <= features
    assert "first_sentence" not in features and "headline" not in features
    assert sentence_text(doc, events[0]).startswith('"We repelled')


def test_context_is_the_trigger_with_a_few_words_either_side(nlp_en):
    text = ("On the morning of the fourth day of the week the Russian army heavily shelled the eastern "
            "outskirts of the small river town for several hours without a pause.")
    doc = nlp_en(text)
    events = find_events(doc, [], [], "2024-05-10")
    assert [e.type for e in events] == ["strike"]
    assert context_text(doc, events[0]) == "the week the Russian army heavily shelled the eastern outskirts of the small"


def test_rejected_english_matches_name_the_rule_that_rejected_them(nlp_en):
    doc = nlp_en("The ministers discussed the evacuation of civilians from the town.")
    assert find_events(doc, [], [], None) == []
    assert [(kind, doc.text[s:e], reasons) for kind, s, e, reasons in rejected_matches_en(doc)] == [
        ("evacuation", "evacuation", frozenset({"mention"}))]


def test_ukrainian_features_and_rejected_matches():
    doc = parse_cyrillic("Окупанти обстріляли село вранці.", "uk")
    events = find_events_ru_uk(doc, [], [], "2024-05-10")
    assert [e.type for e in events] == ["strike"]
    features = features_ru_uk(doc, events[0], events)
    assert {"type=strike", "lemma=strike:обстріляти", "tag=past", "prev=окупант", "lang=uk"} <= features
    topic = parse_cyrillic("Ми обговорили евакуацію людей.", "uk")
    assert find_events_ru_uk(topic, [], [], None) == []
    assert [(kind, topic.text[s:e]) for kind, s, e, _ in rejected_matches_ru_uk(topic)] == [
        ("evacuation", "евакуацію")]
