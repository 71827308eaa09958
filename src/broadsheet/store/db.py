"""The SQLite connection: opening, pragmas, transactions and error translation.

Every ``sqlite3.Error`` raised in this package is translated into ``errors.StoreError`` with
``raise ... from exc`` (by ``translate``), so callers catch one exception type. Writes go through
``Database.transaction()``: the outermost one is ``BEGIN IMMEDIATE`` (the write lock is taken up
front, so two processes never deadlock upgrading a read lock), nested ones are savepoints, so a
failing inner block rolls back only itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from broadsheet.errors import StoreError

MEMORY = ":memory:"
BUSY_TIMEOUT_MS = 10_000
PAGE_SIZE = 200
Params = Sequence[Any]


@contextmanager
def translate(action: str) -> Iterator[None]:
    """Turn any ``sqlite3.Error`` raised inside the block into a ``StoreError`` naming ``action``.

    A value SQLite cannot hold (a lone surrogate in a string, an integer beyond 64 bits) is
    translated too: it is the store that cannot write it, and the batch must see a StoreError.
    """
    try:
        yield
    except (sqlite3.Error, UnicodeEncodeError, OverflowError) as exc:
        raise StoreError(f"store: could not {action}: {exc}") from exc


def connect(path: str | Path) -> sqlite3.Connection:
    """Open ``path`` (creating it and its parent folder) in autocommit mode with our pragmas."""
    target = str(path)
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
    return target == MEMORY or target.startswith("file:") or Path(target).is_file()


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

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._depth = 0

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
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

    def all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Every row of a query."""
        with translate("read"):
            return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """The first row of a query, or None."""
        with translate("read"):
            row: sqlite3.Row | None = self.conn.execute(sql, params).fetchone()
            return row

    def scan(self, sql: str, params: Params = ()) -> Iterator[sqlite3.Row]:
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
