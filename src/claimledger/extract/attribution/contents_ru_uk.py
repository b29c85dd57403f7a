"""What a Russian or Ukrainian reporting cue reports, for attribution_ru_uk.py: the content after the cue (and an
inverted source), a quote, a "что" clause, an "о/про" phrase or an object noun (``content_after``), or an object
fronted before it ("Информацию о прорыве опроверг X": ``object_before``), up to where a second report begins.
Token ranges in, character spans and content kinds out, over a ``CyrDoc``.
"""
from __future__ import annotations

from .according_ru_uk import cue_role, quote_starting_at, rendered
from .cues_ru_uk import CueLexicon, load_cue_lexicon
from ..language.cyrillic import COORDINATORS, CyrDoc, has_reading
from .denials_ru_uk import CONFIRMING_LEMMAS, DENIAL_LEMMAS
from .sources_ru_uk import (
    ABOUT, CLOSE_MARKS, CONTRASTIVE, OPEN_MARKS, THAT, fronted_report, is_nominal, trim_range,
)

# Demonstratives after "о/про" that a clause completes ("говорили про те, як ...", "о том, что ...").
CORRELATIVES = frozenset({"те", "том", "то", "тому"})
# Conjunctions that open a new clause after a cue's object ("не исключает переговоров, но ...").
ADVERSATIVES = frozenset({"но", "однако", "але", "проте", "однак", "зато", "натомість"})
# Words of a source (and a fronted "это") between a contrastive conjunction and its cue ("..., но в Генштабе ВСУ
# это опровергли"): a content ends before such a report of another source.
CONTRAST_SOURCE_WORDS = 6
RECIPROCAL_FIRST = frozenset({"друг", "один", "одна", "одне", "одно"})  # "друг друга", "один одного"
RECIPROCAL_WORDS = 3  # ... with a preposition between at most ("друг на друга")
TAIL_MARKS = OPEN_MARKS | CLOSE_MARKS | {"(", ")", "-"}  # marks inside a source that closes a sentence
MAX_ADDRESSEE_TOKENS = 10  # tokens between a cue and its "что" ("заявил в эфире телеканала «Россия 24», что")


def object_before(doc: CyrDoc, sent, cue_first: int, quotes, role: str,
                  floor: int | None = None) -> tuple[tuple[int, int], str] | None:
    """An object fronted before its cue, the subject coming after it or (from ``floor``, the source's end) before
    it: the clause before the cue when it opens with a noun in the accusative (np_verb: "Информацию о прорыве
    опроверг X", "В Киеве информацию о взятии города опровергли") or with "о/об/про" and a noun ("Об уничтожении
    склада сообщили в Минобороны"); "Об этом сообщил X" is an anaphor, handled before."""
    first = next((i + 1 for i in range(cue_first - 1, sent.first - 1, -1) if doc.tokens[i].text in (",", ";", ":")),
                 sent.first)
    first = max(first, floor or first)
    last = cue_first
    while last > first + 1 and doc.tokens[last - 1].pos in ("ADVB", "PRCL"):
        last -= 1  # "сообщение о потере города пока не подтвердили": the adverb is the cue's
    part = trim_range(doc, first, last)
    while part is not None and part[1] - part[0] > 2 and doc.tokens[part[0]].pos == "ADVB" \
            and doc.tokens[part[0] + 1].lower in ABOUT:
        part = (part[0] + 1, part[1])  # "Накануне о взятии города заявлял Пригожин": the time is no part of it
    if part is None:
        return None
    head = doc.tokens[part[0]]
    about = head.lower in ABOUT and part[1] - part[0] >= 2 and doc.tokens[part[0] + 1].pos in ("NOUN", "ADJF")
    # (after a source named before it, an inanimate object may read as a nominative, one form for both cases, or open
    # with a possessive: "Минобороны факт удара подтвердило", "Украина свою причастность отрицает")
    accusative = "accs" in head.tags or floor is not None and {"nomn", "inan"} <= head.tags
    if not about and (role != "np_verb" or head.pos not in (("NOUN",) if floor is None else ("NOUN", "ADJF"))
                      or not accusative and not fronted_report(doc, part[0])):  # "Сообщения о прорыве": accusative too
        return None
    return rendered(doc, part, quotes)


