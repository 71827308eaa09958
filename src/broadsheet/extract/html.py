"""HTML path: a fetched page -> the clean Article, via trafilatura and our boilerplate stage.

trafilatura gives the body text, one paragraph a line, and the metadata (title, authors, date via
htmldate, sitename, categories, language). It runs once on most pages, with ``favor_precision``
(best alone on the scrapinghub news pages: F1 0.970 against 0.961 for the default) in fast mode;
the full precise run only when that body looks cut short (``needs_full_run``), and a run with
default settings only when the precise body is short (on WCXB's varied article pages precision
mode sometimes keeps only a first section: 0.934 against 0.913 on a quarter of the dev articles),
and, on a page judged an article, the fast recall run only when the text chosen then still
looks cut short (``recalled``).
Its paragraphs then go through the same boilerplate stage as the plain-text path, which removes
the in-article promos, sign-up calls, author bios and brand lines that trafilatura keeps; as in
the plain-text path, a related-stories list is read into ``related`` and taken out (not a list
holding most of the body's words: that is the content), a paragraph
repeating the headline is dropped, and when the markup names no site the outlet is guessed from
the text. Where the precise body announces a list it does not hold ("This meant:" and then no
list), the gaps between the paragraphs it keeps are filled from trafilatura's recall run; where
the markup prints the body in several containers of one class, the others' text joins it
(``leftout``: trafilatura reads the first only), the prose paragraphs printed between two of
the body's own outside the container it read come back, and so do the headings trafilatura
left out between two paragraphs it kept; then the lists and paragraphs still missing inside
the body's span that the learned list model keeps (``looselists.kept_lists``, ``listed``), and the
text of the boxes precision mode drops there (an element whose style draws a border: ``boxed``); last,
where the page's JSON-LD declares an ``articleBody`` that holds the body read and far more (a
page printing its text with script), the declared one (``declared``).

Guards: empty input, binary junk (a tenth of the characters control or replacement characters)
and markup trafilatura cannot parse become ``Rejected`` values — nothing raises out of
``extract_html``; a stray NUL or control character in a real page (a broken server, a bad copy)
is blanked, not a reason to refuse the page. Only the first ``MAX_HTML_CHARS`` (5 million)
characters are handed to lxml: a larger page is cut there, so a huge page costs bounded time and
memory. Content without a single tag is read by the plain-text path instead.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from typing import Any

from broadsheet.extract import (
    boilerplate,
    byline,
    htmlmeta,
    leftout,
    looselists,
    metadata,
    pagekind,
    runs,
)
from broadsheet.extract.language import guess_language
from broadsheet.extract.pagewords import heading_texts, page_words
from broadsheet.extract.text import (
    CONTROL,
    control_count,
    extract_text,
    is_prose,
    junk_reason,
    same_text,
    without_related,
)
from broadsheet.model import PARAGRAPH_SEPARATOR, Article, Page, Rejected, RelatedItem
from broadsheet.text import lower_words, word_count

MAX_HTML_CHARS = 5_000_000
MAX_TAGS = 100_000  # the largest of 1,678 real pages (WCXB dev, scrapinghub) has 21,646 "<"
SHORT_ARTICLE_WORDS = 50
DECLARED_ARTICLE_WORDS = 150
URL_ARTICLE_WORDS = 200
LONG_BODY_WORDS = 1500
MIN_PROSE_SHARE = 0.7
_ARTICLE_OG_TYPES = frozenset({"article", "newsarticle", "blogposting", "blog"})
SHORT_BODY_WORDS = 200
FAST_SHORT_WORDS = 250
LONGER_DEFAULT = 2.0
DECLARED_LONGER = 1.5  # a declared body read when this many times as long as ours (round 23)
DECLARED_HOLDS = 0.8  # ... and holding this share of our body's words
WORDS_PER_PARAGRAPH = 10
_PARAGRAPH = re.compile(r"<p[\s>]", re.IGNORECASE)
_TAG = re.compile(r"<[A-Za-z!/?]")
_SAMPLE = 65_536


def run_trafilatura(tree: Any, url: str | None, *, precise: bool, fast: bool = False,
                    recall: bool = False) -> str:
    """trafilatura's text for a parsed page ("" when it found none). trafilatura works on its
    own copy of ``tree``, so one parse serves every run; a precise run is made by
    ``runs.precise_text`` and a fast recall run by ``runs.recall_text`` (the same text, their
    whole-tree prunes made in Python); ``recall`` asks for trafilatura's ``favor_recall`` run."""
    import trafilatura

    if precise:
        return runs.precise_text(tree, url, fast=fast)
    if recall and fast:
        return runs.recall_text(tree, url)
    doc: Any = trafilatura.bare_extraction(tree, url=url, include_comments=False, fast=fast,
                                           favor_recall=recall)
    return str(doc.text or "") if doc is not None else ""


