"""Clause spans from spaCy's dependency tree, shared by the attribution rules.

Token helpers: the span of a subtree, a content without commentary, the subject of a verb
(inherited through participles and conjuncts), a noun phrase without its relative clause,
and whether a cue is negated, modal or a first-person performative. ``Candidate`` is an
attribution under construction, before ids and speakers are given.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from .doc_cache import doc_text, sentence_of
from ..attribution.cues import (
    ADDRESSEE_VERBS, CUE_VERBS, FIRST_PERSON, MODAL_BLOCKERS, NOMINAL_CUES, PHRASAL, REPORTING_ACTS, SECOND_PERSON,
)

OPENING_QUOTES = "\"“«„"
CLOSING_QUOTES = "\"”»“"


def char_span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def misparsed_that_clause(verb: Token, child: Token) -> Token | None:
    """The "that" clause after a cue verb that the parser took for an adverbial clause, or hung on the adverb, when
    an adverb stands between ("milbloggers reported earlier that ...", "the ministry said earlier that ...")."""
    clause = child if child.dep_ == "advcl" else next((g for g in child.children if g.dep_ == "ccomp"), None)
    return clause if child.i > verb.i and child.dep_ in ("advcl", "advmod") and clause is not None and any(
        g.dep_ == "mark" and g.lower_ == "that" for g in clause.children) else None


def opening_time(clause: Token) -> set[int]:
    """Token indices of a time phrase that opens a reported clause with no "that", before its subject ("said on
    Tuesday its forces had captured ..."), or of the words before its "that": they date the saying, not what is
    said; empty when there is none."""
    that = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    if that is not None:  # "reported earlier that ...", the adverb hung on the clause: it dates the saying too
        return {t.i for t in clause.subtree if t.i < that.i}
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or any(c.dep_ == "mark" for c in clause.children):
        return set()
    phrase = next((c for c in clause.children if c.dep_ in ("prep", "npadvmod") and c.i < subject.i
                   and c.left_edge.i == clause.left_edge.i), None)
    if phrase is None or not any(t.ent_type_ in ("DATE", "TIME") for t in phrase.subtree):
        return set()
    return {t.i for t in phrase.subtree}


def trim_span(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """Strip whitespace, quotation marks, a leading *that* and final punctuation from a span."""
    if span is None:
        return None
    start, end = span
    strip_lead = " \t\n,;:-–—" + OPENING_QUOTES + CLOSING_QUOTES
    strip_tail = " \t\n,;:.-–—" + OPENING_QUOTES + CLOSING_QUOTES
    changed = True
    while changed and start < end:
        changed = False
        while start < end and text[start] in strip_lead:
            start += 1
            changed = True
        while end > start and text[end - 1] in strip_tail:
            end -= 1
            changed = True
        lead = text[start:start + 5].lower()
        if lead.startswith("that ") or lead.startswith("that,"):
            start += 4
            changed = True
    return (start, end) if end > start else None


def piece_with(token: Token, excluded: set[int]) -> list[Token]:
    """Return the contiguous run of ``token``'s subtree, minus ``excluded`` tokens, that holds it."""
    subtree = sorted((t for t in token.subtree if t.i not in excluded), key=lambda t: t.i)
    run: list[Token] = []
    for t in subtree:
        if run and t.i != run[-1].i + 1:
            if any(r.i == token.i for r in run):
                break
            run = []
        run.append(t)
    return run if any(r.i == token.i for r in run) else [token]


# Participles that tell a result of the content's act, or the fighting it is done by, so belong to it ("struck
# Kharkiv, killing seven", "pressed their offensive, fighting in the streets of Vovchansk", "launched an offensive,
# attacking towards Berdin"), unlike commentary after a comma ("..., underscoring the importance of ...").
CLAIMED_PARTICIPLES = frozenset({"kill", "wound", "injure", "damage", "destroy", "leave", "force", "cause",
                                 "displace", "trap", "hit", "set", "spark", "cut", "knock", "claim",
                                 "fight", "attack", "advance", "push", "shell", "strike", "storm", "target", "encircle",
                                 "surround", "capture", "seize", "bomb", "fire", "retreat", "withdraw"})


def content_tokens(head: Token, excluded: set[int] = frozenset()) -> list[Token]:
    """Return the tokens of a content headed by ``head``: its contiguous subtree, without
    participial commentary after a comma ("..., underscoring ..."), coordinated clauses
    that carry a cue of their own ("... and others calling for ..."), an appositive
    that hangs on a word outside the content ("..., a claim that ..."), and a nominal cue in
    apposition after a comma, which comments on the content ("..., a claim Reuters could not verify")."""
    drop = set(excluded)
    for token in head.subtree:
        if token.i == head.i:
            continue
        comma_before = token.i > 0 and token.doc[token.left_edge.i - 1].text == "," if token.left_edge.i > 0 else False
        if token.dep_ == "advcl" and token.tag_ == "VBG" and comma_before and token.lemma_ not in CLAIMED_PARTICIPLES:
            drop.update(t.i for t in token.subtree)
        elif token.dep_ in ("appos", "npadvmod") and token.lemma_ in NOMINAL_CUES and comma_before:
            drop.update(t.i for t in token.subtree)  # "..., a claim Reuters could not verify": said of the content
        elif token.dep_ == "conj" and any(reports(t) for t in token.subtree) \
                and not any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children):
            # (a second "that" clause is the same cue's: "said he had a call ... and that they had agreed to ...")
            drop.update(t.i for t in token.subtree)
            drop.update(c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i)
    run = piece_with(head, drop)
    inside = {t.i for t in run}
    for position, token in enumerate(run):
        ancestor = token
        while ancestor.i != head.i and ancestor.i in inside:
            ancestor = ancestor.head
        if ancestor.i != head.i and position > 0:
            return run[:position]
    return run


