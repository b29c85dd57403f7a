"""Russian and Ukrainian events of addresses and news (issue 12): triggers, senses, counts and dates.

The sentences are invented for these tests. Dates are pure rules; events run the real pipeline.
"""
from __future__ import annotations

import pytest

from claimledger.extract.dates.dates_ru_uk import address_day, resolve_when_ru_uk, speaking_day
from claimledger.models import Article


# -- dates: pure rules, no model -------------------------------------------------------------------


@pytest.mark.parametrize("published, expected", [
    ("2023-07-09T01:30", "2023-07-08"),  # an evening address put out after midnight
    ("2023-07-09T05:59:59", "2023-07-08"),
    ("2023-07-09T06:00", "2023-07-09"),
    ("2023-07-09T21:15", "2023-07-09"),
    ("2023-07-09", "2023-07-09"),  # no clock: the date itself
    (None, None),
])
def test_the_speaking_day_of_a_report(published, expected):
    assert speaking_day(published) == expected


@pytest.mark.parametrize("text, published, expected", [
    ("Сьогодні окупанти обстріляли село.", "2023-07-09T01:30", "2023-07-08"),
    ("Вчора ворог атакував місто.", "2023-07-09T02:00", "2023-07-07"),
    ("Учора ворог атакував місто.", "2023-07-09T14:00", "2023-07-08"),  # the у- spelling after a vowel
    ("Сегодня противник атаковал город.", "2023-07-09T14:00", "2023-07-09"),
    ("Від початку цього червня наші сили зупинили ворога.", "2023-07-09", "2023-06-01/2023-07-09"),
    ("С начала июня войска продвинулись.", "2023-07-09", "2023-06-01/2023-07-09"),
    ("За сім днів ворог випустив багато ракет.", "2023-07-09", "2023-07-03/2023-07-09"),
    ("За 3 дні евакуювали сотні людей.", "2023-07-09", "2023-07-07/2023-07-09"),
    ("У попередні два дні тривали бої.", "2023-07-09", "2023-07-07/2023-07-09"),
    ("Це був десятий день війни.", "2022-03-20", "2022-03-05"),
    ("На 30-й день вторгнення ворог відступив.", "2022-04-01", "2022-03-25"),
    ("На пятый день специальной военной операции шли бои.", "2022-03-10", "2022-02-28"),
    ("За цей день ми відбили вісім атак.", "2023-07-09T00:20", "2023-07-08"),
    ("Обстріл стався 3 серпня.", "2023-07-09", "2023-08-03"),  # an announced day a few weeks on stays this year
    ("Переговори призначено на 15 серпня.", "2022-03-01", "2022-08-15"),  # not back before the invasion
    ("Переговори відбулися 15 серпня.", "2023-03-01", "2022-08-15"),  # after it the year before is fine
    ("У грудні Росія висунула вимоги.", "2022-03-10", "2021-12"),  # a month alone may be before the war
    ("Ворог обстрілює місто з 3 червня.", "2024-01-10", "2023-06-03/2024-01-10"),
    ("Обстріли триватимуть з 20 квітня.", "2022-03-01", None),  # a start after publication: no range
    ("Бої точилися 20–22 травня.", "2023-07-09", "2023-05-20/2023-05-22"),
    ("С 5 по 7 июня шли бои.", "2023-07-09", "2023-06-05/2023-06-07"),
    ("Удар завдали 20-го травня.", "2023-07-09", "2023-05-20"),
    # 2023-07-12 is a Wednesday
    ("Минулого тижня ворог атакував Херсон.", "2023-07-12", "2023-07-03/2023-07-09"),
    ("На прошлой неделе шли бои.", "2023-07-12", "2023-07-03/2023-07-09"),
    ("У ніч з 4 на 5 травня ворог атакував місто.", "2023-07-12", "2023-05-04/2023-05-05"),
    ("В ночь с 4 на 5 мая противник атаковал.", "2023-07-12", "2023-05-04/2023-05-05"),
    ("Три дні тому ворог обстріляв село.", "2023-07-12", "2023-07-09"),
    ("Два дня назад шли бои.", "2023-07-12", "2023-07-10"),
    ("Село окуповане з 2014 року.", "2023-07-12", "2014/2023-07-12"),
    ("Цього місяця ворог посилив обстріли.", "2023-07-12", "2023-07"),
    ("Завтра відбудеться зустріч.", "2023-07-12", "2023-07-13"),
    ("Минулого понеділка ворог атакував.", "2023-07-12", "2023-07-10"),
    ("В прошлую пятницу противник атаковал.", "2023-07-12", "2023-07-07"),
    # a running count of days or weeks up to publication
    ("Третій день поспіль тривають бої.", "2023-07-12", "2023-07-10/2023-07-12"),
    ("Уже вторые сутки идут бои.", "2023-07-12", "2023-07-11/2023-07-12"),
    ("Вже другий тиждень ворог штурмує місто.", "2023-07-12", "2023-06-29/2023-07-12"),
    ("Третий день подряд противник обстреливает город.", "2023-07-12", "2023-07-10/2023-07-12"),
    # ... or with a present-tense verb after it; after a preposition the ordinal is one day of something else
    ("Украинские войска второй день ведут наступление.", "2023-07-12", "2023-07-11/2023-07-12"),
    ("Другий тиждень окупанти штурмують Авдіївку.", "2023-07-12", "2023-06-29/2023-07-12"),
    ("Третю добу тривають бої.", "2023-07-12", "2023-07-10/2023-07-12"),
    ("На второй день наступления шли бои.", "2023-07-12", None),
])
def test_relative_and_counted_dates(text, published, expected):
    assert resolve_when_ru_uk(text, published) == expected


