"""Russian-language war reports (issue 12): events, counts and the control ledger of Defence Ministry bulletins,
wire copy, Ukrainian outlets' Russian editions and governors' statements.

The sentences are probes written for these tests in those styles (no gold or corpus text); each says what the
record should hold by the annotation guide (shared data/dev/README.md, section E) and runs the real pipeline.
"""
from __future__ import annotations

import pytest

from claimledger.control import record_control_claims
from claimledger.models import Article
from claimledger.record import document_to_record

from test_reports_context import events as context_events

pytestmark = pytest.mark.model

RU_STATE = "ТАСС"  # a Russian state outlet (outlets.tsv)
UA_MEDIA = "Украинская правда"  # a Ukrainian outlet's Russian edition


def record(text: str, outlet: str = RU_STATE, title: str | None = None) -> dict:
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="probe", text=text, title=title, language="ru", outlet=outlet,
                                  published="2024-10-02T12:00"))
    return document_to_record(doc)


def events(text: str, outlet: str = RU_STATE) -> list[dict]:
    rec = record(text, outlet)
    return [{**e, "trigger_text": rec["text"][e["trigger"][0]:e["trigger"][1]]} for e in rec["events"]]


def ledger(text: str, outlet: str = RU_STATE) -> set[tuple[str, str, str]]:
    """The control ledger of a text as (settlement name, status, polarity)."""
    rec = record(text, outlet)
    names = {p["ref"]: p["name"] for p in rec["places"] if p.get("ref")}
    return {(names.get(key, key), status, polarity) for _, key, status, polarity in record_control_claims(rec)}


# -- taking, holding and leaving ground ---------------------------------------------------------------


@pytest.mark.parametrize("text, outlet, expected", [
    ("Украинские войска вышли из Северодонецка.", RU_STATE, {("Sievierodonetsk", "withdrawal", "asserted")}),
    ("ВСУ отброшены от Глушково.", RU_STATE, {("Glushkovo", "withdrawal", "asserted")}),
    ("Командование приняло решение о выходе подразделений из Угледара.", UA_MEDIA,
     {("Vuhledar", "withdrawal", "asserted")}),
    ("ВСУ потеряли контроль над Новогродовкой.", RU_STATE, {("Novohrodivka", "withdrawal", "asserted")}),
    ("Украинские войска лишились позиций в районе Торецка.", RU_STATE, {("Toretsk", "withdrawal", "asserted")}),
    ("Силы обороны сохраняют контроль над Купянском.", UA_MEDIA, {("Kupiansk", "ukrainian_control", "asserted")}),
    # the holder after "под контролем" decides, not the Russian outlet that reports it
    ("Город Волчанск находится под контролем ВСУ.", RU_STATE, {("Vovchansk", "ukrainian_control", "asserted")}),
    ("Российские бойцы водрузили флаг над зданием администрации в Курахово.", RU_STATE,
     {("Kurakhove", "russian_control", "asserted")}),
    ("Российские войска завершили освобождение Торецка.", UA_MEDIA, {("Toretsk", "russian_control", "asserted")}),
])
def test_leaving_holding_and_taking_a_town(text, outlet, expected):
    assert ledger(text, outlet) == expected


@pytest.mark.parametrize("text, outlet, expected", [
    ("Бои идут в районе Покровска, Мирнограда и Селидово.", UA_MEDIA,
     {("Pokrovsk", "contested", "asserted"), ("Myrnohrad", "contested", "asserted"),
      ("Selydove", "contested", "asserted")}),
    ("Российские войска заняли Курахово и Катериновку.", RU_STATE,
     {("Kurakhove", "russian_control", "asserted"), ("Katerynivka", "russian_control", "asserted")}),
    ("Враг продолжает штурмовать Торецк и Часов Яр.", UA_MEDIA,
     {("Toretsk", "contested", "asserted"), ("Chasiv Yar", "contested", "asserted")}),
])
def test_every_coordinated_settlement_is_in_the_ledger(text, outlet, expected):
    assert ledger(text, outlet) == expected


