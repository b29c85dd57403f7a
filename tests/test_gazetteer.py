"""The packaged gazetteer: look-ups in three languages and resolution by context."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pytest

from claimledger.extract.places.gazetteer import (
    Gazetteer, ResolveContext, load_gazetteer, normalise, skeleton,
)

CASES = Path(__file__).parent / "data" / "ua_toponym_lookup_cases.csv"
KHARKIV_OBLAST = "UA63000000000041885"
VOVCHANSK = "UA63140010010035757"


def _cases():
    with CASES.open(encoding="utf-8") as f:
        return [pytest.param(row, id=f"{row['surface']}-{row['lang']}") for row in csv.DictReader(f)]


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


@pytest.mark.parametrize("case", _cases())
def test_lookup_cases(gaz, case):
    within = case["oblast_hint"] or None
    found = gaz.lookup(case["surface"], within=within)
    picked = gaz.choose(found, surface=case["surface"])
    if case["expected_katottg"] == "AMBIGUOUS":
        assert picked.entry is None and len(picked.candidates) > 1
    else:
        assert picked.entry is not None and picked.entry.ref == case["expected_katottg"]


def test_loaded_once(gaz):
    assert load_gazetteer() is gaz


def test_normalise_unifies_apostrophes_and_case():
    assert normalise("Куп’янськ") == normalise("куп'янськ") == normalise("КУПʼЯНСЬК")
    assert normalise("Bahçesaray") == "bahcesaray"
    assert normalise("Київ") == "київ"  # й and ї are letters, not diacritics


def test_skeleton_joins_romanisations():
    assert skeleton(normalise("Kharkov")) == skeleton(normalise("Kharkiv"))
    assert skeleton(normalise("Lugansk")) == skeleton(normalise("Luhansk"))
    assert skeleton(normalise("Плетеневка")) == skeleton(normalise("Плетенівка"))


@pytest.mark.parametrize("surface, name", [
    ("Kharkov", "Kharkiv"), ("Kiev", "Kyiv"), ("Volchansk", "Vovchansk"), ("Lugansk", "Luhansk"),
    ("Donbass", "Donbas"), ("Artemovsk", "Bakhmut"), ("Kharkiv Oblast", "Kharkiv Oblast"),
    ("Kharkivska oblast", "Kharkiv Oblast"), ("Kharkov region", "Kharkiv Oblast"),
])
def test_english_variants(gaz, surface, name):
    res = gaz.resolve(surface, ResolveContext(areas_doc=frozenset({"UA14000000000091971", KHARKIV_OBLAST})))
    assert res.entry is not None and res.entry.name == name


def test_oblast_in_cyrillic_cases(gaz):
    assert [e.ref for e in gaz.lookup("Харківської області")] == [KHARKIV_OBLAST]
    assert [e.ref for e in gaz.lookup("Харьковской области")] == [KHARKIV_OBLAST]


def test_russian_case_form_reaches_ukrainian_unit(gaz):
    assert VOVCHANSK in {e.ref for e in gaz.lookup("в Волчанске")}


def test_within_accepts_names_and_codes(gaz):
    by_name = {e.ref for e in gaz.lookup("Стариця", within="Kharkiv")}
    by_code = {e.ref for e in gaz.lookup("Стариця", within=KHARKIV_OBLAST)}
    assert by_name == by_code == {"UA63140010620060690"}


def test_countries_and_world_cities(gaz):
    ukraine = gaz.resolve("Ukraine").entry
    assert ukraine.level == "country" and ukraine.ref is None and ukraine.name == "Ukraine"
    paris = gaz.resolve("Paris").entry
    assert paris.country == "FR" and paris.ref is None and paris.level == "settlement"
    assert 48 < paris.lat < 49 and 2 < paris.lon < 3
    assert gaz.resolve("U.S.").entry.name == "United States"


def test_border_place_has_geonames_ref(gaz):
    belgorod = gaz.resolve("Belgorod").entry
    assert belgorod.ref == "geonames:578072" and belgorod.point is not None


def test_homonym_needs_context(gaz):
    alone = gaz.resolve("Іванівка")
    assert alone.ambiguous and len(alone.candidates) > 100


def test_area_named_in_article_decides(gaz):
    found = gaz.lookup("Стариця")
    assert gaz.choose(found).entry is None
    picked = gaz.choose(found, ResolveContext(areas_doc=frozenset({KHARKIV_OBLAST})))
    assert picked.entry.ref == "UA63140010620060690"


def test_a_neighbour_named_in_the_sentence_picks_the_homonym_of_its_hromada(gaz):
    """Pokrovsk raion has two villages Іллінка: with Kurakhove in the sentence, the one of Kurakhove's hromada."""
    kurakhove = gaz.get("UA14160110010020758")
    context = ResolveContext(places=(kurakhove,), places_near=(kurakhove,))
    assert gaz.choose(gaz.lookup("Іллінка"), context).entry.ref == "UA14160110040033449"