@pytest.mark.parametrize("title, published, expected", [
    ("Президент звернувся до українців наприкінці другого дня війни", "2022-02-26T23:10", "2022-02-25"),
    ("Обращение Президента 5 мая", "2023-05-06T10:00", "2023-05-05"),
    ("Обращение Президента 5 мая", "2023-05-05T20:00", None),  # the day itself: nothing to move
    ("Обстріл Харкова 5 травня", "2023-05-06T10:00", None),  # no address: the day of an event
    ("Звернення Президента про події 5 квітня", "2023-05-06T10:00", None),  # a month back: what it is about
    (None, "2023-05-06T10:00", None),
])
def test_an_address_title_names_the_day_it_was_given(title, published, expected):
    assert address_day(title, published) == expected


def test_a_count_of_days_needs_a_publication_date():
    assert resolve_when_ru_uk("За п'ять днів ворог випустив ракети.", None) is None


# -- events on invented sentences (natasha, pymorphy3, the gazetteer) -------------------------------


def analyse(text: str, language: str, published: str | None = "2023-07-09T20:00"):
    from claimledger.pipeline import analyse_article

    return analyse_article(Article(id="t", text=text, language=language, published=published))


def part(text: str, span) -> str:
    return text[span[0]:span[1]]


@pytest.mark.model
@pytest.mark.parametrize("text, kind, trigger", [
    ("Окупанти вбивають людей у прифронтових селах.", "casualties", "вбивають"),
    ("Сьогодні вдалося вивезти майже дві тисячі наших людей з Оріхова.", "evacuation", "вивезти"),
    ("На сході тривають наші захисні дії.", "clash", "захисні дії"),
    ("Бахмут залишається заблокованим з трьох боків.", "clash", "заблокованим"),
    ("За ніч по Україні було випущено 40 крилатих ракет.", "strike", "випущено 40 крилатих ракет"),
    ("Окупанти захопили в полон голову громади Каховки.", "other", "захопили в полон"),
    ("Наші воїни відстояли Харків.", "attack_repelled", "відстояли"),
    ("Окупанти катують полонених.", "other", "катують"),
    ("Виганяйте окупантів з нашої землі!", "withdrawal", "Виганяйте окупантів"),
    ("Ми вимагаємо звільнити журналістку з полону.", "other", "звільнити журналістку з полону"),
    ("У Ворзелі окупанти били «Градами» по дитячому будинку.", "strike", "били «Градами» по"),
    ("Вони продовжують бити по наших містах: Харків, Чернігів.", "strike", "бити по"),
])
def test_ukrainian_address_vocabulary(text, kind, trigger):
    doc = analyse(text, "uk")
    assert any(e.type == kind and part(text, e.trigger) == trigger for e in doc.events), doc.events


