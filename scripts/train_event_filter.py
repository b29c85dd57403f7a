"""Train a learned event filter over the rules' events and measure it against the rules alone (issue 12).

The experiment and its figures: docs/event_filter_experiment.md. The filter is not wired into the
pipeline (it did not beat the rules); this script reproduces the measurement and can write weights.

Data, read in place (never copied into the repository): the tune halves of the two gold files with
events (``war_reports_dev`` and ``attribution_dev``, as ``<name>.tune.jsonl`` under --splits) train
and cross-validate; their report halves and the --internal file are only scored.

Each record's body and headline are analysed by the pipeline's extractors; every event the rules
propose is labelled 1 when the scorer (evaluate/events.py ``match_mentions``, same type) pairs it with
a gold event, else 0. With --widen, lexicon matches the trigger rules reject are proposed too (as
bare events of the lexicon's type), labelled 1 when they overlap a gold event of their type that the
rules missed. A logistic regression (numpy, L2, classes weighted equally) scores the proposals from
binary features (event_filter_features.py) and, with --vectors, the multilingual-e5-small vector of
the trigger's sentence or near context (link/multilingual.py; each text embedded once, cached). The
L2 strength and keep threshold are chosen by 5-fold cross-validation by document on the tune events,
maximising the sum of the simulated type F1 of English and Ukrainian bodies (2 TP / (gold + kept)),
which equals what ``claimledger eval`` reports for the rules alone.

    PYTHONPATH=src python scripts/train_event_filter.py --internal FILE            # lexical features
    PYTHONPATH=src python scripts/train_event_filter.py --vectors sentence --cv    # + encoder, CV table
    PYTHONPATH=src python scripts/train_event_filter.py --widen                    # + rejected matches
"""
from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from claimledger.evaluate.events import match_mentions, place_aliases, read_mentions
from claimledger.extract.language.cyrillic import CyrDoc
from claimledger.models import Event

sys.path.insert(0, str(Path(__file__).resolve().parent))
from event_filter_features import (  # noqa: E402
    context_text, features_en, features_ru_uk, rejected_matches_en, rejected_matches_ru_uk, sentence_text,
)

GOLD_FILES = ("war_reports_dev", "attribution_dev")
SEED = 7
FOLDS = 5
REPEATS = 3  # cross-validation repeated over this many shufflings of the documents into folds
L2_GRID = (0.003, 0.01, 0.03, 0.1, 0.3)  # L2 strength on the mean loss
THRESHOLDS = tuple(float(t) for t in np.round(np.arange(0.05, 0.95, 0.05), 2))
MIN_COUNT = 2  # a feature seen in fewer tune events is left out (it could only memorise one event)
SCORED_GROUPS = ("en", "uk")  # the per-language target: bodies (headlines are scored apart)
# Features of the rules' decisions that a rejected match (a bare event) has no value for.
DECISION_PREFIXES = ("polarity=", "modality=", "claimed=", "places=", "quantity=", "when=", "actor=",
                     "target=")


def _event_dicts(events) -> list[dict]:
    return [{"type": e.type, "trigger": list(e.trigger), "places": list(e.places), "claimed_by": e.claimed_by,
             "polarity": e.polarity, "modality": e.modality, "quantity": e.quantity, "when": e.when}
            for e in events]


