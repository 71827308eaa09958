"""One fuzz target from raw bytes through every stage that reads what a stranger wrote.

    bytes ──parse_feed──▶ items ──┐
          ──decode_response──▶ page ──extract──▶ article ──▶ an edition made of those strings
                                                          ──render_site──▶ pages, feeds, JSON
                                                          ──compose/address──▶ the e-mail
          ──canonical_link / canonical_url──▶ only ever http(s)
          ──render.sanitize (the allow-list sanitiser)──▶ only allowed tags, idempotent

``one_input`` raises only for a broken invariant (an ``AssertionError``) or an unexpected crash;
an input the stages refuse (``BroadsheetError``: not a feed, binary junk ...) is an expected outcome,
returned as its name. It runs under atheris (``fuzz/fuzz_inputs.py``, CI with a time budget), under
hypothesis (``tests/test_fuzz.py``) and in ``broadsheet bench robustness``. Invariants checked:
- every address canonicalisation returns is http(s) (or nothing);
- ``sanitize`` keeps only allowed tags, no event handler nor script, and is idempotent;
- no rendered HTML page, feed or e-mail part carries a source string with markup verbatim;
- the e-mail has exactly broadsheet's headers (a title cannot add one) and a single From.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from email.message import EmailMessage
from email.policy import SMTP

from broadsheet.errors import BroadsheetError
from broadsheet.model import Article, Coverage, Edition, EditionStory, Page, Quote, SummarySentence, Voice

URL = "https://news.example/2024/05/01/fuzzed-story"
HEADERS = frozenset({"subject", "from", "to", "date", "message-id", "list-unsubscribe",
                     "list-unsubscribe-post", "auto-submitted", "mime-version", "content-type"})
_MARKUP = re.compile(r"<[A-Za-z]")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")
_HANDLER = re.compile(r"<[^>]*(\son\w+\s*=|javascript:)", re.I)
TOKEN = "1." + "t" * 32


def one_input(data: bytes) -> str:
    """Run ``data`` through every stage (module docstring); the name of what it became."""
    from broadsheet.ingest.decode import decode_response

    outcome = _feed(data)
    try:
        text = decode_response(data, None)
    except BroadsheetError as exc:
        return f"{outcome}+{exc.reason}"
    _check_links(text)
    _check_sanitiser(text[:20_000])
    article = _extract(text)
    if not isinstance(article, Article):
        article = Article(id="fuzz", source=URL, title=text[:300] or "untitled", paragraphs=(text[:2000],),
                          url=URL)
    _check_rendering(article)
    return f"{outcome}+article"


def _feed(data: bytes) -> str:
    from broadsheet.identity import canonical_url
    from broadsheet.ingest.feeds import parse_feed

    try:
        feed = parse_feed(data, URL, max_bytes=1_000_000)
    except BroadsheetError as exc:
        return exc.reason
    for item in feed.items:
        if item.url and item.url.lower().startswith(("http://", "https://")):
            assert canonical_url(item.url).startswith(("http://", "https://")), item.url
    return "feed"


def _check_links(text: str) -> None:
    from broadsheet.ingest.discover import canonical_link

    found = canonical_link(text, URL)
    assert found is None or found.startswith(("http://", "https://")), found


def _check_sanitiser(text: str) -> None:
    from broadsheet.render.sanitize import ALLOWED, sanitize

    clean = sanitize(text)
    assert sanitize(clean) == clean, clean[:200]
    tags = {t.lower() for t in _TAG_NAME.findall(clean)}
    assert tags <= ALLOWED, tags - ALLOWED
    assert not _HANDLER.search(clean), clean[:200]


def _extract(text: str) -> Article | None:
    from broadsheet.extract import extract

    page = Page(id="fuzz", source=URL, kind="html", content=text, url=URL)
    result = extract(page)
    return result if isinstance(result, Article) else None


def edition_of(article: Article) -> Edition:
    """A one-story edition whose every source-derived field is a string of ``article``."""
    title = article.title[:300]
    said = (article.paragraphs[0] if article.paragraphs else title)[:500]
    outlet = (article.outlet or title)[:80]
    quote = Quote(said, "direct", "said", article.id, outlet, article.url)
    story = EditionStory(
        story_id="s-fuzz", title=title, rank=1, outlets=(outlet,),
        summary=(SummarySentence(said, article.id, outlet, article.url),),
        voices=(Voice(title[:60] or "someone", (quote,), role=said[:40], organisation=outlet),),
        article_ids=(article.id,), section="feature", saying=(Voice(outlet, (quote,)),),
        coverage=(Coverage(article.id, title, outlet, article.url),))
    return Edition(id="e-fuzz", title=f"Brief {title[:40]}", created="2024-05-02T06:00:00+00:00",
                   stories=(story,), date="2024-05-02")


def _check_rendering(article: Article) -> None:
    from broadsheet.render import render_site

    edition = edition_of(article)
    benign = _benign()
    strings = [s for s in _hostile(article) if all(s not in page for page in benign.values())]
    for path, content in render_site(edition, base_url="https://brief.example/").items():
        if path.endswith((".html", ".atom")):
            for raw in strings:
                assert raw not in content, (path, raw[:80])
    _check_message(_message(edition), strings)


def _message(edition: Edition) -> EmailMessage:
    from broadsheet.render.email import address, compose

    letter = compose(edition, "https://brief.example/")
    return address(letter, token=TOKEN, recipient="reader@example.org", sender="news@example.org",
                   date="2024-05-02T06:00:00+00:00")


@functools.cache
def _benign() -> dict[str, str]:
    """The files of a harmless edition: a source string that is part of the templates' own markup
    (``<html``, ``<p``) proves nothing when found in the output, so it is not looked for."""
    from broadsheet.render import render_site

    edition = edition_of(Article(id="plain", source=URL, title="Plain", paragraphs=("Plain text.",),
                                 url=URL))
    files = render_site(edition, base_url="https://brief.example/")
    files["email"] = _message(edition).as_string(policy=SMTP)
    return files


def _hostile(article: Article) -> list[str]:
    """The source strings that hold markup (which must never reach a page verbatim)."""
    fields = [article.title[:300], (article.outlet or "")[:80],
              *(p[:500] for p in article.paragraphs[:1])]
    return [f for f in fields if _MARKUP.search(f)]


def _check_message(message: EmailMessage, strings: list[str]) -> None:
    names = [key.lower() for key in message]
    assert set(names) <= HEADERS and names.count("from") == 1, names
    raw = message.as_bytes(policy=SMTP)
    assert b"\r\n\r\n" in raw
    for part in _parts(message):
        if part.get_content_type() == "text/html":
            body = part.get_content()
            for text in strings:
                assert text not in body, text[:80]


def _parts(message: EmailMessage) -> Iterator[EmailMessage]:
    for part in message.walk():
        if isinstance(part, EmailMessage) and not part.is_multipart():
            yield part


SEEDS: dict[str, bytes] = {
    "rss": b'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><item>'
           b"<title>Bridge &lt;b&gt;reopens&lt;/b&gt;</title><link>https://news.example/a</link>"
           b"<description>&lt;script&gt;alert(1)&lt;/script&gt;The council voted.</description></item>"
           b"</channel></rss>",
    "atom": b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>'
            b'<entry><id>x</id><title type="html">&lt;img src=x onerror=alert(1)&gt;</title>'
            b'<link href="javascript:alert(1)"/></entry></feed>',
    "json": b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", '
            b'"url": "https://news.example/j", "title": "<svg onload=alert(1)>"}]}',
    "sitemap": b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               b"<url><loc>https://news.example/s</loc></url></urlset>",
    "page": b'<!DOCTYPE html><html><head><title>A "quote" &amp; <b>bold</b></title>'
            b'<link rel="canonical" href="javascript:alert(1)"></head><body><article>'
            b"<h1>Title</h1><p>The mayor said the bridge &lt;script&gt; will reopen in May after two years"
            b" of repairs, ending a long dispute between the council and the engineers.</p></article>"
            b"</body></html>",
    "header": b"<html><head><title>Bridge\r\nBcc: victim@example.org</title></head><body><p>"
              b"Subject: injected\r\n\r\n<p>body</p></body></html>",
    "entities": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel><title>&a;</title>'
                b"</channel></rss>",
}
