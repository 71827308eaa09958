"""Shared fixtures: where the evaluation data and the seed page live; a PostgreSQL server.

Outside CI a missing evaluation folder skips the tests that need it (a contributor without the data
can still run the rest). In CI (``CI`` set, as ``.ci/run`` does) a missing folder FAILS those tests:
a gate that skips to green measures nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import gatebench

REPO = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"

# Property tests check behaviour, not speed: on a loaded machine (CI beside other work, `nice`) inputs
# are drawn and examples run slower, and a time limit would fail a test whose property holds (the
# suite without the data failed so once, at nice 19 beside a CI run). Speed lives in `broadsheet bench`.
settings.register_profile("broadsheet", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("broadsheet")


def eval_data_dir() -> Path:
    """``BROADSHEET_EVAL_DATA``, else ``../shared/data`` beside the repository."""
    return Path(os.environ.get("BROADSHEET_EVAL_DATA") or REPO.parent / "shared" / "data")


def require(path: Path, what: str) -> Path:
    """``path`` when it exists; else skip the test, or fail it in CI."""
    if path.exists():
        return path
    message = f"{what} not found at {path} (set BROADSHEET_EVAL_DATA)"
    if os.environ.get("CI"):
        pytest.fail(f"CI: {message}", pytrace=False)
    pytest.skip(message)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Start the quality gate's one-process benchmarks beside the suite (``gatebench``)."""
    if session.config.option.collectonly:
        return
    stages = {item.callspec.params["stage"] for item in session.items
              if item.path.name == "test_quality_gate.py" and hasattr(item, "callspec")}
    gatebench.start(eval_data_dir(), stages)


def pytest_sessionfinish(session: pytest.Session) -> None:
    gatebench.stop()


@pytest.fixture(scope="session")
def eval_data() -> Path:
    return require(eval_data_dir(), "evaluation data")


SAMPLE = REPO / "examples" / "sample"
SEED = SAMPLE / "000_94a96eb25a09a214.txt"  # the user's reference page, bundled with the demo sample


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return require(SEED, "the seed page")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A throwaway PostgreSQL server (``tests/pgserver.py``): its base URL. Skipped where
    PostgreSQL is not installed, failed in CI."""
    import pgserver

    reason = pgserver.missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI: {reason}", pytrace=False)
        pytest.skip(reason)
    with pgserver.server() as base:
        yield base


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """The URL of an empty database of its own on the test server."""
    import pgserver

    with pgserver.fresh_database(pg_server) as url:
        yield url


BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def db_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A ``--db`` value for each backend: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    url: str = request.getfixturevalue("pg_url")
    return url
