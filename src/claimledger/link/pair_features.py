"""Features of a pair of claims for the relation classifier (link/relation_model.py).

A pair is two :class:`~claimledger.link.matching.LinkClaim` (a ledger claim, or a pair text
analysed with :func:`~claimledger.link.pair_relations.make_text_claim`) and their unit sentence vectors
from the multilingual encoder (link/multilingual.py), so every feature works across English,
Russian and Ukrainian:

- meaning: the cosine of the two vectors, and the product and gap of their leanings on an
  evaluative axis (what an argument for something and one against it say in general);
- wording: copied 3-word shingles and content-word overlap (same language only; across
  languages only numbers and Latin-script names can be shared);
- figures: numbers shared, numbers that differ;
- denial: negation or a denial word ("untrue", "фейк", "інсценування") in one claim only;
- events (extracted by the pipeline, canonical across languages): a shared event (type, place,
  dates), one asserted and the other denied, incompatible outcomes, counts that differ;
- source: the same original speaker (names compared across scripts), two different named
  speakers, the same or opposite camps (Russia / Ukraine).

- the two vectors dimension by dimension (product and distance).

``FEATURE_NAMES`` lists them in order; ``pair_features`` returns one row.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..extract.attribution.framing import find_framing_side
from .matching import (LinkClaim, counts_differ, minhash_shingles, normalise_speaker,
                       shared_events)
from .relations import (NEGATIVE_ANCHORS, POSITIVE_ANCHORS, _NUMBER, containment, content_words,
                        count_denials, count_negations, lexical_similarity)

FEATURE_NAMES = (
    "cosine", "cosine_sq", "cross_language", "copied", "word_overlap",
    "numbers_shared", "numbers_differ", "negation_one_side", "denial_one_side", "denial_both",
    "shared_event", "event_denied_vs_asserted", "event_outcomes_conflict", "event_counts_differ",
    "same_event_type", "shared_place", "both_have_events", "neither_has_events",
    "names_shared", "same_speaker", "different_speakers", "same_camp", "opposite_camps",
    "leaning_product", "leaning_gap", "length_ratio",
)
# The two vectors compared dimension by dimension (their product and absolute difference, scaled
# by VECTOR_SCALE to the spread of the other features): which directions of meaning two claims
# share or differ in, learned by the classifier.
VECTOR_DIM = 384
VECTOR_SCALE = 20.0
FEATURE_NAMES = FEATURE_NAMES + tuple(f"product{i}" for i in range(VECTOR_DIM)) + \
    tuple(f"distance{i}" for i in range(VECTOR_DIM))
# Cyrillic to Latin, letter by letter, for comparing speaker names across scripts
# ("Зеленський" and "Zelenskyy" share the stem "zelens").
_LATIN = dict(zip("абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяё",
                  ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l",
                   "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "",
                   "y", "", "e", "iu", "ia", "e"]))
NAME_STEM = 5  # letters of a transliterated surname compared (Zelenskyy / Зеленський / Зеленский)
# Letters of a capitalised word compared across scripts: four keep inflected names together
# (Бучі / Bucha, Маріуполя / Mariupol).
PLACE_STEM = 4
_PRONOUN_SPEAKERS = frozenset("he she they it we i you unspecified".split())


@dataclass(frozen=True)
class PairSide:
    """One claim of a pair with its unit sentence vector and its evaluative leaning."""

    claim: LinkClaim
    vector: np.ndarray
    leaning: float = 0.0


def evaluative_axis(embed: "callable") -> np.ndarray:
    """Return the evaluative axis of the sentence space: the mean vector of the hand-written
    positive anchors minus that of the negative ones (``embed`` maps texts to unit rows)."""
    return embed(POSITIVE_ANCHORS).mean(axis=0) - embed(NEGATIVE_ANCHORS).mean(axis=0)


def _latin(text: str) -> str:
    return "".join(_LATIN.get(char, char) for char in text.lower())


def speaker_stem(claim: LinkClaim) -> str:
    """Return a script-independent key of a claim's named speaker ("" when none): the canonical
    source name when the alias table knows it, else the transliterated surname's first letters."""
    if not claim.source_key.startswith("speaker:") or not claim.speaker:
        return ""
    name = normalise_speaker(claim.speaker)
    if not name or name.split()[0] in _PRONOUN_SPEAKERS:
        return ""
    words = _latin(name).replace("'", "").split()
    return words[-1][:NAME_STEM] if len(words) <= 3 else " ".join(words)


