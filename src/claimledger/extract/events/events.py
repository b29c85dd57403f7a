"""Events in English war reports: what is claimed to happen, by whom, where, when, how many.

Doc, the document's attributions and places and its publication date in, ``Event`` records out.
Triggers come from ``event_triggers.find_triggers``; for each trigger:

* the dependency tree gives the actor (subject, or the agent of a passive: "by X", "under control
  of X"), the target (object, passive subject, "on X" / "with X"), the count modifying the target
  ("three populated points" -> 3), negation ("no hostilities", "could not be repulsed"; event_polarity_en.py) and
  modality (will/must/planned/threatened -> future; possible/potential/could/in case of -> hypothetical);
* places are the given Place spans in the trigger's clause (else its sentence), less an oblast or
  raion holding another of them (the town places the event, the oblast only locates it) and those in the
  actor's phrase ("escalation by Russia": who acts, not where); the date is the
  nearest time expression in the sentence (``dates.find_time_expressions``, resolved against the publication date);
* claimed_by is the attribution with the innermost content span containing the trigger;
* one event per (type, claimant) per sentence, and definite re-mentions ("during the call") of an
  event already seen for the same claimant are dropped.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ...models import Attribution, Event, Place
from ..dates.dates import dates_another, find_time_expressions
from ..places.datelines import outside_datelines
from ..language.doc_cache import doc_ents, doc_text, line_memo, sentence_of
from .event_arguments import (
    WEAPON_LEMMAS, assaults_near, attacks_a_target, blocks_talks, destroys_an_abstraction, destroys_fighters,
    destroys_weapons, fights_for, frees_people, is_argument, names_held_land, strike_result,
)
from ..dates.event_dates_en import default_when, event_when, planned_before
from .event_mentions_en import corefers, is_anaphoric, is_demonstrative
from .events_by_place_en import split_by_place
from ..event_places.event_places import LEDGER_KINDS, settled_places
from ..event_places.event_places_context_en import without_places_of_other_speakers
from ..event_places.event_places_en import event_places
from .event_polarity import claimed_polarity, innermost_claimant
from .event_polarity_en import event_polarity, names_no_one, verb_subjects
from .event_triggers import FLEEING_VERBS, NATIONALITIES, UNDERGOING_VERBS, find_triggers
from .modality import event_modality
from .trigger_objects_en import names_a_force, names_settlement
from .quantities import (adverbial_count, count_after_dash, count_after_preposition, count_beside_measure,
                         count_right_after, count_right_before, find_quantity, number_of, one_person, times_count)
from .retold_events import without_retold_strikes

# Negotiation heads that name one call or meeting; their later definite mentions corefer.
CONTACT_LEMMAS = frozenset({"conversation", "call", "talk", "meeting", "negotiation",
                            "videoconference", "summit"})
# Types whose mention with a demonstrative ("this strike") re-mentions an event already reported.
FIGHTING_TYPES = frozenset({"strike", "clash", "casualties", "evacuation", "territory_control", "withdrawal",
                            "attack_repelled"})
# Possessive pronouns whose act is that of the subject named above them ("Moscow pressed its offensive"), and how
# many heads up that subject is looked for.
REFERRING_PRONOUNS = frozenset({"its", "their"})
# States and their seats of government that "it" may stand for as the actor of a clause.
STATE_NAMES = frozenset({*NATIONALITIES.values(), "Moscow", "Kremlin", "Kyiv", "Kiev", "Washington"})
# Verbs of taking or striking a headline uses as a passive with no auxiliary ("Bakhmut captured").
REDUCED_PASSIVE_VERBS = frozenset({"capture", "seize", "take", "liberate", "retake", "recapture", "occupy", "hit",
                                   "strike", "shell", "bomb"})
# ... and subject pronouns of a clause reported by that subject ("Russia says it captured five villages").
SUBJECT_PRONOUNS = frozenset({"it", "they"})
# Verbs of killing or wounding whose count may stand right after them unparsed (headlines: "kills at least 12").
KILLING_LEMMAS = frozenset({"kill", "injure", "wound", "hurt"})
# Verbs whose subject judges or tells an act named as their object, not who does it ("Zelenskyy condemned the
# strike", "Biden welcomed the liberation of Kherson"); "Russia launched a strike" names the actor.
STANCE_VERBS = frozenset({"condemn", "welcome", "denounce", "deplore", "praise", "criticise", "criticize", "slam",
                          "hail", "mourn", "investigate", "document", "witness", "discuss", "describe", "deny",
                          "confirm", "report", "mention", "recall", "comment", "decry", "applaud", "call",
                          "show", "depict", "film", "see", "watch"})  # ("a video which showed the attack")
MAX_SUBJECT_CLIMB = 4
# Dependencies by which a verb shares the subject of the word above it ("decided to withdraw", "took Izium and
# pushed on"), and those by which the words above it pass a subject further up ("were able to recapture").
SUBJECT_SHARING_DEPS = frozenset({"xcomp", "acomp", "conj", "advcl"})
RAISING_DEPS = frozenset({"xcomp", "acomp"})
# Verbs whose object is who does what their infinitive says ("urged Kyiv to withdraw", "forced people to flee").
OBJECT_CONTROL_VERBS = frozenset({"urge", "force", "ask", "order", "compel", "call", "push", "press", "encourage",
                                  "instruct", "invite", "persuade", "allow", "enable", "help", "tell", "oblige"})
RELATIVE_TAGS = frozenset({"WDT", "WP"})  # "which", "that", "who" opening a relative clause
# Modifiers and partners that make a meeting internal or a press event, not a negotiation.
INTERNAL_MEETING_WORDS = frozenset({"working", "staff", "operational", "media", "press", "journalist",
                                    "reporter", "representative", "briefing"})
STRIKING_VERBS = frozenset({"hit", "strike", "target", "attack", "bomb", "shell"})  # a meeting they take is a target
# Modifiers that make calls or meetings a habit, not one contact ("regular telephone conversations").
HABITUAL_WORDS = frozenset({"regular", "frequent", "constant", "periodic", "routine", "occasional",
                            "permanent", "systematic"})
# Specifiers that make a meeting a diplomatic contact: a partner ("with", "between", "of the heads"),
# a place or date ("in Sochi", "the April 26 meeting"), a kind ("trilateral", "bilateral").
MEETING_SPECIFIER_PREPS = frozenset({"with", "between", "of", "in", "among"})
# Prepositions of a meeting's verb that give a circumstance, not a partner ("held a meeting on ...").
CIRCUMSTANCE_PREPOSITIONS = frozenset({"during", "at", "on", "concerning"})
# Types whose generic re-mentions by the same claimant in one document are one event (data/dev/README.md
# section E: "coreferent re-mentions by the same claimant are not repeated"): repeated "taken hostage",
# "human shields", "provocations" claims in a readout. Strikes and clashes name new events by place or date.
REPEATED_CLAIM_TYPES = frozenset({"other"})
# Types whose definite re-mentions by the same claimant corefer whatever their head word ("the creation
# of a buffer zone" ... "the buffer zone"): an article is about one zone.
ZONE_TYPES = frozenset({"security_zone"})
# Max tokens of an actor/target label before it is cut back to the head and its compounds.
MAX_LABEL_TOKENS = 8


def _claimant(span: Span, attributions: Sequence[Attribution]) -> str | None:
    """The attribution with the innermost content span containing the trigger, else the one whose cue opens it."""
    claimant = innermost_claimant(span.start_char, span.end_char, attributions)
    root = span.root
    if claimant is None and root.dep_ in {"nsubj", "nsubjpass"} and root.head.i > root.i:
        # the event is the subject just outside the content of its predicate: "The buffer zone, as
        # described by Russian officials, is intended to serve ..." (data/dev/README.md section E)
        verb = root.head.idx
        return innermost_claimant(verb, verb + 1, [a for a in attributions if a.content[0] >= span.end_char])
    if claimant is None:  # "Russia claimed control of Avdiivka": the claim's own cue is part of the trigger
        claimant = next((a.id for a in attributions if a.cue is not None
                         and a.cue[0] == span.start_char and span.end_char <= a.content[1]), None)
    return claimant


def _label(token: Token | None) -> str | None:
    """A short label for the noun phrase headed by token ("Russian Armed Forces")."""
    if token is None or token.like_num:
        return None  # "28 injured": a count of the affected, not who acted
    if token.lower_ in NATIONALITIES and token.pos_ in {"ADJ", "PROPN"} and token.dep_ in {"amod", "compound"}:
        return NATIONALITIES[token.lower_]
    for ent in doc_ents(token.doc):
        if ent.start <= token.i < ent.end and ent.label_ in {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}:
            text = ent.text
            return text[4:] if text.lower().startswith("the ") else text
    keep = [t for t in token.subtree
            if t.dep_ not in {"det", "punct", "relcl", "acl", "appos", "cc", "advmod", "predet"}
            and not any(a.dep_ in {"relcl", "acl", "appos", "conj"} for a in t.ancestors
                        if a.i != token.i and token in a.ancestors)]
    keep = [t for t in keep if t.i >= token.left_edge.i and (token.head is token or (t.i < token.head.i)
                                                              == (token.i < token.head.i))]  # not across its verb
    if not keep or len(keep) > MAX_LABEL_TOKENS:
        keep = [c for c in token.lefts if c.dep_ in {"compound", "amod"}] + [token]
    start, end = min(t.i for t in keep), max(t.i for t in keep) + 1
    text = token.doc[start:end].text
    return text[4:] if text.lower().startswith("the ") else text


def _child(token: Token, deps: set[str], preps: set[str] = frozenset()) -> Token | None:
    """The child with one of the dependencies nearest the token (of two subjects the parser gives, the one next to the
    verb: "fighting continued and Ukrainian troops held ...": the troops), else the object of one of the prepositions
    (dates and times excluded); never a headline's topic label ("Kherson: Russia completes withdrawal")."""
    matches = [child for child in token.children if child.dep_ in deps and not _topic_label(child)]
    if matches:
        return min(matches, key=lambda c: abs(c.i - token.i))
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [c for c in child.children if c.dep_ == "pobj" and c.ent_type_ not in {"DATE", "TIME"}]
            if objects:
                return objects[0]
    return None


