"""The Python API: the README's example runs as written, and each function keeps its promise."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import broadsheet
from broadsheet.model import Analysis, Article
from conftest import REPO, SEED


def test_the_readme_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    (tmp_path / "examples" / "sample").mkdir(parents=True)
    (tmp_path / "examples" / "sample" / SEED.name).write_text(SEED.read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code.group(1), "README.md", "exec"), {})
    printed = out.getvalue().splitlines()
    assert printed[0] == "North Korea's Kim to visit Putin in eastern Russia to discuss arms sales " \
                         "for Ukraine war, U.S. says | The Week"
    assert any(line.startswith("Steve Hall / CNN national security analyst") for line in printed)
    assert "[('a', 'b')," in printed[-2]
    assert (tmp_path / "example.db").is_file() and "North Korea" in printed[-1]


def test_extract_reads_html_text_and_bytes() -> None:
    html = ("<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
            + "<p>The bridge reopened on Monday after two years of repairs, the city said.</p>" * 8
            + "</article></body></html>")
    from_html = broadsheet.extract(html, url="https://example.com/news/bridge-reopens")
    from_bytes = broadsheet.extract(html.encode("utf-8"), url="https://example.com/news/bridge-reopens")
    assert from_html.text == from_bytes.text and "two years of repairs" in from_html.text
    assert from_html.url == "https://example.com/news/bridge-reopens"


def test_no_article_is_an_error_that_says_why() -> None:
    with pytest.raises(broadsheet.NoArticle) as caught:
        broadsheet.extract("   ")
    assert caught.value.rejected.reason == "empty" and caught.value.reason == "empty"
    with pytest.raises(broadsheet.NoArticle):
        broadsheet.extract(bytes(range(256)) * 10)


def test_analyze_takes_a_page_or_an_article_and_many_in_batches() -> None:
    page = SEED.read_text(encoding="utf-8")
    one = broadsheet.analyze(page)
    assert isinstance(one, Analysis) and {"Steve Hall", "John Everard"} <= {
        a.speaker for a in one.attributions}
    many = list(broadsheet.analyze_many([one.article, page], batch_size=1))
    assert [m.attributions for m in many] == [one.attributions, one.attributions]


def test_cluster_takes_articles_and_mappings() -> None:
    rows = [{"id": "x", "title": "Chess champion retires", "text": "The champion retired.",
             "published": "Sat, 02 Mar 2024 10:00:00 GMT"},
            Article(id="y", source="s", title="Chess champion retires at 40",
                    paragraphs=("The world chess champion retired.",),
                    published="2024-03-02T12:00:00+00:00")]
    (story,) = broadsheet.cluster(rows)
    assert set(story.article_ids) == {"x", "y"}
    assert story.first_published == "2024-03-02T10:00:00+00:00"
