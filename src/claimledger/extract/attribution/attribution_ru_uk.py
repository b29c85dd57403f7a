"""Attributions in Russian and Ukrainian text: who says what, through which cue, how hedged.

``find_attributions_ru_uk(doc)`` takes a ``CyrDoc`` (cyrillic.py) and returns ``Attribution`` records in
the record format. Rules over tokens and morphology, per sentence:

* adjuncts: "по словам X, ...", "по данным X", "как сообщает X", "за словами X", "як повідомляє X",
  "із посиланням на X" -> ``according_to`` (content: the host clause without the adjunct; according_ru_uk.py);
  "ТАСС со ссылкой на Минобороны" nests the cited source in the outlet's report;
* reporting verbs (lexicon data/lexicons/attribution_cues_ru_uk.tsv) with the source as subject before
  them or after them (inversion: "сообщил глава администрации ..."), and the content after "что/що", a
  colon, a quote, "о/об/про" + NP, or a bare NP object for verbs that take one ("подтвердил гибель ...");
* reporting clauses after the content: "«...», — сказал он", "..., — заявил X", "..., передает ТАСС";
* "в сообщении говорится" / "у повідомленні йдеться": the message is the source; "Сообщается, что" and
  "Есть информация о том, что" have none; "X уверен, что" reports a conviction; "ВСУ якобы обстреляли ..."
  is an implicit attribution with no source (annotation guide A.6, A.7);
* kind: direct (the content is a quote), mixed (a paraphrase with a quoted fragment), according_to, or
  indirect; pronoun and missing subjects take the last named speaker; an attribution whose cue lies in
  another's content is nested in it (``parent``); hedges from data/lexicons/hedges_ru_uk.tsv (parents, hedges
  and evidentiality: firmness_ru_uk.py);
* not attributed (annotation guide, section A): infinitive, imperative, future and first-person present
  cues ("хочу сказати", "наголошую"), negated cues other than denials, and discussions ("говорив про це з X").

The rules are exercised by the probe sentences of tests/test_attribution_ru.py (wire, bulletin and Telegram styles).

Cues come from the lexicon of cues_ru_uk.py; source phrases are found by sources_ru_uk.py; speakers are named
language-independently by speakers_ru_uk.py ("Путина" and "Путін" -> Vladimir Putin; a lone surname takes the full
name given before), the sides of talks by collective_sources_ru_uk.py; "я"/"мы"/"ми" are the quoted speaker inside
a quote and the author of an address outside one (voice.py, shared with English).
"""
from __future__ import annotations

from ...models import Attribution
from .according_ru_uk import (
    NEGATION, Found, according_adjuncts, cue_role, evidential_adverbs, nominal_cues, phased, quote_ending_at,
)
from .anaphora_ru_uk import (agreeing_host, anaphor_after, anaphor_before, antecedent_of, is_anaphoric,
                             person_before, sentence_before, source_before_anaphor)
from .cues import UNSPECIFIED
from .cues_ru_uk import COMMENTING_LEMMAS, LINKING_LEMMAS, CueLexicon, load_cue_lexicon
from ..language.cyrillic import (
    COORDINATORS, PREDICATE_POS, RELATIVE_LEMMAS, CyrDoc, Token, find_quotes, has_reading, within_quote)
from .denials_ru_uk import DENIAL_LEMMAS, deny_what_was_reported, verdict_parts
from .firmness_ru_uk import evidentiality_of, hedges_of, parent_of
from .headlines import find_headline_claim
from .name_readings_ru_uk import name_before_object, name_initial
from .office_holders import office_titled
from .contents_ru_uk import contains_cue_subject, content_after, object_before
from .sources_after_ru_uk import addressee_only, find_source_after
from .sources_ru_uk import (
    CLOSING_PUNCT, CONTRASTIVE, PRONOUNS, REFERRING, THAT, find_locative_source, find_source_before, trim_range,
)
from .speakers_ru_uk import names_speaker, table_name
from .statements_ru_uk import blames_laid, statements_made
from .topics_ru_uk import names_a_topic
from .turns_ru_uk import speaker_turns
from .voice import FIRST_PERSON_SPEAKERS, speak_for_first_person

