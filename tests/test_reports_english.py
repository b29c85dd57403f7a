"""How English reports are read (issue 12): fighting named as what goes on in an area, event words turned into
another notion by a prefix, "the entire oblast" referring back to the oblast named before, the subject a verb
shares with the words above it, ongoing events, verbs joined to the event verb, a capital as partner of talks,
wire-copy comments on a claim and the day of a saying, a speaker's side from its state and office, a name the
tagger misread as an adverb, soldiers captured, the article of a reporter the parser hung on the content, a
state saying it took control, a participle of naming after a denial, an act in a mandative subjunctive, a participle
of fighting in a content, a force fighting, a clause set against another by "while", "the town" that was
introduced as one, and a force holding on in a town; explosions that hit a town (a strike, as "взрыв" is), and the
villages a capture lists after a dash, which the parser may hang on the "in" of their region; forces pushed back
withdraw (a plan pushed back does not); a name the tagger read as an organisation right after a title is a person; a
claim dismissed or rejected is denied, a proposal rejected is no claim; a clause after "and" that follows a reporting
parenthesis leaves the clause before it the content (a relative clause is no such parenthesis); a meeting struck is a
target, no talks; troops moved to better lines or to the other bank withdraw; an organisation's name with function
words closes a reporting tail ("..., the Institute for the Study of War said"); a claim ends at a semicolon that
opens a report of its own ("claims capture of Bakhmut; Kyiv denies"); the kind an event is ranked among ("one of the
deadliest attacks on civilians") is no other event, unless it is the subject ("One of the largest attacks hit Kyiv"); aircraft or drones "downed" were shot
down, not those a participle describes ("the number of downed helicopters"). The wounded told after the dead are other
victims, each with their count ("12 dead and 24 wounded", "two killed and a dozen wounded", "15 thousand dead"), and a
person joined onto people counted is one more ("Three adults and a child were killed": 4).

The sentences are probes written for these tests (no gold or corpus text); each says what the record should hold by
the annotation guide (shared data/dev/README.md) and runs the pipeline.
"""
from __future__ import annotations

import pytest

from test_reports_acts import record
from test_reports_context import events
from test_reports_voices import claims

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Buses took residents out of the areas of hostilities near Sievierodonetsk.",
    "The Red Cross asked for safe passage for civilians leaving the zone of clashes around Sievierodonetsk.",
])
def test_fighting_in_an_area_is_a_clash_there(text):
    clashes = [e for e in events(text, "en") if e[0] == "clash"]
    assert clashes and "Sievierodonetsk" in clashes[0][2], events(text, "en")


@pytest.mark.parametrize("text", [
    "The ministers discussed a pause in hostilities.",
    "The talks turned to the cessation of hostilities.",
])
def test_a_pause_or_cessation_of_hostilities_stays_a_topic(text):
    assert not [e for e in events(text, "en") if e[0] == "clash"], events(text, "en")


@pytest.mark.parametrize("text, word", [
    ("The envoy urged both sides to de-escalate the situation near the plant.", "escalate"),
    ("Kyiv presented its plan for the de-occupation of Crimea.", "occupation"),
])
def test_a_contrary_prefix_turns_an_event_word_into_another_notion(text, word):
    assert not [e for e in events(text, "en") if e[1] == word], events(text, "en")


def test_the_entire_oblast_is_the_oblast_named_before():
    text = ("Last spring the invaders held much of Kharkiv Oblast, with the towns of Vovchansk and Kupiansk. "
            "Then Ukrainian troops retook these towns and pushed the invaders out of the entire oblast.")
    found = events(text, "en")
    drove = [e for e in found if e[0] == "withdrawal"]
    assert drove and drove[0][2] == {"Kharkiv Oblast"}, found
    retook = [e for e in found if e[0] == "territory_control" and e[1].startswith("retook")]
    assert retook and "Kharkiv Oblast" not in retook[0][2], found


@pytest.mark.parametrize("text, verb, actor", [
    ("Ukrainian troops were able to retake Robotyne after weeks of fighting.", "retake", "Ukrainian troops"),
    ("The Kremlin urged Kyiv to withdraw its troops from the four regions.", "withdraw", "Kyiv"),
])
def test_a_verb_shares_the_subject_or_object_above_it(text, verb, actor):
    rec = record(text, "en", "2023-09-01")
    event = next(e for e in rec["events"] if text[e["trigger"][0]:e["trigger"][1]].startswith(verb))
    assert event["actor"] == actor, rec["events"]


