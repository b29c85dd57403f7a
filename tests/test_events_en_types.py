"""English event types: which phrases are events and of what type (issue 12).

Invented sentences; the real pipeline's English model and trigger lexicon.
"""
from __future__ import annotations

import pytest

from claimledger.extract.events.events import find_events

pytestmark = pytest.mark.model


def _found(nlp, text):
    """(type, trigger text) of the events found in text."""
    return [(e.type, text[e.trigger[0]:e.trigger[1]]) for e in find_events(nlp(text), [], [], None)]


def test_damage_by_a_strike_is_one_strike_named_by_the_strike(nlp_en):
    text = "The school in Sumy was destroyed by a Russian drone strike on Monday."
    assert _found(nlp_en, text) == [("strike", "drone strike")]


def test_damage_as_a_result_of_a_strike_is_that_strike(nlp_en):
    found = _found(nlp_en, "The depot was destroyed as a result of a missile strike by the enemy.")
    assert [kind for kind, _ in found] == ["strike"]
    assert "destroyed" not in [trigger for _, trigger in found]


def test_damage_with_no_strike_named_stays_a_strike(nlp_en):
    assert _found(nlp_en, "The bridge near Kherson was destroyed on Tuesday.") == [("strike", "destroyed")]


def test_deaths_by_shelling_stay_casualties(nlp_en):
    assert ("casualties", "killed") in _found(nlp_en, "Two people were killed by the shelling of Nikopol.")


def test_a_demonstrative_re_mention_with_a_target_is_not_a_new_strike(nlp_en):
    text = "A missile hit the port of Odesa at night. This attack on Odesa is a war crime."
    assert [kind for kind, _ in _found(nlp_en, text)].count("strike") == 1


def test_a_meeting_with_the_media_is_no_negotiation(nlp_en):
    text = "The governor held a meeting with the media in Lviv on Friday."
    assert [kind for kind, _ in _found(nlp_en, text)] == []


def test_calling_events_genocide_is_no_new_event(nlp_en):
    assert _found(nlp_en, "What the soldiers did to the village is genocide.") == []
    found = _found(nlp_en, "The killings in the town will be recognized by the world as genocide.")
    assert [trigger for _, trigger in found] == ["killings"]


def test_what_it_describes_as_aggression_is_an_event(nlp_en):
    text = "The ministry says it is responding to what it describes as unprovoked aggression by its neighbour."
    assert ("clash", "aggression") in _found(nlp_en, text)


@pytest.mark.parametrize("text", ["The assault of the invaders near Kupiansk was stopped.",
                                  "Our soldiers stopped the assault near Toretsk on Sunday."])
def test_a_stopped_attack_is_an_attack_repelled(nlp_en, text):
    assert _found(nlp_en, text) == [("attack_repelled", "stopped")]


def test_stopping_something_else_is_no_event(nlp_en):
    assert _found(nlp_en, "The train stopped at Lviv and the passengers left.") == []


def test_a_bare_plural_after_a_preposition_is_a_kind_of_event(nlp_en):
    text = "Our defense against assaults and attacks is crucial for the city."
    assert _found(nlp_en, text) == []


@pytest.mark.parametrize("text", ["Dozens of victims were counted in Izium on Monday.",
                                  "Our units are carrying out counterattacks near Vovchansk."])
def test_a_counted_or_performed_plural_stays_an_event(nlp_en, text):
    assert len(_found(nlp_en, text)) == 1


def test_the_occupied_territories_are_one_claim_of_control(nlp_en):
    text = ("People in the occupied territories hear only propaganda. "
            "We will send the truth to the occupied areas every day.")
    assert _found(nlp_en, text) == [("territory_control", "occupied territories")]


def test_an_occupied_territory_struck_is_the_strike_s_place(nlp_en):
    text = "Their artillery fired on the temporarily occupied territory near the river."
    assert [kind for kind, _ in _found(nlp_en, text)] == ["strike"]


@pytest.mark.parametrize("text", ["They still want to destroy Mykolaiv and Odesa.",
                                  "Many soldiers do not want to fight against Ukraine and die."])
def test_a_desire_is_no_event(nlp_en, text):
    assert _found(nlp_en, text) == []


def test_a_supply_of_weapons_is_an_arms_delivery(nlp_en):
    text = "He called on the partners to speed up the supply of missile defense systems to Ukraine."
    assert _found(nlp_en, text) == [("other", "supply")]
    assert _found(nlp_en, "The supply of food to the city was restored.") == []


