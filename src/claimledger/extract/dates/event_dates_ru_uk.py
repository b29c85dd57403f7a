"""When a Russian or Ukrainian event happened (events_ru_uk.py asks; event_dates_en.py is the English twin).

``when_of(doc, first, last, times, ...)`` is the date of a trigger: a time expression of its sentence, not the date
of a report nor a day compared with, else one the context carries (a bulletin's window stated earlier in the
paragraph, an address's "today"). Token ranges of a CyrDoc, the time expressions of dates_ru_uk.py and the
attributions in; an ISO date, month or range out, or None.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ...models import Attribution
from ..language.cyrillic import CyrDoc
from .dates import dated_after, month_ahead
from .dates_ru_uk import LONG_PERIOD, MONTHS

CUE_GAP_CHARS = 2  # a time expression this close to a reporting cue or its source dates the report ...
SENTENCE_END = re.compile(r"[.!?…]")  # ... unless a sentence ends between them ("... Шойгу. С 16 мая в плен сдались")
# Words of comparison: "не так, як вчора", "больше, чем вчера" compare with a day, they date no event.
COMPARISON_WORDS = frozenset({"як", "ніж", "как", "чем"})
# ... and a superlative a few words before a time ("наймасованішу повітряну атаку від початку вторгнення", "крупнейшая
# атака с начала войны"): the span the act is compared over, not its date.
SUPERLATIVE_REACH = 5
# Verbs that only link a subject to a description: "Сьогодні був дійсно важкий день" says what the day
# was like, it frames no act the address goes on to tell of that day.
COPULA_LEMMAS = frozenset({"бути", "быть", "являться", "являтися", "стати", "стать"})
UNDATED_MODALITIES = frozenset({"future", "hypothetical"})  # acts not (yet) real: no day from the context
MAX_WINDOW_DAYS = 7  # the longest reporting window a bulletin states for what follows ("за неделю")
# Words of an act repeated day after day ("щоденних обстрілів", "постоянно обстреливает") and how far from
# the trigger they are looked for: such an act takes no date from its context.
HABITUAL_LEMMAS = frozenset({"щоденний", "щодня", "щоднини", "постійний", "постійно", "регулярний", "регулярно",
                             "систематичний", "систематично", "ежедневный", "ежедневно", "постоянный", "постоянно",
                             "регулярный", "систематический", "систематически", "повседневный", "повсякденний"})
HABITUAL_REACH = 2
# A total over the fighting so far, which no window of the day dates: a sentence opening with a sum over the course
# of the fighting ("Всего в ходе боевых действий на курском направлении противник потерял ..."), or naming a long
# period (dates_ru_uk.LONG_PERIOD: "с начала СВО").
RUNNING_TOTAL = re.compile(r"\s*(?:всего|в общей сложности|всього|загалом)\s+(?:в|у|за)\s+(?:ходе|ході|время|час)\b",
                           re.IGNORECASE)


def when_of(doc: CyrDoc, first: int, last: int, times: Sequence[tuple[int, int, str | None]],
            attributions: Sequence[Attribution], today: str | None = None, modality: str = "factual",
            headline: bool = False) -> str | None:
    """The date of the trigger at tokens [first, last), from ``times`` (dates_ru_uk.find_time_expressions_ru_uk).

    The nearest time expression in its sentence, leaving out the date of a report ("сообщило 12 мая
    Минобороны": the date of the cue, not the event) and a day compared with ("як вчора"). Without one,
    a factual act takes its date from the context: the reporting window of a
    bulletin stated earlier in the same paragraph ("За минувшие сутки ... . ... отражены"), else ``today``
    (the speaking day, dates_ru_uk.speaking_day) once the text has said "сьогодні" of an act anywhere
    before: an address frames all it tells by that day. An act said to repeat ("щоденних обстрілів") takes no
    date from the context either. Other windows from earlier paragraphs are not
    carried over: on the ru/uk development gold that gained Ukrainian bulletins as much as it lost Russian
    reports. A future or hypothetical act (``modality``) takes no date from the context. In a ``headline``
    (headlines.is_headline) only a stated date counts: the body's context does not reach it, and an act noun
    with no date ("Удар по Харкову") is not given the publication day, since the annotation guide dates only
    what is stated or worked out from it (the ru/uk gold of outside annotators leaves such headlines undated).
    """
    s = doc.sentence_of(first)
    start, end = doc.tokens[first].start, doc.tokens[last - 1].end
    # the cue and source of each report, with its content: a time in the content is no date of the report ("По его
    # словам, в ноябре войска ..."; "заявил, что 12 мая ...")
    reporting = [(span, at.content) for at in attributions for span in (at.cue, at.source) if span is not None
                 and not (at.content[0] <= span[0] < at.content[1])]
    usable = [(a, b, value) for a, b, value in times if value is not None
              and ("/" in value or not any(max(a, c) - min(b, d) <= CUE_GAP_CHARS  # (a range dates no report:
                          and not SENTENCE_END.search(doc.text, min(b, d), max(a, c)) and not told[0] <= a < told[1]
                          for (c, d), told in reporting))
              and not _compared(doc, a)]  # "В течение недели, по данным СЦКК, ВСУ выпустили ...")
    best, best_gap, written = None, None, ""
    for a, b, value in usable:
        if a < s.start or b > s.end:
            continue
        gap = max(a - end, start - b, 0)
        if best_gap is None or gap < best_gap:
            best, best_gap, written = value, gap, doc.text[a:b]
    if best is not None and modality in UNDATED_MODALITIES and not _planned_before(doc, first):
        return month_ahead(best, written, today, MONTHS)  # (a month to come: "в мае" said in April)
    if best is not None and modality == "factual" and dated_after(best, today):
        return None  # a date to come is another act's ("закрыты до 19 марта из-за обстрелов")
    if best is not None or modality in UNDATED_MODALITIES or _habitual(doc, first, last):
        return best
    if headline:
        return None  # a headline is dated only by what it states (see the docstring)
    if RUNNING_TOTAL.match(doc.text, s.start) or LONG_PERIOD.search(doc.text, s.start, s.end):
        return None  # "Всего в ходе боевых действий на курском направлении противник потерял более 12 400": a total
    paragraph = doc.text.rfind("\n", 0, s.start) + 1
    window = [value for a, b, value in usable if paragraph <= a and b <= s.start and _is_window(value)
              and not dated_after(value, today)]  # (a day to come dates no act told after it: "25 мая начнет")
    if window:
        return window[-1]
    said_today = today is not None and any(value == today and b <= s.start and _dates_an_act(doc, a)
                                           for a, b, value in usable)
    return today if said_today else None


def _planned_before(doc: CyrDoc, first: int) -> bool:
    """True when a verb in the past stands before the act at token ``first`` in its comma-bounded clause
    ("планировали захватить Киев в феврале"): a plan of the past, whose month is not one to come."""
    s = doc.sentence_of(first)
    k = first - 1
    while k >= s.first and doc.tokens[k].text != ",":
        if doc.tokens[k].pos == "VERB" and "past" in doc.tokens[k].tags:
            return True
        k -= 1
    return False


def _habitual(doc: CyrDoc, first: int, last: int) -> bool:
    """True when a word of repetition stands next to the trigger ("зазнають щоденних обстрілів", "постоянно
    обстреливают"): an act of every day, which no single day from the context dates."""
    s = doc.sentence_of(first)
    near = doc.tokens[max(s.first, first - HABITUAL_REACH):min(s.last, last + HABITUAL_REACH)]
    return any(set(t.lemmas) & HABITUAL_LEMMAS for t in near)


def _is_window(value: str) -> bool:
    """True for a day or a range of days of at most MAX_WINDOW_DAYS (a bulletin's reporting window: "за
    минувшие сутки", "за тиждень"), not a month or a year, nor a range open since a date ("з 24 лютого",
    "з 2014 року": up to the publication day)."""
    parts = value.split("/")
    if not all(len(part) == 10 for part in parts):
        return False
    try:
        first, last = date.fromisoformat(parts[0]), date.fromisoformat(parts[-1])
    except ValueError:
        return False
    return (last - first).days <= MAX_WINDOW_DAYS


def _compared(doc: CyrDoc, char: int) -> bool:
    """True when the time expression starting at ``char`` follows a word of comparison ("як вчора") or, within
    SUPERLATIVE_REACH words of its clause, a superlative ("наймасованішу атаку від початку вторгнення")."""
    k = doc.token_at(char)
    if k is None or k == 0:
        return False
    if doc.tokens[k - 1].lower in COMPARISON_WORDS:
        return True
    before = doc.tokens[max(doc.sentence_of(k).first, k - SUPERLATIVE_REACH):k]
    before = before[next((i + 1 for i in range(len(before) - 1, -1, -1) if before[i].text == ","), 0):]
    return any("Supr" in t.tags or t.lemma in ("самый", "найбільший") or t.pos == "ADJF" and t.lower.startswith(
        ("най", "наи")) for t in before)


def _dates_an_act(doc: CyrDoc, char: int) -> bool:
    """False when the sentence of the time expression at ``char`` has only a copula for a verb: it says what
    the day was like ("Сьогодні був важкий день"), not what happened that day ("Сьогодні Росія атакувала
    ...", or verbless: "Сьогодні – нові удари")."""
    k = doc.token_at(char)
    if k is None:
        return False
    s = doc.sentence_of(k)
    verbs = [t for t in doc.tokens[s.first:s.last] if t.pos in ("VERB", "PRTS", "GRND", "INFN")]
    return not verbs or any(not set(t.lemmas) & COPULA_LEMMAS for t in verbs)