def _topic_label(token: Token) -> bool:
    """True for a phrase that opens its sentence and ends at a colon: a topic label, no argument of the verb."""
    end = token.right_edge.i + 1
    colon = token.right_edge.text == ":" or end < len(token.doc) and token.doc[end].text == ":"
    return token.left_edge.i == token.sent.start and colon


def _subject_named_above(token: Token) -> Token | None:
    """The nearest subject up the verbs above a token that is no pronoun ("Russia announced it had completed
    its withdrawal": Russia), within its sentence."""
    for head in [token, *token.ancestors][:MAX_SUBJECT_CLIMB]:
        subject = _child(head, {"nsubj"}) if head.pos_ in {"VERB", "AUX"} else None
        if subject is not None and subject.pos_ != "PRON":
            return subject
    return None


def _shared_subject(verb: Token) -> Token | None:
    """The verb's subject, else that of the word above it whose subject it shares (SUBJECT_SHARING_DEPS, then up
    RAISING_DEPS: "Ukrainian forces were able to recapture ...": the forces), or the object of a verb of urging it
    completes ("urged Kyiv to withdraw": Kyiv), within MAX_SUBJECT_CLIMB steps; a relative pronoun stands for the
    noun its clause modifies. None when there is none."""
    for step in range(MAX_SUBJECT_CLIMB):
        subject = _child(verb, {"nsubj"})
        if subject is not None:
            return _antecedent(subject) if subject.tag_ in RELATIVE_TAGS else subject
        if verb.dep_ not in (SUBJECT_SHARING_DEPS if step == 0 else RAISING_DEPS) or verb.head.i == verb.i:
            return None
        controller = _child(verb.head, {"dobj"}) if verb.dep_ == "xcomp" \
            and verb.head.lemma_.lower() in OBJECT_CONTROL_VERBS else None
        if controller is not None and controller.i < verb.i:
            return controller
        verb = verb.head
    return None


