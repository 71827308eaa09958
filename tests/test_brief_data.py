"""Realistic story fixtures shared by the brief and render tests (imported as ``test_brief_data``).

The texts are written for these tests (no third-party copy): one story covered by five outlets,
two of them carrying the same agency copy (a near-duplicate pair), with attributions of every kind
(direct, indirect, a surname-only second reference, a pronoun speaker, a quote carried by another
outlet); a second story from two outlets; a third from one outlet. Attribution spans are computed
from the text, so they always point at their words.
"""

from __future__ import annotations

from broadsheet.model import Analysis, Article, Attribution, AttributionKind, Story

KIM = "s-kim-putin"
JAPAN = "s-japan-pm"
COUNCIL = "s-council-budget"


def make_article(
    aid: str, outlet: str | None, title: str, paragraphs: list[str], *,
    url: str | None = None, published: str | None = None,
) -> Article:
    """An Article with the fields the brief and render stages read."""
    return Article(
        id=aid, source=f"{aid}.txt", title=title, paragraphs=tuple(paragraphs), url=url,
        published=published, outlet=outlet,
    )


def said(
    article: Article, speaker: str, content: str, *, cue: str = "said",
    kind: AttributionKind = "direct", role: str | None = None, organisation: str | None = None,
    via: str | None = None,
) -> Attribution:
    """An Attribution whose spans are found in ``article.text`` (the words must be there); its
    canonical key is the speaker's name key, as analysis gives a person or organisation (none for a
    pronoun)."""
    from broadsheet.brief.speakernames import clean_speaker, is_pronoun
    from broadsheet.text import name_key

    text = article.text
    name = clean_speaker(speaker)[0]
    start = text.index(content)
    who = text.find(speaker)
    return Attribution(
        speaker=speaker, cue=cue, content=content, kind=kind, role=role,
        organisation=organisation, via=via, canonical=None if is_pronoun(name) else name_key(name),
        content_span=(start, start + len(content)),
        speaker_span=(who, who + len(speaker)) if who >= 0 else None,
    )


WIRE = [
    "North Korean leader Kim Jong Un plans to meet Russian President Vladimir Putin in "
    "Vladivostok this month to discuss arms sales, U.S. officials said Tuesday.",
    "White House national security spokesperson John Kirby said North Korea had already "
    "delivered infantry rockets and missiles to the Wagner mercenary group late last year.",
    "\u201cWe urge the DPRK to abide by the public commitments that Pyongyang has made to not "
    "provide or sell arms to Russia,\u201d Watson said.",
    "He said the talks could also cover satellite and submarine technology.",
]


def wire_attributions(copy: Article) -> tuple[Attribution, ...]:
    """The attributions of the agency copy: the same words give the same attributions."""
    return (
        said(copy, "John Kirby", "North Korea had already delivered infantry rockets and missiles "
             "to the Wagner mercenary group late last year", kind="indirect",
             role="White House national security spokesperson"),
        said(copy, "Watson", "We urge the DPRK to abide by the public commitments that Pyongyang "
             "has made to not provide or sell arms to Russia"),
        said(copy, "He", "the talks could also cover satellite and submarine technology",
             kind="indirect"),
    )


def kim_analyses() -> dict[str, Analysis]:
    """Five articles on one story; ``k-abc`` re-prints the agency copy of ``k-ap``."""
    week = make_article("k-week", "The Week", "Kim to visit Putin to discuss arms sales, U.S. says", [
        "North Korean leader Kim Jong Un is preparing to travel to Russia this month to meet "
        "President Vladimir Putin and discuss supplying artillery shells for the war in Ukraine, "
        "The New York Times reported Monday, citing U.S. and allied officials.",
        "The two leaders are expected to meet in Vladivostok during the Eastern Economic Forum, "
        "which runs Sept. 10 to 14. Mr. Putin has hosted the forum every year since 2015.",
        "Asking North Korea for weapons \u201chas to be horrifically embarrassing for the "
        "Kremlin,\u201d said CNN national security analyst Steve Hall, a former CIA chief of "
        "Russia operations.",
        "Arms talks have been \u201cactively advancing\u201d since July, National Security "
        "Council spokesperson Adrienne Watson said Monday evening.",
    ], url="https://theweek.com/north-korea/kim-putin-visit", published="2023-09-05T09:00:00+00:00")
    bbc = make_article("k-bbc", "BBC News", "Kim Jong Un expected to meet Putin in Russia", [
        "Kim Jong Un is expected to meet Vladimir Putin in Russia's far east, according to U.S. "
        "officials who say the talks will focus on weapons for Moscow's war in Ukraine.",
        "The publicity is a \u201cstrong reason why the visit is now unlikely to take place,\u201d "
        "said John Everard, a former British ambassador to Pyongyang.",
        "\u201cKim Jong Un is completely paranoid about his personal security,\u201d Mr Everard "
        "said.",
        "The Kremlin declined to confirm the trip. Spokesman Dmitry Peskov said there was "
        "\u201cnothing to say\u201d on the matter.",
    ], url="https://www.bbc.co.uk/news/world-asia-kim-putin", published="2023-09-05T11:30:00Z")
    ap = make_article("k-ap", "Associated Press", "Kim plans Russia trip for arms talks", WIRE,
                      url="https://apnews.com/article/kim-putin-arms",
                      published="2023-09-05T14:00:00+00:00")
    abc = make_article("k-abc", "ABC News", "Kim plans Russia trip for arms talks: officials", WIRE,
                       url="https://abcnews.go.com/International/wireStory/kim-putin",
                       published="2023-09-05T14:20:00+00:00")
    guardian = make_article("k-guardian", "The Guardian", "Russia and North Korea deepen ties", [
        "Russia and North Korea are deepening military ties as Moscow searches for ammunition to "
        "sustain its invasion of Ukraine, analysts say.",
        "Hall said on CNN that the approach to Pyongyang showed how depleted Russian stocks had "
        "become after eighteen months of fighting.",
        "Officials in Seoul said they were monitoring the situation closely.",
    ], url="https://www.theguardian.com/world/russia-north-korea-ties",
        published="2023-09-05T16:00:00+01:00")
    return {
        "k-week": Analysis(week, attributions=(
            said(week, "The New York Times", "North Korean leader Kim Jong Un is preparing to "
                 "travel to Russia this month", cue="reported", kind="indirect"),
            said(week, "Steve Hall", "has to be horrifically embarrassing for the Kremlin",
                 role="CNN national security analyst", organisation="CNN"),
            said(week, "Adrienne Watson", "actively advancing", kind="mixed",
                 role="National Security Council spokesperson",
                 organisation="National Security Council"),
        )),
        "k-bbc": Analysis(bbc, attributions=(
            said(bbc, "John Everard", "strong reason why the visit is now unlikely to take place",
                 role="former British ambassador to Pyongyang"),
            said(bbc, "Mr Everard", "Kim Jong Un is completely paranoid about his personal "
                 "security"),
            said(bbc, "Spokesman Dmitry Peskov", "there was \u201cnothing to say\u201d on the "
                 "matter", kind="mixed", organisation="Kremlin"),
        )),
        "k-ap": Analysis(ap, attributions=wire_attributions(ap)),
        "k-abc": Analysis(abc, attributions=wire_attributions(abc)),
        "k-guardian": Analysis(guardian, attributions=(
            said(guardian, "Hall", "the approach to Pyongyang showed how depleted Russian stocks "
                 "had become after eighteen months of fighting", kind="indirect", via="CNN"),
            said(guardian, "Officials in Seoul", "they were monitoring the situation closely",
                 kind="indirect"),
        )),
    }