@pytest.mark.model
def test_hitting_needs_a_place():
    text = "Команда била рекорды по продажам."
    assert not [e for e in analyse(text, "ru").events if e.type == "strike"]
    assert any(e.type == "strike" and part(t, e.trigger) == "били «Градами» по"
               for t in ["ВСУ били «Градами» по Донецку."] for e in analyse(t, "ru").events)


@pytest.mark.model
def test_taking_a_person_captive_is_not_taking_ground():
    text = "Вчора окупанти захопили в полон голову громади Каховки."
    doc = analyse(text, "uk")
    assert not any(e.type == "territory_control" for e in doc.events), doc.events


@pytest.mark.model
def test_a_crime_named_as_a_verdict_is_no_new_event():
    text = "Окупанти обстріляли житловий будинок у Запоріжжі. Це воєнний злочин. За цей злочин буде трибунал."
    doc = analyse(text, "uk")
    assert not any(part(text, e.trigger).startswith("злочин") for e in doc.events), doc.events
    assert any(e.type == "strike" for e in doc.events)


@pytest.mark.model
def test_heroes_lost_are_casualties_and_evacuees_are_counted():
    text = "На жаль, за сьогодні ми втратили 12 наших героїв. Ми вже евакуювали понад 300 людей."
    doc = analyse(text, "uk")
    lost = next(e for e in doc.events if e.type == "casualties")
    assert part(text, lost.trigger) == "втратили" and lost.quantity == 12
    evacuated = next(e for e in doc.events if e.type == "evacuation")
    assert evacuated.quantity == 300


@pytest.mark.model
def test_a_verb_states_the_act_over_a_noun_phrase_of_the_same_event():
    text = "Завдяки роботі гуманітарних коридорів ми евакуювали 500 людей з Ізюма."
    doc = analyse(text, "uk")
    (event,) = [e for e in doc.events if e.type == "evacuation"]
    assert part(text, event.trigger) == "евакуювали" and event.quantity == 500


@pytest.mark.model
def test_an_address_dates_later_events_by_its_today():
    text = ("Сьогодні ворог знову атакував Харків.\n"
            "Окупанти обстріляли Салтівку з реактивної артилерії.")
    doc = analyse(text, "uk", "2023-07-10T00:15")  # put out after midnight: today is the 9th
    strikes = [e for e in doc.events if e.type == "strike"]
    assert strikes and all(e.when == "2023-07-09" for e in strikes), strikes


@pytest.mark.model
@pytest.mark.parametrize("text, published", [
    # a "today" that only describes the day dates nothing after it
    ("Сьогодні був дуже важкий день для Харкова.\nОкупанти обстріляли Салтівку з реактивної артилерії.",
     "2023-07-10T00:15"),
    # a day compared with dates no event
    ("Місто виглядає не так, як вчора. Окупанти обстріляли Салтівку з реактивної артилерії.", "2023-07-10T20:00"),
    # without "today", an undated event stays undated
    ("Вчора була нарада.\nОкупанти обстріляли Салтівку з реактивної артилерії.", "2023-07-10T20:00"),
])
def test_a_strike_takes_no_date_from_a_context_that_frames_none(text, published):
    (strike,) = [e for e in analyse(text, "uk", published).events if e.type == "strike"]
    assert strike.when is None


@pytest.mark.model
def test_a_demanded_act_takes_no_date_from_the_context():
    text = "Вчора окупанти захопили в полон мера Енергодара. Громада вимагає звільнити його."
    doc = analyse(text, "uk", "2023-07-10T20:00")
    captured = [e for e in doc.events if part(text, e.trigger).startswith("захопили")]
    freed = [e for e in doc.events if part(text, e.trigger).startswith("звільнити")]
    assert [e.when for e in captured] == ["2023-07-09"], doc.events
    assert freed and all(e.when is None and e.modality == "future" for e in freed), doc.events


@pytest.mark.model
def test_thanks_in_an_address_report_no_event():
    text = ("Я вдячний кожному, хто організував евакуацію людей з Херсона.\n"
            "Сьогодні окупанти обстріляли Херсон.")
    doc = analyse(text, "uk")
    assert [e.type for e in doc.events] == ["strike"], doc.events


