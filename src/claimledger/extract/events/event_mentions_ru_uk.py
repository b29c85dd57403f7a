"""Which Russian or Ukrainian event triggers tell an act already told (events_ru_uk.py): the annotation guide gives
one entry per distinct event per claimant (shared data/dev/README.md, section E), so a re-mention adds nothing.

A trigger is told again when it names victims of the casualties of the sentences before by a participle alone or
in a sentence of hospital care, when it is a strike told again through its weapon, or when it counts the explosions
or munitions of a strike told before it in its sentence (:func:`told_again`); a trigger of the same type, claimant
and sentence as an earlier one is the same act unless it counts, places or predicates differently (:func:`same_act`);
a control-ledger claim its speaker already gave in the report is not repeated (:func:`claim_repeated`). Pure: a
CyrDoc and the events found so far in, a decision out.
"""
from __future__ import annotations

from collections.abc import Sequence

from ...control import UNKNOWN, actor_side
from ...models import Event
from ..language.cyrillic import CyrDoc, plain_word
from ..event_places.event_places import LEDGER_KINDS
from ..event_places.predicate_clauses_ru_uk import opens_relative_clause, predicate_clause_of
from .event_polarity_ru_uk import event_polarity_ru_uk
from ..places.places_ru_uk import AXIS_SUFFIX
from .retold_events import weapons_named

# Letters of a trigger's first word that tell the same act told again ("освободили" / "освобождение": "освоб"), not
# another said of the same place ("вошли" / "под контролем").
TRIGGER_STEM_LETTERS = 5

# Weapons that do what a strike did when a report tells it again ("Одна з бомб зруйнувала будинок").
WEAPON_LEMMAS = frozenset({"бомба", "авиабомба", "авіабомба", "ракета", "снаряд", "дрон", "беспилотник", "безпілотник",
                           "шахед", "каб", "боеприпас", "боєприпас", "мина", "міна"})
EXPLOSION_STEMS = ("взрыв", "вибух", "боеприпас", "боєприпас", "снаряд")  # what a strike told beside them spent
ADJECTIVAL_ENDINGS = ("ый", "ий", "ой")  # lemmas of adjectives used as nouns ("раненый", "погибший", "поранений")
# Words of hospital care: victims taken to hospital are those of the casualties told before ("ранен мужчина ...
# Его госпитализировали", "Постраждалих госпіталізували"), no victims of their own.
CARE_STEMS = ("госпитализ", "госпіталіз", "шпиталіз")
AMONG_WORDS = frozenset({"среди", "серед"})  # "Среди раненых шестеро детей": some of the victims told before
# "из них" / "із них": a share of the victims counted just before ("Поранено 61 людину, 40 із них госпіталізовані"),
# within SHARE_REACH words before a casualty trigger.
OF_THEM = (("из", "них"), ("із", "них"), ("з", "них"))
SHARE_REACH = 4
# Sentences back, within the paragraph, that victims named again may refer to ("ранен мужчина. Он доставлен в ЦРБ.
# Пострадавшего госпитализировали ...").
VICTIMS_REACH = 2
SAME_COUNT_REACH = 6  # ... that victims counted again with the same number and harm may refer to
# Word starts of deaths and of injuries: victims counted again with the same number are the same only when both
# words tell the same harm.
HARM_STEMS = {"death": ("загин", "загибл", "погиб", "гибел", "вбив", "вбил", "убил", "убит", "убив", "вбит", "смерт",
                        "жертв", "помер", "умер", "сконч"),
              "injury": ("поран", "ранен", "ранил", "постражд", "пострад", "травм")}
DEGREE_PREFIXES = ("важко", "тяжко", "тяжело", "легко")  # of one word with its harm: "важкопоранених", "тяжелораненых"


# Phrases of the time or result of an act before a strike noun ("на момент удара", "під час обстрілу", "после удара",
# "в результате обстрела"), and the sentences back within which the strike they refer to is told.
TIME_OF_STRIKE = (("на", "момент"), ("в", "момент"), ("у", "момент"), ("во", "время"), ("під", "час"), ("после",),
                  ("після",), ("в", "результате"), ("внаслідок",), ("у", "результаті"), ("в", "результаті"))
STRIKE_AS_TIME_REACH = 2