def test_an_ongoing_event_is_factual_whatever_is_said_of_its_end():
    rec = record("The minister said he hoped the ongoing fighting near Vuhledar will be stopped by talks.", "en",
                 "2023-02-01")
    fighting = [e for e in rec["events"] if e["type"] == "clash"]
    assert fighting and fighting[0]["modality"] == "factual", rec["events"]


def test_a_verb_of_threat_joined_to_the_event_verb_does_not_govern_it():
    rec = record("The general said his troops do not threaten residents and do not shell residential areas.", "en",
                 "2023-02-01")
    shelling = [e for e in rec["events"] if e["type"] == "strike"]
    assert shelling and (shelling[0]["polarity"], shelling[0]["modality"]) == ("denied", "factual"), rec["events"]


def test_a_capital_as_partner_of_talks_is_no_place_of_the_fighting():
    found = events("He said the clashes could end only through negotiations with Moscow.", "en")
    assert [e for e in found if e[0] == "negotiation"], found
    assert [e for e in found if e[0] == "clash" and "Moscow" not in e[2]], found


def test_a_claim_a_wire_could_not_verify_is_no_new_claim():
    text = ("Russia's Defence Ministry said its forces had captured the village of Ivanivka, a claim the agency could "
            "not independently verify.")
    rec = record(text, "en", "2024-10-29")
    assert [text[a["content"][0]:a["content"][1]] for a in rec["attributions"]] == [
        "its forces had captured the village of Ivanivka"], rec["attributions"]


@pytest.mark.parametrize("when", ["on Tuesday", "late on Monday"])
def test_a_day_right_after_the_cue_dates_the_saying(when):
    text = f"The ministry said {when} its troops had repelled four attacks near Kupiansk."
    rec = record(text, "en", "2024-10-29")
    (claim,) = rec["attributions"]
    assert text[claim["content"][0]:claim["content"][1]] == "its troops had repelled four attacks near Kupiansk"


def test_a_speaker_named_by_its_state_and_office_speaks_for_that_state():
    from claimledger.control import record_control_claims

    rec = record("Ukraine's army chief insisted its troops still held the town of Chasiv Yar.", "en", "2024-07-01")
    assert {(status, polarity) for _, _, status, polarity in record_control_claims(rec)} == {
        ("ukrainian_control", "asserted")}, rec["events"]


def test_the_subject_an_event_noun_is_equated_with_is_no_actor():
    rec = record("The only answer to these demands is the withdrawal of Russian troops.", "en", "2022-02-20")
    (withdrawal,) = [e for e in rec["events"] if e["type"] == "withdrawal"]
    assert withdrawal["actor"] is None, withdrawal


def test_a_name_misread_as_an_adverb_is_the_subject_of_the_clause_after_it():
    from claimledger.control import record_control_claims

    text = "Zelenskiy denies Bakhmut has fallen to Russia"
    rec = record(text, "en", "2023-05-21")
    (claim,) = rec["attributions"]
    assert text[claim["content"][0]:claim["content"][1]] == "Bakhmut has fallen to Russia", claim
    assert {(status, polarity) for _, _, status, polarity in record_control_claims(rec)} == {
        ("russian_control", "denied")}, rec["events"]


def test_a_stop_word_adverb_stays_an_adverb():
    from claimledger.extract.language.nlp import load_english

    doc = load_english()("He said Now is the time to act.")
    assert doc[2].dep_ != "nsubj" and doc[2].tag_ == "RB", [(t.text, t.dep_, t.tag_) for t in doc]


def test_soldiers_killed_or_captured_are_casualties_not_a_place_taken():
    found = events("Officials said about 200 soldiers had been killed or captured in the final days of the battle.",
                   "en")
    assert not [e for e in found if e[0] == "territory_control"], found


def test_the_article_of_a_reporter_hung_on_the_content_is_no_part_of_it():
    text = "Russian forces have seized the village of Novohrodivka, the Russian Defence Ministry said on Monday."
    rec = record(text, "en", "2024-09-02")
    (claim,) = rec["attributions"]
    assert text[claim["content"][0]:claim["content"][1]] == "Russian forces have seized the village of Novohrodivka"


def test_a_state_saying_it_took_control_is_the_actor():
    rec = record("Moscow says it has taken full control of the town of Avdiivka.", "en", "2024-02-17")
    (taken,) = [e for e in rec["events"] if e["type"] == "territory_control"]
    assert taken["actor"] == "Moscow", taken


