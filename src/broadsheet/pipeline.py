"""The orchestrator: reads top to bottom like the diagram in DESIGN.md.

    sources ──ingest──▶ Page ──extract──▶ Article ──analyze──▶ Analysis ──store──▶
            ──cluster──▶ Story ──brief──▶ Edition ──render──▶ files in out/

Stages are pure functions from ``model`` values to ``model`` values; this module is where they meet
the world: it reads inputs through ``ingest``, keeps everything (rejections included) in the
``Store`` and writes the rendered edition with ``render.write_site``. One bad input never stops a
batch: it is stored as a ``Rejected`` row and the batch goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from broadsheet.extract.templates import count_lines, extract_batch, not_article_rejection, site_of
from broadsheet.identity import content_hash
from broadsheet.ingest import read_paths
from broadsheet.model import Analysis, Article, Edition, Page, Rejected, Story
from broadsheet.settings import Settings
from broadsheet.store import Store

if TYPE_CHECKING:
    from broadsheet.brief.window import Window

T = TypeVar("T")
NlpLoader = Callable[[], Any]


@dataclass
class IngestReport:
    """What one ingest pass did: counts, and every rejection it stored."""

    pages: int = 0
    articles: int = 0
    updated: int = 0  # of ``articles``: new versions of pages already stored
    skipped: int = 0  # pages already stored, unchanged
    rejected: list[Rejected] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _extract_all(pages: Sequence[Page], store: Store) -> tuple[list[Article], list[Rejected]]:
    """Extract a batch with the site templates the store knows and this batch adds."""
    sites = {site for site in (site_of(p.url) for p in pages) if site}
    results = extract_batch(pages, store.template_counts(sites))
    articles = [r for r in results if isinstance(r, Article)]
    store.add_template_counts(count_lines(articles))
    return articles, [r for r in results if isinstance(r, Rejected)]


def analyze_batch(articles: Sequence[Article], load_nlp: NlpLoader,
                 batch_size: int) -> tuple[list[Analysis], list[Rejected]]:
    """Analyse a batch; if the batch fails, each article alone, so one bad text is one rejection."""
    from broadsheet.analyze import analyze_articles

    if not articles:
        return [], []
    nlp = load_nlp()
    try:
        return analyze_articles(articles, nlp, batch_size=batch_size), []
    except Exception:  # a bad text broke the batch: find it by analysing one at a time, below
        pass
    analyses: list[Analysis] = []
    rejected: list[Rejected] = []
    for article in articles:
        try:
            analyses.extend(analyze_articles([article], nlp, batch_size=1))
        except Exception as exc:  # a per-item boundary: the failure is stored, never raised
            rejected.append(Rejected(article.source, "analyze", "analyze_error", repr(exc), article.id))
    return analyses, rejected


def store_batch(store: Store, pages: Sequence[Page], analyses: Sequence[Analysis],
                 rejected: Sequence[Rejected]) -> None:
    """Write one batch in one transaction: pages, articles with their analysis, rejections."""
    with store.transaction():
        for page in pages:
            store.put_page(page)
        for analysis in analyses:
            store.put_article(analysis.article)
            store.put_analysis(analysis)
            store.clear_rejection(analysis.article.source)
            if not analysis.article.is_article:
                store.put_rejection(not_article_rejection(analysis.article))
        for rejection in rejected:
            store.put_rejection(rejection)


def _changed(page: Page, store: Store) -> bool | None:
    """None when the page is new, True when its content changed since stored, False when not."""
    stored = store.page_hash(page.id)
    return None if stored is None else stored != content_hash(page.content)


def _process_batch(batch: Sequence[Page | Rejected], store: Store, settings: Settings,
                   load_nlp: NlpLoader, reprocess: bool, report: IngestReport) -> None:
    """Extract, analyse and store one batch; every failure becomes a stored rejection.

    A page is processed when it is new, when its content changed at the same id (a new version of
    the article: its analysis replaces the old one) or when ``reprocess`` asks for it.
    """
    found = [p for p in batch if isinstance(p, Page)]
    state = {p.id: _changed(p, store) for p in found}
    fresh = [p for p in found if reprocess or state[p.id] is not False]
    articles, rejected = _extract_all(fresh, store)
    analyses, failed = analyze_batch(articles, load_nlp, settings.batch_size)
    rejected = [r for r in batch if isinstance(r, Rejected)] + rejected + failed
    store_batch(store, fresh, analyses, rejected)
    report.pages += len(found)
    report.skipped += len(found) - len(fresh)
    report.updated += sum(1 for a in analyses if state.get(a.article.id))
    report.articles += len(analyses)
    report.rejected.extend(rejected)
    report.outlets.update(a.article.outlet for a in analyses if a.article.outlet)


def ingest(paths: Iterable[str | Path], store: Store, settings: Settings, load_nlp: NlpLoader,
           *, pages: Iterable[Page | Rejected] | None = None, reprocess: bool = False) -> IngestReport:
    """Read ``paths`` (or the given ``pages``), extract and analyse each page, and store the lot.

    A page already stored with the same content is skipped unless ``reprocess``: re-running on the
    same input changes nothing, while a page that changed at the same id becomes a new version.
    The spaCy model is loaded (once, by ``load_nlp``) only when there is something to analyse.
    """
    report = IngestReport()
    source = pages if pages is not None else read_paths(paths, max_bytes=settings.max_page_bytes)
    for batch in batched(source, max(1, settings.batch_size) * 4):
        _process_batch(batch, store, settings, load_nlp, reprocess, report)
    return report


def update_stories(store: Store, settings: Settings) -> list[Story]:
    """Re-cluster every stored article into stories and replace the stored clustering."""
    stories = cluster([a for a in store.articles() if a.is_article], settings)
    store.replace_stories(stories)
    return stories


def cluster(articles: Sequence[Article], settings: Settings) -> list[Story]:
    """Group ``articles`` into stories with the clustering settings (a threshold of 0: the default)."""
    from broadsheet.stories import cluster_articles

    options: dict[str, Any] = {"window_days": settings.cluster_window_days}
    if settings.cluster_threshold > 0:
        options["threshold"] = settings.cluster_threshold
    return cluster_articles(articles, **options)


EDITIONS_IN_FEED = 20


def edition_window(store: Store, settings: Settings, *, created: str, date: str | None = None,
                   kind: str = "daily", everything: bool = False) -> Window:
    """The window of the edition asked for: ``date`` (YYYY-MM-DD), else the latest day with
    articles, in the ``timezone`` setting; ``everything`` covers all that is stored (the demo)."""
    from broadsheet.brief import window as windows

    windows.check_kind(kind)
    latest = store.latest_article_date(not_after=created)
    if everything:
        return windows.everything(kind, settings.timezone, latest)
    day = windows.parse_day(date) if date else windows.latest_day(latest, settings.timezone, created)
    return windows.window(day, kind, settings.timezone)


def make_edition(store: Store, settings: Settings, *, created: str, date: str | None = None,
                 kind: str = "daily", everything: bool = False) -> Edition:
    """Build the edition of a window from the stored stories, then check it against its sources.

    Reads the window's stories and the heads of their articles (title, outlet, date, lead) to
    rank and choose, then the full analyses of the chosen stories only; every sentence and quote
    is verified against the article version it cites (``brief.verify``), failures dropped and kept.
    """
    from broadsheet.brief import cited_versions, verify_edition
    from broadsheet.brief.edition import Options, fill_edition, plan_edition, planned_ids

    window = edition_window(store, settings, created=created, date=date, kind=kind,
                            everything=everything)
    stories = store.stories_between(window.start, window.end)
    options = Options(settings.edition_title, created, settings.max_stories,
                      settings.summary_sentences, window,
                      store.previous_edition(kind, window.date, created), store.leanings())
    heads = store.article_heads({aid for story in stories for aid in story.article_ids})
    plan = plan_edition(stories, heads, options)
    edition = fill_edition(plan, store.analyses_for(planned_ids(plan)), options)
    return verify_edition(edition, store.version_texts(cited_versions(edition)))


def publish(store: Store, settings: Settings, *, created: str, out_dir: Path, date: str | None = None,
            kind: str = "daily", everything: bool = False) -> tuple[Edition, list[Path]]:
    """Build and check an edition (``make_edition``), keep it in the store and write its site,
    feeds included, to ``out_dir``."""
    from broadsheet.render import render_site, write_site

    edition = make_edition(store, settings, created=created, date=date, kind=kind,
                           everything=everything)
    store.put_edition(edition)
    files = render_site(edition, base_url=settings.base_url,
                        editions=store.editions(limit=EDITIONS_IN_FEED))
    return edition, write_site(files, out_dir)
