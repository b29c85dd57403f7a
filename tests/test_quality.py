"""Quality floors: the evaluator on the development gold in the repository.

Each floor sits a little under the figure measured when it was last raised (see the
closing notes of the issues); raise it as the method improves, never lower it quietly.
"""
from __future__ import annotations

import pytest

from claimledger.evaluate import score_records
from claimledger.evaluate.predictions import predict_records, read_gold

pytestmark = pytest.mark.model

# (layer, figure, measure) -> floor; measured 2026-11-25 on tests/data/attribution_dev.jsonl.
FLOORS = {
    ("attributions", "claim", "f1"): 0.80,            # measured 0.823 on 2026-12-03 (issue 13; was 0.806)
    ("attributions", "content_overlap", "f1"): 0.80,  # measured 0.827 (was 0.817)
    ("attributions", "content_exact", "f1"): 0.75,    # measured 0.778 (was 0.761)
    ("attributions", "source", "accuracy"): 0.95,     # measured 0.986
    ("attributions", "speaker", "accuracy"): 0.80,    # measured 0.833
    ("places", "span_exact", "f1"): 0.96,             # measured 0.977 on 2026-12-03 (0.968 before issue 13)
    ("places", "ref", "accuracy"): 0.92,              # measured 0.939 on 12-04 sixth session (0.926 before)
    ("events", "type", "f1"): 0.79,                   # measured 0.810 on 2026-12-04 (0.789 on 2026-12-03; 0.750 on 12-01)
    ("events", "places", "accuracy"): 0.69,           # measured 0.711 on 12-06 (0.674 on 12-05; 0.567 before issue 12)
    ("control", "control", "f1"): 0.81,               # measured 0.831 on 12-06 (0.769 on 12-04; 0.675 before)
}
# Geoparsing floors: places layer of tests/data/geoparsing_dev.jsonl (GeoVirus, world news), measured
# 2026-12-03 on the whole file (issue 13: rules tuned on the even article_index half; the odd half, never
# looked at, gave found_recall 0.929, within_161km 0.850, non-country 0.922, coordinates_given 0.935).
# within_161km counts the found toponyms to which both sides give coordinates; its non-country part leaves
# out the pairs where either side is a country (a country's point is a convention).
GEO_FLOORS = {
    ("places", "found_recall", "accuracy"): 0.915,    # measured 0.925 (0.924 before issue 13)
    ("places", "within_161km", "accuracy"): 0.86,     # measured 0.866 (0.859)
    ("places", "within_161km_non_country", "accuracy"): 0.915,  # measured 0.923 (0.909)
    # towns the gazetteer lacks now get no point rather than a far homonym's: 0.949 before issue 13
    ("places", "coordinates_given", "accuracy"): 0.94,  # measured 0.946
    ("places", "span_exact", "f1"): 0.885,            # measured 0.894 (0.891)
}


@pytest.fixture(scope="module")
def dev_report(request):
    from conftest import TEST_DATA

    gold = read_gold(TEST_DATA / "attribution_dev.jsonl")
    return score_records(gold, predict_records(gold)).to_dict(errors=False)


@pytest.mark.parametrize("key", sorted(FLOORS), ids=lambda k: ".".join(k))
def test_quality_floor(dev_report, key):
    layer, figure, measure = key
    value = dev_report[layer]["all"]["figures"][figure][measure]
    assert value >= FLOORS[key], f"{layer} {figure} {measure} fell to {value:.3f} (floor {FLOORS[key]})"


@pytest.fixture(scope="module")
def geo_report():
    from conftest import TEST_DATA

    gold = read_gold(TEST_DATA / "geoparsing_dev.jsonl")
    return score_records(gold, predict_records(gold)).to_dict(errors=False)


@pytest.mark.parametrize("key", sorted(GEO_FLOORS), ids=lambda k: "geo." + ".".join(k))
def test_geoparsing_floor(geo_report, key):
    layer, figure, measure = key
    value = geo_report[layer]["all"]["figures"][figure][measure]
    assert value >= GEO_FLOORS[key], f"GeoVirus {figure} {measure} fell to {value:.3f} (floor {GEO_FLOORS[key]})"


# Relation floors: claimledger's relations on the war-news pairs built from the bundled corpus
# (tests/data/war_news_pairs_dev.jsonl, the "report" half: never used for training or tuning) and
# on the Perspectrum development pairs; measured 2026-12-03 (scripts/train_relations.py prints them).
RELATION_FLOORS = {
    ("war_news_report", "all", "macro_f1"): 0.61,    # measured 0.641 (0.30 before the classifier)
    ("war_news_report", "cross", "macro_f1"): 0.62,  # measured 0.652 on its 139 en-uk pairs (0.16)
    ("war_news_report", "all", "contradict"): 0.55,  # measured 0.587 (0.24)
    ("stance", "all", "macro_f1"): 0.54,             # measured 0.567 (0.644 with the debate rules)
}


