"""The JSON API under ``/api/``: every listing of the pages, paginated, with the same
filters, and exports (JSONL records, claims CSV or JSONL, places GeoJSON) as downloads.

Routes are plain ``def`` functions: FastAPI runs them in its thread pool, where the
synchronous ledger reads belong. OpenAPI is served at ``/api/openapi.json`` and shown,
offline, at ``/docs``.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import StreamingResponse

from ..export import write_claims_csv, write_places_geojson, write_records
from .views import DEFAULT_PER_PAGE, MAX_PER_PAGE, Filters, LedgerViews, NotFound, parse_flag

router = APIRouter(prefix="/api", tags=["ledger"])
# Exports are written to a spooled file first (kept in memory up to this size), so a
# download is never left half-written when the ledger read fails midway.
EXPORT_SPOOL_BYTES = 8 * 1024 * 1024
EXPORT_CHUNK_CHARS = 64 * 1024
FORMATS = {
    "claims.csv": "text/csv; charset=utf-8",
    "claims.jsonl": "application/x-ndjson; charset=utf-8",
    "records.jsonl": "application/x-ndjson; charset=utf-8",
    "places.geojson": "application/geo+json; charset=utf-8",
}


def get_views(request: Request) -> LedgerViews:
    """Return the app's ledger views (a FastAPI dependency)."""
    return request.app.state.views


def get_filters(
    place: Annotated[str | None, Query(description="Place key: a KATOTTG code, geonames:<id>, "
                                                   "or name:<name>; also a plain name")] = None,
    since: Annotated[str | None, Query(description="From this date (ISO date, month or year)")] = None,
    until: Annotated[str | None, Query(description="Up to this date (ISO date, month or year)")] = None,
    type: Annotated[str | None, Query(description="Event type (territory_control, strike, ...)")] = None,
    side: Annotated[str | None, Query(description="Side of the outlet (ukraine, russia, ..., "
                                                  "unknown)")] = None,
    speaker: Annotated[str | None, Query(description="Speaker, role or source contains this")] = None,
    outlet: Annotated[str | None, Query(description="Outlet name contains this")] = None,
    language: Annotated[str | None, Query(description="Article language code (en, ru, uk)")] = None,
    q: Annotated[str | None, Query(description="Full-text search: every word must occur")] = None,
) -> Filters:
    """Return the filters of a request (a FastAPI dependency shared by every listing)."""
    return Filters(place=place, since=since, until=until, type=type, side=side,
                   speaker=speaker, outlet=outlet, language=language, search=q).cleaned()


Views = Annotated[LedgerViews, Depends(get_views)]
FilterSet = Annotated[Filters, Depends(get_filters)]
PageNo = Annotated[int, Query(ge=1, description="Page number, from 1")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="Items per page")]


Contested = Annotated[str | None, Query(description="true: only contested stories (a contradiction "
                                                     "between their claims); false: only the others")]


