"""The demo sample ships with the repository, so `make demo` works on a fresh clone."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from broadsheet import demo
from broadsheet.errors import InputError
from broadsheet.ingest import read_paths
from broadsheet.model import Page
from conftest import SAMPLE, SEED


def test_the_bundled_sample_is_found_from_the_checkout_or_the_working_folder(tmp_path: Path) -> None:
    assert demo.default_sample(tmp_path).resolve() == SAMPLE.resolve()  # beside the package source
    (tmp_path / "examples" / "sample").mkdir(parents=True)
    assert demo.default_sample(tmp_path) == tmp_path / "examples" / "sample"  # the working folder first


def test_a_missing_sample_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="--sample: no such folder"):
        demo.folder_sample(tmp_path / "nowhere")


def test_the_sample_holds_the_seed_and_real_pages_with_their_addresses() -> None:
    pages = [p for p in read_paths([SAMPLE]) if isinstance(p, Page)]
    assert len(pages) == 160
    seed = [p for p in pages if p.source == str(SEED)]
    assert len(seed) == 1 and seed[0].kind == "text"
    fetched = [p for p in pages if p.kind == "html"]
    hosts = {urlsplit(p.url or "").hostname for p in fetched}
    assert len(fetched) == 159 and None not in hosts and len(hosts) > 100
    assert {p.fetched_at for p in fetched} == {"2019-11-20T00:00:00+00:00"}
    assert any("wework" in (p.url or "") for p in fetched)


def test_the_sample_stays_out_of_the_wheel() -> None:
    """The pages belong to their publishers: only ``src/broadsheet`` is packaged."""
    pyproject = (SAMPLE.parent.parent / "pyproject.toml").read_text()
    assert 'where = ["src"]' in pyproject and "examples" not in pyproject
    assert (SAMPLE / "NOTICE.md").read_text().count("belong to") >= 1
