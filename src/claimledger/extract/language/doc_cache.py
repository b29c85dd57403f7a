"""Whole-document values the English extractors read many times, computed once per spaCy Doc.

spaCy builds ``Doc.text`` (a join over every token) and ``Doc.ents`` (a walk over every token's entity
tag) anew at each access, and the extractors ask for them once per trigger, source or mention: on a whole
article that made the extractors' time grow with the square of its length. These helpers keep the values
in the Doc's ``user_data`` under private keys. The text of a Doc never changes; its entities could (by
assigning ``doc.ents``), and the cache assumes they are not changed after an extractor first read them:
the pipeline parses a Doc and then only reads it.

``doc_tokens`` lists the Tokens once, which each walk over ``doc`` would make anew; ``tokens_where`` gives the few
tokens whose word or lemma is in a set, read from the Doc's arrays (a walk over every Token reading ``lower_`` or
``lemma_`` looks each one up in the string store); ``mention_span`` keeps the
tokens of a character span (a place mention) that many rules ask for. ``sentence_of`` stands for
``Token.sent``, which walks the token's sentence to both of its ends at each access (an extractor asking it for
every mention of a document walks the document many times).
"""
from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the helpers only read a Doc: no spaCy import for modules the Cyrillic path shares
    from spacy.tokens import Doc, Span, Token

_TEXT = "claimledger.doc_text"
_ENTS = "claimledger.doc_ents"
_HEADINGS = "claimledger.heading_lines"
_SENTENCES = "claimledger.sentences"
_TOKENS = "claimledger.tokens"
_MENTIONS = "claimledger.mention_spans"
_COLUMNS = "claimledger.columns"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


def keep_text(doc: Doc, text: str) -> Doc:
    """The Doc, with ``text`` kept as its ``doc_text``: the string it was parsed from, which spaCy's tokenizer
    reproduces exactly (every token keeps its trailing whitespace), so the join is never made."""
    doc.user_data[_TEXT] = text
    return doc


def doc_tokens(doc: Doc) -> list[Token]:
    """The Doc's tokens as one list, made once per Doc: ``for token in doc`` and ``doc[i]`` make a new Token object
    at each step, and the extractors walk every Doc several times."""
    tokens = doc.user_data.get(_TOKENS)
    if tokens is None:
        tokens = doc.user_data[_TOKENS] = list(doc)
    return tokens


def span_tokens(span: Span) -> list[Token]:
    """The tokens of a span (a sentence, a clause) from :func:`doc_tokens`: ``list(span)`` without a new Token
    object for each."""
    return doc_tokens(span.doc)[span.start:span.end]


def tokens_where(doc: Doc, attribute: str, words: frozenset[str]) -> list[Token]:
    """The Doc's tokens whose ``attribute`` ("LOWER" or "LEMMA", as spaCy names it) is one of ``words``, in order:
    ``[t for t in doc if t.lower_ in words]`` (or ``t.lemma_``) without reading the string of every token."""
    wanted = _hashes(words)
    tokens = doc_tokens(doc)
    return [tokens[i] for i, value in enumerate(_column(doc, attribute)) if value in wanted]


def token_starts(doc: Doc) -> list[int]:
    """The character offset of each token of the Doc (``[t.idx for t in doc]``), in order."""
    return _column(doc, "IDX")


def tokens_at(doc: Doc, offsets: Iterable[int]) -> list[Token]:
    """The tokens that hold the characters at ``offsets`` (none of them whitespace between tokens), in order."""
    starts, tokens = token_starts(doc), doc_tokens(doc)
    return [tokens[i] for i in sorted({bisect.bisect_right(starts, offset) - 1 for offset in offsets})]


def _column(doc: Doc, attribute: str) -> list[int]:
    """``doc.to_array(attribute)`` as a list, made once per Doc."""
    columns = doc_memo(doc, _COLUMNS)
    if attribute not in columns:
        columns[attribute] = doc.to_array(attribute).tolist()
    return columns[attribute]


@functools.lru_cache(maxsize=None)
def _hashes(words: frozenset[str]) -> frozenset[int]:
    """The string-store keys of the words (spaCy hashes a string the same in every vocabulary)."""
    from spacy.strings import get_string_id

    return frozenset(map(get_string_id, words))


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per Doc."""
    ents = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def line_memo(doc: Doc) -> dict:
    """A per-Doc dict for what an extractor decides about a line of the text (keyed by its bounds)."""
    return doc_memo(doc, _HEADINGS)


def doc_memo(doc: Doc, name: str) -> dict:
    """A per-Doc dict named ``name`` (prefixed with the package name) for what an extractor decides
    about a part of the Doc that many triggers or mentions ask about again."""
    key = name if name.startswith("claimledger.") else f"claimledger.{name}"
    memo = doc.user_data.get(key)
    if memo is None:
        memo = doc.user_data[key] = {}
    return memo


def mention_span(doc: Doc, start: int, end: int) -> Span | None:
    """``doc.char_span(start, end, alignment_mode="expand")``, made once per Doc and character span: the extractors
    ask for the tokens of each place mention once per trigger and rule."""
    memo = doc_memo(doc, _MENTIONS)
    if (start, end) not in memo:
        memo[start, end] = doc.char_span(start, end, alignment_mode="expand")
    return memo[start, end]


def sentence_of(token: Token) -> Span:
    """``token.sent`` (the same span), from the Doc's sentences listed once: a Token in, its sentence out."""
    doc = token.doc
    listed = doc.user_data.get(_SENTENCES)
    if listed is None:
        sentences = tuple(doc.sents)
        index = [0] * len(doc)
        for number, sentence in enumerate(sentences):
            index[sentence.start:sentence.end] = [number] * (sentence.end - sentence.start)
        listed = doc.user_data[_SENTENCES] = (sentences, index)
    sentences, index = listed
    return sentences[index[token.i]]
