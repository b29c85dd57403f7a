"""Offices in Russian and Ukrainian source phrases: who holds an office a source names without a person
("президент України", a bare "Президент", "Президента РФ" in any case), from the office-holder registry; and a bare
office ("Генштаб") read as the publisher's own side's; a Ukrainian official named in Russian copy, in the spelling
Ukraine gives the name.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ...models import Attribution
from ..language.cyrillic import CyrDoc
from .office_holders import load_office_holders
from .romanisation import romanise, ukrainian_romanisation
from .speakers_ru_uk import plain_key

# Offices named without their country ("звернення Президента", "обращение Президента"): the office of
# the state whose official sites write in the text's language (president.gov.ua in Ukrainian, kremlin.ru in
# Russian). A heuristic for headlines and leads of those sites; a country named with the office wins.
HOME_OFFICES = {"uk": {"президент": "President of Ukraine"}, "ru": {"президент": "President of Russia"}}


def office_holder(phrase: str | None, language: str) -> tuple[str, str] | None:
    """(person, office) for a Russian or Ukrainian office written in the nominative ("президент України",
    "Президент РФ", a bare "президент" by :data:`HOME_OFFICES`), from the office-holder registry's current
    holders; None when the phrase names no registered office."""
    if not phrase:
        return None
    key = plain_key(phrase.lower())
    home = HOME_OFFICES.get(language, {}).get(key)
    for term in load_office_holders():
        if not term.until and (term.office == home or key in {plain_key(name) for name in term.office_names}):
            return term.person, term.office
    return None


def source_office(doc: CyrDoc, source: tuple[int, int]) -> tuple[str, str] | None:
    """(person, office) for a source phrase that names a registered office in any case ("Президента
    України" -> the President of Ukraine), by its first word's dictionary form; else None."""
    first, last = source
    rest = doc.text[doc.tokens[first].end:doc.tokens[last - 1].end] if last - first > 1 else ""
    return office_holder(doc.tokens[first].lemma + rest, doc.language)


# Offices Russian copy names bare ("Генштаб сообщил"), which the lexicon reads as Russia's; a publisher of the other
# side (a Ukrainian outlet's Russian edition) means its own side's office by the bare name.
BARE_OFFICES = {"General Staff of the Russian Armed Forces": {"ukraine": "General Staff of the Armed Forces of Ukraine"}}
# Word starts that tie a source to Russia whoever publishes it ("Генштаб ВС РФ", "Генштаб России").
RUSSIAN_QUALIFIERS = ("рф", "росс", "росі", "российск", "російськ")


def publisher_offices(attributions: Sequence[Attribution], text: str, publisher_side: str) -> list[Attribution]:
    """The attributions with a bare office (BARE_OFFICES) named as the publisher's own side's: "Генштаб" in a
    Ukrainian outlet is Ukraine's General Staff; a source qualified as Russian's stays Russia's."""
    out = []
    for a in attributions:
        own = BARE_OFFICES.get(a.speaker or "", {}).get(publisher_side)
        source = text[a.source[0]:a.source[1]].lower() if a.source else ""
        if own and not any(w.startswith(RUSSIAN_QUALIFIERS) for w in re.findall(r"\w+", source)):
            a = replace(a, speaker=own)
        out.append(a)
    return out


# Offices of Ukraine's side as Russian copy names them ("начальник Харьковской ОВА", "командующий ... ВСУ", "министр
# ... Украины"); not the military-civil administrations ("ВГА") Russia set up in occupied land, nor a mayor, who may be
# of either side.
UKRAINIAN_OFFICE = re.compile(r"Украин|ВСУ|\bОВА\b|\bГВА\b|Верховн\w* Рад|\bСБУ\b|\bГУР\b|Нацгварди|Офис\w* президента")


def as_ukraine_writes(speaker: str | None, nominative: str | None, role: str | None, language: str) -> str | None:
    """``speaker`` in Ukraine's spelling when it is the Russian romanisation of a person named in Russian copy whose
    role is an office of Ukraine's side ("командующий Сухопутными войсками ВСУ Александр Павлюк"): Oleksandr Pavliuk,
    as Ukrainian reports name him, not Aleksandr Pavlyuk; else ``speaker``."""
    if language != "ru" or not speaker or not nominative or not role or UKRAINIAN_OFFICE.search(role) is None \
            or speaker != romanise(nominative, "ru"):
        return speaker
    return ukrainian_romanisation(nominative)
