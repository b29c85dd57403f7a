"""Where a Russian or Ukrainian event whose own sentence names no place happened, from its context: the
settlement a bare "город" / "село" of its clause refers back to, or the oblast a bare "регион" does; for a
fighting event, the nearest sentence before it in its paragraph that names a settlement, raion or oblast (one
only; all of them for the result or the dead of a strike told right before, or attacks repelled right after them),
or a country the sentence right before struck, else the settlement the report (with its headline) is about. Nothing
when the clause counts new settlements it does not name or measures land ("освобождены три населённых пункта",
"300 кв. км": only an oblast or raion then), the sentence opens another item, a sum or an earlier report
("Кроме того", "Всего", "Ранее"), or the clause says where without a name ("в зоне ответственности группировки",
"из приграничных районов") or by one the gazetteer cannot settle.
event_places_ru_uk.py calls it when its rules find nothing.
"""
from __future__ import annotations

import re

from collections.abc import Sequence

from ...models import Attribution, Place
from ..dates.dates_ru_uk import LONG_PERIOD
from ..language.cyrillic import CyrDoc, Token, plain_word
from ..places.gazetteer import load_gazetteer
from .event_places import (
    LOCAL_LEVELS, PLACE_INHERITING_TYPES, event_place_key, inherited_place_keys, is_capital, is_city, is_landmark,
    is_resolved,
)
from .place_roles_ru_uk import acting_country, heading_to
from .predicate_clauses_ru_uk import predicate_clause_of
from ..language.numbers_ru_uk import AREA_MEASURE, NUMBER_LEMMAS, SEVERAL_LEMMAS
from ..events.attack_senses_ru_uk import COMPASS_LEMMAS
from ..events.quantities_ru_uk import GROUND_LEMMAS, SETTLEMENT_ADJECTIVES, SETTLEMENT_LEMMAS

# A fighting event with no place of its own takes the place of the sentence before it only when that sentence
# names one (event_places.inherited_place_keys). Measured on the tune half of the internal ru/uk gold: taking
# every place there (the English rule) lost uk place accuracy (0.778 -> 0.667: a short "the fighting goes on"
# after a sentence naming two villages has no place in gold); on the English gold one antecedent only lost control
# F1 (0.630 -> 0.580), so English takes them all.
INHERITED_PLACES_AT_MOST = 1
# Sentences back, within the paragraph, a fighting event with no place looks for the nearest that names a settlement,
# raion or oblast, across sentences naming none ("Харків. Удар ракетою. В площу Свободи. Десятки жертв."); the
# paragraph bounds it, this only a text without paragraphs. Measured on war_reports_dev's tune half, Ukrainian
# places: the sentence before only 0.675, 2 back 0.675, 3 back 0.700, 6 back 0.725, 20 back 0.725; the report
# half and the internal file unchanged.
INHERIT_SENTENCES_BACK = 6
# Failing that (a new paragraph, or only sentences naming none), the settlement the report has named most before it,
# at least TOPIC_MENTIONS times and more than any other, is where a fighting event with no place happens (an address
# about Mariupol: "Вони намагаються штурмувати комплекс"). Measured on war_reports_dev, Ukrainian places: tune half
# 0.725 -> 0.829 (one event more matched through its place), report half and internal file unchanged; 1 mention
# also raised the report half (0.857 -> 0.861) but lowered its Ukrainian dates (0.371 -> 0.361), 3 changed nothing.
TOPIC_MENTIONS = 2
# The reporting window of a bulletin's total ("за сутки", "за минувшую неделю", "упродовж доби").
BULLETIN_WINDOW = re.compile(r"(?<!\w)(?:за|в течение|протягом|упродовж|впродовж)\s+(?:\w+\s+)?"
                             r"(?:сутки|суток|добу|доби|неделю|тиждень)(?!\w)", re.IGNORECASE)
# Openers of a sentence that adds another item, sums up or recalls an earlier report ("Кроме того, ВСУ потеряли ...",
# "Всего за неделю ...", "Тим часом ...", "Ранее Минобороны сообщало ..."): its event is not the one of the sentence
# before, so it inherits no place from there.
NEW_ITEM_OPENERS = ("кроме того", "помимо этого", "помимо того", "тем временем", "между тем", "всего",
                    "в общей сложности", "в целом", "итого", "крім того", "окрім того", "тим часом", "між тим",
                    "загалом", "всього", "усього", "в цілому", "у цілому", "ранее", "раніше", "напомним",
                    "нагадаємо")
