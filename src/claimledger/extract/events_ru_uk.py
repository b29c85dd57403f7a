"""Events in Russian and Ukrainian war reports: what is claimed to happen, by whom, where, when, how many.

``find_events_ru_uk(doc, attributions, places, published)`` takes a ``CyrDoc`` (cyrillic.py), the
attributions and places already found in it, and returns ``Event`` records in the same form as the
English extractor (events.py). There is no parser for Ukrainian, so the method works over tokens and
morphology:

* triggers come from ``data/lexicons/events_ru_uk.tsv``: each side's vocabulary for the same act
  ("освобождён", "взят под контроль" / "окупували", "захопили"; "отбили атаку" / "відбили штурм"),
  matched on pymorphy3 lemmas or word stems; longer matches win; flags gate ambiguous words (a place
  in the sentence for "освободили", people nearby for "уничтожено" as casualties);
* the type a match has in its context (event_senses_ru_uk.py: an attempt to take a place is fighting,
  civilians leaving are evacuated, ...); an assault noun a verb of repelling after it reports as repelled
  ("Атаки ... отражены") is that one attack_repelled;
* polarity from a negation just before the trigger ("не взяли", "не вдалося захопити", "без жертв"), "нет"
  after it ("Пострадавших нет") or a word calling the report untrue ("фейк", "не соответствует
  действительности"); modality (modality_ru_uk.py) from the future tense and cue words in the clause before
  it ("планируют наступление", "може бути обстріляний", "в случае ...") or the predicate after an act noun
  ("Переговоры могут пройти");
* the count is the number next to the trigger ("взяли три села", "загинули 5 осіб",
  "до 3 000 военнослужащих", "свыше 1,5 тыс."); percentages, distances, dates and unit numbers are not counts;
* the date is the nearest time expression in the sentence (dates_ru_uk.py, against the publication date),
  else a bulletin's window earlier in the paragraph, else the day an address has called "сьогодні";
* a sentence of thanks reports no event; a judgement noun ("злочин") as a predicate is no new event;
* places are the Place records in the trigger's clause, else its sentence, less those inside a phrase
  naming who acts (the subject, or the genitive after an act noun: "спробу Росії"); claimed_by is the
  attribution with the innermost content containing the trigger; one event per type and claimant per
  sentence, unless their counts differ; a control event (event_args_ru_uk.py) also takes every settlement
  coordinated with one of its places, since the control ledger counts one row per settlement.
"""
from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from ..errors import ModelError
from ..models import EVENT_TYPES, Attribution, Event, Place
from .cues_ru_uk import ANNOUNCING_LEMMAS, COMMENTING_LEMMAS
from .cyrillic import PREDICATE_POS, CyrDoc, Token, has_reading, plain_word
from .dates import dates_another
from .dates_ru_uk import find_time_expressions_ru_uk, speaking_day
from .datelines import outside_datelines
from .event_args_ru_uk import actor_of, coordinated_place_keys, holder_after, target_of
from .event_dates_ru_uk import when_of
from .event_places import event_place_key, is_resolved, names_facility, settled_places
from .event_mentions_ru_uk import claim_repeated, merged_places, names_act_better, same_act, told_again
from .event_places_ru_uk import QUOTE_MARKS, actor_phrases, event_place_keys
from .event_polarity import claimed_polarity, innermost_claimant
from .event_polarity_ru_uk import ABOUT_WORDS, event_polarity_ru_uk
from .event_senses_ru_uk import AERIAL_STEMS, ENTER_LEMMAS, event_sense_ru_uk, said_of_places
from .modality_ru_uk import event_modality_ru_uk
from .place_roles_ru_uk import ORIGIN_PREPOSITIONS, other_role
from .quantities_ru_uk import (
    PEOPLE_COUNT_REACH, PERSONNEL_AFTER_STEMS, PERSONNEL_STEMS, SETTLEMENT_LEMMAS, VICTIM_VERBS, find_count_ru_uk,
    in_unit_name, military_people, owner_of_thing, people_count_after,
)
from .retold_events import without_retold_strikes

