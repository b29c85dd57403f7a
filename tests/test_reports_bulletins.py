"""What bulletins and wire copy of the war tell, read by the annotation guide (issue 12): who acted (the agent of a
passive, "они" and a verb joined on, a holder "под контроль X"), who speaks (appositions, surnames alone, statements
made by a noun and a light verb, bulletins and services named), which act a sentence tells and how firmly (withdrawals,
incursions, strikes by bombs and blasts, exchanges, imperatives, decisions), what a number counts, and where an act
happened (a governor's region, square kilometres, axes, capitals, lists stating areas, settlement kinds, headlines,
paragraphs telling a strike's result).

The sentences are probes written for these tests in the styles of the hidden reports (no gold or corpus text);
each says what the record should hold by the annotation guide (shared data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model


def _attributions(text: str, language: str) -> list[tuple[str, str]]:
    """(speaker, content) of each attribution of a probe report."""
    rec = record(text, language, "2024-06-03")
    return [(a["speaker"], text[a["content"][0]:a["content"][1]]) for a in rec["attributions"]]


@pytest.mark.parametrize("text", [
    'Завод "Азовсталь" полностью освобожден, сообщили в Минобороны России.',
    "Киев. 3 апреля. ИНТЕРФАКС-УКРАИНА - Вся Киевская область освобождена от оккупантов, заявила Анна Маляр.",
])
def test_what_a_passive_says_was_taken_is_not_who_took_it(text):
    rec = record(text, "ru", "2022-05-20")
    taking = [e for e in rec["events"] if e["type"] == "territory_control"]
    assert taking and all(e["actor"] is None for e in taking), taking


def test_a_force_in_the_instrumental_before_a_passive_took_the_place():
    text = ("Подразделениями группировки войск «Центр» в результате активных действий освобождены населенные пункты "
            "Ленинское и Цукурино.")
    rec = record(text, "ru", "2024-10-21")
    (taking,) = [e for e in rec["events"] if e["type"] == "territory_control"]
    assert "Центр" in taking["actor"], taking


@pytest.mark.parametrize("text, language", [
    ("Кроме того, под контроль перешли села Мартыновка и Малая Локня Курской области.", "ru"),
    ("Під контроль Сил оборони перейшли села Нові Комарі та Розлив.", "uk"),
])
def test_villages_that_passed_under_control_were_taken(text, language):
    found = events(text, language)
    assert [e[0] for e in found] == ["territory_control"] and len(found[0][2]) == 2, found


@pytest.mark.parametrize("text, language, speaker, content", [
    ("По словам Владимира Рогова, члена главного совета администрации Запорожской области, бои идут у Работина.",
     "ru", "Vladimir Rogov", "бои идут у Работина"),
    ("За словами Олега Синєгубова, голови Харківської ОВА, поранено чотирьох людей.", "uk", "Oleh Syniehubov",
     "поранено чотирьох людей"),
    ("По данным Минобороны, всего за ночь были уничтожены 337 украинских БПЛА.", "ru", "Russian Ministry of Defence",
     "всего за ночь были уничтожены 337 украинских БПЛА"),
])
def test_an_apposition_after_an_according_to_source_is_no_part_of_the_claim(text, language, speaker, content):
    assert _attributions(text, language) == [(speaker, content)]


def test_a_surname_in_a_case_the_dictionary_lacks_is_the_person_named_before():
    found = _attributions("Российские военные заняли село Степовое, сообщил военный корреспондент Александр Коц. По "
                          "словам Коца, продолжаются бои за Синьковку.", "ru")
    assert [speaker for speaker, _ in found] == ["Aleksandr Kots", "Aleksandr Kots"], found


@pytest.mark.parametrize("text, language, content", [
    ("Заявление о взятии Бахмута сделал глава ЧВК «Вагнер» Евгений Пригожин.", "ru", "о взятии Бахмута"),
    ("С заявлением об освобождении Марьинки выступил министр обороны Сергей Шойгу.", "ru", "об освобождении Марьинки"),
    ("ЗСУ відійшли з Бахмута. З такою заявою виступив очільник ПВК «Вагнер» Євген Пригожин.", "uk",
     "ЗСУ відійшли з Бахмута"),
    ("Заяву про захоплення Бахмута зробив власник ПВК «Вагнер» Євген Пригожин.", "uk", "про захоплення Бахмута"),
])
def test_a_statement_named_by_a_noun_and_a_light_verb_is_its_makers_claim(text, language, content):
    assert _attributions(text, language) == [("Yevgeny Prigozhin" if "Пригожин" in text else "Sergei Shoigu",
                                              content)]


def test_a_statement_made_with_no_source_after_it_reports_nothing():
    assert _attributions("Совет безопасности сделал заявление.", "ru") == []


def test_a_governors_casualties_are_in_the_town_of_his_region_told_before():
    found = events("Вооруженные силы Украины обстреляли город Каховка Херсонской области из РСЗО. В результате "
                   "обстрела погиб мирный житель, еще трое получили ранения, сообщил губернатор региона Владимир "
                   "Сальдо.", "ru")
    assert [e[2] for e in found if e[0] == "casualties"] == [{"Kakhovka"}, {"Kakhovka"}], found


def test_land_measured_in_square_kilometres_is_no_town_told_before():
    found = events("Вооруженные силы Украины вошли в Купянск и Изюм. Главком ВСУ Валерий Залужный сообщил, что с "
                   "начала сентября украинские военные вернули под контроль более 3 тыс. кв. км территории.", "ru")
    assert [e[2] for e in found if e[0] == "territory_control"] == [{"Kupiansk", "Izium"}, set()], found


@pytest.mark.parametrize("text, language", [
    ("Російські війська просунулися на Великоновосілківському напрямку.", "uk"),
    ("Российские войска продвинулись на Великоновоселковском направлении.", "ru"),
])
def test_an_axis_named_after_a_two_word_town_is_that_towns(text, language):
    assert [e[2] for e in events(text, language)] == [{"Velyka Novosilka axis (front sector)"}]


def test_troops_that_retreated_withdrew_in_ukrainian_too():
    assert [e[0] for e in events("Українські війська відступили з Бахмута.", "uk")] == ["withdrawal"]


@pytest.mark.parametrize("text, count", [
    ("A Ukrainian brigade said that a couple of soldiers had been captured during the retreat.", 2),
    ("Russian shelling killed an elderly couple in Kherson.", 2),
    ("Russian shelling killed a man in Kherson a couple of days ago.", 1),
])
def test_a_couple_counts_two(text, count):
    found = [e for e in events(text, "en") if e[0] == "casualties"]
    assert [e[3] for e in found] == [count], found


def test_it_after_a_state_is_that_state():
    text = ("Ukraine's top commander said he was pulling troops out of Avdiivka, handing Russia its biggest "
            "battlefield gain since it captured Bakhmut in May 2023.")
    rec = record(text, "en", "2024-02-17")
    assert [e["actor"] for e in rec["events"] if e["type"] == "territory_control"] == ["Russia"], rec["events"]


def test_control_of_the_town_is_of_the_town_named_before():
    found = events("Ukrainian troops left the eastern city of Avdiivka on Saturday.\n\nRussia's defence ministry said "
                   "its forces had taken full control of the town.", "en")
    assert [e[2] for e in found if e[0] == "territory_control"] == [{"Avdiivka"}], found


def test_losses_a_pull_out_avoids_are_no_losses():
    found = events("Гайдай заявлял, что отход ВСУ с позиций в Северодонецке необходим, чтобы избежать больших "
                   "потерь.", "ru")
    assert [e[0] for e in found] == ["withdrawal"], found


@pytest.mark.parametrize("text, language", [
    ("Российская авиация сбросила бомбу на здание драматического театра в Мариуполе.", "ru"),
    ("Росіяни скинули дві керовані авіабомби на Куп'янськ.", "uk"),
    ("В Минобороны заявили, что здание театра было взорвано боевиками.", "ru"),
])
def test_bombs_dropped_and_a_building_blown_up_are_strikes(text, language):
    assert [e[0] for e in events(text, language)] == ["strike"]


@pytest.mark.parametrize("text, language, speaker", [
    ("Минобороны России заявило о взятии Курахово. В сводке также говорится о разгроме подразделений ВСУ.", "ru",
     "Russian Ministry of Defence"),
    ("ЗСУ відбили 24 атаки. Про це йдеться у зведенні Генштабу ЗСУ станом на 06:00 11 лютого.", "uk",
     "General Staff of the Armed Forces of Ukraine"),
    ("ВСУ отбили 24 атаки. Об этом говорится в сводке Генштаба ВСУ по состоянию на 18:00.", "ru",
     "General Staff of the Armed Forces of Ukraine"),
])
def test_a_bulletin_speaks_without_the_words_around_its_name(text, language, speaker):
    assert _attributions(text, language)[-1][0] == speaker


def test_the_areas_troops_gather_in_are_no_build_up():
    found = events("Авіація Сил оборони завдала 5 ударів по районах зосередження особового складу ворога.", "uk")
    assert [e[0] for e in found] == ["strike"], found


@pytest.mark.parametrize("text, kinds", [
    ("Ви не відступаєте. Ми не відступаємо.", []),
    ("ЗСУ не відступали з Бахмута.", ["withdrawal"]),
])
def test_a_resolve_not_to_retreat_is_no_withdrawal_told(text, kinds):
    assert [e[0] for e in events(text, "uk")] == kinds


def test_names_after_regions_of_a_country_are_its_regions():
    found = events("President Vladimir Putin has signed treaties annexing four partly occupied regions of Ukraine - "
                   "Donetsk, Luhansk, Zaporizhzhia and Kherson - in a ceremony at the Kremlin.", "en")
    assert [e[2] for e in found] == [{"Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"}]


def test_an_acronym_in_brackets_after_a_source_is_no_part_of_its_name():
    found = _attributions("The Russian Ministry of Defense (MoD) claimed that Russian forces seized Rivnopil.", "en")
    assert found == [("Russian Ministry of Defense", "Russian forces seized Rivnopil")]


@pytest.mark.parametrize("text, actor", [
    ("Каховская ГЭС атакована ВСУ.", "ВСУ"),
    ("Нанесено поражение живой силе и технике ВСУ в районе Селидово.", None),
])
def test_who_struck_after_a_passive_is_its_agent_not_its_target(text, actor):
    rec = record(text, "ru", "2023-06-06")
    assert [e["actor"] for e in rec["events"]] == [actor], rec["events"]


def test_the_town_a_headline_names_is_the_report_topic_for_acts_placed_nowhere():
    text = "Уночі росіяни вдарили по Львову.\n\nРакета влучила в житловий будинок, зруйновано два поверхи."
    placed = [e[2] for e in events(text, "uk", title="Ракетний удар по Львову: є загиблі") if e[1] == "Ракета влучила"]
    unplaced = [e[2] for e in events(text, "uk") if e[1] == "Ракета влучила"]
    assert (placed, unplaced) == ([{"Lviv"}], [set()])


def test_a_days_losses_in_a_bulletin_are_not_the_headline_towns():
    text = ("Союзные войска отведены из населенного пункта Красный Лиман на более выгодные рубежи.\n\nПо данным "
            "ведомства, за сутки противник потерял более 200 человек.")
    losses = [e for e in events(text, "ru", title="Минобороны: войска отведены из Красного Лимана")
              if e[0] == "casualties"]
    assert [(e[2], e[3]) for e in losses] == [(set(), 200)], losses


@pytest.mark.parametrize("text, dead, wounded", [
    ("В Судже погибли двое и ранены 24 человека, в том числе шестеро детей.", 2, 24),
    ("Три мирных жителя погибли, еще семеро, в том числе ребенок, получили ранения.", 3, 7),
])
def test_the_dead_and_the_wounded_of_one_sentence_are_counted_apart(text, dead, wounded):
    assert [e[3] for e in events(text, "ru") if e[0] == "casualties"] == [dead, wounded]


def test_nationalists_the_ministry_says_it_killed_are_losses():
    found = events("Минобороны России заявило, что удар был нанесен по пункту временной дислокации подразделения "
                   "ВСУ, уничтожено более 300 националистов.", "ru")
    assert [(e[0], e[3]) for e in found if e[0] == "casualties"] == [("casualties", 300)], found


def test_the_territory_of_the_republic_is_the_peoples_republic_named_before():
    found = events("Врио главы ДНР Денис Пушилин сообщил об обстреле Донецка. По данным СЦКК, в течение суток "
                   "украинские формирования выпустили по территории республики 148 боеприпасов.", "ru")
    assert [e[2] for e in found] == [{"Donetsk"}, {"Donetsk Oblast"}], found


def test_a_headline_passive_without_its_auxiliary_places_what_was_taken():
    rec = record("Prigozhin said his forces had taken full control of the city.", "en", "2023-05-20",
                 title="Wagner chief says Bakhmut captured")
    (taking,) = [e for e in rec["title_layers"]["events"] if e["type"] == "territory_control"]
    names = {p.get("ref"): p["name"] for p in rec["title_layers"]["places"]}
    assert (taking["actor"], [names.get(k, k) for k in taking["places"]]) == (None, ["Bakhmut"]), taking


@pytest.mark.parametrize("text, language, kind", [
    ("Российская сторона открывает гуманитарные коридоры для выхода мирных жителей из Мариуполя и Волновахи.", "ru",
     "evacuation"),
    ("Из Мариуполя организован выход мирного населения из города.", "ru", "evacuation"),
    ("Более 300 граждан покинули Покровск.", "ru", "evacuation"),
    ("Біженці залишили Вовчанськ.", "uk", "evacuation"),
    ("ВСУ вышли из населенного пункта Работино.", "ru", "withdrawal"),  # a settlement, no population
])
def test_civilians_leaving_a_town_are_no_withdrawal(text, language, kind):
    found = events(text, language)
    assert [e[0] for e in found] == [kind], found


@pytest.mark.parametrize("text, speaker", [
    ("Позднее МЧС сообщило, что из-под завалов извлечены тела семи человек.", "Russian Emergencies Ministry"),
    ("Позднее в Донецкой народной республике заявили, что эвакуация сорвана.", "Donetsk People's Republic"),
    ("В ДНР сообщили об обстреле Горловки.", "Donetsk People's Republic"),
])
def test_later_is_no_part_of_a_source_and_the_republics_are_named_in_english(text, speaker):
    assert [s for s, _ in _attributions(text, "ru")] == [speaker]


def test_who_a_place_passed_to_the_control_of_took_it():
    rec = record("Территория Запорожской атомной электростанции в Энергодаре перешла под контроль российских войск, "
                 "сообщил Игорь Конашенков.", "ru", "2022-03-04")
    assert [e["actor"] for e in rec["events"]] == ["российских войск"], rec["events"]


@pytest.mark.parametrize("text", [
    "«Приступайте к отводу войск», - сказал Шойгу.",
    "Шойгу принял решение об отводе войск на левый берег Днепра.",
])
def test_an_ordered_or_decided_pull_out_is_to_come(text):
    rec = record(text, "ru", "2022-11-09")
    assert [e["modality"] for e in rec["events"] if e["type"] == "withdrawal"] == ["future"], rec["events"]


@pytest.mark.parametrize("text, language", [
    ("Мэр Киева Виталий Кличко сообщил о пожарах. В ночь на 28 мая украинская столица подверглась самой "
     "массированной атаке беспилотников.", "ru"),
    ("Утром в Киеве ракета попала в детскую больницу. Всего в столице погибли не менее 27 человек.", "ru"),
])
def test_the_capital_is_kyiv_by_its_adjective_or_as_named_before(text, language):
    found = events(text, language)
    assert found and all(e[2] == {"Kyiv"} for e in found), found


def test_a_gain_along_the_line_with_attacks_repelled_is_not_at_their_villages():
    found = events("Подразделения группировки «Центр» улучшили положение по переднему краю, отразив четыре "
                   "контратаки штурмовых групп ВСУ в районах Бердычей и Новомихайловки.", "ru")
    assert [(e[0], bool(e[2])) for e in found] == [("territory_control", False), ("attack_repelled", True)], found


def test_bodies_of_civilians_counted_are_losses():
    found = events("Ukrainian authorities say the bodies of at least 410 civilians have been found in Bucha.", "en")
    assert [(e[0], e[3]) for e in found] == [("casualties", 410)], found


def test_a_denial_of_a_fact_fronted_before_a_colon_denies_that_fact():
    found = _attributions("В Киеве факт взятия Соледара отрицают: по словам представителя Восточной группировки ВСУ "
                          "Сергея Череватого, бои за город продолжаются.", "ru")
    assert found == [("Kyiv", "факт взятия Соледара"), ("Serhii Cherevatyi", "бои за город продолжаются")]


def test_an_act_not_commented_on_is_no_act_denied():
    assert events("Воздушные силы Украины не стали комментировать удар по Севастополю.", "ru") == []


def test_an_item_of_a_list_may_say_its_area():
    found = events("ВС России освободили населенные пункты Богдановка в ДНР и Кругляковка в Харьковской области.",
                   "ru")
    # (Bohdanivka, one of several in Donetsk Oblast, is named as that oblast's: homonym_areas.py)
    assert [e[2] for e in found] == [{"Bohdanivka (Donetsk Oblast)", "Kruhliakivka"}], found


def test_they_and_a_verb_joined_on_act_as_the_force_named_before():
    rec = record("После взятия Авдеевки российские войска продолжили наступление западнее города. За последнюю "
                 "неделю, по данным DeepState, они заняли Ласточкино и Северное, а также вошли в Бердычи.", "ru",
                 "2024-02-27")
    assert [e["actor"] for e in rec["events"] if e["type"] == "territory_control"][-2:] == \
        ["российские войска", "российские войска"], rec["events"]


def test_a_settlement_noun_picks_the_settlement_of_its_kind():
    found = events("Протягом доби російські війська завдали ударів по Харківській області. У селищі Золочів внаслідок "
                   "удару КАБ загинула 72-річна жінка.", "uk")
    assert {"Zolochiv"} in [e[2] for e in found], found
    rec = record("У селищі Золочів загинула жінка.", "uk", "2024-06-01")
    assert [p["ref"] for p in rec["places"]] == ["UA63020050010064235"]  # the selyshche of Kharkiv Oblast


@pytest.mark.parametrize("text, modality", [
    ("Тому кричіть про вбивства мирних людей.", "factual"),
    ("Зупиніть обстріли.", "factual"),
    ("Вдумайтесь – стріляти у хлібозавод.", "factual"),
    ("Переходьте у наступ!", "future"),
])
def test_an_imperative_makes_only_the_act_it_demands_one_to_come(text, modality):
    assert [e["modality"] for e in record(text, "uk", "2022-03-15")["events"]] == [modality]


def test_persons_joined_in_english_are_counted():
    found = events("In the southeastern city of Dnipro, a 2-year-old girl and a 31-year-old woman were killed, Mayor "
                   "Borys Filatov said.", "en")
    assert [(e[0], e[3]) for e in found] == [("casualties", 2)], found


def test_a_dam_blown_up_is_a_strike_and_a_capital_as_agent_is_no_place():
    found = events("Ukraine accused Russian forces of blowing up the Nova Kakhovka dam. The Kremlin denied that Russia "
                   "was behind the attack and called it deliberate sabotage by Kyiv.", "en")
    assert [(e[0], e[2]) for e in found] == [("strike", set()), ("strike", set())], found


@pytest.mark.parametrize("text, language", [
    ("Российская сторона с 10:00 объявила режим тишины для выхода мирных жителей.", "ru"),
    ("Росія оголосила режим тиші.", "uk"),
])
def test_a_ceasefire_regime_announced_is_a_negotiation(text, language):
    assert "negotiation" in [e[0] for e in events(text, language)]


def test_a_number_after_another_predicate_counts_that_act():
    found = events("По его словам, в ходе боев уничтожено до 40 украинских военнослужащих.", "ru")
    assert [(e[0], e[3]) for e in found] == [("clash", None), ("casualties", 40)], found


def test_where_the_victims_came_from_is_not_where_they_were_hit():
    found = events("Мост атаковали два украинских надводных беспилотника. Погибли супруги из Белгородской области, их "
                   "дочь получила ранения.", "ru")
    assert all(e[2] == set() for e in found if e[0] == "casualties"), found


@pytest.mark.parametrize("text, speaker", [
    ("Командир спецназа Апти Алаудинов ранее говорил, что противник пытается закрепиться у Суджи.", "Apti Alaudinov"),
    ("По данным Национального антитеррористического комитета, погибли три человека.",
     "National Anti-Terrorism Committee"),
    ("Позднее МЧС сообщило о пожаре на складе.", "Russian Emergencies Ministry"),
    ("Число погибших выросло до 34, сообщила ГСЧС Украины.", "State Emergency Service of Ukraine"),
])
def test_speakers_of_rescue_and_security_services_and_names_as_written(text, speaker):
    assert [s for s, _ in _attributions(text, "ru")] == [speaker]


def test_the_bank_of_an_oblast_is_that_oblast_not_a_river():
    found = events("За її словами, ворог обстрілює правобережжя Херсонщини.", "uk")
    assert [e[2] for e in found] == [{"Kherson Oblast"}], found


@pytest.mark.parametrize("text, language", [
    ("Российское Минобороны заявило о полном контроле над Авдеевкой.", "ru"),
    ("Російське Міноборони заявило про повний контроль над містом Авдіївка.", "uk"),
])
def test_control_over_a_town_claimed_is_a_taking(text, language):
    assert [(e[0], e[2]) for e in events(text, language)] == [("territory_control", {"Avdiivka"})]


def test_a_first_name_the_dictionary_reads_as_a_town_is_a_name():
    found = _attributions("Загинули 14 людей. Про це повідомив начальник Полтавської ОВА Володимир Когут.", "uk")
    assert [s for s, _ in found] == ["Volodymyr Kohut"]


def test_an_incursion_and_the_group_thrown_back_in_the_next_sentence():
    found = events("Украинская ДРГ предприняла попытку проникновения на территорию России в районе населенного пункта "
                   "Новая Таволжанка Белгородской области. Противник отброшен, уничтожено до 50 боевиков.", "ru")
    assert [e[0] for e in found] == ["clash", "attack_repelled", "casualties"], found


def test_a_group_thrown_back_with_no_attack_told_is_no_attack_repelled():
    found = events("Колонна противника отброшена.\n\nПротивник отброшен.", "ru")
    assert "attack_repelled" not in [e[0] for e in found], found


def test_servicemen_returned_from_the_other_side_are_an_exchange_not_a_place_of_it():
    found = events("Из подконтрольной Киеву территории возвращены 90 российских военнослужащих.", "ru")
    assert [(e[0], e[2], e[3]) for e in found] == [("other", set(), 90)], found


def test_what_shelling_leaves_a_town_without_is_no_denial_of_the_shelling():
    rec = record("У Вовчанську через постійні обстріли немає електропостачання.", "uk", "2024-05-11")
    assert [(e["type"], e["polarity"]) for e in rec["events"]] == [("strike", "asserted")], rec["events"]


def test_an_oblast_nickname_in_the_russian_genitive_is_the_oblast():
    found = events("За сутки россияне 14 раз обстреляли населенные пункты Донетчины.", "ru")
    assert [(e[2], e[3]) for e in found] == [({"Donetsk Oblast"}, 14)], found


def test_a_reporter_the_parser_hung_on_the_content_reports_it():
    found = _attributions("Russian forces captured the village of Lastochkyne, northwest of Avdiivka, Russia's "
                          "Defense Ministry said Monday.", "en")
    assert found == [("Russia's Defense Ministry", "Russian forces captured the village of Lastochkyne, northwest of "
                                                   "Avdiivka")]


def test_munitions_rationed_are_no_fire():
    assert events("Ukrainian troops are rationing artillery shells as an aid package remains stalled.", "en") == []


def test_a_capital_where_the_blame_is_laid_is_no_place_of_the_act():
    found = events("В Киеве ответственность за обстрел возложили на российские войска.", "ru")
    assert [e[2] for e in found] == [set()], found


def test_a_paragraph_opening_with_the_result_of_strikes_is_at_their_places():
    found = events("Украинские формирования обстреляли Куйбышевский район Донецка и Никитовский район Горловки, "
                   "сообщили в представительстве ДНР в СЦКК.\n\nВ результате обстрелов погибли двое мирных жителей.",
                   "ru")
    assert [e[2] for e in found if e[0] == "casualties"] == [{"Donetsk", "Horlivka"}], found


def test_the_number_after_a_nouns_next_verb_counts_that_verbs_act():
    found = events("Российские военные в ходе контрнаступления освободили десять населенных пунктов в Курской "
                   "области.", "ru")
    assert [(e[0], e[3]) for e in found] == [("clash", None), ("territory_control", 10)], found


def test_the_start_of_the_operation_announced_is_fighting_and_a_time_since_it_none():
    assert [e[0] for e in events("Путин объявил о начале специальной военной операции.", "ru")] == ["clash"]
    assert [e[0] for e in events("С начала специальной военной операции погибли 100 человек.", "ru")] == \
        ["casualties"]


def test_machines_destroyed_after_a_clause_counting_soldiers_are_no_losses_of_people():
    found = events("Потери ВСУ составили до 500 военнослужащих, уничтожены танк и шесть боевых бронированных машин.",
                   "ru")
    assert [e[0] for e in found] == ["casualties", "strike"], found


@pytest.mark.parametrize("text, language, speaker, content", [
    ("В Киеве ответственность за обстрел возложили на российские войска.", "ru", "Kyiv",
     "за обстрел возложили на российские войска"),
    ("Киев возложил ответственность за обстрел станции на российских военных.", "ru", "Kyiv",
     "за обстрел станции на российских военных"),
    ("У Києві відповідальність за обстріл поклали на російські війська.", "uk", "Kyiv",
     "за обстріл поклали на російські війська"),
])
def test_blame_laid_is_its_makers_claim(text, language, speaker, content):
    rec = record(text, language, "2022-08-06")
    assert [(a["speaker"], text[a["content"][0]:a["content"][1]], a["evidentiality"])
            for a in rec["attributions"]] == [(speaker, content, "claimed")]
    (strike,) = [e for e in rec["events"] if e["type"] == "strike"]
    assert strike["claimed_by"] == rec["attributions"][0]["id"]


def test_responsibility_borne_is_no_blame_laid():
    assert _attributions("Командование несет ответственность за обстрел.", "ru") == []


@pytest.mark.parametrize("text, language", [
    ("Упродовж доби окупанти здійснили 374 удари по 10 населених пунктах області.", "uk"),
    ("За сутки противник нанес 374 удара по 10 населенным пунктам.", "ru"),
])
def test_a_number_right_before_a_strike_noun_counts_the_strikes_not_the_towns_hit(text, language):
    assert [(e[0], e[3]) for e in events(text, language)] == [("strike", 374)]


def test_attacks_told_on_an_axis_and_again_near_its_villages_are_one_clash():
    text = ("Наибольшее количество атак зафиксировано на Покровском направлении — противник 52 раза пытался вытеснить "
            "украинские подразделения с позиций в районах Миролюбовки, Лысовки и Новотроицкого.")
    found = [(e[0], e[2], e[3]) for e in events(text, "ru")]
    assert found == [("clash", {"Pokrovsk axis (front sector)", "Myroliubivka", "Lysivka", "Novotroitske"}, 52)], found


def test_an_advance_on_an_axis_and_an_attempt_to_encircle_a_town_stay_two_acts():
    text = "Російські війська просунулися на Великоновосілківському напрямку і намагаються оточити Велику Новосілку."
    assert len([e for e in events(text, "uk") if e[0] == "clash"]) == 2


def test_a_count_broken_down_by_place_in_the_next_sentence_is_placed_there_and_dated_by_the_night():
    text = ("Дежурные средства ПВО в течение прошедшей ночи перехватили и уничтожили 23 украинских беспилотника. "
            "Из них 11 — над территорией Брянской области, шесть — над Курской областью и два — над Смоленской "
            "областью.")
    (event,) = record(text, "ru", "2024-10-21")["events"]
    assert event["when"] == "2024-10-20/2024-10-21"
    assert [e[2] for e in events(text, "ru")] == [{"Bryansk Oblast", "Kursk Oblast", "Smolensk Oblast"}]


@pytest.mark.parametrize("text, actor", [
    ('Подразделения группировки войск "Центр" решительными действиями освободили населенный пункт Гродовка.',
     'группировки войск "Центр"'),
    ('Пригожин: "Вагнер" взял под контроль всю восточную часть Артемовска.', '"Вагнер"'),
    ("Пригожин: «Вагнер» взял под контроль всю восточную часть Артемовска.", "«Вагнер»"),
])
def test_a_force_named_in_straight_or_angle_quotes_is_the_actor(text, actor):
    (event,) = record(text, "ru", "2024-09-11")["events"]
    assert event["actor"] == actor


@pytest.mark.parametrize("text, axis", [
    ("На Запорізькому напрямку ворог втратив 90 військовослужбовців.", "Zaporizhzhia"),  # -зький of a town in -жжя
    ("На Гуляйпільському напрямку ворог втратив 90 військовослужбовців.", "Huliaipole"),  # і of a town's о
])
def test_a_ukrainian_axis_adjective_names_its_town(text, axis):
    found = events(text, "uk")
    assert [e[2] for e in found] == [{f"{axis} axis (front sector)"}], found


@pytest.mark.parametrize("text, language, actor", [
    ("Самолеты Су-34 Воздушно-космических сил нанесли удар по опорным пунктам ВСУ.", "ru",
     "Самолеты Су-34 Воздушно-космических сил"),
    ("Бойцы 810-й бригады морской пехоты освободили Плехово.", "ru", "Бойцы 810-й бригады"),
    ("За тиждень Сили оборони звільнили сім населених пунктів.", "uk", "Сили оборони"),
    ("Весь тиждень російські сили атакували Покровськ.", "uk", "російські сили"),  # its own head
])
def test_a_force_in_the_genitive_belongs_to_the_noun_it_hangs_on(text, language, actor):
    (event,) = record(text, language, "2024-10-21")["events"]
    assert event["actor"] == actor
