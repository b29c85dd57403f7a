"""Area mentions in Russian and Ukrainian text, before the gazetteer resolves them: an adjective and its head noun
("Харьковской области", "Изюмский район", "Покровській громаді"), adjectives of one list sharing a head ("Сумской и
Черниговской областях"), adjectives whose head a gapped clause leaves out ("над Курской - три"), and front directions
("на Лиманском направлении"). A CyrDoc in, ``Mention`` records (token ranges and gazetteer queries) out; pure.
places_ru_uk.py adds the names and resolves them all.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..language.agreement_ru_uk import JOINERS, share_case
from ..language.cyrillic import CyrDoc, Token
from .gazetteer import Gazetteer
from .name_context_ru_uk import AREA_HEADS
from .place_adjectives_ru_uk import INFLECTED_PLACE_ADJECTIVE, PLACE_ADJECTIVE, adjective_lemma
from .place_candidates_ru_uk import name_candidates

CLOSING_MARKS = frozenset({".", ";", "!"})  # ... or after one closing the list ("... над Брянской и Воронежской.")
GAP_MARKS = frozenset({"—", "–", "-", ","})  # ... after an adjective whose head noun a gapped clause leaves out
# Kinds of a Russian okrug between its adjective and its head ("Шебекинский городской округ").
OKRUG_KINDS = frozenset({"городской", "муниципальный", "міський", "муніципальний"})
# Heads whose adjective agrees in the feminine: the gazetteer names a hromada by it ("Покровська громада").
FEMININE_HEADS = frozenset({"громада", "община"})
# Head nouns of front directions ("Лиманское направление", "Курахівський напрямок").
AXIS_HEADS = frozenset({"направление", "напрямок", "напрям", "направлення"})


@dataclass
class Mention:
    """A place mention as a token range [start, end), its kind and what to ask the gazetteer."""

    start: int
    end: int
    kind: str  # name | area | axis | lower | village (a settlement's name the gazetteer lacks)
    levels: tuple[str, ...] = ()  # allowed levels for an area mention
    query: str = ""
    lemma_query: str = ""  # an area's adjective and head in the dictionary form ("купянский район")


def head_mentions(doc: CyrDoc) -> list[Mention]:
    """Adjective + area/axis head, and adjectives in a list sharing the head."""
    toks, out = doc.tokens, []
    for t in toks:
        head = _head_kind(t)
        if head is None:
            continue
        # walk back over the adjectives that share this head (past "городской" of "Шебекинский городской округ")
        j, first, later = t.i - 1, True, None
        kind = toks[j].lemma if head == "округ" and j >= 0 and toks[j].lemma in OKRUG_KINDS else None
        j -= kind is not None
        while j >= 0 and toks[j].sent == t.sent and _is_place_adjective(toks[j], head, listed=not first) \
                and (later is None or share_case(doc, toks[j], later)):
            end = t.i + 1 if first else j + 1
            query = doc.span_text(j, j + 1) + " " + (t.text if first else t.lemma)
            if head in AXIS_HEADS:
                out.append(Mention(j, end, "axis", query=adjective_lemma(toks[j])))
            else:
                adjective = adjective_lemma(toks[j])
                if head in FEMININE_HEADS and adjective.endswith(("ий", "ый")):
                    adjective = adjective[:-2] + "а"  # "Покровській громаді": Покровська громада
                named_head = "громада" if head == "община" else head  # the gazetteer's word for a hromada
                named_head = f"{kind} {named_head}" if kind else named_head
                out.append(Mention(j, end, "area", AREA_HEADS[head], query, f"{adjective} {named_head}"))
            first, later = False, toks[j]
            k = j - 1
            if k >= 0 and toks[k].lower in JOINERS:
                k -= 1
                if k >= 0 and toks[k].lower in JOINERS:
                    k -= 1
                j = k
            else:
                break
    return out


def elided_head_mentions(doc: CyrDoc, found: list[Mention]) -> list[Mention]:
    """Place adjectives after a preposition (or a conjunction after another such) and before a gap ("-", ",") or a
    conjunction, whose head noun an area mention in the sentence gives ("над Белгородской областью уничтожены шесть,
    над Курской - три", "шесть - над Смоленской и три - над Орловской областью"): the same kind of area."""
    toks, out = doc.tokens, []
    taken = {i for m in found for i in range(m.start, m.end)}
    elided: set[int] = set()
    for m in (m for m in found if m.kind == "area"):
        head = _head_kind(toks[m.end - 1])
        if head is None or head in FEMININE_HEADS:
            continue
        sentence = doc.sentence_of(m.start)
        for j in range(sentence.first + 1, sentence.last - 1):
            opened = toks[j - 1].pos == "PREP" or toks[j - 1].lower in JOINERS and j - 2 in elided
            if j in taken or not toks[j].is_title or "ADJF" not in toks[j].tags or not opened \
                    or toks[j + 1].text not in GAP_MARKS | CLOSING_MARKS and toks[j + 1].pos != "CONJ" \
                    or not _is_place_adjective(toks[j], head) or not share_case(doc, toks[j], toks[m.start]) \
                    or j < m.start and not PLACE_ADJECTIVE.search(adjective_lemma(toks[j])):
                continue  # (a second adjective after one elided: "по два — над Брянской и Воронежской"; before the
                # head only a place adjective's suffix will do, not a name's possessive form: "з Макарова, ...")
            out.append(Mention(j, j + 1, "area", AREA_HEADS[head], f"{toks[j].text} {head}",
                                f"{adjective_lemma(toks[j])} {head}"))
            taken.add(j)
            elided.add(j)
    return out


def whole_name(doc: CyrDoc, gaz: Gazetteer, m: Mention) -> Mention:
    """An area mention whose adjective is one word of a longer name: the whole name ("Донецкой Народной
    Республике" is the DPR, not "Народной Республике" after the village Donetskyi), else the mention."""
    first = m.start - 1
    if m.kind != "area" or first < 0 or PLACE_ADJECTIVE.search(doc.tokens[m.start].lemma):
        return m  # "Харьковской области": the adjective names the place
    before = doc.tokens[first]
    if not before.is_title or before.pos != "ADJF" or before.sent != doc.tokens[m.start].sent:
        return m
    hits, surface, exact = name_candidates(gaz, doc, first, m.end, located=True)
    return Mention(first, m.end, "name", query=surface) if any(e.level != "settlement" for e in hits) else m


def _head_kind(t: Token) -> str | None:
    """The head noun of an area or front direction a token reads as (its lemma: "область", "направление"), else None."""
    for lemma in t.lemmas:
        if lemma in AREA_HEADS or lemma in AXIS_HEADS:
            return lemma
    return None


def _is_place_adjective(t: Token, head: str, listed: bool = False) -> bool:
    """Whether ``t`` is a place adjective of the area or axis ``head``; one ``listed`` before another that
    shares the head must read as an adjective ("Луганской и Донецкой областях"), not as a town's case form
    ("в Бердянске, Луганской области")."""
    if listed and head not in AXIS_HEADS and "ADJF" not in t.tags and not PLACE_ADJECTIVE.search(t.lemma):
        return False
    if not t.is_word or "ADJF" not in t.tags and not PLACE_ADJECTIVE.search(t.lower) \
            and not INFLECTED_PLACE_ADJECTIVE.match(t.lower):
        return False
    if head in AXIS_HEADS:
        return bool(PLACE_ADJECTIVE.search(adjective_lemma(t))) or "-" in t.text
    if head in FEMININE_HEADS:
        return t.is_title  # "Покровська громада"; "українських громад" are Ukraine's communities
    return t.is_title or bool(PLACE_ADJECTIVE.search(t.lemma))
