"""How far an event reaches in a Russian or Ukrainian war report (issue 12): the settlements a report lists after a town
and an unnamed number of others are all taken ("взяты под контроль Лисичанск и ряд близлежащих населенных пунктов, в
том числе Белая Гора, Верхнекаменка, Золотаревка"); troops "перегруппированы" (the short participle) are withdrawn
from where they were; an act against the country's towns or grid at large ("по нашій інфраструктурі", "обстреливать
российские города") happened at no town of another sentence; "відтісняють" (pushing the enemy back, imperfective)
is fighting; a force that "отошли" with no place after the verb withdrew ("В Киеве заявили, что войска отошли"), from
the town told before; an act "на юге" happened in that quarter, at no town of another act of its sentence; "порядка"
before a number is "about", no abstract object ("уничтожено порядка сотни военнослужащих": losses); the result told
after a sentence listing several towns of one oblast happened in that oblast when the paragraph named it before
("обстріляв Херсонщину. Під вогнем перебували Херсон, Берислав ... Загинули двоє людей"); a compound name written
with a hyphen after its first part is the name written as one word ("Ново-Бахмутовку": Novobakhmutivka); a town
named before a verb of losing in the passive was left ("Угледар фактически потерян", "Вугледар втрачено"); "the town"
of a report's opening sentence is the one its next sentence names. People who died, counted, are casualties ("у
лікарнях померли ще 12 людей"), and the wounded named after the dead are other victims, not the dead named again
("... У лікарні залишаються ще десятки важкопоранених"); "no information about the dead" denies them. Forces driven up
or gathered are a build-up ("Нагнали підкріплення на Харківщину", "подтягивает резервы"), not strength gathered; a
force crossing the border is an incursion ("Российские войска перешли границу"), refugees crossing it none; an act a
verb of realising brings about after "щоб"/"чтобы" is aimed at ("щоб Україна отримала військову допомогу"), not one
under way that is to be stopped ("щоб зупинити вторгнення"); settlements taken that a plural noun lists are counted
("освободили населенные пункты Гатище, Красное и Олейниково": 3), not when a town comes before the noun; a total over
the course of the fighting takes no date from the bulletin's window ("Всего в ходе боевых действий ... потерял"); the
morning or evening of no named day is the report's ("Зранку російські війська вдарили"), of a named one that day's
("Вчора ж пізно ввечері", "в понедельник вечером"), and "напередодні" before a meeting is its eve, no day; a force
steadying the line is fighting ("ЗСУ стабілізували ситуацію"), not a grid steadied. People destroyed in scare quotes
are casualties ("уничтожении более 70 «украинских националистов»"); an act that sets another ("погиб при эвакуации")
takes no count of it. Destroying the enemy as one force, in the singular and with no number, is fighting ("уничтожают
противника"), not its things or people counted. The area of fighting ("усім районам бойових дій", "в зоне боевых
действий") is a place, no fight told. An attack as a cause ("Через атаку ... запроваджено відключення") is told by its
damage, a strike; the war as a cause ("через бойові дії") is no event. The people who destroy ("Военнослужащие ...
уничтожили склад") are not the people destroyed. A person joined onto people counted is one more ("трое взрослых и
ребенок": 4); "десятки человек" is no one person.

The sentences are probes written for these tests in the style of agency copy and addresses (no gold or corpus text);
each says what the record should hold by the annotation guide (shared data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from claimledger.models import Article
from claimledger.pipeline import analyse_article
from test_reports_context import events

pytestmark = pytest.mark.model


def analysed(text: str, language: str):
    """The analysed document of a probe report published 2024-06-03, for its events' polarity, modality and date."""
    return analyse_article(Article(id="probe", text=text, language=language, outlet="ТАСС", published="2024-06-03"))


