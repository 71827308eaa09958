"""The judge of the hand-labelled claims (``bench/claims.py``): what makes a shown claim right, and
the labels still naming sentences of the leads they judged."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from broadsheet.bench.claims import (
    ALLSIDES2_CLAIMS,
    ALLSIDES3_CLAIMS,
    ALLSIDES4_CLAIMS,
    ALLSIDES_CLAIMS,
    BASIL2_CLAIMS,
    BASIL3_CLAIMS,
    BASIL4_CLAIMS,
    BASIL5_CLAIMS,
    BASIL_CLAIMS,
    DAY_CLAIMS,
    ECBPLUS2_CLAIMS,
    ECBPLUS_CLAIMS,
    Judge,
    _named,
    fingerprint,
)
from broadsheet.bench.cluster_sets import ecbplus_topic, load_allsides, load_basil, load_ecbplus
from broadsheet.bench.realday import LABELS, day_articles
from broadsheet.model import Article, Claim
from broadsheet.stories.corroboration import lead_sentences
from broadsheet.text import split_sentences
from conftest import eval_data_dir, require

LABELLED: dict[str, Any] = {
    "opinion": ["c"],
    "not_claims": [{"page": "a", "starts": "Remember the"}],
    "claims": [
        {"story": "s", "reports": [{"page": "a", "starts": "The bridge"},
                                   {"page": "b", "starts": "Dunmore's"}],
         "independent": 1, "optional": False},
        {"story": "s", "reports": [{"page": "a", "starts": "Repairs"},
                                   {"page": "b", "starts": "Work"}],
         "independent": 2, "optional": True},
    ],
}
JUDGE = Judge(LABELLED, {"a": "Harbor Times", "b": "Valley Post", "c": "Metro Daily"})
BOTH = ("Harbor Times", "Valley Post")


def _claim(text: str, *outlets: str) -> Claim:
    return Claim(text=text, article_id="x", outlets=outlets, sources=())


def test_a_labelled_claim_is_right_with_its_outlets_and_count() -> None:
    bridge = _claim("The bridge reopened on Monday.", *BOTH)
    assert JUDGE.right("a", bridge, 1)
    assert not JUDGE.right("a", bridge, 2)  # both cite one source
    assert not JUDGE.right("a", _claim(bridge.text, "Harbor Times"), 1)  # Valley Post's is missing


def test_an_optional_claim_may_stand_alone_and_an_unlabelled_one_must() -> None:
    assert JUDGE.right("a", _claim("Repairs took two years.", "Harbor Times"), 1)
    assert JUDGE.right("a", _claim("Repairs took two years.", *BOTH), 2)
    assert JUDGE.right("b", _claim("The mayor cut the ribbon.", "Valley Post"), 1)
    assert not JUDGE.right("b", _claim("The mayor cut the ribbon.", *BOTH), 2)
    assert JUDGE.right("c", _claim("The bridge was a folly.", "Metro Daily"), 0)  # an opinion piece
    assert not JUDGE.right("c", _claim("The bridge was a folly.", "Metro Daily"), 1)


def test_a_sentence_stating_no_claim_is_never_right() -> None:
    assert not JUDGE.right("a", _claim("Remember the old bridge?", "Harbor Times"), 1)


def test_a_label_may_name_its_sentence_by_a_fingerprint() -> None:
    said = "The bridge reopened on Monday."
    labels = {**LABELLED, "claims": [{"story": "s", "reports": [
        {"page": "a", "at": 0, "sha1": fingerprint(said)}, {"page": "b", "starts": "Dunmore's"}],
        "independent": 2, "optional": False}]}
    judge = Judge(labels, {"a": "Harbor Times", "b": "Valley Post"})
    assert judge.right("a", _claim(said, *BOTH), 2)
    assert not judge.right("a", _claim("The bridge reopened on Tuesday.", *BOTH), 2)


def test_basil_articles_carry_their_outlets_names() -> None:
    """So a report crediting "The New York Times" credits the Times' own article."""
    coded = Article(id="x", source="basil", title="t", paragraphs=("p",), outlet="nyt")
    assert _named(coded).outlet == "The New York Times"


