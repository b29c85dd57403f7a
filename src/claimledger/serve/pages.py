"""The HTML pages: server-rendered with Jinja2 (autoescape on), a little plain JavaScript.

Claims, places (a map and a timeline by side), an article with its marks, search, and
an offline page documenting the API. Each page takes the same filters as its JSON twin
under ``/api/`` and links to it.
"""
from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment

from ..store.stories import STORY_SORTS
from .api import Contested, FilterSet, PageNo, PlaceFilterSet, Sort, Views, story_sort
from .charts import claims_chart
from ..store.search import hit_pattern
from .highlight import highlight_words, snippet_segments
from .params import (
    DEFAULT_PER_PAGE, PLACE_LEVELS, check_choice, parse_flag, reject_unknown_parameters,
)
from .sides import side_label

router = APIRouter(include_in_schema=False, dependencies=[Depends(reject_unknown_parameters)])
STORY_SORT_LABELS = {"claims": "most claims", "newest": "newest", "contested": "most contested"}
EVENT_LABELS = {"territory_control": "territory control", "attack_repelled": "attack repelled",
                "security_zone": "security zone"}
# Event chips on one claim card; a speech naming sixty events links to its article instead.
MAX_EVENT_CHIPS = 6


def _url_with(request: Request, **changes: Any) -> str:
    """Return the current URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    params.pop("token", None)
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    return request.url.path + ("?" + urlencode(params) if params else "")


def _mark_claim(text: str | None, hedges: list[str] | None, search: str | None = None) -> list:
    return highlight_words(text or "", list(hedges or []), "hedge", hit_pattern(search))


def web_url(url: str | None) -> str | None:
    """Return ``url`` when it is an http(s) address, else None (a stored ``javascript:``
    URL is never made a link)."""
    return url if url and url.strip().lower().startswith(("http://", "https://")) else None


def register_template_helpers(env: Environment) -> None:
    """Add the functions and filters the templates use to ``env``."""
    env.globals.update(url_with=_url_with, mark_claim=_mark_claim, mark_snippet=snippet_segments,
                       side_label=side_label,
                       urlencode=urlencode, MAX_EVENT_CHIPS=MAX_EVENT_CHIPS,
                       claims_chart=claims_chart,
                       story_sorts=[(s, STORY_SORT_LABELS[s]) for s in STORY_SORTS])
    env.filters["event_label"] = lambda t: EVENT_LABELS.get(t, t or "")
    env.filters["day"] = lambda value: (value or "")[:10]
    env.filters["short_outlet"] = lambda name: (name or "").split(" (")[0]
    env.filters["web_url"] = web_url


def render(request: Request, name: str, nav: str, **context: Any) -> HTMLResponse:
    """Return the rendered template ``name`` with the request and the filter menus."""
    env: Environment = request.app.state.templates
    views = request.app.state.views
    html = env.get_template(name).render(request=request, nav=nav, menus=views.menus(),
                                         **context)
    return HTMLResponse(html)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, views: Views) -> RedirectResponse:
    """The start page: the stories, or the claims while nothing is linked."""
    return RedirectResponse("/stories" if views.stories.stories() else "/claims",
                            status_code=302)


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, views: Views, filters: FilterSet, contested: Contested = None,
                 sort: Sort = None, page: PageNo = 1) -> HTMLResponse:
    """Stories with filters ("contested only" among them) in the order asked for: per side
    the independent sources, contested stories marked."""
    only = parse_flag("contested", contested)
    order = story_sort(sort)
    found = views.list_stories(filters, contested=only, sort=order, page=page,
                               per_page=DEFAULT_PER_PAGE)
    query = {**filters.query(), **({"contested": str(only).lower()} if only is not None else {}),
             **({"sort": order} if order != "claims" else {})}
    return render(request, "stories.html", "stories", filters=filters, contested=only,
                  sort=order, result=found, linked=bool(views.stories.stories()),
                  api=f"/api/stories?{urlencode(query)}")


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, views: Views, story_id: Annotated[str, Path()]
               ) -> HTMLResponse:
    """One story: a column per side, links between the claims drawn and listed."""
    return render(request, "story.html", "stories", story=views.story(story_id))


@router.get("/claims", response_class=HTMLResponse)
def claims_page(request: Request, views: Views, filters: FilterSet, page: PageNo = 1
                ) -> HTMLResponse:
    """Claims with filters, newest first."""
    found = views.list_claims(filters, page=page, per_page=DEFAULT_PER_PAGE)
    return render(request, "claims.html", "claims", filters=filters, result=found,
                  api=f"/api/claims?{urlencode(filters.query())}")


@router.get("/places", response_class=HTMLResponse)
def places_page(request: Request, views: Views,
                q: Annotated[str | None, Query()] = None,
                level: Annotated[str | None, Query()] = None,
                page: PageNo = 1) -> HTMLResponse:
    """Every place with its article count, and a map of the most reported ones."""
    found = views.list_places(search=q, level=check_choice("level", level, PLACE_LEVELS),
                              page=page, per_page=DEFAULT_PER_PAGE)
    return render(request, "places.html", "places", q=q or "", level=level or "",
                  result=found, overview=views.overview_map())


@router.get("/places/{key:path}", response_class=HTMLResponse)
def place_page(request: Request, views: Views, filters: PlaceFilterSet,
               key: Annotated[str, Path()], page: PageNo = 1) -> HTMLResponse:
    """One place: the map, a page of its claims in date order, one column per side, and for
    an oblast its settlements with the latest claim of each side."""
    view = views.place(key, filters, page=page, per_page=DEFAULT_PER_PAGE)
    return render(request, "place.html", "places", filters=filters, **view,
                  api=f"/api/places/{quote(view['place']['key'], safe='/:')}")


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, views: Views, filters: FilterSet, page: PageNo = 1
                  ) -> HTMLResponse:
    """Articles, newest first."""
    found = views.list_articles(filters, page=page, per_page=DEFAULT_PER_PAGE)
    return render(request, "articles.html", "articles", filters=filters, result=found)


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(request: Request, views: Views, article_id: Annotated[str, Path()]
                 ) -> HTMLResponse:
    """One article: its text with attributions, places and events marked in place."""
    return render(request, "article.html", "articles", article=views.article(article_id))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, views: Views, filters: FilterSet, page: PageNo = 1
                ) -> HTMLResponse:
    """Full-text search over claims and articles, with the filters."""
    found = views.search(filters, page=page, per_page=DEFAULT_PER_PAGE) if filters.query() else None
    return render(request, "search.html", "search", filters=filters, found=found)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    """The API documented from its OpenAPI description, with no script from elsewhere."""
    return render(request, "docs.html", "docs", spec=request.app.openapi())