@pytest.mark.model
@pytest.mark.parametrize("text, language, kind", [
    ("Окупант, який зайшов на Харківщину, зазнає втрат.", "uk", "clash"),  # a whole oblast: fighting there
    ("Російські війська зайшли в Вовчанськ.", "uk", "territory_control"),  # a town: taken
    ("ВСУ вошли в Курскую область.", "ru", "clash"),
])
def test_entering_an_oblast_is_fighting_entering_a_town_is_taking_it(text, language, kind):
    doc = analyse(text, language)
    entering = [e for e in doc.events if part(text, e.trigger).startswith(("зайш", "вошл"))]
    assert [e.type for e in entering] == [kind], doc.events


@pytest.mark.model
def test_a_bare_list_of_places_next_to_an_event_places_it():
    text = "Сьогодні тривала евакуація. Суми, Тростянець, Ізюм.\nВорог обстріляв Херсон."
    doc = analyse(text, "uk")
    (evacuation,) = [e for e in doc.events if e.type == "evacuation"]
    names = {p.name for p in doc.places if (p.ref or p.name) in evacuation.places}
    assert names == {"Sumy", "Trostianets", "Izium"}, doc.places
    (strike,) = [e for e in doc.events if e.type == "strike"]
    assert {p.name for p in doc.places if (p.ref or p.name) in strike.places} == {"Kherson"}


@pytest.mark.model
def test_a_square_is_a_facility_not_a_village():
    text = "Ракета влетіла в Площу Свободи у Харкові."
    doc = analyse(text, "uk")
    assert [p.name for p in doc.places] == ["Kharkiv"], doc.places


def analyse_title(title: str, language: str = "uk", published: str | None = "2023-07-09T20:00"):
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="t", text="Текст.", title=title, language=language, published=published))
    return doc.title_layers.events


@pytest.mark.model
@pytest.mark.parametrize("title, language, published, expected", [
    ("Ракетний удар по Харкову", "uk", "2023-07-09T20:00", None),  # no date stated
    ("Ракетный удар по Харькову", "ru", "2023-07-09T20:00", None),
    ("Учора ракетний удар по Харкову", "uk", "2023-07-09T20:00", "2023-07-08"),  # a headline naming its day
    ("Учора ракетний удар по Харкову", "uk", "2023-07-10T00:20", "2023-07-08"),  # put out after midnight
    ("Окупанти щодня обстрілюють Харків", "uk", "2023-07-09T20:00", None),
])
def test_a_headline_is_dated_by_what_it_states(title, language, published, expected):
    events = [e for e in analyse_title(title, language, published) if e.type == "strike"]
    assert events and all(e.when == expected for e in events), events


@pytest.mark.model
def test_the_same_words_in_a_body_stay_undated():
    doc = analyse("Ракетний удар по Харкову.", "uk")
    strikes = [e for e in doc.events if e.type == "strike"]
    assert strikes and all(e.when is None for e in strikes), strikes


@pytest.mark.model
def test_the_body_of_an_address_speaks_of_the_day_its_title_names():
    from claimledger.pipeline import analyse_article

    text = "Сьогодні окупанти обстріляли Харків."
    title = "Президент звернувся до українців наприкінці другого дня війни"
    doc = analyse_article(Article(id="t", text=text, title=title, language="uk", published="2022-02-26T23:10"))
    strikes = [e for e in doc.events if e.type == "strike"]
    assert strikes and all(e.when == "2022-02-25" for e in strikes), strikes


@pytest.mark.model
@pytest.mark.parametrize("text, language, strikes", [
    ("Росія вдарила ракетами по Києву.", "uk", 1),  # "вдарити по", as Russian "ударить по"
    ("Окупанти вдарили по Харкову керованими авіабомбами.", "uk", 1),
    # a strike told again, with its weapon and place, is the same strike
    ("Удар крилатою ракетою по Харкову. Десятки жертв. Після крилатої ракети, якою вдарили по Харкову, "
     "місто не спить.", "uk", 1),
    ("A Russian missile hit Kharkiv. Rescuers worked all night. The missile that struck Kharkiv destroyed a school.",
     "en", 1),
    # two places, or two weapons, are two strikes
    ("Ракета влучила в Харків. Дрони атакували Харків уночі.", "uk", 2),
    ("Ракета влучила в Харків. Ракета влучила в Суми.", "uk", 2),
])
def test_strikes_and_their_retellings(text, language, strikes):
    doc = analyse(text, language)
    assert [e.type for e in doc.events].count("strike") == strikes


