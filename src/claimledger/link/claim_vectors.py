"""Sentence vectors of claim texts, computed once per distinct text and kept in the store.

``claim_vectors(texts, store)`` returns a unit vector per text: those the store already holds
for this encoder (keyed by a hash of the text and ``multilingual.ENCODER_NAME``) are read back,
the others embedded (link/multilingual.py) and saved, so a link run with nothing new embeds
nothing. ``store`` is any object with the Ledger's ``read_vectors``/``save_vectors`` (or None:
nothing kept), so this stage does not import the store.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .multilingual import ENCODER_NAME, embed_texts

Embed = Callable[[Sequence[str]], np.ndarray]
SAVE_BATCH = 2_000  # vectors embedded and saved at a time (bounded memory, progress kept on a kill)


def text_hash(text: str) -> str:
    """Return the key a claim text's vector is kept under (32 hex digits)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def claim_vectors(texts: Sequence[str], store: Any = None, embed: Embed = embed_texts,
                  progress: Callable[[int], None] | None = None) -> dict[str, np.ndarray]:
    """Return a unit float32 vector per distinct text (kept ones read back, the others embedded
    and kept); ``progress`` is called with the number of texts embedded in each batch."""
    distinct = list(dict.fromkeys(texts))
    hashes = {text: text_hash(text) for text in distinct}
    name = ENCODER_NAME if store is not None else ""
    kept = store.read_vectors(list(hashes.values()), name) if store is not None else {}
    found = {text: np.frombuffer(kept[h], dtype=np.float32) for text, h in hashes.items() if h in kept}
    missing = [text for text in distinct if text not in found]
    for begin in range(0, len(missing), SAVE_BATCH):
        batch = missing[begin:begin + SAVE_BATCH]
        rows = np.asarray(embed(batch), dtype=np.float32)
        found.update(zip(batch, rows))
        if store is not None:
            store.save_vectors({hashes[t]: row.tobytes() for t, row in zip(batch, rows)}, name)
        if progress is not None:
            progress(len(batch))
    return found