def test_fighting_places_stop_at_a_word_that_is_no_coordination():
    found = ledger("Бои идут в районе Покровска, тогда как Мирноград обстреливают.", UA_MEDIA)
    assert ("Pokrovsk", "contested", "asserted") in found
    assert not any(name == "Myrnohrad" and status == "contested" for name, status, _ in found)


@pytest.mark.parametrize("text, outlet, expected", [
    # a Ukrainian outlet calls a Russian capture untrue
    ("Информация о захвате Покровска не соответствует действительности.", UA_MEDIA,
     {("Pokrovsk", "russian_control", "denied")}),
    ("Сообщения о взятии Купянска — фейк.", UA_MEDIA, {("Kupiansk", "russian_control", "denied")}),
    ("ВСУ не покидали Угледар, заявили в бригаде.", UA_MEDIA, {("Vuhledar", "withdrawal", "denied")}),
    ("Генштаб опроверг информацию об отходе ВСУ из Часова Яра.", UA_MEDIA, {("Chasiv Yar", "withdrawal", "denied")}),
])
def test_a_capture_called_untrue_is_denied(text, outlet, expected):
    assert ledger(text, outlet) == expected


@pytest.mark.parametrize("text, kind, trigger", [
    ("Атаки противника в районе Работино были отражены.", "attack_repelled", "отражены"),
    ("Наши защитники остановили 25 вражеских атак у Покровска.", "attack_repelled", "остановили 25 вражеских атак"),
    ("Оккупанты 15 раз атаковали позиции наших защитников в районе Волчанска.", "clash", "атаковали"),
    ("Противник пытался вернуть утраченные позиции в районе Кременной.", "clash", "вернуть утраченные позиции"),
])
def test_assaults_and_their_repelling(text, kind, trigger):
    found = events(text, UA_MEDIA)
    assert [(e["type"], e["trigger_text"]) for e in found if e["type"] in ("clash", "attack_repelled")] \
        == [(kind, trigger)]


def test_a_reflected_statement_is_no_repelled_attack():
    found = events("Эта позиция отражена в заявлении министерства.")
    assert not any(e["type"] == "attack_repelled" for e in found)


def test_a_war_named_as_a_time_is_no_fighting():
    found = events("Всего с начала проведения специальной военной операции уничтожены 640 самолетов.")
    assert [e["type"] for e in found] == ["other"]


def test_debris_falling_takes_no_town():
    found = events("В результате падения обломков беспилотника в Белгороде повреждены дома.")
    assert [e["type"] for e in found] == ["strike"]


