"""Scores for the control layer of one record: who the record's claims say holds which settlement.

The layer is derived, on both sides, from the events layer (with the places and attributions it
points to) of the body and of the headline (``title_layers``) by
:func:`claimledger.control.document_control_claims`: one item per article and (settlement, status,
polarity) that an event of type territory_control, withdrawal, attack_repelled or clash claims,
the status normalised from the event type, its actor and, for an unknown actor, the claimant's
side. A settlement is a place of level ``settlement``, keyed by its ref, else its name (lower
case). Items match when all three are equal; recall is broken down by gold status and precision
by predicted status. Gold and predictions are read with the gold record's outlet and URL (the
same article), so the claimant's side depends only on the attributions.
"""
from __future__ import annotations

from typing import Any

from ..control import document_control_claims
from .scores import Board, Discrepancy

METRIC = "control"


def _describe(item: tuple[str, str, str, str]) -> str:
    _, settlement, status, polarity = item
    return f"{settlement} {status}" + ("" if polarity == "asserted" else f" ({polarity})")


def score_control(gold_record: dict[str, Any], predicted_record: dict[str, Any], board: Board,
                  errors: list[Discrepancy], record_id: str, language: str) -> None:
    """Add one record's control-claim counts to ``board`` and its errors to ``errors``."""
    article = {"id": record_id, "outlet": gold_record.get("outlet"), "url": gold_record.get("url")}
    gold = document_control_claims({**gold_record, **article})
    predicted = document_control_claims({**predicted_record, **article})
    for item in sorted(gold):
        board.tally(METRIC).add_gold(item in predicted)
        board.tally(METRIC, item[2]).add_gold(item in predicted)
        if item not in predicted:
            errors.append(Discrepancy(METRIC, record_id, language, "missed", gold=_describe(item)))
    for item in sorted(predicted):
        board.tally(METRIC).add_predicted(item in gold)
        board.tally(METRIC, item[2]).add_predicted(item in gold)
        if item not in gold:
            errors.append(Discrepancy(METRIC, record_id, language, "spurious",
                                      predicted=_describe(item)))
