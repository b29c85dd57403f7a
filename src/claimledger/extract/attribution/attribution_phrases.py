"""Attributions reported by phrases other than a reporting verb with its clause (English).

Stance phrases ("Hope was expressed that ...", "was critical of ..."), nominal cues with their
content ("Russia's claims that ..."), evidential adverbs ("allegedly") and a headline's punctuation ("Peskov: ..."). Each function takes a
spaCy Doc and its text and returns ``Candidate`` attributions for attribution.py to merge.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..language.clauses import (
    Candidate, agent_of, char_span, content_tokens, cue_span, is_blocked, noun_phrase, object_of, stated_owner,
    subject_of, trim_span,
)
from .cues import (
    AGENTLESS, CUE_VERBS, HOLDING_VERBS, LIGHT_NOUNS, LIGHT_VERBS, NOMINAL_CUES, RITUAL_NOUNS, STANCE_ADJECTIVES, STANCE_NOUNS, UNSPECIFIED,
)
from ..language.doc_cache import doc_ents, tokens_where
from .headlines import find_headline_claim
from .office_holders import load_office_holders
from .speakers import TITLE_CONNECTORS, TITLE_WORDS

# Adverbs that attribute the content they qualify to an unstated source (annotation guide A.7).
EVIDENTIAL_ADVERBS = frozenset({"allegedly", "reportedly", "purportedly", "supposedly"})
# Verbs of the stance phrases besides the light verbs ("spoke in support of", "was critical of").
STANCE_VERBS = frozenset({"speak", "be"})
LIGHT_OR_STANCE_VERBS = frozenset(LIGHT_VERBS) | STANCE_VERBS  # lemmas that may open a stance phrase
# Verbs that take a claim as their object: with no object of their own, a clause of one on a nominal cue is a
# relative clause about the claim ("a claim Reuters could not independently verify"), not its content.
CLAIM_OBJECT_VERBS = frozenset({"verify", "confirm", "deny", "dispute", "reject", "make", "repeat", "check",
                                "corroborate", "substantiate", "refute", "dismiss", "contest", "question", "echo"})


def stance_candidates(doc: Doc, text: str) -> list[Candidate]:
    """Stance phrases: "Hope was expressed that ...", "spoke in support of ...", "was critical of ..."."""
    found = []
    for verb in tokens_where(doc, "LEMMA", LIGHT_OR_STANCE_VERBS):
        if verb.pos_ not in ("VERB", "AUX"):
            continue  # only these verbs open a stance phrase (the branches below)
        subject, passive = subject_of(verb)
        if is_blocked(verb, subject):
            continue
        content = cue = None
        source: list[Token] | None = None
        hint = None
        children = list(verb.children)
        if passive and verb.lemma_ in LIGHT_VERBS and subject is not None and subject.lower_ in LIGHT_NOUNS \
                and subject.lower_ not in RITUAL_NOUNS:
            clause = next((c for c in children if c.dep_ == "ccomp"), None)
            prep = next((c for c in children if c.dep_ == "prep" and c.i > verb.i), None) or \
                next((c for c in subject.children if c.dep_ == "prep"), None)
            target = clause if clause is not None else object_of(prep)
            if target is None:
                continue
            content = char_span(content_tokens(target))
            cue = char_span(doc[subject.i: verb.i + 1])
            agent = agent_of(verb)
            if agent is not None:
                source = noun_phrase(agent)
            else:
                hint = AGENTLESS
        elif verb.lemma_ == "speak" and subject is not None and not passive:
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == "in"), None)
            noun = object_of(prep)
            if noun is None or noun.lower_ not in STANCE_NOUNS:
                continue
            target = object_of(next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None))
            if target is None:
                continue
            content, cue, source = char_span(content_tokens(target)), char_span([verb, noun]), noun_phrase(subject)
        elif verb.lemma_ == "be" and subject is not None and not passive:
            adjective = next((c for c in children if c.dep_ == "acomp" and c.lower_ in STANCE_ADJECTIVES), None)
            if adjective is None:
                continue
            clause = next((c for c in adjective.children if c.dep_ == "ccomp"), None)
            target = clause if clause is not None else object_of(
                next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "that")), None))
            if target is None:
                continue
            content, cue, source = (char_span(content_tokens(target)), char_span([verb, adjective]),
                                    noun_phrase(subject))
        content = trim_span(text, content)
        if content and cue:
            found.append(Candidate(cue, content, "indirect", source, hint))
    return found


def nominal_candidates(doc: Doc, text: str) -> list[Candidate]:
    """Nominal cues with a *that*-clause and a stated owner: "Russia's claims that ..."."""
    found = []
    for noun in tokens_where(doc, "LEMMA", NOMINAL_CUES):
        if noun.pos_ != "NOUN":
            continue
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp", "relcl") and _is_content_clause(c)),
                      None) or _sibling_clause(noun)
        if clause is None or noun.dep_ == "pobj" and noun.head.head.lemma_ in CUE_VERBS:
            continue  # "said in a statement that ...": the verb's attribution
        owner = stated_owner(noun)
        if owner is None:  # "statements by X", "an allegation from X that ..."
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
            owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        content = trim_span(text, char_span(clause.subtree))
        if not content:
            continue
        holder = _holder(noun) if owner is None else None
        if holder is not None:  # "the group came to the conclusion that ...": the group holds it
            verb, subject = holder
            found.append(Candidate(char_span(doc[verb.i: noun.i + 1]), content, "indirect", noun_phrase(subject)))
            continue
        denier = _denier(noun)
        if owner is None and denier is not None:  # "Kyiv rejected claims that ...": Kyiv denies them
            verb, subject = denier
            found.append(Candidate(char_span(doc[verb.i: noun.i + 1]), content, "indirect",
                                   noun_phrase(subject)))
            continue
        if denier is not None:  # "rejected an allegation from X that ...": the denial of X's claim
            verb, subject = denier
            found.append(Candidate(cue_span(verb), trim_span(text, char_span([*noun.subtree, *clause.subtree])),
                                   "indirect", noun_phrase(subject)))
        found.append(Candidate(char_span([noun]), content, "indirect",
                               noun_phrase(owner) if owner is not None else None,
                               None if owner is not None else UNSPECIFIED))
    return found


def _is_content_clause(clause: Token) -> bool:
    """Return whether a clause on a nominal cue states its content, not a relative clause: a
    *that*-clause with a subject of its own ("skepticism that Pyongyang is ...", which the parser
    may call a relative clause), or a clause with its own subject and a modal ("a suggestion their
    title should change ..."), not "the report they published"."""
    if clause.i < clause.head.i:
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if clause.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
        return True
    if subject is None or subject.tag_ in ("WDT", "WP") or subject.lower_ == "that":
        return False
    if clause.lemma_.lower() in CLAIM_OBJECT_VERBS and not any(c.dep_ in ("dobj", "ccomp") for c in clause.children):
        return False  # "a claim Reuters could not independently verify": the claim is the verb's missing object
    if any(g.dep_ == "mark" and g.lower_ == "that" for g in clause.children):
        return True
    return any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)


