"""Lists of places in a report (issue 12). The oblast named right before a list's settlement noun holds every name of
the list ("освободили в Курской области населенные пункты Мартыновка, Мирный, ... и Пойма": each a village of Kursk
Oblast, no Myrne nor Poima of Kherson Oblast), and in English the other far-off Ukrainian villages of a list set in a
Russian region do not make its setting Ukrainian ("the villages of Martynovka, Myrne, Kurilovka and Poima in Russia's
Kursk region"). An area coordinated with a name is its sibling, not its locator ("missiles at Lviv and the
Dnipropetrovsk region", "по Львову та Дніпропетровщині": the city of Lviv, not the village of that oblast), and a
list goes on after a repeated preposition ("удари по Львову, по Дніпропетровщині": both places of the strikes).
The quarters of a town ("житлові квартали Херсона") are in that town, not a part of a town named so.
A town named as the subject of a passive of taking, or after a settlement noun, is a place ("Роботине відбито",
"Село Роботине звільнено"); attacks beaten off are repelled, no village named like them ("Атаки отбиты").
"The town" of a body that names none is the one settlement its headline names ("ЗСУ вийшли з Авдіївки").

The sentences are probes written for these tests in the style of agency copy (no gold or corpus text); each says what
the record should hold by the annotation guide (shared data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from claimledger.extract.places.gazetteer import load_gazetteer
from claimledger.models import Article
from claimledger.pipeline import analyse_article
from claimledger.record import document_to_record
from test_reports_context import events

pytestmark = pytest.mark.model

AREAS = {"Kursk Oblast", "Russia"}
KURSK_LIST = {"Martynovka", "Mirny", "Kurilovka", "Kubatkin", "Poyma", "Pravda", "Zazulevka"}


@pytest.mark.parametrize("text, language, places", [
    ("Российские военные освободили в Курской области населенные пункты Мартыновка, Мирный, Куриловка, Кубаткин, "
     "Пойма, Правда и Зазулевка, говорится в сводке Минобороны.", "ru", KURSK_LIST),
    ("Освобождены три населенных пункта в Курской области — Мартыновку, Малую Локню и Мирный.", "ru",
     {"Martynovka", "Malaya Loknya", "Mirny"}),
    ("Russian troops have retaken the villages of Martynovka, Myrne, Kurilovka and Poima in Russia's Kursk region, "
     "the Defence Ministry said.", "en", {"Martynovka", "Myrne", "Kurilovka", "Poima", "Kursk Oblast", "Russia"}),
])
def test_every_village_of_a_list_in_a_russian_region_is_that_regions(text, language, places):
    found = events(text, language)
    taken = [p for kind, _, p, _ in found if kind == "territory_control"]
    assert taken and taken[0] - AREAS == places - AREAS, found
    rec = document_to_record(analyse_article(Article(id="probe", text=text, language=language, outlet="ТАСС",
                                                     published="2024-06-03")))
    ukrainian = [p for p in rec["places"] if (p.get("ref") or "").startswith("UA")]
    assert not ukrainian, ukrainian  # (no namesake in Kherson Oblast)


def test_the_list_is_counted_whole():
    found = events("Российские военные освободили в Курской области населенные пункты Мартыновка, Мирный, Куриловка, "
                   "Кубаткин, Пойма, Правда и Зазулевка.", "ru")
    assert [q for kind, _, _, q in found if kind == "territory_control"] == [7], found


def test_a_ukrainian_oblast_before_the_noun_keeps_its_villages():
    found = events("ЗСУ звільнили в Харківській області села Глибоке та Липці.", "uk")
    taken = [p for kind, _, p, _ in found if kind == "territory_control"]
    assert taken and {"Hlyboke", "Lyptsi"} <= taken[0], found


@pytest.mark.parametrize("text, language", [
    ("Russia launched missiles at Lviv and the Dnipropetrovsk region overnight, officials said.", "en"),
    ("Росія вдарила по Львову та Дніпропетровщині.", "uk"),
    ("Россия ударила по Львову и Днепропетровской области.", "ru"),
    ("Сьогоднішні удари по Львову, по Дніпропетровщині означають тільки одне.", "uk"),
])
def test_an_area_coordinated_with_a_city_is_its_sibling_not_its_locator(text, language):
    found = events(text, language)
    assert [p for kind, _, p, _ in found if kind == "strike"] == [{"Lviv", "Dnipropetrovsk Oblast"}], found


def test_a_town_stated_in_its_oblast_keeps_that_oblasts_reading():
    found = events("Russian troops shelled Novoselivka and Pokrovsk in the Donetsk region.", "en")
    rec = document_to_record(analyse_article(Article(id="probe", text="Russian troops shelled Novoselivka and Pokrovsk "
                                                     "in the Donetsk region.", language="en", outlet="AP",
                                                     published="2024-06-03")))
    assert all((p.get("ref") or "UA14").startswith("UA14") for p in rec["places"]), (found, rec["places"])


def test_a_list_goes_on_after_a_repeated_preposition():
    found = events("Росія вдарила по Харкову, по Сумах і по Чернігову.", "uk")
    assert [p for kind, _, p, _ in found if kind == "strike"] == [{"Kharkiv", "Sumy", "Chernihiv"}], found


@pytest.mark.parametrize("text, language, place", [
    ("Обстріляли житлові квартали Херсона.", "uk", "Kherson"),
    ("Обстрелу подверглись жилые кварталы Донецка.", "ru", "Donetsk"),
])
def test_the_quarters_of_a_town_are_in_that_town(text, language, place):
    assert [p for kind, _, p, _ in events(text, language) if kind == "strike"] == [{place}]


@pytest.mark.parametrize("text, language, found", [
    ("Роботине відбито.", "uk", [("territory_control", {"Robotyne"})]),
    ("Село Роботине звільнено.", "uk", [("territory_control", {"Robotyne"})]),
    ("Работино освобождено.", "ru", [("territory_control", {"Robotyne"})]),
    ("Атаки отбиты.", "ru", [("attack_repelled", set())]),
    ("Атаку відбито.", "uk", [("attack_repelled", set())]),
    ("Атаки противника в районе Работино были отбиты.", "ru", [("attack_repelled", {"Robotyne"})]),
])
def test_a_town_or_an_attack_beaten_off_in_the_passive(text, language, found):
    assert [(kind, p) for kind, _, p, _ in events(text, language)] == found



def test_the_town_of_a_body_with_none_is_the_headlines():
    found = events("Головнокомандувач ЗСУ Олександр Сирський ухвалив рішення про вихід підрозділів з міста.", "uk",
                   title="ЗСУ вийшли з Авдіївки")
    avdiivka = next(e.ref for e in load_gazetteer().lookup("Avdiivka") if e.level == "settlement")
    assert [p for kind, _, p, _ in found if kind == "withdrawal"] == [{avdiivka}], found  # (named in the headline)
