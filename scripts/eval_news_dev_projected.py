"""Score Russian/Ukrainian attribution on NTREX-128's translations of the news development set, line by line.

The English gold of tests/data/news_dev is projected onto the line-aligned Russian and Ukrainian references
(claimledger.evaluate.news_dev_projected); the texts are read in place from the NTREX-128 folder, never copied.

    .venv/bin/python scripts/eval_news_dev_projected.py [--languages en ru uk] [--split report] [--errors 20]

Tune on the ``tune`` split, report the ``report`` split (tests/data/news_dev/README.md).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from build_news_dev import ANNOTATIONS, DEFAULT_NTREX  # the same folders; it puts src/ on the path

from claimledger.errors import ClaimledgerError
from claimledger.evaluate.news_dev_projected import projected_documents, score_lines
from claimledger.evaluate.predictions import predict_records


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ntrex", type=Path, default=DEFAULT_NTREX, help="the NTREX-128 folder")
    parser.add_argument("--languages", nargs="+", default=["en", "ru", "uk"])
    parser.add_argument("--split", choices=["tune", "report", "all"], default="report")
    parser.add_argument("--errors", type=int, default=0, help="list up to N missed and N spurious lines")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    figures = {}
    try:
        for language in args.languages:
            records = projected_documents(ANNOTATIONS, args.ntrex, language,
                                          None if args.split == "all" else args.split)
            scores = score_lines(records, predict_records(records))
            figures[language] = scores.figures()
            if not args.json:
                f = figures[language]
                print(f"{language} {args.split}: lines holding an attribution P {f['precision']:.3f} "
                      f"R {f['recall']:.3f} F1 {f['f1']:.3f} (tp {f['tp']}, fp {f['fp']}, fn {f['fn']})")
                for kind, lines in (("missed", scores.missed), ("spurious", scores.spurious)):
                    for doc_id, line in lines[:args.errors]:
                        print(f"  {kind:8} {doc_id}: {line[:160]}")
    except ClaimledgerError as exc:
        print(f"eval_news_dev_projected: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
