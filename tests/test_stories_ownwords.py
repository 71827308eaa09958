"""The own-words veto (stories round 57): two large caseless stories are not joined when either
says what the other never does."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import pytest

from broadsheet.model import Article
from broadsheet.stories import StoryIndex, cluster_articles, ownwords, prepare
from broadsheet.stories.engine import Clusterer, story_id
from broadsheet.stories.index import StoryState
from broadsheet.stories.persist import decode_state, encode_state
from test_stories import art, groups
from test_stories_neighbours import stripped

KANYE = [art(f"k{n}", "", f"kanye west kim kardashian {w} news") for n, w in
         enumerate(("wedding", "baby", "tour", "interview", "engagement", "photos"))]
# a sibling topic: the same names, and words of its own ("bound", "spoof") the other never says
BOUND = [art(f"v{n}", "", f"kanye west kim kardashian bound video spoof {w}") for n, w in
         enumerate(("rogen", "franco", "parody", "motorcycle", "clip", "music"))]
# a piece of the first topic: its words are the topic's, some of them shared with every member
PIECE = [art(f"p{n}", "", f"kanye west kim kardashian {w} {x} news") for n, (w, x) in
         enumerate((("wedding", "tour"), ("baby", "photos"), ("interview", "engagement"),
                    ("tour", "baby"), ("photos", "wedding"), ("engagement", "interview")))]


def laid_out(articles: Sequence[Article], stories: Sequence[Sequence[str]]) -> StoryIndex:
    """Every article a story of its own, then each group of ``stories`` merged into its first."""
    index = StoryIndex(window_days=14)
    engine = Clusterer(index, lone_neighbours=None)
    for item in (prepare(a) for a in articles):
        index.idf.add(item.features.terms)
        engine._start(item, indexed=True)
    for group in stories:
        for other in group[1:]:
            index.merge(index.stories[story_id(group[0])], index.stories[story_id(other)])
    return index


def two(articles: Sequence[Article], one: Sequence[Article], other: Sequence[Article]
        ) -> tuple[StoryState, StoryState]:
    index = laid_out(articles, [[a.id for a in one], [a.id for a in other]])
    return (index.stories[index.where[one[0].id]], index.stories[index.where[other[0].id]])


def caseless(articles: Sequence[Article]) -> list[Article]:
    return [stripped(a, None) for a in articles]


def test_a_sibling_topic_with_words_of_its_own_is_refused() -> None:
    kanye, bound = caseless(KANYE), caseless(BOUND)
    one, other = two(kanye + bound, kanye, bound)
    assert ownwords.has_own_word(other, one)  # "bound", "video", "spoof"
    assert ownwords.refuses(one, other, least=3)
    assert ownwords.refuses(other, one, least=3)


def test_two_pieces_of_one_topic_are_joined() -> None:
    kanye, piece = caseless(KANYE), caseless(PIECE)
    one, other = two(kanye + piece, kanye, piece)
    assert not ownwords.refuses(one, other, least=3)


def test_small_cased_or_dated_stories_are_not_asked() -> None:
    kanye, bound = caseless(KANYE), caseless(BOUND)
    assert not ownwords.refuses(*two(kanye + bound, kanye, bound), least=7)
    assert not ownwords.refuses(*two(kanye + bound, kanye, bound), least=0)
    cased = [dataclasses.replace(a, paragraphs=("Kanye " + a.text,)) for a in bound]
    assert not ownwords.refuses(*two(kanye + cased, kanye, cased), least=3)
    dated = [stripped(a, "2021-08-10") for a in BOUND]
    assert not ownwords.refuses(*two(kanye + dated, kanye, dated), least=3)


def test_a_stored_story_keeps_its_members_caseless() -> None:
    kanye, bound = caseless(KANYE), caseless(BOUND)
    one, other = two(kanye + bound, kanye, bound)
    again: StoryState = decode_state(encode_state(other))
    assert all(m.caseless for m in again.members)
    assert ownwords.refuses(one, again, least=3)
    titled = [dataclasses.replace(a, paragraphs=(a.text.title(),)) for a in KANYE + BOUND]
    cased = two(titled, titled[:6], titled[6:])[0]
    assert not any(m.caseless for m in decode_state(encode_state(cased)).members)


def test_the_linkage_and_the_merge_pass_ask_the_veto(monkeypatch: pytest.MonkeyPatch) -> None:
    batch = caseless(PIECE + KANYE)
    joined = groups(cluster_articles(batch, own_words=0))
    assert max(len(g) for g in joined) > 1
    monkeypatch.setattr(ownwords, "refuses", lambda one, other, least=3: True)
    assert all(len(g) == 1 for g in groups(cluster_articles(batch)))
    assert ownwords.LEAST > 0  # shipped on
