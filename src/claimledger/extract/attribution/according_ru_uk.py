"""According-to adjuncts and source-less forms of Russian and Ukrainian attributions, and the roles of reporting
cues, for attribution_ru_uk.py.

``according_adjuncts(doc, sent, lex, used, quotes)`` returns ``Found`` attributions of kind according_to ("по словам
X, ...", "по данным X", "как сообщил X,", "за словами X", "із посиланням на X"), with the host clause without the
adjunct as their content; ``nominal_cues`` ("Есть информация о том, что ...") and ``evidential_adverbs`` ("ВСУ
якобы обстреляли ...") the attributions to no one named; ``cue_role(token, lex, doc)`` says how a word reports.
"""
from __future__ import annotations

from dataclasses import dataclass

from .anaphora_ru_uk import REFERRING_LEMMAS, is_anaphoric, sentence_before
from .cues_ru_uk import CueLexicon, according_by_first_word
from ..language.cyrillic import COORDINATORS, CyrDoc, Token, has_reading, word_readings
from .speakers_ru_uk import is_name_word
from .sources_after_ru_uk import past_outlet_addressee, source_after_setting
from .sources_ru_uk import (
    CLAUSE_BOUNDARIES, CLOSING_PUNCT, MAX_SOURCE_TOKENS, REFERRING, THAT, past_quoted_name, quoted_tokens,
    SETTING_NOUNS, split_referred_subject, trim_range, words_at,
)

NEGATION = frozenset({"не", "ні"})
# Particles of the conditional mood: a verb with one says what one would say ("Сказав би їм: подумайте"), no claim.
CONDITIONAL_PARTICLES = frozenset({"бы", "б", "би"})
# Possessive pronouns of "по его словам" / "за його словами" and the adjunct nouns they go with.
POSSESSIVES = frozenset({"его", "ее", "её", "их", "його", "її", "їхніми", "їхньою", "їхнім", "їх"})
ADJUNCT_NOUNS = frozenset({"словам", "данным", "мнению", "оценке", "оценкам", "информации", "словами", "даними",
                           "оцінками", "інформацією", "думку"})
# Adjunct nouns that name data, not a person: with an adjective and no source they are an attribution to
# no one ("по предварительным данным", "за попередніми даними", "по имеющимся сведениям").
# Nouns of information (as written) that, with a "что/що" clause and no source, report it (guide A.6).
# Each names its speaker in English, as the English pipeline does ("unspecified (available information)").
INFORMATION_NOUNS = {"информация": "information", "информацию": "information", "сведения": "information",
                     "сообщения": "reports", "сообщение": "report", "данные": "data", "інформація": "information",
                     "інформацію": "information", "відомості": "information", "повідомлення": "reports",
                     "дані": "data", "заявления": "statements", "заявление": "statement", "заяви": "statements",
                     "заява": "statement", "заяву": "statement"}
OWNER_WORDS = 4  # words of a source between a noun of information and "о том" ("сообщения украинских СМИ о том")
# Adverbs that attribute a clause to someone unnamed ("якобы", "нібито"; English: allegedly, reportedly).
EVIDENTIAL_ADVERBS = frozenset({"якобы", "нібито"})
# Words opening a relative clause, in any case form, before an adjunct set inside it ("..., где, по их данным, ...").
RELATIVE_ADVERBS = frozenset({"где", "куда", "откуда", "де", "куди", "звідки"})
RELATIVE_LEMMAS = frozenset({"который", "який"})
# Relative pronouns opening a subordinate clause ("яка нібито має право"), where such an adverb only distances.
RELATIVES = frozenset({"который", "которая", "которое", "которые", "кто", "який", "яка", "яке", "які", "хто"})
# Adjunct phrases that are adjuncts only at a clause start ("Со слов очевидцев, ..."; "начать со слов ...").
CLAUSE_INITIAL = frozenset({("со", "слов"), ("зі", "слів")})
# Verbs of "как говорят" / "як кажуть" (as the saying goes): an idiom, not a report, with no one named.
SAYING_LEMMAS = frozenset({"говорить", "говорити", "казати"})
# Words of conviction before "что"/"що" ("уверен", "убеждена", "впевнений", "переконана"), as pymorphy3 lemmas.
CONVICTION_LEMMAS = frozenset({"уверенный", "убедить", "убежденный", "впевнений", "переконаний"})
# Verbs of considering that take "X as Y" in the instrumental ("считает переговоры возможными"; guide A.3).
CONSIDER_LEMMAS = frozenset({"считать", "вважати"})
# An apposition after an according-to source ("по словам X, члена совета ...,") runs at most this many words.
APPOSITION_WORDS = 12
# A parenthesis right after such a source ("Института изучения войны (ISW)") runs at most this many words.
PARENTHESIS_WORDS = 4
DATA_NOUNS = frozenset({"данным", "даними", "информации", "інформацією", "оценкам", "оцінками", "сведениям",
                        "відомостями"})


