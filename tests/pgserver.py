"""A throwaway PostgreSQL server for the tests: Debian's ``postgresql`` package (15), started with
``initdb`` / ``pg_ctl`` in a temporary data folder, listening on 127.0.0.1 on a free port.

PostgreSQL refuses to run as root, so when the tests run as root the server runs as the
``postgres`` user (``runuser``) in a folder that user owns. Each test gets a database of its own
(``fresh_database``), dropped after it. Outside CI a machine without PostgreSQL skips the tests
that need it; in CI (``CI`` set) it fails them: ``.ci/run`` installs the package.
"""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg

BIN = Path(os.environ.get("BROADSHEET_PG_BIN", "/usr/lib/postgresql/15/bin"))
USER = "postgres"
_names = itertools.count()


def missing() -> str | None:
    """Why no server can be started here, or None when one can."""
    if not (BIN / "initdb").is_file() or not (BIN / "pg_ctl").is_file():
        return f"PostgreSQL not found in {BIN} (apt-get install -y postgresql)"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "runuser not found (needed to run PostgreSQL as the postgres user)"
    return None


def _as_server_user(args: list[str]) -> list[str]:
    return ["runuser", "-u", USER, "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _run(args: list[str], folder: Path) -> None:
    """Run a server tool in ``folder`` (the server user may not enter the caller's folder)."""
    done = subprocess.run(_as_server_user(args), capture_output=True, text=True, timeout=120, cwd=folder)
    if done.returncode != 0:
        log = folder / "log"
        raise RuntimeError(f"{args[0]} failed: {done.stderr.strip()}\n"
                           f"{log.read_text() if log.exists() else ''}")


@contextmanager
def server() -> Iterator[str]:
    """Start a server; yield its base URL (``postgresql://postgres@127.0.0.1:PORT``); stop it."""
    folder = Path(tempfile.mkdtemp(prefix="broadsheet-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, USER, USER)
    data, port = folder / "data", _free_port()
    _run([str(BIN / "initdb"), "-D", str(data), "-U", USER, "-A", "trust", "--no-sync", "-E", "UTF8"],
         folder)
    options = f"-h 127.0.0.1 -p {port} -k {folder} -F -c fsync=off -c full_page_writes=off"
    _run([str(BIN / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"],
         folder)
    try:
        yield f"postgresql://{USER}@127.0.0.1:{port}"
    finally:
        _run([str(BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"], folder)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def fresh_database(base: str) -> Iterator[str]:
    """A new empty database on the server at ``base``; yield its URL; drop it after."""
    name = f"t{os.getpid()}_{next(_names)}"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{base}/{name}"
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")