# Sources that are a message of the speaker named before ("в сообщении говорится", "у зведенні йдеться").
MESSAGE_NOUNS = frozenset({"сообщение", "заявление", "сводка", "публикация", "повідомлення", "заява", "зведення",
                           "публікація", "канал", "telegram-канал", "телеграм-канал", "доклад", "отчет", "отчёт",
                           "звіт", "доповідь", "бюллетень", "бюлетень", "обзор", "огляд", "документ",
                           "данные", "данный", "дані", "даний"})  # ("следует из данных Минобороны")
OFFICE_SENTENCES = 2  # sentences back an office word may refer to an office named in
# One-word sources that refer back to the office named before ("В ведомстве также отметили").
OFFICE_ANAPHORS = frozenset({"ведомство", "відомство", "министерство", "міністерство", "штаб"})
# One-word role sources that refer back to the person named before ("за словами речника").
ROLE_NOUNS = frozenset({"речник", "представитель", "представник", "спикер", "пресс-секретарь", "прессекретарь",
                        "губернатор", "глава", "голова", "командующий", "командувач", "министр", "міністр"})
# Nouns of the area an official heads, named again without its name ("глава республики", "губернатор региона",
# "голова області"): the official named before.
OWN_AREA_NOUNS = frozenset({"республика", "регион", "область", "край", "город", "район", "округ", "республіка",
                            "регіон", "місто", "громада"})
# Impersonal verbs of "it is about", which report only with the message they are said of ("у повідомленні йдеться").
MATTER_LEMMAS = frozenset({"йтися", "ітися"})
ALLOWING_LEMMAS = frozenset({"допустить", "допускать", "допустити", "допускати"})  # admit, or negated: prevent
# Pronouns that refer back to one person ("сказал он"), not to an office or outlet.
PERSON_PRONOUNS = frozenset({"он", "она", "він", "вона", "его", "её", "ее", "його", "її"})
DASHES = frozenset({"—", "–", "-"})
MAX_ANTECEDENT_WORDS = 4  # words before a relative pronoun's comma that name who it stands for ("Генштаб ВСУ, который")
# Parts of speech that make a clause a predicate: verbs and short participles, short adjectives ("готова") and
# predicatives ("можно").
CLAUSE_PREDICATE_POS = PREDICATE_POS | {"ADJS", "PRED"}
CASES = frozenset({"nomn", "gent", "datv", "accs", "ablt", "loct", "voct"})  # the dictionary's case grammemes
MIN_REPEATED_STEM = 5  # letters of a noun's stem that must recur in the speaker named before (shorter ones recur by chance)


def find_attributions_ru_uk(doc: CyrDoc, voice: str | None = None) -> list[Attribution]:
    """Attributions of a Russian or Ukrainian CyrDoc, in text order, with ids a1, a2, ...

    ``voice`` is who speaks in the text's own first person (the author of an address:
    voice.document_voice); "я"/"мы"/"ми" become that person, or the quoted speaker inside a quote."""
    lex = load_cue_lexicon()
    quotes = find_quotes(doc.text)
    found: list[Found] = []
    used: set[int] = set()
    for sent in doc.sents:
        found += according_adjuncts(doc, sent, lex, used, quotes)
        found += nominal_cues(doc, sent, used)
        found += statements_made(doc, sent, used)
        found += blames_laid(doc, sent, used)
        for k in range(sent.first, sent.last):
            if k in used:
                continue
            verdict = verdict_parts(doc, sent, k)  # "назвали ложью": a denial
            f = Found(verdict[0], "indirect", verdict[1], verdict[2], k) if verdict \
                else _verb_attribution(doc, sent, k, lex, quotes)
            if f is not None:
                used.add(k)
                found.append(f)
    found += evidential_adverbs(doc, found)
    turns = speaker_turns(doc)
    for f in found:  # "Вячеслав Гладков: ... ранены двое, сообщили в оперштабе": a content starts after the label
        start = next((t.content[0] for t in turns if f.content[0] < t.content[0] < f.content[1]), None)
        if start is not None:
            f.content = (start, f.content[1])
    found += turns
    _nest_referred_sources(doc, found)
    deny_what_was_reported(doc, found)
    for f in found:
        f.content = within_quote(doc.text, f.cue, f.content, quotes)
    found = [f for f in found if f.content[1] > f.content[0]]
    for f in found:  # "в сводке Генштаба говорится": the message's owner speaks
        if f.source is not None and f.source[1] - f.source[0] > 1 and doc.tokens[f.source[0]].lemma in MESSAGE_NOUNS:
            f.source = (f.source[0] + 1, f.source[1])
    for f in found:  # a prepositional phrase is an addressee or a setting, never the source
        if f.source is not None and doc.tokens[f.source[0]].pos == "PREP" and not name_initial(doc, f.source[0]):
            f.source = None
        elif f.source is not None and f.source[0] > 0 and doc.tokens[f.source[0] - 1].pos == "PREP":
            first = f.source[0]  # "У Бучі місцева влада повідомила": the setting before the subject is no source
            while first < f.source[1] - 1 and "nomn" not in doc.tokens[first].tags:
                first += 1
            if first > f.source[0] and "nomn" in doc.tokens[first].tags and doc.tokens[first].text.islower() \
                    and all(t.text[:1].isupper() for t in doc.tokens[f.source[0]:first]):  # (a place's name)
                f.source = (first, f.source[1])
    found = [f for f in found if _relative_source_named(doc, f)]
    headline = _headline_claim(doc)
    if headline is not None:
        found = [f for f in found if f.content != headline.content] + [headline]
    found.sort(key=lambda f: (f.cue[0] if f.cue else f.content[0]))
    return speak_for_first_person(_records(doc, found, lex, quotes), table_name(voice))


