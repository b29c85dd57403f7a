"""The English event-trigger lexicon and where its patterns match in a parsed Doc.

``data/lexicons/events_en.tsv`` rows are (event type, pattern, flags); a pattern is a sequence of word alternatives
("attack|assault/NOUN", "take * control"), matched on lowercased lemmas or words. :func:`lexicon_matches` gives
every (row index, start, end) match in a Doc; ``event_triggers`` decides which of them name events.
"""
from __future__ import annotations

import dataclasses
import functools
from importlib import resources

from spacy.attrs import LEMMA, LOWER
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ...errors import ModelError
from ...models import EVENT_TYPES

LEXICON_PACKAGE, LEXICON_FILE = "claimledger.data.lexicons", "events_en.tsv"
# Longest lexicon pattern in tokens, optional slots included (the Matcher window length).
MAX_PATTERN_TOKENS = 8
# Parts of speech a pattern may ask for ("/NOUN"); other constraints are fine-grained tags ("/VBN").
_POS = {"NOUN", "VERB", "ADJ", "ADV", "PROPN", "ADP", "AUX", "NUM", "PART"}


@functools.lru_cache(maxsize=1)
def load_event_lexicon() -> tuple[tuple[str, str, frozenset[str]], ...]:
    """Return the trigger lexicon as (type, pattern, flags) rows."""
    try:
        text = resources.files(LEXICON_PACKAGE).joinpath(LEXICON_FILE).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as error:
        raise ModelError(f"event lexicon {LEXICON_FILE} cannot be read: {error}") from error
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) < 2 or cells[0] not in EVENT_TYPES:
            raise ModelError(f"{LEXICON_FILE}:{number}: bad lexicon row {line!r}")
        flags = frozenset(f.strip() for f in cells[2].split(",") if f.strip()) if len(cells) > 2 else frozenset()
        rows.append((cells[0], cells[1].strip(), flags))
    return tuple(rows)


def _constraint(pos: str) -> dict:
    """The Matcher constraint of a pattern item's "/..." part: parts of speech, else fine-grained tags."""
    if not pos:
        return {}
    tags = pos.split("|")
    return {"POS" if all(t in _POS for t in tags) else "TAG": {"IN": tags}}


def _token_patterns(pattern: str) -> list[list[dict]]:
    """Matcher patterns for one lexicon pattern: one on lemmas, one on lowercased words."""
    variants: list[list[dict]] = [[], []]
    for item in pattern.split():
        words, _, pos = item.partition("/")
        constraint = _constraint(pos)
        if words in {"*", "_"}:
            for variant in variants:
                variant.append({"OP": "?"} if words == "*" else dict(constraint))
            continue
        alternatives = [w.lower() for w in words.split("|")]
        variants[0].append({"LEMMA": {"IN": alternatives}, **constraint})
        variants[1].append({"LOWER": {"IN": alternatives}, **constraint})
    return variants


@dataclasses.dataclass(frozen=True)
class _OneWord:
    """A one-word pattern, tested in Python: its row, its words and the part of speech or tag it asks for."""

    index: int
    words: frozenset[str]
    attribute: str | None  # "pos_" or "tag_", None for any
    values: frozenset[str]

    def matches(self, token: Token) -> bool:
        return (token.lemma_ in self.words or token.lower_ in self.words) \
            and (self.attribute is None or getattr(token, self.attribute) in self.values)


@dataclasses.dataclass
class _Index:
    """The lexicon for one vocabulary, by the words its patterns start with: one-word patterns, and a small Matcher
    of the longer ones. One Matcher over the whole lexicon evaluated every pattern's predicates at every token,
    which made matching slower than parsing; a Matcher call per one-word match cost more than the test itself."""

    vocab: object
    one_word: dict[str, list[_OneWord]]
    matchers: dict[str, Matcher]
    start_hashes: set[int] = dataclasses.field(default_factory=set)  # of the first words, as written or capitalised
    # for a first word, the hashes of the later words of its longer patterns, one of which must follow it ("to"
    # starts only "to better|safer positions"); None when a pattern of it has no later word ("_" slots only)
    later_hashes: dict[str, set[int] | None] = dataclasses.field(default_factory=dict)


_INDEXES: dict[int, _Index] = {}


def _index_for(vocab) -> _Index:
    """The lexicon index of a vocabulary, built once and cached."""
    cached = _INDEXES.get(id(vocab))
    if cached is not None and cached.vocab is vocab:
        return cached
    index = _Index(vocab, {}, {})
    for number, (_, pattern, _) in enumerate(load_event_lexicon()):
        first = pattern.split()[0].partition("/")[0].split("|")
        if len(pattern.split()) == 1:
            constraint = _constraint(pattern.partition("/")[2])
            attribute, values = next(iter(constraint.items()), (None, {"IN": ()}))
            one = _OneWord(number, frozenset(w.lower() for w in first),
                           {"POS": "pos_", "TAG": "tag_"}.get(attribute), frozenset(values["IN"]))
            for word in one.words:
                index.one_word.setdefault(word, []).append(one)
            continue
        later = {w.lower() for item in pattern.split()[1:] for w in item.partition("/")[0].split("|")} - {"*", "_"}
        for word in first:
            matcher = index.matchers.setdefault(word.lower(), Matcher(vocab))
            matcher.add(f"claimledger_event_{number}", _token_patterns(pattern))
            known = index.later_hashes.get(word.lower(), set())
            index.later_hashes[word.lower()] = None if known is None or not later else \
                known | {vocab.strings.add(w) for w in later}
    index.start_hashes = {vocab.strings.add(form) for word in (*index.one_word, *index.matchers)
                          for form in (word, word.capitalize(), word.upper())}
    _INDEXES[id(vocab)] = index
    return index


def lexicon_matches(doc: Doc) -> set[tuple[int, int, int]]:
    """(lexicon row index, start token, end token) of every match of a lexicon pattern in the Doc."""
    index = _index_for(doc.vocab)
    found: set[tuple[int, int, int]] = set()
    starts = index.start_hashes
    # the words and lemmas as hashes, read at once: Token objects are made only where a pattern may start
    words = doc.to_array([LOWER, LEMMA]).tolist()
    for i in (i for i, (lower, lemma) in enumerate(words) if lower in starts or lemma in starts):
        token = doc[i]
        for key in {token.lower_, token.lemma_.lower()}:
            for one in index.one_word.get(key, ()):
                if one.matches(token):
                    found.add((one.index, token.i, token.i + 1))
            later = index.later_hashes.get(key, set())
            if key in index.matchers and (later is None or not later.isdisjoint(
                    h for pair in words[i + 1:i + MAX_PATTERN_TOKENS] for h in pair)):
                # each small Matcher runs on a short window starting at its first word
                window = doc[token.i:min(len(doc), token.i + MAX_PATTERN_TOKENS)]
                found.update((int(doc.vocab.strings[m].rsplit("_", 1)[1]), token.i + s, token.i + e)
                             for m, s, e in index.matchers[key](window) if s == 0)
    return found
