"""Event places in English text, on the real pipeline (spaCy, gazetteer): which places an event
happened at, among those its sentence names."""
from __future__ import annotations

import pytest

from claimledger.extract.events.events import find_events
from claimledger.extract.places.gazetteer import load_gazetteer
from claimledger.extract.places.places import find_places
from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model

KHERSON = "UA65100150010064384"


@pytest.fixture(scope="module")
def events_of(nlp_en):
    gaz = load_gazetteer()

    def run(text):
        doc = nlp_en(text)
        return {(e.type, text[e.trigger[0]:e.trigger[1]]): e.places
                for e in find_events(doc, (), find_places(doc, gaz), None)}

    return run


def test_place_of_a_nouns_aim_is_not_the_place_of_other_events(events_of):
    # "the campaign to recapture Kherson" says what the campaign is for; the talks were not held there
    found = events_of("Amid the campaign to recapture Kherson, the two ministers held talks on grain exports.")
    assert found[("territory_control", "recapture")] == (KHERSON,)
    assert found[("negotiation", "held talks")] == ()


def test_in_order_to_keeps_the_place_of_the_events_purpose(events_of):
    # "in order to let civilians leave Kherson" is what the truce was for: it places the truce
    found = events_of("The army declared a truce in order to let civilians leave Kherson, "
                      "but the militants prevented the evacuation.")
    assert found[("negotiation", "truce")] == (KHERSON,)
    assert found[("evacuation", "evacuation")] == (KHERSON,)


def test_possessor_of_a_border_is_a_place_not_an_actor(events_of):
    # "from Moldova's borders" says where the troops are; "Georgia's invasion" says whose invasion
    found = events_of("The minister said the army must withdraw its troops from Moldova's borders.")
    assert found[("withdrawal", "withdraw")] == ("Moldova",)
    assert events_of("Georgia's invasion began at dawn.")[("clash", "invasion")] == ()


def test_participle_after_the_trigger_gives_its_place(events_of):
    # "carried out near Kherson" places the shelling; the relative clause after it does not
    found = events_of("The council condemned the shelling carried out near Kherson by the separatists, "
                      "which alarmed Moldova.")
    assert found[("strike", "shelling")] == (KHERSON,)


def test_the_city_refers_back_to_the_settlement_named_most(events_of):
    # "the city" names no place; the report has named Kherson twice and Odesa once before it
    found = events_of("Kherson lost power on Monday. Officials in Kherson and Odesa asked for generators. "
                      "When the city was encircled, two soldiers were killed.")
    assert found[("clash", "encircled")] == (KHERSON,)
    assert found[("casualties", "killed")] == (KHERSON,)


def test_an_other_event_leaves_a_fighting_events_place_to_it(events_of):
    # Kherson is where the shelling happened; the human-shield claim names no place of its own
    found = events_of("The rebels are using residents as human shields and intensifying "
                      "the shelling of Kherson suburbs.")
    assert found[("strike", "shelling")] == (KHERSON,)
    assert found[("other", "human shields")] == ()


@pytest.mark.parametrize("text, kind", [
    ("Russia intends to continue the offensive.", "clash"),
    ("Russia expects the evacuation of civilians to continue.", "evacuation"),
    # the parser reads the relative clause's subject as the drones' apposition
    ("The air force said it shot down 60 of the 75 drones Russia launched overnight.", "other"),
])
def test_a_country_that_acts_is_not_the_place_of_the_event(events_of, text, kind):
    # the subject of a verb of intending or expecting is a state acting, not where the event happens
    assert [places for (k, _), places in events_of(text).items() if k == kind] == [()]


def test_a_country_in_a_state_keeps_its_place(events_of):
    # "Ukraine has been under shelling": the subject of "be" is where the shelling happens
    assert events_of("Ukraine has been under constant shelling for months.")[("strike", "shelling")] == ("Ukraine",)


def test_a_joined_act_with_its_own_place_does_not_place_the_event(events_of):
    # "the safe departure of vessels from Mykolaiv ports" is another act: Mykolaiv is its place, not the evacuation's
    found = events_of("The minister praised the evacuation of foreign students from Kherson and the safe "
                      "departure of grain vessels from Mykolaiv ports.")
    assert found[("evacuation", "evacuation")] == (KHERSON,)


