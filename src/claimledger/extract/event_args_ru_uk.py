"""The actor and target of a Russian or Ukrainian event trigger (events_ru_uk.py), over tokens and morphology.

``actor_of(doc, first, kind)`` is the token range of who acts: the nominative subject before a verb trigger,
or for a taking of territory the force named after it; ``target_of(doc, first, last, places)`` names what a
verb trigger acts on: a place right after it, else the accusative noun phrase there.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..models import Place
from .cyrillic import CyrDoc
from .event_places_ru_uk import FORCE_LEMMAS, QUOTE_MARKS, clause_of

ACTOR_AFTER_WINDOW = 3  # words after a verb of taking searched for the force that took ("освободили подразделения")
TARGET_WINDOW = 4  # words after a verb trigger searched for what it acts on


def actor_of(doc: CyrDoc, first: int, kind: str = "") -> tuple[int, int] | None:
    """The subject before a verb trigger, as a token range: the nearest nominative noun phrase in its clause;
    for a taking of territory with none, a force named right after the verb (:func:`_actor_after`)."""
    t = doc.tokens[first]
    if t.pos not in ("VERB", "PRTS", "GRND", "INFN"):
        return None
    c_first, _ = clause_of(doc, first, first + 1)
    for k in range(first - 1, max(c_first - 1, first - 8), -1):
        w = doc.tokens[k]
        if w.text in (",", ":", "«", "»"):
            break
        if (w.pos == "NOUN" and "nomn" in w.tags and (set(w.lemmas) & FORCE_LEMMAS or "anim" in w.tags)) \
                or (set(w.lemmas) & FORCE_LEMMAS and k >= first - 2) \
                or (w.text.isupper() and len(w.text) > 1) or doc.entity_label(k) in ("ORG", "PER"):
            start = k
            while start > c_first and doc.tokens[start - 1].pos in ("ADJF", "PRTF") and "nomn" in doc.tokens[start - 1].tags:
                start -= 1
            end = k + 1
            while end < first and (doc.tokens[end].text.isupper() or "gent" in doc.tokens[end].tags) \
                    and doc.tokens[end].pos in ("NOUN", None):
                end += 1
            return start, end
    return _actor_after(doc, first) if kind == "territory_control" else None


def _actor_after(doc: CyrDoc, first: int) -> tuple[int, int] | None:
    """A force named after a verb of taking, its subject in inverted order ("Город заняли
    подразделения мотострелковой бригады ВС РФ"): what is taken is a place, never a unit, so a force noun
    there is who took it. The phrase runs on through genitives, abbreviations and a quoted unit name."""
    s = doc.sentence_of(first)
    for k in range(first + 1, min(s.last, first + 1 + ACTOR_AFTER_WINDOW)):
        w = doc.tokens[k]
        if w.text in (",", ";", ".", ":"):
            return None
        if w.pos == "NOUN" and set(w.lemmas) & FORCE_LEMMAS:
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
            return k, end
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
        if t.pos == "NOUN" and "accs" in t.tags:
            end = k + 1
            while end < stop and doc.tokens[end].pos == "NOUN" and "gent" in doc.tokens[end].tags:
                end += 1  # "склад боеприпасов"
            return doc.span_text(k, end)
    return None
