"""Acts that a report aims at rather than tells as done (annotation guide, section E: future modality): an obligation
("маємо звільнити", "обязаны освободить", "нам надо"), an act named as a purpose ("заради знищення України"), one
said to be imminent ("a clash near Kupiansk is imminent") and one ordered ("отдал приказ о наступлении"); an
adverb between the obligation and its act leaves the act to come ("мають негайно здатися"); an act an aim noun names,
by an infinitive, a copula or a preposition of aim ("целей операции по освобождению Донбасса", "Целью является
освобождение", "поставил задачу освободить"). Guards keep the done acts factual ("мали місце обстріли", "ЗСУ провели
контрнаступ", "по приказу ... отошли", "Мета цієї атаки", "Цель была поражена", "пріоритети на переговорах").

The sentences are probes written for these tests in the styles of addresses and wire copy (no gold or corpus text).
"""
from __future__ import annotations

import pytest

from test_reports_acts import record

pytestmark = pytest.mark.model


def _modalities(text: str, language: str) -> dict[str, str]:
    """Trigger text -> modality of each event of a probe report."""
    rec = record(text, language, "2023-03-14")
    return {text[e["trigger"][0]:e["trigger"][1]]: e["modality"] for e in rec["events"]}


@pytest.mark.parametrize("text, language, trigger", [
    ("Ми маємо звільнити Бахмут.", "uk", "звільнити"),
    ("Ми зобов'язані звільнити Бахмут.", "uk", "звільнити"),
    ("Мы обязаны освободить Бахмут.", "ru", "освободить"),
    ("Нам надо освободить Бахмут.", "ru", "освободить"),
])
def test_an_act_one_has_to_do_is_to_come(text, language, trigger):
    assert _modalities(text, language)[trigger] == "future"


@pytest.mark.parametrize("text, language, trigger", [
    ("Росія накопичила ресурс заради знищення України.", "uk", "знищення"),
    ("Заради звільнення Херсона ЗСУ провели контрнаступ.", "uk", "звільнення"),
])
def test_an_act_named_as_a_purpose_is_to_come(text, language, trigger):
    assert _modalities(text, language)[trigger] == "future"


@pytest.mark.parametrize("text, language, trigger", [
    ("Заради звільнення Херсона ЗСУ провели контрнаступ.", "uk", "контрнаступ"),
    ("Минулої ночі мали місце обстріли Херсона.", "uk", "обстріли"),
    ("Ми маємо відомості, що ворог обстріляв Херсон.", "uk", "обстріляв"),
])
def test_a_done_act_beside_an_aim_or_a_having_stays_factual(text, language, trigger):
    assert _modalities(text, language)[trigger] == "factual"


@pytest.mark.parametrize("text, trigger", [
    ("There is every indication that a clash near Kupiansk is imminent.", "clash"),
    ("An assault on Pokrovsk is imminent, officials said.", "assault"),
])
def test_an_imminent_act_is_to_come(text, trigger):
    assert _modalities(text, "en")[trigger] == "future"


def test_an_act_described_after_it_happened_stays_factual():
    assert _modalities("The attack on Kharkiv was brutal.", "en")["attack"] == "factual"


@pytest.mark.parametrize("text, aimed, done", [
    ("Ворог міг би захопити Харків, який він обстрілював тиждень.", "захопити", "обстрілював"),
    ("Росія могла б атакувати Київ, який вона обстрілювала торік.", "атакувати", "обстрілювала"),
])
def test_a_relative_clause_tells_a_done_act_of_its_own(text, aimed, done):
    assert _modalities(text, "uk") == {aimed: "hypothetical", done: "factual"}


@pytest.mark.parametrize("text, language, trigger", [
    ("Зеленский на вопрос, остается ли Бахмут под контролем Украины, ответил, что нет.", "ru", "под контролем Украины"),
    ("Журналісти запитали, чи залишається Бахмут під контролем України.", "uk", "залишається Бахмут під контролем"),
])
def test_an_indirect_question_asserts_no_act(text, language, trigger):
    assert _modalities(text, language)[trigger] == "hypothetical"


