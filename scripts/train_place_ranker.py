"""Train the event place ranker (extract/event_places/place_ranker.py) and write src/claimledger/data/place_ranker.npz.

Training data, read in place (never copied): the tune halves of the project's gold files,
tests/data/war_reports_dev.jsonl (records with meta.split "tune") and tests/data/attribution_dev.jsonl
(even article index, counting from 0); ``--gold`` takes whole files instead. The
pipeline runs on their texts; each gold event matched to a predicted one (the scorer's matching,
evaluate/events.py) labels the candidates of the predicted trigger: a candidate is positive when its key
is one of the gold event's places. Headlines count as texts of their own.

Model selection: grouped K-fold cross-validation by document over the L2 penalty and the probability
threshold, scored as the evaluator scores event places (the picked set equals the gold set), against the
rules' own keys on the same events. The report halves are never read here.

    PYTHONPATH=src python scripts/train_place_ranker.py [--gold FILE ...] [--folds 5] [--dry-run]

Measured 2026-12-04 (see extract/event_places/place_ranker.py): cross-validated 0.709 against the rules' 0.700, drop
threshold 0.4, penalty 10; not packaged, as the report halves did not gain.
"""
from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from claimledger.evaluate.events import match_mentions, place_aliases, read_mentions
from claimledger.evaluate.predictions import predict_records, read_gold
from claimledger.evaluate.scores import normalise_label
from claimledger.extract.event_places import place_ranker

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = (ROOT / "tests/data/war_reports_dev.jsonl", ROOT / "tests/data/attribution_dev.jsonl")


def tune_half(path: Path | str, records: list[dict]) -> list[dict]:
    """The tune half of a default gold file (meta.split, else even article index); other files whole."""
    if Path(path).name == "war_reports_dev.jsonl":
        return [r for r in records if (r.get("meta") or {}).get("split") == "tune"]
    if Path(path).name == "attribution_dev.jsonl":
        return records[::2]
    return records