# -- counts -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, kind, quantity", [
    ("За неделю ВСУ потеряли более полутора тысяч военнослужащих.", "casualties", 1500),
    ("Ликвидированы свыше полутора тысяч боевиков.", "casualties", 1500),
    ("Погибли полтора десятка мирных жителей.", "casualties", 15),
    ("Около десятка человек получили ранения.", "casualties", 10),
    ("Из Белгорода эвакуированы более 2 тысяч жителей.", "evacuation", 2000),  # "2 тысячи" is no year
    ("Из Курской области эвакуированы около 120 тысяч человек.", "evacuation", 120_000),
    ("Потери врага за сутки составили 1 320 военных.", "casualties", 1320),
    ("Всего с начала операции уничтожено 28 тысяч 893 беспилотника.", "other", 28_893),
    ("Ранены пятеро мирных жителей, в том числе двое детей.", "casualties", 5),
    ("Оккупанты 15 раз атаковали позиции наших защитников.", "clash", 15),
    ("Противник потерял до 200 военнослужащих.", "casualties", 200),
    ("Погибли семеро мирных жителей.", "casualties", 7),
    ("Противник потерял до полсотни военнослужащих.", "casualties", 50),
    ("ВСУ за неделю потеряли свыше 1,5 тыс. военнослужащих.", "casualties", 1500),
    ("Из Курской области эвакуированы более 120 тыс. человек.", "evacuation", 120_000),
    ("ВСУ потеряли более 2,3 тысячи военных за сутки.", "casualties", 2300),  # "военных" as a noun: people
    ("Потери ВСУ за сутки составили около 1 300 военнослужащих.", "casualties", 1300),  # past the time phrase
    # a side's losses are casualties, their amount after the verb that gives it, however far
    ("Потери ВСУ на курском направлении с начала боевых действий превысили 17 тыс. военнослужащих.",
     "casualties", 17_000),
    ("ВСУ признали потерю Авдеевки.", "withdrawal", None),  # the loss of a town
    # a noun of destroying counts the people that are its object; "ликвидация последствий" is no loss
    ("Минобороны сообщило о ликвидации до 9 тыс. военнослужащих ВСУ.", "casualties", 9000),
    # vague plurals and measures give no count
    ("Эвакуированы сотни жителей.", "evacuation", None),
    ("Десятки военных получили ранения.", "casualties", None),
    ("Нанесено поражение живой силе и технике 115 бригады ВСУ в районе Купянска.", "strike", None),
    ("Противник стал атаковать позиции в 2 раза чаще.", "clash", None),
    ("Противник потерял до двух рот пехоты.", "casualties", None),  # two companies: no count of people
    # the bulletin's setting between the loss and its count ("в зоне ответственности группировки «Запад»")
    ("За сутки ВСУ потеряли в зоне ответственности группировки до 420 военнослужащих, два танка.", "casualties", 420),
    ("Противник потерял в зоне ответственности группировки «Запад» до 500 военнослужащих.", "casualties", 500),
    ("Уничтожены три лодки и до десяти боевиков.", "casualties", 10),  # the people, not the boats
    ("Противник трижды атаковал позиции украинских защитников.", "clash", 3),  # adverbs of times count attacks
    ("По селу Козинка выпущено 12 боеприпасов.", "strike", 12),  # rounds fired at a village
    ("Всего за сутки противник выпустил по области 412 снарядов.", "strike", 412),
    # the number right before a trigger phrase is its own, not the weapons' after it
    ("Противник нанес 74 авиационных удара с применением 118 управляемых авиабомб.", "strike", 74),
    # a bulletin's list of things destroyed runs on over commas to the people ("танк, две БМП и до 290 ...")
    ("Уничтожены танк, две боевые бронированные машины и до 290 военнослужащих ВСУ.", "casualties", 290),
    ("Число погибших в результате удара по жилому дому в Одессе выросло до 12.", "casualties", 12),
    ("Число погибших в результате удара по жилому дому в Одессе выросло до 12.", "strike", None),  # not the strike's
    ("При атаке дрона в Льгове пострадали трое.", "strike", None),  # "трое" counts people only
    ("Мы не отступили ни на одном направлении.", "withdrawal", None),  # "ни на одном": none, no count
])
def test_russian_counts(text, kind, quantity):
    found = [e for e in events(text, UA_MEDIA if kind == "clash" else RU_STATE) if e["type"] == kind]
    assert [e["quantity"] for e in found] == [quantity]


def test_the_wounded_counted_at_the_end_of_a_sentence():
    found = events("ВСУ нанесли ракетный удар по Белгороду, погибли пять человек, ранены 37.")
    assert sorted(e["quantity"] for e in found if e["type"] == "casualties") == [5, 37]


# -- strikes, polarity and modality -------------------------------------------------------------------


def test_targets_hit_are_a_strike_whoever_is_named_near():
    found = events("Поражены пункты временной дислокации боевиков у Волчанска.")
    assert [e["type"] for e in found] == ["strike"]


@pytest.mark.parametrize("text, kind, modality", [
    ("Переговоры России и Украины могут пройти в Стамбуле.", "negotiation", "hypothetical"),
    ("Переговоры пройдут в Стамбуле на следующей неделе.", "negotiation", "future"),
    ("Удары по Курску продолжатся.", "strike", "future"),
    ("Противник планирует взять Купянск до конца года.", "territory_control", "future"),
    ("Переговоры в Стамбуле завершились без результата.", "negotiation", "factual"),
    # a condition whatever its tense; a controlled act after a future auxiliary is still to come
    ("Если Киев не выведет войска из Донбасса, переговоров не будет.", "withdrawal", "hypothetical"),
    ("Россия будет вынуждена продолжить наступление.", "clash", "future"),
    ("ВСУ продолжают наступление у Работино.", "clash", "factual"),
    # a modal verb before the controlling verb governs it; what a condition entails is conditional too
    ("ВСУ могут попытаться атаковать Белгородскую область.", "strike", "hypothetical"),
    ("Если ВСУ не отступят, они будут окружены.", "clash", "hypothetical"),
    ("Украина намерена вернуть Крым.", "territory_control", "future"),  # any reading of "намерена"
])
def test_the_predicate_after_an_act_noun_gives_its_modality(text, kind, modality):
    assert [e["modality"] for e in events(text) if e["type"] == kind] == [modality]


