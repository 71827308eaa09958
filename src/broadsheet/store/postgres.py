"""The PostgreSQL side of the store: a connection that speaks the SQLite dialect the modules write.

The SQL modules keep ONE text each. ``PgConnection.execute`` rewrites it for PostgreSQL
(``to_postgres``, cached per text): ``?`` and ``:name`` placeholders become ``%s`` and
``%(name)s``; ``INSERT OR IGNORE`` / ``INSERT OR REPLACE`` become ``ON CONFLICT``; SQLite's JSON
functions (``json_each``, ``json_extract``, ``json_array_length``) become PostgreSQL's; the
``sqlite_master`` and ``PRAGMA`` look-ups become ``information_schema`` queries; ``LIKE`` is
``ILIKE`` (SQLite's ignores case). Rows behave like
``sqlite3.Row`` (by index and by name, ``keys()``), and a ``rowid`` column is hidden from them as
SQLite hides its own. Booleans are passed as integers, as SQLite stores them; a NUL character,
which PostgreSQL text cannot hold, is dropped from text parameters (it never means anything in a
news page).

Writers are serialised like SQLite's ``BEGIN IMMEDIATE``: the outermost write transaction takes a
transaction-level advisory lock (``WRITER_LOCK``), so read-then-write code (article versions,
story placement) never races and concurrent upserts never deadlock. The job queue
(``store/queue.py``) claims its work outside that lock, with ``FOR UPDATE SKIP LOCKED``.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import psycopg
from psycopg import pq

WRITER_LOCK = 0x62726F61  # "broa": the advisory lock every write transaction takes
URL_PREFIXES = ("postgresql://", "postgres://")

# The conflict target of each table written with INSERT OR REPLACE (its primary key).
REPLACE_KEYS: dict[str, tuple[str, ...]] = {
    "story_redirects": ("absorbed_id",),
    "story_state": ("story_id",),
    "story_meta": ("name",),
}
_REPLACE = re.compile(r"^\s*INSERT OR REPLACE INTO (\w+) \(([^)]*)\)(.*)$", re.S)
_IGNORE = re.compile(r"^\s*INSERT OR IGNORE INTO (.*)$", re.S)
_NAMED = re.compile(r"(?<![:\w]):(\w+)")
_JSON_EXTRACT = re.compile(r"json_extract\((\w+), '\$\.(\w+)'\)")
_JSON_LENGTH = re.compile(r"json_array_length\((\w+), '\$\.(\w+)'\)")
_TABLE_INFO = re.compile(r"^PRAGMA table_info\((\w+)\)$")
_WORDS = [
    (re.compile(r"json_each\(\?\)"), "json_array_elements_text(?::json)"),
    (re.compile(r"\bchar\(31\)"), "chr(31)"),
    (re.compile(r"\bLIKE\b"), "ILIKE"),  # SQLite's LIKE ignores (ASCII) case
    (re.compile(r"\bWHERE 1 "), "WHERE TRUE "),
    (re.compile(r"\btemp\.(\w+)"), r"pg_temp.\1"),
    (re.compile(r"ON CONFLICT \(site, line_key\)"), "ON CONFLICT (site, md5(line_key))"),
    (re.compile(r"FROM sqlite_master WHERE type = 'table' AND name ="),
     "FROM information_schema.tables WHERE table_schema = current_schema() AND table_name ="),
]
_PRAGMAS = {
    "PRAGMA data_version": "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint",
}
_NOTHING = "SELECT 1 WHERE FALSE"


def is_url(target: str) -> bool:
    """Whether a ``--db`` value names a PostgreSQL server rather than an SQLite file."""
    return target.startswith(URL_PREFIXES)


@lru_cache(maxsize=512)
def to_postgres(sql: str) -> str:
    """The PostgreSQL text of one statement written for SQLite (see the module docstring)."""
    text = sql.strip()
    if text.startswith("PRAGMA"):
        return _pragma(text)
    for pattern, replacement in _WORDS:
        text = pattern.sub(replacement, text)
    text = _JSON_EXTRACT.sub(r"(\1::json ->> '\2')", text)
    text = _JSON_LENGTH.sub(r"json_array_length(\1::json -> '\2')", text)
    text = _conflicts(text)
    text = text.replace("%", "%%").replace("?", "%s")
    return _NAMED.sub(r"%(\1)s", text)


def _pragma(text: str) -> str:
    found = _TABLE_INFO.match(text)
    if found:
        return ("SELECT ordinal_position, column_name FROM information_schema.columns "
                f"WHERE table_schema = current_schema() AND table_name = '{found.group(1)}'")
    return _PRAGMAS.get(text, _NOTHING)


def _conflicts(text: str) -> str:
    """``INSERT OR IGNORE`` -> ``ON CONFLICT DO NOTHING``; ``INSERT OR REPLACE`` -> an upsert of
    every column on the table's key (``REPLACE_KEYS``)."""
    ignored = _IGNORE.match(text)
    if ignored:
        return f"INSERT INTO {ignored.group(1)} ON CONFLICT DO NOTHING"
    replaced = _REPLACE.match(text)
    if not replaced:
        return text
    table, columns, rest = replaced.groups()
    key = REPLACE_KEYS[table]
    names = [c.strip() for c in columns.split(",")]
    sets = ", ".join(f"{c} = excluded.{c}" for c in names if c not in key)
    return (f"INSERT INTO {table} ({columns}){rest} "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {sets}")


class Row(tuple[Any, ...]):
    """A result row read like ``sqlite3.Row``: by position, by column name, and ``keys()``."""

    _names: tuple[str, ...]

    def __new__(cls, values: Iterable[Any], names: tuple[str, ...]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return super().__getitem__(self._names.index(key))
        return super().__getitem__(key)

    def keys(self) -> list[str]:
        """The column names, in order."""
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    """Rows without the hidden ``rowid`` column (``SELECT *`` never shows it, as in SQLite)."""
    names = tuple(c.name for c in cursor.description or ())
    keep = [i for i, name in enumerate(names) if name != "rowid"]
    shown = tuple(names[i] for i in keep)

    def make(values: Sequence[Any]) -> Row:
        return Row((values[i] for i in keep), shown)

    return make


def _value(value: Any) -> Any:
    """Booleans as integers (SQLite's storage; PostgreSQL will not cast bool to a number), text
    without NUL characters (PostgreSQL text cannot hold them)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "")
    return value


def _params(params: Any) -> Any:
    if isinstance(params, Mapping):
        return {k: _value(v) for k, v in params.items()}
    return tuple(_value(v) for v in params)


class PgConnection:
    """A psycopg connection in autocommit mode behind the subset of ``sqlite3.Connection``'s
    interface the store uses (``execute``, ``executemany``, ``in_transaction``, ``close``)."""

    dialect = "postgresql"

    def __init__(self, raw: psycopg.Connection[Any]) -> None:
        self.raw = raw

    def execute(self, sql: str, parameters: Any = (), /) -> Any:
        """Run one statement written for SQLite; the cursor yields ``Row`` values."""
        if sql == "BEGIN IMMEDIATE":
            self.raw.execute("BEGIN")
            return self.raw.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
        cursor = self.raw.cursor(row_factory=_row_factory)
        return cursor.execute(to_postgres(sql), _params(parameters))

    def executemany(self, sql: str, seq_of_parameters: Iterable[Any], /) -> Any:
        """Run one statement for each parameter set."""
        cursor = self.raw.cursor(row_factory=_row_factory)
        cursor.executemany(to_postgres(sql), [_params(p) for p in seq_of_parameters])
        return cursor

    def script(self, sql: str) -> None:
        """Run a script of PostgreSQL statements as it is (schema steps)."""
        self.raw.execute(sql.encode())

    @property
    def in_transaction(self) -> bool:
        """Whether a transaction is open on the connection."""
        return self.raw.info.transaction_status != pq.TransactionStatus.IDLE

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self.raw.close()


@contextmanager
def held_lock(url: str, name: str) -> Iterator[bool]:
    """Try to take the server-wide advisory lock ``name`` on its own connection to ``url`` and hold
    it for the block; yield whether it was taken (another process holds it otherwise). The server
    releases it however this process ends."""
    with psycopg.connect(url, autocommit=True) as conn:
        key = zlib.crc32(name.encode())
        row = conn.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()
        yield bool(row and row[0])


def redacted(url: str) -> str:
    """``url`` without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def connect(url: str) -> PgConnection:
    """Open the PostgreSQL database at ``url`` in autocommit mode (transactions are explicit)."""
    return PgConnection(psycopg.connect(url, autocommit=True))
