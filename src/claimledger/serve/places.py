"""A place's claims a page at a time, and an oblast's settlements summarised.

A place is one real place of the catalogue (queries.PlaceCatalogue): its ref and the names of
the name-only mentions merged into it. Its claims are those of the claims index naming one of
those keys, read only from the articles that mention it (the ``places`` table's ref index),
oldest first, counted and paginated in SQL. An oblast's page does not repeat every claim about
every settlement in it: each settlement with claims gets one row, its claims counted per side
with the latest claim of each side in a line, all from one pass over the index rows of the
articles naming those settlements.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Select, and_, func, or_, select

from ..claims import index_keys
from ..store import schema
from .listings import ArticleSides, claim_statement, row_side
from .queries import NAME_KEY_PREFIX
from .readonly import ReadOnlyStore
from .sides import order_sides, side_label

# Settlements listed on an oblast's page (most claims first); the count says how many have claims.
MAX_SETTLEMENTS = 100
# The shortest ref prefix the settlements of a place share that stands for all of them in one
# LIKE pattern ("ua63": Kharkiv Oblast); otherwise each ref is a pattern of its own.
MIN_SHARED_PREFIX = 4
# Longest claim text in a settlement's line; the card on its own page has the whole text.
BRIEF_CHARS = 280


def place_keys(place: dict[str, Any]) -> tuple[list[str], list[str]]:
    """Return (refs, lower-case names) a catalogue place is mentioned under: its ref and the
    names merged into it, or the name of a place without ref."""
    refs = [place["ref"]] if place.get("ref") else []
    names = list(place.get("aliases") or ())
    if not refs:
        names.append(place["key"].removeprefix(NAME_KEY_PREFIX).lower())
    return refs, names


def index_keys_of(places: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Return claims-index key (lower case) -> place key for these catalogue places."""
    found: dict[str, str] = {}
    for place in places:
        refs, names = place_keys(place)
        for key in (*refs, *names):
            found.setdefault(key.lower(), place["key"])
    return found


def articles_naming(refs: list[str], names: list[str]) -> Select:
    """Return the SELECT of the ids of the articles mentioning one of these refs or names."""
    places = schema.places
    conditions = []
    if refs:
        conditions.append(places.c.ref.in_(refs))
    if names:
        conditions.append(and_(places.c.ref.is_(None), func.lower(places.c.name).in_(names)))
    return select(places.c.article_id).where(or_(*conditions))


def place_claim_statement(store: ReadOnlyStore, place: dict[str, Any],
                          args: dict[str, Any]) -> Select:
    """Return the SELECT of the claims naming ``place`` that match ``args`` (the keyword
    arguments of ``Ledger.find_claims``), oldest first (undated last)."""
    claims = schema.claims
    refs, names = place_keys(place)
    stmt = claim_statement(store, args, [*refs, *names])
    return (stmt.where(claims.c.article_id.in_(articles_naming(refs, names)))
            .order_by(None)
            .order_by(claims.c.date_start.asc().nulls_last(), claims.c.article_id, claims.c.ord))


def _brief_rows(conn: Any, keys: list[tuple[str, int]]) -> dict[tuple[str, int], dict[str, Any]]:
    """Return a claim in a line for each (article id, ord): its id in the article, speaker,
    outlet, date, text and event types, read from the index (no document is rebuilt)."""
    if not keys:
        return {}
    claims, attributions, articles = schema.claims, schema.attributions, schema.articles
    wanted = set(keys)
    stmt = (select(claims.c.article_id, claims.c.ord, claims.c.text, claims.c.type_keys,
                   claims.c.date_start, claims.c.claim, claims.c.event_ord, attributions.c.local_id,
                   attributions.c.speaker, articles.c.outlet)
            .select_from(claims.outerjoin(attributions, and_(
                attributions.c.article_id == claims.c.article_id,
                attributions.c.ord == claims.c.attribution_ord))
                .join(articles, articles.c.id == claims.c.article_id))
            .where(claims.c.article_id.in_(sorted({a for a, _ in keys}))))
    found = {}
    for row in conn.execute(stmt):
        if (row.article_id, row.ord) not in wanted:
            continue
        local = row.claim or row.local_id or f"e{(row.event_ord or 0) + 1}"
        text = row.text or ""
        found[(row.article_id, row.ord)] = {
            "id": f"{row.article_id}~{local}", "article_id": row.article_id,
            "date": row.date_start, "speaker": row.speaker, "outlet": row.outlet,
            "content": text if len(text) <= BRIEF_CHARS else text[:BRIEF_CHARS].rstrip() + "…",
            "types": [t for t in (row.type_keys or "").split("|") if t],
            "article_link": f"/articles/{row.article_id}#claim-{local}",
        }
    return found


