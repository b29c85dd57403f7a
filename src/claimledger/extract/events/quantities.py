"""Counts in English text: "three populated points" -> 3, "over 4,000 people" -> 4000.

A count is an integer number of things (villages, people, buildings, engagements). Percentages
and distances are measurements, not counts, and give None. "Over N", "more than N" and
"at least N" give their lower bound N; "about N" gives N.
"""
from __future__ import annotations

import re
from typing import Iterable

# Number words of English news copy; "dozens", "hundreds" and "thousands" are vague and give None.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# "a dozen" 12, "two dozen" 24: a dozen multiplies as a hundred does.
MULTIPLIERS = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

COUPLE = 2  # "a couple of soldiers", "an elderly couple"

# Units after a number that make it a measurement rather than a count of things.
MEASURE_UNITS = frozenset({
    "%", "percent", "per", "km", "kilometre", "kilometres", "kilometer", "kilometers", "mile",
    "miles", "m", "metre", "metres", "meter", "meters", "kg", "ton", "tons", "tonnes", "hour",
    "hours", "minute", "minutes", "day", "days", "week", "weeks", "month", "months", "year",
    "years", "degree", "degrees", "$", "dollar", "dollars", "euro", "euros", "hryvnia",
    "rouble", "roubles", "ruble", "rubles",
})

# Nouns of a group counted by "of N" ("a family of five", "a crew of three").
GROUP_NOUNS = frozenset({"family", "group", "crew", "team"})
# Nouns of one person killed or wounded ("killed a 10-year-old boy"): a count of one.
PERSON_NOUNS = frozenset({"man", "woman", "boy", "girl", "child", "person", "civilian", "resident", "teenager",
                          "pensioner", "driver", "soldier", "serviceman", "officer", "volunteer", "journalist",
                          "medic", "doctor", "policeman", "firefighter", "rescuer", "worker", "farmer", "baby",
                          "infant", "student", "passenger", "mother", "father"})
PEOPLE_NOUNS = frozenset({"people", "adult", "civilian", "resident", "child", "soldier"})  # ... counted in the plural
_DIGITS = re.compile(r"^\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+$|^\d+$")


def parse_quantity(text: str) -> int | None:
    """Return the integer a number expression names ("4,000", "three", "two thousand"), else None."""
    words = text.strip().lower().replace("-", " ").split()
    if not words:
        return None
    if len(words) == 1 and _DIGITS.match(words[0]):
        return int(re.sub(r"\D", "", words[0]))
    total, current = 0, None
    for word in words:
        word = word.strip(",")
        if _DIGITS.match(word):
            current = (current or 0) + int(re.sub(r"\D", "", word))
        elif word in NUMBER_WORDS:
            current = (current or 0) + NUMBER_WORDS[word]
        elif word in MULTIPLIERS:
            total += (current or 1) * MULTIPLIERS[word]
            current = None
        elif word in {"and", "a"}:
            continue
        else:
            return None
    value = total + (current or 0)
    return value or None


def _is_measure(tokens: list) -> bool:
    """True when the number tokens are followed by a unit that makes them a measurement."""
    last = tokens[-1]
    following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if following is not None and following.lower_ in MEASURE_UNITS:
        return True
    preceding = tokens[0].doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if preceding is not None and preceding.text in {"$", "€", "£"}:
        return True
    if tokens[0].ent_type_ in {"PERCENT", "MONEY", "QUANTITY", "DATE", "TIME", "ORDINAL"}:
        return True
    return False


def _number_tokens(head) -> list:
    """The number token plus number words joined to it ("two thousand", "3,179", "two dozen")."""
    tokens = [head] + [c for c in head.children if (c.like_num or c.lower_ in MULTIPLIERS)
                       and c.dep_ in {"compound", "nummod", "quantmod"}]
    return sorted(tokens, key=lambda t: t.i)


