"""Sentence vectors of claim texts in the store (``claim_vectors``), by text hash and encoder.

Kept so that a link run embeds only texts it has not seen (claimledger.link.claim_vectors).
"""
from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy import Connection, insert, select

from . import schema
from .conflicts import is_postgresql, upsert
from .rows import chunked


def read_vectors(conn: Connection, hashes: list[str], encoder: str) -> dict[str, bytes]:
    """Return the stored vectors (float32 bytes) of text hashes computed with ``encoder``."""
    table = schema.claim_vectors
    found: dict[str, bytes] = {}
    for chunk in chunked(hashes):
        found.update(conn.execute(select(table.c.text_hash, table.c.vector).where(
            table.c.encoder == encoder, table.c.text_hash.in_(chunk))).all())
    return found


def save_vectors(conn: Connection, vectors: dict[str, bytes], encoder: str) -> None:
    """Store vectors (float32 bytes by text hash) computed with ``encoder``, replacing any kept."""
    table = schema.claim_vectors
    rows = [{"text_hash": h, "encoder": encoder, "vector": v} for h, v in vectors.items()]
    if is_postgresql(conn):  # another link run may keep the same texts meanwhile
        upsert(conn, table, rows, ["text_hash", "encoder"])
        return
    for chunk in chunked(list(vectors)):  # a concurrent run may have kept some
        conn.execute(sa.delete(table).where(table.c.encoder == encoder, table.c.text_hash.in_(chunk)))
    if rows:
        conn.execute(insert(table), rows)
