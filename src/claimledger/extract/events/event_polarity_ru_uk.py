"""Polarity of Russian and Ukrainian events: asserted, or denied by a negation, "без"/"нет", a negated verb group
("не будет вести переговоры"), a negated verb of managing ("не удалось захватить"), a verb of calling it off
("отменить штурм") or a word calling the report
untrue ("фейк", "не соответствует действительности"); what the claimant's cue does to it is event_polarity.py's.

A ``CyrDoc`` (cyrillic.py) and a trigger's first token in, "asserted" or "denied" out; pure.
"""
from __future__ import annotations

from ..attribution.denials_ru_uk import VERDICT_VERBS
from ..language.cyrillic import RELATIVE_LEMMAS, VERBAL_POS, CyrDoc, Token, has_reading, plain_word
from ..places.name_context_ru_uk import LIST_JOINERS
from .aims_ru_uk import AIM_LEMMAS, fulfilling_verb

NEGATIONS = frozenset({"не", "ні", "нет", "немає", "нема"})
VERB_GROUP_REACH = 3  # verbs between a negation and the trigger they govern ("не будет вести переговоры")
# Verbs of seeing, whose negation right before an act noun in the genitive denies it was seen ("не видят отвода
# войск", "не бачимо відходу"); elsewhere they judge it, as the verbs of judging or knowing below do.
SEEING_STEMS = ("бач", "вид")
# Verbs of judging or knowing, whose negation judges an act rather than denies it ("не считает контрнаступление
# провалом", "не визнає окупації", "не видит в переговорах смысла").
JUDGING_STEMS = ("счита", "счес", "называ", "назва", "призна", "дума", "зна", "вважа", "назива", "визна") + SEEING_STEMS
# Verbs of taking place, whose negation after an act noun denies it ("Переговоры не состоятся"; not "наступление
# не провалилось" or "Санкції не обійти", which assert it).
HAPPENING_LEMMAS = frozenset({"состояться", "пройти", "проходить", "начаться", "быть", "відбутися", "відбуватися",
                              "розпочатися", "початися", "бути", "статися", "случиться", "произойти"})
# ... and of a relative clause after it ("обмін полоненими, який не відбувся"), within RELATIVE_REACH words of it.
RELATIVE_REACH = 4
# Verbs of being planned, whose negation after an act noun and its object denies the act as a plan ("Взятие Харькова
# не планируется", "не стоит в повестке", "не входит в планы"), within OBJECT_REACH words of the noun.
AGENDA_LEMMAS = frozenset({"планироваться", "плануватися", "рассматриваться", "розглядатися", "стоять", "стояти",
                           "входить", "входити", "предусматриваться", "передбачатися"})
OBJECT_REACH = 3
# Verbs of stopping, whose negation asserts what they govern ("не прекращает обстрелы", "не припиняє обстрілів").
STOPPING_STEMS = ("прекра", "перестава", "переста", "остановит", "останавлива", "припин", "зупин")
# "без" before an act noun ("обошлось без пострадавших") and "нет" after it ("Пострадавших нет"): governors'
# reports of no casualties (issue 12 probes).
WITHOUT = frozenset({"без"})
NONE_WORDS = frozenset({"нет", "немає", "нема"})
NOMINALS = frozenset({"NOUN", "PRTF", "ADJF"})  # a noun of the act, or the dead or wounded as a participle
AND_WORDS = LIST_JOINERS - {","}  # ... also after a noun joined on ("Пострадавших и разрушений нет")
# Verbs of managing whose negation denies the event they govern ("не удалось захватить").
MANAGING_LEMMAS = frozenset({"удаться", "смочь", "суметь", "вдатися", "змогти", "зуміти", "спромогтися",
                             "помогать", "помочь", "допомагати", "допомогти"})  # ("не помогает ему удержать")