def parse_html(markup: str, controls: int | None = None) -> Any:
    """The page's tree, as ``trafilatura.utils.load_html`` parses a string (its repairs, its
    parser's options, its fallback to bytes, its refusal of a short tree that does not say
    "html"), but with lxml's element classes looked up in C (``_parser``): lxml.html's own
    lookup is a Python call for every element touched, and trafilatura's runs and the metadata
    reader touch each many times over (678,000 calls on the 181 scrapinghub pages, a twelfth of
    the time of the HTML path). Every element is then a plain ``HtmlElement`` (no form classes,
    which nothing here uses); the trees serialise the same. ``controls``: the markup's count of
    control characters (``control_count``) when the caller has it already."""
    import trafilatura.utils

    beginning = markup[:50].lower()
    dubious = trafilatura.utils.is_dubious_html(beginning)
    if controls is None:
        controls = control_count(markup)
    if controls or any(char in markup for char in _XML_REFUSED):
        markup = trafilatura.utils.repair_faulty_html(markup, beginning)
    else:
        markup = _repaired(markup, beginning)
    tree, from_bytes = None, False
    try:
        tree = _fromstring(markup)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree, from_bytes = _from_bytes(markup), True
    except Exception:  # lxml raises many types on hostile markup; bytes are tried next
        tree = None
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(markup)
    return None if tree is not None and dubious and len(tree) < 2 else tree


_XML_REFUSED = "\x0c\ufffe\uffff"  # with the control characters, what trafilatura deletes


def _repaired(markup: str, beginning: str) -> str:
    """``trafilatura.utils.repair_faulty_html`` for a page without a character XML refuses
    (``control_count``, ``_XML_REFUSED``): its other two repairs, a doctype with a slash and a
    self-closing ``<html/>``, without its search of the whole page for those characters (a
    character class tried at every position: a millisecond and a half on the median page,
    where two plain searches take a tenth of that)."""
    import trafilatura.utils

    doctype, self_closing = trafilatura.utils.DOCTYPE_TAG, trafilatura.utils.FAULTY_HTML
    if "doctype" in beginning:
        first, _, rest = markup.partition("\n")
        markup = doctype.sub("", first, count=1) + "\n" + rest
    for line in markup[:4096].splitlines()[:4]:
        if "<html" in line and line.endswith("/>"):
            return self_closing.sub(r"\1>", markup, count=1)
    return markup


def _fromstring(markup: str | bytes) -> Any:
    import lxml.html

    return lxml.html.fromstring(markup, parser=_parser())


def _from_bytes(markup: str) -> Any:
    try:
        return _fromstring(markup.encode("utf8", "surrogatepass"))
    except Exception:  # as trafilatura: no tree
        return None


@lru_cache(maxsize=1)
def _parser() -> Any:
    """trafilatura's HTML parser (the same options) with lxml's C lookup of element classes."""
    import lxml.html
    from lxml import etree

    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                  remove_comments=True, remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
    return parser


