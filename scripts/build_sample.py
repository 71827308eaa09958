"""Build the demo sample in ``examples/sample/`` from the shared evaluation data (run once, by hand).

    .venv/bin/python scripts/build_sample.py [../shared]

Writes ``examples/sample/scrapinghub-news-2019-11.warc.gz``: the English pages of the scrapinghub
Article Extraction Benchmark (MIT), each as the HTTP response it was fetched as, with its URL as
``WARC-Target-URI`` — so ``broadsheet demo`` reads real pages with real addresses, as if it had fetched
them. The benchmark does not record when it fetched its pages (mostly 18-20 November 2019, by the
pages' own dates), so every record is dated 2019-11-20, the day after most of them were published.
English is told by the gold article body (``extract.language.guess_language``). Also copies the seed
page, the user's reference input.
"""

from __future__ import annotations

import gzip
import io
import json
import shutil
import sys
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from broadsheet.extract.language import guess_language

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "examples" / "sample"
WARC_NAME = "scrapinghub-news-2019-11.warc.gz"
FETCHED = "2019-11-20T00:00:00Z"


def english_pages(benchmark: Path) -> list[tuple[str, str]]:
    """``(id, url)`` of the pages whose gold body is English, sorted by id."""
    gold = json.loads((benchmark / "ground-truth.json").read_text(encoding="utf-8"))
    return sorted((key, value["url"]) for key, value in gold.items()
                  if guess_language(value.get("articleBody") or "") == "en")


def write_warc(benchmark: Path, pages: list[tuple[str, str]], target: Path) -> None:
    """One WARC ``response`` record per page: the page's bytes behind a plain 200 OK."""
    with target.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for key, url in pages:
            body = gzip.decompress((benchmark / "html" / f"{key}.html.gz").read_bytes())
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"),
                                               ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               http_headers=http,
                                               warc_headers_dict={"WARC-Date": FETCHED})
            writer.write_record(record)


def main(shared: Path) -> None:
    benchmark = shared / "data" / "extraction" / "scrapinghub"
    pages = english_pages(benchmark)
    OUT.mkdir(parents=True, exist_ok=True)
    write_warc(benchmark, pages, OUT / WARC_NAME)
    shutil.copy(shared / "seed" / "000_94a96eb25a09a214.txt", OUT / "000_94a96eb25a09a214.txt")
    print(f"wrote {len(pages)} pages to {OUT / WARC_NAME} and the seed page")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared")