def test_a_label_is_found_only_when_shown_right() -> None:
    bridge = LABELLED["claims"][0]
    shown = [("b", _claim("Dunmore's bridge is open again.", *BOTH), 2)]
    assert not JUDGE.found(bridge, shown)
    assert JUDGE.found(bridge, [("b", shown[0][1], 1)])


def test_every_labelled_sentence_is_in_its_pages_lead() -> None:
    """The judgement quotes the leads as extraction reads them today: a change to either shows."""
    folder = require(eval_data_dir() / "extraction" / "scrapinghub" / "html", "the real day's pages")
    labels = json.loads(DAY_CLAIMS.read_text(encoding="utf-8"))
    quoted = [s for c in labels["claims"] for s in c["reports"]] + labels["not_claims"]
    stories = json.loads(LABELS.read_text(encoding="utf-8"))["stories"]
    members = {k for keys in stories.values() for k in keys}
    assert {s["page"] for s in quoted} <= members
    articles = day_articles(folder, members)
    leads = {k: [a.text[s:e] for s, e in lead_sentences(a)] for k, a in articles.items()}
    missing = [s for s in quoted if not any(t.startswith(s["starts"]) for t in leads[s["page"]])]
    assert len(missing) <= len(labels["not_claims"]), missing  # questions and lead-ins leave the lead
    assert all(s in labels["not_claims"] for s in missing), missing


def test_every_basil_label_names_a_sentence_of_its_articles_lead() -> None:
    path = require(eval_data_dir() / "clustering" / "basil" / "basil_articles.jsonl", "BASIL")
    labels = json.loads(BASIL_CLAIMS.read_text(encoding="utf-8"))
    articles = {a.id: a for a, event in zip(*load_basil(path), strict=True) if event in labels["events"]}
    assert len(articles) == 3 * len(labels["events"]) == 60
    _assert_named(labels, articles)


def test_the_second_basil_set_draws_only_events_the_first_left_and_names_lead_sentences() -> None:
    path = require(eval_data_dir() / "clustering" / "basil" / "basil_articles.jsonl", "BASIL")
    labels = json.loads(BASIL2_CLAIMS.read_text(encoding="utf-8"))
    first = json.loads(BASIL_CLAIMS.read_text(encoding="utf-8"))["events"]
    assert not set(labels["events"]) & set(first) and len(set(labels["events"])) == 20
    articles = {a.id: a for a, event in zip(*load_basil(path), strict=True) if event in labels["events"]}
    assert len(articles) == 3 * len(labels["events"]) == 60
    assert all(len({r["page"] for r in c["reports"]}) >= 2 for c in labels["claims"])
    _assert_named(labels, articles)


def _assert_a_later_basil_set(judged: Path, earlier_sets: tuple[Path, ...]) -> set[str]:
    """A later BASIL claims set: 20 events no earlier set drew, three articles each, every claim
    reported by two pages or more of its own event, each naming a lead sentence; its events."""
    path = require(eval_data_dir() / "clustering" / "basil" / "basil_articles.jsonl", "BASIL")
    labels = json.loads(judged.read_text(encoding="utf-8"))
    earlier = {e for earlier_set in earlier_sets
               for e in json.loads(earlier_set.read_text(encoding="utf-8"))["events"]}
    assert not set(labels["events"]) & earlier and len(set(labels["events"])) == 20
    event_of = {a.id: event for a, event in zip(*load_basil(path), strict=True) if event in labels["events"]}
    articles = {a.id: a for a, _ in zip(*load_basil(path), strict=True) if a.id in event_of}
    assert len(articles) == 3 * len(labels["events"]) == 60
    assert all(len({r["page"] for r in c["reports"]}) >= 2 for c in labels["claims"])
    assert all({event_of[r["page"]] for r in c["reports"]} == {c["story"]} for c in labels["claims"])
    _assert_named(labels, articles)
    return set(labels["events"])


