"""Headline attributions (issue 12): a claim and its author joined by punctuation, on headlines of our own,
through the real pipeline (spaCy for English, natasha/pymorphy3 for Russian and Ukrainian); a headline's attack is
the strike its body tells at that place, when the body tells no fighting there."""
from __future__ import annotations

import pytest

from claimledger.extract.attribution.headlines import find_headline_claim, is_headline
from claimledger.models import Article
from claimledger.pipeline import analyse_article

pytestmark = pytest.mark.model

PUBLISHED = "2024-06-01"


def title_claims(title: str, language: str) -> list[dict]:
    article = Article(id="t", outlet=None, url=None, published=PUBLISHED, language=language, title=title,
                      text="A body sentence of no interest.")
    found = analyse_article(article).title_layers.attributions
    piece = lambda span: title[span[0]:span[1]] if span else None  # noqa: E731
    return [{"source": piece(a.source), "cue": piece(a.cue), "content": piece(a.content), "kind": a.kind,
             "speaker": a.speaker, "role": a.speaker_role} for a in found]


@pytest.mark.parametrize("title, language, expected", [
    ("Our air defence will grow stronger every month - address by the President of Ukraine", "en",
     {"source": "President of Ukraine", "cue": "address by", "content": "Our air defence will grow stronger every month",
      "kind": "according_to", "speaker": "Volodymyr Zelenskyy", "role": "President of Ukraine"}),
    ("Ми відновимо енергетику до зими – звернення Президента", "uk",
     {"source": "Президента", "cue": "звернення", "content": "Ми відновимо енергетику до зими",
      "kind": "according_to", "speaker": "Volodymyr Zelenskyy", "role": "President of Ukraine"}),
    ("Тримаємося разом: звернення Президента України", "uk",
     {"source": "Президента України", "cue": "звернення", "content": "Тримаємося разом",
      "kind": "according_to", "speaker": "Volodymyr Zelenskyy", "role": "President of Ukraine"}),
    ("Every drone factory counts in this war - President Volodymyr Zelenskyy", "en",
     {"source": "President Volodymyr Zelenskyy", "cue": None, "content": "Every drone factory counts in this war",
      "kind": "according_to", "speaker": "Volodymyr Zelenskyy", "role": "President of Ukraine"}),
    ("Peskov: Moscow sees no reason to change its position on the grain deal", "en",
     {"source": "Peskov", "cue": None, "content": "Moscow sees no reason to change its position on the grain deal",
      "kind": "according_to", "speaker": "Dmitry Peskov"}),
    # a surname the tagger does not mark, known to the speaker-sides table
    ("Maliar: Ukrainian forces advance near Bakhmut", "en",
     {"source": "Maliar", "cue": None, "content": "Ukrainian forces advance near Bakhmut", "kind": "according_to"}),
    ("Kremlin: 'No plans for a new mobilisation'", "en",
     {"source": "Kremlin", "cue": None, "content": "No plans for a new mobilisation", "kind": "direct"}),
    ("UK intelligence: Moscow is running short of shells", "en",
     {"source": "UK intelligence", "cue": None, "content": "Moscow is running short of shells", "kind": "according_to"}),
    ("Сили оборони відбили 12 атак — Генштаб", "uk",
     {"source": "Генштаб", "cue": None, "content": "Сили оборони відбили 12 атак", "kind": "according_to"}),
    ("«Ми не відступимо»: Зеленський про ситуацію на фронті", "uk",
     {"source": "Зеленський", "cue": None, "content": "Ми не відступимо", "kind": "direct"}),
    ("Песков: Москва не видит оснований менять позицию", "ru",
     {"source": "Песков", "cue": None, "content": "Москва не видит оснований менять позицию",
      "kind": "according_to", "speaker": "Dmitry Peskov"}),
    # an acronym and a described source before the colon
    ("ISW: российские войска продвинулись у Покровска", "ru",
     {"source": "ISW", "cue": None, "content": "российские войска продвинулись у Покровска", "kind": "according_to"}),
    ("Источник: ВСУ готовят наступление", "ru",
     {"source": "Источник", "cue": None, "content": "ВСУ готовят наступление", "kind": "according_to"}),
])
def test_headline_forms_are_attributions(title, language, expected):
    found = title_claims(title, language)
    assert len(found) == 1, found
    assert {k: found[0][k] for k in expected} == expected


@pytest.mark.parametrize("title, language", [
    ("Ukraine war: what we know on day 100", "en"),               # a topic label, not a speaker
    ("Analysis: the front line after the winter", "en"),
    ("'Black Tuesday': Ukrainian towns without power after strikes", "en"),  # a nickname, no speaker
    ("Звернення Президента на третій ранок війни", "uk"),          # an address named, no claim
    ("Після удару по вокзалу Росія – це держава-терорист", "uk"),  # the dash opens the predicate
    ("Харків: ніч минула спокійно", "uk"),                          # a place as a dateline
    ("Зеленський у Вашингтоні: що відомо про зустріч", "uk"),      # a person in a setting
    ("Обстрел Белгорода: ранены трое", "ru"),                       # an act named, not who speaks
    ("Avdiivka: Ukraine says it repelled 20 Russian attacks", "en"),  # a town the headline is about
    ("Ukraine: Russian strike kills 10 in Kharkiv", "en"),  # a country: a topic as often as the state's claim
    ("Авдеевка: ВСУ отразили 20 атак", "ru"),
])
def test_headlines_without_a_speaker_attribute_nothing(title, language):
    assert [a for a in title_claims(title, language) if a["cue"] is None or a["cue"].startswith(("address", "звер"))] == []


