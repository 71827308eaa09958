"""``extract/train_lists.py``: the list model's rows are labelled by what each block does to its
page's word F1 against the gold."""

from __future__ import annotations

from broadsheet.extract import looselists
from broadsheet.extract.train_lists import CUTOFFS, ListPage, _rows, chosen_cutoff, fold_of

FEATURES = tuple(0.0 for _ in looselists.LIST_FEATURES)


def _block(*items: str) -> looselists.LooseList:
    return looselists.LooseList(1, items, False, FEATURES)


def _page(site: str = "example.com") -> ListPage:
    gold = "The council approved the budget.\n- Road repairs\n- Two new fire stations\nThe end."
    blocks = (_block("Road repairs", "Two new fire stations"), _block("News", "Sport", "Weather"))
    lines = tuple(tuple(looselists.block_lines(block)) for block in blocks)
    return ListPage("p", site, gold, ("The council approved the budget.", "The end."), blocks,
                    lines)


def test_a_block_the_gold_prints_is_labelled_kept_and_a_menu_left_out() -> None:
    page = _page()
    _, labels, weights = _rows([page])
    assert labels.tolist() == [True, False]
    assert page.f1([True, False]) == 1.0 > page.f1([False, False]) > page.f1([False, True])
    assert weights[0] > weights[1] > 0  # each block weighs what it moves the F1 by


def test_a_site_is_always_in_the_same_fold() -> None:
    assert fold_of(_page("example.com")) == fold_of(_page("example.com"))
    assert {fold_of(_page(f"site{i}.com")) for i in range(20)} == {0, 1}


def test_a_kept_blocks_lines_go_before_the_paragraph_the_markup_prints_them_before() -> None:
    page = _page()
    assert page.text([True, False]).split("\n\n") == [
        "The council approved the budget.", "- Road repairs", "- Two new fire stations",
        "The end."]


def test_the_cutoff_is_the_inner_folds_best_of_those_that_cost_the_news_pages_nothing() -> None:
    inner = [0.5 + 0.01 * i for i in range(len(CUTOFFS))][::-1]  # the lowest cutoff best
    news = [0.9 + 0.001 * i for i in range(len(CUTOFFS))]  # the news pages lose below the top
    assert chosen_cutoff(inner, 0.0, news) == CUTOFFS[0]
    assert chosen_cutoff(inner, news[-3], news) == CUTOFFS[-3]
    assert chosen_cutoff(inner, 1.0, news) == CUTOFFS[-1]  # none admissible: the highest
    assert chosen_cutoff([0.5] * len(CUTOFFS), 0.0, news) == CUTOFFS[-1]  # a tie: the higher
