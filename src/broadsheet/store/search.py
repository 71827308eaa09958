"""Full-text search over article titles and bodies (SQLite FTS5, ranked by bm25; on PostgreSQL the
``tsvector`` column ``articles.search`` with its GIN index, ranked by ``ts_rank``).

A user's query is never passed to FTS5 as syntax: each white-space separated term is quoted as an
FTS5 string (so ``"``, ``*``, ``-``, ``AND``, ``NEAR(`` and the like are just text) and the terms
are ANDed. A term with no letter or digit is dropped, so a query of punctuation finds nothing
rather than failing. Titles weigh more than bodies in the ranking. PostgreSQL reads the same
terms with ``plainto_tsquery`` (no syntax either; the terms are ANDed), English stemming.
"""

from __future__ import annotations

import re

from broadsheet.model import Article
from broadsheet.store.articles import ARTICLE_COLUMNS, article_from_row
from broadsheet.store.db import Connection, is_postgres

TITLE_WEIGHT = 5.0
BODY_WEIGHT = 1.0
_WORDISH = re.compile(r"\w")

_SEARCH = f"""
SELECT {", ".join("a." + c.strip() for c in ARTICLE_COLUMNS.split(","))}
FROM articles_fts JOIN articles AS a ON a.seq = articles_fts.rowid
WHERE articles_fts MATCH ?
ORDER BY bm25(articles_fts, {TITLE_WEIGHT}, {BODY_WEIGHT}), a.seq
LIMIT ?
"""
# ts_rank weights are {D, C, B, A}: titles are A, texts B, so a title match weighs 5 times more.
PG_QUERY = "plainto_tsquery('english', translate(?, '<>', '  '))"
PG_RANK = f"ts_rank('{{0, 0, {BODY_WEIGHT / TITLE_WEIGHT}, 1}}', a.search, q)"
_PG_SEARCH = f"""
SELECT {", ".join("a." + c.strip() for c in ARTICLE_COLUMNS.split(","))}
FROM articles AS a, {PG_QUERY} AS q
WHERE a.search @@ q
ORDER BY {PG_RANK} DESC, a.seq
LIMIT ?
"""


def match_expression(query: str) -> str:
    """The FTS5 MATCH expression for a free-text ``query``; empty when nothing is searchable."""
    terms = [t for t in query.split() if _WORDISH.search(t)]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def terms_of(conn: Connection, query: str) -> str:
    """What the store's search is given for ``query``: the FTS5 expression (SQLite), or the
    searchable terms for ``plainto_tsquery`` (PostgreSQL); empty when nothing is searchable."""
    if is_postgres(conn):
        return " ".join(t for t in query.split() if _WORDISH.search(t))
    return match_expression(query)


def search(conn: Connection, query: str, limit: int) -> list[Article]:
    """Articles matching every term of ``query``, best first, at most ``limit`` of them."""
    expression = terms_of(conn, query)
    if not expression or limit <= 0:
        return []
    sql = _PG_SEARCH if is_postgres(conn) else _SEARCH
    return [article_from_row(r) for r in conn.execute(sql, (expression, limit))]
