"""Attributions that only a headline makes: a claim and its author joined by punctuation.

Headlines drop the reporting verb. These forms name who claims a headline's content
(data/dev/README.md, section A, item 8 for the label form; the headline gold of war_reports_dev):

* "<content> - address by the President of Ukraine", "<content> – звернення Президента",
  "<content>: звернення Президента України": an authorship noun (and "by") is the cue, what follows
  is the source;
* "<content> - President Volodymyr Zelenskyy": a dash and a named person or office, no cue;
* "Peskov: <content>", "Зеленський: <content>": a leading speaker label, no cue;
* "«<quote>»: Зеленський про ...", "'<quote>' - Peskov on ...": a leading quotation and the capitalised
  name right after it, no cue;
* "<claim>, Ukraine denies", "<claim>, Киев отрицает": a denial with no object by the name before it, the
  denial verb its cue (the claim's own source, "Russia says ...", is read by the ordinary extractors).

The content is ``direct`` when it is wholly quoted (its quotation marks left out), else
``according_to`` (the source stands outside the clause, as with *according to X*). Verbs of saying
in a headline ("..., says X", "X says ...") are read by the ordinary extractors.

Text in, :class:`HeadlineClaim` (character spans) out; attribution.py and attribution_ru_uk.py turn
it into an ``Attribution`` and resolve its speaker as they do for any source. Whether a phrase names
a speaker is decided by the caller (``is_speaker``), which knows the language's names and offices.

A headline names its speaker by surname alone ("Маляр: ...", "Балицкий сообщил ..."); :func:`settle_headline_speakers`
gives it the full name the body resolved for the same person.

A headline also speaks of its publication day unless it names another: :func:`date_headline_events`
gives that day to the undated events of an English title whose trigger names an act with a noun
("Telephone conversation with ...", "... held a video conference"); event_dates_ru_uk.when_of does the
same for Russian and Ukrainian titles.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ...models import Attribution, Event
from ..events.attack_senses_ru_uk import ATTACK_STEM
from ..dates.dates import parse_published

MAX_TOWN_WORDS = 3  # words of a town's name as a headline's label ("Velyka Novosilka:")
# A text is read as a headline when it is one line of at most this many characters (the longest
# headline of war_reports_dev.tune is ~230 characters; a body paragraph runs longer or over lines).
MAX_HEADLINE_CHARS = 300
# A source after a dash or before a colon is a short name or office ("President of Ukraine",
# "Head of the Office of the President of Ukraine" is 8 words); longer runs are clauses.
MAX_SOURCE_WORDS = 9
# Word starts of a headline's attack, which the body may tell as a strike ("Атака на Київ", "Атаку на Харків").
ATTACK_STEMS = (ATTACK_STEM, "attack")
# A content shorter than this many words is a kicker or a topic label, not a claim ("Стоїмо міцно"
# has two words and is a claim; "Ukraine:" alone is not).
MIN_CONTENT_WORDS = 2
# Nouns that make the person after them the author of what precedes ("... - address by X"), in English
# (followed by "by") and, as nominative forms, in Russian and Ukrainian ("... – звернення Президента").
AUTHORSHIP_NOUNS = (r"(?:address|speech|statement|remarks|message|appeal|essay|article|op-ed|letter)\s+by"
                    r"|звернення|обращение|заява|заявление|виступ|выступление|послання|послание|промова")
DASH = r"\s+[-–—]\s+"
_AUTHOR_TAIL = re.compile(rf"^(?P<content>.+?)(?:{DASH}|\s*:\s+)(?P<cue>{AUTHORSHIP_NOUNS})\s+(?:the\s+)?"
                          rf"(?P<source>[^\s].*?)$", re.IGNORECASE)
_DASH_TAIL = re.compile(rf"^(?P<content>.+){DASH}(?P<source>[^\s].*?)$")
# A trailing denial by a named source, no object ("Russia says it captured Bilohorivka, Ukraine denies"): the source
# denies the claim before the comma, whatever its name (a state or capital speaks here).
_DENIAL_TAIL = re.compile(r"^(?P<content>.+?),\s+(?:the\s+)?"
                          r"(?P<source>[A-ZА-ЯЁІЇЄҐ][\w'’ʼ.-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’ʼ.-]*){0,2})\s+"
                          r"(?P<cue>denies|rejects|refutes|disputes|отрицает|опровергает|заперечує|спростовує)[\s.!]*$")
# A leading quotation, then a colon or dash and the one quoted ("«Мы не отступим»: Зеленский о ...").
_QUOTE_LABEL = re.compile(r"^(?P<content>[\"“«„][^\"“”«»„]+[\"”»“])\s*(?:[:]|[-–—])\s+"
                          r"(?P<source>[A-ZА-ЯЁІЇЄҐ][\w'’ʼ.-]*(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’ʼ.-]*){0,2})")
# An English headline's reporting verb that a parser may read as a plural noun ("Wagner chief claims capture of
# Bakhmut"): the words before it the source, after it the content (kept only when the parse found no such verb).
_CUE_VERB = re.compile(r"^(?P<source>[A-Z][^:,]*?)\s+(?P<cue>claims|says|denies|confirms|reports|announces)\s+"
                       r"(?P<content>\S.*)$")
_LABEL = re.compile(r"^(?P<source>[^\s:][^:]*?)\s*:\s+(?P<content>\S.*)$")
_END = re.compile(r"[\s.;,]+$")
_QUOTED = re.compile(r"^[\"“«„'‘](?P<inner>.*)[\"”»“'’]$", re.DOTALL)
# A full stop, question or exclamation mark followed by a capital: a second sentence.
_NEXT_SENTENCE = re.compile(r"[.!?…][\"”»’']?\s+[\"“«„]?[A-ZА-ЯЁІЇЄҐ]")
_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# The words of a name or office: letters, digits, apostrophes and hyphens inside words, full stops of
# initials, separated by single spaces ("Volodymyr Zelenskyy", "Head of the President's Office").
_NAME_RUN = re.compile(r"\w[\w'’ʼ.-]*(?:[ \t]+\w[\w'’ʼ.-]*)*")


@dataclass(frozen=True)
class HeadlineClaim:
    """A headline's claim: content, source and cue (None without one) as [start, end) spans, and kind."""

    content: tuple[int, int]
    source: tuple[int, int]
    cue: tuple[int, int] | None
    kind: str