def test_only_single_lines_are_headlines():
    assert is_headline("Short title - address by the President")
    assert not is_headline("First line - address by the President\nSecond line of a body.")
    assert not is_headline("Minister Ivan Petrenko: Good morning. The bridge is intact.")
    assert find_headline_claim("x" * 400 + " - address by the President", lambda span: True) is None


@pytest.mark.parametrize("text, language", [
    ("Довго говорили, що наша енергетика не витримає зими. Вона витримала.", "uk"),
    ("Раньше говорили, что город не устоит.", "ru"),
])
def test_a_cue_without_any_source_is_unspecified(text, language):
    from claimledger.extract.attribution.attribution_ru_uk import find_attributions_ru_uk
    from claimledger.extract.language.cyrillic import parse_cyrillic

    found = find_attributions_ru_uk(parse_cyrillic(text, language))
    assert [(a.source, a.speaker) for a in found] == [(None, "unspecified")]


@pytest.mark.parametrize("title, voice", [
    ("Ми тримаємося – звернення Президента", "Volodymyr Zelenskyy"),  # a bare office: the home president
    ("Обращение Президента к гражданам", "Vladimir Putin"),
    ("Президент відвідав Харків", None),                               # no authorship noun: a news story
])
def test_the_voice_of_an_address_by_a_bare_office(title, voice):
    from claimledger.extract.attribution.voice import document_voice

    assert document_voice(title, PUBLISHED) == voice


@pytest.mark.parametrize("title, language, voice", [
    ("Звернення Президента", "uk", "Volodymyr Zelenskyy"),  # no letter only Ukrainian writes: the text's language
    ("Обращение Президента", "ru", "Vladimir Putin"),
])
def test_the_home_president_is_of_the_text_language(title, language, voice):
    from claimledger.extract.attribution.voice import document_voice

    assert document_voice(title, PUBLISHED, language) == voice


@pytest.mark.parametrize("text, language, cue, content", [
    ("Штаб повідомив про бої. За попередніми даними, у місті загинули троє людей.", "uk",
     "За попередніми даними", "у місті загинули троє людей"),
    ("По предварительным данным, в городе погибли три человека.", "ru",
     "По предварительным данным", "в городе погибли три человека"),
])
def test_data_adjunct_without_a_source_is_unspecified(text, language, cue, content):
    from claimledger.extract.attribution.attribution_ru_uk import find_attributions_ru_uk
    from claimledger.extract.language.cyrillic import parse_cyrillic

    found = [a for a in find_attributions_ru_uk(parse_cyrillic(text, language)) if text[a.cue[0]:a.cue[1]] == cue]
    assert [(text[a.content[0]:a.content[1]], a.kind, a.source, a.speaker) for a in found] == \
        [(content, "according_to", None, "unspecified")]


def test_a_one_line_label_is_one_attribution_not_also_a_turn(nlp_en):
    from claimledger.extract.attribution.attribution import find_attributions

    text = "Peskov: Moscow sees no grounds for new talks."
    found = find_attributions(nlp_en(text))
    assert [(a.kind, text[a.content[0]:a.content[1]]) for a in found] == \
        [("according_to", "Moscow sees no grounds for new talks")]


def test_the_first_person_of_an_address_takes_its_author_and_office(nlp_en):
    from claimledger.extract.attribution.attribution import find_attributions
    from claimledger.extract.attribution.voice import document_voice

    voice = document_voice("We will hold the line - address by the President of Ukraine", PUBLISHED)
    text = "Today I called on our partners to speed up deliveries of air defence systems."
    found = find_attributions(nlp_en(text), PUBLISHED, voice)
    assert [(a.speaker, a.speaker_role) for a in found] == [("Volodymyr Zelenskyy", "President of Ukraine")]


def title_events(title: str, language: str = "en", published: str | None = "2024-06-01T18:30:00Z"):
    article = Article(id="t", outlet=None, url=None, published=published, language=language, title=title,
                      text="A body sentence of no interest.")
    return analyse_article(article).title_layers.events


@pytest.mark.parametrize("title, kind, expected", [
    ("Telephone conversation with the Prime Minister of Japan", "negotiation", "2024-06-01"),  # the day's act
    ("The President held a video conference with the Chancellor of Austria", "negotiation", "2024-06-01"),
    ("Telephone conversation on May 28 with the Chancellor of Austria", "negotiation", "2024-05-28"),  # named
    ("Tell people in the occupied territories that the army will come", "territory_control", None),  # a call
])
def test_a_headline_speaks_of_its_publication_day(title, kind, expected):
    events = [e for e in title_events(title) if e.type == kind]
    assert events and all(e.when == expected for e in events), title_events(title)


