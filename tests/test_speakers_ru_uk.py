"""Russian and Ukrainian collective sources ("обидві сторони", "стороны") on invented sentences: the real
pipeline (pymorphy3, natasha), no mocks; a Ukrainian official named in Russian copy is written as Ukraine writes the
name, so that reports in both languages name one person alike; a first name the dictionary reads first as a common
noun is still a name before a surname in its case, and a role head after "за словами" is in the genitive; a site's
name is its speaker as written ("Газета.ру")."""
from __future__ import annotations

import pytest

from claimledger.models import Article

pytestmark = pytest.mark.model


def speakers(text: str, language: str) -> list[tuple[str | None, str]]:
    """(source as written, speaker) of each attribution of the text, in order."""
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="t", text=text, language=language, published="2022-06-01"))
    return [(text[a.source[0]:a.source[1]] if a.source else None, a.speaker) for a in doc.attributions]


@pytest.mark.parametrize("text, language, source, speaker", [
    ("Володимир Зеленський провів телефонну розмову з Емманюелем Макроном. "
     "Обидві сторони наголосили, що переговори мають тривати.", "uk", "Обидві сторони",
     "Volodymyr Zelenskyy; Emmanuel Macron"),
    ("Владимир Путин провел телефонный разговор с Эммануэлем Макроном. "
     "Стороны также отметили, что переговоры продолжатся.", "ru", "Стороны", "Vladimir Putin; Emmanuel Macron"),
    ("Владимир Путин провел телефонный разговор с Эммануэлем Макроном. "
     "Обе стороны заявили, что переговоры продолжатся.", "ru", "Обе стороны", "Vladimir Putin; Emmanuel Macron"),
])
def test_the_sides_are_the_persons_of_the_call(text, language, source, speaker):
    assert speakers(text, language) == [(source, speaker)]


def test_sides_with_no_one_named_stay_a_described_source():
    text = "Делегації зустрілися у Стамбулі. Сторони заявили, що переговори триватимуть."
    assert speakers(text, "uk") == [("Сторони", "Сторони")]


@pytest.mark.parametrize("text, language, source, speaker", [
    ("Владимир Путин провел разговор с Эммануэлем Макроном. При этом стороны отметили, что переговоры продолжатся.",
     "ru", "стороны", "Vladimir Putin; Emmanuel Macron"),
    # the sides are not the head of the subject: its head noun speaks, as written
    ("Владимир Путин провел разговор с Эммануэлем Макроном. Представители стороны заявили, что переговоры продолжатся.",
     "ru", "Представители стороны", "Представители стороны"),
    ("Володимир Зеленський провів телефонну розмову з Емманюелем Макроном. Представники обох сторін заявили, "
     "що переговори триватимуть.", "uk", "Представники обох сторін", "Представники обох сторін"),
])
def test_only_the_sides_themselves_stand_for_the_persons_of_the_call(text, language, source, speaker):
    assert speakers(text, language) == [(source, speaker)]


@pytest.mark.parametrize("outlet, speaker", [
    ("Украинская правда", "General Staff of the Armed Forces of Ukraine"),  # a Ukrainian outlet's own side
    ("ТАСС", "General Staff of the Russian Armed Forces"),
    (None, "General Staff of the Russian Armed Forces"),
])
def test_a_bare_general_staff_is_the_publishers_own_sides(outlet, speaker):
    from claimledger.models import Article
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="g", text="ВСУ отразили 20 атак, сообщил Генштаб.", language="ru", outlet=outlet))
    assert [a.speaker for a in doc.attributions] == [speaker]
    qualified = analyse_article(Article(id="q", text="Потери ВСУ превысили 300 человек, сообщил Генштаб ВС РФ.",
                                        language="ru", outlet=outlet))
    assert [a.speaker for a in qualified.attributions] == ["General Staff of the Russian Armed Forces"]


def test_each_capitalised_part_of_a_double_name_is_romanised_capitalised():
    from claimledger.extract.attribution.romanisation import romanise

    assert romanise("Пол Миллс-Хикс", "ru") == "Pol Mills-Khiks"
    assert romanise("Марія Рибак-Левченко", "uk") == "Mariia Rybak-Levchenko"


@pytest.mark.model
@pytest.mark.parametrize("text, language, speaker, role", [
    # a name after a role in the genitive is the person, in the nominative, not the phrase ("губернатор Евгения ...")
    ("По словам губернатора Евгения Балицкого, атаки отражены.", "ru", "Yevgeny Balitsky", "губернатор"),
    ("За словами речника Повітряних сил Юрія Ігната, ракети збито.", "uk", "Yurii Ihnat", "речник Повітряних сил"),
    # an indeclinable head ("врио") shows no case: the surname does (not "Евгении", plural of Евгения)
    ("Врио губернатора Евгений Балицкий заявил об отражении атак.", "ru", "Yevgeny Balitsky", "Врио губернатора"),
    ("По словам врио губернатора Евгения Балицкого, атаки отражены.", "ru", "Yevgeny Balitsky", "врио губернатора"),
    # "acting" abbreviated with full stops ("и.о.", "в.о.") runs on to the name like "врио"
    ("ВСУ вторглись в Курскую область, заявил и.о. губернатора Алексей Смирнов.", "ru", "Aleksei Smirnov",
     "и.о. губернатора"),
    ("Бої тривають, заявив в.о. голови ОВА Іван Федоров.", "uk", "Ivan Fedorov", "в.о. голови ОВА"),
    # a described source with no name still reads in the nominative
    ("По словам собеседника агентства, атаки отражены.", "ru", "собеседник агентства", None),
])
def test_a_person_named_after_a_role_is_the_speaker(text, language, speaker, role):
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="t", text=text, language=language, published="2024-01-01"))
    assert [(a.speaker, a.speaker_role) for a in doc.attributions] == [(speaker, role)]


