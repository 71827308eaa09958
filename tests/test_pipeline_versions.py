"""Updated pages: a page that changed at the same URL is a new version of the same article."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from broadsheet import pipeline
from broadsheet.analyze.nlp import load_model
from broadsheet.settings import load_settings
from broadsheet.store import Store

SETTINGS = load_settings(environ={}, config=Path("/nonexistent.toml"))
URL = "https://example.com/news/bridge-reopens"
FIRST = ('The mayor, Jane Doe, said on Tuesday that the bridge "will reopen in May."\n'
         'Critics disagreed. "It is far too early," said John Roe, a local engineer.')
SECOND = ('The mayor, Jane Doe, said on Wednesday that the bridge "will stay closed until June."\n'
          'Engineers agreed. "The cables need work," said Mary Poe, a state inspector.')


def _nlp() -> Any:
    return load_model(SETTINGS.model)


def _feed(path: Path, text: str) -> Path:
    path.write_text(json.dumps({"title": "Bridge", "text": text, "url": URL, "outlet": "Gazette",
                                "published": "Tue, 05 Nov 2019 10:00:00 GMT"}) + "\n")
    return path


def _speakers(store: Store, article_id: str) -> set[str]:
    analysis = store.get_analysis(article_id)
    assert analysis is not None
    return {a.speaker for a in analysis.attributions}


def test_a_changed_page_is_a_new_version_and_old_editions_keep_citing_theirs(tmp_path: Path) -> None:
    with Store.open(tmp_path / "s.db") as store:
        report = pipeline.ingest([_feed(tmp_path / "a.jsonl", FIRST)], store, SETTINGS, _nlp)
        (article,) = store.articles()
        assert (report.articles, report.updated, article.version) == (1, 0, 1)
        assert article.published == "2019-11-05T10:00:00+00:00"  # one clock, at the boundary
        assert _speakers(store, article.id) >= {"John Roe"}
        pipeline.update_stories(store, SETTINGS)
        old, _ = pipeline.publish(store, SETTINGS, created="2019-11-05T12:00:00+00:00",
                                  out_dir=tmp_path / "out1")
        quoted = [q for s in old.stories for v in s.voices for q in v.quotes]
        assert quoted and {q.version for q in quoted} == {1}

        again = pipeline.ingest([_feed(tmp_path / "b.jsonl", SECOND)], store, SETTINGS, _nlp)
        (updated,) = store.articles()
        assert (again.articles, again.updated, updated.id, updated.version) == (1, 1, article.id, 2)
        assert "Mary Poe" in _speakers(store, article.id) and "John Roe" not in _speakers(store, article.id)
        exported = {r["speaker"] for r in store.export_rows("attributions")}
        assert "John Roe" not in exported and "Mary Poe" in exported

        assert store.get_edition(old.id) == old  # the edition already written is unchanged
        first = store.article_version(article.id, 1)
        assert first is not None and first.version == 1
        assert all(q.content in first.text for q in quoted)  # and what it quoted is still readable
        assert store.article_version(article.id, 3) is None

        same = pipeline.ingest([_feed(tmp_path / "c.jsonl", SECOND)], store, SETTINGS, _nlp)
        assert (same.articles, same.skipped) == (0, 1)
        assert store.counts()["article_versions"] == 2
