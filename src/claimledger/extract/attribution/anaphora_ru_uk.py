"""What a Russian or Ukrainian attribution refers back to: an anaphor before its cue ("Об этом сообщил X",
"Про це повідомив Генштаб", "Эту информацию опровергли в Кремле") stands for the sentence before; a pronoun
source inside a report by a named source in its sentence stands for that source when the two agree ("Миссия ООН
заявила, что, по ее оценке", ``agreeing_host``); one with no antecedent among the attributions is the last person
named before it (``person_before``).

Token ranges over a ``CyrDoc`` (cyrillic.py) in and out; attribution_ru_uk.py uses them for contents.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .cues_ru_uk import load_cue_lexicon
from ..language.cyrillic import CyrDoc
from .name_readings_ru_uk import first_and_surname, nominative_name
from .sources_ru_uk import (
    CLAUSE_BOUNDARIES, CLOSING_PUNCT, CONTRASTIVE, MAX_SOURCE_TOKENS, PRONOUNS, is_nominal, trim_range, words_at,
)

if TYPE_CHECKING:
    from .according_ru_uk import Found

# Anaphoric contents: "Об этом сообщил X", "Про це повідомив X" report the sentence before.
ANAPHORS = (("об", "этом"), ("о", "том"), ("про", "це"), ("это",), ("це",), ("об", "этом,")) + tuple(
    tuple(p.split()) for p in ("эту информацию", "эти данные", "эти сведения", "это сообщение", "это заявление",
                               "эти заявления", "эти утверждения", "цю інформацію", "ці дані", "ці відомості",
                               "це повідомлення", "цю заяву", "ці заяви", "ці твердження", "такое мнение",
                               "это мнение", "такие опасения", "таку думку", "цю думку", "такі побоювання"))
# Demonstratives that make the noun right before a cue an anaphor of what was said before, whatever the noun ("Такое
# мнение высказал X", "Такую уверенность выразил X", "Эти обвинения отверг Песков", "Цю думку висловив").
REFERRING_LEMMAS = frozenset({"этот", "такой", "цей", "такий"})
CLOSING_MARKS = frozenset({".", ",", ";", "!"})  # ... after such an object closing its clause
MAX_ANAPHOR_DISTANCE = 12  # tokens from "Про це" to its cue ("Про це в ранковому зведенні ... повідомив")
# The grammemes of a report's verb that a pronoun naming its source agrees with.
PRONOUN_AGREEMENT = {
    **dict.fromkeys(("он", "его", "він", "його"), {"masc", "neut"}),
    **dict.fromkeys(("она", "ее", "её", "вона", "її"), {"femn"}),
    **dict.fromkeys(("они", "их", "вони", "їх"), {"plur"}),
}
LOCATIVE_SOURCE_WORDS = 4  # words of a source "в/у ..." before an anaphor ("В пресс-службе ведомства эту информацию")


def anaphor_before(doc: CyrDoc, sent, cue_first: int, after_subject: bool = False) -> int | None:
    """Token index just after an anaphor ("об этом", "про це", or a demonstrative and a noun right before the cue) in
    the clause before a cue, else None; with ``after_subject`` (a cue of denial) also a demonstrative object after the
    subject ("Генштаб эти заявления опровергает", "Киев это отрицает", also as a clause after a comma: see
    :func:`clause_start`). An anaphor before "но"/"але" or another verb is the first predicate's ("У Генштабі це не
    коментували, але повідомили про ...", "эту информацию опровергли и обвинили в ...")."""
    toks = doc.tokens
    for i in range(max(sent.first, cue_first - MAX_ANAPHOR_DISTANCE), cue_first):
        for words in ANAPHORS:
            if words_at(toks, i, words) and (i == sent.first or toks[i - 1].text == "," or _after_comma_but(toks, i)
                                             or _after_locative_source(doc, sent.first, i)
                                             or after_subject and _denied_by_subject(doc, sent, i, words, cue_first)) \
                    and not any(t.text in (":", ";") or t.lower in CONTRASTIVE or t.pos == "VERB"
                                for t in toks[i + len(words):cue_first]) \
                    and not (len(words) == 1 and any(t.text == "," for t in toks[i + 1:cue_first])):
                return i + len(words)  # a bare "это" before a comma is a clause's subject ("Это позволит ..., заявили")
    i = cue_first - 2
    if demonstrative_noun_before(doc, sent, cue_first) \
            and (i == sent.first or toks[i - 1].text == "," or _after_comma_but(toks, i)
                 or after_subject and _denied_by_subject(doc, sent, i, (toks[i].lower, toks[i + 1].lower), cue_first)):
        return cue_first  # a demonstrative and a noun right before the cue (REFERRING_LEMMAS; after the subject of a
        # denial too: "Украинские военные эту версию отвергают")
    return None


