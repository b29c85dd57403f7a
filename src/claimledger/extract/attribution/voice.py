"""The voice of a text: who "I", "we" and "you" are.

In an address the first person is its author, named by the title ("Address by the President of the
Russian Federation", "звернення Президента України"): :func:`document_voice`. Inside a quotation the
first person is whoever is quoted, and in a transcript "you" is the previous turn's speaker:
:func:`speak_for_first_person`. Both work the same for English, Russian and Ukrainian attributions
(attribution.py, attribution_ru_uk.py); names and offices come from the office-holder registry of
speakers.py and, for Russian and Ukrainian surnames, the speaker table of speakers_ru_uk.py.
"""
from __future__ import annotations

import functools
import re
from dataclasses import replace

from ...models import Attribution
from .office_holders import load_office_holders

# Title words that make the person or office named in a title the author of the text ("Address
# by the President of the Russian Federation", "Essay by ... Andriy Yermak", "... - President"), in
# English and, as word starts, in Russian and Ukrainian ("звернення Президента України", "обращение
# Владимира Путина", "заява", "выступление", "послание", "інтерв'ю"). Nouns only: "заявил" in a
# headline reports someone in a news story, which keeps its own voice.
AUTHOR_CUES = re.compile(r"\b(?:address(?:ed)?|speech|essay|statement|remarks|article|interview|"
                         r"op-ed|message|appeal|letter|speaks|says)\b|\s[-–—]\s|"
                         r"\b(?:звернен|обращени|заявлени|заяв[аиіу]\b|заявою|виступ|выступлени|промов|"
                         r"послани|посланн|інтерв|интервью|статт[яіею]|стать[яиею]|колонк)", re.IGNORECASE)
CYRILLIC = re.compile(r"[а-яёіїєґ]", re.IGNORECASE)
# An office named without its country in a Russian or Ukrainian title ("звернення Президента"): the
# president of the state whose official sites write in the text's language (offices_ru_uk.HOME_OFFICES); with no
# language given, the title's, told apart by letters only Ukrainian has.
HOME_OFFICE_WORD = re.compile(r"(?<!\w)президент", re.IGNORECASE)
UKRAINIAN_LETTERS = re.compile(r"[іїєґ]", re.IGNORECASE)
# Letters of a Cyrillic word left off when it is matched in an inflected title ("Президента України"
# against "Президент України"), and the shortest stem kept (the rule of speakers_ru_uk.surname_key).
INFLECTION_CHARS = 2
MIN_STEM_CHARS = 4
# Words of a Russian or Ukrainian address that stand for its author ("я", "мы", "ми" and their case forms)
# or its addressee ("вы", "ви"): resolved as "I", "we" and "you" are in English.
FIRST_PERSON_SPEAKERS = frozenset({
    "we", "us", "i", "me",
    "я", "меня", "мне", "мной", "мы", "нас", "нам", "нами", "мене", "мені", "мною", "ми"})
SECOND_PERSON_SPEAKERS = frozenset({"you", "вы", "вас", "вам", "ви", "ты", "ти"})
# "You said ..." inside a turn answering an unlabelled question: the questioner, unnamed.
UNNAMED_ADDRESSEE = "unspecified (addressee)"
NAME_PATTERNS_MEMO = 4096  # compiled name patterns kept (the register holds some hundreds of names)


def _stem(word: str) -> str:
    return word[:max(MIN_STEM_CHARS, len(word) - INFLECTION_CHARS)] if len(word) > MIN_STEM_CHARS else word


def _named_in(name: str, lowered: tuple[str, str]) -> bool:
    """Whether a name occurs in lower-cased text, given as written and with plain Cyrillic letters
    (:func:`_plain_cyrillic`): as whole words, or for a Cyrillic name as a run of words that each start with the stem
    of the name's word (its case forms)."""
    pattern, cyrillic, first = _name_pattern(name)
    text = lowered[1] if cyrillic else lowered[0]
    return first in text and pattern.search(text) is not None  # (the plain test first: hundreds of names a title)


@functools.lru_cache(maxsize=NAME_PATTERNS_MEMO)
def _name_pattern(name: str) -> tuple[re.Pattern[str], bool, str]:
    """The compiled pattern of :func:`_named_in` for a name, whether it is Cyrillic, and the first word or stem that
    any match holds (compiled once: the office register's hundreds of names overflow the re module's own cache,
    which recompiled them for every title)."""
    if not CYRILLIC.search(name):
        return re.compile(rf"\b{re.escape(name.lower())}\b"), False, name.lower().split()[0]
    stems = [_stem(w) for w in _plain_cyrillic(name.lower()).split()]
    return re.compile(r"(?<!\w)" + r"\w*\s+".join(map(re.escape, stems)) + r"\w*"), True, stems[0]


