"""Idioms of agency copy (issue 12): an act it is too early to speak of has not happened ("о полном окружении города
говорить пока рано": denied); an idiom of entering fronted before its verb takes no place ("в планы России не входит
оккупация": the occupation, not an entry, is the act); a bare number right before a verb of the dead or hurt counts
them ("более 80 пострадали, судьба еще 11 человек неизвестна": 80), and is no count of the strike they were hurt in
("Около 10 пострадали при обстреле"). An act proposed or agreed to is to come ("погодилася на 30-денне припинення
вогню"), not one done by a proposal ("По предложению Минобороны нанесен удар"); a withdrawal from a quarter of the
country takes no town of the sentence before ("Росія відводить війська з півночі"), where an attack from one comes at
that town; troops fleeing a place they name withdraw ("Окупанти тікають з Харківщини"), civilians are evacuated. A
past verb of fulfilling an aim tells its act done ("выполнили задачу по освобождению Донбасса"), negated, not done
("не выполняла задач по поражению наземных целей"); an attack on a structure is a strike ("атака на Крымский мост").
A man's surname in -ов/-ин declined is put back in the nominative though the dictionary reads another word
("Сергея Суровикина": Surovikin, not a village Суровикино), and "Днем ранее" is the day before the report. People to
be exchanged for prisoners are an exchange ("обменять на военнопленных"); a plan before an act makes it one to come
("Их планируется обменять"); grounds for an act denied deny it ("не видит условий для переговоров"). None hurt
among the people named denies the casualties ("Загиблих та постраждалих серед мирного населення немає"), and towns
under enemy fire are struck ("Під ворожим вогнем перебували Херсон, ..."). Civilians taken out, "цивільні" standing
for people, are an evacuation ("Вдалося вивезти ще майже 500 цивільних"; not "цивільну інфраструктуру"). An act
proposed with "давайте" is to come ("Давайте садиться за стол переговоров").

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
    ("Давайте садиться за стол переговоров.", "ru", "future"),
    ("Давайте сядемо за стіл переговорів.", "uk", "future"),
    ("Переговоры продолжаются.", "ru", "factual"),
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


@pytest.mark.parametrize("text, language, found", [
    ("Российская авиация 16 марта не выполняла задач по поражению наземных целей в черте Мариуполя.", "ru",
     ("denied", "factual")),
    ("Войска выполнили задачу по освобождению Донбасса.", "ru", ("asserted", "factual")),
    ("Війська виконали завдання зі звільнення Херсона.", "uk", ("asserted", "factual")),
    ("Армия получила задачу по освобождению Донбасса.", "ru", ("asserted", "future")),
])
def test_a_fulfilled_aim_tells_its_act_done(text, language, found):
    rec = record(text, language, "2022-03-16")
    assert [(e["polarity"], e["modality"]) for e in rec["events"]] == [found], rec["events"]


@pytest.mark.parametrize("text, language, kind", [
    ("Песков отметил, что решение не связано с атакой на Крымский мост, произошедшей ранее в тот же день.", "ru",
     "strike"),
    ("Уночі ворог здійснив атаку на міст через Дністровський лиман.", "uk", "strike"),
    ("Противник предпринял атаку на позиции у Работино.", "ru", "clash"),
])
def test_an_attack_on_a_structure_is_a_strike(text, language, kind):
    found = _events(text, language)
    assert [k for k, _, _, _ in found] == [kind], found


@pytest.mark.parametrize("text, speaker", [
    ("Шойгу согласился с предложением командующего Сергея Суровикина отвести войска. По словам Суровикина, снабжение "
     "Херсона невозможно.", "Sergei Surovikin"),
    ("По словам Сергея Суровикина, снабжение Херсона невозможно.", "Sergei Surovikin"),
    ("По словам Анны Петровой, бои продолжаются.", "Anna Petrova"),
])
def test_a_mans_surname_in_ov_or_in_declined_is_put_back_in_the_nominative(text, speaker):
    rec = record(text, "ru", "2022-11-09")
    assert [a["speaker"] for a in rec["attributions"]] == [speaker], rec["attributions"]


@pytest.mark.parametrize("text, language, when", [
    ("Днем ранее в результате атаки дрона на автомобиль в Шебекино пострадали двое мужчин.", "ru", "2024-08-29"),
    ("Днем раніше внаслідок удару по Харкову загинули двоє людей.", "uk", "2024-08-29"),
])
def test_the_day_before_is_the_day_before_the_report(text, language, when):
    rec = record(text, language, "2024-08-30")
    assert {e["when"] for e in rec["events"]} == {when}, rec["events"]


@pytest.mark.parametrize("text, language, found", [
    ("Их планируется обменять на российских военнопленных.", "ru", [("other", "asserted", "future")]),
    ("Намечается наступление на Харьков.", "ru", [("clash", "asserted", "future")]),
    ("Россия не видит условий для переговоров.", "ru", [("negotiation", "denied", "factual")]),
    ("Немає підстав для перемовин з Росією.", "uk", [("negotiation", "denied", "factual")]),
    ("Есть все условия для переговоров.", "ru", [("negotiation", "asserted", "factual")]),
])
def test_plans_and_grounds_denied(text, language, found):
    rec = record(text, language, "2023-03-31")
    assert [(e["type"], e["polarity"], e["modality"]) for e in rec["events"]] == found, rec["events"]


@pytest.mark.parametrize("text, language", [
    ("Загиблих та постраждалих серед мирного населення немає.", "uk"),
    ("Постраждалих серед цивільних немає.", "uk"),
    ("Пострадавших среди мирных жителей нет.", "ru"),
])
def test_none_hurt_among_the_people_named_denies_the_casualties(text, language):
    found = _events(text, language)
    assert [(kind, polarity) for kind, _, polarity, _ in found] == [("casualties", "denied")], found


def test_towns_under_enemy_fire_are_struck():
    found = events("Під ворожим вогнем перебували Херсон, Антонівка та Білозерка.", "uk")
    assert [(kind, "Kherson" in places) for kind, _, places, _ in found] == [("strike", True)], found


@pytest.mark.parametrize("text, found", [
    ("Вдалося вивезти ще майже 500 цивільних.", [("evacuation", 500)]),
    ("Вони знищують житлові квартали, будь-яку цивільну інфраструктуру.", [("strike", None)]),
])
def test_civilians_taken_out_are_an_evacuation(text, found):
    assert [(kind, count) for kind, _, _, count in _events(text, "uk")] == found
