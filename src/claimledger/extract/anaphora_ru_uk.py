"""What a Russian or Ukrainian attribution refers back to: an anaphor before its cue ("Об этом сообщил X",
"Про це повідомив Генштаб", "Эту информацию опровергли в Кремле") stands for the sentence before.

Token ranges over a ``CyrDoc`` (cyrillic.py) in and out; attribution_ru_uk.py uses them for contents.
"""
from __future__ import annotations

from .cyrillic import CyrDoc
from .sources_ru_uk import is_nominal, trim_range, words_at

# Anaphoric contents: "Об этом сообщил X", "Про це повідомив X" report the sentence before.
ANAPHORS = (("об", "этом"), ("о", "том"), ("про", "це"), ("это",), ("це",), ("об", "этом,")) + tuple(
    tuple(p.split()) for p in ("эту информацию", "эти данные", "эти сведения", "это сообщение", "это заявление",
                               "эти заявления", "эти утверждения", "цю інформацію", "ці дані", "ці відомості",
                               "це повідомлення", "цю заяву", "ці заяви", "ці твердження"))
MAX_ANAPHOR_DISTANCE = 12  # tokens from "Про це" to its cue ("Про це в ранковому зведенні ... повідомив")
LOCATIVE_SOURCE_WORDS = 4  # words of a source "в/у ..." before an anaphor ("В пресс-службе ведомства эту информацию")


def anaphor_before(doc: CyrDoc, sent, cue_first: int, after_subject: bool = False) -> int | None:
    """Token index just after an anaphor ("об этом", "про це") in the clause before a cue, else None; with
    ``after_subject`` (a cue of denial) also a demonstrative object after the subject ("Генштаб эти заявления
    опровергает")."""
    toks = doc.tokens
    for i in range(max(sent.first, cue_first - MAX_ANAPHOR_DISTANCE), cue_first):
        for words in ANAPHORS:
            if words_at(toks, i, words) and (i == sent.first or toks[i - 1].text == ","
                                             or _after_locative_source(doc, sent.first, i)
                                             or after_subject and len(words) > 1 and _after_subject(doc, sent.first, i)) \
                    and not any(t.text in (":", ";") for t in toks[i + len(words):cue_first]):
                return i + len(words)
    return None


def source_before_anaphor(doc: CyrDoc, sent, anaphor_end: int) -> tuple[int, int] | None:
    """The locative source or subject that opens the sentence before its anaphor ("В Киеве эту информацию
    опровергли": Киеве; "Генштаб ВСУ эти заявления опровергает": Генштаб ВСУ), as a token range, else None."""
    for words in ANAPHORS:
        i = anaphor_end - len(words)
        if i > sent.first and words_at(doc.tokens, i, words) and _after_locative_source(doc, sent.first, i):
            return (sent.first + 1, i)
        if i > sent.first and len(words) > 1 and words_at(doc.tokens, i, words) and _after_subject(doc, sent.first, i):
            return (sent.first, i)
    return None


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


# Anaphors right after a cue, before its inverted source ("Сообщил об этом глава города", "Повідомив про це ...").
ANAPHORS_AFTER = (("об", "этом"), ("про", "це"), ("про", "це,"))


def anaphor_after(doc: CyrDoc, sent, cue_last: int) -> int | None:
    """Token index just after an anaphor that follows a cue ("Сообщил об этом X"), else None."""
    for words in ANAPHORS_AFTER:
        if cue_last + len(words) < sent.last and words_at(doc.tokens, cue_last, words):
            return cue_last + len(words)
    return None


def is_anaphoric(doc: CyrDoc, first: int) -> bool:
    """True when the tokens at first open with an anaphor."""
    return any(words_at(doc.tokens, first, w) for w in ANAPHORS)


def sentence_before(doc: CyrDoc, sent) -> tuple[int, int] | None:
    """The sentence before this one (without its final full stop), in the same paragraph."""
    n = doc.tokens[sent.first].sent
    if n == 0:
        return None
    prev = doc.sents[n - 1]
    if "\n\n" in doc.text[prev.end:sent.start] and len(doc.text[prev.start:prev.end].split()) < 4:
        return None  # a heading
    part = trim_range(doc, prev.first, prev.last)
    return doc.char_span(*part) if part else None
