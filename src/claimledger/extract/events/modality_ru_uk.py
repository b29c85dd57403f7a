"""Modality of Russian and Ukrainian events (events_ru_uk.py): factual, future (announced, planned, demanded,
threatened) or hypothetical (possible, conditional), read from the trigger's tense and the cue words of its
clause (data/dev/README.md, section E). There is no parser for Ukrainian, so it works over tokens and
morphology (cyrillic.py).
"""
from __future__ import annotations

from ..language.cyrillic import CyrDoc, Token, has_reading, plain_word, word_readings
from ..event_places.predicate_clauses_ru_uk import (
    CONDITIONAL_CONJUNCTIONS, in_condition, opens_relative_clause, predicate_clause_of,
)
from .aims_ru_uk import AIM_LEMMAS, named_as_aim
from .event_polarity_ru_uk import ABOUT_WORDS

# Modality cues in the words before a trigger (lemmas). Future: planned, demanded, threatened,
# promised or expected; hypothetical: possible or conditional (annotation guide, section E).
FUTURE_LEMMAS = frozenset({
    "планировать", "намереваться", "собираться", "намерен", "намеренный", "хотеть", "угрожать", "пригрозить",
    "требовать", "потребовать", "призвать", "призывать", "готовиться", "готовый", "обещать", "пообещать",
    "должный", "должен", "нужно", "необходимо", "предложить", "предлагать", "дальнейший", "будущий", "план",
    "планувати", "намір", "збиратися", "погрожувати", "пригрозити", "вимагати", "закликати", "готуватися",
    "готовий", "обіцяти", "пообіцяти", "повинний", "мусити", "треба", "потрібно", "запропонувати",
    "пропонувати", "подальший", "майбутній", "наступний", "следующий", "хотіти", "прагнути", "стремиться",
    "мріяти", "мечтать", "наміритися", "готувати", "готовить",
    "поручить", "поручать", "приказать", "приказывать", "распорядиться", "велеть", "доручити", "доручати",
    "наказати", "наказувати", "розпорядитися", "звеліти",  # orders: "поручил освободить территорию области"
    "анонсировать", "анонсувати",  # "На завтра Росія офіційно анонсувала обстріл"
    "планироваться", "плануватися", "намечаться", "намічатися",  # "Их планируется обменять на военнопленных"
    "ожидать", "очікувати", "ждать", "чекати",  # "можно ожидать освобождения Новобахмутовки"
    "решение", "рішення",  # "принял решение об отводе войск"
    "обязанный", "обязан", "зобов'язаний", "надо", "необхідно",  # obligations: "обязаны освободить"
})
# "to have to" before an infinitive act, an obligation too ("Ми маємо звільнити Бахмут"); not "мали місце обстріли".
HAVING_TO_LEMMAS = frozenset({"мати", "иметь"})
INFINITIVE_ENDINGS = ("ти", "ть", "тися", "ться", "чь")
HYPOTHETICAL_LEMMAS = frozenset({
    "мочь", "возможный", "возможно", "вероятно", "вероятный", "если", "бы", "случай", "риск", "угроза",
    "потенциальный", "могти", "можливо", "можливий", "ймовірно", "імовірно", "якщо", "би", "б", "разі",
    "ризик", "загроза", "потенційний", "опасность", "небезпека", "возможность", "можливість", "допустить",
    "допускать", "припустити", "припускати", "способный", "здатний", "спроможний",
})
BECOMING_LEMMAS = frozenset({"стать", "стати"})  # "стало возможным": a possibility come true (_became_possible)
# ... of them, the nouns of threat, which govern only their own clause or the "что" clause they open.
THREAT_NOUNS = frozenset({"риск", "угроза", "опасность", "возможность", "ризик", "загроза", "небезпека",
                          "можливість"})
# Phrases of cause right before a word of threat or risk, which then names a real cause, no possibility.
CAUSE_PHRASES = (("в", "связи", "с"), ("из-за",), ("ввиду",), ("через",), ("у", "зв'язку", "з"), ("в", "зв'язку", "з"),
                 ("з", "огляду", "на"), ("вследствие",), ("внаслідок",))