def _sibling_clause(noun: Token) -> Token | None:
    """The *that*-clause the parser hung on the verb instead of its object noun ("denying an
    allegation from X that he ...")."""
    if noun.dep_ != "dobj":
        return None
    end = max(t.i for t in noun.subtree)
    return next((c for c in noun.head.children if c.dep_ == "ccomp" and c.left_edge.i == end + 1
                 and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)


def _holder(noun: Token) -> tuple[Token, Token] | None:
    """For a nominal cue that is the object of a holding verb with a subject ("X came to the
    conclusion that ...", "X raised fears that ..."), return the verb and its subject."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif noun.dep_ not in ("dobj", "attr"):
        return None
    if verb.lemma_ not in HOLDING_VERBS or verb.i > noun.i or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject, passive = subject_of(verb)
    if subject is None or passive or is_blocked(verb, subject):
        return None
    return verb, subject


def _denier(noun: Token) -> tuple[Token, Token] | None:
    """For a nominal cue that is the object of a denial verb with a subject ("Kyiv rejected claims
    that ...", "dismissing reports that ..."), return the verb and its subject."""
    verb = noun.head
    if noun.dep_ != "dobj" or CUE_VERBS.get(verb.lemma_) != "denied" or verb.i > noun.i:
        return None
    subject, passive = subject_of(verb)
    if subject is None or passive or is_blocked(verb, subject):
        return None
    return verb, subject


def evidential_adverb_candidates(doc: Doc, text: str) -> list[Candidate]:
    """Evidential adverbs mark an implicit attribution with no stated source ("the army
    allegedly shelled the market", "the allegedly imminent invasion"); the content is the
    clause the adverb qualifies or, when it qualifies a modifier, the noun phrase from the modifier on."""
    found = []
    for adverb in tokens_where(doc, "LOWER", EVIDENTIAL_ADVERBS):
        if adverb.dep_ != "advmod":
            continue
        head = adverb.head
        # "the allegedly imminent invasion", "an allegedly planned 'invasion' of Ukraine" (a participle
        # modifier is a VERB to spaCy): the whole noun phrase after the adverb, not the modifier alone
        if head.pos_ in ("ADJ", "VERB") and head.dep_ == "amod":
            noun = head.head
            tokens = [t for t in noun.subtree if t.i > adverb.i]
        else:
            tokens = [t for t in content_tokens(head, {adverb.i})]
        content = trim_span(text, char_span(tokens)) if tokens else None
        if content:
            found.append(Candidate(char_span([adverb]), content, "indirect", None, UNSPECIFIED))
    return found


# Entity labels that make a capitalised phrase a speaker label in a headline ("Peskov: ...", "NATO: ...");
# places and nationalities are left out: "Ukraine: ..." opens a headline about Ukraine more often than its claim.
SPEAKER_ENTITIES = frozenset({"PERSON", "ORG"})
# Lower-case heads that still make a headline label a source when a capitalised word leads it ("UK
# intelligence: ...", "Russian military: ...", "Ukrainian officials: ..."), besides speakers.TITLE_WORDS.
SOURCE_HEADS = frozenset({"intelligence", "military", "army", "officials", "authorities", "ministry",
                          "government", "prosecutors", "police", "sources", "media", "forces"})


def _names_speaker(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether the phrase at a character span of a headline names a person, office or organisation:
    capitalised words (and title connectors, and a lower-case source head at the end), with a person or
    organisation entity, a title word, a source head or a registered office or name among them."""
    phrase = doc.char_span(*span, alignment_mode="expand")
    if phrase is None or not phrase[0].is_title and not phrase[0].is_upper:
        return False
    lower = [t.lower_ for t in phrase if t.is_lower and t.is_alpha and t.lower_ not in TITLE_CONNECTORS]
    if lower and (lower != [phrase[-1].lower_] or phrase[-1].lower_ not in SOURCE_HEADS | TITLE_WORDS):
        return False
    if any(ent.label_ in SPEAKER_ENTITIES and ent.start < phrase.end and phrase.start < ent.end for ent in doc_ents(doc)):
        return True
    words = {t.lower_ for t in phrase}
    lowered = phrase.text.lower()
    return bool(words & (TITLE_WORDS | SOURCE_HEADS)) or any(
        lowered in term.office_names or lowered in {n.lower() for n in term.person_names}
        for term in load_office_holders()) or _known_speaker(phrase)


def _known_speaker(phrase: Span) -> bool:
    """True for a phrase the speaker-sides table knows that names no place ("Maliar:", a deputy minister the tagger
    does not mark as a person; not "Ukraine:", a topic label as often as the state's)."""
    from ...sides import UNKNOWN, side_of_speaker
    from ..places.gazetteer import load_gazetteer

    return side_of_speaker(phrase.text) != UNKNOWN and not load_gazetteer().lookup(phrase.text, fuzzy=False)


def headline_candidate(doc: Doc, text: str) -> Candidate | None:
    """The attribution a headline makes by punctuation alone ("<claim> - address by X", "X: <claim>")."""
    claim = find_headline_claim(text, lambda span: _names_speaker(doc, span))
    if claim is None:
        return None
    cue = doc.char_span(*claim.cue, alignment_mode="expand") if claim.cue else None
    if cue is not None and claim.source[1] <= claim.cue[0] < claim.content[0] and cue.root.pos_ in ("VERB", "AUX") \
            and any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in cue.root.children):
        return None  # "<source> claims <content>" whose verb the parse read with a clause: its own rules take it (a
        # headline's clause left verbless, "Zelenskiy says situation in Kharkiv region under control", is this one's)
    source = doc.char_span(*claim.source, alignment_mode="expand")
    return Candidate(claim.cue, claim.content, claim.kind, list(source)) if source is not None else None
