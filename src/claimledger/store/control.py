"""The control ledger: per settlement, the dated claims of who holds it.

:func:`read_control_claims` reads every control claim (an event of a
:data:`~claimledger.control.CONTROL_KINDS` type naming a place) from the ``events`` table in one
query, with its normalised status (:func:`claimledger.control.control_status`), claimant, sides and
date. It is the one reader of control claims: the map (``serve/map_data.py``) takes each side's
latest from it, and :func:`find_control_claims` adds, for one place, each claim's id in the
claims index and its chain of sources (the CLI's ``places --control`` and
``/api/places/{key}/control``).

A place key is a ref (KATOTTG code, ``geonames:<id>``), else ``name:<name>`` as the web pages
key places; a bare name is accepted too.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any, NamedTuple

from sqlalchemy import Connection, and_, or_, select

from ..claims import HEADLINE_PREFIX, event_claim_ids
from ..control import CONTROL_KINDS, actor_side, before_the_war, control_status, retaken_status
from ..models import AnalysedDocument, Layers
from ..sides import UNKNOWN, side_of_outlet, side_of_speaker
from . import schema
from .ledger import Ledger
from .rows import (ID_CHUNK, _layer_by_article, article_from_row, attribution_from_row,
                   event_from_row, title_layers_from_row)

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
REF = re.compile(r"^(UA\d+|[a-z]+:\S+)$")  # a gazetteer ref (KATOTTG, geonames:<id>); else a name
NAME_KEY_PREFIX = "name:"  # as serve.queries.place_key keys places without a ref


class ControlClaim(NamedTuple):
    """One dated claim of who holds a place (or fights for it, or left it). A named tuple:
    the map reads tens of thousands of them per refresh."""

    place: str  # the place key (ref, or name:<name>)
    status: str | None  # russian_control | ukrainian_control | contested | withdrawal | unknown
    kind: str  # the event type
    polarity: str  # asserted | denied
    modality: str  # factual | future | hypothetical
    actor: str | None
    actor_side: str  # the side the actor label names (russia | ukraine | unknown)
    date: str | None  # YYYY-MM-DD: the event's date, else the article's publication date
    when: str | None  # the event's date as extracted (a day, month, year or range)
    claimant: str  # the speaker of the attribution that carries it, else the outlet
    claimant_side: str  # the speaker's side when known, else the outlet's
    outlet_side: str  # the outlet's side (the map's side of a claim; the speaker's when unknown)
    outlet: str | None
    url: str | None
    article_id: str
    event: int  # the event's position in the article's events layer
    claimed_by: str | None  # the attribution id, None when the outlet asserts it
    claim: str | None = None  # the claim id in the claims index ("a3", "a3.2", "e4"; "h.e1" in a headline)
    chain: tuple[str, ...] = ()  # outlet, then the speakers it passed through, outermost first
    headline: bool = False  # made in the article's headline (``event`` is then the headline event's position)

    @property
    def map_side(self) -> str:
        """The side the map files the claim under: its outlet's, else its speaker's."""
        return self.outlet_side if self.outlet_side != UNKNOWN else self.claimant_side

    @property
    def marked(self) -> bool:
        """True for a claim the map leaves out: denied, or future or hypothetical."""
        return self.polarity != "asserted" or self.modality != "factual"

    def to_dict(self) -> dict[str, Any]:
        """Return the claim as a JSON-ready dict (the chain as a list)."""
        out = self._asdict()
        out["chain"] = list(self.chain)
        return out


def _day(when: str | None, published: str | None) -> str | None:
    for value in (when, published):
        if value and ISO_DATE.match(value):
            return value[:10]
    return None


def place_keys(places: str | None) -> list[str]:
    """Return the place keys of an event's places (its JSON list of refs or names)."""
    try:
        names = json.loads(places or "[]")
    except ValueError:
        return []
    return [name if REF.match(name) else f"{NAME_KEY_PREFIX}{name}"
            for name in names if isinstance(name, str) and name]


def _entry(key: str) -> str:
    """Return how an event's places list names the place under ``key``."""
    return key[len(NAME_KEY_PREFIX):] if key.startswith(NAME_KEY_PREFIX) else key


