"""Training pairs of scripts/train_cross_encoder.py: the open data sets turned into pairs by
scripts/train_relations.py's builders (smaller samples, another seed), read in place from
shared/data/training, and the topic folds of cross-validation.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Pairs drawn per source (fewer than train_relations.py: every pair costs a transformer pass).
SIZES = {"perspectrum": 120, "ntrex": 80, "terra": 300}  # per label / per language pair / total


def train_relations_module():
    """scripts/train_relations.py as a module (its pair builders and gated-model training)."""
    spec = importlib.util.spec_from_file_location("train_relations", ROOT / "scripts" / "train_relations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module



# ---------------------------------------------------------------- pairs

def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def open_pairs(training: Path, sources: list[str], rng: random.Random, tr) -> list[dict]:
    """Pairs of the open data sets (train_relations.py's builders, smaller samples, another seed);
    NTREX lines that train_relations.py trains the gated model on are left out."""
    tr.PERSPECTRUM_PER_LABEL, tr.NTREX_PER_LANGUAGE_PAIR, tr.TERRA_PAIRS = (
        SIZES["perspectrum"], SIZES["ntrex"], SIZES["terra"])
    pairs = []
    if "perspectrum" in sources:
        pairs += tr.perspectrum_pairs(training / "perspectrum", rng)
    if "ntrex" in sources:
        taken = {p["a"] for p in gated_ntrex_pairs(training, tr)} | {p["b"] for p in gated_ntrex_pairs(training, tr)}
        pairs += [p for p in tr.ntrex_pairs(training / "ntrex128", rng)
                  if p["a"] not in taken and p["b"] not in taken]
    if "terra" in sources:
        pairs += tr.terra_pairs(training / "terra", rng)
    return pairs


_GATED_NTREX: list[dict] | None = None


def gated_ntrex_pairs(training: Path, tr) -> list[dict]:
    """The NTREX pairs train_relations.py trains its news expert on (same seed, same order of draws)."""
    global _GATED_NTREX
    if _GATED_NTREX is None:
        saved = tr.PERSPECTRUM_PER_LABEL, tr.NTREX_PER_LANGUAGE_PAIR, tr.TERRA_PAIRS
        fresh = train_relations_module()  # its constants untouched
        rng = random.Random(fresh.SEED)
        fresh.perspectrum_pairs(training / "perspectrum", rng)
        _GATED_NTREX = fresh.ntrex_pairs(training / "ntrex128", rng)
        tr.PERSPECTRUM_PER_LABEL, tr.NTREX_PER_LANGUAGE_PAIR, tr.TERRA_PAIRS = saved
    return _GATED_NTREX


def fold_of(topics: list[str], folds: int) -> dict[str, int]:
    """Topic -> fold, as train_relations.py's cross-validation assigns them."""
    ordered = sorted(set(topics), key=lambda t: hashlib.sha1(t.encode()).hexdigest())
    return {topic: n % folds for n, topic in enumerate(ordered)}
