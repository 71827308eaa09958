"""The clustering benchmark: its metrics on hand-worked examples, its loaders, and a quality floor
on real BASIL triplets (skipped when the evaluation data is absent)."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from broadsheet.bench import cluster_metrics as metrics
from broadsheet.bench import cluster_sets as sets
from broadsheet.bench import clustering as bench
from broadsheet.model import Article
from broadsheet.stories.engine import prepare
from conftest import REPO, require

DATA = Path(os.environ.get("BROADSHEET_EVAL_DATA")
            or Path(__file__).resolve().parents[1].parent / "shared" / "data")
BASIL = DATA / "clustering" / "basil" / "basil_articles.jsonl"
# A 30-triplet sample of BASIL; the floor leaves margin under what the bench measures on it.
BASIL_SAMPLE, BASIL_FLOOR = 30, 0.88

GOLD = ["a", "a", "b", "b"]


def test_pairwise_perfect() -> None:
    assert metrics.pairwise_scores(GOLD, [7, 7, 3, 3]) == {"pair_p": 1.0, "pair_r": 1.0,
                                                         "pair_f1": 1.0}


def test_pairwise_all_in_one() -> None:
    scores = metrics.pairwise_scores(GOLD, [0, 0, 0, 0])
    assert scores["pair_p"] == pytest.approx(2 / 6)
    assert scores["pair_r"] == 1.0
    assert scores["pair_f1"] == pytest.approx(0.5)


def test_pairwise_all_singletons() -> None:
    assert metrics.pairwise_scores(GOLD, [0, 1, 2, 3]) == {"pair_p": 1.0, "pair_r": 0.0,
                                                         "pair_f1": 0.0}


def test_pairwise_mixed() -> None:
    scores = metrics.pairwise_scores(list("aaabb"), list("xxyyy"))
    assert scores == {"pair_p": 0.5, "pair_r": 0.5, "pair_f1": 0.5}


def test_bcubed_perfect() -> None:
    assert metrics.bcubed_scores(GOLD, list("xxyy"))["bcubed_f1"] == 1.0


def test_bcubed_all_in_one() -> None:
    scores = metrics.bcubed_scores(GOLD, [0, 0, 0, 0])
    assert scores["bcubed_p"] == pytest.approx(0.5)
    assert scores["bcubed_r"] == 1.0
    assert scores["bcubed_f1"] == pytest.approx(2 / 3)


def test_bcubed_all_singletons() -> None:
    scores = metrics.bcubed_scores(GOLD, [0, 1, 2, 3])
    assert (scores["bcubed_p"], scores["bcubed_r"]) == (1.0, 0.5)
    assert scores["bcubed_f1"] == pytest.approx(2 / 3)


def test_bcubed_mixed() -> None:
    scores = metrics.bcubed_scores(list("aaabb"), list("xxyyy"))
    assert scores["bcubed_p"] == pytest.approx(11 / 15)
    assert scores["bcubed_r"] == pytest.approx(11 / 15)


def test_score_has_every_metric() -> None:
    scores = metrics.score(GOLD, [0, 0, 1, 1])
    assert scores["nmi"] == pytest.approx(1.0)
    assert scores["ari"] == pytest.approx(1.0)
    assert scores["clusters"] == 2.0
    assert metrics.score(GOLD, [0, 1, 2, 3])["ari"] == pytest.approx(0.0)



def test_sample_labels_is_a_fixed_subset() -> None:
    labels = [f"story-{i}" for i in range(50)]
    chosen = sets.sample_labels(labels, 10)
    assert len(chosen) == 10 and chosen <= set(labels)
    assert chosen == sets.sample_labels(list(reversed(labels)), 10)
    assert sets.sample_labels(labels, None) == set(labels)


def _write_basil_like(root: Path) -> None:
    events = {
        "t1": ("Storm floods coastal town", "Heavy rain from the storm flooded the coastal town "
               "of Harbor Point, and residents were rescued by boat.", "2015-03-02"),
        "t2": ("Court blocks new voting law", "A federal court blocked the state's new voting "
               "law, ruling that its identification rules were unconstitutional.", "2016-07-09"),
    }
    lines = []
    for tid, (title, text, day) in events.items():
        for k, outlet in enumerate(["nyt", "fox", "hpo"]):
            lines.append({"article_id": f"{tid}-{k}", "triplet_id": tid, "source": outlet,
                          "date": day, "title": f"{title} ({outlet})", "text": text, "url": None})
    path = root / "clustering" / "basil" / "basil_articles.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")


def test_run_scores_ours_beside_the_baselines_and_itself_in_batches(tmp_path: Path) -> None:
    _write_basil_like(tmp_path)
    report = bench.run(tmp_path)
    systems = {r.system for r in report.rows if r.dataset == "basil"}
    assert {"ours", "landed", "kmeans-true-k", "gsdmm", "singletons",
            "ours: two batches", "ours: one at a time, shuffled"} <= systems
    assert any(s.startswith("average-link-tuned@") for s in systems)
    assert "ours-lodo" not in systems  # one set: nothing to learn from but itself
    assert report.score("basil", "ours", "pair_f1") == 1.0
    assert report.score("basil", "singletons", "pair_f1") == 0.0
    assert report.score("basil", "ours: two batches", "ids_kept") == 1.0
    assert report.score("basil", "ours: two batches", "vs_one_batch_bcubed_f1") == 1.0
    assert report.score("basil", "ours: one batch, another order", "vs_one_batch_bcubed_f1") == 1.0
    assert any("allsides" in note and "skipped" in note for note in report.notes)
    assert "basil" in report.format()


def test_the_baseline_threshold_for_a_set_is_chosen_on_the_others() -> None:
    gold = ["a", "a", "b"]
    cut = {"basil": (gold, {0.1: [0, 0, 0], 0.5: [0, 0, 1]}),  # 0.5 is right here
           "allsides": (gold, {0.1: [0, 0, 1], 0.5: [0, 1, 2]}),  # 0.1 is right here
           "googlenews-TS": (gold, {0.1: [0, 0, 1], 0.5: [0, 0, 0]})}
    rows = {r.dataset: r for r in bench.baseline_lodo(cut)}
    assert rows["basil"].system == "average-link-lodo@0.1"  # what the other two prefer
    assert rows["basil"].metrics["bcubed_f1"] < 1.0
    assert rows["allsides"].system == "average-link-lodo@0.1"
    assert rows["googlenews-TS"].metrics["bcubed_f1"] < 1.0


def test_run_limit_keeps_whole_stories(tmp_path: Path) -> None:
    _write_basil_like(tmp_path)
    report = bench.run(tmp_path / "clustering", limit=1, baselines=False)
    assert all(row.documents == 3 for row in report.rows if row.dataset == "basil")


def test_basil_triplets_cluster_above_the_floor() -> None:
    require(BASIL, "BASIL")
    articles, gold = sets.keep_stories(sets.load_basil(BASIL), BASIL_SAMPLE)
    assert len(set(gold)) == BASIL_SAMPLE
    scores = metrics.score(gold, bench.ours(articles))
    assert scores["pair_f1"] >= BASIL_FLOOR


def test_without_baselines_only_ours_is_measured(tmp_path: Path) -> None:
    """The quality gate runs ours alone; the baselines belong to ``broadsheet bench``."""
    _write_basil_like(tmp_path)
    report = bench.run(tmp_path / "clustering", baselines=False)
    clustered = {row.system for row in report.rows if row.dataset == "basil"}
    assert clustered == {"ours", "ours: two batches", "ours: one at a time, shuffled",
                         "ours: one batch, another order"}


def test_the_reference_scorer_agrees_with_the_bench(tmp_path: Path) -> None:
    """``tools/score_clustering.py`` (beside the data) prints the figures the bench prints."""
    reference = bench._reference(DATA)
    if reference is None:
        pytest.skip("the reference scorer is not beside the evaluation data")
    require(BASIL, "BASIL")
    articles, gold = sets.keep_stories(sets.load_basil(BASIL), BASIL_SAMPLE)
    pred = bench.ours(articles)
    theirs = reference.scores({a.id: g for a, g in zip(articles, gold, strict=True)},
                              {a.id: p for a, p in zip(articles, pred, strict=True)})
    ours = metrics.score(gold, pred)
    for their_name, our_name in (("pairP", "pair_p"), ("pairR", "pair_r"), ("pairF1", "pair_f1"),
                                 ("b3P", "bcubed_p"), ("b3R", "bcubed_r"), ("b3F1", "bcubed_f1"),
                                 ("NMI", "nmi"), ("ARI", "ari")):
        assert theirs[their_name] == pytest.approx(ours[our_name], abs=1e-9)


def test_the_scale_stream_replays_the_sets_a_year_apart(tmp_path: Path) -> None:
    from broadsheet.bench.cluster_scale import stream

    _write_basil_like(tmp_path)
    replayed = stream(tmp_path, total=14)
    assert len(replayed) == 14 and len({a.id for a in replayed}) == 14
    stamps = [a.published or "" for a in replayed]
    assert stamps == sorted(stamps)
    first, second = (a for a in replayed if a.id in ("t1-0#0", "t1-0#1"))
    assert first.published and second.published and first.published[:4] < second.published[:4]


def test_another_order_places_undated_articles_in_another_order() -> None:
    """The reordered run sees the same articles in a different order (else its row would measure
    nothing) and gives each article's story back in input order."""
    articles = [Article(id=f"a{i}", source="test", title=f"Item {i} about the harbour flood",
                        paragraphs=("Water rose in the harbour town.",), published=None)
                for i in range(12)]
    order = [i.member.article_id for i in sorted(map(prepare, articles),
                                                 key=lambda i: i.features.order)]
    renamed = [replace(a, id=bench.REORDER + a.id) for a in articles]
    again = [i.member.article_id.removeprefix(bench.REORDER)
             for i in sorted(map(prepare, renamed), key=lambda i: i.features.order)]
    assert sorted(order) == sorted(again) and order != again
    labels = bench.another_order(articles)
    assert len(labels) == len(articles) and all(label.startswith("s") for label in labels)