def test_a_trigger_of_several_words_keeps_the_phrases_of_each(events_of):
    # "of the village of X" hangs on "control", not on "taken"; the conjoined "repelled" has its own place
    found = events_of("Its forces had taken control of the village of Ocheretyne in the Donetsk region and "
                      "repelled four counterattacks near Chasiv Yar.")
    assert found[("territory_control", "taken control")] == ("UA14160190010012632",)
    assert found[("attack_repelled", "repelled")] == ("UA14020130010015598",)


def test_a_nationality_adjective_makes_the_land_its_countrys(events_of):
    # "Ukrainian cities" are Ukraine's, when the article names Ukraine; an adjective alone names no place
    found = events_of("The war in Ukraine goes on: the Russians continue to destroy Ukrainian cities.")
    assert found[("strike", "destroy")] == ("Ukraine",)
    assert events_of("The Russians continue to destroy Ukrainian cities.")[("strike", "destroy")] == ()


def test_a_landmark_a_direction_locates_by_is_not_the_events_place(events_of):
    # "west of Avdiivka" says where Lastochkyne lies; the withdrawal was from Lastochkyne
    found = events_of("Ukrainian troops have withdrawn from the village of Lastochkyne west of Avdiivka.")
    assert found[("withdrawal", "withdrawn")] == ("UA14160190350070064",)


def test_a_capture_by_a_landmark_alone_or_near_a_town_is_not_the_landmarks(events_of):
    # the villages taken lie west of Avdiivka, Stepove and Sieverne near it: the ledger must not read it as taken
    found = events_of("Russian troops have captured two more villages west of Avdiivka.")
    assert found[("territory_control", "captured")] == ()
    found = events_of("Russia takes Stepove and Sieverne near Avdiivka.")
    assert found[("territory_control", "takes")] == ("UA14160190400058352", "UA14160190390068286")
    # fighting near a town stays there, and the part of a region held is in it
    assert events_of("Fighting continued west of Avdiivka.")[("clash", "Fighting")] == ("UA14160010010073615",)
    assert events_of("Russian troops control the north of Kyiv region.")[("territory_control", "control")] == (
        "UA32000000000030281",)


def test_the_country_that_holds_the_oblast_is_not_a_place_of_its_own(events_of):
    found = events_of("Russian forces have captured five villages in Ukraine's northeastern Kharkiv region.")
    assert found[("territory_control", "captured")] == ("UA63000000000041885",)


def test_a_capital_whose_offensive_it_is_is_no_place_of_it(events_of):
    # "as Moscow pressed its new offensive": Moscow acts (its offensive), the fighting is in Kharkiv Oblast
    found = events_of("Russian forces captured five villages in the Kharkiv region as Moscow pressed its new offensive.")
    assert found[("clash", "offensive")] == ("UA63000000000041885",)


def test_entering_a_city_and_pressing_toward_villages(events_of):
    assert events_of("Ukrainian troops have entered the city of Kherson.")[
        ("territory_control", "entered the city")] == (KHERSON,)
    assert ("clash", "pressing toward") in events_of("Russian forces are pressing toward Tonenke.")
    # its centre, taken by name or fallen (the subject is the place, not an actor)
    assert events_of("Ukrainian troops entered the centre of Kherson.")[("territory_control", "entered")] == (KHERSON,)
    assert events_of("Bakhmut has fallen, Prigozhin said.")[("territory_control", "fallen")] == ("UA14020010010059145",)
    assert ("territory_control", "took") in events_of("Russian forces took Stepove on Thursday.")
    assert events_of("Prices fell and rockets fell on Kharkiv.") == {}


def test_settlements_named_among_those_counted_place_the_event(events_of):
    # "Among them are ..." lists some of the settlements the sentence before counted: the settlements, not the oblast
    found = events_of("Ukrainian forces liberated more than 20 settlements in the Kharkiv region over the past day. "
                      "Among them are Kupiansk, Izium and Balakliia.")
    assert len(found[("territory_control", "liberated")]) == 3
    assert "UA63000000000041885" not in found[("territory_control", "liberated")]
    # a sentence that says more than the list is no list
    found = events_of("Ukrainian forces liberated more than 20 settlements in the Kharkiv region. "
                      "Among them, Izium suffered the most damage.")
    assert found[("territory_control", "liberated")] == ("UA63000000000041885",)


