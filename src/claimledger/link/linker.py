"""Linking a ledger: new articles' claims against the stored ones, then the stories rebuilt.

``link_ledger(ledger)`` reads every stored document, turns its claims into link claims, links
the claims of articles not linked before against all claims (blocked candidates only, see
matching.py), stores the new links with the articles marked as linked, and rebuilds the stories
from all stored links. Running it again with nothing new adds no link. The ledger is passed in
(any object with the Ledger methods used here), so this module does not import the store.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .matching import ClaimLink, link_claims, make_link_claims
from .outlets import load_outlets
from .stories import build_stories


@dataclass
class LinkReport:
    """What a linking run did."""

    articles: int = 0
    new_articles: int = 0
    claims: int = 0
    new_claims: int = 0
    links: int = 0  # new links stored
    by_label: dict[str, int] = field(default_factory=dict)
    stories: int = 0
    seconds: float = 0.0


def _stored_link(row: dict[str, Any]) -> ClaimLink:
    return ClaimLink((row["a_article"], row["a_ord"]), (row["b_article"], row["b_ord"]),
                     row["label"], row["reason"], row["score"])


def link_ledger(ledger: Any, *, outlets: list[str | Path] | None = None,
                rebuild: bool = False) -> LinkReport:
    """Link the claims of articles not linked yet (all of them with ``rebuild``) against every
    stored claim, store the links and rebuild the stories; return the run's report."""
    started = time.perf_counter()
    registry = load_outlets(outlets or ())
    article_ids: list[str] = []

    def documents():  # streamed: only the compact link claims are kept, not the documents
        for doc in ledger.iter_documents():
            article_ids.append(doc.article.id)
            yield doc

    claims = make_link_claims(documents(), registry)
    linked = set() if rebuild else ledger.linked_article_ids()
    new_articles = [article_id for article_id in article_ids if article_id not in linked]
    new_set = set(new_articles)
    new_keys = {claim.key for claim in claims if claim.article_id in new_set}
    links = link_claims(claims, new_keys) if new_keys else []
    report = LinkReport(articles=len(article_ids), new_articles=len(new_articles), claims=len(claims),
                        new_claims=len(new_keys))
    report.links = ledger.save_links(links, new_articles, replace=rebuild)
    for link in links:
        report.by_label[link.label] = report.by_label.get(link.label, 0) + 1
    stored = [_stored_link(row) for row in ledger.read_links()]
    report.stories = ledger.replace_stories(build_stories(claims, stored))
    report.seconds = time.perf_counter() - started
    return report
