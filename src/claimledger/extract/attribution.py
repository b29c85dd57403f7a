"""Attributions in English: who asserts what, through which cue, how firmly.

Doc in, ``Attribution`` records out. The method reads spaCy's dependency tree:

* a reporting cue (a verb of the lexicon below, a light-verb phrase such as "expressed
  concern", or a nominal cue with a *that*-clause) heads the attribution;
* its content is the clausal complement (or, for NP-taking cues, the object), without
  *that*, quotation marks and the final punctuation; an anaphoric passive ("This was
  stated by X") takes the previous claim as its content;
* its source is the subject, the *by*-agent of a passive, the noun a participle modifies
  ("critics arguing that"), or the subject inherited from the clause a participle or a
  conjunct hangs on ("..., noting that");
* adjunct forms ("according to X", "as X said", "as described by X", "reported by X")
  take the host clause as content;
* quotations turn a content into ``direct`` (wholly quoted) or ``mixed`` (partly quoted),
  and a quote that runs over several sentences is taken whole;
* nesting: an attribution whose cue lies inside another's content, by another speaker,
  is its child ("TASS reported that officials confirmed ...").
Negated, future, hypothetical and first-person performative cues ("I think") are not
attributions (data/dev/README.md, section A).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..models import Attribution
from .hedges import find_hedges
from .speakers import TITLE_WORDS, SpeakerResolver

# Reporting verbs by lemma, with how firmly they present the content. Compiled from the
# annotation guide of the development gold (section A.1-4) and the PARC 3.0 cue list.
CUE_VERBS: dict[str, str] = {
    **dict.fromkeys((
        "say", "state", "note", "emphasise", "emphasize", "stress", "underscore", "underline",
        "highlight", "confirm", "report", "tell", "inform", "brief", "assure", "reaffirm", "affirm",
        "recall", "remind", "explain", "mention", "comment", "conclude", "cite", "announce", "add",
        "declare", "write", "reiterate", "indicate", "observe", "assert", "acknowledge", "admit",
        "point", "sum", "stipulate", "specify", "clarify", "respond", "reply", "answer", "recount",
        "disclose", "reveal", "testify", "predict", "estimate", "describe", "portray", "frame",
        "characterize", "characterise", "call", "term", "label", "brand",
    ), "reported"),
    **dict.fromkeys(("claim", "allege", "insist", "maintain", "argue", "contend", "suggest"), "claimed"),
    **dict.fromkeys(("deny", "reject", "dispute", "contest", "refute", "dismiss"), "denied"),
    **dict.fromkeys(("warn", "caution", "threaten", "blame", "accuse"), "warned"),
    **dict.fromkeys(("believe", "consider", "feel", "view", "recognize", "recognise", "think",
                     "fear", "doubt", "hope"), "believed"),
    **dict.fromkeys(("urge", "ask", "propose", "instruct", "demand", "advocate", "request",
                     "order", "promise", "pledge", "vow", "applaud", "condemn",
                     "criticise", "criticize"), "directive"),
}

# Light verbs that report through their object noun ("expressed concern that ...").
LIGHT_VERBS = {"express": None, "voice": None, "draw": {"attention"}, "give": {"assessment", "account"},
               "make": {"clear"}, "share": {"view", "assessment", "concern"}}
LIGHT_NOUNS = frozenset({
    "concern", "concerns", "hope", "readiness", "satisfaction", "dissatisfaction", "confidence",
    "support", "regret", "interest", "willingness", "conviction", "view", "opinion", "doubt",
    "alarm", "solidarity", "condolences", "gratitude", "attention", "assessment", "account",
    "clear", "emphasis", "belief",
})
# Ritual expressives are not attributions (section A, "Do not annotate").
RITUAL_NOUNS = frozenset({"gratitude", "condolences", "thanks", "congratulations", "wishes"})

# Verbs of talking that are not cues themselves but end a content they are coordinated into
# ("noting that X, and spoke about Y": Y is not part of the claim X).
REPORTING_ACTS = frozenset({"speak", "talk", "discuss", "thank", "express", "inform", "review", "touch",
                            "exchange", "congratulate", "raise"})

# Stance adjectives reporting through "of"/"about": "was critical of the practice of ...".
STANCE_ADJECTIVES = frozenset({"critical", "supportive", "confident", "concerned", "sceptical", "skeptical",
                               "optimistic", "pessimistic", "convinced", "certain", "sure", "hopeful"})
# Nouns after "spoke in ..." that report a stance: "spoke in support of ...".
STANCE_NOUNS = frozenset({"support", "favour", "favor", "defence", "defense"})
# Objects of "according to" that are norms or schedules, not sources ("according to plan").
NON_SOURCE_NOUNS = frozenset({"plan", "schedule", "law", "rule", "rules", "agreement", "treaty", "principle",
                              "norm", "norms", "standard", "procedure", "protocol", "tradition", "custom",
                              "logic", "script", "scenario", "timetable"})

# Nouns that carry a claim in a *that*-clause or an *of*-phrase ("allegations that ...").
NOMINAL_CUES = frozenset({
    "statement", "claim", "allegation", "accusation", "report", "warning", "promise", "demand",
    "proposal", "assertion", "assurance", "denial", "information", "intimidation", "message",
})

# Verbs whose object is an addressee, not the content: the content is only a clause.
ADDRESSEE_VERBS = frozenset({"tell", "inform", "brief", "assure", "remind", "warn", "ask", "urge",
                             "instruct", "order", "promise", "answer", "call"})
# Verbs whose plain object is not a claim ("said a few words", "added details").
CLAUSE_ONLY_VERBS = frozenset({"say", "add", "write", "tell", "agree", "call", "answer", "reply",
                               "respond", "think", "hope", "fear", "feel", "point", "maintain",
                               "recognize", "recognise", "consider", "order", "reject", "dismiss",
                               "observe", "support", "answer"})
# Verbs reporting "X as Y": the content is "X as Y".
AS_VERBS = frozenset({"describe", "portray", "frame", "characterize", "characterise", "view",
                      "consider", "term", "label", "brand", "see", "regard"})
# Phrasal particles and prepositions that belong to the cue.
PHRASAL = {"point": {"out"}, "sum": {"up"}, "call": {"on", "for", "upon"}, "advocate": {"for"},
           "speak": {"of"}, "make": {"clear"}}

MODAL_BLOCKERS = frozenset({"will", "would", "could", "might", "may", "shall", "can", "should", "'ll", "must"})
FIRST_PERSON = frozenset({"i", "we"})
ANAPHORS = frozenset({"this", "that", "these", "it", "which", "such", "all"})
AGENTLESS = "unspecified (agentless passive)"
UNSPECIFIED = "unspecified"

OPENING_QUOTES = "\"“«„"
CLOSING_QUOTES = "\"”»“"
_QUOTE_RE = re.compile(r"“[^”\n]*(?:”|$)|«[^»\n]*(?:»|$)|„[^“”\n]*(?:[“”]|$)|\"[^\"\n]*(?:\"|$)", re.MULTILINE)
# A quotation shorter than this many words inside a paraphrase makes it "mixed", not direct.
MIN_DIRECT_QUOTE_WORDS = 1


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Return the spans of quotations, marks included; a quote left open runs to its paragraph end."""
    return [(m.start(), m.end()) for m in _QUOTE_RE.finditer(text) if m.end() - m.start() > 2]