def _rows(doc, events, places, gold_layer, record_id, group, widen) -> list[dict]:
    """One row per proposed event: features, sentence and context texts, label."""
    featurise = features_ru_uk if isinstance(doc, CyrDoc) else features_en
    gold = read_mentions(gold_layer.get("events") or [], f"gold {record_id}", place_aliases(gold_layer.get("places")))
    place_dicts = [{"text": p.text, "name": p.name, "ref": p.ref} for p in places]
    predicted = read_mentions(_event_dicts(events), f"predicted {record_id}", place_aliases(place_dicts))
    matching = match_mentions(gold, predicted)
    matched = set(matching.values())
    rows = [{"doc": record_id, "group": group, "proposal": "rules", "features": sorted(featurise(doc, e, events)),
             "sentence": sentence_text(doc, e), "context": context_text(doc, e), "label": int(j in matched)}
            for j, e in enumerate(events)]
    if not widen:
        return rows
    taken = [e.trigger for e in events]
    missed = {i for i in range(len(gold)) if i not in matching}
    rejected = rejected_matches_en(doc) if featurise is features_en else rejected_matches_ru_uk(doc)
    for kind, start, end, reasons in rejected:
        if any(start < b and a < end for a, b in taken):
            continue
        taken.append((start, end))
        event = Event(type=kind, trigger=(start, end))
        hit = next((i for i in missed if gold[i].type == kind and start < gold[i].trigger[1]
                    and gold[i].trigger[0] < end), None)
        missed.discard(hit)
        features = {f for f in featurise(doc, event, [*events, event]) if not f.startswith(DECISION_PREFIXES)}
        features |= {"proposal=rejected", *(f"why={r}" for r in reasons), *(f"why={r}:{kind}" for r in reasons)}
        rows.append({"doc": record_id, "group": group, "proposal": "rejected", "features": sorted(features),
                     "sentence": sentence_text(doc, event), "context": context_text(doc, event),
                     "label": int(hit is not None)})
    return rows


def analyse_file(path: Path, widen: bool) -> tuple[list[dict], dict[str, int], float]:
    """Return a gold file's proposals as rows, its gold event count per group, and the seconds spent
    computing features (the filter's own cost, parsing and rules excluded)."""
    from claimledger.extract.attribution.attribution import find_attributions
    from claimledger.extract.attribution.attribution_ru_uk import find_attributions_ru_uk
    from claimledger.extract.language.cyrillic import parse_cyrillic
    from claimledger.extract.events.events import find_events
    from claimledger.extract.events.events_ru_uk import find_events_ru_uk
    from claimledger.extract.places.gazetteer import load_gazetteer
    from claimledger.extract.language.nlp import load_english
    from claimledger.extract.places.places import find_places
    from claimledger.extract.places.places_ru_uk import find_places_ru_uk
    from claimledger.extract.attribution.voice import document_voice

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gazetteer, nlp = load_gazetteer(), load_english()
    rows, gold_counts, feature_seconds = [], defaultdict(int), 0.0
    for record in records:
        language, published = record["language"], record.get("published")
        parts = [("body", record["text"], record, document_voice(record.get("title"), published))]
        if record.get("title") and isinstance(record.get("title_layers"), dict):
            parts.append(("headlines", record["title"], record["title_layers"], None))
        for part, text, gold_layer, voice in parts:
            group = language if part == "body" else "headlines"
            gold_counts[group] += len(gold_layer.get("events") or [])
            if language == "en":
                doc = nlp(text)
                places = find_places(doc, gazetteer)
                events = find_events(doc, find_attributions(doc, published, voice), places, published)
            else:
                doc = parse_cyrillic(text, language)
                places = find_places_ru_uk(doc, gazetteer)
                events = find_events_ru_uk(doc, find_attributions_ru_uk(doc, voice), places, published)
            started = time.perf_counter()
            rows += _rows(doc, events, places, gold_layer, f"{path.name}:{record['id']}", group, widen)
            feature_seconds += time.perf_counter() - started
    return rows, dict(gold_counts), feature_seconds


