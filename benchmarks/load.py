"""Load on the web server: N concurrent clients for T seconds against `claimledger serve`.

Run from the repository root:

    .venv/bin/python benchmarks/load.py                            # 50 clients x 30 s, demo-sized ledger
    .venv/bin/python benchmarks/load.py --clients 10 --seconds 3 --json
    .venv/bin/python benchmarks/load.py --db demo/claimledger.db   # a ledger already built

What it does:

1. Builds the demo ledger (``make demo``'s inputs: the sample report, the bundled corpus and the
   raw pages of examples/, ingested and linked) in a temporary folder, unless ``--db`` names a
   ledger (a SQLite path or a PostgreSQL URL).
2. Starts ``claimledger serve`` on it in its own process on 127.0.0.1, as a user would.
3. Reads real ids from the API (stories, claims, articles, places), then runs ``--clients``
   threads for ``--seconds``, each over its own keep-alive connection, each request drawn (seeded)
   from a mix of route families: listings with and without filters, search, one claim, story,
   article or place, the HTML pages, a filtered export and a static file.
4. Reports requests, errors (any answer but 200, or a failed connection), requests per second and
   the 50th, 95th and 99th percentile and largest latency client-side, in all and per family.

It asserts nothing (tests/test_server_fuzz.py runs a small version asserting 0 errors); the
client threads share the machine's cores with the server, so the figures are the pair's.
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DEMO_INPUTS = (EXAMPLES / "kharkiv_buffer_zone.txt", EXAMPLES / "corpus" / "articles.jsonl",
               EXAMPLES / "raw")
SEED = 16
PERCENTILES = (50, 95, 99)
SAMPLE_IDS = 20  # ids of each kind read from the ledger for the detail requests
# The request mix: (family, weight, path templates); {story}, {claim}, {article} and {place} are
# filled with one of the ledger's ids (percent-encoded) per request.
MIX = (
    ("listing", 30, ("/api/claims", "/api/claims?page=2&per_page=20", "/api/claims?type=strike",
                     "/api/claims?side=russia", "/api/claims?since=2024-01&until=2024-12",
                     "/api/claims?speaker=Zelensky", "/api/articles", "/api/articles?language=uk",
                     "/api/articles?place=Kharkiv", "/api/places", "/api/places?level=oblast",
                     "/api/stories", "/api/stories?sort=newest", "/api/stories?contested=true",
                     "/api/filters", "/api/stats")),
    ("search", 10, ("/api/search?q=Kharkiv", "/api/search?q=buffer%20zone",
                    "/api/claims?q=ceasefire", "/api/articles?q=%D0%A5%D0%B0%D1%80%D0%BA%D1%96%D0%B2")),
    ("detail", 30, ("/api/claims/{claim}", "/api/stories/{story}", "/api/articles/{article}",
                    "/api/places/{place}", "/api/places/{place}/control")),
    ("page", 20, ("/stories", "/claims", "/places", "/articles", "/search?q=Kharkiv",
                  "/stories/{story}", "/articles/{article}", "/places/{place}")),
    ("export", 2, ("/api/export/claims.csv?place=Vovchansk", "/api/export/claims.jsonl?type=strike")),
    ("static", 8, ("/static/style.css", "/static/favicon.svg")),
)


def build_demo_ledger(db: Path | str) -> dict[str, int]:
    """Ingest the demo inputs into ``db`` and link them (as ``make demo``); return its counts."""
    from claimledger.build import ingest_paths
    from claimledger.link import link_ledger
    from claimledger.store import open_ledger

    with open_ledger(db) as ledger:
        ingest_paths(ledger, [str(path) for path in DEMO_INPUTS])
        link_ledger(ledger)
        return ledger.counts()


def start_server(target: str) -> tuple[subprocess.Popen, str]:
    """Start ``claimledger serve`` on a free port of 127.0.0.1; return the process and base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "claimledger", "serve", target, "--port",
                             str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    while proc.poll() is None:
        try:
            urllib.request.urlopen(url + "/static/favicon.svg", timeout=5).close()
            return proc, url
        except (OSError, TimeoutError):
            time.sleep(0.2)
    raise SystemExit("claimledger serve exited before answering")


def sample_ids(url: str) -> dict[str, list[str]]:
    """Return up to SAMPLE_IDS percent-encoded ids of stories, claims, articles and places."""
    def items(path: str) -> list[dict]:
        with urllib.request.urlopen(f"{url}{path}?per_page={SAMPLE_IDS}") as response:
            return json.loads(response.read())["items"]

    quote = lambda value: urllib.parse.quote(value, safe="")  # noqa: E731
    ids = {"story": [quote(s["id"]) for s in items("/api/stories")],
           "claim": [quote(c["id"]) for c in items("/api/claims")],
           "article": [quote(a["id"]) for a in items("/api/articles")],
           "place": [quote(p["key"]) for p in items("/api/places")]}
    missing = [kind for kind, values in ids.items() if not values]
    if missing:
        raise SystemExit(f"the ledger has no {', '.join(missing)}: build it with link")
    return ids


