"""The versioned schema: ``STEPS[n]`` moves a database from version ``n`` to ``n + 1``.

The version lives in ``PRAGMA user_version``. ``migrate`` takes the write lock, reads the version,
applies every pending step and sets the new version in ONE transaction, so a crash or a concurrent
opener never sees a half-built schema, and re-opening an up-to-date database applies nothing.
A database written by a newer broadsheet (a version beyond ``len(STEPS)``) is refused rather than
guessed at. Never edit a released step: append a new one.

On PostgreSQL the same steps run in their PostgreSQL text (``pg_schema.step``), under an advisory
lock, and the version is the row of ``broadsheet_schema``.
"""

from __future__ import annotations

import sqlite3

from broadsheet.errors import StoreError
from broadsheet.store import pg_schema
from broadsheet.store.db import Connection
from broadsheet.store.postgres import PgConnection

_V1 = """
CREATE TABLE pages (
    id           TEXT PRIMARY KEY,
    source       TEXT NOT NULL,
    url          TEXT,
    kind         TEXT NOT NULL,
    fetched_at   TEXT,
    content_hash TEXT NOT NULL,
    content      BLOB NOT NULL,  -- the decoded page, UTF-8 then zlib: kept so pages can be re-extracted
    title        TEXT,
    outlet       TEXT,
    published    TEXT,
    first_seen   TEXT NOT NULL,
    last_seen    TEXT NOT NULL
);
CREATE INDEX pages_source ON pages(source);

-- seq is an explicit INTEGER PRIMARY KEY so the FTS rowid survives VACUUM.
CREATE TABLE articles (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    source     TEXT NOT NULL,
    title      TEXT NOT NULL,
    text       TEXT NOT NULL,
    paragraphs TEXT NOT NULL,
    url        TEXT,
    authors    TEXT NOT NULL,
    published  TEXT,
    outlet     TEXT,
    section    TEXT,
    language   TEXT,
    is_article INTEGER NOT NULL,
    related    TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='seq',
    tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- One row per analysed article: an article can be stored before it is analysed.
CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
);
CREATE TABLE entities (
    article_id TEXT NOT NULL REFERENCES analyses(article_id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    label      TEXT NOT NULL,
    canonical  TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, ord)
);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE TABLE attributions (
    article_id    TEXT NOT NULL REFERENCES analyses(article_id) ON DELETE CASCADE,
    ord           INTEGER NOT NULL,
    speaker       TEXT NOT NULL,
    cue           TEXT NOT NULL,
    content       TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    role          TEXT,
    organisation  TEXT,
    via           TEXT,
    said_when     TEXT,
    speaker_start INTEGER, speaker_end INTEGER,
    cue_start     INTEGER, cue_end     INTEGER,
    content_start INTEGER, content_end INTEGER,
    PRIMARY KEY (article_id, ord)
);
CREATE INDEX attributions_speaker ON attributions(speaker);
CREATE TABLE dates (
    article_id TEXT NOT NULL REFERENCES analyses(article_id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    value      TEXT,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    PRIMARY KEY (article_id, ord)
);
-- Spans point into articles.text: when the text changes, the old analysis is void.
CREATE TRIGGER articles_text_changed AFTER UPDATE OF text ON articles
WHEN old.text IS NOT new.text BEGIN
    DELETE FROM analyses WHERE article_id = new.id;
END;

CREATE TABLE stories (
    id              TEXT PRIMARY KEY,
    ord             INTEGER NOT NULL,
    title           TEXT NOT NULL,
    outlets         TEXT NOT NULL,
    first_published TEXT,
    last_published  TEXT
);
CREATE TABLE story_articles (
    story_id     TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    article_id   TEXT NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
    duplicate_of TEXT,
    PRIMARY KEY (story_id, ord)
);

CREATE TABLE editions (
    seq     INTEGER PRIMARY KEY,
    id      TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    title   TEXT NOT NULL,
    body    TEXT NOT NULL
);
CREATE INDEX editions_created ON editions(created);

CREATE TABLE rejections (
    source     TEXT NOT NULL,
    stage      TEXT NOT NULL,
    reason     TEXT NOT NULL,
    detail     TEXT NOT NULL,
    page_id    TEXT,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    count      INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (source, stage)
);
"""

# Version 2: every version of an article is kept (a page that changed at the same URL), and dates
# stored before there was one clock (``timestamps.py``) are brought to its form where SQL can.
_V2 = """
ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TABLE article_versions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    version    INTEGER NOT NULL,
    title      TEXT NOT NULL,
    text       TEXT NOT NULL,
    published  TEXT,
    stored_at  TEXT NOT NULL,
    PRIMARY KEY (article_id, version)
);
UPDATE articles SET published = published || 'T00:00:00+00:00'
    WHERE published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';
UPDATE pages SET published = published || 'T00:00:00+00:00'
    WHERE published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]';
INSERT INTO article_versions (article_id, version, title, text, published, stored_at)
    SELECT id, 1, title, text, published, strftime('%Y-%m-%dT%H:%M:%S+00:00', 'now') FROM articles;
"""

