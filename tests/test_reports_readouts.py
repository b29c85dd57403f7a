"""Control claims in English official readouts (issue 12, the per-settlement control ledger): a minister who
"reported to the President on the liberation of X" claims that liberation (annotation guide, section A: an NP that
makes a contestable claim, not a topic such as "the progress of the operation"); the act of an operation said to be
completed is done ("on the completion of the operation to liberate Artyomovsk"), not to come; a town taken together
with nearby settlements listed after "including" is taken too ("full control of Lisichansk and a number of nearby
settlements, including ..."); an act named as the aim is to come ("the main goal – the liberation of Donbass", "The
goal of Russia is the occupation of Ukraine"); troops that withdrew "from the city" left the town referred back to, in
a paragraph of its own too.

The sentences are probes written for these tests in the style of official readouts (no gold or corpus text); each
says what the record should hold by the annotation guide (shared data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, content", [
    ("Sergei Shoigu reported to the Supreme Commander-in-Chief on the liberation of Lisichansk.",
     "the liberation of Lisichansk"),
    ("Sergei Shoigu reported to the President on the completion of the operation to liberate Mariupol.",
     "the completion of the operation to liberate Mariupol"),
])
def test_a_report_on_an_event_done_claims_it(text, content):
    rec = record(text, "en", "2022-07-04")
    claims = [(a["speaker"], rec["text"][a["content"][0]:a["content"][1]]) for a in rec["attributions"]]
    assert claims == [("Sergei Shoigu", content)], claims
    assert [(e["type"], e["claimed_by"], e["modality"]) for e in rec["events"]] == [
        ("territory_control", rec["attributions"][0]["id"], "factual")], rec["events"]


def test_a_report_on_a_topic_claims_nothing():
    rec = record("Sergei Shoigu informed the President about the progress of the special military operation.", "en",
                 "2022-07-04")
    assert rec["attributions"] == [], rec["attributions"]


def test_an_act_of_an_operation_completed_is_done():
    found = record("The President congratulated the troops on the completion of the operation to liberate "
                   "Artyomovsk.", "en", "2023-05-21")["events"]
    assert [(e["type"], e["modality"]) for e in found] == [("territory_control", "factual")], found


def test_a_town_taken_with_nearby_settlements_listed_after_including_is_taken_too():
    found = events("The units of the Russian Armed Forces have taken full control of Lisichansk and a number of nearby "
                   "settlements, including Privolye and Novodruzhesk.", "en")
    assert [(kind, names) for kind, _, names, _ in found] == [
        ("territory_control", {"Lysychansk", "Pryvillia", "Novodruzhesk"})], found


@pytest.mark.parametrize("text", [
    "The combat potential has been reduced, which makes it possible to focus the main efforts on achieving the main "
    "goal – the liberation of Donbass.",
    "The key goal is the liberation of Kherson, and we will move towards it step by step.",
])
def test_an_act_named_as_the_aim_is_to_come(text):
    rec = record(text, "en", "2022-03-25")
    assert [(e["type"], e["modality"]) for e in rec["events"]] == [("territory_control", "future")], rec["events"]


def test_troops_withdrawn_from_the_city_left_the_town_told_before():
    found = events("Defence Minister Sergei Shoigu reported that Avdeyevka had been fully liberated.\n\nThe Ukrainian "
                   "command said its troops had withdrawn from the city to more favourable positions.", "en")
    assert [(kind, names) for kind, _, names, _ in found] == [
        ("territory_control", {"Avdiivka"}), ("withdrawal", {"Avdiivka"})], found