def needs_full_run(words: int, markup: str) -> bool:
    """Does the fast run's body (of ``words`` words) look cut short? Fewer than
    ``FAST_SHORT_WORDS`` words, or fewer than ``WORDS_PER_PARAGRAPH`` per ``<p>`` of the markup:
    then the page holds much more text
    than was kept, and trafilatura's comparison with readability and jusText (its slow half,
    skipped in fast mode) is worth its time. Chosen on the scrapinghub pages and WCXB dev
    articles (fast run alone against the full one, raw trafilatura text): the same F1 on
    scrapinghub with the full run on 22% of its pages; on WCXB 0.001 below, full run on 15%."""
    return words < FAST_SHORT_WORDS or words < WORDS_PER_PARAGRAPH * len(_PARAGRAPH.findall(markup))


def _extraction(markup: str, url: str | None,
                controls: int | None = None) -> tuple[str, Any, Any, int]:
    """The body text, the document holding the metadata and the parsed tree; one fast
    trafilatura run on most pages.

    The page is parsed once: the metadata is read from the tree first, as trafilatura reads it
    (``byline.page_metadata``: the same values, its byline search made cheap), then the text
    runs each work on a copy of the tree. The first run is precise (``favor_precision``) and
    fast (no comparison with readability and jusText): on the scrapinghub pages and the WCXB
    dev articles it takes about 0.6 of the time of the full run and gives the same text except
    where the body comes out short (``needs_full_run``): then the full precise run is made (one
    page in five), and then the default run too, since precision mode may keep only a first
    section: its text wins when the precise one is short (under ``SHORT_BODY_WORDS``) and it is
    longer, or when it is ``LONGER_DEFAULT`` times as long (chosen on the dev sets: WCXB dev
    articles 0.935 -> 0.937, where 1.5 would do as well; scrapinghub unchanged, where 1.5 costs
    0.001); where the precise body is short and the text chosen still looks cut short, the floor
    a recall run must pass (``recall_floor``; ``recalled`` reads it, round 27). Where every one of
    those runs finds nothing, trafilatura's recall run is the last try before the page is
    rejected (``no_text``): of the 1,678 dev pages, 11 were rejected so, and
    the recall run finds text on 2 (a WCXB article of 1,900 words, a forum page of 39). On a
    page judged an article whose body announces what it does not hold, ``filled`` makes one
    more run (the fast recall run). ``controls``: as ``parse_html``'s.
    """
    tree = parse_html(markup, controls)
    if tree is None:
        return "", None, None, 0
    meta = byline.page_metadata(tree, url)
    url = url or meta.url
    text = run_trafilatura(tree, url, precise=True, fast=True)
    words = word_count(text)
    cut_short = needs_full_run(words, markup)
    if cut_short:
        text = run_trafilatura(tree, url, precise=True) or text
        words = word_count(text)
    if cut_short or words < SHORT_BODY_WORDS:
        default = run_trafilatura(tree, url, precise=False)
        enough = words if words < SHORT_BODY_WORDS else LONGER_DEFAULT * words
        text = default if word_count(default) > enough else text
    floor = recall_floor(words, text, markup)
    if not text.strip():  # the last try before "no_text": a page the other runs find empty
        text = run_trafilatura(tree, url, precise=False, recall=True)
    return text, meta, tree, floor


def recall_floor(precise_words: int, text: str, markup: str) -> int:
    """The words the fast recall run must pass for ``recalled`` to read it (0: no run): where
    the precise body was short (under ``SHORT_BODY_WORDS``, ``precise_words``) and the text
    chosen after the default run (``text``) still looks cut short (``needs_full_run``: under
    ten words a ``<p>`` of the markup), ``LONGER_DEFAULT`` times that text's words."""
    words = word_count(text)
    if precise_words >= SHORT_BODY_WORDS or not words or not needs_full_run(words, markup):
        return 0
    return int(LONGER_DEFAULT * words)


