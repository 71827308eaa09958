"""The backfill bench's input: real pages repeated under new URLs, into WARCs that read back whole."""

from __future__ import annotations

from pathlib import Path

from broadsheet.bench.backfill import CANONICAL_LINK, repeated, write_warcs
from broadsheet.ingest.files import read_paths
from broadsheet.model import Page
from scale_data import sample_documents


def test_repeated_pages_are_distinct_documents() -> None:
    pages = sample_documents()[:3]
    documents = list(repeated(pages, 8))
    assert [body for _, body in documents] == [CANONICAL_LINK.sub(b"", pages[n % 3][1]) for n in range(8)]
    assert not any(CANONICAL_LINK.search(body) for _, body in documents)
    assert len({url for url, _ in documents}) == 8
    assert documents[0][0] == pages[0][0]


def test_the_warcs_read_back_as_every_document(tmp_path: Path) -> None:
    documents = list(repeated(sample_documents()[:4], 10))
    warcs = write_warcs(documents, tmp_path, per_file=3)
    assert [p.name for p in warcs] == [f"bench-{n:05d}.warc.gz" for n in range(4)]
    pages = [p for p in read_paths(warcs) if isinstance(p, Page)]
    assert [p.url for p in pages] == [url for url, _ in documents]
    assert len({p.id for p in pages}) == 10  # distinct ids: nothing is skipped as already stored
