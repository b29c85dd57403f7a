"""The actor and target of a Russian or Ukrainian event trigger (events_ru_uk.py), over tokens and morphology.

``actor_of(doc, first, kind)`` is the token range of who acts: the nominative subject before a verb trigger,
or for a taking of territory the force named after it; ``target_of(doc, first, last, places)`` names what a
verb trigger acts on: a place right after it, else the accusative noun phrase there (its date is
event_dates_ru_uk.py's).
"""
from __future__ import annotations

import functools
from collections.abc import Sequence

from ...models import Place
from ..attribution.cues_ru_uk import load_cue_lexicon
from ..language.cyrillic import COORDINATORS, OBLIQUE_CASES, CyrDoc, has_reading
from ..event_places.event_places_ru_uk import OBJECT_NOUN_LEMMAS, QUOTE_MARKS
from ..event_places.predicate_clauses_ru_uk import clause_of
from .attack_senses_ru_uk import TIMES_LEMMAS
from ..event_places.place_roles_ru_uk import FORCE_LEMMAS, STATE_LEMMAS
from .modality_ru_uk import PURPOSE_CONJUNCTIONS
from ..places.name_context_ru_uk import SETTLEMENT_NOUNS, abbreviated_settlement_noun

THEY = frozenset({"вони", "они"})  # a subject pronoun that refers to the subject of the clause before
# Verbs of pushing a force out ("вытеснили ВСУ из ..."): the force after the verb is who withdrew.
PUSHING_OUT_LEMMAS = frozenset({"вытеснить", "вытеснять", "выбить", "выдавить", "выдавливать", "витіснити",
                                "витісняти", "вибити", "видавити", "видавлювати"})
ATTEMPT_NOUNS = frozenset({"попытка", "спроба"})  # "предприняли попытку прорыва": the act's actor attempted it
# Adjectives that stand for a noun of soldiers right before the verb ("Українські військові закріпилися").
SOLDIER_ADJECTIVES = frozenset({"военный", "військовий"})
# Types whose subject may be a warring state ("Россия выпустила по Украине 158 ракет", "Україна звільнила"); not
# casualties ("Украина потеряла ...": whose losses, not who caused them).
STATE_ACTOR_KINDS = frozenset({"strike", "clash", "territory_control", "withdrawal", "attack_repelled"})
ACTOR_BEFORE_WINDOW = 8  # words before a verb trigger searched for its subject (a quoted name counts as one)
# words before a passive searched for its agent in the instrumental, which a circumstance may part from it
# ("Подразделениями группировки войск «Центр» в результате активных действий освобождены")
AGENT_BEFORE_WINDOW = 14
QUOTED_NAME_WORDS = 3  # words inside the quotes of a unit's name ("«Центр»", "«Южной»")
ACTOR_AFTER_WINDOW = 3  # words after a verb of taking searched for the force that took ("освободили подразделения")
# Types whose noun takes its agent in the instrumental right after it ("оккупации российской армией", "захвате
# российскими войсками"), past up to AGENT_AFTER_WORDS adjectives.
AGENT_NOUN_KINDS = frozenset({"territory_control"})
# Nouns of attacking whose genitive right after them names who attacks ("атаке ВСУ на Шебекино", "обстрела
# противника", "наступу російських військ"); of destroying ("уничтожение сил противника") it names what was hit.
ATTACKING_NOUNS = frozenset({"атака", "обстрел", "удар", "наступление", "штурм", "контратака", "контрнаступление",
                             "вторжение", "прорыв", "обстріл", "наступ", "вторгнення", "прорив", "контрнаступ"})
# ... and nouns of leaving, whose genitive force is who leaves ("отход украинских войск", "відхід підрозділів ЗСУ").
LEAVING_NOUNS = frozenset({"отход", "отвод", "вывод", "отступление", "выход", "відхід", "відведення", "вивід",
                           "відступ", "вихід"})