def _plain_cyrillic(text: str) -> str:
    return text.replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def document_voice(title: str | None, published: str | None, language: str | None = None) -> str | None:
    """Return who speaks in the first person of a text whose title names its author, else None.

    The title must hold an authorship word (:data:`AUTHOR_CUES`, English, Russian or Ukrainian); the
    author is a registered person named there (a Russian or Ukrainian surname through the speaker table
    of speakers_ru_uk), else the holder on the publication date of the longest office named
    ("President of Ukraine" in "... - address by the President of Ukraine", "Президента України"), else
    for a Russian or Ukrainian title naming a president without a country, the home one
    (offices_ru_uk.HOME_OFFICES) of the text's ``language`` (else of the title's letters: "Звернення Президента" has no
    letter only Ukrainian writes).
    """
    if not title or not AUTHOR_CUES.search(title):
        return None
    lowered, day = (title.lower(), _plain_cyrillic(title.lower())), (published or "")[:10] or None
    terms = load_office_holders()
    for term in terms:
        if any(len(name) > 4 and _named_in(name, lowered) for name in term.person_names):
            return term.person
    if CYRILLIC.search(title):
        from .speakers_ru_uk import person_in_title
        person = person_in_title(title)
        if person is not None:
            return person
    offices = [(len(name), term.person) for term in terms if term.valid_on(day)
               for name in term.office_names if " " in name and _named_in(name, lowered)]
    if offices:
        return max(offices)[1]
    if CYRILLIC.search(title) and HOME_OFFICE_WORD.search(title):  # "... – звернення Президента"
        from .offices_ru_uk import office_holder
        home = language if language in ("ru", "uk") else "uk" if UKRAINIAN_LETTERS.search(title) else "ru"
        holder = office_holder("президент", home)
        return holder[0] if holder else None
    return None


def _office_of(person: str) -> str | None:
    """The office a registered person holds now (or last held), by name or alias, else None."""
    terms = [t for t in load_office_holders() if person == t.person or person in t.person_names]
    current = [t for t in terms if not t.until]
    return (current or terms)[0].office if terms else None


def _previous_turn(attributions: list[Attribution], turn: Attribution) -> Attribution | None:
    """The transcript turn before ``turn`` by someone else: whom "you" in ``turn`` addresses."""
    earlier = [a for a in attributions if a.cue is None and a.parent is None and a.kind == "direct"
               and a.content[1] <= turn.content[0] and a.speaker != turn.speaker]
    return earlier[-1] if earlier else None


def speak_for_first_person(attributions: list[Attribution], voice: str | None) -> list[Attribution]:
    """Resolve a first-person speaker ("we", "I", "мы", "я") nested in a quotation to the quoted
    speaker (in Putin's "We told the UN ...", the one who says so is Putin), one in the text's own
    voice to ``voice`` (the author of an address: :func:`document_voice`) when it is known, and
    "you" in an answer to the previous turn's speaker. Attributions in, the same list resolved out;
    the same for every language."""
    by_id = {a.id: a for a in attributions}
    resolved = []
    for attribution in attributions:
        holder, seen = attribution, set()
        while ((holder.speaker or "").lower() in FIRST_PERSON_SPEAKERS and holder.parent in by_id
               and holder.id not in seen):
            seen.add(holder.id)
            holder = by_id[holder.parent]
        if holder is not attribution and (holder.speaker or "").lower() not in FIRST_PERSON_SPEAKERS:
            attribution = replace(attribution, speaker=holder.speaker, speaker_role=holder.speaker_role)
        elif voice and holder.parent is None and (holder.speaker or "").lower() in FIRST_PERSON_SPEAKERS:
            attribution = replace(attribution, speaker=voice, speaker_role=attribution.speaker_role or _office_of(voice))
        elif (attribution.speaker or "").lower() in SECOND_PERSON_SPEAKERS and attribution.parent in by_id:
            addressee = _previous_turn(attributions, by_id[attribution.parent])
            attribution = replace(attribution, speaker=addressee.speaker if addressee else UNNAMED_ADDRESSEE,
                                  speaker_role=addressee.speaker_role if addressee else None)
        resolved.append(attribution)
    return resolved
