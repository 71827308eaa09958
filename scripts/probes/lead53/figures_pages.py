"""Where the page-of-figures rule would fire: every WCXB dev page and every Scrapinghub page,
extracted as `ingest` extracts them; prints table rows, rows with digits, lines and the title.

    PYTHONPATH=src .venv/bin/python scripts/probes/lead53/figures_pages.py /work/shared/data
"""
import gzip
import json
import re
import sys
from pathlib import Path

from broadsheet.extract import extract
from broadsheet.model import Article, Page

ROW = re.compile(r"^\s*\|.*\|\s*$")


def pages(data: Path):
    for path in sorted((data / "extraction/wcxb-dev/html").glob("*.html.gz")):
        truth = json.loads((data / "extraction/wcxb-dev/ground-truth" / path.name.replace(".html.gz", ".json")).read_text())
        yield "wcxb", path.name, gzip.decompress(path.read_bytes()).decode("utf-8", "replace"), truth.get("url")
    truth = json.loads((data / "extraction/scrapinghub/ground-truth.json").read_text())
    for path in sorted((data / "extraction/scrapinghub/html").glob("*.html.gz")):
        key = path.name.split(".")[0]
        yield "scrapinghub", key, gzip.decompress(path.read_bytes()).decode("utf-8", "replace"), truth.get(key, {}).get("url")


def main() -> None:
    data = Path(sys.argv[1])
    seen = fired = 0
    for corpus, key, markup, url in pages(data):
        found = extract(Page(id=key, source=key, kind="html", content=markup, url=url))
        if not isinstance(found, Article):
            continue
        seen += 1
        lines = [line for line in found.text.splitlines() if line.strip()]
        rows = [line for line in lines if ROW.match(line)]
        figures = [line for line in rows if re.search(r"\d", line)]
        if len(figures) >= 10 and 2 * len(rows) >= len(lines):
            fired += 1
            print(f"FIRES {corpus} {key} rows {len(rows)} figures {len(figures)} lines {len(lines)} article={found.is_article} {found.title[:80]!r}")
        elif len(rows) >= 5:
            print(f"near  {corpus} {key} rows {len(rows)} figures {len(figures)} lines {len(lines)} article={found.is_article} {found.title[:80]!r}")
    print(f"{fired} of {seen} extracted pages")


main()
