"""Russian and Ukrainian denials of reports: what a denial denies, and naming a claim a lie.

"Y заявил, что C. Эту информацию опровергли в Кремле" denies C, the report of the sentence before, not that Y
spoke; "В Кремле эти заявления назвали ложью", "Песков назвал ложью сообщения о переговорах", "назвал сообщения о
переговорах ложью", "У Генштабі назвали фейком заяву" deny as "опровергли" does. Token ranges over a ``CyrDoc``
(cyrillic.py) in and out; attribution_ru_uk.py builds the attributions.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .anaphora_ru_uk import demonstrative_noun_before, is_anaphoric, sentence_before
from ..language.cyrillic import CyrDoc, Token
from .sources_ru_uk import REPORT_NOUN_LEMMAS, find_source_before, fronted_report, trim_range

# Cue lemmas that deny their content.
DENIAL_LEMMAS = frozenset({"опровергнуть", "опровергать", "отрицать", "спростувати", "спростовувати", "заперечити",
                           "заперечувати", "отвергнуть", "отвергать"})  # (not "відкинути": also to push troops back)
# Verbs of confirming, whose negated cue withholds the content ("не подтвердили", "не підтвердили"): denied.
CONFIRMING_LEMMAS = frozenset({"подтвердить", "подтверждать", "підтвердити", "підтверджувати",
                               "признать", "признавать", "визнати", "визнавати"})  # ("не визнала втрату міста")
# Naming a claim a lie denies it: a naming verb and a verdict noun right after it.
VERDICT_VERBS = frozenset({"назвать", "называть", "назвати", "називати"})
VERDICT_NOUNS = frozenset({"ложью", "фейком", "неправдой", "вымыслом", "дезинформацией", "брехнею", "неправдою",
                           "вигадкою", "дезінформацією", "пропагандой", "пропагандою", "выдумкой", "враньем",
                           "враньём"})
# ... or two words ("назвав інформаційною операцією", "назвал информационным вбросом").
VERDICT_PHRASES = frozenset({("информационной", "операцией"), ("інформаційною", "операцією"),
                             ("информационным", "вбросом"), ("інформаційним", "вкидом"),
                             ("информационной", "провокацией"), ("інформаційною", "провокацією")})
# Verdicts of staging, which deny only what a report or an accusation says ("назвало провокацией публикации из
# Бучи", "назвали инсценировкой сообщения о ..."): of an act itself they blame its doer ("назвал провокацией обстрел
# Белгорода" tells the shelling happened).
STAGING_NOUNS = frozenset({"провокацией", "провокацією", "инсценировкой", "інсценуванням", "інсценізацією",
                           "постановкой", "постановкою"})
CLAIM_NOUN_LEMMAS = REPORT_NOUN_LEMMAS | frozenset({"публикация", "публікація", "обвинение", "звинувачення",
                                                    "кадр", "видео", "відео", "фото", "снимок", "ролик"})
# Words of the object a verdict may follow ("назвало заявления о нанесении удара по вокзалу провокацией"); the
# object ends at a comma, a quote or a verb.
MAX_OBJECT_WORDS = 12
STAGING_OBJECT_REACH = 2  # words after a verdict of staging right after its verb that may name the report
OBJECT_ENDS = frozenset({",", ";", ":", ".", "!", "?", "«", "»", '"', "—", "–", "(", ")", "что", "що", "и", "і", "та"})
MAX_NAME_WORDS = 3  # words of a name before a naming verb after a fronted report
ANAPHOR_REACH = 2  # words of an anaphor right before the verdict ("эти заявления назвали ложью")


class _Report(Protocol):
    content: tuple[int, int]
    cue: tuple[int, int] | None
    cue_token: int


def is_verdict(doc: CyrDoc, i: int) -> bool:
    """True for a naming verb at token i followed by a verdict of falsehood ("назвали ложью", "назвав
    інформаційною операцією")."""
    return _verdict_words(doc, i) > 0 or _late_verdict(doc, i) is not None


def _verdict_words(doc: CyrDoc, i: int) -> int:
    """The number of words of the verdict right after a naming verb at token i (0 for none)."""
    if not set(doc.tokens[i].lemmas) & VERDICT_VERBS:
        return 0
    return _verdict_size(doc, i + 1, doc.tokens[i + 2:i + 2 + STAGING_OBJECT_REACH])


def _verdict_size(doc: CyrDoc, j: int, named: Sequence[Token]) -> int:
    """The number of words of a verdict at token j (0 for none); a verdict of staging counts only when the words it
    is said of (``named``) hold a report or accusation noun."""
    words = tuple(t.lower for t in doc.tokens[j:j + 2])
    if not words:
        return 0
    if words[0] in STAGING_NOUNS:
        return int(any(set(t.lemmas) & CLAIM_NOUN_LEMMAS for t in named))
    return 1 if words[0] in VERDICT_NOUNS else 2 if words in VERDICT_PHRASES else 0


def _late_verdict(doc: CyrDoc, i: int) -> tuple[int, int] | None:
    """The token range of a verdict after the object of a naming verb at token i ("назвало заявления о нанесении
    удара провокацией"), else None."""
    if not set(doc.tokens[i].lemmas) & VERDICT_VERBS:
        return None
    end = min(len(doc.tokens), i + 2 + MAX_OBJECT_WORDS)
    for j in range(i + 2, end):
        t = doc.tokens[j]
        if t.lower in OBJECT_ENDS or t.pos in ("VERB", "INFN"):
            return None
        size = _verdict_size(doc, j, doc.tokens[i + 1:j])
        if size:
            return (j, j + size)
    return None


def verdict_parts(doc: CyrDoc, sent, k: int) -> tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None] | None:
    """(content, cue) as character spans and the source as a token range of a verdict at token k, else None:
    the content is what the words before the verb refer back to (the sentence before), else the phrase after
    the verdict noun."""
    size = _verdict_words(doc, k)
    late = None if size else _late_verdict(doc, k)
    if late is not None:  # "назвал сообщения о переговорах ложью": the object between them is what is denied
        if late[0] == k + 2 and doc.tokens[k + 1].pos == "NPRO" and not is_anaphoric(doc, k + 1):
            return None  # "опровергло информацию ..., назвав ее фейком": the report its own sentence denies
        source = find_source_before(doc, sent, k)
        if is_anaphoric(doc, k + 1) or late[0] == k + 3 and demonstrative_noun_before(doc, sent, late[0]):
            content = sentence_before(doc, sent)  # "назвав це брехнею", "назвали эти сообщения ложью"
            return (content, doc.char_span(k, k + 1), source) if content else None
        part = trim_range(doc, k + 1, late[0])
        return (doc.char_span(*part), doc.char_span(k, k + 1), source) if part else None
    if not size:
        return None
    cue = doc.char_span(k, k + 1 + size)
    anaphor = next((i for i in range(max(sent.first, k - ANAPHOR_REACH), k) if is_anaphoric(doc, i)), None)
    if anaphor is None and demonstrative_noun_before(doc, sent, k):
        anaphor = k - 2  # a demonstrative and any noun ("эти цифры назвали пропагандой")
    if anaphor is not None:
        content = sentence_before(doc, sent)
        return (content, cue, find_source_before(doc, sent, anaphor)) if content else None
    source = find_source_before(doc, sent, k) or _name_after_fronted_report(doc, sent, k)
    part = trim_range(doc, k + 1 + size, sent.last)
    if part is None and source is not None and fronted_report(doc, sent.first):
        part = trim_range(doc, sent.first, source[0])  # "Заяви Кремля про захоплення міста Череватий назвав ..."
    return (doc.char_span(*part), cue, source) if part else None


