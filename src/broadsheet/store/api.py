"""``Store``: the one object the rest of broadsheet uses to read and write the database.

Each method is a thin, typed wrapper: it runs the aggregate module's function inside a
transaction (writes) or an error translator (reads), so every failure surfaces as ``StoreError``.
Writes are upserts keyed by stable ids, so re-running the pipeline on the same input changes
nothing. A Store holds one connection (an SQLite file, or a PostgreSQL server when the path is a
``postgresql://`` URL): use it from the thread that opened it (open one Store per thread or
request; WAL lets readers and one writer work side by side).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from types import TracebackType

from broadsheet.errors import StoreError
from broadsheet.model import Analysis, Article, Edition, Entity, FeedItem, Page, Rejected, Source, Story
from broadsheet.store import articles as _articles
from broadsheet.store import browse, migrations, pages, reading, rejections, search, stories
from broadsheet.store import editions as _editions
from broadsheet.store import shards as _shards
from broadsheet.store import sources as _sources
from broadsheet.store import templates as _templates
from broadsheet.store.db import Database, connect, exists, translate
from broadsheet.store.export import ExportKind, Record, export_rows
from broadsheet.store.mailing import MailStore
from broadsheet.store.postgres import redacted
from broadsheet.store.rejections import RejectionRecord
from broadsheet.store.sources import PendingItem, SourceCheck
from broadsheet.store.stories import StoryChanges
from broadsheet.store.work import WorkStore
from broadsheet.timestamps import now

Clock = Callable[[], str]
COUNTED_TABLES = (
    "pages", "articles", "article_versions", "analyses", "entities", "attributions", "dates", "stories",
    "story_articles", "story_postings", "story_redirects", "editions", "rejections", "sources",
    "feed_items", "subscribers",
    "deliveries", "shard_loads", "jobs",
)
_SCAN_ARTICLES = {
    None: "",
    True: "AND id IN (SELECT article_id FROM analyses)",
    False: "AND id NOT IN (SELECT article_id FROM analyses)",
}




class Store(MailStore, WorkStore):
    """The broadsheet database: pages, articles and analyses, stories, editions, rejections;
    (``MailStore``) the subscribers and send ledger of the daily email; and (``WorkStore``) the
    work queue that several workers share."""

    def __init__(self, db: Database, path: str, clock: Clock = now) -> None:
        self._db = db
        self.path = path
        self._clock = clock

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True, clock: Clock = now) -> Store:
        """Open and migrate the database at ``path``; ``":memory:"`` works.

        With ``create`` (the default) a missing file is created; without it (commands that only
        read) a missing file is a ``StoreError``, so a mistyped ``--db`` is not an empty store.
        ``clock`` returns the time stamped on first/last seen columns (injectable for tests).
        Raises ``StoreError`` when the file cannot be opened, is not a database, or was written
        by a newer broadsheet.
        """
        if not create and not exists(path):
            raise StoreError(f"store: there is no store at {path} (check --db or BROADSHEET_DB; "
                             "`broadsheet ingest` creates one)")
        conn = connect(path)
        try:
            with translate(f"migrate {redacted(str(path))}"):
                migrations.migrate(conn, str(path))
        except BaseException:
            conn.close()
            raise
        return cls(Database(conn), str(path), clock)

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[object]:
        """Group several writes into one transaction (faster, and all-or-nothing)."""
        return self._db.transaction()

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        with translate("read the schema version"):
            return migrations.version(self._db.conn)

    # --- writes -----------------------------------------------------------------------------

    def put_page(self, page: Page) -> bool:
        """Upsert a page; True when it is new or its content changed (worth extracting again)."""
        with self._db.transaction() as conn:
            return pages.put_page(conn, page, self._clock())

    def put_article(self, article: Article) -> int:
        """Upsert an article; return its version (a changed text is a new version and voids the
        stored analysis; every version stays readable through ``article_version``)."""
        with self._db.transaction() as conn:
            return _articles.put_article(conn, article, self._clock())

    def put_analysis(self, analysis: Analysis) -> int:
        """Upsert the article and atomically replace its entities, attributions and dates; return
        the article's version."""
        with self._db.transaction() as conn:
            return _articles.put_analysis(conn, analysis, self._clock())

    def put_rejection(self, rejected: Rejected) -> None:
        """Record a rejection, or count one more of the same (source, stage). Deletes nothing."""
        with self._db.transaction() as conn:
            rejections.put_rejection(conn, rejected, self._clock())

    def clear_rejection(self, source: str, stage: str | None = None) -> int:
        """Forget the rejections of ``source`` (one ``stage``, or all) after it succeeded."""
        with self._db.transaction() as conn:
            return rejections.clear_rejection(conn, source, stage)

    def replace_stories(self, new_stories: Sequence[Story]) -> None:
        """Replace the whole clustering by ``new_stories`` (kept in the given order) and drop the
        story index (see ``stories.replace_stories``)."""
        with self._db.transaction() as conn:
            stories.replace_stories(conn, new_stories)

    def add_template_counts(self, counts: Mapping[str, Counter[str]]) -> None:
        """Add one batch's per-site paragraph page counts (``extract.templates``)."""
        with self._db.transaction() as conn:
            _templates.add_template_counts(conn, counts)

    def template_counts(self, sites: Iterable[str]) -> dict[str, Counter[str]]:
        """The stored per-site paragraph page counts of ``sites``."""
        with translate("read site templates"):
            return _templates.template_counts(self._db.conn, sites)

    def save_story_changes(self, changes: StoryChanges) -> None:
        """Write what one clustering pass changed, all or nothing (``stories.save_changes``)."""
        with self._db.transaction() as conn:
            stories.save_changes(conn, changes)

    def mark_shard_loaded(self, name: str, sha256: str, documents: int) -> None:
        """Record that the backfill shard ``name`` (output ``sha256``) is loaded; call it in the
        transaction that loads the shard's documents."""
        with self._db.transaction() as conn:
            _shards.mark_loaded(conn, name, sha256, documents, self._clock())

    def put_edition(self, edition: Edition) -> None:
        """Upsert an edition by its id."""
        with self._db.transaction() as conn:
            _editions.put_edition(conn, edition)

    # --- reads ------------------------------------------------------------------------------

    def page_hash(self, page_id: str) -> str | None:
        """The content hash stored for a page, or None when it was never stored."""
        with translate("read a page"):
            return pages.page_hash(self._db.conn, page_id)

    def shard_digest(self, name: str) -> str | None:
        """The SHA-256 of the backfill shard output ``name`` last loaded, or None."""
        with translate("read the shard ledger"):
            return _shards.loaded_digest(self._db.conn, name)

    def get_page(self, page_id: str) -> Page | None:
        """The stored page (content included) with this id, or None."""
        with translate("read a page"):
            return pages.get_page(self._db.conn, page_id)

    def pages(self) -> Iterator[Page]:
        """Every stored page, content included, in the order first stored."""
        with translate("read pages"):
            yield from pages.iter_pages(self._db.conn)

    def get_article(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        with translate("read an article"):
            return _articles.get_article(self._db.conn, article_id)

    def article_version(self, article_id: str, version: int) -> Article | None:
        """The article as it read in ``version`` (what an older edition quoted), or None."""
        with translate("read an article version"):
            return _articles.get_version(self._db.conn, article_id, version)

    def has_article(self, article_id: str) -> bool:
        """True when an article with this id is stored (the pipeline skips such pages)."""
        with translate("read an article"):
            sql = "SELECT 1 FROM articles WHERE id = ?"
            return self._db.conn.execute(sql, (article_id,)).fetchone() is not None

    def articles(self, *, analysed: bool | None = None) -> Iterator[Article]:
        """Every article in the order first stored; only (un)analysed ones when ``analysed``."""
        sql = (
            f"SELECT {_articles.ARTICLE_COLUMNS} FROM articles WHERE 1 "
            f"{_SCAN_ARTICLES[analysed]} AND seq > ? ORDER BY seq LIMIT ?"
        )
        return (_articles.article_from_row(row) for row in self._db.scan(sql))

    def get_analysis(self, article_id: str) -> Analysis | None:
        """The stored analysis of an article, or None when it was not analysed (or not stored)."""
        with translate("read an analysis"):
            article = _articles.get_article(self._db.conn, article_id)
            if article is None or not _articles.is_analysed(self._db.conn, article_id):
                return None
            return _articles.analysis_of(self._db.conn, article)

    def analyses(self) -> Iterator[Analysis]:
        """Every stored analysis, in the order the articles were first stored."""
        for article in self.articles(analysed=True):
            with translate("read an analysis"):
                yield _articles.analysis_of(self._db.conn, article)

    def stories(self, ids: Sequence[str] | None = None) -> list[Story]:
        """The stored stories in the order they were minted (only ``ids`` when given)."""
        with translate("read stories"):
            return stories.stories(self._db.conn, ids)

    def resolve_story(self, story_id: str) -> str:
        """The id a story lives under now: an absorbed story's id leads to its survivor."""
        with translate("read story redirects"):
            return stories.resolve(self._db.conn, story_id)

    def unclustered(self) -> list[str]:
        """Ids of stored articles in no story yet (``stories.unclustered``)."""
        with translate("read articles"):
            return stories.unclustered(self._db.conn)

    def story_states(self, wanted: Sequence[tuple[int, int, int]]) -> list[bytes]:
        """Encoded states of the stories posted under the (term, first bucket, last bucket)
        ranges ``wanted`` (``stories.load_states``)."""
        with translate("read the story index"):
            return stories.load_states(self._db.conn, wanted)

    def cluster_inputs(self, ids: Sequence[str]) -> dict[str, tuple[Article, tuple[Entity, ...]]]:
        """Each stored article of ``ids`` with its entities when analysed (``stories.inputs``)."""
        with translate("read articles"):
            return stories.inputs(self._db.conn, ids)

    def story_meta(self) -> dict[str, bytes]:
        """The story index's named blobs (document frequencies, state format)."""
        with translate("read the story index"):
            return stories.meta(self._db.conn)

    def editions(self, limit: int | None = None) -> list[Edition]:
        """Stored editions, newest first."""
        with translate("read editions"):
            return _editions.editions(self._db.conn, limit)

    def latest_edition(self) -> Edition | None:
        """The edition created last, or None when there is none."""
        newest = self.editions(limit=1)
        return newest[0] if newest else None

    def get_edition(self, edition_id: str) -> Edition | None:
        """The edition with this id, or None."""
        with translate("read an edition"):
            return _editions.get_edition(self._db.conn, edition_id)

    # --- what an edition reads (``reading``) -------------------------------------------------

    def latest_article_date(self, not_after: str) -> str | None:
        """The latest article date (published, else fetched, else stored) up to ``not_after``."""
        with translate("read article dates"):
            return reading.latest_article_date(self._db.conn, not_after)

    def stories_between(self, start: str | None, end: str | None) -> list[Story]:
        """Stories with an article dated in ``[start, end)``, members limited to those before
        ``end``; every story when both are None."""
        with translate("read the stories of a window"):
            return reading.stories_between(self._db.conn, start, end)

    def article_heads(self, ids: Iterable[str]) -> dict[str, Analysis]:
        """Light articles (title, outlet, url, date, the first characters of the text) for
        ranking; never to summarise or cite from."""
        with translate("read articles"):
            return reading.article_heads(self._db.conn, ids)

    def analyses_for(self, ids: Iterable[str]) -> dict[str, Analysis]:
        """Articles with their entities and attributions, read in bulk (dates not included)."""
        with translate("read analyses"):
            return reading.analyses_for(self._db.conn, ids)

    def version_texts(self, keys: Iterable[tuple[str, int]]) -> dict[tuple[str, int], str]:
        """The texts of the given ``(article_id, version)`` pairs that are stored."""
        with translate("read article versions"):
            return reading.version_texts(self._db.conn, keys)

    def previous_edition(self, kind: str, date: str | None, created: str) -> Edition | None:
        """The latest edition of ``kind`` for a day before ``date``, created before ``created``."""
        with translate("read editions"):
            return reading.previous_edition(self._db.conn, kind, date, created)

    def leanings(self) -> dict[str, str]:
        """Outlet key -> leaning given to its source (empty while no source has one)."""
        with translate("read leanings"):
            return reading.leanings(self._db.conn)

    # --- what the web reader's pages read (``browse``) ---------------------------------------

    def story(self, story_id: str) -> Story | None:
        """The stored story with this id, all its members, or None."""
        with translate("read a story"):
            return browse.story(self._db.conn, story_id)

    def speakers_like(self, word: str) -> list[str]:
        """Distinct speaker names containing ``word``."""
        with translate("read speakers"):
            return browse.speakers_like(self._db.conn, word)

    def quotes_by_speakers(self, speakers: list[str]) -> list[browse.Record]:
        """Attributions given to these speaker names, newest first, with article and story."""
        with translate("read quotes"):
            return browse.quotes_by_speakers(self._db.conn, speakers)

    def quotes_by_organisation(self, names: list[str]) -> list[browse.Record]:
        """Attributions of speakers of these organisations, newest first."""
        with translate("read quotes"):
            return browse.quotes_by_organisation(self._db.conn, names)

    def articles_naming(self, canonical: str, labels: tuple[str, ...]) -> set[str]:
        """Ids of the articles naming the entity ``canonical``."""
        with translate("read entities"):
            return browse.articles_naming(self._db.conn, canonical, labels)

    def mentions(self, canonical: str, labels: tuple[str, ...]) -> list[browse.Record]:
        """Stories whose articles name the entity ``canonical``, latest first."""
        with translate("read entities"):
            return browse.mentions(self._db.conn, canonical, labels)

    def outlet_articles(self, outlet: str) -> list[browse.Record]:
        """Articles of one outlet, newest first, with their story."""
        with translate("read an outlet"):
            return browse.outlet_articles(self._db.conn, outlet)

    def search_hits(self, query: str, limit: int = 20) -> list[browse.Record]:
        """Search hits with snippets (matches between ``browse.MARK_START``/``MARK_END``)."""
        with translate("search"):
            return browse.search_hits(self._db.conn, query, limit)

    def edition_list(self) -> list[browse.Record]:
        """Stored editions, newest first, without their bodies."""
        with translate("read editions"):
            return browse.edition_list(self._db.conn)

    def sources(self) -> list[browse.Record] | None:
        """The followed sources with their errors; None while the store has no sources table."""
        with translate("read sources"):
            return browse.sources(self._db.conn)

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the database."""
        with translate("read the data version"):
            value: int = self._db.conn.execute("PRAGMA data_version").fetchone()[0]
            return value

    def rejections(self) -> list[Rejected]:
        """Every stored rejection, most recently seen first."""
        return [record.rejected for record in self.rejection_records()]

    def rejection_records(self) -> list[RejectionRecord]:
        """Every stored rejection with its count and first/last seen times."""
        with translate("read rejections"):
            return rejections.rejection_records(self._db.conn)

    def search(self, query: str, limit: int = 20) -> list[Article]:
        """Articles matching every word of ``query`` (title or body), best first (bm25)."""
        with translate("search"):
            return search.search(self._db.conn, query, limit)

    def counts(self) -> dict[str, int]:
        """Row counts of every table, e.g. ``{"articles": 12, "attributions": 40, ...}``."""
        with translate("count rows"):
            return {t: self._db.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                    for t in COUNTED_TABLES}

    def export_rows(self, kind: ExportKind) -> Iterator[Record]:
        """Flat JSON-able records of ``articles``, ``attributions`` or ``stories`` (see export)."""
        return export_rows(self._db, kind)

    # --- sources and feed items (store/sources.py) --------------------------------------------

    def now(self) -> str:
        """The store's clock (``timestamps.now`` unless a test injected another)."""
        return self._clock()

    def add_source(self, source: Source) -> bool:
        """Add a source, due at once (or update the names it gives); True when it is new."""
        with self._db.transaction() as conn:
            return _sources.add_source(conn, source, self._clock())

    def remove_source(self, url: str) -> int:
        """Remove a source by its feed (or site) address with its items; its articles stay."""
        with self._db.transaction() as conn:
            return _sources.remove_source(conn, url)

    def followed_sources(self) -> list[Source]:
        """Every source followed, in the order added (``sources()`` gives the web reader's rows)."""
        with translate("read sources"):
            return _sources.sources(self._db.conn)

    def get_source(self, url: str) -> Source | None:
        """The source with this feed address, or None."""
        with translate("read a source"):
            return _sources.get_source(self._db.conn, url)

    def due_sources(self, *, all_now: bool = False) -> list[Source]:
        """Sources due for a poll now (every one with ``all_now``, bar server-asked pauses)."""
        with translate("read sources"):
            return _sources.due_sources(self._db.conn, self._clock(), all_now=all_now)

    def next_due(self) -> str | None:
        """When the next source is due, or None without sources."""
        with translate("read sources"):
            return _sources.next_due(self._db.conn)

    def record_check(self, url: str, check: SourceCheck) -> None:
        """Store the outcome of one poll of a source (validators, error, next check)."""
        with self._db.transaction() as conn:
            _sources.record_check(conn, url, check, self._clock())

    def record_items(self, source_url: str, items: Sequence[FeedItem], *, oldest: str) -> list[FeedItem]:
        """Remember a poll's items; return those to fetch (new or updated, not older than
        ``oldest``). Call inside the transaction that records the check, so a crash loses neither."""
        with self._db.transaction() as conn:
            return _sources.record_items(conn, source_url, items, self._clock(), oldest)

    def pending_items(self, limit: int, skip: Sequence[tuple[str, str]] = ()) -> list[PendingItem]:
        """Feed items whose page is to be fetched now, oldest first, minus ``skip``."""
        with translate("read feed items"):
            return _sources.pending_items(self._db.conn, self._clock(), limit, skip)

    def set_item(self, source_url: str, guid: str, state: str, *, page_id: str | None = None,
                 error: str | None = None, retry_at: str | None = None) -> None:
        """Move a feed item to another state (see ``store/sources.py``)."""
        with self._db.transaction() as conn:
            _sources.set_item(conn, source_url, guid, state, page_id=page_id, error=error,
                              retry_at=retry_at)

    def fetched_page_ids(self, limit: int = 1000) -> list[str]:
        """Pages stored by a fetch but not processed yet."""
        with translate("read feed items"):
            return _sources.fetched_page_ids(self._db.conn, limit)

    def finish_pages(self, page_ids: Sequence[str]) -> int:
        """Mark the feed items of processed pages done."""
        with self._db.transaction() as conn:
            return _sources.finish_pages(conn, page_ids)

    def item_counts(self) -> dict[str, int]:
        """Feed items by state."""
        with translate("read feed items"):
            return _sources.item_counts(self._db.conn)

    def forget_items(self, before: str) -> int:
        """Forget finished feed items their feed has not listed since ``before``."""
        with self._db.transaction() as conn:
            return _sources.forget_items(conn, before)

