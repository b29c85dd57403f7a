"""The open general-news development set (tests/data/news_dev): its build from NTREX-128 and its floors.

The texts are read from the NTREX-128 folder of shared/ (never copied into the repository); the tests
skip when it is absent, as the shared-gold tests of tests/test_evaluate.py do.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from claimledger.errors import ClaimledgerError
from claimledger.evaluate.news_dev import (
    build_news_dev, build_records, document_text, read_annotations, read_ntrex_documents, text_digest,
)

NTREX = Path(os.environ.get("CLAIMLEDGER_NTREX_DIR", "/work/shared/data/training/ntrex128"))
ANNOTATIONS = Path(__file__).resolve().parent / "data" / "news_dev" / "annotations.jsonl"

needs_ntrex = pytest.mark.skipif(not (NTREX / "newstest2019-src.eng.txt").exists(),
                                 reason=f"NTREX-128 not available at {NTREX}")


def test_annotations_hold_offsets_and_no_text():
    items = read_annotations(ANNOTATIONS)
    assert len(items) >= 40
    assert {item["split"] for item in items} == {"tune", "report"}
    for item in items:
        assert set(item) == {"doc_index", "doc_id", "sha256", "split", "attributions"}
        for attribution in item["attributions"]:
            assert isinstance(attribution["content"], list) and len(attribution["content"]) == 2


def test_a_changed_text_is_detected(tmp_path):
    documents = {"doc.1": ["Headline", "Police said the road was closed."]}
    text = document_text(documents["doc.1"])
    item = {"doc_index": 0, "doc_id": "doc.1", "sha256": text_digest(text), "split": "tune",
            "attributions": [{"id": "a1", "content": [text.index("the road"), len(text) - 1]}]}
    [record] = build_records([item], documents)
    assert record["text"] == "Headline\nPolice said the road was closed."
    assert record["id"] == "ntrex-doc.1" and record["outlet"] == "doc"
    assert build_records([item], documents, split="report") == []
    documents["doc.1"][1] = "Police said the road was open."
    with pytest.raises(ClaimledgerError, match="SHA-256"):
        build_records([item], documents)
    with pytest.raises(ClaimledgerError, match="cannot read"):
        read_ntrex_documents(tmp_path)


@needs_ntrex
def test_built_records_are_valid_gold():
    records = build_news_dev(ANNOTATIONS, NTREX)
    assert len(records) == len(read_annotations(ANNOTATIONS))
    for record in records:
        text = record["text"]
        for attribution in record["attributions"]:
            for key in ("source", "cue", "content"):
                span = attribution[key]
                if span is not None:
                    piece = text[span[0]:span[1]]
                    assert piece and piece == piece.strip(), (record["id"], attribution["id"], key)
    json.dumps(records)  # JSON-ready


# Floors on the report half (never tuned on), measured 2026-12-03 with this split; the tune half
# and attribution_dev are reported in the closing note of issue 13. Raise them as the rules improve.
REPORT_FLOORS = {
    ("claim", "f1"): 0.82,            # measured 0.841 on 2026-12-05 (0.835; 0.759 before the general-news rules)
    ("speaker", "accuracy"): 0.87,    # measured 0.895 on 2026-12-05 (0.887: of two subjects the nearest speaks)
    ("content_exact", "f1"): 0.71,    # measured 0.738 (0.560)
    ("content_overlap", "f1"): 0.83,  # measured 0.855 (0.801)
}


@pytest.fixture(scope="module")
def report_half():
    from claimledger.evaluate import score_records
    from claimledger.evaluate.predictions import predict_records

    gold = build_news_dev(ANNOTATIONS, NTREX, split="report")
    return score_records(gold, predict_records(gold)).to_dict(errors=False)


@needs_ntrex
@pytest.mark.model
@pytest.mark.parametrize("key", sorted(REPORT_FLOORS), ids=lambda k: "news_dev.report." + ".".join(k))
def test_news_dev_report_floor(report_half, key):
    figure, measure = key
    value = report_half["attributions"]["all"]["figures"][figure][measure]
    assert value >= REPORT_FLOORS[key], f"news_dev report {figure} {measure} fell to {value:.3f} (floor {REPORT_FLOORS[key]})"


# -- the same gold projected onto NTREX-128's Russian and Ukrainian lines ------------------------------

def _ntrex_folder(tmp_path: Path) -> Path:
    """An NTREX-128-shaped folder of invented lines: one document of three aligned lines per language."""
    folder = tmp_path / "ntrex"
    folder.mkdir()
    (folder / "DOCUMENT_IDS.tsv").write_text("doc.1\ndoc.1\ndoc.1\n", encoding="utf-8")
    (folder / "newstest2019-src.eng.txt").write_text(
        "Bridge closed\nPolice said the bridge was closed.\nTraffic was heavy.\n", encoding="utf-8")
    (folder / "newstest2019-ref.rus.txt").write_text(
        "Мост закрыт\nПолиция сообщила, что мост закрыт.\nДвижение было плотным.\n", encoding="utf-8")
    return folder


def test_projected_gold_marks_the_aligned_lines(tmp_path):
    from claimledger.evaluate.news_dev_projected import projected_documents, score_lines

    folder = _ntrex_folder(tmp_path)
    english = "Bridge closed\nPolice said the bridge was closed.\nTraffic was heavy."
    cue = english.index("said")
    annotations = tmp_path / "annotations.jsonl"
    annotations.write_text(json.dumps({
        "doc_index": 0, "doc_id": "doc.1", "sha256": text_digest(english), "split": "tune",
        "attributions": [{"id": "a1", "source": [cue - 7, cue - 1], "cue": [cue, cue + 4],
                          "content": [cue + 5, len(english.split("\n")[0]) + 34], "kind": "indirect"}]}) + "\n")
    [record] = projected_documents(annotations, folder, "ru")
    assert record["gold_lines"] == [1] and record["text"].split("\n")[1].startswith("Полиция")
    assert projected_documents(annotations, folder, "ru", split="report") == []
    text = record["text"]
    said = text.index("сообщила")
    found = {"attributions": [{"cue": [said, said + 8], "content": [said + 10, said + 20]}]}
    wrong = {"attributions": [{"cue": None, "source": None, "content": [text.index("Движение"), len(text)]}]}
    assert score_lines([record], [found]).figures()["f1"] == 1.0
    scores = score_lines([record], [wrong])
    assert (scores.tp, scores.fp, scores.fn) == (0, 1, 1) and scores.missed[0][1].startswith("Полиция")
    with pytest.raises(ClaimledgerError, match="no NTREX-128 lines"):
        projected_documents(annotations, folder, "de")


# Floors on the report half, measured 2026-12-04 (scripts/eval_news_dev_projected.py --split report):
# lines of the Russian and Ukrainian translations holding an attribution where the English gold has one.
# Measured F1 0.836 and 0.811 when the measure was built, 0.877 and 0.849 after that session's cue work
# (English on its own lines: 0.936).
PROJECTED_FLOORS = {"ru": 0.85, "uk": 0.84}  # uk measured 0.862 on 2026-12-05


@needs_ntrex
@pytest.mark.model
@pytest.mark.parametrize("language", sorted(PROJECTED_FLOORS))
def test_projected_news_dev_report_floor(language):
    from claimledger.evaluate.news_dev_projected import projected_documents, score_lines
    from claimledger.evaluate.predictions import predict_records

    records = projected_documents(ANNOTATIONS, NTREX, language, split="report")
    f1 = score_lines(records, predict_records(records)).figures()["f1"]
    assert f1 >= PROJECTED_FLOORS[language], f"{language} projected news_dev F1 fell to {f1:.3f}"