def test_the_city_is_the_town_its_own_sentence_named_before_it(events_of):
    # "the city" after "Kharkiv's mayor" is Kharkiv, although a possessor is no place of an event itself
    found = events_of("In Zaporizhzhia, a strike on the dam set it ablaze. Kharkiv's mayor Ihor Terekhov said the "
                      "city had been hit 15 times.")
    assert found[("strike", "hit")] == ("UA63120270010096107",)


def test_russia_holding_its_oblast_is_no_place_of_its_own(events_of):
    # "Russia's Kursk region": the oblast places the event, not the country (a Russian oblast has no ref)
    found = events_of("Ukrainian troops pushed deeper into Russia's Kursk region on Saturday.")
    assert found[("clash", "pushed deeper into")] == ("Kursk Oblast",)


def test_a_towns_building_is_where_a_strike_hit(events_of):
    # a town's possessive of a building places the strike; of an act it says whose ("Russia's incursion")
    found = events_of("A Russian missile struck Kyiv's main children's hospital on Monday.")
    assert found[("strike", "missile struck")] == ("UA80000000000093317",)


def test_holding_the_town_is_holding_the_one_named_before(events_of):
    # "the town" as the object is the settlement referred back to, before a place the sentence names later
    found = events_of("Russian attacks near Vovchansk were repelled on May 12. Ukrainian forces still hold the town, "
                      "the spokesman said, and denied that a depot in Kharkiv was destroyed.")
    assert found[("territory_control", "hold")] == ("UA63140010010035757",)


def test_a_facility_places_an_event_at_its_settlement_when_the_report_names_it(events_of):
    # Azovstal is in Mariupol (data/lexicons/facilities.tsv); the facility itself is no place
    found = events_of("Mariupol is under siege. Today we managed to start the evacuation of people from Azovstal.")
    assert found[("evacuation", "evacuation")] == ("UA14140050010029262",)
    # with the town named nowhere, nothing says where it is
    assert events_of("Russian troops are shelling Azovstal.")[("strike", "shelling")] == ()


def test_a_capture_of_a_village_the_gazetteer_cannot_settle_takes_no_town_beside_it(events_of):
    # seventeen villages of Donetsk Oblast are called Shevchenko: the capture is of one of them, not of Kurakhove
    found = events_of("Russian forces advanced near Kurakhove and captured the village of Shevchenko.")
    assert found[("territory_control", "captured")] == ()
    assert found[("clash", "advanced")] == ("UA14160110010020758",)


def test_settlements_listed_after_including_are_the_events_places(events_of):
    found = events_of("Ukrainian forces pushed Russian troops out of several villages near Kharkiv, including "
                      "Tsyrkuny and Ruska Lozova.")
    assert found[("withdrawal", "pushed Russian troops out")] == ("UA63120290010028715", "UA63120070260085901")


def test_places_the_parser_hangs_on_the_verb_reporting_the_events_are_theirs(events_of):
    found = events_of("The General Staff reported 29 Russian assaults in the Kurakhove sector over the past day, "
                      "near Ostrivske, Maksymilianivka and Heorhiivka.")
    names = {load_gazetteer().get(ref).name for ref in found[("clash", "assaults")]}
    assert {"Ostrivske", "Maksymilianivka", "Heorhiivka"} <= names, names


def test_a_place_a_bearing_is_taken_from_only_locates_the_town():
    found = events("Russian forces captured the village of Lastochkyne, northwest of Avdiivka, the ministry said. "
                   "Ukraine's military said it had repelled 21 attacks in the area over the past day.", "en")
    assert [e[2] for e in found if e[1] == "repelled"] == [{"Lastochkyne"}], found


@pytest.mark.parametrize("text", [
    "Russian troops captured Hrodivka, 15 km northeast of Pokrovsk.",
    "Russia's Defence Ministry said its forces had captured the town of Hrodivka in eastern Ukraine's Donetsk "
    "region, about 20 km (12 miles) northeast of the logistics hub of Pokrovsk.",
])
def test_a_bearing_set_off_after_the_town_taken_only_locates_it(text):
    assert [e[2] for e in events(text, "en") if e[0] == "territory_control"] == [{"Hrodivka"}]


def test_the_town_fought_for_is_the_one_named_before_not_its_locator():
    found = events("Russia said it had taken full control of Krasnohorivka, a town west of Donetsk city. \"The "
                   "fighting for the town continues,\" a Ukrainian spokesman said. He added that Russian troops had "
                   "raised flags over several buildings but did not control the town.", "en")
    assert [(e[1], e[2]) for e in found if e[1] in ("fighting", "raised flags")] == [
        ("fighting", {"Krasnohorivka"}), ("raised flags", {"Krasnohorivka"})], found


