"""Events of the Second World War told in a report about this one, dated to that war.

A Victory Day address speaks of both wars in one breath ("Вигнали нацистів з Луганська, ... звільнили від
окупантів Херсон, Мелітополь, Бердянськ"; "The Nazis were expelled from Luhansk ..."). With no year in the
sentence, the date rules give such an event the publication date, and the control ledger would read the
liberation of Kherson in 1943 as a claim about who holds it now. Here an event gets the war's period when its
text speaks of the Second World War by name and its sentence names the Nazis as people (not "neo-Nazis",
"неонацисты", nor the ideology "нацизм") or a city by the name it bore then and gave up long ago (Stalingrad,
Leningrad). Texts (body or headline) and events in, events out; pure.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...models import Event
from ..dates.dates import start_year

# Names of the Second World War and of its commemoration in the three languages (any case form by its stem).
WORLD_WAR = re.compile(
    r"Second World War|World War II\b|Great Patriotic War|Victory Day|Day of (?:Great )?Victory|Great Victory|"
    r"anti-Hitler|Велик(?:ая|ой|ую|ие|их) Побед|Велик(?:а|ої|у|ій) Перемог|"
    r"Втор(?:ая|ой|ую) мирово?(?:й|ой|ую)|Велик(?:ая|ой|ую) Отечественн|Д(?:ень|ня|нем|не) Победы|антигитлер|"
    r"Друг(?:а|ої|ій|у) світов|Велик(?:а|ої|ій|у) Вітчизнян|Д(?:ень|ня|нем|ні) [Пп]еремоги|антигітлер",
    re.IGNORECASE)
# The Nazis as people, in the plural: the ousted side of that war ("вигнали нацистів", "the Nazis were
# expelled"); a letter or hyphen right before ("neo-Nazis", "неонацистов") makes it this war's word.
NAZIS = re.compile(r"(?<![\w-])(?:Nazis|нацист(?:ы|ов|ам|ами|ах|и|ів|ами))\b", re.IGNORECASE)
# Names of cities that war knew and that were given up long before this one (Stalingrad is Volgograd since 1961):
# a sentence naming one tells of that war ("fought the enemy outside Moscow and Leningrad, Kiev and Minsk,
# Stalingrad and Kursk"), whatever else it names.
WARTIME_NAMES = re.compile(
    r"(?<![\w-])(?:Stalingrad|Сталинград|Сталінград|Leningrad|Ленинград|Ленінград|Voroshilovgrad|Ворошиловград|"
    r"Königsberg|Konigsberg|Кенигсберг|Кенігсберг)", re.IGNORECASE)
# The period an event of that war is dated to when its sentence gives no year.
WORLD_WAR_PERIOD = "1939/1945"
# The last year of that war: a date up to it is the sentence's own and is kept.
WORLD_WAR_END = 1945
SENTENCE_END = re.compile(r"[.!?…]\s|\n")


def world_war_events(events: Sequence[Event], text: str) -> list[Event]:
    """``events`` with those of a sentence naming the Nazis or a city by its wartime name dated to
    :data:`WORLD_WAR_PERIOD`, when ``text`` speaks of the Second World War by name (module docstring); an event
    already dated within that war keeps its date. Any other text gives ``events`` back unchanged."""
    # (the names of the war last: that pattern is the slowest to search)
    if not events or not (NAZIS.search(text) or WARTIME_NAMES.search(text)) or not WORLD_WAR.search(text):
        return list(events)
    out = []
    for event in events:
        start, end = _sentence(text, event.trigger[0])
        year = start_year(event.when)
        told = NAZIS.search(text, start, end) or WARTIME_NAMES.search(text, start, end)
        if told and not (year is not None and year <= WORLD_WAR_END):
            event = replace(event, when=WORLD_WAR_PERIOD)
        out.append(event)
    return out


def _sentence(text: str, at: int) -> tuple[int, int]:
    """Character bounds of the sentence around offset ``at`` (ends: ". ", "! ", "? ", "… " or a line break)."""
    start = max((m.end() for m in SENTENCE_END.finditer(text, 0, at)), default=0)
    found = SENTENCE_END.search(text, at)
    return start, found.start() + 1 if found else len(text)

