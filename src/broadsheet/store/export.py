"""Flat export records: one JSON-able dict per row, for ``broadsheet export ... --format jsonl|csv``.

``articles``      one record per article (with ``story_id`` when it belongs to a story);
``attributions``  one per attribution, with the article's id, outlet, url, title and published
                  date, and each span flattened into ``<name>_start`` / ``<name>_end``;
``stories``       one per story member: the story's id, title and minted order beside the
                  article's, ``duplicate_of``, ``merged_from`` (the ids the story absorbed, a
                  list) and ``roundup``.
Values are scalars, except ``authors`` (a list of strings) and ``related`` (a list of
``{title, label, summary}``), which are the same shapes ``broadsheet extract`` writes.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Literal

from broadsheet.store.db import Database, Row

ExportKind = Literal["articles", "attributions", "stories"]
Record = dict[str, object]

_ARTICLES = """
SELECT a.seq, a.id, a.source, a.url, a.outlet, a.section, a.language, a.published, a.title,
       a.authors, a.is_article, a.summary_only, a.text, a.related, sa.story_id
FROM articles AS a LEFT JOIN story_articles AS sa ON sa.article_id = a.id
WHERE a.seq > ? ORDER BY a.seq LIMIT ?
"""
_ATTRIBUTIONS = """
SELECT t.rowid AS seq, t.article_id, a.outlet, a.url, a.title, a.published, t.ord AS "index",
       t.speaker, t.role, t.organisation, t.cue, t.content, t.kind, t.act, t.canonical, t.via,
       t.said_when AS "when",
       t.speaker_start, t.speaker_end, t.cue_start, t.cue_end, t.content_start, t.content_end
FROM attributions AS t JOIN articles AS a ON a.id = t.article_id
WHERE t.rowid > ? ORDER BY t.rowid LIMIT ?
"""
_STORIES = """
SELECT m.rowid AS seq, s.id AS story_id, s.title AS story_title, s.ord AS story_rank,
       s.first_published, s.last_published, m.article_id, a.title, a.outlet, a.url,
       a.published, m.duplicate_of, s.merged_from, s.roundup
FROM story_articles AS m JOIN stories AS s ON s.id = m.story_id
JOIN articles AS a ON a.id = m.article_id
WHERE m.rowid > ? ORDER BY m.rowid LIMIT ?
"""


def _article(row: Row) -> Record:
    record = _plain(row)
    record["authors"] = json.loads(row["authors"])
    record["related"] = json.loads(row["related"])
    record["is_article"] = bool(row["is_article"])
    record["summary_only"] = bool(row["summary_only"])
    return record


def _plain(row: Row) -> Record:
    names: list[str] = row.keys()  # a Row iterates over values, not names
    return {name: row[name] for name in names if name != "seq"}


def _story_member(row: Row) -> Record:
    record = _plain(row)
    record["merged_from"] = json.loads(row["merged_from"])
    record["roundup"] = bool(row["roundup"])
    return record


_KINDS: dict[str, tuple[str, Callable[[Row], Record]]] = {
    "articles": (_ARTICLES, _article),
    "attributions": (_ATTRIBUTIONS, _plain),
    "stories": (_STORIES, _story_member),
}


def export_rows(db: Database, kind: ExportKind) -> Iterator[Record]:
    """Stream the records of ``kind``; an unknown kind raises ``ValueError``."""
    if kind not in _KINDS:
        raise ValueError(f"unknown export kind {kind!r}; expected one of {sorted(_KINDS)}")
    sql, convert = _KINDS[kind]
    return (convert(row) for row in db.scan(sql))
