"""A settlement name the gazetteer leaves ambiguous, named in an oblast that holds all its readings there ("село
Благодатное в ДНР": six villages Blahodatne in Donetsk Oblast), is that oblast's village of that name: name
"Blahodatne (Donetsk Oblast)", ref null, no coordinates, the refs still in play as candidates, as the annotation
guide's files write it; its events and the control ledger say where (homonym_areas.py). A city that bears the name
elsewhere keeps it unresolved ("удары по Львову, по Днепропетровщине"), and so do readings in two oblasts.
"""
from __future__ import annotations

import pytest

from claimledger.extract.event_places.event_places import place_within
from claimledger.extract.places.gazetteer import load_gazetteer
from claimledger.extract.places.homonym_areas import oblast_of_homonyms
from claimledger.models import Place
from test_reports_context import events

DONETSK = "UA14000000000091971"
DNIPROPETROVSK = "UA12000000000090473"


def _readings(name: str):
    return load_gazetteer().lookup(name)


def test_the_readings_in_the_oblast_named_give_the_village_of_that_oblast():
    name, refs = oblast_of_homonyms(load_gazetteer(), _readings("Благодатне"), [DONETSK])
    assert name == "Blahodatne (Donetsk Oblast)" and len(refs) > 1 and all(r.startswith("UA14") for r in refs)


def test_no_oblast_named_or_a_city_elsewhere_leaves_the_name_open():
    gaz = load_gazetteer()
    assert oblast_of_homonyms(gaz, _readings("Благодатне"), []) is None
    assert oblast_of_homonyms(gaz, _readings("Львів"), [DNIPROPETROVSK]) is None


@pytest.mark.model
@pytest.mark.parametrize("text, language, place", [
    ("Армия России освободила село Благодатное в ДНР; бойцы теснят врага в Харьковской области.", "ru",
     "Blahodatne (Donetsk Oblast)"),
    ("Российские военные освободили Ново-Михайловку в ДНР.", "ru", "Novomykhailivka (Donetsk Oblast)"),
    ("Russia said it had captured the village of Blahodatne in the Donetsk region.", "en",
     "Blahodatne (Donetsk Oblast)"),
])
def test_an_event_at_such_a_village_is_placed_there(text, language, place):
    found = events(text, language)
    assert found[0][0] == "territory_control" and found[0][2] == {place}, found


def test_such_a_village_lies_in_its_oblast_not_in_another():
    gaz = load_gazetteer()
    name, refs = oblast_of_homonyms(gaz, _readings("Благодатне"), [DONETSK])
    village = Place(span=(0, 11), text="Благодатное", name=name, level="settlement", candidates=refs)
    donetsk = Place(span=(15, 18), text="ДНР", ref=DONETSK, name="Donetsk Oblast", level="oblast")
    dnipro = Place(span=(20, 40), text="Днепропетровщина", ref=DNIPROPETROVSK, name="Dnipropetrovsk Oblast",
                   level="oblast")
    assert place_within(village, donetsk) and not place_within(village, dnipro)
