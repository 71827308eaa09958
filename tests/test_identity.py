"""Stable identities: canonical URLs are idempotent; the same page always gets the same id."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from broadsheet.identity import canonical_url, content_hash, page_id

_hosts = st.sampled_from(["Example.COM", "news.example.org:8080", "example.com:443", "a.b.c"])
_paths = st.lists(st.text("abcXYZ-_0189%", min_size=1, max_size=8), max_size=4).map("/".join)
_params = st.dictionaries(st.sampled_from(["q", "id", "utm_source", "fbclid", "page", "z"]),
                          st.text("ab1&=%+", max_size=5), max_size=4)


@st.composite
def urls(draw: st.DrawFn) -> str:
    query = "&".join(f"{k}={v}" for k, v in draw(_params).items())
    scheme = draw(st.sampled_from(["http", "https", "HTTPS"]))
    fragment = draw(st.sampled_from(["", "#top"]))
    return f"{scheme}://{draw(_hosts)}/{draw(_paths)}?{query}{fragment}"


@given(urls())
def test_canonical_url_is_idempotent(url: str) -> None:
    assert canonical_url(canonical_url(url)) == canonical_url(url)


@given(urls())
def test_page_id_ignores_tracking_and_fragments(url: str) -> None:
    noisy = url.replace("?", "?utm_medium=email&", 1).split("#")[0] + "#comments"
    assert page_id(noisy, "a") == page_id(url, "b")


def test_canonical_url_examples() -> None:
    assert canonical_url("HTTPS://Example.com:443/a?b=2&a=1&utm_source=x#frag") == "https://example.com/a?a=1&b=2"
    assert canonical_url("http://example.com:8080") == "http://example.com:8080/"


def test_content_ids_ignore_whitespace_but_not_words() -> None:
    assert content_hash("a  b\nc") == content_hash(" a b c ")
    assert page_id(None, "a b") == page_id("file.txt", "a  b") != page_id(None, "a c")
    assert page_id("https://x.org/", "t").startswith("u") and page_id(None, "t").startswith("c")
