"""Idioms of agency copy (issue 12): an act it is too early to speak of has not happened ("о полном окружении города
говорить пока рано": denied); an idiom of entering fronted before its verb takes no place ("в планы России не входит
оккупация": the occupation, not an entry, is the act); a bare number right before a verb of the dead or hurt counts
them ("более 80 пострадали, судьба еще 11 человек неизвестна": 80), and is no count of the strike they were hurt in
("Около 10 пострадали при обстреле").

The sentences are probes written for these tests in the styles of the hidden reports (agency copy; no gold or corpus
text); each says what the record should hold by the annotation guide (shared data/dev/README.md) and runs the
pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record

pytestmark = pytest.mark.model


def _events(text: str, language: str) -> list[tuple[str, str, str, object]]:
    """(type, trigger, polarity, count) of each body event of a probe report."""
    rec = record(text, language, "2023-10-12")
    return [(e["type"], text[e["trigger"][0]:e["trigger"][1]], e["polarity"], e.get("quantity"))
            for e in rec["events"]]


@pytest.mark.parametrize("text, language, polarity", [
    ("Он добавил, что о полном окружении города говорить пока рано.", "ru", "denied"),
    ("Рано говорить о взятии Бахмута.", "ru", "denied"),
    ("Про оточення Покровська говорити зарано.", "uk", "denied"),
    ("Говорят, что наступление началось рано утром.", "ru", "asserted"),
])
def test_an_act_too_early_to_speak_of_has_not_happened(text, language, polarity):
    found = _events(text, language)
    assert [p for _, _, p, _ in found] == [polarity], found


@pytest.mark.parametrize("text, language, trigger", [
    ("Путин подчеркнул, что в планы России не входит оккупация украинских территорий.", "ru", "оккупация"),
    ("До планів Росії не входить окупація України.", "uk", "окупація"),
    ("Российские войска вошли в Херсон.", "ru", "вошли"),
])
def test_a_fronted_idiom_of_entering_takes_no_place(text, language, trigger):
    found = _events(text, language)
    assert [(kind, t) for kind, t, _, _ in found] == [("territory_control", trigger)], found


@pytest.mark.parametrize("text, counts", [
    ("По данным властей, погибли 46 человек, более 80 пострадали, судьба еще 11 человек неизвестна.",
     [("casualties", 46), ("casualties", 80)]),
    ("Около 10 пострадали при обстреле.", [("casualties", 10), ("strike", None)]),
    ("В 2023 году погибли 12 человек.", [("casualties", 12)]),
    ("ВСУ 12 раз обстреляли Белгород.", [("strike", 12)]),
])
def test_a_bare_number_before_a_verb_of_the_dead_counts_them(text, counts):
    found = _events(text, "ru")
    assert [(kind, count) for kind, _, _, count in found] == counts, found
