"""Stores the edition bench reads, built once and kept in a cache folder.

- ``demo_store``: the demo's store (the bundled sample, ingested and analysed as ``broadsheet demo``
  does; the spaCy model runs once, then the file is reused);
- ``replay_store``: at least ``articles`` stored articles made by replaying the demo store's real
  articles day after day: copy ``r`` of every article gets the id ``<id>~r<r>``, its dates moved
  ``r`` days later, its url a ``?replay=<r>`` suffix, and its analysis (entities, attributions) and
  its story (``<story id>~r<r>``) along with it; an article stored without analysis (a page in
  another language) is copied too, as its story holds it. Real text, real analyses, real story sizes, spread
  over weeks as a live store would be.

The cache folder is ``BROADSHEET_BENCH_CACHE``, else ``.bench-cache`` in the working folder.
"""

from __future__ import annotations

import math
import os
from dataclasses import replace
from datetime import timedelta
from functools import partial
from pathlib import Path
from typing import Any

from broadsheet import demo, pipeline
from broadsheet.model import Analysis, Article, Story
from broadsheet.settings import Settings, load_settings
from broadsheet.store import Store
from broadsheet.timestamps import instant, to_iso

FALLBACK_DATE = "2019-11-20T00:00:00+00:00"  # the sample's fetch date, for undated articles


def cache_dir() -> Path:
    """Where bench stores are kept between runs."""
    folder = Path(os.environ.get("BROADSHEET_BENCH_CACHE", ".bench-cache"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def settings() -> Settings:
    """The default settings (no broadsheet.toml, no environment), as a fresh install has them."""
    return load_settings(environ={}, config=Path("/nonexistent/broadsheet.toml"))


def _load_nlp(chosen: Settings) -> Any:
    from broadsheet.analyze.nlp import load_model

    return load_model(chosen.model)


def demo_store() -> Path:
    """The demo store (built on first use: the whole pipeline on the bundled sample)."""
    path = cache_dir() / "demo.db"
    if path.exists():
        return path
    partial_path = path.with_suffix(".partial")
    chosen = settings()
    with Store.open(partial_path) as store:
        pipeline.ingest([demo.default_sample()], store, chosen, partial(_load_nlp, chosen))
        pipeline.update_stories(store, chosen)
    partial_path.rename(path)
    return path


def _shift(value: str | None, days: int) -> str:
    moment = instant(value or FALLBACK_DATE) or instant(FALLBACK_DATE)
    assert moment is not None
    return to_iso(moment + timedelta(days=days))


def _copy_article(article: Article, r: int) -> Article:
    url = f"{article.url}{'&' if '?' in article.url else '?'}replay={r}" if article.url else None
    return replace(article, id=f"{article.id}~r{r}", source=f"{article.source}~r{r}", url=url,
                   published=_shift(article.published, r), version=1)


def _copy(analysis: Analysis, r: int) -> Analysis:
    return replace(analysis, article=_copy_article(analysis.article, r))


def _story_copy(story: Story, r: int) -> Story:
    return Story(id=f"{story.id}~r{r}", title=story.title,
                 article_ids=tuple(f"{a}~r{r}" for a in story.article_ids),
                 duplicates=tuple((f"{a}~r{r}", f"{b}~r{r}") for a, b in story.duplicates))


def replay_store(articles: int = 10_000) -> Path:
    """A store of at least ``articles`` articles replayed from the demo store (built once)."""
    path = cache_dir() / f"replay-{articles}.db"
    if path.exists():
        return path
    with Store.open(demo_store(), create=False) as source:
        analyses = list(source.analyses())
        unanalysed = list(source.articles(analysed=False))  # stored, in a story, not analysed
        stories = source.stories()
    copies = math.ceil(articles / max(1, len(analyses)))
    partial_path = path.with_suffix(".partial")
    partial_path.unlink(missing_ok=True)
    with Store.open(partial_path) as store:
        for r in range(copies):
            with store.transaction():
                for analysis in analyses:
                    store.put_analysis(_copy(analysis, r))
                for article in unanalysed:
                    store.put_article(_copy_article(article, r))
        store.replace_stories([_story_copy(s, r) for r in range(copies) for s in stories])
    partial_path.rename(path)
    return path
