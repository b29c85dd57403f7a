"""Building a ledger: input files in, analysed articles and rejections stored, a report out.

Wires ingest -> pipeline -> store. Each batch of new articles is analysed (in this process or,
with ``workers`` above 1, in a pool of worker processes: pipeline_workers.py) and then saved in
one transaction by this process, in input order, so a killed run loses at most the batches in
flight, and a re-run skips what is already stored (articles are keyed by the fingerprint of
their normalised text).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .ingest import read_articles, text_fingerprint
from .models import AnalysedDocument, Article, InputNotice, Rejection
from .pipeline import BATCH_SIZE
from .pipeline_workers import OrderedAnalysis
from .store import Ledger


@dataclass
class BuildReport:
    """What one ingest run did: counts, rejections, notices (inputs read despite damage) and
    the file being read."""

    read: int = 0
    ingested: int = 0
    duplicates: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    notices: list[InputNotice] = field(default_factory=list)
    languages: Counter = field(default_factory=Counter)
    current_origin: str | None = None

    @property
    def skipped(self) -> int:
        return len(self.rejected)


def _origin_file(origin: str | None) -> str | None:
    """Return the file part of an origin ("a.jsonl:12" -> "a.jsonl", "feed.xml#3" -> "feed.xml")."""
    if origin is None:
        return None
    for separator in ("#", ":"):
        head, sep, tail = origin.rpartition(separator)
        if sep and tail.isdigit():
            return head
    return origin


def ingest_paths(
    ledger: Ledger,
    paths: Iterable[str | Path],
    *,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    stdin: BinaryIO | None = None,
    batch_size: int = BATCH_SIZE,
    workers: int = 1,
    backend: str = "processes",
    on_progress: Callable[[BuildReport], None] | None = None,
) -> BuildReport:
    """Read, analyse and store every article under ``paths``; return the run's report.

    Duplicates (within the run or already stored) are counted and not stored again;
    bad inputs are recorded in the store with their reason and the run goes on.
    ``workers`` processes analyse the batches (a process pool, or a dask LocalCluster
    with ``backend="dask"``); whatever their number, the batches are stored in input
    order and the ledger is the same. ``on_progress`` is called after
    every input item and every stored batch with the report so far.
    """
    report = BuildReport()
    pending: list[Article] = []
    pending_fingerprints: list[str] = []

    def store(batches: Iterable[tuple[list[str], list[AnalysedDocument]]]) -> None:
        for fingerprints, documents in batches:
            # A text seen while an earlier batch holding it was still being analysed was let through;
            # now that the earlier batches are stored it is a duplicate exactly when one process would
            # have found it so on reading it.
            stored = ledger.find_fingerprints(fingerprints)
            if stored:
                kept = [i for i, fingerprint in enumerate(fingerprints) if fingerprint not in stored]
                report.duplicates += len(fingerprints) - len(kept)
                documents = [documents[i] for i in kept]
                fingerprints = [fingerprints[i] for i in kept]
            saved = ledger.save_documents(documents, fingerprints)
            report.ingested += saved
            report.duplicates += len(documents) - saved  # an id already stored with other text
            for doc in documents:
                report.languages[doc.article.language or "unknown"] += 1
            if on_progress:
                on_progress(report)

    def drop_stored() -> None:
        # one query per batch, not one per article read: the texts of a previous run are duplicates
        stored = ledger.find_fingerprints(pending_fingerprints) if pending else set()
        if stored:
            kept = [i for i, fingerprint in enumerate(pending_fingerprints) if fingerprint not in stored]
            report.duplicates += len(pending) - len(kept)
            pending[:] = [pending[i] for i in kept]
            pending_fingerprints[:] = [pending_fingerprints[i] for i in kept]

    def flush() -> None:
        if pending:
            analysis.submit(pending, list(pending_fingerprints))
            pending.clear()
            pending_fingerprints.clear()

    with OrderedAnalysis(workers, backend=backend) as analysis:
        # languages are identified by the analysis (pipeline.with_language), in the workers when there are some
        for item in read_articles(paths, outlet=outlet, published=published, language=language, stdin=stdin,
                                  identify_languages=False):
            if isinstance(item, Rejection):
                report.rejected.append(item)
                ledger.record_rejections([item])
                report.current_origin = _origin_file(item.origin)
            elif isinstance(item, InputNotice):
                report.notices.append(item)
            else:
                report.read += 1
                report.current_origin = _origin_file(item.origin)
                fingerprint = text_fingerprint(item.text)
                if fingerprint in pending_fingerprints:
                    report.duplicates += 1
                else:
                    pending.append(item)
                    pending_fingerprints.append(fingerprint)
                    if len(pending) >= batch_size:
                        drop_stored()
                    if len(pending) >= batch_size:
                        flush()
            store(analysis.ready())
            if on_progress:
                on_progress(report)
        drop_stored()
        flush()
        store(analysis.finish())
    if on_progress:
        on_progress(report)
    return report
