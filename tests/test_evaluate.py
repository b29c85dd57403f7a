"""Tests of the evaluator on small hand-made records whose scores can be worked out by hand."""
from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.evaluate import (
    DISTANCE_THRESHOLD_KM, format_errors, format_report, score_pairs, score_records,
)
from claimledger.evaluate.scores import haversine_km

DEV = Path("/work/shared/data/dev")

TEXT = (
    "Officials in Moscow said that the army took three villages near Kupiansk. "
    "The governor, Ivan Petrov, reported that drones struck a depot in Sumy overnight."
)


def span(phrase: str, text: str = TEXT) -> list[int]:
    start = text.index(phrase)
    return [start, start + len(phrase)]


def attribution(aid, source, speaker, cue, content, kind="indirect", parent=None):
    return {
        "id": aid, "source": None if source is None else span(source), "speaker": speaker,
        "speaker_role": None, "cue": None if cue is None else span(cue), "content": span(content),
        "kind": kind, "parent": parent, "hedges": [],
    }


def place(phrase, ref=None, name=None, level="settlement", lat=None, lon=None):
    return {"span": span(phrase), "text": phrase, "ref": ref, "name": name, "level": level,
            "lat": lat, "lon": lon}


def event(etype, trigger, claimed_by=None, places=(), quantity=None, when=None,
          polarity="asserted", modality="factual"):
    return {"type": etype, "trigger": span(trigger), "actor": None, "target": None,
            "places": list(places), "quantity": quantity, "when": when, "claimed_by": claimed_by,
            "polarity": polarity, "modality": modality}


def gold_record(**layers) -> dict:
    record = {"id": "r1", "outlet": None, "url": None, "published": "2024-05-01", "language": "en",
              "title": None, "text": TEXT}
    record.update(layers)
    return record


def full_gold() -> dict:
    return gold_record(
        attributions=[
            attribution("a1", "Officials", "officials in Moscow", "said",
                        "the army took three villages near Kupiansk"),
            attribution("a2", "The governor, Ivan Petrov", "Ivan Petrov", "reported",
                        "drones struck a depot in Sumy overnight"),
        ],
        places=[
            place("Moscow", None, "Moscow", "settlement", 55.75, 37.62),
            place("Kupiansk", "UA63080130010096069", "Kupiansk", "settlement", 49.71, 37.61),
            place("Sumy", "UA59080230010040469", "Sumy", "settlement", 50.91, 34.80),
        ],
        events=[
            event("territory_control", "took three villages", "a1", ["UA63080130010096069"], 3),
            event("strike", "drones struck a depot", "a2", ["UA59080230010040469"],
                  when="2024-04-30"),
        ],
    )


def figures(report, layer, group="all"):
    return report.to_dict()[layer][group]["figures"]


def test_perfect_prediction_scores_one_everywhere():
    gold = [full_gold()]
    report = score_records(gold, copy.deepcopy(gold))
    for layer in ("attributions", "places", "events"):
        for metric, values in figures(report, layer).items():
            assert values.get("f1", values.get("accuracy")) == 1.0, (layer, metric)
    assert report.errors == []
    assert report.to_dict()["events"]["all"]["type_macro_f1"] == 1.0


def test_missed_claim_halves_recall():
    gold = full_gold()
    predicted = copy.deepcopy(gold)
    predicted["attributions"] = predicted["attributions"][:1]
    predicted["events"][1]["claimed_by"] = None
    report = score_records([gold], [predicted])
    claims = figures(report, "attributions")["claim"]
    assert claims["recall"] == 0.5 and claims["precision"] == 1.0
    assert claims["f1"] == pytest.approx(2 / 3, abs=1e-4)
    by_kind = report.to_dict()["attributions"]["all"]["by_kind"]["indirect"]
    assert by_kind["content_overlap"]["recall"] == 0.5
    missed = [e for e in report.errors if e.category == "missed"]
    assert len(missed) == 1 and "drones struck" in missed[0].gold
    # the event whose claimant was lost now has the wrong claimed_by
    assert figures(report, "events")["claimed_by"]["accuracy"] == 0.5


