"""Places in English text: toponym mentions found by spaCy NER and the gazetteer, resolved in context.

``find_places(doc)`` returns ``Place`` records (models.py) following the places rules of the annotation
guide (shared data/dev/README.md, section D): a following head noun ("region", "Oblast", "People's
Republic") belongs to the span, direction adjectives do not; toponyms inside capitalised titles and
offices ("President of Russia") or organisation names ("Kharkiv Regional Military Administration") and
demonyms are not places (name_context_en.py decides which mentions are parts of other names); coordinates
only at settlement precision (never a hromada centre). The mentions found here are resolved in
place_resolution.py.
"""
from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING

from ...models import Place
from ..attribution.cues import CUE_VERBS
from ..dates.dates import MONTHS, WEEKDAYS
from ..language.doc_cache import doc_ents, doc_memo, doc_text, doc_tokens, sentence_of, token_starts, tokens_at
from .gazetteer import Companion, Entry, Gazetteer, load_gazetteer
from .name_context_en import (
    DASHES, NON_PLACE_HEADS, PLACE_LABELS, country_name, entity_end, entity_start, name_end, part_of_a_name,
    person_words, titled_person,
)
from .name_keys import normalise
from .place_resolution import Mention, official_title_at, resolve_mentions
from .unlisted_villages_en import village_mentions

if TYPE_CHECKING:
    from spacy.tokens import Doc

# NER labels taken as toponyms only when the gazetteer knows the name.
GAZETTEER_ONLY_LABELS = ("FAC",)
# Head nouns that follow a name and belong to its span; the first set makes it an oblast/region.
AREA_HEADS = ("region", "regions", "oblast", "oblasts", "province", "provinces")
SPAN_HEADS = AREA_HEADS + ("people's republic", "krai", "federal district", "raion", "district", "zone")
# Lower-case words after a city's name that the tagger takes into the entity ("Belgorod city", "Kharkiv town").
TRAILING_CITY_WORDS = frozenset({"city", "town"})
# A plural head is shared by coordinated names and stays out of each span ("the Donetsk and Luhansk regions").
PLURAL_HEADS = ("regions", "oblasts", "provinces")
# Tokens after a coordinated name searched for the head its list shares: a list of four names
# ("the Zhytomyr, Kyiv, Chernihiv and Sumy regions") puts the head seven tokens after the first.
SHARED_HEAD_WINDOW = 10
# Direction words left out of a span ("eastern Ukraine" -> "Ukraine") unless the gazetteer has the whole
# name ("South Africa", "North Caucasus").
DIRECTION_WORDS = frozenset(
    "north south east west northern southern eastern western central northeastern northwestern "
    "southeastern southwestern north-eastern north-western south-eastern south-western".split())
# Capitalised words that are never toponyms on their own in news copy (the West is a bloc, not a place).
# Prepositions and adverbs that open a sentence capitalised and that the tagger may read as a name ("Near Rabotino
# and Verbovoye, ..." is no Niger): a place only by its own name.
SENTENCE_OPENERS = frozenset({"near", "outside", "inside", "amid", "despite", "following", "nearby", "beyond",
                              "toward", "towards", "overnight", "earlier", "later"})