def demonstrative_noun_before(doc: CyrDoc, sent, k: int) -> bool:
    """True when a demonstrative (REFERRING_LEMMAS) and a noun stand right before token ``k`` in its sentence: what
    was said before, whatever the noun ("Эти обвинения отверг Песков", "эти цифры назвали пропагандой")."""
    i = k - 2
    return i >= sent.first and bool(set(doc.tokens[i].lemmas) & REFERRING_LEMMAS) and doc.tokens[i + 1].pos == "NOUN"


def _after_comma_but(toks, i: int) -> bool:
    """True when a contrastive conjunction after a comma stands right before token i (", однак ці твердження
    спростували"; not the relative ", що про це кажуть")."""
    return i >= 2 and toks[i - 1].lower in CONTRASTIVE and toks[i - 2].text == ","


def _denied_by_subject(doc: CyrDoc, sent, i: int, words: tuple[str, ...], cue_first: int) -> bool:
    """True when the anaphor ``words`` at token ``i`` follows the subject or locative source of its clause, which
    may open after a comma (:func:`clause_start`), and is a phrase or stands right before the cue of denial
    ("Генштаб эти заявления опровергает", "Киев это отрицает", "..., в Генштабе ВСУ это опровергли")."""
    start = clause_start(doc, sent, i)
    return (len(words) > 1 or i + 1 == cue_first) and (_after_subject(doc, start, i)
                                                       or _after_locative_source(doc, start, i))


def source_before_anaphor(doc: CyrDoc, sent, anaphor_end: int) -> tuple[int, int] | None:
    """The locative source or subject that opens the sentence before its anaphor ("В Киеве эту информацию
    опровергли": Киеве; "Генштаб ВСУ эти заявления опровергает": Генштаб ВСУ), as a token range, else None."""
    toks = doc.tokens
    demonstrative = (toks[anaphor_end - 2].lower, toks[anaphor_end - 1].lower) \
        if demonstrative_noun_before(doc, sent, anaphor_end) else None  # "эту версию"
    for words in ANAPHORS + ((demonstrative,) if demonstrative else ()):
        i = anaphor_end - len(words)
        start = clause_start(doc, sent, i)
        if i > start and words_at(toks, i, words) and _after_locative_source(doc, start, i):
            return (start + 1, i)
        if i > start and words_at(toks, i, words) and _after_subject(doc, start, i):
            return (start, i)
    return None


def clause_start(doc: CyrDoc, sent, i: int) -> int:
    """The first token of the clause holding token ``i``: after the last comma before it whose stretch before
    holds a finite verb ("Вагнер заявил о взятии Артемовска, Киев это отрицает": Киев; a conjunction after the
    comma is stepped over), else the sentence's."""
    toks = doc.tokens
    comma = next((k for k in range(i - 1, sent.first, -1) if toks[k].text == ","), None)
    if comma is not None and any(t.pos == "VERB" for t in toks[sent.first:comma]):
        start = comma + 1
        while start < i and toks[start].pos == "CONJ":  # ", однако в Минобороны эту информацию опровергли"
            start += 1
        return start
    return sent.first


def antecedent_of(doc: CyrDoc, sent, anaphor_end: int) -> tuple[int, int] | None:
    """Character span an anaphor ending at token ``anaphor_end`` stands for: the clause before its own when that
    opens after a comma with a source before the anaphor ("Вагнер заявил о взятии Артемовска, Киев это
    отрицает", "..., однак ці твердження спростували в ООН"), else the sentence before ("Как передает ТАСС, об этом
    сообщил ...")."""
    start = clause_start(doc, sent, anaphor_end - 1)
    contrasted = sent.first < start and doc.tokens[start - 1].lower in CONTRASTIVE  # ", однако эти утверждения ..."
    if sent.first < start and (contrasted or not any(words_at(doc.tokens, start, words) for words in ANAPHORS)):
        part = trim_range(doc, sent.first, start - 1)
        return doc.char_span(*part) if part else None
    return sentence_before(doc, sent)


