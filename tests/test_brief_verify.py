"""Faithful by construction: a tampered quote or sentence is caught, dropped and its reason kept."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from broadsheet import pipeline
from broadsheet.brief import build_edition, cited_versions, verify_edition
from broadsheet.brief.verify import check_quote
from broadsheet.model import Edition, Quote
from broadsheet.store import Store
from test_brief_data import KIM, corpus
from webstore import SETTINGS, build_store

CREATED = "2025-10-05T06:00:00+00:00"


def _edition() -> tuple[Edition, dict[tuple[str, int], str]]:
    stories, analyses = corpus()
    edition = build_edition(stories, analyses, title="t", created=CREATED)
    texts = {(aid, a.article.version): a.article.text for aid, a in analyses.items()}
    return edition, texts


def _tamper_first_quote(edition: Edition) -> tuple[Edition, Quote]:
    kim = edition.stories[0]
    voice = kim.voices[0]
    quote = voice.quotes[0]
    forged = replace(quote, content=quote.content.replace("horrifically", "truly"))
    assert forged.content != quote.content
    voices = (replace(voice, quotes=(forged, *voice.quotes[1:])), *kim.voices[1:])
    return replace(edition, stories=(replace(kim, voices=voices), *edition.stories[1:])), forged


def test_an_untouched_edition_passes_unchanged() -> None:
    edition, texts = _edition()
    assert verify_edition(edition, texts) == edition
    assert cited_versions(edition) <= set(texts)


def test_a_tampered_quote_is_caught_dropped_and_its_reason_kept() -> None:
    edition, texts = _edition()
    tampered, forged = _tamper_first_quote(edition)
    checked = verify_edition(tampered, texts)
    kim = checked.stories[0]
    assert forged not in [q for v in kim.voices for q in v.quotes]
    assert [(r.reason, r.stage, r.page_id) for r in checked.rejected] == [
        ("quote_not_in_source", "verify", forged.article_id)]
    assert "truly embarrassing" in checked.rejected[0].detail and KIM in checked.rejected[0].detail
    original = edition.stories[0].voices[0].quotes[0]
    untouched = [q for v in edition.stories[0].voices for q in v.quotes if q != original]
    assert untouched == [q for v in kim.voices for q in v.quotes]  # nothing else was dropped


def test_a_tampered_sentence_a_missing_version_and_a_wrong_speaker_are_caught() -> None:
    edition, texts = _edition()
    kim = edition.stories[0]
    first, second, *rest = kim.summary
    summary = (replace(first, text=first.text.replace("Kim", "Moon")), replace(second, version=9),
               *rest)
    stories = (replace(kim, summary=summary), *edition.stories[1:])
    checked = verify_edition(replace(edition, stories=stories), texts)
    assert sorted(r.reason for r in checked.rejected) == ["sentence_not_in_source", "source_missing"]
    assert checked.stories[0].summary == tuple(rest)
    quote = kim.voices[0].quotes[0]
    found = check_quote(KIM, "Boris Johnson", quote, texts)
    assert found is not None and found.reason == "speaker_not_in_source"


def test_the_pipeline_checks_against_the_version_quoted_even_after_the_article_changed(
        tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    edition = build_store(db)
    assert edition.rejected == ()  # every stored quote and sentence is verbatim in its source
    with Store.open(db) as store:
        week = store.get_article("k-week")
        assert week is not None
        changed = replace(week, paragraphs=("The article was rewritten entirely overnight.",))
        assert store.put_article(changed) == 2
        texts = store.version_texts(cited_versions(edition))
        assert verify_edition(edition, texts) == edition  # version 1 is still what it quoted
        tampered, _ = _tamper_first_quote(edition)
        assert [r.reason for r in verify_edition(tampered, texts).rejected] == ["quote_not_in_source"]
        rebuilt = pipeline.make_edition(store, SETTINGS, created="2025-10-07T00:00:00+00:00",
                                        everything=True)
        cited = {s.article_id: s.version for st in rebuilt.stories for s in st.summary}
        assert cited.get("k-week", 2) == 2 and rebuilt.rejected == ()