def _name_after_fronted_report(doc: CyrDoc, sent, k: int) -> tuple[int, int] | None:
    """The capitalised name right before a naming verb at token k when a report noun opens the sentence ("Заяви Кремля
    про захоплення міста Череватий назвав ..."): the one who names it; else None."""
    if not fronted_report(doc, sent.first) or k - 1 <= sent.first or not doc.tokens[k - 1].is_title:
        return None
    j = k - 1
    while j - 1 > sent.first and doc.tokens[j - 1].is_title and k - j < MAX_NAME_WORDS:
        j -= 1
    return (j, k)


def deny_what_was_reported(doc: CyrDoc, found: Sequence[_Report]) -> None:
    """A denial whose content is the sentence before takes the content of the one report that sentence
    holds ("Y заявил, что C. Эту информацию опровергли в Кремле": C), so that report is not nested in it; when that
    sentence holds none, the content of the last report of the sentence before it ("Горсовет сообщил, что C. Данные о
    погибших уточняются. В Минобороны назвали эти сообщения ложью": C)."""
    for f in found:
        if not (f.cue and f.content[1] <= f.cue[0] and (set(doc.tokens[f.cue_token].lemmas) & DENIAL_LEMMAS
                                                        or is_verdict(doc, f.cue_token))):
            continue
        inner = [g for g in found if g is not f and g.cue and f.content[0] <= g.cue[0] and g.content[1] <= f.content[1]]
        if len(inner) == 1:
            f.content = inner[0].content
        elif not inner and _sentence_at(doc, f.content[0]) < doc.tokens[f.cue_token].sent:
            n = _sentence_at(doc, f.content[0])  # (a content of the sentence before, not an object fronted)
            earlier = [g for g in found if g is not f and g.cue and g.content[1] <= f.content[0]
                       and _sentence_at(doc, g.content[1] - 1) == n - 1]
            if n > 0 and earlier:
                f.content = max(earlier, key=lambda g: g.content[1]).content


def _sentence_at(doc: CyrDoc, char: int) -> int:
    """The index of the sentence holding a character offset (-1 for none)."""
    i = doc.token_at(char)
    return -1 if i is None else doc.tokens[i].sent