def test_half_overlapping_content_counts_at_overlap_but_not_exact():
    gold = gold_record(attributions=[attribution("a1", "Officials", "officials", "said",
                                                 "the army took three villages near Kupiansk")])
    # 7 gold tokens; "the army took three" covers 4 of them (>= half)
    half = gold_record(attributions=[attribution("p1", "Officials", "officials", "said",
                                                 "the army took three")])
    report = score_records([gold], [half])
    assert figures(report, "attributions")["content_overlap"]["f1"] == 1.0
    assert figures(report, "attributions")["content_exact"]["f1"] == 0.0
    # "the army took" covers 3 of 7 tokens (< half): no match
    short = gold_record(attributions=[attribution("p1", "Officials", "officials", "said", "the army took")])
    report = score_records([gold], [short])
    assert figures(report, "attributions")["content_overlap"]["f1"] == 0.0


def test_wrong_source_fails_claim_but_passes_content():
    gold = gold_record(attributions=[attribution("a1", "Officials", "officials in Moscow", "said",
                                                 "the army took three villages near Kupiansk")])
    predicted = gold_record(attributions=[attribution("p1", "Ivan Petrov", "Ivan Petrov", "said",
                                                      "the army took three villages near Kupiansk")])
    report = score_records([gold], [predicted])
    scores = figures(report, "attributions")
    assert scores["content_exact"]["f1"] == 1.0
    assert scores["claim"]["f1"] == 0.0
    assert scores["source"]["accuracy"] == 0.0 and scores["cue"]["accuracy"] == 1.0
    assert [e.category for e in report.errors] == ["wrong_source"]


def test_source_agrees_through_contained_speaker_name():
    gold = gold_record(attributions=[attribution("a2", "The governor, Ivan Petrov", "Ivan Petrov",
                                                 "reported", "drones struck a depot in Sumy overnight")])
    # a source span elsewhere, but "Petrov" is a word run of "Ivan Petrov"
    predicted = gold_record(attributions=[attribution("p1", "Officials", "PETROV", "reported",
                                                      "drones struck a depot in Sumy overnight")])
    report = score_records([gold], [predicted])
    assert figures(report, "attributions")["claim"]["f1"] == 1.0
    assert figures(report, "attributions")["speaker"]["accuracy"] == 1.0


def test_null_gold_source_matches_null_predicted_source():
    gold = gold_record(attributions=[attribution("a1", None, "unspecified", None,
                                                 "drones struck a depot in Sumy overnight")])
    predicted = gold_record(attributions=[attribution("p1", None, None, None,
                                                      "drones struck a depot in Sumy overnight")])
    report = score_records([gold], [predicted])
    assert figures(report, "attributions")["claim"]["f1"] == 1.0
    assert figures(report, "attributions")["speaker"]["accuracy"] == 0.0


