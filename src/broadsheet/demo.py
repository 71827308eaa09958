"""The demo sample: which pages ``broadsheet demo`` reads when no ``--sample`` is given.

By default the sample bundled with the repository, ``examples/sample/`` (see its ``NOTICE.md``): the
user's reference page and 159 English news pages of November 2019 in a web archive. It is looked for
in the working folder first, then beside the package's source (an editable install of a checkout), so
``make demo`` works on a fresh clone with nothing beside it. ``--sample DIR`` takes any folder of files
``broadsheet ingest`` reads.
"""

from __future__ import annotations

from pathlib import Path

from broadsheet.errors import InputError

BUNDLED = Path("examples") / "sample"
_CHECKOUT = Path(__file__).resolve().parents[2]


def default_sample(cwd: Path | None = None) -> Path:
    """The bundled sample folder; InputError naming where it was looked for when it is missing."""
    places = [(cwd or Path.cwd()) / BUNDLED, _CHECKOUT / BUNDLED]
    for place in places:
        if place.is_dir():
            return place
    raise InputError(f"the demo sample is missing (looked in {', '.join(map(str, places))}); "
                     "pass --sample DIR, a folder of pages")


def folder_sample(folder: Path) -> Path:
    """A user's own sample folder (any files ``broadsheet ingest`` reads)."""
    if not folder.is_dir():
        raise InputError(f"--sample: no such folder: {folder}")
    return folder