@pytest.mark.model
@pytest.mark.parametrize("text, language", [
    ("В Сети сообщают о выходе ВСУ из Курахово.", "ru"),
    ("В соцсетях пишут, что ВСУ вышли из Курахово.", "ru"),
    ("У соцмережах пишуть, що ЗСУ вийшли з Курахового.", "uk"),
])
def test_social_media_as_a_source_is_no_named_speaker(text, language):
    from claimledger.models import Article
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="t", text=text, language=language, published="2024-12-28"))
    assert [a.speaker for a in doc.attributions] == ["unspecified (social media)"]


@pytest.mark.parametrize("text, language, speaker", [
    ("За сутки произошло 128 боевых столкновений, сообщил Генеральный штаб ВСУ.", "ru",
     "General Staff of the Armed Forces of Ukraine"),
    ("Наступление отражено, сообщили в Генеральном штабе Вооруженных сил Украины.", "ru",
     "General Staff of the Armed Forces of Ukraine"),
    ("Удар нанесен по аэродрому, заявил Генеральный штаб ВС РФ.", "ru", "General Staff of the Russian Armed Forces"),
    ("Відбито 37 атак, повідомив Генеральний штаб.", "uk", "General Staff of the Armed Forces of Ukraine"),
])
def test_a_general_staff_written_out_in_full_is_the_same_speaker(text, language, speaker):
    assert [s for _, s in speakers(text, language)] == [speaker]


@pytest.mark.parametrize("text, language, speaker", [
    ("По словам командующего Николая Олещука, сбиты 74 дрона.", "ru", "Nikolai Oleshchuk"),
    ("По словам Петра Алексеева, бои продолжаются.", "ru", "Petr Alekseyev"),
    ("По словам главы ОВА Ивана Федорова, погиб один человек.", "ru", "Ivan Fedorov"),
    ("За словами Андрія Мельника, бої тривають.", "uk", "Andrii Melnyk"),
])
def test_a_name_after_according_to_is_put_in_the_nominative_whole(text, language, speaker):
    """The genitive the phrase takes, the surname in the first name's gender (an unknown "Олещука" is no feminine
    nominative) and a surname that is also a common noun ("Мельника") after a first name."""
    assert [name for _, name in speakers(text, language)] == [speaker]


def test_an_office_abbreviation_before_a_name_is_no_part_of_it():
    text = "Уламки впали в Дарницькому районі, повідомив начальник КМВА Сергій Попко."
    assert [name for _, name in speakers(text, "uk")] == ["Serhii Popko"]


@pytest.mark.parametrize("text, speaker", [
    ("Погибли двое, сообщил командующий Сухопутными войсками ВСУ Александр Павлюк.", "Oleksandr Pavliuk"),
    ("Погибли двое, сообщил министр иностранных дел Украины Дмитрий Кулеба.", "Dmytro Kuleba"),
    ("Погибли двое, сообщил губернатор Курской области Алексей Смирнов.", "Aleksei Smirnov"),
    ("Погибли двое, сообщил глава ДНР Денис Пушилин.", "Denis Pushilin"),
])
def test_a_ukrainian_official_in_russian_copy_is_written_as_ukraine_writes_the_name(text, speaker):
    assert [who for _, who in speakers(text, "ru")] == [speaker]


def test_a_ukrainian_official_named_again_by_surname_keeps_that_spelling():
    text = ("Погибли двое, сообщил командующий Сухопутными войсками ВСУ Александр Павлюк. По словам Павлюка, "
            "атака отбита.")
    assert [who for _, who in speakers(text, "ru")] == ["Oleksandr Pavliuk", "Oleksandr Pavliuk"]


@pytest.mark.parametrize("name, romanised", [
    ("Вадим Бойченко", "Vadym Boichenko"),
    ("Денис Шмыгаль", "Denys Shmyhal"),
    ("Сергей Череватый", "Serhii Cherevatyi"),
    ("Валентин Резниченко", "Valentyn Reznichenko"),
    ("Анна Маляр", "Hanna Maliar"),
])
def test_a_ukrainians_name_spelt_the_russian_way_is_romanised_as_ukraine_writes_it(name, romanised):
    from claimledger.extract.attribution.romanisation import ukrainian_romanisation

    assert ukrainian_romanisation(name) == romanised


@pytest.mark.parametrize("text", [
    # "Володимира" reads first as a common noun (and as the woman's name Володимира), the surname shows the case
    "За словами Володимира Мединського, Москва задоволена результатом.",
    # a role head that also reads as a plural nominative ("голови") after "за словами" is in the genitive
    "За словами голови російської делегації Володимира Мединського, Москва задоволена результатом.",
])
def test_a_first_name_read_as_a_noun_before_a_surname_in_its_case_is_named_in_the_nominative(text):
    assert [speaker for _, speaker in speakers(text, "uk")] == ["Volodymyr Medynskyi"]


def test_a_sites_name_is_its_speaker_as_written():
    text = "В Белгороде прогремели взрывы. Об этом сообщила Газета.ру со ссылкой на источник в силовых структурах."
    assert ("Газета.ру", "Газета.ру") in speakers(text, "ru")