def test_generic_you_is_no_event(nlp_en):
    assert _found(nlp_en, "When you are attacked by a large army, you cannot defend every city.") == []
    assert _found(nlp_en, "You are at war with the forces that are in Belarus.") == []


def test_an_information_attack_is_no_strike(nlp_en):
    assert _found(nlp_en, "They stressed the need to counteract any information attacks by the other side.") == []
    assert [kind for kind, _ in _found(nlp_en, "Russia launched a missile attack on Odesa.")] == ["strike"]


def test_this_corridor_re_mentions_the_evacuation(nlp_en):
    text = ("Today we started the evacuation of people from the plant. "
            "I am grateful to all who ensure this humanitarian corridor.")
    assert [kind for kind, _ in _found(nlp_en, text)] == ["evacuation"]


def test_an_ongoing_conflict_is_fighting_a_bare_one_is_not(nlp_en):
    text = "He hoped that the ongoing conflict would be settled through talks with Kyiv."
    assert ("clash", "conflict") in _found(nlp_en, text)
    assert _found(nlp_en, "The book is about the history of the conflict.") == []


@pytest.mark.parametrize("text", ["The delay has cost thousands of lives of civilians.",
                                  "The fire in the port claimed 40 lives."])
def test_lives_counted_or_lost_are_casualties(nlp_en, text):
    assert "casualties" in [kind for kind, _ in _found(nlp_en, text)]


def test_lives_saved_are_no_casualties(nlp_en):
    assert _found(nlp_en, "Doctors in the city saved many lives.") == []


def test_shooting_at_a_town_is_a_strike_shooting_down_is_not(nlp_en):
    text = "They still have enough strength to shoot from the artillery at Zelenodolsk."
    assert [kind for kind, _ in _found(nlp_en, text)] == ["strike"]
    assert _found(nlp_en, "The plane was shot down at dawn.") == [("other", "shot down")]


def test_regular_calls_are_a_habit_not_a_negotiation_event(nlp_en):
    text = "After the visit and regular telephone conversations, the two leaders had a discussion."
    assert _found(nlp_en, text) == []
    text = "The two leaders had a telephone conversation on Monday."
    assert [kind for kind, _ in _found(nlp_en, text)] == ["negotiation"]


def test_an_operation_launched_is_fighting_whatever_the_parse(nlp_en):
    text = ("Putin shared the details on the logic and primary objectives of the special military "
            "operation launched to protect the republics.")
    assert "clash" in [kind for kind, _ in _found(nlp_en, text)]
    assert _found(nlp_en, "The book describes the special military operation in detail.") == []


@pytest.mark.parametrize("text, found", [
    ("Fighting for Vovchansk has continued for two days now.", [("clash", "Fighting")]),  # a gerund subject
    ("Ukrainians are fighting for their land.", []),  # the verb: a stance, no reported clash
])
def test_fighting_as_a_subject_is_a_clash(nlp_en, text, found):
    assert _found(nlp_en, text) == found


def test_it_in_a_reported_clause_is_the_reporting_subject(nlp_en):
    """"Russia says it captured five villages": the actor is Russia, whose side the control claim takes."""
    (event,) = find_events(nlp_en("Russia says it captured five villages in the Kharkiv region."), [], [], None)
    assert (event.type, event.actor) == ("territory_control", "Russia")


@pytest.mark.parametrize("text, found", [
    ("Russian drones hit energy facilities in five regions.", [("strike", "drones hit")]),  # a weapon hits
    ("Russia attacked energy facilities overnight.", [("strike", "attacked")]),     # a target attacked: a strike
    ("Russian forces attacked Ukrainian positions near Bakhmut.", [("clash", "attacked")]),  # positions: fighting
])
def test_attacks_on_targets_are_strikes_and_on_positions_fighting(nlp_en, text, found):
    assert _found(nlp_en, text) == found


def test_silence_about_an_attack_denies_nothing_and_the_silent_capital_is_no_place(nlp_en):
    doc = nlp_en("Moscow did not comment on the attack, but its defence ministry said it had struck energy facilities.")
    from claimledger.extract.places.gazetteer import load_gazetteer
    from claimledger.extract.places.places import find_places

    events = find_events(doc, [], find_places(doc, load_gazetteer()), None)
    assert [(e.type, e.polarity, e.places) for e in events] == [("strike", "asserted", ()), ("strike", "asserted", ())]


@pytest.mark.parametrize("text, found", [
    ("Ukrainian troops have crossed the border into Russia's Kursk region.", [("clash", "crossed the border")]),
    ("Kyiv has not commented on the incursion.", [("clash", "incursion")]),
    ("Refugees crossed the border into Poland.", []),  # no force: no fighting
])
def test_forces_crossing_a_border_and_incursions_are_fighting(nlp_en, text, found):
    assert _found(nlp_en, text) == found


