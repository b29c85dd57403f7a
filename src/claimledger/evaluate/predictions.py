"""Predictions for a gold file: read its records and run the pipeline on their texts.

The scoring modules of this package stay pure; this one is the bridge the CLI and the
quality-floor test use.
"""
from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import ClaimledgerError, InputError

PAIR_KEYS = frozenset({"a", "b", "label"})
GOLD_LAYERS = ("attributions", "places", "events")  # what a gold record annotates


def iter_json_objects(path: str | Path, stream) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield (line number, object) for each non-blank line of a JSONL stream; InputError names
    the line that is not JSON, not UTF-8 or not an object."""
    try:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not JSON ({exc.msg})", number) from None
            except RecursionError:
                raise InputError(str(path), "JSON nested too deeply", number) from None
            if not isinstance(record, dict):
                raise InputError(str(path), "not a JSON object", number)
            yield number, record
    except UnicodeDecodeError:
        raise InputError(str(path), "not UTF-8 text") from None


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Return the records of a gold JSONL file; InputError names the line that does not parse."""
    records = []
    with open(path, encoding="utf-8") as stream:
        for number, record in iter_json_objects(path, stream):
            if PAIR_KEYS <= record.keys():
                raise ClaimledgerError(f"{path}: holds claim pairs (a, b, label); read them with "
                                       "read_pairs (`claimledger eval` scores them)")
            if "text" not in record or "id" not in record:
                raise InputError(str(path), "record without id or text", number)
            records.append(record)
    if not records:
        raise InputError(str(path), "no records to score (an empty file?)")
    if not any(layer in record for record in records for layer in GOLD_LAYERS):
        raise InputError(str(path), f"no gold layers to score: no record has {', '.join(GOLD_LAYERS)}")
    return records


def is_pair_file(path: str | Path) -> bool:
    """Return whether the first record of a JSONL file is a claim pair (``a``, ``b``, ``label``)."""
    with open(path, encoding="utf-8") as stream:
        try:
            for line in stream:
                if line.strip():
                    try:
                        record = json.loads(line)
                    except (json.JSONDecodeError, RecursionError):
                        return False
                    return isinstance(record, dict) and PAIR_KEYS <= record.keys()
        except UnicodeDecodeError:
            raise InputError(str(path), "not UTF-8 text") from None
    return False


def read_pairs(path: str | Path, *, labelled: bool = False) -> list[dict[str, Any]]:
    """Return the pair records ``{id, a, b, a_lang, b_lang[, label]}`` of a JSONL file (``-`` is
    stdin); InputError names the line that does not parse or lacks a key."""
    import sys

    needed = ("id", "a", "b", "label") if labelled else ("id", "a", "b")
    pairs = []
    stream = sys.stdin if str(path) == "-" else open(path, encoding="utf-8")
    try:
        for number, record in iter_json_objects(path, stream):
            missing = [key for key in needed if record.get(key) is None]
            if missing:
                raise InputError(str(path), f"pair without {', '.join(missing)}", number)
            if not isinstance(record["a"], str) or not isinstance(record["b"], str):
                raise InputError(str(path), "pair texts a and b must be strings", number)
            pairs.append(record)
    finally:
        if stream is not sys.stdin:
            stream.close()
    return pairs


def predict_pairs(gold: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the pairs with the label predicted from their texts alone (gold labels dropped)."""
    from ..link.pair_relations import relate_pairs
    from ..pipeline import analyse_articles

    return relate_pairs([{k: v for k, v in pair.items() if k != "label"} for pair in gold],
                        analyse=analyse_articles)


def predict_records(gold: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the pipeline's records for the gold records' texts (id, published, language kept)."""
    from ..pipeline import analyse_articles
    from ..record import article_from_record, document_to_record

    articles = (article_from_record(record) for record in gold)
    return [document_to_record(doc) for doc in analyse_articles(articles)]
