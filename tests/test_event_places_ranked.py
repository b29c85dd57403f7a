"""Event places shared by every language, on the real pipeline (spaCy, natasha/pymorphy3, gazetteer):
names the gazetteer leaves ambiguous or unresolved are not event places, and the place ranker
(extract/event_places/place_ranker.py) builds its candidates from the text around a trigger."""
from __future__ import annotations

import pytest

from claimledger.extract.event_places.place_ranker import FEATURES, Setting, candidates
from claimledger.models import Article, Place
from claimledger.pipeline import analyse_article

pytestmark = pytest.mark.model

KUPIANSK = "UA63080090010026457"


def _events(text: str, language: str) -> list[tuple[str, tuple[str, ...]]]:
    doc = analyse_article(Article(id="t", text=text, language=language))
    return [(e.type, e.places) for e in doc.events]


@pytest.mark.parametrize("text, language", [
    ("Russian troops shelled Shevchenkove and Kupiansk overnight.", "en"),
    ("Російські війська обстріляли Шевченкове та Куп'янськ.", "uk"),
])
def test_a_name_of_many_villages_beside_a_town_is_the_one_near_it(text, language):
    # 61 places are called Shevchenkove; beside Kupiansk it is the Shevchenkove of Kupiansk raion (alone it stays
    # ambiguous: the test below)
    found = _events(text, language)
    assert [places for kind, places in found if kind == "strike"] == [("UA63080150010082504", KUPIANSK)], found


def test_an_ambiguous_name_alone_leaves_the_event_without_a_place():
    assert _events("Russian troops shelled Shevchenkove overnight.", "en") == [("strike", ())]


def _place(text: str, word: str, ref: str | None, level: str) -> Place:
    start = text.index(word)
    return Place((start, start + len(word)), word, ref, word, level=level)


def test_candidates_come_from_the_sentence_its_neighbours_and_the_document():
    text = "Fighting raged in Lyptsi. Russia attacked Vovchansk again. Then Izium. Later Kupiansk, Kupiansk."
    places = [_place(text, "Lyptsi", "A", "settlement"), _place(text, "Russia", None, "country"),
              _place(text, "Vovchansk", "B", "settlement"), _place(text, "Izium", "C", "settlement"),
              _place(text, "Kupiansk", "D", "settlement")]
    last = text.rindex("Kupiansk")
    places.append(Place((last, last + 8), "Kupiansk", "D", "Kupiansk", level="settlement"))
    places.append(Place((0, 8), "Fighting", None, None))  # unresolved: never a candidate
    trigger = text.index("attacked")
    s0 = text.index("Russia")
    setting = Setting(text, "strike", (trigger, trigger + 8), (s0, text.index(" Then")),
                      (s0, text.index(" Then")), (0, s0 - 1), (text.index("Then"), text.index(" Later")),
                      False, ("B",))
    rows = {c.key: dict(zip(FEATURES, c.features)) for c in candidates(setting, places, {})}
    assert set(rows) == {"A", "Russia", "B", "C", "D"}  # D: the document's most named place
    assert rows["B"]["rule"] == rows["B"]["sentence"] == rows["B"]["adjacent"] == 1.0
    assert rows["Russia"]["before"] == 1.0 and rows["Russia"]["country"] == 1.0
    assert rows["A"]["previous"] == 1.0 and rows["A"]["prep_locative"] == 1.0
    assert rows["C"]["next_sentence"] == 1.0
    assert rows["D"]["document_only"] == rows["D"]["document_top"] == 1.0


def test_ranker_keeps_rule_keys_above_drop_and_adds_others_above_add():
    import numpy as np

    from claimledger.extract.event_places.place_ranker import Candidate, RankerModel

    weights = np.zeros(len(FEATURES))
    weights[FEATURES.index("rule")] = 2.0
    weights[FEATURES.index("adjacent")] = 3.0
    weights[FEATURES.index("bias")] = -1.0
    row = lambda key, start, **on: Candidate(key, start, tuple(float(on.get(n, 0)) for n in FEATURES))
    rows = [row("A", 0, bias=1, rule=1), row("B", 5, bias=1, adjacent=1), row("C", 9, bias=1)]
    model = RankerModel(weights, add_threshold=0.8, drop_threshold=0.5)
    # A (rule, p=0.73) stays, B (p=0.88) is added, C (p=0.27) is not; a rule key with no candidate stays
    assert model.pick(rows, ("A", "Z")) == ("A", "B", "Z")
    assert RankerModel(weights, 0.9, 0.8).pick(rows, ("A",)) == ()


@pytest.mark.parametrize("text, language", [
    ("Обстрілюючи прикордонні села, Росія намагається залякати людей.", "uk"),
    ("Россия продолжает обстрелы приграничных сел.", "ru"),
])
def test_a_country_in_the_nominative_acts_and_places_nothing(text, language):
    assert _events(text, language) == [("strike", ())]


def test_a_country_after_a_preposition_stays_the_place():
    assert _events("Удары по Украине продолжаются.", "ru") == [("strike", ("geonames:690791",))]