# Version 3: what ingest has learnt of each site's template (extract/templates.py): on how many
# distinct pages of the site each paragraph form was seen; and two article fields of extraction:
# ``opinion`` and ``not_article`` (what a page that is not an article is instead).
_V3 = """
ALTER TABLE articles ADD COLUMN opinion INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN not_article TEXT;
CREATE TABLE site_template_lines (
    site     TEXT NOT NULL,
    line_key TEXT NOT NULL,
    pages    INTEGER NOT NULL,
    PRIMARY KEY (site, line_key)
) WITHOUT ROWID;
"""

# Version 4: following the news. ``sources`` are the feeds and sitemaps the user added, each with
# its fetch state (validators for conditional GET, its last error kept on the row, when it is due);
# ``feed_items`` are the items seen in them, by GUID, with the state of the page each one leads to
# (new -> fetched -> done; or summary, rejected, old), so a run killed in the middle resumes where
# it stopped. An article made of a feed item's summary (its page was refused) is ``summary_only``.
_V4 = """
CREATE TABLE sources (
    url           TEXT PRIMARY KEY,
    title         TEXT,
    leaning       TEXT,
    site_url      TEXT,
    language      TEXT,
    kind          TEXT,
    etag          TEXT,
    last_modified TEXT,
    last_status   INTEGER,
    last_error    TEXT,
    error_count   INTEGER NOT NULL DEFAULT 0,
    next_check    TEXT NOT NULL,
    last_checked  TEXT,
    last_success  TEXT,
    retry_after   TEXT,
    added         TEXT NOT NULL
);
CREATE INDEX sources_next_check ON sources(next_check);
CREATE TABLE feed_items (
    source_url TEXT NOT NULL REFERENCES sources(url) ON DELETE CASCADE,
    guid       TEXT NOT NULL,
    url        TEXT,
    title      TEXT,
    summary    TEXT,
    content    TEXT,  -- the item's full text when the feed carries the whole article
    published  TEXT,
    updated    TEXT,
    state      TEXT NOT NULL DEFAULT 'new',
    page_id    TEXT,
    attempts   INTEGER NOT NULL DEFAULT 0,
    retry_at   TEXT,
    last_error TEXT,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    PRIMARY KEY (source_url, guid)
);
CREATE INDEX feed_items_state ON feed_items(state, retry_at);
CREATE INDEX feed_items_page ON feed_items(page_id);
ALTER TABLE articles ADD COLUMN summary_only INTEGER NOT NULL DEFAULT 0;
"""

# Version 5: stories are kept up to date incrementally (issue 7). Each story keeps its running state
# and is found through an inverted index of (term bucket, time bucket) postings; a merged story's id
# redirects to the one that absorbed it; ``merged_from`` and ``roundup`` are part of a story.
_V5 = """
ALTER TABLE stories ADD COLUMN merged_from TEXT NOT NULL DEFAULT '[]';
ALTER TABLE stories ADD COLUMN roundup INTEGER NOT NULL DEFAULT 0;
CREATE INDEX stories_last_published ON stories(last_published);
CREATE TABLE story_state (
    story_id TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
    state    BLOB NOT NULL
);
CREATE TABLE story_postings (
    term     INTEGER NOT NULL,
    bucket   INTEGER NOT NULL,
    story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    PRIMARY KEY (term, bucket, story_id)
) WITHOUT ROWID;
CREATE INDEX story_postings_story ON story_postings(story_id);
CREATE TABLE story_redirects (
    absorbed_id TEXT PRIMARY KEY,
    survivor_id TEXT NOT NULL
);
CREATE TABLE story_meta (
    name  TEXT PRIMARY KEY,
    value BLOB NOT NULL
);
"""

