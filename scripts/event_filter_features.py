"""Features of one event the rules proposed, for the learned event filter (train_event_filter.py).

An ``Event`` and the parsed document it came from in, a set of feature names out (binary features:
``"type=strike"``, ``"lemma=strike:attack"``, ``"dep=dobj"``...). English reads the spaCy tree
(lemma, part of speech, dependency, head, tense, subject person); Russian and Ukrainian read the
pymorphy3 tokens of ``CyrDoc`` (lemma, part of speech, tense, number, the words either side).
Both add what the rules already decided (polarity, modality, claimant, places, count, date) and
where the trigger stands (headline, quotation, first sentence, other triggers in its sentence).
"""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from claimledger.extract.events import event_triggers, events_ru_uk
from claimledger.extract.language.cyrillic import CyrDoc
from claimledger.extract.events.trigger_lexicon_en import lexicon_matches, load_event_lexicon
from claimledger.models import Event

# Words either side of the trigger in its sentence that make its context text (the encoder's
# second input: the trigger in its near context rather than the whole sentence).
CONTEXT_WORDS = 6
# Quotation marks counted before a trigger in its paragraph: an odd count puts it inside a quote.
QUOTE_MARKS = frozenset('"“”«»„')
# Subjects that speak of the speaker's own side or of anyone ("we", "you"): person features.
PERSON_WORDS = {"i": "1", "we": "1", "you": "2", "they": "3p", "he": "3", "she": "3", "it": "3",
                "я": "1", "мы": "1", "ми": "1", "вы": "2", "ви": "2", "ты": "2", "ти": "2",
                "они": "3p", "вони": "3p"}


def _in_quote(text: str, start: int) -> bool:
    """True when an odd number of quotation marks stands between the paragraph start and ``start``."""
    paragraph = text.rfind("\n", 0, start) + 1
    return sum(1 for c in text[paragraph:start] if c in QUOTE_MARKS) % 2 == 1


def _shared(event: Event, text: str, language: str, events: Sequence[Event]) -> set[str]:
    """Features every language shares: the rules' decisions and the trigger's place in the text."""
    kind = event.type
    start = event.trigger[0]
    features = {
        f"type={kind}", f"lang={language}", f"polarity={event.polarity}:{kind}",
        f"modality={event.modality}", f"modality={event.modality}:{kind}",
        f"claimed={event.claimed_by is not None}", f"claimed={event.claimed_by is not None}:{kind}",
        f"places={bool(event.places)}:{kind}", f"quantity={event.quantity is not None}:{kind}",
        f"when={event.when is not None}:{kind}", f"actor={event.actor is not None}:{kind}",
        f"target={event.target is not None}:{kind}",
    }
    if "\n" not in text.strip() and len(text) < 300:
        features.add("headline")
    if _in_quote(text, start):
        features.add("quoted")
    line_start = text.rfind("\n", 0, start) + 1
    if not text[:line_start].strip():
        features.add("first_paragraph")
    same_type = sum(1 for e in events if e.type == kind)
    features.add(f"doc_same_type={min(same_type, 3)}")
    return features


def features_en(doc: Doc, event: Event, events: Sequence[Event]) -> set[str]:
    """Return the feature names of an English event in its spaCy Doc (``events``: all the document's)."""
    kind = event.type
    features = _shared(event, doc.text, "en", events)
    span = doc.char_span(*event.trigger, alignment_mode="expand")
    if span is None or not len(span):
        return features
    root, head = span.root, span.root.head
    lemma = root.lemma_.lower()
    features |= {
        f"lemma={kind}:{lemma}", f"pos={root.pos_}", f"pos={root.pos_}:{kind}", f"tag={root.tag_}",
        f"dep={root.dep_}", f"dep={root.dep_}:{kind}", f"head={head.lemma_.lower()}",
        f"headpos={head.pos_}", f"words={min(len(span), 3)}",
    }
    if root.tag_ == "NNS" and not any(c.dep_ in {"det", "poss", "nummod"} for c in root.children):
        features.add("bare_plural")
    verb = root if root.pos_ in {"VERB", "AUX"} else head
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    features |= {f"tense={t}" for t in tags if t.startswith(("VB", "MD"))}
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            features.add(f"subject={PERSON_WORDS.get(child.lower_, child.tag_)}")
    sentence = span.sent
    if sentence.start == 0:
        features.add("first_sentence")
    others = sum(1 for e in events if sentence.start_char <= e.trigger[0] < sentence.end_char) - 1
    features.add(f"sent_events={min(others, 2)}")
    return features


