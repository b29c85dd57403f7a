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
from ..models import EVENT_TYPES
from ..store.stories import STORY_SORTS, check_story_sort
from . import schemas
from .params import (
    DEFAULT_PER_PAGE, MAX_PAGE, MAX_PER_PAGE, PLACE_LEVELS, check_choice, check_date,
    check_period, known_languages, known_sides, parse_flag, reject_unknown_parameters,
)
from .views import Filters, LedgerViews, NotFound

router = APIRouter(prefix="/api", tags=["ledger"], responses=schemas.ERROR_RESPONSES,
                   dependencies=[Depends(reject_unknown_parameters)])
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


Views = Annotated[LedgerViews, Depends(get_views)]
PlaceParam = Annotated[str | None, Query(description="Place key: a KATOTTG code, geonames:<id>, "
                                                     "or name:<name>; also a plain name")]
SinceParam = Annotated[str | None, Query(description="From this date: YYYY-MM-DD, YYYY-MM or YYYY "
                                                     "(a real day: 2024-02-30 is a 400)")]
UntilParam = Annotated[str | None, Query(description="Up to this date: YYYY-MM-DD, YYYY-MM or "
                                                     "YYYY")]
TypeParam = Annotated[str | None, Query(description="Event type: " + ", ".join(EVENT_TYPES))]
SideParam = Annotated[str | None, Query(description="Side of the claim's source: ukraine, russia, "
                                                    "international, other or unknown")]
SpeakerParam = Annotated[str | None, Query(description="Speaker, role or source contains this")]
OutletParam = Annotated[str | None, Query(description="Outlet name contains this")]
LanguageParam = Annotated[str | None, Query(description="Article language code: en, ru, uk or "
                                                        "another the ledger holds")]
SearchParam = Annotated[str | None, Query(description="Full-text search: every word must occur")]


def checked_filters(views: LedgerViews, **values: str | None) -> Filters:
    """Return the filters of a request with every closed value checked: BadQuery names the
    values an event type, side or language takes, and refuses an impossible date."""
    filters = Filters(**values).cleaned()
    if filters.type not in (None, *EVENT_TYPES):  # a type only an older ledger holds is fine too
        check_choice("type", filters.type, [*EVENT_TYPES, *(t for t in views.menus()["types"]
                                                            if t not in EVENT_TYPES)])
    if (filters.side not in (None, *known_sides())
            or filters.language not in (None, *known_languages())):
        sides, languages = views.article_sides.present()  # the ledger's own, beyond the usual
        check_choice("side", filters.side, known_sides(sides))
        check_choice("language", filters.language, known_languages(languages))
    check_period(check_date("since", filters.since), check_date("until", filters.until))
    return filters


def get_filters(views: Views, place: PlaceParam = None, since: SinceParam = None,
                until: UntilParam = None, type: TypeParam = None, side: SideParam = None,
                speaker: SpeakerParam = None, outlet: OutletParam = None,
                language: LanguageParam = None, q: SearchParam = None) -> Filters:
    """Return the checked filters of a request (a FastAPI dependency shared by every listing)."""
    return checked_filters(views, place=place, since=since, until=until, type=type, side=side,
                           speaker=speaker, outlet=outlet, language=language, search=q)


def get_place_filters(views: Views, since: SinceParam = None, until: UntilParam = None,
                      type: TypeParam = None, side: SideParam = None,
                      speaker: SpeakerParam = None, outlet: OutletParam = None,
                      language: LanguageParam = None, q: SearchParam = None) -> Filters:
    """Return the checked filters of a place's claims (every filter but the place itself)."""
    return checked_filters(views, since=since, until=until, type=type, side=side,
                           speaker=speaker, outlet=outlet, language=language, search=q)


FilterSet = Annotated[Filters, Depends(get_filters)]
PlaceFilterSet = Annotated[Filters, Depends(get_place_filters)]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page number, 1 to {MAX_PAGE:,}")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description=f"Items per page, 1 to "
                                                                  f"{MAX_PER_PAGE}")]
Contested = Annotated[str | None, Query(description="true: only contested stories (a "
                                                     "contradiction between their claims); false: "
                                                     "only the others")]
Sort = Annotated[str | None, Query(description="claims: most claims first (the default); newest: "
                                               "latest date first; contested: most "
                                               "contradictions first")]


def story_sort(value: str | None) -> str:
    """Return the stories order asked for (``claims`` when absent); BadQuery for another."""
    return check_story_sort(check_choice("sort", value, STORY_SORTS) or "claims")