def _named_subject(verb: Token) -> Token | None:
    """The verb's subject (:func:`_shared_subject`), a pronoun replaced by the subject named above it ("Russia says it
    captured ...", "Moscow says it has taken full control of the town": Russia, Moscow) or, for "it", by the state
    named before it."""
    actor = _shared_subject(verb)
    if actor is not None and actor.lower_ in SUBJECT_PRONOUNS and verb.dep_ in {"ccomp", "conj", "xcomp"}:
        actor = _subject_named_above(verb.head) or actor
    if actor is not None and actor.lower_ == "it":
        actor = _state_before(actor) or actor
    return actor


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a relative pronoun's clause modifies ("occupiers who kill": occupiers), or None."""
    clause = next((a for a in pronoun.ancestors if a.dep_ == "relcl"), None)
    return clause.head if clause is not None and clause.head.pos_ in {"NOUN", "PROPN"} else None


def _state_before(pronoun: Token) -> Token | None:
    """The nearest state or government named before "it" in its sentence ("handing Russia its biggest gain since it
    captured Bakhmut": Russia), or None."""
    return next((t for t in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]) if t.text in STATE_NAMES), None)


def _reduced_passive(verb: Token) -> bool:
    """True for a verb of taking or striking with no object whose subject is a place, not a state ("says Bakhmut
    captured", "Kharkiv hit again"): a headline's passive without its auxiliary, the place what was taken or hit."""
    subject = _child(verb, {"nsubj"})
    return verb.lemma_.lower() in REDUCED_PASSIVE_VERBS and subject is not None \
        and (subject.ent_type_ in ("GPE", "LOC", "FAC") or subject.pos_ == "PROPN" and not subject.ent_type_
             or names_settlement(subject)) \
        and subject.text not in STATE_NAMES \
        and not any(c.dep_ in ("dobj", "attr") for c in verb.children)