LEXICON_FILE = "events_ru_uk.tsv"
# Ukrainian triggers induced from parallel addresses (scripts/induce_triggers_uk.py), read beside the hand
# lexicon with the same flags and context checks.
INDUCED_LEXICON_FILE = "events_uk_induced.tsv"
# Parts of a town whose taking is a gain of ground there ("заняли несколько зданий на улице Незалежности",
# "зайняли кілька кварталів"): a place flag's place, told by the paragraph; not to enter one ("зайшли в цю будівлю").
TOWN_PART_LEMMAS = frozenset({"здание", "будівля", "квартал", "многоэтажка", "багатоповерхівка", "микрорайон",
                              "мікрорайон", "улица", "вулиця", "окраина", "околиця"})
FLAGS = frozenset({"place", "place_object", "genitive", "aerial", "assault", "personnel", "materiel", "process",
                   "noun", "finite", "evaluative"})
# Abbreviated number words whose full stop an optional pattern word may take ("до 9 тыс. военнослужащих").
NUMBER_ABBREVIATIONS = frozenset({"тыс", "тис", "млн", "млрд"})
PLACE_OBJECT_WINDOW = 3  # words after a generic verb ("взяли") within which its place object must start
# Nouns of the surroundings of a place a force leaves ("отвод войск из районов Балаклеи").
AREA_NOUNS = frozenset({"район", "окрестность", "окраина", "околица", "околиця", "окраїна", "направление", "напрямок",
                        "остров", "острів"})
# Pronouns after "из"/"с" standing for a place a force leaves ("вывели с него гарнизон", "вийшли з нього").
PLACE_PRONOUNS = frozenset({"него", "нее", "неё", "них", "нього", "неї"})
# Word starts of an assault, which a verb of repelling needs in its sentence (flag "assault"), and whose
# noun is the same event as its repelling ("Атаки противника ... были отражены": one attack_repelled).
ASSAULT_STEMS = ("атак", "штурм", "наступ", "контратак", "контрнаступ", "попытк", "спроб", "натиск", "прорыв",
                 "прорив", "прорв", "вылазк", "вилазк", "пытал", "намага", "проникн")
REPELLED_WINDOW = 8  # words between an assault noun and the verb of repelling it
# Words saying that a war or an operation proceeds (flag "process").
PROCESS_LEMMAS = frozenset({"идти", "продолжаться", "продолжать", "начаться", "начать", "вестись", "вести",
                            "развернуть", "тривати", "почати", "почитися", "розпочати", "розпочатися",
                            "вестися", "йти", "іти", "продовжуватися", "продовжуватись", "прийти", "продолжиться",
                            "продовжитися", "завершиться", "завершитися", "закончиться", "закінчитися",
                            "начало", "початок"})  # ("объявил о начале операции")
SINCE_PREPOSITIONS = frozenset({"с", "со", "з", "із", "зі", "от", "від", "до", "после", "після"})  # of a time
BEGINNING_LEMMAS = frozenset({"начало", "початок"})  # ... from whose beginning it runs
# Words that make a judgement noun ("злочин") a predicate or a reference back to an event already told
# ("Це воєнний злочин", "є злочином", "за цей злочин"): a verdict on that event, not another one.
PREDICATE_LEMMAS = frozenset({"це", "цей", "той", "такий", "є", "бути", "это", "этот", "тот", "такой", "являться",
                              "являтися", "стать", "стати"})
PREDICATE_WINDOW = 3  # words before an evaluative noun searched for them
# Nouns an adjective trigger names a kind of ("штурмовые группы", "ударные дроны"): not an event.
UNIT_LEMMAS = frozenset({"группа", "група", "подразделение", "підрозділ", "бригада", "отряд", "загін", "батальон",
                         "полк", "авиация", "авіація", "дрон", "беспилотник", "безпілотник", "вертолет", "вертоліт",
                         "самолет", "літак", "корабль", "корабель", "комплекс", "войска", "військо",
                         # ... and institutions ("Окупаційна адміністрація", "оккупационные власти"): who, not an act
                         "администрация", "адміністрація", "власть", "влада", "суд", "режим", "армия", "армія"})
