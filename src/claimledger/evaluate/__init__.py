"""Pure scoring of predicted records against gold records (the record format of DESIGN.md).

``score_records(gold, predicted)`` scores every layer annotated in the gold (attributions,
places, events), overall and per record language; ``score_pairs`` scores stance pairs;
``format_report`` renders either report as plain-text tables and ``format_errors`` lists the
missed, spurious and wrongly attributed items. The matching rules are documented in the layer
modules: :mod:`.attribution`, :mod:`.places`, :mod:`.events`, :mod:`.stance`.
"""
from __future__ import annotations

from .attribution import CONTENT_MIN_GOLD_SHARE
from .places import DISTANCE_THRESHOLD_KM
from .report import Report, format_errors, format_report, score_records
from .scores import Board, Discrepancy, Ratio, Tally
from .stance import PAIR_LABELS, PairReport, PairScores, score_pairs

__all__ = [
    "CONTENT_MIN_GOLD_SHARE", "DISTANCE_THRESHOLD_KM", "PAIR_LABELS", "Board", "Discrepancy",
    "PairReport", "PairScores", "Ratio", "Report", "Tally", "format_errors", "format_report",
    "score_pairs", "score_records",
]
