"""The JSON bodies of ``/api/``, as Pydantic models: the OpenAPI description is generated from
them, and every response is checked against them before it is sent.

Errors have one shape everywhere (:class:`ApiError`: ``{"error": "..."}``), a 400 for a bad
query (unknown parameter, value out of range, unknown enum value, impossible date), 401
without the token, 404 for an unknown id and 500 for a bug; :data:`ERROR_RESPONSES` documents
them on every route.
"""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .stories import MAX_STORY_CLAIMS, MAX_STORY_LINKS


class ApiError(BaseModel):
    """Every error the API answers: one line saying what is wrong and how to fix it."""

    error: str = Field(description="What is wrong, e.g. \"side: 'Russia' is not one of "
                                   "ukraine, russia, ...\"")


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ApiError, "description": "A query parameter is unknown, out of range, not "
                                            "one of the values it takes, or an impossible date"},
    401: {"model": ApiError, "description": "The server needs a token (Authorization: Bearer)"},
    404: {"model": ApiError, "description": "No such story, claim, article, place or export"},
    500: {"model": ApiError, "description": "A bug: the server log has the details"},
}


class Listing(BaseModel):
    """What every paginated listing carries besides its items."""

    page: int = Field(description="This page, from 1")
    per_page: int
    has_more: bool = Field(description="Whether a next page has items")
    total: int = Field(description="Items matching the filters, on every page")


# -- places' approximate points ------------------------------------------------------------

class ApproximatePoint(BaseModel):
    """Where a map draws a Ukrainian settlement the record gives no coordinates (its ``lat`` and
    ``lon`` stay null): the centre of its hromada, typically within 15-20 km of it
    (OpenStreetMap via KSE, ODbL)."""

    lat: float
    lon: float
    precision: str = Field(description="hromada_centre: the centre of the settlement's hromada")


def approximate_point_field() -> Any:
    """The ``approximate_point`` field of every place output, with its description."""
    return Field(None, description="For a settlement with a KATOTTG ref and no coordinates (lat/lon "
                                   "null): the centre of its hromada, within ~20 km, to draw it on "
                                   "a map; null when the place has exact coordinates or none at all")


# -- claims --------------------------------------------------------------------------------

class ClaimEvent(BaseModel):
    type: str
    trigger: str | None = None
    actor: str | None = None
    target: str | None = None
    places: list[str] = []
    refs: list[str] = []
    when: str | None = None
    quantity: int | float | None = None
    polarity: str | None = None
    modality: str | None = None
    claimed_by: str | None = None


class ClaimPlace(BaseModel):
    text: str | None = None
    name: str | None = None
    ref: str | None = None
    key: str | None = Field(None, description="The place's key: /api/places/{key}")
    lat: float | None = None
    lon: float | None = None
    approximate_point: ApproximatePoint | None = approximate_point_field()
    level: str | None = None


class Claim(BaseModel):
    """One attribution, or one event its outlet asserts itself."""

    id: str = Field(description="Stable id: the article id, '~' and the claim's id in the "
                                "article (a3: an attribution, e2: an event); /api/claims/{id}")
    claim: str = Field(description="The claim's id in its article")
    article_id: str
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    date: str | None = Field(None, description="First day of its events (else published)")
    speaker: str | None = None
    speaker_role: str | None = None
    source: str | None = None
    cue: str | None = None
    content: str | None = None
    kind: str | None = None
    parent: str | None = None
    hedges: list[str] = []
    evidentiality: str | None = None
    events: list[ClaimEvent] = []
    places: list[ClaimPlace] = []
    side: str | None = Field(None, description="ukraine, russia, international, other, unknown")
    chain: list[str] = Field([], description="Who carried it: the outlet, ..., the source")
    article_link: str | None = None


class ClaimPage(Listing):
    items: list[Claim]


class ClaimBrief(BaseModel):
    """A claim in a line: the latest one per side on an oblast's settlement list."""

    id: str
    article_id: str
    date: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    content: str
    types: list[str] = []
    side: str
    article_link: str


# -- stories -------------------------------------------------------------------------------

class StorySide(BaseModel):
    side: str
    label: str
    claims: int
    independent_sources: int
    outlets: list[str]


class StoryFirst(BaseModel):
    speaker: str | None = None
    outlet: str | None = None
    published: str | None = None
    side: str | None = None


class StorySummary(BaseModel):
    id: str
    title: str
    kind: str = Field(description="event (one event type at one place and time) or statement")
    first_date: str | None = None
    last_date: str | None = None
    claims: int
    types: dict[str, int] = Field(description="Claims per event type")
    places: list[str]
    independent_sources: int | None = None
    sides: list[StorySide]
    relations: dict[str, int] = Field(description="Links per label: repeat, agree, contradict")
    contested: bool
    contradictions: int
    first: StoryFirst