# Words of thanks: an address's thanks ("Вдячний кожному, хто забезпечив переміщення людей гуманітарним
# коридором") is a ritual, not a report; the acts it names before or after are told elsewhere if at all.
THANKS_LEMMAS = frozenset({"вдячний", "дякувати", "подякувати", "подяка", "вдячність", "спасибі", "благодарить",
                           "поблагодарить", "благодарный", "признательный", "благодарность", "спасибо"})
# Verbs that only name a topic ("обсудили эвакуацию", "не стали комментировать удар"): the event is not reported;
# commenting does so only negated (one comments on an act that happened: "прокоментував наступ у Курській області").
TOPIC_LEMMAS = frozenset({"обсудить", "обсуждать", "обговорити", "обговорювати", "обсуждение", "обговорення"})
SUBJECT_WORDS = 4  # words of a subject phrase between its head (a trigger) and the comma before an according-to
IN_ADVANCE = frozenset({"заранее", "заблаговременно", "завчасно", "заздалегідь"})
NEGATION_REACH = 2  # words before a commenting verb its negation may stand at ("не стали комментировать")
# Verbs of retreating, which negated and not past say a resolve ("Ми не відступаємо", "не отступим").
RETREAT_LEMMAS = frozenset({"отступать", "отступить", "відступати", "відступити"})
# Nouns of an area named after what troops do there ("районы сосредоточения", "пункти дислокації"): no act told.
STAGING_AREA_LEMMAS = frozenset({"район", "пункт", "место", "місце"})
# Words of avoiding: "щоб уникнути втрат", "во избежание потерь" name an event that is kept from happening.
AVOIDED_LEMMAS = frozenset({"избежание", "избежать", "избегать", "уникнення", "уникнути", "уникати"})
PERSONNEL_WINDOW = 6  # words around "уничтожено" searched for people
# Word starts of captivity: "освобождены из плена", "звільнили з полону" free people, not a place.
CAPTIVITY_STEMS = ("плен", "полон", "заложник", "заручник")
FROM_WORDS = frozenset({"от", "від", "из", "з", "із"})
FREEING_STEMS = ("освобод", "освобожд", "звільн")  # verbs of freeing, which free places or people
FREED_WINDOW = 4  # words after a verb of freeing within which its first noun says whom or what it frees
@dataclass(frozen=True)
class _Item:
    lemmas: frozenset[str]
    stems: tuple[str, ...]
    optional: bool = False

    def matches(self, t: Token) -> bool:
        if not t.is_word:
            return False
        word = plain_word(t.lower)
        return bool(self.lemmas.intersection(t.lemmas)) or word in self.lemmas \
            or any(word.startswith(s) for s in self.stems)


@dataclass(frozen=True)
class _Row:
    type: str
    items: tuple[_Item, ...]
    languages: frozenset[str]
    flags: frozenset[str]



@functools.lru_cache(maxsize=1)
def load_event_lexicon_ru_uk() -> tuple[_Row, ...]:
    """Return the Russian/Ukrainian trigger lexicon as parsed rows: the hand lexicon, then the induced one."""
    rows = []
    for name in (LEXICON_FILE, INDUCED_LEXICON_FILE):
        try:
            text = resources.files("claimledger").joinpath("data", "lexicons", name).read_text(encoding="utf-8")
        except (OSError, ModuleNotFoundError) as error:
            raise ModelError(f"event lexicon {name} cannot be read: {error}") from error
        rows += _parse_rows(text, name)
    return tuple(rows)


def _parse_rows(text: str, name: str) -> list[_Row]:
    """Rows of one lexicon file (columns: type, pattern, language, flags)."""
    rows = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        flags = frozenset(f.strip() for f in cells[3].split(",") if f.strip()) if len(cells) > 3 else frozenset()
        if len(cells) < 3 or cells[0] not in EVENT_TYPES or not flags <= FLAGS:
            raise ModelError(f"{name}:{number}: bad lexicon row {line!r}")
        items = []
        for word in cells[1].split():
            if word == "*":
                items.append(_Item(frozenset(), (), optional=True))
                continue
            alternatives = [plain_word(a) for a in word.split("|")]
            items.append(_Item(frozenset(a for a in alternatives if not a.endswith("~")),
                               tuple(a[:-1] for a in alternatives if a.endswith("~"))))
        languages = frozenset({"ru", "uk"}) if cells[2] == "both" else frozenset({cells[2]})
        rows.append(_Row(cells[0], tuple(items), languages, flags))
    return rows


