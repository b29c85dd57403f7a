"""Relations between two claims: repeat, agree, contradict or unrelated, each with a reason.

``classify_texts`` works on two claim texts alone and ``relate_pairs`` labels pair records
(``claimledger relate``); ledger linking (``link.matching.classify_link``) decides on canonical
fields instead and borrows only the cue lexicons, shingles and word overlap from here.
``relate_pairs`` first compares two texts that report one event through those canonical fields
(:func:`pair_events`), in any language; otherwise the text evidence decides, in order:

1. **copied text**: the share of one claim's word 3-shingles found in the other (containment);
   high containment is a repeat whatever else holds (re-reported wording).
2. **topic**: cosine of MiniLM sentence vectors when both claims are English, else the overlap
   of content words, numbers and names (which survive across en/ru/uk only as shared tokens, so
   cross-language pairs lean on the canonical fields in matching.py). Below a floor: unrelated.
3. **contradiction cues** (data/relation_cues.tsv): a pair of opposite outcome words (taken /
   repelled, confirmed / denied), a negation in one claim only over shared content, the same
   counted thing with different numbers, or opposite evaluative leaning.
4. **paraphrase**: very close vectors and no contradiction cue: a repeat.
5. otherwise the claims are on one topic and their **leanings** decide: each claim's leaning is
   its sentence vector projected on an evaluative axis (the mean vector of the hand-written
   :data:`POSITIVE_ANCHORS` minus that of :data:`NEGATIVE_ANCHORS`) plus the lexical leaning of
   the cue lexicon; leanings of one sign agree, of opposite signs contradict. Without vectors
   (Russian, Ukrainian, mixed pairs) only the lexical leaning is used, and same-topic claims
   with no evidence either way get :data:`SAME_TOPIC_DEFAULT`.

The four tuned thresholds (UNRELATED_MAX_COSINE, REPEAT_MIN_COSINE, LEANING_SCALE,
AGREE_MIN_LEANING) were set on the even-numbered debates of the development stance pairs
(Perspectrum, shared/data/dev/stance_pairs_dev.jsonl) and checked on the odd-numbered ones;
figures in the README. No pair text is used in code.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

LABELS = ("repeat", "agree", "contradict", "unrelated")
SHINGLE_SIZE = 3  # words per shingle for copied-text detection
# Share of the shorter claim's shingles found in the other above which it is copied text
# (wire copy re-printed with small edits keeps well over half of its 3-word shingles).
REUSE_CONTAINMENT = 0.6
# Cosine (MiniLM) below which two claims are on different topics: calibration half of the
# perspectrum pairs, where different-debate pairs sit at 0.00-0.26 and same-debate at 0.25-0.65.
UNRELATED_MAX_COSINE = 0.27
# Cosine at or above which two claims without a contradiction cue say the same thing.
REPEAT_MIN_COSINE = 0.69
# Without vectors: weighted content-word Jaccard below which claims are unrelated / above
# which they repeat (same calibration, lexical path only).
UNRELATED_MAX_OVERLAP = 0.05
REPEAT_MIN_OVERLAP = 0.34
# Label of same-topic claims with no evidence either way. "contradict": on the calibration half
# agreement was only recognisable from matching evaluative leaning, so the absence of that
# evidence is the weaker sign of agreement.
SAME_TOPIC_DEFAULT = "contradict"
# Evaluative axis of the sentence space: what an argument for something and an argument against
# it say in general (written by hand, no pair text). A claim's projection on the axis, divided by
# LEANING_SCALE (the projections' spread on the calibration half is about +-0.05), is added to its
# lexical leaning (-1, 0, +1). Two same-topic claims agree when the product of their leanings
# exceeds AGREE_MIN_LEANING (calibration half: 0, i.e. the same sign).
POSITIVE_ANCHORS = ("This has important benefits.", "It should be allowed and encouraged.",
                    "This helps society and protects rights.", "It is a good idea that works.",
                    "This is beneficial and good for people.",
                    "It improves lives and creates opportunities.",
                    "This is fair, just and necessary.", "It is safe, effective and worth supporting.",
                    "We should support this policy.", "This brings freedom, progress and prosperity.")
NEGATIVE_ANCHORS = ("This causes serious harm.", "It should be banned and prevented.",
                    "This hurts society and violates rights.", "It is a bad idea that fails.",
                    "This is harmful and bad for people.",
                    "It damages lives and destroys opportunities.",
                    "This is unfair, unjust and unnecessary.",
                    "It is dangerous, ineffective and should be opposed.",
                    "We should oppose this policy.", "This brings oppression, decline and poverty.")
LEANING_SCALE = 0.05
AGREE_MIN_LEANING = 0.0
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\d+(?:[.,]\d+)?%?", re.UNICODE)
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?%?$")
STOPWORDS = frozenset(
    "a an the and or but of to in on at by for with from as is are was were be been being it its "
    "this that these those there their they them he she his her we our you your i my me us which who "
    "whom what when where why how will would can could should may might must do does did has have "
    "had not no so if than then too very also just more most such into about over after before "
    "all any some each other only own same both few many much one two up out said says say "
    "и в во на с со к по из за от до о об что это как а но не же ли бы то так для при у "
    "і й та в у на з зі до від за про що це як але не же чи би то так для при".split())


@dataclass(frozen=True)
class Relation:
    """The relation of two claims, the evidence a reader can check, and a confidence in [0, 1]."""

    label: str
    reason: str
    score: float = 0.0


@dataclass(frozen=True)
class Cues:
    """The cue lexicons of data/relation_cues.tsv."""

    negation: frozenset[str]
    negation_stems: tuple[str, ...]
    positive: frozenset[str]
    positive_stems: tuple[str, ...]
    negative: frozenset[str]
    negative_stems: tuple[str, ...]
    opposites: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Return the packaged cue lexicons."""
    text = resources.files("claimledger.data").joinpath("relation_cues.tsv").read_text("utf-8")
    table: dict[str, list[str]] = {}
    for line in text.splitlines()[1:]:
        if line.strip() and not line.startswith("#") and "\t" in line:
            kind, entry = line.split("\t", 1)
            table.setdefault(kind.strip(), []).append(entry.strip().lower())

    def split(kind: str) -> tuple[frozenset[str], tuple[str, ...]]:
        entries = table.get(kind, [])
        return (frozenset(e for e in entries if not e.endswith("*")),
                tuple(e[:-1] for e in entries if e.endswith("*")))

    neg, neg_stems = split("negation")
    pos, pos_stems = split("positive")
    bad, bad_stems = split("negative")
    opposites = tuple(tuple(e.split("|", 1)) for e in table.get("opposite", []) if "|" in e)
    return Cues(neg, neg_stems, pos, pos_stems, bad, bad_stems, opposites)  # type: ignore[arg-type]


