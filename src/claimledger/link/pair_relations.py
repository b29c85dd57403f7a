"""Relations of claim pairs given as texts (``claimledger relate``), in any of en/ru/uk.

Each distinct text is analysed once by the pipeline (attributions, places, events: the
canonical fields that compare across languages, see :func:`make_text_claim`) and embedded once
by the multilingual encoder (link/multilingual.py); the pair's features (link/pair_features.py)
go through the trained classifier (link/relation_model.py). Every label comes with a reason a
reader can check: the evidence behind it (shared event and who asserts or denies it, denial
words, differing figures, copied wording, meaning similarity, same or different source).
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from ..models import AnalysedDocument
from .multilingual import embed_texts
from .matching import (REUSE_CONTAINMENT, LinkClaim, classify_link, copied_share, make_link_claims,
                       shared_events)
from .pair_features import FEATURE_NAMES, PairSide, evaluative_axis, pair_features, speaker_stem
from .relation_model import LABELS, load_model
from .relations import Relation, tokenize

# Canonical contradictions at or above this confidence (matching.classify_link: asserted vs
# denied 0.9, incompatible outcomes 0.8) stand without the classifier.
CANONICAL_CONTRADICTION = 0.8
# The classifier learned from claims of 8-60 words; a longer one (a whole speech turn, a daily
# summary) is related only through copied text and its events (matching.classify_link). Read off
# the demo ledger, where whole addresses were taken to contradict single sentences.
MAX_CLASSIFIED_WORDS = 80
# In the ledger, a contradiction shown between two reports (a contested story) must carry one of
# these, evidence a reader can check in the two texts. Meaning alone ("opposite sides, similar
# wording") marked vague same-topic sentences of long speeches as contradictions: 11 of the demo
# ledger's 16 (hand check, 2026-12-03). Pairs judged as texts (``relate``) keep the classifier's
# label: most contradictions of the pair sets are semantic, with no such cue.
CONTRADICTION_EVIDENCE = ("event_denied_vs_asserted", "event_outcomes_conflict", "event_counts_differ",
                          "numbers_differ", "denial_one_side", "negation_one_side")
# The leaning (projection on the evaluative axis) is divided by this spread so that it reads
# in units near 1 (the projections of the Perspectrum training claims spread about +-0.03).
LEANING_SCALE = 0.03

Analyse = Callable[[Iterable[Any]], Iterable[Any]]
Embed = Callable[[Sequence[str]], np.ndarray]
TextKey = tuple[str, str | None]


def make_text_claim(doc: AnalysedDocument) -> LinkClaim:
    """Return one link claim for a whole short text (a pair record's side): every event and
    precise place of its claims, its text, and the source of its first attribution."""
    claims = make_link_claims([doc])
    article = doc.article
    tokens = tuple(tokenize(article.text))
    if not claims:
        return LinkClaim(article.id, 0, article.text, language=article.language,
                         source_key=f"text:{article.id}", tokens=tokens)
    speakers = [c for c in claims if c.source_key.startswith("speaker:")]
    source = speakers[0] if speakers else None
    return LinkClaim(
        article_id=article.id, ord=0, text=article.text, language=article.language,
        speaker=source.speaker if source else None, side=source.side if source else None,
        types=tuple(sorted({t for c in claims for t in c.types})),
        places=tuple(sorted({p for c in claims for p in c.places})),
        place_names=tuple(sorted({p for c in claims for p in c.place_names})),
        place_labels=tuple(sorted({p for c in claims for p in c.place_labels})),
        source_key=source.source_key if source else f"text:{article.id}", tokens=tokens,
        events=tuple(dict.fromkeys(e for c in claims for e in c.events)))


def text_claims(keys: Sequence[TextKey], analyse: Analyse | None) -> dict[TextKey, LinkClaim]:
    """Return a link claim per distinct (text, language): analysed with ``analyse`` (the
    pipeline's ``analyse_articles``) or, without it, the text alone (no events, no speaker)."""
    from ..models import Article

    distinct = list(dict.fromkeys(keys))
    articles = [Article(id=str(n), text=text, language=language)
                for n, (text, language) in enumerate(distinct)]
    if analyse is None:
        return {key: LinkClaim(a.id, 0, a.text, language=a.language, source_key=f"text:{a.id}",
                               tokens=tuple(tokenize(a.text)))
                for key, a in zip(distinct, articles)}
    return {key: make_text_claim(doc) for key, doc in zip(distinct, analyse(articles))}


@lru_cache(maxsize=1)
def _axis() -> np.ndarray:
    return evaluative_axis(embed_texts)


def leanings_of(vectors: np.ndarray) -> np.ndarray:
    """Return the evaluative leaning of each unit vector (its projection on the axis, scaled)."""
    return vectors @ _axis() / LEANING_SCALE if len(vectors) else np.zeros(0)


def pair_sides(claims: dict[Hashable, LinkClaim], embed: Embed = embed_texts
               ) -> dict[Hashable, PairSide]:
    """Return each claim (by any key) with its unit vector and evaluative leaning."""
    keys = list(claims)
    vectors = embed([claims[key].text for key in keys]) if keys else np.zeros((0, 384))
    leanings = leanings_of(vectors)
    return {key: PairSide(claims[key], vectors[n], float(leanings[n])) for n, key in enumerate(keys)}


def _named(features: np.ndarray) -> dict[str, float]:
    """The named features of a row (pair_features.FEATURE_NAMES) by name."""
    return dict(zip(FEATURE_NAMES, features[:len(FEATURE_NAMES)].tolist()))


def explain(label: str, features: np.ndarray, a: LinkClaim, b: LinkClaim, confidence: float) -> str:
    """Return the evidence behind a predicted label, in words."""
    f = _named(features)
    who_a, who_b = a.speaker or "unattributed", b.speaker or "unattributed"
    evidence = [f"meaning similarity {f['cosine']:.2f}"]
    matched = shared_events(a, b)
    if matched:
        x, y = matched[0]
        evidence.append(f"shared event {x.type} at {', '.join(sorted(set(x.places) & set(y.places)))}")
    if f["event_denied_vs_asserted"]:
        evidence.append("asserted in one, denied in the other")
    if f["event_outcomes_conflict"]:
        evidence.append("incompatible outcomes (" + " vs ".join(f"{x.type}" for x in matched[0]) + ")")
    if f["event_counts_differ"] or f["numbers_differ"]:
        evidence.append("different figures")
    if f["denial_one_side"]:
        evidence.append("a denial word in one claim only")
    elif f["negation_one_side"]:
        evidence.append("negated in one claim only")
    if f["copied"] >= 0.3:
        evidence.append(f"{f['copied']:.0%} of the wording copied")
    if f["same_speaker"]:
        evidence.append(f"same source ({who_a})")
    elif f["different_speakers"]:
        evidence.append(f"different sources ({who_a}; {who_b})")
    if f["opposite_camps"]:
        evidence.append("opposite sides")
    return f"{label} ({confidence:.0%}): " + "; ".join(evidence)


def decide(a: LinkClaim, b: LinkClaim, features: np.ndarray, probs: np.ndarray,
           names: dict[str, str] | None = None, *, checkable: bool = False) -> Relation:
    """Return the relation of two claims from the classifier's probabilities, the canonical
    evidence (matching.classify_link) and the sources:

    - copied wording is a repeat, and one event asserted by one source and denied by another, or
      incompatible outcomes at one place and time, a contradiction, whatever the classifier says
      (evidence a reader can check);
    - a claim longer than MAX_CLASSIFIED_WORDS (a whole speech turn) is related only by that
      evidence and the events (classify_link), and claims of one camp do not contradict
      each other unless that evidence says so;
    - the same named original source saying the same thing is a repeat, never an agreement, and
      never contradicts itself; two different sources are never a repeat of each other unless
      the wording is copied;
    - with ``checkable`` (the ledger), a contradiction without any of the
      CONTRADICTION_EVIDENCE is no link: unrelated.
    """
    canonical = classify_link(a, b, names)
    copied = copied_share(a, b) >= REUSE_CONTAINMENT and canonical.label == "repeat"
    if copied or canonical.label == "contradict" and canonical.score >= CANONICAL_CONTRADICTION:
        return canonical
    if max(len(a.tokens), len(b.tokens)) > MAX_CLASSIFIED_WORDS:
        return canonical
    f = _named(features)
    if f["same_camp"]:  # one side: agreeing or repeating, not contradicting
        probs = np.where(np.array(LABELS) == "contradict", 0.0, probs)
    best = int(probs.argmax())
    label, confidence = LABELS[best], float(probs[best])
    if f["same_speaker"] and label in ("agree", "contradict"):
        # one source: saying it again is a repeat; statements of one source that seem at odds
        # are two statements (an update, another aspect), not one side contradicting another
        label = "repeat" if label == "agree" else "unrelated"
    elif label == "repeat" and different_sources(a, b):
        label = "agree"
    if checkable and label == "contradict" and not any(f[name] for name in CONTRADICTION_EVIDENCE):
        label = "unrelated"
    if canonical.label == label != "unrelated":  # the canonical reason names the event
        return Relation(label, canonical.reason, confidence)
    return Relation(label, explain(label, features, a, b, confidence), confidence)


def pair_means(sides: Sequence[tuple[PairSide, PairSide]]) -> np.ndarray:
    """Return the mean of each pair's two unit vectors (what the classifier's gate reads)."""
    return np.stack([(a.vector + b.vector) / 2 for a, b in sides])


def relate_sides(sides: Sequence[tuple[PairSide, PairSide]], names: dict[str, str] | None = None,
                 *, checkable: bool = False) -> list[Relation]:
    """Return the relation of each pair of prepared claims (:func:`decide`; ``checkable``: a
    contradiction needs evidence a reader can check, as in the ledger)."""
    if not sides:
        return []
    rows = np.stack([pair_features(a, b) for a, b in sides])
    probs = load_model().predict_proba(rows, pair_means(sides))
    return [decide(a.claim, b.claim, row, p, names, checkable=checkable)
            for (a, b), row, p in zip(sides, rows, probs)]


def relate_pairs(pairs: Sequence[dict[str, Any]], *, analyse: Analyse | None = None,
                 embed: Embed = embed_texts) -> list[dict[str, Any]]:
    """Return the pair records (``{id, a, b, a_lang, b_lang}``) each with a predicted ``label``
    and its ``reason``. ``analyse`` (the pipeline's ``analyse_articles``) supplies events and
    sources; without it only the texts' meaning and wording are compared."""
    keys = [(str(pair.get(side) or ""), pair.get(f"{side}_lang") or None)
            for pair in pairs for side in ("a", "b")]
    claims = text_claims(keys, analyse)
    names = {key: name for claim in claims.values() for key, name in claim.place_labels}
    sides = pair_sides(claims, embed)
    relations = relate_sides([(sides[keys[2 * i]], sides[keys[2 * i + 1]]) for i in range(len(pairs))],
                             names)
    return [{**pair, "label": r.label, "reason": r.reason} for pair, r in zip(pairs, relations)]


def _origin(claim: LinkClaim) -> str:
    """The original source of a claim: its named speaker, else the outlet speaking for itself."""
    stem = speaker_stem(claim)
    return f"speaker:{stem}" if stem else claim.source_key if claim.source_key.startswith("outlet:") else ""


def different_sources(a: LinkClaim, b: LinkClaim) -> bool:
    """Return whether two claims come from two different original sources (named speakers, or
    outlets speaking for themselves). One outlet in two articles is not known to be one source:
    it carries many speakers' words."""
    origin_a, origin_b = _origin(a), _origin(b)
    return bool(origin_a and origin_b) and origin_a != origin_b
