"""The near-duplicate bench (``bench/copies.py``): how judged pairs are scored, the judged file kept
honest (no test split, no text), and a run on a small ECB+-shaped set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from broadsheet.bench import copies
from broadsheet.bench.copies import JUDGED, _by_hash, _score, text_hash
from broadsheet.model import Article

WIRE = ("The city council voted on Tuesday to close the old harbour bridge for two years of repairs, "
        "after engineers found deep cracks in three of its steel supports during a routine check. "
        "The mayor said ferries would run every twenty minutes while the work goes on and that fares "
        "would be waived for residents. Shops near the bridge warned they could lose half their trade.")
OTHER = ("Engineers say the harbour crossing is unsafe. A local newspaper counted fewer walkers this "
         "month, and the chamber of commerce asked the council for help with lost trade near the water.")


def _article(aid: str, text: str, published: str | None = None) -> Article:
    return Article(id=aid, source="t", title="t", paragraphs=(text,), published=published)


def _pair(a: str, b: str, judged: str) -> dict[str, Any]:
    return {"a": a, "b": b, "judged": judged}


def test_scores_count_marked_pairs_against_judged_copies() -> None:
    pairs = [_pair("a", "b", "copy"), _pair("a", "c", "not"), _pair("b", "c", "copy")]
    scored = _score(pairs, lambda a, b: a == "a")
    assert scored["precision"] == 0.5 and scored["recall"] == 0.5  # (a,b) right, (a,c) wrong, (b,c) missed
    assert _score(pairs, lambda a, b: False) == {"precision": 1.0, "recall": 0.0, "f1": 0.0,
                                                  "marked": 0.0, "copies": 2.0}
    assert _score([_pair("a", "b", "not")], lambda a, b: False)["f1"] == 1.0  # nothing to find, nothing said


def test_the_exact_hash_ignores_case_and_spacing_but_not_words() -> None:
    found = _by_hash([_article("a", WIRE, "2020-01-01"), _article("b", "  " + WIRE.upper()),
                      _article("c", WIRE + " More."), _article("d", "")])
    assert found == {"a": "a", "b": "a", "c": "c", "d": "d"}
    assert text_hash(_article("x", "A  b")) == text_hash(_article("y", "a b"))


def test_the_judged_file_keeps_no_text_and_no_test_split() -> None:
    labels = json.loads(JUDGED.read_text(encoding="utf-8"))
    pairs = labels["pairs"]
    assert 60 <= len(pairs) <= 150 and sum(p["judged"] == "copy" for p in pairs) >= 20
    assert {p["judged"] for p in pairs} == {"copy", "not"}
    assert len({(p["a"], p["b"]) for p in pairs}) == len(pairs)
    for p in pairs:
        assert p["a"] < p["b"] and set(p) == {"part", "story", "a", "b", "hash_a", "hash_b", "drawn",
                                              "judged", "why"}
        assert all(len(p[h]) == 16 for h in ("hash_a", "hash_b"))
        if p["part"] == "ecbplus":  # one subtopic, topics 1-35 only
            topics = {int(i.split(":")[1].split("_")[0]) for i in (p["a"], p["b"])}
            assert len(topics) == 1 and max(topics) <= 35
            assert p["story"].startswith(f"{topics.pop()}ecb")


def _ecbplus_dir(tmp_path: Path, docs: list[tuple[str, str, str]]) -> Path:
    folder = tmp_path / "clustering" / "ecbplus"
    folder.mkdir(parents=True)
    with (folder / "ecbplus_docs.jsonl").open("w", encoding="utf-8") as out:
        for doc_id, subtopic, text in docs:
            out.write(json.dumps({"doc_id": doc_id, "topic": int(doc_id.split("_")[0]),
                                  "subtopic": subtopic, "date_publish": None, "title": "t",
                                  "text": text}) + "\n")
    return tmp_path


def _judged(tmp_path: Path, data: Path, pairs: list[tuple[str, str, str]]) -> Path:
    arts = {f"ecbplus:{a.id}": a for a in copies.load_ecbplus(
        data / "clustering" / "ecbplus" / "ecbplus_docs.jsonl")[0]}
    path = tmp_path / "judged.json"
    path.write_text(json.dumps({"pairs": [
        {"part": "ecbplus", "story": "1ecb", "a": a, "b": b, "hash_a": text_hash(arts[a]),
         "hash_b": text_hash(arts[b]), "drawn": "t", "judged": j, "why": ""} for a, b, j in pairs]}))
    return path


def test_rows_score_the_story_stage_and_dedup_on_judged_pairs(tmp_path: Path) -> None:
    data = _ecbplus_dir(tmp_path, [("1_1ecb", "1ecb", WIRE), ("1_2ecb", "1ecb", WIRE),
                                   ("1_3ecb", "1ecb", OTHER), ("36_1ecb", "36ecb", WIRE)])
    judged = _judged(tmp_path, data, [("ecbplus:1_1ecb", "ecbplus:1_2ecb", "copy"),
                                      ("ecbplus:1_1ecb", "ecbplus:1_3ecb", "not")])
    found = {(r.dataset, r.system): r.metrics for r in copies.rows(data, judged=judged)}
    assert found[(copies.ALL, copies.OURS)]["f1"] == 1.0
    assert found[(copies.ALL, "exact text hash")]["f1"] == 1.0
    assert (copies.PARTS["realday"], copies.OURS) not in found  # no pages, no real-day rows
    _, parts = copies.load(data, judged)
    assert "36ecb" not in parts["ecbplus"]  # the test split is never loaded


def test_rows_refuse_a_judged_text_that_changed(tmp_path: Path) -> None:
    data = _ecbplus_dir(tmp_path, [("1_1ecb", "1ecb", WIRE), ("1_2ecb", "1ecb", OTHER)])
    judged = _judged(tmp_path, data, [("ecbplus:1_1ecb", "ecbplus:1_2ecb", "not")])
    (data / "clustering" / "ecbplus" / "ecbplus_docs.jsonl").write_text(json.dumps(
        {"doc_id": "1_1ecb", "topic": 1, "subtopic": "1ecb", "title": "t", "text": OTHER}) + "\n"
        + json.dumps({"doc_id": "1_2ecb", "topic": 1, "subtopic": "1ecb", "title": "t", "text": OTHER}))
    with pytest.raises(ValueError, match="changed"):
        copies.rows(data, judged=judged)