_NAME = re.compile(r"\b[A-ZА-ЯЁІЇЄҐ][\w'’ʼ-]{3,}")


def name_stems(text: str) -> set[str]:
    """Return the capitalised words of a text as script-independent stems (Бучі and Bucha,
    Маріуполя and Mariupol share one), PLACE_STEM letters each."""
    return {_latin(word)[:PLACE_STEM] for word in _NAME.findall(text)}


def claim_camp(claim: LinkClaim) -> str:
    """Return the camp (russia, ukraine) a claim speaks for: its source's side, else the side
    whose framing words it uses; "" when unknown."""
    if claim.side and claim.camp in ("russia", "ukraine"):
        return claim.camp
    side = find_framing_side(claim.text, claim.language)
    return {"ru": "russia", "ua": "ukraine"}.get(side or "", "")


def _numbers(tokens: Sequence[str]) -> set[str]:
    return {t.rstrip("%").replace(",", ".") for t in tokens if _NUMBER.match(t)}


def pair_features(a: PairSide, b: PairSide) -> np.ndarray:
    """Return the feature row (float32, in FEATURE_NAMES order) of two claims."""
    x, y = a.claim, b.claim
    cosine = float(np.dot(a.vector, b.vector))
    cross = float((x.language or "en") != (y.language or "en"))
    copied = 0.0 if cross else containment(set(minhash_shingles(x.tokens)),
                                           set(minhash_shingles(y.tokens)))
    overlap = lexical_similarity(x.tokens, y.tokens)
    numbers_x, numbers_y = _numbers(x.tokens), _numbers(y.tokens)
    neg_x, neg_y = count_negations(x.tokens) > 0, count_negations(y.tokens) > 0
    den_x, den_y = count_denials(x.tokens) > 0, count_denials(y.tokens) > 0
    matched = shared_events(x, y)
    denied = any(e.type == f.type and e.denied != f.denied for e, f in matched)
    conflict = any(e.type != f.type and not e.denied and not f.denied for e, f in matched)
    counts = any(e.type == f.type and e.quantity and f.quantity and counts_differ(e.quantity, f.quantity)
                 for e, f in matched)
    types_x, types_y = set(x.types), set(y.types)
    stem_x, stem_y = speaker_stem(x), speaker_stem(y)
    camp_x, camp_y = claim_camp(x), claim_camp(y)
    known = bool(camp_x and camp_y)
    names_x, names_y = name_stems(x.text), name_stems(y.text)
    names = len(names_x & names_y) / min(len(names_x), len(names_y)) if names_x and names_y else 0.0
    lengths = sorted((len(x.tokens) or 1, len(y.tokens) or 1))
    row = [
        cosine, cosine * cosine, cross, copied, overlap,
        float(bool(numbers_x & numbers_y)), float(bool(numbers_x and numbers_y and not numbers_x & numbers_y)),
        float(neg_x != neg_y), float(den_x != den_y), float(den_x and den_y),
        float(bool(matched)), float(denied), float(conflict), float(counts),
        float(bool(types_x & types_y)), float(bool(set(x.places) & set(y.places))),
        float(bool(types_x and types_y)), float(not types_x and not types_y), names,
        float(bool(stem_x) and stem_x == stem_y), float(bool(stem_x and stem_y) and stem_x != stem_y),
        float(known and camp_x == camp_y), float(known and camp_x != camp_y),
        a.leaning * b.leaning, abs(a.leaning - b.leaning), lengths[0] / lengths[1],
    ]
    return np.concatenate([np.asarray(row, dtype=np.float32), a.vector * b.vector * VECTOR_SCALE,
                           np.abs(a.vector - b.vector) * VECTOR_SCALE]).astype(np.float32)


def words_shared(a: LinkClaim, b: LinkClaim) -> list[str]:
    """Return up to four content words the two claims share (for a reason a reader can check)."""
    return sorted(content_words(a.tokens) & content_words(b.tokens))[:4]
