"""The human level rows (``bench.human``) on a small synthetic article two annotators marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from broadsheet.analyze.nlp import load_model
from broadsheet.bench.human import as_predicted, human_rows
from broadsheet.bench.polnear import Gold, Predicted, load_second_annotator

TEXT = "Officials said the talks failed. Critics fear a veto. Ana Berg plans to cut taxes."


def _at(words: str) -> str:
    """The brat offsets of ``words`` in ``TEXT``."""
    start = TEXT.index(words)
    return f"{start} {start + len(words)}"


def _ann(*attributions: tuple[str, str, str]) -> str:
    """A brat file of (source, cue, content) attributions of ``TEXT``."""
    lines = []
    for n, (source, cue, content) in enumerate(attributions):
        ids = [f"T{3 * n + k}" for k in (1, 2, 3)]
        lines += [f"{ids[0]}\tSource {_at(source)}\t{source}", f"{ids[1]}\tCue {_at(cue)}\t{cue}",
                  f"{ids[2]}\tContent {_at(content)}\t{content}",
                  f"E{n + 1}\tAttribution:{ids[1]} Source:{ids[0]} Cue:{ids[1]} Content:{ids[2]}"]
    return "\n".join(lines) + "\n"


FIRST = _ann(("Officials", "said", "the talks failed"), ("Critics", "fear", "a veto"),
             ("Ana Berg", "plans", "to cut taxes"))
# the second annotator: the statement right, the belief's holder wrong, the intention right
SECOND = _ann(("Officials", "said", "the talks failed"), ("Officials", "fear", "a veto"),
              ("Ana Berg", "plans", "to cut taxes"))


@pytest.fixture()
def data(tmp_path: Path) -> Path:
    root = tmp_path / "attribution" / "polnear"
    (root / "dev" / "text").mkdir(parents=True)
    for folder in ("text", "attributions"):
        (root / "train" / folder).mkdir(parents=True)
    (root / "train" / "text" / "art.txt").write_text(TEXT)
    (root / "train" / "text" / "alone.txt").write_text(TEXT)
    (root / "train" / "attributions" / "art_ann1.ann").write_text(FIRST)
    (root / "train" / "attributions" / "art_ann2.ann").write_text(SECOND)
    (root / "train" / "attributions" / "alone_ann1.ann").write_text(FIRST)
    return tmp_path


def test_only_articles_two_annotators_marked_are_read(data: Path) -> None:
    marked = load_second_annotator(data)
    assert [document.name for document, _ in marked] == ["art"]
    document, second = marked[0]
    assert [g.source for g in document.gold][1] != second[1].source  # first annotator's gold, second's own


def test_a_gold_in_pieces_becomes_one_span_per_role() -> None:
    gold = Gold(source=((0, 3),), cue=(), content=((10, 20), (30, 40)))
    assert as_predicted(gold) == Predicted((0, 3), None, (10, 40))


def test_the_human_rows(data: Path) -> None:
    def ours(texts: list[str]) -> list[list[Predicted]]:  # finds the statement only
        start = TEXT.index("the talks failed")
        return [[Predicted((0, 9), (10, 14), (start, start + 16))] for _ in texts]

    rows = {(row.dataset, row.system): row.metrics for row in human_rows(data, ours, load_model())}
    human = rows["polnear-human", "second-annotator"]
    assert human["precision"] == pytest.approx(2 / 3) and human["recall_all"] == pytest.approx(2 / 3)
    speech = rows["polnear-human", "second-annotator-speech"]
    assert speech["precision"] == 1.0 and speech["recall_all"] == pytest.approx(1 / 3)
    assert rows["polnear-human", "broadsheet"]["recall_all"] == pytest.approx(1 / 3)
    curve = [(m["precision"], m["recall_all"]) for (dataset, _), m in rows.items()
             if dataset == "polnear-human-curve"]
    assert curve[0] == (1.0, pytest.approx(1 / 3))  # verbs of speech alone
    assert curve[2] == (0.5, pytest.approx(1 / 3))  # with the belief, its holder wrong
    assert curve[3] == curve[-1] == (pytest.approx(2 / 3), pytest.approx(2 / 3))  # with the intention: all
    belief = rows["polnear-human-kind", "belief verb"]
    intention = rows["polnear-human-kind", "intention verb"]
    assert belief == {"gold": 1.0, "recall_human": 0.0, "recall_broadsheet": 0.0}
    assert intention == {"gold": 1.0, "recall_human": 1.0, "recall_broadsheet": 0.0}
    assert rows["polnear-human-kind", "speech verb"]["recall_broadsheet"] == 1.0
