"""Framing words: loaded terms ("liberated", "occupiers", "Kyiv regime") found in a text.

The lexicon is ``data/framing_words.tsv`` (see its header for how it was compiled). A
trailing ``*`` on a word matches any ending, so one stem covers the inflected Russian
and Ukrainian forms; words of a multi-word term may be separated by any whitespace.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

LEXICON = "data/framing_words.tsv"


def _pattern(term: str) -> str:
    words = []
    for word in term.split():
        stem = re.escape(word.rstrip("*"))
        words.append(stem + (r"\w*" if word.endswith("*") else ""))
    return r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"


@lru_cache(maxsize=1)
def load_framing_terms() -> tuple[tuple[str, str, str], ...]:
    """Return the lexicon as (term, language, leaning) rows."""
    text = resources.files(__package__).joinpath(LEXICON).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("term\t"):
            continue
        term, language, leaning = line.split("\t")
        rows.append((term, language, leaning))
    return tuple(rows)


@lru_cache(maxsize=8)
def _compiled(language: str | None) -> re.Pattern[str] | None:
    terms = [t for t, lang, _ in load_framing_terms() if language in (None, lang)]
    if not terms:
        return None
    # Longest first, so "Kyiv regime" wins over a shorter term at the same place.
    terms.sort(key=len, reverse=True)
    return re.compile("|".join(_pattern(t) for t in terms), re.IGNORECASE)


def find_framing_words(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """Return (start, end, matched text) of every framing word in ``text``.

    ``language`` (en, ru, uk) picks that language's terms; None (or a language without
    terms) tries all of them.
    """
    pattern = _compiled(language) or _compiled(None)
    if pattern is None:
        return []
    return [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]
