"""Places in English text: toponym mentions found by spaCy NER and the gazetteer, resolved in context.

``find_places(doc)`` returns ``Place`` records (models.py) following the places rules of the annotation
guide (shared data/dev/README.md, section D): a following head noun ("region", "Oblast", "People's
Republic") belongs to the span, direction adjectives do not; toponyms inside capitalised titles and
offices ("President of Russia") or organisation names ("Kharkiv Regional Military Administration") and
demonyms are not places; coordinates only at settlement precision (never a hromada centre).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..models import Place
from .doc_cache import doc_ents
from .gazetteer import (
    Entry, Gazetteer, Resolution, ResolveContext, km_between, load_gazetteer, normalise,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

# NER labels taken as toponyms; FAC only when the gazetteer knows the name.
PLACE_LABELS = ("GPE", "LOC")
GAZETTEER_ONLY_LABELS = ("FAC",)
# Entities whose inner toponyms are part of a name, not places ("Armed Forces of Ukraine").
NAME_LABELS = ("ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART", "PRODUCT", "NORP", "PERSON")
# Head nouns that follow a name and belong to its span; the first set makes it an oblast/region.
AREA_HEADS = ("region", "regions", "oblast", "oblasts", "province", "provinces")
SPAN_HEADS = AREA_HEADS + ("people's republic", "krai", "federal district", "raion", "district", "zone")
# A plural head is shared by coordinated names and stays out of each span ("the Donetsk and Luhansk regions").
PLURAL_HEADS = ("regions", "oblasts", "provinces")
# Direction words left out of a span ("eastern Ukraine" -> "Ukraine") unless the gazetteer has the whole
# name ("South Africa", "North Caucasus").
DIRECTION_WORDS = frozenset(
    "north south east west northern southern eastern western central northeastern northwestern "
    "southeastern southwestern north-eastern north-western south-eastern south-western".split())
# Lower-case nouns after a toponym that make it part of a name ("Minsk agreements", "Normandy format").
NAME_TAILS = frozenset(
    "agreement agreements accords accord format administration mayor council offensive highway "
    "river airport station plant battalion brigade regiment university process talks declaration "
    "communique memorandum summit forum conference platform initiative regional virus viruses fever "
    "ebolavirus".split())  # diseases named after places ("West Nile virus", "Marburg virus")
# Office words: a capitalised name holding one is a title, and the toponyms in it are not places
# ("Former US National Security Adviser Michael McFaul", "Russia's Defence Minister" is kept: possessive).
TITLE_WORDS = frozenset("president minister secretary adviser advisor governor mayor ambassador envoy "
                        "chancellor premier spokesman spokeswoman spokesperson commissioner senator".split())
CURRENCY_MARKS = ("$", "€", "£")  # "$US 15 billion" names a currency, not a country
# Lower-case organisation heads before "of": "the armed forces of Ukraine" names an organisation.
ORG_OF_HEADS = frozenset({"forces", "force", "army", "navy", "ministry"})
# Capitalised words that are never toponyms on their own in news copy (the West is a bloc, not a place).
NOT_PLACES = frozenset({"west", "the west", "east", "north", "south"})
# NER labels under which the gazetteer matcher never looks; PERSON and ORG are looked at only when the
# whole entity is a prominent toponym.
SKIP_LABELS = ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "EVENT", "LAW")
NON_NAME_POS = ("ADJ", "DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "VERB", "ADV", "PART", "INTJ", "NUM")
RELABEL_LABELS = ("PERSON", "ORG", "NORP")
# Words right before a name that make it a place ("near Krasne", "the villages of Strilecha").
PLACE_CUES = frozenset("in near of towards toward around outside village town city villages towns "
                       "settlement settlements from into at across throughout region province county "
                       "district state".split())
# Verbs whose object is a piece of ground: a known name they govern is a place ("captured Robotyne").
PLACE_VERBS = frozenset("capture recapture seize liberate occupy reoccupy retake enter storm shell bomb "
                        "encircle surround besiege abandon evacuate reach".split())
# Nouns right after a name that make it a place ("the Puno region", "the Glasgow area").
PLACE_HEAD_CUES = frozenset("region province district county area island state city town village oblast "
                            "raion suburb municipality prefecture".split())
# Head nouns of world areas dropped when the name with its head is unknown ("Anhui province").
WORLD_HEADS = frozenset("province region district prefecture county state governorate department".split())
PROMINENT_POPULATION = 50_000  # Russian border towns above this override a PERSON/ORG label
# Last words that make an NER location a non-place for the guide (rivers, streets, squares).
NON_PLACE_HEADS = frozenset("river street square avenue boulevard prospekt lane bridge".split())
# A city named like its state or a state like its city ("Washington", "New York"): words around the name
# that say which one the text means. Before it: "the mayor of New York", "downtown Washington"; after it:
# "Washington, D.C.", "Kansas City"-style heads are part of the name already. The state side: "the state of
# Washington", "Washington state", "New York State".
CITY_CUES_BEFORE = frozenset("mayor mayors downtown suburbs suburb outskirts streets city".split())
CITY_CUES_AFTER = frozenset({"d.c.", "dc"})
STATE_CUES = frozenset({"state"})
# A small world town that nothing else in the article is near: when the article's other places all lie in one
# other country and all farther than FOREIGN_TOWN_KM, a town below FOREIGN_TOWN_POPULATION (not a capital) is
# a homonym of a place the gazetteer lacks more often than a real mention ("Malakoff" in a report from
# Texas is no Paris suburb): the name keeps its candidates and gets no point. Calibrated on the tune half
# (even article_index) of GeoVirus (data/dev/geoparsing_dev.jsonl).
FOREIGN_TOWN_KM = 1000.0
FOREIGN_TOWN_POPULATION = 100_000
# Words between a town and the area that holds it: "Rice Lake, Illinois", "Austin, in Scott County, Indiana",
# "the Elk Grove area of Cook County".
STATED_AREA_GAP = frozenset({",", "in", "the", "area", "of"})
STATED_AREA_HOPS = 2  # areas looked through after the town ("Scott County", "Indiana")
RESOLVE_PASSES = 3  # context passes over an article's mentions (settles lists of neighbouring villages)
MAX_NAME_TOKENS = 5  # longest gazetteer name tried by the capitalised-token matcher ("Sea of Azov")
# Gazetteer-only hits (no NER label) are kept only for these kinds of entry: Ukrainian units, Russian
# border places, countries and named areas; world cities need spaCy's confirmation (English words such
# as "Mobile" or "Reading" are cities).
GAZETTEER_ONLY_LEVELS = ("country", "oblast", "region", "raion")
# World states, provinces and counties: many are named like people ("Whitley County" -> "Whitley"), so
# without an NER place label they need a cue, as world cities do.
WORLD_DIVISION_PREFIXES = ("admin1:", "admin2:", "province:")


@dataclass
class _Mention:
    start: int  # token indices
    end: int
    label: str  # NER label or "GAZ"
    area_head: bool = False  # span (or a shared coordinated head) names an oblast/region
    republic_head: bool = False  # shared head "people's republics" ("the Donetsk and Lugansk people's republics")


def find_places(doc: Doc, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Toponyms of a spaCy Doc as Place records, resolved with the whole document as context."""
    gaz = gazetteer or load_gazetteer()
    mentions = _ner_mentions(doc, gaz)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    mentions += _gazetteer_mentions(doc, gaz, taken, mentions)
    mentions = [m for m in mentions if not _inside_name(doc, m, _country_name(gaz, doc[m.start:m.end].text))]
    mentions.sort(key=lambda m: m.start)
    return _resolve_mentions(doc, gaz, mentions)