def test_a_place_in_a_prepositional_phrase_is_no_actor():
    (casualty,) = [e for e in events("В ДНР в результате обстрела погиб ребенок.") if e["type"] == "casualties"]
    assert casualty["actor"] is None and casualty["places"]


def test_a_headline_of_a_withdrawal():
    rec = record("Текст.", title="Минобороны: ВСУ отброшены от Глушково")
    layers = rec["title_layers"]
    assert [e["type"] for e in layers["events"]] == ["withdrawal"]


@pytest.mark.parametrize("text", [
    "В Шебекино повреждены три частных дома. Пострадавших нет.",
    "Атака беспилотника на Белгород обошлась без жертв.",
])
def test_a_governor_reporting_no_casualties_denies_them(text):
    found = [e for e in events(text, "Губернатор Белгородской области") if e["type"] == "casualties"]
    assert [e["polarity"] for e in found] == ["denied"]


def test_a_number_of_brigades_is_no_count():
    (strike,) = [e for e in events("Нанесено поражение живой силе и технике трех механизированных бригад ВСУ.")
                 if e["type"] == "strike"]
    assert strike["quantity"] is None


def test_a_bulletin_unit_named_in_quotes_is_the_actor_whoever_publishes():
    found = ledger("Подразделения группировки войск «Центр» освободили Новогродовку.", "Интерфакс")
    assert ("Novohrodivka", "russian_control", "asserted") in found


@pytest.mark.parametrize("text, outlet, expected", [
    ("ВСУ выведены из Крынок на правый берег.", RU_STATE, ("Krynky", "withdrawal", "asserted")),
    ("Генштаб ВСУ подтвердил отход из Угледара.", UA_MEDIA, ("Vuhledar", "withdrawal", "asserted")),
    ("Ситуация в Купянске стабилизирована, город под контролем украинских сил.", RU_STATE,
     ("Kupiansk", "ukrainian_control", "asserted")),
    ("ВСУ контратаковали и вернули позиции у Работино.", UA_MEDIA, ("Robotyne", "ukrainian_control", "asserted")),
])
def test_more_ways_of_leaving_holding_and_retaking(text, outlet, expected):
    assert expected in ledger(text, outlet)


@pytest.mark.parametrize("text, kinds", [
    ("В результате атаки ВСУ на Энергодар обесточены несколько районов.", ["strike"]),
    ("ВСУ ударили по Донецку из HIMARS, погибли трое.", ["strike", "casualties"]),
])
def test_an_attack_told_by_its_damage_is_a_strike(text, kinds):
    assert [e["type"] for e in events(text)] == kinds


def test_a_list_of_places_runs_on_through_names_left_unresolved():
    found = ledger("Враг пытался продвинуться в районах Мирнограда, Новоторецкого, Лысовки и Селидово.", UA_MEDIA)
    assert {("Myrnohrad", "contested", "asserted"), ("Selydove", "contested", "asserted")} <= found


def test_only_commas_and_conjunctions_coordinate_places():
    from claimledger.extract.events.control_args_ru_uk import COORDINATION_GAP

    assert all(COORDINATION_GAP.fullmatch(gap) for gap in (", ", " и ", ", а также ", " та "))
    assert not any(COORDINATION_GAP.fullmatch(gap) for gap in (" ", " у ", ", в районе "))