def read_control_claims(conn: Connection, keys: Iterable[str] | None = None, *,
                        factual_only: bool = False) -> list[ControlClaim]:
    """Return the control claims of the store (or about the places under ``keys``), one per
    event and place, in store order, those of the articles' headlines after the bodies' (a headline
    printed again at the top of its text is claimed there); ``factual_only`` keeps asserted,
    factual ones (the map's)."""
    events, articles, attributions = schema.events, schema.articles, schema.attributions
    stmt = (
        select(events.c.article_id, events.c.ord, events.c.type, events.c.places, events.c.when,
               events.c.actor, events.c.trigger_text, events.c.claimed_by, events.c.polarity,
               events.c.modality,
               articles.c.published, articles.c.outlet, articles.c.url, attributions.c.speaker,
               attributions.c.speaker_role)
        .join(articles, articles.c.id == events.c.article_id)
        .outerjoin(attributions, and_(attributions.c.article_id == events.c.article_id,
                                      attributions.c.local_id == events.c.claimed_by))
        .where(events.c.type.in_(CONTROL_KINDS), events.c.places != "[]")
    )
    wanted = None
    if keys is not None:
        wanted = {key if key.startswith(NAME_KEY_PREFIX) or REF.match(key)
                  else f"{NAME_KEY_PREFIX}{key}" for key in keys}
        if not wanted:
            return []
        stmt = stmt.where(or_(*(events.c.places.contains(json.dumps(_entry(k), ensure_ascii=False),
                                                         autoescape=True) for k in wanted)))
    if factual_only:
        stmt = stmt.where(events.c.polarity == "asserted", events.c.modality == "factual")
    reader = _ClaimReader(wanted)
    for row in conn.execute(stmt):
        reader.add(*row)
    for row in _headline_events(conn, wanted, factual_only):
        reader.add(*row, headline=True)
    return reader.found


class _ClaimReader:
    """Builds control claims from stored events, one per event and place; remembers what each article said of
    a place so far (a retaking of unknown side is its earlier holder's opponent) and the judgements made."""

    def __init__(self, wanted: set[str] | None):
        self.wanted = wanted
        self.found: list[ControlClaim] = []
        self.parsed: dict[str, list[str]] = {}  # the places text of an event -> place keys (texts repeat)
        self.held: dict[tuple[str, str], list[str | None]] = {}  # (article, place) -> asserted statuses
        self.judged: dict[tuple, tuple[str | None, str]] = {}  # (type, actor, side, polarity, trigger) ->

    def add(self, article_id: str, ord_: int, kind: str, places: str, when: str | None, actor: str | None,
            trigger: str | None, claimed_by: str | None, polarity: str, modality: str, published: str | None,
            outlet: str | None, url: str | None, speaker: str | None, role: str | None, *,
            headline: bool = False) -> None:
        if before_the_war(when):
            return
        outlet_side = side_of_outlet(outlet) if outlet else UNKNOWN  # cached per outlet
        if outlet_side == UNKNOWN and url:
            outlet_side = side_of_outlet(outlet, url)
        speaker_side = side_of_speaker(speaker, role) if speaker or role else UNKNOWN
        side = speaker_side if speaker_side != UNKNOWN else outlet_side
        if side == UNKNOWN and outlet:  # an outlet field naming an office (publisher_side)
            side = side_of_speaker(outlet)
        if places not in self.parsed:
            self.parsed[places] = place_keys(places)
        judgement = (kind, actor, side, polarity, trigger)
        if judgement not in self.judged:  # status, the side the actor names
            self.judged[judgement] = (control_status(*judgement), actor_side(actor, side))
        status, holder = self.judged[judgement]
        for key in self.parsed[places]:
            if self.wanted is not None and key not in self.wanted:
                continue
            own = retaken_status(status, trigger, self.held.get((article_id, key), []))
            if polarity == "asserted" and kind == "territory_control":
                self.held.setdefault((article_id, key), []).append(own)
            self.found.append(ControlClaim(
                key, own, kind, polarity, modality, actor, holder, _day(when, published), when,
                speaker or outlet or "unknown outlet", side, outlet_side, outlet, url, article_id,
                int(ord_), claimed_by, headline=headline))