@dataclass
class Found:
    """An attribution found in a sentence, as token and character ranges, before it becomes a record."""

    content: tuple[int, int]
    kind: str
    cue: tuple[int, int] | None
    source: tuple[int, int] | None  # token range
    cue_token: int
    scope: tuple[int, int] | None = None  # text its nested attributions lie in, when not the content
    sourceless: bool = False  # no source by its form ("по предварительным данным"): speaker unspecified
    speaker: str | None = None  # the speaker a sourceless form names ("unspecified (information)")
    # the subject a coordinated cue shares with the verb before it ("Генштаб отверг обвинения и заявил"): it gives the
    # speaker, not a source of this cue's own
    shared: tuple[int, int] | None = None


def according_adjuncts(doc: CyrDoc, sent, lex: CueLexicon, used: set[int], quotes) -> list[Found]:
    """The according-to adjuncts of a sentence ("по словам X, ...", "как сообщил X, ..."), with the host clause
    as their content; the tokens they take are added to ``used``."""
    toks, out = doc.tokens, []
    k = sent.first
    while k < sent.last:
        phrase = next((p for p in according_by_first_word(lex).get(toks[k].lower, ())
                       if tuple(t.lower for t in toks[k:k + len(p)]) == p), None)
        if phrase in CLAUSE_INITIAL and k > sent.first and toks[k - 1].text not in (",", "—", "–"):
            phrase = None  # "начать со слов благодарности": words, not a source
        if phrase is None and toks[k].lower in ("по", "за") and k + 2 < sent.last \
                and toks[k + 1].lower in POSSESSIVES and toks[k + 2].lower in ADJUNCT_NOUNS:
            phrase = (toks[k].lower, toks[k + 1].lower)
        verb = k + 1
        while verb < min(sent.last - 1, k + 3) and toks[verb].pos == "ADVB":
            verb += 1  # "Как ранее сообщал ТАСС", "як уже повідомлялося"
        if phrase is None and toks[k].lower in ("как", "як") and verb < sent.last \
                and (k == sent.first or toks[k - 1].text in (",", "—", "–")) \
                and cue_role(toks[verb], lex, doc) in ("verb", "np_verb", "passive") \
                and "GRND" not in toks[verb].tags:
            phrase = tuple(t.lower for t in toks[k:verb + 1])  # "как сообщило X", "як повідомляють у X"
            after = verb + 1
            while after < sent.last and toks[after].pos == "ADVB":
                after += 1  # "Как сообщалось ранее, ...": nobody named
            impersonal = cue_role(toks[verb], lex, doc) == "passive" or "plur" in toks[verb].tags \
                and not set(toks[verb].lemmas) & SAYING_LEMMAS
            if impersonal and (after >= sent.last or toks[after].text in (",", "—")):  # "Как сообщают, ...": no one named
                used.update(range(k, after))
                part = _host_clause(doc, sent, k, after)
                if part:
                    out.append(Found(*_rendered(doc, part, quotes), doc.char_span(k, verb + 1), None, k,
                                     sourceless=True))
                k = after
                continue
        if phrase is None and toks[k].lower in ("по", "за") and k + 2 < sent.last \
                and toks[k + 1].pos in ("ADJF", "PRTF") and toks[k + 2].lower in DATA_NOUNS:
            used.update(range(k, k + 3))  # "по предварительным данным", "за попередніми даними"
            part = _host_clause(doc, sent, k, k + 3)
            if part:
                out.append(Found(*_rendered(doc, part, quotes), doc.char_span(k, k + 3), None, k, sourceless=True))
            k += 3
            continue
        if phrase is None:
            k += 1
            continue
        src_first = k + len(phrase)
        src_last = src_first
        if len(phrase) == 2 and phrase[0] in ("по", "за") and k + 2 < sent.last and toks[k + 1].lower in POSSESSIVES \
                and toks[k + 2].lower in ADJUNCT_NOUNS:  # "по его словам", "за її даними": the pronoun is the source
            phrase = (phrase[0], toks[k + 1].lower, toks[k + 2].lower)
            src_first, src_last = k + 1, k + 2
            used.update(range(k, k + 3))
            part = _host_clause(doc, sent, k, k + 3)
            if part:
                out.append(Found(*_rendered(doc, part, quotes), doc.char_span(k, k + 3), (k + 1, k + 2), k))
            k += 3
            continue
        src_last = past_quoted_name(toks, src_first, sent.last)  # "как сообщает «Интерфакс»"
        while src_last < sent.last and toks[src_last].text not in CLAUSE_BOUNDARIES | set(CLOSING_PUNCT) \
                and toks[src_last].pos != "VERB" and not (src_last > src_first and phrase not in REFERRING
                                                          and any(words_at(toks, src_last, p) for p in REFERRING)):
            # a finite verb ends the source ("со ссылкой на источники пишет"), and so does the source an outlet
            # cites ("Как сообщает ТАСС со ссылкой на Минобороны")
            src_last = past_quoted_name(toks, src_last + 1, sent.last)
        if src_last == src_first or src_last - src_first > 2 * MAX_SOURCE_TOKENS:
            k += 1
            continue
        cue_end = src_first
        src_first = past_outlet_addressee(doc, src_first, src_last)  # "Как рассказал ТАСС источник"
        setting = src_first + 1 if src_first + 1 < src_last and "Apro" in toks[src_first + 1].tags else src_first
        if toks[src_first].pos == "PREP" and setting + 1 < src_last and toks[setting + 1].lemma in SETTING_NOUNS:
            after = source_after_setting(doc, sent, setting + 2)  # "Как заявил в интервью телеканалу «Звезда» X"
            src_first = after[0] if after is not None and after[0] < src_last else src_first
        if src_last - src_first > MAX_SOURCE_TOKENS:
            k += 1
            continue
        if toks[src_first].pos == "PREP":  # "как заявил в эфире телеканала «X» эксперт Y": the setting is no source
            quoted = quoted_tokens(toks, src_first, src_last)
            src_first = next((i for i in range(src_first + 1, src_last) if "nomn" in toks[i].tags and i not in quoted),
                             src_first + 1 if toks[src_first].lower in ("в", "у", "во") else src_first)
            # with no nominative, the place is the source: "как отметили в ведомстве", "як повідомили у Генштабі"
            src_first = past_outlet_addressee(doc, src_first, src_last)  # "в беседе с ТАСС эксперт Иван Петров"
            if toks[src_first].pos == "PREP":  # "По данным на 1 июня": a date, no source
                k += 1
                continue
        adjunct_end = src_last
        if src_last < sent.last and toks[src_last].pos == "VERB" and phrase in REFERRING:
            subject = split_referred_subject(doc, src_first, src_last, toks[src_last])
            if subject is not None:  # "Со ссылкой на источники издание пишет": the outlet is the verb's
                src_last = adjunct_end = subject
        setting = next((m for m in range(src_first + 1, src_last) if toks[m].pos == "PREP"
                        and is_name_word(doc, toks[m - 1])), None)
        if setting is not None:  # "Як зазначив Зеленський у вечірньому зверненні": a setting after a name
            src_last = setting
        adjunct_end = _past_parenthesis(doc, sent, src_last) or _past_apposition(doc, sent, phrase, src_last) \
            or adjunct_end
        used.update(range(k, adjunct_end))
        host_end = adjunct_end  # past the source an outlet cites ("Как сообщает ТАСС со ссылкой на Минобороны, ...")
        if any(words_at(toks, adjunct_end, p) for p in REFERRING):
            host_end = next((m for m in range(adjunct_end, sent.last) if toks[m].pos == "VERB"
                             or toks[m].text in CLAUSE_BOUNDARIES | set(CLOSING_PUNCT)), sent.last)
        part = _host_clause(doc, sent, k, host_end)
        if part:
            (content, kind), scope = _rendered(doc, part, quotes), None
            if is_anaphoric(doc, part[0], part[1]):  # "з посиланням на агентство, про це написав ..." (not "По
                # словам экспертов, это серьезный успех": "это" the subject of the claim, no report of the one before)
                antecedent = sentence_before(doc, sent)
                if antecedent is not None:
                    content, kind, scope = antecedent, "according_to", doc.char_span(*part)
            out.append(Found(content, kind, doc.char_span(k, cue_end), (src_first, src_last), k, scope=scope))
        k = adjunct_end
    return out


