"""Voices: attributions grouped by speaker, each quote cited, ordered by outlets quoting them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from broadsheet.brief.nonspeakers import antecedent_in_doubt, cannot_speak
from broadsheet.brief.speakernames import clean_speaker, is_pronoun
from broadsheet.brief.unsaid import no_words_said
from broadsheet.brief.voices import story_voices
from broadsheet.model import Analysis, Attribution, Entity, Story, Voice
from broadsheet.text import name_key as speaker_key
from test_brief_data import kim_analyses, kim_story, make_article, said


def _by_speaker(voices: tuple[Voice, ...]) -> dict[str, Voice]:
    return {v.speaker: v for v in voices}


def _voices(analysis: Analysis) -> tuple[Voice, ...]:
    """The voices of a story of one article (``a``), analysed as given."""
    return story_voices(Story(id="s", title="t", article_ids=("a",)), {"a": analysis})


def _entity(text: str, name: str, label: str, nth: int = 0) -> Entity:
    """The entity ``name`` at its ``nth`` occurrence in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return Entity(name, label, name, (start, start + len(name)))


def test_surname_and_title_forms_join_the_full_name() -> None:
    voices = _by_speaker(story_voices(kim_story(), kim_analyses()))
    hall = voices["Steve Hall"]  # "Hall" in the Guardian joins "Steve Hall" in The Week
    assert {q.outlet for q in hall.quotes} == {"The Week", "The Guardian"}
    assert hall.role == "CNN national security analyst"
    assert len(voices["John Everard"].quotes) == 2  # "Mr Everard" joins "John Everard"
    assert len(voices["Adrienne Watson"].quotes) == 2  # AP's "Watson" joins "Adrienne Watson"
    assert not {"Hall", "Everard", "Mr Everard", "Watson"} & set(voices)


def test_pronoun_speakers_are_skipped() -> None:
    voices = story_voices(kim_story(), kim_analyses())
    contents = [q.content for v in voices for q in v.quotes]
    assert not any("satellite" in c for c in contents)  # said by "He"
    assert not any(is_pronoun(v.speaker) for v in voices)


def test_quotes_carried_by_near_duplicates_are_kept_once_cited_to_the_original() -> None:
    voices = _by_speaker(story_voices(kim_story(), kim_analyses()))
    kirby = voices["John Kirby"].quotes
    assert len(kirby) == 1
    assert kirby[0].article_id == "k-ap" and kirby[0].outlet == "Associated Press"
    watson_articles = [q.article_id for q in voices["Adrienne Watson"].quotes]
    assert watson_articles == ["k-week", "k-ap"]


def test_original_is_cited_even_when_the_copy_comes_first_in_the_story() -> None:
    story = kim_story()
    reordered = Story(id=story.id, title=story.title, duplicates=story.duplicates,
                      article_ids=("k-abc", "k-ap", "k-week", "k-bbc", "k-guardian"))
    voices = _by_speaker(story_voices(reordered, kim_analyses()))
    assert [q.article_id for q in voices["John Kirby"].quotes] == ["k-ap"]


def test_each_quote_links_to_its_article() -> None:
    analyses = kim_analyses()
    for voice in story_voices(kim_story(), analyses):
        for quote in voice.quotes:
            article = analyses[quote.article_id].article
            assert quote.content in article.text
            assert (quote.outlet, quote.url) == (article.outlet, article.url)


def test_voices_ordered_by_outlets_then_quotes() -> None:
    voices = story_voices(kim_story(), kim_analyses())
    names = [v.speaker for v in voices]
    # Hall and Watson: two outlets each; Everard: one outlet, two quotes; others: one quote
    assert names[:3] == ["Steve Hall", "Adrienne Watson", "John Everard"]
    assert set(names[3:]) == {"The New York Times", "Dmitry Peskov", "John Kirby",
                              "Officials in Seoul"}


def test_via_and_office_title_are_kept() -> None:
    voices = _by_speaker(story_voices(kim_story(), kim_analyses()))
    assert [q.via for q in voices["Steve Hall"].quotes] == [None, "CNN"]
    peskov = voices["Dmitry Peskov"]
    assert (peskov.role, peskov.organisation) == ("Spokesman", "Kremlin")


def test_ambiguous_surname_stays_apart() -> None:
    article = make_article("a", "Outlet", "t", [
        "\u201cWe will win,\u201d said Donald Trump. \u201cI agree,\u201d said Melania Trump. "
        "\u201cNo comment,\u201d Trump said."])
    analysis = Analysis(article, attributions=(
        said(article, "Donald Trump", "We will win"),
        said(article, "Melania Trump", "I agree"),
        said(article, "Trump", "No comment"),
    ))
    story = Story(id="s", title="t", article_ids=("a",))
    assert {v.speaker for v in story_voices(story, {"a": analysis})} == {
        "Donald Trump", "Melania Trump", "Trump"}


def test_a_common_noun_joins_only_a_phrase_it_ends() -> None:
    article = make_article("a", "Outlet", "t", [
        "Teachers chanted, \u201cFund our schools.\u201d Teachers unions said the pay was too low. "
        "Officials said the roads were shut. City officials said they would open soon."])
    analysis = Analysis(article, attributions=(
        said(article, "Teachers", "Fund our schools"),
        said(article, "teachers unions", "the pay was too low", kind="indirect"),
        said(article, "Officials", "the roads were shut", kind="indirect"),
        said(article, "City officials", "they would open soon", kind="indirect"),
    ))
    story = Story(id="s", title="t", article_ids=("a",))
    voices = _by_speaker(story_voices(story, {"a": analysis}))
    assert {"Teachers", "teachers unions", "City officials"} == set(voices)
    assert len(voices["City officials"].quotes) == 2


def test_empty_content_and_unknown_articles_are_ignored() -> None:
    article = make_article("a", "Outlet", "t", ["Officials said nothing."])
    analysis = Analysis(article, attributions=(said(article, "Officials", "", kind="indirect"),))
    story = Story(id="s", title="t", article_ids=("a", "missing"))
    assert story_voices(story, {"a": analysis}) == ()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Mr. Hall", ("Hall", None)),
        ("Ms Watson", ("Watson", None)),
        ("President Vladimir Putin", ("Vladimir Putin", "President")),
        ("the president", ("the president", None)),
        ("\u201cPeskov\u2019s", ("Peskov", None)),
        ("  Dr.  Jane   Doe ", ("Jane Doe", None)),
        ("President Hale’s advisers", ("President Hale’s advisers", None)),  # no president
        ("theCUBE’s Ada Holt", ("Ada Holt", None)),  # the owner is her organisation
        ("Data storage and backup provider Lumio Systems", ("Lumio Systems", None)),
        ("Some members of Congress", ("Some members of Congress", None)),
        ("A spokeswoman for Neumann", ("A spokeswoman for Neumann", None)),
        ("Hale's Justice Department", ("Hale's Justice Department", None)),
        # the lower-case "of" is no descriptor to cut at; the office before the name is its title (round 35)
        ("Secretary of State Ada Holt", ("Ada Holt", "Secretary of State")),
        ("Founder Ada Holt", ("Ada Holt", "Founder")),  # a job title before the name
        ("Plains Events Founder and Lead Designer Ada Holt",
         ("Ada Holt", "Plains Events Founder and Lead Designer")),
        ("the Plains Planner Expo 2024", ("the Plains Planner Expo 2024", None)),  # no name follows
        ("Plains Advisor", ("Plains Advisor", None)),
        ("the Insurance company Lumio Mutual", ("Lumio Mutual", None)),  # the description before the name
        ("The United Nations and European Union", ("The United Nations and European Union", None)),
        ("Even some justices", ("some justices", None)),  # the focusing word is no part of the name
        ("Also the White House", ("the White House", None)),
        ("Even Stevens", ("Even Stevens", None)),  # before a capital it may be the name's
        ("Ada Holt and Sen. Ivo Dahl (Vt", ("Ada Holt and Sen. Ivo Dahl", None)),  # cut in "(Vt.)"
        ("Sen. Ada Holt (D-Calif.)", ("Ada Holt", "Sen.")),  # her party and state
        ("Gov. Ada Holt (R)", ("Ada Holt", "Gov.")),
        ("Plains Mutual (UK)", ("Plains Mutual", None)),
    ],
)
def test_clean_speaker(raw: str, expected: tuple[str, str | None]) -> None:
    assert clean_speaker(raw) == expected


@pytest.mark.parametrize(("name", "pronoun"), [("he", True), ("They", True), ("", True),
                                               ("his", True), ("Hall", False),
                                               ("Officials", False)])
def test_is_pronoun(name: str, pronoun: bool) -> None:
    assert is_pronoun(name) is pronoun


def test_speaker_key_ignores_case_punctuation_and_the() -> None:
    assert speaker_key("The Washington Post") == speaker_key("the Washington  Post") == speaker_key(
        "Washington Post")
    assert speaker_key("U.S. officials") == speaker_key("US officials")
    assert speaker_key("The") == "the"  # a lone word is kept


def test_voices_group_by_the_canonical_person_and_skip_things() -> None:
    from dataclasses import replace

    from broadsheet.model import Analysis

    first = make_article("s-1", "The Daily", "Schiff speaks", [
        "Adam B. Schiff said the hearing would go on."])
    second = make_article("s-2", "The Ledger", "Schiff again", [
        "Adam Schiff said the vote was close. The report said the money was gone."])
    analyses = {
        "s-1": Analysis(first, attributions=(
            replace(said(first, "Adam B. Schiff", "the hearing would go on"), canonical="adam schiff"),)),
        "s-2": Analysis(second, attributions=(
            replace(said(second, "Adam Schiff", "the vote was close"), canonical="adam schiff"),
            replace(said(second, "The report", "the money was gone"), canonical=None),
        )),
    }
    story = Story(id="s", title="Schiff", article_ids=("s-1", "s-2"))
    voices = story_voices(story, analyses)
    assert [v.speaker for v in voices] == ["Adam B. Schiff"]
    assert len(voices[0].quotes) == 2


