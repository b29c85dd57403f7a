"""Where a Russian or Ukrainian event happened: the places of the trigger's clause, else its sentence, less
those of a source phrase ("Министерство обороны РФ"), of a phrase naming who acts ("спробу Росії", "атаку ВСУ"), of
a country that acts ("Росія намагається") and of a force's origin ("ВСУ из Харькова", "со стороны X"); a dateline
is no event's place (datelines.py, before this module); the place right after a trigger (its object or locative
phrase) comes first, and a comma between two stretches with their own predicate separates two events' places
(predicate_clauses_ru_uk.py). An event whose sentence names no place takes one from its context
(event_places_context_ru_uk.py); the place ranker (place_ranker.py) gets the last word when a model is packaged.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...models import Attribution, Place
from ..language.cyrillic import PREDICATE_POS, CyrDoc, Token, has_reading
from ..events.taken_objects_ru_uk import gapping_dash
from . import place_ranker
from ..places.gazetteer import load_gazetteer
from ..places.name_context_ru_uk import including_starting_at
from ..places.place_adjectives_ru_uk import adjective_lemma, axis_place
from .event_places import (
    PLACE_INHERITING_TYPES, event_place_key, facility_place_keys, is_resolved, listed_over_areas, place_keys,
    place_keys_within, place_within, reported_spans,
)
from .event_places_context_ru_uk import (
    DEMONSTRATIVE_LEMMAS, context_place_keys, facility_referred_to, names_quarter, settlement_referred_to,
    speakers_area_keys,
)
from ..events.attack_senses_ru_uk import POSITION_LEMMAS
from .listed_places_ru_uk import LIST_JOINERS, broken_down_places, dash_listed_places, listed_places
from .predicate_clauses_ru_uk import clause_of, conditions_after, opens_relative_clause, predicate_clause_of
from .place_roles_ru_uk import FORCE_LEMMAS, LOCATIVE_PREPOSITIONS, after_origin_preposition, other_role
from ..events.quantities_ru_uk import GROUND_LEMMAS, SETTLEMENT_ADJECTIVES, SETTLEMENT_LEMMAS

# Nouns of an act whose genitive names who acts ("спробу Росії наступати", "атаку ВСУ", "удар Украины"):
# a country or a force in that genitive is the actor, not where the event happens ("обстрел Белгорода",
# a settlement, stays a place).
ACT_NOUN_LEMMAS = frozenset({
    "попытка", "спроба", "атака", "наступление", "наступ", "удар", "обстрел", "обстріл", "штурм", "вторжение",
    "вторгнення", "агрессия", "агресія", "нападение", "напад", "провокация", "провокація", "контрнаступление",
    "контрнаступ", "операция", "операція", "продвижение", "просування", "прорыв", "прорив", "эскалация",
    "ескалація", "действие", "дія", "контратака", "бомбардировка", "бомбардування",
    "потеря", "втрата"})  # (whose losses: "втрати Росії", "потери Украины")
# Verbs of improving a position ("улучшили положение", "покращили положення"): a territory claim placed only by
# a locative phrase of its own ("улучшили тактическое положение в районе Работино").
IMPROVING_LEMMAS = frozenset({"улучшить", "улучшать", "покращити", "покращувати"})
# Verbs of taking that take lines when positions follow them ("заняли более выгодные рубежи и позиции"): a gain along
# the line like an improved position, placed only by its own predicate, never by another act or sentence.
TAKING_LINE_LEMMAS = frozenset({"занять", "занимать", "зайняти", "займати"})
# Verbs of digging in, whose "на ... позициях" (event_senses_ru_uk.POSITION_LEMMAS within POSITION_REACH words after
# them) names lines, not the place just left ("вийшли з Авдіївки та закріпилися на підготовлених позиціях").
DIGGING_IN_LEMMAS = frozenset({"закрепиться", "закрепляться", "закріпитися", "закріплюватися"})
POSITION_REACH = 3
# A settlement, raion or oblast of an event's scope leaves out a country there (event_places.place_keys_within).
LOCAL_OVER_COUNTRY = True
# Words between a trigger and the place it is done to ("обстреляли город Херсон", "освобождение населённого
# пункта Работино"), at most OBJECT_NOUN_WORDS of them.
OBJECT_NOUN_LEMMAS = (SETTLEMENT_LEMMAS - GROUND_LEMMAS - {"громада"}) | \
    SETTLEMENT_ADJECTIVES | {"пгт", "смт", "селение"}
OBJECT_NOUN_WORDS = 2
AREA_LEVELS = frozenset({"oblast", "raion", "region"})  # the areas an item of a list may be placed in
PP_GAP = 2  # tokens between a trigger's end and such a preposition ("зону безопасности сейчас в ...")
ITEM_MODIFIER_WORDS = 4  # words before a list item's settlement noun ("и прилегающие к нему населенные пункты X")
# Words of an unnamed number of settlements as a list item, whose names may follow ("и ряд населенных пунктов").
SOME_LEMMAS = frozenset({"ряд", "несколько", "кілька", "низка", "ещё", "ще", "еще"})
PP_REACH = 4  # tokens from the preposition within which its place starts ("в районе населенного пункта X")
# Parts of speech of a predicate (pymorphy): a finite verb ("погиб", "идут") or a short participle ("ранены",
# "повреждена"); a comma between two stretches holding one each separates two statements with their own places.
# "а также" / "а також" after a comma goes on with more of the same act's objects and places, past up to
# ALSO_OBJECT_WORDS nouns ("..., а також об'єкти у Харкові, Хмельницькій ... областях").
ALSO_PAIRS = frozenset({("а", "также"), ("а", "також"), ("и", "также"), ("і", "також")})
ALSO_OBJECT_WORDS = 2
IN_PREPOSITIONS = frozenset({"на", "в", "во", "у"})  # before a quarter of the country where an act is ("на юге")
WHERE_ADVERBS = frozenset({"где", "де"})  # relative adverbs of place opening a clause after a comma
ANTECEDENT_REACH = 3  # words before a relative clause's comma searched for the place it hangs on
QUOTE_MARKS = frozenset('"«»„“”')
# Endings of nouns of an act made from verbs ("освобождение", "взятие", "звільнення", "захоплення").
DEVERBAL_ENDINGS = ("ние", "тие", "ння", "ття")
# Place levels that read as an actor in such a genitive (a state acts; a village is acted on).
ACTOR_PLACE_LEVELS = frozenset({"country"})


def event_place_keys(doc: CyrDoc, first: int, last: int, kind: str, places: Sequence[Place],
                     attributions: Sequence[Attribution] = (), headline_keys: Sequence[str] = ()) -> tuple[str, ...]:
    """Refs (or names) of the places of an event of type ``kind`` (trigger tokens [first, last)): the place
    ranker's pick (place_ranker.py) among the places near it, told what :func:`rule_place_keys` found."""
    rule = rule_place_keys(doc, first, last, kind, places, attributions, headline_keys)
    number = doc.tokens[first].sent
    s = doc.sents[number]
    previous = doc.sents[number - 1] if number > 0 else None
    following = doc.sents[number + 1] if number + 1 < len(doc.sents) else None
    c_first, c_last = clause_of(doc, first, last)
    setting = place_ranker.Setting(doc.text, kind, doc.char_span(first, last), doc.char_span(c_first, c_last),
                                   (s.start, s.end), (previous.start, previous.end) if previous else None,
                                   (following.start, following.end) if following else None, True, rule)
    sources = [a.source for a in attributions if a.source is not None]
    own = _attached_span(doc, last, c_last)
    clues = lambda: {p.span: place_ranker.Clues(
        own=own is not None and own[0] <= p.span[0] < own[1],
        actor=any(c <= p.span[0] and p.span[1] <= d for c, d in sources) or other_role(doc, p, kind, first))
        for p in places if (previous or s).start <= p.span[0] < (following or s).end}
    return place_ranker.choose_place_keys(setting, places, clues)