def test_a_participle_naming_the_accusations_is_the_denier_s():
    rec = record("The Kremlin denied that its troops had targeted civilians, calling the accusations lies.", "en",
                 "2022-04-05")
    assert {a["speaker"] for a in rec["attributions"]} == {"Kremlin"}, rec["attributions"]


@pytest.mark.parametrize("text", [
    "The resolution demands that Russia withdraw its troops from Ukraine.",
    "The assembly adopted a resolution which demands Russia withdraw its troops from Ukraine.",
])
def test_an_act_in_a_mandative_subjunctive_is_demanded(text):
    rec = record(text, "en", "2023-02-23")
    left = [e for e in rec["events"] if e["type"] == "withdrawal"]
    assert left and left[0]["modality"] == "future", rec["events"]


def test_a_bare_present_after_a_verb_of_saying_stays_factual():
    rec = record("Officials said Russian forces withdraw from the village every night.", "en", "2023-02-23")
    left = [e for e in rec["events"] if e["type"] == "withdrawal"]
    assert left and left[0]["modality"] == "factual", rec["events"]


def test_a_participle_of_fighting_belongs_to_the_content_before_the_reporting_clause():
    text = ("Ukrainian forces launched a new offensive in Russia's Kursk region on Sunday, attacking in the direction "
            "of the village of Berdin, Russia's defence ministry said.")
    rec = record(text, "en", "2025-01-06")
    assert [text[a["content"][0]:a["content"][1]] for a in rec["attributions"]] == [text[:text.index(", Russia's")]]
    assert all(e["claimed_by"] == "a1" for e in rec["events"]), rec["events"]


@pytest.mark.parametrize("text, found", [
    ("Ukraine's military said its troops were still fighting in Soledar.", True),
    ("Our troops are fighting hard battles near Bakhmut.", True),
    ("They are fighting for their land.", False),  # no force: a cause fought for
    ("Our men fought bravely.", False),
])
def test_a_force_fighting_is_a_clash(text, found):
    assert bool([e for e in events(text, "en") if e[0] == "clash"]) == found, events(text, "en")


def test_a_clause_set_against_another_keeps_its_places():
    found = events("Officials said Russian strikes on Kharkiv wounded 41 people, while three people were killed in the "
                   "Zaporizhzhia region.", "en")
    assert [(kind, places) for kind, _, places, _ in found if kind == "casualties"] == [
        ("casualties", {"Kharkiv"}), ("casualties", {"Zaporizhzhia Oblast"})], found


def test_the_town_is_the_one_introduced_as_a_town():
    found = events("Russia's defence ministry said its forces had completed the capture of Soledar, a salt-mining town "
                   "in eastern Ukraine, opening the way to cut off supply routes to Bakhmut. Ukraine's military said "
                   "its troops were still fighting in the town.", "en")
    assert [places for kind, _, places, _ in found if kind == "clash"] == [{"Soledar"}], found


def test_a_force_holding_on_in_a_town_holds_it():
    found = events("Ukraine said its forces were holding on in Chasiv Yar.", "en")
    assert [(kind, places) for kind, _, places, _ in found] == [("territory_control", {"Chasiv Yar"})], found


@pytest.mark.parametrize("text, place", [
    ("Explosions hit central Kyiv during the morning rush hour.", "Kyiv"),
    ("A blast hit the center of Kharkiv.", "Kharkiv"),
])
def test_explosions_are_a_strike(text, place):
    assert [(kind, places) for kind, _, places, _ in events(text, "en")] == [("strike", {place})]


def test_a_blast_that_is_no_explosion_is_no_strike():
    assert events("The team had a blast at the party.", "en") == []


def test_the_villages_listed_after_a_dash_are_the_places_of_the_capture():
    found = events("Russia said its forces had captured five villages in the Kharkiv region - Strilecha, Krasne, "
                   "Pylna, Borysivka and Ohirtseve.", "en")
    assert [(kind, places) for kind, _, places, _ in found] == [
        ("territory_control", {"Strilecha", "Krasne", "Pylna", "Borysivka", "Ohirtseve"})], found


@pytest.mark.parametrize("text, kinds", [
    ("Ukrainian marines pushed Russian forces back from the river bank.", ["withdrawal"]),
    ("The minister pushed the talks back a week, the military said.", []),
])
def test_forces_pushed_back_withdraw(text, kinds):
    assert [kind for kind, *_ in events(text, "en") if kind == "withdrawal"] == kinds