# ... those of a sum, which the sentences after it go on with ("Всего ... 97 боевых столкновений. Противник нанес ...")
SUM_OPENERS = ("всего", "в общей сложности", "итого", "всього", "усього", "загалом", "в целом", "в цілому",
               "у цілому")
# A sentence that opens with the result of a strike told before ("В результате обстрелов погибли два мирных
# жителя", "Внаслідок удару поранено 12 людей") happened where that strike did: it takes every place of the
# sentence before, not only a single one (INHERITED_PLACES_AT_MOST).
STRIKE_STEMS = r"обстрел|обстріл|удар|прил[её]т|влучан|попадани"  # word starts of a strike or its hit
RESULT_OF_STRIKE = re.compile(rf"\s*(?:в результате|внаслідок|у результаті|в результаті)\s+(?:этого\s+|этих\s+|"
                              rf"цього\s+|цих\s+)?(?:{STRIKE_STEMS}|атак)", re.IGNORECASE)
# Words of a strike in the sentence right before casualties ("удару по Києву, Львову, Дніпру ... загинули 11
# людей"): the dead are that strike's, at all its places (not assaults: the losses of attacks repelled at A and B
# are the direction's).
STRIKE_WORDS = re.compile(rf"(?<!\w)(?:{STRIKE_STEMS}|вибух|взрыв)", re.IGNORECASE)
# Word starts of damage ("Повреждены девять частных домов", "пошкоджено газогін"): told after a strike in its
# paragraph, the damage is that strike's, at all its places, with the casualties' sentence between or not.
DAMAGE_STEMS = ("поврежд", "разруш", "пошкод", "зруйн")
# "This" standing for what the sentence before told.
DEMONSTRATIVES = frozenset({"это", "це"})
# Nouns of the whole war (with "специальная военная операция" and "СВО"): no settlement's event.
WHOLE_WAR_LEMMAS = frozenset({"война", "війна", "вторжение", "вторгнення"})
# Nouns of a force's own area ("в зоне ответственности группировки «Центр»", "в полосе ответственности"): a clause
# naming one says where its event is, which no settlement of another sentence is.
AREA_OF_FORCE_LEMMAS = frozenset({"ответственность", "відповідальність"})
# Nouns of a quarter of the country ("с севера", "з півночі"): after a preposition, where a withdrawal is.
QUARTER_LEMMAS = COMPASS_LEMMAS | {"півночі", "півдня", "сходу", "заходу"}  # (forms the dictionary leaves as lemmas)
OCCUPIED_STEMS = ("оккупир", "окупов")  # adjectives of occupied land, which inherit no place
# Nouns of areas that, plural after a preposition, say where an event is without naming them ("Из приграничных
# районов эвакуированы более 3 тыс. человек", "по територіях громад"): not the settlement of another sentence.
UNNAMED_AREA_LEMMAS = frozenset({"район", "регион", "регіон", "область", "территория", "територія", "громада"})
# Nouns of a country's grid or land at large, and in the plural its towns and areas, after "our", a nationality
# adjective or "all" ("по нашій інфраструктурі", "обстреливать российские города", "по всей стране"): the event
# is across the country, not at the town of another sentence.
COUNTRYWIDE_QUALIFIERS = frozenset({"наш", "украинский", "український", "российский", "російський", "весь", "увесь"})
COUNTRYWIDE_LEMMAS = frozenset({"инфраструктура", "інфраструктура", "энергетика", "енергетика", "энергосистема",
                                "енергосистема", "страна", "країна"})
COUNTRYWIDE_PLURAL_LEMMAS = frozenset({"город", "місто", "село", "регион", "регіон", "область", "объект", "об'єкт",
                                       "территория", "територія", "земля"})
# Sentences back within which a bare settlement noun ("Город заняли ...", "Село звільнили ...") finds the settlement
# it refers to.
ANAPHOR_SENTENCES = 3
# Nouns of facilities a report names again without their town ("удар по нефтебазе" after "на нефтебазе в Феодосии"),
# and the words after a trigger within which such a noun is its object ("удар по крупной нефтебазе").
FACILITY_LEMMAS = frozenset({"нефтебаза", "нафтобаза", "нпз", "завод", "склад", "аэродром", "аеродром", "подстанция",
                             "підстанція", "тэц", "тец", "тэс", "тес", "порт", "депо", "терминал", "термінал",
                             "предприятие", "підприємство", "комбинат", "комбінат", "резервуар", "электростанция",
                             "електростанція", "арсенал"})
