"""The judged Speed Read bench: a lead or an addition counts right only when its very text was
judged right."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from broadsheet.bench.claims import fingerprint
from broadsheet.bench.leads import ADDITIONS, VERDICTS, additions_row, judged_row


def test_a_lead_is_right_only_by_its_judged_text_and_unjudged_leads_count_apart() -> None:
    good, bad = "The Senate passed the bill on Friday.", "It was a long week."
    verdicts = {"e1": {fingerprint(good): True}, "e2": {fingerprint(bad): False},
                "e3": {fingerprint(good): True}, "e4": {"none": False}}
    row = judged_row("set", verdicts, {"e1": good, "e2": bad, "e3": "A lead nobody judged.", "e4": ""})
    assert row.metrics == {"right": 0.25, "not_judged": 1.0}
    assert row.documents == 4


def test_additions_are_scored_over_every_addition_shown_and_the_lead_is_not_one() -> None:
    lead, good, bad = "The Senate passed the bill.", "The vote was 60 to 40.", "It was a long week."
    verdicts = {"e1": {fingerprint(good): True, fingerprint(bad): False}, "e2": {}}
    chosen = {"e1": (lead, good, bad), "e2": (lead, "Nobody judged this one.")}
    row = additions_row("set", verdicts, chosen)
    assert row.metrics == {"right": 1 / 3, "not_judged": 1.0, "additions": 3.0}
    assert additions_row("set", verdicts, {"e1": (good,)}).metrics["additions"] == 0.0


@pytest.mark.parametrize(("path", "keys"), [(VERDICTS, r"none|[0-9a-f]{12}"), (ADDITIONS, r"[0-9a-f]{12}")])
def test_the_verdicts_name_sentences_by_hash_only(path: Path, keys: str) -> None:
    verdicts = json.loads(path.read_text(encoding="utf-8"))
    assert set(verdicts) == {"how", "basil", "ecbplus"}
    assert len(verdicts["basil"]) == 100 and len(verdicts["ecbplus"]) == 66
    for events in (verdicts["basil"], verdicts["ecbplus"]):
        for judged in events.values():
            assert all(re.fullmatch(keys, key) for key in judged)
            assert all(isinstance(right, bool) for right in judged.values())
