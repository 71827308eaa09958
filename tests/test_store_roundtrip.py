"""Hypothesis round trips: whatever is put comes back equal, and putting it again changes nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from broadsheet.identity import content_hash
from broadsheet.model import (
    Analysis,
    Article,
    Attribution,
    DateMention,
    Edition,
    EditionStory,
    Entity,
    Page,
    Quote,
    RelatedItem,
    Story,
    SummarySentence,
    Voice,
)
from broadsheet.store import Store

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])

# Any Unicode SQLite can hold (no lone surrogates), NUL and quotes included.
text = st.text(st.characters(codec="utf-8"), max_size=30)
some_text = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30)
maybe = st.none() | text
offset = st.integers(min_value=0, max_value=1_000_000)
span = st.tuples(offset, offset)
kinds = st.sampled_from(["direct", "indirect", "mixed"])

articles = st.builds(
    Article, id=some_text, source=text, title=text,
    paragraphs=st.lists(text, max_size=4).map(tuple), url=maybe,
    authors=st.lists(text, max_size=3).map(tuple), published=maybe, outlet=maybe,
    section=maybe, language=maybe, is_article=st.booleans(),
    related=st.lists(st.builds(RelatedItem, title=text, label=maybe, summary=maybe),
                     max_size=3).map(tuple),
)
entities = st.builds(Entity, text=text, label=text, canonical=text, span=span)
attributions = st.builds(
    Attribution, speaker=text, cue=text, content=text, kind=kinds, role=maybe,
    organisation=maybe, via=maybe, when=maybe, speaker_span=st.none() | span,
    cue_span=st.none() | span, content_span=st.none() | span,
)
dates = st.builds(DateMention, text=text, value=maybe, span=span)
analyses = st.builds(
    Analysis, article=articles, entities=st.lists(entities, max_size=4).map(tuple),
    attributions=st.lists(attributions, max_size=4).map(tuple),
    dates=st.lists(dates, max_size=3).map(tuple),
)


@st.composite
def story_lists(draw: st.DrawFn) -> list[Story]:
    """Stories over disjoint article ids, each duplicate pair naming a member, in member order."""
    ids = draw(st.lists(some_text, unique=True, max_size=4))
    result = []
    for n, story_id in enumerate(ids):
        members = tuple(f"{n}:{m}" for m in draw(st.lists(some_text, unique=True, max_size=4)))
        marked = [m for m in members if draw(st.booleans())]
        duplicates = tuple((m, draw(st.sampled_from(members))) for m in marked)
        result.append(Story(
            id=story_id, title=draw(text), article_ids=members,
            outlets=tuple(draw(st.lists(text, max_size=3))), duplicates=duplicates,
            first_published=draw(maybe), last_published=draw(maybe),
        ))
    return result


quotes = st.builds(Quote, content=text, kind=kinds, cue=text, article_id=text, outlet=maybe,
                   url=maybe, via=maybe)
editions = st.builds(
    Edition, id=some_text, title=text, created=text,
    stories=st.lists(st.builds(
        EditionStory, story_id=text, title=text, rank=st.integers(0, 100),
        outlets=st.lists(text, max_size=2).map(tuple),
        summary=st.lists(st.builds(SummarySentence, text=text, article_id=text, outlet=maybe,
                                   url=maybe), max_size=2).map(tuple),
        voices=st.lists(st.builds(Voice, speaker=text, quotes=st.lists(quotes, max_size=2)
                                  .map(tuple), role=maybe, organisation=maybe), max_size=2).map(tuple),
        article_ids=st.lists(text, max_size=2).map(tuple), published=maybe,
    ), max_size=2).map(tuple),
)


@pytest.fixture
def store(db_target: str) -> Iterator[Store]:
    with Store.open(db_target) as opened:
        yield opened


def storable(store: Store, *values: object) -> None:
    """PostgreSQL text cannot hold NUL (its store drops the character): such examples are for
    SQLite only."""
    assume(not store.path.startswith("postgresql://") or "\\x00" not in repr(values))


def versioned(analysis: Analysis, version: int) -> Analysis:
    """``analysis`` with the version the store gave its article."""
    return replace(analysis, article=replace(analysis.article, version=version))


def snapshot(store: Store) -> tuple[dict[str, int], list[dict[str, object]]]:
    return store.counts(), list(store.export_rows("articles"))


@SETTINGS
@given(article=articles)
def test_article_round_trip_and_idempotent_reput(store: Store, article: Article) -> None:
    storable(store, article)
    version = store.put_article(article)  # the store counts versions (the id may repeat across examples)
    assert store.get_article(article.id) == replace(article, version=version)
    before = snapshot(store)
    assert store.put_article(article) == version
    assert snapshot(store) == before


@SETTINGS
@given(analysis=analyses)
def test_analysis_round_trip_and_idempotent_reput(store: Store, analysis: Analysis) -> None:
    storable(store, analysis)
    stored = versioned(analysis, store.put_analysis(analysis))
    assert store.get_analysis(analysis.article.id) == stored
    before = store.counts(), list(store.export_rows("attributions"))
    store.put_analysis(analysis)
    assert (store.counts(), list(store.export_rows("attributions"))) == before
    assert store.get_analysis(analysis.article.id) == stored


@SETTINGS
@given(first=analyses, second=analyses)
def test_put_analysis_replaces_the_previous_one(
    store: Store, first: Analysis, second: Analysis
) -> None:
    storable(store, first, second)
    second = Analysis(first.article, second.entities, second.attributions, second.dates)
    store.put_analysis(first)
    version = store.put_analysis(second)
    assert store.get_analysis(first.article.id) == versioned(second, version)


@SETTINGS
@given(stories=story_lists())
def test_stories_round_trip(store: Store, stories: list[Story]) -> None:
    storable(store, stories)
    with store.transaction():
        for story in stories:
            for member in story.article_ids:
                store.put_article(Article(id=member, source="s", title="t", paragraphs=()))
        store.replace_stories(stories)
    assert store.stories() == stories
    store.replace_stories(stories)
    assert store.stories() == stories


@SETTINGS
@given(edition=editions)
def test_edition_round_trip_and_idempotent_reput(store: Store, edition: Edition) -> None:
    store.put_edition(edition)
    store.put_edition(edition)
    assert store.get_edition(edition.id) == edition
    assert store.editions().count(edition) == 1


@SETTINGS
@given(content=text, other=text)
def test_put_page_says_whether_the_content_is_new(store: Store, content: str, other: str) -> None:
    storable(store, content, other)
    page = Page(id="p:" + content, source="s", kind="text", content=content)
    store.put_page(page)  # the same id may exist from an earlier example
    assert store.put_page(page) is False
    changed = Page(id=page.id, source="s", kind="text", content=other)
    assert store.put_page(changed) is (content_hash(other) != content_hash(content))
    assert store.page_hash(page.id) == content_hash(other)


def test_pages_keep_their_content_for_re_extraction(tmp_path: Path) -> None:
    page = Page(id="p1", source="a.html", kind="html", content="<p>caf\u00e9 \u2014 \U0001f600</p>" * 50,
                url="https://example.com/a", title="T", outlet="O", published="2024-01-02")
    with Store.open(tmp_path / "s.db") as store:
        store.put_page(page)
        assert store.get_page("p1") == page and list(store.pages()) == [page]
        assert store.get_page("missing") is None