def told_again(doc: CyrDoc, kind: str, first: int, last: int, quantity: int | None, where: Sequence[str],
               events: Sequence[Event]) -> bool:
    """True when the trigger [first, last) of type ``kind`` (with its count and places) retells an act of
    ``events``, the events found before it: victims named again, a strike told through its weapon, explosions
    of a strike."""
    return _victims_again(doc, kind, first, last, quantity, events) or _share_of_victims(doc, kind, first, events) \
        or _same_count_again(doc, kind, first, quantity, events) or _strike_again(doc, kind, first, events, where) \
        or _explosions_of_strike(doc, kind, first, last, events) or _strike_as_a_time(doc, kind, first, where, events)


def same_act(doc: CyrDoc, earlier: Event, kind: str, first: int, last: int, quantity: int | None,
             where: Sequence[str]) -> bool:
    """True when the trigger [first, last) states the act of ``earlier``, an event of the same type, claimant and
    sentence, again: not when it counts otherwise, names other places, is a predicate of its own after a noun, or
    counts settlements after a town taken ("вошли в Херсон и освободили более 40 населенных пунктов": more of them)."""
    counted_more = kind == "territory_control" and quantity is not None and earlier.quantity is None \
        and bool(earlier.places)
    return (quantity is None or earlier.quantity in (None, quantity)) and not counted_more \
        and not (where and earlier.places and set(where).isdisjoint(earlier.places) and not _on_axis(doc, earlier)) \
        and not _own_predicate_apart(doc, earlier, first, last) \
        and not _relative_clause_apart(doc, earlier, first, last)


def _relative_clause_apart(doc: CyrDoc, earlier: Event, first: int, last: int) -> bool:
    """True when the trigger [first, last) stands in a relative clause apart from ``earlier``'s ("могла б атакувати
    Київ, який вона обстрілювала торік"): the clause tells an act of its own."""
    k = doc.token_at(earlier.trigger[0])
    a, b = predicate_clause_of(doc, first, last)
    return k is not None and not a <= k < b and opens_relative_clause(doc, a)


def claim_repeated(doc: CyrDoc, event: Event, events: Sequence[Event], speakers: dict[str | None, str | None]) -> bool:
    """True when an earlier event of ``events`` already gives ``event``'s control-ledger claim (type, places,
    polarity, modality, the side of a named actor, the stem of the trigger's word) of the same speaker
    (``speakers``: attribution id -> speaker):
    "Российские войска освободили Гродовку, сообщили в Минобороны. «Подразделения группировки войск «Центр» ...
    освободили населенный пункт Гродовка», — говорится в сообщении" is one claim (the guide's one entry per event
    per claimant)."""
    side = actor_side(event.actor)  # (the control ledger's reading of an actor label)
    if event.type not in LEDGER_KINDS or not event.places or side == UNKNOWN:
        return False
    key = lambda e: (e.type, e.places, e.polarity, e.modality, speakers.get(e.claimed_by),
                     plain_word(doc.text[e.trigger[0]:e.trigger[1]].split()[0].lower())[:TRIGGER_STEM_LETTERS])
    claim = key(event)
    return any(key(e) == claim and actor_side(e.actor) == side for e in events)


def _on_axis(doc: CyrDoc, event: Event) -> bool:
    """True for an event a noun tells only on axes, which hold the settlements a re-mention names ("Наибольшее
    количество атак — на Покровском направлении — противник 52 раза пытался вытеснить ... в районах X, Y"); a verb's
    act on an axis is one of its own ("просунулися на Великоновосілківському напрямку, намагаються оточити ...")."""
    k = doc.token_at(event.trigger[0])
    return k is not None and doc.tokens[k].pos in ("NOUN", "ADJF") and bool(event.places) \
        and all(key.endswith(AXIS_SUFFIX) for key in event.places)


def names_act_better(doc: CyrDoc, earlier: Event, first: int, where: Sequence[str] = ()) -> bool:
    """True when a finite verb trigger follows a noun trigger of the same event in its sentence
    ("роботи гуманітарних коридорів ... ми евакуювали 100 тисяч людей"): the verb states the act; or when the later
    mention names settlements of an event told only on an axis."""
    k = doc.token_at(earlier.trigger[0])
    return k is not None and doc.tokens[k].pos in ("NOUN", "ADJF") and doc.tokens[first].pos == "VERB" \
        or any(not key.endswith(AXIS_SUFFIX) for key in where) and _on_axis(doc, earlier)


