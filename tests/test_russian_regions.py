"""Russia's regions (scripts/russian_regions.py in the gazetteer build): every federal subject is a place with a
point, named as war reports name it in Russian, Ukrainian and English, so that drone reports over Oryol or
Moscow Oblast and "на Бєлгородщині" have their places; a big Russian town's case form is the town, not a
village whose other form looks alike."""
from __future__ import annotations

import re

import pytest

from claimledger.extract.places.gazetteer import load_gazetteer
from claimledger.models import Article
from claimledger.record import document_to_record


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


@pytest.mark.parametrize("surface, name", [
    ("Орловская область", "Oryol Oblast"), ("Московской области", "Moscow Oblast"),
    ("Рязанська область", "Ryazan Oblast"), ("Oryol region", "Oryol Oblast"), ("Краснодарский край", "Krasnodar Krai"),
    ("Татарстан", "Tatarstan"), ("Бєлгородщина", "Belgorod Oblast"), ("Ленинградская область", "Leningrad Oblast"),
])
def test_a_russian_region_is_known_by_its_usual_names_and_has_a_point(gaz, surface, name):
    picked = gaz.resolve(surface).entry
    assert picked is not None and picked.name == name and picked.country == "RU" and picked.point is not None


def test_every_federal_subject_is_listed_once(gaz):
    regions = [e for e in gaz.entries if e.country == "RU" and e.level in ("oblast", "region")
               and e.id.startswith("area:") and e.name.endswith(("Oblast", "Krai"))]
    assert len(regions) == len({e.name for e in regions}) >= 46 + 9
    assert not [e for e in gaz.entries if e.id.startswith("admin1:RU:")]  # no second, oddly spelt, copy


def test_a_russian_city_points_to_its_region(gaz):
    assert gaz.resolve("Tambov").entry.oblast == "area:Tambov Oblast"


def test_a_big_russian_town_in_a_case_form_is_the_town_not_a_village_of_another_name(gaz):
    from claimledger.extract.language.cyrillic import parse_cyrillic
    from claimledger.extract.places.place_candidates_ru_uk import name_candidates

    doc = parse_cyrillic("Взрывы прогремели в Тамбове.", "ru")
    i = next(t.i for t in doc.tokens if t.text == "Тамбове")
    found, surface, exact = name_candidates(gaz, doc, i, i + 1)
    assert any(e.name.startswith("Tambovka") for e in found)  # the look-alike is a candidate ...
    assert gaz.choose(list(found), exact=exact, surface=surface).entry.name == "Tambov"  # ... and loses


@pytest.mark.model
@pytest.mark.parametrize("text, language, places", [
    ("Ночью средства ПВО уничтожили 58 беспилотников над Белгородской, Курской, Брянской, Орловской, Московской "
     "и Ленинградской областями.", "ru",
     {"Belgorod Oblast", "Kursk Oblast", "Bryansk Oblast", "Oryol Oblast", "Moscow Oblast", "Leningrad Oblast"}),
    ("Дрони атакували об'єкти у Брянській та Курській областях.", "uk", {"Bryansk Oblast", "Kursk Oblast"}),
    ("Drones attacked the Oryol and Bryansk regions overnight.", "en", {"Oryol Oblast", "Bryansk Oblast"}),
])
def test_a_list_of_russian_regions_gives_each_region(text, language, places):
    from claimledger.pipeline import analyse_article

    rec = document_to_record(analyse_article(Article(id="probe", text=text, language=language, outlet="ТАСС",
                                                     published="2024-03-13")))
    names = {p.get("ref") or p["name"]: p["name"] for p in rec["places"]}
    assert {names[k] for e in rec["events"] for k in e.get("places") or ()} == places


@pytest.mark.parametrize("adjective, name, centre, oblast", [
    ("суджанский", "Sudzhansky District", "Sudzha", "Kursk Oblast"),
    ("глушківський", "Glushkovsky District", "Glushkovo", "Kursk Oblast"),
    ("шебекинский", "Shebekinsky District", "Shebekino", "Belgorod Oblast"),
    ("бєлгородський", "Belgorodsky District", "Belgorod", "Belgorod Oblast"),
    ("климовский", "Klimovsky District", "Klimovo", "Bryansk Oblast"),  # not Klimovsk of Moscow Oblast
    ("навлинский", "Navlinsky District", "Navlya", "Bryansk Oblast"),
])
def test_a_district_of_russia_is_named_after_its_centre_in_the_border_regions(gaz, adjective, name, centre, oblast):
    from claimledger.extract.places.place_adjectives_ru_uk import russian_raion

    raion = russian_raion(gaz, adjective)
    assert (raion.name, raion.centre.name, raion.oblast.name) == (name, centre, oblast)


