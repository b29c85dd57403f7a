"""Where a Russian-language event happened (issue 12), on the real pipeline (natasha, pymorphy, gazetteer): the
place of the event, not every place named near it.

The sentences are invented for these tests. Each case names a trigger (a part of its text) and the canonical
names of the places the annotation guide (data/dev/README.md, section E) gives its event.
"""
from __future__ import annotations

import pytest

from claimledger.models import Article

pytestmark = pytest.mark.model


def places_by_trigger(text: str, language: str = "ru") -> dict[str, tuple[str, ...]]:
    """Trigger text -> the canonical names (else keys) of its event's places, for a Russian (or Ukrainian) text."""
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="t", text=text, language=language, published="2024-05-10T12:00"))
    names = {p.ref or p.name or p.text: p.name or p.text for p in doc.places}
    return {text[e.trigger[0]:e.trigger[1]]: tuple(names.get(k, k) for k in e.places) for e in doc.events}


def assert_places(text: str, expected: dict[str, tuple[str, ...]], language: str = "ru") -> None:
    found = places_by_trigger(text, language)
    for part, names in expected.items():
        matching = [places for trigger, places in found.items() if part in trigger]
        assert matching, (part, found)
        assert set(matching[0]) == set(names), (part, found)


@pytest.mark.parametrize("text, expected", [
    # every settlement of a coordinated list
    ("Подразделения группировки войск «Юг» нанесли поражение живой силе противника в районе населённых пунктов "
     "Кременная и Северск.", {"поражение": ("Kreminna", "Siversk")}),
    ("Отражены три атаки штурмовых групп ВСУ в районе населённых пунктов Торецк, Курахово и Угледар.",
     {"атаки": ("Toretsk", "Kurakhove", "Vuhledar")}),
    ("Российские войска освободили населённые пункты Работино и Вербовое.", {"освободили": ("Robotyne", "Verbove")}),
    ("Противник обстрелял Николаев и Херсон.", {"обстрелял": ("Mykolaiv", "Kherson")}),
    ("Российские войска нанесли удары по Харькову, Сумам и Чернигову.", {"удары": ("Kharkiv", "Sumy", "Chernihiv")}),
    ("Бои идут в районе Торецка, Часова Яра и Покровска.", {"Бои": ("Toretsk", "Chasiv Yar", "Pokrovsk")}),
    ("Удары по Харькову, Одессе и Днепру продолжаются.", {"Удары": ("Kharkiv", "Odesa", "Dnipro")}),
    # a place with its own predicate after the comma starts another clause
    ("Удар по Харькову, Одесса готовится к обороне.", {"Удар": ("Kharkiv",)}),
    # targets
    ("Вооружённые силы России нанесли удары по объектам энергетической инфраструктуры в Николаеве.",
     {"удары": ("Mykolaiv",)}),
    ("Украинские войска нанесли удар по Белгороду.", {"удар": ("Belgorod",)}),
    ("Противник выпустил шесть ракет по Запорожью.", {"ракет": ("Zaporizhzhia",)}),
    ("Беспилотник атаковал нефтебазу в Курской области.", {"атаковал": ("Kursk Oblast",)}),
    ("Ночью российская армия атаковала Одессу ударными дронами.", {"атаковала": ("Odesa",)}),
    # near X, at X, on the approaches to X
    ("Бои под Бахмутом продолжаются уже несколько месяцев.", {"Бои": ("Bakhmut",)}),
    ("Ожесточённые бои идут на подступах к Покровску.", {"бои": ("Pokrovsk",)}),
    ("Вблизи Авдеевки отражены две контратаки противника.", {"контратаки": ("Avdiivka",)}),
    ("Под Угледаром уничтожены два танка противника.", {"уничтожены": ("Vuhledar",)}),
    ("Российские войска продвинулись западнее Авдеевки.", {"продвинулись": ("Avdiivka",)}),
    ("Российские войска наступают в направлении Покровска.", {"наступают": ("Pokrovsk",)}),
    # an oblast alone, and a settlement rather than its oblast
    ("В Харьковской области противник обстрелял Купянск.", {"обстрелял": ("Kupiansk",)}),
    ("Противник обстрелял Купянск Харьковской области.", {"обстрелял": ("Kupiansk",)}),
    ("Обстрелы приграничных сёл в Сумской области продолжаются.", {"Обстрелы": ("Sumy Oblast",)}),
    ("В Запорожской области в результате обстрела погибли два человека.", {"погибли": ("Zaporizhzhia Oblast",)}),
    ("В Донецкой области в результате удара по Селидово пострадали пять мирных жителей.",
     {"удара": ("Selydove",), "пострадали": ("Selydove",)}),
    # a Russian settlement in its oblast, which has no KATOTTG code: the settlement
    ("В Белгородской области при обстреле Шебекино ранены двое.", {"обстреле": ("Shebekino",), "ранены": ("Shebekino",)}),
    ("В Ростовской области сбиты дроны над Таганрогом.", {"сбиты": ("Taganrog",)}),
    ("В Курской области пострадали жители Белгорода.", {"пострадали": ("Kursk Oblast", "Belgorod")}),
    ("Беспилотники атаковали объекты в Белгородской и Курской областях.",
     {"атаковали": ("Belgorod Oblast", "Kursk Oblast")}),
    ("Российские войска освободили Красногоровку в ДНР.", {"освободили": ("Krasnohorivka",)}),
    # directions
    ("На купянском направлении отражены четыре атаки противника.", {"атаки": ("Kupiansk axis (front sector)",)}),
    ("На запорожском направлении противник потерял до 90 военнослужащих.",
     {"потерял": ("Zaporizhzhia axis (front sector)",)}),
    # places in actor and source phrases
    ("Губернатор Белгородской области Вячеслав Гладков сообщил, что ВСУ обстреляли Шебекино.",
     {"обстреляли": ("Shebekino",)}),
    ("Группировка войск «Днепр» уничтожила склад боеприпасов в Херсонской области.",
     {"уничтожила": ("Kherson Oblast",)}),
    ("Министерство обороны России сообщило об освобождении Красногоровки.", {"освобождении": ("Krasnohorivka",)}),
    ("Мэр Мелитополя сообщил об ударе по Бердянску.", {"ударе": ("Berdiansk",)}),
    ("Власти Херсонской области объявили эвакуацию из Алешек.", {"эвакуацию": ("Oleshky",)}),
    # a town in the genitive before the verb is no subject, and so no actor whose place is left out
    ("В результате обстрела Купянска погибли два человека.", {"погибли": ("Kupiansk",)}),
])
def test_the_place_of_a_single_event(text, expected):
    assert_places(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("ВСУ из Харькова обстреляли Белгород реактивными системами.", {"обстреляли": ("Belgorod",)}),
    ("Бойцы десантно-штурмовой бригады из Харьковской области отразили атаку у Синьковки.",
     {"атаку": ("Synkivka",)}),
    ("Российские войска выбили противника из Работино.", {"выбили": ("Robotyne",)}),  # a withdrawal keeps it
    ("Украинские военные эвакуировали жителей из Волчанска.", {"эвакуировали": ("Vovchansk",)}),
    # nor in the sentence before it
    ("ВСУ из Харькова обстреляли приграничье. Ранены два человека.", {"Ранены": ()}),
    # "from" after a verb, in the sentence before, is where they left: the place the fighting is at
    ("Подразделения отошли от Волчанска. Там продолжаются бои.", {"бои": ("Vovchansk",)}),
])
def test_where_a_force_comes_from_is_not_where_it_acts(text, expected):
    assert_places(text, expected)


