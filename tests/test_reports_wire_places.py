"""Places of English wire copy (issue 12): a Ukrainian village far from the Russian region a sentence is set in is a
Russian village the gazetteer lacks, its name as written ("repelled attacks near the villages of Kremyanoye, Snagost
and Olgovka" after "Russia's Kursk region": no Olhivka of Kherson Oblast), while a metropolis sets no scene
("Moscow-installed officials said ... near the village of Krynky"); a city named like its oblast after a town of that
oblast and "in" is the oblast ("the town of Lyman in Donetsk"); a dateline of a day and an agency with no city opens
no source ("Aug 14 (Reuters) - Ukraine's top commander ... said"); a country whose figures they are is no place of
the event they count ("a figure far below U.S. estimates"). Forces concentrated are a build-up ("The occupiers are
concentrating their forces in the east"), as in Russian and Ukrainian.

The sentences are probes written for these tests in the style of wire copy (no gold or corpus text); each says what
the record should hold by the annotation guide (shared data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from claimledger.extract.places.datelines import find_datelines
from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model


def test_a_ukrainian_village_far_from_the_russian_setting_is_a_russian_village():
    found = events("Kyiv's forces had advanced by 1-2 km in Russia's Kursk region. Russia's Defence Ministry said it "
                   "had repelled attacks near the villages of Kremyanoye, Snagost and Olgovka.", "en")
    assert [places for kind, _, places, _ in found if kind == "attack_repelled"] == [
        {"Kremyanoye", "Snagost", "Olgovka"}], found


@pytest.mark.parametrize("text, place", [
    ("Moscow-installed officials said Ukrainian troops had been trapped near the village of Krynky and were being "
     "destroyed by artillery.", "Krynky"),
    ("Russian forces shelled Vovchansk from Belgorod, the governor said.", "Vovchansk"),
])
def test_a_metropolis_or_a_near_russian_town_keeps_the_ukrainian_village(text, place):
    found = events(text, "en")
    assert any(place in places for _, _, places, _ in found), found


@pytest.mark.parametrize("text, places", [
    ("Russian troops were nearly encircled in the town of Lyman in Donetsk.", {"Lyman"}),
    ("Russian forces shelled the village of Vovchansk in Kharkiv on Monday.", {"Vovchansk"}),
    ("Russian forces shelled Kupiansk and Kharkiv.", {"Kupiansk", "Kharkiv"}),
])
def test_a_city_named_like_the_oblast_of_the_town_before_it_is_the_oblast(text, places):
    found = events(text, "en")
    assert [p for _, _, p, _ in found] == [places], found


@pytest.mark.parametrize("text, end", [
    ("Aug 14 (Reuters) - Ukraine's top commander said.", 19),
    ("Sept. 3 (Reuters) - Russian forces advanced.", 20),
    ("Putin 14 (talks) - none.", None),
])
def test_a_day_and_an_agency_open_a_dateline(text, end):
    assert [b for _, b in find_datelines(text)] == ([end] if end else [])


def test_a_dateline_of_a_day_is_no_part_of_the_source():
    rec = record("Aug 14 (Reuters) - Ukraine's top commander Oleksandr Syrskyi said on Wednesday that Kyiv's forces had "
                 "advanced by 1-2 km in Russia's Kursk region.", "en", "2024-08-14")
    text = rec["text"]
    assert [text[a["source"][0]:a["source"][1]] for a in rec["attributions"]] == [
        "Ukraine's top commander Oleksandr Syrskyi"], rec["attributions"]


@pytest.mark.parametrize("text, places", [
    ("Zelenskyy said that 31,000 Ukrainian troops had been killed since the start of the war, a figure far below "
     "U.S. estimates.", set()),
    ("Russian missiles struck Ukraine overnight.", {"Ukraine"}),
])
def test_a_country_whose_figures_they_are_is_no_place(text, places):
    found = events(text, "en")
    assert [p for _, _, p, _ in found] == [places], found


@pytest.mark.parametrize("text, built_up", [
    ("The occupiers are concentrating their forces in the east.", True),
    ("Russia concentrated significant forces near Kharkiv.", True),
    ("We are concentrating on the economy.", False),
])
def test_forces_concentrated_are_a_build_up(text, built_up):
    found = events(text, "en")
    assert any(kind == "other" for kind, _, _, _ in found) == built_up, found
