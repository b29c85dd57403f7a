"""Shared fixtures: paths to the bundled data and the loaded NLP pipelines."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TEST_DATA = ROOT / "tests" / "data"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return EXAMPLES / "kharkiv_buffer_zone.txt"


@pytest.fixture(scope="session")
def sample_text(sample_path: Path) -> str:
    return sample_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp_en():
    from claimledger.extract.nlp import load_english

    return load_english()


# -- the web view (tests/test_api.py, tests/test_pages.py) -------------------------------------
SERVE_CORPUS_LINES = 20  # corpus articles in the served test ledger: enough for every page


def start_ledger_server(db: Path, *args: str):
    """Start `claimledger serve DB` on a free port; return (process, base URL) once it answers."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # The server's log goes to a file (a pipe nobody reads would fill up and stall it).
    log = Path(db).parent / f"serve-{port}.log"
    with open(log, "w", encoding="utf-8") as handle:
        proc = subprocess.Popen([sys.executable, "-m", "claimledger", "serve", str(db), "--port",
                                 str(port), *args], stdout=subprocess.DEVNULL, stderr=handle)
    url = f"http://127.0.0.1:{port}"
    while True:  # readiness poll, as long as the process lives (no wall-clock limit)
        if proc.poll() is not None:
            raise RuntimeError(f"claimledger serve exited: {log.read_text(encoding='utf-8')}")
        try:
            urllib.request.urlopen(url + "/static/favicon.svg", timeout=5).close()
            return proc, url
        except urllib.error.HTTPError:  # it answers: 401 when a token is required
            return proc, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)


@pytest.fixture(scope="session")
def served_db(tmp_path_factory, examples_dir: Path) -> Path:
    """A ledger of the sample, part of the corpus, the raw pages and tests/fixtures/serve articles,
    with its claims linked into stories."""
    from claimledger.build import ingest_paths
    from claimledger.link import link_ledger
    from claimledger.store import open_ledger

    folder = tmp_path_factory.mktemp("served")
    corpus = folder / "corpus.jsonl"
    lines = (examples_dir / "corpus" / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    corpus.write_text("\n".join(lines[:SERVE_CORPUS_LINES]) + "\n", encoding="utf-8")
    with open_ledger(folder / "ledger.db") as ledger:
        ingest_paths(ledger, [str(examples_dir / "kharkiv_buffer_zone.txt"), str(corpus),
                              str(examples_dir / "raw"), str(ROOT / "tests/fixtures/serve/articles.jsonl")])
        link_ledger(ledger)
    return folder / "ledger.db"


@pytest.fixture(scope="session")
def served_url(served_db: Path):
    """Base URL of `claimledger serve` running on served_db in its own process."""
    proc, url = start_ledger_server(served_db)
    yield url
    proc.terminate()
    proc.wait()
