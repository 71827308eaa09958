"""What can stand alone in a Speed Read: datelines trimmed, dependent openings, bare quotations."""

from __future__ import annotations

import pytest

from broadsheet.brief.sentences import (
    bare_quotation,
    opens_dependent,
    speeches,
    standalone,
    trim,
    writer_voice,
)
from broadsheet.brief.summarize import summarize_story
from broadsheet.model import Analysis, Story
from test_brief_data import make_article, said


@pytest.mark.parametrize(("text", "rest"), [
    ("WASHINGTON (AP) — Ambassador Gordon Sondland faced questions.", "Ambassador Gordon Sondland faced "
     "questions."),
    ("SIOUX FALLS, S.D. – People across the nation are talking.", "People across the nation are talking."),
    ("HONOLULU, Hawaii (HawaiiNewsNow) - NASA scientists confirmed it.", "NASA scientists confirmed it."),
    ("CLEVELAND, Ohio – The Doobie Brothers will tour.", "The Doobie Brothers will tour."),
    ("UPDATE - May 30, 5:20 p.m.: The company said it would appeal.", "The company said it would appeal."),
    ("Nov 18 (Reuters) - Google said on Monday it would.", "Google said on Monday it would."),
    ("(CNN)President Donald Trump said so.", "President Donald Trump said so."),
    ("LONDON: The British government said so.", "The British government said so."),
    ("UPDATE: WASHINGTON (AP) — The Senate voted.", "The Senate voted."),
    ("EXCLUSIVE: Trump to sign the order.", "Trump to sign the order."),
    ("Hong Kong (CNN Business)A muddled view weighs on investors.", "A muddled view weighs on investors."),
    ("WASHINGTON ― Democrats provided the votes.", "Democrats provided the votes."),
    ("WASHINGTON –- The White House released the emails.", "The White House released the emails."),
    ("WASHINGTON—Joining a chorus of bishops, faculty wrote.", "Joining a chorus of bishops, faculty wrote."),
    ("Updated: Rick Santorum on Sunday tried to clarify.", "Rick Santorum on Sunday tried to clarify."),
])
def test_datelines_and_labels_are_trimmed_leaving_a_verbatim_slice(text: str, rest: str) -> None:
    offset, kept = trim(text)
    assert kept == rest and text[offset:] == rest


@pytest.mark.parametrize("text", [
    "Kurt Volker, the former special envoy to Ukraine, testified on Tuesday.",
    "NASA said the five companies — Blue Origin and SpaceX — had been selected.",
    "In the morning, Democratic lawmakers grilled Lt Col Alexander Vindman.",
    "Apple Inc: shares rose 3% after the launch.",
    "A New York man pleaded guilty Monday to threatening to kill Rep. Ilhan Omar.",
    "Apple Inc:shares rose 3% after the launch.",
    "COVID-19 cases rose in the state.",
    "NASA-funded scientists found water.",
    "Mike Pence (R) visited the plant on Monday.",
])
def test_ordinary_openings_are_not_datelines(text: str) -> None:
    assert trim(text) == (0, text)


@pytest.mark.parametrize(("text", "dependent"), [
    ("He tweaked the rules again on Monday.", True),
    ("That came seven years after he sought refuge.", True),
    ("It was the shot to the head heard round the world.", True),
    ("Separately, the US is seeking his extradition.", True),
    ("However, the council voted against the plan.", True),
    ("In addition, the company cut its forecast.", True),
    ("Mr. Garrett then swung it at Mr. Rudolph.", True),
    ("5 of those hits were from two players facing suspension now.", True),
    ("If these new opportunities are cost-effective, the grant worked.", True),
    ("Earlier this week the council met in private.", False),
    ("Many of those who fled have returned.", False),
    ("\u201cBut we will not stop,\u201d she said.", True),
    ("The council voted against the plan on Monday.", False),
    ("Thousands marched through the capital.", False),
    ("Theresa May resigned as prime minister.", False),
    ("Clearly, she believes the waitress, too.", True),
    ("As they stepped outside the airport, they appeared sad.", True),
    ("When he arrived, the police were waiting.", True),
    ("After she abruptly left a clinic on Thursday, Lindsay Lohan checked into another.", False),
    ("As Mueller's report was released, Democrats demanded all of it.", False),
    ("Fortunately, the fire was put out within an hour.", False),
    ("One person was killed in the crash on Interstate 95.", False),
    ("One member of the Browns' defense didn't hold back on Monday.", False),
    ("One of them said the fight was planned.", True),
    ("One was found dead in the river.", True),
])
def test_pronoun_and_connective_openings_are_dependent(text: str, dependent: bool) -> None:
    assert opens_dependent(text) is dependent