def _char_span(tokens: Iterable[Token]) -> tuple[int, int] | None:
    tokens = sorted(tokens, key=lambda t: t.i)
    if not tokens:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def _trim(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
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


def _piece_with(token: Token, excluded: set[int]) -> list[Token]:
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


def _content_tokens(head: Token, excluded: set[int] = frozenset()) -> list[Token]:
    """Return the tokens of a content headed by ``head``: its contiguous subtree, without
    participial commentary after a comma ("..., underscoring ..."), coordinated clauses
    that carry a cue of their own ("... and others calling for ..."), and an appositive
    that hangs on a word outside the content ("..., a claim that ...")."""
    drop = set(excluded)
    for token in head.subtree:
        if token.i == head.i:
            continue
        comma_before = token.i > 0 and token.doc[token.left_edge.i - 1].text == "," if token.left_edge.i > 0 else False
        if token.dep_ == "advcl" and token.tag_ == "VBG" and comma_before:
            drop.update(t.i for t in token.subtree)
        elif token.dep_ == "conj" and any((t.lemma_ in CUE_VERBS or t.lemma_ in REPORTING_ACTS) and t.pos_ == "VERB"
                                          for t in token.subtree):
            drop.update(t.i for t in token.subtree)
            drop.update(c.i for c in token.head.children if c.dep_ == "cc" and c.i < token.i)
    run = _piece_with(head, drop)
    inside = {t.i for t in run}
    for position, token in enumerate(run):
        ancestor = token
        while ancestor.i != head.i and ancestor.i in inside:
            ancestor = ancestor.head
        if ancestor.i != head.i and position > 0:
            return run[:position]
    return run


def _subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """Return the subject token of a verb (inherited through participles and conjuncts) and whether passive."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child, False
        if child.dep_ in ("nsubjpass", "csubjpass"):
            return child, True
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.pos_ in ("VERB", "AUX"):
        subject, passive = _subject(verb.head, depth + 1)
        return (None, False) if passive else (subject, False)
    return None, False


def _noun_phrase(token: Token, excluded: set[int] = frozenset()) -> list[Token]:
    """Return a noun phrase's tokens without relative clauses, participles and trailing punctuation."""
    drop = set(excluded)
    for child in token.children:
        if child.dep_ in ("relcl", "acl"):
            drop.update(t.i for t in child.subtree)
    tokens = _piece_with(token, drop)
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and tokens[-1].is_punct:
        tokens = tokens[:-1]
    return tokens or [token]


def _blocked(verb: Token, subject: Token | None) -> bool:
    """Return whether a cue is negated, modal (future/hypothetical) or a first-person performative."""
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "aux" and child.lower_ in MODAL_BLOCKERS:
            return True
    if verb.dep_ == "xcomp" and verb.head.lemma_ in ("want", "like", "wish", "intend", "plan", "expect"):
        return True
    if subject is not None and subject.lower_ in FIRST_PERSON and verb.tag_ in ("VBP", "VB", "VBZ"):
        return True
    return verb.tag_ == "VB" and not any(c.dep_ == "aux" for c in verb.children) and verb.dep_ not in ("conj", "ROOT")


class _Candidate:
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


def _cue_span(verb: Token, extra: Iterable[Token] = ()) -> tuple[int, int]:
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
    return _char_span(run)


def _content_of_verb(verb: Token, text: str) -> tuple[tuple[int, int] | None, list[Token]]:
    """Return the content span of a cue verb and the cue's extra words (light-verb noun, particle)."""
    lemma = verb.lemma_
    extra: list[Token] = []
    children = list(verb.children)
    for child in children:
        if child.dep_ == "ccomp" and child.lower_ not in PHRASAL.get(lemma, ()) and lemma in CUE_VERBS:
            return _char_span(_content_tokens(child)), extra
        if child.dep_ == "ccomp" and child.lower_ in PHRASAL.get(lemma, ()):  # "made clear that ..."
            clause = next((g for g in child.children if g.dep_ == "ccomp"), None)
            if clause is not None:
                return _char_span(_content_tokens(clause)), [child]
    objects = [c for c in children if c.dep_ in ("dobj", "attr", "oprd") and c.i > verb.i]
    if lemma in LIGHT_VERBS and objects:
        noun = objects[0]
        allowed = LIGHT_VERBS[lemma]
        if (allowed is None and noun.lower_ in LIGHT_NOUNS or allowed and noun.lower_ in allowed) \
                and noun.lower_ not in RITUAL_NOUNS:
            extra = [t for t in verb.doc[verb.i + 1: noun.i + 1]]
            for child in noun.children:
                if child.dep_ in ("ccomp", "acl") and child.i > noun.i:
                    return _char_span(child.subtree), extra
                if child.dep_ == "prep" and child.lower_ in ("over", "about", "at", "with", "regarding",
                                                             "for", "in", "to", "on", "of"):
                    objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                    if objs:
                        return _char_span(objs[0].subtree), extra
            for child in children:
                if child.dep_ == "prep" and child.i > noun.i:
                    objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                    if objs:
                        return _char_span(objs[0].subtree), extra
            return None, extra
    if lemma in LIGHT_VERBS and lemma not in CUE_VERBS:
        return None, extra
    # Directives and phrasal cues: "called on X to ...", "calling for sanctions", "urged X to ...".
    for child in children:
        if child.dep_ == "prep" and child.lower_ in PHRASAL.get(lemma, ()):
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                tokens = list(objs[0].subtree)
                for other in children:
                    if other.dep_ in ("xcomp", "ccomp") and other.i > child.i:
                        tokens += list(other.subtree)
                return _char_span(tokens), extra
    xcomps = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX")]
    if xcomps and CUE_VERBS.get(lemma) == "directive" or xcomps and lemma in ADDRESSEE_VERBS:
        tokens = list(xcomps[0].subtree)
        if objects:
            tokens += list(objects[0].subtree)
        return _char_span(tokens), extra
    if objects and lemma in AS_VERBS:
        tokens = list(objects[0].subtree)
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "as":
                tokens += list(child.subtree)
        return _char_span(tokens), extra
    if objects and lemma not in ADDRESSEE_VERBS and lemma not in CLAUSE_ONLY_VERBS:
        obj = objects[0]
        if obj.pos_ == "PRON" or obj.lower_ in ANAPHORS:
            return None, extra
        tokens = _content_tokens(obj)
        # modifiers of the verb that follow the object belong to the claim ("..., particularly in light of ...")
        for child in children:
            if child.i > obj.i and child.dep_ in ("prep", "advmod", "npadvmod") and child.lower_ != "according":
                tokens += _content_tokens(child)
        return _char_span(tokens), extra
    if lemma in AS_VERBS:
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "as":
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return _char_span(objs[0].subtree), [child]
    return None, extra


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            objs = [g for g in child.children if g.dep_ == "pobj"]
            if objs:
                return objs[0]
    return None


def _verb_candidates(doc: Doc, text: str, previous_claims: dict[int, tuple[int, int]]) -> list[_Candidate]:
    found: list[_Candidate] = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX") or (verb.lemma_ not in CUE_VERBS and verb.lemma_ not in LIGHT_VERBS):
            continue
        subject, passive = _subject(verb)
        if _blocked(verb, subject):
            continue
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        agent = _agent(verb)
        content, extra = _content_of_verb(verb, text)
        # Adjunct forms: "as X said", "as described by X", "reported by X".
        adjunct = "as" in marks or (verb.tag_ == "VBN" and agent is not None and not passive
                                    and verb.dep_ in ("acl", "advcl", "relcl"))
        if adjunct and verb.head.i != verb.i and content is None:
            host = verb.head
            while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
                host = host.head
            branch = verb
            while branch.head.i != host.i and branch.head.i != branch.i:
                branch = branch.head
            excluded = {t.i for t in branch.subtree}
            content = _trim(text, _char_span(_content_tokens(host, excluded)))
            cue_tokens = [verb] + [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"]
            if agent is not None:
                cue_tokens += [agent.head]
            source = _noun_phrase(agent) if agent is not None else (
                _noun_phrase(subject) if subject is not None else None)
            if content and source:
                found.append(_Candidate(_char_span(cue_tokens), content, "according_to", source))
            continue
        source_tokens: list[Token] | None = None
        speaker_tokens = None
        hint = None
        if agent is not None:
            source_tokens = _noun_phrase(agent)
            extra = [*extra, agent.head]
        elif subject is not None and not passive:
            source_tokens = _noun_phrase(subject)
            if subject.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                speaker_tokens = _noun_phrase(verb.head, {t.i for t in verb.subtree})
        elif verb.dep_ == "acl" and verb.tag_ == "VBG":
            source_tokens = _noun_phrase(verb.head, {t.i for t in verb.subtree})
        elif passive or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)):
            hint = AGENTLESS
        else:
            continue
        if content is None and passive and subject is not None:
            subject_words = {t.lower_ for t in subject.subtree}
            if subject.lower_ in ANAPHORS or subject_words & {"this", "these", "that", "such"}:
                sentence_start = verb.sent.start_char
                previous_start = doc[verb.sent.start - 1].sent.start_char if verb.sent.start > 0 else sentence_start
                earlier = [span for start, span in previous_claims.items() if previous_start <= start < sentence_start]
                if earlier:
                    content = earlier[-1]
                else:
                    previous = doc[verb.sent.start - 1].sent if verb.sent.start > 0 else None
                    content = _trim(text, (previous.start_char, previous.end_char)) if previous else None
            elif subject.lower_ in LIGHT_NOUNS and subject.lower_ not in RITUAL_NOUNS:
                extra = [subject, *[t for t in doc[subject.i + 1: verb.i]]]
        if content is None:
            continue
        content = _trim(text, content)
        if content is None or len(text[content[0]:content[1]].split()) < 2 and '"' not in text[content[0]:content[1]]:
            continue
        cue_extra = extra
        cue = _cue_span(verb, [t for t in cue_extra if t.i > verb.i])
        if cue_extra and cue_extra[0].i < verb.i:  # "Hope was expressed"
            cue = _char_span([cue_extra[0], *verb.doc[cue_extra[0].i + 1: verb.i + 1]])
        found.append(_Candidate(cue, content, "indirect", source_tokens, hint, speaker_tokens))
        previous_claims[content[0]] = content
    return found