def _preposition_after(doc: CyrDoc, last: int, clause_end: int) -> int | None:
    """The token of a locative preposition within PP_GAP tokens after a trigger's end ``last``, or None."""
    return next((j for j in range(last, min(clause_end, last + PP_GAP))
                 if doc.tokens[j].lower in LOCATIVE_PREPOSITIONS), None)


def _attached_span(doc: CyrDoc, last: int, clause_end: int) -> tuple[int, int] | None:
    """Character span of the first PP_REACH words of a locative phrase right after a trigger, or None."""
    prep = _preposition_after(doc, last, clause_end)
    if prep is None:
        return None
    return doc.char_span(prep, min(clause_end, prep + PP_REACH + 1))


def rule_place_keys(doc: CyrDoc, first: int, last: int, kind: str, places: Sequence[Place],
                    attributions: Sequence[Attribution] = (), headline_keys: Sequence[str] = ()) -> tuple[str, ...]:
    """Refs (or names) of the places the rules give an event of type ``kind`` (trigger tokens [first, last)): those of a
    locative phrase right after the trigger ("... в Сумской области"), else of its clause, else of its
    sentence, else of the sentence after it that breaks its count down by place ("Из них 11 — над Брянской
    областью ..."), else of the settlement a bare "населенный пункт" / "село" of its clause refers to, else
    (fighting only) of the sentence before it in the same paragraph. Places inside a source phrase
    ("Министерство обороны РФ") are the source's, and a country after "bordering" ("в граничащих с
    Россией селах") is the neighbour: neither is the event's place."""
    sources = [a.source for a in attributions if a.source is not None]
    named = places
    s = doc.sentence_of(first)
    # (a meeting of the frame that reports: "..., заявил Путин на встрече с руководством МИД")
    sources += reported_spans(kind, doc.tokens[first].start, (s.start, s.end), [a.content for a in attributions])
    places = [p for p in places if not any(c <= p.span[0] and p.span[1] <= d for c, d in sources)
              and not other_role(doc, p, kind, first)]
    c_first, c_last = clause_of(doc, first, last)
    p_first, p_last = predicate_clause_of(doc, first, last)
    number = doc.tokens[first].sent
    listed = listed_places(doc, number, places) or dash_listed_places(doc, c_last, places)
    attached = _attached_places(doc, last, c_last, places)
    if attached:
        return listed_over_areas(attached, listed, places) or attached
    lines, digging = (set(doc.tokens[first].lemmas) & words for words in (TAKING_LINE_LEMMAS, DIGGING_IN_LEMMAS))
    positions = bool(lines or digging) and any(  # positions right after: "заняли ... рубежи", "закрепились на позициях"
        set(w.lemmas) & POSITION_LEMMAS for w in doc.tokens[last:min(c_last, last + POSITION_REACH)])
    if lines and positions:
        # "заняли более выгодные рубежи и позиции, нанесли поражение ... в районах X, Y": lines, not X or Y; "заняли
        # выгодные позиции на окраинах Селидово и продолжают наступление ...": its own predicate's place
        return place_keys_within(places, [doc.char_span(p_first, p_last)], LOCAL_OVER_COUNTRY)
    if set(doc.tokens[first].lemmas) & IMPROVING_LEMMAS \
            and any(t.pos in ("VERB", "GRND") for t in doc.tokens[last:s.last]):
        # "улучшили положение по переднему краю и нанесли поражение (отразив атаки) ... в районах X, Y": a gain along
        # the line, at no place of its own; the places are the next act's (with no act after it: "улучшено положение
        # по переднему краю в районах X и Y", they are its own)
        return ()
    if digging and positions:
        # dug in on lines ("вийшли з Авдіївки та закріпилися на підготовлених позиціях"), not in the place left
        places = [p for p in places if not after_origin_preposition(doc, p)]
    objects = _object_places(doc, last, c_last, places)
    noun = _settlement_object(doc, last, c_last) if not objects else None
    if noun is not None and _unplaced_name_after(doc, noun, named):
        return ()  # "освободили населенный пункт Паращиновка": a village no gazetteer knows, no other place
    bare = noun if noun is not None and not _place_after(doc, noun, named) else None
    referred = settlement_referred_to(doc, bare, bare + 1, named) if bare is not None else ()
    if referred:
        return referred  # "взятие города позволит начать наступление на Краматорск": the town named before
    facility = () if objects or noun is not None else facility_referred_to(doc, last, c_last, named)
    if facility and not any(s.start <= p.span[0] < s.end and p.level == "settlement" for p in places):
        return facility  # "подтвердил удар по нефтебазе": the town the depot was named at before
    if any(not is_resolved(p) for p in objects):
        # its object is a village the gazetteer cannot settle ("заняли село Шевченко", one of seventeen in Donetsk
        # Oblast): the event happened there, not at a town its clause names beside it ("в районе Курахово"); the
        # settled ones of a list of objects stay ("Обстріляли с. Кам'янка та смт Велика Писарівка")
        return tuple(dict.fromkeys(event_place_key(p) for p in objects if is_resolved(p)))
    # a town in the genitive of another act before the trigger ("взятие села Липцы открывает путь для
    # наступления") is that act's place, said of what it leads to: not where this event happens
    places = [p for p in places if not (s.start <= p.span[0] < doc.tokens[first].start and _of_act_noun(doc, p))]
    # the trigger's own stretch, when it names a place below a country (a country alone there gives way to a
    # settlement of the clause, as a country does within one scope: "не підкорить Харків, не підкорить Україну")
    a, b = doc.char_span(p_first, p_last)
    stretch = [(a, b)] if any(a <= p.span[0] < b and p.level != "country" for p in places) else []
    if not any(a <= p.span[0] < b for p in places) and opens_relative_clause(doc, p_first) and p_first - 1 > s.first:
        # "..., которую ранее захватили ВСУ": the noun the relative clause hangs on, right before its comma
        antecedent = doc.char_span(max(s.first, p_first - 1 - ANTECEDENT_REACH), p_first - 1)
        stretch = [antecedent] if any(antecedent[0] <= p.span[0] < antecedent[1] for p in places) else []
    elif not any(a <= p.span[0] < b for p in places) and doc.tokens[p_first].lower in WHERE_ADVERBS \
            and p_first - 1 > s.first and doc.tokens[p_first - 1].text == ",":
        # "удары по Киеву, Кременчугу и Днепру, где погибли ...": "где" stands for the place right before its comma
        last_word = doc.tokens[p_first - 2]  # (the noun it stands for ends right at the comma)
        before = [p for p in places if p.span[0] <= last_word.start < p.span[1]]
        stretch = [before[-1].span] if before else []
    conditions = [doc.char_span(a, b) for a, b in conditions_after(doc, first, last)]
    # "готова начать переговоры, как только Украина выведет войска из ДНР, ЛНР ...": the places of a condition
    # set for the act are the condition's own act's
    places = [p for p in places if not any(a <= p.span[0] < b for a, b in conditions)]
    if any(t.text == ";" for t in doc.tokens[s.first:s.last]):
        # items of a list ("коротко: заняли два села; под Лиманом столкновения; ...") each say
        # where they happen, or nowhere: neither the other items' places nor the sentence before; a bare "города"
        # of the item refers back ("...; в ВСУ говорили, что удерживают северную часть города")
        return place_keys_within(places, stretch + [doc.char_span(c_first, c_last)], LOCAL_OVER_COUNTRY) \
            or settlement_referred_to(doc, c_first, c_last, named)
    if not any(a <= p.span[0] < b for p in places) \
            and any(names_quarter(doc, k, p_first, IN_PREPOSITIONS) for k in range(p_first, p_last)):
        return ()  # "контрнаступление на юге не дало результатов, а ... заняли Бахмут": a quarter, no other act's town
    found = place_keys_within(places, stretch + [doc.char_span(c_first, c_last), (s.start, s.end)],
                              LOCAL_OVER_COUNTRY)
    # (a facility's town may be named anywhere, in a source too: "Глава Новой Каховки" for "Каховской ГЭС")
    found = listed_over_areas(found, listed, places) or found or facility_place_keys(doc.text, (s.start, s.end),
                                                                                     named, kind)
    found = found or broken_down_places(doc, number, places) \
        or _institution_town(doc, c_first, c_last, kind, named, headline_keys)
    if found:
        return found
    inherited = context_place_keys(doc, first, c_first, c_last, kind, places, named, headline_keys)
    return speakers_area_keys(doc, first, kind, named, attributions, inherited) or inherited


