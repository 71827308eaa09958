"""Feeds and article pages written for the tests, served by ``newsserver.NewsServer``.

``Newsroom`` registers a small world on a local server: a feed whose items lead to every case the
issue lists (200, a 301/302 chain, 404, 429 with Retry-After, a robots.txt that disallows, an
oversized body, a slow trickle, a wrong charset, a duplicate GUID, a private address, a paywall, a
page in French, an item carrying its full text), a broken feed, and a second feed repeating one
article. Pages are short real-looking news articles (several paragraphs, quotes, a date).
"""

from __future__ import annotations

import html
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler

from broadsheet.timestamps import instant, now, shift
from newsserver import NewsServer, Trickle

PARAGRAPHS = [
    "The city council voted on Tuesday to reopen the old harbour bridge after two years of repairs, "
    "ending a long dispute between the mayor and the engineers who inspected the structure.",
    '"The bridge is safe, and it will carry traffic again from the first of May," said Mayor Jane '
    "Doe, speaking to reporters outside the town hall after the vote.",
    "Engineers had warned last year that the cables were corroded. The repairs cost 14 million "
    "pounds, according to figures published by the council's finance committee on Monday.",
    'Local shop owners welcomed the decision. "We have lost half our customers since it closed," '
    "said Amir Khan, who runs a bakery near the bridge, adding that he hoped trade would recover.",
    "The opposition leader, Mark Reed, said the council had acted too slowly and called for an "
    "independent review of how the repairs were managed and paid for.",
]
FRENCH = [
    "Le conseil municipal a voté mardi la réouverture du vieux pont du port après deux ans de travaux, "
    "mettant fin à un long conflit entre le maire et les ingénieurs qui ont inspecté la structure.",
    "« Le pont est sûr et il sera de nouveau ouvert à la circulation dès le premier mai », a déclaré "
    "la maire Jeanne Dupont devant la mairie, après le vote des élus de la ville.",
    "Les ingénieurs avaient averti l'an dernier que les câbles étaient rouillés. Les travaux ont coûté "
    "quatorze millions d'euros, selon les chiffres publiés par la commission des finances lundi.",
]