@pytest.mark.model
@pytest.mark.parametrize("text, language, polarity", [
    ("Россия не будет вести переговоры о передаче территорий.", "ru", "denied"),
    ("Киев не намерен вести переговоры.", "ru", "denied"),
    ("Переговоры не состоятся.", "ru", "denied"),
    ("Росія не буде вести переговорів.", "uk", "denied"),
    ("Переговори не відбудуться.", "uk", "denied"),
    # a negated verb of stopping or judging, or a negated other predicate, asserts the act
    ("Противник не прекращает обстрелы Херсона.", "ru", "asserted"),
    ("Ворог не припиняє обстрілів.", "uk", "asserted"),
    ("Зеленский не считает контрнаступление провалом.", "ru", "asserted"),
    ("Санкції не обійти.", "uk", "asserted"),
    # what a word of falsehood is about is denied ("фейк про", "ложь о"); mere information about it is not
    ("Російська пропаганда поширює фейк про нібито оточення Покровська.", "uk", "denied"),
    ("Это ложь о захвате Купянска.", "ru", "denied"),
    ("Пропаганда распространяет информацию о захвате Купянска.", "ru", "asserted"),
])
def test_a_negated_verb_group_denies_the_act_it_governs(text, language, polarity):
    doc = analyse(text, language)
    assert [e.polarity for e in doc.events] == [polarity]


@pytest.mark.model
@pytest.mark.parametrize("text, language, kinds", [
    ("Я провів зустріч з прем’єр-міністром Польщі.", "uk", ["negotiation"]),  # a meeting with a partner
    ("Відбулася зустріч із президентом Франції.", "uk", ["negotiation"]),
    ("Сьогодні зустріч з військовими.", "uk", []),  # with one's own forces, or the public: no talks
    ("Зустріч з мешканцями Харкова.", "uk", []),
    ("Путин провел встречу с военными.", "ru", []),
    ("Путин провел встречу с президентом Турции.", "ru", ["negotiation"]),
])
def test_a_meeting_is_talks_only_with_a_partner(text, language, kinds):
    assert [e.type for e in analyse(text, language).events] == kinds


@pytest.mark.model
@pytest.mark.parametrize("text, quantities", [
    ("На цьому напрямку знешкоджено 240 окупантів.", [240]),  # neutralised people are casualties (the guide)
    ("Сапери знешкодили 20 мін.", []),                       # mines made safe are not
])
def test_neutralised_people_are_casualties(text, quantities):
    assert [e.quantity for e in analyse(text, "uk").events if e.type == "casualties"] == quantities


@pytest.mark.model
@pytest.mark.parametrize("text, language, trigger", [
    ("Біля Василькова тривала справжня битва за Київ.", "uk", "битва"),  # battles and fighting are clashes
    ("Прикордонники воюють і в Маріуполі.", "uk", "воюють"),
    ("Бойцы сражаются под Авдеевкой.", "ru", "сражаются"),
    ("Гарнизон обороняет Северодонецк.", "ru", "обороняет"),
])
def test_battle_and_fighting_verbs_are_clashes(text, language, trigger):
    doc = analyse(text, language)
    assert [part(text, e.trigger) for e in doc.events if e.type == "clash"] == [trigger], doc.events


@pytest.mark.model
@pytest.mark.parametrize("text, language, modality", [
    ("Воюйте за Маріуполь!", "uk", "future"),  # a demand (the guide: demanded acts are future)
    ("Виганяйте окупантів з нашої землі!", "uk", "future"),
    ("Сражайтесь за Родину!", "ru", "future"),
    ("Прикордонники воюють і в Маріуполі.", "uk", "factual"),
])
def test_an_imperative_demands_the_act(text, language, modality):
    assert [e.modality for e in analyse(text, language).events] == [modality]