def test_a_place_the_analysis_names_twice_speaks_as_its_government() -> None:
    text = ("Borea said it would talk. Borea and Lindia met in Borea. Lumio said sales rose. "
            "Kessa said no. Kessa was tired. Spurs said in a statement it hired a coach. Spurs won.")
    article = make_article("a", "Outlet", "t", [text])

    def entity(name: str, label: str, nth: int = 0) -> Entity:
        return _entity(text, name, label, nth)

    analysis = Analysis(article, entities=(
        entity("Borea", "GPE"), entity("Borea", "GPE", 1),
        entity("Lumio", "GPE"),  # once only: a recogniser's slip, not a place
        entity("Kessa", "GPE"), entity("Kessa", "PERSON", 1), entity("Kessa", "PERSON", 1),
        entity("Spurs", "GPE"), entity("Spurs", "GPE", 1),  # a club the recogniser calls a place
    ), attributions=(
        said(article, "Borea", "it would talk", kind="indirect"),
        said(article, "Lumio", "sales rose", kind="indirect"),
        said(article, "Kessa", "no", kind="indirect"),
        said(article, "Spurs", "it hired a coach", kind="indirect"),
    ))
    voices = _by_speaker(_voices(analysis))
    assert voices["Borea"].kind == "official"
    assert voices["Lumio"].kind == "other"
    assert voices["Kessa"].kind == "other"  # a PERSON more often than a GPE
    assert voices["Spurs"].kind == "other"  # never written as a place ("in Spurs") or a state


def test_the_organisation_named_in_a_role_decides_a_presidents_kind_and_a_surname_is_none() -> None:
    text = ("Ole Berg, President Lumio North America, said sales rose. Lumio makes pumps. Lumio grew. "
            "Ana Sol, President, said taxes fell. Tom Reed, Mark Cole's deputy, said no. Mark Cole agreed. "
            "Cole left. Skyways President Ivo Dahl said fares rose. Skyways grew. "
            "Eva Lind, U.S. President, said jobs rose. U.S. troops left.")
    article = make_article("a", "Outlet", "t", [text])

    def entity(name: str, label: str, nth: int = 0) -> Entity:
        return _entity(text, name, label, nth)

    analysis = Analysis(article, entities=(
        entity("Lumio", "ORG"), entity("Lumio", "ORG", 1), entity("Lumio", "ORG", 2),
        entity("Mark Cole", "PERSON"), entity("Mark Cole", "PERSON", 1),
        entity("Cole", "PERSON", 1), entity("Cole", "PERSON", 2),
        entity("Skyways", "GPE"), entity("Skyways", "GPE", 1),
        entity("U.S.", "GPE"), entity("U.S.", "GPE", 1),
    ), attributions=(
        said(article, "Ole Berg", "sales rose", kind="indirect", role="President Lumio North America"),
        said(article, "Ana Sol", "taxes fell", kind="indirect", role="President"),
        said(article, "Tom Reed", "no", kind="indirect", role="Mark Cole's deputy", organisation="Cole"),
        said(article, "Ivo Dahl", "fares rose", kind="indirect", role="Skyways President"),
        said(article, "Eva Lind", "jobs rose", kind="indirect", role="U.S. President"),
    ))
    voices = _by_speaker(_voices(analysis))
    assert voices["Ole Berg"].kind == "other"  # Lumio's president: a company's
    assert voices["Ana Sol"].kind == "official"  # a president of no organisation named
    assert voices["Ivo Dahl"].kind == "other"  # Skyways: a "place" the story never writes as one
    assert voices["Eva Lind"].kind == "official"  # "U.S. President": an abbreviated state
    assert voices["Tom Reed"].organisation is None  # "Cole" is a person, Mark Cole


def test_no_word_a_role_was_cut_after_and_no_organisation_cut_from_the_speakers_name() -> None:
    text = ("Ada Holt, division vice president, Lumio Sales at Lumio Inc., said sales rose. "
            "The Plains Reporter said taxes fell. The United Nations High Commissioner said no.")
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "Ada Holt", "sales rose", kind="indirect",
             role="division vice president, Lumio Sales at", organisation="Lumio Sales"),
        said(article, "The Plains Reporter", "taxes fell", kind="indirect", organisation="The Plains"),
        said(article, "The United Nations High Commissioner", "no", kind="indirect",
             organisation="The United Nations"),
    ))
    voices = _by_speaker(_voices(analysis))
    assert voices["Ada Holt"].role == "division vice president, Lumio Sales"
    assert voices["The Plains Reporter"].organisation is None  # the speaker is the body
    assert voices["The United Nations High Commissioner"].organisation == "The United Nations"


def test_a_role_stops_before_the_next_person_named() -> None:
    text = ("It scales, according to Ada Holt, product manager at Lumio, and Ivo Dahl, architect "
            "for Lumio.")
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "Ada Holt", "It scales", kind="indirect",
             role="product manager at Lumio, and Ivo Dahl, architect for Lumio"),))
    (voice,) = _voices(analysis)
    assert voice.role == "product manager at Lumio"


