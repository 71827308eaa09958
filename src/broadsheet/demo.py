"""The demo sample: which pages ``broadsheet demo`` reads when no ``--sample`` is given.

By default: the user's seed page (``../shared/seed``) plus the BASIL corpus
(``../shared/data/clustering/basil/basil_articles.jsonl``: 100 events, each covered by the New York
Times, Fox News and HuffPost), read where they lie: no third-party text is copied into the repository.
BASIL names outlets by short codes, turned here into the names a reader knows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from broadsheet.errors import InputError
from broadsheet.ingest import read_paths
from broadsheet.model import Page, Rejected

BASIL_FILE = Path("clustering/basil/basil_articles.jsonl")
BASIL_OUTLETS = {"nyt": "The New York Times", "fox": "Fox News", "hpo": "HuffPost"}


@dataclass(frozen=True)
class Sample:
    """The inputs of a demo run: paths, and the outlet names to use for short outlet codes."""

    paths: tuple[Path, ...]
    outlet_names: dict[str, str]

    def describe(self) -> str:
        return ", ".join(str(p) for p in self.paths)


def default_sample(eval_data: Path) -> Sample:
    """The seed folder beside ``eval_data`` plus BASIL inside it; InputError when they are missing."""
    seed = eval_data.parent / "seed"
    basil = eval_data / BASIL_FILE
    missing = [str(p) for p in (seed, basil) if not p.exists()]
    if missing:
        raise InputError(
            f"the demo sample is missing ({', '.join(missing)}); set BROADSHEET_EVAL_DATA to the "
            "shared data folder or pass --sample DIR"
        )
    return Sample((seed, basil), BASIL_OUTLETS)


def folder_sample(folder: Path) -> Sample:
    """A user's own sample folder (any files ``broadsheet ingest`` reads)."""
    if not folder.exists():
        raise InputError(f"--sample: no such folder: {folder}")
    return Sample((folder,), {})


def sample_pages(sample: Sample, *, max_bytes: int) -> Iterator[Page | Rejected]:
    """Every page of the sample, outlet codes replaced by outlet names."""
    for item in read_paths(sample.paths, max_bytes=max_bytes):
        if isinstance(item, Page) and item.outlet in sample.outlet_names:
            item = replace(item, outlet=sample.outlet_names[item.outlet])
        yield item
