"""Which predicate of a sentence a word belongs to (issue 12): a denial's negation does not reach a second verb
joined to it by "and" when the denial has an object of its own ("The Kremlin denied the report and blamed Kyiv for
the attack": the attack is asserted); a second predicate after a Russian cue is no content of the cue, and an object
fronted before the cue is no part of the speaker both share ("Минобороны свою причастность отрицает и утверждает,
что ..."); a participle's phrase may stand between the noun of an act and the noun it governs ("о перегруппировке
находящихся в районах Балаклеи и Изюма российских войск"); a modal verb makes a state named before it possible ("в
оточенні могли опинитися"), but not the cause another noun names ("В результате удара могли погибнуть ...": the
strike happened, the deaths may have, and their count is theirs); a capital whose stance governs the act is its actor,
and a negated stance denies it ("Москва не намерена выводить войска": no place, denied); "пункты временной дислокации"
are no settlements a later sentence refers back to.

The sentences are probes written for these tests in the styles of the hidden reports (wire copy, Defence Ministry
statements; no gold or corpus text); each says what the record should hold by the annotation guide (shared
data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model


def _acts(rec: dict) -> list[tuple[str, str, str, str, object]]:
    """(type, trigger, polarity, modality, count) of each body event of a record."""
    return [(e["type"], rec["text"][e["trigger"][0]:e["trigger"][1]], e["polarity"], e["modality"], e.get("quantity"))
            for e in rec["events"]]


def test_a_denial_does_not_reach_a_second_verb_with_its_own_object():
    rec = record("The Kremlin denied the report and blamed Kyiv for the attack.", "en", "2024-06-03")
    assert [(kind, polarity) for kind, _, polarity, _, _ in _acts(rec)] == [("strike", "asserted")], _acts(rec)


def test_a_negation_reaches_a_second_verb_that_shares_the_object():
    rec = record("Russian forces did not capture and hold the town, the general said.", "en", "2024-06-03")
    assert [(kind, polarity) for kind, _, polarity, _, _ in _acts(rec)] == [("territory_control", "denied")], \
        _acts(rec)


def test_a_second_predicate_after_a_cue_is_no_content_and_the_object_no_speaker():
    text = ("Минобороны России свою причастность отрицает и утверждает, что театр был взорван бойцами полка "
            "«Азов».")
    rec = record(text, "ru", "2022-03-16")
    said = [(a["speaker"], text[a["content"][0]:a["content"][1]]) for a in rec["attributions"]]
    assert said == [("Russian Ministry of Defence", "свою причастность"),
                    ("Russian Ministry of Defence", "театр был взорван бойцами полка «Азов»")], said
    strike = [e for e in rec["events"] if e["type"] == "strike"]
    assert len(strike) == 1 and strike[0]["polarity"] == "asserted" \
        and strike[0]["claimed_by"] == rec["attributions"][1]["id"], rec["events"]


@pytest.mark.parametrize("text, language, places", [
    ("Принято решение о перегруппировке находящихся в районах Балаклеи и Изюма российских войск, заявили в "
     "Минобороны.", "ru", {"Balakliia", "Izium"}),
    ("Ухвалено рішення про перегрупування розташованих у районі Ізюма російських військ.", "uk", {"Izium"}),
])
def test_a_participle_phrase_may_stand_between_an_act_and_its_object(text, language, places):
    found = events(text, language)
    assert [(kind, names) for kind, _, names, _ in found] == [("withdrawal", places)], found


def test_a_participle_phrase_leads_only_to_a_noun_it_agrees_with():
    found = events("Командование говорило о перегруппировке находящегося в Изюме штаба и сил.", "ru")
    assert "withdrawal" not in [kind for kind, _, _, _ in found], found


@pytest.mark.parametrize("text, language", [
    ("За даними Генштабу, в оточенні могли опинитися близько 5 тисяч російських військових.", "uk"),
    ("В окружении могли оказаться около 5 тысяч военных, считают аналитики.", "ru"),
])
def test_a_state_a_modal_verb_follows_may_be(text, language):
    rec = record(text, language, "2022-10-01")
    assert [(kind, modality, count) for kind, _, _, modality, count in _acts(rec)] == [
        ("clash", "hypothetical", 5000)], _acts(rec)


@pytest.mark.parametrize("text, language, count", [
    ("В результате удара могли погибнуть до 100 военных.", "ru", 100),
    ("Внаслідок удару могли загинути 20 людей.", "uk", 20),
])
def test_a_cause_before_a_modal_verb_happened_and_the_count_is_the_victims(text, language, count):
    rec = record(text, language, "2024-06-03")
    assert [(kind, modality, n) for kind, _, _, modality, n in _acts(rec)] == [
        ("strike", "factual", None), ("casualties", "hypothetical", count)], _acts(rec)


@pytest.mark.parametrize("text, language", [
    ("Москва не намерена выводить войска со станции, заявила Захарова.", "ru"),
    ("Москва не готова выводить войска со станции, заявила Захарова.", "ru"),
])
def test_a_capital_whose_negated_stance_governs_an_act_denies_it_and_is_no_place(text, language):
    rec = record(text, language, "2023-01-13")
    assert [(e["type"], e["polarity"], e["places"]) for e in rec["events"]] == [("withdrawal", "denied", [])], \
        rec["events"]


def test_points_of_deployment_are_no_settlements_referred_back_to():
    found = events("Подразделения группировки войск «Юг» нанесли поражение живой силе ВСУ в районах населенных "
                   "пунктов Часов Яр и Ивановское.\n\nАвиацией поражены пункты временной дислокации противника.", "ru")
    assert [(kind, names) for kind, _, names, _ in found] == [
        ("strike", {"Chasiv Yar", "Ivanivske"}), ("strike", set())], found
