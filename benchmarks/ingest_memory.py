"""Peak memory of the real ``claimledger ingest`` process, and of its workers, against corpus size.

Run from the repository root:

    .venv/bin/python benchmarks/ingest_memory.py                      # 1,000 and 10,000 passages
    .venv/bin/python benchmarks/ingest_memory.py --docs 1000 --words 40 --workers 1 --json

What it does, for each size (see benchmarks/README.md, "Memory at scale"):

1. Writes a JSONL file of ``--docs`` documents, streamed (never held in memory): the English
   articles of the bundled corpus cut into passages of about ``--words`` words at sentence ends
   (throughput.py's passages), repeated in order, each repeat with its own id and a marker line
   ``[benchmark copy N]`` so that no two texts are the same and none is a duplicate.
2. Runs ``claimledger ingest DB FILE --workers N`` into a new SQLite ledger in a fresh process,
   as a user would, and every ``POLL_S`` reads ``VmHWM`` (peak RSS) and ``VmRSS`` from
   /proc of that process and of every process under it (the fork server and its workers).
3. Prints the documents stored, the time and rate, the main process's peak RSS and the largest
   peak of the processes under it. Bounded memory means both stay flat as ``--docs`` grows.

It asserts nothing: it is a benchmark, not a test. Linux only (/proc).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DEFAULT_CORPUS, load_passages  # noqa: E402  (a sibling benchmark)

DEFAULT_SIZES = (1_000, 10_000)
# Words per passage: short reports keep 10,000 documents through the real pipeline to minutes on
# one core while the per-document costs (the store, the claims index) are paid as often as with
# long ones.
DEFAULT_WORDS = 40
POLL_S = 0.5  # how often /proc is read; VmHWM is the kernel's own peak, so none is missed


def write_corpus(path: Path, corpus: Path, words: int, size: int) -> int:
    """Write ``size`` distinct JSONL documents made from the corpus passages to ``path``; return
    the number of words written."""
    passages = load_passages(corpus, words)
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for number in range(size):
            passage = passages[number % len(passages)]
            copy = number // len(passages)
            text = f"{passage.text}\n\n[benchmark copy {copy}]"
            total += len(text.split())
            out.write(json.dumps({"id": f"{passage.id}-m{copy}", "text": text, "language": "en",
                                  "outlet": passage.outlet,
                                  "published": str(passage.published) if passage.published else None},
                                 ensure_ascii=False) + "\n")
    return total


def process_tree(root: int) -> Iterator[int]:
    """Yield ``root`` and the ids of every live process under it."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    stack = [root]
    while stack:
        pid = stack.pop()
        yield pid
        stack.extend(children.get(pid, ()))


def memory_mb(pid: int) -> tuple[float, float] | None:
    """Return (peak RSS, RSS now) of ``pid`` in MB from /proc, or None once it has gone."""
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    values = {line.split(":")[0]: line.split()[1] for line in lines if line.startswith(("VmHWM", "VmRSS"))}
    if "VmHWM" not in values:
        return None
    return int(values["VmHWM"]) / 1024, int(values["VmRSS"]) / 1024


def run_ingest(db: Path, path: Path, workers: int) -> dict[str, Any]:
    """Run ``claimledger ingest`` on ``path`` and return its time, output and peak memory."""
    command = [sys.executable, "-m", "claimledger", "ingest", str(db), str(path), "--workers", str(workers)]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    main_peak = under_peak = under_now = 0.0
    seen: set[int] = set()
    while proc.poll() is None:
        for pid in process_tree(proc.pid):
            figures = memory_mb(pid)
            if figures is None:
                continue
            if pid == proc.pid:
                main_peak = max(main_peak, figures[0])
            else:
                seen.add(pid)
                under_peak, under_now = max(under_peak, figures[0]), max(under_now, figures[1])
        time.sleep(POLL_S)
    out, err = proc.communicate()
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"ingest failed ({proc.returncode}):\n{err.strip()[-2000:]}")
    return {"seconds": round(seconds, 1), "output": out.strip().splitlines()[-1] if out.strip() else "",
            "main_peak_rss_mb": round(main_peak, 1), "workers_peak_rss_mb": round(under_peak, 1),
            "processes_under_main": len(seen)}


def measure(corpus: Path, words: int, size: int, workers: int) -> dict[str, Any]:
    """Return the figures of one ingest of ``size`` generated documents into a new ledger."""
    with tempfile.TemporaryDirectory(prefix="claimledger-memory-") as folder:
        path, db = Path(folder) / "docs.jsonl", Path(folder) / "ledger.db"
        words_written = write_corpus(path, corpus, words, size)
        result = run_ingest(db, path, workers)
        result["ledger_mb"] = round(db.stat().st_size / 2**20, 1) if db.exists() else 0.0
    return {"docs": size, "words": words_written, "workers": workers,
            "docs_per_s": round(size / result["seconds"], 1), **result}


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, measure each size and print a table (or JSON lines)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, nargs="+", default=list(DEFAULT_SIZES))
    parser.add_argument("--words", type=int, default=DEFAULT_WORDS, help="words per passage")
    parser.add_argument("--workers", type=int, default=1, help="ingest --workers")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", action="store_true", help="print one JSON object per size")
    args = parser.parse_args(argv)
    for size in args.docs:
        row = measure(args.corpus, args.words, size, args.workers)
        if args.json:
            print(json.dumps(row), flush=True)
        else:
            print(f"{row['docs']:>7} docs ({row['words']} words), {row['workers']} worker(s): "
                  f"{row['seconds']} s, {row['docs_per_s']} docs/s; peak RSS main "
                  f"{row['main_peak_rss_mb']} MB, workers {row['workers_peak_rss_mb']} MB "
                  f"({row['processes_under_main']} processes); ledger {row['ledger_mb']} MB; "
                  f"{row['output']}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