CAUSE_REACH = 3
THREATENED_REACH = 2  # words after a word of threat within which the act is the one threatened
# Modal verbs after an act noun as subject ("Переговоры могут пройти в Стамбуле"): a possible event.
MODAL_VERBS = frozenset({"мочь", "могти"})
MODAL_LEMMAS = MODAL_VERBS | {"возможный", "можливий", "вероятный", "ймовірний"}  # ("... возможны")
PLANNED_LEMMAS = frozenset({"планироваться", "планується", "плануватися", "намечаться", "намічатися", "ожидаться",
                            "очікуватися"})  # ... and verbs of a plan or expectation after it
# Future forms that open a paragraph of what was told before ("Нагадаємо, 10 серпня Сили оборони звільнили ..."):
# the writer recalls a done act, no future.
DISCOURSE_VERBS = frozenset({"нагадаємо", "напомним", "зазначимо", "отметим", "додамо", "добавим", "уточнимо",
                             "уточним", "підкреслимо", "подчеркнем", "подчеркнём"})
# Verbs of being somewhere or in some state: after a modal verb, the state named before them may be ("в окружении
# могли оказаться"); other infinitives tell an act of their own ("в результате удара могли погибнуть").
BEING_LEMMAS = frozenset({"оказаться", "опинитися", "находиться", "перебувати", "быть", "бути"})
PREDICATE_REACH = 5  # words after an act noun searched for its predicate ("Переговоры России и Украины могут")
FUTURE_AUXILIARIES = frozenset({"будет", "будут", "буду", "будем", "буде", "будуть", "будемо", "станет", "стане"})
# Nouns of an order right before an act noun or infinitive: the act is demanded, still to come ("отдал приказ о
# наступлении", "получила приказ штурмовать", "віддало наказ на знищення мостів"); not an act done by order ("По
# приказу командования подразделения отошли", "За наказом ... відійшли"), whose order follows a preposition.
ORDER_LEMMAS = frozenset({"приказ", "наказ", "распоряжение", "розпорядження", "указание", "вказівка"})
ORDER_REACH = 3  # words from the order noun to the act, the act excluded ("приказ о наступлении", "наказ на знищення")
# ... and so does a proposal ("на пропозицію США про негайне 30-денне припинення вогню"; not one done "по предложению",
# "за пропозицією"), and agreeing to an act ("погодилася на 30-денне припинення вогню", "согласились на обмен"), within
# PROPOSAL_REACH words before it.
PROPOSAL_LEMMAS = frozenset({"предложение", "пропозиція"})
AGREEING_LEMMAS = frozenset({"согласиться", "соглашаться", "погодитися", "погоджуватися"})
PROPOSAL_REACH = 8  # (tokens: "30-денне" is three)
# Controlling verbs whose infinitive reports a real act ("продолжают наступать", "намагалися прорвати").
FACTUAL_CONTROLLERS = frozenset({"продолжать", "пытаться", "попытаться", "начать", "удаться", "стараться",
                                 "продовжувати", "намагатися", "спробувати", "почати", "вдатися", "стати",
                                 "заставить", "змусити", "вынудить", "примусити"})
