"""`claimledger ingest --workers N` next to bare spaCy's `nlp.pipe(n_process=N)`, in one run.

Writes distinct English passages of about 150 words (the corpus of ingest_link.py: shared/data/corpus
where it exists, 1,699 English passages, else the bundled examples; ``--language`` picks another) as one
JSONL file and times, each as a fresh process from start to exit:

- ``ingest``: `python -m claimledger ingest DB FILE --workers N` into a new SQLite ledger (reading,
  language, analysis, storing: the whole command), for each N of ``--workers``;
- ``spacy``: a process that loads the same spaCy model with the same components and runs
  `nlp.pipe(texts, batch_size=32, n_process=N)` over the same texts (the model alone, nothing stored);
- with ``--dask``, ``dask``: `ingest --dask local --workers N`, the same batches on a dask LocalCluster
  of N worker processes (its speed-up is against the one-process ingest).

Runs alternate (spacy 1, ingest 1, spacy 2, ingest 2, then the other way round) and the best of
``--repeats`` is kept, so drift on a shared machine hits both alike. The figures to read are the
speed-ups (N processes against one) of each and the ingest rate as a share of bare spaCy's at the same N.
It also checks that every N stored the same ledger (`export --format jsonl` identical).

    .venv/bin/python benchmarks/workers.py                       # 600 passages, 1 and 2 processes
    .venv/bin/python benchmarks/workers.py --docs 2000 --json
    .venv/bin/python benchmarks/workers.py --dask                # and a dask LocalCluster of 1 and 2
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_link import CORPUS, passages  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"

# The bare spaCy run: the pipeline's own model loader (same model, same components), then the pipe.
SPACY_SCRIPT = """
import json, sys
from claimledger.extract.language.nlp import load_english
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = load_english()
for _ in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    pass
"""


KINDS = ("spacy", "ingest")  # what is always timed; "dask" with --dask


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(SRC), os.environ.get("PYTHONPATH")]))}


# prctl(PR_SET_CHILD_SUBREAPER): the fork server and the workers it forks, orphaned when a command exits,
# are reaped by this process, so their CPU time is counted with the command's (Linux only).
PR_SET_CHILD_SUBREAPER = 36


def become_subreaper() -> bool:
    """Make this process the reaper of its orphaned descendants; whether that worked."""
    try:
        import ctypes

        return ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _reap_orphans() -> None:
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_process(command: list[str]) -> tuple[float, float, float]:
    """Seconds a command takes from start to exit (it must succeed), the CPU seconds of its own process,
    and of everything it started (fork server and workers included when this process is a subreaper).
    CPU seconds hardly change with the machine's load, unlike the wall clock."""
    cpu_before = _children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen(command, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-2000:]}")
    _reap_orphans()
    return seconds, usage.ru_utime + usage.ru_stime, _children_cpu() - cpu_before


def time_ingest(work: Path, data: Path, workers: int, dask: bool = False) -> tuple[tuple[float, float, float], str]:
    """Seconds and CPU seconds (``time_process``) of one ingest into a fresh ledger with ``workers``
    processes (of a dask LocalCluster with ``dask``), and a digest of its export."""
    db = work / f"bench-{workers}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    seconds = time_process([sys.executable, "-m", "claimledger", "ingest", str(db), str(data),
                            "--workers", str(workers), *(["--dask", "local"] if dask else [])])
    export = subprocess.run([sys.executable, "-m", "claimledger", "export", str(db), "--format", "jsonl"],
                            env=_env(), capture_output=True, check=True).stdout
    return seconds, hashlib.sha256(export).hexdigest()


def time_spacy(data: Path, processes: int) -> tuple[float, float, float]:
    """Seconds and CPU seconds (``time_process``) of a fresh process loading the model and parsing every
    text with ``processes`` processes."""
    return time_process([sys.executable, "-c", SPACY_SCRIPT, str(data), str(processes)])


