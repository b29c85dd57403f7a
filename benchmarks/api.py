"""Latency of the HTTP API's listings on a ledger of 10,000 articles.

Run from the repository root:

    .venv/bin/python benchmarks/api.py                         # 10,000 articles, 40 requests each
    .venv/bin/python benchmarks/api.py --articles 2000 --requests 20 --json
    .venv/bin/python benchmarks/api.py --db /tmp/bench.db --keep   # reuse the store next time
    .venv/bin/python benchmarks/api.py --place-detail              # the demo ledger's largest oblast
    .venv/bin/python benchmarks/api.py --articles 100000 --db postgresql://user@/ledger?host=/tmp/pg
    .venv/bin/python benchmarks/api.py --articles 1000 --build-only --json   # the store path's memory
    .venv/bin/python benchmarks/api.py --db /tmp/bench.db --only stats --only search   # some endpoints

``--db`` takes a SQLite path or a SQLAlchemy URL (PostgreSQL); the store is built there when it
holds no article. ``--build-only`` builds it and prints the build's figures (time, counts and the
process's peak RSS, ``ru_maxrss``) without serving: since the copies are made one at a time and
stored in batches, that peak should not grow with ``--articles``.

``--place-detail`` times one answer only: ``/api/places/{key}`` of the oblast with the most
claims (its own and its settlements') on the demo ledger (``make demo``: demo/claimledger.db, or
``--db``), one run of ``--requests`` requests after the warm-up; the target is a median under
100 ms.

What it does:

1. Builds the store (unless ``--db`` names one that exists): the bundled corpus
   (examples/corpus/articles.jsonl) is analysed once by the real pipeline, then its analysed
   documents are repeated with their own ids, titles, fingerprints and a marker appended to
   each text (spans stay valid) until there are ``--articles``, and stored with
   ``Ledger.save_documents`` in batches, so the claims index and FTS tables are the real ones
   without 10,000 spaCy runs.
2. Starts ``claimledger serve`` on it in its own process, as a user would.
3. Requests each listing (first pages, deep pages, every filter) after a warm-up, one at a
   time, and reports the median and 95th percentile in milliseconds, client-side (HTTP over
   loopback included).

It asserts nothing: it is a benchmark, not a test. The stories listing is measured on
whatever the store holds; repeated copies are not linked (identical texts would make one
giant story), so it answers from an empty table unless ``--db`` names a linked ledger.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus" / "articles.jsonl"
SAVE_BATCH = 500  # documents per save_documents transaction
# Stored-article counts at which the build prints its progress and memory to stderr (1,000, then
# every 10,000): a 100,000-article store takes tens of minutes, and the peak RSS at each shows
# whether the store path's memory stays flat as the ledger grows.
PROGRESS_FIRST, PROGRESS_EVERY = 1_000, 10_000
WARMUP_REQUESTS = 3  # per endpoint, not timed: fills the place catalogue and page caches
# The listings measured: the first page of each, deep pages, and each filter.
ENDPOINTS = (
    "/api/claims",
    "/api/claims?page=40",
    "/api/claims?type=strike",
    "/api/claims?place=Kharkiv",
    "/api/claims?since=2024-01&until=2024-12",
    "/api/claims?speaker=Zelensky",
    "/api/claims?q=Kharkiv",
    "/api/claims?side=russia",
    "/api/articles",
    "/api/articles?q=ceasefire",
    "/api/articles?language=ru",
    "/api/articles?place=Kharkiv",
    "/api/articles?side=ukraine",
    "/api/places",
    "/api/places?q=kharkiv",
    "/api/search?q=Donetsk",
    "/api/search?q=said",  # a word of most claims: the listings walk their order (serve/search_plan.py)
    "/search?q=Donetsk",  # the HTML page: a snippet per article (serve/listings.read_article_snippets)
    "/api/stories",
    "/api/stories?sort=newest",
    "/api/stats",
)


def peak_rss_mb() -> float:
    """Return this process's peak resident set size in MB (ru_maxrss is in KB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def current_rss_mb() -> float | None:
    """Return this process's resident set size now in MB (Linux /proc), or None elsewhere."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


def is_url(target: str) -> bool:
    """Return True when ``target`` is a SQLAlchemy URL (``scheme://...``), not a SQLite path."""
    return "://" in target


def stored_articles(target: str) -> int:
    """Return the number of articles in the ledger at ``target`` (0 when there is none yet)."""
    from claimledger.store import open_ledger

    if not is_url(target) and not Path(target).exists():
        return 0
    ledger = open_ledger(target)
    try:
        return ledger.counts()["articles"]
    finally:
        ledger.close()


def build_store(db: str, articles: int) -> dict[str, float]:
    """Fill the ledger at ``db`` (a SQLite path or a URL) with ``articles`` analysed documents
    (the corpus, repeated); return timings, counts and the peak RSS before and after storing."""
    from claimledger.ingest import read_articles
    from claimledger.models import Article
    from claimledger.pipeline import analyse_articles
    from claimledger.store import open_ledger

    started = time.perf_counter()
    originals = [a for a in read_articles([str(CORPUS)]) if isinstance(a, Article)]
    analysed = list(analyse_articles(originals))
    analysed_s = time.perf_counter() - started
    analysed_mb = peak_rss_mb()
    started = time.perf_counter()
    stored = 0
    with open_ledger(db) as ledger:
        batch, prints = [], []
        for number in range(articles):
            doc = analysed[number % len(analysed)]
            copy = number // len(analysed)
            article = dataclasses.replace(
                doc.article, id=f"{doc.article.id}-r{copy}",
                title=f"{doc.article.title or doc.article.id} (copy {copy})",
                text=f"{doc.article.text}\n\n[benchmark copy {copy}]")
            batch.append(dataclasses.replace(doc, article=article))
            prints.append(f"bench-{copy}-{doc.article.id}")
            if len(batch) == SAVE_BATCH:
                stored += ledger.save_documents(batch, prints)
                batch, prints = [], []
                if stored == PROGRESS_FIRST or stored % PROGRESS_EVERY == 0:
                    print(json.dumps({"stored": stored, "store_s": round(time.perf_counter() - started, 1),
                                      "peak_rss_mb": peak_rss_mb(), "rss_now_mb": current_rss_mb()}),
                          file=sys.stderr, flush=True)
        if batch:
            stored += ledger.save_documents(batch, prints)
        counts = ledger.counts()
    return {"analysed_originals": len(analysed), "analyse_s": round(analysed_s, 1),
            "store_s": round(time.perf_counter() - started, 1), "stored": stored,
            "peak_rss_after_analysis_mb": analysed_mb, "peak_rss_mb": peak_rss_mb(), **counts}


def start_server(db: str) -> tuple[subprocess.Popen, str]:
    """Start ``claimledger serve`` on a free port; return the process and base URL once it answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "claimledger", "serve", str(db), "--port",
                             str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while proc.poll() is None:
        try:
            urllib.request.urlopen(url + "/static/favicon.svg", timeout=5).close()
            return proc, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise SystemExit("claimledger serve exited before answering")


def time_path(url: str, path: str, requests: int) -> dict[str, float | str | int]:
    """Return median, p95 and max latency (ms) of GET ``path`` over ``requests`` requests, after
    WARMUP_REQUESTS untimed ones, and the size of the body."""
    for _ in range(WARMUP_REQUESTS):
        urllib.request.urlopen(url + path).read()
    times, size = [], 0
    for _ in range(requests):
        started = time.perf_counter()
        with urllib.request.urlopen(url + path) as response:
            size = len(response.read())
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"endpoint": path, "median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
            "max_ms": round(times[-1], 1), "bytes": size}


def measure(url: str, requests: int, only: list[str] | None = None) -> list[dict[str, float | str | int]]:
    """Return the latencies of each endpoint over ``requests`` requests (:func:`time_path`); with
    ``only``, of the endpoints holding one of those strings."""
    return [time_path(url, path, requests) for path in ENDPOINTS
            if not only or any(part in path for part in only)]


DEMO_DB = ROOT / "demo" / "claimledger.db"
PLACE_DETAIL_TARGET_MS = 100


def largest_oblast(url: str) -> tuple[str, str, int]:
    """Return (key, name, claims) of the oblast whose place detail holds the most claims (its
    own and its settlements'); reading each once is the warm-up."""
    oblasts = json.loads(urllib.request.urlopen(url + "/api/places?level=oblast&per_page=500").read())
    best = ("", "", -1)
    for place in oblasts["items"]:
        path = "/api/places/" + urllib.parse.quote(place["key"])
        detail = json.loads(urllib.request.urlopen(url + path).read())
        claims = detail["claims"]["total"] + sum(s["claims"] for s in detail["settlements"])
        if claims > best[2]:
            best = (place["key"], place["name"], claims)
    return best


def measure_place_detail(url: str, requests: int) -> dict[str, float | str | int]:
    """Return the latency (ms) of the largest oblast's place detail over ``requests`` requests."""
    key, name, claims = largest_oblast(url)
    row = time_path(url, "/api/places/" + urllib.parse.quote(key), requests)
    return {**row, "place": name, "claims": claims, "target_ms": PLACE_DETAIL_TARGET_MS}


def remove_folder(folder: Path | None, keep: bool) -> None:
    """Delete the temporary folder the store was built in, unless there is none or ``keep``."""
    if folder is not None and not keep:
        for path in sorted(folder.iterdir()):
            path.unlink()
        folder.rmdir()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40, help="timed requests per endpoint")
    parser.add_argument("--db", help="the store to use, a SQLite path or a PostgreSQL URL (built "
                        "there when it holds no article)")
    parser.add_argument("--keep", action="store_true", help="keep a store built in a temp folder")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--build-only", action="store_true",
                        help="build the store and print its figures (peak RSS included), no server")
    parser.add_argument("--only", action="append", metavar="TEXT",
                        help="time only the endpoints holding TEXT (repeatable; no place detail "
                             "unless TEXT is in /api/places/)")
    parser.add_argument("--place-detail", action="store_true",
                        help="time the largest oblast's place detail on the demo ledger only")
    args = parser.parse_args()
    if args.place_detail:
        db = args.db or str(DEMO_DB)
        if not is_url(db) and not Path(db).exists():
            raise SystemExit(f"no ledger at {db}: run `make demo` first (or pass --db)")
        proc, url = start_server(db)
        try:
            row = measure_place_detail(url, args.requests)
        finally:
            proc.terminate()
            proc.wait()
        if args.json:
            print(json.dumps(row, indent=1))
        else:
            verdict = "under" if row["median_ms"] < row["target_ms"] else "OVER"
            print(f"{row['place']} ({row['endpoint']}, {row['claims']} claims, {row['bytes']} bytes): "
                  f"median {row['median_ms']} ms, p95 {row['p95_ms']} ms, max {row['max_ms']} ms over "
                  f"{args.requests} requests; {verdict} the {row['target_ms']} ms target")
        return
    folder = None
    if args.db is None:
        folder = Path(tempfile.mkdtemp(prefix="claimledger-api-bench-"))
        args.db = str(folder / "ledger.db")
    existing = stored_articles(args.db)
    build = build_store(args.db, args.articles) if not existing else {"reused": existing}
    if args.build_only:
        print(json.dumps(build, indent=1) if args.json else f"store: {build}")
        remove_folder(folder, args.keep)
        return
    proc, url = start_server(args.db)
    try:
        rows = measure(url, args.requests, args.only)
        if not args.only or any(part in "/api/places/" for part in args.only):
            detail = measure_place_detail(url, args.requests)
            rows.append({k: detail[k] for k in ("endpoint", "median_ms", "p95_ms", "max_ms", "bytes")})
    finally:
        proc.terminate()
        proc.wait()
    remove_folder(folder, args.keep)
    if args.json:
        print(json.dumps({"store": build, "latency": rows}, indent=1))
        return
    print(f"store: {build}")
    print(f"{'endpoint':45} {'median ms':>10} {'p95 ms':>8} {'max ms':>8} {'bytes':>9}")
    for row in rows:
        print(f"{row['endpoint']:45} {row['median_ms']:>10} {row['p95_ms']:>8} "
              f"{row['max_ms']:>8} {row['bytes']:>9}")
    medians = [row["median_ms"] for row in rows]
    print(f"all listings: median of medians {statistics.median(medians)} ms, "
          f"worst p95 {max(row['p95_ms'] for row in rows)} ms")


if __name__ == "__main__":
    main()