CONTROLLED_REACH = 2  # words from a controlling verb to the act it governs, itself included ("начнет переговоры")
MODALITY_WINDOW = 6  # words before a trigger searched for modality cues (the cue's clause only)
# Nouns of information and verbs of its being clarified: what it is about is not yet known ("Информация о
# пострадавших уточняется", "Інформація про постраждалих з'ясовується").
INFORMATION_LEMMAS = frozenset({"информация", "данные", "сведения", "інформація", "дані", "відомості"})
CLARIFYING_STEMS = ("уточня", "уточню", "выясня", "устанавлива", "з'ясову", "встановлю")
# "a matter of time" said of an act noun: it is to come ("Освобождение Часова Яра - вопрос времени").
TIME_QUESTIONS = frozenset({("вопрос", "времени"), ("питання", "часу"), ("дело", "времени"), ("справа", "часу")})
# An indirect question asks whether the act holds, and asserts it no more than a condition does ("на вопрос,
# остается ли Бахмут под контролем Украины"; "чи залишається місто під контролем" with "чи" opening the clause).
QUESTION_PARTICLE = "ли"
QUESTION_OPENER = "чи"
# Conjunctions of purpose opening a verb trigger's own clause ("перебрасывают резервы, чтобы удержать позиции",
# "щоб захопити його"): the act is aimed at, still to come.
PURPOSE_CONJUNCTIONS = frozenset({"чтобы", "чтоб", "дабы", "щоб", "щоби"})
HORTATIVE_WORDS = frozenset({"давайте", "давай"})  # "let us ...": what follows is proposed, to come
SUBJUNCTIVE_PARTICLES = frozenset({"бы", "б", "би"})  # ... which make a past form a wish or a condition
# ... and prepositions of purpose right before an act noun ("вбиває заради знищення України", "ради захвата"), by
# language (the Ukrainian "ради" is the council's genitive: "Над будівлею міської ради підняли прапор").
PURPOSE_PREPOSITIONS = {"ru": frozenset({"ради"}), "uk": frozenset({"заради"})}
# Verbs that bring about the act their object noun names ("получить помощь", "провести переговоры", "нанести удар"):
# after a conjunction of purpose the act is aimed at, still to come.
REALISING_LEMMAS = frozenset({"получить", "отримати", "предоставить", "надати", "дать", "дати", "провести",
                              "осуществить", "здійснити", "нанести", "завдати", "организовать", "організувати",
                              "принять", "прийняти", "ухвалить", "ухвалити", "согласовать", "узгодити", "утвердить",
                              "затвердити", "ввести", "запровадити"})
# Words from an imperative to the act it demands, itself included ("Приступайте к отводу"); verbs of stopping,
# whose object goes on ("Зупиніть обстріли").
DEMAND_REACH = 3
STOPPING_LEMMAS = frozenset({"остановить", "прекратить", "зупинити", "припинити", "остановиться", "зупинитися"})
# "не исключает" / "не виключає" makes an event possible, not denied.
NOT_EXCLUDING = frozenset({"исключать", "исключить", "виключати", "виключити"})