def _actor_and_target(span: Span) -> tuple[Token | None, Token | None]:
    root = span.root
    for token in span:
        if token.lower_ != "control":
            continue
        of = _child(token, set(), {"of"})
        if any(t.lower_ in {"under", "in"} for t in span if t.i < token.i):
            if of is not None:  # "under control of X": the holder of control is the actor
                target = _child(span.root, {"nsubjpass", "dobj"})
                if target is None and span.root.dep_ == "prep":  # "75 settlements are under control of X"
                    target = _child(span.root.head, {"nsubj", "nsubjpass"})
                return of, target
        elif of is not None and token.head.pos_ in {"VERB", "AUX"}:
            # "forces took control of X": X is the target, the verb's subject the actor
            return _named_subject(token.head), of
    if root.pos_ in {"VERB", "AUX"} or root.tag_.startswith("VB"):
        passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in root.children) or root.dep_ == "acl"
        if passive:
            agent = next((c for c in root.children if c.dep_ == "agent"), None)
            actor = _child(agent, {"pobj"}) if agent is not None else None
            target = _child(root, {"nsubjpass"}) or (root.head if root.dep_ == "acl" else None)
            return actor, target
        if root.lemma_.lower() in UNDERGOING_VERBS:  # "Bakhmut has fallen (to Russia)": the subject is the place
            return _child(root, set(), {"to"}), _child(root, {"nsubj"})  # taken, the object of "to" who took it
        if _reduced_passive(root):  # a headline's "Wagner chief says Bakhmut captured"
            return None, _child(root, {"nsubj"})
        return _named_subject(root), _child(root, {"dobj"}, {"on", "against", "with"})
    actor = _child(root, {"poss"}, {"by"})
    if actor is not None and actor.ent_type_ in ("DATE", "TIME"):
        actor = None  # "Today's Russian strike": when, not who
    if actor is not None and actor.lower_ in REFERRING_PRONOUNS:
        actor = _subject_named_above(root) or actor  # "Moscow pressed its new offensive": Moscow's
    if actor is None:
        actor = next((c for c in root.lefts if c.dep_ in {"amod", "compound"} and c.lower_ in NATIONALITIES), None)
    if actor is None and root.dep_ in {"dobj", "nsubjpass"} and root.head.pos_ in {"VERB", "AUX"} \
            and root.head.lemma_.lower() not in STANCE_VERBS | FLEEING_VERBS:  # (who flees it does not fight)
        actor = _child(root.head, {"nsubj", "agent"})
        if actor is not None and actor.dep_ == "agent":
            actor = _child(actor, {"pobj"})
    target = _child(root, set(), {"with", "on", "against", "of", "in"})
    return actor, target