@dataclass
class Tally:
    """Latencies (ms) and errors of one route family."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.latencies.extend(other.latencies)
        self.errors += other.errors
        self.examples.extend(other.examples[:3])


def percentile(values: list[float], p: int) -> float:
    """Return the ``p``-th percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * p // 100) - 1))] if ordered else 0.0


def _client(url: str, ids: dict[str, list[str]], seed: int, deadline: float,
            tallies: dict[str, Tally]) -> None:
    """One client: requests drawn from MIX over a keep-alive connection until ``deadline``."""
    rng = random.Random(seed)
    parsed = urllib.parse.urlsplit(url)
    families = [family for family, _, _ in MIX]
    weights = [weight for _, weight, _ in MIX]
    paths = {family: templates for family, _, templates in MIX}
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
    while time.monotonic() < deadline:
        family = rng.choices(families, weights)[0]
        path = rng.choice(paths[family]).format(**{k: rng.choice(v) for k, v in ids.items()})
        tally = tallies[family]
        started = time.perf_counter()
        try:
            conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = conn.getresponse()
            response.read()
            status = response.status
            if response.getheader("Connection", "").lower() == "close":
                conn.close()
        except (OSError, http.client.HTTPException) as exc:
            conn.close()
            status = f"{type(exc).__name__}: {exc}"
        tally.latencies.append((time.perf_counter() - started) * 1000)
        if status != 200:
            tally.errors += 1
            if len(tally.examples) < 3:
                tally.examples.append(f"{status} {path}")
    conn.close()


def run_load(url: str, *, clients: int, seconds: float, seed: int = SEED) -> dict[str, object]:
    """Run ``clients`` concurrent clients for ``seconds`` against the server at ``url``; return
    the requests, errors and latency percentiles (ms), in all and per route family."""
    ids = sample_ids(url)
    deadline = time.monotonic() + seconds
    per_client = [defaultdict(Tally) for _ in range(clients)]
    threads = [threading.Thread(target=_client, args=(url, ids, seed + n, deadline, per_client[n]))
               for n in range(clients)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    families: dict[str, Tally] = defaultdict(Tally)
    for tallies in per_client:
        for family, tally in tallies.items():
            families[family].add(tally)
    everything = Tally()
    for tally in families.values():
        everything.add(tally)

    def row(tally: Tally) -> dict[str, object]:
        return {"requests": len(tally.latencies), "errors": tally.errors,
                **{f"p{p}_ms": round(percentile(tally.latencies, p), 1) for p in PERCENTILES},
                "max_ms": round(max(tally.latencies, default=0.0), 1), "failed": tally.examples}

    return {"clients": clients, "seconds": round(elapsed, 1),
            "requests_per_s": round(len(everything.latencies) / elapsed, 1),
            "all": row(everything),
            "families": {family: row(families[family]) for family, _, _ in MIX if family in families}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--db", help="the ledger to serve (SQLite path or URL); default: the demo "
                                     "ledger built in a temporary folder")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    folder = None
    target = args.db
    built: dict[str, int] | str = f"reused {args.db}"
    if target is None:
        folder = tempfile.TemporaryDirectory(prefix="claimledger-load-")
        target = str(Path(folder.name) / "ledger.db")
        built = build_demo_ledger(Path(target))
    proc, url = start_server(target)
    try:
        result = run_load(url, clients=args.clients, seconds=args.seconds)
    finally:
        proc.terminate()
        proc.wait()
        if folder is not None:
            folder.cleanup()
    result = {"ledger": built, **result}
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"ledger: {built}")
    print(f"{args.clients} clients for {result['seconds']} s: {result['all']['requests']} requests "
          f"({result['requests_per_s']}/s), {result['all']['errors']} errors")
    print(f"{'family':10} {'requests':>9} {'errors':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8}")
    for family, row in [*result["families"].items(), ("all", result["all"])]:
        print(f"{family:10} {row['requests']:>9} {row['errors']:>7} {row['p50_ms']:>8} "
              f"{row['p95_ms']:>8} {row['p99_ms']:>8} {row['max_ms']:>8}")
        for failed in row["failed"]:
            print(f"  {failed}")


if __name__ == "__main__":
    main()
