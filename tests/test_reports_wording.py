"""Words of war reports that read two ways (issue 12), from probes in the styles of RBC, Gazeta.Ru, Fontanka,
Kommersant, Ukrainska Pravda and RBC-Ukraine: a bomber is no bombing; "Пострадавших и разрушений нет" denies
both; the Ukrainian "ради" is a council, no purpose; the loss of a town is a withdrawal that a side may decline to
admit, while a country's losses are casualties; a report that was not commented on tells no act; a surname after a
street noun names a street ("на улице Щорса" is not Snovsk, once Shchors), a town after one its streets; attacking
so many times on an axis is fighting; no one injured is a denial.

The sentences are probes written for these tests (no gold or corpus text).
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model


def _events(text: str, language: str) -> list[tuple[str, str, str, str]]:
    """(type, trigger, polarity, modality) of each event of a probe report."""
    rec = record(text, language, "2024-06-20")
    return [(e["type"], text[e["trigger"][0]:e["trigger"][1]], e["polarity"], e["modality"]) for e in rec["events"]]


@pytest.mark.parametrize("text, language", [
    ("На аэродроме Энгельс базируются стратегические бомбардировщики Ту-95.", "ru"),
    ("Бомбардувальники Ту-22 злетіли з аеродрому.", "uk"),
])
def test_a_bomber_is_no_bombing(text, language):
    assert not [e for e in _events(text, language) if e[0] == "strike"]


@pytest.mark.parametrize("text, language", [("Ворог бомбардував Харків.", "uk"),
                                            ("Авиация бомбардировала позиции ВСУ.", "ru")])
def test_bombing_is_a_strike(text, language):
    assert [e[0] for e in _events(text, language)] == ["strike"]


@pytest.mark.parametrize("text, language", [("Пострадавших и разрушений нет.", "ru"),
                                            ("Загиблих та поранених немає.", "uk")])
def test_none_after_two_nouns_denies_both(text, language):
    found = _events(text, language)
    assert found and all(e[2] == "denied" for e in found), found


def test_a_councils_building_names_no_purpose():
    found = _events("Над будівлею міської ради підняли український прапор.", "uk")
    assert [(e[0], e[3]) for e in found] == [("territory_control", "factual")]


@pytest.mark.parametrize("text, kind, polarity", [
    ("Росія визнала втрату Балаклії.", "withdrawal", "asserted"),
    ("Росія не визнала втрату міста.", "withdrawal", "denied"),
    ("Інакше втрати Росії будуть такими, що вам не вистачить поколінь.", "casualties", "asserted"),
])
def test_the_loss_of_a_town_is_a_withdrawal_a_side_may_not_admit(text, kind, polarity):
    assert [(e[0], e[2]) for e in _events(text, "uk")] == [(kind, polarity)]


@pytest.mark.parametrize("text, language", [
    ("Информацию о взятии Андреевки в Минобороны России не комментировали.", "ru"),
    ("В Минобороны России взятие Андреевки не комментировали.", "ru"),
    ("У Міноборони Росії заяву про звільнення Роботиного не коментували.", "uk"),
])
def test_an_act_not_commented_on_is_not_told(text, language):
    assert _events(text, language) == []


def test_an_act_after_which_a_topic_is_discussed_is_told():
    assert [e[0] for e in _events("После взятия Андреевки журналисты обсуждали потери.", "ru")][:1] == \
        ["territory_control"]


@pytest.mark.parametrize("text, language, kinds", [
    ("Врио губернатора Алексей Смирнов заявил, что ситуация остается под контролем.", "ru", []),
    ("Город остается под контролем ВСУ.", "ru", ["territory_control"]),
])
def test_a_situation_under_control_is_no_ground_held(text, language, kinds):
    assert [e[0] for e in _events(text, language)] == kinds


def test_places_said_to_be_freed_are_taken_not_people_released():
    rec = record("Текст.", "uk", "2022-04-02", title="Маляр: Ірпінь, Буча, Гостомель і вся Київщина звільнені")
    assert [e["type"] for e in rec["title_layers"]["events"]] == ["territory_control"]
    rec = record("Текст.", "uk", "2022-04-02", title="Серед звільнених – оборонці Маріуполя")
    assert rec["title_layers"]["events"] == []


def test_the_republics_towns_are_no_village_named_republic():
    rec = record("ВФУ продолжают обстреливать мирные города Республики. Под ударом оказались Донецк и Макеевка.", "ru",
                 "2023-05-15")
    assert "Respublika" not in {p["name"] for p in rec["places"]}
    rec = record("Бої біля села Республіка.", "uk", "2023-05-15")
    assert "Respublika" in {p["name"] for p in rec["places"]}


@pytest.mark.parametrize("text, language, place", [
    ("Уламки ракети впали у Подільському районі Києва.", "uk", "Kyiv"),
    ("Три мирных жителя погибли при обстреле Куйбышевского и Киевского районов Донецка.", "ru", "Donetsk"),
])
def test_a_district_of_a_city_is_no_raion_of_an_oblast(text, language, place):
    rec = record(text, language, "2023-12-29")
    assert {p["name"] for p in rec["places"]} == {place}, rec["places"]


@pytest.mark.parametrize("text, language, polarity", [
    ("ГУР підтвердило, що на 24 січня був запланований обмін полоненими, який не відбувся.", "uk", "denied"),
    ("Переговоры, которые не состоялись в марте, перенесли.", "ru", "denied"),
    ("Обмен пленными, который состоялся вчера, стал крупнейшим.", "ru", "asserted"),
])
def test_a_relative_clause_may_say_an_act_did_not_take_place(text, language, polarity):
    assert [e[2] for e in _events(text, language)] == [polarity]


@pytest.mark.parametrize("text, language", [
    ("Головне управління розвідки заявило, що обмін не відбувся.", "uk"),
    ("Главное управление разведки заявило, что обмен не состоялся.", "ru"),
])
def test_the_intelligence_directorate_by_its_full_name_is_defence_intelligence(text, language):
    assert [a["speaker"] for a in record(text, language, "2024-01-24")["attributions"]] == \
        ["Defence Intelligence of Ukraine"]


@pytest.mark.parametrize("text, language, places", [
    ("Обломки повредили жилые дома на улицах Щорса и Костюкова в Белгороде.", "ru", {"Belgorod"}),
    ("Снаряд попал в дом на улице Щорса в Белгороде.", "ru", {"Belgorod"}),
    ("Уламки пошкодили будинки на вулицях Шевченка та Франка у Харкові.", "uk", {"Kharkiv"}),
    ("Бои идут на улицах Бахмута и Соледара.", "ru", {"Bakhmut", "Soledar"}),  # the streets of two towns
])
def test_a_name_after_a_street_noun_is_the_streets(text, language, places):
    found = events(text, language)
    assert found and found[0][2] == places, found


@pytest.mark.parametrize("text", ["No one was injured, the governor said.", "Nobody was killed in the attack.",
                                  "No civilians were killed.", "None of the crew were injured."])
def test_a_subject_naming_no_one_denies_the_casualties_and_counts_none(text):
    casualties = [e for e in record(text, "en", "2024-06-20")["events"] if e["type"] == "casualties"]
    assert [(e["polarity"], e.get("quantity")) for e in casualties] == [("denied", None)], casualties


def test_one_person_named_is_still_counted():
    casualties = [e for e in record("One civilian was injured.", "en", "2024-06-20")["events"]]
    assert [(e["polarity"], e.get("quantity")) for e in casualties] == [("asserted", 1)], casualties


@pytest.mark.parametrize("text, language, kind", [
    ("На Покровском направлении враг атаковал 28 раз.", "ru", "clash"),  # how often on an axis: ground assaults
    ("Наиболее напряженная ситуация сохраняется на Покровском направлении, где враг атаковал 28 раз.", "ru", "clash"),
    ("На Покровському напрямку ворог 28 разів атакував.", "uk", "clash"),
    ("Противник 28 раз атаковал Харьков.", "ru", "strike"),  # a town as the object
])
def test_attacking_so_many_times_on_an_axis_is_fighting(text, language, kind):
    assert [e[0] for e in events(text, language)] == [kind]


def test_a_denied_act_beside_an_asserted_one_of_its_type_is_its_own_event():
    text = "He said Russian troops had raised flags over several buildings but did not control the town."
    found = [(e["type"], text[e["trigger"][0]:e["trigger"][1]], e["polarity"])
             for e in record(text, "en", "2024-09-09")["events"]]
    assert ("territory_control", "control", "denied") in found and \
        ("territory_control", "raised flags", "asserted") in found, found


@pytest.mark.parametrize("text, denied", [
    ("The invasion could not be repulsed at once because the enemy was advancing from several directions.",
     {"repulsed"}),
    ("Most armies do not have as much as Russian troops lost during the invasion.", set()),
])
def test_a_negation_does_not_reach_into_a_clause_of_cause_or_time(text, denied):
    found = record(text, "en", "2022-03-20")["events"]
    assert {text[e["trigger"][0]:e["trigger"][1]] for e in found if e["polarity"] == "denied"} == denied, found


@pytest.mark.parametrize("text, language, found", [
    ("Загиблих немає, троє людей отримали поранення.", "uk", [("casualties", "denied", None),
                                                           ("casualties", "asserted", 3)]),
    ("Погибших нет, двое человек получили ранения.", "ru", [("casualties", "denied", None),
                                                           ("casualties", "asserted", 2)]),
])
def test_no_dead_and_some_wounded_are_two_events(text, language, found):
    assert [(e[0], e[2], e[3]) for e in _counted(text, language)] == found


def _counted(text: str, language: str) -> list[tuple[str, str, str, object]]:
    """(type, trigger, polarity, count) of each event of a probe report."""
    rec = record(text, language, "2024-06-20")
    return [(e["type"], text[e["trigger"][0]:e["trigger"][1]], e["polarity"], e.get("quantity")) for e in rec["events"]]


@pytest.mark.parametrize("text, language, kinds", [
    ("Герасимов заявил, что продвижение противника остановлено.", "ru", ["attack_repelled"]),
    ("Просування ворога зупинено.", "uk", ["attack_repelled"]),
    # equipment not left behind gives up no place
    ("Минобороны заявило, что завершило отвод подразделений на левый берег и ни одной единицы техники на правом "
     "берегу не оставлено.", "ru", ["withdrawal"]),
    ("Противник в беспорядке оставил город, бросив вооружение и военную технику.", "ru", ["withdrawal"]),
])
def test_a_stopped_advance_is_repelled_and_equipment_kept_is_no_withdrawal(text, language, kinds):
    assert [e[0] for e in _events(text, language)] == kinds


def test_a_ships_flag_state_is_no_place_of_the_strike():
    found = events("Внаслідок атаки в Одесі пошкоджено цивільне судно під прапором Панами.", "uk")
    assert [e[2] for e in found if e[0] == "strike"] == [{"Odesa"}], found


def test_people_described_by_what_they_once_did_tell_no_act():
    found = events("Домой вернулись 95 украинских защитников, в том числе бойцы, оборонявшие Мариуполь и «Азовсталь».",
                   "ru")
    assert not [e for e in found if e[0] in ("clash", "territory_control")], found


@pytest.mark.parametrize("text, language, expected", [
    ("Russia says it has taken two villages in the Donetsk region.", "en", [("territory_control", 2)]),
    ("Russian troops had launched 42 attacks in the Pokrovsk and Kurakhove sectors.", "en", [("clash", 42)]),
])
def test_villages_counted_are_taken_and_attacks_in_a_sector_are_fighting(text, language, expected):
    assert [(e[0], e[3]) for e in _counted(text, language)] == expected


@pytest.mark.parametrize("text, language, actor", [
    ("Росіяни кілька разів намагалися штурмувати місто.", "uk", "Росіяни"),  # "кілька" also reads as a fish
    ("Россияне несколько раз пытались штурмовать город.", "ru", "Россияне"),
])
def test_how_often_is_no_actor(text, language, actor):
    assert [e["actor"] for e in record(text, language, "2024-10-02")["events"]] == [actor]


@pytest.mark.parametrize("text, language, trigger", [
    ("Минобороны делает все необходимое для вытеснения противника из Курской области.", "ru", "вытеснения"),
    ("ВСУ выдавили противника из Волчанска.", "ru", "выдавили"),
])
def test_pushing_the_enemy_out_is_a_withdrawal(text, language, trigger):
    assert ("withdrawal", trigger) in [(e[0], e[1]) for e in _events(text, language)]


@pytest.mark.parametrize("text, language, moved", [
    ("Украинское командование перебрасывает дополнительные подразделения в район Кременной.", "ru", True),
    ("Росіяни перекинули резерви під Покровськ.", "uk", True),
    ("Ми ще раз просимо: не перекидайте відповідальність.", "uk", False),  # shifting blame
    ("По их оценке, концентрация войск в районе Васильевки указывает на подготовку операции.", "ru", True),
    ("Концентрація російських військ біля кордону триває.", "uk", True),
    ("Концентрация внимания на экономике снизилась.", "ru", False),
])
def test_troops_moved_up_are_a_build_up(text, language, moved):
    assert any(e[0] == "other" for e in _events(text, language)) is moved


@pytest.mark.parametrize("text, places", [
    ("Командование перебрасывает подразделения в район Кременной, в том числе из-под Северска.", {"Kreminna"}),
    ("ВСУ перебросили к Волчанску подразделения из Донбасса.", {"Vovchansk"}),
])
def test_where_troops_moved_up_came_from_is_no_place_of_the_build_up(text, places):
    assert [e[2] for e in events(text, "ru") if e[0] == "other"] == [places]


def test_drones_intercepted_are_shot_down_where_told_not_where_a_capital_acts():
    text = ("Ukraine's air force said on Sunday it had shot down 60 of the 75 drones and all three missiles Russia "
            "launched overnight, as Moscow kept up its air campaign against the country's energy grid. Russia's "
            "Defence Ministry said it had intercepted 12 Ukrainian drones over the Bryansk and Kursk regions.")
    found = [(e[0], e[2]) for e in events(text, "en") if e[0] == "other"]
    assert found == [("other", set()), ("other", {"Bryansk Oblast", "Kursk Oblast"})], found


def test_an_attack_after_which_people_were_hurt_is_a_strike():
    found = events("В Белгороде после атаки ВСУ пострадали шесть человек.", "ru")
    assert [e[0] for e in found] == ["strike", "casualties"], found


@pytest.mark.parametrize("text, language", [
    ("С начала боевых действий на этом направлении потери противника составили более 35 тыс. 400 военнослужащих.",
     "ru"),
    ("Загалом від початку контрнаступу на півдні ворог втратив понад 500 осіб.", "uk"),
])
def test_an_act_whose_beginning_dates_another_is_no_event(text, language):
    assert [e[0] for e in events(text, language)] == ["casualties"]


def test_debris_that_damaged_a_house_is_a_strike_and_no_one_hurt_is_denied():
    found = events("The governor said debris from a downed drone had damaged a house in the village of Shumakovo. "
                   "No one was hurt, he said.", "en")
    assert [e[0] for e in found] == ["strike", "casualties"], found
    assert not [e[0] for e in events("The row damaged the relationship between the two leaders.", "en")]


@pytest.mark.parametrize("text, language", [
    ("Противник отошел на заранее подготовленные рубежи в районе Архангельского.", "ru"),
    ("Підрозділи відійшли на заздалегідь підготовлені позиції.", "uk"),
])
def test_pulling_back_to_prepared_lines_is_a_withdrawal(text, language):
    assert [e[0] for e in events(text, language)] == ["withdrawal"]


def test_the_agent_of_an_occupation_is_its_actor_and_a_reporter_is_none():
    text = "Аналитики DeepState сообщили об оккупации Российской армией сел Гродовка и Красный Яр."
    (found,) = [e for e in record(text, "ru", "2024-08-20")["events"] if e["type"] == "territory_control"]
    assert found["actor"] == "Российской армией"
    (found,) = record("DeepState отметил оккупацию трех сел.", "ru", "2024-08-20")["events"]
    assert found["actor"] is None


@pytest.mark.parametrize("text, language, kinds", [
    ("Сили оборони знищили склад боєприпасів окупантів у Токмаку.", "uk", ["strike"]),  # the owners of a depot
    ("ВСУ потеряли за месяц более 20 тысяч военных.", "ru", ["casualties"]),
    ("Уничтожено до роты военнослужащих противника.", "ru", ["casualties"]),
    ("Окупаційна адміністрація Запорізької області заявила, що пошкоджено будинки.", "uk", ["strike"]),
])
def test_people_owning_a_thing_are_no_losses_and_an_occupation_administration_no_occupation(text, language, kinds):
    assert [e[0] for e in events(text, language)] == kinds


@pytest.mark.parametrize("text, language, kind", [
    ("Украинские военные отбили Работино, сообщает Минобороны Украины.", "ru", "territory_control"),
    ("Українські військові відбили Роботине.", "uk", "territory_control"),
    ("ВСУ отбили атаку у Работино.", "ru", "attack_repelled"),
])
def test_retaking_a_place_named_right_after_is_a_capture_not_a_repelled_attack(text, language, kind):
    assert [e[0] for e in events(text, language)] == [kind]


@pytest.mark.parametrize("text, language, polarity, modality", [
    ("Германия не будет поставлять Украине крылатые ракеты Taurus.", "ru", "denied", "future"),
    ("США выделят Украине новый пакет военной помощи.", "ru", "asserted", "future"),
    ("США передадуть Україні ракети ATACMS.", "uk", "asserted", "future"),
])
def test_weapons_sent_and_military_aid_are_deliveries(text, language, polarity, modality):
    (event,) = record(text, language, "2024-10-25")["events"]
    assert (event["type"], event["polarity"], event["modality"]) == ("other", polarity, modality)