def event_modality_ru_uk(doc: CyrDoc, first: int, last: int) -> str:
    """The modality of the event whose trigger is tokens [first, last) of ``doc``: ``factual``, ``future`` or
    ``hypothetical``, from the trigger's tense and the cue words before it in its clause."""
    t = doc.tokens[first]
    s = doc.sentence_of(first)
    before = _words_before(doc, s.first, first)
    own_first = predicate_clause_of(doc, first, last)[0]
    if opens_relative_clause(doc, own_first):  # "міг би захопити Харків, який він обстрілював": its own clause
        before = [w for w in before if w.i >= own_first]
    cut = max((n for n, w in enumerate(before) if w.text in (";", "—", "–", ":")), default=-1)
    if cut >= 0 and len(before) - cut <= 2 and (t.pos == "INFN" or _infinitive(t)) and before[cut].text in ("—", "–") \
            and any(set(w.lemmas) & AIM_LEMMAS for w in doc.tokens[s.first:before[cut].i]):
        return "future"  # "Главная задача сейчас — выдавить противника": the act is the aim named before the dash
    if named_as_aim(doc, first, s.first):
        return "future"  # "целей операции по освобождению Донбасса", "Целью операции является освобождение"
    before = before[cut + 1:]
    own_clause = before[max((n for n, w in enumerate(before) if w.text == ","), default=-1) + 1:]
    words = [w.lower for w in own_clause]
    # in a condition (predicate_clauses_ru_uk.condition_at), or after one opening its sentence
    if in_condition(doc, first) or doc.tokens[s.first].lower in CONDITIONAL_CONJUNCTIONS:
        return "hypothetical"  # "Если Киев не выведет войска, они будут окружены": a condition and what it entails
    if QUESTION_PARTICLE in words or words[:1] == [QUESTION_OPENER] \
            or last < s.last and doc.tokens[last].lower == QUESTION_PARTICLE:  # "контролирует ли Украина Бахмут"
        return "hypothetical"
    if _being_clarified(doc, first, last, before):
        return "hypothetical"  # "Информация о пострадавших уточняется": whether there are any is not yet known
    realised = t.pos in ("NOUN", "ADJF") and any(set(w.lemmas) & REALISING_LEMMAS for w in own_clause)
    if any(w in PURPOSE_CONJUNCTIONS for w in words) and (t.pos in ("INFN", "VERB") or realised) \
            or t.pos == "NOUN" and words and words[-1] in PURPOSE_PREPOSITIONS.get(doc.language, ()):
        return "future"  # "чтобы удержать позиции": an aim; not "щоб зупинити вторгнення", an invasion under way;
        # an act a verb of realising brings about is aimed at too ("щоб Україна отримала військову допомогу")
    governing = [w for w in own_clause if w.pos not in ("ADVB", "PRCL")]  # past "негайно": "мають негайно здатися"
    obliged = bool(governing) and _infinitive(t) and bool(set(governing[-1].lemmas) & HAVING_TO_LEMMAS)
    if _future_verb(t, doc.language) or _imperative_verb(t, doc.language) or _demanded(doc, own_clause) or obliged \
            or any(w.lower in HORTATIVE_WORDS for w in own_clause):
        return "future"  # "захватят", and a demand: "Воюйте за Маріуполь!", "Приступайте к отводу войск", "Давайте
        # садиться за стол переговоров"
    if any(set(w.lemmas) & NOT_EXCLUDING for w in before):
        return "hypothetical"
    if any(w.lower in FUTURE_AUXILIARIES for w in before):
        return "future"  # "будет вынуждена продолжить наступление": a controlled act still to come
    # a hypothetical cue counts only before a controlling verb ("могут попытаться атаковать": the modal verb
    # governs the attempt), which otherwise makes the act real ("пытались атаковать")
    controller = next((n for n, w in enumerate(before) if set(w.lemmas) & FACTUAL_CONTROLLERS), None)
    if any(w.lemma in HYPOTHETICAL_LEMMAS and not (first - w.i > THREATENED_REACH and _named_as_cause(doc, w.i))
           and not _became_possible(doc, w.i)
           and (w.lemma not in THREAT_NOUNS or w in own_clause or words[:1] in (["что"], ["що"]))
           for w in before[:controller]):  # ("угрозой окружения": the encirclement threatened stays a possibility)
        # (a noun of threat governs its own clause and one it opens with "что": "Есть угроза, что ВСУ атакуют";
        # "Угрозы окружения нет, войска отходят" is no possible withdrawal)
        return "hypothetical"
    if controller is not None:  # "продолжают наступать"; a controller to come right before the act makes it one to
        # come ("начнет переговоры", "продолжит наступление"), not one further on ("змусить платити за агресію")
        near = len(before) - controller <= CONTROLLED_REACH
        ruling = before[controller]
        if ruling.pos == "INFN" or "infn" in ruling.tags:  # "позволит российским войскам начать наступление"
            ruled = any(_future_verb(w, doc.language) and "infn" not in w.tags or set(w.lemmas) & FUTURE_LEMMAS
                        for w in before[:controller])
            return "future" if near and ruled else "factual"
        return "future" if near and _future_verb(ruling, doc.language) else "factual"
    # (a past predicate between a cue to come and a noun act tells it done: "По плану Генштаба нанесен удар", "За
    # планом завдано удару", the Ukrainian impersonal "-но"/"-то" being past)
    # (not a past form after "чтобы"/"щоб" or with "бы"/"би", a wish: "щоб закінчилася ця війна")
    wished = any(w.lower in PURPOSE_CONJUNCTIONS | SUBJUNCTIVE_PARTICLES for w in before)
    done = max((n + 1 for n, w in enumerate(before) if t.pos == "NOUN" and w.pos in ("VERB", "PRTS")
                and w.tags & {"past", "Impe"} and not set(w.lemmas) & FUTURE_LEMMAS), default=0) if not wished else 0
    if any(set(w.lemmas) & FUTURE_LEMMAS or _future_verb(w, doc.language) for w in before[done:]) \
            or _ordered(t, own_clause):
        return "future"
    if t.pos == "NOUN" and _possible_state(doc, own_clause):
        return "hypothetical"
    return _predicate_modality(doc, first, last)


