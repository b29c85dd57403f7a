"""Framing words: loaded terms ("liberated", "occupiers", "Kiev regime") found in a text.

The lexicon is ``data/framing_terms.tsv`` (its header says how it was compiled). A trailing
``*`` on a word matches any ending, so one stem covers the inflected Russian and Ukrainian
forms; the words of a multi-word term may be separated by any whitespace. Each term counts as
a *concept*, its canonical English form, so that "освобождён" and "liberated" are one framing.
Pure: text in, spans out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LEXICON = "framing_terms.tsv"


@dataclass(frozen=True)
class FramingTerm:
    """One row of the lexicon."""

    term: str
    language: str  # en | ru | uk
    leaning: str  # who typically uses it: ru | ua | any
    concept: str  # canonical English term


def _pattern(term: str) -> str:
    words = []
    for word in term.split():
        stem = re.escape(word.rstrip("*"))
        words.append(stem + (r"\w*" if word.endswith("*") else ""))
    return r"\s+".join(words) + r"(?!\w)"


@lru_cache(maxsize=1)
def load_framing_terms() -> tuple[FramingTerm, ...]:
    """Return the packaged lexicon's rows."""
    text = resources.files("claimledger.data").joinpath(LEXICON).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("term\t"):
            continue
        term, language, leaning, concept = line.split("\t")
        rows.append(FramingTerm(term, language, leaning, concept))
    return tuple(rows)


@lru_cache(maxsize=8)
def _compiled(language: str | None) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
    """One alternation of the language's terms (longest first, so "Kyiv regime" wins over a
    shorter term at the same place) and the concept of each alternative, by group."""
    terms = sorted((t for t in load_framing_terms() if language in (None, t.language)),
                   key=lambda t: len(t.term), reverse=True)
    if not terms:
        return None
    # one word-start check for the whole alternation (not one per term): several times faster
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(f"({_pattern(t.term)})" for t in terms) + ")",
                         re.IGNORECASE)
    return pattern, tuple(t.concept for t in terms)


def find_framing_words(text: str, language: str | None = None) -> list[tuple[int, int, str, str]]:
    """Return (start, end, matched text, concept) of every framing word in ``text``.

    ``language`` (en, ru, uk) picks that language's terms; None (or a language without
    terms) tries all of them.
    """
    compiled = _compiled(language) or _compiled(None)
    if compiled is None:
        return []
    pattern, concepts = compiled
    return [(m.start(), m.end(), m.group(0), concepts[m.lastindex - 1]) for m in pattern.finditer(text)]


def find_framing_concepts(text: str, language: str | None = None) -> list[str]:
    """Return the framing concepts a text uses, once each, in order of first use."""
    return list(dict.fromkeys(concept for *_, concept in find_framing_words(text, language)))


@lru_cache(maxsize=1)
def _leanings() -> dict[str, frozenset[str]]:
    """The sides (ru, ua) whose usage marks each concept ("any" left out)."""
    found: dict[str, set[str]] = {}
    for term in load_framing_terms():
        if term.leaning != "any":
            found.setdefault(term.concept, set()).add(term.leaning)
    return {concept: frozenset(sides) for concept, sides in found.items()}


def find_framing_side(text: str, language: str | None = None) -> str | None:
    """Return the side (ru or ua) whose framing words a text uses, or None when it uses none or
    both sides' ("the Kiev regime" marks ru, "the occupiers" ua)."""
    leanings = _leanings()
    sides = {side for concept in find_framing_concepts(text, language)
             for side in leanings.get(concept, ())}
    return next(iter(sides)) if len(sides) == 1 else None
