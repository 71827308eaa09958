"""The store: one SQLite file (WAL, foreign keys, FTS5) holding everything broadsheet has read.

    pages ─────────────── id, source, url, kind, fetched_at, content_hash, title/outlet/published
      ┊ (same id)         hints, first_seen, last_seen
    articles ──────────── seq, id, source, title, text, paragraphs·json, url, authors·json,
      │  ▲                published, outlet, section, language, is_article, related·json,
      │  │                opinion, not_article
      │  └ articles_fts   FTS5 over (title, text), external content, kept in sync by triggers
      ├─ analyses ──────── article_id: the article was analysed (replaced as a whole)
      │    ├─ entities     article_id, ord, text, label, canonical, start, end
      │    ├─ attributions article_id, ord, speaker, cue, content, kind, role, organisation, via,
      │    │               said_when, speaker/cue/content _start/_end, act, canonical
      │    └─ dates        article_id, ord, text, value, start, end
      └─ story_articles ── story_id, ord, article_id (one story per article), duplicate_of
           └─ stories      id, ord (minted order), title, outlets·json, first/last_published,
                ├─ story_state     merged_from·json, roundup; story_id, state (the running
                │                  representation, bytes: stories/persist.py)
                └─ story_postings  (term, bucket, story_id): the inverted index of the stories
    story_redirects ───── absorbed_id -> survivor_id (a merged story's id keeps working)
    story_meta ────────── name, value: the document frequencies and the state format
    editions ──────────── seq, id, created, title, body·json (the whole Edition)
    rejections ────────── (source, stage), reason, detail, page_id, first_seen, last_seen, count
    site_template_lines ─ (site, line_key), pages: paragraph forms seen on several pages of a site
    shard_loads ───────── name, sha256, documents, loaded_at: backfill shards loaded (scale/load.py)

``─`` is a foreign key (``ON DELETE CASCADE``); ``┊`` shares the id but is not enforced, since an
article may arrive without a page (an already-clean JSONL record). The schema version is
``PRAGMA user_version`` (``migrations.py``). Usage::

    with Store.open("broadsheet.db") as store:
        with store.transaction():
            for analysis in analyses:
                store.put_analysis(analysis)
        store.search("ambassador Pyongyang")
"""

from broadsheet.store.api import Store
from broadsheet.store.export import ExportKind, Record
from broadsheet.store.rejections import RejectionRecord
from broadsheet.store.stories import StoryChanges

__all__ = ["ExportKind", "Record", "RejectionRecord", "Store", "StoryChanges"]