HELPED_PRONOUNS = frozenset({"ему", "ей", "им", "йому", "їй", "їм"})  # whom it helps, between the verb and the act
MANAGING_REACH = 6  # words after an infinitive act within which the negated managing verb stands ("... не удастся")
# Verbs of calling an act off right before it, or before "от"/"від" and it ("отменить штурм", "скасувати наступ",
# "отказаться от штурма"): the act will not happen (annotation guide: "call off an assault" is denied).
CANCELLING_LEMMAS = frozenset({"отменить", "отменять", "скасувати", "скасовувати", "отказаться", "отказываться",
                               "відмовитися", "відмовлятися"})
# Word starts that call a report untrue, after the event in its sentence (written by hand, 2026;
# the ru/uk denial cues of relation_cues.tsv that cannot be a negated event's own words).
DENIAL_STEMS = ("фейк", "неправд", "ложь", "инсценир", "постановк", "дезинформ", "брехн",
                "інсцен", "дезінформ", "вигадк")
# Word starts of countering before a word of falsehood ("противодействия дезинформации", "боротьби з фейками"):
# the name or work of a body, no verdict on the report; looked for this many words before it.
COUNTERING_STEMS = ("противодейств", "протиді", "борьб", "боротьб", "противосто", "протисто")
COUNTERING_REACH = 2
# Prepositions of what a word of falsehood is about ("фейк про ...", "ложь о ..."), and how far before the trigger.
ABOUT_WORDS = frozenset({"о", "об", "про"})
# Nouns of information, which a negation says none has come of the act after them ("Сведений о погибших не поступало").
INFORMATION_LEMMAS = frozenset({"информация", "сведение", "данные", "інформація", "відомість", "відомості", "дані"})
UNTRUE_REACH = 4
# Phrases that call a report untrue, as word starts of consecutive words after the event (issue 12 probes:
# "информация о захвате ... не соответствует действительности", "не відповідає дійсності").
DENIAL_PHRASES = (("не", "соответству", "действительн"), ("не", "відповіда", "дійсн"),
                  ("не", "соответству", "реальн"), ("не", "відповіда", "реальн"))


SETTING_WORDS = 3  # words of a setting's phrase between the dead or hurt and "нет" ("среди мирного населения")
# Nouns of grounds for an act, which denied deny the act ("не видит условий для переговоров").
GROUNDS_LEMMAS = frozenset({"условие", "предпосылка", "основание", "повод", "умова", "передумова", "підстава",
                            "привід"})
GROUNDS_NEGATION_REACH = 3  # words before the noun its negation may stand at ("не видит никаких условий")
EARLY_WORDS = frozenset({"рано", "зарано", "преждевременно", "передчасно"})  # "говорить пока рано"
SPEAKING_LEMMAS = frozenset({"говорить", "говорити", "казати", "утверждать", "стверджувати"})
# Nouns of a connection that a negated "иметь"/"мати" disowns ("не имеют к обстрелу никакого отношения").
DISOWNING_NOUNS = frozenset({"отношение", "стосунок", "відношення", "причастность", "причетність"})