def test_161_km_rule_on_known_coordinates():
    # one degree of latitude along a meridian is 111.19 km
    assert haversine_km(0.0, 0.0, 1.0, 0.0) == pytest.approx(111.19, abs=0.01)
    assert DISTANCE_THRESHOLD_KM == 161.0
    gold = gold_record(places=[place("Moscow", lat=0.0, lon=0.0), place("Sumy", lat=10.0, lon=0.0)])
    predicted = gold_record(places=[place("Moscow", lat=1.4, lon=0.0),  # 155.7 km: within
                                    place("Sumy", lat=11.5, lon=0.0)])  # 166.8 km: too far
    report = score_records([gold], [predicted])
    scores = figures(report, "places")
    assert scores["within_161km"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert scores["span_exact"]["f1"] == 1.0
    assert [e.category for e in report.errors] == ["far_coordinates"]


def test_161_km_rule_reports_countries_apart():
    # a country's point is a convention: the pair whose either side is a country is left out of the
    # non-country figure, whatever the gold level is (GeoVirus gold has none)
    gold = gold_record(places=[place("Moscow", level=None, lat=0.0, lon=0.0),
                               place("Sumy", level=None, lat=10.0, lon=0.0)])
    predicted = gold_record(places=[place("Moscow", level="settlement", lat=1.4, lon=0.0),
                                    place("Sumy", level="country", lat=11.5, lon=0.0)])
    scores = figures(score_records([gold], [predicted]), "places")
    assert scores["within_161km"] == {"accuracy": 0.5, "correct": 1, "total": 2}
    assert scores["within_161km_non_country"] == {"accuracy": 1.0, "correct": 1, "total": 1}


def test_place_refs_names_levels_and_found_recall():
    gold = gold_record(places=[
        place("Kupiansk", "UA1", "Kupiansk", "settlement"),
        place("Sumy", None, "Sumy", "settlement"),
        place("Moscow", None, "Moscow", "settlement"),
    ])
    predicted = gold_record(places=[
        place("Kupiansk", "UA2", "Kupiansk", "settlement"),  # wrong ref
        {"span": span("Sumy overnight"), "text": "Sumy overnight", "ref": "UA3", "name": "sumy",
         "level": "oblast", "lat": None, "lon": None},  # overlapping span, ref where gold has none
    ])
    report = score_records([gold], [predicted])
    scores = figures(report, "places")
    assert scores["span_exact"]["recall"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["span_overlap"]["recall"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["span_overlap"]["precision"] == 1.0
    assert scores["found_recall"]["accuracy"] == pytest.approx(2 / 3, abs=1e-4)
    assert scores["ref"]["accuracy"] == 0.0
    assert scores["null_ref_kept"]["accuracy"] == 0.0
    assert scores["name"]["accuracy"] == 1.0  # case-insensitive
    assert scores["level"]["accuracy"] == 0.5


def test_event_with_wrong_type_fails_type_but_passes_trigger():
    gold = gold_record(events=[event("strike", "drones struck a depot")])
    predicted = gold_record(events=[event("clash", "drones struck")])
    report = score_records([gold], [predicted])
    scores = figures(report, "events")
    assert scores["type"]["f1"] == 0.0
    assert scores["trigger"]["f1"] == 1.0
    assert scores["type_on_trigger"]["accuracy"] == 0.0
    by_type = report.to_dict()["events"]["all"]["by_type"]
    assert by_type["strike"]["type"]["recall"] == 0.0
    assert by_type["clash"]["type"]["precision"] == 0.0
    assert report.to_dict()["events"]["all"]["type_macro_f1"] == 0.0


def test_events_match_through_a_shared_place_and_map_claimants():
    gold = full_gold()
    predicted = copy.deepcopy(gold)
    for a in predicted["attributions"]:
        a["id"] = "p" + a["id"]
    predicted["events"] = [
        # a different phrase of the same claim: matched by the shared place ref
        event("territory_control", "near Kupiansk", "pa1", ["UA63080130010096069"], 3),
        event("strike", "drones struck", "pa1", ["UA59080230010040469"], when="2024-05-01",
              modality="future"),
    ]
    report = score_records([gold], [predicted])
    scores = figures(report, "events")
    assert scores["type"]["f1"] == 1.0
    assert scores["trigger"]["recall"] == 0.5  # only the strike's triggers overlap
    assert scores["claimed_by"]["accuracy"] == 0.5  # pa1 maps to a1; the strike's claimant is a2
    assert scores["quantity"]["accuracy"] == 1.0
    assert scores["when"]["accuracy"] == 0.5 and scores["when_stated"]["accuracy"] == 0.0
    assert scores["modality"]["accuracy"] == 0.5 and scores["polarity"]["accuracy"] == 1.0
    assert scores["places"]["accuracy"] == 1.0


def test_layer_absent_from_gold_is_not_scored_but_empty_layer_is():
    gold = gold_record(attributions=[], places=[place("Sumy")])  # no events key
    predicted = full_gold()
    report = score_records([gold], [predicted])
    assert report.board("events") is None and "events" not in report.to_dict()
    assert all(e.layer != "events" for e in report.errors)
    attributions = figures(report, "attributions")["content_overlap"]
    assert attributions["gold"] == 0 and attributions["predicted"] == 2
    assert attributions["precision"] == 0.0 and attributions["recall"] is None


def test_missing_prediction_and_language_groups():
    english = full_gold()
    russian = dict(full_gold(), id="r2", language="ru")
    report = score_records([english, russian], [copy.deepcopy(english)])
    assert report.missing_predictions == ["r2"]
    data = report.to_dict()
    assert data["attributions"]["all"]["figures"]["claim"]["recall"] == 0.5
    assert data["attributions"]["en"]["figures"]["claim"]["recall"] == 1.0
    assert data["attributions"]["ru"]["figures"]["claim"]["recall"] == 0.0
    assert data["places"]["ru"]["documents"] == 1


def test_bad_inputs_raise_input_errors():
    gold = full_gold()
    with pytest.raises(InputError, match="duplicate record id"):
        score_records([gold, gold], [])
    with pytest.raises(InputError, match="text differs"):
        score_records([gold], [dict(gold, text=TEXT + " More.")])
    broken = copy.deepcopy(gold)
    broken["places"][0]["span"] = "Moscow"
    with pytest.raises(InputError, match="malformed span"):
        score_records([gold], [broken])


def test_pairs_macro_f1_by_hand():
    gold_labels = ["repeat", "repeat", "agree", "agree", "contradict", "contradict", "unrelated",
                   "unrelated"]
    guesses = ["repeat", "agree", "agree", "agree", "contradict", "unrelated", "unrelated", None]
    gold = [{"id": f"p{i}", "a": "x", "b": "y", "a_lang": "en", "b_lang": "en", "label": label}
            for i, label in enumerate(gold_labels)]
    predicted = [{"id": f"p{i}", "label": label} for i, label in enumerate(guesses) if label]
    report = score_pairs(gold, predicted).to_dict()["groups"]["all"]
    # F1: repeat 2/3, agree 0.8, contradict 2/3, unrelated 0.5 (the unpredicted pair is wrong)
    assert report["macro_f1"] == pytest.approx((2 / 3 + 0.8 + 2 / 3 + 0.5) / 4, abs=1e-4)
    assert report["accuracy"] == 5 / 8
    assert report["per_class"]["agree"]["precision"] == pytest.approx(2 / 3, abs=1e-4)
    assert report["confusion"]["unrelated"]["(missing)"] == 1
    assert report["confusion"]["repeat"]["agree"] == 1


def test_reports_format_as_plain_text():
    gold = full_gold()
    predicted = copy.deepcopy(gold)
    predicted["attributions"].pop()
    report = score_records([gold], [predicted])
    text = format_report(report)
    assert "ATTRIBUTIONS [all]" in text and "type macro-F1" in text and "by kind" in text
    errors = format_errors(report)
    assert "missed" in errors and "drones struck" in errors
    json.dumps(report.to_dict())  # JSON-ready
    pairs = score_pairs([{"id": "1", "label": "agree"}], [{"id": "1", "label": "agree"}])
    assert "macro-F1 0.250" in format_report(pairs)  # three labels absent on both sides score 0


@pytest.mark.parametrize("name", ["attribution_dev.jsonl", "geoparsing_dev.jsonl",
                                  "war_news_ru_uk_dev.jsonl"])
def test_dev_gold_against_itself_scores_one(name):
    path = DEV / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    report = score_records(records, records)
    for layer, groups in report.to_dict(errors=False).items():
        if not isinstance(groups, dict):
            continue
        for metric, values in groups["all"]["figures"].items():
            assert values.get("f1", values.get("accuracy")) == 1.0, (name, layer, metric)
    assert report.errors == []


def test_headline_layers_are_scored_apart_from_the_body():
    title = "Army takes villages near Kupiansk"
    trigger = [title.index("takes"), title.index("takes") + len("takes")]
    headline_event = {"type": "territory_control", "trigger": trigger, "actor": None, "target": None,
                      "places": [], "quantity": None, "when": None, "claimed_by": None,
                      "polarity": "asserted", "modality": "factual"}
    gold = full_gold()
    gold.update(title=title, title_layers={"events": [headline_event]})
    found = copy.deepcopy(gold)
    missed = copy.deepcopy(gold)
    missed["title_layers"] = {"events": []}
    perfect, blind = score_records([gold], [found]), score_records([gold], [missed])
    assert perfect.board("events", "headlines").to_dict()["figures"]["type"]["f1"] == 1.0
    assert blind.board("events", "headlines").to_dict()["figures"]["type"]["recall"] == 0.0
    assert blind.board("events").to_dict() == perfect.board("events").to_dict()  # the body's
    assert "EVENTS [headlines]" in format_report(blind)


def test_an_event_place_without_a_ref_is_the_same_by_its_text_or_its_name():
    # gold names the place as it stands in the text, the prediction by its canonical name: one place
    gold = gold_record(places=[place("Moscow", None, "Moscow (city)")],
                       events=[event("strike", "drones struck a depot", places=["Moscow"])])
    predicted = gold_record(places=[place("Moscow", None, "Moscow (city)")],
                            events=[event("strike", "drones struck a depot", places=["Moscow (city)"])])
    assert figures(score_records([gold], [predicted]), "events")["places"]["accuracy"] == 1.0
    predicted["events"][0]["places"] = ["Sumy"]
    assert figures(score_records([gold], [predicted]), "events")["places"]["accuracy"] == 0.0


def test_a_country_is_one_event_place_by_its_ref_or_its_name():
    # one file gives the country a GeoNames ref, the other only its name: the same place
    text = "Drones struck a depot in Ukraine."

    def record(ref: str | None, key: str) -> dict:
        country = {"span": span("Ukraine", text), "text": "Ukraine", "ref": ref, "name": "Ukraine",
                   "level": "country", "lat": None, "lon": None}
        strike = {"type": "strike", "trigger": span("struck", text), "places": [key]}
        return gold_record(text=text, places=[country], events=[strike])

    gold, predicted = record(None, "Ukraine"), record("geonames:690791", "geonames:690791")
    assert figures(score_records([gold], [predicted]), "events")["places"]["accuracy"] == 1.0
    predicted["places"][0]["level"] = "settlement"  # the ref of a settlement stays a ref
    assert figures(score_records([gold], [predicted]), "events")["places"]["accuracy"] == 0.0


def test_speaker_names_agree_across_romanisations_of_one_surname():
    from claimledger.evaluate.scores import names_agree

    assert names_agree("Zelensky", "Volodymyr Zelenskyy")
    assert names_agree("Dmitriy Peskov", "Dmitry Peskov")
    assert names_agree("Zelenskiy", "Zelenskyi")
    assert not names_agree("Olena Zelenska", "Zelensky")
    assert not names_agree("Lavrov", "Zelensky")


def test_a_matched_event_lists_each_part_it_gets_wrong():
    gold = gold_record(events=[event("territory_control", "took three villages", places=["UA63080130010096069"],
                                     quantity=3)])
    predicted = gold_record(events=[event("territory_control", "took three villages", quantity=2,
                                          modality="future")])
    report = score_records([gold], [predicted])
    wrong = {e.category: e.detail for e in report.errors}
    assert wrong == {"wrong_quantity": "gold 3, predicted 2", "wrong_modality": "gold factual, predicted future",
                     "wrong_places": "gold ua63080130010096069, predicted none"}