GENITIVE_HEAD_REACH = 4  # words back from a genitive force phrase to the nominative noun it belongs to
AGENT_AFTER_WORDS = 2
TARGET_WINDOW = 4  # words after a verb trigger searched for what it acts on
# Event types whose act noun takes the subject of the verb right before it as its actor ("ВС РФ завершили
# освобождение ...", "ВСУ начали отвод войск"): who gains or leaves a place decides the control ledger.
GOVERNED_NOUN_KINDS = frozenset({"territory_control", "withdrawal"})
# Verbs that deliver a strike named by a noun after them: their subject struck ("Армия России нанесла удар").
STRIKE_LIGHT_VERBS = frozenset({"нанести", "наносить", "завдати", "завдавати"})
# ... but not of a verb that judges or tells the act ("Байден приветствовал освобождение Херсона": not Biden's).
STANCE_LEMMAS = frozenset({"приветствовать", "осудить", "осуждать", "обсудить", "обсуждать", "подтвердить",
                           "подтверждать", "опровергнуть", "отрицать", "прокомментировать", "комментировать",
                           "вітати", "привітати", "засудити", "засуджувати", "обговорити", "обговорювати",
                           "підтвердити", "підтверджувати", "спростувати", "заперечувати", "коментувати"})
# Words for soldiers, nouns made of adjectives ("российские военные", "російським військовим"): a force after a
# verb of taking as much as "войска" is.
MILITARY_PEOPLE_LEMMAS = frozenset({"военный", "військовий", "военнослужащий", "військовослужбовець"})
# Acronyms of the armed forces, the agent after a passive of taking as well ("Урожайное было занято ВСУ").
FORCE_ACRONYMS = frozenset({"всу", "зсу", "вс", "ссо", "тро"})
STATE_AFTER_ACRONYM = frozenset({"РФ", "России", "Росії", "України", "Украины"})  # "ВС РФ", "ЗС України"
SIDE_NOUNS = frozenset({"сторона", "бік"})  # "со стороны X", "з боку X": a phrase of whose side, no subject
FREED_FROM = frozenset({"от", "від"})  # ... before the force a place is freed from ("освобождены от ВСУ")


# Verbs of letting or ordering whose dative object does what their infinitive says ("командование разрешило гарнизону
# отойти", "приказал войскам отступить", "наказав підрозділам відійти").
LETTING_LEMMAS = frozenset({"разрешить", "разрешать", "приказать", "приказывать", "позволить", "позволять",
                            "поручить", "велеть", "дозволити", "дозволяти", "наказати", "наказувати", "доручити"})
# Acts whose passive ("Мариуполь освобожден", "завод полностью освобожден", "склад уничтожен") has what was taken
# or hit as its subject: the one who acted is named after the verb, if at all
PATIENT_SUBJECT_KINDS = frozenset({"territory_control", "strike"})


