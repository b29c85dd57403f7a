"""Plain records that flow through the pipeline: no spaCy, no SQL.

Spans are ``(start, end)`` character offsets into the article text, end exclusive,
exactly as in the record format of DESIGN.md.
"""
from __future__ import annotations

from dataclasses import dataclass, field

Span = tuple[int, int]

ATTRIBUTION_KINDS = ("direct", "indirect", "mixed", "according_to")
EVENT_TYPES = (
    "territory_control", "withdrawal", "attack_repelled", "strike", "clash",
    "casualties", "security_zone", "evacuation", "negotiation", "other",
)
POLARITIES = ("asserted", "denied")
# How firmly an attribution presents its content: as reported fact ("said", "confirmed", "according
# to"), as the source's claim ("claimed", "insisted"), as an allegation the text distances itself
# from ("alleged", "so-called", "what it describes as"), denied ("denied", "rejected claims that"),
# as a warning, a belief, or a directive ("urged", "called for").
EVIDENTIALITIES = ("reported", "claimed", "alleged", "denied", "warned", "believed", "directive")
MODALITIES = ("factual", "future", "hypothetical")
PLACE_LEVELS = ("settlement", "raion", "oblast", "country", "region")
LANGUAGES = ("en", "ru", "uk")


@dataclass(frozen=True)
class Article:
    """One report as ingested: its text and what is known about where it came from."""

    id: str
    text: str
    outlet: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date or datetime, as given by the source
    language: str | None = None  # en|ru|uk, another ISO code, or None when unknown
    title: str | None = None
    origin: str | None = None  # file (and line) the article was read from


@dataclass(frozen=True)
class InputMessage:
    """What is said about one input: the file (and line) and the reason."""

    origin: str
    reason: str
    line: int | None = None

    @property
    def where(self) -> str:
        """The file, or file:line."""
        return self.origin if self.line is None else f"{self.origin}:{self.line}"

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


@dataclass(frozen=True)
class Rejection(InputMessage):
    """An input that could not be ingested, with the file, line and reason."""


@dataclass(frozen=True)
class InputNotice(InputMessage):
    """Something wrong with an input that was still read (its data kept): invalid UTF-8 bytes
    replaced, a feed read leniently; with the file, line and what was done."""


@dataclass(frozen=True)
class Attribution:
    """A source that asserts a content through a cue ("X said that ...")."""

    id: str
    content: Span
    kind: str  # one of ATTRIBUTION_KINDS
    source: Span | None = None
    speaker: str | None = None
    speaker_role: str | None = None
    cue: Span | None = None
    parent: str | None = None
    hedges: tuple[str, ...] = ()
    evidentiality: str = "reported"  # one of EVIDENTIALITIES


@dataclass(frozen=True)
class Place:
    """A toponym in the text, resolved to a gazetteer entry when possible."""

    span: Span
    text: str
    ref: str | None = None  # KATOTTG code, "geonames:<id>", or None
    name: str | None = None  # canonical English name
    lat: float | None = None
    lon: float | None = None
    level: str | None = None  # one of PLACE_LEVELS
    candidates: tuple[str, ...] = ()  # refs still in play when the name is ambiguous


@dataclass(frozen=True)
class Event:
    """A claimed event: what happened, who did it, where, when, how many, claimed by whom."""

    type: str  # one of EVENT_TYPES
    trigger: Span
    actor: str | None = None
    target: str | None = None
    places: tuple[str, ...] = ()  # place refs, or canonical names when a place has no ref
    quantity: int | None = None
    when: str | None = None  # ISO date, month, year or "start/end"
    claimed_by: str | None = None  # attribution id, None when the outlet asserts it
    polarity: str = "asserted"
    modality: str = "factual"


@dataclass(frozen=True)
class Layers:
    """The three layers of one text (spans into that text): a headline's."""

    attributions: tuple[Attribution, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.attributions or self.places or self.events)


@dataclass(frozen=True)
class AnalysedDocument:
    """An article with the three layers extracted from its text, and from its title
    (``title_layers``, spans into ``article.title``; None when the title was not analysed)."""

    article: Article
    attributions: tuple[Attribution, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = field(default_factory=tuple)
    title_layers: Layers | None = None
