"""Small WARC files for the backfill tests, built from the real pages of the bundled demo sample.

The sample (``examples/sample/scrapinghub-news-2019-11.warc.gz``, MIT, see its NOTICE.md) holds 159
news pages as fetched; these helpers cut it into WARCs of a few pages each, written with the bench's
``write_warc`` so the tests and ``broadsheet bench backfill`` read the same kind of file.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from broadsheet.bench.backfill import Document, write_warc
from conftest import SAMPLE

SAMPLE_WARC = SAMPLE / "scrapinghub-news-2019-11.warc.gz"


@cache
def sample_documents() -> tuple[Document, ...]:
    """``(url, html)`` of every page of the sample, in archive order."""
    documents: list[Document] = []
    with SAMPLE_WARC.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                url = record.rec_headers.get_header("WARC-Target-URI")
                documents.append((url, record.content_stream().read()))
    return tuple(documents)


def warc_of(folder: Path, name: str, first: int, count: int) -> Path:
    """A WARC named ``name`` holding ``count`` sample pages from the ``first``-th on."""
    folder.mkdir(parents=True, exist_ok=True)
    return write_warc(sample_documents()[first:first + count], folder / f"{name}.warc.gz")
