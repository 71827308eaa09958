"""A real store for the web and edition tests: the brief fixtures (``test_brief_data``) written to
a SQLite file with their stories, a hostile story, and an edition built and checked by the pipeline.

Imported by ``test_web.py``, ``test_web_browser.py`` and ``test_brief_verify.py``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from broadsheet import pipeline
from broadsheet.model import Analysis, Edition, Entity, Story
from broadsheet.settings import Settings, load_settings
from broadsheet.store import Store
from broadsheet.timestamps import normalise
from test_brief_data import corpus, make_article, said

SETTINGS = replace(load_settings(environ={}, config=Path("/nonexistent.toml")),
                   edition_title="Test Gazette")
HOSTILE = "<script>alert('x')</script>"
CREATED = "2025-10-06T06:00:00+00:00"


def hostile() -> tuple[Story, Analysis]:
    """A story whose every field is markup or a script url."""
    article = make_article(
        "evil", f"Evil {HOSTILE} Times", f"Breaking {HOSTILE} news",
        [f"Officials confirmed the {HOSTILE} report on Monday after a long delay in the city.",
         f"\u201cNothing about this {HOSTILE} is normal at all,\u201d said Jane Mallory, a "
         "spokeswoman for the city."],
        url="javascript:alert(1)", published="2025-10-03T10:00:00+00:00")
    analysis = Analysis(article, attributions=(
        said(article, "Jane Mallory", f"Nothing about this {HOSTILE} is normal at all",
             role="spokeswoman for the city"),))
    return Story(id="s-evil", title=f"Breaking {HOSTILE} news", article_ids=("evil",)), analysis


def with_entities(analyses: dict[str, Analysis]) -> dict[str, Analysis]:
    """The fixtures with the entities a story page lists (found by their words in the text)."""
    names = [("Kim Jong Un", "PERSON"), ("Vladimir Putin", "PERSON"), ("Steve Hall", "PERSON"),
             ("Kremlin", "ORG"), ("CNN", "ORG"), ("Sanae Takaichi", "PERSON"),
             ("Liberal Democratic Party", "ORG")]
    done = {}
    for aid, analysis in analyses.items():
        text = analysis.article.text
        found = tuple(Entity(name, label, name, (text.index(name), text.index(name) + len(name)))
                      for name, label in names if name in text)
        done[aid] = replace(analysis, entities=found)
    return done


def build_store(path: Path | str, settings: Settings = SETTINGS) -> Edition:
    """Write the fixtures, their stories and a weekly edition of everything to ``path`` (a file,
    or a ``postgresql://`` URL)."""
    stories, analyses = corpus()
    evil_story, evil = hostile()
    analyses = with_entities({**analyses, "evil": evil})
    analyses = {aid: replace(a, article=replace(a.article, published=normalise(a.article.published)))
                for aid, a in analyses.items()}  # as ingest does, at the boundary
    with Store.open(path) as store:
        with store.transaction():
            for analysis in analyses.values():
                store.put_analysis(analysis)
        store.replace_stories([*stories, evil_story])
        edition = pipeline.make_edition(store, settings, created=CREATED, kind="weekly",
                                        everything=True)
        store.put_edition(edition)
    return edition