@pytest.mark.parametrize("text, language, places", [
    ("Были взяты под контроль Лисичанск и ряд близлежащих населенных пунктов, в том числе Белая Гора, Верхнекаменка, "
     "Золотаревка.", "ru", {"Lysychansk", "Bila Hora", "Verkhnokamianka", "Zolotarivka"}),
    ("Освобождены Лисичанск и несколько сел, в частности Белая Гора и Золотаревка.", "ru",
     {"Lysychansk", "Bila Hora", "Zolotarivka"}),
    ("ЗСУ звільнили Лисичанськ і низку сіл, зокрема Білу Гору та Золотарівку.", "uk",
     {"Lysychansk", "Bila Hora", "Zolotarivka"}),
])
def test_a_town_and_some_others_including_named_ones_are_all_taken(text, language, places):
    found = events(text, language)
    assert [p for kind, _, p, _ in found if kind == "territory_control"] == [places], found


@pytest.mark.parametrize("text, language, places", [
    ("Минобороны признало, что войска были перегруппированы из районов Балаклеи и Изюма в Донецкую область.", "ru",
     {"Balakliia", "Izium"}),
    ("Війська були перегруповані з-під Києва на схід.", "uk", {"Kyiv"}),
])
def test_troops_regrouped_in_the_passive_withdraw_from_where_they_were(text, language, places):
    found = events(text, language)
    assert [p for kind, _, p, _ in found if kind == "withdrawal"] == [places], found


@pytest.mark.parametrize("text, language", [
    ("На Харківщині наші воїни відтісняють окупантів від Харкова. Росія продовжує завдавати ракетних ударів по нашій "
     "інфраструктурі.", "uk"),
    ("У Харкові сьогодні був обстріл. Росія б'є по українських містах щодня.", "uk"),
    ("В Харькове прогремели взрывы. Россия наносит удары по нашей энергетике.", "ru"),
    ("В Белгороде прогремели взрывы. ВСУ продолжают обстреливать российские города.", "ru"),
])
def test_an_act_against_the_countrys_towns_at_large_takes_no_town_told_before(text, language):
    found = events(text, language)
    assert found[-1][0] == "strike" and found[-1][2] == set(), found


@pytest.mark.parametrize("text", [
    "В Белгороде прогремели взрывы. Наш город снова обстреляли.",
    "В Харькове прогремели взрывы. Удары пришлись по инфраструктуре города.",
])
def test_one_town_of_ours_is_still_the_town_told_before(text):
    found = events(text, "ru")
    assert found[-1][0] == "strike" and found[-1][2] in ({"Belgorod"}, {"Kharkiv"}), found


def test_pushing_the_enemy_back_is_fighting():
    found = events("На Харківщині наші воїни поступово відтісняють окупантів від Харкова.", "uk")
    assert [kind for kind, *_ in found] == ["clash"], found


@pytest.mark.parametrize("text, language, places", [
    ("Российские войска взяли под контроль Лисичанск. В Киеве заявили, что войска отошли.", "ru", {"Lysychansk"}),
    ("Украинские военные отошли на новые рубежи.", "ru", set()),
    ("Підрозділи відходять на нові позиції.", "uk", set()),
])
def test_a_force_that_pulls_back_withdraws(text, language, places):
    found = events(text, language)
    assert [p for kind, _, p, _ in found if kind == "withdrawal"] == [places], found


@pytest.mark.parametrize("text, language", [("Он отошел от дел.", "ru"), ("Ми відійшли від теми.", "uk")])
def test_someone_stepping_away_from_a_topic_is_no_withdrawal(text, language):
    assert events(text, language) == []


def test_an_act_in_a_quarter_of_the_country_takes_no_town_of_another_act():
    found = events("Украинское контрнаступление на юге не дало результатов, а российские войска заняли Бахмут и "
                   "Авдеевку.", "ru")
    assert [(kind, p) for kind, _, p, _ in found] == [
        ("clash", set()), ("territory_control", {"Bakhmut", "Avdiivka"})], found


def test_about_a_hundred_destroyed_soldiers_are_losses():
    found = events("В ходе наступления уничтожено порядка сотни военнослужащих ВСУ.", "ru")
    assert ("casualties", 100) in [(kind, count) for kind, _, _, count in found], found


