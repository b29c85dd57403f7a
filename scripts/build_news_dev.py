"""Build the gold records of the open general-news development set from NTREX-128 and our annotations.

The texts stay in the NTREX-128 folder (CC BY-SA 4.0, used in place); the repository holds only
``tests/data/news_dev/annotations.jsonl`` (offsets). The output goes to a build folder, never into
the repository:

    .venv/bin/python scripts/build_news_dev.py [--ntrex /work/shared/data/training/ntrex128] [--out build/news_dev]
    claimledger eval build/news_dev/report.jsonl --errors 20

Writes ``all.jsonl``, ``tune.jsonl`` (the half rules may be tuned on) and ``report.jsonl`` (the half
only ever scored); see tests/data/news_dev/README.md.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from claimledger.errors import ClaimledgerError  # noqa: E402
from claimledger.evaluate.news_dev import SPLITS, build_news_dev  # noqa: E402

DEFAULT_NTREX = ROOT.parent / "shared" / "data" / "training" / "ntrex128"
ANNOTATIONS = ROOT / "tests" / "data" / "news_dev" / "annotations.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ntrex", type=Path, default=DEFAULT_NTREX, help="the NTREX-128 folder")
    parser.add_argument("--annotations", type=Path, default=ANNOTATIONS)
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "news_dev")
    args = parser.parse_args()
    try:
        parts = {"all": build_news_dev(args.annotations, args.ntrex)}
        parts.update({split: build_news_dev(args.annotations, args.ntrex, split) for split in SPLITS})
    except ClaimledgerError as exc:
        print(f"build_news_dev: {exc}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, records in parts.items():
        with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as stream:
            for record in records:
                stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        attributions = sum(len(r["attributions"]) for r in records)
        print(f"{args.out / f'{name}.jsonl'}: {len(records)} documents, {attributions} attributions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
