"""Model values survive a JSON round trip through codec (the store and the JSON outputs rely on it)."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from broadsheet.codec import from_dict, to_dict
from broadsheet.model import (
    Analysis,
    Article,
    Attribution,
    DateMention,
    Edition,
    EditionStory,
    Entity,
    Quote,
    RelatedItem,
    Story,
    SummarySentence,
    Voice,
)

text = st.text(max_size=20)
maybe = st.none() | text
span = st.none() | st.tuples(st.integers(0, 99), st.integers(0, 99))
articles = st.builds(Article, id=text, source=text, title=text,
                     paragraphs=st.lists(text, max_size=3).map(tuple),
                     authors=st.lists(text, max_size=2).map(tuple), published=maybe, outlet=maybe,
                     is_article=st.booleans(),
                     related=st.lists(st.builds(RelatedItem, text, maybe, maybe), max_size=2).map(tuple))
attributions = st.builds(Attribution, speaker=text, cue=text, content=text,
                         kind=st.sampled_from(["direct", "indirect", "mixed"]), role=maybe, via=maybe,
                         speaker_span=span, cue_span=span, content_span=span)
analyses = st.builds(Analysis, article=articles,
                     entities=st.lists(st.builds(Entity, text, text, text,
                                                 st.tuples(st.integers(0, 9), st.integers(0, 9))),
                                       max_size=2).map(tuple),
                     attributions=st.lists(attributions, max_size=2).map(tuple),
                     dates=st.lists(st.builds(DateMention, text, maybe, span.filter(bool)),
                                    max_size=2).map(tuple))


@given(analyses)
def test_analysis_round_trip_through_json(value: Analysis) -> None:
    assert from_dict(Analysis, json.loads(json.dumps(to_dict(value)))) == value


def test_edition_and_story_round_trip() -> None:
    quote = Quote("We will.", "direct", "said", "a1", "Outlet", "https://o/1")
    voice = Voice("Ann Lee", (quote,), role="mayor")
    summary = (SummarySentence("One.", "a1", "A"),)
    story = EditionStory("s1", "Title", 1, ("A", "B"), summary, (voice,), ("a1",))
    edition = Edition("e1", "broadsheet", "2024-01-01T00:00:00+00:00", (story,))
    assert from_dict(Edition, json.loads(json.dumps(to_dict(edition)))) == edition
    clustered = Story("s1", "T", ("a", "b"), ("A",), (("b", "a"),), "2020-01-01", None)
    assert from_dict(Story, to_dict(clustered)) == clustered
