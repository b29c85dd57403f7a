"""Speakers: who a source span refers to, by name and role.

A source may be a name ("Chief of the General Staff Valery Gerasimov"), a surname
("Gerasimov"), a pronoun ("he", "who"), a description ("the Russian leader", "President
of Russia") or a group ("military officials", "both sides"). The method is a small,
explainable coreference over the document's PERSON entities plus a registry of office
holders (data/registries/office_holders.tsv):

1. every PERSON mention is indexed with its canonical name (a surname or a spelling
   variant maps to the registry's name or to the fullest name in the text) and its role
   (the title words before it, or the office the registry gives for the publication date);
2. a pronoun maps to the latest person speaker before it, else the latest person named; "you" to
   the person a vocative names ("Mr Putin, you said"); "they"
   to the latest group speaker named in the last sentences, else the nearest plural group noun
   phrase there ("the Russian troops"); "we" is the speaker's own side and stays as written;
3. a description names an office ("President of Russia", "the Russian leader") that the
   registry resolves for the publication date, or a title ("the President", "Head of
   State") that maps to the person of the document holding such a role, the most
   mentioned first;
4. a plural description of leaders ("both sides", "the presidents", "they") joins the
   leaders of the document with "; ", else the two or three persons named in its paragraph, else it
   stays a described source with its determiner ("both sides"); a one-word PERSON entity that is a
   prominent place ("Kharkiv") is no person.
Anything else (a group, an organisation) is kept as written, without its article.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..language.doc_cache import doc_ents, doc_text
from ..events.event_triggers import NATIONALITIES
from .office_holders import terms_on

SINGULAR_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "i", "me", "my"})
ANY_PRONOUNS = frozenset({"they", "them", "their", "we", "us", "our", "it", "its"})
THIRD_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
FIRST_PLURAL_PRONOUNS = frozenset({"we", "us", "our"})
# Speakers left as a bare pronoun: never an antecedent for a later pronoun.
UNRESOLVED_PRONOUNS = ANY_PRONOUNS | {"i", "me", "my", "you", "your"}
# Heads of plural noun phrases that name groups which can speak or believe ("the Russian troops",
# "Western partners"): the antecedents "they" may take from the sentences before it.
GROUP_HEADS = frozenset({
    "troops", "forces", "soldiers", "officials", "authorities", "leaders", "partners", "allies",
    "militants", "invaders", "occupiers", "nationalists", "politicians", "diplomats", "experts",
    "analysts", "observers", "critics", "residents", "citizens", "people", "countries", "states",
    "governments", "sides", "parties", "members", "representatives", "commanders", "generals",
    "ministers", "negotiators", "mercenaries", "units", "media", "journalists", "services",
})
# Heads of sources that are information, not someone ("available information", "media reports",
# "preliminary estimates"): the speaker is "unspecified (<the source as written>)", unless a name is in it.
NON_AGENT_HEADS = frozenset({
    "information", "data", "monitoring", "report", "reports", "estimate", "estimates", "assessment",
    "assessments", "intelligence", "figures", "statistics", "evidence", "footage", "analysis",
    "findings", "calculations", "records", "documents", "survey", "study", "research", "poll",
    "observations", "imagery", "reporting"})
# Forms of address that open a vocative ("Mr Putin, you said ..."): "you" is the person named after
# them, within MAX_VOCATIVE_TOKENS words before the comma.
ADDRESS_WORDS = frozenset({"mr", "mrs", "ms", "madam", "dear", "sir", "mister", "esteemed"})
MAX_VOCATIVE_TOKENS = 5
# How many sentences back "they" may find its group antecedent.
ANTECEDENT_SENTENCES = 2
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
# Title words that head an office's name right before a given name ("Kursk Governor Alexei Smirnov"), unlike those that
# also qualify a body ("Chief of the General Staff Valery Gerasimov": "General Staff" is no given name).
HEAD_TITLES = frozenset({"president", "minister", "chancellor", "governor", "mayor", "commander", "secretary",
                         "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "ombudsman", "adviser",
                         "advisor"})
# A "leader" or "head of state" in a description is whoever holds one of these offices.
LEADER_TITLES = frozenset({"president", "prime", "premier", "chancellor", "leader", "king", "secretary-general"})
# Plural heads that designate the leaders of a meeting or call ("both sides", "the presidents").
PLURAL_LEADER_HEADS = frozenset({"leaders", "presidents", "sides", "parties", "heads"})
# Heads of an institution named again by a definite noun ("Russia's defence ministry said ... The ministry also
# said"): the latest institution speaker before it whose name holds the same words.
INSTITUTION_ANAPHOR_HEADS = frozenset({"ministry", "agency", "department", "staff", "military", "army", "service",
                                       "office", "committee", "command", "administration", "government", "council"})
# Lower-case words that may join the words of a title ("Chief of the General Staff").
TITLE_CONNECTORS = frozenset({"of", "the", "to", "for", "and", "on"})
# Country adjectives in descriptions ("the Russian leader") and the country they name in offices.
COUNTRY_ADJECTIVES = {
    "russian": "russia", "ukrainian": "ukraine", "american": "united states", "us": "united states",
    "u.s.": "united states", "french": "france", "german": "germany", "turkish": "turkey",
    "chinese": "china", "british": "united kingdom", "belarusian": "belarus", "polish": "poland",
    "indian": "india", "italian": "italy", "hungarian": "hungary", "israeli": "israel",
}
# Most leaders joined for a plural description: a call or meeting has two or three sides.
MAX_JOINED_LEADERS = 3
# A one-word PERSON entity that is the whole name of a town of the war's theatre this populous (or of
# an oblast) is the place the tagger mistook for a person ("Kharkiv", "Kherson"): it names no speaker and
# is no antecedent for "he". Small villages share their names with surnames ("Shevchenko", "Kozak" have
# no population or a few hundred), and so do towns elsewhere ("Clark", "Kennedy"), so they do not count,
# nor does a word that is the surname of a person named in full in the text ("Greg Clark" ... "Clark").
MIN_PLACE_POPULATION = 10_000
THEATRE_COUNTRIES = frozenset({"UA", "RU", "BY"})
AREA_LEVELS = frozenset({"oblast", "region"})

_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "both"})


@dataclass(frozen=True)
class Person:
    """A person named in the document: canonical name, role, first character offset."""

    name: str
    role: str | None
    start: int


def _strip_determiners(tokens: list) -> list:
    while tokens and (tokens[0].lower_ in _DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].tag_ == "POS"):
        tokens = tokens[:-1]
    return tokens


def _title_before(ent: Span) -> str | None:
    """Return the capitalised title words directly before a PERSON entity ("Chief of the General Staff")."""
    doc = ent.doc
    start = ent.start
    while start > 0:
        token = doc[start - 1]
        joins = token.lower_ in TITLE_CONNECTORS and start - 1 > 0 and (
            doc[start - 2].is_title or doc[start - 2].lower_ in TITLE_CONNECTORS)
        if (token.is_title or (token.is_upper and len(token) > 1) or joins) and token.ent_type_ != "PERSON" \
                and not (token.is_sent_start and token.lower_ in _DETERMINERS):
            start -= 1
            continue
        break
    words = _strip_determiners(list(doc[start: ent.start]))
    while words and words[0].lower_ in TITLE_CONNECTORS:
        words = words[1:]
    if words and any(t.lower_ in TITLE_WORDS for t in words):
        return doc_text(doc)[words[0].idx: words[-1].idx + len(words[-1])]
    return None


def _title_in_apposition(ent: Span) -> str | None:
    """Return a title given in apposition: "Oleh Syniehubov, governor of Kharkiv Oblast"."""
    for child in ent.root.children:
        if child.dep_ == "appos" and child.lower_ in TITLE_WORDS:
            tokens = _strip_determiners(list(child.subtree))
            return " ".join(t.text for t in tokens)
    return None


def _person_entities(doc: Doc) -> list[Span]:
    """Return PERSON entities, joining neighbours the tagger split ("Oleksandr" + "Marchenko")."""
    joined: list[Span] = []
    for ent in doc_ents(doc):
        if ent.label_ != "PERSON" and not _name_after_title(ent) or ent.text.lower() in NATIONALITIES:
            continue  # ("Ukrainian" read as a person)
        start = ent.start - 1 if ent.start > 0 and _given_name(doc[ent.start - 1], ent) else ent.start
        # ("Kursk governor Alexei Smirnov": the tagger left the given name out)
        if joined and joined[-1].end >= start:
            joined[-1] = doc[joined[-1].start: ent.end]
        else:
            joined.append(doc[start: ent.end])
    return joined


def _name_after_title(ent: Span) -> bool:
    """True for an organisation entity of two or three capitalised proper nouns right after a lower-case title word,
    a person's name the tagger misread ("army chief Oleksandr Syrskyi")."""
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    return ent.label_ == "ORG" and before is not None and before.lower_ in TITLE_WORDS and before.is_lower \
        and 2 <= len(ent) <= 3 and all(t.pos_ == "PROPN" and t.is_title for t in ent)


