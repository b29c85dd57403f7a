"""Idioms of agency copy (issue 12): an act it is too early to speak of has not happened ("о полном окружении города
говорить пока рано": denied); an idiom of entering fronted before its verb takes no place ("в планы России не входит
оккупация": the occupation, not an entry, is the act); a bare number right before a verb of the dead or hurt counts
them ("более 80 пострадали, судьба еще 11 человек неизвестна": 80), and is no count of the strike they were hurt in
("Около 10 пострадали при обстреле"). An act proposed or agreed to is to come ("погодилася на 30-денне припинення
вогню"), not one done by a proposal ("По предложению Минобороны нанесен удар"); a withdrawal from a quarter of the
country takes no town of the sentence before ("Росія відводить війська з півночі"), where an attack from one comes at
that town; troops fleeing a place they name withdraw ("Окупанти тікають з Харківщини"), civilians are evacuated.

The sentences are probes written for these tests in the styles of the hidden reports (agency copy; no gold or corpus
text); each says what the record should hold by the annotation guide (shared data/dev/README.md) and runs the
pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model


def _events(text: str, language: str) -> list[tuple[str, str, str, object]]:
    """(type, trigger, polarity, count) of each body event of a probe report."""
    rec = record(text, language, "2023-10-12")
    return [(e["type"], text[e["trigger"][0]:e["trigger"][1]], e["polarity"], e.get("quantity"))
            for e in rec["events"]]


@pytest.mark.parametrize("text, language, polarity", [
    ("Он добавил, что о полном окружении города говорить пока рано.", "ru", "denied"),
    ("Рано говорить о взятии Бахмута.", "ru", "denied"),
    ("Про оточення Покровська говорити зарано.", "uk", "denied"),
    ("Говорят, что наступление началось рано утром.", "ru", "asserted"),
])
def test_an_act_too_early_to_speak_of_has_not_happened(text, language, polarity):
    found = _events(text, language)
    assert [p for _, _, p, _ in found] == [polarity], found


@pytest.mark.parametrize("text, language, trigger", [
    ("Путин подчеркнул, что в планы России не входит оккупация украинских территорий.", "ru", "оккупация"),
    ("До планів Росії не входить окупація України.", "uk", "окупація"),
    ("Российские войска вошли в Херсон.", "ru", "вошли"),
])
def test_a_fronted_idiom_of_entering_takes_no_place(text, language, trigger):
    found = _events(text, language)
    assert [(kind, t) for kind, t, _, _ in found] == [("territory_control", trigger)], found


@pytest.mark.parametrize("text, counts", [
    ("По данным властей, погибли 46 человек, более 80 пострадали, судьба еще 11 человек неизвестна.",
     [("casualties", 46), ("casualties", 80)]),
    ("Около 10 пострадали при обстреле.", [("casualties", 10), ("strike", None)]),
    ("В 2023 году погибли 12 человек.", [("casualties", 12)]),
    ("ВСУ 12 раз обстреляли Белгород.", [("strike", 12)]),
])
def test_a_bare_number_before_a_verb_of_the_dead_counts_them(text, counts):
    found = _events(text, "ru")
    assert [(kind, count) for kind, _, _, count in found] == counts, found


@pytest.mark.parametrize("text, language, modality", [
    ("Україна готова погодитися на пропозицію США про негайне 30-денне припинення вогню.", "uk", "future"),
    ("Україна погодилася на 30-денне припинення вогню.", "uk", "future"),
    ("Россия согласилась на обмен пленными.", "ru", "future"),
    ("За пропозицією Генштабу завдано удару.", "uk", "factual"),
    ("По предложению Минобороны нанесен удар.", "ru", "factual"),
])
def test_an_act_proposed_or_agreed_to_is_to_come(text, language, modality):
    rec = record(text, language, "2025-03-11")
    assert [e["modality"] for e in rec["events"]] == [modality], rec["events"]


@pytest.mark.parametrize("text, language, places", [
    ("Водночас ворог продовжує обстрілювати Чернігів. Росія відводить війська з півночі.", "uk", set()),
    ("Бои идут у Волчанска. Противник атакует с севера и юга.", "ru", {"Vovchansk"}),
])
def test_a_withdrawal_from_a_quarter_of_the_country_takes_no_town_told_before(text, language, places):
    found = events(text, language)
    assert found[-1][2] == places, found


@pytest.mark.parametrize("text, language, kind", [
    ("Окупанти тікають з Харківщини, кидаючи техніку.", "uk", "withdrawal"),
    ("Российские военные бежали из Изюма.", "ru", "withdrawal"),
    ("Мешканці тікають з Покровська.", "uk", "evacuation"),
    ("Люди тікають від війни.", "uk", None),
])
def test_troops_fleeing_a_place_withdraw(text, language, kind):
    found = _events(text, language)
    assert [k for k, _, _, _ in found] == ([kind] if kind else []), found