def _nest_referred_sources(doc: CyrDoc, found: list[Found]) -> None:
    """"Издание X со ссылкой на источники пишет, что C", "Про це повідомляє X з посиланням на Y": the sources'
    adjunct reports the verb's content C, nested in the outlet's report (its parent), whose scope reaches over
    the adjunct."""
    by_cue = {f.cue_token: f for f in found if f.kind != "according_to"}
    by_source_end = {f.source[1]: f for f in found if f.source}
    by_source_start = {f.source[0]: f for f in found if f.kind != "according_to" and f.source}
    for f in found:
        if f.kind != "according_to" or not f.cue:
            continue
        first = doc.token_at(f.content[0])  # the verb, or its subject ("со ссылкой на источники издание пишет")
        g = by_cue.get(first)
        if g is None and tuple(doc.text[f.cue[0]:f.cue[1]].lower().split()) in REFERRING:
            g = by_source_start.get(first)
        if g is not None and f.cue[0] < g.content[0]:
            f.content, g.scope = g.content, (f.cue[0], g.content[1])
        g = by_source_end.get(f.cue_token)  # "Про це повідомляє Укрінформ з посиланням на ...": after the outlet
        if g is not None and g is not f:
            f.content, f.scope = g.content, None
            g.scope = (min(g.content[0], f.cue[0]), max(g.content[1], f.cue[1]))


def _headline_claim(doc: CyrDoc) -> Found | None:
    """The attribution a headline makes by punctuation alone ("<claim> – звернення Президента", "X: <claim>")."""
    claim = find_headline_claim(doc.text, lambda span: names_speaker(doc, span))
    if claim is None:
        return None
    first, last = doc.token_at(claim.source[0]), doc.token_at(claim.source[1] - 1)
    if first is None or last is None:
        return None
    cue_token = doc.token_at(claim.cue[0]) if claim.cue else first
    return Found(claim.content, claim.kind, claim.cue, (first, last + 1), cue_token)