def tokenize(text: str) -> list[str]:
    """Return lower-case word and number tokens; "don't" also yields the negation "n't"."""
    tokens = []
    for match in _WORD.finditer(text.lower().replace("’", "'")):
        word = match.group(0)
        if word.endswith("n't"):
            tokens.extend([word[:-3] or word, "n't"])
        else:
            tokens.append(word)
    return tokens


def content_words(tokens: Iterable[str]) -> set[str]:
    """Return the tokens that carry content: no stopwords, no negations, 6-letter stems."""
    cues = load_cues()
    return {t[:6] if not _NUMBER.match(t) else t for t in tokens
            if t not in STOPWORDS and t not in cues.negation and len(t) > 1}


def make_shingles(tokens: Sequence[str], size: int = SHINGLE_SIZE) -> set[tuple[str, ...]]:
    """Return the word n-grams of a token list (the whole list when it is shorter)."""
    if len(tokens) < size:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}


def containment(a: set, b: set) -> float:
    """Return the share of the smaller set found in the other (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def _hits(tokens: Iterable[str], words: frozenset[str], stems: tuple[str, ...]) -> list[str]:
    return [t for t in tokens if t in words or any(t.startswith(s) for s in stems)]


def count_negations(tokens: Sequence[str]) -> int:
    """Return how many negation cues a token list holds."""
    cues = load_cues()
    return len(_hits(tokens, cues.negation, cues.negation_stems))


def leaning(tokens: Sequence[str]) -> int:
    """Return the evaluative leaning of a claim: +1, -1 or 0.

    Positive minus negative cue words, a negation flipping the word after it (within 3 tokens).
    """
    cues = load_cues()
    total = 0
    for i, token in enumerate(tokens):
        value = (1 if _hits([token], cues.positive, cues.positive_stems) else
                 -1 if _hits([token], cues.negative, cues.negative_stems) else 0)
        if value and count_negations(tokens[max(0, i - 3):i]):
            value = -value
        total += value
    return (total > 0) - (total < 0)


def _numbers(tokens: Sequence[str]) -> dict[str, str]:
    """Map the word after each number (what is counted) to the number."""
    found = {}
    for i, token in enumerate(tokens[:-1]):
        if _NUMBER.match(token):
            found[tokens[i + 1][:6]] = token
        elif token.endswith("%"):
            found["%"] = token
    return found


def find_contradiction_cues(a_tokens: Sequence[str], b_tokens: Sequence[str]) -> list[str]:
    """Return readable reasons for a contradiction between two token lists (empty: none)."""
    cues = load_cues()
    reasons = []
    a_set, b_set = set(a_tokens), set(b_tokens)
    for left, right in cues.opposites:
        if (left in a_set and right in b_set and right not in a_set and left not in b_set) or (
                right in a_set and left in b_set and left not in a_set and right not in b_set):
            word_a = left if left in a_set else right
            word_b = right if word_a == left else left
            reasons.append(f"opposite outcomes: {word_a!r} vs {word_b!r}")
            break
    shared = content_words(a_tokens) & content_words(b_tokens)
    neg_a, neg_b = count_negations(a_tokens), count_negations(b_tokens)
    if shared and (neg_a > 0) != (neg_b > 0) and len(shared) >= 2:
        which = "the first" if neg_a else "the second"
        reasons.append(f"negated in {which} claim only, over shared words "
                       f"{', '.join(sorted(shared)[:4])}")
    numbers_a, numbers_b = _numbers(a_tokens), _numbers(b_tokens)
    for key in numbers_a.keys() & numbers_b.keys():
        if numbers_a[key] != numbers_b[key]:
            reasons.append(f"different figures for {key!r}: {numbers_a[key]} vs {numbers_b[key]}")
            break
    return reasons


def lexical_similarity(a_tokens: Sequence[str], b_tokens: Sequence[str]) -> float:
    """Return the Jaccard similarity of the content words (numbers and names count double)."""
    a_words, b_words = content_words(a_tokens), content_words(b_tokens)
    if not a_words or not b_words:
        return 0.0
    weight = (lambda w: 2.0 if _NUMBER.match(w) else 1.0)
    inter = sum(weight(w) for w in a_words & b_words)
    union = sum(weight(w) for w in a_words | b_words)
    return inter / union


def classify_texts(a: str, b: str, cosine: float | None = None,
                   leanings: tuple[float, float] | None = None) -> Relation:
    """Return the relation of two claim texts; ``cosine`` is their sentence-vector cosine and
    ``leanings`` their vector leanings (:func:`vector_leanings`), when known."""
    a_tokens, b_tokens = tokenize(a), tokenize(b)
    copied = containment(make_shingles(a_tokens), make_shingles(b_tokens))
    contradictions = find_contradiction_cues(a_tokens, b_tokens)
    if copied >= REUSE_CONTAINMENT and not contradictions:
        return Relation("repeat", f"copied text: {copied:.0%} of the shorter claim's "
                                  f"{SHINGLE_SIZE}-word shingles recur", copied)
    if cosine is not None:
        similarity, measure = cosine, "sentence-vector cosine"
        unrelated_max, repeat_min = UNRELATED_MAX_COSINE, REPEAT_MIN_COSINE
    else:
        similarity, measure = lexical_similarity(a_tokens, b_tokens), "content-word overlap"
        unrelated_max, repeat_min = UNRELATED_MAX_OVERLAP, REPEAT_MIN_OVERLAP
    if similarity < unrelated_max and not (contradictions and similarity > unrelated_max / 2):
        return Relation("unrelated", f"different topics: {measure} {similarity:.2f} < {unrelated_max}",
                        1.0 - similarity)
    strong = [r for r in contradictions if not r.startswith("negated")]
    if strong or (contradictions and similarity < repeat_min):
        return Relation("contradict", "; ".join(contradictions) + f" ({measure} {similarity:.2f})",
                        similarity)
    if similarity >= repeat_min:
        return Relation("repeat", f"same statement: {measure} {similarity:.2f} >= {repeat_min}",
                        similarity)
    if leanings is not None:
        product = leanings[0] * leanings[1]
        if product > AGREE_MIN_LEANING:
            return Relation("agree", f"same topic ({measure} {similarity:.2f}) and the same leaning "
                                     f"({_pole(leanings[0])}: {leanings[0]:+.1f} / {leanings[1]:+.1f})",
                            similarity)
        return Relation("contradict", f"same topic ({measure} {similarity:.2f}), opposite leanings "
                                      f"({_pole(leanings[0])} {leanings[0]:+.1f} vs {_pole(leanings[1])} "
                                      f"{leanings[1]:+.1f})", similarity)
    lean_a, lean_b = leaning(a_tokens), leaning(b_tokens)
    if lean_a and lean_b and lean_a == lean_b:
        return Relation("agree", f"same topic ({measure} {similarity:.2f}) and the same leaning "
                                 f"({'positive' if lean_a > 0 else 'negative'})", similarity)
    if lean_a and lean_b:
        return Relation("contradict", f"same topic ({measure} {similarity:.2f}), opposite leaning "
                                      f"({'positive' if lean_a > 0 else 'negative'} vs "
                                      f"{'positive' if lean_b > 0 else 'negative'})", similarity)
    return Relation(SAME_TOPIC_DEFAULT, f"same topic ({measure} {similarity:.2f}), no sign of "
                                        f"agreement", similarity / 2)


def _pole(value: float) -> str:
    return "positive" if value > 0 else "negative" if value < 0 else "neutral"


def vector_leanings(texts: Sequence[str], vectors: np.ndarray) -> np.ndarray:
    """Return each English claim's leaning: its vector on the evaluative axis (anchors, scaled by
    LEANING_SCALE) plus its lexical leaning; ``vectors`` are the texts' unit sentence vectors."""
    from .embeddings import embed_texts

    axis = embed_texts(POSITIVE_ANCHORS).mean(axis=0) - embed_texts(NEGATIVE_ANCHORS).mean(axis=0)
    lexical = np.array([leaning(tokenize(text)) for text in texts], dtype=np.float32)
    return vectors @ axis / LEANING_SCALE + lexical


