"""The trained relation classifier: pair features in, repeat/agree/contradict/unrelated out.

Two experts and a gate, run in numpy. Each expert is a small multilayer perceptron
(standardised features of link/pair_features.py, one hidden layer of ReLU units, softmax over
:data:`LABELS`): one learned from news claims (the war-news pairs and translations), one from
debate opinions (Perspectrum), whose relations work differently (agreement and contradiction of
opinions is a matter of evaluative leaning, of reports a matter of events and sources). The gate,
a logistic regression on the pair's mean sentence vector, says how much a pair looks like
opinions rather than reports and mixes the two experts' probabilities. The weights ship in
``data/relation_model.npz`` with their model card (``data/relation_model.MODEL_CARD.md``: the
training data and their licences); ``scripts/train_relations.py`` reproduces them with
:func:`train_model` and :func:`train_gate`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..errors import ModelError
from .pair_features import FEATURE_NAMES
from .relations import LABELS

MODEL_FILE = "relation_model.npz"


@dataclass(frozen=True)
class RelationModel:
    """Weights of one expert: feature standardisation, then per member of the ensemble (the
    leading axis of w1, b1, w2, b2) a hidden layer and an output layer; members' probabilities
    are averaged."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    w1: np.ndarray
    b1: np.ndarray
    w2: np.ndarray
    b2: np.ndarray

    def predict_proba(self, rows: np.ndarray) -> np.ndarray:
        """Return (n, 4) label probabilities, columns in LABELS order, for (n, features) rows."""
        x = (rows - self.mean) / self.scale
        total = np.zeros((len(rows), len(LABELS)))
        for w1, b1, w2, b2 in zip(self.w1, self.b1, self.w2, self.b2):
            logits = np.maximum(x @ w1 + b1, 0.0) @ w2 + b2
            logits -= logits.max(axis=1, keepdims=True)
            odds = np.exp(logits)
            total += odds / odds.sum(axis=1, keepdims=True)
        return total / len(self.w1)

    def arrays(self, prefix: str) -> dict[str, np.ndarray]:
        """Return the weights as named arrays (for an .npz file)."""
        return {f"{prefix}{name}": value for name, value in (
            ("mean", self.mean), ("scale", self.scale), ("w1", self.w1), ("b1", self.b1),
            ("w2", self.w2), ("b2", self.b2))}


@dataclass(frozen=True)
class GatedModel:
    """The news and opinion experts and the gate that mixes them."""

    news: RelationModel
    opinion: RelationModel
    gate_w: np.ndarray  # (384,) weights of the gate on a pair's mean unit vector
    gate_b: float

    @property
    def features(self) -> tuple[str, ...]:
        return self.news.features

    def opinion_share(self, means: np.ndarray) -> np.ndarray:
        """Return, per pair, the gate's probability that the pair's claims are opinions."""
        return 1.0 / (1.0 + np.exp(-(means @ self.gate_w + self.gate_b)))

    def predict_proba(self, rows: np.ndarray, means: np.ndarray) -> np.ndarray:
        """Return (n, 4) label probabilities for feature rows and the pairs' mean unit vectors:
        the opinion expert's where the gate reads opinions (share over one half), else the news
        expert's. (A soft mix blurred both: the gate's shares sit near 0.35 and 0.65.)"""
        opinion = self.opinion_share(means) > 0.5
        probs = np.zeros((len(rows), len(LABELS)))
        if (~opinion).any():
            probs[~opinion] = self.news.predict_proba(rows[~opinion])
        if opinion.any():
            probs[opinion] = self.opinion.predict_proba(rows[opinion])
        return probs

    def save(self, path: str) -> None:
        """Write the weights to an .npz file."""
        np.savez(path, features=np.array(self.features), gate_w=self.gate_w,
                 gate_b=np.array(self.gate_b), **self.news.arrays("news_"),
                 **self.opinion.arrays("opinion_"))


def _expert(data: Any, prefix: str, features: tuple[str, ...]) -> RelationModel:
    return RelationModel(features, *(data[f"{prefix}{name}"] for name in
                                     ("mean", "scale", "w1", "b1", "w2", "b2")))


