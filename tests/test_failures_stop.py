"""A failure of the model or of the store stops the command with its exit code (5, 6), in a real
subprocess of the CLI; it never becomes one rejection per article."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from broadsheet.analyze.nlp import DEFAULT_MODEL
from broadsheet.errors import AnalyzeError
from broadsheet.model import Article
from broadsheet.pipeline import CANARY, analyze_batch
from broadsheet.store import Store
from conftest import SEED
from newsroom import article_html, rss, rss_item, variant
from newsserver import serving

BROKEN = "broadsheet_test_broken"
# The child registers a component that fails on every text, then runs the CLI: a model that loads
# and breaks at parse time, as a model with damaged weights or an incompatible spaCy does.
CHILD = f"""
import sys
from spacy.language import Language

@Language.component({BROKEN!r})
def broken(doc):
    raise RuntimeError("the weights do not fit this spaCy")

from broadsheet.cli import main
sys.exit(main())
"""


@Language.component(BROKEN)
def _broken(doc: Doc) -> Doc:
    raise RuntimeError("the weights do not fit this spaCy")


def _cli(tmp: Path, *argv: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BROADSHEET_")}
    env.update({f"BROADSHEET_{name.upper()}": value for name, value in settings.items()})
    return subprocess.run([sys.executable, "-c", CHILD, *argv], env=env, cwd=tmp, text=True,
                          capture_output=True, timeout=300)


@pytest.fixture(scope="module")
def broken_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real model with a component that raises on every text, saved to a folder."""
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe(BROKEN, first=True)
    folder = tmp_path_factory.mktemp("model") / "broken"
    nlp.to_disk(folder)
    return folder


def _rejections(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT count(*) FROM rejections").fetchone()[0])


def _pages(tmp_path: Path, n: int = 3) -> Path:
    folder = tmp_path / "pages"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8")
    for i in range(n):
        (folder / f"page{i}.txt").write_text(text.replace("North Korea", f"North Korea {i}"),
                                             encoding="utf-8")
    return folder


def test_a_model_that_breaks_at_parse_time_stops_ingest_with_exit_5(
        tmp_path: Path, broken_model: Path) -> None:
    done = _cli(tmp_path, "ingest", "--db", "news.db", "--model", str(broken_model), str(_pages(tmp_path)))
    assert done.returncode == 5, done.stderr
    assert "broken" in done.stderr and "Traceback" not in done.stderr
    assert _rejections(tmp_path / "news.db") == 0  # no article was blamed for the model


@pytest.mark.parametrize("damage", ["corrupt_weights", "no_parser"])
def test_a_model_that_cannot_load_stops_ingest_with_exit_5(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / damage
    if damage == "no_parser":
        spacy.blank("en").to_disk(folder)
    else:
        spacy.load(DEFAULT_MODEL).to_disk(folder)
        (folder / "parser" / "model").write_bytes(b"not the weights")
    done = _cli(tmp_path, "ingest", "--db", "news.db", "--model", str(folder), str(_pages(tmp_path, 1)))
    assert done.returncode == 5, done.stderr
    assert "Traceback" not in done.stderr


def test_a_store_that_fails_while_writing_stops_ingest_with_exit_6(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    Store.open(db).close()
    with sqlite3.connect(db) as conn:  # the store refuses every new page, as a full disk would
        conn.execute("CREATE TRIGGER full BEFORE INSERT ON pages BEGIN "
                     "SELECT RAISE(ABORT, 'database or disk is full'); END")
    done = _cli(tmp_path, "ingest", "--db", str(db), str(_pages(tmp_path, 2)))
    assert done.returncode == 6, done.stderr
    assert "disk is full" in done.stderr and "Traceback" not in done.stderr


def test_a_store_that_is_not_a_database_stops_with_exit_6(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    db.write_bytes(b"this is not SQLite" * 100)
    done = _cli(tmp_path, "ingest", "--db", str(db), str(_pages(tmp_path, 1)))
    assert done.returncode == 6, done.stderr


def test_one_bad_text_is_still_one_rejection_when_the_model_is_sound() -> None:
    """The canary keeps the per-article boundary for texts the model cannot read."""
    from broadsheet.analyze.nlp import load_model

    good = Article(id="g", source="g", title="Good", paragraphs=CANARY.paragraphs)
    bad = Article(id="b", source="b", title="Bad", paragraphs=("x",))
    nlp = load_model()
    real = nlp.pipe

    def pipe(texts, **kwargs):  # type: ignore[no-untyped-def]
        texts = list(texts)
        if "x" in texts:
            raise ValueError("this text breaks the tokenizer")
        return real(texts, **kwargs)

    nlp.pipe = pipe  # type: ignore[method-assign]
    try:
        analyses, rejected = analyze_batch([good, bad], lambda: nlp, 4)
    finally:
        del nlp.pipe
    assert [a.article.id for a in analyses] == ["g"] and [r.page_id for r in rejected] == ["b"]


def test_a_broken_model_raises_from_analyze_batch(broken_model: Path) -> None:
    nlp = spacy.load(broken_model)
    with pytest.raises(AnalyzeError, match="broken"):
        analyze_batch([CANARY], lambda: nlp, 4)


def test_a_broken_model_stops_run_once_and_leaves_the_items_for_next_time(
        tmp_path: Path, broken_model: Path) -> None:
    with serving() as server:
        html = {"Content-Type": "text/html"}
        for n in range(3):
            server.add(f"/news/{n}", article_html(f"Story {n}", variant(n)), headers=html)
        items = [rss_item(f"g{n}", server.url(f"/news/{n}"), f"Story {n}") for n in range(3)]
        feed = server.add("/feed.xml", rss("Gazette", items), headers={"Content-Type": "application/rss+xml"})
        local = {"allow_private_addresses": "1", "host_delay": "0", "config": "/nonexistent.toml"}
        assert _cli(tmp_path, "sources", "add", feed, "--db", "news.db", **local).returncode == 0
        done = _cli(tmp_path, "run", "--once", "--db", "news.db", "--model", str(broken_model), **local)
    assert done.returncode == 5, done.stderr
    assert "Traceback" not in done.stderr
    assert _rejections(tmp_path / "news.db") == 0
    with sqlite3.connect(tmp_path / "news.db") as conn:
        states = {row[0] for row in conn.execute("SELECT state FROM feed_items")}
    assert "rejected" not in states and states  # not given up: the next run (a sound model) goes on
