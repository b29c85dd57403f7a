"""Attributions in English: who asserts what, through which cue, how firmly.

Doc in, ``Attribution`` records out. The method reads spaCy's dependency tree:

* a reporting cue (a verb of the lexicon in cues.py, a light-verb phrase such as "expressed
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

from dataclasses import replace

from spacy.tokens import Doc, Token

from ...models import Attribution
from .attribution_phrases import (
    evidential_adverb_candidates, headline_candidate, nominal_candidates, stance_candidates,
)
from ..language.clauses import (
    Candidate, agent_of, char_span, content_tokens, cue_span, is_blocked, noun_phrase, reporting_parenthesis,
    reporting_tail, subject_of, trim_span,
)
from ..language.doc_cache import doc_text, sentence_of, tokens_where
from .cues import (
    AGENTLESS, ANAPHORS, CUE_OR_LIGHT_VERBS, CUE_OR_QUOTE_VERBS, CUE_VERBS, DOCUMENT_NOUNS, DOCUMENT_VERBS, LIGHT_NOUNS,
    NOMINAL_STRENGTH, NON_SOURCE_NOUNS, REPORT_ANAPHOR, REQUIRED_COMPLEMENTS, RITUAL_NOUNS, UNSPECIFIED,
)
from .hedges import DISTANCING_HEDGES, find_hedge_spans, find_trailing_hedge
from .quotes import apply_quotes, find_quotes, find_turn_candidates, quote_after, split_quote, unquote
from .speakers import SpeakerResolver
from .verb_contents import content_of_verb
from .voice import speak_for_first_person



def _verb_candidates(doc: Doc, text: str, previous_claims: dict[int, tuple[int, int]],
                     quotes: list[tuple[int, int]]) -> list[Candidate]:
    found: list[Candidate] = []
    for verb in tokens_where(doc, "LEMMA", CUE_OR_LIGHT_VERBS):
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subject, passive = subject_of(verb)
        if is_blocked(verb, subject) or verb.lemma_ in DOCUMENT_VERBS and not _is_document(subject, passive):
            continue
        needed = REQUIRED_COMPLEMENTS.get(verb.lemma_)
        if needed and not any(c.dep_ == needed or c.lower_ == needed for c in verb.children):
            continue
        if _cites_grounds(verb):
            continue  # "..., citing video footage", "Citing security concerns, the mayor said": the grounds, no claim
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        agent = agent_of(verb)
        content, extra = content_of_verb(verb, text)
        # Adjunct forms: "as X said", "as described by X", "reported by X".
        adjunct = "as" in marks or (verb.tag_ == "VBN" and agent is not None and not passive
                                    and verb.dep_ in ("acl", "advcl", "relcl")
                                    and CUE_VERBS.get(verb.lemma_) != "directive")
        if adjunct and verb.head.i != verb.i and content is None:
            host = verb.head
            while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
                host = host.head
            branch = verb
            while branch.head.i != host.i and branch.head.i != branch.i:
                branch = branch.head
            excluded = {t.i for t in branch.subtree}
            content = trim_span(text, char_span(content_tokens(host, excluded)))
            cue_tokens = [verb] + [c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as"]
            if agent is not None:
                cue_tokens += [agent.head]
            source = noun_phrase(agent) if agent is not None else (
                noun_phrase(subject) if subject is not None else None)
            if content and source:
                found.append(Candidate(char_span(cue_tokens), content, "according_to", source))
            continue
        source_tokens: list[Token] | None = None
        speaker_tokens = None
        hint = None
        if agent is not None:
            source_tokens = noun_phrase(agent)
            extra = [*extra, agent.head]
        elif subject is not None and not passive:
            source_tokens = noun_phrase(_comma_spliced_subject(subject, verb))
            if subject.lower_ in ("who", "that", "which") and verb.dep_ == "relcl":
                speaker_tokens = noun_phrase(verb.head, {t.i for t in verb.subtree})
        elif verb.dep_ == "acl" and verb.tag_ == "VBG":
            source_tokens = noun_phrase(verb.head, {t.i for t in verb.subtree})
        elif passive or (verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children)):
            hint = AGENTLESS
        elif subject is None and (named_tail := reporting_tail(verb)) is not None:
            content, source_tokens = named_tail[0], noun_phrase(named_tail[1])  # "..., Minister Hanna Maliar said"
        elif reporting_tail(verb) is None and reporting_parenthesis(verb) is None:
            continue
        if content is None and passive and subject is not None:
            determiners = {t.lower_ for t in subject.children if t.dep_ in ("det", "predet", "amod")}
            if subject.lower_ in ANAPHORS or determiners & {"this", "these", "that", "those", "such"}:
                sentence = sentence_of(verb)
                previous_start = _previous_sentence_start(doc, verb)
                earlier = [span for start, span in previous_claims.items()
                           if previous_start <= start < sentence.start_char]
                if earlier:
                    content = earlier[-1]
                else:
                    previous = sentence_of(doc[sentence.start - 1]) if sentence.start > 0 else None
                    content = trim_span(text, (previous.start_char, previous.end_char)) if previous else None
            elif subject.lower_ in LIGHT_NOUNS and subject.lower_ not in RITUAL_NOUNS:
                extra = [subject, *[t for t in doc[subject.i + 1: verb.i]]]
        if content is None and not passive and not is_blocked(verb, None):
            tail = reporting_tail(verb) or reporting_parenthesis(verb)
            if tail is not None:  # "X, police said." / "X, says the minister" / "X, he said, is Y"
                content, subject = tail
                source_tokens, speaker_tokens, hint = noun_phrase(subject), None, None
        if content is None:
            continue
        # a reporter the parser hung on the content's last name, with its article ("..., the Ministry said")
        if source_tokens and content[0] < source_tokens[0].idx < content[1]:
            content = (content[0], doc[min(t.left_edge.i for t in source_tokens)].idx)
        content = trim_span(text, content)
        if content is not None:  # 'said his members are concerned: "In my experience ..."'
            colon_quote = quote_after(text, content[1], quotes) if text[content[1]:content[1] + 1] == ":" else None
            if colon_quote is not None:
                content = (content[0], colon_quote[1])
        if content is None or len(text[content[0]:content[1]].split()) < 2 and '"' not in text[content[0]:content[1]] \
                and not (CUE_VERBS.get(verb.lemma_) == "denied" and REPORT_ANAPHOR.match(text[content[0]:content[1]])
                         and _claim_just_before(doc, verb, previous_claims)):
            continue  # (one word only when it names a report told just before that a denial denies: "Kyiv denied this")
        cue_extra = extra
        cue = cue_span(verb, [t for t in cue_extra if t.i > verb.i])
        if cue_extra and cue_extra[0].i < verb.i:  # "Hope was expressed"
            cue = char_span([cue_extra[0], *verb.doc[cue_extra[0].i + 1: verb.i + 1]])
        found.append(Candidate(cue, content, "indirect", source_tokens, hint, speaker_tokens))
        previous_claims[content[0]] = content
    return found


def _cites_grounds(verb: Token) -> bool:
    """True for "citing" hung on another verb with a bare noun phrase as its object: the grounds of that verb's
    claim ("said it had struck three systems, citing video footage"), no claim of its own; not "cited reports showing
    that ...", whose object holds a clause."""
    if verb.lower_ != "citing" or verb.head.i == verb.i:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(t.pos_ in ("VERB", "AUX") for o in objects for t in o.subtree)


