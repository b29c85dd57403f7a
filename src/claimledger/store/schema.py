"""Tables of the ledger, declared once with SQLAlchemy Core (no ORM).

The same definitions create the store on SQLite (default) and PostgreSQL. Spans are
stored as two integer columns ``<name>_start`` / ``<name>_end``; list-valued fields
(hedges, candidates, event places) are JSON text so both databases read them alike.
SQLite-only parts (FTS5 tables and the triggers that keep them in sync) are plain
SQL statements in :data:`SQLITE_FTS_DDL`, applied only behind a dialect check; PostgreSQL's
text search indexes are in ``search.POSTGRES_SEARCH_DDL`` (migration 8). The lengths of
``String(n)`` columns are not limits: SQLite ignores them, and on PostgreSQL migration 9 makes
those columns TEXT.

``claims`` is a derived index, rebuilt from the three layers when a document is saved:
one row per attribution and per event without attribution, with lowercase keys to
filter on (speaker, event types, places) and the date range the row covers.
"""
from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    LargeBinary,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", String(40), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True),  # rowid alias on SQLite, used by the FTS index
    Column("id", Text, nullable=False, unique=True),
    Column("fingerprint", String(128), nullable=False, unique=True),
    Column("outlet", Text),
    Column("url", Text),
    Column("published", String(40)),
    Column("language", String(16)),
    Column("title", Text),
    Column("text", Text, nullable=False),
    Column("origin", Text),
    Column("ingested_at", String(40), nullable=False),
    Column("extracted", Integer, nullable=False, default=1),  # 1 once the layers are stored
    Column("extractor_version", String(40)),
    Column("title_layers", Text),  # the headline's layers, record form as JSON (offsets into title)
    Index("ix_articles_published", "published"),
    Index("ix_articles_language", "language"),
)


