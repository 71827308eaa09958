"""The bulk loader: complete shard outputs into the store, one writer, one transaction per shard.

Workers never touch the store; this is the only step of a backfill that writes it. Each shard is
loaded in one transaction together with its row in the ``shard_loads`` ledger, so a shard is in the
store entirely or not at all, and loading it again (the same output) changes nothing. What a shard's
documents do to the store is what ``broadsheet ingest`` does (``pipeline.store_batch``): pages,
articles with their analysis, rejections; a page already stored with the same content is skipped
unless ``reprocess`` asks for its new analysis to replace the stored one. Stories are updated
afterwards, once, by the caller (``pipeline.update_stories``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from broadsheet import pipeline
from broadsheet.errors import InputError
from broadsheet.extract.templates import count_lines
from broadsheet.identity import content_hash
from broadsheet.model import Analysis, Page, Rejected
from broadsheet.scale.output import Marker, Record, read_marker, read_records
from broadsheet.store import Store

BATCH = 256
Unit = tuple[Page | None, Analysis | Rejected]


@dataclass
class LoadReport:
    """What one load did: shards loaded now or before, documents written, problems met."""

    shards: int = 0
    already: int = 0  # shards whose output was loaded before, unchanged
    missing: int = 0  # shards with no complete output (failed, or not processed)
    articles: int = 0
    rejected: int = 0
    skipped: int = 0  # pages already stored, unchanged
    errors: list[str] = field(default_factory=list)


def load_shards(store: Store, folder: Path, names: Iterable[str], *,
                reprocess: bool = False) -> LoadReport:
    """Load the complete outputs of the shards ``names`` from ``folder`` into ``store``.

    A shard whose output cannot be read, or does not match its marker, is named in ``errors`` and
    left out (nothing of it is written); the others are loaded.
    """
    report = LoadReport()
    for name in names:
        marker = read_marker(folder, name)
        if marker is None:
            report.missing += 1
        elif store.shard_digest(name) == marker.sha256 and not reprocess:
            report.already += 1
        else:
            _load_checked(store, folder, marker, reprocess, report)
    return report


def _load_checked(store: Store, folder: Path, marker: Marker, reprocess: bool,
                  report: LoadReport) -> None:
    partial = LoadReport()
    try:
        _load_one(store, folder, marker, reprocess, partial)
    except InputError as exc:
        report.errors.append(str(exc))
        return
    report.shards += 1
    report.articles += partial.articles
    report.rejected += partial.rejected
    report.skipped += partial.skipped


def _load_one(store: Store, folder: Path, marker: Marker, reprocess: bool, report: LoadReport) -> None:
    """One shard, in one transaction with its ledger row (rolled back whole on any error)."""
    with store.transaction():
        for batch in pipeline.batched(units(read_records(folder, marker)), BATCH):
            _store_units(store, batch, reprocess, report)
        store.mark_shard_loaded(marker.shard, marker.sha256, marker.counts.docs_in)


def units(records: Iterable[Record]) -> Iterator[Unit]:
    """Pair each page with the analysis or rejection that follows it (``output.py`` order); an
    input rejection comes alone."""
    page: Page | None = None
    for record in records:
        if isinstance(record, Page):
            page = record
        else:
            yield page, record
            page = None


def _unchanged(store: Store, page: Page) -> bool:
    return store.page_hash(page.id) == content_hash(page.content)


def _store_units(store: Store, batch: Sequence[Unit], reprocess: bool, report: LoadReport) -> None:
    fresh = [(p, r) for p, r in batch if p is None or reprocess or not _unchanged(store, p)]
    pages = [p for p, _ in fresh if p is not None]
    analyses = [r for _, r in fresh if isinstance(r, Analysis)]
    rejected = [r for _, r in fresh if isinstance(r, Rejected)]
    pipeline.store_batch(store, pages, analyses, rejected)
    store.add_template_counts(count_lines([a.article for a in analyses]))  # what ingest learns too
    report.articles += len(analyses)
    report.rejected += len(rejected)
    report.skipped += len(batch) - len(fresh)