def announces_missing(paragraphs: Sequence[str]) -> bool:
    """Does the body hold a paragraph that announces what follows ("This meant:", "Some
    implications are:") followed by one that is not a list item? Then the run left out what
    was announced: mostly a list, which precision mode drops inside the body (on WCXB's guides
    and explainers); the recall run keeps it."""
    return any(first.endswith(":") and not second.startswith(_LIST_ITEM)
               for first, second in pairwise(paragraphs))


_LIST_ITEM = "- "


def with_gaps_filled(mine: Sequence[str], theirs: Sequence[str]) -> tuple[str, ...]:
    """``mine`` with the paragraphs ``theirs`` (the recall run's) holds between the first and the
    last paragraph the two share: the gaps inside the body, in ``theirs``'s order and wording;
    what ``mine`` holds before and after them stays its own, and a fuller run's extra head or
    tail (teasers, comments, footers) is never taken."""
    common = _gap_span(mine, theirs)
    if not common:
        return tuple(mine)
    first = list(mine).index(theirs[common[0]])
    last = len(mine) - 1 - list(mine)[::-1].index(theirs[common[-1]])
    if last < first:
        return tuple(mine)
    return (*mine[:first], *theirs[common[0]:common[-1] + 1], *mine[last + 1:])


def _gap_span(mine: Sequence[str], theirs: Sequence[str]) -> list[int]:
    """The positions in ``theirs`` of the paragraphs ``mine`` holds too, or [] when ``theirs``
    holds nothing else between the first and the last of them (no gap to fill). A subsequence
    of ``theirs`` (``theirs`` cleaned, which only drops lines) then has no gap either."""
    shared = set(mine)
    common = [i for i, paragraph in enumerate(theirs) if paragraph in shared]
    if not common or all(paragraph in shared for paragraph in theirs[common[0]:common[-1]]):
        return []
    return common