def _key(place: Place) -> str:
    return event_place_key(place)


def actor_phrases(doc: CyrDoc, sentence: int, places: Sequence[Place]) -> list[tuple[int, int]]:
    """Character spans of the genitive phrases naming who acts after act and force nouns in a sentence
    ("відбити спробу Росії", "отразили атаку российских войск", "армия России", "подразделения мотострелковой
    бригады ВС РФ"): the phrase holds a country or a force noun. Places inside them are the actor's, not
    the event's (as events._noun_phrase in English)."""
    s = doc.sents[sentence]
    spans = []
    for k in range(s.first, s.last - 1):
        w = doc.tokens[k]
        if w.pos != "NOUN" or not set(w.lemmas) & (ACT_NOUN_LEMMAS | FORCE_LEMMAS):
            continue
        end = k + 1
        while end < s.last and (_in_genitive_phrase(doc.tokens[end], places) or _quoted_name(doc, end)):
            end += 1
        if end == k + 1:
            continue
        span = doc.char_span(k + 1, end)
        inside = [p for p in places if span[0] <= p.span[0] and p.span[1] <= span[1]]
        if any(p.level in ACTOR_PLACE_LEVELS for p in inside) \
                or any(set(t.lemmas) & FORCE_LEMMAS for t in doc.tokens[k + 1:end]):
            spans.append(span)
    return spans


