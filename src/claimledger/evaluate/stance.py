"""Scores for stance pairs ``{id, a, b, a_lang, b_lang, label}``: accuracy, per-class P/R/F1, macro-F1.

Predictions are matched to gold pairs by ``id`` (an id that occurs several times matches its
copies in order of appearance). A gold pair with no prediction counts as
wrong (its predicted label is ``MISSING``); predicted pairs with ids not in gold are listed and
ignored. Figures are given for all pairs and per language pair (``a_lang-b_lang``).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from .scores import Tally

PAIR_LABELS = ("repeat", "agree", "contradict", "unrelated")
MISSING = "(missing)"  # predicted label of a gold pair that has no prediction


@dataclass
class PairScores:
    """Counts over one group of pairs: a confusion matrix gold label -> predicted label -> n."""

    confusion: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, gold: str, predicted: str) -> None:
        row = self.confusion.setdefault(gold, {})
        row[predicted] = row.get(predicted, 0) + 1

    @property
    def total(self) -> int:
        return sum(sum(row.values()) for row in self.confusion.values())

    @property
    def accuracy(self) -> float | None:
        correct = sum(row.get(label, 0) for label, row in self.confusion.items())
        return correct / self.total if self.total else None

    def labels(self) -> list[str]:
        """The four stance labels, then any other gold or predicted labels seen."""
        seen = set(self.confusion) | {p for row in self.confusion.values() for p in row}
        return list(PAIR_LABELS) + sorted(seen - set(PAIR_LABELS))

    def tally(self, label: str) -> Tally:
        """Precision and recall counts of one label."""
        tally = Tally()
        tally.gold = sum(self.confusion.get(label, {}).values())
        tally.matched_gold = tally.matched_predicted = self.confusion.get(label, {}).get(label, 0)
        tally.predicted = sum(row.get(label, 0) for row in self.confusion.values())
        return tally

    @property
    def macro_f1(self) -> float | None:
        """Mean F1 over the four stance labels (a label absent on both sides scores 0)."""
        if not self.total:
            return None
        return sum(self.tally(label).f1 or 0.0 for label in PAIR_LABELS) / len(PAIR_LABELS)

    def to_dict(self) -> dict[str, Any]:
        labels = self.labels()
        macro = self.macro_f1
        accuracy = self.accuracy
        return {
            "pairs": self.total,
            "accuracy": None if accuracy is None else round(accuracy, 4),
            "macro_f1": None if macro is None else round(macro, 4),
            "per_class": {label: self.tally(label).to_dict() for label in PAIR_LABELS},
            "confusion": {g: {p: self.confusion.get(g, {}).get(p, 0) for p in labels} for g in labels
                          if g in self.confusion},
        }


@dataclass
class PairReport:
    """Stance scores for all pairs and per language pair."""

    groups: dict[str, PairScores] = field(default_factory=dict)  # "all", "en-en", "en-ru", ...
    extra_predictions: list[str] = field(default_factory=list)
    repeated_ids: list[str] = field(default_factory=list)  # gold ids that occur more than once

    @property
    def overall(self) -> PairScores:
        return self.groups.setdefault("all", PairScores())

    def to_dict(self) -> dict[str, Any]:
        return {
            "groups": {name: scores.to_dict() for name, scores in self.groups.items()},
            "extra_predictions": list(self.extra_predictions),
            "repeated_ids": list(self.repeated_ids),
        }


def _index(pairs: Sequence[dict[str, Any]], origin: str) -> dict[tuple[str, int], dict[str, Any]]:
    """Key each pair by (id, occurrence): a repeated id pairs its k-th gold and k-th predicted copy."""
    index: dict[tuple[str, int], dict[str, Any]] = {}
    seen: dict[str, int] = {}
    for n, pair in enumerate(pairs, 1):
        if not isinstance(pair, dict) or pair.get("id") is None:
            raise InputError(origin, "pair has no id", n)
        key = str(pair["id"])
        seen[key] = seen.get(key, 0) + 1
        index[(key, seen[key] - 1)] = pair
    return index


def score_pairs(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> PairReport:
    """Score predicted stance labels against gold pairs matched by id; returns a PairReport."""
    gold_index = _index(gold, "gold pairs")
    predicted_index = _index(predicted, "predicted pairs")
    report = PairReport()
    report.groups["all"] = PairScores()
    for key, pair in gold_index.items():
        if pair.get("label") is None:
            raise InputError("gold pairs", f"pair {key[0]!r} has no label")
        if key[1]:
            report.repeated_ids.append(key[0])
        guess = predicted_index.get(key, {}).get("label") or MISSING
        group = f"{pair.get('a_lang') or '?'}-{pair.get('b_lang') or '?'}"
        report.groups["all"].add(pair["label"], guess)
        report.groups.setdefault(group, PairScores()).add(pair["label"], guess)
    report.extra_predictions = sorted({key[0] for key in set(predicted_index) - set(gold_index)})
    return report
