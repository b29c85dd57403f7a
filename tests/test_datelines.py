"""Datelines of wire reports: where the report was filed is no event's place and no part of a claim."""
from __future__ import annotations

import pytest

from claimledger.extract.places.datelines import find_datelines
from claimledger.models import Article


@pytest.mark.parametrize("text, dateline", [
    ("KYIV, Ukraine (AP) — Russian missiles struck", "KYIV, Ukraine (AP) — "),
    ("MOSCOW, May 5 (Reuters) - Russia said", "MOSCOW, May 5 (Reuters) - "),
    ("КИЕВ, 3 июня. /ТАСС/. Украинские войска", "КИЕВ, 3 июня. /ТАСС/. "),
    ("KIEV\nRussia launches an offensive", "KIEV\n"),
    ("МОСКВА, 10 мая. Российские войска", "МОСКВА, 10 мая. "),
    ("Киев. 3 апреля. ИНТЕРФАКС-УКРАИНА - Вся область", "Киев. 3 апреля. ИНТЕРФАКС-УКРАИНА - "),
    ("Белгород. 12 мая. INTERFAX - В Белгороде", "Белгород. 12 мая. INTERFAX - "),
    ("Нижний Новгород. 5 июня. INTERFAX - x", "Нижний Новгород. 5 июня. INTERFAX - "),
    ("Итоги. 3 апреля. Война продолжается - x", ""),
    ("ХАРЬКОВ ПОД ОБСТРЕЛОМ\nПогибли три человека.", ""),  # a headline in capitals
    ("NATO — the alliance said", ""),
    ("US — talks resumed", ""),
    ("The UN said", ""),
    ("ВСУ отступили", ""),
])
def test_the_dateline_a_text_opens_with(text, dateline):
    spans = find_datelines(text)
    assert text[:spans[0][1]] == dateline if dateline else not spans or spans[0][0] > 0


def test_datelines_open_the_items_of_a_digest():
    text = "Первая новость.\nКИЕВ, 3 июня. /ТАСС/. Вторая новость.\nДОНЕЦК, 4 июня. /ТАСС/. Третья."
    assert [text[a:b] for a, b in find_datelines(text)] == ["КИЕВ, 3 июня. /ТАСС/. ", "ДОНЕЦК, 4 июня. /ТАСС/. "]


@pytest.mark.model
def test_a_dateline_is_a_place_but_no_events_place_nor_part_of_a_claim():
    from claimledger.pipeline import analyse_article

    text = ("KYIV, Ukraine (AP) — Russian missiles struck Kharkiv overnight, killing at least seven people and "
            "wounding 21, regional Gov. Oleh Syniehubov said Friday.")
    doc = analyse_article(Article(id="t", text=text, language="en", published="2024-05-24"))
    assert "KYIV" in [p.text for p in doc.places]
    (claim,) = doc.attributions
    # the content starts after the dateline and keeps the result the strike had
    assert text[claim.content[0]:claim.content[1]] == \
        "Russian missiles struck Kharkiv overnight, killing at least seven people and wounding 21"
    kyiv = "UA80000000000093317"
    assert doc.events and all(kyiv not in e.places for e in doc.events)
    assert {e.type for e in doc.events if e.claimed_by == claim.id} >= {"strike", "casualties"}


@pytest.mark.model
@pytest.mark.parametrize("text, language", [
    ("ЭНЕРГОДАР, 5 августа. /ТАСС/. ВСУ нанесли удар по территории Запорожской АЭС, сообщил Евгений Балицкий.", "ru"),
    ("ENERHODAR, Ukraine (AP) — Shelling hit the Zaporizhzhia nuclear plant overnight, the IAEA said.", "en"),
])
def test_a_dateline_town_holding_a_facility_the_report_names_places_its_events(text, language):
    from claimledger.pipeline import analyse_article

    doc = analyse_article(Article(id="t", text=text, language=language, published="2022-08-05"))
    strikes = [e for e in doc.events if e.type == "strike"]
    assert strikes and all(e.places == ("UA23040110010044100",) for e in strikes), strikes  # Enerhodar


@pytest.mark.model
def test_a_dateline_town_is_no_place_of_a_facility_elsewhere():
    from claimledger.pipeline import analyse_article

    text = "ДОНЕЦК, 5 августа. /ТАСС/. ВСУ нанесли удар по территории Запорожской АЭС, сообщил Балицкий."
    doc = analyse_article(Article(id="t", text=text, language="ru", published="2022-08-05"))
    assert doc.events and all("UA14080030010048113" not in e.places for e in doc.events)  # not Donetsk


def test_blank_lines_open_no_dateline():
    # each line is tried from its own start (a pattern that skipped blank lines made this quadratic)
    assert find_datelines("\n" * 20000 + " \n" * 20000 + "x") == []
    assert find_datelines("\n\nKYIV, Ukraine (AP) — x") == [(2, len("\n\nKYIV, Ukraine (AP) — "))]


def test_a_source_that_began_in_a_dateline_starts_after_it():
    from claimledger.pipeline import analyse_article

    text = "HIROSHIMA, Japan (AP) - Ukrainian President Volodymyr Zelenskyy on Sunday denied that Russian forces had " \
           "captured Bakhmut."
    (claim,) = analyse_article(Article(id="t", text=text, language="en", published="2023-05-21")).attributions
    assert text[claim.source[0]:claim.source[1]].startswith("Ukrainian President") \
        and claim.speaker == "Volodymyr Zelenskyy"
