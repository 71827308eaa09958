"""Read already-clean articles from JSON Lines: one JSON object a line.

Fields (all but ``text`` optional): ``title``, ``text``, ``url``, ``outlet``, ``published``. Common
aliases are accepted so corpora load as they are: ``body``/``content`` for text, ``source``/``publisher``
for outlet, ``date``/``published_at`` for published. A line that is not a JSON object with text
becomes a ``Rejected`` naming the line (``file.jsonl:12``); the other lines go on.
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
    "text": ("text", "body", "content", "articleBody"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "publisher", "site"),
    "published": ("published", "date", "published_at", "publish_date"),
}


def _field(record: Mapping[str, Any], name: str) -> str | None:
    for key in ALIASES[name]:
        value = record.get(key)
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return None


def record_to_page(record: Mapping[str, Any], source: str) -> Page:
    """One JSON object as a ``record`` Page; raises ``UnreadableInput`` when it has no text."""
    text = _field(record, "text")
    if text is None:
        raise UnreadableInput("the record has no text field (text, body or content)",
                              reason="no_text")
    url = _field(record, "url")
    return Page(
        id=page_id(url, text),
        source=source,
        kind="record",
        content=text,
        url=url,
        title=_field(record, "title"),
        outlet=_field(record, "outlet"),
        published=normalise(_field(record, "published")),
    )


def _parse_line(line: str, source: str) -> Page:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise UnreadableInput(f"not JSON: {exc.msg} at column {exc.colno}",
                              reason="parse_error") from exc
    if not isinstance(record, dict):
        raise UnreadableInput("the line is JSON but not an object", reason="parse_error")
    return record_to_page(record, source)


def read_jsonl(path: Path) -> Iterator[Page | Rejected]:
    """Every record of a JSON Lines file; bad lines become ``Rejected`` and the rest go on."""
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise UnreadableInput(f"cannot read the file: {exc.strerror or exc}") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                yield _parse_line(line, source)
            except UnreadableInput as exc:
                yield Rejected(source, "ingest", exc.reason, str(exc))