def count_of(token) -> int | None:
    """Return the count that modifies a noun token ("three points" -> 3), or that it is itself."""
    candidates: list = []
    if token.like_num or token.pos_ == "NUM":
        candidates.append(token)
    if token.lower_ == "dozen":  # "a dozen (were) wounded", "two dozen": the multiplier is the count
        return parse_quantity(" ".join(t.text for t in token.subtree if t.dep_ in ("det", "nummod") or t is token))
    # "a dozen villages": the parser hangs "dozen" on the noun as a nummod or, as often, as a compound
    candidates.extend(c for c in token.children if c.dep_ == "nummod" and c.like_num
                      or c.dep_ in ("nummod", "compound") and c.lower_ == "dozen")
    # "seven of 10 Kalibr cruise missiles": the number parsed onto a name compounded with the noun (not "a
    # five-story building", a measure)
    candidates.extend(c for g in token.children if g.dep_ == "compound" and g.pos_ == "PROPN" for c in g.children
                      if c.dep_ == "nummod" and c.like_num)
    if token.lower_ in GROUP_NOUNS:  # "a family of five", "a group of 12 soldiers": the group's members
        members = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj"]
        candidates.extend(g for g in members if g.like_num)
        candidates.extend(c for g in members for c in g.children if c.dep_ == "nummod" and c.like_num)
    couple = _couple_of(token)
    if couple is not None:
        return couple
    for number in candidates:
        tokens = _number_tokens(number)
        part = next((c for c in number.children if c.dep_ == "quantmod" and c.lower_ == "of"), None)
        if part is not None:  # "seven of 10": those of the whole the act befell
            tokens = [t for t in tokens if t.i < part.i]
        if _is_measure(tokens):
            continue
        value = parse_quantity(" ".join(t.text for t in tokens))
        if value is not None:
            return value + _persons_joined(token)
    return None


def _persons_joined(noun) -> int:
    """How many single persons are joined onto people counted by ``noun`` ("Three adults and a child were killed":
    one more); 0 for a noun of no people."""
    if noun.lemma_.lower() not in PERSON_NOUNS | PEOPLE_NOUNS:
        return 0
    return sum(1 for c in noun.conjuncts if c.i > noun.i and c.tag_ == "NN" and c.lemma_.lower() in PERSON_NOUNS
               and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in c.children))


def adverbial_count(verb) -> int | None:
    """The count the parser hung on a verb as an adverb ("shot down 72 of 99 missiles", "two were killed and a dozen
    wounded"), or None."""
    numbers = [c for c in verb.children if c.dep_ == "npadvmod" and (c.like_num or c.lower_ == "dozen")]
    # a number said of whom it counts is theirs, and the number joined on the verb's ("12 dead and 24 wounded")
    numbers = [next((j for j in reversed(c.conjuncts) if j.like_num), None) if any(a.dep_ == "amod" for a in c.children)
               else c for c in numbers]
    return find_quantity([c for c in numbers if c is not None])


def count_beside_measure(noun) -> int | None:
    """The count of a noun joined to a measure ``noun`` or to its "of" phrase ("control 1,000 square kilometres of the
    Kursk region and 74 settlements": 74), or None when ``noun`` is no unit of measure."""
    if noun is None or noun.lower_ not in MEASURE_UNITS:
        return None
    owned = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return find_quantity(j for n in (noun, *owned) for j in n.conjuncts)


def _couple_of(token) -> int | None:
    """2 for "a couple" or the noun it counts ("a couple of soldiers", "an elderly couple"), not of a measure
    ("a couple of days"); else None."""
    couple = token if token.lower_ == "couple" else \
        token.head.head if token.head.lower_ == "of" and token.head.head.lower_ == "couple" else None
    if couple is None or not any(c.lower_ in ("a", "an") for c in couple.children):
        return None
    measured = [g for c in couple.children if c.lower_ == "of" for g in c.children if g.lower_ in MEASURE_UNITS]
    return None if measured else COUPLE


def find_quantity(tokens: Iterable) -> int | None:
    """Return the first count among the given tokens (nouns or numbers), or None."""
    for token in tokens:
        if token is None:
            continue
        value = count_of(token)
        if value is not None:
            return value
    return None


# Prepositions that bound a count a verb governs ("injuring over 120", "killed about 40 people").
BOUNDING_PREPOSITIONS = frozenset({"over", "about", "around", "nearly", "almost"})


def count_after_preposition(verb, prepositions: Iterable[str] = BOUNDING_PREPOSITIONS) -> int | None:
    """The count a verb governs through one of ``prepositions``: by default a bounding one, its lower bound or
    estimate as the guide counts "over N" ("injuring over 120"); "rose to 23", "withdrew from two villages" with
    those; None when there is none."""
    return find_quantity(g for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions
                         for g in c.children if g.dep_ == "pobj")