@pytest.mark.parametrize("text", [
    "Лавров и Рубио провели встречу в Эр-Рияде.",
    "Путин и Трамп созвонились во вторник.",
    "Россия и Украина договорились об обмене пленными.",
    "Саммит в Анкоридже завершился без результата.",
])
def test_meetings_calls_and_agreements_are_negotiation(text):
    assert "negotiation" in [e["type"] for e in events(text, "Интерфакс")]


@pytest.mark.parametrize("text, language, counts", [
    ("При атаке беспилотников на Шебекино пострадали трое мирных жителей. Пострадавших доставили в больницу.", "ru",
     [3]),
    # victims in hospital, two sentences on, with their injuries: the casualties told before, not in the hospital's town
    ("В селе Новая Таволжанка в результате атаки дрона ранен мужчина. Он доставлен в ЦРБ. Пострадавшего "
     "госпитализировали в больницу Белгорода с осколочными ранениями ноги.", "ru", [1]),
    ("Унаслідок обстрілу Херсона поранено двох чоловіків. Постраждалих госпіталізували до лікарні у Миколаєві.", "uk",
     [2]),
    ("В Белгороде госпитализированы три человека.", "ru", [3]),  # no victims told before: the report's own
    # some of the victims told before, counted after "среди"
    ("Пять человек погибли и 37 получили ранения при обстреле Белгорода. Среди раненых шестеро детей.", "ru", [5, 37]),
    ("Среди погибших трое детей.", "ru", [3]),
])
def test_victims_named_again_are_no_new_casualties(text, language, counts):
    found = [e for e in context_events(text, language) if e[0] == "casualties"]
    assert [e[3] for e in found] == counts, found


def test_no_dead_after_the_wounded_is_a_claim_of_its_own():
    text = "При атаке беспилотников на Шебекино пострадали трое мирных жителей. Погибших нет."
    found = [e for e in events(text, "Губернатор Белгородской области") if e["type"] == "casualties"]
    assert [e["polarity"] for e in found] == ["asserted", "denied"]


@pytest.mark.parametrize("text, language", [
    ("Сырский признал, что украинским подразделениям пришлось отойти с ряда позиций под Торецком.", "ru"),
    ("Українські підрозділи відійшли з кількох позицій біля Торецька.", "uk"),
])
def test_pulling_back_from_positions_near_a_town_is_a_withdrawal(text, language):
    assert [(e[0], e[2]) for e in context_events(text, language)] == [("withdrawal", {"Toretsk"})]


@pytest.mark.parametrize("text, found", [
    ("Взятие Харькова не планируется, заявил Песков.", [("territory_control", "denied")]),
    ("Взятие Харькова не стоит в повестке.", [("territory_control", "denied")]),
    ("Штурм Харькова не входит в планы.", [("clash", "denied")]),  # no town entered
    ("Взятие Харькова стало главной целью.", [("territory_control", "asserted")]),
])
def test_an_act_not_planned_is_denied(text, found):
    assert [(e["type"], e["polarity"]) for e in events(text)] == found


@pytest.mark.parametrize("text, language, found", [
    ("Российские подразделения пытаются обойти Покровск с юга.", "ru", [("clash", {"Pokrovsk"})]),
    ("Окупанти намагаються обійти Покровськ з півдня.", "uk", [("clash", {"Pokrovsk"})]),
    ("Он обошел вопрос о Крыме.", "ru", []),  # a question passed over, no flank
])
def test_flanking_a_town_is_fighting_for_it(text, language, found):
    assert [(e[0], e[2]) for e in context_events(text, language)] == found


@pytest.mark.parametrize("text, kind, quantity", [
    ("Более 300 жителей покинули Покровск за сутки.", "evacuation", 300),  # civilians leave: no withdrawal
    ("Из Покровска вывезены 45 детей.", "evacuation", 45),
    ("Жителей Белгорода временно отселили из приграничных районов.", "evacuation", None),
    # the count told by a second word of the same act goes to the one event
    ("Жителей приграничных районов эвакуируют, уже вывезены более трех тысяч человек.", "evacuation", 3000),
    ("Уничтожены две ДРГ противника в Брянской области.", "casualties", 2),
])
def test_civilians_moved_out_and_sabotage_groups_destroyed(text, kind, quantity):
    assert [(e["type"], e["quantity"]) for e in events(text, UA_MEDIA)] == [(kind, quantity)]