def _verb_attribution(doc: CyrDoc, sent, k: int, lex: CueLexicon, quotes) -> Found | None:
    toks = doc.tokens
    t = toks[k]
    role = cue_role(t, lex, doc)
    if role is None:
        return None
    prev = toks[k - 1] if k > sent.first else None
    negated = prev is not None and prev.lower in NEGATION
    if negated and (role != "np_verb" or set(t.lemmas) & (COMMENTING_LEMMAS | ALLOWING_LEMMAS)):
        return None  # "не заявлял"; "заяву ... не коментували" says nothing of it; "не допустили прорыва" prevented it
    cue_first = k - 1 if negated else k
    if t.pos in ("ADJS", "ADJF", "PRTS") and prev is not None and set(prev.lemmas[:2]) & {"быть", "бути"} \
            or phased(t, doc):
        cue_first = k - 1  # "была уверена, что", "продолжают утверждать": the copula or phase verb is part of the cue
    cue_last = k + 2 if role == "light" else k + 1
    cue = doc.char_span(cue_first, cue_last)

    # reporting clause after the content: "«...», — сказал он." / "..., передает ТАСС."
    j = cue_first - 1
    while j > sent.first and toks[j].pos == "ADVB" and toks[j - 1].text in DASHES | {","}:
        j -= 1  # "— коротко сообщил X"
    dash = False
    while j >= sent.first and toks[j].text in DASHES:
        dash, j = True, j - 1
    if j >= sent.first and toks[j].text == "," and role in ("verb", "np_verb", "passive") and "GRND" not in t.tags:
        src = find_source_after(doc, sent, cue_last)
        if src is not None and (src[1] >= sent.last or toks[src[1]].text in CLOSING_PUNCT + ","
                                or addressee_only(toks, src[1], sent.last)):
            quote = quote_ending_at(quotes, toks[j - 1].end if j - 1 >= 0 else -1)
            # the whole clause quoted ("«...», — сказал он"), not a name or phrase quoted at its end ("обмен по
            # формуле «90 на 90», сообщило Минобороны")
            if quote is not None and not doc.text[toks[sent.first].start:quote[0] - 1].strip(" —–-\n"):
                return Found(quote, "direct", cue, src, k)
            part = trim_range(doc, sent.first, j)
            if part is not None and src[1] < sent.last and toks[src[1]].text == "," and not _predicates(doc, part):
                # the reporting clause interrupts the content ("В то же время, добавил эксперт, штурм ... потребует
                # сил"): the part of it that holds the predicate, after the interruption
                part = trim_range(doc, src[1] + 1, sent.last) or part
            if part is not None and not contains_cue_subject(doc, part):
                if is_anaphoric(doc, part[0], part[1]):  # "Об этом сообщил X, передает ТАСС"
                    antecedent = sentence_before(doc, sent)
                    if antecedent is not None:
                        return Found(antecedent, "indirect", cue, src, k, scope=doc.char_span(*part))
                return Found(doc.char_span(*part), "direct" if dash else "indirect", cue, src, k)

    # "Об этом сообщил X", "Про це у зведенні повідомив Генштаб": the content is the sentence before
    anaphor = anaphor_before(doc, sent, cue_first, after_subject=bool(set(t.lemmas) & DENIAL_LEMMAS) and not negated)
    if anaphor is not None and "GRND" in t.tags and toks[min(cue_last + 1, len(toks) - 1)].lower in ("что", "що"):
        anaphor = None  # "В Минобороны это отрицают, заявив, что ...": the anaphor is the denial's, not this cue's
    if anaphor is not None and role != "light":
        antecedent = antecedent_of(doc, sent, anaphor)
        src = find_source_after(doc, sent, cue_last) or find_source_before(doc, sent, cue_first, anaphor) \
            or source_before_anaphor(doc, sent, anaphor)
        if role == "passive":
            src = find_source_after(doc, sent, cue_last) or src
        if antecedent is not None:
            return Found(antecedent, "indirect", cue, src, k)

    # "Сообщил об этом глава города", "Киев отверг эти обвинения": the sentence before
    after_anaphor = anaphor_after(doc, sent, cue_last, denial=bool(set(t.lemmas) & DENIAL_LEMMAS) and not negated)
    if after_anaphor is not None and role in ("verb", "np_verb") and "GRND" not in t.tags:
        antecedent = sentence_before(doc, sent)
        src = find_source_before(doc, sent, cue_first) or find_source_after(doc, sent, after_anaphor)
        if antecedent is not None and src is not None:
            return Found(antecedent, "indirect", cue, src, k)
        if src is None:  # "Говорив про це з ...", "Говорил об этом на конференции": no source, a topic
            return None

    # content after the cue
    if role == "passive":
        src = find_locative_source(doc, sent, cue_first)
        if src is None and set(t.lemmas) & MATTER_LEMMAS:
            return None  # "бо йдеться про загрозу нам": what is at stake; only "у повідомленні йдеться про" reports
    elif "GRND" in t.tags:
        if "perf" not in t.tags:
            return None  # "говоря о ..." introduces a topic; "заявив, что" reports
        src = None
    else:
        src = find_source_before(doc, sent, cue_first)
    after = cue_last
    # a second verb coordinated with a first ("заявило о падении ракеты и отрицает удар") shares its subject: the
    # noun after it is its object, no source
    shares_subject = cue_first > sent.first and toks[cue_first - 1].lower in COORDINATORS
    shared = None
    verb = _main_verb_before(doc, sent, cue_first)
    if src is None and verb is not None and toks[cue_first - 1].lower in COORDINATORS | CONTRASTIVE:
        # "У Генштабі це не коментували, але повідомили про ...": the subject of a predicate before that reports
        # nothing is this report's source ("заявил ..., и добавил" shares its subject with the first report)
        subject = find_source_before(doc, sent, verb)
        if subject is not None and (split := name_before_object(doc, *subject)) is not None:
            subject = (subject[0], split)  # "Минобороны свою причастность отрицает и утверждает": not the object
        if toks[verb - 1].lower in NEGATION or cue_role(toks[verb], lex, doc) is None:
            src = subject  # the first predicate reports nothing: its subject is this report's source
        else:
            shared = subject  # the first reports too: the speaker both share (Found.shared)
    elif "GRND" in t.tags and verb is not None and toks[cue_first - 1].text == ",":
        shared = find_source_before(doc, sent, verb)  # "В Пентагоне отказались комментировать ..., заявив, что"

    agentless = _is_agentless(t)
    if src is None and role != "passive" and "GRND" not in t.tags and not shares_subject:
        src = find_source_after(doc, sent, cue_last)
        if src is not None and agentless and not _agent_case(doc, src):
            src = None  # "Подтверждено уничтожение 20 ракет": what was confirmed, not who confirmed it
        if src is not None:
            after = src[1]
    # an object between the source and the cue is what a colon after it explains ("В Киеве факт взятия Соледара
    # отрицают: по словам ..., бои продолжаются"), not what the cue reports
    explained = role == "np_verb" and src is not None and src[1] < cue_first \
        and toks[min(after, sent.last - 1)].text == ":"
    # a second predicate of the subject after the cue is no content ("свою причастность отрицает и утверждает, что")
    joined = after + 1 < sent.last and toks[after].lower in COORDINATORS and toks[after + 1].pos in PREDICATE_POS
    content = None if explained or joined else content_after(doc, sent, after, "clause" if "GRND" in t.tags else role,
                                                             quotes)
    if content is None and role in ("np_verb", "verb") and src is not None and src[0] >= cue_last:
        content = object_before(doc, sent, cue_first, quotes, role)  # "Информацию о прорыве опроверг X"
    if content is None and role == "np_verb" and src is not None and src[1] <= cue_first:
        if (split := name_before_object(doc, *src)) is not None:  # "Киев причастность к атаке отрицает"
            src, content = (src[0], split), object_before(doc, sent, cue_first, quotes, role, floor=split)
        elif src[1] < cue_first:  # "В Киеве информацию о взятии Соледара опровергли": the object after the source
            content = object_before(doc, sent, cue_first, quotes, role, floor=src[1])
        elif src[0] - 1 > sent.first and doc.tokens[src[0] - 1].pos == "PREP":
            # "Информацию о взятии Соледара в Генштабе опровергли": the object before the source's "в"
            content = object_before(doc, sent, src[0] - 1, quotes, role)
    if content is None and explained:
        content = content_after(doc, sent, after, role, quotes)
    if content is None or names_a_topic(doc, t, content[0]):
        return None
    if set(t.lemmas) & LINKING_LEMMAS and src is not None and src[1] < cue_first \
            and (linked := object_before(doc, sent, cue_first, quotes, role, floor=src[1])) is not None:
        content = ((linked[0][0], content[0][1]), content[1])  # "удар по НПЗ связывают с операцией СБУ": both
    span, kind = content
    return Found(span, kind, cue, src, k, sourceless=agentless and src is None, shared=shared)


