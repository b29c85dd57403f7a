"""Linking claims across outlets and languages: outlet registry, matching, relations, stories.

``link_ledger(ledger)`` links a ledger incrementally and rebuilds its stories;
``relate_pairs(pairs)`` labels pair records (repeat/agree/contradict/unrelated) with a reason;
``load_outlets()`` / ``find_outlet()`` give an article's outlet, ownership and side.
"""
from __future__ import annotations

from .linker import LinkReport, link_ledger
from .claim_links import link_claims
from .blocking import find_candidates
from .matching import ClaimLink, LinkClaim, classify_link, make_link_claims
from .outlets import SIDES, Outlet, OutletRegistry, find_outlet, load_outlets, speaker_side
from .pair_relations import relate_pairs
from .relations import LABELS, Relation
from .stories import build_stories, compare_story, count_independent_sources

__all__ = [
    "LABELS", "SIDES", "ClaimLink", "LinkClaim", "LinkReport", "Outlet", "OutletRegistry",
    "Relation", "build_stories", "classify_link", "compare_story",
    "count_independent_sources", "find_candidates", "find_outlet",
    "link_claims", "link_ledger", "load_outlets", "make_link_claims", "relate_pairs",
    "speaker_side",
]