@pytest.mark.parametrize(("text", "voice"), [
    ("We asked the ministry for comment.", True),
    ("Brace yourself: the prices are rising.", True),
    ("Is this the end of the high street?", True),
    ("Now, for the start of the performance!", True),
    ("Welcome to the new 16-inch MacBook Pro.", True),
    ("For full details on the grant, see this page.", True),
    ("\u201cWe will win,\u201d the coach said after the game.", False),
    ("The ministry did not respond to a request for comment.", False),
    ("Two US service members were killed, the US military said.", False),
    ("Tell us what you think.", True),
])
def test_the_writers_own_voice_is_refused(text: str, voice: bool) -> None:
    assert writer_voice(text) is voice


def test_a_quotation_needs_its_named_speaker_in_the_same_sentence() -> None:
    article = make_article("a", "Outlet", "t", [
        "\u201cAmerica is not a clown show and never will be,\u201d Glenn Beck said on his show.",
        "\u201cWe are looking at every option on the table,\u201d he said.",
        "\u201cThe state is on meth and so is everyone else,\u201d read the new billboards.",
        "The so-called \u201cmeth, we're on it\u201d campaign drew criticism on Monday.",
    ])
    text = article.text
    attributions = (
        said(article, "Glenn Beck", "America is not a clown show and never will be"),
        said(article, "he", "We are looking at every option on the table"),
    )
    beck, cue_he = attributions
    beck = beck.__class__(**{**beck.__dict__, "cue_span": (text.index("said"), text.index("said") + 4)})
    second = text.index("he said")
    cue_he = cue_he.__class__(**{**cue_he.__dict__, "speaker_span": (second, second + 2),
                                 "cue_span": (second + 3, second + 7)})
    spoken = speeches(text, (beck, cue_he))
    sentences = [p for p in article.paragraphs]
    starts = [text.index(s) for s in sentences]
    assert not bare_quotation(sentences[0], starts[0], spoken)  # Glenn Beck is named in it
    assert bare_quotation(sentences[1], starts[1], spoken)  # "he" names nobody
    assert bare_quotation(sentences[2], starts[2], spoken)  # nobody is credited at all
    assert not bare_quotation(sentences[3], starts[3], spoken)  # a short quoted term
    assert standalone(sentences[3], starts[3], spoken)


def test_speed_reads_hold_no_dateline_no_dependent_opening_and_no_bare_quote() -> None:
    first = make_article("a", "Wire", "Storm shuts ports", [
        "MIAMI (AP) — A hurricane forced the closure of three ports along the Florida coast on "
        "Tuesday as winds reached 120 miles per hour.",
        "It was the strongest storm to hit the state this year.",
        "\u201cWe have never seen anything like this before in our lives,\u201d one resident said.",
    ])
    second = make_article("b", "Paper", "Ports closed as hurricane nears", [
        "Three Florida ports closed on Tuesday ahead of a hurricane with winds of 120 miles per hour.",
        "However, officials said the airports would stay open for now.",
        "Shipping companies rerouted more than forty cargo vessels to ports in Georgia and Texas.",
    ])
    story = Story(id="s", title="Hurricane closes Florida ports", article_ids=("a", "b"))
    summary = summarize_story(story, {"a": Analysis(first), "b": Analysis(second)}, sentences=3)
    texts = [s.text for s in summary]
    assert texts[0] in (  # the lead, its dateline trimmed
        "A hurricane forced the closure of three ports along the Florida coast on Tuesday as winds "
        "reached 120 miles per hour.",
        "Three Florida ports closed on Tuesday ahead of a hurricane with winds of 120 miles per hour.")
    assert "Shipping companies rerouted more than forty cargo vessels to ports in Georgia and Texas." in texts
    assert not any(t.startswith(("It ", "However", "\u201c")) for t in texts)
    assert len(texts) == 2  # the Paper's lead says the same as the Wire's: not repeated