def pair_cosines(a_texts: Sequence[str], b_texts: Sequence[str],
                 a_langs: Sequence[str | None], b_langs: Sequence[str | None]
                 ) -> list[tuple[float, tuple[float, float]] | None]:
    """Return, for each English-English pair, the MiniLM cosine and the two vector leanings
    (None for other language pairs)."""
    from .embeddings import embed_texts

    english = [i for i, (x, y) in enumerate(zip(a_langs, b_langs))
               if (x or "en") == "en" and (y or "en") == "en"]
    result: list[tuple[float, tuple[float, float]] | None] = [None] * len(a_texts)
    if not english:
        return result
    unique = list(dict.fromkeys([a_texts[i] for i in english] + [b_texts[i] for i in english]))
    vectors = embed_texts(unique)
    leanings = vector_leanings(unique, vectors)
    row = {text: n for n, text in enumerate(unique)}
    for i in english:
        a, b = row[a_texts[i]], row[b_texts[i]]
        result[i] = (float(np.dot(vectors[a], vectors[b])),
                     (float(leanings[a]), float(leanings[b])))
    return result


def pair_events(pairs: Sequence[dict[str, Any]], analyse: Callable[[Iterable[Any]], Iterable[Any]]
                ) -> dict[int, Relation]:
    """Return, by pair index, the event relation (link.matching.relate_by_events) of the pairs
    whose two texts report a shared event: both texts analysed with ``analyse`` (the pipeline's
    ``analyse_articles``; each distinct text once), compared through event types, place
    references, dates, polarity and sources (works across en/ru/uk)."""
    from ..models import Article
    from .matching import relate_by_events

    keys = [(str(pair.get(side) or ""), pair.get(f"{side}_lang") or None)
            for pair in pairs for side in ("a", "b")]
    distinct = list(dict.fromkeys(keys))
    articles = [Article(id=str(n), text=text, language=language)
                for n, (text, language) in enumerate(distinct)]
    docs = dict(zip(distinct, analyse(articles))) if articles else {}
    found = {}
    for i in range(len(pairs)):
        relation = relate_by_events(docs[keys[2 * i]], docs[keys[2 * i + 1]])
        if relation is not None and relation.label != "unrelated":
            found[i] = relation
    return found