def test_the_third_basil_set_draws_only_events_the_first_two_left_and_names_lead_sentences() -> None:
    _assert_a_later_basil_set(BASIL3_CLAIMS, (BASIL_CLAIMS, BASIL2_CLAIMS))


def test_the_fourth_basil_set_draws_only_events_no_earlier_set_drew_and_names_lead_sentences() -> None:
    _assert_a_later_basil_set(BASIL4_CLAIMS, (BASIL_CLAIMS, BASIL2_CLAIMS, BASIL3_CLAIMS))


def test_the_fifth_basil_set_holds_the_events_no_earlier_set_drew_and_names_lead_sentences() -> None:
    earlier = (BASIL_CLAIMS, BASIL2_CLAIMS, BASIL3_CLAIMS, BASIL4_CLAIMS)
    events = _assert_a_later_basil_set(BASIL5_CLAIMS, earlier)
    path = require(eval_data_dir() / "clustering" / "basil" / "basil_articles.jsonl", "BASIL")
    drawn = {e for judged in earlier for e in json.loads(judged.read_text(encoding="utf-8"))["events"]}
    assert events == set(load_basil(path)[1]) - drawn


def test_every_allsides_label_names_a_sentence_of_its_articles_lead() -> None:
    path = require(eval_data_dir() / "clustering" / "allsides-neus" / "allsides_dev.jsonl", "AllSides-NEUS")
    labels = json.loads(ALLSIDES_CLAIMS.read_text(encoding="utf-8"))
    loaded = zip(*load_allsides(path), strict=True)
    articles = {a.id: a for a, story in loaded if story in labels["events"]}
    assert len(articles) == 3 * len(labels["events"]) == 60
    assert set(labels["opinion"]) <= set(articles)
    _assert_named(labels, articles)


def test_the_second_allsides_set_draws_only_stories_the_first_left_and_names_lead_sentences() -> None:
    path = require(eval_data_dir() / "clustering" / "allsides-neus" / "allsides_dev.jsonl", "AllSides-NEUS")
    labels = json.loads(ALLSIDES2_CLAIMS.read_text(encoding="utf-8"))
    first = json.loads(ALLSIDES_CLAIMS.read_text(encoding="utf-8"))["events"]
    assert not set(labels["events"]) & set(first) and len(set(labels["events"])) == 20
    story_of = {a.id: story for a, story in zip(*load_allsides(path), strict=True)
                if story in labels["events"]}
    articles = {a.id: a for a, _ in zip(*load_allsides(path), strict=True) if a.id in story_of}
    assert len(articles) == 3 * len(labels["events"]) == 60
    assert not any(story.startswith("test") for story in labels["events"])  # never the test split
    assert set(labels["opinion"]) <= set(articles)
    assert all(len({r["page"] for r in c["reports"]}) >= 2 for c in labels["claims"])
    assert all({story_of[r["page"]] for r in c["reports"]} == {c["story"]} for c in labels["claims"])
    _assert_named(labels, articles)