def features_ru_uk(doc: CyrDoc, event: Event, events: Sequence[Event]) -> set[str]:
    """Return the feature names of a Russian or Ukrainian event in its CyrDoc."""
    kind = event.type
    features = _shared(event, doc.text, doc.language, events)
    first = doc.token_at(event.trigger[0])
    if first is None:
        return features
    token = doc.tokens[first]
    features |= {f"lemma={kind}:{token.lemma}", f"pos={token.pos}", f"pos={token.pos}:{kind}"}
    features |= {f"tag={t}" for t in token.tags & {"past", "pres", "futr", "sing", "plur", "perf", "impf",
                                                   "nomn", "gent", "accs", "ablt", "loct", "datv", "pssv"}}
    sentence = doc.sentence_of(first)
    if first > sentence.first:
        features.add(f"prev={doc.tokens[first - 1].lemma}")
    if first + 1 < sentence.last:
        features.add(f"next={doc.tokens[first + 1].lemma}")
    for word in doc.tokens[max(sentence.first, first - 4):first]:
        if word.lower in PERSON_WORDS:
            features.add(f"subject={PERSON_WORDS[word.lower]}")
    if sentence.first == 0:
        features.add("first_sentence")
    others = sum(1 for e in events if sentence.start <= e.trigger[0] < sentence.end) - 1
    features.add(f"sent_events={min(others, 2)}")
    return features


def sentence_text(doc: Doc | CyrDoc, event: Event) -> str:
    """The text of the sentence holding the event's trigger (the encoder's input)."""
    if isinstance(doc, CyrDoc):
        first = doc.token_at(event.trigger[0])
        if first is None:
            return doc.text[event.trigger[0]:event.trigger[1]]
        sentence = doc.sentence_of(first)
        return doc.text[sentence.start:sentence.end]
    span = doc.char_span(*event.trigger, alignment_mode="expand")
    return span.sent.text if span is not None and len(span) else doc.text[event.trigger[0]:event.trigger[1]]


def context_text(doc: Doc | CyrDoc, event: Event) -> str:
    """The trigger with up to CONTEXT_WORDS words either side of it, within its sentence."""
    sentence = sentence_text(doc, event)
    text = doc.text
    offset = text.find(sentence, max(0, event.trigger[0] - len(sentence)))
    if offset < 0 or not offset <= event.trigger[0] <= offset + len(sentence):
        return text[event.trigger[0]:event.trigger[1]]
    before = text[offset:event.trigger[0]].split()[-CONTEXT_WORDS:]
    after = text[event.trigger[1]:offset + len(sentence)].split()[:CONTEXT_WORDS]
    return " ".join([*before, text[event.trigger[0]:event.trigger[1]], *after])


def rejected_matches_en(doc: Doc) -> list[tuple[str, int, int, frozenset[str]]]:
    """Lexicon matches of an English Doc that the trigger rules reject, as (type, start char, end char,
    reasons): the flags that fail ("flag=passive") or "mention" (a topic, a kind, a modifier).
    Longest first on overlap, as event_triggers.find_triggers does; for the widening experiment."""
    lexicon = load_event_lexicon()
    out = []
    for index, start, end in sorted(lexicon_matches(doc), key=lambda m: (-(m[2] - m[1]), m[1])):
        kind, _, flags = lexicon[index]
        span = doc[start:end]
        reasons = {f"flag={f}" for f in flags if not event_triggers._passes_flags(span, frozenset({f}))}
        if not reasons and event_triggers._is_mention(span):
            reasons = {"mention"}
        if reasons:
            out.append((kind, span.start_char, span.end_char, frozenset(reasons)))
    return out


def rejected_matches_ru_uk(doc: CyrDoc) -> list[tuple[str, int, int, frozenset[str]]]:
    """Lexicon matches of a CyrDoc whose flags the rules reject (the lexicon matched with its flag
    checks off, less the matches the rules keep), as (type, start char, end char, reasons)."""
    kept = set(events_ru_uk.find_triggers_ru_uk(doc, ()))
    check = events_ru_uk.passes_flags  # (imported there from trigger_context_ru_uk)
    events_ru_uk.passes_flags = lambda *args: True  # the experiment's one patch, undone below
    try:
        every = events_ru_uk.find_triggers_ru_uk(doc, ())
    finally:
        events_ru_uk.passes_flags = check
    return [(kind, *doc.char_span(first, last), frozenset({"flag"}))
            for kind, first, last in every if (kind, first, last) not in kept]
