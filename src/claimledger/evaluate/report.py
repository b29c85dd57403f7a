"""Scoring whole record sets: match records by id, score each annotated layer, sum per language.

A layer key absent from a gold record (or null) means that layer was not annotated for that
record, so it is skipped; an empty list means annotated with nothing, so every prediction in
that layer is spurious. A gold record with no prediction is scored against empty layers.
A record with an events layer is also scored on the ``control`` layer derived from it
(:mod:`.control`: who holds which settlement, by status and polarity).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from .attribution import score_attributions
from .control import score_control
from .events import score_events
from .places import score_places
from .scores import Board, Discrepancy
from .stance import PAIR_LABELS, PairReport

LAYERS = ("attributions", "places", "events")
# Layers derived from the annotated ones: control claims (evaluate/control.py) from events.
DERIVED_LAYERS = ("control",)
BREAKDOWNS = {"attributions": "kind", "places": "level", "events": "type", "control": "status"}
ALL = "all"  # the group holding every record's body; the others are record languages
HEADLINES = "headlines"  # the group scoring the title_layers of records that annotate them
UNKNOWN_LANGUAGE = "unknown"


@dataclass
class Report:
    """Scores of predicted records against gold: layer -> group ("all" or a language) -> Board."""

    documents: int = 0
    layers: dict[str, dict[str, Board]] = field(default_factory=dict)
    errors: list[Discrepancy] = field(default_factory=list)
    missing_predictions: list[str] = field(default_factory=list)  # gold ids with no prediction
    extra_predictions: list[str] = field(default_factory=list)  # predicted ids not in gold

    def board(self, layer: str, group: str = ALL) -> Board | None:
        """The counts of one layer for one group, None when that layer was not scored."""
        return self.layers.get(layer, {}).get(group)

    def to_dict(self, errors: bool = True) -> dict[str, Any]:
        """JSON-ready scores; events carry ``type_macro_f1``; ``errors`` lists the discrepancies."""
        out: dict[str, Any] = {
            "documents": self.documents,
            "missing_predictions": list(self.missing_predictions),
            "extra_predictions": list(self.extra_predictions),
        }
        for layer, groups in self.layers.items():
            out[layer] = {}
            for group, board in groups.items():
                figures = board.to_dict()
                if layer == "events":
                    macro = board.macro_f1("type")
                    figures["type_macro_f1"] = None if macro is None else round(macro, 4)
                out[layer][group] = figures
        if errors:
            out["errors"] = [e.to_dict() for e in self.errors]
        return out


def _index(records: Sequence[dict[str, Any]], origin: str) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    for n, record in enumerate(records, 1):
        if not isinstance(record, dict) or record.get("id") is None:
            raise InputError(origin, "record has no id", n)
        key = str(record["id"])
        if key in index:
            raise InputError(origin, f"duplicate record id {key!r}", n)
        index[key] = record
    return index


def _layer(record: dict[str, Any], layer: str, origin: str) -> list[dict[str, Any]]:
    items = record.get(layer)
    if items is None:
        return []
    if not isinstance(items, list):
        raise InputError(origin, f"record {record.get('id')!r}: {layer} is not a list")
    return items


def _score_text(text: str, gold_layers: dict[str, Any], guess_layers: dict[str, Any], report: Report,
                record_id: str, language: str) -> dict[str, Board]:
    """Score the annotated layers of one text (a body or a headline); return a board per layer."""
    boards: dict[str, Board] = {}
    attribution_ids = None
    for layer in LAYERS:
        if gold_layers.get(layer) is None:
            continue  # not annotated for this record
        board = boards[layer] = Board(BREAKDOWNS[layer], documents=1)
        args = (text, _layer(gold_layers, layer, "gold records"),
                _layer(guess_layers, layer, "predicted records"), board, report.errors,
                record_id, language)
        if layer == "attributions":
            attribution_ids = score_attributions(*args)
        elif layer == "places":
            score_places(*args)
        else:
            score_events(*args, attribution_ids=attribution_ids, gold_places=_places_of(gold_layers),
                         predicted_places=_places_of(guess_layers))
    return boards


def _places_of(layers: dict[str, Any]) -> list[Any]:
    places = layers.get("places")
    return places if isinstance(places, list) else []


def _merge(report: Report, boards: dict[str, Board], groups: Sequence[str]) -> None:
    for layer, board in boards.items():
        merged = report.layers.setdefault(layer, {})
        for group in groups:
            merged.setdefault(group, Board(BREAKDOWNS[layer])).merge(board)


def score_records(gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> Report:
    """Score predicted records against gold records matched by id; returns a Report.

    Raises InputError for records without ids, duplicate ids, malformed spans, or a predicted
    record whose text differs from the gold text (its offsets would not be comparable).
    """
    gold_index = _index(gold, "gold records")
    predicted_index = _index(predicted, "predicted records")
    report = Report(extra_predictions=sorted(set(predicted_index) - set(gold_index)))
    for record_id, gold_record in gold_index.items():
        text = gold_record.get("text")
        if not isinstance(text, str):
            raise InputError("gold records", f"record {record_id!r} has no text")
        guess = predicted_index.get(record_id)
        if guess is None:
            report.missing_predictions.append(record_id)
            guess = {}
        elif guess.get("text") is not None and guess["text"] != text:
            raise InputError("predicted records",
                             f"record {record_id!r}: text differs from the gold text, so spans cannot be compared")
        language = str(gold_record.get("language") or UNKNOWN_LANGUAGE)
        report.documents += 1
        boards = _score_text(text, gold_record, guess, report, record_id, language)
        if gold_record.get("events") is not None:
            boards["control"] = Board(BREAKDOWNS["control"], documents=1)
            score_control(gold_record, guess, boards["control"], report.errors, record_id, language)
        _merge(report, boards, (ALL, language))
        title, gold_title = gold_record.get("title"), gold_record.get("title_layers")
        if isinstance(title, str) and title and isinstance(gold_title, dict):
            guess_title = guess.get("title_layers") if isinstance(guess.get("title_layers"), dict) else {}
            boards = _score_text(title, gold_title, guess_title, report, f"{record_id} (title)", language)
            _merge(report, boards, (HEADLINES,))
    return report


def _cell(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(row[c])) for row in [header, *rows]) for c in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [str(row[0]).ljust(widths[0])]
        cells += [str(v).rjust(w) for v, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _format_board(layer: str, group: str, board: Board) -> str:
    tallies = list(dict.fromkeys(m for m, v in board.tallies if v is None))
    ratios = list(dict.fromkeys(m for m, v in board.ratios if v is None))
    parts = [f"{layer.upper()} [{group}] ({board.documents} documents)"]
    rows = []
    for m in tallies:
        t = board.tally(m)
        rows.append([m, _cell(t.precision), _cell(t.recall), _cell(t.f1), str(t.gold), str(t.predicted)])
    if layer == "events":
        rows.append(["type macro-F1", "", "", _cell(board.macro_f1("type")), "", ""])
    parts.append(_table(["P/R/F1", "P", "R", "F1", "gold", "pred"], rows))
    if ratios:
        rows = [[m, _cell(board.ratio(m).accuracy), str(board.ratio(m).total)] for m in ratios]
        parts.append(_table(["accuracy", "acc", "n"], rows))
    values = board.values()
    if values:
        header = [f"by {board.breakdown}"]
        for m in tallies:
            header += [f"{m} R", "P", "F1"]
        header += ratios
        rows = []
        for v in values:
            row = [v]
            for m in tallies:
                t = board.tallies.get((m, v))
                row += [_cell(t.recall), _cell(t.precision), _cell(t.f1)] if t else ["-"] * 3
            row += [_cell(board.ratios[(m, v)].accuracy) if (m, v) in board.ratios else "-"
                    for m in ratios]
            rows.append(row)
        parts.append(f"(recall per gold {board.breakdown}, precision per predicted {board.breakdown})")
        parts.append(_table(header, rows))
    return "\n".join(parts)


def _format_pairs(report: PairReport) -> str:
    parts = []
    groups = [g for g in report.groups if g != ALL]
    for group in [ALL] + (sorted(groups) if len(groups) > 1 else []):
        scores = report.groups[group]
        parts.append(f"STANCE PAIRS [{group}] ({scores.total} pairs): accuracy {_cell(scores.accuracy)}, "
                     f"macro-F1 {_cell(scores.macro_f1)}")
        rows = [[label, _cell(t.precision), _cell(t.recall), _cell(t.f1), str(t.gold), str(t.predicted)]
                for label in PAIR_LABELS for t in [scores.tally(label)]]
        parts.append(_table(["label", "P", "R", "F1", "gold", "pred"], rows))
        labels = scores.labels()
        rows = [[g, *(str(scores.confusion.get(g, {}).get(p, 0)) for p in labels)]
                for g in labels if g in scores.confusion]
        parts.append(_table(["gold \\ predicted", *labels], rows))
        parts.append("")
    if report.extra_predictions:
        parts.append(f"{len(report.extra_predictions)} predicted pairs not in gold (ignored)")
    if report.repeated_ids:
        parts.append(f"{len(report.repeated_ids)} gold pair ids repeated (matched in order)")
    return "\n".join(parts).rstrip()


def format_report(report: Report | PairReport) -> str:
    """Return the scores as plain-text tables for people (per layer: overall, per language, headlines)."""
    if isinstance(report, PairReport):
        return _format_pairs(report)
    parts = [f"Scored {report.documents} gold records "
             f"({len(report.missing_predictions)} without a prediction, "
             f"{len(report.extra_predictions)} predicted records not in gold)"]
    for layer, groups in report.layers.items():
        languages = sorted(g for g in groups if g not in (ALL, HEADLINES))
        shown = [ALL] + (languages if len(languages) > 1 else []) + [g for g in groups if g == HEADLINES]
        for group in shown:
            parts.append("")
            parts.append(_format_board(layer, group, groups[group]))
    return "\n".join(parts)


def format_errors(report: Report, layers: Sequence[str] = LAYERS + DERIVED_LAYERS,
                  limit: int | None = None) -> str:
    """Return the discrepancies of the chosen layers, one per line (at most ``limit``)."""
    lines = []
    for error in report.errors:
        if error.layer not in layers:
            continue
        if limit is not None and len(lines) >= limit:
            lines.append("...")
            break
        line = f"{error.layer:12} {error.record_id} {error.category}:"
        if error.gold is not None:
            line += f" gold {error.gold}"
        if error.predicted is not None:
            line += f" | predicted {error.predicted}"
        if error.detail:
            line += f" ({error.detail})"
        lines.append(line)
    return "\n".join(lines)