def load_data(splits: Path, internal: Path | None, cache: Path, widen: bool) -> dict[str, tuple]:
    """Rows, gold counts and feature seconds per data set ("war_reports_dev.tune", ..., "internal")."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    paths = {f"{name}.{half}": splits / f"{name}.{half}.jsonl" for name in GOLD_FILES for half in ("tune", "report")}
    if internal is not None:
        paths["internal"] = internal
    data = {name: analyse_file(path, widen) for name, path in paths.items()}
    cache.write_bytes(pickle.dumps(data))
    return data


def embed_rows(data: dict, field: str, cache: Path) -> dict[str, np.ndarray]:
    """The e5 vector of each distinct sentence or context text, embedded once and cached."""
    from claimledger.link.multilingual import embed_texts

    vectors = pickle.loads(cache.read_bytes()) if cache.exists() else {}
    missing = sorted({r[field] for rows, *_ in data.values() for r in rows} - vectors.keys())
    if missing:
        started = time.perf_counter()
        vectors.update(zip(missing, embed_texts(missing)))
        seconds = time.perf_counter() - started
        print(f"embedded {len(missing)} texts in {seconds:.1f} s ({1000 * seconds / len(missing):.0f} ms each)")
        cache.write_bytes(pickle.dumps(vectors))
    return vectors


def vocabulary(rows: list[dict]) -> dict[str, int]:
    """Feature name -> column, for the features seen in at least MIN_COUNT rows."""
    counts = defaultdict(int)
    for row in rows:
        for f in row["features"]:
            counts[f] += 1
    return {f: i for i, f in enumerate(sorted(f for f, c in counts.items() if c >= MIN_COUNT))}


def design(rows: list[dict], index: dict[str, int], vectors: dict | None, field: str, scale: float) -> np.ndarray:
    """The feature matrix: binary named features, then the text vector times ``scale`` when given."""
    x = np.zeros((len(rows), len(index) + (384 if vectors is not None else 0)))
    for n, row in enumerate(rows):
        x[n, [index[f] for f in row["features"] if f in index]] = 1.0
        if vectors is not None:
            x[n, len(index):] = scale * vectors[row[field]]
    return x


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Class-weighted L2 logistic regression by Newton's method; returns weights and bias."""
    n, d = x.shape
    weight = np.where(y == 1, 0.5 / max(y.mean(), 1e-6), 0.5 / max(1 - y.mean(), 1e-6))
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2 * n)
    penalty[-1] = 1e-6
    for _ in range(50):
        p = 1 / (1 + np.exp(-xb @ w))
        gradient = xb.T @ (weight * (p - y)) + penalty * w
        step = np.linalg.solve((xb * (weight * p * (1 - p))[:, None]).T @ xb + np.diag(penalty), gradient)
        w -= step
        if np.abs(step).max() < 1e-6:
            break
    return w[:-1], float(w[-1])


