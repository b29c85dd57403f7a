"""Whole-document values the English extractors read many times, computed once per spaCy Doc.

spaCy builds ``Doc.text`` (a join over every token) and ``Doc.ents`` (a walk over every token's entity
tag) anew at each access, and the extractors ask for them once per trigger, source or mention: on a whole
article that made the extractors' time grow with the square of its length. These helpers keep the values
in the Doc's ``user_data`` under private keys. The text of a Doc never changes; its entities could (by
assigning ``doc.ents``), and the cache assumes they are not changed after an extractor first read them:
the pipeline parses a Doc and then only reads it.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

_TEXT = "claimledger.doc_text"
_ENTS = "claimledger.doc_ents"
_HEADINGS = "claimledger.heading_lines"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def line_memo(doc: Doc) -> dict:
    """A per-Doc dict for what an extractor decides about a line of the text (keyed by its bounds)."""
    memo = doc.user_data.get(_HEADINGS)
    if memo is None:
        memo = doc.user_data[_HEADINGS] = {}
    return memo
