"""Russian and Ukrainian agency copy (issue 12): "благодаря" is a cause, not thanks, so the acts of its sentence stay
("взятие города стало возможным благодаря ударам авиации"), and what made a taking possible was real ("стало
возможным"); a settlement fronted before a verb of taking is what was taken ("город взяли исключительно его бойцы":
the town named before), not one after a preposition ("Попытка прорыва в Белгородскую область отбита") nor a country
that acts ("Россия вернула 150 военнослужащих"); the town a place adjective of an institution's name is named after
places an act there when the report names that town ("по Полтавскому военному институту связи"); a compound
direction from a town locates the villages taken, it is not taken ("к северо-западу от Авдеевки"); losing a share of
the land held is a withdrawal from it, its percentage no count ("потеряли более 40% территории Курской области");
not seeing an act right before it denies it ("не видят отвода войск"), not seeing sense in it does not; a proposal
is a negotiation ("предложил международный договор", "мирный план", "Формула миру"); a build-up is of forces, not of
efforts ("для наращивания усилий"); "понад" before a count of people is no thing that suffered ("постраждали понад
40 людей": casualties, 40); a town troops entered before a withdrawal in the sentence is the place left, not where
the withdrawing force went ("увійшли до Херсона після відступу російських військ"); seizing a convoy or a cargo
takes no town ("захопили нашу колону, наш гуманітарний вантаж для міста Вовчанська").

The sentences are probes written for these tests in the styles of the hidden reports (agency and ministry copy; no
gold or corpus text); each says what the record should hold by the annotation guide (shared data/dev/README.md) and
runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model


def _found(text: str, language: str = "ru") -> list[tuple[str, str, set[str], object]]:
    """(type, trigger, place names, count) of each body event of a probe report."""
    return events(text, language)


def test_thanks_to_a_cause_keeps_the_acts_of_its_sentence():
    text = ("Минобороны России объявило о завершении освобождения Соледара, сообщив, что взятие города стало возможным "
            "благодаря ударам авиации и артиллерии.")
    found = _found(text)
    assert [(kind, places) for kind, _, places, _ in found] == [
        ("territory_control", {"Soledar"}), ("territory_control", {"Soledar"}), ("strike", {"Soledar"})], found
    rec = record(text, "ru", "2023-01-13")
    assert {e["modality"] for e in rec["events"]} == {"factual"}


@pytest.mark.parametrize("text, taken", [
    ("Минобороны объявило о завершении освобождения Соледара. Пригожин ранее заявлял, что город взяли исключительно "
     "его бойцы.", [{"Soledar"}, {"Soledar"}]),
    ("Бахмут полностью взяли бойцы «Вагнера».", [{"Bakhmut"}]),
    ("Попытка прорыва в Белгородскую область отбита.", []),
    ("Россия вернула 150 военнослужащих.", []),
])
def test_a_settlement_fronted_before_a_verb_of_taking_is_taken(text, taken):
    found = _found(text)
    assert [places for kind, _, places, _ in found if kind == "territory_control"] == taken, found


def test_an_institution_named_after_a_town_places_an_act_there():
    text = ("Число погибших в результате удара двумя баллистическими ракетами по Полтавскому военному институту связи "
            "выросло до 51, более 200 человек получили ранения, сообщил Зеленский.")
    rec = record(text, "ru", "2024-09-03", title="Удар по Полтаве: число погибших выросло до 51")
    names = {p.get("ref") or p["name"]: p["name"] for p in rec["places"] + rec["title_layers"]["places"]}
    assert [(e["type"], {names[k] for k in e["places"]}) for e in rec["events"]] == [
        ("casualties", {"Poltava"}), ("strike", {"Poltava"}), ("casualties", {"Poltava"})]


def test_a_town_a_compound_direction_runs_from_is_not_taken():
    found = _found("Российские военные установили контроль над селами Степовое и Ласточкино к северо-западу от "
                   "Авдеевки.")
    assert [places for kind, _, places, _ in found] == [{"Stepove", "Lastochkyne"}], found


@pytest.mark.parametrize("text, language", [
    ("ВСУ потеряли более 40% территории Курской области, которую удерживали с августа.", "ru"),
    ("ЗСУ втратили понад 40% території Курської області.", "uk"),
])
def test_losing_a_share_of_the_land_held_is_a_withdrawal(text, language):
    found = _found(text, language)
    assert ("withdrawal", {"Kursk Oblast"}, None) in [(kind, places, count) for kind, _, places, count in found], found


@pytest.mark.parametrize("text, polarity", [
    ("В Пентагоне заявили, что не видят отвода российских войск от Киева.", "denied"),
    ("Он не видит в переговорах смысла.", "asserted"),
])
def test_not_seeing_an_act_denies_it(text, polarity):
    rec = record(text, "ru", "2022-03-29")
    assert [e["polarity"] for e in rec["events"]] == [polarity]


@pytest.mark.parametrize("text, language", [
    ("Глава делегации сообщил, что Киев предложил международный договор о гарантиях безопасности.", "ru"),
    ("Китай представил мирный план из 12 пунктов.", "ru"),
    ("Зеленський представив Формулу миру.", "uk"),
])
def test_a_proposal_is_a_negotiation(text, language):
    assert [kind for kind, _, _, _ in _found(text, language)] == ["negotiation"]


@pytest.mark.parametrize("text, kinds", [
    ("Принято решение о перегруппировке войск для наращивания усилий на донецком направлении.", ["withdrawal"]),
    ("ВСУ наращивают группировку войск под Купянском.", ["other"]),
])
def test_a_build_up_is_of_forces(text, kinds):
    assert [kind for kind, _, _, _ in _found(text)] == kinds


def test_more_than_before_a_count_of_people_leaves_them_the_sufferers():
    found = _found("У Харкові, за даними ОВА, постраждали понад 40 людей, серед них діти.", "uk")
    assert [(kind, places, count) for kind, _, places, count in found] == [("casualties", {"Kharkiv"}, 40)], found


def test_a_town_entered_before_a_withdrawal_is_the_place_left():
    found = _found("Збройні сили України увійшли до Херсона після відступу російських військ на лівий берег Дніпра.",
                   "uk")
    assert [(kind, places) for kind, _, places, _ in found] == [
        ("territory_control", {"Kherson"}), ("withdrawal", {"Kherson"})], found


@pytest.mark.parametrize("text, language, taken", [
    ("Російські війська захопили нашу колону, наш гуманітарний вантаж для міста Вовчанська.", "uk", []),
    ("Российские военные захватили колонну с гуманитарным грузом для Волчанска.", "ru", []),
    ("Окупанти захопили місто Вовчанськ.", "uk", [{"Vovchansk"}]),
])
def test_seizing_a_convoy_takes_no_town(text, language, taken):
    found = _found(text, language)
    assert [places for kind, _, places, _ in found if kind == "territory_control"] == taken, found

