"""Analysis in worker processes: batches of articles go to a process pool, results come back in input order.

``OrderedAnalysis`` takes batches (``submit``) and hands back their analysed documents batch by batch in
the order they were submitted (``ready`` without waiting, ``finish`` waiting for the rest), so one writer
in the calling process can store them as they come. With one worker every batch is analysed in the calling
process, exactly as ``pipeline.analyse_articles``; with more, a pool of that many processes analyses them,
each process loading its models once (they are cached per process) on the first batch that needs them.

Workers are forked from a fork server (``forkserver``: a fresh interpreter that has imported spaCy and
loaded the English model and the gazetteer once, pipeline_preload.py; no fork of the caller's threads,
open database connections or progress bar), or started with ``spawn`` where there is no fork server, and
only when a second batch is on its way: a run that fits in one batch is
analysed in the calling process, with no pool to start. The fork server itself is started as soon as an
``OrderedAnalysis`` of several processes is made, so it loads the models while this process reads; and
this process never imports spaCy (pipeline.py imports the extractors where they are used). At most ``IN_FLIGHT_PER_WORKER`` batches per
worker are queued, so memory stays bounded however long the input. A worker's error is raised in the
caller when its batch comes up, as with one process; a worker that dies (killed, out of memory) ends the
run with a ``WorkerError`` after the batches before it are handed back.

``backend="dask"`` runs the same ``analyse_batch`` on a dask LocalCluster of ``workers`` single-threaded
worker processes instead of the process pool (``pip install 'dask[distributed]'``); a scheduler's
address as the backend (``"tcp://host:8786"``) runs it on that cluster's workers, on other machines too
(each with claimledger installed), ``workers`` then only sizing the batches in flight. Everything else,
the order of the results included, is the same.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import re
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Any, Generic, TypeVar

from .errors import ClaimledgerError
from .models import AnalysedDocument, Article, Attribution, Event, Layers, Place
from .pipeline import BATCH_SIZE, analyse_articles

BACKENDS = ("processes", "dask")
SCHEDULER_TIMEOUT_S = 10  # a scheduler answers in a second or two; ten allows a slow link, then the run stops
# A dask scheduler's address, the other backend: "tcp://10.0.0.5:8786", "tls://scheduler:8786".
SCHEDULER_ADDRESS = re.compile(r"(?:tcp|tls|ucx|ws|wss)://\S+")


def check_backend(backend: str) -> str:
    """Return ``backend`` if it is one of BACKENDS or a dask scheduler's address; raise ValueError."""
    if backend in BACKENDS or SCHEDULER_ADDRESS.fullmatch(backend):
        return backend
    raise ValueError(f"backend must be one of {BACKENDS} or a dask scheduler address "
                     f"(tcp://host:8786), not {backend!r}")

# Batches queued per worker: one being analysed and one waiting, so a worker never idles while the
# writer stores a result.
IN_FLIGHT_PER_WORKER = 2

Tag = TypeVar("Tag")
# What a worker sends back per article: its language (identified there when it had none), the three
# layers and the headline's; the article itself, text included, stays in the calling process.
WorkerResult = tuple[str | None, tuple[Attribution, ...], tuple[Place, ...], tuple[Event, ...], Layers | None]


class WorkerError(ClaimledgerError):
    """An analysis worker process ended abnormally."""


def default_workers() -> int:
    """The number of worker processes used when none is asked for: one per core."""
    return os.cpu_count() or 1


def analyse_batch(articles: Sequence[Article]) -> list[WorkerResult]:
    """Analyse a batch of articles (in a worker process) and return each one's language and layers, in order."""
    return [(doc.article.language, doc.attributions, doc.places, doc.events, doc.title_layers)
            for doc in analyse_articles(articles, batch_size=max(len(articles), 1))]


def join_layers(articles: Sequence[Article], layers: Sequence[WorkerResult]) -> list[AnalysedDocument]:
    """The analysed documents of a batch from its articles and what ``analyse_batch`` returned for them."""
    documents = []
    for article, (language, attributions, places, events, title) in zip(articles, layers, strict=True):
        if language != article.language:
            article = replace(article, language=language)
        documents.append(AnalysedDocument(article, attributions, places, events, title))
    return documents


def _analyse_here(articles: list[Article]) -> list[AnalysedDocument]:
    return list(analyse_articles(articles, batch_size=max(len(articles), 1)))


