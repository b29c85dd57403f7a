"""The open general-news development set: gold records built from NTREX-128 texts and our annotations.

The repository holds annotations only (``tests/data/news_dev/annotations.jsonl``: character offsets,
no text). The texts are read at build time from an NTREX-128 folder (``newstest2019-src.eng.txt`` and
``DOCUMENT_IDS.tsv``), whose licence (CC BY-SA 4.0) asks that they be used in place and never copied
into the repository. A document's text is its lines joined with ``"\\n"`` (the headline is line 0);
the SHA-256 of that text is kept with each annotated document, so a changed source is detected rather
than scored with shifted offsets.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..errors import ClaimledgerError

SOURCE_FILE = "newstest2019-src.eng.txt"
DOCUMENT_IDS = "DOCUMENT_IDS.tsv"
SPLITS = ("tune", "report")
PROVENANCE = ("NTREX-128 newstest2019 English source (Federmann, Kocmi, Xin, SUMEval 2022; Microsoft, "
              "CC BY-SA 4.0); attributions annotated for claimledger, CC BY-SA 4.0")


def read_ntrex_documents(ntrex_dir: str | Path, lines_file: str = SOURCE_FILE) -> dict[str, list[str]]:
    """Return NTREX document id -> its lines, in file order, from the English source or another line-aligned
    file of the folder (``lines_file``: a translation); ClaimledgerError when absent or not aligned."""
    folder = Path(ntrex_dir)
    try:
        ids = (folder / DOCUMENT_IDS).read_text(encoding="utf-8").splitlines()
        lines = (folder / lines_file).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ClaimledgerError(f"{folder}: cannot read NTREX-128 ({exc.strerror}: {exc.filename})") from None
    if len(ids) != len(lines):
        raise ClaimledgerError(f"{folder}: {DOCUMENT_IDS} has {len(ids)} lines, {lines_file} {len(lines)}")
    documents: dict[str, list[str]] = {}
    for doc_id, line in zip(ids, lines):
        documents.setdefault(doc_id.strip(), []).append(line)
    return documents


def document_text(lines: Sequence[str]) -> str:
    """Return a document's text by the rule of the annotations: its lines joined with a newline."""
    return "\n".join(lines)


def text_digest(text: str) -> str:
    """Return the SHA-256 hex digest of a text's UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_annotations(path: str | Path) -> list[dict[str, Any]]:
    """Return the annotated documents of an annotations file (one JSON object a line)."""
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def build_records(
    annotations: Iterable[dict[str, Any]], documents: dict[str, list[str]],
    split: str | None = None,
) -> list[dict[str, Any]]:
    """Return gold records (DESIGN.md record format, attributions layer) for the annotated documents,
    only those of ``split`` when given; ClaimledgerError names a document that is missing or whose
    text no longer has the annotated digest."""
    if split is not None and split not in SPLITS:
        raise ClaimledgerError(f"unknown split {split!r} (one of {', '.join(SPLITS)})")
    records = []
    for item in annotations:
        if split is not None and item["split"] != split:
            continue
        doc_id = item["doc_id"]
        if doc_id not in documents:
            raise ClaimledgerError(f"NTREX-128 has no document {doc_id!r}")
        text = document_text(documents[doc_id])
        if text_digest(text) != item["sha256"]:
            raise ClaimledgerError(f"NTREX-128 document {doc_id!r} differs from the annotated text "
                                   "(SHA-256 mismatch): the offsets would not fit")
        records.append({
            "id": f"ntrex-{doc_id}", "outlet": doc_id.rsplit(".", 1)[0], "url": None,
            "published": None, "language": "en", "title": None, "text": text,
            "attributions": item["attributions"], "split": item["split"], "provenance": PROVENANCE,
        })
    return records


def build_news_dev(annotations_path: str | Path, ntrex_dir: str | Path,
                   split: str | None = None) -> list[dict[str, Any]]:
    """Return the gold records of the news development set (or of one split) from the annotations
    file and the NTREX-128 folder."""
    return build_records(read_annotations(annotations_path), read_ntrex_documents(ntrex_dir), split)