@pytest.mark.parametrize("text, expected", [
    # a capital as the subject of a verb is its government, not where the fighting is
    ("Если Киев не выведет войска, Россия продолжит наступление.", {"наступление": ()}),
    ("Москва заявила, что бои у Волчанска продолжаются.", {"бои": ("Vovchansk",)}),
    # the city itself: an accusative ("Киев атаковали") or a verb of undergoing
    ("Ночью Киев атаковали беспилотники.", {"атаковали": ("Kyiv",)}),
    ("Киев подвергся массированному ракетному удару.", {"удару": ("Kyiv",)}),
    # the parties to talks are no place of them; where they are held is
    ("Москва готова к переговорам с Киевом.", {"переговорам": ()}),
    # where a weapon was made is no place of its use
    ("Над Белгородом сбиты 12 реактивных снарядов HIMARS производства США.", {"сбиты": ("Belgorod",)}),
    ("Переговоры России и Украины прошли в Стамбуле.", {"Переговоры": ("Istanbul",)}),
    ("Делегация вернулась из Белоруссии, с переговоров.", {"переговоров": ("Belarus",)}),  # "from" a place
    # the state an institution belongs to is no place of what it tells ("Министерство обороны России")
    ("Министерство обороны России о взятии Авдеевки сообщило в субботу.", {"взятии": ("Avdiivka",)}),
    ("Удары по Украине продолжаются, заявил президент России.", {"Удары": ("Ukraine",)}),
    # the agent of a participle in the instrumental ("разрушенных Россией") is who acted
    ("Нужно восстановить города, разрушенные Россией.", {"разрушенные": ()}),
    # a capital where a government speaks, with no attribution when it does not ("не сообщали")
    ("В Киеве о начале контрнаступления не сообщали.", {"контрнаступления": ()}),
    ("В Москве сообщили об ударе по Белгороду.", {"ударе": ("Belgorod",)}),
    ("В Киеве прогремели взрывы.", {"взрывы": ("Kyiv",)}),
])
def test_a_capital_that_acts_is_no_place(text, expected):
    assert_places(text, expected)