def actor_of(doc: CyrDoc, first: int, kind: str = "", places: Sequence[Place] = ()) -> tuple[int, int] | None:
    """The subject before a verb trigger, as a token range: the nearest nominative noun phrase in its clause
    that is no settlement of ``places``, and none before a passive of taking or striking ("Урожайное было занято
    ВСУ", "завод «Азовсталь» освобожден": what was taken); for a taking of
    territory with none, a force named right after the verb (:func:`_actor_after`); for a noun of taking or
    leaving right after a verb, that verb's subject; for a verb joined on by "и"/"а также", the subject of the verb
    before it; for "они"/"вони", the force the sentence before named as its subject."""
    settlements = {p.span[0] for p in places if p.level == "settlement"}
    t = doc.tokens[first]
    k = first - 1  # past adjectives of the noun ("нанесли массированный удар", "завдала ракетного удару")
    while k > doc.sentence_of(first).first and doc.tokens[k].pos in ("ADJF", "PRTF") and first - k <= 2:
        k -= 1
    verb = doc.tokens[k] if k >= doc.sentence_of(first).first else None
    if kind == "withdrawal" and t.pos == "VERB" and set(t.lemmas) & PUSHING_OUT_LEMMAS:
        ousted = _actor_after(doc, first)
        if ousted is not None:
            return ousted  # "вытеснили ВСУ из Красногоровки": who was made to leave, not who pushed
    if t.pos == "NOUN" and verb is not None and set(verb.lemmas) & ATTEMPT_NOUNS:
        attempted = k - 1
        while attempted > doc.sentence_of(first).first and doc.tokens[attempted].pos == "ADJF":
            attempted -= 1  # "предприняли очередную попытку"
        if attempted >= doc.sentence_of(first).first and doc.tokens[attempted].pos == "VERB":
            return actor_of(doc, attempted, places=places)  # "Противник предпринял попытку высадки": who attempted
    agent = _force_after(doc, first, "ablt") if t.pos == "NOUN" and kind in AGENT_NOUN_KINDS else None
    if agent is None and t.pos == "NOUN" and set(t.lemmas) & ATTACKING_NOUNS:
        agent = _force_after(doc, first, "gent")  # "при атаке ВСУ на Шебекино"
    elif agent is None and t.pos == "NOUN" and set(t.lemmas) & LEAVING_NOUNS:
        agent = _force_after(doc, first, "gent")  # "отход украинских войск"; not bare "вывод войск", of no side
        named = agent is not None and (agent[1] - agent[0] > 1 or doc.tokens[agent[0]].lower in FORCE_ACRONYMS)
        agent = agent if named else None
    if agent is not None:
        return agent  # "об оккупации российской армией сел ...", "о захвате российскими войсками"
    if t.pos in ("NOUN", "ADJF") and verb is not None and verb.pos == "VERB" and (
            kind in GOVERNED_NOUN_KINDS and not set(verb.lemmas) & _speaking_lemmas()
            or kind == "strike" and set(verb.lemmas) & STRIKE_LIGHT_VERBS):
        return actor_of(doc, k, kind, places)  # "ВС РФ завершили освобождение ...", "Россия нанесла удар"
    if t.pos not in ("VERB", "PRTS", "GRND", "INFN", "ADJS"):  # (ADJS: "было занято", read as an adjective)
        return None
    c_first, _ = clause_of(doc, first, first + 1)
    if t.pos in ("PRTS", "ADJS") and kind in PATIENT_SUBJECT_KINDS:
        after = _actor_after(doc, first)  # "было занято ВСУ", "атакована ВСУ"; not "нанесено поражение живой силе"
        head = next((w for w in doc.tokens[after[0]:after[1]] if w.pos == "NOUN"), None) if after else None
        if kind == "strike" and head is not None and not (head.text.isupper() or "ablt" in head.tags):
            after = None  # (an agent is in the instrumental, or an indeclinable acronym)
        return _instrumental_force_before(doc, first, c_first) or after
    if t.pos == "PRTS" and kind == "casualties":  # "... группировки «Сиверск» и уничтожены более 60 военнослужащих":
        return _instrumental_force_before(doc, first, c_first)  # the losers are no actor, a force named before none
    if "infn" in t.tags or t.pos == "INFN":  # "ВСУ перебрасывают резервы, чтобы удержать позиции": who aims
        aim = next((j for j in range(first - 1, max(c_first, first - 3) - 1, -1)
                    if doc.tokens[j].lower in PURPOSE_CONJUNCTIONS), None)
        main = None if aim is None else _verb_before(doc, aim)
        if main is not None:
            return actor_of(doc, main, places=places)
        let = _let_object(doc, first, c_first)
        if let is not None:
            return let
        governor = actor_of(doc, first - 1, places=places) if first - 1 >= c_first \
            and doc.tokens[first - 1].pos == "VERB" and "infn" not in doc.tokens[first - 1].tags else None
        if governor is not None:
            return governor  # "противник ... намагається контратакувати": who tries (not "вдалося захопити")
    joined = first - 1
    while joined > c_first and doc.tokens[joined].pos in ("ADVB", "PRCL"):
        joined -= 1
    if t.pos == "VERB" and joined >= c_first and doc.tokens[joined].lower in COORDINATORS:
        shared = _verb_before(doc, joined)  # "заняли Ласточкино, а также вошли в Бердычи": one subject for both
        if shared is not None and not any(tok.text in (";", ":") for tok in doc.tokens[shared:joined]):
            return actor_of(doc, shared, kind, places)
    k = first
    while k - 1 > max(c_first - 1, first - ACTOR_BEFORE_WINDOW):
        k -= 1
        w = doc.tokens[k]
        named_force = False
        if (w.text == "»" or w.text == '"' and _name_quoted(doc, k, c_first)) and k > c_first:
            opening = _opening_quote(doc, k, c_first)
            if opening is not None and opening > c_first and set(doc.tokens[opening - 1].lemmas) & FORCE_LEMMAS:
                k, named_force = opening - 1, True  # "Подразделения группировки «Центр» установили": that force
                w = doc.tokens[k]
            elif opening is not None and (opening == c_first or doc.tokens[opening - 1].text in (",", ":")):
                return opening, k + 1  # a quoted name opening the clause is its subject ("Пригожин: «Вагнер» взял")
            elif opening is not None:
                k = opening  # a quoted unit name ("группировки войск «Центр»") belongs to the phrase before it
                continue
        if w.text in (",", ":", "«", "»"):
            break
        if set(w.lemmas) & TIMES_LEMMAS or k + 1 < first and set(doc.tokens[k + 1].lemmas) & TIMES_LEMMAS:
            continue  # "Росіяни кілька разів намагалися": how often, no subject ("кілька" also reads as a noun)
        if k > c_first and _after_preposition(doc, k, c_first):
            continue  # "В ДНР ... погиб", "из Волчанской общины вывезли": a noun after a preposition is no subject
        if set(doc.tokens[k - 1].lemmas) & SETTLEMENT_NOUNS or abbreviated_settlement_noun(doc, k) \
                or w.start in settlements:
            continue  # "обстрела ВСУ с. Журавлевка ... ранены": a settlement's name is no subject
        if w.lower in THEY and t.pos == "VERB":  # (not "попытки ..., все они были отбиты": the attempts)
            # "Російські окупанти вже вивезли з тієї території, яку вони зайняли, ...": the subject of the clause
            # the pronoun's relative clause hangs on
            main = _verb_before(doc, k)
            if main is not None and any(tok.text == "," for tok in doc.tokens[main:k]):
                return actor_of(doc, main, places=places)
            antecedent = _force_subject_before(doc, k)
            if antecedent is not None:
                return antecedent  # "российские войска продолжили наступление. ... они заняли Ласточкино"
        if named_force \
                or (w.pos == "NOUN" and "nomn" in w.tags and (set(w.lemmas) & FORCE_LEMMAS or "anim" in w.tags)) \
                or (set(w.lemmas) & FORCE_LEMMAS and (k >= first - 2 or _opens_nominative_phrase(doc, k, c_first))) \
                or (set(w.lemmas) & SOLDIER_ADJECTIVES and k == first - 1 and w.pos == "ADJF" and "nomn" in w.tags) \
                or (set(w.lemmas) & STATE_LEMMAS and "nomn" in w.tags and kind in STATE_ACTOR_KINDS) \
                or ((w.text.isupper() and len(w.text) > 1 or doc.entity_label(k) == "ORG")
                    and not _oblique_adjective_before(doc, k, c_first)) \
                or doc.entity_label(k) == "PER" and not (OBLIQUE_CASES & w.tags and "nomn" not in w.tags):
            # a "person" in an oblique case is no subject ("в результате обстрела Купянска погибли")
            start = k
            head = start - 1
            while head > c_first and doc.tokens[head].pos in ("ADJF", "PRTF") and "gent" in doc.tokens[head].tags:
                head -= 1  # past "противовоздушной" of "Силы противовоздушной обороны"
            if head >= c_first and "gent" in w.tags and doc.tokens[head].pos == "NOUN" \
                    and set(doc.tokens[head].lemmas) & FORCE_LEMMAS:
                start = head  # the head of "Силы обороны", "подразделения ВСУ"
            while start > c_first and (
                    doc.tokens[start - 1].pos in ("ADJF", "PRTF") and _may_be_nominative(doc, start - 1)
                    or doc.tokens[start - 1].text.isupper() and len(doc.tokens[start - 1].text) > 1
                    and doc.tokens[start].text.isupper()):  # (not "саммита НАТО Россия")
                start -= 1  # "Российские войска", "ВС РФ", "Ракетные войска" (read first as accusative)
            nominative = start < k and doc.tokens[start].pos in ("ADJF", "PRTF")  # "російські сили": its own head
            if not nominative and has_reading(w.text, doc.language, None, "gent"):
                start = _head_of_genitive(doc, start, c_first)
            end = k + 1
            while end < first and ((doc.tokens[end].text.isupper() or "gent" in doc.tokens[end].tags)
                                   and doc.tokens[end].pos in ("NOUN", None)):
                end += 1
            if end < first and doc.tokens[end].text in ("«", '"') and (closing := _closing_quote(doc, end, first)):
                end = closing + 1
            return start, end
    return _actor_after(doc, first) if kind == "territory_control" else None


