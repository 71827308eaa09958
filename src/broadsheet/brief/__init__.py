"""The brief stage: Story values (plus their articles' analyses) in, one ranked Edition out.

    rank.py       which stories lead: distinct outlets, recency, size
    summarize.py  extractive, cited summaries (sentences copied verbatim from the sources)
    voices.py     "what they're saying": attributions grouped by speaker, each quote cited
    edition.py    puts them together: ``build_edition``
"""

from __future__ import annotations

from broadsheet.brief.edition import build_edition

__all__ = ["build_edition"]