FACILITY_WORDS_AFTER = 2
# Nouns of a national capital, and the capitals their adjectives name ("украинская столица": Kyiv).
CAPITAL_LEMMAS = frozenset({"столица", "столиця"})
CAPITAL_OF = {"украинск": "Kyiv", "українськ": "Kyiv", "российск": "Moscow", "російськ": "Moscow"}
# Nouns of a region that, bare and singular, refer back to the oblast named before ("Губернатор Белгородской
# области ... За сутки ВСУ выпустили по территории региона более 40 снарядов").
REGION_NOUNS = frozenset({"регион", "регіон", "область", "республика", "республіка"})
# ... "республика" refers back only to a people's republic named as such ("ДНР", "Донецкой Народной Республики"),
# which the gazetteer reads as its oblast
REPUBLIC_NOUNS = frozenset({"республика", "республіка"})
PEOPLES_REPUBLIC = re.compile(r"[ДЛ]НР|Народн\w* Республик", re.IGNORECASE)
# The settlement nouns of quantities_ru_uk less those of positions and territory.
SETTLEMENT_NOUNS = SETTLEMENT_LEMMAS - GROUND_LEMMAS
# The words "пункт" of a settlement follows, the participle's verb too ("населённом пункте": lemma "населить").
INHABITED_LEMMAS = SETTLEMENT_ADJECTIVES | {"населить", "населити"}
# Prepositions before a country that say it was struck or fought in ("по Україні", "в Украине", "на Украине").
STRUCK_PREPOSITIONS = frozenset({"в", "во", "на", "по", "у"})


def context_place_keys(doc: CyrDoc, first: int, c_first: int, c_last: int, kind: str,
                       places: Sequence[Place], named: Sequence[Place] = (),
                       headline_keys: Sequence[str] = ()) -> tuple[str, ...]:
    """Refs (or names) of the places the context gives an event of type ``kind`` (trigger token ``first``, clause
    tokens [c_first, c_last)) whose sentence names none of ``places`` (module docstring); () when none does. A bare
    settlement noun may also refer to a town of ``named``, the places of the text with those of its sources ("Глава
    администрации Горловки сообщил, что в Никитовском районе города погибла женщина"). ``headline_keys`` are the
    settlements the report's headline names, each one mention more of the report's topic."""
    t = doc.tokens[first]
    if kind == "territory_control" and t.pos in ("ADJF", "PRTF") and plain_word(t.lower).startswith(OCCUPIED_STEMS):
        return ()  # "ехали на оккупированную территорию": occupied land at large, not the town told before
    mentioned = sorted({*places, *named}, key=lambda p: p.span)
    referred = settlement_referred_to(doc, c_first, c_last, mentioned, headline=headline_keys)
    if referred:
        return referred
    capital = _capital_referred_to(doc, c_first, c_last, mentioned)
    if capital:
        return capital
    oblast, of_person = _oblast_referred_to(doc, c_first, c_last, mentioned)
    if oblast and not of_person:
        return oblast
    before = _places_before(doc, first, c_first, c_last, kind, places, named, headline_keys)
    if oblast and not (before and all(_oblast_of(k) == _oblast_of(oblast[0]) for k in before)):
        return oblast  # ("губернатор региона" speaks of his oblast; of a town of it told right before, that town)
    return before