def _opens_nominative_phrase(doc: CyrDoc, k: int, floor: int) -> bool:
    """True for a noun with a nominative reading after a nominative adjective that opens the clause ("Російські
    війська в результаті наступу зайняли": "війська" read first as a genitive)."""
    before = doc.tokens[k - 1] if k > floor else None
    return before is not None and k - 1 == floor and before.pos == "ADJF" and "nomn" in before.tags \
        and has_reading(doc.tokens[k].text, doc.language, "NOUN", "nomn")


def _oblique_adjective_before(doc: CyrDoc, k: int, floor: int) -> bool:
    """True when token k, or the word right before it, is an adjective in an oblique case other than the genitive
    and with no nominative reading ("Запорожскую АЭС обстреляли"): the name or indeclinable acronym it belongs to is
    in that case too, an object and no subject (a genitive may hang on a subject: "Силы противовоздушной обороны")."""
    return any(j >= floor and doc.tokens[j].pos in ("ADJF", "PRTF") and "gent" not in doc.tokens[j].tags
               and not _may_be_nominative(doc, j) for j in (k - 1, k))


def _may_be_nominative(doc: CyrDoc, k: int) -> bool:
    """True when some reading of token k is in the nominative ("Ракетные" reads first as an accusative)."""
    t = doc.tokens[k]
    return "nomn" in t.tags or has_reading(t.text, doc.language, t.pos, "nomn")


