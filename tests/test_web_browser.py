"""The web reader in headless Chromium (Playwright driving Debian's /usr/bin/chromium).

Screenshots of the edition and of a story page are kept in ``test-artifacts/`` (git-ignored). Each
page must load with no console error, no failed request and no error response, fit a phone's width,
keep text contrast at WCAG AA, and work without JavaScript (the search form is a plain GET form).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import REPO
from test_brief_data import KIM
from webserver import serving
from webstore import SETTINGS, build_store

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = REPO / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

CONTRAST = """() => {
  const rgb = (c) => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
  const lum = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05); };
  const paper = getComputedStyle(document.body).backgroundColor;
  const worst = {};
  for (const sel of ["body", "a", ".meta", ".source", ".role", ".cite", ".badge", ".kind"]) {
    for (const el of Array.from(document.querySelectorAll(sel)).slice(0, 20)) {
      const style = getComputedStyle(el);
      let bg = style.backgroundColor;
      if (bg === "rgba(0, 0, 0, 0)") bg = paper;
      const r = ratio(style.color, bg);
      worst[sel] = Math.min(worst[sel] ?? 99, r);
    }
  }
  return worst;
}"""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI: /usr/bin/chromium is missing (.ci/run installs it)", pytrace=False)
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    db = str(tmp_path_factory.mktemp("browser") / "broadsheet.db")
    build_store(Path(db))
    with serving(db, SETTINGS) as url:
        yield url


@pytest.fixture(scope="module")
def browser(base: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Watch:
    """Everything that went wrong while a page loaded."""

    def __init__(self, page: Any) -> None:
        self.problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.problems.append(f"{r.status}: {r.url}"))


def _visit(browser: Any, url: str, viewport: dict[str, int], shot: str | None = None) -> tuple[Any, Watch]:
    context = browser.new_context(viewport=viewport, java_script_enabled=False)
    page = context.new_page()
    watch = Watch(page)
    page.goto(url, wait_until="load")
    if shot:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    return page, watch


@pytest.mark.parametrize(("path", "shot"), [("/", "edition.png"), (f"/stories/{KIM}", "story.png")])
def test_pages_load_cleanly_fit_a_phone_and_keep_contrast(browser: Any, base: str, path: str,
                                                          shot: str) -> None:
    page, watch = _visit(browser, base + path, PHONE, f"phone-{shot}")
    assert watch.problems == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert page.locator("main h1").count() == 1
    worst = page.evaluate(CONTRAST)
    assert worst and min(worst.values()) >= 4.5, worst
    desktop, watch = _visit(browser, base + path, DESKTOP, shot)
    assert watch.problems == []
    assert (ARTIFACTS / shot).stat().st_size > 10_000
    desktop.context.close()
    page.context.close()


def test_the_skip_link_comes_first_and_search_works_without_javascript(browser: Any, base: str) -> None:
    page, watch = _visit(browser, base + "/", DESKTOP)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.fill("#q", "Pyongyang")
    page.click("form[role=search] button")
    page.wait_for_url("**/search?q=Pyongyang")
    assert page.locator("mark").first.inner_text() == "Pyongyang"
    page.click(".results h2 a")
    assert "/stories/" in page.url and watch.problems == []
    page.context.close()