def article_html(title: str, paragraphs: list[str], *, lang: str = "en", head: str = "") -> str:
    """A plain news article page: a title, a dateline, paragraphs inside <article>."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{html.escape(title)}'
            f'</title><meta property="og:type" content="article">'
            f'<meta property="og:site_name" content="The Harbour Gazette">{head}</head><body>'
            f"<header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>"
            f"<article><h1>{html.escape(title)}</h1><p class='byline'>By Sam Writer</p>{body}</article>"
            f"<footer>Copyright The Harbour Gazette</footer></body></html>")


def variant(n: int) -> list[str]:
    """The article's paragraphs, made distinct per page: no paragraph repeats across pages, as on
    a real site (extraction learns a site's template from lines repeated on several pages)."""
    first = PARAGRAPHS[0].replace("two years", f"{n + 2} years")
    return [f"{text} Dispatch {n}-{i}." for i, text in enumerate([first, *PARAGRAPHS[1:]])]


def rss(title: str, items: list[str], *, link: str = "https://gazette.example/") -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
            f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{html.escape(title)}</title><link>{link}</link>{''.join(items)}</channel></rss>")


def rss_item(guid: str, url: str, title: str, *, summary: str = "", content: str = "",
             published: str | None = None) -> str:
    when = instant(published or now())
    assert when is not None
    encoded = f"<content:encoded><![CDATA[{content}]]></content:encoded>" if content else ""
    return (f"<item><title>{html.escape(title)}</title><link>{html.escape(url)}</link>"
            f"<guid isPermaLink='false'>{guid}</guid><description>{html.escape(summary)}</description>"
            f"{encoded}<pubDate>{format_datetime(when, usegmt=True)}</pubDate></item>")


PAYWALL = ('<script type="application/ld+json">{"@type": "NewsArticle", "isAccessibleForFree": false}'
           "</script>")


class Newsroom:
    """The test world on ``server`` (see the module docstring); ``feed``, ``broken``, ``second``
    are the feed addresses; ``page(name)`` the address of an item's page."""

    CASES = ("ok", "moved", "gone", "busy", "locked", "huge", "slow", "charset", "private",
             "paywall", "french", "full")

    def __init__(self, server: NewsServer, *, max_bytes: int = 200_000, private_item: bool = False) -> None:
        """``private_item`` adds an item linking to 10.0.0.7: only for a fetcher whose policy allows
        loopback alone, never with ``allow_private_addresses`` (no request may go there)."""
        self.server = server
        self.private_item = private_item
        self.busy_calls = 0
        server.add("/robots.txt", "User-agent: *\nDisallow: /members/\n",
                   headers={"Content-Type": "text/plain"})
        self._pages(max_bytes)
        self.feed = server.add("/feed.xml", handler=self._feed_answer)
        self.broken = server.add("/broken.xml", '<?xml version="1.0"?><rss><channel><title>Bro',
                                 headers={"Content-Type": "application/rss+xml"})
        self.second = server.add("/second.xml", rss("The Second Paper", [rss_item(
            "second-1", self.page("ok"), "Bridge to reopen in May", summary="The council voted.")]),
            headers={"Content-Type": "application/rss+xml"})
        self.feed_status = 200

    def page(self, name: str) -> str:
        paths = {"locked": "/members/locked", "private": "http://10.0.0.7/internal/story"}
        path = paths.get(name, f"/news/{name}")
        return path if path.startswith("http") else self.server.url(path)

    def _html(self, path: str, text: str, charset: str = "utf-8") -> None:
        self.server.add(path, text.encode("utf-8"), headers={"Content-Type": f"text/html; charset={charset}"})

    def _pages(self, max_bytes: int) -> None:
        self._html("/news/ok", article_html("Bridge to reopen in May", variant(0)))
        self.server.add("/news/moved", status=301, headers={"Location": "/news/moved-2"})
        self.server.add("/news/moved-2", status=302, headers={"Location": self.server.url("/news/final")})
        self._html("/news/final", article_html("Bridge repairs cost millions", variant(1)))
        self.server.add("/news/gone", "no such story", status=404)
        self.server.add("/news/busy", handler=self._busy)
        self._html("/members/locked", article_html("Members only", variant(2)))
        self.server.add("/news/huge", b"<p>" + b"x" * (max_bytes * 3) + b"</p>",
                        headers={"Content-Type": "text/html"})
        self.server.add("/news/slow", trickle=Trickle(interval=0.3, count=40))
        cafe = [*variant(3), "The café owners said the naïve plan — first floated in 2019 — had worked."]
        self._html("/news/charset", article_html("Café owners cheer", cafe), charset="iso-8859-1")
        self._html("/news/paywall", article_html("Inside the deal", variant(4), head=PAYWALL))
        self._html("/news/french", article_html("Le pont rouvre", FRENCH, lang="fr"))

    def _busy(self, request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        self.busy_calls += 1
        if self.busy_calls == 1:
            return 429, {"Retry-After": "1", "Content-Type": "text/plain"}, b"slow down"
        return 200, {"Content-Type": "text/html"}, article_html("Ferry strike ends", variant(5)).encode()

    def items(self) -> list[str]:
        teaser = "The council voted to reopen the harbour bridge, the mayor said on Tuesday."
        made = [rss_item(f"g-{name}", self.page(name), f"Story {name}", summary=teaser)
                for name in self.CASES if name != "full" and (name != "private" or self.private_item)]
        made.insert(1, rss_item("g-ok", self.page("ok"), "Story ok, again", summary="repeated"))  # dup GUID
        full = "".join(f"<p>{html.escape(p)}</p>" for p in variant(6) * 2)
        made.append(rss_item("g-full", self.server.url("/news/full"), "Story full", summary=teaser,
                             content=full))
        made.append(rss_item("g-old", self.server.url("/news/old"), "Ancient",
                             published=shift(now(), -90 * 86400)))
        return made

    def _feed_answer(self, request: BaseHTTPRequestHandler) -> tuple[int, dict[str, str], bytes]:
        if self.feed_status != 200:
            return self.feed_status, {"Content-Type": "text/plain"}, b"feed down"
        if request.headers.get("If-None-Match") == '"feed-v1"':
            return 304, {"ETag": '"feed-v1"'}, b""
        body = rss("The Harbour Gazette", self.items()).encode()
        return 200, {"Content-Type": "application/rss+xml", "ETag": '"feed-v1"'}, body