def nominal_cues(doc: CyrDoc, sent, used: set[int]) -> list[Found]:
    """"Есть информация о том, что ...", "Появились сообщения, что ...", "Є інформація про те, що ...": a noun of
    information with a "что" clause and no source is an attribution to no one (guide A.6, source-less nominal cue)."""
    toks, out = doc.tokens, []
    for k in range(sent.first, sent.last - 2):
        if toks[k].lower not in INFORMATION_NOUNS or k in used:
            continue
        m = k + 1
        owner = _owner_after(doc, m, sent.last)  # "сообщения украинских СМИ о том, что": whose reports
        m = owner[1] if owner else m
        if toks[m].lower in ("о", "про") and m + 1 < sent.last and toks[m + 1].lower in ("том", "те"):
            m += 2  # "информация о том, что", "інформація про те, що"
        if m + 1 < sent.last and toks[m].text == "," and toks[m + 1].lower in THAT:
            end = next((j for j in range(m + 3, sent.last - 1) if toks[j].text == "," and next(
                (t for t in toks[j + 1:sent.last] if t.pos != "PRCL"), toks[j]).pos == "VERB"), sent.last)
            part = trim_range(doc, m + 2, end)  # "информация о том, что X, не подтвердилась": X
            if part:
                used.add(k)
                out.append(Found(doc.char_span(*part), "indirect", (toks[k].start, toks[k].end), owner, k,
                                 sourceless=owner is None,
                                 speaker=None if owner else f"unspecified ({INFORMATION_NOUNS[toks[k].lower]})"))
    return out


