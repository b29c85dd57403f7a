"""Scores for the attributions layer of one record: contents, claims (content + source) and their parts.

Matching rules (one-to-one, greedy, best pair first):

* ``content_exact``: the content spans are equal.
* ``content_overlap``: the predicted content shares at least CONTENT_MIN_GOLD_SHARE of the gold
  content's word tokens. Pairs are taken by token Jaccard, then shared tokens, then whether the
  source and cue agree (so that two gold claims with the same content, such as an anaphoric
  "This is contested by X", go to the prediction with the right source).
* ``claim``: as ``content_overlap`` and the source agrees: the source spans overlap, or the
  normalised speakers are equal (romanised -ий endings folded: Zelensky = Zelenskyy) or one is a
  word run inside the other; a null gold source agrees with a null predicted source.

On the ``content_overlap`` pairs, accuracies: cue (spans overlap, or both null), cue_exact,
source, speaker, kind and parent (the predicted parent mapped to gold through the matching).
Recall is broken down by the gold ``kind`` and precision by the predicted ``kind``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .scores import (
    Board, Discrepancy, Span, TokenIndex, count_matches, group_of, match_greedily, names_agree,
    read_span, shared_tokens, snippet, spans_overlap,
)

# Share of the gold content's tokens a predicted content must cover to match it (set by the task
# definition of the evaluation, not tuned: half the gold tokens).
CONTENT_MIN_GOLD_SHARE = 0.5


@dataclass(frozen=True)
class Claim:
    """The parts of one attribution the scorer compares."""

    id: str | None
    content: Span
    tokens: range
    source: Span | None
    cue: Span | None
    speaker: str | None
    kind: str
    parent: str | None


def read_claims(items: Sequence[dict[str, Any]], index: TokenIndex, where: str) -> list[Claim]:
    """Return the comparable parts of the attributions of one record."""
    claims = []
    for n, item in enumerate(items):
        at = f"{where}, attribution {item.get('id', n)}"
        content = read_span(item.get("content"), at)
        if content is None:
            continue  # an attribution without content asserts nothing that can be scored
        claims.append(Claim(
            id=None if item.get("id") is None else str(item["id"]), content=content,
            tokens=index.tokens(content), source=read_span(item.get("source"), at),
            cue=read_span(item.get("cue"), at), speaker=item.get("speaker"),
            kind=group_of(item.get("kind")), parent=item.get("parent"),
        ))
    return claims


def sources_agree(gold: Claim, predicted: Claim) -> bool:
    """True when the source spans overlap, the speakers agree, or both sources are null."""
    if gold.source is None and predicted.source is None:
        return True
    if spans_overlap(gold.source, predicted.source):
        return True
    return bool(gold.speaker and predicted.speaker and names_agree(gold.speaker, predicted.speaker))


def cues_agree(gold: Claim, predicted: Claim) -> bool:
    """True when the cue spans overlap or both cues are null."""
    if gold.cue is None or predicted.cue is None:
        return gold.cue is None and predicted.cue is None
    return spans_overlap(gold.cue, predicted.cue)


def contents_overlap(gold: Claim, predicted: Claim) -> tuple[float, int] | None:
    """(token Jaccard, shared tokens) when the predicted content matches the gold one, else None."""
    shared = shared_tokens(gold.tokens, predicted.tokens)
    if not gold.tokens:  # a content with no word token: any shared character will do
        if spans_overlap(gold.content, predicted.content):
            return 1.0, 0
        return None
    if shared == 0 or shared < CONTENT_MIN_GOLD_SHARE * len(gold.tokens):
        return None
    union = len(gold.tokens) + len(predicted.tokens) - shared
    return shared / union, shared


def match_claims(
    gold: Sequence[Claim], predicted: Sequence[Claim], *, exact: bool = False,
    need_source: bool = False,
) -> dict[int, int]:
    """Match gold to predicted claims one-to-one under the rules in the module docstring."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(predicted):
            source_ok = sources_agree(g, p)
            if need_source and not source_ok:
                continue
            if exact:
                if g.content != p.content:
                    continue
                key: tuple = (source_ok, cues_agree(g, p))
            else:
                fit = contents_overlap(g, p)
                if fit is None:
                    continue
                key = (*fit, source_ok, cues_agree(g, p))
            candidates.append((key, i, j))
    return match_greedily(candidates)


def _describe(text: str, claim: Claim) -> str:
    speaker = claim.speaker or snippet(text, claim.source)
    return f"[{claim.kind}] {speaker}: {snippet(text, claim.content)}"


def score_attributions(
    text: str, gold_items: Sequence[dict[str, Any]], predicted_items: Sequence[dict[str, Any]],
    board: Board, errors: list[Discrepancy], record_id: str, language: str,
) -> dict[str, str]:
    """Add one record's attribution counts to ``board`` and its errors to ``errors``.

    Returns predicted attribution id -> gold attribution id for the content-matched pairs, which
    the event scorer uses to compare ``claimed_by``.
    """
    index = TokenIndex(text)
    gold = read_claims(gold_items, index, f"gold record {record_id}")
    predicted = read_claims(predicted_items, index, f"predicted record {record_id}")
    gold_kinds = [c.kind for c in gold]
    predicted_kinds = [c.kind for c in predicted]

    count_matches(board, "content_exact", gold_kinds, predicted_kinds,
                  match_claims(gold, predicted, exact=True))
    matching = match_claims(gold, predicted)
    count_matches(board, "content_overlap", gold_kinds, predicted_kinds, matching)
    count_matches(board, "claim", gold_kinds, predicted_kinds,
                  match_claims(gold, predicted, need_source=True))

    id_map = {predicted[j].id: gold[i].id for i, j in matching.items() if predicted[j].id is not None}
    for i, j in matching.items():
        g, p = gold[i], predicted[j]
        board.count("cue", cues_agree(g, p), g.kind)
        board.count("cue_exact", g.cue == p.cue, g.kind)
        source_ok = sources_agree(g, p)
        board.count("source", source_ok, g.kind)
        board.count("speaker", names_agree(g.speaker, p.speaker), g.kind)
        board.count("kind", g.kind == p.kind, g.kind)
        mapped_parent = None if p.parent is None else id_map.get(p.parent, f"unmatched:{p.parent}")
        board.count("parent", mapped_parent == g.parent, g.kind)
        if not source_ok:
            errors.append(Discrepancy(
                "attributions", record_id, language, "wrong_source", _describe(text, g),
                _describe(text, p), f"gold source {snippet(text, g.source)!r}, "
                f"predicted {snippet(text, p.source)!r}",
            ))
    used = set(matching.values())
    for i, g in enumerate(gold):
        if i not in matching:
            errors.append(Discrepancy("attributions", record_id, language, "missed",
                                      gold=_describe(text, g)))
    for j, p in enumerate(predicted):
        if j not in used:
            errors.append(Discrepancy("attributions", record_id, language, "spurious",
                                      predicted=_describe(text, p)))
    return id_map