def _ner_mentions(doc, gaz: Gazetteer) -> list[_Mention]:
    out = []
    for ent in doc_ents(doc):
        if ent.label_ not in PLACE_LABELS + GAZETTEER_ONLY_LABELS:
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].lower_ in ("the", "a", "an"):
            start += 1
        if end - start > 1 and doc[end - 1].text in ("'s", "’s"):
            end -= 1
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
        out.append(_extend_head(doc, _Mention(start, end, ent.label_)))
    return out


def _gazetteer_mentions(doc, gaz: Gazetteer, taken: set[int], ner: list[_Mention] = ()) -> list[_Mention]:
    """Capitalised token runs that are gazetteer names (the small model misses or mislabels many
    Ukrainian names: "Kiev" often comes out as PERSON, "Sumy" as ORG)."""
    out, pending, i = [], [], 0
    while i < len(doc):
        tok = doc[i]
        if i in taken or not tok.text[:1].isupper() or tok.ent_type_ in SKIP_LABELS:
            i += 1
            continue
        for n in range(min(MAX_NAME_TOKENS, len(doc) - i), 0, -1):
            span = doc[i:i + n]
            if any(j in taken for j in range(i, i + n)) or not span[-1].text[:1].isupper():
                continue
            text = span.text
            headed = i + n < len(doc) and doc[i + n].lower_ in PLACE_HEAD_CUES  # "the Punjab province"
            if text.lower() in NOT_PLACES or n == 1 and (
                    tok.is_stop and not tok.text.isupper() or tok.pos_ in NON_NAME_POS and not headed):
                continue  # "US" is no "us"
            if n > 1 and tok.pos_ == "ADP":  # "In March": no name starts with a preposition
                continue
            relabelled = tok.ent_type_ in RELABEL_LABELS
            if relabelled and not any(_entity_start(e) == i and _entity_end(e) == i + n for e in doc_ents(doc)):
                # only a whole PERSON/ORG entity can be a misread toponym, or a country opening an
                # organisation name ("the U.S. Centers for Disease Control"; see _inside_name)
                if (tok.ent_type_ == "ORG" and _country_name(gaz, text)
                        and any(_entity_start(e) == i and e.end > i + n for e in doc_ents(doc))):
                    out.append(_Mention(i, i + n, "GAZ"))
                    i += n
                    break
                continue
            hits = gaz.lookup(text, fuzzy=(n == 1 and tok.pos_ == "PROPN" and not relabelled))
            if n == 1 and tok.is_sent_start and tok.pos_ == "NOUN" and not tok.text.isupper():
                # a capitalised common noun opening a sentence ("Police said") is a place only by its own
                # name, never by another place's alias or transliteration (a dateline "KIEV" is a name)
                hits = [e for e in hits if normalise(e.name) == normalise(text)]
            ok = _prominent if relabelled else _gazetteer_only_ok
            if any(ok(e, text) for e in hits):
                out.append(_extend_head(doc, _Mention(i, i + n, "GAZ")))
                i += n
                break
            if (hits and (n > 1 or tok.pos_ == "PROPN" or headed) and not text.isupper()
                    and not any(m.start == i for m in pending)):
                pending.append(_Mention(i, i + n, "GAZ"))  # any known name: kept when cued (below)
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
                headed = _located_in(doc, gaz, m, out + list(ner)) or _object_of_place_verb(doc, m)
            if listed or cued or headed or m.end in starts or (m.end + 1 in starts and doc[m.end].text == ","):
                out.append(_extend_head(doc, m))
                pending.remove(m)
                added = True
                starts |= {m.start, m.end - 1}
    return out