@router.get("/stories", summary="Stories, largest first")
def api_stories(views: Views, filters: FilterSet, contested: Contested = None, page: PageNo = 1,
                per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """The claims reporting one event (type, place, dates): per side the claims,
    independent sources and outlets, whether the story is contested and its number of
    contradictions. A story matches a filter when one of its claims does (`q`: every word
    in the title or the claims; `place`: the place the story is about)."""
    return views.list_stories(filters, contested=parse_flag("contested", contested), page=page,
                              per_page=per_page).to_dict()


@router.get("/stories/{story_id}", summary="One story, side by side")
def api_story(views: Views, story_id: Annotated[str, Path(description="Story id")]
              ) -> dict[str, Any]:
    """The story's claims in one column per side, each with speaker, role, cue, chain of
    sources, hedges, events and article link, and the numbered links between claims
    (contradict, agree, repeat) with their reasons."""
    return views.story(story_id)


@router.get("/claims", summary="Claims, newest first")
def api_claims(views: Views, filters: FilterSet, page: PageNo = 1,
               per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """One item per attribution and per event the outlet asserts itself, with speaker, cue,
    content, hedges, events, places and the side of its outlet."""
    return views.list_claims(filters, page=page, per_page=per_page).to_dict()


@router.get("/articles", summary="Articles, newest first")
def api_articles(views: Views, filters: FilterSet, page: PageNo = 1,
                 per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """Article metadata (no text); `q` searches title and text; `side`, `outlet`,
    `language`, `since` and `until` (published date) narrow the list."""
    return views.list_articles(filters, page=page, per_page=per_page).to_dict()


@router.get("/articles/{article_id:path}", summary="One article with its layers")
def api_article(views: Views, article_id: Annotated[str, Path(description="Article id")]
                ) -> dict[str, Any]:
    """The article's text, claims, places and events (spans as text)."""
    article = views.article(article_id)
    article.pop("segments")
    return article


@router.get("/places", summary="Places, most reported first")
def api_places(views: Views,
               q: Annotated[str | None, Query(description="Name contains this")] = None,
               level: Annotated[str | None, Query(description="settlement, raion, oblast, "
                                                              "region or country")] = None,
               page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """Every named place with its coordinates and how many articles mention it."""
    return views.list_places(search=q, level=level, page=page, per_page=per_page).to_dict()


@router.get("/places/{key:path}", summary="One place: its claims by side and date")
def api_place(views: Views, filters: FilterSet,
              key: Annotated[str, Path(description="Place key (ref or name:<name>)")]
              ) -> dict[str, Any]:
    """The place, its claims in date order, the timeline by side and, for an oblast,
    the settlements inside it with their own timelines."""
    view = views.place(key, filters)
    view.pop("map")
    return view


@router.get("/search", summary="Full-text search over claims and articles")
def api_search(views: Views, filters: FilterSet, page: PageNo = 1,
               per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """Claims and articles matching `q` and the filters, each list paginated alike."""
    found = views.search(filters, page=page, per_page=per_page)
    return {"claims": found["claims"].to_dict(), "articles": found["articles"].to_dict()}


@router.get("/filters", summary="Values the filters take")
def api_filters(views: Views) -> dict[str, Any]:
    """Event types, outlets and sides present in the ledger."""
    menus = views.menus()
    return {"types": menus["types"], "outlets": menus["outlets"],
            "sides": [side for side, _ in menus["sides"]]}


@router.get("/stats", summary="Row counts of the ledger")
def api_stats(views: Views) -> dict[str, int]:
    """Articles, attributions, places, events, claims, rejections, and articles per language."""
    return views.ledger.counts()


def _stream(spool: Any) -> Iterator[bytes]:
    try:
        spool.seek(0)
        while chunk := spool.read(EXPORT_CHUNK_CHARS):
            yield chunk.encode("utf-8")
    finally:
        spool.close()


@router.get("/export/{name}", summary="Download an export",
            responses={200: {"content": {media: {} for media in FORMATS.values()}}})
def api_export(views: Views, filters: FilterSet,
               name: Annotated[str, Path(description="claims.csv, claims.jsonl, records.jsonl "
                                                     "or places.geojson")]) -> StreamingResponse:
    """Claims (CSV or JSONL) matching the filters, or the records (JSONL) and places
    (GeoJSON) of the articles those claims come from; everything without filters."""
    if name not in FORMATS:
        raise NotFound(f"no export {name!r}: choose one of {', '.join(FORMATS)}")
    ledger = views.ledger
    filtered = bool(filters.query())
    spool = tempfile.SpooledTemporaryFile(max_size=EXPORT_SPOOL_BYTES, mode="w+",
                                          encoding="utf-8", newline="")
    try:
        claims = ledger.iter_claims(**filters.ledger_args())
        if filters.side:
            claims = (c for c in claims if views.annotate_claim(c)["side"] == filters.side)
        if name == "claims.csv":
            write_claims_csv(claims, spool)
        elif name == "claims.jsonl":
            for claim in claims:
                spool.write(json.dumps(claim, ensure_ascii=False) + "\n")
        else:
            ids = list(dict.fromkeys(c["article_id"] for c in claims)) if filtered else None
            docs = ledger.iter_documents(ids=ids)
            (write_records if name == "records.jsonl" else write_places_geojson)(docs, spool)
    except BaseException:
        spool.close()
        raise
    headers = {"Content-Disposition": f'attachment; filename="claimledger-{name}"'}
    return StreamingResponse(_stream(spool), media_type=FORMATS[name], headers=headers)