def test_a_count_of_the_affected_is_no_actor(nlp_en):
    events = find_events(nlp_en("At least five people had been killed and 28 injured."), [], [], None)
    assert [(e.quantity, e.actor) for e in events] == [(5, None), (28, None)]


@pytest.mark.parametrize("text, trigger", [
    ("Ukrainian troops have entered the southern city of Kherson.", "entered the southern city"),
    ("Shoigu said the town was completely under Russian control.", "under Russian control"),
    ("Kherson was returning under Ukrainian control.", "under Ukrainian control"),
])
def test_entering_a_city_and_being_under_a_sides_control_are_territory_control(nlp_en, text, trigger):
    assert ("territory_control", trigger) in _found(nlp_en, text)


def test_a_situation_under_control_is_no_event(nlp_en):
    assert _found(nlp_en, "The situation is under control.") == []


@pytest.mark.parametrize("text, expected", [
    ("Two dozen soldiers were captured.", ("casualties", 24)),
    ("Ukrainian forces captured 30 Russian servicemen near Robotyne.", ("casualties", 30)),
    ("Russian forces captured Avdiivka.", ("territory_control", None)),
    ("A dozen civilians were wounded.", ("casualties", 12)),
])
def test_people_captured_are_casualties_and_a_dozen_is_twelve(nlp_en, text, expected):
    events = find_events(nlp_en(text), [], [], None)
    assert [(e.type, e.quantity) for e in events][:1] == [expected]


def test_a_strike_named_as_the_cause_in_the_next_sentence_is_the_strike_told_before():
    from claimledger.models import Article
    from claimledger.pipeline import analyse_article

    text = "Russia launched a missile strike on Kharkiv. As a result of the strike, three people were killed."
    doc = analyse_article(Article(id="t", text=text, language="en", published="2024-05-10"))
    assert [e.type for e in doc.events] == ["strike", "casualties"]


@pytest.mark.parametrize("text, expected", [
    ("The strike killed a 10-year-old boy.", ("casualties", 1)),
    ("A woman was wounded in the shelling.", ("casualties", 1)),
    ("The number of dead rose to 12.", ("casualties", 12)),
    ("Ukraine's air force said it destroyed 31 of 35 drones.", ("other", 31)),  # shot down, not struck
])
def test_one_person_the_number_of_dead_and_drones_destroyed(nlp_en, text, expected):
    events = find_events(nlp_en(text), [], [], None)
    assert expected in [(e.type, e.quantity) for e in events]


@pytest.mark.parametrize("text, expected", [
    ("Russian forces failed to capture Vuhledar.", ("territory_control", "denied", "factual")),
    ("Russian troops were unable to take Avdiivka.", ("territory_control", "denied", "factual")),
    ("Ukrainian forces failed to break through Russian lines.", ("clash", "denied", "factual")),
    ("The capture of Pokrovsk is a matter of time, Pushilin said.", ("territory_control", "asserted", "future")),
])
def test_failing_denies_and_a_matter_of_time_is_to_come(nlp_en, text, expected):
    events = find_events(nlp_en(text), [], [], None)
    assert [(e.type, e.polarity, e.modality) for e in events] == [expected]


@pytest.mark.parametrize("text, expected", [
    ("Kyiv acknowledged the loss of the town of Marinka.", ("withdrawal", "loss")),
    ("Russia has not acknowledged the loss of the village.", ("withdrawal", "loss")),
    ("The fall of Avdiivka was Russia's biggest gain in months.", ("territory_control", "fall")),
    ("The loss of life in Avdiivka was staggering.", ("casualties", "loss")),
    ("Russia suffered heavy losses near Avdiivka.", ("casualties", "losses")),
])
def test_losing_a_town_is_a_withdrawal_and_its_fall_a_change_of_control(nlp_en, text, expected):
    assert _found(nlp_en, text) == [expected]


def test_troops_regrouped_from_a_town_withdraw_from_it(nlp_en):
    found = _found(nlp_en, 'Troops were being "regrouped" from Balakliia and Izium, the ministry said.')
    assert [kind for kind, _ in found] == ["withdrawal"], found


def test_troops_pushing_into_a_region_fight_there(nlp_en):
    found = _found(nlp_en, "Ukrainian troops and tanks pushed into Russia's Kursk region on Tuesday.")
    assert found == [("clash", "pushed into")], found