def _is_unspecified_meeting(span: Span) -> bool:
    """True for a bare "meeting" with no partner, place, date or kind ("held a meeting concerning the
    situation", "a video meeting at Chatham House"): an event of the speaker's own agenda."""
    root = span.root
    if root.lemma_.lower() != "meeting" or span.end - span.start > 1:
        return False
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in MEETING_SPECIFIER_PREPS:
            return False
        if child.dep_ in {"amod", "compound", "nummod", "nmod"} and child.lower_ not in INTERNAL_MEETING_WORDS \
                and child.lower_ not in {"video", "online"}:
            return False
        if child.ent_type_ in {"DATE", "GPE", "PERSON", "NORP", "ORG"}:
            return False
    if root.head.i != root.i and any(c.dep_ in {"dative", "prep"} and c.lower_ not in CIRCUMSTANCE_PREPOSITIONS
                                     for c in root.head.children if c.i != root.i):
        return False  # "offered him a meeting", "agreed with X on a meeting"
    return True


def _is_internal_meeting(span: Span) -> bool:
    """True for a working/staff meeting or one with the media, or one struck ("hit a meeting of commanders"): not a
    negotiation (talks "with representatives of Ukraine" are)."""
    root = span.root
    if root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in STRIKING_VERBS:
        return True
    words = {c.lemma_.lower() for c in root.children} | {c.lower_ for c in root.children}
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in {"with", "of"}:
            words |= {t.lemma_.lower() for t in child.subtree} | {t.lower_ for t in child.subtree}
    return bool(words & INTERNAL_MEETING_WORDS)


def _is_heading(span: Span) -> bool:
    """True when the trigger's line is a heading or caption: no verb, no closing punctuation.
    A text of one line (a headline analysed on its own) is no caption of other text."""
    doc, text = span.doc, doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    end = len(text) if end < 0 else end
    if not text[:start].strip() and not text[end:].strip():
        return False
    memo = line_memo(doc)
    if (start, end) not in memo:  # the same line holds many triggers: decided once
        memo[start, end] = _line_is_heading(doc, start, end)
    return memo[start, end]


def _line_is_heading(doc: Doc, start: int, end: int) -> bool:
    line = doc.char_span(start, end, alignment_mode="expand")
    if line is None or not line.text.strip():
        return False
    words = [t for t in line if not t.is_space]
    closed = words[-1].text in {".", "!", "?", "…", '"', "”", ":", ";"}
    return not closed and not any(t.pos_ in {"VERB", "AUX"} for t in words)