def _quoted_name(doc: CyrDoc, k: int) -> bool:
    """True for a quotation mark or a capitalised word right after one (a unit's name: бригада «Шторм»)."""
    t = doc.tokens[k]
    return t.text in QUOTE_MARKS or (t.is_title and k > 0 and doc.tokens[k - 1].text in QUOTE_MARKS)


def _in_genitive_phrase(t: Token, places: Sequence[Place]) -> bool:
    """True for a word that continues a genitive phrase: a noun or adjective in the genitive, an
    abbreviation ("ВСУ", "РФ"), or a place name (its case often read otherwise: "Росії" as dative)."""
    if not t.is_word:
        return False
    if "gent" in t.tags and t.pos in ("NOUN", "ADJF", "PRTF", "NPRO") or t.text.isupper() and len(t.text) > 1:
        return True
    return any(p.span[0] <= t.start < p.span[1] for p in places)



def _attached_places(doc: CyrDoc, last: int, clause_end: int, places: Sequence[Place]) -> tuple[str, ...]:
    """The places of a locative phrase right after a trigger ("создали буферную зону в Сумской области"),
    unless it only names the oblast or raion of a settlement elsewhere in the clause ("Липцы заняты в
    Харьковской области": the village places the event, the oblast only locates it)."""
    toks = doc.tokens
    prep = _preposition_after(doc, last, clause_end)
    if prep is not None and any(toks[last].start <= p.span[0] < toks[prep].start for p in places):
        prep = None  # "заняли Степовое под Авдеевкой": the object, not the town it lies near
    if prep is None:
        near = _object_places(doc, last, clause_end, places)
        if near and all(p.level == "country" for p in near):
            # a country in the genitive after a noun is whose act it is ("злочинів Росії"); after a verb it gives
            # way to a place below a country in the clause, as in one scope ("не захватит Харьков, не захватит
            # Украину")
            start, end = doc.char_span(clause_of(doc, last - 1, last)[0], clause_end)
            if toks[last - 1].pos == "NOUN" or any(start <= q.span[0] < end and q.level != "country" for q in places):
                return ()
        return () if _only_locates(doc, last, near, places) else place_keys(near, LOCAL_OVER_COUNTRY)
    end = prep + 1
    named = _place_tokens(doc, places)
    while end < clause_end and (toks[end].pos != "VERB" or end in named) and (  # ("Малую Локню": read as a verb)
            toks[end].text not in (",", ".", ";", ":", "—", "–")
            or _list_goes_on(doc, end, clause_end, places, toks[prep].lower)):
        end += 1
    span = doc.char_span(prep, end)
    near = [p for p in places if span[0] <= p.span[0] < span[1] and (doc.token_at(p.span[0]) or 0) - prep <= PP_REACH]
    if _only_locates(doc, last, near, places):
        return ()
    in_pp = [p for p in places if span[0] <= p.span[0] and p.span[1] <= span[1]]
    return place_keys_within(in_pp, [span], LOCAL_OVER_COUNTRY)


