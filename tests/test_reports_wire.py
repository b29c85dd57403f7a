"""What wire copy of the war tells, read by the annotation guide (issue 12): soldiers taken prisoner are losses and a
mayor taken is a hostage, an order makes an act one to come, a pull-back to better lines is a withdrawal, villages
named before a Russian region are places, a supplier or a side is no place of an act, a structure blown up is a
strike.

The sentences are probes written for these tests in the styles of the hidden reports (no gold or corpus text);
each says what the record should hold by the annotation guide (shared data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, language, kind", [
    ("Из подконтрольной Киеву территории возвращены 103 российских военнослужащих, взятых в плен в Курской "
     "области.", "ru", "casualties"),
    ("За добу наші захисники взяли в полон 12 російських військових поблизу Бахмута.", "uk", "casualties"),
    ("Вчора окупанти захопили в полон мера Мелітополя.", "uk", "other"),
    ("Российские военные взяли в плен мэра города.", "ru", "other"),
])
def test_soldiers_taken_prisoner_are_losses_and_a_mayor_taken_a_hostage(text, language, kind):
    found = events(text, language)
    assert [e[0] for e in found if "плен" in e[1] or "полон" in e[1]] == [kind], found


def test_captives_after_losses_are_an_act_of_their_own():
    found = events("Так, ми маємо втрати. Так, захоплені в полон російські бійці.", "uk")
    assert [e[0] for e in found] == ["casualties", "casualties"], found


@pytest.mark.parametrize("text, language", [
    ("Президент поручил полностью освободить территорию Курской области в ближайшее время.", "ru"),
    ("Главнокомандующий приказал взять Покровск до конца месяца.", "ru"),
    ("Командувач наказав звільнити Куп'янськ.", "uk"),
])
def test_an_ordered_act_is_to_come(text, language):
    rec = record(text, language, "2025-03-13")
    assert [e["modality"] for e in rec["events"]] == ["future"], rec["events"]


@pytest.mark.parametrize("text, language, kinds", [
    ("Сырский сообщил, что украинские подразделения маневрируют на более выгодные рубежи.", "ru", ["withdrawal"]),
    ("Командування повідомило, що підрозділи відійшли на вигідніші позиції.", "uk", ["withdrawal"]),
    ("Подразделения «Юга» заняли более выгодные рубежи.", "ru", []),
    ("Бойцы закрепились на более выгодных рубежах.", "ru", []),
])
def test_a_pull_back_to_better_lines_is_a_withdrawal_and_taking_them_none(text, language, kinds):
    assert [e[0] for e in events(text, language) if e[0] == "withdrawal"] == kinds


def test_villages_named_before_a_russian_region_are_its_places():
    found = events("Киевский режим предпринял попытку вторжения на участках Сподарюшино и Нехотеевка Белгородской "
                   "области. Губернатор Белгородской области сообщил о погибших.", "ru")
    invasion = [e for e in found if e[1] == "вторжения"]
    assert invasion and invasion[0][2] == {"Spodaryushino", "Nekhoteyevka"}, found
    assert all("Gubernator" not in e[2] for e in found), found


@pytest.mark.parametrize("text, language", [
    ("ВКС нанесли удар по ангарам с вооружением, поступившим от США и европейских стран.", "ru"),
    ("Ответственность за атаку взяли на себя воюющие на стороне Украины формирования.", "ru"),
])
def test_a_supplier_or_a_side_is_no_place_of_the_act(text, language):
    found = events(text, language)
    assert found and all(not e[2] for e in found), found


@pytest.mark.parametrize("text, language, trigger", [
    ("Зеленский обвинил российских военных в подрыве Каховской ГЭС.", "ru", "подрыве Каховской ГЭС"),
    ("Окупанти підірвали міст через річку.", "uk", "підірвали міст"),
])
def test_a_structure_blown_up_is_a_strike(text, language, trigger):
    assert ("strike", trigger) in [e[:2] for e in events(text, language)]


def test_undermining_trust_is_no_strike():
    assert events("Такие заявления ведут к подрыву доверия между странами.", "ru") == []


def test_a_town_a_settlement_noun_governs_is_no_first_name():
    found = events("Три человека погибли в результате удара ВСУ по городу Алешки Херсонской области.", "ru")
    assert found and all(e[2] == {"Oleshky"} for e in found), found


@pytest.mark.parametrize("text, language", [
    ("Под контролем Вооруженных сил Украины находятся 28 населенных пунктов Курской области.", "ru"),
    ("Під контролем Збройних сил України перебувають 28 населених пунктів Курської області.", "uk"),
])
def test_places_under_the_armed_forces_control_are_held(text, language):
    held = [e for e in events(text, language) if e[0] == "territory_control"]
    assert [(e[2], e[3]) for e in held] == [({"Kursk Oblast"}, 28)], held


def test_a_facility_names_where_an_act_of_taking_happened():
    assert [e[0] for e in events("Минобороны заявило о полном освобождении «Азовстали».", "ru")] \
        == ["territory_control"]


def test_an_attack_on_the_kursk_plant_is_in_kurchatov():
    found = events("ВСУ пытались атаковать Курскую АЭС, сообщил Путин. Станция расположена в Курчатове.", "ru")
    assert [e[2] for e in found if e[0] == "strike"] == [{"Kurchatov"}], found


def test_a_russian_word_for_a_hromada_names_it():
    found = events("Под огнем оказались Никополь и Марганецкая община.", "ru")
    assert found and found[0][2] == {"Nikopol", "Marhanetska hromada"}, found


@pytest.mark.parametrize("text, language, kinds", [
    ("Минобороны России опровергло обвинения Киева в убийстве мирных жителей в Буче.", "ru", ["casualties"]),
    ("Світ побачив масові вбивства в Бучі.", "uk", ["casualties"]),
    ("Ракета влучила в житловий будинок. Це вбивство.", "uk", ["strike"]),
])
def test_killings_named_by_a_noun_are_casualties_but_no_verdict(text, language, kinds):
    assert [e[0] for e in events(text, language)] == kinds


@pytest.mark.parametrize("text, language, trigger", [
    ("Минобороны сообщило об отражении атаки ВСУ в Курской области.", "ru", "отражении атаки"),
    ("Генштаб повідомив про відбиття атаки біля Куп'янська.", "uk", "відбиття атаки"),
])
def test_the_repelling_of_an_attack_is_one_event(text, language, trigger):
    assert [e[:2] for e in events(text, language)] == [("attack_repelled", trigger)]


@pytest.mark.parametrize("text, language", [
    ("В ведомстве заявили, что ни один местный житель не пострадал от насильственных действий.", "ru"),
    ("Жоден мешканець не постраждав.", "uk"),
])
def test_no_one_hurt_counts_none(text, language):
    assert [e[3] for e in events(text, language)] == [None]


def test_where_fire_came_from_is_no_place_of_the_loss():
    found = events("Самолет разбился в Корочанском районе Белгородской области. По данным ведомства, самолет был сбит "
                   "ВСУ ракетами из района Липцы Харьковской области. Все находившиеся на борту погибли.", "ru")
    assert all(not {"Lyptsi", "Kharkiv Oblast"} & e[2] for e in found), found


def test_a_date_to_come_is_no_date_of_an_act_done():
    rec = record("В Белгороде школы переведены на дистанционное обучение до 19 марта из-за продолжающихся "
                 "обстрелов, сообщил губернатор.", "ru", "2024-03-15")
    assert [e["when"] for e in rec["events"]] == [None], rec["events"]


def test_an_act_announced_for_tomorrow_is_to_come():
    rec = record("На завтра Росія офіційно анонсувала обстріл нашої території.", "uk", "2022-03-06")
    assert [(e["modality"], e["when"]) for e in rec["events"]] == [("future", "2022-03-07")], rec["events"]


def test_settlements_counted_after_a_town_entered_are_an_act_of_their_own():
    found = events("Украинские военные сообщили, что вошли в Херсон и освободили более 40 населенных пунктов.", "ru")
    assert [(e[1], e[3]) for e in found] == [("вошли", None), ("освободили", 40)], found


@pytest.mark.parametrize("text, language", [
    ("Ил-76 с украинскими пленными разбился в Белгородской области.", "ru"),
    ("Літак із військовополоненими розбився.", "uk"),
])
def test_captives_carried_are_no_capture(text, language):
    assert [e for e in events(text, language) if e[0] == "casualties"] == []


def test_where_a_column_heads_is_no_place_of_what_happens_next():
    found = events("Колонна «Вагнера» двинулась в сторону Москвы. Позже на нефтебазе начался пожар после удара "
                   "вертолета.", "ru")
    assert [e[2] for e in found if e[0] == "strike"] == [set()], found


@pytest.mark.parametrize("text, language, place", [
    ("Губернатор Белгородской области Вячеслав Гладков сообщил о гибели двух мирных жителей.", "ru", "Belgorod Oblast"),
    ("Мэр Белгорода сообщил о двух погибших при обстреле.", "ru", "Belgorod"),
    ("Колонна двинулась в сторону Москвы. Губернатор Воронежской области сообщил о пожаре после удара вертолета.",
     "ru", "Voronezh Oblast"),
])
def test_a_regional_official_speaks_of_his_region(text, language, place):
    found = events(text, language)
    assert found and all(e[2] == {place} for e in found), found


@pytest.mark.parametrize("text", [
    "В Киеве опровергли сообщения об атаке.",
    "Министр обороны Украины сообщил о двух погибших при обстреле.",
])
def test_a_government_that_speaks_places_no_act(text):
    assert all(not e[2] for e in events(text, "ru"))


def test_a_withheld_confirmation_is_no_assertion():
    rec = record("Сырский заявил о взятии Суджи. В Минобороны России взятие Суджи не подтвердили.", "ru", "2024-08-15")
    assert [e["polarity"] for e in rec["events"]] == ["asserted", "denied"], rec["events"]


def test_an_expected_taking_is_to_come():
    rec = record("По словам Пушилина, в ближайшее время можно ожидать освобождения Новобахмутовки.", "ru", "2024-04-29")
    assert [e["modality"] for e in rec["events"]] == ["future"], rec["events"]


def test_a_river_after_on_is_no_village():
    found = events("Ночью дроны атаковали порты на Дунае.", "ru")
    assert found and all("Dunay" not in e[2] for e in found), found


def test_hromadas_named_in_russian_spelling_resolve():
    found = events("Россияне обстреляли Белопольскую, Краснопольскую и Великописаревскую громады Сумской области.", "ru")
    assert [e[2] for e in found] == [{"Bilopilska hromada", "Krasnopilska hromada", "Velykopysarivska hromada"}], found


def test_russian_villages_in_english_copy_are_places_of_their_name():
    found = events("Russia's defence ministry said its forces had repelled attacks near the villages of Tolpino and "
                   "Obshchy Kolodez in the Kursk region.", "en")
    assert [e[2] for e in found] == [{"Tolpino", "Obshchy Kolodez"}], found


def test_a_ukrainian_village_the_gazetteer_lacks_is_no_russian_village():
    found = events("Ukrainian forces repelled attacks near the village of Zzyzxovka in the Donetsk region.", "en")
    assert all("Zzyzxovka" not in e[2] for e in found), found


@pytest.mark.parametrize("text, kinds", [
    ("Ukraine's General Staff said its troops were moving to better positions to avoid encirclement.", ["withdrawal"]),
    ("The troops withdrew to more favourable lines.", ["withdrawal"]),
    ("Soldiers are sabotaging their own vehicles to avoid fighting.", []),
])
def test_english_pull_backs_to_better_lines_and_acts_avoided(text, kinds):
    assert [e[0] for e in events(text, "en")] == kinds


@pytest.mark.parametrize("text, place", [
    ("Russia announced it was pulling its forces back from the area to regroup in the Donetsk region.", set()),
    ("Russia decided to withdraw troops from Kherson.", {"Kherson"}),
])
def test_where_a_withdrawing_force_regroups_is_no_place_it_leaves(text, place):
    assert [e[2] for e in events(text, "en") if e[0] == "withdrawal"] == [place]


@pytest.mark.parametrize("text, language", [
    ("Ракетний удар по Чернігову: 7 загиблих, 144 поранених", "uk"),
    ("Удар по Чернигову: 7 погибших, 144 раненых", "ru"),
])
def test_the_number_before_the_victims_word_counts_them(text, language):
    assert [e[3] for e in events(text, language) if e[0] == "casualties"] == [7, 144]


def test_lines_dug_in_on_are_not_the_place_just_left():
    found = events("Підрозділи Сил оборони вийшли з Авдіївки та закріпилися на підготовлених позиціях.", "uk")
    assert [(e[0], e[2]) for e in found] == [("withdrawal", {"Avdiivka"}), ("territory_control", set())], found


def test_settlements_listed_among_those_freed_are_the_places_of_the_freeing():
    found = events("За тиждень Сили оборони звільнили сім населених пунктів. Серед звільнених — Благодатне, "
                   "Макарівка та Нескучне.", "uk")
    assert [e[2] for e in found] == [{"Blahodatne", "Makarivka", "Neskuchne"}], found


def test_what_a_bridge_crosses_is_a_river():
    found = events("Окупанти підірвали мости через Дніпро.", "uk")
    assert found and all(not e[2] for e in found), found


@pytest.mark.parametrize("text, language, kind", [
    ("Высокоточными ракетами воздушного базирования уничтожены склады с оружием.", "ru", "strike"),
    ("Средствами ПВО уничтожены 12 беспилотников.", "ru", "other"),
])
def test_missiles_that_destroy_are_a_strike_and_drones_destroyed_an_interception(text, language, kind):
    assert [e[0] for e in events(text, language)] == [kind]


def test_an_acronym_is_no_foreign_town():
    rec = record("В МИД России назвали удар по рынку террористическим актом.", "ru", "2024-01-21")
    assert [p["name"] for p in rec["places"]] == ["Russia"], rec["places"]


def test_a_vehicle_blown_up_is_a_strike():
    assert [e[0] for e in events("На мосту произошел подрыв грузового автомобиля.", "ru")] == ["strike"]


def test_people_after_a_round_number_suffered():
    found = events("В результате ракетного удара по Киеву пострадали полтора десятка человек.", "ru")
    assert [(e[0], e[3]) for e in found if e[1] == "пострадали"] == [("casualties", 15)], found


@pytest.mark.parametrize("text, language", [
    ("Погибли 64-летний мужчина и его 11-летний внук.", "ru"),
    ("Загинули чоловік і його 11-річна донька.", "uk"),
])
def test_persons_joined_past_possessives_and_ages_count(text, language):
    assert [e[3] for e in events(text, language)] == [2]


@pytest.mark.parametrize("text, language, kind", [
    ("Также уничтожены склад боеприпасов 35-й бригады морской пехоты и два склада горючего.", "ru", "strike"),
    ("Уничтожены до 20 военнослужащих и танк.", "ru", "casualties"),
    ("Ворог втратив техніку, ще сотні солдатів.", "uk", "casualties"),
    ("Противник потерял до двух рот пехоты.", "ru", "casualties"),
])
def test_a_unit_named_after_its_infantry_is_no_people_lost(text, language, kind):
    assert [e[0] for e in events(text, language)] == [kind]


@pytest.mark.parametrize("text, language", [
    ("Путин и Трамп обсудили по телефону урегулирование на Украине.", "ru"),
    ("Зеленський і Макрон поговорили телефоном.", "uk"),
])
def test_a_call_told_by_what_was_discussed_is_a_negotiation(text, language):
    assert [e[0] for e in events(text, language)] == ["negotiation"]


def test_the_number_a_count_of_the_dead_rose_to_counts_them():
    found = events("Число погибших в результате удара двумя баллистическими ракетами по институту выросло до 55.", "ru")
    assert [e[3] for e in found if e[0] == "casualties"] == [55], found


def test_occupied_land_at_large_inherits_no_town():
    found = events("Россияне обстреляли колонну на выезде из Запорожья. Люди ехали на оккупированную территорию, чтобы "
                   "забрать родственников.", "ru")
    assert [e[2] for e in found if e[0] == "territory_control"] == [set()], found


@pytest.mark.parametrize("text, language, evidentiality", [
    ("Советник Алексей Арестович предположил, что российская ракета упала на жилой дом в Днепре.", "ru", "believed"),
    ("Радник Олексій Арестович припустив, що ракету збила ППО.", "uk", "believed"),
])
def test_a_supposition_is_an_attribution_believed(text, language, evidentiality):
    rec = record(text, language, "2023-01-16")
    assert [a["evidentiality"] for a in rec["attributions"]] == [evidentiality], rec["attributions"]
    assert rec["events"] and all(e["claimed_by"] == "a1" for e in rec["events"]), rec["events"]


@pytest.mark.parametrize("text, language", [
    ("Российская ракета упала на жилой дом.", "ru"),
    ("Ракета впала на територію підприємства.", "uk"),
])
def test_a_munition_that_fell_is_a_strike(text, language):
    assert [e[0] for e in events(text, language)] == ["strike"]


@pytest.mark.parametrize("text, language", [
    ("Песков сказал, что переговоры возможны.", "ru"),
    ("Нові удари ймовірні найближчими днями.", "uk"),
])
def test_an_act_said_possible_is_hypothetical(text, language):
    rec = record(text, language, "2023-07-12")
    assert [e["modality"] for e in rec["events"]] == ["hypothetical"], rec["events"]


@pytest.mark.parametrize("text, language, kind", [
    ("«Противник активно атакует», — говорится в заявлении Сырского.", "ru", "clash"),
    ("Противник продолжает атаковать на Покровском направлении.", "ru", "clash"),
    ("Ворог атакує на Покровському напрямку.", "uk", "clash"),
    ("ВСУ атаковали Белгород.", "ru", "strike"),
    ("Росіяни атакують Харків дронами.", "uk", "strike"),
])
def test_an_attack_with_no_target_or_along_a_front_is_fighting(text, language, kind):
    assert [e[0] for e in events(text, language)] == [kind]


@pytest.mark.parametrize("text, when", [
    ("С 29 июня по 5 июля российские войска освободили населенный пункт Сокол.", "2024-06-29/2024-07-05"),
    ("С 25 декабря по 3 января шли бои за Марьинку.", "2023-12-25/2024-01-03"),
])
def test_a_span_across_months_dates_the_act(text, when):
    rec = record(text, "ru", "2024-07-08")
    assert [e["when"] for e in rec["events"]] == [when], rec["events"]


def test_the_wounded_taken_to_hospital_are_no_new_casualties():
    found = events("Из завода эвакуированы 264 военнослужащих, 53 из них тяжело ранены. Раненых доставили в больницу "
                   "в Новоазовске.", "ru")
    assert [e[1] for e in found if e[0] == "casualties"] == ["ранены"], found


def test_an_act_planned_after_its_noun_is_to_come():
    rec = record("Обмен военнопленными планируется провести позже.", "ru", "2022-05-17")
    assert [e["modality"] for e in rec["events"]] == ["future"], rec["events"]


@pytest.mark.parametrize("text", [
    "Ukrainian forces have destroyed a key bridge over the Seym river in Russia's Kursk region, the commander of "
    "Ukraine's air force, Mykola Oleshchuk, said.",
    "Ukrainian forces have destroyed a key bridge, Mykola Oleshchuk, the commander of Ukraine's air force, said.",
])
def test_a_reporting_tail_with_a_name_and_a_title_apposed_is_an_attribution(text):
    rec = record(text, "en", "2024-08-16")
    assert [a["speaker"].split(",")[0] for a in rec["attributions"]] == ["Mykola Oleshchuk"], rec["attributions"]
    assert [e["claimed_by"] for e in rec["events"]] == ["a1"], rec["events"]


def test_the_country_that_made_the_weapons_is_no_place_of_the_strike():
    found = events("Putin said Russia had fired a new missile at the Ukrainian city of Dnipro in response to "
                   "Ukraine's use of US and British long-range weapons.", "en")
    assert [e[2] for e in found if e[0] == "strike"] == [{"Dnipro"}], found


@pytest.mark.parametrize("text, language", [
    ("За минувшие сутки уничтожены 25 оккупантов, сообщили в Силах обороны юга Украины.", "ru"),
    ("Про це повідомили в Силах оборони півдня України.", "uk"),
])
def test_the_defence_forces_are_no_village(text, language):
    rec = record(text, language, "2023-08-10")
    assert "Syla" not in [p["name"] for p in rec["places"]], rec["places"]


def test_a_republic_the_tagger_runs_on_into_a_preposition_is_a_place():
    rec = record("Putin recognised the Donetsk People's Republic on Monday.", "en", "2022-02-21")
    assert [p["name"] for p in rec["places"]] == ["Donetsk People's Republic"], rec["places"]


def test_a_room_the_tagger_calls_a_facility_is_no_town():
    rec = record("Now it is in the Mariyinsky Palace, in the White Hall, where we meet foreign heads of state.", "en",
                 "2022-03-12")
    assert "White Hall" not in [p["text"] for p in rec["places"]], rec["places"]


def test_a_republic_the_tagger_calls_a_facility_is_a_place():
    rec = record("Putin explained the recognition of the Donetsk People's Republic and the Lugansk People's Republic.",
                 "en", "2022-02-25")
    assert {"Donetsk People's Republic", "Luhansk People's Republic"} <= {p["name"] for p in rec["places"]}, rec


def test_a_town_with_a_toponym_reading_after_a_preposition_is_no_person():
    found = events("Украинские военные нанесли удар по Новоайдару из HIMARS, погибли два человека, заявил глава ЛНР "
                   "Леонид Пасечник.", "ru")
    assert found and all(e[2] == {"Novoaidar"} for e in found), found


@pytest.mark.parametrize("text, language", [
    ("По данным Минобороны РФ, заняты села Стрелечья и Пыльная. ВСУ не подтверждают эту информацию.", "ru"),
    ("Российские военблогеры утверждают, что ВС РФ захватили Шевченко, однако ISW эту информацию не подтверждает.",
     "ru"),
])
def test_a_report_another_source_does_not_confirm_is_denied_by_it(text, language):
    rec = record(text, language, "2024-05-12")
    taken = [e for e in rec["events"] if e["type"] == "territory_control"]
    assert [e["polarity"] for e in taken] == ["asserted", "denied"], rec["events"]


@pytest.mark.parametrize("text, language", [
    ("Українські військові звільнили село Новомлинськ, повідомили у 3-й окремій штурмовій бригаді.", "uk"),
    ("Военные освободили село Новомлинск, сообщили в 3-й отдельной штурмовой бригаде.", "ru"),
])
def test_a_numbered_unit_that_reports_is_a_source(text, language):
    rec = record(text, language, "2025-02-27")
    assert [a["cue"] is not None and "бригад" in text[a["source"][0]:a["source"][1]] for a in rec["attributions"]] \
        == [True], rec["attributions"]
    assert [e["claimed_by"] for e in rec["events"]] == ["a1"], rec["events"]


@pytest.mark.parametrize("text, language, kind", [
    ("Глава МИД РФ Сергей Лавров заявил, что здание роддома в Мариуполе давно захвачено батальоном «Азов».", "ru",
     "other"),
    ("Ворог захопив кілька будинків у Вовчанську.", "uk", "territory_control"),
    ("Бойцы бригады подняли российский флаг над административным зданием в центре Красногоровки.", "ru",
     "territory_control"),
])
def test_a_building_seized_is_no_town_taken_but_a_flag_over_one_claims_it(text, language, kind):
    assert [e[0] for e in events(text, language)] == [kind]


def test_what_a_town_is_cut_off_from_is_no_place_of_the_act():
    found = events("Российские войска продолжают окружать Чернигов, город отрезан от Киева после разрушения "
                   "моста.", "ru")
    assert [(e[0], e[2]) for e in found] == [("clash", {"Chernihiv"}), ("strike", {"Chernihiv"})], found


def test_a_place_in_a_facility_name_is_no_place_and_the_accused_is_no_place_of_the_act():
    rec = record("The collapse of the Kakhovka dam flooded dozens of villages. Zelenskyy accused Russia of blowing up "
                 "the dam, while Moscow blamed Ukrainian shelling.", "en", "2023-06-06")
    assert "Kakhovka" not in [p["text"] for p in rec["places"]], rec["places"]
    strikes = [e for e in rec["events"] if e["type"] == "strike"]
    assert len(strikes) == 2 and all(not e["places"] for e in strikes), rec["events"]


def test_the_village_refers_to_the_village_named_before_not_the_town_beside_it():
    found = events("Russia's Defense Ministry said its forces had taken full control of Lastochkyne, a village just "
                   "west of Avdiivka. Ukraine's military said it had withdrawn troops from the village.", "en")
    assert [e[2] for e in found if e[0] == "withdrawal"] == [{"Lastochkyne"}], found


@pytest.mark.parametrize("text, kind", [
    ("Russian forces also pressed attacks near Robotyne in the Zaporizhzhia region.", "clash"),
    ("Drone attacks near Kharkiv killed two people.", "strike"),
])
def test_english_attacks_near_a_place_with_no_weapon_are_fighting(text, kind):
    assert [e[0] for e in events(text, "en") if e[1].endswith("attacks")] == [kind]


def test_every_place_of_a_list_after_from_the_side_of_is_where_an_attack_came_from():
    found = events("Украинские пограничники сообщили о наступлении российских войск со стороны Беларуси и Крыма.", "ru")
    assert [e[2] for e in found] == [set()], found


@pytest.mark.parametrize("text, names", [
    ("A drone attack on the southern region of Kherson killed one person.", ["Kherson Oblast"]),
    ("Putin annexed four Ukrainian regions - Donetsk, Luhansk, Zaporizhzhia and Kherson.",
     ["Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"]),
])
def test_names_after_a_region_noun_are_regions(text, names):
    rec = record(text, "en", "2022-09-30")
    assert [p["name"] for p in rec["places"]] == names, rec["places"]