@pytest.mark.model
@pytest.mark.parametrize("text, language, trigger", [
    # entering a town in the present tense takes it too; returning under control is taking it back
    ("Збройні сили України заходять у Херсон.", "uk", "заходять"),
    ("ВСУ входят в Херсон.", "ru", "входят"),
    ("Херсон повертається під контроль України.", "uk", "повертається під контроль"),
    ("Херсон возвращается под контроль Украины.", "ru", "возвращается под контроль"),
])
def test_entering_now_and_returning_under_control_take_a_town(text, language, trigger):
    doc = analyse(text, language)
    assert [part(text, e.trigger) for e in doc.events if e.type == "territory_control"] == [trigger], doc.events


@pytest.mark.model
def test_entering_a_room_is_no_capture():
    assert analyse("Делегація заходить до зали.", "uk").events == ()


@pytest.mark.model
@pytest.mark.parametrize("text, language, modalities", [
    # a controlling verb to come makes the act it governs one to come; a condition met in time is a condition
    ("Россия начнет наступление на Харьков.", "ru", ["future"]),
    ("ВСУ продолжают наступать у Работино.", "ru", ["factual"]),
    ("Москва начнет переговоры, как только Киев выведет войска из ДНР.", "ru", ["future", "hypothetical"]),
])
def test_acts_to_come_and_acts_on_a_condition(text, language, modalities):
    assert [e.modality for e in analyse(text, language).events] == modalities


@pytest.mark.model
@pytest.mark.parametrize("text, language, actor", [
    # the subject of a verb that judges a capture named after it is not who captured
    ("Байден приветствовал освобождение Херсона.", "ru", None),
    ("ВС РФ завершили освобождение Авдеевки.", "ru", "ВС РФ"),
])
def test_who_welcomes_a_capture_is_not_its_actor(text, language, actor):
    (event,) = analyse(text, language).events
    assert event.actor == actor


@pytest.mark.model
def test_stormtroopers_are_fighters_not_an_assault():
    doc = analyse("Наши штурмовики зашли в Максимильяновку. Начался штурм Авдеевки.", "ru")
    assert [(e.type, part(doc.article.text, e.trigger)) for e in doc.events] == [
        ("territory_control", "зашли"), ("clash", "штурм")]


@pytest.mark.model
@pytest.mark.parametrize("text, counts", [
    # the losses counted in an apposition after a comma ("потери, до 50 человек"); another clause is not one
    ("Противник несет тяжелые потери, до 50 человек убитыми и ранеными за сутки.", [50]),
    ("Погиб мужчина, еще четыре человека ранены.", [1, 4]),
])
def test_losses_counted_after_a_comma(text, counts):
    assert [e.quantity for e in analyse(text, "ru").events if e.type == "casualties"] == counts


@pytest.mark.model
@pytest.mark.parametrize("text, counts", [
    # one person named by a noun the Ukrainian dictionary gives no number: a singular only reading
    ("Внаслідок обстрілу загинула жінка.", [1]),
    ("Поблизу Вовчанська поранено чоловіка 45 років.", [1]),
    ("Знищили техніку та ворожих солдатів.", [None]),  # "техніку" may read as a technician: equipment first
])
def test_one_ukrainian_person_lost(text, counts):
    assert [e.quantity for e in analyse(text, "uk").events if e.type == "casualties"] == counts


@pytest.mark.model
@pytest.mark.parametrize("text, actor", [
    # the subject of a verb that delivers a strike named after it struck, adjectives between or not
    ("ВС РФ нанесли удар по аэродрому Миргород.", "ВС РФ"),
    ("Российская армия нанесла массированный удар по энергетике.", "Российская армия"),
])
def test_who_delivers_a_strike_is_its_actor(text, actor):
    (event,) = analyse(text, "ru").events
    assert event.actor == actor


@pytest.mark.model
@pytest.mark.parametrize("text, language, expected", [
    ("У ніч на 25 грудня Росія здійснила масовану атаку на енергетичну інфраструктуру України.", "uk", "strike"),
    ("Россия нанесла массированную атаку по объектам энергетики.", "ru", "strike"),
    ("Ворог продовжує атаки на позиції наших військ.", "uk", "clash"),
    ("ВСУ предприняли атаку на позиции у Работино.", "ru", "clash"),
])
def test_an_attack_massive_or_on_infrastructure_is_a_strike(text, language, expected):
    assert [e.type for e in analyse(text, language).events if "атак" in text[e.trigger[0]:e.trigger[1]]] == [expected]


