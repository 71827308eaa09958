"""Articles and what ``analyze`` found in them: entities, attributions and dates.

``articles`` keeps the Article fields (``paragraphs``, ``authors`` and ``related`` as JSON) plus
``text``, the string every span points into and the one the FTS index reads. An article can be
stored before it is analysed; ``analyses`` has a row per analysed article, and its children
(``entities``, ``attributions``, ``dates``, each ordered by ``ord``) are replaced together.
A change to an article's text deletes its analysis (a trigger), since the old spans no longer fit.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from broadsheet.codec import from_dict, to_dict
from broadsheet.model import (
    PARAGRAPH_SEPARATOR,
    Analysis,
    Article,
    Attribution,
    DateMention,
    Entity,
    RelatedItem,
    Span,
)
from broadsheet.store.db import Connection, Row

ARTICLE_COLUMNS = (
    "seq, id, source, title, paragraphs, url, authors, published, outlet, section, language, "
    "is_article, related, version, opinion, not_article, summary_only"
)

_UPSERT_ARTICLE = """
INSERT INTO articles (id, source, title, text, paragraphs, url, authors, published, outlet,
                      section, language, is_article, related, version, opinion, not_article,
                      summary_only)
VALUES (:id, :source, :title, :text, :paragraphs, :url, :authors, :published, :outlet,
        :section, :language, :is_article, :related, :version, :opinion, :not_article, :summary_only)
ON CONFLICT (id) DO UPDATE SET
    source = excluded.source, title = excluded.title, text = excluded.text,
    paragraphs = excluded.paragraphs, url = excluded.url, authors = excluded.authors,
    published = excluded.published, outlet = excluded.outlet, section = excluded.section,
    language = excluded.language, is_article = excluded.is_article, related = excluded.related,
    version = excluded.version, opinion = excluded.opinion, not_article = excluded.not_article,
    summary_only = excluded.summary_only
"""
_INSERT_VERSION = """
INSERT OR IGNORE INTO article_versions (article_id, version, title, text, published, stored_at)
VALUES (?, ?, ?, ?, ?, ?)
"""

_INSERT_ENTITY = """
INSERT INTO entities (article_id, ord, text, label, canonical, start, "end")
VALUES (?, ?, ?, ?, ?, ?, ?)
"""
_INSERT_ATTRIBUTION = """
INSERT INTO attributions (article_id, ord, speaker, cue, content, kind, role, organisation, via,
    said_when, speaker_start, speaker_end, cue_start, cue_end, content_start, content_end, act, canonical)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_INSERT_DATE = 'INSERT INTO dates (article_id, ord, text, value, start, "end") VALUES (?, ?, ?, ?, ?, ?)'


def dumps(value: Any) -> str:
    """JSON for a model value (via ``codec.to_dict``), compact and keeping non-ASCII text."""
    return json.dumps(to_dict(value), ensure_ascii=False, separators=(",", ":"))


def put_article(conn: Connection, article: Article, now: str) -> int:
    """Upsert ``article`` by its id; return its version (one more when its title or text changed).

    Every version is also kept in ``article_versions``, so what an edition quoted stays readable.
    """
    version = _next_version(conn, article)
    conn.execute(_UPSERT_ARTICLE, {
        "id": article.id, "source": article.source, "title": article.title,
        "text": article.text, "paragraphs": dumps(article.paragraphs), "url": article.url,
        "authors": dumps(article.authors), "published": article.published,
        "outlet": article.outlet, "section": article.section, "language": article.language,
        "is_article": int(article.is_article), "related": dumps(article.related), "version": version,
        "opinion": int(article.opinion), "not_article": article.not_article,
        "summary_only": int(article.summary_only),
    })
    conn.execute(_INSERT_VERSION, (article.id, version, article.title, article.text,
                                   article.published, now))
    return version


def _next_version(conn: Connection, article: Article) -> int:
    """The stored version when title and text are unchanged, else the next one (1 when new)."""
    sql = "SELECT version, title, text FROM articles WHERE id = ?"
    row = conn.execute(sql, (article.id,)).fetchone()
    if row is None:
        return 1
    unchanged = (row["title"], row["text"]) == (article.title, article.text)
    return int(row["version"]) + (0 if unchanged else 1)


def get_version(conn: Connection, article_id: str, version: int) -> Article | None:
    """The article as it read in ``version``: that version's title, text and date, the rest current."""
    current = get_article(conn, article_id)
    sql = "SELECT * FROM article_versions WHERE article_id = ? AND version = ?"
    row = conn.execute(sql, (article_id, version)).fetchone()
    if current is None or row is None:
        return None
    return replace(current, title=row["title"], paragraphs=tuple(row["text"].split(PARAGRAPH_SEPARATOR)),
                   published=row["published"], version=version)


