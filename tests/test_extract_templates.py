"""Site templates: paragraphs that repeat across pages of one site are removed from every page."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from broadsheet.extract.templates import count_lines, extract_batch, learn, site_of
from broadsheet.model import Article, Page
from broadsheet.store import Store

PROMO = "Our reporters work hard to bring you these stories every single day of the year."


def _page(n: int, host: str, promo: bool = True) -> Page:
    body = [
        f"Story number {n} begins with the council meeting that ran until midnight on day {n}, "
        "when the members finally agreed on the budget.",
        f"The second paragraph of story {n} says what the mayor told reporters about taxes, "
        "schools and the new bridge over the river.",
    ]
    if promo:
        body.insert(1, PROMO)
    markup = "".join(f"<p>{p}</p>" for p in body)
    html = f"<html><head><title>Story {n}</title></head><body><article>{markup}</article></body></html>"
    return Page(id=f"{host}{n}", source=f"{n}.html", kind="html", content=html,
                url=f"https://{host}/news/2024/05/story-number-{n}")


def _texts(results: list[Article | object]) -> list[str]:
    return [r.text for r in results if isinstance(r, Article)]


def test_a_paragraph_on_three_pages_of_a_site_is_template() -> None:
    results = extract_batch([_page(n, "www.example.com") for n in range(3)])
    texts = _texts(list(results))
    assert len(texts) == 3
    assert all(PROMO not in t for t in texts)
    assert all("council meeting" in t for t in texts)


def test_two_pages_are_not_enough_and_sites_do_not_mix() -> None:
    pages = [_page(0, "a.example"), _page(1, "a.example"), _page(2, "b.example")]
    assert all(PROMO in t for t in _texts(list(extract_batch(pages))))


def test_known_counts_from_earlier_batches_count() -> None:
    known = {"a.example": Counter({" ".join(PROMO.lower().split()): 2})}
    assert all(PROMO not in t for t in _texts(list(extract_batch([_page(5, "a.example")], known))))


def test_the_same_text_at_two_addresses_counts_once() -> None:
    page = _page(0, "c.example")
    twins = [page, Page(**{**page.__dict__, "id": "twin", "url": page.url + "?ref=x"}),
             Page(**{**page.__dict__, "id": "third", "url": page.url + "?ref=y"})]
    assert all(PROMO in t for t in _texts(list(extract_batch(twins))))


def test_site_of_drops_www_and_needs_a_url() -> None:
    assert site_of("https://www.Example.com/a") == "example.com"
    assert site_of(None) is None
    assert learn({"x": Counter({"a b": 2})}) == {}


def test_the_store_keeps_what_batches_learnt(tmp_path: Path) -> None:
    with Store.open(tmp_path / "t.db") as store:
        first = [r for r in extract_batch([_page(n, "d.example") for n in range(2)])
                 if isinstance(r, Article)]
        store.add_template_counts(count_lines(first))
        known = store.template_counts(["d.example", "e.example"])
        assert set(known) == {"d.example"}
        assert known["d.example"][" ".join(PROMO.lower().split())] == 2
        later = extract_batch([_page(9, "d.example")], known)
    assert all(PROMO not in t for t in _texts(list(later)))
    with Store.open(tmp_path / "t.db") as store:
        assert store.template_counts(["d.example"]) == known
