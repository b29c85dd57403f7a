"""How firmly and within which report a Russian or Ukrainian attribution is told: its evidentiality from the cue and
its hedges ("опровергли": denied, "якобы": alleged), the hedges of its content and cue, and the report it is nested in
(its parent). Found attributions (according_ru_uk.Found) in, record fields out; pure. attribution_ru_uk.py builds the
records.
"""
from __future__ import annotations

import re

from .according_ru_uk import Found
from .cues_ru_uk import CueLexicon
from ..language.cyrillic import CyrDoc
from .denials_ru_uk import CONFIRMING_LEMMAS, DENIAL_LEMMAS, is_verdict
from .statements_ru_uk import laying_lemmas

# Cue lemmas by how firmly they present the content (models.EVIDENTIALITIES); others report it.
EVIDENTIALITY_CUES = (
    ("denied", DENIAL_LEMMAS),
    ("warned", frozenset({"предупредить", "предупреждать", "попередити", "попереджати"})),
    ("directive", frozenset({"призвать", "призывать", "потребовать", "требовать", "закликати", "вимагати"})),
    ("believed", frozenset({"считать", "полагать", "вважати", "предположить", "предполагать", "думать", "припустити",
                            "припускати", "думати"})),
    ("claimed", frozenset({"утверждать", "стверджувати", "обвинить", "звинуватити", *laying_lemmas()})),
)


def evidentiality_of(doc: CyrDoc, f: Found, hedges: tuple[str, ...]) -> str:
    """How firmly the cue presents its content (models.EVIDENTIALITIES), from the cue's lemma and hedges."""
    lemmas = set(doc.tokens[f.cue_token].lemmas) if f.kind != "according_to" else set()
    if lemmas and is_verdict(doc, f.cue_token):
        return "denied"
    if lemmas & CONFIRMING_LEMMAS and f.cue_token > 0 and doc.tokens[f.cue_token - 1].lower in ("не", "ні"):
        return "denied"  # "В Минобороны взятие Суджи не подтвердили": the source does not stand by it
    for evidentiality, cues in EVIDENTIALITY_CUES:
        if lemmas & cues:
            return evidentiality
    if any(h.startswith(("якобы", "нібито", "так называем", "так зван")) for h in hedges):
        return "alleged"
    return "reported"


def parent_of(f: Found, found: list[Found], ids: list[str], n: int) -> str | None:
    """The id (of ``ids``) of the report whose scope holds the cue (or content) of ``found[n]`` most narrowly, else
    None."""
    anchor = f.cue or f.content
    best = None
    for m, g in enumerate(found):
        if m == n or g is f:
            continue
        scope = g.scope or g.content
        if scope[0] <= anchor[0] and anchor[1] <= scope[1] and (g.content != f.content or g.scope):
            if best is None or scope[1] - scope[0] < _extent(found[best]):
                best = m
    return ids[best] if best is not None else None


def _extent(f: Found) -> int:
    """The length in characters of the scope (or content) of ``f``."""
    scope = f.scope or f.content
    return scope[1] - scope[0]


def hedges_of(text: str, f: Found, lex: CueLexicon) -> tuple[str, ...]:
    """The hedges of the cue lexicon found in the content and cue of ``f``, as written, in text order."""
    spans = [f.content] + ([f.cue] if f.cue else [])
    found = []
    for start, end in spans:
        piece = text[start:end].lower().replace("ё", "е")
        for hedge in lex.hedges:
            for m in re.finditer(r"(?<!\w)" + re.escape(hedge) + r"\w*", piece):
                found.append((m.start() + start, m.group()))
    return tuple(dict.fromkeys(h for _, h in sorted(found)))
