"""The judged-leads bench: a lead counts right only when its very text was judged right."""

from __future__ import annotations

import json

from broadsheet.bench.claims import fingerprint
from broadsheet.bench.leads import VERDICTS, judged_row


def test_a_lead_is_right_only_by_its_judged_text_and_unjudged_leads_count_apart() -> None:
    good, bad = "The Senate passed the bill on Friday.", "It was a long week."
    verdicts = {"e1": {fingerprint(good): True}, "e2": {fingerprint(bad): False},
                "e3": {fingerprint(good): True}, "e4": {"none": False}}
    row = judged_row("set", verdicts, {"e1": good, "e2": bad, "e3": "A lead nobody judged.", "e4": ""})
    assert row.metrics == {"right": 0.25, "not_judged": 1.0}
    assert row.documents == 4


def test_the_verdicts_name_leads_by_hash_only() -> None:
    verdicts = json.loads(VERDICTS.read_text(encoding="utf-8"))
    assert set(verdicts) == {"how", "basil", "ecbplus"}
    assert len(verdicts["basil"]) == 100 and len(verdicts["ecbplus"]) == 66
    for events in (verdicts["basil"], verdicts["ecbplus"]):
        for leads in events.values():
            assert all(key == "none" or len(key) == 12 for key in leads)
            assert all(isinstance(right, bool) for right in leads.values())