def _attribution(text: str, speaker: str, cue: str, content: str) -> Attribution:
    def span(words: str) -> tuple[int, int]:
        start = text.index(words)
        return start, start + len(words)

    return Attribution(speaker=speaker, cue=cue, content=content, kind="indirect", canonical="x",
                       speaker_span=span(speaker), cue_span=span(cue), content_span=span(content))


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "dropped"), [
    ("Ada Holt reported on how a team found it.", "Ada Holt", "reported",
     "Ada Holt reported on how a team found it", True),
    ("The Plains Desk's Ada Holt explains.", "Ada Holt", "explains",
     "The Plains Desk's Ada Holt explains", True),
    ("The museum, Ada Holt said, would open.", "Ada Holt", "said",
     "The museum, Ada Holt said, would open", False),
    ("VIENNA — The house will be a station, Ada Holt said.", "Ada Holt", "said",
     "VIENNA — The house will be a station, Ada Holt said", False),
    ("“It grew,” Ada Holt said. “It did.”", "Ada Holt", "said", "“It grew,” Ada Holt said. “It did.”", False),
    ("Ada Holt said the plan works.", "Ada Holt", "said", "the plan works", False),
    ("In 2019, Ada Holt pleaded guilty to fraud.", "Ada Holt", "pleaded", "guilty to fraud", True),
    ("Ada Holt pleaded with them to stay.", "Ada Holt", "pleaded", "with them to stay", False),
    ("The team named them bots.", "The team", "named", "them bots", True),
    ("Ada Holt has known since May that it works.", "Ada Holt", "known", "it works", True),
    ("The filmmakers tell the story of eight days.", "The filmmakers", "tell", "the story of eight days",
     True),
    ("In other news, Ada Holt tells the story of how a team won.", "Ada Holt", "tells",
     "In other news, Ada Holt tells the story of how a team won", True),
    ("For the report, Ada Holt told the tale of a man.", "Ada Holt", "told", "For the report", False),
    ("Lumio boasts 20 quarters of growth (one fell in 2020).", "Lumio", "boasts", "one fell in 2020", True),
    ("Ada Holt was boasting that it works.", "Ada Holt", "boasting", "it works", False),
    ("The paper shows that it works.", "The paper", "shows", "it works", True),
    ("The paper reported that it works.", "The paper", "reported", "it works", False),
    ("Lumio supports 20,000 customers.", "Lumio", "supports", "20,000 customers", True),
    ("They show you how to prompt.", "They", "show", "you how to prompt", True),
    ("Experts discuss various topics.", "Experts", "discuss", "various topics", True),
    ("Ada Holt wrote about the fold-and-cut problem.", "Ada Holt", "wrote", "about the fold-and-cut problem",
     True),
    ("Saying that, I did want it.", "I", "Saying", "that, I did want it", True),
    ("A panel is hoping to change that.", "A panel", "hoping", "to change that", True),
    ("Lumio is hoping a redesign will sell.", "Lumio", "hoping", "a redesign will sell", False),
    ("Some owners prefer to use leashes.", "Some owners", "prefer", "to use leashes", True),
    ("Many people find that packing helps.", "Many people", "find", "packing helps", True),
    ("Ada finds herself running.", "Ada", "finds", "herself running", True),
    ("Ada Holt finds this development intriguing.", "Ada Holt", "finds", "this development intriguing", True),
    ("The researchers found that tutoring helped little.", "The researchers", "found",
     "tutoring helped little", False),
    ("Any financial advisor will tell you that it pays.", "Any financial advisor", "tell", "it pays", True),
    ("Brother Diaz has been recalled to the city.", "Brother Diaz", "recalled", "to the city", True),
    ("Consumer advocates are urging the PUC to act.", "Consumer advocates", "urging", "the PUC to act",
     False),
    ("In reading it, it was noted that you won.", "it", "noted", "you won", False),
    ("Ada Holt was quoted as saying it works.", "Ada Holt", "quoted", "it works", False),
    ("Prices:\n- Carpet Cleaning: Essential for sand.", "Carpet Cleaning", ":", "Essential for sand", True),
    ("Ada Holt: “It works.”", "Ada Holt", ":", "“It works.”", False),
    ("The plan was new. Ada Holt told them: it works.", "Ada Holt", ":", "it works", False),
    ("Roles:\n- Claims Adjusters – Investigate claims to ensure payouts.", "Claims Adjusters", "claims",
     "to ensure payouts", True),
    ("Ada Holt – a lawyer for them – said it works.", "Ada Holt", "said", "it works", False),
    ("Lumio adds interactivity so users can act.", "Lumio", "adds", "so users can act", True),
    ("Lumio adds that users can act.", "Lumio", "adds", "users can act", False),
    ("Ada Holt added Tuesday the plan works.", "Ada Holt", "added", "the plan works", False),
    ("Lumio claims market share with chips.", "Lumio", "claims", "market share with chips", True),
    ("Lumio claims they are the best.", "Lumio", "claims", "they are the best", False),
    ("Lumio claims its 80 bays save water.", "Lumio", "claims", "its 80 bays save water", False),
    ("Lumio claims to be the best.", "Lumio", "claims", "to be the best", False),
    ("Season 2 continued that legacy.", "Season 2", "continued", "that legacy", True),
    ("Ada Holt continued her modeling work in Paris.", "Ada Holt", "continued", "her modeling work in Paris",
     True),
    ("Ada Holt expressed confidence in the winger.", "Ada Holt", "expressed", "confidence in the winger",
     False),  # judged a voice in C and D
    ("Fans continue to be enraged that it ended.", "Fans", "continue", "to be enraged that it ended", True),
    ("Firms demand a system like Lumio that connects.", "Firms", "demand", "that connects", True),
    ("Critics understand that the web is new.", "Critics", "understand", "the web is new", True),
    ("Most people prefer reading a good story.", "Most people", "prefer", "reading a good story", True),
    ("Most people prefer “a good story”.", "Most people", "prefer", "“a good story”", False),
    ("This is what Ada said when asked, “Why?”", "Ada", "asked", "“Why?”", True),
    ("Ada Holt asked, “Why?”", "Ada Holt", "asked", "“Why?”", False),
    ("My story begins in May, when Lumio announced a change.", "Lumio", "announced", "My story begins in May",
     True),
    ("It works, Lumio announced.", "Lumio", "announced", "It works", False),
    ("For example, as Ada Holt notes, it works.", "Ada Holt", "notes", "For example", False),
    ("It is common for Pre-Associate, ASAs and students to say, “I quit.”", "Pre-Associate", "say",
     "“I quit.”", True),
    ("He waited for Ada Holt to say it works.", "Ada Holt", "say", "it works", True),
    ("The call for Ada Holt came. She said it works.", "Ada Holt", "said", "it works", False),
    ("It grew: the RSL Standard, announced in May by a coalition of firms.", "a coalition", "announced",
     "It grew: the RSL Standard", True),
    ("It works, announced Ada Holt.", "Ada Holt", "announced", "It works", False),
    ("It won the top spot, as reported by Travel + Leisure.", "Travel + Leisure", "reported",
     "It won the top spot", False),
    ("Anything Ada Holt writes I will read.", "Ada Holt", "writes", "I will read", True),
    ("She also wrote “Make Ahead Bread,” which helps.", "She", "wrote", "“Make Ahead Bread,” which helps",
     True),
    ("Ada Holt wrote “It works, and fast.”", "Ada Holt", "wrote", "“It works, and fast.”", False),
    ("This article was originally written by Ada Holt.", "Ada Holt", "written", "This article", True),
    ("Ada Holt has written that it works.", "Ada Holt", "written", "it works", False),
    ("I owe a debt to Ada Holt, whose Lean Plans Explained: Embrace Change was my start.", "Lean Plans",
     "Explained", "Embrace Change was my start", True),
    ("What Reviewers Say | “If you want wine, try it.”", "Reviewers", "Say", "If you want wine, try it",
     True),
    ("Plans were new. According to Lumio, it works.", "Lumio", "According to", "it works", False),
    ("If a customer adds a serum, AI might suggest a cream to finish.", "AI", "suggest", "a cream to finish",
     True),
    ("Shoppers at the shop will expect to get help.", "Shoppers", "expect", "to get help", True),
    ("Ada Holt could not say whether it works.", "Ada Holt", "say", "whether it works", False),
    ("Ada Holt would later say that it works.", "Ada Holt", "say", "it works", False),
    ("For animated parts, numberOfFrames tells the loader how many images to expect.", "numberOfFrames",
     "tells", "the loader how many images to expect", True),
    ("Plans:\n- Algae: A standout in the survey, 68% of consumers said they want algae.", "Algae", "said",
     "they want algae", True),
    ("Plans:\n- Ada Holt, a planner, said: it works.", "Ada Holt", "said", "it works", False),
    ("The school admits students with decency, considering not just their grades.", "The school",
     "considering", "not just their grades", True),
    ("Ada Holt considers it a mistake.", "Ada Holt", "considers", "it a mistake", False),
    ("| Variety | Bloom | Pruning Nuance s The Trust has announced a show.", "Pruning Nuance", "announced",
     "a show", True),
    ("| | A big rocket by Ada Holt. Lumio announced a show.", "Lumio", "announced", "a show", False),
    ("It is the fastest way into PubMed Search, as explained in this guide.", "PubMed Search", "explained",
     "It is the fastest way into PubMed Search", True),
    ("It is the fastest way, as explained by Ada Holt.", "Ada Holt", "explained", "It is the fastest way",
     False),
    ("Lumio has years of work. They tout their deep grasp of firms.", "They", "tout",
     "their deep grasp of firms", True),
    ("Ada Holt shared a seasoned take on the parts.", "Ada Holt", "shared", "a seasoned take on the parts",
     True),
    ("The authors propose a solver that generalizes the old one.", "The authors", "propose",
     "that generalizes the old one", True),
    ("Lumio responded by tuning the shoe.", "Lumio", "responded", "by tuning the shoe", True),
    ("Ada Holt shared that the plan works.", "Ada Holt", "shared", "the plan works", False),
    ("Ada Holt described it as “a mess.”", "Ada Holt", "described", "it as “a mess.”", False),
    ("Lumio responded: the plan works.", "Lumio", "responded", "the plan works", False),
    ("Lumio promised to cut prices.", "Lumio", "promised", "to cut prices", False),
    ("Lumio estimates how parts would behave.", "Lumio", "estimates", "how parts would behave", True),
    ("Lumio estimates that parts would fail.", "Lumio", "estimates", "parts would fail", False),
    ("Ada Holt asked how parts would behave.", "Ada Holt", "asked", "how parts would behave", False),
    ("Companies recognize that events matter. Most companies do.", "Companies", "recognize", "events matter",
     True),
    ("Ada Holt recognizes that hopes are slim.", "Ada Holt", "recognizes", "hopes are slim", False),
    ("Ada Holt described the video as satire.", "Ada Holt", "described", "the video as satire", False),
    ("People describe the taste as ‘Smooth’.", "People", "describe", "the taste as ‘Smooth’", False),
    ("Lumio touts its grasp of firms as well as clients.", "Lumio", "touts",
     "its grasp of firms as well as clients", True),
    ("Ada Holt said what plumbers do will help.", "Ada Holt", "said", "what plumbers do will help", False),
    ("Fans fear being seen as rude.", "Fans", "fear", "being seen as rude", True),
    ("Analysts fear that prices will rise.", "Analysts", "fear", "prices will rise", False),
    ("Lawyers can argue that the use is commercial.", "Lawyers", "argue", "the use is commercial", True),
    ("Police can confirm that the man died.", "Police", "confirm", "the man died", False),
    ("Ada Holt declined to say how the plan works.", "Ada Holt", "say", "how the plan works", False),
    ("It is often said by Ada Holt, who knows.", "Ada Holt", "said", "who knows", False),
    ("Prices rose. According to the Plains Global…", "the Plains Global", "According to",
     "According to the Plains Global…", True),
    ("According to the Plains Institute, prices rose.", "the Plains Institute", "According to",
     "prices rose", False),
    # round 22, sample O: a passive expectation with an adverb, a thing asked for
    ("Ada Holt is also expected to unveil an ad.", "Ada Holt", "expected", "to unveil an ad", True),
    ("Ada Holt is expected to speak.", "Ada Holt", "expected", "to speak", True),
    ("When veterans ask for help, calls fail.", "veterans", "ask", "for help", True),
    ("Ada Holt asked for compassion in a letter.", "Ada Holt", "asked", "for compassion in a letter", False),
    ("Ada Holt asked for “a full recount now”.", "Ada Holt", "asked", "for “a full recount now”", False),
    ("Ada Holt asked whether it works.", "Ada Holt", "asked", "whether it works", False),
    # round 23, sample O: a class of people that learns, no determiner; a group the story tells of speaks
    ("Democrats learned again on Monday that the map is hard.", "Democrats", "learned",
     "the map is hard", True),
    ("Many Voters learn that the ballot is long.", "Many Voters", "learn", "the ballot is long", True),
    ("The researchers learned that the mice slept less.", "The researchers", "learned",
     "the mice slept less", False),
    ("Ada Holt learned that the plan failed.", "Ada Holt", "learned", "the plan failed", False),
    ("Democrats recognize that the map is hard.", "Democrats", "recognize", "the map is hard", True),
    # voices round 24, sample P: an expectation with a party and state between; anonymity's reason
    ("Rep. Ada Holt (D-Mass.) is expected to announce a bid.", "Ada Holt", "expected", "to announce a bid",
     True),
    ("Sen. Ada Holt, D-Mass., is expected to run.", "Ada Holt", "expected", "to run", True),
    ("The official insisted on anonymity to describe the talks.", "The official", "insisted",
     "to describe the talks", True),
    ("The aide spoke on condition of anonymity because the talks were private.", "The aide", "spoke",
     "because the talks were private", True),
    ("The official insisted that the talks failed.", "The official", "insisted", "the talks failed", False),
    # voices round 25, sample Q: the allegations a speaker denies are not her words
    ("Ada Holt denies allegations that she took the money when she was mayor.", "Ada Holt", "denies",
     "she took the money when she was mayor", True),
    ("Ada Holt denied the new claims that the fund lost money.", "Ada Holt", "denied",
     "the fund lost money", True),
    ("Ada Holt denied that the fund lost money.", "Ada Holt", "denied", "the fund lost money", False),
    ("Ada Holt said allegations that the fund lost money were false.", "Ada Holt", "said",
     "allegations that the fund lost money were false", False),
    # the seed page: what "citing" takes is the cited source, not the citing outlet's words
    ("The Ledger reported Monday, citing officials in two states.", "The Ledger", "citing",
     "officials in two states", True),
    ("The Ledger, citing an anonymous source, reported that the talks stalled.", "The Ledger", "citing",
     "an anonymous source", True),
    ("The Ledger, citing an anonymous source, reported that the talks stalled.", "The Ledger",
     "reported", "the talks stalled", False),
    ("Ada Holt cited rising costs as the reason.", "Ada Holt", "cited", "rising costs as the reason", False),
    # voices round 27, sample S: what a cited article says, a thing hoped for, nominees confirmed, a thing
    # praised
    ("Citing an article that said the mayor would not comment, the party said she should.", "the party",
     "Citing", "that said the mayor would not comment", True),
    ("Citing a report, the party said that the mayor would not comment.", "the party", "said",
     "the mayor would not comment", False),
    ("Advocates are hoping for a plan that would let tenants stay.", "Advocates", "hoping",
     "that would let tenants stay", True),
    ("Advocates are hoping that the plan would let tenants stay.", "Advocates", "hoping",
     "the plan would let tenants stay", False),
    ("The Senate confirmed two cabinet nominations on Friday.", "The Senate", "confirmed",
     "two cabinet nominations on Friday", True),
    ("The Senate confirmed the nominee was withdrawn.", "The Senate", "confirmed",
     "the nominee was withdrawn", False),
    ("Lumio confirmed the layoffs would go ahead.", "Lumio", "confirmed", "the layoffs would go ahead",
     False),
    ("The party responded, with Democrats praising his statements.", "Democrats", "praising",
     "his statements", True),
    ("Ada Holt praised the plan as “a bold step.”", "Ada Holt", "praised", "the plan as “a bold step.”",
     False),
    ("Ada Holt praised Ivo Dahl for cutting taxes.", "Ada Holt", "praised", "Ivo Dahl for cutting taxes",
     False),
    ("Ada Holt praised Ivo Dahl in a brief statement.", "Ada Holt", "praised",
     "Ivo Dahl in a brief statement", True),
    # voices round 28, sample T: a title defended in a contest; a quoted name of a thing
    ("Ada Holt easily defended the WBA and IBF middleweight titles against Ivo Dahl.", "Ada Holt", "defended",
     "the WBA and IBF middleweight titles against Ivo Dahl", True),
    ("Ada Holt defended the plan against Ivo Dahl.", "Ada Holt", "defended", "the plan against Ivo Dahl",
     False),
    ("Ada Holt defended her title as mayor, saying it fits.", "Ada Holt", "defended",
     "her title as mayor, saying it fits", True),
    ("Some 40 people reported to the agency's \"Did it shake?\" page within minutes.", "Some 40 people",
     "reported", "Did it shake?", True),
    ("Some 40 people reported to the agency: \"Did it shake?\" They were scared.", "Some 40 people",
     "reported", "Did it shake?", False),
])
def test_words_that_are_no_ones_statement_make_no_voice(text: str, speaker: str, cue: str, content: str,
                                                        dropped: bool) -> None:
    assert no_words_said(_attribution(text, speaker, cue, content), text) is dropped