def measure(data: Path, work: Path, counts: list[int], repeats: int, kinds: tuple[str, ...] = KINDS) -> dict:
    """Best seconds of each run, alternating the order per repeat; and the export digests."""
    best: dict[str, dict[int, float]] = {kind: {} for kind in kinds}
    runs: dict[str, dict[int, list[float]]] = {kind: {n: [] for n in counts} for kind in kinds}
    # fewest CPU seconds of each: [main process, all processes]
    cpu: dict[str, dict[int, list[float]]] = {kind: {} for kind in kinds}
    digests: dict[tuple[str, int], str] = {}
    for repeat in range(repeats):
        steps = [(kind, n) for n in counts for kind in kinds]
        for kind, n in steps if repeat % 2 == 0 else steps[::-1]:
            print(f"  {kind} with {n} process(es) ...", file=sys.stderr)
            if kind == "spacy":
                seconds, main_cpu, all_cpu = time_spacy(data, n)
            else:
                (seconds, main_cpu, all_cpu), digests[kind, n] = time_ingest(work, data, n, kind == "dask")
            runs[kind][n].append(seconds)
            best[kind][n] = min(best[kind].get(n, seconds), seconds)
            low = cpu[kind].get(n, [main_cpu, all_cpu])
            cpu[kind][n] = [min(low[0], main_cpu), min(low[1], all_cpu)]
    return {"best": best, "runs": runs, "cpu": cpu, "digests": digests}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=600, help="distinct passages to ingest (default 600)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="process counts to time (default 1 2; the first is the reference)")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each, best kept (default 2)")
    parser.add_argument("--language", default="en",
                        help="passages of this language (en, uk; 'all' for both; default en)")
    parser.add_argument("--dask", action="store_true", help="also time ingest on a dask LocalCluster")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    subreaper = become_subreaper()
    rows = [r for r in passages(10**9) if args.language in ("all", r["language"])][:args.docs]
    load_start = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        data = work / "articles.jsonl"
        data.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        # one untimed ingest first: builds the gazetteer cache and warms the page cache for both kinds
        print("warming up ...", file=sys.stderr)
        time_ingest(work, data, 1)
        figures = measure(data, work, args.workers, args.repeats, KINDS + (("dask",) if args.dask else ()))
    best, reference = figures["best"], args.workers[0]
    words = sum(len(r["text"].split()) for r in rows)
    languages: dict[str, int] = {}
    for r in rows:
        languages[r["language"]] = languages.get(r["language"], 0) + 1
    summary = {
        "corpus": str(CORPUS), "docs": len(rows), "words": words, "languages": languages,
        "cores": os.cpu_count(), "repeats": args.repeats,
        "load_average": {"start": list(load_start), "end": list(os.getloadavg())},
        "seconds": best, "runs": figures["runs"],
        "docs_per_s": {kind: {n: len(rows) / s for n, s in times.items()} for kind, times in best.items()},
        "speedup": {kind: {n: times[reference] / s for n, s in times.items()} for kind, times in best.items()},
        "ingest_over_spacy": {n: best["spacy"][n] / best["ingest"][n] for n in args.workers},
        # the dask LocalCluster's runs against the one-process ingest (no cluster)
        "dask_speedup_over_ingest": {n: best["ingest"][reference] / s for n, s in best["dask"].items()}
                                    if args.dask else None,
        # CPU seconds per 100 documents, fewest of the repeats: ingest's main process (its workers are the
        # fork server's children; spaCy's are its own, reaped and counted with it, so it has no such
        # figure), and all processes (fork server and workers counted when this process is their reaper)
        "main_cpu_per_100_docs": {"ingest": {n: 100 * c[0] / len(rows) for n, c in figures["cpu"]["ingest"].items()}},
        "all_cpu_per_100_docs": {kind: {n: 100 * c[1] / len(rows) for n, c in by_n.items()}
                                 for kind, by_n in figures["cpu"].items()} if subreaper else None,
        "same_ledger": len(set(figures["digests"].values())) == 1,
    }
    if args.json:
        print(json.dumps(summary, indent=1))
        return 0
    print(f"{len(rows)} distinct passages ({words:,} words; "
          + ", ".join(f"{k} {v}" for k, v in sorted(languages.items())) + f") from {CORPUS}")
    print(f"{os.cpu_count()} cores, best of {args.repeats}; load average "
          f"{' '.join(f'{x:.2f}' for x in load_start)} at start, "
          f"{' '.join(f'{x:.2f}' for x in summary['load_average']['end'])} at end")
    print(f"{'processes':>9}{'spaCy s':>9}{'docs/s':>8}{'speed-up':>10}{'ingest s':>10}{'docs/s':>8}"
          f"{'speed-up':>10}{'ingest/spaCy':>14}")
    for n in args.workers:
        print(f"{n:>9}{best['spacy'][n]:>9.1f}{summary['docs_per_s']['spacy'][n]:>8.1f}"
              f"{summary['speedup']['spacy'][n]:>9.2f}x{best['ingest'][n]:>10.1f}"
              f"{summary['docs_per_s']['ingest'][n]:>8.1f}{summary['speedup']['ingest'][n]:>9.2f}x"
              f"{summary['ingest_over_spacy'][n]:>14.2f}")
    for n in args.workers:
        main_cpu = summary["main_cpu_per_100_docs"]
        every = summary["all_cpu_per_100_docs"]
        print(f"{n} process(es), CPU s per 100 docs: ingest's main process {main_cpu['ingest'][n]:.2f}"
              + (f"; all processes spaCy {every['spacy'][n]:.2f}, ingest {every['ingest'][n]:.2f}" if every else ""))
    for n, ratio in (summary["dask_speedup_over_ingest"] or {}).items():
        print(f"dask LocalCluster of {n}: {best['dask'][n]:.1f} s, {summary['docs_per_s']['dask'][n]:.1f} docs/s, "
              f"{ratio:.2f}x the one-process ingest")
    print("same ledger for every run (export --format jsonl):", summary["same_ledger"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