def _according_to_candidates(doc: Doc, text: str) -> list[_Candidate]:
    found = []
    for token in doc:
        if token.lower_ != "according" or token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
            continue
        to = doc[token.i + 1]
        objs = [c for c in to.children if c.dep_ == "pobj"] or [c for c in token.children if c.dep_ == "pobj"]
        if not objs or objs[0].lemma_.lower() in NON_SOURCE_NOUNS:
            continue
        host = token.head
        while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
            host = host.head
        excluded = {t.i for t in token.subtree} | {t.i for t in to.subtree}
        content = _trim(text, _char_span(_content_tokens(host, excluded)))
        if content:
            found.append(_Candidate(_char_span([token, to]), content, "according_to", _noun_phrase(objs[0])))
    return found


def _object_of(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((g for g in prep.children if g.dep_ in ("pobj", "pcomp")), None)


def _stance_candidates(doc: Doc, text: str) -> list[_Candidate]:
    """Stance phrases: "Hope was expressed that ...", "spoke in support of ...", "was critical of ..."."""
    found = []
    for verb in doc:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subject, passive = _subject(verb)
        if _blocked(verb, subject):
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
            target = clause if clause is not None else _object_of(prep)
            if target is None:
                continue
            content = _char_span(_content_tokens(target))
            cue = _char_span(doc[subject.i: verb.i + 1])
            agent = _agent(verb)
            if agent is not None:
                source = _noun_phrase(agent)
            else:
                hint = AGENTLESS
        elif verb.lemma_ == "speak" and subject is not None and not passive:
            prep = next((c for c in children if c.dep_ == "prep" and c.lower_ == "in"), None)
            noun = _object_of(prep)
            if noun is None or noun.lower_ not in STANCE_NOUNS:
                continue
            target = _object_of(next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None))
            if target is None:
                continue
            content, cue, source = _char_span(_content_tokens(target)), _char_span([verb, noun]), _noun_phrase(subject)
        elif verb.lemma_ == "be" and subject is not None and not passive:
            adjective = next((c for c in children if c.dep_ == "acomp" and c.lower_ in STANCE_ADJECTIVES), None)
            if adjective is None:
                continue
            clause = next((c for c in adjective.children if c.dep_ == "ccomp"), None)
            target = clause if clause is not None else _object_of(
                next((c for c in adjective.children if c.dep_ == "prep" and c.lower_ in ("of", "about", "that")), None))
            if target is None:
                continue
            content, cue, source = (_char_span(_content_tokens(target)), _char_span([verb, adjective]),
                                    _noun_phrase(subject))
        content = _trim(text, content)
        if content and cue:
            found.append(_Candidate(cue, content, "indirect", source, hint))
    return found