def _list_goes_on(doc: CyrDoc, comma: int, clause_end: int, places: Sequence[Place], prep: str | None = None) -> bool:
    """True for a comma that continues a list of places: a place (after "и", "та" or not, or the list's preposition
    ``prep`` again) with no predicate right after it comes next ("по Харькову, Сумам и Чернигову", "в районе
    Торецка, Часова Яра и Покровска", "удари по Львову, по Дніпропетровщині")."""
    starts = {doc.token_at(p.span[0]) for p in places}
    places_words = _place_tokens(doc, places)
    if doc.tokens[comma].text != ",":
        return False
    nxt = comma + 1
    if nxt < clause_end and doc.tokens[nxt].lower in LIST_JOINERS:
        nxt += 1
    repeated = nxt + 1 < clause_end and prep is not None and doc.tokens[nxt].lower == prep
    if repeated:  # (a place after a preposition is no subject of a predicate after it)
        return nxt + 1 in starts
    if nxt + 1 < clause_end and (doc.tokens[nxt].lower, doc.tokens[nxt + 1].lower) in ALSO_PAIRS:
        # "пошкоджено ДніпроГЕС у Запоріжжі, а також об'єкти у Харкові": more of the same, somewhere else
        k = nxt + 2
        while k < min(clause_end, nxt + 2 + ALSO_OBJECT_WORDS) and doc.tokens[k].pos in ("NOUN", "ADJF", "PRTF"):
            k += 1
        nxt = k + 1 if k < clause_end and doc.tokens[k].lower in LOCATIVE_PREPOSITIONS else k
    if nxt >= clause_end or nxt not in starts:
        return False
    # a place with its own predicate right after it starts a new clause ("по Харькову, Одесса готовится")
    after = next((j for j in range(nxt + 1, clause_end) if j not in places_words), clause_end)
    return after >= clause_end or doc.tokens[after].pos not in PREDICATE_POS