def test_a_headline_without_a_publication_date_stays_undated():
    events = title_events("Telephone conversation with the Prime Minister of Japan", published=None)
    assert events and all(e.when is None for e in events), events


def test_the_same_words_in_a_body_are_not_dated_as_a_headline():
    article = Article(id="t", published="2024-06-01", language="en", title=None,
                      text="Telephone conversation with the Prime Minister of Japan.")
    events = [e for e in analyse_article(article).events if e.type == "negotiation"]
    assert all(e.when is None for e in events), events


@pytest.mark.model
@pytest.mark.parametrize("title, body, speaker", [
    # a surname the dictionary reads as a person's noun (маляр, a painter) is a speaker label
    ("Маляр: ВСУ продолжают удерживать часть Бахмута",
     "Заместитель министра обороны Украины Анна Маляр заявила, что подразделения удерживают часть города.",
     "Hanna Maliar"),  # (a Ukrainian official, spelt as Ukraine writes her name)
    # a headline's surname takes the full name the body gives the same person
    ("Балицкий сообщил об отражении атак ВСУ", "Врио губернатора Евгений Балицкий заявил об отражении атак.",
     "Yevgeny Balitsky"),
    # no one of that name in the body: the surname stays
    ("Маляр: ВСУ продолжают удерживать часть Бахмута", "Подразделения удерживают часть города, сообщил Генштаб.",
     "Маляр"),
])
def test_a_headline_surname_takes_the_name_the_body_gives(title, body, speaker):
    doc = analyse_article(Article(id="t", text=body, title=title, language="ru", published="2024-01-01"))
    assert [a.speaker for a in doc.title_layers.attributions] == [speaker]


def test_settling_keeps_an_abbreviation_and_a_speaker_of_no_surname():
    from claimledger.extract.attribution.headlines import settle_headline_speakers
    from claimledger.models import Attribution

    body_text = "Аналитики ISW считают, что наступление продолжится."
    body = [Attribution("a1", (20, 50), "indirect", source=(0, 13), speaker="Аналитики ISW")]
    title = [Attribution("a1", (5, 30), "according_to", source=(0, 3), speaker="ISW")]
    assert settle_headline_speakers(title, body, body_text)[0].speaker == "ISW"


@pytest.mark.model
@pytest.mark.parametrize("title, speakers", [
    ("Kryvyi Rih: Missiles hit Zelensky's home city", []),  # a town the headline is about speaks nothing
    ("Dmitry Peskov: Russia is open to talks", ["Dmitry Peskov"]),
])
def test_a_town_label_is_no_transcript_speaker(title, speakers):
    doc = analyse_article(Article(id="t", text="Six people were killed.", title=title, language="en",
                                  published="2023-07-31"))
    assert [a.speaker for a in doc.title_layers.attributions] == speakers


def test_a_source_that_says_a_clause_after_its_verb_reports_that_clause_not_the_claim_before():
    found = title_claims("Russia claims capture of Bakhmut, Kyiv says fighting continues", "en")
    by = {c["source"]: c["content"] for c in found}
    assert by.get("Kyiv") == "fighting continues" and by.get("Russia") == "capture of Bakhmut", found


def test_a_headline_subject_the_parser_splits_in_two_is_one_source():
    assert [c["source"] for c in title_claims("Wagner chief claims full control of Bakhmut", "en")] == [
        "Wagner chief"]


def test_a_verbless_clause_after_says_is_the_headline_claim():
    # the parser reads the verbless clause as the object of "says", which the body's rules take for a topic
    found = title_claims("Zelenskiy says situation in Kharkiv region under control", "en")
    assert [(c["speaker"], c["cue"], c["content"]) for c in found] == [
        ("Volodymyr Zelenskyy", "says", "situation in Kharkiv region under control")]


@pytest.mark.parametrize("title, text, language, kind", [
    ("Атака на Київ: уламки впали у трьох районах", "Росія вночі атакувала Київ ударними дронами, уламки впали у "
     "трьох районах, повідомив Кличко.", "uk", "strike"),
    ("Атака на Харьков: повреждены жилые дома", "Российские войска нанесли ракетный удар по Харькову, повреждены "
     "жилые дома, сообщил Синегубов.", "ru", "strike"),
    ("Атака на Волчанск", "Российские войска атаковали Волчанск, бои продолжаются. Город обстреливают из "
     "артиллерии.", "ru", "clash"),
])
def test_a_headline_attack_is_the_strike_its_body_tells(title, text, language, kind):
    article = Article(id="t", outlet=None, url=None, published=PUBLISHED, language=language, title=title, text=text)
    found = [e.type for e in analyse_article(article).title_layers.events]
    assert found[:1] == [kind], found
