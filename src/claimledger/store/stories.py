"""Stories in the store: the rows of ``stories`` and ``story_claims`` for link.stories summaries,
and the query ``Ledger.find_stories`` runs.

A story is kept whole as its JSON summary; beside it the columns it is filtered and sorted on
(dates, size, place keys, contradictions) and, in ``story_claims``, one row per claim in it. A
claim can be in several stories (one per event it shares with other claims).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Select, insert, select

from ..claims import date_bounds
from ..errors import StoreError
from . import schema
from .conflicts import is_postgresql


def story_contradictions(story: dict[str, Any]) -> int:
    """Return the contradictions between a story's claims (it is contested when there is one);
    summaries written before they were counted have the count in ``relations``."""
    if "contradictions" in story:
        return int(story["contradictions"])
    return int((story.get("relations") or {}).get("contradict", 0))


def story_row(story: dict[str, Any]) -> dict[str, Any]:
    """Return the ``stories`` row of a summary: its place keys are the names and keys of the
    places it is about (the anchor's places for an event story)."""
    anchor = story.get("anchor") or {}
    places = set(story.get("places") or {}) | set(anchor.get("places") or ())
    return {
        "id": story["id"], "title": story["title"], "first_date": story.get("first_date"),
        "last_date": story.get("last_date"), "claim_count": len(story["claims"]),
        "place_keys": "|" + "".join(f"{key}|" for key in sorted({p.lower() for p in places})),
        "summary": json.dumps(story, ensure_ascii=False), "contradictions": story_contradictions(story),
    }


def membership_rows(story: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the ``story_claims`` rows of a summary, one per claim."""
    keys = dict.fromkeys((c["article_id"], c["ord"]) for c in story["claims"])
    return [{"story_id": story["id"], "article_id": a, "ord": o} for a, o in keys]


def write_stories(conn: Connection, stories: Sequence[dict[str, Any]]) -> int:
    """Replace every stored story and membership with these summaries; return how many."""
    if is_postgresql(conn):  # two link runs replace the stories one after the other (readers go on)
        conn.exec_driver_sql("LOCK TABLE stories IN SHARE ROW EXCLUSIVE MODE")
    conn.execute(sa.delete(schema.story_claims))
    conn.execute(sa.delete(schema.stories))
    if stories:
        conn.execute(insert(schema.stories), [story_row(s) for s in stories])
        members = [row for s in stories for row in membership_rows(s)]
        if members:
            conn.execute(insert(schema.story_claims), members)
    return len(stories)


# How a list of stories can be ordered: most claims first (the default), newest first (the
# latest date a story covers), most contested first (most contradictions, then most claims).
STORY_SORTS = ("claims", "newest", "contested")


def check_story_sort(sort: str) -> str:
    """Return ``sort`` when it is one of STORY_SORTS; raise StoreError naming them otherwise."""
    if sort not in STORY_SORTS:
        raise StoreError(f"sort: {sort!r} is not one of {', '.join(STORY_SORTS)}")
    return sort


def sort_stories(stories: Sequence[dict[str, Any]], sort: str = "claims") -> list[dict[str, Any]]:
    """Return story summaries given largest first (as ``Ledger.find_stories`` and
    :func:`select_stories` order them) ordered by ``sort`` (STORY_SORTS): newest first by the
    last date they cover (undated last), or most contradictions first; ties keep the size
    order, so the order never changes between two reads of one ledger."""
    ordered = list(stories)
    if check_story_sort(sort) == "newest":
        ordered.sort(key=lambda story: story.get("last_date") or "", reverse=True)  # stable
    elif sort == "contested":
        ordered.sort(key=story_contradictions, reverse=True)
    return ordered


def select_stories(*, place: str | None = None, since: str | None = None,
                   until: str | None = None, contested: bool | None = None,
                   sort: str = "claims") -> Select:
    """Return the query of story summaries, ordered by ``sort`` (STORY_SORTS; largest first by
    default): ``place`` a place name or key of the story (exact, case-insensitive),
    ``since``/``until`` (ISO date, month or year) its dates, ``contested`` True for stories
    with a contradiction, False for those without."""
    table = schema.stories
    check_story_sort(sort)
    size = (table.c.claim_count.desc(), table.c.first_date, table.c.id)
    if sort == "newest":
        order = (table.c.last_date.desc().nulls_last(), *size)
    elif sort == "contested":
        order = (table.c.contradictions.desc(), *size)
    else:
        order = size
    query = select(table.c.summary).order_by(*order)
    if place:
        query = query.where(table.c.place_keys.contains(f"|{place.lower()}|", autoescape=True))
    for value, name in ((since, "since"), (until, "until")):
        if value and date_bounds(value) is None:
            raise StoreError(f"{name}: not an ISO date, month or year: {value!r}")
    if since:
        query = query.where(table.c.last_date >= date_bounds(since)[0])
    if until:
        query = query.where(table.c.first_date <= date_bounds(until)[1])
    if contested is not None:
        query = query.where(table.c.contradictions > 0 if contested else table.c.contradictions == 0)
    return query


def add_story_facts(conn: Connection) -> None:
    """Migration 7: add ``stories.contradictions`` and ``story_claims``, filled from the
    stored summaries."""
    columns = {c["name"] for c in sa.inspect(conn).get_columns("stories")}
    if "contradictions" not in columns:
        conn.exec_driver_sql("ALTER TABLE stories ADD COLUMN contradictions INTEGER NOT NULL DEFAULT 0")
    schema.metadata.create_all(conn, tables=list(schema.STORY_TABLES))
    table = schema.stories
    for story_id, text in conn.execute(select(table.c.id, table.c.summary)).all():
        story = json.loads(text)
        conn.execute(sa.update(table).where(table.c.id == story_id)
                     .values(contradictions=story_contradictions(story)))
        rows = membership_rows({**story, "id": story_id})
        if rows:
            conn.execute(insert(schema.story_claims), rows)