def merged_places(doc: CyrDoc, earlier: Event, where: Sequence[str]) -> tuple[str, ...]:
    """The places of a re-mention that replaces ``earlier``: an axis it was told on stays, before the settlements."""
    return tuple(dict.fromkeys([*earlier.places, *where])) if _on_axis(doc, earlier) else tuple(where)


def _own_predicate_apart(doc: CyrDoc, earlier: Event, first: int, last: int) -> bool:
    """True when the trigger [first, last) is a finite verb of a predicate stretch of its own, apart from that of
    an earlier noun trigger of the same type ("Бои за Авдеевку продолжаются третий день, российские войска
    продвинулись"): a second act, not the earlier one stated again."""
    k = doc.token_at(earlier.trigger[0])
    a, b = predicate_clause_of(doc, first, last)
    return k is not None and doc.tokens[k].pos == "NOUN" and doc.tokens[first].pos == "VERB" and not a <= k < b


def _victims_again(doc: CyrDoc, kind: str, first: int, last: int, quantity: int | None,
                   events: Sequence[Event]) -> bool:
    """True for victims named again by a participle alone, or in a sentence of hospital care (CARE_STEMS), with no
    count (or any count after AMONG_WORDS), after a casualties event of the VICTIMS_REACH sentences before in the
    paragraph ("... пострадали трое. Пострадавших доставили в больницу", "Постраждалих госпіталізували", "Среди
    раненых шестеро детей"): a re-mention, not a new event; "захоплені в полон" says more, and so do the wounded
    after the dead ("померли ще 12 людей. У лікарні залишаються ще десятки важкопоранених")."""
    t = doc.tokens[first]
    participle = t.pos in ("PRTF", "ADJF") or t.pos == "NOUN" and t.lemma.endswith(ADJECTIVAL_ENDINGS)  # "Раненых"
    among = participle and first > 0 and doc.tokens[first - 1].lower in AMONG_WORDS  # a part of them, counted or not
    if kind != "casualties" or quantity is not None and not among or last > first + 1 or t.sent == 0 \
            or event_polarity_ru_uk(doc, first) == "denied":  # "Погибших нет" says something new
        return False
    s = doc.sentence_of(first)
    if not participle and not any(plain_word(w.lower).startswith(CARE_STEMS) for w in doc.tokens[s.first:s.last]):
        return False  # (in a sentence of care, its injuries too: "госпитализировали с осколочными ранениями")
    harm = None if among else _harm(t.lower)  # (victims "among" those told are theirs, of any harm told)
    same_harm = [e for e in events
                 if harm is None or _harm(doc.text[e.trigger[0]:e.trigger[1]].lower()) in (None, harm)]
    return _told_just_before(doc, first, kind, same_harm, VICTIMS_REACH)


def _share_of_victims(doc: CyrDoc, kind: str, first: int, events: Sequence[Event]) -> bool:
    """True for a casualty trigger after "из них" / "із них" (OF_THEM) in a sentence whose earlier casualty event it
    counts a share of ("Поранено 61 людину, 40 із них госпіталізовані"), or the sentence before's."""
    toks = doc.tokens
    if kind != "casualties" or not any(tuple(w.lower for w in toks[k:k + 2]) in OF_THEM
                                       for k in range(max(0, first - SHARE_REACH), first)):
        return False
    return _told_earlier_in_sentence(doc, first, kind, events) or _told_just_before(doc, first, kind, events)


def _same_count_again(doc: CyrDoc, kind: str, first: int, quantity: int | None, events: Sequence[Event]) -> bool:
    """True for victims counted again with the number and harm of a casualty event of the SAME_COUNT_REACH sentences
    before in the paragraph ("Вчора 16 дітей загинуло. ... 16 дітей ти вбив!"): the same dead, told again."""
    if kind != "casualties" or quantity is None or quantity < 2:
        return False
    harm = _harm(doc.tokens[first].lower)
    alike = [e for e in events if e.quantity == quantity and harm is not None
             and _harm(doc.text[e.trigger[0]:e.trigger[1]].lower()) == harm]  # (not "Загинули 5. Поранено 5")
    return _told_just_before(doc, first, kind, alike, SAME_COUNT_REACH)