def _owner_after(doc: CyrDoc, m: int, end: int) -> tuple[int, int] | None:
    """The token range of a genitive source right after a noun of information, up to "о том"/"про те" ("сообщения
    украинских СМИ о том, что", "заяви Зеленського про те, що"): words in the genitive or indeclinable, at most
    OWNER_WORDS, one of them capitalised (a name or an acronym); None when there is none."""
    toks, j = doc.tokens, m
    while j < min(end, m + OWNER_WORDS) and toks[j].is_word and toks[j].lower not in ("о", "про") \
            and ("gent" in toks[j].tags or "Fixd" in toks[j].tags or toks[j].text.isupper()):
        j += 1
    named = any(t.is_title or t.text.isupper() for t in toks[m:j])
    return (m, j) if j > m and named and j + 1 < end and toks[j].lower in ("о", "про") \
        and toks[j + 1].lower in ("том", "те") else None


def _conviction(t: Token, doc: CyrDoc) -> bool:
    """"X уверен, что ...", "вона переконана, що ...", "«...», — уверен X": a short adjective or participle of
    conviction before "что"/"що" or after a quotation (guide A.3, "believes"), not in the first person ("я
    уверен": a performative, guide A)."""
    toks = doc.tokens
    if t.pos not in ("ADJS", "PRTS", "ADJF") or not set(t.lemmas[:2]) & CONVICTION_LEMMAS:
        return False
    before = t.i - 1
    if before > 0 and toks[before].text in ("—", "–") and toks[before - 1].text == ",":
        return True  # "«...», — уверен командир": a reporting clause after a quotation
    if before >= 0 and set(toks[before].lemmas[:2]) & {"быть", "бути"}:
        if toks[before].lower in ("быть", "бути") or toks[before].pos == "INFN":
            return False  # "Можете бути впевнені, що ...": the addressee, told
        before -= 1  # "Росія була впевнена, що ..."
    if before < 0 or toks[before].lower in ("я", "мы", "ми") or toks[before].text in CLAUSE_BOUNDARIES \
            or toks[before].text in CLOSING_PUNCT or toks[before].pos in ("CONJ", "ADVB"):
        return False  # "Впевнений, що ...": the speaker's own elided "я"
    return t.i + 2 < len(toks) and toks[t.i + 1].text == "," and toks[t.i + 2].lower in THAT