def event_polarity_ru_uk(doc: CyrDoc, first: int) -> str:
    """Denied when a negation or "без" stands right before the trigger ("не взяли", "без жертв"), "нет" right after
    a noun trigger ("Пострадавших нет"), or a negation before a verb of managing
    that governs it ("не удалось захватить", "не змогли прорвати"), or when a word later in the
    sentence calls the report untrue ("сообщения об ударах по Киеву — фейк", "... не соответствует
    действительности")."""
    s = doc.sentence_of(first)
    after = doc.tokens[first + 1:s.last + 1]
    if any(_calls_untrue(doc, k) and not _named_by_verdict(doc, first, k)
           for k in range(first + 1, min(s.last + 1, len(doc.tokens)))):
        return "denied"
    words = [plain_word(w.lower) for w in after if w.is_word]
    if any(all(words[n + j].startswith(stem) for j, stem in enumerate(phrase))
           for phrase in DENIAL_PHRASES for n in range(len(words) - len(phrase) + 1)):
        return "denied"
    if _told_as_untrue(doc, first, s):
        return "denied"  # "поширює фейк про нібито оточення Покровська"
    prev = doc.tokens[first - 1] if first > s.first else None
    if prev is not None and (prev.lower in NEGATIONS or prev.lower in WITHOUT):
        return "denied"  # "не взяли", "обошлось без пострадавших"
    nxt = doc.tokens[first + 1] if first + 1 < s.last else None
    after_none = doc.tokens[first + 2] if first + 2 < s.last else None
    none = _past_setting(doc, first + 1, s.last)  # (over "там", "среди мирных жителей")
    if none < s.last and doc.tokens[none].lower in NONE_WORDS and doc.tokens[first].pos in NOMINALS \
            and not (none + 1 < s.last and doc.tokens[none + 1].pos in ("NOUN", "ADJF")):
        return "denied"  # "Пострадавших нет", "пострадавших там нет"; not "через обстріли немає світла"
    joined_none = _past_setting(doc, first + 3, s.last)
    if nxt is not None and nxt.lower in AND_WORDS and after_none is not None and after_none.pos in NOMINALS \
            and joined_none < s.last and doc.tokens[joined_none].lower in NONE_WORDS \
            and doc.tokens[first].pos in NOMINALS:
        return "denied"  # "Пострадавших и разрушений нет", "Загиблих та постраждалих серед мирного населення немає"
    # the verb of managing right before, or before whom it helps ("не помогает ему удержать"), negated
    managing = first - 2 if prev is not None and prev.lower in HELPED_PRONOUNS else first - 1
    if managing - 1 >= s.first and set(doc.tokens[managing].lemmas) & MANAGING_LEMMAS \
            and doc.tokens[managing - 1].lower in NEGATIONS:
        return "denied"
    if (doc.tokens[first].pos == "INFN" or "infn" in doc.tokens[first].tags) and any(
            set(doc.tokens[k].lemmas) & MANAGING_LEMMAS and doc.tokens[k - 1].lower in NEGATIONS
            for k in range(first + 2, min(s.last, first + 2 + MANAGING_REACH))):
        return "denied"  # "Захватить Харьков россиянам не удастся": the managing verb after the act
    if prev is not None and prev.lower in ("от", "від") and first - 2 >= s.first:
        prev = doc.tokens[first - 2]  # "отказаться от штурма"
    if prev is not None and set(prev.lemmas) & CANCELLING_LEMMAS:
        return "denied"  # "приказал отменить штурм"
    return "denied" if _negated_verb_group(doc, first, s) or _relative_denies(doc, first, s) \
        or _disowned(doc, first, s) or _too_early_to_speak(doc, first, s) or _aim_not_fulfilled(doc, first, s) \
        or _no_grounds_for(doc, first, s) or _no_word_of(doc, first, s) else "asserted"


def _no_word_of(doc: CyrDoc, first: int, s) -> bool:
    """True for an act after a noun of information and "о"/"про" in a negated sentence ("Сведений о погибших не
    поступало", "немає інформації про загиблих"): none is known, as "погибших нет" says."""
    return first - 2 >= s.first and doc.tokens[first - 1].lower in ABOUT_WORDS \
        and bool(set(doc.tokens[first - 2].lemmas) & INFORMATION_LEMMAS) \
        and any(t.lower in NEGATIONS for t in doc.tokens[s.first:s.last])


def _past_setting(doc: CyrDoc, k: int, end: int) -> int:
    """The first token from k (before ``end``) past adverbs and one prepositional phrase of a setting, its
    adjectives and nouns ("там", "среди мирного населения", "серед цивільних"): where "нет" would stand."""
    while k < end and doc.tokens[k].pos == "ADVB":
        k += 1
    if k < end and doc.tokens[k].pos == "PREP":
        j = k + 1
        while j < end and j - k <= SETTING_WORDS and doc.tokens[j].pos in ("ADJF", "NOUN", "PRTF", "NPRO"):
            j += 1
        if j > k + 1:
            k = j
    return k


