"""Which English trigger mentions name an event already kept: a definite or demonstrative re-mention ("the call",
"this strike") and a trigger close in the tree to one of the same type, claimant and clause ("shelling and missile
attacks"). spaCy spans and tokens in, answers out; pure. events.py keeps one event per act.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Span, Token

from ...models import Event
from ..language.clauses import set_against

# Determiners of a definite re-mention ("the call", "that meeting", "today's conversation").
ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "such", "today"})
# Determiners that point back to an event told before ("this strike").
DEMONSTRATIVES = frozenset({"this", "these", "that", "those"})
# Max tree steps between two same-type triggers of one sentence that are taken as one event
# ("Brutal shelling and missile attacks"); calibrated on data/dev/attribution_dev.jsonl.
MERGE_TREE_DISTANCE = 3
# Casualty triggers of death and of injury: one is never the other told again ("killed and a dozen wounded").
DEATH_LEMMAS = frozenset({"kill", "killed", "die", "dead", "death", "killing", "fatality", "fatalities"})
INJURY_LEMMAS = frozenset({"wound", "wounded", "injure", "injured", "injury", "hurt"})


def is_anaphoric(span: Span) -> bool:
    """True for a definite mention ("the call", "during the conversation", "Today's conversation")."""
    children = list(span.root.children)
    if any(c.dep_ in {"amod", "nummod"} or c.ent_type_ == "DATE"
           or (c.dep_ == "prep" and c.lower_ in {"of", "with", "between", "in"}) for c in children):
        return False  # "the latest meeting", "the April 26 meeting", "the talks with X" are new
    return any(c.dep_ in {"det", "poss"} and c.lower_ in ANAPHORIC_DETERMINERS for c in children)


def is_demonstrative(span: Span) -> bool:
    """True for a mention pointed back to by a demonstrative ("this strike", "these attacks on
    Odesa"); a modifier or count makes it a new one ("this new attack", "these three strikes")."""
    children = [c for c in span.root.children if not span.start <= c.i < span.end]  # "this humanitarian corridor"
    return not any(c.dep_ in {"amod", "nummod", "compound"} for c in children) and any(
        c.dep_ == "det" and c.lower_ in DEMONSTRATIVES for c in children)


def _tree_distance(a: Token, b: Token, limit: int) -> int | None:
    """Steps between two tokens through their lowest common head, or None beyond limit."""
    up_a = [a, *list(a.ancestors)[:limit]]
    for steps_b, token in enumerate([b, *list(b.ancestors)[:limit]]):
        if token in up_a:
            total = up_a.index(token) + steps_b
            return total if total <= limit else None
    return None


def corefers(span: Span, other: Span, kind: str, claimed_by: str | None, quantity: int | None,
             when: str | None, event: Event, places_of: Callable[[], Sequence[str]] = tuple) -> bool:
    """True when a trigger re-mentions an event already kept: same type and claimant, same
    sentence, close in the tree ("shelling and missile attacks"), no conflicting count or date; told in a clause of
    its own, not at other places than the event's (``places_of`` gives the trigger's: "The fall of Avdiivka is ...
    since it captured Bakhmut" are two takings, "has withdrawn its troops when Russia withdraws its troops" one)."""
    if event.type != kind or event.claimed_by != claimed_by or span.sent.start != other.sent.start:
        return False
    if quantity is not None and event.quantity is not None and quantity != event.quantity:
        return False
    if when is not None and event.when is not None and when != event.when:
        return False
    harms = {_harm(span.root), _harm(other.root)}
    if kind == "casualties" and None not in harms and len(harms) == 2:
        return False  # "Two people were killed and a dozen wounded": the wounded are other victims
    if _tree_distance(span.root, other.root, MERGE_TREE_DISTANCE) is None:
        return False
    clause, other_clause = _own_clause(span.root), _own_clause(other.root)
    if clause == other_clause or not event.places:
        return True
    if set_against(span.doc[clause]) or set_against(span.doc[other_clause]):
        return False  # a clause set against the other tells another act ("..., while fighting continued")
    own = places_of()
    return not own or not set(own).isdisjoint(event.places)


def _harm(token: Token) -> str | None:
    """Which harm a casualty trigger tells: "death" ("killed", "dead"), "injury" ("wounded", "injured"), or None."""
    lemma = token.lemma_.lower()
    return "death" if lemma in DEATH_LEMMAS else "injury" if lemma in INJURY_LEMMAS else None


def _own_clause(token: Token) -> int:
    """Index of the head of the clause a trigger is told in: the root, or a relative, complement or adverbial clause
    with a subject of its own ("... since it captured Bakhmut"); a participle clause with none stays its head's
    ("attacked Kharkiv, shelling homes")."""
    while token.head.i != token.i:
        if token.dep_ in ("relcl", "ccomp") or token.dep_ == "advcl" and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return token.i
        token = token.head
    return token.i