def _place_tokens(doc: CyrDoc, places: Sequence[Place]) -> set[int]:
    """The indexes of the tokens the places cover."""
    return {k for p in places for k in range(doc.token_at(p.span[0]) or 0, (doc.token_at(p.span[1] - 1) or 0) + 1)}


def _only_locates(doc: CyrDoc, last: int, near: Sequence[Place], places: Sequence[Place]) -> bool:
    """True when ``near`` is empty or only names the oblast or raion of a settlement elsewhere in the sentence."""
    sentence = doc.sentence_of(last - 1)
    settlements = [q for q in places if sentence.start <= q.span[0] < sentence.end and q.level == "settlement"
                   and q not in near and not _of_act_noun(doc, q)]
    return not near or all(p.level in ("oblast", "raion") for p in near) and any(
        place_within(q, p) for p in near for q in settlements)


def _object_places(doc: CyrDoc, last: int, clause_end: int, places: Sequence[Place]) -> list[Place]:
    """The places named right after a trigger with no preposition between, its object ("обстреляли Херсон",
    "обстрел Шебекино", "освободили населённые пункты Работино и Вербовое"): the first and those listed
    after it with commas, "и", "та" or nothing between ("Работино Запорожской области"); and the objects of the
    clauses that leave the verb out after it ("..., а группировки «Восток» — Ольговку")."""
    starts = {doc.token_at(p.span[0]): p for p in places}
    found, j = _listed_objects(doc, last, clause_end, starts)
    for k in range(j, clause_end):
        if found and gapping_dash(doc, k):
            found += _listed_objects(doc, k + 1, clause_end, starts)[0]
    return found


def _settlement_object(doc: CyrDoc, last: int, clause_end: int) -> int | None:
    """The token of a singular settlement noun right after a trigger, past one adjective or demonstrative ("взятие
    города", "заняли этот населенный пункт"), or of a plural one after a demonstrative ("об утрате этих сел");
    else None."""
    toks = doc.tokens
    j = last
    pointed = j < clause_end and bool(set(toks[j].lemmas) & DEMONSTRATIVE_LEMMAS)
    if j < clause_end and toks[j].pos in ("ADJF", "PRTF", "NPRO") and not set(toks[j].lemmas) & OBJECT_NOUN_LEMMAS:
        j += 1
    while j + 1 < clause_end and set(toks[j].lemmas) & SETTLEMENT_ADJECTIVES:
        j += 1
    if j >= clause_end or not set(toks[j].lemmas) & (OBJECT_NOUN_LEMMAS - {"территория", "територія"}) \
            or not has_reading(toks[j].text, doc.language, "NOUN", *(() if pointed else ("sing",))):
        return None  # (a noun in any reading: "сел" reads first as the verb "сесть")
    return j


def _place_after(doc: CyrDoc, noun: int, places: Sequence[Place]) -> bool:
    """True when a place starts right after token ``noun`` (the settlement noun names it: "село Работино")."""
    return noun + 1 < len(doc.tokens) and any(p.span[0] == doc.tokens[noun + 1].start for p in places)


