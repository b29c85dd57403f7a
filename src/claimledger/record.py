"""The record format of DESIGN.md: analysed documents to and from plain JSON dicts.

The program's ``--format jsonl`` output and the gold files share this form, so any
scorer can read either.
"""
from __future__ import annotations

from typing import Any

from .models import AnalysedDocument, Article, Attribution, Event, Layers, Place

ARTICLE_KEYS = ("id", "outlet", "url", "published", "language", "title", "text")


def _span(value: Any) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _list(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [span[0], span[1]]


def layers_to_dict(attributions: tuple[Attribution, ...], places: tuple[Place, ...],
                   events: tuple[Event, ...]) -> dict[str, list[dict[str, Any]]]:
    """Return the record form of three layers: ``{"attributions": [...], "places": [...], "events": [...]}``."""
    out: dict[str, list[dict[str, Any]]] = {}
    out["attributions"] = [
        {
            "id": a.id, "source": _list(a.source), "speaker": a.speaker,
            "speaker_role": a.speaker_role, "cue": _list(a.cue), "content": _list(a.content),
            "kind": a.kind, "parent": a.parent, "hedges": list(a.hedges),
            "evidentiality": a.evidentiality,
        }
        for a in attributions
    ]
    out["places"] = []
    for p in places:
        place = {
            "span": _list(p.span), "text": p.text, "ref": p.ref, "name": p.name,
            "lat": p.lat, "lon": p.lon, "level": p.level,
        }
        if p.candidates:
            place["candidates"] = list(p.candidates)
        out["places"].append(place)
    out["events"] = [
        {
            "type": e.type, "trigger": _list(e.trigger), "actor": e.actor, "target": e.target,
            "places": list(e.places), "quantity": e.quantity, "when": e.when,
            "claimed_by": e.claimed_by, "polarity": e.polarity, "modality": e.modality,
        }
        for e in events
    ]
    return out


def document_to_record(doc: AnalysedDocument) -> dict[str, Any]:
    """Return the JSON-ready record of an analysed document (``title_layers`` when analysed)."""
    article = doc.article
    record: dict[str, Any] = {key: getattr(article, key) for key in ARTICLE_KEYS}
    record.update(layers_to_dict(doc.attributions, doc.places, doc.events))
    if doc.title_layers is not None:
        layers = doc.title_layers
        record["title_layers"] = layers_to_dict(layers.attributions, layers.places, layers.events)
    return record


def article_from_record(record: dict[str, Any], origin: str | None = None) -> Article:
    """Return the Article part of a record (the layers are ignored)."""
    return Article(
        id=str(record["id"]), text=record["text"], outlet=record.get("outlet"),
        url=record.get("url"), published=record.get("published"),
        language=record.get("language"), title=record.get("title"), origin=origin,
    )


def layers_from_dict(record: dict[str, Any]) -> Layers:
    """Return the layers of a record (or of its ``title_layers``); absent layers come back empty."""
    attributions = tuple(
        Attribution(
            id=a["id"], content=_span(a["content"]), kind=a["kind"], source=_span(a.get("source")),
            speaker=a.get("speaker"), speaker_role=a.get("speaker_role"), cue=_span(a.get("cue")),
            parent=a.get("parent"), hedges=tuple(a.get("hedges") or ()),
            evidentiality=a.get("evidentiality") or "reported",
        )
        for a in record.get("attributions") or ()
    )
    places = tuple(
        Place(
            span=_span(p["span"]), text=p.get("text", ""), ref=p.get("ref"), name=p.get("name"),
            lat=p.get("lat"), lon=p.get("lon"), level=p.get("level"),
            candidates=tuple(p.get("candidates") or ()),
        )
        for p in record.get("places") or ()
    )
    events = tuple(
        Event(
            type=e["type"], trigger=_span(e["trigger"]), actor=e.get("actor"), target=e.get("target"),
            places=tuple(e.get("places") or ()), quantity=e.get("quantity"), when=e.get("when"),
            claimed_by=e.get("claimed_by"), polarity=e.get("polarity", "asserted"),
            modality=e.get("modality", "factual"),
        )
        for e in record.get("events") or ()
    )
    return Layers(attributions, places, events)


def document_from_record(record: dict[str, Any]) -> AnalysedDocument:
    """Return the analysed document a record describes; absent layers come back empty,
    absent ``title_layers`` as None."""
    body = layers_from_dict(record)
    title = record.get("title_layers")
    return AnalysedDocument(article_from_record(record), body.attributions, body.places, body.events,
                            layers_from_dict(title) if isinstance(title, dict) else None)
