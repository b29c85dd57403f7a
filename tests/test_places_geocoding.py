"""Geocoding English places on any news report: a city or state named alike, regions by the article's
country, counties by their state, towns the gazetteer lacks, modifiers by the annotation guide."""
from __future__ import annotations

import pytest

from claimledger.extract.places.gazetteer import Entry, Gazetteer, load_gazetteer
from claimledger.extract.places.name_keys import normalise
from claimledger.extract.places.places import find_places

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def places_of(nlp_en):
    gaz = load_gazetteer()

    def run(text, gazetteer=None):
        return {p.text: p for p in find_places(nlp_en(text), gazetteer or gaz)}

    return run


def _small_gazetteer(*entries: tuple[Entry, tuple[str, ...]]) -> Gazetteer:
    """A gazetteer of the given entries, each with its extra names."""
    keys = [[normalise(name) for name in (e.name, *names)] for e, names in entries]
    return Gazetteer([e for e, _ in entries], keys, [[] for _ in entries])


def test_mayor_of_names_the_city_not_the_state(places_of):
    place = places_of("The mayor of New York said the subway would reopen on Friday.")["New York"]
    assert place.level == "settlement" and place.lat == pytest.approx(40.7, abs=0.2)


def test_washington_dc_is_the_city_and_dc_has_its_point(places_of):
    found = places_of("A patient was admitted to a hospital in Washington, D.C. on Monday.")
    assert found["Washington"].level == "settlement"
    assert (found["Washington"].lat, found["Washington"].lon) == pytest.approx((38.9, -77.0), abs=0.2)
    assert (found["D.C."].lat, found["D.C."].lon) == pytest.approx((38.9, -77.0), abs=0.2)


@pytest.mark.parametrize("text", ["Cattle from a Washington state farm were tested for the disease.",
                                  "The herd was traced to a farm in the state of Washington."])
def test_state_cue_names_the_state_not_the_capital(places_of, text):
    place = places_of(text)["Washington"]
    assert place.level == "region" and place.lon < -115  # the Pacific state, not the capital


def test_downtown_names_the_city(places_of):
    place = places_of("Protesters marched through downtown Washington on Saturday.")["Washington"]
    assert place.level == "settlement" and place.lon == pytest.approx(-77.0, abs=0.2)


def test_west_coast_by_the_countries_of_the_article(places_of):
    us = places_of("Wildfires spread along the West Coast, from California to Oregon.")["West Coast"]
    nz = places_of("Heavy rain hit the West Coast near Greymouth and Hokitika.")["West Coast"]
    assert us.lon < -100 and us.name.endswith("United States")
    assert nz.lon > 160


def test_county_resolved_by_its_state_named_beside_it(places_of):
    place = places_of("Dead ducks were found in Fulton County in Illinois last week.")["Fulton County"]
    assert (place.lat, place.lon) == pytest.approx((40.5, -90.2), abs=0.5)


def test_dotted_state_abbreviation_after_a_town(places_of):
    found = places_of("The flight from Fresno, Calif., landed in Buffalo, N.Y., after midnight.")
    assert found["Calif."].name == "California" and found["N.Y."].name == "New York"
    assert found["Fresno"].lat == pytest.approx(36.7, abs=0.2)


def test_small_town_abroad_gets_no_point_in_a_report_from_elsewhere(places_of):
    # the gazetteer lacks the Texan town; its only homonym is a small town in France
    gaz = _small_gazetteer(
        (Entry("us", None, "country", "United States", country="US", lat=39.8, lon=-98.6), ("U.S.",)),
        (Entry("tx", None, "region", "Texas", country="US", lat=31.0, lon=-99.0), ()),
        (Entry("dallas", None, "settlement", "Dallas", country="US", oblast="tx", lat=32.78, lon=-96.8,
               population=1_300_000), ()),
        (Entry("fr-town", None, "settlement", "Mabank", country="FR", lat=48.8, lon=2.3, population=30_000), ()),
        (Entry("paris", None, "settlement", "Paris", country="FR", category="PPLC", lat=48.85, lon=2.35,
               population=2_100_000), ()),
    )
    found = places_of("Officials in Dallas, Texas, said a second case was found in Mabank on Friday.", gaz)
    assert found["Mabank"].lat is None and found["Mabank"].candidates == ("fr-town",)
    assert found["Dallas"].lat == pytest.approx(32.78)
    found = places_of("Officials in Dallas, Texas, said the patient had flown in from Paris.", gaz)
    assert found["Paris"].lat == pytest.approx(48.85)  # a capital keeps its point


