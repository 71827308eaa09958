"""The record shapes the CLI prints, part of broadsheet's stable interface (DESIGN.md).

``extract`` prints ``article_record``; ``analyze`` prints ``analysis_record`` (the extract fields plus
``entities``, ``attributions`` and ``dates``); an input that could not be processed prints
``rejected_record`` on its own line, so there is one line per input page either way.
"""

from __future__ import annotations

from typing import Any

from broadsheet.codec import to_dict
from broadsheet.model import Analysis, Article, Attribution, Rejected, Span
from broadsheet.text import printable


def article_record(article: Article) -> dict[str, Any]:
    """``source, url, title, text, authors, published, outlet, section, language, is_article,
    not_article, opinion, related``."""
    return {
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "text": article.text,
        "authors": list(article.authors),
        "published": article.published,
        "outlet": article.outlet,
        "section": article.section,
        "language": article.language,
        "is_article": article.is_article,
        "not_article": article.not_article,
        "opinion": article.opinion,
        "related": [to_dict(item) for item in article.related],
    }


def _span(span: Span | None) -> list[int] | None:
    return list(span) if span is not None else None


def attribution_record(attribution: Attribution) -> dict[str, Any]:
    """One who-said-what record; ``spans`` are ``[start, end]`` offsets into the article text."""
    return {
        "speaker": attribution.speaker,
        "role": attribution.role,
        "organisation": attribution.organisation,
        "cue": attribution.cue,
        "content": attribution.content,
        "kind": attribution.kind,
        "via": attribution.via,
        "when": attribution.when,
        "act": attribution.act,
        "canonical": attribution.canonical,
        "spans": {
            "speaker": _span(attribution.speaker_span),
            "cue": _span(attribution.cue_span),
            "content": _span(attribution.content_span),
        },
    }


def analysis_record(analysis: Analysis) -> dict[str, Any]:
    """The extract record plus ``entities``, ``attributions`` and ``dates``."""
    record = article_record(analysis.article)
    record["entities"] = [
        {"text": e.text, "label": e.label, "canonical": e.canonical} for e in analysis.entities
    ]
    record["attributions"] = [attribution_record(a) for a in analysis.attributions]
    record["dates"] = [{"text": d.text, "value": d.value} for d in analysis.dates]
    return record


def rejected_record(rejected: Rejected) -> dict[str, Any]:
    """An input that could not be processed: its source and ``error: {stage, reason, detail}``."""
    return {
        "source": printable(rejected.source),
        "error": {"stage": rejected.stage, "reason": rejected.reason,
                  "detail": printable(rejected.detail)},
    }