def _places_before(doc: CyrDoc, first: int, c_first: int, c_last: int, kind: str,
                   places: Sequence[Place], named: Sequence[Place], headline_keys: Sequence[str]) -> tuple[str, ...]:
    """The places an event at token ``first`` (clause tokens [c_first, c_last)) takes from the sentences before it
    in its paragraph, or from the report's topic (module docstring); () when the clause rules it out."""
    number = doc.tokens[first].sent
    if _counts_settlements(doc, c_first, c_last):
        # "освобождены три населённых пункта": new settlements, not the one named before; its area may hold them
        places = [p for p in places if p.level in ("raion", "oblast")]
    # (the result of "the strike" opening the sentence or the event's clause is of the strike told before, after
    # "Ранее" too: "Ранее Зеленский заявил, что в результате удара погибли пять человек")
    result_opener = RESULT_OF_STRIKE.match(doc.text, doc.sents[number].start) is not None \
        or _opens_with_result(doc, first)
    if _opens_new_item(doc, number) and not result_opener or _says_own_area(doc, c_first, c_last, kind) \
            or _names_unsettled(doc, c_first, c_last, named) or _names_the_war(doc, first) \
            or LONG_PERIOD.search(doc.text, doc.sents[number].start, doc.sents[number].end):
        return ()
    # (where a force heads is no place of what happens next: "Колонна двинулась в сторону Москвы. ... после удара")
    places = [p for p in places if not heading_to(doc, p)]
    for back in range(number - 1, max(-1, number - 1 - INHERIT_SENTENCES_BACK), -1):
        before = doc.sents[back]
        if "\n" in doc.text[before.end:doc.tokens[first].start] and not (result_opener and back == number - 1):
            break  # (a paragraph opening with the result of strikes told before it is theirs: "В результате обстрелов")
        if _opens_new_item(doc, back, SUM_OPENERS) and not any(before.start <= p.span[0] < before.end for p in places) \
                and not any(set(w.lemmas) & (SETTLEMENT_LEMMAS | CAPITAL_LEMMAS)
                            for w in doc.tokens[before.first:before.last]):
            return ()  # "Всего с начала суток произошло 97 боевых столкновений. Противник нанес 41 авиаудар": the sum
            # goes on, over the whole front, not at the headline's town
            # (not "Загалом у столиці загинули 27 людей. ... лікарню атакувала ракета": a sum of the town told)
        if any(before.start <= p.span[0] < before.end and p.level in LOCAL_LEVELS and is_resolved(p) for p in places):
            # the result of a strike, or the repelling of the attacks, told in the sentence right before: all its places
            struck = STRIKE_WORDS.search(doc.text, before.start, before.end) is not None
            result = result_opener or kind == "attack_repelled" or kind == "casualties" and struck \
                or _refers_back(doc, c_first, first)
            damage = struck and kind == "strike" and plain_word(doc.tokens[first].lower).startswith(DAMAGE_STEMS)
            return inherited_place_keys(doc.text, places, kind, (before.start, before.end), doc.tokens[first].start,
                                        None if result and back == number - 1 or damage else INHERITED_PLACES_AT_MOST,
                                        adjacent=back == number - 1, across_paragraph=result_opener)
        if back == number - 1 and kind in PLACE_INHERITING_TYPES:
            country = _country_struck(doc, [p for p in places if before.start <= p.span[0] < before.end])
            if country:
                return country
    # (a sentence before naming only a country it struck: measured on war_reports_dev, Ukrainian places: tune half
    # 0.829 -> 0.854, report half 0.861 -> 0.889, internal file unchanged)
    if kind not in PLACE_INHERITING_TYPES or kind == "casualties" and BULLETIN_WINDOW.search(
            doc.text, doc.sents[number].start, doc.sents[number].end):
        return ()  # (the losses of a day's bulletin, "за сутки противник потерял 200 человек", are the front's)
    return _topic_settlement(places, doc.tokens[first].start, headline_keys)


def _opens_with_result(doc: CyrDoc, first: int) -> bool:
    """True when the comma-bounded stretch of the trigger at token ``first``, after a "что"/"що" opening it, opens
    with the result of a strike (RESULT_OF_STRIKE: "..., что в результате удара погибли пять человек")."""
    k = predicate_clause_of(doc, first, first + 1)[0]
    if doc.tokens[k].lower in ("что", "що") and k + 1 < first:
        k += 1
    return RESULT_OF_STRIKE.match(doc.text, doc.tokens[k].start) is not None


def _refers_back(doc: CyrDoc, c_first: int, first: int) -> bool:
    """True when "это"/"це" stands in the clause (tokens from ``c_first``) before the trigger at ``first``: the act
    told right before, named again ("В ведомстве назвали это перегруппировкой войск", "Це був наймасованіший удар")."""
    return any(t.lower in DEMONSTRATIVES for t in doc.tokens[c_first:first])


