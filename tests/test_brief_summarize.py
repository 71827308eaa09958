"""Extractive summaries: verbatim, cited, central, diverse across outlets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from broadsheet.brief.summarize import summarize_story
from broadsheet.model import Analysis, Story
from broadsheet.text import quoted_fraction, split_sentences
from test_brief_data import corpus, japan_story, kim_analyses, kim_story, make_article


def _texts(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_every_summary_sentence_is_verbatim_and_cited() -> None:
    stories, analyses = corpus()
    for story in stories:
        summary = summarize_story(story, analyses)
        assert summary, story.id
        for sentence in summary:
            article = analyses[sentence.article_id].article
            assert sentence.article_id in story.article_ids
            assert sentence.text in article.text
            assert sentence.outlet == article.outlet
            assert sentence.url == article.url


def test_summary_draws_on_several_outlets_and_skips_near_duplicates() -> None:
    summary = summarize_story(kim_story(), kim_analyses(), sentences=3)
    assert len(summary) == 3
    assert len({s.outlet for s in summary}) >= 2
    assert "k-abc" not in {s.article_id for s in summary}  # ABC only re-prints the AP copy
    assert len({s.text for s in summary}) == 3


def test_summary_is_about_the_story_not_a_quote_or_an_aside() -> None:
    summary = summarize_story(kim_story(), kim_analyses(), sentences=2)
    chosen = " ".join(s.text for s in summary)
    assert "Kim" in chosen and "Putin" in chosen
    assert all(quoted_fraction(s.text) < 0.5 for s in summary)


def test_redundant_sentences_are_not_repeated() -> None:
    lead = "The central bank raised interest rates by half a point on Wednesday to fight inflation."
    analyses = {
        "a": Analysis(make_article("a", "Outlet A", "t", [lead, "Markets fell sharply after the "
                                                          "announcement in early trading."])),
        "b": Analysis(make_article("b", "Outlet B", "t", [
            "On Wednesday the central bank raised interest rates by half a point to fight "
            "inflation.", "Economists had expected a smaller rise of a quarter point."])),
    }
    story = Story(id="s", title="t", article_ids=("a", "b"))
    summary = summarize_story(story, analyses, sentences=3)
    rate_sentences = [s for s in summary if "raised interest rates" in s.text]
    assert len(rate_sentences) == 1


def test_sentence_count_is_respected_and_zero_gives_nothing() -> None:
    _, analyses = corpus()
    assert len(summarize_story(kim_story(), analyses, sentences=1)) == 1
    assert summarize_story(kim_story(), analyses, sentences=0) == ()
    assert summarize_story(japan_story(), analyses, sentences=10)  # fewer than asked is fine


def test_story_without_known_articles_has_empty_summary() -> None:
    story = Story(id="s", title="t", article_ids=("missing",))
    assert summarize_story(story, {}) == ()


def test_summary_is_deterministic() -> None:
    stories, analyses = corpus()
    for story in stories:
        assert summarize_story(story, analyses) == summarize_story(story, dict(analyses))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. Army said so. Then it left.", ["The U.S. Army said so.", "Then it left."]),
        ("Mr. Hall spoke on Sept. 10 in Vladivostok. Nobody replied.",
         ["Mr. Hall spoke on Sept. 10 in Vladivostok.", "Nobody replied."]),
        ("John F. Kennedy was there. \u201cWhy?\u201d she asked. It ended.",
         ["John F. Kennedy was there.", "\u201cWhy?\u201d she asked.", "It ended."]),
        ("\u201cWe are ready.\u201d The talks begin today.",
         ["\u201cWe are ready.\u201d", "The talks begin today."]),
        ("First line without stop\nSecond line.", ["First line without stop", "Second line."]),
        ("Shares rose 2.5 percent. Oil fell.", ["Shares rose 2.5 percent.", "Oil fell."]),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _texts(text) == expected


@given(st.text(alphabet=st.sampled_from(list("ab .?!\u201c\u201d\"\nUS.Mr")), max_size=80))
def test_split_sentences_spans_are_ordered_nonempty_slices(text: str) -> None:
    spans = split_sentences(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        previous_end = end
    covered = "".join(text[a:b] for a, b in spans)
    assert covered.replace(" ", "") == "".join(text.split()).replace(" ", "")


def test_quoted_fraction() -> None:
    assert quoted_fraction("\u201cAll of this is a quote.\u201d") == 1.0
    assert quoted_fraction("No quote here.") == 0.0


def test_a_second_outlet_is_preferred_to_more_of_the_same_outlet() -> None:
    # Outlet A (two articles) has the most central sentences; Outlet B a relevant one.
    articles = [
        make_article("a", "Outlet A", "t", [
            "Floods in the northern province forced thousands of families from their homes on "
            "Sunday.",
            "Rescue teams used boats to reach thousands of families trapped by floods in the "
            "northern province.",
        ]),
        make_article("b", "Outlet B", "t", [
            "Weather forecasters expect more rain later this week across the region.",
            "Floods hit the province after days of heavy rain.",
        ]),
        make_article("c", "Outlet A", "t", [
            "Thousands of families in the northern province fled floods that swept through "
            "their homes.",
        ]),
    ]
    analyses = {a.id: Analysis(a) for a in articles}
    story = Story(id="s", title="t", article_ids=("a", "b", "c"))
    summary = summarize_story(story, analyses, sentences=2)
    assert {s.outlet for s in summary} == {"Outlet A", "Outlet B"}
    assert summary[1].outlet == "Outlet B"  # what the second outlet adds, not more of the first


def test_a_sentence_cut_from_inside_a_quotation_is_never_chosen() -> None:
    from broadsheet.brief.summarize import balanced_quotes

    assert balanced_quotes('He said "yes" today.') and balanced_quotes("“All of it,” she said.")
    assert not balanced_quotes("“Attorney General Barr — release the Mueller report to the public.")
    assert not balanced_quotes('Let the people see it," he tweeted.')


def test_the_lead_restates_a_headline_rather_than_a_hook_or_a_background_line() -> None:
    hook = "NFL assaults have led to lawsuits before."
    lede = ("The Steelers spent Monday trying to distance themselves from Thursday night's fight "
            "that led to suspensions for Myles Garrett.")
    background = "The most recent Star Trek film was the 2016 Star Trek Beyond."
    news = ("After a three-year silence, Noah Hawley, creator of Fargo and Legion, is in final "
            "talks to direct the fourth Star Trek film.")
    analyses = {
        "wsj": Analysis(make_article("wsj", "WSJ", "Is Football Violence a Crime?", [
            hook, "Prosecutors would have difficulty proving a charge in court."])),
        "cbs": Analysis(make_article("cbs", "CBS", "Browns player on Rudolph's role in fight with Garrett",
                                     ["Garrett had said", lede])),
        "verge": Analysis(make_article("verge", "The Verge", "Star Trek 4 eyes Noah Hawley to direct",
                                       [news, background])),
    }
    fight = summarize_story(Story(id="f", title="t", article_ids=("wsj", "cbs")), analyses)
    film = summarize_story(Story(id="s", title="t", article_ids=("verge",)), analyses)
    assert fight[0].text == lede
    assert film[0].text == news


def test_headline_coverage_counts_each_headline_word_once_a_headline() -> None:
    from broadsheet.brief.summarize import headline_coverage, headline_terms
    terms = headline_terms([make_article("a", "A", "Senator resigns over scandal", ["x"]),
                            make_article("b", "B", "Senator resigning", ["x"])])
    assert terms["senato"] == 2 and terms["resign"] == 2
    assert headline_coverage("The senator is resigning.", terms) == pytest.approx(4 / 5)
    assert headline_coverage("Markets fell.", terms) == 0.0


def test_an_addition_does_not_paraphrase_the_lead_nor_lean_back() -> None:
    lede = "The city council approved the new stadium plan on Tuesday by a vote of seven to two."
    paraphrase = ("On Tuesday the council approved the stadium plan, voting seven to two for the "
                  "new arena downtown.")
    leaning = "In a statement after the vote, she called the decision a betrayal of taxpayers."
    fact = "Construction is due to begin next spring and will cost about 400 million dollars."
    analyses = {
        "a": Analysis(make_article("a", "Outlet A", "Council approves stadium plan", [lede, fact])),
        "b": Analysis(make_article("b", "Outlet B", "Stadium plan approved", [paraphrase, leaning])),
    }
    summary = summarize_story(Story(id="s", title="t", article_ids=("a", "b")), analyses)
    texts = [s.text for s in summary]
    assert texts[0] in (lede, paraphrase)
    assert fact in texts
    assert leaning not in texts
    assert not {lede, paraphrase} <= set(texts)
