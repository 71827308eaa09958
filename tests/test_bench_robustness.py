"""``broadsheet bench robustness``: its forked workers count crashes and wrong outcomes honestly."""

from __future__ import annotations

import os
import signal

from broadsheet.bench.hostile import Case, feed_cases, feedparser_alone
from broadsheet.bench.robustness import Tally, fuzz_inputs, in_child, run_cases, run_fuzz


def _fail() -> str:
    raise RuntimeError("boom")


def _die() -> str:
    os.kill(os.getpid(), signal.SIGKILL)
    return "never"


def test_a_worker_that_raises_or_dies_is_a_crash_not_the_end_of_the_bench() -> None:
    assert in_child(lambda: "fine")[0] == "fine"
    assert in_child(_fail)[0] is None
    assert in_child(_die)[0] is None


def test_cases_are_counted_by_outcome() -> None:
    tallies: dict[str, Tally] = {}
    run_cases([Case("x", "right", lambda: "ok", frozenset({"ok"})),
               Case("x", "wrong", lambda: "parsed", frozenset({"entities"})),
               Case("x", "crash", _die, frozenset({"ok"}))], tallies)
    tally = tallies["x"]
    assert (tally.cases, tally.wrong, tally.crashes) == (3, 1, 1)
    assert any("wrong ended as 'parsed'" in note for note in tally.notes)


def test_every_feed_bomb_is_refused_by_us_and_not_by_feedparser_alone() -> None:
    ours: dict[str, Tally] = {}
    run_cases(feed_cases(), ours)
    assert ours["feeds"].cases == 8 and ours["feeds"].wrong == 0 and ours["feeds"].crashes == 0
    baseline: dict[str, Tally] = {}
    run_cases(feed_cases(feedparser_alone), baseline)
    assert baseline["feeds"].wrong >= 5  # what the refusal adds


def test_fuzz_inputs_are_reproducible_and_find_nothing() -> None:
    assert fuzz_inputs(30) == fuzz_inputs(30) and len(fuzz_inputs(30)) == 30
    tally = run_fuzz(40)
    assert tally.cases == 40 and tally.crashes == 0, tally.notes
