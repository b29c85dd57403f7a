"""Events in Russian and Ukrainian war reports: what is claimed to happen, by whom, where, when, how many.

``find_events_ru_uk(doc, attributions, places, published)`` takes a ``CyrDoc`` (cyrillic.py), the
attributions and places already found in it, and returns ``Event`` records in the same form as the
English extractor (events.py). There is no parser for Ukrainian, so the method works over tokens and
morphology:

* triggers come from ``data/lexicons/events_ru_uk.tsv``: each side's vocabulary for the same act
  ("освобождён", "взят под контроль" / "окупували", "захопили"; "отбили атаку" / "відбили штурм"),
  matched on pymorphy3 lemmas or word stems; longer matches win; flags gate ambiguous words (a place
  in the sentence for "освободили", people nearby for "уничтожено" as casualties), and so do the words around a
  match (trigger_context_ru_uk.py: "с начала операции" is a time, "обсудили эвакуацию" a topic);
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
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from ...errors import ModelError
from ...models import EVENT_TYPES, Attribution, Event, Place
from ..language.agreement_ru_uk import agreement_keys, participle_reading
from .control_args_ru_uk import coordinated_place_keys, holder_after
from ..language.cyrillic import PREDICATE_POS, CyrDoc, Token, has_reading, plain_word
from ..dates.dates import dates_another
from ..dates.dates_ru_uk import find_time_expressions_ru_uk, speaking_day
from ..places.datelines import outside_datelines
from .event_args_ru_uk import actor_of, target_of
from ..dates.event_dates_ru_uk import when_of
from ..event_places.event_places import event_place_key, is_resolved, settled_places
from .event_mentions_ru_uk import claim_repeated, merged_places, names_act_better, same_act, told_again
from ..event_places.event_places_ru_uk import QUOTE_MARKS, actor_phrases, event_place_keys
from ..event_places.predicate_clauses_ru_uk import predicate_clause_of
from .event_polarity import claimed_polarity, innermost_claimant
from .event_polarity_ru_uk import NEGATIONS, event_polarity_ru_uk
from .event_senses_ru_uk import attack_beaten_off, event_sense_ru_uk
from .events_by_place_ru_uk import split_by_place
from .modality_ru_uk import event_modality_ru_uk
from ..language.numbers_ru_uk import COMPARATIVES
from ..event_places.place_roles_ru_uk import other_role
from .people_words_ru_uk import PERSONNEL_STEMS
from .quantities_ru_uk import VICTIM_VERBS, count_of_subject, find_count_ru_uk, settlements_noun_after
from .retold_events import without_retold_strikes
from .trigger_context_ru_uk import ASSAULT_STEMS, passes_flags, sentence_tokens

LEXICON_FILE = "events_ru_uk.tsv"
# Ukrainian triggers induced from parallel addresses (scripts/induce_triggers_uk.py), read beside the hand
# lexicon with the same flags and context checks.
INDUCED_LEXICON_FILE = "events_uk_induced.tsv"
FLAGS = frozenset({"place", "place_object", "force", "genitive", "aerial", "assault", "personnel", "materiel",
                   "process", "noun", "finite", "evaluative", "combat"})
# Abbreviated number words whose full stop an optional pattern word may take ("до 9 тыс. военнослужащих").
NUMBER_ABBREVIATIONS = frozenset({"тыс", "тис", "млн", "млрд"})
REPELLED_WINDOW = 8  # words between an assault noun and the verb of repelling it
# Words of thanks: an address's thanks ("Вдячний кожному, хто забезпечив переміщення людей гуманітарним
# коридором") is a ritual, not a report; the acts it names before or after are told elsewhere if at all.
THANKS_LEMMAS = frozenset({"вдячний", "дякувати", "подякувати", "подяка", "вдячність", "спасибі", "благодарить",
                           "поблагодарить", "благодарный", "признательный", "благодарность", "спасибо"})
CAUSAL_THANKS = frozenset({"благодаря"})  # "thanks to", a cause ("взятие стало возможным благодаря ударам"): no thanks
SUBJECT_WORDS = 4  # words of a subject phrase between its head (a trigger) and the comma before an according-to


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


# Words of a body's name before a trigger inside it ("Совместный центр по контролю и координации режима
# прекращения огня"): a short run is more often the tagger joining a body to the act it does.
INSTITUTION_NAME_WORDS = 4
AUXILIARIES = frozenset({"быть", "бути"})  # verbs of a passive an optional pattern word may stand for
# Words of a participle's phrase between a noun of the act and the noun it governs ("о перегруппировке находящихся в
# районах Балаклеи и Изюма российских войск": six).
PARTICIPLE_PHRASE_WORDS = 8


def _stops_gap(doc: CyrDoc, k: int) -> bool:
    """True for a word an optional pattern word never stands for: a negation or a verb of its own ("ракеты не могут
    попасть" is no hit), which the trigger would swallow; not "не менее" before a count, the auxiliary of a passive,
    nor a numeral that also reads as a verb (Ukrainian "три")."""
    token = doc.tokens[k]
    if token.lower in NEGATIONS:
        return k + 1 >= len(doc.tokens) or doc.tokens[k + 1].lower not in COMPARATIVES
    return token.pos in {"VERB", "INFN"} and not has_reading(token.text, doc.language, "NUMR") \
        and token.lemma not in AUXILIARIES  # ("здание театра было взорвано")


def _past_participle_phrase(doc: CyrDoc, k: int, head: _Item) -> int:
    """The index after the optional word at k: for a participle opening a phrase before its noun ("перегруппировке
    находящихся в районах Балаклеи и Изюма российских войск"), the noun matching ``head`` that agrees with it in case
    and number, at most PARTICIPLE_PHRASE_WORDS words on and with no punctuation between; else k + 1."""
    toks = doc.tokens
    if not participle_reading(toks[k]):
        return k + 1
    keys = {key[:2] for key in agreement_keys(doc, toks[k], ("PRTF", "ADJF"))}
    for j in range(k + 1, min(k + 1 + PARTICIPLE_PHRASE_WORDS, len(toks))):
        if not toks[j].is_word or toks[j].sent != toks[k].sent:
            break
        if head.matches(toks[j]) and keys & {key[:2] for key in agreement_keys(doc, toks[j], ("NOUN",))}:
            return j
    return k + 1


def _match(doc: CyrDoc, i: int, items: tuple[_Item, ...]) -> int | None:
    """End (exclusive) of a match of items starting at token i, else None."""
    toks, k = doc.tokens, i
    for n, item in enumerate(items):
        if item.optional:  # the next word that is no optional one is not taken ("вернули * * позиции")
            nxt = next((later for later in items[n + 1:] if not later.optional), None)
            abbreviation = toks[k].text == "." and k > i and toks[k - 1].lower in NUMBER_ABBREVIATIONS if k < len(toks) else False
            quote = k < len(toks) and toks[k].text in QUOTE_MARKS  # "били «Градами» по": a name's marks
            share = k < len(toks) and toks[k].text == "%"  # "потеряли более 40% территории"
            if k < len(toks) and (toks[k].is_word or toks[k].text[:1].isdigit() or abbreviation or quote or share) \
                    and toks[k].sent == toks[i].sent and not (nxt is not None and nxt.matches(toks[k])) \
                    and not _stops_gap(doc, k):
                k = _past_participle_phrase(doc, k, nxt) if nxt is not None else k + 1
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
            if end is not None and passes_flags(doc, t.i, end, row.type, row.flags, places):
                found.append((row.type, t.i, end))
    found.sort(key=lambda f: (-(f[2] - f[1]), f[1]))
    taken: list[tuple[str, int, int]] = []
    used: set[int] = set()
    for kind, first, last in found:
        if used.isdisjoint(range(first, last)):
            taken.append((kind, first, last))
            used.update(range(first, last))
    return [f for f in sorted(taken, key=lambda f: f[1])
            if not _repelled_assault(doc, f, taken) and not _in_institution_name(doc, f[1])]


def _in_institution_name(doc: CyrDoc, first: int) -> bool:
    """True for a trigger deep inside a long name of a body the tagger reads as one organisation, opened by a
    capitalised word ("в Совместном центре по контролю и координации режима прекращения огня"): no event."""
    if doc.entity_label(first) != "ORG" or doc.tokens[first].is_title:
        return False
    start = first
    while start > 0 and doc.entity_label(start - 1) == "ORG" and doc.tokens[start - 1].sent == doc.tokens[first].sent:
        start -= 1
    return first - start >= INSTITUTION_NAME_WORDS and doc.tokens[start].is_title


def _repelled_assault(doc: CyrDoc, trigger: tuple[str, int, int], triggers: list[tuple[str, int, int]]) -> bool:
    """True for a clash named by an assault noun that a verb of repelling after it in its sentence reports as
    repelled, its subject ("Атаки противника в районе X были отражены"): one event, the attack_repelled. An
    assault after the verb is kept ("відбити спробу Росії наступати на Харків": the war_reports_dev tune half
    annotates both)."""
    kind, first, last = trigger
    if kind != "clash" or not plain_word(doc.tokens[first].lower).startswith(ASSAULT_STEMS):
        return False
    for other, a, b in triggers:
        if (other == "attack_repelled" or other == "territory_control" and attack_beaten_off(doc, a)) \
                and doc.tokens[a].sent == doc.tokens[first].sent \
                and 0 <= a - last <= REPELLED_WINDOW and not any(t.text == ";" for t in doc.tokens[last:a]):
            return True
    return False


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
        if any((set(w.lemmas) & THANKS_LEMMAS or plain_word(w.lower) in THANKS_LEMMAS) and w.lower not in CAUSAL_THANKS
               for w in sentence_tokens(doc, first)):
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
        if actor and kind == "casualties" and quantity is None and doc.tokens[first].pos == "VERB":
            quantity = count_of_subject(doc, actor)  # "265 боевиков сложили оружие и сдались в плен"
        actor_spans = [doc.char_span(*actor)] if actor else []
        actor_spans += actor_phrases(doc, doc.tokens[first].sent, places)
        acted_on = [p for p in places if not any(a <= p.span[0] and p.span[1] <= b for a, b in actor_spans)]
        own = event_place_keys(doc, first, last, kind, acted_on, attributions, headline_keys)
        in_role = [p for p in acted_on if not other_role(doc, p, kind, first)]  # (not "из Астраханской области")
        where = coordinated_place_keys(doc, kind, own, in_role, last)
        if kind == "territory_control" and quantity == 1 and len(where) > 1:
            quantity = None  # "освободили Северодонецк и населенный пункт Боровское": one noun, no count of two
        noun = settlements_noun_after(doc, first, last) if kind == "territory_control" and quantity is None else None
        if noun is not None:  # "освободили населенные пункты Гатище, Красное, Морохорец и Олейниково": 4, the
            # settlements of the clause after the noun, resolved or not
            stop = doc.tokens[predicate_clause_of(doc, first, last)[1] - 1].end
            listed = [p for p in places if doc.tokens[noun].end <= p.span[0] < stop and p.level in ("settlement", None)]
            before = [p for p in places if event_place_key(p) in where and p.span[0] < doc.tokens[noun].start]
            quantity = len(listed) if len(listed) > 1 and not before else None  # (not "город Суджа и населенные
            # пункты Мартыновка и Мельовой": no count of the noun's two alone)
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
            target=target_of(doc, first, last, in_role), places=where,
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
    events = [part for event in events for part in split_by_place(doc, event, list(places))]
    sentence_at = functools.partial(_sentence_span, doc)
    settled = settled_places(events, places, attributions, doc.text, sentence_at)
    return without_retold_strikes(settled, doc.text, sentence_at)


def _sentence_span(doc: CyrDoc, char: int) -> tuple[int, int]:
    """Character span of the sentence holding a character offset."""
    token = doc.token_at(char)
    s = doc.sentence_of(token if token is not None else len(doc.tokens) - 1)
    return (s.start, s.end)