def _let_object(doc: CyrDoc, first: int, c_first: int) -> tuple[int, int] | None:
    """The dative noun phrase right before an infinitive that a verb of letting or ordering (LETTING_LEMMAS) governs
    ("разрешило гарнизону отойти": the garrison), as a token range; None when there is none."""
    noun = first - 1
    if noun <= c_first or doc.tokens[noun].pos != "NOUN" or "datv" not in doc.tokens[noun].tags:
        return None
    start = noun
    while start - 1 > c_first and doc.tokens[start - 1].pos in ("ADJF", "PRTF") \
            and "datv" in doc.tokens[start - 1].tags:
        start -= 1  # "украинским подразделениям"
    return (start, noun + 1) if set(doc.tokens[start - 1].lemmas) & LETTING_LEMMAS else None


def _head_of_genitive(doc: CyrDoc, start: int, floor: int) -> int:
    """The nominative noun a genitive force phrase starting at ``start`` hangs on, back over genitive words and
    names ("Самолеты Су-34 Воздушно-космических сил": the aircraft), else ``start``."""
    k = start - 1
    while k >= floor and start - k <= GENITIVE_HEAD_REACH:
        t = doc.tokens[k]
        if t.pos == "NOUN" and "nomn" in t.tags:
            governed = k > 0 and has_reading(doc.tokens[k - 1].text, doc.language, "PREP")
            return start if governed else k  # not "За тиждень Сили оборони" ("За" opening a sentence reads as ADVB)
        if not ("gent" in t.tags or t.pos is None or t.text.isupper() or any(c.isdigit() for c in t.text)):
            break
        k -= 1
    return start


@functools.lru_cache(maxsize=1)
def _speaking_lemmas() -> frozenset[str]:
    """The lemmas of verbs of stance and of reporting, whose subject is a speaker, not who took a place ("DeepState
    отметил оккупацию трех сел"); built once."""
    cues = load_cue_lexicon()
    return STANCE_LEMMAS | cues.verbs | cues.np_verbs


def _force_after(doc: CyrDoc, first: int, case: str) -> tuple[int, int] | None:
    """A force in ``case`` right after an act noun, past its adjectives, as a token range: in the instrumental the
    agent of a noun of taking ("оккупации российской армией", "захвате российскими войсками"), in the genitive that of
    a noun of attacking ("атаке ВСУ", "обстрела противника"), also as an acronym of a force (FORCE_ACRONYMS)."""
    end = first + 1
    while end < len(doc.tokens) and end - first <= AGENT_AFTER_WORDS and doc.tokens[end].pos in ("ADJF", "PRTF") \
            and has_reading(doc.tokens[end].text, doc.language, None, case):
        end += 1  # (every reading: "Российской" is genitive first)
    w = doc.tokens[end] if end < len(doc.tokens) else None
    if w is not None and case == "gent" and end == first + 1 and w.lower in FORCE_ACRONYMS:
        state = end + 1 < len(doc.tokens) and doc.tokens[end + 1].text in STATE_AFTER_ACRONYM  # "ВС РФ"
        return first + 1, end + 2 if state else end + 1
    if w is None or w.pos != "NOUN" or case not in w.tags or not set(w.lemmas) & FORCE_LEMMAS:
        return None
    return first + 1, end + 1


