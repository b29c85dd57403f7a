"""Scores for the events layer of one record: event types and, on matched events, their arguments.

Matching rule for ``type`` (one-to-one, greedy, best pair first): a predicted event matches a gold
event of the **same type** when their trigger spans overlap; pairs of that kind are taken first, by
character Jaccard of the triggers. Gold events still unmatched may then match a predicted event
of the same type **in the same record** that shares a place (a ref, or the canonical name when
the place has no ref, compared case-insensitively), nearest trigger first. The second tier
credits an event found from a different phrase of the same sentence or paragraph
("brought under control" vs "three populated points ... under control").

``trigger`` is a diagnostic: triggers overlap, whatever the types; ``type_on_trigger`` is the
type accuracy on those pairs.

On the ``type`` pairs, accuracies: ``claimed_by`` (the predicted attribution id mapped to a gold
id through the attribution matching; null = the outlet; scored only when gold annotates
attributions), ``polarity``, ``modality``, ``quantity`` and ``when`` (null equal to null counts
as right), ``quantity_stated`` and ``when_stated`` (only where gold has a value), and ``places``
(the same set of places). Recall is broken down by gold type and precision by predicted type;
the report adds the macro-F1 over types.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .scores import (
    Board, Discrepancy, Span, count_matches, group_of, match_greedily, normalise_label,
    overlap_chars, read_span, snippet,
)

TRIGGER_TIER = 2  # trigger spans overlap
PLACE_TIER = 1  # no trigger overlap, but a shared place in the same record
UNMATCHED = "unmatched:"  # prefix for a predicted attribution id with no gold counterpart


@dataclass(frozen=True)
class Mention:
    """The parts of one event the scorer compares."""

    type: str
    trigger: Span
    places: frozenset[str]
    claimed_by: str | None
    polarity: str
    modality: str
    quantity: int | None
    when: str | None


def _as_int(value: Any) -> int | None:
    try:
        return None if value is None else int(value)
    except (TypeError, ValueError):
        return None


def place_aliases(places: Sequence[dict[str, Any]] | None) -> dict[str, str]:
    """Normalised surface text or country ref -> normalised canonical name, over the places of one record.

    An event names a place without a ref by its canonical name (data/dev/README.md, section E); a file may
    write the text as it stands instead ("Купянском направлении" for "Kupiansk axis (front sector)"), and
    both name the same place. A country is one place whether a file gives it a ref or only its name (the
    guide's refs are KATOTTG codes, which countries lack): "geonames:690791" and "Ukraine" are one key."""
    aliases = {}
    for place in places or ():
        if not isinstance(place, dict) or not place.get("name"):
            continue
        if not place.get("ref") and place.get("text"):
            aliases[normalise_label(place["text"])] = normalise_label(place["name"])
        elif place.get("ref") and place.get("level") == "country":
            aliases[normalise_label(place["ref"])] = normalise_label(place["name"])
    return aliases


def read_mentions(items: Sequence[dict[str, Any]], where: str,
                  aliases: dict[str, str] | None = None) -> list[Mention]:
    """Return the comparable parts of the events of one record; ``aliases`` (:func:`place_aliases`)
    turns a place written as it stands into its canonical name."""
    aliases = aliases or {}
    mentions = []
    for n, item in enumerate(items):
        trigger = read_span(item.get("trigger"), f"{where}, event {n}")
        if trigger is None:
            continue
        when = item.get("when")
        mentions.append(Mention(
            type=group_of(item.get("type")), trigger=trigger,
            places=frozenset(aliases.get(key, key) for key in map(normalise_label, item.get("places") or ()) if key),
            claimed_by=item.get("claimed_by"), polarity=item.get("polarity") or "asserted",
            modality=item.get("modality") or "factual", quantity=_as_int(item.get("quantity")),
            when=None if when is None else str(when).strip(),
        ))
    return mentions


def _gap(a: Span, b: Span) -> int:
    return max(0, max(a[0], b[0]) - min(a[1], b[1]))


def _claimant(event: Mention, attribution_ids: dict[str, str] | None) -> str | None:
    """The gold attribution id a predicted event's ``claimed_by`` stands for (None = the outlet)."""
    if event.claimed_by is None:
        return None
    return (attribution_ids or {}).get(event.claimed_by, UNMATCHED + str(event.claimed_by))


def match_mentions(
    gold: Sequence[Mention], predicted: Sequence[Mention], *, same_type: bool = True,
    attribution_ids: dict[str, str] | None = None,
) -> dict[int, int]:
    """Match gold to predicted events one-to-one under the rules in the module docstring.

    Among equally good pairs, those whose claimant and polarity agree go first, so that one
    event claimed by two sources (or asserted by one and denied by another) pairs up correctly.
    """
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            if same_type and g.type != p.type:
                continue
            agree = int(_claimant(p, attribution_ids) == g.claimed_by) + int(p.polarity == g.polarity)
            shared = overlap_chars(g.trigger, p.trigger)
            if shared:
                union = max(g.trigger[1], p.trigger[1]) - min(g.trigger[0], p.trigger[0])
                candidates.append(((TRIGGER_TIER, shared / union, agree, shared), i, j))
            elif same_type and g.places & p.places:
                key = (PLACE_TIER, len(g.places & p.places), agree, -_gap(g.trigger, p.trigger))
                candidates.append((key, i, j))
    return match_greedily(candidates)


# The parts of a matched event scored one by one, each listed as a wrong_<part> error when it differs.
COMPARED_PARTS = ("polarity", "modality", "quantity", "when", "places")


def _shown(value: Any) -> str:
    """A part's value as an error line shows it (places sorted)."""
    return ", ".join(sorted(value)) or "none" if isinstance(value, frozenset) else str(value)


def _describe(text: str, event: Mention) -> str:
    extra = "" if event.polarity == "asserted" and event.modality == "factual" else (
        f" ({event.polarity}, {event.modality})")
    return f"[{event.type}] {snippet(text, event.trigger)}{extra} claimed_by={event.claimed_by}"


def score_events(
    text: str, gold_items: Sequence[dict[str, Any]], predicted_items: Sequence[dict[str, Any]],
    board: Board, errors: list[Discrepancy], record_id: str, language: str,
    attribution_ids: dict[str, str] | None, gold_places: Sequence[dict[str, Any]] | None = None,
    predicted_places: Sequence[dict[str, Any]] | None = None,
) -> None:
    """Add one record's event counts to ``board`` and its errors to ``errors``.

    ``attribution_ids`` maps predicted attribution ids to gold ones (None when gold has no
    attribution layer for this record, in which case ``claimed_by`` is not scored); ``gold_places``
    and ``predicted_places`` are the records' places layers, which name places without a ref.
    """
    gold = read_mentions(gold_items, f"gold record {record_id}", place_aliases(gold_places))
    predicted = read_mentions(predicted_items, f"predicted record {record_id}", place_aliases(predicted_places))
    gold_types = [m.type for m in gold]
    predicted_types = [m.type for m in predicted]

    triggers = match_mentions(gold, predicted, same_type=False, attribution_ids=attribution_ids)
    count_matches(board, "trigger", gold_types, predicted_types, triggers)
    for i, j in triggers.items():
        board.count("type_on_trigger", gold[i].type == predicted[j].type, gold[i].type)

    matching = match_mentions(gold, predicted, attribution_ids=attribution_ids)
    count_matches(board, "type", gold_types, predicted_types, matching)
    for i, j in matching.items():
        g, p = gold[i], predicted[j]
        if attribution_ids is not None:
            claimed = _claimant(p, attribution_ids)
            board.count("claimed_by", claimed == g.claimed_by, g.type)
            if claimed != g.claimed_by:
                errors.append(Discrepancy("events", record_id, language, "wrong_claimed_by",
                                          _describe(text, g), _describe(text, p),
                                          f"predicted claimed_by maps to gold {claimed}"))
        for part in COMPARED_PARTS:
            board.count(part, getattr(g, part) == getattr(p, part), g.type)
            if getattr(g, part) != getattr(p, part):
                errors.append(Discrepancy("events", record_id, language, f"wrong_{part}", _describe(text, g),
                                          _describe(text, p), f"gold {_shown(getattr(g, part))}, predicted "
                                          f"{_shown(getattr(p, part))}"))
        if g.quantity is not None:
            board.count("quantity_stated", g.quantity == p.quantity, g.type)
        if g.when is not None:
            board.count("when_stated", g.when == p.when, g.type)

    used = set(matching.values())
    for i, g in enumerate(gold):
        if i not in matching:
            errors.append(Discrepancy("events", record_id, language, "missed", gold=_describe(text, g)))
    for j, p in enumerate(predicted):
        if j not in used:
            errors.append(Discrepancy("events", record_id, language, "spurious",
                                      predicted=_describe(text, p)))
