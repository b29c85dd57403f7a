"""Link claims and events written by hand for the linking and story tests, and the CLI runner."""
from __future__ import annotations

from click.testing import CliRunner

from claimledger.cli import main
from claimledger.link.matching import LinkClaim, LinkEvent

def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def claim(article: str, ord_: int = 0, *, text: str = "", source: str = "speaker:a", side=None,
          events=(), published: str = "2024-05-12", outlet: str = "X") -> LinkClaim:
    from claimledger.link.relations import tokenize

    places = tuple(sorted({p for e in events for p in e.places}))
    return LinkClaim(article_id=article, ord=ord_, text=text, outlet=outlet, side=side,
                     language="en", published=published, date_start=published, date_end=published,
                     speaker=source.split(":", 1)[1], types=tuple(sorted({e.type for e in events})),
                     places=places, place_names=places, source_key=source,
                     tokens=tuple(tokenize(text)), events=tuple(events),
                     place_labels=tuple((p, p.title()) for p in places))


def event(type_: str, place: str, day: str = "2024-05-12", **kw) -> LinkEvent:
    return LinkEvent(type_, (place,), day, day, **kw)