def _object_of_place_verb(doc, m: _Mention) -> bool:
    """True for a known name that a verb of taking or attacking ground governs: "captured Robotyne",
    "Robotyne was stormed", "troops entered Krasnohorivka" (the NER model often calls such names a
    nationality or an organisation)."""
    head = doc[m.end - 1]
    while head.dep_ == "compound" and head.head.i < m.end:
        head = head.head
    return head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_.lower() in PLACE_VERBS


def _located_in(doc, gaz: Gazetteer, m: _Mention, found: list[_Mention]) -> bool:
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


def _entity_end(ent) -> int:
    """End of an entity before a possessive ending ("Angola’s" -> "Angola")."""
    end = ent.end
    if end - ent.start > 1 and ent.doc[end - 1].text in ("'s", "’s"):
        end -= 1
    return end


def _entity_start(ent) -> int:
    """First token of an entity after a leading article ("The Krasnodar" -> "Krasnodar")."""
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    return start


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


def _extend_head(doc, m: _Mention) -> _Mention:
    """Take a directly following head noun into the span; mark coordinated shared heads."""
    for head in sorted(SPAN_HEADS, key=len, reverse=True):
        words = head.replace("'s", " 's").split()
        nxt = doc[m.end:m.end + len(words)]
        if len(nxt) == len(words) and " ".join(t.lower_ for t in nxt).replace(" ’s", " 's") == " ".join(words):
            m.area_head = head in AREA_HEADS
            if head not in PLURAL_HEADS:
                m.end += len(words)
            return m
    # "the Donetsk and Luhansk regions", "Kharkiv and other border regions": shared head -> its level
    window = doc[m.end:m.end + 6]
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


