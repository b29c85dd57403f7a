"""Russian and Ukrainian attribution on real news, scored through translation: the English gold of the news
development set (news_dev.py) projected onto NTREX-128's line-aligned Russian and Ukrainian references.

NTREX-128 gives every English line of newstest2019 a professional Russian and Ukrainian translation, line by
line. A line of an annotated English document *holds an attribution* when one of its gold attributions
starts there (at its cue, else its source, else its content); the same line of the translation holds one
too. Spans do not carry over between languages, so the score is per line: a predicted attribution of the
translated document counts for the line its cue (else source, else content) starts in, and precision and
recall are over lines. It measures whether the ru/uk extractor finds that someone is reported as saying
something where the English gold says so, on real wire copy rather than our own probe sentences; the
English pipeline scored the same way gives the reference. Pure: records and predictions in, counts out.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ClaimledgerError
from .news_dev import SOURCE_FILE, SPLITS, document_text, read_annotations, read_ntrex_documents

# The line-aligned files of NTREX-128 newstest2019, by language.
LINE_FILES = {"en": SOURCE_FILE, "ru": "newstest2019-ref.rus.txt", "uk": "newstest2019-ref.ukr.txt"}


@dataclass
class LineScores:
    """Lines holding an attribution: true positives, false positives, false negatives, and the lines of
    each error (document id, line text) for reading."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        """Precision, recall and F1 over lines, with the counts."""
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def _line_bounds(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Character bounds of each line in the document text that joins them with newlines."""
    bounds, start = [], 0
    for line in lines:
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds


def attribution_lines(attributions: Sequence[dict[str, Any]], bounds: Sequence[tuple[int, int]]) -> set[int]:
    """Indexes of the lines where attributions start (at the cue, else the source, else the content)."""
    found = set()
    for attribution in attributions:
        anchor = (attribution.get("cue") or attribution.get("source") or attribution["content"])[0]
        found.update(n for n, (start, end) in enumerate(bounds) if start <= anchor <= end)
    return found


def projected_documents(annotations_path: str | Path, ntrex_dir: str | Path, language: str,
                        split: str | None = None) -> list[dict[str, Any]]:
    """Return one record per annotated document in ``language`` (its translated lines joined with newlines,
    published unknown) with ``gold_lines``: the line indexes holding an English gold attribution."""
    if split is not None and split not in SPLITS:
        raise ClaimledgerError(f"unknown split {split!r} (one of {', '.join(SPLITS)})")
    if language not in LINE_FILES:
        raise ClaimledgerError(f"no NTREX-128 lines for language {language!r} (one of {', '.join(LINE_FILES)})")
    english = read_ntrex_documents(ntrex_dir, LINE_FILES["en"])
    translated = read_ntrex_documents(ntrex_dir, LINE_FILES[language])
    records = []
    for item in read_annotations(annotations_path):
        if split is not None and item["split"] != split:
            continue
        if item["doc_id"] not in english:
            raise ClaimledgerError(f"NTREX-128 has no document {item['doc_id']!r}")
        gold = attribution_lines(item["attributions"], _line_bounds(english[item["doc_id"]]))
        records.append({"id": f"ntrex-{item['doc_id']}-{language}", "language": language, "outlet": None,
                        "url": None, "published": None, "title": None,
                        "text": document_text(translated[item["doc_id"]]), "gold_lines": sorted(gold)})
    return records


def score_lines(records: Sequence[dict[str, Any]], predictions: Sequence[dict[str, Any]]) -> LineScores:
    """Score predicted records (the pipeline's, in the order of ``records``) against their gold lines."""
    scores = LineScores()
    for record, predicted in zip(records, predictions):
        lines = record["text"].split("\n")
        bounds = _line_bounds(lines)
        gold = set(record["gold_lines"])
        found = attribution_lines(predicted.get("attributions") or (), bounds)
        scores.tp += len(gold & found)
        scores.fp += len(found - gold)
        scores.fn += len(gold - found)
        scores.missed += [(record["id"], lines[n]) for n in sorted(gold - found)]
        scores.spurious += [(record["id"], lines[n]) for n in sorted(found - gold)]
    return scores
