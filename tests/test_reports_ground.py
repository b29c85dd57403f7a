"""Ground taken and lost in war reports (issue 12): a town lost ("о потере Горняка", "ВСУ потеряли Горняк",
"втратили Вугледар") as a withdrawal at that town, the villages listed after a town ("Лисичанск и прилегающие к нему
населенные пункты X, Y"), a village whose own area is stated kept apart from a list's others ("Нижняя Дуванка в
ЛНР"), a government that goes on saying ("В Киеве продолжают утверждать") and the town its claim refers to, and an
advance stopped past where it went ("продвижение противника вглубь территории остановлено"), and an attack on a
whole country with no weapon named, an invasion ("Росія атакувала всю територію нашої держави"), and a noun of giving
up a town ("сдача Часова Яра", "залишення Авдіївки"); and victims counted again with the same number and harm, the
same dead ("16 дітей загинуло. ... 16 дітей ти вбив!"); the villages listed after the region of a capture
("освободили в Курской области Малую Локню, ..."), and leaving a river's bank ("отход с правого берега Днепра");
holding the enemy back is fighting ("стримують противника у Вовчанську").

The sentences are probes written for these tests in the styles of Russian Defence Ministry bulletins and wire copy
(no gold or corpus text); each says what the control ledger or the record should hold by the annotation guide
(shared data/dev/README.md, section E) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_context import events
from test_reports_ru import UA_MEDIA, ledger

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, expected", [
    ("В ВСУ опровергли информацию о потере Горняка.", {("Hirnyk", "withdrawal", "denied")}),
    ("ВСУ потеряли Горняк.", {("Hirnyk", "withdrawal", "asserted")}),
    ("ВСУ сдали Херсон.", {("Kherson", "withdrawal", "asserted")}),
])
def test_a_town_lost_is_a_withdrawal_from_it(text, expected):
    assert ledger(text) == expected


def test_a_town_lost_in_ukrainian_is_a_withdrawal_from_it():
    assert [(kind, places) for kind, _, places, _ in events("ЗСУ втратили Вугледар.", "uk")] \
        == [("withdrawal", {"Vuhledar"})]


@pytest.mark.parametrize("text, language", [
    ("ВСУ потеряли в Курской области 500 военных.", "ru"),  # people lost in an area: no town left
    ("Росіяни втратили під Вугледаром 300 військових.", "uk"),
])
def test_people_lost_near_a_town_are_no_withdrawal(text, language):
    assert [kind for kind, *_ in events(text, language)] == ["casualties"]


def test_the_villages_listed_after_a_town_are_taken_with_it():
    assert ledger("Взят под контроль Лисичанск и прилегающие к нему населенные пункты Белогоровка, Новодружеск, "
                  "Малорязанцево и Белая Гора.") == {(name, "russian_control", "asserted") for name in (
        "Lysychansk", "Bilohorivka", "Novodruzhesk", "Maloriazantseve", "Bila Hora")}


def test_a_village_placed_in_its_own_area_stays_apart_from_the_list():
    found = ledger("Российские военные установили контроль над населенными пунктами Горняк в ДНР и Нижняя Дуванка "
                   "в ЛНР, а также над селом Куйбышево.")
    assert ("Nyzhnia Duvanka", "russian_control", "asserted") in found, found


def test_a_government_that_goes_on_saying_claims_the_town_referred_to():
    found = ledger("Артемовск полностью освобожден. В Киеве продолжают утверждать, что украинские подразделения "
                   "удерживают часть города.", UA_MEDIA)
    assert ("Bakhmut", "ukrainian_control", "asserted") in found, found
    assert not any(name == "Kyiv" for name, *_ in found), found


@pytest.mark.parametrize("text, language", [
    ("По его словам, продвижение противника вглубь территории остановлено.", "ru"),
    ("Просування ворога вглиб території зупинено.", "uk"),
])
def test_an_advance_stopped_past_where_it_went_is_repelled(text, language):
    assert [kind for kind, *_ in events(text, language)] == ["attack_repelled"]


@pytest.mark.parametrize("text, language, kind", [
    ("Росія атакувала всю територію нашої держави.", "uk", "clash"),  # an invasion, no weapon named
    ("Россия атаковала Украину 24 февраля.", "ru", "clash"),
    ("Росія атакувала Україну ракетами і дронами.", "uk", "strike"),  # with weapons: a strike
    ("Вночі Росія атакувала Україну.", "uk", "strike"),  # by night: the drones and missiles of the bulletins
])
def test_an_attack_on_a_whole_country_is_an_invasion(text, language, kind):
    assert [k for k, *_ in events(text, language)] == [kind], events(text, language)


@pytest.mark.parametrize("text, language, expected", [
    ("В Киеве опровергли сдачу Часова Яра.", "ru", ("withdrawal", {"Chasiv Yar"})),
    ("Оставление Авдеевки было вынужденным.", "ru", ("withdrawal", {"Avdiivka"})),
    ("Залишення Авдіївки було вимушеним.", "uk", ("withdrawal", {"Avdiivka"})),
])
def test_a_noun_of_giving_up_a_town_is_a_withdrawal_from_it(text, language, expected):
    assert [(kind, places) for kind, _, places, _ in events(text, language)] == [expected]


def test_victims_counted_again_with_the_same_number_are_the_same_dead():
    found = events("Вчора 16 дітей загинуло. І знову він скаже, що це операція. Де наші діти? 16 дітей ти вбив!", "uk")
    assert [(kind, count) for kind, _, _, count in found] == [("casualties", 16)], found
    # the same number of another harm is another event
    found = events("Загинули 5 людей. Поранено 5 людей.", "uk")
    assert [(kind, count) for kind, _, _, count in found] == [("casualties", 5), ("casualties", 5)], found


def test_the_villages_listed_after_the_region_of_a_capture_are_taken():
    # "в Курской области" between the verb and its objects; "Локню" reads as a verb, "Козачку" as a dative of
    # "козачок": none of these villages is in the gazetteer (ref null, the name romanised)
    found = ledger("Подразделения группировки войск «Север» освободили в Курской области Малую Локню, Черкасское "
                   "Поречное и Козачку.")
    assert found == {(name, "russian_control", "asserted") for name in (  # (a name with no ref is keyed in lower case)
        "malaya loknya", "cherkasskoye porechnoye", "kozachka")}, found


@pytest.mark.parametrize("text, language", [
    ("Российские войска завершили отход с правого берега Днепра.", "ru"),
    ("Російські війська відійшли з правого берега Дніпра.", "uk"),
])
def test_leaving_a_river_bank_is_a_withdrawal(text, language):
    assert [kind for kind, *_ in events(text, language)] == ["withdrawal"]


@pytest.mark.parametrize("text, language, place", [
    ("Наші воїни стримують противника у Вовчанську.", "uk", "Vovchansk"),
    ("Украинские военные сдерживают наступление противника под Покровском.", "ru", "Pokrovsk"),
])
def test_holding_the_enemy_back_is_fighting_there(text, language, place):
    assert [(kind, names) for kind, _, names, _ in events(text, language)] == [("clash", {place})]


def test_holding_back_anything_else_is_no_fighting():
    assert events("Они не смогли сдержать эмоции.", "ru") == []