@pytest.mark.parametrize(("text", "resolved", "cue", "dropped"), [
    ("It grows in Plainsland. It is often speculated that it came from Yemen.", "Plainsland", "speculated",
     True),
    ("In reading the Plains Journal, it was noted that you won.", "the Plains Journal", "noted", False),
])
def test_the_empty_it_of_a_passive_speaks_only_for_a_source_named_before_it(
        text: str, resolved: str, cue: str, dropped: bool) -> None:
    it = text.lower().rindex("it ", 0, text.index(cue))
    words = text.index(" that ") + 6
    attribution = replace(_attribution(text, resolved, cue, text[words:-1]), speaker_span=(it, it + 2))
    assert no_words_said(attribution, text) is dropped


def test_the_body_that_employs_a_speaker_is_the_one_the_role_names_so() -> None:
    text = ("Ada Holt, associate physician of Pulmonary Care at Plains General Hospital, said it works. "
            "Car Talk's GM vehicle expert, Ivo Dahl, said it sells. Car Talk's Ivo Dahl agreed. "
            "Ana Sol, Director of Plains Bakery, said it rose. "
            "Eva Lund, director of the Plains Institute at Lumio University, said it fell.")
    article = make_article("a", "Outlet", "t", [text])
    car_talk = Entity("Car Talk", "ORG", "Car Talk", (text.index("Car Talk"), text.index("Car Talk") + 8))
    analysis = Analysis(article, entities=(car_talk, replace(car_talk, span=(0, 0))), attributions=(
        said(article, "Ada Holt", "it works", kind="indirect", organisation="Pulmonary Care",
             role="associate physician of Pulmonary Care at Plains General Hospital"),
        said(article, "Ivo Dahl", "it sells", kind="indirect", organisation="GM",
             role="Car Talk's GM vehicle expert"),
        said(article, "Ana Sol", "it rose", kind="indirect", organisation="Plains Bakery",
             role="Director of Plains Bakery"),
        said(article, "Eva Lund", "it fell", kind="indirect", organisation="the Plains Institute",
             role="director of the Plains Institute at Lumio University"),
    ))
    voices = _by_speaker(_voices(analysis))
    assert voices["Ada Holt"].organisation == "Plains General Hospital"
    assert voices["Ivo Dahl"].organisation == "Car Talk"
    assert voices["Ana Sol"].organisation == "Plains Bakery"
    assert voices["Eva Lund"].organisation == "the Plains Institute"


def test_a_role_cut_before_the_name_it_ends_in_is_made_whole_from_the_story() -> None:
    text = ("Ada Holt, CEO of Plains Bakery North America, said sales rose. "
            "Ivo Dahl, the Lumio Director Monday, said costs fell. Ana Sol, Director Of Plains, agreed.")
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "Ada Holt", "sales rose", kind="indirect", role="CEO of Plains"),
        said(article, "Ivo Dahl", "costs fell", kind="indirect", role="Lumio Director"),
        said(article, "Ana Sol", "agreed", kind="indirect", role="Director"),
    ))
    voices = _by_speaker(_voices(analysis))
    assert voices["Ada Holt"].role == "CEO of Plains Bakery North America"
    assert voices["Ivo Dahl"].role == "Lumio Director"  # a day, no name
    assert voices["Ana Sol"].role == "Director Of Plains"


def test_a_proper_name_after_a_common_noun_speaker_is_the_speaker() -> None:
    text = "Business advisory firm Riveron announced its acquisition of Eden Data. Lumio said so."
    article = make_article("a", "Outlet", "t", [text])
    first = said(article, "Business advisory firm", "its acquisition of Eden Data", kind="indirect")
    cue = text.index("announced")
    lumio = said(article, "Lumio", "so", kind="indirect")
    analysis = Analysis(article, attributions=(
        replace(first, cue="announced", cue_span=(cue, cue + len("announced"))),
        replace(lumio, cue_span=(text.index("said"), text.index("said") + 4))))
    voices = _voices(analysis)
    assert {v.speaker for v in voices} == {"Riveron", "Lumio"}  # "Lumio": a proper name already


def test_a_person_named_after_a_speaker_cut_to_the_company_is_the_speaker() -> None:
    text = "“It is about meaning,” says Plains Events Co-Owner and Lead Planner Ada Holt. She left."
    article = make_article("a", "Outlet", "t", [text])
    cut = said(article, "Plains Events", "It is about meaning", cue="says")
    analysis = Analysis(article, attributions=(cut,))
    (voice,) = _voices(analysis)
    assert (voice.speaker, voice.role) == ("Ada Holt", "Plains Events Co-Owner and Lead Planner")


def test_a_document_speaks_for_its_owner_or_makes_no_voice() -> None:
    text = ("Most advisers merged, according to Lumio’s 2025 Benchmarking Study1. "
            "Dakota ranks first, the Plains 2025 Best States report revealed.")
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "Lumio’s 2025 Benchmarking Study1", "Most advisers merged", cue="according to"),
        said(article, "the Plains 2025 Best States report", "Dakota ranks first", cue="revealed"),
    ))
    voices = _voices(analysis)
    assert [v.speaker for v in voices] == ["Lumio"]


@pytest.mark.parametrize(("name", "voice"), [
    ("the Dietary Guidelines for Plainsfolk", False), ("This Plains Travel Guide", False),
    ("the Product Feed Spec", False), ("the tour guide", True), ("the Centers for Plains Health", True)])
def test_a_document_with_no_owner_named_makes_no_voice(name: str, voice: bool) -> None:
    text = f"Most people eat too little, according to {name}."
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(said(article, name, "Most people eat too little",
                                                    cue="according to"),))
    voices = _voices(analysis)
    assert bool(voices) is voice


def test_a_role_cut_at_a_hyphen_is_made_whole_from_the_story() -> None:
    text = ("It works, says yoga therapist Ada Holt, E-RYT 200. "
            "“It rose,” said Ivo Dahl, professor of health at Plains College and a co-author of the study.")
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "Ada Holt", "It works", kind="indirect", role="yoga therapist, E"),
        said(article, "Ivo Dahl", "It rose", role="professor of health at Plains College and a co"),
    ))
    voices = _by_speaker(_voices(analysis))
    assert voices["Ada Holt"].role == "yoga therapist, E-RYT 200"
    assert voices["Ivo Dahl"].role == "professor of health at Plains College and a co-author of the study"