def _words_before(doc: CyrDoc, sentence_first: int, first: int) -> list[Token]:
    """The MODALITY_WINDOW words of its sentence before token ``first``, less any relative clause between commas:
    "закликало російських військових, які залишились у місті, негайно здатися" keeps the appeal, and "Россия,
    которая планирует наступление, обстреляла Харьков" leaves the plan to its own clause."""
    toks, out, k = doc.tokens, [], first - 1
    while k >= sentence_first and len(out) < MODALITY_WINDOW:
        if toks[k].text == ",":
            j = k - 1
            while j >= sentence_first and toks[j].text != ",":
                j -= 1
            if j >= sentence_first and j + 1 < k and opens_relative_clause(doc, j + 1):
                k = j - 1  # (the commas go with the clause)
                continue
        out.append(toks[k])
        k -= 1
    return out[::-1]


def _possible_state(doc: CyrDoc, clause: list[Token]) -> bool:
    """True when an act noun lies in a prepositional phrase after an infinitive whose own cues make it possible
    ("противник может в ближайшее время оказаться в оперативном окружении"): the state it names is a possibility,
    though the modal verb lies beyond the noun's window. The object of such an infinitive keeps its own modality
    ("можем зупинити агресію": the aggression is real)."""
    verb = next((n for n in range(len(clause) - 1, -1, -1) if clause[n].pos == "INFN" or _infinitive(clause[n])), None)
    if verb is None or not any(w.pos == "PREP" for w in clause[verb + 1:]):
        return False
    return event_modality_ru_uk(doc, clause[verb].i, clause[verb].i + 1) == "hypothetical"


def _ordered(t: Token, clause: list[Token]) -> bool:
    """True for an act noun or infinitive ``t`` that an order noun in the words before it in its clause demands
    ("отдал приказ о наступлении", "наказ на знищення"), a proposal names or a verb of agreeing agrees to; not one done
    by order ("по приказу ... отошли")."""
    if not (t.pos in ("NOUN", "INFN") or _infinitive(t)):
        return False
    return any(set(w.lemmas) & ORDER_LEMMAS and not (n > 0 and clause[n - 1].pos == "PREP")
               for n, w in enumerate(clause) if n >= len(clause) - ORDER_REACH) \
        or any(set(w.lemmas) & PROPOSAL_LEMMAS and not (n > 0 and clause[n - 1].lower in ("по", "за"))
               or set(w.lemmas) & AGREEING_LEMMAS and n + 1 < len(clause) and clause[n + 1].lower == "на"
               for n, w in enumerate(clause) if n >= len(clause) - PROPOSAL_REACH)


def _being_clarified(doc: CyrDoc, first: int, last: int, before: list[Token]) -> bool:
    """True for an act noun in "информация о ..." / "дані про ..." whose verb says it is being clarified
    ("Информация о пострадавших уточняется"); not a count being clarified ("Число погибших уточняется")."""
    if len(before) < 2 or before[-1].lower not in ABOUT_WORDS or not set(before[-2].lemmas) & INFORMATION_LEMMAS:
        return False
    s = doc.sentence_of(first)
    verb = next((w for w in doc.tokens[last:s.last] if w.pos == "VERB"), None)
    return verb is not None and plain_word(verb.lower).startswith(CLARIFYING_STEMS)


def _became_possible(doc: CyrDoc, k: int) -> bool:
    """True for a word of possibility after a past form of "стать" ("взятие стало возможным благодаря ударам"): what
    made it possible was real."""
    before = doc.tokens[k - 1] if k > 0 else None
    return before is not None and bool(set(before.lemmas) & BECOMING_LEMMAS) and "past" in before.tags


def _named_as_cause(doc: CyrDoc, k: int) -> bool:
    """True for a word the cause of an act names ("В связи с угрозой окружения войска выведены", "через загрозу
    оточення"): the threat was real, the act it caused is no possibility."""
    words = tuple(t.lower for t in doc.tokens[max(0, k - CAUSE_REACH):k])
    return any(words[-len(phrase):] == phrase for phrase in CAUSE_PHRASES if len(words) >= len(phrase))