def _considers_as(doc: CyrDoc, k: int) -> bool:
    """True when a verb of considering at token k takes "X as Y" ("считает переговоры возможными"): a noun and,
    after it, an instrumental adjective or noun before the clause ends."""
    toks = doc.tokens
    end = next((m for m in range(k + 1, min(len(toks), k + 8)) if toks[m].text in CLAUSE_BOUNDARIES
                or toks[m].text in CLOSING_PUNCT), min(len(toks), k + 8))
    noun = next((m for m in range(k + 1, end) if toks[m].pos == "NOUN" and "ablt" not in toks[m].tags), None)
    return noun is not None and any(toks[m].pos in ("ADJF", "NOUN") and "ablt" in toks[m].tags
                                    for m in range(noun + 1, end))


def _past_parenthesis(doc: CyrDoc, sent, src_last: int) -> int | None:
    """The end of a short parenthesis right after a source ("По оценке Института изучения войны (ISW), ..."): it
    names the source again and is no part of the content. None when there is none."""
    toks = doc.tokens
    if src_last >= sent.last or toks[src_last].text != "(":
        return None
    close = next((m for m in range(src_last + 1, min(sent.last, src_last + 2 + PARENTHESIS_WORDS))
                  if toks[m].text in ("(", ")")), None)
    return close + 1 if close is not None and toks[close].text == ")" else None


def _past_apposition(doc: CyrDoc, sent, phrase: tuple[str, ...], src_last: int) -> int | None:
    """The end (the closing comma) of an apposition set off after the genitive source of "по словам", "за даними"
    ("По словам Владимира Рогова, члена главного совета администрации области, бои идут"): a noun phrase in the
    genitive, naming a person or in no reading the nominative a reported clause would open with; else None."""
    toks = doc.tokens
    if phrase[-1] not in ADJUNCT_NOUNS | DATA_NOUNS or src_last + 2 >= sent.last or toks[src_last].text != ",":
        return None
    head = toks[src_last + 1]
    if head.pos not in ("NOUN", "ADJF") or "Apro" in head.tags:  # (not "всего", "этого": a pronoun)
        return None
    readings = [r for r in word_readings(head.text, doc.language) if "NOUN" in r or "ADJF" in r]
    if not any("gent" in r for r in readings) or not (
            all("nomn" not in r for r in readings)
            or any("gent" in r and "anim" in r and "plur" not in r for r in readings)):  # a person ("голови ОВА")
        return None
    return next((m for m in range(src_last + 2, min(sent.last - 1, src_last + 2 + APPOSITION_WORDS))
                 if toks[m].text in (",", "—", "–")), None)


