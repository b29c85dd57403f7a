"""Predictions for a gold file: read its records and run the pipeline on their texts.

The scoring modules of this package stay pure; this one is the bridge the CLI and the
quality-floor test use.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import ClaimledgerError, InputError

PAIR_KEYS = frozenset({"a", "b", "label"})


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    """Return the records of a gold JSONL file; InputError names the line that does not parse."""
    records = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(str(path), f"not JSON ({exc.msg})", number) from None
            if not isinstance(record, dict):
                raise InputError(str(path), "not a JSON object", number)
            if PAIR_KEYS <= record.keys():
                raise ClaimledgerError(
                    f"{path}: holds claim pairs (a, b, label); pairs are scored once claim linking "
                    "(`claimledger relate`) exists"
                )
            if "text" not in record or "id" not in record:
                raise InputError(str(path), "record without id or text", number)
            records.append(record)
    return records


def predict_records(gold: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the pipeline's records for the gold records' texts (id, published, language kept)."""
    from ..pipeline import analyse_articles
    from ..record import article_from_record, document_to_record

    articles = (article_from_record(record) for record in gold)
    return [document_to_record(doc) for doc in analyse_articles(articles)]