@pytest.mark.parametrize("adjective", ["купянский", "харківський", "лиманский"])
def test_a_ukrainian_district_is_no_district_of_russia(gaz, adjective):
    from claimledger.extract.places.place_adjectives_ru_uk import russian_raion

    assert russian_raion(gaz, adjective) is None


def _record(text: str, language: str) -> dict:
    from claimledger.pipeline import analyse_article

    return document_to_record(analyse_article(Article(id="probe", text=text, language=language, outlet="ТАСС",
                                                      published="2024-08-13")))


@pytest.mark.model
@pytest.mark.parametrize("text, language, places", [
    ("В Суджанском районе уничтожены три танка.", "ru", [{"Sudzhansky District"}]),
    ("Беспилотник атаковал автомобиль в Шебекинском городском округе Белгородской области.", "ru",
     [{"Shebekinsky District"}]),
    ("ВСУ атаковали беспилотниками населенные пункты Климовского, Погарского и Севского районов Брянской области.",
     "ru", [{"Klimovsky District", "Pogarsky District", "Sevsky District"}]),
    ("Бої тривають у Суджанському районі Курської області.", "uk", [{"Sudzhansky District"}]),
    ("ВСУ обстреляли поселок Теткино в Глушковском районе Курской области.", "ru", [{"Tëtkino"}]),
])
def test_an_act_in_a_district_of_russia_is_placed_there_not_in_its_oblast(text, language, places):
    rec = _record(text, language)
    names = {p.get("ref") or p["name"]: p["name"] for p in rec["places"]}
    assert [{names[k] for k in e["places"]} for e in rec["events"]] == places, rec["events"]
    districts = [p for p in rec["places"] if p["level"] == "raion"]
    assert districts and all(p["lat"] is not None and p["lon"] is not None for p in districts)  # drawn at its centre


@pytest.mark.model
def test_a_russian_village_in_ukrainian_copy_is_named_in_latin_letters():
    rec = _record("Під обстріл потрапило село Тьоткіно Глушківського району.", "uk")
    village = next(p for p in rec["places"] if p["level"] == "settlement")
    assert not re.search("[а-яіїєґ]", village["name"], re.IGNORECASE), village  # (GeoNames writes "Tëtkino")


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Три мирных жителя погибли при обстреле Куйбышевского и Киевского районов Донецка.",  # districts of a city
    # a report told in Ukraine
    "Ночью войска нанесли ракетный удар по Харькову. По данным ОВА, ракета попала в жилой дом в Слободском районе.",
])
def test_a_district_of_a_ukrainian_city_is_no_district_of_russia(text):
    rec = _record(text, "ru")
    assert not [p for p in rec["places"] if p["level"] == "raion" and not p.get("ref")], rec["places"]


@pytest.mark.model
def test_a_list_told_of_a_russian_region_names_no_far_namesakes_in_ukraine():
    from claimledger.pipeline import analyse_article

    title = "Минобороны: ВСУ за сутки потеряли в Курской области до 420 военных"
    text = ("Подразделения группировки \"Север\" отразили атаки противника в направлении населенных пунктов "
            "Комаровка, Русское Поречное, Мартыновка и Любимовка.")
    rec = document_to_record(analyse_article(Article(id="probe", text=text, language="ru", outlet="ТАСС",
                                                     published="2024-08-20", title=title)))
    (repelled,) = [e for e in rec["events"] if e["type"] == "attack_repelled"]
    # Russian villages the gazetteer lacks, not Komarivka and Martynivka of Rivne Oblast
    assert set(repelled["places"]) == {"Komarovka", "Russkoye Porechnoye", "Martynovka", "Lyubimovka"}


@pytest.mark.model
def test_a_list_of_villages_near_the_border_keeps_its_ukrainian_villages():
    from claimledger.pipeline import analyse_article

    title = "Российские войска атаковали приграничье из Курской области"
    text = "Противник обстрелял населенные пункты Юнаковка и Миропілля."
    rec = document_to_record(analyse_article(Article(id="probe", text=text, language="ru", outlet="ТАСС",
                                                     published="2025-03-20", title=title)))
    places = {p["text"]: p for p in rec["places"]}
    assert (places["Юнаковка"]["ref"] or "").startswith("UA59"), places  # Sumy Oblast, next to Kursk Oblast
