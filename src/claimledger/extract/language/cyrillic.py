"""A light document for Russian and Ukrainian text: tokens, sentences, morphology and named entities.

``parse_cyrillic(text, "ru" | "uk")`` returns a ``CyrDoc`` that the Russian and Ukrainian extractors
(attribution_ru_uk, places_ru_uk, events_ru_uk) share. Tokens come from a regular expression that keeps
apostrophes and hyphens inside words ("Лук’янців", "п'яти", "Ростов-на-Дону"); sentences from razdel;
lemmas and grammatical tags from pymorphy3 (Ukrainian or Russian dictionary); for Russian, person,
organisation and location entities from natasha's slovnet NER. Ukrainian has no NER model on PyPI, so its
extractors lean on capitalisation, morphology (Name/Surn tags) and the gazetteer.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .nlp import load_morphology, load_russian

# Words, numbers (with inner separators) and single punctuation marks. Apostrophes and hyphens stay
# inside words; a dash with spaces around it is punctuation.
TOKEN_RE = re.compile(
    r"[A-ZА-ЯЁІЇЄҐ][^\W\d_]+\.(?:[A-ZА-ЯЁІЇЄҐ]{2,3}|ру|ua|ru)(?![^\W\d_])"  # a site's name: Цензор.НЕТ, Газета.ру
    r"|[^\W\d_]+(?:['’ʼ`][^\W\d_]+|-[^\W_]+)*"  # words, with apostrophes and hyphenated parts
    r"|\d+(?:[.,:\u00a0\u202f]\d+)*(?:-[^\W\d_]+)?"  # numbers: 90, 3,5, 19.05.2024, 90-х
    r"|[^\w\s]",  # one punctuation mark
)

# Quotation marks that open and close direct speech and quoted names in Russian and Ukrainian copy.
OPEN_QUOTES = {"«": "»", "„": "“", "“": "”", '"': '"'}
DASHES = frozenset("—–-")


@dataclass(frozen=True, slots=True)
class Token:
    """One token with its morphology: best lemma and tags, and the lemmas of all readings."""

    i: int
    text: str
    start: int
    end: int
    sent: int
    lemma: str
    pos: str | None
    tags: frozenset[str]
    lemmas: tuple[str, ...]

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalpha()


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as character offsets and the token range [first, last)."""

    start: int
    end: int
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity over tokens [start, end): PER, ORG or LOC (natasha's labels)."""

    start: int
    end: int
    label: str


@dataclass
class CyrDoc:
    """Tokens, sentences and entities of one Russian or Ukrainian text."""

    text: str
    language: str
    tokens: list[Token]
    sents: list[Sentence]
    ents: list[Entity] = field(default_factory=list)
    _ends: list[int] | None = field(default=None, init=False, repr=False, compare=False)
    _labels: dict[int, str] | None = field(default=None, init=False, repr=False, compare=False)
    # what an extractor decides once per document and asks again per mention ("placed_lemmas": name_context_ru_uk)
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def span_text(self, first: int, last: int) -> str:
        """The text of tokens [first, last)."""
        return self.text[self.tokens[first].start:self.tokens[last - 1].end]

    def char_span(self, first: int, last: int) -> tuple[int, int]:
        """Character offsets of tokens [first, last)."""
        return (self.tokens[first].start, self.tokens[last - 1].end)

    def sentence_of(self, token_index: int) -> Sentence:
        return self.sents[self.tokens[token_index].sent]

    def token_at(self, char: int) -> int | None:
        """Index of the token that starts at or covers a character offset, else None (the first token
        ending after it: tokens are in text order)."""
        if self._ends is None:
            self._ends = [t.end for t in self.tokens]
        k = bisect.bisect_right(self._ends, char)
        return self.tokens[k].i if k < len(self.tokens) else None

    def entity_label(self, token_index: int) -> str | None:
        """The label of the entity holding the token, else None."""
        if self._labels is None:
            self._labels = {}
            for e in reversed(self.ents):  # the first entity holding a token wins, as in text order
                self._labels.update((i, e.label) for i in range(e.start, e.end))
        return self._labels.get(token_index)


# Ukrainian prepositions and conjunctions whose first dictionary reading (pymorphy3-dicts-uk) is a noun (a letter
# name, an abbreviation, "як" the yak): their function-word reading is taken instead.
UK_FUNCTION_WORDS = frozenset({"про", "до", "під", "перед", "серед", "об", "як", "на", "за"})
FUNCTION_POS = ("PREP", "CONJ", "PRCL")  # ... in this order: "на" is a preposition before it is a particle
# Words the dictionary reads first as a verb that war copy means as a noun: "сел" is the genitive of "сёла"
# ("освободили пять сел"), not "сел" (sat down).
NEWS_NOUNS = frozenset({"сел"})
PERSON_GRAMMEMES = frozenset({"Surn", "Name", "Patr"})  # a reading of a person's name
# Coordinating conjunctions of both languages; a verb after one shares the subject of the verb before ("заняли
# Ласточкино, а также вошли", "заявил ... и добавил").
COORDINATORS = frozenset({"и", "й", "і", "та", "а"})
RELATIVE_LEMMAS = frozenset({"который", "котрий", "який"})  # pronouns opening a relative clause


@functools.lru_cache(maxsize=200_000)
def _analyse(word: str, language: str) -> tuple[str, str | None, frozenset[str], tuple[str, ...]]:
    """Best lemma, POS, tags and all lemmas of one word (cached: news vocabulary repeats)."""
    parses = load_morphology(language).parse(word)
    if not parses:
        return word.lower(), None, frozenset(), (word.lower(),)
    best = parses[0]
    if language == "uk" and word.lower() in UK_FUNCTION_WORDS:  # "Про це повідомила ...": no noun "про"
        best = next((p for pos in FUNCTION_POS for p in parses if str(p.tag.POS) == pos), best)
    elif word.lower() in NEWS_NOUNS:
        best = next((p for p in parses if p.tag.POS == "NOUN"), best)
    elif language == "uk" and "impr" in best.tag:
        # the Ukrainian dictionary has no frequencies, and reads "війни", "води", "бомби" first as imperatives
        # (of "війнути", "водити"): in news a noun reading is far likelier
        best = next((p for p in parses if p.tag.POS == "NOUN"), best)
    elif best.tag.case != "nomn" and PERSON_GRAMMEMES & _grammemes(best.tag):
        # a word read first in an oblique case of a name: a first name as written, in the nominative, of one person
        # ("Ганна", not the genitive of a surname Ганн); else, for a first name or a word in lower case, a reading as
        # no name, a nominative if a noun ("Люди" of людина, "ніколи" the adverb, not forms of Люда, Нікола); else
        # the name ("Анны" of Анна; "Кличка" of Кличко, not the noun кличка)
        named = word[:1].isupper() and next((p for p in parses if p.tag.case == "nomn" and "Name" in p.tag
                                             and "plur" not in p.tag), None)
        if not named and ("Name" in best.tag or not word[:1].isupper()):
            named = next((p for p in parses if not PERSON_GRAMMEMES & _grammemes(p.tag)
                          and (p.tag.POS != "NOUN" or p.tag.case == "nomn")), None)
        best = named or best
    tags = _grammemes(best.tag)
    lemmas = tuple(dict.fromkeys(p.normal_form.replace("ё", "е") for p in parses[:6]))
    pos = str(best.tag.POS) if best.tag.POS else None
    return best.normal_form.replace("ё", "е"), pos, tags, lemmas


def _grammemes(tag) -> frozenset[str]:
    """The grammemes of a pymorphy3 tag ("NOUN,anim,masc sing,nomn" -> {"NOUN", "anim", ...})."""
    return frozenset(str(tag).replace(" ", ",").split(","))


def plain_word(word: str) -> str:
    """A word with ё written е and its apostrophes (’ ʼ) written ', as stems and word lists are written."""
    return word.replace("ё", "е").replace("’", "'").replace("ʼ", "'")


def _unified_apostrophes(word: str) -> str:
    return word.replace("’", "'").replace("ʼ", "'").replace("`", "'")


@functools.lru_cache(maxsize=20_000)
def word_readings(word: str, language: str) -> tuple[str, ...]:
    """Return the tags of every reading the dictionary gives a word ("VERB,perf sing,3per,futr", ...),
    apostrophes unified as in :func:`analyse_word`."""
    return tuple(str(p.tag) for p in load_morphology(language).parse(_unified_apostrophes(word.lower())))


@functools.lru_cache(maxsize=20_000)
def _reading_grammemes(word: str, language: str) -> tuple[frozenset[str], ...]:
    """The grammeme sets of :func:`word_readings`, part of speech first ({"VERB", "perf", "sing", ...})."""
    return tuple(frozenset(tag.replace(" ", ",").split(",")) for tag in word_readings(word, language))


def has_reading(word: str, language: str, pos: str | tuple[str, ...] | None = None, *grammemes: str) -> bool:
    """True when some reading the dictionary gives ``word`` is of part of speech ``pos`` (one of them, for a tuple;
    any, for None) and carries every grammeme of ``grammemes`` ("сел" has a NOUN reading; "Анны" one with "Name"
    and "gent"), whatever reading the token took."""
    kinds = frozenset((pos,) if isinstance(pos, str) else pos or ())
    return any((not kinds or r & kinds) and r.issuperset(grammemes) for r in _reading_grammemes(word, language))


def analyse_word(word: str, language: str) -> tuple[str, str | None, frozenset[str], tuple[str, ...]]:
    """Return (lemma, POS, tags, all lemmas) of a word in "ru" or "uk"; apostrophes unified."""
    return _analyse(_unified_apostrophes(word), language)


def parse_cyrillic(text: str, language: str, breaks: Sequence[int] = ()) -> CyrDoc:
    """Tokenise, split into sentences, tag morphology (and, for Russian, NER) one text; a sentence also ends at
    each offset of ``breaks`` (the end of a dateline: "Москва. 13 января. INTERFAX.RU - Минобороны ...")."""
    from razdel import sentenize

    sent_bounds = []
    for s in sentenize(text):  # razdel keeps a heading and the next line together: split at line breaks
        start = s.start
        for m in re.finditer(r"\n+", text[s.start:s.stop]):
            if text[start:s.start + m.start()].strip():
                sent_bounds.append((start, s.start + m.start()))
            start = s.start + m.end()
        if text[start:s.stop].strip():
            sent_bounds.append((start, s.stop))
    sent_bounds = _split_at(text, _rejoin_after_abbreviations(text, sent_bounds), breaks)
    tokens: list[Token] = []
    sents: list[Sentence] = []
    for n, (start, stop) in enumerate(sent_bounds):
        first = len(tokens)
        words = []
        for m in TOKEN_RE.finditer(text, start, stop):
            word = m.group()
            if word[:1].isalpha():
                lemma, pos, tags, lemmas = analyse_word(word, language)
            elif word[:1].isdigit():
                lemma, pos, tags, lemmas = word, "NUMB", frozenset({"NUMB"}), (word,)
            else:
                lemma, pos, tags, lemmas = word, "PNCT", frozenset({"PNCT"}), (word,)
            words.append((m.start(), m.end(), lemma, pos, tags, lemmas))
        for a, b, lemma, pos, tags, lemmas in _join_abbreviations(text, words, language):
            tokens.append(Token(len(tokens), text[a:b], a, b, len(sents), lemma, pos, tags, lemmas))
        if len(tokens) > first:
            sents.append(Sentence(start, stop, first, len(tokens)))
    doc = CyrDoc(text, language, tokens, sents)
    if language == "ru" and tokens:
        doc.ents = _russian_entities(doc)
    return doc


# Abbreviations of settlement nouns in bulletins ("освободили н.п. Железное", "с. Журавлевка", "пгт Нью-Йорк",
# "смт Вільшанка"), by (letters, full stop after each, lemma of the noun): the abbreviation becomes one token
# that reads as the noun (tag ABBREVIATED), so that the extractors see a settlement noun right before a name. They
# count only in lower case ("С. Шойгу" is an initial), before a capitalised name and not after a number ("в 2024
# г.", "500 м."): "с", "г" and "п" are also a preposition, a year and a clause.
SETTLEMENT_ABBREVIATIONS = {
    "ru": ((("н", "п"), True, "пункт"), (("нп",), False, "пункт"), (("с",), True, "село"), (("сел",), True, "село"),
           (("г",), True, "город"), (("х",), True, "хутор"), (("пос",), True, "посёлок"), (("пгт",), False, "посёлок"),
           (("п",), True, "посёлок")),
    "uk": ((("н", "п"), True, "пункт"), (("нп",), False, "пункт"), (("с",), True, "село"), (("м",), True, "місто"),
           (("смт",), False, "селище"), (("с", "м", "т"), True, "селище")),
}
# Abbreviations of "acting" before an office ("заявил и.о. губернатора Алексей Смирнов", "в.о. голови ОВА"), by
# letters (each with its full stop): one token that reads as the one-word title of the same sense (врио, тво), so
# that the speaker's title runs on to the name.
ACTING_ABBREVIATIONS = {"ru": ((("и", "о"), "врио"),), "uk": ((("в", "о"), "тво"), (("т", "в", "о"), "тво"))}
ABBREVIATED = "SettlementAbbr"  # (not pymorphy's "Abbr", which "г" of "год" has)
ABBREVIATION_TAGS = frozenset({"NOUN", "inan", "sing", ABBREVIATED})


# The end of a sentence razdel cut after a settlement noun's abbreviation, before the name ("обстріляв м. | Херсон").
# ... within a sentence of ordinary length: a run of such abbreviations (a list or hostile input) is not one sentence.
MAX_REJOINED_CHARS = 1_000
ABBREVIATION_END = re.compile(r"(?<![^\W\d_])(?:н\.\s?п|с|м|г|х|пос|сел|смт|пгт)\.$")


def _split_at(text: str, bounds: list[tuple[int, int]], breaks: Sequence[int]) -> list[tuple[int, int]]:
    """Sentence bounds cut at each offset of ``breaks`` that falls inside a sentence with words on both sides."""
    out: list[tuple[int, int]] = []
    for start, stop in bounds:
        for cut in sorted(b for b in breaks if start < b < stop):
            if text[start:cut].strip() and text[cut:stop].strip():
                out.append((start, start + len(text[start:cut].rstrip())))
                start = cut
        out.append((start, stop))
    return out


def _rejoin_after_abbreviations(text: str, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence bounds with a sentence that ends in a settlement noun's abbreviation joined to the next one on its
    line, when that opens with a capital (the settlement's name) and the two hold at most MAX_REJOINED_CHARS."""
    out: list[tuple[int, int]] = []
    for start, stop in bounds:
        if out and ABBREVIATION_END.search(text[out[-1][0]:out[-1][1]]) and "\n" not in text[out[-1][1]:start] \
                and text[start:start + 1].isupper() and stop - out[-1][0] <= MAX_REJOINED_CHARS:
            out[-1] = (out[-1][0], stop)
        else:
            out.append((start, stop))
    return out


def _join_abbreviations(text: str, words: list[tuple], language: str) -> list[tuple]:
    """The (start, end, lemma, pos, tags, lemmas) words of one sentence with each settlement noun's abbreviation
    (SETTLEMENT_ABBREVIATIONS, its letters and full stops) joined into one word that reads as the noun, and each
    abbreviation of ACTING_ABBREVIATIONS into one that reads as its title."""
    out: list[tuple] = []
    k = 0
    while k < len(words):
        acting = next(((width, title) for letters, title in ACTING_ABBREVIATIONS.get(language, ())
                       if (width := _spelled_at(text, words, k, letters, True, any_case=True))
                       and k + width < len(words)), None)
        if acting is not None:
            width, title = acting
            out.append((words[k][0], words[k + width - 1][1], *analyse_word(title, language)))
            k += width
            continue
        for letters, stopped, lemma in SETTLEMENT_ABBREVIATIONS.get(language, ()):
            width = _spelled_at(text, words, k, letters, stopped)
            if not width:
                continue
            after = words[k + width] if k + width < len(words) else None
            if after is None or not text[after[0]:after[1]][:1].isupper() or out and out[-1][3] == "NUMB":
                continue
            out.append((words[k][0], words[k + width - 1][1], lemma, "NOUN", ABBREVIATION_TAGS, (lemma,)))
            k += width
            break
        else:
            out.append(words[k])
            k += 1
    return out


def _spelled_at(text: str, words: list[tuple], k: int, letters: tuple[str, ...], stopped: bool,
                any_case: bool = False) -> int:
    """The number of words from ``k`` that spell the abbreviation ``letters`` (each with a full stop after it when
    ``stopped``; in capitals too when ``any_case``), or 0 when they do not."""
    width = len(letters) * (2 if stopped else 1)
    spelled = [text[w[0]:w[1]] for w in words[k:k + width]]
    spelled = [w.lower() for w in spelled] if any_case else spelled
    if len(spelled) < width or spelled[::2 if stopped else 1] != list(letters) \
            or stopped and any(p != "." for p in spelled[1::2]):
        return 0
    return width


def _russian_entities(doc: CyrDoc) -> list[Entity]:
    """natasha's NER spans mapped onto our tokens."""
    from natasha import Doc

    segmenter, ner = load_russian()
    nd = Doc(doc.text)
    nd.segment(segmenter)
    nd.tag_ner(ner)
    starts = {t.start: t.i for t in doc.tokens}
    ends = {t.end: t.i for t in doc.tokens}
    out = []
    for span in nd.spans:
        first, last = starts.get(span.start), ends.get(span.stop)
        if first is None or last is None:
            continue
        out.append(Entity(first, last + 1, span.type))
    return out


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of quoted passages (inside the marks) for «», „“, “” and straight quotes, outermost only.
    A straight quote opens after a space, a line break, a dash or a bracket, and closes otherwise."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch == '"':
            prev = text[i - 1] if i else " "
            opening = prev.isspace() or prev in "(«„“—–-:"
            if opening:
                stack.append(('"', i))
                continue
        elif ch in OPEN_QUOTES and not (ch == "“" and stack and stack[-1][0] == "„"):
            stack.append((ch, i))
            continue
        closer_of = {v: k for k, v in OPEN_QUOTES.items()}
        opener = "„" if ch == "“" and stack and stack[-1][0] == "„" else closer_of.get(ch)
        if opener is None and ch != '"':
            continue
        opener = '"' if ch == '"' else opener
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][0] == opener:
                start = stack[depth][1]
                del stack[depth:]
                if not stack:
                    out.append((start + 1, i))
                break
    return out


def within_quote(text: str, cue: tuple[int, int] | None, content: tuple[int, int],
                 quotes: list[tuple[int, int]]) -> tuple[int, int]:
    """A cue inside a quotation (:func:`find_quotes`) reports within it: the content (character span) ends where the
    quotation ends («Мы заявили, что X», — сказал Y: the content of "заявили" is X, not X and the reporting clause)."""
    if cue is None:
        return content
    start, end = content
    for q in quotes:
        if q[0] <= cue[0] and cue[1] <= q[1] and q[0] <= start < q[1] < end:
            end = q[1]
            while end > start and (text[end - 1].isspace() or text[end - 1] in ",.;:—–-"):
                end -= 1
            return start, end
    return content


# Parts of speech of a finite predicate (pymorphy): a verb or a short participle ("погиб", "ранены").
PREDICATE_POS = frozenset({"VERB", "PRTS"})
VERBAL_POS = PREDICATE_POS | {"INFN"}  # ... and the infinitive: the verb forms of a clause of its own
# The dictionary's case grammemes, the nominative first (a word's first reading in this order is its case).
CASE_ORDER = ("nomn", "gent", "datv", "accs", "ablt", "loct")
OBLIQUE_CASES = frozenset({"gent", "datv", "ablt", "loct"})  # the cases of a word inside a noun phrase, not its head
# "Out of": one of a group ("один из", "один з командирів"), freed out of captivity ("из плена", "з полону").
OUT_OF_PREPOSITIONS = frozenset({"из", "изо", "з", "із", "зі"})
# "From": whom a place is freed from ("освободили от оккупантов"), whom an outlet heard it from ("из источников").
FROM_PREPOSITIONS = frozenset({"из", "от", "з", "із", "від"})
# "С"/"з": with, before the instrumental ("с заявлением", "з полоненими"), or from, before the genitive ("с севера").
WITH_OR_FROM_PREPOSITIONS = frozenset({"с", "со", "з", "із", "зі"})
BRACKETED_NAME_TOKENS = 3  # words of a bracketed short name inside a source ("Институт изучения войны (ISW)")


def bracketed_name_before(toks: list[Token], end: int, floor: int) -> int | None:
    """The index of the "(" of a bracketed name of at most BRACKETED_NAME_TOKENS capitalised words ending with
    the ")" at ``end - 1`` and opening after ``floor`` ("(ISW)", "(ГУР)"), else None."""
    if end - 1 <= floor or toks[end - 1].text != ")":
        return None
    opening = next((j for j in range(end - 2, max(floor - 1, end - 3 - BRACKETED_NAME_TOKENS), -1)
                    if toks[j].text == "("), None)
    inside = toks[opening + 1:end - 1] if opening is not None else []
    return opening if inside and all(t.is_word and t.text[:1].isupper() for t in inside) else None
