"""Analysed documents to table rows and back.

Spans become ``<name>_start`` / ``<name>_end`` columns, list fields JSON text, and the
text slices (attribution content, event trigger) are cut from the article text here,
so every row can be shown without the article at hand.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, select

from ..models import AnalysedDocument, Article, Attribution, Event, Layers, Place, Span
from ..record import layers_from_dict, layers_to_dict
from . import schema

# Article ids fetched per SELECT ... IN (...) when rebuilding documents: far below
# SQLite's 32766 bound-parameter limit, and large enough to keep round trips few.
ID_CHUNK = 500


def _start(span: Span | None) -> int | None:
    return None if span is None else int(span[0])


def _end(span: Span | None) -> int | None:
    return None if span is None else int(span[1])


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else (int(start), int(end))


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _strings(text: str | None) -> tuple[str, ...]:
    return tuple(json.loads(text)) if text else ()


def make_article_row(doc: AnalysedDocument, fingerprint: str, *, ingested_at: str,
                     extractor_version: str | None) -> dict[str, Any]:
    """Return the ``articles`` row of an analysed document (its headline layers as JSON)."""
    article, title = doc.article, doc.title_layers
    return {
        "id": article.id, "fingerprint": fingerprint, "outlet": article.outlet,
        "url": article.url, "published": article.published, "language": article.language,
        "title": article.title, "text": article.text, "origin": article.origin,
        "ingested_at": ingested_at, "extracted": 1, "extractor_version": extractor_version,
        "title_layers": None if title is None else json.dumps(
            layers_to_dict(title.attributions, title.places, title.events), ensure_ascii=False),
    }


def title_layers_from_row(row: Any) -> Layers | None:
    """Return the headline layers stored with an ``articles`` row, or None when not analysed."""
    value = getattr(row, "title_layers", None)
    return layers_from_dict(json.loads(value)) if value else None


def make_layer_rows(doc: AnalysedDocument) -> tuple[list[dict], list[dict], list[dict]]:
    """Return the attribution, place and event rows of a document."""
    text, article_id = doc.article.text, doc.article.id
    attributions = [
        {
            "article_id": article_id, "ord": i, "local_id": a.id,
            "source_start": _start(a.source), "source_end": _end(a.source),
            "speaker": a.speaker, "speaker_role": a.speaker_role,
            "cue_start": _start(a.cue), "cue_end": _end(a.cue),
            "content_start": a.content[0], "content_end": a.content[1],
            "content_text": text[a.content[0]:a.content[1]], "kind": a.kind,
            "parent": a.parent, "hedges": _json(a.hedges), "evidentiality": a.evidentiality,
        }
        for i, a in enumerate(doc.attributions)
    ]
    places = [
        {
            "article_id": article_id, "ord": i, "span_start": p.span[0], "span_end": p.span[1],
            "text": p.text, "ref": p.ref, "name": p.name, "lat": p.lat, "lon": p.lon,
            "level": p.level, "candidates": _json(p.candidates),
        }
        for i, p in enumerate(doc.places)
    ]
    events = [
        {
            "article_id": article_id, "ord": i, "type": e.type,
            "trigger_start": e.trigger[0], "trigger_end": e.trigger[1],
            "trigger_text": text[e.trigger[0]:e.trigger[1]], "actor": e.actor,
            "target": e.target, "places": _json(e.places), "quantity": e.quantity,
            "when": e.when, "claimed_by": e.claimed_by, "polarity": e.polarity,
            "modality": e.modality,
        }
        for i, e in enumerate(doc.events)
    ]
    return attributions, places, events


def article_from_row(row: Any) -> Article:
    """Return the Article of an ``articles`` row."""
    return Article(
        id=row.id, text=row.text, outlet=row.outlet, url=row.url, published=row.published,
        language=row.language, title=row.title, origin=row.origin,
    )


def attribution_from_row(row: Any) -> Attribution:
    """Return the Attribution of an ``attributions`` row."""
    return Attribution(
        id=row.local_id, content=(row.content_start, row.content_end), kind=row.kind,
        source=_span(row.source_start, row.source_end), speaker=row.speaker,
        speaker_role=row.speaker_role, cue=_span(row.cue_start, row.cue_end),
        parent=row.parent, hedges=_strings(row.hedges), evidentiality=row.evidentiality,
    )


def place_from_row(row: Any) -> Place:
    """Return the Place of a ``places`` row."""
    return Place(
        span=(row.span_start, row.span_end), text=row.text, ref=row.ref, name=row.name,
        lat=row.lat, lon=row.lon, level=row.level, candidates=_strings(row.candidates),
    )


def event_from_row(row: Any) -> Event:
    """Return the Event of an ``events`` row."""
    return Event(
        type=row.type, trigger=(row.trigger_start, row.trigger_end), actor=row.actor,
        target=row.target, places=_strings(row.places), quantity=row.quantity,
        when=row.when, claimed_by=row.claimed_by, polarity=row.polarity,
        modality=row.modality,
    )


def _layer_by_article(conn: Connection, table: Any, ids: Sequence[str], convert: Any) -> dict:
    grouped: dict[str, list] = defaultdict(list)
    query = (select(table).where(table.c.article_id.in_(ids))
             .order_by(table.c.article_id, table.c.ord))
    for row in conn.execute(query):
        grouped[row.article_id].append(convert(row))
    return grouped


def read_documents(conn: Connection, ids: Sequence[str]) -> list[AnalysedDocument]:
    """Return the stored documents with these ids, in the order given; unknown ids are skipped."""
    docs: list[AnalysedDocument] = []
    for i in range(0, len(ids), ID_CHUNK):
        chunk = list(ids[i:i + ID_CHUNK])
        found = {row.id: (article_from_row(row), title_layers_from_row(row))
                 for row in conn.execute(select(schema.articles)
                                         .where(schema.articles.c.id.in_(chunk)))}
        attributions = _layer_by_article(conn, schema.attributions, chunk, attribution_from_row)
        places = _layer_by_article(conn, schema.places, chunk, place_from_row)
        events = _layer_by_article(conn, schema.events, chunk, event_from_row)
        for article_id in chunk:
            if article_id in found:
                article, title = found[article_id]
                docs.append(AnalysedDocument(
                    article, tuple(attributions[article_id]),
                    tuple(places[article_id]), tuple(events[article_id]), title,
                ))
    return docs


def page_article_ids(conn: Connection, after_pk: int = 0,
                     page: int = ID_CHUNK) -> list[tuple[int, str]]:
    """Return up to ``page`` (pk, id) pairs of stored articles after ``after_pk``, in order.

    Keyset paging: callers may close the connection between pages, so no read
    transaction stays open while they work.
    """
    rows = conn.execute(
        select(schema.articles.c.pk, schema.articles.c.id)
        .where(schema.articles.c.pk > after_pk).order_by(schema.articles.c.pk).limit(page)
    ).all()
    return [(row.pk, row.id) for row in rows]


def chunked(items: Iterable[str], size: int = ID_CHUNK) -> Iterator[list[str]]:
    """Yield lists of at most ``size`` items."""
    chunk: list[str] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
