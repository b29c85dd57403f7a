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

from ..models import Attribution
from .attribution_phrases import (
    evidential_adverb_candidates, headline_candidate, nominal_candidates, stance_candidates,
)
from .clauses import (
    Candidate, agent_of, char_span, content_tokens, cue_span, is_blocked, is_setting, misparsed_that_clause,
    noun_phrase, object_of, opening_time, reporting_parenthesis, reporting_tail, reports, SETTING_NOUNS, subject_of,
    trim_span,
)
from .doc_cache import doc_text, sentence_of, tokens_where
from .cues import (
    ADDRESSEE_VERBS, AGENTLESS, ANAPHORS, AS_VERBS, CLAUSE_ONLY_VERBS, CUE_OR_LIGHT_VERBS, CUE_OR_QUOTE_VERBS,
    CUE_VERBS, DENIABLE_CLAIM_NOUNS, DENIABLE_NOUNS, DOCUMENT_NOUNS,
    DOCUMENT_VERBS, GERUND_VERBS, INFINITIVE_CLAIM_VERBS, LIGHT_NOUNS, LIGHT_VERBS, NOMINAL_CUES, NOMINAL_STRENGTH,
    NON_SOURCE_NOUNS, PHRASAL, NAMING_VERBS, REQUIRED_COMPLEMENTS, RITUAL_NOUNS, UNSPECIFIED,
)
from .hedges import DISTANCING_HEDGES, find_hedge_spans, find_trailing_hedge
from .quotes import apply_quotes, find_quotes, find_turn_candidates, quote_after, split_quote, unquote
from .speakers import SpeakerResolver
from .voice import speak_for_first_person