def _start_worker() -> None:
    """Initialise a worker process: Ctrl-C is the calling process's to handle (it stops the pool)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class OrderedAnalysis(Generic[Tag]):
    """Analyse batches of articles in ``workers`` processes; hand the results back in submission order.

    Each batch carries a ``tag`` (anything the caller needs back with it, e.g. the articles' fingerprints).
    Use as a context manager: leaving it stops the workers, at once when an error is on its way.
    """

    def __init__(self, workers: int = 1, *, in_flight: int | None = None, backend: str = "processes"):
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.backend = check_backend(backend)
        self.in_flight = in_flight or IN_FLIGHT_PER_WORKER * workers
        self._pool: ProcessPoolExecutor | _DaskPool | None = None
        # (tag, articles, result): a future while in the pool, the documents once analysed here, None for
        # a first batch held until a second one shows the pool is worth starting
        self._queue: deque[tuple[Tag, list[Article], Any]] = deque()
        start_fork_server(workers, backend)

    def __enter__(self) -> OrderedAnalysis[Tag]:
        return self

    def __exit__(self, exc_type, exc, traceback) -> None:
        self.close(abort=exc_type is not None)

    def submit(self, articles: Sequence[Article], tag: Tag) -> None:
        """Queue a batch. With one worker it is analysed now; else it goes to the pool, waiting first for
        the oldest batch when ``in_flight`` are already queued (its result is then ``ready``)."""
        articles = list(articles)
        if self.workers == 1 and self.backend == "processes":
            self._queue.append((tag, articles, _analyse_here(articles)))
            return
        if self._pool is None and not self._queue:
            self._queue.append((tag, articles, None))  # held: the whole run may fit in this batch
            return
        if self._pool is None:
            self._pool = _DaskPool(self.workers, self.backend) if self.backend != "processes" else ProcessPoolExecutor(
                self.workers, mp_context=_pool_context(), initializer=_start_worker)
            held_tag, held_articles, _ = self._queue.popleft()
            self._queue.append((held_tag, held_articles, self._pool.submit(analyse_batch, held_articles)))
        pending = [entry[2] for entry in self._queue if _in_pool(entry[2])]
        if len(pending) >= self.in_flight:
            pending[0].exception()  # wait for the oldest batch (its error, if any, is raised when it is handed back)
        self._queue.append((tag, articles, self._pool.submit(analyse_batch, articles)))

    def ready(self) -> Iterator[tuple[Tag, list[AnalysedDocument]]]:
        """Yield the batches at the head of the queue whose analysis is done, in order, without waiting."""
        while self._queue and self._queue[0][2] is not None and not (
                _in_pool(self._queue[0][2]) and not self._queue[0][2].done()):
            yield self._pop()

    def finish(self) -> Iterator[tuple[Tag, list[AnalysedDocument]]]:
        """Yield every queued batch, in order, waiting for each."""
        while self._queue:
            yield self._pop()

    def _pop(self) -> tuple[Tag, list[AnalysedDocument]]:
        tag, articles, result = self._queue.popleft()
        if result is None:  # the only batch of the run: analysed here
            result = _analyse_here(articles)
        elif _in_pool(result):
            try:
                result = join_layers(articles, result.result())
            except Exception as exc:
                if isinstance(exc, BrokenProcessPool) or type(exc).__name__ == "KilledWorker":  # dask's
                    raise WorkerError(f"an analysis worker process ended abnormally ({exc}); the batches "
                                      "stored before it are kept, run again to go on") from None
                raise
        return tag, result

    def close(self, *, abort: bool = False) -> None:
        """Stop the workers; with ``abort`` at once (batches in flight are dropped), else once idle."""
        self._queue.clear()
        if self._pool is None:
            return
        pool, self._pool = self._pool, None
        if isinstance(pool, _DaskPool):
            pool.close()
            return
        processes: list[Any] = list((getattr(pool, "_processes", None) or {}).values()) if abort else []
        pool.shutdown(wait=not abort, cancel_futures=True)
        for process in processes:  # a batch of whole articles can take many seconds: do not wait for it
            process.terminate()
        for process in processes:
            process.join()


def _pool_context() -> multiprocessing.context.BaseContext:
    """The start method of the pool's workers: forked from a fork server holding the models, else spawned."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["claimledger.pipeline_preload"])
    return context


def start_fork_server(workers: int, backend: str = "processes") -> None:
    """Start the fork server of a pool of ``workers`` processes now, without waiting for it (nothing for
    one worker or dask): it imports spaCy and loads the models (pipeline_preload.py) while this process
    imports the rest and reads the first batches, instead of after them, when the pool's first worker is
    asked for. Called again, it does nothing. A run that turns out to fit in one batch leaves it unused."""
    if workers > 1 and backend == "processes" and _pool_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


def _in_pool(result: Any) -> bool:
    """Whether a queued result is still a future of the pool (not documents, not a held batch)."""
    return result is not None and not isinstance(result, list)


class _DaskPool:
    """A dask LocalCluster of ``workers`` single-threaded worker processes (``backend`` "dask"), or the
    cluster of the scheduler at the address ``backend``; with the pool's ``submit``."""

    def __init__(self, workers: int, backend: str = "dask"):
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise ClaimledgerError("the dask backend needs dask: pip install 'dask[distributed]'") from None
        if backend == "dask":
            self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.ERROR)
            self.client = Client(self.cluster)
            return
        self.cluster = None
        try:
            self.client = Client(backend, timeout=SCHEDULER_TIMEOUT_S)
        except OSError as error:
            raise ClaimledgerError(f"cannot reach the dask scheduler at {backend}: {error}") from None

    def submit(self, function, articles: list[Article]):
        return self.client.submit(function, articles, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:  # a scheduler of one's own is left running for its other clients
            self.cluster.close()


def analyse_in_order(articles: Sequence[Article], workers: int, *, batch_size: int = BATCH_SIZE,
                     backend: str = "processes") -> list[AnalysedDocument]:
    """Return the analysed documents of the articles, in order, analysed in ``workers`` processes."""
    documents: list[AnalysedDocument] = []
    with OrderedAnalysis(workers, backend=backend) as analysis:
        for start in range(0, len(articles), batch_size):
            analysis.submit(articles[start:start + batch_size], None)
            documents.extend(doc for _, batch in analysis.ready() for doc in batch)
        documents.extend(doc for _, batch in analysis.finish() for doc in batch)
    return documents
