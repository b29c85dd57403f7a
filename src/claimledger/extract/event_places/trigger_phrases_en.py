"""Phrases of an English trigger's sentence by the act they tell: the trigger's own phrases (its prepositional
phrases, object, compound names), whose places are its event's, and the phrases of other acts, whose places are
theirs: other triggers' phrases, purposes ("the operation to protect Donbass"), clauses set against it or setting a
condition for it, and verbs joined to it that tell events of their own. A spaCy ``Span`` in, character offsets of
tokens out; event_places_en.py weighs places by them.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..language.clauses import set_against
from ..language.doc_cache import span_tokens
from ..events.event_arguments import attempted
from ..events.event_triggers import UNDERGOING_VERBS
from ..events.modality import sets_condition
from .place_roles_en import BEARINGS, PLACE_NOUNS

# Dependencies of a trigger whose phrases say where its event happened: prepositional phrases
# ("at Ochakiv", "in Donbas", "near Kupiansk"), a place named before the noun ("the Kharkiv offensive"),
# the object or passive subject of a verb ("shelled Kharkiv", "Kharkiv was shelled"), "there".
OWN_PHRASE_DEPS = frozenset({"prep", "compound", "nmod", "dobj", "nsubjpass", "npadvmod", "advmod", "pobj",
                             "conj", "appos", "amod", "pcomp"})
# Verbs that report or count events as their object, and the prepositions of place the parser hangs on them rather
# than on the object: "reported 29 assaults in the Kurakhove sector over the past day, near Ostrivske and
# Heorhiivka" names where the assaults were.
COUNTING_VERBS = frozenset({"report", "record", "register", "count", "note", "confirm"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "near", "around", "outside", "at", "along", "on", "across"})
CONCESSIVE_WORDS = frozenset({"even"})  # "even if": a condition conceded, not set (see clauses_apart)


def own_phrase(span: Span, trigger_tokens: dict[int, str]) -> set[int]:
    """Character offsets of the tokens of the trigger and its own phrases, other triggers' phrases
    left out."""
    root = span.root
    tokens: list[Token] = list(span)
    # the phrases of every word of the trigger ("taken control of the village of X": "of" hangs on "control")
    # (a name the parser joins to the verb is one more object: "recaptured Izium, a key hub ..., and Kupiansk")
    stack = [c for t in span for c in t.children if (c.dep_ in OWN_PHRASE_DEPS and c.dep_ != "conj" or _participle(c)
                                                    or c.dep_ == "conj" and c.pos_ == "PROPN" and t.pos_ == "VERB")
             and not (span.start <= c.i < span.end)]
    if root.dep_ == "dobj" and root.head.lemma_.lower() in COUNTING_VERBS:
        stack += [c for c in root.head.children if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPOSITIONS]
    if root.lemma_.lower() in UNDERGOING_VERBS:  # "Bakhmut has fallen to Russia": the town, not who took it
        stack = [c for c in stack if not (c.dep_ == "prep" and c.lower_ == "to")] + [
            c for c in root.children if c.dep_ == "nsubj"]
    while stack:
        token = stack.pop()
        if token.i in trigger_tokens and token.i != root.i and not (token.dep_ == "dobj" and token.head.i == root.i) \
                and not _act_tried(token, root):
            continue  # another event's phrase ("strikes at Ochakiv, the shelling of the Sumy region"); the object
            # is the event's own argument ("repelled 21 attacks near Kurakhove, Tsukuryne and Heorhiivka"), and
            # so is the act of an attempt that is the object ("repelled attempts to advance near Chasiv Yar")
        tokens.append(token)
        stack.extend(c for c in token.children if (c.dep_ not in {"relcl", "advcl", "ccomp", "acl"}
                                                   or _act_tried(c, root)) and not _other_act(c))
    return {t.idx for t in tokens}


def _act_tried(token: Token, root: Token) -> bool:
    """True for the act of an attempt that is the trigger's object ("repelled attempts to advance near X")."""
    return attempted(token) and token.head.dep_ == "dobj" and token.head.head.i == root.i