def _content_of_verb(verb: Token, text: str) -> tuple[tuple[int, int] | None, list[Token]]:
    """Return the content span of a cue verb and the cue's extra words (light-verb noun, particle)."""
    lemma = verb.lemma_
    extra: list[Token] = []
    children = list(verb.children)
    if any(c.dep_ == "ccomp" or c.dep_ == "dobj" and lemma not in ADDRESSEE_VERBS for c in children if c.i > verb.i):
        # "Russia claims capture of X; Kyiv says fighting continues": the clause after the verb is what it reports;
        # so is an object after it ("Ukraine withdraws from Avdiivka, Russia claims victory")
        children = [c for c in children if not (c.dep_ == "ccomp" and c.i < verb.i)]
    for child in children:
        clause = misparsed_that_clause(verb, child)
        if clause is not None and lemma in CUE_VERBS:
            that = next(g for g in clause.children if g.dep_ == "mark" and g.lower_ == "that")
            return char_span([t for t in content_tokens(clause) if t.i > that.i]), extra
        if child.dep_ == "ccomp" and child.lower_ not in PHRASAL.get(lemma, ()) and lemma in CUE_VERBS:
            if any(g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in child.children):
                return None, extra  # an indirect question asserts nothing ("asked whether ...")
            noun = next((c for c in children if c.dep_ == "dobj" and c.i < child.i and c.lemma_ in NOMINAL_CUES), None)
            if noun is not None:  # "denied an allegation that ...": the content is the noun phrase
                return char_span([*noun.subtree, *content_tokens(child)]), extra
            obj = next((c for c in children if c.dep_ == "dobj" and max(t.i for t in c.subtree) + 1 == child.left_edge.i),
                       None)
            if obj is not None and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in child.children):
                # "showed a majority of voters do not think ...": the object is the clause's subject
                return char_span([*obj.subtree, *content_tokens(child)]), extra
            return char_span(content_tokens(child, opening_time(child)) + _second_clause(verb, child)), extra
        if child.dep_ == "ccomp" and child.lower_ in PHRASAL.get(lemma, ()):  # "made clear that ..."
            clause = next((g for g in child.children if g.dep_ == "ccomp"), None)
            if clause is not None:
                return char_span(content_tokens(clause)), [child]
    objects = [c for c in children if c.dep_ in ("dobj", "attr", "oprd") and c.i > verb.i]
    if lemma in LIGHT_VERBS and objects:
        noun = objects[0]
        allowed = LIGHT_VERBS[lemma]
        if (allowed is None and noun.lower_ in LIGHT_NOUNS or allowed and noun.lower_ in allowed) \
                and noun.lower_ not in RITUAL_NOUNS:
            extra = [t for t in verb.doc[verb.i + 1: noun.i + 1]]
            for child in noun.children:
                if child.dep_ in ("ccomp", "acl") and child.i > noun.i:
                    return char_span(child.subtree), extra
                if child.dep_ == "prep" and child.lower_ in ("over", "about", "at", "with", "regarding",
                                                             "for", "in", "to", "on", "of"):
                    objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                    if objs:
                        return char_span(objs[0].subtree), extra
            for child in children:
                if child.dep_ == "prep" and child.i > noun.i:
                    objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                    if objs:
                        return char_span(objs[0].subtree), extra
            return None, extra
    if lemma in LIGHT_VERBS and lemma not in CUE_VERBS:
        return None, extra
    complement = next((c for c in children if c.dep_ == "oprd" and c.i > verb.i), None)
    if lemma in NAMING_VERBS and objects and complement is not None and objects[0].i < complement.i:
        # "called his arrest “the elephant in the room”": the content is the object and what it is called
        return char_span([*objects[0].subtree, *complement.subtree]), extra
    # Directives and phrasal cues: "called on X to ...", "calling for sanctions", "urged X to ...".
    for child in children:
        if child.dep_ == "prep" and child.lower_ in PHRASAL.get(lemma, ()):
            objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                tokens = list(objs[0].subtree)
                for other in children:
                    if other.dep_ in ("xcomp", "ccomp") and other.i > child.i:
                        tokens += list(other.subtree)
                return char_span(tokens), extra
    xcomps = [c for c in children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ in ("VERB", "AUX")]
    if xcomps and lemma in GERUND_VERBS and xcomps[0].tag_ == "VBG":  # "feared losing ...", "denied leaking ..."
        return char_span(content_tokens(xcomps[0])), extra
    if xcomps and lemma in INFINITIVE_CLAIM_VERBS and any(c.lower_ == "to" for c in xcomps[0].children):
        return char_span(content_tokens(xcomps[0])), extra  # "claimed to have captured the city"
    if xcomps and CUE_VERBS.get(lemma) == "directive" or xcomps and lemma in ADDRESSEE_VERBS:
        tokens = list(xcomps[0].subtree)
        if objects:
            tokens += list(objects[0].subtree)
        return char_span(tokens), extra
    if objects and lemma in AS_VERBS:
        tokens = list(objects[0].subtree)
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "as":
                tokens += list(child.subtree)
        return char_span(tokens), extra
    if objects and lemma not in ADDRESSEE_VERBS and (lemma not in CLAUSE_ONLY_VERBS or CUE_VERBS[lemma] == "denied"
                                                     and objects[0].lemma_.lower() in DENIABLE_CLAIM_NOUNS):
        # ("Kyiv dismissed the claim", "rejected the reports": a claim denied; not "rejected the proposal")
        obj = objects[0]
        if obj.pos_ == "PRON" or obj.lower_ in ANAPHORS:
            return None, extra
        if lemma == "deny" and obj.lemma_.lower() not in DENIABLE_NOUNS \
                and not any(t.is_quote for t in obj.subtree):
            return None, extra  # "denied her request", "a policy that denies asylum": no claim denied
        if CUE_VERBS.get(lemma) == "denied" and obj.lemma_ in NOMINAL_CUES and any(
                c.dep_ in ("acl", "ccomp") and any(g.lower_ == "that" for g in c.children) for c in obj.children):
            return None, extra  # "denied reports that ...": the denial of the reports (attribution_phrases._denier)
        tokens = content_tokens(obj)
        # modifiers of the verb that follow the object belong to the claim ("..., particularly in light of ...")
        for child in children:
            if child.i > obj.i and child.dep_ in ("prep", "advmod", "npadvmod") and child.lower_ != "according" \
                    and not is_setting(child):
                tokens += content_tokens(child)
        last = max(t.i for t in tokens)
        setting = next((t for t in tokens if t.dep_ == "prep" and t.lower_ in ("in", "at", "during")
                        and any(c.dep_ == "pobj" and c.lemma_.lower() in SETTING_NOUNS for c in t.children)
                        and max(u.i for u in t.subtree) == last), None)
        if setting is not None:  # "accused X of Y in an interview with ...": the occasion, not the claim
            tokens = [t for t in tokens if t.i < setting.i]
        return char_span(tokens), extra
    if lemma in AS_VERBS:
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "as":
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return char_span(objs[0].subtree), [child]
    for child in children:  # "said in a statement that ...": the parser hangs the clause on the noun
        noun = object_of(child) if child.dep_ == "prep" and child.lower_ in ("in", "during") else None
        clause = next((g for g in noun.children if g.dep_ in ("acl", "relcl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in g.children)), None) if noun is not None else None
        if clause is not None:
            return char_span(content_tokens(clause)), extra
    comma = _reporting_tail(verb)
    if comma is not None:  # "Troops withdrew from X, spokesman Y told the AP": parsed as a conjunct
        return char_span(content_tokens(verb.head, set(range(comma, len(verb.doc))))), extra
    return None, extra


def _reporting_tail(verb: Token) -> int | None:
    """The comma before a reporting clause that ends its sentence but was parsed as a conjunct of the
    clause it reports ("X withdrew from Y, spokesman Z told reporters"): its index, else None."""
    if verb.dep_ != "conj" or verb.head.i > verb.i or verb.lemma_ not in CUE_VERBS or verb.head.pos_ != "VERB":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i > verb.i:
        return None
    comma = subject.left_edge.i - 1
    doc = verb.doc
    if comma <= verb.head.i or doc[comma].text != "," or any(t.dep_ == "cc" for t in doc[comma:verb.i]):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None  # a report with its own content
    return comma


def _second_clause(verb: Token, clause: Token) -> list[Token]:
    """The clause the parser coordinated with the cue instead of its content ("confirmed the man
    was local and he was found inside"): a conjunct right after the content, with its own subject,
    no comma before its "and", and no report of its own."""
    end = max(t.i for t in clause.subtree)
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i <= end or conj.pos_ not in ("VERB", "AUX"):
            continue
        cc = verb.doc[end + 1]
        if cc.dep_ != "cc" or cc.head.i != verb.i or conj.left_edge.i != end + 2:
            return []
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children) and not any(reports(t) for t in conj.subtree):
            return [cc, *conj.subtree]
        return []
    return []


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
        marks = {c.lower_ for c in verb.children if c.dep_ == "mark"}
        agent = agent_of(verb)
        content, extra = _content_of_verb(verb, text)
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
            source_tokens = noun_phrase(subject)
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
                sentence_start = sentence.start_char
                previous_start = sentence_of(doc[sentence.start - 1]).start_char if sentence.start > 0 else sentence_start
                earlier = [span for start, span in previous_claims.items() if previous_start <= start < sentence_start]
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
        if content is None or len(text[content[0]:content[1]].split()) < 2 and '"' not in text[content[0]:content[1]]:
            continue
        cue_extra = extra
        cue = cue_span(verb, [t for t in cue_extra if t.i > verb.i])
        if cue_extra and cue_extra[0].i < verb.i:  # "Hope was expressed"
            cue = char_span([cue_extra[0], *verb.doc[cue_extra[0].i + 1: verb.i + 1]])
        found.append(Candidate(cue, content, "indirect", source_tokens, hint, speaker_tokens))
        previous_claims[content[0]] = content
    return found


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
