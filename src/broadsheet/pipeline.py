"""The orchestrator: reads top to bottom like the diagram in DESIGN.md.

    sources ──ingest──▶ Page ──extract──▶ Article ──analyze──▶ Analysis ──store──▶
            ──cluster──▶ Story ──brief──▶ Edition ──render──▶ files in out/

Stages are pure functions from ``model`` values to ``model`` values; this module is where they meet
the world: it reads inputs through ``ingest``, keeps everything (rejections included) in the
``Store`` and writes the rendered edition with ``render.write_site``. One bad input never stops a
batch: it is stored as a ``Rejected`` row and the batch goes on.

On a store that several workers share (PostgreSQL, ``Store.shares_work``) ``ingest`` does not
process what it reads itself: it stores each new or changed page and queues it (a ``page`` job),
then claims queued pages and processes those (``drain_queue``), so workers on several machines
split the work and no page is processed twice.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from broadsheet.errors import AnalyzeError
from broadsheet.extract.templates import count_lines, extract_batch, not_article_rejection, site_of
from broadsheet.identity import content_hash
from broadsheet.ingest import read_paths
from broadsheet.model import Analysis, Article, Edition, Page, Rejected, Story
from broadsheet.settings import Settings
from broadsheet.store import Store, StoryChanges

if TYPE_CHECKING:
    from broadsheet.stories.score import Model

if TYPE_CHECKING:
    from broadsheet.brief.window import Window

T = TypeVar("T")
NlpLoader = Callable[[], Any]


@dataclass
class IngestReport:
    """What one ingest pass did: counts, and every rejection it stored.

    ``not_analysed`` are articles stored and extracted but not analysed because their language
    is not in the ``languages`` setting; each also has a stored note saying so (``status``).
    """

    pages: int = 0
    articles: int = 0
    updated: int = 0  # of ``articles``: new versions of pages already stored
    skipped: int = 0  # pages already stored, unchanged
    rejected: list[Rejected] = field(default_factory=list)
    outlets: set[str] = field(default_factory=set)
    not_analysed: list[Rejected] = field(default_factory=list)


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


def wanted_languages(setting: str) -> frozenset[str] | None:
    """The language codes the ``languages`` setting names ("en", "en,fr"); None for "*" (all)."""
    codes = frozenset(code.strip().lower() for code in setting.split(",") if code.strip())
    return None if not codes or "*" in codes else codes


def split_languages(articles: Sequence[Article], setting: str) -> tuple[list[Article], list[Rejected]]:
    """The articles to analyse, and a note for each one whose language is not wanted.

    An article whose language is unknown is analysed (the benefit of the doubt).
    """
    wanted = wanted_languages(setting)
    keep: list[Article] = []
    notes: list[Rejected] = []
    for article in articles:
        language = (article.language or "").split("-")[0].lower()
        if wanted is None or not language or language in wanted:
            keep.append(article)
        else:
            notes.append(Rejected(article.source, "analyze", "language",
                                  f"stored and extracted, not analysed: the page is in {language!r} "
                                  f"and the languages setting is {setting!r}", article.id))
    return keep, notes


CANARY = Article(id="broadsheet-canary", source="broadsheet-canary", title="Canary",
                 paragraphs=('The council approved the new bridge on Monday, the mayor said. '
                             '"It opens in May," Jane Smith told reporters in Leeds.',))


def analyze_batch(articles: Sequence[Article], load_nlp: NlpLoader,
                 batch_size: int) -> tuple[list[Analysis], list[Rejected]]:
    """Analyse a batch; if the batch fails, each article alone, so one bad text is one rejection.

    Unless the model itself is at fault: when a batch fails, a plain known-good text (``CANARY``)
    is analysed, and if that fails too the model is broken and ``AnalyzeError`` stops the command
    (exit 5) instead of turning the whole corpus into rejections.
    """
    from broadsheet.analyze import analyze_articles

    if not articles:
        return [], []
    nlp = load_nlp()
    try:
        return analyze_articles(articles, nlp, batch_size=batch_size), []
    except Exception as exc:  # a bad text, or a broken model: the canary tells them apart
        _check_model(nlp, exc)
    analyses: list[Analysis] = []
    rejected: list[Rejected] = []
    for article in articles:
        try:
            analyses.extend(analyze_articles([article], nlp, batch_size=1))
        except Exception as exc:  # a per-item boundary: the failure is stored, never raised
            rejected.append(Rejected(article.source, "analyze", "analyze_error", repr(exc), article.id))
    return analyses, rejected


def _check_model(nlp: Any, failure: Exception) -> None:
    """Raise ``AnalyzeError`` when ``nlp`` fails on ``CANARY`` too (``failure`` was no bad text)."""
    from broadsheet.analyze import analyze_articles

    try:
        analyze_articles([CANARY], nlp, batch_size=1)
    except Exception as exc:  # the model fails on a plain sentence: it is the model
        message = f"the spaCy model fails on plain text, so it is broken: {failure!r}"
        raise AnalyzeError(message[:400]) from exc


def store_batch(store: Store, pages: Sequence[Page], analyses: Sequence[Analysis],
                rejected: Sequence[Rejected], unanalysed: Sequence[Article] = ()) -> None:
    """Write one batch in one transaction: pages, articles (with their analysis, or without one
    when their language is not analysed), rejections."""
    with store.transaction():
        for page in pages:
            store.put_page(page)
        for article in unanalysed:
            store.put_article(article)
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


@dataclass(frozen=True)
class _Worked:
    """What extraction and analysis made of a batch of pages (nothing stored yet)."""

    analyses: list[Analysis]
    rejected: list[Rejected]
    foreign: list[Rejected]  # notes: extracted, not analysed (language)
    unanalysed: list[Article]  # the articles of those notes


def _work(pages: Sequence[Page], store: Store, settings: Settings, load_nlp: NlpLoader) -> _Worked:
    """Extract and analyse ``pages``; every failure becomes a rejection to store."""
    extracted, rejected = _extract_all(pages, store)
    articles, foreign = split_languages(extracted, settings.languages)
    analyses, failed = analyze_batch(articles, load_nlp, settings.batch_size)
    unanalysed = [a for a in extracted if a.id in {note.page_id for note in foreign}]
    return _Worked(analyses, rejected + failed, foreign, unanalysed)


def _count(report: IngestReport, worked: _Worked, updated: set[str]) -> None:
    report.not_analysed.extend(worked.foreign)
    report.updated += sum(1 for a in worked.analyses if a.article.id in updated)
    report.articles += len(worked.analyses)
    report.rejected.extend(worked.rejected)
    report.outlets.update(a.article.outlet for a in worked.analyses if a.article.outlet)


def _process_batch(batch: Sequence[Page | Rejected], store: Store, settings: Settings,
                   load_nlp: NlpLoader, reprocess: bool, report: IngestReport) -> None:
    """Extract, analyse and store one batch; every failure becomes a stored rejection.

    A page is processed when it is new, when its content changed at the same id (a new version of
    the article: its analysis replaces the old one) or when ``reprocess`` asks for it.
    """
    found = [p for p in batch if isinstance(p, Page)]
    state = {p.id: _changed(p, store) for p in found}
    fresh = [p for p in found if reprocess or state[p.id] is not False]
    worked = _work(fresh, store, settings, load_nlp)
    unread = [r for r in batch if isinstance(r, Rejected)]
    store_batch(store, fresh, worked.analyses, [*unread, *worked.rejected, *worked.foreign],
                worked.unanalysed)
    report.pages += len(found)
    report.skipped += len(found) - len(fresh)
    report.rejected.extend(unread)
    _count(report, worked, {key for key, changed in state.items() if changed})


PAGE_JOB = "page"  # the queue's kind for a stored page to extract, analyse and store


def _queue_batch(batch: Sequence[Page | Rejected], store: Store, reprocess: bool,
                 report: IngestReport) -> None:
    """Store the new or changed pages of ``batch`` and queue them, in one transaction (another
    worker that reads the same input finds them stored and queued); ``reprocess`` queues every
    page again."""
    found = [p for p in batch if isinstance(p, Page)]
    fresh = [p for p in found if reprocess or _changed(p, store) is not False]
    unread = [r for r in batch if isinstance(r, Rejected)]
    with store.transaction():
        for page in fresh:
            store.put_page(page)
        for rejection in unread:
            store.put_rejection(rejection)
        store.enqueue_jobs(PAGE_JOB, [(p.id, content_hash(p.content)) for p in fresh], force=reprocess)
    report.pages += len(found)
    report.skipped += len(found) - len(fresh)
    report.rejected.extend(unread)


def drain_queue(store: Store, settings: Settings, load_nlp: NlpLoader,
                report: IngestReport) -> list[str]:
    """Claim queued pages until none is left, process each claim and store it together with the
    end of its jobs; return the ids of the pages this worker processed."""
    from broadsheet.store.queue import worker_id

    worker, done = worker_id(), []
    while claimed := store.claim_jobs(PAGE_JOB, worker, max(1, settings.batch_size) * 4):
        keys = [key for key, _ in claimed]
        try:
            _process_claimed(store, settings, load_nlp, report, keys, worker)
        except BaseException:  # Ctrl-C, a store error: the claim goes back to the queue at once
            store.release_jobs(PAGE_JOB, keys, worker)
            raise
        done.extend(keys)
    return done


def _process_claimed(store: Store, settings: Settings, load_nlp: NlpLoader, report: IngestReport,
                     keys: Sequence[str], worker: str) -> None:
    pages = [p for p in (store.get_page(key) for key in keys) if p is not None]
    known = {p.id for p in pages if store.has_article(p.id)}
    worked = _work(pages, store, settings, load_nlp)
    with store.transaction():
        store_batch(store, [], worked.analyses, [*worked.rejected, *worked.foreign], worked.unanalysed)
        store.finish_jobs(PAGE_JOB, keys, worker)
    _count(report, worked, known)


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
        if store.shares_work:
            _queue_batch(batch, store, reprocess, report)
            drain_queue(store, settings, load_nlp, report)
        else:
            _process_batch(batch, store, settings, load_nlp, reprocess, report)
    return report


CLUSTER_CHUNK = 2000  # articles placed per load-place-save round (bounds memory on a backfill)


@dataclass
class StoryReport:
    """What one ``update_stories`` pass did."""

    placed: int = 0  # articles placed into stories
    changed: int = 0  # stories created or grown
    merged: int = 0  # stories absorbed by another
    stories: int = 0  # live stories in the store afterwards


def update_stories(store: Store, settings: Settings, model: Model | None = None) -> StoryReport:
    """Place every stored article that is in no story yet into the stored stories.

    Incremental: the document frequencies and the states of the stories the new articles may join
    (found through the stored inverted index) are loaded, the articles are placed in publication
    order, and only what changed is written back. Ids never change; a merged story's id redirects.
    A store whose story states were written in another format is re-clustered once from its
    articles. Articles go in chunks of ``CLUSTER_CHUNK``, each saved before the next is read.
    """
    from broadsheet.stories import persist

    report = StoryReport()
    with store.exclusive("stories"), older_objects_frozen():  # workers place articles one at a time
        if persist.open_index(store.story_meta(), window_days=settings.cluster_window_days) is None:
            store.replace_stories([])
        for chunk in batched(store.unclustered(), CLUSTER_CHUNK):
            _place_chunk(store, settings, chunk, report, model or cluster_model(settings))
    report.stories = store.counts()["stories"]
    return report


@contextmanager
def older_objects_frozen() -> Iterator[None]:
    """Within: the cyclic garbage collector leaves alone every object that lived before (``gc.freeze``),
    and takes them back after. Placing a chunk makes many objects (postings, states, rows); each
    full collection they set off would otherwise walk the whole heap too (the process's articles,
    a loaded model): about 5% of an ingest (stories round 50). Nothing is kept: what became
    garbage of the older objects is collected after, as before."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _place_chunk(store: Store, settings: Settings, ids: Sequence[str], report: StoryReport,
                 model: Model) -> None:
    from broadsheet.stories import Clusterer, farwords, persist, prepare

    index = persist.open_index(store.story_meta(), window_days=settings.cluster_window_days)
    assert index is not None  # a stale format was cleared by update_stories
    inputs = store.cluster_inputs(ids)
    items = [prepare(*inputs[aid]) for aid in ids if aid in inputs]
    # a long article naming a day beyond its window looks beyond it (``farwords``), within a horizon
    wanted = sorted({w for item in items for w in index.lookups(
        item.features, farwords.reach(item, index.window_days))})
    for blob in store.story_states(wanted):
        index.load(persist.decode_state(blob))
    Clusterer(index, model).add_all(items)
    saved = persist.saved(index)
    store.save_story_changes(StoryChanges(saved.stories, saved.absorbed, saved.postings, saved.meta))
    report.placed += len(items)
    report.changed += len(saved.stories)
    report.merged += len(saved.absorbed)


def cluster_model(settings: Settings) -> Model:
    """The scorer, with the join threshold of the settings when one is set (0: the learned one)."""
    from broadsheet.stories.score import DEFAULT_MODEL

    if settings.cluster_threshold > 0:
        return DEFAULT_MODEL.at_least(settings.cluster_threshold)
    return DEFAULT_MODEL


def cluster(articles: Sequence[Article], settings: Settings) -> list[Story]:
    """Group ``articles`` into stories in memory with the same incremental algorithm as
    ``update_stories`` (the ``cluster`` command)."""
    from broadsheet.stories import cluster_articles

    return cluster_articles(articles, model=cluster_model(settings),
                            window_days=settings.cluster_window_days)


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
