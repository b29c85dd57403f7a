"""A readable terminal report of one analysed document (``claimledger analyze``)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .models import AnalysedDocument
from .terminal import printable, styled
from .pipeline import EXTRACTED_LANGUAGES

# Longest content shown in a table cell before it is cut with an ellipsis.
CONTENT_CHARS = 240


def _cut(text: str, limit: int = CONTENT_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_document(doc: AnalysedDocument, console: Console) -> None:
    """Print a document's attributions, places and events as three tables."""
    article, text = doc.article, doc.article.text
    heading = " · ".join(x for x in (article.id, article.outlet, article.published, article.language) if x)
    console.print(styled((heading, "bold"), f"\n{article.title}" if article.title else ""))
    if article.language not in (None, *EXTRACTED_LANGUAGES):
        console.print(styled((f"language {article.language}: stored, not yet extracted", "dim")))

    def part(span):
        return text[span[0]:span[1]] if span else ""

    if doc.attributions:
        table = Table(title=f"attributions ({len(doc.attributions)})", show_lines=True)
        for column in ("id", "speaker", "cue", "content", "kind", "firmness"):
            table.add_column(column, overflow="fold")
        for a in doc.attributions:
            speaker = styled(a.speaker or "", (f"\n{a.speaker_role}" if a.speaker_role else "", "dim"))
            kind = a.kind + (f"\nin {a.parent}" if a.parent else "")
            firmness = styled(a.evidentiality, (f"\n{', '.join(a.hedges)}" if a.hedges else "", "dim"))
            table.add_row(a.id, speaker, printable(part(a.cue), keep_lines=True),
                          printable(_cut(part(a.content)), keep_lines=True), kind,
                          firmness)
        console.print(table)
    if doc.places:
        table = Table(title=f"places ({len(doc.places)})")
        for column in ("text", "name", "level", "ref", "lat, lon"):
            table.add_column(column, overflow="fold")
        for p in doc.places:
            coords = f"{p.lat:.4f}, {p.lon:.4f}" if p.lat is not None and p.lon is not None else ""
            ref = p.ref or (f"ambiguous: {len(p.candidates)} candidates" if p.candidates else "")
            table.add_row(printable(p.text), printable(p.name or ""), p.level or "", ref, coords)
        console.print(table)
    if doc.events:
        table = Table(title=f"events ({len(doc.events)})", show_lines=True)
        for column in ("type", "trigger", "actor", "places", "count", "when", "claimed by", "firmness"):
            table.add_column(column, overflow="fold")
        for e in doc.events:
            firmness = e.polarity + ("" if e.modality == "factual" else f", {e.modality}")
            table.add_row(e.type, printable(part(e.trigger)), printable(e.actor or ""), ", ".join(e.places),
                          "" if e.quantity is None else str(e.quantity), e.when or "",
                          e.claimed_by or "(outlet)", firmness)
        console.print(table)
    if not (doc.attributions or doc.places or doc.events):
        console.print(styled(("nothing found", "dim")))