def _headline_events(conn: Connection, wanted: set[str] | None, factual_only: bool) -> Iterable[tuple]:
    """The control events of the stored headlines (``articles.title_layers``), as rows shaped like the events
    query's: a headline not printed again at the top of its text, an event of a control kind naming a place."""
    articles = schema.articles
    stmt = select(articles.c.id, articles.c.published, articles.c.outlet, articles.c.url, articles.c.title,
                  articles.c.text, articles.c.title_layers).where(
        articles.c.title_layers.is_not(None),
        or_(*(articles.c.title_layers.contains(f'"type": "{kind}"', autoescape=True) for kind in CONTROL_KINDS)))
    for article_id, published, outlet, url, title, text, layers_json in conn.execute(stmt):
        if not title or title.strip() in (text or ""):
            continue
        layers = json.loads(layers_json)
        speakers = {a.get("id"): (a.get("speaker"), a.get("speaker_role")) for a in layers.get("attributions") or []}
        for n, e in enumerate(layers.get("events") or []):
            places = json.dumps(e.get("places") or [], ensure_ascii=False)
            if e.get("type") not in CONTROL_KINDS or places == "[]" or factual_only and (
                    e.get("polarity") != "asserted" or e.get("modality") != "factual"):
                continue
            if wanted is not None and not set(place_keys(places)) & wanted:
                continue
            start, end = e.get("trigger") or (0, 0)
            yield (article_id, n, e["type"], places, e.get("when"), e.get("actor"), title[start:end],
                   e.get("claimed_by"), e.get("polarity") or "asserted", e.get("modality") or "factual", published,
                   outlet, url, *speakers.get(e.get("claimed_by"), (None, None)))


def _chain(doc: AnalysedDocument, attribution_id: str | None) -> tuple[str, ...]:
    """Return who carried a claim: the outlet, then the speakers of the attributions it is
    nested in, outermost first, ending in its own speaker."""
    by_id = {a.id: a for a in doc.attributions}
    speakers: list[str] = []
    seen: set[str] = set()
    current = by_id.get(attribution_id or "")
    while current is not None and current.id not in seen:
        seen.add(current.id)
        speakers.append(current.speaker or "unspecified")
        current = by_id.get(current.parent or "")
    return (doc.article.outlet or "unknown outlet", *reversed(speakers))


def _documents(conn: Connection, ids: list[str]) -> list[AnalysedDocument]:
    """Return the documents with these ids with their attributions and events, and their headlines' (no places:
    claim ids and chains need only those two layers)."""
    docs = []
    for start in range(0, len(ids), ID_CHUNK):
        chunk = ids[start:start + ID_CHUNK]
        articles = conn.execute(select(schema.articles).where(schema.articles.c.id.in_(chunk)))
        found = {row.id: (article_from_row(row), title_layers_from_row(row)) for row in articles}
        attributions = _layer_by_article(conn, schema.attributions, chunk, attribution_from_row)
        events = _layer_by_article(conn, schema.events, chunk, event_from_row)
        docs.extend(AnalysedDocument(found[i][0], tuple(attributions[i]), (), tuple(events[i]), found[i][1])
                    for i in chunk if i in found)
    return docs


def _headline_document(doc: AnalysedDocument) -> AnalysedDocument:
    """A document's headline as a document of its own (its text the title), for claim ids and chains."""
    title = doc.title_layers or Layers()
    return AnalysedDocument(replace(doc.article, text=doc.article.title or ""), title.attributions, (), title.events)


def find_control_claims(ledger: Ledger, key: str, *, limit: int | None = None) -> list[ControlClaim]:
    """Return the control claims about the place under ``key`` (a ref, ``name:<name>`` or a
    name), oldest first (undated last), each with its claim id and chain of sources; with
    ``limit``, the latest ``limit`` of them."""
    with ledger._transaction() as conn:  # noqa: SLF001 (the store package's own plumbing)
        claims = sorted(read_control_claims(conn, [key]),
                        key=lambda c: (c.date or "9999", c.article_id, c.headline, c.event))
        if limit is not None:
            claims = claims[-limit:] if limit else []
        wanted: dict[tuple[str, bool], set[int]] = {}
        for claim in claims:
            wanted.setdefault((claim.article_id, claim.headline), set()).add(claim.event)
        docs = _documents(conn, list(dict.fromkeys(article_id for article_id, _ in wanted)))
    described: dict[tuple[str, bool, int], tuple[str | None, tuple[str, ...]]] = {}
    for doc in docs:
        for headline in (False, True):
            asked = wanted.get((doc.article.id, headline))
            if not asked:
                continue
            part = _headline_document(doc) if headline else doc
            ids = event_claim_ids(part, asked)
            for n in asked:
                if n < len(part.events):
                    claim = f"{HEADLINE_PREFIX}{ids[n]}" if headline and ids[n] else ids[n]
                    described[(doc.article.id, headline, n)] = (claim, _chain(part, part.events[n].claimed_by))
    return [c._replace(claim=claim, chain=chain) for c in claims
            for claim, chain in [described.get((c.article_id, c.headline, c.event), (None, ()))]]