def _harm(word: str) -> str | None:
    """Whether a casualty word tells deaths or injuries (HARM_STEMS, past a DEGREE_PREFIXES), else None."""
    word = plain_word(word)
    word = next((word[len(p):] for p in DEGREE_PREFIXES if word.startswith(p)), word)
    return next((harm for harm, stems in HARM_STEMS.items() if word.startswith(stems)), None)


def _explosions_of_strike(doc: CyrDoc, kind: str, first: int, last: int, events: Sequence[Event]) -> bool:
    """True for explosions or munitions counted in the sentence of a strike told before them ("обстріляли 96 разів,
    зафіксовано 270 вибухів", "обстреляли 35 раз, выпустив 158 боеприпасов"): that strike's, no strike of their
    own."""
    if kind != "strike" or not any(plain_word(w.lower).startswith(EXPLOSION_STEMS) for w in doc.tokens[first:last]):
        return False
    return _told_earlier_in_sentence(doc, first, kind, events)


def _strike_again(doc: CyrDoc, kind: str, first: int, events: Sequence[Event], where: Sequence[str] = ()) -> bool:
    """True for a strike told again through what its weapon did, right after a strike of the sentence before in
    the paragraph ("Чотири авіабомби вдарили по місту. Одна з бомб зруйнувала житловий будинок"): a weapon
    noun before the trigger in its clause, named in the sentence before too, is the subject of a re-mention,
    not a new strike, unless the two name different places."""
    t = doc.tokens[first]
    if kind != "strike" or t.pos not in ("VERB", "PRTS") or t.sent == 0:
        return False
    s = doc.sentence_of(first)
    if not any(set(w.lemmas) & WEAPON_LEMMAS for w in doc.tokens[s.first:first] if w.pos == "NOUN"):
        return False
    # the same weapon, and no other place: "Ракета влучила в Харків. Дрони атакували ..." or "Ракета влучила в
    # Суми" is another strike
    before = doc.sents[t.sent - 1]
    if not weapons_named(doc.text, (s.start, s.end)) & weapons_named(doc.text, (before.start, before.end)):
        return False
    return "\n" not in doc.text[before.end:t.start] and any(
        e.type == kind and before.start <= e.trigger[0] < before.end
        and not (where and e.places and set(where).isdisjoint(e.places)) for e in events)


def _strike_as_a_time(doc: CyrDoc, kind: str, first: int, where: Sequence[str], events: Sequence[Event]) -> bool:
    """True for a strike noun in a phrase of the time or result of a strike told in the STRIKE_AS_TIME_REACH sentences
    before in its paragraph, with no place or one of that strike's ("Ракета попала в магазин. На момент удара там
    находились 200 человек", "Після удару спалахнула пожежа"): that strike again (one that adds a place tells where
    a strike told at none hit: "масовану атаку ... У Харкові після атаки")."""
    t = doc.tokens[first]
    if kind != "strike" or t.pos != "NOUN" or t.sent == 0:
        return False
    words = tuple(w.lower for w in doc.tokens[max(doc.sentence_of(first).first, first - 2):first])
    if not any(words[len(words) - len(phrase):] == phrase for phrase in TIME_OF_STRIKE):
        return False
    same = [e for e in events if not where or not set(where).isdisjoint(e.places)]
    return _told_just_before(doc, first, kind, same, STRIKE_AS_TIME_REACH)


def _told_earlier_in_sentence(doc: CyrDoc, first: int, kind: str, events: Sequence[Event]) -> bool:
    """True when an event of type ``kind`` is told before token ``first`` in its sentence."""
    s = doc.sentence_of(first)
    return any(e.type == kind and s.start <= e.trigger[0] < doc.tokens[first].start for e in events)


def _told_just_before(doc: CyrDoc, first: int, kind: str, events: Sequence[Event], reach: int = 1) -> bool:
    """True when one of the ``reach`` sentences before the trigger's (token ``first``, not the document's first), in
    the same paragraph, holds an event of type ``kind``: what a re-mention refers back to."""
    after = doc.tokens[first].start
    for before in doc.sents[max(0, doc.tokens[first].sent - reach):doc.tokens[first].sent][::-1]:
        if "\n" in doc.text[before.end:after]:  # (between sentences: one may hold a line break)
            return False
        if any(e.type == kind and before.start <= e.trigger[0] < before.end for e in events):
            return True
        after = before.start
    return False
