"""Speakers: who a source span refers to, by name and role.

A source may be a name ("Chief of the General Staff Valery Gerasimov"), a surname
("Gerasimov"), a pronoun ("he", "who"), a description ("the Russian leader") or a group
("military officials"). The method is a small, explainable coreference over the
document's PERSON entities:

1. every PERSON mention is indexed with its role, taken from the title words before it
   ("President Vladimir Putin") or from an apposition ("Oleh Syniehubov, governor of ...");
2. a surname maps to the fullest earlier (or else later) name ending with it;
3. a pronoun maps to the latest person speaker before it, else the latest person named;
4. a description whose head is a title word ("the leader", "the President") maps to the
   latest person whose role shares that head (a leader is a president, prime minister,
   chancellor or head of state), else stays a description.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "me", "my"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})

# Words that make a noun phrase a title or office ("Chief of the General Staff").
TITLE_WORDS = frozenset({
    "president", "leader", "minister", "prime", "premier", "chancellor", "head", "chief",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "governor", "mayor", "commander",
    "general", "aide", "adviser", "advisor", "ambassador", "envoy", "director", "chairman",
    "chairwoman", "chair", "speaker", "deputy", "king", "queen", "emperor", "pope", "commissioner",
    "representative", "ombudsman", "colonel", "lieutenant", "major", "captain", "officer",
    "sergeant", "marshal", "admiral",
})

# A "leader" or "head of state" in a description is whoever holds one of these offices.
LEADER_TITLES = frozenset({"president", "prime", "premier", "chancellor", "leader", "head", "king"})

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


@dataclass(frozen=True)
class Person:
    """A person named in the document: full name, role, first character offset."""

    name: str
    role: str | None
    start: int


def _strip_determiners(tokens: list) -> list:
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    return tokens


# Lower-case words that may join the words of a title ("Chief of the General Staff").
TITLE_CONNECTORS = frozenset({"of", "the", "to", "for", "and", "on"})


def _title_before(ent: Span) -> str | None:
    """Return the capitalised title words directly before a PERSON entity ("President", "Chief of the General Staff")."""
    doc = ent.doc
    start = ent.start
    while start > 0:
        token = doc[start - 1]
        if token.is_title or token.is_upper and len(token) > 1 or token.lower_ in TITLE_CONNECTORS and start - 1 > 0 \
                and (doc[start - 2].is_title or doc[start - 2].lower_ in TITLE_CONNECTORS):
            if token.ent_type_ == "PERSON" or token.is_sent_start and token.lower_ in _DETERMINERS:
                break
            start -= 1
            continue
        break
    words = _strip_determiners(list(doc[start: ent.start]))
    while words and words[0].lower_ in TITLE_CONNECTORS:
        words = words[1:]
    if words and any(t.lower_ in TITLE_WORDS for t in words):
        return doc.text[words[0].idx: words[-1].idx + len(words[-1])]
    return None


def _title_in_apposition(ent: Span) -> str | None:
    """Return a title given in apposition: "Oleh Syniehubov, governor of ..." or "governor ..., Oleh"."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and child.lower_ in TITLE_WORDS:
            tokens = _strip_determiners(list(child.subtree))
            return " ".join(t.text for t in tokens)
    if root.dep_ == "appos" and root.head.lower_ in TITLE_WORDS:
        tokens = [t for t in root.head.subtree if t.i < root.head.i or t.i < ent.start]
        tokens = [t for t in tokens if not (ent.start <= t.i < ent.end)]
        tokens = _strip_determiners([t for t in tokens if t.i < ent.start])
        if tokens:
            return " ".join(t.text for t in tokens)
    return None


def _person_entities(doc: Doc) -> list[Span]:
    """Return PERSON entities, joining neighbours the tagger split ("Oleksandr" + "Marchenko")."""
    joined: list[Span] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        if joined and joined[-1].end == ent.start:
            joined[-1] = doc[joined[-1].start: ent.end]
        else:
            joined.append(ent)
    return joined


def index_persons(doc: Doc) -> list[Person]:
    """Return every PERSON mention of the document, in order, with the fullest name known for it."""
    mentions = []
    for ent in _person_entities(doc):
        tokens = _strip_determiners(list(ent))
        if not tokens:
            continue
        name = doc.text[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]
        mentions.append((ent, name))
    full_names = [name for _, name in mentions if " " in name]
    people = []
    for ent, name in mentions:
        if " " not in name:
            name = expand_surname(name, full_names) or name
        people.append(Person(name, _title_before(ent) or _title_in_apposition(ent), ent.start_char))
    return people


def expand_surname(surname: str, full_names: list[str]) -> str | None:
    """Return the first full name that ends with ``surname`` ("Putin" -> "Vladimir Putin")."""
    for name in full_names:
        if name.split()[-1] == surname:
            return name
    return None


def role_of(name: str, people: list[Person]) -> str | None:
    """Return the first role stated for the named person."""
    for person in people:
        if person.name == name and person.role:
            return person.role
    return None


def resolve_speaker(
    doc: Doc,
    source: Span,
    people: list[Person],
    earlier_speakers: list[tuple[str, bool]],
) -> tuple[str, str | None]:
    """Return (speaker, role) for a source span.

    ``earlier_speakers`` lists (speaker, is_person) of the attributions found before it,
    in text order, for pronouns.
    """
    persons_inside = [p for p in people if source.start_char <= p.start < source.end_char]
    if persons_inside:
        names = list(dict.fromkeys(p.name for p in persons_inside))
        speaker = "; ".join(names)
        inside_role = _title_phrase(source)
        return speaker, (inside_role or role_of(names[0], people)) if len(names) == 1 else None

    tokens = _strip_determiners(list(source))
    if not tokens:
        return source.text, None
    words = [t.lower_ for t in tokens]
    before = [p for p in people if p.start < source.start_char]

    if len(tokens) == 1 and words[0] in SINGULAR_PRONOUNS:
        for speaker, is_person in reversed(earlier_speakers):
            if is_person:
                return speaker, role_of(speaker, people)
        if before:
            return before[-1].name, role_of(before[-1].name, people)
        return tokens[0].text, None
    if len(tokens) == 1 and words[0] in PLURAL_PRONOUNS | RELATIVE_PRONOUNS:
        if earlier_speakers:
            speaker = earlier_speakers[-1][0]
            return speaker, role_of(speaker, people)
        return tokens[0].text, None

    head = source.root.lower_
    if head in TITLE_WORDS and not any(t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS and t.ent_type_ == "PERSON" for t in tokens):
        wanted = LEADER_TITLES if head in {"leader", "head"} else {head}
        for person in reversed(before):
            if person.role and wanted & {w.lower() for w in person.role.split()}:
                return person.name, person.role
        # A title may also be stated only after the first mention of the name.
        for person in people:
            if person.role and wanted & {w.lower() for w in person.role.split()}:
                return person.name, person.role
    text = doc.text[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]
    return text, None


def _title_phrase(source: Span) -> str | None:
    """Return the title words of a source span that names a person ("Chief of the General Staff")."""
    for ent in _person_entities(source.doc):
        if source.start <= ent.start < source.end:
            title = _title_before(ent)
            if title:
                return title
    return None


def is_person_speaker(source: Span, people: list[Person]) -> bool:
    """Return whether a source span names (or refers to) a single person."""
    if any(source.start_char <= p.start < source.end_char for p in people):
        return True
    words = {t.lower_ for t in source}
    return bool(words & SINGULAR_PRONOUNS) or source.root.lower_ in TITLE_WORDS