@pytest.mark.parametrize("text, expected", [
    # towns of Russia's border regions the dictionary knows as geographic names, one listed twice by GeoNames
    ("Противник атаковал Рыльск и Льгов.", {"атаковал": ("Ryl’sk", "L’govskiy")}),
    # a village named after "в селе" is where the drone struck, not who struck
    ("В селе Козинка дрон-камикадзе атаковал легковой автомобиль.", {"атаковал": ("Kozinka",)}),
])
def test_border_towns_and_villages_named_after_a_settlement_noun(text, expected):
    assert_places(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("ВСУ обстреляли с территории Харьковской области Белгород.", {"обстреляли": ("Belgorod",)}),
    ("Шебекино подверглось обстрелу со стороны Волчанска.", {"обстрелу": ("Shebekino",)}),
])
def test_the_side_fire_comes_from_is_not_where_it_lands(text, expected):
    assert_places(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Жители Белгорода пострадали при обстреле Шебекино.", {"обстреле": ("Shebekino",)}),
    ("Противник атаковал Купянск, находящийся недалеко от Волчанска.", {"атаковал": ("Kupiansk",)}),
    ("Россия атаковала Украину.", {"атаковала": ("Ukraine",)}),
    # a country after a noun is whose act it is
    ("Обстрел Херсона станет доказательством преступлений России.", {"Обстрел": ("Kherson",)}),
])
def test_the_place_right_after_a_trigger_is_its_object(text, expected):
    assert_places(text, expected)


def test_a_country_repeated_after_a_settlement_is_no_second_event():
    # "не захватит Харьков, не захватит Украину": one claim about Kharkiv, not a second one about Ukraine
    text = "Россия не захватит Харьков, не захватит Украину."
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="t", text=text, language="ru", published="2024-05-10T12:00"))
    names = {p.ref or p.name: p.name for p in doc.places}
    assert [tuple(names[k] for k in e.places) for e in doc.events if e.type == "territory_control"] == [("Kharkiv",)]


@pytest.mark.parametrize("text, expected", [
    ("В Белгороде ранены три человека, в Шебекино погиб один мирный житель.",
     {"ранены": ("Belgorod",), "погиб": ("Shebekino",)}),
    ("Противник обстрелял Херсон, а в Николаеве была объявлена эвакуация.",
     {"обстрелял": ("Kherson",), "эвакуация": ("Mykolaiv",)}),
    ("Российские войска заняли Соледар, бои идут за Бахмут.", {"заняли": ("Soledar",), "бои": ("Bakhmut",)}),
    ("В Донецке погибли двое, ещё трое ранены в Горловке.", {"погибли": ("Donetsk",), "ранены": ("Horlivka",)}),
    ("Российская армия освободила Красногоровку, а в районе Торецка продолжаются бои.",
     {"освободила": ("Krasnohorivka",), "бои": ("Toretsk",)}),
    # a stretch with no place of its own keeps the sentence's
    ("Российские войска нанесли ракетный удар по Херсону, погибли два человека.", {"погибли": ("Kherson",)}),
])
def test_two_events_of_one_sentence_keep_their_own_places(text, expected):
    assert_places(text, expected)