def _article_fk() -> Column:
    return Column(
        "article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    )


attributions = Table(
    "attributions",
    metadata,
    Column("pk", Integer, primary_key=True),
    _article_fk(),
    Column("ord", Integer, nullable=False),  # position in the document's layer
    Column("local_id", String(40), nullable=False),  # "a1", as in the record
    Column("source_start", Integer),
    Column("source_end", Integer),
    Column("speaker", Text),
    Column("speaker_role", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("content_text", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("parent", String(40)),
    Column("hedges", Text, nullable=False, default="[]"),  # JSON list of words
    # models.EVIDENTIALITIES; added by migration 4 (older rows read "reported")
    Column("evidentiality", String(12), nullable=False, server_default="reported"),
    UniqueConstraint("article_id", "ord", name="uq_attributions_article_ord"),
    Index("ix_attributions_article_local", "article_id", "local_id"),
)

places = Table(
    "places",
    metadata,
    Column("pk", Integer, primary_key=True),
    _article_fk(),
    Column("ord", Integer, nullable=False),
    Column("span_start", Integer, nullable=False),
    Column("span_end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("ref", String(80)),
    Column("name", Text),
    Column("lat", Float),
    Column("lon", Float),
    Column("level", String(20)),
    Column("candidates", Text, nullable=False, default="[]"),  # JSON list of refs
    UniqueConstraint("article_id", "ord", name="uq_places_article_ord"),
    Index("ix_places_ref", "ref"),
)

events = Table(
    "events",
    metadata,
    Column("pk", Integer, primary_key=True),
    _article_fk(),
    Column("ord", Integer, nullable=False),
    Column("type", String(40), nullable=False),
    Column("trigger_start", Integer, nullable=False),
    Column("trigger_end", Integer, nullable=False),
    Column("trigger_text", Text, nullable=False),
    Column("actor", Text),
    Column("target", Text),
    Column("places", Text, nullable=False, default="[]"),  # JSON list of refs or names
    Column("quantity", Integer),
    Column("when", String(60)),
    Column("claimed_by", String(40)),
    Column("polarity", String(20), nullable=False),
    Column("modality", String(20), nullable=False),
    UniqueConstraint("article_id", "ord", name="uq_events_article_ord"),
    Index("ix_events_type", "type"),
)

rejections = Table(
    "rejections",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("origin", Text, nullable=False),
    Column("line", Integer),
    Column("reason", Text, nullable=False),
    Column("rejected_at", String(40), nullable=False),
)
# NULL lines never compare equal in a UNIQUE constraint, hence the expression index.
Index(
    "uq_rejections_origin_line_reason",
    rejections.c.origin, func.coalesce(rejections.c.line, -1), rejections.c.reason,
    unique=True,
)

claims = Table(
    "claims",
    metadata,
    Column("pk", Integer, primary_key=True),  # rowid alias on SQLite, used by the FTS index
    _article_fk(),
    Column("ord", Integer, nullable=False),  # position among the document's claims
    Column("claim", Text),  # its id in the document: a3, a3.2, e4, h.e1 (claims.describe_claims)
    Column("attribution_ord", Integer),  # the body attribution this row is (or a sentence of), or NULL
    Column("event_ord", Integer),  # the unattributed event this row is, or NULL
    Column("speaker_key", Text, nullable=False, default=""),  # lowercase speaker | role | source
    Column("outlet_key", Text, nullable=False, default=""),  # lowercase outlet of the article
    Column("type_keys", Text, nullable=False, default="|"),  # "|strike|clash|"
    Column("place_keys", Text, nullable=False, default="|"),  # "|kupiansk|ua63...|"
    Column("date_start", String(10)),  # YYYY-MM-DD, from event dates or else published
    Column("date_end", String(10)),
    Column("text", Text, nullable=False),  # attribution content, or the event's sentence
    UniqueConstraint("article_id", "ord", name="uq_claims_article_ord"),
    Index("ix_claims_date", "date_start"),
)

CORE_TABLES = (schema_version, articles, attributions, places, events, rejections)
CLAIM_TABLES = (claims,)

# Links between claims and the stories they form (claimledger.link; migration 3). A claim is
# (article_id, ord) of the claims index. ``linked_articles`` records which articles have been
# linked, so ``claimledger link`` only links new articles against the stored ones.
claim_links = Table(
    "claim_links",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("a_article", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("a_ord", Integer, nullable=False),
    Column("b_article", Text, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("b_ord", Integer, nullable=False),
    Column("label", String(20), nullable=False),  # repeat | agree | contradict
    Column("score", Float, nullable=False, default=0.0),
    Column("reason", Text, nullable=False),
    UniqueConstraint("a_article", "a_ord", "b_article", "b_ord", name="uq_claim_links_pair"),
    Index("ix_claim_links_b", "b_article", "b_ord"),
)

linked_articles = Table(
    "linked_articles",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("linked_at", String(40), nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("pk", Integer, primary_key=True),
    Column("id", String(40), nullable=False, unique=True),
    Column("title", Text, nullable=False),
    Column("first_date", String(10)),
    Column("last_date", String(10)),
    Column("claim_count", Integer, nullable=False),
    Column("place_keys", Text, nullable=False, default="|"),  # "|vovchansk|ua63...|"
    Column("summary", Text, nullable=False),  # JSON: link.stories.summarise_story
    # contradict links between the story's claims (a story with any is contested; migration 7)
    Column("contradictions", Integer, nullable=False, server_default="0"),
    Index("ix_stories_first_date", "first_date"),
)

LINK_TABLES = (claim_links, linked_articles, stories)

# Which stories each claim is in (migration 7): a story is one event, so a claim naming several
# events (a daily summary) is in several stories. Derived like ``stories`` and replaced with them.
story_claims = Table(
    "story_claims",
    metadata,
    Column("story_id", String(40), ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
    Column("article_id", Text, primary_key=True),
    Column("ord", Integer, primary_key=True, autoincrement=False),
    Index("ix_story_claims_claim", "article_id", "ord"),
)
STORY_TABLES = (story_claims,)

# Each article's link claims (link.matching.LinkClaim as JSON; migration 5), so that ``link`` reads
# only new articles' documents. ``basis`` names what they were derived with (claimledger version,
# link-claim format, outlet registry): rows of another basis are derived again.
link_claims = Table(
    "link_claims",
    metadata,
    Column("article_id", Text, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("basis", String(64), nullable=False),
    Column("claims", Text, nullable=False),  # JSON list of LinkClaim dicts
)
LINK_CACHE_TABLES = (link_claims,)

# Sentence vectors of claim texts, computed once per distinct text and encoder (link/multilingual.py)
# and kept, so that a link run embeds only texts it has not seen. ``text_hash`` is a hash of the
# text; ``vector`` the float32 row as bytes.
claim_vectors = Table(
    "claim_vectors",
    metadata,
    Column("text_hash", String(32), primary_key=True),
    Column("encoder", String(64), primary_key=True),
    Column("vector", LargeBinary, nullable=False),
)

# Row counts kept by each write of the ledger (store/row_counts.py, migration 12): one row
# per counted table and per article language ("language:en"), so /api/stats reads a few rows.
ledger_counts = Table(
    "ledger_counts",
    metadata,
    Column("name", Text, primary_key=True),
    Column("n", BigInteger, nullable=False),
)

# FTS5 over article title+text and over claim text (attribution contents and the
# sentences of outlet-asserted events). External-content tables: the text lives once,
# in the base table; triggers keep the index in sync on insert and delete.
FTS_TOKENIZER = "unicode61 remove_diacritics 2"  # folds case for Latin and Cyrillic alike
SQLITE_ARTICLE_FTS_DDL = (
    f"CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
    f"content_rowid='pk', tokenize='{FTS_TOKENIZER}')",
    "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.pk, old.title, old.text); END",
)
SQLITE_CLAIM_FTS_DDL = (
    f"CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', "
    f"content_rowid='pk', tokenize='{FTS_TOKENIZER}')",
    "CREATE TRIGGER claims_fts_ai AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_fts(rowid, text) VALUES (new.pk, new.text); END",
    "CREATE TRIGGER claims_fts_ad AFTER DELETE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.pk, old.text); END",
)
