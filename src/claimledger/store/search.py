"""Full-text search of claim text and of article title + text, each back end with its own index.

:func:`claim_text_match` and :func:`article_text_match` return one condition that is compiled for the
database it runs on, so a statement built once (``store.claims.select_claims``, the web view's
listings) searches the same way everywhere:

* SQLite: the FTS5 tables ``claims_fts`` / ``articles_fts`` (schema.SQLITE_*_FTS_DDL, migrations 1-2);
* PostgreSQL: ``to_tsvector('simple', ...) @@ to_tsquery('simple', ...)`` over the expressions that the
  GIN indexes of :data:`POSTGRES_SEARCH_DDL` (migration 8) are built on;
* any other database: ``ILIKE`` on every word (no index).

Every word of the search must occur; words of :data:`FTS_PREFIX_MIN_CHARS` or more match as prefixes
("Харьков" finds "Харьковской"). The 'simple' text search configuration lowercases and does not stem,
so English, Russian and Ukrainian are treated alike (as FTS5's unicode61 does; unlike FTS5 it keeps
diacritics: "ё" is not "е"). Lowercasing Cyrillic needs a database whose LC_CTYPE is a UTF-8 locale.
"""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Boolean, and_, bindparam, column, false, func, literal_column, select, table, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement

from . import schema

# Search words this long or longer match as prefixes: checked on the dev corpus, where
# "Харьков" finds the oblast's inflected forms, while 3-letter English words as prefixes
# ("war" -> "warn", "ward") match too much.
FTS_PREFIX_MIN_CHARS = 4
_WORD = re.compile(r"\w+")
_TS_WORD = re.compile(r"[^\W_]+")  # PostgreSQL's parser splits at "_" (as FTS5's unicode61 does)

# PostgreSQL: the text search configuration, and how much of an article's text is indexed. A tsvector
# holds at most 1 MB; 200,000 characters stay under it whatever the text (at most about 4.5 bytes of
# tsvector per character), so no article can fail to be stored. News articles are far shorter;
# longer texts are searched in their first 200,000 characters (SQLite's FTS5 has no such limit).
TS_CONFIG = "simple"
ARTICLE_SEARCH_CHARS = 200_000
_CLAIM_DOCUMENT = f"to_tsvector('{TS_CONFIG}', text)"
_ARTICLE_DOCUMENT = (f"to_tsvector('{TS_CONFIG}', coalesce(title, '') || ' ' || "
                     f"left(text, {ARTICLE_SEARCH_CHARS}))")
# Migration 8. The query side (_postgres_document) builds the same expressions, which is what
# lets the planner use these indexes (tests/test_shared_store.py checks the plans).
POSTGRES_SEARCH_DDL = (
    f"CREATE INDEX IF NOT EXISTS ix_claims_text_search ON claims USING gin (({_CLAIM_DOCUMENT}))",
    f"CREATE INDEX IF NOT EXISTS ix_articles_text_search ON articles USING gin (({_ARTICLE_DOCUMENT}))",
)


def fts_query(search: str) -> str | None:
    """Return an FTS5 query matching every word of ``search`` (quoted: no query syntax).

    Words of :data:`FTS_PREFIX_MIN_CHARS` or more match as prefixes, so that an
    inflected Russian or Ukrainian form ("Харьковской") is found from its stem.
    """
    words = _WORD.findall(search)
    terms = [f'"{w}"*' if len(w) >= FTS_PREFIX_MIN_CHARS else f'"{w}"' for w in words]
    return " ".join(terms) if terms else None


def ts_query(search: str) -> str | None:
    """Return a PostgreSQL ``to_tsquery`` text matching every word of ``search`` (each word
    quoted, so no query syntax gets through; long words as prefixes, as :func:`fts_query`)."""
    words = _TS_WORD.findall(search)
    terms = [f"'{w}':*" if len(w) >= FTS_PREFIX_MIN_CHARS else f"'{w}'" for w in words]
    return " & ".join(terms) if terms else None