def filled(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the gaps its body announces filled
    (``announces_missing``, ``with_gaps_filled``) from trafilatura's fast recall run, cleaned as
    the body is. Only articles: the verdict and the reading of other pages (``page_body``)
    stay as they were."""
    if parts.tree is None or not announces_missing(parts.paragraphs):
        return parts
    fuller = _recall_run(parts, fast=True)
    if fuller is None:
        return parts
    lines, _ = without_related(body_paragraphs(fuller), body=True)
    if not _gap_span(parts.paragraphs, lines):  # no gap even before cleaning: skip the cleaning
        return parts
    paragraphs = with_gaps_filled(parts.paragraphs,
                                  _cleaned(lines, parts.title, parts.outlet, parts.url))
    return replace(parts, paragraphs=paragraphs)


def _recall_run(parts: HtmlParts, *, fast: bool) -> str | None:
    """trafilatura's recall run on the page's tree (``fast``: the fast one), or None when it
    fails: the reading then stays as it was (``filled``, ``recalled``, ``_gaps_recalled``)."""
    return _recall_text(parts.tree, parts.url, fast)


@lru_cache(maxsize=2)
def _recall_text(tree: Any, url: str | None, fast: bool) -> str | None:
    """``_recall_run``'s text, kept for the last page read (by its tree: no step changes it):
    a page whose body ``recalled`` leaves as it was and whose body announces a list it lacks
    (``filled``) asks for the same fast run twice (4 of the 1,678 dev pages)."""
    try:
        return run_trafilatura(tree, url, precise=False, recall=True, fast=fast)
    except Exception:  # lxml and trafilatura raise many types on hostile markup
        return None


def recalled(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with trafilatura's fast recall run's text in
    place of the body, where the runs left the body short (``recall_floor``) and the recall
    text passes the floor (``LONGER_DEFAULT`` times as long), cleaned as the body is. Round
    27: where precision mode finds little and the default run no more than a closing section
    or the first sections (a guide's text in a page builder's blocks), the recall run reads
    the whole; made on WCXB dev articles 18 of 791 (3 read it, all up), scrapinghub 21 of 181
    (none). Only articles, as ``filled``: the verdict reads the body as the runs chose it (read
    before the verdict, the recall text moved 14 pages that are not articles and the sites
    held out is-article figure 0.949 -> 0.938)."""
    if not parts.recall_floor or parts.tree is None:
        return parts
    fuller = _recall_run(parts, fast=True)
    if fuller is None or word_count(fuller) <= parts.recall_floor:
        return parts
    lines, related = without_related(body_paragraphs(fuller), body=True)
    paragraphs = _cleaned(lines, parts.title, parts.outlet, parts.url)
    return replace(parts, paragraphs=paragraphs, related=related) if paragraphs else parts


def continued(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the rest of a body split over containers
    of one class (``leftout.split_body``: trafilatura reads the first only), cleaned as the
    body is and put where the markup prints it, before or after the paragraphs of the
    container trafilatura read. Only articles, as ``filled``."""
    split = leftout.split_body(parts.tree, parts.markup, parts.paragraphs)
    if split is None:
        return parts
    body = parts.paragraphs
    before, after = (_cleaned(lines, parts.title, parts.outlet, parts.url) if lines else ()
                     for lines in (split.before, split.after))
    paragraphs = (*body[:split.first], *before, *body[split.first:split.last + 1], *after,
                  *body[split.last + 1:])
    return replace(parts, paragraphs=paragraphs)


def headed(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the headings trafilatura left out between
    two of its paragraphs (``leftout.dropped_headings``) put back. Only articles, as
    ``filled``."""
    return _inserted(parts, leftout.dropped_headings(parts.tree, parts.paragraphs))


def loosened(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the prose paragraphs printed between two
    of its own outside the container trafilatura read (``leftout.loose_paragraphs``), cleaned
    as the body is. Only articles, as ``filled``."""
    return _cleaned_in(parts, leftout.loose_paragraphs(parts.tree, parts.paragraphs))


def boxed(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the text of the boxes precision mode drops
    inside the body's span (``leftout.boxed_blocks``: an element whose style draws a border),
    cleaned as the body is. Only articles, as ``filled``."""
    return _cleaned_in(parts, leftout.boxed_blocks(parts.tree, parts.paragraphs))


def listed(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the loose blocks inside the body's span the
    list model keeps (``looselists.kept_lists``), cleaned as the body is. Only articles, as
    ``filled``."""
    found: dict[int, list[str]] = {}
    for block in looselists.kept_lists(parts.tree, parts.paragraphs):
        found.setdefault(block.before, []).extend(block_lines(parts, block))
    return _inserted(parts, {i: lines for i, lines in found.items() if lines})


def declared(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with the body its JSON-LD declares
    (``leftout.declared_body``) in place of the one read from the markup, where the declared
    one holds ``DECLARED_LONGER`` times its words or more and most of them
    (``DECLARED_HOLDS``): a page printing its text with script, whose markup holds a part.
    Cleaned as the body is. Only articles, as ``filled``."""
    lines = leftout.declared_body(parts.tree, parts.markup)
    if not lines:
        return parts
    ours = [word for paragraph in parts.paragraphs for word in lower_words(paragraph)]
    theirs = [word for line in lines for word in lower_words(line)]
    if len(theirs) < DECLARED_LONGER * len(ours):
        return parts
    declared_words = set(theirs)
    if sum(word in declared_words for word in ours) < DECLARED_HOLDS * len(ours):
        return parts
    paragraphs = _cleaned(lines, parts.title, parts.outlet, parts.url)
    return replace(parts, paragraphs=paragraphs) if paragraphs else parts


def block_lines(parts: HtmlParts, block: looselists.LooseList) -> tuple[str, ...]:
    """The lines a loose block adds to ``parts``' body, cleaned as the body is."""
    return _cleaned(looselists.block_lines(block), parts.title, parts.outlet, parts.url)


def _cleaned_in(parts: HtmlParts, found: dict[int, list[str]]) -> HtmlParts:
    """``parts`` with the lines of ``found``, cleaned as the body is, each put before the body
    paragraph of its index (``_inserted``); a place whose lines all go adds nothing."""
    cleaned = {i: list(_cleaned(lines, parts.title, parts.outlet, parts.url))
               for i, lines in found.items()}
    return _inserted(parts, {i: lines for i, lines in cleaned.items() if lines})


def _inserted(parts: HtmlParts, found: dict[int, list[str]]) -> HtmlParts:
    """``parts`` with the lines of ``found`` each put before the body paragraph of its index."""
    if not found:
        return parts
    return replace(parts, paragraphs=with_lines(parts.paragraphs, found))


def with_lines(paragraphs: Sequence[str], found: Mapping[int, Sequence[str]]) -> tuple[str, ...]:
    """``paragraphs`` with the lines of ``found`` each put before the paragraph of its index."""
    return tuple(line for i, paragraph in enumerate(paragraphs)
                 for line in (*found.get(i, ()), paragraph))


def body_paragraphs(text: str) -> list[str]:
    """trafilatura's text output, one paragraph a line, as a list of non-empty paragraphs."""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


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


@dataclass(frozen=True)
class HtmlParts:
    """What the HTML path found on a page, before the article-or-not verdict."""

    markup: str
    meta: metadata.HtmlMetadata
    url: str | None
    title: str | None
    outlet: str | None  # the site name the body is cleaned of (the article's outlet: ``meta``)
    paragraphs: tuple[str, ...]
    related: tuple[RelatedItem, ...]
    tree: Any = field(default=None, repr=False, compare=False)
    judged: tuple[str, ...] = ()  # what the verdict reads when not ``paragraphs`` (``_judged``)
    recall_floor: int = 0  # the words a recall run must pass to be read (``recalled``)

    @property
    def read(self) -> tuple[str, ...]:
        """The body the article-or-not verdict reads."""
        return self.judged or self.paragraphs


def html_parts(page: Page) -> HtmlParts | Rejected:
    """Run trafilatura and our boilerplate stage on an HTML page, or say why there is no text."""
    markup = page.content[:MAX_HTML_CHARS]
    if control_count(markup):  # lxml refuses them; none is left (``parse_html``'s count)
        markup = CONTROL.sub(" ", markup)
    if markup.count("<") > MAX_TAGS:  # trafilatura's time grows faster than the tag count
        return Rejected.of(page, "extract", "too_complex",
                           f"the markup has more than {MAX_TAGS:,} tags: refused unparsed")
    try:
        text, doc, tree, floor = _extraction(markup, page.url, controls=0)
    except Exception as exc:  # lxml and trafilatura raise many types on hostile markup
        return Rejected.of(page, "extract", "parse_error", f"the markup could not be parsed: {exc!r}"[:300])
    if doc is None or not text.strip():
        return Rejected.of(page, "extract", "no_text", "no article text was found in the markup")
    url = page.url or (doc.url or None)
    meta = htmlmeta.from_document(doc, markup, url)
    body = body_paragraphs(text)
    lines, related = without_related(body, body=True)
    outlet = page.outlet or meta.site or metadata.guess_outlet(lines)
    title = page.title or meta.title
    paragraphs = _cleaned(lines, title, outlet, url)
    if not paragraphs:
        return Rejected.of(page, "extract", "no_text", "the page text was all boilerplate")
    return HtmlParts(markup, meta, url, title, outlet, paragraphs, related, tree,
                     _judged(body, related, title, outlet, url), floor)


def _judged(body: list[str], related: tuple[RelatedItem, ...], title: str | None,
            outlet: str | None, url: str | None) -> tuple[str, ...]:
    """The body the verdict reads where a list that outweighs the rest stays in the text
    (``without_related``'s ``body``), else () for the text itself: the list taken out, as the
    shipped page classifier was trained (kept, the retrained classifier loses about two WCXB dev
    pages of 1,497 held out)."""
    if related:
        return ()
    stripped, items = without_related(body)
    return _cleaned(stripped, title, outlet, url) if items else ()


def _cleaned(lines: Sequence[str], title: str | None, outlet: str | None,
             url: str | None) -> tuple[str, ...]:
    """Body lines without those repeating the headline or printing the page's own address (a
    share or print widget's permalink), through the boilerplate stage."""
    own = _address(url) if url else None
    body = [line for line in lines if line and not (title and same_text(line, title))
            and not (own and " " not in line and _address(line) == own)]
    return boilerplate.clean_paragraphs(body, outlet)


def _address(text: str) -> str:
    """An address without its scheme, "www." and final slash, lower-cased, for comparison."""
    bare = text.strip().lower().split("://", 1)[-1]
    return bare.removeprefix("www.").rstrip("/")


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
        return run_trafilatura(parts.tree, parts.url, precise=False)
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


def extract_html(page: Page) -> Article | Rejected:
    """The clean article of an HTML page (``Page.kind == "html"``), or why there is none."""
    return judged(page)[0]


def judged(page: Page) -> tuple[Article | Rejected, pagekind.Evidence | None]:
    """The article of an HTML page and what it was judged on (None if rejected or read as
    plain text); the benchmark measures the classifier on held-out sites with it."""
    result, evidence, _ = judged_parts(page)
    return result, evidence


def judged_parts(page: Page) -> tuple[Article | Rejected, pagekind.Evidence | None,
                                      HtmlParts | None]:
    """``judged``, with the page's parts as parsed (None where there are none): no step changes
    their tree, so a caller may read more of the page from them (``with_readings``) without
    parsing it again."""
    junk = junk_reason(page.content)
    if junk is not None:
        return Rejected.of(page, "extract", *junk), None, None
    if not _TAG.search(page.content[:_SAMPLE]):
        return extract_text(page), None, None
    parts = html_parts(page)
    if isinstance(parts, Rejected):
        return parts, None, None
    evidence, kind, default = weighed(parts)
    return _article(page, declared(boxed(listed(completed(parts)))) if kind is None
                    else page_body(parts, default), kind), evidence, parts


def completed(parts: HtmlParts) -> HtmlParts:
    """The reading of a page judged an article with what trafilatura left out put back
    (``recalled``, ``filled``, ``continued``, ``loosened``, ``headed``), before the list model's
    choice. A body read from the recall run is not filled from that same run again."""
    recall = recalled(parts)
    return headed(loosened(continued(filled(parts) if recall is parts else recall)))


def page_body(parts: HtmlParts, default: str | None = None) -> HtmlParts:
    """The text of a page that is not an article (a listing, a shop, a forum, docs): trafilatura's
    default run through our boilerplate stage. Precision mode, right for articles, cuts too much
    of such pages: on the WCXB dev pages that are not articles (forums, products, listings, docs,
    in many languages) their must / must-not strings score 0.790 this way, against 0.769 for the
    article reading and 0.789 for trafilatura alone. The lists stay in (on a listing the list is
    the content; taking it out as related stories costs 0.001), and so does the headline line.
    When the default run adds nothing but what the article reading took out (its related list,
    the headline) that reading stands: the page reads as an article to us even if not to the
    classifier (a bare page with no address or declaration). Only when what it took out is a
    list of stories, though (``_stories``): a run of product tiles, reviews or specification
    rows read as a related list is the content of a shop or listing page (WCXB dev pages that
    are not articles: 0.7885 -> 0.7896, trafilatura alone 0.7885). Nothing found: the reading
    stands. Round 22: then the gaps trafilatura's recall run fills inside that text
    (``_gaps_recalled``) and without the lines that are the site's controls (``_unchromed``:
    "Add to cart", "Sign in", "Sort by"); sites held out, see extraction round 22. ``default``:
    trafilatura's default text when the verdict already read it (``weighed``), else read here."""
    if parts.tree is None:
        return parts
    return _unchromed(_gaps_recalled(_page_reading(parts, default)))


def _page_reading(parts: HtmlParts, default: str | None) -> HtmlParts:
    """``page_body``'s reading before the gaps and the controls: trafilatura's default text
    through our boilerplate stage, or the article reading where it stands."""
    text = default_text(parts) if default is None else default
    if text is None:
        return parts
    lines = body_paragraphs(text)
    kept, related = without_related(lines, body=True)
    if _stories(related) and _cleaned(kept, parts.title, parts.outlet,
                                      parts.url) == parts.paragraphs:
        return parts
    paragraphs = boilerplate.clean_paragraphs(lines, parts.outlet)
    return replace(parts, paragraphs=paragraphs) if paragraphs else parts


def _gaps_recalled(parts: HtmlParts) -> HtmlParts:
    """A page that is not an article with the paragraphs trafilatura's recall run holds between
    the first and the last it shares with the reading (``with_gaps_added``: a forum's posts, a
    shop's specification rows the default run skipped; never a fuller run's head or tail),
    through the boilerplate stage."""
    fuller = _recall_run(parts, fast=False)
    if fuller is None:
        return parts
    lines = body_paragraphs(fuller)
    if not _gap_span(parts.paragraphs, lines):  # no gap even before cleaning
        return parts
    cleaned = boilerplate.clean_paragraphs(lines, parts.outlet)
    return replace(parts, paragraphs=with_gaps_added(parts.paragraphs, cleaned))


def with_gaps_added(mine: Sequence[str], theirs: Sequence[str]) -> tuple[str, ...]:
    """Every paragraph of ``mine`` and, after each it shares with ``theirs``, the paragraphs
    ``theirs`` holds next (up to the next shared one, inside the span of the shared ones):
    ``with_gaps_filled`` without giving up a paragraph of ``mine`` that ``theirs`` lacks (on a
    page that is not an article the reading's own lines, a shop's details, a thread's replies,
    are content whichever run found them)."""
    common = _gap_span(mine, theirs)
    if not common:
        return tuple(mine)
    following: dict[str, list[str]] = {}
    for start, end in pairwise(common):
        following.setdefault(theirs[start], list(theirs[start + 1:end]))
    return tuple(line for paragraph in mine for line in (paragraph, *following.pop(paragraph, ())))


def _unchromed(parts: HtmlParts) -> HtmlParts:
    """A page that is not an article without its controls' lines (``boilerplate.without_chrome``)."""
    return replace(parts, paragraphs=boilerplate.without_chrome(parts.paragraphs))


def _stories(related: Sequence[RelatedItem]) -> bool:
    """True for no list at all, or a related-stories list: most of its items carry a section
    label their teasers share ("Feature ...", "Speed Read ..."), as story widgets print them."""
    return not related or sum(item.label is not None for item in related) > len(related) / 2


def _article(page: Page, parts: HtmlParts, kind: str | None) -> Article:
    """Assemble the Article from what the HTML path found and the page-kind verdict."""
    meta, paragraphs = parts.meta, parts.paragraphs
    return Article(
        id=page.id,
        source=page.source,
        title=parts.title or paragraphs[0][:120],
        paragraphs=paragraphs,
        url=parts.url,
        authors=meta.authors,
        published=page.published or meta.published,
        outlet=page.outlet or meta.outlet or parts.outlet,
        section=meta.section,
        language=meta.language or guess_language(PARAGRAPH_SEPARATOR.join(paragraphs)),
        is_article=kind is None,
        not_article=kind,
        opinion=meta.opinion,
        related=parts.related,
    )