def test_the_real_day_reads_the_analysis_entities_as_ingest_does() -> None:
    from broadsheet.bench.realday import analysed_entities

    article = Article(id="day-1", source="day", title="Protests in Hong Kong",
                      paragraphs=("Police besieged Hong Kong Polytechnic University on Monday, "
                                  "Carrie Lam said.",))
    found = analysed_entities([article])
    names = {e.canonical for e in found["day-1"]}
    assert set(found) == {"day-1"}
    assert "Carrie Lam" in names
    read = prepare(article, found["day-1"]).features.names.ids.tolist()
    assert read != prepare(article).features.names.ids.tolist()  # not the text's own names


def test_the_real_day_is_extracted_once_for_every_row_that_reads_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from broadsheet.bench import realday

    page = REPO / "tests" / "data" / "extraction" / "scrapinghub_c13b9c0e04fb.html.gz"
    for key in ("aaaaaaaaaaaa", "bbbbbbbbbbbb"):
        (tmp_path / f"{key}.html.gz").write_bytes(page.read_bytes())
    calls: list[str] = []
    real = realday.extract
    monkeypatch.setattr(realday, "extract", lambda p: calls.append(p.source) or real(p))
    everything = realday.day_articles(tmp_path)
    one = realday.day_articles(tmp_path, {"bbbbbbbbbbbb"})
    assert sorted(everything) == ["aaaaaaaaaaaa", "bbbbbbbbbbbb"] and list(one) == ["bbbbbbbbbbbb"]
    assert one["bbbbbbbbbbbb"] is everything["bbbbbbbbbbbb"]
    assert len(calls) == 2  # each page once, however many callers ask
    everything.clear()  # a caller's copy: the next caller still gets every page
    assert len(realday.day_articles(tmp_path)) == 2