PREFIX_CHARS = 2  # the shortest stem of a pattern's first word ("бо~"-like stems index under two letters)


@functools.lru_cache(maxsize=4)
def _row_index(language: str) -> tuple[dict[str, list[_Row]], dict[str, list[_Row]]]:
    """Rows of one language by the lemmas of their first word and by the first letters of its stems,
    so that each token is tried only against the rows that can start with it."""
    by_lemma: dict[str, list[_Row]] = {}
    by_prefix: dict[str, list[_Row]] = {}
    for row in load_event_lexicon_ru_uk():
        if language not in row.languages:
            continue
        for lemma in row.items[0].lemmas:
            by_lemma.setdefault(lemma, []).append(row)
        for stem in row.items[0].stems:
            by_prefix.setdefault(stem[:PREFIX_CHARS], []).append(row)
    return by_lemma, by_prefix


def _match(doc: CyrDoc, i: int, items: tuple[_Item, ...]) -> int | None:
    """End (exclusive) of a match of items starting at token i, else None."""
    toks, k = doc.tokens, i
    for n, item in enumerate(items):
        if item.optional:  # the next word that is no optional one is not taken ("вернули * * позиции")
            nxt = next((later for later in items[n + 1:] if not later.optional), None)
            abbreviation = toks[k].text == "." and k > i and toks[k - 1].lower in NUMBER_ABBREVIATIONS if k < len(toks) else False
            quote = k < len(toks) and toks[k].text in QUOTE_MARKS  # "били «Градами» по": a name's marks
            if k < len(toks) and (toks[k].is_word or toks[k].text[:1].isdigit() or abbreviation or quote) \
                    and toks[k].sent == toks[i].sent and not (nxt is not None and nxt.matches(toks[k])):
                k += 1
            continue
        if k >= len(toks) or toks[k].sent != toks[i].sent or not item.matches(toks[k]):
            if n > 0 and items[n - 1].optional and k - 1 > i and item.matches(toks[k - 1]):
                continue
            return None
        k += 1
    return k


def find_triggers_ru_uk(doc: CyrDoc, places: Sequence[Place] = ()) -> list[tuple[str, int, int]]:
    """Return (event type, first token, last token exclusive) for each lexicon match, in text order;
    on overlap the longer match wins."""
    by_lemma, by_prefix = _row_index(doc.language)
    place_tokens = {t.i for p in places for t in doc.tokens if p.span[0] <= t.start < p.span[1]}
    found = []
    for t in doc.tokens:
        if not t.is_word or t.i in place_tokens:
            continue
        word = plain_word(t.lower)
        rows = {id(r): r for key in (*t.lemmas, word) for r in by_lemma.get(key, ())}
        rows.update((id(r), r) for r in by_prefix.get(word[:PREFIX_CHARS], ()))
        for row in rows.values():
            if not row.items[0].matches(t):
                continue
            end = _match(doc, t.i, row.items)
            if end is not None and _passes_flags(doc, t.i, end, row, places):
                found.append((row.type, t.i, end))
    found.sort(key=lambda f: (-(f[2] - f[1]), f[1]))
    taken: list[tuple[str, int, int]] = []
    used: set[int] = set()
    for kind, first, last in found:
        if used.isdisjoint(range(first, last)):
            taken.append((kind, first, last))
            used.update(range(first, last))
    return [f for f in sorted(taken, key=lambda f: f[1]) if not _repelled_assault(doc, f, taken)]