def one_person(verb) -> int | None:
    """1 for a verb of killing or wounding whose object or passive subject is one person named by a singular noun
    after "a"/"an"/"one" ("killed a 10-year-old boy", "a woman was wounded"), one more for each such person joined
    to it ("a 2-year-old girl and a 31-year-old woman were killed"); else None."""
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and _one_person_noun(c):
            return 1 + sum(1 for j in c.conjuncts if _one_person_noun(j))
    return None


def _one_person_noun(noun) -> bool:
    """True for a singular noun of a person after "a"/"an"/"one" ("a 31-year-old woman")."""
    return noun.tag_ == "NN" and noun.lemma_.lower() in PERSON_NOUNS \
        and any(d.dep_ in ("det", "nummod") and d.lower_ in ("a", "an", "one") for d in noun.children)


def number_of(root) -> int | None:
    """The count a "number of X" rose or climbed to, or is ("The number of dead rose to 12", "the total number of
    Russian missiles that have hit our cities is already 2,811"), or None."""
    number = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
    if number is None or number.lemma_.lower() not in ("number", "toll", "count", "total") or number.dep_ != "nsubj":
        return None
    stated = find_quantity(c for c in number.head.children if c.dep_ == "attr") if number.head.lemma_ == "be" else None
    return stated if stated is not None else count_after_preposition(number.head, ("to", "at"))


def times_count(verb) -> int | None:
    """The number of times a verb's act happened, from "15 times" / "twice" among its dependents ("the city was hit
    15 times": 15 strikes), or None."""
    # "15 times overnight": the count hangs on the time adverb
    children = [c for child in verb.children for c in (child, *(g for g in child.children if child.dep_ == "advmod"))]
    for child in children:
        if child.lower_ == "twice":
            return 2
        if child.lower_ == "times" and child.dep_ in ("npadvmod", "advmod", "dobj", "obj"):
            value = count_of(child)
            if value is not None:
                return value
    return None


# Words of a bound between a verb of killing and its count in headline copy ("kills at least 12", "injures over 40").
BOUND_WORDS = frozenset({"at", "least", "more", "than", "over", "about", "nearly", "almost", "around", "up", "to"})


def count_right_after(span) -> int | None:
    """The number right after a verb of killing or wounding, past bound words, that no parse attached to it: headline
    copy the parser reads as nouns ("Russian strike on Kharkiv store kills at least 12" -> 12); None when a
    measure follows the number or none comes first."""
    doc = span.doc
    k = span.end
    while k < len(doc) and doc[k].lower_ in BOUND_WORDS:
        k += 1
    if k >= len(doc) or not doc[k].like_num or doc[k].sent.start != span.sent.start:
        return None
    tokens = [doc[k]]
    while tokens[-1].i + 1 < len(doc) and (doc[tokens[-1].i + 1].like_num
                                           or doc[tokens[-1].i + 1].lower_ in MULTIPLIERS):
        tokens.append(doc[tokens[-1].i + 1])
    if _is_measure(tokens):
        return None
    return parse_quantity(" ".join(t.text for t in tokens))


def count_right_before(span) -> int | None:
    """The number right before a participle or adjective of harm ("12 dead and 24 wounded", "more than 30 wounded"),
    whatever the parse hung it on; None when no number comes right before."""
    root = span.root
    if span.end - span.start != 1 or root.tag_ not in ("VBN", "JJ") or root.i == 0:
        return None
    k = root.i - 1  # past the words of one number ("15 thousand dead")
    while k >= root.sent.start and (root.doc[k].like_num or root.doc[k].lower_ in MULTIPLIERS):
        k -= 1
    words = root.doc[k + 1:root.i]
    return parse_quantity(words.text) if len(words) and not _is_measure(list(words)) else None


def count_after_dash(span, weapons: frozenset[str]) -> int | None:
    """The number of weapons after a dash later in a strike's sentence ("Today's Russian strike alone at the city of
    Mykolaiv - 10 missiles"; the parser reads the dash as a hyphen), or None."""
    doc = span.doc
    for t in doc[span.end:span.sent.end]:
        if t.text in ("-", "–", "—") and t.i + 2 < len(doc) and doc[t.i + 1].like_num \
                and doc[t.i + 2].lemma_.lower() in weapons and doc[t.i + 2].sent.start == span.sent.start:
            return parse_quantity(doc[t.i + 1].text)
    return None
