"""Russian and Ukrainian extraction: attributions, places, events and dates on sentences written for
these tests, and a quality floor on the internal ru/uk development gold when it is present.

The internal gold (shared data/dev/war_news_ru_uk_dev.jsonl) is read in place and never copied: its
texts belong to their publishers. On a checkout without it the floor test is skipped.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.extract.dates.dates_ru_uk import find_time_expressions_ru_uk, resolve_when_ru_uk
from claimledger.models import Article

# -- dates: pure rules, no model -------------------------------------------------------------------


@pytest.mark.parametrize("text, published, expected", [
    ("Это произошло 19 мая 2024 года.", None, "2024-05-19"),
    ("Удар нанесли 3 марта.", "2024-05-30", "2024-03-03"),
    ("Обстріл стався 3 червня.", "2024-01-10", "2023-06-03"),  # a day long after publication: last year
    ("Войска вошли в город в ноябре.", "2024-12-03", "2024-11"),
    ("Бої тривали у листопаді 2023 року.", None, "2023-11"),
    ("Сьогодні ворог атакував.", "2024-05-10", "2024-05-10"),
    ("Вчера был обстрел.", "2024-05-10", "2024-05-09"),
    ("За минувшие сутки отражено пять атак.", "2024-05-12", "2024-05-11/2024-05-12"),
    ("В течение суток сбиты 12 беспилотников.", "2024-05-12", "2024-05-11/2024-05-12"),  # the genitive
    ("За минулу добу відбулося 40 боїв.", "2024-05-12", "2024-05-11/2024-05-12"),
    ("В ночь на 30 мая дроны атаковали порт.", "2024-05-30", "2024-05-29/2024-05-30"),
    ("За неделю потери составили 200 человек.", "2024-06-07", "2024-06-01/2024-06-07"),
    ("З 24 лютого триває війна.", "2022-04-04", "2022-02-24/2022-04-04"),
    ("С начала СВО уничтожено много техники.", "2023-02-24", "2022-02-24/2023-02-24"),
    ("Дата: 19.05.2024.", None, "2024-05-19"),
    ("У п'ятницю обстріляли місто.", "2024-05-13", "2024-05-10"),
    ("В 2023 году шли бои.", "2024-05-13", "2023"),
    ("Упродовж минулої доби відбулося 80 боїв.", "2024-05-12", "2024-05-11/2024-05-12"),
    ("Минулої доби ворог 80 разів обстріляв область.", "2024-05-12", "2024-05-11/2024-05-12"),
    ("Сьогоднішні російські ракетні удари по Львівській області.", "2022-05-14", "2022-05-14"),  # today's
    ("Бои за город продолжаются третий день.", "2023-10-13", "2023-10-11/2023-10-13"),  # running days after the verb
    ("Летом 2023 года ВСУ начали контрнаступление.", "2024-06-07", "2023-06/2023-08"),  # a season of a year
    ("Восени минулого року ворог атакував Авдіївку.", "2024-06-07", "2023-09/2023-11"),
    ("Зимой 2023 года шли бои.", "2024-06-07", "2023"),  # winter spans two years: the year only
    ("В минувшие выходные ВСУ атаковали Горловку.", "2024-06-07", "2024-06-01/2024-06-02"),  # the last weekend
    ("Минулих вихідних ворог обстріляв Харків.", "2024-06-09", "2024-06-01/2024-06-02"),  # said on a Sunday
    ("В ночь на понедельник ВСУ атаковали Белгород.", "2024-03-04", "2024-03-03/2024-03-04"),  # a Monday
    ("У ніч на неділю росіяни атакували Одесу.", "2024-03-06", "2024-03-02/2024-03-03"),
    ("За цей тиждень ми повернули контроль над Макаровом.", "2022-03-25", "2022-03-21/2022-03-25"),
    ("В течение недели ВСУ выпустили более 800 снарядов.", "2023-12-29", "2023-12-23/2023-12-29"),
    ("В выходные средства ПВО сбили 12 ракет.", "2024-03-04", "2024-03-02/2024-03-03"),
    ("У вихідні ворог атакував Херсон.", "2024-03-03", "2024-03-02/2024-03-03"),  # said on the Sunday
    ("Загальні бойові втрати противника з 24.02.22 по 05.09.24 склали 620430 осіб.", "2024-09-05",
     "2022-02-24/2024-09-05"),
    ("Унаслідок нічної атаки дронів на Харків загинули семеро людей.", "2024-02-10", "2024-02-09/2024-02-10"),
])
def test_time_expressions_resolve_against_publication(text, published, expected):
    assert resolve_when_ru_uk(text, published) == expected


def test_relative_dates_need_a_publication_date():
    assert resolve_when_ru_uk("Вчера был обстрел.", None) is None
    spans = find_time_expressions_ru_uk("Вчера был обстрел.", None)
    assert spans and spans[0][:2] == (0, 5)


# -- the extractors on Russian and Ukrainian sentences (natasha, pymorphy3, the gazetteer) ----------



def analyse(text: str, language: str, published: str | None = "2024-05-12"):
    from claimledger.pipeline import analyse_article

    return analyse_article(Article(id="t", text=text, language=language, published=published))


def part(text: str, span) -> str:
    return text[span[0]:span[1]]


@pytest.mark.model
def test_russian_according_to_with_genitive_speaker():
    text = "По словам начальника Генштаба Валерия Герасимова, войска продвигаются на запад."
    doc = analyse(text, "ru")
    (a,) = doc.attributions
    assert a.kind == "according_to"
    assert part(text, a.cue) == "По словам"
    assert part(text, a.content) == "войска продвигаются на запад"
    assert a.speaker == "Valery Gerasimov"  # canonical English name, language-independent
    assert a.speaker_role == "начальник Генштаба"  # the role as written, in the nominative


@pytest.mark.model
def test_an_outlet_citing_sources_reports_them_nested():
    text = "Издание «Вечерние новости» со ссылкой на источники в СБУ пишет, что атака была ответом на удары по Харькову."
    doc = analyse(text, "ru")
    outlet, sources = sorted(doc.attributions, key=lambda a: a.kind != "indirect")
    assert (outlet.speaker, part(text, outlet.cue), outlet.parent) == ("Вечерние новости", "пишет", None)
    assert (sources.kind, part(text, sources.source), sources.parent) == ("according_to", "источники в СБУ", outlet.id)
    assert part(text, outlet.content) == part(text, sources.content) == "атака была ответом на удары по Харькову"


@pytest.mark.model
@pytest.mark.parametrize("text, cue, speaker", [
    ("Согласно сводке Минобороны, за сутки уничтожены 45 беспилотников.", "Согласно сводке",
     "Russian Ministry of Defence"),
    ("Губернатор Иван Петров выступил. Ранее сообщалось о ракетном ударе по Одессе.", "сообщалось", "unspecified"),
    ("В сводке Генштаба ВСУ говорится, что противник 12 раз атаковал позиции.", "говорится",
     "General Staff of the Armed Forces of Ukraine"),
    ("Как заявил в эфире телеканала «Звезда» военный эксперт Игорь Коротченко, наступление продолжится.",
     "Как заявил", "Igor Korotchenko"),
])
def test_russian_wire_sources(text, cue, speaker):
    (a,) = [a for a in analyse(text, "ru").attributions if part(text, a.cue) == cue]
    assert a.speaker == speaker


@pytest.mark.model
def test_a_town_read_as_a_person_and_a_channel_named_after_a_country():
    text = "Противник атаковал позиции у Часова Яра, сообщили в эфире телеканала «Россия 24»."
    assert [(p.text, p.name) for p in analyse(text, "ru").places] == [("Часова Яра", "Chasiv Yar")]


@pytest.mark.model
@pytest.mark.parametrize("text, language, cue, content, speaker", [
    ("Зеленский заявил, что украинские войска взяли под контроль Суджу. В Кремле эти заявления назвали ложью.",
     "ru", "назвали ложью", "украинские войска взяли под контроль Суджу", "Kremlin"),
    ("У Генштабі ЗСУ назвали фейком заяву про захоплення Часового Яру.", "uk", "назвали фейком",
     "заяву про захоплення Часового Яру", "General Staff of the Armed Forces of Ukraine"),
    ("Российские подразделения продвинулись у Кременной, заявил Андрей Марочко. В ВСУ эту информацию назвали "
     "пропагандой.", "ru", "назвали пропагандой", "Российские подразделения продвинулись у Кременной",
     "Ukrainian Armed Forces"),
])
def test_naming_a_claim_a_lie_denies_it(text, language, cue, content, speaker):
    (a,) = [a for a in analyse(text, language).attributions if part(text, a.cue) == cue]
    assert (part(text, a.content), a.speaker, a.evidentiality) == (content, speaker, "denied")


@pytest.mark.model
def test_the_dead_named_one_by_one_and_the_wounded_counted_after_them_are_two_counts():
    text = "Росіяни обстріляли Херсон, внаслідок чого загинули чоловік і жінка, ще троє людей дістали поранення."
    assert [e.quantity for e in analyse(text, "uk").events if e.type == "casualties"] == [2, 3]
    # whose losses a country in the genitive names is no place of them
    (loss,) = analyse("Загальні бойові втрати Росії склали близько 630 тисяч осіб.", "uk").events
    assert loss.places == () and loss.quantity == 630000


@pytest.mark.model
@pytest.mark.parametrize("text, speaker", [
    # a surname the dictionary reads as an oblique adjective, after a first name: the person's, not an addressee
    ("Задачи выполнены, заявил первый замначальника Генштаба ВС РФ Сергей Рудской.", "Sergei Rudskoy"),
    # a surname read first as a genitive plural, then the dative name of whom he told
    ("Войска продвинулись, доложил министр обороны Андрей Белоусов Владимиру Путину.", "Andrei Belousov"),
])
def test_inverted_sources_named_in_full_before_an_addressee(text, speaker):
    (a,) = analyse(text, "ru").attributions
    assert a.speaker == speaker


@pytest.mark.model
def test_analysts_after_the_cue_and_their_data_after_it():
    # "аналітики" reads first as the genitive of "аналітика" (analytics), but after a plural cue it is the
    # subject; "За їхніми даними" is theirs again
    text = ("Російські окупанти захопили село Ласточкине, повідомили аналітики DeepState. За їхніми даними, "
            "ворог також просунувся біля Степового.")
    doc = analyse(text, "uk")
    assert [(a.speaker, part(text, a.content)) for a in doc.attributions] == [
        ("аналітики DeepState", "Російські окупанти захопили село Ласточкине"),
        ("аналітики DeepState", "ворог також просунувся біля Степового")]


@pytest.mark.model
def test_fighting_that_goes_on_and_an_advance_of_another_clause_are_two_events():
    text = "Бои за Авдеевку продолжаются третий день, российские войска продвинулись на ряде участков."
    assert [part(text, e.trigger) for e in analyse(text, "ru").events] == ["Бои", "продвинулись"]


@pytest.mark.model
def test_a_statement_before_a_colon_is_no_source():
    text = "ВСУ атаковали Белгород: ранены пять человек"
    assert analyse(text, "ru").attributions == ()
    text = "ВСУ: противник отступил"
    assert [a.speaker for a in analyse(text, "ru").attributions] == ["Ukrainian Armed Forces"]


@pytest.mark.model
def test_a_role_with_no_name_is_no_romanised_person():
    text = "Представитель Генштаба ВСУ заявил, что бои продолжаются. Андрей Ковалев заявил, что бои идут."
    assert [a.speaker for a in analyse(text, "ru").attributions] == ["Представитель Генштаба ВСУ", "Andrei Kovalev"]


@pytest.mark.model
def test_an_outlet_citing_a_source_after_an_anaphor_relays_it():
    text = ("Уночі росіяни атакували Україну 35 дронами. "
            "Про це повідомляє агентство «Вісті» з посиланням на Повітряні сили ЗСУ.")
    doc = analyse(text, "uk")
    outlet, source = doc.attributions
    assert (outlet.speaker, outlet.parent) == ("Вісті", None)
    assert (source.speaker, source.parent) == ("Ukrainian Air Force", outlet.id)
    assert part(text, outlet.content) == part(text, source.content) == "Уночі росіяни атакували Україну 35 дронами"
    (strike,) = [e for e in doc.events if e.type == "strike"]
    assert strike.claimed_by == source.id  # the innermost report: the Air Force's, relayed


@pytest.mark.model
def test_a_denial_of_the_sentence_before_denies_what_it_reported():
    text = ("Представитель Генштаба ВСУ заявил, что российские войска потеряли за сутки 1200 человек. "
            "Эту информацию опровергли в Кремле.")
    report, denial = analyse(text, "ru").attributions
    assert denial.evidentiality == "denied" and part(text, denial.cue) == "опровергли"
    assert part(text, denial.content) == part(text, report.content) == "российские войска потеряли за сутки 1200 человек"
    assert report.parent is None  # the report is denied, not relayed


@pytest.mark.model
def test_russian_direct_quote_with_dash_and_pronoun():
    text = ("Пресс-секретарь Кремля Дмитрий Песков ответил на вопросы. «Противник несёт большие потери», — "
            "сказал он журналистам.")
    doc = analyse(text, "ru")
    quote = next(a for a in doc.attributions if a.kind == "direct")
    assert part(text, quote.content) == "Противник несёт большие потери"
    assert part(text, quote.cue) == "сказал"
    assert quote.speaker == "Dmitry Peskov"


@pytest.mark.model
def test_russian_inverted_source_after_a_dated_cue():
    text = "Армия России взяла посёлок Степное, сообщило 12 мая Министерство обороны РФ."
    doc = analyse(text, "ru")
    (a,) = doc.attributions
    assert part(text, a.source) == "Министерство обороны РФ"
    assert part(text, a.content).startswith("Армия России взяла")
    event = next(e for e in doc.events if e.type == "territory_control")
    assert event.claimed_by == a.id
    assert event.when is None  # "12 мая" dates the report, not the event


@pytest.mark.model
def test_ukrainian_that_clause_and_za_slovamy():
    text = ("Речник Повітряних сил Юрій Ігнат заявив, що ворог запустив десять ракет. "
            "За словами губернатора Олега Синєгубова, у Харкові пошкоджено школу.")
    doc = analyse(text, "uk")
    first, second = doc.attributions
    assert first.kind == "indirect" and part(text, first.content) == "ворог запустив десять ракет"
    assert first.speaker == "Yurii Ihnat" and first.speaker_role == "Речник Повітряних сил"  # romanised (KMU 2010)
    assert second.kind == "according_to"
    assert part(text, second.content) == "у Харкові пошкоджено школу"


@pytest.mark.model
@pytest.mark.parametrize("text, language, hedge", [
    ("Генштаб заявил, что противник якобы отступил от города.", "ru", "якобы"),
    ("У Генштабі заявили, що ворог нібито відступив від міста.", "uk", "нібито"),
    ("Военные сообщили о создании так называемой буферной зоны.", "ru", "так называемой"),
])
def test_hedges_are_kept_on_the_claim(text, language, hedge):
    doc = analyse(text, language)
    assert any(hedge in a.hedges for a in doc.attributions)


@pytest.mark.model
@pytest.mark.parametrize("text, language, surface, name, level", [
    ("Бої тривають у Вовчанську.", "uk", "Вовчанську", "Vovchansk", "settlement"),
    ("Бои продолжаются в Волчанске.", "ru", "Волчанске", "Vovchansk", "settlement"),
    ("Обстрелу подверглись сёла Харьковской области.", "ru", "Харьковской области", "Kharkiv Oblast", "oblast"),
    ("Евакуація триває в Харківській області.", "uk", "Харківській області", "Kharkiv Oblast", "oblast"),
    ("Ситуація на Харківщині складна.", "uk", "Харківщині", "Kharkiv Oblast", "oblast"),
    ("Ворог обстріляв Куп'янськ.", "uk", "Куп'янськ", "Kupiansk", "settlement"),
    ("Мы были в Донецке и под Лисичанском.", "ru", "Лисичанском", "Lysychansk", "settlement"),
    # a region is "on" and a town "in": the oblast named after its centre, in the locative after "на"
    ("Ворог атакував дронами села на Запоріжжі.", "uk", "Запоріжжі", "Zaporizhzhia Oblast", "oblast"),
    ("ВСУ атаковали беспилотниками сёла на Запорожье.", "ru", "Запорожье", "Zaporizhzhia Oblast", "oblast"),
    ("Ворог обстріляв промзону у Запоріжжі.", "uk", "Запоріжжі", "Zaporizhzhia", "settlement"),
    ("Росіяни знову вдарили по Запоріжжю.", "uk", "Запоріжжю", "Zaporizhzhia", "settlement"),
    # a town's case form that also reads as an adjective, before an oblast's adjective in another case: the town
    ("Загинули двоє у Дніпрі, по одному у Луцьку та Житомирській області.", "uk", "Луцьку", "Lutsk", "settlement"),
    ("Вибухи пролунали у Луцьку і Рівненській області.", "uk", "Луцьку", "Lutsk", "settlement"),
    ("Вибухи пролунали у Луцьку і Рівненській області.", "uk", "Рівненській області", "Rivne Oblast", "oblast"),
    ("Удари були по Київській, Львівській та Полтавській областях.", "uk", "Львівській", "Lviv Oblast", "oblast"),
    ("Над Сумською областю збито шість дронів, над Харківською - три.", "uk", "Харківською", "Kharkiv Oblast",
     "oblast"),
    # a Russian case form spelt the Ukrainian way and put in the nominative by the Ukrainian dictionary
    ("Бои идут в районе Лукьянцев и Волчанска.", "ru", "Лукьянцев", "Lukiantsi", "settlement"),
])
def test_inflected_places_resolve_to_katottg(text, language, surface, name, level):
    doc = analyse(text, language)
    place = next(p for p in doc.places if p.text == surface)
    assert place.name == name and place.level == level
    assert place.ref and place.ref.startswith("UA")


@pytest.mark.model
@pytest.mark.parametrize("text, language, surface, expected", [
    # Петровское is a former name of Petrovo-Krasnosillia (Luhansk Oblast); in Donetsk Oblast six villages bear it
    ("Освобожден населенный пункт Петровское Донецкой Народной Республики.", "ru", "Петровское", None),
    ("Освобожден населенный пункт Петровское в ДНР.", "ru", "Петровское", None),
    ("Освобождены населенные пункты Ленинское и Цукурино Донецкой Народной Республики.", "ru", "Ленинское", "UA14"),
    ("Окупанти захопили Петрівське на Донеччині.", "uk", "Петрівське", None),
    # a list item after a comma is no oblast stated for the town before it
    ("Обстрелы в Мелитополе и Бердянске, Луганской и Донецкой областях.", "ru", "Бердянске", "UA23"),
])
def test_a_settlement_is_kept_to_the_oblast_stated_for_it(text, language, surface, expected):
    place = next(p for p in analyse(text, language).places if p.text == surface)
    assert (place.ref or "")[:4] == (expected or "")


@pytest.mark.model
@pytest.mark.parametrize("text, surface, name", [
    # -ом after "под" is a masculine noun's instrumental (Торецк), after "в" an adjectival name's prepositional
    # (Торецкое); a Pokrovsk axis named before favours the village of Pokrovsk raion either way
    ("Противник сосредоточил усилия на Покровском направлении. Наши части отошли под Торецком.", "Торецком",
     "Toretsk"),
    ("Бои идут в Торецком на Покровском направлении.", "Торецком", "Toretske"),
    ("Бои идут под Кураховом на Покровском направлении.", "Кураховом", "Kurakhove"),  # a noun in -ово, not Kurakhivka
])
def test_the_case_a_preposition_governs_reads_a_name_in_om(text, surface, name):
    place = next(p for p in analyse(text, "ru").places if p.text == surface)
    assert place.name == name


@pytest.mark.model
@pytest.mark.parametrize("text, names", [
    ("Освобождены населенные пункты Мартыновка и Мальцевка Курской области.", {"Мартыновка": "Martynovka",
                                                                              "Мальцевка": "Maltsevka"}),
    # a raion named after a Russian town the gazetteer knows (Belgorod) states the oblast
    ("Обстрелу подверглось село Никольское Белгородского района.", {"Никольское": "Nikolskoye"}),
    ("ВСУ атаковали село Новоивановку Глушковского района.", {"Новоивановку": "Novoivanovka"}),
    # a settlement noun's name in a sentence after one naming a Russian town, or in a report naming no Ukrainian place
    ("Обстрелу подвергся Грайворон. Ранен мужчина в селе Глотово.", {"Глотово": "Glotovo"}),
    ("ВСУ наступают в Курской области. Минобороны заявило об отражении атаки. Бои идут у сел Бердин и "
     "Новосотницкое.", {"Бердин": "Berdin", "Новосотницкое": "Novosotnitskoye"}),
])
def test_a_russian_village_the_gazetteer_lacks_has_its_name_and_no_ref(text, names):
    doc = analyse(text, "ru")
    found = {p.text: p for p in doc.places}
    for surface, name in names.items():
        place = found[surface]
        assert (place.name, place.ref, place.level, place.lat) == (name, None, "settlement", None)
    # the villages place the event, not the oblast they lie in
    assert all(set(e.places) <= set(names.values()) for e in doc.events if set(e.places) & set(names.values()))


@pytest.mark.model
@pytest.mark.parametrize("text, surface", [
    ("Освобожден населенный пункт Шевченко.", "Шевченко"),  # no Russian setting: one of many Ukrainian villages
    ("Бои идут у села Неизвестновка Донецкой области.", "Неизвестновка"),  # a Ukrainian oblast stated
    ("Обстрелу подвергся Грайворон. Бои идут у села Неизвестновка и в Волчанске.", "Неизвестновка"),
])
def test_a_settlement_name_the_gazetteer_lacks_outside_russia_is_no_named_village(text, surface):
    assert all(p.name is None for p in analyse(text, "ru").places if p.text == surface)


@pytest.mark.model
def test_adjectives_sharing_one_head_and_front_directions():
    text = "Удары нанесены по Сумской и Черниговской областям. Бои идут на Лиманском направлении."
    doc = analyse(text, "ru")
    names = {p.text: p for p in doc.places}
    assert names["Сумской"].name == "Sumy Oblast"
    assert names["Черниговской областям"].name == "Chernihiv Oblast"
    axis = names["Лиманском направлении"]
    assert axis.ref is None and axis.level == "region" and axis.name == "Lyman axis (front sector)"


@pytest.mark.model
@pytest.mark.parametrize("text, language, name", [
    ("Штурмовые отряды продвинулись на авдеевском направлении.", "ru", "Avdiivka axis (front sector)"),
    ("Бои продолжаются на кураховском направлении.", "ru", "Kurakhove axis (front sector)"),
    ("Ситуація на покровському напрямку залишається складною.", "uk", "Pokrovsk axis (front sector)"),
])
def test_a_direction_named_by_a_russian_exonym_is_the_settlements(text, language, name):
    (axis,) = analyse(text, language).places
    assert axis.name == name


@pytest.mark.model
def test_pronouns_and_demonyms_are_not_places():
    text = "Вона сказала правду. Усі це знають. Українці вистояли. Мені не байдуже."
    assert analyse(text, "uk").places == ()


@pytest.mark.model
def test_capitalised_words_of_organisation_names_are_not_villages():
    text = "Речник Сил оборони півдня заявив, що ворог не просунувся."
    doc = analyse(text, "uk")
    assert doc.places == ()
    (event,) = doc.events
    assert event.type == "clash" and event.polarity == "denied" and event.claimed_by == "a1"


@pytest.mark.model
def test_the_words_of_a_name_the_gazetteer_lacks_are_no_villages_of_their_own():
    # "Казачья Локня" and "Новая Локня" are villages of Kursk Oblast the gazetteer lacks, not Локня of Sumy Oblast
    # nor the Luhansk village Новий; a whole name it knows stays one place
    assert analyse("Военные заняли Казачью Локню и Новую Локню.", "ru").places == ()
    assert [p.name for p in analyse("Военные заняли Великую Новоселку.", "ru").places] == ["Velyka Novosilka"]


@pytest.mark.model
def test_a_capitalised_noun_governing_a_genitive_heads_a_name_not_a_village():
    text = "Сьогодні нашим Силам оборони вдалося відбити атаку біля Піщаного."
    assert [p.text for p in analyse(text, "uk").places] == ["Піщаного"]
    assert [p.text for p in analyse("Ворог обстріляв Піски Донецької області.", "uk").places][0] == "Піски"


@pytest.mark.model
def test_interceptions_are_not_strikes():
    text = "Силы ПВО перехватили и уничтожили 22 беспилотника над Курской областью."
    doc = analyse(text, "ru")
    assert {e.type for e in doc.events} == {"other"}
    assert doc.events[0].quantity == 22


@pytest.mark.model
@pytest.mark.parametrize("text, language, kind, trigger", [
    ("Подразделения освободили село Степное в Запорожской области.", "ru", "territory_control", "освободили"),
    ("Город взят под контроль российскими войсками.", "ru", "territory_control", "взят под контроль"),
    ("Село перешло под контроль армии России, сообщили военные.", "ru", "territory_control", "перешло под контроль"),
    ("Росіяни окупували село Іванівка на Харківщині.", "uk", "territory_control", "окупували"),
    ("Ворог захопив кілька будинків у Вовчанську.", "uk", "territory_control", "захопив"),
    ("Наші воїни утримують позиції біля Часового Яру.", "uk", "territory_control", "утримують позиції"),
    ("Захисники відбили штурм на Покровському напрямку.", "uk", "attack_repelled", "відбили штурм"),
    ("Войска отразили три атаки противника.", "ru", "attack_repelled", "отразили три атаки"),
    ("Захисники відбили 30 атак.", "uk", "attack_repelled", "відбили 30 атак"),
    ("Армія відвела війська з міста.", "uk", "withdrawal", "відвела війська"),
    ("Ночью противник нанёс удар по Одессе.", "ru", "strike", "удар"),
    ("Ворог обстріляв Херсон з артилерії.", "uk", "strike", "обстріляв"),
    # rounds fired at places listed between the verb and the count
    ("ВСУ выпустили по Алешкам и Голой Пристани более 40 снарядов.", "ru", "strike",
     "выпустили по Алешкам и Голой Пристани более 40 снарядов"),
    ("В результате обстрела погибли два человека.", "ru", "casualties", "погибли"),
    ("Внаслідок атаки загинули троє людей.", "uk", "casualties", "загинули"),
    ("Из прифронтовых сёл продолжается эвакуация.", "ru", "evacuation", "эвакуация"),
    ("Триває евакуація жителів Куп'янська.", "uk", "evacuation", "евакуація"),
    ("Министр говорил о создании буферной зоны.", "ru", "security_zone", "буферной зоны"),
    ("На фронті точаться запеклі бої.", "uk", "clash", "бої"),
    ("Российские войска заблокировали Мариуполь.", "ru", "clash", "заблокировали"),  # a blockade (guide)
    ("Ворог зосередив там до 50 тисяч військових.", "uk", "other", "зосередив"),  # a build-up (guide)
])
def test_event_vocabulary_of_both_sides(text, language, kind, trigger):
    doc = analyse(text, language)
    assert any(e.type == kind and part(text, e.trigger) == trigger for e in doc.events), doc.events


@pytest.mark.model
def test_event_counts_dates_and_places():
    text = "За минувшие сутки ВС РФ заняли четыре села в Запорожской области."
    doc = analyse(text, "ru", "2024-05-12")
    (event,) = [e for e in doc.events if e.type == "territory_control"]
    assert event.quantity == 4
    assert event.when == "2024-05-11/2024-05-12"
    assert event.places == ("UA23000000000064947",)
    assert event.claimed_by is None and event.polarity == "asserted" and event.modality == "factual"


@pytest.mark.model
@pytest.mark.parametrize("text, language, kind, quantity", [
    ("Противник потерял до 3 000 военнослужащих.", "ru", "casualties", 3000),
    ("Внаслідок удару загинули п'ятеро людей.", "uk", "casualties", 5),
    ("Внаслідок удару загинули п'ятеро людей.", "uk", "strike", None),  # people count casualties, not strikes
    ("Ворог контролює 30% території міста.", "uk", "territory_control", None),  # a share is not a count
    # a number of things in the clause before a comma counts no losses ("три автомобиля, пострадавших нет")
    ("В Шебекино осколками повреждены три автомобиля, пострадавших нет.", "ru", "casualties", None),
    ("Противник потерял до 1 тыс. 240 военнослужащих.", "ru", "casualties", 1240),  # an abbreviated thousand
    ("Загинули чоловік і жінка.", "uk", "casualties", 2),  # persons named one by one
    ("Потери Украины составили 500 человек.", "ru", "casualties", 500),  # losses counted, not a loss of land
    ("Потери ВСУ за последние сутки — до 80 человек.", "ru", "casualties", 80),  # a dash for the verb
    ("Противник закрепился в восточной части города.", "ru", "territory_control", None),  # part of a town held
    ("Войска заняли посёлок.", "ru", "territory_control", 1),  # the town taken
    ("Кількість поранених – 17.", "uk", "casualties", 17),
])
def test_counts(text, language, kind, quantity):
    doc = analyse(text, language)
    (event,) = [e for e in doc.events if e.type == kind]
    assert event.quantity == quantity


@pytest.mark.model
def test_a_denial_cue_denies_the_claimed_event():
    text = "В Кремле опровергли сообщения о наступлении на Харьков."
    doc = analyse(text, "ru")
    (a,) = doc.attributions
    assert a.speaker == "Kremlin" and a.evidentiality == "denied"
    (event,) = doc.events
    assert event.type == "clash" and event.claimed_by == a.id and event.polarity == "denied"


@pytest.mark.model
def test_claimed_negated_and_future_events():
    text = ("Генштаб ЗСУ повідомив, що ворогу не вдалося захопити село. "
            "Командування планує наступ на півдні.")
    doc = analyse(text, "uk")
    capture = next(e for e in doc.events if e.type in ("territory_control", "clash")
                   and part(text, e.trigger).startswith("захопити"))
    assert capture.claimed_by == doc.attributions[0].id
    offensive = next(e for e in doc.events if part(text, e.trigger) == "наступ")
    assert offensive.type == "clash" and offensive.modality == "future"


@pytest.mark.model
@pytest.mark.parametrize("text, language", [
    ("Путин приказал отменить штурм промзоны.", "ru"),
    ("Армия отказалась от штурма города.", "ru"),
    ("Командування скасувало наступ на Бахмут.", "uk"),
])
def test_an_act_called_off_is_denied(text, language):
    (event,) = analyse(text, language).events
    assert event.type == "clash" and event.polarity == "denied"


@pytest.mark.model
def test_records_keep_the_english_path_and_mark_languages():
    from claimledger.record import document_to_record

    record = document_to_record(analyse("Росіяни обстріляли Харків.", "uk"))
    assert record["language"] == "uk"
    assert record["places"][0]["name"] == "Kharkiv"
    assert record["events"][0]["type"] == "strike"


@pytest.mark.model
@pytest.mark.parametrize("text, language, speaker", [
    ("Как сообщило Минобороны России, удар нанесён по складу.", "ru", "Russian Ministry of Defence"),
    ("У Генштабі повідомили, що ворог відступив.", "uk", "General Staff of the Armed Forces of Ukraine"),
    ("Пресс-секретарь Кремля Дмитрий Песков заявил, что переговоров нет.", "ru", "Dmitry Peskov"),
    ("Глава администрации Иван Петров заявил, что обстрелов нет.", "ru", "Ivan Petrov"),
    ("Голова ОВА Олег Коваленко заявив, що обстрілів немає.", "uk", "Oleh Kovalenko"),
])
def test_speakers_are_canonical_across_languages(text, language, speaker):
    doc = analyse(text, language)
    assert doc.attributions[0].speaker == speaker


@pytest.mark.model
def test_a_lone_surname_takes_the_full_name_given_before():
    text = ("Губернатор Олег Коваленко заявив, що ворог обстріляв село. "
            "Коваленко також повідомив, що поранено двох людей.")
    doc = analyse(text, "uk")
    assert [a.speaker for a in doc.attributions] == ["Oleh Kovalenko", "Oleh Kovalenko"]


# -- quality floor on the internal ru/uk gold, read in place when it is on this machine --------------

INTERNAL_GOLD = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "war_news_ru_uk_dev.jsonl"
# (language, layer, figure, measure) -> floor; measured 2026-12-01 (see the closing note of issue 5).
FLOORS = {
    ("ru", "attributions", "claim", "f1"): 0.93,   # measured 0.978
    ("ru", "attributions", "speaker", "accuracy"): 0.78,  # measured 0.818
    ("uk", "attributions", "speaker", "accuracy"): 0.85,  # measured 0.938
    ("uk", "attributions", "claim", "f1"): 0.93,   # measured 0.970
    ("ru", "places", "ref", "accuracy"): 0.90,     # measured 0.926
    ("uk", "places", "ref", "accuracy"): 0.97,     # measured 1.000
    ("ru", "events", "type", "f1"): 0.92,          # measured 0.964
    ("uk", "events", "type", "f1"): 0.77,          # measured 0.800 on 2026-12-03 (was 0.760)
    # event places (the same set of places), measured 2026-12-03 with place_aliases in the scorer
    ("ru", "events", "places", "accuracy"): 0.67,  # measured 0.700 on 2026-12-04 (0.675 on 12-03, 0.550 before)
    ("uk", "events", "places", "accuracy"): 0.82,  # measured 0.850 on 2026-12-04 (0.800, 0.684)
}


@pytest.fixture(scope="module")
def internal_report():
    if not INTERNAL_GOLD.is_file():
        pytest.skip(f"internal ru/uk gold not on this machine ({INTERNAL_GOLD})")
    from claimledger.evaluate import score_records
    from claimledger.evaluate.predictions import predict_records, read_gold

    gold = read_gold(INTERNAL_GOLD)
    return score_records(gold, predict_records(gold)).to_dict(errors=False)


@pytest.mark.model
@pytest.mark.parametrize("key", sorted(FLOORS), ids=lambda k: ".".join(k))
def test_ru_uk_quality_floor(internal_report, key):
    language, layer, figure, measure = key
    value = internal_report[layer][language]["figures"][figure][measure]
    assert value >= FLOORS[key], f"{language} {layer} {figure} {measure} fell to {value:.3f} (floor {FLOORS[key]})"


@pytest.mark.model
def test_russian_subject_before_the_object_is_the_source_not_the_previous_speaker():
    text = ("Министр заявил, что войска заняли село. Украинская сторона эти данные опровергла: "
            "атака была отбита.")
    doc = analyse(text, "ru")
    denial = next(a for a in doc.attributions if part(text, a.cue) == "опровергла")
    assert part(text, denial.source) == "Украинская сторона"
    assert denial.evidentiality == "denied"


# -- Russian spellings of Ukrainian settlements beyond the letter mapping ----------------------------


@pytest.mark.model
@pytest.mark.parametrize("text, surface, ref", [
    ("Российские войска освободили село Работино.", "Работино", "UA23100270150025192"),  # Роботине
    ("Бои продолжаются у Работина.", "Работина", "UA23100270150025192"),
    ("Наступление развивается под Угледаром.", "Угледаром", "UA14040050010075856"),  # Вугледар
    ("Штурмовики закрепились под Часовым Яром.", "Часовым Яром", "UA14020130010015598"),  # Часів Яр
    ("Противник закрепился в Клещеевке.", "Клещеевке", "UA14020010120064151"),  # Кліщіївка
    ("Подразделения продвинулись у Старомайорского.", "Старомайорского", "UA14040010180012001"),
])
def test_russian_forms_of_ukrainian_settlements_resolve(text, surface, ref):
    doc = analyse(text, "ru")
    assert [(p.text, p.ref) for p in doc.places if p.text == surface] == [(surface, ref)]


@pytest.mark.model
def test_a_russian_form_of_many_villages_stays_ambiguous():
    doc = analyse("Бои идут под Новомихайловкой.", "ru")
    (place,) = doc.places
    assert place.ref is None and len(place.candidates) > 1  # reported, not guessed


def test_correspondences_keep_the_ending_class():
    from claimledger.extract.places.gazetteer import load_gazetteer
    from claimledger.extract.places.spellings_ru_uk import corresponding_settlements

    gaz = load_gazetteer()
    assert {e.name for e in corresponding_settlements(gaz, "Орехов")} == {"Orikhiv"}  # not Оріхове
    assert {e.name for e in corresponding_settlements(gaz, "Работином")} == {"Robotyne"}
    assert corresponding_settlements(gaz, "Кремле") == []
    # a root vowel of the two languages' words (у for и/і) and о after ц as е, at most one loose vowel
    assert "UA63120090160050552" in {e.ref for e in corresponding_settlements(gaz, "Глубокое")}  # Глибоке
    assert {e.ref for e in corresponding_settlements(gaz, "Огурцово")} == {"UA63140010470054692"}  # Огірцеве
    assert corresponding_settlements(gaz, "Гулубокое") == []  # two loose vowels: no village
    # е after a labial is 'я ("Каменка" -> Кам'янка), not any vowel ("Камонка" is nothing)
    assert "Кам’янка" in {e.name_uk for e in corresponding_settlements(gaz, "Каменку")}
    assert corresponding_settlements(gaz, "Камонку") == []
    # ordinals and roots that are other words in Ukrainian; е after a hushing consonant as о
    assert {e.name_uk for e in corresponding_settlements(gaz, "Новоселовки Первой")} == {"Новоселівка Перша"}
    assert "Залізне" in {e.name_uk for e in corresponding_settlements(gaz, "Железное")}
    assert "Чорне" in {e.name_uk for e in corresponding_settlements(gaz, "Черное")}
    # ... inside a compound too ("Новоеленовки" -> Новооленівка)
    assert "Новооленівка" in {e.name_uk for e in corresponding_settlements(gaz, "Новоеленовки")}


@pytest.mark.model
@pytest.mark.parametrize("text, language, names", [
    # the adjective that opens a longer name is no village of its own ("Нижний Клин": no Нижній of Luhansk Oblast)
    ("Атаки в направлении населенных пунктов Нижний Клин и Дарьино отражены.", "ru", []),
    ("Голова Харківської ОДА повідомив про обстріл.", "uk", []),  # a toponym inside an office's name
    ("Обстрел Великого Бурлука.", "ru", ["Великого Бурлука"]),   # a longer name the gazetteer knows stays whole
    # the object of a capture is a place even when natasha reads a person; a person stays one
    ("ВС РФ освободили Нелеповку.", "ru", ["РФ", "Нелеповку"]),
    ("Войска освободили Петра Иванова.", "ru", []),
    # ... and the genitive after a noun of such an act ("о взятии Степового", natasha: a person)
    ("В Минобороны сообщили о взятии Степового.", "ru", ["Степового"]),
    ("Шойгу доложил об освобождении Петра Иванова.", "ru", []),
    ("У Міноборони РФ заявили про «звільнення» Очеретиного.", "uk", ["РФ", "Очеретиного"]),  # a scare-quoted act
])
def test_adjectives_opening_names_and_objects_of_captures(text, language, names):
    assert [p.text for p in analyse(text, language).places] == names


@pytest.mark.model
def test_settlements_listed_after_in_that_number_are_places():
    doc = analyse("За неделю освобождены пять населенных пунктов, в том числе Зеленое и Андреевка.", "ru")
    assert [p.text for p in doc.places] == ["Зеленое", "Андреевка"]


@pytest.mark.model
def test_a_village_deep_in_russia_does_not_hide_the_ukrainian_one_of_its_name():
    doc = analyse("Освобожден поселок Ясная Поляна в Донецкой Народной Республике.", "ru")
    (place,) = [p for p in doc.places if p.text == "Ясная Поляна"]
    assert place.ref is None and all(c.startswith("UA14") for c in place.candidates[:2])  # two in the oblast
    assert [p.ref for p in analyse("Удар по Курску.", "ru").places] == ["geonames:538560"]  # Kursk itself


@pytest.mark.model
def test_a_russian_spelling_outweighs_towns_of_russia_that_only_look_alike():
    doc = analyse("Улучшено положение в районе Каменского Запорожской области.", "ru")
    (place,) = [p for p in doc.places if p.text == "Каменского"]
    # two villages Кам'янське in the oblast, no town of Russia: reported as ambiguous between the two
    assert place.ref is None and set(place.candidates[:2]) == {"UA23040030070077377", "UA23080270050031278"}
    doc = analyse("Освобождены Пятихатки, улучшено положение в районе Каменского Запорожской области.", "ru")
    assert [p.ref for p in doc.places if p.text == "Каменского"] == ["UA23040030070077377"]  # by Пятихатки


@pytest.mark.model
def test_every_village_of_a_liberated_list_resolves_in_its_oblast():
    doc = analyse("Подразделения группировки войск «Север» освободили населённые пункты Глубокое, Стрелечья, "
                  "Борисовка и Огурцово в Харьковской области.", "ru")
    refs = {p.text: p.ref for p in doc.places}
    assert refs == {"Глубокое": "UA63120090160050552", "Стрелечья": "UA63120090140010487",
                    "Борисовка": "UA63120090020022302", "Огурцово": "UA63140010470054692",
                    "Харьковской области": "UA63000000000041885"}
    (event,) = [e for e in doc.events if e.type == "territory_control"]
    assert set(refs.values()) - {"UA63000000000041885"} <= set(event.places)


@pytest.mark.model
@pytest.mark.parametrize("text, ref", [
    ("В Борисовке Белгородской области ранены двое.", "geonames:572500"),  # the Russian town
    ("В Борисовке Харьковской области ранены двое.", "UA63120090020022302"),  # the Ukrainian village
])
def test_a_russian_border_oblast_places_its_towns(text, ref):
    from claimledger.extract.places.gazetteer import load_gazetteer

    assert [p.ref for p in analyse(text, "ru").places if p.text == "Борисовке"] == [ref]
    assert load_gazetteer().get("geonames:572500").oblast == "area:Belgorod Oblast"  # the area's own id


@pytest.mark.model
@pytest.mark.parametrize("text, places", [
    # the republic's full name is one place (its claimed oblast), not the village Donetskyi and a republic
    ("Освобожден населенный пункт в Донецкой Народной Республике.",
     [("Донецкой Народной Республике", "UA14000000000091971")]),
    ("В Харьковской области идут бои.", [("Харьковской области", "UA63000000000041885")]),
    # two capitalised words that spell a village are one name, and a name after it in a list is a place (the
    # front-line Velyka Novosilka, as nothing else is named; Bilohorivka has homonyms in two front oblasts)
    ("Бои идут за Великую Новоселку и Белогоровку.", [("Великую Новоселку", "UA14040010010027148"), ("Белогоровку", None)]),
    # a raion in a case form, cities natasha reads as people after "по", a sea
    ("Бои идут в Купянском районе.", [("Купянском районе", "UA63080000000032022")]),
    ("Удары нанесены по Кривому Рогу и Николаеву.", [("Кривому Рогу", "UA12060170010065850"),
                                                     ("Николаеву", "UA48060150010035747")]),
    ("Санкции по Путину и Лаврову.", []),
    ("Дроны сбиты над Черным морем.", [("Черным морем", None)]),
    # a river is no place (the guide), not the city of its name; a town after the river's name is
    ("Удар нанесен по переправе на левом берегу Днепра.", []),
    ("Ракетный удар по Днепру.", [("Днепру", "UA12020010010037010")]),
    ("Бои у реки Оскол под Купянском.", [("Купянском", "UA63080090010026457")]),
    # "в районах A, B и C" opens a list: an adjectival village name at its end is a place too
    ("Противник пытался продвинуться в районах Керамика и Уманского.",
     [("Керамика", "UA14160190040090584"), ("Уманского", "UA14160190300027538")]),
])
def test_names_of_several_words(text, places):
    assert [(p.text, p.ref) for p in analyse(text, "ru").places] == places


@pytest.mark.model
def test_a_long_list_of_places_is_read_whole():
    # every mention is resolved against each place once, not against every other mention
    text = "Обстрелу подверглись " + ", ".join(["Белозерка", "Станислав", "Херсон"] * 200) + "."
    places = analyse(text, "ru").places
    assert len(places) >= 590 and {p.name for p in places} == {"Bilozerka", "Stanislav", "Kherson"}


@pytest.mark.model
def test_names_in_a_list_of_places_are_places_not_people():
    doc = analyse("Российские войска обстреляли Херсон. Кроме того, под обстрелом оказались Белозерка, Антоновка и "
                  "Станислав. Об этом сообщил Станислав Иванов.", "ru")
    assert [p.text for p in doc.places if p.ref == "UA65100130010098730"] == ["Станислав"]  # the village, once


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "В Работе комиссии участвовал министр.",
    "Вопрос обсудили у Зеленского.",
    "Бои идут в районе микрорайона Канал.",  # a part of a town, not the village Kanal
    "Об этом сообщили у Пескова.",
    "Совещание у Сырского длилось долго.",
])
def test_common_words_and_people_do_not_become_villages(text):
    assert not analyse(text, "ru").places


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Ми боремося на всіх фронтах: Півдні, Сході, Півночі.",  # the fronts, not the village Схід
    "Нам вистачає мужності боронити свою Батьківщину.",  # the homeland, not the village Батьківщина
    "Вже працює новий очільник адміністрації. Максим Марченко. Військовий.",  # a surname after a first name
])
def test_capitalised_common_nouns_and_surnames_are_no_ukrainian_villages(text):
    assert not analyse(text, "uk").places


@pytest.mark.model
def test_a_village_named_like_a_common_noun_after_a_settlement_noun():
    assert [p.name for p in analyse("Обстріляли село Схід.", "uk").places] == ["Skhid"]


# -- event places: a place in the actor's phrase is who acts, not where ------------------------------


@pytest.mark.model
@pytest.mark.parametrize("text, language, kind, kept, dropped", [
    ("Нашим захисникам вдалося відбити спробу Росії наступати на Куп’янськ.", "uk", "attack_repelled",
     "UA63080090010026457", "geonames:2017370"),
    ("Удар Украины по Курску отбит.", "ru", "attack_repelled", "geonames:538560", "geonames:690791"),
])
def test_a_genitive_actor_is_not_an_event_place(text, language, kind, kept, dropped):
    event = next(e for e in analyse(text, language).events if e.type == kind)
    assert kept in event.places and dropped not in event.places


@pytest.mark.model
def test_a_settlement_in_the_genitive_stays_the_event_place():
    event = next(e for e in analyse("ЗСУ відбили штурм Бахмута.", "uk").events if e.type == "attack_repelled")
    assert event.places == ("UA14020010010059145",)


@pytest.mark.parametrize("text, lang, count", [
    ("Вдалося врятувати 28 тисяч 893 українці.", "uk", 28893),
    ("двадцять вісім тисяч вісімсот дев'яносто три людини", "uk", 28893),
    ("двенадцать человек погибли", "ru", 12),
    ("сто двадцять сел", "uk", 120),
    ("1 000 000 людей", "uk", 1_000_000),
    ("три села", "uk", 3),
])
def test_compound_numerals_are_read_whole(text, lang, count):
    from claimledger.extract.language.cyrillic import parse_cyrillic
    from claimledger.extract.language.numbers_ru_uk import number_at

    doc = parse_cyrillic(text, lang)
    found = [number_at(doc, k)[0] for k in range(len(doc.tokens))]
    assert next(v for v in found if v is not None) == count


# -- the voice of an address (voice.py, shared with English) -----------------------------------------


@pytest.mark.parametrize("title, published, voice", [
    ("Ми вистоїмо: звернення Президента України", "2023-03-01", "Volodymyr Zelenskyy"),
    ("Обращение Президента Российской Федерации", "2023-03-01", "Vladimir Putin"),
    ("Выступление Владимира Путина на совещании", "2023-03-01", "Vladimir Putin"),
    ("Прем’єр-міністр України: звернення до громадян", "2023-03-01", "Denys Shmyhal"),
    ("Путин заявил о переговорах", "2023-03-01", None),  # a news report: no authorship noun
    ("Зеленський відвідав Харків", "2023-03-01", None),
])
def test_the_title_of_a_russian_or_ukrainian_address_names_its_author(title, published, voice):
    from claimledger.extract.attribution.voice import document_voice

    assert document_voice(title, published) == voice


@pytest.mark.model
def test_first_person_of_a_ru_uk_address_is_its_author_and_in_a_quote_the_quoted():
    text = "Вчора я заявив, що ворог відступив від міста. Ми повідомили партнерам, що наступ зупинено."
    article = Article(id="t", text=text, language="uk", published="2023-03-01",
                      title="Звернення Президента України")
    from claimledger.pipeline import analyse_article

    assert [a.speaker for a in analyse_article(article).attributions] == ["Volodymyr Zelenskyy"] * 2
    assert [a.speaker.lower() for a in analyse("Вчора я заявив, що ворог відступив від міста.", "uk").attributions] \
        == ["я"]  # no title naming an author: the pronoun stays
    text = "«Мы заявили, что наступление остановлено», — сказал Песков."
    found = {part(text, a.content): a for a in analyse(text, "ru").attributions}
    assert found["наступление остановлено"].speaker == "Dmitry Peskov"  # ends with the quotation
    assert found["наступление остановлено"].parent is not None
    assert found["Мы заявили, что наступление остановлено"].parent is None


@pytest.mark.model
@pytest.mark.parametrize("text, language, kind, places", [
    # the sentence before, same paragraph: its settlement is where the fighting went on
    ("Ситуация в Волчанске остается сложной. Противник обстрелял позиции из артиллерии.", "ru", "strike",
     ("UA63140010010035757",)),
    ("Ворог знову атакував Куп'янськ уранці. Загинули двоє цивільних.", "uk", "casualties",
     ("UA63080090010026457",)),
    # another paragraph, or an event that is not fighting: nothing inherited
    ("Ситуация в Волчанске остается сложной.\n\nПротивник обстрелял позиции из артиллерии.", "ru", "strike", ()),
    ("Делегации прибыли в Волчанск. Переговоры продлились три часа.", "ru", "negotiation", ()),
    # two places before: no single antecedent, nothing guessed
    ("Підрозділи відійшли від Вовчанська та Липців. Там досі тривають бої.", "uk", "clash", ()),
])
def test_a_fighting_event_with_no_place_takes_the_place_of_the_sentence_before(text, language, kind, places):
    event = next(e for e in analyse(text, language).events if e.type == kind)
    assert event.places == places


@pytest.mark.model
@pytest.mark.parametrize("text, language, annexation", [
    ("Уряд просить Європейський Союз прискорити приєднання України до спільного ринку.", "uk",
     False),
    ("Финляндия завершила присоединение к НАТО в прошлом году.", "ru", False),
    ("Україна розраховує на швидке приєднання до Альянсу.", "uk", False),
    ("Росія оголосила про приєднання Криму у 2014 році.", "uk", True),
    ("В 2014 году Россия присоединила Крым.", "ru", True),
])
def test_joining_an_alliance_is_no_change_of_control_but_annexing_territory_is(text, language, annexation):
    kinds = [e.type for e in analyse(text, language).events]
    assert ("territory_control" in kinds) == annexation


@pytest.mark.model
def test_list_items_keep_their_own_places_and_a_town_outweighs_its_country():
    text = ("Коротко о главном: армия освободила два села; под Лиманом продолжаются столкновения; "
            "в Волчанске идет зачистка.")
    events = {part(text, e.trigger): e for e in analyse(text, "ru").events}
    assert events["освободила"].places == ()  # not the places of the other items
    text = "Село Липцы заняли части ВС РФ."
    event = next(e for e in analyse(text, "ru").events if e.type == "territory_control")
    assert event.places == ("UA63120090010039403",)  # Russia acts there: not a place of the event


@pytest.mark.model
@pytest.mark.parametrize("text, kind, places", [
    # a locative phrase right after the trigger says where; the town an act noun governs is that act's
    ("Взятие Липцов позволило увеличить зону безопасности в Харьковской области.", "security_zone",
     ("UA63000000000041885",)),
    # ... but an oblast after the trigger only locates the town taken
    ("Российские войска освободили Волчанск в Харьковской области.", "territory_control", ("UA63140010010035757",)),
    # a country named as the neighbour is no place of the event
    ("Бои идут в граничащих с Россией селах.", "clash", ()),
    # the army of a country acts: the country is not where
    ("Армия России намерена расширять зону безопасности вдоль границы.", "security_zone", ()),
])
def test_ru_event_places_from_the_phrase_after_the_trigger_and_not_from_actors(text, kind, places):
    event = next(e for e in analyse(text, "ru").events if e.type == kind)
    assert event.places == places


@pytest.mark.model
def test_a_bare_settlement_noun_refers_to_the_town_named_before_and_a_force_after_the_verb_acts():
    text = ("Бои за Волчанск продолжались неделю.\n\n"
            "Город заняли подразделения мотострелковой бригады ВС РФ.")
    event = next(e for e in analyse(text, "ru").events if e.type == "territory_control")
    assert event.places == ("UA63140010010035757",)
    assert event.actor.startswith("подразделения") and event.actor.endswith("ВС РФ")  # not Russia as a place
    text = "Бои за Волчанск продолжались неделю.\n\nСегодня освобождены два населенных пункта."
    event = next(e for e in analyse(text, "ru").events if e.type == "territory_control")
    assert event.places == ()  # counted: new ones, not the town before


@pytest.mark.model
@pytest.mark.parametrize("text, language, kinds", [
    ("Українські сили відходять від Липців.", "uk", ["withdrawal"]),
    ("Подразделения ВСУ отошли от Волчанска.", "ru", ["withdrawal"]),
    ("Десантники взяли в кольцо батальон противника у Лимана.", "ru", ["clash"]),  # encirclement
    ("Третій рік іде війна.", "uk", ["clash"]),  # "іде": the war proceeds
    ("Щоб уникнути втрат, командир відвів людей у бліндаж.", "uk", []),  # losses avoided
    ("Во избежание потерь войска отошли на новые рубежи.", "ru", ["withdrawal"]),
])
def test_withdrawing_encircling_a_war_going_on_and_losses_avoided(text, language, kinds):
    assert [e.type for e in analyse(text, language).events] == kinds


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Українська делегація прибула на переговори.",                      # an adjective before its noun, not Ukrainsk
    "Подяку оголошено сержанту Чорному Івану Петровичу.",  # a name before a patronymic
    "Грамоту вручено майору Ткачу Володимиру Андрійовичу.",
    "Церемонія відбулася в Маріїнському палаці вчора.",        # the adjective of a palace, not Mariinsk
    "Кораблі патрулюють води Чорного й Азовського морів.",       # two adjectives of one head
])
def test_adjectives_names_and_common_nouns_are_not_settlements(text):
    places = analyse(text, "uk").places
    assert all(p.level != "settlement" for p in places), [(p.text, p.name) for p in places]


@pytest.mark.model
@pytest.mark.parametrize("text, language", [
    ("Под Лиманом штурмовые отряды улучшили тактическое положение.", "ru"),
    ("Українські підрозділи покращили тактичне положення під Вовчанськом.", "uk"),
])
def test_improving_the_position_at_the_front_is_a_gain_of_territory(text, language):
    assert [e.type for e in analyse(text, language).events] == ["territory_control"]


@pytest.mark.model
def test_the_town_of_an_earlier_act_is_not_the_place_of_what_it_leads_to():
    text = "Командир отметил, что взятие села Липцы открывает путь для нового наступления."
    events = {e.type: e for e in analyse(text, "ru").events}
    assert events["territory_control"].places == ("UA63120090010039403",)  # the taking itself: the village
    assert events["clash"].places == ()  # the offensive it makes possible: not said where


@pytest.mark.model
@pytest.mark.parametrize("text, language, count", [
    ("Осколок снаряда отнял жизнь фотографа агентства.", "ru", 1),  # one person named: one
    ("Журналист был ранен осколком.", "ru", 1),
    ("Внаслідок удару загинули мирні жителі.", "uk", None),  # people, not counted
    ("Погибли пять человек.", "ru", 5),
])
def test_one_person_lost_counts_one(text, language, count):
    event = next(e for e in analyse(text, language).events if e.type == "casualties")
    assert event.quantity == count


@pytest.mark.model
@pytest.mark.parametrize("text, modality", [
    # "перебуває" is the present of перебувати, though the dictionary's first reading is a perfective future
    ("Населений пункт перебуває під контролем українських військ.", "factual"),
    ("Ворог ніколи не захопить Харків.", "future"),  # a perfective future in every reading
    ("Київ зазнає ракетних ударів щодня.", "factual"),  # the present of зазнавати
    ("Того льотчика ми обовʼязково зібʼємо.", "future"),  # a modifier-letter apostrophe
    ("Ця держава почала війну.", "factual"),  # "війну" is war, before a future of війнути
])
def test_ukrainian_present_and_future_tenses_give_the_modality(text, modality):
    (event,) = analyse(text, "uk").events
    assert event.modality == modality


@pytest.mark.model
@pytest.mark.parametrize("text, when", [
    # a bulletin's reporting window dates what follows in its paragraph
    ("За минулу добу на фронті відбулося 120 зіткнень. Ворог обстріляв Куп'янськ.", "2024-05-11/2024-05-12"),
    # a range open since a date is no reporting window
    ("З 24 лютого тривають бої. Ворог обстріляв Куп'янськ.", None),
    # nor does the day an address speaks of date an act said to repeat every day
    ("Сьогодні ворог атакував Харків. Прикордонники зазнають щоденних обстрілів.", None),
])
def test_the_context_dates_only_single_acts_within_a_reporting_window(text, when):
    strikes = [e for e in analyse(text, "uk").events if e.type == "strike"]
    assert strikes[-1].when == when


@pytest.mark.model
def test_ukrainian_function_words_and_first_names_take_their_own_reading():
    from claimledger.extract.language.cyrillic import analyse_word

    # the dictionary reads "Про", "Під" first as nouns (letter names), "Ганна" as the genitive of a surname
    assert [analyse_word(w, "uk")[1] for w in ("Про", "Під", "до", "серед")] == ["PREP"] * 4
    assert [p.text for p in analyse("Бої точилися Під Васильковом.", "uk").places] == ["Васильковом"]
    doc = analyse("Ворог відступив. Про це повідомила Ганна Маляр.", "uk")
    assert [a.speaker for a in doc.attributions] == ["Hanna Maliar"]


@pytest.mark.model
def test_an_adjectival_village_in_an_oblique_case_is_read_as_neuter_too():
    # "Северного" is the genitive of Северный and of Северное (Сєверне): a village is a село, so its name is
    # neuter, and the village of Avdiivka's hromada listed beside Ласточкино wins over a Belgorod suburb
    doc = analyse("Бои продолжаются в районе Ласточкино и Северного, западнее Авдеевки.", "ru")
    assert {p.text: p.name for p in doc.places}["Северного"] == "Sieverne"
    (place,) = analyse("Бои идут у Северного.", "ru").places
    assert place.ref is None and "UA14160190390068286" in place.candidates  # no context: left open


@pytest.mark.model
@pytest.mark.parametrize("text, name", [
    # a "-щина" name of a town's district is the raion named after the town
    ("Росіяни атакували Нікопольщину дронами.", "Nikopol Raion"),
    ("Окупанти обстріляли Куп'янщину.", "Kupiansk Raion"),
    ("На Ізюмщині знайшли тіла.", "Izium Raion"),
    ("Обстріл Харківщини.", "Kharkiv Oblast"),  # an oblast's name stays the oblast
])
def test_a_district_nickname_is_the_raion_of_its_town(text, name):
    assert [p.name for p in analyse(text, "uk").places] == [name]


@pytest.mark.model
@pytest.mark.parametrize("text, names", [
    # an abbreviated settlement noun opens a place, also for a name natasha reads as a person
    ("Российские подразделения продвинулись в районе н.п. Гродовка и Новогродовка.", ["Hrodivka", "Novohrodivka"]),
    ("Бои идут у с. Работино.", ["Robotyne"]),
    ("Высота 5 м. Иванов сказал.", []),  # metres and a person
])
def test_an_abbreviated_settlement_noun_opens_a_place(text, names):
    assert [p.name for p in analyse(text, "ru").places] == names


@pytest.mark.model
@pytest.mark.parametrize("text, names", [
    # an adjectival village name as the object of a capture; "ье" of a Russian name is "йо" in Ukrainian
    ("Силы обороны Украины освободили Урожайное в Донецкой области.", ["Ukraine", "Urozhaine", "Donetsk Oblast"]),
    ("Враг продвинулся у Новокалиново и Соловьево.", ["Novokalynove", "Soloviove"]),
    ("Украинские войска отступили.", []),
])
def test_adjectival_villages_taken_and_soft_sign_spellings(text, names):
    assert [p.name for p in analyse(text, "ru").places] == names


@pytest.mark.model
@pytest.mark.parametrize("text, language", [
    ("В Киеве информацию о взятии Соледара опровергли, заявив, что бои за город продолжаются.", "ru"),
    ("Информацию о взятии Соледара в Генштабе ВСУ опровергли.", "ru"),
    ("У Генштабі ЗСУ інформацію про захоплення Соледара спростували.", "uk"),
])
def test_a_capture_reported_in_a_fronted_object_of_a_denial_is_denied_there(text, language):
    doc = analyse(text, language)
    capture = next(e for e in doc.events if e.type == "territory_control")
    assert capture.polarity == "denied" and capture.claimed_by is not None
    assert [p.name for p in doc.places if p.ref in capture.places] == ["Soledar"]


@pytest.mark.model
def test_a_body_countering_disinformation_named_in_the_source_denies_nothing():
    doc = analyse("Силы обороны Украины начали новое наступление в Курской области, сообщил руководитель Центра "
                  "противодействия дезинформации Андрей Коваленко.", "ru")
    assert [e.polarity for e in doc.events if e.type == "clash"] == ["asserted"]
    assert [e.polarity for e in analyse("Сообщения об ударе по Киеву - фейк.", "ru").events] == ["denied"]


@pytest.mark.model
def test_an_adjective_before_its_noun_is_no_town_however_ner_reads_it():
    assert not [p for p in analyse("Церемония прошла в Георгиевском зале Кремля.", "ru").places
                if p.text == "Георгиевском"]


@pytest.mark.model
@pytest.mark.parametrize("text, language, expected", [
    ("Путин отметил, что положения мирного плана могут быть взяты за основу урегулирования в Киеве.", "ru", []),
    ("Президент подписал договоры о принятии в состав России ДНР, ЛНР, Запорожской и Херсонской областей.", "ru",
     [("territory_control", {"Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast"})]),
])
def test_an_idiom_of_taking_takes_nothing_and_joining_a_state_annexes(text, language, expected):
    doc = analyse(text, language)
    names = {p.ref or p.name: p.name for p in doc.places}
    assert [(e.type, {names.get(k, k) for k in e.places}) for e in doc.events if e.type == "territory_control"] \
        == expected


@pytest.mark.model
def test_a_russian_spelling_among_front_villages_is_the_ukrainian_village_not_a_town_abroad():
    # "Пушкино" spells a Moscow-region town (100,000 people) and Пушкіно of Zakarpattia; among villages of Pokrovsk
    # raion it is Пушкіне there
    doc = analyse("На Покровском направлении агрессор совершил 26 штурмовых действий в районах Мирнограда, Пушкино, "
                  "Новой Полтавки и Жовтого.", "ru")
    assert next(p for p in doc.places if p.text == "Пушкино").ref == "UA14160210400096839"


@pytest.mark.model
def test_two_villages_of_a_list_with_namesakes_in_the_raion_are_the_two_of_one_hromada():
    doc = analyse("Противник пытался прорвать оборону в районах Мирноград, Лысовка, Новотроицкое и Селидово.", "ru")
    refs = {p.text: p.ref for p in doc.places}
    # Pokrovsk raion has two Лисівка/Лісівка and two Новотроїцьке; the list names those of Pokrovsk hromada
    assert refs["Лысовка"] == "UA14160210140059120" and refs["Новотроицкое"] == "UA14160210220065835"


@pytest.mark.model
def test_an_adjective_before_hromada_names_a_hromada_not_a_raion():
    doc = analyse("Під ударом були Нікополь, Марганецька, Покровська та Червоногригорівська громади.", "uk")
    levels = {p.text: p.level for p in doc.places}
    assert levels["Покровська"] != "raion" and levels["Червоногригорівська громади"] == "region"
    assert not [p for p in analyse("Ворог атакує десятки українських громад.", "uk").places if p.ref]
