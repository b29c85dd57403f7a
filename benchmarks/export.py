"""Parquet export against the CSV export of the same ledger: time, size and peak memory.

Run from the repository root:

    .venv/bin/python benchmarks/export.py --db ledger.db          # a ledger you have (read only)
    .venv/bin/python benchmarks/export.py --articles 10000         # the API benchmark's store
    .venv/bin/python benchmarks/export.py --db ledger.db --json

What it does:

1. Takes the ledger ``--db`` names, or builds the store of ``benchmarks/api.py`` (the bundled
   corpus analysed once, repeated to ``--articles``) in a temp folder.
2. Times, in this process and alternating (csv, parquet, parquet by month, then the reverse, best of
   ``--repeats``) so drift on the machine hits all alike: ``export --format csv`` (the claims) and
   ``--format parquet`` with and without ``--partition-by month`` (claims, events, places, links,
   stories). The figure to read is the ratio to CSV.
3. Compares sizes: the claims CSV against ``claims.parquet`` (the same rows) and against the whole
   Parquet folder (all tables).
4. Runs each export once more as the command line in a fresh process and reads its peak RSS
   (VmHWM), to check that memory does not grow with the ledger.

It asserts nothing: it is a benchmark, not a test.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def _size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _export(db: Path, kind: str, target: Path) -> None:
    from claimledger.export import write_claims_csv
    from claimledger.export_parquet import export_parquet
    from claimledger.store import open_ledger

    with open_ledger(db, create=False) as ledger:
        if kind == "csv":
            with open(target, "w", encoding="utf-8", newline="") as out:
                write_claims_csv(ledger.iter_claims(), out)
        else:
            export_parquet(ledger, target, partition_by="month" if kind == "parquet_month" else None)


def _clear(target: Path) -> None:
    if target.is_dir():
        shutil.rmtree(target)
    else:
        target.unlink(missing_ok=True)


def time_exports(db: Path, work: Path, repeats: int) -> tuple[dict[str, float], dict[str, Path]]:
    """Return the best time of each export (s) and where its last run wrote."""
    kinds = ("csv", "parquet", "parquet_month")
    targets = {"csv": work / "claims.csv", "parquet": work / "parquet", "parquet_month": work / "parquet_month"}
    best = {kind: float("inf") for kind in kinds}
    for run in range(repeats):
        for kind in (kinds if run % 2 == 0 else tuple(reversed(kinds))):
            _clear(targets[kind])
            started = time.perf_counter()
            _export(db, kind, targets[kind])
            best[kind] = min(best[kind], time.perf_counter() - started)
    return best, targets


# Run in the child: the command line, then its peak RSS (VmHWM of this process alone: wait4's
# ru_maxrss of a child starts from the parent's size at fork).
_CHILD = """
import atexit, sys
def peak():
    with open("/proc/self/status") as status:
        kb = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"VmHWM {kb}\\n")
atexit.register(peak)
from claimledger.cli import main
main(sys.argv[1:], prog_name="claimledger")
"""


def peak_rss(db: Path, work: Path) -> dict[str, float]:
    """Return the peak RSS (MB) of each export run as the command line in a fresh process."""
    commands = {"csv": ["--format", "csv", "-o", str(work / "rss.csv")],
                "parquet": ["--format", "parquet", "-o", str(work / "rss_parquet")],
                "parquet_month": ["--format", "parquet", "-o", str(work / "rss_month"), "--partition-by", "month"]}
    found = {}
    for kind, args in commands.items():
        done = subprocess.run([sys.executable, "-c", _CHILD, "export", str(db), *args],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if done.returncode:
            raise SystemExit(f"claimledger export {' '.join(args)} exited {done.returncode}: {done.stderr}")
        kb = next(line.split()[1] for line in done.stderr.splitlines() if line.startswith("VmHWM "))
        found[kind] = round(int(kb) / 1024, 1)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="the ledger to export (built with --articles when missing)")
    parser.add_argument("--articles", type=int, default=10_000, help="size of the store built without --db")
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="claimledger-export-bench-"))
    try:
        db = args.db
        if db is None or not db.exists():
            from api import build_store

            db = db or work / "ledger.db"
            build_store(db, args.articles)
        from claimledger.store import open_ledger

        with open_ledger(db, create=False) as ledger:
            counts = ledger.counts()
        times, targets = time_exports(db, work, args.repeats)
        csv_bytes = _size(targets["csv"])
        result = {
            "ledger": {k: counts[k] for k in ("articles", "claims", "events", "places")},
            "seconds": {k: round(v, 2) for k, v in times.items()},
            "time_to_csv": {k: round(v / times["csv"], 2) for k, v in times.items()},
            "bytes": {"claims.csv": csv_bytes, "claims.parquet": _size(targets["parquet"] / "claims.parquet"),
                      "parquet folder": _size(targets["parquet"]),
                      "parquet by month": _size(targets["parquet_month"])},
            "peak_rss_mb": peak_rss(db, work),
        }
        result["size_to_csv"] = {k: round(v / csv_bytes, 3) for k, v in result["bytes"].items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.json:
        print(json.dumps(result, indent=1))
        return
    print(f"ledger: {result['ledger']}")
    for kind in times:
        print(f"{kind:14} {result['seconds'][kind]:>8} s  {result['time_to_csv'][kind]:>5}x csv time  "
              f"peak RSS {result['peak_rss_mb'][kind]} MB")
    for name, size in result["bytes"].items():
        print(f"{name:16} {size / 1e6:>9.2f} MB  {result['size_to_csv'][name]:>6}x the claims CSV")


if __name__ == "__main__":
    main()