def test_a_bearing_joined_by_and_is_a_place_of_its_own():
    found = events("Russian forces recently advanced in Toretsk and southeast of Pokrovsk.", "en")
    assert [e[2] for e in found] == [{"Toretsk", "Pokrovsk"}], found


@pytest.mark.parametrize("text, places", [
    ("Russia says it has taken two villages in Donetsk.", set()),  # they lie there: Donetsk is not taken
    ("Russia says it has taken two villages in the Donetsk region.", {"Donetsk Oblast"}),
    ("Russia says it has taken Avdiivka.", {"Avdiivka"}),
])
def test_a_town_that_counted_villages_lie_in_is_not_taken(text, places):
    assert [e[2] for e in events(text, "en") if e[0] == "territory_control"] == [places]


def test_the_town_owning_the_object_refers_back_across_paragraphs():
    found = events("Ukrainian troops have withdrawn from the eastern town of Vuhledar, the military said.\n\nRussian "
                   "war bloggers had reported that Russian forces raised their flag over the town's administration "
                   "building.", "en")
    assert [e[2] for e in found if e[0] == "territory_control"] == [{"Vuhledar"}], found


def test_the_city_centre_hit_is_the_city_named_before_and_a_capital_pressed_is_no_place():
    found = events("A Russian missile strike on Sumy killed 11 people. The regional military administration said two "
                   "ballistic missiles hit the city centre. President Volodymyr Zelenskyy condemned the attack and "
                   "called for stronger pressure on Moscow.", "en")
    assert [e[2] for e in found if e[0] == "strike"] == [{"Sumy"}] * 3, found


def test_a_flag_state_is_no_place_and_a_village_taken_near_a_town_does_not_take_the_town():
    found = events("Russian drones struck port infrastructure in Odesa overnight. A grain warehouse and a civilian "
                   "vessel flying the flag of Panama were damaged.", "en")
    assert [e[2] for e in found if e[0] == "strike"] == [{"Odesa"}, {"Odesa"}], found
    assert [e[2] for e in events("Ukraine recaptures village near Bakhmut.", "en")] == [set()]


def test_a_state_pressed_is_no_place_of_the_strike_told_beside_it():
    found = events("Today's Russian strike alone at the city of Mykolaiv - 10 missiles at once - proves that the "
                   "pressure on Russia is not enough.", "en")
    assert all(e[2] == {"Mykolaiv"} for e in found if e[0] == "strike") and found, found


def test_a_state_after_by_is_who_acts_not_where():
    found = events("In terms of the volume of forces used by the Russian Federation, the concentration of troops was "
                   "in Crimea and in Belarus.", "en")
    assert [e[2] for e in found if e[0] == "other"] == [{"Crimea", "Belarus"}], found


def test_the_towns_of_a_list_are_towns_not_villages_of_the_same_name():
    found = events("The Russian Armed Forces managed to conquer large parts of northeastern Kharkiv Oblast, including "
                   "the towns of Kupiansk, Izium, Shevchenkove, and Balakliia.", "en")
    assert [e[2] for e in found if e[0] == "territory_control"] == [
        {"Kupiansk", "Izium", "Shevchenkove", "Balakliia"}], found
    places = record("Russian forces captured the towns of Izium and Shevchenkove in the Kharkiv region.", "en",
                    "2022-04-01")["places"]
    assert [p["ref"] for p in places if p["name"] == "Shevchenkove"] == ["UA63080150010082504"]


def test_a_capital_whose_policy_is_spoken_of_is_no_place():
    found = events("The neo-Nazis play a substantial role in the state policy of Kiev and attack civilians.", "en")
    assert [e[2] for e in found] == [set()], found


def test_a_list_the_model_tags_as_a_name_ending_in_and_keeps_both_names(events_of):
    found = events_of("Russian forces launched 14 attacks near Robotyne and Novoprokopivka, the General Staff "
                      "reported.")
    assert len(found[("clash", "attacks")]) == 2, found


def test_a_name_the_parser_joins_to_the_verb_is_one_more_object(events_of):
    found = events_of("Ukrainian forces have recaptured Izium, a key logistics hub in the Kharkiv region, and "
                      "Kupiansk, officials said.")
    assert len(found[("territory_control", "recaptured")]) == 2, found
