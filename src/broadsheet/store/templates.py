"""Site templates as ingest learns them: per site, on how many pages each paragraph form was seen.

``extract.templates`` decides what is template (a form on at least ``MIN_PAGES`` pages of a
site); the store only keeps the counts so later batches of the same site benefit from earlier ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from broadsheet.store.db import Connection

_ADD = """
INSERT INTO site_template_lines (site, line_key, pages) VALUES (?, ?, ?)
ON CONFLICT (site, line_key) DO UPDATE SET pages = site_template_lines.pages + excluded.pages
"""


def template_counts(conn: Connection, sites: Iterable[str]) -> dict[str, Counter[str]]:
    """The stored page counts of every paragraph form of each of ``sites``."""
    found: dict[str, Counter[str]] = {}
    for site in set(sites):
        rows = conn.execute("SELECT line_key, pages FROM site_template_lines WHERE site = ?",
                            (site,)).fetchall()
        if rows:
            found[site] = Counter({row[0]: row[1] for row in rows})
    return found


def add_template_counts(conn: Connection, counts: Mapping[str, Counter[str]]) -> None:
    """Add one batch's page counts to the stored ones."""
    conn.executemany(_ADD, [(site, key, n) for site, c in counts.items() for key, n in c.items()])