def test_a_name_the_tagger_read_as_an_organisation_after_a_title_is_a_person():
    rec = record("Ukraine's army chief Oleksandr Syrskyi said on Saturday the troops had withdrawn.", "en",
                 "2024-02-17")
    assert [a["speaker"] for a in rec["attributions"]] == ["Oleksandr Syrskyi"], rec["attributions"]


@pytest.mark.parametrize("text, denied", [
    ("The ministry said it had destroyed a depot in Sumy. Kyiv dismissed the claim.", True),
    ("The ministry said it had destroyed a depot in Sumy. Kyiv rejected the proposal.", False),
])
def test_a_claim_dismissed_is_denied(text, denied):
    rec = record(text, "en", "2024-06-03")
    strikes = [e["polarity"] for e in rec["events"] if e["type"] == "strike"]
    assert strikes == (["asserted", "denied"] if denied else ["asserted"]), rec["events"]


def test_a_clause_after_and_following_a_reporting_parenthesis_leaves_the_clause_before_the_content():
    found = claims("About 16,000 people were in the flood zone, governor Oleksandr Prokudin said, and evacuations had "
                   "begun.", "en")
    assert found == [("Oleksandr Prokudin", "said", "About 16,000 people were in the flood zone")], found


def test_a_meeting_struck_is_a_target_not_talks():
    found = events("The ministry said it had hit a meeting of Ukrainian commanders in Sumy with two missiles.", "en")
    assert [kind for kind, *_ in found] == ["strike"], found


def test_a_relative_clause_is_no_reporting_parenthesis():
    found = claims("The minister thanked the council, which responded quickly to the attack, and on March 16 expelled "
                   "the delegation.", "en")
    assert found == [], found


@pytest.mark.parametrize("text", [
    "Ukrainian officials said troops had moved to more favourable defensive lines near Avdiivka.",
    "The ministry said more than 30,000 troops had been moved to the east bank.",
])
def test_troops_moved_to_better_lines_or_the_other_bank_withdraw(text):
    assert [kind for kind, *_ in events(text, "en")] == ["withdrawal"]


def test_a_move_of_no_troops_is_no_withdrawal():
    assert events("He moved to the left bank to see his parents.", "en") == []


def test_an_organisations_name_with_function_words_closes_a_reporting_tail():
    found = claims("Russian troops captured several villages, including Strilecha, Pylna and Borysivka, the Institute "
                   "for the Study of War said.", "en")
    assert [speaker for speaker, _, _ in found] == ["Institute for the Study of War"], found


def test_a_claim_ends_at_a_semicolon_that_opens_a_report_of_its_own():
    found = claims("The Wagner chief claims capture of Bakhmut; Kyiv denies it.", "en")
    assert [content for _, cue, content in found if cue == "claims"] == ["capture of Bakhmut"], found


def test_the_kind_an_event_is_ranked_among_is_no_other_event():
    found = events("A Russian missile strike killed at least 51 people in Hroza, officials said, one of the deadliest "
                   "attacks on civilians in months.", "en")
    assert [kind for kind, *_ in found].count("strike") == 1, found


def test_a_ranked_event_said_as_the_subject_is_an_event():
    found = events("One of the largest attacks of the war hit Kyiv overnight.", "en")
    assert [kind for kind, *_ in found] == ["strike"], found


@pytest.mark.parametrize("text, found", [
    ("Ukraine says it downed 8 of 9 Russian drones overnight.", [("other", 8)]),
    ("Ukraine downs 20 drones.", [("other", 20)]),
    ("Russian jets were downed over Kharkiv.", [("other", None)]),
    ("Soon the number of downed helicopters of Russia will reach hundreds.", []),
])
def test_aircraft_downed_were_shot_down(text, found):
    assert [(kind, count) for kind, _, _, count in events(text, "en")] == found


@pytest.mark.parametrize("text, counts", [
    ("As of now, we know about 12 dead and 24 wounded.", [12, 24]),
    ("Two people were killed and a dozen wounded, officials said.", [2, 12]),
    ("During the war we have already had about 15 thousand dead.", [15000]),
    ("Three adults and a child were killed.", [4]),
])
def test_the_dead_and_the_wounded_are_counted_apart(text, counts):
    assert [count for kind, _, _, count in events(text, "en") if kind == "casualties"] == counts