def _write_ecbplus_like(root: Path) -> Path:
    rows = [{"doc_id": f"d{i}", "subtopic": "1ecbplus" if i < 3 else "1ecb", "title": f"Quake {i}",
             "text": "An earthquake struck the valley.",
             "date_publish": "2014-03-02" if i % 2 == 0 else None} for i in range(5)]
    path = root / "clustering" / "ecbplus" / "ecbplus_docs.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    return path


def test_the_dated_half_of_ecbplus_keeps_the_dated_documents_alone(tmp_path: Path) -> None:
    articles, labels = sets.load_ecbplus_dated(_write_ecbplus_like(tmp_path))
    assert [a.id for a in articles] == ["d0", "d2", "d4"]
    assert all(a.published for a in articles) and labels == ["1ecbplus", "1ecbplus", "1ecb"]
    assert sets.DATASETS["ecbplus-dated"][0] == sets.DATASETS["ecbplus"][0]


def test_a_part_of_a_learned_set_is_scored_by_the_model_learned_without_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """ECB+'s dated half is held out with ECB+ itself (no extra learning, no leak)."""
    from broadsheet.stories.learn import LabelledSet
    from broadsheet.stories.score import Model

    learned: list[tuple[str, ...]] = []

    def fake_learn(train: list[LabelledSet], *_: object, **__: object) -> Model:
        learned.append(tuple(s.name for s in train))
        return Model(weights=(float(len(learned)),), bias=0.0)

    names = ("basil", "allsides", "ecbplus")
    monkeypatch.setattr(bench, "learn", fake_learn)
    monkeypatch.setattr(bench, "training_sets",
                        lambda _: {n: LabelledSet(n, [], []) for n in names})
    models = bench.learned_models({n: ([], []) for n in (*names, "ecbplus-dated", "googlenews-TS")})
    assert models["ecbplus-dated"] is models["ecbplus"] and len(learned) == 4
    assert learned[names.index("ecbplus") + 1] == ("basil", "allsides")
    assert models["googlenews-TS"] is models["all"]


def test_the_dated_half_gets_no_lodo_model_when_ecbplus_is_the_only_set(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from broadsheet.stories.learn import LabelledSet
    from broadsheet.stories.score import Model

    monkeypatch.setattr(bench, "learn", lambda *_, **__: Model(weights=(0.0,), bias=0.0))
    monkeypatch.setattr(bench, "training_sets",
                        lambda _: {"ecbplus": LabelledSet("ecbplus", [], [])})
    models = bench.learned_models({"ecbplus": ([], []), "ecbplus-dated": ([], [])})
    assert set(models) == {"all"}