PENALTIES = (0.3, 1.0, 3.0, 10.0)  # L2 penalties tried (on the sum of the log-loss, bias not penalised)
# Grid of (add, drop) thresholds: a key the rules did not pick is added at p >= add, one they picked is
# dropped at p < drop; (1.01, 0.0) is the rules alone, equal values a free choice by the ranker.
ADD = (0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
DROP = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
THRESHOLDS = tuple((a, d) for a in ADD for d in DROP)
SEED = 7


def collect(paths: Sequence[str]) -> list[dict]:
    """One item per matched (gold, predicted) event: candidate features, labels, rule keys, gold set."""
    seen: dict[tuple[str, tuple[int, int]], tuple[place_ranker.Setting, list[place_ranker.Candidate]]] = {}
    original = place_ranker.choose_place_keys

    def recording(setting, places, clues):
        seen[(setting.text, tuple(setting.trigger))] = (setting, place_ranker.candidates(setting, places, clues()))
        return setting.rule_keys

    place_ranker.choose_place_keys = recording
    try:
        items = []
        for path in paths:
            gold = tune_half(path, read_gold(path)) if path in DEFAULT_GOLD else read_gold(path)
            predicted = {r["id"]: r for r in predict_records(gold)}
            for record in gold:
                guess = predicted.get(record["id"], {})
                texts = [(record["text"], record, guess)]
                if record.get("title") and isinstance(record.get("title_layers"), dict):
                    texts.append((record["title"], record["title_layers"], guess.get("title_layers") or {}))
                for text, gold_layers, guess_layers in texts:
                    items += _matched(f"{path}:{record['id']}", text, gold_layers, guess_layers, seen)
        return items
    finally:
        place_ranker.choose_place_keys = original


def _matched(doc_id: str, text: str, gold_layers: dict, guess_layers: dict, seen: dict) -> list[dict]:
    if gold_layers.get("events") is None:
        return []
    gold_aliases = place_aliases(gold_layers.get("places"))
    guess_aliases = place_aliases(guess_layers.get("places"))
    gold = read_mentions(gold_layers["events"], doc_id, gold_aliases)
    guess = read_mentions(guess_layers.get("events") or [], doc_id, guess_aliases)
    out = []
    for i, j in match_mentions(gold, guess).items():
        found = seen.get((text, tuple(guess[j].trigger)))
        if found is None:
            continue
        setting, rows = found
        norm = lambda k: guess_aliases.get(normalise_label(k), normalise_label(k))
        out.append({"doc": doc_id, "gold": gold[i].places, "rule": frozenset(map(norm, setting.rule_keys)),
                    "keys": [norm(r.key) for r in rows],
                    "x": np.array([r.features for r in rows]).reshape(-1, len(place_ranker.FEATURES)),
                    "y": np.array([float(norm(r.key) in gold[i].places) for r in rows]),
                    "cyrillic": setting.cyrillic})
    return out


def fit(x: np.ndarray, y: np.ndarray, penalty: float, iterations: int = 50) -> np.ndarray:
    """L2-penalised logistic regression by Newton's method (the bias, feature 0, is not penalised)."""
    w = np.zeros(x.shape[1])
    reg = np.full(x.shape[1], penalty)
    reg[0] = 1e-6
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + reg * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def accuracy(items: Sequence[dict], w: np.ndarray | None, threshold: tuple[float, float]) -> float:
    """Share of events whose picked set equals the gold set (the rules' keys when ``w`` is None)."""
    right = 0
    for item in items:
        if w is None:
            picked = item["rule"]
        else:
            p = 1.0 / (1.0 + np.exp(-(item["x"] @ w))) if len(item["keys"]) else np.zeros(0)
            add, drop = threshold
            picked = frozenset(k for k, q in zip(item["keys"], p) if q >= (drop if k in item["rule"] else add))
            picked |= item["rule"] - set(item["keys"])
        right += picked == item["gold"]
    return right / max(1, len(items))


def stack(items: Sequence[dict]) -> tuple[np.ndarray, np.ndarray]:
    xs = [i["x"] for i in items if len(i["keys"])]
    ys = [i["y"] for i in items if len(i["keys"])]
    return np.vstack(xs), np.concatenate(ys)


def cross_validate(items: Sequence[dict], folds: int, repeats: int = 3) -> dict[tuple[float, float], float]:
    """Mean held-out accuracy per (penalty, threshold) over ``repeats`` grouped K-fold splits by document."""
    docs = sorted({i["doc"] for i in items})
    scores: dict[tuple[float, float], list[float]] = {}
    rule_scores = []
    for r in range(repeats):
        order = np.random.default_rng(SEED + r).permutation(len(docs))
        fold_of = {docs[k]: n % folds for n, k in enumerate(order)}
        for fold in range(folds):
            train = [i for i in items if fold_of[i["doc"]] != fold]
            test = [i for i in items if fold_of[i["doc"]] == fold]
            x, y = stack(train)
            rule_scores.append((accuracy(test, None, (0, 0)), len(test)))
            for penalty in PENALTIES:
                w = fit(x, y, penalty)
                for t in THRESHOLDS:
                    scores.setdefault((penalty, t), []).append((accuracy(test, w, t), len(test)))
    mean = lambda pairs: sum(a * n for a, n in pairs) / sum(n for _, n in pairs)
    out = {k: mean(v) for k, v in scores.items()}
    out[("rules", (0, 0))] = mean(rule_scores)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", nargs="+", default=list(DEFAULT_GOLD), help="whole gold files to train on")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--dry-run", action="store_true", help="cross-validate only, write nothing")
    parser.add_argument("--penalty", type=float, help="fit with this penalty instead of the cross-validated one")
    parser.add_argument("--thresholds", type=float, nargs=2, metavar=("ADD", "DROP"),
                        help="write these add/drop thresholds instead of the cross-validated ones")
    parser.add_argument("--out", default=str(ROOT / "src/claimledger/data" / place_ranker.MODEL_FILE))
    args = parser.parse_args()
    items = collect(args.gold)
    covered = sum(i["gold"] <= set(i["keys"]) for i in items)
    print(f"{len(items)} matched events, {sum(len(i['keys']) for i in items)} candidates; gold set within "
          f"the candidates: {covered / len(items):.3f}; rules right: {accuracy(items, None, (0, 0)):.3f}")
    cv = cross_validate(items, args.folds)
    rules = cv.pop(("rules", (0, 0)))
    best = max(cv, key=lambda k: (round(cv[k], 4), k[0], k[1][0], -k[1][1]))  # ties: simpler, nearer the rules
    print(f"cross-validated ({args.folds} folds by document, 3 repeats): rules {rules:.3f}; ranker best "
          f"{cv[best]:.3f} at penalty {best[0]}, add/drop thresholds {best[1]}")
    for penalty in PENALTIES:
        print(f"  penalty {penalty}:")
        for add in ADD:
            print(f"    add {add:4}: " + " ".join(f"drop {d}:{cv[(penalty, (add, d))]:.3f}" for d in DROP))
    if args.penalty is not None or args.thresholds:
        best = (args.penalty if args.penalty is not None else best[0],
                tuple(args.thresholds) if args.thresholds else best[1])
        print(f"chosen by hand: penalty {best[0]}, add/drop thresholds {best[1]}")
    x, y = stack(items)
    w = fit(x, y, best[0])
    print(f"fit on all: accuracy {accuracy(items, w, best[1]):.3f}")
    for name, weight in sorted(zip(place_ranker.FEATURES, w), key=lambda p: -abs(p[1])):
        print(f"  {name:24s} {weight:+.3f}")
    if not args.dry_run:
        np.savez(args.out, weights=w, add_threshold=np.array(best[1][0]), drop_threshold=np.array(best[1][1]),
                 features=np.array(place_ranker.FEATURES))
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
