"""Stable identities of articles: text fingerprints (duplicates share one) and ids derived from them."""
from __future__ import annotations

import hashlib
import re
import unicodedata

# Quote characters folded to a plain double quote: typographic, low-9, guillemets, primes, backtick,
# and the apostrophe itself, so that 'x', "x", «x», „x“ and ’x’ fingerprint alike.
QUOTES = "\"'`´‘’‚‛“”„‟«»‹›′″‵‶＂＇"

# Dash and hyphen characters folded to a plain hyphen-minus (hyphen, non-breaking hyphen, figure,
# en and em dashes, horizontal bar, minus sign, small and full-width hyphen-minus).
DASHES = "‐‑‒–—―−﹘﹣－"

# Characters that are invisible in print and dropped: soft hyphen, zero-width space/joiners, BOM.
INVISIBLES = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

# Hex digits of the fingerprint kept in file-derived article ids: 10 hex digits (40 bits) make a
# collision between two different texts with the same file name negligible for any real corpus.
ID_HASH_CHARS = 10

_FOLD = str.maketrans({**{q: '"' for q in QUOTES}, **{d: "-" for d in DASHES}, **{c: None for c in INVISIBLES}})
_SPACES = re.compile(r"\s+")
_UNSAFE_ID_CHARS = re.compile(r"[^\w.-]+")


def normalise_text(text: str) -> str:
    """Return the text as fingerprinted: NFKC, case-folded, quotes/dashes folded, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    return _SPACES.sub(" ", folded).strip()


def text_fingerprint(text: str) -> str:
    """Return the SHA-256 hex digest of the normalised text: texts differing only in form share it."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def make_article_id(stem: str, text: str) -> str:
    """Return a stable article id: a safe form of a file stem plus a short hash of the text's fingerprint."""
    safe = _UNSAFE_ID_CHARS.sub("-", stem).strip("-.") or "article"
    return f"{safe}-{text_fingerprint(text)[:ID_HASH_CHARS]}"