def test_the_front_prior_gives_way_to_any_place_the_article_names(gaz):
    """Krasnopillia of Sumy Oblast among Sumy towns; with nothing named, still ambiguous between front-line ones."""
    found = gaz.lookup("Краснопілля")
    sumy = ResolveContext(areas_doc=frozenset({"UA59000000000057109"}))
    assert gaz.choose(found, sumy).entry.oblast == "UA59000000000057109"
    assert gaz.choose(found).entry is None  # one in Kharkiv Oblast, one in Donetsk Oblast at least


def test_a_former_name_is_the_renamed_city_s_alone(gaz):
    """Russian sources write Артемовск for Bakhmut; Kypuche, once Artemivsk too, does not share the name."""
    assert [e.name for e in gaz.lookup("Артемовск")] == ["Bakhmut"]
    assert gaz.resolve("Artemovsk").entry.name == "Bakhmut"


def test_hromada_centre_coordinates_are_not_published(gaz):
    village = gaz.lookup("Плетенівка", within=KHARKIV_OBLAST)[0]
    assert village.precision == "hromada_centre_approx" and village.point is None


def test_undecomposed_latin_letters_are_folded():
    assert normalise("Østfold") == "ostfold" and normalise("Łódź") == "lodz"


def test_capital_beats_a_homonymous_province(gaz):
    sofia = gaz.resolve("Sofia").entry
    assert sofia is not None and sofia.country == "BG" and sofia.level == "settlement"


def test_world_divisions_have_points_and_abbreviations(gaz):
    anhui = gaz.resolve("Anhui").entry
    assert anhui is not None and anhui.country == "CN" and anhui.point is not None
    nsw = gaz.resolve("NSW").entry
    assert nsw is not None and nsw.name == "New South Wales"


def test_named_world_areas(gaz):
    java = gaz.resolve("Java").entry
    assert java is not None and java.country == "ID" and java.level == "region"


def test_true_world_ties_stay_ambiguous(gaz):
    assert gaz.resolve("Scott County").ambiguous


def test_world_city_points_to_its_division(gaz):
    seattle = gaz.resolve("Seattle").entry
    assert seattle.oblast in gaz.division_ids
    assert gaz.get(seattle.oblast).name == "Washington"


def test_state_holding_the_article_places_wins(gaz):
    seattle = gaz.resolve("Seattle").entry
    found = gaz.lookup("Washington")
    picked = gaz.choose(found, ResolveContext(places=(seattle,)), surface="Washington")
    assert picked.entry is not None and picked.entry.level == "region"


def test_state_among_other_states_of_its_country(gaz):
    # "Georgia" in an article on Alabama, Iowa and Texas is the US state, not the country; so is "Washington"
    states = tuple(gaz.resolve(n).entry for n in ("United States", "Alabama", "Iowa", "Texas"))
    georgia = gaz.choose(gaz.lookup("Georgia"), ResolveContext(places=states), surface="Georgia").entry
    assert georgia is not None and georgia.country == "US" and georgia.level == "region"
    washington = gaz.choose(gaz.lookup("Washington"), ResolveContext(places=states), surface="Washington").entry
    assert washington is not None and washington.level == "region"
    # without that context the country keeps its prominence
    alone = gaz.choose(gaz.lookup("Georgia"), ResolveContext(places=(gaz.resolve("Armenia").entry,)),
                       surface="Georgia").entry
    assert alone is not None and alone.country == "GE"


