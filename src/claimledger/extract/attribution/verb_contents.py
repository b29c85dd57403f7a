"""The content of an English reporting verb: its clausal complement ("said that ..."), the object of an NP-taking
cue ("denied the claim", "expressed concern over ..."), the complement of a directive ("urged X to ..."), a claim made
about an event ("reported to the President on the liberation of Lisichansk"), or the clause a reporting tail follows
("Troops withdrew from X, spokesman Y told the AP"). A spaCy verb token in, a character span and the extra cue tokens
out; pure. attribution.py builds the attributions around it.
"""
from __future__ import annotations

from spacy.tokens import Token

from ..language.clauses import (
    SETTING_NOUNS, char_span, content_tokens, is_setting, misparsed_that_clause, object_of, opening_time, reports,
)
from .cues import (
    ADDRESSEE_VERBS, ANAPHORS, AS_VERBS, CLAUSE_ONLY_VERBS, CUE_VERBS, DENIABLE_CLAIM_NOUNS, DENIABLE_NOUNS,
    GERUND_VERBS, INFINITIVE_CLAIM_VERBS, LIGHT_NOUNS, LIGHT_VERBS, NAMING_VERBS, NOMINAL_CUES, PHRASAL, RITUAL_NOUNS,
)

# Verbs that report a claim through "on"/"about" and a noun of an event ("reported to the President on the liberation of
# Lisichansk", "told about the daily opening of humanitarian corridors"); a topic alone is no claim ("informed ... on
# the progress of the operation": annotation guide, section A).
REPORTED_ON_VERBS = frozenset({"report", "inform", "tell", "brief", "notify"})
# Nouns of an event done, whose report on it claims it happened.
CLAIMED_EVENT_NOUNS = frozenset({
    "liberation", "capture", "seizure", "takeover", "completion", "withdrawal", "retreat", "destruction", "fall",
    "repulsion", "evacuation", "killing", "death", "strike", "shelling", "downing", "sinking", "loss", "elimination",
    "defeat", "encirclement", "breakthrough", "opening", "occupation",
})


# Nouns of one's part in an act, which a denial disowns as it denies a report ("Ukraine denied involvement", "denied
# any responsibility").
DISOWNED_NOUNS = frozenset({"involvement", "responsibility", "participation", "complicity"})


def content_of_verb(verb: Token, text: str) -> tuple[tuple[int, int] | None, list[Token]]:
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
            obj = next((c for c in children
                        if c.dep_ == "dobj" and max(t.i for t in c.subtree) + 1 == child.left_edge.i), None)
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
        if CUE_VERBS.get(lemma) == "denied" and (obj.lower_ in ANAPHORS or obj.lemma_.lower() in DISOWNED_NOUNS):
            # "Kyiv denied this", "Ukraine denied involvement": the denial names the report before it, which
            # event_polarity.denials_of_reports finds by these words
            return char_span(list(obj.subtree)), extra
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
    for child in children:  # "reported to the President on the liberation of the Lugansk People's Republic"
        noun = object_of(child) if child.dep_ == "prep" and child.lower_ in ("on", "about") else None
        if noun is not None and lemma in REPORTED_ON_VERBS and noun.lemma_.lower() in CLAIMED_EVENT_NOUNS:
            tail = [t for c in children if c.dep_ in ("xcomp", "advcl") and c.i > noun.i for t in c.subtree]
            return char_span([*noun.subtree, *tail]), extra  # (with "to liberate X" the parser hangs on the verb)
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