def test_the_result_after_a_list_of_towns_is_in_their_oblast_named_before():
    found = events("Протягом доби ворог 97 разів обстріляв Херсонщину. Під вогнем перебували Херсон, Берислав, "
                   "Антонівка, Білозерка. Загинули двоє людей.", "uk")
    assert found[-1][0] == "casualties" and found[-1][2] == {"Kherson Oblast"}, found


def test_an_oblast_of_another_paragraph_is_not_taken():
    found = events("Бої тривають на Херсонщині.\n\nПід вогнем перебували Херсон, Берислав, Антонівка. Загинули двоє "
                   "людей.", "uk")
    assert found[-1][0] == "casualties" and found[-1][2] == set(), found


@pytest.mark.parametrize("text, language, place", [
    ("Российские военные освободили Ново-Бахмутовку.", "ru", "Novobakhmutivka"),
    ("Бои идут у Старо-Майорского.", "ru", "Staromaiorske"),
    ("Окупанти обстріляли Ново-Калинове.", "uk", "Novokalynove"),
])
def test_a_compound_name_written_with_a_hyphen_is_the_name(text, language, place):
    found = events(text, language)
    assert [p for _, _, p, _ in found] == [{place}], found


@pytest.mark.parametrize("text, language, place", [
    ("Угледар фактически потерян, признал источник в ВСУ.", "ru", "Vuhledar"),
    ("Авдеевка оставлена.", "ru", "Avdiivka"),
    ("Вугледар фактично втрачено.", "uk", "Vuhledar"),
])
def test_a_town_lost_in_the_passive_was_left(text, language, place):
    found = events(text, language)
    assert [(kind, p) for kind, _, p, _ in found] == [("withdrawal", {place})], found


@pytest.mark.parametrize("text, language", [("Связь с Угледаром потеряна.", "ru"), ("Время потеряно.", "ru")])
def test_something_else_lost_is_no_withdrawal(text, language):
    assert events(text, language) == []


@pytest.mark.parametrize("text, language, place", [
    ("Российские войска контролируют 40% территории города. Вооруженные силы России установили полный контроль над "
     "северной частью Волчанска.", "ru", "Vovchansk"),
    ("Місто знову під обстрілом. Окупанти випустили по Херсону 20 снарядів.", "uk", "Kherson"),
])
def test_the_town_of_an_opening_sentence_is_the_one_named_next(text, language, place):
    found = events(text, language)
    assert found[0][2] == {place}, found


def test_the_town_of_a_later_sentence_is_not_one_named_after_it():
    found = events("Бои идут на востоке. Город снова под обстрелом. ВСУ выпустили по Белгороду 20 снарядов.", "ru")
    assert [p for kind, _, p, _ in found if kind == "strike"][0] == set(), found


@pytest.mark.parametrize("text, language, counts", [
    ("Протягом дня у лікарнях померли ще 12 людей. У лікарні залишаються ще десятки важкопоранених.", "uk",
     [12, None]),
    ("В больнице скончались еще двое раненых.", "ru", [2]),
    ("Трое тяжелораненых доставлены в больницу.", "ru", [3]),
    ("Пострадали трое. Пострадавших доставили в больницу.", "ru", [3]),
])
def test_the_dead_and_the_wounded_are_counted_once_each(text, language, counts):
    found = events(text, language)
    assert [count for kind, _, _, count in found if kind == "casualties"] == counts, found


@pytest.mark.parametrize("text, language", [
    ("Помер відомий актор.", "uk"), ("Людська ненависть пройде, і диктатори помруть.", "uk"), ("Умер писатель.", "ru"),
])
def test_a_death_alone_is_no_casualty(text, language):
    assert events(text, language) == []


@pytest.mark.parametrize("text, language, polarity", [
    ("Сведений о погибших не поступало.", "ru", "denied"),
    ("Але станом на цей час немає інформації про загиблих.", "uk", "denied"),
    ("Поступила информация о погибших.", "ru", "asserted"),
])
def test_no_word_of_the_dead_denies_them(text, language, polarity):
    doc = analysed(text, language)
    assert [e.polarity for e in doc.events] == [polarity], doc.events


