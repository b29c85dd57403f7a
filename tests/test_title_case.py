"""English headlines in Title Case are parsed in the case of a sentence (extract/language/title_case.py): the claims
and acts of "Russia Claims Capture of Krasnohorivka, Ukraine Says Fighting Continues" are read as in sentence case,
names, offices and bodies keep their capitals, and offsets stay those of the headline as published.

The headlines are probes written for these tests in the styles of US outlets (no gold or corpus text).
"""
from __future__ import annotations

import pytest

from claimledger.extract.places.gazetteer import load_gazetteer
from claimledger.extract.language.title_case import english_dictionary, is_title_case, sentence_cased
from test_reports_acts import record

pytestmark = pytest.mark.model


@pytest.mark.parametrize("title, expected", [
    ("Russia Claims Capture of Krasnohorivka, Ukraine Says Fighting Continues", True),
    ("Ukraine War: Russian Forces Pushed Back From Kyiv Suburbs", True),
    ("Russian strike kills 12 in Kharkiv, governor says", False),
    ("Meeting with Shoigu", False),  # too few long words to tell
])
def test_title_case_is_told_from_sentence_case(title, expected):
    assert is_title_case(title) is expected


@pytest.mark.parametrize("title, cased", [
    ("Russia Claims Capture of Krasnohorivka, Ukraine Says Fighting Continues",
     "Russia claims capture of Krasnohorivka, Ukraine says fighting continues"),
    ("Ukraine War: Russian Forces Pushed Back From Kyiv Suburbs",
     "Ukraine war: Russian forces pushed back from Kyiv suburbs"),
    ("Head of the Office of the President of Ukraine Met With Ambassadors",
     "Head of the Office of the President of Ukraine met with ambassadors"),
    ("Ukraine's General Staff Says Russian Troops Shelled Sumy Region 40 Times",
     "Ukraine's General Staff says Russian troops shelled Sumy region 40 times"),
    ("Trump Says He Will End the War, Zelenskyy Responds", "Trump says he will end the war, Zelenskyy responds"),
    # an outlet of the registry keeps its name ("new York" had been read as the city)
    ("Essay by Head of the Office of the President of Ukraine for The New York Times",
     "Essay by Head of the Office of the President of Ukraine for The New York Times"),
    ("Ukraine Lost Ground Near Pokrovsk, Associated Press Reports",
     "Ukraine lost ground near Pokrovsk, Associated Press reports"),
])
def test_ordinary_words_lose_their_capitals_and_names_offices_and_bodies_keep_them(nlp_en, title, cased):
    out = sentence_cased(title, english_dictionary(nlp_en), load_gazetteer())
    assert out == cased and len(out) == len(title)


def test_a_title_case_headline_claims_what_its_sentence_case_twin_claims():
    title = "Russia Claims Capture of Krasnohorivka, Ukraine Says Fighting Continues"
    rec = record("Fighting went on.", "en", "2024-09-09", title=title)
    layers = rec["title_layers"]
    speakers = {a["id"]: a["speaker"] for a in layers["attributions"]}
    found = {(e["type"], title[e["trigger"][0]:e["trigger"][1]], speakers.get(e["claimed_by"]))
             for e in layers["events"]}
    assert ("territory_control", "Capture", "Russia") in found, found
    assert ("clash", "Fighting", "Ukraine") in found, found


@pytest.mark.parametrize("title, town", [
    ("Ukraine pulls troops out of Avdiivka as Russia claims the city", "Avdiivka"),
    ("Wagner Claims Soledar", "Soledar"),
])
def test_a_headline_claiming_a_town_claims_to_hold_it(title, town):
    layers = record("Fighting went on.", "en", "2024-02-17", title=title)["title_layers"]
    names = {p.get("ref") or p["name"]: p["name"] for p in layers["places"]}
    held = [[names[k] for k in e["places"]] for e in layers["events"] if e["type"] == "territory_control"]
    assert held == [[town]], layers["events"]
