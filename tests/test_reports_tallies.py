"""Counts and weapons in Russian and Ukrainian strike reports (issue 12): a weapon named with its model between the
noun and the verb of hitting is a strike ("Ракета Х-22 попала", "ракета «Искандер» попала"), unless a negation or a
verb of its own stands between ("Ракеты не могут попасть"); counts told place by place after one predicate are one
event per place, each with its count ("В Кривом Роге погибли 10 человек, в Днепре — трое"), while one count for a
list of places, or a second predicate, keep the events as told.

The sentences are probes written for these tests in the styles of the hidden reports (governors' posts, wire copy; no
gold or corpus text); each says what the record should hold by the annotation guide (shared data/dev/README.md) and
runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_context import events

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, language, place", [
    ("Ракета Х-22 попала в девятиэтажный жилой дом в Днепре.", "ru", "Dnipro"),
    ("Российская баллистическая ракета «Искандер» попала в центр Чернигова.", "ru", "Chernihiv"),
    ("Ракета «Іскандер-М» влучила в центр Чернігова.", "uk", "Chernihiv"),
    ("Російський дрон Shahed впав на дах будинку в Києві.", "uk", "Kyiv"),
])
def test_a_weapon_named_with_its_model_that_hit_is_a_strike(text, language, place):
    assert [(kind, names) for kind, _, names, _ in events(text, language)] == [("strike", {place})]


def test_a_weapon_that_cannot_hit_is_no_strike():
    assert events("Эти ракеты не могут попасть в цель.", "ru") == []


def test_not_less_than_a_count_stays_in_the_strike():
    found = events("Противник выпустил по городу Торецк не менее 20 снарядов.", "ru")
    assert [(kind, count) for kind, _, _, count in found] == [("strike", 20)], found


@pytest.mark.parametrize("text, language, told", [
    ("В Кривом Роге погибли 10 человек, в Днепре — трое, в Покровске — ещё трое.", "ru",
     [({"Kryvyi Rih"}, 10), ({"Dnipro"}, 3), ({"Pokrovsk"}, 3)]),
    ("Погибли по меньшей мере три человека в Запорожье и один во Львовской области.", "ru",
     [({"Zaporizhzhia"}, 3), ({"Lviv Oblast"}, 1)]),
    ("У Харкові загинули четверо людей, у Сумах — двоє.", "uk", [({"Kharkiv"}, 4), ({"Sumy"}, 2)]),
])
def test_counts_told_place_by_place_are_an_event_each(text, language, told):
    found = events(text, language)
    assert [(names, count) for kind, _, names, count in found if kind == "casualties"] == told, found


def test_one_count_for_a_list_of_places_stays_one_event():
    found = events("В Киеве, Харькове и Одессе погибли 5 человек.", "ru")
    assert [(names, count) for _, _, names, count in found] == [({"Kyiv", "Kharkiv", "Odesa"}, 5)], found


def test_a_second_predicate_tells_its_own_event():
    found = events("В Харькове погибли два человека, пятеро ранены в Чугуеве.", "ru")
    assert [(trigger, names, count) for _, trigger, names, count in found] == [
        ("погибли", {"Kharkiv"}, 2), ("ранены", {"Chuhuiv"}, 5)], found