def _no_grounds_for(doc: CyrDoc, first: int, s) -> bool:
    """True for an act after "для"/"к" and a noun of grounds (GROUNDS_LEMMAS) that a negation or "нет" denies within
    GROUNDS_NEGATION_REACH words before it ("не видит условий для переговоров", "нет предпосылок для
    урегулирования", "немає підстав для перемовин")."""
    k = first - 1
    while k > s.first and doc.tokens[k].pos == "ADJF":
        k -= 1  # "для мирного урегулирования"
    if k - 1 < s.first or doc.tokens[k].lower not in ("для", "к"):
        return False
    grounds = k - 1
    if not set(doc.tokens[grounds].lemmas) & GROUNDS_LEMMAS:
        return False
    return any(w.lower in NEGATIONS | NONE_WORDS
               for w in doc.tokens[max(s.first, grounds - GROUNDS_NEGATION_REACH):grounds])


def _aim_not_fulfilled(doc: CyrDoc, first: int, s) -> bool:
    """True for an act after an aim noun and "по"/"з" whose past verb of fulfilling is negated ("авиация не
    выполняла задач по поражению наземных целей")."""
    k = first - 1
    if k <= s.first or doc.tokens[k].lower not in ("по", "з", "із"):
        return False
    aim = k - 1
    verb = fulfilling_verb(doc, aim, s.first) if set(doc.tokens[aim].lemmas) & AIM_LEMMAS else None
    return verb is not None and verb - 1 >= s.first and doc.tokens[verb - 1].lower in NEGATIONS


def _too_early_to_speak(doc: CyrDoc, first: int, s) -> bool:
    """True for an act after "о"/"об"/"про" (its words between) in a sentence that says it is too early to speak of
    it: "рано"/"зарано" next to a form of говорить/говорити ("о полном окружении города говорить пока рано", "рано
    говорить о взятии"): the act has not happened."""
    words = doc.tokens[s.first:s.last]
    early = any(w.lower in EARLY_WORDS and any(set(v.lemmas) & SPEAKING_LEMMAS
                                                for v in words[max(0, n - 2):n + 3])
                for n, w in enumerate(words))
    return early and any(doc.tokens[k].lower in ABOUT_WORDS for k in range(max(s.first, first - UNTRUE_REACH), first))


def _disowned(doc: CyrDoc, first: int, s) -> bool:
    """True for an act after "к"/"до" (a demonstrative between or not) in a sentence whose negated "иметь"/"мати"
    has a noun of connection (DISOWNING_NOUNS): "не имеют к обстрелу никакого отношения", "не мають стосунку до
    удару" deny the act of the one who says it."""
    k = first - 1
    if k > s.first and doc.tokens[k].pos in ("ADJF", "NPRO") or doc.tokens[k].lower in ("этому", "цього"):
        k -= 1  # "до цього удару"
    if k < s.first or doc.tokens[k].lower not in ("к", "ко", "до"):
        return False
    words = doc.tokens[s.first:s.last]
    return any(w.lower in NEGATIONS and set(v.lemmas) & {"иметь", "мати"} for w, v in zip(words, words[1:])) \
        and any(set(w.lemmas) & DISOWNING_NOUNS for w in words)


def _calls_untrue(doc: CyrDoc, k: int) -> bool:
    """True for a word at token k that calls a report untrue, not one naming what a body counters ("Центра
    противодействия дезинформации", "Центру протидії дезінформації", "борьбы с фейками")."""
    if not doc.tokens[k].lower.startswith(DENIAL_STEMS):
        return False
    return not any(doc.tokens[j].lower.startswith(COUNTERING_STEMS) for j in range(max(0, k - COUNTERING_REACH), k))


