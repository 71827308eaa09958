"""Full-text search over article titles and bodies (SQLite FTS5, ranked by bm25).

A user's query is never passed to FTS5 as syntax: each white-space separated term is quoted as an
FTS5 string (so ``"``, ``*``, ``-``, ``AND``, ``NEAR(`` and the like are just text) and the terms
are ANDed. A term with no letter or digit is dropped, so a query of punctuation finds nothing
rather than failing. Titles weigh more than bodies in the ranking.
"""

from __future__ import annotations

import re
import sqlite3

from broadsheet.model import Article
from broadsheet.store.articles import ARTICLE_COLUMNS, article_from_row

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


def match_expression(query: str) -> str:
    """The FTS5 MATCH expression for a free-text ``query``; empty when nothing is searchable."""
    terms = [t for t in query.split() if _WORDISH.search(t)]
    return " ".join('"' + t.replace('"', '""') + '"' for t in terms)


def search(conn: sqlite3.Connection, query: str, limit: int) -> list[Article]:
    """Articles matching every term of ``query``, best first, at most ``limit`` of them."""
    expression = match_expression(query)
    if not expression or limit <= 0:
        return []
    return [article_from_row(r) for r in conn.execute(_SEARCH, (expression, limit))]
