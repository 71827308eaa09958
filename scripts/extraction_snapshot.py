"""Every dev page's extraction, as one JSON line a page, to compare two versions of the HTML path.

    python scripts/extraction_snapshot.py --data ../shared/data > before.jsonl
    (change the code)
    python scripts/extraction_snapshot.py --data ../shared/data > after.jsonl
    python scripts/extraction_snapshot.py --compare before.jsonl after.jsonl

A line holds the page's id and everything the HTML path returns for it: the Article's fields
(text, title, authors, date, outlet, section, language, verdict and its reason, opinion, related
items) or the rejection, and the page-kind evidence the verdict read (its signals and words).
A speed change must leave every line the same; ``--compare`` prints the pages that differ and
exits 1 when any does. The pages are read from the data folder, never copied.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from broadsheet.bench.extraction import _dev_pages
from broadsheet.extract.html import judged
from broadsheet.extract.train import read_gz
from broadsheet.model import Article, Page


def snapshot(key: str, path: Path, url: str | None) -> dict[str, object]:
    """What the HTML path gives for one page, as JSON values."""
    page = Page(id=key, source=path.name, kind="html", content=read_gz(path), url=url)
    result, evidence = judged(page)
    fields = dataclasses.asdict(result)
    if isinstance(result, Article):
        fields["text"] = result.text
    return {"id": key, "result": fields,
            "signals": list(evidence.signals) if evidence else None,
            "words": sorted(evidence.words) if evidence else None}


def write(root: Path, limit: int | None) -> None:
    for key, path, url in _dev_pages(root)[:limit]:
        print(json.dumps(snapshot(key, path, url), sort_keys=True, ensure_ascii=False))


def compare(before: Path, after: Path) -> int:
    old = {json.loads(line)["id"]: line for line in before.read_text(encoding="utf-8").splitlines()}
    new = {json.loads(line)["id"]: line for line in after.read_text(encoding="utf-8").splitlines()}
    differ = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    for key in differ:
        print(f"differs: {key}")
    print(f"{len(old)} / {len(new)} pages, {len(differ)} differ")
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.compare:
        return compare(*args.compare)
    write(args.data / "extraction", args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main())
