"""Cold start: `claimledger analyze` of one short report in a fresh process, and where its time goes.

Times, each as a fresh process (best of ``--repeats``, the first-run case once):

- ``analyze``: `python -m claimledger analyze examples/kharkiv_buffer_zone.txt` with the gazetteer's
  binary cache in place (every run on a machine but the first);
- ``first run``: the same with an empty cache folder (parses the gazetteer and writes the cache);
- ``bare spaCy``: a process that only imports spaCy and loads the English model (the floor of any
  program that parses English with it), as the reference the others are given as ratios of;
- the parts inside one fresh process: imports, language identification of the report, spaCy model,
  gazetteer, analysis.

``--other CHECKOUT`` times the same with another checkout's src/ in the same run (alternating), e.g. the
commit before the cache: `git worktree add /tmp/before <commit>`.

    .venv/bin/python benchmarks/cold_start.py
    .venv/bin/python benchmarks/cold_start.py --other /tmp/before --json
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "kharkiv_buffer_zone.txt"

PARTS_SCRIPT = """
import json, sys, time
from dataclasses import replace
start = time.perf_counter()
marks = {}
def mark(name):
    global start
    now = time.perf_counter(); marks[name] = now - start; start = now
import claimledger.cli, claimledger.pipeline
from claimledger.extract.places.gazetteer import load_gazetteer
from claimledger.extract.language.nlp import load_english
from claimledger.ingest import identify_language
from claimledger.models import Article
from claimledger.pipeline import analyse_article
mark("imports")
text = open(sys.argv[1], encoding="utf-8").read()
language = identify_language(text)
mark("language id")
load_english()
mark("spaCy model")
load_gazetteer()
mark("gazetteer")
analyse_article(Article(id="sample", text=text, language=language))
mark("analysis")
print(json.dumps(marks))
"""

BARE_SCRIPT = "from claimledger.extract.language.nlp import load_english; load_english()"


def run(src: Path, args: list[str], cache: Path) -> tuple[float, str]:
    """Seconds a fresh `python ARGS` takes with ``src`` first on the path, and its standard output."""
    env = {**os.environ, "PYTHONPATH": str(src), "CLAIMLEDGER_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{args} failed:\n{done.stderr[-2000:]}")
    return seconds, done.stdout


def measure(name: str, src: Path, cache: Path, repeats: int, results: dict) -> None:
    """Add one round of every measurement of checkout ``src`` to ``results[name]``."""
    figures = results.setdefault(name, {"analyze": [], "bare spaCy": [], "parts": []})
    if "first run" not in figures:
        with tempfile.TemporaryDirectory() as empty:
            figures["first run"] = run(src, ["-m", "claimledger", "analyze", str(SAMPLE)], Path(empty))[0]
    for _ in range(repeats):
        figures["analyze"].append(run(src, ["-m", "claimledger", "analyze", str(SAMPLE)], cache)[0])
        figures["bare spaCy"].append(run(src, ["-c", BARE_SCRIPT], cache)[0])
        figures["parts"].append(json.loads(run(src, ["-c", PARTS_SCRIPT, str(SAMPLE)], cache)[1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=3, help="fresh processes of each kind, best kept")
    parser.add_argument("--other", type=Path, help="another checkout to time in the same run (its src/)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    checkouts = [("this", ROOT / "src")] + ([("other", args.other / "src")] if args.other else [])
    load_start = os.getloadavg()
    results: dict = {}
    with tempfile.TemporaryDirectory() as cache_dir:
        cache = Path(cache_dir)
        run(ROOT / "src", ["-m", "claimledger", "analyze", str(SAMPLE)], cache)  # writes the cache
        for round_ in range(2):  # this, other, other, this
            for name, src in checkouts if round_ == 0 else checkouts[::-1]:
                print(f"  {name} ...", file=sys.stderr)
                measure(name, src, cache, args.repeats, results)
    summary: dict = {"load_average": {"start": list(load_start), "end": list(os.getloadavg())},
                     "cores": os.cpu_count(), "repeats": 2 * args.repeats}
    for name, figures in results.items():
        best = {key: min(figures[key]) for key in ("analyze", "bare spaCy")}
        parts = {part: min(p[part] for p in figures["parts"]) for part in figures["parts"][0]}
        summary[name] = {"analyze_s": best["analyze"], "first_run_s": figures["first run"],
                         "bare_spacy_s": best["bare spaCy"],
                         "analyze_over_bare_spacy": best["analyze"] / best["bare spaCy"],
                         "parts_s": parts, "runs": {k: figures[k] for k in ("analyze", "bare spaCy")}}
    if args.json:
        print(json.dumps(summary, indent=1))
        return 0
    print(f"{os.cpu_count()} cores, best of {2 * args.repeats} fresh processes; load average "
          f"{' '.join(f'{x:.2f}' for x in load_start)} at start, "
          f"{' '.join(f'{x:.2f}' for x in summary['load_average']['end'])} at end")
    names = [name for name, _ in checkouts]
    print(f"{'':<34}" + "".join(f"{name:>10}" for name in names))
    rows = [("analyze (cache in place), s", "analyze_s"), ("first run (cache written), s", "first_run_s"),
            ("bare spaCy import + model, s", "bare_spacy_s"), ("analyze / bare spaCy", "analyze_over_bare_spacy")]
    for label, key in rows:
        print(f"{label:<34}" + "".join(f"{summary[name][key]:>10.2f}" for name in names))
    print("parts in one fresh process, s:")
    for part in summary["this"]["parts_s"]:
        print(f"  {part:<32}" + "".join(f"{summary[name]['parts_s'][part]:>10.2f}" for name in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
