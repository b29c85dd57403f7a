"""Speaker labels of Russian and Ukrainian posts and transcripts, for attribution_ru_uk.py: a line that opens with a
person's name and a colon ("Вячеслав Гладков: В результате атаки FPV-дрона ...", "Губернатор Курской области
Алексей Смирнов: ...", "Олег Синєгубов: Протягом доби ...") gives the rest of the text, up to the next such label,
to that person (annotation guide A.8: kind direct, no cue, the label as source; attributions inside the turn are
nested in it).

``speaker_turns(doc)`` returns ``Found`` attributions over a ``CyrDoc``; pure. A one-line text is a headline, whose
"X: ..." headlines.py reads.
"""
from __future__ import annotations

import re

from .according_ru_uk import Found
from ..language.cyrillic import CyrDoc
from .headlines import is_headline
from .name_readings_ru_uk import first_and_surname, name_initial

# A label opens a line: capitalised words up to a colon and a space, no sentence end between, the initials of a
# transcript's labels aside ("В.Путин: ...", "С. Лавров: ...").
LABEL = re.compile(r"(?m)^[ \t]*((?:[A-ZА-ЯЁІЇЄҐ]\.[ \t]?){0,2}[A-ZА-ЯЁІЇЄҐ][^\n:.!?«»\"]{2,100}?):[ \t]+(?=\S)")
MAX_LABEL_WORDS = 8  # a role and a name ("Временно исполняющий обязанности губернатора Алексей Смирнов")
NOT_IN_LABEL = frozenset({"VERB", "INFN", "GRND", "PRTS", "PRED"})  # a clause before a colon is no label


def speaker_turns(doc: CyrDoc) -> list[Found]:
    """The turns of a text's speaker labels (module docstring), in text order; [] for a headline."""
    if is_headline(doc.text):
        return []
    labels = []
    for match in LABEL.finditer(doc.text):
        first, last = doc.token_at(match.start(1)), doc.token_at(match.end(1) - 1)
        if first is None or last is None or last - first + 1 > MAX_LABEL_WORDS:
            continue
        words = doc.tokens[first:last + 1]
        if any(t.pos in NOT_IN_LABEL for t in words) or not _ends_with_person(doc, last):
            continue
        labels.append(((first, last + 1), match.start(), match.end()))
    turns = []
    for n, (source, _, start) in enumerate(labels):
        end = labels[n + 1][1] if n + 1 < len(labels) else len(doc.text)
        end = start + len(doc.text[start:end].rstrip())
        if end > start:
            turns.append(Found((start, end), "direct", None, source, source[0]))
    return turns


def _ends_with_person(doc: CyrDoc, k: int) -> bool:
    """True when token ``k`` ends a person's name: a first name and surname (natasha PER in Russian, morphology in
    Ukrainian), or an initial and a surname natasha reads as a person."""
    t = doc.tokens[k]
    if t.is_title and k > 1 and name_initial(doc, k - 2):
        return doc.entity_label(k) == "PER"  # a transcript's initial and surname ("В.Путин")
    return t.is_title and k > 0 and doc.tokens[k - 1].is_title and (
        doc.entity_label(k) == "PER" and doc.entity_label(k - 1) == "PER" or first_and_surname(doc, k))
