"""The whole pipeline on real inputs: seed page + BASIL articles + bad inputs, in a real SQLite file."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from broadsheet import pipeline
from broadsheet.analyze.nlp import load_model
from broadsheet.settings import load_settings
from broadsheet.store import Store

SETTINGS = load_settings(environ={}, config=Path("/nonexistent.toml"))
TRIPLETS = 3


def _nlp() -> Any:
    return load_model(SETTINGS.model)


def _basil_rows(eval_data: Path, triplets: int) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in (eval_data / "clustering/basil/basil_articles.jsonl").open()]
    chosen = sorted({r["triplet_id"] for r in rows})[:triplets]
    return [r for r in rows if r["triplet_id"] in chosen]


@pytest.fixture
def inbox(tmp_path: Path, eval_data: Path, seed_path: Path) -> Path:
    """A folder as a user would have it: good pages of three kinds and three broken files."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    with (folder / "basil.jsonl").open("w") as handle:
        for row in _basil_rows(eval_data, TRIPLETS):
            handle.write(json.dumps(row) + "\n")
    (folder / "junk.html").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cut.html.gz").write_bytes(gzip.compress(b"<html><p>x</p></html>" * 200)[:50])
    return folder


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An SQLite file; then a PostgreSQL database, where ingest goes through the work queue."""
    target = (str(tmp_path / "db" / "broadsheet.db") if request.param == "sqlite"
              else request.getfixturevalue("pg_url"))
    with Store.open(target) as opened:
        yield opened


def test_bad_inputs_are_stored_and_the_rest_is_processed(inbox: Path, store: Store) -> None:
    report = pipeline.ingest([inbox], store, SETTINGS, _nlp)
    assert report.articles == 1 + 3 * TRIPLETS
    assert {(Path(r.source).name, r.reason) for r in store.rejections()} == {
        ("junk.html", "binary"), ("empty.txt", "empty"), ("cut.html.gz", "truncated")}
    seed = next(a for a in store.articles() if a.source.endswith("seed.txt"))
    assert seed.outlet == "The Week" and seed.paragraphs[0].startswith("North Korean leader")
    speakers = {a.speaker for a in store.get_analysis(seed.id).attributions}  # type: ignore[union-attr]
    assert {"Steve Hall", "Adrienne Watson", "John Kirby", "John Everard"} <= speakers


def test_reingesting_the_same_input_changes_nothing(inbox: Path, store: Store) -> None:
    pipeline.ingest([inbox], store, SETTINGS, _nlp)
    before = (store.counts(), list(store.export_rows("attributions")))
    again = pipeline.ingest([inbox], store, SETTINGS, _nlp)
    assert again.articles == 0 and again.skipped == 1 + 3 * TRIPLETS
    assert (store.counts(), list(store.export_rows("attributions"))) == before


def test_stories_and_edition_from_the_store(inbox: Path, store: Store, tmp_path: Path) -> None:
    pipeline.ingest([inbox], store, SETTINGS, _nlp)
    report = pipeline.update_stories(store, SETTINGS)
    stories = store.stories()
    assert report.placed == 1 + 3 * TRIPLETS and report.stories == len(stories)
    multi = [s for s in stories if len(s.outlets) > 1]
    assert len(multi) == TRIPLETS
    edition, written = pipeline.publish(store, SETTINGS, created="2024-01-01T00:00:00+00:00",
                                        out_dir=tmp_path / "out", everything=True)
    counts = [len(s.outlets) for s in edition.stories]
    assert counts == sorted(counts, reverse=True) and min(counts[:TRIPLETS]) >= 2
    assert all(s.voices for s in edition.stories[:TRIPLETS])
    index = (tmp_path / "out" / "index.html").read_text()
    assert all(str(escape(s.title)) in index for s in edition.stories)
    assert store.latest_edition() == edition
    assert len(written) == 2 * len(edition.stories) + 9  # page + twin per story, edition, feeds


def test_an_article_that_breaks_analysis_is_a_rejection(inbox: Path, store: Store) -> None:
    nlp = _nlp()

    def fragile(text: str) -> Any:
        if "Uruguay" in text:  # a sentence of the seed page only
            raise ValueError("the parser choked")
        return nlp(text)

    class Fragile:
        """The real model, except that it fails on one text, inside or outside a batch."""

        max_length = nlp.max_length

        def pipe(self, texts: Any, **options: Any) -> Iterator[Any]:
            return (fragile(text) for text in texts)

        def __call__(self, text: str) -> Any:
            return fragile(text)

    report = pipeline.ingest([inbox], store, SETTINGS, lambda: Fragile())
    assert report.articles == 3 * TRIPLETS
    failed = [r for r in store.rejections() if r.stage == "analyze"]
    assert [(Path(r.source).name, r.reason) for r in failed] == [("seed.txt", "analyze_error")]
    assert "the parser choked" in failed[0].detail
