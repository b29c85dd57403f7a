"""Hedges: the evidential words that qualify a claim ("alleged", "a claim that", "what it describes as").

Pure text functions: a content span and its sentence in, the hedge phrases found out.
"""
from __future__ import annotations

import re

# Evidential markers in English news, distancing and boosting alike. Drawn from the
# annotation guide of the development gold (data/dev/README.md, section C) and from
# common wire-service hedging vocabulary; matched case-insensitively on word boundaries.
HEDGES_EN = (
    "a claim that", "claims that", "what it describes as", "what they describe as",
    "what he describes as", "what she describes as", "what it called", "what they called",
    "so-called", "alleged", "allegedly", "allegations", "accusations", "purported", "purportedly",
    "reportedly", "supposedly", "perceived", "unconfirmed", "unverified", "preliminary",
    "in effect", "officially", "well-corroborated", "the fact that", "apparently", "presumably",
    "attempts", "[better source needed]",
)

# Hedges by which a text distances itself from a content: a reported or claimed content that
# carries one is presented as an allegation (evidentiality "alleged"). Boosters ("officially",
# "the fact that") and tentative markers ("preliminary") are not among them.
DISTANCING_HEDGES = frozenset({
    "a claim that", "claims that", "what it describes as", "what they describe as",
    "what he describes as", "what she describes as", "what it called", "what they called",
    "so-called", "alleged", "allegedly", "allegations", "accusations", "purported", "purportedly",
    "supposedly", "unconfirmed", "unverified", "an assertion that", "an allegation that",
})

# Hedges that stand just after a content and qualify it (", a claim that has sparked ...").
TRAILING_HEDGES_EN = ("a claim that", "claims that", "an assertion that", "an allegation that")

# How far after the end of a content a trailing hedge may start (characters): the comma
# and space that separate an appositive hedge from the clause it qualifies.
TRAILING_HEDGE_WINDOW = 4

_HEDGE_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(h) for h in sorted(HEDGES_EN, key=len, reverse=True)) + r")(?![\w-])",
    re.IGNORECASE,
)


def find_hedge_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Return ``(start, end, hedge)`` for every hedge phrase inside ``text[start:end]``."""
    return [(m.start(), m.end(), m.group(1).lower()) for m in _HEDGE_RE.finditer(text, start, end)]


def find_trailing_hedge(text: str, end: int) -> tuple[int, int, str] | None:
    """Return an appositive hedge right after a content ("..., a claim that ..."), if any."""
    tail = text[end: end + TRAILING_HEDGE_WINDOW + 20].lower()
    for hedge in TRAILING_HEDGES_EN:
        position = tail.find(hedge)
        if 0 <= position <= TRAILING_HEDGE_WINDOW:
            return end + position, end + position + len(hedge), hedge
    return None


def find_hedges(text: str, content: tuple[int, int]) -> list[str]:
    """Return the hedge phrases (lower-cased, in text order, once each) in a content or right after it."""
    spans = find_hedge_spans(text, *content)
    trailing = find_trailing_hedge(text, content[1])
    if trailing:
        spans.append(trailing)
    return list(dict.fromkeys(hedge for _, _, hedge in sorted(spans)))