def _after_subject(doc: CyrDoc, first: int, i: int) -> bool:
    """True when the sentence opens with a short noun phrase, its subject, up to a fronted demonstrative object at
    token i ("Генштаб ВСУ эти заявления опровергает", "Кремль цю інформацію спростував")."""
    toks = doc.tokens
    return 1 <= i - first <= LOCATIVE_SOURCE_WORDS and toks[first].pos != "PREP" \
        and all(is_nominal(t) for t in toks[first:i])


def _after_locative_source(doc: CyrDoc, first: int, i: int) -> bool:
    """True when the sentence opens with "в/у" and a short source up to token i ("В Киеве эту информацию
    опровергли", "У Генштабі цю інформацію спростували")."""
    toks = doc.tokens
    return toks[first].lower in ("в", "у", "во") and 1 <= i - first - 1 <= LOCATIVE_SOURCE_WORDS \
        and all(is_nominal(t) for t in toks[first + 1:i])


# Anaphors that open a sentence saying only who reported the sentence before ("Об этом сообщил X", "Про це заявив").
REPORTED_BEFORE = (("об", "этом"), ("про", "це"))
# Openers of a sentence that goes on with what the speaker of the sentence before said ("По ее словам, бои
# продолжаются"): an anaphor opening the next paragraph ("В Минобороны эту информацию не подтверждали") stands for
# the news they go on from, not for the detail.
SPEAKER_GOES_ON = tuple(tuple(p.split()) for p in (
    "по его словам", "по ее словам", "по её словам", "по их словам", "по его данным", "по ее данным", "по их данным",
    "за його словами", "за її словами", "за їхніми словами", "за його даними", "за її даними", "за їхніми даними"))
# Anaphors right after a cue, before its inverted source ("Сообщил об этом глава города", "Повідомив про це ...").
ANAPHORS_AFTER = (("об", "этом"), ("про", "це"), ("про", "це,"))


def anaphor_after(doc: CyrDoc, sent, cue_last: int, denial: bool = False) -> int | None:
    """Token index just after an anaphor that follows a cue ("Сообщил об этом X"), or with ``denial`` a demonstrative
    and a noun closing the clause after a cue of denial ("Киев отверг эти обвинения"), else None."""
    toks = doc.tokens
    for words in ANAPHORS_AFTER:
        if cue_last + len(words) < sent.last and words_at(toks, cue_last, words):
            return cue_last + len(words)
    end = cue_last + 2
    if denial and end < sent.last and toks[end].text in CLOSING_MARKS and (
            demonstrative_noun_before(doc, sent, end) or (toks[cue_last].lower, toks[cue_last + 1].lower) in ANAPHORS):
        return end  # ("эти данные": "данные" read as an adjective)
    return None


def is_anaphoric(doc: CyrDoc, first: int, end: int | None = None) -> bool:
    """True when the tokens at first open with an anaphor. With ``end``, the clause up to that token must report it
    when the anaphor is a bare "это"/"це": "Это подтвердили в Минобороны, передает ТАСС" reports the sentence before,
    while "Это позволит перерезать пути снабжения, заявили в ведомстве" is the claim itself, "это" its subject."""
    found = next((w for w in ANAPHORS if words_at(doc.tokens, first, w)), None)
    if found is None or end is None or len(found) > 1:
        return found is not None
    lex = load_cue_lexicon()
    cues = lex.verbs | lex.np_verbs | lex.passives
    return any(set(t.lemmas) & cues for t in doc.tokens[first + 1:end])


# Words opening an adjunct of a source ("Как отмечает", "По словам", "За даними", "Згідно з"), and the words within
# which its comma stands.
COMMENT_OPENERS = frozenset({"как", "як", "по", "за", "согласно", "згідно", "по-мнению"})
COMMENT_OPENING_REACH = 8


def sentence_before(doc: CyrDoc, sent) -> tuple[int, int] | None:
    """The sentence before this one (without its final full stop), in the same paragraph; when that one only says
    who reported the one before it ("Об этом сообщила Анна Маляр"), that one before ("ВСУ заявили о взятии
    Работино. Об этом сообщила ... Маляр. В Минобороны эту информацию не подтвердили": the claim of the taking);
    at a paragraph's start, also when that one goes on with its speaker's words (SPEAKER_GOES_ON)."""
    n = doc.tokens[sent.first].sent
    if n == 0:
        return None
    prev = doc.sents[n - 1]
    if "\n\n" in doc.text[prev.end:sent.start] and len(doc.text[prev.start:prev.end].split()) < 4:
        return None  # a heading
    if n >= 2 and (any(words_at(doc.tokens, prev.first, words) for words in REPORTED_BEFORE)
                   or _comments_on_before(doc, prev)):
        return sentence_before(doc, prev)
    if n >= 2 and "\n" in doc.text[prev.end:sent.start] \
            and any(words_at(doc.tokens, prev.first, words) for words in SPEAKER_GOES_ON):
        return sentence_before(doc, prev) or _trimmed(doc, prev)
    return _trimmed(doc, prev)