def _named_by_verdict(doc: CyrDoc, first: int, k: int) -> bool:
    """True when a verb of naming and a noun it names stand between the trigger and the word of falsehood at k: the
    verdict is on that object ("заявили, что здание было взорвано ..., и назвали сообщения об авиаударе ложью": the
    blast is asserted; denials_ru_uk.py denies the report named), not on a pronoun for what came before ("обвинения
    ... отвергли, назвав их «постановкой»")."""
    return any(set(doc.tokens[j].lemmas) & VERDICT_VERBS and any(w.pos == "NOUN" for w in doc.tokens[j + 1:k])
               for j in range(first + 1, k))


def _told_as_untrue(doc: CyrDoc, first: int, s) -> bool:
    """True when the trigger is what a word of falsehood is about, within UNTRUE_REACH words before it ("фейк про
    нібито оточення", "ложь о захвате", "дезинформацию об ударе"), no verb between."""
    for k in range(first - 1, max(s.first, first - 1 - UNTRUE_REACH), -1):
        t = doc.tokens[k]
        if t.pos in ("VERB", "INFN") or t.text in (",", ";", ":"):
            return False
        if t.lower in ABOUT_WORDS and k > s.first and doc.tokens[k - 1].lower.startswith(DENIAL_STEMS):
            return True
    return False


def _relative_denies(doc: CyrDoc, first: int, s) -> bool:
    """True when a relative clause right after a noun trigger says it did not take place ("обмін полоненими, який не
    відбувся", "переговоры, которые не состоялись")."""
    if doc.tokens[first].pos != "NOUN":
        return False
    comma = next((k for k in range(first + 1, min(s.last, first + 1 + RELATIVE_REACH)) if doc.tokens[k].text == ","),
                 None)
    if comma is None or comma + 3 >= s.last:
        return False
    pronoun, negation, verb = doc.tokens[comma + 1:comma + 4]
    return bool(set(pronoun.lemmas) & RELATIVE_LEMMAS) and negation.lower in NEGATIONS \
        and bool(set(verb.lemmas) & HAPPENING_LEMMAS)


def _negated_verb_group(doc: CyrDoc, first: int, s) -> bool:
    """True when a negated verb group governs the trigger: "не будет вести переговоры", "не намерен вести
    переговоры", "не ведет переговоров" (verbs, infinitives and short adjectives between the negation and the
    trigger), or a noun trigger's negated verb of taking place right after it ("Переговоры не состоятся")."""
    k = first - 1
    while k >= s.first and k >= first - VERB_GROUP_REACH and _verbal(doc, doc.tokens[k]):
        k -= 1
    if k < first - 1 and k >= s.first and doc.tokens[k].lower in NEGATIONS:
        between = doc.tokens[k + 1:first]
        if len(between) == 1 and plain_word(between[0].lemma).startswith(SEEING_STEMS) \
                and doc.tokens[first].pos == "NOUN" and "gent" in doc.tokens[first].tags:
            return True  # "не видят отвода российских войск": no act seen, where it would be
        return not any(plain_word(w.lemma).startswith(STOPPING_STEMS + JUDGING_STEMS) for w in between)
    if doc.tokens[first].pos != "NOUN":
        return False
    k = first + 1  # past the act's object in the genitive ("Взятие Харькова не планируется")
    while k < s.last and k <= first + OBJECT_REACH and doc.tokens[k].pos in ("NOUN", "ADJF") \
            and "gent" in doc.tokens[k].tags:
        k += 1
    return k + 1 < s.last and doc.tokens[k].lower in NEGATIONS \
        and bool(set(doc.tokens[k + 1].lemmas) & (HAPPENING_LEMMAS | AGENDA_LEMMAS))


def _verbal(doc: CyrDoc, t: Token) -> bool:
    """A verb, infinitive, short adjective or participle ("намерен", "намерена", which the dictionary reads as one of
    "намерить") or a form of быть/бути, by any dictionary reading."""
    return t.pos in VERBAL_POS | {"ADJS"} or bool(set(t.lemmas) & {"быть", "бути"}) \
        or t.is_word and has_reading(t.text, doc.language, ("VERB", "INFN"))