@pytest.mark.parametrize(("role", "shown"), [("spine surgeon Dr.", "spine surgeon"), ("Plains", None),
                                             ("Founder", "Founder")])
def test_a_role_loses_a_trailing_courtesy_title_and_the_speakers_own_words(role: str,
                                                                          shown: str | None) -> None:
    text = "Ada Holt of Plains Bikes said it works."
    article = make_article("a", "Outlet", "t", [text])
    name = "Plains Bikes" if role == "Plains" else "Ada Holt"
    analysis = Analysis(article, attributions=(said(article, name, "it works", role=role),))
    (voice,) = _voices(analysis)
    assert voice.role == shown


def test_one_of_a_joint_speaker_is_not_its_organisation() -> None:
    text = "Lumio and Borea have acknowledged that staff listen. Ada Holt of Lumio said it stops."
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "Lumio and Borea", "staff listen", kind="indirect", organisation="Borea"),
        said(article, "Ada Holt", "it stops", kind="indirect", organisation="Lumio"),
    ))
    voices = _by_speaker(_voices(analysis))
    assert voices["Lumio and Borea"].organisation is None
    assert voices["Ada Holt"].organisation == "Lumio"


def test_a_noun_inside_another_speakers_words_with_a_verb_of_its_own_makes_no_voice() -> None:
    text = ("Ada Holt suggested that the Bolt should be a big hit, saying, “All signs point to it.” "
            "Ivo Dahl said that Lumio told him the plan works.")
    article = make_article("a", "Outlet", "t", [text])

    def cued(attribution: Attribution, cue: str) -> Attribution:
        start = text.index(cue, attribution.speaker_span[1] if attribution.speaker_span else 0)
        return replace(attribution, cue=cue, cue_span=(start, start + len(cue)))

    analysis = Analysis(article, attributions=(
        cued(said(article, "Ada Holt", "the Bolt should be a big hit, saying, “All signs point to it.",
                  kind="mixed"), "suggested"),
        cued(said(article, "Bolt", "All signs point to it."), "saying"),
        cued(said(article, "Ivo Dahl", "Lumio told him the plan works", kind="indirect"), "said"),
        cued(said(article, "Lumio", "the plan works", kind="indirect"), "told"),
    ))
    voices = _by_speaker(_voices(analysis))
    assert set(voices) == {"Ada Holt", "Ivo Dahl", "Lumio"}


@pytest.mark.parametrize(("text", "speaker", "entity", "dropped"), [
    ("The tour guide says it works.", "the tour guide", None, False),
    ("Plains Accounts and new FSA limits promise to be good.", "Plains Accounts and new FSA limits", None,
     True),
    ("Ada Holt and others say it works.", "Ada Holt and others", None, False),
    ("Apple products say it works.", "Apple products", None, True),
    ("NASA scientists say it works.", "NASA scientists", None, False),
    ("You earn certificates.\n- Certificates and certifications indicate that you learned.",
     "Certificates and certifications", None, True),
    ("We pay taxes. Taxes show that you earn.", "Taxes", None, True),
    ("The research found that it works.", "the research", None, True),
    ("Researchers found that it works. Other researchers agree.", "Researchers", None, False),
    ("Both men said it works.", "Both men", None, False),
    ("Some clients say it works.", "Some clients", None, False),
    ("People familiar with the talks said it works.", "People familiar with the talks", None, False),
    ("The deadline passed. Deadline reports that it works.", "Deadline", "ORG", False),
    ("Made In says it works.", "Made In", None, False),
    ("The Plains Report's sixth update says it works.", "The Plains Report's sixth update", None, False),
    ("It is a plain power. Plains Power says it works.", "Plains Power", None, False),
    ("Seamen on board the Ada said it works.", "Seamen on board the Ada", None, False),  # "-men": people
])
def test_a_speaker_named_by_a_thing_makes_no_voice(text: str, speaker: str, entity: str | None,
                                                   dropped: bool) -> None:
    start = text.lower().rindex(speaker.lower())
    attribution = replace(_attribution(text, text[start:start + len(speaker)], " ", text[-9:-1]),
                          speaker_span=(start, start + len(speaker)))
    entities = [Entity(speaker, entity, speaker, (start, start + len(speaker)))] if entity else []
    assert cannot_speak(attribution, speaker, text, entities) is dropped


@pytest.mark.parametrize(("text", "resolved", "pronoun", "dropped"), [
    ("Ada Holt sang on it.\n\nThe album is her best work, which she describes as fun.",
     "Ada Holt", "she", False),
    ("Ada Holt sang on it. The switch is good.\n\nStardust is Brown at his best, which he describes as fun.",
     "Ada Holt", "he", True),
    ("Plains Audio makes it. Consumer Digest was impressed. They complimented it, noting that it works.",
     "Plains Audio", "They", True),
    ("Ada Holt spoke. Ivo Dahl was there. Then Holt left. He said that it works.", "Ada Holt", "He", False),
    ("Ada Holt spoke for an hour.\n\n“It works,” she said.", "Ada Holt", "she", False),
    ("“It works,” says Holt. There is also concern there. “It fails,” she adds.", "Holt", "she", False),
    ("Ada Holt spoke. \"That's it. I've tried it.\"\n\nShe also accused them.", "Ada Holt", "She", False),
    ("Ada Holt spoke. The mayor was there. Officials from both sides came. She said it works.",
     "Ada Holt", "She", False),
])
def test_a_pronoun_given_a_far_name_past_a_nearer_subject_makes_no_voice(
        text: str, resolved: str, pronoun: str, dropped: bool) -> None:
    at = text.rindex(f"{pronoun} ")
    attribution = replace(_attribution(text, resolved, " ", pronoun), speaker_span=(at, at + len(pronoun)))
    assert antecedent_in_doubt(attribution, text) is dropped


def _one_story(text: str, attributions: list[tuple[str, str]], entities: tuple[Entity, ...] = ()) -> set[str]:
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, entities=entities,
                        attributions=tuple(said(article, who, words) for who, words in attributions))
    return {v.speaker for v in _voices(analysis)}


def test_a_description_takes_the_one_name_the_article_gives_it() -> None:
    text = ("Five people died, Fauzi, an official from the disaster agency, told AFP. "
            "One man was buried, said the official.")
    assert _one_story(text, [("the official", "One man was buried")]) == {"Fauzi"}  # round 21, N
    text = "Police spokesman Paul Browne spoke first. The crowd left by ten, the spokesman said."
    people = (_entity(text, "Paul Browne", "PERSON"),)
    assert _one_story(text, [("the spokesman", "The crowd left by ten")], people) == {"Paul Browne"}
    text = "Sen. Ada Holt voted no. The bill will fail, the senator said."
    assert _one_story(text, [("the senator", "The bill will fail")], (_entity(text, "Ada Holt", "PERSON"),)) \
        == {"Ada Holt"}


def test_a_named_description_keeps_its_kind() -> None:
    text = "Former Rep. Ada Holt was sentenced. She accepts the blame, the ex-congressman said."
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, entities=(_entity(text, "Ada Holt", "PERSON"),),
                        attributions=(said(article, "the ex-congressman", "She accepts the blame"),))
    (voice,) = _voices(analysis)
    assert (voice.speaker, voice.role, voice.kind) == ("Ada Holt", None, "former official")


@pytest.mark.parametrize(("text", "speaker"), [
    ("Judge Ada Holt and Judge Ivo Dahl sat. The plea was late, the judge said.", "the judge"),  # two
    ("Meanwhile, an official from the agency spoke. The plea was late, said the official.", "the official"),
    ("In Plainsville, an official spoke. The plea was late, said the official.", "the official"),  # a place
    ("The Plains Guild may strike. The plea was late, the union said.", "the union"),  # nothing names it
])
def test_a_description_the_article_names_no_one_for_stays(text: str, speaker: str) -> None:
    named = [_entity(text, n, "PERSON") for n in ("Ada Holt", "Ivo Dahl") if n in text]
    named += [_entity(text, "Plainsville", "GPE")] if "Plainsville" in text else []
    assert _one_story(text, [(speaker, "The plea was late")], tuple(named)) == {speaker}


@pytest.mark.parametrize("text", [
    "It sails in the Gulf of Aden, the official said. The crew fled, the official said.",  # a longer name
    "It sails near Aden, the official said. The crew fled, the official said.",  # the speaker's own clause
])
def test_a_description_is_not_named_by_a_place_or_its_own_clause(text: str) -> None:
    article = make_article("a", "Outlet", "t", [text])
    second = text.rindex("the official")
    attribution = replace(said(article, "the official", "The crew fled"),
                          speaker_span=(second, second + len("the official")))
    analysis = Analysis(article, attributions=(attribution,))
    (voice,) = _voices(analysis)
    assert voice.speaker == "the official"


def test_a_focusing_even_before_a_recognised_name_is_no_part_of_it() -> None:
    text = "Even Plainsland, the only ally, said it was opposed to the test."
    place = (_entity(text, "Plainsland", "GPE"),)
    assert _one_story(text, [("Even Plainsland", "it was opposed to the test")], place) == {"Plainsland"}
    text = "Even Stevens said it was opposed to the test."  # no name the analysis recognised inside
    assert _one_story(text, [("Even Stevens", "it was opposed to the test")]) == {"Even Stevens"}