def _claim_just_before(doc: Doc, verb: Token, previous_claims: dict[int, tuple[int, int]]) -> bool:
    """True when a claim found so far starts in the verb's sentence or the one before it."""
    start = _previous_sentence_start(doc, verb)
    return any(start <= s < verb.idx for s in previous_claims)


def _previous_sentence_start(doc: Doc, verb: Token) -> int:
    """The character offset of the sentence before the verb's, or of the verb's own when it is the first."""
    sentence = sentence_of(verb)
    return sentence_of(doc[sentence.start - 1]).start_char if sentence.start > 0 else sentence.start_char


def _comma_spliced_subject(subject: Token, verb: Token) -> Token:
    """The subject of a cue verb, less what belongs to the clause before a comma splice: in "Russia claims Soledar,
    Ukraine says fighting goes on" the parser takes "Soledar" (the object of "claims") as the subject of "says", with
    "Ukraine" in apposition; the apposition right before the verb is the subject when a verb precedes the first."""
    appos = [c for c in subject.children if c.dep_ == "appos" and c.i > subject.i]
    if appos and subject.i > 0 and subject.doc[subject.i - 1].pos_ in ("VERB", "AUX") \
            and appos[-1].right_edge.i == verb.i - 1:
        return appos[-1]
    return subject