def find_events(doc: Doc, attributions: Sequence[Attribution], places: Sequence[Place],
                published: str | None) -> list[Event]:
    """Return the events a spaCy Doc reports, with claimant, polarity, modality, actor,
    target, places, count and date (resolved against ``published``, an ISO date or datetime)."""
    times = outside_datelines(doc_text(doc), find_time_expressions(doc, published))
    events: list[Event] = []
    kept: list[tuple[Span, Event]] = []
    seen_contacts: set[tuple[str | None, str]] = set()
    seen_heads: set[tuple[str, str | None, str]] = set()
    triggers = find_triggers(doc)
    trigger_tokens = {span.root.i: kind for kind, span in triggers}
    sources = [a.source for a in attributions if a.source is not None]
    contents = [a.content for a in attributions]
    for kind, span in triggers:
        if kind == "strike" and destroys_an_abstraction(span):
            continue  # "the occupiers destroyed freedom of speech": a figure of speech
        if kind == "strike" and destroys_fighters(span):
            kind = "clash"  # "the occupier is being destroyed": fighting, not a strike on a target
        elif kind == "strike" and destroys_weapons(span):
            kind = "other"  # "31 drones, of which 23 were destroyed": shot down, as "shot down" is
        if kind == "clash" and attacks_a_target(span):
            kind = "strike"  # "Russia attacked energy facilities": a strike on a target, not fighting
        elif kind == "strike" and assaults_near(span):
            kind = "clash"  # "pressed attacks near Robotyne": a ground assault
        if kind in ("territory_control", "withdrawal") and fights_for(span):
            kind = "clash"  # "Russian forces have been trying to capture the town": fighting for it, no capture
        if kind == "territory_control" and frees_people(span):
            kind = "evacuation"  # "liberate civilians and servicemen from Mariupol": getting people out
        if _is_heading(span) or dates_another(span.start_char, span.end_char, times, doc_text(doc)):
            continue  # headings and captions ("Casualties and losses"), times ("since the full-scale invasion")
        if is_argument(span, trigger_tokens) or blocks_talks(span, trigger_tokens) \
                or strike_result(span, trigger_tokens):
            continue
        claimed_by = _claimant(span, attributions)
        actor, target = _actor_and_target(span)
        if kind == "withdrawal" and actor is None and target is not None and target.dep_ == "nsubjpass" \
                and names_a_force(target):
            actor, target = target, None  # "Ukrainian troops were forced out": who was made to leave
        quantity = count_right_before(span) if kind == "casualties" else None  # "12 dead and 24 wounded"
        if quantity is None:
            quantity = find_quantity([target, span.root] if kind != "negotiation" else [])
        if quantity is None and kind != "negotiation":
            quantity = count_beside_measure(target)
        if quantity is None and kind in ("strike", "clash", "attack_repelled"):  # "the city was hit 15 times"
            verb = span.root.head if span.root.dep_ == "prep" else span.root  # ("came under fire 15 times")
            quantity = times_count(verb)
        if quantity is None and kind == "casualties":  # "1,478 have surrendered": the count is the subject
            quantity = find_quantity(verb_subjects(span.root))
            quantity = count_after_preposition(span.root) if quantity is None else quantity  # "injuring over 120"
        if quantity is None and kind == "casualties" and span.root.dep_ == "nsubj":  # "the toll rose to 23"
            quantity = count_after_preposition(span.root.head, ("to", "at"))
        if quantity is None and kind == "casualties":
            quantity = one_person(span.root)
        if quantity is None:  # "the number of dead rose to 12", "the total number of missiles ... is 2,811"
            quantity = number_of(span.root)
        if quantity is None and kind == "strike":  # "Today's strike at the city of Mykolaiv - 10 missiles"
            quantity = count_after_dash(span, WEAPON_LEMMAS)
        if quantity is None and kind == "casualties" and span.root.lemma_.lower() in KILLING_LEMMAS:
            quantity = count_right_after(span)  # headline copy: "strike on Kharkiv store kills at least 12"
        if quantity is None and kind in ("other", "casualties"):  # "shot down 72 of 99 missiles", "killed and a dozen
            quantity = adverbial_count(span.root)  # wounded" (the number parsed as an adverb)
        if quantity is None and kind == "withdrawal":  # "withdrew from two villages": the places left
            quantity = count_after_preposition(span.root, ("from",))
        if quantity is not None and any(map(names_no_one, verb_subjects(span.root))):
            quantity = None  # "No one was injured": "one" counts no one
        modality = event_modality(span)
        to_come = modality in ("future", "hypothetical") and not planned_before(span)
        when = event_when(span, times, (published or "")[:10] or None if to_come else None)
        if when is None and claimed_by is None:
            when = default_when(span, kind, published)
        polarity = claimed_polarity(event_polarity(span), claimed_by, attributions)
        same = next((n for n, (other, event) in enumerate(kept)
                     if corefers(span, other, kind, claimed_by, quantity, when, event,
                                 lambda: event_places(span, places, actor, kind, trigger_tokens, sources, contents))
                     and polarity == event.polarity), None)  # ("raised flags ... but did not control the town")
        if same is not None:
            if kind in LEDGER_KINDS:  # "recaptured Kupiansk and liberated Izium": one event, both places
                other, event = kept[same]
                more = tuple(k for k in event_places(span, places, actor, kind, trigger_tokens, sources, contents)
                             if k not in event.places)
                if more:  # kept and events grow together: the same index holds the same event
                    events[same] = replace(event, places=event.places + more)
                    kept[same] = (other, events[same])
            continue
        head_lemma = span[0].lemma_.lower() if names_held_land(span) else span.root.lemma_.lower()
        if kind == "negotiation" and head_lemma in CONTACT_LEMMAS:
            if ((head_lemma == "meeting" and _is_internal_meeting(span)) or _is_unspecified_meeting(span)
                    or any(c.lower_ in HABITUAL_WORDS for c in span.root.children)
                    or (seen_contacts and is_anaphoric(span))):
                continue
            seen_contacts.add((claimed_by, head_lemma))
        elif (kind, claimed_by, head_lemma) in seen_heads and (
                is_anaphoric(span) or (kind in REPEATED_CLAIM_TYPES or names_held_land(span)) and quantity is None):
            continue
        elif kind in FIGHTING_TYPES and is_demonstrative(span) and any(e.type == kind for e in events):
            continue  # "this strike" after a strike was reported: the same strike
        elif kind in ZONE_TYPES and is_anaphoric(span) and any(
                k == kind and c == claimed_by for k, c, _ in seen_heads):
            continue  # "the buffer zone" after "the creation of a buffer zone": the same zone
        seen_heads.add((kind, claimed_by, head_lemma))
        event = Event(
            type=kind,
            trigger=(span.start_char, span.end_char),
            actor=_label(actor),
            target=_label(target),
            places=event_places(span, places, actor, kind, trigger_tokens, sources, contents),
            quantity=quantity,
            when=when,
            claimed_by=claimed_by,
            polarity=polarity,
            modality=modality,
        )
        kept.append((span, event))
        events.append(event)
    events = split_by_place(doc, events, places)
    sentence_at = functools.partial(_sentence_span, doc)
    text = doc_text(doc)
    settled = without_places_of_other_speakers(settled_places(events, places, attributions, text, sentence_at), places,
                                               attributions, text, sentence_at)
    return without_retold_strikes(settled, text, sentence_at)


def _sentence_span(doc: Doc, char: int) -> tuple[int, int]:
    """Character span of the sentence holding a character offset."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    sentence = sentence_of(span[0]) if span is not None and len(span) else None
    return (sentence.start_char, sentence.end_char) if sentence is not None else (0, len(doc_text(doc)))