def article_from_row(row: Row) -> Article:
    """Rebuild an Article from a row selected with ``ARTICLE_COLUMNS``."""
    return Article(
        id=row["id"], source=row["source"], title=row["title"],
        paragraphs=tuple(json.loads(row["paragraphs"])), url=row["url"],
        authors=tuple(json.loads(row["authors"])), published=row["published"],
        outlet=row["outlet"], section=row["section"], language=row["language"],
        is_article=bool(row["is_article"]),
        related=tuple(from_dict(RelatedItem, item) for item in json.loads(row["related"])),
        version=row["version"], opinion=bool(row["opinion"]), not_article=row["not_article"],
        summary_only=bool(row["summary_only"]),
    )


def get_article(conn: Connection, article_id: str) -> Article | None:
    """The stored article with ``article_id``, or None."""
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?"
    row = conn.execute(sql, (article_id,)).fetchone()
    return None if row is None else article_from_row(row)


def put_analysis(conn: Connection, analysis: Analysis, now: str) -> int:
    """Upsert the article and replace its entities, attributions and dates (call in a transaction);
    return the article's version."""
    article_id = analysis.article.id
    version = put_article(conn, analysis.article, now)
    conn.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
    conn.execute("INSERT INTO analyses (article_id) VALUES (?)", (article_id,))
    conn.executemany(_INSERT_ENTITY, [
        (article_id, i, e.text, e.label, e.canonical, *e.span)
        for i, e in enumerate(analysis.entities)
    ])
    conn.executemany(_INSERT_ATTRIBUTION, [
        (article_id, i, *_attribution_values(a)) for i, a in enumerate(analysis.attributions)
    ])
    conn.executemany(_INSERT_DATE, [
        (article_id, i, d.text, d.value, *d.span) for i, d in enumerate(analysis.dates)
    ])
    return version


def _attribution_values(a: Attribution) -> tuple[object, ...]:
    return (
        a.speaker, a.cue, a.content, a.kind, a.role, a.organisation, a.via, a.when,
        *_span_values(a.speaker_span), *_span_values(a.cue_span), *_span_values(a.content_span),
        a.act, a.canonical,
    )


def _span_values(span: Span | None) -> tuple[int | None, int | None]:
    return (None, None) if span is None else span


def _span(row: Row, name: str) -> Span | None:
    start, end = row[f"{name}_start"], row[f"{name}_end"]
    return None if start is None or end is None else (start, end)


def is_analysed(conn: Connection, article_id: str) -> bool:
    """True when an analysis of ``article_id`` is stored."""
    sql = "SELECT 1 FROM analyses WHERE article_id = ?"
    return conn.execute(sql, (article_id,)).fetchone() is not None


def analysis_of(conn: Connection, article: Article) -> Analysis:
    """The stored entities, attributions and dates of ``article``, as an Analysis."""
    return Analysis(
        article=article,
        entities=tuple(_entities(conn, article.id)),
        attributions=tuple(_attributions(conn, article.id)),
        dates=tuple(_dates(conn, article.id)),
    )


def _children(conn: Connection, table: str, article_id: str) -> list[Row]:
    sql = f"SELECT * FROM {table} WHERE article_id = ? ORDER BY ord"
    return conn.execute(sql, (article_id,)).fetchall()


def _entities(conn: Connection, article_id: str) -> list[Entity]:
    return [
        Entity(text=r["text"], label=r["label"], canonical=r["canonical"], span=(r["start"], r["end"]))
        for r in _children(conn, "entities", article_id)
    ]


def _dates(conn: Connection, article_id: str) -> list[DateMention]:
    return [
        DateMention(text=r["text"], value=r["value"], span=(r["start"], r["end"]))
        for r in _children(conn, "dates", article_id)
    ]


def _attributions(conn: Connection, article_id: str) -> list[Attribution]:
    return [attribution_from_row(r) for r in _children(conn, "attributions", article_id)]


def attribution_from_row(r: Row) -> Attribution:
    """Rebuild an Attribution from a row of the ``attributions`` table."""
    return Attribution(
        speaker=r["speaker"], cue=r["cue"], content=r["content"], kind=r["kind"],
        role=r["role"], organisation=r["organisation"], via=r["via"], when=r["said_when"],
        speaker_span=_span(r, "speaker"), cue_span=_span(r, "cue"),
        content_span=_span(r, "content"), act=r["act"], canonical=r["canonical"],
    )