def _repelled_assault(doc: CyrDoc, trigger: tuple[str, int, int], triggers: list[tuple[str, int, int]]) -> bool:
    """True for a clash named by an assault noun that a verb of repelling after it in its sentence reports as
    repelled, its subject ("Атаки противника в районе X были отражены"): one event, the attack_repelled. An
    assault after the verb is kept ("відбити спробу Росії наступати на Харків": the war_reports_dev tune half
    annotates both)."""
    kind, first, last = trigger
    if kind != "clash" or not plain_word(doc.tokens[first].lower).startswith(ASSAULT_STEMS):
        return False
    for other, a, b in triggers:
        if other == "attack_repelled" and doc.tokens[a].sent == doc.tokens[first].sent \
                and 0 <= a - last <= REPELLED_WINDOW and not any(t.text == ";" for t in doc.tokens[last:a]):
            return True
    return False


def _sentence_tokens(doc: CyrDoc, i: int) -> list[Token]:
    s = doc.sentence_of(i)
    return doc.tokens[s.first:s.last]


def _paragraph_sentence_before(doc: CyrDoc, i: int) -> list[Token]:
    """The tokens of the sentence before token i's, when no paragraph break parts them; else none."""
    number = doc.tokens[i].sent
    if number == 0 or "\n" in doc.text[doc.sents[number - 1].end:doc.sents[number].start]:
        return []
    before = doc.sents[number - 1]
    return doc.tokens[before.first:before.last]


