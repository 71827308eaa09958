"""Is this page an article? A small learned classifier over signals every page carries.

A news story, a blog post or an essay is an article; a listing, a home page, a shop's product
page, a service or pricing page, a forum thread or a documentation page is not. What tells them
apart generalises across sites: the URL's shape (a dated path, a long slug, a shop or docs
section), what the markup declares (schema.org types, ``og:type``, prices, forms, carts), how the
markup is built (tag counts per kilobyte: links, list items, headings, tables, code, ``<article>``
elements, ``<time>``), and the body trafilatura kept (its words, prose share, paragraph lengths).

``page_signals`` turns a page into one row of floats (``SIGNAL_NAMES``); with the score of the
page's words (``pagewords``) it is what the boosted trees and the logistic regression of
``page_model.json`` read (trained by ``broadsheet.extract.train_pages``, measured on held-out
sites), their log-odds averaged, to give the probability that the page is an article. Where
that probability lies near the cutoff, a second stage of the same learners reads the page's two
readings too (``readings_signals``: what the article reading and trafilatura's default run keep,
how much of it is links, bullets, short lines), so only those pages pay the default run.
``reason`` names, for a page that is not one, the kind it most looks like, so the rejection can
be shown (``not_article:listing`` ...).
Without a shipped model the hand-written rule of ``htmlverdict.decide_is_article`` decides.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from broadsheet.extract import metadata
from broadsheet.extract.linemodel import Ensemble
from broadsheet.extract.marks import MarkCounter
from broadsheet.extract.pagewords import TYPE_SCORE_NAMES, TypeWordModel, WordModel
from broadsheet.text import ends_sentence, word_count

MODEL_FILE = "page_model.json"
_SAMPLE = 1_500_000
_TAGS = ("a", "p", "li", "h1", "h2", "h3", "table", "code", "pre", "form", "input", "button",
         "article", "time", "img", "select", "blockquote", "figure", "nav", "aside", "section")
# what ``\s`` matches in text, as UTF-8: the signals search the markup's bytes (``lowered``)
_SPACES = b"|".join(re.escape(chr(c).encode()) for c in range(0x3001) if chr(c).isspace())
_TAG_PATTERN = re.compile(b"<(" + "|".join(_TAGS).encode() + b")(?:[>/]|" + _SPACES + b")")
# the only characters whose lower case holds an ASCII letter (a search for ASCII marks finds them)
_ASCII_LOWER = ("\u0130", "\u212a")
_TYPES = re.compile(r"@type[\"']\s*:\s*\[?\s*[\"']([\w:/.]+)")
_ITEMTYPES = re.compile(r"itemtype=[\"']https?://schema\.org/(\w+)")
_SCHEMA = {
    "product": frozenset({"product", "offer", "aggregateoffer", "productgroup", "individualproduct"}),
    "forum": frozenset({"discussionforumposting", "qapage", "question", "answer"}),
    "collection": frozenset({"collectionpage", "itemlist", "searchresultspage"}),
    "service": frozenset({"service", "organization", "localbusiness", "softwareapplication",
                          "faqpage", "website"}),
    "docs": frozenset({"techarticle", "apireference", "howto"}),
}
_MARKS = {
    "person": (b'"author":', b"'author':", b'"creator":'),
    "published": (b"datepublished", b"article:published_time", b"pubdate"),
    "og_article": (b'og:type" content="article', b"og:type' content='article"),
    "og_product": (b'og:type" content="product', b'og:type" content="og:product'),
    "price": (b'itemprop="price"', b"itemprop='price'"),
    "cart": (b"add to cart", b"add-to-cart", b"add_to_cart", b"add to basket", b"add to bag",
             b"in den warenkorb", b"ajouter au panier", b"buy now", b"checkout"),
}
_PRICE = re.compile(r"[$€£¥]\s?\d|\d\s?€")
# without a "€" the count is the sum over the other symbols, each search led by its literal
# symbol (a fast scan; a character class is tried at every position: a tenth of the time)
_PRICE_BY_SYMBOL = {symbol: re.compile(rf"{re.escape(symbol)}\s?\d") for symbol in "$£¥"}
_DATE_PATH = re.compile(r"/(?:19|20)\d{2}(?:[/-]\d{1,2})?(?:[/-]|$)")
_ID_PATH = re.compile(r"\d{5,}")
_PATH_WORDS = {
    "story": r"blog|blogs|news|article|articles|story|stories|post|posts|opinion|column|columns|"
             r"features?|reviews?|\d{4}",
    "shop": r"products?|p|dp|item|itm|shop|store|buy|catalog|sku",
    "listing": r"category|categories|collections?|tags?|topics?|search|archive|archives|page|"
               r"section|sections|index|latest|all",
    "docs": r"docs?|documentation|reference|api|manual|guides?|learn|tutorials?|wiki|kb|faq|how-?to",
    "forum": r"forums?|threads?|community|questions?|t|discussions?|r|answers|board|boards",
    "service": r"services?|solutions?|pricing|plans|features|about|contact|company|careers|jobs|"
               r"industries|customers|platform|enterprise|signup|demo",
}
_PATH_PATTERNS = {k: re.compile(rf"^(?:{v})$", re.IGNORECASE) for k, v in _PATH_WORDS.items()}
_CLASS_HINTS = {
    "byline": (b"byline", b'rel="author"', b'class="author', b"author-name"),
    "comment": (b"comment",),
    "breadcrumb": (b"breadcrumb",),
    "share": (b"share",),
    "card": (b"card", b"teaser", b"tile"),
    "reply": (b"reply", b"replies"),
    "read_time": (b"min read", b"minute read"),
    "rating": (b"ratingvalue", b"reviewcount", b"aggregaterating"),
    # a forum thread repeats its posters' marks: pictures, names, join dates
    "poster": (b"avatar", b"username", b"user-name", b"joined"),
}
_COUNTER = MarkCounter.of(m for groups in (_MARKS, _CLASS_HINTS) for found in groups.values()
                         for m in found)


def mark_counts(low: bytes) -> dict[bytes, int]:
    """How many times each mark of ``_MARKS`` and ``_CLASS_HINTS`` occurs in ``low`` (one pass:
    ``marks.MarkCounter``; the counts ``bytes.count`` gives)."""
    return _COUNTER.counts(low)


# the classes a CMS gives the ``<body>`` of a dated post and of a standing page (WordPress)
_CMS_POST = (b"single-post", b"postid-", b"type-post")
_CMS_PAGE = (b"page-id-", b"page-template", b"type-page")
# a day written out near the headline: ISO, "March 3, 2025", "3 March 2025", "03.03.2025"
_MONTH = rb"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*"
_DAY = re.compile(rb"(?:19|20)\d\d-\d\d-\d\d|\b" + _MONTH + rb"\.? \d{1,2},? (?:19|20)\d\d|"
                  rb"\b\d{1,2} " + _MONTH + rb" (?:19|20)\d\d|\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d")
_BYLINE_MARKS = (b"byline", b"author", b">by ", b"by <")
_BEFORE_TITLE, _AFTER_TITLE = 1500, 4000
_VOICE = {"we": "we", "our": "we", "us": "we", "you": "you", "your": "you", "i": "i", "my": "i",
          "me": "i"}
_VOICE_GROUPS = ("we", "you", "i", "digits")
_VOICE_WORDS = re.compile(rf"\b(?:{'|'.join(_VOICE)}|\d+)\b", re.IGNORECASE)


def _url_signals(url: str | None) -> list[float]:
    """The URL's shape: the rule's hint, depth, slug words, a dated path, ids, a query."""
    parts = urlsplit(url or "")
    path = parts.path
    segments = [s for s in path.split("/") if s]
    slug = segments[-1] if segments else ""
    slug_words = len([w for w in re.split(r"[-_]+", re.sub(r"\.\w+$", "", slug)) if w.isalpha()])
    return [
        float(metadata.url_hint(url)),
        float(len(segments)),
        float(slug_words),
        float(bool(_DATE_PATH.search(path))),
        float(bool(_ID_PATH.search(path))),
        float(bool(parts.query)),
        float(path.endswith((".html", ".htm", ".php", ".aspx"))),
        float(not segments),
        float(url is None),
    ]


URL_NAMES = ("url_hint", "url_depth", "slug_words", "dated_path", "id_in_path", "query",
             "html_suffix", "site_root", "no_url")


def _prices(sample: str) -> int:
    """How many prices the markup shows ("$ 20", "19,99 €")."""
    if "€" in sample:
        return len(_PRICE.findall(sample))
    return sum(len(price.findall(sample)) for symbol, price in _PRICE_BY_SYMBOL.items()
               if symbol in sample)


@dataclass(frozen=True)
class Lowered:
    """The markup lower-cased for the searches of ASCII marks and tags: its UTF-8 bytes with
    ASCII letters lower-cased, and the length in characters of the lower-cased text. Every mark
    is ASCII, and an ASCII byte of UTF-8 is always that character, so the counts are those of
    the lower-cased text; lower-casing the bytes takes a third of the time of lower-casing the
    text (most pages hold characters beyond Latin-1, two or four bytes each in a ``str``)."""

    data: bytes
    chars: int


def lowered(sample: str) -> Lowered:
    """``sample`` lower-cased for the mark searches (``Lowered``). Only two characters lower-case
    to an ASCII letter ("İ", the Kelvin sign); a page holding one is lower-cased as text."""
    if any(char in sample for char in _ASCII_LOWER):
        text = sample.lower()
        return Lowered(text.encode("utf-8", "surrogatepass"), len(text))
    return Lowered(sample.encode("utf-8", "surrogatepass").lower(), len(sample))


def _markup_signals(sample: str, low: bytes, marks: Mapping[bytes, int],
                    declared: bool) -> list[float]:
    """Tag counts per 10 kB of markup, and what the markup declares (one pass for the tags, on
    the lower-cased markup ``low``; ``marks``: the counts of every mark in it, ``mark_counts``:
    the signals must cost little beside trafilatura); ``declared``: the metadata found an
    Article-like schema.org type."""
    size = max(len(sample) / 10_000, 1.0)
    counts = Counter(_TAG_PATTERN.findall(low))
    tags = [math.log1p(counts[tag.encode()] / size) for tag in _TAGS]
    found = _TYPES.findall(sample) + _ITEMTYPES.findall(sample)
    types = {name.rsplit("/", 1)[-1].lower() for name in found}
    schema = [float(bool(types & names)) for names in _SCHEMA.values()]
    seen = {name: any(marks[m] for m in found) for name, found in _MARKS.items()}
    return [*tags, *schema, float(seen["person"]), float(seen["published"]),
            float(seen["og_article"]), float(seen["og_product"] or seen["price"]),
            math.log1p(_prices(sample) / size), float(seen["cart"]),
            float(declared), math.log1p(len(sample))]


MARKUP_NAMES = (*(f"tag_{t}" for t in _TAGS), *(f"schema_{k}" for k in _SCHEMA),
                "schema_person", "schema_published", "schema_og_article", "schema_og_product",
                "prices", "cart", "declares_article", "log_size")


def _body_signals(paragraphs: Sequence[str], counts: Sequence[int]) -> list[float]:
    """What the kept body looks like (``counts``: the words of each paragraph): words,
    paragraphs, prose share, short lines."""
    total = max(sum(counts), 1)
    prose = sum(c for p, c in zip(paragraphs, counts, strict=True) if c >= 8 and ends_sentence(p))
    short = sum(1 for c in counts if c < 8)
    return [
        math.log1p(sum(counts)),
        math.log1p(len(paragraphs)),
        prose / total,
        short / max(len(paragraphs), 1),
        max(counts, default=0) / total,
        sum(counts) / max(len(paragraphs), 1),
    ]


BODY_NAMES = ("log_words", "log_paragraphs", "prose_share", "short_share", "top_paragraph_share",
              "mean_paragraph_words")


def _meta_signals(meta: metadata.HtmlMetadata, rule: bool) -> list[float]:
    """What trafilatura's metadata found, and the hand-written rule's verdict."""
    page_type = (meta.page_type or "").lower()
    return [float(bool(meta.authors)), float(bool(meta.published)), float(bool(meta.section)),
            float(page_type in {"article", "newsarticle", "blogposting"}),
            float(page_type in {"website", "product"}), float(rule)]


META_NAMES = ("has_author", "has_date", "has_section", "og_type_article", "og_type_other",
              "rule_says_article")


def structure_signals(low: Lowered, url: str | None,
                      marks: Mapping[bytes, int] | None = None) -> list[float]:
    """Generic words of the URL path (a story, shop, listing, docs, forum or service section) and
    hints in the markup's class names (bylines, comments, breadcrumbs, cards, ratings);
    ``marks``: their counts in ``low`` when already made (``mark_counts``)."""
    marks = mark_counts(low.data) if marks is None else marks
    segments = [s for s in re.split(r"[/.]", urlsplit(url or "").path) if s]
    words = segments[:-1] or segments
    path = [float(any(p.match(w) for w in words)) for p in _PATH_PATTERNS.values()]
    size = max(low.chars / 10_000, 1.0)
    hints = [math.log1p(sum(marks[m] for m in found) / size) for found in _CLASS_HINTS.values()]
    return [*path, *hints]


STRUCTURE_NAMES = (*(f"path_{k}" for k in _PATH_WORDS), *(f"class_{k}" for k in _CLASS_HINTS))


def title_signals(low: bytes) -> list[float]:
    """How the page is built around its headline (the first ``<h1>``): an article prints its
    day, a ``<time>`` or its byline there, a service or forum page seldom does; and whether
    the CMS marks the page a dated post or a standing page."""
    body = low.find(b"<body")
    end = low.find(b">", body) if body >= 0 else -1
    tag = low[body:end] if end >= 0 else b""  # the <body> tag alone (some run past 2,000 bytes)
    cms = [float(any(m in tag for m in _CMS_POST)), float(any(m in tag for m in _CMS_PAGE))]
    start = low.find(b"<h1")
    if start < 0:
        return [*cms, 0.0, 0.0, 0.0, 0.0, 1.0]
    near = low[max(0, start - _BEFORE_TITLE) : start + _AFTER_TITLE]
    return [*cms, 1.0, float(bool(_DAY.search(near))),
            float(b"<time" in near or b"datetime=" in near),
            float(any(m in near for m in _BYLINE_MARKS)), start / max(len(low), 1)]


TITLE_NAMES = ("cms_post", "cms_page", "has_h1", "day_near_title", "time_near_title",
               "byline_near_title", "title_position")


def voice_signals(paragraphs: Sequence[str], words: int) -> list[float]:
    """Who the body (of ``words`` words) speaks as and to: shares of "we / our", "you / your",
    "I / my" and of numbers among its words, and the share of its paragraphs that ask a question
    (a service page addresses its customers, a forum post speaks in the first person and asks)."""
    found = Counter(_VOICE.get(w.lower(), "digits") for w in _VOICE_WORDS.findall("\n".join(paragraphs)))
    shares = [found[name] / max(words, 1) for name in _VOICE_GROUPS]
    asking = sum(p.rstrip().endswith("?") for p in paragraphs) / max(len(paragraphs), 1)
    return [*shares, asking]


VOICE_NAMES = (*(f"voice_{k}" for k in _VOICE_GROUPS), "question_share")
# a headline that asks, promises a guide or ranks ("What is ...", "How to ...", "Best ... of 2026",
# "10 ways ...") heads an explanatory article; a service or listing page names a thing
_HEADLINE_LEADS = re.compile(r"^(?:what|how|why|when|who|best|top|\d+|guide|the best|a guide|"
                             r"introducing|understanding)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def headline_signals(title: str | None) -> list[float]:
    """The headline's shape: its words, a question or guide lead, a question mark, a year, a
    colon."""
    title = title or ""
    return [float(len(title.split())), float(bool(_HEADLINE_LEADS.match(title))),
            float("?" in title), float(bool(_YEAR.search(title))), float(":" in title)]


HEADLINE_NAMES = ("headline_words", "headline_leads", "headline_question", "headline_year",
                  "headline_colon")
_SPACE_RUN = re.compile(r"\s+")
_BYLINE_LEAD = re.compile(r"^(?:by|von|par|por|door|di)\s+\w", re.IGNORECASE)


def link_key(text: str) -> str:
    """A link's text or a paragraph as ``reading_signals`` compares them: spaces collapsed,
    lower case."""
    return _SPACE_RUN.sub(" ", text).strip().lower()


def reading_signals(paragraphs: Sequence[str], links: frozenset[str]) -> list[float]:
    """What one reading of the page keeps: its words and paragraphs, the share of its words in
    paragraphs that are a link's whole text (``links``: the ``link_key`` of every link's text),
    the shares of its bulleted and short paragraphs, its prose share, the days it prints, a
    byline among its first paragraphs."""
    counts = [word_count(p) for p in paragraphs]
    total, lines = max(sum(counts), 1), max(len(paragraphs), 1)
    linked = sum(c for p, c in zip(paragraphs, counts, strict=True)
                 if link_key(p.removeprefix("- ")) in links)
    prose = sum(c for p, c in zip(paragraphs, counts, strict=True) if c >= 8 and ends_sentence(p))
    days = _DAY.findall("\n".join(paragraphs).lower().encode("utf-8", "surrogatepass"))
    return [math.log1p(sum(counts)), math.log1p(len(paragraphs)), linked / total,
            sum(p.startswith("- ") for p in paragraphs) / lines,
            sum(c < 8 for c in counts) / lines, prose / total, math.log1p(len(days)),
            float(any(_BYLINE_LEAD.match(p) for p in paragraphs[:6]))]


def readings_signals(kept: Sequence[str], default: Sequence[str],
                     links: frozenset[str]) -> list[float]:
    """The two readings of a page side by side: the body the article reading keeps (``kept``),
    trafilatura's default run (``default``, what ``pagebody.page_body`` keeps of a page that is not
    an article), and how many more words and paragraphs the default run keeps (log ratios). A
    listing, a service or a docs page loses more to the article reading than an article does."""
    first, second = reading_signals(kept, links), reading_signals(default, links)
    return [*first, *second, second[0] - first[0], second[1] - first[1]]


_READING = ("words", "paragraphs", "linked", "bullets", "short", "prose", "days", "byline")
READING_NAMES = (*(f"kept_{k}" for k in _READING), *(f"default_{k}" for k in _READING),
                 "default_more_words", "default_more_paragraphs")
SIGNAL_NAMES = (URL_NAMES + MARKUP_NAMES + BODY_NAMES + META_NAMES + STRUCTURE_NAMES + TITLE_NAMES
                + VOICE_NAMES + HEADLINE_NAMES)
# what the shipped page model reads: the signals, then the score of the page's words; its second
# stage reads the two readings too, and the type word regression's scores in place of the word score
MODEL_FEATURES = (*SIGNAL_NAMES, "word_score")
SECOND_FEATURES = (*SIGNAL_NAMES, *READING_NAMES, *TYPE_SCORE_NAMES)


@dataclass(frozen=True)
class Evidence:
    """What a page is judged on: its row of ``SIGNAL_NAMES``, its words (``page_words``) and,
    once read, its two readings (``READING_NAMES``, ``readings_signals``: () when not read)."""

    signals: tuple[float, ...]
    words: frozenset[str]
    readings: tuple[float, ...] = ()


def page_signals(markup: str, url: str | None, meta: metadata.HtmlMetadata,
                 paragraphs: Sequence[str], rule: bool, title: str | None = None) -> list[float]:
    """One row of ``SIGNAL_NAMES`` for a page (``title``: its headline)."""
    sample = markup[:_SAMPLE]
    low = lowered(sample)
    marks = mark_counts(low.data)
    counts = [word_count(p) for p in paragraphs]
    return [*_url_signals(url), *_markup_signals(sample, low.data, marks, meta.declares_article),
            *_body_signals(paragraphs, counts), *_meta_signals(meta, rule),
            *structure_signals(low, url, marks), *title_signals(low.data),
            *voice_signals(paragraphs, sum(counts)), *headline_signals(title)]


@dataclass(frozen=True)
class Linear:
    """A logistic regression over the trees' input row: ``intercept`` plus each value times its
    weight (the training rows' centring and scaling folded into both)."""

    intercept: float
    weights: tuple[float, ...]

    def score(self, row: Sequence[float]) -> float:
        """The regression's log-odds for ``row``, summed exactly (``math.fsum``)."""
        return math.fsum([self.intercept, *(w * x for w, x in zip(self.weights, row, strict=True))])

    def to_json(self) -> dict[str, Any]:
        """The regression as ``page_model.json`` holds it."""
        return {"intercept": self.intercept, "weights": list(self.weights)}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Linear:
        """A regression from its JSON form."""
        return cls(float(data["intercept"]), tuple(float(w) for w in data["weights"]))


@dataclass(frozen=True)
class SecondStage:
    """The page classifier's second stage: boosted trees and a logistic regression over the
    page's signals, its two readings and the scores its words get from ``words``, the word
    regression over the seven page types (``SECOND_FEATURES``), for the pages whose first
    probability lies in ``band`` (from, up to)."""

    ensemble: Ensemble
    linear: Linear
    band: tuple[float, float]
    words: TypeWordModel

    def row(self, evidence: Evidence) -> list[float]:
        """The second stage's input for a page: its signals, its readings and its type scores."""
        return [*evidence.signals, *evidence.readings, *self.words.scores(evidence.words)]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SecondStage:
        """The second stage as ``page_model.json`` holds it."""
        if list(data["features"]) != list(SECOND_FEATURES):
            raise ValueError("the page model's second stage was trained on other signals; retrain it")
        low, high = data["band"]
        return cls(Ensemble.from_json(data["model"]), Linear.from_json(data["linear"]),
                   (float(low), float(high)), TypeWordModel.from_json(data["words"]))


@dataclass(frozen=True)
class PageModel:
    """The shipped page classifier: the word regression, then two learners over the signals and
    the word score (``MODEL_FEATURES``), boosted trees and a logistic regression, whose log-odds
    are averaged (``blend``: the trees' share), and the probability from which a page is an
    article. The trees find the interactions; the regression's smooth, additive reading of the
    same row holds where they are sure and wrong on sites neither saw (held out, the trees alone
    0.937, the regression alone 0.940, together 0.948: docs/quality-history.md, page kind
    round). A page whose probability lies in the band of ``second`` is judged again by it, the
    same two learners over the page's two readings too: reading them costs a trafilatura run, paid
    only there (docs/quality-history.md, page kind round 4)."""

    words: WordModel
    ensemble: Ensemble
    linear: Linear
    blend: float
    cutoff: float
    second: SecondStage | None = None

    def row(self, evidence: Evidence) -> list[float]:
        """The first stage's input for a page: its signals and its word score."""
        return [*evidence.signals, self.words.score(evidence.words)]

    def first_probability(self, evidence: Evidence) -> float:
        """The first stage's probability that the page is an article."""
        row = self.row(evidence)
        return float(blended(self.ensemble.raw_one(row), self.linear.score(row), self.blend))

    def unsure(self, first: float) -> bool:
        """True when a page of first probability ``first`` is judged by the second stage."""
        return self.second is not None and self.second.band[0] <= first < self.second.band[1]

    def probability(self, evidence: Evidence, first: float | None = None) -> float:
        """The probability that the page is an article: the first stage's (``first``, when
        already known) or, where it is unsure and the page's readings are known, the second's."""
        first = self.first_probability(evidence) if first is None else first
        if self.second is None or not evidence.readings or not self.unsure(first):
            return first
        row = self.second.row(evidence)
        return float(blended(self.second.ensemble.raw_one(row), self.second.linear.score(row),
                             self.blend))


def blended(trees: Any, linear: Any, share: float) -> Any:
    """The probability that a page is an article from the two learners' log-odds (numbers, or
    arrays of them for many pages): averaged, the trees weighing ``share``, then the logistic.
    The one formula for the shipped model and the held-out measure (``train_pages.Learners``)."""
    raw = share * np.asarray(trees, dtype=np.float64) + (1.0 - share) * np.asarray(linear, dtype=np.float64)
    return 1.0 / (1.0 + np.exp(-raw))


@lru_cache(maxsize=1)
def shipped_page_model() -> PageModel | None:
    """The shipped page classifier, or None when none has been trained."""
    path = resources.files("broadsheet.extract").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if list(data["features"]) != list(MODEL_FEATURES):
        raise ValueError("the page model was trained on other signals; retrain it")
    second = data.get("second")
    return PageModel(WordModel.from_json(data["words"]), Ensemble.from_json(data["model"]),
                     Linear.from_json(data["linear"]), float(data["blend"]), float(data["cutoff"]),
                     None if second is None else SecondStage.from_json(second))


def reason(signals: Sequence[float]) -> str:
    """The kind of non-article page the signals point to most, as a short stable code."""
    named = dict(zip(SIGNAL_NAMES, signals, strict=True))
    if named["schema_product"] or named["cart"] or (named["og_type_other"] and named["prices"] > 1):
        return "product"
    if named["schema_forum"]:
        return "forum"
    if named["tag_code"] + named["tag_pre"] > 2 or named["schema_docs"]:
        return "documentation"
    if named["site_root"] or named["schema_collection"] or named["short_share"] > 0.5:
        return "listing"
    return "service" if named["schema_service"] else "not_article"
