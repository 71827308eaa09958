"""Analysis of articles: the spaCy parse, then the rules (see ``broadsheet.analyze``)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from broadsheet.analyze.attribution import find_attributions
from broadsheet.analyze.dates import find_dates
from broadsheet.analyze.entities import find_entities
from broadsheet.analyze.nlp import (
    DEFAULT_BATCH_SIZE,
    DEFAULT_MAX_CHARS,
    DEFAULT_MODEL,
    load_model,
    parse_texts,
)
from broadsheet.model import Analysis, Article, Attribution


def analyze_articles(
    articles: Sequence[Article],
    nlp: Language,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> list[Analysis]:
    """One Analysis per article, in order: ``nlp.pipe`` over the texts in batches, then the rules."""
    docs = parse_texts(
        [article.text for article in articles], nlp, batch_size=batch_size, max_chars=max_chars
    )
    return [analyze_doc(doc, article) for doc, article in zip(docs, articles, strict=True)]


def analyze_doc(doc: Doc, article: Article) -> Analysis:
    """The Analysis of one article from its parsed text (``doc`` is ``nlp(article.text)``)."""
    entities = find_entities(doc)
    attributions = find_attributions(doc, article, entities=entities)
    dates = find_dates(doc, article.published)
    return Analysis(article, tuple(entities), tuple(attributions), tuple(dates))


def attribution_pipeline(model: str | None = None) -> Language:
    """The spaCy pipeline attribution needs (loaded once per process)."""
    return load_model(model or DEFAULT_MODEL)


def find_article_attributions(
    texts: Sequence[str], nlp: Language, *, batch_size: int = DEFAULT_BATCH_SIZE
) -> list[list[Attribution]]:
    """The attributions of each text, in order (the benchmark's entry point: no Article needed)."""
    return [find_attributions(doc) for doc in parse_texts(texts, nlp, batch_size=batch_size)]