def _host_clause(doc: CyrDoc, sent, first: int, last: int) -> tuple[int, int] | None:
    """The clause an adjunct at tokens [first, last) attributes: the longer of the parts before and after it,
    or the part after when the part before ends in "что"/"що" (the adjunct opens the reported clause)."""
    opening = next((k + 1 for k in range(first - 1, sent.first - 1, -1)
                    if doc.tokens[k].text == ":" or doc.tokens[k].lower in THAT), sent.first)
    # (after a colon or "что": its clause, not the report it is the content of: "заявила, что в Бородянке, по
    # предварительным данным, может оказаться больше погибших")
    before, after = trim_range(doc, opening, first), trim_range(doc, last, sent.last)
    if before and after and (doc.tokens[before[1] - 1].lower in THAT | RELATIVE_ADVERBS | COORDINATORS
                             or set(doc.tokens[before[1] - 1].lemmas) & RELATIVE_LEMMAS):
        return after  # (and a relative clause or a conjunct it opens: "под Угледаром, где, по их данным, противник
        # ...", "продолжают наступление и, по данным военкоров, вошли в села ...")
    return after if (after and (not before or after[1] - after[0] >= before[1] - before[0])) else before


def rendered(doc: CyrDoc, part: tuple[int, int], quotes) -> tuple[tuple[int, int], str]:
    """A content's span and kind (:func:`content_kind`): a whole quotation is its text without the marks ("заявил,
    что «...»")."""
    kind = content_kind(doc, part, quotes)
    if kind == "direct":
        return quote_starting_at(quotes, doc.tokens[part[0]].start), kind
    return doc.char_span(*part), kind


def quote_starting_at(quotes, char_start: int) -> tuple[int, int] | None:
    """The quotation (its text's character span) whose opening mark stands at ``char_start``, or None."""
    return next((q for q in quotes if q[0] - 1 == char_start), None)


def quote_ending_at(quotes, char_end: int) -> tuple[int, int] | None:
    """The quotation (its text's character span) whose closing mark ends at ``char_end``, or None."""
    return next((q for q in quotes if q[1] + 1 == char_end), None)


def _rendered(doc: CyrDoc, part: tuple[int, int], quotes) -> tuple[tuple[int, int], str]:
    """An adjunct's content span and kind: according_to (for an indirect one), mixed or direct (:func:`rendered`)."""
    span, kind = rendered(doc, part, quotes)
    return span, "according_to" if kind == "indirect" else kind


def _present_too(t: Token, language: str) -> bool:
    """True for a future form that is also the present of an imperfective verb: Ukrainian "визнають" (will admit, or
    admit), "визнає"; the present reading reports."""
    return has_reading(t.text, language, "VERB", "impf", "pres")


# Verbs of going on or starting, whose infinitive reports as their finite form would ("В Киеве продолжают утверждать",
# "стали заявлять", "продовжують наполягати").
PHASE_LEMMAS = frozenset({"продолжать", "продолжить", "стать", "начать", "начинать", "продовжувати", "продовжити",
                          "стати", "почати", "починати"})


def phased(t: Token, doc: CyrDoc) -> bool:
    """True for an infinitive right after a finite verb of going on or starting, not negated, in the future or first
    person ("продолжают утверждать"; not "продолжим настаивать", "не стал комментировать")."""
    prev = doc.tokens[t.i - 1] if t.i > 0 else None
    return (t.pos == "INFN" or "infn" in t.tags) and prev is not None and prev.pos == "VERB" \
        and bool(set(prev.lemmas[:2]) & PHASE_LEMMAS) and not prev.tags & {"futr", "1per", "impr", "infn"} \
        and not (prev.i > 0 and doc.tokens[prev.i - 1].lower in NEGATION)