def _comments_on_before(doc: CyrDoc, sent) -> bool:
    """True for a sentence that opens with an adjunct of a source and goes on with "это"/"це" ("Как отмечает Meduza,
    это первые заявления Киева ...", "За словами експертів, це ..."): a comment on the claim before it, which a
    denial after it refers past ("В Минобороны эти сведения не подтвердили")."""
    toks = doc.tokens
    comma = next((k for k in range(sent.first, min(sent.last, sent.first + COMMENT_OPENING_REACH))
                  if toks[k].text == ","), None)
    return comma is not None and comma + 1 < sent.last and toks[comma + 1].lower in ("это", "це") \
        and toks[sent.first].lower in COMMENT_OPENERS


def _trimmed(doc: CyrDoc, sent) -> tuple[int, int] | None:
    """The character span of a sentence without its final full stop, or None when nothing is left."""
    part = trim_range(doc, sent.first, sent.last)
    return doc.char_span(*part) if part else None


def person_before(doc: CyrDoc, index: int) -> tuple[str | None, str | None]:
    """(speaker, role) of the person a pronoun at token ``index`` picks up: in its sentence or the one before, the
    latest named in the nominative (a subject: "Путин провел переговоры с Макроном. Он отметил": Путин), else the
    last person named before it; a natasha PER span in Russian, a run of capitalised first-name/surname words in
    Ukrainian, with the role words before it."""
    from .speakers_ru_uk import describe_source

    toks = doc.tokens
    if index <= 0:
        return None, None
    # the sentence before the pronoun's opens the window in which a subject wins over a later name
    here = toks[min(index, len(toks) - 1)].sent
    window = doc.sents[max(0, here - 1)].first
    latest = None
    k = index - 1
    while k >= 0:
        if doc.entity_label(k) == "PER" or (toks[k].is_title and toks[k].tags & {"Surn"}
                                            and k > 0 and toks[k - 1].is_title and toks[k - 1].tags & {"Name"}) \
                or first_and_surname(doc, k):
            latest = k if latest is None else latest
            if k < window or nominative_name(doc, toks[k]):  # "Путин провел переговоры с Макроном. Он отметил": Путин
                break
            while k > 0 and doc.entity_label(k - 1) == "PER":
                k -= 1  # past the rest of this name
        elif k < window and latest is not None:
            break
        k -= 1
    if latest is None:
        return None, None
    k = k if k >= 0 and k >= window and nominative_name(doc, toks[k]) else latest
    start, end = k, k + 1
    while start > toks[k].sent and start > doc.sents[toks[k].sent].first and \
            toks[start - 1].text not in CLAUSE_BOUNDARIES | set(CLOSING_PUNCT) and end - start < MAX_SOURCE_TOKENS \
            and toks[start - 1].pos in ("NOUN", "ADJF", None):
        start -= 1
    return describe_source(doc, (start, end))


def agreeing_host(doc: CyrDoc, f: Found, before: list[Found]) -> int | None:
    """The index in ``before`` of a report in its sentence by a named source whose content holds the cue of ``f``
    and whose verb agrees with the pronoun that is f's source ("Миссия ООН заявила, что, по ее оценке"), or None."""
    pronoun = doc.tokens[f.source[0]].lower if f.source else ""
    wanted = PRONOUN_AGREEMENT.get(pronoun)
    anchor = f.cue or f.content
    for m in range(len(before) - 1, -1, -1):
        g = before[m]
        verb = doc.tokens[g.cue_token]
        if g.source is None or g.source[1] - g.source[0] == 1 and doc.tokens[g.source[0]].lower in PRONOUNS \
                or verb.sent != doc.tokens[f.cue_token].sent or verb.pos != "VERB" \
                or not (g.content[0] <= anchor[0] and anchor[1] <= g.content[1]):
            continue
        genders = verb.tags & {"masc", "femn", "neut", "plur"}
        return m if wanted is not None and (genders & wanted or not genders and "sing" in verb.tags
                                            and "plur" not in wanted) else None
    return None