def test_keeping_control_of_a_situation_holds_no_town():
    found = events("Власти Белгорода сохраняют контроль над ситуацией.", "Губернатор Белгородской области")
    assert not any(e["type"] in ("territory_control", "withdrawal") for e in found)


def test_a_meeting_with_residents_is_no_negotiation():
    assert not events("Губернатор провел встречу с жителями Шебекино.", "Губернатор Белгородской области")


@pytest.mark.parametrize("text, kind, quantity", [
    ("За сутки ликвидированы 1 230 оккупантов.", "casualties", 1230),
    ("Силы обороны уничтожили 1 100 россиян и 12 танков.", "casualties", 1100),
    ("Россияне уничтожили школу в Купянске.", "strike", None),  # who acts is no loss
    ("Бойцы уничтожили склад боеприпасов.", "strike", None),
])
def test_people_after_a_verb_of_destroying_are_losses_before_it_who_acts(text, kind, quantity):
    assert [(e["type"], e["quantity"]) for e in events(text, UA_MEDIA)] == [(kind, quantity)]


def test_a_foothold_at_a_place_is_a_control_claim():
    found = ledger("ВСУ закрепились на левом берегу Днепра в районе Крынок, сообщил Генштаб ВСУ.", UA_MEDIA)
    assert ("Krynky", "ukrainian_control", "asserted") in found


def test_a_region_named_by_its_nickname_is_the_oblast_not_a_person():
    rec = record("Оккупанты атаковали Сумщину 47 раз за сутки.", UA_MEDIA)
    assert [p["ref"] for p in rec["places"]] == ["UA59000000000057109"]  # Sumy Oblast


def test_a_decision_to_withdraw_units_from_a_town_is_a_withdrawal_there():
    assert ledger("Сырский принял решение о выводе подразделений из Авдеевки.", UA_MEDIA) == {
        ("Avdiivka", "withdrawal", "asserted")}


def test_removing_the_aftermath_of_a_strike_is_no_loss_of_people():
    assert [e["type"] for e in events("На ликвидации последствий удара работают 50 человек.")] == ["strike"]


def test_a_place_after_a_preposition_is_no_actor_even_when_tagged_an_organisation():
    (evacuation,) = [e for e in events("С 10 мая из Волчанской общины вывезли более 6 тысяч человек.")
                     if e["type"] == "evacuation"]
    assert evacuation["actor"] is None and evacuation["quantity"] == 6000


@pytest.mark.parametrize("text, strikes", [
    # what the strike's weapon did, told right after, is the same strike again (one event)
    ("Ночью ракеты ударили по Харькову. Одна из ракет разрушила жилой дом.", ["ударили по"]),
    # another act in the next sentence is a strike of its own
    ("Ночью ракеты ударили по Харькову. Днем противник разрушил мост в Изюме.", ["ударили по", "разрушил"]),
])
def test_a_strike_told_again_through_its_weapon_is_one_event(text, strikes):
    assert [e["trigger_text"] for e in events(text) if e["type"] == "strike"] == strikes


@pytest.mark.parametrize("text, kinds", [
    ("Противник пытался прорваться к Часову Яру, но был отброшен.", ["attack_repelled"]),
    ("Противник пытался прорваться к Часову Яру.", ["clash"]),
    # taking back people names no place (no control claim): prisoners returned are an exchange (other)
    ("Россия должна вернуть пленных.", ["other"]),
])
def test_breakthroughs_thrown_back_and_places_taken_back(text, kinds):
    assert [e["type"] for e in events(text)] == kinds


@pytest.mark.parametrize("text, kinds", [
    # people freed are no place taken, whatever place the sentence names
    ("Освобожденные российские военнослужащие доставлены в Москву для лечения.", []),
    ("В ходе обмена из плена освобождены 90 военнослужащих.", ["other"]),
    ("Российская сторона освободила заложников.", ["other"]),
    ("Россия и Украина провели обмен военнопленными.", ["other"]),
    # a place freed from the occupiers is
    ("Войска освободили от оккупантов Херсон.", ["territory_control"]),
])
def test_freeing_people_is_no_control_of_a_place(text, kinds):
    """(and an exchange of prisoners is a release, not casualties: see the parameters)"""
    assert [e["type"] for e in events(text)] == kinds
    assert not ledger(text) if not kinds or kinds == ["other"] else ledger(text)


