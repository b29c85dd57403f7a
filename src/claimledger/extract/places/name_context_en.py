"""Whether an English toponym mention is part of another name: a title or office ("President of Russia"), an
organisation, document or facility ("Armed Forces of Ukraine", "Minsk agreements", "the Kakhovka dam"), a person's
name after a title ("Mr Falkov"), or a compound ("anti-Russia"); the annotation guide (shared data/dev/README.md,
section D) annotates none of these. Also where a spaCy entity's name starts and ends. A spaCy Doc and a mention in,
an answer out; places.py keeps only the mentions this module lets stand.
"""
from __future__ import annotations

from ..language.doc_cache import doc_ents, doc_memo
from .gazetteer import Gazetteer
from .place_resolution import Mention, mention_span, official_title_at

# NER labels taken as toponyms; FAC only when the gazetteer knows the name.
PLACE_LABELS = ("GPE", "LOC")
# Entities whose inner toponyms are part of a name, not places ("Armed Forces of Ukraine").
NAME_LABELS = ("ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "NORP", "PERSON")
# Dashes that end an entity: the model sometimes runs a name on across one ("Mykolaiv - 10").
DASHES = frozenset({"-", "–", "—"})
# Lower-case nouns after a toponym that make it part of a name ("Minsk agreements", "Normandy format").
NAME_TAILS = frozenset(
    "agreement agreements accords accord format administration mayor council offensive highway "
    "river airport station plant battalion brigade regiment university process talks declaration dam reservoir "
    "hydroelectric nuclear "
    "communique memorandum summit forum conference platform initiative regional virus viruses fever "
    "ebolavirus".split())  # diseases named after places ("West Nile virus", "Marburg virus")
# Office words: a capitalised name holding one is a title, and the toponyms in it are not places
# ("Former US National Security Adviser Michael McFaul", "Russia's Defence Minister" is kept: possessive).
TITLE_WORDS = frozenset("president minister secretary adviser advisor governor mayor ambassador envoy "
                        "chancellor premier spokesman spokeswoman spokesperson commissioner senator".split())
CURRENCY_MARKS = ("$", "€", "£")  # "$US 15 billion" names a currency, not a country
# Lower-case words that no name holds: an entity with one is places run together ("X near Y").
SPATIAL_LINKS = frozenset({"near", "outside", "around"})
# Lower-case organisation heads before "of": "the armed forces of Ukraine" names an organisation.
ORG_OF_HEADS = frozenset({"forces", "force", "army", "navy", "ministry"})
# Words of a person's title or rank: a one-word name after one, directly or over given names and an "of"
# phrase, is the person's ("Mr Falkov", "Lieutenant Vladyslav Petrovych Ukrainets", "President of the
# United States Biden"), not a village of that name.
PERSON_TITLES = frozenset("mr mrs ms dr president minister lieutenant general colonel captain sergeant major "
                          "governor mayor senator chancellor secretary ambassador premier commander sir madam "
                          "king queen prince pope patriarch marshal admiral corporal envoy ombudsman".split())
TITLE_REACH = 6  # words walked back from a name to its title
# Last words that make an NER location a non-place for the guide (rivers, streets, squares).
NON_PLACE_HEADS = frozenset("river street square avenue boulevard prospekt lane bridge".split())


def entity_end(ent) -> int:
    """End of an entity before a possessive ending ("Angola’s" -> "Angola"), a closing colon the model ran it
    on over ("Kryvyi Rih:" of a headline's label), a preposition ("the Donetsk People's Republic on Monday") or a
    list joiner ("near Robotyne and Novoprokopivka" tagged "Robotyne and")."""
    end = ent.end
    last = ent.doc[end - 1]
    if end - ent.start > 1 and (last.text in ("'s", "’s", ":", ",") or last.pos_ in ("ADP", "CCONJ")):
        end -= 1
    return end


def name_end(ent) -> int:
    """End of a PERSON/ORG/NORP entity's name: :func:`entity_end`, or before a spaced dash the model
    ran the name on across ("Mykolaiv - 10" tagged ORG in "the city of Mykolaiv - 10 missiles")."""
    end = entity_end(ent)
    for tok in ent.doc[ent.start + 1:end]:
        if tok.text in DASHES and tok.whitespace_ and tok.i > 0 and tok.doc[tok.i - 1].whitespace_:
            return tok.i
    return end


def entity_start(ent) -> int:
    """First token of an entity after a leading article ("The Krasnodar" -> "Krasnodar")."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start


def person_words(doc) -> frozenset[str]:
    """The words of the document's PERSON entities (worked out once per Doc)."""
    memo = doc_memo(doc, "places.person_words")
    if "words" not in memo:
        memo["words"] = frozenset(t.text for ent in doc_ents(doc) if ent.label_ == "PERSON" for t in ent)
    return memo["words"]


def titled_person(doc, m: Mention) -> bool:
    """True for a one-word name after a person's title (PERSON_TITLES), directly or over capitalised words
    and "of the": not "the mayor of Kharkiv", whose name right after "of" is the place."""
    if m.end - m.start != 1 or m.start == 0 or not doc[m.start - 1].text[:1].isupper():
        return False
    for j in range(m.start - 1, max(-1, m.start - 1 - TITLE_REACH), -1):
        word = doc[j]
        if word.lower_.rstrip(".") in PERSON_TITLES:
            return True
        if not (word.text[:1].isupper() or word.lower_ in ("of", "the")):
            return False
    return False


def country_name(gaz: Gazetteer, text: str) -> bool:
    """True when the text is the name or abbreviation of a country ("U.S.", "Peru")."""
    return any(e.level == "country" for e in gaz.lookup(text, fuzzy=False))


def part_of_a_name(doc, gaz: Gazetteer, m: Mention) -> bool:
    """:func:`inside_name` for a mention, told whether its text names a country or a region."""
    text = mention_span(doc, m)[2]
    return inside_name(doc, m, country_name(gaz, text), region_name(gaz, text))


def region_name(gaz: Gazetteer, text: str) -> bool:
    """True when the text is the name of a region the gazetteer lists ("Lugansk People's Republic", "Donbas")."""
    return any(e.level == "region" for e in gaz.lookup(text, fuzzy=False))


def inside_name(doc, m: Mention, country: bool = False, region: bool = False) -> bool:
    """True for toponyms inside titles, offices and organisation names, and for compounds. A country
    name that opens an organisation or office name is kept: it names the state the body belongs to
    ("the U.S. Centers for Disease Control", "US Army", "U.S. Agriculture Secretary"), as metonymic
    uses are kept ("Kiev continues to refuse"); a city or region there is part of the name
    ("Kharkiv Regional Military Administration", "Kharkiv Mayor")."""
    before = doc[m.start - 1] if m.start > 0 else None
    after = doc[m.end] if m.end < len(doc) else None
    # "President of Russia", "Armed Forces of Ukraine", "Prime Minister of the Republic of India"
    j = m.start - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j >= 1 and doc[j].lower_ == "of":
        prev = doc[j - 1]
        if (prev.text[:1].isupper() and (not prev.is_sent_start or prev.pos_ == "PROPN")
                and prev.ent_type_ not in PLACE_LABELS + ("PERSON",)):  # not "Janet Evans of Marion"
            return True
        if prev.lower_ in ORG_OF_HEADS:
            return True
    # "the Presidents of Russia and Turkey": the second name shares the title
    if j >= 2 and doc[j].lower_ == "and" and doc[j - 2].lower_ == "of" and j >= 3:
        prev = doc[j - 3]
        if prev.text[:1].isupper() and not prev.is_sent_start and prev.ent_type_ not in PLACE_LABELS:
            return True
    if country:
        if before is not None and before.text in CURRENCY_MARKS:
            return True
        k = m.end
        while k < len(doc) and doc[k].text[:1].isupper() and doc[k].ent_type_ != "PERSON":
            if doc[k].lower_ in TITLE_WORDS:
                return True  # "US National Security Adviser", "U.S. Agriculture Secretary"
            k += 1
    # toponym inside a longer named entity of another kind
    for t in doc[m.start:m.end]:
        if t.ent_type_ in NAME_LABELS and t.ent_type_ not in ("PERSON", "NORP"):
            ent = next((e for e in doc_ents(doc) if e.start <= t.i < e.end), None)
            if (country and ent is not None and ent.label_ == "ORG" and entity_start(ent) == m.start
                    and doc[m.end - 1].whitespace_):  # not a compound ("Russia-NATO Founding Act")
                continue
            if ent is not None and any(w.lower_ in SPATIAL_LINKS for w in ent):
                continue  # the model ran two places into one name ("Ocheretyne near Avdiivka" as FAC)
            # (a leading article is no part of an organisation's or a republic's name: "the Donetsk People's Republic
            # on Monday" tagged ORG, "the Lugansk People's Republic" FAC; it is of a room's: "the White Hall")
            if ent is None:
                continue
            start = entity_start(ent) if ent.label_ == "ORG" or region else ent.start
            if start < m.start or name_end(ent) > m.end:  # not "Angola’s"
                return True
    if after is not None:
        if after.lower_ in NAME_TAILS and not official_title_at(doc, m.end):  # ("Kharkiv regional governor": a role)
            return True
        if (after.text in ("'s", "’s") and m.end + 1 < len(doc) and doc[m.end + 1].text[:1].isupper()
                and doc[m.end + 1].lower_ in NON_PLACE_HEADS):
            return True  # a square or street named after someone: "St. Peter's Square"
        # "Kharkiv Regional Military Administration", "Kharkiv Mayor", "Oleg Synegubov"; not "Kharkiv, Sumy"
        if ((not country or after.ent_type_ == "PERSON")  # "President of Ukraine Volodymyr Zelenskyy"
                and after.text[:1].isupper() and not after.is_sent_start and doc[m.end - 1].whitespace_
                and after.ent_type_ not in PLACE_LABELS + ("DATE", "TIME")  # "in Moscow October 7"
                and after.pos_ in ("PROPN", "NOUN", "ADJ")):
            return True
    # adjectival compounds: "anti-Russia", "Russia-NATO"
    if (before is not None and before.text in ("-", "‐") and not doc[before.i - 1].whitespace_
            and doc[before.i - 1].is_lower):
        return True
    if before is not None and after is not None and before.text in ('"', "“", "«") and after.text in ('"', "”", "»"):
        return True  # a quoted unit or operation name
    return False
