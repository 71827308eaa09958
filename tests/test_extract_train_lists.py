"""``extract/train_lists.py``: the list model's rows are labelled by what each block does to its
page's word F1 against the gold."""

from __future__ import annotations

from broadsheet.extract import leftout
from broadsheet.extract.train_lists import ListPage, _rows, fold_of

FEATURES = tuple(0.0 for _ in leftout.LIST_FEATURES)


def _block(*items: str) -> leftout.LooseList:
    return leftout.LooseList(1, items, False, FEATURES)


def _page(site: str = "example.com") -> ListPage:
    gold = "The council approved the budget.\n- Road repairs\n- Two new fire stations\nThe end."
    blocks = (_block("Road repairs", "Two new fire stations"), _block("News", "Sport", "Weather"))
    lines = tuple(tuple(leftout.block_lines(block)) for block in blocks)
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
