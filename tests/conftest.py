"""Shared fixtures: where the evaluation data and the seed page live (skip cleanly when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"


def eval_data_dir() -> Path:
    """``BROADSHEET_EVAL_DATA``, else ``../shared/data`` beside the repository."""
    return Path(os.environ.get("BROADSHEET_EVAL_DATA") or REPO.parent / "shared" / "data")


@pytest.fixture(scope="session")
def eval_data() -> Path:
    path = eval_data_dir()
    if not path.is_dir():
        pytest.skip(f"evaluation data not found at {path}")
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    path = eval_data_dir().parent / "seed" / "000_94a96eb25a09a214.txt"
    if not path.is_file():
        pytest.skip(f"seed page not found at {path}")
    return path