def test_homonym_next_to_the_article_places(gaz):
    # "Gaza" next to Israel and Egypt is not the Mozambican province
    around = tuple(gaz.resolve(n).entry for n in ("Israel", "Egypt"))
    gaza = gaz.choose(gaz.lookup("Gaza"), ResolveContext(places=around), surface="Gaza").entry
    assert gaza is not None and gaza.country == "PS"


def test_points_on_the_equator_and_meridian_are_kept(gaz):
    atlantic = gaz.resolve("Atlantic Ocean").entry
    assert atlantic is not None and atlantic.point is not None and atlantic.point[0] == 0.0


def test_former_country_names(gaz):
    assert gaz.resolve("Burma").entry.country == "MM"
    assert gaz.resolve("Macedonia").entry.country == "MK"
    assert gaz.resolve("Zaire").entry.country == "CD"


def test_every_ukrainian_oblast_and_raion_has_a_centre_inside_itself(gaz):
    areas = [e for e in gaz.entries if e.country == "UA" and e.level in ("oblast", "raion")]
    assert len(areas) > 150
    points: dict[str, list[tuple[float, float]]] = {}  # area id -> its settlements' points, in one pass
    for e in gaz.entries:
        if e.level == "settlement" and e.point:
            for area_id in {e.oblast, e.raion}:
                points.setdefault(area_id, []).append(e.point)
    for area in areas:
        assert area.point is not None, area.name
        members = points.get(area.id, [])
        lats, lons = [p[0] for p in members], [p[1] for p in members]
        assert min(lats) <= area.point[0] <= max(lats) and min(lons) <= area.point[1] <= max(lons), area.name


def test_a_geonames_town_joined_to_a_village_of_its_name_is_the_towns():
    """The source joins GeoNames' Shevchenkove (7,090 people) to the selyshche and to a village of its hromada: the
    build gives the population and the point to the selyshche alone (scripts/build_gazetteer.py)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
    from build_gazetteer import keep_geonames_place

    town = {"category": "X", "population": "7090", "precision": "settlement"}
    village = {"category": "C", "population": "7090", "precision": "settlement"}
    keep_geonames_place([town, village])
    assert (town["population"], village["population"], village["precision"]) == ("7090", "", "hromada_centre_approx")
    twins = [{"category": "C", "population": "900", "precision": "settlement"} for _ in range(2)]
    keep_geonames_place(twins)  # two villages: nothing tells them apart, both keep it
    assert [t["population"] for t in twins] == ["900", "900"]


def test_the_country_is_what_its_own_name_names_beside_an_oblast(gaz):
    """"на півдні України" after "міста Київської області": the country, not a town of Kyiv Oblast like it."""
    found = gaz.lookup("України")
    context = ResolveContext(areas_near=frozenset({"UA32000000000030281"}))
    assert gaz.choose(found, context, surface="України").entry.name == "Ukraine"


@pytest.mark.parametrize("name_uk, name", [
    ("Краматорський", "Kramatorsk Raion"), ("Вінницький", "Vinnytsia Raion"), ("Ялтинський", "Yalta Raion"),
    ("Кременчуцький", "Kremenchuk Raion"), ("Криворізький", "Kryvyi Rih Raion"), ("Куп’янський", "Kupiansk Raion"),
])
def test_a_raion_is_named_after_its_centre(gaz, name_uk, name):
    raion = next(e for e in gaz.entries if e.level == "raion" and e.name_uk == name_uk)
    assert raion.name == name
    assert raion in gaz.lookup(f"{name_uk} район")  # and found by its Ukrainian name as before


def test_a_name_in_another_romanisation_is_the_town_whose_own_name_it_spells(gaz):
    # "Slovyansk" is Sloviansk's own name spelt another way, and a former name of Nikopol: the town's
    assert gaz.resolve("Slovyansk").entry.name == "Sloviansk"
    assert gaz.resolve("Sloviansk").entry.name == "Sloviansk"
