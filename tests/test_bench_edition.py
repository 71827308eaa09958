"""The edition bench's own parts: the audit detectors and the load generator on a real server."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from broadsheet.bench.edition import audit
from broadsheet.bench.load import load, percentile
from test_brief_data import KIM, make_article
from webserver import serving
from webstore import SETTINGS, build_store


def test_the_audit_counts_datelines_bare_quotes_and_pronoun_openings() -> None:
    found = audit([[
        "WASHINGTON (AP) — The Senate voted on Tuesday.",
        "SIOUX FALLS, S.D. – People are talking.",
        "\u201cAmerica is not a clown show.\u201d",
        "\u201cWe will win,\u201d the coach said.",
        "He tweaked the rules again.",
        "The council approved the budget.",
    ]])
    assert (found["sentences"], found["dateline"], found["bare_quote"], found["pronoun"]) == (6, 2, 1, 1)
    repeated = audit([["The council approved the budget.", "The council approved the budget on Monday."]])
    assert repeated["redundancy"] > 0.5 > found["redundancy"]


def test_percentiles_by_nearest_rank() -> None:
    values = [float(v) for v in range(1, 101)]
    assert (percentile(values, 0.5), percentile(values, 0.95), percentile(values, 0.99)) == (50, 95, 99)


def test_the_load_generator_drives_the_real_app(tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    build_store(Path(db))
    with serving(db, SETTINGS) as base:
        port = int(base.rsplit(":", 1)[1])
        tally, seconds = asyncio.run(load("127.0.0.1", port, ["/", f"/stories/{KIM}", "/nope"],
                                          clients=5, requests=60))
    assert len(tally.latencies) == 60 and seconds > 0
    assert tally.errors == 20  # every third request asks for a page that is not there


def test_the_replayed_store_copies_the_articles_its_stories_hold_unanalysed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The demo stores two pages in another language without analysis, in a story: the replay
    copies them with their story (a copy of the story naming an article never stored fails)."""
    from broadsheet.bench import replay
    from broadsheet.model import Analysis, Story
    from broadsheet.store import Store

    read = make_article("read", "Plains Herald", "Bridge reopens",
                        ["The Dunmore bridge reopened on Monday after two years of repairs."],
                        published="2019-11-19T10:00:00+00:00")
    foreign = make_article("foreign", "Diario", "El puente reabre",
                           ["El puente de Dunmore reabrió el lunes tras dos años de obras."],
                           published="2019-11-19T11:00:00+00:00")
    demo_db = tmp_path / "demo.db"
    with Store.open(demo_db) as store:
        store.put_analysis(Analysis(read))
        store.put_article(foreign)
        store.replace_stories([Story(id="s1", title="Bridge reopens", article_ids=("read", "foreign"))])
    monkeypatch.setenv("BROADSHEET_BENCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(replay, "demo_store", lambda: demo_db)
    with Store.open(replay.replay_store(articles=3), create=False) as store:
        stories = {s.id: s.article_ids for s in store.stories()}
        stored = {a.id for a in store.articles()}
    assert stories == {f"s1~r{r}": (f"read~r{r}", f"foreign~r{r}") for r in range(3)}
    assert stored == {f"{a}~r{r}" for a in ("read", "foreign") for r in range(3)}