def cue_role(t: Token, lex: CueLexicon, doc: CyrDoc) -> str | None:
    """How a token reports (lexicon role: verb, np_verb, passive, light), or None when it reports no claim."""
    if _conviction(t, doc):
        return "verb"
    if t.pos not in ("VERB", "GRND", "PRTS") and not phased(t, doc) \
            or "futr" in t.tags and not _present_too(t, doc.language):
        return None
    # infinitives ("хочу сказати", "можна сказати"), imperatives and first-person present performatives
    # ("наголошую", "заявляем") report no claim (annotation guide, section A)
    infinitive = t.pos == "INFN" or bool(t.tags & {"infn", "impr"})
    if infinitive and not phased(t, doc) or "1per" in t.tags and "past" not in t.tags:
        return None
    if any(doc.tokens[j].lower in CONDITIONAL_PARTICLES for j in (t.i - 1, t.i + 1) if 0 <= j < len(doc.tokens)):
        return None
    lemmas = t.lemmas[:2]
    if t.pos == "GRND" and t.lemma.endswith("вши"):
        lemmas = (*lemmas, t.lemma[:-3] + "ти")  # the Ukrainian dictionary lemmatises "наголосивши" as itself
    for lemma in lemmas:
        if lemma in lex.passives:
            return "passive"
        if lemma in ("исключать", "исключить", "виключати", "виключити"):
            prev = doc.tokens[t.i - 1] if t.i > 0 else None
            return "np_verb" if prev is not None and prev.lower in NEGATION else None
        if lemma in lex.np_verbs or lemma in CONSIDER_LEMMAS and _considers_as(doc, t.i):
            return "np_verb"
        if lemma in lex.verbs:
            return "verb"
        if lemma in lex.light:
            nxt = doc.tokens[t.i + 1] if t.i + 1 < len(doc.tokens) else None
            if nxt is not None and nxt.lower in lex.light[lemma]:
                return "light"
            if t.i > 1 and doc.tokens[t.i - 1].lower in lex.light[lemma] \
                    and set(doc.tokens[t.i - 2].lemmas) & REFERRING_LEMMAS:
                return "verb"  # "Такое мнение высказал X": the noun before, an anaphor of what was said before
    return None


def content_kind(doc: CyrDoc, part: tuple[int, int], quotes) -> str:
    """How a content (token range) is rendered: direct (one whole quotation), mixed (a quoted fragment in a
    paraphrase) or indirect; ``quotes`` are the character spans inside quotation marks (cyrillic.find_quotes)."""
    start, end = doc.char_span(*part)
    inside = [q for q in quotes if start <= q[0] - 1 and q[1] + 1 <= end]
    if not inside:
        return "indirect"
    if len(inside) == 1 and inside[0][0] - 1 == start and inside[0][1] + 1 >= end - 1:
        return "direct"
    # a quoted name of one or two words is a name, not a quoted fragment
    if all(len(doc.text[q[0]:q[1]].split()) <= 2 and doc.text[q[0]:q[0] + 1].isupper() for q in inside):
        return "indirect"
    return "mixed"


def evidential_adverbs(doc: CyrDoc, found: list[Found]) -> list[Found]:
    """"ВСУ якобы обстреляли Горловку": an evidential adverb between a main clause's subject and its finite verb,
    outside any other attribution, marks an implicit one with no source (annotation guide A.7); its content is
    the clause. In a "что/що" clause ("кажуть, що нібито ...") or before a noun phrase ("нібито «нова влада»")
    it only distances the words: a hedge, not an attribution."""
    toks, out = doc.tokens, []
    stops = {",", ";", ":", "—", "–", "(", ")"} | set(CLOSING_PUNCT)
    for t in toks:
        if t.lower not in EVIDENTIAL_ADVERBS or any(f.content[0] <= t.start < f.content[1] for f in found):
            continue
        sent = doc.sents[t.sent]
        first = next((i + 1 for i in range(t.i - 1, sent.first - 1, -1) if toks[i].text in stops), sent.first)
        last = next((i for i in range(t.i + 1, sent.last) if toks[i].text in stops), sent.last)
        subject = [u for u in toks[first:t.i] if u.pos in ("NOUN", "NPRO") or u.text.isupper() and len(u.text) > 1]
        if not subject or any(u.lower in THAT | RELATIVES or u.pos in ("VERB", "CONJ") or "Apro" in u.tags
                              for u in toks[first:t.i]) \
                or t.i + 1 >= last or toks[t.i + 1].pos != "VERB":
            continue  # no subject before it, a subordinate clause, or no finite verb after it
        part = trim_range(doc, first, last)
        if part and part[1] - part[0] >= 2:
            out.append(Found(doc.char_span(*part), "indirect", (t.start, t.end), None, t.i, sourceless=True))
    return out