@pytest.mark.parametrize(("role", "organisation", "shown"), [
    # round 22, sample O: an organisation cut from a longer name or read from an office's title
    ("communications director for the super PAC Plains Rising", "PAC Plains", None),
    ("executive director of the House Majority PAC", "House", None),
    ("former aide to Senate Majority Leader Ivo Dahl", "Senate", None),
    ("Secretary of State", "State", None),
    ("Senate Majority Leader", "Senate", "Senate"),  # the body before a title of its own
    ("Plains Check Executive Director", "Plains Check", "Plains Check"),
    ("Plains Sports NFL Insider", "Plains Sports", "Plains Sports"),
    ("fellow at the Plains Institution", "the Plains Institution", "the Plains Institution"),
])
def test_an_organisation_written_inside_a_longer_name_is_not_shown(role: str, organisation: str,
                                                                   shown: str | None) -> None:
    article = make_article("a", "Outlet", "t", ["Ada Holt said the plan works."])
    analysis = Analysis(article, attributions=(
        said(article, "Ada Holt", "the plan works", kind="indirect", role=role, organisation=organisation),))
    (voice,) = _voices(analysis)
    assert (voice.role, voice.organisation) == (role, shown)


@pytest.mark.parametrize(("role", "shown"), [
    ("PLAINSVILLE - Ada", None),  # a dateline and her first name, no role
    ("PLAINSVILLE (AP) — the mayor", "the mayor"),
    ("CEO - Plains Mutual", "CEO - Plains Mutual"),  # an acronym, no dateline
])
def test_a_dateline_is_no_part_of_a_role(role: str, shown: str | None) -> None:
    article = make_article("a", "Outlet", "t", ["Ada Holt said the plan works."])
    analysis = Analysis(article, attributions=(said(article, "Ada Holt", "the plan works", role=role),))
    (voice,) = _voices(analysis)
    assert voice.role == shown


def test_a_titled_name_keeps_no_place_after_it() -> None:
    # voices round 24, sample P: "Representative Ada Holt of Oregon" is Ada Holt
    assert clean_speaker("Representative Ada Holt of Oregon") == ("Ada Holt", "Representative")
    assert clean_speaker("Mayor Ivo B. Dahl of New York") == ("Ivo B. Dahl", "Mayor")
    assert clean_speaker("King Abdullah of Plainsland") == ("Abdullah of Plainsland", "King")  # one word


def test_a_plural_is_no_voice_of_a_group_of_it() -> None:
    # voices round 24, sample P: "Republicans have been insisting ..." is not "a group of Republicans"
    text = ("Republicans have been insisting that taxes fall. But a group of Republicans say the party "
            "will yield.")
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "Republicans", "taxes fall", kind="indirect", cue="insisting"),
        said(article, "a group of Republicans", "the party will yield", kind="indirect", cue="say")))
    voices = _by_speaker(_voices(analysis))
    assert set(voices) == {"Republicans", "a group of Republicans"}


def test_a_role_keeps_no_relative_clause_nor_its_organisation() -> None:
    # voices round 24, sample P: "nominee, whose loss to Ivo Dahl marked ..." showed Dahl as employer
    text = "Ada Holt wrote that the town would heal."
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "Ada Holt", "the town would heal", kind="indirect", cue="wrote", organisation="Dahl",
             role="Plains party nominee, whose loss to Dahl marked an upset"),))
    (voice,) = _voices(analysis)
    assert (voice.role, voice.organisation) == ("Plains party nominee", None)


@pytest.mark.parametrize(("text", "inner"), [
    ("In a statement, Ada Holt, a partner with Lumio Boggs, said the firm was retained.", "Lumio Boggs"),
    ("“It will hold,” Sen. Ada Holt of Maine, who caucuses with the Democrats, told reporters.", "Democrats"),
    ("“So sad,” Ada Holt, the executive director of the group Plains Voice, tweeted.", "Plains Voice"),
])
def test_a_name_inside_a_persons_aside_gives_its_words_to_the_person(text: str, inner: str) -> None:
    # voices round 24, sample P: the speaker was read inside the apposition or relative clause
    article = make_article("a", "Outlet", "t", [text])
    cue = next(c for c in ("said", "told", "tweeted") if c in text)
    content = "the firm was retained" if "firm" in text else text[text.index("“") + 1:text.index(",”")]
    start = text.index(inner)
    attribution = replace(said(article, inner, content, kind="indirect", cue=cue),
                          speaker_span=(start, start + len(inner)),
                          cue_span=(text.index(cue), text.index(cue) + len(cue)))
    entities = (_entity(text, "Ada Holt", "PERSON"), _entity(text, inner, "PERSON"))
    analysis = Analysis(article, entities=entities, attributions=(attribution,))
    (voice,) = _voices(analysis)
    assert voice.speaker == "Ada Holt"


def test_a_name_before_its_own_cue_keeps_its_words() -> None:
    text = "Ada Holt met Ivo Dahl, who said the firm was retained."
    article = make_article("a", "Outlet", "t", [text])
    attribution = said(article, "Ivo Dahl", "the firm was retained", kind="indirect")
    attribution = replace(attribution, cue_span=(text.index("said"), text.index("said") + 4))
    entities = (_entity(text, "Ada Holt", "PERSON"), _entity(text, "Ivo Dahl", "PERSON"))
    analysis = Analysis(article, entities=entities, attributions=(attribution,))
    (voice,) = _voices(analysis)
    assert voice.speaker == "Ivo Dahl"


_HER_CAMPAIGN = ("her campaign", "she would wait", "said")
_THE_CAMPAIGN = ("the campaign", "Most are new", "told")


@pytest.mark.parametrize(("text", "written", "speaker"), [
    # voices round 24, sample P: "her campaign" left unresolved where the sentence before names her
    ("Ada Holt spoke on Saturday. Ahead of a rally, her campaign said she would wait.", _HER_CAMPAIGN,
     "Ada Holt's campaign"),
    ("Ada Holt met Ivo Dahl. Later, her campaign said she would wait.", _HER_CAMPAIGN,
     "her campaign"),  # two: no guess
    # voices round 25, sample Q: "the campaign" left unresolved where the article writes whose it is
    ("Ada Holt's campaign has more staff than Ivo Dahl's team. Most are new, the campaign told a paper.",
     _THE_CAMPAIGN, "Ada Holt's campaign"),
    ("Ada Holt's campaign and Ivo Dahl's campaign grew. Most are new, the campaign told a paper.",
     _THE_CAMPAIGN, "the campaign"),  # two campaigns: no guess
    ("Ada Holt spoke. Most are new, the campaign told a paper.", _THE_CAMPAIGN,
     "the campaign"),  # no campaign of hers
])
def test_her_campaign_or_the_campaign_is_the_one_persons_campaign(text: str, written: tuple[str, str, str],
                                                                  speaker: str) -> None:
    article = make_article("a", "Outlet", "t", [text])
    people = [_entity(text, name, "PERSON") for name in ("Ada Holt", "Ivo Dahl") if name in text]
    name, words, cue = written
    analysis = Analysis(article, entities=tuple(people), attributions=(
        said(article, name, words, kind="indirect", cue=cue),))
    (voice,) = _voices(analysis)
    assert voice.speaker == speaker


@pytest.mark.parametrize(("role", "shown"), [
    ("police Chief, Jr.", "police Chief"),  # voices round 25, sample Q: "Chief Ada Holt, Jr. said"
    ("Mayor, Sr.", "Mayor"),
    ("director, III", "director"),
    ("Junior Minister", "Junior Minister"),
])
def test_a_names_suffix_is_no_part_of_a_role(role: str, shown: str) -> None:
    article = make_article("a", "Outlet", "t", ["Ada Holt said the plan works."])
    analysis = Analysis(article, attributions=(said(article, "Ada Holt", "the plan works", role=role),))
    (voice,) = _voices(analysis)
    assert voice.role == shown


def test_a_title_written_before_the_name_is_not_cut_at_another_titles_hyphen() -> None:
    # voices round 25, sample Q: "President" of "President Holt" became "President-elect Dahl"
    text = "President Holt said the plan works, hours before the inauguration of President-elect Dahl."
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(said(article, "Holt", "the plan works", role="President"),))
    (voice,) = _voices(analysis)
    assert voice.role == "President"
    text = "Ada Holt, a co-author of the study, said the plan works."  # a role cut at its hyphen
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(said(article, "Ada Holt", "the plan works", role="co"),))
    (voice,) = _voices(analysis)
    assert voice.role == "co-author of the study"


@pytest.mark.parametrize(("speaker", "organisation", "shown"), [
    ("the Holt administration", "Holt", None),  # voices round 25, sample Q: the one it is named for
    ("the Holt campaign", "Holt", None),
    ("the Plains Mutual board", "Plains Mutual", "Plains Mutual"),
])
def test_the_person_an_administration_is_named_for_is_no_organisation(speaker: str, organisation: str,
                                                                     shown: str | None) -> None:
    text = f"{speaker} vowed to end the rule."
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, speaker, "to end the rule", kind="indirect", cue="vowed", organisation=organisation),))
    (voice,) = _voices(analysis)
    assert voice.organisation == shown


@pytest.mark.parametrize(("raw", "name", "office"), [
    # voices round 26, sample R: a title in lower case, with a conjunction, read as part of the name
    ("Holt Labs CEO and new Dahl Inc. general manager Ada Holt", "Ada Holt",
     "Holt Labs CEO and new Dahl Inc. general manager"),
    ("State Department of Parks and Recreation deputy director Ada Holt", "Ada Holt",
     "State Department of Parks and Recreation deputy director"),
    ("Police at", "Police", None),  # "Police at first told workers ...": no name ends in a preposition
    ("Officials at the Plains and Valley units", "Officials at the Plains and Valley units", None),
    ("Ada Holt, and manager Ivo Dahl", "Ada Holt, and manager Ivo Dahl", None),  # a comma: two people
    ("Some critics", "Some critics", None),
])
def test_a_lower_case_title_before_a_name_and_a_trailing_preposition_are_no_name(
        raw: str, name: str, office: str | None) -> None:
    assert clean_speaker(raw) == (name, office)