def reports(token: Token) -> bool:
    """Return whether a token in a coordinated clause is a report of its own: a talking act
    ("and spoke about ..."), or a cue with a clause or a quotation ("and stressed that ..."); not a
    cue verb used for a plain act ("and she was found inside", "and inform his next-of-kin")."""
    if token.pos_ != "VERB":
        return False
    if token.lemma_ in REPORTING_ACTS:
        return True
    if token.lemma_ not in CUE_VERBS or any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children):
        return False
    return any(c.dep_ in ("ccomp", "xcomp") or c.is_quote for c in token.children)


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """Return the subject token of a verb (inherited through participles and conjuncts) and whether passive."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj", "nsubjpass", "csubjpass")]
    if subjects:  # of two, the one nearest the verb: "KYIV, Feb 17 (Reuters) - Russia said" (a dateline parsed as one)
        child = min(subjects, key=lambda c: abs(c.i - verb.i))
        return child, child.dep_ in ("nsubjpass", "csubjpass")
    proper_aux = next((c for c in verb.children if c.dep_ == "aux" and (c.tag_ in ("NNP", "NNPS") or _is_name(c))
                       and c.i < verb.i), None)
    if proper_aux is not None:  # "Prime Minister Theresa May accused ...": "May" parsed as a modal
        return proper_aux, False
    if depth == 0 and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj", "xcomp") and verb.head.i < verb.i:
        # "“...,” prosecutors said, describing ...": the participle follows the reporting clause
        reporters = [t for t in verb.doc[verb.head.i + 1: verb.i] if t.lemma_ in CUE_VERBS and t.pos_ == "VERB"
                     and t.head.i == verb.head.i and t.dep_ in ("parataxis", "ccomp", "conj")]
        for reporter in reversed(reporters):
            subject = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject, False
    if depth == 0 and verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.lemma_ in CUE_VERBS \
            and verb.i > 0 and verb.doc[verb.i - 1].text == "," \
            and any(c.dep_ in ("ccomp", "oprd") for c in verb.children):
        # "Putin claimed the offensive had begun but was failing, saying ...", "denied that its troops had targeted
        # civilians, calling the accusations lies": a participle of saying hung on a verb of the reported clause is
        # the reporter's, not that clause's subject's
        clause = verb.head
        while clause.dep_ in ("conj", "ccomp") and clause.head.i != clause.i:
            if clause.dep_ == "ccomp" and clause.head.lemma_ in CUE_VERBS:
                subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
                if subject is not None:
                    return subject, False
            clause = clause.head
    if depth == 0 and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "of" \
            and verb.head.head.lemma_ in POINT_NOUNS and verb.head.head.dep_ == "dobj":
        return subject_of(verb.head.head.head, depth + 1)  # "The President made a point of noting that ..."
    if depth == 0 and verb.lemma_ in CUE_VERBS and verb.i > 1 and any(c.dep_ == "ccomp" and c.i < verb.i
                                                                     for c in verb.children):
        name = verb.doc[verb.i - 1]  # "..., northwest of Avdiivka, Russia's Defense Ministry said": the reporter
        if name.pos_ in ("NOUN", "PROPN") and name.left_edge.i > 0 and verb.doc[name.left_edge.i - 1].text == ",":
            return name, False  # parsed into the content, as an apposition of its last name
    if depth == 0 and verb.dep_ == "conj" and reports(verb) and verb.head.dep_ == "ccomp" \
            and verb.head.head.lemma_ in CUE_VERBS and verb.head.head.i < verb.head.i \
            and (reporter := subject_of(verb.head.head, depth + 1))[0] is not None \
            and reporter[0].lower_ not in DISCOURSE_SUBJECTS:
        # "The governor said a drone hit a house and added that ...": a report joined to the reported clause is the
        # reporter's, which the parse hangs on that clause (not "That said, we ... asked")
        return reporter
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subject, passive = subject_of(verb.head, depth + 1)
        if passive and verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            return subject, False  # "Simpson was questioned and admitted ...": an active conjunct
        return (None, False) if passive else (subject, False)
    return None, False


DISCOURSE_SUBJECTS = frozenset({"that", "this", "it"})  # subjects of a discourse phrase ("That said, ...")
# Nouns of "made a point of noting", "took the opportunity of stressing": the gerund's subject is the verb's.
POINT_NOUNS = frozenset({"point", "opportunity", "effort"})


# Words a reporting clause at the end of a sentence may hold besides its subject and verb
# ("..., Business Secretary Greg Clark has said on Sunday.").
_TAIL_DEPS = frozenset({"aux", "auxpass", "neg", "advmod", "npadvmod", "prep", "punct", "nsubj", "prt"})
# Words opening a clause of its own after a reporting parenthesis ("..., the governor said, and evacuations had begun").
COORDINATING_WORDS = frozenset({"and", "but", "while", "whereas"})
# Conjunctions of a clause set against another ("..., while fighting continued in the south"): it tells an act of its
# own, with places of its own (events/event_mentions_en.py, event_places/event_places_en.py).
CONTRAST_MARKS = frozenset({"while", "whereas"})
# Conjunctions opening the outlet's own subordinate clause after a reporting tail ("..., the ministry said, as Kyiv
# ordered its last troops to stand down"): the setting of the report, no part of the content before the tail. (Not
# "since" or "because": the speaker's reasons are the speaker's.)
SETTING_CONJUNCTIONS = frozenset({"as", "after", "before", "when", "though", "although"}) | CONTRAST_MARKS


def set_against(clause: Token) -> bool:
    """True for the head of a clause opened by a conjunction of contrast (CONTRAST_MARKS: "..., while fighting
    continued")."""
    return any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS for c in clause.children)