def _country_name(gaz: Gazetteer, text: str) -> bool:
    """True when the text is the name or abbreviation of a country ("U.S.", "Peru")."""
    return any(e.level == "country" for e in gaz.lookup(text, fuzzy=False))


def _inside_name(doc, m: _Mention, country: bool = False) -> bool:
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
            if (country and ent is not None and ent.label_ == "ORG" and _entity_start(ent) == m.start
                    and doc[m.end - 1].whitespace_):  # not a compound ("Russia-NATO Founding Act")
                continue
            if ent is not None and (ent.start < m.start or _entity_end(ent) > m.end):  # not "Angola’s"
                return True
    if after is not None:
        if after.lower_ in NAME_TAILS:
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


def _resolve_mentions(doc, gaz: Gazetteer, mentions: list[_Mention]) -> list[Place]:
    cands = [_candidates(doc, gaz, m) for m in mentions]
    texts = [_name_of(doc, gaz, m) for m in mentions]
    exact = [gaz.has_name(t) for t in texts]
    results = [gaz.choose(c, exact=x, surface=t) for c, x, t in zip(cands, exact, texts)]
    for _ in range(RESOLVE_PASSES):  # each pass resolves with the places the previous one settled
        areas = [r.entry for r in results
                 if r.entry is not None and (r.entry.ref and r.entry.level in ("oblast", "raion")
                                             or r.entry.id in gaz.division_ids)]
        areas_doc = frozenset(e.id for e in areas)
        known = [(m, r.entry) for m, r in zip(mentions, results) if r.entry is not None]
        new = []
        for m, cand, x, t in zip(mentions, cands, exact, texts):
            sent = doc[m.start].sent
            near = frozenset(e.id for mm, e in known if e in areas and mm is not m and doc[mm.start].sent == sent)
            rivals = {c.id for c in cand}  # other mentions of the same name must not vote for themselves
            others = tuple(e for mm, e in known if mm is not m and e.id not in rivals)
            ctx = ResolveContext(near - rivals, areas_doc - rivals, others)
            new.append(gaz.choose(cand, ctx, exact=x, surface=t))
        if [r.entry for r in new] == [r.entry for r in results]:
            break
        results = new
    results = [_inside_stated_area(doc, gaz, mentions, results, k) for k in range(len(mentions))]
    resolved = [r.entry for r in results if r.entry is not None]
    places = []
    for m, cand, res in zip(mentions, cands, results):
        span = doc[m.start:m.end]
        e = res.entry
        if e is not None and _stray_town(e, resolved):
            e, res = None, Resolution(None, res.candidates or (e,), res.scores)
        if e is None and not cand and m.label == "GAZ":
            continue
        point = e.point if e is not None else None
        places.append(Place(
            span=(span.start_char, span.end_char), text=span.text,
            ref=e.ref if e is not None else None, name=e.name if e is not None else None,
            lat=point[0] if point else None, lon=point[1] if point else None,
            level=e.place_level if e is not None else None,
            candidates=tuple(c.ref or c.id for c in res.candidates) if e is None else (),
        ))
    return places


def _candidates(doc, gaz: Gazetteer, m: _Mention) -> list[Entry]:
    text = doc[m.start:m.end].text
    found = gaz.lookup(text)
    if m.republic_head:
        found = [e for e in gaz.lookup(f"{text} People's Republic") if e.level == "region"] or found
    if m.area_head:
        base = re.sub(r"\s+(regions?|oblasts?|provinces?)$", "", text, flags=re.I)
        areas = [e for e in gaz.lookup(f"{base} region") + found if e.level in ("oblast", "region")]
        if areas:
            return list({e.id: e for e in areas}.values())
    reading = _city_or_state(doc, m)
    if reading is not None:
        kept = [e for e in found if (e.level == "settlement") == (reading == "city")]
        if kept:
            return kept
    if not found and m.end - m.start > 1 and doc[m.end - 1].lower_ in WORLD_HEADS:
        # "Anhui province", "Kabanjahe district", "Akita Prefecture": the name without its head, read
        # as an area when the gazetteer has it as one
        base = gaz.lookup(doc[m.start:m.end - 1].text, fuzzy=False)
        return [e for e in base if e.level in ("region", "oblast", "raion")] or base
    return found


