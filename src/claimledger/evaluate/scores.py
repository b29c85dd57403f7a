"""Counting blocks shared by the layer scorers: tallies, ratios, boards, spans and matching.

A :class:`Board` holds the additive counts of one layer for one group of records (all records,
or the records of one language), so per-record boards can be summed into any grouping.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError

Span = tuple[int, int]
Key = tuple[str, str | None]  # (metric, breakdown value); None = overall

TOKEN_PATTERN = re.compile(r"\w+")  # tokens for overlap: runs of word characters (any script)
SNIPPET_CHARS = 90  # length of text snippets in the error list
EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG), for haversine distances


@dataclass
class Tally:
    """Counts for precision and recall: matched/all gold items and matched/all predicted items.

    The two numerators are kept apart so that recall can be broken down by the gold category
    and precision by the predicted one.
    """

    matched_gold: int = 0
    gold: int = 0
    matched_predicted: int = 0
    predicted: int = 0

    def add_gold(self, matched: bool) -> None:
        self.gold += 1
        self.matched_gold += int(matched)

    def add_predicted(self, matched: bool) -> None:
        self.predicted += 1
        self.matched_predicted += int(matched)

    def merge(self, other: Tally) -> None:
        self.matched_gold += other.matched_gold
        self.gold += other.gold
        self.matched_predicted += other.matched_predicted
        self.predicted += other.predicted

    @property
    def precision(self) -> float | None:
        return self.matched_predicted / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        """Harmonic mean of P and R; 0 when either is 0 and None when neither side has items."""
        if not self.gold and not self.predicted:
            return None
        p, r = self.precision or 0.0, self.recall or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": _round(self.precision), "recall": _round(self.recall), "f1": _round(self.f1),
            "gold": self.gold, "predicted": self.predicted,
            "matched_gold": self.matched_gold, "matched_predicted": self.matched_predicted,
        }


@dataclass
class Ratio:
    """An accuracy: correct cases out of the cases counted."""

    correct: int = 0
    total: int = 0

    def add(self, correct: bool) -> None:
        self.total += 1
        self.correct += int(correct)

    def merge(self, other: Ratio) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None

    def to_dict(self) -> dict[str, Any]:
        return {"accuracy": _round(self.accuracy), "correct": self.correct, "total": self.total}


@dataclass
class Board:
    """The counts of one layer over a group of records, overall and per breakdown value."""

    breakdown: str  # what the breakdown values are: "kind", "level", "type"
    documents: int = 0
    tallies: dict[Key, Tally] = field(default_factory=dict)
    ratios: dict[Key, Ratio] = field(default_factory=dict)

    def tally(self, metric: str, value: str | None = None) -> Tally:
        return self.tallies.setdefault((metric, value), Tally())

    def ratio(self, metric: str, value: str | None = None) -> Ratio:
        return self.ratios.setdefault((metric, value), Ratio())

    def count(self, metric: str, correct: bool, value: str | None = None) -> None:
        """Add one case to a ratio, overall and (when given) under a breakdown value."""
        self.ratio(metric).add(correct)
        if value is not None:
            self.ratio(metric, value).add(correct)

    def merge(self, other: Board) -> None:
        self.documents += other.documents
        for key, tally in other.tallies.items():
            self.tallies.setdefault(key, Tally()).merge(tally)
        for key, ratio in other.ratios.items():
            self.ratios.setdefault(key, Ratio()).merge(ratio)

    def values(self) -> list[str]:
        """Breakdown values present, sorted."""
        found = {v for _, v in self.tallies} | {v for _, v in self.ratios}
        return sorted(v for v in found if v is not None)

    def macro_f1(self, metric: str) -> float | None:
        """Mean F1 of a tally over the breakdown values that have gold or predicted items."""
        scores = [t.f1 for (m, v), t in self.tallies.items() if m == metric and v is not None]
        scores = [s for s in scores if s is not None]
        return sum(scores) / len(scores) if scores else None

    def to_dict(self) -> dict[str, Any]:
        def figures(value: str | None) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for (m, v), t in self.tallies.items():
                if v == value:
                    out[m] = t.to_dict()
            for (m, v), r in self.ratios.items():
                if v == value:
                    out[m] = r.to_dict()
            return out

        return {
            "documents": self.documents,
            "figures": figures(None),
            f"by_{self.breakdown}": {v: figures(v) for v in self.values()},
        }


@dataclass(frozen=True)
class Discrepancy:
    """One scoring error for people to read: a missed, spurious or wrongly attributed item."""

    layer: str  # attributions | places | events
    record_id: str
    language: str
    category: str  # missed | spurious | wrong_source | wrong_ref | wrong_claimed_by | ...
    gold: str | None = None  # snippet describing the gold item
    predicted: str | None = None  # snippet describing the predicted item
    detail: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "layer": self.layer, "record": self.record_id, "language": self.language,
            "category": self.category, "gold": self.gold, "predicted": self.predicted,
            "detail": self.detail,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def read_span(value: Any, where: str) -> Span | None:
    """Return a ``[start, end)`` pair as a tuple, None for null; raise InputError when malformed."""
    if value is None:
        return None
    try:
        start, end = (int(v) for v in value)
    except (TypeError, ValueError):
        raise InputError(where, f"malformed span {value!r}") from None
    if start > end:
        raise InputError(where, f"span {value!r} ends before it starts")
    return start, end


def overlap_chars(a: Span | None, b: Span | None) -> int:
    """Characters two spans share (0 when either is null)."""
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a: Span | None, b: Span | None) -> bool:
    return overlap_chars(a, b) > 0


class TokenIndex:
    """Positions of the word tokens of one text, to turn a character span into a token range."""

    def __init__(self, text: str):
        found = [m.span() for m in TOKEN_PATTERN.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def tokens(self, span: Span) -> range:
        """Indexes of the tokens that overlap a character span."""
        first = bisect_right(self.ends, span[0])
        last = bisect_left(self.starts, span[1])
        return range(first, max(first, last))


def shared_tokens(a: range, b: range) -> int:
    return max(0, min(a.stop, b.stop) - max(a.start, b.start))


def match_greedily(candidates: Iterable[tuple[tuple, int, int]]) -> dict[int, int]:
    """One-to-one matching: take candidate pairs ``(key, gold_index, predicted_index)`` best key first.

    Ties go to the lower gold index, then the lower predicted index, so results are stable.
    Returns gold index -> predicted index.
    """
    ordered = sorted(candidates, key=lambda c: (c[0], -c[1], -c[2]), reverse=True)
    matched: dict[int, int] = {}
    used: set[int] = set()
    for _, g, p in ordered:
        if g not in matched and p not in used:
            matched[g] = p
            used.add(p)
    return matched


def count_matches(
    board: Board, metric: str, gold_groups: Sequence[str], predicted_groups: Sequence[str],
    matching: dict[int, int],
) -> None:
    """Add a matching to a tally: recall per gold group, precision per predicted group, and overall."""
    used = set(matching.values())
    for i, group in enumerate(gold_groups):
        board.tally(metric).add_gold(i in matching)
        board.tally(metric, group).add_gold(i in matching)
    for j, group in enumerate(predicted_groups):
        board.tally(metric).add_predicted(j in used)
        board.tally(metric, group).add_predicted(j in used)


def normalise_label(value: Any) -> str:
    """Case-folded words of a name or label, joined by single spaces ('' for null)."""
    if value is None:
        return ""
    return " ".join(TOKEN_PATTERN.findall(str(value).casefold()))


# Romanisations of the Slavic surname ending -ий/-ій/-ый ("Zelensky", "Zelenskyy", "Zelenskiy",
# "Zelenskyi"): the gold files and the press spell one person's name these ways, so names compare
# with the ending folded to "y".
SURNAME_ENDING = re.compile(r"(?:yy|iy|yi|ij|ii)\b")


def names_agree(gold: Any, predicted: Any) -> bool:
    """Equal after normalising (romanised -ий endings folded), or one name's words a contiguous
    run of the other's words."""
    a, b = (SURNAME_ENDING.sub("y", normalise_label(name)) for name in (gold, predicted))
    if not a or not b:
        return not a and not b
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return f" {short} " in f" {long} "


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def snippet(text: str, span: Span | None) -> str:
    """The text of a span, shortened to SNIPPET_CHARS with an ellipsis in the middle."""
    if span is None:
        return "-"
    piece = " ".join(text[span[0]:span[1]].split())
    if len(piece) <= SNIPPET_CHARS:
        return piece
    half = SNIPPET_CHARS // 2 - 2
    return f"{piece[:half]} … {piece[-half:]}"


def group_of(value: Any) -> str:
    """A breakdown value for a category that may be missing."""
    return str(value) if value not in (None, "") else "none"

