"""Collective sources of Russian and Ukrainian attributions: "(обидві) сторони" / "стороны" of a call, a meeting or
talks, which stand for the persons the paragraph names as meeting. ``sides_source`` finds the phrase before a cue
(token range), ``sides_speaker`` the persons it stands for (their canonical names joined with "; ").
"""
from __future__ import annotations

from ..language.cyrillic import CyrDoc
from .speakers_ru_uk import OFFICE_NOUNS, canonical_speaker, describe_source, is_name_word

# The plural sides of a call, a meeting or talks ("Обидві сторони наголосили", "Стороны отметили"): a
# described source that stands for the persons who met, when the paragraph names them.
SIDES_WORDS = frozenset({"сторони", "стороны"})
SIDES_QUANTIFIERS = frozenset({"обидві", "обидва", "обе", "оба", "дві", "две", "обі"})
MAX_SIDES = 3  # a call or meeting has two or three sides; more names are a list, not its participants


def sides_source(doc: CyrDoc, first: int, last: int) -> tuple[int, int] | None:
    """The span of "(обидві) сторони" ending right at token ``last`` (the cue) and starting at or after
    ``first``, as a token range, else None: the morphology reads "стороны" as a genitive singular, so the
    subject finder of sources_ru_uk.py misses it."""
    k = last - 1
    while k >= first and doc.tokens[k].pos in ("ADVB", "PRCL"):
        k -= 1  # "Стороны также отметили"
    if k < first or doc.tokens[k].lower not in SIDES_WORDS:
        return None
    start = k - 1 if k - 1 >= first and doc.tokens[k - 1].lower in SIDES_QUANTIFIERS else k
    if start > first and doc.tokens[start - 1].pos in ("NOUN", "ADJF", "NUMR", "PRTF"):
        return None  # "Представники сторони ...": the sides are not the subject's head
    return start, k + 1


def sides_speaker(doc: CyrDoc, source: tuple[int, int]) -> str | None:
    """For a source naming the sides ("Обидві сторони"), the two or three persons named in its paragraph
    before it, joined with "; " (their canonical names), else None."""
    first, last = source
    words = [t.lower for t in doc.tokens[first:last]]
    if not words or words[-1] not in SIDES_WORDS or not set(words[:-1]) <= SIDES_QUANTIFIERS:
        return None
    paragraph = doc.text.rfind("\n", 0, doc.tokens[first].start) + 1
    names: list[str] = []
    k = next((t.i for t in doc.tokens if t.start >= paragraph), first)
    while k < first:
        if not is_name_word(doc, doc.tokens[k]):
            k += 1
            continue
        start, end = k, k + 1
        while end < first and is_name_word(doc, doc.tokens[end]):
            end += 1
        if start > 0 and doc.tokens[start - 1].is_title and doc.tokens[start - 1].pos == "NOUN" \
                and doc.tokens[start - 1].start >= paragraph and doc.tokens[start - 1].lemma not in OFFICE_NOUNS:
            start -= 1  # a first name the dictionary does not tag ("Володимир Зеленський")
        written, _ = describe_source(doc, (start, end))
        name = canonical_speaker(written, doc.language)
        if name and end - start >= 2 and name not in names:
            names.append(name)
        k = end
    return "; ".join(names) if 1 < len(names) <= MAX_SIDES else None
