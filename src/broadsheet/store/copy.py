"""``broadsheet migrate``: copy every table of an SQLite store into an empty PostgreSQL one.

Both stores are opened (and so migrated) to the same schema version first; the copy then runs in
ONE PostgreSQL transaction, table by table in the order of their foreign keys, with ``COPY``. Every
column is copied as it is, ids, ``seq`` and hidden ``rowid`` values included (so exports list the
records in the same order), the identity counters are moved past the copied values, and the row
counts of both stores are compared before the transaction commits: a copy that lost a row writes
nothing. The target must be empty (a copy never merges into a store in use).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from broadsheet.errors import StoreError
from broadsheet.store.api import Store
from broadsheet.store.db import Connection, is_postgres, translate
from broadsheet.store.postgres import PgConnection, redacted

# Parents before children (foreign keys); a table not named here is copied after these.
ORDER = (
    "pages", "articles", "article_versions", "analyses", "entities", "attributions", "dates",
    "stories", "story_articles", "story_state", "story_postings", "story_redirects", "story_meta",
    "editions", "rejections", "site_template_lines", "sources", "feed_items", "subscribers",
    "deliveries", "send_runs", "shard_loads", "jobs",
)
_SQLITE_TABLES = ("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' "
                  "AND name NOT LIKE 'articles_fts%'")
_COLUMNS = ("SELECT column_name, is_generated FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position")
_IDENTITY = ("SELECT table_name, column_name FROM information_schema.columns "
             "WHERE table_schema = current_schema() AND is_identity = 'YES'")


@dataclass(frozen=True)
class CopyReport:
    """Rows copied, by table."""

    rows: dict[str, int]


def copy_store(source: str, target: str) -> CopyReport:
    """Copy the SQLite store ``source`` into the empty PostgreSQL store ``target``."""
    if is_postgres(source) or not is_postgres(target):
        raise StoreError("store: migrate copies an SQLite store (--from FILE) into PostgreSQL "
                         "(--to postgresql://...)")
    with Store.open(source, create=False) as old, Store.open(target) as new:
        lite, pg = old._db.conn, new._db.conn
        assert isinstance(pg, PgConnection)
        tables = _tables(lite)
        with translate(f"copy into {redacted(target)}"), pg.raw.transaction():
            _refuse_filled(pg, tables, target)
            rows = {table: _copy_table(lite, pg, table) for table in tables}
            _advance_identities(pg)
            _check_counts(pg, rows)
    return CopyReport(rows)


def _tables(lite: Connection) -> list[str]:
    found = {row[0] for row in lite.execute(_SQLITE_TABLES)}
    return [t for t in ORDER if t in found] + sorted(found - set(ORDER))


def _refuse_filled(pg: PgConnection, tables: Sequence[str], target: str) -> None:
    for table in tables:
        if pg.raw.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None:
            raise StoreError(f"store: {redacted(target)} is not empty ({table} has rows); "
                             "migrate copies into an empty database only")


def _copy_table(lite: Connection, pg: PgConnection, table: str) -> int:
    """Copy one table with ``COPY``; its PostgreSQL columns decide what is read (a generated
    column is computed, a hidden ``rowid`` is SQLite's own rowid)."""
    columns = [name for name, generated in pg.raw.execute(_COLUMNS, (table,)).fetchall()
               if generated != "ALWAYS"]
    if not columns:
        raise StoreError(f"store: the PostgreSQL store has no table {table}")
    quoted = ", ".join(f'"{c}"' for c in columns)
    selected = ", ".join("rowid" if c == "rowid" else f'"{c}"' for c in columns)  # SQLite's own
    copied = 0
    with pg.raw.cursor().copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
        for row in lite.execute(f"SELECT {selected} FROM {table}"):
            copy.write_row(_clean(row))
            copied += 1
    return copied


def _clean(row: Sequence[Any]) -> list[Any]:
    """Text without NUL (PostgreSQL text cannot hold it; ``postgres.PgConnection`` does the same)."""
    return [v.replace("\x00", "") if isinstance(v, str) else v for v in row]


def _advance_identities(pg: PgConnection) -> None:
    """Move each identity counter past the largest copied value, so new rows get new ids."""
    for table, column in pg.raw.execute(_IDENTITY).fetchall():
        pg.raw.execute(f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                       f"coalesce(max({column}), 0) + 1, false) FROM {table}")


def _check_counts(pg: PgConnection, rows: dict[str, int]) -> None:
    for table, expected in rows.items():
        found = pg.raw.execute(f"SELECT count(*) FROM {table}").fetchone()
        if found is None or found[0] != expected:
            raise StoreError(f"store: copying {table} gave {found} rows, not {expected}; nothing written")
