"""The vocabulary of claim relations: labels, the Relation record, cue lexicons and wording measures.

Shared by ledger linking (matching.py, claim_links.py) and the relation classifier's features
(pair_features.py): tokens, content words, word 3-shingles and their containment (copied text),
weighted content-word overlap, the cue lexicons of data/relation_cues.tsv (negation, denial,
evaluative words, opposite outcomes) and the contradiction cues they give, and the hand-written
anchors of the evaluative axis. No model is run here.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

LABELS = ("repeat", "agree", "contradict", "unrelated")
SHINGLE_SIZE = 3  # words per shingle for copied-text detection
# Share of the shorter claim's shingles found in the other above which it is copied text
# (wire copy re-printed with small edits keeps well over half of its 3-word shingles).
REUSE_CONTAINMENT = 0.6
# Content-word overlap (weighted Jaccard, lexical_similarity) at or above which two statements of
# one source say the same thing (calibrated on half of the Perspectrum development pairs).
REPEAT_MIN_OVERLAP = 0.34
# Evaluative axis of the sentence space: what an argument for something and an argument against
# it say in general (written by hand, no pair text); link/pair_features.py projects claims on it.
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
    denial: frozenset[str] = frozenset()
    denial_stems: tuple[str, ...] = ()


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
    denial, denial_stems = split("denial")
    return Cues(neg, neg_stems, pos, pos_stems, bad, bad_stems, opposites,  # type: ignore[arg-type]
                denial, denial_stems)


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


def count_denials(tokens: Sequence[str]) -> int:
    """Return how many denial cues ("untrue", "фейк", "інсценування") a token list holds."""
    cues = load_cues()
    return len(_hits(tokens, cues.denial, cues.denial_stems))


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