def _city_or_state(doc, m: _Mention) -> str | None:
    """"city" or "state" when the words around a name say which of the two it means (CITY_CUES_BEFORE,
    CITY_CUES_AFTER, STATE_CUES), else None: "the mayor of New York", "in Washington, D.C.", "downtown
    Boston" name the city; "the state of Washington", "a Washington state farm" the state."""
    before = [t.lower_ for t in doc[max(0, m.start - 3):m.start]]
    after = [t.lower_ for t in doc[m.end:m.end + 2]]
    if before[-2:] in (["state", "of"],) or after[:1] and after[0] in STATE_CUES:
        return "state"
    if before and (before[-1] in CITY_CUES_BEFORE or before[-2:-1] and before[-2] in CITY_CUES_BEFORE
                   and before[-1] in ("of", "the")):
        return "city"
    if after and after[0] in CITY_CUES_AFTER or after[:1] == [","] and after[1:2] and after[1] in CITY_CUES_AFTER:
        return "city"
    return None


def _stray_town(e: Entry, resolved: list[Entry]) -> bool:
    """True for a small world town (see FOREIGN_TOWN_KM) when all the article's other resolved places lie in
    one other country and far from it: the pick is likely a homonym of a town the gazetteer lacks."""
    if e.ref is not None or e.country == "UA" or e.level != "settlement" or e.category == "PPLC" \
            or (e.population or 0) >= FOREIGN_TOWN_POPULATION or e.lat is None:
        return False
    others = [p for p in resolved if p.id != e.id]
    countries = {p.country for p in others if p.country}
    # a report from one other country only: an article that names places in several countries may well
    # mention a town abroad; and the gazetteer holds every Ukrainian settlement (KATOTTG), so in a report
    # from Ukraine a town abroad ("Zelensky spoke in Davos") stands in for no missing local one
    if len(countries) != 1 or e.country in countries or countries == {"UA"}:
        return False
    dists = [km_between(e, p) for p in others if p.lat is not None and p.lon is not None]
    return bool(dists) and min(dists) > FOREIGN_TOWN_KM


def _name_of(doc, gaz: Gazetteer, m: _Mention) -> str:
    """The name a mention is looked up by: its text, without a world head noun the gazetteer does not know
    the name with ("the Puno region" -> "Puno", so that the town Puno counts as named by it)."""
    text = doc[m.start:m.end].text
    if m.end - m.start > 1 and doc[m.end - 1].lower_ in WORLD_HEADS and not gaz.has_name(text):
        return doc[m.start:m.end - 1].text
    return text


def _inside_stated_area(doc, gaz: Gazetteer, mentions: list[_Mention], results: list[Resolution],
                        k: int) -> Resolution:
    """The resolution of world town ``k`` kept to the area the text places it in ("Rice Lake, Illinois",
    "Austin, in Scott County, Indiana"): the best-ranked candidate inside that country, state or county,
    or none (no point) when the gazetteer has no town of that name there."""
    res = results[k]
    e = res.entry
    if e is None or e.level != "settlement" or e.ref is not None or e.country == "UA":
        return res
    area, end = None, mentions[k].end
    for j in range(k + 1, min(len(mentions), k + 1 + STATED_AREA_HOPS)):
        gap = doc[end:mentions[j].start]
        if not len(gap) or any(t.lower_ not in STATED_AREA_GAP for t in gap):
            break
        found = results[j].entry
        if found is not None and found.ref is None and found.level in ("country", "region"):
            area = found
            break
        end = mentions[j].end
    if area is None or _holds(gaz, area, e) is not False:
        return res
    inside = [c for c in res.candidates if _holds(gaz, area, c)] or \
        [c for c in res.candidates if _holds(gaz, area, c) is None]  # candidates whose state is unknown
    return Resolution(inside[0] if inside else None, res.candidates, res.scores)


def _holds(gaz: Gazetteer, area: Entry, town: Entry) -> bool | None:
    """Whether a world country, state or county holds a town; None when the gazetteer cannot tell."""
    if area.level == "country":
        return town.country == area.country
    if not town.oblast:
        return None if town.country == area.country else False
    if area.id in gaz.division_ids:
        return town.oblast == area.id
    if area.id.startswith("admin2:") and area.oblast:
        return town.oblast == area.oblast  # towns know their state, not their county
    return None