def contains_cue_subject(doc: CyrDoc, part: tuple[int, int]) -> bool:
    """A content that ends in "X сказал, что" is not a content (guards the reversed pattern)."""
    return doc.tokens[part[1] - 1].lower in THAT


def content_after(doc: CyrDoc, sent, after: int, role: str, quotes) -> tuple[tuple[int, int], str] | None:
    """The content after a cue (and an inverted source): a quote, a "что" clause, an "о/про" NP, or an NP."""
    toks = doc.tokens
    i = after
    # skip an addressee or setting up to a comma before "что" ("заявил журналистам, что")
    limit = min(sent.last, after + MAX_ADDRESSEE_TOKENS)
    for j in range(after, limit):
        if toks[j].lower in THAT:
            first = j + 1
            part = trim_range(doc, first, _clause_end(doc, sent, first))
            return rendered(doc, part, quotes) if part else None
        if toks[j].text == ":":
            q = quote_starting_at(quotes, toks[j + 1].start) if j + 1 < len(toks) else None
            if q is not None:
                return q, "direct"
            part = trim_range(doc, j + 1, sent.last)
            return rendered(doc, part, quotes) if part else None
        if toks[j].text in ("«", "„", "“") and j == after:
            q = quote_starting_at(quotes, toks[j].start)
            if q is not None:
                return q, "direct"
        if toks[j].lower in ABOUT and role == "np_verb" and any(
                toks[m].pos == "NOUN" and toks[m].tags & {"accs", "nomn", "gent"} for m in range(after, j)):
            break  # the object noun is the content: "опроверг информацию о прорыве", "спростували заяву про ..."
        if toks[j].lower in ABOUT and role != "clause":  # "доложил министру о ходе"
            correlative = j + 1 < sent.last and toks[j + 1].lower in CORRELATIVES  # "про те, як ...": the clause
            end = _clause_end(doc, sent, j)
            part = trim_range(doc, j, end if correlative else _noun_phrase_end(doc, j, end))
            return rendered(doc, part, quotes) if part else None
        if toks[j].pos in ("VERB", "INFN", "GRND") or toks[j].text in (".", "!", "?") or toks[j].lower in ADVERSATIVES:
            break
    if role in ("np_verb", "light", "passive") and i < sent.last and toks[i].text not in (",", ";", "—", "–"):
        # (an object right after the cue: "опровергли, заявив, что ..." has none, its report is the gerund's)
        if role == "light" and toks[i].lower in ("на",):
            i += 1
        end = _clause_end(doc, sent, i)
        end = next((j for j in range(i + 1, end - 1) if toks[j].text == "," and (
            toks[j + 1].lower in ADVERSATIVES
            or toks[j + 1].lower == "а" and any(t.pos == "VERB" for t in toks[j + 2:end])
            or _reporting_tail(doc, sent, j + 1, load_cue_lexicon()))), end)
        part = trim_range(doc, i, end)  # an NP object ends before ", но ..." ("не исключает переговоров, но ...")
        # and before ", а" opening a clause of its own ("назвал произошедшее «началом», а глава СБУ ... признал")
        # or a report closing the sentence ("не виключає відправлення військ, заявив Макрон після зустрічі")
        if part and (part[1] - part[0] >= 2 and not _reciprocal(doc, part) or _verdict_on_a_noun(doc, part)):
            return rendered(doc, part, quotes)
    return None