@pytest.mark.parametrize(("role", "organisation", "shown_role", "shown_organisation"), [
    ("Plains Herald's", "Plains Herald", None, "Plains Herald"),  # voices round 26, sample R: "the Plains
    # Herald's Ada Holt": the organisation's possessive, no role; the organisation stays
    ("Her spokesman", None, "spokesman", None),  # whose, the role shown alone cannot say
    ("his lawyer", None, "lawyer", None),
    ("Holt's spokesman", None, "Holt's spokesman", None),
    ("Lumio spokesman", "Lumio", "Lumio spokesman", "Lumio"),
])
def test_a_possessive_alone_is_no_role_and_a_pronoun_opens_none(
        role: str, organisation: str | None, shown_role: str | None, shown_organisation: str | None) -> None:
    article = make_article("a", "Outlet", "t", ["Ada Holt said the plan works."])
    analysis = Analysis(article, attributions=(
        said(article, "Ada Holt", "the plan works", role=role, organisation=organisation),))
    (voice,) = _voices(analysis)
    assert (voice.role, voice.organisation) == (shown_role, shown_organisation)


@pytest.mark.parametrize(("text", "owner", "label", "kind"), [
    # voices round 26, sample R: a team's or a company's spokesman, its possessive before the title
    ("On IR. Plains Rovers' spokesman Ivo Dahl said the owner had surgery.", "Plains Rovers", "ORG", "other"),
    ("Lumio's spokesman Ivo Dahl said the owner had surgery.", "Lumio", "ORG", "other"),
    ("The Pentagon's spokesman Ivo Dahl said the owner had surgery.", "Pentagon", "ORG", "official"),
    ("Holt's spokesman Ivo Dahl said the owner had surgery.", "Holt", "PERSON", "official"),  # a person's
    ("Spokesman Ivo Dahl said the owner had surgery.", "", None, "official"),  # none named: as before
])
def test_a_spokesmans_organisation_is_the_possessive_before_his_title(text: str, owner: str,
                                                                      label: str | None, kind: str) -> None:
    article = make_article("a", "Outlet", "t", [text, text])
    entities = () if label is None else (_entity(article.text, owner, label),
                                         _entity(article.text, owner, label, 1))
    analysis = Analysis(article, entities=entities, attributions=(
        said(article, "Ivo Dahl", "the owner had surgery", role="spokesman", kind="indirect"),))
    (voice,) = _voices(analysis)
    assert voice.kind == kind


@pytest.mark.parametrize(("text", "organisations", "speaker"), [
    # voices round 26, sample R: "the company's" left unresolved where the sentence before names it
    ("The threat led Lumio to mobilise its teams. The company's security team said the fix works.",
     ["Lumio"], "Lumio's security team"),
    ("Lumio and Plainsoft met. The company's security team said the fix works.", ["Lumio", "Plainsoft"],
     "The company's security team"),  # two: no guess
    ("The threat grew. The company's security team said the fix works.", [], "The company's security team"),
])
def test_the_companys_team_is_the_one_organisation_named_just_before(text: str, organisations: list[str],
                                                                     speaker: str) -> None:
    article = make_article("a", "Outlet", "t", [text])
    entities = tuple(_entity(text, name, "ORG") for name in organisations)
    analysis = Analysis(article, entities=entities, attributions=(
        said(article, "The company's security team", "the fix works", kind="indirect"),))
    (voice,) = _voices(analysis)
    assert voice.speaker == speaker


@pytest.mark.parametrize(("text", "written", "organisations", "speaker"), [
    # voices round 27, sample S: "the company" and "the paper" given to a name further back, or to none
    ("In 2013, Lumio was hacked, and the company said all accounts were hit.", "the company",
     [("Lumio", "ORG")], "Lumio"),
    ("The Plains Journal reported that Lumio cut staff. Its aim, according to the paper, is to save cash.",
     "the paper", [("Plains Journal", "ORG"), ("Lumio", "ORG")], "Plains Journal"),
    ("Lumio and Plainsoft met, and the company said all accounts were hit.", "the company",
     [("Lumio", "ORG"), ("Plainsoft", "ORG")], "Dahl Ventures"),  # two: the analysis's reading stands
    ("The Plains Journal reported it. The company said all accounts were hit.", "The company",
     [("Plains Journal", "ORG")], "Dahl Ventures"),  # a newsroom is no "company" here
    ("It built a Lumio chip, and the company said all accounts were hit.", "the company",
     [("Lumio", "ORG")], "Dahl Ventures"),  # a name that modifies a noun names no one
    ("It showed its new Lumio Pro, and the company said all accounts were hit.", "the company",
     [("Lumio Pro", "ORG")], "Dahl Ventures"),  # a thing owned
])
def test_the_company_and_the_paper_are_the_one_firm_or_newsroom_named_just_before(
        text: str, written: str, organisations: list[tuple[str, str]], speaker: str) -> None:
    article = make_article("a", "Outlet", "t", [text])
    entities = tuple(_entity(text, name, label) for name, label in organisations)
    words = "all accounts were hit" if "accounts" in text else "is to save cash"
    start, cue = text.index(written), text.index("said" if "said" in text else "according")
    analysis = Analysis(article, entities=entities, attributions=(Attribution(
        speaker="Dahl Ventures", cue="said", content=words, kind="indirect", canonical="dahl ventures",
        speaker_span=(start, start + len(written)), cue_span=(cue, cue + 4),
        content_span=(text.index(words), text.index(words) + len(words))),))
    (voice,) = _voices(analysis)
    assert voice.speaker == speaker


@pytest.mark.parametrize(("text", "taken", "entities", "speaker"), [
    # voices round 27, sample S: a pronoun given to a name the article writes only as a platform or a place
    ("Enter Ms. Holt, who describes herself on Plainsnet as a fan. “Try harder,” she wrote.", "Plainsnet",
     [("Holt", "PERSON"), ("Plainsnet", "PERSON")], "Ada Holt"),
    ("The Ledger's reporting angered members on Capitol Ridge, as it suggested the deal was off.",
     "Capitol Ridge", [("Ledger", "ORG"), ("Capitol Ridge", "ORG")], "Ledger"),
    ("Enter Ms. Holt, who met Plainsnet. “Try harder,” she wrote.", "Plainsnet",
     [("Holt", "PERSON"), ("Plainsnet", "PERSON")], "Plainsnet"),  # written otherwise too: as the analysis
    ("Ada Holt and Ivo Dahl posted on Plainsnet. “Try harder,” she wrote.", "Plainsnet",
     [("Ada Holt", "PERSON"), ("Ivo Dahl", "PERSON"), ("Plainsnet", "PERSON")], "Plainsnet"),  # two: no guess
])
def test_a_pronoun_given_to_a_platform_is_the_one_other_name_before(
        text: str, taken: str, entities: list[tuple[str, str]], speaker: str) -> None:
    article = make_article("a", "Outlet", "t", [text])
    found = tuple(Entity(name, label, "Ada Holt" if name == "Holt" else name,
                         (text.index(name), text.index(name) + len(name))) for name, label in entities)
    pronoun = "she" if " she " in text else "it"
    words = "Try harder" if pronoun == "she" else "the deal was off"
    start, cue = text.index(f" {pronoun} ") + 1, text.rindex("wrote" if pronoun == "she" else "suggested")
    analysis = Analysis(article, entities=found, attributions=(Attribution(
        speaker=taken, cue="wrote", content=words, kind="direct", canonical=speaker_key(taken),
        speaker_span=(start, start + len(pronoun)), cue_span=(cue, cue + 5),
        content_span=(text.index(words), text.index(words) + len(words))),))
    (voice,) = _voices(analysis)
    assert voice.speaker == speaker


@pytest.mark.parametrize(("text", "taken", "speaker"), [
    # voices round 27, sample S: a one-word name read as a building named for the person
    ("Ada Holt met them near Holt Tower. Holt accused the board of lying.", "Holt Tower", "Ada Holt"),
    ("Ada Holt met them. Holt Dahl accused the board of lying.", "Holt Dahl", "Holt Dahl"),  # a person's name
])
def test_a_name_read_as_a_building_named_for_a_person_is_the_person(text: str, taken: str,
                                                                    speaker: str) -> None:
    article = make_article("a", "Outlet", "t", [text])
    people = (Entity("Ada Holt", "PERSON", "Ada Holt", (0, 8)),
              Entity(taken, "PERSON", taken, (text.index(taken), text.index(taken) + len(taken))))
    start = text.rindex("Holt ")
    words = "the board of lying"
    analysis = Analysis(article, entities=people, attributions=(Attribution(
        speaker=taken, cue="accused", content=words, kind="indirect", canonical=speaker_key(taken),
        speaker_span=(start, start + 4 if taken == "Holt Tower" else start + len(taken)),
        cue_span=(text.index("accused"), text.index("accused") + 7),
        content_span=(text.index(words), text.index(words) + len(words))),))
    (voice,) = _voices(analysis)
    assert voice.speaker == speaker


def test_a_pair_of_times_cut_from_a_group_is_made_whole() -> None:
    # voices round 27, sample S: "five past and present Plains senators" read from "present"
    text = "Five past and present Plains senators urged Ada Holt to step aside."
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "present Plains senators", "Ada Holt to step aside", kind="indirect", cue="urged"),))
    (voice,) = _voices(analysis)
    assert voice.speaker == "past and present Plains senators" and voice.kind == "official"
    text = "Current and former officials said the plan works."  # written whole: as it is
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(said(article, "Current and former officials", "the plan works",
                                                    kind="indirect"),))
    (voice,) = _voices(analysis)
    assert voice.speaker == "Current and former officials"


@pytest.mark.parametrize(("raw", "name", "office"), [
    ("Speaker Ada Holt", "Ada Holt", "Speaker"),  # voices round 27, sample S: the Speaker's title
    ("House Speaker Ada Holt", "Ada Holt", "House Speaker"),
    ("keynote speaker Ada Holt", "keynote speaker Ada Holt", None),
])
def test_a_speakers_title_is_no_part_of_her_name(raw: str, name: str, office: str | None) -> None:
    assert clean_speaker(raw) == (name, office)