def reporting_parenthesis(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """For a reporting clause set off by commas inside its content ("Democrats, he said, are on a
    mission ..."), return the part after it (which holds the main predicate), or before it when the part after
    has no verb, and the subject."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    if not subjects:
        return None
    subject = subjects[-1]  # "China, Branstad wrote, ...": the parser may take the content's subject too
    if subject.tag_ in ("WDT", "WP"):
        return None  # "the Council of Europe, which responded immediately to ...": a relative clause, no parenthesis
    doc, sentence = verb.doc, sentence_of(verb)
    start = subject.left_edge.i
    allowed = {verb.i, *(t.i for t in subject.subtree)}
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("prep", "npadvmod", "advmod"):
            allowed.update(t.i for t in child.subtree)
        elif child.dep_ in ("aux", "neg"):
            allowed.add(child.i)
    end = verb.i
    while end + 1 < sentence.end and end + 1 in allowed:
        end += 1
    if start - 1 <= sentence.start or doc[start - 1].text != "," or end + 2 >= sentence.end \
            or doc[end + 1].text != ",":
        return None
    if any(t.i not in allowed for t in doc[start: end + 1]):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[end + 2:sentence.end]) \
            or doc[end + 2].lower_ in COORDINATING_WORDS \
            and any(t.pos_ in ("VERB", "AUX") for t in doc[sentence.start:start]):
        # a verbless phrase after it sums up what came before ("Russia launched 127 missiles overnight, the air
        # force said, the largest attack since ..."), a clause after "and" goes on from it ("16,000 people were in
        # the zone, the governor said, and evacuations had begun"): the content is the clause before
        return (sentence.start_char, doc[start - 1].idx), subject
    return (doc[end + 2].idx, sentence.end_char), subject


NAME_FUNCTION_TAGS = frozenset({"DT", "IN", "CC"})  # words inside an organisation's name
MAX_TAIL_NAME_WORDS = 8  # words of a name between the comma and the verb of a reporting tail (_name_tail)


def reporting_tail(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """For a reporting clause that closes its sentence after a comma ("X, police said.", "X, says
    the minister"), return the span before the comma (the content) and the subject; else None."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return _name_tail(verb)
    subject = subjects[-1]  # inverted order: "..., says Foreign Minister" (the parser may give two)
    apposed = next((c for c in subject.children if c.dep_ == "appos" and subject.i < c.left_edge.i
                    and c.right_edge.i == verb.i - 1 and verb.doc[c.left_edge.i - 1].text == ","), None)
    subject = apposed if apposed is not None else subject  # "..., causing a large fire, a source in the SBU told
    # Reuters": the parser made the source an apposition of the clause's last noun, that noun the verb's subject
    start = min(subject.left_edge.i, verb.i) if subject.i < verb.i else verb.i
    sentence = sentence_of(verb)
    if start <= sentence.start or verb.doc[start - 1].text != ",":
        return None
    allowed = {verb.i, *(t.i for t in subject.subtree)}
    for child in verb.children:
        if child.i >= start:
            if child.dep_ == "advcl" and child.tag_ == "VBG" and child.i > verb.i \
                    and verb.doc[child.left_edge.i - 1].text == ",":
                allowed.update(t.i for t in child.subtree)  # "..., Zelenskiy said, calling it an inhumane choice":
                continue  # the reporter's participle after the tail, no part of the content before it
            if child.dep_ == "advcl" and child.i > verb.i and verb.doc[child.left_edge.i - 1].text == "," \
                    and any(m.dep_ == "mark" and m.lower_ in SETTING_CONJUNCTIONS for m in child.children) \
                    and any(t.pos_ in ("VERB", "AUX") for t in verb.doc[sentence.start:start]):
                allowed.update(t.i for t in child.subtree)  # "..., the ministry said, as Kyiv ordered ...": the
                continue  # outlet's setting of the report
            if child.dep_ not in _TAIL_DEPS and not (apposed is not None and child.dep_ == "dobj"
                                                     and verb.lemma_ in ADDRESSEE_VERBS):
                return None  # (whom it is told to may follow such a source: "..., a source told Reuters")
            allowed.update(t.i for t in child.subtree)
    if any(t.i >= start and t.i not in allowed and not (t.is_punct or t.is_space) for t in sentence):
        return None
    return (sentence.start_char, verb.doc[start - 1].idx), subject


def _name_tail(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """The reporting clause "..., <capitalised name> said." whose name the parser hung on a list before it ("...
    Lobkove, Levadne and Novodarivka, Deputy Defense Minister Hanna Maliar said": Maliar read as a village of the
    list): the content before the comma and the name's last word, when the name is a person's or an organisation's
    and nothing but it stands between the comma and the verb, which closes the sentence."""
    doc, sentence = verb.doc, sentence_of(verb)
    if verb.i > sentence.start and doc[verb.i - 1].text == ",":
        return _apposed_name_tail(verb)
    comma = next((t.i for t in reversed(doc[sentence.start:verb.i]) if t.text == ","), None)
    if comma is None or comma <= sentence.start or not 0 < verb.i - comma - 1 <= MAX_TAIL_NAME_WORDS:
        return None
    name = doc[comma + 1:verb.i]
    if not _speaker_name(name) or not _closes_sentence(verb):
        return None
    # the name's own head, whose phrase is the whole name ("Institute" of "the Institute for the Study of War")
    head = next((t for t in name if not name.start <= t.head.i < name.end), name[-1])
    return (sentence.start_char, doc[comma].idx), head


def _apposed_name_tail(verb: Token) -> tuple[tuple[int, int], Token] | None:
    """The reporting clause "..., <title>, <Name>, said." or "..., <Name>, <title>, said." (the parser hangs the title
    on the content: "Ukrainian forces have destroyed a bridge, the commander of Ukraine's air force, Mykola Oleshchuk,
    said"): the content before the first comma and the name's last word, when one of the two parts is a person's
    or an organisation's name (the small model tags many Ukrainian names ORG) and the verb closes the sentence."""
    doc, sentence = verb.doc, sentence_of(verb)
    commas = [t.i for t in doc[max(sentence.start, verb.i - 2 - 2 * MAX_TAIL_NAME_WORDS):verb.i] if t.text == ","]
    if len(commas) < 3 or commas[-1] != verb.i - 1 or commas[-3] <= sentence.start or not _closes_sentence(verb):
        return None
    first, second = doc[commas[-3] + 1:commas[-2]], doc[commas[-2] + 1:commas[-1]]
    for name, title in ((second, first), (first, second)):
        if name and len(name) <= MAX_TAIL_NAME_WORDS and _speaker_name(name) and any(t.is_lower for t in title):
            return (sentence.start_char, doc[commas[-3]].idx), name[-1]
    return None


def _speaker_name(name) -> bool:
    """True for proper nouns only whose last the tagger reads as a person or an organisation (a speaker's name), or an
    organisation's name with articles, prepositions and conjunctions inside ("the Institute for the Study of War")."""
    proper = [t for t in name if t.tag_ not in NAME_FUNCTION_TAGS]
    return bool(proper) and all(t.tag_ in ("NNP", "NNPS") for t in proper) and name[-1].tag_ in ("NNP", "NNPS") \
        and (name[-1].ent_type_ == "ORG" or len(proper) == len(name) and name[-1].ent_type_ == "PERSON")


def _closes_sentence(verb: Token) -> bool:
    """True when nothing but punctuation follows the verb in its sentence."""
    return all(t.is_punct or t.is_space for t in verb.doc[verb.i + 1:sentence_of(verb).end])


# Nouns naming the occasion of a statement: a modifier about them sets the scene of the report,
# it is not part of the claim ("accused critics of ... in an interview with the Sunday Times").
SETTING_NOUNS = frozenset({
    "interview", "statement", "conference", "speech", "meeting", "hearing", "briefing", "address", "letter",
    "tweet", "post", "rally", "programme", "program", "show", "broadcast", "podcast", "op-ed", "column",
    "appearance", "session", "event", "summit", "debate", "announcement", "message", "video", "email",
})


def is_setting(modifier: Token) -> bool:
    """Return whether a verb's modifier sets the scene of a report (its time, its occasion, "including
    ..." after the source) rather than adding to the claim."""
    if modifier.lower_ in ("including", "after", "before", "during", "while", "when"):
        return True
    noun = next((c for c in modifier.children if c.dep_ == "pobj"), None) if modifier.dep_ == "prep" else modifier
    if noun is None:
        return False
    return noun.ent_type_ in ("DATE", "TIME") or noun.lemma_.lower() in SETTING_NOUNS


def noun_phrase(token: Token, excluded: set[int] = frozenset()) -> list[Token]:
    """Return a noun phrase's tokens without relative clauses, participles, trailing punctuation and a bracketed
    acronym at its end."""
    drop = set(excluded)
    for child in token.children:
        if child.dep_ in ("relcl", "acl"):
            drop.update(t.i for t in child.subtree)
    tokens = piece_with(token, drop)
    before = token.doc[tokens[0].i - 1] if tokens and tokens[0].i > 0 else None
    if before is not None and before.dep_ == token.dep_ == "nsubj" and before.head.i == token.head.i \
            and before.pos_ in ("NOUN", "PROPN") and not any(before.children):
        tokens = [before] + tokens  # "Wagner chief claims": one subject the parser split in two
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    opening = next((k for k in range(len(tokens) - 1, 0, -1) if tokens[k].text == "("), None)
    if opening is not None and not any(t.text == ")" for t in tokens[opening:]):
        tokens = tokens[:opening]  # "the Russian Ministry of Defense (MoD)": the name, not its acronym after it
    return tokens or [token]


def _is_name(token: Token) -> bool:
    """Return whether a capitalised "May" after a proper noun or title is a name ("PM May accuses")."""
    return token.text == "May" and token.i > sentence_of(token).start and token.doc[token.i - 1].pos_ == "PROPN"


def is_blocked(verb: Token, subject: Token | None) -> bool:
    """Return whether a cue is negated, modal (future/hypothetical), asked (a question), a
    first-person performative or an address to the reader or listener ("you believe")."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "aux" and child.lower_ in MODAL_BLOCKERS and child.tag_ == "MD" and not _is_name(child):
            return True  # not "Theresa May accused ...", where the name is parsed as an auxiliary
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("want", "like", "wish", "intend", "plan", "expect"):
        return True
    if subject is not None and subject.lower_ in FIRST_PERSON | SECOND_PERSON and (
            verb.tag_ in ("VBP", "VB", "VBZ")
            or verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in ("am", "are", "'m", "'re") for c in verb.children)):
        return True  # "I think", "I am appealing to ...": performatives
    sentence = sentence_of(verb)
    if doc_text(verb.doc)[sentence.start_char:sentence.end_char].rstrip().endswith("?"):
        return True
    if _is_discourse_formula(verb, subject):
        return True
    return verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children) and verb.dep_ not in ("conj", "ROOT")


def _is_discourse_formula(verb: Token, subject: Token | None) -> bool:
    """Return whether a cue verb is part of a fixed phrase, not a speech act: "That said, ...",
    "It is impossible to say ...", "Needless to say, ..." (an infinitive under an adjective)."""
    doc = verb.doc
    if (subject is not None and subject.lower_ in ("that", "this") and subject.i == verb.i - 1
            and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","):
        return True
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    return head.pos_ == "ADJ" or (head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children))


class Candidate:
    """An attribution under construction (token-level, before ids and speakers)."""

    def __init__(self, cue: tuple[int, int] | None, content: tuple[int, int], kind: str,
                 source_tokens: list[Token] | None, speaker_hint: str | None = None,
                 speaker_tokens: list[Token] | None = None):
        self.cue, self.content, self.kind = cue, content, kind
        self.source_tokens = source_tokens
        self.speaker_hint = speaker_hint  # a fixed speaker label (agentless passive, ...)
        self.speaker_tokens = speaker_tokens or source_tokens  # what to resolve the speaker from

    @property
    def anchor(self) -> int:
        starts = [self.content[0]]
        if self.cue:
            starts.append(self.cue[0])
        if self.source_tokens:
            starts.append(self.source_tokens[0].idx)
        return min(starts)


def cue_span(verb: Token, extra: Iterable[Token] = ()) -> tuple[int, int]:
    """Return the cue: the verb with its particle and any given contiguous words ("pointed out")."""
    tokens = [verb, *extra]
    for child in verb.children:
        if child.dep_ == "prt" or (child.dep_ in ("prep", "acomp", "oprd", "dobj", "ccomp")
                                   and child.lower_ in PHRASAL.get(verb.lemma_, ())):
            tokens.append(child)
    tokens.sort(key=lambda t: t.i)
    # keep only the run contiguous with the verb
    run = [verb]
    for t in tokens:
        if t.i == run[-1].i + 1 and t not in run:
            run.append(t)
    return char_span(run)


def agent_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def stated_owner(noun: Token) -> Token | None:
    """Whose a noun is when the noun phrase says it: its possessor ("Russia's claims"), else a state's adjective
    ("Russian claims"); None otherwise."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        return possessor
    return next((c for c in noun.children if c.dep_ == "amod" and c.ent_type_ == "NORP"), None)


def object_of(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)