def summarise_settlements(store: ReadOnlyStore, sides: ArticleSides, inside: list[dict[str, Any]],
                          args: dict[str, Any], side: str | None
                          ) -> tuple[list[dict[str, Any]], int]:
    """Return the settlements of ``inside`` (catalogue places) that have claims matching
    ``args`` and ``side``, most claims first (at most MAX_SETTLEMENTS), each with its claims
    per side and the latest claim of each side; and how many settlements have claims."""
    if not inside:
        return [], 0
    by_index_key = index_keys_of(inside)
    by_key = {place["key"]: place for place in inside}
    refs = [p["ref"] for p in inside if p.get("ref")]
    names = [n for p in inside for n in place_keys(p)[1]]
    claims = schema.claims
    # rows naming none of the settlements are left out in SQL: the refs of an oblast's settlements
    # share its code's first characters (KATOTTG), so one pattern covers them, with the names
    shared = os.path.commonprefix([index_keys([ref]).strip("|") for ref in refs]) if refs else ""
    patterns = [f"|{shared}" if len(shared) >= MIN_SHARED_PREFIX else None,
                *(index_keys([ref]) for ref in refs if len(shared) < MIN_SHARED_PREFIX),
                *(index_keys([name]) for name in names)]
    stmt = (claim_statement(store, args)
            .add_columns(claims.c.place_keys, claims.c.speaker_key, claims.c.date_start)
            .where(claims.c.article_id.in_(articles_naming(refs, names)),
                   or_(*(claims.c.place_keys.contains(p, autoescape=True) for p in patterns if p)))
            .order_by(None))
    tally: dict[str, dict[str, list]] = {}
    with store.connect() as conn:
        by_article, _ = sides.snapshot(conn)
        for row in conn.execute(stmt):
            named = {by_index_key[k] for k in row.place_keys.split("|") if k in by_index_key}
            if not named:
                continue
            found = row_side(by_article, row.article_id, row.speaker_key)
            if side and found != side:
                continue
            rank = (row.date_start or "", row.article_id, row.ord)
            for key in named:
                entry = tally.setdefault(key, {}).setdefault(found, [0, rank])
                entry[0] += 1
                entry[1] = max(entry[1], rank)
        ranked = sorted(tally, key=lambda k: (-sum(n for n, _ in tally[k].values()),
                                              by_key[k].get("name") or k))
        shown = ranked[:MAX_SETTLEMENTS]
        briefs = _brief_rows(conn, list(dict.fromkeys(
            (rank[1], rank[2]) for key in shown for _, rank in tally[key].values())))
    settlements = []
    for key in shown:
        place = by_key[key]
        per_side = []
        for name in order_sides(set(tally[key])):
            count, rank = tally[key][name]
            brief = briefs.get((rank[1], rank[2]))
            if brief is not None:
                per_side.append({"side": name, "label": side_label(name), "claims": count,
                                 "latest": {**brief, "side": name}})
        settlements.append({
            "key": key, "name": place.get("name"), "ref": place.get("ref"),
            "lat": place.get("lat"), "lon": place.get("lon"),
            "approximate_point": place.get("approximate_point"), "articles": place["articles"],
            "claims": sum(n for n, _ in tally[key].values()),
            "latest_date": max((rank[0] for _, rank in tally[key].values()), default="") or None,
            "sides": per_side,
        })
    return settlements, len(ranked)


__all__ = ["MAX_SETTLEMENTS", "articles_naming", "place_claim_statement", "place_keys",
           "summarise_settlements"]