@pytest.mark.parametrize("text, language, found", [
    ("Нагнали підкріплення на Харківщину.", "uk", ["other"]),
    ("Вони збирають ще додаткові сили.", "uk", ["other"]),
    ("Противник подтягивает резервы к Покровску.", "ru", ["other"]),
    ("Россия собирает войска у границы.", "ru", ["other"]),
    ("Ми збираємо сили для відповіді.", "uk", []),
    ("На место происшествия собрали силы и средства МЧС.", "ru", []),
])
def test_forces_driven_up_or_gathered_are_a_build_up(text, language, found):
    assert [kind for kind, *_ in events(text, language)] == found


@pytest.mark.parametrize("text, language, found", [
    ("Российские войска перешли границу в Харьковской области.", "ru", [("clash", {"Kharkiv Oblast"})]),
    ("Російські війська перетнули кордон на Харківщині.", "uk", [("clash", {"Kharkiv Oblast"})]),
    ("Беженцы перешли границу с Польшей.", "ru", []),
    ("Біженці перетнули кордон.", "uk", []),
])
def test_a_force_crossing_the_border_is_an_incursion(text, language, found):
    assert [(kind, p) for kind, _, p, _ in events(text, language)] == found


@pytest.mark.parametrize("text, language, modality", [
    ("Вимагайте від своїх політиків, щоб Україна отримала всю необхідну військову допомогу.", "uk", "future"),
    ("Наша команда робить усе, щоб організувати гуманітарний коридор у ці міста.", "uk", "future"),
    ("Ми робимо все, щоб зупинити вторгнення.", "uk", "factual"),
    ("Ми працюємо, щоб ЄС ухвалив нові санкції.", "uk", "future"),
])
def test_an_act_brought_about_in_a_purpose_clause_is_to_come(text, language, modality):
    doc = analysed(text, language)
    assert [e.modality for e in doc.events] == [modality], doc.events


@pytest.mark.parametrize("text, language, count", [
    ("Освобождены села Работино и Вербовое.", "ru", 2),
    ("Звільнено населені пункти Роботине, Вербове та Лобкове в Запорізькій області.", "uk", 3),
    ("Освобождены город Суджа и населенные пункты Мартыновка и Мельовой Курской области.", "ru", None),
    ("Освобождены Работино и Вербовое.", "ru", None),
])
def test_settlements_a_plural_noun_lists_are_counted(text, language, count):
    found = events(text, language)
    assert [c for kind, _, _, c in found if kind == "territory_control"] == [count], found


@pytest.mark.parametrize("text, dated", [
    ("За сутки противник потерял до 300 военнослужащих. Всего в ходе боевых действий на курском направлении "
     "противник потерял более 12 400 военнослужащих.", [True, False]),
    ("За сутки сбиты 20 беспилотников. Всего уничтожено 30 целей.", [True, True]),
])
def test_a_total_of_the_fighting_takes_no_date_of_the_day(text, dated):
    doc = analysed(text, "ru")
    assert [e.when is not None for e in doc.events] == dated, doc.events


@pytest.mark.parametrize("text, language, day", [
    ("Зранку російські війська вдарили по Запоріжжю ракетами.", "uk", "2024-06-03"),
    ("Вчора ж пізно ввечері ворог обстріляв Харків.", "uk", "2024-06-02"),
    ("Накануне вечером ВСУ отошли с позиций у Лукьянцев.", "ru", "2024-06-02"),
    ("В понедельник вечером ВСУ обстреляли Белгород.", "ru", "2024-06-03"),
    ("Утром 5 мая ВСУ обстреляли Белгород.", "ru", "2024-05-05"),
    ("Від початку доби відбулося 124 бойових зіткнення.", "uk", "2024-06-03"),
    ("Напередодні зустрічі міністрів фінансів ці переговори з директоркою МВФ є підготовкою рішень.", "uk", None),
    ("Канцлер, який напередодні зустрічався з очільником Росії, прибув до Києва.", "uk", "2024-06-02"),
])
def test_a_morning_or_an_evening_is_of_the_day_named_else_of_the_report(text, language, day):
    doc = analysed(text, language)
    assert [e.when for e in doc.events] == [day], doc.events


