"""Site templates: lines that repeat across several pages of one site are the site's boilerplate.

A promo box, a newsletter call, a standard disclaimer or a menu entry that leaks into one page of
a site leaks into all of them, while an article's own paragraphs are its own. So within a batch
of pages grouped by site (the host of the page's URL, ``www.`` dropped), a paragraph found on at
least ``MIN_PAGES`` different pages of the site is template, and every page of the site loses it.
Pages with the same text (one article at two addresses) count once.

Pure functions over a batch: ``learn`` counts, ``apply`` removes, ``extract_batch`` is
``extract`` over a batch with the site templates learnt from the batch itself (and, when the
caller keeps them, from earlier batches: ``known`` maps a site to the lines already learnt, as the
store keeps them for ``ingest``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from urllib.parse import urlsplit

from broadsheet.model import Article, Page, Rejected
from broadsheet.text import normal, word_count

MIN_PAGES = 3
MIN_WORDS = 2
Templates = Mapping[str, frozenset[str]]


def site_of(url: str | None) -> str | None:
    """The site of a page: its URL's host without ``www.``, or None without a URL."""
    host = urlsplit(url or "").netloc.lower().removeprefix("www.")
    return host or None


def line_key(line: str) -> str | None:
    """The form a line is counted under (lower case, one space), or None for a too-short line."""
    return normal(line) if word_count(line) >= MIN_WORDS else None


def page_keys(article: Article) -> frozenset[str]:
    """The distinct counted forms of an article's paragraphs."""
    return frozenset(k for k in map(line_key, article.paragraphs) if k is not None)


def count_lines(articles: Sequence[Article]) -> dict[str, Counter[str]]:
    """For each site: on how many distinct pages each paragraph form occurs."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    seen: dict[str, set[frozenset[str]]] = defaultdict(set)
    for article in articles:
        site = site_of(article.url)
        keys = page_keys(article)
        if site is None or not keys or keys in seen[site]:
            continue
        seen[site].add(keys)
        counts[site].update(keys)
    return counts


def learn(counts: Mapping[str, Counter[str]]) -> dict[str, frozenset[str]]:
    """The template of each site: the forms seen on at least ``MIN_PAGES`` pages."""
    learnt = {site: frozenset(k for k, n in c.items() if n >= MIN_PAGES)
              for site, c in counts.items()}
    return {site: lines for site, lines in learnt.items() if lines}


def apply(article: Article, templates: Templates) -> Article:
    """``article`` without the paragraphs its site's template holds (never all of them)."""
    template = templates.get(site_of(article.url) or "", frozenset())
    if not template:
        return article
    kept = tuple(p for p in article.paragraphs if line_key(p) not in template)
    return replace(article, paragraphs=kept) if kept else article


def merge(known: Mapping[str, Counter[str]],
          batch: Mapping[str, Counter[str]]) -> dict[str, Counter[str]]:
    """Page counts of earlier batches plus this batch's, per site."""
    merged: dict[str, Counter[str]] = {site: Counter(c) for site, c in known.items()}
    for site, counts in batch.items():
        merged.setdefault(site, Counter()).update(counts)
    return merged


def not_article_rejection(article: Article) -> Rejected:
    """The stored, shown reason a page that is not an article was kept out of stories."""
    kind = article.not_article or "not_article"
    detail = f"the page reads as a {kind.replace('_', ' ')} page, not an article; kept out of stories"
    return Rejected(article.source, "extract", f"not_article:{kind}", detail, article.id)


def extract_batch(pages: Sequence[Page],
                  known: Mapping[str, Counter[str]] | None = None) -> list[Article | Rejected]:
    """``extract`` every page, then remove what the batch (and ``known``) shows is site template."""
    from broadsheet.extract import extract

    results = [extract(page) for page in pages]
    articles = [r for r in results if isinstance(r, Article)]
    templates = learn(merge(known or {}, count_lines(articles)))
    return [r if isinstance(r, Rejected) else apply(r, templates) for r in results]
