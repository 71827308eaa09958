"""Analyze: Article -> Analysis (entities, who said what, dates).

    articles ──nlp.parse_texts──▶ Doc ──entities.find_entities──────────▶ Entity (canonical names)
                                      ├─attribution.find_attributions──▶ Attribution (speaker, role,
                                      │                                   organisation, via, when ...)
                                      └─dates.find_dates───────────────▶ DateMention (ISO value)

The spaCy model is loaded by the caller (``nlp.load_model``, once per process) and passed in; the
rules are pure functions of the Doc and the Article (its ``published`` date is the reference for
relative dates, its ``outlet`` tells a reporting chain from the outlet's own interview). Every span
is a ``(start, end)`` character pair into ``article.text``. A text longer than ``max_chars``
(default 100,000 characters) is analysed on its first ``max_chars`` characters only.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "analyze_articles", "analyze_doc", "attribution_pipeline", "find_article_attributions", "load_model"
]


def __getattr__(name: str) -> Any:
    """Load spaCy only when analysis is asked for: importing the package stays cheap."""
    if name in __all__:
        from broadsheet.analyze import core

        return getattr(core, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