@pytest.mark.parametrize(("text", "role", "organisation", "shown_role", "shown_organisation"), [
    # voices round 27, sample S: a title cut after "Director of", a body cut before "committee"
    ("Director of National Intelligence Ada Holt said the plan works.", "National Intelligence", None,
     "Director of National Intelligence", None),
    ("Plains Labs Ada Holt said the plan works.", "Plains Labs", None, "Plains Labs", None),
    ("Intelligence committee chairman Sen. Ada Holt said the plan works.",
     "Intelligence committee chairman Sen.", "Intelligence", "Intelligence committee chairman Sen.", None),
    ("Senate Majority Leader Ada Holt said the plan works.", "Senate Majority Leader", "Senate",
     "Senate Majority Leader", "Senate"),
])
def test_a_title_cut_after_its_of_is_whole_and_a_committees_word_is_no_organisation(
        text: str, role: str, organisation: str | None, shown_role: str,
        shown_organisation: str | None) -> None:
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, attributions=(
        said(article, "Ada Holt", "the plan works", role=role, organisation=organisation, kind="indirect"),))
    (voice,) = _voices(analysis)
    assert (voice.role, voice.organisation) == (shown_role, shown_organisation)
    assert voice.kind == ("other" if role == "Plains Labs" else "official")


def _one_voice(text: str, written: str, speaker: str, words: str, cue: str,
               entities: tuple[Entity, ...] = ()) -> Voice:
    """The one voice of an article whose one attribution gives ``words`` to ``speaker`` (as the
    analysis resolved it), written as ``written`` before ``cue``."""
    start, at = text.index(written), text.index(cue)
    article = make_article("a", "Outlet", "t", [text])
    analysis = Analysis(article, entities=entities, attributions=(Attribution(
        speaker=speaker, cue=cue, content=words, kind="indirect", canonical=speaker_key(speaker),
        speaker_span=(start, start + len(written)), cue_span=(at, at + len(cue)),
        content_span=(text.index(words), text.index(words) + len(words))),))
    (voice,) = _voices(analysis)
    return voice


@pytest.mark.parametrize(("text", "speaker"), [
    # voices round 28, sample T: "the agency", a body or a newsroom named just before
    ("The Plains Transit Authority has closed the line at a Holt depot, the agency announced.",
     "Plains Transit Authority"),
    ("Plainsnet said the Plains Transit Authority has closed the line, the agency announced.",
     "Dahl Ventures"),  # two: no guess

])
def test_the_agency_is_the_one_body_named_just_before(text: str, speaker: str) -> None:
    names = [n for n in ("Plains Transit Authority", "Holt", "Plainsnet") if n in text]
    entities = tuple(_entity(text, name, "ORG") for name in names)
    assert _one_voice(text, "the agency", "Dahl Ventures", "has closed the line", "announced",
                      entities).speaker == speaker


@pytest.mark.parametrize(("raw", "name", "office"), [
    ("Insp Ada Holt", "Ada Holt", "Insp"),  # voices round 28, sample T: a police rank abbreviated
    ("Det. Sgt. Ada Holt", "Ada Holt", "Det. Sgt."),
    ("police there", "police", None),  # a place's adverb run into the subject
    ("officials here", "officials", None),
])
def test_a_police_rank_and_a_places_adverb_are_no_name(raw: str, name: str, office: str | None) -> None:
    assert clean_speaker(raw) == (name, office)


def test_a_rank_read_into_the_name_joins_the_full_name() -> None:
    text = "Inspector Ada Holt said the road was shut. Insp Holt said the pass was icy."
    article = make_article("a", "Outlet", "t", [text])
    first, second = text.index("Inspector Ada Holt"), text.index("Insp Holt")
    attributions = tuple(Attribution(
        speaker=who, cue="said", content=words, kind="indirect", canonical=key,
        speaker_span=(at, at + len(who)), cue_span=(text.index("said", at), text.index("said", at) + 4),
        content_span=(text.index(words), text.index(words) + len(words)))
        for who, key, at, words in (("Ada Holt", "ada holt", first, "the road was shut"),
                                    ("Insp Holt", "insp holt", second, "the pass was icy")))
    (voice,) = _voices(Analysis(article, attributions=attributions))
    assert voice.speaker == "Ada Holt" and len(voice.quotes) == 2


def test_a_pronoun_that_goes_on_is_the_unnamed_one_who_spoke_before() -> None:
    text = ("Ada Holt was a nurse. The friend said she was cheerful. She added: \"We talked for hours.\"")
    article = make_article("a", "Outlet", "t", [text])
    friend, she = text.index("The friend"), text.index("She added")

    def said(speaker: str, key: str, at: int, length: int, cue: str, words: str) -> Attribution:
        return Attribution(speaker=speaker, cue=cue, content=words, kind="indirect", canonical=key,
                           speaker_span=(at, at + length),
                           cue_span=(text.index(cue), text.index(cue) + len(cue)),
                           content_span=(text.index(words), text.index(words) + len(words)))

    attributions = (said("The friend", "friend", friend, 10, "said", "she was cheerful"),
                    said("Ada Holt", "ada holt", she, 3, "added", "We talked for hours."))
    (voice,) = _voices(Analysis(article, attributions=attributions))
    assert voice.speaker == "The friend" and len(voice.quotes) == 2
    named = (attributions[0], replace(attributions[1], cue="said", cue_span=(she + 4, she + 9)))
    assert {v.speaker for v in _voices(Analysis(article, attributions=named))} == {"The friend", "Ada Holt"}
    office = (replace(attributions[0], speaker="The mayor", canonical="mayor"), attributions[1])
    assert {v.speaker for v in _voices(Analysis(article, attributions=office))} == {"The mayor", "Ada Holt"}


def test_someone_described_by_a_body_or_written_as_another_joins_no_one() -> None:
    text = ("A reporter of the news agency, PNA, said the road was shut. The pass was icy, PNA reported. "
            "Another neighbour said it was loud. It was late, the neighbour said.")
    article = make_article("a", "Outlet", "t", [text])

    def said(speaker: str, key: str, cue: str, words: str) -> Attribution:
        at = text.index(speaker)
        c = text.index(cue, at if cue == "said" else text.index(words))
        return Attribution(speaker=speaker, cue=cue, content=words, kind="indirect", canonical=key,
                           speaker_span=(at, at + len(speaker)), cue_span=(c, c + len(cue)),
                           content_span=(text.index(words), text.index(words) + len(words)))

    attributions = (said("A reporter of the news agency, PNA", "a reporter of the news agency pna", "said",
                         "the road was shut"),
                    said("PNA", "pna", "reported", "The pass was icy"),
                    said("Another neighbour", "another neighbour", "said", "it was loud"),
                    said("the neighbour", "neighbour", "said", "It was late"))
    voices = _by_speaker(_voices(Analysis(article, attributions=attributions)))
    assert set(voices) == {"A reporter of the news agency, PNA", "PNA", "Another neighbour", "the neighbour"}


def test_one_of_a_pair_joins_no_voice_of_the_pair() -> None:
    text = "Lumio and Plainsoft said the deal was done. Lumio said it would keep its staff."
    article = make_article("a", "Outlet", "t", [text])
    second = text.index("Lumio said")
    attributions = (
        Attribution(speaker="Lumio and Plainsoft", cue="said", content="the deal was done", kind="indirect",
                    canonical="lumio and plainsoft", speaker_span=(0, 19), cue_span=(20, 24),
                    content_span=(25, 42)),
        Attribution(speaker="Lumio", cue="said", content="it would keep its staff", kind="indirect",
                    canonical="lumio", speaker_span=(second, second + 5), cue_span=(second + 6, second + 10),
                    content_span=(second + 11, second + 34)))
    assert {v.speaker for v in _voices(Analysis(article, attributions=attributions))} == {
        "Lumio and Plainsoft", "Lumio"}


def test_one_place_of_a_list_is_no_organisation() -> None:
    text = "Residents of Holt, Dahl Falls, Vale and Kade reported feeling it."
    article = make_article("a", "Outlet", "t", [text])
    written = "Residents of Holt, Dahl Falls, Vale and Kade"
    analysis = Analysis(article, attributions=(Attribution(
        speaker=written, cue="reported", content="feeling it", kind="indirect", organisation="Dahl Falls",
        canonical=speaker_key(written), speaker_span=(0, len(written)),
        cue_span=(text.index("reported"), text.index("reported") + 8),
        content_span=(text.index("feeling it"), text.index("feeling it") + 10)),))
    (voice,) = _voices(analysis)
    assert voice.organisation is None


def test_a_role_written_only_inside_the_words_is_not_the_speakers() -> None:
    text = "Ada Holt was a model. Later she claimed she turned down media mogul Ivo Dahl's offer."
    words = "she turned down media mogul Ivo Dahl's offer"
    at = text.index("she claimed")
    attribution = Attribution(speaker="Ada Holt", cue="claimed", content=words, kind="indirect",
                              role="Media Mogul", canonical="ada holt", speaker_span=(at, at + 3),
                              cue_span=(at + 4, at + 11), content_span=(text.index(words), len(text) - 1))
    article = make_article("a", "Outlet", "t", [text])
    (voice,) = _voices(Analysis(article, attributions=(attribution,)))
    assert voice.role is None
    beside = "Media mogul Ada Holt claimed she turned down Ivo Dahl's offer."
    kept = replace(attribution, content="she turned down Ivo Dahl's offer", speaker_span=(12, 20),
                   cue_span=(21, 28), content_span=(29, len(beside) - 1))
    (voice,) = _voices(Analysis(make_article("a", "Outlet", "t", [beside]), attributions=(kept,)))
    assert voice.role == "Media Mogul"