def _other_act(token: Token) -> bool:
    """True for a common noun joined to a phrase of the trigger with its own prepositional phrase that
    names no part of a place ("the evacuation of citizens from Ukraine and the exit of ships from Azov
    ports"): another act with its own place, not a further place of the trigger's event ("in Toretsk and southeast of
    Pokrovsk" is one)."""
    return token.dep_ == "conj" and token.pos_ == "NOUN" and token.lemma_.lower() not in PLACE_NOUNS | BEARINGS \
        and any(c.dep_ == "prep" for c in token.children)


def _participle(token: Token) -> bool:
    """True for a participle phrase after a noun ("weapons being sent to Ukraine", "strikes carried
    out on Kharkiv"): it says what happened to the noun's event, so its places are the event's."""
    return token.dep_ == "acl" and token.tag_ in {"VBN", "VBG"} \
        and not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def other_phrases(span: Span, trigger_tokens: dict[int, str]) -> set[int]:
    """Character offsets of the phrases of the other triggers of the trigger's sentence that do not
    hold it ("human shields ... the shelling of Donbass cities": Donbass is the shelling's place)."""
    sentence = span.sent
    offsets: set[int] = set()
    for i in trigger_tokens:
        if sentence.start <= i < sentence.end and not (span.start <= i < span.end):
            phrase = own_phrase(span.doc[i:i + 1], trigger_tokens)
            if span.root.idx not in phrase:
                offsets |= phrase
    return offsets


def purpose_phrases(span: Span) -> set[int]:
    """Character offsets of the infinitives that modify another noun of the trigger's sentence ("the
    special operation to protect Donbass"): a purpose or aim, not where the trigger's event happened.
    "in order to" is the purpose of a verb, often the event's own ("a ceasefire in order to let
    civilians leave Mariupol"), and is kept."""
    offsets: set[int] = set()
    for token in span_tokens(span.sent):
        if (token.dep_ in {"acl", "relcl"} and token.head.pos_ == "NOUN" and token.head.lower_ != "order"
                and not (span.start <= token.head.i < span.end)
                and any(c.dep_ == "aux" and c.lower_ == "to" and c.i < token.i for c in token.children)
                and not (token.left_edge.i <= span.root.i <= token.right_edge.i)):
            offsets |= {t.idx for t in token.subtree}
    return offsets


def clauses_apart(span: Span) -> set[int]:
    """Character offsets of the clauses of the trigger's sentence that do not hold it and are set against it by
    "while" or "whereas" ("strikes on Kharkiv wounded 41 people, while three people were killed in the Zaporizhzhia
    region") or set a condition for it after it ("ready to start talks if Ukraine withdraws from Donetsk"; one
    before it sets the scene, and "even if" concedes one: "will fight even if Russia occupies X" fights there): their
    places are their own acts'."""
    offsets: set[int] = set()
    for token in span_tokens(span.sent):
        if token.dep_ == "advcl" and (set_against(token) or sets_condition(token) and token.i > span.root.i
                                      and not any(c.lower_ in CONCESSIVE_WORDS for c in token.children)) \
                and not token.left_edge.i <= span.root.i <= token.right_edge.i:
            offsets |= {t.idx for t in token.subtree}
    return offsets


def conjoined_events(span: Span, trigger_tokens: dict[int, str]) -> set[int]:
    """Character offsets of the phrases of the verbs joined to the trigger's by "and" that tell an event of their own
    ("Nine people were killed when ..., and two died in the town of Vovchansk": Vovchansk is where two died)."""
    return {offset for c in span.root.children if c.dep_ == "conj" and c.i in trigger_tokens and c.pos_ == "VERB"
            for offset in own_phrase(span.doc[c.i:c.i + 1], trigger_tokens)}
