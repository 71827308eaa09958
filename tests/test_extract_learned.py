"""The learned line model: its tree evaluator, gold alignment, and the shipped model on real dumps."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import numpy as np
import pytest

from broadsheet.bench.extraction import precision, recall, shingle_counts
from broadsheet.extract.linemodel import Ensemble, LineModel, Tree, shipped_model
from broadsheet.extract.lines import FEATURE_NAMES, is_end_marker, page_features
from broadsheet.extract.text import extract_text, page_lines
from broadsheet.extract.train import label_lines
from broadsheet.extract.train_pages import PageRow
from broadsheet.model import Article, Page
from conftest import TEST_DATA

FIXTURES = TEST_DATA / "extraction"
DUMP = "076f4f33bf75"


def _gold(key: str) -> str:
    gold = json.loads((FIXTURES / "scrapinghub_ground_truth.json").read_text(encoding="utf-8"))
    return str(gold[key]["articleBody"])


def _dump(key: str) -> str:
    return (FIXTURES / f"scrapinghub_{key}.txt").read_text(encoding="utf-8")


def test_tree_sends_rows_left_at_or_below_the_threshold() -> None:
    tree = Tree.from_json({"feature": [1, 0, 0], "threshold": [0.5, 0.0, 0.0], "left": [1, 0, 0],
                           "right": [2, 0, 0], "value": [0.0, -2.0, 3.0],
                           "leaf": [False, True, True], "depth": 2})
    x = np.array([[9.0, 0.5], [9.0, 0.51], [0.0, -1.0]])
    assert tree.predict(x).tolist() == [-2.0, 3.0, -2.0]
    ensemble = Ensemble(1.0, (tree, tree))
    assert ensemble.probability(x).round(4).tolist() == [
        round(1 / (1 + np.exp(3.0)), 4), round(1 / (1 + np.exp(-7.0)), 4), round(1 / (1 + np.exp(3.0)), 4)]
    for row, probability in zip(x.tolist(), ensemble.probability(x).tolist(), strict=True):
        assert ensemble.probability_one(row) == pytest.approx(probability)


def test_one_row_walks_all_trees_together_as_one_by_one() -> None:
    """The stacked walk of ``probability_one`` gives the float the trees walked one after another
    give, on trees of different shapes and depths, and on the shipped page classifier."""
    from broadsheet.extract.pagekind import MODEL_FEATURES, shipped_page_model

    stump = Tree.from_json({"feature": [0], "threshold": [0.0], "left": [-1], "right": [-1],
                            "value": [0.25], "leaf": [True], "depth": 0})
    deep = Tree.from_json({"feature": [1, 0, -2, -2, -2], "threshold": [0.5, 2.0, 0, 0, 0],
                           "left": [1, 2, -1, -1, -1], "right": [4, 3, -1, -1, -1],
                           "value": [0.0, 0.0, -1.5, 0.7, 2.0],
                           "leaf": [False, False, True, True, True], "depth": 2})
    shipped = shipped_page_model()
    cases = [(Ensemble(-0.3, (deep, stump, deep)), 2)]
    if shipped is not None:
        cases.append((shipped.ensemble, len(MODEL_FEATURES)))
    rng = np.random.default_rng(7)
    for ensemble, width in cases:
        for row in rng.normal(0.0, 3.0, size=(40, width)).tolist():
            one = np.asarray([row])
            raw = ensemble.baseline + sum(float(tree.predict(one)[0]) for tree in ensemble.trees)
            assert ensemble.probability_one(row) == 1.0 / (1.0 + math.exp(-raw))


def test_features_one_row_per_non_blank_line() -> None:
    lines = page_lines(_dump(DUMP))[0]
    found = page_features(lines)
    assert found.features.shape == (sum(1 for line in lines if line.strip()), len(FEATURE_NAMES))
    assert np.isfinite(found.features).all()
    assert [lines[i].strip() for i in found.index[:2]] == list(found.text[:2])


def test_end_markers_are_the_headings_of_what_follows_an_article() -> None:
    for line in ("Comments", "[ 167 comments ]", "Top Rated Comments", "Leave a Reply Cancel reply",
                 "Posted in News | Permalink | 10 Comments", "You may also like",
                 "Você pode gostar...", "More from Jane Doe", "Related: the budget"):
        assert is_end_marker(line), line
    for line in ("The comments were bad.", "Responses to the crisis were swift",
                 "He left 3 comments under the post and then wrote a long reply to each of them"):
        assert not is_end_marker(line), line


def test_lines_under_an_end_marker_carry_the_prose_above_it() -> None:
    """A menu's "Comments" link (no prose above it) marks nothing; the comments heading under the
    article's paragraphs marks every line below with the article's length."""
    prose = "The council voted on Tuesday to close the old bridge for repairs next spring."
    lines = ["Home", "Comments", "Headline of the story", prose, prose.replace("council", "mayor"),
             "Comments", "Jane says:", "I drive over that bridge every day and it is a mess."]
    found = page_features(lines)
    marker = FEATURE_NAMES.index("end_marker")
    above = FEATURE_NAMES.index("prose_before_marker")
    assert found.features[:, marker].tolist() == [0, 1, 0, 0, 0, 1, 0, 0]
    assert found.features[:5, above].tolist() == [0.0] * 5
    assert found.features[5, above] == 0.0
    assert found.features[6, above] == found.features[7, above] == pytest.approx(math.log1p(28))


def test_labels_mark_the_gold_paragraphs_and_not_the_menu() -> None:
    found = page_features(page_lines(_dump(DUMP))[0])
    labels = dict(zip(found.text, label_lines(found.text, _gold(DUMP)), strict=True))
    assert labels["LIVE TV"] == 0 and labels["Cricket"] == 0
    first = next(t for t in found.text if t.startswith("In case you are living in Delhi-NCR"))
    assert labels[first] == 1
    assert sum(labels.values()) >= 5


def test_shipped_model_matches_the_feature_set() -> None:
    model = shipped_model()
    assert isinstance(model, LineModel)
    assert 0.0 < model.cutoff < 1.0


@pytest.mark.parametrize("key", [DUMP])
def test_learned_path_finds_the_article_of_a_whole_page_dump(key: str) -> None:
    result = extract_text(Page(id=key, source=f"{key}.txt", kind="text", content=_dump(key)))
    assert isinstance(result, Article)
    counts = shingle_counts(_gold(key), result.text)
    assert precision(counts) >= 0.85 and recall(counts) >= 0.85


def test_rules_alone_still_work_without_a_model() -> None:
    page = Page(id="r", source="r.txt", kind="text", content=_dump(DUMP))
    result = extract_text(page, model=None)
    assert isinstance(result, Article)
    assert result.paragraphs[0].startswith("In case you are living in Delhi-NCR")


def test_a_stray_nul_does_not_lose_the_page() -> None:
    content = _dump(DUMP).replace("In case you are living", "In case you\x00 are living", 1)
    result = extract_text(Page(id="n", source="n.txt", kind="text", content=content))
    assert isinstance(result, Article)
    assert "Delhi-NCR" in result.paragraphs[0]


def test_held_out_accuracy_is_given_per_page_type() -> None:
    from broadsheet.extract.train_pages import PageRow, accuracy_by_kind

    rows = [PageRow("a", "x.com", "wcxb", True, (1.0,), "article"),
            PageRow("b", "y.com", "wcxb", False, (0.0,), "forum"),
            PageRow("c", "z.com", "wcxb", False, None, "service"),  # rejected: not an article
            PageRow("d", "w.com", "scrapinghub", True, (1.0,), "article")]  # not counted
    found = accuracy_by_kind(rows, {"awcxb": True, "bwcxb": True, "dscrapinghub": False})
    assert found == {"all": (2 / 3, 3), "article": (1.0, 1), "forum": (0.0, 1),
                     "service": (1.0, 1)}


def _words_row(key: str, site: str, article: bool, words: set[str]) -> PageRow:
    return PageRow(key, site, "wcxb", article, (0.0,), "article" if article else "service",
                   frozenset(words))


def test_the_word_regression_learns_only_words_of_many_sites() -> None:
    """A word on pages of fewer than ``MIN_SITES`` sites gets no weight, however well it sorts
    the pages; a word shared by many sites that marks articles weighs for them."""
    from broadsheet.extract.pagewords import MIN_SITES, page_words
    from broadsheet.extract.train_pages import fit_words

    rows = [_words_row(f"a{n}", f"s{n}.org", True, {"b:reported", "b:common"})
            for n in range(2 * MIN_SITES)]
    rows += [_words_row(f"p{n}", f"t{n}.org", False, {"b:pricing", "b:common"})
             for n in range(2 * MIN_SITES)]
    rows += [_words_row(f"x{n}", "one.org", True, {"b:reported", "b:onesite"}) for n in range(9)]
    model = fit_words(rows)
    assert "b:onesite" not in model.weights
    assert model.weights["b:reported"] > 0 > model.weights["b:pricing"]
    words = page_words(["It was reported today."], "Pricing")
    assert words == {"b:it", "b:was", "b:reported", "b:today", "t:pricing"}
    assert model.score(words) == pytest.approx(
        model.intercept + model.weights["b:reported"] + model.weights.get("t:pricing", 0.0))


def test_the_words_of_headings_and_controls_are_marked_apart() -> None:
    """The headings, buttons, form labels and table heads of the markup give ``h:`` words, even
    where trafilatura kept none of them; a page with no tree gives none."""
    import lxml.html

    from broadsheet.extract.pagewords import heading_texts, page_words

    tree = lxml.html.fromstring(
        "<html><body><h2>Our <b>Pricing</b> plans</h2><p>Plans start at ten.</p>"
        "<form><label>E-mail</label><button>Add to cart</button></form>"
        "<table><tr><th>Size</th></tr></table><a>Contact</a></body></html>")
    heads = heading_texts(tree)
    assert heads == ["Our Pricing plans", "E-mail", "Add to cart", "Size"]
    words = page_words(["Plans start at ten."], None, heads)
    assert {"h:pricing", "h:add", "h:cart", "h:size", "b:plans"} <= words
    assert "h:contact" not in words and "b:pricing" not in words
    assert heading_texts(None) == []


def test_the_word_score_does_not_depend_on_the_order_of_the_words() -> None:
    from broadsheet.extract.pagewords import WordModel

    model = WordModel(0.1, {"b:a": 1e16, "b:b": 1.0, "b:c": -1e16})
    assert model.score(["b:a", "b:b", "b:c"]) == model.score(["b:c", "b:a", "b:b"]) == 1.1
    assert WordModel.from_json(model.to_json()) == model


def test_held_out_verdicts_fit_the_words_without_the_held_out_sites() -> None:
    """The word regression of each fold is fitted on its training sites alone: a word seen only
    on the held-out fold's sites cannot help it (here every test page's verdict comes from words
    its fold never saw, so the held-out pages read as the training majority)."""
    from broadsheet.extract.train_pages import cross_scores

    rows = [_words_row(f"a{n}", f"s{n}.org", n % 2 == 0, {f"b:w{n % 2}", "b:both"})
            for n in range(40)]
    scores = cross_scores(rows, 5)
    assert all((s > 0) == r.is_article for s, r in zip(scores, rows, strict=True))
    alone = [_words_row(f"a{n}", f"s{n}.org", n % 2 == 0, {f"b:only{n}"}) for n in range(40)]
    assert len(set(cross_scores(alone, 5).round(9).tolist())) <= 5


def test_the_linear_layer_folds_the_scaling_into_its_weights() -> None:
    """The shipped regression reads raw signals: its score is the log-odds the regression fitted
    on standardised columns gives, a column that never varies weighing nothing."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    from broadsheet.extract.train_pages import LINEAR_C, fit_linear

    rng = np.random.default_rng(3)
    x = np.column_stack([rng.normal(5.0, 40.0, 200), rng.normal(0.0, 0.01, 200), np.ones(200)])
    y = (x[:, 0] / 40 + x[:, 1] * 100 + rng.normal(0.0, 0.5, 200) > 0.1).astype(int)
    linear = fit_linear(x, y)
    reference = make_pipeline(StandardScaler(), LogisticRegression(C=LINEAR_C, max_iter=3000)).fit(x, y)
    assert linear.weights[2] == 0.0
    assert [linear.score(row) for row in x[:20].tolist()] == pytest.approx(
        reference.decision_function(x[:20]).tolist(), abs=1e-9)