def test_small_town_abroad_keeps_its_point_near_the_other_places(places_of):
    gaz = _small_gazetteer(
        (Entry("fr", None, "country", "France", country="FR", lat=46.0, lon=2.0), ()),
        (Entry("fr-town", None, "settlement", "Mabank", country="FR", lat=48.8, lon=2.3, population=30_000), ()),
    )
    assert places_of("A second case was found in Mabank, France, on Friday.", gaz)["Mabank"].lat == pytest.approx(48.8)


def test_name_with_a_world_head_counts_as_the_town_of_that_name(places_of):
    # "the Arden region": the town named Arden, not a bigger city that only lists Arden as another name
    gaz = _small_gazetteer(
        (Entry("pe", None, "country", "Peru", country="PE", lat=-10.0, lon=-76.0), ()),
        (Entry("town", None, "settlement", "Arden", country="PE", lat=-15.8, lon=-70.0, population=120_000), ()),
        (Entry("city", None, "settlement", "Ardenne", country="IN", lat=18.5, lon=73.9, population=3_000_000),
         ("Arden",)),
    )
    found = places_of("The meteorite fell in the Arden region of Peru on Saturday.", gaz)
    place = next(p for text, p in found.items() if text.startswith("Arden"))
    assert place.name == "Arden" and place.lat == pytest.approx(-15.8)


@pytest.mark.parametrize("text, name", [
    ("U.S. officials said the strike hit an ammunition depot.", "U.S."),
    ("The Tokyo-based firm said sales fell by a third.", "Tokyo"),
    ("A Kyiv-based analyst said the front line held.", "Kyiv"),
    ("Russia-backed separatists shelled the town overnight.", "Russia"),
])
def test_toponyms_used_as_modifiers_are_places(places_of, text, name):
    place = places_of(text)[name]
    assert place.lat is not None


def test_demonyms_are_not_places(places_of):
    # the annotation guide (shared data/dev/README.md, section D) leaves demonyms and adjectives out
    found = places_of("British troops arrived in Estonia as German officials watched.")
    assert set(found) == {"Estonia"}


def test_counties_point_to_their_state():
    gaz = load_gazetteer()
    illinois = next(e for e in gaz.lookup("Illinois", fuzzy=False) if e.level == "region")
    counties = [e for e in gaz.lookup("Fulton County", fuzzy=False) if e.country == "US"]
    assert len(counties) > 1 and all(e.oblast for e in counties)
    assert illinois.id in {e.oblast for e in counties}


def test_town_kept_to_the_state_the_text_places_it_in(places_of):
    # both towns are in the gazetteer: the state after the comma picks one
    gaz = _small_gazetteer(
        (Entry("il", None, "region", "Illinois", country="US", lat=40.0, lon=-89.0), ()),
        (Entry("wi", None, "region", "Wisconsin", country="US", lat=44.5, lon=-89.5), ()),
        (Entry("town-wi", None, "settlement", "Marengo", country="US", oblast="wi", lat=45.5, lon=-91.7,
               population=40_000), ()),
        (Entry("town-il", None, "settlement", "Marengo", country="US", oblast="il", lat=42.2, lon=-88.6,
               population=7_000), ()),
        (Entry("city-il", None, "settlement", "Aurora", country="US", oblast="il", lat=41.8, lon=-88.3), ()),
    )
    found = places_of("Ducks were found near Marengo, Illinois, on Monday.", gaz)
    assert found["Marengo"].lat == pytest.approx(42.2)