def _nominal_candidates(doc: Doc, text: str) -> list[_Candidate]:
    """Nominal cues with a *that*-clause and a stated owner: "Russia's claims that ..."."""
    found = []
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.lemma_ not in NOMINAL_CUES:
            continue
        clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp")
                       and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)), None)
        if clause is None:
            continue
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
            owner = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        content = _trim(text, _char_span(clause.subtree))
        if content:
            found.append(_Candidate(_char_span([noun]), content, "indirect",
                                    _noun_phrase(owner) if owner is not None else None,
                                    None if owner is not None else UNSPECIFIED))
    return found


# A transcript turn starts a line with a speaker label: "President of Russia Vladimir Putin: ...".
_TURN_LABEL = re.compile(r"(?m)(?:^|(?<=[.!?*] ))[ \t]*([A-Z][^\n:.!?*]{2,120}?):[ \t]+(?=\S)")
# Longest speaker label, in words: longer openings before a colon are sentences, not labels.
MAX_TURN_LABEL_WORDS = 14


def _turn_candidates(doc: Doc, text: str) -> list[_Candidate]:
    """Transcript turns: a line-initial label naming a person, then the turn up to the next label."""
    labels = []
    for match in _TURN_LABEL.finditer(text):
        start, end = match.span(1)
        label = doc.char_span(start, end, alignment_mode="expand")
        if label is None or len(label) > MAX_TURN_LABEL_WORDS:
            continue
        person = next((e for e in label.ents if e.label_ == "PERSON"), None)
        if person is None:  # NER missed the name: the label ends with two or three proper nouns
            tail = 0
            while tail < min(3, len(label)) and label[len(label) - 1 - tail].pos_ == "PROPN" \
                    and label[len(label) - 1 - tail].is_title and label[len(label) - 1 - tail].lower_ not in TITLE_WORDS:
                tail += 1
            if tail < 2:
                continue
            person = label[len(label) - tail:]
        # the label may repeat itself in page furniture ("Sergei Shoigu Shoigu Sergei..."): keep title + name
        source = doc[label.start: person.end]
        labels.append((source, person, match.end()))
    turns = []
    for number, (source, person, content_start) in enumerate(labels):
        end = labels[number + 1][0].start_char if number + 1 < len(labels) else len(text)
        content = (content_start, len(text[:end].rstrip()))
        if content[1] > content[0]:
            turns.append(_Candidate(None, content, "direct", list(source), speaker_tokens=list(person)))
    return turns