def simulated_f1(rows: list[dict], keep: np.ndarray, gold: dict[str, int]) -> dict[str, float]:
    """Type F1 per group when only the kept proposals are predicted: 2 TP / (gold + kept)."""
    labels = np.array([r["label"] for r in rows], dtype=bool)
    groups = np.array([r["group"] for r in rows])
    out = {}
    for group, count in sorted(gold.items()):
        mask = groups == group
        tp, kept = int((labels & keep & mask).sum()), int((keep & mask).sum())
        out[group] = round(2 * tp / max(count + kept, 1), 3)
    return out


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve (ties count half)."""
    positive, negative = scores[labels == 1], scores[labels == 0]
    if not len(positive) or not len(negative):
        return float("nan")
    return float(np.mean([(p > negative).mean() + 0.5 * (p == negative).mean() for p in positive]))


def cross_validate(rows, gold, vectors, args) -> tuple[dict, dict]:
    """Out-of-fold probabilities per L2 (REPEATS shufflings of FOLDS folds by document); returns the
    simulated F1 per (l2, threshold), averaged over repeats, and the AUC per l2."""
    docs = sorted({r["doc"] for r in rows})
    y = np.array([r["label"] for r in rows], dtype=float)
    table, aucs = {}, {}
    for l2 in L2_GRID:
        runs = []
        for repeat in range(REPEATS):
            fold_of = {d: i % FOLDS for i, d in enumerate(np.random.default_rng(SEED + repeat).permutation(docs))}
            p = np.zeros(len(rows))
            for fold in range(FOLDS):
                train = [i for i, r in enumerate(rows) if fold_of[r["doc"]] != fold]
                test = [i for i, r in enumerate(rows) if fold_of[r["doc"]] == fold]
                index = {} if args.vectors_only else vocabulary([rows[i] for i in train])
                w, b = fit(design([rows[i] for i in train], index, vectors, args.vectors, args.scale), y[train], l2)
                p[test] = 1 / (1 + np.exp(-(design([rows[i] for i in test], index, vectors, args.vectors, args.scale) @ w + b)))
            runs.append(p)
        aucs[l2] = round(float(np.mean([auc(p, y) for p in runs])), 3)
        for threshold in THRESHOLDS:
            scores = [simulated_f1(rows, keep_mask(rows, p, threshold), gold) for p in runs]
            table[(l2, threshold)] = {g: round(float(np.mean([s[g] for s in scores])), 3) for g in scores[0]}
    return table, aucs


def keep_mask(rows: list[dict], p: np.ndarray, threshold: float) -> np.ndarray:
    """Which proposals are kept at a threshold."""
    return p >= threshold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--splits", type=Path, default=Path("/tmp/splits"))
    parser.add_argument("--internal", type=Path, default=None, help="an internal gold file, only scored")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/event_filter_rows.pkl"))
    parser.add_argument("--widen", action="store_true", help="also propose lexicon matches the rules reject")
    parser.add_argument("--vectors", choices=("sentence", "context"), default=None,
                        help="add the e5 vector of the trigger's sentence or of its near context")
    parser.add_argument("--vectors-only", action="store_true", help="the vector without the named features")
    parser.add_argument("--scale", type=float, default=1.0, help="factor on the vector (less L2 on it)")
    parser.add_argument("--cv", action="store_true", help="print the cross-validation table")
    parser.add_argument("--l2", type=float, default=None, help="override the cross-validated L2 strength")
    parser.add_argument("--threshold", type=float, default=None, help="override the cross-validated threshold")
    parser.add_argument("--output", type=Path, default=None, help="write the weights to this .npz")
    args = parser.parse_args()
    cache = args.cache.with_suffix(".widen.pkl") if args.widen else args.cache
    data = load_data(args.splits, args.internal, cache, args.widen)
    vectors = embed_rows(data, args.vectors, args.cache.with_suffix(f".{args.vectors}.pkl")) if args.vectors else None
    tune_rows, tune_gold = [], defaultdict(int)
    for name in GOLD_FILES:
        rows, gold, _ = data[f"{name}.tune"]
        tune_rows += rows
        for group, count in gold.items():
            tune_gold[group] += count
    y = np.array([r["label"] for r in tune_rows], dtype=float)
    print(f"tune proposals: {len(tune_rows)}, matched to gold: {int(y.sum())}")
    table, aucs = cross_validate(tune_rows, dict(tune_gold), vectors, args)
    rules = [r["proposal"] == "rules" for r in tune_rows]
    print("CV AUC per l2:", aucs)
    print("rules alone (tune):", simulated_f1(tune_rows, np.array(rules), dict(tune_gold)))
    if args.cv:
        for key, f1 in sorted(table.items()):
            print("CV l2=%-6g threshold=%.2f" % key, f1)
    l2, threshold = max(table, key=lambda k: (sum(table[k].get(g, 0) for g in SCORED_GROUPS), -k[0], k[1]))
    print(f"CV best l2={l2} threshold={threshold}:", table[(l2, threshold)])
    l2 = args.l2 if args.l2 is not None else l2
    threshold = args.threshold if args.threshold is not None else threshold
    index = {} if args.vectors_only else vocabulary(tune_rows)
    w, b = fit(design(tune_rows, index, vectors, args.vectors, args.scale), y, l2)
    print(f"applied l2={l2} threshold={threshold}")
    for name, (rows, gold, seconds) in sorted(data.items()):
        p = 1 / (1 + np.exp(-(design(rows, index, vectors, args.vectors, args.scale) @ w + b)))
        keep = keep_mask(rows, p, threshold)
        proposed = np.array([r["proposal"] == "rules" for r in rows], dtype=bool)
        documents = len({r["doc"] for r in rows}) or 1
        print(f"{name:24s} rules {simulated_f1(rows, proposed, gold)} -> filter {simulated_f1(rows, keep, gold)}"
              f" (dropped {int((proposed & ~keep).sum())}, added {int((~proposed & keep).sum())};"
              f" AUC {auc(p, np.array([r['label'] for r in rows])):.3f};"
              f" features {1000 * seconds / documents:.1f} ms/doc)")
    if args.output:
        names = sorted(index, key=index.get)
        np.savez_compressed(args.output, features=np.array(names), weights=w[:len(names)].astype(np.float32),
                            vector_weights=w[len(names):].astype(np.float32), bias=np.float32(b),
                            threshold=np.float32(threshold))
        order = np.argsort(w[:len(names)])
        print("most negative:", [(names[i], round(float(w[i]), 2)) for i in order[:10]])
        print("most positive:", [(names[i], round(float(w[i]), 2)) for i in order[-10:]])


if __name__ == "__main__":
    main()