@pytest.mark.parametrize("text, expected", [
    ("Противник атаковал позиции под Волчанском. Атака была отбита.", {"отбита": ("Vovchansk",)}),
    ("ВСУ обстреляли Горловку. Погибли два человека.", {"Погибли": ("Horlivka",)}),
    ("В Мирнограде продолжаются бои. Противник несёт большие потери.", {"потери": ("Myrnohrad",)}),
    ("Армия России взяла под контроль Марьинку. Город был полностью разрушен.", {"разрушен": ("Marinka",)}),
    # a plural settlement noun refers to the settlements named together before it
    ("Российские войска освободили Работино и Вербовое. Сёла были полностью разрушены.",
     {"разрушены": ("Robotyne", "Verbove")}),
    ("Противник атаковал Волчанск. Также ранены двое мирных жителей.", {"ранены": ("Vovchansk",)}),
    # the settlement a report is about, named twice before, when the paragraph names none
    ("Волчанск снова под обстрелом. Жители Волчанска уезжают.\nПротивник продолжает атаки.", {"атаки": ("Vovchansk",)}),
    # a country struck, when the sentence before names no other place
    ("Российская армия нанесла удары по Украине. Погибли десять человек.", {"Погибли": ("Ukraine",)}),
    ("Россия атаковала порты. Погибли десять человек.", {"Погибли": ()}),
    # across sentences of the paragraph that name no place
    ("Противник атаковал Волчанск. Об этом сообщили военные. Погибли три человека.", {"Погибли": ("Vovchansk",)}),
])
def test_a_following_sentence_with_no_place_takes_the_place_before(text, expected):
    assert_places(text, expected)


@pytest.mark.parametrize("text, expected", [
    # another item or a sum, not the event before
    ("Российская армия нанесла удар по Одессе. Кроме того, ВСУ за сутки потеряли до 1500 военнослужащих.",
     {"потеряли": ()}),
    ("Противник обстрелял Херсон. Всего за неделю ВСУ потеряли более 9000 военнослужащих.", {"потеряли": ()}),
    # new settlements, counted and not named: not the town of the sentence before ...
    ("Российские войска нанесли удары по Харькову. Также освобождены три населённых пункта.", {"освобождены": ()}),
    ("Российские войска нанесли удары по Харькову.\nВ ходе наступления освобождены три населённых пункта.",
     {"освобождены": ()}),
    # ... but the oblast that holds them
    ("В Донецкой области российские войска продвинулись на 2 км. Освобождены два населённых пункта.",
     {"Освобождены": ("Donetsk Oblast",)}),
    # a new paragraph is a new item
    ("ВСУ обстреляли Горловку.\nПротивник потерял до 50 военнослужащих.", {"потерял": ()}),
    # two places before: no single antecedent
    ("Бои шли у Волчанска и Купянска. Противник потерял до 200 военнослужащих.", {"потерял": ()}),
    # a dateline is where the report was filed
    ("МОСКВА, 10 мая. /ТАСС/. Российские войска продолжают наступление.", {"наступление": ()}),
    ("ДОНЕЦК, 10 мая. /ТАСС/. Украинские войска обстреляли Горловку.", {"обстреляли": ("Horlivka",)}),
    ("ХАРЬКОВ ПОД ОБСТРЕЛОМ\nПогибли три человека.", {"ОБСТРЕЛОМ": ("Kharkiv",)}),  # a headline in capitals
])
def test_when_a_sentence_with_no_place_inherits_none(text, expected):
    assert_places(text, expected)


@pytest.mark.parametrize("text, language", [
    ("Вооруженные силы Украины освободили более 20 населенных пунктов Харьковской области. Среди них Купянск, Изюм "
     "и Балаклея.", "ru"),
    ("ЗСУ звільнили понад 20 населених пунктів Харківщини. Серед них Куп'янськ, Ізюм і Балаклія.", "uk"),
])
def test_settlements_named_among_those_counted_place_the_event(text, language):
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="t", text=text, language=language, published="2024-05-10T12:00"))
    names = {p.ref: p.name for p in doc.places}
    (event,) = doc.events
    assert {names[k] for k in event.places} == {"Kupiansk", "Izium", "Balakliia"}  # the settlements, not the oblast


def test_a_coordinated_list_is_read_in_the_triggers_own_sentence():
    # the second sentence names Izium again beside Balakliia: that list is the withdrawal's, not the capture's
    assert_places("Украинские военные заняли Купянск и Изюм Харьковской области, сообщил Виталий Ганчев. "
                  "Минобороны России подтвердило отвод войск из районов Балаклеи и Изюма.",
                  {"заняли": ("Kupiansk", "Izium"), "отвод войск из": ("Balakliia", "Izium")})