def _passes_flags(doc: CyrDoc, first: int, last: int, row: _Row, places: Sequence[Place]) -> bool:
    t = doc.tokens[first]
    if "noun" in row.flags and t.pos != "NOUN":
        return False
    if "finite" in row.flags and (t.pos == "INFN" or "infn" in t.tags):
        return False
    if set(t.lemmas) & RETREAT_LEMMAS and "past" not in t.tags and first > 0 \
            and doc.tokens[first - 1].lower in ("не", "ні"):
        return False  # "Ми не відступаємо", "не отступим": a resolve, no report of a withdrawal
    if row.type == "other" and first > 0 and set(doc.tokens[first - 1].lemmas) & STAGING_AREA_LEMMAS:
        return False  # "удары по районам сосредоточения", "районах зосередження": where troops gather, struck
    sentence = _sentence_tokens(doc, first)
    if "place" in row.flags:
        s = doc.sentence_of(first)
        if not any(s.start <= p.span[0] < s.end for p in places) \
                and not any(set(w.lemmas) & (SETTLEMENT_LEMMAS if set(t.lemmas) & ENTER_LEMMAS
                                             else SETTLEMENT_LEMMAS | TOWN_PART_LEMMAS) for w in sentence) \
                and not names_facility(doc.text, (s.start, s.end)):  # (the table's patterns, asked last)
            return False
    if "place_object" in row.flags:
        window = doc.tokens[last:min(doc.sentence_of(first).last, last + PLACE_OBJECT_WINDOW)]
        if row.type == "territory_control":  # a place after "с"/"из" is where something comes from, no place taken
            # ("вернула с подконтрольной Киеву территории 75 военнослужащих"; "вернуть Крым" takes one back)
            window = list(itertools.takewhile(lambda w: w.lower not in ORIGIN_PREPOSITIONS, window))
        elif row.type == "withdrawal":  # "уходят из Херсона", "из районов Балаклеи"; not "ушел из жизни в Херсоне"
            window = list(itertools.takewhile(
                lambda w: w.pos != "NOUN" or set(w.lemmas) & (SETTLEMENT_LEMMAS | AREA_NOUNS)
                or any(p.span[0] <= w.start < p.span[1] for p in places), window))
        if "genitive" in row.flags:  # "потеря Авдеевки", not "потери под Авдеевкой" (a loss of people near it)
            window = list(itertools.takewhile(lambda w: w.pos != "PREP", window))
        # (a country in the genitive is whose loss it is: "втрати Росії будуть такими", no land lost)
        held = [p for p in places if not ("genitive" in row.flags and p.level == "country")]
        if row.type == "withdrawal" and any(w.lower in PLACE_PRONOUNS and w.i > 0
                                            and doc.tokens[w.i - 1].lower in ORIGIN_PREPOSITIONS for w in window[:2]):
            pass  # "вывели с него гарнизон": the place a pronoun stands for, named before
        elif not any(set(w.lemmas) & SETTLEMENT_LEMMAS or any(p.span[0] <= w.start < p.span[1] for p in held)
                     for w in window):
            return False
    if "personnel" in row.flags or "materiel" in row.flags:
        start = max(0, first - PERSONNEL_WINDOW)
        if t.pos in PREDICATE_POS and row.type != "evacuation" and last < len(doc.tokens) \
                and doc.tokens[last].pos in ("NOUN", "ADJF", "NUMB"):
            # what a predicate destroys stands in its clause ("Потери составили до 500 военнослужащих, уничтожены
            # танк и шесть машин": machines), not in the clause before ("187 окупантів, 72 з них – ліквідовано")
            start = max([start] + [k + 1 for k in range(start, first) if doc.tokens[k].text in (",", ";", ":")])
        near = doc.tokens[start:last + PERSONNEL_WINDOW]
        people = any((plain_word(w.lemma).startswith(PERSONNEL_STEMS) or military_people(doc, w, last)
                      or w.i >= last and plain_word(w.lemma).startswith(PERSONNEL_AFTER_STEMS))
                     and not in_unit_name(doc, w.i) and not owner_of_thing(doc, w.i)
                     for w in near if w.is_word and w.sent == t.sent) \
            or people_count_after(doc, last, min(doc.sentence_of(first).last, last + PEOPLE_COUNT_REACH),
                                  past_others=True) is not None
        if people != ("personnel" in row.flags):
            return False
    if "evaluative" in row.flags and ("ablt" in t.tags or any(
            set(w.lemmas) & PREDICATE_LEMMAS for w in doc.tokens[max(doc.sentence_of(first).first, first - PREDICATE_WINDOW):first])):
        return False
    if "aerial" in row.flags and not any(plain_word(w.lower).startswith(AERIAL_STEMS) for w in sentence):
        return False
    if "assault" in row.flags and not any(plain_word(w.lower).startswith(ASSAULT_STEMS)
                                          for w in [*_paragraph_sentence_before(doc, first), *sentence]):
        return False  # ("ДРГ предприняла попытку проникновения ... Противник отброшен": the attempt told before)
    if "process" in row.flags and not any(set(w.lemmas) & PROCESS_LEMMAS and not (
            w.i > 0 and doc.tokens[w.i - 1].lower in SINCE_PREPOSITIONS) for w in sentence):
        return False  # ("с начала операции": a time; "объявил о начале операции" tells it begins)
    if first >= 2 and set(doc.tokens[first - 1].lemmas) & BEGINNING_LEMMAS \
            and doc.tokens[first - 2].lower in SINCE_PREPOSITIONS:
        return False  # "С начала боевых действий на этом направлении потери составили ...": a time, not an act
    if t.pos in ("ADJF", "PRTF") and last == first + 1 and last < len(doc.tokens) \
            and set(doc.tokens[last].lemmas) & UNIT_LEMMAS:
        return False
    if row.type == "territory_control" and plain_word(t.lower).startswith(FREEING_STEMS) \
            and _frees_people(doc, first, last):
        return False
    before = doc.tokens[max(doc.sentence_of(first).first, first - 3):first]
    governing = next((w for w in reversed(before) if w.pos not in ("ADJF", "PRTF")), None)
    if governing is not None and set(governing.lemmas) & AVOIDED_LEMMAS:
        return False  # "уникнути втрат", "избежать больших потерь": the verb before keeps it from happening
    if any(_names_topic(doc, w) for w in before):
        return False
    # ... also after an act noun it governs, fronted ("Информацию о взятии Андреевки в Минобороны не комментировали",
    # "Взятие Андреевки не комментировали"): the first verb after the noun names it as a topic
    # (a word that also reads as a noun is no sure verb: "не стали комментировать", "стали" also of сталь)
    verb = next((w for w in doc.tokens[last:doc.sentence_of(first).last] if w.pos in ("VERB", "INFN")
                 and not has_reading(w.text, doc.language, "NOUN")), None)
    governed = bool(t.tags & {"accs", "nomn"}) or first > 0 and doc.tokens[first - 1].lower in ABOUT_WORDS
    return not (t.pos == "NOUN" and governed and verb is not None and _names_topic(doc, verb))


