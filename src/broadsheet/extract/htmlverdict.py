"""Is an HTML page an article? The evidence it is judged on (its page-kind signals and words, and
its two readings when the first stage is unsure) and the verdict: the shipped page classifier's,
or without one the hand-written rule (``decide_is_article``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from broadsheet.extract import boilerplate, htmlruns, metadata, pagekind
from broadsheet.extract.htmlparts import HtmlParts, body_paragraphs, html_parts
from broadsheet.extract.pagewords import heading_texts, page_words
from broadsheet.extract.text import is_prose
from broadsheet.model import Page, Rejected
from broadsheet.text import word_count

SHORT_ARTICLE_WORDS = 50
DECLARED_ARTICLE_WORDS = 150
URL_ARTICLE_WORDS = 200
LONG_BODY_WORDS = 1500
MIN_PROSE_SHARE = 0.7
_ARTICLE_OG_TYPES = frozenset({"article", "newsarticle", "blogposting", "blog"})


def decide_is_article(meta: metadata.HtmlMetadata, paragraphs: tuple[str, ...],
                      url: str | None) -> bool:
    """Is this page an article (a story, a post) rather than a listing, shop, forum or docs page?

    Evidence, measured on WCXB's seven page types (0.89 accuracy on a third of the dev split)
    and kept lenient for short news stories: a URL that looks like a shop, forum, docs or section
    page says no; a story URL (a date, a news or blog path), or an article declaration (og:type,
    schema.org ``Article`` types) on a slug URL, needs ``SHORT_ARTICLE_WORDS`` words of body; a
    declaration alone ``DECLARED_ARTICLE_WORDS``; a slug alone ``URL_ARTICLE_WORDS``; with no
    evidence at all, a long body of running prose.
    """
    words = sum(word_count(p) for p in paragraphs)
    declared = meta.declares_article or (meta.page_type or "").lower() in _ARTICLE_OG_TYPES
    hint = metadata.url_hint(url)
    if hint < 0:
        return False
    if hint == 2 or (declared and hint == 1):
        return words >= SHORT_ARTICLE_WORDS
    if declared:
        return words >= DECLARED_ARTICLE_WORDS
    if hint == 1:
        return words >= URL_ARTICLE_WORDS
    if words < LONG_BODY_WORDS:  # the prose share (the dear part) only when it can decide
        return False
    return sum(word_count(p) for p in paragraphs if is_prose(p)) >= MIN_PROSE_SHARE * words


def evidence_of(parts: HtmlParts) -> pagekind.Evidence:
    """What the page is judged on: its page-kind signals (``pagekind.SIGNAL_NAMES``) and the
    words of its body, headline and headings (``pagewords.page_words``)."""
    rule = decide_is_article(parts.meta, parts.read, parts.url)
    signals = pagekind.page_signals(parts.markup, parts.url, parts.meta, parts.read, rule,
                                    parts.title)
    words = page_words(parts.read, parts.title, heading_texts(parts.tree))
    return pagekind.Evidence(tuple(signals), words)


def with_readings(parts: HtmlParts, evidence: pagekind.Evidence,
                  default: str | None) -> pagekind.Evidence:
    """``evidence`` with the page's two readings (``pagekind.readings_signals``): the kept body
    and ``default``, trafilatura's default text (``default_text``), cleaned by our boilerplate
    stage (what ``page_body`` starts from), or the kept body's when it finds none or failed."""
    paragraphs = () if default is None else boilerplate.clean_paragraphs(body_paragraphs(default),
                                                                         parts.outlet)
    readings = pagekind.readings_signals(parts.paragraphs, paragraphs or parts.paragraphs,
                                         link_texts(parts.tree))
    return replace(evidence, readings=tuple(readings))


def default_text(parts: HtmlParts) -> str | None:
    """trafilatura's default text of the page (None without a tree or when the run fails)."""
    if parts.tree is None:
        return None
    try:
        return htmlruns.run_trafilatura(parts.tree, parts.url, precise=False)
    except Exception:  # lxml and trafilatura raise many types on hostile markup
        return None


def link_texts(tree: Any) -> frozenset[str]:
    """The text of every link of the page (``pagekind.link_key``)."""
    if tree is None:
        return frozenset()
    found = (pagekind.link_key(str(link.text_content())) for link in tree.iter("a"))
    return frozenset(text for text in found if text)


def page_evidence(page: Page) -> pagekind.Evidence | None:
    """All the page is judged on, its two readings read whatever the first stage says (None when
    the HTML path rejects the page): the rows the page classifier learns from and is measured on."""
    parts = html_parts(page)
    if isinstance(parts, Rejected):
        return None
    return with_readings(parts, evidence_of(parts), default_text(parts))


def weighed(parts: HtmlParts) -> tuple[pagekind.Evidence, str | None, str | None]:
    """What the page is judged on, its verdict (``verdict``) and trafilatura's default text when
    it was read: only for a page the first stage is unsure of (``PageModel.unsure``), whose two
    readings the second stage reads; ``page_body`` reuses the text."""
    evidence = evidence_of(parts)
    model = pagekind.shipped_page_model()
    if model is None:
        return evidence, verdict(evidence), None
    first = model.first_probability(evidence)
    if not model.unsure(first):
        return evidence, verdict(evidence, first), None
    default = default_text(parts)
    evidence = with_readings(parts, evidence, default)
    return evidence, verdict(evidence, first), default


def verdict(evidence: pagekind.Evidence, first: float | None = None) -> str | None:
    """None when the page is an article, else the kind of page it is (``listing``, ``product`` ...).

    The shipped page classifier decides (``first``: its first stage's probability, when known);
    without one, the hand-written rule.
    """
    model = pagekind.shipped_page_model()
    if model is None:
        article = bool(evidence.signals[pagekind.SIGNAL_NAMES.index("rule_says_article")])
    else:
        article = model.probability(evidence, first) >= model.cutoff
    return None if article else pagekind.reason(evidence.signals)
