"""Shards: the unit of batch work, their deterministic names, and the folder their outputs live in.

A shard is one input file (one WARC of a crawl, or any file ``broadsheet ingest`` reads). Its name is
derived from the input's absolute path only (``<stem>-<12 hex of SHA-256>``), so every run, on every
machine that sees the same path, writes the same shard to the same output name; a rerun finds the
finished ones by their completion markers (``output.py``) and skips them.

Shard outputs belong to one store: by default they go to ``<db>.shards/`` beside the SQLite file;
``--out DIR`` puts them elsewhere, and the folder's ``STORE`` file names the store it belongs to, so
two stores never share (and never load each other's) shard outputs. One backfill at a time writes a
folder: ``folder_lock`` holds an exclusive ``flock`` on ``<folder>/.lock`` while it runs.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from broadsheet.errors import ConfigError, InputError
from broadsheet.ingest.files import discover
from broadsheet.locks import exclusive
from broadsheet.store.postgres import is_url, redacted

OWNER_FILE = "STORE"
LOCK_FILE = ".lock"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_ARCHIVE_SUFFIX = re.compile(r"(\.warc|\.jsonl|\.html?|\.txt)?(\.gz)?$", re.I)
_STEM_CHARS = 80


@dataclass(frozen=True)
class Shard:
    """One input file to process: its absolute ``path`` and the ``name`` its outputs carry."""

    path: str
    name: str


def shard_name(path: Path) -> str:
    """``<stem>-<hash>``: readable, safe in a file name, and unique per absolute input path."""
    absolute = str(path.absolute())
    digest = hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    stem = _UNSAFE.sub("_", _ARCHIVE_SUFFIX.sub("", path.name))[:_STEM_CHARS].strip("._") or "input"
    return f"{stem}-{digest}"


def plan_shards(paths: Iterable[str | Path]) -> list[Shard]:
    """One shard per input file (folders expanded as ``ingest`` does), in a stable order.

    A file named twice is one shard. Raises ``InputError`` when there is no input at all.
    """
    seen: dict[str, Shard] = {}
    for path in discover(paths):
        absolute = path.absolute()
        seen.setdefault(str(absolute), Shard(str(absolute), shard_name(absolute)))
    if not seen:
        raise InputError("no input files found")
    return list(seen.values())


def store_folder(db: str, out: str | None) -> Path:
    """Where the shard outputs of store ``db`` go: ``out``, else ``<db>.shards`` beside the store."""
    if out:
        return Path(out).absolute()
    if db == ":memory:" or db.startswith("file:"):
        raise ConfigError("backfill: an in-memory or URI store needs --out DIR for its shard outputs")
    if is_url(db):
        raise ConfigError("backfill: a PostgreSQL store needs --out DIR for its shard outputs (on "
                          "several machines, a folder they all reach at the same path)")
    return Path(f"{db}.shards").absolute()


def _owner(db: str) -> str:
    if is_url(db):
        return redacted(db)
    return db if db == ":memory:" or db.startswith("file:") else str(Path(db).absolute())


def claim_folder(folder: Path, db: str) -> None:
    """Make ``folder`` the shard folder of store ``db``; ``ConfigError`` if another store owns it.

    Two backfills may claim a new folder at the same moment: the owner file is written aside and
    linked into place, so the first claim wins whole and the other reads it complete, never empty.
    """
    owner = _owner(db)
    marker = folder / OWNER_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _link_once(marker, owner + "\n")
        holder = marker.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise ConfigError(f"backfill: cannot use the shard folder {folder}: {exc}") from exc
    if holder != owner:
        raise ConfigError(f"backfill: {folder} holds the shard outputs of the store {holder}, "
                          f"not of {owner}; give this store its own --out folder")


def _link_once(path: Path, content: str) -> None:
    """Create ``path`` holding ``content`` unless it exists, atomically (a hard link of a full file)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(content)
        os.link(temporary, path)
    except FileExistsError:
        pass
    finally:
        Path(temporary).unlink(missing_ok=True)


@contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock for the block: a second backfill on the same folder is refused.

    ``flock`` is released by the operating system however the holder ends, so a crash never leaves
    a stale lock behind.
    """
    with exclusive(folder / LOCK_FILE, str(os.getpid()),
                   busy=lambda holder: ConfigError(f"backfill: another backfill (pid {holder}) is writing "
                                                   f"{folder}; one at a time per store"),
                   unopenable=lambda exc: ConfigError(f"backfill: cannot open the lock of {folder}: {exc}")):
        yield