def _unplaced_name_after(doc: CyrDoc, noun: int, places: Sequence[Place]) -> bool:
    """True when a capitalised word of the sentence that is no place comes right after the settlement noun at
    ``noun``: the name of a village the gazetteer lacks ("населенный пункт Паращиновка"), which the noun does
    not refer back from."""
    nxt = doc.tokens[noun + 1] if noun + 1 < len(doc.tokens) else None
    return nxt is not None and nxt.sent == doc.tokens[noun].sent and nxt.is_word and nxt.is_title \
        and not _place_after(doc, noun, places)


def _listed_objects(doc: CyrDoc, j: int, clause_end: int, starts: dict[int | None, Place]) -> tuple[list[Place], int]:
    """The places listed from token j on (past an object noun before them, and an item's area after it), and the
    token where the list ends."""
    toks = doc.tokens
    first = j
    while j < min(clause_end, first + OBJECT_NOUN_WORDS) and set(toks[j].lemmas) & OBJECT_NOUN_LEMMAS:
        j += 1
    found: list[Place] = []
    while j < clause_end:
        place = starts.get(j)
        if place is not None:
            found.append(place)
            j = (doc.token_at(place.span[1] - 1) or j) + 1
        elif found and toks[j].lower in ("в", "во", "у") and (area := starts.get(j + 1)) is not None \
                and area.level in AREA_LEVELS:
            j = (doc.token_at(area.span[1] - 1) or j) + 1  # "Богдановка в ДНР и Кругляковка в Харьковской области"
        elif found and (toks[j].text == "," or toks[j].lower in LIST_JOINERS):
            k = j + 1  # past the next item's own settlement noun ("с. Кам'янка та смт Велика Писарівка"), and
            # its adjectives ("город Лисичанск и прилегающие (к нему) населенные пункты Белая Гора, ...")
            while k < clause_end and k not in starts and (set(toks[k].lemmas) & OBJECT_NOUN_LEMMAS or (
                    toks[k].pos in ("ADJF", "PRTF", "PREP", "NPRO", "NUMR") or set(toks[k].lemmas) & SOME_LEMMAS)
                    and k - j <= ITEM_MODIFIER_WORDS):
                k += 1
            if k + 1 < clause_end and toks[k].text == "," and (including := including_starting_at(doc, k + 1)):
                k += 1 + including  # "Лисичанск и ряд близлежащих населенных пунктов, в том числе Белая Гора, ..."
            if k not in starts:
                break
            j = k
        else:
            break
    return found, j


def _of_act_noun(doc: CyrDoc, place: Place) -> bool:
    """True for a place in the genitive of a deverbal noun before it, directly or after a settlement noun
    ("взятие Липцов", "освобождение города X", "звільнення села Y"): the place of that act, which may not
    be the place of the event it causes."""
    k = doc.token_at(place.span[0])
    if k is None or k == 0:
        return False
    j = k - 1
    while j > 0 and (doc.tokens[j].lemma in ("город", "місто", "село", "пункт", "поселок", "селище")
                     or doc.tokens[j].lemma in ("населенный", "населений")):
        j -= 1  # "освобождение города X", "взятие населенного пункта Y"
    noun = doc.tokens[j]
    return noun.pos == "NOUN" and noun.lemma.endswith(DEVERBAL_ENDINGS)


def _institution_town(doc: CyrDoc, c_first: int, c_last: int, kind: str, named: Sequence[Place],
                      headline_keys: Sequence[str]) -> tuple[str, ...]:
    """The town a capitalised place adjective of a name in the clause (tokens [c_first, c_last)) is named after ("по
    Полтавскому военному институту связи": Poltava; names are no places, section D of the guide), when the report,
    its headline too, names that town; () otherwise, for a type not placed by its context, and for an adjective
    before another name ("військо Київської Русі" is no Kyiv)."""
    if kind not in PLACE_INHERITING_TYPES:
        return ()
    keys = {event_place_key(p) for p in named if p.level == "settlement" and is_resolved(p)} | set(headline_keys)
    gaz = load_gazetteer()
    for t in doc.tokens[c_first:c_last]:
        common = t.i + 1 < c_last and doc.tokens[t.i + 1].is_word and doc.tokens[t.i + 1].text.islower()
        if t.is_title and t.pos == "ADJF" and t.i > doc.sentence_of(t.i).first and common:
            town = axis_place(gaz, adjective_lemma(t))
            if town is not None and (town.ref or town.id) in keys:
                return (town.ref or town.id,)
    return ()

