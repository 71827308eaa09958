"""Sample M: voices on BASIL news articles (NYT, Fox News, HuffPost), judged by hand (``bench.voices``).

BASIL's texts carry no licence, so the judged file keeps none of their quoted words: each voice's words
are found again by character offsets into its article and a hash of them. The edition is rebuilt from
the articles the file lists (only those), read as plain text from ``BROADSHEET_EVAL_DATA``; without that
data the tests skip, and fail in CI. The floor is the quality gate's (``basil-voices-M``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from broadsheet.bench.voices import (
    BASIL_M_FIXTURE,
    basil_articles,
    basil_pages,
    basil_voice_rows,
    load_located,
    quote_hash,
)
from broadsheet.errors import ConfigError
from test_wcxb_voices import _floor

KEPT = {"sample", "article_id", "start", "end", "hash", "shown", "speakers", "roles", "organisations",
        "kinds", "note"}


def _items() -> list[dict[str, object]]:
    return list(json.loads(BASIL_M_FIXTURE.read_text(encoding="utf-8"))["items"])


def _shingles(text: str, size: int = 6) -> set[tuple[str, ...]]:
    words = text.lower().split()
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def test_the_file_keeps_no_article_text() -> None:
    items = _items()
    assert len(items) == 60 and {str(item["sample"]) for item in items} == {"M"}
    assert all(set(item) <= KEPT for item in items)
    listed = {f"basil-{key}" for key in basil_articles()}
    assert {str(item["article_id"]) for item in items} <= listed


def test_a_judged_voice_is_found_by_its_offsets_and_hash(tmp_path: Path) -> None:
    text = "Before. The mayor said the bridge would reopen. After."
    start = text.index("the bridge")
    end = text.index(" reopen") + len(" reopen")
    item = {"sample": "M", "article_id": "basil-x", "start": start, "end": end,
            "hash": quote_hash("The  BRIDGE would reopen"), "speakers": ["The mayor"], "roles": [],
            "organisations": [], "kinds": ["official"]}
    path = tmp_path / "judged.json"
    path.write_text(json.dumps({"items": [item]}), encoding="utf-8")
    (judged,) = load_located(path, {"basil-x": text})
    assert judged.content == "the bridge would reopen" and judged.speakers == ("The mayor",)
    with pytest.raises(ConfigError):
        load_located(path, {"basil-x": text.replace("bridge", "tunnel")})


def test_the_notes_quote_no_article(eval_data: Path) -> None:
    texts = {page.id: page.content for page in basil_pages(eval_data, basil_articles())}
    for item in _items():
        assert not _shingles(str(item.get("note", ""))) & _shingles(texts[str(item["article_id"])]), item


def test_the_sample_holds_its_floor(eval_data: Path) -> None:
    (row,) = basil_voice_rows(eval_data)
    assert row.dataset == "basil-voices-M"
    assert row.metrics["share_right"] >= _floor(row.dataset), row.metrics
