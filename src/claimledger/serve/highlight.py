"""An article's text cut into segments marked with what the ledger found there.

Sources, cues, claim contents, hedges, places and event triggers are spans that may
nest or overlap (a place inside a claim, a trigger inside both). The text is cut at
every span boundary; each piece carries the set of marks covering it, the link of the
place it belongs to, and the anchors that start there. Templates render the pieces with
autoescaping, so the text is never trusted as HTML.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..claims import clip
from ..models import AnalysedDocument
from ..extract.attribution.framing import find_framing_words
from .queries import place_key

# A search hit is shown in the sentence holding it; a longer sentence is cut to this many
# characters around the hit, at word boundaries (claim cards hold up to 600; a result line
# stays near two lines of the results column).
SNIPPET_MAX_CHARS = 300
# A sentence ends at . ! ? or … (closing quotes and brackets kept) before a space, or at a line break.
_SENTENCE_BREAK = re.compile(r"[.!?…][\"'»”’)\]]*\s+|\n\s*")


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``kind`` is a CSS class; ``label`` a tooltip."""

    start: int
    end: int
    kind: str
    label: str = ""
    link: str | None = None
    anchor: str | None = None


@dataclass
class Segment:
    """A piece of text and the marks covering all of it."""

    text: str
    kinds: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    link: str | None = None
    anchors: list[str] = field(default_factory=list)

    @property
    def css(self) -> str:
        """Return the CSS classes of the piece (``m-<kind>`` each)."""
        return " ".join(f"m-{kind}" for kind in self.kinds)


def _word_marks(text: str, words: list[str], start: int, end: int, kind: str,
                label: str) -> list[Mark]:
    marks = []
    for word in words:
        if not word.strip():
            continue
        pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
        for match in pattern.finditer(text, start, end):
            marks.append(Mark(match.start(), match.end(), kind, label))
    return marks


def collect_marks(doc: AnalysedDocument, *, place_url: str = "/places/") -> list[Mark]:
    """Return the marks of a document: attributions (source, cue, content, hedges),
    places (linked to their page), event triggers and framing words."""
    text = doc.article.text
    marks: list[Mark] = []
    for attribution in doc.attributions:
        who = attribution.speaker or attribution.speaker_role or "unnamed source"
        start, end = attribution.content
        marks.append(Mark(start, end, "claim", f"claim {attribution.id} by {who} "
                          f"({attribution.kind})", anchor=f"claim-{attribution.id}"))
        if attribution.source:
            marks.append(Mark(*attribution.source, "source", f"source of {attribution.id}: {who}"))
        if attribution.cue:
            marks.append(Mark(*attribution.cue, "cue", f"reporting cue of {attribution.id}"))
        spans = [s for s in (attribution.source, attribution.cue, attribution.content) if s]
        marks.extend(_word_marks(text, list(attribution.hedges), min(s[0] for s in spans),
                                 max(s[1] for s in spans), "hedge", "hedge"))
    for place in doc.places:
        key = place_key(place.ref, place.name)
        label = " · ".join(v for v in (place.name, place.level, place.ref) if v) or "place"
        marks.append(Mark(*place.span, "place", label,
                          link=f"{place_url}{key}" if key else None))
    for ord_, event in enumerate(doc.events):
        bits = [event.type]
        if event.when:
            bits.append(event.when)
        if event.polarity == "denied":
            bits.append("denied")
        if event.modality != "factual":
            bits.append(event.modality)
        marks.append(Mark(*event.trigger, "event", "event: " + ", ".join(bits),
                          anchor=f"event-{ord_ + 1}"))
    for start, end, word, _ in find_framing_words(text, doc.article.language):
        marks.append(Mark(start, end, "framing", f"framing word: {word}"))
    return [m for m in marks if 0 <= m.start < m.end <= len(text)]


def segment_text(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; return the pieces in order with their marks."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    segments: list[Segment] = []
    ordered = sorted(marks, key=lambda m: (m.start, -m.end))
    for left, right in zip(cuts, cuts[1:]):
        covering = [m for m in ordered if m.start <= left and right <= m.end]
        segment = Segment(text[left:right])
        for mark in covering:
            if mark.kind not in segment.kinds:
                segment.kinds.append(mark.kind)
            if mark.label and mark.label not in segment.labels:
                segment.labels.append(mark.label)
            if mark.link and segment.link is None:
                segment.link = mark.link
            if mark.anchor and mark.start == left:
                segment.anchors.append(mark.anchor)
        segments.append(segment)
    return segments


def highlight_document(doc: AnalysedDocument, *, place_url: str = "/places/") -> list[Segment]:
    """Return the article text of ``doc`` as marked segments (see :func:`segment_text`)."""
    return segment_text(doc.article.text, collect_marks(doc, place_url=place_url))


def highlight_words(text: str, words: list[str], kind: str,
                    hits: re.Pattern[str] | None = None) -> list[Segment]:
    """Return ``text`` as segments with every whole-word occurrence of ``words`` marked
    ``kind``, what ``hits`` finds (the search's words) marked "hit", plus framing words
    (used for claim contents in lists and stories)."""
    marks = _word_marks(text, words, 0, len(text), kind, kind)
    if hits is not None:
        marks += [Mark(m.start(), m.end(), "hit", "search hit") for m in hits.finditer(text)]
    marks += [Mark(s, e, "framing", f"framing word: {w}") for s, e, w, _ in find_framing_words(text)]
    return segment_text(text, marks)


def snippet_reach(max_chars: int = SNIPPET_MAX_CHARS) -> int:
    """Return how far from a hit, either side, :func:`hit_snippet` reads the text (a sentence
    running further than this is cut anyway): what a part of a text must hold past its first hit
    for the snippet of the part to be the snippet of the whole."""
    return 4 * max_chars


def hit_snippet(text: str, hits: re.Pattern[str] | None,
                max_chars: int = SNIPPET_MAX_CHARS) -> dict[str, object] | None:
    """Return the whole sentence of ``text`` holding the first match of ``hits`` as
    ``{"text": sentence, "hits": [[start, end], ...]}`` (offsets into that sentence; a sentence
    over ``max_chars`` is cut around the match at word boundaries, with "…"), or None when
    ``text`` holds no match. Only a window around the match is scanned, whatever the text's size."""
    match = hits.search(text) if hits is not None else None
    if match is None:
        return None
    reach = snippet_reach(max_chars)
    start = max(0, match.start() - reach)
    for boundary in _SENTENCE_BREAK.finditer(text, start, match.start()):
        start = boundary.end()
    following = _SENTENCE_BREAK.search(text, match.end(), min(len(text), match.end() + reach))
    end = following.end() if following else min(len(text), match.end() + reach)
    sentence = text[start:end]
    shown = clip(sentence, max_chars, around=match.start() - start)
    return {"text": shown, "hits": [[m.start(), m.end()] for m in hits.finditer(shown)]}


def snippet_segments(snippet: dict[str, object]) -> list[Segment]:
    """Return a :func:`hit_snippet` as segments, its hits marked "hit"."""
    text = str(snippet["text"])
    return segment_text(text, [Mark(s, e, "hit", "search hit") for s, e in snippet["hits"]])