def _adjunct_after_subject(doc: CyrDoc, first: int, last: int, attributions: Sequence[Attribution]) -> str | None:
    """The according-to attribution set off by commas right after a trigger in the nominative, whose content is the
    predicate after it ("Потери украинской стороны, по предварительным данным, составили до 90 человек"): the event
    is the subject just outside that content (annotation guide, section E), else None."""
    if not has_reading(doc.tokens[first].text, doc.language, None, "nomn"):
        return None
    s = doc.sentence_of(first)
    comma = next((k for k in range(last, min(s.last, last + SUBJECT_WORDS)) if doc.tokens[k].text == ","), None)
    if comma is None or comma + 1 >= s.last:
        return None
    cue = doc.tokens[comma + 1].start
    return next((a.id for a in attributions if a.kind == "according_to" and a.cue is not None
                 and a.cue[0] == cue and a.content[0] > a.cue[1]), None)


def _names_topic(doc: CyrDoc, w: Token) -> bool:
    """True for a verb that only names what it governs as a topic: discussing it, or not commenting on it or
    announcing it (not "не повідомляли завчасно": not in advance, which tells it happened)."""
    if set(w.lemmas) & TOPIC_LEMMAS:
        return True
    if set(w.lemmas) & ANNOUNCING_LEMMAS and any(u.lower in IN_ADVANCE for u in doc.tokens[w.i + 1:w.i + 3]):
        return False
    return bool(set(w.lemmas) & (COMMENTING_LEMMAS | ANNOUNCING_LEMMAS)) and any(
        u.lower in ("не", "ні") for u in doc.tokens[max(0, w.i - NEGATION_REACH):w.i])


def _frees_people(doc: CyrDoc, first: int, last: int) -> bool:
    """True when the first noun after a control trigger is people or captivity ("Освобожденные российские
    военнослужащие", "освободили из плена 90 военных", "звільнили з полону"), or the trigger is a plural
    participle standing for people, no noun after it ("Серед звільнених – оборонці Маріуполя"): a release, not a
    place taken."""
    sentence_last = doc.sentence_of(last - 1).last
    t = doc.tokens[first]
    if last == first + 1 and "plur" in t.tags and (t.pos in ("ADJF", "PRTF") or "anim" in t.tags) \
            and (last >= sentence_last or doc.tokens[last].pos in ("PNCT", "VERB")) and not said_of_places(doc, first):
        return True
    for w in doc.tokens[last:min(sentence_last, last + FREED_WINDOW)]:
        if w.pos == "NOUN" or military_people(doc, w, last):
            plain = plain_word(w.lemma)
            if plain.startswith(CAPTIVITY_STEMS):
                return True
            k = w.i - 1
            while k > last and doc.tokens[k].pos in ("ADJF", "PRTF"):
                k -= 1  # ("від російських окупантів")
            if doc.tokens[k].lower in FROM_WORDS:
                continue  # "освободили от оккупантов Херсон": whom a place is freed from
            return plain.startswith(PERSONNEL_STEMS) or military_people(doc, w, last)
    return False