def test_the_object_of_a_capture_comes_before_the_town_it_lies_near():
    assert_places("Войска заняли Степовое под Авдеевкой.", {"заняли": ("Stepove",)})
    # withdrawn near two towns: both, the first no landmark of the second
    assert_places("ЗСУ заявили про відведення військ біля Вовчанська та Лук'янців.",
                  {"відведення військ": ("Vovchansk", "Lukiantsi")}, "uk")


def test_a_facility_places_an_event_at_its_settlement_when_the_report_names_it():
    assert_places("В Мариуполе продолжается операция. На территории завода «Азовсталь» заблокированы более 2 тыс. "
                  "военных.", {"заблокированы": ("Mariupol",)})


def test_a_capture_of_a_village_the_gazetteer_cannot_settle_takes_no_town_beside_it():
    # seventeen villages of Donetsk Oblast are called Шевченко: the capture is of one of them, not of Kurakhove
    assert_places("Российские войска продвинулись в районе Курахово и заняли село Шевченко.",
                  {"продвинулись": ("Kurakhove",), "заняли": ()})


def test_a_town_left_is_a_place_whatever_the_dictionary_reads_first():
    # "Бучу" reads first as the verb бучить; after a verb of leaving it is the town
    assert_places("Российские подразделения покинули Бучу 30 марта.", {"покинули": ("Bucha",)})
    assert_places("ВСУ оставили Марьинку.", {"оставили": ("Marinka",)})


def test_a_bare_town_noun_refers_to_the_town_named_in_the_source():
    # the town of "в Никитовском районе города" is Horlivka, named only in the source phrase before it
    assert_places("Глава администрации Горловки Иван Приходько сообщил, что в результате обстрела со стороны ВСУ "
                  "в Никитовском районе города погибла женщина.", {"обстрела": ("Horlivka",), "погибла": ("Horlivka",)})


@pytest.mark.parametrize("text, trigger, names", [
    # a name coordinated with the object of a capture is a place too, an adjectival one included
    ("ВС РФ освободили Клещеевку и Невельское в ДНР", "освободили", ("Klishchiivka", "Nevelske")),
    # NER reads "Суджу - Минобороны" as one organisation; the object of a capture is still the town
    ("ВС РФ заняли Суджу - Минобороны", "заняли", ("Sudzha",)),
])
def test_headline_objects_of_a_capture_are_places(text, trigger, names):
    assert_places(text, {trigger: names})


def test_an_improved_position_takes_only_a_place_of_its_own():
    assert_places("Подразделения улучшили положение по переднему краю и нанесли поражение живой силе противника в "
                  "районах населенных пунктов Кругляковка и Терны.",
                  {"улучшили положение": (), "нанесли поражение": ("Kruhliakivka", "Terny")})
    assert_places("Подразделения улучшили тактическое положение в районе Работино.",
                  {"улучшили тактическое положение": ("Robotyne",)})


def test_lines_taken_take_only_a_place_of_their_own():
    # lines taken beside another act are no capture of that act's villages (no control claim at them)
    assert_places("Подразделения группировки «Юг» заняли более выгодные рубежи и позиции, нанесли поражение живой силе "
                  "противника в районах населенных пунктов Часов Яр и Калиновка.",
                  {"заняли": (), "нанесли поражение": ("Chasiv Yar", "Kalynivka")})
    assert_places("Российские войска освободили Урожайное Донецкой области. Подразделения в результате активных "
                  "действий заняли более выгодные рубежи и позиции.", {"освободили": ("Urozhaine",), "заняли": ()})
    assert_places("Подразделения заняли выгодные рубежи в районе Работино.", {"заняли": ("Robotyne",)})


def test_a_village_far_from_the_others_of_its_list_is_a_homonym_of_one_the_gazetteer_lacks():
    # Свердликово of Kursk Oblast is no Свердликове of Kirovohrad Oblast, 600 km from Гуево
    text = ("В Курской области нанесено поражение живой силе противника в районах населенных пунктов Гуево, "
            "Свердликово, Николаево-Дарьино и Плехово.")
    assert_places(text, {"Нанесено поражение".lower(): ("Guyevo", "Sverdlikovo", "Nikolayevo-Darino", "Plekhovo")})