def is_headline(text: str) -> bool:
    """True for a text that is one short line of one sentence (a title), where headline forms apply;
    "Minister X: Good morning. The unit reported ..." is a transcript turn, read as such elsewhere."""
    stripped = text.strip()
    return bool(stripped) and "\n" not in stripped and len(stripped) <= MAX_HEADLINE_CHARS \
        and _NEXT_SENTENCE.search(stripped) is None


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _content(text: str, start: int, end: int) -> tuple[tuple[int, int], str] | None:
    """The content span (trimmed, final full stop and quotation marks off) and its kind."""
    piece = text[start:end]
    end = start + len(_END.sub("", piece))
    start += len(piece) - len(piece.lstrip())
    quoted = _QUOTED.match(text[start:end])
    if quoted and not re.search(r"[\"“”«»„]", quoted.group("inner")):
        start, end, kind = start + 1, end - 1, "direct"
    else:
        kind = "according_to"
    if _words(text[start:end]) < MIN_CONTENT_WORDS:
        return None
    return (start, end), kind


def _source(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The source span: its run of name words without a leading article and final punctuation, if short
    enough and nothing but punctuation or left-over page markup ('" s=""') follows it."""
    article = _LEADING_ARTICLE.match(text[start:end])
    start += article.end() if article else 0
    name = _NAME_RUN.match(text, start, end)
    if name is None:
        return None
    rest = _END.sub("", text[name.end():end])
    if rest and rest[0] not in "\"'":
        return None
    end = start + len(_END.sub("", text[start:name.end()]))
    words = _words(text[start:end])
    return (start, end) if 1 <= words <= MAX_SOURCE_WORDS else None


def find_headline_claim(text: str, is_speaker: Callable[[tuple[int, int]], bool]) -> HeadlineClaim | None:
    """Return the claim a headline attributes by punctuation alone, else None.

    ``text`` is the whole title (see :func:`is_headline`); ``is_speaker(span)`` says whether the phrase
    at a [start, end) span after a dash or before a colon names a person, office or organisation (an
    authorship noun's source needs no such check). Spans are character offsets into ``text``.
    """
    if not is_headline(text):
        return None
    match = _AUTHOR_TAIL.match(text)
    if match:
        source = _source(text, *match.span("source"))
        content = _content(text, *match.span("content"))
        if source and content:
            return HeadlineClaim(content[0], source, match.span("cue"), content[1])
    match = _DENIAL_TAIL.match(text)
    if match:
        content = _content(text, *match.span("content"))
        if content:
            return HeadlineClaim(content[0], match.span("source"), match.span("cue"), "indirect")
    match = _DASH_TAIL.match(text)
    if match:
        source = _source(text, *match.span("source"))
        content = _content(text, *match.span("content"))
        if source and content and not names_town(text[source[0]:source[1]]) and is_speaker(source):
            return HeadlineClaim(content[0], source, None, content[1])  # (not "... а группировки «Восток» — Ольговка")
    match = _QUOTE_LABEL.match(text)
    if match:
        content = _content(text, *match.span("content"))
        source = match.span("source")
        if content and content[1] == "direct" and is_speaker(source):
            return HeadlineClaim(content[0], source, None, "direct")
    match = _LABEL.match(text)
    if match:
        source = _source(text, *match.span("source"))
        content = _content(text, *match.span("content"))
        if source and content and not names_town(text[source[0]:source[1]]) and is_speaker(source):
            return HeadlineClaim(content[0], source, None, content[1])
    match = _CUE_VERB.match(text)
    if match:
        source = _source(text, *match.span("source"))
        content = _content(text, *match.span("content"))
        if source and content and is_speaker(source):
            return HeadlineClaim(content[0], source, match.span("cue"), "indirect")
    return None


def names_town(phrase: str) -> bool:
    """True when a headline's leading label is only a town's name ("Avdiivka: Ukraine says ...", "Авдеевка:
    ..."): a settlement of the gazetteer and no country or capital, which speak for their state ("Russia:",
    "Kyiv:"). The town is what the headline is about, not who speaks."""
    from ..places.gazetteer import load_gazetteer
    from ..places.place_weights import CAPITAL_CATEGORIES

    words = phrase.split()
    if not words or len(words) > MAX_TOWN_WORDS or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False  # (an abbreviation such as "МО" or "ISW" is an office or an institute)
    hits = load_gazetteer().lookup(phrase, fuzzy=False)  # the name as written: "Peskov" is no Piskiv
    return bool(hits) and all(e.level == "settlement" and e.category not in CAPITAL_CATEGORIES for e in hits)


def _names_dated_act(doc, span) -> bool:
    """True when a spaCy span names an act with a noun that no verb governs, or only a verb in the past
    ("Telephone conversation with ...", "X held a video conference"); a noun under a present, future or
    imperative verb ("Battle for X is ...", "losses will increase", "Tell people in the occupied
    territories") and a verb trigger ("were returned") tell of no one day."""
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    verb = next((t for t in root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is None or verb.tag_ == "VBD" and not any(c.tag_ == "MD" for c in verb.children)


def date_headline_events(doc, events: Sequence[Event], published: str | None) -> list[Event]:
    """The events of an English title (a spaCy Doc of it) with the publication date of ``published`` (ISO date
    or datetime) given to each undated factual one whose trigger names a dated act (:func:`_names_dated_act`);
    the others unchanged, all of them when there is no publication date."""
    pub = parse_published(published)
    if pub is None:
        return list(events)
    day = pub.isoformat()
    out = []
    for event in events:
        span = doc.char_span(*event.trigger, alignment_mode="expand")
        if event.when is None and event.modality == "factual" and span is not None and _names_dated_act(doc, span):
            event = replace(event, when=day)
        out.append(event)
    return out


def settle_headline_attacks(title: Sequence[Event], body: Sequence[Event], title_text: str) -> tuple[Event, ...]:
    """The headline's events, an attack among them retyped a strike when the body tells a strike and no fighting at its
    place ("Атака на Київ" over "Росія атакувала Київ ударними дронами"): a headline names the act in one word, the
    body says what it was."""
    struck = {p for e in body if e.type == "strike" for p in e.places}
    fought = {p for e in body if e.type == "clash" for p in e.places}
    return tuple(replace(e, type="strike") if e.type == "clash" and e.places and set(e.places) <= struck - fought
                 and title_text[e.trigger[0]:e.trigger[1]].lower().startswith(ATTACK_STEMS) else e for e in title)


def settle_headline_speakers(title: Sequence[Attribution], body: Sequence[Attribution],
                             body_text: str, title_text: str = "") -> tuple[Attribution, ...]:
    """The headline's attributions, each whose speaker is one word (a surname) taking the speaker and role of the
    first body attribution whose source or speaker ends in that word ("Маляр" over "Анна Маляр заявила": Anna
    Malyar), or, for a lower-case role word, whose source opens with it ("– речник" over "речник 26-го корпусу
    Олег Калашніков"); one whose speaker is the office its source describes takes the holder the body names
    (:func:`_office_holder`). Attributions in, attributions out."""
    settled = []
    for a in title:
        word = _plain(a.speaker or "")
        surname = word and " " not in word and not (a.speaker or "").isupper()  # not "ISW", a name in full
        role = surname and (a.speaker or "").islower()  # "– речник": the spokesman the body names in full
        match = next((b for b in body if surname and b.speaker and " " in b.speaker.strip()
                      and (word in _last_words(b, body_text) or role and word == _first_word(b, body_text))), None) \
            or (_office_holder(a, body, body_text) if a.source and a.speaker == title_text[a.source[0]:a.source[1]]
                else None)
        settled.append(replace(a, speaker=match.speaker, speaker_role=a.speaker_role or match.speaker_role)
                       if match is not None else a)
    return tuple(settled)


def _office_holder(a: Attribution, body: Sequence[Attribution], body_text: str) -> Attribution | None:
    """The body attribution that names the holder of the office a headline describes ("Губернатор Курской области"
    over "..., заявил губернатор Алексей Смирнов" in a sentence that names "Курской"): the office word opens both
    sources, the headline's other capitalised words stand in the body's sentence, and the body names a person."""
    words = (a.speaker or "").split()
    if len(words) < 2 or words[0][:1].islower():
        return None
    office, names = _plain(words[0]), {_plain(w) for w in words[1:] if w[:1].isupper()}
    for b in body:
        if b.source is None or not b.speaker or b.speaker == body_text[b.source[0]:b.source[1]] \
                or _first_word(b, body_text) != office or len(b.speaker.split()) < 2:
            continue  # (a source the body leaves a description is no name to give)
        start = max(body_text.rfind(".", 0, b.source[0]), body_text.rfind("\n", 0, b.source[0])) + 1
        stop = min(i for i in (body_text.find(".", b.source[1]), body_text.find("\n", b.source[1]), len(body_text))
                   if i >= 0)
        said = {_plain(w) for w in re.findall(r"[\w'’ʼ-]+", body_text[start:stop])}
        if names <= said:
            return b
    return None


def _first_word(a: Attribution, text: str) -> str:
    """The lower-case first word of an attribution's source phrase ("речник" of "речник 26-го армійського
    корпусу Олег Калашніков")."""
    words = re.findall(r"[\w'’ʼ-]+", text[a.source[0]:a.source[1]]) if a.source else []
    return _plain(words[0]) if words else ""


def _plain(word: str) -> str:
    return word.strip().lower().replace("ё", "е")


def _last_words(a: Attribution, text: str) -> set[str]:
    """The lower-case last words (surnames) of an attribution's source phrase and speaker: "Маляр" of "Заместитель
    министра Анна Маляр", not "President" of "President Volodymyr Zelenskyy"."""
    source = text[a.source[0]:a.source[1]] if a.source else ""
    return {_plain(words[-1]) for words in (re.findall(r"[\w'’ʼ-]+", source), re.findall(r"[\w'’ʼ-]+", a.speaker or ""))
            if words}