@pytest.mark.parametrize("text, language, found", [
    ("Водночас ЗСУ стабілізували ситуацію в районі Липців.", "uk", ["clash"]),
    ("ВСУ стабилизировали обстановку под Часовым Яром.", "ru", ["clash"]),
    ("Енергетики стабілізували ситуацію в енергосистемі.", "uk", []),
])
def test_a_force_steadying_the_line_is_fighting(text, language, found):
    assert [kind for kind, *_ in events(text, language)] == found


@pytest.mark.parametrize("text, count", [
    ("Минобороны заявило об уничтожении более 70 «украинских националистов».", 70),
    ("Уничтожено до 40 «нацистов».", 40),
])
def test_people_destroyed_in_scare_quotes_are_casualties(text, count):
    assert [(kind, c) for kind, _, _, c in events(text, "ru")] == [("casualties", count)]


@pytest.mark.parametrize("text, language", [
    ("Один человек погиб при эвакуации.", "ru"),
    ("В ходе эвакуации погибли три человека.", "ru"),
    ("Під час евакуації загинули двоє людей.", "uk"),
])
def test_an_act_setting_another_takes_no_count_of_it(text, language):
    assert [c for kind, _, _, c in events(text, language) if kind == "evacuation"] == [None]


@pytest.mark.parametrize("text, language, kinds", [
    ("Наши бойцы уничтожают противника под Бахмутом.", "ru", ["clash"]),
    ("Окупанта всіма засобами знищують.", "uk", ["clash"]),
    ("ВСУ уничтожили склад противника.", "ru", ["strike"]),
    ("Знищено 70 військовослужбовців противника.", "uk", ["casualties"]),
    ("Завдяки його діям було знищено значну кількість техніки та військових ворога.", "uk", ["strike"]),
])
def test_destroying_the_enemy_as_one_force_is_fighting(text, language, kinds):
    assert [kind for kind, *_ in events(text, language)] == kinds


@pytest.mark.parametrize("text, language, kinds", [
    ("Постійна увага – фронту, усім районам бойових дій.", "uk", []),
    ("У зоні бойових дій загинули двоє волонтерів.", "uk", ["casualties"]),
    ("В зоне боевых действий погибли двое волонтеров.", "ru", ["casualties"]),
    ("Район бойових дій розширюється.", "uk", ["clash"]),
])
def test_the_area_of_fighting_is_where_it_goes_on_no_fight_told(text, language, kinds):
    assert [kind for kind, *_ in events(text, language)] == kinds


@pytest.mark.parametrize("text, kinds", [
    ("Через атаку у шести областях запроваджено аварійні відключення світла.", ["strike"]),
    ("Мільйони українців покинули рідні місця через бойові дії.", []),
])
def test_an_attack_as_a_cause_is_a_strike_and_the_war_none(text, kinds):
    assert [kind for kind, *_ in events(text, "uk")] == kinds


@pytest.mark.parametrize("text, language, kinds", [
    ("Военнослужащие группировки войск «Центр» уничтожили склад боеприпасов ВСУ.", "ru", ["strike"]),
    ("Наші захисники знищили вже понад тисячу російських танків.", "uk", ["strike"]),
    ("Наши военнослужащие уничтожили до 70 боевиков.", "ru", ["casualties"]),
    ("До 70 военнослужащих уничтожено.", "ru", ["casualties"]),
])
def test_the_people_who_destroy_are_not_the_people_destroyed(text, language, kinds):
    assert [kind for kind, *_ in events(text, language)] == kinds


@pytest.mark.parametrize("text, language, counts", [
    ("Погибли трое взрослых и ребенок.", "ru", [4]),
    ("Загинули двоє людей і дитина, ще п'ятеро поранені.", "uk", [3, 5]),
    ("Погибли 12 человек и 30 ранены.", "ru", [12, 30]),
    ("Ранены десятки человек.", "ru", [None]),
])
def test_a_person_joined_onto_people_counted_is_one_more_and_tens_are_no_one(text, language, counts):
    assert [c for kind, _, _, c in events(text, language) if kind == "casualties"] == counts