def kim_story() -> Story:
    """The Kim-Putin story: five articles, five outlet names, four independent outlets."""
    return Story(
        id=KIM, title="Kim Jong Un to visit Putin to discuss arms sales",
        article_ids=("k-week", "k-bbc", "k-ap", "k-abc", "k-guardian"),
        outlets=("The Week", "BBC News", "Associated Press", "ABC News", "The Guardian"),
        duplicates=(("k-abc", "k-ap"),),
        first_published="2023-09-05T09:00:00+00:00", last_published="2023-09-05T16:00:00+01:00",
    )


def japan_analyses() -> dict[str, Analysis]:
    """Two outlets on one story, one without a url."""
    reuters = make_article("j-reuters", "Reuters", "Japan's ruling party picks Takaichi as leader", [
        "Japan's ruling Liberal Democratic Party elected former economic security minister Sanae "
        "Takaichi as its leader on Saturday, putting her on course to become the country's first "
        "female prime minister.",
        "\u201cI will work hard to rebuild trust in the party,\u201d Takaichi told reporters.",
    ], url="https://www.reuters.com/world/japan/takaichi", published="2025-10-04T08:00:00+00:00")
    nhk = make_article("j-nhk", "NHK", "LDP elects Takaichi", [
        "Sanae Takaichi won the Liberal Democratic Party leadership vote in a runoff against "
        "agriculture minister Shinjiro Koizumi.",
        "Parliament is expected to confirm her as prime minister later this month.",
    ], published="2025-10-04T09:00:00+09:00")
    return {
        "j-reuters": Analysis(reuters, attributions=(
            said(reuters, "Takaichi", "I will work hard to rebuild trust in the party",
                 cue="told", via="reporters"),
        )),
        "j-nhk": Analysis(nhk),
    }


def japan_story() -> Story:
    """The Japan story: two independent outlets."""
    return Story(
        id=JAPAN, title="Japan's ruling party elects Sanae Takaichi",
        article_ids=("j-reuters", "j-nhk"), outlets=("Reuters", "NHK"),
        first_published="2025-10-04T00:00:00+00:00", last_published="2025-10-04T08:00:00+00:00",
    )


def council_analyses() -> dict[str, Analysis]:
    """One local outlet, no attributions."""
    post = make_article("c-post", "Springfield Post", "Council approves budget", [
        "The city council approved a $40 million budget on Thursday after a three-hour debate "
        "over library funding and road repairs.",
    ], url="https://springfieldpost.example/council-budget", published="2025-10-03")
    return {"c-post": Analysis(post)}


def council_story() -> Story:
    """A one-outlet story."""
    return Story(id=COUNCIL, title="Council approves budget", article_ids=("c-post",),
                 outlets=("Springfield Post",), last_published="2025-10-03")


def corpus() -> tuple[list[Story], dict[str, Analysis]]:
    """The three stories (in no particular order) and the analyses of all their articles."""
    analyses = {**council_analyses(), **kim_analyses(), **japan_analyses()}
    return [council_story(), japan_story(), kim_story()], analyses


def test_fixture_spans_point_at_their_words() -> None:
    _, analyses = corpus()
    for analysis in analyses.values():
        text = analysis.article.text
        for attribution in analysis.attributions:
            assert attribution.content_span is not None
            start, end = attribution.content_span
            assert text[start:end] == attribution.content


def test_fixture_near_duplicates_share_their_text() -> None:
    analyses = kim_analyses()
    assert analyses["k-abc"].article.text == analyses["k-ap"].article.text
    assert ("k-abc", "k-ap") in kim_story().duplicates