_QUOTE_AFTER_CUE = re.compile(r"\s*[:,]?\s*(?=[\"“«„])")


def _quote_after(text: str, position: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation that starts right after a cue ("said: “...”")."""
    match = _QUOTE_AFTER_CUE.match(text, position)
    if not match:
        return None
    for start, end in quotes:
        if start == match.end():
            return start, end
    return None


# What may stand between a quotation and the reporting clause after it ("...,” he said").
_BETWEEN_QUOTE_AND_CLAUSE = re.compile(r"[\s,.:;—–-]*")


def _quote_before(text: str, position: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the quotation that ends right before a reporting clause ("“...,” he said")."""
    for start, end in quotes:
        if end <= position and _BETWEEN_QUOTE_AND_CLAUSE.fullmatch(text, end, position):
            return start, end
    return None


def _apply_quotes(text: str, candidate: _Candidate, quotes: list[tuple[int, int]]) -> None:
    """Set a candidate's kind to direct or mixed, and widen a content to the whole quotation."""
    start, end = candidate.content
    marks = [candidate.cue] if candidate.cue else []
    if candidate.source_tokens:
        marks.append(_char_span(candidate.source_tokens))
    for q_start, q_end in quotes:
        if any(q_start <= m_start < q_end for m_start, _ in marks):
            continue  # a cue inside the quotation: a report within the quote, not the quote itself
        if q_start <= start and end <= q_end:
            inner = _trim(text, (q_start, q_end))
            if inner:
                # keep a question or exclamation mark, drop a closing comma or full stop
                candidate.content = inner
                candidate.kind = "direct"
            return
    for q_start, q_end in quotes:
        if start < q_start < end and len(text[q_start:q_end].split()) >= MIN_DIRECT_QUOTE_WORDS:
            # a quoted fragment inside a paraphrase; a fragment that closes the content keeps its marks
            if q_end > end and q_end - end <= len('."'):
                candidate.content = (start, q_end)
            candidate.kind = "mixed"
            return


def _own_hedge_zone(candidate: _Candidate) -> tuple[int, int]:
    """Return the stretch before the cue where a hedge belongs to this attribution ("what it describes as")."""
    start = candidate.anchor
    end = candidate.cue[1] if candidate.cue else start
    return max(0, start - len("what ")), end


def find_attributions(doc: Doc, published: str | None = None) -> list[Attribution]:
    """Return the attributions of an English spaCy Doc, in text order, with ids a1, a2, ...

    ``published`` (ISO date) picks the office holders that descriptions such as "the
    Russian leader" refer to.
    """
    text = doc.text
    quotes = find_quotes(text)
    previous_claims: dict[int, tuple[int, int]] = {}
    candidates = _verb_candidates(doc, text, previous_claims)
    candidates += _according_to_candidates(doc, text)
    candidates += _nominal_candidates(doc, text)
    candidates += _stance_candidates(doc, text)
    candidates += _turn_candidates(doc, text)

    # Cues with no clause of their own next to a quotation: "said: “...”", "“...,” he said".
    covered_cues = {c.cue for c in candidates}
    for verb in doc:
        if verb.lemma_ in CUE_VERBS and verb.pos_ == "VERB":
            cue = _cue_span(verb)
            if cue in covered_cues:
                continue
            subject, passive = _subject(verb)
            if subject is None or passive or _blocked(verb, subject):
                continue
            source = _noun_phrase(subject)
            clause_start = min(cue[0], source[0].idx)
            quote = _quote_after(text, cue[1], quotes) or _quote_before(text, clause_start, quotes)
            content = _trim(text, quote) if quote else None
            if content:
                candidates.append(_Candidate(cue, content, "direct", source))

    for candidate in candidates:
        if candidate.cue is not None:  # transcript turns are direct as they stand
            _apply_quotes(text, candidate, quotes)

    unique: dict[tuple, _Candidate] = {}
    for candidate in sorted(candidates, key=lambda c: (c.anchor, c.content)):
        unique.setdefault((candidate.cue, candidate.content), candidate)
    ordered = sorted(unique.values(), key=lambda c: (c.anchor, c.content))

    speakers = SpeakerResolver(doc, published)
    earlier: list[tuple[str, bool]] = []
    built: list[tuple[_Candidate, Attribution]] = []
    for number, candidate in enumerate(ordered, start=1):
        source_span = _char_span(candidate.source_tokens) if candidate.source_tokens else None
        if candidate.speaker_hint:
            speaker, role = candidate.speaker_hint, None
        elif candidate.speaker_tokens:
            tokens = candidate.speaker_tokens
            span = doc[tokens[0].i: tokens[-1].i + 1]
            speaker, role = speakers.resolve(span, earlier)
            earlier.append((speaker, speakers.is_person(span)))
        else:
            speaker, role = UNSPECIFIED, None
        built.append((candidate, Attribution(
            id=f"a{number}", content=candidate.content, kind=candidate.kind, source=source_span,
            speaker=speaker, speaker_role=role, cue=candidate.cue,
        )))
    return _link_parents_and_hedges(text, built)


def _link_parents_and_hedges(text: str, built: list[tuple[_Candidate, Attribution]]) -> list[Attribution]:
    """Return the attributions with ``parent`` (innermost other speaker's content around the cue) and hedges."""
    from dataclasses import replace

    from .hedges import find_hedge_spans, find_trailing_hedge

    zones = [_own_hedge_zone(candidate) for candidate, _ in built]
    result = []
    for index, (candidate, attribution) in enumerate(built):
        point = (attribution.cue or attribution.source or attribution.content)[0]
        parents = [
            other for _, other in built
            if other is not attribution and other.content[0] <= point < other.content[1]
            and other.content != attribution.content and other.speaker != attribution.speaker
            and other.content[1] - other.content[0] > attribution.content[1] - attribution.content[0]
        ]
        parent = min(parents, key=lambda a: a.content[1] - a.content[0]).id if parents else None
        spans = find_hedge_spans(text, *attribution.content) + find_hedge_spans(text, *zones[index])
        trailing = find_trailing_hedge(text, attribution.content[1])
        if trailing:
            spans.append(trailing)
        foreign = [zone for other, zone in enumerate(zones) if other != index]
        hedges = [
            hedge for start, end, hedge in sorted(spans)
            if not any(z_start <= start and end <= z_end for z_start, z_end in foreign)
            or (zones[index][0] <= start and end <= zones[index][1])
        ]
        result.append(replace(attribution, parent=parent, hedges=tuple(dict.fromkeys(hedges))))
    return result
