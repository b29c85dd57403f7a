"""When a statement was made: the words of time and date a Russian or Ukrainian report puts between a cue and its
source or after the source ("заявил в понедельник командующий", "сообщило 12 мая Минобороны", "у зведенні Генштабу
станом на 06:00"). They are no part of the source. Pure: tokens in, answers out.
"""
from __future__ import annotations

from ..language.cyrillic import Token

# Nouns of time after "в/у" at a clause start ("В воскресенье губернатор сообщил", "У п'ятницю речник заявив").
TIME_NOUNS = frozenset({"понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
                        "воскресение", "ночь", "утро", "день", "вечер", "сутки", "понеділок", "вівторок", "середа",
                        "четвер", "п'ятниця", "субота", "неділя", "ніч", "ранок", "вечір", "добу", "доба"})


def is_time_phrase(toks: list[Token], i: int) -> bool:
    """True for "в/у" and a noun of time at token i ("в понедельник", "у п'ятницю", "в субботу")."""
    return toks[i].lower in ("в", "у", "во") and i + 1 < len(toks) and toks[i + 1].lemma in TIME_NOUNS


def is_date_word(toks: list[Token], i: int) -> bool:
    """A day number, month name, year or "года/року" of a date between a cue and its source."""
    from ..dates.dates_ru_uk import MONTHS

    t = toks[i]
    if t.text.isdigit():
        return i + 1 < len(toks) and (toks[i + 1].lower in MONTHS or toks[i + 1].lemma in ("год", "рік"))
    return t.lower in MONTHS and i > 0 and toks[i - 1].text.isdigit() or t.lower in ("года", "року", "г", "р")


def dates_bulletin(toks: list[Token], k: int) -> bool:
    """True at the words that date a bulletin ("станом на 06:00", "по состоянию на 18:00"), which end its source."""
    return toks[k].lower == "станом" or toks[k].lower == "по" and toks[min(k + 1, len(toks) - 1)].lower == "состоянию"
