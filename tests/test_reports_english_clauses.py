"""What each clause of English wire copy tells (issue 12): a town the tagger runs into the time after it is still a
place ("a drone attack on Kyiv overnight", tagged TIME; a month or a named day never is); a clause joined by "and"
that tells an event of its own keeps its place from the clause before ("..., and two died in the town of Vovchansk");
an event told in a relative clause of "where" happens at the place that clause is said of ("the town of Vovchansk,
where Russian troops have been advancing"); a taking told in a clause of its own with its own subject is an event of
its own, with its own date ("The fall of Avdiivka is ... since it captured Bakhmut in May 2023"); a town a headline's
irregular past governs is a place ("Russia says it retook Sudzha"); counts told place by place after one verb are an
event each ("22 were killed in Kyiv and 10 in the central city of Kryvyi Rih"); a second "that" clause is the same
cue's content ("said he had a call ... and that they had agreed to begin negotiations"), and a report joined to the
reported clause is the reporter's ("said a drone hit a house and added that no one was hurt"); an act done "without"
a loss denies the loss, one needed "without" which nothing can be done does not; "would" in words reported by a past
verb of saying is their "will" ("said evacuations would continue"), not when an act is a copula's subject ("said an
escalation would be a catastrophe"); the outlet's clause of time after a reporting tail is no part of the content
("..., the ministry said, as Kyiv ordered its troops to stand down"), but the speaker's reasons are ("..., since it
was NATO that ..."); who shows or watches an act does not do it ("a video which it said showed the attack"); a ship
sunk is struck; "St Petersburg" is the Russian city, as "Saint Petersburg" is; a clause set against another by
"while" tells an act of its own, with no place of the other ("advanced near Bakhmut, while fighting continued in the
south"); missiles counted out of those that came are what was shot down ("shot down 5 of 10 missiles"); troops that
enter a town's outskirts named by its possessive advance on it ("entered Vovchansk's northern outskirts"); a force
that leaves a town it names withdraws from it ("all Russian units had left Bucha"), people who leave one do not; a
town the tagger calls an organisation opening a headline before the words it modifies is a place ("Mariupol maternity
hospital hit by airstrike"); troops regrouped in an area withdraw from it ("regrouping troops in the Izium area"),
forces regrouped at large do not.

The sentences are probes written for these tests in the style of wire copy (no gold or corpus text); each says what
the record should hold by the annotation guide (shared data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events

pytestmark = pytest.mark.model


def test_a_town_run_into_the_time_after_it_is_a_place():
    found = events("Russia launched a large drone attack on Kyiv overnight, damaging residential buildings.", "en")
    assert [(kind, names) for kind, _, names, _ in found] == [("strike", {"Kyiv"})], found


def test_a_month_in_a_date_is_no_place():
    found = events("Fighting continued in May near Bakhmut.", "en")
    assert [names for _, _, names, _ in found] == [{"Bakhmut"}], found


def test_a_clause_joined_by_and_keeps_its_own_place():
    found = events("Nine people were killed when missiles hit a recreation area outside the city of Kharkiv, and two "
                   "died in the town of Vovchansk.", "en")
    assert [(trigger, names) for kind, trigger, names, _ in found if kind == "casualties"] == [
        ("killed", {"Kharkiv"}), ("died", {"Vovchansk"})], found


def test_an_event_in_a_relative_clause_of_where_is_at_its_place():
    found = events("Two people died in the town of Vovchansk, where Russian troops have been advancing since last "
                   "week, and in the city of Kharkiv.", "en")
    assert [names for kind, _, names, _ in found if kind == "clash"] == [{"Vovchansk"}], found


def test_a_town_a_headline_says_was_retaken_is_a_place():
    rec = record("Russia's defence ministry said its troops had recaptured the town of Sudzha in the Kursk region.",
                 "en", "2025-03-13", title="Russia says it retook Sudzha")
    assert [p["name"] for p in rec["title_layers"]["places"]] == ["Russia", "Sudzha"], rec["title_layers"]


def test_a_taking_in_a_clause_of_its_own_is_an_event_with_its_own_date():
    rec = record("The fall of Avdiivka is Moscow's biggest gain since it captured Bakhmut in May 2023.", "en",
                 "2024-02-18")
    names = {p.get("ref"): p["name"] for p in rec["places"]}
    found = [({names[k] for k in e["places"]}, e["when"]) for e in rec["events"] if e["type"] == "territory_control"]
    assert len(found) == 2 and found[1] == ({"Bakhmut"}, "2023-05") and found[0][0] == {"Avdiivka"} \
        and found[0][1] != "2023-05", found


def test_a_named_day_is_no_place():
    found = events("When Europeans celebrated Europe Day, the Russian army launched 25 missiles at Odesa.", "en")
    assert [names for _, _, names, _ in found] == [{"Odesa"}], found


@pytest.mark.parametrize("text, told", [
    ("Officials said 22 were killed in Kyiv and 10 in the central city of Kryvyi Rih.",
     [("killed", {"Kyiv"}, 22), ("10", {"Kryvyi Rih"}, 10)]),
    ("Russian shelling killed two civilians in Kostiantynivka and one in Druzhkivka.",
     [("killed", {"Kostiantynivka"}, 2), ("one", {"Druzhkivka"}, 1)]),
])
def test_counts_told_place_by_place_are_an_event_each(text, told):
    found = events(text, "en")
    assert [(trigger, names, count) for kind, trigger, names, count in found if kind == "casualties"] == told, found


def test_the_dead_and_the_wounded_at_one_place_stay_two_events_there():
    found = events("Two people were killed and five wounded in Kharkiv.", "en")
    assert [count for kind, _, _, count in found if kind == "casualties"] == [2, 5], found


def _said(rec: dict) -> list[tuple[str, str]]:
    return [(a["speaker"], rec["text"][a["content"][0]:a["content"][1]]) for a in rec["attributions"]]


def test_a_second_that_clause_is_the_same_cues_content():
    rec = record("U.S. President Donald Trump said he had a lengthy phone call with Russian President Vladimir Putin "
                 "on Wednesday and that they had agreed to begin negotiations immediately.", "en", "2025-02-12")
    assert _said(rec) == [("Donald Trump", "he had a lengthy phone call with Russian President Vladimir Putin on "
                                           "Wednesday and that they had agreed to begin negotiations immediately")], \
        _said(rec)
    assert {e["claimed_by"] for e in rec["events"]} == {rec["attributions"][0]["id"]}, rec["events"]


def test_a_report_joined_to_the_reported_clause_is_the_reporters():
    rec = record("The governor said a drone hit a house in Sumy and added that no one was hurt.", "en", "2024-06-03")
    assert [speaker for speaker, _ in _said(rec)] == ["governor", "governor"], _said(rec)


@pytest.mark.parametrize("text, polarity", [
    ("Russia's Defence Ministry said all of its troops had been moved to the east bank without a single loss.",
     "denied"),
    ("Zelensky said Ukraine could not end the war without direct talks with Russia.", "asserted"),
])
def test_an_act_done_without_a_loss_denies_it_but_not_one_needed(text, polarity):
    rec = record(text, "en", "2022-11-11")
    found = [e["polarity"] for e in rec["events"] if e["type"] in ("casualties", "negotiation")]
    assert found == [polarity], rec["events"]


@pytest.mark.parametrize("text, modality", [
    ("The governor said evacuations would continue.", "future"),
    ("Kremlin spokesman Dmitry Peskov said the talks would take place in Istanbul.", "future"),
    ("Boris Johnson said an escalation would be a catastrophe for Russia.", "hypothetical"),
    ("Zelensky said Ukraine would launch a counteroffensive if it received weapons.", "hypothetical"),
])
def test_would_in_reported_words_is_their_will(text, modality):
    rec = record(text, "en", "2024-06-03")
    assert [e["modality"] for e in rec["events"]][:1] == [modality], rec["events"]


@pytest.mark.parametrize("text, content", [
    ("More than 250 Ukrainian fighters have surrendered at the steel works in Mariupol, Russia's defence ministry "
     "said, as Kyiv ordered its last troops in the city to stand down.",
     "More than 250 Ukrainian fighters have surrendered at the steel works in Mariupol"),
    ("Russian forces captured the village, the ministry said, while fighting raged nearby.",
     "Russian forces captured the village"),
])
def test_the_outlets_clause_after_a_reporting_tail_is_no_content(text, content):
    rec = record(text, "en", "2022-05-17")
    said = [text[a["content"][0]:a["content"][1]] for a in rec["attributions"]
            if text[a["cue"][0]:a["cue"][1]] == "said"]
    assert said == [content], rec["attributions"]


def test_the_speakers_reasons_after_the_cue_stay_his_content():
    text = ("In response, Vladimir Putin warned against shifting the responsibility on Russia, since it was NATO that "
            "was building up its military capabilities along the Russian border.")
    rec = record(text, "en", "2022-02-28")
    (a,) = rec["attributions"]
    assert text[a["content"][0]:a["content"][1]].startswith("since it was NATO"), a


def test_who_shows_an_act_does_not_do_it():
    rec = record("The agency released a video which it said showed the attack near Alupka.", "en", "2024-02-14")
    assert [e.get("actor") for e in rec["events"]] == [None], rec["events"]


@pytest.mark.parametrize("text, target", [
    ("Ukraine says it sank Russian landing ship off Crimea", "Russian landing ship"),
    ("The flagship cruiser Moskva was sunk in April, the navy said.", "flagship cruiser Moskva"),
])
def test_a_ship_sunk_is_struck(text, target):
    rec = record(text, "en", "2024-02-14")
    assert [(e["type"], e.get("target")) for e in rec["events"]] == [("strike", target)], rec["events"]


def test_prices_sinking_are_no_strike():
    assert events("Prices are sinking fast, the bank said.", "en") == []


def test_st_petersburg_is_the_russian_city():
    found = [p for p in record("Putin met Lukashenko in St Petersburg.", "en", "2024-06-03")["places"]
             if p["text"] == "St Petersburg"]
    assert [(p["name"], p["level"]) for p in found] == [("Saint Petersburg", "settlement")], found


def test_a_clause_set_against_another_tells_its_own_act_without_the_others_place():
    found = events("Deputy Defence Minister Hanna Maliar said Ukrainian troops had advanced up to 1,400 metres near "
                   "Bakhmut, while fighting continued in the south.", "en")
    assert [(kind, trigger, places) for kind, trigger, places, _ in found] == [
        ("clash", "advanced", {"Bakhmut"}), ("clash", "fighting", set())], found


def test_missiles_counted_out_of_those_that_came_are_what_was_shot_down():
    found = events("Ukraine's air force said it had shot down 5 of 10 missiles and 60 of 81 drones.", "en")
    assert [(kind, count) for kind, _, _, count in found] == [("other", 5)], found


def test_troops_entering_a_towns_outskirts_named_by_its_possessive_advance_on_it():
    found = events("Russian troops entered Vovchansk's northern outskirts, the governor said.", "en")
    assert [(kind, places) for kind, _, places, _ in found] == [("clash", {"Vovchansk"})], found


@pytest.mark.parametrize("text, withdrawn", [
    ("It said all Russian units had left Bucha on March 30.", {"Bucha"}),
    ("Ukrainian forces left the village of Robotyne after heavy fighting.", {"Robotyne"}),
    ("The delegation left Kyiv on Monday.", None),
    ("Russian troops left behind mines in Izium.", None),
])
def test_a_force_that_leaves_a_town_withdraws_from_it(text, withdrawn):
    found = [places for kind, _, places, _ in events(text, "en") if kind == "withdrawal"]
    assert found == ([withdrawn] if withdrawn else []), found


def test_a_town_opening_a_headline_before_the_words_it_modifies_is_a_place():
    rec = record("Seventeen people were wounded, the governor said.", "en", "2022-03-09",
                 title="Mariupol maternity hospital hit by airstrike")
    names = {p["ref"]: p["name"] for p in rec["title_layers"]["places"]}
    assert [(e["type"], [names.get(k, k) for k in e["places"]]) for e in rec["title_layers"]["events"]] == [
        ("strike", ["Mariupol"])]


@pytest.mark.parametrize("text, withdrawn", [
    ("Russia's Defence Ministry said it was regrouping troops in the Izium area to strengthen its positions.",
     [{"Izium"}]),
    ("Ukrainian forces are using the pause to regroup their forces and weapons.", []),
])
def test_troops_regrouped_in_an_area_withdraw_from_it(text, withdrawn):
    found = [places for kind, _, places, _ in events(text, "en") if kind == "withdrawal"]
    assert found == withdrawn, found