# Version 6: the daily email. ``subscribers`` (one row per address; ``status`` pending until the
# address confirmed, active, or unsubscribed — kept so an unsubscribe is honoured), the send ledger
# ``deliveries`` (one row per edition and address: pending -> sending -> sent | failed; never
# deleted, so it says who got which edition) and ``send_runs`` (which scheduled edition — kind and
# local day — was sent, so the scheduler sends each once).
_V6 = """
CREATE TABLE subscribers (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'active', 'unsubscribed')),
    secret        TEXT NOT NULL,
    confirm       TEXT,
    origin        TEXT NOT NULL,
    created       TEXT NOT NULL,
    confirm_sent  TEXT,
    confirmed     TEXT,
    unsubscribed  TEXT
);
CREATE TABLE deliveries (
    edition_id TEXT NOT NULL,
    email      TEXT NOT NULL,
    state      TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
    attempts   INTEGER NOT NULL DEFAULT 0,
    error      TEXT,
    message_id TEXT,
    updated    TEXT NOT NULL,
    PRIMARY KEY (edition_id, email)
);
CREATE INDEX deliveries_state ON deliveries(edition_id, state);
CREATE TABLE send_runs (
    kind       TEXT NOT NULL,
    day        TEXT NOT NULL,
    edition_id TEXT NOT NULL,
    started    TEXT NOT NULL,
    PRIMARY KEY (kind, day)
);
"""

# Version 7: an attribution's act (statement, question, request, belief) and the canonical key of
# its speaker, by which voices group a person across a story.
_V7 = """
ALTER TABLE attributions ADD COLUMN act TEXT NOT NULL DEFAULT 'statement';
ALTER TABLE attributions ADD COLUMN canonical TEXT;
"""

# Version 8: the ledger of shard outputs loaded by ``broadsheet backfill`` (``scale/load.py``): a shard
# is loaded in one transaction together with its row here, so loading it again changes nothing.
_V8 = """
CREATE TABLE shard_loads (
    name      TEXT PRIMARY KEY,
    sha256    TEXT NOT NULL,
    documents INTEGER NOT NULL,
    loaded_at TEXT NOT NULL
);
"""

# Version 9: the shared work queue (``queue.py``): one row per unit of work (a stored page to
# extract and analyse, a backfill shard to load) and the version of it that is wanted (the page's
# content hash, the shard's digest). Workers on several machines claim rows with
# ``FOR UPDATE SKIP LOCKED`` (PostgreSQL), so no page is processed twice.
_V9 = """
CREATE TABLE jobs (
    kind     TEXT NOT NULL,
    key      TEXT NOT NULL,
    version  TEXT NOT NULL,
    state    TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done')),
    worker   TEXT,
    claimed  TEXT,
    finished TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    added    TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX jobs_state ON jobs(kind, state, added);
"""

STEPS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9)
LATEST = len(STEPS)


def statements(script: str) -> list[str]:
    """Split an SQL script into complete statements (a trigger body's ``;`` does not split)."""
    done: list[str] = []
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            done.append(pending.strip())
            pending = ""
    return [s for s in done if s.strip("; \n")]


def version(conn: Connection) -> int:
    """The schema version recorded in the database."""
    if isinstance(conn, PgConnection):
        row = conn.execute("SELECT version FROM broadsheet_schema").fetchone()
        return int(row[0]) if row else 0
    value: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return value


def migrate(conn: Connection, where: str) -> int:
    """Bring the schema of ``conn`` (opened in autocommit mode) up to ``LATEST``; return it.

    Raises ``StoreError`` for a database newer than this code or a step that fails; ``where``
    names the file in messages.
    """
    if isinstance(conn, PgConnection):
        return _migrate_postgres(conn, where)
    conn.execute("BEGIN IMMEDIATE")
    try:
        _apply_pending(conn, version(conn), where)
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
    return LATEST


def _migrate_postgres(conn: PgConnection, where: str) -> int:
    """``migrate`` on PostgreSQL: one transaction under ``MIGRATE_LOCK``, so two workers that
    open a new database at once build its schema once."""
    conn.raw.execute("BEGIN")
    try:
        conn.raw.execute("SELECT pg_advisory_xact_lock(%s)", (pg_schema.MIGRATE_LOCK,))
        conn.script(pg_schema.VERSION_TABLE)
        current = version(conn)
        _refuse_newer(current, where)
        for number in range(current + 1, LATEST + 1):
            conn.script(pg_schema.step(number, statements(STEPS[number - 1])))
        if current != LATEST:
            conn.raw.execute("DELETE FROM broadsheet_schema")
            conn.raw.execute("INSERT INTO broadsheet_schema (version) VALUES (%s)", (LATEST,))
    except BaseException:
        conn.raw.execute("ROLLBACK")
        raise
    conn.raw.execute("COMMIT")
    return LATEST


def _refuse_newer(current: int, where: str) -> None:
    if current > LATEST:
        raise StoreError(
            f"store: {where} has schema version {current}, but this broadsheet only knows "
            f"versions up to {LATEST}; upgrade broadsheet or use another --db file"
        )


def _apply_pending(conn: Connection, current: int, where: str) -> None:
    _refuse_newer(current, where)
    for step in STEPS[current:]:
        for sql in statements(step):
            conn.execute(sql)
    if current != LATEST:
        conn.execute(f"PRAGMA user_version = {LATEST}")