@pytest.fixture(scope="module")
def relation_scores():
    import json

    from conftest import TEST_DATA

    from claimledger.evaluate import score_pairs
    from claimledger.evaluate.predictions import predict_pairs

    def scores(pairs, predicted):
        report = score_pairs(pairs, predicted).overall
        return {"macro_f1": report.macro_f1, "contradict": report.tally("contradict").f1 or 0.0}

    def read(name):
        return [json.loads(line) for line in (TEST_DATA / name).read_text(encoding="utf-8").splitlines()]

    report = [p for p in read("war_news_pairs_dev.jsonl") if p["split"] == "report"]
    predicted = predict_pairs(report)  # each pair on its own: the cross pairs' labels are among these
    cross = [(p, q) for p, q in zip(report, predicted) if p["a_lang"] != p["b_lang"]]
    stance = read("stance_pairs_dev.jsonl")
    return {("war_news_report", "all"): scores(report, predicted),
            ("war_news_report", "cross"): scores([p for p, _ in cross], [q for _, q in cross]),
            ("stance", "all"): scores(stance, predict_pairs(stance))}


@pytest.mark.parametrize("key", sorted(RELATION_FLOORS), ids=lambda k: "relations." + ".".join(k))
def test_relation_floor(relation_scores, key):
    data, group, measure = key
    value = relation_scores[(data, group)][measure]
    assert value >= RELATION_FLOORS[key], f"{data} {group} {measure} fell to {value:.3f} (floor {RELATION_FLOORS[key]})"


# War-report floors: the "report" half (meta.split) of tests/data/war_reports_dev.jsonl, 26 Kremlin and
# Office of the President reports in English and Ukrainian from the open corpus, with headlines
# (issue 12 item 7); the "tune" half is the one to look at while tuning. Measured 2026-12-03.
# (layer, group, figure, measure) -> floor.
WAR_FLOORS = {
    ("attributions", "all", "claim", "f1"): 0.81,        # measured 0.850
    ("places", "all", "span_exact", "f1"): 0.92,         # measured 0.947
    ("places", "all", "ref", "accuracy"): 0.95,          # measured 0.963 on 12-05 third session (0.950, 0.937 before)
    ("events", "en", "type", "f1"): 0.71,                # measured 0.729 on 12-08 (0.714 on 12-06; 0.658 at first)
    ("events", "uk", "type", "f1"): 0.72,                # measured 0.739 on 12-08 (0.714 on 12-06; 0.579 on 12-03)
    ("events", "uk", "when", "accuracy"): 0.36,          # measured 0.389 on 12-04 third session (0.371, 0.343; 0.151 before the ru/uk date forms)
    ("events", "all", "places", "accuracy"): 0.75,       # measured 0.773 on 12-08 (0.762 on 12-06; 0.636 on 12-03)
    ("events", "uk", "places", "accuracy"): 0.86,        # measured 0.889 on 12-04 third session (0.857 before)
    ("events", "all", "quantity_stated", "accuracy"): 0.66,  # measured 0.778 (7 of 9 stated counts)
    ("events", "headlines", "type", "f1"): 0.67,         # measured 0.700 on 12-06 (0.683; 0.258 before)
    ("attributions", "headlines", "claim", "f1"): 0.90,  # 1.0 on 12-04 (0.0 before attribution/headlines.py)
    ("events", "en", "places", "accuracy"): 0.66,        # measured 0.677 on 12-08 (0.667 on 12-06; 0.582 on 12-03)
    ("events", "headlines", "when", "accuracy"): 0.75,   # measured 0.846 on 12-04 late (11 of 13; 4 of 13 before)
    ("control", "all", "control", "f1"): 0.48,           # measured 0.522 on 12-04 fifth session (0.210, 0.111 on 12-03; 13 items)
}


@pytest.fixture(scope="module")
def war_report():
    from conftest import TEST_DATA

    gold = [record for record in read_gold(TEST_DATA / "war_reports_dev.jsonl")
            if record["meta"]["split"] == "report"]
    return score_records(gold, predict_records(gold)).to_dict(errors=False)


@pytest.mark.parametrize("key", sorted(WAR_FLOORS), ids=lambda k: "war." + ".".join(k))
def test_war_report_floor(war_report, key):
    layer, group, figure, measure = key
    value = war_report[layer][group]["figures"][figure][measure]
    assert value >= WAR_FLOORS[key], (f"war reports {layer} {group} {figure} {measure} fell to {value:.3f} "
                                      f"(floor {WAR_FLOORS[key]})")