class StoryPage(Listing):
    items: list[StorySummary]
    sort: str = Field(description="claims (most claims first), newest or contested")


class StoryLink(BaseModel):
    tag: str = Field(description="C1, A2, R3: label initial and number")
    label: str
    reason: str
    score: float | None = None
    a: int = Field(description="Card number of one claim")
    b: int
    a_side: str | None = None
    b_side: str | None = None
    across: bool | None = Field(None, description="Whether the two claims are of two sides")


class StoryCard(Claim):
    id: str | None = None  # a card whose article is gone has no claim id
    claim: str
    card: int
    registry_side: str | None = None
    links: list[StoryLink] = []
    story_date: str | None = None


class StoryColumn(BaseModel):
    side: str
    label: str
    claims: list[StoryCard]
    independent_sources: int
    outlets: list[str]
    framing: list[str]


class PlaceLink(BaseModel):
    name: str
    key: str | None = None


class Story(StorySummary):
    columns: list[StoryColumn] = Field(description="One per side, Ukraine and Russia first")
    links: list[StoryLink]
    place_links: list[PlaceLink]
    claims_shown: int = Field(description=f"Claims in the columns: all (`claims`) up to "
                                          f"{MAX_STORY_CLAIMS:,}, else the first {MAX_STORY_CLAIMS:,}")
    links_shown: int = Field(description=f"Links listed: those between shown claims, up to "
                                         f"{MAX_STORY_LINKS:,}")
    links_total: int = Field(description="Links between the story's claims")


# -- articles ------------------------------------------------------------------------------

class ArticleSummary(BaseModel):
    id: str
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    side: str


class ArticlePage(Listing):
    items: list[ArticleSummary]


class Snippet(BaseModel):
    text: str = Field(description="the sentence holding the first search hit, cut at word boundaries")
    hits: list[tuple[int, int]] = Field(description="[start, end) of each hit in text")


class SearchArticle(ArticleSummary):
    snippet: Snippet | None = None


class SearchArticlePage(Listing):
    items: list[SearchArticle]


class ArticlePlace(BaseModel):
    key: str
    name: str | None = None
    ref: str | None = None
    level: str | None = None
    lat: float | None = None
    lon: float | None = None
    approximate_point: ApproximatePoint | None = approximate_point_field()


class ArticleEvent(BaseModel):
    type: str
    trigger: str
    when: str | None = None
    places: list[str] = []
    claimed_by: str | None = None
    polarity: str | None = None
    modality: str | None = None
    quantity: int | float | None = None


class Article(ArticleSummary):
    text: str
    claims: list[Claim]
    places: list[ArticlePlace]
    events: list[ArticleEvent]


# -- places --------------------------------------------------------------------------------

class Place(BaseModel):
    """One real place: a ref with every name-only mention of its canonical name merged in."""

    model_config = ConfigDict(extra="ignore")

    key: str = Field(description="Its ref (KATOTTG code, geonames:<id>) or name:<name>")
    ref: str | None = None
    name: str | None = None
    level: str | None = None
    lat: float | None = None
    lon: float | None = None
    approximate_point: ApproximatePoint | None = approximate_point_field()
    mentions: int
    articles: int
    aliases: list[str] = Field([], description="Name-only mentions merged into this place")


class PlacePage(Listing):
    items: list[Place]


class TimelineRow(BaseModel):
    date: str
    cells: list[list[str]] = Field(description="Per side (in `sides` order), claim ids")


class Timeline(BaseModel):
    sides: list[tuple[str, str]] = Field(description="(side, label) of each column")
    rows: list[TimelineRow]


class SettlementSide(BaseModel):
    side: str
    label: str
    claims: int
    latest: ClaimBrief


class Settlement(BaseModel):
    key: str
    name: str | None = None
    ref: str | None = None
    lat: float | None = None
    lon: float | None = None
    approximate_point: ApproximatePoint | None = approximate_point_field()
    articles: int
    claims: int = Field(description="Claims naming it (matching the filters)")
    latest_date: str | None = None
    sides: list[SettlementSide] = Field(description="Per side: claims and the latest claim")


class PlaceDetail(BaseModel):
    place: Place
    claims: ClaimPage = Field(description="Claims naming the place, oldest first, paginated")
    timeline: Timeline = Field(description="This page's claims by date, a column per side")
    settlements: list[Settlement] = Field(description="An oblast's settlements with claims, "
                                                      "most claims first")
    settlements_total: int


# -- search, menus, stats ------------------------------------------------------------------

class SearchResult(BaseModel):
    claims: ClaimPage
    articles: SearchArticlePage


class FilterValues(BaseModel):
    types: list[str]
    outlets: list[str]
    sides: list[str]
    languages: list[str]
    levels: list[str]
    story_sorts: list[str]
