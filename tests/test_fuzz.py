"""The fuzz target (``bench.fuzzing.one_input``) under hypothesis and, when atheris is installed,
under libFuzzer with a run budget over the seed corpus; and the address properties."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from broadsheet.bench.fuzzing import SEEDS, one_input
from broadsheet.identity import canonical_url
from broadsheet.ingest.discover import canonical_link

REPO = Path(__file__).resolve().parent.parent
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
HOSTILE = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "\r\nBcc: x@evil.example",
           "javascript:alert(1)", "&lt;b&gt;", "</title><title>", "\x00", "]]>", "{{7*7}}"]


@pytest.mark.parametrize("name", sorted(SEEDS))
def test_every_seed_runs_through_every_stage(name: str) -> None:
    assert one_input(SEEDS[name])


@FUZZ
@given(st.binary(max_size=3000))
@example(b"")
@example(b"\xff\xfe<\x00r\x00s\x00s\x00")
def test_any_bytes(data: bytes) -> None:
    one_input(data)


@FUZZ
@given(seed=st.sampled_from(sorted(SEEDS)), hostile=st.lists(st.sampled_from(HOSTILE), max_size=4),
       cut=st.integers(min_value=0, max_value=2000))
def test_seeds_with_hostile_strings_spliced_in(seed: str, hostile: list[str], cut: int) -> None:
    data = SEEDS[seed]
    for text in hostile:
        at = cut % (len(data) + 1)
        data = data[:at] + text.encode() + data[at:]
    one_input(data)


@settings(max_examples=200, deadline=None)
@given(scheme=st.sampled_from(["http", "https", "HTTP", "hTTps"]), rest=st.text(max_size=60))
def test_canonicalising_an_http_address_keeps_it_http(scheme: str, rest: str) -> None:
    canonical = canonical_url(f"{scheme}://{rest}")
    assert canonical.startswith(("http://", "https://"))


@settings(max_examples=200, deadline=None)
@given(href=st.one_of(st.sampled_from(["javascript:alert(1)", "data:text/html,x", "file:///etc/passwd",
                                       "//evil.example/x", " JaVaScRiPt:x", "vbscript:x", "/same/path"]),
                      st.text(max_size=40)))
def test_a_canonical_link_is_http_or_nothing(href: str) -> None:
    from html import escape

    markup = f'<html><head><link rel="canonical" href="{escape(href)}"></head><body></body></html>'
    found = canonical_link(markup, "https://news.example/a/b")
    assert found is None or found.startswith(("http://", "https://"))


@pytest.mark.skipif(importlib.util.find_spec("atheris") is None, reason="atheris is not installed")
def test_the_atheris_target_runs_over_the_seed_corpus(tmp_path: Path) -> None:
    """What CI runs: libFuzzer with a run budget (and a time cap) from the seeds; no finding."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for seed in (REPO / "fuzz" / "corpus").iterdir():
        (corpus / seed.name).write_bytes(seed.read_bytes())
    done = subprocess.run([sys.executable, str(REPO / "fuzz" / "fuzz_inputs.py"), str(corpus),
                           "-runs=300", "-max_total_time=60", "-rss_limit_mb=3000"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Done 300 runs" in done.stderr or "DONE" in done.stderr
    assert not list(tmp_path.glob("crash-*"))


def test_the_invariants_catch_markup_left_verbatim(monkeypatch: pytest.MonkeyPatch) -> None:
    """A renderer that forgot to escape the title is a finding of the target, not a pass."""
    import broadsheet.render as render
    from broadsheet.model import Edition

    real = render.render_site

    def careless(edition: Edition, **options: object) -> dict[str, str]:
        files = real(edition, **options)  # type: ignore[arg-type]
        files["index.html"] += f"<h1>{edition.stories[0].title}</h1>"
        return files

    monkeypatch.setattr(render, "render_site", careless)
    with pytest.raises(AssertionError):
        one_input(b"<html><head><title>x<script>alert(1)</script></title></head><body><p>hi</p></body></html>")


@pytest.mark.parametrize("fragment", ["<![\xf3CDATA[&gt;</title>", "<![if x]>y",
                                      "<![CDATA[<script>x</script>]]>"])
def test_the_sanitiser_survives_marked_sections(fragment: str) -> None:
    """Found by the fuzz target: Python's HTML parser raised AssertionError on ``<![x``."""
    from broadsheet.render.sanitize import sanitize

    clean = sanitize(fragment)
    assert sanitize(clean) == clean and "<script" not in clean