def relate_pairs(pairs: Sequence[dict[str, Any]], *, vectors: bool = True,
                 analyse: Callable[[Iterable[Any]], Iterable[Any]] | None = None
                 ) -> list[dict[str, Any]]:
    """Return the pair records (``{id, a, b, a_lang, b_lang}``) each with a predicted ``label``
    and its ``reason``; ``vectors=False`` uses the lexical path only (no model). With
    ``analyse`` (the pipeline's ``analyse_articles``), pairs are first compared through the
    events extracted from them (works across en/ru/uk); the text evidence decides the rest."""
    a_texts = [str(p.get("a") or "") for p in pairs]
    b_texts = [str(p.get("b") or "") for p in pairs]
    cosines = (pair_cosines(a_texts, b_texts, [p.get("a_lang") for p in pairs],
                            [p.get("b_lang") for p in pairs])
               if vectors else [None] * len(pairs))
    by_events = pair_events(pairs, analyse) if analyse is not None else {}
    out = []
    for index, (pair, a, b, measured) in enumerate(zip(pairs, a_texts, b_texts, cosines)):
        cosine, leanings = measured if measured is not None else (None, None)
        relation = by_events.get(index) or classify_texts(a, b, cosine, leanings)
        out.append({**pair, "label": relation.label, "reason": relation.reason})
    return out