def test_the_page_model_blends_the_trees_and_the_regression_as_the_measure_does() -> None:
    """A page's probability at run time (``PageModel``, read from the JSON ``fit_page_model``
    writes) is the one the held-out measure gives the same row (``Learners``): the two learners'
    log-odds averaged."""
    from broadsheet.extract.linemodel import Ensemble
    from broadsheet.extract.pagekind import Evidence, Linear, PageModel
    from broadsheet.extract.pagewords import WordModel
    from broadsheet.extract.train import ensemble_json
    from broadsheet.extract.train_pages import BLEND, Learners

    rng = np.random.default_rng(5)
    x = rng.normal(0.0, 1.0, (300, 4))
    y = (x[:, 0] + x[:, 1] * x[:, 2] > 0).astype(int)
    learners = Learners.fit(x, y)
    model = PageModel(WordModel(0.0), Ensemble.from_json(ensemble_json(learners.trees)),
                      Linear.from_json(learners.linear.to_json()), BLEND, 0.5)
    for row in x[:25]:
        evidence = Evidence(tuple(row[:3].tolist()), frozenset())
        model = PageModel(WordModel(float(row[3])), model.ensemble, model.linear, BLEND, 0.5)
        # the JSON rounds the trees' leaf values to six places
        assert model.probability(evidence) == pytest.approx(
            float(learners.probability(row[None])[0]), abs=1e-5)
    trees = model.ensemble.raw_one(x[0].tolist())
    assert 1.0 / (1.0 + math.exp(-trees)) == pytest.approx(
        learners.trees.predict_proba(x[:1])[0, 1], abs=1e-5)


