"""Read already-clean articles from JSON Lines: one JSON object a line.

Fields (all but ``text`` optional): ``title``, ``text``, ``url``, ``outlet``, ``published``. Common
aliases are accepted so corpora load as they are (``ALIASES``): ``body``/``content``/``maintext`` for
text (or a lead alone: ``description``, ``summary``...), ``source``/``publisher`` for outlet,
``date``/``published_at``/``timestamp`` for published, and the field names of news-please, NewsAPI
and schema.org; a text given as a list of paragraphs is read one paragraph each, and an outlet
given as an object by its ``name``. A line that is not a JSON object with text becomes a
``Rejected`` naming the line (``file.jsonl:12``); the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from broadsheet.errors import UnreadableInput
from broadsheet.identity import page_id
from broadsheet.model import Page, Rejected
from broadsheet.timestamps import normalise

ALIASES: Mapping[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "articleBody", "maintext", "article",
             "description", "short_description", "summary", "abstract", "snippet"),  # the lead alone
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "publisher", "site", "source_domain", "domain"),
    "published": ("published", "date", "published_at", "publish_date", "date_publish", "datePublished",
                  "date_published", "publishedAt", "pubDate", "datetime", "timestamp"),
}
# A labelled set's own article key, kept as the article's id by ``broadsheet cluster`` so its
# output lines can be scored against the set's labels as they are.
ID_FIELDS = ("id", "article_id", "doc_id", "docid", "document_id", "uid", "guid")


def record_id(record: Mapping[str, Any]) -> str | None:
    """The record's own id: the first of ``ID_FIELDS`` it gives (a string or a number)."""
    for key in ID_FIELDS:
        value = record.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _field(record: Mapping[str, Any], name: str) -> str | None:
    for key in ALIASES[name]:
        value = _scalar(record.get(key))
        if value:
            return value
    return None


def _scalar(value: Any) -> str | None:
    """A field's text: a string or a number as it is, a list of strings (paragraphs) one a
    paragraph, an object by its ``name`` (NewsAPI's ``"source": {"id": ..., "name": "CNN"}``)."""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value).strip() or None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return "\n\n".join(v.strip() for v in value if v.strip()) or None
    if isinstance(value, Mapping):
        return _scalar(value.get("name"))
    return None


def record_to_page(record: Mapping[str, Any], source: str) -> Page:
    """One JSON object as a ``record`` Page; raises ``UnreadableInput`` when it has no text."""
    text = _field(record, "text")
    if text is None:
        raise UnreadableInput("the record has no text field (text, body or content)",
                              reason="no_text")
    return _page(record, source, text, key=text)


def headline_to_page(record: Mapping[str, Any], source: str) -> Page | None:
    """A record with a headline and no text (a set of headlines) as a ``record`` Page with no
    content, or None when it has no headline either. Only ``broadsheet cluster`` reads such lines:
    a story can be told by its headline, an article cannot be stored without its text."""
    title = _field(record, "title")
    return None if title is None else _page(record, source, "", key=title)


def _page(record: Mapping[str, Any], source: str, content: str, *, key: str) -> Page:
    """The ``record`` Page of ``record``, its id from its URL, else from ``key``."""
    url = _field(record, "url")
    return Page(id=page_id(url, key), source=source, kind="record", content=content, url=url,
                title=_field(record, "title"), outlet=_field(record, "outlet"),
                published=normalise(_field(record, "published")))


def parse_record(line: str) -> dict[str, Any]:
    """One line's JSON object; raises ``UnreadableInput`` (``parse_error``) when it is none."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"not JSON: {exc.msg} at column {exc.colno}",
                              reason="parse_error") from exc
    if not isinstance(record, dict):
        raise UnreadableInput("the line is JSON but not an object", reason="parse_error")
    return record


def numbered_lines(path: Path) -> Iterator[tuple[str, str]]:
    """Every non-blank line of a JSON Lines file with the source that names it (``file.jsonl:12``);
    raises ``UnreadableInput`` when the file cannot be opened."""
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if line.strip():
                yield f"{path}:{number}", line


def read_jsonl(path: Path) -> Iterator[Page | Rejected]:
    """Every record of a JSON Lines file; bad lines become ``Rejected`` and the rest go on."""
    for source, line in numbered_lines(path):
        try:
            yield record_to_page(parse_record(line), source)
        except UnreadableInput as exc:
            yield Rejected(source, "ingest", exc.reason, str(exc))
