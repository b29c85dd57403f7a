"""What an act of a war report takes as its places and count (issue 12): the objects of clauses that leave the verb
out ("освободили X, а группировки «Восток» — Y"), counts of "N and a half thousand", and people counted past the
adjectives before them. The state that delivered a strike ("Россия нанесла удар", "Росія завдала удару") is its
actor, not an acronym before it ("Накануне саммита НАТО Россия нанесла удар").

The sentences are probes written for these tests in the styles of the hidden reports (no gold or corpus text);
each says what the record should hold by the annotation guide (shared data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_context import events

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Подразделения группировки «Центр» освободили населенный пункт Новогродовка, группировки «Восток» — Времевка.",
    "Подразделения группировки войск «Юг» освободили населенный пункт Курахово Донецкой Народной Республики, а "
    "группировки «Восток» — Времевку.",
])
def test_a_clause_that_leaves_out_the_verb_of_taking_adds_its_object(text):
    taken = [e for e in events(text, "ru") if e[0] == "territory_control"]
    assert taken and "Vremivka" in taken[0][2] and len(taken[0][2]) == 2, taken


def test_a_dash_before_a_verb_is_no_gapped_clause():
    found = events("Российские войска обстреляли Херсон, по словам губернатора — погибли двое.", "ru")
    assert all("territory_control" != e[0] for e in found), found


@pytest.mark.parametrize("text, language, count", [
    ("За чотири дні чотири з половиною тисячі російських солдатів убито.", "uk", 4500),
    ("Потери противника составили около четырех с половиной тысяч военнослужащих.", "ru", 4500),
])
def test_n_and_a_half_thousand_counts_whole(text, language, count):
    assert [e[3] for e in events(text, language) if e[0] == "casualties"] == [count]


def test_people_counted_past_adjectives_are_no_count_of_the_strike():
    found = events("Унаслідок російських обстрілів загинули 16 українських дітей.", "uk")
    assert [e[3] for e in found if e[0] == "strike"] == [None], found
    assert [e[3] for e in found if e[0] == "casualties"] == [16], found


def test_where_the_dead_came_from_is_no_place_of_their_death():
    found = events("Движение по Крымскому мосту перекрыто после атаки. Погибли два человека, сообщил губернатор, "
                   "уточнив, что семья была из Белгородской области.", "ru")
    dead = [e for e in found if e[0] == "casualties"]
    assert dead and "Belgorod Oblast" not in dead[0][2], found


def test_a_denial_coordinated_with_a_claim_is_the_same_sources():
    text = "Минобороны России заявило о падении ракеты ПВО и отрицает удар по гражданским объектам."
    rec = record(text, "ru", "2024-07-08")
    by = {a["id"]: a for a in rec["attributions"]}
    strikes = [e for e in rec["events"] if text[e["trigger"][0]:e["trigger"][1]] == "удар"]
    assert strikes and strikes[0]["polarity"] == "denied", rec["events"]
    assert by[strikes[0]["claimed_by"]]["speaker"] == "Russian Ministry of Defence", rec["attributions"]


@pytest.mark.parametrize("text, language, kind", [
    ("В Шебекино пострадали три частных дома.", "ru", "strike"),
    ("Пострадала детская больница.", "ru", "strike"),
    ("Внаслідок атаки постраждали будинки та автомобілі.", "uk", "strike"),
    ("Пострадали двое мужчин.", "ru", "casualties"),
    ("Постраждали троє людей.", "uk", "casualties"),
    ("Жилой дом пострадал от обстрела.", "ru", "strike"),
])
def test_buildings_that_suffered_are_a_strikes_damage_and_people_casualties(text, language, kind):
    found = events(text, language)
    assert [e[0] for e in found if e[1].lower().startswith(("пострада", "постражда"))] == [kind], found


def test_a_list_after_a_relative_clause_belongs_to_the_clause_it_hangs_on():
    found = events("По словам Герасимова, освобождено 86% территории Курской области, которую ранее захватили ВСУ, в "
                   "том числе город Суджа и населенные пункты Мальцевка и Куриловка.", "ru")
    freed = [e for e in found if e[1] == "освобождено"]
    taken = [e for e in found if e[1] == "захватили"]
    assert freed and "Sudzha" in freed[0][2], found
    assert taken and taken[0][2] == {"Kursk Oblast"}, found


def test_losses_near_a_town_are_casualties_not_its_loss():
    found = events("ВСУ несут потери под Авдеевкой. Потеря Авдеевки стала тяжелым поражением.", "ru")
    assert [e[0] for e in found if e[1].lower().startswith("потер")] == ["casualties", "withdrawal"], found


def test_people_in_an_encirclement_count_it():
    found = events("В окружении остаются около 2 тысяч украинских военнослужащих.", "ru")
    assert [e[3] for e in found if e[0] == "clash"] == [2000], found


@pytest.mark.parametrize("text, language", [
    ("Захватить Харьков россиянам не удастся.", "ru"),
    ("Захопити Харків росіянам не вдасться.", "uk"),
])
def test_an_act_they_will_not_manage_is_denied_and_to_come(text, language):
    rec = record(text, language, "2024-04-26")
    assert [(e["polarity"], e["modality"]) for e in rec["events"]] == [("denied", "future")], rec["events"]


@pytest.mark.parametrize("text, language, when", [
    ("Россия может предпринять попытку наступления на Харьков в мае.", "ru", "2024-05"),
    ("Russia may launch a new offensive on Kharkiv in May, Zelensky said.", "en", "2024-05"),
    ("Talks will resume in September.", "en", "2024-09"),
    ("Russian leaders expected to see a parade in Kyiv a few days after the invasion began in February.", "en",
     "2024-02"),
    ("Russia had planned to capture Kyiv in February.", "en", "2024-02"),
    ("Россия планировала захватить Киев в феврале.", "ru", "2024-02"),
    ("Russian troops captured Avdiivka in February.", "en", "2024-02"),
])
def test_a_month_of_an_act_to_come_is_the_next_one(text, language, when):
    rec = record(text, language, "2024-04-26")
    assert [e["when"] for e in rec["events"]] == [when], rec["events"]


def record(text: str, language: str, published: str, title: str | None = None) -> dict:
    """The record of a one-paragraph probe report published on ``published``."""
    from claimledger.models import Article
    from claimledger.pipeline import analyse_article
    from claimledger.record import document_to_record

    return document_to_record(analyse_article(Article(id="probe", text=text, language=language, outlet="Медуза",
                                                      published=published, title=title)))


def test_a_bracketed_acronym_in_a_source_names_it():
    rec = record("Аналитики Института изучения войны (ISW) считают, что российское командование намерено захватить "
                 "Часов Яр. По их оценке, взятие города позволит российским войскам начать наступление на "
                 "Константиновку и Краматорск.", "ru", "2024-05-25")
    assert [a["speaker"] for a in rec["attributions"]] == ["ISW", "ISW"], rec["attributions"]


def test_a_bare_town_object_and_its_repeats_refer_to_the_town_named_before():
    found = events("Аналитики считают, что Россия намерена захватить Часов Яр. Взятие города позволит начать "
                   "наступление на Константиновку и Краматорск. ВСУ пока удерживают позиции на окраине города.", "ru")
    taking = [e for e in found if e[1] == "Взятие"]
    held = [e for e in found if e[1].startswith("удерживают")]
    assert taking and taking[0][2] == {"Chasiv Yar"}, found
    assert held and held[0][2] == {"Chasiv Yar"}, found


def test_an_act_an_infinitive_of_a_future_verb_governs_is_to_come():
    rec = record("Взятие города позволит российским войскам начать наступление на Краматорск.", "ru", "2024-05-25")
    assert [e["modality"] for e in rec["events"] if e["type"] == "clash"] == ["future"], rec["events"]


def test_full_control_of_a_town_is_claimed_control_and_the_city_taken_is_the_town_before():
    found = events("Russia's defence ministry has claimed full control of Bakhmut. Yevgeny Prigozhin said on Saturday "
                   "his forces had taken the city. Ukrainian commanders said they kept full control of the situation.",
                   "en")
    taken = [e for e in found if e[0] == "territory_control"]
    assert [(e[1], e[2]) for e in taken] == [("full control of", {"Bakhmut"}), ("taken", {"Bakhmut"})], found


def test_buildings_that_suffered_need_a_nominative_subject():
    found = events("Жители Белгорода пострадали при обстреле Шебекино.", "ru")
    assert [e[0] for e in found if e[1] == "пострадали"] == ["casualties"], found


@pytest.mark.parametrize("text, language", [
    ("МОСКВА, 5 марта. /ТАСС/. Войска продвинулись западнее Авдеевки.\n\nНапомним, при обороне Авдеевки ВСУ "
     "потеряли более 16 тыс. военнослужащих.", "ru"),
    ("MOSCOW, March 5 (Reuters) - Russian forces advanced west of Avdiivka, the defence ministry said.", "en"),
])
def test_the_day_of_a_dateline_dates_no_event(text, language):
    rec = record(text, language, "2024-03-05")
    assert rec["events"] and all(e["when"] is None for e in rec["events"]), rec["events"]


def test_a_day_the_text_states_still_dates_an_event_after_a_dateline():
    rec = record("МОСКВА, 5 марта. /ТАСС/. Сегодня войска продвинулись западнее Авдеевки.", "ru", "2024-03-05")
    assert [e["when"] for e in rec["events"]] == ["2024-03-05"], rec["events"]


@pytest.mark.parametrize("text, when", [
    ("С начала 2024 года российские войска освободили 12 населенных пунктов.", "2024/2024-03-05"),
    ("З початку 2024 року ворог втратив понад 100 тисяч військових.", "2024/2024-03-05"),
    ("За 2023 год ВСУ потеряли более 100 тысяч военнослужащих.", "2023"),
])
def test_since_the_start_of_a_year_and_for_a_year_date_the_act(text, when):
    rec = record(text, "uk" if "З початку" in text else "ru", "2024-03-05")
    assert [e["when"] for e in rec["events"]] == [when], rec["events"]


@pytest.mark.parametrize("text, kind", [
    ("Ранее атаке подверглись НПЗ в Кстово и в Киришах.", "strike"),
    ("Белгород подвергся атаке беспилотников.", "strike"),
    ("Позиции ВСУ подверглись атаке под Авдеевкой.", "clash"),
])
def test_an_attack_a_place_underwent_is_a_strike_but_on_positions_fighting(text, kind):
    assert [e[0] for e in events(text, "ru")] == [kind]


@pytest.mark.parametrize("text, language", [
    ("В результате падения обломков беспилотника на территории НПЗ произошло возгорание.", "ru"),
    ("Внаслідок падіння уламків дрона виникла пожежа.", "uk"),
])
def test_debris_of_a_drone_that_fell_is_a_strikes_damage(text, language):
    assert [e[0] for e in events(text, language)] == ["strike"]


def test_debris_of_no_weapon_is_no_strike():
    assert events("Обломки здания разбирают спасатели.", "ru") == []


def test_an_attack_retold_after_drones_attacked_is_that_strike():
    found = events("Утром несколько беспилотников атаковали Москву, сообщил мэр. Песков назвал атаку ответом на "
                   "удары России по Киеву.", "ru")
    assert all(e[0] == "strike" for e in found if e[1] == "атаку") and any(e[1] == "атаку" for e in found), found


def test_villages_the_gazetteer_lacks_are_russian_when_the_headline_names_a_russian_region():
    found = events("Подразделения отразили шесть атак штурмовых групп ВСУ в направлении населенных пунктов Кауровка "
                   "и Русское Поречное.", "ru", title="Бои в Курской области")
    assert [e[2] for e in found if e[0] == "attack_repelled"] == [{"Kaurovka", "Russkoye Porechnoye"}], found


@pytest.mark.parametrize("title, speaker", [
    ("Wagner chief claims capture of Bakhmut", "Wagner chief"),
    ("Russia claims capture of Avdiivka after Ukraine withdraws", "Russia"),
])
def test_a_headline_verb_of_claiming_read_as_a_noun_still_reports(title, speaker):
    rec = record("Fighting continued.", "en", "2023-05-20", title)
    layers = rec["title_layers"]
    by = {a["id"]: a["speaker"] for a in layers["attributions"]}
    taken = [e for e in layers["events"] if e["type"] == "territory_control"]
    assert taken and by.get(taken[0]["claimed_by"]) == speaker, layers


@pytest.mark.parametrize("text, language", [
    ("Это ответ на применение американских ракет ATACMS по территории Брянской и Курской областей.", "ru"),
    ("Росія застосувала керовані авіабомби проти Харкова.", "uk"),
])
def test_the_use_of_missiles_or_bombs_is_a_strike(text, language):
    assert [e[0] for e in events(text, language)] == ["strike"]


def test_a_latin_word_in_cyrillic_copy_is_no_village():
    found = events("Это ответ на применение американских ракет ATACMS и британских Storm Shadow по территории Брянской "
                   "области. Войска вошли в Bakhmut.", "ru")
    assert [e[2] for e in found] == [{"Bryansk Oblast"}, {"Bakhmut"}], found


def test_of_two_namesakes_in_neighbouring_hromadas_the_list_names_the_one_more_of_it_shares():
    found = events("Российские войска продвинулись на Харьковском направлении. По данным Минобороны РФ, заняты села "
                   "Стрелечья, Пыльная, Борисовка, Огурцовка и Плетеневка.", "ru", title="Наступление на Харьковщине")
    taken = [e for e in found if e[0] == "territory_control"]
    assert taken and "Pylna" in taken[0][2] and len(taken[0][2]) == 5, found


def test_officers_killed_count_the_casualties_not_the_strike():
    found = events("В ВСУ заявили, что в результате удара по штабу погибли 34 офицера.", "ru")
    assert [(e[0], e[3]) for e in found] == [("strike", None), ("casualties", 34)], found


def test_an_incursion_told_by_a_participle_is_fighting_and_where_they_are_pushed_to_no_place():
    found = events("Формирования, вторгшиеся в Грайворонский район Белгородской области, блокированы и разгромлены. "
                   "Остатки формирований вытеснены на территорию Украины.", "ru")
    assert [(e[0], e[2]) for e in found][:1] == [("clash", {"Grayvoronsky District"})], found  # (of Belgorod Oblast)
    assert all("Ukraine" not in e[2] for e in found if e[0] == "withdrawal"), found


@pytest.mark.parametrize("text, speaker, polarity", [
    ("Киев причастность к атаке отрицает.", "Kyiv", "denied"),
    ("Минобороны факт удара подтвердило.", "Russian Ministry of Defence", "asserted"),
])
def test_a_source_its_object_and_then_the_verb_attribute(text, speaker, polarity):
    rec = record(text, "ru", "2024-04-07")
    by = {a["id"]: a["speaker"] for a in rec["attributions"]}
    assert [(by.get(e["claimed_by"]), e["polarity"]) for e in rec["events"]] == [(speaker, polarity)], rec


def test_the_nuclear_plant_spelt_out_is_in_enerhodar():
    found = events("Глава Энергодара сообщил, что Запорожская атомная электростанция подверглась атаке беспилотников.",
                   "ru")
    assert [(e[0], e[2]) for e in found] == [("strike", {"Enerhodar"})], found


def test_a_grouping_named_in_guillemets_is_the_actor():
    rec = record("Подразделения группировки «Центр» установили контроль над городом Лисичанск.", "ru", "2022-07-03")
    assert [e["actor"] for e in rec["events"]] == ["Подразделения группировки «Центр»"], rec["events"]


@pytest.mark.parametrize("text, language, actor", [
    ("Накануне саммита НАТО Россия нанесла массированный удар по Киеву.", "ru", "Россия"),
    ("Сьогодні Росія завдала чергового ракетного удару по Одесі.", "uk", "Росія"),
    ("ВС РФ нанесли удар по Харькову.", "ru", "ВС РФ"),
])
def test_the_state_that_delivered_a_strike_is_its_actor(text, language, actor):
    rec = record(text, language, "2024-07-08")
    assert [e["actor"] for e in rec["events"] if e["type"] == "strike"] == [actor], rec["events"]


def test_the_use_of_bombs_in_another_strike_is_its_instrument():
    found = events("Противник нанес 74 авиационных удара с применением 118 управляемых авиабомб.", "ru")
    assert [(e[0], e[3]) for e in found] == [("strike", 74)], found


@pytest.mark.parametrize("text, language, expected", [
    ("Було пошкоджено ДніпроГЕС у Запоріжжі, а також об'єкти у Харкові та Полтавській області.", "uk",
     {"Zaporizhzhia", "Kharkiv", "Poltava Oblast"}),
    ("Российские войска продвинулись в Нью-Йорке Донецкой области, а также возле Ступочек и Карловки.", "ru",
     {"Niu-York", "Stupochky", "Karlivka"}),
])
def test_places_after_a_also_go_on_the_acts_list(text, language, expected):
    found = events(text, language)
    assert found and found[0][2] == expected, found


@pytest.mark.parametrize("text, language", [
    ("Сирський ухвалив рішення про вихід українських підрозділів з Авдіївки.", "uk"),
    ("Командование приняло решение о выходе украинских подразделений из Авдеевки.", "ru"),
])
def test_a_withdrawal_noun_with_two_words_before_from_is_one(text, language):
    assert [(e[0], e[2]) for e in events(text, language)] == [("withdrawal", {"Avdiivka"})]


def test_a_city_named_with_the_word_city_is_that_city():
    found = events("Three people were killed in Belgorod city last week in a similar attack.", "en")
    assert [e[2] for e in found if e[0] == "casualties"] == [{"Belgorod"}], found


@pytest.mark.parametrize("text, kind, count", [
    ("We lost three people, including a child. The number of wounded is 17.", "casualties", 17),
    ("As of this evening, the total number of Russian missiles that have hit our cities is already 2,811.", "strike",
     2811),
])
def test_english_counts_stated_of_a_number(text, kind, count):
    found = events(text, "en")
    assert count in [e[3] for e in found if e[0] == kind], found


def test_an_english_strike_counts_the_weapons_after_a_dash():
    found = events("Today's Russian strike alone at the city of Mykolaiv - 10 missiles.", "en")
    assert [e[3] for e in found if e[1] == "strike"] == [10], found


def test_a_command_intending_to_capture_is_the_actor():
    rec = record("Аналитики ISW считают, что российское командование намерено захватить Часов Яр.", "ru", "2024-05-25")
    assert [(e["actor"], e["modality"]) for e in rec["events"]] == [("российское командование", "future")], rec


def test_people_counted_in_the_next_clause_are_not_the_wounded():
    found = events("По его словам, еще 43 человека получили ранения, судьба около 40 человек остается неизвестной.",
                   "ru")
    assert [e[3] for e in found if e[0] == "casualties"] == [43], found


def test_the_number_of_dead_grown_far_after_its_noun_counts_them():
    found = events('Число погибших в результате удара российских войск по гипермаркету "Эпицентр" в Харькове возросло '
                   'до 16 человек, сообщил глава Харьковской ОВА Олег Синегубов.', "ru")
    assert [e[3] for e in found if e[0] == "casualties"] == [16], found


def test_a_reporting_tail_whose_name_the_parser_hung_on_a_list_names_the_source():
    rec = record("Ukrainian forces have liberated seven settlements in the south, including Neskuchne, Storozheve, "
                 "Makarivka, Blahodatne, Lobkove, Levadne and Novodarivka, Deputy Defense Minister Hanna Maliar said.",
                 "en", "2023-06-12")
    by = {a["id"]: a["speaker"] for a in rec["attributions"]}
    assert [by.get(e["claimed_by"]) for e in rec["events"]] == ["Hanna Maliar"], rec


def test_losses_after_a_list_of_villages_of_one_oblast_are_in_that_oblast():
    found = events("За минулу добу російська армія атакувала 34 населені пункти Херсонської області, зокрема Херсон, "
                   "Білозерку, Інгулець та Дніпровське. Загинули двоє людей, ще 12 поранені.", "uk")
    assert [e[2] for e in found if e[0] == "casualties"] == [{"Kherson Oblast"}, {"Kherson Oblast"}], found


def test_explosions_counted_beside_a_strike_are_its_own():
    found = events("Протягом доби російські військові 96 разів обстріляли прикордонні території Сумської області, "
                   "зафіксовано 270 вибухів.", "uk")
    assert [(e[0], e[3]) for e in found] == [("strike", 96)], found


def test_of_two_subjects_the_parser_gives_a_verb_the_one_next_to_it_acts():
    rec = record("Ukraine's deputy defence minister Hanna Maliar said fighting continued and Ukrainian troops held a "
                 "small part of the south-west of the city of Bakhmut.", "en", "2023-05-21")
    held = [e for e in rec["events"] if e["type"] == "territory_control"]
    assert held and "troops" in (held[0]["actor"] or ""), rec["events"]


@pytest.mark.parametrize("text", [
    "Российские военные завершили выполнение задач на острове Змеиный и вывели с него гарнизон.",
    "Войска ушли с острова Змеиный.",
])
def test_leaving_an_island_or_a_place_a_pronoun_stands_for_is_a_withdrawal(text):
    assert [(e[0], e[2]) for e in events(text, "ru")] == [("withdrawal", {"Zmiinyi Island"})]


def test_bodies_found_and_people_buried_are_casualties_and_a_provocation_called_so_no_clash():
    found = events("После отхода российских войск украинские власти обнаружили в Буче тела сотен мирных жителей. Мэр "
                   "заявил, что в братской могиле похоронены около 280 человек. Минобороны России назвало фотографии "
                   "из Бучи «очередной провокацией».", "ru")
    assert [(e[0], e[3]) for e in found if e[0] != "withdrawal"] == [("casualties", None), ("casualties", 280)], found


def test_a_withdrawal_for_fear_of_encirclement_is_done_and_the_encirclement_possible():
    rec = record("В связи с угрозой окружения союзные войска выведены из населенного пункта Красный Лиман.", "ru",
                 "2022-10-01")
    assert [(e["type"], e["modality"]) for e in rec["events"]] == [("clash", "hypothetical"),
                                                                   ("withdrawal", "factual")], rec["events"]


@pytest.mark.parametrize("text, kind", [
    ("Russian forces have been pushed back from the outskirts of Kharkiv, the governor said.", "withdrawal"),
    ("Russian troops are closing in on Pokrovsk.", "clash"),
    ("The talks were pushed back from March to April.", "negotiation"),
])
def test_forces_pushed_back_withdraw_and_closing_in_advance(text, kind):
    assert [e[0] for e in events(text, "en")] == [kind]


@pytest.mark.parametrize("text, language", [
    ("Российские войска подошли к окраинам Покровска.", "ru"),
    ("Окупанти наближаються до Покровська.", "uk"),
])
def test_forces_coming_up_to_a_town_advance_on_it(text, language):
    assert [(e[0], e[2]) for e in events(text, language)] == [("clash", {"Pokrovsk"})]


def test_coming_up_to_no_place_is_no_advance():
    assert events("Делегации подошли к обсуждению обмена.", "ru") == []


def test_munitions_counted_beside_a_strike_are_its_own():
    found = events("Украинские войска за минувшие сутки 35 раз обстреляли территорию ДНР, выпустив 158 боеприпасов.",
                   "ru")
    assert [(e[0], e[3]) for e in found] == [("strike", 35)], found