def _instrumental_force_before(doc: CyrDoc, first: int, c_first: int) -> tuple[int, int] | None:
    """The force in the instrumental before a passive, its agent ("Подразделениями группировки «Центр» освобождены
    ...", "российскими войсками занят"), with the genitives and quoted name after its head, as a token range."""
    for k in range(first - 1, max(c_first - 1, first - 1 - AGENT_BEFORE_WINDOW), -1):
        w = doc.tokens[k]
        if w.text in (",", ":", ";"):
            return None
        if w.pos == "NOUN" and "ablt" in w.tags and set(w.lemmas) & FORCE_LEMMAS:
            start = k
            while start > c_first and doc.tokens[start - 1].pos in ("ADJF", "PRTF") \
                    and "ablt" in doc.tokens[start - 1].tags:
                start -= 1
            end = k + 1
            while end < first and (doc.tokens[end].text in QUOTE_MARKS or doc.tokens[end].text.isupper()
                                   or "gent" in doc.tokens[end].tags and doc.tokens[end].pos in ("NOUN", "ADJF")
                                   or doc.tokens[end].is_title and doc.tokens[end - 1].text in QUOTE_MARKS):
                end += 1
            return start, end
    return None


def _force_subject_before(doc: CyrDoc, k: int) -> tuple[int, int] | None:
    """The force named as a subject (a nominative plural force noun, with its adjectives) in the sentence before
    token ``k``'s, which a "они" / "вони" at k refers to; else None."""
    number = doc.tokens[k].sent
    if number == 0:
        return None
    s = doc.sents[number - 1]
    for j in range(s.first, s.last):
        w = doc.tokens[j]
        if w.pos == "NOUN" and {"nomn", "plur"} <= w.tags and set(w.lemmas) & FORCE_LEMMAS:
            start = j
            while start > s.first and doc.tokens[start - 1].pos == "ADJF" and "nomn" in doc.tokens[start - 1].tags:
                start -= 1
            return start, j + 1
    return None


def _opening_quote(doc: CyrDoc, k: int, floor: int) -> int | None:
    """Index of the "«" that opens a short quoted name closed by the "»" at k (or of the straight quote that opens
    one closed by the straight quote at k: "группировки войск "Центр""), or None."""
    opening = "«" if doc.tokens[k].text == "»" else doc.tokens[k].text
    for j in range(k - 1, max(floor - 1, k - 1 - QUOTED_NAME_WORDS), -1):
        if doc.tokens[j].text == opening:
            return j
    return None


def _name_quoted(doc: CyrDoc, k: int, floor: int) -> bool:
    """True for a straight quote at k that closes a short capitalised name ("войск "Центр""), not one of a quote."""
    opening = _opening_quote(doc, k, floor) if k > 0 and doc.tokens[k - 1].is_title else None
    return opening is not None and doc.tokens[opening + 1].is_title


def _closing_quote(doc: CyrDoc, k: int, limit: int) -> int | None:
    """Index of the "»" that closes a short quoted name opened by the "«" at k (or of the straight quote closing
    one opened by a straight quote), before ``limit``, or None."""
    closing = "»" if doc.tokens[k].text == "«" else doc.tokens[k].text
    for j in range(k + 1, min(limit, k + 1 + QUOTED_NAME_WORDS)):
        if doc.tokens[j].text == closing:
            return j
    return None


def _verb_before(doc: CyrDoc, k: int) -> int | None:
    """The nearest finite verb before token ``k`` in its sentence (the verb of the clause a purpose or relative
    clause hangs on), or None."""
    return next((j for j in range(k - 1, doc.sentence_of(k).first - 1, -1) if doc.tokens[j].pos == "VERB"), None)