@lru_cache(maxsize=1)
def load_model() -> GatedModel:
    """Return the packaged relation classifier (ModelError when missing or out of date)."""
    source = resources.files("claimledger.data").joinpath(MODEL_FILE)
    try:
        with resources.as_file(source) as path, np.load(path) as data:
            features = tuple(str(f) for f in data["features"])
            model = GatedModel(_expert(data, "news_", features), _expert(data, "opinion_", features),
                               data["gate_w"], float(data["gate_b"]))
    except (FileNotFoundError, KeyError):
        raise ModelError(f"the relation model is missing or of an older form ({MODEL_FILE}); "
                         "run scripts/train_relations.py") from None
    if model.features != FEATURE_NAMES:
        raise ModelError(f"{MODEL_FILE} was trained on other features than link/pair_features.py "
                         "computes; run scripts/train_relations.py")
    return model


def train_model(rows: np.ndarray, labels: np.ndarray, weights: np.ndarray, *, members: int = 5,
                hidden: int = 32, epochs: int = 600, rate: float = 0.01, decay: float = 1e-3
                ) -> RelationModel:
    """Return an ensemble of ``members`` classifiers (seeds 0, 1, ...) fitted to (n, features)
    rows, label indexes into LABELS and sample weights (averaging them steadies the figures:
    one member's macro-F1 moves by several points with its seed)."""
    mean, scale = rows.mean(axis=0), rows.std(axis=0) + 1e-6
    x = ((rows - mean) / scale).astype(np.float64)
    fitted = [_fit(x, labels, weights, hidden, epochs, rate, decay, seed) for seed in range(members)]
    return RelationModel(FEATURE_NAMES, mean.astype(np.float32), scale.astype(np.float32),
                         *(np.stack([f[i] for f in fitted]) for i in range(4)))


def _fit(x: np.ndarray, labels: np.ndarray, weights: np.ndarray, hidden: int, epochs: int,
         rate: float, decay: float, seed: int) -> list[np.ndarray]:
    """Return one member's (w1, b1, w2, b2): full-batch Adam on the weighted cross-entropy with
    L2 weight decay, from standardised rows."""
    rng = np.random.default_rng(seed)
    x_t = np.ascontiguousarray(x.T)  # the gradient's product, laid out once
    target = np.eye(len(LABELS))[labels]
    weights = weights / weights.sum()
    params = [rng.normal(0, np.sqrt(2 / x.shape[1]), (x.shape[1], hidden)), np.zeros(hidden),
              rng.normal(0, np.sqrt(1 / hidden), (hidden, len(LABELS))), np.zeros(len(LABELS))]
    moments = [np.zeros_like(p) for p in params]
    squares = [np.zeros_like(p) for p in params]
    for step in range(1, epochs + 1):
        w1, b1, w2, b2 = params
        pre = x @ w1 + b1
        hidden_out = np.maximum(pre, 0.0)
        logits = hidden_out @ w2 + b2
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        probs /= probs.sum(axis=1, keepdims=True)
        delta = (probs - target) * weights[:, None]
        grad_w2 = hidden_out.T @ delta + decay * w2
        back = (delta @ w2.T) * (pre > 0)
        grads = [x_t @ back + decay * w1, back.sum(axis=0), grad_w2, delta.sum(axis=0)]
        for i, grad in enumerate(grads):
            moments[i] = 0.9 * moments[i] + 0.1 * grad
            squares[i] = 0.999 * squares[i] + 0.001 * grad * grad
            corrected = moments[i] / (1 - 0.9 ** step)
            params[i] = params[i] - rate * corrected / (np.sqrt(squares[i] / (1 - 0.999 ** step)) + 1e-8)
    return [p.astype(np.float32) for p in params]


def train_gate(means: np.ndarray, opinion: np.ndarray, *, epochs: int = 300, rate: float = 0.5,
               decay: float = 1e-3) -> tuple[np.ndarray, float]:
    """Return the gate's weights and bias fitted to mean unit vectors (n, 384) and whether each
    pair is of opinions (1) or reports (0): logistic regression, classes weighted equally."""
    weights = np.where(opinion == 1, 0.5 / max(opinion.sum(), 1), 0.5 / max((1 - opinion).sum(), 1))
    w, b = np.zeros(means.shape[1]), 0.0
    for _ in range(epochs):
        p = 1.0 / (1.0 + np.exp(-(means @ w + b)))
        delta = (p - opinion) * weights
        w -= rate * (means.T @ delta + decay * w)
        b -= rate * float(delta.sum())
    return w.astype(np.float32), b