def find_events_ru_uk(doc: CyrDoc, attributions: Sequence[Attribution], places: Sequence[Place],
                      published: str | None, headline: bool = False,
                      headline_places: Sequence[Place] = ()) -> list[Event]:
    """Return the events a Russian or Ukrainian CyrDoc reports, with claimant, polarity, modality, actor,
    places, count and date (resolved against ``published``, an ISO date or datetime); ``headline`` is true for
    an article's title, which speaks of its publication day (event_dates_ru_uk.when_of). The settlements of
    ``headline_places`` (a body's headline) count towards the town a report is about."""
    times = outside_datelines(doc.text, find_time_expressions_ru_uk(doc.text, published))
    today = speaking_day(published)
    headline_keys = tuple(dict.fromkeys(event_place_key(p) for p in headline_places
                                        if p.level == "settlement" and is_resolved(p)))
    events: list[Event] = []
    seen: dict[tuple[str, str | None, int], Event] = {}
    speakers = {a.id: a.speaker for a in attributions}
    for kind, first, last in find_triggers_ru_uk(doc, places):
        if any(set(w.lemmas) & THANKS_LEMMAS or plain_word(w.lower) in THANKS_LEMMAS for w in _sentence_tokens(doc, first)):
            continue
        start, end = doc.char_span(first, last)
        if dates_another(start, end, times):
            continue  # "Від початку повномасштабного вторгнення росіяни вбили ...": a time, not an event
        claimed_by = innermost_claimant(start, end, attributions) or _adjunct_after_subject(doc, first, last,
                                                                                          attributions)
        kind = event_sense_ru_uk(doc, kind, first, last, places)
        if kind is None:
            continue
        quantity = find_count_ru_uk(doc, kind, first, last, times)
        actor = holder_after(doc, first, last) if kind == "territory_control" else None
        actor = actor or actor_of(doc, first, kind, places)
        if actor and kind == "casualties" and (set(doc.tokens[first].lemmas) & VICTIM_VERBS
                                               or doc.tokens[first].pos == "PRTS") \
                and any(plain_word(w.lemma).startswith(PERSONNEL_STEMS) for w in doc.tokens[actor[0]:actor[1]]):
            actor = None  # "Пять человек погибли", "пострадал один местный житель": the victims, not who acted
        actor_spans = [doc.char_span(*actor)] if actor else []
        actor_spans += actor_phrases(doc, doc.tokens[first].sent, places)
        acted_on = [p for p in places if not any(a <= p.span[0] and p.span[1] <= b for a, b in actor_spans)]
        own = event_place_keys(doc, first, last, kind, acted_on, attributions, headline_keys)
        where = coordinated_place_keys(doc, kind, own, [p for p in acted_on if not other_role(doc, p, kind, first)],
                                       last)
        if kind == "territory_control" and quantity == 1 and len(where) > 1:
            quantity = None  # "освободили Северодонецк и населенный пункт Боровское": one noun, no count of two
        key = (kind, claimed_by, doc.tokens[first].sent)
        if told_again(doc, kind, first, last, quantity, where, events):
            continue
        earlier = seen.get(key)
        replaces = None
        polarity = claimed_polarity(event_polarity_ru_uk(doc, first), claimed_by, attributions)
        if earlier is not None and earlier.polarity == polarity \
                and same_act(doc, earlier, kind, first, last, quantity, where):  # ("Загиблих немає, троє поранені")
            if not names_act_better(doc, earlier, first, where):
                if earlier.quantity is None and quantity is not None and kind != "casualties" \
                        and doc.tokens[first].pos in PREDICATE_POS:  # (the dead and the wounded apart)
                    # the count a predicate of the act gives ("жителей эвакуируют, уже вывезены более трех тысяч")
                    seen[key] = events[events.index(earlier)] = replace(earlier, quantity=quantity)
                continue
            replaces, where = events.index(earlier), merged_places(doc, earlier, where)
        modality = event_modality_ru_uk(doc, first, last)
        event = Event(
            type=kind, trigger=(start, end), actor=doc.span_text(*actor) if actor else None,
            target=target_of(doc, first, last, acted_on), places=where,
            quantity=quantity, when=when_of(doc, first, last, times, attributions, today, modality, headline),
            claimed_by=claimed_by, polarity=polarity,
            modality=modality,
        )
        if replaces is None and claim_repeated(doc, event, events, speakers):
            continue
        seen[key] = event
        if replaces is None:
            events.append(event)
        else:
            events[replaces] = event
    sentence_at = functools.partial(_sentence_span, doc)
    settled = settled_places(events, places, attributions, doc.text, sentence_at)
    return without_retold_strikes(settled, doc.text, sentence_at)


def _sentence_span(doc: CyrDoc, char: int) -> tuple[int, int]:
    """Character span of the sentence holding a character offset."""
    token = doc.token_at(char)
    s = doc.sentence_of(token if token is not None else len(doc.tokens) - 1)
    return (s.start, s.end)