@pytest.mark.parametrize("text, kind", [
    ("ВСУ пытались атаковать у Работина и Лобкового.", "clash"),  # tried, near villages: an assault
    ("Противник атаковал позиции у Работина и Лобкового.", "clash"),
    ("ВСУ атаковали Белгород.", "strike"),  # the town itself: a strike
    ("ВСУ пытались атаковать Белгород беспилотниками.", "strike"),  # a weapon named
    ("Российские войска продолжили наступательные операции к северу от Харькова.", "clash"),
    # the actions a capture came by are its manner, no clash of their own
    ("Российские войска в результате наступательных действий освободили населенный пункт Сокол.", "territory_control"),
])
def test_an_attack_near_villages_or_tried_without_a_weapon_is_an_assault(text, kind):
    """(and offensive operations are fighting: "продолжили наступательные операции")"""
    assert [e["type"] for e in events(text)] == [kind]


def test_a_list_of_villages_after_a_preposition_keeps_a_name_read_as_a_person():
    """natasha reads "Работина" (a surname too) as a person; the list it opens still runs on to Лобкового."""
    found = events("Бои идут у Работина и Лобкового.", UA_MEDIA)
    names = {p["ref"]: p["name"] for p in record("Бои идут у Работина и Лобкового.", UA_MEDIA)["places"]}
    assert [sorted(names[k] for k in e["places"]) for e in found] == [["Lobkove", "Robotyne"]]


@pytest.mark.parametrize("text, name", [
    # a homonym of a front-line or border oblast, when the report names no area or other place
    ("Российские войска освободили Великую Новоселку.", "Velyka Novosilka"),  # not Velyki Novosilky of Lviv Oblast
    ("В Льгове в результате атаки беспилотника пострадали три человека.", "L’govskiy"),  # the Kursk town
])
def test_a_homonym_with_no_context_is_the_one_at_the_front(text, name):
    assert [p["name"] for p in record(text)["places"]] == [name]


def test_an_oblast_named_only_in_the_headline_places_the_body():
    """"Коренево" has homonyms in Sumy (Кореневе), Kursk and Moscow oblasts; the headline's Kursk Oblast says
    which (without it the Kursk one, the Russian spelling's own and Glushkovo's neighbour, is taken too)."""
    text = "Противник продолжает попытки продвинуться в сторону Коренево, бои идут и у Глушково."
    assert [p["name"] for p in record(text)["places"]] in ([None, "Glushkovo"], ["Korenevo", "Glushkovo"])
    body = record(text, title="Обстановка в Курской области")["places"]
    assert [(p["text"], p["name"]) for p in body] == [("Коренево", "Korenevo"), ("Глушково", "Glushkovo")]


def test_a_headline_village_takes_the_reading_its_body_settles():
    """Благодатне, Макарівка and Нескучне have homonyms; the body's "на Донеччині" settles them, and the headline
    names the same villages."""
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(
        id="probe", language="uk", outlet="Новинарня", published="2023-06-12T10:00",
        title="ЗСУ звільнили Благодатне, Макарівку та Нескучне",
        text="Сили оборони звільнили населені пункти Благодатне, Макарівка та Нескучне на Донеччині."))
    body = {p.text[:5]: p.ref for p in doc.places if p.level == "settlement"}
    title = {p.text[:5]: p.ref for p in doc.title_layers.places}
    assert title == body and all(title.values()) and len(title) == 3
    (event,) = doc.title_layers.events
    assert set(event.places) == set(title.values())


def test_a_count_after_a_comma_opening_a_clause_is_that_clauses():
    found = events("Противник обстрелял Херсон, погиб мужчина, еще четыре человека ранены.")
    assert [(e["trigger_text"], e["quantity"]) for e in found if e["type"] == "casualties"] == [("погиб", 1), ("ранены", 4)]