def _main_verb_before(doc: CyrDoc, sent, cue_first: int) -> int | None:
    """The finite verb nearest before a cue's word before it in its sentence, when no "что" opens a content before
    it (not "признал, что ..."); else None."""
    toks = doc.tokens
    verb = next((j for j in range(cue_first - 2, sent.first, -1) if toks[j].pos == "VERB"), None)
    return verb if verb is not None and not any(w.lower in THAT for w in toks[sent.first:verb]) else None


def _predicates(doc: CyrDoc, part: tuple[int, int]) -> bool:
    """True when the tokens of ``part`` hold a predicate: a finite verb, a short form or a predicative word."""
    return any(t.pos in CLAUSE_PREDICATE_POS for t in doc.tokens[part[0]:part[1]])


def _is_agentless(t: Token) -> bool:
    """True when a cue is an impersonal passive ("Подтверждено уничтожение ...", "Повідомлено про ...", "было
    отмечено, что"): the noun after it is what was reported, not who did, and with no agent it has no speaker (the
    annotation guide's agentless passive, never guessed from the speaker before)."""
    return t.pos == "PRTS" and "neut" in t.tags or "Impe" in t.tags


def _names_again(t: Token, speaker: tuple[str | None, str | None]) -> bool:
    """True when a one-noun source repeats a noun of the speaker named before or of its role ("группировки" after
    "командование группировки войск «Хортица»", "губернатора" after "губернатор ... Вячеслав Гладков")."""
    stem = t.lemma[:-1]
    return t.pos == "NOUN" and len(stem) >= MIN_REPEATED_STEM and any(
        part and stem in part.lower() for part in speaker)