@pytest.mark.model
def test_a_claim_no_one_comments_on_is_no_claim_of_theirs():
    doc = analyse("У Міноборони Росії заяву про звільнення Роботиного не коментували.", "uk")
    assert all(a.speaker != "Russian Ministry of Defence" for a in doc.attributions)


@pytest.mark.model
@pytest.mark.parametrize("text, trigger", [
    ("Утром 8 июля ракета попала в больницу в Киеве.", "ракета попала"),
    ("В результате попадания снаряда в жилой дом погибли двое.", "попадания снаряда"),
])
def test_a_weapon_hitting_is_a_strike(text, trigger):
    assert ("strike", trigger) in [(e.type, part(text, e.trigger)) for e in analyse(text, "ru").events]


@pytest.mark.model
@pytest.mark.parametrize("text, count", [
    ("Загинули дванадцятеро людей.", 12),  # collective numerals past ten
    ("Звільнено півтора десятка населених пунктів.", 15),  # the dictionary's lemma "десятка"
    ("Поранено близько десятка людей.", 10),
])
def test_ukrainian_collective_and_round_counts(text, count):
    assert [e.quantity for e in analyse(text, "uk").events] == [count]


@pytest.mark.model
def test_a_strike_named_as_the_cause_in_the_next_sentence_is_the_strike_told_before():
    text = "ВСУ нанесли удар по Горловке. В результате удара погибли пять человек."
    assert [(e.type, part(text, e.trigger)) for e in analyse(text, "ru").events] == [
        ("strike", "удар"), ("casualties", "погибли")]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Росія здійснила масовану атаку на енергетичну систему. У Харкові після атаки зникло світло.",
     ["strike", "strike"]),
    ("Росія здійснила масовану атаку дронів. Ворог продовжує атаки на позиції наших військ.", ["strike", "clash"]),
])
def test_an_attack_told_again_after_an_air_attack_is_that_strike(text, expected):
    assert [e.type for e in analyse(text, "uk").events if "атак" in part(text, e.trigger)] == expected


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("Українські військові контролюють понад 1000 квадратних кілометрів території Курської області.", None),
    ("Звільнено 90 кв. км території.", None),  # an area, no count
    ("Минулої доби Росія випустила по наших містах понад 80 керованих авіабомб.", 80),
    # the settlements counted past an area
    ("З початку року звільнено 880 квадратних кілометрів території та 14 населених пунктів.", 14),
    ("За минулу добу просування становило від одного до трьох кілометрів.", None),  # a range of distance
    # "тільки одне" counts no strikes, and a noun naming the strikes again gives the first no count
    ("Сьогоднішні удари по Львову та будь-які інші російські удари означають тільки одне: ми переможемо.", None),
])
def test_an_area_is_no_count_and_guided_bombs_are_a_strike(text, expected):
    assert [e.quantity for e in analyse(text, "uk").events] == [expected]


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    ("С начала года освобождено 880 квадратных километров территории и 14 населенных пунктов.", [14]),
    ("Российские войска продвинулись на 5 км и заняли 3 села.", [None, 3]),  # another act's count stays its own
])
def test_a_count_past_an_area_is_the_settlements(text, expected):
    assert [e.quantity for e in analyse(text, "ru").events] == expected


@pytest.mark.model
def test_a_settlement_named_after_zokrema_is_a_place():
    doc = analyse("За його словами, під контролем Сил оборони перебувають 74 населені пункти, зокрема Суджа.", "uk")
    assert [p.name for p in doc.places] == ["Sudzha"]


@pytest.mark.model
@pytest.mark.parametrize("text, language", [
    ("Освобождение Часова Яра - вопрос времени.", "ru"),
    ("Звільнення Криму – питання часу.", "uk"),
])
def test_a_matter_of_time_is_to_come(text, language):
    assert [e.modality for e in analyse(text, language).events] == ["future"]
