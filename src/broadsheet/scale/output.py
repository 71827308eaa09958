"""The shard output format: one gzipped JSON-lines file and one completion marker per shard.

    <folder>/<shard>.jsonl.gz   one line per input document, in input order:
                                {"page": Page}            every page read (the store keeps pages)
                                {"analysis": Analysis}    its article and what analyze found, or
                                {"rejected": Rejected}    why it has none (an input that could not be
                                                          read is a lone "rejected" line)
    <folder>/<shard>.done       the marker: input stamp, config, counts, the output's SHA-256

A rewrite of the same shard is byte-identical: keys are sorted, nothing time- or process-dependent
is written (the gzip header carries no name and a zero mtime), and values are those of the stages
(``codec.to_dict``). Both files are written to a temporary name and renamed into place, the output
before the marker, so a shard is complete exactly when its marker exists and a reader never sees a
half-written file. A killed worker leaves at most a ``*.tmp-<pid>`` file, removed when the shard
is taken up again.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from broadsheet.codec import from_dict, to_dict
from broadsheet.errors import InputError
from broadsheet.model import Analysis, Page, Rejected

FORMAT = 1
OUTPUT_SUFFIX = ".jsonl.gz"
MARKER_SUFFIX = ".done"
Record = Page | Analysis | Rejected
_KINDS: dict[str, type[Page] | type[Analysis] | type[Rejected]] = {
    "page": Page, "analysis": Analysis, "rejected": Rejected}
_CHUNK = 1 << 20
COMPRESSION = 6  # zlib's default: level 9 costs about twice the time for a few per cent less


@dataclass(frozen=True)
class ShardCounts:
    """Documents of one shard: read (``docs_in``), analysed (``docs_out``), rejected, failed.

    ``rejected`` are inputs a stage refused by design (unreadable, no article text, over the time
    limit); ``failed`` are documents whose processing raised. ``docs_in`` is the sum of the others.
    """

    docs_in: int = 0
    docs_out: int = 0
    rejected: int = 0
    failed: int = 0


@dataclass(frozen=True)
class InputStamp:
    """What the input file was when its shard was written: a changed file is processed again."""

    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str) -> InputStamp:
        """The stamp of the file at ``path`` now (size -1 when it is missing)."""
        try:
            stat = os.stat(path)
        except OSError:
            return cls(path, -1, 0)
        return cls(path, stat.st_size, stat.st_mtime_ns)


@dataclass(frozen=True)
class Marker:
    """The completion marker of a shard (every field deterministic: no time, host or pid)."""

    shard: str
    input: InputStamp
    config: dict[str, Any]
    counts: ShardCounts
    output: str
    sha256: str
    bytes: int
    format: int = FORMAT


def output_path(folder: Path, name: str) -> Path:
    """Where shard ``name`` writes its documents."""
    return folder / f"{name}{OUTPUT_SUFFIX}"


def marker_path(folder: Path, name: str) -> Path:
    """Where shard ``name`` writes its completion marker."""
    return folder / f"{name}{MARKER_SUFFIX}"


def encode(record: Record) -> bytes:
    """One output line: ``{"<kind>": value}``, keys sorted, UTF-8 (lone surrogates kept)."""
    kind = "page" if isinstance(record, Page) else "analysis" if isinstance(record, Analysis) \
        else "rejected"
    text = json.dumps({kind: to_dict(record)}, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":"))
    return text.encode("utf-8", "surrogatepass") + b"\n"


def decode(line: bytes) -> Record:
    """The value of one output line (``encode`` reversed)."""
    data = json.loads(line.decode("utf-8", "surrogatepass"))
    ((kind, value),) = data.items()
    return from_dict(_KINDS[kind], value)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _write_atomically(path: Path, data: bytes) -> None:
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def remove_leftovers(folder: Path, name: str) -> None:
    """Delete the temporary files an earlier, killed attempt at shard ``name`` left behind."""
    for leftover in folder.glob(f"{name}.*.tmp-*"):
        leftover.unlink(missing_ok=True)


@dataclass
class ShardWriter:
    """Write one shard's output: ``add`` records, then ``commit`` the marker (or abandon on error)."""

    folder: Path
    name: str
    _temporary: Path = field(init=False)
    _raw: IO[bytes] = field(init=False)
    _gzip: gzip.GzipFile = field(init=False)

    def __enter__(self) -> ShardWriter:
        self.folder.mkdir(parents=True, exist_ok=True)
        final = output_path(self.folder, self.name)
        self._temporary = final.with_name(f"{final.name}.tmp-{os.getpid()}")
        self._raw = self._temporary.open("wb")
        self._gzip = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0,
                                   compresslevel=COMPRESSION)
        return self

    def add(self, record: Record) -> None:
        """Append one record to the output."""
        self._gzip.write(encode(record))

    def commit(self, stamp: InputStamp, config: dict[str, Any], counts: ShardCounts) -> Marker:
        """Close the output, move it into place, then write the marker that says it is complete."""
        self._close()
        final = output_path(self.folder, self.name)
        os.replace(self._temporary, final)
        marker = Marker(self.name, stamp, config, counts, final.name, _sha256(final),
                        final.stat().st_size)
        _write_atomically(marker_path(self.folder, self.name), _marker_bytes(marker))
        return marker

    def _close(self) -> None:
        if not self._raw.closed:
            self._gzip.close()
            self._raw.flush()
            os.fsync(self._raw.fileno())
            self._raw.close()

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if kind is not None:
            self._gzip.close()
            self._raw.close()
            self._temporary.unlink(missing_ok=True)


def _marker_bytes(marker: Marker) -> bytes:
    return (json.dumps(to_dict(marker), sort_keys=True, indent=1) + "\n").encode("utf-8")


def read_marker(folder: Path, name: str) -> Marker | None:
    """The marker of shard ``name``, or None when the shard is not complete (or the marker is bad)."""
    try:
        data = json.loads(marker_path(folder, name).read_bytes())
        marker = from_dict(Marker, data)
    except (OSError, ValueError, TypeError, AttributeError):
        return None
    return marker if marker.format == FORMAT else None


def is_complete(folder: Path, marker: Marker | None, stamp: InputStamp, config: dict[str, Any]) -> bool:
    """Whether ``marker`` stands for a finished output of this very input under this config."""
    if marker is None or marker.input != stamp or marker.config != config:
        return False
    try:
        return output_path(folder, marker.shard).stat().st_size == marker.bytes
    except OSError:
        return False


def read_records(folder: Path, marker: Marker) -> Iterator[Record]:
    """The records of a complete shard, after checking the output against its marker's SHA-256.

    Raises ``InputError`` when the output is missing or does not match (changed or damaged since).
    """
    path = output_path(folder, marker.shard)
    try:
        if _sha256(path) != marker.sha256:
            raise InputError(f"shard {marker.shard}: {path.name} does not match its marker "
                             "(changed or damaged since it was written); run the backfill again")
        with gzip.open(path, "rb") as handle:
            yield from (decode(line) for line in handle)
    except (OSError, EOFError) as exc:
        raise InputError(f"shard {marker.shard}: cannot read {path.name}: {exc}") from exc