def _reciprocal(doc: CyrDoc, part: tuple[int, int]) -> bool:
    """True for an object that is a reciprocal pronoun ("стороны обвиняют друг друга", "звинувачують одне одного"):
    whom the act concerns, no claim."""
    toks = doc.tokens
    return part[1] - part[0] <= RECIPROCAL_WORDS and toks[part[0]].lower in RECIPROCAL_FIRST \
        and toks[part[1] - 1].lower.startswith(("друг", "одн"))


def _verdict_on_a_noun(doc: CyrDoc, part: tuple[int, int]) -> bool:
    """True for a one-noun object right after a verb of confirming or denying: what happened ("Пентагон подтвердил
    удар", "опровергли захват"), which a longer phrase need not spell out."""
    first = part[0]
    return part[1] - first == 1 and first > 0 and doc.tokens[first].pos == "NOUN" \
        and bool(set(doc.tokens[first - 1].lemmas) & (CONFIRMING_LEMMAS | DENIAL_LEMMAS))


def _noun_phrase_end(doc: CyrDoc, first: int, end: int) -> int:
    """Where a noun-phrase content from token ``first`` ends before ``end``: at a comma that opens a clause of
    its own, one with a finite verb before the next comma ("заявили про «звільнення» Очеретиного, у ЗСУ це не
    підтверджують"; "про захоплення Новоселівки, але Генштаб ... спростовує"); a list runs on ("про А, Б і В")."""
    toks = doc.tokens
    for i in range(first + 1, end):
        if toks[i].text != ",":
            continue
        nxt = next((k for k in range(i + 1, end) if toks[k].text == ","), end)
        if any(t.pos == "VERB" for t in toks[i + 1:nxt]):
            return i
    return end


def _reporting_tail(doc: CyrDoc, sent, k: int, lex: CueLexicon) -> bool:
    """True when the reporting verb at token k and its source after it close the sentence (", сообщает ТАСС", ",
    передает РИА Новости со ссылкой на пресс-службу", ", пишет «Коммерсантъ»")."""
    toks = doc.tokens
    if cue_role(toks[k], lex, doc) is None:
        return False
    j = k + 1
    while j < sent.last and (is_nominal(toks[j]) or toks[j].text in TAIL_MARKS or toks[j].pos == "PREP"
                             or has_reading(toks[j].text, doc.language, "PREP")):  # ("після" read as an adverb)
        j += 1
    return j > k + 1 and all(not t.is_word for t in toks[j:sent.last])


def _clause_end(doc: CyrDoc, sent, first: int) -> int:
    """Where a content starting at ``first`` ends: the sentence end, or before a coordinated second
    reporting verb ("оцінив ... і додав, що ...") or a contrasted report by another source ("..., но Пригожин
    это опроверг")."""
    lex = load_cue_lexicon()
    toks = doc.tokens
    for i in range(first + 1, sent.last - 1):
        if toks[i].text == "," and toks[i + 1].pos == "GRND" and "perf" in toks[i + 1].tags \
                and cue_role(toks[i + 1], lex, doc) is not None:
            return i  # "..., добавив, что ...": a second report by the same speaker
        if toks[i].text == "," and toks[i + 1].pos == "VERB" and _reporting_tail(doc, sent, i + 1, lex):
            return i  # "X заявил, что C, сообщает ТАСС": the outlet's report of it closes the sentence
        if toks[i].lower not in COORDINATORS | CONTRASTIVE:
            continue
        j = i + 1
        while j < sent.last - 1 and toks[j].pos in ("ADVB", "PRCL"):
            j += 1  # "..., а также уточнил, что ..."
        if cue_role(toks[j], lex, doc) is not None:
            return i
        if toks[i].lower in CONTRASTIVE | {"а"}:  # "..., но Пригожин это опроверг": another source's report
            k = j
            while k < min(sent.last - 1, j + CONTRAST_SOURCE_WORDS) \
                    and (is_nominal(toks[k]) or toks[k].pos in ("PREP", "PRCL")):
                k += 1
            if k > j and toks[k].pos == "VERB" and cue_role(toks[k], lex, doc) is not None:
                return i
    return sent.last