def _agent_case(doc: CyrDoc, src: tuple[int, int]) -> bool:
    """True when a source after an impersonal passive can be its agent: its head word reads in the instrumental
    ("Сообщено Минобороны", "повідомлено Генштабом")."""
    return has_reading(doc.tokens[src[1] - 1].text, doc.language, None, "ablt")


def _relative_source_named(doc: CyrDoc, f: Found) -> bool:
    """False for an attribution whose source is a relative pronoun standing for no one who speaks ("Це важливий
    жест, який підтверджує впевненість Європи": a gesture confirms nothing said); one standing for a person or an
    organisation takes the words before its comma as its source ("Генштаб, который сообщил о боях")."""
    if f.source is None or f.source[1] - f.source[0] != 1 or not set(doc.tokens[f.source[0]].lemmas) & RELATIVE_LEMMAS:
        return True
    toks, comma = doc.tokens, f.source[0] - 1
    if comma < 1 or toks[comma].text != ",":
        return False
    cases = toks[comma - 1].tags & CASES or CASES  # (an acronym has no case: "Генштаб ВСУ")
    first = comma  # back over the noun phrase in the case of its last word ("нашим захисникам", not "Вдячний")
    while first > max(doc.sentence_of(comma).first, comma - MAX_ANTECEDENT_WORDS) and toks[first - 1].is_word \
            and (toks[first - 1].tags & cases or toks[first - 1].lower in COORDINATORS and first < comma - 1
                 or not toks[first - 1].tags & CASES and toks[first - 1].text[:1].isupper()):  # (an acronym)
        first -= 1
    if first == comma or toks[first].lower in COORDINATORS:
        return False
    named = names_speaker(doc, doc.char_span(first, comma)) or any("anim" in t.tags for t in toks[first:comma])
    if named:
        f.source = (first, comma)
    return named