class TextMatch(ColumnElement[bool]):
    """True for the rows of ``target`` ("claims" or "articles") holding every word of ``search``;
    compiled per dialect (see the module docstring)."""

    type = Boolean()
    inherit_cache = False  # the search words are part of the SQL on some back ends

    def __init__(self, target: str, search: str):
        if target not in ("claims", "articles"):
            raise ValueError(f"no text search over {target!r}")
        self.target, self.search = target, search


def claim_text_match(search: str | None) -> TextMatch | None:
    """Return the condition "the claim text holds every word of ``search``", or None without words."""
    return TextMatch("claims", search) if search and _WORD.search(search) else None


def article_text_match(search: str | None) -> TextMatch | None:
    """Return the condition "the article title or text holds every word of ``search``", or None."""
    return TextMatch("articles", search) if search and _WORD.search(search) else None


def hit_pattern(search: str | None) -> re.Pattern[str] | None:
    """Return a case-insensitive pattern finding, in a text, the words ``search`` matched there as
    the indexes match them: each word whole, a word of :data:`FTS_PREFIX_MIN_CHARS` or more also as
    the start of a longer word (the whole word is found). None when ``search`` has no words."""
    words = sorted(set(_WORD.findall(search or "")), key=len, reverse=True)
    if not words:
        return None
    terms = [re.escape(w) + (r"\w*" if len(w) >= FTS_PREFIX_MIN_CHARS else "") for w in words]
    return re.compile(rf"(?<!\w)(?:{'|'.join(terms)})(?!\w)", re.IGNORECASE)


def like_every_word(target: str, search: str) -> ColumnElement[bool]:
    """Return the ``ILIKE`` condition of every word of ``search`` (no index; any database)."""
    if target == "claims":
        haystack = schema.claims.c.text
    else:
        haystack = func.coalesce(schema.articles.c.title, "") + " " + schema.articles.c.text
    return and_(*(haystack.ilike(f"%{w}%", escape="\\") for w in
                  (word.replace("\\", "\\\\").replace("_", "\\_") for word in _WORD.findall(search))))


def _postgres_document(target: str) -> ColumnElement[Any]:
    config = literal_column(f"'{TS_CONFIG}'")
    if target == "claims":
        return func.to_tsvector(config, schema.claims.c.text)
    articles = schema.articles
    body = (func.coalesce(articles.c.title, literal_column("''")).concat(literal_column("' '"))
            .concat(func.left(articles.c.text, literal_column(str(ARTICLE_SEARCH_CHARS)))))
    return func.to_tsvector(config, body)


@compiles(TextMatch)
def _compile_like(element: TextMatch, compiler: Any, **kw: Any) -> str:
    return compiler.process(like_every_word(element.target, element.search), **kw)


@compiles(TextMatch, "sqlite")
def _compile_fts5(element: TextMatch, compiler: Any, **kw: Any) -> str:
    query = fts_query(element.search)
    if query is None:
        return compiler.process(false(), **kw)
    name = f"{element.target}_fts"
    fts = table(name, column("rowid"))
    key = schema.claims.c.pk if element.target == "claims" else schema.articles.c.pk
    matching = select(fts.c.rowid).where(
        text(f"{name} MATCH :{name}").bindparams(**{name: query}))
    return compiler.process(key.in_(matching), **kw)


@compiles(TextMatch, "postgresql")
def _compile_tsvector(element: TextMatch, compiler: Any, **kw: Any) -> str:
    query = ts_query(element.search)
    if query is None:
        return compiler.process(false(), **kw)
    tsquery = func.to_tsquery(literal_column(f"'{TS_CONFIG}'"),
                              bindparam("tsquery", query, unique=True))
    return compiler.process(_postgres_document(element.target).op("@@")(tsquery), **kw)
