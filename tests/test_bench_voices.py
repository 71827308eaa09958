"""The judged demo voices: finding a judged voice again and the verdicts (``bench.voices``)."""

from __future__ import annotations

from broadsheet.bench.voices import FIXTURE, Judged, find_voice, judge, load_judged, verdict
from broadsheet.model import Quote, Voice


def _voice(speaker: str, content: str, *, role: str | None = None, kind: str = "other",
           article_id: str = "a1") -> Voice:
    quote = Quote(content=content, kind="indirect", cue="said", article_id=article_id, outlet="X",
                  url=None, via=None, version=1)
    return Voice(speaker=speaker, quotes=(quote,), role=role, organisation=None, kind=kind)


def _judged(speakers: tuple[str, ...], *, roles: tuple[str, ...] = (),
            kinds: tuple[str, ...] = ("other",)) -> Judged:
    return Judged("A", "a1", "the plan will cut costs by half next year", speakers, roles, (), kinds)


def test_a_voice_is_found_by_its_article_and_words() -> None:
    same = _voice("Ann Lee", "the plan will cut costs by half")
    elsewhere = _voice("Bo Chan", "the plan will cut costs by half next year", article_id="a2")
    assert find_voice(_judged(("Ann Lee",)), [elsewhere, same]) is same
    assert find_voice(_judged(("Ann Lee",)), [_voice("Ann Lee", "nothing alike here at all")]) is None
    runs_on = _voice("Ann Lee", "the plan will cut costs by half next year. " + "It will hire staff " * 5)
    assert find_voice(_judged(("Ann Lee",)), [runs_on]) is runs_on  # the quote now runs on past the words
    short = Judged("A", "a1", "that legacy", ("Ann Lee",), (), (), ("other",))
    assert find_voice(short, [_voice("Ann Lee", "that plan will cut costs by half next year")]) is None
    whole = _voice("Bo Chan", "so the plan will cut costs by half next year, said Bo Chan")
    assert find_voice(_judged(("Bo Chan",)), [runs_on, whole]) is whole  # a whole match comes first


def test_verdicts() -> None:
    item = _judged(("Ann Lee", "Lee"), roles=("economist",))
    assert verdict(item, _voice("ann lee", "x")) == "right"
    assert verdict(item, _voice("Ann Lee", "x", role="Economist.")) == "right"  # case and punctuation aside
    assert verdict(item, _voice("Ann Lee", "x", role="24")) == "role"
    assert verdict(item, _voice("Bo Chan", "x")) == "speaker"
    assert verdict(item, _voice("Lee", "x", kind="official")) == "kind"
    assert verdict(item, None) == "lost"
    assert verdict(_judged(()), None) == "right"  # words that should make no voice make none
    assert verdict(_judged(()), _voice("Wall Street", "x")) == "speaker"


def test_judge_counts_every_verdict() -> None:
    items = [_judged(("Ann Lee",)), _judged(())]
    metrics = judge(items, [_voice("Ann Lee", "the plan will cut costs by half next year")])
    assert metrics["share_right"] == 0.5  # the second item's words made a voice they should not
    assert metrics["wrong_speaker"] == 1.0


def test_the_fixture_is_well_formed() -> None:
    items = load_judged(FIXTURE)
    assert len(items) >= 100
    assert {i.sample for i in items} <= {"A", "B", "C", "D", "E", "F"}
    assert all(i.kinds and i.article_id and i.content for i in items)
