"""Linking a ledger: new articles' claims against the stored ones, then the stories rebuilt.

``link_ledger(ledger)`` takes every article's link claims (kept in the store from earlier runs;
only articles without them, or derived on another basis, are read and described again), links
the claims of articles not linked before against all claims (blocked candidates only, see
matching.py), then stores the new links, the stories rebuilt from all stored links and the
articles' linked marks in one transaction (a run killed before it ends leaves the store as it was). Running it again with nothing new reads, adds and rebuilds nothing. The ledger is passed in
(any object with the Ledger methods used here), so this module does not import the store.
"""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from .claim_links import link_claims
from .claim_vectors import claim_vectors
from .matching import ClaimLink, LinkClaim, link_claims_from_json, link_claims_to_json, make_link_claims
from .outlets import OutletRegistry, load_outlets
from .stories import build_stories


@dataclass
class LinkReport:
    """What a linking run did. With nothing new (every article linked before, its link claims kept on
    this basis) nothing is rebuilt: ``nothing_new`` is set and the stories are left as they are."""

    articles: int = 0
    new_articles: int = 0
    claims: int = 0
    new_claims: int = 0
    links: int = 0  # new links stored
    by_label: dict[str, int] = field(default_factory=dict)
    stories: int = 0  # stories after the run (0 when they were not rebuilt: not read either)
    seconds: float = 0.0
    nothing_new: bool = False
    stories_rebuilt: bool = False  # False: no link was found or derived again, so none can change
    rederived: int = 0  # articles linked before whose link claims were derived again (another basis)
    stories_new: int = 0  # story ids that were not stored before
    stories_changed: int = 0  # stored ids whose summary changed
    stories_gone: int = 0  # stored ids no longer built


def _stored_link(row: dict[str, Any]) -> ClaimLink:
    return ClaimLink((row["a_article"], row["a_ord"]), (row["b_article"], row["b_ord"]),
                     row["label"], row["reason"], row["score"])


# Version of the link-claim derivation kept in the store: raise it when make_link_claims changes what
# it derives, so stored link claims are derived again.
LINK_CLAIMS_FORMAT = 2
CACHE_BATCH = 500  # articles described between two writes of their link claims


def link_claims_basis(registry: OutletRegistry) -> str:
    """Return what stored link claims depend on: claimledger's version, LINK_CLAIMS_FORMAT and the
    outlet registry, as a short hash."""
    text = repr((__version__, LINK_CLAIMS_FORMAT, registry.outlets))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _keep_link_claims(ledger: Any, claims: dict[str, list[LinkClaim]], basis: str) -> None:
    if claims:
        ledger.save_link_claims({a: link_claims_to_json(c) for a, c in claims.items()}, basis)


def _link_claims(ledger: Any, article_ids: list[str], kept: dict[str, str], registry: OutletRegistry,
                 basis: str) -> list[LinkClaim]:
    """Return the link claims of all articles in stored order: ``kept`` ones (JSON by article id)
    read back, the others derived from their documents (streamed) and kept for the next run."""
    by_article = {article_id: link_claims_from_json(text) for article_id, text in kept.items()}
    missing = [article_id for article_id in article_ids if article_id not in by_article]
    batch: dict[str, list[LinkClaim]] = {}
    for doc in ledger.iter_documents(ids=missing):
        batch[doc.article.id] = by_article[doc.article.id] = make_link_claims([doc], registry)
        if len(batch) >= CACHE_BATCH:
            _keep_link_claims(ledger, batch, basis)
            batch = {}
    _keep_link_claims(ledger, batch, basis)
    return [claim for article_id in article_ids for claim in by_article.get(article_id, ())]


def _count_story_changes(before: dict[str, dict[str, Any]], stories: Sequence[dict[str, Any]],
                         report: LinkReport) -> None:
    """Count in the report the stories new, changed and gone against those stored before."""
    after = {story["id"]: story for story in stories}
    report.stories_new = sum(story_id not in before for story_id in after)
    report.stories_gone = sum(story_id not in after for story_id in before)
    report.stories_changed = sum(story_id in before and before[story_id] != story
                                 for story_id, story in after.items())
    report.stories = len(stories)


def link_ledger(ledger: Any, *, outlets: list[str | Path] | None = None, rebuild: bool = False,
                on_embedded: Callable[[int], None] | None = None) -> LinkReport:
    """Link the claims of articles not linked yet (all of them with ``rebuild``) against every
    stored claim, store the links and rebuild the stories; return the run's report.

    With nothing new (every article linked before and its link claims kept on this basis) nothing
    is read or rebuilt: the report says ``nothing_new`` and the stories stay as they are; so they do
    when the new claims link to none. Links, stories and linked marks are stored in one transaction,
    so a run cut short leaves the store as it was and is done again in full.
    ``on_embedded`` is called with the number of claim texts embedded in each batch."""
    started = time.perf_counter()
    registry = load_outlets(outlets or ())
    basis = link_claims_basis(registry)
    article_ids = ledger.article_ids()
    linked = set() if rebuild else ledger.linked_article_ids()
    new_articles = [article_id for article_id in article_ids if article_id not in linked]
    kept = {} if rebuild else ledger.read_link_claims(basis)
    report = LinkReport(articles=len(article_ids), new_articles=len(new_articles),
                        rederived=sum(a not in kept for a in article_ids if a in linked))
    if not new_articles and not report.rederived:
        report.nothing_new = True
        report.seconds = time.perf_counter() - started
        return report
    claims = _link_claims(ledger, article_ids, kept, registry, basis)
    new_set = set(new_articles)
    new_keys = {claim.key for claim in claims if claim.article_id in new_set}
    vectors = (lambda texts: claim_vectors(texts, ledger, progress=on_embedded))
    links = link_claims(claims, new_keys, vectors=vectors) if new_keys else []
    report.claims, report.new_claims = len(claims), len(new_keys)
    for link in links:
        report.by_label[link.label] = report.by_label.get(link.label, 0) + 1
    # links, stories and linked marks in one transaction: a run cut short leaves the store as it was
    rebuild_stories = bool(links or report.rederived or rebuild)  # else none can change
    before = ({story["id"]: story for story in ledger.find_stories(limit=None)}
              if rebuild_stories else {})

    def stories_of(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return build_stories(claims, [_stored_link(row) for row in rows])

    report.links, stories = ledger.save_link_run(links, new_articles, stories_of if rebuild_stories else None,
                                                 replace=rebuild)
    if stories is not None:
        _count_story_changes(before, stories, report)
        report.stories_rebuilt = True
    report.seconds = time.perf_counter() - started
    return report