def test_the_second_stage_judges_the_rows_in_the_band_as_the_shipped_model_does() -> None:
    """The held-out measure's two stages (``Stages``) give each row the probability the page
    model read from the JSON ``fit_page_model`` writes gives the page: the second stage's, over
    the readings and the type word scores, where the first's lies in ``BAND``, else the first's;
    a page without its readings is the first's."""
    from broadsheet.extract.linemodel import Ensemble
    from broadsheet.extract.pagekind import Evidence, Linear, PageModel, SecondStage
    from broadsheet.extract.pagewords import PAGE_TYPES, TypeWordModel, WordModel
    from broadsheet.extract.train import ensemble_json
    from broadsheet.extract.train_pages import BAND, BLEND, Stages

    rng = np.random.default_rng(11)
    x = rng.normal(0.0, 1.0, (300, 5))
    y = x[:, 0] + x[:, 3] * x[:, 1] + rng.normal(0.0, 0.3, 300) > 0
    # each row's words: "b:w<k>" for k below a draw, so the type scores vary from row to row
    types = TypeWordModel(tuple(0.1 * k for k in range(len(PAGE_TYPES))),
                          {f"b:w{k}": tuple(rng.normal(0.0, 1.0, len(PAGE_TYPES)).tolist())
                           for k in range(6)})
    rows = [PageRow(f"p{n}", f"s{n % 30}.org", "wcxb", bool(y[n]), tuple(x[n, :2].tolist()),
                    words=frozenset(f"b:w{k}" for k in range(int(rng.integers(0, 7)))),
                    readings=tuple(x[n, 2:4].tolist())) for n in range(300)]
    typed = np.asarray([types.scores(r.words) for r in rows])
    stages = Stages.fit(rows, x[:, 4], typed)
    assert stages.second is not None
    first, second = stages.first, stages.second
    found = stages.probability(rows[:40], x[:40, 4], typed[:40])
    alone = first.probability(np.column_stack([x[:40, :2], x[:40, 4]]))
    in_band = (alone >= BAND[0]) & (alone < BAND[1])
    assert in_band.any() and (~in_band).any()
    for n, row in enumerate(rows[:40]):
        model = PageModel(WordModel(float(x[n, 4])), Ensemble.from_json(ensemble_json(first.trees)),
                          Linear.from_json(first.linear.to_json()), BLEND, 0.5,
                          SecondStage(Ensemble.from_json(ensemble_json(second.trees)),
                                      Linear.from_json(second.linear.to_json()), BAND, types))
        evidence = Evidence(row.signals or (), row.words, row.readings)
        assert model.probability(evidence) == pytest.approx(float(found[n]), abs=1e-5)
        assert model.unsure(model.first_probability(evidence)) == bool(in_band[n])
        bare = Evidence(row.signals or (), row.words)
        assert model.probability(bare) == pytest.approx(float(alone[n]), abs=1e-5)
    assert Stages.fit([replace(r, readings=()) for r in rows], x[:, 4], typed).second is None


