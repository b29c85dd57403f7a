"""Russian and Ukrainian attributions to reports named inside a claim (issue 12): a noun of information or of a
statement with its owner in the genitive and "о том, что" ("опровергло сообщения украинских СМИ о том, что ...")
is the owner's report, nested in the claim that names it, with its speaker in the nominative; the events of the
report are the owner's, and a denial keeps a denied copy of each (annotation guide, section E). An official named
again by the area he heads ("глава республики", "голови області") is the one named before. An object after a cue ends before the
report that closes the sentence ("не виключає відправлення військ, заявив Макрон після зустрічі").

Probes written for these tests in the styles of agency copy, checked by test_attribution_ru.mismatches.
"""
from __future__ import annotations

import pytest

from test_attribution_ru import A, analyse, mismatches, probe
from test_reports_acts import record

pytestmark = pytest.mark.model

PROBES = [
    probe("Министерство обороны России опровергло сообщения украинских СМИ о том, что российские подразделения "
          "покинули Крынки.", "ru",
          A("опровергло", "Министерство обороны России", "сообщения украинских СМИ о том, что российские подразделения "
            "покинули Крынки", "indirect"),
          A("сообщения", "украинских СМИ", "российские подразделения покинули Крынки", "indirect",
            speaker="украинские СМИ", parent=0)),
    probe("Песков прокомментировал заявления Зеленского о том, что ВСУ освободили Кринки.", "ru",
          A("прокомментировал", "Песков", "заявления Зеленского о том, что ВСУ освободили Кринки", "indirect"),
          A("заявления", "Зеленского", "ВСУ освободили Кринки", "indirect", speaker="Volodymyr Zelenskyy",
            parent=0)),
    probe("Появились сообщения о том, что российские подразделения покинули Крынки.", "ru",
          A("сообщения", None, "российские подразделения покинули Крынки", "indirect",
            speaker="unspecified (reports)")),
]


@pytest.mark.parametrize("p", PROBES, ids=[p.text[:40] for p in PROBES])
def test_a_report_named_with_its_owner_is_the_owners(p):
    assert mismatches(p, analyse(p)) == []


def test_a_denied_report_keeps_the_owners_event_and_a_denied_copy():
    rec = record("Министерство обороны России опровергло сообщения украинских СМИ о том, что российские "
                 "подразделения покинули Крынки.", "ru", "2024-06-07")
    claims = sorted((e["type"], e["claimed_by"], e["polarity"]) for e in rec["events"])
    assert claims == [("withdrawal", "a1", "denied"), ("withdrawal", "a2", "asserted")], rec["events"]


def test_an_indeclinable_source_takes_the_case_of_its_adjective():
    rec = record("По данным западных СМИ, ВСУ отошли от Часова Яра.", "ru", "2024-06-07")
    assert [a["speaker"] for a in rec["attributions"]] == ["западные СМИ"], rec["attributions"]


@pytest.mark.parametrize("text, language, speaker", [
    ("Глава ДНР Денис Пушилин заявил об обстреле. Глава республики добавил, что двое ранены.", "ru", "Denis Pushilin"),
    ("Губернатор Курской области Алексей Смирнов сообщил об атаке. По словам главы региона, пострадавших нет.", "ru",
     "Aleksei Smirnov"),
    ("Голова Харківської ОВА Олег Синєгубов повідомив про обстріл. За словами голови області, поранено трьох людей.",
     "uk", "Oleh Syniehubov"),
])
def test_an_official_named_again_by_the_area_he_heads_is_the_one_named_before(text, language, speaker):
    rec = record(text, language, "2024-06-07")
    assert [a["speaker"] for a in rec["attributions"]] == [speaker, speaker], rec["attributions"]


@pytest.mark.parametrize("text, language, content", [
    ("Франція не виключає відправлення військ в Україну, заявив президент Еммануель Макрон після зустрічі в Парижі.",
     "uk", "відправлення військ в Україну"),
    ("Франция не исключает отправки войск на Украину, заявил президент Эмманюэль Макрон после встречи в Париже.",
     "ru", "отправки войск на Украину"),
])
def test_an_object_ends_before_the_report_that_closes_the_sentence(text, language, content):
    p = probe(text, language)
    found = [text[a.content[0]:a.content[1]] for a in analyse(p) if text[a.source[0]:a.source[1]].startswith("Фран")]
    assert found == [content]