@router.get("/stories", summary="Stories, largest first", response_model=schemas.StoryPage)
def api_stories(views: Views, filters: FilterSet, contested: Contested = None, sort: Sort = None,
                page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """The claims reporting one event (type, place, dates): per side the claims,
    independent sources and outlets, whether the story is contested and its number of
    contradictions. A story matches a filter when one of its claims does (`q`: every word
    in the title or the claims; `place`: the place the story is about)."""
    return views.list_stories(filters, contested=parse_flag("contested", contested),
                              sort=story_sort(sort), page=page, per_page=per_page).to_dict()


@router.get("/stories/{story_id}", summary="One story, side by side", response_model=schemas.Story)
def api_story(views: Views, story_id: Annotated[str, Path(description="Story id")]
              ) -> dict[str, Any]:
    """The story's claims in one column per side, each with speaker, role, cue, chain of
    sources, hedges, events and article link, and the numbered links between claims
    (contradict, agree, repeat) with their reasons."""
    return views.story(story_id)


@router.get("/claims", summary="Claims, newest first", response_model=schemas.ClaimPage)
def api_claims(views: Views, filters: FilterSet, page: PageNo = 1,
               per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """One item per attribution and per event the outlet asserts itself, with speaker, cue,
    content, hedges, events, places and the side of its source."""
    return views.list_claims(filters, page=page, per_page=per_page).to_dict()


@router.get("/claims/{claim_id:path}", summary="One claim by its stable id",
            response_model=schemas.Claim)
def api_claim(views: Views, claim_id: Annotated[str, Path(
        description="The claim's `id`: its article id, '~' and its id in the article "
                    "(percent-encoded as a path segment)")]) -> dict[str, Any]:
    """The claim as the listings show it; its id never changes once its article is stored."""
    return views.claim(claim_id)


@router.get("/articles", summary="Articles, newest first", response_model=schemas.ArticlePage)
def api_articles(views: Views, filters: FilterSet, page: PageNo = 1,
                 per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """Article metadata (no text); `q` searches title and text; `side`, `outlet`,
    `language`, `since` and `until` (published date) narrow the list; `place`, `type` and
    `speaker` keep the articles with a claim matching them."""
    return views.list_articles(filters, page=page, per_page=per_page).to_dict()


@router.get("/articles/{article_id:path}", summary="One article with its layers",
            response_model=schemas.Article)
def api_article(views: Views, article_id: Annotated[str, Path(description="Article id")]
                ) -> dict[str, Any]:
    """The article's text, claims, places and events (spans as text)."""
    article = views.article(article_id)
    article.pop("segments")
    return article


@router.get("/places", summary="Places, most reported first", response_model=schemas.PlacePage)
def api_places(views: Views,
               q: Annotated[str | None, Query(description="Name contains this")] = None,
               level: Annotated[str | None, Query(description="settlement, raion, oblast, "
                                                              "region or country")] = None,
               page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """Every real place with its coordinates and how many articles mention it (a name-only
    mention of a ref's canonical name counts with that ref)."""
    return views.list_places(search=q, level=check_choice("level", level, PLACE_LEVELS),
                             page=page, per_page=per_page).to_dict()


@router.get("/places/{key:path}", summary="One place: its claims by side and date",
            response_model=schemas.PlaceDetail)
def api_place(views: Views, filters: PlaceFilterSet,
              key: Annotated[str, Path(description="Place key (ref or name:<name>)")],
              page: PageNo = 1, per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """The place, a page of its claims (oldest first) with their timeline by side (claim
    ids per date and side) and, for an oblast, its settlements with claims: per side their
    number and the latest claim."""
    view = views.place(key, filters, page=page, per_page=per_page, with_map=False)
    claims = view["claims"]
    timeline = view["place_timeline"]
    return {"place": view["place"], "claims": claims.to_dict(),
            "timeline": {"sides": timeline["sides"], "rows": [
                {"date": row["date"], "cells": [[c["id"] for c in cell] for cell in row["cells"]]}
                for row in timeline["rows"]]},
            "settlements": view["settlements"], "settlements_total": view["settlements_total"]}


@router.get("/search", summary="Full-text search over claims and articles",
            response_model=schemas.SearchResult)
def api_search(views: Views, filters: FilterSet, page: PageNo = 1,
               per_page: PerPage = DEFAULT_PER_PAGE) -> dict[str, Any]:
    """Claims and articles matching `q` and the filters, each list paginated alike."""
    found = views.search(filters, page=page, per_page=per_page)
    return {"claims": found["claims"].to_dict(), "articles": found["articles"].to_dict()}


@router.get("/filters", summary="Values the filters take", response_model=schemas.FilterValues)
def api_filters(views: Views) -> dict[str, Any]:
    """Event types, outlets, sides and languages present in the ledger, place levels and
    the orders of the stories."""
    menus = views.menus()
    return {"types": menus["types"], "outlets": menus["outlets"],
            "sides": [side for side, _ in menus["sides"]], "languages": menus["languages"],
            "levels": list(PLACE_LEVELS), "story_sorts": list(STORY_SORTS)}


@router.get("/stats", summary="Row counts of the ledger", response_model=dict[str, int])
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
    filtered = bool(filters.query())
    spool = tempfile.SpooledTemporaryFile(max_size=EXPORT_SPOOL_BYTES, mode="w+",
                                          encoding="utf-8", newline="")
    try:
        claims = views.iter_claims(filters)
        if name == "claims.csv":
            write_claims_csv(claims, spool)
        elif name == "claims.jsonl":
            for claim in claims:
                spool.write(json.dumps(claim, ensure_ascii=False) + "\n")
        else:
            ids = list(dict.fromkeys(c["article_id"] for c in claims)) if filtered else None
            docs = views.ledger.iter_documents(ids=ids)
            (write_records if name == "records.jsonl" else write_places_geojson)(docs, spool)
    except BaseException:
        spool.close()
        raise
    headers = {"Content-Disposition": f'attachment; filename="claimledger-{name}"'}
    return StreamingResponse(_stream(spool), media_type=FORMATS[name], headers=headers)