@pytest.mark.parametrize(("judged", "earlier", "stories"), [
    (ALLSIDES3_CLAIMS, (ALLSIDES_CLAIMS, ALLSIDES2_CLAIMS), 33),
    (ALLSIDES4_CLAIMS, (ALLSIDES_CLAIMS, ALLSIDES2_CLAIMS, ALLSIDES3_CLAIMS), 31),
])
def test_a_later_allsides_set_draws_only_stories_no_earlier_draw_drew_and_names_lead_sentences(
        judged: Path, earlier: tuple[Path, ...], stories: int) -> None:
    path = require(eval_data_dir() / "clustering" / "allsides-neus" / "allsides_dev.jsonl", "AllSides-NEUS")
    labels = json.loads(judged.read_text(encoding="utf-8"))
    drawn = {e for done in earlier for e in json.loads(done.read_text(encoding="utf-8"))["events"]}
    assert not set(labels["events"]) & drawn and len(set(labels["events"])) == stories
    story_of = {a.id: story for a, story in zip(*load_allsides(path), strict=True)
                if story in labels["events"]}
    articles = {a.id: a for a, _ in zip(*load_allsides(path), strict=True) if a.id in story_of}
    assert len(articles) == 3 * len(labels["events"])
    assert not any(story.startswith("test") for story in labels["events"])  # never the test split
    assert set(labels["opinion"]) <= set(articles)
    assert len(labels["claims"]) >= 50
    assert all(len({r["page"] for r in c["reports"]}) >= 2 for c in labels["claims"])
    assert all({story_of[r["page"]] for r in c["reports"]} == {c["story"]} for c in labels["claims"])
    _assert_named(labels, articles)


def test_every_ecbplus_label_names_a_sentence_of_its_articles_lead() -> None:
    path = require(eval_data_dir() / "clustering" / "ecbplus" / "ecbplus_docs.jsonl", "ECB+")
    labels = json.loads(ECBPLUS_CLAIMS.read_text(encoding="utf-8"))
    assert not any(int(ecbplus_topic(e)) > 35 for e in labels["events"])  # never the test topics
    loaded = zip(*load_ecbplus(path), strict=True)
    articles = {a.id: a for a, event in loaded if event in labels["events"] and a.id in labels["pages"]}
    assert len(articles) == 3 * len(labels["events"]) == 60
    assert set(labels["opinion"]) <= set(articles)
    _assert_named(labels, articles)


def test_the_second_ecbplus_set_draws_only_topics_the_first_left_and_names_lead_sentences() -> None:
    path = require(eval_data_dir() / "clustering" / "ecbplus" / "ecbplus_docs.jsonl", "ECB+")
    labels = json.loads(ECBPLUS2_CLAIMS.read_text(encoding="utf-8"))
    first = json.loads(ECBPLUS_CLAIMS.read_text(encoding="utf-8"))["events"]
    topics = {ecbplus_topic(e) for e in labels["events"]}
    assert not topics & {ecbplus_topic(e) for e in first} and len(set(labels["events"])) == 20
    assert all(int(topic) <= 35 for topic in topics)  # never the test topics
    drawn = [(a, event) for a, event in zip(*load_ecbplus(path), strict=True) if a.id in labels["pages"]]
    event_of = {a.id: event for a, event in drawn}
    assert len(event_of) == 3 * len(labels["events"]) == 60
    assert set(event_of.values()) == set(labels["events"])
    articles = {a.id: a for a, _ in drawn}
    assert set(labels["opinion"]) <= set(articles)
    assert all(len({r["page"] for r in c["reports"]}) >= 2 for c in labels["claims"])
    assert all({event_of[r["page"]] for r in c["reports"]} == {c["story"]} for c in labels["claims"])
    _assert_named(labels, articles)


def _assert_named(labels: dict[str, Any], articles: dict[str, Article]) -> None:
    """Every sentence a label names (by offset and hash) is a lead sentence of its article; a
    sentence judged to state no claim may since have left the lead (a rule that reads it so too:
    ecbplus-2's teaser cut off by an ellipsis), but is still a sentence of its article."""
    for ref in [s for c in labels["claims"] for s in c["reports"]]:
        _assert_at(ref, lead_sentences(articles[ref["page"]]), articles)
    for ref in labels["not_claims"]:
        _assert_at(ref, split_sentences(articles[ref["page"]].text), articles)


def _assert_at(ref: dict[str, Any], spans: list[tuple[int, int]], articles: dict[str, Article]) -> None:
    text = articles[ref["page"]].text
    sentence = next(text[a:b] for a, b in spans if a == ref["at"])
    assert fingerprint(sentence) == ref["sha1"], ref