def _records(doc: CyrDoc, found: list[Found], lex: CueLexicon, quotes) -> list[Attribution]:
    from .collective_sources_ru_uk import sides_speaker
    from .offices_ru_uk import as_ukraine_writes, source_office
    from .speakers_ru_uk import (
        bracketed_speaker, canonical_speaker, describe_source, is_person_name, known_surname, load_speaker_names,
        named_in_full_before, nominative_phrase, office_named_in, seat_of_government, surname_key,
    )

    out: list[Attribution] = []
    last_speaker: tuple[str | None, str | None] = (None, None)
    last_person: tuple[str | None, str | None] = (None, None)
    last_office: tuple[str | None, str | None] = (None, None)
    offices = set(load_speaker_names()[0].values())  # the known offices and outlets
    roles: dict[str, str] = {}  # speaker -> the first role given with it
    surnames: dict[str, str] = {}  # surname stem -> the full name it was first given with
    ids = [f"a{n}" for n in range(1, len(found) + 1)]
    for n, f in enumerate(found):
        source = doc.char_span(*f.source) if f.source else None
        who = f.source if f.source is not None else f.shared  # the tokens that name the speaker
        pronoun = who is not None and who[1] - who[0] == 1 and doc.tokens[who[0]].lower in PRONOUNS
        host = agreeing_host(doc, f, found[:n]) if pronoun else None
        if f.sourceless:
            speaker, role = f.speaker or UNSPECIFIED, None
        elif host is not None and out[host].speaker is not None:
            # "Миссия ООН заявила, что, по ее оценке, ...": the source of the report the pronoun's cue lies in
            speaker, role = out[host].speaker, out[host].speaker_role
        elif who is None or pronoun:
            singular = pronoun and doc.tokens[who[0]].lower in PERSON_PRONOUNS
            speaker, role = last_person if singular and last_person[0] else last_speaker
            if speaker is None:  # a person named earlier without a cue ("Министр ... провёл совещание")
                speaker, role = person_before(doc, who[0] if who else doc.token_at(f.content[0]) or 0)
                speaker = canonical_speaker(speaker, doc.language)
            if who is None and cue_role(doc.tokens[f.cue_token], lex, doc) == "passive":
                speaker, role = UNSPECIFIED, None  # "Ранее сообщалось", "Сообщается, что": nobody named
            if speaker is None and who is None:
                speaker = UNSPECIFIED  # "говорили, що ...", "За попередніми даними": no source, none before
        elif doc.tokens[who[1] - 1].lemma in MESSAGE_NOUNS and who[1] - who[0] <= 2:
            speaker, role = last_speaker  # "в сообщении говорится": the message of the source named before
        elif set(doc.tokens[who[0]].lemmas) & ROLE_NOUNS and last_person[0] and (
                who[1] - who[0] == 1 or who[1] - who[0] == 2
                and set(doc.tokens[who[0] + 1].lemmas) & OWN_AREA_NOUNS):
            speaker, role = last_person  # "за словами речника", "добавил глава республики": the one named before
        elif who[1] - who[0] == 1 and doc.tokens[who[0]].lemma in OFFICE_ANAPHORS and (
                office := office_named_in(doc, doc.sents[max(0, doc.tokens[who[0]].sent - OFFICE_SENTENCES)].first,
                                          who[0], tuple(a.content for a in out)) or last_office[0]):
            # "Минобороны сообщило ... В ведомстве отметили": the ministry, the last office named before, speaking or
            # not ("В Минобороны России это не комментировали. Ранее ведомство сообщало")
            speaker, role = office, last_office[1] if office == last_office[0] else roles.get(office)
        elif who[1] - who[0] == 1 and _names_again(doc.tokens[who[0]], last_speaker):
            speaker, role = last_speaker  # "командование группировки «Хортица» сообщило ... По данным группировки"
        else:
            written, role = describe_source(doc, who)
            nominative = nominative_phrase(doc, who, written)
            speaker = sides_speaker(doc, who) or bracketed_speaker(doc, who) \
                or known_surname(written, surnames) or named_in_full_before(doc, who[0], written) \
                or seat_of_government(doc.span_text(*who)) or canonical_speaker(nominative, doc.language)
            speaker = as_ukraine_writes(speaker, nominative, role, doc.language)  # ("начальник ОВА Олег Синегубов")
            office = source_office(doc, who) if not role else None  # an office, no name ("Президента України")
            if office is not None and who[1] - who[0] == 1:  # a bare "президент": the one the record named before
                title = office[1].split(" of ")[0]  # ("Зеленский ответил ... уточнили, что президент не подтверждал")
                office = next(((a.speaker, held) for a in reversed(out)
                               if a.speaker and (held := office_titled(a.speaker, title))), office)
            if office is not None:
                speaker, role = office
            if speaker and written and speaker != written and is_person_name(written, speaker):
                surnames[surname_key(written.split()[-1])] = speaker
            if speaker is not None and speaker.lower() not in FIRST_PERSON_SPEAKERS:
                last_speaker = (speaker, role)
                if written and (speaker != written or len(written.split()) >= 2 and written.istitle()):
                    last_person = (speaker, role) if is_person_name(written, speaker) else last_person
                if speaker in offices:
                    last_office = (speaker, role)  # a known office or outlet ("Russian Ministry of Defence")
        if speaker is not None and role:
            roles.setdefault(speaker, role)
        elif speaker is not None:
            role = roles.get(speaker)  # the role stated somewhere in the record (guide C): "Гладков" after his title
        hedges = hedges_of(doc.text, f, lex)
        out.append(Attribution(id=ids[n], content=f.content, kind=f.kind, source=source, speaker=speaker,
                               speaker_role=role, cue=f.cue, parent=parent_of(f, found, ids, n),
                               hedges=hedges, evidentiality=evidentiality_of(doc, f, hedges)))
    return out