def _says_own_area(doc: CyrDoc, c_first: int, c_last: int, kind: str) -> bool:
    """True when clause tokens [c_first, c_last) say where their event is without a name: a force's own area
    (AREA_OF_FORCE_LEMMAS), unnamed areas in the plural after a preposition (UNNAMED_AREA_LEMMAS), the country's
    towns or grid at large (COUNTRYWIDE_LEMMAS) or, for a withdrawal of type ``kind``, a quarter of the country
    after a preposition (QUARTER_LEMMAS)."""
    toks = doc.tokens
    for k in range(c_first, c_last):
        t = toks[k]
        if set(t.lemmas) & AREA_OF_FORCE_LEMMAS:
            return True
        if t.pos == "NOUN" and "plur" in t.tags and set(t.lemmas) & UNNAMED_AREA_LEMMAS \
                and any(w.pos == "PREP" for w in toks[max(c_first, k - 2):k]):
            return True
        if t.pos == "NOUN" and k > c_first and set(toks[k - 1].lemmas) & COUNTRYWIDE_QUALIFIERS and (
                set(t.lemmas) & COUNTRYWIDE_LEMMAS or "plur" in t.tags | toks[k - 1].tags
                and set(t.lemmas) & COUNTRYWIDE_PLURAL_LEMMAS):
            return True  # "завдавати ракетних ударів по нашій інфраструктурі", "обстреливать российские города"
        if kind == "withdrawal" and names_quarter(doc, k, c_first):
            return True  # "Росія відводить війська з півночі": a quarter of the country, no town told before (an
            # attack "с севера и юга" comes at the town told from there)
    return False


def names_quarter(doc: CyrDoc, k: int, first: int, prepositions: frozenset[str] | None = None) -> bool:
    """True when token k is a noun of a quarter of the country (QUARTER_LEMMAS) after a preposition at or after token
    ``first`` (one of ``prepositions`` when given): "з півночі", "на юге"."""
    t = doc.tokens[k]
    return t.pos == "NOUN" and bool(set(t.lemmas) & QUARTER_LEMMAS) and k > first \
        and doc.tokens[k - 1].pos == "PREP" and (prepositions is None or doc.tokens[k - 1].lower in prepositions)


def _names_the_war(doc: CyrDoc, first: int) -> bool:
    """True for a trigger that names the whole war ("Специальная военная операция началась 24 февраля 2022 года",
    "СВО", "повномасштабне вторгнення"): it happened in no settlement of the sentence before."""
    window = doc.tokens[first:first + 3]
    lemmas = {lemma for t in window for lemma in t.lemmas}
    return bool(set(doc.tokens[first].lemmas) & WHOLE_WAR_LEMMAS) or doc.tokens[first].lower == "сво" \
        or bool(lemmas & {"операция", "операція"}) and bool(lemmas & {"военный", "воєнний", "військовий"})


def _names_unsettled(doc: CyrDoc, c_first: int, c_last: int, named: Sequence[Place]) -> bool:
    """True when clause tokens [c_first, c_last) name a place the gazetteer could not settle ("безуспешных контратак
    у Михайловки", one of many): the event is there, not at a town of the sentence before."""
    a, b = doc.char_span(c_first, c_last)
    return any(a <= p.span[0] < b and not is_resolved(p) for p in named)


def _country_struck(doc: CyrDoc, inside: Sequence[Place]) -> tuple[str, ...]:
    """The key of the one country a sentence names, when it names no other place and that country follows a
    locative preposition ("по Україні завдали 56 ударів", "в Украине"): where the fighting it reports is."""
    if len(inside) != 1 or inside[0].level != "country" or not is_resolved(inside[0]):
        return ()
    k = doc.token_at(inside[0].span[0])
    return (event_place_key(inside[0]),) if k and doc.tokens[k - 1].lower in STRUCK_PREPOSITIONS else ()