def _is_document(subject: Token | None, passive: bool) -> bool:
    """Return whether an active subject is a document or body of evidence ("a poll", "images on
    social media", "which" after "a consultation"), the only sources of DOCUMENT_VERBS."""
    if subject is None or passive:
        return False
    if subject.lower_ in ("which", "that") and subject.head.dep_ == "relcl":
        subject = subject.head.head
    return subject.lemma_.lower() in DOCUMENT_NOUNS


# First words of the adjunct-source phrases _adjunct_source reads.
ADJUNCT_OPENERS = frozenset({"according", "in", "per"})


def _adjunct_source(doc: Doc, token: Token) -> tuple[list[Token], Token] | None:
    """For an adjunct-source phrase starting at ``token`` ("according to X", "in the words of X"),
    return its cue tokens and the preposition whose object is the source."""
    if token.lower_ not in ADJUNCT_OPENERS:  # most tokens: no phrase to read
        return None
    words = [t.lower_ for t in doc[token.i: token.i + 4]]
    if words[:2] == ["according", "to"]:
        return [token, doc[token.i + 1]], doc[token.i + 1]
    if words == ["in", "the", "words", "of"]:
        return list(doc[token.i: token.i + 4]), doc[token.i + 3]
    if words[0] == "per" and token.i > 0 and doc[token.i - 1].text == "," and any(
            c.dep_ == "pobj" and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON")) for c in token.children):
        return [token], token  # "..., per 247sports" (not "per cent", "per day")
    return None


def _according_to_candidates(doc: Doc, text: str) -> list[Candidate]:
    """Adjunct sources: "according to X, ...", "in the words of X, ..."; the host clause is the content."""
    found = []
    for token in tokens_where(doc, "LOWER", ADJUNCT_OPENERS):
        adjunct = _adjunct_source(doc, token)
        if adjunct is None:
            continue
        cue_tokens, preposition = adjunct
        objs = [c for c in preposition.children if c.dep_ == "pobj"] or [
            c for c in token.children if c.dep_ == "pobj"]
        if not objs or objs[0].lemma_.lower() in NON_SOURCE_NOUNS:
            continue
        host = token.head
        while host.pos_ not in ("VERB", "AUX") and host.head.i != host.i:
            host = host.head
        while host.dep_ == "ccomp" and host.head.lemma_ in CUE_VERBS and host.head.i < token.i \
                and token.i > 0 and doc[token.i - 1].text == "," \
                and all(t.i < token.i for t in host.subtree if t.i not in {u.i for u in token.subtree}):
            host = host.head  # "X said Y, according to the poll": the poll reports X's saying
        excluded = {t.i for t in token.subtree} | {t.i for t in preposition.subtree} | {t.i for t in cue_tokens}
        content = trim_span(text, char_span(content_tokens(host, excluded)))
        if content:
            found.append(Candidate(char_span(cue_tokens), content, "according_to", noun_phrase(objs[0])))
    return found


def _evidentiality(doc: Doc, cue: tuple[int, int] | None, hedges: tuple[str, ...]) -> str:
    """Return how firmly an attribution presents its content (models.EVIDENTIALITIES): the
    strength of its cue word, turned to "alleged" when a distancing hedge qualifies it."""
    strength = "reported"
    span = doc.char_span(*cue, alignment_mode="expand") if cue else None
    for token in span or ():
        lemma = token.lemma_.lower()
        if lemma in CUE_VERBS or lemma in NOMINAL_STRENGTH:
            strength = CUE_VERBS.get(lemma) or NOMINAL_STRENGTH[lemma]
            break
    if strength in ("reported", "claimed") and DISTANCING_HEDGES.intersection(hedges):
        return "alleged"
    return strength


def _own_hedge_zone(candidate: Candidate) -> tuple[int, int]:
    """Return the stretch before the cue where a hedge belongs to this attribution ("what it describes as")."""
    start = candidate.anchor
    end = candidate.cue[1] if candidate.cue else start
    return max(0, start - len("what ")), end


def find_attributions(doc: Doc, published: str | None = None,
                      voice: str | None = None) -> list[Attribution]:
    """Return the attributions of an English spaCy Doc, in text order, with ids a1, a2, ...

    ``published`` (ISO date) picks the office holders that descriptions such as "the
    Russian leader" refer to; ``voice`` is who speaks in the text's own first person (the
    author of an address: speakers.document_voice), or None when unknown.
    """
    text = doc_text(doc)
    quotes = find_quotes(text)
    previous_claims: dict[int, tuple[int, int]] = {}
    candidates = _verb_candidates(doc, text, previous_claims, quotes)
    candidates += _according_to_candidates(doc, text)
    candidates += nominal_candidates(doc, text)
    candidates += stance_candidates(doc, text)
    candidates += evidential_adverb_candidates(doc, text)
    headline = headline_candidate(doc, text)
    candidates += [c for c in find_turn_candidates(doc, text)  # a one-line "X: ..." is a headline's label
                   if headline is None or c.content[0] != headline.content[0]]
    candidates += [headline] if headline else []

    # Cues with no clause of their own next to a quotation: "said: “...”", "“...,” he said".
    covered_cues = {c.cue for c in candidates}
    for verb in tokens_where(doc, "LEMMA", CUE_OR_QUOTE_VERBS):
        if verb.pos_ == "VERB":
            cue = cue_span(verb)
            if cue in covered_cues:
                continue
            subject, passive = subject_of(verb)
            if subject is None or passive or is_blocked(verb, subject):
                continue
            source = noun_phrase(subject)
            clause_start = min(cue[0], source[0].idx, subject.left_edge.idx)
            quote = split_quote(text, cue[1], clause_start, quotes)
            lead = sentence_of(verb).start_char
            if quote and quote[1] <= clause_start and lead < quote[0] and text[lead:quote[0]].strip() \
                    and not text[lead:quote[0]].rstrip().endswith(":"):
                quote = (lead, quote[1])  # 'The attack required “substantial planning,” prosecutors said'
            content = trim_span(text, unquote(text, quote)) if quote else None
            if content:
                candidates.append(Candidate(cue, content, "direct", source))

    for candidate in candidates:
        if candidate.cue is not None:  # transcript turns are direct as they stand
            apply_quotes(text, candidate, quotes)
        if headline is not None and candidate is not headline \
                and headline.content[0] <= candidate.content[0] < headline.content[1] < candidate.content[1]:
            # "Russia says it captured Bilohorivka, Ukraine denies": the claim ends where the headline's does
            candidate.content = (candidate.content[0], headline.content[1])
        semicolon = text.find(";", *candidate.content)
        if semicolon > 0 and candidate.kind != "direct" and any(  # "claims capture of Bakhmut; Kyiv denies": a report
                t.lemma_ in CUE_VERBS and any(c.dep_ == "nsubj" and c.idx > semicolon for c in t.children)
                for t in doc.char_span(semicolon, candidate.content[1], alignment_mode="expand")):
            # of its own, with its own subject (not "...; calls on the United States ...", the document's again)
            candidate.content = trim_span(text, (candidate.content[0], semicolon)) or candidate.content

    unique: dict[tuple, Candidate] = {}
    for candidate in sorted(candidates, key=lambda c: (c.anchor, c.content)):
        unique.setdefault((candidate.cue, candidate.content), candidate)
    ordered = sorted(unique.values(), key=lambda c: (c.anchor, c.content))

    speakers = SpeakerResolver(doc, published)
    earlier: list[tuple[str, bool]] = []
    built: list[tuple[Candidate, Attribution]] = []
    for number, candidate in enumerate(ordered, start=1):
        source_span = char_span(candidate.source_tokens) if candidate.source_tokens else None
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
    return [replace(a, evidentiality=_evidentiality(doc, a.cue, a.hedges))
            for a in speak_for_first_person(_link_parents_and_hedges(text, built), voice)]


def _link_parents_and_hedges(text: str, built: list[tuple[Candidate, Attribution]]) -> list[Attribution]:
    """Return the attributions with ``parent`` (innermost other speaker's content around the cue) and hedges."""
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