def _actor_after(doc: CyrDoc, first: int) -> tuple[int, int] | None:
    """A force named after a verb of taking, its subject in inverted order ("Город заняли
    подразделения мотострелковой бригады ВС РФ") or the dative of "удалось" ("яку вдалося захопити російським
    військовим"): what is taken is a place, never a unit, so a force noun there is who took it. The phrase runs on
    through genitives, abbreviations and a quoted unit name."""
    s = doc.sentence_of(first)
    for k in range(first + 1, min(s.last, first + 1 + ACTOR_AFTER_WINDOW)):
        w = doc.tokens[k]
        if w.text in (",", ";", ".", ":"):
            return None
        if w.pos == "NOUN" and set(w.lemmas) & FORCE_LEMMAS or w.lower in FORCE_ACRONYMS \
                or w.pos in ("NOUN", "ADJF") and set(w.lemmas) & MILITARY_PEOPLE_LEMMAS \
                and (k + 1 >= s.last or doc.tokens[k + 1].pos != "NOUN"):  # (standing for people, no noun after)
            end = k + 1
            while end < s.last and (doc.tokens[end].pos in ("NOUN", "ADJF", "PRTF", None) and (
                    "gent" in doc.tokens[end].tags or doc.tokens[end].text.isupper()
                    or "gent" in doc.tokens[end - 1].tags and doc.tokens[end - 1].pos == "ADJF")
                    or doc.tokens[end].text in QUOTE_MARKS
                    or doc.tokens[end].is_title and doc.tokens[end - 1].text in QUOTE_MARKS):
                end += 1
            while end > k + 1 and doc.tokens[end - 1].text in QUOTE_MARKS and \
                    sum(t.text in QUOTE_MARKS for t in doc.tokens[k:end]) % 2:
                end -= 1  # an opening mark left alone at the end
            start = k
            while start - 1 > first and doc.tokens[start - 1].pos in ("ADJF", "PRTF"):
                start -= 1  # "російським військовим", "подразделения российских войск"
            if doc.tokens[start - 1].lower in FREED_FROM:
                continue  # "звільнено від окупантів": who was driven out, not who took it
            return start, end
    return None


def target_of(doc: CyrDoc, first: int, last: int, places: Sequence[Place]) -> str | None:
    """What a verb trigger acts on: a place named right after it ("обстріляли Куп'янськ"), else the
    accusative noun phrase there ("уничтожили склад боеприпасов")."""
    if doc.tokens[first].pos not in ("VERB", "PRTS", "INFN") and "infn" not in doc.tokens[first].tags:
        return None
    s = doc.sentence_of(first)
    stop = min(s.last, last + TARGET_WINDOW)
    for p in places:
        k = doc.token_at(p.span[0])
        if k is not None and last <= k < stop and not any(t.text in (",", ";") for t in doc.tokens[last:k]):
            return p.name or p.text
    for k in range(last, stop):
        t = doc.tokens[k]
        if t.text in (",", ";", ".", ":"):
            break
        if t.pos == "NOUN" and "accs" in t.tags and doc.tokens[k - 1].pos != "PREP":  # (not "за сутки": when)
            end = k + 1
            while end < stop and doc.tokens[end].pos == "NOUN" and "gent" in doc.tokens[end].tags:
                end += 1  # "склад боеприпасов"
            return doc.span_text(k, end)
    return None


def _after_preposition(doc: CyrDoc, k: int, c_first: int) -> bool:
    """True when the noun at token ``k`` heads or names a prepositional phrase: a preposition before it,
    directly or before its adjectives, capitalised words and settlement noun ("из Волчанской общины", "в селе
    Козинка")."""
    j = k - 1
    if j > c_first and set(doc.tokens[j].lemmas) & SIDE_NOUNS and doc.tokens[j - 1].pos == "PREP":
        return True  # "со стороны ВСУ", "з боку окупантів": whose side fire came from, no subject
    w = doc.tokens[k]  # a nominative or an acronym after a place's name is no part of its phrase ("На Сумщині ворог",
    # "В Белгороде ВСУ атаковали"); a name or an oblique noun may be ("в селе Козинка", "из Волчанской общины")
    inside = w.is_title and not w.text.isupper() or bool(OBLIQUE_CASES & w.tags) and "nomn" not in w.tags
    while j > c_first and (doc.tokens[j].pos in ("ADJF", "PRTF") or inside and doc.tokens[j].is_title
                           or set(doc.tokens[j].lemmas) & OBJECT_NOUN_LEMMAS) and not doc.tokens[j].text.isupper():
        j -= 1  # "в селе Козинка", "из Волчанской общины"
    return doc.tokens[j].pos == "PREP"
