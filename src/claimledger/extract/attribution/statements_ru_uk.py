"""Statements named by a noun and a light verb, for attribution_ru_uk.py: "Заявление о взятии Бахмута сделал X",
"С заявлением о X выступил Y", "Заяву про захоплення зробив X", and, referring back, "С таким заявлением выступил X"
/ "З такою заявою виступив X" (what the sentence before says); and blame laid with the noun fronted ("В Киеве
ответственность за обстрел возложили на российские войска"), which the annotation guide reads as "blamed" (section
A.1; the verb before its noun, "возложил ответственность за ... на ...", is a light cue of the cue lexicon).

``statements_made(doc, sent, used)`` returns ``Found`` attributions of kind indirect: the "о/об/про" phrase as their
content (as "заявил о взятии Бахмута" has it), or the sentence before for a demonstrative; the subject after the verb
as their source. Pure: a CyrDoc in, token and character ranges out.
"""
from __future__ import annotations

import functools

from .according_ru_uk import Found
from .anaphora_ru_uk import sentence_before
from .cues_ru_uk import load_cue_lexicon
from ..language.cyrillic import WITH_OR_FROM_PREPOSITIONS, CyrDoc
from .sources_after_ru_uk import find_source_after
from .sources_ru_uk import ABOUT, find_source_before, trim_range

STATEMENT_LEMMAS = frozenset({"заявление", "заява"})  # nouns of a statement
# Verbs that make such a noun a report ("сделать заявление", "выступить с заявлением", "зробити заяву").
MAKING_LEMMAS = frozenset({"сделать", "выступить", "зробити", "виступити"})
# Demonstratives that make the statement the one the sentence before tells ("С таким заявлением выступил X").
REFERRING_LEMMAS = frozenset({"такой", "этот", "данный", "соответствующий", "подобный", "такий", "цей",
                              "відповідний", "подібний"})
STATEMENT_REACH = 12  # words from the noun to the verb that makes it (its "о ..." phrase between)
# Blame: the noun of responsibility, laid on someone ("на" + whom) for something ("за" + what) by the verbs the cue
# lexicon pairs with it as a light cue ("возложить ответственность").
BLAME_NOUNS = frozenset({"ответственность", "відповідальність"})
FOR = frozenset({"за"})
ON = frozenset({"на"})


def statements_made(doc: CyrDoc, sent, used: set[int]) -> list[Found]:
    """The statements of a sentence made by a noun and a light verb with their source after it (module docstring);
    the tokens they take are added to ``used``."""
    toks, out = doc.tokens, []
    for k in range(sent.first, sent.last - 1):
        if k in used or toks[k].pos != "NOUN" or not set(toks[k].lemmas) & STATEMENT_LEMMAS:
            continue
        verb = next((m for m in range(k + 1, min(sent.last, k + 1 + STATEMENT_REACH))
                     if toks[m].pos == "VERB" and set(toks[m].lemmas) & MAKING_LEMMAS), None)
        if verb is None or any(t.pos == "VERB" or t.text in (";", ":") for t in toks[k + 1:verb]):
            continue
        source = find_source_after(doc, sent, verb + 1)
        if source is None:
            continue
        opener = k - 1 if k > sent.first and toks[k - 1].pos in ("ADJF", "PRTF", "NPRO") else k
        referring = opener < k and set(toks[opener].lemmas) & REFERRING_LEMMAS
        with_before = opener > sent.first and toks[opener - 1].lower in WITH_OR_FROM_PREPOSITIONS  # "с заявлением"
        if referring and (verb != k + 1 or not with_before):
            continue
        if referring:
            content = sentence_before(doc, sent)
        else:
            if k + 1 >= verb or toks[k + 1].lower not in ABOUT:
                continue
            part = trim_range(doc, k + 1, verb)
            content = doc.char_span(*part) if part else None
        if content is None:
            continue
        cue_first = opener - 1 if with_before else opener
        used.update(range(cue_first, verb + 1))
        out.append(Found(content, "indirect", doc.char_span(k, k + 1), source, k))
    return out


@functools.lru_cache(maxsize=1)
def laying_lemmas() -> frozenset[str]:
    """The verbs that lay blame: those the cue lexicon makes a light cue with a noun of responsibility."""
    return frozenset(verb for verb, nouns in load_cue_lexicon().light.items() if nouns & BLAME_NOUNS)


def blames_laid(doc: CyrDoc, sent, used: set[int]) -> list[Found]:
    """Blame laid with the noun fronted before its verb ("В Киеве ответственность за обстрел возложили на
    российские войска"): the source before the noun, the content from "за" to the end of the sentence, the noun as
    the cue; the tokens they take are added to ``used``."""
    toks, out = doc.tokens, []
    for k in range(sent.first, sent.last - 2):
        if k in used or not set(toks[k].lemmas) & BLAME_NOUNS or toks[k + 1].lower not in FOR:
            continue
        verb = next((m for m in range(k + 2, min(sent.last, k + 1 + STATEMENT_REACH))
                     if toks[m].pos == "VERB" and set(toks[m].lemmas) & laying_lemmas()), None)
        if verb is None or verb + 1 >= sent.last or toks[verb + 1].lower not in ON \
                or any(t.pos == "VERB" or t.text in (";", ":") for t in toks[k + 1:verb]):
            continue
        source = find_source_before(doc, sent, k)
        part = trim_range(doc, k + 1, sent.last)
        if source is None or part is None:
            continue
        used.update(range(k, verb + 1))
        out.append(Found(doc.char_span(*part), "indirect", doc.char_span(k, k + 1), source, verb))
    return out