NOT_PLACES = frozenset({"west", "the west", "east", "north", "south", "motherland", "homeland", "fatherland", "earth"})
# Particles of a surname before its last word ("Ursula von der Leyen", "van der Bellen"): that word names a person.
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "di", "du", "le", "la"})
# NER labels under which the gazetteer matcher never looks; PERSON and ORG are looked at only when the
# whole entity is a prominent toponym.
SKIP_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LAW")
# Parts of speech the tagger gives a place name it misreads ("Bakhmut" as an adverb), unlike "Western" (an adjective).
MISREAD_NAME_POS = ("ADV", "NOUN", "VERB", "INTJ")
NON_NAME_POS = ("ADJ", "DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "ADV", "PART", "INTJ", "NUM")
RELABEL_LABELS = ("PERSON", "ORG", "NORP")
# Words right before a name that make it a place ("near Krasne", "the villages of Strilecha").
PLACE_CUES = frozenset("in near of towards toward around outside village town city villages towns "
                       "settlement settlements from into at across throughout region province county "
                       "district state".split())
# Verbs whose object is a piece of ground: a known name they govern is a place ("captured Robotyne").
PLACE_VERBS = frozenset("capture recapture seize liberate occupy reoccupy retake enter storm shell bomb "
                        "encircle surround besiege abandon evacuate reach take "
                        "retook took".split())  # (irregular pasts the lemmatiser leaves as written in a headline)
# Verbs whose subject is a place that undergoes them ("Bakhmut has fallen").
PLACE_SUBJECT_VERBS = frozenset({"fall"})
LIST_AHEAD = 2  # tokens after a name where a list of names may go on ("the Zhytomyr, Kyiv ... regions")
# Nouns right after a name that make it a place ("the Puno region", "the Glasgow area").
PLACE_HEAD_CUES = frozenset("region province district county area island state city town village oblast "
                            "raion suburb municipality prefecture".split())
SPELLED_ALIKE = 0.4  # similarity of a person-tagged name to a city's for a respelling ("Kiev" 0.75; "Stalin" 0.15)
PROMINENT_POPULATION = 50_000  # Russian border towns above this override a PERSON/ORG label
# A one-token compound of a name and a lower-case participle or adjective ("U.S.-led", "U.K.-based").
COMPOUND_MODIFIER = re.compile(r"^([A-Z][\w.’']*?)[-‐]([a-z]+)$")
HYPHENS = re.compile("[-‐]")  # the hyphens of COMPOUND_MODIFIER
MAX_NAME_TOKENS = 5  # longest gazetteer name tried by the capitalised-token matcher ("Sea of Azov")
# Gazetteer-only hits (no NER label) are kept only for these kinds of entry: Ukrainian units, Russian
# border places, countries and named areas; world cities need spaCy's confirmation (English words such
# as "Mobile" or "Reading" are cities).
GAZETTEER_ONLY_LEVELS = ("country", "oblast", "region", "raion")
# World states, provinces and counties: many are named like people ("Whitley County" -> "Whitley"), so
# without an NER place label they need a cue, as world cities do.
WORLD_DIVISION_PREFIXES = ("admin1:", "admin2:", "province:")


def find_places(doc: Doc, gazetteer: Gazetteer | None = None, companion: Companion = Companion()) -> list[Place]:
    """Toponyms of a spaCy Doc as Place records, resolved with the whole document as context, which includes
    what the article's other part (headline or body) names and settles (``companion``)."""
    gaz = gazetteer or load_gazetteer()
    found = doc_memo(doc, "place_mentions")  # a headline's places are found twice (pipeline.py), in two contexts
    if gaz not in found:
        found[gaz] = _place_mentions(doc, gaz)
    return resolve_mentions(doc, gaz, list(found[gaz]), companion)


def _place_mentions(doc: Doc, gaz: Gazetteer) -> tuple[Mention, ...]:
    """The toponym mentions of a Doc, in text order, before they are resolved."""
    mentions = _ner_mentions(doc, gaz)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += _gazetteer_mentions(doc, gaz, taken, mentions)
    mentions += _compound_mentions(doc, gaz, {i for m in mentions for i in range(m.start, m.end)})
    mentions += [Mention(a, b, "VILLAGE") for a, b in village_mentions(doc, {i for m in mentions
                                                                             for i in range(m.start, m.end)})]
    bounds = {(m.start, m.end) for m in mentions}
    mentions = [m for m in mentions if (not part_of_a_name(doc, gaz, m) or _listed_in_one_entity(doc, m, bounds))
                and not titled_person(doc, m)]
    return tuple(sorted(mentions, key=lambda m: m.start))


def _ner_mentions(doc, gaz: Gazetteer) -> list[Mention]:
    out = []
    for ent in doc_ents(doc):
        if ent.label_ not in PLACE_LABELS + GAZETTEER_ONLY_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        end = max(start + 1, entity_end(ent))
        if end - start > 1 and doc[end - 1].lower_ in TRAILING_CITY_WORDS and not gaz.has_name(doc[start:end].text):
            end -= 1  # "in Belgorod city": the name, the word for it no part of it ("Mexico City" stays)
        if end - start > 1 and doc[start].lower_ in DIRECTION_WORDS and not gaz.has_name(doc[start:end].text):
            start += 1
        # following words that complete a gazetteer name ("Mashonaland West", "Democratic Republic" ->
        # "Democratic Republic of the Congo"), up to MAX_NAME_TOKENS
        for longer in range(min(len(doc), start + MAX_NAME_TOKENS), end, -1):
            if doc[longer - 1].text[:1].isupper() and gaz.has_name(doc[start:longer].text):
                end = longer
                break
        if start >= end or doc[start:end].text.lower() in NOT_PLACES or doc[end - 1].lower_ in NON_PLACE_HEADS:
            continue
        if not any(t.text[:1].isupper() for t in doc[start:end]):  # "the swan", "the pacific coast": no name
            continue
        if end - start == 1 and doc[start].pos_ == "ADJ" and not gaz.has_name(doc[start].text):
            continue  # demonyms and adjectives tagged GPE ("Ukrainian")
        if ent.label_ in GAZETTEER_ONLY_LABELS and not gaz.has_name(doc[start:end].text):
            continue
        head = doc[end - 1]
        if head.dep_ == "nsubj" and head.head.lemma_ in CUE_VERBS and not gaz.has_name(doc[start:end].text):
            continue  # "..., Syrskyi says": a speaker the tagger took for a place, and no place the gazetteer knows
        if start > 0 and doc[start - 1].text in NAME_PARTICLES:
            continue  # "von der Leyen": the tagger took the surname for a place
        out.append(_extend_head(doc, Mention(start, end, ent.label_)))
    return out


def _gazetteer_mentions(doc, gaz: Gazetteer, taken: set[int], ner: list[Mention] = ()) -> list[Mention]:
    """Capitalised token runs that are gazetteer names (the small model misses or mislabels many
    Ukrainian names: "Kiev" often comes out as PERSON, "Sumy" as ORG)."""
    out, pending, i = [], [], 0
    tokens, doc_chars = doc_tokens(doc), doc_text(doc)
    capitalised = [doc_chars[start].isupper() for start in token_starts(doc)]  # (t.text[:1].isupper())
    entities = None  # bounds of the PERSON/ORG/NORP... entities, read once when a relabelled token shows up
    while i < len(tokens):
        tok = tokens[i]
        if i in taken or not capitalised[i] or tok.ent_type_ in SKIP_LABELS and not _name_in_a_time(tok):
            i += 1
            continue
        for n in range(min(MAX_NAME_TOKENS, len(tokens) - i), 0, -1):
            if not capitalised[i + n - 1] or any(j in taken for j in range(i, i + n)):
                continue
            last = tokens[i + n - 1]
            text = doc_chars[tok.idx:last.idx + len(last)]  # the span's text
            if n > 1 and not gaz.lookup(text, fuzzy=False):
                continue  # (all that follows keeps a run of words only by a name it spells exactly)
            headed = i + n < len(tokens) and tokens[i + n].lower_ in PLACE_HEAD_CUES \
                or official_title_at(tokens, i + n)  # "the Punjab province", "Kharkiv regional governor"
            # a whole PERSON/ORG entity mid-sentence is a name whatever part of speech the tagger gave it
            # ("since it captured Bakhmut in May", Bakhmut tagged ADV and ORG), and so is one opening a sentence
            # before a lower-case word it modifies ("Mariupol maternity hospital hit by airstrike")
            modifier = i + 1 < len(tokens) and tokens[i + 1].is_alpha and tokens[i + 1].text[:1].islower()
            named = tok.ent_type_ in RELABEL_LABELS and (not tok.is_sent_start or modifier) and tok.ent_iob_ == "B" \
                and (i + 1 == len(tokens) or tokens[i + 1].ent_iob_ != "I")
            # a name as the object or subject of a verb said of places ("Bakhmut has fallen", Bakhmut tagged ADV)
            named = named or n == 1 and tok.pos_ in MISREAD_NAME_POS and _object_of_place_verb(doc, Mention(i, i + 1, "GAZ"))
            if text.lower() in NOT_PLACES or n == 1 and (
                    tok.is_stop and not tok.text.isupper() or tok.pos_ in NON_NAME_POS and not headed and not named):
                continue  # "US" is no "us"
            if n > 1 and (tok.pos_ == "ADP" or tok.lower_ in ("the", "a", "an")) and not gaz.has_name(text):
                continue  # "In March", "The Lviv-born singer": the name starts after the first word
            # a word the model labels a person's name elsewhere in the document is one here too (one
            # sense per discourse: "Valery Falkov ... Go ahead, Mr Falkov"), a place only when prominent
            relabelled = tok.ent_type_ in RELABEL_LABELS or n == 1 and tok.text in person_words(doc)
            if relabelled and entities is None:
                entities = _entity_bounds(doc)
            if tok.ent_type_ in RELABEL_LABELS and (i, i + n) not in entities[0]:
                # only a whole PERSON/ORG entity can be a misread toponym, or a country opening an
                # organisation name ("the U.S. Centers for Disease Control"; see name_context_en.inside_name)
                if (tok.ent_type_ == "ORG" and country_name(gaz, text)
                        and entities[1].get(i, -1) > i + n):
                    out.append(Mention(i, i + n, "GAZ"))
                    i += n
                    break
                continue
            listed = relabelled and (i, i + n) in entities[2]  # a name of a list run into one entity: as if untagged
            hits = gaz.lookup(text, fuzzy=(n == 1 and tok.pos_ == "PROPN" and (not relabelled or listed)))
            if n == 1 and tok.is_sent_start and (tok.pos_ == "NOUN" or tok.lower_ in SENTENCE_OPENERS) \
                    and not tok.text.isupper():
                # a capitalised common noun opening a sentence ("Police said") is a place only by its own
                # name, never by another place's alias or transliteration (a dateline "KIEV" is a name)
                hits = [e for e in hits if normalise(e.name) == normalise(text)]
            ok = _prominent if relabelled else _gazetteer_only_ok
            if n == 1 and _after_article(doc, i, i + 1) and hits and all(e.level == "settlement" for e in hits):
                continue  # "the west bank of the Dnipro": the river, as no town is "the" Dnipro
            if tok.ent_type_ == "PERSON":  # "Stalin", "Zhdanov": a person, whose name a city once bore
                hits = [e for e in hits if _spelled_alike(e.name, text)]
            if any(ok(e, text) for e in hits):
                out.append(_extend_head(doc, Mention(i, i + n, "GAZ")))
                i += n
                break
            if (hits and (n > 1 or tok.pos_ == "PROPN" or headed) and not text.isupper()
                    and not any(m.start == i for m in pending)):
                pending.append(Mention(i, i + n, "GAZ"))  # any known name: kept when cued (below)
        else:
            i += 1
    # mislabelled village names count when listed next to a place or after a place cue
    # ("near the villages of Strilecha, Krasne, ..."), repeated so a whole list is taken
    added = True
    while added and pending:
        added = False
        starts = {m.start for m in out} | {m.end - 1 for m in out} | set(taken)
        for m in list(pending):
            prev = [t for t in doc[max(0, m.start - 2):m.start]]
            listed = any(t.text in (",", "and") and (t.i - 1 in starts or t.i + 1 in starts) for t in prev)
            cued = bool(prev) and prev[-1].lower_ in PLACE_CUES
            headed = m.end < len(doc) and doc[m.end].lower_ in PLACE_HEAD_CUES
            if not (listed or cued or headed):
                headed = _located_in(doc, gaz, m, out + list(ner)) or _object_of_place_verb(doc, m) \
                    or official_title_at(doc, m.end)  # "Kharkiv regional governor Oleh Syniehubov"
            if listed or cued or headed or m.end in starts or (m.end + 1 in starts and doc[m.end].text == ","):
                out.append(_extend_head(doc, m))
                pending.remove(m)
                added = True
                starts |= {m.start, m.end - 1}
    return out


def _name_in_a_time(tok) -> bool:
    """True for a proper noun opening a time or date entity that no calendar word is: the model runs a town into the
    time after it ("a drone attack on Kyiv overnight" tagged TIME)."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.ent_type_ in ("TIME", "DATE") and tok.ent_iob_ == "B" and tok.pos_ == "PROPN" \
        and tok.lower_ not in MONTHS and tok.lower_ not in WEEKDAYS \
        and not (after is not None and after.ent_iob_ == "I" and after.text[:1].isupper())  # (no "Europe Day")


def _listed_in_one_entity(doc, m: Mention, bounds: set[tuple[int, int]]) -> bool:
    """True when the mention is one of coordinated names the model ran into one entity and every one of them is
    a place mention, ``bounds`` holding the (start, end) of all ("at Zelenodolsk and Hulyaipole" as one ORG): a
    list of places, not an organisation."""
    ent = next((e for e in doc_ents(doc) if e.start <= m.start < e.end), None)
    parts = _coordinated_parts(ent) if ent is not None else []
    return (m.start, m.end) in parts and all(part in bounds for part in parts)


def _entity_bounds(doc) -> tuple[set[tuple[int, int]], dict[int, int], set[tuple[int, int]]]:
    """The (first token, name end) of every entity (see entity_start, name_end), for each first token the
    farthest end of an entity opening there, and the names of entities that join names ("Zelenodolsk and
    Hulyaipole" run into one ORG): what _gazetteer_mentions asks of each name."""
    names, farthest, listed = set(), {}, set()
    for ent in doc_ents(doc):
        start = entity_start(ent)
        names.add((start, name_end(ent)))
        farthest[start] = max(farthest.get(start, -1), ent.end)
        listed.update(_coordinated_parts(ent))
    return names | listed, farthest, listed


def _coordinated_parts(ent) -> list[tuple[int, int]]:
    """The (start, end) of each capitalised name of an entity that joins names by "and" or commas
    ("Zelenodolsk and Hulyaipole"); [] for any other entity."""
    cut = [t.i for t in ent if t.lower_ in ("and", ",")]
    parts = [(a, b) for a, b in zip([ent.start] + [c + 1 for c in cut], cut + [ent.end]) if b > a]
    if len(parts) < 2 or not all(all(t.text[:1].isupper() for t in ent.doc[a:b]) for a, b in parts):
        return []
    return parts


def _compound_mentions(doc, gaz: Gazetteer, taken: set[int]) -> list[Mention]:
    """Names opening a one-token hyphenated modifier ("U.S.-led", "U.K.-based"): spaCy keeps such a token
    whole when the name ends with a dot, so the name is the part before the hyphen. Only names that may
    stand without an NER label (countries, areas, Ukrainian units; see _gazetteer_only_ok) count."""
    out = []
    for tok in tokens_at(doc, (m.start() for m in HYPHENS.finditer(doc_text(doc)))):
        match = COMPOUND_MODIFIER.match(tok.text)
        if tok.i in taken or match is None:
            continue
        name = match.group(1)
        if any(_gazetteer_only_ok(e, name) for e in gaz.lookup(name, fuzzy=False)):
            out.append(Mention(tok.i, tok.i + 1, "GAZ", name_chars=len(name)))
    return out


def _object_of_place_verb(doc, m: Mention) -> bool:
    """True for a known name that a verb of taking or attacking ground governs: "captured Robotyne",
    "Robotyne was stormed", "troops entered Krasnohorivka", "Bakhmut has fallen" (the NER model often calls such names a
    nationality or an organisation)."""
    head = doc[m.end - 1]
    while head.dep_ == "compound" and head.head.i < m.end:
        head = head.head
    return head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in PLACE_VERBS \
        or head.dep_ == "nsubj" and head.head.lemma_.lower() in PLACE_SUBJECT_VERBS


def _located_in(doc, gaz: Gazetteer, m: Mention, found: list[Mention]) -> bool:
    """True for "Warwick in Queensland", "Cellardyke in Fife", "Austin, in Scott County": a known name
    followed (after "in" or a comma) by a found area that holds one of its candidates."""
    j = m.end
    while j < len(doc) and j < m.end + 3 and doc[j].lower_ in (",", "in", "the"):
        j += 1
    if j == m.end:
        return False
    area = next((f for f in found if f.start == j), None)
    if area is None:
        return False
    areas = gaz.lookup(doc[area.start:area.end].text, fuzzy=False)
    holders = {a.id for a in areas} | {a.country for a in areas if a.level == "country"}
    return any(c.oblast in holders or c.raion in holders or c.country in holders
               for c in gaz.lookup(doc[m.start:m.end].text, fuzzy=False))


def _after_article(doc, start: int, end: int) -> bool:
    """True for a name after "the" that no noun follows, nor a list of names that shares one ("of the Dnipro"; not
    "the Kharkiv offensive", "the Lviv-born singer", "the Zhytomyr, Kyiv and Sumy regions")."""
    if start == 0 or doc[start - 1].lower_ != "the":
        return False
    listed = any(doc[k].text in (",", "and", "or") and doc[k + 1].pos_ == "PROPN"
                 for k in range(end, min(len(doc) - 1, end + LIST_AHEAD)))  # "the Donetsk and Lugansk People's ..."
    return not listed and not (end < len(doc) and (doc[end].pos_ in ("NOUN", "PROPN") or doc[end].text == "-"))


def _spelled_alike(name: str, surface: str) -> bool:
    """True when ``surface`` spells ``name`` in another romanisation or language ("Kiev", "Kharkov"), not a former
    name of another sound ("Stalin" for Donetsk)."""
    return difflib.SequenceMatcher(None, normalise(name), normalise(surface)).ratio() >= SPELLED_ALIKE


def _prominent(e: Entry, surface: str = "") -> bool:
    """Entries prominent enough to override a PERSON/ORG label: cities, oblasts, countries, areas, and
    world divisions written as their listed abbreviation ("NSW")."""
    if e.id.startswith(WORLD_DIVISION_PREFIXES):
        return surface.isupper() and len(surface) > 2
    return (e.level in GAZETTEER_ONLY_LEVELS or e.category in ("M", "K") or e.id.startswith("area:")
            or (e.ref or "").startswith("geonames:") and (e.population or 0) >= PROMINENT_POPULATION)


def _gazetteer_only_ok(e: Entry, surface: str = "") -> bool:
    """Entries taken without an NER label: Ukrainian units, border places, countries, named areas, and
    world divisions written as their listed abbreviation ("NSW")."""
    if e.id.startswith(WORLD_DIVISION_PREFIXES):
        return surface.isupper() and len(surface) > 2
    return e.ref is not None or e.level in GAZETTEER_ONLY_LEVELS or e.id.startswith("area:")


def _area_head_before(doc, start: int) -> bool:
    """True when the name at token ``start``, or the list of capitalised names it goes on, follows an area head and
    "of" or a dash or colon ("the region of Kherson", "regions (of Ukraine) - Donetsk, Luhansk and Kherson")."""
    j, first = start - 1, sentence_of(doc[start]).start
    while j > 0 and (doc[j].lower_ in ("and", ",") or doc[j].text[:1].isupper()) and j >= first \
            and start - j <= SHARED_HEAD_WINDOW:
        j -= 1
    if j > 3 and doc[j].text in DASHES | {":"} and doc[j - 2].lower_ == "of" and doc[j - 1].text[:1].isupper():
        j -= 2  # "four regions of Ukraine - Donetsk, Luhansk": the heads' country between
    return j > 0 and (doc[j].lower_ == "of" or doc[j].text in DASHES | {":"}) and doc[j - 1].lower_ in AREA_HEADS


# SPAN_HEADS longest first, each with its words as the tokeniser splits them ("people 's republic").
_HEAD_WORDS = tuple((head, head.replace("'s", " 's").split()) for head in sorted(SPAN_HEADS, key=len, reverse=True))
_HEAD_WORDS_MAX = max(len(words) for _, words in _HEAD_WORDS)


def _extend_head(doc, m: Mention) -> Mention:
    """Take a directly following head noun into the span; mark coordinated shared heads, and a head before the name
    or its list ("the southern region of Kherson", "four regions - Donetsk, Luhansk, Zaporizhzhia and Kherson")."""
    if _area_head_before(doc, m.start):
        m.area_head = True
        return m
    following = [t.lower_ for t in doc[m.end:m.end + _HEAD_WORDS_MAX]]
    for head, words in _HEAD_WORDS:
        nxt = following[:len(words)]
        if len(nxt) == len(words) and " ".join(nxt).replace(" ’s", " 's") == " ".join(words):
            m.area_head = head in AREA_HEADS
            if head not in PLURAL_HEADS:
                m.end += len(words)
            return m
    # "the Donetsk and Luhansk regions", "Kharkiv and other border regions": shared head -> its level
    window = doc[m.end:m.end + SHARED_HEAD_WINDOW]
    if len(window) and window[0].lower_ in ("and", "or", ","):
        for t in window[1:]:
            if t.lower_ in AREA_HEADS:
                m.area_head = True
                break
            if t.lower_ == "republics":
                m.republic_head = True
                break
            if t.is_punct and t.text != "," or t.lower_ in ("the", "of", "in"):
                break
    return m