def _given_name(token, ent: Span) -> bool:
    """True for a capitalised proper noun with no entity of its own compounded onto a PERSON entity, no title, after
    a lower-case common noun or a title word ("governor Alexei Smirnov", "Kursk Governor Alexei Smirnov"; not
    "General Staff Valery Gerasimov", "President's Office Andriy", "as Mr Lukashenko", "of Belarus Alexander
    Lukashenko")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and token.dep_ == "compound" \
        and token.head.i in range(ent.start, ent.end) and token.lower_ not in TITLE_WORDS \
        and before is not None and before.is_alpha and (before.pos_ == "NOUN" and before.is_lower
                                                        or before.lower_ in HEAD_TITLES)  # ("Kursk Governor Alexei")


def _words(text: str) -> set[str]:
    return {w.strip(".,'’").lower() for w in text.replace("'s", " ").replace("’s", " ").split()} - {"of", "the"}


class SpeakerResolver:
    """Resolves source spans of one document to (speaker, role)."""

    def __init__(self, doc: Doc, published: str | None = None):
        self.doc = doc
        self.terms, self.registered = terms_on(published[:10] if published else None)
        self.people = self._index_persons()
        self.mentions = Counter(p.name for p in self.people)

    # -- the document's persons ------------------------------------------------------

    def canonical_name(self, name: str, full_names: list[str]) -> str:
        """Return the registry's name for a name or alias, else the fullest name in the text ending with it."""
        registered = self._registered(name)
        if registered is not None:
            return registered
        surname = name.split()[-1]
        for term in self.terms:
            if surname in term.person_names and (" " not in name or name.split()[0][0] == term.person[0]):
                return term.person
        if " " not in name:
            for full in full_names:
                if full.split()[-1] == name:
                    return full
        return name

    def _registered(self, name: str) -> str | None:
        """The registry's name of a person's name or alias as written (office_holders.tsv), else None."""
        return next((term.person for term in self.terms if name in term.person_names), None)

    def office_of(self, name: str) -> str | None:
        """Return the registry office the person holds at the publication date."""
        return next((t.office for t in self.terms if t.person == name), None)

    def _index_persons(self) -> list[Person]:
        mentions = []
        entities = _person_entities(self.doc)
        surnames = {ent[-1].text for ent in entities if len(ent) > 1}
        for ent in entities:
            tokens = _strip_determiners(list(ent))
            if tokens and not self._is_place(ent, surnames):
                mentions.append((ent, doc_text(self.doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]))
        full_names = [name for _, name in mentions if " " in name]
        people = []
        for ent, name in mentions:
            name = self.canonical_name(name, full_names)
            title = _title_before(ent) or _title_in_apposition(ent)
            office = self.office_of(name)
            if office and (title is None or " " not in title and office.lower().startswith(title.lower())):
                title = office
            people.append(Person(name, title, ent.start_char))
        return people

    def _is_place(self, ent: Span, full_names: set[str]) -> bool:
        """True for a one-word PERSON entity that is a prominent place's name of the war's theatre, not a
        registered person's nor the surname of a person named in full (``full_names``: their last words)."""
        if len(ent) != 1 or ent.text in full_names or ent.text in self.registered:
            return False
        from ..places.gazetteer import load_gazetteer
        from ..places.name_keys import normalise

        key = normalise(ent.text)
        return any(normalise(e.name) == key and e.country in THEATRE_COUNTRIES
                   and (e.level in AREA_LEVELS or (e.population or 0) >= MIN_PLACE_POPULATION)
                   for e in load_gazetteer().lookup(ent.text, fuzzy=False))

    def role_of(self, name: str) -> str | None:
        """Return the first role stated for (or registered to) the named person."""
        for person in self.people:
            if person.name == name and person.role:
                return person.role
        return self.office_of(name)

    # -- descriptions ----------------------------------------------------------------

    def _office_holder(self, description: str) -> str | None:
        wanted = description.lower()
        for term in self.terms:
            if wanted in term.office_names:
                return term.person
        return None

    def _role_holder(self, words: set[str], head: str, before: int) -> str | None:
        heads = LEADER_TITLES if head in {"leader", "head"} and ("state" in words or head == "leader") else {head}
        countries = {COUNTRY_ADJECTIVES[w] for w in words if w in COUNTRY_ADJECTIVES}
        scored = []
        for person in self.people:
            role = person.role or self.office_of(person.name)
            if not role:
                continue
            role_words = _words(role)
            if not heads & role_words:
                continue
            if countries and not any(c in role.lower() for c in countries):
                continue
            scored.append((len(words & role_words), self.mentions[person.name], person.start < before,
                           person.start, person.name))
        if not scored:
            return None
        return max(scored)[-1]

    def _leaders(self, before: int) -> list[str]:
        names = []
        for person in self.people:
            role = (person.role or self.office_of(person.name) or "").lower()
            if person.start < before and LEADER_TITLES & _words(role) and person.name not in names:
                names.append(person.name)
        return names[:MAX_JOINED_LEADERS]

    def _paragraph_people(self, before: int) -> list[str]:
        """The persons named in the paragraph before ``before``, when they are two or three: the sides of a
        meeting or call whose names carry no office ("Vladimir Putin met with Mario Draghi. Both sides ...")."""
        paragraph = doc_text(self.doc).rfind("\n", 0, before) + 1
        names = list(dict.fromkeys(p.name for p in self.people if paragraph <= p.start < before))
        return names if 1 < len(names) <= MAX_JOINED_LEADERS else []

    def resolve(self, source: Span, earlier: list[tuple[str, bool]]) -> tuple[str, str | None]:
        """Return (speaker, role) for a source span; ``earlier`` lists (speaker, is_person) found before it."""
        inside = [p for p in self.people if source.start_char <= p.start < source.end_char]
        if inside:
            names = list(dict.fromkeys(p.name for p in inside))
            if len(names) > 1:
                return "; ".join(names), None
            return names[0], self.role_of(names[0])
        tokens = _strip_determiners(list(source))
        if not tokens:
            return source.text, None
        text = doc_text(self.doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1])]
        words = [t.lower_ for t in tokens]
        if len(tokens) == 1 and tokens[0].is_title:  # a surname the tagger read as a common noun or organisation
            named = [p.name for p in self.people if p.start < source.start_char and " " in p.name
                     and p.name.split()[-1] == text]
            if named:
                return named[-1], self.role_of(named[-1])
        registered = self._registered(text)
        if registered is not None:  # a registry alias the tagger left untagged ("Zelenskiy: ..." in a headline)
            return registered, self.role_of(registered)
        if len(tokens) == 1 and words[0] in NATIONALITIES:
            return NATIONALITIES[words[0]], None  # "Russian claims that ...": Russia's
        pronoun = (len(tokens) == 1 and tokens[0].pos_ == "PRON"
                   and not (tokens[0].text.isupper() and len(tokens[0].text) > 1))  # "US" is a country
        if pronoun and words[0] in SINGULAR_PRONOUNS:
            for speaker, is_person in reversed(earlier):
                if is_person and speaker.lower() not in SINGULAR_PRONOUNS | UNRESOLVED_PRONOUNS:
                    return speaker, self.role_of(speaker)  # a pronoun left unresolved is no antecedent
            before = [p for p in self.people if p.start < source.start_char]
            if before:
                person = self._subject_before(source, before) or before[-1]
                return person.name, self.role_of(person.name)
            titled = self._titled_subject_before(source)
            return self.resolve(titled, []) if titled is not None else (text, None)
        if pronoun and words[0] in FIRST_PLURAL_PRONOUNS:
            return text, None  # "we": the speaker's own side, which a third-person antecedent is not
        if pronoun and words[0] == "you":
            addressed = self._vocative(source)
            return (self.resolve(addressed, []) if addressed is not None else (text, None))
        if pronoun and words[0] in ANY_PRONOUNS | RELATIVE_PRONOUNS:
            named = [(speaker, is_person) for speaker, is_person in earlier
                     if speaker.lower() not in UNRESOLVED_PRONOUNS]
            if words[0] in THIRD_PLURAL_PRONOUNS:
                named = [item for item in named if not item[1]] or named
                if not named or not self._speaker_in_previous_sentences(named[-1][0], source):
                    group = self._group_before(source)
                    if group is not None:
                        return self.resolve(group, [])
            if named:
                return named[-1][0], self.role_of(named[-1][0])
            return text, None

        institution = self._institution_named_before(source, tokens, earlier)
        if institution is not None:
            return institution, None
        holder = self._office_holder(text)
        if holder:
            return holder, self.role_of(holder)
        root = source.root
        head = root.lower_
        if head in PLURAL_LEADER_HEADS and root.tag_ == "NNS":
            offices = self._plural_offices(root)
            if offices:
                return "; ".join(offices), None
            named_whose = any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children)
            leaders = [] if named_whose else self._leaders(source.start_char)  # "leaders of the DPR": not the call's
            if len(leaders) < 2 and not named_whose:
                leaders = self._paragraph_people(source.start_char)
            if len(leaders) > 1:
                return "; ".join(leaders), None
            if not named_whose:  # "both sides", "the parties": a described source, never the bare noun
                first = source[0]
                if first.i > 0 and first.lower_ not in _DETERMINERS and self.doc[first.i - 1].lower_ in _DETERMINERS:
                    first = self.doc[first.i - 1]  # the source span left its determiner out ("The parties said")
                return doc_text(self.doc)[first.idx:tokens[-1].idx + len(tokens[-1])], None
        if head in TITLE_WORDS:
            holder = self._role_holder(set(words), head, source.start_char)
            if holder:
                return holder, self.role_of(holder)
        if head in NON_AGENT_HEADS and not any(t.pos_ == "PROPN" for t in tokens):
            return f"unspecified ({text})", None  # "according to available information": no one speaks
        if all(t.pos_ == "PROPN" for t in tokens):  # a name the tagger did not mark as a PERSON
            name = self.canonical_name(text, [p.name for p in self.people if " " in p.name])
            return name, self.role_of(name)
        return text, None

    def _institution_named_before(self, source: Span, tokens: list, earlier: list[tuple[str, bool]]) -> str | None:
        """The institution speaker a definite "the ministry" / "the General Staff" names again: the latest earlier
        non-person speaker holding all of its words; None for any other source."""
        first = source[0]
        definite = first.lower_ == "the" or first.i > 0 and self.doc[first.i - 1].lower_ == "the"
        if not definite or tokens[-1].lower_ not in INSTITUTION_ANAPHOR_HEADS or len(tokens) > 2:
            return None
        words = {t.lower_ for t in tokens}
        for speaker, is_person in reversed(earlier):
            if not is_person and words <= set(speaker.lower().replace("'s", " ").split()):
                return speaker
        return None

    def _subject_before(self, source: Span, before: list[Person]) -> Person | None:
        """The person a pronoun picks up when no speaker came before: the latest one named as a subject in its
        sentence or the one before ("Vladimir Putin held talks with Emmanuel Macron. He pointed out": Putin),
        not merely the last named; None when none of them is a subject."""
        window = self._sentences_before(source, 1)
        for person in reversed(before):
            if person.start < window.start_char:
                break
            token = self.doc.char_span(person.start, person.start + 1, alignment_mode="expand")
            head = token.root if token is not None else None
            while head is not None and head.dep_ == "compound":
                head = head.head
            if head is not None and head.dep_ in ("nsubj", "nsubjpass"):
                return person
        return None

    def _titled_subject_before(self, source: Span) -> Span | None:
        """The latest subject headed by a title word in the sentences before a pronoun ("The
        Head of the FBS also reported ... He said"), as the antecedent of an unnamed "he"."""
        window = self._sentences_before(source)
        subjects = [t for t in self.doc[window.start:source.start]
                    if t.dep_ == "nsubj" and t.lower_ in TITLE_WORDS and t.tag_ in ("NN", "NNP")]
        if not subjects:
            return None
        head = subjects[-1]
        return self.doc[head.left_edge.i:head.right_edge.i + 1]

    def _vocative(self, source: Span) -> Span | None:
        """The person a "you" addresses when the sentence opens with it ("Mr Putin, you said ...",
        "Mr President, you instructed ..."): the words before the comma, or None."""
        sentence = source.sent
        comma = next((t for t in sentence if t.text == "," and t.i < source.start), None)
        if comma is None or comma.i - sentence.start > MAX_VOCATIVE_TOKENS:
            return None
        words = list(self.doc[sentence.start:comma.i])
        if not words or words[0].lower_.rstrip(".") not in ADDRESS_WORDS or len(words) < 2:
            return None
        return self.doc[words[1].i:comma.i]

    def _speaker_in_previous_sentences(self, speaker: str, source: Span) -> bool:
        """Whether ``speaker``'s name occurs in the source's sentence or the ANTECEDENT_SENTENCES before."""
        return speaker.lower() in self._sentences_before(source).text.lower()

    def _sentences_before(self, source: Span, back: int = ANTECEDENT_SENTENCES) -> Span:
        """The text from ``back`` sentences before the source's own up to the source."""
        sentence = source.sent
        for _ in range(back):
            if sentence.start == 0:
                break
            sentence = self.doc[sentence.start - 1].sent
        return self.doc[sentence.start:source.start]

    def _group_before(self, source: Span) -> Span | None:
        """The nearest plural group noun phrase before a "they" ("the Russian troops", "the two
        leaders"), up to its head noun, or None."""
        for token in reversed(self._sentences_before(source)):
            if token.tag_ in {"NNS", "NNPS"} and token.lower_ in GROUP_HEADS and token.dep_ != "compound":
                first = min(t.i for t in token.subtree if t.i <= token.i)
                return self.doc[first: token.i + 1]
        return None

    def _plural_offices(self, root) -> list[str]:
        """Resolve "presidents of Russia and France" to each office's holder."""
        title = root.lemma_.capitalize()
        of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None:
            return []
        countries = [g for g in of.children if g.dep_ == "pobj"]
        countries += [c for g in countries for c in g.conjuncts]
        holders = [self._office_holder(f"{title} of {c.text}") for c in countries]
        return [h for h in holders if h] if all(holders) and len(holders) > 1 else []

    def is_person(self, source: Span) -> bool:
        """Return whether a source span names (or refers to) a single person."""
        if any(source.start_char <= p.start < source.end_char for p in self.people):
            return True
        words = {t.lower_ for t in source}
        return bool(words & SINGULAR_PRONOUNS) or (source.root.lower_ in TITLE_WORDS and source.root.tag_ != "NNS")