def test_or_in_a_count_asks_nothing():
    assert set(_modalities("Два чи три села звільнено.", "uk").values()) == {"factual"}


@pytest.mark.parametrize("text, trigger, modality", [
    ("Минобороны России заявило, что удары наносятся высокоточным оружием.", "удары", "factual"),
    ("Удары будут наноситься и дальше.", "Удары", "future"),
])
def test_a_present_passive_in_sya_is_no_future(text, trigger, modality):
    assert _modalities(text, "ru")[trigger] == modality


@pytest.mark.parametrize("text, language, trigger, modality", [
    ("Информация о пострадавших уточняется.", "ru", "пострадавших", "hypothetical"),
    ("Інформація про постраждалих уточнюється.", "uk", "постраждалих", "hypothetical"),
    ("Число погибших уточняется.", "ru", "погибших", "factual"),
    ("Информация о погибших поступила от губернатора.", "ru", "погибших", "factual"),
])
def test_information_being_clarified_asserts_no_act_yet(text, language, trigger, modality):
    assert _modalities(text, language)[trigger] == modality


@pytest.mark.parametrize("text, language, trigger", [
    ("Путин отдал приказ о наступлении на Харьков.", "ru", "наступлении"),
    ("Армия получила приказ штурмовать Авдеевку.", "ru", "штурмовать"),
    ("Командування віддало наказ на знищення мостів через Оскіл.", "uk", "знищення"),
])
def test_an_ordered_act_is_to_come(text, language, trigger):
    assert _modalities(text, language)[trigger] == "future"


@pytest.mark.parametrize("text, language, trigger", [
    ("По приказу командования подразделения отошли от Авдеевки.", "ru", "отошли"),
    ("За наказом командування підрозділи відійшли від Авдіївки.", "uk", "відійшли"),
])
def test_an_act_done_by_order_stays_factual(text, language, trigger):
    assert _modalities(text, language)[trigger] == "factual"


@pytest.mark.parametrize("text, language, trigger", [
    ("«Главная задача сейчас — выдавить противника с нашей территории», — подчеркнул Песков.", "ru", "выдавить"),
])
def test_an_act_named_as_the_aim_before_a_dash_is_to_come(text, language, trigger):
    assert _modalities(text, language)[trigger] == "future"


@pytest.mark.parametrize("text, language, trigger", [
    ("Російські військові, які лишилися в місті, мають негайно здатися.", "uk", "здатися"),
    ("Окупанти мають терміново вийти з Херсона.", "uk", "вийти з"),
])
def test_an_adverb_between_an_obligation_and_its_act_leaves_it_to_come(text, language, trigger):
    assert _modalities(text, language)[trigger] == "future"


@pytest.mark.parametrize("text, language, trigger", [
    ("Для достижения целей специальной военной операции по освобождению Донбасса принято решение о перегруппировке "
     "войск.", "ru", "освобождению"),
    ("Целью операции является освобождение Донбасса.", "ru", "освобождение"),
    ("Задачей армии остается освобождение Донбасса.", "ru", "освобождение"),
    ("Президент поставил задачу освободить Донбасс.", "ru", "освободить"),
    ("Фінальною метою керівництва Росії є не просто захоплення території України.", "uk", "захоплення"),
])
def test_an_act_an_aim_names_is_to_come(text, language, trigger):
    assert _modalities(text, language)[trigger] == "future"


@pytest.mark.parametrize("text, language, trigger", [
    ("Мета цієї атаки – тиск на вас.", "uk", "атаки"),
    ("Вони відкрито кажуть про мету вторгнення на територію України.", "uk", "вторгнення"),
    ("Цель была поражена ударом в Купянске.", "ru", "поражена"),
    ("Загинули, виконуючи завдання з протидії російській агресії.", "uk", "агресії"),
    ("Наші пріоритети на переговорах відомі.", "uk", "переговорах"),
])
def test_an_act_beside_an_aim_noun_it_is_not_named_by_stays_factual(text, language, trigger):
    assert _modalities(text, language)[trigger] == "factual"