def test_town_missing_from_the_state_named_after_it_gets_no_point(places_of):
    gaz = _small_gazetteer(
        (Entry("il", None, "region", "Illinois", country="US", lat=40.0, lon=-89.0), ()),
        (Entry("wi", None, "region", "Wisconsin", country="US", lat=44.5, lon=-89.5), ()),
        (Entry("town-wi", None, "settlement", "Marengo", country="US", oblast="wi", lat=45.5, lon=-91.7,
               population=40_000), ()),
        (Entry("city-il", None, "settlement", "Aurora", country="US", oblast="il", lat=41.8, lon=-88.3), ()),
    )
    found = places_of("Ducks were found in the Marengo area of Cook County in Illinois.", gaz)
    assert found["Marengo"].lat is None and found["Marengo"].candidates == ("town-wi",)


@pytest.mark.parametrize("text", [
    '"We are sorry for the delay." Police said the water was safe to drink again.',
    "In March, the largest meat processor recalled its products.",
    "Officials report that the area where the swan was found has been sealed off.",
    "Pilgrims gathered in St. Paul's Square on Sunday morning.",
])
def test_common_words_are_not_places(places_of, text):
    # a sentence-opening noun matched only as another place's alias, a preposition opening a name, and a
    # lower-case word the NER model calls a place
    assert places_of(text) == {}


def test_country_with_a_curly_possessive_is_a_place(places_of):
    place = places_of("The UN say the epidemic is Angola’s worst cholera outbreak in a decade.")["Angola"]
    assert place.level == "country"


def test_adjective_tagged_name_before_a_province_head(places_of):
    found = places_of("Thousands of people fled from parts of the Punjab province of Pakistan.")
    place = next(p for text, p in found.items() if text.startswith("Punjab"))
    assert place.level == "region" and place.lon == pytest.approx(72.5, abs=2.5)


@pytest.mark.parametrize("text, town", [
    ("Zelensky spoke in Davos on Tuesday as Russian missiles hit Kharkiv and Dnipro.", "Davos"),
    ("Russian drones struck Kharkiv and Odesa overnight. Defence ministers met in Ramstein on Friday "
     "to discuss air defence for Kyiv and Moscow's threats.", "Ramstein"),
])
def test_small_town_abroad_in_a_war_report_keeps_its_point(places_of, text, town):
    assert places_of(text)[town].lat is not None


def test_all_caps_dateline_is_a_place(places_of):
    place = places_of("KIEV\nThe air force said on Monday that most drones had been shot down.")["KIEV"]
    assert place.name == "Kyiv" and place.ref is not None


@pytest.mark.parametrize("text, town, state_lon", [
    ("Police in Manchester, N.H., said two men were arrested.", "Manchester", -71.5),
    ("The plant in Charleston, West Virginia, leaked chemicals into the river.", "Charleston", -81.6),
    ("Flooding hit Birmingham, Alabama, on Sunday.", "Birmingham", -86.8),
])
def test_homonym_town_in_the_state_written_after_it(places_of, text, town, state_lon):
    # the English Manchester and Birmingham and the Carolina Charleston are the more prominent readings
    assert places_of(text)[town].lon == pytest.approx(state_lon, abs=0.5)


@pytest.mark.parametrize("text, name, place_text", [
    ("The U.S.-led coalition struck targets overnight.", "United States", "U.S."),
    ("A U.K.-based charity said aid was blocked.", "United Kingdom", "U.K."),
])
def test_name_opening_a_one_token_compound_is_a_place(places_of, text, name, place_text):
    place = places_of(text)[place_text]
    assert place.name == name and text[place.span[0]:place.span[1]] == place_text


def test_sentence_opening_article_is_not_part_of_a_name(places_of):
    found = places_of("The Lviv-born singer performed on Sunday.")
    assert set(found) == {"Lviv"}


def test_large_city_with_a_three_letter_name(places_of):
    place = places_of("A drone struck a refinery in Ufa, deep inside Russia.")["Ufa"]
    assert place.lat == pytest.approx(54.7, abs=0.2)