def _predicate_modality(doc: CyrDoc, first: int, last: int) -> str:
    """The modality a predicate right after a nominative act noun gives it ("Переговоры могут пройти":
    hypothetical; "Переговоры пройдут", "удары продолжатся", "наступление будет": future), or a future verb after
    an infinitive act that it governs, else factual."""
    t, s = doc.tokens[first], doc.sentence_of(first)
    if t.pos == "INFN" or "infn" in t.tags:  # an act before the verb governing it ("Захватить Харьков им не удастся")
        governor = next((w for w in doc.tokens[last:min(s.last, last + PREDICATE_REACH)]
                         if w.pos == "VERB" and "infn" not in w.tags), None)
        return "future" if governor is not None and _future_verb(governor, doc.language) else "factual"
    if t.pos == "NOUN" and last + 1 < s.last and set(doc.tokens[last].lemmas) & MODAL_VERBS \
            and set(doc.tokens[last + 1].lemmas) & BEING_LEMMAS:
        return "hypothetical"  # "в оточенні могли опинитися 5 тисяч військових": a state that may be
    if t.pos != "NOUN" or first > s.first and doc.tokens[first - 1].pos == "PREP":
        return "factual"  # the first reading's case is not reliable: a noun after a preposition is no subject
    if first > s.first + 1 and doc.tokens[first - 1].pos == "NOUN" and doc.tokens[first - 2].pos == "PREP":
        return "factual"  # "В результате удара могли погибнуть до 100 военных": a prepositional phrase's, no subject
    words = [w.lower for w in doc.tokens[last:s.last] if w.is_word]
    if any(tuple(words[n:n + 2]) in TIME_QUESTIONS for n in range(len(words))):
        return "future"  # "Освобождение Часова Яра - вопрос времени"
    for w in doc.tokens[last:min(s.last, last + PREDICATE_REACH)]:
        if not w.is_word:
            break
        if set(w.lemmas) & MODAL_LEMMAS:
            return "hypothetical"
        if w.lower in FUTURE_AUXILIARIES or _future_verb(w, doc.language) or set(w.lemmas) & PLANNED_LEMMAS:
            return "future"  # ("Обмен пленными планируется провести позже")
        if w.pos == "VERB":
            break
    return "factual"


def _infinitive(t: Token) -> bool:
    """True for an infinitive, also one the Ukrainian dictionary tags as a bare verb ("звільнити": its own lemma)."""
    return "infn" in t.tags or t.pos == "VERB" and t.lower == t.lemma and t.lower.endswith(INFINITIVE_ENDINGS)


def _future_verb(t: Token, language: str) -> bool:
    """True for a verb in the future tense in every reading the dictionary gives it but infinitive variants:
    "буде", "захопить"; not "перебуває", whose first reading is a perfective future but which is the present
    of перебувати, nor "війну", the accusative of війна before it is a future of війнути."""
    if t.pos not in ("VERB", "INFN") or not ("futr" in t.tags or "infn" in t.tags) or t.lower in DISCOURSE_VERBS:
        return False
    readings = [tag for tag in word_readings(t.text, language) if "infn" not in tag]
    if t.lower.endswith(("ся", "сь")) and has_reading(t.text[:-2], language, None, "pres"):
        return False  # a passive in -ся of a verb in the present ("удары наносятся": "наносят"), whatever the
        # dictionary reads the reflexive form as (the perfective future of "наноситься")
    return bool(readings) and all(tag.startswith("VERB") and "futr" in tag for tag in readings)


def _demanded(doc: CyrDoc, clause: list[Token]) -> bool:
    """True when an imperative right before a trigger demands it ("Приступайте к отводу войск", "Переходьте у
    наступ"); not one that speaks of it ("кричіть про вбивства") or stops it ("зупиніть обстріли")."""
    near = clause[-DEMAND_REACH:]
    return any(_imperative_verb(w, doc.language) and not set(w.lemmas) & STOPPING_LEMMAS
               and not any(v.lower in ("о", "об", "про") for v in near[n + 1:]) for n, w in enumerate(near))


def _imperative_verb(t: Token, language: str) -> bool:
    """True for a verb in the imperative in every reading the dictionary gives it ("Воюйте", "Сражайтесь")."""
    if t.pos != "VERB":
        return False
    readings = word_readings(t.text, language)
    return bool(readings) and all(tag.startswith("VERB") and "impr" in tag for tag in readings)
