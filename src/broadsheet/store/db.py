"""The connection: opening (SQLite or PostgreSQL), pragmas, transactions and error translation.

A ``--db`` that is a ``postgresql://`` URL opens a PostgreSQL server (``store/postgres.py``, which
speaks the same SQL); anything else is an SQLite file. ``Connection``, ``Cursor`` and ``Row`` are
the interface the SQL modules use, which both ``sqlite3`` and ``PgConnection`` provide.
Every ``sqlite3.Error`` or ``psycopg.Error`` raised in this package is translated into
``errors.StoreError`` with ``raise ... from exc`` (by ``translate``), so callers catch one exception
type. Writes go through
``Database.transaction()``: the outermost one is ``BEGIN IMMEDIATE`` (the write lock is taken up
front, so two processes never deadlock upgrading a read lock), nested ones are savepoints, so a
failing inner block rolls back only itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import psycopg

from broadsheet.errors import StoreError
from broadsheet.store import postgres

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 10_000
PAGE_SIZE = 200
Params = Sequence[Any]


class Row(Protocol):
    """A result row: by position or by column name (``Row`` or ``postgres.Row``)."""

    def __getitem__(self, key: Any, /) -> Any: ...

    def keys(self) -> list[str]: ...


class Cursor(Protocol):
    """What a statement returns: its rows and how many it changed."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The part of ``sqlite3.Connection`` the store uses; ``postgres.PgConnection`` has it too."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Cursor: ...

    def executemany(self, sql: str, seq_of_parameters: Iterable[Any], /) -> Cursor: ...

    @property
    def in_transaction(self) -> bool: ...

    def close(self) -> None: ...


def is_postgres(conn: Connection | str) -> bool:
    """Whether ``conn`` (or the ``--db`` value) is a PostgreSQL store."""
    if isinstance(conn, str):
        return postgres.is_url(conn)
    return isinstance(conn, postgres.PgConnection)


@contextmanager
def translate(action: str) -> Iterator[None]:
    """Turn any ``sqlite3.Error`` or ``psycopg.Error`` raised inside the block into a
    ``StoreError`` naming ``action``.

    A value SQLite cannot hold (a lone surrogate in a string, an integer beyond 64 bits) is
    translated too: it is the store that cannot write it, and the batch must see a StoreError.
    """
    try:
        yield
    except (sqlite3.Error, psycopg.Error, UnicodeEncodeError, OverflowError) as exc:
        raise StoreError(f"store: could not {action}: {exc}") from exc


def connect(path: str | Path) -> Connection:
    """Open ``path`` (creating it and its parent folder) in autocommit mode with our pragmas;
    a ``postgresql://`` URL opens that server's database."""
    target = str(path)
    if postgres.is_url(target):
        with translate(f"open {postgres.redacted(target)}"):
            return postgres.connect(target)
    if target != MEMORY and not target.startswith("file:"):
        _make_parent(Path(target))
    with translate(f"open {target}"):
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            _configure(conn)
        except sqlite3.Error:
            conn.close()
            raise
    return conn


def exists(path: str | Path) -> bool:
    """Whether a database is already at ``path`` (an in-memory or URI database always is)."""
    target = str(path)
    return (target == MEMORY or target.startswith("file:") or postgres.is_url(target)
            or Path(target).is_file())


def _make_parent(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"store: cannot create folder {path.parent}: {exc}") from exc


def _configure(conn: sqlite3.Connection) -> None:
    """WAL (readers never block the writer), foreign keys enforced, and wait rather than fail."""
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL").fetchone()
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


class Database:
    """A connection plus the transaction bookkeeping that the aggregate modules share."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction; nested calls become savepoints inside the outer one."""
        with translate("write"):
            name = f"sp{self._depth}"
            self.conn.execute(f"SAVEPOINT {name}" if self._depth else "BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self.conn
            except BaseException:
                self._depth -= 1
                self._rollback(name)
                raise
            self._depth -= 1
            self.conn.execute(f"RELEASE {name}" if self._depth else "COMMIT")

    def _rollback(self, name: str) -> None:
        if self._depth:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
        elif self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def all(self, sql: str, params: Params = ()) -> list[Row]:
        """Every row of a query."""
        with translate("read"):
            return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> Row | None:
        """The first row of a query, or None."""
        with translate("read"):
            row: Row | None = self.conn.execute(sql, params).fetchone()
            return row

    def scan(self, sql: str, params: Params = ()) -> Iterator[Row]:
        """Stream a large table in pages of ``PAGE_SIZE`` by its ``seq`` key.

        ``sql`` must select a ``seq`` column and end with ``seq > ? ORDER BY seq LIMIT ?``
        (the last two parameters are supplied here). No cursor stays open between pages, so the
        caller may write to the store while iterating and WAL checkpoints are never held back.
        """
        last = -1
        while True:
            rows = self.all(sql, (*params, last, PAGE_SIZE))
            yield from rows
            if len(rows) < PAGE_SIZE:
                return
            last = rows[-1]["seq"]

    def close(self) -> None:
        """Close the connection (idempotent)."""
        with translate("close"):
            self.conn.close()
