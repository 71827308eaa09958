"""A real day: the Scrapinghub pages (18-20 November 2019, about 130 outlets) as one stream.

The 181 pages of ``DIR/extraction/scrapinghub/html`` (MIT) go through the real extraction (HTML
path) and are clustered as one batch. ``tests/data/stories/scrapinghub_day.json`` holds our hand
labels: the 21 stories of two pages or more (every other page a story of its own) and the 10
roundups. Rows: pairwise P/R/F1 (and BCubed) for ours and for the landed batch clusterer, and
``roundups``: precision and recall of ``roundup.is_roundup`` on the labelled digests. ``ours``
reads the names of the title and lead, as the other sets' rows do (no analysis); ``ours: with the
analysis' entities`` is the path ``ingest`` takes: each page analysed, and the story stage reading
the analysis' entities as its names (``pipeline._place_chunk``). The quality gate
(``baselines=False``) runs both, not the baselines: extracting and parsing the pages cost about a
minute.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

from broadsheet.bench import BenchRow, average_link
from broadsheet.bench.cluster_metrics import score
from broadsheet.extract import extract
from broadsheet.ingest import read_paths
from broadsheet.model import Article, Entity, Page
from broadsheet.stories.engine import cluster_articles
from broadsheet.stories.roundup import is_roundup

LABELS = (Path(__file__).resolve().parents[3] / "tests" / "data" / "stories" /
          "scrapinghub_day.json")
DATASET = "a real day (scrapinghub)"
ANALYSED = "ours: with the analysis' entities"


def day_articles(folder: Path, keys: Collection[str] | None = None) -> dict[str, Article]:
    """Each page of ``folder`` (or only those whose key is in ``keys``) extracted, keyed by the
    first 12 characters of its file name. The folder is extracted once per process: the real day's
    rows, its judged claims and its judged copies all read it (``_extracted``)."""
    found = _extracted(folder.resolve())
    return dict(found) if keys is None else {k: a for k, a in found.items() if k in keys}


@functools.lru_cache(maxsize=4)
def _extracted(folder: Path) -> Mapping[str, Article]:
    """Every page of ``folder`` through the real extraction (pages it rejects left out)."""
    found: dict[str, Article] = {}
    for page in read_paths([folder]):
        if not isinstance(page, Page):
            continue
        article = extract(page)
        if isinstance(article, Article):
            found[Path(page.source).name[:12]] = article
    return MappingProxyType(found)


def gold_labels(path: Path, keys: list[str]) -> list[str]:
    """The story label of each page key (its own key when it is in no listed story)."""
    labels = json.loads(path.read_text(encoding="utf-8"))
    story_of = {key: name for name, members in labels["stories"].items() for key in members}
    return [story_of.get(key, key) for key in keys]


def rows(data: Path | None = None, *, baselines: bool = True, labels: Path = LABELS) -> list[BenchRow]:
    """The real day's rows (none when the pages or the labels are missing); without ``baselines``
    only ours."""
    folder = (data or Path()) / "extraction" / "scrapinghub" / "html"
    if data is None or not folder.is_dir() or not labels.is_file():
        return []
    articles = day_articles(folder)
    keys = sorted(articles)
    gold = gold_labels(labels, keys)
    listed = [articles[k] for k in keys]
    start = time.perf_counter()
    where = {aid: s.id for s in cluster_articles(listed) for aid in s.article_ids}
    seconds = time.perf_counter() - start
    result = [BenchRow(DATASET, "ours", score(gold, [where[a.id] for a in listed]), len(keys),
                       seconds)]
    found = analysed_entities(listed)
    start = time.perf_counter()
    where = {aid: s.id for s in cluster_articles(listed, entities=found) for aid in s.article_ids}
    result.append(BenchRow(DATASET, ANALYSED, score(gold, [where[a.id] for a in listed]),
                           len(keys), time.perf_counter() - start))
    if not baselines:
        return result
    start = time.perf_counter()
    landed = baselines_landed(listed)
    result.append(BenchRow(DATASET, "landed", score(gold, landed), len(keys),
                           time.perf_counter() - start))
    result.append(_roundups(labels, keys, listed))
    return result


def analysed_entities(articles: Sequence[Article]) -> dict[str, Sequence[Entity]]:
    """Each article's entities as the analysis finds them (what ``ingest`` stores and the story
    stage reads), by article id."""
    from broadsheet.analyze import analyze_articles, load_model

    return {found.article.id: found.entities for found in analyze_articles(articles, load_model())}


def baselines_landed(articles: list[Article]) -> list[str]:
    """The landed clusterer's story of each article."""
    found = average_link.landed(articles)
    return [str(found[a.id]) for a in articles]


def _roundups(labels: Path, keys: list[str], articles: list[Article]) -> BenchRow:
    wanted = set(json.loads(labels.read_text(encoding="utf-8"))["roundups"])
    said = {k for k, a in zip(keys, articles, strict=True) if is_roundup(a)}
    hits = len(said & wanted)
    return BenchRow(DATASET, "roundups", {"precision": hits / max(1, len(said)),
                                          "recall": hits / max(1, len(wanted))}, len(keys))
