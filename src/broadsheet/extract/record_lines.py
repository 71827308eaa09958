"""A labelled set's JSON Lines file as Articles, as ``broadsheet cluster`` and
``broadsheet bench clustering --set`` read it.

Each line is one JSON object: the fields ``ingest`` accepts (``ingest/records.py``, under their
common names), plus the line's own id (``id``, ``article_id``, ``doc_id``...: ``records.ID_FIELDS``),
kept as the article's id so the output can be scored against the set's labels as they are; a
line without one gets the article id rule (canonical URL, else content hash). A line with a
headline and no text is an Article of no paragraphs, clustered by its headline (``ingest`` still
rejects such a line: an article is not stored without its text). A line that is not a JSON object,
or has neither text nor headline, becomes a ``Rejected`` naming the line (``file.jsonl:12``) and
the other lines go on.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from broadsheet.errors import UnreadableInput
from broadsheet.extract import from_record, headline_only
from broadsheet.ingest.records import (
    headline_to_page,
    numbered_lines,
    parse_record,
    record_id,
    record_to_page,
)
from broadsheet.model import Article, Rejected

Line = tuple[Mapping[str, Any] | None, Article | Rejected]  # the parsed object (None: not one)


def record_article(record: Mapping[str, Any], source: str) -> Article | Rejected:
    """One JSON object as an Article under its own id (or the id rule), a headline alone as an
    Article of no paragraphs, or a ``Rejected`` saying why it is neither."""
    try:
        article = _article(record, source)
    except UnreadableInput as exc:
        return Rejected(source, "ingest", exc.reason, str(exc))
    own = record_id(record)
    return article if own is None or isinstance(article, Rejected) else replace(article, id=own)


def _article(record: Mapping[str, Any], source: str) -> Article | Rejected:
    try:
        return from_record(record_to_page(record, source))
    except UnreadableInput:
        page = headline_to_page(record, source)
        if page is None:
            raise
        return headline_only(page)


def parse_line(line: str, source: str) -> Line:
    """One line: its JSON object and its Article, or a ``Rejected`` when it is no JSON object."""
    try:
        record = parse_record(line)
    except UnreadableInput as exc:
        return None, Rejected(source, "ingest", exc.reason, str(exc))
    return record, record_article(record, source)


def read_lines(path: Path) -> Iterator[Line]:
    """Every non-blank line of ``path``, in order (see ``parse_line``)."""
    for source, line in numbered_lines(path):
        yield parse_line(line, source)
