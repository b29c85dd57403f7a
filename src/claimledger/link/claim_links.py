"""Links between ledger claims: blocked candidate pairs labelled repeat, agree or contradict.

``link_claims(claims, new, vectors=...)`` pairs the claims that share a block (blocking.py:
event, source and copied-text blocks) and labels each pair:

1. **copies** (the same text, source, side and events in several articles: wire re-prints) are
   linked to one representative as repeats, and only representatives are paired further;
2. **copied text** (matching.copied_share) is a repeat, decided without vectors;
3. every other pair is decided by pair_relations.relate_sides: the trained relation classifier
   over the claims' sentence vectors (claim_vectors.py: only the claims of such pairs are
   embedded, each distinct text once, kept in the store) and canonical fields, with the canonical
   evidence of a contradiction (one event asserted and denied, incompatible outcomes) and the
   sources' identity deciding where they speak. A contradiction shown in the ledger needs
   evidence a reader can check (pair_relations.CONTRADICTION_EVIDENCE: a denial or negation on one
   side, differing figures, an event asserted and denied); meaning alone is no link.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from .blocking import find_candidates
from .matching import REUSE_CONTAINMENT, ClaimLink, LinkClaim, classify_link, copied_share
from .pair_relations import pair_sides, relate_sides

Vectors = Callable[[Sequence[str]], dict[str, np.ndarray]]


def _copy_key(claim: LinkClaim) -> tuple[Any, ...]:
    """What decides a claim's relation to any other: claims equal in all of it are copies."""
    return (claim.text, claim.source_key, claim.language, claim.side, claim.events)


def _memory_vectors(texts: Sequence[str]) -> dict[str, np.ndarray]:
    from .claim_vectors import claim_vectors

    return claim_vectors(texts)


def _ordered(a: LinkClaim, b: LinkClaim) -> tuple[LinkClaim, LinkClaim]:
    return (a, b) if a.key <= b.key else (b, a)  # the reason names a, then b


def link_claims(claims: Sequence[LinkClaim], new: set[tuple[str, int]] | None = None, *,
                vectors: Vectors = _memory_vectors) -> list[ClaimLink]:
    """Return the links (all but unrelated) between blocked candidate pairs of claims; with
    ``new`` (claim keys) only pairs with a new claim. ``vectors`` maps claim texts to unit
    vectors (claim_vectors.claim_vectors bound to the store, in a ledger)."""
    names = {key: name for claim in claims for key, name in claim.place_labels}
    groups: dict[tuple[Any, ...], list[LinkClaim]] = {}
    for claim in claims:
        groups.setdefault(_copy_key(claim), []).append(claim)
    links, representatives, new_representatives = [], [], set()
    for members in groups.values():
        old = [c for c in members if new is None or c.key not in new]
        representative = old[0] if old else members[0]
        representatives.append(representative)
        if new is not None and not old:
            new_representatives.add(representative.key)
        for copy in members:
            if copy is not representative and copy.article_id != representative.article_id \
                    and (new is None or copy.key in new):
                a, b = _ordered(representative, copy)
                relation = classify_link(a, b, names)
                if relation.label != "unrelated":
                    links.append(ClaimLink(a.key, b.key, relation.label, relation.reason, relation.score))
    wanted = None if new is None else new_representatives
    pending: list[tuple[LinkClaim, LinkClaim]] = []
    if wanted is None or wanted:
        for i, j in find_candidates(representatives, wanted):
            a, b = _ordered(representatives[i], representatives[j])
            if copied_share(a, b) >= REUSE_CONTAINMENT:  # copied wording: no vectors needed
                relation = classify_link(a, b, names)
                if relation.label == "repeat":
                    links.append(ClaimLink(a.key, b.key, relation.label, relation.reason, relation.score))
                    continue
            pending.append((a, b))
    links.extend(classify_pending(pending, vectors, names))
    # Candidate blocks come out of sets, whose order moves with Python's string hashing; sorted,
    # the same claims give the same links in the same order in every run.
    return sorted(links, key=lambda link: (link.a, link.b))


def classify_pending(pairs: Sequence[tuple[LinkClaim, LinkClaim]], vectors: Vectors,
                     names: dict[str, str]) -> list[ClaimLink]:
    """Return the links the relation classifier finds among claim pairs (unrelated left out);
    where the canonical fields give the same label, their reason (it names the event) is kept."""
    if not pairs:
        return []
    found = vectors(list(dict.fromkeys(c.text for pair in pairs for c in pair)))
    sides = pair_sides({c.key: c for pair in pairs for c in pair},
                       lambda texts: np.stack([found[text] for text in texts]))
    relations = relate_sides([(sides[a.key], sides[b.key]) for a, b in pairs], names, checkable=True)
    return [ClaimLink(a.key, b.key, r.label, r.reason, r.score)
            for (a, b), r in zip(pairs, relations) if r.label != "unrelated"]
