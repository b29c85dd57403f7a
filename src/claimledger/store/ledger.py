"""The ledger: analysed documents stored in SQLite (default) or PostgreSQL.

Everything goes through SQLAlchemy Core. On SQLite the file runs in WAL mode with
foreign keys on and a busy timeout, every transaction is opened by us (``BEGIN``, or
``BEGIN IMMEDIATE`` for writes so that two writers queue instead of failing), and
full-text search uses FTS5. On PostgreSQL (the ``postgres`` extra: psycopg) writers run
side by side, so rows another writer may store too are inserted with ``ON CONFLICT``
(store/conflicts.py), and full-text search uses GIN-indexed tsvectors (store/search.py). Engines
are made in store/engines.py.
A URL is never shown with its password (store/urls.py).
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from .. import __version__
from ..errors import StoreError
from ..models import AnalysedDocument, Rejection
from ..claims import describe_claims
from . import schema, vectors
from .claims import claim_keys, select_claims
from .engines import WRITE_OPTION, can_write_sqlite, make_engine, sqlite_file
from .conflicts import insert_counting_new, insert_new, is_postgresql, upsert
from .migrations import read_schema_version, require_current_schema, upgrade_schema
from .row_counts import add_counts, language_count, read_counts
from .search import article_text_match
from .urls import display_target, hide_secrets
from .links import link_rows, read_link_rows, store_links
from .rows import ID_CHUNK, chunked, make_article_row, make_layer_rows, page_article_ids, read_documents
from .stories import select_stories, write_stories

# PostgreSQL: a batch whose transaction is chosen as a deadlock victim (two writers storing the
# same articles in opposite orders) or fails serialisation is written again, up to this many times.
WRITE_ATTEMPTS = 3
_TRANSIENT_SQLSTATES = {"40P01", "40001"}  # deadlock_detected, serialization_failure


def _is_transient(exc: BaseException | None) -> bool:
    """Return True for a database error that the same transaction may not meet again."""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) in _TRANSIENT_SQLSTATES


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def open_ledger(target: str | Path, *, create: bool = True, reading: bool = False) -> Ledger:
    """Open (and create or upgrade) the ledger at a SQLite path or a SQLAlchemy URL.

    ``create=False`` refuses to make a new SQLite file. ``reading=True`` (for commands that only
    read; implies ``create=False``) opens a SQLite ledger this process may not write read-only,
    never upgrading it. Raises StoreError with a one-line message when the target cannot be used.
    """
    path = sqlite_file(target) if reading else None
    read_only = path is not None and path.is_file() and not can_write_sqlite(path)
    engine = make_engine(target, create and not reading, read_only=read_only)
    ledger = Ledger(engine)
    shown = display_target(target)
    try:
        if read_only:
            with ledger._connect() as conn, conn.begin():
                require_current_schema(conn, shown)
            return ledger
        with ledger._connect(write=True) as conn, conn.begin():
            if (reading or not create) and read_schema_version(conn) == 0:
                raise StoreError(f"no ledger at {shown}")
            upgrade_schema(conn)
    except StoreError as exc:
        engine.dispose()
        raise StoreError(hide_secrets(f"{shown}: {exc}", target)) from exc
    except SQLAlchemyError as exc:
        engine.dispose()
        reason = (str(getattr(exc, "orig", None) or exc).splitlines() or [type(exc).__name__])[0]
        raise StoreError(hide_secrets(f"cannot open ledger {shown}: {reason}", target)) from exc
    return ledger


class Ledger:
    """A store of analysed documents; use :func:`open_ledger` to get one."""

    def __init__(self, engine: Engine):
        self._engine = engine

    # -- plumbing -------------------------------------------------------------------

    @contextmanager
    def _connect(self, *, write: bool = False) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            if write:
                conn.execution_options(**{WRITE_OPTION: True})
            yield conn

    @contextmanager
    def _transaction(self, *, write: bool = False) -> Iterator[Connection]:
        try:
            with self._connect(write=write) as conn, conn.begin():
                yield conn
        except SQLAlchemyError as exc:
            reason = (str(getattr(exc, "orig", None) or exc).splitlines() or [type(exc).__name__])[0]
            secret = self._engine.url.render_as_string(hide_password=False)
            raise StoreError(hide_secrets(f"ledger {self.url}: {reason}", secret)) from exc

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return display_target(self._engine.url.render_as_string(hide_password=False))

    def schema_version(self) -> int:
        """Return the schema version of the store (equal to the code's once opened)."""
        with self._transaction() as conn:
            return read_schema_version(conn)

    def close(self) -> None:
        """Close every pooled connection; the ledger cannot be used afterwards."""
        self._engine.dispose()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # -- writing --------------------------------------------------------------------

    def has_fingerprint(self, fingerprint: str) -> bool:
        """Return True when an article with this content fingerprint is stored."""
        return bool(self.find_fingerprints([fingerprint]))

    def find_fingerprints(self, fingerprints: Iterable[str]) -> set[str]:
        """Return those of the given fingerprints that are already stored."""
        found: set[str] = set()
        column = schema.articles.c.fingerprint
        with self._transaction() as conn:
            for chunk in chunked(fingerprints):
                found.update(conn.execute(select(column).where(column.in_(chunk))).scalars())
        return found

    def save_documents(self, docs: Sequence[AnalysedDocument], fingerprints: Sequence[str], *,
                       extractor_version: str | None = None) -> int:
        """Store documents with their layers in one transaction; return how many were new.

        ``fingerprints[i]`` identifies ``docs[i]``'s content. A document whose fingerprint
        or id is already stored (or earlier in the batch) is skipped, and so is one that
        another writer stores while this batch is written (PostgreSQL: ON CONFLICT DO
        NOTHING; SQLite writers queue). All or nothing: an error leaves the store as before
        the call. ``extractor_version`` defaults to the installed claimledger version.
        """
        if len(docs) != len(fingerprints):
            raise StoreError(f"{len(docs)} documents but {len(fingerprints)} fingerprints")
        if not docs:
            return 0
        version = extractor_version or __version__
        ingested_at = _now()
        attempt = 1
        while True:
            try:
                with self._transaction(write=True) as conn:
                    return self._save_batch(conn, docs, fingerprints, ingested_at, version)
            except StoreError as exc:
                if attempt >= WRITE_ATTEMPTS or not _is_transient(exc.__cause__):
                    raise
                attempt += 1

    @staticmethod
    def _save_batch(conn: Connection, docs: Sequence[AnalysedDocument], fingerprints: Sequence[str],
                    ingested_at: str, version: str) -> int:
        articles = schema.articles
        seen_fp: set[str] = set()
        seen_id: set[str] = set()
        for chunk in chunked(list(fingerprints)):
            seen_fp.update(conn.execute(select(articles.c.fingerprint)
                                        .where(articles.c.fingerprint.in_(chunk))).scalars())
        for chunk in chunked([d.article.id for d in docs]):
            seen_id.update(conn.execute(select(articles.c.id)
                                        .where(articles.c.id.in_(chunk))).scalars())
        tables: dict[str, list[dict]] = {"articles": [], "attributions": [], "places": [],
                                         "events": [], "claims": []}
        for doc, fingerprint in zip(docs, fingerprints):
            if fingerprint in seen_fp or doc.article.id in seen_id:
                continue
            seen_fp.add(fingerprint)
            seen_id.add(doc.article.id)
            tables["articles"].append(make_article_row(
                doc, fingerprint, ingested_at=ingested_at, extractor_version=version))
            layer_rows = make_layer_rows(doc)
            for name, rows in zip(("attributions", "places", "events"), layer_rows):
                tables[name].extend(rows)
            tables["claims"].extend(c["row"] for c in describe_claims(doc))
        # articles first: the others point at them; on PostgreSQL an article another writer
        # stored meanwhile is skipped, and so are its layers (they are that writer's)
        article_rows = tables.pop("articles")
        stored = insert_new(conn, articles, article_rows, "id")
        added = Counter({"articles": len(stored)})
        added.update(language_count(row["language"]) for row in article_rows if row["id"] in stored)
        for name, rows in tables.items():
            mine = [row for row in rows if row["article_id"] in stored]
            if mine:
                conn.execute(insert(schema.metadata.tables[name]), mine)
                added[name] = len(mine)
        add_counts(conn, added)  # last: on PostgreSQL its row locks are held only until the commit
        return len(stored)

    def record_rejections(self, rejections: Iterable[Rejection]) -> int:
        """Store rejected inputs, each origin + line + reason once; return how many were new."""
        table = schema.rejections
        rows, keys = [], set()
        for rejection in rejections:
            key = (rejection.origin, rejection.line, rejection.reason)
            if key not in keys:
                keys.add(key)
                rows.append({"origin": rejection.origin, "line": rejection.line,
                             "reason": rejection.reason, "rejected_at": _now()})
        if not rows:
            return 0
        with self._transaction(write=True) as conn:
            new = []
            for row in rows:
                line = (table.c.line.is_(None) if row["line"] is None
                        else table.c.line == row["line"])
                exists = conn.execute(select(table.c.pk).where(
                    table.c.origin == row["origin"], table.c.reason == row["reason"], line
                ).limit(1)).first()
                if exists is None:
                    new.append(row)
            added = insert_counting_new(conn, table, new)
            add_counts(conn, {"rejections": added})
        return added

    # -- reading --------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Return row counts: articles, attributions, places, events, claims, rejections,
        and articles per language as ``language:<code>`` (``language:unknown`` for none); read
        from the counts the ledger keeps (store/row_counts.py), exact after each of its writes."""
        with self._transaction() as conn:
            return read_counts(conn)

    def list_rejections(self, *, limit: int | None = 100) -> list[Rejection]:
        """Return recorded rejections, most recent first."""
        table = schema.rejections
        query = select(table).order_by(table.c.pk.desc())
        with self._transaction() as conn:
            rows = conn.execute(query if limit is None else query.limit(limit)).all()
        return [Rejection(origin=r.origin, reason=r.reason, line=r.line) for r in rows]

    def top_values(self, layer: str, column: str, *, limit: int = 10) -> list[tuple[str, int]]:
        """Return the most frequent non-null values of a layer column with their counts.

        ``layer`` is one of attributions, places, events, articles; ``column`` one of its
        columns (for example attributions.speaker, places.name, events.type, articles.outlet).
        """
        tables = {"attributions": schema.attributions, "places": schema.places,
                  "events": schema.events, "articles": schema.articles}
        table = tables.get(layer)
        if table is None or column not in table.c:
            raise StoreError(f"no column {layer}.{column} in the ledger")
        col = table.c[column]
        stmt = (sa.select(col, sa.func.count().label("n")).where(col.is_not(None))
                .group_by(col).order_by(sa.desc("n"), col).limit(limit))
        with self._transaction() as conn:
            return [(row[0], row[1]) for row in conn.execute(stmt)]

    def place_rows(self) -> list[tuple[str | None, str | None, str, str | None, int]]:
        """Return the distinct places mentioned: (ref, name, a mention text, level, mentions)."""
        p = schema.places
        stmt = (sa.select(p.c.ref, p.c.name, sa.func.min(p.c.text), p.c.level, sa.func.count())
                .group_by(p.c.ref, p.c.name, p.c.level))
        with self._transaction() as conn:
            return [(r[0], r[1], r[2], r[3], int(r[4])) for r in conn.execute(stmt)]

    def find_claims(self, *, speaker: str | None = None, place: str | None = None,
                    type: str | None = None, since: str | None = None,
                    until: str | None = None, search: str | None = None,
                    outlet: str | None = None, language: str | None = None,
                    limit: int | None = 100) -> list[dict[str, Any]]:
        """Return claims matching every filter given, newest first.

        One dict per attribution and per event without attribution (keys in
        ``claims.CLAIM_FIELDS``). ``speaker`` and ``outlet`` match a case-insensitive
        substring (speaker, role or source text; outlet name); ``place`` a place name,
        mention or ref exactly, case-insensitive; ``type`` an event type under the claim;
        ``since``/``until`` (ISO date, month or year) the event dates, or else the
        article's published date; ``search`` every word of it in the claim text (FTS5
        on SQLite, tsvector on PostgreSQL); ``language`` the article language code.
        """
        return list(self.iter_claims(speaker=speaker, place=place, type=type, since=since,
                                     until=until, search=search, outlet=outlet,
                                     language=language, limit=limit))

    def iter_claims(self, *, speaker: str | None = None, place: str | None = None,
                    type: str | None = None, since: str | None = None,
                    until: str | None = None, search: str | None = None,
                    outlet: str | None = None, language: str | None = None,
                    limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Yield what :meth:`find_claims` returns, a page of articles at a time (for exports)."""
        stmt = select_claims(speaker=speaker, place=place, type=type, since=since, until=until,
                             search=search, outlet=outlet, language=language,
                             limit=limit)
        with self._transaction() as conn:
            keys = claim_keys(conn, stmt)
        for start in range(0, len(keys), ID_CHUNK):
            page = keys[start:start + ID_CHUNK]
            article_ids = list(dict.fromkeys(article_id for article_id, _ in page))
            views: dict[tuple[str, int], dict[str, Any]] = {}
            with self._transaction() as conn:
                docs = read_documents(conn, article_ids)
            for doc in docs:
                for ord_, claim in enumerate(describe_claims(doc)):
                    views[(doc.article.id, ord_)] = claim["view"]
            yield from (views[key] for key in page if key in views)

    def find_articles(self, *, search: str | None = None, limit: int | None = 100
                      ) -> list[dict[str, Any]]:
        """Return articles (id, outlet, published, language, title), newest first;
        ``search`` keeps those whose title or text hold every word (FTS5 on SQLite,
        tsvector on PostgreSQL)."""
        articles = schema.articles
        query = select(articles.c.id, articles.c.outlet, articles.c.published,
                       articles.c.language, articles.c.title)
        match = article_text_match(search)
        if match is not None:
            query = query.where(match)
        query = query.order_by(articles.c.published.desc().nulls_last(), articles.c.id)
        with self._transaction() as conn:
            rows = conn.execute(query if limit is None else query.limit(limit)).all()
        return [dict(row._mapping) for row in rows]

    def iter_documents(self, *, ids: Iterable[str] | None = None) -> Iterator[AnalysedDocument]:
        """Yield stored documents rebuilt from rows, a page at a time (bounded memory).

        With ``ids``, those documents in the order given (unknown ids skipped); without,
        every document in the order it was stored.
        """
        if ids is not None:
            for chunk in chunked(ids):
                with self._transaction() as conn:
                    docs = read_documents(conn, chunk)
                yield from docs
            return
        last = 0
        while True:
            with self._transaction() as conn:
                page = page_article_ids(conn, last)
                docs = read_documents(conn, [article_id for _, article_id in page])
            if not page:
                return
            last = page[-1][0]
            yield from docs

    # -- links and stories (claimledger.link) -----------------------------------------

    def article_ids(self) -> list[str]:
        """Return every stored article id, in the order the articles were stored."""
        with self._transaction() as conn:
            return list(conn.execute(select(schema.articles.c.id).order_by(schema.articles.c.pk)).scalars())

    def read_link_claims(self, basis: str) -> dict[str, str]:
        """Return the stored link claims (JSON text) of every article, by article id, that were
        derived on ``basis``."""
        table = schema.link_claims
        with self._transaction() as conn:
            return dict(conn.execute(select(table.c.article_id, table.c.claims)
                                     .where(table.c.basis == basis)).all())

    def save_link_claims(self, claims: dict[str, str], basis: str) -> None:
        """Store articles' link claims (JSON text by article id) derived on ``basis``, replacing
        what those articles had."""
        table = schema.link_claims
        ids = list(claims)
        rows = [{"article_id": a, "basis": basis, "claims": claims[a]} for a in ids]
        with self._transaction(write=True) as conn:
            if is_postgresql(conn):  # another link run may store the same articles meanwhile
                upsert(conn, table, rows, ["article_id"])
                return
            for chunk in chunked(ids):
                conn.execute(sa.delete(table).where(table.c.article_id.in_(chunk)))
            if rows:
                conn.execute(insert(table), rows)

    def read_vectors(self, hashes: list[str], encoder: str) -> dict[str, bytes]:
        """Return the kept sentence vectors (float32 bytes) of text hashes, for ``encoder``."""
        with self._transaction() as conn:
            return vectors.read_vectors(conn, hashes, encoder)

    def save_vectors(self, found: dict[str, bytes], encoder: str) -> None:
        """Keep sentence vectors (float32 bytes by text hash) computed with ``encoder``."""
        with self._transaction(write=True) as conn:
            vectors.save_vectors(conn, found, encoder)

    def linked_article_ids(self) -> set[str]:
        """Return the ids of the articles whose claims have been linked."""
        with self._transaction() as conn:
            return set(conn.execute(select(schema.linked_articles.c.article_id)).scalars())

    def save_links(self, links: Iterable[Any], article_ids: Iterable[str], *,
                   replace: bool = False) -> int:
        """Store claim links (objects or dicts with a, b, label, reason, score) and mark the
        articles as linked, in one transaction; ``replace`` first drops every stored link.
        A pair already stored keeps its first link. Returns how many links were new."""
        rows = link_rows(links)
        with self._transaction(write=True) as conn:
            return store_links(conn, rows, article_ids, replace=replace)

    def save_link_run(self, links: Iterable[Any], article_ids: Iterable[str],
                      build: Callable[[list[dict[str, Any]]], Sequence[dict[str, Any]]] | None, *,
                      replace: bool = False) -> tuple[int, Sequence[dict[str, Any]] | None]:
        """Store what a link run found in one transaction: its links and linked articles (as
        :meth:`save_links`) and, when ``build`` is given, the stories it returns for every stored
        link (dicts as :meth:`read_links`) in place of the stored ones. Returns (new links, the
        stories stored or None). Killed or failing at any point, the store stays as before."""
        rows = link_rows(links)
        with self._transaction(write=True) as conn:
            added = store_links(conn, rows, article_ids, replace=replace)
            if build is None:
                return added, None
            stories = build(read_link_rows(conn))
            write_stories(conn, stories)
            return added, stories

    def read_links(self, *, label: str | None = None) -> list[dict[str, Any]]:
        """Return stored claim links as dicts (a_article, a_ord, b_article, b_ord, label, reason,
        score), optionally only those of one label."""
        with self._transaction() as conn:
            return read_link_rows(conn, label)

    def replace_stories(self, stories: Sequence[dict[str, Any]]) -> int:
        """Replace the stored stories with these summaries (link.stories); return how many."""
        with self._transaction(write=True) as conn:
            return write_stories(conn, stories)

    def find_stories(self, *, place: str | None = None, since: str | None = None,
                     until: str | None = None, contested: bool | None = None,
                     limit: int | None = 50) -> list[dict[str, Any]]:
        """Return story summaries, largest first; ``place`` matches a place name exactly
        (case-insensitive), ``since``/``until`` (ISO date, month or year) the story's dates,
        ``contested`` True only stories with a contradiction (False: only those without)."""
        query = select_stories(place=place, since=since, until=until, contested=contested)
        with self._transaction() as conn:
            rows = conn.execute(query if limit is None else query.limit(limit)).scalars().all()
        return [json.loads(row) for row in rows]

    def find_claim_stories(self, article_id: str, ord_: int) -> list[str]:
        """Return the ids of the stories a claim (article id, position) is in."""
        table = schema.story_claims
        with self._transaction() as conn:
            return list(conn.execute(select(table.c.story_id).where(
                table.c.article_id == article_id, table.c.ord == ord_).order_by(table.c.story_id)
            ).scalars())

    def get_story(self, story_id: str) -> dict[str, Any]:
        """Return one story summary by id (StoreError when there is none)."""
        table = schema.stories
        with self._transaction() as conn:
            row = conn.execute(select(table.c.summary).where(table.c.id == story_id)).scalar()
        if row is None:
            raise StoreError(f"no story {story_id!r} in the ledger (see `claimledger stories`)")
        return json.loads(row)