def _topic_settlement(places: Sequence[Place], start: int, headline_keys: Sequence[str] = ()) -> tuple[str, ...]:
    """The key of the settlement named most before character ``start`` (in the headline too), at least
    TOPIC_MENTIONS times and more than any other; () when there is none."""
    counts: dict[str, int] = dict.fromkeys(headline_keys, 1)
    for p in places:
        if p.span[1] <= start and p.level == "settlement" and is_resolved(p):
            counts[event_place_key(p)] = counts.get(event_place_key(p), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= TOPIC_MENTIONS and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return (ranked[0][0],)
    return ()


def _opens_new_item(doc: CyrDoc, number: int, openers: Sequence[str] = NEW_ITEM_OPENERS) -> bool:
    """True when sentence ``number`` opens with a word of another item or a sum (:data:`NEW_ITEM_OPENERS`)."""
    s = doc.sents[number]
    words = " ".join(t.lower for t in doc.tokens[s.first:min(s.last, s.first + 4)] if t.is_word)
    return any(words == o or words.startswith(o + " ") for o in openers)


def _counts_settlements(doc: CyrDoc, c_first: int, c_last: int) -> bool:
    """True when a clause counts settlements it does not name ("освобождены три населённых пункта",
    "несколько сёл") or measures land (AREA_MEASURE: an area, not a town told before)."""
    toks = doc.tokens
    if AREA_MEASURE.search(doc.text, toks[c_first].start, toks[c_last - 1].end):
        return True
    return any(_settlement_noun(toks, k) and (_numbered(toks, k, c_first)
                                        or any(w.lemma in SEVERAL_LEMMAS for w in toks[max(c_first, k - 3):k]))
               for k in range(c_first, c_last))


def _settlement_noun(toks: Sequence[Token], k: int) -> bool:
    """True for a noun of settlements at token k ("город", "сёла", "населённый пункт"), not of positions or territory,
    nor a "пункт" of anything else ("пункты временной дислокации", "пункт управления")."""
    t = toks[k]
    if t.pos != "NOUN" or not set(t.lemmas) & SETTLEMENT_NOUNS:
        return False
    return "пункт" not in t.lemmas or k > 0 and bool(set(toks[k - 1].lemmas) & INHABITED_LEMMAS)


def _oblast_referred_to(doc: CyrDoc, c_first: int, c_last: int,
                        places: Sequence[Place]) -> tuple[tuple[str, ...], bool]:
    """The latest oblast the text names before a bare singular region noun of the clause (REGION_NOUNS, with no
    adjective or name of its own: "по территории региона", "в области"), also in a source ("Губернатор
    Белгородской области"), or (); and whether the noun is a person's (the genitive after "губернатор", "глава")."""
    toks = doc.tokens
    for k in range(c_first, c_last):
        t = toks[k]
        if t.pos != "NOUN" or not set(t.lemmas) & REGION_NOUNS or "plur" in t.tags or _numbered(toks, k, c_first):
            continue
        if toks[k - 1].pos in ("ADJF", "PRTF") or any(p.span[0] <= t.start < p.span[1] for p in places) \
                or k + 1 < len(toks) and any(p.span[0] == toks[k + 1].start for p in places):
            continue  # "Курской области", "приграничного региона", "области Харьковщина": its own
        earlier = [p for p in places if p.span[1] <= t.start and p.level == "oblast" and is_resolved(p)
                   and (not set(t.lemmas) & REPUBLIC_NOUNS or PEOPLES_REPUBLIC.search(p.text))]
        of_person = "gent" in t.tags and toks[k - 1].pos == "NOUN" and "anim" in toks[k - 1].tags
        return ((event_place_key(earlier[-1]),) if earlier else ()), of_person
    return (), False


def _capital_referred_to(doc: CyrDoc, c_first: int, c_last: int, places: Sequence[Place]) -> tuple[str, ...]:
    """The capital a "столица" / "столиця" of the clause refers to: the latest national capital the text names
    before it ("Кличко сообщил, что в столице погиб человек"), Kyiv or Moscow when its adjective says which
    ("украинская столица", "в российской столице"); () for one of a region ("столица Донбасса") or with none
    named."""
    toks = doc.tokens
    for k in range(c_first, c_last):
        t = toks[k]
        if t.pos != "NOUN" or not set(t.lemmas) & CAPITAL_LEMMAS or "plur" in t.tags \
                or k + 1 < len(toks) and "gent" in toks[k + 1].tags and toks[k + 1].pos in ("NOUN", "ADJF"):
            continue
        adjective = plain_word(toks[k - 1].lower) if k > c_first and toks[k - 1].pos == "ADJF" else ""
        country = next((name for stem, name in CAPITAL_OF.items() if adjective.startswith(stem)), None)
        if adjective and country is None:
            continue  # another country's capital
        named = [p for p in places if is_capital(p) and (country is None and p.span[1] <= t.start
                                                          or country is not None and p.name == country)]
        return (event_place_key(named[-1]),) if named else ()
    return ()


def _plural(toks, k: int) -> bool:
    """True for a plural noun at token k, also one tagged singular that a plural adjective before it agrees with
    ("прикордонні громади", read as the genitive singular)."""
    return "plur" in toks[k].tags or k > 0 and toks[k - 1].pos in ("ADJF", "PRTF") and "plur" in toks[k - 1].tags


def _numbered(toks, k: int, floor: int) -> bool:
    """True when a number stands among the three words before token k (not before ``floor``), not one of a share
    ("70% территории города", "70 процентов города": a part of the town, which is still one)."""
    window = toks[max(floor, k - 3):k]
    return any(w.lemma in NUMBER_LEMMAS or w.text[:1].isdigit() for w in window) \
        and not any(w.text == "%" or w.lemma in SHARE_LEMMAS for w in window)


SHARE_LEMMAS = frozenset({"процент", "відсоток", "часть", "частина", "половина", "треть", "третина", "четверть",
                          "чверть"})  # words of a share before a settlement noun, which count no settlements
CITY_NOUNS = frozenset({"город", "місто"})  # settlement nouns that refer back to a city, not a village
DEMONSTRATIVE_LEMMAS = frozenset({"этот", "тот", "цей", "той"})  # ... before a settlement noun that refers back


def facility_referred_to(doc: CyrDoc, last: int, c_last: int, places: Sequence[Place]) -> tuple[str, ...]:
    """The settlement a facility was named at before, for a trigger whose object right after it (tokens from
    ``last``, within its clause ending at ``c_last``) is that facility's noun, bare ("Генштаб ВСУ подтвердил удар по
    нефтебазе" after "загорелся резервуар на нефтебазе" in Feodosia): the resolved settlement nearest that earlier
    mention in its sentence; () when there is none, or the noun has a name of its own after it ("НПЗ «Лукойл»")."""
    toks = doc.tokens
    noun = next((k for k in range(last, min(c_last, last + FACILITY_WORDS_AFTER + 1)) if toks[k].pos == "NOUN"), None)
    if noun is None or not set(toks[noun].lemmas) & FACILITY_LEMMAS \
            or noun + 1 < c_last and (toks[noun + 1].is_title or not toks[noun + 1].is_word and toks[noun + 1].text
                                      not in (",", ".")):
        return ()
    lemmas = set(toks[noun].lemmas) & FACILITY_LEMMAS
    here = toks[noun].sent
    mention = next((k for k in range(noun - 1, -1, -1) if toks[k].sent != here and set(toks[k].lemmas) & lemmas), None)
    if mention is None:
        return ()
    sent = doc.sents[toks[mention].sent]
    near = [p for p in places if sent.start <= p.span[0] < sent.end and p.level == "settlement" and is_resolved(p)]
    return (event_place_key(min(near, key=lambda p: abs(p.span[0] - toks[mention].start))),) if near else ()


def settlement_referred_to(doc: CyrDoc, c_first: int, c_last: int, places: Sequence[Place],
                           chain: bool = True, headline: Sequence[str] = ()) -> tuple[str, ...]:
    """The latest settlement named before a bare settlement noun of the clause ("Город заняли части
    ...", "Місто звільнили"): the town a definite mention refers back to, within ANAPHOR_SENTENCES sentences;
    for a plural noun ("Сёла разрушены") the settlements of the latest sentence there naming two or more. A
    counted noun ("два населенных пункта", "несколько сёл") names new ones: nothing. With ``chain``, the same bare
    noun said before refers to the town it referred to. In a report's opening sentence it names the first settlement
    of the next sentence, or the one settlement of the report's ``headline`` (keys: "ЗСУ вийшли з Авдіївки" over
    "ухвалив рішення про вихід підрозділів з міста")."""
    toks = doc.tokens
    place_starts = {p.span[0] for p in places}
    bare = None
    for k in range(c_first, c_last):
        if _settlement_noun(toks, k):
            counted = _numbered(toks, k, c_first)
            named = k + 1 < len(toks) and toks[k + 1].start in place_starts
            if not counted and not named and not set(w.lemma for w in toks[max(c_first, k - 2):k]) & SEVERAL_LEMMAS:
                bare = k
                break
    if bare is None:
        return ()
    floor = doc.sents[max(0, toks[bare].sent - ANAPHOR_SENTENCES)].start
    earlier = [p for p in places if floor <= p.span[0] and p.span[1] <= toks[bare].start and p.level == "settlement"
               and not acting_country(doc, p) and not is_landmark(doc.text, p)]
    # (not a capital that speaks, "В Киеве ... о потере города не", "Киев не признает потерю города"; nor a landmark,
    # "село Ягодное к северу от Артемовска")
    if not earlier and toks[bare].sent == 0 and len(doc.sents) > 1 and not _plural(toks, bare):
        # a report's opening sentence says "the town" of the one its next sentence names ("Российские войска
        # контролируют 40% территории города. ... установили контроль над северной частью Волчанска")
        after = doc.sents[1]
        earlier = [p for p in places if after.start <= p.span[0] < after.end and p.level == "settlement"][:1]
        if earlier:
            return (event_place_key(earlier[0]),)
    if not earlier:
        return tuple(headline) if len(headline) == 1 and not _plural(toks, bare) else ()
    if not _plural(toks, bare):
        # the town introduced with the same noun, else the latest ("освобождения города Соледар. ... пути снабжения
        # в Артемовске ... взяли город под контроль": Soledar); the same bare noun before refers to the same town
        # ("захватить Часов Яр. ... взятие города позволит наступать на Краматорск. ... на окраине города")
        same = [(p.span[0], event_place_key(p)) for p in earlier
                if (k := doc.token_at(p.span[0])) and toks[k - 1].lemma == toks[bare].lemma]
        # (the nearest such noun, whose own referent is found without going further back: ``chain`` off)
        again = next(((toks[k].start, referred[0]) for k in range(bare - 1, doc.token_at(floor) or 0, -1)
                      if chain and toks[k].lemma == toks[bare].lemma and "plur" not in toks[k].tags
                      and (referred := settlement_referred_to(doc, k, k + 1, places, chain=False))), None)
        found = same + ([again] if again else [])
        # "город"/"місто" is the latest city named, not a village beside it ("наступление на Авдеевку ... в районе
        # Степового ... бои за город продлятся": Avdiivka)
        cities = [p for p in earlier if is_city(p)] if toks[bare].lemma in CITY_NOUNS else []
        return (max(found)[1],) if found else (event_place_key((cities or earlier)[-1]),)
    # "Міста просто розбиті", "Сёла разрушены": the settlements of the latest sentence naming two or more; not
    # settlements an adjective describes ("из приграничных сел эвакуированы"), which are others
    before = toks[bare - 1] if bare > 0 else None
    if before is not None and before.pos in ("ADJF", "PRTF") and before.lemma not in DEMONSTRATIVE_LEMMAS:
        return ()
    for number in range(toks[bare].sent, toks[bare].sent - ANAPHOR_SENTENCES - 1, -1):
        named = [p for p in earlier if doc.tokens[doc.token_at(p.span[0]) or 0].sent == number]
        keys = tuple(dict.fromkeys(event_place_key(p) for p in named if is_resolved(p)))
        if len(keys) >= 2:
            return keys
    return ()


def speakers_area_keys(doc: CyrDoc, first: int, kind: str, named: Sequence[Place],
                       attributions: Sequence[Attribution], inherited: Sequence[str]) -> tuple[str, ...]:
    """The oblast, raion or town in the source phrase of the report that claims the event at token ``first``
    ("Губернатор Воронежской области сообщил о пожаре после удара", "Мэр Белгорода сообщил о погибших"): a regional
    official speaks of his region, where an act his sentence places nowhere happened. Only when the places
    ``inherited`` from the context are none or lie in another oblast (a governor's next sentence "Погибли двое"
    keeps the village told before it); () for a source with no such place, a country, or a type not placed so."""
    if kind not in PLACE_INHERITING_TYPES:
        return ()
    start = doc.tokens[first].start
    claims = [a for a in attributions if a.source is not None and a.content[0] <= start < a.content[1]]
    if not claims:
        return ()
    source = min(claims, key=lambda a: a.content[1] - a.content[0]).source
    areas = [p for p in named if source[0] <= p.span[0] and p.span[1] <= source[1] and p.level in LOCAL_LEVELS]
    if len(areas) != 1 or doc.text[source[0]:source[1]].strip() == areas[0].text:
        return ()  # (a capital that speaks, "В Киеве опровергли", is a government, not where the act was)
    area = event_place_key(areas[0])
    oblast = _oblast_of(area)
    if inherited and (oblast is None or any(_oblast_of(k) == oblast for k in inherited)):
        return ()
    return (area,)


def _oblast_of(key: str) -> str | None:
    """The gazetteer id of the oblast a place key (ref or canonical name) lies in, or is; None when unknown."""
    gaz = load_gazetteer()
    e = gaz.get(key) or gaz.get(f"area:{key}")
    if e is None:
        return None
    return e.id if e.level == "oblast" else e.oblast