def test_the_type_word_regression_gives_the_log_probabilities_scikit_learn_gives() -> None:
    """The shipped type word model (read back from its JSON) scores a page as the multinomial
    regression it was fitted from: the seven types' log-probabilities, and the article log-odds
    against the other six; a word of a type's pages raises that type; a type no training page
    has gets ``ABSENT_TYPE``; the order of the words does not matter."""
    from sklearn.linear_model import LogisticRegression

    from broadsheet.extract.pagewords import MIN_SITES, PAGE_TYPES, TypeWordModel
    from broadsheet.extract.train_pages import ABSENT_TYPE, _vocabulary, _word_matrix, fit_type_words

    cues = {"article": "b:reported", "forum": "b:reply", "product": "b:cart", "service": "b:pricing"}
    rows = [replace(_words_row(f"{kind}{n}", f"{kind}{n}.org", kind == "article",
                               {word, "b:common", f"b:x{n % 3}"}), kind=kind)
            for kind, word in cues.items() for n in range(2 * MIN_SITES)]
    model = fit_type_words(rows)
    assert TypeWordModel.from_json(model.to_json()) == model
    vocabulary = _vocabulary(rows)
    reference = LogisticRegression(C=1.0, max_iter=2000).fit(
        _word_matrix(rows, vocabulary), [r.kind for r in rows])
    logp = reference.predict_log_proba(_word_matrix(rows[:12], vocabulary))
    for row, expected in zip(rows[:12], logp, strict=True):
        found = model.scores(row.words)
        by_type = dict(zip(PAGE_TYPES, found[1:], strict=True))
        assert [by_type[str(k)] for k in reference.classes_] == pytest.approx(expected.tolist(), abs=1e-3)
        others = [v for k, v in by_type.items() if k != "article"]
        assert found[0] == pytest.approx(by_type["article"] - math.log(sum(map(math.exp, others))))
    forum = dict(zip(PAGE_TYPES, model.scores({"b:reply", "b:common"})[1:], strict=True))
    assert max(forum, key=lambda k: forum[k]) == "forum"
    assert forum["documentation"] < ABSENT_TYPE + 5 and forum["listing"] < ABSENT_TYPE + 5
    assert model.scores(["b:cart", "b:reply"]) == model.scores(["b:reply", "b:cart"])
    assert model.scores([]) == model.scores(["b:unknown"])


