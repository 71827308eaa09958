"""Outlet exact match: the name of the site that carried each page.

``tests/data/extraction/scrapinghub_outlets.json`` holds, for each of the Scrapinghub pages' 126
hosts, the names a reader would give the site, and ``wcxb_outlets.json`` the same for 100 hosts
of WCXB dev's article pages, which the rule was never read against (both hand-labelled, see
their ``about``). A name matches when its
lower-cased letters and digits, without a leading "the", equal one of the host's. Ours is the
``outlet`` of the HTML path's article; the baseline is trafilatura's ``sitename``
(``extract_metadata`` with the page's address), which ours starts from (``extract/outlet.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from broadsheet.bench import BenchRow
from broadsheet.model import Article, Rejected

LABELS = Path(__file__).resolve().parents[3] / "tests" / "data" / "extraction"
SCRAPINGHUB = LABELS / "scrapinghub_outlets.json"
WCXB = LABELS / "wcxb_outlets.json"


def outlet_key(name: str | None) -> str:
    """Lower-cased letters and digits of ``name`` without a leading "the"."""
    words = (name or "").casefold().split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(ch for ch in " ".join(words) if ch.isalnum())


def load_labels(path: Path) -> dict[str, set[str]]:
    """Host -> the keys of the names accepted for it (none when the file is missing)."""
    if not path.is_file():
        return {}
    outlets = json.loads(path.read_text(encoding="utf-8"))["outlets"]
    return {host: {outlet_key(name) for name in names} for host, names in outlets.items()}


@dataclass
class OutletTally:
    """Our outlet and trafilatura's site name on each labelled page a bench pass meets."""

    dataset: str
    labels: dict[str, set[str]]
    accepted: list[set[str]] = field(default_factory=list)
    ours: list[str | None] = field(default_factory=list)
    theirs: list[str | None] = field(default_factory=list)

    def add(self, url: str | None, result: Article | Rejected, markup: str | None) -> None:
        """Tally a page when its host is labelled; ``markup`` given: trafilatura's name too."""
        accepted = self.labels.get(urlsplit(url or "").hostname or "")
        if accepted is None:
            return
        self.accepted.append(accepted)
        self.ours.append(result.outlet if isinstance(result, Article) else None)
        if markup is not None:
            self.theirs.append(trafilatura_outlet(markup, url))

    def rows(self, baseline: str) -> list[BenchRow]:
        """Exact match of ours and, when tallied, of trafilatura's names (``baseline``)."""
        if not self.accepted:
            return []
        rows = [self._row("broadsheet", self.ours)]
        return rows + ([self._row(baseline, self.theirs)] if self.theirs else [])

    def _row(self, system: str, names: list[str | None]) -> BenchRow:
        right = sum(outlet_key(n) in a for n, a in zip(names, self.accepted, strict=True))
        return BenchRow(self.dataset, system, {"exact": right / len(names)}, len(names))


def trafilatura_outlet(markup: str, url: str | None) -> str | None:
    """trafilatura's site name for a page, the baseline."""
    import trafilatura.metadata

    return trafilatura.metadata.extract_metadata(markup, default_url=url).sitename
